//! The `passport` command line, run as a user would, against a temporary data folder.

use crate::support::photos::{heic_header, jpeg};
use crate::support::{born_years_ago, iso, real_today};
use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;
use std::path::Path;

pub(crate) const PASSPHRASE: &str = "blue kettle on Tuesday";

pub(crate) use crate::support::cli::passport;

pub(crate) fn stdout_of(cmd: &mut Command) -> String {
    let out = cmd.assert().success().get_output().stdout.clone();
    String::from_utf8(out).unwrap()
}

pub(crate) fn json_of(cmd: &mut Command) -> Value {
    serde_json::from_str(&stdout_of(cmd.arg("--json"))).unwrap()
}

fn child_count(dir: &Path) -> u64 {
    json_of(passport(dir).args(["db", "check"]))["children"]
        .as_u64()
        .unwrap()
}

#[test]
fn add_a_child_then_find_and_show_them() {
    let dir = tempfile::tempdir().unwrap();
    let born = born_years_ago(9);
    let id = stdout_of(passport(dir.path()).args([
        "child",
        "add",
        "--given",
        "Zoë",
        "--family",
        "Hughes",
        "--dob",
        &iso(born),
        "--nhs",
        "999 000 0018",
    ]));
    let id = id.trim();
    assert_eq!(id.len(), 36, "prints the new id: {id}");
    let listed = stdout_of(passport(dir.path()).args(["children", "--search", "zoe"]));
    assert!(
        listed.contains("Zoë Hughes") && listed.contains("999 000 0018"),
        "{listed}"
    );
    let shown = json_of(passport(dir.path()).args(["child", "show", id]));
    assert_eq!(shown["child"]["given_name"], "Zoë");
    assert_eq!(shown["child"]["nhs_number"], "9990000018");
    let human = stdout_of(passport(dir.path()).args(["child", "show", id]));
    let shown = born.format("%-d %B %Y").to_string();
    assert!(human.contains(&shown), "{shown} missing from {human}");
}

#[test]
fn child_show_prints_the_key_statements_red_first_with_their_colours_words() {
    use equipment_passport::Api;
    use equipment_passport::clock::FixedClock;
    let dir = tempfile::tempdir().unwrap();
    let id = stdout_of(passport(dir.path()).args([
        "child",
        "add",
        "--given",
        "Zoë",
        "--family",
        "Hughes",
        "--dob",
        &iso(born_years_ago(9)),
    ]));
    let id: equipment_passport::model::ChildId = id.trim().parse().unwrap();
    // The statements are typed in the app; here the core writes them as the app would.
    {
        let clock = std::sync::Arc::new(FixedClock::on(crate::support::real_today()));
        let mut api = Api::open(dir.path(), Some(PASSPHRASE), clock).unwrap();
        let mut details = api.child(id).unwrap().child.details;
        details.key_statements.green = vec!["Sing to me while we move".into()];
        details.key_statements.red = vec!["Never lift me without two adults".into()];
        api.update_child(id, details).unwrap();
    }

    let human = stdout_of(passport(dir.path()).args(["child", "show", &id.to_string()]));

    let line = |label: &str, statement: &str| {
        human
            .lines()
            .position(|l| l.trim_start().starts_with(label) && l.ends_with(statement))
            .unwrap_or_else(|| panic!("no '{label} … {statement}' line in {human}"))
    };
    let heading = line("Read this first", "Read this first");
    let red = line("Must never happen", "Never lift me without two adults");
    let green = line("Helps me enjoy it", "Sing to me while we move");
    assert!(heading < red && red < green, "{human}");
    let shown = json_of(passport(dir.path()).args(["child", "show", &id.to_string()]));
    assert_eq!(
        shown["child"]["key_statements"]["red"][0],
        "Never lift me without two adults"
    );
}

#[test]
fn an_invalid_nhs_number_is_one_line_on_stderr_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let dob = iso(born_years_ago(8));
    // On a brand-new caseload, a failed first command writes no child (the new, empty
    // caseload stays: see concurrency.rs for why nothing ever deletes one).
    passport(dir.path())
        .args([
            "child", "add", "--given", "Ben", "--family", "Ali", "--dob", &dob, "--nhs", "12",
        ])
        .assert()
        .failure();
    assert_eq!(child_count(dir.path()), 0);
    let assert = passport(dir.path())
        .args([
            "child",
            "add",
            "--given",
            "Ben",
            "--family",
            "Ali",
            "--dob",
            &dob,
            "--nhs",
            "943 476 5918",
        ])
        .assert()
        .failure()
        .stdout("");
    let stderr = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.starts_with("error: --nhs: this is not a valid NHS number"),
        "{stderr}"
    );
    assert_eq!(child_count(dir.path()), 0);
}

