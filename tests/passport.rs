//! Printed passports, end to end through the api: PDFs are parsed back (never compared as
//! bytes) and checked for their text, pages, paper and photos; the register of issued copies
//! tells when a school's copy is out of date.

use crate::support::photos::jpeg;
use crate::support::*;
use equipment_passport::Api;
use equipment_passport::api::PrintRequest;
use equipment_passport::model::*;
use equipment_passport::passport::{Audience, Format};
use std::sync::atomic::AtomicBool;

const A4: (f32, f32) = (595.28, 841.89);

fn request(audience: Audience, format: Format) -> PrintRequest {
    PrintRequest {
        audience,
        format,
        large_print: false,
    }
}

/// A child with a home address, an NHS number, a hoist (overdue LOLER, photo, steps) and a
/// walker with no photo at all.
fn child_with_equipment(api: &mut Api, given: &str, family: &str) -> (ChildId, ItemId) {
    let setting = add_setting(api, "Oakfield Primary School");
    let mut d = ChildDetails::new(given, family, date(2016, 9, 1));
    d.nhs_number = "999 000 0018".into();
    d.setting_id = Some(setting.id);
    d.class_name = "Year 5".into();
    d.home_address = "12 Acacia Avenue, Birmingham".into();
    d.home_postcode = "B21 9RY".into();
    d.about_me.medical_alerts = "VP shunt: no pressure on the right side of the head.".into();
    let child = api.create_child(d).unwrap();
    let mut hoist = ItemDetails::new(Category::Hoist, "Ceiling track hoist");
    hoist.issue_date = Some(date(2024, 1, 10));
    hoist.purpose = "Transfers between wheelchair and changing bed.".into();
    hoist.staff_needed = 2;
    hoist.setup_steps = vec![
        SetupStep {
            text: "Charge the hoist overnight.".into(),
            photo_id: None,
        },
        SetupStep {
            text: "Attach the sling loops, same colour both sides.".into(),
            photo_id: None,
        },
    ];
    hoist.safety_checks = vec![
        "Sling label legible".into(),
        "Emergency lowering works".into(),
    ];
    let hoist = api.create_item(child.id, hoist).unwrap();
    api.add_item_photo(hoist.id, &jpeg(800, 600), "Hoist on its track")
        .unwrap();
    // Examined 8 months before "today": overdue.
    api.add_service_record(
        hoist.id,
        record(ServiceKind::LolerExamination, date(2026, 3, 20)),
    )
    .unwrap();
    let mut walker = ItemDetails::new(Category::Walker, "Posterior walker");
    walker.purpose = "Walking to lunch and the playground.".into();
    api.create_item(child.id, walker).unwrap();
    (child.id, hoist.id)
}

fn pages(pdf: &[u8]) -> Vec<String> {
    let doc = lopdf::Document::load_mem(pdf).unwrap();
    doc.get_pages()
        .keys()
        .map(|&n| doc.extract_text(&[n]).unwrap())
        .collect()
}

/// Text with all whitespace removed: a name may be split across font runs.
fn squashed(text: &str) -> String {
    text.split_whitespace().collect()
}

fn page_sizes(pdf: &[u8]) -> Vec<(f32, f32)> {
    let doc = lopdf::Document::load_mem(pdf).unwrap();
    doc.get_pages()
        .values()
        .map(|&id| {
            let b = doc
                .get_dictionary(id)
                .unwrap()
                .get(b"MediaBox")
                .unwrap()
                .as_array()
                .unwrap()
                .clone();
            (
                b[2].as_float().unwrap() - b[0].as_float().unwrap(),
                b[3].as_float().unwrap() - b[1].as_float().unwrap(),
            )
        })
        .collect()
}

fn image_count(pdf: &[u8]) -> usize {
    let doc = lopdf::Document::load_mem(pdf).unwrap();
    doc.objects
        .values()
        .filter(|o| {
            o.as_stream().is_ok_and(|s| {
                s.dict
                    .get(b"Subtype")
                    .and_then(|v| v.as_name())
                    .is_ok_and(|n| n == b"Image")
            })
        })
        .count()
}

fn close(a: (f32, f32), b: (f32, f32)) -> bool {
    (a.0 - b.0).abs() < 1.0 && (a.1 - b.1).abs() < 1.0
}

