-- PostgreSQL: the same as db/query/h2/V5__case_list_pages.sql.
-- The case list answers a page at a time, filtered and ordered in the database (keyset pagination).

-- Since when an open step is overdue: the deadline it missed, kept while the board is reminded of it
-- (then due_at is the next reminder). Filled for the steps already open from their late steps.
ALTER TABLE incident_due_step ADD COLUMN overdue_since TIMESTAMP WITH TIME ZONE;
UPDATE incident_due_step d SET overdue_since = (
    SELECT MAX(l.due_at) FROM incident_late_step l
    WHERE l.incident_id = d.incident_id AND l.step = d.step AND l.due_at < d.due_at)
WHERE d.reminder > 0;
UPDATE incident_due_step d SET overdue_since = d.due_at
WHERE d.reminder = 0 AND EXISTS (
    SELECT 1 FROM incident_late_step l WHERE l.incident_id = d.incident_id AND l.step = d.step AND l.due_at = d.due_at);

-- The earliest deadline of a case's open steps: the key of the due order, and overdue once it has passed.
ALTER TABLE incident_summary ADD COLUMN first_deadline_at TIMESTAMP WITH TIME ZONE;
UPDATE incident_summary s SET first_deadline_at = (
    SELECT MIN(COALESCE(d.overdue_since, d.due_at)) FROM incident_due_step d WHERE d.incident_id = s.incident_id);

-- One index per order, walked from the page's start (the due order's cases with nothing due are the
-- NULL keys, newest first); and the school filter in the newest-first order.
CREATE INDEX incident_summary_reported ON incident_summary (reported_at, incident_id);
CREATE INDEX incident_summary_due ON incident_summary (first_deadline_at, reported_at, incident_id);
CREATE INDEX incident_summary_school_reported ON incident_summary (school_id, reported_at, incident_id);
DROP INDEX incident_summary_school;
