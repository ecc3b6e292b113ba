//! Welsh passports through the api and the CLI: a child's own language is the default, a print
//! may choose another, an unknown code is refused, the choice is kept in the child's history,
//! and a trust's corrected wording in the data folder is used.

use crate::cli::{json_of, passport, stdout_of};
use crate::support::*;
use equipment_passport::Api;
use equipment_passport::api::PrintRequest;
use equipment_passport::clock::FixedClock;
use equipment_passport::model::*;
use equipment_passport::passport::{Audience, Format, Language};
use predicates::prelude::*;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;

const SCHOOL: PrintRequest = PrintRequest {
    audience: Audience::School,
    format: Format::A4,
    large_print: false,
};

/// The PDF's text with the spaces taken out, so words split across runs compare whole.
fn text_of(pdf: &[u8]) -> String {
    let doc = lopdf::Document::load_mem(pdf).unwrap();
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    doc.extract_text(&pages)
        .unwrap()
        .split_whitespace()
        .collect()
}

fn welsh_child(api: &mut Api, language: Option<Language>) -> ChildId {
    let setting = add_setting(api, "Ysgol Gymraeg Aberystwyth");
    let mut d = ChildDetails::new("Gwenllian", "Puw", date(2017, 3, 14));
    d.setting_id = Some(setting.id);
    d.language = language;
    let child = api.create_child(d).unwrap();
    add_item(
        api,
        child.id,
        Category::StandingFrame,
        "Ffrâm sefyll Leckey",
    );
    child.id
}

#[test]
fn a_childs_own_language_is_used_unless_the_print_says_otherwise() {
    let mut api = api();
    let child = welsh_child(&mut api, Some(Language::Cy));
    let own = api.render_passport(child, SCHOOL).unwrap();
    let text = text_of(&own.pdf);
    assert!(text.contains("PasbortOffer") && text.contains("22Tachwedd2026"));
    assert!(!text.contains("EquipmentPassport"));
    // The data as typed.
    assert!(text.contains("Ffrâmsefyll Leckey".replace(' ', "").as_str()));

    let english = api
        .render_passport_in(child, SCHOOL, Some(Language::En))
        .unwrap();
    let text = text_of(&english.pdf);
    assert!(text.contains("EquipmentPassport") && !text.contains("PasbortOffer"));

    let both = api
        .render_passport_in(child, SCHOOL, Some(Language::CyEn))
        .unwrap();
    let text = text_of(&both.pdf);
    assert!(text.find("PasbortOffer").unwrap() < text.find("EquipmentPassport").unwrap());

    // A child with no language set gets English.
    let plain = welsh_child(&mut api, None);
    let text = text_of(&api.render_passport(plain, SCHOOL).unwrap().pdf);
    assert!(text.contains("EquipmentPassport"));
}

#[test]
fn a_welsh_copy_of_unchanged_records_is_not_out_of_date() {
    let mut api = api();
    let child = welsh_child(&mut api, None);
    api.render_passport_in(child, SCHOOL, Some(Language::Cy))
        .unwrap();
    let copies = api.issued_copies(child).unwrap();
    assert!(!copies[0].out_of_date);
}

#[test]
fn a_preview_saves_in_the_language_it_was_shown_in() {
    let mut api = api();
    let child = welsh_child(&mut api, None);
    let preview = api
        .preview_passport_in(child, SCHOOL, Some(Language::CyEn))
        .unwrap();
    assert_eq!(preview.fingerprint.language(), Language::CyEn);
    assert_eq!(preview.fingerprint.asked_language(), Some(Language::CyEn));
    let saved = api.issue_preview(&preview).unwrap();
    assert_eq!(saved.pdf, preview.pdf);
}

#[test]
fn a_whole_setting_prints_each_child_in_their_own_language_or_all_in_the_one_chosen() {
    let mut api = api();
    let welsh = welsh_child(&mut api, Some(Language::Cy));
    let setting = api.child(welsh).unwrap().child.details.setting_id.unwrap();
    let mut d = ChildDetails::new("Amara", "Okafor", date(2016, 9, 1));
    d.setting_id = Some(setting);
    let english = api.create_child(d).unwrap();
    add_item(&mut api, english.id, Category::Walker, "Walker");

    let texts = |api: &mut Api, language: Option<Language>| {
        let dir = tempfile::tempdir().unwrap();
        let report = api
            .print_setting_in(
                setting,
                SCHOOL,
                language,
                dir.path(),
                &|_| {},
                &AtomicBool::new(false),
            )
            .unwrap();
        assert!(report.failed.is_empty(), "{:?}", report.failed);
        let mut by_child: Vec<(String, String)> = report
            .printed
            .iter()
            .map(|p| (p.clone(), text_of(&std::fs::read(p).unwrap())))
            .collect();
        by_child.sort();
        by_child
    };
    let own = texts(&mut api, None);
    let okafor = &own.iter().find(|(p, _)| p.contains("Okafor")).unwrap().1;
    let puw = &own.iter().find(|(p, _)| p.contains("Puw")).unwrap().1;
    assert!(okafor.contains("EquipmentPassport"));
    assert!(puw.contains("PasbortOffer"));
    for (_, text) in texts(&mut api, Some(Language::Cy)) {
        assert!(text.contains("PasbortOffer"));
    }
}

