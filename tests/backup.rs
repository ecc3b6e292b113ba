//! Backups and restore: a backup is a whole, encrypted copy; restoring it gives back exactly
//! what was backed up (history included); a damaged, foreign, newer or wrongly-keyed backup is
//! refused before anything is replaced; automatic backups are daily and the newest seven kept.

use crate::support::photos::jpeg;
use crate::support::*;
use equipment_passport::api::{AUTOMATIC_BACKUPS_KEPT, BACKUP_FOLDER};
use equipment_passport::clock::FixedClock;
use equipment_passport::model::*;
use equipment_passport::store::SCHEMA_VERSION;
use equipment_passport::{Api, Error};
use rusqlite::Connection;
use rusqlite::types::Value;
use std::path::{Path, PathBuf};
use std::sync::Arc;

const PASSPHRASE: &str = "blue kettle on Tuesday";

fn clock_on(day: chrono::NaiveDate) -> Arc<FixedClock> {
    Arc::new(FixedClock::on(day))
}

fn open(dir: &Path) -> Api {
    Api::open(dir, Some(PASSPHRASE), clock_on(today())).unwrap()
}

/// A caseload on disk with a bit of everything, including photos and history.
fn caseload(dir: &Path) -> Api {
    let mut api = Api::create(dir, PASSPHRASE, clock_on(today())).unwrap();
    let setting = add_setting(&mut api, "Oakfield Primary");
    let mut zoe = ChildDetails::new("Zoë", "Łukasiewicz", date(2017, 3, 14));
    zoe.setting_id = Some(setting.id);
    let zoe = api.create_child(zoe).unwrap();
    api.add_contact(
        zoe.id,
        ContactDetails::new("Grace", ContactRole::ParentCarer),
    )
    .unwrap();
    let hoist = add_item(&mut api, zoe.id, Category::Hoist, "Mobile hoist");
    api.add_item_photo(hoist.id, &jpeg(80, 60), "Front")
        .unwrap();
    api.add_service_record(
        hoist.id,
        record(ServiceKind::LolerExamination, date(2026, 9, 1)),
    )
    .unwrap();
    let amara = add_child(&mut api, "Amara", "Okafor");
    add_item(&mut api, amara.id, Category::Sling, "Toileting sling");
    api
}

/// Every row of every table, so two databases can be compared whole.
fn everything(conn: &Connection) -> Vec<(String, Vec<String>)> {
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    tables
        .into_iter()
        .map(|table| {
            let mut stmt = conn.prepare(&format!("SELECT * FROM \"{table}\"")).unwrap();
            let width = stmt.column_count();
            let mut rows: Vec<String> = stmt
                .query_map([], |r| {
                    let values: Vec<Value> =
                        (0..width).map(|i| r.get(i)).collect::<Result<_, _>>()?;
                    Ok(format!("{values:?}"))
                })
                .unwrap()
                .collect::<Result<_, _>>()
                .unwrap();
            rows.sort();
            (table, rows)
        })
        .collect()
}

