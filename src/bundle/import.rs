//! Importing a bundle, in three steps, the first two of which write nothing:
//!
//! 1. [`unpack`] opens the zip archive within the [`Limits`], refusing any entry name that is
//!    absolute, climbs out of the archive (`..`), or is not `bundle.json` or
//!    `photos/<photo-id>.jpg`, then reads the document's `schema_version` before its records.
//! 2. [`validate`] passes every record through the model's own validation (problems are named
//!    after the record: `child 2 (<id>): nhs_number: ...`), checks every reference inside the
//!    bundle (an item's child, suppliers, settings, hoists, photos) and every photo through the
//!    photo intake.
//! 3. [`write`] writes it all on one connection; the api runs it inside one transaction (and
//!    rolls it back for a dry run), so an import is all or nothing.

use super::format::{self, Bundle, BundleChild, BundleTraining, OLDEST_READ, SCHEMA_VERSION};
use super::limits::{Limits, Meter};
use crate::error::{Error, FieldError, Result};
use crate::media::{self, NormalisedPhoto, PrintBox};
use crate::model::dfg::{CaseNote, DfgCase, DfgRules};
use crate::model::*;
use crate::store::photos::PhotoPlace;
use crate::store::{
    children, contacts, dfg, evacuation, handling, items, photos, schedules, service_records,
    settings, suppliers, training,
};
use chrono::{DateTime, NaiveDate, Utc};
use rayon::prelude::*;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::{HashMap, HashSet};
use uuid::Uuid;

/// What to do with a child in the bundle who is already on the caseload (same id).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum ExistingChild {
    /// Keep the caseload's record; import nothing of that child.
    #[default]
    Skip,
    /// Delete the caseload's record (with all of its equipment, photos and logs) and import
    /// the bundle's in its place.
    Replace,
    /// Import the bundle's record beside it as a new child: new ids for every record.
    Copy,
}

#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    pub existing: ExistingChild,
    /// Check everything and report what would happen, writing nothing.
    pub dry_run: bool,
    pub limits: Limits,
}

/// What happened to one child of the bundle.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum ChildOutcome {
    /// New to the caseload.
    Imported,
    /// Was on the caseload; replaced by the bundle's record.
    Replaced,
    /// Was on the caseload; the bundle's record was added beside it with new ids.
    Copied,
    /// Was on the caseload; left as it was.
    Skipped,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ImportedChild {
    /// The child's id in the bundle.
    pub bundle_id: ChildId,
    /// The child's id on the caseload (a new one for a copy).
    pub id: ChildId,
    pub display_name: String,
    pub outcome: ChildOutcome,
}

/// What an import did (or, for a dry run, would do).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ImportReport {
    pub dry_run: bool,
    pub schema_version: u32,
    pub exported_at: DateTime<Utc>,
    pub app_version: String,
    pub children: Vec<ImportedChild>,
    /// Settings and suppliers new to the caseload (those it already has are kept as they are).
    pub settings_added: usize,
    pub suppliers_added: usize,
    /// Records written for the children imported, replaced or copied.
    pub contacts: usize,
    pub items: usize,
    pub service_records: usize,
    pub photos: usize,
    pub dfg_cases: usize,
}

impl ImportReport {
    pub fn count(&self, outcome: ChildOutcome) -> usize {
        self.children
            .iter()
            .filter(|c| c.outcome == outcome)
            .count()
    }
}

/// An opened archive: the document and each photo's bytes, not yet checked.
#[derive(Debug)]
pub struct Unpacked {
    pub bundle: Bundle,
    pub photos: HashMap<PhotoId, Vec<u8>>,
}

/// A bundle whose every record and photo has been checked, ready to write.
#[derive(Debug)]
pub struct Checked {
    pub bundle: Bundle,
    pub photos: HashMap<PhotoId, NormalisedPhoto>,
}

fn refused(message: impl Into<String>) -> Error {
    Error::invalid("file", message)
}

/// A hostile entry name, shortened and quoted for a message.
fn shown(name: &str) -> String {
    let short: String = name.chars().take(80).collect();
    format!("{short:?}")
}

enum Entry {
    Document,
    Photo(PhotoId),
}

fn entry(name: &str) -> Result<Entry> {
    let bytes = name.as_bytes();
    if name.starts_with('/')
        || name.starts_with('\\')
        || (bytes.len() >= 2 && bytes[1] == b':' && bytes[0].is_ascii_alphabetic())
    {
        return Err(refused(format!(
            "the bundle is refused: the entry {} has an absolute path, which a bundle never holds",
            shown(name)
        )));
    }
    if name.split(['/', '\\']).any(|part| part == "..") {
        return Err(refused(format!(
            "the bundle is refused: the entry {} points outside the bundle (path traversal)",
            shown(name)
        )));
    }
    if name == format::DOCUMENT {
        return Ok(Entry::Document);
    }
    if let Some(id) = name
        .strip_prefix(format::PHOTO_FOLDER)
        .and_then(|rest| rest.strip_suffix(".jpg"))
        .and_then(|id| Uuid::parse_str(id).ok())
        .map(PhotoId)
        && format::photo_entry(id) == name
    {
        return Ok(Entry::Photo(id));
    }
    Err(refused(format!(
        "the bundle is refused: it holds an unexpected entry {} (a bundle holds only bundle.json and photos/<photo id>.jpg)",
        shown(name)
    )))
}

