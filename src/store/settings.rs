//! Schools, nurseries and colleges.

use crate::error::{Error, Result};
use crate::model::search_text::fold;
use crate::model::{Setting, SettingDetails, SettingId};
use rusqlite::{Connection, OptionalExtension, Row, named_params};

fn from_row(row: &Row<'_>) -> rusqlite::Result<Setting> {
    Ok(Setting {
        id: row.get("id")?,
        details: SettingDetails {
            name: row.get("name")?,
            kind: row.get("kind")?,
            address: row.get("address")?,
            postcode: row.get("postcode")?,
            phone: row.get("phone")?,
            senco_name: row.get("senco_name")?,
            senco_email: row.get("senco_email")?,
            link_therapist: row.get("link_therapist")?,
        },
    })
}

pub fn insert(conn: &Connection, setting: &Setting) -> Result<()> {
    write(conn, setting, "INSERT INTO settings (id, name, kind, address, postcode, phone, senco_name, senco_email, link_therapist, search_key)
         VALUES (:id, :name, :kind, :address, :postcode, :phone, :senco_name, :senco_email, :link_therapist, :search_key)")?;
    Ok(())
}

pub fn update(conn: &Connection, setting: &Setting) -> Result<()> {
    let n = write(
        conn,
        setting,
        "UPDATE settings SET name = :name, kind = :kind, address = :address, postcode = :postcode,
         phone = :phone, senco_name = :senco_name, senco_email = :senco_email,
         link_therapist = :link_therapist, search_key = :search_key WHERE id = :id",
    )?;
    if n == 0 {
        return Err(Error::not_found(SettingId::KIND, setting.id));
    }
    Ok(())
}

fn write(conn: &Connection, s: &Setting, sql: &str) -> Result<usize> {
    let d = &s.details;
    Ok(conn.prepare_cached(sql)?.execute(named_params! {
        ":id": s.id,
        ":name": d.name,
        ":kind": d.kind,
        ":address": d.address,
        ":postcode": d.postcode,
        ":phone": d.phone,
        ":senco_name": d.senco_name,
        ":senco_email": d.senco_email,
        ":link_therapist": d.link_therapist,
        ":search_key": fold(&d.name),
    })?)
}

pub fn get(conn: &Connection, id: SettingId) -> Result<Setting> {
    conn.prepare_cached("SELECT * FROM settings WHERE id = ?1")?
        .query_row([id], from_row)
        .optional()?
        .ok_or_else(|| Error::not_found(SettingId::KIND, id))
}

pub fn exists(conn: &Connection, id: SettingId) -> Result<bool> {
    Ok(conn
        .prepare_cached("SELECT 1 FROM settings WHERE id = ?1")?
        .exists([id])?)
}

pub fn list(conn: &Connection) -> Result<Vec<Setting>> {
    let mut stmt = conn.prepare_cached("SELECT * FROM settings ORDER BY search_key")?;
    let rows = stmt.query_map([], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// How many children are at the setting (they are kept, with no setting, if it is deleted).
pub fn child_count(conn: &Connection, id: SettingId) -> Result<usize> {
    Ok(super::sql::count(
        conn,
        "SELECT count(*) FROM children WHERE setting_id = ?1",
        [id],
    )?)
}

pub fn delete(conn: &Connection, id: SettingId) -> Result<()> {
    let n = conn.execute("DELETE FROM settings WHERE id = ?1", [id])?;
    if n == 0 {
        return Err(Error::not_found(SettingId::KIND, id));
    }
    Ok(())
}
