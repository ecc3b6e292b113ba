//! The figures DFG cases are judged by, kept as configuration rather than code: the maximum
//! mandatory grant in each UK nation, the statutory clocks, the owner-occupier land charge and
//! the age under which a child is not means-tested. The defaults follow the law as of the
//! 2025/26 position (DOMAIN.md §2); a team changes them in the app's settings when the law
//! or its council's policy differs.

use super::money::{MAX_PENCE, pounds};
use super::{Jurisdiction, Tenure};
use crate::error::{Error, FieldError, Result};
use crate::model::labelled::labelled_enum;
use crate::model::service::add_months;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

labelled_enum! {
    pub enum Scheme ("a grant scheme") {
        Dfg => ("dfg", "Disabled Facilities Grant"),
        SchemeOfAssistance => ("scheme-of-assistance", "Scheme of assistance"),
    }
}

/// How one nation funds adaptations.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct JurisdictionRules {
    pub scheme: Scheme,
    /// The most the mandatory grant can be, in pence; `None` when there is no upper limit.
    pub max_grant_pence: Option<i64>,
    /// Whether the statutory decision, works and payment deadlines apply.
    pub statutory_clocks: bool,
    /// Whether an owner-occupier's grant above the threshold is registered as a land charge.
    pub land_charge: bool,
    /// Shown beside the figures: where they come from, or a caution about them.
    pub note: String,
}

/// The owner-occupier land charge (General Consent 2008): the part of the grant above the
/// threshold, up to the cap, repayable if the home is sold within the years given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct LandChargeRules {
    pub threshold_pence: i64,
    pub cap_pence: i64,
    pub years: u32,
}

impl Default for LandChargeRules {
    fn default() -> Self {
        LandChargeRules {
            threshold_pence: 500_000,
            cap_pence: 1_000_000,
            years: 10,
        }
    }
}

/// Every DFG figure, stored in the app's settings. Fields missing from a stored copy take
/// their defaults, so a new figure never loses the ones a team has set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(default)]
pub struct DfgRules {
    pub england: JurisdictionRules,
    pub wales: JurisdictionRules,
    pub scotland: JurisdictionRules,
    pub northern_ireland: JurisdictionRules,
    /// The council decides a full application within this many months (HGCRA 1996 s34).
    pub decision_months: u32,
    /// Works are expected to be finished within this many months of approval.
    pub works_months: u32,
    /// The grant is paid no later than this many months after the application.
    pub payment_months: u32,
    pub land_charge: LandChargeRules,
    /// Children under this age are not means-tested: gov.uk says under 18, some councils 19.
    pub means_test_age_limit: u32,
}

impl Default for DfgRules {
    fn default() -> Self {
        DfgRules {
            england: JurisdictionRules {
                scheme: Scheme::Dfg,
                max_grant_pence: Some(3_000_000),
                statutory_clocks: true,
                land_charge: true,
                note: "£30,000 maximum mandatory grant, unchanged since 2008.".into(),
            },
            wales: JurisdictionRules {
                scheme: Scheme::Dfg,
                max_grant_pence: Some(3_600_000),
                statutory_clocks: true,
                land_charge: true,
                note: "£36,000 maximum mandatory grant.".into(),
            },
            scotland: JurisdictionRules {
                scheme: Scheme::SchemeOfAssistance,
                max_grant_pence: None,
                statutory_clocks: false,
                land_charge: false,
                note: "Scotland has no DFG: adaptations are funded through the council's scheme of \
                       assistance (Housing (Scotland) Act 2006), at least 80% grant and no upper limit."
                    .into(),
            },
            northern_ireland: JurisdictionRules {
                scheme: Scheme::Dfg,
                max_grant_pence: Some(2_500_000),
                statutory_clocks: true,
                land_charge: false,
                note: "Sources disagree on the maximum: nidirect says £25,000 (up to £50,000), the \
                       Housing Executive £35,000 (up to £70,000). Check with the Housing Executive."
                    .into(),
            },
            decision_months: 6,
            works_months: 12,
            payment_months: 12,
            land_charge: LandChargeRules::default(),
            means_test_age_limit: 18,
        }
    }
}

impl DfgRules {
    pub fn jurisdiction(&self, j: Jurisdiction) -> &JurisdictionRules {
        match j {
            Jurisdiction::England => &self.england,
            Jurisdiction::Wales => &self.wales,
            Jurisdiction::Scotland => &self.scotland,
            Jurisdiction::NorthernIreland => &self.northern_ireland,
        }
    }

    /// The most the mandatory grant can be; `None` when there is no upper limit.
    pub fn max_grant(&self, j: Jurisdiction) -> Option<i64> {
        self.jurisdiction(j).max_grant_pence
    }

