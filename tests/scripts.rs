//! Every script a UK family writes prints: a child named in Han, Bengali, Gurmukhi, Gujarati,
//! Devanagari, Tamil, Arabic, Urdu, Greek, Cyrillic or Latin with any accent gets a passport
//! whose cover shows the name, with no "no font could print" warning, and whose text reads
//! back as written. Emoji print as their names. A passport in Latin letters embeds no Noto
//! face at all.

use crate::support::*;
use equipment_passport::Api;
use equipment_passport::api::PrintRequest;
use equipment_passport::model::*;
use equipment_passport::passport::{Audience, Format};

/// Given and family names, one child per script.
const NAMES: [(&str, &str, &str); 13] = [
    ("Han, simplified", "美玲", "王"),
    ("Han, traditional", "美玲", "陳"),
    ("Bengali", "আয়েশা", "বেগম"),
    ("Gurmukhi", "ਹਰਪ੍ਰੀਤ", "ਕੌਰ"),
    ("Gujarati", "પ્રિયા", "પટેલ"),
    ("Devanagari", "प्रिया", "शर्मा"),
    ("Tamil", "ஸ்ரீ", "ராம்"),
    ("Urdu", "عائشہ", "خان"),
    ("Arabic", "مريم", "الحسن"),
    ("Greek", "Ελένη", "Παπαδοπούλου"),
    ("Cyrillic", "Олександра", "Шевченко"),
    ("Polish and Romanian", "Łucja Ștefănescu", "Żółkiewska-Țară"),
    ("Vietnamese and Welsh", "Nguyễn Thị Hoa", "Gwŷn Llŷr"),
];

fn family_copy(api: &mut Api, given: &str, family: &str, communication: &str) -> Vec<u8> {
    let mut details = ChildDetails::new(given, family, date(2016, 4, 12));
    details.about_me.communication = communication.into();
    let child = api.create_child(details).unwrap();
    api.create_item(child.id, ItemDetails::new(Category::Seating, "Chair"))
        .unwrap();
    let printed = api
        .render_passport(
            child.id,
            PrintRequest {
                audience: Audience::Family,
                format: Format::A4,
                large_print: false,
            },
        )
        .unwrap();
    assert!(
        printed.unprintable.is_empty(),
        "{given} {family}: no font could print {:?}",
        printed.unprintable
    );
    printed.pdf
}

/// The base names of the fonts a PDF embeds (subset prefixes and all).
fn font_names(pdf: &[u8]) -> Vec<String> {
    let doc = lopdf::Document::load_mem(pdf).unwrap();
    doc.objects
        .values()
        .filter_map(|o| o.as_dict().ok())
        .filter(|d| d.get(b"Type").and_then(|t| t.as_name()).ok() == Some(b"Font".as_slice()))
        .filter_map(|d| d.get(b"BaseFont").and_then(|n| n.as_name()).ok())
        .map(|n| String::from_utf8_lossy(n).into_owned())
        .collect()
}

/// The text of the first pages as poppler's pdftotext reads it (Unix only: it is a Debian
/// tool, and the core's tests also run under Wine).
#[cfg(unix)]
fn pdftotext(pdf: &[u8], last_page: u32) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("passport.pdf");
    std::fs::write(&path, pdf).unwrap();
    let out = std::process::Command::new("pdftotext")
        .args(["-l", &last_page.to_string(), "-enc", "UTF-8"])
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is installed");
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

/// Text with all whitespace removed: a name may be split across lines or runs.
#[cfg(unix)]
fn squashed(text: &str) -> String {
    text.split_whitespace().collect()
}

#[test]
fn a_child_named_in_each_script_gets_a_passport_with_no_unprintable_character() {
    let mut api = api();
    for (script, given, family) in NAMES {
        let pdf = family_copy(&mut api, given, family, &format!("{given} says hello."));
        assert!(pdf.len() < 400_000, "{script}: {} bytes", pdf.len());
        if let Ok(dir) = std::env::var("PASSPORT_SCRIPTS_DIR") {
            let name = script.replace([',', ' '], "-");
            std::fs::write(std::path::Path::new(&dir).join(format!("{name}.pdf")), &pdf).unwrap();
        }
    }
}

#[cfg(unix)]
#[test]
fn the_cover_reads_back_with_the_name_as_written() {
    let mut api = api();
    for (script, given, family) in NAMES {
        let pdf = family_copy(&mut api, given, family, "");
        let cover = pdftotext(&pdf, 1);
        let found = squashed(&cover);
        // Right-to-left names may come back with their words in either order; each word must
        // read as written.
        for word in given.split_whitespace().chain(family.split_whitespace()) {
            assert!(
                found.contains(word),
                "{script}: {word} not in the cover's text:\n{cover}"
            );
        }
    }
}

#[cfg(unix)]
#[test]
fn an_emoji_in_about_me_prints_as_its_name_never_as_a_replacement_box() {
    let mut api = api();
    let pdf = family_copy(
        &mut api,
        "Amara",
        "Okafor",
        "Loves dinosaurs 🦖 and music 🎵; waves 👋🏽 hello 😊 and supports 🇬🇧.",
    );
    let text = pdftotext(&pdf, 3);
    for name in [
        "[emoji: t-rex]",
        "[emoji: musical note]",
        "[emoji: waving hand sign]",
        "[flag: GB]",
    ] {
        assert!(squashed(&text).contains(&squashed(name)), "{name}:\n{text}");
    }
    // DejaVu Sans draws the emoticons itself.
    assert!(text.contains('😊'), "{text}");
    assert!(!text.contains('\u{FFFD}'), "{text}");
}

#[test]
fn a_passport_in_latin_letters_embeds_no_noto_face() {
    let mut api = api();
    let pdf = family_copy(&mut api, "Zoë", "Łukasiewicz", "Likes the swings.");
    let fonts = font_names(&pdf);
    assert!(!fonts.is_empty());
    assert!(fonts.iter().all(|f| !f.contains("Noto")), "{fonts:?}");
}

#[test]
fn a_name_in_another_script_embeds_only_the_face_it_needs_and_only_its_glyphs() {
    let mut api = api();
    let pdf = family_copy(&mut api, "আয়েশা", "বেগম", "");
    let fonts = font_names(&pdf);
    let noto: Vec<&String> = fonts.iter().filter(|f| f.contains("Noto")).collect();
    assert!(
        !noto.is_empty() && noto.iter().all(|f| f.contains("Bengali")),
        "{fonts:?}"
    );
    // The 5 MB Han face, subset to the few characters of a name.
    let pdf = family_copy(&mut api, "美玲", "王", "");
    assert!(
        font_names(&pdf).iter().any(|f| f.contains("CJK")),
        "{:?}",
        font_names(&pdf)
    );
    assert!(pdf.len() < 200_000, "{} bytes", pdf.len());
}