/// Opens the zip archive (step 1): names, sizes and the document's version and shape.
pub fn unpack(zip: &[u8], limits: &Limits) -> Result<Unpacked> {
    use zip::CompressionMethod;
    if !zip.starts_with(b"PK\x03\x04") && !zip.starts_with(b"PK\x05\x06") {
        return Err(refused(
            "the bundle's contents are not a zip archive: it was not exported by Equipment Passport, or it is damaged",
        ));
    }
    let damaged = |e: zip::result::ZipError| {
        refused(format!(
            "the bundle is damaged or cut short ({e}): it may not have finished copying, so copy it again or ask for it to be exported again"
        ))
    };
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(zip)).map_err(damaged)?;
    if archive.len() > limits.max_entries {
        return Err(refused(format!(
            "the bundle is refused: it holds {} entries, more than the {} a bundle may hold",
            archive.len(),
            limits.max_entries
        )));
    }
    let mut meter = Meter::default();
    let mut document = None;
    let mut photos = HashMap::new();
    for i in 0..archive.len() {
        let file = archive.by_index(i).map_err(damaged)?;
        let name = file.name().to_string();
        let kind = entry(&name)?;
        if !matches!(
            file.compression(),
            CompressionMethod::Stored | CompressionMethod::Deflated
        ) {
            return Err(refused(format!(
                "the bundle is refused: {} is compressed in a way bundles never are ({})",
                shown(&name),
                file.compression()
            )));
        }
        let compressed = file.compressed_size();
        let twice = || {
            refused(format!(
                "the bundle is refused: it holds {} twice",
                shown(&name)
            ))
        };
        match kind {
            Entry::Document => {
                if document.is_some() {
                    return Err(twice());
                }
                let cap = limits.max_document_bytes;
                document = Some(meter.read(limits, &name, file, compressed, cap)?);
            }
            Entry::Photo(id) => {
                if photos.contains_key(&id) {
                    return Err(twice());
                }
                let bytes = meter.read(limits, &name, file, compressed, limits.max_photo_bytes)?;
                photos.insert(id, bytes);
            }
        }
    }
    let document = document.ok_or_else(|| {
        refused("the bundle has no bundle.json: it was not exported by Equipment Passport, or it is damaged")
    })?;
    Ok(Unpacked {
        bundle: parse(&document)?,
        photos,
    })
}

/// Reads `bundle.json`: its schema version first, then the records in that version's shape.
pub fn parse(document: &[u8]) -> Result<Bundle> {
    let bad = |message: String| Error::invalid("bundle.json", message);
    let value: serde_json::Value = serde_json::from_slice(document).map_err(|e| {
        bad(format!(
            "bundle.json is not valid JSON ({e}): the bundle is damaged, ask for it to be exported again"
        ))
    })?;
    let version = match value.get("schema_version").map(serde_json::Value::as_u64) {
        Some(Some(v)) if (u64::from(OLDEST_READ)..=u64::from(SCHEMA_VERSION)).contains(&v) => v,
        Some(Some(v)) if v > u64::from(SCHEMA_VERSION) => {
            return Err(Error::invalid(
                "schema_version",
                format!(
                    "this bundle is at schema version {v} but this version of Equipment Passport reads bundles up to version {SCHEMA_VERSION}: install the newer version of the app to import it"
                ),
            ));
        }
        Some(Some(v)) => {
            return Err(Error::invalid(
                "schema_version",
                format!(
                    "schema version {v} is not one Equipment Passport has ever written: the bundle is damaged or was not made by the app"
                ),
            ));
        }
        _ => {
            return Err(Error::invalid(
                "schema_version",
                "bundle.json has no schema version (a whole number): the bundle is damaged or was not made by the app",
            ));
        }
    };
    let mut bundle: Bundle = serde_json::from_slice(document).map_err(|e| {
        bad(format!(
            "bundle.json does not have the shape of a version {version} bundle ({e}): the bundle is damaged or was not made by the app"
        ))
    })?;
    if version < 3 {
        with_version_2_schedules(&mut bundle, &value);
    }
    Ok(bundle)
}

/// Gives each item of a version 2 document the schedules its record stood for: its
/// `review_date` (read from the document, as the item no longer has one), newest LOLER
/// examination and service, and a first examination for lifting equipment never examined.
fn with_version_2_schedules(bundle: &mut Bundle, value: &serde_json::Value) {
    let intervals = ServiceIntervals::default();
    for (n, bc) in bundle.children.iter_mut().enumerate() {
        for (m, entry) in bc.items.iter_mut().enumerate() {
            let review = value["children"][n]["items"][m]["item"]["details"]["review_date"]
                .as_str()
                .and_then(|d| d.parse::<NaiveDate>().ok());
            entry.schedules = format::schedules_from_version_2(entry, review, &intervals);
        }
    }
}

/// Problems found, each named after its record.
#[derive(Default)]
struct Problems(Vec<FieldError>);

impl Problems {
    fn fail(&mut self, record: &str, field: &str, message: impl Into<String>) {
        self.0
            .push(FieldError::new(format!("{record}: {field}"), message));
    }

    /// Keeps a record's validation problems, or its tidied value.
    fn check<T>(&mut self, record: &str, result: Result<T>) -> Option<T> {
        match result {
            Ok(value) => Some(value),
            Err(e) => {
                self.add(record, e);
                None
            }
        }
    }

    fn add(&mut self, record: &str, e: Error) {
        match e {
            Error::Invalid(fields) => {
                for f in fields {
                    self.fail(record, &f.field, f.message);
                }
            }
            other => self.0.push(FieldError::new(record, other.to_string())),
        }
    }

    fn unique<T: std::hash::Hash + Eq + std::fmt::Display>(
        &mut self,
        seen: &mut HashSet<T>,
        record: &str,
        id: T,
    ) {
        let message = format!("the id {id} appears more than once in the bundle");
        if !seen.insert(id) {
            self.fail(record, "id", message);
        }
    }
}

