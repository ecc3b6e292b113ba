//! The due-date index (`item_due`, one row per schedule of each current item) and the
//! caseload-wide due list read from it.

use super::sql::date_at;
use crate::error::Result;
use crate::model::{ChildId, DueEntry, DueKind, ItemId, ItemStatus, SettingId};
use chrono::NaiveDate;
use rusqlite::{Connection, params};
use std::collections::HashMap;

/// The statuses of items still with the child (see `ItemStatus::is_current`).
const CURRENT: &str = ItemStatus::CURRENT_SQL;

/// The columns copied from the item and its child into each of the item's `item_due` rows.
const COPIED: &str = "i.name, i.category, c.id, c.sort_key,
                      display_name(c.given_name, c.family_name, c.preferred_name), c.setting_id";

/// Recomputes what falls due for one item: the next date of each of its schedules (a LOLER
/// schedule never done is marked so: the hoist has never been examined). Items withdrawn or
/// returned have nothing due.
pub fn refresh_item(conn: &Connection, item: ItemId) -> Result<()> {
    conn.prepare_cached("DELETE FROM item_due WHERE item_id = ?1")?
        .execute([item])?;
    let insert = "INSERT INTO item_due (due_date, kind, never_done, item_id, item_name, category,
                      child_id, child_sort_key, child_name, setting_id)";
    conn.prepare_cached(&format!(
        "INSERT INTO item_due (due_date, kind, never_done, item_id, item_name, category,
             child_id, child_sort_key, child_name, setting_id, schedule_id, what)
         SELECT s.next_due, s.kind, s.last_done IS NULL AND s.kind = 'loler', i.id, {COPIED},
             s.id, CASE s.kind WHEN 'other' THEN s.name ELSE '' END
         FROM item_schedules s JOIN items i ON i.id = s.item_id
         JOIN children c ON c.id = i.child_id
         WHERE s.item_id = ?1 AND i.status IN ({CURRENT})"
    ))?
    .execute([item])?;
    // The earliest repair-by date of the defects the newest thorough examination found, until
    // a repair is recorded on or after the day of that examination (a repair visit mends what
    // the report listed; what it could not mend goes on the next report) or a newer
    // examination replaces the report. One row an item: the repairs are cleared together, and
    // a calendar keeps one event for the item's repairs.
    conn.prepare_cached(&format!(
        "{insert}
         SELECT min(json_extract(defect.value, '$.repair_by')), 'repair', 0, i.id, {COPIED}
         FROM (SELECT item_id, date, examination FROM service_records
               WHERE item_id = ?1 AND kind = 'loler'
               ORDER BY date DESC, recorded_at DESC LIMIT 1) r
         JOIN json_each(r.examination, '$.defects') defect
         JOIN items i ON i.id = r.item_id JOIN children c ON c.id = i.child_id
         WHERE r.examination IS NOT NULL
           AND json_extract(defect.value, '$.repair_by') IS NOT NULL
           AND i.status IN ({CURRENT})
           AND NOT EXISTS (SELECT 1 FROM service_records
                           WHERE item_id = ?1 AND kind = 'repair' AND date >= r.date)
         GROUP BY i.id"
    ))?
    .execute([item])?;
    // An item found not safe to operate is due for attention from the day it was found.
    conn.prepare_cached(&format!(
        "{insert}
         SELECT coalesce((SELECT max(date) FROM service_records WHERE item_id = ?1
                          AND kind = 'loler' AND json_extract(examination, '$.safe_to_operate') = 0),
                         substr(i.updated_at, 1, 10)),
                'not-safe', 0, i.id, {COPIED}
         FROM items i JOIN children c ON c.id = i.child_id
         WHERE i.id = ?1 AND i.status = 'not-safe'"
    ))?
    .execute([item])?;
    Ok(())
}

/// Copies a child's current names and setting into their items' due rows (after an edit).
pub fn refresh_child(conn: &Connection, child: ChildId) -> Result<()> {
    conn.prepare_cached(
        "UPDATE item_due SET (child_sort_key, child_name, setting_id) =
             (SELECT sort_key, display_name(given_name, family_name, preferred_name), setting_id
              FROM children WHERE id = ?1)
         WHERE child_id = ?1",
    )?
    .execute([child])?;
    Ok(())
}

/// Everything overdue or due on or before `until`, soonest first and, on the same day, in
/// register order, across the caseload.
pub fn until(conn: &Connection, today: NaiveDate, until: NaiveDate) -> Result<Vec<DueEntry>> {
    let settings: HashMap<SettingId, String> = conn
        .prepare_cached("SELECT id, name FROM settings")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut stmt = conn.prepare_cached(
        "SELECT due_date, kind, never_done, item_id, item_name, category, child_id,
                child_name, setting_id, schedule_id, what
         FROM item_due WHERE due_date <= ?1
         ORDER BY due_date, child_sort_key, item_id, kind, what, schedule_id",
    )?;
    let mut rows = stmt.query(params![until])?;
    let mut out = Vec::with_capacity(256);
    while let Some(row) = rows.next()? {
        let due_date = date_at(row, 0)?;
        let setting: Option<SettingId> = row.get(8)?;
        out.push(DueEntry {
            never_done: row.get(2)?,
            item_id: Some(row.get(3)?),
            category: Some(row.get(5)?),
            schedule_id: row.get(9)?,
            what: row.get(10)?,
            ..DueEntry::new(
                row.get(1)?,
                due_date,
                (due_date - today).num_days(),
                row.get(6)?,
                row.get(7)?,
                setting
                    .and_then(|s| settings.get(&s).cloned())
                    .unwrap_or_default(),
                row.get(4)?,
            )
        });
    }
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
        "SELECT d.child_id, d.kind, min(d.due_date)
         FROM json_each(?1) j JOIN item_due d ON d.child_id = j.value
         WHERE d.due_date <= ?2
         GROUP BY d.child_id, d.kind",
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
