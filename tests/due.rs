//! The due list: LOLER examinations, services and reviews due within N days or overdue,
//! across the caseload, soonest first — including across month ends and leap years.

use crate::support::*;
use equipment_passport::model::*;

fn kinds_and_dates(entries: &[DueEntry]) -> Vec<(DueKind, chrono::NaiveDate, i64)> {
    entries
        .iter()
        .map(|e| (e.kind, e.due_date, e.days_left))
        .collect()
}

#[test]
fn a_hoist_examined_on_31_august_is_due_on_the_last_day_of_february() {
    // 2026-08-31 + 6 months = 2027-02-28 (not a leap year).
    let mut api = api_on(date(2027, 2, 1));
    let child = add_child(&mut api, "Amara", "Okafor");
    let hoist = add_item(&mut api, child.id, Category::Hoist, "Mobile hoist");
    api.add_service_record(
        hoist.id,
        record(ServiceKind::LolerExamination, date(2026, 8, 31)),
    )
    .unwrap();
    let due = api.due_list(30).unwrap();
    assert_eq!(
        kinds_and_dates(&due),
        vec![(DueKind::Loler, date(2027, 2, 28), 27)]
    );
    // The window counts calendar days: on 1 Feb, 26 days is one day short of 28 Feb.
    assert!(api.due_list(26).unwrap().is_empty());
    assert_eq!(api.due_list(27).unwrap().len(), 1);
}

#[test]
fn in_a_leap_year_it_is_the_29th() {
    let mut api = api_on(date(2028, 2, 1));
    let child = add_child(&mut api, "Amara", "Okafor");
    let sling = add_item(&mut api, child.id, Category::Sling, "Hammock sling");
    api.add_service_record(
        sling.id,
        record(ServiceKind::LolerExamination, date(2027, 8, 31)),
    )
    .unwrap();
    let due = api.due_list(30).unwrap();
    assert_eq!(
        kinds_and_dates(&due),
        vec![(DueKind::Loler, date(2028, 2, 29), 28)]
    );
}

#[test]
fn overdue_items_stay_on_the_list_whatever_the_window() {
    let mut api = api_on(date(2026, 3, 1));
    let child = add_child(&mut api, "Amara", "Okafor");
    let hoist = add_item(&mut api, child.id, Category::Hoist, "Ceiling track hoist");
    // Examined 31 Aug 2025: due 28 Feb 2026, one day before "today".
    api.add_service_record(
        hoist.id,
        record(ServiceKind::LolerExamination, date(2025, 8, 31)),
    )
    .unwrap();
    let due = api.due_list(0).unwrap();
    assert_eq!(
        kinds_and_dates(&due),
        vec![(DueKind::Loler, date(2026, 2, 28), -1)]
    );
    assert!(due[0].is_overdue());
    assert_eq!(due[0].when(), "Overdue by 1 day");
}

#[test]
fn only_the_newest_examination_counts() {
    let mut api = api_on(date(2026, 11, 22));
    let child = add_child(&mut api, "Amara", "Okafor");
    let hoist = add_item(&mut api, child.id, Category::Hoist, "Mobile hoist");
    api.add_service_record(
        hoist.id,
        record(ServiceKind::LolerExamination, date(2025, 11, 1)),
    )
    .unwrap();
    assert_eq!(api.due_list(0).unwrap()[0].due_date, date(2026, 5, 1));
    api.add_service_record(
        hoist.id,
        record(ServiceKind::LolerExamination, date(2026, 11, 2)),
    )
    .unwrap();
    assert!(api.due_list(30).unwrap().is_empty(), "next due 2 May 2027");
    assert_eq!(api.due_list(161).unwrap()[0].due_date, date(2027, 5, 2));
}

#[test]
fn a_hoist_never_examined_is_due_from_its_issue_date() {
    let mut api = api();
    let child = add_child(&mut api, "Amara", "Okafor");
    let mut d = ItemDetails::new(Category::Hoist, "New hoist");
    d.issue_date = Some(date(2026, 11, 10));
    api.create_item(child.id, d).unwrap();
    let due = api.due_list(0).unwrap();
    assert_eq!(due.len(), 1);
    assert!(due[0].never_done);
    assert_eq!(due[0].due_date, date(2026, 11, 10));
    assert_eq!(due[0].days_left, -12);
    assert_eq!(due[0].when_text, "Overdue by 12 days");
}

