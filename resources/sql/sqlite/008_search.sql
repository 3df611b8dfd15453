-- YueGong Journal, database version 7: the cadre's screens (visit list, enterprise registry,
-- search). See docs/architecture.md, "Search".

-- Sorting the visit list by kind, cadre or town, and the enterprise timeline, read indexes.
CREATE INDEX visits_kind_date ON visits(kind, visit_date);
CREATE INDEX cadres_name ON cadres(name);
CREATE INDEX towns_sort ON towns(sort_order);
CREATE INDEX issues_enterprise_received ON issues(enterprise_id, received_on);
DROP INDEX issues_enterprise;

-- Search. Terms of three or more characters go to FTS5 trigram indexes over the records'
-- own text (external content: the index holds no copy of the text). One- and two-character
-- terms, which a trigram index cannot match (most Chinese words have two characters),
-- go to a second, contentless index of every character and every pair of adjacent
-- characters of the same text, without positions (detail=none): each such term is then
-- one token. search_positions lets plain SQL (triggers allow no WITH) cut a text into
-- those grams; text past its last position is not in the short-term index.
-- A bulk writer (the demo generator) sets search.deferred, inserts without indexing, and
-- rebuilds every index once at the end (SqliteSearch::rebuildIndexes): the same rows
-- indexed one by one cost three times the time, most of it rewriting FTS segments.
CREATE TABLE search_positions (n INTEGER PRIMARY KEY);
WITH RECURSIVE p(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM p WHERE n < 20000)
INSERT INTO search_positions (n) SELECT n FROM p;

CREATE VIRTUAL TABLE search_enterprises USING fts5(name, credit_code, contact_person, contact_phone,
    content='enterprises', content_rowid='id', tokenize='trigram');
CREATE VIRTUAL TABLE search_enterprises_grams USING fts5(grams,
    content='', detail=none, columnsize=0, tokenize='unicode61');
CREATE VIRTUAL TABLE search_visits USING fts5(summary, chk_worker_spirit_note, chk_union_vitality_note, chk_lawful_employment_note, chk_support_measures_note, chk_rights_protection_note,
    content='visits', content_rowid='id', tokenize='trigram');
CREATE VIRTUAL TABLE search_visits_grams USING fts5(grams,
    content='', detail=none, columnsize=0, tokenize='unicode61');
CREATE VIRTUAL TABLE search_issues USING fts5(number, title, description,
    content='issues', content_rowid='id', tokenize='trigram');
CREATE VIRTUAL TABLE search_issues_grams USING fts5(grams,
    content='', detail=none, columnsize=0, tokenize='unicode61');

CREATE TRIGGER enterprises_search_insert AFTER INSERT ON enterprises
WHEN NOT EXISTS (SELECT 1 FROM settings WHERE key = 'search.deferred')
BEGIN
    INSERT INTO search_enterprises (rowid, name, credit_code, contact_person, contact_phone) VALUES (new.id, new.name, new.credit_code, new.contact_person, new.contact_phone);
    INSERT INTO search_enterprises_grams (rowid, grams)
        SELECT new.id, group_concat(substr(x, n, 1) || ' ' || substr(x, n, 2), ' ')
        FROM (SELECT coalesce(new.name, '') || ' ' || coalesce(new.credit_code, '') || ' ' || coalesce(new.contact_person, '') || ' ' || coalesce(new.contact_phone, '') AS x) JOIN search_positions ON n <= length(x);
END;
CREATE TRIGGER enterprises_search_delete AFTER DELETE ON enterprises
BEGIN
    INSERT INTO search_enterprises (search_enterprises, rowid, name, credit_code, contact_person, contact_phone) VALUES ('delete', old.id, old.name, old.credit_code, old.contact_person, old.contact_phone);
    INSERT INTO search_enterprises_grams (search_enterprises_grams, rowid, grams)
        SELECT 'delete', old.id, group_concat(substr(x, n, 1) || ' ' || substr(x, n, 2), ' ')
        FROM (SELECT coalesce(old.name, '') || ' ' || coalesce(old.credit_code, '') || ' ' || coalesce(old.contact_person, '') || ' ' || coalesce(old.contact_phone, '') AS x) JOIN search_positions ON n <= length(x);
END;
CREATE TRIGGER enterprises_search_update AFTER UPDATE OF name, credit_code, contact_person, contact_phone ON enterprises
WHEN old.name IS NOT new.name OR old.credit_code IS NOT new.credit_code OR old.contact_person IS NOT new.contact_person OR old.contact_phone IS NOT new.contact_phone
BEGIN
    INSERT INTO search_enterprises (search_enterprises, rowid, name, credit_code, contact_person, contact_phone) VALUES ('delete', old.id, old.name, old.credit_code, old.contact_person, old.contact_phone);
    INSERT INTO search_enterprises_grams (search_enterprises_grams, rowid, grams)
        SELECT 'delete', old.id, group_concat(substr(x, n, 1) || ' ' || substr(x, n, 2), ' ')
        FROM (SELECT coalesce(old.name, '') || ' ' || coalesce(old.credit_code, '') || ' ' || coalesce(old.contact_person, '') || ' ' || coalesce(old.contact_phone, '') AS x) JOIN search_positions ON n <= length(x);
    INSERT INTO search_enterprises (rowid, name, credit_code, contact_person, contact_phone) VALUES (new.id, new.name, new.credit_code, new.contact_person, new.contact_phone);
    INSERT INTO search_enterprises_grams (rowid, grams)
        SELECT new.id, group_concat(substr(x, n, 1) || ' ' || substr(x, n, 2), ' ')
        FROM (SELECT coalesce(new.name, '') || ' ' || coalesce(new.credit_code, '') || ' ' || coalesce(new.contact_person, '') || ' ' || coalesce(new.contact_phone, '') AS x) JOIN search_positions ON n <= length(x);
