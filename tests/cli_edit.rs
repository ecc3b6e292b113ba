//! `passport child edit|delete` and `passport item edit|delete`: the command line changes what
//! it can add, each change one entry in the record's history, and deletes only when told to.

use crate::cli::{json_of, passport, stdout_of};
use crate::support::{born_years_ago, iso, real_today};
use chrono::Days;
use serde_json::Value;
use std::path::Path;

/// An id no record has.
const NOBODY: &str = "0192f0c4-5e6a-7b8c-9d0e-1f2a3b4c5d6e";

fn add_setting(dir: &Path, name: &str) -> String {
    stdout_of(passport(dir).args(["setting", "add", "--name", name]))
        .trim()
        .to_string()
}

/// Ayesha Begum, in class 4B at Oak School, with an NHS number: her id and the setting's.
fn add_ayesha(dir: &Path) -> (String, String) {
    let setting = add_setting(dir, "Oak School");
    let child = stdout_of(passport(dir).args([
        "child",
        "add",
        "--given",
        "Ayesha",
        "--family",
        "Begum",
        "--dob",
        &iso(born_years_ago(9)),
        "--nhs",
        "999 000 0018",
        "--class",
        "4B",
        "--setting",
        &setting,
    ]));
    (child.trim().to_string(), setting)
}

/// Her classroom chair, serial S-1001, made on 2 January 2020.
fn add_chair(dir: &Path, child: &str) -> String {
    stdout_of(passport(dir).args([
        "item",
        "add",
        "--child",
        child,
        "--category",
        "seating",
        "--name",
        "Classroom chair",
        "--serial",
        "S-1001",
        "--make",
        "Oxford",
        "--made",
        "2020-01-02",
    ]))
    .trim()
    .to_string()
}

fn child_json(dir: &Path, id: &str) -> Value {
    json_of(passport(dir).args(["child", "show", id]))
}

fn item_json(dir: &Path, id: &str) -> Value {
    json_of(passport(dir).args(["item", "show", id]))
}

/// The history entries of the record `id` with the action given ("update", "delete").
fn entries(dir: &Path, whose: &str, id: &str, action: &str) -> Vec<Value> {
    let history = json_of(passport(dir).args(["audit", whose, id]));
    history
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["record"]["id"] == id && e["action"] == action)
        .cloned()
        .collect()
}

