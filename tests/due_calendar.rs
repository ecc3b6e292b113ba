//! The due list as a calendar file (`passport due --ics FILE`, and the Due screen's button):
//! one all-day event per due date, the same UID on every export, and nothing that names the
//! child beyond their initials.

use crate::support::*;
use equipment_passport::api::CALENDAR_PRIVACY_NOTE;
use equipment_passport::model::*;

/// The events of an iCalendar text, each as its unfolded property lines.
fn events(ics: &str) -> Vec<Vec<String>> {
    let unfolded = ics.replace("\r\n ", "");
    let mut found = Vec::new();
    let mut current: Option<Vec<String>> = None;
    for line in unfolded.split("\r\n") {
        match line {
            "BEGIN:VEVENT" => current = Some(Vec::new()),
            "END:VEVENT" => found.extend(current.take()),
            _ => {
                if let Some(event) = current.as_mut() {
                    event.push(line.to_string());
                }
            }
        }
    }
    found
}

fn property<'a>(event: &'a [String], name: &str) -> &'a str {
    event
        .iter()
        .find_map(|line| line.strip_prefix(&format!("{name}:")))
        .unwrap_or_else(|| panic!("no {name} in {event:?}"))
}

#[test]
fn each_due_date_is_an_all_day_event_naming_the_item_and_the_childs_initials() {
    let mut api = api_on(date(2027, 2, 1));
    let mut details = ChildDetails::new("Zoë", "Hughes", date(2017, 3, 14));
    details.nhs_number = "943 476 5919".into();
    details.home_address = "7 Wisteria Gardens, Stevenage".into();
    let child = api.create_child(details).unwrap();
    let hoist = add_item(&mut api, child.id, Category::Hoist, "Ceiling track hoist");
    api.add_service_record(
        hoist.id,
        record(ServiceKind::LolerExamination, date(2026, 8, 31)),
    )
    .unwrap();

    let calendar = api.due_calendar(30).unwrap();
    assert_eq!(calendar.events, api.due_list(30).unwrap().len());
    let found = events(&calendar.ics);
    assert_eq!(found.len(), 1, "{}", calendar.ics);
    let event = &found[0];
    assert_eq!(
        property(event, "SUMMARY"),
        "LOLER thorough examination: Ceiling track hoist (Z.H.)"
    );
    assert_eq!(property(event, "DTSTART;VALUE=DATE"), "20270228");
    assert_eq!(property(event, "DTEND;VALUE=DATE"), "20270301");
    assert!(property(event, "DESCRIPTION").contains("only their initials"));
    for private in ["Zoë", "Hughes", "9434765919", "943 476 5919", "Wisteria"] {
        assert!(
            !calendar.ics.contains(private),
            "{private} is in the calendar"
        );
    }
    assert!(CALENDAR_PRIVACY_NOTE.contains("initials"));
}

#[test]
fn exporting_again_after_a_new_examination_keeps_the_events_uid() {
    let mut api = api_on(date(2027, 2, 1));
    let child = add_child(&mut api, "Amara", "Okafor");
    let hoist = add_item(&mut api, child.id, Category::Hoist, "Mobile hoist");
    api.add_service_record(
        hoist.id,
        record(ServiceKind::LolerExamination, date(2026, 8, 31)),
    )
    .unwrap();
    let before = events(&api.due_calendar(400).unwrap().ics);

    api.add_service_record(
        hoist.id,
        record(ServiceKind::LolerExamination, date(2027, 1, 20)),
    )
    .unwrap();
    let after = events(&api.due_calendar(400).unwrap().ics);

    assert_eq!(before.len(), 1);
    assert_eq!(after.len(), 1);
    assert_eq!(property(&before[0], "UID"), property(&after[0], "UID"));
    assert_eq!(property(&before[0], "DTSTART;VALUE=DATE"), "20270228");
    assert_eq!(property(&after[0], "DTSTART;VALUE=DATE"), "20270720");
}

#[test]
fn two_items_of_one_child_are_two_events_with_their_own_uids() {
    let mut api = api_on(date(2027, 2, 1));
    let child = add_child(&mut api, "Amara", "Okafor");
    for name in ["Mobile hoist", "Hammock sling"] {
        let category = if name.contains("sling") {
            Category::Sling
        } else {
            Category::Hoist
        };
        let item = add_item(&mut api, child.id, category, name);
        api.add_service_record(
            item.id,
            record(ServiceKind::LolerExamination, date(2026, 8, 31)),
        )
        .unwrap();
    }
    let found = events(&api.due_calendar(30).unwrap().ics);
    assert_eq!(found.len(), 2);
    assert_ne!(property(&found[0], "UID"), property(&found[1], "UID"));
}

#[test]
fn the_file_is_written_where_the_user_chose() {
    let mut api = api_on(date(2027, 2, 1));
    let child = add_child(&mut api, "Amara", "Okafor");
    let hoist = add_item(&mut api, child.id, Category::Hoist, "Mobile hoist");
    api.add_service_record(
        hoist.id,
        record(ServiceKind::LolerExamination, date(2026, 8, 31)),
    )
    .unwrap();
    let scratch = tempfile::tempdir().unwrap();
    let path = scratch.path().join("due.ics");
    assert_eq!(api.export_due_calendar(&path, 30).unwrap(), 1);
    let written = std::fs::read_to_string(&path).unwrap();
    assert_eq!(events(&written).len(), 1);
}
