//! Bundles: export to an encrypted `.passport` file and import, all or nothing.
//!
//! The hand-made bad bundles live in `tests/fixtures/bundles/` as the zip archives inside the
//! encryption (so they read as what they are); they are written by [`bad_bundles`] below and
//! `bad_bundle_fixtures_are_the_ones_committed` keeps the files and the code in step
//! (`UPDATE_BUNDLE_FIXTURES=1 cargo test --test main bundle::` rewrites them). Each test seals
//! them with a passphrase and imports them through the file, as a user would.

use crate::support::{self, *};
use chrono::{TimeZone, Utc};
use equipment_passport::api::DfgCaseFilter;
use equipment_passport::api::ExportScope;
use equipment_passport::bundle::crypt;
use equipment_passport::bundle::{
    Bundle, BundleChild, ChildOutcome, ExistingChild, ImportOptions, Limits, SCHEMA_VERSION,
};
use equipment_passport::model::dfg::{DfgCaseDetails, Jurisdiction, Stage, StageEntry, Tenure};
use equipment_passport::model::*;
use equipment_passport::{Api, Error};
use serde_json::{Value, json};
use std::io::Write;
use std::path::{Path, PathBuf};
use uuid::Uuid;

const PASSPHRASE: &str = "correct horse battery staple";

/// A caseload with a child who has everything a bundle carries: setting, contacts, a photo,
/// a hoist and a sling linked to it, a wheelchair from a supplier, gallery and step photos,
/// service logs; and a second, plainer child.
fn caseload() -> (Api, ChildId, ChildId) {
    let mut api = support::api();
    let school = add_setting(&mut api, "Oakfield Primary");
    let service = api
        .create_supplier(SupplierDetails::new(
            "Birmingham Wheelchair Service",
            SupplierKind::WheelchairService,
        ))
        .unwrap();
    let mut details = ChildDetails::new("Zoë", "Hughes", date(2017, 3, 14));
    details.nhs_number = "999 000 0018".into();
    details.setting_id = Some(school.id);
    details.preferred_name = "Zo".into();
    details.about_me.what_helps = "Warn her before the hoist moves.".into();
    details.key_statements.red = vec!["Never lift me without two adults".into()];
    details.key_statements.amber = vec![
        "Brakes on before the hoist moves".into(),
        "Check the sling label first".into(),
    ];
    details.key_statements.green = vec!["Sing to me while we move".into()];
    details.home_address = "14 Elm Road, Birmingham".into();
    let zoe = api.create_child(details).unwrap();
    api.set_child_photo(zoe.id, &photos::jpeg(300, 400))
        .unwrap();
    let mut mum = ContactDetails::new("Anna Łukasiewicz", ContactRole::ParentCarer);
    mum.phones = vec![Phone {
        label: "mobile".into(),
        number: "07700 900123".into(),
    }];
    api.add_contact(zoe.id, mum).unwrap();
    let hoist = add_item(&mut api, zoe.id, Category::Hoist, "Ceiling hoist");
    let mut sling = ItemDetails::new(Category::Sling, "Toileting sling");
    sling.sling = Some(SlingDetails {
        sling_id: "SL-0042".into(),
        hoist_ids: vec![hoist.id],
        ..Default::default()
    });
    api.create_item(zoe.id, sling).unwrap();
    let mut chair = ItemDetails::new(Category::Wheelchair, "Manual wheelchair");
    chair.provider_id = Some(service.id);
    chair.issue_date = Some(date(2025, 1, 10));
    let chair = api.create_item(zoe.id, chair).unwrap();
    api.add_item_photo(chair.id, &photos::jpeg(640, 480), "Brakes on")
        .unwrap();
    api.add_item_photo(chair.id, &photos::jpeg(480, 640), "Footplates")
        .unwrap();
    let step_photo = api
        .add_step_photo(chair.id, &photos::jpeg(320, 240))
        .unwrap();
    let mut d = api.item(chair.id).unwrap().item.details;
    d.setup_steps = vec![
        SetupStep {
            text: "Put both brakes on.".into(),
            photo_id: Some(step_photo),
        },
        SetupStep {
            text: "Fold the footplates up.".into(),
            photo_id: None,
        },
    ];
    d.safety_checks = vec!["Tyres firm".into()];
    api.update_item(chair.id, d).unwrap();
    api.add_service_record(chair.id, record(ServiceKind::Service, date(2026, 5, 1)))
        .unwrap();
    api.add_service_record(
        hoist.id,
        record(ServiceKind::LolerExamination, date(2026, 9, 1)),
    )
    .unwrap();
    let case = api
        .open_dfg_case(
            zoe.id,
            DfgCaseDetails::new(Tenure::CouncilTenant, Jurisdiction::England),
        )
        .unwrap()
        .case
        .id;
    for (stage, on) in [
        (Stage::Referral, date(2026, 6, 1)),
        (Stage::Assessment, date(2026, 6, 20)),
    ] {
        api.record_dfg_stage(case, StageEntry::new(stage, on, "Hannah Price"))
            .unwrap();
    }
    api.add_dfg_note(case, "Hannah Price", "Family prefer a wet room downstairs.")
        .unwrap();
    let sam = add_child(&mut api, "Sam", "Patel");
    add_item(&mut api, sam.id, Category::Seating, "Classroom chair");
    (api, zoe.id, sam.id)
}

