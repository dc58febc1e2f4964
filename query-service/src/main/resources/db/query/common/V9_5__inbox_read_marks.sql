-- Which inbox entries their recipient has read (gelezen). Kept apart from inbox_entry, which a replay of the
-- inbox projection may rebuild: a read mark is the person's own, not something the events say.
CREATE TABLE inbox_read_mark (
    recipient_id VARCHAR(100)             NOT NULL,
    event_id     VARCHAR(255)             NOT NULL,
    read_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (recipient_id, event_id)
);
