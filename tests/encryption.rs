//! Encryption at rest: a caseload is unreadable without its passphrase, a wrong passphrase is
//! told apart from a damaged file, and the passphrase can be changed in place.

use crate::support::*;
use equipment_passport::clock::FixedClock;
use equipment_passport::{Api, Error};
use std::path::Path;
use std::sync::Arc;

const PASSPHRASE: &str = "blue kettle on Tuesday";

fn clock() -> Arc<FixedClock> {
    Arc::new(FixedClock::on(today()))
}

fn new_caseload(dir: &Path) -> Api {
    let mut api = Api::create(dir, PASSPHRASE, clock()).unwrap();
    add_child(&mut api, "Zoë", "Łukasiewicz");
    api
}

#[test]
fn the_right_passphrase_opens_the_caseload() {
    let dir = tempfile::tempdir().unwrap();
    drop(new_caseload(dir.path()));
    let api = Api::open(dir.path(), Some(PASSPHRASE), clock()).unwrap();
    assert_eq!(api.child_count().unwrap(), 1);
}

#[test]
fn a_wrong_or_missing_passphrase_is_refused_with_its_own_error() {
    let dir = tempfile::tempdir().unwrap();
    drop(new_caseload(dir.path()));
    assert!(matches!(
        Api::open(dir.path(), Some("blue kettle on Wednesday"), clock()),
        Err(Error::WrongPassphrase)
    ));
    assert!(matches!(
        Api::open(dir.path(), None, clock()),
        Err(Error::PassphraseRequired)
    ));
    let message = Error::WrongPassphrase.to_string();
    assert_eq!(
        message,
        "the passphrase is not right for this database: check it and try again"
    );
}

#[test]
fn the_file_on_disk_reveals_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let api = new_caseload(dir.path());
    drop(api);
    let bytes = std::fs::read(dir.path().join("passport.db")).unwrap();
    assert!(
        !bytes.starts_with(b"SQLite format 3"),
        "no plain SQLite header"
    );
    for secret in ["Łukasiewicz".as_bytes(), b"children", b"CREATE TABLE"] {
        assert!(
            !bytes.windows(secret.len()).any(|w| w == secret),
            "{:?} is visible",
            String::from_utf8_lossy(secret)
        );
    }
    // Debian's own sqlite3, knowing nothing of the key, cannot read it either.
    if let Ok(out) = std::process::Command::new("sqlite3")
        .arg(dir.path().join("passport.db"))
        .arg("SELECT given_name FROM children")
        .output()
    {
        assert!(!out.status.success());
        assert!(String::from_utf8_lossy(&out.stderr).contains("not a database"));
    }
}

#[test]
fn changing_the_passphrase_rekeys_in_place() {
    let dir = tempfile::tempdir().unwrap();
    let mut api = new_caseload(dir.path());
    let wrong = api
        .change_passphrase("not the passphrase", "green teapot on Friday")
        .unwrap_err();
    assert_eq!(wrong.fields()[0].field, "current");
    let weak = api.change_passphrase(PASSPHRASE, "short").unwrap_err();
    assert_eq!(weak.fields()[0].field, "passphrase");
    api.change_passphrase(PASSPHRASE, "green teapot on Friday")
        .unwrap();
    add_child(&mut api, "Amara", "Okafor");
    drop(api);
    assert!(matches!(
        Api::open(dir.path(), Some(PASSPHRASE), clock()),
        Err(Error::WrongPassphrase)
    ));
    let api = Api::open(dir.path(), Some("green teapot on Friday"), clock()).unwrap();
    assert_eq!(api.child_count().unwrap(), 2);
    assert!(api.check_database().unwrap().ok());
}

#[test]
fn a_new_caseload_needs_a_strong_passphrase_and_an_empty_folder() {
    let dir = tempfile::tempdir().unwrap();
    let weak = Api::create(dir.path(), "kettle", clock()).err().unwrap();
    assert_eq!(weak.fields()[0].field, "passphrase");
    assert!(!Api::exists(dir.path()), "nothing was written");
    drop(new_caseload(dir.path()));
    assert!(matches!(
        Api::create(dir.path(), PASSPHRASE, clock()),
        Err(Error::Conflict(_))
    ));
}

#[test]
fn a_caseload_written_without_a_passphrase_is_encrypted_when_first_opened_with_one() {
    let dir = tempfile::tempdir().unwrap();
    let mut plain = Api::open(dir.path(), None, clock()).unwrap();
    add_child(&mut plain, "Zoë", "Hughes");
    drop(plain);
    let api = Api::open(dir.path(), Some(PASSPHRASE), clock()).unwrap();
    assert_eq!(
        api.search_children("zoe", None, 5).unwrap().children.len(),
        1
    );
    drop(api);
    let bytes = std::fs::read(dir.path().join("passport.db")).unwrap();
    assert!(!bytes.starts_with(b"SQLite format 3"));
    assert!(matches!(
        Api::open(dir.path(), None, clock()),
        Err(Error::PassphraseRequired)
    ));
}

#[test]
fn a_passphrase_with_quotes_is_taken_literally() {
    let dir = tempfile::tempdir().unwrap();
    let tricky = "it's a 'kettle'; DROP TABLE children; --";
    let mut api = Api::create(dir.path(), tricky, clock()).unwrap();
    add_child(&mut api, "Amara", "Okafor");
    drop(api);
    let api = Api::open(dir.path(), Some(tricky), clock()).unwrap();
    assert_eq!(api.child_count().unwrap(), 1);
}
