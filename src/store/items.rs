//! Equipment items with their set-up steps; photos and the service log live beside them.

use super::sql::{from_json, from_json_opt, json};
use super::{due, photos};
use crate::error::{Error, Result};
use crate::model::{
    Category, ChildId, EquipmentItem, ItemDetails, ItemId, PhotoId, SetupStep, SlingDetails,
};
use rusqlite::{Connection, OptionalExtension, Row, ToSql, params};

/// An item's row, without its steps and photos (see `complete`).
pub(super) fn from_row(row: &Row<'_>) -> rusqlite::Result<EquipmentItem> {
    Ok(EquipmentItem {
        id: row.get("id")?,
        child_id: row.get("child_id")?,
        details: ItemDetails {
            category: row.get("category")?,
            name: row.get("name")?,
            make: row.get("make")?,
            model: row.get("model")?,
            serial: row.get("serial")?,
            lot: row.get("lot")?,
            made_on: row.get("made_on")?,
            size: row.get("size")?,
            where_used: row.get("where_used")?,
            provider_id: row.get("provider_id")?,
            loan_number: row.get("loan_number")?,
            issue_date: row.get("issue_date")?,
            purpose: row.get("purpose")?,
            schedule: from_json(row, "schedule")?,
            setup_steps: Vec::new(),
            safety_checks: from_json(row, "safety_checks")?,
            cleaning: row.get("cleaning")?,
            dos: from_json(row, "dos")?,
            donts: from_json(row, "donts")?,
            status: row.get("status")?,
            repair_supplier_id: row.get("repair_supplier_id")?,
            therapist: row.get("therapist")?,
            staff_needed: row.get("staff_needed")?,
            wheelchair: from_json_opt(row, "wheelchair")?,
            seating: from_json_opt(row, "seating")?,
            sling: from_json_opt(row, "sling")?,
        },
        photos: Vec::new(),
        created_at: row.get("created_at")?,
        updated_at: row.get("updated_at")?,
    })
}

/// Inserts a new item (its gallery starts empty) and indexes what falls due.
pub fn insert(conn: &Connection, item: &EquipmentItem) -> Result<()> {
    check_sling_id_free(conn, item.id, item.details.sling.as_ref())?;
    write(
        conn,
        item,
        "INSERT INTO items (id, child_id, category, name, make, model, serial, lot, made_on, size,
            where_used, provider_id, loan_number, issue_date, purpose, schedule, safety_checks, cleaning, dos,
            donts, status, repair_supplier_id, therapist, staff_needed, wheelchair,
            seating, sling, sling_id, created_at, updated_at)
         VALUES (:id, :child_id, :category, :name, :make, :model, :serial, :lot, :made_on, :size,
            :where_used, :provider_id, :loan_number, :issue_date, :purpose, :schedule, :safety_checks, :cleaning,
            :dos, :donts, :status, :repair_supplier_id, :therapist, :staff_needed,
            :wheelchair, :seating, :sling, :sling_id, :created_at, :updated_at)",
    )?;
    write_steps(conn, item.id, &item.details.setup_steps)?;
    due::refresh_item(conn, item.id)
}

/// Saves an item's details and steps (not its gallery, which has its own calls).
pub fn update(conn: &Connection, item: &EquipmentItem) -> Result<()> {
    check_sling_id_free(conn, item.id, item.details.sling.as_ref())?;
    let n = write(
        conn,
        item,
        "UPDATE items SET category = :category, name = :name, make = :make, model = :model,
            serial = :serial, lot = :lot, made_on = :made_on, size = :size, where_used = :where_used, provider_id = :provider_id,
            loan_number = :loan_number, issue_date = :issue_date, purpose = :purpose,
            schedule = :schedule, safety_checks = :safety_checks, cleaning = :cleaning, dos = :dos,
            donts = :donts, status = :status, repair_supplier_id = :repair_supplier_id,
            therapist = :therapist, staff_needed = :staff_needed,
            wheelchair = :wheelchair, seating = :seating, sling = :sling, sling_id = :sling_id,
            updated_at = :updated_at
         WHERE id = :id",
    )?;
    if n == 0 {
        return Err(Error::not_found(ItemId::KIND, item.id));
    }
    conn.execute("DELETE FROM item_steps WHERE item_id = ?1", [item.id])?;
    write_steps(conn, item.id, &item.details.setup_steps)?;
    due::refresh_item(conn, item.id)
}

fn write(conn: &Connection, item: &EquipmentItem, sql: &str) -> Result<usize> {
    let d = &item.details;
    let (schedule, checks, dos, donts) = (
        json(&d.schedule),
        json(&d.safety_checks),
        json(&d.dos),
        json(&d.donts),
    );
    let wheelchair = d.wheelchair.as_ref().map(json);
    let seating = d.seating.as_ref().map(json);
    let sling = d.sling.as_ref().map(json);
    let sling_id = d.sling.as_ref().map(|s| s.sling_id.as_str());
    let mut params: Vec<(&str, &dyn ToSql)> = vec![
        (":id", &item.id),
        (":category", &d.category),
        (":name", &d.name),
        (":make", &d.make),
        (":model", &d.model),
        (":serial", &d.serial),
        (":lot", &d.lot),
        (":made_on", &d.made_on),
        (":size", &d.size),
        (":where_used", &d.where_used),
        (":provider_id", &d.provider_id),
        (":loan_number", &d.loan_number),
        (":issue_date", &d.issue_date),
        (":purpose", &d.purpose),
        (":schedule", &schedule),
        (":safety_checks", &checks),
        (":cleaning", &d.cleaning),
        (":dos", &dos),
        (":donts", &donts),
        (":status", &d.status),
        (":repair_supplier_id", &d.repair_supplier_id),
        (":therapist", &d.therapist),
        (":staff_needed", &d.staff_needed),
        (":wheelchair", &wheelchair),
        (":seating", &seating),
        (":sling", &sling),
        (":sling_id", &sling_id),
        (":updated_at", &item.updated_at),
    ];
    if sql.contains(":created_at") {
        params.push((":child_id", &item.child_id));
        params.push((":created_at", &item.created_at));
    }
    Ok(conn.prepare_cached(sql)?.execute(params.as_slice())?)
}