fn backups_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir.join(BACKUP_FOLDER))
        .map(|rd| {
            rd.map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

fn assert_unreadable_without_the_key(path: &Path) {
    let bytes = std::fs::read(path).unwrap();
    assert!(!bytes.starts_with(b"SQLite format 3"), "no plain header");
    for secret in ["Łukasiewicz".as_bytes(), b"CREATE TABLE", b"Mobile hoist"] {
        assert!(
            !bytes.windows(secret.len()).any(|w| w == secret),
            "{:?} is visible",
            String::from_utf8_lossy(secret)
        );
    }
    if let Ok(out) = std::process::Command::new("sqlite3")
        .arg(path)
        .arg("SELECT given_name FROM children")
        .output()
    {
        assert!(!out.status.success());
        assert!(String::from_utf8_lossy(&out.stderr).contains("not a database"));
    }
}

#[test]
fn a_backup_is_encrypted_and_opens_with_the_passphrase() {
    let dir = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let api = caseload(dir.path());
    let file = out.path().join("zoe-and-amara.backup");
    let report = api.backup_to(&file).unwrap();
    assert_eq!(report.children, 2);
    assert!(report.encrypted);
    assert_eq!(report.bytes, std::fs::metadata(&file).unwrap().len());
    assert_unreadable_without_the_key(&file);
    // A backup is a single file, with no journal or WAL beside it.
    let beside: Vec<_> = std::fs::read_dir(out.path()).unwrap().collect();
    assert_eq!(beside.len(), 1);
    // Put in place as a caseload, it opens with the passphrase and reads the same.
    let copy = tempfile::tempdir().unwrap();
    std::fs::copy(&file, copy.path().join("passport.db")).unwrap();
    assert!(matches!(
        Api::open(copy.path(), Some("not the passphrase"), clock_on(today())),
        Err(Error::WrongPassphrase)
    ));
    let restored = open(copy.path());
    assert_eq!(
        everything(restored.store().conn()),
        everything(api.store().conn())
    );
}

#[test]
fn backup_then_restore_gives_back_exactly_what_was_backed_up() {
    let dir = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let mut api = caseload(dir.path());
    let file = out.path().join("monday.backup");
    api.backup_to(&file).unwrap();
    let at_backup = everything(api.store().conn());
    let zoe = api.search_children("zoe", None, 1).unwrap().children[0].id;
    let zoe_history = api.child_history(zoe).unwrap();

    // A day of changes that the restore must undo.
    add_child(&mut api, "Oliver", "Grant");
    api.delete_child(zoe).unwrap();
    let amara = api.search_children("amara", None, 1).unwrap().children[0].id;
    let mut d = api.child(amara).unwrap().child.details;
    d.class_name = "Year 4".into();
    api.update_child(amara, d).unwrap();
    let before_restore = everything(api.store().conn());
    assert_ne!(before_restore, at_backup);

    let report = api.restore_from(&file, None).unwrap();
    assert_eq!(report.children, 2);
    assert_eq!(report.backup_schema_version, SCHEMA_VERSION);
    assert_eq!(everything(api.store().conn()), at_backup);
    assert_eq!(api.child_history(zoe).unwrap(), zoe_history);
    assert!(api.check_database().unwrap().ok());

    // The replaced database is kept, and opens with the passphrase as it was.
    let kept = report
        .replaced_database
        .expect("the replaced database is kept");
    assert!(kept.starts_with(dir.path().join(BACKUP_FOLDER)));
    let kept_dir = tempfile::tempdir().unwrap();
    std::fs::copy(&kept, kept_dir.path().join("passport.db")).unwrap();
    assert_eq!(
        everything(open(kept_dir.path()).store().conn()),
        before_restore
    );
    // What was restored is still there after the app closes and opens again.
    drop(api);
    let api = open(dir.path());
    assert_eq!(everything(api.store().conn()), at_backup);
    let journal: String = api
        .store()
        .conn()
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .unwrap();
    assert_eq!(journal, "wal");
}

#[test]
fn a_backup_restores_onto_a_new_computer_with_its_history() {
    let old_laptop = tempfile::tempdir().unwrap();
    let stick = tempfile::tempdir().unwrap();
    let api = caseload(old_laptop.path());
    let file = stick.path().join("caseload.backup");
    api.backup_to(&file).unwrap();
    let zoe = api.search_children("zoe", None, 1).unwrap().children[0].id;

    let new_laptop = tempfile::tempdir().unwrap();
    let data_dir = new_laptop.path().join("Equipment Passport");
    assert!(matches!(
        Api::restore(&data_dir, &file, "wrong passphrase!", clock_on(today())),
        Err(Error::Invalid(_))
    ));
    assert!(!Api::exists(&data_dir), "nothing put in place");
    let (restored, report) = Api::restore(&data_dir, &file, PASSPHRASE, clock_on(today())).unwrap();
    assert_eq!(report.replaced_database, None);
    assert_eq!(
        everything(restored.store().conn()),
        everything(api.store().conn())
    );
    assert_eq!(
        restored.child_history(zoe).unwrap(),
        api.child_history(zoe).unwrap()
    );
    assert_unreadable_without_the_key(&data_dir.join("passport.db"));
    assert!(
        backups_in(&data_dir).is_empty(),
        "no staging file left: {:?}",
        backups_in(&data_dir)
    );
}

/// Restoring `file` must fail with a validation error (on the backup, or on the passphrase when
/// the file does not open with it) and change nothing.
fn assert_refused(api: &mut Api, dir: &Path, file: &Path, passphrase: Option<&str>) -> String {
    let before = everything(api.store().conn());
    let err = api.restore_from(file, passphrase).unwrap_err();
    let field = err.fields()[0].field.as_str();
    assert!(field == "backup" || field == "passphrase", "{err:?}");
    assert_eq!(everything(api.store().conn()), before);
    assert!(
        backups_in(dir).is_empty(),
        "nothing kept or left behind: {:?}",
        backups_in(dir)
    );
    err.to_string()
}

#[test]
fn a_damaged_backup_is_refused_and_the_caseload_is_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let mut api = caseload(dir.path());
    let good = out.path().join("good.backup");
    api.backup_to(&good).unwrap();
    let bytes = std::fs::read(&good).unwrap();
    assert!(bytes.len() > 8 * 4096, "{} bytes", bytes.len());

    let truncated = out.path().join("truncated.backup");
    std::fs::write(&truncated, &bytes[..bytes.len() / 2]).unwrap();
    let message = assert_refused(&mut api, dir.path(), &truncated, None);
    assert!(
        message.contains("damaged") || message.contains("does not open"),
        "{message}"
    );

    let mut scribbled = bytes.clone();
    let middle = bytes.len() / 2;
    scribbled[middle..middle + 600].fill(0x5a);
    let corrupt = out.path().join("corrupt.backup");
    std::fs::write(&corrupt, &scribbled).unwrap();
    let message = assert_refused(&mut api, dir.path(), &corrupt, None);
    assert!(message.contains("damaged"), "{message}");

    let notes = out.path().join("notes.txt");
    std::fs::write(
        &notes,
        "not a backup at all, just some notes I kept".repeat(200),
    )
    .unwrap();
    assert_refused(&mut api, dir.path(), &notes, None);

    let missing = out.path().join("nowhere.backup");
    let message = assert_refused(&mut api, dir.path(), &missing, None);
    assert!(message.contains("no backup file"), "{message}");

    // A plain SQLite database that is not a caseload.
    let other = out.path().join("other.db");
    Connection::open(&other)
        .unwrap()
        .execute_batch("PRAGMA user_version = 2; CREATE TABLE shopping (item TEXT);")
        .unwrap();
    let message = assert_refused(&mut api, dir.path(), &other, None);
    assert!(
        message.contains("not an Equipment Passport caseload"),
        "{message}"
    );

    // The good one still restores.
    api.restore_from(&good, None).unwrap();
}

#[test]
fn a_backup_under_another_passphrase_needs_that_passphrase() {
    let dir = tempfile::tempdir().unwrap();
    let other_dir = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let mut api = caseload(dir.path());
    let mut other = Api::create(
        other_dir.path(),
        "green teapot on Friday",
        clock_on(today()),
    )
    .unwrap();
    add_child(&mut other, "Oliver", "Grant");
    let file = out.path().join("other.backup");
    other.backup_to(&file).unwrap();

    let err = api.restore_from(&file, None).unwrap_err();
    assert_eq!(err.fields()[0].field, "passphrase");
    let message = assert_refused(&mut api, dir.path(), &file, None);
    assert!(
        message.contains("does not open with that passphrase"),
        "{message}"
    );
    assert_refused(&mut api, dir.path(), &file, Some("blue teapot on Friday"));

    api.restore_from(&file, Some("green teapot on Friday"))
        .unwrap();
    assert_eq!(
        everything(api.store().conn()),
        everything(other.store().conn())
    );
    // The caseload keeps its own passphrase.
    drop(api);
    let api = open(dir.path());
    assert_eq!(api.child_count().unwrap(), 1);
}

#[test]
fn a_backup_from_a_newer_app_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let mut api = caseload(dir.path());
    let file = out.path().join("newer.backup");
    api.backup_to(&file).unwrap();
    let conn = Connection::open(&file).unwrap();
    conn.pragma_update(None, "key", PASSPHRASE).unwrap();
    conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1)
        .unwrap();
    drop(conn);
    let before = everything(api.store().conn());
    match api.restore_from(&file, None) {
        Err(Error::DatabaseTooNew { found, supported }) => {
            assert_eq!((found, supported), (SCHEMA_VERSION + 1, SCHEMA_VERSION))
        }
        other => panic!("expected DatabaseTooNew, got {other:?}"),
    }
    assert_eq!(everything(api.store().conn()), before);
}

