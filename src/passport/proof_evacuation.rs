//! Whole-passport tests of the personal emergency evacuation plan: render both copies, read
//! the text back with lopdf, and check the plan's page, its place, its signature lines and
//! which copy carries it.

use super::fixture::{self, d};
use super::proof::{pages_text, render_as, squash};
use super::*;
use crate::model::{Category, EvacuationPlan, EvacuationSession, NamedAdult, SettingId, WhereUsed};

fn adult(name: &str, role: &str) -> NamedAdult {
    NamedAdult {
        name: name.into(),
        role: role.into(),
    }
}

/// The reference child (Zo, at Oakfield Primary) with a plan for her school: out in her
/// wheelchair, three sessions, one adult named twice.
fn with_plan(mut data: PassportData) -> PassportData {
    let chair = data
        .items
        .iter()
        .find(|i| i.item.details.category == Category::Wheelchair)
        .map(|i| i.item.id)
        .unwrap();
    let setting = data.setting.as_ref().unwrap().id;
    data.evacuation_plan = Some(EvacuationPlan {
        route: "Out through the hall fire door, down the ramp to the playground. Never the lift."
            .into(),
        assembly_point: "Top playground, by the gate".into(),
        equipment_id: Some(chair),
        equipment_note: "Ear defenders in the red bag".into(),
        sessions: vec![
            EvacuationSession {
                session: "Morning".into(),
                adults: vec![adult("Mrs Eirlys Price", "Teaching assistant")],
            },
            EvacuationSession {
                session: "Lunch".into(),
                adults: vec![
                    adult("Mr Dafydd Evans", "Midday supervisor"),
                    adult("Mrs Eirlys Price", "Teaching assistant"),
                ],
            },
            EvacuationSession {
                session: "After-school club".into(),
                adults: vec![adult("Ms Joanna Kowalska", "Club leader")],
            },
        ],
        if_in_stander: "Release the chest strap then the knee block; two adults lift her into \
                        the wheelchair."
            .into(),
        if_on_hoist: "Lower her to the bed or chair, unclip the sling and leave it on her.".into(),
        notes: "Talk her through it: the alarm frightens her.".into(),
        review_date: Some(d(2027, 9, 1)),
        agreed_by: "Mrs Amira Haddad (SENCO) with Zo's mother".into(),
        ..EvacuationPlan::new(setting)
    });
    data
}

const TITLE: &str = "Personal emergency evacuation plan";

fn plan_page(pages: &[String]) -> Option<usize> {
    pages.iter().position(|p| p.contains(&squash(TITLE)))
}

#[test]
fn the_school_copy_prints_the_plan_with_lines_to_sign_for_each_adult_and_the_parents() {
    let data = with_plan(fixture::reference());
    let pages = pages_text(&render_as(&data, Audience::School, Format::A4, false).pdf);
    let at = plan_page(&pages).expect("a plan page");
    // The plan may run onto a second page: read both.
    let text = pages[at..].concat();
    let mut from = 0;
    for words in [
        "Personal emergency evacuation plan: Zo",
        "Setting",
        "Oakfield Primary School",
        "Assembly point",
        "Top playground, by the gate",
        "Evacuated in",
        "Everyday wheelchair; Ear defenders in the red bag",
        "Review by",
        "1 September 2027",
        "Agreed by",
        "Mrs Amira Haddad (SENCO)",
        "How I leave the building",
        "Never the lift.",
        "Adults named for each session",
        "Morning",
        "Mrs Eirlys Price (Teaching assistant)",
        "Lunch",
        "Mr Dafydd Evans (Midday supervisor)",
        "After-school club",
        "Ms Joanna Kowalska (Club leader)",
        "If the alarm sounds while I am in the stander",
        "Release the chest strap",
        "If the alarm sounds while I am on the hoist",
        "unclip the sling",
        "Other notes",
        "the alarm frightens her",
        "Read and agreed",
        "Name",
        "Signature",
        "Date",
        "Mrs Eirlys Price",
        "Mr Dafydd Evans",
        "Ms Joanna Kowalska",
        "Parent or carer",
        "Parent or carer",
    ] {
        let found = text[from..]
            .find(&squash(words))
            .unwrap_or_else(|| panic!("{words:?} is not after {from} in {text}"));
        from += found + squash(words).len();
    }
    // Each adult signs once, however many sessions they cover.
    let signing = &text[text.find("Readandagreed").unwrap()..];
    assert_eq!(signing.matches("MrsEirlysPrice").count(), 1, "{signing}");
    // After the equipment, before the timetable.
    let hoist_page = pages
        .iter()
        .position(|p| p.contains("Mobilehoist") && p.contains("LOLER"))
        .unwrap();
    let timetable = pages
        .iter()
        .position(|p| p.contains("Dailytimetable"))
        .unwrap();
    assert!(
        hoist_page < at && at < timetable,
        "{hoist_page} {at} {timetable}"
    );
}

