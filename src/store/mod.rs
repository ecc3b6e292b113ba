//! The SQLite store: opening (pragmas, passphrase, migrations) and one module per aggregate.
//! Every function takes a `&Connection`, so the api can put several writes in one transaction.
//!
//! Photos live in the database too, so a caseload is one file to back up and, with a
//! passphrase, one file to encrypt (SQLCipher).

pub mod app_files;
pub mod app_settings;
pub mod audit;
pub mod backup;
mod caseload_lock;
pub mod children;
pub mod contacts;
pub(crate) mod data_folder;
pub mod dfg;
pub mod due;
pub mod evacuation;
pub mod handling;
pub mod issued;
pub mod items;
pub(crate) mod permissions;
pub mod photos;
pub mod safety_notices;
pub mod schedules;
mod schema;
pub mod service_records;
pub mod settings;
mod sql;
pub mod suppliers;
pub mod training;

use crate::error::{Error, Result};
use rusqlite::{Connection, ErrorCode, OpenFlags};
use std::path::{Path, PathBuf};
use std::time::Duration;

pub use caseload_lock::{CaseloadLock, ExclusiveGuard, exclusive_for_new};
pub use schema::SCHEMA_VERSION;

/// Brings a bare connection's schema up to `target` (not the current version): for upgrade
/// tests that build a database as an older version of the app left it.
#[doc(hidden)]
pub fn migrate_to(conn: &mut Connection, target: u32) -> Result<()> {
    schema::migrate_to(conn, target)
}

/// How long a write waits for another program's write to finish before giving up. Writers
/// take turns (see [`Store::transaction`]); an import of tens of thousands of rows takes a
/// few seconds, so the wait is generous.
const BUSY_WAIT: Duration = Duration::from_secs(30);

/// A file next to `path` with `suffix` added to its name.
pub(crate) fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(suffix);
    path.with_file_name(name)
}

/// Removes a scratch database (and any journal SQLite left beside it) however the work ends.
pub(crate) struct ScratchFile(pub PathBuf);

impl Drop for ScratchFile {
    fn drop(&mut self) {
        let _ = crate::file_moves::remove_file(&self.0);
        for suffix in ["-journal", "-wal", "-shm"] {
            let _ = crate::file_moves::remove_file(&sibling(&self.0, suffix));
        }
    }
}

/// Puts the finished database `from` at `to`, unless a file is already there: then
/// `Ok(false)`, and `to` is untouched. A hard link is the one way to do that atomically that
/// both Unix and Windows (NTFS) have; where the file system has no hard links (a FAT stick),
/// a rename into a free name is the next best.
pub(crate) fn place_new(from: &Path, to: &Path) -> Result<bool> {
    let failed = |e| Error::io(format!("could not write {}", to.display()), e);
    match std::fs::hard_link(from, to) {
        Ok(()) => Ok(true),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(false),
        Err(_) if to.exists() => Ok(false),
        Err(_) => crate::file_moves::rename(from, to)
            .map(|()| true)
            .map_err(failed),
    }
}

/// The first 16 bytes of an unencrypted SQLite file; an encrypted one starts with random salt.
const PLAIN_HEADER: &[u8; 16] = b"SQLite format 3\0";

fn is_plaintext_sqlite(path: &Path) -> Result<bool> {
    use std::io::Read;
    let mut header = [0u8; 16];
    match std::fs::File::open(path) {
        Ok(mut file) => Ok(file.read_exact(&mut header).is_ok() && &header == PLAIN_HEADER),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(false),
        Err(e) => Err(Error::io(format!("could not read {}", path.display()), e)),
    }
}

