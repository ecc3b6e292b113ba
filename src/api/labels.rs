//! Equipment labels: a printable sheet for one child's equipment or a school's, from the
//! caseload as it is today (see `passport::labels` for the sheet).

use super::Api;
use crate::error::Result;
use crate::model::{Child, ChildId, EquipmentItem, ServiceKind, ServiceRecord, SettingId};
use crate::passport::labels::{self, EquipmentLabel, LabelOptions};
use crate::passport::{Audience, file_name};
use crate::store::{children, items, service_records, settings, suppliers};

/// Whose equipment to label.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LabelScope {
    /// Every item the child has now.
    Child(ChildId),
    /// Every item used at the school (or at home and school) of every child there.
    Setting(SettingId),
}

/// A printed label sheet and the name it is offered under.
#[derive(Debug, Clone)]
pub struct LabelSheet {
    pub pdf: Vec<u8>,
    pub labels: usize,
    /// "Okafor, Amara - equipment labels.pdf", or the school's name for a school's sheet.
    pub file_name: String,
}

impl Api {
    /// The label sheet (PDF) for the equipment in `scope` that is still with its child
    /// (in use or awaiting repair), children in name order, each child's items in their order.
    pub fn equipment_labels(&self, scope: LabelScope) -> Result<LabelSheet> {
        let conn = self.store.conn();
        let (children, audience, file_name) = match scope {
            LabelScope::Child(id) => {
                let child = children::get(conn, id)?;
                let name = file_name::child_labels(&child.details);
                (vec![child], Audience::Family, name)
            }
            LabelScope::Setting(id) => {
                let setting = settings::get(conn, id)?;
                let name = file_name::setting_labels(&setting.details.name);
                (self.children_in_setting(id)?, Audience::School, name)
            }
        };
        let mut sheet = Vec::new();
        for child in &children {
            for item in items::for_child(conn, child.id)? {
                let d = &item.details;
                if d.status.is_current() && audience.sees_equipment_used_at(d.where_used) {
                    sheet.push(self.label_for(child, &item)?);
                }
            }
        }
        let pdf = labels::render(
            &sheet,
            &LabelOptions {
                created_at: self.now(),
                document_id: *uuid::Uuid::now_v7().as_bytes(),
            },
        )?;
        Ok(LabelSheet {
            pdf,
            labels: sheet.len(),
            file_name,
        })
    }

    fn label_for(&self, child: &Child, item: &EquipmentItem) -> Result<EquipmentLabel> {
        let conn = self.store.conn();
        let d = &item.details;
        let kind = if d.category.lifts_people() {
            ServiceKind::LolerExamination
        } else {
            ServiceKind::Service
        };
        let log = service_records::for_item(conn, item.id)?;
        let latest = ServiceRecord::latest(&log, Some(kind));
        // The item's schedule of that kind, when it has one: "mark done" moves it without a
        // record in the log.
        let schedule = crate::store::schedules::for_item(conn, item.id)?
            .into_iter()
            .filter(|s| Some(s.kind) == crate::model::ScheduleKind::moved_by(kind))
            .min_by_key(|s| s.next_due);
        let repair_line = match d.repairer() {
            Some(id) => {
                let s = suppliers::get(conn, id)?.details;
                format!("{} {}", s.name, s.number_for_repairs())
                    .trim()
                    .to_string()
            }
            None => String::new(),
        };
        Ok(EquipmentLabel {
            item_name: d.name.clone(),
            child_first_name: child.details.known_as().to_string(),
            serial: d.serial.clone(),
            check: kind.label().to_string(),
            last_done: match &schedule {
                Some(s) => s.last_done,
                None => latest.map(|r| r.details.date),
            },
            next_due: match &schedule {
                Some(s) => Some(s.next_due),
                None => latest.and_then(|r| r.details.next_due),
            },
            repair_line,
        })
    }
}
