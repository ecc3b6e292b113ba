//! An import killed part-way (SIGKILL: no destructors, no rollback, only SQLite's journal
//! between the caseload and half an import) leaves an intact database holding either none of
//! the import or all of it, never part of a child's records.
//!
//! Each test runs the real `passport` command on a copy of a prepared caseload, waits until it
//! has opened the database (its `-wal` file appears), kills it at moments spread over the time
//! a whole import takes and once as soon as SQLite starts writing the import into the `-wal`
//! file, then reopens the caseload with the api.

use crate::support::{self, *};
use equipment_passport::Api;
use equipment_passport::api::{DATABASE_FILE, ExportScope};
use equipment_passport::clock::FixedClock;
use equipment_passport::model::*;
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Child as Process, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

const PASSPHRASE: &str = "blue kettle on Tuesday";
/// How long a command may take to open the caseload before the test gives up.
const OPEN_DEADLINE: Duration = Duration::from_secs(60);

fn open(dir: &Path) -> Api {
    Api::open(dir, Some(PASSPHRASE), Arc::new(FixedClock::on(today()))).unwrap()
}

/// The rows of `table` in the caseload.
fn rows(api: &Api, table: &str) -> usize {
    api.store()
        .conn()
        .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| {
            r.get::<_, i64>(0)
        })
        .unwrap() as usize
}

/// Children, contacts, items, service records and photos, after proving the database intact
/// (SQLite's integrity check and the foreign key check).
fn intact_counts(dir: &Path) -> [usize; 5] {
    let api = open(dir);
    let check = api.check_database().unwrap();
    assert!(check.ok(), "the caseload is damaged: {:?}", check.problems);
    [
        check.children,
        rows(&api, "contacts"),
        check.items,
        rows(&api, "service_records"),
        check.photos,
    ]
}

/// A copy of the prepared caseload (one closed, checkpointed database file) in a new folder.
fn copy_of(prepared: &Path, into: PathBuf) -> PathBuf {
    std::fs::create_dir_all(&into).unwrap();
    std::fs::copy(prepared.join(DATABASE_FILE), into.join(DATABASE_FILE)).unwrap();
    into
}

/// Starts `passport` on the caseload in `dir`; `piped` keeps its output to read (a process
/// that is killed writes nothing worth reading).
fn start(dir: &Path, args: &[&std::ffi::OsStr], piped: bool) -> Process {
    Command::new(assert_cmd::cargo::cargo_bin("passport"))
        .arg("--data-dir")
        .arg(dir)
        .args(args)
        .env("PASSPORT_PASSPHRASE", PASSPHRASE)
        .env_remove("PASSPORT_BUNDLE_PASSPHRASE")
        .stdout(if piped { Stdio::piped() } else { Stdio::null() })
        .stderr(if piped { Stdio::piped() } else { Stdio::null() })
        .spawn()
        .unwrap()
}

/// Waits until the command has opened the caseload for writing (SQLite creates the `-wal`
/// file then); returns when that was seen.
fn wait_until_open(dir: &Path, process: &mut Process) -> Instant {
    let wal = dir.join(format!("{DATABASE_FILE}-wal"));
    let deadline = Instant::now() + OPEN_DEADLINE;
    loop {
        if wal.exists() {
            return Instant::now();
        }
        if let Some(status) = process.try_wait().unwrap() {
            panic!("the import ended ({status}) before its -wal file was seen");
        }
        assert!(
            Instant::now() < deadline,
            "the import never opened the caseload"
        );
        std::thread::sleep(Duration::from_millis(1));
    }
}

/// When a run is killed.
#[derive(Debug, Clone, Copy)]
enum Moment {
    /// This percentage of the time the whole import took once it had opened the caseload.
    Percent(u32),
    /// As soon as the `-wal` file grows: SQLite is writing the import's pages to it.
    WalGrows,
}

