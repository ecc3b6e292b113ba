//! Files a user names by path (a photo, a spreadsheet, a bundle, a passphrase file, a template
//! and its logo), read with a limit. A path can name anything: a symlink to `/dev/zero`, a
//! pipe, a folder, a file still growing. Reading it whole would let any of them fill the
//! memory, so a file is read only when it is a regular file no larger than its limit, and
//! never more than one byte past the limit whatever its size said.

use crate::error::{Error, Result};
use std::fs::{File, Metadata};
use std::io::Read;
use std::path::Path;

/// What a file is for, as messages name it, and the most it may hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limit {
    /// The kind of file with its article, as the message says it: "a photo".
    pub what: &'static str,
    /// The field a refusal is reported against.
    pub field: &'static str,
    /// The largest file read, in bytes.
    pub max_bytes: u64,
}

impl Limit {
    /// A photo: the photo intake's own limit.
    pub const PHOTO: Limit = Limit {
        what: "a photo",
        field: "file",
        max_bytes: crate::media::MAX_FILE_BYTES as u64,
    };
    /// An equipment spreadsheet saved as CSV: the CSV import's own limit.
    pub const EQUIPMENT_CSV: Limit = Limit {
        what: "an equipment spreadsheet",
        field: "file",
        max_bytes: crate::import_csv::MAX_BYTES as u64,
    };
    /// A file whose first line is a passphrase. A passphrase is at most 256 characters; the
    /// room above that is for whatever else a password manager writes after it.
    pub const PASSPHRASE_FILE: Limit = Limit {
        what: "a passphrase file",
        field: "passphrase_file",
        max_bytes: 64 * 1024,
    };
    /// A passport template (TOML). The largest built-in one is a few KB; a megabyte is room
    /// for any layout a person would write by hand.
    pub const TEMPLATE: Limit = Limit {
        what: "a template",
        field: "template",
        max_bytes: 1024 * 1024,
    };
    /// A template's logo (PNG): held to the photo intake's limit, as it is decoded the same way.
    pub const LOGO: Limit = Limit {
        what: "a logo",
        field: "branding.logo",
        max_bytes: crate::media::MAX_FILE_BYTES as u64,
    };

    /// A `.passport` bundle, whose limit is the import's (see `bundle::Limits`).
    pub fn bundle(max_bytes: u64) -> Limit {
        Limit {
            what: "a bundle",
            field: "file",
            max_bytes,
        }
    }
}

/// Reads the regular file at `path` (symlinks followed) if it holds at most `limit.max_bytes`.
pub fn read(path: &Path, limit: Limit) -> Result<Vec<u8>> {
    let shown = path.display();
    let could_not_read = |e| Error::io(format!("could not read {shown}"), e);
    // Checked before opening as well as after: opening a pipe with no writer blocks for ever.
    check_regular(
        path,
        &std::fs::metadata(path).map_err(could_not_read)?,
        limit,
    )?;
    let file = File::open(path).map_err(could_not_read)?;
    // The opened file's own metadata is the one that counts: the path may have been swapped
    // between the check and the open.
    let metadata = file.metadata().map_err(could_not_read)?;
    check_regular(path, &metadata, limit)?;
    if metadata.len() > limit.max_bytes {
        return Err(too_large(
            limit,
            format!("{shown} is {}", shown_size(metadata.len())),
        ));
    }
    // The size can be wrong (a file still being written, a /proc file that says 0), so at most
    // one byte more than the limit is read, which is enough to tell it is too large.
    let mut bytes = Vec::with_capacity(metadata.len() as usize);
    file.take(limit.max_bytes + 1)
        .read_to_end(&mut bytes)
        .map_err(could_not_read)?;
    if bytes.len() as u64 > limit.max_bytes {
        return Err(too_large(
            limit,
            format!("{shown} is larger than {}", shown_size(limit.max_bytes)),
        ));
    }
    Ok(bytes)
}

fn check_regular(path: &Path, metadata: &Metadata, limit: Limit) -> Result<()> {
    if metadata.is_file() {
        return Ok(());
    }
    Err(Error::invalid(
        limit.field,
        format!(
            "{} is not a regular file ({}): choose {} saved as a file",
            path.display(),
            kind_of(metadata),
            limit.what
        ),
    ))
}

fn too_large(limit: Limit, what_it_is: String) -> Error {
    Error::invalid(
        limit.field,
        format!(
            "{what_it_is}; {} may be at most {}",
            limit.what,
            shown_size(limit.max_bytes)
        ),
    )
}