fn child_label(n: usize, c: &BundleChild) -> String {
    format!("child {} ({})", n + 1, c.child.id)
}

/// Checks every record, reference and photo (step 2); returns the records as they will be
/// stored (tidied by the model) and each photo as the intake normalised it.
pub fn validate(
    unpacked: Unpacked,
    today: NaiveDate,
    intervals: &ServiceIntervals,
    rules: &DfgRules,
) -> Result<Checked> {
    let Unpacked { mut bundle, photos } = unpacked;
    let mut v = Validation::new(today, intervals, rules);
    v.settings(&mut bundle.settings);
    v.suppliers(&mut bundle.suppliers);
    for (n, bc) in bundle.children.iter_mut().enumerate() {
        v.child(n, bc);
    }
    // Plans and cases after every child's items have been tidied.
    for (n, bc) in bundle.children.iter_mut().enumerate() {
        v.handling_plan(n, bc);
        v.evacuation_plan(n, bc);
        v.dfg_cases(n, bc);
    }
    v.photos_named_and_present(&photos);
    let ready = v.normalised_photos(&bundle, &photos);
    if !v.p.0.is_empty() {
        return Err(Error::Invalid(v.p.0));
    }
    Ok(Checked {
        bundle,
        photos: ready,
    })
}

/// Every id seen so far, by kind: each may appear once in a bundle.
#[derive(Default)]
struct SeenIds {
    settings: HashSet<SettingId>,
    suppliers: HashSet<SupplierId>,
    children: HashSet<ChildId>,
    contacts: HashSet<ContactId>,
    items: HashSet<ItemId>,
    records: HashSet<ServiceRecordId>,
    schedules: HashSet<ScheduleId>,
    training: HashSet<TrainingId>,
    cases: HashSet<DfgCaseId>,
    stages: HashSet<DfgStageId>,
    notes: HashSet<DfgNoteId>,
}

/// What validating carries from one record to the next: the problems found, the ids seen,
/// and what records have claimed (a photo by one record, an NHS number by one child, a sling
/// id by one sling).
struct Validation<'a> {
    p: Problems,
    today: NaiveDate,
    intervals: &'a ServiceIntervals,
    rules: &'a DfgRules,
    seen: SeenIds,
    /// Each photo named, with the record that names it.
    named_photos: HashMap<PhotoId, String>,
    nhs_numbers: HashMap<String, ChildId>,
    sling_ids: HashMap<String, String>,
}

impl<'a> Validation<'a> {
    fn new(today: NaiveDate, intervals: &'a ServiceIntervals, rules: &'a DfgRules) -> Self {
        Validation {
            p: Problems::default(),
            today,
            intervals,
            rules,
            seen: SeenIds::default(),
            named_photos: HashMap::new(),
            nhs_numbers: HashMap::new(),
            sling_ids: HashMap::new(),
        }
    }

    fn settings(&mut self, settings: &mut [Setting]) {
        for (n, s) in settings.iter_mut().enumerate() {
            let label = format!("setting {} ({})", n + 1, s.id);
            self.p.unique(&mut self.seen.settings, &label, s.id);
            if let Some(d) = self.p.check(&label, s.details.clone().validated()) {
                s.details = d;
            }
        }
    }

    fn suppliers(&mut self, suppliers: &mut [Supplier]) {
        for (n, s) in suppliers.iter_mut().enumerate() {
            let label = format!("supplier {} ({})", n + 1, s.id);
            self.p.unique(&mut self.seen.suppliers, &label, s.id);
            if let Some(d) = self.p.check(&label, s.details.clone().validated()) {
                s.details = d;
            }
        }
    }

    /// A child with their contacts and items: the record, its setting, the photos it names.
    fn child(&mut self, n: usize, bc: &mut BundleChild) {
        let label = child_label(n, bc);
        self.child_record(&label, &mut bc.child);
        if let Some(s) = bc.child.details.setting_id
            && !self.seen.settings.contains(&s)
        {
            self.p.fail(
                &label,
                "setting_id",
                "the setting this child attends is missing from the bundle",
            );
        }
        for photo in bc.photo_ids() {
            if self.named_photos.insert(photo, label.clone()).is_some() {
                self.p.fail(
                    &label,
                    "photo_id",
                    format!("the photo {photo} is named by more than one record"),
                );
            }
        }
        for (m, contact) in bc.contacts.iter_mut().enumerate() {
            self.contact(&format!("{label} contact {}", m + 1), contact, bc.child.id);
        }
        let hoists: HashSet<ItemId> = bc
            .items
            .iter()
            .filter(|i| i.item.details.category == Category::Hoist)
            .map(|i| i.item.id)
            .collect();
        for (m, entry) in bc.items.iter_mut().enumerate() {
            let label = format!("{label} item {} ({})", m + 1, entry.item.id);
            self.item(&label, &mut entry.item, bc.child.id, &hoists);
            for (k, record) in entry.service_log.iter_mut().enumerate() {
                let label = format!("{label} service record {}", k + 1);
                self.service_record(&label, record, &entry.item);
            }
            for (k, schedule) in entry.schedules.iter_mut().enumerate() {
                let label = format!("{label} schedule {}", k + 1);
                self.schedule(&label, schedule, &entry.item);
            }
            for (k, trained) in entry.training.iter_mut().enumerate() {
                let label = format!("{label} training {} ({})", k + 1, trained.id);
                self.training(&label, trained);
            }
        }
    }

