//! The register of staff trained through the api: entries added, listed by item and by child,
//! refused beside the field at fault, refreshers in the due list and the caseload's badges,
//! removal in History, the entries printed on the passport's "Staff trained" page, and the
//! register carried in passport bundles.

use crate::support::{add_child, add_item, api_on, date};
use equipment_passport::Api;
use equipment_passport::api::{AuditAction, ExportScope, PrintRequest, RecordKind};
use equipment_passport::bundle::{ChildOutcome, ExistingChild, ImportOptions};
use equipment_passport::model::*;
use equipment_passport::passport::{Audience, Format};
use serde_json::json;

fn today() -> chrono::NaiveDate {
    date(2026, 11, 22)
}

fn trained(
    name: &str,
    on: chrono::NaiveDate,
    refresh_by: Option<chrono::NaiveDate>,
) -> TrainingDetails {
    TrainingDetails {
        name: name.into(),
        role: "Teaching assistant".into(),
        setting_id: None,
        trained_by: "Gwyn Davies, OT".into(),
        trained_on: on,
        refresh_by,
    }
}

struct Caseload {
    api: Api,
    child: Child,
    hoist: EquipmentItem,
    walker: EquipmentItem,
}

fn caseload() -> Caseload {
    let mut api = api_on(today());
    let child = add_child(&mut api, "Zoë", "Hughes");
    let hoist = add_item(&mut api, child.id, Category::Hoist, "Ceiling hoist");
    let walker = add_item(&mut api, child.id, Category::Walker, "Posterior walker");
    Caseload {
        api,
        child,
        hoist,
        walker,
    }
}

#[test]
fn an_entry_is_added_and_listed_for_its_item_and_its_child() {
    let mut c = caseload();
    let school = crate::support::add_setting(&mut c.api, "Oakfield Primary");
    let mut priya = trained("Priya Shah", date(2026, 9, 8), Some(date(2027, 9, 8)));
    priya.setting_id = Some(school.id);
    let added = c.api.add_training(c.hoist.id, priya.clone()).unwrap();
    c.api
        .add_training(c.walker.id, trained("Tom Reed", date(2026, 10, 1), None))
        .unwrap();

    assert_eq!(added.details, priya);
    assert_eq!(added.child_id, c.child.id);
    assert_eq!(added.item_name, "Ceiling hoist");
    assert_eq!(added.setting_name, "Oakfield Primary");
    assert!(!added.refresher_overdue);
    assert_eq!(c.api.training_for_item(c.hoist.id).unwrap(), vec![added]);
    let register: Vec<String> = c
        .api
        .training_for_child(c.child.id)
        .unwrap()
        .into_iter()
        .map(|r| r.details.name)
        .collect();
    assert_eq!(
        register,
        ["Tom Reed", "Priya Shah"],
        "latest training first"
    );
}

#[test]
fn a_refresher_before_the_training_is_refused_beside_its_field_and_nothing_is_saved() {
    let mut c = caseload();
    let err = c
        .api
        .add_training(
            c.hoist.id,
            trained("Priya Shah", date(2026, 9, 8), Some(date(2026, 3, 1))),
        )
        .unwrap_err();
    let fields: Vec<&str> = err.fields().iter().map(|f| f.field.as_str()).collect();
    assert_eq!(fields, ["refresh_by"]);
    assert!(err.fields()[0].message.contains("after the training"));
    assert!(c.api.training_for_item(c.hoist.id).unwrap().is_empty());
    assert!(
        c.api
            .child_history(c.child.id)
            .unwrap()
            .iter()
            .all(|e| e.record.kind != RecordKind::Training)
    );
}

#[test]
fn a_missing_name_role_or_trainer_and_an_unknown_setting_are_each_named() {
    let mut c = caseload();
    let mut blank = trained(" ", date(2026, 9, 8), None);
    blank.role.clear();
    blank.trained_by.clear();
    let err = c.api.add_training(c.hoist.id, blank).unwrap_err();
    let fields: Vec<&str> = err.fields().iter().map(|f| f.field.as_str()).collect();
    assert_eq!(fields, ["name", "role", "trained_by"]);

    let mut elsewhere = trained("Priya Shah", date(2026, 9, 8), None);
    elsewhere.setting_id = Some(SettingId::new());
    let err = c.api.add_training(c.hoist.id, elsewhere).unwrap_err();
    assert_eq!(err.fields()[0].field, "setting_id");
    assert!(c.api.training_for_child(c.child.id).unwrap().is_empty());
}

