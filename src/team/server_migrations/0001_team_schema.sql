-- The team's server schema, version 1: canonical records, the change log, the group roles and
-- what each may see and do. Run by `passport team init` in one transaction, as the database's
-- owner (the trust's DBA). Append-only: a later change is a new numbered file.
--
-- Who may do what is decided here, by PostgreSQL, never by the app:
--   passport_therapist  reads the whole caseload; writes through passport.apply_change only
--   passport_lead       as therapist, plus the team's settings (a member of passport_therapist)
--   passport_school     reads its own pupils' school-copy fields through the school_* views;
--                       writes nothing but the issued-copy register

CREATE SCHEMA passport;
REVOKE ALL ON SCHEMA passport FROM PUBLIC;

-- Which server migrations have run; a device compares the newest with its own.
CREATE TABLE passport.schema_migrations (
    version     integer PRIMARY KEY,
    applied_at  timestamptz NOT NULL DEFAULT now()
);

-- Group roles are shared by every database of the cluster: made only when missing (and a
-- second database initialised at the same moment finds them made).
DO $roles$
DECLARE
    wanted text[] := ARRAY['passport_therapist', 'passport_school', 'passport_lead'];
    r text;
BEGIN
    FOREACH r IN ARRAY wanted LOOP
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = r) THEN
            BEGIN
                EXECUTE format('CREATE ROLE %I NOLOGIN', r);
            EXCEPTION WHEN duplicate_object OR unique_violation THEN
                NULL;
            END;
        END IF;
    END LOOP;
    IF NOT pg_has_role('passport_lead', 'passport_therapist', 'MEMBER') THEN
        BEGIN
            GRANT passport_therapist TO passport_lead;
        EXCEPTION WHEN duplicate_object OR unique_violation THEN
            NULL;
        END;
    END IF;
END
$roles$;

GRANT USAGE ON SCHEMA passport TO passport_therapist, passport_lead, passport_school;

-- Canonical records: the local caseload's tables in shape, with the same UUIDs as ids. Values
-- derived on the device (search and sort keys, the due list) are not kept here.

CREATE TABLE passport.settings (
    id              uuid PRIMARY KEY,
    name            text NOT NULL,
    kind            text NOT NULL,
    address         text NOT NULL DEFAULT '',
    postcode        text NOT NULL DEFAULT '',
    phone           text NOT NULL DEFAULT '',
    senco_name      text NOT NULL DEFAULT '',
    senco_email     text NOT NULL DEFAULT '',
    link_therapist  text NOT NULL DEFAULT ''
);

CREATE TABLE passport.suppliers (
    id              uuid PRIMARY KEY,
    name            text NOT NULL,
    kind            text NOT NULL,
    phones          jsonb NOT NULL DEFAULT '[]',
    repair_phone    text NOT NULL DEFAULT '',
    repair_hours    text NOT NULL DEFAULT '',
    email           text NOT NULL DEFAULT '',
    address         text NOT NULL DEFAULT '',
    postcode        text NOT NULL DEFAULT '',
    account_ref     text NOT NULL DEFAULT ''
);

CREATE TABLE passport.children (
    id                      uuid PRIMARY KEY,
    given_name              text NOT NULL,
    family_name             text NOT NULL,
    preferred_name          text NOT NULL DEFAULT '',
    date_of_birth           date NOT NULL,
    nhs_number              text NOT NULL DEFAULT '',
    setting_id              uuid REFERENCES passport.settings(id) ON DELETE SET NULL,
    class_name              text NOT NULL DEFAULT '',
    tier                    text,
    ehcp_has_plan           boolean NOT NULL DEFAULT false,
    ehcp_section_g          text NOT NULL DEFAULT '',
    consent_given_by        text,
    consent_given_on        date,
    communication           text NOT NULL DEFAULT '',
    what_helps              text NOT NULL DEFAULT '',
    medical_alerts          text NOT NULL DEFAULT '',
    home_address            text NOT NULL DEFAULT '',
    home_postcode           text NOT NULL DEFAULT '',
    photo_id                uuid,
    key_statements_red      jsonb NOT NULL DEFAULT '[]',
    key_statements_amber    jsonb NOT NULL DEFAULT '[]',
    key_statements_green    jsonb NOT NULL DEFAULT '[]',
    created_at              timestamptz NOT NULL,
    updated_at              timestamptz NOT NULL
);
CREATE INDEX children_by_setting ON passport.children(setting_id);

