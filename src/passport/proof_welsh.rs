//! Welsh and bilingual passports, read back: the fixed words and dates in Welsh, the Welsh
//! before the English in a bilingual copy, the English copy as it was, a trust's corrected
//! wording, and what the user typed printed as typed.

use super::fixture;
use super::proof::{pages_text, squash, with_key_statements};
use super::*;

fn render_in(data: &PassportData, template: &Template, language: Language) -> Rendered {
    let mut options = fixture::options(template.audience.unwrap_or(Audience::School));
    options.language = language;
    render_with_report(data, template, &options).unwrap()
}

fn school() -> Template {
    Template::for_audience(Audience::School)
}

fn at(haystack: &str, needle: &str) -> usize {
    haystack
        .find(needle)
        .unwrap_or_else(|| panic!("{needle} is missing from {haystack}"))
}

#[test]
fn a_welsh_copy_has_welsh_headings_and_welsh_dates_and_the_typed_words_as_typed() {
    let data = with_key_statements(fixture::reference());
    let rendered = render_in(&data, &school(), Language::Cy);
    let pages = pages_text(&rendered.pdf);
    let text = pages.concat();
    for welsh in [
        "PasbortOffer",
        "Copi'rysgol",
        "Darllenwchhwnyngyntaf",
        "Cysylltiadauallweddol",
        "Cynpobdefnydd,gwiriwch",
        "Gwasanaethuagwiriadaudiogelwch",
        "Amserlenddyddiol",
        "Cymeradwyo",
        // The print date, 22 November 2026, in Welsh.
        "Argraffwyd22Tachwedd2026",
        "Tudalen1o",
        "Pethaunaddylaibythddigwydd",
        "COCH",
    ] {
        assert!(text.contains(&squash(welsh)), "{welsh} is missing");
    }
    for english in [
        "Keycontacts",
        "Beforeeveryuse",
        "Printed22November",
        "Page1of",
    ] {
        assert!(!text.contains(english), "the Welsh copy says {english}");
    }
    // What the user typed is printed as typed, in whatever language they typed it.
    assert!(text.contains("ZoëŁukasiewicz"));
    assert!(text.contains(&squash("Never lift me without two adults")));
    // The hoist's overdue examination, dated in Welsh.
    assert!(
        text.contains("Roeddynddyledusar1Tachwedd2026"),
        "the overdue notice is not in Welsh"
    );
}

#[test]
fn a_welsh_copy_says_so_to_screen_readers() {
    let rendered = render_in(&fixture::reference(), &school(), Language::Cy);
    let doc = lopdf::Document::load_mem(&rendered.pdf).unwrap();
    let catalog = doc.catalog().unwrap();
    assert_eq!(catalog.get(b"Lang").unwrap().as_str().unwrap(), b"cy-GB");
}

#[test]
fn a_bilingual_copy_puts_the_welsh_before_the_english() {
    let rendered = render_in(&fixture::reference(), &school(), Language::CyEn);
    let text = pages_text(&rendered.pdf).concat();
    for (welsh, english) in [
        ("Cysylltiadauallweddol", "Keycontacts"),
        ("Tudalen1o", "Page1of"),
        ("Copi'rysgol", "Schoolcopy"),
        ("Gwasanaethuagwiriadaudiogelwch", "Servicingandsafetychecks"),
        ("Roeddynddyledusar1Tachwedd2026", "Itwasdueon1November2026"),
    ] {
        assert!(
            at(&text, welsh) < at(&text, english),
            "{english} comes before {welsh}"
        );
    }
    // Short labels share a line: "Offer / Equipment"-style, with the slash between.
    assert!(text.contains("Cysylltiadauallweddol/Keycontacts"));
}

#[test]
fn the_english_copy_is_the_english_copy_as_before() {
    let data = fixture::reference();
    let options = fixture::options(Audience::School);
    assert_eq!(options.language, Language::En);
    let english = render_with_report(&data, &school(), &options).unwrap();
    let text = pages_text(&english.pdf).concat();
    assert!(text.contains("Keycontacts") && !text.contains("Cysylltiadau"));
    assert!(text.contains("Printed22November2026"));
}

#[test]
fn welsh_and_bilingual_copies_fit_their_pages_and_print_every_character() {
    let data = with_key_statements(fixture::reference());
    let english = render_in(&data, &school(), Language::En);
    for language in [Language::Cy, Language::CyEn] {
        let copy = render_in(&data, &school(), language);
        assert!(copy.unprintable.is_empty(), "{:?}", copy.unprintable);
        // Longer words take a little more room, never a great deal more.
        assert!(
            copy.pages >= english.pages && copy.pages <= english.pages + 4,
            "{language}: {} pages against {} in English",
            copy.pages,
            english.pages
        );
    }
}