#[test]
fn a_bad_date_and_a_bad_category_say_what_to_write() {
    let dir = tempfile::tempdir().unwrap();
    let dob = iso(born_years_ago(8));
    passport(dir.path())
        .args([
            "child",
            "add",
            "--given",
            "Ben",
            "--family",
            "Ali",
            "--dob",
            "14/03/2017",
        ])
        .assert()
        .failure()
        .stderr(predicate::str::contains(
            "--dob: '14/03/2017' is not a date: write it as YYYY-MM-DD",
        ));
    let id = stdout_of(passport(dir.path()).args([
        "child", "add", "--given", "Ben", "--family", "Ali", "--dob", &dob,
    ]));
    passport(dir.path())
        .args(["item", "add", "--child", id.trim(), "--category", "trampoline", "--name", "x"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("--category: 'trampoline' is not an equipment category: use one of seating, standing-frame"));
    passport(dir.path())
        .args(["child", "show", "not-an-id"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("is not a child id"));
}

#[test]
fn add_an_item_with_a_photo_and_a_loler_record_then_see_it_due() {
    let dir = tempfile::tempdir().unwrap();
    let dob = iso(born_years_ago(8));
    let child = stdout_of(passport(dir.path()).args([
        "child", "add", "--given", "Amara", "--family", "Okafor", "--dob", &dob,
    ]));
    let item = stdout_of(passport(dir.path()).args([
        "item",
        "add",
        "--child",
        child.trim(),
        "--category",
        "hoist",
        "--name",
        "Mobile hoist",
        "--serial",
        "HX-1",
    ]));
    let item = item.trim().to_string();
    let photo_path = dir.path().join("hoist.jpg");
    std::fs::write(&photo_path, jpeg(1200, 900)).unwrap();
    stdout_of(
        passport(dir.path())
            .args(["photo", "add", "--item", &item])
            .arg(&photo_path)
            .args(["--caption", "Folded"]),
    );
    let shown = json_of(passport(dir.path()).args(["item", "show", &item]));
    assert_eq!(shown["item"]["photos"][0]["caption"], "Folded");
    assert_eq!(shown["item"]["serial"], "HX-1");
    // Never examined: due now.
    let due = json_of(passport(dir.path()).args(["due", "--within", "0"]));
    assert_eq!(due[0]["kind"], "loler");
    assert_eq!(due[0]["never_done"], true);
    let today = chrono::Utc::now().date_naive();
    let examined = (today - chrono::Days::new(200))
        .format("%Y-%m-%d")
        .to_string();
    passport(dir.path())
        .args([
            "service",
            "add",
            "--item",
            &item,
            "--kind",
            "loler",
            "--date",
            &examined,
            "--by",
            "Ability Lifting",
        ])
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "Next LOLER thorough examination due",
        ));
    let due = stdout_of(passport(dir.path()).args(["due"]));
    assert!(
        due.contains("Overdue by") && due.contains("Mobile hoist"),
        "{due}"
    );
    // The same due dates as a calendar file.
    let ics = dir.path().join("due.ics");
    let said = stdout_of(passport(dir.path()).args(["due", "--ics"]).arg(&ics));
    assert!(said.contains("Wrote 1 event"), "{said}");
    let calendar = std::fs::read_to_string(&ics).unwrap();
    assert_eq!(calendar.matches("BEGIN:VEVENT").count(), 1, "{calendar}");
    assert!(calendar.contains("LOLER thorough examination: Mobile hoist"));
}

