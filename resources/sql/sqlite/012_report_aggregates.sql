-- YueGong Journal, database version 12: report aggregates (docs/reports.md "How the figures
-- are computed", docs/performance.md).
--
-- Six tables of counts kept by triggers, so that a report over a month, a quarter or a year
-- of a province reads a few thousand rows instead of every issue and visit. They hold
-- nothing that is not derived from issues, visits, enterprises and the work-day index;
-- `yuegong-cli check` compares them with a fresh count, and ReportAggregates::rebuild
-- recomputes them (after a calendar change, or to repair them).

-- Issues by the month they were received, the town of their enterprise, their category and
-- their state now. due_state: 0 open, 1 closed without a due date, 2 closed on or before it,
-- 3 closed after it. close_days: working days intake → closed (closed issues), -1 open,
-- -2 a date outside the work-day index. Rows whose count fell to 0 may stay.
CREATE TABLE report_issue_cube (
    month       TEXT NOT NULL,
    town_id     INTEGER NOT NULL,
    category_id INTEGER NOT NULL,
    stage       TEXT NOT NULL,
    outcome     TEXT NOT NULL,
    due_state   INTEGER NOT NULL,
    close_days  INTEGER NOT NULL,
    n           INTEGER NOT NULL,
    PRIMARY KEY (month, town_id, category_id, stage, outcome, due_state, close_days)
) WITHOUT ROWID;

-- Issues by the month they were received, their owner and outcome ('' while open): the
-- per-cadre lines of a report.
CREATE TABLE report_owner_cube (
    month    TEXT NOT NULL,
    owner_id INTEGER NOT NULL,
    outcome  TEXT NOT NULL,
    n        INTEGER NOT NULL,
    PRIMARY KEY (month, owner_id, outcome)
) WITHOUT ROWID;

-- Visits (家次) by month, the town of the enterprise and the cadre who recorded them.
CREATE TABLE report_visit_cube (
    month     TEXT NOT NULL,
    town_id   INTEGER NOT NULL,
    author_id INTEGER NOT NULL,
    n         INTEGER NOT NULL,
    PRIMARY KEY (month, town_id, author_id)
) WITHOUT ROWID;

-- The enterprises visited in each calendar year ('2024'), quarter ('2024-Q3') and month
-- ('2024-07'), with their number of visits; a row goes when its last visit goes.
CREATE TABLE report_enterprise_periods (
    period        TEXT NOT NULL,
    enterprise_id INTEGER NOT NULL,
    n             INTEGER NOT NULL,
    PRIMARY KEY (period, enterprise_id)
) WITHOUT ROWID;

-- Visits recorded by each cadre in each ISO week (by its Monday): the weekly quota.
CREATE TABLE report_cadre_weeks (
    monday   TEXT NOT NULL,
    cadre_id INTEGER NOT NULL,
    n        INTEGER NOT NULL,
    PRIMARY KEY (monday, cadre_id)
) WITHOUT ROWID;
CREATE INDEX report_cadre_weeks_cadre ON report_cadre_weeks(cadre_id, monday, n);

-- Each cadre's visits (as author or companion) per enterprise in each calendar year,
-- quarter and month; recorded: of those, the ones the cadre recorded. The per-cadre lines of
-- the annual evaluation: visits, distinct enterprises, recorded visits. A row goes when its
-- last visit goes.
CREATE TABLE report_cadre_enterprise_periods (
    period        TEXT NOT NULL,
    cadre_id      INTEGER NOT NULL,
    enterprise_id INTEGER NOT NULL,
    n             INTEGER NOT NULL,
    recorded      INTEGER NOT NULL,
    PRIMARY KEY (period, cadre_id, enterprise_id)
) WITHOUT ROWID;

-- Follow-ups and returns in a period read only those three actions.
CREATE INDEX issue_events_action_date ON issue_events(action, event_date, satisfaction);

-- ---------------------------------------------------------------------------------------
-- Issues. The key expressions are repeated in every trigger and in ReportAggregates.cpp;
-- TestReportAggregates checks that the tables equal a fresh count after every kind of write.
-- While the setting report.deferred exists (a bulk write: the demo generator, a large
-- import) the triggers do nothing and ReportAggregates::rebuild counts everything at its end,
-- in the same transaction; `check` reports a database left with the setting.
-- A missing enterprise counts under town 0 for the moment the statement runs, so that the
-- statement fails on its foreign key (and is undone whole) with that message.

CREATE TRIGGER report_issues_insert AFTER INSERT ON issues
WHEN NOT EXISTS (SELECT 1 FROM settings WHERE key = 'report.deferred')
BEGIN
    INSERT INTO report_issue_cube (month, town_id, category_id, stage, outcome, due_state, close_days, n)
    VALUES (substr(new.received_on, 1, 7), coalesce((SELECT town_id FROM enterprises WHERE id = new.enterprise_id), 0),
            new.category_id, new.stage, new.outcome,
            CASE WHEN new.stage <> 'closed' THEN 0 WHEN new.due_date IS NULL THEN 1
                 WHEN new.closed_on <= new.due_date THEN 2 ELSE 3 END,
            CASE WHEN new.stage <> 'closed' THEN -1
                 ELSE coalesce((SELECT ordinal FROM work_days WHERE day = new.closed_on)
                               - (SELECT ordinal FROM work_days WHERE day = new.received_on), -2) END,
            1)
    ON CONFLICT DO UPDATE SET n = n + 1;
    INSERT INTO report_owner_cube (month, owner_id, outcome, n)
    VALUES (substr(new.received_on, 1, 7), new.owner_id, new.outcome, 1)
    ON CONFLICT DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER report_issues_delete AFTER DELETE ON issues
WHEN NOT EXISTS (SELECT 1 FROM settings WHERE key = 'report.deferred')
BEGIN
    UPDATE report_issue_cube SET n = n - 1
    WHERE month = substr(old.received_on, 1, 7)
      AND town_id = coalesce((SELECT town_id FROM enterprises WHERE id = old.enterprise_id), 0)
      AND category_id = old.category_id AND stage = old.stage AND outcome = old.outcome
      AND due_state = CASE WHEN old.stage <> 'closed' THEN 0 WHEN old.due_date IS NULL THEN 1
                           WHEN old.closed_on <= old.due_date THEN 2 ELSE 3 END
      AND close_days = CASE WHEN old.stage <> 'closed' THEN -1
                            ELSE coalesce((SELECT ordinal FROM work_days WHERE day = old.closed_on)
                                          - (SELECT ordinal FROM work_days WHERE day = old.received_on), -2) END;
    UPDATE report_owner_cube SET n = n - 1
    WHERE month = substr(old.received_on, 1, 7) AND owner_id = old.owner_id AND outcome = old.outcome;
END;

CREATE TRIGGER report_issues_update
AFTER UPDATE OF received_on, enterprise_id, category_id, owner_id, stage, outcome, due_date, closed_on ON issues
WHEN NOT EXISTS (SELECT 1 FROM settings WHERE key = 'report.deferred')
  AND (old.received_on IS NOT new.received_on OR old.enterprise_id IS NOT new.enterprise_id OR old.owner_id IS NOT new.owner_id
  OR old.category_id IS NOT new.category_id OR old.stage IS NOT new.stage OR old.outcome IS NOT new.outcome
  OR old.due_date IS NOT new.due_date OR old.closed_on IS NOT new.closed_on)
BEGIN
    UPDATE report_issue_cube SET n = n - 1
    WHERE month = substr(old.received_on, 1, 7)
      AND town_id = coalesce((SELECT town_id FROM enterprises WHERE id = old.enterprise_id), 0)
      AND category_id = old.category_id AND stage = old.stage AND outcome = old.outcome
      AND due_state = CASE WHEN old.stage <> 'closed' THEN 0 WHEN old.due_date IS NULL THEN 1
                           WHEN old.closed_on <= old.due_date THEN 2 ELSE 3 END
      AND close_days = CASE WHEN old.stage <> 'closed' THEN -1
                            ELSE coalesce((SELECT ordinal FROM work_days WHERE day = old.closed_on)
                                          - (SELECT ordinal FROM work_days WHERE day = old.received_on), -2) END;
    UPDATE report_owner_cube SET n = n - 1
    WHERE month = substr(old.received_on, 1, 7) AND owner_id = old.owner_id AND outcome = old.outcome;
    INSERT INTO report_owner_cube (month, owner_id, outcome, n)
    VALUES (substr(new.received_on, 1, 7), new.owner_id, new.outcome, 1)
    ON CONFLICT DO UPDATE SET n = n + 1;
    INSERT INTO report_issue_cube (month, town_id, category_id, stage, outcome, due_state, close_days, n)
    VALUES (substr(new.received_on, 1, 7), coalesce((SELECT town_id FROM enterprises WHERE id = new.enterprise_id), 0),
            new.category_id, new.stage, new.outcome,
            CASE WHEN new.stage <> 'closed' THEN 0 WHEN new.due_date IS NULL THEN 1
                 WHEN new.closed_on <= new.due_date THEN 2 ELSE 3 END,
            CASE WHEN new.stage <> 'closed' THEN -1
                 ELSE coalesce((SELECT ordinal FROM work_days WHERE day = new.closed_on)
                               - (SELECT ordinal FROM work_days WHERE day = new.received_on), -2) END,
            1)
    ON CONFLICT DO UPDATE SET n = n + 1;
END;

-- ---------------------------------------------------------------------------------------
-- Visits.

CREATE TRIGGER report_visits_insert AFTER INSERT ON visits
WHEN NOT EXISTS (SELECT 1 FROM settings WHERE key = 'report.deferred')
BEGIN
    INSERT INTO report_visit_cube (month, town_id, author_id, n)
    VALUES (substr(new.visit_date, 1, 7), coalesce((SELECT town_id FROM enterprises WHERE id = new.enterprise_id), 0),
            new.author_id, 1)
    ON CONFLICT DO UPDATE SET n = n + 1;
    INSERT INTO report_enterprise_periods (period, enterprise_id, n)
    VALUES (substr(new.visit_date, 1, 4), new.enterprise_id, 1),
           (substr(new.visit_date, 1, 4) || '-Q' || ((CAST(substr(new.visit_date, 6, 2) AS INTEGER) + 2) / 3),
            new.enterprise_id, 1),
           (substr(new.visit_date, 1, 7), new.enterprise_id, 1)
    ON CONFLICT DO UPDATE SET n = n + 1;
    INSERT INTO report_cadre_weeks (monday, cadre_id, n)
    VALUES (date(new.visit_date, '-6 days', 'weekday 1'), new.author_id, 1)
    ON CONFLICT DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER report_visits_delete AFTER DELETE ON visits
WHEN NOT EXISTS (SELECT 1 FROM settings WHERE key = 'report.deferred')
BEGIN
    UPDATE report_visit_cube SET n = n - 1
    WHERE month = substr(old.visit_date, 1, 7)
      AND town_id = coalesce((SELECT town_id FROM enterprises WHERE id = old.enterprise_id), 0) AND author_id = old.author_id;
    UPDATE report_enterprise_periods SET n = n - 1
    WHERE enterprise_id = old.enterprise_id
      AND period IN (substr(old.visit_date, 1, 4),
                     substr(old.visit_date, 1, 4) || '-Q' || ((CAST(substr(old.visit_date, 6, 2) AS INTEGER) + 2) / 3),
                     substr(old.visit_date, 1, 7));
    DELETE FROM report_enterprise_periods
    WHERE enterprise_id = old.enterprise_id AND n <= 0
      AND period IN (substr(old.visit_date, 1, 4),
                     substr(old.visit_date, 1, 4) || '-Q' || ((CAST(substr(old.visit_date, 6, 2) AS INTEGER) + 2) / 3),
                     substr(old.visit_date, 1, 7));
    UPDATE report_cadre_weeks SET n = n - 1
    WHERE monday = date(old.visit_date, '-6 days', 'weekday 1') AND cadre_id = old.author_id;
END;

CREATE TRIGGER report_visits_update AFTER UPDATE OF visit_date, enterprise_id, author_id ON visits
WHEN NOT EXISTS (SELECT 1 FROM settings WHERE key = 'report.deferred')
  AND (old.visit_date IS NOT new.visit_date OR old.enterprise_id IS NOT new.enterprise_id
  OR old.author_id IS NOT new.author_id)
BEGIN
    UPDATE report_visit_cube SET n = n - 1
    WHERE month = substr(old.visit_date, 1, 7)
      AND town_id = coalesce((SELECT town_id FROM enterprises WHERE id = old.enterprise_id), 0) AND author_id = old.author_id;
    UPDATE report_enterprise_periods SET n = n - 1
    WHERE enterprise_id = old.enterprise_id
      AND period IN (substr(old.visit_date, 1, 4),
                     substr(old.visit_date, 1, 4) || '-Q' || ((CAST(substr(old.visit_date, 6, 2) AS INTEGER) + 2) / 3),
                     substr(old.visit_date, 1, 7));
    DELETE FROM report_enterprise_periods
    WHERE enterprise_id = old.enterprise_id AND n <= 0
      AND period IN (substr(old.visit_date, 1, 4),
                     substr(old.visit_date, 1, 4) || '-Q' || ((CAST(substr(old.visit_date, 6, 2) AS INTEGER) + 2) / 3),
                     substr(old.visit_date, 1, 7));
    UPDATE report_cadre_weeks SET n = n - 1
    WHERE monday = date(old.visit_date, '-6 days', 'weekday 1') AND cadre_id = old.author_id;
    INSERT INTO report_visit_cube (month, town_id, author_id, n)
    VALUES (substr(new.visit_date, 1, 7), coalesce((SELECT town_id FROM enterprises WHERE id = new.enterprise_id), 0),
            new.author_id, 1)
    ON CONFLICT DO UPDATE SET n = n + 1;
    INSERT INTO report_enterprise_periods (period, enterprise_id, n)
    VALUES (substr(new.visit_date, 1, 4), new.enterprise_id, 1),
           (substr(new.visit_date, 1, 4) || '-Q' || ((CAST(substr(new.visit_date, 6, 2) AS INTEGER) + 2) / 3),
            new.enterprise_id, 1),
           (substr(new.visit_date, 1, 7), new.enterprise_id, 1)
    ON CONFLICT DO UPDATE SET n = n + 1;
    INSERT INTO report_cadre_weeks (monday, cadre_id, n)
    VALUES (date(new.visit_date, '-6 days', 'weekday 1'), new.author_id, 1)
    ON CONFLICT DO UPDATE SET n = n + 1;
END;

-- ---------------------------------------------------------------------------------------
-- The cadres on a visit. A visit's cadres are written after the visit and rewritten when it
-- is edited; a deleted visit first removes its cadres (so their rows are counted down while
-- the visit is still there to say its date and enterprise).

CREATE TRIGGER report_visit_cadres_insert AFTER INSERT ON visit_cadres
WHEN NOT EXISTS (SELECT 1 FROM settings WHERE key = 'report.deferred')
BEGIN
    INSERT INTO report_cadre_enterprise_periods (period, cadre_id, enterprise_id, n, recorded)
    SELECT CASE x.k WHEN 1 THEN substr(v.visit_date, 1, 4) WHEN 2 THEN substr(v.visit_date, 1, 4) || '-Q' || ((CAST(substr(v.visit_date, 6, 2) AS INTEGER) + 2) / 3) ELSE substr(v.visit_date, 1, 7) END, new.cadre_id, v.enterprise_id, 1, v.author_id = new.cadre_id
    FROM visits v JOIN (SELECT 1 AS k UNION ALL SELECT 2 UNION ALL SELECT 3) x
    WHERE v.id = new.visit_id
    ON CONFLICT DO UPDATE SET n = n + 1, recorded = recorded + excluded.recorded;
END;

CREATE TRIGGER report_visit_cadres_delete AFTER DELETE ON visit_cadres
WHEN NOT EXISTS (SELECT 1 FROM settings WHERE key = 'report.deferred')
BEGIN
    UPDATE report_cadre_enterprise_periods
    SET n = n - 1, recorded = recorded - ((SELECT author_id FROM visits WHERE id = old.visit_id) = old.cadre_id)
    WHERE cadre_id = old.cadre_id
      AND enterprise_id = (SELECT enterprise_id FROM visits WHERE id = old.visit_id)
      AND period IN (SELECT CASE x.k WHEN 1 THEN substr(v.visit_date, 1, 4) WHEN 2 THEN substr(v.visit_date, 1, 4) || '-Q' || ((CAST(substr(v.visit_date, 6, 2) AS INTEGER) + 2) / 3) ELSE substr(v.visit_date, 1, 7) END FROM visits v JOIN (SELECT 1 AS k UNION ALL SELECT 2 UNION ALL SELECT 3) x WHERE v.id = old.visit_id);
    DELETE FROM report_cadre_enterprise_periods
    WHERE cadre_id = old.cadre_id AND n <= 0
      AND enterprise_id = (SELECT enterprise_id FROM visits WHERE id = old.visit_id)
      AND period IN (SELECT CASE x.k WHEN 1 THEN substr(v.visit_date, 1, 4) WHEN 2 THEN substr(v.visit_date, 1, 4) || '-Q' || ((CAST(substr(v.visit_date, 6, 2) AS INTEGER) + 2) / 3) ELSE substr(v.visit_date, 1, 7) END FROM visits v JOIN (SELECT 1 AS k UNION ALL SELECT 2 UNION ALL SELECT 3) x WHERE v.id = old.visit_id);
END;

CREATE TRIGGER report_visits_before_delete BEFORE DELETE ON visits
BEGIN
    DELETE FROM visit_cadres WHERE visit_id = old.id;
END;

CREATE TRIGGER report_visits_cadres_update AFTER UPDATE OF visit_date, enterprise_id, author_id ON visits
WHEN NOT EXISTS (SELECT 1 FROM settings WHERE key = 'report.deferred')
  AND (old.visit_date IS NOT new.visit_date OR old.enterprise_id IS NOT new.enterprise_id
  OR old.author_id IS NOT new.author_id)
BEGIN
    INSERT INTO report_cadre_enterprise_periods (period, cadre_id, enterprise_id, n, recorded)
    SELECT CASE x.k WHEN 1 THEN substr(old.visit_date, 1, 4) WHEN 2 THEN substr(old.visit_date, 1, 4) || '-Q' || ((CAST(substr(old.visit_date, 6, 2) AS INTEGER) + 2) / 3) ELSE substr(old.visit_date, 1, 7) END, vc.cadre_id, old.enterprise_id, -1, -(old.author_id = vc.cadre_id)
    FROM visit_cadres vc JOIN (SELECT 1 AS k UNION ALL SELECT 2 UNION ALL SELECT 3) x
    WHERE vc.visit_id = old.id
    ON CONFLICT DO UPDATE SET n = n + excluded.n, recorded = recorded + excluded.recorded;
    INSERT INTO report_cadre_enterprise_periods (period, cadre_id, enterprise_id, n, recorded)
    SELECT CASE x.k WHEN 1 THEN substr(new.visit_date, 1, 4) WHEN 2 THEN substr(new.visit_date, 1, 4) || '-Q' || ((CAST(substr(new.visit_date, 6, 2) AS INTEGER) + 2) / 3) ELSE substr(new.visit_date, 1, 7) END, vc.cadre_id, new.enterprise_id, 1, new.author_id = vc.cadre_id
    FROM visit_cadres vc JOIN (SELECT 1 AS k UNION ALL SELECT 2 UNION ALL SELECT 3) x
    WHERE vc.visit_id = new.id
    ON CONFLICT DO UPDATE SET n = n + excluded.n, recorded = recorded + excluded.recorded;
    DELETE FROM report_cadre_enterprise_periods
    WHERE n <= 0 AND enterprise_id = old.enterprise_id
      AND cadre_id IN (SELECT cadre_id FROM visit_cadres WHERE visit_id = old.id)
      AND period IN (substr(old.visit_date, 1, 4),
                     substr(old.visit_date, 1, 4) || '-Q' || ((CAST(substr(old.visit_date, 6, 2) AS INTEGER) + 2) / 3),
                     substr(old.visit_date, 1, 7));
END;

-- ---------------------------------------------------------------------------------------
-- An enterprise that moves to another town takes its issues and visits with it.

CREATE TRIGGER report_enterprises_town AFTER UPDATE OF town_id ON enterprises
WHEN NOT EXISTS (SELECT 1 FROM settings WHERE key = 'report.deferred')
  AND (old.town_id IS NOT new.town_id)
BEGIN
    INSERT INTO report_issue_cube (month, town_id, category_id, stage, outcome, due_state, close_days, n)
    SELECT substr(i.received_on, 1, 7), t.town_id, i.category_id, i.stage, i.outcome,
           CASE WHEN i.stage <> 'closed' THEN 0 WHEN i.due_date IS NULL THEN 1
                WHEN i.closed_on <= i.due_date THEN 2 ELSE 3 END,
           CASE WHEN i.stage <> 'closed' THEN -1
                ELSE coalesce((SELECT ordinal FROM work_days WHERE day = i.closed_on)
                              - (SELECT ordinal FROM work_days WHERE day = i.received_on), -2) END,
           sum(t.sign)
    FROM issues i JOIN (SELECT old.town_id AS town_id, -1 AS sign UNION ALL SELECT new.town_id, 1) t
    WHERE i.enterprise_id = new.id
    GROUP BY 1, 2, 3, 4, 5, 6, 7
    ON CONFLICT DO UPDATE SET n = n + excluded.n;
    INSERT INTO report_visit_cube (month, town_id, author_id, n)
    SELECT substr(v.visit_date, 1, 7), t.town_id, v.author_id, sum(t.sign)
    FROM visits v JOIN (SELECT old.town_id AS town_id, -1 AS sign UNION ALL SELECT new.town_id, 1) t
    WHERE v.enterprise_id = new.id
    GROUP BY 1, 2, 3
    ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

-- ---------------------------------------------------------------------------------------
-- Fill from the records already there (the same statements as ReportAggregates::rebuild).

INSERT INTO report_issue_cube (month, town_id, category_id, stage, outcome, due_state, close_days, n)
SELECT substr(i.received_on, 1, 7), e.town_id, i.category_id, i.stage, i.outcome,
       CASE WHEN i.stage <> 'closed' THEN 0 WHEN i.due_date IS NULL THEN 1
            WHEN i.closed_on <= i.due_date THEN 2 ELSE 3 END,
       CASE WHEN i.stage <> 'closed' THEN -1
            ELSE coalesce((SELECT ordinal FROM work_days WHERE day = i.closed_on)
                          - (SELECT ordinal FROM work_days WHERE day = i.received_on), -2) END,
       count(*)
FROM issues i JOIN enterprises e ON e.id = i.enterprise_id
GROUP BY 1, 2, 3, 4, 5, 6, 7;

INSERT INTO report_owner_cube (month, owner_id, outcome, n)
SELECT substr(received_on, 1, 7), owner_id, outcome, count(*) FROM issues GROUP BY 1, 2, 3;

INSERT INTO report_visit_cube (month, town_id, author_id, n)
SELECT substr(v.visit_date, 1, 7), e.town_id, v.author_id, count(*)
FROM visits v JOIN enterprises e ON e.id = v.enterprise_id
GROUP BY 1, 2, 3;

INSERT INTO report_enterprise_periods (period, enterprise_id, n)
SELECT p, enterprise_id, count(*) FROM (
    SELECT substr(visit_date, 1, 4) AS p, enterprise_id FROM visits
    UNION ALL
    SELECT substr(visit_date, 1, 4) || '-Q' || ((CAST(substr(visit_date, 6, 2) AS INTEGER) + 2) / 3), enterprise_id
    FROM visits
    UNION ALL
    SELECT substr(visit_date, 1, 7), enterprise_id FROM visits)
GROUP BY 1, 2;

INSERT INTO report_cadre_weeks (monday, cadre_id, n)
SELECT date(visit_date, '-6 days', 'weekday 1'), author_id, count(*) FROM visits GROUP BY 1, 2;

INSERT INTO report_cadre_enterprise_periods (period, cadre_id, enterprise_id, n, recorded)
SELECT CASE x.k WHEN 1 THEN substr(v.visit_date, 1, 4) WHEN 2 THEN substr(v.visit_date, 1, 4) || '-Q' || ((CAST(substr(v.visit_date, 6, 2) AS INTEGER) + 2) / 3) ELSE substr(v.visit_date, 1, 7) END, vc.cadre_id, v.enterprise_id, count(*), sum(v.author_id = vc.cadre_id)
FROM visit_cadres vc JOIN visits v ON v.id = vc.visit_id JOIN (SELECT 1 AS k UNION ALL SELECT 2 UNION ALL SELECT 3) x
GROUP BY 1, 2, 3;
