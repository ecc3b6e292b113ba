//! Whole-passport tests: render PDFs, parse them back with lopdf, and check what they say
//! (text per page, page count and size, images, metadata). Raw bytes are never compared
//! with a stored file; two renders of the same inputs are compared with each other to
//! prove the output is reproducible.

use super::fixture::{self, Builder, d};
use super::font::book;
use super::layout::lay_out;
use super::page::{Element, ImageSource, Metrics};
use super::*;
use crate::model::{Category, ItemDetails};

fn render_ok(data: &PassportData, audience: Audience, format: Format) -> Rendered {
    render_as(data, audience, format, false)
}

/// A copy for `audience` on `format`, in large print or not, with the standard template.
pub(super) fn render_as(
    data: &PassportData,
    audience: Audience,
    format: Format,
    large_print: bool,
) -> Rendered {
    let mut options = fixture::options(audience);
    options.format = format;
    options.large_print = large_print;
    render_with_report(data, &Template::for_audience(audience), &options).unwrap()
}

/// Text of each PDF page, with line breaks and spaces removed so that runs split across
/// fonts compare whole.
pub(super) fn pages_text(pdf: &[u8]) -> Vec<String> {
    let doc = lopdf::Document::load_mem(pdf).unwrap();
    doc.get_pages()
        .keys()
        .map(|&n| doc.extract_text(&[n]).unwrap().split_whitespace().collect())
        .collect()
}

pub(super) fn squash(s: &str) -> String {
    s.split_whitespace().collect()
}

fn page_sizes(pdf: &[u8]) -> Vec<(f32, f32)> {
    let doc = lopdf::Document::load_mem(pdf).unwrap();
    doc.get_pages()
        .values()
        .map(|&id| {
            let page = doc.get_dictionary(id).unwrap();
            let b = page.get(b"MediaBox").unwrap().as_array().unwrap();
            let n = |o: &lopdf::Object| o.as_float().unwrap();
            (n(&b[2]) - n(&b[0]), n(&b[3]) - n(&b[1]))
        })
        .collect()
}

fn image_count(pdf: &[u8]) -> usize {
    let doc = lopdf::Document::load_mem(pdf).unwrap();
    doc.objects
        .values()
        .filter(|o| {
            o.as_stream()
                .ok()
                .and_then(|s| s.dict.get(b"Subtype").ok())
                .and_then(|s| s.as_name().ok())
                == Some(b"Image".as_slice())
        })
        .count()
}

#[test]
fn the_school_copy_never_shows_the_home_address_nhs_number_or_budget() {
    let data = fixture::reference();
    let school = pages_text(&render_ok(&data, Audience::School, Format::A4).pdf).concat();
    let family = pages_text(&render_ok(&data, Audience::Family, Format::A4).pdf).concat();
    for secret in [
        "WillowRoad",
        "B219RY",
        "9991234578",
        "999123",
        "PersonalWheelchairBudget",
        "top-up",
    ] {
        assert!(!school.contains(secret), "school copy shows {secret}");
    }
    for shown in [
        "WillowRoad",
        "B219RY",
        "9991234578",
        "PersonalWheelchairBudget",
    ] {
        assert!(family.contains(shown), "family copy lacks {shown}");
    }
    assert!(school.contains("Schoolcopy") && family.contains("Familycopy"));
}

#[test]
fn names_in_several_scripts_print_and_extract_correctly() {
    let rendered = render_ok(&fixture::reference(), Audience::Family, Format::A4);
    assert!(
        rendered.unprintable.is_empty(),
        "{:?}",
        rendered.unprintable
    );
    let text = pages_text(&rendered.pdf).concat();
    for name in [
        "Zoë Łukasiewicz",
        "Nguyễn Thị Hoa",
        "Ахмед Петров",
        "Gwŷn Dŵr",
    ] {
        assert!(text.contains(&squash(name)), "{name} missing");
    }
}

#[test]
fn an_overdue_loler_examination_puts_a_warning_on_the_item_page() {
    let pages = pages_text(&render_ok(&fixture::reference(), Audience::School, Format::A4).pdf);
    let hoist = pages
        .iter()
        .find(|p| p.contains("Mobilehoist") && p.contains("OVERDUE"))
        .expect("hoist page warns");
    assert!(
        hoist.contains("OVERDUE:LOLERthoroughexamination"),
        "{hoist}"
    );
    assert!(hoist.contains("Itwasdueon1November2026"), "{hoist}");
    let stander = pages.iter().find(|p| p.contains("Stretches")).unwrap();
    assert!(stander.contains("Duesoon:service"), "{stander}");
    assert!(!stander.contains("OVERDUE"));
}

