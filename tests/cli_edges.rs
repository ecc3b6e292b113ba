//! The `passport` command line at its edges: paths that name no ordinary file, output that
//! nobody reads to the end, errors with causes inside causes, a batch print that partly fails,
//! a bundle cut short. Each answers with one line and no panic, and names children by id only.

use crate::cli::{PASSPHRASE, json_of, passport, stdout_of};
use crate::support::photos::{card, encode, jpeg};
use std::path::Path;
use std::process::Stdio;
use std::time::Duration;

/// The one line a failed command writes on stderr (asserting it is one line, not a panic).
fn failure_of(cmd: &mut assert_cmd::Command) -> String {
    let assert = cmd.timeout(Duration::from_secs(60)).assert().failure();
    let output = assert.get_output();
    assert_eq!(
        output.status.code(),
        Some(1),
        "an ordinary failure, not a panic"
    );
    let stderr = String::from_utf8(output.stderr.clone()).unwrap();
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(stderr.trim_end().lines().count(), 1, "{stderr}");
    stderr
}

fn add_child(dir: &Path, given: &str, family: &str, setting: Option<&str>) -> String {
    let mut cmd = passport(dir);
    cmd.args([
        "child",
        "add",
        "--given",
        given,
        "--family",
        family,
        "--dob",
        "2016-09-01",
    ]);
    if let Some(setting) = setting {
        cmd.args(["--setting", setting]);
    }
    stdout_of(&mut cmd).trim().to_string()
}

fn add_item(dir: &Path) -> String {
    let child = add_child(dir, "Amara", "Okafor", None);
    stdout_of(passport(dir).args([
        "item",
        "add",
        "--child",
        &child,
        "--category",
        "seating",
        "--name",
        "Chair",
    ]))
    .trim()
    .to_string()
}

#[cfg(unix)]
fn link_to_dev_zero(dir: &Path, name: &str) -> std::path::PathBuf {
    let link = dir.join(name);
    std::os::unix::fs::symlink("/dev/zero", &link).unwrap();
    link
}

fn photo_count(dir: &Path) -> u64 {
    json_of(passport(dir).args(["db", "check"]))["photos"]
        .as_u64()
        .unwrap()
}

#[cfg(unix)]
#[test]
fn a_photo_that_links_to_dev_zero_is_refused_as_not_a_regular_file_and_nothing_is_stored() {
    let dir = tempfile::tempdir().unwrap();
    let item = add_item(dir.path());
    let link = link_to_dev_zero(dir.path(), "hoist.jpg");
    let stderr = failure_of(
        passport(dir.path())
            .args(["photo", "add", "--item", &item])
            .arg(&link),
    );
    assert!(
        stderr.contains(&format!(
            "{} is not a regular file (it is a device): choose a photo saved as a file",
            link.display()
        )),
        "{stderr}"
    );
    assert_eq!(photo_count(dir.path()), 0);
}

#[cfg(unix)]
#[test]
fn a_spreadsheet_that_is_a_pipe_is_refused_without_waiting_for_a_writer() {
    let dir = tempfile::tempdir().unwrap();
    add_child(dir.path(), "Amara", "Okafor", None);
    let fifo = dir.path().join("equipment.csv");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let stderr = failure_of(passport(dir.path()).arg("import-csv").arg(&fifo));
    assert!(
        stderr.contains("equipment.csv is not a regular file (it is a pipe)"),
        "{stderr}"
    );
}

#[cfg(unix)]
#[test]
fn a_bundle_a_passphrase_file_and_a_template_that_link_to_dev_zero_are_each_refused() {
    let dir = tempfile::tempdir().unwrap();
    let child = add_child(dir.path(), "Amara", "Okafor", None);
    let zero = link_to_dev_zero(dir.path(), "endless");

    let bundle = failure_of(passport(dir.path()).arg("import").arg(&zero));
    assert!(
        bundle.contains("endless is not a regular file (it is a device): choose a bundle"),
        "{bundle}"
    );

    let secret = failure_of(
        passport(dir.path())
            .args(["export", "--all", "--out"])
            .arg(dir.path().join("all.passport"))
            .arg("--passphrase-file")
            .arg(&zero),
    );
    assert!(
        secret.contains("--passphrase-file: ")
            && secret.contains("endless is not a regular file (it is a device)"),
        "{secret}"
    );
    assert!(!dir.path().join("all.passport").exists());

    let template = failure_of(
        passport(dir.path())
            .args(["print", "--child", &child, "--out"])
            .arg(dir.path().join("passport.pdf"))
            .arg("--template")
            .arg(&zero),
    );
    assert!(
        template.contains("--template: ")
            && template.contains("endless is not a regular file (it is a device)"),
        "{template}"
    );
}

