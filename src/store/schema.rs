//! Numbered, append-only migrations (`migrations/NNNN_*.sql`), tracked in SQLite's
//! `user_version`. A database newer than this binary is refused, never guessed at.

use crate::error::{Error, Result};
use rusqlite::Connection;
use rusqlite_migration::{M, Migrations};

const STEPS: &[M<'static>] = &[
    M::up(include_str!("migrations/0001_initial.sql")),
    M::up(include_str!("migrations/0002_issued_copies.sql")),
    M::up(include_str!("migrations/0003_dfg.sql")),
    M::up(include_str!("migrations/0004_audit.sql")),
    M::up(include_str!("migrations/0005_print_copies.sql")),
    M::up(include_str!("migrations/0006_one_child_per_nhs_number.sql")),
    M::up(include_str!("migrations/0007_key_statements.sql")),
    M::up(include_str!("migrations/0008_handling_plans.sql")),
    M::up(include_str!("migrations/0009_logo_replacement_audited.sql")),
    M::up(include_str!("migrations/0010_training.sql")),
    M::up(include_str!("migrations/0011_schedules.sql")),
    M::up(include_str!("migrations/0012_examinations.sql")),
    M::up(include_str!("migrations/0013_safety_notices.sql")),
    M::up(include_str!("migrations/0014_evacuation_plans.sql")),
    M::up(include_str!("migrations/0015_child_language.sql")),
];

/// The schema version this binary writes.
pub const SCHEMA_VERSION: u32 = STEPS.len() as u32;

pub fn version(conn: &Connection) -> Result<u32> {
    Ok(conn.pragma_query_value(None, "user_version", |r| r.get::<_, u32>(0))?)
}

/// Brings the database up to `SCHEMA_VERSION`, all pending steps in one transaction.
pub fn migrate(conn: &mut Connection) -> Result<()> {
    migrate_to(conn, SCHEMA_VERSION)
}

/// Brings the database up to a given version: for upgrade tests that build an old schema.
pub fn migrate_to(conn: &mut Connection, target: u32) -> Result<()> {
    let found = version(conn)?;
    if found > SCHEMA_VERSION {
        return Err(Error::DatabaseTooNew {
            found,
            supported: SCHEMA_VERSION,
        });
    }
    if found >= target {
        return Ok(());
    }
    Migrations::from_slice(STEPS)
        .to_version(conn, target as usize)
        .map_err(|e| match e {
            rusqlite_migration::Error::RusqliteError { err, .. } => Error::Storage(err),
            other => Error::Storage(rusqlite::Error::SqliteFailure(
                rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_ERROR),
                Some(format!("schema migration failed: {other}")),
            )),
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_migration_step_is_valid_sql() {
        assert!(Migrations::from_slice(STEPS).validate().is_ok());
    }

    #[test]
    fn a_newer_database_is_refused_with_its_own_error() {
        let mut conn = Connection::open_in_memory().unwrap();
        conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1)
            .unwrap();
        match migrate(&mut conn) {
            Err(Error::DatabaseTooNew { found, supported }) => {
                assert_eq!((found, supported), (SCHEMA_VERSION + 1, SCHEMA_VERSION));
            }
            other => panic!("expected DatabaseTooNew, got {other:?}"),
        }
    }
}