#[test]
fn an_item_with_no_photo_lays_out_cleanly() {
    let mut b = Builder::new();
    b.data.photos.clear();
    b.data.child.photo_id = None;
    let mut item = ItemDetails::new(Category::Walker, "Kaye walker");
    item.purpose = "Walking practice in the corridor.".into();
    item.safety_checks = vec!["Brakes work".into()];
    b.add_item(item, 0, (1, 1), vec![]);
    let rendered = render_ok(&b.data, Audience::School, Format::A4);
    assert_eq!(image_count(&rendered.pdf), 0);
    let text = pages_text(&rendered.pdf).concat();
    assert!(text.contains("Kayewalker") && text.contains("Brakeswork"));
}

#[test]
fn long_text_flows_onto_the_next_page_within_the_margins() {
    let mut b = Builder::new();
    let mut item = ItemDetails::new(Category::StandingFrame, "Stander");
    let sentence = "Check every strap and buckle carefully before each session begins. ";
    item.purpose = format!("{}FINALWORD", sentence.repeat(55));
    b.add_item(item, 1, (640, 480), vec![]);
    let options = fixture::options(Audience::Family);
    let template = Template::for_audience(Audience::Family);
    let content = content::build(
        &b.data,
        &template,
        Audience::Family,
        Some(options.printed_on),
    );
    let laid = lay_out(&content, &template, &options);
    let m = &laid.metrics;
    let item_pages: Vec<usize> = (0..laid.pages.len())
        .filter(|&i| laid.pages[i].text().contains("Check every"))
        .collect();
    assert!(item_pages.len() >= 2, "{item_pages:?}");
    assert!(
        laid.pages[*item_pages.last().unwrap()]
            .text()
            .contains("FINALWORD")
    );
    for page in &laid.pages {
        for e in &page.elements {
            if let Element::Text {
                x,
                y,
                size,
                face,
                text,
                ..
            } = e
            {
                let width: f32 = text
                    .chars()
                    .map(|c| book().advance_em(*face, c))
                    .sum::<f32>()
                    * size;
                assert!(
                    *x >= m.margin - 0.01 && x + width <= m.margin + m.content_w + 0.01,
                    "{text} crosses a side margin"
                );
                assert!(
                    *y > m.margin && *y < m.page_h - m.margin,
                    "{text} crosses the top or bottom margin"
                );
            }
        }
    }
}

#[test]
fn a4_pages_are_a4_and_booklets_are_a4_landscape_sheets_of_four_page_multiples() {
    let data = fixture::reference();
    let a4 = render_ok(&data, Audience::School, Format::A4);
    let sizes = page_sizes(&a4.pdf);
    assert_eq!(sizes.len(), a4.pages);
    assert!(
        sizes
            .iter()
            .all(|(w, h)| (w - 595.3).abs() < 0.5 && (h - 841.9).abs() < 0.5),
        "{sizes:?}"
    );

    let booklet = render_ok(&data, Audience::School, Format::A5Booklet);
    assert_eq!(booklet.pages % 4, 0);
    let sizes = page_sizes(&booklet.pdf);
    assert_eq!(sizes.len(), booklet.pages / 2);
    assert_eq!(booklet.pdf_pages, sizes.len());
    assert!(
        sizes
            .iter()
            .all(|(w, h)| (w - 841.9).abs() < 0.5 && (h - 595.3).abs() < 0.5),
        "{sizes:?}"
    );
    // The first sheet's front carries the last page (left) and the cover (right).
    let first = &pages_text(&booklet.pdf)[0];
    assert!(
        first.contains("EquipmentPassport")
            && first.contains(&format!("Page{}of{}", booklet.pages, booklet.pages)),
        "{first}"
    );
}

#[test]
fn large_print_sets_body_text_at_14_points_or_more() {
    let data = fixture::reference();
    let template = Template::for_audience(Audience::School);
    let mut options = fixture::options(Audience::School);
    let normal = lay_out(
        &content::build(&data, &template, Audience::School, None),
        &template,
        &options,
    );
    options.large_print = true;
    let large = lay_out(
        &content::build(&data, &template, Audience::School, None),
        &template,
        &options,
    );
    assert!(large.metrics.body >= 14.0);
    assert!(large.pages.len() > normal.pages.len());
}

