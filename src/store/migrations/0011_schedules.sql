-- Schema version 11: any number of schedules per item (issue 14, part 2).
--
-- A schedule is something that falls due again and again: a LOLER thorough examination, a
-- service, the therapist's review, a sling inspection, a battery test, a calibration, or
-- something the therapist names ("other", with its name). It keeps how often (months), when
-- it was last done (NULL: never) and when it is next due. Removing the item removes its
-- schedules. The model checks the rest; the CHECKs are a last guard.
CREATE TABLE item_schedules (
    id              TEXT PRIMARY KEY,
    item_id         TEXT NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    kind            TEXT NOT NULL,
    name            TEXT NOT NULL DEFAULT '',
    every_months    INTEGER NOT NULL CHECK (every_months BETWEEN 1 AND 60),
    last_done       TEXT,
    next_due        TEXT NOT NULL CHECK (last_done IS NULL OR next_due >= last_done),
    created_at      TEXT NOT NULL
) STRICT;
CREATE INDEX item_schedules_by_item ON item_schedules(item_id, kind);

-- The old due dates become schedules. Ids are random version 4 UUIDs, made row by row (the
-- app's own are version 7; both read the same).
-- The review date: a yearly review, next due on the date set.
INSERT INTO item_schedules (id, item_id, kind, name, every_months, last_done, next_due, created_at)
SELECT lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2)
        || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2)
        || '-' || hex(randomblob(6))), i.id, 'review', '', 12, NULL, i.review_date,
    strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
FROM items i WHERE i.review_date IS NOT NULL;

-- The newest LOLER examination and service of each item: last done on its date, next due
-- when it said, every as many months as lie between the two (else the configured interval).
INSERT INTO item_schedules (id, item_id, kind, name, every_months, last_done, next_due, created_at)
SELECT lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2)
        || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2)
        || '-' || hex(randomblob(6))), r.item_id, r.kind, '',
    CASE WHEN r.gap BETWEEN 1 AND 60 THEN r.gap ELSE r.default_months END,
    r.date,
    coalesce(r.next_due, date(r.date, '+' || r.default_months || ' months')),
    strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
FROM (
    SELECT s.item_id, s.kind, s.date, s.next_due,
        (CAST(strftime('%Y', s.next_due) AS INTEGER) - CAST(strftime('%Y', s.date) AS INTEGER)) * 12
            + CAST(strftime('%m', s.next_due) AS INTEGER) - CAST(strftime('%m', s.date) AS INTEGER) AS gap,
        CASE
            WHEN s.kind = 'service' THEN coalesce(
                (SELECT json_extract(value, '$.service_months') FROM app_settings WHERE key = 'service_intervals'), 12)
            WHEN i.category IN ('hoist', 'sling') THEN coalesce(
                (SELECT json_extract(value, '$.loler_lifting_months') FROM app_settings WHERE key = 'service_intervals'), 6)
            ELSE coalesce(
                (SELECT json_extract(value, '$.loler_other_months') FROM app_settings WHERE key = 'service_intervals'), 12)
        END AS default_months,
        row_number() OVER (PARTITION BY s.item_id, s.kind ORDER BY s.date DESC, s.recorded_at DESC) AS newest
    FROM service_records s JOIN items i ON i.id = s.item_id
    WHERE s.kind IN ('loler', 'service')
) r
WHERE r.newest = 1 AND (r.next_due IS NULL OR r.next_due >= r.date);

-- Hoists and slings never examined: due from the day they were issued (or added).
INSERT INTO item_schedules (id, item_id, kind, name, every_months, last_done, next_due, created_at)
SELECT lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2)
        || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2)
        || '-' || hex(randomblob(6))), i.id, 'loler', '',
    coalesce((SELECT json_extract(value, '$.loler_lifting_months') FROM app_settings WHERE key = 'service_intervals'), 6),
    NULL, coalesce(i.issue_date, substr(i.created_at, 1, 10)),
    strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
FROM items i
WHERE i.category IN ('hoist', 'sling')
  AND NOT EXISTS (SELECT 1 FROM service_records s WHERE s.item_id = i.id AND s.kind = 'loler');

-- items.review_date stays, unused: SQLite drops a column that triggers name only by rebuilding
-- the table, which would mean recreating the items' audit triggers (0004) and copying every
-- item for no gain. It is left as it was (not emptied), so the upgrade adds nothing to the
-- audit trail and the old dates can still be read if a conversion is ever questioned.

