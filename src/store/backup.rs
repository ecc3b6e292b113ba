//! Whole-caseload copies. A backup is written with SQLite's online backup API, page by page
//! from one read snapshot, so it is consistent even while the app (or another process) keeps
//! writing; with SQLCipher each page is decrypted as it is read and encrypted again under the
//! same passphrase as it is written, so a backup is as unreadable as the caseload itself.
//!
//! A restore first proves the candidate file (it opens with the passphrase, passes SQLite's
//! integrity and foreign key checks, and is a caseload no newer than this binary), and only then
//! copies its pages over the live database, again with the backup API: one write transaction
//! that other connections see all at once, so there are no files to swap under a running app
//! and no `-wal`/`-shm` files left describing the old content.

use super::{SCHEMA_VERSION, ScratchFile, Store, permissions, schema, sibling};
use crate::error::{Error, FieldError, Result};
use rusqlite::backup::Backup;
use rusqlite::{Connection, ErrorCode, OpenFlags};
use std::path::Path;
use std::time::Duration;

/// The passphrase, held in memory only while the caseload is open and wiped when dropped.
pub struct Secret(String);

impl Secret {
    pub fn new(text: &str) -> Secret {
        Secret(text.to_string())
    }

    fn expose(&self) -> &str {
        &self.0
    }
}

impl Drop for Secret {
    fn drop(&mut self) {
        // SAFETY: zero bytes are valid UTF-8, so the String stays well formed.
        let bytes = unsafe { self.0.as_bytes_mut() };
        for b in bytes.iter_mut() {
            // Volatile, so the wipe is not optimised away as a dead store.
            unsafe { std::ptr::write_volatile(b, 0) };
        }
    }
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret(..)")
    }
}

/// What a verified backup holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BackupFacts {
    pub schema_version: u32,
    pub children: usize,
}

fn copy_pages(from: &Connection, to: &mut Connection) -> Result<()> {
    use rusqlite::backup::StepResult;
    let backup = Backup::new(from, to)?;
    // One step of all pages (-1), so the copy is taken from a single read snapshot of the
    // source; if another connection holds a lock, wait a little and try again.
    for _ in 0..200 {
        match backup.step(-1)? {
            StepResult::Done => return Ok(()),
            StepResult::More | StepResult::Busy | StepResult::Locked => {
                std::thread::sleep(Duration::from_millis(50))
            }
            _ => std::thread::sleep(Duration::from_millis(50)),
        }
    }
    Err(Error::Conflict(
        "the database stayed busy for ten seconds: close other programs using it and try again"
            .into(),
    ))
}

fn backup_problem(message: impl Into<String>) -> Error {
    Error::Invalid(vec![FieldError::new("backup", message)])
}

/// Whether the file at `path` is an unencrypted SQLite database.
pub fn is_plaintext(path: &Path) -> Result<bool> {
    super::is_plaintext_sqlite(path)
}

impl Store {
    /// The passphrase the caseload was opened with, if any.
    pub(crate) fn passphrase_str(&self) -> Option<&str> {
        self.passphrase.as_ref().map(Secret::expose)
    }

    /// Writes a consistent copy of the whole database to `dest`, encrypted with the same
    /// passphrase (a caseload opened without one is copied unencrypted). The copy is built
    /// beside `dest` and renamed into place, so `dest` is never a half-written file.
    pub fn backup_to(&self, dest: &Path) -> Result<()> {
        if let (Some(live), Ok(target)) = (&self.path, dest.canonicalize())
            && live.canonicalize().ok().as_ref() == Some(&target)
        {
            return Err(backup_problem(
                "that is the caseload's own database file: choose another file for the backup",
            ));
        }
        // A name of its own, so two programs making the day's backup at once never write
        // into (or remove) each other's half-made copy.
        let partial = ScratchFile(sibling(
            dest,
            &format!(".partial-{}", uuid::Uuid::now_v7().simple()),
        ));
        let write_failed = |e| Error::io(format!("could not write {}", partial.0.display()), e);
        permissions::create_private_file(&partial.0, true).map_err(write_failed)?;
        let mut out = Connection::open(&partial.0)?;
        out.pragma_update(None, "cipher_log_level", "NONE")?;
        if let Some(secret) = &self.passphrase {
            out.pragma_update(None, "key", secret.expose())?;
        }
        copy_pages(&self.conn, &mut out)?;
        // The copy carries the live file's WAL flag; a backup is one self-contained file.
        out.pragma_update_and_check(None, "journal_mode", "DELETE", |_| Ok(()))?;
        drop(out);
        // Flushed to disk before it takes the backup's name. Windows flushes only through a
        // handle opened for writing (FlushFileBuffers), so the file is opened to write.
        std::fs::OpenOptions::new()
            .write(true)
            .open(&partial.0)
            .and_then(|f| f.sync_all())
            .map_err(write_failed)?;
        crate::file_moves::rename(&partial.0, dest)
            .map_err(|e| Error::io(format!("could not write {}", dest.display()), e))
    }

