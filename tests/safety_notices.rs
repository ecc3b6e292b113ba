//! Field safety notices through the api and the CLI: a notice finds every affected item and
//! the child who has it in one step, an item recorded later is flagged, actions are recorded
//! and audited, the affected child's printed copy goes out of date and their passport page
//! says not to use the item, and bad notices are refused beside the field with nothing saved.

use crate::cli::{json_of, passport, stdout_of};
use crate::support::{add_child, add_setting, api_on, born_years_ago, date, iso};
use equipment_passport::Api;
use equipment_passport::api::{AuditAction, PrintRequest, RecordKind};
use equipment_passport::model::*;
use equipment_passport::passport::{Audience, Format};

fn today() -> chrono::NaiveDate {
    date(2026, 11, 22)
}

fn hoist(api: &mut Api, child: ChildId, make: &str, serial: &str) -> EquipmentItem {
    let mut d = ItemDetails::new(Category::Hoist, "Mobile hoist");
    d.make = make.into();
    d.model = "Presence".into();
    d.serial = serial.into();
    api.create_item(child, d).unwrap()
}

/// The example: Oxford Presence hoists with serials OTB-1000 to OTB-1010.
fn otb_notice() -> NoticeDetails {
    let mut n = NoticeDetails::new(
        "FSN-2026-014",
        "Spreader bar weld may crack",
        "Oxford",
        "Presence",
        date(2026, 11, 2),
    );
    n.issuer = "Joerns Healthcare".into();
    n.action_required = "Inspect the spreader bar weld before each use".into();
    n.serial_ranges = vec![SerialRange {
        from: "OTB-1000".into(),
        to: "OTB-1010".into(),
    }];
    n
}

struct Caseload {
    api: Api,
    zoe: Child,
    amir: Child,
    zoes_hoist: EquipmentItem,
    amirs_hoist: EquipmentItem,
    unlabelled: EquipmentItem,
}

/// Zoë's and Amir's hoists are in the range; Leo's is outside it; Maya's is another
/// prefix; Amir's second hoist has no serial recorded.
fn caseload() -> Caseload {
    let mut api = api_on(today());
    let school = add_setting(&mut api, "Oakfield Primary");
    let mut zoe = ChildDetails::new("Zoë", "Hughes", date(2017, 3, 14));
    zoe.setting_id = Some(school.id);
    let zoe = api.create_child(zoe).unwrap();
    let amir = add_child(&mut api, "Amir", "Khan");
    let leo = add_child(&mut api, "Leo", "Jones");
    let maya = add_child(&mut api, "Maya", "Patel");
    let zoes_hoist = hoist(&mut api, zoe.id, "Oxford", "OTB-1007");
    let amirs_hoist = hoist(&mut api, amir.id, "oxford", "otb-1000");
    let unlabelled = hoist(&mut api, amir.id, "Oxford", "");
    hoist(&mut api, leo.id, "Oxford", "OTB-2000");
    hoist(&mut api, maya.id, "Oxford", "XYZ-1005");
    Caseload {
        api,
        zoe,
        amir,
        zoes_hoist,
        amirs_hoist,
        unlabelled,
    }
}

