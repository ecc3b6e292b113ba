-- Schema version 4: the audit trail. Every create, update and delete of a caseload record
-- (children, their contacts, equipment with its set-up steps, photos' details, service
-- records, printed copies, DFG cases with their stages and notes, settings, suppliers and the
-- app's own settings such as the therapist profile) is written to audit_log by the triggers
-- below, in the same transaction as the change itself, whichever code path made it.
--
-- Each entry holds who (the therapist profile's name at the time), when (UTC, to the
-- millisecond), which record (its table and id, and the child it belongs to), and the record's
-- audited columns as JSON before and after. Derived data (the due index, search keys,
-- updated_at stamps) and photo bytes are left out. child_id is deliberately not a foreign key:
-- deleting a child keeps its history. Deletes are logged BEFORE the row goes, so a child's
-- deletion is logged ahead of the rows its foreign keys cascade onto, and those rows can still
-- find their child through the log when their parent row has already gone.

CREATE TABLE audit_log (
    -- The order entries were written in.
    seq         INTEGER PRIMARY KEY,
    -- ISO 8601 UTC with milliseconds, e.g. 2026-11-22T09:15:02.417Z.
    at          TEXT NOT NULL,
    -- The therapist profile's name when the change was made ('' before a profile is set).
    who         TEXT NOT NULL,
    action      TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete')),
    table_name  TEXT NOT NULL,
    -- The row's id; for rows that are part of another record, the owner's id, '#' and the
    -- row's position (item_steps, dfg_adaptations); for app_settings the key.
    record_id   TEXT NOT NULL,
    child_id    TEXT,
    -- JSON objects of the audited columns: NULL before a create and after a delete.
    old_values  TEXT,
    new_values  TEXT
) STRICT;
CREATE INDEX audit_log_by_record ON audit_log(table_name, record_id);
CREATE INDEX audit_log_by_child ON audit_log(child_id) WHERE child_id IS NOT NULL;

-- Nothing edits or removes the trail: not the app, not a stray statement.
CREATE TRIGGER audit_log_is_not_edited BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit trail cannot be changed');
END;
CREATE TRIGGER audit_log_is_not_removed BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit trail cannot be deleted');
END;

-- Who is making changes: the therapist profile saved in the app's preferences, read at the
-- moment of each change (so the CLI and the desktop app agree without either setting it).
CREATE VIEW audit_actor AS
SELECT coalesce(
    (SELECT json_extract(value, '$.therapist.name') FROM app_settings
     WHERE key = 'preferences' AND json_valid(value)),
    '') AS who;

-- settings
CREATE TRIGGER audit_settings_insert AFTER INSERT ON settings
BEGIN
    INSERT INTO audit_log (at, who, action, table_name, record_id, child_id, old_values, new_values)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT who FROM audit_actor), 'create', 'settings', NEW.id,
        NULL,
        NULL, json_object('id', NEW.id, 'name', NEW.name, 'kind', NEW.kind, 'address', NEW.address,
            'postcode', NEW.postcode, 'phone', NEW.phone, 'senco_name', NEW.senco_name,
            'senco_email', NEW.senco_email, 'link_therapist', NEW.link_therapist));
END;
CREATE TRIGGER audit_settings_update AFTER UPDATE ON settings
WHEN OLD.id IS NOT NEW.id OR OLD.name IS NOT NEW.name OR OLD.kind IS NOT NEW.kind OR
  OLD.address IS NOT NEW.address OR OLD.postcode IS NOT NEW.postcode OR
  OLD.phone IS NOT NEW.phone OR OLD.senco_name IS NOT NEW.senco_name OR
  OLD.senco_email IS NOT NEW.senco_email OR OLD.link_therapist IS NOT NEW.link_therapist
BEGIN
    INSERT INTO audit_log (at, who, action, table_name, record_id, child_id, old_values, new_values)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT who FROM audit_actor), 'update', 'settings', NEW.id,
        NULL,
        json_object('id', OLD.id, 'name', OLD.name, 'kind', OLD.kind, 'address', OLD.address,
            'postcode', OLD.postcode, 'phone', OLD.phone, 'senco_name', OLD.senco_name,
            'senco_email', OLD.senco_email, 'link_therapist', OLD.link_therapist),
        json_object('id', NEW.id, 'name', NEW.name, 'kind', NEW.kind, 'address', NEW.address,
            'postcode', NEW.postcode, 'phone', NEW.phone, 'senco_name', NEW.senco_name,
            'senco_email', NEW.senco_email, 'link_therapist', NEW.link_therapist));
END;
CREATE TRIGGER audit_settings_delete BEFORE DELETE ON settings
BEGIN
    INSERT INTO audit_log (at, who, action, table_name, record_id, child_id, old_values, new_values)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT who FROM audit_actor), 'delete', 'settings', OLD.id,
        NULL,
        json_object('id', OLD.id, 'name', OLD.name, 'kind', OLD.kind, 'address', OLD.address,
            'postcode', OLD.postcode, 'phone', OLD.phone, 'senco_name', OLD.senco_name,
            'senco_email', OLD.senco_email, 'link_therapist', OLD.link_therapist), NULL);
END;

-- suppliers
CREATE TRIGGER audit_suppliers_insert AFTER INSERT ON suppliers
BEGIN
    INSERT INTO audit_log (at, who, action, table_name, record_id, child_id, old_values, new_values)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT who FROM audit_actor), 'create', 'suppliers', NEW.id,
        NULL,
        NULL, json_object('id', NEW.id, 'name', NEW.name, 'kind', NEW.kind, 'phones', NEW.phones,
            'repair_phone', NEW.repair_phone, 'repair_hours', NEW.repair_hours,
            'email', NEW.email, 'address', NEW.address, 'postcode', NEW.postcode,
            'account_ref', NEW.account_ref));
END;
CREATE TRIGGER audit_suppliers_update AFTER UPDATE ON suppliers
WHEN OLD.id IS NOT NEW.id OR OLD.name IS NOT NEW.name OR OLD.kind IS NOT NEW.kind OR
  OLD.phones IS NOT NEW.phones OR OLD.repair_phone IS NOT NEW.repair_phone OR
  OLD.repair_hours IS NOT NEW.repair_hours OR OLD.email IS NOT NEW.email OR
  OLD.address IS NOT NEW.address OR OLD.postcode IS NOT NEW.postcode OR
  OLD.account_ref IS NOT NEW.account_ref
