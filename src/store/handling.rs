//! Children's moving and handling plans (`handling_tasks`), read and replaced whole, and the
//! plans' review dates for the due list.

use super::sql::date_at;
use crate::error::Result;
use crate::model::{ChildId, DueEntry, DueKind, HandlingTask, LoopConfiguration};
use chrono::NaiveDate;
use rusqlite::{Connection, params};

/// The child's plan, in its order.
pub fn plan(conn: &Connection, child: ChildId) -> Result<Vec<HandlingTask>> {
    let mut stmt = conn.prepare_cached(
        "SELECT task, equipment_id, sling_id, loop_shoulder_left, loop_shoulder_right,
                loop_leg_left, loop_leg_right, adults, method, photo_ref, review_date
         FROM handling_tasks WHERE child_id = ?1 ORDER BY position",
    )?;
    let rows = stmt.query_map([child], |r| {
        Ok(HandlingTask {
            task: r.get(0)?,
            equipment_id: r.get(1)?,
            sling_id: r.get(2)?,
            loops: LoopConfiguration {
                shoulder_left: r.get(3)?,
                shoulder_right: r.get(4)?,
                leg_left: r.get(5)?,
                leg_right: r.get(6)?,
            },
            adults: r.get(7)?,
            method: r.get(8)?,
            photo_ref: r.get(9)?,
            review_date: r.get(10)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Replaces the child's plan with `tasks` (already checked). The caller holds the
/// transaction, so the old plan is never half replaced.
pub fn replace(conn: &Connection, child: ChildId, tasks: &[HandlingTask]) -> Result<()> {
    conn.prepare_cached("DELETE FROM handling_tasks WHERE child_id = ?1")?
        .execute([child])?;
    let mut stmt = conn.prepare_cached(
        "INSERT INTO handling_tasks (child_id, position, task, equipment_id, sling_id,
             loop_shoulder_left, loop_shoulder_right, loop_leg_left, loop_leg_right, adults,
             method, photo_ref, review_date)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
    )?;
    for (position, t) in tasks.iter().enumerate() {
        stmt.execute(params![
            child,
            position as i64,
            t.task,
            t.equipment_id,
            t.sling_id,
            t.loops.shoulder_left,
            t.loops.shoulder_right,
            t.loops.leg_left,
            t.loops.leg_right,
            t.adults,
            t.method,
            t.photo_ref,
            t.review_date,
        ])?;
    }
    Ok(())
}

/// Every handling task whose review falls on or before `until`, soonest first. Read from the
/// table itself at the time of asking (as the DFG deadlines are) rather than kept in
/// `item_due`, whose rows each belong to an item: a task may have none.
pub fn reviews_until(
    conn: &Connection,
    today: NaiveDate,
    until: NaiveDate,
) -> Result<Vec<DueEntry>> {
    let mut stmt = conn.prepare_cached(
        "SELECT h.review_date, h.task, c.id,
                display_name(c.given_name, c.family_name, c.preferred_name),
                coalesce(s.name, '')
         FROM handling_tasks h JOIN children c ON c.id = h.child_id
         LEFT JOIN settings s ON s.id = c.setting_id
         WHERE h.review_date IS NOT NULL AND h.review_date <= ?1
         ORDER BY h.review_date, c.sort_key, h.position",
    )?;
    let mut rows = stmt.query(params![until])?;
    let mut out = Vec::new();
    while let Some(row) = rows.next()? {
        let due_date = date_at(row, 0)?;
        let task: String = row.get(1)?;
        out.push(DueEntry::new(
            DueKind::HandlingReview,
            due_date,
            (due_date - today).num_days(),
            row.get(2)?,
            row.get(3)?,
            row.get(4)?,
            format!("Handling plan: {task}"),
        ));
    }
    Ok(out)
}

/// For each of the given children, the earliest handling review on or before `until`.
pub fn review_badges(
    conn: &Connection,
    children: &[ChildId],
    until: NaiveDate,
) -> Result<Vec<(ChildId, NaiveDate)>> {
    let ids = serde_json::to_string(children).expect("ids serialise");
    let mut stmt = conn.prepare_cached(
        "SELECT h.child_id, min(h.review_date)
         FROM json_each(?1) j JOIN handling_tasks h ON h.child_id = j.value
         WHERE h.review_date IS NOT NULL AND h.review_date <= ?2
         GROUP BY h.child_id",
    )?;
    let rows = stmt.query_map(params![ids, until], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