#[test]
fn adding_a_notice_lists_every_affected_item_and_its_child_in_one_step() {
    let mut c = caseload();
    let record = c.api.add_notice(otb_notice()).unwrap();
    let found: Vec<(String, ItemId, NoticeMatch)> = record
        .items
        .iter()
        .map(|i| (i.child_name.clone(), i.item_id, i.matched))
        .collect();
    assert_eq!(
        found,
        vec![
            (
                "Zoë Hughes".to_string(),
                c.zoes_hoist.id,
                NoticeMatch::Affected
            ),
            (
                "Amir Khan".to_string(),
                c.amirs_hoist.id,
                NoticeMatch::Affected
            ),
            (
                "Amir Khan".to_string(),
                c.unlabelled.id,
                NoticeMatch::CannotTell
            ),
        ],
        "children in caseload order, each item with what the notice says of it"
    );
    let zoes = record
        .items
        .iter()
        .find(|i| i.item_id == c.zoes_hoist.id)
        .unwrap();
    assert_eq!(zoes.setting_name, "Oakfield Primary");
    assert_eq!(zoes.reason, "serial OTB-1007 is in OTB-1000 to OTB-1010");
    assert!(
        record
            .items
            .iter()
            .all(|i| i.action == NoticeAction::AwaitingAction)
    );

    let summary = &c.api.notices().unwrap()[0];
    assert_eq!(
        (summary.affected, summary.cannot_tell, summary.awaiting),
        (2, 1, 3)
    );
    let flags = c.api.notice_flags().unwrap();
    let count_for = |child: ChildId| {
        flags
            .iter()
            .find(|f| f.child_id == child)
            .map(|f| f.awaiting)
    };
    assert_eq!(count_for(c.zoe.id), Some(1));
    assert_eq!(count_for(c.amir.id), Some(2));
    assert_eq!(flags.len(), 2, "Leo's and Maya's hoists are not flagged");
}

#[test]
fn an_item_recorded_after_the_notice_that_matches_is_flagged() {
    let mut c = caseload();
    let notice = c.api.add_notice(otb_notice()).unwrap().notice;
    let newcomer = add_child(&mut c.api, "Ffion", "Evans");
    let late = hoist(&mut c.api, newcomer.id, "OXFORD", "OTB-1009");

    let record = c.api.notice(notice.id).unwrap();
    assert!(
        record
            .items
            .iter()
            .any(|i| i.item_id == late.id && i.child_name == "Ffion Evans")
    );
    let flags = c.api.notices_for_item(late.id).unwrap();
    assert_eq!(flags.len(), 1);
    assert_eq!(flags[0].reference, "FSN-2026-014");

    // Correcting a serial into the range flags the item too; out of it, it is dropped.
    let mut details = c.api.item(late.id).unwrap().item.details;
    details.serial = "OTB-3000".into();
    c.api.update_item(late.id, details).unwrap();
    assert!(c.api.notices_for_item(late.id).unwrap().is_empty());
}

#[test]
fn lots_and_manufacture_dates_find_items_too() {
    let mut api = api_on(today());
    let child = add_child(&mut api, "Zoë", "Hughes");
    let mut seat = ItemDetails::new(Category::Seating, "Classroom seat");
    seat.make = "Leckey".into();
    seat.model = "Squiggles".into();
    seat.lot = "L2405A".into();
    seat.made_on = Some(date(2024, 5, 2));
    let seat = api.create_item(child.id, seat).unwrap();

    let mut by_lot = NoticeDetails::new("FSN-L", "Buckle", "Leckey", "Squiggles", today());
    by_lot.lots = vec!["l2405a".into()];
    assert_eq!(api.add_notice(by_lot).unwrap().items[0].item_id, seat.id);

    let mut by_date = NoticeDetails::new("FSN-D", "Castor", "Leckey", "", today());
    by_date.made_from = Some(date(2024, 5, 1));
    by_date.made_to = Some(date(2024, 5, 31));
    assert_eq!(api.add_notice(by_date).unwrap().items[0].item_id, seat.id);

    assert_eq!(api.item(seat.id).unwrap().item.details.lot, "L2405A");
    assert_eq!(
        api.item(seat.id).unwrap().item.details.made_on,
        Some(date(2024, 5, 2))
    );
}

