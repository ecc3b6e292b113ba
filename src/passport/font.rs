//! The embedded typefaces, which character each one can draw, and how wide text is.
//!
//! Atkinson Hyperlegible (designed for low-vision readers) sets everything it can; DejaVu Sans
//! fills in what it lacks (Greek, Cyrillic, Vietnamese, Welsh ŵ and ŷ, arrows ...). Scripts
//! neither has go to a Noto face made for them: Bengali, Devanagari, Gujarati, Gurmukhi and
//! Tamil (Noto Sans), Arabic and Urdu (Noto Naskh Arabic) and Han (Noto Sans CJK SC, which
//! draws simplified and traditional characters alike). Those faces are large, so each is
//! parsed only when a string first needs it: a passport in Latin letters never loads one.
//!
//! printpdf draws a character missing from a font as a blank box without a word, so every
//! string is cut here into runs that each name a face that really has the glyphs. An emoji
//! no face draws is printed as its name ("[emoji: smiling face]"); any other character no face
//! has is replaced by U+FFFD (a visible "�") and reported to the caller, never dropped silently.
//!
//! Widths come from the faces' own advances (ttf-parser), or, for scripts that need OpenType
//! shaping (Indic and Arabic), from the shaped glyphs ([`super::shaping`]), so the measured
//! width is exactly the drawn width.

use super::shaping;
use std::borrow::Cow;
use std::collections::{BTreeSet, HashMap};
use std::sync::OnceLock;
use ttf_parser::Face as TtfFace;
use unicode_normalization::UnicodeNormalization;

/// What a piece of text should look like; the face that draws it is chosen per character.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
pub enum Style {
    Regular,
    Bold,
    Italic,
}

/// One embedded font file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Face {
    AtkinsonRegular,
    AtkinsonBold,
    AtkinsonItalic,
    DejaVuRegular,
    DejaVuBold,
    BengaliRegular,
    BengaliBold,
    DevanagariRegular,
    DevanagariBold,
    GujaratiRegular,
    GujaratiBold,
    GurmukhiRegular,
    GurmukhiBold,
    TamilRegular,
    TamilBold,
    ArabicRegular,
    ArabicBold,
    Han,
    /// The same file as [`Face::Han`] (a second 5 MB weight would double the program's
    /// fonts): the PDF writer emboldens it by outlining each glyph in its own colour.
    HanBold,
}

/// A writing system with a face of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Script {
    Bengali,
    Devanagari,
    Gujarati,
    Gurmukhi,
    Tamil,
    Arabic,
    Han,
}

impl Script {
    /// The script a character belongs to, when it needs a face of its own (Latin, Greek and
    /// Cyrillic do not: Atkinson and DejaVu draw them).
    pub fn of(c: char) -> Option<Script> {
        Some(match c as u32 {
            0x0980..=0x09FF => Script::Bengali,
            0x0900..=0x097F | 0xA8E0..=0xA8FF | 0x1CD0..=0x1CFF => Script::Devanagari,
            0x0A80..=0x0AFF => Script::Gujarati,
            0x0A00..=0x0A7F => Script::Gurmukhi,
            0x0B80..=0x0BFF => Script::Tamil,
            0x0600..=0x06FF
            | 0x0750..=0x077F
            | 0x08A0..=0x08FF
            | 0xFB50..=0xFDFF
            | 0xFE70..=0xFEFF => Script::Arabic,
            0x3000..=0x303F | 0x4E00..=0x9FFF | 0xFF00..=0xFFEF => Script::Han,
            _ => return None,
        })
    }

    fn face(self, style: Style) -> Face {
        let bold = style == Style::Bold;
        let pick = |regular, bold_face| if bold { bold_face } else { regular };
        match self {
            Script::Bengali => pick(Face::BengaliRegular, Face::BengaliBold),
            Script::Devanagari => pick(Face::DevanagariRegular, Face::DevanagariBold),
            Script::Gujarati => pick(Face::GujaratiRegular, Face::GujaratiBold),
            Script::Gurmukhi => pick(Face::GurmukhiRegular, Face::GurmukhiBold),
            Script::Tamil => pick(Face::TamilRegular, Face::TamilBold),
            Script::Arabic => pick(Face::ArabicRegular, Face::ArabicBold),
            Script::Han => pick(Face::Han, Face::HanBold),
        }
    }
}

