//! The `passport` command line as a script runs it, against a temporary data folder.

use assert_cmd::Command;
use std::path::Path;

/// The passphrase every CLI test's caseload is made with.
pub const PASSPHRASE: &str = "blue kettle on Tuesday";

/// The CLI with no terminal, so the passphrase comes from the environment (and a bundle's
/// passphrase from nowhere unless a test gives one).
pub fn passport(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("passport").unwrap();
    cmd.arg("--data-dir")
        .arg(dir)
        .env("PASSPORT_PASSPHRASE", PASSPHRASE)
        .env_remove("PASSPORT_BUNDLE_PASSPHRASE");
    cmd
}
