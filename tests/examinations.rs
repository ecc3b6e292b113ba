//! LOLER thorough examination reports: a report that finds the equipment not safe to operate
//! puts it out of use at once, everywhere an adult would look (its status, the caseload, its
//! passport page, the school's copy); repair-by dates join the due list; the passport of
//! lifting equipment prints the proof of its last examination; bad reports are refused with
//! the field named and nothing saved.

use crate::support::cli::passport;
use crate::support::*;
use equipment_passport::Api;
use equipment_passport::api::{ExportScope, PrintRequest};
use equipment_passport::bundle::ImportOptions;
use equipment_passport::model::*;
use equipment_passport::passport::{Audience, Format};

const SCHOOL_A4: PrintRequest = PrintRequest {
    audience: Audience::School,
    format: Format::A4,
    large_print: false,
};

/// Zoë at Oakfield with a ceiling hoist issued in 2024 (make, model and serial recorded).
fn zoe_with_a_hoist(api: &mut Api) -> (ChildId, ItemId) {
    let setting = add_setting(api, "Oakfield Primary School");
    let mut child = ChildDetails::new("Zoë", "Hughes", date(2017, 3, 14));
    child.setting_id = Some(setting.id);
    let child = api.create_child(child).unwrap();
    let mut hoist = ItemDetails::new(Category::Hoist, "Ceiling track hoist");
    hoist.make = "Arjo".into();
    hoist.model = "Maxi Sky 2".into();
    hoist.serial = "MS2-40177".into();
    hoist.issue_date = Some(date(2024, 1, 10));
    let hoist = api.create_item(child.id, hoist).unwrap();
    (child.id, hoist.id)
}

fn defect(text: &str, danger_now: bool, repair_by: Option<chrono::NaiveDate>) -> Defect {
    Defect {
        description: text.into(),
        danger_now,
        repair_needed: String::new(),
        repair_by,
    }
}

/// A thorough examination on `on` by J. Patel of Ability Lifting Ltd.
fn exam(on: chrono::NaiveDate, safe: bool, defects: Vec<Defect>) -> ServiceRecordDetails {
    let mut report = ExaminationReport::safe(IntervalBasis::SixMonths);
    report.employer = "Ability Lifting Ltd".into();
    report.qualifications = "LEEA Diploma".into();
    report.safe_working_loads = vec![SafeWorkingLoad {
        configuration: "Standard spreader bar".into(),
        swl_kg: 200,
    }];
    report.safe_to_operate = safe;
    report.defects = defects;
    ServiceRecordDetails {
        examination: Some(report),
        by_whom: "J. Patel".into(),
        ..record(ServiceKind::LolerExamination, on)
    }
}

fn failing(on: chrono::NaiveDate) -> ServiceRecordDetails {
    exam(
        on,
        false,
        vec![defect("Lifting tape frayed at the drum", true, None)],
    )
}

/// Each page's text without white space: extraction splits and joins words where lines wrap
/// and between a fact's label and its value.
fn pages(pdf: &[u8]) -> Vec<String> {
    let doc = lopdf::Document::load_mem(pdf).unwrap();
    doc.get_pages()
        .keys()
        .map(|&n| squashed(&doc.extract_text(&[n]).unwrap()))
        .collect()
}

fn squashed(text: &str) -> String {
    text.split_whitespace().collect()
}

/// The pages of the hoist (its banner names the category and make).
fn hoist_pages(api: &mut Api, child: ChildId) -> Vec<String> {
    let printed = api.render_passport(child, SCHOOL_A4).unwrap();
    pages(&printed.pdf)
        .into_iter()
        .filter(|p| p.contains(&squashed("Hoist · Arjo")))
        .collect()
}

fn holds(page: &str, text: &str) -> bool {
    page.contains(&squashed(text))
}