    /// The child's own record, and an NHS number no other child in the bundle has.
    fn child_record(&mut self, label: &str, child: &mut Child) {
        self.p.unique(&mut self.seen.children, label, child.id);
        let Some(d) = self
            .p
            .check(label, child.details.clone().validated(self.today))
        else {
            return;
        };
        child.details = d;
        if child.details.nhs_number.is_empty() {
            return;
        }
        match self.nhs_numbers.get(&child.details.nhs_number) {
            Some(first) => self.p.fail(
                label,
                "nhs_number",
                format!("child {first} in the bundle has the same NHS number: an NHS number belongs to one child"),
            ),
            None => {
                self.nhs_numbers
                    .insert(child.details.nhs_number.clone(), child.id);
            }
        }
    }

    fn contact(&mut self, label: &str, contact: &mut Contact, child_id: ChildId) {
        self.p.unique(&mut self.seen.contacts, label, contact.id);
        if contact.child_id != child_id {
            self.p.fail(
                label,
                "child_id",
                "this contact is filed under another child",
            );
        }
        if let Some(d) = self.p.check(label, contact.details.clone().validated()) {
            contact.details = d;
        }
    }

    /// An item: its record, the suppliers and hoists it names, its photos' captions and its
    /// sling id.
    fn item(
        &mut self,
        label: &str,
        item: &mut EquipmentItem,
        child_id: ChildId,
        hoists: &HashSet<ItemId>,
    ) {
        self.p.unique(&mut self.seen.items, label, item.id);
        if item.child_id != child_id {
            self.p
                .fail(label, "child_id", "this item is filed under another child");
        }
        if let Some(d) = self
            .p
            .check(label, item.details.clone().validated(self.today))
        {
            item.details = d;
        }
        for (field, supplier) in item.details.supplier_ids() {
            if !self.seen.suppliers.contains(&supplier) {
                self.p.fail(
                    label,
                    field,
                    "the supplier this item names is missing from the bundle",
                );
            }
        }
        self.sling_hoists(label, item, hoists);
        self.photo_captions(label, item);
        self.sling_id(label, item);
    }

    /// A sling may only be linked to the child's own hoists.
    fn sling_hoists(&mut self, label: &str, item: &EquipmentItem, hoists: &HashSet<ItemId>) {
        let Some(sling) = &item.details.sling else {
            return;
        };
        for (i, hoist) in sling.hoist_ids.iter().enumerate() {
            if !hoists.contains(hoist) {
                self.p.fail(
                    label,
                    &format!("sling.hoist_ids[{i}]"),
                    "a sling can only be linked to one of this child's hoists, and that hoist is not in the bundle",
                );
            }
        }
    }

    fn photo_captions(&mut self, label: &str, item: &mut EquipmentItem) {
        for (i, photo) in item.photos.iter_mut().enumerate() {
            match ItemPhoto::checked_caption(&photo.caption) {
                Ok(caption) => photo.caption = caption,
                Err(e) => {
                    for f in e.fields() {
                        self.p
                            .fail(label, &format!("photos[{i}].{}", f.field), &f.message);
                    }
                }
            }
        }
    }

    /// Each sling's id is unique across the bundle.
    fn sling_id(&mut self, label: &str, item: &EquipmentItem) {
        let Some(sling) = &item.details.sling else {
            return;
        };
        if sling.sling_id.is_empty() {
            return;
        }
        if let Some(first) = self.sling_ids.get(&sling.sling_id) {
            self.p.fail(
                label,
                "sling.sling_id",
                format!("{first} has the same sling id: each sling's id is unique, so check their labels"),
            );
        } else {
            self.sling_ids
                .insert(sling.sling_id.clone(), format!("item {}", item.id));
        }
    }

    /// A service record, filed under its item and dated no earlier than the item's issue.
    fn service_record(&mut self, label: &str, record: &mut ServiceRecord, item: &EquipmentItem) {
        self.p.unique(&mut self.seen.records, label, record.id);
        if record.item_id != item.id {
            self.p
                .fail(label, "item_id", "this record is filed under another item");
        }
        let category = item.details.category;
        if let Some(d) = self.p.check(
            label,
            record
                .details
                .clone()
                .validated(category, self.intervals, self.today),
        ) {
            record.details = d;
        }
        if let Some(issued) = item.details.issue_date
            && record.details.date < issued
        {
            self.p
                .fail(label, "date", "this is before the item was issued");
        }
    }

    /// A schedule, filed under its item and checked by the rules for one typed in (its last
    /// date may be today's at the latest; its next due date is never before it).
    fn schedule(&mut self, label: &str, schedule: &mut Schedule, item: &EquipmentItem) {
        self.p.unique(&mut self.seen.schedules, label, schedule.id);
        if schedule.item_id != item.id {
            self.p.fail(
                label,
                "item_id",
                "this schedule is filed under another item",
            );
        }
        let details = ScheduleDetails {
            kind: schedule.kind,
            name: schedule.name.clone(),
            every_months: schedule.every_months,
            last_done: schedule.last_done,
            next_due: Some(schedule.next_due),
        };
        if let Some(d) = self.p.check(
            label,
            details.validated(item.details.category, self.intervals, self.today),
        ) {
            schedule.name = d.name;
        }
    }

    /// An entry of an item's register of staff trained, checked as one typed in (a refresher
    /// comes after the training), naming a setting only when the bundle carries it.
    fn training(&mut self, label: &str, trained: &mut BundleTraining) {
        self.p.unique(&mut self.seen.training, label, trained.id);
        if let Some(d) = self
            .p
            .check(label, trained.details.clone().validated(self.today))
        {
            trained.details = d;
        }
        if let Some(s) = trained.details.setting_id
            && !self.seen.settings.contains(&s)
        {
            self.p.fail(
                label,
                "setting_id",
                "the setting where this person works is missing from the bundle",
            );
        }
    }