/// The fields one history entry changed.
fn fields_changed(entry: &Value) -> Vec<String> {
    entry["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["field"].as_str().unwrap().to_string())
        .collect()
}

fn stderr_of_failure(cmd: &mut assert_cmd::Command) -> String {
    let out = cmd.assert().failure().get_output().stderr.clone();
    String::from_utf8(out).unwrap()
}

#[test]
fn editing_one_field_of_a_child_changes_only_it_and_is_one_change_in_her_history() {
    let dir = tempfile::tempdir().unwrap();
    let (child, setting) = add_ayesha(dir.path());
    let before = child_json(dir.path(), &child);

    let said = stdout_of(passport(dir.path()).args(["child", "edit", &child, "--class", "5B"]));

    assert_eq!(said.trim(), "Changed class: 4B → 5B");
    let after = child_json(dir.path(), &child);
    assert_eq!(after["child"]["class_name"], "5B");
    for kept in ["given_name", "family_name", "date_of_birth", "nhs_number"] {
        assert_eq!(after["child"][kept], before["child"][kept], "{kept}");
    }
    assert_eq!(after["child"]["setting_id"], setting.as_str());
    let updates = entries(dir.path(), "--child", &child, "update");
    assert_eq!(updates.len(), 1, "{updates:?}");
    assert_eq!(fields_changed(&updates[0]), vec!["class_name"]);
    assert_eq!(updates[0]["changes"][0]["old"], "4B");
    assert_eq!(updates[0]["changes"][0]["new"], "5B");
}

#[test]
fn several_options_are_one_change_and_each_is_listed() {
    let dir = tempfile::tempdir().unwrap();
    let (child, _) = add_ayesha(dir.path());
    let said = stdout_of(passport(dir.path()).args([
        "child",
        "edit",
        &child,
        "--preferred",
        "Ash",
        "--language",
        "cy",
        "--family",
        "Begum-Khan",
    ]));
    assert_eq!(
        said.lines().collect::<Vec<_>>(),
        vec![
            "Changed last name: Begum → Begum-Khan",
            "Changed preferred name: (empty) → Ash",
            "Changed passport language: (empty) → Cymraeg (Welsh)",
        ]
    );
    let updates = entries(dir.path(), "--child", &child, "update");
    assert_eq!(updates.len(), 1, "{updates:?}");
    let mut fields = fields_changed(&updates[0]);
    fields.sort();
    assert_eq!(fields, vec!["family_name", "language", "preferred_name"]);
}

#[test]
fn an_empty_value_clears_an_optional_field() {
    let dir = tempfile::tempdir().unwrap();
    let (child, _) = add_ayesha(dir.path());
    let said = stdout_of(passport(dir.path()).args([
        "child",
        "edit",
        &child,
        "--class",
        "",
        "--setting",
        "",
        "--nhs",
        "",
    ]));
    assert!(said.contains("Changed class: 4B → (empty)"), "{said}");
    assert!(
        said.contains("Changed setting: Oak School → (empty)"),
        "{said}"
    );
    assert!(
        said.contains("Changed NHS number: 999 000 0018 → (empty)"),
        "{said}"
    );
    let after = child_json(dir.path(), &child);
    assert_eq!(after["child"]["class_name"], "");
    assert_eq!(after["child"]["nhs_number"], "");
    assert_eq!(after["child"]["setting_id"], Value::Null);
    assert_eq!(after["child"]["given_name"], "Ayesha");
}

#[test]
fn the_values_already_stored_are_nothing_to_change_and_nothing_is_recorded() {
    let dir = tempfile::tempdir().unwrap();
    let (child, _) = add_ayesha(dir.path());
    // The NHS number as typed, with spaces, is the one stored as ten digits.
    let said = stdout_of(passport(dir.path()).args([
        "child",
        "edit",
        &child,
        "--class",
        "4B",
        "--nhs",
        "999 000 0018",
    ]));
    assert_eq!(
        said.trim(),
        "Nothing to change: Ayesha Begum already has those details."
    );
    let said = stdout_of(passport(dir.path()).args(["child", "edit", &child]));
    assert!(said.starts_with("Nothing to change"), "{said}");
    assert!(entries(dir.path(), "--child", &child, "update").is_empty());
}

#[test]
fn child_edit_json_prints_the_child_as_child_show_json_does() {
    let dir = tempfile::tempdir().unwrap();
    let (child, _) = add_ayesha(dir.path());
    let edited = json_of(passport(dir.path()).args(["child", "edit", &child, "--class", "5B"]));
    assert_eq!(edited, child_json(dir.path(), &child));
    assert_eq!(edited["child"]["class_name"], "5B");
}

#[test]
fn a_bad_value_is_named_by_its_option_and_nothing_is_saved() {
    let dir = tempfile::tempdir().unwrap();
    let (child, _) = add_ayesha(dir.path());
    let before = child_json(dir.path(), &child);
    let cases: [(&[&str], &str); 6] = [
        (&["--nhs", "12", "--class", "5B"], "--nhs: "),
        (&["--dob", "2016-13-01", "--class", "5B"], "--dob: "),
        (&["--given", "", "--class", "5B"], "--given: "),
        (&["--language", "fr", "--class", "5B"], "--language: "),
        (&["--setting", "oak", "--class", "5B"], "--setting: "),
        (&["--setting", NOBODY, "--class", "5B"], "--setting: "),
    ];
    for (options, named) in cases {
        let said = stderr_of_failure(
            passport(dir.path())
                .args(["child", "edit", &child])
                .args(options),
        );
        assert!(
            said.starts_with(&format!("error: {named}")) && said.trim().lines().count() == 1,
            "{options:?}: {said}"
        );
    }
    assert_eq!(child_json(dir.path(), &child), before);
    assert!(entries(dir.path(), "--child", &child, "update").is_empty());
}

#[test]
fn an_unknown_or_malformed_id_is_a_one_line_error() {
    let dir = tempfile::tempdir().unwrap();
    add_ayesha(dir.path());
    for (command, kind) in [("child", "child"), ("item", "equipment item")] {
        let said = stderr_of_failure(passport(dir.path()).args([command, "edit", NOBODY]));
        assert_eq!(said.trim(), format!("error: no {kind} with id {NOBODY}"));
        let said =
            stderr_of_failure(passport(dir.path()).args([command, "delete", NOBODY, "--yes"]));
        assert_eq!(said.trim(), format!("error: no {kind} with id {NOBODY}"));
        let said = stderr_of_failure(passport(dir.path()).args([command, "edit", "ayesha"]));
        assert!(
            said.contains("'ayesha' is not a") && said.trim().lines().count() == 1,
            "{said}"
        );
    }
}

#[test]
fn a_script_deletes_a_child_only_with_yes_and_the_deletion_is_in_her_history() {
    let dir = tempfile::tempdir().unwrap();
    let (child, _) = add_ayesha(dir.path());
    add_chair(dir.path(), &child);

    // The tests run the CLI with no terminal, as a script does.
    let said = stderr_of_failure(passport(dir.path()).args(["child", "delete", &child]));
    assert!(
        said.contains("Ayesha Begum was not deleted") && said.contains("--yes"),
        "{said}"
    );
    assert_eq!(
        child_json(dir.path(), &child)["items"]
            .as_array()
            .unwrap()
            .len(),
        1
    );

    let said = stdout_of(passport(dir.path()).args(["child", "delete", &child, "--yes"]));
    assert_eq!(
        said.trim(),
        "Deleted Ayesha Begum with 1 item and 0 contacts."
    );
    stderr_of_failure(passport(dir.path()).args(["child", "show", &child]));
    let deletions = entries(dir.path(), "--child", &child, "delete");
    assert_eq!(deletions.len(), 1, "{deletions:?}");
    assert_eq!(deletions[0]["summary"], "Ayesha Begum");
}

#[test]
fn editing_one_field_of_an_item_changes_only_it_and_is_one_change_in_its_history() {
    let dir = tempfile::tempdir().unwrap();
    let (child, _) = add_ayesha(dir.path());
    let item = add_chair(dir.path(), &child);
    let before = item_json(dir.path(), &item);

    let said = stdout_of(passport(dir.path()).args(["item", "edit", &item, "--serial", "S-2002"]));

    assert_eq!(said.trim(), "Changed serial: S-1001 → S-2002");
    let after = item_json(dir.path(), &item);
    assert_eq!(after["item"]["serial"], "S-2002");
    for kept in [
        "name",
        "category",
        "make",
        "made_on",
        "where_used",
        "staff_needed",
    ] {
        assert_eq!(after["item"][kept], before["item"][kept], "{kept}");
    }
    let updates = entries(dir.path(), "--item", &item, "update");
    assert_eq!(updates.len(), 1, "{updates:?}");
    assert_eq!(fields_changed(&updates[0]), vec!["serial"]);
}

#[test]
fn item_edit_clears_optional_fields_and_says_when_there_is_nothing_to_change() {
    let dir = tempfile::tempdir().unwrap();
    let (child, _) = add_ayesha(dir.path());
    let item = add_chair(dir.path(), &child);

    let said = stdout_of(passport(dir.path()).args([
        "item", "edit", &item, "--made", "", "--make", "", "--where", "both", "--staff", "2",
    ]));
    assert_eq!(
        said.lines().collect::<Vec<_>>(),
        vec![
            "Changed make: Oxford → (empty)",
            "Changed made on: 2 January 2020 → (empty)",
            "Changed used at: School → Home and school",
            "Changed staff needed: 1 → 2",
        ]
    );
    let after = item_json(dir.path(), &item);
    assert_eq!(after["item"]["made_on"], Value::Null);
    assert_eq!(after["item"]["make"], "");
    assert_eq!(after["item"]["serial"], "S-1001");

    let said = stdout_of(passport(dir.path()).args([
        "item",
        "edit",
        &item,
        "--name",
        "Classroom chair",
        "--staff",
        "2",
    ]));
    assert_eq!(
        said.trim(),
        "Nothing to change: Classroom chair already has those details."
    );
    assert_eq!(entries(dir.path(), "--item", &item, "update").len(), 1);
    let edited = json_of(passport(dir.path()).args(["item", "edit", &item, "--lot", "L7"]));
    assert_eq!(edited, item_json(dir.path(), &item));
    assert_eq!(edited["item"]["lot"], "L7");
}

#[test]
fn a_bad_item_value_is_named_by_its_option_and_nothing_is_saved() {
    let dir = tempfile::tempdir().unwrap();
    let (child, _) = add_ayesha(dir.path());
    let item = add_chair(dir.path(), &child);
    let before = item_json(dir.path(), &item);
    let cases: [(&[&str], &str); 5] = [
        (&["--staff", "9", "--serial", "X"], "--staff: "),
        (&["--made", "soon", "--serial", "X"], "--made: "),
        (&["--where", "beach", "--serial", "X"], "--where: "),
        (&["--category", "sofa", "--serial", "X"], "--category: "),
        // A sling is known by the id on its label.
        (&["--category", "sling", "--serial", "X"], "--sling-id: "),
    ];
    for (options, named) in cases {
        let said = stderr_of_failure(
            passport(dir.path())
                .args(["item", "edit", &item])
                .args(options),
        );
        assert!(
            said.starts_with(&format!("error: {named}")) && said.trim().lines().count() == 1,
            "{options:?}: {said}"
        );
    }
    assert_eq!(item_json(dir.path(), &item), before);
    assert!(entries(dir.path(), "--item", &item, "update").is_empty());

    let said = stdout_of(passport(dir.path()).args([
        "item",
        "edit",
        &item,
        "--category",
        "sling",
        "--sling-id",
        "SL-9",
    ]));
    assert!(
        said.contains("Changed category: Seating system → Sling")
            && said.contains("Changed sling id: (empty) → SL-9"),
        "{said}"
    );
}

#[test]
fn a_script_deletes_an_item_only_with_yes_and_the_deletion_is_in_its_history() {
    let dir = tempfile::tempdir().unwrap();
    let (child, _) = add_ayesha(dir.path());
    let item = add_chair(dir.path(), &child);

    let said = stderr_of_failure(passport(dir.path()).args(["item", "delete", &item]));
    assert!(
        said.contains("Classroom chair") && said.contains("--yes"),
        "{said}"
    );
    assert_eq!(
        item_json(dir.path(), &item)["item"]["name"],
        "Classroom chair"
    );

    let deleted = json_of(passport(dir.path()).args(["item", "delete", &item, "--yes"]));
    assert_eq!(deleted["deleted"], item.as_str());
    stderr_of_failure(passport(dir.path()).args(["item", "show", &item]));
    assert_eq!(
        child_json(dir.path(), &child)["items"],
        serde_json::json!([])
    );
    let deletions = entries(dir.path(), "--item", &item, "delete");
    assert_eq!(deletions.len(), 1, "{deletions:?}");
    assert_eq!(deletions[0]["summary"], "Classroom chair");
}

/// The item's review schedules as `schedule list --json` gives them.
fn reviews(dir: &Path, item: &str) -> Vec<Value> {
    let listed = json_of(passport(dir).args(["schedule", "list", "--item", item]));
    listed
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["kind"] == "review")
        .cloned()
        .collect()
}

