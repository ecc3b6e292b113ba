//! Whole-passport tests of the moving and handling plan: render both copies, read the text back
//! with lopdf, and check the table's place, rows and what each copy leaves out.

use super::fixture::{self, Builder, d};
use super::proof::{pages_text, render_as, squash};
use super::*;
use crate::model::{Category, HandlingTask, ItemId, LoopConfiguration, WhereUsed};

fn item_of(data: &PassportData, category: Category) -> ItemId {
    data.items
        .iter()
        .find(|i| i.item.details.category == category)
        .map(|i| i.item.id)
        .unwrap()
}

/// The reference child with a three-task plan: a hoisted transfer with its sling's loops, a
/// stander with no sling, and a task with no equipment at all.
fn with_plan(mut data: PassportData) -> PassportData {
    let hoist = item_of(&data, Category::Hoist);
    let sling = item_of(&data, Category::Sling);
    let stander = item_of(&data, Category::StandingFrame);
    data.handling_plan = vec![
        HandlingTask {
            equipment_id: Some(hoist),
            sling_id: Some(sling),
            loops: LoopConfiguration {
                shoulder_left: "Green".into(),
                shoulder_right: "Green".into(),
                leg_left: "Blue".into(),
                leg_right: "Blue".into(),
            },
            adults: 2,
            method: "Hoist from bed to wheelchair; one adult at the controls, one guiding".into(),
            photo_ref: "Photo 3 on the hoist page".into(),
            review_date: Some(d(2027, 2, 14)),
            ..HandlingTask::new("Bed to chair")
        },
        HandlingTask {
            equipment_id: Some(stander),
            method: "Walk me in; knee block, then chest strap".into(),
            ..HandlingTask::new("Into the stander")
        },
        HandlingTask {
            adults: 1,
            method: "Roll me with the slide sheet".into(),
            ..HandlingTask::new("Changing pad")
        },
    ];
    data
}

/// The page holding the plan's title, and the whole text.
fn plan_page(pages: &[String]) -> (usize, &String) {
    let at = pages
        .iter()
        .position(|p| p.contains(&squash("Moving and handling plan")))
        .expect("a Moving and handling plan page");
    (at, &pages[at])
}

#[test]
fn both_copies_print_the_plan_as_a_table_after_the_equipment_pages() {
    let data = with_plan(fixture::reference());
    for audience in [Audience::School, Audience::Family] {
        let pages = pages_text(&render_as(&data, audience, Format::A4, false).pdf);
        let (at, page) = plan_page(&pages);
        // The header row, then each task in the plan's order with its cells.
        let mut from = 0;
        for text in [
            "Moving and handling plan",
            "Task",
            "Equipment and sling",
            "Adults",
            "Method",
            "Photo",
            "Review by",
            "Bed to chair",
            "Mobile hoist",
            "Sling:",
            "Shoulders Green left, Green right; legs Blue left, Blue right",
            "2",
            "one adult at the controls",
            "Photo 3 on the hoist page",
            "14 February 2027",
            "Into the stander",
            "1",
            "knee block",
            "Changing pad",
            "No equipment",
            "slide sheet",
        ] {
            let found = page[from..]
                .find(&squash(text))
                .unwrap_or_else(|| panic!("{audience:?}: {text:?} is not after {from} in {page}"));
            from += found;
        }
        // After the equipment pages: every item's page comes before it, the timetable after.
        let hoist_page = pages
            .iter()
            .position(|p| p.contains("Mobilehoist") && p.contains("LOLER"))
            .unwrap();
        assert!(
            hoist_page < at,
            "{audience:?}: the plan comes after the hoist's pages"
        );
        let timetable = pages
            .iter()
            .position(|p| p.contains("Dailytimetable"))
            .unwrap();
        assert!(
            at < timetable,
            "{audience:?}: the timetable follows the plan"
        );
    }
}

#[test]
fn a_child_without_a_plan_gets_no_plan_page_and_keeps_the_page_count() {
    let plain = fixture::reference();
    let pages = pages_text(&render_as(&plain, Audience::Family, Format::A4, false).pdf);
    assert!(
        pages.iter().all(|p| !p.contains("Movingandhandlingplan")),
        "no plan, no page"
    );
    let planned =
        pages_text(&render_as(&with_plan(plain), Audience::Family, Format::A4, false).pdf);
    assert_eq!(planned.len(), pages.len() + 1, "the plan is one page");
}