impl Face {
    pub const ALL: [Face; 19] = [
        Face::AtkinsonRegular,
        Face::AtkinsonBold,
        Face::AtkinsonItalic,
        Face::DejaVuRegular,
        Face::DejaVuBold,
        Face::BengaliRegular,
        Face::BengaliBold,
        Face::DevanagariRegular,
        Face::DevanagariBold,
        Face::GujaratiRegular,
        Face::GujaratiBold,
        Face::GurmukhiRegular,
        Face::GurmukhiBold,
        Face::TamilRegular,
        Face::TamilBold,
        Face::ArabicRegular,
        Face::ArabicBold,
        Face::Han,
        Face::HanBold,
    ];

    pub fn index(self) -> usize {
        self as usize
    }

    /// The font file, embedded at compile time (licences beside them in templates/fonts).
    pub fn bytes(self) -> &'static [u8] {
        macro_rules! font {
            ($file:literal) => {
                include_bytes!(concat!("../../templates/fonts/", $file))
            };
        }
        match self {
            Face::AtkinsonRegular => font!("AtkinsonHyperlegible-Regular.ttf"),
            Face::AtkinsonBold => font!("AtkinsonHyperlegible-Bold.ttf"),
            Face::AtkinsonItalic => font!("AtkinsonHyperlegible-Italic.ttf"),
            Face::DejaVuRegular => font!("DejaVuSans.ttf"),
            Face::DejaVuBold => font!("DejaVuSans-Bold.ttf"),
            Face::BengaliRegular => font!("NotoSansBengali-Regular.ttf"),
            Face::BengaliBold => font!("NotoSansBengali-Bold.ttf"),
            Face::DevanagariRegular => font!("NotoSansDevanagari-Regular.ttf"),
            Face::DevanagariBold => font!("NotoSansDevanagari-Bold.ttf"),
            Face::GujaratiRegular => font!("NotoSansGujarati-Regular.ttf"),
            Face::GujaratiBold => font!("NotoSansGujarati-Bold.ttf"),
            Face::GurmukhiRegular => font!("NotoSansGurmukhi-Regular.ttf"),
            Face::GurmukhiBold => font!("NotoSansGurmukhi-Bold.ttf"),
            Face::TamilRegular => font!("NotoSansTamil-Regular.ttf"),
            Face::TamilBold => font!("NotoSansTamil-Bold.ttf"),
            Face::ArabicRegular => font!("NotoNaskhArabic-Regular.ttf"),
            Face::ArabicBold => font!("NotoNaskhArabic-Bold.ttf"),
            Face::Han | Face::HanBold => font!("NotoSansCJKsc-Regular-Han.otf"),
        }
    }

    /// The script this face was chosen for, if it is one of the Noto faces.
    pub fn script(self) -> Option<Script> {
        Some(match self {
            Face::BengaliRegular | Face::BengaliBold => Script::Bengali,
            Face::DevanagariRegular | Face::DevanagariBold => Script::Devanagari,
            Face::GujaratiRegular | Face::GujaratiBold => Script::Gujarati,
            Face::GurmukhiRegular | Face::GurmukhiBold => Script::Gurmukhi,
            Face::TamilRegular | Face::TamilBold => Script::Tamil,
            Face::ArabicRegular | Face::ArabicBold => Script::Arabic,
            Face::Han | Face::HanBold => Script::Han,
            _ => return None,
        })
    }

    /// Whether text in this face must be shaped (reordered, joined, ligated) before drawing.
    pub fn is_shaped(self) -> bool {
        self.script().is_some_and(|s| s != Script::Han)
    }

    /// Whether this face is a regular weight printed bold by outlining its glyphs.
    pub fn is_emboldened(self) -> bool {
        self == Face::HanBold
    }

    /// Whether text in this face reads right to left.
    pub fn is_rtl(self) -> bool {
        self.script() == Some(Script::Arabic)
    }

    /// The faces tried, in order, for a style.
    fn chain(style: Style) -> [Face; 2] {
        match style {
            Style::Regular => [Face::AtkinsonRegular, Face::DejaVuRegular],
            Style::Bold => [Face::AtkinsonBold, Face::DejaVuBold],
            // DejaVu's upright face is a calmer fallback than a second slanted family.
            Style::Italic => [Face::AtkinsonItalic, Face::DejaVuRegular],
        }
    }
}

