//! The supplier directory.

use super::sql::{from_json, json};
use crate::error::{Error, Result};
use crate::model::{Supplier, SupplierDetails, SupplierId};
use rusqlite::{Connection, OptionalExtension, Row, named_params};

fn from_row(row: &Row<'_>) -> rusqlite::Result<Supplier> {
    Ok(Supplier {
        id: row.get("id")?,
        details: SupplierDetails {
            name: row.get("name")?,
            kind: row.get("kind")?,
            phones: from_json(row, "phones")?,
            repair_phone: row.get("repair_phone")?,
            repair_hours: row.get("repair_hours")?,
            email: row.get("email")?,
            address: row.get("address")?,
            postcode: row.get("postcode")?,
            account_ref: row.get("account_ref")?,
        },
    })
}

fn write(conn: &Connection, s: &Supplier, sql: &str) -> Result<usize> {
    let d = &s.details;
    Ok(conn.prepare_cached(sql)?.execute(named_params! {
        ":id": s.id,
        ":name": d.name,
        ":kind": d.kind,
        ":phones": json(&d.phones),
        ":repair_phone": d.repair_phone,
        ":repair_hours": d.repair_hours,
        ":email": d.email,
        ":address": d.address,
        ":postcode": d.postcode,
        ":account_ref": d.account_ref,
    })?)
}

pub fn insert(conn: &Connection, supplier: &Supplier) -> Result<()> {
    write(conn, supplier, "INSERT INTO suppliers (id, name, kind, phones, repair_phone, repair_hours, email, address, postcode, account_ref)
         VALUES (:id, :name, :kind, :phones, :repair_phone, :repair_hours, :email, :address, :postcode, :account_ref)")?;
    Ok(())
}

pub fn update(conn: &Connection, supplier: &Supplier) -> Result<()> {
    let n = write(conn, supplier, "UPDATE suppliers SET name = :name, kind = :kind, phones = :phones, repair_phone = :repair_phone,
         repair_hours = :repair_hours, email = :email, address = :address, postcode = :postcode,
         account_ref = :account_ref WHERE id = :id")?;
    if n == 0 {
        return Err(Error::not_found(SupplierId::KIND, supplier.id));
    }
    Ok(())
}

pub fn get(conn: &Connection, id: SupplierId) -> Result<Supplier> {
    conn.prepare_cached("SELECT * FROM suppliers WHERE id = ?1")?
        .query_row([id], from_row)
        .optional()?
        .ok_or_else(|| Error::not_found(SupplierId::KIND, id))
}

pub fn exists(conn: &Connection, id: SupplierId) -> Result<bool> {
    Ok(conn
        .prepare_cached("SELECT 1 FROM suppliers WHERE id = ?1")?
        .exists([id])?)
}

pub fn list(conn: &Connection) -> Result<Vec<Supplier>> {
    let mut stmt = conn.prepare_cached("SELECT * FROM suppliers ORDER BY name COLLATE NOCASE")?;
    let rows = stmt.query_map([], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// How many items name this supplier anywhere (provider, repairer, wheelchair service).
pub fn items_using(conn: &Connection, id: SupplierId) -> Result<usize> {
    Ok(super::sql::count(
        conn,
        "SELECT count(*) FROM items WHERE provider_id = ?1 OR repair_supplier_id = ?1
            OR json_extract(wheelchair, '$.service_id') = ?1
            OR json_extract(wheelchair, '$.repairer_id') = ?1",
        [id],
    )?)
}

pub fn delete(conn: &Connection, id: SupplierId) -> Result<()> {
    let n = conn.execute("DELETE FROM suppliers WHERE id = ?1", [id])?;
    if n == 0 {
        return Err(Error::not_found(SupplierId::KIND, id));
    }
    Ok(())
}
