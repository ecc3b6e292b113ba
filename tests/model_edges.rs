//! The model's edges, reached through every door: control characters in any text field and
//! dates absurdly far away are refused by the api and the CLI alike, with the field named and
//! nothing written.

use crate::support::photos::jpeg;
use crate::support::*;
use equipment_passport::model::dfg::{DfgCaseDetails, Jurisdiction, Tenure};
use equipment_passport::model::*;

/// Clears the screen and turns the rest of the terminal red when printed raw.
const ESCAPE: &str = "Esc\u{1b}[2J\u{1b}[31mRED";

fn field_of(result: equipment_passport::Result<impl std::fmt::Debug>) -> String {
    let err = result.unwrap_err();
    assert!(
        !err.to_string().contains('\u{1b}'),
        "the message never carries the character: {err}"
    );
    err.fields()[0].field.clone()
}

#[test]
fn every_kind_of_record_refuses_an_escape_sequence_through_the_api() {
    let mut api = api();
    let child = add_child(&mut api, "Amara", "Okafor");
    let hoist = add_item(&mut api, child.id, Category::Hoist, "Ceiling hoist");

    let mut c = ChildDetails::new(ESCAPE, "Okafor", date(2017, 3, 14));
    assert_eq!(field_of(api.create_child(c.clone())), "given_name");
    c.given_name = "Amara".into();
    c.about_me.medical_alerts = format!("Shunt{ESCAPE}");
    assert_eq!(
        field_of(api.update_child(child.id, c)),
        "about_me.medical_alerts"
    );
    let setting = SettingDetails::new(ESCAPE, SettingKind::School);
    assert_eq!(field_of(api.create_setting(setting)), "name");
    let mut contact = ContactDetails::new("Grace Okafor", ContactRole::ParentCarer);
    contact.phones = vec![Phone {
        label: "Mobile".into(),
        number: format!("07700 900123{ESCAPE}"),
    }];
    assert_eq!(
        field_of(api.add_contact(child.id, contact)),
        "phones[0].number"
    );
    let mut supplier = SupplierDetails::new("Heronsgate", SupplierKind::Repairer);
    supplier.email = format!("repairs{ESCAPE}@heronsgate.example");
    assert_eq!(field_of(api.create_supplier(supplier)), "email");
    let mut item = ItemDetails::new(Category::Walker, "Kaye walker");
    item.serial = ESCAPE.into();
    assert_eq!(field_of(api.create_item(child.id, item)), "serial");
    let mut record = record(ServiceKind::LolerExamination, date(2026, 9, 1));
    record.by_whom = ESCAPE.into();
    assert_eq!(
        field_of(api.add_service_record(hoist.id, record)),
        "by_whom"
    );
    assert_eq!(
        field_of(api.add_item_photo(hoist.id, &jpeg(64, 48), ESCAPE)),
        "caption"
    );
    let mut case = DfgCaseDetails::new(Tenure::OwnerOccupier, Jurisdiction::England);
    case.property_address = "12 Acacia Avenue".into();
    case.applicant = ESCAPE.into();
    assert_eq!(field_of(api.open_dfg_case(child.id, case)), "applicant");

    let record = api.child(child.id).unwrap();
    assert_eq!(record.child.details.given_name, "Amara");
    assert!(record.contacts.is_empty());
    assert_eq!(record.items.len(), 1, "only the hoist");
    assert!(api.settings().unwrap().is_empty());
    assert!(api.suppliers().unwrap().is_empty());
}

#[test]
fn an_issue_date_in_year_one_and_a_service_in_the_next_century_are_refused() {
    let mut api = api();
    let child = add_child(&mut api, "Amara", "Okafor");
    let mut item = ItemDetails::new(Category::Walker, "Kaye walker");
    item.issue_date = Some(date(1, 1, 1));
    let err = api.create_item(child.id, item).unwrap_err();
    assert_eq!(
        err.fields()[0].to_string(),
        "issue_date: the issue date cannot be before 1950: check the year"
    );
    let hoist = add_item(&mut api, child.id, Category::Hoist, "Ceiling hoist");
    let mut service = record(ServiceKind::Service, today());
    service.next_due = Some(date(2126, 1, 1));
    let err = api.add_service_record(hoist.id, service).unwrap_err();
    assert_eq!(err.fields()[0].field, "next_due");
    assert!(err.fields()[0].message.contains("more than 10 years away"));
    assert_eq!(api.items_of_child(child.id).unwrap().len(), 1);
}

use crate::support::cli::passport;

#[test]
fn the_cli_refuses_an_escape_sequence_in_a_name_and_never_prints_it() {
    let dir = tempfile::tempdir().unwrap();
    let out = passport(dir.path())
        .args(["child", "add", "--given", ESCAPE, "--family", "Okafor"])
        .args(["--dob", "2017-03-14"])
        .assert()
        .failure()
        .get_output()
        .clone();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("--given") || stderr.contains("given_name"),
        "{stderr}"
    );
    assert!(stderr.contains("U+001B"), "{stderr}");
    assert!(!stderr.contains('\u{1b}') && !out.stdout.contains(&0x1b));
    let listed = passport(dir.path())
        .arg("children")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert!(!listed.contains(&0x1b), "nothing was stored to print");
}

#[test]
fn the_cli_refuses_a_date_of_birth_in_year_one() {
    let dir = tempfile::tempdir().unwrap();
    let out = passport(dir.path())
        .args(["child", "add", "--given", "Amara", "--family", "Okafor"])
        .args(["--dob", "0001-01-01"])
        .assert()
        .failure()
        .get_output()
        .stderr
        .clone();
    let stderr = String::from_utf8(out).unwrap();
    assert!(stderr.contains("cannot be before 1900"), "{stderr}");
}
