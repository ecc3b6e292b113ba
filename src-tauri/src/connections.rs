//! The open caseload's connections: one writer, a small pool of read-only connections for the
//! screens (searches, lists, photos, previews), and connections of their own for long jobs.
//! A read never waits behind a write or a job, and a write waits only for another write.
//!
//! A restore is the one thing that needs the caseload to itself: [`OpenCaseload::alone`]
//! waits for the calls under way, closes the readers, runs, and opens them again.

use equipment_passport::api::Access;
use equipment_passport::{Api, Result};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, MutexGuard, RwLock};

/// How many read-only connections answer the screens: the app rarely has more than two reads
/// in flight (a search as you type and the photos of the screen it fills).
const READERS: usize = 2;

pub struct OpenCaseload {
    writer: Mutex<Api>,
    /// Empty until [`OpenCaseload::open_readers`] has run: reads use the writer until then.
    readers: [Mutex<Option<Api>>; READERS],
    /// Where the next read waits when every reader is busy.
    next: AtomicUsize,
    /// Held shared by every call, exclusively by a restore.
    gate: RwLock<()>,
}

/// A poisoned lock means a call panicked while holding it; SQLite rolled back what it was
/// writing, so the connection is still sound.
fn take<T>(lock: &Mutex<T>) -> MutexGuard<'_, T> {
    lock.lock().unwrap_or_else(|p| p.into_inner())
}

impl OpenCaseload {
    pub fn new(writer: Api) -> OpenCaseload {
        OpenCaseload {
            writer: Mutex::new(writer),
            readers: std::array::from_fn(|_| Mutex::new(None)),
            next: AtomicUsize::new(0),
            gate: RwLock::new(()),
        }
    }

    /// Opens the read-only connections (each derives the key again, a fraction of a second),
    /// from `source`, a connection of the caller's own, so the writer is not held meanwhile.
    pub fn open_readers(&self, source: &Api) -> Result<()> {
        let _calls = self.gate.read().unwrap_or_else(|p| p.into_inner());
        for slot in &self.readers {
            let reader = source.connect_again(Access::ReadOnly)?;
            take(slot).get_or_insert(reader);
        }
        Ok(())
    }

    /// Whether the read-only connections are open yet.
    pub fn readers_open(&self) -> usize {
        self.readers.iter().filter(|r| take(r).is_some()).count()
    }

    /// Runs a read on a free read-only connection (waiting for one when all are busy), or on
    /// the writer while the readers are not open yet.
    pub fn read<T>(&self, call: impl FnOnce(&Api) -> Result<T>) -> Result<T> {
        let _calls = self.gate.read().unwrap_or_else(|p| p.into_inner());
        for slot in &self.readers {
            if let Ok(guard) = slot.try_lock()
                && let Some(api) = guard.as_ref()
            {
                return call(api);
            }
        }
        if self.readers_open() == 0 {
            return call(&take(&self.writer));
        }
        let start = self.next.fetch_add(1, Ordering::Relaxed);
        for offset in 0..READERS {
            let guard = take(&self.readers[(start + offset) % READERS]);
            if let Some(api) = guard.as_ref() {
                return call(api);
            }
        }
        call(&take(&self.writer))
    }

    /// Runs a write on the one writer.
    pub fn write<T>(&self, call: impl FnOnce(&mut Api) -> Result<T>) -> Result<T> {
        let _calls = self.gate.read().unwrap_or_else(|p| p.into_inner());
        call(&mut take(&self.writer))
    }

    /// A connection for a long job of its own (printing a whole setting, a backup). It is
    /// made from a reader when one is free, so the writer is not held while the key is derived.
    pub fn connection_for_job(&self, access: Access) -> Result<Api> {
        self.read(|api| api.connect_again(access))
    }

    /// Runs `call` on the writer with every other connection of this app closed and no other
    /// call under way: a restore, which replaces the whole caseload. The readers are opened
    /// again afterwards, whatever the outcome. Jobs on connections of their own are not
    /// waited for here: the core's restore waits for them (and every other program).
    pub fn alone<T>(&self, call: impl FnOnce(&mut Api) -> Result<T>) -> Result<T> {
        let _alone = self.gate.write().unwrap_or_else(|p| p.into_inner());
        let mut had_readers = false;
        for slot in &self.readers {
            had_readers |= take(slot).take().is_some();
        }
        let mut writer = take(&self.writer);
        let outcome = call(&mut writer);
        if had_readers {
            for slot in &self.readers {
                match writer.connect_again(Access::ReadOnly) {
                    Ok(reader) => *take(slot) = Some(reader),
                    // Reads fall back to the writer: slower under load, never wrong.
                    Err(e) => eprintln!("equipment-passport: a reader did not reopen: {e}"),
                }
            }
        }
        outcome
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use equipment_passport::clock::FixedClock;
    use equipment_passport::model::ChildDetails;
    use std::sync::Arc;

    const PASSPHRASE: &str = "blue kettle on Tuesday";

    fn open_caseload(dir: &std::path::Path) -> OpenCaseload {
        let clock = Arc::new(FixedClock::on(
            chrono::NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(),
        ));
        let caseload = OpenCaseload::new(Api::create(dir, PASSPHRASE, clock).unwrap());
        let source = caseload.connection_for_job(Access::ReadWrite).unwrap();
        caseload.open_readers(&source).unwrap();
        caseload
    }

    fn add_child(caseload: &OpenCaseload, given: &str) {
        let born = chrono::NaiveDate::from_ymd_opt(2018, 9, 1).unwrap();
        caseload
            .write(|api| api.create_child(ChildDetails::new(given, "Okafor", born)))
            .unwrap();
    }

    #[test]
    fn reads_go_to_read_only_connections_that_see_every_committed_write() {
        let scratch = tempfile::tempdir().unwrap();
        let caseload = open_caseload(scratch.path());
        assert_eq!(caseload.readers_open(), READERS);
        add_child(&caseload, "Amara");
        assert_eq!(caseload.read(|api| api.child_count()).unwrap(), 1);
    }

    #[test]
    fn a_restore_runs_alone_and_the_readers_come_back_with_the_restored_content() {
        let scratch = tempfile::tempdir().unwrap();
        let caseload = open_caseload(scratch.path());
        add_child(&caseload, "Kept");
        let backup = scratch.path().join("before.db");
        caseload.read(|api| api.backup_to(&backup)).unwrap();
        add_child(&caseload, "Undone");
        assert_eq!(caseload.read(|api| api.child_count()).unwrap(), 2);

        // The readers hold the caseload open; were they left open, the restore would wait
        // for them and give up.
        caseload
            .alone(|api| api.restore_from(&backup, None))
            .unwrap();
        assert_eq!(caseload.readers_open(), READERS);
        assert_eq!(caseload.read(|api| api.child_count()).unwrap(), 1);
    }
}
