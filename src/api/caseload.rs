//! Children, their contacts and settings; the caseload search.

use super::Api;
use crate::error::{Error, FieldError, Result};
use crate::media;
use crate::model::*;
use crate::store::children::{ChildSearch, ChildSummary, DueBadge};
use crate::store::photos::PhotoPlace;
use crate::store::{children, contacts, due, items, photos, settings};
use serde::Serialize;

/// Results of a caseload search: at most the number asked for, and whether there were more.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SearchResults {
    pub children: Vec<ChildSummary>,
    pub more: bool,
}

/// Everything about one child, as the child screen and `passport child show` present it.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ChildRecord {
    pub child: Child,
    /// "Zoë Hughes", or "Zoë Hughes (Zo)" when the child goes by another name.
    pub display_name: String,
    /// What to call the child: the preferred name, or the given name.
    pub known_as: String,
    pub setting: Option<Setting>,
    pub contacts: Vec<Contact>,
    pub items: Vec<EquipmentItem>,
    /// The name each copy of the child's passport is saved under.
    pub passport_file_names: Vec<super::PassportFileName>,
}

/// How far ahead the caseload's "due soon" badges look.
pub const BADGE_DAYS: u64 = 30;

impl Api {
    /// Finds children by name, preferred name, NHS number or setting, ignoring case and
    /// accents, with badges for what is overdue or due within 30 days.
    pub fn search_children(
        &self,
        text: &str,
        setting: Option<SettingId>,
        limit: usize,
    ) -> Result<SearchResults> {
        let conn = self.store.conn();
        let (mut found, more) = children::search(
            conn,
            &ChildSearch {
                text,
                setting,
                limit,
            },
        )?;
        let today = self.today();
        let horizon = today + chrono::Days::new(BADGE_DAYS);
        let ids: Vec<ChildId> = found.iter().map(|c| c.id).collect();
        let mut badges = due::for_children(conn, &ids, horizon)?;
        for copy in self.out_of_date_school_copies(Some(&ids))? {
            badges
                .entry(copy.child_id)
                .or_default()
                .push((DueKind::SchoolCopy, today));
        }
        for (child, earliest) in crate::store::handling::review_badges(conn, &ids, horizon)? {
            badges
                .entry(child)
                .or_default()
                .push((DueKind::HandlingReview, earliest));
        }
        for (child, earliest) in crate::store::evacuation::review_badges(conn, &ids, horizon)? {
            badges
                .entry(child)
                .or_default()
                .push((DueKind::EvacuationReview, earliest));
        }
        for (child, earliest) in crate::store::training::refresher_badges(conn, &ids, horizon)? {
            badges
                .entry(child)
                .or_default()
                .push((DueKind::Refresher, earliest));
        }
        for (child, kind, earliest) in self.dfg_badges(&ids, horizon)? {
            badges.entry(child).or_default().push((kind, earliest));
        }
        for child in found.iter_mut() {
            if let Some(list) = badges.remove(&child.id) {
                child.due = list
                    .into_iter()
                    .map(|(kind, earliest)| DueBadge {
                        kind,
                        earliest,
                        overdue: earliest < today,
                        text: kind.badge(earliest < today),
                    })
                    .collect();
                child.due.sort_by_key(|b| (b.earliest, b.kind));
            }
        }
        Ok(SearchResults {
            children: found,
            more,
        })
    }

    /// How many children are on the caseload.
    pub fn child_count(&self) -> Result<usize> {
        children::count(self.store.conn())
    }

    pub fn child(&self, id: ChildId) -> Result<ChildRecord> {
        let conn = self.store.conn();
        let child = children::get(conn, id)?;
        let setting = match child.details.setting_id {
            Some(s) => Some(settings::get(conn, s)?),
            None => None,
        };
        Ok(ChildRecord {
            display_name: child.details.display_name(),
            known_as: child.details.known_as().to_string(),
            setting,
            contacts: contacts::for_child(conn, id)?,
            items: items::for_child(conn, id)?,
            passport_file_names: super::passports::passport_file_names(&child.details),
            child,
        })
    }

    pub fn create_child(&mut self, details: ChildDetails) -> Result<Child> {
        let details = details.validated(self.today())?;
        self.check_setting(details.setting_id)?;
        let now = self.now();
        let child = Child {
            id: ChildId::new(),
            details,
            photo_id: None,
            created_at: now,
            updated_at: now,
        };
        children::insert(self.store.conn(), &child)?;
        Ok(child)
    }