END;

CREATE TRIGGER visits_search_insert AFTER INSERT ON visits
WHEN NOT EXISTS (SELECT 1 FROM settings WHERE key = 'search.deferred')
BEGIN
    INSERT INTO search_visits (rowid, summary, chk_worker_spirit_note, chk_union_vitality_note, chk_lawful_employment_note, chk_support_measures_note, chk_rights_protection_note) VALUES (new.id, new.summary, new.chk_worker_spirit_note, new.chk_union_vitality_note, new.chk_lawful_employment_note, new.chk_support_measures_note, new.chk_rights_protection_note);
    INSERT INTO search_visits_grams (rowid, grams)
        SELECT new.id, group_concat(substr(x, n, 1) || ' ' || substr(x, n, 2), ' ')
        FROM (SELECT coalesce(new.summary, '') || ' ' || coalesce(new.chk_worker_spirit_note, '') || ' ' || coalesce(new.chk_union_vitality_note, '') || ' ' || coalesce(new.chk_lawful_employment_note, '') || ' ' || coalesce(new.chk_support_measures_note, '') || ' ' || coalesce(new.chk_rights_protection_note, '') AS x) JOIN search_positions ON n <= length(x);
END;
CREATE TRIGGER visits_search_delete AFTER DELETE ON visits
BEGIN
    INSERT INTO search_visits (search_visits, rowid, summary, chk_worker_spirit_note, chk_union_vitality_note, chk_lawful_employment_note, chk_support_measures_note, chk_rights_protection_note) VALUES ('delete', old.id, old.summary, old.chk_worker_spirit_note, old.chk_union_vitality_note, old.chk_lawful_employment_note, old.chk_support_measures_note, old.chk_rights_protection_note);
    INSERT INTO search_visits_grams (search_visits_grams, rowid, grams)
        SELECT 'delete', old.id, group_concat(substr(x, n, 1) || ' ' || substr(x, n, 2), ' ')
        FROM (SELECT coalesce(old.summary, '') || ' ' || coalesce(old.chk_worker_spirit_note, '') || ' ' || coalesce(old.chk_union_vitality_note, '') || ' ' || coalesce(old.chk_lawful_employment_note, '') || ' ' || coalesce(old.chk_support_measures_note, '') || ' ' || coalesce(old.chk_rights_protection_note, '') AS x) JOIN search_positions ON n <= length(x);
END;
CREATE TRIGGER visits_search_update AFTER UPDATE OF summary, chk_worker_spirit_note, chk_union_vitality_note, chk_lawful_employment_note, chk_support_measures_note, chk_rights_protection_note ON visits
WHEN old.summary IS NOT new.summary OR old.chk_worker_spirit_note IS NOT new.chk_worker_spirit_note OR old.chk_union_vitality_note IS NOT new.chk_union_vitality_note OR old.chk_lawful_employment_note IS NOT new.chk_lawful_employment_note OR old.chk_support_measures_note IS NOT new.chk_support_measures_note OR old.chk_rights_protection_note IS NOT new.chk_rights_protection_note
BEGIN
    INSERT INTO search_visits (search_visits, rowid, summary, chk_worker_spirit_note, chk_union_vitality_note, chk_lawful_employment_note, chk_support_measures_note, chk_rights_protection_note) VALUES ('delete', old.id, old.summary, old.chk_worker_spirit_note, old.chk_union_vitality_note, old.chk_lawful_employment_note, old.chk_support_measures_note, old.chk_rights_protection_note);
    INSERT INTO search_visits_grams (search_visits_grams, rowid, grams)
        SELECT 'delete', old.id, group_concat(substr(x, n, 1) || ' ' || substr(x, n, 2), ' ')
        FROM (SELECT coalesce(old.summary, '') || ' ' || coalesce(old.chk_worker_spirit_note, '') || ' ' || coalesce(old.chk_union_vitality_note, '') || ' ' || coalesce(old.chk_lawful_employment_note, '') || ' ' || coalesce(old.chk_support_measures_note, '') || ' ' || coalesce(old.chk_rights_protection_note, '') AS x) JOIN search_positions ON n <= length(x);
    INSERT INTO search_visits (rowid, summary, chk_worker_spirit_note, chk_union_vitality_note, chk_lawful_employment_note, chk_support_measures_note, chk_rights_protection_note) VALUES (new.id, new.summary, new.chk_worker_spirit_note, new.chk_union_vitality_note, new.chk_lawful_employment_note, new.chk_support_measures_note, new.chk_rights_protection_note);
    INSERT INTO search_visits_grams (rowid, grams)
        SELECT new.id, group_concat(substr(x, n, 1) || ' ' || substr(x, n, 2), ' ')
        FROM (SELECT coalesce(new.summary, '') || ' ' || coalesce(new.chk_worker_spirit_note, '') || ' ' || coalesce(new.chk_union_vitality_note, '') || ' ' || coalesce(new.chk_lawful_employment_note, '') || ' ' || coalesce(new.chk_support_measures_note, '') || ' ' || coalesce(new.chk_rights_protection_note, '') AS x) JOIN search_positions ON n <= length(x);
