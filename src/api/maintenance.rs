//! Looking after the database itself.

use super::Api;
use crate::error::Result;
use crate::store::{SCHEMA_VERSION, children, items, photos};
use serde::Serialize;

/// The result of `passport db check`.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct DatabaseCheck {
    pub schema_version: u32,
    pub supported_version: u32,
    /// Empty when SQLite's integrity and foreign key checks pass.
    pub problems: Vec<String>,
    pub children: usize,
    pub items: usize,
    pub photos: usize,
}

impl DatabaseCheck {
    pub fn ok(&self) -> bool {
        self.problems.is_empty()
    }
}

impl Api {
    pub fn check_database(&self) -> Result<DatabaseCheck> {
        let conn = self.store.conn();
        Ok(DatabaseCheck {
            schema_version: self.store.schema_version()?,
            supported_version: SCHEMA_VERSION,
            problems: self.store.integrity_problems()?,
            children: children::count(conn)?,
            items: items::count(conn)?,
            photos: photos::count(conn)?,
        })
    }
}