    /// The moving and handling plan may only name the child's own items, as when it is typed.
    fn handling_plan(&mut self, n: usize, bc: &mut BundleChild) {
        let owned: Vec<(ItemId, Category)> = bc
            .items
            .iter()
            .map(|e| (e.item.id, e.item.details.category))
            .collect();
        let plan = std::mem::take(&mut bc.handling_plan);
        let plan_label = format!("{} handling plan", child_label(n, bc));
        bc.handling_plan = self
            .p
            .check(
                &plan_label,
                crate::model::handling::validated_plan(plan.clone(), &owned, self.today),
            )
            .unwrap_or(plan);
    }

    /// The evacuation plan is checked as when it is typed (for the child's own setting, naming
    /// their own items), except that its review may have fallen due since it was exported.
    fn evacuation_plan(&mut self, n: usize, bc: &mut BundleChild) {
        let Some(plan) = bc.evacuation_plan.take() else {
            return;
        };
        let owned: Vec<ItemId> = bc.items.iter().map(|e| e.item.id).collect();
        let label = format!("{} evacuation plan", child_label(n, bc));
        let against = crate::model::evacuation::PlanFor {
            child_setting: bc.child.details.setting_id,
            child_items: &owned,
            today: self.today,
            passed_review_kept: true,
        };
        let checked = crate::model::evacuation::validated_plan(plan.clone(), &against);
        bc.evacuation_plan = Some(self.p.check(&label, checked).unwrap_or(plan));
    }

    /// The child's DFG cases, each with its stages and notes.
    fn dfg_cases(&mut self, n: usize, bc: &mut BundleChild) {
        let label = child_label(n, bc);
        for (m, case) in bc.dfg_cases.iter_mut().enumerate() {
            let label = format!("{label} DFG case {} ({})", m + 1, case.id);
            self.p.unique(&mut self.seen.cases, &label, case.id);
            if case.child_id != bc.child.id {
                self.p
                    .fail(&label, "child_id", "this case is filed under another child");
            }
            if let Some(d) = self.p.check(&label, case.details.clone().validated()) {
                case.details = d;
            }
            self.dfg_stages(&label, case);
            self.dfg_notes(&label, case);
        }
    }

    /// Each stage, checked against the case as it stood when the stage was recorded.
    fn dfg_stages(&mut self, label: &str, case: &mut DfgCase) {
        let mut so_far = DfgCase {
            stages: Vec::new(),
            notes: Vec::new(),
            ..case.clone()
        };
        for (k, stage) in case.stages.iter_mut().enumerate() {
            let label = format!("{label} stage {}", k + 1);
            self.p.unique(&mut self.seen.stages, &label, stage.id);
            let chosen = stage.entry.chosen;
            if let Some(mut entry) = self.p.check(
                &label,
                stage
                    .entry
                    .clone()
                    .validated(&so_far, self.rules, self.today),
            ) {
                entry.chosen = chosen;
                stage.entry = entry;
            }
            so_far.stages.push(stage.clone());
        }
    }

    fn dfg_notes(&mut self, label: &str, case: &mut DfgCase) {
        for (k, note) in case.notes.iter_mut().enumerate() {
            let label = format!("{label} note {}", k + 1);
            self.p.unique(&mut self.seen.notes, &label, note.id);
            if let Some((author, text)) = self
                .p
                .check(&label, CaseNote::checked(&note.author, &note.text))
            {
                note.author = author;
                note.text = text;
            }
        }
    }

    /// Every photo a record names is in the bundle, and every photo in it is named.
    fn photos_named_and_present(&mut self, photos: &HashMap<PhotoId, Vec<u8>>) {
        for (photo, label) in &self.named_photos {
            if !photos.contains_key(photo) {
                self.p.fail(
                    label,
                    "photo_id",
                    format!(
                        "the photo {photo} is named but {} is not in the bundle",
                        format::photo_entry(*photo)
                    ),
                );
            }
        }
        let mut unnamed: Vec<&PhotoId> = photos
            .keys()
            .filter(|id| !self.named_photos.contains_key(id))
            .collect();
        unnamed.sort();
        for id in unnamed {
            self.p.0.push(FieldError::new(
                format::photo_entry(*id),
                "no record in the bundle names this photo",
            ));
        }
    }

    /// Each named photo through the intake (several at once), in id order; a photo the intake
    /// refuses is a problem named after its entry.
    fn normalised_photos(
        &mut self,
        bundle: &Bundle,
        photos: &HashMap<PhotoId, Vec<u8>>,
    ) -> HashMap<PhotoId, NormalisedPhoto> {
        // A child's own photo prints on the cover, in a box of its own shape.
        let of_children: HashSet<PhotoId> = bundle
            .children
            .iter()
            .filter_map(|bc| bc.child.photo_id)
            .collect();
        let named = &self.named_photos;
        let mut normalised: Vec<(PhotoId, Result<NormalisedPhoto>)> = photos
            .par_iter()
            .filter(|(id, _)| named.contains_key(id))
            .map(|(id, bytes)| {
                let place = if of_children.contains(id) {
                    PrintBox::Child
                } else {
                    PrintBox::Equipment
                };
                (*id, intake(bytes, place))
            })
            .collect();
        normalised.sort_by_key(|(id, _)| *id);
        let mut ready = HashMap::new();
        for (id, result) in normalised {
            match result {
                Ok(photo) => {
                    ready.insert(id, photo);
                }
                Err(e) => self
                    .p
                    .0
                    .push(FieldError::new(format::photo_entry(id), e.to_string())),
            }
        }
        ready
    }
}

