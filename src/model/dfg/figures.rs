//! The money of a case as the family and the council need to see it: the maximum grant in its
//! nation, what is expected to be needed above it, the owner-occupier land charge and whether
//! the child is means-tested, each with a sentence saying why.

use super::money::pounds;
use super::rules::Scheme;
use super::{DfgCase, DfgRules, FundingSplit, Stage, Tenure};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The figures of a case on a day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct GrantFigures {
    pub scheme: Scheme,
    /// The nation's maximum mandatory grant; `None` when there is no upper limit.
    pub max_grant_pence: Option<i64>,
    /// The nation's note from the rules (where a figure comes from, or a caution).
    pub nation_note: String,
    /// The OT's recommended adaptations, added up (those with an estimate).
    pub estimated_cost_pence: Option<i64>,
    pub chosen_quote_pence: Option<i64>,
    /// The amount on the full application.
    pub applied_pence: Option<i64>,
    pub approved_pence: Option<i64>,
    pub funding: Option<FundingSplit>,
    pub paid_pence: Option<i64>,
    /// The grant the land charge is worked out on: the approved mandatory grant or, before
    /// approval, the expected cost (applied for, chosen quote or estimate) up to the maximum.
    pub grant_pence: Option<i64>,
    /// `grant_pence` is a forecast, not yet approved.
    pub grant_is_projected: bool,
    /// How much of the expected cost is above the maximum grant: the gap a discretionary
    /// top-up, the family or a charity has to fill.
    pub above_max_pence: Option<i64>,
    pub land_charge_pence: Option<i64>,
    pub land_charge_years: u32,
    /// Why there is, or is not, a land charge.
    pub land_charge_note: String,
    pub means_tested: bool,
    pub means_test_note: String,
}