-- The due index now has one row per schedule: two schedules of one kind on one item (two
-- "other" checks) are two rows, so the key can no longer be (date, child, item, kind). It is a
-- plain table with the same reading order in an index.
DROP TABLE item_due;
CREATE TABLE item_due (
    due_date        TEXT NOT NULL,
    child_sort_key  TEXT NOT NULL,
    item_id         TEXT NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    kind            TEXT NOT NULL,
    -- 1 when a LOLER examination has never been recorded (a hoist never examined).
    never_done      INTEGER NOT NULL DEFAULT 0,
    item_name       TEXT NOT NULL,
    category        TEXT NOT NULL,
    child_id        TEXT NOT NULL,
    child_name      TEXT NOT NULL,
    setting_id      TEXT,
    -- The schedule the date belongs to, and its name when it is an "other" schedule.
    schedule_id     TEXT REFERENCES item_schedules(id) ON DELETE CASCADE,
    what            TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX item_due_in_order ON item_due(due_date, child_sort_key, item_id, kind);
CREATE INDEX item_due_by_item ON item_due(item_id);
CREATE INDEX item_due_by_child ON item_due(child_id, due_date);
CREATE INDEX item_due_by_schedule ON item_due(schedule_id);

-- The child's name as the app shows it, spelled out here as model::ChildDetails::display_name_of
-- writes it (the display_name() function the store registers is not there when a migration is
-- checked on its own).
INSERT INTO item_due (due_date, kind, never_done, item_id, item_name, category, child_id,
    child_sort_key, child_name, setting_id, schedule_id, what)
SELECT s.next_due, s.kind, s.last_done IS NULL AND s.kind = 'loler', i.id, i.name, i.category,
    c.id, c.sort_key,
    c.given_name || ' ' || c.family_name
        || CASE WHEN c.preferred_name = '' OR c.preferred_name = c.given_name THEN ''
                ELSE ' (' || c.preferred_name || ')' END,
    c.setting_id,
    s.id, CASE s.kind WHEN 'other' THEN s.name ELSE '' END
FROM item_schedules s JOIN items i ON i.id = s.item_id JOIN children c ON c.id = i.child_id
WHERE i.status IN ('in-use', 'awaiting-repair');

CREATE TRIGGER audit_item_schedules_insert AFTER INSERT ON item_schedules
BEGIN
    INSERT INTO audit_log (at, who, action, table_name, record_id, child_id, old_values, new_values)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT who FROM audit_actor), 'create', 'item_schedules', NEW.id,
        COALESCE((SELECT child_id FROM items WHERE id = NEW.item_id), (SELECT child_id FROM audit_log WHERE table_name = 'items' AND record_id = NEW.item_id ORDER BY seq DESC LIMIT 1)),
        NULL, json_object('id', NEW.id, 'item_id', NEW.item_id, 'kind', NEW.kind, 'name', NEW.name,
            'every_months', NEW.every_months, 'last_done', NEW.last_done,
            'next_due', NEW.next_due, 'created_at', NEW.created_at));
END;
CREATE TRIGGER audit_item_schedules_update AFTER UPDATE ON item_schedules
WHEN OLD.id IS NOT NEW.id OR OLD.item_id IS NOT NEW.item_id OR OLD.kind IS NOT NEW.kind OR
  OLD.name IS NOT NEW.name OR OLD.every_months IS NOT NEW.every_months OR
  OLD.last_done IS NOT NEW.last_done OR OLD.next_due IS NOT NEW.next_due OR
  OLD.created_at IS NOT NEW.created_at
BEGIN
    INSERT INTO audit_log (at, who, action, table_name, record_id, child_id, old_values, new_values)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT who FROM audit_actor), 'update', 'item_schedules', NEW.id,
        COALESCE((SELECT child_id FROM items WHERE id = NEW.item_id), (SELECT child_id FROM audit_log WHERE table_name = 'items' AND record_id = NEW.item_id ORDER BY seq DESC LIMIT 1)),
        json_object('id', OLD.id, 'item_id', OLD.item_id, 'kind', OLD.kind, 'name', OLD.name,
            'every_months', OLD.every_months, 'last_done', OLD.last_done,
            'next_due', OLD.next_due, 'created_at', OLD.created_at),
        json_object('id', NEW.id, 'item_id', NEW.item_id, 'kind', NEW.kind, 'name', NEW.name,
            'every_months', NEW.every_months, 'last_done', NEW.last_done,
            'next_due', NEW.next_due, 'created_at', NEW.created_at));
END;
CREATE TRIGGER audit_item_schedules_delete BEFORE DELETE ON item_schedules
BEGIN
    INSERT INTO audit_log (at, who, action, table_name, record_id, child_id, old_values, new_values)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT who FROM audit_actor), 'delete', 'item_schedules', OLD.id,
        COALESCE((SELECT child_id FROM items WHERE id = OLD.item_id), (SELECT child_id FROM audit_log WHERE table_name = 'items' AND record_id = OLD.item_id ORDER BY seq DESC LIMIT 1)),
        json_object('id', OLD.id, 'item_id', OLD.item_id, 'kind', OLD.kind, 'name', OLD.name,
            'every_months', OLD.every_months, 'last_done', OLD.last_done,
            'next_due', OLD.next_due, 'created_at', OLD.created_at), NULL);
END;
