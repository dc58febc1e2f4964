-- The access log also records downloads of a case's evidence and of its police package; each names the case, as a
-- read of the case's dossier does. Two kinds more, and the subject rule says so. No row changes: the constraints are
-- replaced, not the rows.
ALTER TABLE access_log DROP CONSTRAINT access_log_kind;
ALTER TABLE access_log ADD CONSTRAINT access_log_kind
    CHECK (kind IN ('INCIDENT_DOSSIER', 'HISTORY', 'PERSON_DOSSIER', 'CASE_LIST_AS_OF', 'DASHBOARD_AS_OF', 'EVIDENCE',
                    'POLICE_PACKAGE'));
ALTER TABLE access_log DROP CONSTRAINT access_log_subject;
ALTER TABLE access_log ADD CONSTRAINT access_log_subject CHECK (
    (kind = 'PERSON_DOSSIER' AND person_id IS NOT NULL AND incident_id IS NULL)
    OR (kind IN ('INCIDENT_DOSSIER', 'HISTORY', 'EVIDENCE', 'POLICE_PACKAGE') AND incident_id IS NOT NULL
        AND person_id IS NULL)
    OR (kind IN ('CASE_LIST_AS_OF', 'DASHBOARD_AS_OF') AND incident_id IS NULL AND person_id IS NULL));
