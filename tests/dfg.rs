//! Disabled Facilities Grant cases through the api and the `passport dfg` command line: the
//! statutory clocks across month ends and leap years, the maximum grant and land charge in
//! each nation and tenure, the stage order, the CSV for the council's return, the due list,
//! and the one-page case summary PDF.

use crate::support::*;
use assert_cmd::Command;
use chrono::{Days, NaiveDate};
use equipment_passport::api::{DfgCaseFilter, DfgCaseRecord};
use equipment_passport::model::dfg::*;
use equipment_passport::model::*;
use equipment_passport::{Api, Error};
use serde_json::Value;
use std::collections::HashMap;

const POUND: i64 = 100;
const OT: &str = "Hannah Price";

/// A stage with what it must carry filled in as a person would: an adaptation on the
/// recommendation, a contractor and amount on a quote, the amount on an approval.
fn entry(stage: Stage, on: NaiveDate) -> StageEntry {
    let mut e = StageEntry::new(stage, on, OT);
    match stage {
        Stage::Recommendation => {
            e.adaptations = vec![Adaptation {
                kind: AdaptationKind::LevelAccessShower,
                description: "Wet room downstairs".into(),
                estimated_cost_pence: Some(11_500 * POUND),
            }]
        }
        Stage::Quote => {
            e.contractor = "Midland Adaptations Ltd".into();
            e.amount_pence = Some(12_000 * POUND);
            e.chosen = true;
        }
        Stage::DecisionApproved => e.amount_pence = Some(12_000 * POUND),
        _ => {}
    }
    e
}

fn open(api: &mut Api, child: ChildId, tenure: Tenure, nation: Jurisdiction) -> DfgCaseId {
    let details = DfgCaseDetails {
        property_address: "12 Acacia Avenue, Birmingham".into(),
        ..DfgCaseDetails::new(tenure, nation)
    };
    api.open_dfg_case(child, details).unwrap().case.id
}

/// Records the stages in order, a week apart, ending with `last` on `last_on`.
fn walk(api: &mut Api, id: DfgCaseId, stages: &[Stage], last_on: NaiveDate) -> DfgCaseRecord {
    let mut record = None;
    for (i, stage) in stages.iter().enumerate() {
        let weeks_before = (stages.len() - 1 - i) as u64 * 7;
        let on = last_on - Days::new(weeks_before);
        record = Some(api.record_dfg_stage(id, entry(*stage, on)).unwrap());
    }
    record.expect("at least one stage")
}

const TO_APPLICATION: &[Stage] = &[
    Stage::Referral,
    Stage::Assessment,
    Stage::Recommendation,
    Stage::WorksAgreed,
    Stage::Quote,
    Stage::Application,
];

fn clock(record: &DfgCaseRecord, kind: ClockKind) -> &StatutoryClock {
    record
        .progress
        .clocks
        .iter()
        .find(|c| c.kind == kind)
        .unwrap_or_else(|| panic!("no {kind:?} clock"))
}

fn fields(err: &Error) -> Vec<&str> {
    err.fields().iter().map(|f| f.field.as_str()).collect()
}

fn message(err: &Error, field: &str) -> String {
    err.fields()
        .iter()
        .find(|f| f.field == field)
        .map(|f| f.message.clone())
        .unwrap_or_else(|| panic!("no error on {field}: {err:?}"))
}

// ---- The statutory clocks ----

#[test]
fn an_application_on_31_august_is_decided_by_28_february() {
    let mut api = api_on(date(2027, 2, 1));
    let child = add_child(&mut api, "Amara", "Okafor");
    let id = open(
        &mut api,
        child.id,
        Tenure::OwnerOccupier,
        Jurisdiction::England,
    );
    let r = walk(&mut api, id, TO_APPLICATION, date(2026, 8, 31));
    let decision = clock(&r, ClockKind::Decision);
    assert_eq!(decision.due_date, date(2027, 2, 28));
    assert_eq!(decision.days_left, 27);
    assert!(decision.is_running() && !decision.overdue);
    assert_eq!(clock(&r, ClockKind::Payment).due_date, date(2027, 8, 31));
    assert!(
        r.progress.clocks.iter().all(|c| c.kind != ClockKind::Works),
        "no works clock before approval"
    );
}

#[test]
fn in_a_leap_year_the_decision_is_due_on_29_february_and_a_day_later_it_is_overdue() {
    let mut api = api_on(date(2028, 3, 1));
    let child = add_child(&mut api, "Amara", "Okafor");
    let id = open(
        &mut api,
        child.id,
        Tenure::PrivateTenant,
        Jurisdiction::Wales,
    );
    let r = walk(&mut api, id, TO_APPLICATION, date(2027, 8, 31));
    let decision = clock(&r, ClockKind::Decision);
    assert_eq!(decision.due_date, date(2028, 2, 29));
    assert_eq!(decision.days_left, -1);
    assert!(decision.overdue);
    assert!(r.progress.overdue);
    assert_eq!(decision.state(), "Overdue by 1 day");
}

#[test]
fn works_approved_on_a_leap_day_are_due_on_28_february_the_year_after() {
    let mut api = api_on(date(2028, 6, 1));
    let child = add_child(&mut api, "Amara", "Okafor");
    let id = open(
        &mut api,
        child.id,
        Tenure::OwnerOccupier,
        Jurisdiction::England,
    );
    walk(&mut api, id, TO_APPLICATION, date(2027, 12, 31));
    let r = api
        .record_dfg_stage(id, entry(Stage::DecisionApproved, date(2028, 2, 29)))
        .unwrap();
    assert_eq!(clock(&r, ClockKind::Works).due_date, date(2029, 2, 28));
    assert_eq!(clock(&r, ClockKind::Payment).due_date, date(2028, 12, 31));
    let decision = clock(&r, ClockKind::Decision);
    assert_eq!(decision.due_date, date(2028, 6, 30));
    assert!(decision.was_met() && !decision.is_running());
}

#[test]
fn the_months_of_the_clocks_come_from_the_rules() {
    let mut api = api_on(date(2026, 1, 15));
    let rules = DfgRules {
        decision_months: 2,
        ..api.dfg_rules().unwrap()
    };
    api.set_dfg_rules(rules).unwrap();
    let child = add_child(&mut api, "Amara", "Okafor");
    let id = open(
        &mut api,
        child.id,
        Tenure::OwnerOccupier,
        Jurisdiction::England,
    );
    let r = walk(&mut api, id, TO_APPLICATION, date(2025, 12, 31));
    assert_eq!(clock(&r, ClockKind::Decision).due_date, date(2026, 2, 28));
}

