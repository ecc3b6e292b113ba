//! A child's moving and handling plan: read it, and replace it whole once every row is checked
//! against the child's own items.

use super::Api;
use crate::error::Result;
use crate::model::handling::validated_plan;
use crate::model::{Category, ChildId, HandlingTask, ItemId};
use crate::store::{children, handling, items};

impl Api {
    /// The child's plan, in its order (empty when they have none).
    pub fn handling_plan(&self, child: ChildId) -> Result<Vec<HandlingTask>> {
        let conn = self.store.conn();
        if !children::exists(conn, child)? {
            return Err(crate::Error::not_found(ChildId::KIND, child));
        }
        handling::plan(conn, child)
    }

    /// Replaces the child's whole plan with `tasks`, in their order, in one transaction.
    /// Any problem in any row (see [`validated_plan`]) leaves the old plan as it was.
    pub fn save_handling_plan(
        &mut self,
        child: ChildId,
        tasks: Vec<HandlingTask>,
    ) -> Result<Vec<HandlingTask>> {
        let today = self.today();
        let tx = self.store.transaction()?;
        if !children::exists(&tx, child)? {
            return Err(crate::Error::not_found(ChildId::KIND, child));
        }
        let owned: Vec<(ItemId, Category)> = items::for_child(&tx, child)?
            .into_iter()
            .map(|i| (i.id, i.details.category))
            .collect();
        let tasks = validated_plan(tasks, &owned, today)?;
        handling::replace(&tx, child, &tasks)?;
        tx.commit()?;
        Ok(tasks)
    }
}
