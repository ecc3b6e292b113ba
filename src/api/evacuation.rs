//! A child's personal emergency evacuation plan for their setting: read it, save it once it
//! is checked against the child's setting and items, remove it.

use super::Api;
use crate::error::{Error, FieldError, Result};
use crate::model::evacuation::{PlanFor, validated_plan};
use crate::model::{ChildId, EvacuationPlan, ItemId, SettingId};
use crate::store::{children, evacuation, items};

impl Api {
    /// The child's plan for a setting (their own when `setting` is `None`); `None` when they
    /// have no plan there, or no setting.
    pub fn evacuation_plan(
        &self,
        child: ChildId,
        setting: Option<SettingId>,
    ) -> Result<Option<EvacuationPlan>> {
        let conn = self.store.conn();
        let record = children::get(conn, child)?;
        match setting.or(record.details.setting_id) {
            Some(id) => evacuation::plan(conn, child, id),
            None => Ok(None),
        }
    }

    /// Every plan the child has, one per setting (a child who moved keeps the old one until
    /// it is removed).
    pub fn evacuation_plans(&self, child: ChildId) -> Result<Vec<EvacuationPlan>> {
        let conn = self.store.conn();
        if !children::exists(conn, child)? {
            return Err(Error::not_found(ChildId::KIND, child));
        }
        evacuation::for_child(conn, child)
    }

    /// Saves the child's plan for its setting, replacing the one before, in one transaction.
    /// Any problem (see [`validated_plan`]) saves nothing.
    pub fn save_evacuation_plan(
        &mut self,
        child: ChildId,
        plan: EvacuationPlan,
    ) -> Result<EvacuationPlan> {
        let today = self.today();
        let tx = self.store.transaction()?;
        let record = children::get(&tx, child)?;
        let owned: Vec<ItemId> = items::for_child(&tx, child)?
            .into_iter()
            .map(|i| i.id)
            .collect();
        let plan = validated_plan(
            plan,
            &PlanFor {
                child_setting: record.details.setting_id,
                child_items: &owned,
                today,
                passed_review_kept: false,
            },
        )?;
        evacuation::save(&tx, child, &plan)?;
        tx.commit()?;
        Ok(plan)
    }

    /// Removes the child's plan for a setting. Refused, naming the setting field, when there
    /// is none to remove.
    pub fn remove_evacuation_plan(&mut self, child: ChildId, setting: SettingId) -> Result<()> {
        let tx = self.store.transaction()?;
        if !children::exists(&tx, child)? {
            return Err(Error::not_found(ChildId::KIND, child));
        }
        if !evacuation::remove(&tx, child, setting)? {
            return Err(Error::Invalid(vec![FieldError::new(
                "evacuation.setting_id",
                "this child has no evacuation plan for that setting",
            )]));
        }
        tx.commit()?;
        Ok(())
    }
}
