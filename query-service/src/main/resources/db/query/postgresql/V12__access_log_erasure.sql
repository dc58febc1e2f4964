-- The access log stays append-only, with one exception the AVG asks for: when everything about a person was erased
-- (art. 17), the rows that name them as the subject of a person-dossier read lose that name. The trigger now lets
-- through exactly that update, person_id becoming '[verwijderd]' with every other column as it was, and refuses every
-- other UPDATE, every DELETE and TRUNCATE as before; the user that runs the migrations may update that one column.
-- Who read, when, from where and through which channel is never changed.
CREATE OR REPLACE FUNCTION access_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.person_id IS NOT NULL AND NEW.person_id = '[verwijderd]'
            AND NEW.entry_id = OLD.entry_id AND NEW.read_at = OLD.read_at AND NEW.reader_id = OLD.reader_id
            AND NEW.reader_role = OLD.reader_role AND NEW.kind = OLD.kind
            AND NEW.incident_id IS NOT DISTINCT FROM OLD.incident_id AND NEW.address = OLD.address
            AND NEW.channel = OLD.channel AND NEW.refused = OLD.refused THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'access_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

GRANT UPDATE (person_id) ON access_log TO CURRENT_USER;

-- Who acted in an event (incident_history.actor_id) and who recorded a dossier entry (dossier_entry.recorded_by) are
-- kept as the event store keeps them, encrypted with the actor's key of the case, and decrypted when read: an
-- encrypted id is longer than an id.
ALTER TABLE incident_history ALTER COLUMN actor_id TYPE VARCHAR(300);
ALTER TABLE dossier_entry ALTER COLUMN recorded_by TYPE VARCHAR(300);
