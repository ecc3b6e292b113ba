//! Equipment Passport's core: everything the `passport` CLI and the desktop app share, and
//! nothing of Tauri or the UI.
//!
//! Data flows one way: a shell calls [`api::Api`] → [`model`] validates → [`store`] writes in
//! one transaction. Photos pass through [`media`] before they are stored. Time comes from a
//! [`clock::Clock`], so tests and printed documents are reproducible.

pub mod api;
pub mod bundle;
pub mod calendar;
pub mod clock;
pub mod demo;
pub mod error;
pub mod export_csv;
pub mod file_moves;
pub mod import_csv;
pub mod media;
pub mod model;
pub mod passport;
pub mod store;
#[cfg(feature = "team")]
pub mod team;
pub mod user_file;

pub use api::Api;
pub use error::{Error, FieldError, Result};

/// The desktop app's identifier; also the name of the per-user data folder.
pub const APP_IDENTIFIER: &str = "uk.equipmentpassport.app";