#[test]
fn every_page_has_the_footer() {
    let rendered = render_ok(&fixture::reference(), Audience::Family, Format::A4);
    let pages = pages_text(&rendered.pdf);
    for (i, page) in pages.iter().enumerate() {
        assert!(
            page.contains(&format!("Page{}of{}", i + 1, pages.len())),
            "page {}",
            i + 1
        );
        assert!(page.contains("Confidential—containshealthinformation"));
        assert!(page.contains("ZoëŁukasiewicz") && page.contains("Version3,printed22November2026"));
    }
}

#[test]
fn metadata_language_and_id_are_set() {
    let options = fixture::options(Audience::School);
    let pdf = render(
        &fixture::reference(),
        &Template::for_audience(Audience::School),
        &options,
    )
    .unwrap();
    let doc = lopdf::Document::load_mem(&pdf).unwrap();
    let ids = doc.trailer.get(b"ID").unwrap().as_array().unwrap();
    assert_eq!(ids[0].as_str().unwrap(), b"passport-test-id");
    let catalog = doc.catalog().unwrap();
    assert_eq!(catalog.get(b"Lang").unwrap().as_str().unwrap(), b"en-GB");
    let info = doc.trailer.get(b"Info").unwrap().as_reference().unwrap();
    let info = doc.get_dictionary(info).unwrap();
    assert_eq!(
        info.get(b"CreationDate").unwrap().as_str().unwrap(),
        b"D:20261122093000Z"
    );
    let title = lopdf::decode_text_string(info.get(b"Title").unwrap()).unwrap();
    assert_eq!(title, "Equipment Passport: Zoë Łukasiewicz");
    let author = lopdf::decode_text_string(info.get(b"Author").unwrap()).unwrap();
    assert_eq!(author, "Children's Therapy Service");
}

#[test]
fn output_is_reproducible_and_the_hash_ignores_dates_and_format() {
    let data = fixture::reference();
    let template = Template::for_audience(Audience::School);
    let options = fixture::options(Audience::School);
    assert_eq!(
        render(&data, &template, &options).unwrap(),
        render(&data, &template, &options).unwrap()
    );

    let hash = content_hash(&data, &template, Audience::School);
    assert_eq!(hash.len(), 64);
    assert_eq!(hash, content_hash(&data, &template, Audience::School));
    assert_ne!(
        hash,
        content_hash(
            &data,
            &Template::for_audience(Audience::Family),
            Audience::Family
        )
    );

    let mut changed = data.clone();
    changed.items[0]
        .item
        .details
        .cleaning
        .push_str(" Dry the straps.");
    assert_ne!(hash, content_hash(&changed, &template, Audience::School));

    let mut retaken = data.clone();
    let first_photo = retaken.items[0].item.photos[0].id;
    retaken
        .photos
        .insert(first_photo, fixture::photo(9, 640, 480));
    assert_ne!(hash, content_hash(&retaken, &template, Audience::School));

    // The home address is not on a school copy, so changing it leaves the school hash alone.
    let mut moved = data.clone();
    moved.child.details.home_address = "1 New Street".into();
    assert_eq!(hash, content_hash(&moved, &template, Audience::School));
}

#[test]
fn characters_no_font_has_are_printed_visibly_and_reported() {
    let mut data = fixture::reference();
    // Ethiopic: no embedded face has it. (An emoji prints as its name instead.)
    data.child.details.about_me.what_helps = "Music ሀ and bubbles 🎵".into();
    let rendered = render_ok(&data, Audience::School, Format::A4);
    assert_eq!(rendered.unprintable, vec!['ሀ']);
    let text = pages_text(&rendered.pdf).concat();
    assert!(text.contains("Music\u{FFFD}andbubbles"), "{text}");
    assert!(text.contains("[emoji:musicalnote]"), "{text}");
}

#[test]
fn a_template_for_the_other_audience_is_refused() {
    let e = render(
        &fixture::reference(),
        &Template::for_audience(Audience::Family),
        &fixture::options(Audience::School),
    )
    .unwrap_err()
    .to_string();
    assert!(e.contains("family.toml") && e.contains("school"), "{e}");
}

#[test]
fn photos_are_embedded_once_each() {
    let data = fixture::reference();
    let rendered = render_ok(&data, Audience::Family, Format::A4);
    // Gallery, step and cover photos: every photo in the data appears, each once.
    assert_eq!(image_count(&rendered.pdf), data.photos.len());
}

