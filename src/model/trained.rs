//! The register of staff trained to use a child's equipment (DfE supporting-pupils Template
//! E): who was trained on which item (name, role, where they work), by whom, when, and when a
//! refresher is due.

use super::check::{Check, EARLIEST_RECORD, tidy};
use super::{ChildId, ItemId, SettingId, TrainingId};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// One person's training on one item, as it is typed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct TrainingDetails {
    /// The person trained, e.g. "Priya Shah".
    pub name: String,
    /// Their role, e.g. "Teaching assistant".
    pub role: String,
    /// Where they work with the child (usually the child's school); none when it is the family.
    #[serde(default)]
    pub setting_id: Option<SettingId>,
    /// Who trained them, e.g. the therapist or the supplier's trainer.
    pub trained_by: String,
    pub trained_on: NaiveDate,
    /// When they should be trained again; none when no refresher is asked for.
    #[serde(default)]
    pub refresh_by: Option<NaiveDate>,
}

impl TrainingDetails {
    /// Checks and tidies what was typed: the name, role and trainer are required, the training
    /// has happened, and a refresher comes after the training. Every problem is named by its
    /// field; any problem leaves nothing saved.
    pub fn validated(mut self, today: NaiveDate) -> crate::error::Result<TrainingDetails> {
        for s in [&mut self.name, &mut self.role, &mut self.trained_by] {
            tidy(s);
        }
        let mut check = Check::new();
        check.required("name", "name of the person trained", &self.name);
        check.required("role", "role", &self.role);
        check.required("trained_by", "name of the trainer", &self.trained_by);
        check.past_date(
            "trained_on",
            "training date",
            self.trained_on,
            EARLIEST_RECORD,
            today,
        );
        if let Some(refresh) = self.refresh_by {
            if refresh <= self.trained_on {
                check.fail(
                    "refresh_by",
                    format!(
                        "the refresher must come after the training ({}): check the date",
                        self.trained_on.format("%-d %B %Y")
                    ),
                );
            } else {
                check.date(
                    "refresh_by",
                    "refresher date",
                    refresh,
                    EARLIEST_RECORD,
                    today,
                );
            }
        }
        check.finish()?;
        Ok(self)
    }
}

/// One entry of the register, as it is read back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct TrainingRecord {
    pub id: TrainingId,
    pub item_id: ItemId,
    /// The item's child.
    pub child_id: ChildId,
    /// The item's name, for a child's whole register.
    pub item_name: String,
    /// The setting's name ("" when none is named).
    pub setting_name: String,
    pub details: TrainingDetails,
    /// True when the refresher date has passed (filled in by the api from today's date).
    #[serde(default)]
    pub refresher_overdue: bool,
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

    fn trained() -> TrainingDetails {
        TrainingDetails {
            name: "Priya Shah".into(),
            role: "Teaching assistant".into(),
            setting_id: None,
            trained_by: "Gwyn Davies, OT".into(),
            trained_on: d(2026, 9, 8),
            refresh_by: Some(d(2027, 9, 8)),
        }
    }

    fn fields(details: TrainingDetails) -> Vec<String> {
        match details.validated(today()) {
            Ok(_) => vec![],
            Err(e) => e.fields().iter().map(|f| f.field.clone()).collect(),
        }
    }

    #[test]
    fn a_complete_entry_is_accepted_as_typed() {
        assert_eq!(trained().validated(today()).unwrap(), trained());
    }

    #[test]
    fn names_are_trimmed() {
        let mut t = trained();
        t.name = "  Priya Shah ".into();
        assert_eq!(t.validated(today()).unwrap().name, "Priya Shah");
    }

    #[test]
    fn the_name_role_and_trainer_are_required() {
        let mut t = trained();
        t.name = " ".into();
        t.role = String::new();
        t.trained_by = String::new();
        assert_eq!(fields(t), ["name", "role", "trained_by"]);
    }

    #[test]
    fn training_cannot_be_dated_in_the_future() {
        let mut t = trained();
        t.trained_on = today().succ_opt().unwrap();
        t.refresh_by = None;
        assert_eq!(fields(t), ["trained_on"]);
    }

    #[test]
    fn a_refresher_before_the_training_is_refused_beside_the_refresher_date() {
        let mut t = trained();
        t.refresh_by = Some(d(2026, 9, 1));
        let err = t.validated(today()).unwrap_err();
        assert_eq!(err.fields()[0].field, "refresh_by");
        assert!(
            err.fields()[0].message.contains("after the training"),
            "{}",
            err.fields()[0].message
        );
    }

    #[test]
    fn a_refresher_on_the_day_of_the_training_is_refused_too() {
        let mut t = trained();
        t.refresh_by = Some(t.trained_on);
        assert_eq!(fields(t), ["refresh_by"]);
    }

    #[test]
    fn a_refresher_is_optional_and_may_already_have_passed() {
        let mut t = trained();
        t.refresh_by = None;
        assert!(fields(t.clone()).is_empty());
        t.trained_on = d(2024, 1, 10);
        t.refresh_by = Some(d(2025, 1, 10));
        assert!(fields(t).is_empty());
    }

    #[test]
    fn a_refresher_with_a_mistyped_year_is_refused() {
        let mut t = trained();
        t.refresh_by = Some(d(2207, 9, 8));
        assert_eq!(fields(t), ["refresh_by"]);
    }
}