BEGIN
    INSERT INTO audit_log (at, who, action, table_name, record_id, child_id, old_values, new_values)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT who FROM audit_actor), 'update', 'suppliers', NEW.id,
        NULL,
        json_object('id', OLD.id, 'name', OLD.name, 'kind', OLD.kind, 'phones', OLD.phones,
            'repair_phone', OLD.repair_phone, 'repair_hours', OLD.repair_hours,
            'email', OLD.email, 'address', OLD.address, 'postcode', OLD.postcode,
            'account_ref', OLD.account_ref),
        json_object('id', NEW.id, 'name', NEW.name, 'kind', NEW.kind, 'phones', NEW.phones,
            'repair_phone', NEW.repair_phone, 'repair_hours', NEW.repair_hours,
            'email', NEW.email, 'address', NEW.address, 'postcode', NEW.postcode,
            'account_ref', NEW.account_ref));
END;
CREATE TRIGGER audit_suppliers_delete BEFORE DELETE ON suppliers
BEGIN
    INSERT INTO audit_log (at, who, action, table_name, record_id, child_id, old_values, new_values)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT who FROM audit_actor), 'delete', 'suppliers', OLD.id,
        NULL,
        json_object('id', OLD.id, 'name', OLD.name, 'kind', OLD.kind, 'phones', OLD.phones,
            'repair_phone', OLD.repair_phone, 'repair_hours', OLD.repair_hours,
            'email', OLD.email, 'address', OLD.address, 'postcode', OLD.postcode,
            'account_ref', OLD.account_ref), NULL);
END;

-- children
CREATE TRIGGER audit_children_insert AFTER INSERT ON children
BEGIN
    INSERT INTO audit_log (at, who, action, table_name, record_id, child_id, old_values, new_values)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT who FROM audit_actor), 'create', 'children', NEW.id,
        NEW.id,
        NULL, json_object('id', NEW.id, 'given_name', NEW.given_name, 'family_name', NEW.family_name,
            'preferred_name', NEW.preferred_name, 'date_of_birth', NEW.date_of_birth,
            'nhs_number', NEW.nhs_number, 'setting_id', NEW.setting_id,
            'class_name', NEW.class_name, 'tier', NEW.tier,
            'ehcp_has_plan', NEW.ehcp_has_plan, 'ehcp_section_g', NEW.ehcp_section_g,
            'consent_given_by', NEW.consent_given_by,
            'consent_given_on', NEW.consent_given_on, 'communication', NEW.communication,
            'what_helps', NEW.what_helps, 'medical_alerts', NEW.medical_alerts,
            'home_address', NEW.home_address, 'home_postcode', NEW.home_postcode,
            'photo_id', NEW.photo_id, 'created_at', NEW.created_at));
END;
CREATE TRIGGER audit_children_update AFTER UPDATE ON children
WHEN OLD.id IS NOT NEW.id OR OLD.given_name IS NOT NEW.given_name OR
  OLD.family_name IS NOT NEW.family_name OR OLD.preferred_name IS NOT NEW.preferred_name OR
  OLD.date_of_birth IS NOT NEW.date_of_birth OR OLD.nhs_number IS NOT NEW.nhs_number OR
  OLD.setting_id IS NOT NEW.setting_id OR OLD.class_name IS NOT NEW.class_name OR
  OLD.tier IS NOT NEW.tier OR OLD.ehcp_has_plan IS NOT NEW.ehcp_has_plan OR
  OLD.ehcp_section_g IS NOT NEW.ehcp_section_g OR
  OLD.consent_given_by IS NOT NEW.consent_given_by OR
  OLD.consent_given_on IS NOT NEW.consent_given_on OR
  OLD.communication IS NOT NEW.communication OR OLD.what_helps IS NOT NEW.what_helps OR
  OLD.medical_alerts IS NOT NEW.medical_alerts OR
  OLD.home_address IS NOT NEW.home_address OR OLD.home_postcode IS NOT NEW.home_postcode OR
  OLD.photo_id IS NOT NEW.photo_id OR OLD.created_at IS NOT NEW.created_at
BEGIN
    INSERT INTO audit_log (at, who, action, table_name, record_id, child_id, old_values, new_values)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT who FROM audit_actor), 'update', 'children', NEW.id,
        NEW.id,
        json_object('id', OLD.id, 'given_name', OLD.given_name, 'family_name', OLD.family_name,
            'preferred_name', OLD.preferred_name, 'date_of_birth', OLD.date_of_birth,
            'nhs_number', OLD.nhs_number, 'setting_id', OLD.setting_id,
            'class_name', OLD.class_name, 'tier', OLD.tier,
            'ehcp_has_plan', OLD.ehcp_has_plan, 'ehcp_section_g', OLD.ehcp_section_g,
            'consent_given_by', OLD.consent_given_by,
            'consent_given_on', OLD.consent_given_on, 'communication', OLD.communication,
            'what_helps', OLD.what_helps, 'medical_alerts', OLD.medical_alerts,
            'home_address', OLD.home_address, 'home_postcode', OLD.home_postcode,
            'photo_id', OLD.photo_id, 'created_at', OLD.created_at),
        json_object('id', NEW.id, 'given_name', NEW.given_name, 'family_name', NEW.family_name,
            'preferred_name', NEW.preferred_name, 'date_of_birth', NEW.date_of_birth,
            'nhs_number', NEW.nhs_number, 'setting_id', NEW.setting_id,
            'class_name', NEW.class_name, 'tier', NEW.tier,
            'ehcp_has_plan', NEW.ehcp_has_plan, 'ehcp_section_g', NEW.ehcp_section_g,
            'consent_given_by', NEW.consent_given_by,
            'consent_given_on', NEW.consent_given_on, 'communication', NEW.communication,
            'what_helps', NEW.what_helps, 'medical_alerts', NEW.medical_alerts,
            'home_address', NEW.home_address, 'home_postcode', NEW.home_postcode,
            'photo_id', NEW.photo_id, 'created_at', NEW.created_at));