CREATE TABLE passport.contacts (
    id              uuid PRIMARY KEY,
    child_id        uuid NOT NULL REFERENCES passport.children(id) ON DELETE CASCADE,
    position        integer NOT NULL,
    name            text NOT NULL,
    role            text NOT NULL,
    relationship    text NOT NULL DEFAULT '',
    organisation    text NOT NULL DEFAULT '',
    phones          jsonb NOT NULL DEFAULT '[]',
    email           text NOT NULL DEFAULT '',
    -- The contact notes: never shown to a school.
    notes           text NOT NULL DEFAULT ''
);
CREATE INDEX contacts_by_child ON passport.contacts(child_id, position);

CREATE TABLE passport.items (
    id                  uuid PRIMARY KEY,
    child_id            uuid NOT NULL REFERENCES passport.children(id) ON DELETE CASCADE,
    category            text NOT NULL,
    name                text NOT NULL,
    make                text NOT NULL DEFAULT '',
    model               text NOT NULL DEFAULT '',
    serial              text NOT NULL DEFAULT '',
    lot                 text NOT NULL DEFAULT '',
    made_on             date,
    size                text NOT NULL DEFAULT '',
    where_used          text NOT NULL,
    provider_id         uuid REFERENCES passport.suppliers(id) ON DELETE RESTRICT,
    loan_number         text NOT NULL DEFAULT '',
    issue_date          date,
    purpose             text NOT NULL DEFAULT '',
    schedule            jsonb NOT NULL DEFAULT '[]',
    safety_checks       jsonb NOT NULL DEFAULT '[]',
    cleaning            text NOT NULL DEFAULT '',
    dos                 jsonb NOT NULL DEFAULT '[]',
    donts               jsonb NOT NULL DEFAULT '[]',
    status              text NOT NULL,
    repair_supplier_id  uuid REFERENCES passport.suppliers(id) ON DELETE RESTRICT,
    review_date         date,
    therapist           text NOT NULL DEFAULT '',
    staff_needed        integer NOT NULL,
    -- Holds the Personal Wheelchair Budget ("budget"), which a school never sees.
    wheelchair          jsonb,
    seating             jsonb,
    sling               jsonb,
    sling_id            text UNIQUE,
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL
);
CREATE INDEX items_by_child ON passport.items(child_id);

CREATE TABLE passport.service_records (
    id          uuid PRIMARY KEY,
    item_id     uuid NOT NULL REFERENCES passport.items(id) ON DELETE CASCADE,
    kind        text NOT NULL,
    date        date NOT NULL,
    by_whom     text NOT NULL,
    outcome     text NOT NULL,
    notes       text NOT NULL DEFAULT '',
    next_due    date,
    examination jsonb,
    recorded_at timestamptz NOT NULL
);
CREATE INDEX service_records_by_item ON passport.service_records(item_id, kind, date);

CREATE TABLE passport.dfg_cases (
    id                  uuid PRIMARY KEY,
    child_id            uuid NOT NULL REFERENCES passport.children(id) ON DELETE CASCADE,
    property_address    text NOT NULL DEFAULT '',
    postcode            text NOT NULL DEFAULT '',
    tenure              text NOT NULL,
    jurisdiction        text NOT NULL,
    council             text NOT NULL DEFAULT '',
    agency              text NOT NULL DEFAULT '',
    applicant           text NOT NULL DEFAULT '',
    -- The case's stages, quotes, funding and adaptations, as the device holds them.
    stages              jsonb NOT NULL DEFAULT '[]',
    opened_at           timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL
);
CREATE INDEX dfg_cases_by_child ON passport.dfg_cases(child_id);

