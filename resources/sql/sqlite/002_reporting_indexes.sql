-- YueGong Journal, database version 2: indexes the period reports and lists filter on,
-- and district-wide settings kept in the database (shared by every laptop that opens it).

CREATE INDEX visits_date ON visits(visit_date);
CREATE INDEX issues_received ON issues(received_on);
CREATE INDEX issues_stage_due ON issues(stage, due_date);
CREATE INDEX issues_closed ON issues(closed_on, outcome);
CREATE INDEX issues_category ON issues(category_id, received_on);
CREATE INDEX enterprises_key ON enterprises(id) WHERE is_key = 1;
CREATE INDEX issue_events_date ON issue_events(event_date, action);

CREATE TABLE settings (
    key         TEXT PRIMARY KEY,
    value       TEXT NOT NULL,
    updated_at  TEXT NOT NULL
) WITHOUT ROWID;
