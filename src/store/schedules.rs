//! An item's schedules (`item_schedules`): added, moved on and removed one at a time, each
//! change re-indexing what falls due for the item in the same transaction.

use super::due;
use crate::error::Result;
use crate::model::{ItemId, Schedule, ScheduleDetails, ScheduleId, ScheduleKind};
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{Connection, OptionalExtension, Row, named_params, params};

const SELECT: &str = "SELECT id, item_id, kind, name, every_months, last_done, next_due, created_at
     FROM item_schedules";

/// Soonest due first; the same date in the order the kinds are listed, then by name.
const ORDER: &str = "ORDER BY next_due, kind, name COLLATE NOCASE, id";

fn from_row(r: &Row<'_>) -> rusqlite::Result<Schedule> {
    Ok(Schedule {
        id: r.get("id")?,
        item_id: r.get("item_id")?,
        kind: r.get("kind")?,
        name: r.get("name")?,
        every_months: r.get("every_months")?,
        last_done: r.get("last_done")?,
        next_due: r.get("next_due")?,
        created_at: r.get("created_at")?,
        overdue: false,
    })
}

/// Adds one checked schedule (`d.next_due` filled in) to `item`.
pub fn insert(
    conn: &Connection,
    id: ScheduleId,
    item: ItemId,
    d: &ScheduleDetails,
    created_at: DateTime<Utc>,
) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO item_schedules (id, item_id, kind, name, every_months, last_done, next_due,
             created_at)
         VALUES (:id, :item_id, :kind, :name, :every_months, :last_done, :next_due, :created_at)",
    )?
    .execute(named_params! {
        ":id": id,
        ":item_id": item,
        ":kind": d.kind,
        ":name": d.name,
        ":every_months": d.every_months,
        ":last_done": d.last_done,
        ":next_due": d.next_due,
        ":created_at": created_at,
    })?;
    due::refresh_item(conn, item)
}

/// Rewrites a schedule with checked details (after it was done, or edited).
pub fn update(conn: &Connection, id: ScheduleId, d: &ScheduleDetails) -> Result<bool> {
    let item: Option<ItemId> = conn
        .prepare_cached(
            "UPDATE item_schedules SET kind = :kind, name = :name, every_months = :every_months,
                 last_done = :last_done, next_due = :next_due
             WHERE id = :id RETURNING item_id",
        )?
        .query_row(
            named_params! {
                ":id": id,
                ":kind": d.kind,
                ":name": d.name,
                ":every_months": d.every_months,
                ":last_done": d.last_done,
                ":next_due": d.next_due,
            },
            |r| r.get(0),
        )
        .optional()?;
    match item {
        Some(item) => {
            due::refresh_item(conn, item)?;
            Ok(true)
        }
        None => Ok(false),
    }
}

pub fn get(conn: &Connection, id: ScheduleId) -> Result<Option<Schedule>> {
    Ok(conn
        .prepare_cached(&format!("{SELECT} WHERE id = ?1"))?
        .query_row([id], from_row)
        .optional()?)
}

/// An item's schedules, soonest due first.
pub fn for_item(conn: &Connection, item: ItemId) -> Result<Vec<Schedule>> {
    let mut stmt = conn.prepare_cached(&format!("{SELECT} WHERE item_id = ?1 {ORDER}"))?;
    let rows = stmt.query_map([item], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Whether the item has a schedule of `kind`.
pub fn has_kind(conn: &Connection, item: ItemId, kind: ScheduleKind) -> Result<bool> {
    Ok(conn
        .prepare_cached("SELECT 1 FROM item_schedules WHERE item_id = ?1 AND kind = ?2")?
        .exists(params![item, kind])?)
}

/// Removes one schedule; false when there was none.
pub fn delete(conn: &Connection, id: ScheduleId) -> Result<bool> {
    let item: Option<ItemId> = conn
        .prepare_cached("DELETE FROM item_schedules WHERE id = ?1 RETURNING item_id")?
        .query_row([id], |r| r.get(0))
        .optional()?;
    match item {
        Some(item) => {
            due::refresh_item(conn, item)?;
            Ok(true)
        }
        None => Ok(false),
    }
}

/// A record of something done on `date` (a LOLER examination, a service) moves the item's
/// schedules of `kind` on: last done then, next due on `next_due` (else one interval later).
/// A record older than the last time already known moves nothing. An item with no schedule of
/// the kind gets one when the record says when the next is due, every as many months as lie
/// between the two. The caller re-indexes the item.
pub fn record_done(
    conn: &Connection,
    item: ItemId,
    kind: ScheduleKind,
    date: NaiveDate,
    next_due: Option<NaiveDate>,
    recorded_at: DateTime<Utc>,
) -> Result<()> {
    let schedules: Vec<Schedule> = for_item(conn, item)?
        .into_iter()
        .filter(|s| s.kind == kind)
        .collect();
    if schedules.is_empty() {
        if let Some(next) = next_due {
            let details = ScheduleDetails {
                kind,
                name: String::new(),
                every_months: crate::model::schedule::months_between(date, next),
                last_done: Some(date),
                next_due: Some(next),
            };
            insert(conn, ScheduleId::new(), item, &details, recorded_at)?;
        }
        return Ok(());
    }
    for s in schedules {
        if s.last_done.is_some_and(|last| last > date) {
            continue;
        }
        update(conn, s.id, &s.moved_to(date, next_due))?;
    }
    Ok(())
}

/// Undoes what a record removed by mistake did to the item's schedules of `kind`: those last
/// done on the record's `date` go back to the newest record left (its date and next due), or
/// stay as they are when no record of the kind is left.
pub fn record_undone(
    conn: &Connection,
    item: ItemId,
    kind: ScheduleKind,
    date: NaiveDate,
    newest_left: Option<(NaiveDate, Option<NaiveDate>)>,
) -> Result<()> {
    let Some((last, next)) = newest_left else {
        return Ok(());
    };
    for s in for_item(conn, item)? {
        if s.kind != kind || s.last_done != Some(date) || last > date {
            continue;
        }
        update(conn, s.id, &s.moved_to(last, next))?;
    }
    Ok(())
}
