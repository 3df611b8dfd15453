-- YueGong Journal, database version 7: the texts reports carry beside the figures.
-- Nominations for the annual evaluation (年终评议): excellent research results (优秀调研成果)
-- and reasonable suggestions (合理化建议), scored and selected by staff.
CREATE TABLE nominations (
    id              INTEGER PRIMARY KEY,
    uuid            TEXT NOT NULL UNIQUE,
    year            INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    kind            TEXT NOT NULL CHECK (kind IN ('research', 'suggestion')),
    cadre_id        INTEGER NOT NULL REFERENCES cadres(id),
    title           TEXT NOT NULL CHECK (length(trim(title)) > 0),
    summary         TEXT NOT NULL DEFAULT '',
    score           REAL CHECK (score IS NULL OR (score >= 0 AND score <= 100)),
    selected        INTEGER NOT NULL DEFAULT 0 CHECK (selected IN (0, 1)),
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    updated_by      INTEGER REFERENCES cadres(id),
    version         INTEGER NOT NULL DEFAULT 1,
    CHECK (selected = 0 OR score IS NOT NULL)
);
CREATE INDEX nominations_year ON nominations(year, kind);

-- Quarterly analysis (季分析): each cadre's reflections (心得) and staff's assessment of a
-- town, one text per author, quarter and subject.
CREATE TABLE quarterly_notes (
    id              INTEGER PRIMARY KEY,
    uuid            TEXT NOT NULL UNIQUE,
    quarter         TEXT NOT NULL CHECK (quarter GLOB '[0-9][0-9][0-9][0-9]-Q[1-4]'),
    kind            TEXT NOT NULL CHECK (kind IN ('reflection', 'town_assessment')),
    author_id       INTEGER NOT NULL REFERENCES cadres(id),
    town_id         INTEGER REFERENCES towns(id),
    body            TEXT NOT NULL CHECK (length(trim(body)) > 0),
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    updated_by      INTEGER REFERENCES cadres(id),
    version         INTEGER NOT NULL DEFAULT 1,
    CHECK ((kind = 'town_assessment') = (town_id IS NOT NULL))
);
CREATE UNIQUE INDEX quarterly_notes_subject ON quarterly_notes(quarter, kind, author_id, ifnull(town_id, 0));
