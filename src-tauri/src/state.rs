//! The app's one piece of managed state: where the caseload lives and, once the passphrase has
//! been given, the open caseload. Left idle for longer than the user's chosen time, the
//! caseload is closed again (locked) and the web view is told.

use crate::error::{CommandError, CommandResult};
use equipment_passport::Api;
use equipment_passport::clock::{Clock, SystemClock};
use serde::Serialize;
use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::atomic::AtomicBool;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};
use ts_rs::TS;

/// Where the caseload is, as the first screen needs to know it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SessionState {
    /// No caseload yet: choose a passphrase to create one.
    New,
    /// A caseload exists and is locked: enter its passphrase.
    Locked,
    /// Open and ready.
    Open,
}

pub struct AppState {
    pub data_dir: PathBuf,
    pub clock: Arc<dyn Clock>,
    session: Mutex<Session>,
    /// Files the app wrote this session at the user's request: the only ones it will open in
    /// the system viewer.
    saved: Mutex<HashSet<PathBuf>>,
    /// Set to stop printing a whole setting.
    pub cancel_printing: AtomicBool,
}

struct Session {
    api: Option<Api>,
    last_used: Instant,
    idle_limit: Duration,
}

/// How long the caseload stays open untouched before it locks, until the user chooses.
pub const DEFAULT_IDLE_MINUTES: u32 = 10;

impl AppState {
    pub fn new(data_dir: PathBuf) -> Self {
        AppState {
            data_dir,
            clock: Arc::new(SystemClock),
            session: Mutex::new(Session {
                api: None,
                last_used: Instant::now(),
                idle_limit: Duration::from_secs(u64::from(DEFAULT_IDLE_MINUTES) * 60),
            }),
            saved: Mutex::new(HashSet::new()),
            cancel_printing: AtomicBool::new(false),
        }
    }

    pub fn remember_saved(&self, path: PathBuf) {
        self.saved
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .insert(path);
    }

    pub fn was_saved(&self, path: &std::path::Path) -> bool {
        self.saved
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .contains(path)
    }

    fn session(&self) -> MutexGuard<'_, Session> {
        // A panic while the lock was held leaves the data as SQLite left it (transactions
        // roll back), so carrying on is safe.
        self.session.lock().unwrap_or_else(|p| p.into_inner())
    }

    pub fn state(&self) -> SessionState {
        let session = self.session();
        if session.api.is_some() {
            SessionState::Open
        } else if Api::exists(&self.data_dir) {
            SessionState::Locked
        } else {
            SessionState::New
        }
    }

    /// Makes `api` the open caseload, locking after `idle_minutes` untouched.
    pub fn open_with(&self, api: Api, idle_minutes: u32) {
        let mut session = self.session();
        session.api = Some(api);
        session.last_used = Instant::now();
        session.idle_limit = Duration::from_secs(u64::from(idle_minutes.max(1)) * 60);
    }

    pub fn set_idle_minutes(&self, minutes: u32) {
        self.session().idle_limit = Duration::from_secs(u64::from(minutes.max(1)) * 60);
    }

    /// Closes the caseload: the key leaves memory with the connection.
    pub fn lock(&self) {
        self.session().api = None;
    }

    /// Notes that the user is still there (keys pressed, pointer moved).
    pub fn touch(&self) {
        self.session().last_used = Instant::now();
    }

    /// Locks the caseload if it has been idle too long; true when it did.
    pub fn lock_if_idle(&self) -> bool {
        let mut session = self.session();
        if session.api.is_some() && session.last_used.elapsed() >= session.idle_limit {
            session.api = None;
            return true;
        }
        false
    }

    /// Runs one api call on the open caseload.
    pub fn with_api<T>(
        &self,
        call: impl FnOnce(&mut Api) -> equipment_passport::Result<T>,
    ) -> CommandResult<T> {
        let mut session = self.session();
        session.last_used = Instant::now();
        let api = session.api.as_mut().ok_or_else(CommandError::locked)?;
        call(api).map_err(CommandError::from)
    }
}
