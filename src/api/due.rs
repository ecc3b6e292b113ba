//! The due list: every LOLER examination, service and review due within N days or overdue,
//! across the caseload, soonest first.

use super::Api;
use crate::error::Result;
use crate::model::DueEntry;
use crate::store::due;

impl Api {
    pub fn due_list(&self, within_days: u32) -> Result<Vec<DueEntry>> {
        let today = self.today();
        let until = today + chrono::Days::new(u64::from(within_days));
        due::until(self.store.conn(), today, until)
    }
}
