-- Parked events of the query service's streaming processors: Axon's JdbcSequencedDeadLetterQueue with the
-- snake_case DeadLetterSchema of service-support (DeadLetterConfiguration), one row per parked event,
-- sequenced per case (sequence_identifier is the case's id). Times are ISO-8601 strings, as Axon writes them.
CREATE TABLE query_dead_letter_entry (
    dead_letter_id       VARCHAR(255)  NOT NULL,
    processing_group     VARCHAR(255)  NOT NULL,
    sequence_identifier  VARCHAR(255)  NOT NULL,
    sequence_index       BIGINT        NOT NULL,
    message_type         VARCHAR(255)  NOT NULL,
    event_identifier     VARCHAR(255)  NOT NULL,
    time_stamp           VARCHAR(255)  NOT NULL,
    payload_type         VARCHAR(255)  NOT NULL,
    payload_revision     VARCHAR(255),
    payload              BYTEA         NOT NULL,
    meta_data            BYTEA,
    aggregate_type       VARCHAR(255),
    aggregate_identifier VARCHAR(255),
    sequence_number      BIGINT,
    token_type           VARCHAR(255),
    token                BYTEA,
    enqueued_at          VARCHAR(255)  NOT NULL,
    last_touched         VARCHAR(255),
    processing_started   VARCHAR(255),
    cause_type           VARCHAR(255),
    cause_message        VARCHAR(1023),
    diagnostics          BYTEA,
    PRIMARY KEY (dead_letter_id),
    CONSTRAINT query_dead_letter_position UNIQUE (processing_group, sequence_identifier, sequence_index),
    -- Parked once, whichever segment failed on it first (a saga's processor hands an event to every segment).
    CONSTRAINT query_dead_letter_event UNIQUE (processing_group, event_identifier)
);

CREATE INDEX query_dead_letter_group ON query_dead_letter_entry (processing_group);
