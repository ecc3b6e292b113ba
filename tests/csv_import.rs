//! Importing an equipment spreadsheet saved as CSV: the dry run, all-or-nothing and
//! good-rows-only imports, each kind of bad cell, the shapes Excel saves files in, and the
//! `passport import-csv` command.

use crate::support::{api, date};
use assert_cmd::Command;
use equipment_passport::Api;
use equipment_passport::api::{CsvImportMode, CsvImportReport};
use equipment_passport::import_csv::{CsvRowError, TextEncoding};
use equipment_passport::model::*;

const SAMPLE: &[u8] = include_bytes!("../templates/equipment-import-sample.csv");

struct Caseload {
    api: Api,
    amara: ChildId,
    leo: ChildId,
}

/// The two children and four suppliers the sample template names.
fn caseload() -> Caseload {
    let mut api = api();
    let mut amara = ChildDetails::new("Amara", "Okafor", date(2017, 3, 14));
    amara.nhs_number = "999 000 0026".into();
    let amara = api.create_child(amara).unwrap().id;
    let leo = api
        .create_child(ChildDetails::new("Leo", "Brennan", date(2019, 9, 2)))
        .unwrap()
        .id;
    for (name, kind) in [
        (
            "Midshire Community Equipment Service",
            SupplierKind::CommunityEquipmentService,
        ),
        ("Heronsgate Lifting Services", SupplierKind::Contractor),
        (
            "Kingsmere Children's Wheelchair Service",
            SupplierKind::WheelchairService,
        ),
        ("Pennine Mobility Repairs", SupplierKind::Repairer),
    ] {
        api.create_supplier(SupplierDetails::new(name, kind))
            .unwrap();
    }
    Caseload { api, amara, leo }
}

fn import(api: &mut Api, csv: &str, mode: CsvImportMode) -> CsvImportReport {
    api.import_equipment_csv(csv.as_bytes(), mode).unwrap()
}

fn item_count(api: &Api, children: &[ChildId]) -> usize {
    children
        .iter()
        .map(|c| api.items_of_child(*c).unwrap().len())
        .sum()
}

fn error(line: usize, column: &str, starts: &str) -> impl Fn(&CsvRowError) -> bool {
    let (column, starts) = (column.to_string(), starts.to_string());
    move |e| e.line == line && e.column == column && e.message.starts_with(&starts)
}

const HEADER: &str = "NHS number,Category,Item name,Issue date,Staff needed";

