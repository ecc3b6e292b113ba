//! The register of staff trained (`training_records`): entries added and removed one at a
//! time, read by item or by child, and the refreshers for the due list and the badges.

use super::sql::date_at;
use crate::error::Result;
use crate::model::{
    ChildId, DueEntry, DueKind, ItemId, TrainingDetails, TrainingId, TrainingRecord,
};
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{Connection, OptionalExtension, Row, named_params, params};

const SELECT: &str = "SELECT t.id, t.item_id, t.child_id, i.name AS item_name,
        coalesce(s.name, '') AS setting_name, t.name, t.role, t.setting_id, t.trained_by,
        t.trained_on, t.refresh_by
    FROM training_records t JOIN items i ON i.id = t.item_id
    LEFT JOIN settings s ON s.id = t.setting_id";

/// Newest training first, then by name: the register as a school reads it.
const ORDER: &str = "ORDER BY t.trained_on DESC, t.name COLLATE NOCASE, t.id";

fn from_row(r: &Row<'_>) -> rusqlite::Result<TrainingRecord> {
    Ok(TrainingRecord {
        id: r.get("id")?,
        item_id: r.get("item_id")?,
        child_id: r.get("child_id")?,
        item_name: r.get("item_name")?,
        setting_name: r.get("setting_name")?,
        details: TrainingDetails {
            name: r.get("name")?,
            role: r.get("role")?,
            setting_id: r.get("setting_id")?,
            trained_by: r.get("trained_by")?,
            trained_on: r.get("trained_on")?,
            refresh_by: r.get("refresh_by")?,
        },
        refresher_overdue: false,
    })
}

/// Adds one checked entry for `item` of `child`.
pub fn insert(
    conn: &Connection,
    id: TrainingId,
    child: ChildId,
    item: ItemId,
    d: &TrainingDetails,
    recorded_at: DateTime<Utc>,
) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO training_records (id, child_id, item_id, name, role, setting_id,
             trained_by, trained_on, refresh_by, recorded_at)
         VALUES (:id, :child_id, :item_id, :name, :role, :setting_id, :trained_by, :trained_on,
             :refresh_by, :recorded_at)",
    )?
    .execute(named_params! {
        ":id": id,
        ":child_id": child,
        ":item_id": item,
        ":name": d.name,
        ":role": d.role,
        ":setting_id": d.setting_id,
        ":trained_by": d.trained_by,
        ":trained_on": d.trained_on,
        ":refresh_by": d.refresh_by,
        ":recorded_at": recorded_at,
    })?;
    Ok(())
}

pub fn get(conn: &Connection, id: TrainingId) -> Result<Option<TrainingRecord>> {
    Ok(conn
        .prepare_cached(&format!("{SELECT} WHERE t.id = ?1"))?
        .query_row([id], from_row)
        .optional()?)
}

pub fn for_item(conn: &Connection, item: ItemId) -> Result<Vec<TrainingRecord>> {
    let mut stmt = conn.prepare_cached(&format!("{SELECT} WHERE t.item_id = ?1 {ORDER}"))?;
    let rows = stmt.query_map([item], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn for_child(conn: &Connection, child: ChildId) -> Result<Vec<TrainingRecord>> {
    let mut stmt = conn.prepare_cached(&format!("{SELECT} WHERE t.child_id = ?1 {ORDER}"))?;
    let rows = stmt.query_map([child], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Removes one entry; false when there was none.
pub fn delete(conn: &Connection, id: TrainingId) -> Result<bool> {
    Ok(conn
        .prepare_cached("DELETE FROM training_records WHERE id = ?1")?
        .execute([id])?
        > 0)
}

/// Refreshers of items still with the child (in use or awaiting repair) that fall on or
/// before `until`, soonest first. Read from the register at the time of asking, as the
/// handling plan's reviews are.
pub fn refreshers_until(
    conn: &Connection,
    today: NaiveDate,
    until: NaiveDate,
) -> Result<Vec<DueEntry>> {
    let mut stmt = conn.prepare_cached(
        "SELECT t.refresh_by, t.name, i.name, i.category, i.id, c.id,
                display_name(c.given_name, c.family_name, c.preferred_name),
                coalesce(s.name, ''), t.id
         FROM training_records t JOIN items i ON i.id = t.item_id
         JOIN children c ON c.id = t.child_id
         LEFT JOIN settings s ON s.id = c.setting_id
         WHERE t.refresh_by IS NOT NULL AND t.refresh_by <= ?1
           AND i.status IN ('in-use', 'awaiting-repair', 'not-safe')
         ORDER BY t.refresh_by, c.sort_key, t.name COLLATE NOCASE",
    )?;
    let mut rows = stmt.query(params![until])?;
    let mut out = Vec::new();
    while let Some(row) = rows.next()? {
        let due_date = date_at(row, 0)?;
        out.push(DueEntry {
            item_id: Some(row.get(4)?),
            category: Some(row.get(3)?),
            training_id: Some(row.get(8)?),
            person: row.get(1)?,
            ..DueEntry::new(
                DueKind::Refresher,
                due_date,
                (due_date - today).num_days(),
                row.get(5)?,
                row.get(6)?,
                row.get(7)?,
                row.get(2)?,
            )
        });
    }
    Ok(out)
}

/// For each of the given children, the earliest refresher on or before `until` (items still
/// with the child only).
pub fn refresher_badges(
    conn: &Connection,
    children: &[ChildId],
    until: NaiveDate,
) -> Result<Vec<(ChildId, NaiveDate)>> {
    let ids = serde_json::to_string(children).expect("ids serialise");
    let mut stmt = conn.prepare_cached(
        "SELECT t.child_id, min(t.refresh_by)
         FROM json_each(?1) j JOIN training_records t ON t.child_id = j.value
         JOIN items i ON i.id = t.item_id
         WHERE t.refresh_by IS NOT NULL AND t.refresh_by <= ?2
           AND i.status IN ('in-use', 'awaiting-repair', 'not-safe')
         GROUP BY t.child_id",
    )?;
    let rows = stmt.query_map(params![ids, until], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