END;
CREATE TRIGGER audit_children_delete BEFORE DELETE ON children
BEGIN
    INSERT INTO audit_log (at, who, action, table_name, record_id, child_id, old_values, new_values)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT who FROM audit_actor), 'delete', 'children', OLD.id,
        OLD.id,
        json_object('id', OLD.id, 'given_name', OLD.given_name, 'family_name', OLD.family_name,
            'preferred_name', OLD.preferred_name, 'date_of_birth', OLD.date_of_birth,
            'nhs_number', OLD.nhs_number, 'setting_id', OLD.setting_id,
            'class_name', OLD.class_name, 'tier', OLD.tier,
            'ehcp_has_plan', OLD.ehcp_has_plan, 'ehcp_section_g', OLD.ehcp_section_g,
            'consent_given_by', OLD.consent_given_by,
            'consent_given_on', OLD.consent_given_on, 'communication', OLD.communication,
            'what_helps', OLD.what_helps, 'medical_alerts', OLD.medical_alerts,
            'home_address', OLD.home_address, 'home_postcode', OLD.home_postcode,
            'photo_id', OLD.photo_id, 'created_at', OLD.created_at), NULL);
END;

-- contacts
CREATE TRIGGER audit_contacts_insert AFTER INSERT ON contacts
BEGIN
    INSERT INTO audit_log (at, who, action, table_name, record_id, child_id, old_values, new_values)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT who FROM audit_actor), 'create', 'contacts', NEW.id,
        NEW.child_id,
        NULL, json_object('id', NEW.id, 'child_id', NEW.child_id, 'position', NEW.position,
            'name', NEW.name, 'role', NEW.role, 'relationship', NEW.relationship,
            'organisation', NEW.organisation, 'phones', NEW.phones, 'email', NEW.email,
            'notes', NEW.notes));
END;
CREATE TRIGGER audit_contacts_update AFTER UPDATE ON contacts
WHEN OLD.id IS NOT NEW.id OR OLD.child_id IS NOT NEW.child_id OR
  OLD.position IS NOT NEW.position OR OLD.name IS NOT NEW.name OR
  OLD.role IS NOT NEW.role OR OLD.relationship IS NOT NEW.relationship OR
  OLD.organisation IS NOT NEW.organisation OR OLD.phones IS NOT NEW.phones OR
  OLD.email IS NOT NEW.email OR OLD.notes IS NOT NEW.notes
BEGIN
    INSERT INTO audit_log (at, who, action, table_name, record_id, child_id, old_values, new_values)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT who FROM audit_actor), 'update', 'contacts', NEW.id,
        NEW.child_id,
        json_object('id', OLD.id, 'child_id', OLD.child_id, 'position', OLD.position,
            'name', OLD.name, 'role', OLD.role, 'relationship', OLD.relationship,
            'organisation', OLD.organisation, 'phones', OLD.phones, 'email', OLD.email,
            'notes', OLD.notes),
        json_object('id', NEW.id, 'child_id', NEW.child_id, 'position', NEW.position,
            'name', NEW.name, 'role', NEW.role, 'relationship', NEW.relationship,
            'organisation', NEW.organisation, 'phones', NEW.phones, 'email', NEW.email,
            'notes', NEW.notes));
END;
CREATE TRIGGER audit_contacts_delete BEFORE DELETE ON contacts
BEGIN
    INSERT INTO audit_log (at, who, action, table_name, record_id, child_id, old_values, new_values)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT who FROM audit_actor), 'delete', 'contacts', OLD.id,
        OLD.child_id,
        json_object('id', OLD.id, 'child_id', OLD.child_id, 'position', OLD.position,
            'name', OLD.name, 'role', OLD.role, 'relationship', OLD.relationship,
            'organisation', OLD.organisation, 'phones', OLD.phones, 'email', OLD.email,
            'notes', OLD.notes), NULL);
END;

-- items
CREATE TRIGGER audit_items_insert AFTER INSERT ON items
BEGIN
    INSERT INTO audit_log (at, who, action, table_name, record_id, child_id, old_values, new_values)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT who FROM audit_actor), 'create', 'items', NEW.id,
        NEW.child_id,
        NULL, json_object('id', NEW.id, 'child_id', NEW.child_id, 'category', NEW.category,
            'name', NEW.name, 'make', NEW.make, 'model', NEW.model, 'serial', NEW.serial,
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

-- item_steps
CREATE TRIGGER audit_item_steps_insert AFTER INSERT ON item_steps
BEGIN
    INSERT INTO audit_log (at, who, action, table_name, record_id, child_id, old_values, new_values)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT who FROM audit_actor), 'create', 'item_steps', NEW.item_id || '#' || NEW.position,
        COALESCE((SELECT child_id FROM items WHERE id = NEW.item_id), (SELECT child_id FROM audit_log WHERE table_name = 'items' AND record_id = NEW.item_id ORDER BY seq DESC LIMIT 1)),
        NULL, json_object('item_id', NEW.item_id, 'position', NEW.position, 'text', NEW.text,
            'photo_id', NEW.photo_id));
END;
CREATE TRIGGER audit_item_steps_update AFTER UPDATE ON item_steps
WHEN OLD.item_id IS NOT NEW.item_id OR OLD.position IS NOT NEW.position OR
  OLD.text IS NOT NEW.text OR OLD.photo_id IS NOT NEW.photo_id
BEGIN
    INSERT INTO audit_log (at, who, action, table_name, record_id, child_id, old_values, new_values)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT who FROM audit_actor), 'update', 'item_steps', NEW.item_id || '#' || NEW.position,
        COALESCE((SELECT child_id FROM items WHERE id = NEW.item_id), (SELECT child_id FROM audit_log WHERE table_name = 'items' AND record_id = NEW.item_id ORDER BY seq DESC LIMIT 1)),
        json_object('item_id', OLD.item_id, 'position', OLD.position, 'text', OLD.text,
            'photo_id', OLD.photo_id),
        json_object('item_id', NEW.item_id, 'position', NEW.position, 'text', NEW.text,
            'photo_id', NEW.photo_id));
