-- Need to know (alleen wie het moet weten): a legal-duty case, or one the board marked, is read only by the board and
-- the people the board added (see CaseAccess). One statement each, which H2 and PostgreSQL take word for word.
ALTER TABLE incident_summary ADD COLUMN need_to_know BOOLEAN DEFAULT FALSE NOT NULL;

CREATE TABLE need_to_know_reader (
    incident_id VARCHAR(36)  NOT NULL,
    person_id   VARCHAR(100) NOT NULL,
    PRIMARY KEY (incident_id, person_id)
);

-- The cases projected before: a case under the legal duty is need-to-know from its report. Its terms are in the
-- history; legalDuty is no personal data, so it is stored in the clear.
UPDATE incident_summary SET need_to_know = TRUE WHERE incident_id IN (
    SELECT h.incident_id FROM incident_history h
    WHERE h.event_type = 'EscalationPolicyRecorded' AND h.payload LIKE '%"legalDuty":true%');
