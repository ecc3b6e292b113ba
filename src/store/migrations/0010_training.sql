-- Schema version 10: the register of staff trained to use each item (issue 14, part 4).
--
-- One row per person trained on one item. The child is kept beside the item so the audit
-- trail files each entry under the child (as every record of a child is), and so a child's
-- whole register is one indexed read. Removing the item or the child removes its register; a
-- setting that goes leaves the entry without it (SET NULL). The model checks the rest
-- (required names, a training date that has passed); the CHECK on the refresher is a last
-- guard for "a refresher before the training".
CREATE TABLE training_records (
    id              TEXT PRIMARY KEY,
    child_id        TEXT NOT NULL REFERENCES children(id) ON DELETE CASCADE,
    item_id         TEXT NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    name            TEXT NOT NULL,
    role            TEXT NOT NULL,
    setting_id      TEXT REFERENCES settings(id) ON DELETE SET NULL,
    trained_by      TEXT NOT NULL,
    trained_on      TEXT NOT NULL,
    refresh_by      TEXT CHECK (refresh_by IS NULL OR refresh_by > trained_on),
    recorded_at     TEXT NOT NULL
) STRICT;
CREATE INDEX training_records_by_item ON training_records(item_id);
CREATE INDEX training_records_by_child ON training_records(child_id);
CREATE INDEX training_records_by_setting ON training_records(setting_id) WHERE setting_id IS NOT NULL;
CREATE INDEX training_records_by_refresher ON training_records(refresh_by) WHERE refresh_by IS NOT NULL;

CREATE TRIGGER audit_training_records_insert AFTER INSERT ON training_records
BEGIN
    INSERT INTO audit_log (at, who, action, table_name, record_id, child_id, old_values, new_values)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT who FROM audit_actor), 'create', 'training_records', NEW.id,
        NEW.child_id,
        NULL, json_object('id', NEW.id, 'child_id', NEW.child_id, 'item_id', NEW.item_id,
            'name', NEW.name, 'role', NEW.role, 'setting_id', NEW.setting_id,
            'trained_by', NEW.trained_by, 'trained_on', NEW.trained_on,
            'refresh_by', NEW.refresh_by, 'recorded_at', NEW.recorded_at));
END;
CREATE TRIGGER audit_training_records_update AFTER UPDATE ON training_records
WHEN OLD.id IS NOT NEW.id OR OLD.child_id IS NOT NEW.child_id OR OLD.item_id IS NOT NEW.item_id OR
  OLD.name IS NOT NEW.name OR OLD.role IS NOT NEW.role OR OLD.setting_id IS NOT NEW.setting_id OR
  OLD.trained_by IS NOT NEW.trained_by OR OLD.trained_on IS NOT NEW.trained_on OR
  OLD.refresh_by IS NOT NEW.refresh_by OR OLD.recorded_at IS NOT NEW.recorded_at
BEGIN
    INSERT INTO audit_log (at, who, action, table_name, record_id, child_id, old_values, new_values)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT who FROM audit_actor), 'update', 'training_records', NEW.id,
        NEW.child_id,
        json_object('id', OLD.id, 'child_id', OLD.child_id, 'item_id', OLD.item_id,
            'name', OLD.name, 'role', OLD.role, 'setting_id', OLD.setting_id,
            'trained_by', OLD.trained_by, 'trained_on', OLD.trained_on,
            'refresh_by', OLD.refresh_by, 'recorded_at', OLD.recorded_at),
        json_object('id', NEW.id, 'child_id', NEW.child_id, 'item_id', NEW.item_id,
            'name', NEW.name, 'role', NEW.role, 'setting_id', NEW.setting_id,
            'trained_by', NEW.trained_by, 'trained_on', NEW.trained_on,
            'refresh_by', NEW.refresh_by, 'recorded_at', NEW.recorded_at));
END;
CREATE TRIGGER audit_training_records_delete BEFORE DELETE ON training_records
BEGIN
    INSERT INTO audit_log (at, who, action, table_name, record_id, child_id, old_values, new_values)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT who FROM audit_actor), 'delete', 'training_records', OLD.id,
        OLD.child_id,
        json_object('id', OLD.id, 'child_id', OLD.child_id, 'item_id', OLD.item_id,
            'name', OLD.name, 'role', OLD.role, 'setting_id', OLD.setting_id,
            'trained_by', OLD.trained_by, 'trained_on', OLD.trained_on,
            'refresh_by', OLD.refresh_by, 'recorded_at', OLD.recorded_at), NULL);
END;