/// Everything the api shows of a caseload: each child's record, every item's service log,
/// every photo's bytes, the directory; plus the database check.
fn snapshot(api: &Api) -> Value {
    let mut children = Vec::new();
    for summary in api.search_children("", None, 1000).unwrap().children {
        let record = api.child(summary.id).unwrap();
        let mut photo_ids: Vec<PhotoId> = record.child.photo_id.into_iter().collect();
        let mut logs = Vec::new();
        let mut schedules = Vec::new();
        for item in &record.items {
            photo_ids.extend(item.photos.iter().map(|p| p.id));
            photo_ids.extend(item.details.step_photo_ids());
            logs.push(api.item(item.id).unwrap().service_log);
            schedules.push(api.schedules_of_item(item.id).unwrap());
        }
        let photos: Vec<(PhotoId, Vec<u8>)> = photo_ids
            .into_iter()
            .map(|p| (p, api.photo_jpeg(p).unwrap()))
            .collect();
        children.push(json!({
            "record": record,
            "service_logs": logs,
            "schedules": schedules,
            "photos": photos
        }));
    }
    let filter = DfgCaseFilter {
        include_finished: true,
        ..Default::default()
    };
    let cases: Vec<Value> = api
        .dfg_cases(filter)
        .unwrap()
        .iter()
        .map(|c| json!(api.dfg_case(c.id).unwrap()))
        .collect();
    let check = api.check_database().unwrap();
    assert!(check.ok(), "{:?}", check.problems);
    json!({
        "children": children,
        "dfg_cases": cases,
        "settings": api.settings().unwrap(),
        "suppliers": api.suppliers().unwrap(),
        "counts": [check.children, check.items, check.photos],
    })
}

fn export(api: &Api, scope: ExportScope, dir: &Path) -> PathBuf {
    let path = dir.join("handover.passport");
    api.export_bundle(scope, &path, Some(PASSPHRASE)).unwrap();
    path
}

fn import(
    api: &mut Api,
    path: &Path,
    existing: ExistingChild,
) -> equipment_passport::Result<equipment_passport::bundle::ImportReport> {
    let options = ImportOptions {
        existing,
        ..Default::default()
    };
    api.import_bundle(path, Some(PASSPHRASE), &options)
}

#[test]
fn export_then_import_into_an_empty_caseload_gives_identical_records_and_photos() {
    let (api, _, _) = caseload();
    let dir = tempfile::tempdir().unwrap();
    let path = export(&api, ExportScope::All, dir.path());

    let mut other = support::api();
    let report = import(&mut other, &path, ExistingChild::Skip).unwrap();

    assert_eq!(report.count(ChildOutcome::Imported), 2);
    assert_eq!(
        (report.items, report.photos, report.service_records),
        (4, 4, 2)
    );
    assert_eq!((report.settings_added, report.suppliers_added), (1, 1));
    assert_eq!(snapshot(&other), snapshot(&api));
    let zoe = other.search_children("zoe", None, 10).unwrap().children[0].id;
    let statements = other.child(zoe).unwrap().child.details.key_statements;
    assert_eq!(statements.red, vec!["Never lift me without two adults"]);
    assert_eq!(statements.amber.len(), 2);
    assert_eq!(statements.green, vec!["Sing to me while we move"]);
}

#[test]
fn an_imported_childs_photo_gets_the_print_copy_of_the_cover_not_of_an_item() {
    let mut api = support::api();
    let zoe = add_child(&mut api, "Zoë", "Hughes");
    let face = api
        .set_child_photo(zoe.id, &photos::jpeg(1500, 2000))
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = export(&api, ExportScope::All, dir.path());

    let mut other = support::api();
    import(&mut other, &path, ExistingChild::Skip).unwrap();
    let print: Vec<u8> = other
        .store()
        .conn()
        .query_row("SELECT print_jpeg FROM photos WHERE id = ?1", [face], |r| {
            r.get(0)
        })
        .unwrap();
    let print = image::load_from_memory(&print).unwrap();
    // The cover's box is 532.5 × 629.8 px at 200 dpi; an item's would give 410 × 547.
    assert_eq!((print.width(), print.height()), (472, 629));
}

#[test]
fn a_bundle_file_is_encrypted_and_holds_the_schema_version_and_the_photos() {
    let (api, zoe, _) = caseload();
    let dir = tempfile::tempdir().unwrap();
    let path = export(&api, ExportScope::Child(zoe), dir.path());
    let sealed = std::fs::read(&path).unwrap();
    let text = String::from_utf8_lossy(&sealed);
    assert!(!text.contains("Hughes") && !text.contains("bundle.json"));
    assert!(!sealed.starts_with(b"PK"));

    let zip = crypt::open(&sealed, PASSPHRASE).unwrap();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(zip)).unwrap();
    let names: Vec<String> = archive.file_names().map(String::from).collect();
    assert_eq!(
        names.len(),
        1 + 4,
        "bundle.json and Zoë's four photos: {names:?}"
    );
    let doc: Value = serde_json::from_reader(archive.by_name("bundle.json").unwrap()).unwrap();
    assert_eq!(doc["schema_version"], SCHEMA_VERSION);
    assert_eq!(doc["children"].as_array().unwrap().len(), 1);
    assert_eq!(doc["suppliers"].as_array().unwrap().len(), 1);
}

#[test]
fn a_child_already_on_the_caseload_is_skipped_when_the_user_chooses_skip() {
    let (mut api, zoe, _) = caseload();
    let dir = tempfile::tempdir().unwrap();
    let path = export(&api, ExportScope::Child(zoe), dir.path());
    let mut d = api.child(zoe).unwrap().child.details;
    d.class_name = "Year 4".into();
    api.update_child(zoe, d).unwrap();
    let before = snapshot(&api);

    let report = import(&mut api, &path, ExistingChild::Skip).unwrap();

    assert_eq!(report.children[0].outcome, ChildOutcome::Skipped);
    assert_eq!((report.items, report.photos), (0, 0));
    assert_eq!(
        snapshot(&api),
        before,
        "the caseload's record is kept as it was"
    );
}

