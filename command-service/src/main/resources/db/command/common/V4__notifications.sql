-- The notification mails: one row per notice and recipient, written with the notifications
-- processor's token, sent apart from it. A sent or undeliverable row stays as the record of who was
-- mailed what; clearing failed_at (and setting next_attempt_at) sends an undeliverable one again.
CREATE TABLE notification_mail (
    event_id        VARCHAR(255)             NOT NULL,
    recipient_id    VARCHAR(100)             NOT NULL,
    incident_id     VARCHAR(36)              NOT NULL,
    kind            VARCHAR(40)              NOT NULL,
    subject         VARCHAR(500)             NOT NULL,
    text            VARCHAR(4000)            NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    attempts        INTEGER                  NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at         TIMESTAMP WITH TIME ZONE,
    failed_at       TIMESTAMP WITH TIME ZONE,
    last_error      VARCHAR(1000),
    PRIMARY KEY (event_id, recipient_id)
);
CREATE INDEX notification_mail_next_attempt_idx ON notification_mail (next_attempt_at);