#[test]
fn a_failed_examination_puts_the_item_out_of_use_and_its_passport_page_says_do_not_use() {
    let mut api = api();
    let (zoe, hoist) = zoe_with_a_hoist(&mut api);
    let record = api
        .add_service_record(hoist, failing(date(2026, 11, 20)))
        .unwrap();

    assert_eq!(record.details.outcome, Outcome::Fail, "not safe is a fail");
    let item = api.item(hoist).unwrap().item;
    assert_eq!(item.details.status, ItemStatus::NotSafe);
    assert_eq!(item.details.status.label(), "Not safe: do not use");
    assert!(item.details.status.is_current(), "it stays with the child");
    let report = record.details.examination.unwrap();
    assert_eq!(
        report.identification, "Arjo Maxi Sky 2 serial MS2-40177",
        "the identification defaults to make, model and serial"
    );

    let printed = api.render_passport(zoe, SCHOOL_A4).unwrap();
    let cover = &pages(&printed.pdf)[0];
    assert!(holds(cover, "Ceiling track hoist (DO NOT USE)"), "{cover}");
    let pages = hoist_pages(&mut api, zoe);
    let page = &pages[0];
    assert!(holds(page, "DO NOT USE"), "{page}");
    assert!(
        holds(
            page,
            "Failed its thorough examination on 20 November 2026 by J. Patel (Ability Lifting Ltd): not safe to operate."
        ),
        "{page}"
    );
    assert!(
        holds(
            page,
            "Defects: Lifting tape frayed at the drum (danger now)."
        ),
        "{page}"
    );
    // The caseload row carries a red "Do not use" badge.
    let row = &api.search_children("zoe", None, 5).unwrap().children[0];
    let badge = row.due.iter().find(|b| b.kind == DueKind::NotSafe).unwrap();
    assert_eq!(badge.text, "Do not use");
}

#[test]
fn the_schools_copy_goes_out_of_date_when_an_examination_fails() {
    let mut api = api();
    let (zoe, hoist) = zoe_with_a_hoist(&mut api);
    api.add_service_record(hoist, exam(date(2026, 10, 1), true, vec![]))
        .unwrap();
    api.render_passport(zoe, SCHOOL_A4).unwrap();
    assert!(!api.issued_copies(zoe).unwrap()[0].out_of_date);

    api.add_service_record(hoist, failing(date(2026, 11, 20)))
        .unwrap();

    assert!(api.issued_copies(zoe).unwrap()[0].out_of_date);
    assert!(
        api.due_list(0)
            .unwrap()
            .iter()
            .any(|e| e.kind == DueKind::SchoolCopy && e.child_id == zoe)
    );
}

#[test]
fn a_later_safe_examination_returns_the_item_to_use_and_an_older_one_entered_late_does_not() {
    let mut api = api();
    let (zoe, hoist) = zoe_with_a_hoist(&mut api);
    api.add_service_record(hoist, failing(date(2026, 11, 10)))
        .unwrap();
    // A pass from before the failure, typed in afterwards, changes nothing.
    api.add_service_record(hoist, exam(date(2026, 5, 10), true, vec![]))
        .unwrap();
    assert_eq!(
        api.item(hoist).unwrap().item.details.status,
        ItemStatus::NotSafe
    );

    api.add_service_record(hoist, exam(date(2026, 11, 20), true, vec![]))
        .unwrap();

    assert_eq!(
        api.item(hoist).unwrap().item.details.status,
        ItemStatus::InUse
    );
    let page = hoist_pages(&mut api, zoe).join("\n");
    assert!(!holds(&page, "DO NOT USE"), "{page}");
    assert!(
        api.due_list(365)
            .unwrap()
            .iter()
            .all(|e| e.kind != DueKind::NotSafe)
    );
}