#[test]
fn a_good_file_imports_every_row_and_the_items_read_back_with_every_field() {
    let mut c = caseload();
    let report = import(
        &mut c.api,
        std::str::from_utf8(SAMPLE).unwrap(),
        CsvImportMode::AllOrNothing,
    );
    assert_eq!(report.errors, vec![]);
    assert_eq!((report.rows, report.good_rows, report.bad_rows), (5, 5, 0));
    assert!(report.written);
    assert_eq!(
        (report.items_created, report.service_records_created),
        (5, 3)
    );

    let amara = c.api.items_of_child(c.amara).unwrap();
    let leo = c.api.items_of_child(c.leo).unwrap();
    assert_eq!((amara.len(), leo.len()), (3, 2));
    let named = |items: &[EquipmentItem], name: &str| {
        items
            .iter()
            .find(|i| i.details.name == name)
            .unwrap()
            .clone()
    };
    let midshire = c
        .api
        .suppliers()
        .unwrap()
        .into_iter()
        .find(|s| s.details.name.starts_with("Midshire"))
        .unwrap();

    let stander_id = named(&amara, "Classroom stander").id;
    let stander = named(&amara, "Classroom stander").details;
    assert_eq!(stander.category, Category::StandingFrame);
    assert_eq!(
        (stander.make.as_str(), stander.model.as_str()),
        ("Astley", "Upright 2")
    );
    assert_eq!(
        (stander.serial.as_str(), stander.size.as_str()),
        ("AST-20931", "Size 2")
    );
    assert_eq!(stander.where_used, WhereUsed::School);
    assert_eq!(stander.provider_id, Some(midshire.id));
    assert_eq!(stander.loan_number, "MCES-44817");
    assert_eq!(stander.issue_date, Some(date(2025, 2, 3)));
    assert_eq!(
        stander.purpose,
        "Weight-bearing for hip health, 45 minutes a day"
    );
    assert_eq!(stander.status, ItemStatus::InUse);
    let review = c.api.schedules_of_item(stander_id).unwrap();
    assert_eq!(
        (review[0].kind, review[0].next_due, review[0].every_months),
        (ScheduleKind::Review, date(2027, 2, 3), 12),
        "the review date is a yearly review schedule"
    );
    assert_eq!(stander.staff_needed, 1);
    assert_eq!(stander.therapist, "Hannah Price (PT)");

    let hoist = named(&amara, "Mobile hoist");
    assert_eq!(hoist.details.staff_needed, 2);
    let log = c.api.item(hoist.id).unwrap().service_log;
    assert_eq!(log.len(), 1);
    let loler = &log[0].details;
    assert_eq!(loler.kind, ServiceKind::LolerExamination);
    assert_eq!(loler.date, date(2026, 7, 15));
    assert_eq!(loler.by_whom, "Heronsgate Lifting Services");
    assert_eq!(loler.outcome, Outcome::Pass);
    assert_eq!(
        loler.next_due,
        Some(date(2027, 1, 15)),
        "six months for a hoist's LOLER"
    );

    let sling = named(&amara, "Toileting sling");
    assert_eq!(sling.details.sling.as_ref().unwrap().sling_id, "SL-0107");
    let sling_log = c.api.item(sling.id).unwrap().service_log;
    assert_eq!(sling_log[0].details.outcome, Outcome::Advisory);
    assert_eq!(
        sling_log[0].details.notes,
        "Label fading: replace at next review"
    );

    let walker = named(&leo, "Kaye walker").details;
    assert_eq!(walker.category, Category::Walker);
    assert_eq!(walker.where_used, WhereUsed::Both);
    assert_eq!(
        walker.purpose,
        "Walking between lessons and at home.\nStaff walk behind with a hand on the frame."
    );
    assert_eq!(walker.issue_date, Some(date(2025, 9, 1)));

    let chair = named(&leo, "Everyday wheelchair");
    assert_eq!(chair.details.status, ItemStatus::AwaitingRepair);
    let service = &c.api.item(chair.id).unwrap().service_log[0].details;
    assert_eq!(service.kind, ServiceKind::Service);
    assert_eq!(service.next_due, Some(date(2027, 10, 1)));
}

#[test]
fn the_sample_template_imports_into_a_test_caseload_as_a_dry_run_with_no_errors() {
    let mut c = caseload();
    let report = c
        .api
        .import_equipment_csv(SAMPLE, CsvImportMode::DryRun)
        .unwrap();
    assert_eq!(report.errors, vec![]);
    assert_eq!((report.rows, report.good_rows), (5, 5));
    assert!(!report.written);
    assert_eq!(item_count(&c.api, &[c.amara, c.leo]), 0);
}

#[test]
fn a_dry_run_lists_every_row_error_with_its_line_number_and_writes_nothing() {
    let mut c = caseload();
    let csv = format!(
        "{HEADER}\n\
         999 000 0026,Hoist,Ceiling hoist,01/02/2025,2\n\
         999 000 0026,Trampoline,Big bouncer,01/02/2025,1\n\
         \n\
         999 000 0026,Walker,,31/02/2025,9\n\
         999 000 0026,Seating,Chair,01/02/2025,1\n"
    );
    let report = import(&mut c.api, &csv, CsvImportMode::DryRun);
    assert_eq!((report.rows, report.good_rows, report.bad_rows), (4, 2, 2));
    let lines: Vec<(usize, &str)> = report
        .errors
        .iter()
        .map(|e| (e.line, e.column.as_str()))
        .collect();
    assert_eq!(
        lines,
        vec![
            (3, "Category"),
            (5, "Issue date"),
            (5, "Staff needed"),
            (5, "Item name")
        ],
        "row 4 is blank but still counts, as in the spreadsheet"
    );
    assert!(!report.written);
    assert_eq!(report.items_created, 0);
    assert_eq!(item_count(&c.api, &[c.amara]), 0);
}

