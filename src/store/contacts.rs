//! A child's contacts, in the order they were added.

use super::sql::{from_json, json};
use crate::error::{Error, Result};
use crate::model::{ChildId, Contact, ContactDetails, ContactId};
use rusqlite::{Connection, OptionalExtension, Row, named_params};

fn from_row(row: &Row<'_>) -> rusqlite::Result<Contact> {
    Ok(Contact {
        id: row.get("id")?,
        child_id: row.get("child_id")?,
        details: ContactDetails {
            name: row.get("name")?,
            role: row.get("role")?,
            relationship: row.get("relationship")?,
            organisation: row.get("organisation")?,
            phones: from_json(row, "phones")?,
            email: row.get("email")?,
            notes: row.get("notes")?,
        },
    })
}

pub fn insert(conn: &Connection, contact: &Contact) -> Result<()> {
    let d = &contact.details;
    conn.prepare_cached(
        "INSERT INTO contacts (id, child_id, position, name, role, relationship, organisation, phones, email, notes)
         VALUES (:id, :child_id,
                 (SELECT coalesce(max(position), -1) + 1 FROM contacts WHERE child_id = :child_id),
                 :name, :role, :relationship, :organisation, :phones, :email, :notes)",
    )?
    .execute(named_params! {
        ":id": contact.id,
        ":child_id": contact.child_id,
        ":name": d.name,
        ":role": d.role,
        ":relationship": d.relationship,
        ":organisation": d.organisation,
        ":phones": json(&d.phones),
        ":email": d.email,
        ":notes": d.notes,
    })?;
    Ok(())
}

pub fn update(conn: &Connection, id: ContactId, d: &ContactDetails) -> Result<()> {
    let n = conn
        .prepare_cached(
            "UPDATE contacts SET name = :name, role = :role, relationship = :relationship,
             organisation = :organisation, phones = :phones, email = :email, notes = :notes
             WHERE id = :id",
        )?
        .execute(named_params! {
            ":id": id,
            ":name": d.name,
            ":role": d.role,
            ":relationship": d.relationship,
            ":organisation": d.organisation,
            ":phones": json(&d.phones),
            ":email": d.email,
            ":notes": d.notes,
        })?;
    if n == 0 {
        return Err(Error::not_found(ContactId::KIND, id));
    }
    Ok(())
}

pub fn get(conn: &Connection, id: ContactId) -> Result<Contact> {
    conn.prepare_cached("SELECT * FROM contacts WHERE id = ?1")?
        .query_row([id], from_row)
        .optional()?
        .ok_or_else(|| Error::not_found(ContactId::KIND, id))
}

pub fn for_child(conn: &Connection, child: ChildId) -> Result<Vec<Contact>> {
    let mut stmt =
        conn.prepare_cached("SELECT * FROM contacts WHERE child_id = ?1 ORDER BY position")?;
    let rows = stmt.query_map([child], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn delete(conn: &Connection, id: ContactId) -> Result<()> {
    let n = conn.execute("DELETE FROM contacts WHERE id = ?1", [id])?;
    if n == 0 {
        return Err(Error::not_found(ContactId::KIND, id));
    }
    Ok(())
}
