//! Backups and restore. A backup is one file, encrypted with the caseload's passphrase,
//! written from a consistent snapshot while the app keeps running (see `store::backup`).
//! Automatic backups are kept in `backups/` in the data folder: at most one a day, the
//! newest seven. A restore proves the backup before it replaces anything, and first keeps the
//! database it replaces as a backup in the same folder.

use super::{Api, DATABASE_FILE};
use crate::clock::Clock;
use crate::error::{Error, Result};
use crate::store::backup::{self as copies, BackupFacts};
use crate::store::{ScratchFile, permissions};
use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The folder inside the data folder that holds automatic backups and replaced databases.
pub const BACKUP_FOLDER: &str = "backups";

/// How many automatic (daily) backups are kept.
pub const AUTOMATIC_BACKUPS_KEPT: usize = 7;

const AUTOMATIC_PREFIX: &str = "passport-";
const REPLACED_PREFIX: &str = "before-restore-";

/// What a backup wrote.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct BackupReport {
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub path: PathBuf,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub bytes: u64,
    pub children: usize,
    pub schema_version: u32,
    /// Whether the file is encrypted (always, for a caseload opened with a passphrase).
    pub encrypted: bool,
}

/// What a restore did.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct RestoreReport {
    /// Children in the restored caseload.
    pub children: usize,
    /// The schema version the backup was written at (upgraded to the current one on restore).
    pub backup_schema_version: u32,
    /// Where the database that was replaced is kept; none when there was no caseload.
    #[cfg_attr(feature = "ts", ts(type = "string | null"))]
    pub replaced_database: Option<PathBuf>,
}

/// One backup in the data folder's `backups/`.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct BackupFile {
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub path: PathBuf,
    /// Made automatically (daily), rather than kept when a restore replaced the database.
    pub automatic: bool,
    pub modified: Option<DateTime<Utc>>,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub bytes: u64,
}

fn automatic_name(day: NaiveDate) -> String {
    format!("{AUTOMATIC_PREFIX}{}.db", day.format("%Y-%m-%d"))
}

/// The day an automatic backup was made, from its name.
fn automatic_day(name: &str) -> Option<NaiveDate> {
    let day = name.strip_prefix(AUTOMATIC_PREFIX)?.strip_suffix(".db")?;
    NaiveDate::parse_from_str(day, "%Y-%m-%d").ok()
}

fn create_dir(dir: &Path) -> Result<()> {
    permissions::create_private_dir_all(dir)
        .map_err(|e| Error::io(format!("could not create the folder {}", dir.display()), e))
}

/// Copies the candidate into the backups folder, so verifying and restoring never write to
/// the user's file (which may be on a read-only stick). The copy is removed however the
/// restore ends (unless it became the caseload, under another name).
fn stage(backup: &Path, backups: &Path) -> Result<ScratchFile> {
    if !backup.is_file() {
        return Err(Error::invalid(
            "backup",
            format!("there is no backup file at {}", backup.display()),
        ));
    }
    copies::refuse_empty(backup)?;
    create_dir(backups)?;
    let staged =
        ScratchFile(backups.join(format!(".restoring-{}.db", uuid::Uuid::now_v7().simple())));
    let mut from = std::fs::File::open(backup)
        .map_err(|e| Error::io(format!("could not read {}", backup.display()), e))?;
    let mut to = permissions::create_private_file(&staged.0, true)
        .map_err(|e| Error::io(format!("could not write {}", staged.0.display()), e))?;
    std::io::copy(&mut from, &mut to)
        .map_err(|e| Error::io(format!("could not copy {}", backup.display()), e))?;
    Ok(staged)
}

impl Api {
    fn backups_dir(&self) -> Option<PathBuf> {
        self.data_dir.as_ref().map(|d| d.join(BACKUP_FOLDER))
    }

    /// The name a backup made today is offered under: "Caseload backup 2026-12-07.db".
    pub fn backup_file_name(&self) -> String {
        format!("Caseload backup {}.db", self.today().format("%Y-%m-%d"))
    }

    /// Writes a backup of the whole caseload to `path` (replacing a file already there), safe
    /// while the app is in use, encrypted with the caseload's passphrase.
    pub fn backup_to(&self, path: &Path) -> Result<BackupReport> {
        self.store.backup_to(path)?;
        let bytes = std::fs::metadata(path)
            .map_err(|e| Error::io(format!("could not read {}", path.display()), e))?
            .len();
        Ok(BackupReport {
            path: path.to_path_buf(),
            bytes,
            children: crate::store::children::count(self.store.conn())?,
            schema_version: self.store.schema_version()?,
            encrypted: !copies::is_plaintext(path)?,
        })
    }