/// Encrypts a caseload written without a passphrase: SQLCipher copies it into a new encrypted
/// file, which then replaces the plain one (and its WAL). The plain file's old disk blocks are
/// not wiped; full-disk encryption covers those.
fn encrypt_in_place(path: &Path, passphrase: &str) -> Result<()> {
    let encrypting = path.with_extension("db.encrypting");
    let _ = crate::file_moves::remove_file(&encrypting);
    {
        let conn = Connection::open(path)?;
        let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
        // ATTACH's KEY must be a literal for SQLCipher to derive the key as PRAGMA key does.
        conn.execute(
            &format!(
                "ATTACH DATABASE ?1 AS encrypted KEY '{}'",
                passphrase.replace('\'', "''")
            ),
            [encrypting.to_string_lossy()],
        )?;
        conn.query_row("SELECT sqlcipher_export('encrypted')", [], |_| Ok(()))?;
        conn.pragma_update(Some("encrypted"), "user_version", version)?;
        conn.execute("DETACH DATABASE encrypted", [])?;
    }
    crate::file_moves::rename(&encrypting, path)
        .map_err(|e| Error::io(format!("could not replace {}", path.display()), e))?;
    for leftover in ["db-wal", "db-shm"] {
        let _ = crate::file_moves::remove_file(&path.with_extension(leftover));
    }
    Ok(())
}

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

/// What a further connection to an open caseload may do (see [`Store::connect_again`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Reads only: any statement that would write fails.
    ReadOnly,
    /// Reads and writes, taking turns with the caseload's other writers.
    ReadWrite,
}

/// An open caseload database.
pub struct Store {
    conn: Connection,
    path: Option<PathBuf>,
    /// Held in memory while the caseload is open, to key backups (see [`backup`]).
    passphrase: Option<backup::Secret>,
    /// Shared while the caseload is open; a restore makes it exclusive. None in memory.
    lock: Option<std::sync::Arc<CaseloadLock>>,
}

impl Store {
    /// Opens (creating if need be) the database at `path`, unlocking it with `passphrase`
    /// when it is encrypted, and brings its schema up to date. A new database is built under a
    /// scratch name and only then put in place, so two programs starting a caseload at once
    /// end up sharing one, and a failure part-way leaves nothing behind.
    pub fn open(path: &Path, passphrase: Option<&str>) -> Result<Store> {
        if let Some(parent) = path.parent()
            && !parent.as_os_str().is_empty()
        {
            permissions::create_private_dir_all(parent).map_err(|e| {
                Error::io(
                    format!("could not create the folder {}", parent.display()),
                    e,
                )
            })?;
        }
        let lock = CaseloadLock::shared(path)?;
        if !path.exists() {
            Store::create_new(path, passphrase)?;
        }
        for file in [
            path.to_path_buf(),
            sibling(path, "-wal"),
            sibling(path, "-shm"),
        ] {
            permissions::make_private(&file);
        }
        if let Some(passphrase) = passphrase
            && is_plaintext_sqlite(path)?
        {
            encrypt_in_place(path, passphrase)?;
        }
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        let mut store = Store {
            conn,
            path: Some(path.to_path_buf()),
            passphrase: passphrase.map(backup::Secret::new),
            lock: Some(std::sync::Arc::new(lock)),
        };
        store.unlock(passphrase)?;
        store.prepare()?;
        Ok(store)
    }

    /// Builds a new, empty caseload database (keyed, schema in place) under a scratch name
    /// beside `path`, then puts it at `path` unless another program got there first.
    fn create_new(path: &Path, passphrase: Option<&str>) -> Result<()> {
        let scratch = ScratchFile(sibling(
            path,
            &format!(".new-{}", uuid::Uuid::now_v7().simple()),
        ));
        permissions::create_private_file(&scratch.0, true)
            .map_err(|e| Error::io(format!("could not create {}", scratch.0.display()), e))?;
        {
            let conn = Connection::open_with_flags(
                &scratch.0,
                OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
            )?;
            let mut store = Store {
                conn,
                path: Some(scratch.0.clone()),
                passphrase: None,
                lock: None,
            };
            store.unlock(passphrase)?;
            store.prepare()?;
            // Closing the only connection checkpoints the WAL into the file and removes it.
        }
        place_new(&scratch.0, path)?;
        Ok(())
    }

    /// A private in-memory database (tests, benchmarks).
    pub fn open_in_memory() -> Result<Store> {
        let mut store = Store {
            conn: Connection::open_in_memory()?,
            path: None,
            passphrase: None,
            lock: None,
        };
        store.prepare()?;
        Ok(store)
    }

