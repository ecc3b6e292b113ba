//! The audit trail: every create, update and delete of every kind of record says who, when,
//! which record (and whose), and each changed field's old and new value; nothing edits or
//! deletes the trail, and a deleted child's history stays.

use crate::support::photos::jpeg;
use crate::support::*;
use chrono::Utc;
use equipment_passport::Api;
use equipment_passport::api::{AuditAction, AuditEntry, Preferences, RecordKind, RecordRef};
use equipment_passport::model::dfg::{DfgCaseDetails, Jurisdiction, Stage, StageEntry, Tenure};
use equipment_passport::model::*;

const THERAPIST: &str = "Mia Patel";

/// A caseload whose therapist profile is set, so changes have someone to be made by.
fn caseload() -> Api {
    let mut api = api();
    let mut prefs = Preferences::default();
    prefs.therapist.name = THERAPIST.into();
    prefs.therapist.profession = "Occupational Therapist".into();
    api.set_preferences(prefs).unwrap();
    api
}

/// The change of `field` in `entry`, as (old, new).
fn change(entry: &AuditEntry, field: &str) -> (Option<String>, Option<String>) {
    let c = entry
        .changes
        .iter()
        .find(|c| c.field == field)
        .unwrap_or_else(|| panic!("no change of {field} in {entry:#?}"));
    (c.old.clone(), c.new.clone())
}

fn some(s: &str) -> Option<String> {
    Some(s.to_string())
}

fn actions(history: &[AuditEntry]) -> Vec<AuditAction> {
    history.iter().map(|e| e.action).collect()
}

#[test]
fn a_child_is_followed_from_creation_through_each_change_to_deletion() {
    let mut api = caseload();
    let before = Utc::now();
    let child = add_child(&mut api, "Zoe", "Hughes");
    let mut details = child.details.clone();
    details.given_name = "Zoë".into();
    details.nhs_number = "999 000 0018".into();
    api.update_child(child.id, details.clone()).unwrap();
    // Saving again with nothing changed leaves no entry.
    api.update_child(child.id, details).unwrap();
    api.delete_child(child.id).unwrap();
    let after = Utc::now();

    let history = api.history(child.id).unwrap();
    assert_eq!(
        actions(&history),
        [
            AuditAction::Create,
            AuditAction::Update,
            AuditAction::Delete
        ]
    );
    for entry in &history {
        assert_eq!(entry.who, THERAPIST);
        assert!(before - chrono::Duration::seconds(1) <= entry.at && entry.at <= after);
        assert_eq!(entry.record, RecordRef::new(RecordKind::Child, child.id));
        assert_eq!(entry.child_id, Some(child.id));
    }
    assert_eq!(change(&history[0], "given_name"), (None, some("Zoe")));
    assert_eq!(
        change(&history[0], "date_of_birth"),
        (None, some("2017-03-14"))
    );
    let update = &history[1];
    assert_eq!(change(update, "given_name"), (some("Zoe"), some("Zoë")));
    assert_eq!(change(update, "nhs_number"), (None, some("9990000018")));
    assert_eq!(update.changes.len(), 2, "only what changed: {update:#?}");
    assert_eq!(
        update
            .changes
            .iter()
            .find(|c| c.field == "nhs_number")
            .unwrap()
            .label,
        "NHS number"
    );
    let deletion = &history[2];
    assert_eq!(change(deletion, "given_name"), (some("Zoë"), None));
    assert_eq!(deletion.summary, "Zoë Hughes");
}

#[test]
fn key_statements_show_in_history_by_colour_one_statement_a_line() {
    let mut api = caseload();
    let child = add_child(&mut api, "Zoë", "Hughes");
    let mut details = child.details.clone();
    details.key_statements.red = vec![
        "Never lift me without two adults".into(),
        "Never leave me alone in the hoist".into(),
    ];
    details.key_statements.green = vec!["Sing while we move".into()];
    api.update_child(child.id, details.clone()).unwrap();
    details.key_statements.red.remove(0);
    api.update_child(child.id, details).unwrap();

    let history = api.history(child.id).unwrap();
    assert_eq!(history.len(), 3);
    assert!(
        history[0]
            .changes
            .iter()
            .all(|c| !c.field.starts_with("key_statements")),
        "a child added with no statements lists none: {:#?}",
        history[0]
    );
    let added = &history[1];
    assert_eq!(
        change(added, "key_statements_red"),
        (
            None,
            some("Never lift me without two adults\nNever leave me alone in the hoist")
        )
    );
    assert_eq!(
        change(added, "key_statements_green"),
        (None, some("Sing while we move"))
    );
    assert_eq!(added.changes.len(), 2, "amber did not change: {added:#?}");
    let red = added
        .changes
        .iter()
        .find(|c| c.field == "key_statements_red")
        .unwrap();
    assert_eq!(red.label, "Red: must never happen");
    assert_eq!(
        change(&history[2], "key_statements_red"),
        (
            some("Never lift me without two adults\nNever leave me alone in the hoist"),
            some("Never leave me alone in the hoist")
        )
    );
}

