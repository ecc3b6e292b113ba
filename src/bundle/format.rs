//! The bundle document, `bundle.json`: the records exactly as the model holds them (ids,
//! timestamps and all), so an import can recreate them as they were. `schema_version` says
//! which shape of document this is; a reader refuses a version it does not know.

use crate::model::dfg::DfgCase;
use crate::model::schedule::months_between;
use crate::model::{
    Child, Contact, EquipmentItem, EvacuationPlan, HandlingTask, PhotoId, Schedule, ScheduleId,
    ScheduleKind, ServiceIntervals, ServiceKind, ServiceRecord, Setting, Supplier, TrainingDetails,
    TrainingId,
};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// The version of the document this build writes, and the newest it reads.
///
/// Version 1: children with contacts, equipment items (set-up steps, checks, photo metadata)
/// with their service logs, DFG cases with their stages and notes, and the settings and
/// suppliers they name.
///
/// Version 2: each child also has their key statements (`key_statements`: red, amber and
/// green). A version 1 reader would ignore the field and import the child without them, so
/// losing what must never happen without a word; the new version makes it refuse instead.
/// Later in version 2, a child may carry `handling_plan` (optional, written only when the
/// plan has rows): additive, so the version stays 2.
///
/// Version 3: each item carries its schedules (`schedules`: LOLER, service, review and the
/// rest, each with its interval, last date and next due date), and an item no longer has a
/// `review_date`; a LOLER service record may carry its thorough examination report
/// (`examination`), and an item may be `not-safe` (found not safe to operate). A version 2
/// reader would drop the schedules and reports without a word (service records are read
/// leniently), so the new version makes it refuse instead. A version 2 bundle still reads: its
/// records come without reports, and its review dates, newest LOLER examinations and services
/// become schedules as the caseload's own upgrade makes them ([`schedules_from_version_2`]).
/// Later in this same release (version 3 had not yet shipped), each item also carries its
/// register of staff trained (`training`): a version 2 item reads with an empty register,
/// which is what it had.
pub const SCHEMA_VERSION: u32 = 3;

/// The oldest version this build reads. A version 1 child is read as one without key
/// statements, and a version 1 or 2 service record as one without an examination report,
/// which is what each was.
pub const OLDEST_READ: u32 = 1;

/// The document's name inside the archive.
pub const DOCUMENT: &str = "bundle.json";

/// The folder of photos inside the archive.
pub const PHOTO_FOLDER: &str = "photos/";

/// The archive entry holding a photo's JPEG.
pub fn photo_entry(id: PhotoId) -> String {
    format!("{PHOTO_FOLDER}{id}.jpg")
}

/// The whole document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Bundle {
    pub schema_version: u32,
    pub exported_at: DateTime<Utc>,
    /// The version of Equipment Passport that wrote the bundle.
    pub app_version: String,
    /// The settings the children attend.
    pub settings: Vec<Setting>,
    /// The suppliers the items name (provider, repairer, wheelchair service).
    pub suppliers: Vec<Supplier>,
    pub children: Vec<BundleChild>,
}

/// One child with everything recorded about them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BundleChild {
    /// The child; `photo_id` names their photo in `photos/`.
    pub child: Child,
    pub contacts: Vec<Contact>,
    pub items: Vec<BundleItem>,
    /// Disabled Facilities Grant cases, each with its stages and notes.
    pub dfg_cases: Vec<DfgCase>,
    /// The moving and handling plan, in its order; its equipment and slings name the child's
    /// items above. Left out when empty, so a child without a plan reads in any version 2
    /// reader; a reader too old to know it refuses a bundle that has one (the document's
    /// fields are checked strictly) rather than dropping it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub handling_plan: Vec<HandlingTask>,
    /// The personal emergency evacuation plan for the setting the child attends (a plan for
    /// a setting they have left stays behind); its equipment names one of the items above.
    /// Left out when there is none, so the version stays 3; a reader too old to know it
    /// refuses a bundle that has one rather than dropping it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evacuation_plan: Option<EvacuationPlan>,
}

/// One equipment item and its service log.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BundleItem {
    /// The item; its gallery (`photos`) and set-up steps' `photo_id`s name photos in `photos/`.
    pub item: EquipmentItem,
    pub service_log: Vec<ServiceRecord>,
    /// The item's schedules (version 3 on; made from the item's record for version 2).
    #[serde(default)]
    pub schedules: Vec<Schedule>,
    /// The item's register of staff trained (version 3 on; empty for version 2).
    #[serde(default)]
    pub training: Vec<BundleTraining>,
}

/// One entry of an item's register of staff trained: the item and its child are the ones
/// the entry sits under, and a setting it names is among the bundle's `settings`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BundleTraining {
    pub id: TrainingId,
    pub details: TrainingDetails,
}

/// The schedules a version 2 item stands for: its review date (`review`, read from the
/// document) as a yearly review, its newest LOLER examination and service as schedules last
/// done on their dates, and a hoist or sling never examined as a LOLER examination due from
/// its issue. Made as the caseload's upgrade to schema 11 makes them.
pub fn schedules_from_version_2(
    entry: &BundleItem,
    review: Option<NaiveDate>,
    intervals: &ServiceIntervals,
) -> Vec<Schedule> {
    let item = &entry.item;
    let schedule = |kind, every, last_done, next_due| Schedule {
        id: ScheduleId::new(),
        item_id: item.id,
        kind,
        name: String::new(),
        every_months: every,
        last_done,
        next_due,
        created_at: item.updated_at,
        overdue: false,
    };
    let mut out = Vec::new();
    if let Some(review) = review {
        out.push(schedule(ScheduleKind::Review, 12, None, review));
    }
    for (record_kind, kind) in [
        (ServiceKind::LolerExamination, ScheduleKind::Loler),
        (ServiceKind::Service, ScheduleKind::Service),
    ] {
        if let Some(last) = ServiceRecord::latest(&entry.service_log, Some(record_kind))
            && let Some(next) = last.details.next_due.filter(|&n| n >= last.details.date)
        {
            let every = months_between(last.details.date, next);
            out.push(schedule(kind, every, Some(last.details.date), next));
        }
    }
    let category = item.details.category;
    if category.lifts_people()
        && ServiceRecord::latest(&entry.service_log, Some(ServiceKind::LolerExamination)).is_none()
    {
        let from = item
            .details
            .issue_date
            .unwrap_or(item.created_at.date_naive());
        out.push(schedule(
            ScheduleKind::Loler,
            intervals.loler_lifting_months,
            None,
            from,
        ));
    }
    out
}

impl BundleChild {
    /// Every photo the child's records name: their own, galleries and set-up steps.
    pub fn photo_ids(&self) -> Vec<PhotoId> {
        let mut ids: Vec<PhotoId> = self.child.photo_id.into_iter().collect();
        for entry in &self.items {
            ids.extend(entry.item.photos.iter().map(|p| p.id));
            ids.extend(
                entry
                    .item
                    .details
                    .setup_steps
                    .iter()
                    .filter_map(|s| s.photo_id),
            );
        }
        ids
    }
}

impl Bundle {
    pub fn photo_ids(&self) -> Vec<PhotoId> {
        self.children.iter().flat_map(|c| c.photo_ids()).collect()
    }
}