#[test]
fn on_a4_every_photo_is_its_print_copy_embedded_as_it_is_at_no_more_than_200_dpi() {
    let data = fixture::reference();
    for (audience, large_print) in [
        (Audience::School, false),
        (Audience::Family, false),
        (Audience::School, true),
    ] {
        let template = Template::for_audience(audience);
        let mut options = fixture::options(audience);
        options.large_print = large_print;
        let m = Metrics::new(&template, &options);
        let px = |pt: f32| pt / 72.0 * 200.0;
        if !large_print {
            // The boxes the intake sizes print copies for are this layout's boxes.
            for ((w, h), place) in [
                (m.photo_box(), crate::media::PrintBox::Equipment),
                (m.child_photo_box(), crate::media::PrintBox::Child),
            ] {
                let (bw, bh) = place.pixels();
                assert!((px(w) - bw).abs() < 0.5, "{place:?}: {} px", px(w));
                assert!((px(h) - bh).abs() < 0.5, "{place:?}: {} px", px(h));
            }
        }
        let content = content::build(&data, &template, audience, None);
        let laid = lay_out(&content, &template, &options);
        let prepared = photo::prepare(&laid, &data.photos, options.photos).unwrap();
        assert_eq!(prepared.len(), data.photos.len());
        for (id, image) in &prepared {
            let stored = &data.photos[id];
            if !large_print {
                assert!(
                    matches!(image.jpeg, std::borrow::Cow::Borrowed(_))
                        && image.jpeg.as_ref() == stored.print.as_slice(),
                    "photo {id} was not its print copy"
                );
            }
            // No more than 200 dpi wherever it is printed.
            for page in &laid.pages {
                for e in &page.elements {
                    if let Element::Image {
                        w,
                        h,
                        source: ImageSource::Photo(p),
                        ..
                    } = e
                        && p == id
                    {
                        assert!(
                            image.width <= px(*w).ceil() as u32,
                            "{id}: {} px over {w} pt",
                            image.width
                        );
                        assert!(
                            image.height <= px(*h).ceil() as u32,
                            "{id}: {} px over {h} pt",
                            image.height
                        );
                    }
                }
            }
        }
    }
}

/// The reference child with statements in every colour, each distinct enough to find.
pub(super) fn with_key_statements(mut data: PassportData) -> PassportData {
    data.child.details.key_statements = crate::model::KeyStatements {
        red: vec![
            "Never lift me without two adults".into(),
            "Never leave me alone in the standing frame".into(),
        ],
        amber: vec![
            "Put the wheelchair brakes on before I move in or out".into(),
            "Check the sling label says size M before every hoist".into(),
            "Fasten my lap belt before my chest harness".into(),
        ],
        green: vec!["Sing to me while the hoist moves".into()],
    };
    data
}

/// Where `needle` starts in `haystack` (both squashed), failing the test if it is not there.
fn at(haystack: &str, needle: &str) -> usize {
    haystack
        .find(&squash(needle))
        .unwrap_or_else(|| panic!("{needle:?} is not in {haystack}"))
}

#[test]
fn page_two_of_both_copies_reads_what_must_never_happen_then_amber_then_green() {
    let plain = fixture::reference();
    let data = with_key_statements(plain.clone());
    for audience in Audience::ALL {
        let without = render_ok(&plain, audience, Format::A4);
        let rendered = render_ok(&data, audience, Format::A4);
        assert_eq!(
            rendered.pages,
            without.pages + 1,
            "{audience}: one page more"
        );
        let pages = pages_text(&rendered.pdf);
        let two = &pages[1];
        let order = [
            at(two, "Read this first: Zo"),
            at(two, "RED"),
            at(two, "Things that must never happen"),
            at(two, "Never lift me without two adults"),
            at(two, "Never leave me alone in the standing frame"),
            at(two, "AMBER"),
            at(two, "Keep me safe with my equipment"),
            at(two, "Put the wheelchair brakes on before I move in or out"),
            at(two, "Check the sling label says size M before every hoist"),
            at(two, "Fasten my lap belt before my chest harness"),
            at(two, "GREEN"),
            at(two, "What helps me enjoy it"),
            at(two, "Sing to me while the hoist moves"),
        ];
        assert!(
            order.windows(2).all(|w| w[0] < w[1]),
            "{audience}: out of order: {order:?} in {two}"
        );
        assert!(
            pages[0].contains(&squash(audience.label())),
            "{audience}: cover first"
        );
        assert!(
            pages[2].contains("Aboutme:Zo"),
            "{audience}: About me follows: {}",
            pages[2]
        );
        assert!(
            !pages[0].contains("Neverliftme") && !pages[2..].concat().contains("Neverliftme"),
            "{audience}: the statements print once, on page 2"
        );
    }
}

