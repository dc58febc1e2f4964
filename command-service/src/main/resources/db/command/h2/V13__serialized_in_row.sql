-- H2 only (PostgreSQL keeps these as BYTEA, in the row): the processors' tokens, the sagas, the deadlines' task data
-- and the parked events as binary strings kept in the row rather than BLOBs, as the event store's V12 does for the
-- events. H2 writes every BLOB longer than a few hundred bytes apart from its row, in its large-object store, and these
-- are written for every saga step, every deadline set or fired and every batch of every processor. Far under the
-- 1,000,000,000 bytes H2 takes in a BINARY VARYING; NOT NULL stays where it was. Evidence files stay BLOBs: they are
-- up to megabytes and read one at a time.
ALTER TABLE command_token_entry ALTER COLUMN token SET DATA TYPE BINARY VARYING;
ALTER TABLE SagaEntry ALTER COLUMN serializedSaga SET DATA TYPE BINARY VARYING;
ALTER TABLE scheduled_tasks ALTER COLUMN task_data SET DATA TYPE BINARY VARYING;
ALTER TABLE command_dead_letter_entry ALTER COLUMN payload SET DATA TYPE BINARY VARYING;
ALTER TABLE command_dead_letter_entry ALTER COLUMN meta_data SET DATA TYPE BINARY VARYING;
ALTER TABLE command_dead_letter_entry ALTER COLUMN token SET DATA TYPE BINARY VARYING;
ALTER TABLE command_dead_letter_entry ALTER COLUMN diagnostics SET DATA TYPE BINARY VARYING;