#[test]
fn training_on_an_item_that_does_not_exist_is_not_found() {
    let mut c = caseload();
    let err = c
        .api
        .add_training(ItemId::new(), trained("Priya Shah", date(2026, 9, 8), None))
        .unwrap_err();
    assert!(
        matches!(err, equipment_passport::Error::NotFound { .. }),
        "{err:?}"
    );
}

#[test]
fn a_refresher_joins_the_due_list_when_it_comes_within_the_window_and_is_overdue_once_passed() {
    let mut c = caseload();
    c.api
        .add_training(
            c.hoist.id,
            trained("Priya Shah", date(2025, 12, 1), Some(date(2026, 12, 10))),
        )
        .unwrap();
    c.api
        .add_training(
            c.walker.id,
            trained("Tom Reed", date(2026, 10, 1), Some(date(2027, 10, 1))),
        )
        .unwrap();
    let refreshers = |api: &Api| -> Vec<DueEntry> {
        api.due_list(30)
            .unwrap()
            .into_iter()
            .filter(|e| e.kind == DueKind::Refresher)
            .collect()
    };

    let due = refreshers(&c.api);
    assert_eq!(due.len(), 1, "only the refresher within 30 days");
    assert_eq!(due[0].due_date, date(2026, 12, 10));
    assert_eq!(due[0].days_left, 18);
    assert_eq!(due[0].item_id, Some(c.hoist.id));
    assert_eq!(
        (due[0].subject.as_str(), due[0].person.as_str()),
        ("Ceiling hoist", "Priya Shah")
    );
    assert_eq!(due[0].when_text, "Due in 18 days");
    assert_eq!(DueKind::Refresher.label(), "Training refresher");

    let found = c.api.search_children("Zoë", None, 10).unwrap();
    let badge = found.children[0]
        .due
        .iter()
        .find(|b| b.kind == DueKind::Refresher)
        .expect("a refresher badge");
    assert_eq!(badge.text, "Training refresher due");

    // The same register read on a later day, once the refresher has passed.
    let mut moved = api_on(date(2026, 12, 20));
    let child = add_child(&mut moved, "Zoë", "Hughes");
    let hoist = add_item(&mut moved, child.id, Category::Hoist, "Ceiling hoist");
    moved
        .add_training(
            hoist.id,
            trained("Priya Shah", date(2025, 12, 1), Some(date(2026, 12, 10))),
        )
        .unwrap();
    let due = refreshers(&moved);
    assert_eq!(due[0].when_text, "Overdue by 10 days");
    assert!(moved.training_for_item(hoist.id).unwrap()[0].refresher_overdue);
}

#[test]
fn training_on_returned_equipment_is_not_due() {
    let mut c = caseload();
    c.api
        .add_training(
            c.hoist.id,
            trained("Priya Shah", date(2025, 12, 1), Some(date(2026, 12, 10))),
        )
        .unwrap();
    let mut details = c.hoist.details.clone();
    details.status = ItemStatus::Returned;
    c.api.update_item(c.hoist.id, details).unwrap();
    assert!(
        c.api
            .due_list(30)
            .unwrap()
            .iter()
            .all(|e| e.kind != DueKind::Refresher)
    );
}

