//! Equipment labels (`passport labels`, and the child's and school's buttons in the app): a
//! sheet of A4 labels, each with the item, the child's first name, the serial, the last and
//! next examination, who repairs it, and a QR code that reads back as that text.

use crate::support::*;
use equipment_passport::Api;
use equipment_passport::api::LabelScope;
use equipment_passport::model::*;

/// A child at a school with a hoist examined (and a repairer), plus a bath seat used at home.
fn caseload() -> (Api, Child, Setting) {
    let mut api = api_on(date(2027, 2, 1));
    let school = add_setting(&mut api, "Oakfield Primary");
    let mut details = ChildDetails::new("Zoë", "Hughes", date(2017, 3, 14));
    details.setting_id = Some(school.id);
    details.home_address = "7 Wisteria Gardens, Stevenage".into();
    let child = api.create_child(details).unwrap();
    let mut repairer = SupplierDetails::new("Ability Lifting", SupplierKind::Repairer);
    repairer.repair_phone = "0121 496 0000".into();
    let repairer = api.create_supplier(repairer).unwrap();
    let mut hoist = ItemDetails::new(Category::Hoist, "Ceiling track hoist");
    hoist.serial = "OTB-1007".into();
    hoist.repair_supplier_id = Some(repairer.id);
    let hoist = api.create_item(child.id, hoist).unwrap();
    api.add_service_record(
        hoist.id,
        record(ServiceKind::LolerExamination, date(2026, 11, 3)),
    )
    .unwrap();
    let mut bath = ItemDetails::new(Category::Bathing, "Bath seat");
    bath.where_used = WhereUsed::Home;
    api.create_item(child.id, bath).unwrap();
    (api, child, school)
}

/// The sheet's text with all whitespace removed (a line may be split across font runs).
fn squashed_text(pdf: &[u8]) -> String {
    let doc = lopdf::Document::load_mem(pdf).unwrap();
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    doc.extract_text(&pages)
        .unwrap()
        .split_whitespace()
        .collect()
}

/// The texts of every QR code on the sheet, read from a 300 dpi picture of each page with
/// zbarimg, as a phone's camera would read them.
#[cfg(unix)]
fn qr_codes(pdf: &[u8]) -> Vec<String> {
    let scratch = tempfile::tempdir().unwrap();
    let file = scratch.path().join("labels.pdf");
    std::fs::write(&file, pdf).unwrap();
    let status = std::process::Command::new("pdftoppm")
        .args(["-r", "300", "-png"])
        .arg(&file)
        .arg(scratch.path().join("page"))
        .status()
        .expect("pdftoppm (poppler-utils) runs");
    assert!(status.success());
    let mut pages: Vec<_> = std::fs::read_dir(scratch.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "png"))
        .collect();
    pages.sort();
    pages.iter().flat_map(|page| decode(page)).collect()
}

#[cfg(unix)]
fn decode(page: &std::path::Path) -> Vec<String> {
    let out = std::process::Command::new("zbarimg")
        .args(["--quiet", "--xml", "-Sdisable", "-Sqrcode.enable"])
        .arg(page)
        .output()
        .expect("zbarimg (zbar-tools) runs");
    // Each code's text is one CDATA section of the XML report, newlines and all.
    let xml = String::from_utf8_lossy(&out.stdout).into_owned();
    xml.split("<![CDATA[")
        .skip(1)
        .filter_map(|rest| rest.split_once("]]>").map(|(data, _)| data.to_string()))
        .collect()
}

#[test]
fn a_childs_labels_show_each_item_with_its_serial_examination_and_repairer() {
    let (api, child, _) = caseload();
    let sheet = api.equipment_labels(LabelScope::Child(child.id)).unwrap();
    assert_eq!(sheet.labels, 2);
    assert_eq!(sheet.file_name, "Hughes, Zoë - equipment labels.pdf");
    let squashed = squashed_text(&sheet.pdf);
    for shown in [
        "Ceiling track hoist",
        "For Zoë",
        "Serial OTB-1007",
        "LOLER thorough examination 3 November 2026",
        "Next due 3 May 2027",
        "Repairs Ability Lifting 0121 496 0000",
        "Bath seat",
    ] {
        let shown: String = shown.split_whitespace().collect();
        assert!(squashed.contains(&shown), "{shown:?} not in {squashed}");
    }
    for private in ["Hughes", "Wisteria", "Oakfield"] {
        assert!(!squashed.contains(private), "{private} is on a label");
    }
}

#[cfg(unix)]
#[test]
fn each_qr_code_reads_back_as_the_item_serial_next_examination_and_repair_line() {
    let (api, child, _) = caseload();
    let pdf = api
        .equipment_labels(LabelScope::Child(child.id))
        .unwrap()
        .pdf;
    let codes = qr_codes(&pdf);
    assert_eq!(
        codes,
        [
            "Ceiling track hoist\nSerial: OTB-1007\nNext loler thorough examination: 3 May 2027\nRepairs: Ability Lifting 0121 496 0000",
            "Bath seat\nNext service: not recorded",
        ],
        "{codes:?}"
    );
}

#[test]
fn a_schools_sheet_holds_only_the_equipment_used_at_school() {
    let (api, _, school) = caseload();
    let sheet = api
        .equipment_labels(LabelScope::Setting(school.id))
        .unwrap();
    assert_eq!(sheet.labels, 1);
    assert_eq!(sheet.file_name, "Oakfield Primary - equipment labels.pdf");
    let text = squashed_text(&sheet.pdf);
    assert!(text.contains("Ceilingtrackhoist"));
    assert!(!text.contains("Bathseat"), "home equipment: {text}");
}

#[test]
fn withdrawn_equipment_gets_no_label_and_nothing_to_label_says_so() {
    let mut api = api_on(date(2027, 2, 1));
    let child = add_child(&mut api, "Amara", "Okafor");
    let mut walker = ItemDetails::new(Category::Walker, "Kaye walker");
    walker.status = ItemStatus::Withdrawn;
    api.create_item(child.id, walker).unwrap();
    let err = api
        .equipment_labels(LabelScope::Child(child.id))
        .unwrap_err();
    assert!(err.to_string().contains("no equipment to label"), "{err}");
}
