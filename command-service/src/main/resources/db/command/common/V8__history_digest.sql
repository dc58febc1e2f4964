-- The daily digest of the heads of every case's hash chain (see README, "Tamper-evident history"): one row per day,
-- written by the history-digest task. The same statement on H2 and PostgreSQL.
CREATE TABLE history_digest (
    digest_day    DATE                     NOT NULL,
    -- Events stamped at or before this moment count (the end of digest_day, Dutch time).
    up_to         TIMESTAMP WITH TIME ZONE NOT NULL,
    computed_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    chained_cases BIGINT                   NOT NULL,
    -- SHA-256, 64 hexadecimal digits.
    digest        VARCHAR(64)              NOT NULL,
    broken_cases  BIGINT                   NOT NULL,
    PRIMARY KEY (digest_day)
);
