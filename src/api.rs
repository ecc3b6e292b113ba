//! The one surface both shells (the `passport` CLI and the desktop app) call. Functions read
//! like what the user means to do; each validates its input with `model`, then writes through
//! `store` in one transaction.

mod audit;
mod backup;
mod bundle;
mod caseload;
mod csv_import;
mod dfg;
mod dfg_export;
mod due;
mod due_calendar;
mod equipment;
mod evacuation;
mod handling;
mod labels;
mod maintenance;
mod notices;
mod passports;
mod preferences;
mod schedules;
mod training;

use crate::clock::Clock;
use crate::error::Result;
use crate::store::Store;
use chrono::{DateTime, NaiveDate, Utc};
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub use crate::store::Access;
pub use crate::store::children::{ChildSummary, DueBadge};
pub use crate::store::issued::IssuedCopy;
pub use audit::{AuditAction, AuditEntry, FieldChange, HistoryPage, RecordKind, RecordRef};
pub use backup::{AUTOMATIC_BACKUPS_KEPT, BACKUP_FOLDER, BackupFile, BackupReport, RestoreReport};
pub use bundle::{ExportReport, ExportScope};
pub use caseload::{ChildRecord, SearchResults};
pub use csv_import::{CsvImportMode, CsvImportReport};
pub use dfg::{DfgCaseFilter, DfgCaseRecord, DfgCaseSummary};
pub use due_calendar::{
    CALENDAR_PRIVACY_NOTE, DUE_CALENDAR_DAYS, DUE_CALENDAR_FILE_NAME, DueCalendar,
};
pub use equipment::ItemRecord;
pub use labels::{LabelScope, LabelSheet};
pub use maintenance::DatabaseCheck;
pub use notices::{AffectedItem, ChildNoticeFlag, ItemNoticeFlag, NoticeRecord, NoticeSummary};
pub use passports::{
    BatchFailure, BatchProgress, BatchReport, IssuedCopyStatus, PassportFileName, Preview,
    PreviewFingerprint, PrintRequest, PrintedCopy,
};
pub use preferences::Preferences;

/// The name of the database file inside the app's data folder.
pub const DATABASE_FILE: &str = "passport.db";

/// The per-user data folder shared by the CLI and the desktop app: the desktop app's
/// identifier under the platform's local data directory (`~/.local/share/...` on Linux,
/// `%LOCALAPPDATA%\...` on Windows). Local, not roaming: a roaming profile is copied to a
/// server at every sign-out, and a caseload of children's health records must not be.
pub fn default_data_dir() -> Option<PathBuf> {
    dirs::data_local_dir().map(|d| d.join(crate::APP_IDENTIFIER))
}

/// An open caseload and the clock it works by.
pub struct Api {
    store: Store,
    clock: Arc<dyn Clock>,
    /// The caseload's folder (trust templates live in `templates/` inside it); none in memory.
    data_dir: Option<PathBuf>,
}

impl Api {
    /// Whether `data_dir` already holds a caseload.
    pub fn exists(data_dir: &Path) -> bool {
        data_dir.join(DATABASE_FILE).exists()
    }

    /// Creates a new caseload in `data_dir`, encrypted with `passphrase`.
    pub fn create(data_dir: &Path, passphrase: &str, clock: Arc<dyn Clock>) -> Result<Api> {
        crate::model::passphrase::check_new(passphrase)?;
        if Api::exists(data_dir) {
            return Err(crate::Error::Conflict(format!(
                "there is already a caseload in {}: open it with its passphrase",
                data_dir.display()
            )));
        }
        Api::open(data_dir, Some(passphrase), clock)
    }

    /// Re-encrypts the caseload under a new passphrase, once the current one is confirmed.
    pub fn change_passphrase(&mut self, current: &str, new: &str) -> Result<()> {
        if !self.store.passphrase_opens(current)? {
            return Err(crate::Error::Invalid(vec![crate::FieldError::new(
                "current",
                "that is not the current passphrase",
            )]));
        }
        self.store.change_passphrase(new)
    }

    /// Opens the caseload in `data_dir` (creating it on first use). With a passphrase, a
    /// caseload written without one is encrypted on the way in.
    pub fn open(data_dir: &Path, passphrase: Option<&str>, clock: Arc<dyn Clock>) -> Result<Api> {
        crate::store::data_folder::refuse_network_share(data_dir)?;
        let store = Store::open(&data_dir.join(DATABASE_FILE), passphrase)?;
        Ok(Api {
            store,
            clock,
            data_dir: Some(data_dir.to_path_buf()),
        })
    }

    /// Another connection to this open caseload, for a thread of its own: a pool of
    /// [`Access::ReadOnly`] ones answers the screens while one writer changes the caseload,
    /// and a long job (a whole setting's passports, a backup) runs on its own so nothing
    /// waits behind it. Same clock, same folder, same passphrase (kept by the store).
    pub fn connect_again(&self, access: Access) -> Result<Api> {
        Ok(Api {
            store: self.store.connect_again(access)?,
            clock: self.clock.clone(),
            data_dir: self.data_dir.clone(),
        })
    }

    /// A caseload held only in memory (tests and benchmarks).
    pub fn in_memory(clock: Arc<dyn Clock>) -> Result<Api> {
        Ok(Api {
            store: Store::open_in_memory()?,
            clock,
            data_dir: None,
        })
    }

    pub fn today(&self) -> NaiveDate {
        self.clock.today()
    }

    fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }

    /// Runs several api calls as one transaction: if any fails, none of them is kept.
    pub fn all_or_nothing<T>(&mut self, work: impl FnOnce(&mut Api) -> Result<T>) -> Result<T> {
        let scope = crate::store::WriteScope::begin(self.store.conn())?;
        match work(self) {
            Ok(value) => {
                scope.end(self.store.conn(), true)?;
                Ok(value)
            }
            Err(e) => {
                scope.end(self.store.conn(), false)?;
                Err(e)
            }
        }
    }

    /// The store underneath, for benchmarks that write in bulk.
    pub fn store_mut(&mut self) -> &mut Store {
        &mut self.store
    }

    pub fn store(&self) -> &Store {
        &self.store
    }
}
