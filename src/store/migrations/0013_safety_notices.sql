-- Schema version 13: field safety notices matched to the children who hold affected items
-- (issue 14, part 3), and each item's lot number and date of manufacture (GS1 AIs 10 and 11),
-- which notices name affected units by.
--
-- Which items a notice affects is not stored: the api matches every notice against the items
-- whenever it is read, so an item recorded or corrected later is found at once. What is
-- stored is what someone did about an item (checked, not affected, withdrawn, repaired); an
-- affected item with no row here is awaiting action.

ALTER TABLE items ADD COLUMN lot TEXT NOT NULL DEFAULT '';
ALTER TABLE items ADD COLUMN made_on TEXT;

-- The audit triggers name every audited column, so the items' are replaced with ones that
-- also name the two new columns; apart from them they are as before.
DROP TRIGGER audit_items_insert;
DROP TRIGGER audit_items_update;
DROP TRIGGER audit_items_delete;

CREATE TRIGGER audit_items_insert AFTER INSERT ON items
BEGIN
    INSERT INTO audit_log (at, who, action, table_name, record_id, child_id, old_values, new_values)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT who FROM audit_actor), 'create', 'items', NEW.id,
        NEW.child_id,
        NULL, json_object('id', NEW.id, 'child_id', NEW.child_id, 'category', NEW.category,
            'name', NEW.name, 'make', NEW.make, 'model', NEW.model, 'serial', NEW.serial,
            'lot', NEW.lot, 'made_on', NEW.made_on,
            'size', NEW.size, 'where_used', NEW.where_used, 'provider_id', NEW.provider_id,
            'loan_number', NEW.loan_number, 'issue_date', NEW.issue_date,
            'purpose', NEW.purpose, 'schedule', NEW.schedule,
            'safety_checks', NEW.safety_checks, 'cleaning', NEW.cleaning, 'dos', NEW.dos,
            'donts', NEW.donts, 'status', NEW.status,
            'repair_supplier_id', NEW.repair_supplier_id, 'review_date', NEW.review_date,
            'therapist', NEW.therapist, 'staff_needed', NEW.staff_needed,
            'wheelchair', NEW.wheelchair, 'seating', NEW.seating, 'sling', NEW.sling,
            'created_at', NEW.created_at));
END;
CREATE TRIGGER audit_items_update AFTER UPDATE ON items
WHEN OLD.id IS NOT NEW.id OR OLD.child_id IS NOT NEW.child_id OR
  OLD.category IS NOT NEW.category OR OLD.name IS NOT NEW.name OR
  OLD.make IS NOT NEW.make OR OLD.model IS NOT NEW.model OR OLD.serial IS NOT NEW.serial OR
  OLD.lot IS NOT NEW.lot OR OLD.made_on IS NOT NEW.made_on OR
  OLD.size IS NOT NEW.size OR OLD.where_used IS NOT NEW.where_used OR
  OLD.provider_id IS NOT NEW.provider_id OR OLD.loan_number IS NOT NEW.loan_number OR
  OLD.issue_date IS NOT NEW.issue_date OR OLD.purpose IS NOT NEW.purpose OR
  OLD.schedule IS NOT NEW.schedule OR OLD.safety_checks IS NOT NEW.safety_checks OR
  OLD.cleaning IS NOT NEW.cleaning OR OLD.dos IS NOT NEW.dos OR
  OLD.donts IS NOT NEW.donts OR OLD.status IS NOT NEW.status OR
  OLD.repair_supplier_id IS NOT NEW.repair_supplier_id OR
  OLD.review_date IS NOT NEW.review_date OR OLD.therapist IS NOT NEW.therapist OR
  OLD.staff_needed IS NOT NEW.staff_needed OR OLD.wheelchair IS NOT NEW.wheelchair OR
  OLD.seating IS NOT NEW.seating OR OLD.sling IS NOT NEW.sling OR
  OLD.created_at IS NOT NEW.created_at