#[test]
fn scotland_has_a_scheme_of_assistance_and_no_dfg_clocks() {
    let mut api = api_on(date(2026, 11, 22));
    let child = add_child(&mut api, "Amara", "Okafor");
    let id = open(
        &mut api,
        child.id,
        Tenure::OwnerOccupier,
        Jurisdiction::Scotland,
    );
    let r = walk(&mut api, id, TO_APPLICATION, date(2025, 1, 10));
    assert!(r.progress.clocks.is_empty());
    assert!(!r.progress.overdue);
    assert_eq!(r.figures.scheme, Scheme::SchemeOfAssistance);
    assert!(api.due_list(0).unwrap().is_empty());
}

// ---- The maximum grant and the land charge ----

#[test]
fn a_12000_grant_carries_a_7000_land_charge_only_for_owner_occupiers_in_england_and_wales() {
    let mut api = api();
    let child = add_child(&mut api, "Amara", "Okafor");
    for &nation in Jurisdiction::ALL {
        for &tenure in Tenure::ALL {
            let id = open(&mut api, child.id, tenure, nation);
            walk(&mut api, id, TO_APPLICATION, date(2026, 5, 1));
            let r = api
                .record_dfg_stage(id, entry(Stage::DecisionApproved, date(2026, 8, 3)))
                .unwrap();
            let f = &r.figures;
            let (cap, charge) = match (nation, tenure) {
                (Jurisdiction::England, Tenure::OwnerOccupier) => (Some(30_000), Some(7_000)),
                (Jurisdiction::England, _) => (Some(30_000), None),
                (Jurisdiction::Wales, Tenure::OwnerOccupier) => (Some(36_000), Some(7_000)),
                (Jurisdiction::Wales, _) => (Some(36_000), None),
                (Jurisdiction::Scotland, _) => (None, None),
                (Jurisdiction::NorthernIreland, _) => (Some(25_000), None),
            };
            let what = format!("{nation:?} {tenure:?}");
            assert_eq!(f.max_grant_pence, cap.map(|p| p * POUND), "{what}");
            assert_eq!(f.land_charge_pence, charge.map(|p| p * POUND), "{what}");
            assert_eq!(f.grant_pence, Some(12_000 * POUND), "{what}");
            assert!(!f.grant_is_projected, "{what}");
            assert_eq!(f.land_charge_years, 10);
            assert!(!f.means_tested, "a child is not means-tested: {what}");
            if tenure != Tenure::OwnerOccupier {
                assert!(f.land_charge_note.contains("owner-occupier"), "{what}");
            }
        }
    }
}

#[test]
fn above_the_maximum_the_approval_needs_its_funding_split_and_the_charge_stops_at_10000() {
    let mut api = api();
    let child = add_child(&mut api, "Amara", "Okafor");
    let id = open(
        &mut api,
        child.id,
        Tenure::OwnerOccupier,
        Jurisdiction::England,
    );
    walk(&mut api, id, TO_APPLICATION, date(2026, 5, 1));
    let mut approval = entry(Stage::DecisionApproved, date(2026, 8, 3));
    approval.amount_pence = Some(42_000 * POUND);
    let err = api.record_dfg_stage(id, approval.clone()).unwrap_err();
    assert_eq!(fields(&err), vec!["funding"]);
    assert!(
        message(&err, "funding").contains("£30,000 maximum grant in England"),
        "{err}"
    );
    approval.funding = Some(FundingSplit {
        mandatory_pence: 30_000 * POUND,
        discretionary_pence: 9_000 * POUND,
        family_pence: 0,
        other_pence: 3_000 * POUND,
        other_source: "Family Fund".into(),
    });
    let r = api.record_dfg_stage(id, approval).unwrap();
    assert_eq!(r.figures.grant_pence, Some(30_000 * POUND));
    assert_eq!(r.figures.land_charge_pence, Some(10_000 * POUND));
    assert_eq!(r.figures.above_max_pence, Some(12_000 * POUND));

    // Wales allows £36,000 of mandatory grant; Scotland has no upper limit and no charge.
    let wales = open(
        &mut api,
        child.id,
        Tenure::OwnerOccupier,
        Jurisdiction::Wales,
    );
    walk(&mut api, wales, TO_APPLICATION, date(2026, 5, 1));
    let mut approval = entry(Stage::DecisionApproved, date(2026, 8, 3));
    approval.amount_pence = Some(36_000 * POUND);
    let r = api.record_dfg_stage(wales, approval.clone()).unwrap();
    assert_eq!(r.figures.land_charge_pence, Some(10_000 * POUND));
    let scotland = open(
        &mut api,
        child.id,
        Tenure::OwnerOccupier,
        Jurisdiction::Scotland,
    );
    walk(&mut api, scotland, TO_APPLICATION, date(2026, 5, 1));
    approval.amount_pence = Some(80_000 * POUND);
    let r = api.record_dfg_stage(scotland, approval).unwrap();
    assert_eq!(r.figures.grant_pence, Some(80_000 * POUND));
    assert_eq!(r.figures.land_charge_pence, None);
}

#[test]
fn before_approval_the_land_charge_is_forecast_from_the_chosen_quote() {
    let mut api = api();
    let child = add_child(&mut api, "Amara", "Okafor");
    let id = open(
        &mut api,
        child.id,
        Tenure::OwnerOccupier,
        Jurisdiction::England,
    );
    let r = walk(&mut api, id, &TO_APPLICATION[..5], date(2026, 5, 1));
    assert_eq!(r.figures.chosen_quote_pence, Some(12_000 * POUND));
    assert!(r.figures.grant_is_projected);
    assert_eq!(r.figures.land_charge_pence, Some(7_000 * POUND));
    assert!(
        r.figures
            .land_charge_note
            .starts_with("If a grant of £12,000 is approved"),
        "{}",
        r.figures.land_charge_note
    );
}

