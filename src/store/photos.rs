//! Photo bytes and their place in an item's gallery. The bytes are already normalised by
//! `media` (upright, metadata stripped, at most 2,000 px) when they arrive here.

use crate::error::{Error, Result};
use crate::media::NormalisedPhoto;
use crate::model::{ChildId, ItemId, ItemPhoto, PhotoId};
use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, params};

/// Where a new photo goes.
#[derive(Debug, Clone, Copy)]
pub enum PhotoPlace {
    /// The child's own photo.
    Child,
    /// The end of an item's gallery.
    Gallery(ItemId),
    /// Beside one of an item's set-up steps (not in the gallery).
    Step(ItemId),
}

/// A photo as the store holds it: the normalised JPEG with its size and SHA-256, and the
/// 320 px thumbnail and print copy made at intake (empty when not read, or for a photo stored
/// before print copies).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredPhoto {
    pub jpeg: Vec<u8>,
    pub thumbnail: Vec<u8>,
    pub print: Vec<u8>,
    pub width: u32,
    pub height: u32,
    /// Hex SHA-256 of `jpeg`.
    pub sha256: String,
}

pub fn insert(
    conn: &Connection,
    id: PhotoId,
    child: ChildId,
    place: PhotoPlace,
    caption: &str,
    photo: &NormalisedPhoto,
    now: DateTime<Utc>,
) -> Result<()> {
    let (item, gallery) = match place {
        PhotoPlace::Child => (None, false),
        PhotoPlace::Gallery(item) => (Some(item), true),
        PhotoPlace::Step(item) => (Some(item), false),
    };
    conn.prepare_cached(
        "INSERT INTO photos (id, child_id, item_id, position, caption, width, height, jpeg, thumbnail, sha256, created_at, print_jpeg)
         VALUES (?1, ?2, ?3,
                 CASE WHEN ?4 THEN (SELECT coalesce(max(position), -1) + 1 FROM photos WHERE item_id = ?3) END,
                 ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
    )?
    .execute(params![
        id,
        child,
        item,
        gallery,
        caption,
        photo.width,
        photo.height,
        photo.jpeg,
        photo.thumbnail,
        photo.sha256,
        now,
        photo.print
    ])?;
    Ok(())
}

/// An item's gallery, in order.
pub fn gallery(conn: &Connection, item: ItemId) -> Result<Vec<ItemPhoto>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, caption, width, height FROM photos
         WHERE item_id = ?1 AND position IS NOT NULL ORDER BY position",
    )?;
    let rows = stmt.query_map([item], |r| {
        Ok(ItemPhoto {
            id: r.get(0)?,
            caption: r.get(1)?,
            width: r.get(2)?,
            height: r.get(3)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The full-size JPEG.
pub fn jpeg(conn: &Connection, id: PhotoId) -> Result<Vec<u8>> {
    blob(conn, id, "jpeg")
}

/// The 320 px thumbnail JPEG.
pub fn thumbnail(conn: &Connection, id: PhotoId) -> Result<Vec<u8>> {
    blob(conn, id, "thumbnail")
}

fn blob(conn: &Connection, id: PhotoId, column: &str) -> Result<Vec<u8>> {
    conn.prepare_cached(&format!("SELECT {column} FROM photos WHERE id = ?1"))?
        .query_row([id], |r| r.get(0))
        .optional()?
        .ok_or_else(|| Error::not_found(PhotoId::KIND, id))
}

/// The photo's pixel size, for layout without decoding.
pub fn size(conn: &Connection, id: PhotoId) -> Result<(u32, u32)> {
    conn.prepare_cached("SELECT width, height FROM photos WHERE id = ?1")?
        .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?
        .ok_or_else(|| Error::not_found(PhotoId::KIND, id))
}

/// Whose photo it is: the child, and the item if it belongs to one.
pub fn owner(conn: &Connection, id: PhotoId) -> Result<(ChildId, Option<ItemId>)> {
    conn.prepare_cached("SELECT child_id, item_id FROM photos WHERE id = ?1")?
        .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?
        .ok_or_else(|| Error::not_found(PhotoId::KIND, id))
}

pub fn set_caption(conn: &Connection, id: PhotoId, caption: &str) -> Result<()> {
    let n = conn.execute(
        "UPDATE photos SET caption = ?2 WHERE id = ?1",
        params![id, caption],
    )?;
    if n == 0 {
        return Err(Error::not_found(PhotoId::KIND, id));
    }
    Ok(())
}

/// Puts an item's gallery in the order given, which must name each of its photos once.
pub fn reorder(conn: &Connection, item: ItemId, order: &[PhotoId]) -> Result<()> {
    let mut current: Vec<PhotoId> = gallery(conn, item)?.into_iter().map(|p| p.id).collect();
    let mut wanted = order.to_vec();
    current.sort();
    wanted.sort();
    if current != wanted {
        return Err(Error::Conflict(format!(
            "the new order must list each of the item's {} photos once: reload the item and try again",
            current.len()
        )));
    }
    let mut stmt = conn.prepare_cached("UPDATE photos SET position = ?2 WHERE id = ?1")?;
    for (position, id) in order.iter().enumerate() {
        stmt.execute(params![id, position as i64])?;
    }
    Ok(())
}

pub fn delete(conn: &Connection, id: PhotoId) -> Result<()> {
    let n = conn.execute("DELETE FROM photos WHERE id = ?1", [id])?;
    if n == 0 {
        return Err(Error::not_found(PhotoId::KIND, id));
    }
    Ok(())
}

/// A stored photo with no print copy: one stored before print copies were kept, or one no
/// larger than the box it prints in.
#[derive(Debug, Clone)]
pub struct WithoutPrintCopy {
    pub id: PhotoId,
    /// The child's own photo (printed on the cover) rather than an item's.
    pub of_child: bool,
    pub width: u32,
    pub height: u32,
    pub sha256: String,
}

pub fn without_print_copy(conn: &Connection) -> Result<Vec<WithoutPrintCopy>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, item_id IS NULL, width, height, sha256 FROM photos
         WHERE length(print_jpeg) = 0 ORDER BY created_at, id",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(WithoutPrintCopy {
            id: r.get(0)?,
            of_child: r.get(1)?,
            width: r.get(2)?,
            height: r.get(3)?,
            sha256: r.get(4)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Stores a photo's print copy, unless the photo has changed (`sha256`), gone, or has one
/// already. Not an edit of the record, so the audit trail does not list it. True when stored.
pub fn set_print_copy(conn: &Connection, id: PhotoId, sha256: &str, print: &[u8]) -> Result<bool> {
    let n = conn
        .prepare_cached(
            "UPDATE photos SET print_jpeg = ?3
             WHERE id = ?1 AND sha256 = ?2 AND length(print_jpeg) = 0",
        )?
        .execute(params![id, sha256, print])?;
    Ok(n == 1)
}

pub fn count(conn: &Connection) -> Result<usize> {
    Ok(super::sql::count(conn, "SELECT count(*) FROM photos", [])?)
}

/// Every photo of a child (their own, galleries and set-up steps), keyed by id. With
/// `with_bytes` false only the size and hash are read: enough to fingerprint a passport.
pub fn for_child(
    conn: &Connection,
    child: ChildId,
    with_bytes: bool,
) -> Result<std::collections::HashMap<PhotoId, StoredPhoto>> {
    let sql = if with_bytes {
        "SELECT id, width, height, sha256, jpeg, thumbnail, print_jpeg FROM photos WHERE child_id = ?1"
    } else {
        "SELECT id, width, height, sha256, x'', x'', x'' FROM photos WHERE child_id = ?1"
    };
    let mut stmt = conn.prepare_cached(sql)?;
    let rows = stmt.query_map([child], |r| {
        Ok((
            r.get::<_, PhotoId>(0)?,
            StoredPhoto {
                width: r.get(1)?,
                height: r.get(2)?,
                sha256: r.get(3)?,
                jpeg: r.get(4)?,
                thumbnail: r.get(5)?,
                print: r.get(6)?,
            },
        ))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