BEGIN
    INSERT INTO audit_log (at, who, action, table_name, record_id, child_id, old_values, new_values)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT who FROM audit_actor), 'update', 'items', NEW.id,
        NEW.child_id,
        json_object('id', OLD.id, 'child_id', OLD.child_id, 'category', OLD.category,
            'name', OLD.name, 'make', OLD.make, 'model', OLD.model, 'serial', OLD.serial,
            'lot', OLD.lot, 'made_on', OLD.made_on,
            'size', OLD.size, 'where_used', OLD.where_used, 'provider_id', OLD.provider_id,
            'loan_number', OLD.loan_number, 'issue_date', OLD.issue_date,
            'purpose', OLD.purpose, 'schedule', OLD.schedule,
            'safety_checks', OLD.safety_checks, 'cleaning', OLD.cleaning, 'dos', OLD.dos,
            'donts', OLD.donts, 'status', OLD.status,
            'repair_supplier_id', OLD.repair_supplier_id, 'review_date', OLD.review_date,
            'therapist', OLD.therapist, 'staff_needed', OLD.staff_needed,
            'wheelchair', OLD.wheelchair, 'seating', OLD.seating, 'sling', OLD.sling,
            'created_at', OLD.created_at),
        json_object('id', NEW.id, 'child_id', NEW.child_id, 'category', NEW.category,
            'name', NEW.name, 'make', NEW.make, 'model', NEW.model, 'serial', NEW.serial,
            'lot', NEW.lot, 'made_on', NEW.made_on,
            'size', NEW.size, 'where_used', NEW.where_used, 'provider_id', NEW.provider_id,
            'loan_number', NEW.loan_number, 'issue_date', NEW.issue_date,
            'purpose', NEW.purpose, 'schedule', NEW.schedule,
            'safety_checks', NEW.safety_checks, 'cleaning', NEW.cleaning, 'dos', NEW.dos,
            'donts', NEW.donts, 'status', NEW.status,
            'repair_supplier_id', NEW.repair_supplier_id, 'review_date', NEW.review_date,
            'therapist', NEW.therapist, 'staff_needed', NEW.staff_needed,
            'wheelchair', NEW.wheelchair, 'seating', NEW.seating, 'sling', NEW.sling,
            'created_at', NEW.created_at));
END;
CREATE TRIGGER audit_items_delete BEFORE DELETE ON items
BEGIN
    INSERT INTO audit_log (at, who, action, table_name, record_id, child_id, old_values, new_values)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT who FROM audit_actor), 'delete', 'items', OLD.id,
        OLD.child_id,
        json_object('id', OLD.id, 'child_id', OLD.child_id, 'category', OLD.category,
            'name', OLD.name, 'make', OLD.make, 'model', OLD.model, 'serial', OLD.serial,
            'lot', OLD.lot, 'made_on', OLD.made_on,
            'size', OLD.size, 'where_used', OLD.where_used, 'provider_id', OLD.provider_id,
            'loan_number', OLD.loan_number, 'issue_date', OLD.issue_date,
            'purpose', OLD.purpose, 'schedule', OLD.schedule,
            'safety_checks', OLD.safety_checks, 'cleaning', OLD.cleaning, 'dos', OLD.dos,
            'donts', OLD.donts, 'status', OLD.status,
            'repair_supplier_id', OLD.repair_supplier_id, 'review_date', OLD.review_date,
            'therapist', OLD.therapist, 'staff_needed', OLD.staff_needed,
            'wheelchair', OLD.wheelchair, 'seating', OLD.seating, 'sling', OLD.sling,
            'created_at', OLD.created_at), NULL);
END;