#[test]
fn all_or_nothing_with_one_bad_row_writes_nothing() {
    let mut c = caseload();
    let csv = format!(
        "{HEADER}\n\
         999 000 0026,Hoist,Ceiling hoist,01/02/2025,2\n\
         999 000 0026,Seating,Chair,01/02/2025,1\n\
         999 000 0026,Walker,Walker,22/11/26,1\n"
    );
    let report = import(&mut c.api, &csv, CsvImportMode::AllOrNothing);
    assert_eq!(report.errors.len(), 1);
    assert!(error(4, "Issue date", "'22/11/26' has a two-digit year")(
        &report.errors[0]
    ));
    assert_eq!((report.good_rows, report.bad_rows), (2, 1));
    assert!(!report.written);
    assert_eq!(item_count(&c.api, &[c.amara]), 0);
    assert_eq!(
        c.api.child_history(c.amara).unwrap().len(),
        1,
        "only the child's creation is in the trail"
    );
}

#[test]
fn good_rows_only_writes_the_good_rows_and_reports_the_bad() {
    let mut c = caseload();
    let csv = format!(
        "{HEADER}\n\
         999 000 0026,Hoist,Ceiling hoist,01/02/2025,2\n\
         999 000 0026,Seating,,01/02/2025,1\n\
         999 000 0026,Walker,Walker,01/02/2025,1\n"
    );
    let report = import(&mut c.api, &csv, CsvImportMode::GoodRowsOnly);
    assert_eq!(
        (report.good_rows, report.bad_rows, report.items_created),
        (2, 1, 2)
    );
    assert!(error(3, "Item name", "enter the name")(&report.errors[0]));
    let names: Vec<String> = c
        .api
        .items_of_child(c.amara)
        .unwrap()
        .into_iter()
        .map(|i| i.details.name)
        .collect();
    assert_eq!(names.len(), 2);
    assert!(names.contains(&"Ceiling hoist".to_string()) && names.contains(&"Walker".to_string()));
}

#[test]
fn each_kind_of_bad_cell_gives_its_own_message_naming_line_and_column() {
    let mut c = caseload();
    let csv = "NHS number,Given name,Family name,Date of birth,Category,Item name,Review date,Staff needed,Provider\n\
         999 000 0026,,,,Bouncy castle,Castle,,1,\n\
         999 000 0026,,,,Walker,Walker,31/13/2026,1,\n\
         999 000 0034,,,,Walker,Walker,,1,\n\
         ,Leo,Brenan,02/09/2019,Walker,Walker,,1,\n\
         999 000 0026,,,,Walker,,,1,\n\
         999 000 0026,,,,Walker,Walker,,two,\n\
         999 000 0026,,,,Hoist,Hoist,,,\n\
         999 000 0026,,,,Walker,Walker,,1,Acme Wheels\n\
         999 000 0026,Leo,Brennan,02/09/2019,Walker,Walker,,1,\n\
         999 000 0027,,,,Walker,Walker,,1,\n";
    let report = import(&mut c.api, csv, CsvImportMode::DryRun);
    let expected: [(usize, &str, &str); 10] = [
        (
            2,
            "Category",
            "'Bouncy castle' is not a category: use one of Seating system (seating), Standing frame (standing-frame)",
        ),
        (
            3,
            "Review date",
            "'31/13/2026' is not a date in the calendar",
        ),
        (
            4,
            "NHS number",
            "no child on the caseload has this NHS number",
        ),
        (
            5,
            "Given name",
            "no child on the caseload has this name and date of birth",
        ),
        (6, "Item name", "enter the name of the equipment"),
        (
            7,
            "Staff needed",
            "'two' is not a number of staff: write 1, 2, 3 or 4",
        ),
        (
            8,
            "Staff needed",
            "say how many staff are needed to use this hoist or sling",
        ),
        (
            9,
            "Provider",
            "'Acme Wheels' is not in the supplier directory: add it first, or use one of Heronsgate",
        ),
        (
            10,
            "NHS number",
            "this NHS number belongs to a child with a different name or date of birth",
        ),
        (11, "NHS number", "this is not a valid NHS number"),
    ];
    for (line, column, starts) in expected {
        assert!(
            report.errors.iter().any(error(line, column, starts)),
            "no error at line {line}, {column} starting {starts:?}: {:#?}",
            report.errors
        );
    }
    assert_eq!(report.errors.len(), expected.len(), "{:#?}", report.errors);
    assert_eq!(report.good_rows, 0);
}

