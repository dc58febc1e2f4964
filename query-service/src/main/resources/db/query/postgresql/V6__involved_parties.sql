-- PostgreSQL: the same as db/query/h2/V6__involved_parties.sql.
-- The people each case's discussion involves (author, target or bystander), as reported: nobody
-- involved reads the case in full (see CaseAccess). The cases projected before this migration get
-- theirs from the history (InvolvedPartiesFromTheHistory, version 7).
CREATE TABLE incident_party (
    incident_id VARCHAR(36)  NOT NULL,
    person_id   VARCHAR(100) NOT NULL,
    PRIMARY KEY (incident_id, person_id)
);
