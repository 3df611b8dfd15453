-- YueGong Journal, database version 9: monthly exchange meetings (月度交流会) and lifecycle
-- events attributed to them.
-- A supervisor holds one meeting per group and month. Its agenda is prepared from the data
-- (services/MeetingService) and edited; each agenda item may carry a decision, and
-- recording the decisions appends one lifecycle event per item, attributed to the meeting.
-- Records keep the conventions of 001_initial.sql (uuid, created/updated, version) so that
-- an exchange between databases can merge them by uuid.

CREATE TABLE meetings (
    id                  INTEGER PRIMARY KEY,
    uuid                TEXT NOT NULL UNIQUE,
    group_id            INTEGER NOT NULL REFERENCES cadre_groups(id),
    month               TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'),
    held_on             TEXT,
    chair_id            INTEGER REFERENCES cadres(id),
    other_attendees     TEXT NOT NULL DEFAULT '',
    minutes             TEXT NOT NULL DEFAULT '',
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL,
    updated_by          INTEGER REFERENCES cadres(id),
    version             INTEGER NOT NULL DEFAULT 1,
    UNIQUE (group_id, month)
);
CREATE INDEX meetings_month ON meetings(month);

-- The people of the database who attended; position keeps the order they were listed in.
CREATE TABLE meeting_attendees (
    meeting_id  INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    cadre_id    INTEGER NOT NULL REFERENCES cadres(id),
    position    INTEGER NOT NULL,
    PRIMARY KEY (meeting_id, cadre_id)
) WITHOUT ROWID;

-- One row per issue on the agenda, with every reason it is there (comma-separated keys in
-- the fixed order new, resolved, long_consultation, overdue, escalated, returned, added).
-- The decision is applied once: event_id is the lifecycle event written for it.
CREATE TABLE meeting_items (
    id              INTEGER PRIMARY KEY,
    uuid            TEXT NOT NULL UNIQUE,
    meeting_id      INTEGER NOT NULL REFERENCES meetings(id),
    issue_id        INTEGER NOT NULL REFERENCES issues(id),
    reasons         TEXT NOT NULL CHECK (length(reasons) > 0),
    position        INTEGER NOT NULL,
    decision        TEXT NOT NULL DEFAULT '' CHECK (decision IN ('', 'transfer', 'reschedule', 'note')),
    department_id   INTEGER REFERENCES departments(id),
    due_date        TEXT,
    note            TEXT NOT NULL DEFAULT '',
    event_id        INTEGER REFERENCES issue_events(id),
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    updated_by      INTEGER REFERENCES cadres(id),
    version         INTEGER NOT NULL DEFAULT 1,
    UNIQUE (meeting_id, issue_id)
);
CREATE INDEX meeting_items_issue ON meeting_items(issue_id);

-- The meeting an event was decided at (NULL for every event not decided at a meeting).
ALTER TABLE issue_events ADD COLUMN meeting_id INTEGER REFERENCES meetings(id);
CREATE INDEX issue_events_meeting ON issue_events(meeting_id) WHERE meeting_id IS NOT NULL;

-- "In consultation longer than N working days" on the agenda.
INSERT INTO settings (key, value, updated_at) VALUES ('meetings.long_consultation_days', '10', '2026-11-22T00:00:00.000Z');
