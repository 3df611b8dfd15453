-- YueGong Journal, database version 11: laptop-office exchange bookkeeping (docs/exchange.md).

-- This database's own id in exchange files (one row, created on first need, never copied
-- by an exchange: a restored copy of a file keeps it, a new file gets its own).
CREATE TABLE exchange_identity (
    singleton   INTEGER PRIMARY KEY CHECK (singleton = 1),
    database_id TEXT NOT NULL,
    created_at  TEXT NOT NULL
);

-- Every database this one has exchanged files with: up to when changes were sent to it
-- (the next export sends what changed since) and the newest file received from it.
CREATE TABLE exchange_peers (
    id                  INTEGER PRIMARY KEY,
    peer_uuid           TEXT NOT NULL UNIQUE,
    last_sent_at        TEXT,
    last_received_at    TEXT,
    last_received_sha256 TEXT,
    created_at          TEXT NOT NULL
);

-- Per peer and record: the content hash both sides last agreed on (after an import that
-- inserted, applied or found the same content, or a decided conflict). A record whose
-- local content still has this hash was changed only by the sender; one whose local and
-- incoming contents both differ from it was changed on both sides (a conflict).
CREATE TABLE exchange_records (
    peer_id     INTEGER NOT NULL REFERENCES exchange_peers(id),
    table_name  TEXT NOT NULL,
    record_key  TEXT NOT NULL,
    agreed_hash TEXT NOT NULL,
    PRIMARY KEY (peer_id, table_name, record_key)
) WITHOUT ROWID;

-- Records changed on both sides, listed for a person to decide; the incoming version is
-- not applied until someone keeps it.
CREATE TABLE exchange_conflicts (
    id          INTEGER PRIMARY KEY,
    peer_id     INTEGER NOT NULL REFERENCES exchange_peers(id),
    file_kind   TEXT NOT NULL CHECK (file_kind IN ('records', 'reference')),
    table_name  TEXT NOT NULL,
    record_key  TEXT NOT NULL,
    mine        TEXT NOT NULL,
    mine_hash   TEXT NOT NULL,
    theirs      TEXT NOT NULL,
    theirs_hash TEXT NOT NULL,
    found_at    TEXT NOT NULL,
    decided_at  TEXT,
    decided_by  INTEGER REFERENCES cadres(id),
    decision    TEXT CHECK (decision IN ('mine', 'theirs')),
    CHECK ((decision IS NULL) = (decided_at IS NULL))
);
CREATE INDEX exchange_conflicts_open ON exchange_conflicts(table_name, record_key) WHERE decision IS NULL;