#[test]
fn services_and_reviews_are_listed_with_loler_soonest_first_across_children() {
    let mut api = api_on(date(2026, 11, 22));
    let zoe = add_child(&mut api, "Zoë", "Hughes");
    let amara = add_child(&mut api, "Amara", "Okafor");
    let chair = ItemDetails::new(Category::Wheelchair, "Everyday wheelchair");
    let chair = api.create_item(zoe.id, chair).unwrap();
    add_review(&mut api, chair.id, date(2026, 12, 1));
    api.add_service_record(chair.id, record(ServiceKind::Service, date(2025, 11, 30)))
        .unwrap();
    let stander = ItemDetails::new(Category::StandingFrame, "Prone stander");
    let stander = api.create_item(amara.id, stander).unwrap();
    add_review(&mut api, stander.id, date(2026, 10, 31));
    let due = api.due_list(30).unwrap();
    let summary: Vec<(String, DueKind, i64)> = due
        .iter()
        .map(|e| (e.child_name.clone(), e.kind, e.days_left))
        .collect();
    assert_eq!(
        summary,
        vec![
            ("Amara Okafor".to_string(), DueKind::Review, -22),
            ("Zoë Hughes".to_string(), DueKind::Service, 8),
            ("Zoë Hughes".to_string(), DueKind::Review, 9),
        ]
    );
    assert!(api.due_list(8).unwrap().iter().all(|e| e.days_left <= 8));
}

#[test]
fn withdrawn_and_returned_items_drop_off_the_list() {
    let mut api = api();
    let child = add_child(&mut api, "Amara", "Okafor");
    let hoist = add_item(&mut api, child.id, Category::Hoist, "Old hoist");
    assert_eq!(api.due_list(0).unwrap().len(), 1);
    let mut d = api.item(hoist.id).unwrap().item.details;
    d.status = ItemStatus::Withdrawn;
    api.update_item(hoist.id, d.clone()).unwrap();
    assert!(api.due_list(365).unwrap().is_empty());
    d.status = ItemStatus::AwaitingRepair;
    api.update_item(hoist.id, d).unwrap();
    assert_eq!(
        api.due_list(0).unwrap().len(),
        1,
        "awaiting repair is still the child's"
    );
}

#[test]
fn deleting_a_mistaken_record_restores_the_previous_due_date() {
    let mut api = api();
    let child = add_child(&mut api, "Amara", "Okafor");
    let hoist = add_item(&mut api, child.id, Category::Hoist, "Mobile hoist");
    api.add_service_record(
        hoist.id,
        record(ServiceKind::LolerExamination, date(2026, 1, 10)),
    )
    .unwrap();
    let mistake = api
        .add_service_record(
            hoist.id,
            record(ServiceKind::LolerExamination, date(2026, 11, 20)),
        )
        .unwrap();
    assert!(api.due_list(0).unwrap().is_empty());
    api.delete_service_record(mistake.id).unwrap();
    let due = api.due_list(0).unwrap();
    assert_eq!(due[0].due_date, date(2026, 7, 10));
}

#[test]
fn caseload_badges_show_what_is_overdue_or_due_within_30_days() {
    let mut api = api();
    let zoe = add_child(&mut api, "Zoë", "Hughes");
    let mut hoist = ItemDetails::new(Category::Hoist, "Hoist");
    hoist.issue_date = Some(date(2026, 10, 1));
    api.create_item(zoe.id, hoist).unwrap();
    let chair = ItemDetails::new(Category::Seating, "Chair");
    let chair = api.create_item(zoe.id, chair).unwrap();
    add_review(&mut api, chair.id, date(2026, 12, 10));
    let found = api.search_children("zoe", None, 10).unwrap();
    let badges: Vec<(DueKind, bool)> = found.children[0]
        .due
        .iter()
        .map(|b| (b.kind, b.overdue))
        .collect();
    assert_eq!(
        badges,
        vec![(DueKind::Loler, true), (DueKind::Review, false)]
    );
    let words: Vec<&str> = found.children[0]
        .due
        .iter()
        .map(|b| b.text.as_str())
        .collect();
    assert_eq!(words, ["Overdue LOLER", "Review due"]);
}

#[test]
fn the_due_list_follows_a_child_renamed_or_moved_to_another_setting() {
    let mut api = api();
    let oakfield = add_setting(&mut api, "Oakfield Primary School");
    let child = add_child(&mut api, "Amara", "Okafor");
    add_item(&mut api, child.id, Category::Hoist, "Hoist");
    let mut details = child.details.clone();
    details.preferred_name = "Mara".into();
    details.setting_id = Some(oakfield.id);
    api.update_child(child.id, details).unwrap();
    let due = api.due_list(0).unwrap();
    assert_eq!(due[0].child_name, "Amara Okafor (Mara)");
    assert_eq!(due[0].setting_name, "Oakfield Primary School");
    let mut renamed = oakfield.details.clone();
    renamed.name = "Oakfield Academy".into();
    api.update_setting(oakfield.id, renamed).unwrap();
    assert_eq!(api.due_list(0).unwrap()[0].setting_name, "Oakfield Academy");
    assert_eq!(
        api.search_children("academy", None, 5)
            .unwrap()
            .children
            .len(),
        1
    );
}
