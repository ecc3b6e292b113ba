//! Reading the audit trail. It is written only by the triggers of migration 0004 (see
//! `migrations/0004_audit.sql`), in the same transaction as each change, and triggers on
//! `audit_log` itself refuse every UPDATE and DELETE.

use crate::error::Result;
use rusqlite::{Connection, Row, params};

/// One row of `audit_log` as stored: the record's audited columns as JSON before and after.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditRow {
    pub seq: i64,
    pub at: String,
    pub who: String,
    pub action: String,
    pub table_name: String,
    pub record_id: String,
    pub child_id: Option<String>,
    pub old_values: Option<String>,
    pub new_values: Option<String>,
}

fn from_row(row: &Row<'_>) -> rusqlite::Result<AuditRow> {
    Ok(AuditRow {
        seq: row.get("seq")?,
        at: row.get("at")?,
        who: row.get("who")?,
        action: row.get("action")?,
        table_name: row.get("table_name")?,
        record_id: row.get("record_id")?,
        child_id: row.get("child_id")?,
        old_values: row.get("old_values")?,
        new_values: row.get("new_values")?,
    })
}

/// Everything recorded about a child and the records that belong to them, oldest first,
/// including what was logged as the child was deleted.
pub fn for_child(conn: &Connection, child: &str) -> Result<Vec<AuditRow>> {
    let mut stmt =
        conn.prepare_cached("SELECT * FROM audit_log WHERE child_id = ?1 ORDER BY seq")?;
    let rows = stmt.query_map([child], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// One record's entries, oldest first, with those of the rows that are parts of it: `parts`
/// names tables whose `record_id` is the owner's id, or the owner's id, `#` and a position.
pub fn for_record(
    conn: &Connection,
    table: &str,
    id: &str,
    parts: &[&str],
) -> Result<Vec<AuditRow>> {
    let mut rows: Vec<AuditRow> = conn
        .prepare_cached(
            "SELECT * FROM audit_log WHERE table_name = ?1 AND record_id = ?2 ORDER BY seq",
        )?
        .query_map(params![table, id], from_row)?
        .collect::<rusqlite::Result<_>>()?;
    let mut part_stmt = conn.prepare_cached(
        "SELECT * FROM audit_log
         WHERE table_name = ?1 AND (record_id = ?2 OR record_id BETWEEN ?2 || '#' AND ?2 || '#~')",
    )?;
    for part in parts {
        let found = part_stmt.query_map(params![part, id], from_row)?;
        for row in found {
            rows.push(row?);
        }
    }
    rows.sort_by_key(|r| r.seq);
    Ok(rows)
}

/// How many entries the trail holds.
pub fn count(conn: &Connection) -> Result<usize> {
    Ok(super::sql::count(
        conn,
        "SELECT count(*) FROM audit_log",
        [],
    )?)
}
