//! The log of what has been done to an item: LOLER thorough examinations, services, repairs
//! and safety checks, each with when the next one is due.

use super::check::{Check, EARLIEST_RECORD, tidy};
use super::examination::{ExaminationReport, IntervalBasis};
use super::item::Category;
use super::labelled::labelled_enum;
use super::{ItemId, ServiceRecordId};
use crate::error::Result;
use chrono::{DateTime, Months, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

labelled_enum! {
    pub enum ServiceKind ("a kind of service record") {
        LolerExamination => ("loler", "LOLER thorough examination"),
        Service => ("service", "Service"),
        Repair => ("repair", "Repair"),
        SafetyCheck => ("safety-check", "Safety check"),
    }
}

labelled_enum! {
    pub enum Outcome ("an outcome") {
        Pass => ("pass", "Safe to use"),
        Advisory => ("advisory", "Safe to use, with advice"),
        Fail => ("fail", "Not safe to use"),
    }
}

/// How often things fall due, in months. Stored in the app's settings so a trust can follow
/// its own examination scheme; the defaults follow LOLER 1998.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ServiceIntervals {
    /// Thorough examination of people-lifting equipment and slings: at most 6 months.
    pub loler_lifting_months: u32,
    /// Thorough examination of other lifting equipment: 12 months.
    pub loler_other_months: u32,
    /// Routine service, when the record does not say.
    pub service_months: u32,
}

impl Default for ServiceIntervals {
    fn default() -> Self {
        Self {
            loler_lifting_months: 6,
            loler_other_months: 12,
            service_months: 12,
        }
    }
}

impl ServiceIntervals {
    /// The default gap before the next record of this kind, if there is one.
    pub fn months_until_next(&self, kind: ServiceKind, category: Category) -> Option<u32> {
        match kind {
            ServiceKind::LolerExamination if category.lifts_people() => {
                Some(self.loler_lifting_months)
            }
            ServiceKind::LolerExamination => Some(self.loler_other_months),
            ServiceKind::Service => Some(self.service_months),
            ServiceKind::Repair | ServiceKind::SafetyCheck => None,
        }
    }
}

