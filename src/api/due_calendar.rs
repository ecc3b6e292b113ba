//! The due list as a calendar file: one all-day event per due date (examinations, services,
//! reviews and every other schedule, out-of-date school copies, handling plan reviews, DFG deadlines).
//!
//! A calendar is often synced to a cloud service, so an event names the item and the child's
//! initials only: never a full name, an NHS number, an address or a school.

use super::Api;
use crate::calendar::{self, CalendarEvent};
use crate::error::{Error, Result};
use crate::model::DueEntry;
use std::path::Path;

/// How far ahead a calendar file looks unless asked otherwise: a year of examinations.
pub const DUE_CALENDAR_DAYS: u32 = 366;

/// The name a calendar file of the due list is offered under.
pub const DUE_CALENDAR_FILE_NAME: &str = "Equipment Passport due dates.ics";

/// What the events say about privacy, in each event's description.
pub const CALENDAR_PRIVACY_NOTE: &str = "Exported from Equipment Passport. To keep the child's details private, this calendar holds only their initials: open the app for the full record.";

/// A calendar file of the due list.
#[derive(Debug, Clone)]
pub struct DueCalendar {
    /// The iCalendar text (CRLF line ends).
    pub ics: String,
    pub events: usize,
}

impl Api {
    /// Everything due within `within_days` (and everything overdue) as calendar events.
    pub fn due_calendar(&self, within_days: u32) -> Result<DueCalendar> {
        let entries = self.due_list(within_days)?;
        let events: Vec<CalendarEvent> = entries.iter().map(event_for).collect();
        Ok(DueCalendar {
            ics: calendar::to_ics(&events, self.now()),
            events: events.len(),
        })
    }

    /// Writes [`Api::due_calendar`] to `path` (replacing a file there); the number of events.
    pub fn export_due_calendar(&self, path: &Path, within_days: u32) -> Result<usize> {
        let calendar = self.due_calendar(within_days)?;
        std::fs::write(path, calendar.ics.as_bytes())
            .map_err(|e| Error::io(format!("could not write {}", path.display()), e))?;
        Ok(calendar.events)
    }
}

fn event_for(entry: &DueEntry) -> CalendarEvent {
    // The record the date belongs to: the same on every export, so a calendar moves the event
    // when the date changes instead of adding another.
    // Each person's refresher on an item is an event of its own (their name stays out of it),
    // and so is each of an item's schedules (two checks the therapist named are two events).
    let record = match (
        entry.schedule_id,
        entry.training_id,
        entry.item_id,
        entry.dfg_case_id,
    ) {
        (Some(schedule), _, _, _) => schedule.to_string(),
        (None, Some(training), _, _) => training.to_string(),
        (None, None, Some(item), _) => item.to_string(),
        (None, None, None, Some(case)) => case.to_string(),
        (None, None, None, None) => entry.child_id.to_string(),
    };
    let what = match entry.item_id {
        Some(_) => format!("{}: {}", entry.what_is_due(), entry.subject),
        None => entry.kind.label().to_string(),
    };
    CalendarEvent {
        uid: format!("{}-{record}@{}", entry.kind.code(), crate::APP_IDENTIFIER),
        date: entry.due_date,
        summary: format!("{what} ({})", initials(&entry.child_name)),
        description: CALENDAR_PRIVACY_NOTE.to_string(),
    }
}

/// "Zoë Hughes" → "Z.H."; "Nguyễn Thị Hoa" → "N.T.H.".
fn initials(name: &str) -> String {
    name.split_whitespace()
        .filter_map(|word| word.chars().find(|c| c.is_alphabetic()))
        .flat_map(|c| c.to_uppercase().chain(std::iter::once('.')))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn initials_take_the_first_letter_of_each_name() {
        assert_eq!(initials("Zoë Hughes"), "Z.H.");
        assert_eq!(initials("Nguyễn Thị Hoa"), "N.T.H.");
        assert_eq!(initials("  Mary-Jane  O'Neill "), "M.O.");
        assert_eq!(initials("ਹਰਪ੍ਰੀਤ ਕੌਰ"), "ਹ.ਕ.");
        assert_eq!(initials(""), "");
    }
}
