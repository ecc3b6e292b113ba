//! Limits that keep a hostile or damaged bundle from exhausting memory or disk: how many
//! entries, how large each may grow and all together, and how far each may expand. Sizes are
//! counted while decompressing; the sizes an archive's headers claim are never trusted.

use crate::error::{Error, Result};
use std::io::Read;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Limits {
    /// Largest `.passport` file read.
    pub max_file_bytes: u64,
    /// Most entries in the archive (bundle.json and one per photo).
    pub max_entries: usize,
    /// Largest photo once decompressed (the photo intake's own limit).
    pub max_photo_bytes: u64,
    /// Largest bundle.json once decompressed.
    pub max_document_bytes: u64,
    /// Most bytes all entries may decompress to together.
    pub max_total_bytes: u64,
    /// Most an entry may expand (decompressed ÷ compressed size) ...
    pub max_ratio: u64,
    /// ... once it has grown past this size (tiny entries compress well legitimately).
    pub ratio_from_bytes: u64,
}

impl Default for Limits {
    /// Room for a caseload of a few hundred children with a dozen photos each.
    fn default() -> Self {
        Limits {
            max_file_bytes: 2 << 30,
            max_entries: 20_000,
            max_photo_bytes: crate::media::MAX_FILE_BYTES as u64,
            max_document_bytes: 64 << 20,
            max_total_bytes: 2 << 30,
            max_ratio: 100,
            ratio_from_bytes: 1 << 20,
        }
    }
}

/// A size as people read it: "256 KB", "40 MB".
pub fn shown_size(bytes: u64) -> String {
    if bytes >= 1 << 20 {
        format!("{} MB", bytes >> 20)
    } else {
        format!("{} KB", bytes.div_ceil(1024))
    }
}

fn refused(message: String) -> Error {
    Error::invalid("file", message)
}

/// Counts what a whole archive has decompressed to so far.
#[derive(Debug, Default)]
pub struct Meter {
    total: u64,
}

impl Meter {
    /// Reads one entry to the end, refusing it as soon as it passes `cap`, the archive passes
    /// the total limit, or the entry expands more than the ratio allows.
    pub fn read(
        &mut self,
        limits: &Limits,
        name: &str,
        mut entry: impl Read,
        compressed: u64,
        cap: u64,
    ) -> Result<Vec<u8>> {
        let mut out = Vec::new();
        let mut chunk = vec![0u8; 64 * 1024];
        loop {
            let n = entry.read(&mut chunk).map_err(|e| {
                refused(format!(
                    "the bundle is damaged: {name} cannot be read ({e}); ask for it to be exported again"
                ))
            })?;
            if n == 0 {
                return Ok(out);
            }
            out.extend_from_slice(&chunk[..n]);
            self.total += n as u64;
            let size = out.len() as u64;
            if size > cap {
                return Err(refused(format!(
                    "the bundle is refused: {name} grows past {}, more than an entry may hold",
                    shown_size(cap)
                )));
            }
            if self.total > limits.max_total_bytes {
                return Err(refused(format!(
                    "the bundle is refused: its contents grow past {} in all, more than a bundle may hold",
                    shown_size(limits.max_total_bytes)
                )));
            }
            if size > limits.ratio_from_bytes && size / compressed.max(1) > limits.max_ratio {
                return Err(refused(format!(
                    "the bundle is refused: {name} expands more than {} times (a zip bomb, or a damaged file)",
                    limits.max_ratio
                )));
            }
        }
    }
}
