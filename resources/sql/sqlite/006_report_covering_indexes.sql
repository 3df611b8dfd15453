-- YueGong Journal, database version 6: covering indexes for period reports, so counting
-- visits, enterprises and authors in a date range reads the index only.
CREATE INDEX visits_date_enterprise_author ON visits(visit_date, enterprise_id, author_id);
CREATE INDEX issue_events_date_action_issue ON issue_events(event_date, action, issue_id, satisfaction);