#[test]
fn northern_irelands_maximum_is_configurable() {
    let mut api = api();
    let mut rules = api.dfg_rules().unwrap();
    assert_eq!(rules.northern_ireland.max_grant_pence, Some(25_000 * POUND));
    rules.northern_ireland.max_grant_pence = Some(35_000 * POUND);
    api.set_dfg_rules(rules).unwrap();
    let child = add_child(&mut api, "Amara", "Okafor");
    let id = open(
        &mut api,
        child.id,
        Tenure::OwnerOccupier,
        Jurisdiction::NorthernIreland,
    );
    let r = api.dfg_case(id).unwrap();
    assert_eq!(r.figures.max_grant_pence, Some(35_000 * POUND));
    let mut bad = api.dfg_rules().unwrap();
    bad.means_test_age_limit = 21;
    let err = api.set_dfg_rules(bad).unwrap_err();
    assert_eq!(fields(&err), vec!["means_test_age_limit"]);
}

// ---- The stage order ----

/// Which stages may come next after each stage along a case.
fn allowed_after(last: Option<Stage>) -> Vec<Stage> {
    use Stage::*;
    match last {
        None => vec![Referral],
        Some(Referral) => vec![Assessment],
        Some(Assessment) => vec![Recommendation],
        Some(Recommendation) => vec![WorksAgreed],
        Some(WorksAgreed) | Some(Quote) => vec![Quote, Application],
        Some(Application) => vec![DecisionApproved, DecisionRefused],
        Some(DecisionApproved) => vec![WorksStarted],
        Some(DecisionRefused) => vec![Closed],
        Some(WorksStarted) => vec![WorksCompleted],
        Some(WorksCompleted) => vec![SignOff],
        Some(SignOff) => vec![Paid],
        Some(Paid) => vec![Closed],
        Some(_) => vec![],
    }
}