#[test]
fn automatic_backups_are_daily_and_the_newest_seven_are_kept() {
    let dir = tempfile::tempdir().unwrap();
    drop(caseload(dir.path()));
    let mut made: Vec<PathBuf> = Vec::new();
    for offset in 0..10u64 {
        let day = today() + chrono::Days::new(offset);
        let mut api = Api::open(dir.path(), Some(PASSPHRASE), clock_on(day)).unwrap();
        let path = api
            .automatic_backup()
            .unwrap()
            .expect("the day's first backup");
        assert!(path.ends_with(format!("passport-{}.db", day.format("%Y-%m-%d"))));
        assert_unreadable_without_the_key(&path);
        // At most one a day, however often the app is unlocked.
        add_child(&mut api, "Day", &format!("Number {offset}"));
        assert_eq!(api.automatic_backup().unwrap(), None);
        made.push(path);
    }
    let kept = backups_in(dir.path());
    assert_eq!(kept.len(), AUTOMATIC_BACKUPS_KEPT);
    let newest: Vec<String> = made[made.len() - AUTOMATIC_BACKUPS_KEPT..]
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(kept, newest);
    let api = open(dir.path());
    assert_eq!(api.backups().unwrap().len(), AUTOMATIC_BACKUPS_KEPT);
    // Each holds the caseload as it was that morning: the last one, before that day's child.
    let (_, report) = {
        let fresh = tempfile::tempdir().unwrap();
        let target = fresh.path().join("data");
        let (restored, report) =
            Api::restore(&target, made.last().unwrap(), PASSPHRASE, clock_on(today())).unwrap();
        assert_eq!(restored.child_count().unwrap(), 2 + 9);
        (fresh, report)
    };
    assert_eq!(report.children, 11);
}