#[test]
fn a_repeated_item_or_an_item_already_imported_is_a_serial_error() {
    let mut c = caseload();
    let csv = "NHS number,Category,Item name,Serial\n\
               999 000 0026,Walker,Walker,W-1\n\
               999 000 0026,Walker,Walker again,w-1\n";
    let report = import(&mut c.api, csv, CsvImportMode::GoodRowsOnly);
    assert_eq!(report.items_created, 1);
    assert!(error(3, "Serial", "line 2 is the same item")(
        &report.errors[0]
    ));
    let again = import(
        &mut c.api,
        "NHS number,Category,Item name,Serial\n999 000 0026,Walker,Walker,W-1\n",
        CsvImportMode::DryRun,
    );
    assert!(error(
        2,
        "Serial",
        "this child already has a walker or gait trainer with this serial"
    )(&again.errors[0]));
}

#[test]
fn a_sling_id_already_taken_is_found_by_the_dry_run() {
    let mut c = caseload();
    let csv = "NHS number,Category,Item name,Staff needed,Sling ID\n\
               999 000 0026,Sling,Sling A,2,SL-1\n\
               999 000 0026,Sling,Sling B,2,SL-1\n";
    let report = import(&mut c.api, csv, CsvImportMode::DryRun);
    assert_eq!(report.errors.len(), 1, "{:#?}", report.errors);
    assert!(error(
        3,
        "Sling ID",
        "another sling already has the id 'SL-1'"
    )(&report.errors[0]));
    assert_eq!(item_count(&c.api, &[c.amara]), 0);
}

#[test]
fn bom_crlf_semicolons_and_multi_line_cells_parse() {
    let mut c = caseload();
    let mut bytes = b"\xEF\xBB\xBFnhs_number;CATEGORY;Item Name;Purpose;Issue date\r\n".to_vec();
    bytes.extend(
        b"999 000 0026;Standing frame;Stander;\"Stand for\r\nliteracy; 30 min\";22.11.2025\r\n",
    );
    bytes.extend(b"999 000 0026;walker;Walker;;2025-11-22\r\n;;;;\r\n\r\n");
    let report = c
        .api
        .import_equipment_csv(&bytes, CsvImportMode::AllOrNothing)
        .unwrap();
    assert_eq!(report.errors, vec![]);
    assert_eq!(
        (report.rows, report.items_created, report.delimiter.as_str()),
        (2, 2, ";")
    );
    let items = c.api.items_of_child(c.amara).unwrap();
    let stander = items.iter().find(|i| i.details.name == "Stander").unwrap();
    assert_eq!(stander.details.purpose, "Stand for\nliteracy; 30 min");
    assert_eq!(stander.details.issue_date, Some(date(2025, 11, 22)));
}

