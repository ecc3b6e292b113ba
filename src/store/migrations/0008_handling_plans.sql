-- Schema version 8: each child's moving and handling plan, one row per task ("Bed to chair",
-- "Toileting"), in the order the plan lists them.
--
-- Keyed by (child, position) like an item's set-up steps: the plan is read and saved whole,
-- so a row has no identity of its own beyond its place. The equipment and sling are the
-- child's items; when an item is deleted the task stays, without it (SET NULL), for a plan
-- that names a returned hoist still says how many adults a transfer needs. The loops are four
-- columns, as the sling's own loops are four fields, so History shows which side changed.
-- The model checks everything else (1 to 4 adults, one-line method of at most 200
-- characters, a sling that is a sling); the CHECK on adults is a last guard.
CREATE TABLE handling_tasks (
    child_id                TEXT NOT NULL REFERENCES children(id) ON DELETE CASCADE,
    position                INTEGER NOT NULL,
    task                    TEXT NOT NULL,
    equipment_id            TEXT REFERENCES items(id) ON DELETE SET NULL,
    sling_id                TEXT REFERENCES items(id) ON DELETE SET NULL,
    loop_shoulder_left      TEXT NOT NULL DEFAULT '',
    loop_shoulder_right     TEXT NOT NULL DEFAULT '',
    loop_leg_left           TEXT NOT NULL DEFAULT '',
    loop_leg_right          TEXT NOT NULL DEFAULT '',
    adults                  INTEGER NOT NULL CHECK (adults BETWEEN 1 AND 4),
    method                  TEXT NOT NULL DEFAULT '',
    photo_ref               TEXT NOT NULL DEFAULT '',
    review_date             TEXT,
    PRIMARY KEY (child_id, position)
) STRICT, WITHOUT ROWID;
-- For ON DELETE SET NULL when an item goes, and for the due list's review dates.
CREATE INDEX handling_tasks_by_equipment ON handling_tasks(equipment_id);
CREATE INDEX handling_tasks_by_sling ON handling_tasks(sling_id);
CREATE INDEX handling_tasks_by_review ON handling_tasks(review_date) WHERE review_date IS NOT NULL;

-- Audited as 0004 audits item_steps: the record id is the child's id, '#' and the position.
CREATE TRIGGER audit_handling_tasks_insert AFTER INSERT ON handling_tasks
BEGIN
    INSERT INTO audit_log (at, who, action, table_name, record_id, child_id, old_values, new_values)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT who FROM audit_actor), 'create', 'handling_tasks', NEW.child_id || '#' || NEW.position,
        NEW.child_id,
        NULL, json_object('child_id', NEW.child_id, 'position', NEW.position, 'task', NEW.task,
            'equipment_id', NEW.equipment_id, 'sling_id', NEW.sling_id,
            'loop_shoulder_left', NEW.loop_shoulder_left, 'loop_shoulder_right', NEW.loop_shoulder_right,
            'loop_leg_left', NEW.loop_leg_left, 'loop_leg_right', NEW.loop_leg_right,
            'adults', NEW.adults, 'method', NEW.method, 'photo_ref', NEW.photo_ref,
            'review_date', NEW.review_date));
END;
CREATE TRIGGER audit_handling_tasks_update AFTER UPDATE ON handling_tasks
WHEN OLD.child_id IS NOT NEW.child_id OR OLD.position IS NOT NEW.position OR
  OLD.task IS NOT NEW.task OR OLD.equipment_id IS NOT NEW.equipment_id OR
  OLD.sling_id IS NOT NEW.sling_id OR OLD.loop_shoulder_left IS NOT NEW.loop_shoulder_left OR
  OLD.loop_shoulder_right IS NOT NEW.loop_shoulder_right OR
  OLD.loop_leg_left IS NOT NEW.loop_leg_left OR OLD.loop_leg_right IS NOT NEW.loop_leg_right OR
  OLD.adults IS NOT NEW.adults OR OLD.method IS NOT NEW.method OR
  OLD.photo_ref IS NOT NEW.photo_ref OR OLD.review_date IS NOT NEW.review_date
BEGIN
    INSERT INTO audit_log (at, who, action, table_name, record_id, child_id, old_values, new_values)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT who FROM audit_actor), 'update', 'handling_tasks', NEW.child_id || '#' || NEW.position,
        NEW.child_id,
        json_object('child_id', OLD.child_id, 'position', OLD.position, 'task', OLD.task,
            'equipment_id', OLD.equipment_id, 'sling_id', OLD.sling_id,
            'loop_shoulder_left', OLD.loop_shoulder_left, 'loop_shoulder_right', OLD.loop_shoulder_right,
            'loop_leg_left', OLD.loop_leg_left, 'loop_leg_right', OLD.loop_leg_right,
            'adults', OLD.adults, 'method', OLD.method, 'photo_ref', OLD.photo_ref,
            'review_date', OLD.review_date),
        json_object('child_id', NEW.child_id, 'position', NEW.position, 'task', NEW.task,
            'equipment_id', NEW.equipment_id, 'sling_id', NEW.sling_id,
            'loop_shoulder_left', NEW.loop_shoulder_left, 'loop_shoulder_right', NEW.loop_shoulder_right,
            'loop_leg_left', NEW.loop_leg_left, 'loop_leg_right', NEW.loop_leg_right,
            'adults', NEW.adults, 'method', NEW.method, 'photo_ref', NEW.photo_ref,
            'review_date', NEW.review_date));
END;
CREATE TRIGGER audit_handling_tasks_delete BEFORE DELETE ON handling_tasks
BEGIN
    INSERT INTO audit_log (at, who, action, table_name, record_id, child_id, old_values, new_values)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT who FROM audit_actor), 'delete', 'handling_tasks', OLD.child_id || '#' || OLD.position,
        OLD.child_id,
        json_object('child_id', OLD.child_id, 'position', OLD.position, 'task', OLD.task,
            'equipment_id', OLD.equipment_id, 'sling_id', OLD.sling_id,
            'loop_shoulder_left', OLD.loop_shoulder_left, 'loop_shoulder_right', OLD.loop_shoulder_right,
            'loop_leg_left', OLD.loop_leg_left, 'loop_leg_right', OLD.loop_leg_right,
            'adults', OLD.adults, 'method', OLD.method, 'photo_ref', OLD.photo_ref,
            'review_date', OLD.review_date), NULL);
END;