#[test]
fn a_backup_after_a_change_of_passphrase_is_under_the_new_one() {
    let dir = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let mut api = caseload(dir.path());
    api.change_passphrase(PASSPHRASE, "green teapot on Friday")
        .unwrap();
    let file = out.path().join("after.backup");
    api.backup_to(&file).unwrap();
    let fresh = tempfile::tempdir().unwrap();
    let target = fresh.path().join("data");
    assert!(Api::restore(&target, &file, PASSPHRASE, clock_on(today())).is_err());
    let (restored, _) =
        Api::restore(&target, &file, "green teapot on Friday", clock_on(today())).unwrap();
    assert_eq!(restored.child_count().unwrap(), 2);
}

#[test]
fn each_restore_keeps_the_database_it_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let mut api = caseload(dir.path());
    let file = out.path().join("a.backup");
    api.backup_to(&file).unwrap();
    // The clock stands still, so both restores happen "in the same second".
    let first = api.restore_from(&file, None).unwrap().replaced_database;
    add_child(&mut api, "Oliver", "Grant");
    let second = api.restore_from(&file, None).unwrap().replaced_database;
    assert_ne!(first, second);
    let kept_files = backups_in(dir.path());
    assert_eq!(kept_files.len(), 2, "{kept_files:?}");
    let kept = tempfile::tempdir().unwrap();
    std::fs::copy(second.unwrap(), kept.path().join("passport.db")).unwrap();
    assert_eq!(
        open(kept.path()).child_count().unwrap(),
        3,
        "it holds Oliver"
    );
}

#[test]
fn an_in_memory_caseload_makes_no_automatic_backups() {
    let api = api();
    assert_eq!(api.automatic_backup().unwrap(), None);
    assert!(api.backups().unwrap().is_empty());
}

mod cli {
    use super::{BACKUP_FOLDER, backups_in};
    use assert_cmd::Command;
    use std::path::Path;

    use crate::support::cli::passport;

    fn stdout_of(cmd: &mut Command) -> String {
        String::from_utf8(cmd.assert().success().get_output().stdout.clone()).unwrap()
    }

    fn children(dir: &Path) -> u64 {
        let out = stdout_of(passport(dir).args(["db", "check", "--json"]));
        serde_json::from_str::<serde_json::Value>(&out).unwrap()["children"]
            .as_u64()
            .unwrap()
    }