#[test]
fn a_child_already_on_the_caseload_is_replaced_when_the_user_chooses_replace() {
    let (mut api, zoe, _) = caseload();
    let dir = tempfile::tempdir().unwrap();
    let path = export(&api, ExportScope::All, dir.path());
    let exported = snapshot(&api);
    let mut d = api.child(zoe).unwrap().child.details;
    d.class_name = "Year 4".into();
    d.key_statements.red.clear();
    api.update_child(zoe, d).unwrap();
    add_item(
        &mut api,
        zoe,
        Category::StandingFrame,
        "Stander added after the export",
    );

    let report = import(&mut api, &path, ExistingChild::Replace).unwrap();

    assert_eq!(report.count(ChildOutcome::Replaced), 2);
    assert_eq!(
        snapshot(&api),
        exported,
        "both children are as the bundle had them"
    );
}

#[test]
fn a_child_already_on_the_caseload_is_imported_beside_them_as_a_copy_with_new_ids() {
    let (mut api, zoe, sam) = caseload();
    // A sling's id is its physical label and unique on a caseload, so a caseload cannot hold
    // two records of one sling: copy a child without one.
    let dir = tempfile::tempdir().unwrap();
    let path = export(&api, ExportScope::Child(sam), dir.path());
    let before = snapshot(&api);

    let report = import(&mut api, &path, ExistingChild::Copy).unwrap();

    let copied = &report.children[0];
    assert_eq!(copied.outcome, ChildOutcome::Copied);
    assert_ne!(copied.id, sam);
    let original = api.child(sam).unwrap();
    let copy = api.child(copied.id).unwrap();
    assert_eq!(copy.child.details, original.child.details);
    assert_eq!(copy.items.len(), 1);
    assert_ne!(copy.items[0].id, original.items[0].id);
    assert_eq!(copy.items[0].details, original.items[0].details);
    assert_eq!(api.child_count().unwrap(), 3);
    let mut after = snapshot(&api);
    after["children"]
        .as_array_mut()
        .unwrap()
        .retain(|c| c["record"]["child"]["id"] != json!(copied.id));
    after["counts"] = before["counts"].clone();
    assert_eq!(after, before, "the original records are untouched");
    let _ = zoe;
}

#[test]
fn a_copy_of_a_child_with_photos_and_linked_slings_gets_new_ids_throughout() {
    let (api, zoe, _) = caseload();
    let dir = tempfile::tempdir().unwrap();
    let path = export(&api, ExportScope::Child(zoe), dir.path());
    // Into another caseload that already holds Zoë under other ids than the bundle's ...
    let mut other = support::api();
    import(&mut other, &path, ExistingChild::Skip).unwrap();
    other
        .delete_item(
            other
                .items_of_child(zoe)
                .unwrap()
                .iter()
                .find(|i| i.details.category == Category::Sling)
                .unwrap()
                .id,
        )
        .unwrap();
    // ... a copy remaps the sling's hoist, the step photo and the gallery to the new ids.
    let report = import(&mut other, &path, ExistingChild::Copy).unwrap();
    let copy = other.child(report.children[0].id).unwrap();
    let hoist = copy
        .items
        .iter()
        .find(|i| i.details.category == Category::Hoist)
        .unwrap();
    let sling = copy
        .items
        .iter()
        .find(|i| i.details.category == Category::Sling)
        .unwrap();
    assert_eq!(
        sling.details.sling.as_ref().unwrap().hoist_ids,
        vec![hoist.id]
    );
    let chair = copy
        .items
        .iter()
        .find(|i| i.details.category == Category::Wheelchair)
        .unwrap();
    let step_photo = chair.details.setup_steps[0].photo_id.unwrap();
    let original = api
        .item(
            api.items_of_child(zoe)
                .unwrap()
                .iter()
                .find(|i| i.details.category == Category::Wheelchair)
                .unwrap()
                .id,
        )
        .unwrap()
        .item;
    assert_ne!(
        step_photo,
        original.details.setup_steps[0].photo_id.unwrap()
    );
    assert_eq!(
        other.photo_jpeg(step_photo).unwrap(),
        api.photo_jpeg(original.details.setup_steps[0].photo_id.unwrap())
            .unwrap()
    );
    let captions: Vec<&str> = chair.photos.iter().map(|p| p.caption.as_str()).collect();
    assert_eq!(captions, ["Brakes on", "Footplates"]);
    assert!(copy.child.photo_id.is_some());
    assert!(other.check_database().unwrap().ok());
}

#[test]
fn a_dry_run_reports_what_would_be_imported_and_writes_nothing() {
    let (api, _, _) = caseload();
    let dir = tempfile::tempdir().unwrap();
    let path = export(&api, ExportScope::All, dir.path());
    let mut other = support::api();
    let before = snapshot(&other);
    let options = ImportOptions {
        dry_run: true,
        ..Default::default()
    };

    let report = other
        .import_bundle(&path, Some(PASSPHRASE), &options)
        .unwrap();

    assert!(report.dry_run);
    assert_eq!(report.count(ChildOutcome::Imported), 2);
    assert_eq!(report.photos, 4);
    assert_eq!(snapshot(&other), before);
}

#[test]
fn a_bundle_exported_with_the_caseloads_own_passphrase_opens_with_it() {
    let dir = tempfile::tempdir().unwrap();
    let clock = std::sync::Arc::new(equipment_passport::clock::FixedClock::on(today()));
    let mut api = Api::create(&dir.path().join("a"), PASSPHRASE, clock.clone()).unwrap();
    add_child(&mut api, "Sam", "Patel");
    let path = dir.path().join("sam.passport");
    api.export_bundle(ExportScope::All, &path, None).unwrap();
    let mut other = Api::create(&dir.path().join("b"), PASSPHRASE, clock).unwrap();
    let report = other
        .import_bundle(&path, None, &ImportOptions::default())
        .unwrap();
    assert_eq!(report.count(ChildOutcome::Imported), 1);
}