-- One notice. Its serial ranges and lots are JSON lists, like an item's short lists; the
-- reference is unique whatever its case, so a notice cannot be entered twice.
CREATE TABLE safety_notices (
    id              TEXT PRIMARY KEY,
    reference       TEXT NOT NULL UNIQUE COLLATE NOCASE,
    title           TEXT NOT NULL,
    issuer          TEXT NOT NULL,
    issued_on       TEXT NOT NULL,
    action_required TEXT NOT NULL,
    make            TEXT NOT NULL,
    model           TEXT NOT NULL,
    serial_ranges   TEXT NOT NULL DEFAULT '[]',
    lots            TEXT NOT NULL DEFAULT '[]',
    made_from       TEXT,
    made_to         TEXT CHECK (made_to IS NULL OR made_from IS NULL OR made_to >= made_from),
    closed_on       TEXT,
    recorded_at     TEXT NOT NULL
) STRICT;

-- What was done about one item under one notice. The child is kept beside the item so the
-- audit trail files the action under the child, as every record of a child is. Removing the
-- item or the notice removes its actions.
CREATE TABLE safety_notice_actions (
    id              TEXT PRIMARY KEY,
    notice_id       TEXT NOT NULL REFERENCES safety_notices(id) ON DELETE CASCADE,
    item_id         TEXT NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    child_id        TEXT NOT NULL REFERENCES children(id) ON DELETE CASCADE,
    action          TEXT NOT NULL,
    note            TEXT NOT NULL,
    acted_on        TEXT NOT NULL,
    recorded_at     TEXT NOT NULL,
    UNIQUE (notice_id, item_id)
) STRICT;
CREATE INDEX safety_notice_actions_by_item ON safety_notice_actions(item_id);
CREATE INDEX safety_notice_actions_by_child ON safety_notice_actions(child_id);

-- A notice belongs to no child: its entries carry none.
CREATE TRIGGER audit_safety_notices_insert AFTER INSERT ON safety_notices
BEGIN
    INSERT INTO audit_log (at, who, action, table_name, record_id, child_id, old_values, new_values)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT who FROM audit_actor), 'create', 'safety_notices', NEW.id,
        NULL,
        NULL, json_object('id', NEW.id, 'reference', NEW.reference, 'title', NEW.title,
            'issuer', NEW.issuer, 'issued_on', NEW.issued_on,
            'action_required', NEW.action_required, 'make', NEW.make, 'model', NEW.model,
            'serial_ranges', NEW.serial_ranges, 'lots', NEW.lots,
            'made_from', NEW.made_from, 'made_to', NEW.made_to,
            'closed_on', NEW.closed_on, 'recorded_at', NEW.recorded_at));
END;
CREATE TRIGGER audit_safety_notices_update AFTER UPDATE ON safety_notices
WHEN OLD.id IS NOT NEW.id OR
  OLD.reference IS NOT NEW.reference OR
  OLD.title IS NOT NEW.title OR
  OLD.issuer IS NOT NEW.issuer OR
  OLD.issued_on IS NOT NEW.issued_on OR
  OLD.action_required IS NOT NEW.action_required OR
  OLD.make IS NOT NEW.make OR
  OLD.model IS NOT NEW.model OR
  OLD.serial_ranges IS NOT NEW.serial_ranges OR
  OLD.lots IS NOT NEW.lots OR
  OLD.made_from IS NOT NEW.made_from OR
  OLD.made_to IS NOT NEW.made_to OR
  OLD.closed_on IS NOT NEW.closed_on OR
  OLD.recorded_at IS NOT NEW.recorded_at
BEGIN
    INSERT INTO audit_log (at, who, action, table_name, record_id, child_id, old_values, new_values)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT who FROM audit_actor), 'update', 'safety_notices', NEW.id,
        NULL,
        json_object('id', OLD.id, 'reference', OLD.reference, 'title', OLD.title,
            'issuer', OLD.issuer, 'issued_on', OLD.issued_on,
            'action_required', OLD.action_required, 'make', OLD.make, 'model', OLD.model,
            'serial_ranges', OLD.serial_ranges, 'lots', OLD.lots,
            'made_from', OLD.made_from, 'made_to', OLD.made_to,
            'closed_on', OLD.closed_on, 'recorded_at', OLD.recorded_at),
        json_object('id', NEW.id, 'reference', NEW.reference, 'title', NEW.title,
            'issuer', NEW.issuer, 'issued_on', NEW.issued_on,
            'action_required', NEW.action_required, 'make', NEW.make, 'model', NEW.model,
            'serial_ranges', NEW.serial_ranges, 'lots', NEW.lots,
            'made_from', NEW.made_from, 'made_to', NEW.made_to,
            'closed_on', NEW.closed_on, 'recorded_at', NEW.recorded_at));
