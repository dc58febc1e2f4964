-- The keys of personal data (see README, "Personal data and encryption"): one per case (person_id '') and one per
-- person in a case, each a Tink keyset wrapped by the master key. Deleting a row makes what it encrypted unreadable.
CREATE TABLE personal_data_key (
    key_id      VARCHAR(36)     NOT NULL PRIMARY KEY,
    incident_id VARCHAR(36)     NOT NULL,
    person_id   VARCHAR(100)    NOT NULL,
    keyset      VARBINARY(4096) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT personal_data_key_owner UNIQUE (incident_id, person_id)
);
CREATE INDEX personal_data_key_person ON personal_data_key (person_id);
