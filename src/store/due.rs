//! The due-date index (`item_due`) and the caseload-wide due list read from it.

use crate::error::Result;
use crate::model::search_text::fold;
use crate::model::{ChildDetails, ChildId, DueEntry, DueKind};
use chrono::NaiveDate;
use rusqlite::{Connection, params};
use std::collections::HashMap;

/// Recomputes what falls due for one item: its review date, the next LOLER examination and
/// the next service from the newest record of each, and a first LOLER examination for lifting
/// equipment that has never had one. Items withdrawn or returned have nothing due.
pub fn refresh_item(conn: &Connection, item: impl rusqlite::ToSql) -> Result<()> {
    conn.prepare_cached("DELETE FROM item_due WHERE item_id = ?1")?
        .execute([&item])?;
    conn.prepare_cached(
        "INSERT INTO item_due (item_id, kind, due_date, never_done)
         SELECT id, 'review', review_date, 0 FROM items
         WHERE id = ?1 AND review_date IS NOT NULL AND status IN ('in-use', 'awaiting-repair')",
    )?
    .execute([&item])?;
    conn.prepare_cached(
        "INSERT INTO item_due (item_id, kind, due_date, never_done)
         SELECT item_id, kind, next_due, 0 FROM (
             SELECT r.item_id, r.kind, r.next_due,
                    row_number() OVER (PARTITION BY r.kind ORDER BY r.date DESC, r.recorded_at DESC) AS newest
             FROM service_records r
             WHERE r.item_id = ?1 AND r.kind IN ('loler', 'service')
         )
         WHERE newest = 1 AND next_due IS NOT NULL
           AND EXISTS (SELECT 1 FROM items WHERE id = ?1 AND status IN ('in-use', 'awaiting-repair'))",
    )?
    .execute([&item])?;
    // People-lifting equipment must be examined before first use: until a LOLER record
    // exists, it is due from the day it was issued (or added).
    conn.prepare_cached(
        "INSERT INTO item_due (item_id, kind, due_date, never_done)
         SELECT id, 'loler', coalesce(issue_date, substr(created_at, 1, 10)), 1 FROM items
         WHERE id = ?1 AND category IN ('hoist', 'sling') AND status IN ('in-use', 'awaiting-repair')
           AND NOT EXISTS (SELECT 1 FROM service_records WHERE item_id = ?1 AND kind = 'loler')",
    )?
    .execute([&item])?;
    Ok(())
}

/// Everything overdue or due on or before `until`, soonest first, across the caseload.
pub fn until(conn: &Connection, today: NaiveDate, until: NaiveDate) -> Result<Vec<DueEntry>> {
    let mut stmt = conn.prepare_cached(
        "SELECT d.kind, d.due_date, d.never_done, i.id AS item_id, i.name AS item_name, i.category,
                c.id AS child_id, c.given_name, c.family_name, c.preferred_name, c.date_of_birth,
                coalesce(s.name, '') AS setting_name
         FROM item_due d
         JOIN items i ON i.id = d.item_id
         JOIN children c ON c.id = i.child_id
         LEFT JOIN settings s ON s.id = c.setting_id
         WHERE d.due_date <= ?1
         ORDER BY d.due_date",
    )?;
    let mut rows = stmt.query(params![until])?;
    let mut out = Vec::new();
    while let Some(row) = rows.next()? {
        let due_date: NaiveDate = row.get("due_date")?;
        let mut child = ChildDetails::new(
            &row.get::<_, String>("given_name")?,
            &row.get::<_, String>("family_name")?,
            row.get("date_of_birth")?,
        );
        child.preferred_name = row.get("preferred_name")?;
        out.push(DueEntry {
            kind: row.get("kind")?,
            due_date,
            days_left: (due_date - today).num_days(),
            never_done: row.get("never_done")?,
            child_id: row.get("child_id")?,
            child_name: child.display_name(),
            setting_name: row.get("setting_name")?,
            item_id: row.get("item_id")?,
            item_name: row.get("item_name")?,
            category: row.get("category")?,
        });
    }
    // Same day: keep the register order so a school's list reads naturally.
    out.sort_by_cached_key(|e| (e.due_date, fold(&e.child_name), e.kind));
    Ok(out)
}

/// For each of the given children, the kinds of thing due on or before `until` and the
/// earliest date of each: the caseload's badges.
pub fn for_children(
    conn: &Connection,
    children: &[ChildId],
    until: NaiveDate,
) -> Result<HashMap<ChildId, Vec<(DueKind, NaiveDate)>>> {
    let ids = serde_json::to_string(children).expect("ids serialise");
    let mut stmt = conn.prepare_cached(
        "SELECT i.child_id, d.kind, min(d.due_date)
         FROM json_each(?1) j
         JOIN items i ON i.child_id = j.value
         JOIN item_due d ON d.item_id = i.id
         WHERE d.due_date <= ?2
         GROUP BY i.child_id, d.kind",
    )?;
    let mut out: HashMap<ChildId, Vec<(DueKind, NaiveDate)>> = HashMap::new();
    let rows = stmt.query_map(params![ids, until], |r| {
        Ok((
            r.get::<_, ChildId>(0)?,
            r.get::<_, DueKind>(1)?,
            r.get::<_, NaiveDate>(2)?,
        ))
    })?;
    for row in rows {
        let (child, kind, date) = row?;
        out.entry(child).or_default().push((kind, date));
    }
    Ok(out)
}
