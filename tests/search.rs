//! Caseload search: by name, preferred name, NHS number or setting, ignoring case and accents.

use crate::support::*;
use equipment_passport::model::*;

fn names(api: &equipment_passport::Api, text: &str) -> Vec<String> {
    api.search_children(text, None, 50)
        .unwrap()
        .children
        .into_iter()
        .map(|c| c.display_name)
        .collect()
}

fn caseload() -> equipment_passport::Api {
    let mut api = api();
    let oakfield = add_setting(&mut api, "Oakfield Primary School");
    let brook = add_setting(&mut api, "Brookside Special School");
    for (given, family, preferred, setting, nhs) in [
        ("Zoë", "Hughes", "", oakfield.id, "999 000 0018"),
        ("Zoe", "Patel", "", brook.id, ""),
        ("Chloé", "Dubois", "Clo", brook.id, ""),
        ("Jan", "Łukasiewicz", "", oakfield.id, ""),
        ("Hoa", "Nguyễn Thị", "", brook.id, ""),
        ("Ахмед", "Каримов", "Akhmed", oakfield.id, ""),
        ("Siobhán", "O’Brien", "", brook.id, ""),
    ] {
        let mut d = ChildDetails::new(given, family, date(2016, 5, 1));
        d.preferred_name = preferred.into();
        d.setting_id = Some(setting);
        d.nhs_number = nhs.into();
        api.create_child(d).unwrap();
    }
    api
}

#[test]
fn zoe_finds_zoe_with_and_without_the_diaeresis() {
    let api = caseload();
    assert_eq!(names(&api, "zoe"), vec!["Zoë Hughes", "Zoe Patel"]);
    assert_eq!(names(&api, "ZOË"), vec!["Zoë Hughes", "Zoe Patel"]);
}

#[test]
fn letters_that_do_not_decompose_are_found_by_their_plain_spelling() {
    let api = caseload();
    assert_eq!(names(&api, "lukasiewicz"), vec!["Jan Łukasiewicz"]);
    assert_eq!(names(&api, "nguyen"), vec!["Hoa Nguyễn Thị"]);
    assert_eq!(names(&api, "obrien"), vec!["Siobhán O’Brien"]);
    assert_eq!(names(&api, "o'brien"), vec!["Siobhán O’Brien"]);
}

#[test]
fn preferred_names_and_other_scripts_are_searchable() {
    let api = caseload();
    assert_eq!(names(&api, "clo"), vec!["Chloé Dubois (Clo)"]);
    assert_eq!(names(&api, "akhmed"), vec!["Ахмед Каримов (Akhmed)"]);
    assert_eq!(names(&api, "ахмед"), vec!["Ахмед Каримов (Akhmed)"]);
}

#[test]
fn every_word_must_match_and_setting_names_count() {
    let api = caseload();
    assert_eq!(names(&api, "zoe brookside"), vec!["Zoe Patel"]);
    assert_eq!(names(&api, "oakfield zoe"), vec!["Zoë Hughes"]);
    assert_eq!(names(&api, "zoe dubois"), Vec::<String>::new());
}

#[test]
fn nhs_numbers_are_found_with_or_without_spaces() {
    let api = caseload();
    assert_eq!(names(&api, "9990000018"), vec!["Zoë Hughes"]);
    assert_eq!(names(&api, "999 000 0018"), vec!["Zoë Hughes"]);
    let found = api.search_children("999000", None, 50).unwrap();
    assert_eq!(found.children[0].nhs_number, "999 000 0018");
}

#[test]
fn a_setting_filter_and_a_limit_narrow_the_list() {
    let api = caseload();
    let brook = api
        .settings()
        .unwrap()
        .into_iter()
        .find(|s| s.details.name.starts_with("Brook"))
        .unwrap();
    let found = api.search_children("", Some(brook.id), 50).unwrap();
    assert_eq!(found.children.len(), 4);
    assert!(
        found
            .children
            .iter()
            .all(|c| c.setting_name == "Brookside Special School")
    );
    let first_two = api.search_children("", None, 2).unwrap();
    assert_eq!(first_two.children.len(), 2);
    assert!(first_two.more);
}

#[test]
fn the_list_reads_in_register_order_by_family_name() {
    let api = caseload();
    assert_eq!(
        names(&api, ""),
        vec![
            "Chloé Dubois (Clo)",
            "Zoë Hughes",
            "Jan Łukasiewicz",
            "Hoa Nguyễn Thị",
            "Siobhán O’Brien",
            "Zoe Patel",
            "Ахмед Каримов (Akhmed)",
        ]
    );
}

#[test]
fn like_wildcards_typed_by_a_user_match_literally() {
    let api = caseload();
    assert!(names(&api, "%").is_empty());
    assert!(names(&api, "_").is_empty());
}
