//! Warning boxes: a tinted panel with a triangle icon, a bold title and the text, red for
//! what must stop use (overdue, not safe) and amber for what needs attention soon.

use super::content::{Notice, Tone};
use super::flow::{Chunk, line_groups};
use super::font::{Face, Style};
use super::layout::{Builder, WHITE, lines_at, tint};
use super::page::Element;
use super::paragraph::Span;

impl Builder<'_> {
    pub fn notice(&mut self, notice: &Notice) {
        let m = self.m.clone();
        let (tone, border_w, fill) = match notice.tone {
            Tone::Danger => (self.palette.danger, 2.0, tint(self.palette.danger, 0.09)),
            Tone::Stop => (self.palette.danger, 3.5, tint(self.palette.danger, 0.12)),
            Tone::Caution => (self.palette.caution, 1.5, tint(self.palette.caution, 0.16)),
        };
        let pad = m.body * 0.75;
        let loud = notice.tone == Tone::Stop;
        let icon = m.body * if loud { 3.6 } else { 2.0 };
        let text_x = m.margin + pad + icon + pad;
        let text_w = m.content_w - (text_x - m.margin) - pad;
        let title_size = m.body * if loud { 2.4 } else { 1.08 };
        let title_colour = match notice.tone {
            Tone::Danger | Tone::Stop => self.palette.danger,
            Tone::Caution => self.palette.text,
        };
        let title = self.wrap(&[Span::bold(&notice.title)], title_size, text_w);
        let body = self.wrap(&[Span::regular(&notice.text)], m.body, text_w);
        let title_h = title.len() as f32 * m.line_for(title_size);
        let groups = line_groups(body.len(), m.line, m.usable() * 0.9 - title_h - 2.0 * pad);
        for (g, range) in groups.into_iter().enumerate() {
            let head = if g == 0 { title_h } else { 0.0 };
            let h = pad + head + range.len() as f32 * m.line + pad;
            let mut el = vec![Element::Rect {
                x: m.margin,
                y: 0.0,
                w: m.content_w,
                h,
                radius: 4.0,
                fill: Some(fill),
                stroke: Some((tone, border_w)),
            }];
            if g == 0 {
                let (ix, iy) = (m.margin + pad, pad);
                el.push(Element::Polygon {
                    points: vec![
                        (ix + icon / 2.0, iy),
                        (ix + icon, iy + icon * 0.9),
                        (ix, iy + icon * 0.9),
                    ],
                    fill: tone,
                });
                let mark_colour = if notice.tone != Tone::Caution {
                    WHITE
                } else {
                    self.palette.text
                };
                let mark_size = icon * 0.575;
                let mark_w = self.width_of("!", Style::Bold, mark_size);
                el.push(Element::Text {
                    x: ix + (icon - mark_w) / 2.0,
                    y: iy + icon * 0.8,
                    size: mark_size,
                    face: Face::AtkinsonBold,
                    colour: mark_colour,
                    text: "!".into(),
                });
                el.extend(lines_at(&m, &title, text_x, pad, title_size, title_colour));
            }
            el.extend(lines_at(
                &m,
                &body[range.clone()],
                text_x,
                pad + head,
                m.body,
                self.palette.text,
            ));
            self.chunks
                .push(Chunk::new(h, el).space(if g == 0 { m.gap * 1.2 } else { 0.0 }));
        }
    }
}