    /// Replaces the whole content of this database with a verified backup's (see [`verify`]),
    /// in one transaction, then brings its schema up to date. The database keeps its own
    /// passphrase: pages are re-encrypted as they are written.
    pub fn restore_from(&mut self, backup: &Connection) -> Result<()> {
        copy_pages(backup, &mut self.conn)?;
        // The copied header may say "rollback journal"; a file database works in WAL mode.
        self.prepare()
    }
}

/// Refuses a zero-byte file, which SQLite would otherwise take for an empty database.
pub fn refuse_empty(path: &Path) -> Result<()> {
    if std::fs::metadata(path).is_ok_and(|m| m.len() == 0) {
        return Err(backup_problem(format!(
            "{} is empty (0 bytes), so it holds no caseload: the copy was cut short or is not a backup; try another file",
            path.display()
        )));
    }
    Ok(())
}

/// Opens a candidate backup and proves it is a whole, undamaged caseload that this binary can
/// read, before anything is replaced. Returns the open connection, ready to restore from.
pub fn verify(path: &Path, passphrase: Option<&str>) -> Result<(Connection, BackupFacts)> {
    if !path.is_file() {
        return Err(backup_problem(format!(
            "there is no backup file at {}",
            path.display()
        )));
    }
    refuse_empty(path)?;
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_WRITE)?;
    conn.pragma_update(None, "cipher_log_level", "NONE")?;
    let plain = super::is_plaintext_sqlite(path)?;
    if let Some(passphrase) = passphrase
        && !plain
    {
        conn.pragma_update(None, "key", passphrase)?;
    }
    match conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| {
        r.get::<_, i64>(0)
    }) {
        Ok(_) => {}
        Err(rusqlite::Error::SqliteFailure(e, _))
            if matches!(e.code, ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt) =>
        {
            return Err(Error::invalid(
                "passphrase",
                "this file does not open with that passphrase: use the passphrase the caseload had when the backup was made (or the file is not a backup, or is damaged)",
            ));
        }
        Err(e) => return Err(e.into()),
    }
    let damaged = |e: rusqlite::Error| {
        backup_problem(format!(
            "the backup is damaged and cannot be restored ({e}): try an older backup"
        ))
    };
    let found = schema::version(&conn).map_err(|e| match e {
        Error::Storage(e) => damaged(e),
        other => other,
    })?;
    if found > SCHEMA_VERSION {
        return Err(Error::DatabaseTooNew {
            found,
            supported: SCHEMA_VERSION,
        });
    }
    let is_caseload = conn
        .query_row(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'children'",
            [],
            |_| Ok(()),
        )
        .is_ok();
    if found == 0 || !is_caseload {
        return Err(backup_problem(
            "this file is a database but not an Equipment Passport caseload",
        ));
    }
    let mut problems: Vec<String> = conn
        .prepare("PRAGMA integrity_check")
        .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
        .map_err(damaged)?;
    problems.retain(|p| p != "ok");
    let broken_links: i64 = conn
        .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
            r.get(0)
        })
        .map_err(damaged)?;
    if broken_links > 0 {
        problems.push(format!("{broken_links} rows point at missing records"));
    }
    if !problems.is_empty() {
        return Err(backup_problem(format!(
            "the backup is damaged and cannot be restored ({}): try an older backup",
            problems.join("; ")
        )));
    }
    let children: i64 = conn
        .query_row("SELECT count(*) FROM children", [], |r| r.get(0))
        .map_err(damaged)?;
    Ok((
        conn,
        BackupFacts {
            schema_version: found,
            children: children as usize,
        },
    ))
}
