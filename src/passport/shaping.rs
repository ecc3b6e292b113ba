//! OpenType shaping for the scripts whose letters change with their neighbours: Bengali,
//! Devanagari, Gujarati, Gurmukhi and Tamil (conjuncts, reph, vowel signs drawn before the
//! consonant they follow in the text) and Arabic and Urdu (joined forms, right to left).
//!
//! allsorts (already in the build through printpdf) does the shaping: its Indic and Arabic
//! shapers apply the fonts' GSUB and GPOS tables. What comes out is a list of glyphs in the
//! order they are drawn, left to right, each with its advance and offset and the text it
//! stands for, so a PDF reader can give back the name as it was written.
//!
//! A word is shaped once per process and remembered: layout measures it and the PDF writer
//! draws it, and both must see the same glyphs.

use super::font::{Face, Script};
use allsorts::binary::read::ReadScope;
use allsorts::font::MatchingPresentation;
use allsorts::font_data::{DynamicFontTableProvider, FontData};
use allsorts::glyph_position::{GlyphLayout, TextDirection};
use allsorts::gsub::{FeatureMask, FeatureMaskExt};
use allsorts::tag;
use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

/// One glyph as drawn. Lengths are in em.
#[derive(Debug, Clone, PartialEq)]
pub struct Glyph {
    /// The glyph's id in the font file.
    pub id: u16,
    /// How far the pen moves after drawing it.
    pub advance: f32,
    /// Where it sits relative to the pen (marks placed on their base letter).
    pub dx: f32,
    pub dy: f32,
    /// The characters it draws, in the order they were typed (several for a conjunct or a
    /// ligature; empty for a glyph that only completes another, such as the second part of a
    /// split vowel sign).
    pub text: String,
}

/// A shaped word or phrase.
#[derive(Debug, Clone, PartialEq)]
pub struct Shaped {
    /// Left to right, as drawn (an Arabic word's last letter comes first).
    pub glyphs: Vec<Glyph>,
    pub width_em: f32,
}

type ShaperFont = allsorts::Font<DynamicFontTableProvider<'static>>;

/// Words already shaped, by face and text.
type ShapedWords = Mutex<HashMap<(Face, String), Arc<Shaped>>>;

thread_local! {
    /// allsorts keeps its lookup caches in the font and needs it mutably, so each thread has
    /// its own; a face is parsed here only when text in its script is shaped.
    static SHAPERS: RefCell<HashMap<Face, ShaperFont>> = RefCell::new(HashMap::new());
}

/// `text` shaped in `face` (one of the faces for which [`Face::is_shaped`] holds).
pub fn shape(face: Face, text: &str) -> Arc<Shaped> {
    static CACHE: OnceLock<ShapedWords> = OnceLock::new();
    let cache = CACHE.get_or_init(Default::default);
    let key = (face, text.to_string());
    if let Some(done) = cache.lock().unwrap_or_else(|e| e.into_inner()).get(&key) {
        return done.clone();
    }
    let shaped = Arc::new(shape_uncached(face, text));
    cache
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .insert(key, shaped.clone());
    shaped
}

fn script_tag(face: Face) -> u32 {
    match face.script() {
        Some(Script::Bengali) => tag::BENG,
        Some(Script::Devanagari) => tag::DEVA,
        Some(Script::Gujarati) => tag::GUJR,
        Some(Script::Gurmukhi) => tag::GURU,
        Some(Script::Tamil) => tag::TAML,
        Some(Script::Arabic) => tag::ARAB,
        Some(Script::Han) | None => tag::LATN,
    }
}

