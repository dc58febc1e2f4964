-- H2: as db/query/postgresql/V12__access_log_erasure.sql, whose access-log part has no H2 counterpart (on H2 the
-- access log is append-only by the code alone). Who acted in an event (incident_history.actor_id) and who recorded a
-- dossier entry (dossier_entry.recorded_by) are kept as the event store keeps them, encrypted with the actor's key of
-- the case, and decrypted when read: an encrypted id is longer than an id.
ALTER TABLE incident_history ALTER COLUMN actor_id SET DATA TYPE VARCHAR(300);
ALTER TABLE dossier_entry ALTER COLUMN recorded_by SET DATA TYPE VARCHAR(300);