/// Waits until the `-wal` file in `dir` holds something, or the process ends.
fn wait_until_wal_grows(dir: &Path, process: &mut Process) {
    let wal = dir.join(format!("{DATABASE_FILE}-wal"));
    let deadline = Instant::now() + OPEN_DEADLINE;
    while std::fs::metadata(&wal).map(|m| m.len()).unwrap_or(0) == 0
        && process.try_wait().unwrap().is_none()
    {
        assert!(Instant::now() < deadline, "the import never wrote");
        std::thread::yield_now();
    }
}

/// Runs the import once to the end on a copy of `prepared`, then again on fresh copies killed
/// with SIGKILL at each of `moments`. Every copy must be intact and hold either the caseload
/// `before` the import or the one `after` it (counts as [`intact_counts`] gives them).
/// Returns what happened at each moment.
fn kill_at_moments(
    prepared: &Path,
    args: &[&std::ffi::OsStr],
    moments: &[Moment],
    before: [usize; 5],
    after: [usize; 5],
) -> Vec<String> {
    let whole = copy_of(prepared, prepared.with_file_name("whole"));
    let mut process = start(&whole, args, true);
    let opened = wait_until_open(&whole, &mut process);
    let output = process.wait_with_output().unwrap();
    let took = opened.elapsed();
    assert!(
        output.status.success(),
        "the whole import failed: {}\n{}",
        String::from_utf8_lossy(&output.stderr),
        String::from_utf8_lossy(&output.stdout[..output.stdout.len().min(2000)])
    );
    assert_eq!(intact_counts(&whole), after, "the whole import");

    let mut outcomes = Vec::new();
    for (n, &moment) in moments.iter().enumerate() {
        let dir = copy_of(prepared, prepared.with_file_name(format!("killed-{n}")));
        let mut process = start(&dir, args, false);
        let opened = wait_until_open(&dir, &mut process);
        match moment {
            Moment::Percent(p) => {
                std::thread::sleep((took * p / 100).saturating_sub(opened.elapsed()))
            }
            Moment::WalGrows => wait_until_wal_grows(&dir, &mut process),
        }
        let at = opened.elapsed();
        // `kill` sends SIGKILL on Unix.
        process.kill().unwrap();
        let status = process.wait().unwrap();
        let killed = status.signal() == Some(9);
        assert!(
            killed || status.success(),
            "{moment:?}: the import failed on its own: {status}"
        );
        let counts = intact_counts(&dir);
        assert!(
            counts == before || counts == after,
            "killed at {moment:?} ({at:?} of {took:?}): {counts:?} is neither the caseload \
             before the import {before:?} nor after it {after:?}"
        );
        assert!(killed || counts == after, "a finished import is all there");
        outcomes.push(format!(
            "{moment:?} ({at:.2?}): {}",
            match (killed, counts == after) {
                (true, false) => "killed, nothing imported",
                (true, true) => "killed after the commit, all imported",
                _ => "finished before the kill",
            }
        ));
    }
    eprintln!("whole import once open: {took:.2?}; kills: {outcomes:#?}");
    outcomes
}

/// Early, half-way, late, very late, and while SQLite writes the import to the `-wal` file.
fn moments() -> [Moment; 5] {
    use Moment::*;
    [Percent(15), Percent(50), Percent(85), Percent(97), WalGrows]
}

const CSV_CHILDREN: usize = 30;
const CSV_ROWS_EACH: usize = 200;