/// Stands in for a character no embedded face can draw.
pub const REPLACEMENT: char = '\u{FFFD}';

/// A stretch of text drawn in one face, with its width in em (multiply by the type size).
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    pub face: Face,
    pub text: String,
    pub width_em: f32,
}

/// One face, parsed.
struct Loaded {
    face: TtfFace<'static>,
    /// Advances of printable ASCII, in em: most text never needs a cmap lookup.
    ascii: [f32; 128],
}

/// The faces, each parsed the first time a string needs it and shared by every render after
/// (parsing is the slow part; the data never changes).
pub struct FontBook {
    faces: [OnceLock<Loaded>; Face::ALL.len()],
}

/// The fonts of this process.
pub fn book() -> &'static FontBook {
    static BOOK: OnceLock<FontBook> = OnceLock::new();
    BOOK.get_or_init(FontBook::new)
}

impl FontBook {
    /// A book with no face parsed yet.
    fn new() -> FontBook {
        FontBook {
            faces: std::array::from_fn(|_| OnceLock::new()),
        }
    }

    fn loaded(&self, face: Face) -> &Loaded {
        self.faces[face.index()].get_or_init(|| {
            let parsed =
                TtfFace::parse(face.bytes(), 0).expect("the embedded fonts are valid OpenType");
            let mut ascii = [0.0f32; 128];
            for (code, slot) in ascii.iter_mut().enumerate().skip(32) {
                *slot = advance(&parsed, char::from(code as u8)).unwrap_or(0.0);
            }
            Loaded {
                face: parsed,
                ascii,
            }
        })
    }

    /// Whether `face` has been parsed by this book.
    #[cfg(test)]
    fn is_loaded(&self, face: Face) -> bool {
        self.faces[face.index()].get().is_some()
    }