/// Passes a photo through the intake. A JPEG the intake would leave as it is (no metadata
/// segments, no larger than the stored size) is kept byte for byte, so a photo moved between
/// caseloads does not lose quality to a second encoding; anything else is stored as the
/// intake re-encoded it.
fn intake(bytes: &[u8], place: PrintBox) -> Result<NormalisedPhoto> {
    let mut photo = media::normalise_for(bytes, place)?;
    if plain_jpeg_size(bytes) == Some((photo.width, photo.height)) {
        photo.jpeg = bytes.to_vec();
        photo.sha256 = format!("{:x}", Sha256::digest(bytes));
    }
    Ok(photo)
}

/// The pixel size of a baseline or progressive JPEG whose header holds only the segments
/// needed to decode it (JFIF, tables, frame): no EXIF, XMP, ICC, comments or anything else.
fn plain_jpeg_size(b: &[u8]) -> Option<(u32, u32)> {
    if !b.starts_with(&[0xFF, 0xD8]) {
        return None;
    }
    let mut i = 2;
    let mut size = None;
    loop {
        if i + 4 > b.len() || b[i] != 0xFF {
            return None;
        }
        let marker = b[i + 1];
        let len = usize::from(u16::from_be_bytes([b[i + 2], b[i + 3]]));
        if len < 2 || i + 2 + len > b.len() {
            return None;
        }
        let body = &b[i + 4..i + 2 + len];
        match marker {
            0xDA => return size,
            0xE0 | 0xDB | 0xC4 | 0xDD => {}
            0xC0..=0xC2 if body.len() >= 5 => {
                let height = u32::from(u16::from_be_bytes([body[1], body[2]]));
                let width = u32::from(u16::from_be_bytes([body[3], body[4]]));
                size = Some((width, height));
            }
            _ => return None,
        }
        i += 2 + len;
    }
}

/// Ids for one child's records: the bundle's own, or fresh ones for a copy.
struct Ids {
    fresh: bool,
    map: HashMap<Uuid, Uuid>,
}

impl Ids {
    fn get(&mut self, old: Uuid) -> Uuid {
        if !self.fresh {
            return old;
        }
        *self.map.entry(old).or_insert_with(Uuid::now_v7)
    }
}

/// Names the record a failed write belongs to.
fn about(label: &str, e: Error) -> Error {
    match e {
        Error::Invalid(fields) => Error::Invalid(
            fields
                .into_iter()
                .map(|f| FieldError::new(format!("{label}: {}", f.field), f.message))
                .collect(),
        ),
        Error::Conflict(message) => Error::Conflict(format!("{label}: {message}")),
        Error::Storage(rusqlite::Error::SqliteFailure(f, _))
            if f.code == rusqlite::ErrorCode::ConstraintViolation =>
        {
            Error::Conflict(format!(
                "{label}: clashes with a record already on this caseload: import the bundle as a copy"
            ))
        }
        other => other,
    }
}

/// Whether a record with this id is already stored (for another child).
fn taken(conn: &Connection, table: &str, id: Uuid) -> Result<bool> {
    Ok(conn
        .prepare_cached(&format!("SELECT 1 FROM {table} WHERE id = ?1"))?
        .exists([id.hyphenated().to_string()])?)
}

/// Writes a checked bundle (step 3) on `conn`, which the caller holds in one transaction.
pub fn write(
    conn: &Connection,
    checked: &Checked,
    existing: ExistingChild,
    now: DateTime<Utc>,
    dry_run: bool,
) -> Result<ImportReport> {
    let bundle = &checked.bundle;
    let mut report = ImportReport {
        dry_run,
        schema_version: bundle.schema_version,
        exported_at: bundle.exported_at,
        app_version: bundle.app_version.clone(),
        children: Vec::new(),
        settings_added: 0,
        suppliers_added: 0,
        contacts: 0,
        items: 0,
        service_records: 0,
        photos: 0,
        dfg_cases: 0,
    };
    for s in &bundle.settings {
        if !settings::exists(conn, s.id)? {
            settings::insert(conn, s)?;
            report.settings_added += 1;
        }
    }
    for s in &bundle.suppliers {
        if !suppliers::exists(conn, s.id)? {
            suppliers::insert(conn, s)?;
            report.suppliers_added += 1;
        }
    }
    let mut problems = Vec::new();
    for (n, bc) in bundle.children.iter().enumerate() {
        let label = child_label(n, bc);
        let outcome = match (children::exists(conn, bc.child.id)?, existing) {
            (false, _) => ChildOutcome::Imported,
            (true, ExistingChild::Skip) => ChildOutcome::Skipped,
            (true, ExistingChild::Replace) => ChildOutcome::Replaced,
            (true, ExistingChild::Copy) => ChildOutcome::Copied,
        };
        let mut ids = Ids {
            fresh: outcome == ChildOutcome::Copied,
            map: HashMap::new(),
        };
        let id = ChildId(ids.get(bc.child.id.0));
        report.children.push(ImportedChild {
            bundle_id: bc.child.id,
            id,
            display_name: bc.child.details.display_name(),
            outcome,
        });
        match outcome {
            ChildOutcome::Skipped => continue,
            ChildOutcome::Replaced => children::delete(conn, id)?,
            _ => {}
        }
        // A child refused here does not stop the others being tried, so a refused bundle
        // lists every problem at once; the caller rolls the whole import back.
        if let Err(e) = write_child(conn, bc, &checked.photos, &mut ids, now, &mut report) {
            match about(&label, e) {
                Error::Invalid(fields) => problems.extend(fields),
                Error::Conflict(message) => problems.push(FieldError::new(&label, message)),
                other => return Err(other),
            }
        }
    }
    if !problems.is_empty() {
        return Err(Error::Invalid(problems));
    }
    Ok(report)
}

