//! Word wrapping: styled text in, lines of positioned font runs out, none wider than asked.
//!
//! Greedy filling is the right choice for a passport: ragged-right lines read best for people
//! with low vision or dyslexia, and a word never moves once placed. A word longer than the
//! line (a long reference number) is broken between characters rather than left to cross
//! the margin.

use super::font::{Face, FontBook, Run, Style};
use serde::Serialize;
use std::collections::BTreeSet;

/// A piece of text in one style. Line breaks (`\n`) in the text are kept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Span {
    pub text: String,
    pub style: Style,
}

impl Span {
    pub fn regular(text: impl Into<String>) -> Span {
        Span {
            text: text.into(),
            style: Style::Regular,
        }
    }

    pub fn bold(text: impl Into<String>) -> Span {
        Span {
            text: text.into(),
            style: Style::Bold,
        }
    }

    pub fn italic(text: impl Into<String>) -> Span {
        Span {
            text: text.into(),
            style: Style::Italic,
        }
    }
}

/// Text drawn in one face starting `x` points from the line's left edge.
#[derive(Debug, Clone, PartialEq)]
pub struct PlacedRun {
    pub face: Face,
    pub text: String,
    pub x: f32,
}

/// One wrapped line.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Line {
    pub runs: Vec<PlacedRun>,
    /// Width of the drawn text in points.
    pub width: f32,
}

impl Line {
    /// The line's text, for tests.
    #[cfg(test)]
    pub fn text(&self) -> String {
        self.runs.iter().map(|r| r.text.as_str()).collect()
    }
}

enum Token {
    Word(Vec<Run>),
    Space(Run),
    Break,
}

/// Wraps `spans` at `size` points into lines at most `max_width` points wide.
pub fn wrap(
    book: &FontBook,
    spans: &[Span],
    size: f32,
    max_width: f32,
    missing: &mut BTreeSet<char>,
) -> Vec<Line> {
    let max_em = (max_width / size).max(0.5);
    let mut lines = Vec::new();
    let mut current: Vec<Run> = Vec::new();
    let mut width = 0.0f32;
    let mut pending_space: Option<Run> = None;

    for token in tokens(book, spans, missing) {
        match token {
            Token::Break => {
                lines.push(finish(std::mem::take(&mut current), size));
                width = 0.0;
                pending_space = None;
            }
            Token::Space(run) => {
                if !current.is_empty() {
                    pending_space = Some(run);
                }
            }
            Token::Word(word) => {
                let word_w: f32 = word.iter().map(|r| r.width_em).sum();
                let space_w = pending_space.as_ref().map_or(0.0, |s| s.width_em);
                if !current.is_empty() && width + space_w + word_w <= max_em {
                    current.extend(pending_space.take());
                    current.extend(word);
                    width += space_w + word_w;
                    continue;
                }
                if !current.is_empty() {
                    lines.push(finish(std::mem::take(&mut current), size));
                }
                pending_space = None;
                let mut pieces = split_word(book, word, max_em);
                let last = pieces.pop().unwrap_or_default();
                for piece in pieces {
                    lines.push(finish(piece, size));
                }
                width = last.iter().map(|r| r.width_em).sum();
                current = last;
            }
        }
    }
    if !current.is_empty() {
        lines.push(finish(current, size));
    }
    lines
}

fn tokens(book: &FontBook, spans: &[Span], missing: &mut BTreeSet<char>) -> Vec<Token> {
    let mut out = Vec::new();
    let mut word: Vec<Run> = Vec::new();
    for span in spans {
        let mut piece = String::new();
        let flush = |piece: &mut String, word: &mut Vec<Run>, missing: &mut BTreeSet<char>| {
            if !piece.is_empty() {
                word.extend(book.runs(piece, span.style, missing));
                piece.clear();
            }
        };
        for c in span.text.chars() {
            if c == '\n' || c == ' ' || c == '\t' || c == '\r' {
                flush(&mut piece, &mut word, missing);
                if !word.is_empty() {
                    out.push(Token::Word(std::mem::take(&mut word)));
                }
                match c {
                    '\n' => out.push(Token::Break),
                    '\r' => {}
                    _ => {
                        // A space after a slash ("Offer / Equipment") is drawn: it replaces
                        // the undrawn break the slash left.
                        if matches!(out.last(), Some(Token::Space(r)) if r.text.is_empty()) {
                            out.pop();
                        }
                        if !matches!(out.last(), Some(Token::Space(_))) {
                            let space = book.runs(" ", span.style, missing);
                            out.extend(space.into_iter().map(Token::Space));
                        }
                    }
                }
            } else {
                piece.push(c);
                // An email address or web address may break after its @ or a slash rather
                // than mid-name, like a space that is not drawn.
                if matches!(c, '@' | '/') {
                    flush(&mut piece, &mut word, missing);
                    if !word.is_empty() {
                        out.push(Token::Word(std::mem::take(&mut word)));
                    }
                    out.push(Token::Space(Run {
                        face: Face::AtkinsonRegular,
                        text: String::new(),
                        width_em: 0.0,
                    }));
                }
            }
        }
        flush(&mut piece, &mut word, missing);
    }
    if !word.is_empty() {
        out.push(Token::Word(word));
    }
    out
}