    /// The parsed face, for glyph metrics.
    pub fn ttf(&self, face: Face) -> &TtfFace<'static> {
        &self.loaded(face).face
    }

    /// Whether `face` has a glyph for `c`. The joiners (ZWJ, ZWNJ) count as present: they
    /// draw nothing and only steer shaping.
    pub fn has(&self, face: Face, c: char) -> bool {
        if is_joiner(c) {
            return true;
        }
        let loaded = self.loaded(face);
        if (' '..='~').contains(&c) {
            return loaded.ascii[c as usize] > 0.0;
        }
        loaded.face.glyph_index(c).is_some_and(|g| g.0 != 0)
    }

    /// Width of one character in em (0 when the face lacks it).
    pub fn advance_em(&self, face: Face, c: char) -> f32 {
        let loaded = self.loaded(face);
        if (c as u32) < 128 {
            return loaded.ascii[c as usize];
        }
        advance(&loaded.face, c).unwrap_or(0.0)
    }

    /// Width of `text` drawn in `face`, in em: shaped for the scripts that need it.
    pub fn text_width_em(&self, face: Face, text: &str) -> f32 {
        if face.is_shaped() {
            shaping::shape(face, text).width_em
        } else {
            text.chars().map(|c| self.advance_em(face, c)).sum()
        }
    }

    /// Cuts `text` into runs, each in a face that can draw all of it. Spaces always go to
    /// the style's first face, so a space measures the same wherever it falls; a character
    /// of a script with a face of its own goes to that face first. An emoji no face has
    /// becomes its name in brackets; other characters no face has become [`REPLACEMENT`] and
    /// are added to `missing`.
    pub fn runs(&self, text: &str, style: Style, missing: &mut BTreeSet<char>) -> Vec<Run> {
        let chain = Face::chain(style);
        let mut runs: Vec<Run> = Vec::new();
        let mut push = |face: Face, piece: &str| match runs.last_mut() {
            Some(last) if last.face == face => last.text.push_str(piece),
            _ => runs.push(Run {
                face,
                text: piece.to_string(),
                width_em: 0.0,
            }),
        };
        let text = tidy(text);
        let mut pending_flag: Option<char> = None;
        for cluster in clusters(&text) {
            let first = cluster.chars().next().unwrap_or(' ');
            if let Some(letter) = regional_letter(first) {
                // Two regional indicators make a flag: printed as its country code.
                match pending_flag.take() {
                    Some(previous) => push(chain[0], &format!("[flag: {previous}{letter}]")),
                    None => pending_flag = Some(letter),
                }
                continue;
            }
            if let Some(letter) = pending_flag.take() {
                push(chain[0], &format!("[flag: {letter}]"));
            }
            let face = if cluster == " " {
                Some(chain[0])
            } else {
                Script::of(first)
                    .map(|s| s.face(style))
                    .into_iter()
                    .chain(chain)
                    .find(|&f| cluster.chars().all(|c| self.has(f, c)))
            };
            match face {
                Some(face) if face.is_shaped() => push(face, cluster),
                Some(face) => {
                    let plain: String = cluster.chars().filter(|&c| !is_joiner(c)).collect();
                    push(face, &plain);
                }
                None => {
                    let drawable: Vec<char> = cluster.chars().filter(|&c| !is_joiner(c)).collect();
                    if drawable.is_empty() {
                        continue;
                    }
                    if let Some(name) = emoji_name(drawable[0]) {
                        push(chain[0], &format!("[emoji: {name}]"));
                        continue;
                    }
                    missing.extend(
                        drawable
                            .iter()
                            .copied()
                            .filter(|&c| !chain.iter().any(|&f| self.has(f, c)) && !is_mark(c)),
                    );
                    push(chain[1], &REPLACEMENT.to_string());
                }
            }
        }
        if let Some(letter) = pending_flag {
            push(chain[0], &format!("[flag: {letter}]"));
        }
        for run in &mut runs {
            run.width_em = self.text_width_em(run.face, &run.text);
        }
        runs
    }

    /// Width of `text` in `style`, in em.
    pub fn width_em(&self, text: &str, style: Style, missing: &mut BTreeSet<char>) -> f32 {
        self.runs(text, style, missing)
            .iter()
            .map(|r| r.width_em)
            .sum()
    }
}

fn advance(face: &TtfFace<'_>, c: char) -> Option<f32> {
    let glyph = face.glyph_index(c)?;
    if glyph.0 == 0 {
        return None;
    }
    let units = face.glyph_hor_advance(glyph)?;
    Some(f32::from(units) / f32::from(face.units_per_em()))
}

/// Combining marks (accents typed as separate characters) must stay with their letter: a
/// letter in one font and its accent in another would not line up. The joiners stay with the
/// letter before them too.
fn is_mark(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F | 0x0483..=0x0489 | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF
        | 0x20D0..=0x20FF | 0xFE20..=0xFE2F | 0x200C | 0x200D)
}

/// Zero-width non-joiner and joiner: they choose between Indic and Arabic forms, and join
/// emoji into sequences.
fn is_joiner(c: char) -> bool {
    matches!(c, '\u{200C}' | '\u{200D}')
}

/// The letter a regional indicator symbol stands for (two of them make a flag).
fn regional_letter(c: char) -> Option<char> {
    let code = c as u32;
    (0x1F1E6..=0x1F1FF)
        .contains(&code)
        .then(|| char::from(b'A' + (code - 0x1F1E6) as u8))
}

/// The Unicode name, in lower case, of an emoji or symbol no embedded face draws.
fn emoji_name(c: char) -> Option<&'static str> {
    static NAMES: OnceLock<HashMap<u32, &'static str>> = OnceLock::new();
    NAMES
        .get_or_init(|| {
            include_str!("emoji_names.txt")
                .lines()
                .filter(|l| !l.starts_with('#'))
                .filter_map(|l| {
                    let (code, name) = l.split_once(' ')?;
                    Some((u32::from_str_radix(code, 16).ok()?, name))
                })
                .collect()
        })
        .get(&(c as u32))
        .copied()
}

