-- YueGong Journal, database version 5: a working-day index for reports.
-- work_days.ordinal counts working days from 2020-01-01, so the working days between two
-- dates are ordinal(b) - ordinal(a) and durations can be averaged in SQL. It is rebuilt
-- from calendar_days whenever the calendar changes (CalendarRepository).

CREATE TABLE work_days (
    day     TEXT PRIMARY KEY,
    ordinal INTEGER NOT NULL
) WITHOUT ROWID;

WITH RECURSIVE d(day) AS (
    SELECT '2020-01-01'
    UNION ALL
    SELECT date(day, '+1 day') FROM d WHERE day < '2040-12-31'
)
INSERT INTO work_days (day, ordinal)
SELECT d.day,
       SUM(CASE WHEN c.kind = 'holiday' THEN 0
                WHEN c.kind = 'workday' THEN 1
                WHEN strftime('%w', d.day) IN ('0', '6') THEN 0
                ELSE 1 END) OVER (ORDER BY d.day)
FROM d LEFT JOIN calendar_days c ON c.day = d.day;

CREATE INDEX issue_events_issue_action ON issue_events(issue_id, action, event_date);