    fn add(dir: &Path, given: &str) {
        stdout_of(passport(dir).args([
            "child",
            "add",
            "--given",
            given,
            "--family",
            "Hughes",
            "--dob",
            &crate::support::iso(crate::support::born_years_ago(9)),
        ]));
    }

    #[test]
    fn passport_backup_and_restore_round_trip_and_refuse_a_damaged_file() {
        let dir = tempfile::tempdir().unwrap();
        let out = tempfile::tempdir().unwrap();
        let file = out.path().join("caseload.backup");
        add(dir.path(), "Zoë");
        let said = stdout_of(passport(dir.path()).arg("backup").arg(&file));
        assert!(said.contains("Backed up 1 children"), "{said}");
        assert!(said.contains("encrypted"), "{said}");
        // Opening the caseload again made the day's automatic backup.
        let automatic = backups_in(dir.path());
        assert_eq!(automatic.len(), 1, "{automatic:?}");
        assert!(automatic[0].starts_with("passport-"));

        add(dir.path(), "Amara");
        assert_eq!(children(dir.path()), 2);

        let damaged = out.path().join("damaged.backup");
        let bytes = std::fs::read(&file).unwrap();
        std::fs::write(&damaged, &bytes[..bytes.len() / 3]).unwrap();
        passport(dir.path())
            .arg("restore")
            .arg(&damaged)
            .assert()
            .failure()
            .stderr(predicates::str::contains("error:"));
        assert_eq!(children(dir.path()), 2, "the caseload is untouched");

        let said = stdout_of(passport(dir.path()).arg("restore").arg(&file));
        assert!(said.contains("Restored 1 children"), "{said}");
        assert_eq!(children(dir.path()), 1);
        assert!(
            backups_in(dir.path())
                .iter()
                .any(|n| n.starts_with("before-restore-")),
            "{:?}",
            backups_in(dir.path())
        );

        // Onto a computer with no caseload yet.
        let fresh = tempfile::tempdir().unwrap();
        let target = fresh.path().join("data");
        let said = stdout_of(passport(&target).arg("restore").arg(&file));
        assert!(said.contains("Restored 1 children"), "{said}");
        assert_eq!(children(&target), 1);
        assert!(target.join(BACKUP_FOLDER).exists());
    }
}

/// Windows flushes a file only through a handle opened for writing. When the finished copy
/// was flushed through a read-only handle, every backup failed there with "Access denied.
/// (os error 5)" and no daily backup was ever made. `scripts/check-windows` runs this test
/// under Wine, where that failure showed; here it also covers a folder named the way a
/// Windows user's often is, with a space and an accent.
#[test]
fn the_cli_writes_a_backup_and_the_days_automatic_one_to_a_folder_with_spaces_and_accents() {
    use crate::support::cli::passport;
    let scratch = tempfile::tempdir().unwrap();
    let data = scratch.path().join("Zoë Hughes").join("Equipment Passport");
    let dob = iso(born_years_ago(9));
    let added = passport(&data)
        .args([
            "child", "add", "--given", "Zoë", "--family", "Hughes", "--dob", &dob,
        ])
        .output()
        .unwrap();
    assert!(
        added.status.success(),
        "{}",
        String::from_utf8_lossy(&added.stderr)
    );
    let file = scratch
        .path()
        .join("Zoë Hughes")
        .join("My backups")
        .join("caseload copy.db");
    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
    let out = passport(&data).arg("backup").arg(&file).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(!stderr.contains("could not"), "{stderr}");
    // The day's first command made the day's automatic backup, with no warning.
    assert_eq!(backups_in(&data).len(), 1, "{:?}", backups_in(&data));
    // What was written is the whole caseload, under the passphrase, with nothing left beside it.
    let beside: Vec<_> = std::fs::read_dir(file.parent().unwrap()).unwrap().collect();
    assert_eq!(beside.len(), 1);
    let copy = tempfile::tempdir().unwrap();
    std::fs::copy(&file, copy.path().join("passport.db")).unwrap();
    let restored = open(copy.path());
    let family: String = restored
        .store()
        .conn()
        .query_row("SELECT family_name FROM children", [], |r| r.get(0))
        .unwrap();
    assert_eq!(family, "Hughes");
}