END;
CREATE TRIGGER audit_item_steps_delete BEFORE DELETE ON item_steps
BEGIN
    INSERT INTO audit_log (at, who, action, table_name, record_id, child_id, old_values, new_values)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT who FROM audit_actor), 'delete', 'item_steps', OLD.item_id || '#' || OLD.position,
        COALESCE((SELECT child_id FROM items WHERE id = OLD.item_id), (SELECT child_id FROM audit_log WHERE table_name = 'items' AND record_id = OLD.item_id ORDER BY seq DESC LIMIT 1)),
        json_object('item_id', OLD.item_id, 'position', OLD.position, 'text', OLD.text,
            'photo_id', OLD.photo_id), NULL);
END;

-- photos
CREATE TRIGGER audit_photos_insert AFTER INSERT ON photos
BEGIN
    INSERT INTO audit_log (at, who, action, table_name, record_id, child_id, old_values, new_values)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT who FROM audit_actor), 'create', 'photos', NEW.id,
        NEW.child_id,
        NULL, json_object('id', NEW.id, 'child_id', NEW.child_id, 'item_id', NEW.item_id,
            'position', NEW.position, 'caption', NEW.caption, 'width', NEW.width,
            'height', NEW.height, 'sha256', NEW.sha256, 'created_at', NEW.created_at));
END;
CREATE TRIGGER audit_photos_update AFTER UPDATE ON photos
WHEN OLD.id IS NOT NEW.id OR OLD.child_id IS NOT NEW.child_id OR
  OLD.item_id IS NOT NEW.item_id OR OLD.position IS NOT NEW.position OR
  OLD.caption IS NOT NEW.caption OR OLD.width IS NOT NEW.width OR
  OLD.height IS NOT NEW.height OR OLD.sha256 IS NOT NEW.sha256 OR
  OLD.created_at IS NOT NEW.created_at
BEGIN
    INSERT INTO audit_log (at, who, action, table_name, record_id, child_id, old_values, new_values)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT who FROM audit_actor), 'update', 'photos', NEW.id,
        NEW.child_id,
        json_object('id', OLD.id, 'child_id', OLD.child_id, 'item_id', OLD.item_id,
            'position', OLD.position, 'caption', OLD.caption, 'width', OLD.width,
            'height', OLD.height, 'sha256', OLD.sha256, 'created_at', OLD.created_at),
        json_object('id', NEW.id, 'child_id', NEW.child_id, 'item_id', NEW.item_id,
            'position', NEW.position, 'caption', NEW.caption, 'width', NEW.width,
            'height', NEW.height, 'sha256', NEW.sha256, 'created_at', NEW.created_at));
END;
CREATE TRIGGER audit_photos_delete BEFORE DELETE ON photos
BEGIN
    INSERT INTO audit_log (at, who, action, table_name, record_id, child_id, old_values, new_values)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT who FROM audit_actor), 'delete', 'photos', OLD.id,
        OLD.child_id,
        json_object('id', OLD.id, 'child_id', OLD.child_id, 'item_id', OLD.item_id,
            'position', OLD.position, 'caption', OLD.caption, 'width', OLD.width,
            'height', OLD.height, 'sha256', OLD.sha256, 'created_at', OLD.created_at), NULL);
END;

-- service_records
CREATE TRIGGER audit_service_records_insert AFTER INSERT ON service_records
BEGIN
    INSERT INTO audit_log (at, who, action, table_name, record_id, child_id, old_values, new_values)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT who FROM audit_actor), 'create', 'service_records', NEW.id,
        COALESCE((SELECT child_id FROM items WHERE id = NEW.item_id), (SELECT child_id FROM audit_log WHERE table_name = 'items' AND record_id = NEW.item_id ORDER BY seq DESC LIMIT 1)),
        NULL, json_object('id', NEW.id, 'item_id', NEW.item_id, 'kind', NEW.kind, 'date', NEW.date,
            'by_whom', NEW.by_whom, 'outcome', NEW.outcome, 'notes', NEW.notes,
            'next_due', NEW.next_due, 'recorded_at', NEW.recorded_at));
END;
CREATE TRIGGER audit_service_records_update AFTER UPDATE ON service_records
WHEN OLD.id IS NOT NEW.id OR OLD.item_id IS NOT NEW.item_id OR OLD.kind IS NOT NEW.kind OR
  OLD.date IS NOT NEW.date OR OLD.by_whom IS NOT NEW.by_whom OR
  OLD.outcome IS NOT NEW.outcome OR OLD.notes IS NOT NEW.notes OR
  OLD.next_due IS NOT NEW.next_due OR OLD.recorded_at IS NOT NEW.recorded_at
BEGIN
    INSERT INTO audit_log (at, who, action, table_name, record_id, child_id, old_values, new_values)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT who FROM audit_actor), 'update', 'service_records', NEW.id,
        COALESCE((SELECT child_id FROM items WHERE id = NEW.item_id), (SELECT child_id FROM audit_log WHERE table_name = 'items' AND record_id = NEW.item_id ORDER BY seq DESC LIMIT 1)),
        json_object('id', OLD.id, 'item_id', OLD.item_id, 'kind', OLD.kind, 'date', OLD.date,
            'by_whom', OLD.by_whom, 'outcome', OLD.outcome, 'notes', OLD.notes,
            'next_due', OLD.next_due, 'recorded_at', OLD.recorded_at),
        json_object('id', NEW.id, 'item_id', NEW.item_id, 'kind', NEW.kind, 'date', NEW.date,
            'by_whom', NEW.by_whom, 'outcome', NEW.outcome, 'notes', NEW.notes,
            'next_due', NEW.next_due, 'recorded_at', NEW.recorded_at));
END;
CREATE TRIGGER audit_service_records_delete BEFORE DELETE ON service_records
BEGIN
    INSERT INTO audit_log (at, who, action, table_name, record_id, child_id, old_values, new_values)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT who FROM audit_actor), 'delete', 'service_records', OLD.id,
        COALESCE((SELECT child_id FROM items WHERE id = OLD.item_id), (SELECT child_id FROM audit_log WHERE table_name = 'items' AND record_id = OLD.item_id ORDER BY seq DESC LIMIT 1)),
        json_object('id', OLD.id, 'item_id', OLD.item_id, 'kind', OLD.kind, 'date', OLD.date,
            'by_whom', OLD.by_whom, 'outcome', OLD.outcome, 'notes', OLD.notes,
            'next_due', OLD.next_due, 'recorded_at', OLD.recorded_at), NULL);
