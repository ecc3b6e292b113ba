-- Schema version 3: Disabled Facilities Grant cases. A case belongs to a child; its stages are
-- kept in the order they were recorded, with the adaptations of the OT's recommendation, each
-- quote, and the funding of an approval beside them; its notes are append-only. Money is whole
-- pence (INTEGER), so sums are exact.

CREATE TABLE dfg_cases (
    id                  TEXT PRIMARY KEY,
    child_id            TEXT NOT NULL REFERENCES children(id) ON DELETE CASCADE,
    property_address    TEXT NOT NULL DEFAULT '',
    postcode            TEXT NOT NULL DEFAULT '',
    tenure              TEXT NOT NULL,
    jurisdiction        TEXT NOT NULL,
    council             TEXT NOT NULL DEFAULT '',
    agency              TEXT NOT NULL DEFAULT '',
    applicant           TEXT NOT NULL DEFAULT '',
    opened_at           TEXT NOT NULL,
    updated_at          TEXT NOT NULL
) STRICT;
CREATE INDEX dfg_cases_by_child ON dfg_cases(child_id);

CREATE TABLE dfg_stages (
    id              TEXT PRIMARY KEY,
    case_id         TEXT NOT NULL REFERENCES dfg_cases(id) ON DELETE CASCADE,
    -- 1, 2, 3 ... in the order recorded: stages are in date order, and this breaks ties.
    position        INTEGER NOT NULL,
    -- A stage code (referral ... closed) or a change of status (on-hold, resumed, withdrawn).
    stage           TEXT NOT NULL,
    date            TEXT NOT NULL,
    recorded_by     TEXT NOT NULL,
    -- The amount applied for, approved or paid; a quote keeps its amount in dfg_quotes.
    amount_pence    INTEGER,
    -- Anything else; the reason for a hold, withdrawal or refusal.
    notes           TEXT NOT NULL DEFAULT '',
    recorded_at     TEXT NOT NULL,
    UNIQUE (case_id, position)
) STRICT;
-- The due list finds cases with a running clock by their stages.
CREATE INDEX dfg_stages_by_stage ON dfg_stages(stage, case_id);

CREATE TABLE dfg_adaptations (
    stage_id                TEXT NOT NULL REFERENCES dfg_stages(id) ON DELETE CASCADE,
    position                INTEGER NOT NULL,
    kind                    TEXT NOT NULL,
    description             TEXT NOT NULL DEFAULT '',
    estimated_cost_pence    INTEGER,
    PRIMARY KEY (stage_id, position)
) STRICT, WITHOUT ROWID;

CREATE TABLE dfg_quotes (
    stage_id        TEXT PRIMARY KEY REFERENCES dfg_stages(id) ON DELETE CASCADE,
    contractor      TEXT NOT NULL,
    amount_pence    INTEGER NOT NULL,
    chosen          INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE dfg_funding (
    stage_id                TEXT PRIMARY KEY REFERENCES dfg_stages(id) ON DELETE CASCADE,
    mandatory_pence         INTEGER NOT NULL,
    discretionary_pence     INTEGER NOT NULL,
    family_pence            INTEGER NOT NULL,
    other_pence             INTEGER NOT NULL,
    other_source            TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE dfg_notes (
    id          TEXT PRIMARY KEY,
    case_id     TEXT NOT NULL REFERENCES dfg_cases(id) ON DELETE CASCADE,
    author      TEXT NOT NULL,
    written_at  TEXT NOT NULL,
    text        TEXT NOT NULL
) STRICT;
CREATE INDEX dfg_notes_by_case ON dfg_notes(case_id, written_at);

-- Case notes are a record of what happened: never changed, and removed only with their whole
-- case (when the child is deleted), which the foreign key cascade does after the case is gone.
CREATE TRIGGER dfg_notes_are_not_edited BEFORE UPDATE ON dfg_notes
BEGIN
    SELECT RAISE(ABORT, 'case notes are append-only: add a new note instead');
END;
CREATE TRIGGER dfg_notes_are_not_removed BEFORE DELETE ON dfg_notes
WHEN EXISTS (SELECT 1 FROM dfg_cases WHERE id = OLD.case_id)
BEGIN
    SELECT RAISE(ABORT, 'case notes are append-only: add a new note instead');
END;
