-- YueGong Journal, database version 13: the exchange both ways (docs/exchange.md).

-- The cadres whose work a peer (a laptop) holds: the authors and owners of the records it
-- sent, and the cadres named when the office wrote its reference file for it. The office
-- sends back the issues of these cadres (their "assignments") with their steps.
CREATE TABLE exchange_peer_cadres (
    peer_id     INTEGER NOT NULL REFERENCES exchange_peers(id),
    cadre_id    INTEGER NOT NULL REFERENCES cadres(id),
    PRIMARY KEY (peer_id, cadre_id)
) WITHOUT ROWID;

-- Another database's uuid for a record that is one and the same here (the same enterprise,
-- by credit code, registered on two sides). Foreign keys naming either uuid resolve to the
-- local record; each database keeps its own uuid.
CREATE TABLE exchange_aliases (
    table_name  TEXT NOT NULL,
    alias_uuid  TEXT NOT NULL,
    local_id    INTEGER NOT NULL,
    peer_id     INTEGER NOT NULL REFERENCES exchange_peers(id),
    created_at  TEXT NOT NULL,
    PRIMARY KEY (table_name, alias_uuid)
) WITHOUT ROWID;
CREATE INDEX exchange_aliases_local ON exchange_aliases(table_name, local_id);

-- Merging both sides' steps of an issue puts them in one order on both sides (by when they
-- were recorded; see docs/exchange.md), which may place an incoming step before a local
-- one. So the position (seq) of an event may change; its content still may not.
DROP TRIGGER issue_events_no_update;
CREATE TRIGGER issue_events_no_update
BEFORE UPDATE OF id, uuid, issue_id, action, from_stage, to_stage, outcome, actor_id, occurred_at, event_date, note,
    department_id, due_date, satisfaction, meeting_id ON issue_events
BEGIN
    SELECT RAISE(ABORT, 'issue events are append-only and cannot be changed');
END;