END;

-- issued_copies
CREATE TRIGGER audit_issued_copies_insert AFTER INSERT ON issued_copies
BEGIN
    INSERT INTO audit_log (at, who, action, table_name, record_id, child_id, old_values, new_values)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT who FROM audit_actor), 'create', 'issued_copies', NEW.id,
        NEW.child_id,
        NULL, json_object('id', NEW.id, 'child_id', NEW.child_id, 'audience', NEW.audience,
            'format', NEW.format, 'large_print', NEW.large_print,
            'printed_on', NEW.printed_on, 'printed_at', NEW.printed_at,
            'version', NEW.version, 'content_hash', NEW.content_hash,
            'setting_id', NEW.setting_id, 'template', NEW.template));
END;
CREATE TRIGGER audit_issued_copies_update AFTER UPDATE ON issued_copies
WHEN OLD.id IS NOT NEW.id OR OLD.child_id IS NOT NEW.child_id OR
  OLD.audience IS NOT NEW.audience OR OLD.format IS NOT NEW.format OR
  OLD.large_print IS NOT NEW.large_print OR OLD.printed_on IS NOT NEW.printed_on OR
  OLD.printed_at IS NOT NEW.printed_at OR OLD.version IS NOT NEW.version OR
  OLD.content_hash IS NOT NEW.content_hash OR OLD.setting_id IS NOT NEW.setting_id OR
  OLD.template IS NOT NEW.template
BEGIN
    INSERT INTO audit_log (at, who, action, table_name, record_id, child_id, old_values, new_values)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT who FROM audit_actor), 'update', 'issued_copies', NEW.id,
        NEW.child_id,
        json_object('id', OLD.id, 'child_id', OLD.child_id, 'audience', OLD.audience,
            'format', OLD.format, 'large_print', OLD.large_print,
            'printed_on', OLD.printed_on, 'printed_at', OLD.printed_at,
            'version', OLD.version, 'content_hash', OLD.content_hash,
            'setting_id', OLD.setting_id, 'template', OLD.template),
        json_object('id', NEW.id, 'child_id', NEW.child_id, 'audience', NEW.audience,
            'format', NEW.format, 'large_print', NEW.large_print,
            'printed_on', NEW.printed_on, 'printed_at', NEW.printed_at,
            'version', NEW.version, 'content_hash', NEW.content_hash,
            'setting_id', NEW.setting_id, 'template', NEW.template));
END;
CREATE TRIGGER audit_issued_copies_delete BEFORE DELETE ON issued_copies
BEGIN
    INSERT INTO audit_log (at, who, action, table_name, record_id, child_id, old_values, new_values)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT who FROM audit_actor), 'delete', 'issued_copies', OLD.id,
        OLD.child_id,
        json_object('id', OLD.id, 'child_id', OLD.child_id, 'audience', OLD.audience,
            'format', OLD.format, 'large_print', OLD.large_print,
            'printed_on', OLD.printed_on, 'printed_at', OLD.printed_at,
            'version', OLD.version, 'content_hash', OLD.content_hash,
            'setting_id', OLD.setting_id, 'template', OLD.template), NULL);
END;

-- dfg_cases
CREATE TRIGGER audit_dfg_cases_insert AFTER INSERT ON dfg_cases
BEGIN
    INSERT INTO audit_log (at, who, action, table_name, record_id, child_id, old_values, new_values)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT who FROM audit_actor), 'create', 'dfg_cases', NEW.id,
        NEW.child_id,
        NULL, json_object('id', NEW.id, 'child_id', NEW.child_id,
            'property_address', NEW.property_address, 'postcode', NEW.postcode,
            'tenure', NEW.tenure, 'jurisdiction', NEW.jurisdiction, 'council', NEW.council,
            'agency', NEW.agency, 'applicant', NEW.applicant, 'opened_at', NEW.opened_at));
END;
CREATE TRIGGER audit_dfg_cases_update AFTER UPDATE ON dfg_cases
WHEN OLD.id IS NOT NEW.id OR OLD.child_id IS NOT NEW.child_id OR
  OLD.property_address IS NOT NEW.property_address OR OLD.postcode IS NOT NEW.postcode OR
  OLD.tenure IS NOT NEW.tenure OR OLD.jurisdiction IS NOT NEW.jurisdiction OR
  OLD.council IS NOT NEW.council OR OLD.agency IS NOT NEW.agency OR
  OLD.applicant IS NOT NEW.applicant OR OLD.opened_at IS NOT NEW.opened_at
BEGIN
    INSERT INTO audit_log (at, who, action, table_name, record_id, child_id, old_values, new_values)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT who FROM audit_actor), 'update', 'dfg_cases', NEW.id,
        NEW.child_id,
        json_object('id', OLD.id, 'child_id', OLD.child_id,
            'property_address', OLD.property_address, 'postcode', OLD.postcode,
            'tenure', OLD.tenure, 'jurisdiction', OLD.jurisdiction, 'council', OLD.council,
            'agency', OLD.agency, 'applicant', OLD.applicant, 'opened_at', OLD.opened_at),
        json_object('id', NEW.id, 'child_id', NEW.child_id,
            'property_address', NEW.property_address, 'postcode', NEW.postcode,
            'tenure', NEW.tenure, 'jurisdiction', NEW.jurisdiction, 'council', NEW.council,
            'agency', NEW.agency, 'applicant', NEW.applicant, 'opened_at', NEW.opened_at));
END;
CREATE TRIGGER audit_dfg_cases_delete BEFORE DELETE ON dfg_cases
BEGIN
    INSERT INTO audit_log (at, who, action, table_name, record_id, child_id, old_values, new_values)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT who FROM audit_actor), 'delete', 'dfg_cases', OLD.id,
        OLD.child_id,
        json_object('id', OLD.id, 'child_id', OLD.child_id,
            'property_address', OLD.property_address, 'postcode', OLD.postcode,
            'tenure', OLD.tenure, 'jurisdiction', OLD.jurisdiction, 'council', OLD.council,
            'agency', OLD.agency, 'applicant', OLD.applicant, 'opened_at', OLD.opened_at), NULL);
