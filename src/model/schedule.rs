//! An item's schedules: each thing that falls due again and again (a LOLER thorough
//! examination, a service, the therapist's review, a sling inspection, a battery test, a
//! calibration, or something the therapist names), how often, when it was last done and when
//! it is next due. An item may have any number of them.

use super::check::{Check, EARLIEST_RECORD, tidy};
use super::due::DueKind;
use super::item::Category;
use super::labelled::labelled_enum;
use super::service::{ServiceIntervals, ServiceKind, add_months};
use super::{ItemId, ScheduleId};
use crate::error::Result;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// The longest interval a schedule may have: five years (a seating system's review).
pub const MAX_MONTHS: u32 = 60;

labelled_enum! {
    pub enum ScheduleKind ("a kind of schedule") {
        Loler => ("loler", "LOLER thorough examination"),
        Service => ("service", "Service"),
        Review => ("review", "Review"),
        SlingInspection => ("sling-inspection", "Sling inspection"),
        BatteryTest => ("battery-test", "Battery test"),
        Calibration => ("calibration", "Calibration"),
        Other => ("other", "Other (named)"),
    }
}

impl ScheduleKind {
    /// The kind of entry it makes on the due list (and the caseload's badges).
    pub fn due_kind(self) -> DueKind {
        match self {
            ScheduleKind::Loler => DueKind::Loler,
            ScheduleKind::Service => DueKind::Service,
            ScheduleKind::Review => DueKind::Review,
            ScheduleKind::SlingInspection => DueKind::SlingInspection,
            ScheduleKind::BatteryTest => DueKind::BatteryTest,
            ScheduleKind::Calibration => DueKind::Calibration,
            ScheduleKind::Other => DueKind::Other,
        }
    }

    /// The schedule a service record of `kind` moves on, if any.
    pub fn moved_by(kind: ServiceKind) -> Option<ScheduleKind> {
        match kind {
            ServiceKind::LolerExamination => Some(ScheduleKind::Loler),
            ServiceKind::Service => Some(ScheduleKind::Service),
            ServiceKind::Repair | ServiceKind::SafetyCheck => None,
        }
    }
}

/// A schedule as it is typed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ScheduleDetails {
    pub kind: ScheduleKind,
    /// What is due, for a schedule of kind "other" (e.g. "Tyre pressure check"); empty for the
    /// other kinds, whose label says it.
    #[serde(default)]
    pub name: String,
    /// How often, in months (1 to 60).
    pub every_months: u32,
    /// When it was last done; none when it never has been.
    #[serde(default)]
    pub last_done: Option<NaiveDate>,
    /// When it is next due. Left empty, it is worked out from the last time it was done and
    /// the interval; for something never done it gives the first due date.
    #[serde(default)]
    pub next_due: Option<NaiveDate>,
}

impl ScheduleDetails {
    /// Checks and completes what was typed for an item of `category`: a name for "other", an
    /// interval of 1 to 60 months (for LOLER, no longer than the law allows for the equipment:
    /// `intervals` holds the limits), a last date that has passed, and a next due date never
    /// before it (worked out from the last date when not given). Every problem is named by its
    /// field; any problem leaves nothing saved.
    pub fn validated(
        mut self,
        category: Category,
        intervals: &ServiceIntervals,
        today: NaiveDate,
    ) -> Result<ScheduleDetails> {
        tidy(&mut self.name);
        let mut check = Check::new();
        if self.kind == ScheduleKind::Other {
            check.required("name", "name of what is due", &self.name);
        } else {
            self.name.clear();
        }
        if !(1..=MAX_MONTHS).contains(&self.every_months) {
            check.fail(
                "every_months",
                format!("give how often in months, between 1 and {MAX_MONTHS}"),
            );
        } else if self.kind == ScheduleKind::Loler {
            let limit = if category.lifts_people() {
                intervals.loler_lifting_months
            } else {
                intervals.loler_other_months
            };
            if self.every_months > limit {
                check.fail(
                    "every_months",
                    format!(
                        "LOLER needs a thorough examination of this {} at least every {limit} months: choose {limit} or fewer",
                        category.label().to_lowercase()
                    ),
                );
            }
        }
        let last_ok = match self.last_done {
            Some(last) => check.past_date(
                "last_done",
                "date it was last done",
                last,
                EARLIEST_RECORD,
                today,
            ),
            None => true,
        };
        match (self.last_done, self.next_due) {
            (_, Some(next)) => {
                if check.date("next_due", "next due date", next, EARLIEST_RECORD, today)
                    && let Some(last) = self.last_done.filter(|&last| last_ok && next < last)
                {
                    check.fail(
                        "next_due",
                        format!(
                            "the next due date cannot be before it was last done ({}): check the date",
                            last.format("%-d %B %Y")
                        ),
                    );
                }
            }
            (Some(last), None) => self.next_due = Some(add_months(last, self.every_months)),
            (None, None) => check.fail(
                "next_due",
                "give the date it is first due, or the date it was last done",
            ),
        }
        check.finish()?;
        Ok(self)
    }
}