#[test]
fn every_column_of_a_child_that_a_person_edits_is_in_the_trail() {
    // The triggers name each column by hand (migrations 0004 and 0007): a column added to
    // children without them would change unseen. Only derived columns are left out.
    let mut api = caseload();
    let child = add_child(&mut api, "Zoë", "Hughes");
    let conn = api.store().conn();
    let mut columns: Vec<String> = conn
        .prepare("SELECT name FROM pragma_table_info('children') ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    columns.retain(|c| !["search_key", "sort_key", "updated_at"].contains(&c.as_str()));
    let logged: String = conn
        .query_row(
            "SELECT new_values FROM audit_log WHERE table_name = 'children' AND record_id = ?1",
            [child.id.to_string()],
            |r| r.get(0),
        )
        .unwrap();
    let logged: serde_json::Map<String, serde_json::Value> = serde_json::from_str(&logged).unwrap();
    let mut audited: Vec<String> = logged.keys().cloned().collect();
    audited.sort();
    assert_eq!(audited, columns);
}

#[test]
fn settings_suppliers_and_contacts_are_audited() {
    let mut api = caseload();
    let setting = add_setting(&mut api, "Oakfield Primary");
    let mut s = setting.details.clone();
    s.phone = "0121 496 0000".into();
    api.update_setting(setting.id, s).unwrap();
    api.delete_setting(setting.id).unwrap();
    let h = api.history(setting.id).unwrap();
    assert_eq!(
        actions(&h),
        [
            AuditAction::Create,
            AuditAction::Update,
            AuditAction::Delete
        ]
    );
    assert_eq!(change(&h[1], "phone"), (None, some("0121 496 0000")));
    assert_eq!(h[2].child_id, None);

    let supplier = api
        .create_supplier(SupplierDetails::new(
            "Ability Lifting Ltd",
            SupplierKind::Repairer,
        ))
        .unwrap();
    let mut d = supplier.details.clone();
    d.repair_phone = "0800 000 1234".into();
    api.update_supplier(supplier.id, d).unwrap();
    api.delete_supplier(supplier.id).unwrap();
    let h = api.history(supplier.id).unwrap();
    assert_eq!(
        actions(&h),
        [
            AuditAction::Create,
            AuditAction::Update,
            AuditAction::Delete
        ]
    );
    assert_eq!(change(&h[0], "name"), (None, some("Ability Lifting Ltd")));
    assert_eq!(change(&h[1], "repair_phone"), (None, some("0800 000 1234")));

    let child = add_child(&mut api, "Amara", "Okafor");
    let contact = api
        .add_contact(
            child.id,
            ContactDetails::new("Grace Okafor", ContactRole::ParentCarer),
        )
        .unwrap();
    let mut c = contact.details.clone();
    c.relationship = "Mum".into();
    api.update_contact(contact.id, c).unwrap();
    api.delete_contact(contact.id).unwrap();
    let h = api.history(contact.id).unwrap();
    assert_eq!(
        actions(&h),
        [
            AuditAction::Create,
            AuditAction::Update,
            AuditAction::Delete
        ]
    );
    assert!(h.iter().all(|e| e.child_id == Some(child.id)));
    assert_eq!(change(&h[0], "role"), (None, some("parent-carer")));
    assert_eq!(change(&h[1], "relationship"), (None, some("Mum")));
    assert_eq!(change(&h[2], "name"), (some("Grace Okafor"), None));
}

#[test]
fn equipment_its_steps_photos_and_service_log_are_audited() {
    let mut api = caseload();
    let child = add_child(&mut api, "Amara", "Okafor");
    let mut details = ItemDetails::new(Category::Hoist, "Ceiling hoist");
    details.setup_steps = vec![
        SetupStep {
            text: "Brakes on".into(),
            photo_id: None,
        },
        SetupStep {
            text: "Check the sling".into(),
            photo_id: None,
        },
    ];
    let item = api.create_item(child.id, details.clone()).unwrap();
    details.serial = "CH-4471".into();
    details.setup_steps[1].text = "Check the sling's label".into();
    details.setup_steps.push(SetupStep {
        text: "Two staff".into(),
        photo_id: None,
    });
    api.update_item(item.id, details).unwrap();

    let h = api.history(item.id).unwrap();
    let kinds: Vec<(RecordKind, AuditAction)> =
        h.iter().map(|e| (e.record.kind, e.action)).collect();
    assert_eq!(
        kinds,
        [
            (RecordKind::Item, AuditAction::Create),
            (RecordKind::SetupStep, AuditAction::Create),
            (RecordKind::SetupStep, AuditAction::Create),
            (RecordKind::Item, AuditAction::Update),
            // The steps are saved again; only the changed and the new one show.
            (RecordKind::SetupStep, AuditAction::Update),
            (RecordKind::SetupStep, AuditAction::Create),
        ]
    );
    assert_eq!(change(&h[0], "name"), (None, some("Ceiling hoist")));
    assert_eq!(change(&h[3], "serial"), (None, some("CH-4471")));
    assert_eq!(
        change(&h[4], "text"),
        (some("Check the sling"), some("Check the sling's label"))
    );
    assert_eq!(h[4].summary, "Set-up step 2");
    assert_eq!(change(&h[5], "text"), (None, some("Two staff")));

    // Photos: their details, caption and order, never their bytes.
    let first = api.add_item_photo(item.id, &jpeg(64, 48), "Front").unwrap();
    let second = api.add_item_photo(item.id, &jpeg(64, 48), "").unwrap();
    api.set_photo_caption(second.id, "Controls").unwrap();
    api.reorder_item_photos(item.id, &[second.id, first.id])
        .unwrap();
    api.delete_photo(first.id).unwrap();
    let h = api.history(second.id).unwrap();
    assert_eq!(
        actions(&h),
        [
            AuditAction::Create,
            AuditAction::Update,
            AuditAction::Update
        ]
    );
    assert_eq!(change(&h[0], "width"), (None, some("64")));
    assert!(h[0].changes.iter().all(|c| c.field != "jpeg"));
    assert_eq!(change(&h[1], "caption"), (None, some("Controls")));
    assert_eq!(change(&h[2], "position"), (some("2"), some("1")));
    let h = api.history(first.id).unwrap();
    assert_eq!(h.last().unwrap().action, AuditAction::Delete);
    assert_eq!(change(h.last().unwrap(), "caption"), (some("Front"), None));

    let record = api
        .add_service_record(
            item.id,
            record(ServiceKind::LolerExamination, date(2026, 10, 1)),
        )
        .unwrap();
    api.delete_service_record(record.id).unwrap();
    let h = api.history(record.id).unwrap();
    assert_eq!(actions(&h), [AuditAction::Create, AuditAction::Delete]);
    assert!(h.iter().all(|e| e.child_id == Some(child.id)));
    assert_eq!(
        change(&h[0], "by_whom"),
        (None, some("Ability Lifting Ltd"))
    );
    assert_eq!(change(&h[1], "date"), (some("2026-10-01"), None));

    api.delete_item(item.id).unwrap();
    let h = api.history(item.id).unwrap();
    assert_eq!(h.last().unwrap().action, AuditAction::Delete);
    let deleted_steps = h
        .iter()
        .filter(|e| e.record.kind == RecordKind::SetupStep && e.action == AuditAction::Delete)
        .count();
    assert_eq!(deleted_steps, 3);
}

#[test]
fn dfg_cases_stages_and_notes_are_audited() {
    let mut api = caseload();
    let child = add_child(&mut api, "Amara", "Okafor");
    let case = api
        .open_dfg_case(
            child.id,
            DfgCaseDetails {
                property_address: "12 Acacia Avenue, Birmingham".into(),
                ..DfgCaseDetails::new(Tenure::OwnerOccupier, Jurisdiction::England)
            },
        )
        .unwrap();
    let case_id = case.case.id;
    let mut details = case.case.details.clone();
    details.council = "Birmingham City Council".into();
    api.update_dfg_case(case_id, details).unwrap();
    let after_referral = api
        .record_dfg_stage(
            case_id,
            StageEntry::new(Stage::Referral, today(), THERAPIST),
        )
        .unwrap();
    let stage_id = after_referral.case.stages[0].id;
    api.add_dfg_note(case_id, THERAPIST, "Family asked about a stairlift")
        .unwrap();
    api.remove_last_dfg_stage(case_id, THERAPIST).unwrap();

    let h = api.history(case_id).unwrap();
    assert_eq!(actions(&h), [AuditAction::Create, AuditAction::Update]);
    assert_eq!(
        change(&h[1], "council"),
        (None, some("Birmingham City Council"))
    );
    let h = api.history(stage_id).unwrap();
    assert_eq!(actions(&h), [AuditAction::Create, AuditAction::Delete]);
    assert_eq!(change(&h[0], "stage"), (None, some("referral")));
    assert_eq!(change(&h[1], "date"), (some("2026-11-22"), None));
    let notes: Vec<AuditEntry> = api
        .child_history(child.id)
        .unwrap()
        .into_iter()
        .filter(|e| e.record.kind == RecordKind::DfgNote)
        .collect();
    assert_eq!(notes.len(), 2, "the note and the note of the removal");
    assert_eq!(
        change(&notes[0], "text"),
        (None, some("Family asked about a stairlift"))
    );
}

#[test]
fn preferences_are_audited_field_by_field_and_name_who_made_each_change() {
    let mut api = api();
    let child = add_child(&mut api, "Zoë", "Hughes");
    assert_eq!(api.history(child.id).unwrap()[0].who, "", "no profile yet");

    let mut prefs = Preferences::default();
    prefs.therapist.name = "Mia Patel".into();
    api.set_preferences(prefs.clone()).unwrap();
    prefs.therapist.name = "Tom Reid".into();
    prefs.idle_lock_minutes = 5;
    api.set_preferences(prefs).unwrap();
    add_child(&mut api, "Amara", "Okafor");

    let h = api
        .history(RecordRef::new(RecordKind::AppSetting, "preferences"))
        .unwrap();
    assert_eq!(actions(&h), [AuditAction::Create, AuditAction::Update]);
    assert_eq!(change(&h[0], "therapist.name"), (None, some("Mia Patel")));
    let update = &h[1];
    assert_eq!(
        change(update, "therapist.name"),
        (some("Mia Patel"), some("Tom Reid"))
    );
    assert_eq!(change(update, "idle_lock_minutes"), (some("10"), some("5")));
    assert_eq!(update.changes.len(), 2, "{update:#?}");
    assert_eq!(
        update
            .changes
            .iter()
            .find(|c| c.field == "therapist.name")
            .unwrap()
            .label,
        "Therapist › Name"
    );
    let amara = api.search_children("amara", None, 1).unwrap().children[0].id;
    assert_eq!(api.history(amara).unwrap()[0].who, "Tom Reid");
}

#[test]
fn a_deleted_childs_history_stays_with_everything_that_cascaded() {
    let mut api = caseload();
    let child = add_child(&mut api, "Zoë", "Hughes");
    api.add_contact(
        child.id,
        ContactDetails::new("Grace Hughes", ContactRole::ParentCarer),
    )
    .unwrap();
    let item = add_item(&mut api, child.id, Category::Hoist, "Mobile hoist");
    api.add_item_photo(item.id, &jpeg(40, 30), "Hoist").unwrap();
    api.add_service_record(
        item.id,
        record(ServiceKind::LolerExamination, date(2026, 9, 1)),
    )
    .unwrap();
    api.set_child_photo(child.id, &jpeg(40, 40)).unwrap();
    let case = api
        .open_dfg_case(
            child.id,
            DfgCaseDetails {
                property_address: "12 Acacia Avenue, Birmingham".into(),
                ..DfgCaseDetails::new(Tenure::OwnerOccupier, Jurisdiction::England)
            },
        )
        .unwrap();
    api.add_dfg_note(case.case.id, THERAPIST, "Opened").unwrap();
    let created = api.child_history(child.id).unwrap().len();

    api.delete_child(child.id).unwrap();
    assert!(api.child(child.id).is_err());

    let history = api.child_history(child.id).unwrap();
    let deleted: Vec<RecordKind> = history[created..]
        .iter()
        .filter(|e| e.action == AuditAction::Delete)
        .map(|e| e.record.kind)
        .collect();
    for kind in [
        RecordKind::Child,
        RecordKind::Contact,
        RecordKind::Item,
        RecordKind::Photo,
        RecordKind::ServiceRecord,
        RecordKind::DfgCase,
        RecordKind::DfgNote,
    ] {
        assert!(
            deleted.contains(&kind),
            "{kind:?} deletion missing: {deleted:?}"
        );
    }
    assert_eq!(
        deleted.iter().filter(|k| **k == RecordKind::Photo).count(),
        2
    );
    assert!(history.iter().all(|e| e.child_id == Some(child.id)));
    assert!(history.iter().all(|e| e.who == THERAPIST));
}

#[test]
fn the_trail_cannot_be_edited_or_deleted_even_with_raw_sql() {
    let mut api = caseload();
    add_child(&mut api, "Zoë", "Hughes");
    let count = api.audit_entry_count().unwrap();
    assert!(count >= 2);
    let conn = api.store().conn();
    for sql in [
        "UPDATE audit_log SET who = 'someone else'",
        "UPDATE audit_log SET new_values = NULL WHERE table_name = 'children'",
        "DELETE FROM audit_log",
        "DELETE FROM audit_log WHERE table_name = 'children'",
    ] {
        let err = conn.execute(sql, []).unwrap_err().to_string();
        assert!(err.contains("the audit trail cannot be"), "{sql}: {err}");
    }
    let who: Vec<String> = conn
        .prepare("SELECT DISTINCT who FROM audit_log")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(who, [THERAPIST]);
    assert_eq!(api.audit_entry_count().unwrap(), count);
}

#[test]
fn a_change_that_fails_leaves_no_entry() {
    let mut api = caseload();
    let child = add_child(&mut api, "Zoë", "Hughes");
    let count = api.audit_entry_count().unwrap();
    let mut bad = child.details.clone();
    bad.nhs_number = "123".into();
    assert!(api.update_child(child.id, bad).is_err());
    let setting = add_setting(&mut api, "Oakfield");
    let with_supplier = api
        .create_supplier(SupplierDetails::new("Ability", SupplierKind::Repairer))
        .unwrap();
    let mut item = ItemDetails::new(Category::Walker, "Walker");
    item.provider_id = Some(with_supplier.id);
    api.create_item(child.id, item).unwrap();
    let count_after = api.audit_entry_count().unwrap();
    assert!(count_after > count);
    // A supplier still named on equipment cannot go: its audit entry goes with the attempt.
    assert!(api.delete_supplier(with_supplier.id).is_err());
    assert_eq!(api.audit_entry_count().unwrap(), count_after);
    assert!(
        api.history(with_supplier.id)
            .unwrap()
            .iter()
            .all(|e| e.action == AuditAction::Create)
    );
    let _ = setting;
}

#[test]
fn the_logo_and_service_intervals_are_audited_without_any_bytes() {
    let mut api = caseload();
    api.set_logo(&crate::support::photos::png_with_text_and_alpha(120, 40))
        .unwrap();
    api.remove_logo().unwrap();
    let h = api
        .history(RecordRef::new(RecordKind::AppFile, "organisation-logo.png"))
        .unwrap();
    assert_eq!(actions(&h), [AuditAction::Create, AuditAction::Delete]);
    let size: usize = change(&h[0], "size").1.unwrap().parse().unwrap();
    assert!(size > 100, "{size}");
    assert!(
        h.iter()
            .all(|e| e.changes.iter().all(|c| c.field != "bytes"))
    );

    let mut intervals = api.service_intervals().unwrap();
    intervals.service_months = 6;
    api.set_service_intervals(intervals).unwrap();
    let h = api
        .history(RecordRef::new(RecordKind::AppSetting, "service_intervals"))
        .unwrap();
    assert_eq!(h.len(), 1);
    assert_eq!(h[0].action, AuditAction::Create);
    assert_eq!(change(&h[0], "service_months"), (None, some("6")));
    assert_eq!(h[0].who, THERAPIST);
}

/// An item with two set-up steps, as the item-history tests start from.
fn with_steps(api: &mut Api, child: ChildId, category: Category, name: &str) -> EquipmentItem {
    let mut details = ItemDetails::new(category, name);
    details.setup_steps = ["Brakes on", "Two staff"]
        .map(|text| SetupStep {
            text: text.into(),
            photo_id: None,
        })
        .to_vec();
    api.create_item(child, details).unwrap()
}

/// Which records a history's entries are about, in order.
fn records(history: &[AuditEntry]) -> Vec<(RecordKind, String)> {
    history
        .iter()
        .map(|e| (e.record.kind, e.record.id.clone()))
        .collect()
}

#[test]
fn an_items_history_holds_exactly_its_own_steps_photos_and_service_records() {
    let mut api = caseload();
    let child = add_child(&mut api, "Amara", "Okafor");
    let walker = with_steps(&mut api, child.id, Category::Walker, "Kaye walker");
    let stander = with_steps(&mut api, child.id, Category::StandingFrame, "Prone stander");
    let walker_photo = api.add_item_photo(walker.id, &jpeg(64, 48), "").unwrap();
    api.add_item_photo(stander.id, &jpeg(64, 48), "Straps")
        .unwrap();
    let walker_check = api
        .add_service_record(walker.id, record(ServiceKind::Service, date(2026, 9, 1)))
        .unwrap();
    api.add_service_record(stander.id, record(ServiceKind::Service, date(2026, 9, 2)))
        .unwrap();
    // Edits to both items, the walker's photo and the child: only the walker's show.
    let mut details = walker.details.clone();
    details.serial = "KW-101".into();
    details.setup_steps[1].text = "Two staff to turn".into();
    api.update_item(walker.id, details).unwrap();
    let mut details = stander.details.clone();
    details.serial = "PS-202".into();
    api.update_item(stander.id, details).unwrap();
    api.set_photo_caption(walker_photo.id, "Brake levers")
        .unwrap();
    let mut about = child.details.clone();
    about.class_name = "Year 3".into();
    api.update_child(child.id, about).unwrap();
    api.delete_service_record(walker_check.id).unwrap();

    let history = api.item_history(walker.id).unwrap();

    let w = walker.id.to_string();
    let (photo, check) = (walker_photo.id.to_string(), walker_check.id.to_string());
    // The service started the walker's service schedule, which is the walker's too.
    let schedule = api.schedules_of_item(walker.id).unwrap()[0].id.to_string();
    assert_eq!(
        records(&history),
        [
            (RecordKind::Item, w.clone()),
            (RecordKind::SetupStep, format!("{w}#0")),
            (RecordKind::SetupStep, format!("{w}#1")),
            (RecordKind::Photo, photo.clone()),
            (RecordKind::ServiceRecord, check.clone()),
            (RecordKind::Schedule, schedule),
            (RecordKind::Item, w.clone()),
            (RecordKind::SetupStep, format!("{w}#1")),
            (RecordKind::Photo, photo),
            (RecordKind::ServiceRecord, check),
        ]
    );
    assert!(history.windows(2).all(|pair| pair[0].seq < pair[1].seq));
    assert_eq!(change(&history[6], "serial"), (None, some("KW-101")));
    assert_eq!(
        change(&history[7], "text"),
        (some("Two staff"), some("Two staff to turn"))
    );
    // The photo's entry names the item it is on, not the item's id.
    assert_eq!(change(&history[3], "item_id"), (None, some("Kaye walker")));
    assert_eq!(change(&history[5], "item_id"), (None, some("Kaye walker")));
    assert_eq!(change(&history[8], "caption"), (None, some("Brake levers")));
    assert_eq!(history[9].action, AuditAction::Delete);
    assert!(history.iter().all(|e| e.who == THERAPIST));
}

#[test]
fn a_deleted_items_history_stays_and_ends_with_its_deletion() {
    let mut api = caseload();
    let child = add_child(&mut api, "Amara", "Okafor");
    let walker = with_steps(&mut api, child.id, Category::Walker, "Kaye walker");
    let photo = api
        .add_item_photo(walker.id, &jpeg(64, 48), "Front")
        .unwrap();
    let check = api
        .add_service_record(walker.id, record(ServiceKind::Service, date(2026, 9, 1)))
        .unwrap();

    api.delete_item(walker.id).unwrap();
    let history = api.item_history(walker.id).unwrap();

    let created: Vec<RecordKind> = history
        .iter()
        .filter(|e| e.action == AuditAction::Create)
        .map(|e| e.record.kind)
        .collect();
    assert_eq!(
        created,
        [
            RecordKind::Item,
            RecordKind::SetupStep,
            RecordKind::SetupStep,
            RecordKind::Photo,
            RecordKind::ServiceRecord,
            // The service started the walker's service schedule.
            RecordKind::Schedule,
        ]
    );
    let deleted = |id: String| {
        history
            .iter()
            .any(|e| e.record.id == id && e.action == AuditAction::Delete)
    };
    assert!(deleted(walker.id.to_string()));
    assert!(deleted(photo.id.to_string()));
    assert!(deleted(check.id.to_string()));
    assert!(history.iter().all(|e| e.action != AuditAction::Update));
    // Even once the item has gone, its photo's entries call it by its name.
    assert!(
        history
            .iter()
            .filter(|e| e.record.kind == RecordKind::Photo)
            .all(|e| e
                .changes
                .iter()
                .filter(|c| c.field == "item_id")
                .all(|c| [&c.old, &c.new]
                    .into_iter()
                    .flatten()
                    .all(|v| v == "Kaye walker")))
    );
}

#[test]
fn an_item_with_no_entries_has_an_empty_history() {
    let api = caseload();
    assert!(api.item_history(ItemId::new()).unwrap().is_empty());
}

#[test]
fn ids_of_other_records_read_as_their_names_even_once_those_are_deleted() {
    let mut api = caseload();
    let school = add_setting(&mut api, "Oakfield Primary");
    let supplier = api
        .create_supplier(SupplierDetails::new(
            "Ability Repairs",
            SupplierKind::Repairer,
        ))
        .unwrap();
    let child = add_child(&mut api, "Zoë", "Hughes");
    let mut at_school = child.details.clone();
    at_school.setting_id = Some(school.id);
    api.update_child(child.id, at_school).unwrap();
    let mut details = ItemDetails::new(Category::Walker, "Kaye walker");
    details.provider_id = Some(supplier.id);
    let walker = api.create_item(child.id, details).unwrap();
    api.delete_setting(school.id).unwrap();

    let child_history = api.history(child.id).unwrap();
    assert_eq!(
        change(&child_history[1], "setting_id"),
        (None, some("Oakfield Primary"))
    );
    // The school's deletion took it off the child: still called by its name.
    assert_eq!(
        change(child_history.last().unwrap(), "setting_id"),
        (some("Oakfield Primary"), None)
    );
    let item_history = api.item_history(walker.id).unwrap();
    assert_eq!(
        change(&item_history[0], "provider_id"),
        (None, some("Ability Repairs"))
    );
}

#[test]
fn replacing_the_logo_with_a_file_of_the_same_size_is_audited() {
    let api = caseload();
    let conn = api.store().conn();
    conn.execute(
        "INSERT INTO app_files (name, bytes) VALUES ('logo.png', x'0102')",
        [],
    )
    .unwrap();
    let before = api.audit_entry_count().unwrap();

    conn.execute(
        "UPDATE app_files SET bytes = x'0304' WHERE name = 'logo.png'",
        [],
    )
    .unwrap();

    assert_eq!(api.audit_entry_count().unwrap(), before + 1);
    let h = api
        .history(RecordRef::new(RecordKind::AppFile, "logo.png"))
        .unwrap();
    assert_eq!(actions(&h), [AuditAction::Create, AuditAction::Update]);
}

mod cli {
    use assert_cmd::Command;

    use crate::support::cli::passport;

    fn stdout_of(cmd: &mut Command) -> String {
        String::from_utf8(cmd.assert().success().get_output().stdout.clone()).unwrap()
    }

    #[test]
    fn passport_audit_prints_a_childs_history_even_after_deletion_of_their_equipment() {
        let dir = tempfile::tempdir().unwrap();
        stdout_of(passport(dir.path()).args(["profile", "set", "--name", "Mia Patel"]));
        let child = stdout_of(passport(dir.path()).args([
            "child",
            "add",
            "--given",
            "Zoë",
            "--family",
            "Hughes",
            "--dob",
            &crate::support::iso(crate::support::born_years_ago(9)),
        ]));
        let child = child.trim();
        stdout_of(passport(dir.path()).args([
            "item",
            "add",
            "--child",
            child,
            "--category",
            "walker",
            "--name",
            "Kaye walker",
        ]));
        let text = stdout_of(passport(dir.path()).args(["audit", "--child", child]));
        assert!(
            text.contains("Mia Patel  added child \"Zoë Hughes\""),
            "{text}"
        );
        assert!(text.contains("    First name: Zoë"), "{text}");
        assert!(
            text.contains("added equipment item \"Kaye walker\""),
            "{text}"
        );

        let json: serde_json::Value = serde_json::from_str(&stdout_of(
            passport(dir.path()).args(["audit", "--child", child, "--json"]),
        ))
        .unwrap();
        let entries = json.as_array().unwrap();
        assert_eq!(entries.len(), 2);
        assert_eq!(entries[0]["action"], "create");
        assert_eq!(entries[0]["record"]["kind"], "child");
        assert_eq!(entries[0]["who"], "Mia Patel");
        assert_eq!(entries[1]["record"]["kind"], "item");

        passport(dir.path())
            .args(["audit", "--child", "not-an-id"])
            .assert()
            .failure();
    }

    #[test]
    fn passport_audit_item_prints_one_items_history_as_text_or_json() {
        let dir = tempfile::tempdir().unwrap();
        stdout_of(passport(dir.path()).args(["profile", "set", "--name", "Mia Patel"]));
        let child = stdout_of(passport(dir.path()).args([
            "child",
            "add",
            "--given",
            "Zoë",
            "--family",
            "Hughes",
            "--dob",
            &crate::support::iso(crate::support::born_years_ago(9)),
        ]));
        let child = child.trim();
        let add_item = |name: &str| {
            let id = stdout_of(passport(dir.path()).args([
                "item",
                "add",
                "--child",
                child,
                "--category",
                "walker",
                "--name",
                name,
            ]));
            id.trim().to_string()
        };
        let walker = add_item("Kaye walker");
        add_item("Spare walker");
        let photo = dir.path().join("front.jpg");
        std::fs::write(&photo, crate::support::photos::jpeg(64, 48)).unwrap();
        stdout_of(
            passport(dir.path())
                .args(["photo", "add", "--item", &walker])
                .arg(&photo),
        );

        let text = stdout_of(passport(dir.path()).args(["audit", "--item", &walker]));
        assert!(
            text.contains("Mia Patel  added equipment item \"Kaye walker\""),
            "{text}"
        );
        assert!(text.contains("added photo \"Photo\""), "{text}");
        assert!(text.contains("    Equipment item: Kaye walker"), "{text}");
        assert!(!text.contains("Spare walker"), "{text}");
        assert!(!text.contains("added child"), "{text}");

        let json: serde_json::Value = serde_json::from_str(&stdout_of(
            passport(dir.path()).args(["audit", "--item", &walker, "--json"]),
        ))
        .unwrap();
        let kinds: Vec<&str> = json
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["record"]["kind"].as_str().unwrap())
            .collect();
        assert_eq!(kinds, ["item", "photo"]);

        // Exactly one of --child and --item.
        passport(dir.path()).arg("audit").assert().failure();
        passport(dir.path())
            .args(["audit", "--child", child, "--item", &walker])
            .assert()
            .failure();
        passport(dir.path())
            .args(["audit", "--item", "not-an-id"])
            .assert()
            .failure();
    }
}

