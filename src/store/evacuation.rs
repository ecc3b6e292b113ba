//! Children's personal emergency evacuation plans (`evacuation_plans`), one per child and
//! setting, read and saved whole, and their review dates for the due list.

use super::sql::date_at;
use crate::error::Result;
use crate::model::{ChildId, DueEntry, DueKind, EvacuationPlan, SettingId};
use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, params};

const COLUMNS: &str = "setting_id, route, assembly_point, equipment_id, equipment_note, \
     sessions, if_in_stander, if_on_hoist, notes, review_date, agreed_by";

fn read(r: &rusqlite::Row<'_>) -> rusqlite::Result<EvacuationPlan> {
    let sessions: String = r.get(5)?;
    Ok(EvacuationPlan {
        setting_id: r.get(0)?,
        route: r.get(1)?,
        assembly_point: r.get(2)?,
        equipment_id: r.get(3)?,
        equipment_note: r.get(4)?,
        sessions: serde_json::from_str(&sessions).map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(5, rusqlite::types::Type::Text, e.into())
        })?,
        if_in_stander: r.get(6)?,
        if_on_hoist: r.get(7)?,
        notes: r.get(8)?,
        review_date: Some(date_at(r, 9)?),
        agreed_by: r.get(10)?,
    })
}

/// The child's plan for one setting, if there is one.
pub fn plan(
    conn: &Connection,
    child: ChildId,
    setting: SettingId,
) -> Result<Option<EvacuationPlan>> {
    let sql =
        format!("SELECT {COLUMNS} FROM evacuation_plans WHERE child_id = ?1 AND setting_id = ?2");
    Ok(conn
        .prepare_cached(&sql)?
        .query_row(params![child, setting], read)
        .optional()?)
}

/// Every plan the child has (one per setting), by setting id.
pub fn for_child(conn: &Connection, child: ChildId) -> Result<Vec<EvacuationPlan>> {
    let sql =
        format!("SELECT {COLUMNS} FROM evacuation_plans WHERE child_id = ?1 ORDER BY setting_id");
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map([child], read)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Writes the child's plan for its setting (already checked), replacing the one before: an
/// update in place, so History shows the fields that changed.
pub fn save(conn: &Connection, child: ChildId, plan: &EvacuationPlan) -> Result<()> {
    let sessions = serde_json::to_string(&plan.sessions).expect("sessions serialise");
    conn.prepare_cached(
        "INSERT INTO evacuation_plans (child_id, setting_id, route, assembly_point, equipment_id,
             equipment_note, sessions, if_in_stander, if_on_hoist, notes, review_date, agreed_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)
         ON CONFLICT (child_id, setting_id) DO UPDATE SET
             route = excluded.route, assembly_point = excluded.assembly_point,
             equipment_id = excluded.equipment_id, equipment_note = excluded.equipment_note,
             sessions = excluded.sessions, if_in_stander = excluded.if_in_stander,
             if_on_hoist = excluded.if_on_hoist, notes = excluded.notes,
             review_date = excluded.review_date, agreed_by = excluded.agreed_by",
    )?
    .execute(params![
        child,
        plan.setting_id,
        plan.route,
        plan.assembly_point,
        plan.equipment_id,
        plan.equipment_note,
        sessions,
        plan.if_in_stander,
        plan.if_on_hoist,
        plan.notes,
        plan.review_date,
        plan.agreed_by,
    ])?;
    Ok(())
}

/// Removes the child's plan for a setting; true when there was one.
pub fn remove(conn: &Connection, child: ChildId, setting: SettingId) -> Result<bool> {
    let n = conn
        .prepare_cached("DELETE FROM evacuation_plans WHERE child_id = ?1 AND setting_id = ?2")?
        .execute(params![child, setting])?;
    Ok(n > 0)
}

/// Every plan whose review falls on or before `until`, soonest first, read from the table
/// when asked (as the handling plans' reviews are).
pub fn reviews_until(
    conn: &Connection,
    today: NaiveDate,
    until: NaiveDate,
) -> Result<Vec<DueEntry>> {
    let mut stmt = conn.prepare_cached(
        "SELECT e.review_date, s.name, c.id,
                display_name(c.given_name, c.family_name, c.preferred_name)
         FROM evacuation_plans e JOIN children c ON c.id = e.child_id
         JOIN settings s ON s.id = e.setting_id
         WHERE e.review_date <= ?1
         ORDER BY e.review_date, c.sort_key, s.name",
    )?;
    let mut rows = stmt.query(params![until])?;
    let mut out = Vec::new();
    while let Some(row) = rows.next()? {
        let due_date = date_at(row, 0)?;
        // The plan's own setting, which is the child's unless they have since moved.
        let setting: String = row.get(1)?;
        out.push(DueEntry::new(
            DueKind::EvacuationReview,
            due_date,
            (due_date - today).num_days(),
            row.get(2)?,
            row.get(3)?,
            setting.clone(),
            format!("Evacuation plan (PEEP) at {setting}"),
        ));
    }
    Ok(out)
}

/// For each of the given children, the earliest evacuation plan review on or before `until`.
pub fn review_badges(
    conn: &Connection,
    children: &[ChildId],
    until: NaiveDate,
) -> Result<Vec<(ChildId, NaiveDate)>> {
    let ids = serde_json::to_string(children).expect("ids serialise");
    let mut stmt = conn.prepare_cached(
        "SELECT e.child_id, min(e.review_date)
         FROM json_each(?1) j JOIN evacuation_plans e ON e.child_id = j.value
         WHERE e.review_date <= ?2
         GROUP BY e.child_id",
    )?;
    let rows = stmt.query_map(params![ids, until], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
