-- The board's dashboard at 100,000 cases. One statement each, which H2 and PostgreSQL take word for word.

-- The open cases counted by status, stage, school and severity (DashboardQueries: status IN the open statuses, which
-- an index serves where status <> 'CLOSED' could not): read from this index alone, the closed cases never visited.
CREATE INDEX incident_summary_open ON incident_summary (status, stage, school_id, severity, incident_id);

-- The step times of the last twelve months, read by the time each step was taken with everything the figures need
-- in the index itself; it replaces the index on the time alone.
CREATE INDEX dashboard_step_time_taken_figures ON dashboard_step_time (taken_at, measure, level, severity, duration_ms,
    incident_id);
DROP INDEX dashboard_step_time_taken;
