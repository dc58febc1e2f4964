-- Durable deadlines: db-scheduler 13's table (its columns, H2 types).
CREATE TABLE scheduled_tasks (
    task_name            VARCHAR(100) NOT NULL,
    task_instance        VARCHAR(100) NOT NULL,
    task_data            BLOB,
    execution_time       TIMESTAMP WITH TIME ZONE NOT NULL,
    picked               BOOLEAN      NOT NULL,
    picked_by            VARCHAR(50),
    last_success         TIMESTAMP WITH TIME ZONE,
    last_failure         TIMESTAMP WITH TIME ZONE,
    consecutive_failures INTEGER,
    last_heartbeat       TIMESTAMP WITH TIME ZONE,
    version              BIGINT       NOT NULL,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX scheduled_tasks_execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX scheduled_tasks_last_heartbeat_idx ON scheduled_tasks (last_heartbeat);

-- The steps of open cases and when they are due, kept by the command service from its own events,
-- so that the sweep finds a step whose deadline passed without firing.
CREATE TABLE escalation_due_step (
    incident_id VARCHAR(36)              NOT NULL,
    step        VARCHAR(32)              NOT NULL,
    due_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (incident_id, step)
);
CREATE INDEX escalation_due_step_due_at_idx ON escalation_due_step (due_at);
