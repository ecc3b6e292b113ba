//! The app's one piece of managed state, and the only state the shell keeps: where the
//! caseload lives, the open caseload's connections once the passphrase has been given, the
//! files the user chose or the app saved this session, the print jobs under way and the last
//! automatic backup's problem. Left idle for longer than the user's chosen time, the caseload
//! is closed again (locked) and the web view is told.

use crate::connections::OpenCaseload;
use crate::error::{CommandError, CommandResult};
use equipment_passport::Api;
use equipment_passport::api::{Preview, PrintRequest};
use equipment_passport::clock::{Clock, SystemClock};
use equipment_passport::model::ChildId;
use equipment_passport::passport::Language;
use serde::Serialize;
use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
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
    saved: PathSet,
    /// Files the user chose in an "open" dialog this session: the only files outside the data
    /// folder that an import or a restore will read, whatever path the web view sends.
    chosen: PathSet,
    /// Why today's automatic backup could not be made, if it could not (shown in Settings).
    automatic_backup_problem: Mutex<Option<String>>,
    /// Each whole-setting print under way, by the id the window gave it, and its stop flag.
    print_jobs: Mutex<HashMap<String, Arc<AtomicBool>>>,
    /// The passport last previewed: "Save as…" saves exactly these bytes when nothing has
    /// changed since.
    last_preview: Mutex<Option<Arc<Preview>>>,
}

struct Session {
    caseload: Option<Arc<OpenCaseload>>,
    last_used: Instant,
    idle_limit: Duration,
}

/// A set of paths behind a lock.
#[derive(Default)]
struct PathSet(Mutex<BTreeSet<PathBuf>>);

impl PathSet {
    fn insert(&self, path: PathBuf) {
        lock_ignoring_panics(&self.0).insert(path);
    }

    fn contains(&self, path: &Path) -> bool {
        lock_ignoring_panics(&self.0).contains(path)
    }
}

/// A panic while a lock was held leaves the data as SQLite left it (transactions roll back)
/// and these sets and flags whole, so carrying on is safe.
fn lock_ignoring_panics<T>(lock: &Mutex<T>) -> MutexGuard<'_, T> {
    lock.lock().unwrap_or_else(|p| p.into_inner())
}

/// How long the caseload stays open untouched before it locks, until the user chooses.
pub const DEFAULT_IDLE_MINUTES: u32 = 10;

impl AppState {
    pub fn new(data_dir: PathBuf) -> Self {
        AppState::with_clock(data_dir, Arc::new(SystemClock))
    }

    pub fn with_clock(data_dir: PathBuf, clock: Arc<dyn Clock>) -> Self {
        AppState {
            data_dir,
            clock,
            session: Mutex::new(Session {
                caseload: None,
                last_used: Instant::now(),
                idle_limit: Duration::from_secs(u64::from(DEFAULT_IDLE_MINUTES) * 60),
            }),
            saved: PathSet::default(),
            chosen: PathSet::default(),
            automatic_backup_problem: Mutex::new(None),
            print_jobs: Mutex::new(HashMap::new()),
            last_preview: Mutex::new(None),
        }
    }

    pub fn remember_saved(&self, path: PathBuf) {
        self.saved.insert(path);
    }

    pub fn was_saved(&self, path: &Path) -> bool {
        self.saved.contains(path)
    }

    pub fn remember_chosen(&self, path: PathBuf) {
        self.chosen.insert(path);
    }

    /// Whether the user chose `path` in an "open" dialog this session.
    pub fn was_chosen(&self, path: &Path) -> bool {
        self.chosen.contains(path)
    }

    pub fn set_automatic_backup_problem(&self, problem: Option<String>) {
        *lock_ignoring_panics(&self.automatic_backup_problem) = problem;
    }

    pub fn automatic_backup_problem(&self) -> Option<String> {
        lock_ignoring_panics(&self.automatic_backup_problem).clone()
    }

    /// Registers a print job under the window's id; its flag is set to stop it.
    pub fn start_print_job(&self, job: &str) -> Arc<AtomicBool> {
        let stop = Arc::new(AtomicBool::new(false));
        lock_ignoring_panics(&self.print_jobs).insert(job.to_string(), stop.clone());
        stop
    }