#[test]
fn a_passphrase_chosen_for_the_file_must_be_a_strong_one() {
    let (api, _, _) = caseload();
    let dir = tempfile::tempdir().unwrap();
    let err = api
        .export_bundle(
            ExportScope::All,
            &dir.path().join("x.passport"),
            Some("short"),
        )
        .unwrap_err();
    assert_eq!(err.fields()[0].field, "passphrase");
    assert!(!dir.path().join("x.passport").exists());
}

/// Imports `zip` sealed with the test passphrase through a file and returns the error,
/// checking that the caseload is exactly as it was.
fn refused(zip: &[u8], limits: Limits) -> Error {
    let (mut api, _, _) = caseload();
    let before = snapshot(&api);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.passport");
    std::fs::write(&path, crypt::seal(zip, PASSPHRASE).unwrap()).unwrap();
    let options = ImportOptions {
        existing: ExistingChild::Replace,
        limits,
        ..Default::default()
    };
    let err = api
        .import_bundle(&path, Some(PASSPHRASE), &options)
        .unwrap_err();
    assert_eq!(snapshot(&api), before, "a refused import writes nothing");
    err
}

#[test]
fn a_wrong_passphrase_gets_its_own_message_and_nothing_is_written() {
    let (mut api, _, _) = caseload();
    let dir = tempfile::tempdir().unwrap();
    let path = export(&api, ExportScope::All, dir.path());
    let before = snapshot(&api);
    let err = api
        .import_bundle(&path, Some("not the passphrase"), &ImportOptions::default())
        .unwrap_err();
    assert_eq!(err.fields()[0].field, "passphrase");
    assert!(
        err.to_string()
            .contains("this passphrase does not open the bundle")
    );
    assert_eq!(snapshot(&api), before);
}

#[test]
fn a_changed_byte_in_a_bundle_file_is_caught_before_anything_is_read() {
    let (api, _, _) = caseload();
    let dir = tempfile::tempdir().unwrap();
    let path = export(&api, ExportScope::All, dir.path());
    let mut bytes = std::fs::read(&path).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 1;
    assert!(crypt::open(&bytes, PASSPHRASE).is_err());
}

#[test]
fn a_record_that_fails_validation_is_named_with_its_field_and_nothing_is_written() {
    let (api, zoe, _) = caseload();
    let (zip, _) = api.bundle_zip(ExportScope::Child(zoe)).unwrap();
    let zip = edit_document(&zip, |doc| {
        doc["children"][0]["child"]["nhs_number"] = json!("999 000 0019");
        doc["children"][0]["items"][0]["item"]["name"] = json!("");
    });
    let err = refused(&zip, Limits::default());
    let fields: Vec<&str> = err.fields().iter().map(|f| f.field.as_str()).collect();
    let child = format!("child 1 ({zoe})");
    assert!(
        fields.contains(&format!("{child}: nhs_number").as_str()),
        "{fields:?}"
    );
    assert!(
        fields
            .iter()
            .any(|f| f.starts_with(&format!("{child} item 1 (")) && f.ends_with("): name")),
        "{fields:?}"
    );
}

#[test]
fn a_bundle_child_with_a_fourth_statement_of_a_colour_is_refused_naming_the_list() {
    let (api, zoe, _) = caseload();
    let (zip, _) = api.bundle_zip(ExportScope::Child(zoe)).unwrap();
    let zip = edit_document(&zip, |doc| {
        doc["children"][0]["child"]["key_statements"]["red"] =
            json!(["One", "Two", "Three", "Four"]);
    });
    let err = refused(&zip, Limits::default());
    assert_eq!(
        err.fields()
            .iter()
            .map(|f| f.field.as_str())
            .collect::<Vec<_>>(),
        vec![format!("child 1 ({zoe}): key_statements.red")]
    );
}

#[test]
fn an_item_naming_a_supplier_missing_from_the_bundle_is_refused() {
    let (api, zoe, _) = caseload();
    let (zip, _) = api.bundle_zip(ExportScope::Child(zoe)).unwrap();
    let zip = edit_document(&zip, |doc| doc["suppliers"] = json!([]));
    let err = refused(&zip, Limits::default());
    assert!(
        err.fields()
            .iter()
            .any(|f| f.field.ends_with(": provider_id")
                && f.message.contains("supplier this item names is missing")),
        "{err}"
    );
}

#[test]
fn an_items_schedules_travel_in_the_bundle_as_they_stood() {
    let (mut api, zoe, _) = caseload();
    let item = api.child(zoe).unwrap().items[0].id;
    let mut tyres = due_on(ScheduleKind::Other, 1, date(2026, 12, 1));
    tyres.name = "Tyre pressure check".into();
    let tyres = api.add_schedule(item, tyres).unwrap();
    api.mark_schedule_done(tyres.id, date(2026, 11, 20))
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = export(&api, ExportScope::Child(zoe), dir.path());

    let mut other = support::api();
    import(&mut other, &path, ExistingChild::Skip).unwrap();
    assert_eq!(
        other.schedules_of_item(item).unwrap(),
        api.schedules_of_item(item).unwrap()
    );
    assert_eq!(
        other.schedule(tyres.id).unwrap().next_due,
        date(2026, 12, 20)
    );
}

