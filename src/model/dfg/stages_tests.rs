//! Every transition of a case, legal and illegal, and what each stage must carry.

use super::*;
use crate::model::dfg::{
    Adaptation, AdaptationKind, ClockKind, DfgCaseDetails, FundingSplit, Jurisdiction, Tenure,
};
use crate::model::{ChildId, DfgCaseId, DfgStageId};
use chrono::{Days, TimeZone, Utc};

const POUND: i64 = 100;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn today() -> NaiveDate {
    d(2026, 11, 22)
}

/// A stage with what it needs to pass, dated `date`.
fn entry(stage: Stage, date: NaiveDate) -> StageEntry {
    let mut e = StageEntry::new(stage, date, "Mia Patel");
    match stage {
        Stage::Recommendation => {
            e.adaptations = vec![Adaptation {
                kind: AdaptationKind::Stairlift,
                description: "Curved stairlift to the first floor".into(),
                estimated_cost_pence: Some(6_500 * POUND),
            }]
        }
        Stage::Quote => {
            e.contractor = "Midland Access Ltd".into();
            e.amount_pence = Some(6_200 * POUND);
        }
        Stage::DecisionApproved => e.amount_pence = Some(6_200 * POUND),
        Stage::OnHold | Stage::Withdrawn => e.notes = "Family moving house".into(),
        _ => {}
    }
    e
}

fn empty_case(j: Jurisdiction) -> DfgCase {
    let at = Utc.with_ymd_and_hms(2025, 1, 1, 12, 0, 0).unwrap();
    DfgCase {
        id: DfgCaseId::new(),
        child_id: ChildId::new(),
        details: DfgCaseDetails::new(Tenure::OwnerOccupier, j),
        stages: Vec::new(),
        notes: Vec::new(),
        opened_at: at,
        updated_at: at,
    }
}

/// Records `path` in order, a week apart from 5 January 2026, through validation.
fn case_after(path: &[Stage]) -> DfgCase {
    let mut case = empty_case(Jurisdiction::England);
    let mut date = d(2026, 1, 5);
    for &stage in path {
        let e = entry(stage, date)
            .validated(&case, &DfgRules::default(), today())
            .unwrap_or_else(|e| panic!("{stage:?} after {path:?}: {e}"));
        case.stages.push(StageRecord {
            id: DfgStageId::new(),
            entry: e,
            recorded_at: case.opened_at,
        });
        date = date + Days::new(7);
    }
    case
}

fn next_date(case: &DfgCase) -> NaiveDate {
    case.stages
        .last()
        .map_or(d(2026, 1, 5), |s| s.entry.date + Days::new(7))
}

/// The problems with recording `stage` next, by field.
fn problems(case: &DfgCase, e: StageEntry) -> Vec<(String, String)> {
    match e.validated(case, &DfgRules::default(), today()) {
        Ok(_) => Vec::new(),
        Err(err) => err
            .fields()
            .iter()
            .map(|f| (f.field.clone(), f.message.clone()))
            .collect(),
    }
}

fn stage_refusal(case: &DfgCase, stage: Stage) -> Option<String> {
    problems(case, entry(stage, next_date(case)))
        .into_iter()
        .find(|(f, _)| f == "stage")
        .map(|(_, m)| m)
}

const HAPPY: [Stage; 12] = [
    Stage::Referral,
    Stage::Assessment,
    Stage::Recommendation,
    Stage::WorksAgreed,
    Stage::Quote,
    Stage::Application,
    Stage::DecisionApproved,
    Stage::WorksStarted,
    Stage::WorksCompleted,
    Stage::SignOff,
    Stage::Paid,
    Stage::Closed,
];

