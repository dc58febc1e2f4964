-- H2 only (PostgreSQL keeps these as BYTEA, in the row): the events and snapshots as binary strings kept in the row
-- rather than BLOBs. H2 writes every BLOB longer than a few hundred bytes apart from its row, in its large-object
-- store: each appended event wrote its payload and metadata into three more maps, and each event read over H2's TCP
-- server (the query service's reads of the embedded store) was copied into a temporary large object and removed again
-- (seen in a profile of the command service while a client read events over the TCP server). An event
-- is JSON with its personal fields encrypted, a few kilobytes, far under the 1,000,000,000 bytes H2 takes in a BINARY
-- VARYING (checked). NOT NULL stays where it was. The command service applies this with its own migrations (V12 is
-- the first number free in both); the command service's V13 does the same for its tokens, sagas, deadlines and
-- parked events.
ALTER TABLE domain_event_entry ALTER COLUMN payload SET DATA TYPE BINARY VARYING;
ALTER TABLE domain_event_entry ALTER COLUMN meta_data SET DATA TYPE BINARY VARYING;
ALTER TABLE snapshot_event_entry ALTER COLUMN payload SET DATA TYPE BINARY VARYING;
ALTER TABLE snapshot_event_entry ALTER COLUMN meta_data SET DATA TYPE BINARY VARYING;