#[test]
fn a_version_2_bundles_review_dates_and_records_become_schedules() {
    let (api, zoe, _) = caseload();
    let record = api.child(zoe).unwrap();
    let (zip, _) = api.bundle_zip(ExportScope::Child(zoe)).unwrap();
    // As version 2 wrote it: a review date on each item, and no schedules or register.
    let zip = edit_document(&zip, |doc| {
        doc["schema_version"] = json!(2);
        for item in doc["children"][0]["items"].as_array_mut().unwrap() {
            item.as_object_mut().unwrap().remove("schedules");
            item.as_object_mut().unwrap().remove("training");
            item["item"]["details"]["review_date"] = json!("2027-04-01");
        }
    });
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.passport");
    std::fs::write(&path, crypt::seal(&zip, PASSPHRASE).unwrap()).unwrap();
    let mut other = support::api();
    let report = import(&mut other, &path, ExistingChild::Skip).unwrap();
    assert_eq!(report.schema_version, 2);

    for item in &record.items {
        let schedules = other.schedules_of_item(item.id).unwrap();
        let review = schedules
            .iter()
            .find(|s| s.kind == ScheduleKind::Review)
            .expect("the review date is a review schedule");
        assert_eq!(
            (review.next_due, review.every_months),
            (date(2027, 4, 1), 12)
        );
        let log = api.item(item.id).unwrap().service_log;
        if let Some(loler) = ServiceRecord::latest(&log, Some(ServiceKind::LolerExamination)) {
            let moved = schedules
                .iter()
                .find(|s| s.kind == ScheduleKind::Loler)
                .unwrap();
            assert_eq!(moved.last_done, Some(loler.details.date));
            assert_eq!(Some(moved.next_due), loler.details.next_due);
        }
    }
}

/// Rewrites a bundle archive's document.
pub(crate) fn edit_document(zip: &[u8], edit: impl FnOnce(&mut Value)) -> Vec<u8> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(zip)).unwrap();
    let mut entries = Vec::new();
    for i in 0..archive.len() {
        let mut f = archive.by_index(i).unwrap();
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut f, &mut bytes).unwrap();
        entries.push((f.name().to_string(), bytes));
    }
    let (_, bytes) = entries
        .iter_mut()
        .find(|(n, _)| n == "bundle.json")
        .unwrap();
    let mut doc: Value = serde_json::from_slice(bytes).unwrap();
    edit(&mut doc);
    *bytes = serde_json::to_vec(&doc).unwrap();
    zip_of(
        &entries
            .iter()
            .map(|(n, b)| (n.as_str(), b.clone()))
            .collect::<Vec<_>>(),
    )
}

