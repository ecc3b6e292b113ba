-- Schema version 7: the most important things first. A child has up to three short statements
-- in each of three colours (red: must never happen; amber: keep me safe with my equipment;
-- green: what helps me enjoy it), printed on the page after the passport's cover.
--
-- Three columns, one per colour, each a JSON list of text like the other short lists the
-- caseload keeps (an item's safety checks, dos and don'ts). One column per colour because
-- the audit trail records changes column by column: History then says "Must never happen"
-- changed, with that colour's old and new statements, instead of one blob of all nine. A list
-- rather than a column per statement, because removing the first statement would otherwise
-- show as every later one changing. The model checks the lists (at most three, each one line
-- of at most 200 characters); '[]' is a child with none, which every child stored before
-- this version becomes.
ALTER TABLE children ADD COLUMN key_statements_red TEXT NOT NULL DEFAULT '[]';
ALTER TABLE children ADD COLUMN key_statements_amber TEXT NOT NULL DEFAULT '[]';
ALTER TABLE children ADD COLUMN key_statements_green TEXT NOT NULL DEFAULT '[]';

-- The audit triggers of migration 0004 name every audited column, so they are replaced with
-- ones that also name the new columns (otherwise a change to a statement would leave no
-- entry). They are the same as before apart from the three columns.
DROP TRIGGER audit_children_insert;
DROP TRIGGER audit_children_update;
DROP TRIGGER audit_children_delete;

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
            'key_statements_red', NEW.key_statements_red,
            'key_statements_amber', NEW.key_statements_amber,
            'key_statements_green', NEW.key_statements_green,
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
  OLD.key_statements_red IS NOT NEW.key_statements_red OR
  OLD.key_statements_amber IS NOT NEW.key_statements_amber OR
  OLD.key_statements_green IS NOT NEW.key_statements_green OR
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
            'key_statements_red', OLD.key_statements_red,
            'key_statements_amber', OLD.key_statements_amber,
            'key_statements_green', OLD.key_statements_green,
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
            'key_statements_red', NEW.key_statements_red,
            'key_statements_amber', NEW.key_statements_amber,
            'key_statements_green', NEW.key_statements_green,
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
            'key_statements_red', OLD.key_statements_red,
            'key_statements_amber', OLD.key_statements_amber,
            'key_statements_green', OLD.key_statements_green,
            'home_address', OLD.home_address, 'home_postcode', OLD.home_postcode,
            'photo_id', OLD.photo_id, 'created_at', OLD.created_at), NULL);
END;