#[test]
fn a_bilingual_large_print_booklet_prints_whole() {
    let data = with_key_statements(fixture::reference());
    let mut options = fixture::options(Audience::Family);
    options.format = Format::A5Booklet;
    options.large_print = true;
    let template = Template::for_audience(Audience::Family);
    let english = render_with_report(&data, &template, &options).unwrap();
    options.language = Language::CyEn;
    let both = render_with_report(&data, &template, &options).unwrap();
    assert!(both.unprintable.is_empty(), "{:?}", both.unprintable);
    assert_eq!(both.pages % 4, 0);
    let text = pages_text(&both.pdf).concat();
    // Footers keep to one line, so the bilingual one says each word once in both languages.
    assert!(text.contains("Cyfrinachol/Confidential"), "{text}");
    // Each sentence twice takes room: measured 64 pages against 48 in English (Welsh alone:
    // the same as English). Never more than half again.
    assert!(
        both.pages * 2 <= english.pages * 3,
        "{} against {}",
        both.pages,
        english.pages
    );
    options.language = Language::Cy;
    let welsh = render_with_report(&data, &template, &options).unwrap();
    println!(
        "A5 large print: en {}, cy {}, cy-en {}",
        english.pages, welsh.pages, both.pages
    );
}

#[test]
fn the_fingerprint_is_the_same_in_every_language() {
    // A Welsh copy of the same records is not out of date against an English one.
    let data = fixture::reference();
    let hash = content_hash(&data, &school(), Audience::School);
    let welsh = content::build_in(&data, &school(), Audience::School, None, Language::Cy);
    assert_ne!(
        welsh.blocks,
        content::build(&data, &school(), Audience::School, None).blocks
    );
    assert_eq!(content_hash(&data, &school(), Audience::School), hash);
}

#[test]
fn a_trusts_corrected_wording_changes_only_that_string() {
    let words = WordBook::builtin()
        .with_overrides(
            "[contacts]\nsection = { cy = \"Pwy i'w ffonio\" }\n",
            "trust-passport.toml",
        )
        .unwrap();
    let template = school().with_words(words);
    let text = pages_text(&render_in(&fixture::reference(), &template, Language::Cy).pdf).concat();
    assert!(text.contains("Pwyi'wffonio"));
    assert!(!text.contains("Cysylltiadauallweddol"));
    assert!(text.contains("Amserlenddyddiol"));
    // The English it left alone.
    let text = pages_text(&render_in(&fixture::reference(), &template, Language::En).pdf).concat();
    assert!(text.contains("Keycontacts"));
}

/// The Welsh date as a reader sees it, spaces and all (Unix only: pdftotext is a Debian tool).
#[cfg(unix)]
#[test]
fn poppler_reads_the_welsh_cover_date_with_its_spaces() {
    let rendered = render_in(&fixture::reference(), &school(), Language::Cy);
    let dir = std::env::temp_dir().join(format!("passport-welsh-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("cy.pdf");
    std::fs::write(&path, &rendered.pdf).unwrap();
    let out = std::process::Command::new("pdftotext")
        .args(["-f", "1", "-l", "1", "-layout"])
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is installed");
    std::fs::remove_dir_all(&dir).ok();
    let cover = String::from_utf8_lossy(&out.stdout);
    assert!(cover.contains("22 Tachwedd 2026"), "{cover}");
    assert!(cover.contains("Pasbort Offer"), "{cover}");
}

/// Writes Welsh and bilingual samples to look at: `cargo test --lib write_welsh_samples --
/// --ignored`, then open /tmp/passport-samples.
#[test]
#[ignore]
fn write_welsh_samples() {
    let dir = std::path::Path::new("/tmp/passport-samples");
    std::fs::create_dir_all(dir).unwrap();
    let data = with_key_statements(fixture::reference());
    for (name, language) in [
        ("cy", Language::Cy),
        ("cy-en", Language::CyEn),
        ("en", Language::En),
    ] {
        let r = render_in(&data, &school(), language);
        std::fs::write(dir.join(format!("a4-school-{name}.pdf")), &r.pdf).unwrap();
        println!("{name}: {} pages", r.pages);
    }
}
