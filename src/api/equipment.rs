//! Equipment items, their photos and service logs, and the supplier directory.

use super::Api;
use crate::error::{Error, FieldError, Result};
use crate::media;
use crate::model::*;
use crate::store::photos::PhotoPlace;
use crate::store::{app_settings, children, items, photos, service_records, suppliers};
use rusqlite::Connection;
use serde::Serialize;

const INTERVALS_KEY: &str = "service_intervals";

/// One item with its service log, as the item screen shows it.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ItemRecord {
    pub item: EquipmentItem,
    pub service_log: Vec<ServiceRecord>,
}

impl Api {
    pub fn item(&self, id: ItemId) -> Result<ItemRecord> {
        let conn = self.store.conn();
        Ok(ItemRecord {
            item: items::get(conn, id)?,
            service_log: service_records::for_item(conn, id)?,
        })
    }

    pub fn items_of_child(&self, child: ChildId) -> Result<Vec<EquipmentItem>> {
        if !children::exists(self.store.conn(), child)? {
            return Err(Error::not_found(ChildId::KIND, child));
        }
        items::for_child(self.store.conn(), child)
    }

    pub fn create_item(&mut self, child: ChildId, details: ItemDetails) -> Result<EquipmentItem> {
        let details = details.validated(self.today())?;
        let id = ItemId::new();
        let intervals = self.service_intervals()?;
        let today = self.today();
        let tx = self.store.transaction()?;
        if !children::exists(&tx, child)? {
            return Err(Error::not_found(ChildId::KIND, child));
        }
        check_references(&tx, id, child, &details)?;
        let now = self.clock.now();
        let item = EquipmentItem {
            id,
            child_id: child,
            details,
            photos: Vec::new(),
            created_at: now,
            updated_at: now,
        };
        items::insert(&tx, &item)?;
        super::schedules::ensure_loler_schedule(
            &tx,
            id,
            item.details.category,
            item.details.issue_date,
            &intervals,
            today,
            now,
        )?;
        tx.commit()?;
        Ok(item)
    }

    pub fn update_item(&mut self, id: ItemId, details: ItemDetails) -> Result<EquipmentItem> {
        let today = self.today();
        let details = details.validated(today)?;
        let now = self.clock.now();
        let tx = self.store.transaction()?;
        let mut item = items::get(&tx, id)?;
        check_references(&tx, id, item.child_id, &details)?;
        item.details = details;
        item.updated_at = now;
        items::update(&tx, &item)?;
        // An item that becomes a hoist or sling needs its examinations from now on.
        let intervals = app_settings::get(&tx, INTERVALS_KEY)?.unwrap_or_default();
        super::schedules::ensure_loler_schedule(
            &tx,
            id,
            item.details.category,
            item.details.issue_date,
            &intervals,
            today,
            now,
        )?;
        tx.commit()?;
        Ok(item)
    }

    /// Deletes an item with its photos and service log.
    pub fn delete_item(&mut self, id: ItemId) -> Result<()> {
        let tx = self.store.transaction()?;
        items::delete(&tx, id)?;
        tx.commit()?;
        Ok(())
    }

    /// Adds a photo to the end of an item's gallery.
    pub fn add_item_photo(
        &mut self,
        item: ItemId,
        bytes: &[u8],
        caption: &str,
    ) -> Result<ItemPhoto> {
        let caption = &ItemPhoto::checked_caption(caption)?;
        let photo = media::normalise(bytes)?;
        let now = self.clock.now();
        let tx = self.store.transaction()?;
        let (child, _) = items::owner_and_category(&tx, item)?;
        let id = PhotoId::new();
        photos::insert(
            &tx,
            id,
            child,
            PhotoPlace::Gallery(item),
            caption,
            &photo,
            now,
        )?;
        tx.commit()?;
        Ok(ItemPhoto {
            id,
            caption: caption.to_string(),
            width: photo.width,
            height: photo.height,
        })
    }

    /// Stores a photo for one of an item's set-up steps; save the item with the step's
    /// `photo_id` set to attach it.
    pub fn add_step_photo(&mut self, item: ItemId, bytes: &[u8]) -> Result<PhotoId> {
        let photo = media::normalise(bytes)?;
        let now = self.clock.now();
        let tx = self.store.transaction()?;
        let (child, _) = items::owner_and_category(&tx, item)?;
        let id = PhotoId::new();
        photos::insert(&tx, id, child, PhotoPlace::Step(item), "", &photo, now)?;
        tx.commit()?;
        Ok(id)
    }