/// Text as it is measured and drawn: composed form (so "e" + combining circumflex becomes
/// "ê"), tabs and other spacing as plain spaces, and control characters, zero-width spaces,
/// direction marks, variation selectors and skin-tone modifiers dropped, as they would draw
/// nothing (or a box). Plain printable ASCII, most of a passport, is already in that form
/// and is borrowed as it is.
fn tidy(text: &str) -> Cow<'_, str> {
    if text.bytes().all(|b| (0x20..0x7F).contains(&b)) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.nfc()
            .filter_map(|c| match c {
                '\t' | '\u{00A0}' | '\u{2007}' | '\u{202F}' => Some(' '),
                c if c.is_control() => None,
                '\u{200B}' | '\u{200E}' | '\u{200F}' | '\u{FEFF}' => None,
                '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => None,
                '\u{FE00}'..='\u{FE0F}' | '\u{1F3FB}'..='\u{1F3FF}' => None,
                c => Some(c),
            })
            .collect(),
    )
}

/// Splits tidied text into clusters of a base character and the marks that follow it.
fn clusters(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        let mut chars = rest.char_indices();
        chars.next()?;
        let end = chars
            .find(|&(_, c)| !is_mark(c))
            .map_or(rest.len(), |(i, _)| i);
        let (cluster, tail) = rest.split_at(end);
        rest = tail;
        Some(cluster)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn faces_of(text: &str, style: Style) -> Vec<(Face, String)> {
        let mut missing = BTreeSet::new();
        let runs = book().runs(text, style, &mut missing);
        assert!(missing.is_empty(), "{text}: missing {missing:?}");
        runs.into_iter().map(|r| (r.face, r.text)).collect()
    }

    #[test]
    fn latin_text_stays_in_atkinson() {
        assert_eq!(
            faces_of("Zoë Łukasiewicz", Style::Regular),
            vec![(Face::AtkinsonRegular, "Zoë Łukasiewicz".to_string())]
        );
    }

    #[test]
    fn vietnamese_falls_back_per_character() {
        let runs = faces_of("Nguyễn Thị Hoa", Style::Bold);
        let text: String = runs.iter().map(|(_, t)| t.as_str()).collect();
        assert_eq!(text, "Nguyễn Thị Hoa");
        assert!(
            runs.contains(&(Face::DejaVuBold, "ễ".to_string())),
            "{runs:?}"
        );
        assert!(
            runs.contains(&(Face::AtkinsonBold, "Nguy".to_string())),
            "{runs:?}"
        );
    }

    #[test]
    fn cyrillic_and_welsh_use_dejavu_but_spaces_stay_in_atkinson() {
        let runs = faces_of("Ахмед Петров", Style::Regular);
        assert_eq!(
            runs,
            vec![
                (Face::DejaVuRegular, "Ахмед".to_string()),
                (Face::AtkinsonRegular, " ".to_string()),
                (Face::DejaVuRegular, "Петров".to_string()),
            ]
        );
        let runs = faces_of("Gwŷr Dŵr", Style::Regular);
        assert!(
            runs.contains(&(Face::DejaVuRegular, "ŷ".to_string())),
            "{runs:?}"
        );
        assert!(
            runs.contains(&(Face::DejaVuRegular, "ŵ".to_string())),
            "{runs:?}"
        );
    }

    #[test]
    fn decomposed_accents_are_composed_before_choosing_a_face() {
        let runs = faces_of("Zoe\u{0308}", Style::Regular);
        assert_eq!(runs, vec![(Face::AtkinsonRegular, "Zoë".to_string())]);
    }

    #[test]
    fn characters_no_face_has_are_replaced_visibly_and_reported() {
        let mut missing = BTreeSet::new();
        // Ethiopic: no embedded face has it.
        let runs = book().runs("Likes ሀ music", Style::Regular, &mut missing);
        let text: String = runs.iter().map(|r| r.text.as_str()).collect();
        assert_eq!(text, "Likes \u{FFFD} music");
        assert_eq!(missing.into_iter().collect::<Vec<_>>(), vec!['ሀ']);
        assert!(book().has(Face::DejaVuRegular, REPLACEMENT));
    }

    #[test]
    fn an_emoji_prints_as_its_name_and_a_flag_as_its_country_code() {
        let mut missing = BTreeSet::new();
        let runs = book().runs("Likes 🦖 and 👋🏽 from 🇵🇱", Style::Regular, &mut missing);
        let text: String = runs.iter().map(|r| r.text.as_str()).collect();
        assert_eq!(
            text,
            "Likes [emoji: t-rex] and [emoji: waving hand sign] from [flag: PL]"
        );
        assert!(missing.is_empty(), "{missing:?}");
    }

    #[test]
    fn each_script_goes_to_the_noto_face_made_for_it() {
        for (text, style, face) in [
            ("বেগম", Style::Regular, Face::BengaliRegular),
            ("ਕੌਰ", Style::Bold, Face::GurmukhiBold),
            ("પટેલ", Style::Regular, Face::GujaratiRegular),
            ("शर्मा", Style::Italic, Face::DevanagariRegular),
            ("ராம்", Style::Bold, Face::TamilBold),
            ("عائشہ", Style::Regular, Face::ArabicRegular),
            ("陳美玲", Style::Bold, Face::HanBold),
            ("陳美玲", Style::Regular, Face::Han),
        ] {
            assert_eq!(
                faces_of(text, style),
                vec![(face, text.to_string())],
                "{text}"
            );
        }
    }

    #[test]
    fn greek_stays_with_atkinson_and_dejavu() {
        let runs = faces_of("Ελένη", Style::Regular);
        assert!(runs.iter().all(|(f, _)| f.script().is_none()), "{runs:?}");
    }

    #[test]
    fn latin_greek_and_cyrillic_text_never_parses_a_noto_face() {
        let fresh = FontBook::new();
        let mut missing = BTreeSet::new();
        for style in [Style::Regular, Style::Bold, Style::Italic] {
            fresh.runs(
                "Zoë Łukasiewicz, Ștefan, Nguyễn Thị Hoa, Gwŷn, Ελένη, Ахмед → ✓",
                style,
                &mut missing,
            );
        }
        assert!(missing.is_empty(), "{missing:?}");
        for face in Face::ALL.into_iter().filter(|f| f.script().is_some()) {
            assert!(!fresh.is_loaded(face), "{face:?} was parsed");
        }
        fresh.runs("王", Style::Regular, &mut missing);
        assert!(fresh.is_loaded(Face::Han));
    }

    #[test]
    fn a_shaped_word_measures_its_shaped_width() {
        let mut missing = BTreeSet::new();
        let runs = book().runs("ਹਰਪ੍ਰੀਤ", Style::Regular, &mut missing);
        let letter_by_letter: f32 = "ਹਰਪ੍ਰੀਤ"
            .chars()
            .map(|c| book().advance_em(Face::GurmukhiRegular, c))
            .sum();
        assert_eq!(runs.len(), 1);
        assert!(
            (runs[0].width_em - shaping::shape(Face::GurmukhiRegular, "ਹਰਪ੍ਰੀਤ").width_em).abs()
                < 1e-6
        );
        assert!(
            runs[0].width_em < letter_by_letter,
            "the conjunct is narrower"
        );
    }

    #[test]
    fn widths_add_up_from_the_advances() {
        let b = book();
        let mut missing = BTreeSet::new();
        let w = b.width_em("Hoist", Style::Regular, &mut missing);
        let sum: f32 = "Hoist"
            .chars()
            .map(|c| b.advance_em(Face::AtkinsonRegular, c))
            .sum();
        assert!((w - sum).abs() < 1e-6);
        assert!(w > 1.5 && w < 3.0, "{w}");
        assert!(
            b.width_em("Hoist", Style::Bold, &mut missing) > w,
            "bold is wider"
        );
    }
}