END;

-- dfg_stages
CREATE TRIGGER audit_dfg_stages_insert AFTER INSERT ON dfg_stages
BEGIN
    INSERT INTO audit_log (at, who, action, table_name, record_id, child_id, old_values, new_values)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT who FROM audit_actor), 'create', 'dfg_stages', NEW.id,
        COALESCE((SELECT child_id FROM dfg_cases WHERE id = NEW.case_id), (SELECT child_id FROM audit_log WHERE table_name = 'dfg_cases' AND record_id = NEW.case_id ORDER BY seq DESC LIMIT 1)),
        NULL, json_object('id', NEW.id, 'case_id', NEW.case_id, 'position', NEW.position,
            'stage', NEW.stage, 'date', NEW.date, 'recorded_by', NEW.recorded_by,
            'amount_pence', NEW.amount_pence, 'notes', NEW.notes,
            'recorded_at', NEW.recorded_at));
END;
CREATE TRIGGER audit_dfg_stages_update AFTER UPDATE ON dfg_stages
WHEN OLD.id IS NOT NEW.id OR OLD.case_id IS NOT NEW.case_id OR
  OLD.position IS NOT NEW.position OR OLD.stage IS NOT NEW.stage OR
  OLD.date IS NOT NEW.date OR OLD.recorded_by IS NOT NEW.recorded_by OR
  OLD.amount_pence IS NOT NEW.amount_pence OR OLD.notes IS NOT NEW.notes OR
  OLD.recorded_at IS NOT NEW.recorded_at
BEGIN
    INSERT INTO audit_log (at, who, action, table_name, record_id, child_id, old_values, new_values)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT who FROM audit_actor), 'update', 'dfg_stages', NEW.id,
        COALESCE((SELECT child_id FROM dfg_cases WHERE id = NEW.case_id), (SELECT child_id FROM audit_log WHERE table_name = 'dfg_cases' AND record_id = NEW.case_id ORDER BY seq DESC LIMIT 1)),
        json_object('id', OLD.id, 'case_id', OLD.case_id, 'position', OLD.position,
            'stage', OLD.stage, 'date', OLD.date, 'recorded_by', OLD.recorded_by,
            'amount_pence', OLD.amount_pence, 'notes', OLD.notes,
            'recorded_at', OLD.recorded_at),
        json_object('id', NEW.id, 'case_id', NEW.case_id, 'position', NEW.position,
            'stage', NEW.stage, 'date', NEW.date, 'recorded_by', NEW.recorded_by,
            'amount_pence', NEW.amount_pence, 'notes', NEW.notes,
            'recorded_at', NEW.recorded_at));
END;
CREATE TRIGGER audit_dfg_stages_delete BEFORE DELETE ON dfg_stages
BEGIN
    INSERT INTO audit_log (at, who, action, table_name, record_id, child_id, old_values, new_values)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT who FROM audit_actor), 'delete', 'dfg_stages', OLD.id,
        COALESCE((SELECT child_id FROM dfg_cases WHERE id = OLD.case_id), (SELECT child_id FROM audit_log WHERE table_name = 'dfg_cases' AND record_id = OLD.case_id ORDER BY seq DESC LIMIT 1)),
        json_object('id', OLD.id, 'case_id', OLD.case_id, 'position', OLD.position,
            'stage', OLD.stage, 'date', OLD.date, 'recorded_by', OLD.recorded_by,
            'amount_pence', OLD.amount_pence, 'notes', OLD.notes,
            'recorded_at', OLD.recorded_at), NULL);
END;

-- dfg_adaptations
CREATE TRIGGER audit_dfg_adaptations_insert AFTER INSERT ON dfg_adaptations
BEGIN
    INSERT INTO audit_log (at, who, action, table_name, record_id, child_id, old_values, new_values)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT who FROM audit_actor), 'create', 'dfg_adaptations', NEW.stage_id || '#' || NEW.position,
        COALESCE((SELECT c.child_id FROM dfg_stages s JOIN dfg_cases c ON c.id = s.case_id WHERE s.id = NEW.stage_id), (SELECT child_id FROM audit_log WHERE table_name = 'dfg_stages' AND record_id = NEW.stage_id ORDER BY seq DESC LIMIT 1)),
        NULL, json_object('stage_id', NEW.stage_id, 'position', NEW.position, 'kind', NEW.kind,
            'description', NEW.description,
            'estimated_cost_pence', NEW.estimated_cost_pence));
END;
CREATE TRIGGER audit_dfg_adaptations_update AFTER UPDATE ON dfg_adaptations
WHEN OLD.stage_id IS NOT NEW.stage_id OR OLD.position IS NOT NEW.position OR
  OLD.kind IS NOT NEW.kind OR OLD.description IS NOT NEW.description OR
  OLD.estimated_cost_pence IS NOT NEW.estimated_cost_pence
BEGIN
    INSERT INTO audit_log (at, who, action, table_name, record_id, child_id, old_values, new_values)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT who FROM audit_actor), 'update', 'dfg_adaptations', NEW.stage_id || '#' || NEW.position,
        COALESCE((SELECT c.child_id FROM dfg_stages s JOIN dfg_cases c ON c.id = s.case_id WHERE s.id = NEW.stage_id), (SELECT child_id FROM audit_log WHERE table_name = 'dfg_stages' AND record_id = NEW.stage_id ORDER BY seq DESC LIMIT 1)),
        json_object('stage_id', OLD.stage_id, 'position', OLD.position, 'kind', OLD.kind,
            'description', OLD.description,
            'estimated_cost_pence', OLD.estimated_cost_pence),
        json_object('stage_id', NEW.stage_id, 'position', NEW.position, 'kind', NEW.kind,
            'description', NEW.description,
            'estimated_cost_pence', NEW.estimated_cost_pence));
