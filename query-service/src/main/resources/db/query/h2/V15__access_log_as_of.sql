-- The board's case list and dashboard as they stood at a moment (issue 12, any date) are recorded in the access log
-- too: who looked back, when, from where; such an entry names no case and no person (a list shows many). Two kinds
-- more, and the subject rule says so. No row changes: the constraints are replaced, not the rows.
ALTER TABLE access_log DROP CONSTRAINT access_log_kind;
ALTER TABLE access_log ADD CONSTRAINT access_log_kind
    CHECK (kind IN ('INCIDENT_DOSSIER', 'HISTORY', 'PERSON_DOSSIER', 'CASE_LIST_AS_OF', 'DASHBOARD_AS_OF'));
ALTER TABLE access_log DROP CONSTRAINT access_log_subject;
ALTER TABLE access_log ADD CONSTRAINT access_log_subject CHECK (
    (kind = 'PERSON_DOSSIER' AND person_id IS NOT NULL AND incident_id IS NULL)
    OR (kind IN ('INCIDENT_DOSSIER', 'HISTORY') AND incident_id IS NOT NULL AND person_id IS NULL)
    OR (kind IN ('CASE_LIST_AS_OF', 'DASHBOARD_AS_OF') AND incident_id IS NULL AND person_id IS NULL));