#[test]
fn a_welsh_school_copy_prints_the_plan_in_welsh_and_a_bilingual_one_in_both() {
    let data = with_plan(fixture::reference());
    let render_in = |language| {
        let mut options = fixture::options(Audience::School);
        options.language = language;
        let template = Template::for_audience(Audience::School);
        pages_text(&render_with_report(&data, &template, &options).unwrap().pdf).concat()
    };
    let welsh = render_in(Language::Cy);
    let mut from = 0;
    for words in [
        "Cynllun gwacáu personol mewn argyfwng: Zo",
        "Man ymgynnull",
        "Top playground, by the gate",
        "Adolygu erbyn",
        "1 Medi 2027",
        "Sut rydw i'n gadael yr adeilad",
        "Os bydd y larwm yn canu tra byddaf yn y ffrâm sefyll",
        "Os bydd y larwm yn canu tra byddaf ar y teclyn codi",
        "Darllenwyd a chytunwyd",
        "Rhiant neu ofalwr",
    ] {
        let found = welsh[from..]
            .find(&squash(words))
            .unwrap_or_else(|| panic!("{words:?} is not after {from} in {welsh}"));
        from += found + squash(words).len();
    }
    assert!(
        !welsh.contains(&squash(TITLE)),
        "English title in the Welsh copy"
    );
    let both = render_in(Language::CyEn);
    let title = both
        .find(&squash(
            "Cynllun gwacáu personol mewn argyfwng / Personal emergency evacuation plan",
        ))
        .expect("the bilingual title, Welsh first");
    assert!(both[title..].contains(&squash("Darllenwyd a chytunwyd / Read and agreed")));
}

#[test]
fn the_family_copy_never_prints_the_plan() {
    let data = with_plan(fixture::reference());
    let pages = pages_text(&render_as(&data, Audience::Family, Format::A4, false).pdf);
    assert_eq!(plan_page(&pages), None);
    let plain =
        pages_text(&render_as(&fixture::reference(), Audience::Family, Format::A4, false).pdf);
    assert_eq!(pages.len(), plain.len());
}

#[test]
fn a_child_without_a_plan_gets_no_page_and_the_reference_keeps_its_page_count() {
    let plain = fixture::reference();
    let pages = pages_text(&render_as(&plain, Audience::School, Format::A4, false).pdf);
    assert_eq!(plan_page(&pages), None);
    let planned =
        pages_text(&render_as(&with_plan(plain), Audience::School, Format::A4, false).pdf);
    assert!(planned.len() > pages.len(), "the plan has its own page");
}

#[test]
fn a_plan_for_another_setting_is_not_printed() {
    let mut data = with_plan(fixture::reference());
    data.evacuation_plan.as_mut().unwrap().setting_id = SettingId::new();
    let pages = pages_text(&render_as(&data, Audience::School, Format::A4, false).pdf);
    assert_eq!(plan_page(&pages), None);
}

