//! The "Read this first" boxes: one per colour, a band in the colour carrying a marker, the
//! heading and the colour's name, over a tinted panel listing the statements.
//!
//! Nothing here relies on colour alone, for readers who cannot tell red from green and for
//! copies from a black-and-white printer: each band says its colour in words ("Red") and its
//! heading ("Things that must never happen"), and each has its own marker shape (an octagon
//! with ✗, a triangle with !, a circle with ✓).

use super::content::Statements;
use super::flow::Chunk;
use super::font::{Face, Style};
use super::layout::{Builder, WHITE, lines_at, tint};
use super::page::Element;
use super::paragraph::Span;
use super::template::{Colour, Palette};
use crate::model::StatementColour;

/// The marker's shape.
#[derive(Clone, Copy)]
enum Shape {
    Octagon,
    Triangle,
    Circle,
}

impl Builder<'_> {
    /// One colour's box, as one chunk: it never splits across pages. The model allows at most
    /// three statements of 200 characters, which even in large print on an A5 page fills
    /// well under a page (a test in `proof` prints the largest box there is).
    pub fn statements(&mut self, s: &Statements) {
        let m = self.m.clone();
        let tone = band_colour(self.palette, s.colour);
        // (words in the band, marker, marker's fill, mark, mark's colour)
        let (ink, shape, marker_fill, glyph, glyph_colour) = match s.colour {
            StatementColour::Red => (WHITE, Shape::Octagon, WHITE, "✗", tone),
            // Amber is too light for white: the band's words and the marker are dark.
            StatementColour::Amber => (
                self.palette.text,
                Shape::Triangle,
                self.palette.text,
                "!",
                tone,
            ),
            StatementColour::Green => (WHITE, Shape::Circle, WHITE, "✓", tone),
        };
        let pad = m.body * 0.75;
        let marker = m.h2 * 1.5;
        let heading_size = m.h2;
        let name = colour_name(&self.words, s.colour);
        let name_w = self.width_of(&name, Style::Bold, m.body);
        let heading_x = m.margin + pad + marker + pad;
        let heading_w = m.margin + m.content_w - pad - name_w - pad - heading_x;
        let heading = self.wrap(&[Span::bold(&s.heading)], heading_size, heading_w);
        let heading_h = heading.len() as f32 * m.line_for(heading_size);
        let band_h = pad * 0.7 + heading_h.max(marker) + pad * 0.7;

        let bullet_w = m.body * 1.1;
        let text_x = m.margin + pad + bullet_w;
        let text_w = m.content_w - 2.0 * pad - bullet_w;
        let mut list = Vec::new();
        let mut y = band_h + pad * 0.8;
        for (i, item) in s.items.iter().enumerate() {
            if i > 0 {
                y += m.gap * 0.6;
            }
            let lines = self.wrap(&[Span::regular(item)], m.body, text_w);
            list.push(self.mark(
                "•",
                m.margin + pad,
                y + m.baseline(m.body),
                m.body,
                self.palette.text,
            ));
            list.extend(lines_at(&m, &lines, text_x, y, m.body, self.palette.text));
            y += lines.len().max(1) as f32 * m.line;
        }
        let h = y + pad * 0.9;

        let mut el = vec![
            // The panel, outlined in the colour (a heavier line for red, as notices have).
            Element::Rect {
                x: m.margin,
                y: 0.0,
                w: m.content_w,
                h,
                radius: 4.0,
                fill: Some(tint(tone, 0.1)),
                stroke: Some((
                    tone,
                    if s.colour == StatementColour::Red {
                        2.0
                    } else {
                        1.5
                    },
                )),
            },
            // The band: rounded at the top like the panel, square where it meets the list.
            Element::Rect {
                x: m.margin,
                y: 0.0,
                w: m.content_w,
                h: band_h,
                radius: 4.0,
                fill: Some(tone),
                stroke: None,
            },
            Element::Rect {
                x: m.margin,
                y: band_h / 2.0,
                w: m.content_w,
                h: band_h / 2.0,
                radius: 0.0,
                fill: Some(tone),
                stroke: None,
            },
        ];
        let (mx, my) = (m.margin + pad, (band_h - marker) / 2.0);
        el.push(marker_shape(shape, mx, my, marker, marker_fill));
        let glyph_size = marker * 0.62;
        let glyph_w = self.width_of(glyph, Style::Bold, glyph_size);
        // A triangle's middle sits low; its mark goes lower than the others'.
        let glyph_drop = match shape {
            Shape::Triangle => marker * 0.12,
            _ => 0.0,
        };
        el.push(self.mark(
            glyph,
            mx + (marker - glyph_w) / 2.0,
            my + marker / 2.0 + glyph_size * 0.36 + glyph_drop,
            glyph_size,
            glyph_colour,
        ));
        // The colour's name first, so the box reads "RED Things that must never happen" to a
        // screen reader or a copy-and-paste, though it is printed at the band's right end.
        let name_lines = self.wrap(&[Span::bold(name)], m.body, name_w + 1.0);
        el.extend(lines_at(
            &m,
            &name_lines,
            m.margin + m.content_w - pad - name_w,
            (band_h - m.line) / 2.0,
            m.body,
            ink,
        ));
        el.extend(lines_at(
            &m,
            &heading,
            heading_x,
            (band_h - heading_h) / 2.0,
            heading_size,
            ink,
        ));
        el.extend(list);
        self.chunks.push(Chunk::new(h, el).space(m.gap * 1.4));
    }
}

impl Builder<'_> {
    /// A single mark (a bullet, ✓) in bold, in whichever face has it.
    fn mark(&mut self, text: &str, x: f32, baseline: f32, size: f32, colour: Colour) -> Element {
        let runs = self.book.runs(text, Style::Bold, &mut self.missing);
        Element::Text {
            x,
            y: baseline,
            size,
            face: runs.first().map_or(Face::AtkinsonBold, |r| r.face),
            colour,
            text: text.into(),
        }
    }
}

/// The colour of a box's band and outline: the template's danger, caution and success
/// colours, so a trust's palette applies here too.
pub fn band_colour(palette: &Palette, colour: StatementColour) -> Colour {
    match colour {
        StatementColour::Red => palette.danger,
        StatementColour::Amber => palette.caution,
        StatementColour::Green => palette.success,
    }
}

/// The colour's name, printed in its band for copies without colour.
fn colour_name(w: &super::words::Words, colour: StatementColour) -> String {
    w.choice("colour_name", colour.code())
}

/// A marker of `side` points with its top-left corner at (`x`, `y`).
fn marker_shape(shape: Shape, x: f32, y: f32, side: f32, fill: Colour) -> Element {
    match shape {
        Shape::Circle => Element::Rect {
            x,
            y,
            w: side,
            h: side,
            radius: side / 2.0,
            fill: Some(fill),
            stroke: None,
        },
        Shape::Triangle => Element::Polygon {
            points: vec![
                (x + side / 2.0, y),
                (x + side, y + side * 0.92),
                (x, y + side * 0.92),
            ],
            fill,
        },
        Shape::Octagon => {
            // Corners cut at 29% of the side: a regular octagon.
            let c = side * 0.293;
            Element::Polygon {
                points: vec![
                    (x + c, y),
                    (x + side - c, y),
                    (x + side, y + c),
                    (x + side, y + side - c),
                    (x + side - c, y + side),
                    (x + c, y + side),
                    (x, y + side - c),
                    (x, y + c),
                ],
                fill,
            }
        }
    }
}