#[test]
fn every_stage_out_of_order_is_refused_and_nothing_is_written() {
    let mut api = api();
    let child = add_child(&mut api, "Amara", "Okafor");
    let id = open(
        &mut api,
        child.id,
        Tenure::OwnerOccupier,
        Jurisdiction::England,
    );
    let journey = [
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
    let start = date(2025, 1, 6);
    let mut last = None;
    for (step, next) in journey.iter().enumerate() {
        let on = start + Days::new(step as u64 * 14);
        let allowed = allowed_after(last);
        let before = api.dfg_case(id).unwrap();
        for &stage in Stage::ORDER.iter().filter(|s| !allowed.contains(s)) {
            let err = api.record_dfg_stage(id, entry(stage, on)).unwrap_err();
            assert!(
                fields(&err).contains(&"stage"),
                "{stage:?} after {last:?} should be refused: {err:?}"
            );
            assert!(!message(&err, "stage").is_empty());
        }
        assert_eq!(api.dfg_case(id).unwrap().case.stages, before.case.stages);
        let r = api.record_dfg_stage(id, entry(*next, on)).unwrap();
        let milestones: Vec<Stage> = r
            .progress
            .next_stages
            .into_iter()
            .filter(|s| s.is_milestone())
            .collect();
        assert_eq!(milestones, allowed_after(Some(*next)), "after {next:?}");
        last = Some(*next);
    }
    let err = api
        .record_dfg_stage(id, entry(Stage::Referral, date(2026, 1, 1)))
        .unwrap_err();
    assert!(message(&err, "stage").contains("was closed on"), "{err}");
}

#[test]
fn a_decision_before_an_application_says_to_record_the_application() {
    let mut api = api();
    let child = add_child(&mut api, "Amara", "Okafor");
    let id = open(
        &mut api,
        child.id,
        Tenure::OwnerOccupier,
        Jurisdiction::England,
    );
    walk(&mut api, id, &TO_APPLICATION[..4], date(2026, 5, 1));
    let err = api
        .record_dfg_stage(id, entry(Stage::DecisionApproved, date(2026, 6, 1)))
        .unwrap_err();
    assert_eq!(
        message(&err, "stage"),
        "The decision comes after the full application, which is not recorded yet: record a quote or the full application next"
    );
}

#[test]
fn completion_before_approval_is_refused_because_unapproved_works_may_get_no_grant() {
    let mut api = api();
    let child = add_child(&mut api, "Amara", "Okafor");
    let id = open(
        &mut api,
        child.id,
        Tenure::OwnerOccupier,
        Jurisdiction::England,
    );
    walk(&mut api, id, TO_APPLICATION, date(2026, 5, 1));
    let err = api
        .record_dfg_stage(id, entry(Stage::WorksCompleted, date(2026, 6, 1)))
        .unwrap_err();
    let says = message(&err, "stage");
    assert!(
        says.starts_with("The completion of works can only come after the grant is approved"),
        "{says}"
    );
    assert!(says.ends_with("record the decision next"), "{says}");
}

#[test]
fn a_date_in_the_future_or_before_the_last_stage_is_refused() {
    let mut api = api();
    let child = add_child(&mut api, "Amara", "Okafor");
    let id = open(
        &mut api,
        child.id,
        Tenure::OwnerOccupier,
        Jurisdiction::England,
    );
    let tomorrow = today() + Days::new(1);
    let err = api
        .record_dfg_stage(id, entry(Stage::Referral, tomorrow))
        .unwrap_err();
    assert_eq!(fields(&err), vec!["date"]);
    assert!(message(&err, "date").contains("future"), "{err}");
    api.record_dfg_stage(id, entry(Stage::Referral, date(2026, 5, 1)))
        .unwrap();
    let err = api
        .record_dfg_stage(id, entry(Stage::Assessment, date(2026, 4, 30)))
        .unwrap_err();
    assert_eq!(
        message(&err, "date"),
        "this is before the referral (1 May 2026): stages are recorded in order, so check the date"
    );
    // Today itself is fine.
    api.record_dfg_stage(id, entry(Stage::Assessment, today()))
        .unwrap();
}

#[test]
fn a_held_case_takes_no_stage_until_resumed_and_a_withdrawn_case_takes_none() {
    let mut api = api();
    let child = add_child(&mut api, "Amara", "Okafor");
    let id = open(
        &mut api,
        child.id,
        Tenure::OwnerOccupier,
        Jurisdiction::England,
    );
    walk(&mut api, id, &TO_APPLICATION[..2], date(2026, 5, 1));
    let change = |on, reason: &str| StatusChange {
        date: on,
        reason: reason.into(),
        recorded_by: OT.into(),
    };
    let err = api
        .hold_dfg_case(id, change(date(2026, 6, 1), " "))
        .unwrap_err();
    assert_eq!(fields(&err), vec!["reason"]);
    let r = api
        .hold_dfg_case(id, change(date(2026, 6, 1), "Family away for the summer"))
        .unwrap();
    assert_eq!(r.progress.status, CaseStatus::OnHold);
    let err = api
        .record_dfg_stage(id, entry(Stage::Recommendation, date(2026, 6, 2)))
        .unwrap_err();
    assert!(message(&err, "stage").contains("resume it"), "{err}");
    api.resume_dfg_case(id, change(date(2026, 9, 1), "Back home"))
        .unwrap();
    api.record_dfg_stage(id, entry(Stage::Recommendation, date(2026, 9, 2)))
        .unwrap();
    let r = api
        .withdraw_dfg_case(id, change(date(2026, 9, 10), "Family moved away"))
        .unwrap();
    assert_eq!(r.progress.status, CaseStatus::Withdrawn);
    let err = api
        .record_dfg_stage(id, entry(Stage::WorksAgreed, date(2026, 9, 11)))
        .unwrap_err();
    assert!(message(&err, "stage").contains("withdrawn on 10 September 2026"));
    // Notes can still be added to a finished case, and are kept in order.
    api.add_dfg_note(id, OT, "Letter sent to the family.")
        .unwrap();
    let notes = api.dfg_case(id).unwrap().case.notes;
    assert_eq!(notes.len(), 1);
    assert_eq!(notes[0].text, "Letter sent to the family.");
    // Finished cases leave the list unless asked for.
    assert!(api.dfg_cases(DfgCaseFilter::default()).unwrap().is_empty());
    let everything = DfgCaseFilter {
        include_finished: true,
        ..Default::default()
    };
    assert_eq!(api.dfg_cases(everything).unwrap().len(), 1);
}

// ---- The due list ----

#[test]
fn the_due_list_carries_the_decision_deadline_until_the_decision_stops_its_clock() {
    let mut api = api_on(date(2026, 11, 22));
    let child = add_child(&mut api, "Amara", "Okafor");
    let id = open(
        &mut api,
        child.id,
        Tenure::OwnerOccupier,
        Jurisdiction::England,
    );
    // Applied 3 June 2026: the decision is due 3 December 2026, in 11 days.
    walk(&mut api, id, TO_APPLICATION, date(2026, 6, 3));
    let due = api.due_list(30).unwrap();
    assert_eq!(due.len(), 1, "{due:?}");
    assert_eq!(due[0].kind, DueKind::DfgDecision);
    assert_eq!(due[0].due_date, date(2026, 12, 3));
    assert_eq!(due[0].days_left, 11);
    assert_eq!(due[0].dfg_case_id, Some(id));
    assert_eq!(due[0].child_name, "Amara Okafor");
    assert_eq!(
        due[0].subject,
        "DFG: decision due (application 3 June 2026)"
    );
    let badges = &api.search_children("amara", None, 10).unwrap().children[0].due;
    assert!(
        badges
            .iter()
            .any(|b| b.kind == DueKind::DfgDecision && !b.overdue),
        "{badges:?}"
    );
    // The payment is due 3 June 2027: on a long enough list.
    assert!(
        api.due_list(200)
            .unwrap()
            .iter()
            .any(|e| e.kind == DueKind::DfgPayment && e.due_date == date(2027, 6, 3))
    );

    let r = api
        .record_dfg_stage(id, entry(Stage::DecisionApproved, date(2026, 11, 20)))
        .unwrap();
    let decision = clock(&r, ClockKind::Decision);
    assert!(!decision.is_running());
    assert_eq!(decision.stopped_on, Some(date(2026, 11, 20)));
    assert_eq!(decision.state(), "Met 20 November 2026, 13 days early");
    let due = api.due_list(400).unwrap();
    assert!(
        due.iter().all(|e| e.kind != DueKind::DfgDecision),
        "{due:?}"
    );
    assert!(
        due.iter()
            .any(|e| e.kind == DueKind::DfgWorks && e.due_date == date(2027, 11, 20))
    );
    let badges = &api.search_children("amara", None, 10).unwrap().children[0].due;
    assert!(badges.iter().all(|b| b.kind != DueKind::DfgDecision));
}

#[test]
fn overdue_deadlines_stay_on_the_due_list_through_a_hold_and_leave_it_on_withdrawal() {
    let mut api = api_on(date(2026, 11, 22));
    let child = add_child(&mut api, "Amara", "Okafor");
    let id = open(
        &mut api,
        child.id,
        Tenure::OwnerOccupier,
        Jurisdiction::England,
    );
    walk(&mut api, id, TO_APPLICATION, date(2026, 3, 10));
    let change = |on, reason: &str| StatusChange {
        date: on,
        reason: reason.into(),
        recorded_by: OT.into(),
    };
    api.hold_dfg_case(id, change(date(2026, 10, 1), "Awaiting landlord consent"))
        .unwrap();
    let overdue: Vec<DueEntry> = api
        .due_list(0)
        .unwrap()
        .into_iter()
        .filter(|e| e.is_overdue())
        .collect();
    assert_eq!(overdue.len(), 1);
    assert_eq!(overdue[0].kind, DueKind::DfgDecision);
    assert_eq!(overdue[0].days_left, -73);
    let only_overdue = DfgCaseFilter {
        overdue_only: true,
        ..Default::default()
    };
    assert_eq!(api.dfg_cases(only_overdue).unwrap().len(), 1);
    api.withdraw_dfg_case(id, change(date(2026, 11, 1), "Family moved"))
        .unwrap();
    assert!(api.due_list(400).unwrap().is_empty());
    assert!(api.dfg_cases(only_overdue).unwrap().is_empty());
}

// ---- The CSV export ----

fn date_of(text: &str) -> Option<NaiveDate> {
    (!text.is_empty()).then(|| NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap())
}

/// "12000.00" as pence.
fn pence_of(text: &str) -> Option<i64> {
    (!text.is_empty()).then(|| {
        let (pounds, p) = text.split_once('.').unwrap();
        pounds.parse::<i64>().unwrap() * 100 + p.parse::<i64>().unwrap()
    })
}

#[test]
fn the_csv_export_reads_back_to_every_stage_date_and_amount() {
    let mut api = api();
    let amara = add_child(&mut api, "Amara", "Okafor");
    let zoe = add_child(&mut api, "Zoë", "Hughes");
    // A paid case above the maximum, with its funding split.
    let paid = open(
        &mut api,
        amara.id,
        Tenure::OwnerOccupier,
        Jurisdiction::England,
    );
    walk(&mut api, paid, TO_APPLICATION, date(2025, 9, 1));
    let mut approval = entry(Stage::DecisionApproved, date(2025, 12, 15));
    approval.amount_pence = Some(33_250 * POUND + 50);
    approval.funding = Some(FundingSplit {
        mandatory_pence: 30_000 * POUND,
        discretionary_pence: 2_000 * POUND,
        family_pence: 1_000 * POUND,
        other_pence: 250 * POUND + 50,
        other_source: "Newlife charity, \"small grants\"".into(),
    });
    api.record_dfg_stage(paid, approval).unwrap();
    for (stage, on) in [
        (Stage::WorksStarted, date(2026, 2, 2)),
        (Stage::WorksCompleted, date(2026, 3, 31)),
        (Stage::SignOff, date(2026, 4, 7)),
    ] {
        api.record_dfg_stage(paid, entry(stage, on)).unwrap();
    }
    let mut payment = entry(Stage::Paid, date(2026, 5, 1));
    payment.amount_pence = Some(33_000 * POUND);
    api.record_dfg_stage(paid, payment).unwrap();
    // A Welsh case waiting for its decision, and a withdrawn one.
    let waiting = open(&mut api, zoe.id, Tenure::PrivateTenant, Jurisdiction::Wales);
    walk(&mut api, waiting, TO_APPLICATION, date(2026, 2, 27));
    let withdrawn = open(
        &mut api,
        zoe.id,
        Tenure::CouncilTenant,
        Jurisdiction::England,
    );
    walk(&mut api, withdrawn, &TO_APPLICATION[..2], date(2026, 1, 5));
    api.withdraw_dfg_case(
        withdrawn,
        StatusChange {
            date: date(2026, 2, 1),
            reason: "Moved, to an adapted home".into(),
            recorded_by: OT.into(),
        },
    )
    .unwrap();

    let bytes = api.export_dfg_csv().unwrap();
    let mut reader = csv::Reader::from_reader(bytes.as_slice());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    let rows: Vec<HashMap<String, String>> = reader
        .records()
        .map(|r| {
            header
                .iter()
                .cloned()
                .zip(r.unwrap().iter().map(String::from))
                .collect()
        })
        .collect();
    assert_eq!(rows.len(), 3);
    let column_of = |stage: Stage| match stage {
        Stage::Referral => "referral",
        Stage::Assessment => "assessment",
        Stage::Recommendation => "recommendation",
        Stage::WorksAgreed => "works_agreed",
        Stage::Application => "application",
        Stage::DecisionApproved | Stage::DecisionRefused => "decision_date",
        Stage::WorksStarted => "works_started",
        Stage::WorksCompleted => "works_completed",
        Stage::SignOff => "sign_off",
        Stage::Paid => "paid",
        Stage::Closed => "closed",
        Stage::Withdrawn => "withdrawn",
        Stage::Quote | Stage::OnHold | Stage::Resumed => "",
    };
    for id in [paid, waiting, withdrawn] {
        let record = api.dfg_case(id).unwrap();
        let row = rows
            .iter()
            .find(|r| r["case_id"] == id.to_string())
            .expect("every case has a row");
        assert_eq!(row["child_name"], record.child_name);
        assert_eq!(row["tenure"], record.case.details.tenure.code());
        assert_eq!(row["jurisdiction"], record.case.details.jurisdiction.code());
        for stage in &record.case.stages {
            let column = column_of(stage.entry.stage);
            if !column.is_empty() {
                assert_eq!(date_of(&row[column]), Some(stage.entry.date), "{column}");
            }
        }
        assert_eq!(
            row["quotes"],
            record.case.quotes().count().to_string(),
            "quotes"
        );
        let f = &record.figures;
        for (column, value) in [
            ("estimated_cost", f.estimated_cost_pence),
            ("chosen_quote", f.chosen_quote_pence),
            ("applied_for", f.applied_pence),
            ("approved", f.approved_pence),
            ("paid_amount", f.paid_pence),
            ("max_grant", f.max_grant_pence),
        ] {
            assert_eq!(pence_of(&row[column]), value, "{column}");
        }
        let clock_due = |kind| {
            record
                .progress
                .clocks
                .iter()
                .find(|c| c.kind == kind)
                .map(|c| c.due_date)
        };
        assert_eq!(
            date_of(&row["decision_due"]),
            clock_due(ClockKind::Decision)
        );
        assert_eq!(date_of(&row["works_due"]), clock_due(ClockKind::Works));
        assert_eq!(date_of(&row["payment_due"]), clock_due(ClockKind::Payment));
    }
    let paid_row = rows
        .iter()
        .find(|r| r["case_id"] == paid.to_string())
        .unwrap();
    assert_eq!(pence_of(&paid_row["mandatory_grant"]), Some(30_000 * POUND));
    assert_eq!(
        pence_of(&paid_row["discretionary_top_up"]),
        Some(2_000 * POUND)
    );
    assert_eq!(
        pence_of(&paid_row["family_contribution"]),
        Some(1_000 * POUND)
    );
    assert_eq!(pence_of(&paid_row["other_funding"]), Some(250 * POUND + 50));
    assert_eq!(
        paid_row["other_source"],
        "Newlife charity, \"small grants\""
    );
    assert_eq!(pence_of(&paid_row["land_charge"]), Some(10_000 * POUND));
    assert_eq!(paid_row["decision"], "approved");
    assert_eq!(paid_row["decided_in_time"], "yes");
    assert_eq!(paid_row["days_application_to_decision"], "105");
    assert_eq!(paid_row["status"], "open");
    assert_eq!(paid_row["stage"], "paid");
    let withdrawn_row = rows
        .iter()
        .find(|r| r["case_id"] == withdrawn.to_string())
        .unwrap();
    assert_eq!(withdrawn_row["status"], "withdrawn");
    assert_eq!(
        withdrawn_row["withdrawal_reason"],
        "Moved, to an adapted home"
    );
    let waiting_row = rows
        .iter()
        .find(|r| r["case_id"] == waiting.to_string())
        .unwrap();
    // Applied 27 February 2026: the decision was due 27 August 2026, so it is overdue.
    assert_eq!(waiting_row["decision_due"], "2026-08-27");
    assert_eq!(waiting_row["overdue"], "yes");
    assert_eq!(waiting_row["max_grant"], "36000.00");
}

// ---- The case summary PDF ----

fn pdf_text(pdf: &[u8]) -> Vec<String> {
    let doc = lopdf::Document::load_mem(pdf).unwrap();
    doc.get_pages()
        .keys()
        .map(|&n| doc.extract_text(&[n]).unwrap())
        .collect()
}

fn squashed(text: &str) -> String {
    text.split_whitespace().collect()
}

#[test]
fn the_case_summary_is_one_a4_page_with_the_cases_figures_and_clocks() {
    let mut api = api_on(date(2026, 11, 22));
    let mut d = ChildDetails::new("Amara", "Okafor", date(2016, 9, 1));
    d.home_address = "12 Acacia Avenue, Birmingham".into();
    d.home_postcode = "B21 9RY".into();
    let child = api.create_child(d).unwrap();
    let mut details = DfgCaseDetails::new(Tenure::OwnerOccupier, Jurisdiction::England);
    details.council = "Birmingham City Council".into();
    details.agency = "Kingsmere Home Improvement Agency".into();
    details.applicant = "Ngozi Okafor".into();
    let id = api.open_dfg_case(child.id, details).unwrap().case.id;
    walk(&mut api, id, TO_APPLICATION, date(2026, 3, 10));
    let mut approval = entry(Stage::DecisionApproved, date(2026, 10, 1));
    approval.amount_pence = Some(12_000 * POUND);
    api.record_dfg_stage(id, approval).unwrap();
    let mut ot = api.preferences().unwrap();
    ot.organisation = "Kingsmere Children's Therapy".into();
    api.set_preferences(ot).unwrap();

    let pdf = api.dfg_summary_pdf(id).unwrap();
    let pages = pdf_text(&pdf);
    assert_eq!(pages.len(), 1, "one page");
    let text = squashed(&pages[0]);
    for expected in [
        "DisabledFacilitiesGrantcasesummary",
        "AmaraOkafor",
        "B219RY(owner-occupier)",
        "England:DisabledFacilitiesGrant",
        "BirminghamCityCouncil",
        "KingsmereHomeImprovementAgency",
        "NgoziOkafor",
        "Level-accessshowerorwetroom",
        "MidlandAdaptationsLtd(chosen)",
        "Approved£12,000on1October2026",
        "£30,000inEngland",
        "£7,000(thegrantabove£5,000,atmost£10,000)",
        "10years",
        "Notmeans-tested",
        // Applied 10 March 2026: the decision was due 10 September, met late on 1 October.
        "10September2026",
        "Metlate1October2026,21daysafterthedeadline",
        // Works within 12 months of approval; payment within 12 months of the application.
        "1October2027",
        "10March2027",
        "Confidential",
        "KingsmereChildren'sTherapy",
        "Printed22November2026",
    ] {
        assert!(text.contains(expected), "missing {expected} in {text}");
    }
    assert!(!text.contains("overdueby"), "{text}");

    // The same case on the same clock gives the same bytes.
    assert_eq!(api.dfg_summary_pdf(id).unwrap(), pdf);
    let doc = lopdf::Document::load_mem(&pdf).unwrap();
    let page = *doc.get_pages().values().next().unwrap();
    let media = doc
        .get_dictionary(page)
        .unwrap()
        .get(b"MediaBox")
        .unwrap()
        .as_array()
        .unwrap()
        .clone();
    let (w, h) = (media[2].as_float().unwrap(), media[3].as_float().unwrap());
    assert!(
        (w - 595.28).abs() < 1.0 && (h - 841.89).abs() < 1.0,
        "A4: {w} x {h}"
    );
}

#[test]
fn an_overdue_summary_warns_and_a_scottish_one_names_its_scheme() {
    let mut api = api_on(date(2026, 11, 22));
    let child = add_child(&mut api, "Amara", "Okafor");
    let late = open(
        &mut api,
        child.id,
        Tenure::PrivateTenant,
        Jurisdiction::England,
    );
    walk(&mut api, late, TO_APPLICATION, date(2026, 4, 30));
    let text = squashed(&pdf_text(&api.dfg_summary_pdf(late).unwrap()).join(""));
    // 30 April + 6 months = 30 October: 23 days overdue on 22 November.
    assert!(text.contains("Council'sdecision:overdueby23days"), "{text}");
    assert!(text.contains("Due30October2026"), "{text}");
    assert!(text.contains("Nolandcharge"), "{text}");

    let scottish = open(
        &mut api,
        child.id,
        Tenure::OwnerOccupier,
        Jurisdiction::Scotland,
    );
    walk(&mut api, scottish, TO_APPLICATION, date(2026, 4, 30));
    let text = squashed(&pdf_text(&api.dfg_summary_pdf(scottish).unwrap()).join(""));
    assert!(text.contains("Schemeofassistancecasesummary"), "{text}");
    assert!(text.contains("NoupperlimitinScotland"), "{text}");
    assert!(!text.contains("overdue"), "{text}");
    let err = api.dfg_summary_pdf(DfgCaseId::new()).unwrap_err();
    assert!(matches!(err, Error::NotFound { .. }), "{err:?}");
}

// ---- The command line ----

use crate::support::cli::passport;

fn stdout_of(cmd: &mut Command) -> String {
    let out = cmd.assert().success().get_output().stdout.clone();
    String::from_utf8(out).unwrap()
}

fn stderr_of_failure(cmd: &mut Command) -> String {
    let out = cmd.assert().failure().get_output().stderr.clone();
    String::from_utf8(out).unwrap()
}

fn json_of(cmd: &mut Command) -> Value {
    serde_json::from_str(&stdout_of(cmd.arg("--json"))).unwrap()
}

/// The CLI runs on the real clock: dates count back from today.
fn days_ago(days: u64) -> String {
    (chrono::Utc::now().date_naive() - Days::new(days))
        .format("%Y-%m-%d")
        .to_string()
}

#[test]
fn the_cli_opens_a_case_records_its_stages_and_shows_the_clocks() {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    let child = stdout_of(passport(dir).args([
        "child",
        "add",
        "--given",
        "Amara",
        "--family",
        "Okafor",
        "--dob",
        &days_ago(10 * 365),
    ]));
    let case = stdout_of(passport(dir).args([
        "dfg",
        "open",
        "--child",
        child.trim(),
        "--tenure",
        "owner-occupier",
        "--jurisdiction",
        "england",
        "--address",
        "12 Acacia Avenue, Birmingham",
        "--postcode",
        "b21 9ry",
        "--council",
        "Birmingham City Council",
    ]));
    let case = case.trim().to_string();
    assert_eq!(case.len(), 36, "prints the case id: {case}");

    let stage = |args: &[&str]| {
        let mut cmd = passport(dir);
        cmd.args(["dfg", "stage", &case]).args(args);
        cmd
    };
    stdout_of(&mut stage(&["referral", "--date", &days_ago(300)]));
    stdout_of(&mut stage(&["assessment", "--date", &days_ago(290)]));
    stdout_of(&mut stage(&[
        "recommendation",
        "--date",
        &days_ago(280),
        "--adaptation",
        "level-access-shower:8500:Wet room downstairs",
        "--adaptation",
        "stairlift:3500",
    ]));
    stdout_of(&mut stage(&["works-agreed", "--date", &days_ago(270)]));
    stdout_of(&mut stage(&[
        "quote",
        "--date",
        &days_ago(260),
        "--contractor",
        "Midland Adaptations Ltd",
        "--amount",
        "£12,000",
        "--chosen",
    ]));
    // A decision before the application: one line on stderr saying what to record.
    let err = stderr_of_failure(&mut stage(&[
        "decision-approved",
        "--date",
        &days_ago(250),
        "--amount",
        "12000",
    ]));
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("STAGE: The decision comes after the full application"),
        "{err}"
    );
    let err = stderr_of_failure(&mut stage(&["approval", "--date", &days_ago(250)]));
    assert!(
        err.contains("'approval' is not a DFG stage: use one of referral, assessment, recommendation, works-agreed, quote, application, decision-approved, decision-refused, works-started, works-completed, sign-off, paid, closed"),
        "{err}"
    );
    let err = stderr_of_failure(&mut stage(&[
        "application",
        "--date",
        &days_ago(0).replace("-", "/"),
    ]));
    assert!(
        err.contains("--date:") && err.contains("YYYY-MM-DD"),
        "{err}"
    );
    let tomorrow = (chrono::Utc::now().date_naive() + Days::new(2))
        .format("%Y-%m-%d")
        .to_string();
    let err = stderr_of_failure(&mut stage(&["application", "--date", &tomorrow]));
    assert!(err.contains("--date:") && err.contains("future"), "{err}");
    let err = stderr_of_failure(&mut stage(&[
        "application",
        "--date",
        &days_ago(250),
        "--amount",
        "twelve",
    ]));
    assert!(err.contains("--amount:"), "{err}");

    // Applied 250 days ago: the decision (6 months) is overdue.
    let recorded = stdout_of(&mut stage(&[
        "application",
        "--date",
        &days_ago(250),
        "--amount",
        "12000",
    ]));
    assert!(recorded.contains("Decision due"), "{recorded}");
    let listed = json_of(passport(dir).args(["dfg", "list", "--overdue"]));
    assert_eq!(listed.as_array().unwrap().len(), 1);
    assert_eq!(listed[0]["id"], case.as_str());
    assert_eq!(listed[0]["progress"]["stage"], "application");
    assert_eq!(listed[0]["progress"]["overdue"], true);
    let human = stdout_of(passport(dir).args(["dfg", "list"]));
    assert!(
        human.contains("Amara Okafor") && human.contains("OVERDUE"),
        "{human}"
    );
    let due = json_of(passport(dir).args(["due", "--within", "0"]));
    assert!(
        due.as_array()
            .unwrap()
            .iter()
            .any(|e| e["kind"] == "dfg-decision" && e["dfg_case_id"] == case.as_str()),
        "{due}"
    );

    // The decision stops the clock: the case leaves the overdue list.
    stdout_of(&mut stage(&[
        "decision-approved",
        "--date",
        &days_ago(10),
        "--amount",
        "12000",
    ]));
    let listed = json_of(passport(dir).args(["dfg", "list", "--overdue"]));
    assert!(listed.as_array().unwrap().is_empty(), "{listed}");
    let shown = json_of(passport(dir).args(["dfg", "show", &case]));
    assert_eq!(shown["case"]["postcode"], "B21 9RY");
    assert_eq!(shown["figures"]["land_charge_pence"], 700_000);
    assert_eq!(shown["figures"]["max_grant_pence"], 3_000_000);
    let clocks = shown["progress"]["clocks"].as_array().unwrap();
    assert_eq!(clocks[0]["kind"], "decision");
    assert_eq!(clocks[0]["stopped_on"], days_ago(10).as_str());
    assert_eq!(clocks[1]["kind"], "works");
    let human = stdout_of(passport(dir).args(["dfg", "show", &case]));
    for expected in [
        "Amara Okafor",
        "Grant approved",
        "£12,000",
        "£7,000 for 10 years",
        "Works to be completed",
        "Midland Adaptations Ltd (chosen)",
        "Recorded by",
        "OT",
    ] {
        assert!(human.contains(expected), "missing {expected} in {human}");
    }

    // Notes, hold, resume and withdraw record who did it: the profile's therapist.
    stdout_of(passport(dir).args(["profile", "set", "--name", "Hannah Price"]));
    stdout_of(passport(dir).args(["dfg", "note", &case, "Rang the agency about a start date"]));
    let err = stderr_of_failure(passport(dir).args(["dfg", "hold", &case]));
    assert!(
        err.contains("--reason: give the reason for the hold"),
        "{err}"
    );
    stdout_of(passport(dir).args(["dfg", "hold", &case, "--reason", "Surgery booked"]));
    let err = stderr_of_failure(passport(dir).args([
        "dfg",
        "stage",
        &case,
        "works-started",
        "--date",
        &days_ago(0),
    ]));
    assert!(err.contains("resume it"), "{err}");
    stdout_of(passport(dir).args(["dfg", "resume", &case, "--reason", "Home again"]));
    let shown = json_of(passport(dir).args(["dfg", "show", &case]));
    assert_eq!(shown["case"]["notes"][0]["author"], "Hannah Price");
    assert_eq!(
        shown["case"]["notes"][0]["text"],
        "Rang the agency about a start date"
    );
    let stages = shown["case"]["stages"].as_array().unwrap();
    assert_eq!(stages.last().unwrap()["stage"], "resumed");
    assert_eq!(stages.last().unwrap()["recorded_by"], "Hannah Price");
    assert_eq!(stages[0]["recorded_by"], "OT", "before the profile was set");

    // The summary PDF and the CSV.
    let pdf_path = dir.join("summary.pdf");
    stdout_of(
        passport(dir)
            .args(["dfg", "summary", &case, "--out"])
            .arg(&pdf_path),
    );
    let text = squashed(&pdf_text(&std::fs::read(&pdf_path).unwrap()).join(""));
    assert!(
        text.contains("AmaraOkafor") && text.contains("£7,000"),
        "{text}"
    );
    let csv_path = dir.join("dfg.csv");
    let wrote = stdout_of(
        passport(dir)
            .args(["dfg", "export", "--csv"])
            .arg(&csv_path),
    );
    assert!(wrote.contains("Wrote 1 case to"), "{wrote}");
    let mut reader = csv::Reader::from_path(&csv_path).unwrap();
    let header = reader.headers().unwrap().clone();
    let row = reader.records().next().unwrap().unwrap();
    let cell = |name: &str| {
        row.get(header.iter().position(|h| h == name).unwrap())
            .unwrap()
    };
    assert_eq!(cell("case_id"), case);
    assert_eq!(cell("application"), days_ago(250));
    assert_eq!(cell("decision_date"), days_ago(10));
    assert_eq!(cell("approved"), "12000.00");
    assert_eq!(cell("decided_in_time"), "no");

    stdout_of(passport(dir).args(["dfg", "withdraw", &case, "--reason", "Family moved"]));
    let listed = json_of(passport(dir).args(["dfg", "list"]));
    assert!(listed.as_array().unwrap().is_empty());
    let listed = json_of(passport(dir).args(["dfg", "list", "--all"]));
    assert_eq!(listed[0]["progress"]["status"], "withdrawn");
}

