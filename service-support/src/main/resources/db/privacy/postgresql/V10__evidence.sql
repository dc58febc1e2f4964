-- Evidence (bewijsmateriaal) attached to a case: the bytes as received, encrypted with the case's key of
-- personal_data_key (key_id names it; the case id and the evidence id are the ciphertext's associated data), with their
-- SHA-256, size and the moment the command service received them. What the file is called and what it shows are
-- personal data and live, encrypted, in the case's event (EvidenceAttached), not here.
-- Never altered: a trigger refuses every UPDATE and TRUNCATE, to everyone (a superuser too), and every DELETE but the
-- erasure of the case's evidence, which the erasure marks by naming the case in the transaction-local setting
-- incidents.evidence_erasure (EvidenceStore.deleteCase); a row is deleted only together with the case's keys.
CREATE TABLE evidence (
    evidence_id VARCHAR(36)              NOT NULL PRIMARY KEY,
    incident_id VARCHAR(36)              NOT NULL,
    sha256      CHAR(64)                 NOT NULL,
    received_at TIMESTAMP WITH TIME ZONE NOT NULL,
    size_bytes  BIGINT                   NOT NULL,
    media_type  VARCHAR(100)             NOT NULL,
    key_id      VARCHAR(36)              NOT NULL,
    content     BYTEA                    NOT NULL,
    CONSTRAINT evidence_size CHECK (size_bytes > 0)
);
CREATE INDEX evidence_by_incident ON evidence (incident_id);

CREATE FUNCTION evidence_never_altered() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' AND current_setting('incidents.evidence_erasure', true) = OLD.incident_id THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'evidence is never altered: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER evidence_no_update_or_delete BEFORE UPDATE OR DELETE ON evidence
    FOR EACH ROW EXECUTE FUNCTION evidence_never_altered();
CREATE TRIGGER evidence_no_truncate BEFORE TRUNCATE ON evidence
    FOR EACH STATEMENT EXECUTE FUNCTION evidence_never_altered();
