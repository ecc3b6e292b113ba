//! What falls due across the caseload: LOLER examinations, services and reviews, out-of-date
//! school copies, staff training refreshers, and the statutory deadlines of DFG cases.

use super::labelled::labelled_enum;
use super::{Category, ChildId, DfgCaseId, ItemId, ScheduleId, TrainingId};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

labelled_enum! {
    pub enum DueKind ("a kind of due date") {
        Loler => ("loler", "LOLER thorough examination"),
        Service => ("service", "Service"),
        Review => ("review", "Review"),
        SchoolCopy => ("school-copy", "School copy out of date"),
        HandlingReview => ("handling-review", "Handling plan review"),
        Refresher => ("refresher", "Training refresher"),
        DfgDecision => ("dfg-decision", "DFG decision due"),
        DfgWorks => ("dfg-works", "DFG works due"),
        DfgPayment => ("dfg-payment", "DFG payment due"),
        Repair => ("repair", "Repair due"),
        NotSafe => ("not-safe", "Not safe: do not use"),
        SlingInspection => ("sling-inspection", "Sling inspection"),
        BatteryTest => ("battery-test", "Battery test"),
        Calibration => ("calibration", "Calibration"),
        Other => ("other", "Scheduled check"),
        EvacuationReview => ("evacuation-review", "Evacuation plan review"),
    }
}

impl DueKind {
    /// A caseload badge's words: "Overdue LOLER", "Service due", "School copy out of date".
    pub fn badge(self, overdue: bool) -> String {
        let what = match self {
            DueKind::SchoolCopy => return self.label().to_string(),
            DueKind::NotSafe => return "Do not use".to_string(),
            DueKind::Loler => "LOLER",
            DueKind::Service => "service",
            DueKind::Review => "review",
            DueKind::HandlingReview => "handling plan review",
            DueKind::Refresher => "training refresher",
            DueKind::DfgDecision => "DFG decision",
            DueKind::DfgWorks => "DFG works",
            DueKind::DfgPayment => "DFG payment",
            DueKind::Repair => "repair",
            DueKind::SlingInspection => "sling inspection",
            DueKind::BatteryTest => "battery test",
            DueKind::Calibration => "calibration",
            DueKind::Other => "scheduled check",
            DueKind::EvacuationReview => "evacuation plan review",
        };
        if overdue {
            format!("Overdue {what}")
        } else {
            let mut chars = what.chars();
            let first = chars.next().map(|c| c.to_uppercase().collect::<String>());
            format!("{}{} due", first.unwrap_or_default(), chars.as_str())
        }
    }
}

/// One thing due (or overdue): for an item, for the child's passport, or a DFG case's
/// statutory deadline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct DueEntry {
    pub kind: DueKind,
    pub due_date: NaiveDate,
    /// Days from today: negative when overdue, 0 when due today.
    pub days_left: i64,
    /// True when nothing has ever been recorded (e.g. a hoist never examined).
    pub never_done: bool,
    pub child_id: ChildId,
    pub child_name: String,
    pub setting_name: String,
    /// The item it concerns, if it is about equipment.
    pub item_id: Option<ItemId>,
    /// What it is about: the item's name, "School copy printed 3 November 2026", or
    /// "DFG: decision due (application 3 March 2026)".
    pub subject: String,
    pub category: Option<Category>,
    /// The DFG case whose deadline it is.
    #[serde(default)]
    pub dfg_case_id: Option<DfgCaseId>,
    /// The entry of the register of staff trained whose refresher this is.
    #[serde(default)]
    pub training_id: Option<TrainingId>,
    /// For a training refresher, who is to be trained again ("" otherwise). Kept apart from
    /// the subject (the item's name) so a calendar export can leave the name out.
    #[serde(default)]
    pub person: String,
    /// How far off it is in words ([`DueEntry::when`]), filled in by the api's due list.
    #[serde(default)]
    pub when_text: String,
    /// The item's schedule this date belongs to.
    #[serde(default)]
    pub schedule_id: Option<ScheduleId>,
    /// For a schedule of kind "other", the name it was given ("Tyre pressure check"); ""
    /// otherwise, when the kind's label says what is due.
    #[serde(default)]
    pub what: String,
}

impl DueEntry {
    /// An entry about a child and nothing more: no item, DFG case, schedule, training entry
    /// or person. Those that have one name it after, with `..DueEntry::new(…)`.
    pub fn new(
        kind: DueKind,
        due_date: NaiveDate,
        days_left: i64,
        child_id: ChildId,
        child_name: String,
        setting_name: String,
        subject: String,
    ) -> DueEntry {
        DueEntry {
            kind,
            due_date,
            days_left,
            never_done: false,
            child_id,
            child_name,
            setting_name,
            item_id: None,
            subject,
            category: None,
            dfg_case_id: None,
            training_id: None,
            person: String::new(),
            when_text: String::new(),
            schedule_id: None,
            what: String::new(),
        }
    }

    /// What is due, in words: the name of an "other" schedule, else the kind's label.
    pub fn what_is_due(&self) -> &str {
        if self.what.is_empty() {
            self.kind.label()
        } else {
            &self.what
        }
    }

    pub fn is_overdue(&self) -> bool {
        self.days_left < 0
    }

    /// "Overdue by 3 days", "Due today", "Due in 12 days".
    pub fn when(&self) -> String {
        match self.days_left {
            0 => "Due today".into(),
            -1 => "Overdue by 1 day".into(),
            1 => "Due tomorrow".into(),
            d if d < 0 => format!("Overdue by {} days", -d),
            d => format!("Due in {d} days"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_badge_says_what_is_due_and_whether_it_is_late() {
        assert_eq!(DueKind::Loler.badge(true), "Overdue LOLER");
        assert_eq!(DueKind::Loler.badge(false), "LOLER due");
        assert_eq!(DueKind::Service.badge(false), "Service due");
        assert_eq!(
            DueKind::HandlingReview.badge(true),
            "Overdue handling plan review"
        );
        assert_eq!(DueKind::Refresher.badge(false), "Training refresher due");
        assert_eq!(DueKind::DfgDecision.badge(false), "DFG decision due");
        assert_eq!(DueKind::SchoolCopy.badge(true), "School copy out of date");
        assert_eq!(DueKind::Repair.badge(false), "Repair due");
        assert_eq!(DueKind::Repair.badge(true), "Overdue repair");
        assert_eq!(DueKind::NotSafe.badge(true), "Do not use");
        assert_eq!(DueKind::BatteryTest.badge(false), "Battery test due");
        assert_eq!(DueKind::Other.badge(true), "Overdue scheduled check");
    }

    #[test]
    fn when_reads_naturally() {
        let mut e = DueEntry {
            item_id: Some(ItemId::new()),
            category: Some(Category::Hoist),
            ..DueEntry::new(
                DueKind::Loler,
                NaiveDate::from_ymd_opt(2026, 11, 22).unwrap(),
                -3,
                ChildId::new(),
                "Zoë Hughes".into(),
                String::new(),
                "Hoist".into(),
            )
        };
        assert!(e.is_overdue());
        assert_eq!(e.when(), "Overdue by 3 days");
        e.days_left = 0;
        assert_eq!(e.when(), "Due today");
        e.days_left = 12;
        assert_eq!(e.when(), "Due in 12 days");
        assert!(!e.is_overdue());
    }
}