#[test]
fn actions_are_recorded_audited_and_the_notice_closes_only_when_none_await() {
    let mut c = caseload();
    let id = c.api.add_notice(otb_notice()).unwrap().notice.id;
    let err = c.api.close_notice(id).unwrap_err();
    assert!(err.to_string().contains("3 items awaiting action"), "{err}");

    let checked = NoticeActionDetails {
        action: NoticeAction::Checked,
        note: "Weld inspected, no cracks".into(),
        acted_on: Some(date(2026, 11, 20)),
    };
    let record = c
        .api
        .record_notice_action(id, c.zoes_hoist.id, checked)
        .unwrap();
    let zoes = record
        .items
        .iter()
        .find(|i| i.item_id == c.zoes_hoist.id)
        .unwrap();
    assert_eq!(zoes.action, NoticeAction::Checked);
    assert_eq!(zoes.note, "Weld inspected, no cracks");
    assert!(c.api.notices_for_item(c.zoes_hoist.id).unwrap().is_empty());

    let entry = c
        .api
        .child_history(c.zoe.id)
        .unwrap()
        .into_iter()
        .find(|e| e.record.kind == RecordKind::NoticeAction)
        .expect("the action is in Zoë's history");
    assert_eq!(entry.action, AuditAction::Create);
    assert!(
        entry
            .changes
            .iter()
            .any(|ch| ch.new.as_deref() == Some("Weld inspected, no cracks"))
    );

    for (item, action) in [
        (c.amirs_hoist.id, NoticeAction::Withdrawn),
        (c.unlabelled.id, NoticeAction::NotAffected),
    ] {
        c.api
            .record_notice_action(
                id,
                item,
                NoticeActionDetails {
                    action,
                    note: String::new(),
                    acted_on: None,
                },
            )
            .unwrap();
    }
    let closed = c.api.close_notice(id).unwrap();
    assert_eq!(closed.closed_on, Some(today()));
    assert!(c.api.notice_flags().unwrap().is_empty());
}

#[test]
fn an_action_on_an_item_the_notice_does_not_name_is_refused() {
    let mut c = caseload();
    let id = c.api.add_notice(otb_notice()).unwrap().notice.id;
    let other = add_child(&mut c.api, "Leo", "Smith");
    let walker = crate::support::add_item(&mut c.api, other.id, Category::Walker, "Walker");
    let err = c
        .api
        .record_notice_action(
            id,
            walker.id,
            NoticeActionDetails {
                action: NoticeAction::Checked,
                note: String::new(),
                acted_on: None,
            },
        )
        .unwrap_err();
    assert_eq!(err.fields()[0].field, "item");
}

