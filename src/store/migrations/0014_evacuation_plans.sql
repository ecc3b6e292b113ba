-- Schema version 14: each child's personal emergency evacuation plan (PEEP), one per child
-- and setting.
--
-- Keyed by (child, setting): a plan is about one building, so a child who moves school starts
-- a new one and the old stays in History. It goes with the child (CASCADE) and with the
-- setting (a plan for a building that is no longer on the caseload means nothing). The item
-- the child is evacuated in is SET NULL when it goes: the route and the adults stay. The
-- adults named for each session are one JSON list ([{"session", "adults": [{"name",
-- "role"}]}]), read and saved whole with the plan; the model checks it (at least one adult,
-- at most 8 sessions of 6 adults) and every length. The review date is required: a PEEP is
-- reviewed at least yearly.
CREATE TABLE evacuation_plans (
    child_id        TEXT NOT NULL REFERENCES children(id) ON DELETE CASCADE,
    setting_id      TEXT NOT NULL REFERENCES settings(id) ON DELETE CASCADE,
    route           TEXT NOT NULL DEFAULT '',
    assembly_point  TEXT NOT NULL DEFAULT '',
    equipment_id    TEXT REFERENCES items(id) ON DELETE SET NULL,
    equipment_note  TEXT NOT NULL DEFAULT '',
    sessions        TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(sessions)),
    if_in_stander   TEXT NOT NULL DEFAULT '',
    if_on_hoist     TEXT NOT NULL DEFAULT '',
    notes           TEXT NOT NULL DEFAULT '',
    review_date     TEXT NOT NULL,
    agreed_by       TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (child_id, setting_id)
) STRICT, WITHOUT ROWID;
-- For CASCADE when a setting goes, SET NULL when an item goes, and the due list.
CREATE INDEX evacuation_plans_by_setting ON evacuation_plans(setting_id);
CREATE INDEX evacuation_plans_by_equipment ON evacuation_plans(equipment_id);
CREATE INDEX evacuation_plans_by_review ON evacuation_plans(review_date);

-- Audited under the child: the record id is the child's id, '#' and the setting's id.
CREATE TRIGGER audit_evacuation_plans_insert AFTER INSERT ON evacuation_plans
BEGIN
    INSERT INTO audit_log (at, who, action, table_name, record_id, child_id, old_values, new_values)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT who FROM audit_actor), 'create', 'evacuation_plans', NEW.child_id || '#' || NEW.setting_id,
        NEW.child_id,
        NULL, json_object('child_id', NEW.child_id, 'setting_id', NEW.setting_id,
            'route', NEW.route, 'assembly_point', NEW.assembly_point,
            'equipment_id', NEW.equipment_id, 'equipment_note', NEW.equipment_note,
            'sessions', NEW.sessions, 'if_in_stander', NEW.if_in_stander,
            'if_on_hoist', NEW.if_on_hoist, 'notes', NEW.notes,
            'review_date', NEW.review_date, 'agreed_by', NEW.agreed_by));
END;
CREATE TRIGGER audit_evacuation_plans_update AFTER UPDATE ON evacuation_plans
WHEN OLD.child_id IS NOT NEW.child_id OR OLD.setting_id IS NOT NEW.setting_id OR
  OLD.route IS NOT NEW.route OR OLD.assembly_point IS NOT NEW.assembly_point OR
  OLD.equipment_id IS NOT NEW.equipment_id OR OLD.equipment_note IS NOT NEW.equipment_note OR
  OLD.sessions IS NOT NEW.sessions OR OLD.if_in_stander IS NOT NEW.if_in_stander OR
  OLD.if_on_hoist IS NOT NEW.if_on_hoist OR OLD.notes IS NOT NEW.notes OR
  OLD.review_date IS NOT NEW.review_date OR OLD.agreed_by IS NOT NEW.agreed_by
BEGIN
    INSERT INTO audit_log (at, who, action, table_name, record_id, child_id, old_values, new_values)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT who FROM audit_actor), 'update', 'evacuation_plans', NEW.child_id || '#' || NEW.setting_id,
        NEW.child_id,
        json_object('child_id', OLD.child_id, 'setting_id', OLD.setting_id,
            'route', OLD.route, 'assembly_point', OLD.assembly_point,
            'equipment_id', OLD.equipment_id, 'equipment_note', OLD.equipment_note,
            'sessions', OLD.sessions, 'if_in_stander', OLD.if_in_stander,
            'if_on_hoist', OLD.if_on_hoist, 'notes', OLD.notes,
            'review_date', OLD.review_date, 'agreed_by', OLD.agreed_by),
        json_object('child_id', NEW.child_id, 'setting_id', NEW.setting_id,
            'route', NEW.route, 'assembly_point', NEW.assembly_point,
            'equipment_id', NEW.equipment_id, 'equipment_note', NEW.equipment_note,
            'sessions', NEW.sessions, 'if_in_stander', NEW.if_in_stander,
            'if_on_hoist', NEW.if_on_hoist, 'notes', NEW.notes,
            'review_date', NEW.review_date, 'agreed_by', NEW.agreed_by));
END;
CREATE TRIGGER audit_evacuation_plans_delete BEFORE DELETE ON evacuation_plans
BEGIN
    INSERT INTO audit_log (at, who, action, table_name, record_id, child_id, old_values, new_values)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT who FROM audit_actor), 'delete', 'evacuation_plans', OLD.child_id || '#' || OLD.setting_id,
        OLD.child_id,
        json_object('child_id', OLD.child_id, 'setting_id', OLD.setting_id,
            'route', OLD.route, 'assembly_point', OLD.assembly_point,
            'equipment_id', OLD.equipment_id, 'equipment_note', OLD.equipment_note,
            'sessions', OLD.sessions, 'if_in_stander', OLD.if_in_stander,
            'if_on_hoist', OLD.if_on_hoist, 'notes', OLD.notes,
            'review_date', OLD.review_date, 'agreed_by', OLD.agreed_by), NULL);
END;
