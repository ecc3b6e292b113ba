-- Schema version 12: LOLER thorough examination reports (issue 14, part 1).
--
-- A report is the Schedule 1 part of a LOLER service record: kept as one JSON object beside
-- the record (NULL on every other record and on examinations recorded before reports were
-- kept), so the service log, its audit trail and the bundles carry it with the record. The
-- model checks its fields; the CHECK is a last guard that it is JSON. An item found not safe
-- to operate takes the status 'not-safe' (items.status is free text checked by the model).
ALTER TABLE service_records ADD COLUMN examination TEXT
    CHECK (examination IS NULL OR json_valid(examination));

-- The audit triggers of version 4 name every column; these name the new one too.
DROP TRIGGER audit_service_records_insert;
DROP TRIGGER audit_service_records_update;
DROP TRIGGER audit_service_records_delete;

CREATE TRIGGER audit_service_records_insert AFTER INSERT ON service_records
BEGIN
    INSERT INTO audit_log (at, who, action, table_name, record_id, child_id, old_values, new_values)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT who FROM audit_actor), 'create', 'service_records', NEW.id,
        COALESCE((SELECT child_id FROM items WHERE id = NEW.item_id), (SELECT child_id FROM audit_log WHERE table_name = 'items' AND record_id = NEW.item_id ORDER BY seq DESC LIMIT 1)),
        NULL, json_object('id', NEW.id, 'item_id', NEW.item_id, 'kind', NEW.kind, 'date', NEW.date,
            'by_whom', NEW.by_whom, 'outcome', NEW.outcome, 'notes', NEW.notes,
            'next_due', NEW.next_due, 'recorded_at', NEW.recorded_at,
            'examination', NEW.examination));
END;
CREATE TRIGGER audit_service_records_update AFTER UPDATE ON service_records
WHEN OLD.id IS NOT NEW.id OR OLD.item_id IS NOT NEW.item_id OR OLD.kind IS NOT NEW.kind OR
  OLD.date IS NOT NEW.date OR OLD.by_whom IS NOT NEW.by_whom OR
  OLD.outcome IS NOT NEW.outcome OR OLD.notes IS NOT NEW.notes OR
  OLD.next_due IS NOT NEW.next_due OR OLD.recorded_at IS NOT NEW.recorded_at OR
  OLD.examination IS NOT NEW.examination
BEGIN
    INSERT INTO audit_log (at, who, action, table_name, record_id, child_id, old_values, new_values)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT who FROM audit_actor), 'update', 'service_records', NEW.id,
        COALESCE((SELECT child_id FROM items WHERE id = NEW.item_id), (SELECT child_id FROM audit_log WHERE table_name = 'items' AND record_id = NEW.item_id ORDER BY seq DESC LIMIT 1)),
        json_object('id', OLD.id, 'item_id', OLD.item_id, 'kind', OLD.kind, 'date', OLD.date,
            'by_whom', OLD.by_whom, 'outcome', OLD.outcome, 'notes', OLD.notes,
            'next_due', OLD.next_due, 'recorded_at', OLD.recorded_at,
            'examination', OLD.examination),
        json_object('id', NEW.id, 'item_id', NEW.item_id, 'kind', NEW.kind, 'date', NEW.date,
            'by_whom', NEW.by_whom, 'outcome', NEW.outcome, 'notes', NEW.notes,
            'next_due', NEW.next_due, 'recorded_at', NEW.recorded_at,
            'examination', NEW.examination));
END;
CREATE TRIGGER audit_service_records_delete BEFORE DELETE ON service_records
BEGIN
    INSERT INTO audit_log (at, who, action, table_name, record_id, child_id, old_values, new_values)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT who FROM audit_actor), 'delete', 'service_records', OLD.id,
        COALESCE((SELECT child_id FROM items WHERE id = OLD.item_id), (SELECT child_id FROM audit_log WHERE table_name = 'items' AND record_id = OLD.item_id ORDER BY seq DESC LIMIT 1)),
        json_object('id', OLD.id, 'item_id', OLD.item_id, 'kind', OLD.kind, 'date', OLD.date,
            'by_whom', OLD.by_whom, 'outcome', OLD.outcome, 'notes', OLD.notes,
            'next_due', OLD.next_due, 'recorded_at', OLD.recorded_at,
            'examination', OLD.examination), NULL);
END;