#[test]
fn a_childs_language_is_kept_and_its_change_is_in_the_childs_history() {
    let mut api = api();
    let child = welsh_child(&mut api, None);
    let mut details = api.child(child).unwrap().child.details;
    assert_eq!(details.language, None);
    details.language = Some(Language::CyEn);
    api.update_child(child, details).unwrap();
    assert_eq!(
        api.child(child).unwrap().child.details.language,
        Some(Language::CyEn)
    );
    let history = api.child_history(child).unwrap();
    let change = history
        .iter()
        .flat_map(|e| &e.changes)
        .find(|c| c.field == "language")
        .expect("the change of language is in the history");
    assert_eq!(change.label, "Passport language");
    assert_eq!(change.new.as_deref(), Some("cy-en"));
}

#[test]
fn a_trusts_language_file_in_the_data_folder_corrects_the_wording() {
    let dir = tempfile::tempdir().unwrap();
    let clock = Arc::new(FixedClock::on(today()));
    let mut api = Api::create(dir.path(), "blue kettle on Tuesday", clock).unwrap();
    let child = welsh_child(&mut api, Some(Language::Cy));
    let folder = dir.path().join("templates").join("language");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(
        folder.join("passport.toml"),
        "[timetable]\nsection = { cy = \"Amserlen y dydd\" }\n",
    )
    .unwrap();
    assert!(api.passport_words().unwrap().sources.len() == 2);
    let text = text_of(&api.render_passport(child, SCHOOL).unwrap().pdf);
    assert!(text.contains("Amserlenydydd") && !text.contains("Amserlenddyddiol"));
    assert!(text.contains("Cysylltiadauallweddol"));

    // A mistake in it names the file and the key, and nothing prints.
    std::fs::write(
        folder.join("passport.toml"),
        "[equipment]\nsection = { en = \"Kit\" }\n",
    )
    .unwrap();
    let e = api.render_passport(child, SCHOOL).unwrap_err().to_string();
    assert!(
        e.contains("passport.toml: equipment.section: no Welsh (cy) given"),
        "{e}"
    );
}

#[test]
fn the_cli_prints_in_the_language_asked_for_and_refuses_an_unknown_one() {
    let dir = tempfile::tempdir().unwrap();
    let child = stdout_of(passport(dir.path()).args([
        "child",
        "add",
        "--given",
        "Gwenllian",
        "--family",
        "Puw",
        "--dob",
        &iso(born_years_ago(8)),
        "--language",
        "cy",
    ]));
    let child = child.trim();
    let shown = json_of(passport(dir.path()).args(["child", "show", child]));
    assert_eq!(shown["child"]["language"], "cy");
    let human = stdout_of(passport(dir.path()).args(["child", "show", child]));
    assert!(human.contains("Cymraeg"), "{human}");

    let out = dir.path().join("cy.pdf");
    passport(dir.path())
        .args(["print", "--child", child, "--out"])
        .arg(&out)
        .assert()
        .success();
    assert!(text_of(&std::fs::read(&out).unwrap()).contains("PasbortOffer"));
    passport(dir.path())
        .args(["print", "--child", child, "--language", "en", "--out"])
        .arg(&out)
        .assert()
        .success();
    assert!(text_of(&std::fs::read(&out).unwrap()).contains("EquipmentPassport"));

    passport(dir.path())
        .args(["print", "--child", child, "--language", "fr", "--out"])
        .arg(&out)
        .assert()
        .failure()
        .stderr(predicate::str::contains(
            "--language: unknown language code 'fr': use en, cy or cy-en",
        ));
    passport(dir.path())
        .args(["child", "add", "--given", "A", "--family", "B", "--dob"])
        .arg(iso(born_years_ago(8)))
        .args(["--language", "welsh"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("unknown language code 'welsh'"));
}

#[test]
fn a_childs_language_travels_in_a_bundle_and_an_older_bundle_without_it_is_english() {
    use equipment_passport::api::ExportScope;
    use equipment_passport::bundle::ImportOptions;
    let dir = tempfile::tempdir().unwrap();
    let clock = Arc::new(FixedClock::on(today()));
    let passphrase = "blue kettle on Tuesday";
    let mut from = Api::create(&dir.path().join("a"), passphrase, clock.clone()).unwrap();
    welsh_child(&mut from, Some(Language::CyEn));
    welsh_child(&mut from, None);
    let path = dir.path().join("children.passport");
    from.export_bundle(ExportScope::All, &path, None).unwrap();
    let mut to = Api::create(&dir.path().join("b"), passphrase, clock).unwrap();
    to.import_bundle(&path, None, &ImportOptions::default())
        .unwrap();
    let mut languages: Vec<Option<Language>> = to
        .search_children("Gwenllian", None, 10)
        .unwrap()
        .children
        .iter()
        .map(|c| to.child(c.id).unwrap().child.details.language)
        .collect();
    languages.sort_by_key(|l| l.map(|l| l.code()));
    assert_eq!(languages, [None, Some(Language::CyEn)]);
}