#[test]
fn a_child_without_statements_gets_no_extra_page_and_a_colour_without_any_gets_no_box() {
    let plain = fixture::reference();
    let template = Template::for_audience(Audience::School);
    let content = content::build(&plain, &template, Audience::School, None);
    assert!(
        !content
            .blocks
            .iter()
            .any(|b| matches!(b, content::Block::Statements(_))),
        "no statements, no boxes"
    );
    let pages = pages_text(&render_ok(&plain, Audience::School, Format::A4).pdf);
    assert!(pages[1].contains("Aboutme:Zo"), "{}", pages[1]);
    assert!(!pages.concat().contains("Readthisfirst"));

    let mut red_only = plain.clone();
    red_only.child.details.key_statements.red = vec!["Never lift me without two adults".into()];
    let pages = pages_text(&render_ok(&red_only, Audience::School, Format::A4).pdf);
    assert!(pages[1].contains("Thingsthatmustneverhappen"));
    for absent in ["AMBER", "Keepmesafe", "GREEN", "Whathelpsmeenjoyit"] {
        assert!(
            !pages[1].contains(absent),
            "{absent} printed with nothing in it"
        );
    }
}

#[test]
fn each_colour_carries_its_name_and_its_own_marker_so_it_reads_without_colour() {
    let data = with_key_statements(fixture::reference());
    let template = Template::for_audience(Audience::Family);
    let options = fixture::options(Audience::Family);
    let laid = lay_out(
        &content::build(&data, &template, Audience::Family, None),
        &template,
        &options,
    );
    let page = &laid.pages[1];
    let palette = &template.branding.palette;
    let texts: Vec<&str> = page
        .elements
        .iter()
        .filter_map(|e| match e {
            Element::Text { text, .. } => Some(text.as_str()),
            _ => None,
        })
        .collect();
    for mark in ["✗", "!", "✓", "RED", "AMBER", "GREEN"] {
        assert_eq!(
            texts.iter().filter(|t| **t == mark).count(),
            1,
            "{mark} once on the page: {texts:?}"
        );
    }
    let polygons: Vec<usize> = page
        .elements
        .iter()
        .filter_map(|e| match e {
            Element::Polygon { points, .. } => Some(points.len()),
            _ => None,
        })
        .collect();
    assert_eq!(
        polygons,
        vec![8, 3],
        "an octagon for red, a triangle for amber"
    );
    let circles = page
        .elements
        .iter()
        .filter(|e| matches!(e, Element::Rect { w, h, radius, .. } if w == h && (radius - w / 2.0).abs() < 0.01))
        .count();
    assert_eq!(circles, 1, "a circle for green");
    for colour in [palette.danger, palette.caution, palette.success] {
        assert!(
            page.elements
                .iter()
                .any(|e| matches!(e, Element::Rect { fill: Some(f), .. } if *f == colour)),
            "a band in {colour:?}"
        );
    }
    assert!(page.elements.iter().all(|e| match e {
        Element::Text { text, .. } => !text.contains('\u{FFFD}'),
        _ => true,
    }));
}

#[test]
fn the_largest_boxes_there_can_be_stay_whole_in_large_print_on_a5() {
    use crate::model::MAX_LINE;
    let mut data = fixture::reference();
    let statement = |c: char| {
        let word = format!("{c}{c}{c}qz ");
        word.repeat(MAX_LINE / word.len() + 1)[..MAX_LINE]
            .trim_end()
            .to_string()
    };
    let three = |c: char| vec![statement(c); crate::model::key_statements::MAX_PER_COLOUR];
    data.child.details.key_statements = crate::model::KeyStatements {
        red: three('r'),
        amber: three('a'),
        green: three('g'),
    };
    assert!(
        data.child
            .details
            .clone()
            .validated(fixture::d(2026, 11, 22))
            .is_ok()
    );
    let template = Template::for_audience(Audience::School);
    let mut options = fixture::options(Audience::School);
    options.format = Format::A5Booklet;
    options.large_print = true;
    let laid = lay_out(
        &content::build(&data, &template, Audience::School, None),
        &template,
        &options,
    );
    let m = &laid.metrics;
    for c in ['r', 'a', 'g'] {
        let marker = format!("{c}{c}{c}qz");
        let holding: Vec<usize> = (0..laid.pages.len())
            .filter(|&i| laid.pages[i].text().contains(&marker))
            .collect();
        assert_eq!(holding.len(), 1, "box {c} is on one page: {holding:?}");
        for e in &laid.pages[holding[0]].elements {
            if let Element::Text { y, text, .. } = e
                && text.contains(&marker)
            {
                assert!(*y < m.bottom, "box {c} runs into the footer");
            }
        }
    }
}

