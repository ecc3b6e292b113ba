//! Any number of schedules per item through the api: each in the due list and the badges, a
//! LOLER examination moving the LOLER schedule on, "mark done", bad input refused beside its
//! field, removal in History, one calendar event per schedule, and the passport's servicing
//! page listing every one.

use crate::support::{add_child, add_item, api_on, date, due_on, record};
use equipment_passport::Api;
use equipment_passport::api::{AuditAction, PrintRequest, RecordKind};
use equipment_passport::model::*;
use equipment_passport::passport::{Audience, Format};

fn today() -> chrono::NaiveDate {
    date(2026, 11, 22)
}

fn other(name: &str, every: u32, next: chrono::NaiveDate) -> ScheduleDetails {
    ScheduleDetails {
        name: name.into(),
        ..due_on(ScheduleKind::Other, every, next)
    }
}

struct Caseload {
    api: Api,
    child: Child,
    chair: EquipmentItem,
}

/// Zoë with a powered wheelchair: no schedules of its own yet.
fn caseload() -> Caseload {
    let mut api = api_on(today());
    let child = add_child(&mut api, "Zoë", "Hughes");
    let chair = add_item(
        &mut api,
        child.id,
        Category::Wheelchair,
        "Powered wheelchair",
    );
    Caseload { api, child, chair }
}

/// What is due for the item in the due list, as (what, date).
fn due_for(api: &Api, item: ItemId, days: u32) -> Vec<(String, chrono::NaiveDate)> {
    api.due_list(days)
        .unwrap()
        .into_iter()
        .filter(|e| e.item_id == Some(item))
        .map(|e| (e.what_is_due().to_string(), e.due_date))
        .collect()
}

#[test]
fn several_schedules_on_one_item_are_all_in_the_due_list_soonest_first() {
    let mut c = caseload();
    let chair = c.chair.id;
    c.api
        .add_schedule(chair, due_on(ScheduleKind::Service, 12, date(2026, 12, 20)))
        .unwrap();
    c.api
        .add_schedule(
            chair,
            due_on(ScheduleKind::BatteryTest, 3, date(2026, 11, 30)),
        )
        .unwrap();
    c.api
        .add_schedule(chair, other("Tyre pressure check", 1, date(2026, 11, 15)))
        .unwrap();
    c.api
        .add_schedule(chair, other("Joystick calibration", 6, date(2026, 11, 15)))
        .unwrap();
    c.api
        .add_schedule(chair, due_on(ScheduleKind::Review, 12, date(2027, 6, 1)))
        .unwrap();

    assert_eq!(
        due_for(&c.api, chair, 30),
        vec![
            ("Joystick calibration".to_string(), date(2026, 11, 15)),
            ("Tyre pressure check".to_string(), date(2026, 11, 15)),
            ("Battery test".to_string(), date(2026, 11, 30)),
            ("Service".to_string(), date(2026, 12, 20)),
        ],
        "the review, 191 days off, is not due within 30"
    );
    let due = c.api.due_list(30).unwrap();
    let kinds: Vec<DueKind> = due.iter().map(|e| e.kind).collect();
    assert_eq!(
        kinds,
        [
            DueKind::Other,
            DueKind::Other,
            DueKind::BatteryTest,
            DueKind::Service
        ]
    );
    assert!(due.iter().all(|e| e.schedule_id.is_some() && !e.never_done));
    assert_eq!(due[0].when_text, "Overdue by 7 days");

    // The caseload's badges: the earliest of each kind.
    let found = c.api.search_children("zoe", None, 10).unwrap();
    let words: Vec<&str> = found.children[0]
        .due
        .iter()
        .map(|b| b.text.as_str())
        .collect();
    assert_eq!(
        words,
        ["Overdue scheduled check", "Battery test due", "Service due"]
    );
    assert_eq!(c.api.schedules_of_item(chair).unwrap().len(), 5);
}