    pub fn set_photo_caption(&mut self, photo: PhotoId, caption: &str) -> Result<()> {
        let caption = &ItemPhoto::checked_caption(caption)?;
        photos::set_caption(self.store.conn(), photo, caption)
    }

    /// Puts an item's photos in the given order (each photo named once).
    pub fn reorder_item_photos(&mut self, item: ItemId, order: &[PhotoId]) -> Result<()> {
        let tx = self.store.transaction()?;
        photos::reorder(&tx, item, order)?;
        tx.commit()?;
        Ok(())
    }

    pub fn delete_photo(&mut self, photo: PhotoId) -> Result<()> {
        let tx = self.store.transaction()?;
        photos::delete(&tx, photo)?;
        tx.commit()?;
        Ok(())
    }

    /// The stored JPEG (upright, no metadata, at most 2,000 px).
    pub fn photo_jpeg(&self, photo: PhotoId) -> Result<Vec<u8>> {
        photos::jpeg(self.store.conn(), photo)
    }

    pub fn photo_thumbnail(&self, photo: PhotoId) -> Result<Vec<u8>> {
        photos::thumbnail(self.store.conn(), photo)
    }

    /// Records a LOLER examination, service, repair or safety check. The next due date, left
    /// empty, follows the configured intervals (6 months for a hoist's or sling's LOLER).
    pub fn add_service_record(
        &mut self,
        item: ItemId,
        details: ServiceRecordDetails,
    ) -> Result<ServiceRecord> {
        let stored = items::get(self.store.conn(), item)?.details;
        let intervals = self.service_intervals()?;
        let details = details.validated(stored.category, &intervals, self.today())?;
        if let Some(issued) = stored.issue_date
            && details.date < issued
        {
            return Err(Error::invalid(
                "date",
                format!(
                    "this is before the item was issued ({}): check the date",
                    issued.format("%-d %B %Y")
                ),
            ));
        }
        let mut details = details;
        if let Some(report) = details.examination.as_mut()
            && report.identification.is_empty()
        {
            report.identification = identification(&stored);
        }
        let record = ServiceRecord {
            id: ServiceRecordId::new(),
            item_id: item,
            details,
            recorded_at: self.clock.now(),
        };
        let tx = self.store.transaction()?;
        service_records::insert(&tx, &record)?;
        put_out_of_use_or_back(&tx, &record)?;
        tx.commit()?;
        Ok(record)
    }

    /// The LOLER records of an item that carry an examination report, newest first.
    pub fn examinations(&self, item: ItemId) -> Result<Vec<ServiceRecord>> {
        Ok(service_records::for_item(self.store.conn(), item)?
            .into_iter()
            .filter(|r| r.details.examination.is_some())
            .collect())
    }

    /// One examination report (a LOLER record carrying one).
    pub fn examination(&self, id: ServiceRecordId) -> Result<ServiceRecord> {
        let record = service_records::get(self.store.conn(), id)?;
        if record.details.examination.is_none() {
            return Err(Error::not_found("examination report", id));
        }
        Ok(record)
    }

    pub fn delete_service_record(&mut self, id: ServiceRecordId) -> Result<()> {
        let tx = self.store.transaction()?;
        service_records::delete(&tx, id)?;
        tx.commit()?;
        Ok(())
    }

    pub fn service_intervals(&self) -> Result<ServiceIntervals> {
        Ok(app_settings::get(self.store.conn(), INTERVALS_KEY)?.unwrap_or_default())
    }

    pub fn set_service_intervals(&mut self, intervals: ServiceIntervals) -> Result<()> {
        if !(1..=6).contains(&intervals.loler_lifting_months) {
            return Err(Error::invalid(
                "loler_lifting_months",
                "LOLER allows at most 6 months between examinations of people-lifting equipment",
            ));
        }
        for (field, months) in [
            ("loler_other_months", intervals.loler_other_months),
            ("service_months", intervals.service_months),
        ] {
            if !(1..=24).contains(&months) {
                return Err(Error::invalid(field, "choose between 1 and 24 months"));
            }
        }
        app_settings::set(self.store.conn(), INTERVALS_KEY, &intervals)
    }

    pub fn suppliers(&self) -> Result<Vec<Supplier>> {
        suppliers::list(self.store.conn())
    }

    pub fn supplier(&self, id: SupplierId) -> Result<Supplier> {
        suppliers::get(self.store.conn(), id)
    }