/// qpdf's structural check, which CI installs; skipped (loudly) on a machine without it.
/// On Windows (CI runs this suite under Wine) there is no qpdf.exe to call: the same code
/// writes the same bytes there, and the Linux run checks them.
fn qpdf_check(pdf: &[u8]) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.pdf");
    std::fs::write(&path, pdf).unwrap();
    match std::process::Command::new("qpdf")
        .arg("--check")
        .arg(&path)
        .output()
    {
        Ok(out) => assert!(
            out.status.success(),
            "qpdf --check failed: {}",
            String::from_utf8_lossy(&out.stdout)
        ),
        Err(_) if cfg!(windows) || std::env::var_os("CI").is_none() => {
            eprintln!("qpdf is not installed: skipping its check")
        }
        Err(e) => panic!("CI must have qpdf: {e}"),
    }
}

#[test]
fn a_school_copy_has_the_equipment_but_never_the_home_address_or_nhs_number() {
    let mut api = api();
    let (child, _) = child_with_equipment(&mut api, "Zoë", "Łukasiewicz");
    let printed = api
        .render_passport(child, request(Audience::School, Format::A4))
        .unwrap();
    let text = pages(&printed.pdf).join("\n");
    let flat = squashed(&text);
    assert!(flat.contains("Ceilingtrackhoist"), "the item is printed");
    assert!(flat.contains("Zoë") && flat.contains("Łukasiewicz"));
    for never in [
        "Acacia",
        "B219RY",
        "9990000018",
        "999000 0018",
        "9990000018",
    ] {
        assert!(!flat.contains(never), "school copy shows {never}");
    }
    assert!(!text.contains("999 000 0018"));
    qpdf_check(&printed.pdf);

    let family = api
        .render_passport(child, request(Audience::Family, Format::A4))
        .unwrap();
    let flat = squashed(&pages(&family.pdf).join("\n"));
    assert!(
        flat.contains("Acacia"),
        "the family copy has the home address"
    );
    assert!(flat.contains("9990000018"), "and the NHS number");
}

#[test]
fn every_a4_page_has_the_footer_and_the_pages_are_a4() {
    let mut api = api();
    let (child, _) = child_with_equipment(&mut api, "Amara", "Okafor");
    let printed = api
        .render_passport(child, request(Audience::School, Format::A4))
        .unwrap();
    let texts = pages(&printed.pdf);
    assert_eq!(texts.len(), printed.pages);
    let total = texts.len();
    for (i, page) in texts.iter().enumerate() {
        let flat = squashed(page);
        assert!(
            flat.contains(&format!("Page{}of{total}", i + 1)),
            "page {} footer: {page}",
            i + 1
        );
        assert!(
            flat.contains("Confidential—containshealthinformation"),
            "page {}",
            i + 1
        );
        assert!(flat.contains("AmaraOkafor"));
    }
    assert!(page_sizes(&printed.pdf).iter().all(|s| close(*s, A4)));
}

#[test]
fn an_overdue_examination_is_flagged_on_the_item_page() {
    let mut api = api();
    let (child, _) = child_with_equipment(&mut api, "Amara", "Okafor");
    let printed = api
        .render_passport(child, request(Audience::School, Format::A4))
        .unwrap();
    let hoist_page = pages(&printed.pdf)
        .into_iter()
        .find(|p| squashed(p).contains("Ceilingtrackhoist") && squashed(p).contains("OVERDUE"))
        .expect("a page with the hoist and its overdue warning");
    assert!(
        squashed(&hoist_page).contains("20September2026"),
        "says when it was due: {hoist_page}"
    );
}

#[test]
fn photos_are_embedded_and_an_item_without_one_still_prints() {
    let mut api = api();
    let (child, _) = child_with_equipment(&mut api, "Amara", "Okafor");
    let printed = api
        .render_passport(child, request(Audience::School, Format::A4))
        .unwrap();
    assert_eq!(
        image_count(&printed.pdf),
        1,
        "one photo: the hoist's; the walker has none"
    );
    assert!(squashed(&pages(&printed.pdf).join("")).contains("Posteriorwalker"));
}

#[test]
fn an_a5_booklet_is_a4_landscape_sheets_holding_a_multiple_of_four_pages() {
    let mut api = api();
    let (child, _) = child_with_equipment(&mut api, "Amara", "Okafor");
    let printed = api
        .render_passport(child, request(Audience::School, Format::A5Booklet))
        .unwrap();
    assert_eq!(printed.pages % 4, 0, "padded with Notes pages");
    let sizes = page_sizes(&printed.pdf);
    assert_eq!(sizes.len(), printed.pages / 2);
    assert!(sizes.iter().all(|s| close(*s, (A4.1, A4.0))), "{sizes:?}");
    qpdf_check(&printed.pdf);
}

