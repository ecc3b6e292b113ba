-- Schema version 9: replacing the organisation's logo with another of the same size is
-- audited. Migration 0004's update trigger on app_files compared only the files' sizes, so a
-- new logo that happened to be as many bytes as the old one left no entry. The trigger now
-- compares the bytes themselves; the entry still records only the name and the size, never
-- the bytes (an entry whose size did not change says the file was replaced all the same).
DROP TRIGGER audit_app_files_update;
CREATE TRIGGER audit_app_files_update AFTER UPDATE ON app_files
WHEN OLD.name IS NOT NEW.name OR OLD.bytes IS NOT NEW.bytes
BEGIN
    INSERT INTO audit_log (at, who, action, table_name, record_id, child_id, old_values, new_values)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT who FROM audit_actor), 'update', 'app_files', NEW.name,
        NULL,
        json_object('name', OLD.name, 'size', length(OLD.bytes)),
        json_object('name', NEW.name, 'size', length(NEW.bytes)));
END;
