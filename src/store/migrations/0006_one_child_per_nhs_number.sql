-- An NHS number identifies one person, so no two children may hold the same one (an empty
-- number means "not recorded" and is not a number). The api refuses a second child first,
-- naming the child who holds it; these triggers are the database's own refusal, so two
-- writers racing cannot both succeed: SQLite runs one write transaction at a time and a
-- trigger runs inside it, so the second writer's check sees the first writer's row.
--
-- Why triggers and not a UNIQUE index: a caseload written before this version may already
-- hold two children with one number (the import put rows on one of them). CREATE UNIQUE
-- INDEX would fail on it, and the migration with it, so the caseload would no longer open;
-- making the index only where there are no duplicates would leave two schemas in the field
-- and no rule at all on exactly the caseloads that need one. The triggers apply everywhere,
-- refuse every new duplicate, and leave the old ones readable and editable (as long as the
-- number is not changed to one another child holds) until someone corrects them; `passport
-- db check` lists them.

-- A partial index for the triggers' lookup (and the store's): most children have a number,
-- and the empty ones are never looked up.
CREATE INDEX children_by_nhs_number ON children(nhs_number) WHERE nhs_number <> '';

CREATE TRIGGER children_one_per_nhs_number_insert
BEFORE INSERT ON children
WHEN NEW.nhs_number <> ''
  AND EXISTS (SELECT 1 FROM children WHERE nhs_number = NEW.nhs_number AND nhs_number <> '')
BEGIN
  SELECT RAISE(ABORT, 'another child already has this NHS number');
END;

CREATE TRIGGER children_one_per_nhs_number_update
BEFORE UPDATE OF nhs_number ON children
WHEN NEW.nhs_number <> '' AND NEW.nhs_number IS NOT OLD.nhs_number
  AND EXISTS (SELECT 1 FROM children
              WHERE nhs_number = NEW.nhs_number AND nhs_number <> '' AND id <> NEW.id)
BEGIN
  SELECT RAISE(ABORT, 'another child already has this NHS number');
END;
