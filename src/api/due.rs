//! The due list: every LOLER examination, service and review due within N days or overdue,
//! every repair a thorough examination asked for by a date, every item found not safe to
//! operate (due from the day it was found),
//! every school copy of a passport that is out of date, and every running DFG deadline
//! (decision, works, payment), handling and evacuation plan review and staff training refresher, across the caseload, soonest first.

use super::Api;
use crate::error::Result;
use crate::model::{DueEntry, DueKind};
use crate::store::{children, due, evacuation, handling, settings, training};

impl Api {
    pub fn due_list(&self, within_days: u32) -> Result<Vec<DueEntry>> {
        let today = self.today();
        let until = today + chrono::Days::new(u64::from(within_days));
        let mut entries = due::until(self.store.conn(), today, until)?;
        let dfg = self.dfg_due_entries(until)?;
        let reviews = handling::reviews_until(self.store.conn(), today, until)?;
        let refreshers = training::refreshers_until(self.store.conn(), today, until)?;
        let evacuations = evacuation::reviews_until(self.store.conn(), today, until)?;
        let stale = self.out_of_date_school_copies(None)?;
        if stale.is_empty()
            && dfg.is_empty()
            && reviews.is_empty()
            && refreshers.is_empty()
            && evacuations.is_empty()
        {
            return Ok(with_words(entries));
        }
        entries.extend(dfg);
        entries.extend(reviews);
        entries.extend(refreshers);
        entries.extend(evacuations);
        for copy in stale {
            let child = children::get(self.store.conn(), copy.child_id)?;
            let setting_name = match child.details.setting_id {
                Some(id) => settings::get(self.store.conn(), id)?.details.name,
                None => String::new(),
            };
            // Reprinting is due now: the school is working from a copy that is no longer right.
            entries.push(DueEntry::new(
                DueKind::SchoolCopy,
                today,
                0,
                child.id,
                child.details.display_name(),
                setting_name,
                format!(
                    "School copy version {} printed {}",
                    copy.version,
                    copy.printed_on.format("%-d %B %Y")
                ),
            ));
        }
        // Stable: entries already in register order keep it within a day.
        entries.sort_by_key(|e| e.due_date);
        Ok(with_words(entries))
    }
}

/// Each entry with how far off it is in words.
fn with_words(mut entries: Vec<DueEntry>) -> Vec<DueEntry> {
    for entry in entries.iter_mut() {
        entry.when_text = entry.when();
    }
    entries
}
