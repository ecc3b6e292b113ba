//! Small files the app keeps in the database (the organisation's logo), so the caseload stays
//! one encrypted file.

use crate::error::Result;
use rusqlite::{Connection, OptionalExtension, params};

pub fn get(conn: &Connection, name: &str) -> Result<Option<Vec<u8>>> {
    Ok(conn
        .prepare_cached("SELECT bytes FROM app_files WHERE name = ?1")?
        .query_row([name], |r| r.get(0))
        .optional()?)
}

pub fn set(conn: &Connection, name: &str, bytes: &[u8]) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO app_files (name, bytes) VALUES (?1, ?2)
         ON CONFLICT (name) DO UPDATE SET bytes = excluded.bytes",
    )?
    .execute(params![name, bytes])?;
    Ok(())
}

pub fn remove(conn: &Connection, name: &str) -> Result<()> {
    conn.execute("DELETE FROM app_files WHERE name = ?1", [name])?;
    Ok(())
}