/// Everything about a child's records that clashes with the caseload, all at once: record
/// ids held under another child, an NHS number another child holds, sling ids another sling
/// holds. Only for a child keeping the bundle's ids; a copy gets new ones.
fn clashes(conn: &Connection, bc: &BundleChild) -> Result<Vec<FieldError>> {
    let mut problems = Vec::new();
    let mut records = Vec::new();
    for c in &bc.contacts {
        records.push(("contacts", c.id.0));
    }
    for e in &bc.items {
        records.push(("items", e.item.id.0));
        records.extend(e.service_log.iter().map(|r| ("service_records", r.id.0)));
        records.extend(e.schedules.iter().map(|s| ("item_schedules", s.id.0)));
        records.extend(e.training.iter().map(|t| ("training_records", t.id.0)));
    }
    records.extend(bc.photo_ids().into_iter().map(|p| ("photos", p.0)));
    for case in &bc.dfg_cases {
        records.push(("dfg_cases", case.id.0));
        records.extend(case.stages.iter().map(|s| ("dfg_stages", s.id.0)));
        records.extend(case.notes.iter().map(|n| ("dfg_notes", n.id.0)));
    }
    for (table, id) in records {
        if taken(conn, table, id)? {
            problems.push(FieldError::new(
                "id",
                format!(
                    "the record {id} is already on this caseload under another child: import the bundle as a copy"
                ),
            ));
        }
    }
    if let Err(e) = children::check_nhs_number_free(conn, &bc.child) {
        problems.extend(e.fields().iter().cloned());
    }
    for (m, entry) in bc.items.iter().enumerate() {
        let Some(sling) = &entry.item.details.sling else {
            continue;
        };
        if let Some(holder) = items::with_sling_id(conn, &sling.sling_id)?
            && holder != entry.item.id
        {
            problems.push(FieldError::new(
                format!("item {} ({}): sling.sling_id", m + 1, entry.item.id),
                format!(
                    "the sling {holder} on this caseload already has the id '{}': each sling's id is unique, so import the bundle as a copy or check the label",
                    sling.sling_id
                ),
            ));
        }
    }
    Ok(problems)
}

/// A copied sling's id. The id is the label on one physical sling and LOLER records follow
/// it, so the caseload cannot hold two slings with it: the copy is marked as a copy, and
/// numbered when an earlier copy took the mark. It stays within a line's length.
fn copied_sling_id(conn: &Connection, original: &str) -> Result<String> {
    for n in 1.. {
        let mark = if n == 1 {
            " (copy)".to_string()
        } else {
            format!(" (copy {n})")
        };
        let keep = MAX_LINE.saturating_sub(mark.chars().count());
        let base: String = original.chars().take(keep).collect();
        let candidate = format!("{base}{mark}");
        if items::with_sling_id(conn, &candidate)?.is_none() {
            return Ok(candidate);
        }
    }
    unreachable!("some copy number is free")
}

