//! The register of printed passports.

use crate::error::Result;
use crate::model::{ChildId, SettingId};
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{Connection, Row, named_params};
use serde::Serialize;

/// One printed copy of a passport.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct IssuedCopy {
    pub id: String,
    pub child_id: ChildId,
    /// `school` or `family`.
    pub audience: String,
    /// `a4` or `a5-booklet`.
    pub format: String,
    pub large_print: bool,
    pub printed_on: NaiveDate,
    pub printed_at: DateTime<Utc>,
    pub version: u32,
    pub content_hash: String,
    pub setting_id: Option<SettingId>,
    pub template: String,
}

fn from_row(row: &Row<'_>) -> rusqlite::Result<IssuedCopy> {
    Ok(IssuedCopy {
        id: row.get("id")?,
        child_id: row.get("child_id")?,
        audience: row.get("audience")?,
        format: row.get("format")?,
        large_print: row.get("large_print")?,
        printed_on: row.get("printed_on")?,
        printed_at: row.get("printed_at")?,
        version: row.get("version")?,
        content_hash: row.get("content_hash")?,
        setting_id: row.get("setting_id")?,
        template: row.get("template")?,
    })
}

pub fn insert(conn: &Connection, copy: &IssuedCopy) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO issued_copies (id, child_id, audience, format, large_print, printed_on,
             printed_at, version, content_hash, setting_id, template)
         VALUES (:id, :child_id, :audience, :format, :large_print, :printed_on, :printed_at,
             :version, :content_hash, :setting_id, :template)",
    )?
    .execute(named_params! {
        ":id": copy.id,
        ":child_id": copy.child_id,
        ":audience": copy.audience,
        ":format": copy.format,
        ":large_print": copy.large_print,
        ":printed_on": copy.printed_on,
        ":printed_at": copy.printed_at,
        ":version": copy.version,
        ":content_hash": copy.content_hash,
        ":setting_id": copy.setting_id,
        ":template": copy.template,
    })?;
    Ok(())
}

/// A child's copies, newest first.
pub fn for_child(conn: &Connection, child: ChildId) -> Result<Vec<IssuedCopy>> {
    let mut stmt = conn.prepare_cached(
        "SELECT * FROM issued_copies WHERE child_id = ?1 ORDER BY printed_at DESC, rowid DESC",
    )?;
    let rows = stmt.query_map([child], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The newest copy of each child's passport for `audience`, across the caseload (or for the
/// given children).
pub fn latest(
    conn: &Connection,
    audience: &str,
    children: Option<&[ChildId]>,
) -> Result<Vec<IssuedCopy>> {
    let ids = children.map(|c| serde_json::to_string(c).expect("ids serialise"));
    let mut stmt = conn.prepare_cached(
        "SELECT * FROM (
             SELECT *, row_number() OVER (PARTITION BY child_id ORDER BY printed_at DESC, rowid DESC) AS newest
             FROM issued_copies
             WHERE audience = ?1 AND (?2 IS NULL OR child_id IN (SELECT value FROM json_each(?2)))
         ) WHERE newest = 1",
    )?;
    let rows = stmt.query_map(rusqlite::params![audience, ids], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The caseload's change marker: the sequence number of the newest audit entry (0 before
/// any). Every write to a table a passport is printed from (and to the register itself) adds
/// an entry, so a preview made before the marker moved may no longer be what would print.
pub fn last_change(conn: &Connection) -> Result<i64> {
    Ok(conn
        .prepare_cached("SELECT COALESCE(max(seq), 0) FROM audit_log")?
        .query_row([], |r| r.get(0))?)
}

/// The version a new copy gets: the same as the last copy for this audience if the content
/// has not changed, otherwise one more.
pub fn next_version(conn: &Connection, child: ChildId, audience: &str, hash: &str) -> Result<u32> {
    let last: Option<(u32, String)> = conn
        .prepare_cached(
            "SELECT version, content_hash FROM issued_copies WHERE child_id = ?1 AND audience = ?2
             ORDER BY printed_at DESC, rowid DESC LIMIT 1",
        )?
        .query_row(rusqlite::params![child, audience], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .map(Some)
        .or_else(|e| match e {
            rusqlite::Error::QueryReturnedNoRows => Ok(None),
            e => Err(e),
        })?;
    Ok(match last {
        Some((version, last_hash)) if last_hash == hash => version,
        Some((version, _)) => version + 1,
        None => 1,
    })
}