#[test]
fn along_the_whole_path_only_the_next_stage_is_accepted() {
    for done in 0..=HAPPY.len() {
        let path = &HAPPY[..done];
        let case = case_after(path);
        let mut expected: Vec<Stage> = match path.last() {
            None => vec![Stage::Referral],
            Some(Stage::WorksAgreed | Stage::Quote) => vec![Stage::Quote, Stage::Application],
            Some(Stage::Application) => vec![Stage::DecisionApproved, Stage::DecisionRefused],
            Some(Stage::Closed) => vec![],
            Some(last) => vec![HAPPY[HAPPY.iter().position(|s| s == last).unwrap() + 1]],
        };
        if path.last() != Some(&Stage::Closed) {
            expected.extend([Stage::OnHold, Stage::Withdrawn]);
        }
        for &stage in Stage::ALL {
            let refused = stage_refusal(&case, stage);
            assert_eq!(
                refused.is_none(),
                expected.contains(&stage),
                "{stage:?} after {:?}: {refused:?}",
                path.last()
            );
        }
        assert_eq!(
            next_stages(&case.stages),
            expected,
            "after {:?}",
            path.last()
        );
    }
}

#[test]
fn a_decision_before_the_application_is_refused_saying_what_comes_next() {
    let case = case_after(&HAPPY[..4]);
    let message = stage_refusal(&case, Stage::DecisionApproved).unwrap();
    assert_eq!(
        message,
        "The decision comes after the full application, which is not recorded yet: record a quote or the full application next"
    );
}

#[test]
fn completion_before_approval_is_refused() {
    let case = case_after(&HAPPY[..6]);
    let message = stage_refusal(&case, Stage::WorksCompleted).unwrap();
    assert!(
        message.starts_with("The completion of works can only come after the grant is approved"),
        "{message}"
    );
    assert!(message.ends_with("record the decision next"), "{message}");
}

#[test]
fn a_stage_already_recorded_or_already_passed_is_refused() {
    let case = case_after(&HAPPY[..7]);
    assert_eq!(
        stage_refusal(&case, Stage::DecisionRefused).unwrap(),
        "The decision is already recorded: grant approved on 16 February 2026"
    );
    assert_eq!(
        stage_refusal(&case, Stage::Quote).unwrap(),
        "A quote comes before the decision, which is already recorded (16 February 2026)"
    );
}

#[test]
fn a_refused_grant_can_only_be_closed() {
    let case = case_after(&[
        Stage::Referral,
        Stage::Assessment,
        Stage::Recommendation,
        Stage::WorksAgreed,
        Stage::Application,
        Stage::DecisionRefused,
    ]);
    assert!(
        stage_refusal(&case, Stage::DecisionApproved)
            .unwrap()
            .contains("already recorded: grant refused")
    );
    for &stage in &HAPPY[7..11] {
        let message = stage_refusal(&case, stage).unwrap();
        assert!(
            message.contains("refused") && message.contains("closing the case"),
            "{stage:?}: {message}"
        );
    }
    assert_eq!(stage_refusal(&case, Stage::Closed), None);
}

#[test]
fn closing_early_says_to_withdraw_instead() {
    let case = case_after(&HAPPY[..8]);
    let message = stage_refusal(&case, Stage::Closed).unwrap();
    assert!(message.contains("withdraw the case"), "{message}");
}

#[test]
fn withdrawn_and_closed_cases_take_no_further_stages() {
    let withdrawn = case_after(&[Stage::Referral, Stage::Withdrawn]);
    for &stage in Stage::ALL {
        let message = stage_refusal(&withdrawn, stage).unwrap();
        assert_eq!(
            message,
            "this case was withdrawn on 12 January 2026: it takes no further stages"
        );
    }
    let closed = case_after(&HAPPY);
    for &stage in Stage::ALL {
        assert!(
            stage_refusal(&closed, stage)
                .unwrap()
                .starts_with("this case was closed on"),
            "{stage:?}"
        );
    }
    assert!(next_stages(&withdrawn.stages).is_empty());
}