#[test]
fn a_heic_photo_is_refused_naming_the_file_and_nothing_is_stored() {
    let dir = tempfile::tempdir().unwrap();
    let dob = iso(born_years_ago(8));
    let child = stdout_of(passport(dir.path()).args([
        "child", "add", "--given", "Amara", "--family", "Okafor", "--dob", &dob,
    ]));
    let item = stdout_of(passport(dir.path()).args([
        "item",
        "add",
        "--child",
        child.trim(),
        "--category",
        "seating",
        "--name",
        "Chair",
    ]));
    let path = dir.path().join("IMG_0042.HEIC");
    std::fs::write(&path, heic_header()).unwrap();
    let assert = passport(dir.path())
        .args(["photo", "add", "--item", item.trim()])
        .arg(&path)
        .assert()
        .failure();
    let stderr = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert!(
        stderr.contains("IMG_0042.HEIC: HEIC photos are not supported: export the photo as JPEG"),
        "{stderr}"
    );
    assert_eq!(stderr.lines().count(), 1);
    assert_eq!(
        json_of(passport(dir.path()).args(["db", "check"]))["photos"],
        0
    );
}

#[test]
fn db_check_reports_the_schema_version() {
    let dir = tempfile::tempdir().unwrap();
    let out = stdout_of(passport(dir.path()).args(["db", "check"]));
    assert!(
        out.contains(&format!(
            "Schema version {}",
            equipment_passport::store::SCHEMA_VERSION
        )),
        "{out}"
    );
    assert!(out.contains("Integrity check: ok."));
}

#[test]
fn the_demo_loads_a_living_caseload_once() {
    let dir = tempfile::tempdir().unwrap();
    let summary = json_of(passport(dir.path()).arg("demo"));
    assert!(summary["children"].as_u64().unwrap() >= 12);
    assert!(summary["items"].as_u64().unwrap() >= 60);
    let found = stdout_of(passport(dir.path()).args(["children", "--search", "zoe"]));
    assert!(found.contains("Zoë"), "{found}");
    let due = json_of(passport(dir.path()).args(["due"]));
    assert!(
        due.as_array()
            .unwrap()
            .iter()
            .any(|e| e["days_left"].as_i64().unwrap() < 0)
    );
    passport(dir.path())
        .arg("demo")
        .assert()
        .failure()
        .stderr(predicate::str::contains("the caseload already has"));
}

#[test]
fn the_caseload_is_created_encrypted_and_needs_its_passphrase() {
    let dir = tempfile::tempdir().unwrap();
    passport(dir.path())
        .args(["db", "check"])
        .assert()
        .success()
        .stderr(predicate::str::contains("Created a new encrypted caseload"));
    passport(dir.path())
        .env("PASSPORT_PASSPHRASE", "green teapot on Friday")
        .args(["children"])
        .assert()
        .failure()
        .stderr(predicate::str::contains(
            "the passphrase is not right for this database",
        ));
    let assert = passport(dir.path())
        .env_remove("PASSPORT_PASSPHRASE")
        .args(["children"])
        .assert()
        .failure();
    let stderr = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("set PASSPORT_PASSPHRASE"), "{stderr}");
}

#[test]
fn a_weak_first_passphrase_creates_nothing() {
    let dir = tempfile::tempdir().unwrap();
    passport(dir.path())
        .env("PASSPORT_PASSPHRASE", "kettle")
        .args(["children"])
        .assert()
        .failure()
        .stderr(predicate::str::contains(
            "error: passphrase: use at least 10 characters",
        ));
    assert!(!dir.path().join("passport.db").exists());
}

#[test]
fn the_passphrase_can_be_changed() {
    let dir = tempfile::tempdir().unwrap();
    let dob = iso(born_years_ago(8));
    stdout_of(passport(dir.path()).args([
        "child", "add", "--given", "Amara", "--family", "Okafor", "--dob", &dob,
    ]));
    passport(dir.path())
        .env("PASSPORT_NEW_PASSPHRASE", "green teapot on Friday")
        .args(["passphrase", "change"])
        .assert()
        .success();
    passport(dir.path()).args(["children"]).assert().failure();
    let listed = stdout_of(
        passport(dir.path())
            .env("PASSPORT_PASSPHRASE", "green teapot on Friday")
            .args(["children"]),
    );
    assert!(listed.contains("Amara Okafor"));
}