#[test]
fn the_cli_help_lists_the_stages_and_bad_choices_name_the_good_ones() {
    let dir = tempfile::tempdir().unwrap();
    let help = stdout_of(passport(dir.path()).args(["dfg", "stage", "--help"]));
    for stage in [
        "referral",
        "works-agreed",
        "decision-approved",
        "decision-refused",
        "sign-off",
        "closed",
    ] {
        assert!(help.contains(stage), "{stage} missing from {help}");
    }
    let child = stdout_of(passport(dir.path()).args([
        "child",
        "add",
        "--given",
        "Amara",
        "--family",
        "Okafor",
        "--dob",
        &days_ago(10 * 365),
    ]));
    let err = stderr_of_failure(passport(dir.path()).args([
        "dfg",
        "open",
        "--child",
        child.trim(),
        "--tenure",
        "lodger",
        "--jurisdiction",
        "england",
    ]));
    assert!(
        err.contains("--tenure: 'lodger' is not a tenure: use one of owner-occupier, private-tenant, council-tenant, housing-association"),
        "{err}"
    );
    let err = stderr_of_failure(passport(dir.path()).args([
        "dfg",
        "open",
        "--child",
        child.trim(),
        "--tenure",
        "owner-occupier",
        "--jurisdiction",
        "england",
        "--postcode",
        "BT1 5GS",
    ]));
    assert!(
        err.contains("--jurisdiction: a BT postcode is in Northern Ireland"),
        "{err}"
    );
    let err = stderr_of_failure(passport(dir.path()).args(["dfg", "show", "nope"]));
    assert!(err.contains("'nope' is not a DFG case id"), "{err}");
    assert!(
        json_of(passport(dir.path()).args(["dfg", "list"]))
            .as_array()
            .unwrap()
            .is_empty()
    );
}