/// A zip archive of `(name, bytes)`, deflated, with fixed timestamps (so it is the same
/// every time it is made).
fn zip_of(entries: &[(&str, Vec<u8>)]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in entries {
        zip.start_file(*name, options).unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

const ZOE: u128 = 0x0192f0c4_5e6a_7b8c_9d0e_1f2a3b4c5d6e;
const ZOE_PHOTO: u128 = 0x0192f0c4_5e6a_7b8c_9d0e_1f2a3b4c5d6f;

/// A small, valid bundle document: Zoë with a photo, written by hand (fixed ids and times).
fn document(schema_version: u32) -> Vec<u8> {
    let at = Utc.with_ymd_and_hms(2026, 11, 1, 9, 30, 0).unwrap();
    let bundle = Bundle {
        schema_version,
        exported_at: at,
        app_version: "0.1.0".into(),
        settings: vec![],
        suppliers: vec![],
        children: vec![BundleChild {
            child: Child {
                id: ChildId(Uuid::from_u128(ZOE)),
                details: ChildDetails::new("Zoë", "Hughes", date(2017, 3, 14)),
                photo_id: Some(PhotoId(Uuid::from_u128(ZOE_PHOTO))),
                created_at: at,
                updated_at: at,
            },
            contacts: vec![],
            items: vec![],
            dfg_cases: vec![],
            handling_plan: vec![],
            evacuation_plan: None,
        }],
    };
    serde_json::to_vec_pretty(&bundle).unwrap()
}

fn photo_entry() -> String {
    format!("photos/{}.jpg", Uuid::from_u128(ZOE_PHOTO))
}

/// Bytes that deflate to almost nothing.
fn zeros(n: usize) -> Vec<u8> {
    vec![0u8; n]
}

/// The hand-made bad bundles: file name, archive, the limits it is imported under, and the
/// words of the message that refuses it.
fn bad_bundles() -> Vec<(&'static str, Vec<u8>, Limits, &'static str)> {
    let valid = zip_of(&[
        ("bundle.json", document(SCHEMA_VERSION)),
        (&photo_entry(), photos::jpeg(64, 48)),
    ]);
    let small = |f: fn(&mut Limits)| {
        let mut limits = Limits::default();
        f(&mut limits);
        limits
    };
    vec![
        (
            "traversal.zip",
            zip_of(&[("bundle.json", document(1)), ("photos/../../x", b"x".to_vec())]),
            Limits::default(),
            "points outside the bundle (path traversal)",
        ),
        (
            "absolute-path.zip",
            zip_of(&[("/etc/cron.d/x", b"x".to_vec()), ("bundle.json", document(1))]),
            Limits::default(),
            "has an absolute path",
        ),
        (
            "unexpected-entry.zip",
            zip_of(&[("bundle.json", document(1)), ("run-me.sh", b"x".to_vec())]),
            Limits::default(),
            "holds an unexpected entry",
        ),
        (
            // 16 MB of zeros deflated to 16 KB: refused once it has expanded past 100 times.
            "bomb-ratio.zip",
            zip_of(&[("bundle.json", document(1)), (&photo_entry(), zeros(16 << 20))]),
            Limits::default(),
            "expands more than 100 times",
        ),
        (
            // Small entries that each stay under the ratio rule but grow too large together
            // (imported under a 256 KB total so the fixture stays small).
            "bomb-total.zip",
            zip_of(&[
                ("bundle.json", document(1)),
                (&photo_entry(), zeros(200 << 10)),
                ("photos/0192f0c4-5e6a-7b8c-9d0e-000000000001.jpg", zeros(200 << 10)),
            ]),
            small(|l| l.max_total_bytes = 256 << 10),
            "grow past 256 KB in all",
        ),
        (
            "too-many-entries.zip",
            zip_of(
                &(0..12)
                    .map(|i| (format!("photos/0192f0c4-5e6a-7b8c-9d0e-{i:012}.jpg"), vec![]))
                    .collect::<Vec<_>>()
                    .iter()
                    .map(|(n, b)| (n.as_str(), b.clone()))
                    .collect::<Vec<_>>(),
            ),
            small(|l| l.max_entries = 10),
            "holds 12 entries, more than the 10",
        ),
        (
            "schema-version-0.zip",
            zip_of(&[("bundle.json", document(0)), (&photo_entry(), photos::jpeg(64, 48))]),
            Limits::default(),
            "schema version 0 is not one Equipment Passport has ever written",
        ),
        (
            "schema-version-newer.zip",
            zip_of(&[("bundle.json", document(SCHEMA_VERSION + 1)), (&photo_entry(), photos::jpeg(64, 48))]),
            Limits::default(),
            "but this version of Equipment Passport reads bundles up to version",
        ),
        (
            "truncated.zip",
            valid[..valid.len() / 2].to_vec(),
            Limits::default(),
            "damaged or cut short",
        ),
        (
            "not-a-zip.zip",
            b"given,family,dob\nZoe,Hughes,2017-03-14\n".to_vec(),
            Limits::default(),
            "contents are not a zip archive",
        ),
        (
            "wrong-types.zip",
            zip_of(&[(
                "bundle.json",
                br#"{"schema_version": 1, "exported_at": "2026-11-01T09:30:00Z", "app_version": "0.1.0", "settings": [], "suppliers": [], "children": "Zoe Hughes"}"#.to_vec(),
            )]),
            Limits::default(),
            "does not have the shape of a version 1 bundle (invalid type: string",
        ),
        (
            "photo-not-an-image.zip",
            zip_of(&[
                ("bundle.json", document(1)),
                (&photo_entry(), b"<html>not a photo</html>".to_vec()),
            ]),
            Limits::default(),
            "not a photo the app can read",
        ),
        (
            "missing-photo.zip",
            zip_of(&[("bundle.json", document(1))]),
            Limits::default(),
            ".jpg is not in the bundle",
        ),
    ]
}

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bundles")
}

#[test]
fn bad_bundle_fixtures_are_the_ones_committed() {
    let update = std::env::var_os("UPDATE_BUNDLE_FIXTURES").is_some();
    for (name, zip, _, _) in bad_bundles() {
        let path = fixtures_dir().join(name);
        if update {
            std::fs::write(&path, &zip).unwrap();
        }
        let committed = std::fs::read(&path).unwrap_or_else(|e| {
            panic!(
                "{}: {e} (UPDATE_BUNDLE_FIXTURES=1 writes it)",
                path.display()
            )
        });
        assert!(
            committed == zip,
            "{name} differs from the code that makes it"
        );
    }
}

#[test]
fn each_hand_made_bad_bundle_is_refused_with_its_own_message_and_nothing_written() {
    let mut messages = Vec::new();
    for (name, _, limits, expected) in bad_bundles() {
        let zip = std::fs::read(fixtures_dir().join(name)).unwrap();
        let err = refused(&zip, limits);
        let message = err.to_string();
        assert!(message.contains(expected), "{name}: {message}");
        messages.push(message);
    }
    let mut distinct = messages.clone();
    distinct.sort();
    distinct.dedup();
    assert_eq!(distinct.len(), messages.len(), "{messages:#?}");
}

#[test]
fn a_valid_hand_made_bundle_imports() {
    let valid = zip_of(&[
        ("bundle.json", document(SCHEMA_VERSION)),
        (&photo_entry(), photos::jpeg(64, 48)),
    ]);
    let mut api = support::api();
    let report = api
        .import_bundle_zip(&valid, &ImportOptions::default())
        .unwrap();
    assert_eq!(report.count(ChildOutcome::Imported), 1);
    let zoe = api.child(ChildId(Uuid::from_u128(ZOE))).unwrap();
    assert_eq!(zoe.child.details.display_name(), "Zoë Hughes");
    assert_eq!(
        api.photo_jpeg(zoe.child.photo_id.unwrap()).unwrap(),
        photos::jpeg(64, 48),
        "a clean JPEG is kept byte for byte"
    );
}

#[test]
fn a_version_1_bundle_from_before_key_statements_imports_its_child_without_any() {
    // Version 1 documents have no `key_statements`: the hand-made document is written by the
    // current model, so take the field out as a version 1 writer never put it in.
    let mut doc: Value = serde_json::from_slice(&document(1)).unwrap();
    doc["children"][0]["child"]
        .as_object_mut()
        .unwrap()
        .remove("key_statements")
        .expect("the current model writes key_statements");
    let zip = zip_of(&[
        ("bundle.json", serde_json::to_vec(&doc).unwrap()),
        (&photo_entry(), photos::jpeg(64, 48)),
    ]);
    let mut api = support::api();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.passport");
    std::fs::write(&path, crypt::seal(&zip, PASSPHRASE).unwrap()).unwrap();

    let report = api
        .import_bundle(&path, Some(PASSPHRASE), &ImportOptions::default())
        .unwrap();

    assert_eq!(report.count(ChildOutcome::Imported), 1);
    let zoe = api.child(ChildId(Uuid::from_u128(ZOE))).unwrap().child;
    assert_eq!(zoe.details.given_name, "Zoë");
    assert!(zoe.details.key_statements.is_empty());
}

#[test]
fn a_photo_carrying_metadata_is_stripped_on_import() {
    let zip = zip_of(&[
        ("bundle.json", document(SCHEMA_VERSION)),
        (
            &photo_entry(),
            photos::jpeg_with_exif_rotation_and_gps(64, 48),
        ),
    ]);
    let mut api = support::api();
    api.import_bundle_zip(&zip, &ImportOptions::default())
        .unwrap();
    let stored = api.photo_jpeg(PhotoId(Uuid::from_u128(ZOE_PHOTO))).unwrap();
    assert!(!stored.windows(4).any(|w| w == b"Exif"));
    let img = image::load_from_memory(&stored).unwrap();
    assert_eq!((img.width(), img.height()), (48, 64), "turned upright");
}

#[test]
fn replacing_a_child_puts_back_their_dfg_case_as_the_bundle_has_it() {
    let (mut api, zoe, _) = caseload();
    let dir = tempfile::tempdir().unwrap();
    let path = export(&api, ExportScope::All, dir.path());
    let exported = snapshot(&api);
    let case = api.dfg_cases(DfgCaseFilter::default()).unwrap()[0].id;
    api.add_dfg_note(case, "Hannah Price", "Written after the export.")
        .unwrap();
    api.open_dfg_case(
        zoe,
        DfgCaseDetails::new(Tenure::OwnerOccupier, Jurisdiction::Wales),
    )
    .unwrap();

    let report = import(&mut api, &path, ExistingChild::Replace).unwrap();

    assert_eq!(report.dfg_cases, 1);
    assert_eq!(snapshot(&api), exported);
}

// The command line, run as a user would.

use crate::support::cli::passport;

fn json_of(cmd: &mut assert_cmd::Command) -> Value {
    let out = cmd
        .arg("--json")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    serde_json::from_slice(&out).unwrap()
}

fn cli_children(dir: &Path) -> u64 {
    json_of(passport(dir).args(["db", "check"]))["children"]
        .as_u64()
        .unwrap()
}

#[test]
fn passport_export_and_import_hand_a_caseload_over_with_a_passphrase_file() {
    let tmp = tempfile::tempdir().unwrap();
    let (from, to) = (tmp.path().join("from"), tmp.path().join("to"));
    passport(&from).arg("demo").assert().success();
    let children = cli_children(&from);
    let secret = tmp.path().join("secret.txt");
    std::fs::write(&secret, "handover passphrase for the new team\n").unwrap();
    let bundle = tmp.path().join("caseload.passport");

    let exported = json_of(
        passport(&from)
            .args(["export", "--all", "--out"])
            .arg(&bundle)
            .arg("--passphrase-file")
            .arg(&secret),
    );
    assert_eq!(exported["children"].as_u64(), Some(children));

    // Without the file's passphrase (the new caseload's own is tried), nothing is imported.
    passport(&to)
        .arg("import")
        .arg(&bundle)
        .assert()
        .failure()
        .stderr(predicates::str::contains(
            "passphrase: this passphrase does not open the bundle",
        ));

    let dry = json_of(
        passport(&to)
            .arg("import")
            .arg(&bundle)
            .arg("--passphrase-file")
            .arg(&secret)
            .arg("--dry-run"),
    );
    assert_eq!(dry["dry_run"], true);
    assert_eq!(dry["children"].as_array().unwrap().len() as u64, children);
    assert_eq!(cli_children(&to), 0, "a dry run writes nothing");

    let out = passport(&to)
        .arg("import")
        .arg(&bundle)
        .arg("--passphrase-file")
        .arg(&secret)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    assert!(
        out.contains(&format!("Imported {children} children")),
        "{out}"
    );
    assert_eq!(cli_children(&to), children);

    let again = json_of(
        passport(&to)
            .arg("import")
            .arg(&bundle)
            .arg("--passphrase-file")
            .arg(&secret),
    );
    assert!(
        again["children"]
            .as_array()
            .unwrap()
            .iter()
            .all(|c| c["outcome"] == "skipped")
    );
    assert_eq!(cli_children(&to), children);
}

/// A child with a hoist and nine slings linked to it, each sling with its own label id.
fn child_with_nine_slings(api: &mut Api, nhs_number: &str) -> ChildId {
    let mut details = ChildDetails::new("Amara", "Okafor", date(2016, 9, 1));
    details.nhs_number = nhs_number.into();
    let child = api.create_child(details).unwrap().id;
    let hoist = add_item(api, child, Category::Hoist, "Ceiling hoist");
    for n in 1..=9 {
        let mut sling = ItemDetails::new(Category::Sling, &format!("Sling {n}"));
        sling.sling = Some(SlingDetails {
            sling_id: format!("SL-10{n}"),
            hoist_ids: vec![hoist.id],
            ..Default::default()
        });
        api.create_item(child, sling).unwrap();
    }
    child
}

fn sling_ids(api: &Api, child: ChildId) -> Vec<String> {
    let mut ids: Vec<String> = api
        .items_of_child(child)
        .unwrap()
        .iter()
        .filter_map(|i| i.details.sling.as_ref().map(|s| s.sling_id.clone()))
        .collect();
    ids.sort();
    ids
}

#[test]
fn a_copy_of_a_child_with_slings_gets_new_sling_ids_marked_as_copies() {
    let mut api = support::api();
    let amara = child_with_nine_slings(&mut api, "999 000 0026");
    let dir = tempfile::tempdir().unwrap();
    let path = export(&api, ExportScope::Child(amara), dir.path());

    let first = import(&mut api, &path, ExistingChild::Copy).unwrap();
    let second = import(&mut api, &path, ExistingChild::Copy).unwrap();

    let expected =
        |mark: &str| -> Vec<String> { (1..=9).map(|n| format!("SL-10{n}{mark}")).collect() };
    assert_eq!(
        sling_ids(&api, amara),
        expected(""),
        "the originals keep theirs"
    );
    assert_eq!(sling_ids(&api, first.children[0].id), expected(" (copy)"));
    assert_eq!(
        sling_ids(&api, second.children[0].id),
        expected(" (copy 2)")
    );
    // Each copied sling is still linked to the copy's own hoist.
    let copy = api.child(first.children[0].id).unwrap();
    let hoist = copy
        .items
        .iter()
        .find(|i| i.details.category == Category::Hoist)
        .unwrap();
    assert!(
        copy.items
            .iter()
            .filter_map(|i| i.details.sling.as_ref())
            .all(|s| s.hoist_ids == vec![hoist.id])
    );
    // The NHS number stays with the child who had it: the copies are left without.
    assert_eq!(
        api.child(amara).unwrap().child.details.nhs_number,
        "9990000026"
    );
    assert_eq!(copy.child.details.nhs_number, "");
    assert!(api.check_database().unwrap().ok());
}

#[test]
fn a_refused_bundle_lists_every_clash_with_the_caseload_not_only_the_first() {
    let mut from = support::api();
    let amara = child_with_nine_slings(&mut from, "999 000 0026");
    let dir = tempfile::tempdir().unwrap();
    let path = export(&from, ExportScope::Child(amara), dir.path());
    // Another caseload where a different child holds the same NHS number and sling ids.
    let mut to = support::api();
    let other = child_with_nine_slings(&mut to, "999 000 0026");
    let before = snapshot(&to);

    let err = import(&mut to, &path, ExistingChild::Skip).unwrap_err();

    let child = format!("child 1 ({amara})");
    let fields: Vec<&str> = err.fields().iter().map(|f| f.field.as_str()).collect();
    let slings: Vec<&&str> = fields
        .iter()
        .filter(|f| f.starts_with(&format!("{child}: item ")) && f.ends_with("): sling.sling_id"))
        .collect();
    assert_eq!(slings.len(), 9, "{fields:?}");
    let nhs = err
        .fields()
        .iter()
        .find(|f| f.field == format!("{child}: nhs_number"))
        .unwrap_or_else(|| panic!("{fields:?}"));
    assert!(nhs.message.contains(&other.to_string()), "{}", nhs.message);
    assert!(!nhs.message.contains("Amara"), "ids, never names");
    assert_eq!(snapshot(&to), before, "a refused import writes nothing");
}

#[test]
fn two_children_of_one_bundle_with_one_nhs_number_or_sling_id_are_refused() {
    let (api, zoe, sam) = caseload();
    let (zip, _) = api.bundle_zip(ExportScope::All).unwrap();
    let zip = edit_document(&zip, |doc| {
        for child in doc["children"].as_array_mut().unwrap() {
            child["child"]["nhs_number"] = json!("9990000018");
        }
    });
    let err = refused(&zip, Limits::default());
    let nhs: Vec<String> = err
        .fields()
        .iter()
        .filter(|f| f.field.ends_with(": nhs_number"))
        .map(|f| f.to_string())
        .collect();
    assert_eq!(nhs.len(), 1, "{err}");
    assert!(
        nhs[0].contains(&zoe.to_string()) && nhs[0].contains(&sam.to_string()),
        "{nhs:?}"
    );

    let (zip, _) = api.bundle_zip(ExportScope::Child(zoe)).unwrap();
    let zip = edit_document(&zip, |doc| {
        let items = doc["children"][0]["items"].as_array_mut().unwrap();
        let sling = items
            .iter()
            .find(|i| i["item"]["category"] == "sling")
            .unwrap()
            .clone();
        let mut twin = sling;
        twin["item"]["id"] = json!(Uuid::now_v7());
        items.push(twin);
    });
    let err = refused(&zip, Limits::default());
    assert!(
        err.fields()
            .iter()
            .any(|f| f.field.ends_with(": sling.sling_id") && f.message.contains("same sling id")),
        "{err}"
    );
}

#[test]
fn a_crafted_bundle_with_escape_sequences_or_year_one_dates_is_refused_field_by_field() {
    let (api, zoe, _) = caseload();
    let (zip, _) = api.bundle_zip(ExportScope::Child(zoe)).unwrap();
    let esc = "Esc\u{1b}[2J\u{1b}[31mRED";
    let zip = edit_document(&zip, |doc| {
        let child = &mut doc["children"][0];
        child["child"]["given_name"] = json!(esc);
        child["contacts"][0]["name"] = json!(esc);
        child["items"][0]["item"]["serial"] = json!(esc);
        child["items"][0]["item"]["issue_date"] = json!("0001-01-01");
        doc["settings"][0]["name"] = json!(esc);
        doc["suppliers"][0]["name"] = json!(esc);
    });
    let err = refused(&zip, Limits::default());
    let fields: Vec<&str> = err.fields().iter().map(|f| f.field.as_str()).collect();
    for wanted in [
        ": given_name",
        " contact 1: name",
        "): serial",
        "): issue_date",
    ] {
        assert!(
            fields.iter().any(|f| f.ends_with(wanted)),
            "{wanted}: {fields:?}"
        );
    }
    assert!(
        fields.iter().filter(|f| f.ends_with(": name")).count() >= 3,
        "{fields:?}"
    );
    for f in err.fields() {
        assert!(
            !f.message.contains('\u{1b}') && !f.field.contains('\u{1b}'),
            "{f}"
        );
    }
}

#[test]
fn passport_import_as_a_copy_of_the_demo_caseload_keeps_every_sling() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("caseload");
    passport(&dir).arg("demo").assert().success();
    let children = cli_children(&dir);
    let bundle = tmp.path().join("caseload.passport");
    passport(&dir)
        .args(["export", "--all", "--out"])
        .arg(&bundle)
        .assert()
        .success();

    let report = json_of(
        passport(&dir)
            .arg("import")
            .arg(&bundle)
            .args(["--existing", "copy"]),
    );

    assert!(
        report["children"]
            .as_array()
            .unwrap()
            .iter()
            .all(|c| c["outcome"] == "copied"),
        "{report}"
    );
    assert_eq!(cli_children(&dir), children * 2);
    assert_eq!(
        json_of(passport(&dir).args(["db", "check"]))["problems"],
        json!([])
    );
}