    pub fn end_print_job(&self, job: &str) {
        lock_ignoring_panics(&self.print_jobs).remove(job);
    }

    /// Asks a print job to stop after the passport it is printing; false when no job has
    /// that id (it has finished).
    pub fn stop_print_job(&self, job: &str) -> bool {
        match lock_ignoring_panics(&self.print_jobs).get(job) {
            Some(stop) => {
                stop.store(true, Ordering::Relaxed);
                true
            }
            None => false,
        }
    }

    /// Keeps the preview just shown, in place of the one before.
    pub fn remember_preview(&self, preview: Arc<Preview>) {
        *lock_ignoring_panics(&self.last_preview) = Some(preview);
    }

    /// The last preview, if it is of this child and this copy.
    pub fn preview_of(
        &self,
        child: ChildId,
        request: PrintRequest,
        language: Option<Language>,
    ) -> Option<Arc<Preview>> {
        lock_ignoring_panics(&self.last_preview)
            .as_ref()
            .filter(|p| {
                p.fingerprint.child() == child
                    && p.fingerprint.request() == request
                    && p.fingerprint.asked_language() == language
            })
            .cloned()
    }

    /// Asks every print job to stop: the caseload is locking, or a restore needs it alone.
    pub fn stop_every_print_job(&self) {
        for stop in lock_ignoring_panics(&self.print_jobs).values() {
            stop.store(true, Ordering::Relaxed);
        }
    }

    fn session(&self) -> MutexGuard<'_, Session> {
        lock_ignoring_panics(&self.session)
    }

    pub fn state(&self) -> SessionState {
        let session = self.session();
        if session.caseload.is_some() {
            SessionState::Open
        } else if Api::exists(&self.data_dir) {
            SessionState::Locked
        } else {
            SessionState::New
        }
    }

    /// Makes `api` the open caseload's writer, locking after `idle_minutes` untouched. The
    /// read-only connections are opened afterwards ([`OpenCaseload::open_readers`]).
    pub fn open_with(&self, api: Api, idle_minutes: u32) -> Arc<OpenCaseload> {
        let caseload = Arc::new(OpenCaseload::new(api));
        let mut session = self.session();
        session.caseload = Some(caseload.clone());
        session.last_used = Instant::now();
        session.idle_limit = Duration::from_secs(u64::from(idle_minutes.max(1)) * 60);
        caseload
    }

    pub fn set_idle_minutes(&self, minutes: u32) {
        self.session().idle_limit = Duration::from_secs(u64::from(minutes.max(1)) * 60);
    }

    /// Closes the caseload: the key leaves memory with the last connection, once the calls
    /// under way have finished; print jobs stop after their current passport.
    pub fn lock(&self) {
        self.session().caseload = None;
        // A preview holds a child's record as a PDF: it goes with the key.
        *lock_ignoring_panics(&self.last_preview) = None;
        self.stop_every_print_job();
    }

    /// Notes that the user is still there (keys pressed, pointer moved).
    pub fn touch(&self) {
        self.session().last_used = Instant::now();
    }

    /// Locks the caseload if it has been idle too long; true when it did.
    pub fn lock_if_idle(&self) -> bool {
        let idle = {
            let session = self.session();
            session.caseload.is_some() && session.last_used.elapsed() >= session.idle_limit
        };
        if idle {
            self.lock();
        }
        idle
    }

    /// The open caseload, noting that the user is still there; `locked` when there is none.
    /// The session's lock is held only to take it: calls on it never wait for each other here.
    pub fn caseload(&self) -> CommandResult<Arc<OpenCaseload>> {
        let mut session = self.session();
        session.last_used = Instant::now();
        session.caseload.clone().ok_or_else(CommandError::locked)
    }

    /// Runs a read on one of the caseload's read-only connections.
    pub fn read<T>(
        &self,
        call: impl FnOnce(&Api) -> equipment_passport::Result<T>,
    ) -> CommandResult<T> {
        Ok(self.caseload()?.read(call)?)
    }

    /// Runs a write on the caseload's one writer.
    pub fn write<T>(
        &self,
        call: impl FnOnce(&mut Api) -> equipment_passport::Result<T>,
    ) -> CommandResult<T> {
        Ok(self.caseload()?.write(call)?)
    }
}
