//! The SQLite store: opening (pragmas, passphrase, migrations) and one module per aggregate.
//! Every function takes a `&Connection`, so the api can put several writes in one transaction.
//!
//! Photos live in the database too, so a caseload is one file to back up and, with a
//! passphrase, one file to encrypt (SQLCipher).

pub mod app_settings;
pub mod children;
pub mod contacts;
pub mod due;
pub mod items;
pub mod photos;
mod schema;
pub mod service_records;
pub mod settings;
mod sql;
pub mod suppliers;

use crate::error::{Error, Result};
use rusqlite::{Connection, ErrorCode, OpenFlags, Savepoint};
use std::path::{Path, PathBuf};

pub use schema::SCHEMA_VERSION;

/// SQL functions the store's statements use, implemented once in the model.
fn register_functions(conn: &Connection) -> Result<()> {
    use rusqlite::functions::FunctionFlags;
    conn.create_scalar_function(
        "display_name",
        3,
        FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC,
        |ctx| {
            let given = ctx.get_raw(0).as_str().map_err(rusqlite::Error::from)?;
            let family = ctx.get_raw(1).as_str().map_err(rusqlite::Error::from)?;
            let preferred = ctx.get_raw(2).as_str().map_err(rusqlite::Error::from)?;
            Ok(crate::model::ChildDetails::display_name_of(
                given, family, preferred,
            ))
        },
    )?;
    Ok(())
}

/// An open caseload database.
pub struct Store {
    conn: Connection,
    path: Option<PathBuf>,
}

impl Store {
    /// Opens (creating if need be) the database at `path`, unlocking it with `passphrase`
    /// when it is encrypted, and brings its schema up to date.
    pub fn open(path: &Path, passphrase: Option<&str>) -> Result<Store> {
        if let Some(parent) = path.parent()
            && !parent.as_os_str().is_empty()
        {
            std::fs::create_dir_all(parent).map_err(|e| {
                Error::io(
                    format!("could not create the folder {}", parent.display()),
                    e,
                )
            })?;
        }
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        let mut store = Store {
            conn,
            path: Some(path.to_path_buf()),
        };
        store.unlock(passphrase)?;
        store.prepare()?;
        Ok(store)
    }

    /// A private in-memory database (tests, benchmarks).
    pub fn open_in_memory() -> Result<Store> {
        let mut store = Store {
            conn: Connection::open_in_memory()?,
            path: None,
        };
        store.prepare()?;
        Ok(store)
    }

    /// Applies the passphrase (SQLCipher derives the key from it with PBKDF2-HMAC-SHA512 and
    /// the salt in the file's first bytes), then proves it by reading the schema.
    fn unlock(&mut self, passphrase: Option<&str>) -> Result<()> {
        if let Some(passphrase) = passphrase {
            self.conn.pragma_update(None, "key", passphrase)?;
        }
        match self
            .conn
            .query_row("SELECT count(*) FROM sqlite_master", [], |r| {
                r.get::<_, i64>(0)
            }) {
            Ok(_) => Ok(()),
            Err(rusqlite::Error::SqliteFailure(e, _)) if e.code == ErrorCode::NotADatabase => {
                Err(if passphrase.is_some() {
                    Error::WrongPassphrase
                } else {
                    Error::PassphraseRequired
                })
            }
            Err(e) => Err(e.into()),
        }
    }

    fn prepare(&mut self) -> Result<()> {
        self.conn.pragma_update(None, "foreign_keys", "ON")?;
        self.conn.busy_timeout(std::time::Duration::from_secs(5))?;
        // A 32 MiB page cache holds a large caseload's hot pages already decrypted: with
        // SQLCipher every page read from disk is decrypted and authenticated again.
        self.conn.pragma_update(None, "cache_size", -32_768)?;
        if self.path.is_some() {
            let mode: String =
                self.conn
                    .pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))?;
            debug_assert_eq!(mode.to_lowercase(), "wal");
            // WAL with synchronous=NORMAL is durable across application crashes; only a power
            // cut can lose the last commits, and never corrupts the file.
            self.conn.pragma_update(None, "synchronous", "NORMAL")?;
        }
        register_functions(&self.conn)?;
        schema::migrate(&mut self.conn)
    }

    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Starts a transaction; dropped without `commit`, it rolls back. It is a savepoint, so
    /// it nests: inside [`crate::Api::all_or_nothing`] it becomes part of the larger whole.
    pub fn transaction(&mut self) -> Result<Savepoint<'_>> {
        Ok(self.conn.savepoint()?)
    }

    pub fn schema_version(&self) -> Result<u32> {
        schema::version(&self.conn)
    }

    /// SQLite's own integrity check plus a foreign key check: empty when all is well.
    pub fn integrity_problems(&self) -> Result<Vec<String>> {
        let mut problems: Vec<String> = self
            .conn
            .prepare("PRAGMA integrity_check")?
            .query_map([], |r| r.get::<_, String>(0))?
            .collect::<rusqlite::Result<_>>()?;
        problems.retain(|p| p != "ok");
        let mut fk = self.conn.prepare("PRAGMA foreign_key_check")?;
        let broken = fk.query_map([], |r| {
            Ok(format!(
                "row {} of {} points at a missing {}",
                r.get::<_, Option<i64>>(1)?.unwrap_or_default(),
                r.get::<_, String>(0)?,
                r.get::<_, String>(2)?
            ))
        })?;
        for b in broken {
            problems.push(b?);
        }
        Ok(problems)
    }
}
