//! A LOLER thorough examination report: every particular Schedule 1 of the Lifting Operations
//! and Lifting Equipment Regulations 1998 asks of one, carried by a LOLER service record (the
//! record keeps the date, the competent person's name and the next due date).
//!
//! Rules, each checked beside its field:
//! - "Not safe to operate" needs at least one defect, and makes the record's outcome a fail.
//! - "Safe to operate" cannot stand beside a defect that is a danger now.
//! - A defect not yet a danger needs the date by which it must be repaired (Schedule 1,
//!   paragraph 6(b)); a defect that is a danger now may have one too. A repair-by date is
//!   never before the examination.
//! - The interval basis sets the next due date: 6 or 12 months from the examination, the
//!   category's legal interval after exceptional circumstances, and an examination scheme's
//!   own date, which must be entered.

use super::check::{Check, EARLIEST_RECORD, MAX_LINE, tidy};
use super::labelled::labelled_enum;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

labelled_enum! {
    pub enum IntervalBasis ("an examination interval basis") {
        SixMonths => ("6-months", "Within an interval of 6 months"),
        TwelveMonths => ("12-months", "Within an interval of 12 months"),
        Scheme => ("scheme", "In accordance with an examination scheme"),
        Exceptional => ("exceptional", "After exceptional circumstances"),
    }
}

impl IntervalBasis {
    /// The months to the next examination this basis sets by itself (`None`: the scheme's
    /// date, or the category's legal interval after exceptional circumstances).
    pub fn months(self) -> Option<u32> {
        match self {
            IntervalBasis::SixMonths => Some(6),
            IntervalBasis::TwelveMonths => Some(12),
            IntervalBasis::Scheme | IntervalBasis::Exceptional => None,
        }
    }
}

/// The safe working load of one configuration examined (a hoist with its long or short
/// spreader bar, a sling in its loops).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SafeWorkingLoad {
    /// "Standard spreader bar"; may be empty for equipment set up one way only.
    #[serde(default)]
    pub configuration: String,
    pub swl_kg: u32,
}

/// A defect that is or could become a danger.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Defect {
    pub description: String,
    /// True when it is a danger to people now (the equipment must not be used).
    #[serde(default)]
    pub danger_now: bool,
    /// The repair needed.
    #[serde(default)]
    pub repair_needed: String,
    /// The date by which it must be repaired: required for a defect not yet a danger.
    #[serde(default)]
    pub repair_by: Option<NaiveDate>,
}

/// The Schedule 1 particulars of a thorough examination beyond those on every service record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ExaminationReport {
    /// Who the competent person works for.
    #[serde(default)]
    pub employer: String,
    /// The competent person's qualifications.
    #[serde(default)]
    pub qualifications: String,
    /// What identifies the equipment; left empty, the item's make, model and serial.
    #[serde(default)]
    pub identification: String,
    #[serde(default)]
    pub manufactured: Option<NaiveDate>,
    /// The safe working load of each configuration examined.
    #[serde(default)]
    pub safe_working_loads: Vec<SafeWorkingLoad>,
    pub basis: IntervalBasis,
    pub safe_to_operate: bool,
    #[serde(default)]
    pub defects: Vec<Defect>,
}

impl ExaminationReport {
    /// A report that finds the equipment safe, with nothing else filled in.
    pub fn safe(basis: IntervalBasis) -> Self {
        Self {
            employer: String::new(),
            qualifications: String::new(),
            identification: String::new(),
            manufactured: None,
            safe_working_loads: Vec::new(),
            basis,
            safe_to_operate: true,
            defects: Vec::new(),
        }
    }

    /// Defects still to be repaired by a date, earliest first.
    pub fn repairs_due(&self) -> Vec<(&Defect, NaiveDate)> {
        let mut due: Vec<_> = self
            .defects
            .iter()
            .filter_map(|d| d.repair_by.map(|by| (d, by)))
            .collect();
        due.sort_by_key(|(_, by)| *by);
        due
    }

    /// The defects in one line: "Frayed strap (danger now); worn castor, repair by 1 March
    /// 2027".
    pub fn defects_text(&self) -> String {
        self.defects
            .iter()
            .map(|d| {
                let mut s = d.description.clone();
                if d.danger_now {
                    s.push_str(" (danger now)");
                }
                if !d.repair_needed.is_empty() {
                    s.push_str(&format!(": {}", d.repair_needed));
                }
                if let Some(by) = d.repair_by {
                    s.push_str(&format!(", repair by {}", by.format("%-d %B %Y")));
                }
                s
            })
            .collect::<Vec<_>>()
            .join("; ")
    }