/// When a schedule's check was done, as "Mark done" sends it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ScheduleDone {
    pub on: NaiveDate,
}

/// One of an item's schedules, as it is read back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Schedule {
    pub id: ScheduleId,
    pub item_id: ItemId,
    pub kind: ScheduleKind,
    /// The name given to a schedule of kind "other" ("" for the others).
    #[serde(default)]
    pub name: String,
    pub every_months: u32,
    #[serde(default)]
    pub last_done: Option<NaiveDate>,
    pub next_due: NaiveDate,
    pub created_at: DateTime<Utc>,
    /// True when the next due date has passed (filled in by the api from today's date).
    #[serde(default)]
    pub overdue: bool,
}

impl Schedule {
    /// What is due, in words: the kind's label, or the name given to an "other" schedule.
    pub fn what(&self) -> String {
        what(self.kind, &self.name)
    }

    /// "Every 6 months", "Every month".
    pub fn how_often(&self) -> String {
        how_often(self.every_months)
    }

    /// The schedule as it stands once done on `on`: last done then, next due one interval
    /// later. Refused beside `on` when the date has not come yet or comes before the last time
    /// it was done.
    pub fn done_on(&self, on: NaiveDate, today: NaiveDate) -> Result<ScheduleDetails> {
        let mut check = Check::new();
        if check.past_date("on", "date it was done", on, EARLIEST_RECORD, today)
            && let Some(last) = self.last_done.filter(|&last| on < last)
        {
            check.fail(
                "on",
                format!(
                    "it was last done on {}: give a later date",
                    last.format("%-d %B %Y")
                ),
            );
        }
        check.finish()?;
        Ok(self.moved_to(on, None))
    }

    /// The schedule last done on `last` and next due on `next`, or one interval after `last`
    /// when no date is given: what marking it done, or a record of its kind, makes of it.
    pub fn moved_to(&self, last: NaiveDate, next: Option<NaiveDate>) -> ScheduleDetails {
        ScheduleDetails {
            kind: self.kind,
            name: self.name.clone(),
            every_months: self.every_months,
            last_done: Some(last),
            next_due: Some(next.unwrap_or_else(|| add_months(last, self.every_months))),
        }
    }
}

/// What a schedule of `kind` named `name` is for, in words.
pub fn what(kind: ScheduleKind, name: &str) -> String {
    match kind {
        ScheduleKind::Other => name.to_string(),
        kind => kind.label().to_string(),
    }
}

/// Whole months from `from` to `to`, kept within a schedule's 1 to [`MAX_MONTHS`]: the
/// interval a record's own next due date implies.
pub fn months_between(from: NaiveDate, to: NaiveDate) -> u32 {
    use chrono::Datelike;
    let months = (to.year() - from.year()) * 12 + to.month() as i32 - from.month() as i32;
    months.clamp(1, MAX_MONTHS as i32) as u32
}

