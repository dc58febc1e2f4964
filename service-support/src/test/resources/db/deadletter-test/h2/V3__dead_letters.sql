-- Parked events of the test application's processors: Axon's JdbcSequencedDeadLetterQueue with the
-- snake_case DeadLetterSchema of service-support (DeadLetterConfiguration), one row per parked event,
-- sequenced per case (sequence_identifier is the case's id). Times are ISO-8601 strings, as Axon writes them.
CREATE TABLE test_dead_letter_entry (
    dead_letter_id       VARCHAR(255)  NOT NULL,
    processing_group     VARCHAR(255)  NOT NULL,
    sequence_identifier  VARCHAR(255)  NOT NULL,
    sequence_index       BIGINT        NOT NULL,
    message_type         VARCHAR(255)  NOT NULL,
    event_identifier     VARCHAR(255)  NOT NULL,
    time_stamp           VARCHAR(255)  NOT NULL,
    payload_type         VARCHAR(255)  NOT NULL,
    payload_revision     VARCHAR(255),
    payload              BINARY VARYING NOT NULL,
    meta_data            BINARY VARYING,
    aggregate_type       VARCHAR(255),
    aggregate_identifier VARCHAR(255),
    sequence_number      BIGINT,
    token_type           VARCHAR(255),
    token                BINARY VARYING,
    enqueued_at          VARCHAR(255)  NOT NULL,
    last_touched         VARCHAR(255),
    processing_started   VARCHAR(255),
    cause_type           VARCHAR(255),
    cause_message        VARCHAR(1023),
    diagnostics          BINARY VARYING,
    PRIMARY KEY (dead_letter_id),
    CONSTRAINT test_dead_letter_position UNIQUE (processing_group, sequence_identifier, sequence_index),
    -- Parked once, whichever segment failed on it first (a saga's processor hands an event to every segment).
    CONSTRAINT test_dead_letter_event UNIQUE (processing_group, event_identifier)
);

CREATE INDEX test_dead_letter_group ON test_dead_letter_entry (processing_group);
