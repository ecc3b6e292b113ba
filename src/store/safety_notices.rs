//! Field safety notices (`safety_notices`) and what was done about each affected item
//! (`safety_notice_actions`). Which items a notice affects is worked out by the api from the
//! items themselves; this module also reads the candidates: items with a make recorded, with
//! their child and setting.

use super::sql::{from_json, json};
use crate::error::{Error, Result};
use crate::model::safety_notice::squash;
use crate::model::{
    ChildId, EquipmentItem, ItemId, NoticeAction, NoticeActionDetails, NoticeDetails, NoticeId,
    SafetyNotice,
};
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{Connection, OptionalExtension, Row, named_params, params};
use std::collections::BTreeSet;

fn from_row(r: &Row<'_>) -> rusqlite::Result<SafetyNotice> {
    Ok(SafetyNotice {
        id: r.get("id")?,
        details: NoticeDetails {
            reference: r.get("reference")?,
            title: r.get("title")?,
            issuer: r.get("issuer")?,
            issued_on: r.get("issued_on")?,
            action_required: r.get("action_required")?,
            make: r.get("make")?,
            model: r.get("model")?,
            serial_ranges: from_json(r, "serial_ranges")?,
            lots: from_json(r, "lots")?,
            made_from: r.get("made_from")?,
            made_to: r.get("made_to")?,
        },
        closed_on: r.get("closed_on")?,
        recorded_at: r.get("recorded_at")?,
    })
}

/// Adds a checked notice; a reference already used is refused beside the reference.
pub fn insert(
    conn: &Connection,
    id: NoticeId,
    d: &NoticeDetails,
    recorded_at: DateTime<Utc>,
) -> Result<()> {
    let taken = conn
        .prepare_cached("SELECT 1 FROM safety_notices WHERE reference = ?1")?
        .exists([&d.reference])?;
    if taken {
        return Err(Error::invalid(
            "reference",
            format!(
                "a notice with the reference '{}' is already recorded: open it from the list",
                d.reference
            ),
        ));
    }
    conn.prepare_cached(
        "INSERT INTO safety_notices (id, reference, title, issuer, issued_on, action_required,
             make, model, serial_ranges, lots, made_from, made_to, closed_on, recorded_at)
         VALUES (:id, :reference, :title, :issuer, :issued_on, :action_required, :make, :model,
             :serial_ranges, :lots, :made_from, :made_to, NULL, :recorded_at)",
    )?
    .execute(named_params! {
        ":id": id,
        ":reference": d.reference,
        ":title": d.title,
        ":issuer": d.issuer,
        ":issued_on": d.issued_on,
        ":action_required": d.action_required,
        ":make": d.make,
        ":model": d.model,
        ":serial_ranges": json(&d.serial_ranges),
        ":lots": json(&d.lots),
        ":made_from": d.made_from,
        ":made_to": d.made_to,
        ":recorded_at": recorded_at,
    })?;
    Ok(())
}

pub fn get(conn: &Connection, id: NoticeId) -> Result<SafetyNotice> {
    conn.prepare_cached("SELECT * FROM safety_notices WHERE id = ?1")?
        .query_row([id], from_row)
        .optional()?
        .ok_or_else(|| Error::not_found(NoticeId::KIND, id))
}