END;

CREATE TRIGGER issues_search_insert AFTER INSERT ON issues
WHEN NOT EXISTS (SELECT 1 FROM settings WHERE key = 'search.deferred')
BEGIN
    INSERT INTO search_issues (rowid, number, title, description) VALUES (new.id, new.number, new.title, new.description);
    INSERT INTO search_issues_grams (rowid, grams)
        SELECT new.id, group_concat(substr(x, n, 1) || ' ' || substr(x, n, 2), ' ')
        FROM (SELECT coalesce(new.number, '') || ' ' || coalesce(new.title, '') || ' ' || coalesce(new.description, '') AS x) JOIN search_positions ON n <= length(x);
END;
CREATE TRIGGER issues_search_delete AFTER DELETE ON issues
BEGIN
    INSERT INTO search_issues (search_issues, rowid, number, title, description) VALUES ('delete', old.id, old.number, old.title, old.description);
    INSERT INTO search_issues_grams (search_issues_grams, rowid, grams)
        SELECT 'delete', old.id, group_concat(substr(x, n, 1) || ' ' || substr(x, n, 2), ' ')
        FROM (SELECT coalesce(old.number, '') || ' ' || coalesce(old.title, '') || ' ' || coalesce(old.description, '') AS x) JOIN search_positions ON n <= length(x);
END;
CREATE TRIGGER issues_search_update AFTER UPDATE OF number, title, description ON issues
WHEN old.number IS NOT new.number OR old.title IS NOT new.title OR old.description IS NOT new.description
BEGIN
    INSERT INTO search_issues (search_issues, rowid, number, title, description) VALUES ('delete', old.id, old.number, old.title, old.description);
    INSERT INTO search_issues_grams (search_issues_grams, rowid, grams)
        SELECT 'delete', old.id, group_concat(substr(x, n, 1) || ' ' || substr(x, n, 2), ' ')
        FROM (SELECT coalesce(old.number, '') || ' ' || coalesce(old.title, '') || ' ' || coalesce(old.description, '') AS x) JOIN search_positions ON n <= length(x);
    INSERT INTO search_issues (rowid, number, title, description) VALUES (new.id, new.number, new.title, new.description);
    INSERT INTO search_issues_grams (rowid, grams)
        SELECT new.id, group_concat(substr(x, n, 1) || ' ' || substr(x, n, 2), ' ')
        FROM (SELECT coalesce(new.number, '') || ' ' || coalesce(new.title, '') || ' ' || coalesce(new.description, '') AS x) JOIN search_positions ON n <= length(x);
END;

-- The records already there.
INSERT INTO search_enterprises (search_enterprises) VALUES ('rebuild');
INSERT INTO search_enterprises_grams (rowid, grams)
    SELECT r.id, (SELECT group_concat(substr(r.x, n, 1) || ' ' || substr(r.x, n, 2), ' ')
                  FROM search_positions WHERE n <= length(r.x))
    FROM (SELECT id, coalesce(name, '') || ' ' || coalesce(credit_code, '') || ' ' || coalesce(contact_person, '') || ' ' || coalesce(contact_phone, '') AS x FROM enterprises) AS r;
INSERT INTO search_visits (search_visits) VALUES ('rebuild');
INSERT INTO search_visits_grams (rowid, grams)
    SELECT r.id, (SELECT group_concat(substr(r.x, n, 1) || ' ' || substr(r.x, n, 2), ' ')
                  FROM search_positions WHERE n <= length(r.x))
    FROM (SELECT id, coalesce(summary, '') || ' ' || coalesce(chk_worker_spirit_note, '') || ' ' || coalesce(chk_union_vitality_note, '') || ' ' || coalesce(chk_lawful_employment_note, '') || ' ' || coalesce(chk_support_measures_note, '') || ' ' || coalesce(chk_rights_protection_note, '') AS x FROM visits) AS r;
INSERT INTO search_issues (search_issues) VALUES ('rebuild');
INSERT INTO search_issues_grams (rowid, grams)
    SELECT r.id, (SELECT group_concat(substr(r.x, n, 1) || ' ' || substr(r.x, n, 2), ' ')
                  FROM search_positions WHERE n <= length(r.x))
    FROM (SELECT id, coalesce(number, '') || ' ' || coalesce(title, '') || ' ' || coalesce(description, '') AS x FROM issues) AS r;