#[test]
fn repair_by_dates_join_the_due_list_and_the_calendar_until_a_repair_is_recorded() {
    let mut api = api_on(date(2026, 11, 22));
    let (zoe, hoist) = zoe_with_a_hoist(&mut api);
    api.add_service_record(
        hoist,
        exam(
            date(2026, 11, 20),
            true,
            vec![
                defect("Worn castor", false, Some(date(2026, 12, 4))),
                defect("Handset cable split", false, Some(date(2026, 12, 18))),
            ],
        ),
    )
    .unwrap();

    let repairs: Vec<(chrono::NaiveDate, i64)> = api
        .due_list(30)
        .unwrap()
        .iter()
        .filter(|e| e.kind == DueKind::Repair)
        .map(|e| (e.due_date, e.days_left))
        .collect();
    assert_eq!(
        repairs,
        vec![(date(2026, 12, 4), 12)],
        "one entry for the item, by its earliest repair-by date"
    );
    let calendar = api.due_calendar(30).unwrap().ics;
    assert!(
        calendar.contains("Repair due: Ceiling track hoist (Z.H.)"),
        "{calendar}"
    );
    assert_eq!(
        api.item(hoist).unwrap().item.details.status,
        ItemStatus::InUse,
        "safe with defects stays in use"
    );
    let row = &api.search_children("zoe", None, 5).unwrap().children[0];
    let badge = row.due.iter().find(|b| b.kind == DueKind::Repair).unwrap();
    assert_eq!(
        (badge.text.as_str(), badge.earliest),
        ("Repair due", date(2026, 12, 4))
    );
    // Days later, with the castor overdue, the badge says so.
    let later = {
        let mut api = api_on(date(2026, 12, 10));
        let (_, h) = zoe_with_a_hoist(&mut api);
        api.add_service_record(
            h,
            exam(
                date(2026, 11, 20),
                true,
                vec![defect("Worn castor", false, Some(date(2026, 12, 4)))],
            ),
        )
        .unwrap();
        api.search_children("zoe", None, 5).unwrap().children[0].due[0]
            .text
            .clone()
    };
    assert_eq!(later, "Overdue repair");

    // A repair recorded on or after the examination clears its defects.
    api.add_service_record(hoist, record(ServiceKind::Repair, date(2026, 11, 21)))
        .unwrap();
    assert!(
        api.due_list(365)
            .unwrap()
            .iter()
            .all(|e| e.kind != DueKind::Repair)
    );
    let _ = zoe;
}

#[test]
fn a_newer_examination_replaces_the_older_reports_repair_dates() {
    let mut api = api_on(date(2026, 11, 22));
    let (_, hoist) = zoe_with_a_hoist(&mut api);
    api.add_service_record(
        hoist,
        exam(
            date(2026, 11, 1),
            true,
            vec![defect("Worn castor", false, Some(date(2026, 12, 4)))],
        ),
    )
    .unwrap();
    api.add_service_record(
        hoist,
        exam(
            date(2026, 11, 20),
            true,
            vec![defect("Battery low", false, Some(date(2027, 1, 8)))],
        ),
    )
    .unwrap();

    let repairs: Vec<chrono::NaiveDate> = api
        .due_list(90)
        .unwrap()
        .iter()
        .filter(|e| e.kind == DueKind::Repair)
        .map(|e| e.due_date)
        .collect();
    assert_eq!(repairs, vec![date(2027, 1, 8)]);
}

