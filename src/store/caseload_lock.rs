//! The lock that keeps a restore apart from everything else using the same caseload.
//!
//! Every open caseload holds a *shared* lock on `passport.db.lock` beside the database, for as
//! long as it is open, in whichever process opened it (the desktop app, each `passport` command,
//! the app's background jobs). A restore takes the lock *exclusively* for its whole length: it
//! waits a little for the others to finish, and a caseload opened while it runs waits for it.
//! So no write can land between the copy a restore keeps of the old content and the moment the
//! restored content replaces it, and none is lost.
//!
//! The lock is advisory (`flock` on Unix through `std::fs::File`, `LockFileEx` on Windows; see
//! [`os_lock`]) and the operating system drops it when a process ends, however it ends: a crash
//! leaves no stale lock behind.

use crate::error::{Error, Result};
use std::fs::{File, TryLockError};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// How long opening a caseload waits for a restore that is under way in another program.
const OPEN_WAIT: Duration = Duration::from_secs(120);

/// How long a restore waits for the other programs using the caseload to finish.
const RESTORE_WAIT: Duration = Duration::from_secs(15);

const POLL: Duration = Duration::from_millis(25);

/// The lock file of the database at `database`.
pub fn path_for(database: &Path) -> PathBuf {
    super::sibling(database, ".lock")
}

/// A held lock on one caseload: shared while it is open, exclusive during a restore.
#[derive(Debug)]
pub struct CaseloadLock {
    file: File,
    path: PathBuf,
}

impl CaseloadLock {
    /// Opens (creating it, private to the user) the lock file of the caseload at `database`,
    /// holding no lock yet.
    fn unlocked(database: &Path) -> Result<CaseloadLock> {
        let path = path_for(database);
        let file = super::permissions::create_private_file(&path, false)
            .map_err(|e| Error::io(format!("could not open {}", path.display()), e))?;
        Ok(CaseloadLock { file, path })
    }

    /// Takes the shared lock of the caseload at `database`, waiting while a restore holds it.
    pub fn shared(database: &Path) -> Result<CaseloadLock> {
        let lock = CaseloadLock::unlocked(database)?;
        lock.wait_for(OPEN_WAIT, os_lock::try_shared, || {
            Error::Conflict(
                "a restore of this caseload has been under way in another program for two minutes: wait for it to finish, then try again"
                    .into(),
            )
        })?;
        Ok(lock)
    }

    /// Turns this shared lock into an exclusive one for as long as the guard lives, waiting a
    /// little for other programs (or other connections of this one) to close the caseload.
    pub fn exclusive(self: &Arc<Self>) -> Result<ExclusiveGuard> {
        self.exclusive_within(RESTORE_WAIT)
    }

    fn exclusive_within(self: &Arc<Self>, patience: Duration) -> Result<ExclusiveGuard> {
        const IN_USE: &str = "the caseload is open in another program (the desktop app, or another passport command): close it, then restore again";
        self.unlock()?;
        match self.wait_for(patience, os_lock::try_exclusive, || {
            Error::Conflict(IN_USE.into())
        }) {
            Ok(()) => Ok(ExclusiveGuard {
                lock: Arc::clone(self),
            }),
            Err(e) => {
                // Back to shared, as this caseload was before.
                self.wait_for(OPEN_WAIT, os_lock::try_shared, || {
                    Error::Conflict(IN_USE.into())
                })?;
                Err(e)
            }
        }
    }

    fn unlock(&self) -> Result<()> {
        os_lock::unlock(&self.file)
            .map_err(|e| Error::io(format!("could not unlock {}", self.path.display()), e))
    }

    fn wait_for(
        &self,
        patience: Duration,
        attempt: impl Fn(&File) -> std::result::Result<(), TryLockError>,
        gave_up: impl FnOnce() -> Error,
    ) -> Result<()> {
        let deadline = Instant::now() + patience;
        loop {
            match attempt(&self.file) {
                Ok(()) => return Ok(()),
                Err(TryLockError::WouldBlock) if Instant::now() < deadline => {
                    std::thread::sleep(POLL)
                }
                Err(TryLockError::WouldBlock) => return Err(gave_up()),
                Err(TryLockError::Error(e)) => {
                    return Err(Error::io(
                        format!("could not lock {}", self.path.display()),
                        e,
                    ));
                }
            }
        }
    }
}

/// The exclusive hold of a restore; dropped, the caseload's lock is shared again.
#[derive(Debug)]
pub struct ExclusiveGuard {
    lock: Arc<CaseloadLock>,
}

impl Drop for ExclusiveGuard {
    fn drop(&mut self) {
        // Unlock, then share: if sharing failed the caseload would simply not be guarded
        // against a restore by another program, so there is nothing better to do than try.
        let _ = self.lock.unlock();
        let _ = self.lock.wait_for(OPEN_WAIT, os_lock::try_shared, || {
            Error::Conflict(String::new())
        });
    }
}

