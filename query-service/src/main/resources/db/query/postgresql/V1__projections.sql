-- The query service's tables on PostgreSQL, the same as the H2 variant: bytea for the tokens, text
-- where H2 has CLOB (PostgreSQL keeps both in the row; nothing here is an oid large object).

-- Tracking tokens of the query service's projections; dropping a projection's rows and its
-- token rebuilds it from the event store.
CREATE TABLE query_token_entry (
    processor_name VARCHAR(255) NOT NULL,
    segment        INTEGER      NOT NULL,
    token          BYTEA,
    token_type     VARCHAR(255),
    time_stamp     VARCHAR(255),
    owner          VARCHAR(255),
    PRIMARY KEY (processor_name, segment)
);

-- One row per case, for lists and for deciding who may see it.
CREATE TABLE incident_summary (
    incident_id            VARCHAR(36)  NOT NULL PRIMARY KEY,
    school_id              VARCHAR(100) NOT NULL,
    status                 VARCHAR(30)  NOT NULL,
    severity               VARCHAR(20)  NOT NULL,
    stage                  VARCHAR(20)  NOT NULL,
    platform               VARCHAR(30)  NOT NULL,
    reported_by            VARCHAR(100) NOT NULL,
    reported_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    assignee_level         VARCHAR(20),
    assignee_id            VARCHAR(100),
    manager_id             VARCHAR(100),
    communications_notified BOOLEAN     NOT NULL DEFAULT FALSE,
    strategy_agreed        BOOLEAN      NOT NULL DEFAULT FALSE,
    closed_at              TIMESTAMP WITH TIME ZONE
);
CREATE INDEX incident_summary_school ON incident_summary (school_id);

-- Every event of every case, in order: the board's review and the source of the dossier.
CREATE TABLE incident_history (
    incident_id     VARCHAR(36)  NOT NULL,
    sequence_number BIGINT       NOT NULL,
    event_id        VARCHAR(255) NOT NULL,
    event_type      VARCHAR(100) NOT NULL,
    occurred_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    actor_id        VARCHAR(100),
    actor_role      VARCHAR(30),
    causation_id    VARCHAR(255),
    correlation_id  VARCHAR(255),
    cause           VARCHAR(255),
    payload         TEXT         NOT NULL,
    PRIMARY KEY (incident_id, sequence_number)
);

-- Measures and correspondence about a person: their personnel or pupil dossier.
CREATE TABLE dossier_entry (
    event_id     VARCHAR(255) NOT NULL PRIMARY KEY,
    person_id    VARCHAR(100) NOT NULL,
    incident_id  VARCHAR(36)  NOT NULL,
    school_id    VARCHAR(100) NOT NULL,
    entry_type   VARCHAR(20)  NOT NULL,
    party_role   VARCHAR(20)  NOT NULL,
    measure      VARCHAR(30),
    text         TEXT         NOT NULL,
    recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_by  VARCHAR(100),
    recorded_by_role VARCHAR(30)
);
CREATE INDEX dossier_entry_person ON dossier_entry (person_id, recorded_at);