fn write_steps(conn: &Connection, item: ItemId, steps: &[SetupStep]) -> Result<()> {
    let mut stmt = conn.prepare_cached(
        "INSERT INTO item_steps (item_id, position, text, photo_id) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for (position, step) in steps.iter().enumerate() {
        stmt.execute(params![item, position as i64, step.text, step.photo_id])?;
    }
    Ok(())
}

/// Two slings can never share an id: LOLER records follow each sling by it.
fn check_sling_id_free(
    conn: &Connection,
    item: ItemId,
    sling: Option<&SlingDetails>,
) -> Result<()> {
    let Some(sling) = sling else { return Ok(()) };
    let taken = conn
        .prepare_cached("SELECT 1 FROM items WHERE sling_id = ?1 AND id <> ?2")?
        .exists(params![sling.sling_id, item])?;
    if taken {
        return Err(Error::Invalid(vec![crate::error::FieldError::new(
            "sling.sling_id",
            format!(
                "another sling already has the id '{}': each sling's id is unique, so check its label",
                sling.sling_id
            ),
        )]));
    }
    Ok(())
}

/// The item holding a sling id, if any.
pub fn with_sling_id(conn: &Connection, sling_id: &str) -> Result<Option<ItemId>> {
    Ok(conn
        .prepare_cached("SELECT id FROM items WHERE sling_id = ?1")?
        .query_row([sling_id], |r| r.get(0))
        .optional()?)
}

fn steps(conn: &Connection, item: ItemId) -> Result<Vec<SetupStep>> {
    let mut stmt = conn.prepare_cached(
        "SELECT text, photo_id FROM item_steps WHERE item_id = ?1 ORDER BY position",
    )?;
    let rows = stmt.query_map([item], |r| {
        Ok(SetupStep {
            text: r.get(0)?,
            photo_id: r.get(1)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn complete(conn: &Connection, mut item: EquipmentItem) -> Result<EquipmentItem> {
    item.details.setup_steps = steps(conn, item.id)?;
    item.photos = photos::gallery(conn, item.id)?;
    Ok(item)
}

pub fn get(conn: &Connection, id: ItemId) -> Result<EquipmentItem> {
    let item = conn
        .prepare_cached("SELECT * FROM items WHERE id = ?1")?
        .query_row([id], from_row)
        .optional()?
        .ok_or_else(|| Error::not_found(ItemId::KIND, id))?;
    complete(conn, item)
}

/// Who the item belongs to and what it is, without loading it all.
pub fn owner_and_category(conn: &Connection, id: ItemId) -> Result<(ChildId, Category)> {
    conn.prepare_cached("SELECT child_id, category FROM items WHERE id = ?1")?
        .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?
        .ok_or_else(|| Error::not_found(ItemId::KIND, id))
}

/// A child's items, grouped by category then name.
pub fn for_child(conn: &Connection, child: ChildId) -> Result<Vec<EquipmentItem>> {
    let mut stmt = conn.prepare_cached(
        "SELECT * FROM items WHERE child_id = ?1 ORDER BY category, name COLLATE NOCASE, id",
    )?;
    let items: Vec<EquipmentItem> = stmt
        .query_map([child], from_row)?
        .collect::<rusqlite::Result<_>>()?;
    items.into_iter().map(|i| complete(conn, i)).collect()
}

/// Whether a photo is the photo of one of this item's steps.
pub fn step_uses_photo(conn: &Connection, item: ItemId, photo: PhotoId) -> Result<bool> {
    Ok(conn
        .prepare_cached("SELECT 1 FROM item_steps WHERE item_id = ?1 AND photo_id = ?2")?
        .exists(params![item, photo])?)
}

pub fn delete(conn: &Connection, id: ItemId) -> Result<()> {
    let n = conn.execute("DELETE FROM items WHERE id = ?1", [id])?;
    if n == 0 {
        return Err(Error::not_found(ItemId::KIND, id));
    }
    Ok(())
}

pub fn count(conn: &Connection) -> Result<usize> {
    Ok(super::sql::count(conn, "SELECT count(*) FROM items", [])?)
}

/// Changes only an item's status (a thorough examination putting it out of use, or back).
pub fn set_status(
    conn: &Connection,
    id: ItemId,
    status: crate::model::ItemStatus,
    at: chrono::DateTime<chrono::Utc>,
) -> Result<()> {
    let n = conn
        .prepare_cached("UPDATE items SET status = ?2, updated_at = ?3 WHERE id = ?1")?
        .execute(rusqlite::params![id, status, at])?;
    if n == 0 {
        return Err(Error::not_found(ItemId::KIND, id));
    }
    due::refresh_item(conn, id)
}