#[test]
fn bad_reports_are_refused_with_the_field_named_and_nothing_saved() {
    let mut api = api();
    let (_, hoist) = zoe_with_a_hoist(&mut api);
    let field_of = |api: &mut Api, details: ServiceRecordDetails| -> Vec<String> {
        api.add_service_record(hoist, details)
            .unwrap_err()
            .fields()
            .iter()
            .map(|f| f.field.clone())
            .collect()
    };

    assert_eq!(
        field_of(&mut api, exam(date(2026, 11, 20), false, vec![])),
        vec!["examination.defects"]
    );
    assert_eq!(
        field_of(
            &mut api,
            exam(
                date(2026, 11, 20),
                true,
                vec![
                    defect("Worn castor", false, Some(date(2026, 12, 4))),
                    defect("Handset cable split", false, Some(date(2026, 11, 1))),
                ],
            )
        ),
        vec!["examination.defects[1].repair_by"]
    );
    assert_eq!(
        field_of(
            &mut api,
            exam(
                date(2026, 11, 20),
                true,
                vec![defect("Cracked boom", true, None)]
            )
        ),
        vec!["examination.defects[0].danger_now"]
    );
    let mut twelve = exam(date(2026, 11, 20), true, vec![]);
    twelve.examination.as_mut().unwrap().basis = IntervalBasis::TwelveMonths;
    assert_eq!(field_of(&mut api, twelve), vec!["examination.basis"]);
    let mut scheme = exam(date(2026, 11, 20), true, vec![]);
    scheme.examination.as_mut().unwrap().basis = IntervalBasis::Scheme;
    assert_eq!(field_of(&mut api, scheme.clone()), vec!["next_due"]);

    let item = api.item(hoist).unwrap();
    assert!(item.service_log.is_empty(), "nothing saved");
    assert_eq!(item.item.details.status, ItemStatus::InUse);

    // An examination scheme may set a date beyond six months, once it is entered.
    scheme.next_due = Some(date(2027, 8, 20));
    let saved = api.add_service_record(hoist, scheme).unwrap();
    assert_eq!(saved.details.next_due, Some(date(2027, 8, 20)));
}

#[test]
fn the_passport_of_a_hoist_prints_its_last_examination() {
    let mut api = api();
    let (zoe, hoist) = zoe_with_a_hoist(&mut api);
    api.add_service_record(hoist, exam(date(2026, 5, 10), true, vec![]))
        .unwrap();
    api.add_service_record(hoist, exam(date(2026, 11, 2), true, vec![]))
        .unwrap();

    let pages = hoist_pages(&mut api, zoe);
    let first = &pages[0];
    for expected in [
        "Last thorough examination 2 November 2026 by J. Patel (Ability Lifting Ltd)",
        "Safe to operate Yes",
        "Next thorough examination due 2 May 2027",
    ] {
        assert!(holds(first, expected), "{expected} missing from {first}");
    }
    let all = pages.join("\n");
    assert!(
        holds(&all, "Safe working load 200 kg (Standard spreader bar)"),
        "{all}"
    );
    assert!(
        holds(
            &all,
            "Competent person for Ability Lifting Ltd, LEEA Diploma"
        ),
        "{all}"
    );
}

#[test]
fn an_examination_report_travels_in_a_bundle() {
    let mut api = api();
    let (zoe, hoist) = zoe_with_a_hoist(&mut api);
    let sent = api
        .add_service_record(hoist, failing(date(2026, 11, 20)))
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("zoe.passport");
    let phrase = "purple elephant dances on Fridays";
    api.export_bundle(ExportScope::Child(zoe), &path, Some(phrase))
        .unwrap();

    let mut other = equipment_passport::Api::in_memory(std::sync::Arc::new(
        equipment_passport::clock::FixedClock::on(today()),
    ))
    .unwrap();
    other
        .import_bundle(&path, Some(phrase), &ImportOptions::default())
        .unwrap();

    let item = other.item(hoist).unwrap();
    assert_eq!(item.item.details.status, ItemStatus::NotSafe);
    assert_eq!(
        item.service_log[0].details.examination,
        sent.details.examination
    );
}