    /// Makes today's automatic backup in `backups/` if there is none yet (at most one a day),
    /// then keeps only the newest seven. Returns the new backup's path, or `None` when today's
    /// exists already (or the caseload is held in memory).
    pub fn automatic_backup(&self) -> Result<Option<PathBuf>> {
        let Some(dir) = self.backups_dir() else {
            return Ok(None);
        };
        let path = dir.join(automatic_name(self.today()));
        if path.exists() {
            return Ok(None);
        }
        create_dir(&dir)?;
        self.store.backup_to(&path)?;
        let mut automatic: Vec<(NaiveDate, PathBuf)> = self
            .backups()?
            .into_iter()
            .filter(|b| b.automatic)
            .filter_map(|b| {
                let day = automatic_day(&b.path.file_name()?.to_string_lossy())?;
                Some((day, b.path))
            })
            .collect();
        automatic.sort();
        let surplus = automatic.len().saturating_sub(AUTOMATIC_BACKUPS_KEPT);
        for (_, old) in automatic.into_iter().take(surplus) {
            match crate::file_moves::remove_file(&old) {
                // Another program opening the caseload the same day pruned it first.
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                    return Err(Error::io(format!("could not remove {}", old.display()), e));
                }
                _ => {}
            }
        }
        Ok(Some(path))
    }

    /// The backups in the data folder's `backups/`, newest first.
    pub fn backups(&self) -> Result<Vec<BackupFile>> {
        let Some(dir) = self.backups_dir() else {
            return Ok(Vec::new());
        };
        let listing = match std::fs::read_dir(&dir) {
            Ok(listing) => listing,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(Error::io(format!("could not read {}", dir.display()), e)),
        };
        let mut found = Vec::new();
        for entry in listing {
            let entry =
                entry.map_err(|e| Error::io(format!("could not read {}", dir.display()), e))?;
            let name = entry.file_name().to_string_lossy().into_owned();
            let automatic = automatic_day(&name).is_some();
            if !(automatic || name.starts_with(REPLACED_PREFIX) && name.ends_with(".db")) {
                continue;
            }
            let meta = entry
                .metadata()
                .map_err(|e| Error::io(format!("could not read {name}"), e))?;
            found.push(BackupFile {
                path: entry.path(),
                automatic,
                modified: meta.modified().ok().map(DateTime::<Utc>::from),
                bytes: meta.len(),
            });
        }
        found.sort_by(|a, b| b.modified.cmp(&a.modified).then(b.path.cmp(&a.path)));
        Ok(found)
    }

    /// Replaces this caseload's content with a backup's. The backup is proved first (it opens
    /// with `backup_passphrase`, or the caseload's own passphrase when `None`; it passes
    /// SQLite's integrity and foreign key checks; it is a caseload no newer than this app);
    /// then the current database is kept as a backup in `backups/`, and the restored content
    /// is written in one transaction. The caseload keeps its current passphrase.
    pub fn restore_from(
        &mut self,
        backup: &Path,
        backup_passphrase: Option<&str>,
    ) -> Result<RestoreReport> {
        let now = self.now();
        let passphrase = backup_passphrase.or(self.store.passphrase_str());
        // Bound before the connection that reads it, so it is dropped (removed) after that
        // connection closes: Windows cannot remove a file that is still open, and a copy of the
        // backup would be left in the backups folder after every restore.
        let staged = match self.backups_dir() {
            Some(dir) => Some(stage(backup, &dir)?),
            None => None,
        };
        let (conn, facts) = copies::verify(staged.as_ref().map_or(backup, |s| &s.0), passphrase)?;
        // From here to the end nobody else may use the caseload: a write that landed after
        // the copy of the current content was taken, and before the restore replaced it, would
        // be in neither. Other programs wait for the restore to finish (or it waits for them).
        let _alone = self.store.exclusive()?;
        let replaced = match self.backups_dir() {
            Some(dir) => {
                let stamp = now.format("%Y-%m-%dT%H%M%SZ");
                // Two restores within a second must not keep one replaced database over another.
                let path = (1..)
                    .map(|n| match n {
                        1 => dir.join(format!("{REPLACED_PREFIX}{stamp}.db")),
                        n => dir.join(format!("{REPLACED_PREFIX}{stamp}-{n}.db")),
                    })
                    .find(|p| !p.exists())
                    .expect("some name is free");
                self.store.backup_to(&path)?;
                Some(path)
            }
            None => None,
        };
        self.store.restore_from(&conn)?;
        Ok(restored(facts, replaced))
    }

    /// Restores a backup into `data_dir`, for a new computer as much as an old one: with no
    /// caseload there, the proved backup becomes the caseload (with the backup's passphrase);
    /// with one, it must open with `passphrase` and [`Api::restore_from`] replaces its content.
    pub fn restore(
        data_dir: &Path,
        backup: &Path,
        passphrase: &str,
        clock: Arc<dyn Clock>,
    ) -> Result<(Api, RestoreReport)> {
        crate::store::data_folder::refuse_network_share(data_dir)?;
        let database = data_dir.join(DATABASE_FILE);
        if !Api::exists(data_dir) {
            create_dir(data_dir)?;
            // Held until the restored file is in place, so no first command of another
            // program starts a new caseload in the folder meanwhile (it waits, then opens this).
            let alone = crate::store::exclusive_for_new(&database)?;
            if !database.exists() {
                let backups = data_dir.join(BACKUP_FOLDER);
                let put_in_place = || -> Result<BackupFacts> {
                    let staged = stage(backup, &backups)?;
                    let (conn, facts) = copies::verify(&staged.0, Some(passphrase))?;
                    drop(conn);
                    crate::store::place_new(&staged.0, &database)?;
                    Ok(facts)
                };
                let facts = put_in_place().inspect_err(|_| {
                    // Leave no empty folders behind a refused backup (remove_dir keeps a
                    // folder that holds anything).
                    let _ = std::fs::remove_dir(&backups);
                })?;
                drop(alone);
                let api = Api::open(data_dir, Some(passphrase), clock)?;
                return Ok((api, restored(facts, None)));
            }
        }
        let mut api = Api::open(data_dir, Some(passphrase), clock)?;
        let report = api.restore_from(backup, Some(passphrase))?;
        Ok((api, report))
    }
}

fn restored(facts: BackupFacts, replaced: Option<PathBuf>) -> RestoreReport {
    RestoreReport {
        children: facts.children,
        backup_schema_version: facts.schema_version,
        replaced_database: replaced,
    }
}