#[test]
fn a_passphrase_file_over_its_limit_is_refused_naming_the_limit() {
    let dir = tempfile::tempdir().unwrap();
    add_child(dir.path(), "Amara", "Okafor", None);
    let secret = dir.path().join("secret.txt");
    std::fs::write(&secret, vec![b'a'; 64 * 1024 + 1]).unwrap();
    let stderr = failure_of(
        passport(dir.path())
            .args(["export", "--all", "--out"])
            .arg(dir.path().join("all.passport"))
            .arg("--passphrase-file")
            .arg(&secret),
    );
    assert!(
        stderr.contains("secret.txt is 64.1 KB; a passphrase file may be at most 64 KB"),
        "{stderr}"
    );
}

#[test]
fn a_missing_file_names_its_cause_once() {
    let dir = tempfile::tempdir().unwrap();
    let item = add_item(dir.path());
    let missing = dir.path().join("missing.jpg");
    let photo = failure_of(
        passport(dir.path())
            .args(["photo", "add", "--item", &item])
            .arg(&missing),
    );
    // The system's own words for "not found", as this system says them (Linux, Windows and
    // Wine each word it differently).
    let not_found = std::io::Error::from_raw_os_error(2).to_string();
    assert_eq!(
        photo.trim_end(),
        format!("error: could not read {}: {not_found}", missing.display())
    );
    let bundle = failure_of(
        passport(dir.path())
            .arg("import")
            .arg(dir.path().join("missing.passport")),
    );
    assert_eq!(bundle.matches(&not_found).count(), 1, "{bundle}");
}

/// Runs `passport ARGS` with its standard output closed before it writes a byte, as
/// `passport children | head -0` would, and returns how it ended and what it said on stderr.
fn with_stdout_closed(dir: &Path, args: &[&std::ffi::OsStr]) -> (std::process::ExitStatus, String) {
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("passport"))
        .arg("--data-dir")
        .arg(dir)
        .args(args)
        .env("PASSPORT_PASSPHRASE", PASSPHRASE)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Opening the caseload takes far longer than this: the reader is gone before any write.
    drop(child.stdout.take());
    let output = child.wait_with_output().unwrap();
    (output.status, String::from_utf8(output.stderr).unwrap())
}

#[test]
fn output_to_a_closed_pipe_ends_quietly_without_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    stdout_of(passport(dir.path()).arg("demo"));
    let (status, stderr) = with_stdout_closed(dir.path(), &["children".as_ref()]);
    assert_eq!(status.code(), Some(141), "{stderr}");
    assert_eq!(stderr, "", "nothing but silence");
}

