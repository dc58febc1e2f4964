-- The board's dashboard (room dashboard): what the case list does not keep. Per case whether the legal duty of
-- art. 4a WOT applies, its severity, when it was reported and when it was last escalated (the moment an
-- acknowledgement became due); and one row for each step whose time the dashboard measures: each acknowledgement
-- (by the level that acknowledged) and the notification of the communications department. The cases projected
-- before this migration get theirs from the history (DashboardFromTheHistory, version 9.1).
CREATE TABLE dashboard_case (
    incident_id       VARCHAR(36)              NOT NULL PRIMARY KEY,
    severity          VARCHAR(20)              NOT NULL,
    reported_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    legal_duty        BOOLEAN                  NOT NULL DEFAULT FALSE,
    escalated_at      TIMESTAMP WITH TIME ZONE
);

CREATE TABLE dashboard_step_time (
    event_id     VARCHAR(255)             NOT NULL PRIMARY KEY,
    incident_id  VARCHAR(36)              NOT NULL,
    measure      VARCHAR(30)              NOT NULL,
    level        VARCHAR(20),
    severity     VARCHAR(20)              NOT NULL,
    started_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    taken_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    duration_ms  BIGINT                   NOT NULL
);
-- The step times of the last twelve months are read by the time each step was taken.
CREATE INDEX dashboard_step_time_taken ON dashboard_step_time (taken_at);