END;
CREATE TRIGGER audit_safety_notices_delete BEFORE DELETE ON safety_notices
BEGIN
    INSERT INTO audit_log (at, who, action, table_name, record_id, child_id, old_values, new_values)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT who FROM audit_actor), 'delete', 'safety_notices', OLD.id,
        NULL,
        json_object('id', OLD.id, 'reference', OLD.reference, 'title', OLD.title,
            'issuer', OLD.issuer, 'issued_on', OLD.issued_on,
            'action_required', OLD.action_required, 'make', OLD.make, 'model', OLD.model,
            'serial_ranges', OLD.serial_ranges, 'lots', OLD.lots,
            'made_from', OLD.made_from, 'made_to', OLD.made_to,
            'closed_on', OLD.closed_on, 'recorded_at', OLD.recorded_at), NULL);
END;

CREATE TRIGGER audit_safety_notice_actions_insert AFTER INSERT ON safety_notice_actions
BEGIN
    INSERT INTO audit_log (at, who, action, table_name, record_id, child_id, old_values, new_values)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT who FROM audit_actor), 'create', 'safety_notice_actions', NEW.id,
        NEW.child_id,
        NULL, json_object('id', NEW.id, 'notice_id', NEW.notice_id, 'item_id', NEW.item_id,
            'child_id', NEW.child_id, 'action', NEW.action, 'note', NEW.note,
            'acted_on', NEW.acted_on, 'recorded_at', NEW.recorded_at));
END;
CREATE TRIGGER audit_safety_notice_actions_update AFTER UPDATE ON safety_notice_actions
WHEN OLD.id IS NOT NEW.id OR
  OLD.notice_id IS NOT NEW.notice_id OR
  OLD.item_id IS NOT NEW.item_id OR
  OLD.child_id IS NOT NEW.child_id OR
  OLD.action IS NOT NEW.action OR
  OLD.note IS NOT NEW.note OR
  OLD.acted_on IS NOT NEW.acted_on OR
  OLD.recorded_at IS NOT NEW.recorded_at
BEGIN
    INSERT INTO audit_log (at, who, action, table_name, record_id, child_id, old_values, new_values)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT who FROM audit_actor), 'update', 'safety_notice_actions', NEW.id,
        NEW.child_id,
        json_object('id', OLD.id, 'notice_id', OLD.notice_id, 'item_id', OLD.item_id,
            'child_id', OLD.child_id, 'action', OLD.action, 'note', OLD.note,
            'acted_on', OLD.acted_on, 'recorded_at', OLD.recorded_at),
        json_object('id', NEW.id, 'notice_id', NEW.notice_id, 'item_id', NEW.item_id,
            'child_id', NEW.child_id, 'action', NEW.action, 'note', NEW.note,
            'acted_on', NEW.acted_on, 'recorded_at', NEW.recorded_at));
END;
CREATE TRIGGER audit_safety_notice_actions_delete BEFORE DELETE ON safety_notice_actions
BEGIN
    INSERT INTO audit_log (at, who, action, table_name, record_id, child_id, old_values, new_values)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT who FROM audit_actor), 'delete', 'safety_notice_actions', OLD.id,
        OLD.child_id,
        json_object('id', OLD.id, 'notice_id', OLD.notice_id, 'item_id', OLD.item_id,
            'child_id', OLD.child_id, 'action', OLD.action, 'note', OLD.note,
            'acted_on', OLD.acted_on, 'recorded_at', OLD.recorded_at), NULL);
END;
