//! Two programs at once: starting a caseload, writing, backing up and restoring while another
//! `passport` command (or the desktop app) uses the same data folder. Whatever the timing,
//! every write a program acknowledged is kept, in the caseload or in the copy a restore keeps,
//! and the caseload passes its integrity check afterwards.

use crate::support::*;
use equipment_passport::Api;
use equipment_passport::api::BACKUP_FOLDER;
use equipment_passport::clock::FixedClock;
use equipment_passport::model::*;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::Arc;

const PASSPHRASE: &str = "blue kettle on Tuesday";

fn passport(dir: &Path, args: &[&str]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_passport"));
    cmd.arg("--data-dir")
        .arg(dir)
        .args(args)
        .env("PASSPORT_PASSPHRASE", PASSPHRASE)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    cmd
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn open(dir: &Path) -> Api {
    Api::open(dir, Some(PASSPHRASE), Arc::new(FixedClock::on(today()))).unwrap()
}

fn integrity_problems(dir: &Path) -> Vec<String> {
    open(dir).store().integrity_problems().unwrap()
}

/// NHS numbers from the 999 test range that pass the Modulus 11 check.
fn test_nhs_numbers(count: usize) -> Vec<String> {
    (0..1_000_000u32)
        .filter_map(|n| {
            let nine = format!("999{n:06}");
            let digits: Vec<u32> = nine.chars().filter_map(|c| c.to_digit(10)).collect();
            nhs_number::check_digit(&digits).map(|check| format!("{nine}{check}"))
        })
        .take(count)
        .collect()
}

fn add_child_by_cli(dir: &Path, given: &str, nhs: &str) -> Output {
    // The CLI runs on the real clock, so the date of birth counts back from today.
    let dob = iso(born_years_ago(10));
    passport(
        dir,
        &[
            "child", "add", "--given", given, "--family", "Parallel", "--dob", &dob, "--nhs", nhs,
        ],
    )
    .output()
    .unwrap()
}

fn children_named(api: &Api) -> BTreeSet<String> {
    let conn = api.store().conn();
    let mut names = conn.prepare("SELECT given_name FROM children").unwrap();
    names
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

#[test]
fn a_demo_and_a_child_added_at_once_into_a_new_folder_are_both_kept() {
    // Each round is a race; a few rounds see both orders (the issue saw a loss in 2 of 8).
    for round in 0..4 {
        let scratch = tempfile::tempdir().unwrap();
        let dir = scratch.path().join("data");
        let demo = passport(&dir, &["demo"]).spawn().unwrap();
        let added = add_child_by_cli(&dir, "Ada", &test_nhs_numbers(1)[0]);
        let demo = demo.wait_with_output().unwrap();
        assert!(
            added.status.success(),
            "round {round}: {}",
            text(&added.stderr)
        );
        let api = open(&dir);
        let names = children_named(&api);
        assert!(
            names.contains("Ada"),
            "round {round}: the child added is kept"
        );
        if demo.status.success() {
            assert_eq!(api.child_count().unwrap(), 15, "round {round}");
        } else {
            // The demo only loads into an empty caseload; it says so, and nothing is lost.
            assert!(
                text(&demo.stderr).contains("only loaded into an empty one"),
                "round {round}: {}",
                text(&demo.stderr)
            );
            assert_eq!(api.child_count().unwrap(), 1, "round {round}");
        }
        assert!(integrity_problems(&dir).is_empty());
    }
}

#[test]
fn two_demos_started_at_once_load_one_sample_caseload() {
    for round in 0..3 {
        let scratch = tempfile::tempdir().unwrap();
        let dir = scratch.path().join("data");
        let first = passport(&dir, &["demo"]).spawn().unwrap();
        let second = passport(&dir, &["demo"]).output().unwrap();
        let first = first.wait_with_output().unwrap();
        let loaded = [&first, &second]
            .iter()
            .filter(|o| o.status.success())
            .count();
        assert_eq!(loaded, 1, "round {round}: exactly one demo loads");
        assert_eq!(open(&dir).child_count().unwrap(), 14, "round {round}");
        assert!(integrity_problems(&dir).is_empty());
    }
}

#[test]
fn a_failed_first_command_leaves_the_new_caseload_in_place() {
    let scratch = tempfile::tempdir().unwrap();
    let dir = scratch.path().join("data");
    let refused = add_child_by_cli(&dir, "Ben", "12");
    assert!(!refused.status.success());
    // The caseload it started stays (another program may already be using it), empty.
    assert!(dir.join("passport.db").exists());
    assert_eq!(open(&dir).child_count().unwrap(), 0);
}

#[test]
fn two_writers_take_turns_instead_of_failing() {
    let scratch = tempfile::tempdir().unwrap();
    let dir = scratch.path().to_path_buf();
    drop(Api::create(&dir, PASSPHRASE, Arc::new(FixedClock::on(today()))).unwrap());
    let numbers = test_nhs_numbers(2 * 400);
    let writers: Vec<_> = numbers
        .chunks(400)
        .enumerate()
        .map(|(w, batch)| {
            let dir = dir.clone();
            let batch = batch.to_vec();
            std::thread::spawn(move || {
                let mut api = open(&dir);
                // One long transaction that reads before it writes, as an import does.
                api.all_or_nothing(|api| {
                    for (i, nhs) in batch.iter().enumerate() {
                        let _ = api.child_count()?;
                        let mut child = ChildDetails::new(
                            &format!("Writer{w}"),
                            &format!("Row{i}"),
                            date(2016, 1, 1),
                        );
                        child.nhs_number = nhs.clone();
                        api.create_child(child)?;
                    }
                    Ok(())
                })
            })
        })
        .collect();
    for writer in writers {
        writer.join().unwrap().expect("each writer waits its turn");
    }
    assert_eq!(open(&dir).child_count().unwrap(), 800);
}

#[test]
fn a_restore_keeps_every_write_acknowledged_while_it_ran() {
    let scratch = tempfile::tempdir().unwrap();
    let dir = scratch.path().join("data");
    let backup = scratch.path().join("backup.db");
    {
        let mut api = Api::create(&dir, PASSPHRASE, Arc::new(FixedClock::on(today()))).unwrap();
        add_child(&mut api, "Before", "Backup");
        api.backup_to(&backup).unwrap();
    }
    let numbers = test_nhs_numbers(15);
    let writer = {
        let dir = dir.clone();
        std::thread::spawn(move || {
            let mut acknowledged = Vec::new();
            for (i, nhs) in numbers.iter().enumerate() {
                let out = add_child_by_cli(&dir, &format!("Loop{i}"), nhs);
                assert!(out.status.success(), "{}", text(&out.stderr));
                acknowledged.push(format!("Loop{i}"));
            }
            acknowledged
        })
    };
    std::thread::sleep(std::time::Duration::from_millis(400));
    let restored = passport(&dir, &["restore", backup.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(restored.status.success(), "{}", text(&restored.stderr));
    let acknowledged = writer.join().unwrap();

    let now = children_named(&open(&dir));
    let replaced: Vec<PathBuf> = std::fs::read_dir(dir.join(BACKUP_FOLDER))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("before-restore-")
        })
        .collect();
    assert_eq!(replaced.len(), 1);
    let kept = {
        let copy = scratch.path().join("kept");
        std::fs::create_dir(&copy).unwrap();
        std::fs::copy(&replaced[0], copy.join("passport.db")).unwrap();
        children_named(&open(&copy))
    };
    for name in &acknowledged {
        assert!(
            now.contains(name) || kept.contains(name),
            "{name} was acknowledged but is in neither the restored caseload nor the copy kept"
        );
    }
    assert!(now.contains("Before"));
    assert!(integrity_problems(&dir).is_empty());
}

#[test]
fn programs_opening_the_caseload_on_a_new_day_at_once_make_one_backup_without_errors() {
    let scratch = tempfile::tempdir().unwrap();
    let dir = scratch.path().join("data");
    {
        let mut api = Api::create(&dir, PASSPHRASE, Arc::new(FixedClock::on(today()))).unwrap();
        add_child(&mut api, "Only", "Child");
    }
    let runs: Vec<_> = (0..4)
        .map(|_| passport(&dir, &["children"]).spawn().unwrap())
        .collect();
    for run in runs {
        let out = run.wait_with_output().unwrap();
        assert!(out.status.success());
        assert!(
            !text(&out.stderr).contains("warning"),
            "{}",
            text(&out.stderr)
        );
    }
    let files: Vec<String> = std::fs::read_dir(dir.join(BACKUP_FOLDER))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    assert!(files[0].starts_with("passport-"), "{files:?}");
}

#[cfg(unix)]
#[test]
fn the_data_folder_and_everything_in_it_are_private_to_the_user() {
    use std::os::unix::fs::PermissionsExt;
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    let scratch = tempfile::tempdir().unwrap();
    let dir = scratch.path().join("data");
    assert!(
        add_child_by_cli(&dir, "Cara", &test_nhs_numbers(1)[0])
            .status
            .success()
    );
    // A second command makes the day's automatic backup.
    assert!(
        passport(&dir, &["children"])
            .output()
            .unwrap()
            .status
            .success()
    );
    assert_eq!(mode(&dir), 0o700);
    assert_eq!(mode(&dir.join(BACKUP_FOLDER)), 0o700);
    for entry in std::fs::read_dir(&dir)
        .unwrap()
        .chain(std::fs::read_dir(dir.join(BACKUP_FOLDER)).unwrap())
    {
        let path = entry.unwrap().path();
        if path.is_file() {
            assert_eq!(mode(&path), 0o600, "{}", path.display());
        }
    }
}

#[test]
fn an_empty_file_is_refused_as_a_backup_for_what_it_is() {
    let scratch = tempfile::tempdir().unwrap();
    let dir = scratch.path().join("data");
    assert!(
        add_child_by_cli(&dir, "Dev", &test_nhs_numbers(1)[0])
            .status
            .success()
    );
    let empty = scratch.path().join("empty.db");
    std::fs::write(&empty, b"").unwrap();
    let out = passport(&dir, &["restore", empty.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let said = text(&out.stderr);
    assert!(said.contains("is empty (0 bytes)"), "{said}");
    assert_eq!(said.lines().count(), 1, "{said}");
    assert_eq!(open(&dir).child_count().unwrap(), 1);
}

/// The desktop app answers its screens from read-only connections while one writer changes
/// the caseload, and runs long jobs on connections of their own.
mod further_connections {
    use super::*;
    use equipment_passport::api::Access;

    #[test]
    fn a_reader_sees_what_the_writer_committed_and_refuses_to_write() {
        let scratch = tempfile::tempdir().unwrap();
        let mut writer = open(scratch.path());
        let mut reader = writer.connect_again(Access::ReadOnly).unwrap();
        add_child(&mut writer, "Amara", "Okafor");
        let found = reader.search_children("Amara", None, 10).unwrap();
        assert_eq!(found.children.len(), 1);

        let err = add_child_via(&mut reader, "Written", "Byreader").unwrap_err();
        assert!(
            err.to_string().contains("readonly") || err.to_string().contains("read-only"),
            "{err}"
        );
        assert_eq!(writer.child_count().unwrap(), 1, "nothing was written");
    }

    #[test]
    fn a_second_writer_takes_turns_with_the_first() {
        let scratch = tempfile::tempdir().unwrap();
        let mut first = open(scratch.path());
        let mut second = first.connect_again(Access::ReadWrite).unwrap();
        add_child(&mut first, "First", "Writer");
        add_child(&mut second, "Second", "Writer");
        assert_eq!(first.child_count().unwrap(), 2);
        assert_eq!(second.child_count().unwrap(), 2);
    }

    #[test]
    fn a_restore_waits_for_the_other_connections_to_close() {
        let scratch = tempfile::tempdir().unwrap();
        let mut api = open(scratch.path());
        add_child(&mut api, "Kept", "Before");
        let backup = scratch.path().join("copy.db");
        api.backup_to(&backup).unwrap();
        let reader = api.connect_again(Access::ReadOnly).unwrap();
        let closes_later = std::thread::spawn(move || {
            std::thread::sleep(std::time::Duration::from_millis(300));
            drop(reader);
        });
        api.restore_from(&backup, None).unwrap();
        closes_later.join().unwrap();
        assert_eq!(api.child_count().unwrap(), 1);
        assert!(integrity_problems(scratch.path()).is_empty());
    }

    #[test]
    fn a_caseload_in_memory_has_no_second_connection() {
        let api = equipment_passport::Api::in_memory(Arc::new(FixedClock::on(today()))).unwrap();
        assert!(api.connect_again(Access::ReadOnly).is_err());
    }

    fn add_child_via(
        api: &mut Api,
        given: &str,
        family: &str,
    ) -> equipment_passport::Result<Child> {
        api.create_child(ChildDetails::new(given, family, date(2017, 3, 14)))
    }
}