/// What a path that is not a regular file is, in words people know.
fn kind_of(metadata: &Metadata) -> &'static str {
    let kind = metadata.file_type();
    if kind.is_dir() {
        return "it is a folder";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "it is a pipe";
        }
        if kind.is_char_device() || kind.is_block_device() {
            return "it is a device";
        }
        if kind.is_socket() {
            return "it is a socket";
        }
    }
    "it is not a file of data"
}

/// A size as people read it, to a tenth rounded up, so a file one byte over a limit never
/// shows as the limit itself: "6.2 GB", "40 MB", "40.1 MB", "12 KB", "11 bytes".
pub fn shown_size(bytes: u64) -> String {
    const UNITS: [(u64, &str); 3] = [(1 << 30, "GB"), (1 << 20, "MB"), (1 << 10, "KB")];
    for (unit, name) in UNITS {
        if bytes >= unit {
            let tenths = (bytes * 10).div_ceil(unit);
            return if tenths % 10 == 0 {
                format!("{} {name}", tenths / 10)
            } else {
                format!("{}.{} {name}", tenths / 10, tenths % 10)
            };
        }
    }
    format!("{bytes} byte{}", if bytes == 1 { "" } else { "s" })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    const TEN_BYTES: Limit = Limit {
        what: "a test file",
        field: "file",
        max_bytes: 10,
    };

    fn file_of(dir: &Path, name: &str, len: usize) -> std::path::PathBuf {
        let path = dir.join(name);
        std::fs::File::create(&path)
            .unwrap()
            .write_all(&vec![b'x'; len])
            .unwrap();
        path
    }

    fn refusal(path: &Path, limit: Limit) -> String {
        let error = read(path, limit).unwrap_err();
        assert_eq!(error.code(), "invalid", "{error}");
        assert_eq!(error.fields()[0].field, limit.field);
        error.fields()[0].message.clone()
    }

    #[test]
    fn a_regular_file_within_its_limit_is_read_whole() {
        let dir = tempfile::tempdir().unwrap();
        let path = file_of(dir.path(), "small.csv", 4);
        assert_eq!(read(&path, TEN_BYTES).unwrap(), b"xxxx");
    }

    #[test]
    fn a_file_of_exactly_the_limit_is_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = file_of(dir.path(), "exact.csv", 10);
        assert_eq!(read(&path, TEN_BYTES).unwrap().len(), 10);
    }

    #[test]
    fn a_file_one_byte_over_the_limit_is_refused_naming_it_and_the_limit() {
        let dir = tempfile::tempdir().unwrap();
        let path = file_of(dir.path(), "over.csv", 11);
        assert_eq!(
            refusal(&path, TEN_BYTES),
            format!(
                "{} is 11 bytes; a test file may be at most 10 bytes",
                path.display()
            )
        );
    }

    #[test]
    fn a_missing_file_is_an_io_error_naming_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("missing.jpg");
        let error = read(&path, Limit::PHOTO).unwrap_err();
        assert_eq!(error.code(), "io");
        assert!(
            error
                .to_string()
                .starts_with(&format!("could not read {}", path.display())),
            "{error}"
        );
    }

    #[test]
    fn a_folder_is_not_a_regular_file() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(
            refusal(dir.path(), Limit::PHOTO),
            format!(
                "{} is not a regular file (it is a folder): choose a photo saved as a file",
                dir.path().display()
            )
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_symlink_to_dev_zero_is_refused_without_reading_it() {
        let dir = tempfile::tempdir().unwrap();
        let link = dir.path().join("photo.jpg");
        std::os::unix::fs::symlink("/dev/zero", &link).unwrap();
        let message = refusal(&link, Limit::PHOTO);
        assert!(
            message.contains("photo.jpg is not a regular file (it is a device)"),
            "{message}"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_pipe_is_refused_without_waiting_for_a_writer() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("passphrase");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap();
        assert!(made.success());
        // Opening a pipe with no writer would block: the refusal must come first.
        let message = refusal(&fifo, Limit::PASSPHRASE_FILE);
        assert!(message.contains("(it is a pipe)"), "{message}");
    }

    #[test]
    fn sizes_round_up_so_one_byte_over_never_looks_equal() {
        assert_eq!(shown_size(40 << 20), "40 MB");
        assert_eq!(shown_size((40 << 20) + 1), "40.1 MB");
        assert_eq!(shown_size(6_657_199_308), "6.2 GB");
        assert_eq!(shown_size(2 << 30), "2 GB");
        assert_eq!(shown_size(64 * 1024), "64 KB");
        assert_eq!(shown_size(1), "1 byte");
    }
}