#[test]
fn a_change_to_a_statement_changes_the_school_copys_fingerprint() {
    let data = with_key_statements(fixture::reference());
    let template = Template::for_audience(Audience::School);
    let hash = content_hash(&data, &template, Audience::School);
    let mut changed = data.clone();
    changed.child.details.key_statements.red[0] = "Never lift me without three adults".into();
    assert_ne!(hash, content_hash(&changed, &template, Audience::School));
}

/// Writes the sample passports for people to look at: `cargo test --lib write_samples --
/// --ignored`, then open /tmp/passport-samples.
#[test]
#[ignore]
fn write_samples() {
    let dir = std::path::Path::new("/tmp/passport-samples");
    std::fs::create_dir_all(dir).unwrap();
    let data = fixture::reference();
    for (name, audience, format, large) in [
        ("a4-school", Audience::School, Format::A4, false),
        ("a4-family", Audience::Family, Format::A4, false),
        (
            "a5-booklet-school",
            Audience::School,
            Format::A5Booklet,
            false,
        ),
        (
            "a5-booklet-family",
            Audience::Family,
            Format::A5Booklet,
            false,
        ),
        ("a4-large-print-school", Audience::School, Format::A4, true),
    ] {
        let mut options = fixture::options(audience);
        options.format = format;
        options.large_print = large;
        let r = render_with_report(&data, &Template::for_audience(audience), &options).unwrap();
        std::fs::write(dir.join(format!("{name}.pdf")), &r.pdf).unwrap();
        println!("{name}: {} pages, {} KB", r.pages, r.pdf.len() / 1024);
    }
    // The reference child with red, amber and green statements (page 2).
    let options = fixture::options(Audience::School);
    let keyed = with_key_statements(data.clone());
    let pdf = render(&keyed, &Template::for_audience(Audience::School), &options).unwrap();
    std::fs::write(dir.join("a4-key-statements-school.pdf"), pdf).unwrap();
    let mut options = fixture::options(Audience::Family);
    options.format = Format::A5Booklet;
    options.large_print = true;
    let pdf = render(&keyed, &Template::for_audience(Audience::Family), &options).unwrap();
    std::fs::write(
        dir.join("a5-booklet-large-print-key-statements-family.pdf"),
        pdf,
    )
    .unwrap();
    // No photos at all, and an item whose purpose runs over a page.
    let mut bare = data.clone();
    bare.photos.clear();
    bare.items[3].item.details.purpose =
        "Stand with the frame for short sessions, as the physio showed you. ".repeat(60);
    let options = fixture::options(Audience::Family);
    let pdf = render(&bare, &Template::for_audience(Audience::Family), &options).unwrap();
    std::fs::write(dir.join("a4-no-photos-long-text.pdf"), pdf).unwrap();
    let _ = d(2026, 1, 1);
}

/// Times the reference passport (8 items, 12 photos of 800 × 600): `cargo test --release
/// --lib bench_reference -- --ignored --nocapture`. Prints the median with the intake's print
/// copies (embedded as they are) and without them (every photo resized).
#[test]
#[ignore]
fn bench_reference() {
    let data = fixture::reference();
    let template = Template::for_audience(Audience::School);
    let options = fixture::options(Audience::School);
    let mut without_print_copies = data.clone();
    for photo in without_print_copies.photos.values_mut() {
        photo.print.clear();
    }
    for (name, data) in [
        ("with print copies", &data),
        ("photos stored before print copies", &without_print_copies),
    ] {
        let mut size = render(data, &template, &options).unwrap().len();
        // Time on this thread's CPU (Linux), which a busy machine disturbs less than the
        // wall clock.
        let cpu = || {
            std::fs::read_to_string("/proc/thread-self/schedstat")
                .ok()
                .and_then(|s| s.split_whitespace().next()?.parse::<u64>().ok())
                .unwrap_or(0)
        };
        let mut times = Vec::new();
        let cpu_start = cpu();
        for _ in 0..40 {
            let start = std::time::Instant::now();
            size = render(data, &template, &options).unwrap().len();
            times.push(start.elapsed());
        }
        let cpu_each = std::time::Duration::from_nanos((cpu() - cpu_start) / 40);
        times.sort();
        println!(
            "reference passport, {name}: median {:?}, min {:?}, this thread's CPU {cpu_each:?} each, {} KB",
            times[times.len() / 2],
            times[0],
            size / 1024
        );
    }
}

