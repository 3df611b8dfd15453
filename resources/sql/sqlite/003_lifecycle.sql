-- YueGong Journal, database version 3: the issue lifecycle.
-- Working-day calendar (public holidays on weekdays and make-up working days 调休 on
-- weekends; ordinary weekends need no row), seeded from the State Council notices for
-- 2023-2026. Staff edit it or import a new year (yuegong-cli calendar import).

CREATE TABLE calendar_days (
    day         TEXT PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('holiday', 'workday')),
    name        TEXT NOT NULL,
    updated_at  TEXT NOT NULL
) WITHOUT ROWID;

INSERT INTO calendar_days (day, kind, name, updated_at) VALUES ('2023-01-02', 'holiday', '元旦', '2026-11-22T00:00:00.000Z');
INSERT INTO calendar_days (day, kind, name, updated_at) VALUES ('2023-01-23', 'holiday', '春节', '2026-11-22T00:00:00.000Z');
INSERT INTO calendar_days (day, kind, name, updated_at) VALUES ('2023-01-24', 'holiday', '春节', '2026-11-22T00:00:00.000Z');
INSERT INTO calendar_days (day, kind, name, updated_at) VALUES ('2023-01-25', 'holiday', '春节', '2026-11-22T00:00:00.000Z');
INSERT INTO calendar_days (day, kind, name, updated_at) VALUES ('2023-01-26', 'holiday', '春节', '2026-11-22T00:00:00.000Z');
INSERT INTO calendar_days (day, kind, name, updated_at) VALUES ('2023-01-27', 'holiday', '春节', '2026-11-22T00:00:00.000Z');
INSERT INTO calendar_days (day, kind, name, updated_at) VALUES ('2023-01-28', 'workday', '春节调休', '2026-11-22T00:00:00.000Z');
INSERT INTO calendar_days (day, kind, name, updated_at) VALUES ('2023-01-29', 'workday', '春节调休', '2026-11-22T00:00:00.000Z');
INSERT INTO calendar_days (day, kind, name, updated_at) VALUES ('2023-04-05', 'holiday', '清明节', '2026-11-22T00:00:00.000Z');
INSERT INTO calendar_days (day, kind, name, updated_at) VALUES ('2023-04-23', 'workday', '劳动节调休', '2026-11-22T00:00:00.000Z');
INSERT INTO calendar_days (day, kind, name, updated_at) VALUES ('2023-05-01', 'holiday', '劳动节', '2026-11-22T00:00:00.000Z');
INSERT INTO calendar_days (day, kind, name, updated_at) VALUES ('2023-05-02', 'holiday', '劳动节', '2026-11-22T00:00:00.000Z');
INSERT INTO calendar_days (day, kind, name, updated_at) VALUES ('2023-05-03', 'holiday', '劳动节', '2026-11-22T00:00:00.000Z');
INSERT INTO calendar_days (day, kind, name, updated_at) VALUES ('2023-05-06', 'workday', '劳动节调休', '2026-11-22T00:00:00.000Z');
INSERT INTO calendar_days (day, kind, name, updated_at) VALUES ('2023-06-22', 'holiday', '端午节', '2026-11-22T00:00:00.000Z');
INSERT INTO calendar_days (day, kind, name, updated_at) VALUES ('2023-06-23', 'holiday', '端午节', '2026-11-22T00:00:00.000Z');
INSERT INTO calendar_days (day, kind, name, updated_at) VALUES ('2023-06-25', 'workday', '端午节调休', '2026-11-22T00:00:00.000Z');
INSERT INTO calendar_days (day, kind, name, updated_at) VALUES ('2023-09-29', 'holiday', '中秋节', '2026-11-22T00:00:00.000Z');
INSERT INTO calendar_days (day, kind, name, updated_at) VALUES ('2023-10-02', 'holiday', '国庆节', '2026-11-22T00:00:00.000Z');
INSERT INTO calendar_days (day, kind, name, updated_at) VALUES ('2023-10-03', 'holiday', '国庆节', '2026-11-22T00:00:00.000Z');
INSERT INTO calendar_days (day, kind, name, updated_at) VALUES ('2023-10-04', 'holiday', '国庆节', '2026-11-22T00:00:00.000Z');
INSERT INTO calendar_days (day, kind, name, updated_at) VALUES ('2023-10-05', 'holiday', '国庆节', '2026-11-22T00:00:00.000Z');
INSERT INTO calendar_days (day, kind, name, updated_at) VALUES ('2023-10-06', 'holiday', '国庆节', '2026-11-22T00:00:00.000Z');
INSERT INTO calendar_days (day, kind, name, updated_at) VALUES ('2023-10-07', 'workday', '国庆节调休', '2026-11-22T00:00:00.000Z');
INSERT INTO calendar_days (day, kind, name, updated_at) VALUES ('2023-10-08', 'workday', '国庆节调休', '2026-11-22T00:00:00.000Z');
INSERT INTO calendar_days (day, kind, name, updated_at) VALUES ('2024-01-01', 'holiday', '元旦', '2026-11-22T00:00:00.000Z');
INSERT INTO calendar_days (day, kind, name, updated_at) VALUES ('2024-02-04', 'workday', '春节调休', '2026-11-22T00:00:00.000Z');
INSERT INTO calendar_days (day, kind, name, updated_at) VALUES ('2024-02-12', 'holiday', '春节', '2026-11-22T00:00:00.000Z');
INSERT INTO calendar_days (day, kind, name, updated_at) VALUES ('2024-02-13', 'holiday', '春节', '2026-11-22T00:00:00.000Z');
INSERT INTO calendar_days (day, kind, name, updated_at) VALUES ('2024-02-14', 'holiday', '春节', '2026-11-22T00:00:00.000Z');
INSERT INTO calendar_days (day, kind, name, updated_at) VALUES ('2024-02-15', 'holiday', '春节', '2026-11-22T00:00:00.000Z');
INSERT INTO calendar_days (day, kind, name, updated_at) VALUES ('2024-02-16', 'holiday', '春节', '2026-11-22T00:00:00.000Z');
INSERT INTO calendar_days (day, kind, name, updated_at) VALUES ('2024-02-18', 'workday', '春节调休', '2026-11-22T00:00:00.000Z');
INSERT INTO calendar_days (day, kind, name, updated_at) VALUES ('2024-04-04', 'holiday', '清明节', '2026-11-22T00:00:00.000Z');
INSERT INTO calendar_days (day, kind, name, updated_at) VALUES ('2024-04-05', 'holiday', '清明节', '2026-11-22T00:00:00.000Z');
INSERT INTO calendar_days (day, kind, name, updated_at) VALUES ('2024-04-07', 'workday', '清明节调休', '2026-11-22T00:00:00.000Z');
INSERT INTO calendar_days (day, kind, name, updated_at) VALUES ('2024-04-28', 'workday', '劳动节调休', '2026-11-22T00:00:00.000Z');
INSERT INTO calendar_days (day, kind, name, updated_at) VALUES ('2024-05-01', 'holiday', '劳动节', '2026-11-22T00:00:00.000Z');
INSERT INTO calendar_days (day, kind, name, updated_at) VALUES ('2024-05-02', 'holiday', '劳动节', '2026-11-22T00:00:00.000Z');
INSERT INTO calendar_days (day, kind, name, updated_at) VALUES ('2024-05-03', 'holiday', '劳动节', '2026-11-22T00:00:00.000Z');
INSERT INTO calendar_days (day, kind, name, updated_at) VALUES ('2024-05-11', 'workday', '劳动节调休', '2026-11-22T00:00:00.000Z');
INSERT INTO calendar_days (day, kind, name, updated_at) VALUES ('2024-06-10', 'holiday', '端午节', '2026-11-22T00:00:00.000Z');
INSERT INTO calendar_days (day, kind, name, updated_at) VALUES ('2024-09-14', 'workday', '中秋节调休', '2026-11-22T00:00:00.000Z');
INSERT INTO calendar_days (day, kind, name, updated_at) VALUES ('2024-09-16', 'holiday', '中秋节', '2026-11-22T00:00:00.000Z');
INSERT INTO calendar_days (day, kind, name, updated_at) VALUES ('2024-09-17', 'holiday', '中秋节', '2026-11-22T00:00:00.000Z');
INSERT INTO calendar_days (day, kind, name, updated_at) VALUES ('2024-09-29', 'workday', '国庆节调休', '2026-11-22T00:00:00.000Z');
INSERT INTO calendar_days (day, kind, name, updated_at) VALUES ('2024-10-01', 'holiday', '国庆节', '2026-11-22T00:00:00.000Z');
INSERT INTO calendar_days (day, kind, name, updated_at) VALUES ('2024-10-02', 'holiday', '国庆节', '2026-11-22T00:00:00.000Z');
INSERT INTO calendar_days (day, kind, name, updated_at) VALUES ('2024-10-03', 'holiday', '国庆节', '2026-11-22T00:00:00.000Z');
INSERT INTO calendar_days (day, kind, name, updated_at) VALUES ('2024-10-04', 'holiday', '国庆节', '2026-11-22T00:00:00.000Z');
INSERT INTO calendar_days (day, kind, name, updated_at) VALUES ('2024-10-07', 'holiday', '国庆节', '2026-11-22T00:00:00.000Z');
INSERT INTO calendar_days (day, kind, name, updated_at) VALUES ('2024-10-12', 'workday', '国庆节调休', '2026-11-22T00:00:00.000Z');
INSERT INTO calendar_days (day, kind, name, updated_at) VALUES ('2025-01-01', 'holiday', '元旦', '2026-11-22T00:00:00.000Z');
INSERT INTO calendar_days (day, kind, name, updated_at) VALUES ('2025-01-26', 'workday', '春节调休', '2026-11-22T00:00:00.000Z');
INSERT INTO calendar_days (day, kind, name, updated_at) VALUES ('2025-01-28', 'holiday', '春节', '2026-11-22T00:00:00.000Z');
INSERT INTO calendar_days (day, kind, name, updated_at) VALUES ('2025-01-29', 'holiday', '春节', '2026-11-22T00:00:00.000Z');
INSERT INTO calendar_days (day, kind, name, updated_at) VALUES ('2025-01-30', 'holiday', '春节', '2026-11-22T00:00:00.000Z');
INSERT INTO calendar_days (day, kind, name, updated_at) VALUES ('2025-01-31', 'holiday', '春节', '2026-11-22T00:00:00.000Z');
INSERT INTO calendar_days (day, kind, name, updated_at) VALUES ('2025-02-03', 'holiday', '春节', '2026-11-22T00:00:00.000Z');
INSERT INTO calendar_days (day, kind, name, updated_at) VALUES ('2025-02-04', 'holiday', '春节', '2026-11-22T00:00:00.000Z');
INSERT INTO calendar_days (day, kind, name, updated_at) VALUES ('2025-02-08', 'workday', '春节调休', '2026-11-22T00:00:00.000Z');
INSERT INTO calendar_days (day, kind, name, updated_at) VALUES ('2025-04-04', 'holiday', '清明节', '2026-11-22T00:00:00.000Z');
INSERT INTO calendar_days (day, kind, name, updated_at) VALUES ('2025-04-27', 'workday', '劳动节调休', '2026-11-22T00:00:00.000Z');
INSERT INTO calendar_days (day, kind, name, updated_at) VALUES ('2025-05-01', 'holiday', '劳动节', '2026-11-22T00:00:00.000Z');
INSERT INTO calendar_days (day, kind, name, updated_at) VALUES ('2025-05-02', 'holiday', '劳动节', '2026-11-22T00:00:00.000Z');
INSERT INTO calendar_days (day, kind, name, updated_at) VALUES ('2025-05-05', 'holiday', '劳动节', '2026-11-22T00:00:00.000Z');
INSERT INTO calendar_days (day, kind, name, updated_at) VALUES ('2025-06-02', 'holiday', '端午节', '2026-11-22T00:00:00.000Z');
INSERT INTO calendar_days (day, kind, name, updated_at) VALUES ('2025-09-28', 'workday', '国庆节调休', '2026-11-22T00:00:00.000Z');
INSERT INTO calendar_days (day, kind, name, updated_at) VALUES ('2025-10-01', 'holiday', '国庆节、中秋节', '2026-11-22T00:00:00.000Z');
INSERT INTO calendar_days (day, kind, name, updated_at) VALUES ('2025-10-02', 'holiday', '国庆节、中秋节', '2026-11-22T00:00:00.000Z');
INSERT INTO calendar_days (day, kind, name, updated_at) VALUES ('2025-10-03', 'holiday', '国庆节、中秋节', '2026-11-22T00:00:00.000Z');
INSERT INTO calendar_days (day, kind, name, updated_at) VALUES ('2025-10-06', 'holiday', '国庆节、中秋节', '2026-11-22T00:00:00.000Z');
INSERT INTO calendar_days (day, kind, name, updated_at) VALUES ('2025-10-07', 'holiday', '国庆节、中秋节', '2026-11-22T00:00:00.000Z');
INSERT INTO calendar_days (day, kind, name, updated_at) VALUES ('2025-10-08', 'holiday', '国庆节、中秋节', '2026-11-22T00:00:00.000Z');
INSERT INTO calendar_days (day, kind, name, updated_at) VALUES ('2025-10-11', 'workday', '国庆节调休', '2026-11-22T00:00:00.000Z');
INSERT INTO calendar_days (day, kind, name, updated_at) VALUES ('2026-01-01', 'holiday', '元旦', '2026-11-22T00:00:00.000Z');
INSERT INTO calendar_days (day, kind, name, updated_at) VALUES ('2026-01-02', 'holiday', '元旦', '2026-11-22T00:00:00.000Z');
INSERT INTO calendar_days (day, kind, name, updated_at) VALUES ('2026-01-04', 'workday', '元旦调休', '2026-11-22T00:00:00.000Z');
INSERT INTO calendar_days (day, kind, name, updated_at) VALUES ('2026-02-14', 'workday', '春节调休', '2026-11-22T00:00:00.000Z');
INSERT INTO calendar_days (day, kind, name, updated_at) VALUES ('2026-02-16', 'holiday', '春节', '2026-11-22T00:00:00.000Z');
INSERT INTO calendar_days (day, kind, name, updated_at) VALUES ('2026-02-17', 'holiday', '春节', '2026-11-22T00:00:00.000Z');
INSERT INTO calendar_days (day, kind, name, updated_at) VALUES ('2026-02-18', 'holiday', '春节', '2026-11-22T00:00:00.000Z');
INSERT INTO calendar_days (day, kind, name, updated_at) VALUES ('2026-02-19', 'holiday', '春节', '2026-11-22T00:00:00.000Z');
INSERT INTO calendar_days (day, kind, name, updated_at) VALUES ('2026-02-20', 'holiday', '春节', '2026-11-22T00:00:00.000Z');
INSERT INTO calendar_days (day, kind, name, updated_at) VALUES ('2026-02-23', 'holiday', '春节', '2026-11-22T00:00:00.000Z');
INSERT INTO calendar_days (day, kind, name, updated_at) VALUES ('2026-02-28', 'workday', '春节调休', '2026-11-22T00:00:00.000Z');
INSERT INTO calendar_days (day, kind, name, updated_at) VALUES ('2026-04-06', 'holiday', '清明节', '2026-11-22T00:00:00.000Z');
INSERT INTO calendar_days (day, kind, name, updated_at) VALUES ('2026-05-01', 'holiday', '劳动节', '2026-11-22T00:00:00.000Z');
INSERT INTO calendar_days (day, kind, name, updated_at) VALUES ('2026-05-04', 'holiday', '劳动节', '2026-11-22T00:00:00.000Z');
INSERT INTO calendar_days (day, kind, name, updated_at) VALUES ('2026-05-05', 'holiday', '劳动节', '2026-11-22T00:00:00.000Z');
INSERT INTO calendar_days (day, kind, name, updated_at) VALUES ('2026-05-09', 'workday', '劳动节调休', '2026-11-22T00:00:00.000Z');
INSERT INTO calendar_days (day, kind, name, updated_at) VALUES ('2026-06-19', 'holiday', '端午节', '2026-11-22T00:00:00.000Z');
INSERT INTO calendar_days (day, kind, name, updated_at) VALUES ('2026-09-20', 'workday', '国庆节调休', '2026-11-22T00:00:00.000Z');
INSERT INTO calendar_days (day, kind, name, updated_at) VALUES ('2026-09-25', 'holiday', '中秋节', '2026-11-22T00:00:00.000Z');
INSERT INTO calendar_days (day, kind, name, updated_at) VALUES ('2026-10-01', 'holiday', '国庆节', '2026-11-22T00:00:00.000Z');
INSERT INTO calendar_days (day, kind, name, updated_at) VALUES ('2026-10-02', 'holiday', '国庆节', '2026-11-22T00:00:00.000Z');
INSERT INTO calendar_days (day, kind, name, updated_at) VALUES ('2026-10-05', 'holiday', '国庆节', '2026-11-22T00:00:00.000Z');
INSERT INTO calendar_days (day, kind, name, updated_at) VALUES ('2026-10-06', 'holiday', '国庆节', '2026-11-22T00:00:00.000Z');
INSERT INTO calendar_days (day, kind, name, updated_at) VALUES ('2026-10-07', 'holiday', '国庆节', '2026-11-22T00:00:00.000Z');
INSERT INTO calendar_days (day, kind, name, updated_at) VALUES ('2026-10-10', 'workday', '国庆节调休', '2026-11-22T00:00:00.000Z');

-- The deadline clock can be paused; while paused the issue has no escalation.
ALTER TABLE issues ADD COLUMN paused_since TEXT;

-- Department figures (received, returned, time to feedback) read events by department.
CREATE INDEX issue_events_department ON issue_events(department_id, action);

-- Escalation ladder 提醒 → 预警 → 督办 → 约谈, thresholds in working days (editable).
INSERT INTO settings (key, value, updated_at) VALUES ('escalation.reminder_days', '2', '2026-11-22T00:00:00.000Z');
INSERT INTO settings (key, value, updated_at) VALUES ('escalation.talk_after_days', '5', '2026-11-22T00:00:00.000Z');
