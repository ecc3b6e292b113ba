//! The register of staff trained: add an entry to an item's register once it is checked,
//! read an item's or a child's register, and remove an entry. Each write is one transaction.

use super::Api;
use crate::error::{Error, Result};
use crate::model::{ChildId, ItemId, SettingId, TrainingDetails, TrainingId, TrainingRecord};
use crate::store::{children, items, settings, training};

impl Api {
    /// Adds who was trained on `item`. A refresher before the training, a missing name and
    /// the like are refused beside their fields, and nothing is saved.
    pub fn add_training(
        &mut self,
        item: ItemId,
        details: TrainingDetails,
    ) -> Result<TrainingRecord> {
        let details = details.validated(self.today())?;
        let id = TrainingId::new();
        let now = self.now();
        let tx = self.store.transaction()?;
        let (child, _) = items::owner_and_category(&tx, item)?;
        if let Some(setting) = details.setting_id
            && !settings::exists(&tx, setting)?
        {
            return Err(Error::invalid(
                "setting_id",
                format!(
                    "there is no {} with that id: choose one of the settings",
                    SettingId::KIND
                ),
            ));
        }
        training::insert(&tx, id, child, item, &details, now)?;
        tx.commit()?;
        self.training_record(id)
    }

    /// One entry of the register.
    pub fn training_record(&self, id: TrainingId) -> Result<TrainingRecord> {
        let record = training::get(self.store.conn(), id)?
            .ok_or_else(|| Error::not_found(TrainingId::KIND, id))?;
        Ok(self.with_overdue(vec![record]).remove(0))
    }

    /// Everyone trained on one item, the latest training first.
    pub fn training_for_item(&self, item: ItemId) -> Result<Vec<TrainingRecord>> {
        let conn = self.store.conn();
        items::owner_and_category(conn, item)?;
        Ok(self.with_overdue(training::for_item(conn, item)?))
    }

    /// Everyone trained on any of a child's items, the latest training first.
    pub fn training_for_child(&self, child: ChildId) -> Result<Vec<TrainingRecord>> {
        let conn = self.store.conn();
        if !children::exists(conn, child)? {
            return Err(Error::not_found(ChildId::KIND, child));
        }
        Ok(self.with_overdue(training::for_child(conn, child)?))
    }

    /// Removes one entry (the audit trail keeps what it said).
    pub fn delete_training(&mut self, id: TrainingId) -> Result<()> {
        let tx = self.store.transaction()?;
        if !training::delete(&tx, id)? {
            return Err(Error::not_found(TrainingId::KIND, id));
        }
        tx.commit()?;
        Ok(())
    }

    fn with_overdue(&self, mut records: Vec<TrainingRecord>) -> Vec<TrainingRecord> {
        let today = self.today();
        for r in records.iter_mut() {
            r.refresher_overdue = r.details.refresh_by.is_some_and(|d| d < today);
        }
        records
    }
}
