//! Renames and deletions that ride out a file being briefly held by another program. On
//! Windows a virus scanner, the search indexer or OneDrive opens a new file for a moment after
//! it is written, and until it lets go a rename or delete fails with "sharing violation" or
//! "access denied". Every rename and delete of the core goes through here, so each waits a
//! little (about a second) before it gives up, then reports the error once.

use std::io;
use std::path::Path;
use std::time::Duration;

/// How many times an operation is tried, and the pause between tries (about 1 s in all).
const ATTEMPTS: u32 = 20;
const PAUSE: Duration = Duration::from_millis(50);

/// `std::fs::rename`, retried while another program holds either file.
pub fn rename(from: &Path, to: &Path) -> io::Result<()> {
    retrying(|| std::fs::rename(from, to), is_transient, PAUSE)
}

/// `std::fs::remove_file`, retried while another program holds the file.
pub fn remove_file(path: &Path) -> io::Result<()> {
    retrying(|| std::fs::remove_file(path), is_transient, PAUSE)
}

/// Whether the error is Windows saying another program has the file open for now. On Unix a
/// rename or delete is never blocked that way, and "permission denied" is final.
fn is_transient(error: &io::Error) -> bool {
    cfg!(windows) && windows_says_in_use(error.raw_os_error())
}

/// ERROR_ACCESS_DENIED (5), ERROR_SHARING_VIOLATION (32), ERROR_LOCK_VIOLATION (33).
fn windows_says_in_use(code: Option<i32>) -> bool {
    matches!(code, Some(5 | 32 | 33))
}

fn retrying<T>(
    mut op: impl FnMut() -> io::Result<T>,
    transient: impl Fn(&io::Error) -> bool,
    pause: Duration,
) -> io::Result<T> {
    let mut attempt = 1;
    loop {
        match op() {
            Err(e) if attempt < ATTEMPTS && transient(&e) => {
                attempt += 1;
                std::thread::sleep(pause);
            }
            done => return done,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    fn in_use() -> io::Error {
        io::Error::from_raw_os_error(32)
    }

    fn in_use_code(e: &io::Error) -> bool {
        windows_says_in_use(e.raw_os_error())
    }

    #[test]
    fn a_file_let_go_of_after_a_moment_is_renamed() {
        let tries = Cell::new(0);
        let result = retrying(
            || {
                tries.set(tries.get() + 1);
                if tries.get() < 3 {
                    Err(in_use())
                } else {
                    Ok(())
                }
            },
            in_use_code,
            Duration::ZERO,
        );
        assert!(result.is_ok());
        assert_eq!(tries.get(), 3);
    }

    #[test]
    fn a_file_held_for_good_gives_one_error_after_the_last_try() {
        let tries = Cell::new(0);
        let result: io::Result<()> = retrying(
            || {
                tries.set(tries.get() + 1);
                Err(in_use())
            },
            in_use_code,
            Duration::ZERO,
        );
        assert_eq!(result.unwrap_err().raw_os_error(), Some(32));
        assert_eq!(tries.get(), ATTEMPTS);
    }

    #[test]
    fn other_errors_are_reported_at_once() {
        let tries = Cell::new(0);
        let result: io::Result<()> = retrying(
            || {
                tries.set(tries.get() + 1);
                Err(io::Error::from(io::ErrorKind::NotFound))
            },
            in_use_code,
            Duration::ZERO,
        );
        assert_eq!(result.unwrap_err().kind(), io::ErrorKind::NotFound);
        assert_eq!(tries.get(), 1);
    }

    #[test]
    fn windows_in_use_codes_are_the_only_transient_ones() {
        assert!(windows_says_in_use(Some(5)));
        assert!(windows_says_in_use(Some(32)));
        assert!(windows_says_in_use(Some(33)));
        assert!(!windows_says_in_use(Some(2)));
        assert!(!windows_says_in_use(None));
    }

    #[test]
    fn a_rename_and_a_delete_work_on_real_files() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (dir.path().join("a"), dir.path().join("b"));
        std::fs::write(&a, b"x").unwrap();
        rename(&a, &b).unwrap();
        assert!(!a.exists() && b.exists());
        remove_file(&b).unwrap();
        assert!(!b.exists());
        assert_eq!(remove_file(&b).unwrap_err().kind(), io::ErrorKind::NotFound);
    }
}
