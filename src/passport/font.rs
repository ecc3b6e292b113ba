//! The embedded typefaces, which character each one can draw, and how wide text is.
//!
//! Atkinson Hyperlegible (designed for low-vision readers) sets everything it can; DejaVu Sans
//! fills in what it lacks (Cyrillic, Vietnamese, Welsh ŵ and ŷ, arrows ...). printpdf draws a
//! character missing from a font as a blank box without a word, so every string is cut here
//! into runs that each name a face that really has the glyphs. A character neither face has is
//! replaced by U+FFFD (a visible "�") and reported to the caller, never dropped silently.
//!
//! Widths come from the faces' own advances (ttf-parser). printpdf applies no kerning when it
//! shows text, so the measured width is exactly the drawn width.

use std::borrow::Cow;
use std::collections::BTreeSet;
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
}

impl Face {
    pub const ALL: [Face; 5] = [
        Face::AtkinsonRegular,
        Face::AtkinsonBold,
        Face::AtkinsonItalic,
        Face::DejaVuRegular,
        Face::DejaVuBold,
    ];

    pub fn index(self) -> usize {
        self as usize
    }

    /// The font file, embedded at compile time (licences beside them in templates/fonts).
    pub fn bytes(self) -> &'static [u8] {
        match self {
            Face::AtkinsonRegular => {
                include_bytes!("../../templates/fonts/AtkinsonHyperlegible-Regular.ttf")
            }
            Face::AtkinsonBold => {
                include_bytes!("../../templates/fonts/AtkinsonHyperlegible-Bold.ttf")
            }
            Face::AtkinsonItalic => {
                include_bytes!("../../templates/fonts/AtkinsonHyperlegible-Italic.ttf")
            }
            Face::DejaVuRegular => include_bytes!("../../templates/fonts/DejaVuSans.ttf"),
            Face::DejaVuBold => include_bytes!("../../templates/fonts/DejaVuSans-Bold.ttf"),
        }
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

/// The parsed faces, shared by every render (parsing is the slow part; the data never changes).
pub struct FontBook {
    faces: Vec<TtfFace<'static>>,
    /// Advances of printable ASCII per face, in em: most text never needs a cmap lookup.
    ascii: Vec<[f32; 128]>,
}

/// The fonts, parsed once per process.
pub fn book() -> &'static FontBook {
    static BOOK: OnceLock<FontBook> = OnceLock::new();
    BOOK.get_or_init(FontBook::load)
}

impl FontBook {
    fn load() -> FontBook {
        let faces: Vec<TtfFace<'static>> = Face::ALL
            .iter()
            .map(|f| TtfFace::parse(f.bytes(), 0).expect("the embedded fonts are valid TrueType"))
            .collect();
        let ascii = faces
            .iter()
            .map(|face| {
                let mut table = [0.0f32; 128];
                for (code, slot) in table.iter_mut().enumerate().skip(32) {
                    *slot = advance(face, char::from(code as u8)).unwrap_or(0.0);
                }
                table
            })
            .collect();
        FontBook { faces, ascii }
    }

    fn face(&self, face: Face) -> &TtfFace<'static> {
        &self.faces[face.index()]
    }

    /// Whether `face` has a glyph for `c`.
    pub fn has(&self, face: Face, c: char) -> bool {
        if (' '..='~').contains(&c) {
            return self.ascii[face.index()][c as usize] > 0.0;
        }
        self.face(face).glyph_index(c).is_some_and(|g| g.0 != 0)
    }

    /// Width of one character in em (0 when the face lacks it).
    pub fn advance_em(&self, face: Face, c: char) -> f32 {
        if (c as u32) < 128 {
            return self.ascii[face.index()][c as usize];
        }
        advance(self.face(face), c).unwrap_or(0.0)
    }

    /// Cuts `text` into runs, each in a face that can draw all of it. Spaces always go to
    /// the style's first face, so a space measures the same wherever it falls. Characters no
    /// face has become [`REPLACEMENT`] and are added to `missing`.
    pub fn runs(&self, text: &str, style: Style, missing: &mut BTreeSet<char>) -> Vec<Run> {
        let chain = Face::chain(style);
        let mut runs: Vec<Run> = Vec::new();
        let mut push = |face: Face, piece: &str, width: f32| match runs.last_mut() {
            Some(last) if last.face == face => {
                last.text.push_str(piece);
                last.width_em += width;
            }
            _ => runs.push(Run {
                face,
                text: piece.to_string(),
                width_em: width,
            }),
        };
        let text = tidy(text);
        for cluster in clusters(&text) {
            let face = if cluster == " " {
                Some(chain[0])
            } else {
                chain
                    .iter()
                    .copied()
                    .find(|&f| cluster.chars().all(|c| self.has(f, c)))
            };
            match face {
                Some(face) => {
                    let width = cluster.chars().map(|c| self.advance_em(face, c)).sum();
                    push(face, cluster, width);
                }
                None => {
                    missing.extend(
                        cluster
                            .chars()
                            .filter(|&c| !chain.iter().any(|&f| self.has(f, c)) && !is_mark(c)),
                    );
                    let face = chain[1];
                    let mut s = String::new();
                    s.push(REPLACEMENT);
                    push(face, &s, self.advance_em(face, REPLACEMENT));
                }
            }
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
/// letter in one font and its accent in another would not line up.
fn is_mark(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F | 0x0483..=0x0489 | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF
        | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// Text as it is measured and drawn: composed form (so "e" + combining circumflex becomes
/// "ê"), tabs and other spacing as plain spaces, and control characters and zero-width
/// characters dropped, as they would draw nothing (or a box). Plain printable ASCII, most of
/// a passport, is already in that form and is borrowed as it is.
fn tidy(text: &str) -> Cow<'_, str> {
    if text.bytes().all(|b| (0x20..0x7F).contains(&b)) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.nfc()
            .filter_map(|c| match c {
                '\t' | '\u{00A0}' | '\u{2007}' | '\u{202F}' => Some(' '),
                c if c.is_control() => None,
                '\u{200B}'..='\u{200F}' | '\u{FEFF}' => None,
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
        let runs = book().runs("Likes 🦖 music", Style::Regular, &mut missing);
        let text: String = runs.iter().map(|r| r.text.as_str()).collect();
        assert_eq!(text, "Likes \u{FFFD} music");
        assert_eq!(missing.into_iter().collect::<Vec<_>>(), vec!['🦖']);
        assert!(book().has(Face::DejaVuRegular, REPLACEMENT));
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