/// Breaks one word into pieces no wider than `max_em`, between characters.
fn split_word(book: &FontBook, word: Vec<Run>, max_em: f32) -> Vec<Vec<Run>> {
    let total: f32 = word.iter().map(|r| r.width_em).sum();
    if total <= max_em {
        return vec![word];
    }
    let mut pieces: Vec<Vec<Run>> = vec![Vec::new()];
    let mut width = 0.0;
    let mut previous = ' ';
    for run in word {
        for c in run.text.chars() {
            let w = book.advance_em(run.face, c);
            let piece = pieces.last_mut().expect("never empty");
            if width + w > max_em && !piece.is_empty() && may_break_between(previous, c) {
                pieces.push(Vec::new());
                width = 0.0;
            }
            let piece = pieces.last_mut().expect("never empty");
            match piece.last_mut() {
                Some(last) if last.face == run.face => {
                    last.text.push(c);
                    last.width_em += w;
                }
                _ => piece.push(Run {
                    face: run.face,
                    text: c.to_string(),
                    width_em: w,
                }),
            }
            width += w;
            previous = c;
        }
    }
    // Shaped text is measured as a whole, not letter by letter.
    for run in pieces.iter_mut().flatten() {
        run.width_em = book.text_width_em(run.face, &run.text);
    }
    pieces
}

/// Whether a word too long for its line may be broken between `before` and `after`: never
/// inside a letter's cluster (before a vowel sign or other combining mark, or a joiner) nor
/// inside a conjunct (after an Indic virama), which would print a dotted circle.
fn may_break_between(before: char, after: char) -> bool {
    let virama = matches!(
        before,
        '\u{094D}' | '\u{09CD}' | '\u{0A4D}' | '\u{0ACD}' | '\u{0BCD}'
    );
    !virama
        && !unicode_normalization::char::is_combining_mark(after)
        && !matches!(after, '\u{200C}' | '\u{200D}')
}

/// Puts runs in the order they are drawn, left to right: a stretch of right-to-left runs
/// (Arabic, Urdu), with the spaces and punctuation between them, is turned round, so "عائشہ
/// خان" shows خان on the left. Each right-to-left run draws its own letters right to left.
fn visual_order(mut runs: Vec<Run>) -> Vec<Run> {
    let neutral = |r: &Run| {
        r.text
            .chars()
            .all(|c| c.is_whitespace() || c.is_ascii_punctuation())
    };
    let mut i = 0;
    while i < runs.len() {
        if !runs[i].face.is_rtl() {
            i += 1;
            continue;
        }
        let mut end = i;
        for (j, run) in runs.iter().enumerate().skip(i + 1) {
            if run.face.is_rtl() {
                end = j;
            } else if !neutral(run) {
                break;
            }
        }
        runs[i..=end].reverse();
        i = end + 1;
    }
    runs
}