/// Found by the csv_import fuzz target: rows ended by a lone CR shared one line number, so
/// their errors were counted as one bad row and the good rows were over-counted.
#[test]
fn rows_ended_by_a_lone_cr_as_excel_for_mac_saves_them_keep_their_own_line_numbers() {
    let mut c = caseload();
    let csv = "NHS number,Category,Item name,Purpose\r\
               999 000 0026,Walker,Walker,\"Between\rlessons\"\r\
               999 000 0026,Spaceship,Rocket,\r\
               999 000 0026,Seating,,\r";
    let report = import(&mut c.api, csv, CsvImportMode::DryRun);
    assert_eq!(
        (report.rows, report.good_rows, report.bad_rows),
        (3, 1, 2),
        "{:?}",
        report.errors
    );
    assert!(
        report
            .errors
            .iter()
            .any(error(3, "Category", "'Spaceship' is not a category"))
    );
    assert!(
        report
            .errors
            .iter()
            .any(error(4, "Item name", "enter the name"))
    );
    assert!(report.errors.iter().all(|e| e.line == 3 || e.line == 4));
}

#[test]
fn windows_1252_from_older_excel_is_read() {
    let mut c = caseload();
    let bytes = b"Given name,Family name,DOB,Category,Item name,Purpose\n\
                  Leo,Brennan,02/09/2019,Other,Caf\xE9 chair,Lunch \x96 \xA3 paid by school\n";
    let report = c
        .api
        .import_equipment_csv(bytes, CsvImportMode::AllOrNothing)
        .unwrap();
    assert_eq!(report.errors, vec![]);
    assert_eq!(report.encoding, TextEncoding::Windows1252);
    let item = &c.api.items_of_child(c.leo).unwrap()[0];
    assert_eq!(item.details.name, "Café chair");
    assert_eq!(item.details.purpose, "Lunch – £ paid by school");
}

/// Excel for Windows' "CSV UTF-8 (Comma delimited)": a byte-order mark, commas, CRLF.
#[test]
fn excel_csv_utf8_with_its_bom_and_crlf_is_read_with_accents_intact() {
    let mut c = caseload();
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(
        "Given name,Family name,DOB,Category,Item name,Purpose\r\n\
         Leo,Brennan,02/09/2019,Other,Café chair – blue,Ysgol Gymraeg: £5 ŵ\r\n"
            .as_bytes(),
    );
    let report = c
        .api
        .import_equipment_csv(&bytes, CsvImportMode::AllOrNothing)
        .unwrap();
    assert_eq!(report.errors, vec![]);
    assert_eq!((report.rows, report.items_created), (1, 1));
    let item = &c.api.items_of_child(c.leo).unwrap()[0];
    assert_eq!(item.details.name, "Café chair – blue");
    assert_eq!(item.details.purpose, "Ysgol Gymraeg: £5 ŵ");
}

/// Excel for Windows' "CSV (Comma delimited)": Windows-1252, no mark, commas, CRLF.
#[test]
fn excel_csv_comma_delimited_in_windows_1252_with_crlf_is_read() {
    let mut c = caseload();
    let bytes = b"Given name,Family name,DOB,Category,Item name,Purpose\r\n\
                  Leo,Brennan,02/09/2019,Other,Caf\xE9 chair,\x93Lunch\x94 \x96 \xA3 paid\r\n";
    let report = c
        .api
        .import_equipment_csv(bytes, CsvImportMode::AllOrNothing)
        .unwrap();
    assert_eq!(report.errors, vec![]);
    assert_eq!(report.encoding, TextEncoding::Windows1252);
    assert_eq!((report.rows, report.items_created), (1, 1));
    let item = &c.api.items_of_child(c.leo).unwrap()[0];
    assert_eq!(item.details.name, "Café chair");
    assert_eq!(item.details.purpose, "\u{201C}Lunch\u{201D} – £ paid");
}