-- A DFG case's notes: append-only, like the local ones.
CREATE TABLE passport.dfg_notes (
    id          uuid PRIMARY KEY,
    case_id     uuid NOT NULL REFERENCES passport.dfg_cases(id) ON DELETE CASCADE,
    author      text NOT NULL,
    written_at  timestamptz NOT NULL,
    text        text NOT NULL
);
CREATE INDEX dfg_notes_by_case ON passport.dfg_notes(case_id, written_at);

CREATE FUNCTION passport.refuse_editing_a_note() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'case notes are append-only: add a new note instead'
        USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER dfg_notes_are_not_edited BEFORE UPDATE ON passport.dfg_notes
    FOR EACH ROW EXECUTE FUNCTION passport.refuse_editing_a_note();

CREATE TABLE passport.issued_copies (
    id              uuid PRIMARY KEY,
    child_id        uuid NOT NULL REFERENCES passport.children(id) ON DELETE CASCADE,
    audience        text NOT NULL,
    format          text NOT NULL,
    large_print     boolean NOT NULL,
    printed_on      date NOT NULL,
    printed_at      timestamptz NOT NULL,
    version         integer NOT NULL,
    content_hash    text NOT NULL,
    setting_id      uuid REFERENCES passport.settings(id) ON DELETE SET NULL,
    template        text NOT NULL,
    -- The login that recorded it: set by the server, whoever inserts.
    issued_by       text NOT NULL DEFAULT session_user
);
CREATE INDEX issued_copies_by_child ON passport.issued_copies(child_id, audience, printed_at);

-- A school login's settings: it sees the children whose setting is one of these.
CREATE TABLE passport.school_settings (
    login       name NOT NULL,
    setting_id  uuid NOT NULL,
    PRIMARY KEY (login, setting_id)
);

