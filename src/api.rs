//! The one surface both shells (the `passport` CLI and the desktop app) call. Functions read
//! like what the user means to do; each validates its input with `model`, then writes through
//! `store` in one transaction.

mod caseload;
mod due;
mod equipment;
mod maintenance;

use crate::clock::Clock;
use crate::error::Result;
use crate::store::Store;
use chrono::{DateTime, NaiveDate, Utc};
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub use crate::store::children::{ChildSummary, DueBadge};
pub use caseload::{ChildRecord, SearchResults};
pub use equipment::ItemRecord;
pub use maintenance::DatabaseCheck;

/// The name of the database file inside the app's data folder.
pub const DATABASE_FILE: &str = "passport.db";

/// The per-user data folder shared by the CLI and the desktop app (the desktop app's
/// identifier under the platform's data directory, e.g. `~/.local/share/uk.equipmentpassport.app`).
pub fn default_data_dir() -> Option<PathBuf> {
    dirs::data_dir().map(|d| d.join(crate::APP_IDENTIFIER))
}

/// An open caseload and the clock it works by.
pub struct Api {
    store: Store,
    clock: Arc<dyn Clock>,
}

impl Api {
    /// Opens the caseload in `data_dir` (creating it on first use).
    pub fn open(data_dir: &Path, passphrase: Option<&str>, clock: Arc<dyn Clock>) -> Result<Api> {
        let store = Store::open(&data_dir.join(DATABASE_FILE), passphrase)?;
        Ok(Api { store, clock })
    }

    /// A caseload held only in memory (tests and benchmarks).
    pub fn in_memory(clock: Arc<dyn Clock>) -> Result<Api> {
        Ok(Api {
            store: Store::open_in_memory()?,
            clock,
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
        self.store
            .conn()
            .execute_batch("SAVEPOINT all_or_nothing")?;
        match work(self) {
            Ok(value) => {
                self.store.conn().execute_batch("RELEASE all_or_nothing")?;
                Ok(value)
            }
            Err(e) => {
                self.store
                    .conn()
                    .execute_batch("ROLLBACK TO all_or_nothing; RELEASE all_or_nothing")?;
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