#[test]
fn the_command_line_records_a_failed_examination_with_each_defect_and_its_options() {
    let dir = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| -> String {
        let out = passport(dir.path()).args(args).output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap().trim().to_string()
    };
    let child = run(&[
        "child",
        "add",
        "--given",
        "Zoë",
        "--family",
        "Hughes",
        "--dob",
        &iso(born_years_ago(9)),
    ]);
    let hoist = run(&[
        "item",
        "add",
        "--child",
        &child,
        "--category",
        "hoist",
        "--name",
        "Mobile hoist",
    ]);
    let on = real_today();
    let repair_by = on + chrono::Days::new(14);
    let id = run(&[
        "exam",
        "add",
        "--item",
        &hoist,
        "--date",
        &iso(on),
        "--by",
        "J. Patel",
        "--employer",
        "Ability Lifting Ltd",
        "--safe",
        "no",
        "--swl",
        "Standard spreader bar=200",
        "--defect",
        "Lifting tape frayed",
        "--danger-now",
        "--defect",
        "Worn castor",
        "--repair-by",
        &iso(repair_by),
        "--repair-needed",
        "Replace",
    ]);
    assert_eq!(id.len(), 36, "prints the record's id: {id}");

    let shown: serde_json::Value =
        serde_json::from_str(&run(&["exam", "show", &id, "--json"])).unwrap();
    let defects = &shown["examination"]["defects"];
    assert_eq!(defects[0]["description"], "Lifting tape frayed");
    assert_eq!(defects[0]["danger_now"], true);
    assert_eq!(defects[0]["repair_by"], serde_json::Value::Null);
    assert_eq!(defects[1]["danger_now"], false);
    assert_eq!(defects[1]["repair_by"], iso(repair_by));
    assert_eq!(defects[1]["repair_needed"], "Replace");
    assert_eq!(shown["examination"]["safe_working_loads"][0]["swl_kg"], 200);
    assert_eq!(shown["outcome"], "fail");
    let item: serde_json::Value =
        serde_json::from_str(&run(&["item", "show", &hoist, "--json"])).unwrap();
    assert_eq!(item["item"]["status"], "not-safe");

    // "Not safe" without a defect names the field and saves nothing.
    let out = passport(dir.path())
        .args([
            "exam",
            "add",
            "--item",
            &hoist,
            "--date",
            &iso(on),
            "--by",
            "J. Patel",
            "--safe",
            "no",
        ])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("examination.defects"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let listed = run(&["exam", "list", "--item", &hoist]);
    assert_eq!(
        listed.lines().count(),
        3,
        "a header, a rule and one report: {listed}"
    );
}

#[test]
fn a_version_2_bundle_from_before_reports_still_imports_its_examinations_without_one() {
    use std::io::{Read, Write};
    let mut api = api();
    let (zoe, hoist) = zoe_with_a_hoist(&mut api);
    api.add_service_record(
        hoist,
        record(ServiceKind::LolerExamination, date(2026, 11, 2)),
    )
    .unwrap();
    let (bytes, _) = api.bundle_zip(ExportScope::Child(zoe)).unwrap();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut document = String::new();
    archive
        .by_name("bundle.json")
        .unwrap()
        .read_to_string(&mut document)
        .unwrap();
    // As a version 2 writer wrote it: no `examination` on any record.
    let mut doc: serde_json::Value = serde_json::from_str(&document).unwrap();
    doc["schema_version"] = 2.into();
    let record = doc["children"][0]["items"][0]["service_log"][0]
        .as_object_mut()
        .unwrap();
    assert!(record.remove("examination").is_some());
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    zip.start_file("bundle.json", zip::write::SimpleFileOptions::default())
        .unwrap();
    zip.write_all(&serde_json::to_vec(&doc).unwrap()).unwrap();
    let old = zip.finish().unwrap().into_inner();

    let mut other = equipment_passport::Api::in_memory(std::sync::Arc::new(
        equipment_passport::clock::FixedClock::on(today()),
    ))
    .unwrap();
    other
        .import_bundle_zip(&old, &ImportOptions::default())
        .unwrap();

    let log = other.item(hoist).unwrap().service_log;
    assert_eq!(log[0].details.kind, ServiceKind::LolerExamination);
    assert_eq!(log[0].details.examination, None);
}