#[test]
fn a_case_on_hold_must_be_resumed_before_its_next_stage() {
    let held = case_after(&[Stage::Referral, Stage::OnHold]);
    assert_eq!(
        stage_refusal(&held, Stage::Assessment).unwrap(),
        "the case is on hold (since 12 January 2026): resume it before recording a stage"
    );
    assert!(
        stage_refusal(&held, Stage::OnHold)
            .unwrap()
            .contains("already on hold")
    );
    assert_eq!(stage_refusal(&held, Stage::Resumed), None);
    assert_eq!(stage_refusal(&held, Stage::Withdrawn), None);
    assert_eq!(
        next_stages(&held.stages),
        vec![Stage::Resumed, Stage::Withdrawn]
    );
    let resumed = case_after(&[Stage::Referral, Stage::OnHold, Stage::Resumed]);
    assert_eq!(stage_refusal(&resumed, Stage::Assessment), None);
    assert!(
        stage_refusal(&resumed, Stage::Resumed)
            .unwrap()
            .contains("not on hold")
    );
}

#[test]
fn dates_are_not_in_the_future_nor_before_the_last_stage() {
    let case = case_after(&HAPPY[..5]);
    let mut early = entry(Stage::Application, d(2026, 1, 1));
    early.recorded_by = " ".into();
    assert_eq!(
        problems(&case, early),
        vec![
            (
                "recorded_by".to_string(),
                "enter the name of who recorded it".to_string()
            ),
            (
                "date".to_string(),
                "this is before a quote (2 February 2026): stages are recorded in order, so check the date"
                    .to_string()
            ),
        ]
    );
    let future = entry(Stage::Application, today() + Days::new(1));
    assert_eq!(
        problems(&case, future),
        vec![(
            "date".to_string(),
            "the date cannot be in the future".to_string()
        )]
    );
    // The same day as the stage before is fine.
    assert!(problems(&case, entry(Stage::Application, d(2026, 2, 2))).is_empty());
}

#[test]
fn each_stage_carries_only_its_own_parts() {
    let at_works_agreed = case_after(&HAPPY[..4]);
    let mut quote = entry(Stage::Quote, d(2026, 2, 1));
    quote.contractor = String::new();
    quote.amount_pence = None;
    let fields: Vec<String> = problems(&at_works_agreed, quote)
        .into_iter()
        .map(|p| p.0)
        .collect();
    assert_eq!(fields, vec!["amount_pence", "contractor"]);

    let at_assessment = case_after(&HAPPY[..2]);
    let mut rec = entry(Stage::Recommendation, d(2026, 2, 1));
    rec.adaptations = vec![Adaptation {
        kind: AdaptationKind::Other,
        description: String::new(),
        estimated_cost_pence: Some(0),
    }];
    rec.amount_pence = Some(100);
    let fields: Vec<String> = problems(&at_assessment, rec)
        .into_iter()
        .map(|p| p.0)
        .collect();
    assert_eq!(
        fields,
        vec![
            "amount_pence",
            "adaptations[0].description",
            "adaptations[0].estimated_cost_pence"
        ]
    );
    let mut none = entry(Stage::Recommendation, d(2026, 2, 1));
    none.adaptations.clear();
    assert_eq!(problems(&at_assessment, none)[0].0, "adaptations");

    let mut referral = entry(Stage::Referral, d(2026, 1, 1));
    referral.contractor = "Someone".into();
    referral.funding = Some(FundingSplit::default());
    let fields: Vec<String> = problems(&empty_case(Jurisdiction::England), referral)
        .into_iter()
        .map(|p| p.0)
        .collect();
    assert_eq!(fields, vec!["contractor", "funding"]);
}

#[test]
fn a_hold_or_withdrawal_needs_a_reason() {
    let case = case_after(&[Stage::Referral]);
    let mut hold = entry(Stage::OnHold, d(2026, 2, 1));
    hold.notes = String::new();
    assert_eq!(
        problems(&case, hold),
        vec![(
            "reason".to_string(),
            "give the reason for the hold".to_string()
        )]
    );
}

