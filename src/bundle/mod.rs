//! Bundles: a child's record, or a whole caseload, as one encrypted `.passport` file, for
//! handing a child over to another team or giving a family a copy of the record.
//!
//! A bundle is a zip archive holding `bundle.json` (the records, see [`format`]) and
//! `photos/<photo-id>.jpg`, sealed as a whole with AES-256-GCM under a key derived from a
//! passphrase ([`crypt`]). Import ([`import`]) opens the archive within [`limits`] that stop
//! zip bombs, checks every name, record, reference and photo, and only then writes, in one
//! transaction. The api (`Api::export_bundle`, `Api::import_bundle`) is the way in.

pub mod crypt;
pub mod export;
pub mod format;
pub mod import;
pub mod limits;

pub use format::{Bundle, BundleChild, BundleItem, SCHEMA_VERSION};
pub use import::{ChildOutcome, ExistingChild, ImportOptions, ImportReport, ImportedChild};
pub use limits::Limits;

/// The file extension of a bundle.
pub const EXTENSION: &str = "passport";