#[test]
fn review_gives_an_item_a_yearly_review_moves_it_and_an_empty_value_removes_it() {
    let dir = tempfile::tempdir().unwrap();
    let (child, _) = add_ayesha(dir.path());
    let item = add_chair(dir.path(), &child);
    let first = real_today() + Days::new(60);
    let later = first + Days::new(30);

    let said =
        stdout_of(passport(dir.path()).args(["item", "edit", &item, "--review", &iso(first)]));
    assert_eq!(
        said.trim(),
        format!(
            "Changed review date: (empty) → {}",
            first.format("%-d %B %Y")
        )
    );
    let listed = reviews(dir.path(), &item);
    assert_eq!(listed.len(), 1, "{listed:?}");
    assert_eq!(listed[0]["next_due"], iso(first));
    assert_eq!(listed[0]["every_months"], 12);

    let said =
        stdout_of(passport(dir.path()).args(["item", "edit", &item, "--review", &iso(first)]));
    assert!(said.starts_with("Nothing to change"), "{said}");

    stdout_of(passport(dir.path()).args(["item", "edit", &item, "--review", &iso(later)]));
    let listed = reviews(dir.path(), &item);
    assert_eq!(listed.len(), 1, "moved, not added: {listed:?}");
    assert_eq!(listed[0]["next_due"], iso(later));

    // A date more than ten years away is refused by its option, and the name given beside
    // it is not saved either.
    let far = real_today() + Days::new(11 * 366);
    let said = stderr_of_failure(passport(dir.path()).args([
        "item",
        "edit",
        &item,
        "--name",
        "Desk chair",
        "--review",
        &iso(far),
    ]));
    assert!(said.starts_with("error: --review: "), "{said}");
    assert_eq!(
        item_json(dir.path(), &item)["item"]["name"],
        "Classroom chair"
    );
    assert_eq!(reviews(dir.path(), &item)[0]["next_due"], iso(later));

    stdout_of(passport(dir.path()).args(["item", "edit", &item, "--review", ""]));
    assert!(reviews(dir.path(), &item).is_empty());
}