#[test]
fn staff_trained_on_an_item_are_added_listed_and_removed_and_a_refresher_before_the_training_is_refused()
 {
    let dir = tempfile::tempdir().unwrap();
    let dob = iso(born_years_ago(8));
    let child = stdout_of(passport(dir.path()).args([
        "child", "add", "--given", "Amara", "--family", "Okafor", "--dob", &dob,
    ]));
    let item = stdout_of(passport(dir.path()).args([
        "item",
        "add",
        "--child",
        child.trim(),
        "--category",
        "hoist",
        "--name",
        "Mobile hoist",
    ]));
    let item = item.trim();
    let trained = |refresh: &str| {
        let mut cmd = passport(dir.path());
        cmd.args([
            "trained",
            "add",
            "--item",
            item,
            "--name",
            "Priya Shah",
            "--role",
            "Teaching assistant",
            "--by",
            "Gwyn Davies",
            "--on",
            "2025-09-08",
            "--refresh-by",
            refresh,
        ]);
        cmd
    };

    let assert = trained("2025-09-01").assert().failure().stdout("");
    let stderr = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert!(
        stderr.starts_with("error: --refresh-by: the refresher must come after the training"),
        "{stderr}"
    );
    let none = json_of(passport(dir.path()).args(["trained", "list", "--item", item]));
    assert_eq!(none.as_array().unwrap().len(), 0);

    let id = stdout_of(&mut trained("2026-09-08"));
    let id = id.trim();
    let listed = stdout_of(passport(dir.path()).args(["trained", "list", "--child", child.trim()]));
    assert!(
        listed.contains("Priya Shah")
            && listed.contains("Mobile hoist")
            && listed.contains("8 September 2026")
            && listed.contains(id),
        "{listed}"
    );
    let json = json_of(passport(dir.path()).args(["trained", "list", "--item", item]));
    assert_eq!(json[0]["details"]["refresh_by"], "2026-09-08");
    assert_eq!(json[0]["details"]["trained_by"], "Gwyn Davies");

    passport(dir.path())
        .args(["trained", "remove", id])
        .assert()
        .success();
    let after = stdout_of(passport(dir.path()).args(["trained", "list", "--item", item]));
    assert!(
        after.contains("Nobody is recorded as trained yet"),
        "{after}"
    );
    let history = stdout_of(passport(dir.path()).args(["audit", "--item", item]));
    assert!(
        history.contains("deleted staff training \"Training: Priya Shah on 2025-09-08\""),
        "{history}"
    );
}

#[test]
fn schedules_are_added_listed_marked_done_and_removed_and_a_bad_interval_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let dob = iso(born_years_ago(8));
    let child = stdout_of(passport(dir.path()).args([
        "child", "add", "--given", "Amara", "--family", "Okafor", "--dob", &dob,
    ]));
    let item = stdout_of(passport(dir.path()).args([
        "item",
        "add",
        "--child",
        child.trim(),
        "--category",
        "hoist",
        "--name",
        "Mobile hoist",
    ]));
    let item = item.trim();
    let last = iso(real_today() - chrono::Days::new(30));

    let assert = passport(dir.path())
        .args([
            "schedule", "add", "--item", item, "--kind", "loler", "--every", "12",
        ])
        .args(["--last", &last])
        .assert()
        .failure()
        .stdout("");
    let stderr = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert!(
        stderr.starts_with("error: --every: LOLER needs a thorough examination of this hoist at least every 6 months"),
        "{stderr}"
    );

    let id = stdout_of(passport(dir.path()).args([
        "schedule",
        "add",
        "--item",
        item,
        "--kind",
        "other",
        "--name",
        "Battery charger check",
        "--every",
        "3",
        "--last",
        &last,
    ]));
    let id = id.trim();
    let listed = stdout_of(passport(dir.path()).args(["schedule", "list", "--item", item]));
    assert!(
        listed.contains("Battery charger check")
            && listed.contains("Every 3 months")
            && listed.contains("LOLER thorough examination")
            && listed.contains(id),
        "the new hoist's own LOLER schedule and the one added: {listed}"
    );

    let today = iso(real_today());
    stdout_of(passport(dir.path()).args(["schedule", "done", id, "--on", &today]));
    let json = json_of(passport(dir.path()).args(["schedule", "list", "--item", item]));
    let done = json
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == id)
        .unwrap();
    assert_eq!(done["last_done"], today.as_str());

    stdout_of(passport(dir.path()).args(["schedule", "remove", id]));
    let json = json_of(passport(dir.path()).args(["schedule", "list", "--item", item]));
    assert_eq!(
        json.as_array().unwrap().len(),
        1,
        "the LOLER schedule stays"
    );
}