fn print_school_copy(api: &mut Api, child: ChildId) -> String {
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
    doc.get_pages()
        .keys()
        .map(|&n| doc.extract_text(&[n]).unwrap())
        .collect::<Vec<_>>()
        .join("\n")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn the_school_copy_goes_out_of_date_and_the_passport_page_shows_the_notice() {
    let mut c = caseload();
    let before = print_school_copy(&mut c.api, c.zoe.id);
    assert!(!before.contains("Field safety notice"));
    assert!(!c.api.issued_copies(c.zoe.id).unwrap()[0].out_of_date);

    let id = c.api.add_notice(otb_notice()).unwrap().notice.id;
    assert!(
        c.api.issued_copies(c.zoe.id).unwrap()[0].out_of_date,
        "the school's copy no longer says what the passport would"
    );
    let after = print_school_copy(&mut c.api, c.zoe.id);
    assert!(
        after.contains("Field safety notice FSN-2026-014: Spreader bar weld may crack"),
        "{after}"
    );
    assert!(
        after.contains(
            "Action required: Inspect the spreader bar weld before each use. Do not use until checked."
        ),
        "{after}"
    );

    // Once checked, the box goes and the copy just printed is out of date in turn.
    c.api
        .record_notice_action(
            id,
            c.zoes_hoist.id,
            NoticeActionDetails {
                action: NoticeAction::Checked,
                note: String::new(),
                acted_on: None,
            },
        )
        .unwrap();
    assert!(c.api.issued_copies(c.zoe.id).unwrap()[0].out_of_date);
    assert!(!print_school_copy(&mut c.api, c.zoe.id).contains("Field safety notice"));
}

fn refused_fields(api: &mut Api, notice: NoticeDetails) -> Vec<String> {
    let err = api.add_notice(notice).unwrap_err();
    err.fields().iter().map(|f| f.field.clone()).collect()
}

#[test]
fn bad_notices_are_refused_beside_the_field_and_nothing_is_saved() {
    let mut c = caseload();
    let mut backwards = otb_notice();
    backwards.serial_ranges[0].to = "OTB-0990".into();
    assert_eq!(
        refused_fields(&mut c.api, backwards),
        ["serial_ranges[0].to"]
    );

    let mut two_prefixes = otb_notice();
    two_prefixes.serial_ranges[0].to = "XYZ-1010".into();
    assert_eq!(
        refused_fields(&mut c.api, two_prefixes),
        ["serial_ranges[0].to"]
    );

    let nothing = NoticeDetails::new("FSN-0", "Everything", "Oxford", "", today());
    assert_eq!(refused_fields(&mut c.api, nothing), ["model"]);

    let mut dates = otb_notice();
    dates.made_from = Some(date(2024, 6, 1));
    dates.made_to = Some(date(2024, 1, 1));
    assert_eq!(refused_fields(&mut c.api, dates), ["made_to"]);

    assert!(c.api.notices().unwrap().is_empty(), "nothing was saved");

    c.api.add_notice(otb_notice()).unwrap();
    let mut again = otb_notice();
    again.reference = "fsn-2026-014".into();
    assert_eq!(refused_fields(&mut c.api, again), ["reference"]);
    assert_eq!(c.api.notices().unwrap().len(), 1);
}

#[test]
fn an_item_made_in_the_future_is_refused() {
    let mut api = api_on(today());
    let child = add_child(&mut api, "Zoë", "Hughes");
    let mut d = ItemDetails::new(Category::Hoist, "Hoist");
    d.made_on = Some(date(2026, 12, 1));
    let err = api.create_item(child.id, d).unwrap_err();
    assert_eq!(err.fields()[0].field, "made_on");
}

#[test]
fn the_cli_adds_a_notice_and_shows_each_affected_item_with_its_child() {
    let dir = tempfile::tempdir().unwrap();
    let child = stdout_of(passport(dir.path()).args([
        "child",
        "add",
        "--given",
        "Zoë",
        "--family",
        "Hughes",
        "--dob",
        &iso(born_years_ago(9)),
    ]));
    let item = stdout_of(passport(dir.path()).args([
        "item",
        "add",
        "--child",
        child.trim(),
        "--category",
        "hoist",
        "--name",
        "Mobile hoist",
        "--make",
        "Oxford",
        "--model",
        "Presence",
        "--serial",
        "OTB-1007",
        "--lot",
        "L7",
        "--made",
        "2024-02-01",
    ]));
    let item = item.trim();

    let refused = passport(dir.path())
        .args([
            "notice",
            "add",
            "--reference",
            "FSN-2026-014",
            "--title",
            "Weld",
            "--make",
            "Oxford",
            "--model",
            "Presence",
            "--serial-from",
            "OTB-1010",
            "--serial-to",
            "OTB-1000",
        ])
        .assert()
        .failure()
        .stdout("");
    let err = String::from_utf8(refused.get_output().stderr.clone()).unwrap();
    assert!(err.contains("serial_ranges[0].to"), "{err}");

    let id = stdout_of(passport(dir.path()).args([
        "notice",
        "add",
        "--reference",
        "FSN-2026-014",
        "--title",
        "Spreader bar weld may crack",
        "--issuer",
        "Joerns Healthcare",
        "--make",
        "Oxford",
        "--model",
        "Presence",
        "--serial-from",
        "OTB-1000",
        "--serial-to",
        "OTB-1010",
        "--action",
        "Inspect the weld",
    ]));
    let id = id.trim();
    assert_eq!(id.len(), 36, "prints the notice's id: {id}");

    let shown = json_of(passport(dir.path()).args(["notice", "show", id]));
    assert_eq!(shown["notice"]["details"]["reference"], "FSN-2026-014");
    assert_eq!(shown["items"][0]["item_id"], item);
    assert_eq!(shown["items"][0]["child_name"], "Zoë Hughes");
    assert_eq!(shown["items"][0]["lot"], "L7");
    assert_eq!(shown["items"][0]["action"], "awaiting-action");

    stdout_of(passport(dir.path()).args([
        "notice",
        "action",
        id,
        "--item",
        item,
        "--action",
        "checked",
        "--note",
        "Weld fine",
    ]));
    let listed = json_of(passport(dir.path()).args(["notice", "list"]));
    assert_eq!(listed[0]["awaiting"], 0);
    stdout_of(passport(dir.path()).args(["notice", "close", id]));
    let human = stdout_of(passport(dir.path()).args(["notice", "list"]));
    assert!(
        human.contains("FSN-2026-014") && human.contains("closed"),
        "{human}"
    );
}

#[test]
fn a_spreadsheet_import_takes_the_lot_and_date_of_manufacture_and_the_notice_finds_the_item() {
    use equipment_passport::api::CsvImportMode;
    let mut api = api_on(today());
    let mut zoe = ChildDetails::new("Zoë", "Hughes", date(2017, 3, 14));
    zoe.nhs_number = "999 000 0018".into();
    let zoe = api.create_child(zoe).unwrap();
    let csv = "NHS number,Category,Item name,Make,Model,Lot number,Date of manufacture,Staff needed\n\
               999 000 0018,Seating,Classroom seat,Leckey,Squiggles,L2405A,02/05/2024,1\n\
               999 000 0018,Seating,Home seat,Leckey,Squiggles,L2405A,02/05/2027,1\n";
    let report = api
        .import_equipment_csv(csv.as_bytes(), CsvImportMode::DryRun)
        .unwrap();
    assert_eq!(report.errors.len(), 1, "{:?}", report.errors);
    assert_eq!(report.errors[0].column, "Date of manufacture");
    api.import_equipment_csv(csv.as_bytes(), CsvImportMode::GoodRowsOnly)
        .unwrap();
    let seat = &api.items_of_child(zoe.id).unwrap()[0];
    assert_eq!(
        (seat.details.lot.as_str(), seat.details.made_on),
        ("L2405A", Some(date(2024, 5, 2)))
    );
    let mut notice = NoticeDetails::new("FSN-L", "Buckle", "Leckey", "", today());
    notice.lots = vec!["L2405A".into()];
    assert_eq!(api.add_notice(notice).unwrap().items[0].item_id, seat.id);
}

#[test]
fn a_bundle_carries_the_lot_and_date_of_manufacture() {
    use equipment_passport::api::ExportScope;
    use equipment_passport::bundle::ImportOptions;
    let dir = tempfile::tempdir().unwrap();
    let mut api = api_on(today());
    let child = add_child(&mut api, "Zoë", "Hughes");
    let mut d = ItemDetails::new(Category::Hoist, "Mobile hoist");
    d.lot = "L7".into();
    d.made_on = Some(date(2024, 2, 1));
    api.create_item(child.id, d).unwrap();
    let path = dir.path().join("zoe.passport");
    let passphrase = "correct horse battery staple";
    api.export_bundle(ExportScope::Child(child.id), &path, Some(passphrase))
        .unwrap();

    let mut other = api_on(today());
    other
        .import_bundle(&path, Some(passphrase), &ImportOptions::default())
        .unwrap();
    let item = &other.items_of_child(child.id).unwrap()[0];
    assert_eq!(
        (item.details.lot.as_str(), item.details.made_on),
        ("L7", Some(date(2024, 2, 1)))
    );
}

#[test]
fn the_passport_prints_the_lot_and_date_of_manufacture_beside_the_serial() {
    let mut api = api_on(today());
    let child = add_child(&mut api, "Amara", "Okafor");
    let mut d = ItemDetails::new(Category::Hoist, "Mobile hoist");
    d.serial = "OTB-1007".into();
    d.lot = "L2405A".into();
    d.made_on = Some(date(2024, 5, 14));
    api.create_item(child.id, d).unwrap();

    // lopdf reads a label and its value with no space between them.
    let text = print_school_copy(&mut api, child.id);
    assert!(
        text.contains("Serial or asset tagOTB-1007 Lot numberL2405A Made14 May 2024"),
        "{text}"
    );
}
