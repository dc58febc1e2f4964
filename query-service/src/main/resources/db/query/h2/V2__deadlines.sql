-- What each case has due and which of its steps were late, for the case list. Cases whose
-- deadline events were projected before this migration show them once the projections are rebuilt
-- (drop their rows and the token).

-- The open steps of each case and when each is due (the latest deadline of the step replaces the
-- earlier one); a step leaves when it is taken, the case is escalated (acknowledgements) or closed.
CREATE TABLE incident_due_step (
    incident_id VARCHAR(36)              NOT NULL,
    step        VARCHAR(32)              NOT NULL,
    due_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    reminder    INTEGER                  NOT NULL,
    PRIMARY KEY (incident_id, step)
);

-- Each step that was not taken by its deadline, once (a replay finds it there).
CREATE TABLE incident_late_step (
    incident_id VARCHAR(36)              NOT NULL,
    step        VARCHAR(32)              NOT NULL,
    due_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    noticed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (incident_id, step, due_at)
);

-- The list's copy: the step due first, and how many were late.
ALTER TABLE incident_summary ADD COLUMN next_step VARCHAR(32);
ALTER TABLE incident_summary ADD COLUMN next_due_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE incident_summary ADD COLUMN late_steps INTEGER NOT NULL DEFAULT 0;