#[test]
fn a_file_that_is_not_csv_or_has_the_wrong_columns_is_refused_with_one_clear_error() {
    let mut c = caseload();
    let refused = |api: &mut Api, bytes: &[u8]| {
        let err = api
            .import_equipment_csv(bytes, CsvImportMode::DryRun)
            .unwrap_err();
        assert_eq!(err.code(), "invalid");
        err.fields().to_vec()
    };
    let xlsx = refused(&mut c.api, b"PK\x03\x04\x14\0\x06\0");
    assert_eq!(xlsx[0].field, "file");
    assert!(xlsx[0].message.contains("Excel workbook"));
    let prose = refused(&mut c.api, b"Dear team,\nplease find attached the list.\n");
    assert_eq!(prose.len(), 2, "{prose:#?}");
    assert!(prose[0].message.contains("not a column the import knows"));
    assert!(
        prose[1]
            .message
            .contains("required ones are missing: Category; Item name")
    );
    let unknown = refused(&mut c.api, b"NHS number,Category,Item name,Colour\n");
    assert_eq!(unknown.len(), 1);
    assert!(unknown[0].message.starts_with("'Colour' is not a column"));
    assert!(
        unknown[0]
            .message
            .contains("The columns are: NHS number, Given name")
    );
}

#[test]
fn passport_import_csv_is_all_or_nothing_by_default_and_prints_every_error() {
    let dir = tempfile::tempdir().unwrap();
    let passport = || {
        let mut cmd = Command::cargo_bin("passport").unwrap();
        cmd.arg("--data-dir")
            .arg(dir.path())
            .env("PASSPORT_PASSPHRASE", "blue kettle on Tuesday");
        cmd
    };
    passport()
        .args([
            "child",
            "add",
            "--given",
            "Amara",
            "--family",
            "Okafor",
            "--dob",
            &crate::support::iso(crate::support::born_years_ago(9)),
            "--nhs",
            "999 000 0026",
        ])
        .assert()
        .success();
    let file = dir.path().join("equipment.csv");
    std::fs::write(
        &file,
        "NHS number,Category,Item name\n999 000 0026,Walker,Walker\n999 000 0026,Trampoline,Bouncer\n999 000 0026,Seating,\n",
    )
    .unwrap();
    let out = passport()
        .arg("import-csv")
        .arg(&file)
        .assert()
        .failure()
        .get_output()
        .clone();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.contains("line 3, Category: 'Trampoline' is not a category"),
        "{stdout}"
    );
    assert!(
        stdout.contains("line 4, Item name: enter the name"),
        "{stdout}"
    );
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("nothing was imported: 2 of 3 rows have problems")
    );

    passport()
        .arg("import-csv")
        .arg(&file)
        .arg("--dry-run")
        .assert()
        .failure();
    let out = passport()
        .arg("import-csv")
        .arg(&file)
        .arg("--good-rows-only")
        .assert()
        .success()
        .get_output()
        .clone();
    assert!(String::from_utf8(out.stdout).unwrap().contains(
        "Imported 1 item and 0 service records from 3 rows; 2 rows with problems were left out"
    ));
}

#[test]
fn a_row_that_does_not_say_which_child_is_refused() {
    let mut c = caseload();
    let report = import(
        &mut c.api,
        "NHS number,Category,Item name\n,Walker,Walker\n",
        CsvImportMode::DryRun,
    );
    assert_eq!(report.errors.len(), 1);
    assert!(error(2, "NHS number", "enter the child's NHS number")(
        &report.errors[0]
    ));
    let report = import(
        &mut c.api,
        "NHS number,Given name,Family name,Date of birth,Category,Item name\n,Leo,,,Walker,Walker\n",
        CsvImportMode::DryRun,
    );
    let columns: Vec<&str> = report.errors.iter().map(|e| e.column.as_str()).collect();
    assert_eq!(columns, vec!["Family name", "Date of birth"]);
}

// ---- Files whose quoting or encoding cannot be trusted: refused whole, nothing imported ----