/// The size most text is set in: the font size of the most shown characters.
fn body_size(pdf: &[u8]) -> f32 {
    let doc = lopdf::Document::load_mem(pdf).unwrap();
    let mut chars_at: std::collections::HashMap<u32, usize> = std::collections::HashMap::new();
    for (_, page) in doc.get_pages() {
        let content = lopdf::content::Content::decode(&doc.get_page_content(page)).unwrap();
        let mut size = 0.0f32;
        for op in content.operations {
            match op.operator.as_str() {
                "Tf" => size = op.operands[1].as_float().unwrap(),
                "Tj" => {
                    let n = op.operands[0].as_str().map(|s| s.len()).unwrap_or(0);
                    *chars_at.entry((size * 10.0).round() as u32).or_default() += n;
                }
                _ => {}
            }
        }
    }
    let (size, _) = chars_at.into_iter().max_by_key(|(_, n)| *n).unwrap();
    size as f32 / 10.0
}

#[test]
fn large_print_sets_the_body_text_at_14_pt_or_more() {
    let mut api = api();
    let (child, _) = child_with_equipment(&mut api, "Amara", "Okafor");
    let normal = api
        .render_passport(child, request(Audience::Family, Format::A4))
        .unwrap();
    let mut large = request(Audience::Family, Format::A4);
    large.large_print = true;
    let large = api.render_passport(child, large).unwrap();
    assert!(
        body_size(&normal.pdf) < 14.0,
        "normal body {}",
        body_size(&normal.pdf)
    );
    assert!(
        body_size(&large.pdf) >= 14.0,
        "large print body {}",
        body_size(&large.pdf)
    );
    assert!(large.pages >= normal.pages);
}

#[test]
fn names_in_several_scripts_print_and_extract_correctly() {
    let mut api = api();
    for (given, family) in [
        ("Hoa", "Nguyễn Thị"),
        ("Ахмед", "Каримов"),
        ("Gwŷn", "Llewelyn"),
    ] {
        let child = api
            .create_child(ChildDetails::new(given, family, date(2015, 2, 2)))
            .unwrap();
        api.create_item(child.id, ItemDetails::new(Category::Seating, "Chair"))
            .unwrap();
        let printed = api
            .render_passport(child.id, request(Audience::Family, Format::A4))
            .unwrap();
        assert!(
            printed.unprintable.is_empty(),
            "{given}: {:?}",
            printed.unprintable
        );
        let cover = squashed(&pages(&printed.pdf)[0]);
        assert!(
            cover.contains(&squashed(given)) && cover.contains(&squashed(family)),
            "{given} {family}: {cover}"
        );
    }
}

#[test]
fn long_text_flows_onto_further_pages() {
    let mut api = api();
    let child = add_child(&mut api, "Amara", "Okafor");
    let mut item = ItemDetails::new(Category::Seating, "Chair");
    // Close to the 4,000-character limit of a field: in large print, more than a page.
    item.purpose = "Keeps Amara upright and supported at the table. ".repeat(80);
    item.cleaning = "Wipe with a damp cloth and dry. ".repeat(80);
    api.create_item(child.id, item).unwrap();
    let mut large = request(Audience::Family, Format::A4);
    large.large_print = true;
    let printed = api.render_passport(child.id, large).unwrap();
    let texts = pages(&printed.pdf);
    let with_purpose = texts
        .iter()
        .filter(|p| squashed(p).contains("KeepsAmaraupright"))
        .count();
    assert!(
        with_purpose >= 2,
        "the purpose runs over {with_purpose} page(s)"
    );
}

