//! Exporting children to an encrypted `.passport` bundle and importing one (see
//! [`crate::bundle`] for the format and the checks).

use super::Api;
use crate::bundle::import::{self, Checked, ImportOptions, ImportReport};
use crate::bundle::{crypt, export};
use crate::error::{Error, Result};
use crate::model::ChildId;
use crate::store::children::{self, ChildSearch};
use serde::Serialize;
use std::path::{Path, PathBuf};

/// Which children a bundle holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportScope {
    Child(ChildId),
    /// The whole caseload.
    All,
}

/// What an export wrote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ExportReport {
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub path: PathBuf,
    pub schema_version: u32,
    pub children: usize,
    pub items: usize,
    pub photos: usize,
    /// The size of the file written.
    pub bytes: u64,
}

impl Api {
    /// The passphrase a bundle is sealed or opened with: the one chosen for the file, or the
    /// caseload's own.
    fn bundle_passphrase<'a>(&'a self, chosen: Option<&'a str>) -> Result<&'a str> {
        chosen.or(self.store.passphrase_str()).ok_or_else(|| {
            Error::invalid(
                "passphrase",
                "choose a passphrase for the bundle: this caseload has none of its own to lend it",
            )
        })
    }

    /// The unencrypted zip archive of a bundle, with how many children, items and photos it
    /// holds (the export without the envelope: tests and fuzzing).
    pub fn bundle_zip(&self, scope: ExportScope) -> Result<(Vec<u8>, [usize; 3])> {
        let conn = self.store.conn();
        let ids: Vec<ChildId> = match scope {
            ExportScope::Child(id) => {
                if !children::exists(conn, id)? {
                    return Err(Error::not_found(ChildId::KIND, id));
                }
                vec![id]
            }
            ExportScope::All => {
                let search = ChildSearch {
                    text: "",
                    setting: None,
                    limit: usize::MAX,
                };
                children::search(conn, &search)?
                    .0
                    .into_iter()
                    .map(|c| c.id)
                    .collect()
            }
        };
        let (bundle, photos) = export::collect(conn, &ids, self.now())?;
        let items = bundle.children.iter().map(|c| c.items.len()).sum();
        let zip = export::write_zip(&bundle, &photos)?;
        Ok((zip, [bundle.children.len(), items, photos.len()]))
    }

    /// The name an export made today is offered under: "Okafor, Amara - 2026-12-07.passport",
    /// or "Caseload - …" for the whole caseload.
    pub fn bundle_file_name(&self, scope: ExportScope) -> Result<String> {
        let child = match scope {
            ExportScope::Child(id) => Some(crate::store::children::get(self.store.conn(), id)?),
            ExportScope::All => None,
        };
        Ok(crate::passport::file_name::bundle(
            child.as_ref().map(|c| &c.details),
            self.today(),
        ))
    }

    /// Writes a bundle of one child or the whole caseload to `path`, encrypted with
    /// `passphrase` (one chosen for the file) or, when `None`, the caseload's own.
    pub fn export_bundle(
        &self,
        scope: ExportScope,
        path: &Path,
        passphrase: Option<&str>,
    ) -> Result<ExportReport> {
        if let Some(chosen) = passphrase {
            crate::model::passphrase::check_new(chosen)?;
        }
        let passphrase = self.bundle_passphrase(passphrase)?;
        let (zip, [children, items, photos]) = self.bundle_zip(scope)?;
        let sealed = crypt::seal(&zip, passphrase)?;
        // Written beside the target and renamed, so a failed export leaves no half file.
        let partial = path.with_extension("passport.part");
        let io = |e| Error::io(format!("could not write {}", path.display()), e);
        std::fs::write(&partial, &sealed).map_err(io)?;
        crate::file_moves::rename(&partial, path).map_err(|e| {
            let _ = crate::file_moves::remove_file(&partial);
            io(e)
        })?;
        Ok(ExportReport {
            path: path.to_path_buf(),
            schema_version: crate::bundle::SCHEMA_VERSION,
            children,
            items,
            photos,
            bytes: sealed.len() as u64,
        })
    }

    /// Imports the bundle at `path`, opened with `passphrase` (the one chosen for the file)
    /// or, when `None`, the caseload's own. Everything is checked before anything is written;
    /// then the whole import is one transaction.
    pub fn import_bundle(
        &mut self,
        path: &Path,
        passphrase: Option<&str>,
        options: &ImportOptions,
    ) -> Result<ImportReport> {
        let io = |e| Error::io(format!("could not read {}", path.display()), e);
        let size = std::fs::metadata(path).map_err(io)?.len();
        if size > options.limits.max_file_bytes {
            return Err(Error::invalid(
                "file",
                format!(
                    "the bundle is refused: the file is {}, more than the {} a bundle may be",
                    crate::bundle::limits::shown_size(size),
                    crate::bundle::limits::shown_size(options.limits.max_file_bytes)
                ),
            ));
        }
        let sealed = crate::user_file::read(
            path,
            crate::user_file::Limit::bundle(options.limits.max_file_bytes),
        )?;
        let zip = crypt::open(&sealed, self.bundle_passphrase(passphrase)?)?;
        self.import_bundle_zip(&zip, options)
    }

    /// Imports an unencrypted bundle archive (the import without the envelope).
    pub fn import_bundle_zip(
        &mut self,
        zip: &[u8],
        options: &ImportOptions,
    ) -> Result<ImportReport> {
        let unpacked = import::unpack(zip, &options.limits)?;
        let checked: Checked = import::validate(
            unpacked,
            self.today(),
            &self.service_intervals()?,
            &self.dfg_rules()?,
        )?;
        let now = self.now();
        let tx = self.store.transaction()?;
        let report = import::write(&tx, &checked, options.existing, now, options.dry_run)?;
        if !options.dry_run {
            tx.commit()?;
        }
        // A dry run's savepoint is dropped here, undoing every write.
        Ok(report)
    }
}
