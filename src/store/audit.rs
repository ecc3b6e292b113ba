//! Reading the audit trail. It is written only by the triggers of migration 0004 (see
//! `migrations/0004_audit.sql`), in the same transaction as each change, and triggers on
//! `audit_log` itself refuse every UPDATE and DELETE.

use crate::error::Result;
use rusqlite::{Connection, OptionalExtension, Row, params};

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

/// Everything recorded about one equipment item, oldest first: the item itself, its set-up
/// steps (`record_id` is the item's id, `#` and a position), and every entry of each photo
/// service record and training record whose values ever named the item. Read from the entries of the item's
/// child, so it is as quick as the child's history and outlives the item.
pub fn for_item(conn: &Connection, item: &str) -> Result<Vec<AuditRow>> {
    let mut stmt = conn.prepare_cached(
        "WITH owner(child_id) AS (
             SELECT coalesce(
                 (SELECT child_id FROM items WHERE id = ?1),
                 (SELECT child_id FROM audit_log
                  WHERE table_name = 'items' AND record_id = ?1 AND child_id IS NOT NULL
                  ORDER BY seq DESC LIMIT 1))
         ),
         of_child AS (
             SELECT * FROM audit_log WHERE child_id = (SELECT child_id FROM owner)
         ),
         attached(table_name, record_id) AS (
             SELECT DISTINCT table_name, record_id FROM of_child
             WHERE table_name IN ('photos', 'service_records', 'training_records', 'item_schedules')
               AND ?1 IN (json_extract(old_values, '$.item_id'),
                          json_extract(new_values, '$.item_id'))
         )
         SELECT * FROM of_child
         WHERE (table_name = 'items' AND record_id = ?1)
            OR (table_name = 'item_steps' AND record_id BETWEEN ?1 || '#' AND ?1 || '#~')
            OR (table_name, record_id) IN (SELECT table_name, record_id FROM attached)
         ORDER BY seq",
    )?;
    let rows = stmt.query_map([item], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// What a person calls the record `id` of `table`: a school's, supplier's or item's name, a
/// photo's caption. Read from the record as it is now, or once it is deleted from the last
/// values the trail holds for it; `None` for other tables and for records never named.
pub fn name_of(conn: &Connection, table: &str, id: &str) -> Result<Option<String>> {
    let (live, logged) = match table {
        "settings" => ("SELECT name FROM settings WHERE id = ?1", "$.name"),
        "suppliers" => ("SELECT name FROM suppliers WHERE id = ?1", "$.name"),
        "items" => ("SELECT name FROM items WHERE id = ?1", "$.name"),
        "photos" => ("SELECT caption FROM photos WHERE id = ?1", "$.caption"),
        _ => return Ok(None),
    };
    let now: Option<String> = conn
        .prepare_cached(live)?
        .query_row([id], |r| r.get(0))
        .optional()?;
    if now.is_some() {
        return Ok(now.filter(|n| !n.is_empty()));
    }
    let last: Option<Option<String>> = conn
        .prepare_cached(
            "SELECT coalesce(json_extract(new_values, ?3), json_extract(old_values, ?3))
             FROM audit_log WHERE table_name = ?1 AND record_id = ?2
             ORDER BY seq DESC LIMIT 1",
        )?
        .query_row(params![table, id, logged], |r| r.get(0))
        .optional()?;
    Ok(last.flatten().filter(|n| !n.is_empty()))
}

/// How many entries the trail holds.
pub fn count(conn: &Connection) -> Result<usize> {
    Ok(super::sql::count(
        conn,
        "SELECT count(*) FROM audit_log",
        [],
    )?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;

    /// Writes one entry as the triggers would, with `values` as the record's values after.
    fn log(conn: &Connection, table: &str, record: &str, child: &str, values: &str) -> i64 {
        conn.execute(
            "INSERT INTO audit_log (at, who, action, table_name, record_id, child_id, new_values)
             VALUES ('2026-11-22T09:00:00.000Z', 'Sam Jones', 'create', ?1, ?2, ?3, ?4)",
            params![table, record, child, values],
        )
        .unwrap();
        conn.last_insert_rowid()
    }

    #[test]
    fn an_items_history_holds_its_steps_photos_and_service_records_only() {
        let store = Store::open_in_memory().unwrap();
        let conn = store.conn();
        log(conn, "children", "c", "c", "{}");
        let item = log(conn, "items", "a", "c", r#"{"name":"Walker"}"#);
        log(conn, "items", "b", "c", r#"{"name":"Stander"}"#);
        let step = log(conn, "item_steps", "a#0", "c", r#"{"item_id":"a"}"#);
        log(conn, "item_steps", "b#0", "c", r#"{"item_id":"b"}"#);
        let photo = log(conn, "photos", "p1", "c", r#"{"item_id":"a"}"#);
        log(conn, "photos", "p2", "c", r#"{"item_id":"b"}"#);
        // A later entry of the same photo that does not name the item still belongs to it.
        let caption = log(conn, "photos", "p1", "c", r#"{"caption":"Brakes"}"#);
        let service = log(conn, "service_records", "s1", "c", r#"{"item_id":"a"}"#);
        log(conn, "service_records", "s2", "c", r#"{"item_id":"b"}"#);
        log(conn, "contacts", "k", "c", r#"{"name":"Mum"}"#);
        // Another child's item of the same id is not looked at.
        log(conn, "photos", "p9", "other", r#"{"item_id":"a"}"#);

        let seqs: Vec<i64> = for_item(conn, "a").unwrap().iter().map(|r| r.seq).collect();

        assert_eq!(seqs, vec![item, step, photo, caption, service]);
    }

    #[test]
    fn an_item_never_recorded_has_no_history() {
        let store = Store::open_in_memory().unwrap();
        assert!(for_item(store.conn(), "missing").unwrap().is_empty());
    }

    #[test]
    fn a_deleted_record_is_named_by_the_last_values_the_trail_holds() {
        let store = Store::open_in_memory().unwrap();
        let conn = store.conn();
        log(conn, "suppliers", "s", "", r#"{"name":"Ability"}"#);
        log(conn, "suppliers", "s", "", r#"{"name":"Ability Repairs"}"#);
        log(conn, "photos", "p", "c", r#"{"caption":""}"#);

        assert_eq!(
            name_of(conn, "suppliers", "s").unwrap().as_deref(),
            Some("Ability Repairs")
        );
        assert_eq!(name_of(conn, "photos", "p").unwrap(), None);
        assert_eq!(name_of(conn, "children", "c").unwrap(), None);
    }
}