#[test]
fn adding_and_removing_an_entry_are_in_the_items_and_the_childs_history() {
    let mut c = caseload();
    let added = c
        .api
        .add_training(c.hoist.id, trained("Priya Shah", date(2026, 9, 8), None))
        .unwrap();
    c.api.delete_training(added.id).unwrap();

    assert!(c.api.training_for_item(c.hoist.id).unwrap().is_empty());
    let history: Vec<_> = c
        .api
        .item_history(c.hoist.id)
        .unwrap()
        .into_iter()
        .filter(|e| e.record.kind == RecordKind::Training)
        .collect();
    let actions: Vec<AuditAction> = history.iter().map(|e| e.action).collect();
    assert_eq!(actions, [AuditAction::Create, AuditAction::Delete]);
    assert_eq!(history[1].summary, "Training: Priya Shah on 2026-09-08");
    let name = history[1]
        .changes
        .iter()
        .find(|ch| ch.label == "Name")
        .unwrap();
    assert_eq!(name.old.as_deref(), Some("Priya Shah"));
    let item = history[0]
        .changes
        .iter()
        .find(|ch| ch.label == "Equipment item")
        .unwrap();
    assert_eq!(
        item.new.as_deref(),
        Some("Ceiling hoist"),
        "ids read as names"
    );
    assert!(
        c.api
            .child_history(c.child.id)
            .unwrap()
            .iter()
            .any(|e| e.record.kind == RecordKind::Training && e.action == AuditAction::Delete)
    );
    assert_eq!(RecordKind::Training.label(), "Staff training");
}

#[test]
fn removing_an_entry_that_does_not_exist_is_not_found() {
    let mut c = caseload();
    assert!(matches!(
        c.api.delete_training(TrainingId::new()),
        Err(equipment_passport::Error::NotFound { .. })
    ));
}

#[test]
fn deleting_the_item_takes_its_register_with_it() {
    let mut c = caseload();
    c.api
        .add_training(c.hoist.id, trained("Priya Shah", date(2026, 9, 8), None))
        .unwrap();
    c.api.delete_item(c.hoist.id).unwrap();
    assert!(c.api.training_for_child(c.child.id).unwrap().is_empty());
}

fn staff_page(api: &mut Api, child: ChildId) -> String {
    let printed = api
        .render_passport(
            child,
            PrintRequest {
                audience: Audience::Family,
                format: Format::A4,
                large_print: false,
            },
        )
        .unwrap();
    let doc = lopdf::Document::load_mem(&printed.pdf).unwrap();
    let page = doc
        .get_pages()
        .keys()
        .map(|&n| doc.extract_text(&[n]).unwrap())
        .find(|t| t.contains("Staff trained to use this equipment"))
        .expect("a staff-trained page");
    page.split_whitespace().collect()
}

#[test]
fn the_passports_staff_trained_page_prints_the_register_then_blank_rows() {
    let mut c = caseload();
    let empty = staff_page(&mut c.api, c.child.id);
    assert!(empty.contains("NameRoleEquipmentDatetrainedTrainedbyRefresherdueSignature"));
    assert!(!empty.contains("PriyaShah"));

    c.api
        .add_training(
            c.hoist.id,
            trained("Priya Shah", date(2026, 9, 8), Some(date(2027, 9, 8))),
        )
        .unwrap();
    let page = staff_page(&mut c.api, c.child.id);
    assert!(
        page.contains("PriyaShahTeachingassistantCeilinghoist8Sep2026GwynDavies,OT8Sep2027"),
        "{page}"
    );
}

#[test]
fn a_change_to_the_register_puts_a_printed_copy_out_of_date() {
    let mut c = caseload();
    c.api
        .render_passport(
            c.child.id,
            PrintRequest {
                audience: Audience::Family,
                format: Format::A4,
                large_print: false,
            },
        )
        .unwrap();
    assert!(!c.api.issued_copies(c.child.id).unwrap()[0].out_of_date);
    c.api
        .add_training(c.hoist.id, trained("Priya Shah", date(2026, 9, 8), None))
        .unwrap();
    assert!(c.api.issued_copies(c.child.id).unwrap()[0].out_of_date);
}

#[test]
fn each_persons_refresher_is_its_own_calendar_event_naming_the_item_not_the_person() {
    let mut c = caseload();
    for name in ["Priya Shah", "Tom Reed"] {
        c.api
            .add_training(
                c.hoist.id,
                trained(name, date(2025, 12, 1), Some(date(2026, 12, 10))),
            )
            .unwrap();
    }
    let calendar = c.api.due_calendar(30).unwrap();
    let refreshers: Vec<&str> = calendar
        .ics
        .lines()
        .filter(|l| l.starts_with("UID:refresher-"))
        .collect();
    assert_eq!(refreshers.len(), 2, "{}", calendar.ics);
    assert_ne!(refreshers[0], refreshers[1]);
    assert!(
        calendar
            .ics
            .contains("SUMMARY:Training refresher: Ceiling hoist (Z.H.)"),
        "{}",
        calendar.ics
    );
    assert!(!calendar.ics.contains("Priya") && !calendar.ics.contains("Reed"));
}