/// An exclusive lock taken without a caseload being open: a restore into a folder that holds
/// no caseload yet, so that two such restores (or a restore and a first command) cannot both
/// put a database in place.
pub fn exclusive_for_new(database: &Path) -> Result<CaseloadLock> {
    let lock = CaseloadLock::unlocked(database)?;
    lock.wait_for(RESTORE_WAIT, os_lock::try_exclusive, || {
        Error::Conflict(
            "another program is using this data folder: close it, then restore again".into(),
        )
    })?;
    Ok(lock)
}

/// Whole-file advisory locks on the lock file. On Unix, `std::fs::File`'s (`flock`).
#[cfg(not(windows))]
mod os_lock {
    use std::fs::{File, TryLockError};

    pub fn try_shared(file: &File) -> Result<(), TryLockError> {
        file.try_lock_shared()
    }

    pub fn try_exclusive(file: &File) -> Result<(), TryLockError> {
        file.try_lock()
    }

    pub fn unlock(file: &File) -> std::io::Result<()> {
        file.unlock()
    }
}

/// On Windows, `LockFileEx` on the lock file's first byte. The standard library locks the
/// largest range there is (2^64 - 1 bytes from 0), which Windows accepts, but Wine (where CI
/// runs the Windows tests) then refuses every unlock of that range with "Lock violation":
/// one byte means the same here, since nothing reads or writes this file, and unlocks
/// everywhere. (Byte-range locks on Windows also block reads and writes of the range by other
/// handles, which is harmless for a file that is never read.)
#[cfg(windows)]
mod os_lock {
    use std::fs::{File, TryLockError};
    use std::os::windows::io::AsRawHandle;
    use windows_sys::Win32::Foundation::{ERROR_IO_PENDING, ERROR_LOCK_VIOLATION};
    use windows_sys::Win32::Storage::FileSystem::{
        LOCKFILE_EXCLUSIVE_LOCK, LOCKFILE_FAIL_IMMEDIATELY, LockFileEx, UnlockFileEx,
    };
    use windows_sys::Win32::System::IO::OVERLAPPED;

    fn try_lock(file: &File, flags: u32) -> Result<(), TryLockError> {
        // SAFETY: an all-zero OVERLAPPED is the documented start-at-offset-0 value, and the
        // handle is the open file's own for the length of the call.
        let done = unsafe {
            let mut at: OVERLAPPED = std::mem::zeroed();
            LockFileEx(
                file.as_raw_handle() as _,
                flags | LOCKFILE_FAIL_IMMEDIATELY,
                0,
                1,
                0,
                &mut at,
            )
        };
        if done != 0 {
            return Ok(());
        }
        let error = std::io::Error::last_os_error();
        match error.raw_os_error().map(|code| code as u32) {
            Some(ERROR_LOCK_VIOLATION) | Some(ERROR_IO_PENDING) => Err(TryLockError::WouldBlock),
            _ => Err(TryLockError::Error(error)),
        }
    }

    pub fn try_shared(file: &File) -> Result<(), TryLockError> {
        try_lock(file, 0)
    }

    pub fn try_exclusive(file: &File) -> Result<(), TryLockError> {
        try_lock(file, LOCKFILE_EXCLUSIVE_LOCK)
    }

    pub fn unlock(file: &File) -> std::io::Result<()> {
        // SAFETY: as in `try_lock`.
        let done = unsafe {
            let mut at: OVERLAPPED = std::mem::zeroed();
            UnlockFileEx(file.as_raw_handle() as _, 0, 1, 0, &mut at)
        };
        if done != 0 {
            Ok(())
        } else {
            Err(std::io::Error::last_os_error())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_shared_holders_coexist_and_a_restore_waits_for_both_to_go() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("passport.db");
        let first = Arc::new(CaseloadLock::shared(&db).unwrap());
        let second = Arc::new(CaseloadLock::shared(&db).unwrap());
        // The second holder keeps the first from going exclusive, and the first stays shared.
        let patience = Duration::from_millis(100);
        assert!(matches!(
            first.exclusive_within(patience),
            Err(Error::Conflict(_))
        ));
        assert!(matches!(
            second.exclusive_within(patience),
            Err(Error::Conflict(_))
        ));
        drop(second);
        let guard = first.exclusive().unwrap();
        // While a restore holds it, a new holder cannot share it.
        let other = File::open(path_for(&db)).unwrap();
        assert!(matches!(
            os_lock::try_shared(&other),
            Err(TryLockError::WouldBlock)
        ));
        drop(guard);
        // Afterwards the lock is shared again: others may share, nobody may take it whole.
        os_lock::try_shared(&other).unwrap();
        os_lock::unlock(&other).unwrap();
        assert!(matches!(
            os_lock::try_exclusive(&other),
            Err(TryLockError::WouldBlock)
        ));
    }
}
