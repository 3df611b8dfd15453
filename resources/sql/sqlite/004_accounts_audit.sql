-- YueGong Journal, database version 4: accounts, sign-in attempts and the audit trail.

-- Every cadre, supervisor, staff member and admin signs in with a user name and a
-- password (Argon2id hash from libsodium's crypto_pwhash_str; never the password).
ALTER TABLE cadres ADD COLUMN username TEXT;
ALTER TABLE cadres ADD COLUMN password_hash TEXT;
ALTER TABLE cadres ADD COLUMN disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1));
ALTER TABLE cadres ADD COLUMN failed_sign_ins INTEGER NOT NULL DEFAULT 0;
ALTER TABLE cadres ADD COLUMN last_failed_sign_in TEXT;
CREATE UNIQUE INDEX cadres_username ON cadres(username) WHERE username IS NOT NULL;

-- Every sign-in attempt, successful or not (the user name as typed, never a password).
CREATE TABLE sign_in_attempts (
    id          INTEGER PRIMARY KEY,
    username    TEXT NOT NULL,
    cadre_id    INTEGER REFERENCES cadres(id),
    at          TEXT NOT NULL,
    succeeded   INTEGER NOT NULL CHECK (succeeded IN (0, 1)),
    reason      TEXT
);
CREATE INDEX sign_in_attempts_at ON sign_in_attempts(at);

-- Who changed which record when, old → new of the changed fields (JSON). Each entry holds
-- the hash of the one before, so an entry changed or removed behind the app's back
-- breaks the chain (yuegong-cli check).
CREATE TABLE audit_log (
    id          INTEGER PRIMARY KEY,
    at          TEXT NOT NULL,
    actor_id    INTEGER REFERENCES cadres(id),
    table_name  TEXT NOT NULL,
    record_id   INTEGER,
    record_uuid TEXT,
    action      TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete', 'sign_in', 'account', 'bulk')),
    changes     TEXT NOT NULL,
    prev_hash   TEXT NOT NULL,
    hash        TEXT NOT NULL
);
CREATE INDEX audit_log_record ON audit_log(table_name, record_id);
CREATE INDEX audit_log_actor ON audit_log(actor_id, at);
CREATE INDEX audit_log_at ON audit_log(at);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit entries cannot be changed');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit entries cannot be deleted');
END;

INSERT INTO settings (key, value, updated_at) VALUES ('session.idle_lock_minutes', '15', '2026-11-22T00:00:00.000Z');