// The register in passport bundles: a child handed over to another team, or a family's copy,
// keeps who was trained on each item.

/// A child with a register on two items: Priya (at the school, refresher due on 10 December)
/// on the hoist, Tom (no setting, no refresher) on the walker.
fn caseload_with_register() -> (Caseload, Vec<TrainingRecord>) {
    let mut c = caseload();
    let school = crate::support::add_setting(&mut c.api, "Oakfield Primary");
    let mut priya = trained("Priya Shah", date(2025, 12, 1), Some(date(2026, 12, 10)));
    priya.setting_id = Some(school.id);
    priya.role = "Teaching assistant (1:1)".into();
    c.api.add_training(c.hoist.id, priya).unwrap();
    c.api
        .add_training(c.walker.id, trained("Tom Reed", date(2026, 10, 1), None))
        .unwrap();
    let register = c.api.training_for_child(c.child.id).unwrap();
    assert_eq!(register.len(), 2);
    (c, register)
}

fn import_zip(
    api: &mut Api,
    zip: &[u8],
    existing: ExistingChild,
) -> equipment_passport::Result<equipment_passport::bundle::ImportReport> {
    let options = ImportOptions {
        existing,
        ..Default::default()
    };
    api.import_bundle_zip(zip, &options)
}

fn refreshers(api: &Api) -> Vec<(String, chrono::NaiveDate, Option<ItemId>)> {
    api.due_list(30)
        .unwrap()
        .into_iter()
        .filter(|e| e.kind == DueKind::Refresher)
        .map(|e| (e.person, e.due_date, e.item_id))
        .collect()
}

#[test]
fn a_childs_register_travels_in_a_bundle_with_every_field_and_its_refresher_still_due() {
    let (c, register) = caseload_with_register();
    let (zip, _) = c.api.bundle_zip(ExportScope::Child(c.child.id)).unwrap();

    let mut other = api_on(today());
    let report = import_zip(&mut other, &zip, ExistingChild::Skip).unwrap();

    assert_eq!(report.children[0].outcome, ChildOutcome::Imported);
    assert_eq!(
        other.training_for_child(c.child.id).unwrap(),
        register,
        "ids, items, names, roles, trainers, dates and the school where Priya works"
    );
    assert_eq!(
        other.settings().unwrap()[0].details.name,
        "Oakfield Primary"
    );
    assert_eq!(
        refreshers(&other),
        [(
            "Priya Shah".to_string(),
            date(2026, 12, 10),
            Some(c.hoist.id)
        )]
    );
}

#[test]
fn replacing_a_child_from_a_bundle_replaces_their_register_with_the_bundles() {
    let (mut c, register) = caseload_with_register();
    let (zip, _) = c.api.bundle_zip(ExportScope::Child(c.child.id)).unwrap();
    // Recorded after the bundle was made, so not in it.
    c.api
        .add_training(c.hoist.id, trained("Ann Bell", date(2026, 11, 1), None))
        .unwrap();

    let report = import_zip(&mut c.api, &zip, ExistingChild::Replace).unwrap();

    assert_eq!(report.children[0].outcome, ChildOutcome::Replaced);
    assert_eq!(c.api.training_for_child(c.child.id).unwrap(), register);
}

#[test]
fn a_copy_from_a_bundle_gets_a_register_of_its_own_with_new_ids() {
    let (mut c, register) = caseload_with_register();
    let (zip, _) = c.api.bundle_zip(ExportScope::Child(c.child.id)).unwrap();

    let report = import_zip(&mut c.api, &zip, ExistingChild::Copy).unwrap();

    let copy = report.children[0].id;
    assert_eq!(report.children[0].outcome, ChildOutcome::Copied);
    assert_ne!(copy, c.child.id);
    assert_eq!(
        c.api.training_for_child(c.child.id).unwrap(),
        register,
        "the original register is untouched"
    );
    let copied = c.api.training_for_child(copy).unwrap();
    let copy_items: Vec<ItemId> = c
        .api
        .child(copy)
        .unwrap()
        .items
        .iter()
        .map(|i| i.id)
        .collect();
    assert_eq!(copied.len(), register.len());
    for (new, old) in copied.iter().zip(&register) {
        assert_eq!(new.details, old.details);
        assert_eq!(new.item_name, old.item_name);
        assert_eq!(new.child_id, copy);
        assert!(
            copy_items.contains(&new.item_id),
            "filed under the copy's item"
        );
        assert!(register.iter().all(|r| r.id != new.id), "a new id");
    }
    assert_eq!(refreshers(&c.api).len(), 2, "each child's refresher is due");
}