/// The case's figures. Age for the means test is taken on the application date, or on
/// `today` before there is one.
pub fn figures(
    case: &DfgCase,
    rules: &DfgRules,
    child_date_of_birth: NaiveDate,
    today: NaiveDate,
) -> GrantFigures {
    let nation = case.details.jurisdiction;
    let nation_rules = rules.jurisdiction(nation);
    let max = nation_rules.max_grant_pence;
    let estimates: Vec<i64> = case
        .adaptations()
        .iter()
        .filter_map(|a| a.estimated_cost_pence)
        .collect();
    let estimated = (!estimates.is_empty()).then(|| estimates.iter().sum());
    let chosen = case
        .quotes()
        .filter(|q| q.entry.chosen)
        .last()
        .and_then(|q| q.entry.amount_pence);
    let amount_of = |stage| case.stage(stage).and_then(|s| s.entry.amount_pence);
    let applied = amount_of(Stage::Application);
    let approval = case.stage(Stage::DecisionApproved);
    let approved = approval.and_then(|s| s.entry.amount_pence);
    let funding = approval.and_then(|s| s.entry.funding.clone());
    let refused = case.stage(Stage::DecisionRefused).is_some();
    let expected = approved.or(applied).or(chosen).or(estimated);
    let (grant, projected) = match (&funding, expected) {
        (Some(f), _) => (Some(f.mandatory_pence), false),
        (None, _) if refused => (None, false),
        (None, Some(cost)) => (Some(max.map_or(cost, |m| cost.min(m))), true),
        (None, None) => (None, false),
    };
    let above_max = match (expected, max) {
        (Some(cost), Some(m)) if cost > m && !refused => Some(cost - m),
        _ => None,
    };
    let land_charge = grant.and_then(|g| rules.land_charge(nation, case.details.tenure, g));
    let lc = &rules.land_charge;
    let land_charge_note = match (grant, land_charge) {
        _ if case.details.tenure != Tenure::OwnerOccupier => format!(
            "No land charge: only an owner-occupier's grant is charged on the home ({}).",
            case.details.tenure.label().to_lowercase()
        ),
        _ if nation_rules.scheme == Scheme::SchemeOfAssistance => {
            "No DFG land charge: the scheme of assistance sets its own conditions.".to_string()
        }
        _ if !nation_rules.land_charge => {
            format!("No land charge in {} under these rules.", nation.label())
        }
        (None, _) if refused => "No land charge: the grant was refused.".to_string(),
        (None, _) => "Worked out once there is a cost or an approved grant.".to_string(),
        (Some(_), None) => format!(
            "No land charge: the grant is {} or less.",
            pounds(lc.threshold_pence)
        ),
        (Some(g), Some(charge)) => format!(
            "{}{} (the grant above {}, at most {}), registered on the home for {} years and repayable if it is sold in that time, subject to hardship.",
            if projected {
                format!("If a grant of {} is approved: ", pounds(g))
            } else {
                String::new()
            },
            pounds(charge),
            pounds(lc.threshold_pence),
            pounds(lc.cap_pence),
            lc.years
        ),
    };
    let tested_on = case.date_of(Stage::Application).unwrap_or(today);
    let means_tested = rules.means_tested(child_date_of_birth, tested_on);
    let limit = rules.means_test_age_limit;
    let means_test_note = if means_tested {
        format!(
            "Means test applies: the disabled person was {limit} or over on {}.",
            tested_on.format("%-d %B %Y")
        )
    } else {
        format!("Not means-tested: grants for children under {limit} are not means-tested.")
    };
    GrantFigures {
        scheme: nation_rules.scheme,
        max_grant_pence: max,
        nation_note: nation_rules.note.clone(),
        estimated_cost_pence: estimated,
        chosen_quote_pence: chosen,
        applied_pence: applied,
        approved_pence: approved,
        funding,
        paid_pence: amount_of(Stage::Paid),
        grant_pence: grant,
        grant_is_projected: projected,
        above_max_pence: above_max,
        land_charge_pence: land_charge,
        land_charge_years: lc.years,
        land_charge_note,
        means_tested,
        means_test_note,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::dfg::{
        Adaptation, AdaptationKind, DfgCaseDetails, Jurisdiction, StageEntry, StageRecord,
    };
    use crate::model::{ChildId, DfgCaseId, DfgStageId};
    use chrono::{TimeZone, Utc};

    const POUND: i64 = 100;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn case(tenure: Tenure, j: Jurisdiction, entries: Vec<StageEntry>) -> DfgCase {
        let at = Utc.with_ymd_and_hms(2026, 1, 1, 12, 0, 0).unwrap();
        DfgCase {
            id: DfgCaseId::new(),
            child_id: ChildId::new(),
            details: DfgCaseDetails::new(tenure, j),
            stages: entries
                .into_iter()
                .map(|entry| StageRecord {
                    id: DfgStageId::new(),
                    entry,
                    recorded_at: at,
                })
                .collect(),
            notes: Vec::new(),
            opened_at: at,
            updated_at: at,
        }
    }

    fn recommended(pounds_each: &[i64]) -> StageEntry {
        StageEntry {
            adaptations: pounds_each
                .iter()
                .map(|p| Adaptation {
                    kind: AdaptationKind::LevelAccessShower,
                    description: String::new(),
                    estimated_cost_pence: Some(p * POUND),
                })
                .collect(),
            ..StageEntry::new(Stage::Recommendation, d(2026, 2, 1), "Mia Patel")
        }
    }

    fn approved(total: i64, mandatory: i64) -> StageEntry {
        StageEntry {
            amount_pence: Some(total * POUND),
            funding: Some(FundingSplit {
                mandatory_pence: mandatory * POUND,
                discretionary_pence: (total - mandatory) * POUND,
                ..Default::default()
            }),
            ..StageEntry::new(Stage::DecisionApproved, d(2026, 6, 1), "Mia Patel")
        }
    }

    fn child() -> NaiveDate {
        d(2016, 5, 1)
    }

    #[test]
    fn an_approved_owner_occupiers_grant_of_12000_carries_a_7000_charge() {
        let c = case(
            Tenure::OwnerOccupier,
            Jurisdiction::England,
            vec![recommended(&[8_000, 4_000]), approved(12_000, 12_000)],
        );
        let f = figures(&c, &DfgRules::default(), child(), d(2026, 11, 22));
        assert_eq!(f.estimated_cost_pence, Some(12_000 * POUND));
        assert_eq!(f.grant_pence, Some(12_000 * POUND));
        assert!(!f.grant_is_projected);
        assert_eq!(f.land_charge_pence, Some(7_000 * POUND));
        assert!(
            f.land_charge_note
                .starts_with("£7,000 (the grant above £5,000, at most £10,000)")
        );
        assert!(f.land_charge_note.contains("10 years"));
        assert_eq!(f.max_grant_pence, Some(30_000 * POUND));
        assert!(!f.means_tested);
        assert!(f.means_test_note.contains("under 18"));
    }

    #[test]
    fn before_approval_the_charge_is_forecast_on_the_estimate_up_to_the_maximum() {
        let c = case(
            Tenure::OwnerOccupier,
            Jurisdiction::England,
            vec![recommended(&[42_000])],
        );
        let f = figures(&c, &DfgRules::default(), child(), d(2026, 11, 22));
        assert_eq!(f.grant_pence, Some(30_000 * POUND));
        assert!(f.grant_is_projected);
        assert_eq!(f.above_max_pence, Some(12_000 * POUND));
        assert_eq!(f.land_charge_pence, Some(10_000 * POUND));
        assert!(
            f.land_charge_note
                .starts_with("If a grant of £30,000 is approved: £10,000"),
            "{}",
            f.land_charge_note
        );
    }

    #[test]
    fn tenants_and_scotland_have_no_land_charge() {
        for (tenure, j, says) in [
            (
                Tenure::CouncilTenant,
                Jurisdiction::England,
                "owner-occupier",
            ),
            (Tenure::PrivateTenant, Jurisdiction::Wales, "owner-occupier"),
            (
                Tenure::OwnerOccupier,
                Jurisdiction::Scotland,
                "scheme of assistance",
            ),
            (
                Tenure::OwnerOccupier,
                Jurisdiction::NorthernIreland,
                "Northern Ireland",
            ),
        ] {
            let c = case(tenure, j, vec![approved(20_000, 20_000)]);
            let f = figures(&c, &DfgRules::default(), child(), d(2026, 11, 22));
            assert_eq!(f.land_charge_pence, None, "{tenure:?} {j:?}");
            assert!(f.land_charge_note.contains(says), "{}", f.land_charge_note);
        }
        let scotland = case(Tenure::OwnerOccupier, Jurisdiction::Scotland, vec![]);
        let f = figures(&scotland, &DfgRules::default(), child(), d(2026, 11, 22));
        assert_eq!(f.scheme, Scheme::SchemeOfAssistance);
        assert_eq!(f.max_grant_pence, None);
    }

    #[test]
    fn a_small_grant_has_no_charge_and_a_young_adult_is_means_tested() {
        let mut small = approved(4_500, 4_500);
        small.date = d(2026, 6, 1);
        let c = case(Tenure::OwnerOccupier, Jurisdiction::England, vec![small]);
        let f = figures(&c, &DfgRules::default(), d(2008, 1, 1), d(2026, 11, 22));
        assert_eq!(f.land_charge_pence, None);
        assert_eq!(
            f.land_charge_note,
            "No land charge: the grant is £5,000 or less."
        );
        assert!(f.means_tested);
        let nineteen = DfgRules {
            means_test_age_limit: 19,
            ..DfgRules::default()
        };
        let f = figures(&c, &nineteen, d(2008, 1, 1), d(2026, 11, 22));
        assert!(!f.means_tested);
    }
}