-- The change log: every change the server accepted, with the login that pushed it. Devices
-- pull it by seq. Append-only for everyone, the owner included (see the triggers below).
CREATE TABLE passport.changes (
    change_id   uuid PRIMARY KEY,
    seq         bigserial NOT NULL UNIQUE,
    kind        text NOT NULL,
    record_id   uuid NOT NULL,
    -- NULL for a whole record made (after) or deleted (before).
    field       text,
    before      jsonb,
    after       jsonb,
    author      text NOT NULL DEFAULT session_user,
    at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX changes_by_record ON passport.changes(kind, record_id, seq);

-- Changes that met a different value on the server: both values kept for a person to choose.
CREATE TABLE passport.conflicts (
    change_id   uuid PRIMARY KEY,
    kind        text NOT NULL,
    record_id   uuid NOT NULL,
    field       text,
    before      jsonb,
    theirs      jsonb,
    mine        jsonb,
    author      text NOT NULL DEFAULT session_user,
    at          timestamptz NOT NULL DEFAULT now()
);

-- Deleted records: an edit that arrives after a deletion is a conflict, not a resurrection.
CREATE TABLE passport.tombstones (
    kind        text NOT NULL,
    record_id   uuid NOT NULL,
    change_id   uuid NOT NULL,
    PRIMARY KEY (kind, record_id)
);

CREATE FUNCTION passport.refuse_rewriting_history() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the team''s change log is append-only'
        USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER changes_are_not_edited BEFORE UPDATE OR DELETE ON passport.changes
    FOR EACH ROW EXECUTE FUNCTION passport.refuse_rewriting_history();
CREATE TRIGGER changes_are_not_truncated BEFORE TRUNCATE ON passport.changes
    FOR EACH STATEMENT EXECUTE FUNCTION passport.refuse_rewriting_history();

-- Which record kind lives in which table, and who may change it through apply_change.
CREATE TABLE passport.record_kinds (
    kind        text PRIMARY KEY,
    table_name  name NOT NULL,
    writer      name NOT NULL
);
INSERT INTO passport.record_kinds VALUES
    ('setting', 'settings', 'passport_lead'),
    ('supplier', 'suppliers', 'passport_therapist'),
    ('child', 'children', 'passport_therapist'),
    ('contact', 'contacts', 'passport_therapist'),
    ('item', 'items', 'passport_therapist'),
    ('service_record', 'service_records', 'passport_therapist'),
    ('dfg_case', 'dfg_cases', 'passport_therapist'),
    ('dfg_note', 'dfg_notes', 'passport_therapist'),
    ('issued_copy', 'issued_copies', 'passport_therapist');

-- Row-level security on every canonical table: the team's clinicians see every row; a school
-- login has no grant on these tables at all, and no policy either, so even a grant added by
-- mistake would show it nothing. Its one exception is the issued-copy register, below.
DO $rls$
DECLARE t name;
BEGIN
    FOREACH t IN ARRAY ARRAY['settings', 'suppliers', 'children', 'contacts', 'items',
        'service_records', 'dfg_cases', 'dfg_notes', 'issued_copies', 'changes', 'conflicts',
        'tombstones']
    LOOP
        EXECUTE format('ALTER TABLE passport.%I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY team_reads ON passport.%I FOR SELECT TO passport_therapist USING (true)', t);
        EXECUTE format('GRANT SELECT ON passport.%I TO passport_therapist', t);
    END LOOP;
END
$rls$;
GRANT SELECT ON passport.schema_migrations, passport.record_kinds TO
    passport_therapist, passport_school;
GRANT SELECT ON passport.school_settings TO passport_lead;

-- The issued-copy register: therapists and schools add what they print. A school records only
-- school copies of its own pupils, and reads back only what it recorded.
CREATE FUNCTION passport.is_my_pupil(child uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
    SELECT EXISTS (
        SELECT FROM passport.children c
        JOIN passport.school_settings s ON s.setting_id = c.setting_id
        WHERE c.id = child AND s.login = session_user)
$$;
REVOKE ALL ON FUNCTION passport.is_my_pupil(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION passport.is_my_pupil(uuid) TO passport_school;

GRANT INSERT ON passport.issued_copies TO passport_therapist, passport_school;
GRANT SELECT (id, child_id, audience, format, large_print, printed_on, printed_at, version,
    content_hash, setting_id, template, issued_by) ON passport.issued_copies TO passport_school;
CREATE POLICY team_records_copies ON passport.issued_copies FOR INSERT TO passport_therapist
    WITH CHECK (issued_by = session_user);
CREATE POLICY school_records_its_copies ON passport.issued_copies FOR INSERT TO passport_school
    WITH CHECK (audience = 'school' AND issued_by = session_user
        AND passport.is_my_pupil(child_id));
CREATE POLICY school_reads_its_copies ON passport.issued_copies FOR SELECT TO passport_school
    USING (issued_by = session_user);

-- What a school sees: its pupils' school-copy fields, through views that filter by the login
-- (security_barrier, so no function of the caller's runs before the filter). No home address,
-- NHS number, wheelchair budget, DFG case or contact note is in any of them.
CREATE VIEW passport.school_settings_view WITH (security_barrier) AS
    SELECT id, name, kind, address, postcode, phone, senco_name, senco_email, link_therapist
    FROM passport.settings
    WHERE id IN (SELECT setting_id FROM passport.school_settings WHERE login = session_user);

CREATE VIEW passport.school_children WITH (security_barrier) AS
    SELECT c.id, c.given_name, c.family_name, c.preferred_name, c.date_of_birth, c.setting_id,
        c.class_name, c.tier, c.communication, c.what_helps, c.medical_alerts, c.photo_id,
        c.key_statements_red, c.key_statements_amber, c.key_statements_green, c.updated_at
    FROM passport.children c
    WHERE c.setting_id IN (SELECT setting_id FROM passport.school_settings
        WHERE login = session_user);

CREATE VIEW passport.school_contacts WITH (security_barrier) AS
    SELECT k.id, k.child_id, k.position, k.name, k.role, k.relationship, k.organisation,
        k.phones, k.email
    FROM passport.contacts k
    JOIN passport.school_children c ON c.id = k.child_id;

CREATE VIEW passport.school_items WITH (security_barrier) AS
    SELECT i.id, i.child_id, i.category, i.name, i.make, i.model, i.serial, i.size,
        i.where_used, i.provider_id, i.purpose, i.schedule, i.safety_checks, i.cleaning,
        i.dos, i.donts, i.status, i.review_date, i.therapist, i.staff_needed,
        i.wheelchair - 'budget' AS wheelchair, i.seating, i.sling, i.updated_at
    FROM passport.items i
    JOIN passport.school_children c ON c.id = i.child_id
    WHERE i.where_used <> 'home';

CREATE VIEW passport.school_service_records WITH (security_barrier) AS
    SELECT s.id, s.item_id, s.kind, s.date, s.outcome, s.next_due
    FROM passport.service_records s
    JOIN passport.school_items i ON i.id = s.item_id;

GRANT SELECT ON passport.school_settings_view, passport.school_children,
    passport.school_contacts, passport.school_items, passport.school_service_records
    TO passport_school;

-- A JSON value as the column `field` of `table_name` holds it (a date or a time written any
-- way JSON allows compares equal to the stored one); NULL and JSON null are the same.
CREATE FUNCTION passport.as_stored(table_name name, field text, value jsonb) RETURNS jsonb
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
DECLARE stored jsonb;
BEGIN
    EXECUTE format('SELECT to_jsonb(r) -> %L FROM jsonb_populate_record(NULL::passport.%I, $1) r',
        field, table_name)
        INTO stored USING jsonb_build_object(field, value);
    RETURN stored;
END
$$;
REVOKE ALL ON FUNCTION passport.as_stored(name, text, jsonb) FROM PUBLIC;

-- The sync's heart: one change applied compare-and-set per field.
--   field set:   the record's field becomes `after` if it still equals `before`
--   field NULL:  `before` NULL makes the record from `after` (its fields as an object);
--                `after` NULL deletes it, leaving a tombstone
-- Returns 'applied', 'duplicate' (this change id was seen before: nothing done twice),
-- 'already' (the server already holds `after`) or 'conflict' (kept in passport.conflicts,
-- with the server's value beside the change's). Applied changes go in the change log, with
-- the login that pushed them.
CREATE FUNCTION passport.apply_change(
    p_change_id uuid, p_kind text, p_record_id uuid, p_field text, p_before jsonb, p_after jsonb)
RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    k passport.record_kinds;
    current_row jsonb;
    current_value jsonb;
    given jsonb;
    columns text;
    outcome text;
BEGIN
    SELECT * INTO k FROM passport.record_kinds WHERE kind = p_kind;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'unknown record kind %', p_kind USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF NOT pg_has_role(session_user, k.writer, 'MEMBER') THEN
        RAISE EXCEPTION 'the login % may not change a %', session_user, p_kind
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF p_field = 'id' THEN
        RAISE EXCEPTION 'a record''s id never changes' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF p_field IS NOT NULL AND NOT EXISTS (
        SELECT FROM pg_attribute
        WHERE attrelid = format('passport.%I', k.table_name)::regclass
          AND attname = p_field AND attnum > 0 AND NOT attisdropped) THEN
        RAISE EXCEPTION 'a % has no field %', p_kind, p_field
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF p_field IS NULL AND p_before IS NULL
       AND (p_after IS NULL OR jsonb_typeof(p_after) <> 'object') THEN
        RAISE EXCEPTION 'a new % needs its fields as an object', p_kind
            USING ERRCODE = 'invalid_parameter_value';
    END IF;

    -- Idempotent by change id: a push repeated after a lost reply changes nothing.
    IF EXISTS (SELECT FROM passport.changes WHERE change_id = p_change_id)
       OR EXISTS (SELECT FROM passport.conflicts WHERE change_id = p_change_id) THEN
        RETURN 'duplicate';
    END IF;

    -- The record, locked until the transaction ends so two pushes take turns.
    EXECUTE format('SELECT to_jsonb(t) FROM passport.%I t WHERE id = $1 FOR UPDATE', k.table_name)
        INTO current_row USING p_record_id;

    IF p_field IS NULL AND p_before IS NULL THEN
        -- Make a record from the fields given (the others take their defaults).
        given := (SELECT jsonb_object_agg(key, passport.as_stored(k.table_name, key, value))
                  FROM jsonb_each(p_after - 'id'));
        IF current_row IS NULL AND EXISTS (SELECT FROM passport.tombstones
                WHERE kind = p_kind AND record_id = p_record_id) THEN
            outcome := 'conflict';
        ELSIF current_row IS NULL THEN
            SELECT string_agg(quote_ident(key), ', ') INTO columns
            FROM jsonb_object_keys(given || '{"id": null}') AS key;
            EXECUTE format('INSERT INTO passport.%1$I (%2$s) SELECT %2$s FROM jsonb_populate_record(NULL::passport.%1$I, $1)',
                k.table_name, columns)
                USING p_after || jsonb_build_object('id', p_record_id);
            outcome := 'applied';
        ELSIF current_row @> given THEN
            outcome := 'already';
        ELSE
            outcome := 'conflict';
        END IF;
        current_value := current_row;
    ELSIF p_field IS NULL THEN
        -- Delete a record.
        IF current_row IS NULL THEN
            outcome := 'already';
        ELSE
            EXECUTE format('DELETE FROM passport.%I WHERE id = $1', k.table_name) USING p_record_id;
            INSERT INTO passport.tombstones VALUES (p_kind, p_record_id, p_change_id)
                ON CONFLICT DO NOTHING;
            outcome := 'applied';
        END IF;
        current_value := current_row;
    ELSE
        -- Change one field.
        current_value := current_row -> p_field;
        IF current_row IS NULL THEN
            outcome := 'conflict';
        ELSIF current_value = passport.as_stored(k.table_name, p_field, p_after) THEN
            outcome := 'already';
        ELSIF current_value = passport.as_stored(k.table_name, p_field, p_before) THEN
            EXECUTE format('UPDATE passport.%1$I SET %2$I = (jsonb_populate_record(NULL::passport.%1$I, $1)).%2$I WHERE id = $2',
                k.table_name, p_field)
                USING jsonb_build_object(p_field, p_after), p_record_id;
            outcome := 'applied';
        ELSE
            outcome := 'conflict';
        END IF;
    END IF;

    IF outcome = 'applied' THEN
        INSERT INTO passport.changes (change_id, kind, record_id, field, before, after)
            VALUES (p_change_id, p_kind, p_record_id, p_field, p_before, p_after);
    ELSIF outcome = 'conflict' THEN
        INSERT INTO passport.conflicts (change_id, kind, record_id, field, before, theirs, mine)
            VALUES (p_change_id, p_kind, p_record_id, p_field, p_before, current_value, p_after);
    END IF;
    RETURN outcome;
END
$$;
REVOKE ALL ON FUNCTION passport.apply_change(uuid, text, uuid, text, jsonb, jsonb) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION passport.apply_change(uuid, text, uuid, text, jsonb, jsonb)
    TO passport_therapist;