    /// Applies the passphrase (SQLCipher derives the key from it with PBKDF2-HMAC-SHA512 and
    /// the salt in the file's first bytes), then proves it by reading the schema.
    fn unlock(&mut self, passphrase: Option<&str>) -> Result<()> {
        // SQLCipher logs a failed key check to stderr; the caller gets a clear error instead.
        self.conn.pragma_update(None, "cipher_log_level", "NONE")?;
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
        // A 32 MiB page cache holds a large caseload's hot pages already decrypted: with
        // SQLCipher every page read from disk is decrypted and authenticated again.
        self.configure(32 * 1024)?;
        schema::migrate(&mut self.conn)
    }

    /// The connection's settings, the same for every connection to the caseload.
    fn configure(&mut self, cache_kib: i64) -> Result<()> {
        self.conn.pragma_update(None, "foreign_keys", "ON")?;
        self.conn.busy_timeout(BUSY_WAIT)?;
        self.conn.pragma_update(None, "cache_size", -cache_kib)?;
        if self.path.is_some() {
            let mode: String =
                self.conn
                    .pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))?;
            debug_assert_eq!(mode.to_lowercase(), "wal");
            // WAL with synchronous=NORMAL is durable across application crashes; only a power
            // cut can lose the last commits, and never corrupts the file.
            self.conn.pragma_update(None, "synchronous", "NORMAL")?;
        }
        register_functions(&self.conn)
    }

    /// A second connection to the same caseload file, keyed with the passphrase this one was
    /// opened with: for work on another thread, so that it never waits behind this one's.
    /// [`Access::ReadOnly`] refuses every write (`query_only`). It holds its own shared
    /// [`CaseloadLock`], so a restore waits until it is closed. The schema must be the one
    /// this connection brought up to date (nothing is migrated here).
    pub fn connect_again(&self, access: Access) -> Result<Store> {
        let Some(path) = &self.path else {
            return Err(Error::Conflict(
                "a caseload held in memory has only one connection".into(),
            ));
        };
        let passphrase = self.passphrase_str();
        let lock = CaseloadLock::shared(path)?;
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        let mut store = Store {
            conn,
            path: Some(path.clone()),
            passphrase: passphrase.map(backup::Secret::new),
            lock: Some(std::sync::Arc::new(lock)),
        };
        store.unlock(passphrase)?;
        // Readers answer screens and searches: a smaller cache each, as there are several.
        store.configure(match access {
            Access::ReadOnly => 8 * 1024,
            Access::ReadWrite => 32 * 1024,
        })?;
        let found = store.schema_version()?;
        if found != SCHEMA_VERSION {
            return Err(Error::Conflict(format!(
                "the caseload's layout changed while it was open (version {found}, expected {SCHEMA_VERSION}): close the app and open it again"
            )));
        }
        if access == Access::ReadOnly {
            store.conn.pragma_update(None, "query_only", "ON")?;
        }
        Ok(store)
    }

    /// Re-encrypts the whole database under a new passphrase, in place.
    pub fn change_passphrase(&mut self, new: &str) -> Result<()> {
        crate::model::passphrase::check_new(new)?;
        self.conn.pragma_update(None, "rekey", new)?;
        self.passphrase = Some(backup::Secret::new(new));
        Ok(())
    }

    /// Whether `passphrase` opens the database file (checked on a second connection, so the
    /// open one is untouched).
    pub fn passphrase_opens(&self, passphrase: &str) -> Result<bool> {
        let Some(path) = &self.path else {
            return Ok(true);
        };
        let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
        conn.pragma_update(None, "key", passphrase)?;
        match conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| {
            r.get::<_, i64>(0)
        }) {
            Ok(_) => Ok(true),
            Err(rusqlite::Error::SqliteFailure(e, _)) if e.code == ErrorCode::NotADatabase => {
                Ok(false)
            }
            Err(e) => Err(e.into()),
        }
    }

    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Starts a write transaction; dropped without `commit`, it rolls back. See
    /// [`WriteTransaction`]: it nests, and the outermost one takes the write lock at once.
    pub fn transaction(&mut self) -> Result<WriteTransaction<'_>> {
        WriteTransaction::begin(&self.conn)
    }

    /// Keeps every other program (and every other connection of this one) away from the
    /// caseload until the guard is dropped: for a restore. `None` for a database in memory.
    pub fn exclusive(&self) -> Result<Option<ExclusiveGuard>> {
        self.lock.as_ref().map(|lock| lock.exclusive()).transpose()
    }

    pub fn schema_version(&self) -> Result<u32> {
        schema::version(&self.conn)
    }

    /// SQLite's own integrity check, a foreign key check, and children sharing an NHS
    /// number: empty when all is well.
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
        if !problems.is_empty() {
            problems.push("the file is damaged: restore it from a backup".into());
        }
        // Left by versions before 6, which did not refuse a second child with one number.
        for group in children::shared_nhs_numbers(&self.conn)? {
            let ids: Vec<String> = group.iter().map(ToString::to_string).collect();
            problems.push(format!(
                "children {} share an NHS number, which belongs to one child: correct it on the records that are not theirs",
                ids.join(", ")
            ));
        }
        Ok(problems)
    }
}