#[test]
fn a_new_hoist_gets_its_loler_schedule_due_from_its_issue() {
    let mut api = api_on(today());
    let child = add_child(&mut api, "Amara", "Okafor");
    let mut hoist = ItemDetails::new(Category::Hoist, "Mobile hoist");
    hoist.issue_date = Some(date(2026, 11, 10));
    let hoist = api.create_item(child.id, hoist).unwrap();
    let walker = add_item(&mut api, child.id, Category::Walker, "Walker");

    let schedules = api.schedules_of_item(hoist.id).unwrap();
    assert_eq!(schedules.len(), 1);
    let loler = &schedules[0];
    assert_eq!(
        (
            loler.kind,
            loler.every_months,
            loler.last_done,
            loler.next_due
        ),
        (ScheduleKind::Loler, 6, None, date(2026, 11, 10))
    );
    assert!(loler.overdue);
    assert!(api.schedules_of_item(walker.id).unwrap().is_empty());
    let due = api.due_list(0).unwrap();
    assert_eq!(due.len(), 1);
    assert!(due[0].never_done, "never examined");
}

#[test]
fn a_loler_examination_moves_the_loler_schedule_on_in_the_same_save() {
    let mut api = api_on(today());
    let child = add_child(&mut api, "Amara", "Okafor");
    let hoist = add_item(&mut api, child.id, Category::Hoist, "Mobile hoist");
    let review = api
        .add_schedule(hoist.id, due_on(ScheduleKind::Review, 12, date(2027, 3, 1)))
        .unwrap();
    api.add_service_record(
        hoist.id,
        record(ServiceKind::LolerExamination, date(2026, 11, 20)),
    )
    .unwrap();

    let schedules = api.schedules_of_item(hoist.id).unwrap();
    let loler = schedules
        .iter()
        .find(|s| s.kind == ScheduleKind::Loler)
        .unwrap();
    assert_eq!(loler.last_done, Some(date(2026, 11, 20)));
    assert_eq!(loler.next_due, date(2027, 5, 20), "six months on");
    assert_eq!(
        schedules
            .iter()
            .find(|s| s.id == review.id)
            .unwrap()
            .next_due,
        date(2027, 3, 1),
        "the review is left alone"
    );
    let due = api.due_list(365).unwrap();
    assert_eq!(
        due.iter()
            .map(|e| (e.kind, e.due_date, e.never_done))
            .collect::<Vec<_>>(),
        [
            (DueKind::Review, date(2027, 3, 1), false),
            (DueKind::Loler, date(2027, 5, 20), false)
        ]
    );

    // A service on an item without a service schedule starts one from the record's dates.
    api.add_service_record(hoist.id, record(ServiceKind::Service, date(2026, 11, 1)))
        .unwrap();
    let service = api
        .schedules_of_item(hoist.id)
        .unwrap()
        .into_iter()
        .find(|s| s.kind == ScheduleKind::Service)
        .unwrap();
    assert_eq!(
        (service.every_months, service.last_done, service.next_due),
        (12, Some(date(2026, 11, 1)), date(2027, 11, 1))
    );
}

#[test]
fn marking_a_schedule_done_moves_its_next_due_date_one_interval_on() {
    let mut c = caseload();
    let battery = c
        .api
        .add_schedule(
            c.chair.id,
            due_on(ScheduleKind::BatteryTest, 3, date(2026, 11, 1)),
        )
        .unwrap();
    assert!(battery.overdue);
    let done = c
        .api
        .mark_schedule_done(battery.id, date(2026, 11, 21))
        .unwrap();
    assert_eq!(done.last_done, Some(date(2026, 11, 21)));
    assert_eq!(done.next_due, date(2027, 2, 21));
    assert!(!done.overdue);
    assert_eq!(
        due_for(&c.api, c.chair.id, 365),
        vec![("Battery test".to_string(), date(2027, 2, 21))]
    );

    let err = c
        .api
        .mark_schedule_done(battery.id, date(2026, 11, 23))
        .unwrap_err();
    assert_eq!(err.fields()[0].field, "on", "not in the future");
    assert_eq!(
        c.api.schedule(battery.id).unwrap().next_due,
        date(2027, 2, 21)
    );
}

