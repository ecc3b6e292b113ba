//! Disabled Facilities Grant cases on the demo caseload: one at every stage from a fresh
//! referral to a closed case, two with a statutory deadline overdue (a decision past its
//! 6 months, works past their 12 months), one on hold with its decision due soon, one
//! withdrawn, a Welsh case and a Scottish scheme of assistance. Every case goes through the
//! public [`Api`] stage by stage, so the demo obeys the stage order like a person would, and
//! every date counts back from the clock's today.

use super::children::{Kid, profiles};
use super::people::OTS;
use crate::Api;
use crate::error::Result;
use crate::model::ChildId;
use crate::model::dfg::{
    Adaptation, AdaptationKind, DfgCaseDetails, FundingSplit, Jurisdiction, Stage, StageEntry,
    Tenure,
};
use chrono::Days;

const POUND: i64 = 100;
const COUNCIL: &str = "Birmingham City Council";
const AGENCY: &str = "Kingsmere Home Improvement Agency";

/// One thing that happens to a case, so many days before today.
enum Step {
    At(Stage, u64),
    Recommend(u64, &'static [(AdaptationKind, &'static str, i64)]),
    Quote(u64, &'static str, i64, bool),
    /// A stage with an amount in pounds (application, payment).
    Amount(Stage, u64, i64),
    /// Approved in pounds: the total, with the discretionary top-up and family contribution
    /// (the rest is mandatory grant).
    Approve(u64, i64, i64, i64),
    Refuse(u64, &'static str),
    Hold(u64, &'static str),
    Withdraw(u64, &'static str),
    Note(&'static str),
}

use Step::*;

/// A case: whose, where, and what has happened so far.
struct Plan {
    kid: Kid,
    tenure: Tenure,
    jurisdiction: Jurisdiction,
    /// Another home than the child's (address, postcode, council).
    elsewhere: Option<(&'static str, &'static str, &'static str)>,
    agency: bool,
    /// Index into the team's OTs: who records the stages.
    ot: usize,
    steps: &'static [Step],
}

const SHOWER: AdaptationKind = AdaptationKind::LevelAccessShower;

const PLANS: &[Plan] = &[
    // A fresh referral.
    Plan {
        kid: Kid::Zoe,
        tenure: Tenure::OwnerOccupier,
        jurisdiction: Jurisdiction::England,
        elsewhere: None,
        agency: false,
        ot: 0,
        steps: &[At(Stage::Referral, 12)],
    },
    // Assessed, recommendation to follow.
    Plan {
        kid: Kid::Ishaan,
        tenure: Tenure::CouncilTenant,
        jurisdiction: Jurisdiction::England,
        elsewhere: None,
        agency: false,
        ot: 0,
        steps: &[At(Stage::Referral, 41), At(Stage::Assessment, 18)],
    },
    Plan {
        kid: Kid::Kwame,
        tenure: Tenure::HousingAssociation,
        jurisdiction: Jurisdiction::England,
        elsewhere: None,
        agency: false,
        ot: 0,
        steps: &[
            At(Stage::Referral, 72),
            At(Stage::Assessment, 51),
            Recommend(
                20,
                &[
                    (
                        AdaptationKind::Ramp,
                        "Ramp to the front door, 1:15 gradient, with handrails",
                        3_200,
                    ),
                    (
                        AdaptationKind::DoorWidening,
                        "Widen the kitchen and back doors for the walker",
                        1_850,
                    ),
                ],
            ),
        ],
    },
    Plan {
        kid: Kid::Maryam,
        tenure: Tenure::PrivateTenant,
        jurisdiction: Jurisdiction::England,
        elsewhere: None,
        agency: true,
        ot: 0,
        steps: &[
            At(Stage::Referral, 112),
            At(Stage::Assessment, 90),
            Recommend(
                75,
                &[(
                    SHOWER,
                    "Level-access shower in place of the bath, with a fold-down seat",
                    7_400,
                )],
            ),
            At(Stage::WorksAgreed, 31),
            Note("Landlord has agreed the works in writing; copy on the agency's file."),
        ],
    },
    // Two quotes in, one chosen; the application is next.
    Plan {
        kid: Kid::Jakub,
        tenure: Tenure::OwnerOccupier,
        jurisdiction: Jurisdiction::England,
        elsewhere: None,
        agency: true,
        ot: 1,
        steps: &[
            At(Stage::Referral, 150),
            At(Stage::Assessment, 131),
            Recommend(
                116,
                &[(
                    AdaptationKind::ThroughFloorLift,
                    "Through-floor lift from the lounge to the main bedroom, wheelchair-sized platform",
                    19_000,
                )],
            ),
            At(Stage::WorksAgreed, 95),
            Quote(61, "Severn Access Lifts Ltd", 19_650, false),
            Quote(44, "Cotteridge Mobility Installations", 18_920, true),
        ],
    },
    // Applied five and a half months ago and put on hold: the decision is due soon all the
    // same.
    Plan {
        kid: Kid::Hoa,
        tenure: Tenure::PrivateTenant,
        jurisdiction: Jurisdiction::England,
        elsewhere: None,
        agency: true,
        ot: 1,
        steps: &[
            At(Stage::Referral, 330),
            At(Stage::Assessment, 305),
            Recommend(
                280,
                &[(
                    AdaptationKind::CeilingTrackHoist,
                    "Ceiling track hoist, bedroom to bathroom (room-to-room)",
                    6_800,
                )],
            ),
            At(Stage::WorksAgreed, 250),
            Quote(215, "Midland Hoist Services", 6_450, true),
            Amount(Stage::Application, 166, 6_450),
            Hold(
                21,
                "Hoa is in hospital after spinal surgery; the OT will review the hoist plan when she is home.",
            ),
        ],
    },
    // The decision is overdue: applied seven months ago.
    Plan {
        kid: Kid::Ahmed,
        tenure: Tenure::OwnerOccupier,
        jurisdiction: Jurisdiction::England,
        elsewhere: None,
        agency: true,
        ot: 1,
        steps: &[
            At(Stage::Referral, 420),
            At(Stage::Assessment, 398),
            Recommend(
                370,
                &[
                    (
                        AdaptationKind::Extension,
                        "Ground-floor bedroom and wet room extension",
                        41_500,
                    ),
                    (
                        AdaptationKind::CeilingTrackHoist,
                        "Ceiling track hoist in the new bedroom and wet room",
                        6_200,
                    ),
                ],
            ),
            At(Stage::WorksAgreed, 320),
            Quote(268, "Northfield Building Contractors", 46_900, true),
            Amount(Stage::Application, 215, 46_900),
            Note(
                "Rang the council's DFG team: the decision is waiting on their discretionary top-up panel.",
            ),
        ],
    },
    // Approved two months ago: the works clock runs.
    Plan {
        kid: Kid::Sian,
        tenure: Tenure::OwnerOccupier,
        jurisdiction: Jurisdiction::England,
        elsewhere: None,
        agency: false,
        ot: 0,
        steps: &[
            At(Stage::Referral, 300),
            At(Stage::Assessment, 280),
            Recommend(
                262,
                &[
                    (SHOWER, "Wet room on the ground floor", 8_200),
                    (
                        AdaptationKind::Stairlift,
                        "Curved stairlift with a swivel seat",
                        3_800,
                    ),
                ],
            ),
            At(Stage::WorksAgreed, 230),
            Quote(190, "Bournville Bathrooms & Access", 12_000, true),
            Amount(Stage::Application, 150, 12_000),
            Approve(60, 12_000, 0, 0),
        ],
    },
    // Refused: the council's housing team will move the family instead.
    Plan {
        kid: Kid::Ayesha,
        tenure: Tenure::CouncilTenant,
        jurisdiction: Jurisdiction::England,
        elsewhere: None,
        agency: false,
        ot: 1,
        steps: &[
            At(Stage::Referral, 290),
            At(Stage::Assessment, 270),
            Recommend(
                255,
                &[(
                    AdaptationKind::Extension,
                    "Downstairs bedroom and shower room",
                    38_000,
                )],
            ),
            At(Stage::WorksAgreed, 220),
            Amount(Stage::Application, 160, 38_000),
            Refuse(
                31,
                "Not reasonable and practicable: the council will offer an adapted ground-floor home instead",
            ),
        ],
    },
    Plan {
        kid: Kid::Seun,
        tenure: Tenure::HousingAssociation,
        jurisdiction: Jurisdiction::England,
        elsewhere: None,
        agency: true,
        ot: 1,
        steps: &[
            At(Stage::Referral, 330),
            At(Stage::Assessment, 310),
            Recommend(
                290,
                &[(
                    SHOWER,
                    "Level-access shower with a height-adjustable changing bench",
                    8_400,
                )],
            ),
            At(Stage::WorksAgreed, 260),
            Quote(236, "Kings Heath Property Care", 8_400, true),
            Amount(Stage::Application, 200, 8_400),
            Approve(110, 8_400, 0, 0),
            At(Stage::WorksStarted, 20),
        ],
    },
    // The works are overdue: approved more than a year ago and not finished.
    Plan {
        kid: Kid::Freya,
        tenure: Tenure::OwnerOccupier,
        jurisdiction: Jurisdiction::England,
        elsewhere: None,
        agency: true,
        ot: 1,
        steps: &[
            At(Stage::Referral, 560),
            At(Stage::Assessment, 540),
            Recommend(
                520,
                &[
                    (
                        AdaptationKind::CeilingTrackHoist,
                        "Ceiling track hoist covering bedroom and bathroom",
                        7_100,
                    ),
                    (SHOWER, "Wet room with a tilting shower chair", 9_300),
                ],
            ),
            At(Stage::WorksAgreed, 500),
            Quote(480, "Rednal Access Solutions", 16_400, true),
            Amount(Stage::Application, 460, 16_400),
            Approve(400, 16_400, 0, 0),
            At(Stage::WorksStarted, 300),
            Note(
                "Contractor stopped work when asbestos was found in the bathroom ceiling; removal booked.",
            ),
        ],
    },
    Plan {
        kid: Kid::Chidi,
        tenure: Tenure::PrivateTenant,
        jurisdiction: Jurisdiction::England,
        elsewhere: None,
        agency: false,
        ot: 0,
        steps: &[
            At(Stage::Referral, 330),
            At(Stage::Assessment, 315),
            Recommend(
                300,
                &[(
                    AdaptationKind::Ramp,
                    "Ramp and level threshold to the back garden",
                    4_600,
                )],
            ),
            At(Stage::WorksAgreed, 280),
            Quote(270, "Moseley Groundworks", 4_450, true),
            Amount(Stage::Application, 260, 4_450),
            Approve(170, 4_450, 0, 0),
            At(Stage::WorksStarted, 60),
            At(Stage::WorksCompleted, 10),
        ],
    },
    // Wales: the family's new home in Cardiff, above England's maximum but within Wales's.
    Plan {
        kid: Kid::Gwyn,
        tenure: Tenure::OwnerOccupier,
        jurisdiction: Jurisdiction::Wales,
        elsewhere: Some((
            "14 Heol y Felin, Whitchurch, Cardiff",
            "CF14 1AB",
            "Cardiff Council",
        )),
        agency: false,
        ot: 0,
        steps: &[
            At(Stage::Referral, 400),
            At(Stage::Assessment, 380),
            Recommend(
                350,
                &[
                    (
                        AdaptationKind::Extension,
                        "Ground-floor bedroom extension with wet room",
                        34_000,
                    ),
                    (
                        AdaptationKind::DoorWidening,
                        "Widen the front and hall doors",
                        2_400,
                    ),
                ],
            ),
            At(Stage::WorksAgreed, 330),
            Quote(300, "Taff Valley Builders", 38_500, true),
            Amount(Stage::Application, 280, 38_500),
            Approve(200, 38_500, 2_500, 0),
            At(Stage::WorksStarted, 100),
            At(Stage::WorksCompleted, 30),
            At(Stage::SignOff, 7),
        ],
    },
    // Scotland has no DFG: a scheme of assistance, with no statutory DFG clocks.
    Plan {
        kid: Kid::Oisin,
        tenure: Tenure::OwnerOccupier,
        jurisdiction: Jurisdiction::Scotland,
        elsewhere: Some((
            "3 Kelvindale Gardens, Glasgow",
            "G12 0NX",
            "Glasgow City Council",
        )),
        agency: false,
        ot: 0,
        steps: &[
            At(Stage::Referral, 330),
            At(Stage::Assessment, 318),
            Recommend(
                300,
                &[(
                    AdaptationKind::Stairlift,
                    "Straight stairlift to the first floor",
                    4_100,
                )],
            ),
            At(Stage::WorksAgreed, 280),
            Quote(265, "Clydeside Stairlifts", 3_950, true),
            Amount(Stage::Application, 250, 3_950),
        ],
    },
    // An earlier stairlift, paid.
    Plan {
        kid: Kid::Zoe,
        tenure: Tenure::OwnerOccupier,
        jurisdiction: Jurisdiction::England,
        elsewhere: None,
        agency: false,
        ot: 0,
        steps: &[
            At(Stage::Referral, 420),
            At(Stage::Assessment, 405),
            Recommend(
                390,
                &[(
                    AdaptationKind::Stairlift,
                    "Straight stairlift with a powered swivel seat",
                    4_300,
                )],
            ),
            At(Stage::WorksAgreed, 370),
            Quote(350, "Hall Green Stairlifts", 4_180, true),
            Amount(Stage::Application, 300, 4_180),
            Approve(240, 4_180, 0, 0),
            At(Stage::WorksStarted, 200),
            At(Stage::WorksCompleted, 199),
            At(Stage::SignOff, 185),
            Amount(Stage::Paid, 160, 4_180),
        ],
    },
    // Closed two years ago.
    Plan {
        kid: Kid::Jakub,
        tenure: Tenure::OwnerOccupier,
        jurisdiction: Jurisdiction::England,
        elsewhere: None,
        agency: true,
        ot: 1,
        steps: &[
            At(Stage::Referral, 1_100),
            At(Stage::Assessment, 1_080),
            Recommend(
                1_060,
                &[(
                    AdaptationKind::Ramp,
                    "Ramp to the front door with a level landing",
                    2_900,
                )],
            ),
            At(Stage::WorksAgreed, 1_040),
            Quote(1_020, "Sandpiper Groundworks", 2_750, true),
            Amount(Stage::Application, 1_000, 2_750),
            Approve(930, 2_750, 0, 0),
            At(Stage::WorksStarted, 880),
            At(Stage::WorksCompleted, 876),
            At(Stage::SignOff, 870),
            Amount(Stage::Paid, 850, 2_750),
            At(Stage::Closed, 845),
        ],
    },
    // Withdrawn: the family moved to an adapted home.
    Plan {
        kid: Kid::Ishaan,
        tenure: Tenure::CouncilTenant,
        jurisdiction: Jurisdiction::England,
        elsewhere: None,
        agency: false,
        ot: 0,
        steps: &[
            At(Stage::Referral, 700),
            At(Stage::Assessment, 682),
            Recommend(
                660,
                &[(
                    SHOWER,
                    "Level-access shower in the first-floor bathroom",
                    6_900,
                )],
            ),
            At(Stage::WorksAgreed, 640),
            Quote(610, "Acocks Green Building Services", 7_150, true),
            Withdraw(
                590,
                "The family moved to an adapted council bungalow on Fox Hollies Road",
            ),
        ],
    },
];

/// Adds the demo's DFG cases for the children just created; returns how many.
pub fn create(api: &mut Api, children: &[(Kid, ChildId)]) -> Result<usize> {
    let today = api.today();
    let ago = |days: u64| today - Days::new(days);
    let mut count = 0;
    for plan in PLANS {
        let Some(&(_, child)) = children.iter().find(|(k, _)| *k == plan.kid) else {
            continue;
        };
        let profile = profiles()
            .find(|p| p.kid == plan.kid)
            .expect("every kid has a profile");
        let mut details = DfgCaseDetails::new(plan.tenure, plan.jurisdiction);
        details.council = COUNCIL.into();
        if let Some((address, postcode, council)) = plan.elsewhere {
            details.property_address = address.into();
            details.postcode = postcode.into();
            details.council = council.into();
        }
        if plan.agency {
            details.agency = AGENCY.into();
        }
        details.applicant = profile
            .family
            .first()
            .map(|p| p.name.to_string())
            .unwrap_or_default();
        let id = api.open_dfg_case(child, details)?.case.id;
        let by = OTS[plan.ot].name;
        for step in plan.steps {
            let entry = match *step {
                At(stage, days) => StageEntry::new(stage, ago(days), by),
                Recommend(days, adaptations) => StageEntry {
                    adaptations: adaptations
                        .iter()
                        .map(|&(kind, description, pounds)| Adaptation {
                            kind,
                            description: description.into(),
                            estimated_cost_pence: Some(pounds * POUND),
                        })
                        .collect(),
                    ..StageEntry::new(Stage::Recommendation, ago(days), by)
                },
                Quote(days, contractor, pounds, chosen) => StageEntry {
                    contractor: contractor.into(),
                    amount_pence: Some(pounds * POUND),
                    chosen,
                    ..StageEntry::new(Stage::Quote, ago(days), by)
                },
                Amount(stage, days, pounds) => StageEntry {
                    amount_pence: Some(pounds * POUND),
                    ..StageEntry::new(stage, ago(days), by)
                },
                Approve(days, total, discretionary, family) => StageEntry {
                    amount_pence: Some(total * POUND),
                    funding: Some(FundingSplit {
                        mandatory_pence: (total - discretionary - family) * POUND,
                        discretionary_pence: discretionary * POUND,
                        family_pence: family * POUND,
                        ..FundingSplit::default()
                    }),
                    ..StageEntry::new(Stage::DecisionApproved, ago(days), by)
                },
                Refuse(days, reason) | Hold(days, reason) | Withdraw(days, reason) => {
                    let stage = match step {
                        Refuse(..) => Stage::DecisionRefused,
                        Hold(..) => Stage::OnHold,
                        _ => Stage::Withdrawn,
                    };
                    StageEntry {
                        notes: reason.into(),
                        ..StageEntry::new(stage, ago(days), by)
                    }
                }
                Note(text) => {
                    api.add_dfg_note(id, by, text)?;
                    continue;
                }
            };
            api.record_dfg_stage(id, entry)?;
        }
        count += 1;
    }
    Ok(count)
}

#[cfg(test)]
mod tests {
    use super::super::{PhotoSizes, load_with};
    use crate::Api;
    use crate::api::DfgCaseFilter;
    use crate::clock::FixedClock;
    use crate::model::DueKind;
    use crate::model::dfg::{CaseStatus, ClockKind, Jurisdiction, Scheme, Stage};
    use chrono::NaiveDate;
    use std::collections::BTreeSet;
    use std::sync::Arc;

    const TINY: PhotoSizes = PhotoSizes {
        item: (64, 48),
        portrait: (48, 48),
    };

    #[test]
    fn the_demo_has_a_case_at_every_stage_with_overdue_held_withdrawn_welsh_and_scottish_ones() {
        for today in [
            NaiveDate::from_ymd_opt(2026, 11, 22).unwrap(),
            NaiveDate::from_ymd_opt(2028, 2, 29).unwrap(),
        ] {
            let mut api = Api::in_memory(Arc::new(FixedClock::on(today))).unwrap();
            load_with(&mut api, TINY).unwrap();
            let all = api
                .dfg_cases(DfgCaseFilter {
                    include_finished: true,
                    ..Default::default()
                })
                .unwrap();
            assert_eq!(all.len(), super::PLANS.len());
            let stages: BTreeSet<Stage> = all.iter().filter_map(|c| c.progress.stage).collect();
            for stage in Stage::ORDER {
                assert!(stages.contains(&stage), "no case at {stage:?}");
            }
            let statuses: Vec<CaseStatus> = all.iter().map(|c| c.progress.status).collect();
            for status in [
                CaseStatus::OnHold,
                CaseStatus::Withdrawn,
                CaseStatus::Closed,
            ] {
                assert_eq!(
                    statuses.iter().filter(|s| **s == status).count(),
                    1,
                    "{status:?}"
                );
            }
            let overdue: BTreeSet<ClockKind> = all
                .iter()
                .flat_map(|c| &c.progress.clocks)
                .filter(|k| k.overdue)
                .map(|k| k.kind)
                .collect();
            assert!(overdue.contains(&ClockKind::Decision), "{overdue:?}");
            assert!(overdue.contains(&ClockKind::Works), "{overdue:?}");
            for nation in [Jurisdiction::Wales, Jurisdiction::Scotland] {
                assert!(all.iter().any(|c| c.jurisdiction == nation), "{nation:?}");
            }
            let scottish = all
                .iter()
                .find(|c| c.jurisdiction == Jurisdiction::Scotland)
                .unwrap();
            let record = api.dfg_case(scottish.id).unwrap();
            assert_eq!(record.figures.scheme, Scheme::SchemeOfAssistance);
            // The held case's decision falls due within the month, held or not.
            let held = all
                .iter()
                .find(|c| c.progress.status == CaseStatus::OnHold)
                .unwrap();
            let decision = &held.progress.clocks[0];
            assert!(decision.is_running() && (0..=30).contains(&decision.days_left));
            let due = api.due_list(0).unwrap();
            for kind in [DueKind::DfgDecision, DueKind::DfgWorks, DueKind::DfgPayment] {
                assert!(
                    due.iter().any(|e| e.kind == kind && e.is_overdue()),
                    "nothing overdue of {kind:?}"
                );
            }
        }
    }
}
