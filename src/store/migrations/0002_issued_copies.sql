-- Schema version 2: the register of printed passports, and small files the app keeps (the
-- organisation's logo for passport covers).

CREATE TABLE issued_copies (
    id              TEXT PRIMARY KEY,
    child_id        TEXT NOT NULL REFERENCES children(id) ON DELETE CASCADE,
    audience        TEXT NOT NULL,
    format          TEXT NOT NULL,
    large_print     INTEGER NOT NULL,
    printed_on      TEXT NOT NULL,
    printed_at      TEXT NOT NULL,
    -- Goes up by one each time the printed content changes (same content, same version).
    version         INTEGER NOT NULL,
    -- SHA-256 of what the copy printed (text and photos, after the audience's rules): a copy
    -- is out of date when the child's records would now print differently.
    content_hash    TEXT NOT NULL,
    -- For school copies: the setting it was printed for.
    setting_id      TEXT REFERENCES settings(id) ON DELETE SET NULL,
    template        TEXT NOT NULL
) STRICT;
CREATE INDEX issued_copies_by_child ON issued_copies(child_id, audience, printed_at);

CREATE TABLE app_files (
    name    TEXT PRIMARY KEY,
    bytes   BLOB NOT NULL
) STRICT;
