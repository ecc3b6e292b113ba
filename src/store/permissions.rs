//! Files and folders that hold children's health data are the user's alone: on Unix the data
//! folder and `backups/` are created 0700 and the database, its lock and its backups 0600,
//! whatever the umask. (Windows gives files in the user's profile to that user already.)
//!
//! SQLite creates a database's `-wal` and `-shm` files with the database file's own mode, so
//! creating the database file here, before SQLite opens it, keeps those private too.

use std::fs::{File, OpenOptions};
use std::io;
use std::path::Path;

/// Creates `dir` and any missing parents; the folders it creates are private to the user.
pub fn create_private_dir_all(dir: &Path) -> io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir)
}

/// Opens `path` for reading and writing, creating it private to the user if it is missing.
/// With `new_only`, refuses (with `AlreadyExists`) a file that is already there.
pub fn create_private_file(path: &Path, new_only: bool) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true).write(true);
    if new_only {
        options.create_new(true);
    } else {
        options.create(true);
    }
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(path)
}

/// Takes group and other permissions away from a file or folder made by an older version
/// (which left them 0644 / 0755). A file that is missing, or not ours to change, is left alone.
pub fn make_private(path: &Path) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        if let Ok(meta) = std::fs::metadata(path) {
            let mode = meta.permissions().mode();
            if mode & 0o077 != 0 {
                let private = if meta.is_dir() { 0o700 } else { 0o600 };
                let _ = std::fs::set_permissions(path, std::fs::Permissions::from_mode(private));
            }
        }
    }
    #[cfg(not(unix))]
    let _ = path;
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    fn mode(path: &Path) -> u32 {
        std::fs::metadata(path).unwrap().permissions().mode() & 0o777
    }

    #[test]
    fn folders_and_files_are_created_for_the_user_alone() {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data").join("backups");
        create_private_dir_all(&data).unwrap();
        assert_eq!(mode(&data), 0o700);
        assert_eq!(mode(data.parent().unwrap()), 0o700);
        let file = data.join("passport.db");
        create_private_file(&file, true).unwrap();
        assert_eq!(mode(&file), 0o600);
        assert_eq!(
            create_private_file(&file, true).unwrap_err().kind(),
            io::ErrorKind::AlreadyExists
        );
    }

    #[test]
    fn files_left_readable_by_an_older_version_are_made_private() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("passport.db");
        std::fs::write(&file, b"x").unwrap();
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).unwrap();
        make_private(&file);
        assert_eq!(mode(&file), 0o600);
    }
}