    pub fn update_child(&mut self, id: ChildId, details: ChildDetails) -> Result<Child> {
        let details = details.validated(self.today())?;
        self.check_setting(details.setting_id)?;
        let now = self.now();
        let tx = self.store.transaction()?;
        let mut child = children::get(&tx, id)?;
        child.details = details;
        child.updated_at = now;
        children::update(&tx, &child)?;
        tx.commit()?;
        Ok(child)
    }

    fn check_setting(&self, setting: Option<SettingId>) -> Result<()> {
        match setting {
            Some(id) if !settings::exists(self.store.conn(), id)? => {
                Err(Error::Invalid(vec![FieldError::new(
                    "setting_id",
                    "that setting no longer exists: choose another",
                )]))
            }
            _ => Ok(()),
        }
    }

    /// Deletes a child with everything recorded about them: contacts, equipment, photos and
    /// service logs.
    pub fn delete_child(&mut self, id: ChildId) -> Result<()> {
        let tx = self.store.transaction()?;
        children::delete(&tx, id)?;
        tx.commit()?;
        Ok(())
    }

    /// Sets (or replaces) the child's photo from a photo file's bytes.
    pub fn set_child_photo(&mut self, id: ChildId, bytes: &[u8]) -> Result<PhotoId> {
        let photo = media::normalise_for(bytes, media::PrintBox::Child)?;
        let now = self.now();
        let tx = self.store.transaction()?;
        let old = children::get(&tx, id)?.photo_id;
        let photo_id = PhotoId::new();
        photos::insert(&tx, photo_id, id, PhotoPlace::Child, "", &photo, now)?;
        children::set_photo(&tx, id, Some(photo_id))?;
        if let Some(old) = old {
            photos::delete(&tx, old)?;
        }
        tx.commit()?;
        Ok(photo_id)
    }

    pub fn remove_child_photo(&mut self, id: ChildId) -> Result<()> {
        let tx = self.store.transaction()?;
        if let Some(old) = children::get(&tx, id)?.photo_id {
            children::set_photo(&tx, id, None)?;
            photos::delete(&tx, old)?;
        }
        tx.commit()?;
        Ok(())
    }

    pub fn add_contact(&mut self, child: ChildId, details: ContactDetails) -> Result<Contact> {
        let details = details.validated()?;
        if !children::exists(self.store.conn(), child)? {
            return Err(Error::not_found(ChildId::KIND, child));
        }
        let contact = Contact {
            id: ContactId::new(),
            child_id: child,
            details,
        };
        contacts::insert(self.store.conn(), &contact)?;
        Ok(contact)
    }

    pub fn update_contact(&mut self, id: ContactId, details: ContactDetails) -> Result<Contact> {
        let details = details.validated()?;
        contacts::update(self.store.conn(), id, &details)?;
        contacts::get(self.store.conn(), id)
    }

    pub fn delete_contact(&mut self, id: ContactId) -> Result<()> {
        contacts::delete(self.store.conn(), id)
    }

    pub fn settings(&self) -> Result<Vec<Setting>> {
        settings::list(self.store.conn())
    }

    pub fn setting(&self, id: SettingId) -> Result<Setting> {
        settings::get(self.store.conn(), id)
    }

    pub fn create_setting(&mut self, details: SettingDetails) -> Result<Setting> {
        let setting = Setting {
            id: SettingId::new(),
            details: details.validated()?,
        };
        settings::insert(self.store.conn(), &setting)?;
        Ok(setting)
    }

    pub fn update_setting(&mut self, id: SettingId, details: SettingDetails) -> Result<Setting> {
        let setting = Setting {
            id,
            details: details.validated()?,
        };
        settings::update(self.store.conn(), &setting)?;
        Ok(setting)
    }

    /// How many children would be left without a setting if it were deleted.
    pub fn setting_child_count(&self, id: SettingId) -> Result<usize> {
        settings::child_count(self.store.conn(), id)
    }

    /// Deletes a setting; its children stay on the caseload with no setting.
    pub fn delete_setting(&mut self, id: SettingId) -> Result<()> {
        let tx = self.store.transaction()?;
        settings::delete(&tx, id)?;
        tx.commit()?;
        Ok(())
    }

    /// Every child at a setting, in register order.
    pub fn children_in_setting(&self, id: SettingId) -> Result<Vec<Child>> {
        settings::get(self.store.conn(), id)?;
        children::in_setting(self.store.conn(), id)
    }
}
