//! Whether a folder is a safe place for a caseload: not on a network share, where SQLite's
//! file locking is unreliable and two computers writing at once can corrupt the database
//! (<https://www.sqlite.org/useovernet.html>).

use crate::error::{Error, Result};
use std::path::Path;

/// Where a folder is, as far as the network-share rule cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Place {
    /// A Windows UNC path (`\\server\share\...`, or its `\\?\UNC\...` long form).
    Unc,
    /// A path on a Windows drive letter, which may be mapped to a share: ask Windows.
    Drive(char),
    /// Anything else (a Unix path, a relative path): treated as local.
    Other,
}

/// Classifies a path by its text alone, so the rule is the same (and testable) on every
/// platform. `\\?\C:\...` and `\\.\C:\...` are local drive paths in their long forms.
pub(crate) fn place_of(path: &str) -> Place {
    let p = path.replace('/', "\\");
    let rest = if let Some(r) = p
        .strip_prefix("\\\\?\\")
        .or_else(|| p.strip_prefix("\\\\.\\"))
    {
        if r.len() >= 4 && r[..4].eq_ignore_ascii_case("UNC\\") {
            return Place::Unc;
        }
        r.to_string()
    } else if p.starts_with("\\\\") {
        return Place::Unc;
    } else {
        p
    };
    let mut chars = rest.chars();
    match (chars.next(), chars.next()) {
        (Some(letter), Some(':')) if letter.is_ascii_alphabetic() => {
            Place::Drive(letter.to_ascii_uppercase())
        }
        _ => Place::Other,
    }
}

/// Refuses a caseload folder on a network share, naming the folder and the reason.
pub(crate) fn refuse_network_share(dir: &Path) -> Result<()> {
    let remote = match place_of(&dir.to_string_lossy()) {
        Place::Unc => true,
        Place::Drive(letter) => drive_is_remote(letter),
        Place::Other => false,
    };
    if remote {
        return Err(Error::Io {
            context: format!("cannot keep a caseload in {}", dir.display()),
            source: std::io::Error::new(
                std::io::ErrorKind::Unsupported,
                "that folder is on a network drive, and SQLite on a network share can corrupt \
                 the database: choose a folder on this computer's own disk (the backups can go \
                 to the network drive)",
            ),
        });
    }
    Ok(())
}

#[cfg(windows)]
fn drive_is_remote(letter: char) -> bool {
    use windows_sys::Win32::Storage::FileSystem::GetDriveTypeW;
    // DRIVE_REMOTE: a drive letter mapped to a network share.
    const DRIVE_REMOTE: u32 = 4;
    let root: Vec<u16> = format!("{letter}:\\").encode_utf16().chain([0]).collect();
    // SAFETY: `root` is a NUL-terminated UTF-16 string that outlives the call.
    unsafe { GetDriveTypeW(root.as_ptr()) == DRIVE_REMOTE }
}

#[cfg(not(windows))]
fn drive_is_remote(_letter: char) -> bool {
    // Drive letters mean nothing here: `C:` is just an odd folder name.
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_unc_path_is_a_network_share_in_every_spelling() {
        for path in [
            r"\\server\share\caseload",
            "//server/share/caseload",
            r"\\?\UNC\server\share\caseload",
            r"\\?\unc\server\share",
        ] {
            assert_eq!(place_of(path), Place::Unc, "{path}");
        }
    }

    #[test]
    fn a_drive_letter_is_asked_about_and_long_forms_of_it_too() {
        assert_eq!(place_of(r"C:\Users\staff\AppData\Local"), Place::Drive('C'));
        assert_eq!(place_of(r"h:\caseload"), Place::Drive('H'));
        assert_eq!(place_of(r"\\?\D:\caseload"), Place::Drive('D'));
        assert_eq!(place_of(r"\\.\E:\caseload"), Place::Drive('E'));
    }

    #[test]
    fn unix_and_relative_paths_are_local() {
        assert_eq!(place_of("/home/staff/.local/share/x"), Place::Other);
        assert_eq!(place_of("caseload"), Place::Other);
        assert_eq!(place_of(""), Place::Other);
    }

    #[test]
    fn a_caseload_on_a_share_is_refused_with_the_reason() {
        let err = refuse_network_share(Path::new(r"\\server\share\caseload")).unwrap_err();
        let message = err.to_string();
        assert!(message.contains(r"\\server\share\caseload"), "{message}");
        assert!(
            message.contains("SQLite on a network share can corrupt"),
            "{message}"
        );
    }

    #[test]
    fn a_local_folder_is_accepted() {
        let dir = std::env::temp_dir();
        refuse_network_share(&dir).unwrap();
    }
}