    /// Tidies the text and checks the report of an examination on `date`, adding each problem
    /// to `check` under `examination.…`.
    pub(crate) fn check(&mut self, date: NaiveDate, today: NaiveDate, check: &mut Check) {
        for s in [
            &mut self.employer,
            &mut self.qualifications,
            &mut self.identification,
        ] {
            tidy(s);
        }
        check.line("examination.employer", "employer", &self.employer);
        check.line(
            "examination.qualifications",
            "qualifications",
            &self.qualifications,
        );
        check.line(
            "examination.identification",
            "identification of the equipment",
            &self.identification,
        );
        if let Some(made) = self.manufactured
            && check.past_date(
                "examination.manufactured",
                "date of manufacture",
                made,
                EARLIEST_RECORD,
                today,
            )
            && made > date
        {
            check.fail(
                "examination.manufactured",
                "the date of manufacture cannot be after the examination",
            );
        }
        for (i, load) in self.safe_working_loads.iter_mut().enumerate() {
            tidy(&mut load.configuration);
            let field = format!("examination.safe_working_loads[{i}]");
            check.line(
                &format!("{field}.configuration"),
                "configuration",
                &load.configuration,
            );
            if !(1..=100_000).contains(&load.swl_kg) {
                check.fail(
                    format!("{field}.swl_kg"),
                    "enter the safe working load in kilograms (1 to 100,000)",
                );
            }
        }
        for d in self.defects.iter_mut() {
            tidy(&mut d.description);
            tidy(&mut d.repair_needed);
        }
        for (i, d) in self.defects.iter().enumerate() {
            let field = format!("examination.defects[{i}]");
            check.required(
                &format!("{field}.description"),
                "description of the defect",
                &d.description,
            );
            if d.repair_needed.chars().count() > MAX_LINE * 5 {
                check.fail(
                    format!("{field}.repair_needed"),
                    "the repair needed is too long: keep it under 1,000 characters",
                );
            } else {
                check.text(
                    &format!("{field}.repair_needed"),
                    "repair needed",
                    &d.repair_needed,
                );
            }
            match d.repair_by {
                None if !d.danger_now => check.fail(
                    format!("{field}.repair_by"),
                    "enter the date by which it must be repaired (a defect not yet a danger needs one)",
                ),
                Some(by) if by < date => check.fail(
                    format!("{field}.repair_by"),
                    "the repair-by date cannot be before the examination",
                ),
                Some(by) => {
                    check.date(
                        &format!("{field}.repair_by"),
                        "repair-by date",
                        by,
                        EARLIEST_RECORD,
                        today,
                    );
                }
                None => {}
            }
            if self.safe_to_operate && d.danger_now {
                check.fail(
                    format!("{field}.danger_now"),
                    "a defect that is a danger now means the equipment is not safe to operate",
                );
            }
        }
        if !self.safe_to_operate && self.defects.is_empty() {
            check.fail(
                "examination.defects",
                "record the defect that makes it not safe to operate",
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn defect(text: &str, danger_now: bool, repair_by: Option<NaiveDate>) -> Defect {
        Defect {
            description: text.into(),
            danger_now,
            repair_needed: String::new(),
            repair_by,
        }
    }

    fn fields(mut report: ExaminationReport) -> Vec<String> {
        let mut check = Check::new();
        report.check(d(2026, 11, 2), d(2026, 11, 22), &mut check);
        match check.finish() {
            Ok(()) => Vec::new(),
            Err(e) => e.fields().iter().map(|f| f.field.clone()).collect(),
        }
    }

    #[test]
    fn not_safe_to_operate_needs_a_defect() {
        let mut r = ExaminationReport::safe(IntervalBasis::SixMonths);
        r.safe_to_operate = false;
        assert_eq!(fields(r), vec!["examination.defects"]);
    }

    #[test]
    fn a_repair_by_date_before_the_examination_is_named_beside_its_defect() {
        let mut r = ExaminationReport::safe(IntervalBasis::SixMonths);
        r.defects = vec![
            defect("Worn castor", false, Some(d(2027, 1, 10))),
            defect("Frayed strap", false, Some(d(2026, 10, 1))),
        ];
        assert_eq!(fields(r), vec!["examination.defects[1].repair_by"]);
    }

    #[test]
    fn a_defect_not_yet_a_danger_needs_its_repair_by_date_and_one_dangerous_now_need_not() {
        let mut r = ExaminationReport::safe(IntervalBasis::SixMonths);
        r.defects = vec![defect("Worn castor", false, None)];
        assert_eq!(fields(r.clone()), vec!["examination.defects[0].repair_by"]);
        r.safe_to_operate = false;
        r.defects = vec![defect("Cracked boom", true, None)];
        assert!(fields(r).is_empty());
    }

    #[test]
    fn safe_to_operate_beside_a_danger_now_is_refused() {
        let mut r = ExaminationReport::safe(IntervalBasis::SixMonths);
        r.defects = vec![defect("Cracked boom", true, None)];
        assert_eq!(fields(r), vec!["examination.defects[0].danger_now"]);
    }

    #[test]
    fn each_safe_working_load_needs_a_weight_and_manufacture_precedes_the_examination() {
        let mut r = ExaminationReport::safe(IntervalBasis::TwelveMonths);
        r.safe_working_loads = vec![
            SafeWorkingLoad {
                configuration: "Long spreader bar".into(),
                swl_kg: 182,
            },
            SafeWorkingLoad {
                configuration: "Short bar".into(),
                swl_kg: 0,
            },
        ];
        r.manufactured = Some(d(2026, 11, 10));
        assert_eq!(
            fields(r),
            vec![
                "examination.manufactured",
                "examination.safe_working_loads[1].swl_kg"
            ]
        );
    }

    #[test]
    fn defects_read_as_one_line_and_repairs_come_earliest_first() {
        let mut r = ExaminationReport::safe(IntervalBasis::SixMonths);
        r.defects = vec![
            defect("Worn castor", false, Some(d(2027, 1, 10))),
            Defect {
                repair_needed: "replace the strap".into(),
                ..defect("Frayed strap", false, Some(d(2026, 12, 1)))
            },
        ];
        assert_eq!(
            r.defects_text(),
            "Worn castor, repair by 10 January 2027; Frayed strap: replace the strap, repair by 1 December 2026"
        );
        let due: Vec<NaiveDate> = r.repairs_due().iter().map(|(_, by)| *by).collect();
        assert_eq!(due, vec![d(2026, 12, 1), d(2027, 1, 10)]);
    }
}