/// A caseload of children with no equipment yet, and a spreadsheet of 6,000 items for them
/// (one in four a hoist with its last LOLER examination).
fn csv_caseload(dir: &Path) -> (String, [usize; 5]) {
    let mut api = Api::create(dir, PASSPHRASE, Arc::new(FixedClock::on(today()))).unwrap();
    let mut csv = String::from(
        "Given name,Family name,Date of birth,Category,Item name,Serial,Staff needed,Last service date,Service type,Serviced by,Service outcome\n",
    );
    for i in 0..CSV_CHILDREN {
        let given = format!("Child{i}");
        api.create_child(ChildDetails::new(&given, "Spreadsheet", date(2017, 3, 14)))
            .unwrap();
        for j in 0..CSV_ROWS_EACH {
            let (category, staff, service) = match j % 4 {
                0 => ("Hoist", "2", "15/07/2026,LOLER,Ability Lifting Ltd,Pass"),
                1 => ("Walker", "1", ",,,"),
                2 => ("Wheelchair", "", ",,,"),
                _ => ("Standing frame", "1", ",,,"),
            };
            csv.push_str(&format!(
                "{given},Spreadsheet,14/03/2017,{category},{category} {j},SN-{i}-{j},{staff},{service}\n"
            ));
        }
    }
    let before = [CSV_CHILDREN, 0, 0, 0, 0];
    assert_eq!(api.check_database().unwrap().children, CSV_CHILDREN);
    drop(api);
    (csv, before)
}

#[test]
fn a_csv_import_killed_part_way_leaves_an_intact_caseload_with_all_of_it_or_none() {
    let tmp = tempfile::tempdir().unwrap();
    let prepared = tmp.path().join("prepared");
    let (csv, before) = csv_caseload(&prepared);
    let file = tmp.path().join("equipment.csv");
    std::fs::write(&file, csv).unwrap();
    let rows = CSV_CHILDREN * CSV_ROWS_EACH;
    let hoists = CSV_CHILDREN * CSV_ROWS_EACH.div_ceil(4);
    let after = [CSV_CHILDREN, 0, rows, hoists, 0];
    let args = ["import-csv".as_ref(), file.as_os_str()];
    let outcomes = kill_at_moments(&prepared, &args, &moments(), before, after);
    assert!(
        outcomes.iter().any(|o| o.ends_with("nothing imported")),
        "at least one kill must land before the commit: {outcomes:?}"
    );
}

const BUNDLE_CHILDREN: usize = 150;

/// A bundle of children who each have a contact, five items (a hoist with a LOLER
/// examination) and a photo, and a caseload that already holds one other child.
fn bundle_caseload(dir: &Path, bundle: &Path) -> [usize; 5] {
    let mut source = support::api();
    for i in 0..BUNDLE_CHILDREN {
        let child = add_child(&mut source, &format!("Child{i}"), "Bundled");
        source
            .set_child_photo(child.id, &photos::jpeg(120, 160))
            .unwrap();
        source
            .add_contact(
                child.id,
                ContactDetails::new("A parent", ContactRole::ParentCarer),
            )
            .unwrap();
        for category in [
            Category::Seating,
            Category::Walker,
            Category::Bathing,
            Category::Toileting,
            Category::Hoist,
        ] {
            let item = add_item(&mut source, child.id, category, "Item");
            if category == Category::Hoist {
                source
                    .add_service_record(
                        item.id,
                        record(ServiceKind::LolerExamination, date(2026, 9, 1)),
                    )
                    .unwrap();
            }
        }
    }
    source
        .export_bundle(ExportScope::All, bundle, Some(PASSPHRASE))
        .unwrap();

    let mut api = Api::create(dir, PASSPHRASE, Arc::new(FixedClock::on(today()))).unwrap();
    let already = add_child(&mut api, "Already", "Here");
    add_item(&mut api, already.id, Category::Seating, "Classroom chair");
    drop(api);
    [1, 0, 1, 0, 0]
}

#[test]
fn a_bundle_import_killed_part_way_leaves_an_intact_caseload_with_all_of_it_or_none() {
    let tmp = tempfile::tempdir().unwrap();
    let prepared = tmp.path().join("prepared");
    let bundle = tmp.path().join("large.passport");
    let before = bundle_caseload(&prepared, &bundle);
    let n = BUNDLE_CHILDREN;
    let after = [1 + n, n, 1 + 5 * n, n, n];
    let args = ["import".as_ref(), bundle.as_os_str()];
    let outcomes = kill_at_moments(&prepared, &args, &moments(), before, after);
    assert!(
        outcomes.iter().any(|o| o.ends_with("nothing imported")),
        "at least one kill must land before the commit: {outcomes:?}"
    );
}