/// A write transaction on one connection, begun and ended by hand: for work that needs the
/// whole api in between, so cannot hold a [`WriteTransaction`] borrowing the connection.
///
/// The outermost one starts with `BEGIN IMMEDIATE`, taking the database's write lock before
/// it reads anything: a transaction that read first and wrote later could find, at its first
/// write, that another program had written meanwhile, and SQLite would then refuse it at once
/// ("database is locked") instead of letting it wait its turn. Inside another transaction it
/// is a savepoint, so it becomes part of the larger whole.
#[must_use = "a write scope must be ended, or its transaction stays open"]
pub struct WriteScope {
    outermost: bool,
}

impl WriteScope {
    pub fn begin(conn: &Connection) -> Result<WriteScope> {
        let outermost = conn.is_autocommit();
        conn.execute_batch(if outermost {
            "BEGIN IMMEDIATE"
        } else {
            "SAVEPOINT write_scope"
        })?;
        Ok(WriteScope { outermost })
    }

    /// Keeps what was written (`keep`) or undoes it. If keeping fails, nothing is kept.
    pub fn end(self, conn: &Connection, keep: bool) -> Result<()> {
        if keep {
            let sql = if self.outermost {
                "COMMIT"
            } else {
                "RELEASE write_scope"
            };
            if let Err(e) = conn.execute_batch(sql) {
                self.undo(conn);
                return Err(e.into());
            }
            return Ok(());
        }
        self.undo(conn);
        Ok(())
    }

    fn undo(&self, conn: &Connection) {
        let sql = if self.outermost {
            "ROLLBACK"
        } else {
            "ROLLBACK TO write_scope; RELEASE write_scope"
        };
        // A rollback fails only when SQLite has already rolled the transaction back itself
        // (after an I/O error, say); either way nothing of it is kept.
        let _ = conn.execute_batch(sql);
    }
}

/// A [`WriteScope`] tied to its connection: dropped without `commit`, it rolls back. It
/// nests, and the outermost one takes the write lock at once.
pub struct WriteTransaction<'c> {
    conn: &'c Connection,
    scope: Option<WriteScope>,
}

impl<'c> WriteTransaction<'c> {
    pub fn begin(conn: &'c Connection) -> Result<WriteTransaction<'c>> {
        Ok(WriteTransaction {
            conn,
            scope: Some(WriteScope::begin(conn)?),
        })
    }

    /// Keeps what was written.
    pub fn commit(mut self) -> Result<()> {
        match self.scope.take() {
            Some(scope) => scope.end(self.conn, true),
            None => Ok(()),
        }
    }
}

impl std::ops::Deref for WriteTransaction<'_> {
    type Target = Connection;

    fn deref(&self) -> &Connection {
        self.conn
    }
}

impl Drop for WriteTransaction<'_> {
    fn drop(&mut self) {
        if let Some(scope) = self.scope.take() {
            let _ = scope.end(self.conn, false);
        }
    }
}