fn approval(total: i64, funding: Option<FundingSplit>) -> StageEntry {
    StageEntry {
        amount_pence: Some(total * POUND),
        funding,
        ..entry(Stage::DecisionApproved, d(2026, 3, 1))
    }
}

#[test]
fn an_approval_within_the_maximum_is_all_mandatory_grant() {
    let case = case_after(&HAPPY[..6]);
    let ok = approval(12_000, None)
        .validated(&case, &DfgRules::default(), today())
        .unwrap();
    assert_eq!(
        ok.funding,
        Some(FundingSplit {
            mandatory_pence: 12_000 * POUND,
            ..Default::default()
        })
    );
}

#[test]
fn an_approval_above_the_maximum_must_say_how_the_rest_is_funded() {
    let case = case_after(&HAPPY[..6]);
    assert_eq!(
        problems(&case, approval(45_000, None)),
        vec![(
            "funding".to_string(),
            "£45,000 is more than the £30,000 maximum grant in England: say how the other £15,000 is funded (discretionary top-up, family contribution or other)".to_string()
        )]
    );
    let too_much_grant = FundingSplit {
        mandatory_pence: 45_000 * POUND,
        ..Default::default()
    };
    assert_eq!(
        problems(&case, approval(45_000, Some(too_much_grant)))[0].0,
        "funding.mandatory_pence"
    );
    let short = FundingSplit {
        mandatory_pence: 30_000 * POUND,
        discretionary_pence: 10_000 * POUND,
        other_pence: 2_000 * POUND,
        ..Default::default()
    };
    let fields: Vec<String> = problems(&case, approval(45_000, Some(short)))
        .into_iter()
        .map(|p| p.0)
        .collect();
    assert_eq!(fields, vec!["funding", "funding.other_source"]);
    let split = FundingSplit {
        mandatory_pence: 30_000 * POUND,
        discretionary_pence: 10_000 * POUND,
        family_pence: 3_000 * POUND,
        other_pence: 2_000 * POUND,
        other_source: "Family Fund".into(),
    };
    assert!(problems(&case, approval(45_000, Some(split))).is_empty());
}

#[test]
fn wales_allows_a_larger_grant_and_scotland_has_no_maximum() {
    let mut wales = case_after(&HAPPY[..6]);
    wales.details.jurisdiction = Jurisdiction::Wales;
    assert!(problems(&wales, approval(36_000, None)).is_empty());
    assert_eq!(problems(&wales, approval(36_001, None))[0].0, "funding");
    let mut scotland = wales.clone();
    scotland.details.jurisdiction = Jurisdiction::Scotland;
    assert!(problems(&scotland, approval(80_000, None)).is_empty());
}

#[test]
fn a_payment_is_not_more_than_was_approved() {
    let case = case_after(&HAPPY[..10]);
    let mut paid = entry(Stage::Paid, d(2026, 6, 1));
    paid.amount_pence = Some(6_300 * POUND);
    assert_eq!(problems(&case, paid.clone())[0].0, "amount_pence");
    paid.amount_pence = Some(6_200 * POUND);
    assert!(problems(&case, paid).is_empty());
}

