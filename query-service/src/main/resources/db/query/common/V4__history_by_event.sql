-- The person dossier orders entries of the same millisecond by their case's sequence number: found by event id.
CREATE INDEX incident_history_event ON incident_history (event_id);