/// `data` with a bath seat used only at home, from a supplier no school item uses, at bath
/// time on two weekdays.
fn with_home_bath_seat(data: PassportData) -> PassportData {
    use crate::model::{Day, SupplierKind, WhereUsed};
    let mut b = Builder { data };
    let supplier = b.add_supplier(fixture::supplier(
        "Tidewater Bathing Ltd",
        SupplierKind::Manufacturer,
        "0121 496 0777",
        "Weekdays 9 to 5",
        "TB-77",
    ));
    let mut seat = fixture::item(
        Category::Bathing,
        "Kingfisher bath seat",
        "Holds me upright in the bath.",
    );
    seat.where_used = WhereUsed::Home;
    seat.repair_supplier_id = Some(supplier);
    seat.schedule = vec![fixture::slot(
        &[Day::Mon, Day::Wed],
        18,
        30,
        20,
        "bath time",
    )];
    b.add_item(seat, 1, (800, 600), Vec::new());
    b.data
}

#[test]
fn a_school_copy_leaves_out_equipment_used_only_at_home_and_the_family_copy_keeps_it() {
    let data = with_home_bath_seat(fixture::reference());
    let school = pages_text(&render_ok(&data, Audience::School, Format::A4).pdf).concat();
    let family = pages_text(&render_ok(&data, Audience::Family, Format::A4).pdf).concat();
    // Cover list, its own pages, the timetable's bath time and the supplier's "For:" line.
    for home_only in ["Kingfisherbathseat", "TidewaterBathing", "bathtime"] {
        assert!(
            !school.contains(home_only),
            "the school copy prints {home_only}"
        );
        assert!(
            family.contains(home_only),
            "the family copy lacks {home_only}"
        );
    }
    // Equipment used at school, and at home and school, is on both.
    for shared in ["Everydaywheelchair", "Toiletingsling"] {
        assert!(
            school.contains(shared) && family.contains(shared),
            "{shared}"
        );
    }
}

#[test]
fn changing_equipment_used_only_at_home_leaves_the_school_copy_up_to_date() {
    let reference = fixture::reference();
    let data = with_home_bath_seat(reference.clone());
    let school = Template::for_audience(Audience::School);
    let family = Template::for_audience(Audience::Family);
    // Adding the bath seat to the reference child did not change what school prints.
    assert_eq!(
        content_hash(&reference, &school, Audience::School),
        content_hash(&data, &school, Audience::School)
    );
    let mut changed = data.clone();
    let seat = changed.items.last_mut().unwrap();
    seat.item.details.cleaning = "Rinse and dry after each bath.".into();
    assert_eq!(
        content_hash(&data, &school, Audience::School),
        content_hash(&changed, &school, Audience::School)
    );
    assert_ne!(
        content_hash(&data, &family, Audience::Family),
        content_hash(&changed, &family, Audience::Family)
    );
    // Moving it to school brings it onto the school copy.
    changed.items.last_mut().unwrap().item.details.where_used = crate::model::WhereUsed::Both;
    assert_ne!(
        content_hash(&data, &school, Audience::School),
        content_hash(&changed, &school, Audience::School)
    );
}

#[test]
fn a_school_copy_of_a_child_whose_equipment_is_all_at_home_says_so() {
    let mut data = with_home_bath_seat(fixture::reference());
    data.items
        .retain(|i| i.item.details.where_used == crate::model::WhereUsed::Home);
    let school = pages_text(&render_ok(&data, Audience::School, Format::A4).pdf).concat();
    assert!(school.contains(&squash("None of this child's equipment is used at school")));
    assert!(!school.contains("Kingfisher"));
}
