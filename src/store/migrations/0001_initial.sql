-- Schema version 1: the caseload (settings, children, contacts), the supplier directory,
-- equipment with its set-up steps, photos and service log, the due-date index and app settings.
-- Dates are ISO 8601 text (YYYY-MM-DD), which sorts in date order; ids are UUID v7 text.

CREATE TABLE settings (
    id              TEXT PRIMARY KEY,
    name            TEXT NOT NULL,
    kind            TEXT NOT NULL,
    address         TEXT NOT NULL DEFAULT '',
    postcode        TEXT NOT NULL DEFAULT '',
    phone           TEXT NOT NULL DEFAULT '',
    senco_name      TEXT NOT NULL DEFAULT '',
    senco_email     TEXT NOT NULL DEFAULT '',
    link_therapist  TEXT NOT NULL DEFAULT '',
    search_key      TEXT NOT NULL
) STRICT;

CREATE TABLE suppliers (
    id              TEXT PRIMARY KEY,
    name            TEXT NOT NULL,
    kind            TEXT NOT NULL,
    phones          TEXT NOT NULL DEFAULT '[]',
    repair_phone    TEXT NOT NULL DEFAULT '',
    repair_hours    TEXT NOT NULL DEFAULT '',
    email           TEXT NOT NULL DEFAULT '',
    address         TEXT NOT NULL DEFAULT '',
    postcode        TEXT NOT NULL DEFAULT '',
    account_ref     TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE children (
    id                  TEXT PRIMARY KEY,
    given_name          TEXT NOT NULL,
    family_name         TEXT NOT NULL,
    preferred_name      TEXT NOT NULL DEFAULT '',
    date_of_birth       TEXT NOT NULL,
    nhs_number          TEXT NOT NULL DEFAULT '',
    setting_id          TEXT REFERENCES settings(id) ON DELETE SET NULL,
    class_name          TEXT NOT NULL DEFAULT '',
    tier                TEXT,
    ehcp_has_plan       INTEGER NOT NULL DEFAULT 0,
    ehcp_section_g      TEXT NOT NULL DEFAULT '',
    consent_given_by    TEXT,
    consent_given_on    TEXT,
    communication       TEXT NOT NULL DEFAULT '',
    what_helps          TEXT NOT NULL DEFAULT '',
    medical_alerts      TEXT NOT NULL DEFAULT '',
    home_address        TEXT NOT NULL DEFAULT '',
    home_postcode       TEXT NOT NULL DEFAULT '',
    photo_id            TEXT REFERENCES photos(id) ON DELETE SET NULL,
    -- Accent- and case-folded names, so "zoe" finds "Zoë" (see model::search_text).
    search_key          TEXT NOT NULL,
    sort_key            TEXT NOT NULL,
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL
) STRICT;
CREATE INDEX children_by_setting ON children(setting_id);
-- Covers the caseload search: it walks the register in order, testing the folded names, and
-- reads a child's full row only for the few that match.
CREATE INDEX children_for_search ON children(sort_key, search_key, setting_id, nhs_number);

CREATE TABLE contacts (
    id              TEXT PRIMARY KEY,
    child_id        TEXT NOT NULL REFERENCES children(id) ON DELETE CASCADE,
    position        INTEGER NOT NULL,
    name            TEXT NOT NULL,
    role            TEXT NOT NULL,
    relationship    TEXT NOT NULL DEFAULT '',
    organisation    TEXT NOT NULL DEFAULT '',
    phones          TEXT NOT NULL DEFAULT '[]',
    email           TEXT NOT NULL DEFAULT '',
    notes           TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX contacts_by_child ON contacts(child_id, position);

CREATE TABLE items (
    id                  TEXT PRIMARY KEY,
    child_id            TEXT NOT NULL REFERENCES children(id) ON DELETE CASCADE,
    category            TEXT NOT NULL,
    name                TEXT NOT NULL,
    make                TEXT NOT NULL DEFAULT '',
    model               TEXT NOT NULL DEFAULT '',
    serial              TEXT NOT NULL DEFAULT '',
    size                TEXT NOT NULL DEFAULT '',
    where_used          TEXT NOT NULL,
    provider_id         TEXT REFERENCES suppliers(id) ON DELETE RESTRICT,
    loan_number         TEXT NOT NULL DEFAULT '',
    issue_date          TEXT,
    purpose             TEXT NOT NULL DEFAULT '',
    schedule            TEXT NOT NULL DEFAULT '[]',
    safety_checks       TEXT NOT NULL DEFAULT '[]',
    cleaning            TEXT NOT NULL DEFAULT '',
    dos                 TEXT NOT NULL DEFAULT '[]',
    donts               TEXT NOT NULL DEFAULT '[]',
    status              TEXT NOT NULL,
    repair_supplier_id  TEXT REFERENCES suppliers(id) ON DELETE RESTRICT,
    review_date         TEXT,
    therapist           TEXT NOT NULL DEFAULT '',
    staff_needed        INTEGER NOT NULL,
    wheelchair          TEXT,
    seating             TEXT,
    sling               TEXT,
    -- Copied out of the sling details so that two slings can never share an id.
    sling_id            TEXT UNIQUE,
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL
) STRICT;
CREATE INDEX items_by_child ON items(child_id);

CREATE TABLE photos (
    id          TEXT PRIMARY KEY,
    child_id    TEXT NOT NULL REFERENCES children(id) ON DELETE CASCADE,
    -- NULL for the child's own photo.
    item_id     TEXT REFERENCES items(id) ON DELETE CASCADE,
    -- Place in the item's gallery; NULL for a child's photo or a set-up step's photo.
    position    INTEGER,
    caption     TEXT NOT NULL DEFAULT '',
    width       INTEGER NOT NULL,
    height      INTEGER NOT NULL,
    jpeg        BLOB NOT NULL,
    thumbnail   BLOB NOT NULL,
    sha256      TEXT NOT NULL,
    created_at  TEXT NOT NULL
) STRICT;
CREATE INDEX photos_by_item ON photos(item_id, position);
CREATE INDEX photos_by_child ON photos(child_id);

CREATE TABLE item_steps (
    item_id     TEXT NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    text        TEXT NOT NULL,
    photo_id    TEXT REFERENCES photos(id) ON DELETE SET NULL,
    PRIMARY KEY (item_id, position)
) STRICT, WITHOUT ROWID;

CREATE TABLE service_records (
    id          TEXT PRIMARY KEY,
    item_id     TEXT NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    kind        TEXT NOT NULL,
    date        TEXT NOT NULL,
    by_whom     TEXT NOT NULL,
    outcome     TEXT NOT NULL,
    notes       TEXT NOT NULL DEFAULT '',
    next_due    TEXT,
    recorded_at TEXT NOT NULL
) STRICT;
CREATE INDEX service_records_by_item ON service_records(item_id, kind, date);

-- What falls due for each current item (LOLER, service, review), kept up to date in the same
-- transaction as every change to the item, its service log or its child. It carries copies of
-- what the due list shows and is ordered the way the list reads (date, then the child's place
-- in the register), so the caseload-wide due list is one range scan of this table alone.
CREATE TABLE item_due (
    due_date        TEXT NOT NULL,
    child_sort_key  TEXT NOT NULL,
    item_id         TEXT NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    kind            TEXT NOT NULL,
    -- 1 when nothing has been recorded yet (e.g. a hoist never examined).
    never_done      INTEGER NOT NULL DEFAULT 0,
    item_name       TEXT NOT NULL,
    category        TEXT NOT NULL,
    child_id        TEXT NOT NULL,
    -- As the app shows it ("Zoë Hughes (Zo)"), written by the display_name() SQL function
    -- that the store registers from model::ChildDetails.
    child_name      TEXT NOT NULL,
    setting_id      TEXT,
    PRIMARY KEY (due_date, child_sort_key, item_id, kind)
) STRICT, WITHOUT ROWID;
CREATE INDEX item_due_by_item ON item_due(item_id);
CREATE INDEX item_due_by_child ON item_due(child_id, due_date);

CREATE TABLE app_settings (
    key     TEXT PRIMARY KEY,
    value   TEXT NOT NULL
) STRICT;