END;
CREATE TRIGGER audit_dfg_adaptations_delete BEFORE DELETE ON dfg_adaptations
BEGIN
    INSERT INTO audit_log (at, who, action, table_name, record_id, child_id, old_values, new_values)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT who FROM audit_actor), 'delete', 'dfg_adaptations', OLD.stage_id || '#' || OLD.position,
        COALESCE((SELECT c.child_id FROM dfg_stages s JOIN dfg_cases c ON c.id = s.case_id WHERE s.id = OLD.stage_id), (SELECT child_id FROM audit_log WHERE table_name = 'dfg_stages' AND record_id = OLD.stage_id ORDER BY seq DESC LIMIT 1)),
        json_object('stage_id', OLD.stage_id, 'position', OLD.position, 'kind', OLD.kind,
            'description', OLD.description,
            'estimated_cost_pence', OLD.estimated_cost_pence), NULL);
END;

-- dfg_quotes
CREATE TRIGGER audit_dfg_quotes_insert AFTER INSERT ON dfg_quotes
BEGIN
    INSERT INTO audit_log (at, who, action, table_name, record_id, child_id, old_values, new_values)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT who FROM audit_actor), 'create', 'dfg_quotes', NEW.stage_id,
        COALESCE((SELECT c.child_id FROM dfg_stages s JOIN dfg_cases c ON c.id = s.case_id WHERE s.id = NEW.stage_id), (SELECT child_id FROM audit_log WHERE table_name = 'dfg_stages' AND record_id = NEW.stage_id ORDER BY seq DESC LIMIT 1)),
        NULL, json_object('stage_id', NEW.stage_id, 'contractor', NEW.contractor,
            'amount_pence', NEW.amount_pence, 'chosen', NEW.chosen));
END;
CREATE TRIGGER audit_dfg_quotes_update AFTER UPDATE ON dfg_quotes
WHEN OLD.stage_id IS NOT NEW.stage_id OR OLD.contractor IS NOT NEW.contractor OR
  OLD.amount_pence IS NOT NEW.amount_pence OR OLD.chosen IS NOT NEW.chosen
BEGIN
    INSERT INTO audit_log (at, who, action, table_name, record_id, child_id, old_values, new_values)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT who FROM audit_actor), 'update', 'dfg_quotes', NEW.stage_id,
        COALESCE((SELECT c.child_id FROM dfg_stages s JOIN dfg_cases c ON c.id = s.case_id WHERE s.id = NEW.stage_id), (SELECT child_id FROM audit_log WHERE table_name = 'dfg_stages' AND record_id = NEW.stage_id ORDER BY seq DESC LIMIT 1)),
        json_object('stage_id', OLD.stage_id, 'contractor', OLD.contractor,
            'amount_pence', OLD.amount_pence, 'chosen', OLD.chosen),
        json_object('stage_id', NEW.stage_id, 'contractor', NEW.contractor,
            'amount_pence', NEW.amount_pence, 'chosen', NEW.chosen));
END;
CREATE TRIGGER audit_dfg_quotes_delete BEFORE DELETE ON dfg_quotes
BEGIN
    INSERT INTO audit_log (at, who, action, table_name, record_id, child_id, old_values, new_values)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT who FROM audit_actor), 'delete', 'dfg_quotes', OLD.stage_id,
        COALESCE((SELECT c.child_id FROM dfg_stages s JOIN dfg_cases c ON c.id = s.case_id WHERE s.id = OLD.stage_id), (SELECT child_id FROM audit_log WHERE table_name = 'dfg_stages' AND record_id = OLD.stage_id ORDER BY seq DESC LIMIT 1)),
        json_object('stage_id', OLD.stage_id, 'contractor', OLD.contractor,
            'amount_pence', OLD.amount_pence, 'chosen', OLD.chosen), NULL);
END;

-- dfg_funding
CREATE TRIGGER audit_dfg_funding_insert AFTER INSERT ON dfg_funding
BEGIN
    INSERT INTO audit_log (at, who, action, table_name, record_id, child_id, old_values, new_values)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT who FROM audit_actor), 'create', 'dfg_funding', NEW.stage_id,
        COALESCE((SELECT c.child_id FROM dfg_stages s JOIN dfg_cases c ON c.id = s.case_id WHERE s.id = NEW.stage_id), (SELECT child_id FROM audit_log WHERE table_name = 'dfg_stages' AND record_id = NEW.stage_id ORDER BY seq DESC LIMIT 1)),
        NULL, json_object('stage_id', NEW.stage_id, 'mandatory_pence', NEW.mandatory_pence,
            'discretionary_pence', NEW.discretionary_pence,
            'family_pence', NEW.family_pence, 'other_pence', NEW.other_pence,
            'other_source', NEW.other_source));
END;
CREATE TRIGGER audit_dfg_funding_update AFTER UPDATE ON dfg_funding
WHEN OLD.stage_id IS NOT NEW.stage_id OR OLD.mandatory_pence IS NOT NEW.mandatory_pence OR
  OLD.discretionary_pence IS NOT NEW.discretionary_pence OR
  OLD.family_pence IS NOT NEW.family_pence OR OLD.other_pence IS NOT NEW.other_pence OR
  OLD.other_source IS NOT NEW.other_source
BEGIN
    INSERT INTO audit_log (at, who, action, table_name, record_id, child_id, old_values, new_values)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT who FROM audit_actor), 'update', 'dfg_funding', NEW.stage_id,
        COALESCE((SELECT c.child_id FROM dfg_stages s JOIN dfg_cases c ON c.id = s.case_id WHERE s.id = NEW.stage_id), (SELECT child_id FROM audit_log WHERE table_name = 'dfg_stages' AND record_id = NEW.stage_id ORDER BY seq DESC LIMIT 1)),
        json_object('stage_id', OLD.stage_id, 'mandatory_pence', OLD.mandatory_pence,
            'discretionary_pence', OLD.discretionary_pence,
            'family_pence', OLD.family_pence, 'other_pence', OLD.other_pence,
            'other_source', OLD.other_source),
        json_object('stage_id', NEW.stage_id, 'mandatory_pence', NEW.mandatory_pence,
            'discretionary_pence', NEW.discretionary_pence,
            'family_pence', NEW.family_pence, 'other_pence', NEW.other_pence,
            'other_source', NEW.other_source));