#[test]
fn the_register_records_copies_and_knows_when_the_school_copy_is_out_of_date() {
    let mut api = api();
    let (child, hoist) = child_with_equipment(&mut api, "Amara", "Okafor");
    let first = api
        .render_passport(child, request(Audience::School, Format::A4))
        .unwrap();
    assert_eq!(first.copy.version, 1);
    assert_eq!(
        first.copy.setting_id,
        api.child(child).unwrap().child.details.setting_id
    );
    let copies = api.issued_copies(child).unwrap();
    assert_eq!(copies.len(), 1);
    assert!(!copies[0].out_of_date);

    // The home address is not on the school copy: changing it leaves that copy current.
    let mut details = api.child(child).unwrap().child.details;
    details.home_address = "3 New Street".into();
    api.update_child(child, details).unwrap();
    assert!(!api.issued_copies(child).unwrap()[0].out_of_date);

    // Renaming an item changes what the school copy would print.
    let mut item = api.item(hoist).unwrap().item.details;
    item.name = "Ceiling hoist (bedroom)".into();
    api.update_item(hoist, item).unwrap();
    assert!(api.issued_copies(child).unwrap()[0].out_of_date);
    let due = api.due_list(0).unwrap();
    assert!(
        due.iter()
            .any(|e| e.kind == DueKind::SchoolCopy && e.child_id == child)
    );
    let badges = &api.search_children("amara", None, 5).unwrap().children[0].due;
    assert!(badges.iter().any(|b| b.kind == DueKind::SchoolCopy));

    // Reprinting gives version 2, and it is current again.
    let second = api
        .render_passport(child, request(Audience::School, Format::A4))
        .unwrap();
    assert_eq!(second.copy.version, 2);
    let copies = api.issued_copies(child).unwrap();
    assert!(!copies[0].out_of_date && copies[1].out_of_date);
    assert!(
        api.due_list(0)
            .unwrap()
            .iter()
            .all(|e| e.kind != DueKind::SchoolCopy)
    );
    // The same content printed again keeps its version.
    let third = api
        .render_passport(child, request(Audience::School, Format::A5Booklet))
        .unwrap();
    assert_eq!(third.copy.version, 2);
}

#[test]
fn saving_an_unchanged_preview_issues_the_very_bytes_that_were_shown() {
    let mut api = api();
    let (child, _) = child_with_equipment(&mut api, "Amara", "Okafor");
    let school = request(Audience::School, Format::A4);
    let preview = api.preview_passport(child, school).unwrap();
    assert_eq!(
        preview.fingerprint.version(),
        1,
        "the preview shows the next version"
    );
    assert!(
        api.issued_copies(child).unwrap().is_empty(),
        "a preview is not issued"
    );

    let saved = api.issue_preview(&preview).unwrap();
    assert_eq!(
        saved.pdf, preview.pdf,
        "the saved copy is the previewed one, byte for byte"
    );
    assert_eq!(saved.pages, preview.pages);
    assert_eq!(saved.copy.version, 1);
    let copies = api.issued_copies(child).unwrap();
    assert_eq!(copies.len(), 1);
    assert!(
        !copies[0].out_of_date,
        "the register knows the copy is current"
    );
}

#[test]
fn saving_a_preview_after_an_edit_prints_the_edit() {
    let mut api = api();
    let (child, _) = child_with_equipment(&mut api, "Amara", "Okafor");
    let school = request(Audience::School, Format::A4);
    let preview = api.preview_passport(child, school).unwrap();
    assert!(squashed(&pages(&preview.pdf).join("")).contains("ClassYear5"));

    let mut details = api.child(child).unwrap().child.details;
    details.class_name = "Year 6".into();
    api.update_child(child, details).unwrap();
    let saved = api.issue_preview(&preview).unwrap();
    assert_ne!(saved.pdf, preview.pdf);
    let text = squashed(&pages(&saved.pdf).join(""));
    assert!(text.contains("ClassYear6"), "the saved copy shows the edit");
    assert!(!text.contains("ClassYear5"));
    assert_eq!(saved.copy.version, 1, "still the first copy issued");
}

#[test]
fn a_preview_issued_twice_gives_the_second_copy_its_own_document() {
    let mut api = api();
    let (child, _) = child_with_equipment(&mut api, "Amara", "Okafor");
    let preview = api
        .preview_passport(child, request(Audience::Family, Format::A5Booklet))
        .unwrap();
    let first = api.issue_preview(&preview).unwrap();
    // Issuing wrote to the register, so the preview is no longer the latest word.
    let second = api.issue_preview(&preview).unwrap();
    assert_eq!(first.pdf, preview.pdf);
    assert_ne!(
        second.pdf, preview.pdf,
        "rendered again, with its own PDF id"
    );
    assert_eq!(pages(&second.pdf), pages(&preview.pdf), "the same text");
    assert_eq!((first.copy.version, second.copy.version), (1, 1));
    assert_eq!(api.issued_copies(child).unwrap().len(), 2);
}