/// Adds whole months as the law reads them: 31 August + 6 months is the last day of February.
pub fn add_months(date: NaiveDate, months: u32) -> NaiveDate {
    date.checked_add_months(Months::new(months))
        .unwrap_or(NaiveDate::MAX)
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ServiceRecordDetails {
    pub kind: ServiceKind,
    pub date: NaiveDate,
    /// Engineer or company who did it.
    pub by_whom: String,
    pub outcome: Outcome,
    /// Defects found, parts replaced, advice given.
    #[serde(default)]
    pub notes: String,
    /// Left empty, it defaults from the intervals (6 months for a LOLER examination of a hoist
    /// or sling).
    #[serde(default)]
    pub next_due: Option<NaiveDate>,
    /// The Schedule 1 report of a LOLER thorough examination (none on other records, and on
    /// examinations recorded before reports were kept).
    #[serde(default)]
    pub examination: Option<ExaminationReport>,
}

impl ServiceRecordDetails {
    /// Whether this is an examination report that found the equipment not safe to operate.
    pub fn not_safe_to_operate(&self) -> bool {
        self.examination
            .as_ref()
            .is_some_and(|e| !e.safe_to_operate)
    }

    pub fn validated(
        mut self,
        category: Category,
        intervals: &ServiceIntervals,
        today: NaiveDate,
    ) -> Result<Self> {
        tidy(&mut self.by_whom);
        tidy(&mut self.notes);
        let mut check = Check::new();
        check.past_date("date", "date", self.date, EARLIEST_RECORD, today);
        check.required("by_whom", "name of who did it", &self.by_whom);
        check.text("notes", "notes", &self.notes);
        let legal = intervals.months_until_next(self.kind, category);
        // A report's interval basis sets the default; an examination scheme sets its own date,
        // which may go beyond the fixed intervals.
        let (default_months, limit) = match &mut self.examination {
            Some(_) if self.kind != ServiceKind::LolerExamination => {
                check.fail(
                    "examination",
                    "only a LOLER thorough examination carries an examination report",
                );
                (legal, legal)
            }
            Some(report) => {
                report.check(self.date, today, &mut check);
                self.outcome = match (report.safe_to_operate, report.defects.is_empty()) {
                    (false, _) => Outcome::Fail,
                    (true, false) => Outcome::Advisory,
                    (true, true) => Outcome::Pass,
                };
                match report.basis {
                    IntervalBasis::TwelveMonths if category.lifts_people() => {
                        check.fail(
                            "examination.basis",
                            "people-lifting equipment is examined at least every 6 months: choose 6 months or an examination scheme",
                        );
                        (legal, legal)
                    }
                    IntervalBasis::Scheme => {
                        if self.next_due.is_none() {
                            check.fail(
                                "next_due",
                                "enter the date the examination scheme sets for the next examination",
                            );
                        }
                        (None, None)
                    }
                    basis => (basis.months().or(legal), legal),
                }
            }
            None => (legal, legal),
        };
        if let Some(next) = self.next_due {
            check.date("next_due", "next due date", next, EARLIEST_RECORD, today);
        }
        match (self.next_due, default_months, limit) {
            (None, Some(months), _) => self.next_due = Some(add_months(self.date, months)),
            (Some(next), _, _) if next <= self.date => {
                check.fail("next_due", "the next due date must be after the date of this record")
            }
            (Some(next), _, Some(months))
                if self.kind == ServiceKind::LolerExamination && next > add_months(self.date, months) =>
            {
                check.fail(
                    "next_due",
                    format!(
                        "LOLER needs a thorough examination at least every {months} months for this equipment: the next one is due by {}",
                        add_months(self.date, months).format("%-d %B %Y")
                    ),
                )
            }
            _ => {}
        }
        if self.outcome == Outcome::Fail && self.notes.is_empty() && self.examination.is_none() {
            check.fail(
                "notes",
                "say what was found: a failed check needs its defects recorded",
            );
        }
        check.finish()?;
        Ok(self)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ServiceRecord {
    pub id: ServiceRecordId,
    pub item_id: ItemId,
    #[serde(flatten)]
    pub details: ServiceRecordDetails,
    pub recorded_at: DateTime<Utc>,
}

impl ServiceRecord {
    /// The newest record in `log` of `kind` (of any kind with `None`): by date, then by when it
    /// was recorded.
    pub fn latest(log: &[ServiceRecord], kind: Option<ServiceKind>) -> Option<&ServiceRecord> {
        log.iter()
            .filter(|r| kind.is_none_or(|k| r.details.kind == k))
            .max_by_key(|r| (r.details.date, r.recorded_at))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn loler(date: NaiveDate) -> ServiceRecordDetails {
        ServiceRecordDetails {
            kind: ServiceKind::LolerExamination,
            date,
            by_whom: "Ability Lifting Ltd".into(),
            outcome: Outcome::Pass,
            notes: String::new(),
            next_due: None,
            examination: None,
        }
    }

    #[test]
    fn a_hoist_examination_is_next_due_in_six_months() {
        let r = loler(d(2026, 5, 12))
            .validated(
                Category::Hoist,
                &ServiceIntervals::default(),
                d(2026, 11, 22),
            )
            .unwrap();
        assert_eq!(r.next_due, Some(d(2026, 11, 12)));
    }

    #[test]
    fn other_lifting_equipment_is_next_due_in_twelve_months() {
        let r = loler(d(2026, 5, 12))
            .validated(
                Category::StandingFrame,
                &ServiceIntervals::default(),
                d(2026, 11, 22),
            )
            .unwrap();
        assert_eq!(r.next_due, Some(d(2027, 5, 12)));
    }

    #[test]
    fn month_ends_clamp_to_the_shorter_month() {
        assert_eq!(add_months(d(2026, 8, 31), 6), d(2027, 2, 28));
        assert_eq!(add_months(d(2027, 8, 31), 6), d(2028, 2, 29));
        assert_eq!(add_months(d(2028, 2, 29), 12), d(2029, 2, 28));
    }

    #[test]
    fn the_interval_is_configurable() {
        let intervals = ServiceIntervals {
            loler_lifting_months: 3,
            ..Default::default()
        };
        let r = loler(d(2026, 5, 12))
            .validated(Category::Sling, &intervals, d(2026, 11, 22))
            .unwrap();
        assert_eq!(r.next_due, Some(d(2026, 8, 12)));
    }

    #[test]
    fn a_loler_date_beyond_the_limit_is_refused() {
        let mut r = loler(d(2026, 5, 12));
        r.next_due = Some(d(2027, 5, 12));
        let err = r
            .validated(
                Category::Sling,
                &ServiceIntervals::default(),
                d(2026, 11, 22),
            )
            .unwrap_err();
        assert_eq!(err.fields()[0].field, "next_due");
        assert!(
            err.fields()[0].message.contains("12 November 2026"),
            "{}",
            err.fields()[0].message
        );
    }

    #[test]
    fn next_due_must_follow_the_record_and_the_record_is_not_in_the_future() {
        let mut r = loler(d(2026, 12, 1));
        r.next_due = Some(d(2026, 11, 1));
        let err = r
            .validated(
                Category::Hoist,
                &ServiceIntervals::default(),
                d(2026, 11, 22),
            )
            .unwrap_err();
        let fields: Vec<&str> = err.fields().iter().map(|f| f.field.as_str()).collect();
        assert_eq!(fields, vec!["date", "next_due"]);
    }

    #[test]
    fn a_record_dated_before_1950_or_next_due_over_ten_years_away_is_refused() {
        let r = loler(d(1, 1, 1));
        let err = r
            .validated(
                Category::Hoist,
                &ServiceIntervals::default(),
                d(2026, 11, 22),
            )
            .unwrap_err();
        assert_eq!(
            err.fields()[0].to_string(),
            "date: the date cannot be before 1950: check the year"
        );
        assert_eq!(err.fields().len(), 1);
        let mut r = loler(d(2026, 5, 12));
        r.kind = ServiceKind::Service;
        r.next_due = Some(d(2046, 5, 12));
        let err = r
            .validated(
                Category::Hoist,
                &ServiceIntervals::default(),
                d(2026, 11, 22),
            )
            .unwrap_err();
        assert_eq!(
            err.fields()[0].to_string(),
            "next_due: the next due date is more than 10 years away: check the year"
        );
    }

    #[test]
    fn who_did_it_and_the_notes_refuse_control_characters() {
        let mut r = loler(d(2026, 5, 12));
        r.by_whom = "Ability\u{1b}[2J".into();
        r.notes = "ok\u{1b}[31m".into();
        let err = r
            .validated(
                Category::Hoist,
                &ServiceIntervals::default(),
                d(2026, 11, 22),
            )
            .unwrap_err();
        let fields: Vec<&str> = err.fields().iter().map(|f| f.field.as_str()).collect();
        assert_eq!(fields, vec!["by_whom", "notes"]);
    }

    #[test]
    fn a_failed_check_needs_its_defects_and_a_repair_has_no_default_next_date() {
        let r = ServiceRecordDetails {
            kind: ServiceKind::Repair,
            date: d(2026, 11, 2),
            by_whom: "Millbrook".into(),
            outcome: Outcome::Fail,
            notes: String::new(),
            next_due: None,
            examination: None,
        };
        let err = r
            .clone()
            .validated(
                Category::Wheelchair,
                &ServiceIntervals::default(),
                d(2026, 11, 22),
            )
            .unwrap_err();
        assert_eq!(err.fields()[0].field, "notes");
        let ok = ServiceRecordDetails {
            outcome: Outcome::Pass,
            ..r
        }
        .validated(
            Category::Wheelchair,
            &ServiceIntervals::default(),
            d(2026, 11, 22),
        )
        .unwrap();
        assert_eq!(ok.next_due, None);
    }
}