/// The issue's file: thirty rows, the first row's last cell opening a quote it never closes.
fn thirty_rows_with_an_unclosed_quote_in_the_first() -> String {
    let mut csv =
        String::from("NHS number,Category,Item name,Serial,Last service date,Service notes\n");
    for i in 1..=30 {
        let notes = if i == 1 { "\"Checked OK" } else { "Checked OK" };
        csv += &format!("999 000 0026,Walker,Walker {i},WK-{i},01/02/2025,{notes}\n");
    }
    csv
}

/// The one problem of a file refused whole, which must be on the field `file`.
fn file_problem(api: &mut Api, bytes: &[u8], mode: CsvImportMode) -> String {
    let err = api.import_equipment_csv(bytes, mode).unwrap_err();
    assert_eq!(err.code(), "invalid");
    let fields = err.fields();
    assert_eq!(fields.len(), 1, "{fields:#?}");
    assert_eq!(fields[0].field, "file");
    fields[0].message.clone()
}

const MODES: [CsvImportMode; 3] = [
    CsvImportMode::DryRun,
    CsvImportMode::AllOrNothing,
    CsvImportMode::GoodRowsOnly,
];

#[test]
fn a_quote_never_closed_refuses_the_file_naming_the_line_it_opens_on_and_imports_nothing() {
    let mut c = caseload();
    let csv = thirty_rows_with_an_unclosed_quote_in_the_first();
    for mode in MODES {
        let message = file_problem(&mut c.api, csv.as_bytes(), mode);
        assert!(
            message.starts_with("line 2: a cell starts with a quote (\") that is never closed"),
            "{message}"
        );
        assert!(message.contains("add the closing quote"), "{message}");
    }
    assert_eq!(item_count(&c.api, &[c.amara]), 0);

    let closed = csv.replacen("\"Checked OK", "\"Checked OK\"", 1);
    let report = import(&mut c.api, &closed, CsvImportMode::AllOrNothing);
    assert_eq!(report.errors, vec![]);
    assert_eq!((report.rows, report.items_created), (30, 30));
}

#[test]
fn a_quote_closed_only_by_a_later_quoted_cell_is_refused_naming_both_lines() {
    let mut c = caseload();
    let mut csv = thirty_rows_with_an_unclosed_quote_in_the_first();
    csv = csv.replace(
        ",Walker 6,WK-6,01/02/2025,Checked OK",
        ",Walker 6,WK-6,01/02/2025,\"Checked, OK\"",
    );
    let message = file_problem(&mut c.api, csv.as_bytes(), CsvImportMode::GoodRowsOnly);
    assert!(
        message
            .starts_with("line 2: a cell starts with a quote (\") that is not closed until line 7"),
        "{message}"
    );
    // Lines are the file's, as a text editor numbers them: Excel's `sep=` line counts too.
    let with_sep = format!("sep=,\n{csv}");
    let message = file_problem(&mut c.api, with_sep.as_bytes(), CsvImportMode::DryRun);
    assert!(message.starts_with("line 3: "), "{message}");
    assert_eq!(item_count(&c.api, &[c.amara]), 0);
}

#[test]
fn utf8_rows_with_one_windows_1252_row_are_refused_naming_that_row_rather_than_garbled() {
    let mut c = caseload();
    let mut bytes = "Given name,Family name,DOB,Category,Item name\n\
                     Leo,Brennan,02/09/2019,Walker,Zoë's walker —\n"
        .as_bytes()
        .to_vec();
    bytes.extend(b"Leo,Brennan,02/09/2019,Other,Caf\xE9 chair\n");
    for mode in MODES {
        let message = file_problem(&mut c.api, &bytes, mode);
        assert!(
            message.starts_with("the file mixes two text encodings: line 3 is not UTF-8"),
            "{message}"
        );
        assert!(message.contains("CSV UTF-8"), "{message}");
    }
    assert_eq!(item_count(&c.api, &[c.leo]), 0);
}