#[test]
fn a_bundle_with_a_refresher_typed_before_its_training_is_refused_naming_the_entry() {
    let (mut c, register) = caseload_with_register();
    let (zip, _) = c.api.bundle_zip(ExportScope::Child(c.child.id)).unwrap();
    let mut hoist_at = 0;
    let zip = crate::bundle::edit_document(&zip, |doc| {
        let items = doc["children"][0]["items"].as_array_mut().unwrap();
        hoist_at = items
            .iter()
            .position(|i| i["item"]["name"] == json!("Ceiling hoist"))
            .unwrap();
        items[hoist_at]["training"][0]["details"]["refresh_by"] = json!("2025-11-01");
        // Everything else in the bundle would be imported: a new child's name.
        doc["children"][0]["child"]["given_name"] = json!("Zoe");
    });
    let mut other = api_on(today());

    for (api, existing) in [
        (&mut c.api, ExistingChild::Replace),
        (&mut other, ExistingChild::Skip),
    ] {
        let err = import_zip(api, &zip, existing).unwrap_err();
        let fields: Vec<&str> = err.fields().iter().map(|f| f.field.as_str()).collect();
        let priya = &register[1];
        assert_eq!(priya.details.name, "Priya Shah");
        assert_eq!(
            fields,
            [format!(
                "child 1 ({}) item {} ({}) training 1 ({}): refresh_by",
                c.child.id,
                hoist_at + 1,
                c.hoist.id,
                priya.id
            )]
        );
        assert!(err.fields()[0].message.contains("after the training"));
    }
    assert_eq!(other.child_count().unwrap(), 0, "nothing is written");
    assert_eq!(c.api.training_for_child(c.child.id).unwrap(), register);
    assert_eq!(
        c.api.child(c.child.id).unwrap().child.details.given_name,
        "Zoë"
    );
}

#[test]
fn an_entry_naming_a_setting_missing_from_the_bundle_is_refused() {
    let (c, _) = caseload_with_register();
    let (zip, _) = c.api.bundle_zip(ExportScope::Child(c.child.id)).unwrap();
    let zip = crate::bundle::edit_document(&zip, |doc| doc["settings"] = json!([]));
    let mut other = api_on(today());
    let err = import_zip(&mut other, &zip, ExistingChild::Skip).unwrap_err();
    assert!(
        err.fields()
            .iter()
            .any(|f| f.field.ends_with("): setting_id")
                && f.field.contains(" training 1 (")
                && f.message.contains("missing from the bundle")),
        "{err}"
    );
    assert_eq!(other.child_count().unwrap(), 0);
}

#[test]
fn a_version_2_bundle_without_a_register_imports_with_an_empty_one() {
    let (c, _) = caseload_with_register();
    let (zip, _) = c.api.bundle_zip(ExportScope::Child(c.child.id)).unwrap();
    // As version 2 wrote it: no schedules and no register on any item.
    let zip = crate::bundle::edit_document(&zip, |doc| {
        doc["schema_version"] = json!(2);
        for item in doc["children"][0]["items"].as_array_mut().unwrap() {
            let item = item.as_object_mut().unwrap();
            item.remove("schedules");
            item.remove("training");
        }
    });
    let mut other = api_on(today());
    let report = import_zip(&mut other, &zip, ExistingChild::Skip).unwrap();
    assert_eq!(report.schema_version, 2);
    assert_eq!(report.children[0].outcome, ChildOutcome::Imported);
    assert_eq!(other.child(c.child.id).unwrap().items.len(), 2);
    assert!(other.training_for_child(c.child.id).unwrap().is_empty());
}
