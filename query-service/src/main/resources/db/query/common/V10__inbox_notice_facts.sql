-- The facts of each notice beside its English subject and text, so that the inbox shows every notice in its
-- reader's language (the kernel's NoticeTexts writes them). Rows from before have no facts (step is null) and
-- keep showing their stored text. One column a statement: H2 and PostgreSQL take it word for word.
ALTER TABLE inbox_entry ADD COLUMN school_id VARCHAR(100);
ALTER TABLE inbox_entry ADD COLUMN school_name VARCHAR(500);
ALTER TABLE inbox_entry ADD COLUMN level VARCHAR(20);
ALTER TABLE inbox_entry ADD COLUMN step VARCHAR(40);
ALTER TABLE inbox_entry ADD COLUMN due_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE inbox_entry ADD COLUMN missed_acknowledgement TIMESTAMP WITH TIME ZONE;
ALTER TABLE inbox_entry ADD COLUMN reminder INTEGER;
ALTER TABLE inbox_entry ADD COLUMN legal_duty BOOLEAN;
ALTER TABLE inbox_entry ADD COLUMN by_system BOOLEAN;
