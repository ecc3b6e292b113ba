//! Where the command line gets the caseload's passphrase: a prompt when a person is at a
//! terminal, the environment variable `PASSPORT_PASSPHRASE` when a script runs it (no
//! terminal), and never a command-line argument, which other users of the computer can see.

use anyhow::{Context, Result, bail};
use std::io::IsTerminal;

pub const ENV: &str = "PASSPORT_PASSPHRASE";
pub const NEW_ENV: &str = "PASSPORT_NEW_PASSPHRASE";

fn from_env(var: &str) -> Result<String> {
    match std::env::var(var) {
        Ok(value) if !value.is_empty() => Ok(value),
        _ => bail!(
            "this caseload is encrypted and there is no terminal to ask for its passphrase: set {var} for scripts"
        ),
    }
}

fn prompt(question: &str) -> Result<String> {
    rpassword::prompt_password(question).context("could not read the passphrase")
}

/// The passphrase of an existing caseload.
pub fn existing() -> Result<String> {
    if std::io::stdin().is_terminal() {
        prompt("Passphrase: ")
    } else {
        from_env(ENV)
    }
}

/// A passphrase for a new caseload (asked twice at a terminal, so a typing slip cannot lock
/// the user out).
pub fn new(var: &str, what: &str) -> Result<String> {
    if !std::io::stdin().is_terminal() {
        return from_env(var);
    }
    eprintln!(
        "Choose a passphrase for {what}: at least 10 characters, a few words you will remember. It cannot be recovered if lost."
    );
    let first = prompt("New passphrase: ")?;
    let second = prompt("Type it again: ")?;
    if first != second {
        bail!("the two passphrases were different: nothing was changed, try again");
    }
    Ok(first)
}
