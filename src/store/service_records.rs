//! An item's service log, newest first.

use super::{due, schedules};
use crate::error::{Error, Result};
use crate::model::{
    ExaminationReport, ItemId, ScheduleKind, ServiceRecord, ServiceRecordDetails, ServiceRecordId,
};
use rusqlite::{Connection, OptionalExtension, Row, named_params};

fn from_row(row: &Row<'_>) -> rusqlite::Result<ServiceRecord> {
    Ok(ServiceRecord {
        id: row.get("id")?,
        item_id: row.get("item_id")?,
        details: ServiceRecordDetails {
            kind: row.get("kind")?,
            date: row.get("date")?,
            by_whom: row.get("by_whom")?,
            outcome: row.get("outcome")?,
            notes: row.get("notes")?,
            next_due: row.get("next_due")?,
            examination: report_from(row)?,
        },
        recorded_at: row.get("recorded_at")?,
    })
}

/// The examination report kept as JSON beside a LOLER record.
fn report_from(row: &Row<'_>) -> rusqlite::Result<Option<ExaminationReport>> {
    let Some(text) = row.get::<_, Option<String>>("examination")? else {
        return Ok(None);
    };
    serde_json::from_str(&text).map(Some).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e))
    })
}

/// Adds a record, moves on the item's schedule of its kind (a LOLER examination its LOLER
/// schedule, a service its service schedule) and re-indexes what falls due for the item.
pub fn insert(conn: &Connection, record: &ServiceRecord) -> Result<()> {
    write(conn, record)?;
    let d = &record.details;
    if let Some(kind) = ScheduleKind::moved_by(d.kind) {
        schedules::record_done(
            conn,
            record.item_id,
            kind,
            d.date,
            d.next_due,
            record.recorded_at,
        )?;
    }
    due::refresh_item(conn, record.item_id)
}

/// Adds a record as it was, leaving the item's schedules alone: for a bundle, which carries
/// the schedules as they stood.
pub fn insert_as_recorded(conn: &Connection, record: &ServiceRecord) -> Result<()> {
    write(conn, record)?;
    due::refresh_item(conn, record.item_id)
}

fn write(conn: &Connection, record: &ServiceRecord) -> Result<()> {
    let d = &record.details;
    conn.prepare_cached(
        "INSERT INTO service_records (id, item_id, kind, date, by_whom, outcome, notes, next_due, recorded_at, examination)
         VALUES (:id, :item_id, :kind, :date, :by_whom, :outcome, :notes, :next_due, :recorded_at, :examination)",
    )?
    .execute(named_params! {
        ":id": record.id,
        ":item_id": record.item_id,
        ":kind": d.kind,
        ":date": d.date,
        ":by_whom": d.by_whom,
        ":outcome": d.outcome,
        ":notes": d.notes,
        ":next_due": d.next_due,
        ":recorded_at": record.recorded_at,
        ":examination": d.examination.as_ref().map(|e| serde_json::to_string(e).expect("a report serialises")),
    })?;
    Ok(())
}

pub fn for_item(conn: &Connection, item: ItemId) -> Result<Vec<ServiceRecord>> {
    let mut stmt = conn.prepare_cached(
        "SELECT * FROM service_records WHERE item_id = ?1 ORDER BY date DESC, recorded_at DESC",
    )?;
    let rows = stmt.query_map([item], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn get(conn: &Connection, id: ServiceRecordId) -> Result<ServiceRecord> {
    conn.prepare_cached("SELECT * FROM service_records WHERE id = ?1")?
        .query_row([id], from_row)
        .optional()?
        .ok_or_else(|| Error::not_found(ServiceRecordId::KIND, id))
}

/// Removes a record entered by mistake, puts back the schedule it moved on (to the newest
/// record of its kind left, when there is one) and re-indexes its item's due dates.
pub fn delete(conn: &Connection, id: ServiceRecordId) -> Result<()> {
    let record = get(conn, id)?;
    conn.execute("DELETE FROM service_records WHERE id = ?1", [id])?;
    if let Some(kind) = ScheduleKind::moved_by(record.details.kind) {
        let left = for_item(conn, record.item_id)?;
        let newest = ServiceRecord::latest(&left, Some(record.details.kind));
        schedules::record_undone(
            conn,
            record.item_id,
            kind,
            record.details.date,
            newest.map(|r| (r.details.date, r.details.next_due)),
        )?;
    }
    due::refresh_item(conn, record.item_id)
}