/// Every notice, open ones first, then the newest.
pub fn list(conn: &Connection) -> Result<Vec<SafetyNotice>> {
    let mut stmt = conn.prepare_cached(
        "SELECT * FROM safety_notices
         ORDER BY closed_on IS NOT NULL, issued_on DESC, reference COLLATE NOCASE",
    )?;
    let rows = stmt.query_map([], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The open notices, for flagging items.
pub fn open(conn: &Connection) -> Result<Vec<SafetyNotice>> {
    Ok(list(conn)?
        .into_iter()
        .filter(|n| n.closed_on.is_none())
        .collect())
}

pub fn close(conn: &Connection, id: NoticeId, on: NaiveDate) -> Result<()> {
    conn.prepare_cached("UPDATE safety_notices SET closed_on = ?2 WHERE id = ?1")?
        .execute(params![id, on])?;
    Ok(())
}

/// What was recorded about one item under one notice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredAction {
    pub item_id: ItemId,
    pub details: NoticeActionDetails,
}

/// Records (or replaces) the action on `item` under `notice`.
pub fn record_action(
    conn: &Connection,
    notice: NoticeId,
    item: ItemId,
    child: ChildId,
    a: &NoticeActionDetails,
    recorded_at: DateTime<Utc>,
) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO safety_notice_actions (id, notice_id, item_id, child_id, action, note,
             acted_on, recorded_at)
         VALUES (:id, :notice_id, :item_id, :child_id, :action, :note, :acted_on, :recorded_at)
         ON CONFLICT (notice_id, item_id) DO UPDATE SET child_id = excluded.child_id,
             action = excluded.action, note = excluded.note, acted_on = excluded.acted_on,
             recorded_at = excluded.recorded_at",
    )?
    .execute(named_params! {
        ":id": uuid::Uuid::now_v7().hyphenated().to_string(),
        ":notice_id": notice,
        ":item_id": item,
        ":child_id": child,
        ":action": a.action,
        ":note": a.note,
        ":acted_on": a.acted_on,
        ":recorded_at": recorded_at,
    })?;
    Ok(())
}

/// Every action recorded under one notice.
pub fn actions(conn: &Connection, notice: NoticeId) -> Result<Vec<StoredAction>> {
    let mut stmt = conn.prepare_cached(
        "SELECT item_id, action, note, acted_on FROM safety_notice_actions WHERE notice_id = ?1",
    )?;
    let rows = stmt.query_map([notice], |r| {
        Ok(StoredAction {
            item_id: r.get(0)?,
            details: NoticeActionDetails {
                action: r.get::<_, NoticeAction>(1)?,
                note: r.get(2)?,
                acted_on: r.get(3)?,
            },
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// An item a notice may be about, with whose it is.
#[derive(Debug, Clone)]
pub struct Candidate {
    pub item: EquipmentItem,
    pub child_name: String,
    pub setting_name: String,
}

/// The items whose make, compared as notices compare it ([`squash`]), is one of `makes`
/// (already squashed), with their child's name and setting, in caseload order. The makes are
/// read first, alone, so a caseload of many thousand items loads in full only the few of the
/// notices' makes; photos and steps are left out, as the matcher needs only the details.
pub fn candidates(conn: &Connection, makes: &BTreeSet<String>) -> Result<Vec<Candidate>> {
    if makes.is_empty() {
        return Ok(Vec::new());
    }
    let mut stmt = conn.prepare_cached("SELECT id, make FROM items WHERE make <> ''")?;
    let ids: Vec<ItemId> = stmt
        .query_map([], |r| Ok((r.get::<_, ItemId>(0)?, r.get::<_, String>(1)?)))?
        .filter_map(|row| match row {
            Ok((id, make)) => makes.contains(&squash(&make)).then_some(Ok(id)),
            Err(e) => Some(Err(e)),
        })
        .collect::<rusqlite::Result<_>>()?;
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let mut stmt = conn.prepare_cached(
        "SELECT i.*, display_name(c.given_name, c.family_name, c.preferred_name) AS child_name,
                coalesce(s.name, '') AS setting_name
         FROM json_each(?1) j JOIN items i ON i.id = j.value
         JOIN children c ON c.id = i.child_id
         LEFT JOIN settings s ON s.id = c.setting_id
         ORDER BY c.sort_key, i.name COLLATE NOCASE, i.id",
    )?;
    let ids = serde_json::to_string(&ids).expect("ids serialise");
    let rows = stmt.query_map([ids], |r| {
        Ok(Candidate {
            item: super::items::from_row(r)?,
            child_name: r.get("child_name")?,
            setting_name: r.get("setting_name")?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
