-- The case list at 100,000 cases. One statement each, which H2 and PostgreSQL take word for word.

-- Whether a case involves the viewer (CaseAccess: nobody reads in full a case they are involved in) and whether the
-- board added them to it are asked of every case a page walks. By the person first: PostgreSQL answers such a NOT
-- EXISTS by collecting the viewer's rows once, which without these indexes read every row of the table per page.
CREATE INDEX incident_party_person ON incident_party (person_id, incident_id);
CREATE INDEX need_to_know_reader_person ON need_to_know_reader (person_id, incident_id);

-- The case list of a staff member, whose cases are a handful among many thousands: what they reported, newest first,
-- read by this index (CaseAccess.listSeeds) instead of walking every case newest first to find them.
CREATE INDEX incident_summary_reporter ON incident_summary (reported_by, reported_at, incident_id);
