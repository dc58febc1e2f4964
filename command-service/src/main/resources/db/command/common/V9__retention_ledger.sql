-- The closed cases and when they closed, kept by the command service from its own events (IncidentClosed,
-- CaseErased), so that the daily retention task reads only the cases whose retention period may have ended instead
-- of every case (see README, "Retention and legal hold"). Ids and times only: no personal data. The same statement on
-- H2 and PostgreSQL.
CREATE TABLE retention_case (
    incident_id VARCHAR(36)              NOT NULL,
    -- The time of the case's IncidentClosed event.
    closed_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    -- The time of its CaseErased event, by the retention task or the board; null while the case is kept.
    erased_at   TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (incident_id)
);
CREATE INDEX retention_case_closed_at_idx ON retention_case (closed_at);