#[test]
fn a_file_marked_as_utf8_with_a_row_that_is_not_is_refused_naming_the_row() {
    let mut c = caseload();
    let bytes = b"\xEF\xBB\xBFGiven name,Family name,DOB,Category,Item name\r\n\
                  Leo,Brennan,02/09/2019,Walker,Walker\r\n\
                  Leo,Brennan,02/09/2019,Other,Caf\xE9 chair\r\n";
    let message = file_problem(&mut c.api, bytes, CsvImportMode::AllOrNothing);
    assert!(message.starts_with("line 3 is not UTF-8 text"), "{message}");
    assert_eq!(item_count(&c.api, &[c.leo]), 0);
}

#[test]
fn utf16_is_named_as_utf16_in_either_byte_order_with_or_without_a_byte_order_mark() {
    let mut c = caseload();
    let text = std::str::from_utf8(SAMPLE).unwrap().replace(',', "\t");
    for (big, mark) in [(false, true), (true, true), (false, false), (true, false)] {
        let mut bytes: Vec<u8> = match (big, mark) {
            (false, true) => vec![0xFF, 0xFE],
            (true, true) => vec![0xFE, 0xFF],
            _ => vec![],
        };
        for unit in text.trim_start_matches('\u{FEFF}').encode_utf16() {
            bytes.extend(if big {
                unit.to_be_bytes()
            } else {
                unit.to_le_bytes()
            });
        }
        let message = file_problem(&mut c.api, &bytes, CsvImportMode::DryRun);
        let order = if big {
            "(big-endian)"
        } else {
            "(little-endian"
        };
        assert!(
            message.starts_with(&format!("the file is UTF-16 text {order}")),
            "{message}"
        );
        assert!(message.contains("CSV UTF-8"), "{message}");
    }
}

fn passport_in(dir: &std::path::Path) -> Command {
    let mut cmd = Command::cargo_bin("passport").unwrap();
    cmd.arg("--data-dir")
        .arg(dir)
        .env("PASSPORT_PASSPHRASE", "blue kettle on Tuesday");
    cmd
}

#[test]
fn passport_import_csv_refuses_a_broken_quote_or_encoding_in_one_line_and_imports_nothing() {
    let dir = tempfile::tempdir().unwrap();
    passport_in(dir.path())
        .args([
            "child",
            "add",
            "--given",
            "Amara",
            "--family",
            "Okafor",
            "--dob",
            "2017-03-14",
            "--nhs",
            "999 000 0026",
        ])
        .assert()
        .success();
    let mut mixed =
        b"NHS number,Category,Item name\n999 000 0026,Walker,Zo\xC3\xAB's walker\n".to_vec();
    mixed.extend(b"999 000 0026,Other,Zo\xEB's chair\n");
    let utf16_be: Vec<u8> = "NHS number,Category,Item name\n999 000 0026,Walker,Walker\n"
        .encode_utf16()
        .flat_map(u16::to_be_bytes)
        .collect();
    for (name, bytes, says) in [
        (
            "quote.csv",
            thirty_rows_with_an_unclosed_quote_in_the_first().into_bytes(),
            "error: file: line 2: a cell starts with a quote (\") that is never closed",
        ),
        (
            "mixed.csv",
            mixed,
            "error: file: the file mixes two text encodings: line 3 is not UTF-8",
        ),
        (
            "utf16.csv",
            utf16_be,
            "error: file: the file is UTF-16 text (big-endian), which the import does not read",
        ),
    ] {
        let file = dir.path().join(name);
        std::fs::write(&file, bytes).unwrap();
        let out = passport_in(dir.path())
            .arg("import-csv")
            .arg(&file)
            .assert()
            .failure()
            .get_output()
            .clone();
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert_eq!(stderr.lines().count(), 1, "{name}: {stderr}");
        assert!(stderr.starts_with(says), "{name}: {stderr}");
        assert!(out.stdout.is_empty(), "{name}");
    }
    let check = passport_in(dir.path())
        .args(["--json", "db", "check"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let check: serde_json::Value = serde_json::from_slice(&check).unwrap();
    assert_eq!(check["items"], 0, "{check}");
}