#[test]
fn bad_input_is_refused_beside_its_field_and_nothing_is_saved() {
    let mut api = api_on(today());
    let child = add_child(&mut api, "Amara", "Okafor");
    let hoist = add_item(&mut api, child.id, Category::Hoist, "Mobile hoist");
    let chair = add_item(&mut api, child.id, Category::Wheelchair, "Wheelchair");
    let before = api.schedules_of_item(hoist.id).unwrap();

    let field = |e: equipment_passport::Error| {
        (
            e.fields()[0].field.clone(),
            e.fields()[0].message.to_string(),
        )
    };
    let (f, message) = field(
        api.add_schedule(hoist.id, due_on(ScheduleKind::Loler, 12, date(2027, 1, 1)))
            .unwrap_err(),
    );
    assert_eq!(f, "every_months");
    assert!(message.contains("at least every 6 months"), "{message}");

    let (f, _) = field(
        api.add_schedule(chair.id, other("  ", 1, date(2027, 1, 1)))
            .unwrap_err(),
    );
    assert_eq!(f, "name");

    let mut backwards = due_on(ScheduleKind::Service, 12, date(2026, 1, 1));
    backwards.last_done = Some(date(2026, 6, 1));
    let (f, _) = field(api.add_schedule(chair.id, backwards).unwrap_err());
    assert_eq!(f, "next_due");

    let (f, _) = field(
        api.add_schedule(
            chair.id,
            due_on(ScheduleKind::Calibration, 0, date(2027, 1, 1)),
        )
        .unwrap_err(),
    );
    assert_eq!(f, "every_months");

    assert_eq!(api.schedules_of_item(hoist.id).unwrap(), before);
    assert!(api.schedules_of_item(chair.id).unwrap().is_empty());
}

#[test]
fn a_schedule_rewritten_moves_in_the_due_list_and_a_refused_rewrite_saves_nothing() {
    let mut api = api_on(today());
    let child = add_child(&mut api, "Amara", "Okafor");
    let hoist = add_item(&mut api, child.id, Category::Hoist, "Mobile hoist");
    let review = api
        .add_schedule(
            hoist.id,
            due_on(ScheduleKind::Review, 12, date(2027, 1, 10)),
        )
        .unwrap();

    let moved = api
        .update_schedule(
            review.id,
            due_on(ScheduleKind::Review, 12, date(2027, 3, 3)),
        )
        .unwrap();
    assert_eq!(moved.id, review.id);
    assert_eq!(moved.next_due, date(2027, 3, 3));
    assert!(
        due_for(&api, hoist.id, 365).contains(&("Review".to_string(), date(2027, 3, 3))),
        "{:?}",
        due_for(&api, hoist.id, 365)
    );

    // A hoist's LOLER examination is at most six-monthly: the rewrite is refused whole.
    let loler = api
        .schedules_of_item(hoist.id)
        .unwrap()
        .into_iter()
        .find(|s| s.kind == ScheduleKind::Loler)
        .expect("a hoist has its LOLER schedule");
    let err = api
        .update_schedule(loler.id, due_on(ScheduleKind::Loler, 12, date(2027, 6, 1)))
        .unwrap_err();
    assert_eq!(err.fields()[0].field, "every_months");
    assert_eq!(api.schedule(loler.id).unwrap(), loler);

    api.delete_schedule(review.id).unwrap();
    assert!(
        api.update_schedule(
            review.id,
            due_on(ScheduleKind::Review, 12, date(2027, 3, 3))
        )
        .is_err(),
        "a removed schedule cannot be rewritten"
    );
}

#[test]
fn removing_a_schedule_takes_it_off_the_due_list_and_is_in_the_items_history() {
    let mut c = caseload();
    let tyres = c
        .api
        .add_schedule(
            c.chair.id,
            other("Tyre pressure check", 1, date(2026, 11, 30)),
        )
        .unwrap();
    c.api.delete_schedule(tyres.id).unwrap();
    assert!(due_for(&c.api, c.chair.id, 30).is_empty());
    assert!(c.api.schedules_of_item(c.chair.id).unwrap().is_empty());
    assert!(c.api.delete_schedule(tyres.id).is_err(), "gone");

    let history: Vec<_> = c
        .api
        .item_history(c.chair.id)
        .unwrap()
        .into_iter()
        .filter(|e| e.record.kind == RecordKind::Schedule)
        .collect();
    let actions: Vec<AuditAction> = history.iter().map(|e| e.action).collect();
    assert_eq!(actions, [AuditAction::Create, AuditAction::Delete]);
    assert_eq!(history[1].summary, "Schedule: Tyre pressure check");
    let next = history[1]
        .changes
        .iter()
        .find(|ch| ch.label == "Next due")
        .unwrap();
    assert_eq!(next.old.as_deref(), Some("2026-11-30"));
    assert!(
        c.api
            .child_history(c.child.id)
            .unwrap()
            .iter()
            .any(|e| e.record.kind == RecordKind::Schedule && e.action == AuditAction::Delete)
    );
}

