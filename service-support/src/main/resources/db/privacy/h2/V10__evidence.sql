-- Evidence (bewijsmateriaal) attached to a case: see postgresql/V10. H2 has no trigger in SQL: here the code is the
-- guard (EvidenceStore never updates a row, and deletes rows only in the erasure of their case).
CREATE TABLE evidence (
    evidence_id VARCHAR(36)              NOT NULL PRIMARY KEY,
    incident_id VARCHAR(36)              NOT NULL,
    sha256      CHAR(64)                 NOT NULL,
    received_at TIMESTAMP WITH TIME ZONE NOT NULL,
    size_bytes  BIGINT                   NOT NULL,
    media_type  VARCHAR(100)             NOT NULL,
    key_id      VARCHAR(36)              NOT NULL,
    content     BLOB                     NOT NULL,
    CONSTRAINT evidence_size CHECK (size_bytes > 0)
);
CREATE INDEX evidence_by_incident ON evidence (incident_id);
