-- H2 only (PostgreSQL keeps these as TEXT, in the row): the history's copy of each event's payload, and a dossier
-- entry's text, as character strings kept in the row rather than CLOBs. H2 writes every CLOB longer than a few hundred
-- bytes apart from its row, in its large-object store, which made these inserts the largest cost of a replay (README:
-- Rebuilding the projections). A payload is an event as JSON with its personal fields encrypted, a dossier entry's
-- text at most what the command API takes: kilobytes, far under the 1,000,000,000 characters H2 takes in a
-- CHARACTER VARYING. The columns stay NOT NULL.
ALTER TABLE incident_history ALTER COLUMN payload SET DATA TYPE CHARACTER VARYING;
ALTER TABLE dossier_entry ALTER COLUMN text SET DATA TYPE CHARACTER VARYING;
