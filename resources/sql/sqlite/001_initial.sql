-- YueGong Journal, database version 1: reference data, people, enterprises, visits,
-- issues and their append-only event log.
-- Every record: integer key, stable uuid (survives export/import), created/updated
-- timestamps (UTC, ISO 8601), row version for optimistic concurrency, and who changed it.
-- Calendar dates are TEXT 'YYYY-MM-DD' in the district's time zone.

CREATE TABLE towns (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    code        TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL UNIQUE,
    sort_order  INTEGER NOT NULL DEFAULT 0,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    updated_by  INTEGER REFERENCES cadres(id),
    version     INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE cadre_groups (
    id              INTEGER PRIMARY KEY,
    uuid            TEXT NOT NULL UNIQUE,
    name            TEXT NOT NULL UNIQUE,
    supervisor_id   INTEGER REFERENCES cadres(id),
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    updated_by      INTEGER REFERENCES cadres(id),
    version         INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE cadres (
    id              INTEGER PRIMARY KEY,
    uuid            TEXT NOT NULL UNIQUE,
    name            TEXT NOT NULL CHECK (length(trim(name)) > 0),
    role            TEXT NOT NULL CHECK (role IN ('cadre', 'supervisor', 'staff', 'admin')),
    group_id        INTEGER REFERENCES cadre_groups(id),
    active_from     TEXT NOT NULL,
    active_to       TEXT,
    weekly_quota    INTEGER NOT NULL DEFAULT 1 CHECK (weekly_quota >= 0),
    resident        INTEGER NOT NULL DEFAULT 0 CHECK (resident IN (0, 1)),
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    updated_by      INTEGER REFERENCES cadres(id),
    version         INTEGER NOT NULL DEFAULT 1,
    CHECK (active_to IS NULL OR active_to >= active_from)
);
CREATE INDEX cadres_group ON cadres(group_id);

CREATE TABLE cadre_towns (
    cadre_id    INTEGER NOT NULL REFERENCES cadres(id) ON DELETE CASCADE,
    town_id     INTEGER NOT NULL REFERENCES towns(id),
    PRIMARY KEY (cadre_id, town_id)
) WITHOUT ROWID;
CREATE INDEX cadre_towns_town ON cadre_towns(town_id);

CREATE TABLE enterprises (
    id                  INTEGER PRIMARY KEY,
    uuid                TEXT NOT NULL UNIQUE,
    name                TEXT NOT NULL CHECK (length(trim(name)) > 0),
    credit_code         TEXT NOT NULL UNIQUE CHECK (length(credit_code) = 18),
    town_id             INTEGER NOT NULL REFERENCES towns(id),
    address             TEXT,
    industry            TEXT,
    employees           INTEGER NOT NULL DEFAULT 0 CHECK (employees >= 0),
    is_key              INTEGER NOT NULL DEFAULT 0 CHECK (is_key IN (0, 1)),
    is_small_micro      INTEGER NOT NULL DEFAULT 0 CHECK (is_small_micro IN (0, 1)),
    is_new_form         INTEGER NOT NULL DEFAULT 0 CHECK (is_new_form IN (0, 1)),
    union_status        TEXT NOT NULL DEFAULT 'none' CHECK (union_status IN ('none', 'building', 'established')),
    union_members       INTEGER NOT NULL DEFAULT 0 CHECK (union_members >= 0),
    contact_person      TEXT,
    contact_phone       TEXT,
    assigned_cadre_id   INTEGER REFERENCES cadres(id),
    notes               TEXT,
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL,
    updated_by          INTEGER REFERENCES cadres(id),
    version             INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX enterprises_town ON enterprises(town_id);
CREATE INDEX enterprises_name ON enterprises(name);
CREATE INDEX enterprises_cadre ON enterprises(assigned_cadre_id);

CREATE TABLE categories (
    id                  INTEGER PRIMARY KEY,
    uuid                TEXT NOT NULL UNIQUE,
    code                TEXT NOT NULL UNIQUE,
    name                TEXT NOT NULL UNIQUE,
    default_due_days    INTEGER NOT NULL DEFAULT 10 CHECK (default_due_days > 0),
    sort_order          INTEGER NOT NULL DEFAULT 0,
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL,
    updated_by          INTEGER REFERENCES cadres(id),
    version             INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE departments (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL UNIQUE,
    sort_order  INTEGER NOT NULL DEFAULT 0,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    updated_by  INTEGER REFERENCES cadres(id),
    version     INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE visits (
    id                      INTEGER PRIMARY KEY,
    uuid                    TEXT NOT NULL UNIQUE,
    visit_date              TEXT NOT NULL,
    author_id               INTEGER NOT NULL REFERENCES cadres(id),
    enterprise_id           INTEGER NOT NULL REFERENCES enterprises(id),
    kind                    TEXT NOT NULL CHECK (kind IN ('on_site', 'workshop_talk', 'phone_follow_up',
                                                          'policy_briefing', 'mediation')),
    chk_worker_spirit       TEXT NOT NULL DEFAULT 'not_checked',
    chk_worker_spirit_note  TEXT,
    chk_union_vitality      TEXT NOT NULL DEFAULT 'not_checked',
    chk_union_vitality_note TEXT,
    chk_lawful_employment   TEXT NOT NULL DEFAULT 'not_checked',
    chk_lawful_employment_note TEXT,
    chk_support_measures    TEXT NOT NULL DEFAULT 'not_checked',
    chk_support_measures_note TEXT,
    chk_rights_protection   TEXT NOT NULL DEFAULT 'not_checked',
    chk_rights_protection_note TEXT,
    summary                 TEXT,
    next_visit_date         TEXT,
    created_at              TEXT NOT NULL,
    updated_at              TEXT NOT NULL,
    updated_by              INTEGER REFERENCES cadres(id),
    version                 INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX visits_enterprise_date ON visits(enterprise_id, visit_date);
CREATE INDEX visits_author_date ON visits(author_id, visit_date);

-- The cadres on a visit; position 0 is the author (also in visits.author_id).
CREATE TABLE visit_cadres (
    visit_id    INTEGER NOT NULL REFERENCES visits(id) ON DELETE CASCADE,
    cadre_id    INTEGER NOT NULL REFERENCES cadres(id),
    position    INTEGER NOT NULL,
    PRIMARY KEY (visit_id, cadre_id)
) WITHOUT ROWID;
CREATE INDEX visit_cadres_cadre ON visit_cadres(cadre_id, visit_id);

CREATE TABLE issues (
    id              INTEGER PRIMARY KEY,
    uuid            TEXT NOT NULL UNIQUE,
    number          TEXT NOT NULL UNIQUE,
    number_year     INTEGER NOT NULL,
    number_seq      INTEGER NOT NULL,
    visit_id        INTEGER REFERENCES visits(id),
    enterprise_id   INTEGER NOT NULL REFERENCES enterprises(id),
    category_id     INTEGER NOT NULL REFERENCES categories(id),
    title           TEXT NOT NULL CHECK (length(trim(title)) > 0),
    description     TEXT NOT NULL DEFAULT '',
    raised_by       TEXT,
    owner_id        INTEGER NOT NULL REFERENCES cadres(id),
    department_id   INTEGER REFERENCES departments(id),
    stage           TEXT NOT NULL CHECK (stage IN ('intake', 'consultation', 'follow_up', 'closed')),
    outcome         TEXT NOT NULL DEFAULT '' CHECK (outcome IN ('', 'resolved', 'unresolved', 'withdrawn')),
    received_on     TEXT NOT NULL,
    due_date        TEXT,
    closed_on       TEXT,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    updated_by      INTEGER REFERENCES cadres(id),
    version         INTEGER NOT NULL DEFAULT 1,
    UNIQUE (number_year, number_seq),
    CHECK ((stage = 'closed') = (outcome <> '')),
    CHECK ((stage = 'closed') = (closed_on IS NOT NULL))
);
CREATE INDEX issues_enterprise ON issues(enterprise_id);
CREATE INDEX issues_owner ON issues(owner_id, stage);
CREATE INDEX issues_visit ON issues(visit_id);

CREATE TABLE issue_events (
    id              INTEGER PRIMARY KEY,
    uuid            TEXT NOT NULL UNIQUE,
    issue_id        INTEGER NOT NULL REFERENCES issues(id),
    seq             INTEGER NOT NULL CHECK (seq > 0),
    action          TEXT NOT NULL,
    from_stage      TEXT,
    to_stage        TEXT NOT NULL,
    outcome         TEXT NOT NULL DEFAULT '',
    actor_id        INTEGER NOT NULL REFERENCES cadres(id),
    occurred_at     TEXT NOT NULL,
    event_date      TEXT NOT NULL,
    note            TEXT,
    department_id   INTEGER REFERENCES departments(id),
    due_date        TEXT,
    satisfaction    TEXT,
    UNIQUE (issue_id, seq)
);

-- The event log is append-only: the history behind the resolution rate cannot be rewritten.
CREATE TRIGGER issue_events_no_update BEFORE UPDATE ON issue_events
BEGIN
    SELECT RAISE(ABORT, 'issue events are append-only and cannot be changed');
END;
CREATE TRIGGER issue_events_no_delete BEFORE DELETE ON issue_events
BEGIN
    SELECT RAISE(ABORT, 'issue events are append-only and cannot be deleted');
END;