fn shape_uncached(face: Face, text: &str) -> Shaped {
    SHAPERS.with(|shapers| {
        let mut shapers = shapers.borrow_mut();
        let font = shapers.entry(face).or_insert_with(|| {
            let data = ReadScope::new(face.bytes())
                .read::<FontData<'static>>()
                .expect("the embedded fonts are valid OpenType");
            let provider = data
                .table_provider(0)
                .expect("the embedded fonts have one face");
            allsorts::Font::new(provider).expect("the embedded fonts have a Unicode cmap")
        });
        let script = script_tag(face);
        let raw = font.map_glyphs(text, script, MatchingPresentation::NotRequired);
        // A shaping error still returns what could be applied: better drawn a little
        // plainer than not at all.
        let infos = match font.shape(
            raw,
            script,
            None,
            FeatureMask::default_mask(),
            &[],
            None,
            true,
        ) {
            Ok(infos) => infos,
            Err((_, infos)) => infos,
        };
        let rtl = face.is_rtl();
        let direction = if rtl {
            TextDirection::RightToLeft
        } else {
            TextDirection::LeftToRight
        };
        let positions = GlyphLayout::new(font, &infos, direction, false)
            .glyph_positions()
            .unwrap_or_default();
        let units = f32::from(super::font::book().ttf(face).units_per_em());
        let texts = glyph_texts(&infos);
        let mut glyphs: Vec<Glyph> = infos
            .iter()
            .zip(positions.iter())
            .zip(texts)
            .map(|((info, pos), text)| Glyph {
                id: info.glyph.glyph_index,
                advance: pos.hori_advance as f32 / units,
                dx: pos.x_offset as f32 / units,
                dy: pos.y_offset as f32 / units,
                text,
            })
            .collect();
        if rtl {
            glyphs.reverse();
        }
        let width_em = glyphs.iter().map(|g| g.advance).sum();
        Shaped { glyphs, width_em }
    })
}

/// The text each glyph stands for: the characters it was made from, in typed order (several
/// for a conjunct or a ligature; a vowel sign moved before its consonant keeps only itself).
fn glyph_texts(infos: &[allsorts::gpos::Info]) -> Vec<String> {
    infos
        .iter()
        .map(|info| info.glyph.unicodes.iter().collect())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::passport::font::book;

    fn glyph_texts_of(face: Face, text: &str) -> Vec<String> {
        shape(face, text)
            .glyphs
            .iter()
            .map(|g| g.text.clone())
            .collect()
    }

    #[test]
    fn a_bengali_vowel_sign_e_is_drawn_before_its_consonant() {
        // বে is ব then the vowel sign ে in the text; on paper ে stands to the left of ব.
        let texts = glyph_texts_of(Face::BengaliRegular, "বেগম");
        let sign = texts.iter().position(|t| t.contains('ে')).expect("ে drawn");
        let consonant = texts.iter().position(|t| t.contains('ব')).expect("ব drawn");
        assert!(sign < consonant, "{texts:?}");
    }

    #[test]
    fn a_devanagari_short_i_is_drawn_before_its_consonant() {
        let texts = glyph_texts_of(Face::DevanagariRegular, "प्रिया");
        let sign = texts.iter().position(|t| t.contains('ि')).expect("ि drawn");
        let consonant = texts.iter().position(|t| t.contains('प')).expect("प drawn");
        assert!(sign < consonant, "{texts:?}");
    }

    #[test]
    fn a_conjunct_is_fewer_glyphs_than_characters_and_keeps_them_all() {
        // ਪ੍ਰ (pa, virama, ra): the ra is written below the pa, not as a letter of its own.
        let shaped = shape(Face::GurmukhiRegular, "ਹਰਪ੍ਰੀਤ");
        assert!(shaped.glyphs.len() < "ਹਰਪ੍ਰੀਤ".chars().count());
        let all: String = shaped.glyphs.iter().map(|g| g.text.as_str()).collect();
        let mut got: Vec<char> = all.chars().collect();
        let mut want: Vec<char> = "ਹਰਪ੍ਰੀਤ".chars().collect();
        got.sort_unstable();
        want.sort_unstable();
        assert_eq!(got, want);
    }

    #[test]
    fn arabic_is_joined_and_laid_right_to_left() {
        let shaped = shape(Face::ArabicRegular, "خان");
        // Drawn left to right: ن (last letter) first, خ last.
        assert!(shaped.glyphs.first().unwrap().text.contains('ن'));
        assert!(shaped.glyphs.last().unwrap().text.contains('خ'));
        // Joined forms are other glyphs than the letters' standalone ones.
        let ttf = book().ttf(Face::ArabicRegular);
        let isolated = ttf.glyph_index('خ').unwrap().0;
        assert_ne!(shaped.glyphs.last().unwrap().id, isolated);
    }

    #[test]
    fn the_shaped_width_is_the_sum_of_the_advances() {
        let shaped = shape(Face::TamilRegular, "ஸ்ரீ ராம்");
        let sum: f32 = shaped.glyphs.iter().map(|g| g.advance).sum();
        assert!((shaped.width_em - sum).abs() < 1e-6);
        assert!(shaped.width_em > 1.0, "{}", shaped.width_em);
    }
}
