-- Schema version 15 (issue 15, part 6): the language a child's passport is printed in when a
-- print does not say: 'en' (English), 'cy' (Welsh) or 'cy-en' (bilingual, Welsh first). NULL,
-- which every child stored before this version becomes, is English. The app writes only those
-- three codes; the model reads anything else as not set.
ALTER TABLE children ADD COLUMN language TEXT;

-- The audit triggers of migration 0007 name every audited column, so they are replaced with
-- ones that also name the language (a change of language is in the child's history). They are
-- the same as before apart from that column.
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
            'language', NEW.language,
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
  OLD.language IS NOT NEW.language OR
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
            'language', OLD.language,
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
            'language', NEW.language,
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
            'language', OLD.language,
            'photo_id', OLD.photo_id, 'created_at', OLD.created_at), NULL);
END;