/// Merges neighbouring runs in the same face and gives each its x position.
fn finish(runs: Vec<Run>, size: f32) -> Line {
    let runs = if runs.iter().any(|r| r.face.is_rtl()) {
        visual_order(runs)
    } else {
        runs
    };
    let mut line = Line::default();
    let mut x_em = 0.0f32;
    let mut merged: Vec<(Face, String, f32)> = Vec::new();
    for run in runs {
        match merged.last_mut() {
            // Shaped runs stay apart: each was measured as shaped on its own.
            Some((face, text, _)) if *face == run.face && !face.is_shaped() => {
                text.push_str(&run.text)
            }
            _ => merged.push((run.face, run.text.clone(), x_em)),
        }
        x_em += run.width_em;
    }
    line.width = x_em * size;
    line.runs = merged
        .into_iter()
        .map(|(face, text, x)| PlacedRun {
            face,
            text,
            x: x * size,
        })
        .collect();
    line
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::passport::font::book;

    fn lines_of(text: &str, size: f32, width: f32) -> Vec<Line> {
        let mut missing = BTreeSet::new();
        wrap(book(), &[Span::regular(text)], size, width, &mut missing)
    }

    #[test]
    fn short_text_is_one_line() {
        let lines = lines_of("Check the brakes", 12.0, 400.0);
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0].text(), "Check the brakes");
    }

    #[test]
    fn long_text_wraps_within_the_width_and_keeps_every_word() {
        let text = "Check the straps for fraying, the buckles for cracks and the seat for \
                    tears before every use. If anything is wrong, do not use it.";
        let lines = lines_of(text, 12.0, 150.0);
        assert!(lines.len() >= 4, "{}", lines.len());
        for line in &lines {
            assert!(
                line.width <= 150.0 + 0.01,
                "{} is {}",
                line.text(),
                line.width
            );
            assert!(!line.text().starts_with(' ') && !line.text().ends_with(' '));
        }
        let joined: Vec<String> = lines.iter().map(|l| l.text()).collect();
        assert_eq!(
            joined.join(" "),
            text.split_whitespace().collect::<Vec<_>>().join(" ")
        );
    }

    #[test]
    fn line_breaks_are_kept_and_blank_lines_survive() {
        let lines = lines_of("First\n\nThird", 12.0, 400.0);
        let texts: Vec<String> = lines.iter().map(|l| l.text()).collect();
        assert_eq!(texts, vec!["First", "", "Third"]);
    }

    #[test]
    fn a_word_longer_than_the_line_is_broken_between_characters() {
        let lines = lines_of("Ref ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 12.0, 60.0);
        assert!(lines.len() > 2);
        for line in &lines {
            assert!(line.width <= 60.0 + 0.01, "{}", line.text());
        }
        let joined: String = lines.iter().map(|l| l.text()).collect();
        assert_eq!(joined, "RefABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");
    }

    #[test]
    fn an_email_address_breaks_after_the_at_sign() {
        let lines = lines_of("Email hoa.family@example.com today", 12.0, 110.0);
        let texts: Vec<String> = lines.iter().map(|l| l.text()).collect();
        assert!(
            texts.contains(&"example.com today".to_string())
                || texts.contains(&"example.com".to_string()),
            "{texts:?}"
        );
        assert!(
            texts.iter().any(|t| t.ends_with("hoa.family@")),
            "{texts:?}"
        );
    }

    #[test]
    fn styles_mix_on_one_line_with_runs_in_order() {
        let mut missing = BTreeSet::new();
        let lines = wrap(
            book(),
            &[Span::bold("Alerts:"), Span::regular(" has a VP shunt")],
            12.0,
            400.0,
            &mut missing,
        );
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0].runs[0].face, Face::AtkinsonBold);
        assert_eq!(lines[0].text(), "Alerts: has a VP shunt");
        let xs: Vec<f32> = lines[0].runs.iter().map(|r| r.x).collect();
        assert!(xs.windows(2).all(|w| w[0] < w[1]), "{xs:?}");
    }

    #[test]
    fn a_long_indic_word_is_never_broken_inside_a_letter_or_a_conjunct() {
        let word = "प्रियाप्रियाप्रियाप्रियाप्रियाप्रियाप्रियाप्रियाप्रिया";
        let lines = lines_of(word, 12.0, 40.0);
        assert!(lines.len() > 2, "{}", lines.len());
        for pair in lines.windows(2) {
            let end = pair[0].text().chars().last().unwrap();
            let start = pair[1].text().chars().next().unwrap();
            assert!(may_break_between(end, start), "{end:?} | {start:?}");
        }
        let joined: String = lines.iter().map(|l| l.text()).collect();
        assert_eq!(joined, word);
    }

    #[test]
    fn right_to_left_words_are_laid_out_right_to_left_among_latin_ones() {
        let lines = lines_of("Name: عائشہ خان (Urdu)", 12.0, 400.0);
        assert_eq!(lines.len(), 1);
        let texts: Vec<&str> = lines[0].runs.iter().map(|r| r.text.as_str()).collect();
        let first = texts.iter().position(|t| *t == "خان").unwrap();
        let second = texts.iter().position(|t| *t == "عائشہ").unwrap();
        assert!(first < second, "{texts:?}");
        assert!(texts[0].starts_with("Name:"), "{texts:?}");
        assert!(texts.last().unwrap().ends_with("(Urdu)"), "{texts:?}");
        let xs: Vec<f32> = lines[0].runs.iter().map(|r| r.x).collect();
        assert!(xs.windows(2).all(|w| w[0] < w[1]), "{xs:?}");
    }

    #[test]
    fn names_in_several_scripts_wrap_and_measure() {
        let mut missing = BTreeSet::new();
        let lines = wrap(
            book(),
            &[Span::regular(
                "Zoë Łukasiewicz, Nguyễn Thị Hoa and Ахмед Петров",
            )],
            12.0,
            120.0,
            &mut missing,
        );
        assert!(missing.is_empty());
        assert!(lines.len() >= 2);
        let all: String = lines.iter().map(|l| l.text()).collect::<Vec<_>>().join(" ");
        assert_eq!(all, "Zoë Łukasiewicz, Nguyễn Thị Hoa and Ахмед Петров");
    }
}