#[test]
fn the_school_copy_names_no_home_only_item_as_the_evacuation_equipment() {
    let mut data = with_plan(fixture::reference());
    let chair = data.evacuation_plan.as_ref().unwrap().equipment_id.unwrap();
    let item = data.items.iter_mut().find(|i| i.item.id == chair).unwrap();
    item.item.details.where_used = WhereUsed::Home;
    let pages = pages_text(&render_as(&data, Audience::School, Format::A4, false).pdf);
    let text = pages[plan_page(&pages).unwrap()..].concat();
    assert!(!text.contains("Everydaywheelchair"), "{text}");
    assert!(text.contains("Eardefendersintheredbag"));
}

#[test]
fn a_change_to_the_plan_puts_the_school_copy_out_of_date_and_not_the_familys() {
    let data = with_plan(fixture::reference());
    let mut changed = data.clone();
    changed.evacuation_plan.as_mut().unwrap().assembly_point = "Staff car park".into();
    let school = Template::for_audience(Audience::School);
    let family = Template::for_audience(Audience::Family);
    assert_ne!(
        content_hash(&data, &school, Audience::School),
        content_hash(&changed, &school, Audience::School)
    );
    assert_eq!(
        content_hash(&data, &family, Audience::Family),
        content_hash(&changed, &family, Audience::Family)
    );
}

#[test]
fn a_template_that_does_not_list_the_plan_prints_it_after_the_handling_plan() {
    let template = Template::from_toml(
        "[sections]\norder = [\"cover\", \"equipment\", \"sign_off\"]\n",
        "trust.toml",
    )
    .unwrap();
    let mut options = fixture::options(Audience::School);
    options.format = Format::A4;
    let rendered =
        render_with_report(&with_plan(fixture::reference()), &template, &options).unwrap();
    let text = pages_text(&rendered.pdf).concat();
    let plan = text.find(&squash(TITLE)).expect("the plan is printed");
    let sign_off = text.rfind("HCPCregistration").unwrap();
    assert!(text[..plan].contains("LOLER"), "after the equipment");
    assert!(plan < sign_off, "before the sign-off");
}

#[test]
fn a_full_plan_fits_in_large_print_on_an_a5_booklet() {
    let mut data = with_plan(fixture::reference());
    let plan = data.evacuation_plan.as_mut().unwrap();
    plan.route = "r ".repeat(500);
    plan.if_in_stander = "s ".repeat(300);
    plan.if_on_hoist = "h ".repeat(300);
    plan.sessions = (0..8)
        .map(|n| EvacuationSession {
            session: format!("Session {n}"),
            adults: (0..6)
                .map(|a| adult(&format!("Adult {n}-{a}"), "Teaching assistant"))
                .collect(),
        })
        .collect();
    let rendered = render_as(&data, Audience::School, Format::A5Booklet, true);
    let text = pages_text(&rendered.pdf).concat();
    for n in 0..8 {
        assert!(text.contains(&format!("Session{n}")), "session {n}");
        assert!(text.contains(&format!("Adult{n}-5")), "adult {n}-5");
    }
}

/// Writes an A4 school copy with the plan, for a person to look at, when asked:
/// `PASSPORT_SAMPLES=dir cargo test --lib write_evacuation_sample`.
#[test]
fn write_evacuation_sample() {
    let Ok(dir) = std::env::var("PASSPORT_SAMPLES") else {
        return;
    };
    let data = with_plan(fixture::reference());
    let pdf = render_as(&data, Audience::School, Format::A4, false).pdf;
    std::fs::write(
        std::path::Path::new(&dir).join("evacuation-school.pdf"),
        pdf,
    )
    .unwrap();
    let mut options = fixture::options(Audience::School);
    options.language = Language::CyEn;
    let template = Template::for_audience(Audience::School);
    let bilingual = render_with_report(&data, &template, &options).unwrap().pdf;
    std::fs::write(
        std::path::Path::new(&dir).join("evacuation-school-cy-en.pdf"),
        bilingual,
    )
    .unwrap();
}