/// "Every 6 months", "Every month".
pub fn how_often(months: u32) -> String {
    match months {
        1 => "Every month".to_string(),
        n => format!("Every {n} months"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn today() -> NaiveDate {
        d(2026, 11, 22)
    }

    fn schedule(kind: ScheduleKind, every: u32) -> ScheduleDetails {
        ScheduleDetails {
            kind,
            name: String::new(),
            every_months: every,
            last_done: Some(d(2026, 9, 1)),
            next_due: None,
        }
    }

    fn check(details: ScheduleDetails, category: Category) -> Result<ScheduleDetails> {
        details.validated(category, &ServiceIntervals::default(), today())
    }

    fn fields(details: ScheduleDetails, category: Category) -> Vec<String> {
        match check(details, category) {
            Ok(_) => vec![],
            Err(e) => e.fields().iter().map(|f| f.field.clone()).collect(),
        }
    }

    #[test]
    fn the_next_due_date_is_the_last_date_plus_the_interval() {
        let s = check(schedule(ScheduleKind::BatteryTest, 3), Category::Wheelchair).unwrap();
        assert_eq!(s.next_due, Some(d(2026, 12, 1)));
    }

    #[test]
    fn a_schedule_never_done_takes_its_first_due_date_as_given() {
        let mut s = schedule(ScheduleKind::Calibration, 12);
        s.last_done = None;
        s.next_due = Some(d(2027, 1, 15));
        assert_eq!(
            check(s, Category::Other).unwrap().next_due,
            Some(d(2027, 1, 15))
        );
    }

    #[test]
    fn a_schedule_with_neither_date_is_refused_beside_the_next_due_date() {
        let mut s = schedule(ScheduleKind::Review, 12);
        s.last_done = None;
        assert_eq!(fields(s, Category::Seating), ["next_due"]);
    }

    #[test]
    fn an_other_schedule_needs_a_name_and_keeps_it() {
        let mut s = schedule(ScheduleKind::Other, 1);
        assert_eq!(fields(s.clone(), Category::Wheelchair), ["name"]);
        s.name = "  Tyre pressure check ".into();
        let s = check(s, Category::Wheelchair).unwrap();
        assert_eq!(s.name, "Tyre pressure check");
    }

    #[test]
    fn a_named_kind_drops_any_name_typed() {
        let mut s = schedule(ScheduleKind::Service, 12);
        s.name = "left over".into();
        assert_eq!(check(s, Category::Seating).unwrap().name, "");
    }

    #[test]
    fn the_interval_is_between_one_month_and_five_years() {
        assert_eq!(
            fields(schedule(ScheduleKind::Review, 0), Category::Seating),
            ["every_months"]
        );
        assert_eq!(
            fields(schedule(ScheduleKind::Review, 61), Category::Seating),
            ["every_months"]
        );
        assert!(fields(schedule(ScheduleKind::Review, 60), Category::Seating).is_empty());
    }

    #[test]
    fn a_hoist_examined_less_often_than_every_six_months_is_refused_with_the_limit() {
        let err = check(schedule(ScheduleKind::Loler, 12), Category::Hoist).unwrap_err();
        assert_eq!(err.fields()[0].field, "every_months");
        assert!(
            err.fields()[0].message.contains("at least every 6 months"),
            "{}",
            err.fields()[0].message
        );
        assert!(fields(schedule(ScheduleKind::Loler, 6), Category::Sling).is_empty());
        // Other lifting equipment may go twelve months.
        assert!(fields(schedule(ScheduleKind::Loler, 12), Category::Bathing).is_empty());
        assert_eq!(
            fields(schedule(ScheduleKind::Loler, 13), Category::Bathing),
            ["every_months"]
        );
    }

    #[test]
    fn the_last_date_cannot_be_in_the_future() {
        let mut s = schedule(ScheduleKind::Service, 12);
        s.last_done = Some(d(2026, 11, 23));
        s.next_due = Some(d(2027, 11, 23));
        assert_eq!(fields(s, Category::Seating), ["last_done"]);
    }

    #[test]
    fn the_next_due_date_is_never_before_the_last_date() {
        let mut s = schedule(ScheduleKind::Service, 12);
        s.next_due = Some(d(2026, 8, 1));
        let err = check(s, Category::Seating).unwrap_err();
        assert_eq!(err.fields()[0].field, "next_due");
        assert!(err.fields()[0].message.contains("1 September 2026"));
    }

    #[test]
    fn a_next_due_date_with_a_mistyped_year_is_refused() {
        let mut s = schedule(ScheduleKind::Service, 12);
        s.next_due = Some(d(2207, 9, 1));
        assert_eq!(fields(s, Category::Seating), ["next_due"]);
    }

    fn stored(last: Option<NaiveDate>) -> Schedule {
        Schedule {
            id: ScheduleId::new(),
            item_id: ItemId::new(),
            kind: ScheduleKind::Other,
            name: "Tyre pressure check".into(),
            every_months: 3,
            last_done: last,
            next_due: d(2026, 12, 1),
            created_at: "2026-09-01T09:00:00Z".parse().unwrap(),
            overdue: false,
        }
    }

    #[test]
    fn marking_done_moves_the_next_due_date_one_interval_on() {
        let done = stored(Some(d(2026, 9, 1)))
            .done_on(d(2026, 11, 20), today())
            .unwrap();
        assert_eq!(done.last_done, Some(d(2026, 11, 20)));
        assert_eq!(done.next_due, Some(d(2027, 2, 20)));
    }

    #[test]
    fn marking_done_in_the_future_or_before_the_last_time_is_refused() {
        let s = stored(Some(d(2026, 9, 1)));
        for on in [d(2026, 11, 23), d(2026, 8, 31)] {
            let err = s.done_on(on, today()).unwrap_err();
            assert_eq!(err.fields()[0].field, "on", "{on}");
        }
        assert!(stored(None).done_on(d(2020, 1, 1), today()).is_ok());
    }

    #[test]
    fn a_schedule_says_what_it_is_for_and_how_often() {
        let s = stored(None);
        assert_eq!(s.what(), "Tyre pressure check");
        assert_eq!(s.how_often(), "Every 3 months");
        assert_eq!(how_often(1), "Every month");
        assert_eq!(months_between(d(2026, 8, 31), d(2027, 2, 28)), 6);
        assert_eq!(months_between(d(2026, 8, 31), d(2026, 8, 31)), 1);
        assert_eq!(what(ScheduleKind::Loler, ""), "LOLER thorough examination");
    }

    #[test]
    fn every_kind_has_its_own_due_kind_and_records_move_loler_and_service() {
        let due: Vec<&str> = ScheduleKind::ALL
            .iter()
            .map(|k| k.due_kind().code())
            .collect();
        let codes: Vec<&str> = ScheduleKind::ALL.iter().map(|k| k.code()).collect();
        assert_eq!(due, codes, "the due list stores the schedule's own code");
        assert_eq!(
            ScheduleKind::moved_by(ServiceKind::LolerExamination),
            Some(ScheduleKind::Loler)
        );
        assert_eq!(ScheduleKind::moved_by(ServiceKind::Repair), None);
    }
}