fn write_child(
    conn: &Connection,
    bc: &BundleChild,
    stored: &HashMap<PhotoId, NormalisedPhoto>,
    ids: &mut Ids,
    now: DateTime<Utc>,
    report: &mut ImportReport,
) -> Result<()> {
    if !ids.fresh {
        let problems = clashes(conn, bc)?;
        if !problems.is_empty() {
            return Err(Error::Invalid(problems));
        }
    }
    let photo = |id: PhotoId| -> Result<&NormalisedPhoto> {
        stored
            .get(&id)
            .ok_or_else(|| Error::not_found(PhotoId::KIND, id))
    };
    let mut child = bc.child.clone();
    child.id = ChildId(ids.get(child.id.0));
    child.photo_id = None;
    if ids.fresh && !children::holding_nhs_number(conn, &child.details.nhs_number, None)?.is_empty()
    {
        // An NHS number belongs to one child, and a copy stands beside the record that
        // already holds it (that is what a copy is for): the copy is left without one, to
        // be entered on whichever record is kept.
        child.details.nhs_number.clear();
    }
    children::insert(conn, &child)?;
    if let Some(old) = bc.child.photo_id {
        let new = PhotoId(ids.get(old.0));
        photos::insert(conn, new, child.id, PhotoPlace::Child, "", photo(old)?, now)?;
        children::set_photo(conn, child.id, Some(new))?;
        report.photos += 1;
    }
    for c in &bc.contacts {
        let mut contact = c.clone();
        contact.id = ContactId(ids.get(c.id.0));
        contact.child_id = child.id;
        contacts::insert(conn, &contact)?;
        report.contacts += 1;
    }
    for entry in &bc.items {
        let old = &entry.item;
        let mut item = old.clone();
        item.id = ItemId(ids.get(old.id.0));
        item.child_id = child.id;
        item.photos = Vec::new();
        if let Some(sling) = &mut item.details.sling {
            for hoist in sling.hoist_ids.iter_mut() {
                *hoist = ItemId(ids.get(hoist.0));
            }
            if ids.fresh {
                sling.sling_id = copied_sling_id(conn, &sling.sling_id)?;
            }
        }
        let steps: Vec<SetupStep> = old
            .details
            .setup_steps
            .iter()
            .map(|s| SetupStep {
                text: s.text.clone(),
                photo_id: s.photo_id.map(|p| PhotoId(ids.get(p.0))),
            })
            .collect();
        // Step photos are stored after the item, and the steps pointed at them after that.
        item.details.setup_steps = steps
            .iter()
            .map(|s| SetupStep {
                text: s.text.clone(),
                photo_id: None,
            })
            .collect();
        items::insert(conn, &item)?;
        for p in &old.photos {
            let new = PhotoId(ids.get(p.id.0));
            let place = PhotoPlace::Gallery(item.id);
            photos::insert(conn, new, child.id, place, &p.caption, photo(p.id)?, now)?;
            report.photos += 1;
        }
        let mut step_photos = false;
        for s in &old.details.setup_steps {
            if let Some(p) = s.photo_id {
                let new = PhotoId(ids.get(p.0));
                photos::insert(
                    conn,
                    new,
                    child.id,
                    PhotoPlace::Step(item.id),
                    "",
                    photo(p)?,
                    now,
                )?;
                report.photos += 1;
                step_photos = true;
            }
        }
        if step_photos {
            item.details.setup_steps = steps;
            items::update(conn, &item)?;
        }
        report.items += 1;
        for r in &entry.service_log {
            let mut record = r.clone();
            record.id = ServiceRecordId(ids.get(r.id.0));
            record.item_id = item.id;
            service_records::insert_as_recorded(conn, &record)?;
            report.service_records += 1;
        }
        for s in &entry.schedules {
            let details = ScheduleDetails {
                kind: s.kind,
                name: s.name.clone(),
                every_months: s.every_months,
                last_done: s.last_done,
                next_due: Some(s.next_due),
            };
            schedules::insert(
                conn,
                ScheduleId(ids.get(s.id.0)),
                item.id,
                &details,
                s.created_at,
            )?;
        }
        // The register of staff trained, recorded on this caseload now.
        for t in &entry.training {
            let id = TrainingId(ids.get(t.id.0));
            training::insert(conn, id, child.id, item.id, &t.details, now)?;
        }
    }
    if !bc.handling_plan.is_empty() {
        let plan: Vec<HandlingTask> = bc
            .handling_plan
            .iter()
            .map(|t| HandlingTask {
                equipment_id: t.equipment_id.map(|i| ItemId(ids.get(i.0))),
                sling_id: t.sling_id.map(|i| ItemId(ids.get(i.0))),
                ..t.clone()
            })
            .collect();
        handling::replace(conn, child.id, &plan)?;
    }
    if let Some(plan) = &bc.evacuation_plan {
        let plan = EvacuationPlan {
            equipment_id: plan.equipment_id.map(|i| ItemId(ids.get(i.0))),
            ..plan.clone()
        };
        evacuation::save(conn, child.id, &plan)?;
    }
    for case in &bc.dfg_cases {
        let mut new = case.clone();
        new.id = DfgCaseId(ids.get(case.id.0));
        new.child_id = child.id;
        new.stages = Vec::new();
        new.notes = Vec::new();
        dfg::insert(conn, &new)?;
        for stage in &case.stages {
            let mut stage = stage.clone();
            stage.id = DfgStageId(ids.get(stage.id.0));
            dfg::insert_stage(conn, new.id, &stage)?;
        }
        for note in &case.notes {
            let mut note = note.clone();
            note.id = DfgNoteId(ids.get(note.id.0));
            dfg::insert_note(conn, new.id, &note)?;
        }
        // Recording the stages moved the case's last change on; put back the bundle's.
        dfg::update(conn, new.id, &case.details, case.updated_at)?;
        report.dfg_cases += 1;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refusal(name: &str) -> String {
        match entry(name) {
            Ok(_) => "accepted".into(),
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn only_the_document_and_photos_named_by_their_id_are_accepted() {
        assert!(matches!(entry("bundle.json"), Ok(Entry::Document)));
        let id = PhotoId::new();
        assert!(matches!(entry(&format::photo_entry(id)), Ok(Entry::Photo(p)) if p == id));
        for name in [
            "photos/",
            "photos/x.jpg",
            "Bundle.json",
            "photos/a/../b.jpg.exe",
            "notes.txt",
        ] {
            assert!(refusal(name).contains("entry"), "{name}: {}", refusal(name));
        }
        let upper = format::photo_entry(id)
            .to_uppercase()
            .replace("PHOTOS/", "photos/")
            .replace(".JPG", ".jpg");
        assert!(refusal(&upper).contains("unexpected entry"));
    }

    #[test]
    fn names_that_climb_out_or_are_absolute_are_refused_on_every_platform() {
        for name in ["../x", "photos/../../x", "..\\x", "photos\\..\\x"] {
            assert!(refusal(name).contains("path traversal"), "{name}");
        }
        for name in [
            "/etc/passwd",
            "\\\\server\\share\\x",
            "C:\\Windows\\x",
            "c:/x",
        ] {
            assert!(refusal(name).contains("absolute path"), "{name}");
        }
    }

    #[test]
    fn a_jpeg_with_metadata_segments_is_not_kept_as_it_is() {
        // SOI, APP0 (JFIF), SOF0 of 3 x 2 pixels, SOS: plain.
        let app0 = [0xFF, 0xE0, 0x00, 0x04, 0x00, 0x00];
        let sof = [
            0xFF, 0xC0, 0x00, 0x0B, 8, 0x00, 0x02, 0x00, 0x03, 1, 1, 0x11, 0,
        ];
        let sos = [0xFF, 0xDA, 0x00, 0x02];
        let plain: Vec<u8> = [&[0xFF, 0xD8][..], &app0, &sof, &sos].concat();
        assert_eq!(plain_jpeg_size(&plain), Some((3, 2)));
        let exif = [0xFF, 0xE1, 0x00, 0x04, 0x00, 0x00];
        let with_exif: Vec<u8> = [&[0xFF, 0xD8][..], &exif, &sof, &sos].concat();
        assert_eq!(plain_jpeg_size(&with_exif), None);
        assert_eq!(plain_jpeg_size(&plain[..8]), None, "cut short");
    }
}