    pub fn create_supplier(&mut self, details: SupplierDetails) -> Result<Supplier> {
        let supplier = Supplier {
            id: SupplierId::new(),
            details: details.validated()?,
        };
        suppliers::insert(self.store.conn(), &supplier)?;
        Ok(supplier)
    }

    pub fn update_supplier(
        &mut self,
        id: SupplierId,
        details: SupplierDetails,
    ) -> Result<Supplier> {
        let supplier = Supplier {
            id,
            details: details.validated()?,
        };
        suppliers::update(self.store.conn(), &supplier)?;
        Ok(supplier)
    }

    /// Deletes a supplier no item names; otherwise says how many items still do.
    pub fn delete_supplier(&mut self, id: SupplierId) -> Result<()> {
        let tx = self.store.transaction()?;
        let used = suppliers::items_using(&tx, id)?;
        if used > 0 {
            return Err(Error::Conflict(format!(
                "{used} equipment item{} still name{} this supplier: choose another supplier on {} first",
                if used == 1 { "" } else { "s" },
                if used == 1 { "s" } else { "" },
                if used == 1 { "it" } else { "them" },
            )));
        }
        suppliers::delete(&tx, id)?;
        tx.commit()?;
        Ok(())
    }
}

/// What identifies an item on an examination report when the examiner leaves it empty: its
/// make, model and serial, else its name.
fn identification(d: &ItemDetails) -> String {
    let mut parts: Vec<String> = [d.make.as_str(), d.model.as_str()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect();
    if !d.serial.is_empty() {
        parts.push(format!("serial {}", d.serial));
    }
    if parts.is_empty() {
        d.name.clone()
    } else {
        parts.join(" ")
    }
}

/// After a thorough examination with a report, newest of the item's: "not safe to operate"
/// puts a current item out of use at once; "safe" brings an item put out of use back into
/// use. An older report entered late changes nothing, nor does one for an item withdrawn or
/// returned.
fn put_out_of_use_or_back(conn: &Connection, record: &ServiceRecord) -> Result<()> {
    let Some(report) = &record.details.examination else {
        return Ok(());
    };
    let log = service_records::for_item(conn, record.item_id)?;
    let newest = ServiceRecord::latest(&log, Some(ServiceKind::LolerExamination));
    if newest.map(|r| r.id) != Some(record.id) {
        return Ok(());
    }
    let now = items::get(conn, record.item_id)?.details.status;
    let status = match (report.safe_to_operate, now) {
        (false, s) if s.is_current() => ItemStatus::NotSafe,
        (true, ItemStatus::NotSafe) => ItemStatus::InUse,
        _ => return Ok(()),
    };
    if status != now {
        items::set_status(conn, record.item_id, status, record.recorded_at)?;
    }
    Ok(())
}

/// Checks that what an item points at exists and belongs: suppliers in the directory, step
/// photos of this item, hoists of this child.
fn check_references(
    conn: &Connection,
    item: ItemId,
    child: ChildId,
    d: &ItemDetails,
) -> Result<()> {
    let mut problems = Vec::new();
    for (field, supplier) in d.supplier_ids() {
        if !suppliers::exists(conn, supplier)? {
            problems.push(FieldError::new(
                field,
                "that supplier is no longer in the directory: choose another",
            ));
        }
    }
    for (i, step) in d.setup_steps.iter().enumerate() {
        if let Some(photo) = step.photo_id {
            let ok = match photos::owner(conn, photo) {
                Ok((_, Some(owner))) => owner == item,
                Ok(_) | Err(Error::NotFound { .. }) => false,
                Err(e) => return Err(e),
            };
            if !ok {
                problems.push(FieldError::new(
                    format!("setup_steps[{i}].photo_id"),
                    "that photo is not one of this item's: add the photo to this step again",
                ));
            }
        }
    }
    if let Some(sling) = &d.sling {
        for (i, hoist) in sling.hoist_ids.iter().enumerate() {
            let ok = match items::owner_and_category(conn, *hoist) {
                Ok((owner, Category::Hoist)) => owner == child,
                Ok(_) | Err(Error::NotFound { .. }) => false,
                Err(e) => return Err(e),
            };
            if !ok {
                problems.push(FieldError::new(
                    format!("sling.hoist_ids[{i}]"),
                    "a sling can only be linked to one of this child's hoists",
                ));
            }
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(Error::Invalid(problems))
    }
}