#[test]
fn a_whole_setting_prints_and_one_failure_does_not_stop_the_others() {
    let mut api = api();
    let setting = add_setting(&mut api, "Brookside Special School");
    let mut ids = Vec::new();
    for (given, family) in [("Amara", "Okafor"), ("Zoë", "Hughes"), ("Jan", "Nowak")] {
        let mut d = ChildDetails::new(given, family, date(2015, 2, 2));
        d.setting_id = Some(setting.id);
        let child = api.create_child(d).unwrap();
        api.create_item(child.id, ItemDetails::new(Category::Seating, "Chair"))
            .unwrap();
        ids.push(child.id);
    }
    let out = tempfile::tempdir().unwrap();
    // A folder squatting on one child's file name makes that one child's write fail.
    std::fs::create_dir(out.path().join("Hughes, Zoë - school passport.pdf")).unwrap();
    let seen = std::sync::Mutex::new(Vec::new());
    let report = api
        .print_setting(
            setting.id,
            request(Audience::School, Format::A4),
            out.path(),
            &|p| seen.lock().unwrap().push(p.done),
            &AtomicBool::new(false),
        )
        .unwrap();
    assert_eq!(report.total, 3);
    assert_eq!(report.printed.len(), 2);
    assert_eq!(report.failed.len(), 1);
    assert_eq!(report.failed[0].child_name, "Zoë Hughes");
    assert!(
        out.path()
            .join("Okafor, Amara - school passport.pdf")
            .is_file()
    );
    assert!(
        out.path()
            .join("Nowak, Jan - school passport.pdf")
            .is_file()
    );
    assert_eq!(
        seen.lock().unwrap().last(),
        Some(&3),
        "progress reached the end"
    );
    assert_eq!(api.issued_copies(ids[0]).unwrap().len(), 1);
    assert!(
        api.issued_copies(ids[1]).unwrap().is_empty(),
        "the failed copy is not recorded"
    );
}

#[test]
fn the_app_offers_the_file_name_a_whole_setting_print_writes() {
    let mut api = api();
    let setting = add_setting(&mut api, "Brookside Special School");
    let mut d = ChildDetails::new("Zoë", "Hughes", date(2015, 2, 2));
    d.setting_id = Some(setting.id);
    let child = api.create_child(d).unwrap();
    api.create_item(child.id, ItemDetails::new(Category::Seating, "Chair"))
        .unwrap();
    let booklet = PrintRequest {
        audience: Audience::Family,
        format: Format::A5Booklet,
        large_print: true,
    };
    let offered = api.child(child.id).unwrap().passport_file_names;
    assert_eq!(offered.len(), 8, "every audience, paper and print size");
    let name = &offered
        .iter()
        .find(|n| n.request == booklet)
        .unwrap()
        .file_name;
    assert_eq!(
        name,
        "Hughes, Zoë - family passport (booklet, large print).pdf"
    );
    let out = tempfile::tempdir().unwrap();
    api.print_setting(
        setting.id,
        booklet,
        out.path(),
        &|_| {},
        &AtomicBool::new(false),
    )
    .unwrap();
    assert!(out.path().join(name).is_file());
}

#[test]
fn cancelling_stops_a_whole_setting_before_it_starts() {
    let mut api = api();
    let setting = add_setting(&mut api, "Brookside Special School");
    let mut d = ChildDetails::new("Amara", "Okafor", date(2015, 2, 2));
    d.setting_id = Some(setting.id);
    api.create_child(d).unwrap();
    let out = tempfile::tempdir().unwrap();
    let report = api
        .print_setting(
            setting.id,
            request(Audience::School, Format::A4),
            out.path(),
            &|_| {},
            &AtomicBool::new(true),
        )
        .unwrap();
    assert!(report.cancelled);
    assert!(report.printed.is_empty());
}

#[test]
fn the_text_of_each_page_of_a_school_copy_reads_as_expected() {
    let mut api = api();
    let (child, _) = child_with_equipment(&mut api, "Zoë", "Łukasiewicz");
    let printed = api
        .render_passport(child, request(Audience::School, Format::A4))
        .unwrap();
    let texts: Vec<String> = pages(&printed.pdf)
        .iter()
        .enumerate()
        .map(|(i, t)| {
            format!(
                "--- page {} ---\n{}",
                i + 1,
                t.split_whitespace().collect::<Vec<_>>().join(" ")
            )
        })
        .collect();
    insta::assert_snapshot!(texts.join("\n"));
}