    /// The land charge on a grant: the part above the threshold, up to the cap, for an
    /// owner-occupier where the nation charges one. `None` when nothing is charged.
    pub fn land_charge(&self, j: Jurisdiction, tenure: Tenure, grant_pence: i64) -> Option<i64> {
        if tenure != Tenure::OwnerOccupier || !self.jurisdiction(j).land_charge {
            return None;
        }
        let lc = &self.land_charge;
        let charge = (grant_pence - lc.threshold_pence).min(lc.cap_pence);
        (charge > 0).then_some(charge)
    }

    /// Whether the disabled occupant is means-tested: children under the age limit on `on`
    /// (the application date, or today before there is one) are not.
    pub fn means_tested(&self, date_of_birth: NaiveDate, on: NaiveDate) -> bool {
        on.years_since(date_of_birth)
            .is_some_and(|age| age >= self.means_test_age_limit)
    }

    pub fn decision_due(&self, application: NaiveDate) -> NaiveDate {
        add_months(application, self.decision_months)
    }

    pub fn works_due(&self, approval: NaiveDate) -> NaiveDate {
        add_months(approval, self.works_months)
    }

    pub fn payment_due(&self, application: NaiveDate) -> NaiveDate {
        add_months(application, self.payment_months)
    }

    /// Checks figures a person edited: every problem at once, named by its field.
    pub fn validated(mut self) -> Result<Self> {
        let mut problems = Vec::new();
        for (name, j) in [
            ("england", &mut self.england),
            ("wales", &mut self.wales),
            ("scotland", &mut self.scotland),
            ("northern_ireland", &mut self.northern_ireland),
        ] {
            j.note = j.note.trim().to_string();
            if let Some(max) = j.max_grant_pence
                && !(1..=MAX_PENCE).contains(&max)
            {
                problems.push(FieldError::new(
                    format!("{name}.max_grant_pence"),
                    format!(
                        "give the maximum grant in pounds, more than £0 and at most {}, or leave it empty for no upper limit",
                        pounds(MAX_PENCE)
                    ),
                ));
            }
            if j.note.chars().count() > crate::model::MAX_TEXT {
                problems.push(FieldError::new(
                    format!("{name}.note"),
                    "the note is too long: keep it to a few sentences",
                ));
            } else if let Some(c) = crate::model::check::unsafe_char(&j.note, true) {
                problems.push(FieldError::new(
                    format!("{name}.note"),
                    crate::model::check::unsafe_char_message("note", c),
                ));
            }
        }
        for (field, months) in [
            ("decision_months", self.decision_months),
            ("works_months", self.works_months),
            ("payment_months", self.payment_months),
        ] {
            if !(1..=36).contains(&months) {
                problems.push(FieldError::new(field, "choose between 1 and 36 months"));
            }
        }
        let lc = &self.land_charge;
        if !(0..=MAX_PENCE).contains(&lc.threshold_pence) {
            problems.push(FieldError::new(
                "land_charge.threshold_pence",
                "the amount above which a land charge applies cannot be negative",
            ));
        }
        if !(1..=MAX_PENCE).contains(&lc.cap_pence) {
            problems.push(FieldError::new(
                "land_charge.cap_pence",
                "the most a land charge can be must be more than £0",
            ));
        }
        if !(1..=30).contains(&lc.years) {
            problems.push(FieldError::new(
                "land_charge.years",
                "a land charge lasts between 1 and 30 years",
            ));
        }
        if !(18..=19).contains(&self.means_test_age_limit) {
            problems.push(FieldError::new(
                "means_test_age_limit",
                "children are not means-tested under 18 (gov.uk) or, in some councils, under 19: choose 18 or 19",
            ));
        }
        if problems.is_empty() {
            Ok(self)
        } else {
            Err(Error::Invalid(problems))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    const POUND: i64 = 100;

    #[test]
    fn the_maximum_grant_is_set_per_nation_and_does_not_depend_on_tenure() {
        let rules = DfgRules::default();
        assert_eq!(rules.max_grant(Jurisdiction::England), Some(30_000 * POUND));
        assert_eq!(rules.max_grant(Jurisdiction::Wales), Some(36_000 * POUND));
        assert_eq!(rules.max_grant(Jurisdiction::Scotland), None);
        assert_eq!(
            rules.max_grant(Jurisdiction::NorthernIreland),
            Some(25_000 * POUND)
        );
        assert_eq!(
            rules.jurisdiction(Jurisdiction::Scotland).scheme,
            Scheme::SchemeOfAssistance
        );
        assert!(
            rules
                .jurisdiction(Jurisdiction::NorthernIreland)
                .note
                .contains("disagree")
        );
    }

    #[test]
    fn the_land_charge_is_the_grant_above_5000_up_to_10000() {
        let rules = DfgRules::default();
        let charge = |grant_pounds: i64| {
            rules.land_charge(
                Jurisdiction::England,
                Tenure::OwnerOccupier,
                grant_pounds * POUND,
            )
        };
        assert_eq!(charge(12_000), Some(7_000 * POUND));
        assert_eq!(charge(15_000), Some(10_000 * POUND));
        assert_eq!(charge(30_000), Some(10_000 * POUND));
        assert_eq!(charge(14_999), Some(9_999 * POUND));
        assert_eq!(charge(5_000), None);
        assert_eq!(charge(4_000), None);
        assert_eq!(
            rules.land_charge(Jurisdiction::England, Tenure::OwnerOccupier, 500_001),
            Some(1)
        );
        assert_eq!(rules.land_charge.years, 10);
    }

    #[test]
    fn cap_and_land_charge_for_every_tenure_and_nation() {
        let rules = DfgRules::default();
        let grant = 12_000 * POUND;
        for &j in Jurisdiction::ALL {
            for &t in Tenure::ALL {
                let expected = match (j, t) {
                    (Jurisdiction::England | Jurisdiction::Wales, Tenure::OwnerOccupier) => {
                        Some(7_000 * POUND)
                    }
                    _ => None,
                };
                assert_eq!(rules.land_charge(j, t, grant), expected, "{j:?} {t:?}");
                let cap = match j {
                    Jurisdiction::England => Some(30_000 * POUND),
                    Jurisdiction::Wales => Some(36_000 * POUND),
                    Jurisdiction::Scotland => None,
                    Jurisdiction::NorthernIreland => Some(25_000 * POUND),
                };
                assert_eq!(rules.max_grant(j), cap, "{j:?} {t:?}");
            }
        }
    }

    #[test]
    fn the_figures_are_configurable() {
        let mut rules = DfgRules::default();
        rules.northern_ireland.max_grant_pence = Some(35_000 * POUND);
        rules.northern_ireland.land_charge = true;
        rules.land_charge.threshold_pence = 0;
        let rules = rules.validated().unwrap();
        assert_eq!(
            rules.max_grant(Jurisdiction::NorthernIreland),
            Some(35_000 * POUND)
        );
        assert_eq!(
            rules.land_charge(
                Jurisdiction::NorthernIreland,
                Tenure::OwnerOccupier,
                3_000 * POUND
            ),
            Some(3_000 * POUND)
        );
    }

    #[test]
    fn children_under_the_age_limit_are_not_means_tested() {
        let mut rules = DfgRules::default();
        let dob = d(2008, 3, 14);
        assert!(
            !rules.means_tested(dob, d(2026, 3, 13)),
            "17 the day before"
        );
        assert!(
            rules.means_tested(dob, d(2026, 3, 14)),
            "18 on the birthday"
        );
        rules.means_test_age_limit = 19;
        assert!(!rules.means_tested(dob, d(2026, 3, 14)));
        assert!(rules.means_tested(dob, d(2027, 3, 14)));
    }

    #[test]
    fn clocks_count_whole_months_as_the_law_reads_them() {
        let rules = DfgRules::default();
        assert_eq!(rules.decision_due(d(2026, 8, 31)), d(2027, 2, 28));
        assert_eq!(rules.decision_due(d(2027, 8, 31)), d(2028, 2, 29));
        assert_eq!(rules.decision_due(d(2026, 3, 3)), d(2026, 9, 3));
        assert_eq!(rules.works_due(d(2028, 2, 29)), d(2029, 2, 28));
        assert_eq!(rules.payment_due(d(2027, 2, 28)), d(2028, 2, 28));
        assert_eq!(rules.payment_due(d(2025, 12, 31)), d(2026, 12, 31));
    }

    #[test]
    fn bad_figures_are_refused_all_at_once() {
        let mut rules = DfgRules::default();
        rules.england.max_grant_pence = Some(0);
        rules.decision_months = 0;
        rules.means_test_age_limit = 21;
        rules.land_charge.years = 0;
        let err = rules.validated().unwrap_err();
        let fields: Vec<&str> = err.fields().iter().map(|f| f.field.as_str()).collect();
        assert_eq!(
            fields,
            vec![
                "england.max_grant_pence",
                "decision_months",
                "land_charge.years",
                "means_test_age_limit"
            ]
        );
    }

    #[test]
    fn a_nations_note_keeps_line_breaks_but_no_control_characters() {
        let mut rules = DfgRules::default();
        rules.wales.note = "First line.\nSecond line.".into();
        assert!(rules.clone().validated().is_ok());
        rules.wales.note = "Note\u{1b}[2J".into();
        let err = rules.validated().unwrap_err();
        assert_eq!(err.fields()[0].field, "wales.note");
        assert!(err.fields()[0].message.contains("U+001B"));
    }

    #[test]
    fn a_stored_copy_missing_figures_takes_the_defaults() {
        let rules: DfgRules = serde_json::from_str(r#"{"means_test_age_limit": 19}"#).unwrap();
        assert_eq!(rules.means_test_age_limit, 19);
        assert_eq!(rules.decision_months, 6);
        assert_eq!(rules.wales.max_grant_pence, Some(3_600_000));
    }
}