#[test]
fn each_schedule_is_its_own_calendar_event_with_a_uid_that_stays() {
    let mut c = caseload();
    for name in ["Tyre pressure check", "Joystick calibration"] {
        c.api
            .add_schedule(c.chair.id, other(name, 1, date(2026, 12, 1)))
            .unwrap();
    }
    let battery = c
        .api
        .add_schedule(
            c.chair.id,
            due_on(ScheduleKind::BatteryTest, 3, date(2026, 12, 1)),
        )
        .unwrap();
    let uids = |api: &Api| -> Vec<String> {
        let mut uids: Vec<String> = api
            .due_calendar(400)
            .unwrap()
            .ics
            .lines()
            .filter_map(|l| l.strip_prefix("UID:").map(str::to_string))
            .collect();
        uids.sort();
        uids
    };
    let before = uids(&c.api);
    assert_eq!(
        before.len(),
        3,
        "two named checks on one item are two events"
    );
    assert!(
        before
            .iter()
            .all(|u| before.iter().filter(|v| *v == u).count() == 1)
    );
    let ics = c.api.due_calendar(400).unwrap().ics;
    assert!(
        ics.contains("SUMMARY:Tyre pressure check: Powered wheelchair (Z.H.)"),
        "{ics}"
    );
    assert!(ics.contains(&format!("UID:battery-test-{}@", battery.id)));

    c.api
        .mark_schedule_done(battery.id, date(2026, 11, 20))
        .unwrap();
    assert_eq!(uids(&c.api), before, "moved, not added");
}

fn servicing_page(api: &mut Api, child: ChildId, item_name: &str) -> String {
    let printed = api
        .render_passport(
            child,
            PrintRequest {
                audience: Audience::School,
                format: Format::A4,
                large_print: false,
            },
        )
        .unwrap();
    let doc = lopdf::Document::load_mem(&printed.pdf).unwrap();
    let squashed: String = item_name.split_whitespace().collect();
    doc.get_pages()
        .keys()
        .map(|&n| {
            doc.extract_text(&[n])
                .unwrap()
                .split_whitespace()
                .collect::<String>()
        })
        .find(|p| p.contains("Servicingandsafetychecks") && p.contains(&squashed))
        .expect("the item's servicing page")
}

#[test]
fn the_passports_servicing_page_lists_every_schedule() {
    let mut c = caseload();
    let mut service = due_on(ScheduleKind::Service, 12, date(2027, 9, 1));
    service.last_done = Some(date(2026, 9, 1));
    c.api.add_schedule(c.chair.id, service).unwrap();
    c.api
        .add_schedule(
            c.chair.id,
            other("Tyre pressure check", 1, date(2026, 11, 15)),
        )
        .unwrap();
    c.api
        .add_schedule(
            c.chair.id,
            due_on(ScheduleKind::BatteryTest, 3, date(2027, 1, 10)),
        )
        .unwrap();

    let page = servicing_page(&mut c.api, c.child.id, "Powered wheelchair");
    assert!(
        page.contains("ScheduledcheckHowoftenLastdoneNextdue"),
        "{page}"
    );
    assert!(
        page.contains("TyrepressurecheckEverymonthNever15November2026OVERDUE"),
        "{page}"
    );
    assert!(
        page.contains("BatterytestEvery3monthsNever10January2027"),
        "{page}"
    );
    assert!(
        page.contains("ServiceEvery12months1September20261September2027"),
        "{page}"
    );
    assert!(
        page.contains("OVERDUE:Tyrepressurecheck"),
        "the warning: {page}"
    );
}