#[test]
fn a_school_copy_leaves_out_a_task_done_with_home_only_equipment() {
    let mut b = Builder {
        data: with_plan(fixture::reference()),
    };
    let mut bath = fixture::item(Category::Bathing, "Kingfisher bath seat", "Bath time.");
    bath.where_used = WhereUsed::Home;
    let bath = b.add_item(bath, 0, (800, 600), Vec::new());
    let mut data = b.data;
    data.handling_plan.push(HandlingTask {
        equipment_id: Some(bath),
        adults: 2,
        ..HandlingTask::new("Into the bath")
    });
    let school = pages_text(&render_as(&data, Audience::School, Format::A4, false).pdf);
    let family = pages_text(&render_as(&data, Audience::Family, Format::A4, false).pdf);
    assert!(!plan_page(&school).1.contains("Intothebath"));
    assert!(plan_page(&school).1.contains("Bedtochair"));
    assert!(plan_page(&family).1.contains("Intothebath"));
    // Its change therefore leaves the school's copy as it was.
    let template = Template::for_audience(Audience::School);
    let mut changed = data.clone();
    changed.handling_plan.last_mut().unwrap().adults = 3;
    assert_eq!(
        content_hash(&data, &template, Audience::School),
        content_hash(&changed, &template, Audience::School)
    );
    changed.handling_plan[0].adults = 3;
    assert_ne!(
        content_hash(&data, &template, Audience::School),
        content_hash(&changed, &template, Audience::School),
        "a change to a task done at school makes the school copy out of date"
    );
}

#[test]
fn a_template_that_does_not_list_the_plan_prints_it_after_the_equipment() {
    let template = Template::from_toml(
        "[sections]\norder = [\"cover\", \"equipment\", \"sign_off\"]\n",
        "trust.toml",
    )
    .unwrap();
    let mut options = fixture::options(Audience::Family);
    options.format = Format::A4;
    let rendered =
        render_with_report(&with_plan(fixture::reference()), &template, &options).unwrap();
    let text = pages_text(&rendered.pdf).concat();
    let plan = text
        .find("Movingandhandlingplan")
        .expect("the plan is printed");
    let last_item = text.rfind("Mobilehoist").unwrap();
    let sign_off = text.rfind("HCPCregistration").unwrap();
    assert!(plan < sign_off, "the plan comes before the sign-off");
    assert!(
        text[..plan].contains("LOLER"),
        "the equipment pages come first (last hoist mention at {last_item})"
    );
}

#[test]
fn the_plan_fits_in_large_print_on_an_a5_booklet() {
    let mut data = with_plan(fixture::reference());
    let task = data.handling_plan[0].clone();
    for n in 0..8 {
        data.handling_plan.push(HandlingTask {
            task: format!("Transfer {n}: a long task name that wraps in its narrow column"),
            method: "m".repeat(200),
            ..task.clone()
        });
    }
    let rendered = render_as(&data, Audience::Family, Format::A5Booklet, true);
    let text = pages_text(&rendered.pdf).concat();
    for n in 0..8 {
        assert!(
            text.contains(&format!("Transfer{n}:")),
            "row {n} is printed"
        );
    }
}

/// Writes an A4 school copy and an A5 large-print family booklet with the plan, for a person
/// to look at, when asked:
/// `PASSPORT_SAMPLES=dir cargo test --lib write_handling_sample`.
#[test]
fn write_handling_sample() {
    let Ok(dir) = std::env::var("PASSPORT_SAMPLES") else {
        return;
    };
    let data = with_plan(fixture::reference());
    let pdf = render_as(&data, Audience::School, Format::A4, false).pdf;
    std::fs::write(std::path::Path::new(&dir).join("handling-school.pdf"), pdf).unwrap();
    let pdf = render_as(&data, Audience::Family, Format::A5Booklet, true).pdf;
    std::fs::write(
        std::path::Path::new(&dir).join("handling-family-a5-large.pdf"),
        pdf,
    )
    .unwrap();
}
