-- YueGong Journal, database version 10: shared-need alerts (共性需求提醒) and policy-briefing visits linked to several enterprises.
--
-- Alerts themselves are not stored: they are computed from the issues each time (SQL
-- aggregates, services/SharedNeedService). What is stored is what people decided about
-- them and the briefings planned from them.

-- A dismissed alert, identified by alert_key (category uuid, town uuid or 'district', the
-- shared wording), with the size it had when dismissed: it comes back only when it grows
-- beyond issue_count issues or enterprise_count enterprises.
CREATE TABLE shared_need_dismissals (
    id                  INTEGER PRIMARY KEY,
    uuid                TEXT NOT NULL UNIQUE,
    alert_key           TEXT NOT NULL,
    category_id         INTEGER NOT NULL REFERENCES categories(id),
    town_id             INTEGER REFERENCES towns(id),
    wording             TEXT NOT NULL CHECK (length(wording) > 0),
    issue_count         INTEGER NOT NULL CHECK (issue_count > 0),
    enterprise_count    INTEGER NOT NULL CHECK (enterprise_count > 0),
    reason              TEXT NOT NULL CHECK (length(trim(reason)) > 0),
    dismissed_by        INTEGER NOT NULL REFERENCES cadres(id),
    dismissed_on        TEXT NOT NULL,
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL,
    updated_by          INTEGER REFERENCES cadres(id),
    version             INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX shared_need_dismissals_key ON shared_need_dismissals(alert_key, id);

-- A policy briefing (专场解读会) is one visit (kind policy_briefing) to its host enterprise;
-- these link it to every enterprise invited and to the issues it answers. The visit's own
-- enterprise_id stays the host, so visit figures (家次, enterprises visited, coverage) are
-- unchanged by the links (docs/reports.md).
CREATE TABLE visit_enterprises (
    visit_id        INTEGER NOT NULL REFERENCES visits(id) ON DELETE CASCADE,
    enterprise_id   INTEGER NOT NULL REFERENCES enterprises(id),
    PRIMARY KEY (visit_id, enterprise_id)
) WITHOUT ROWID;
CREATE INDEX visit_enterprises_enterprise ON visit_enterprises(enterprise_id, visit_id);

CREATE TABLE visit_issues (
    visit_id    INTEGER NOT NULL REFERENCES visits(id) ON DELETE CASCADE,
    issue_id    INTEGER NOT NULL REFERENCES issues(id),
    PRIMARY KEY (visit_id, issue_id)
) WITHOUT ROWID;
CREATE INDEX visit_issues_issue ON visit_issues(issue_id, visit_id);

-- Detection reads open issues by category: (stage, category_id, received_on) serves both
-- "open now" and "received in the period" per category without touching closed history.
CREATE INDEX issues_stage_category ON issues(stage, category_id, received_on);

INSERT INTO settings (key, value, updated_at) VALUES ('shared_need.min_issues', '5', '2026-11-22T00:00:00.000Z');
INSERT INTO settings (key, value, updated_at) VALUES ('shared_need.min_enterprises', '4', '2026-11-22T00:00:00.000Z');
INSERT INTO settings (key, value, updated_at) VALUES ('shared_need.period_days', '90', '2026-11-22T00:00:00.000Z');
INSERT INTO settings (key, value, updated_at) VALUES ('shared_need.by_town', '1', '2026-11-22T00:00:00.000Z');