#[test]
fn a_case_for_a_child_with_no_home_address_needs_the_property_given() {
    let mut api = api();
    let child = add_child(&mut api, "Amara", "Okafor");
    let err = api
        .open_dfg_case(
            child.id,
            DfgCaseDetails::new(Tenure::OwnerOccupier, Jurisdiction::England),
        )
        .unwrap_err();
    assert_eq!(err.fields().len(), 1);
    assert_eq!(err.fields()[0].field, "property_address");
    assert!(
        err.fields()[0].message.contains(&child.id.to_string())
            && err.fields()[0].message.contains("no home address"),
        "{err}"
    );
    assert!(!err.to_string().contains("Amara"), "ids, never names");
    // A postcode alone is not a property either.
    let mut postcode_only = DfgCaseDetails::new(Tenure::OwnerOccupier, Jurisdiction::England);
    postcode_only.postcode = "B21 9RY".into();
    let err = api.open_dfg_case(child.id, postcode_only).unwrap_err();
    assert_eq!(err.fields()[0].field, "property_address");
    assert!(
        api.dfg_cases(DfgCaseFilter::default()).unwrap().is_empty(),
        "no case without a property"
    );
    // Once the child has a home address, it is the property.
    let mut details = api.child(child.id).unwrap().child.details;
    details.home_address = "12 Acacia Avenue, Birmingham".into();
    api.update_child(child.id, details).unwrap();
    let case = api
        .open_dfg_case(
            child.id,
            DfgCaseDetails::new(Tenure::OwnerOccupier, Jurisdiction::England),
        )
        .unwrap();
    assert_eq!(
        case.case.details.property_address,
        "12 Acacia Avenue, Birmingham"
    );
}

#[test]
fn the_cli_refuses_to_open_a_case_with_no_property_naming_the_address_option() {
    let dir = tempfile::tempdir().unwrap();
    let child = stdout_of(passport(dir.path()).args([
        "child",
        "add",
        "--given",
        "Amara",
        "--family",
        "Okafor",
        "--dob",
        "2016-09-01",
    ]));
    let err = stderr_of_failure(passport(dir.path()).args([
        "dfg",
        "open",
        "--child",
        child.trim(),
        "--tenure",
        "owner-occupier",
        "--jurisdiction",
        "england",
    ]));
    assert!(
        err.contains("--address: child ") && err.contains("has no home address"),
        "{err}"
    );
    assert!(
        json_of(passport(dir.path()).args(["dfg", "list"]))
            .as_array()
            .unwrap()
            .is_empty()
    );
}