END;
CREATE TRIGGER audit_dfg_funding_delete BEFORE DELETE ON dfg_funding
BEGIN
    INSERT INTO audit_log (at, who, action, table_name, record_id, child_id, old_values, new_values)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT who FROM audit_actor), 'delete', 'dfg_funding', OLD.stage_id,
        COALESCE((SELECT c.child_id FROM dfg_stages s JOIN dfg_cases c ON c.id = s.case_id WHERE s.id = OLD.stage_id), (SELECT child_id FROM audit_log WHERE table_name = 'dfg_stages' AND record_id = OLD.stage_id ORDER BY seq DESC LIMIT 1)),
        json_object('stage_id', OLD.stage_id, 'mandatory_pence', OLD.mandatory_pence,
            'discretionary_pence', OLD.discretionary_pence,
            'family_pence', OLD.family_pence, 'other_pence', OLD.other_pence,
            'other_source', OLD.other_source), NULL);
END;

-- dfg_notes
CREATE TRIGGER audit_dfg_notes_insert AFTER INSERT ON dfg_notes
BEGIN
    INSERT INTO audit_log (at, who, action, table_name, record_id, child_id, old_values, new_values)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT who FROM audit_actor), 'create', 'dfg_notes', NEW.id,
        COALESCE((SELECT child_id FROM dfg_cases WHERE id = NEW.case_id), (SELECT child_id FROM audit_log WHERE table_name = 'dfg_cases' AND record_id = NEW.case_id ORDER BY seq DESC LIMIT 1)),
        NULL, json_object('id', NEW.id, 'case_id', NEW.case_id, 'author', NEW.author,
            'written_at', NEW.written_at, 'text', NEW.text));
END;
CREATE TRIGGER audit_dfg_notes_update AFTER UPDATE ON dfg_notes
WHEN OLD.id IS NOT NEW.id OR OLD.case_id IS NOT NEW.case_id OR
  OLD.author IS NOT NEW.author OR OLD.written_at IS NOT NEW.written_at OR
  OLD.text IS NOT NEW.text
BEGIN
    INSERT INTO audit_log (at, who, action, table_name, record_id, child_id, old_values, new_values)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT who FROM audit_actor), 'update', 'dfg_notes', NEW.id,
        COALESCE((SELECT child_id FROM dfg_cases WHERE id = NEW.case_id), (SELECT child_id FROM audit_log WHERE table_name = 'dfg_cases' AND record_id = NEW.case_id ORDER BY seq DESC LIMIT 1)),
        json_object('id', OLD.id, 'case_id', OLD.case_id, 'author', OLD.author,
            'written_at', OLD.written_at, 'text', OLD.text),
        json_object('id', NEW.id, 'case_id', NEW.case_id, 'author', NEW.author,
            'written_at', NEW.written_at, 'text', NEW.text));
END;
CREATE TRIGGER audit_dfg_notes_delete BEFORE DELETE ON dfg_notes
BEGIN
    INSERT INTO audit_log (at, who, action, table_name, record_id, child_id, old_values, new_values)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT who FROM audit_actor), 'delete', 'dfg_notes', OLD.id,
        COALESCE((SELECT child_id FROM dfg_cases WHERE id = OLD.case_id), (SELECT child_id FROM audit_log WHERE table_name = 'dfg_cases' AND record_id = OLD.case_id ORDER BY seq DESC LIMIT 1)),
        json_object('id', OLD.id, 'case_id', OLD.case_id, 'author', OLD.author,
            'written_at', OLD.written_at, 'text', OLD.text), NULL);
END;

-- app_settings
CREATE TRIGGER audit_app_settings_insert AFTER INSERT ON app_settings
BEGIN
    INSERT INTO audit_log (at, who, action, table_name, record_id, child_id, old_values, new_values)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT who FROM audit_actor), 'create', 'app_settings', NEW.key,
        NULL,
        NULL, json_object('key', NEW.key, 'value', NEW.value));
END;
CREATE TRIGGER audit_app_settings_update AFTER UPDATE ON app_settings
WHEN OLD.key IS NOT NEW.key OR OLD.value IS NOT NEW.value
BEGIN
    INSERT INTO audit_log (at, who, action, table_name, record_id, child_id, old_values, new_values)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT who FROM audit_actor), 'update', 'app_settings', NEW.key,
        NULL,
        json_object('key', OLD.key, 'value', OLD.value),
        json_object('key', NEW.key, 'value', NEW.value));
END;
CREATE TRIGGER audit_app_settings_delete BEFORE DELETE ON app_settings
BEGIN
    INSERT INTO audit_log (at, who, action, table_name, record_id, child_id, old_values, new_values)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT who FROM audit_actor), 'delete', 'app_settings', OLD.key,
        NULL,
        json_object('key', OLD.key, 'value', OLD.value), NULL);
END;

-- app_files
CREATE TRIGGER audit_app_files_insert AFTER INSERT ON app_files
BEGIN
    INSERT INTO audit_log (at, who, action, table_name, record_id, child_id, old_values, new_values)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT who FROM audit_actor), 'create', 'app_files', NEW.name,
        NULL,
        NULL, json_object('name', NEW.name, 'size', length(NEW.bytes)));
END;
CREATE TRIGGER audit_app_files_update AFTER UPDATE ON app_files
WHEN OLD.name IS NOT NEW.name OR length(OLD.bytes) IS NOT length(NEW.bytes)
BEGIN
    INSERT INTO audit_log (at, who, action, table_name, record_id, child_id, old_values, new_values)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT who FROM audit_actor), 'update', 'app_files', NEW.name,
        NULL,
        json_object('name', OLD.name, 'size', length(OLD.bytes)),
        json_object('name', NEW.name, 'size', length(NEW.bytes)));
END;
CREATE TRIGGER audit_app_files_delete BEFORE DELETE ON app_files
BEGIN
    INSERT INTO audit_log (at, who, action, table_name, record_id, child_id, old_values, new_values)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT who FROM audit_actor), 'delete', 'app_files', OLD.name,
        NULL,
        json_object('name', OLD.name, 'size', length(OLD.bytes)), NULL);
END;