#[test]
fn a_history_page_names_its_item_and_child_in_the_same_answer_even_once_deleted() {
    let mut api = caseload();
    let child = add_child(&mut api, "Amara", "Okafor");
    let walker = with_steps(&mut api, child.id, Category::Walker, "Kaye walker");

    let page = api.item_history_page(walker.id).unwrap();
    assert_eq!(page.subject, "Kaye walker");
    assert_eq!(page.child_id, Some(child.id));
    assert_eq!(page.child_name.as_deref(), Some("Amara Okafor"));
    assert_eq!(page.entries, api.item_history(walker.id).unwrap());

    let page = api.child_history_page(child.id).unwrap();
    assert_eq!(page.subject, "Amara Okafor");
    assert_eq!(page.entries, api.child_history(child.id).unwrap());

    api.delete_child(child.id).unwrap();
    let item_page = api.item_history_page(walker.id).unwrap();
    assert_eq!(item_page.subject, "Kaye walker", "the last name recorded");
    assert_eq!(item_page.child_id, Some(child.id));
    assert_eq!(item_page.child_name, None, "the child has gone");
    let child_page = api.child_history_page(child.id).unwrap();
    assert_eq!(child_page.subject, "Amara Okafor");
    assert_eq!(child_page.child_name.as_deref(), Some("Amara Okafor"));
}