#[test]
fn progress_says_where_the_case_is_and_for_how_long() {
    let case = case_after(&HAPPY[..6]);
    let p = CaseProgress::of(&case, &DfgRules::default(), d(2026, 3, 1));
    assert_eq!(p.status, CaseStatus::Open);
    assert_eq!(p.stage, Some(Stage::Application));
    assert_eq!(p.since, d(2026, 2, 9));
    assert_eq!(p.days_in_stage, 20);
    assert_eq!(p.describe(), "Full application submitted");
    assert_eq!(p.clocks.len(), 2);
    assert!(!p.overdue);
    let late = CaseProgress::of(&case, &DfgRules::default(), d(2026, 8, 10));
    assert!(late.overdue, "decision was due 9 August 2026");
    let held = case_after(&[Stage::Referral, Stage::OnHold]);
    let p = CaseProgress::of(&held, &DfgRules::default(), today());
    assert_eq!(p.describe(), "On hold (at: Referral received)");
    let fresh = empty_case(Jurisdiction::England);
    let p = CaseProgress::of(&fresh, &DfgRules::default(), d(2025, 1, 11));
    assert_eq!((p.stage, p.days_in_stage), (None, 10));
    assert_eq!(p.describe(), "Opened");
    assert_eq!(p.description, "Opened");
}

#[test]
fn a_quote_and_the_approval_must_carry_an_amount_the_application_and_payment_may() {
    let carrying: Vec<(Stage, bool)> = Stage::ALL
        .iter()
        .filter_map(|s| s.amount_required().map(|required| (*s, required)))
        .collect();
    assert_eq!(
        carrying,
        vec![
            (Stage::Quote, true),
            (Stage::Application, false),
            (Stage::DecisionApproved, true),
            (Stage::Paid, false),
        ]
    );
}

#[test]
fn progress_names_the_deadline_due_first_or_why_there_is_none() {
    let applied = case_after(&HAPPY[..6]);
    let p = CaseProgress::of(&applied, &DfgRules::default(), d(2026, 3, 1));
    let next = p.next_deadline.expect("the decision clock runs");
    assert_eq!(next.kind, ClockKind::Decision);
    assert_eq!(p.no_deadline_reason, "");
    let early = case_after(&HAPPY[..2]);
    let p = CaseProgress::of(&early, &DfgRules::default(), today());
    assert_eq!(p.next_deadline, None);
    assert_eq!(
        p.no_deadline_reason,
        "Not started: the deadlines start at the full application"
    );
    let mut scottish = applied.clone();
    scottish.details.jurisdiction = Jurisdiction::Scotland;
    let p = CaseProgress::of(&scottish, &DfgRules::default(), d(2026, 3, 1));
    assert_eq!(p.no_deadline_reason, "No statutory deadlines in Scotland");
    let paid = case_after(&HAPPY[..12]);
    let p = CaseProgress::of(&paid, &DfgRules::default(), today());
    assert!(p.next_deadline.is_none() && !p.clocks.is_empty());
    assert_eq!(p.no_deadline_reason, "None running");
}

#[test]
fn a_stage_dated_before_1950_is_a_mistyped_year() {
    let case = case_after(&HAPPY[..1]);
    assert_eq!(
        problems(&case, entry(Stage::Assessment, d(1, 1, 5))),
        vec![(
            "date".to_string(),
            "the date cannot be before 1950: check the year".to_string()
        )]
    );
}

#[test]
fn every_text_of_a_stage_refuses_control_characters() {
    let case = case_after(&HAPPY[..2]);
    let mut e = entry(Stage::Recommendation, next_date(&case));
    e.recorded_by = "Mia\u{1b}[2J".into();
    e.notes = "ok\u{7}".into();
    e.adaptations[0].description = "Stairlift\u{1b}[31m".into();
    let fields: Vec<String> = problems(&case, e).into_iter().map(|(f, _)| f).collect();
    assert_eq!(
        fields,
        vec!["recorded_by", "notes", "adaptations[0].description"]
    );
    let case = case_after(&HAPPY[..6]);
    let approval = approval(
        6_200,
        Some(FundingSplit {
            mandatory_pence: 6_000 * POUND,
            other_pence: 200 * POUND,
            other_source: "Charity\u{1b}".into(),
            ..Default::default()
        }),
    );
    let fields: Vec<String> = problems(&case, approval)
        .into_iter()
        .map(|(f, _)| f)
        .collect();
    assert_eq!(fields, vec!["funding.other_source"]);
}
