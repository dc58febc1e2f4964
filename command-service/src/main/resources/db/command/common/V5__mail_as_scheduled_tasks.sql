-- Notification mails are db-scheduler tasks now (task "notice-mail" in scheduled_tasks, retried with
-- back-off): the outbox goes, with any mail still waiting in it (its notice is in the inbox). What
-- remains is the record of the mails given up on.
DROP TABLE notification_mail;

CREATE TABLE undeliverable_mail (
    event_id     VARCHAR(255)             NOT NULL,
    recipient_id VARCHAR(100)             NOT NULL,
    incident_id  VARCHAR(36)              NOT NULL,
    kind         VARCHAR(40)              NOT NULL,
    failed_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    attempts     INTEGER                  NOT NULL,
    last_error   VARCHAR(1000)            NOT NULL,
    PRIMARY KEY (event_id, recipient_id)
);

-- db-scheduler's priorities (db-scheduler.priority-enabled): a due deadline goes before waiting mails.
-- Rows from before keep the medium priority every task had.
ALTER TABLE scheduled_tasks ADD COLUMN priority SMALLINT;
UPDATE scheduled_tasks SET priority = 50;
CREATE INDEX scheduled_tasks_priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC);