#[test]
fn an_import_whose_report_cannot_be_printed_still_imports_and_ends_without_a_panic() {
    let from = tempfile::tempdir().unwrap();
    let to = tempfile::tempdir().unwrap();
    add_child(from.path(), "Amara", "Okafor", None);
    let bundle = from.path().join("all.passport");
    stdout_of(
        passport(from.path())
            .args(["export", "--all", "--out"])
            .arg(&bundle),
    );
    add_child(to.path(), "Ben", "Ali", None);
    let (status, stderr) = with_stdout_closed(to.path(), &["import".as_ref(), bundle.as_os_str()]);
    assert_eq!(status.code(), Some(141), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(
        json_of(passport(to.path()).args(["db", "check"]))["children"],
        2,
        "the import was committed before its report was written"
    );
}

#[test]
fn a_batch_print_that_partly_fails_names_the_child_by_id_only() {
    let dir = tempfile::tempdir().unwrap();
    let setting =
        stdout_of(passport(dir.path()).args(["setting", "add", "--name", "Brookside Primary"]));
    let setting = setting.trim();
    add_child(dir.path(), "Amara", "Okafor", Some(setting));
    let blocked = add_child(dir.path(), "Zoë", "Whitfield", Some(setting));
    let out = dir.path().join("printed");
    // A folder where the blocked child's passport would be written.
    std::fs::create_dir_all(out.join("Whitfield, Zoë - school passport.pdf")).unwrap();

    for json in [false, true] {
        let mut cmd = passport(dir.path());
        cmd.args(["print", "--setting", setting, "--out"]).arg(&out);
        if json {
            cmd.arg("--json");
        }
        let output = cmd
            .timeout(Duration::from_secs(300))
            .assert()
            .failure()
            .get_output()
            .clone();
        let stdout = String::from_utf8(output.stdout).unwrap();
        let stderr = String::from_utf8(output.stderr).unwrap();
        for said in [&stdout, &stderr] {
            assert!(
                !said.contains("Zoë") && !said.contains("Whitfield") && !said.contains("Amara"),
                "no child's name: {said}"
            );
        }
        assert!(
            stderr.contains("1 of 2 passports could not be printed"),
            "{stderr}"
        );
        if json {
            let report: serde_json::Value = serde_json::from_str(&stdout).unwrap();
            assert_eq!(report["printed"], 1);
            assert_eq!(report["total"], 2);
            assert_eq!(report["failed"][0]["child_id"], blocked.as_str());
            assert!(report["failed"][0].get("child_name").is_none(), "{report}");
        } else {
            assert!(
                stdout.contains(&format!(
                    "Not printed: child {blocked}: could not write the passport into {}",
                    out.display()
                )),
                "{stdout}"
            );
        }
    }
}

#[test]
fn a_bundle_cut_short_is_called_incomplete_not_a_wrong_passphrase() {
    let dir = tempfile::tempdir().unwrap();
    add_child(dir.path(), "Amara", "Okafor", None);
    let item = add_item(dir.path());
    let photo = dir.path().join("chair.jpg");
    std::fs::write(&photo, jpeg(800, 600)).unwrap();
    stdout_of(
        passport(dir.path())
            .args(["photo", "add", "--item", &item])
            .arg(&photo),
    );
    let bundle = dir.path().join("all.passport");
    stdout_of(
        passport(dir.path())
            .args(["export", "--all", "--out"])
            .arg(&bundle),
    );
    let bytes = std::fs::read(&bundle).unwrap();
    let half = dir.path().join("half.passport");
    std::fs::write(&half, &bytes[..bytes.len() / 2]).unwrap();

    let stderr = failure_of(passport(dir.path()).arg("import").arg(&half));
    assert!(
        stderr.contains("the bundle file is incomplete or damaged"),
        "{stderr}"
    );
    assert!(!stderr.contains("passphrase does not open"), "{stderr}");

    // With the wrong passphrase the same file is still the passphrase's fault.
    let stderr = failure_of(
        passport(dir.path())
            .env("PASSPORT_BUNDLE_PASSPHRASE", format!("not {PASSPHRASE}"))
            .arg("import")
            .arg(&half),
    );
    assert!(
        stderr.contains("this passphrase does not open the bundle"),
        "{stderr}"
    );
}

#[test]
fn a_photo_too_long_on_one_side_is_refused_for_its_size_not_as_damaged() {
    let dir = tempfile::tempdir().unwrap();
    let item = add_item(dir.path());
    let strip = dir.path().join("strip.png");
    std::fs::write(&strip, encode(&card(1, 100_000), image::ImageFormat::Png)).unwrap();
    let stderr = failure_of(
        passport(dir.path())
            .args(["photo", "add", "--item", &item])
            .arg(&strip),
    );
    assert!(
        stderr.contains(&format!(
            "strip.png: the photo is 1 × 100000 pixels; photos may be at most {} pixels on a side",
            equipment_passport::media::MAX_SIDE
        )),
        "{stderr}"
    );
    assert_eq!(photo_count(dir.path()), 0);
}
