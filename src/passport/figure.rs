//! Photos on the page: an item's main photo beside its key facts, the gallery of further
//! photos with captions, and numbered set-up steps with their photos. Every photo is scaled
//! to fit its box without cropping.

use super::content::{Fact, PhotoRef, Step};
use super::flow::Chunk;
use super::font::Style;
use super::layout::{Builder, WHITE, lines_at};
use super::page::{Element, ImageSource};
use super::paragraph::Span;
use std::collections::BTreeSet;

impl Builder<'_> {
    /// A photo scaled to fit `max_w` × `max_h`, with its caption beneath; returns the
    /// elements (top at 0, left at `x`) and the height used.
    pub fn photo(
        &mut self,
        photo: &PhotoRef,
        x: f32,
        max_w: f32,
        max_h: f32,
    ) -> (Vec<Element>, f32) {
        let m = self.m.clone();
        let scale = (max_w / photo.width.max(1) as f32).min(max_h / photo.height.max(1) as f32);
        let (w, h) = (photo.width as f32 * scale, photo.height as f32 * scale);
        let left = x + (max_w - w) / 2.0;
        let mut el = vec![
            Element::Image {
                x: left,
                y: 0.0,
                w,
                h,
                radius: 3.0,
                source: ImageSource::Photo(photo.id),
            },
            Element::Rect {
                x: left,
                y: 0.0,
                w,
                h,
                radius: 3.0,
                fill: None,
                stroke: Some((self.palette.border, 0.75)),
            },
        ];
        let mut used = h;
        if !photo.caption.is_empty() {
            let lines = self.wrap(&[Span::italic(&photo.caption)], m.small, max_w);
            el.extend(lines_at(
                &m,
                &lines,
                x,
                h + 3.0,
                m.small,
                self.palette.secondary,
            ));
            used += 3.0 + lines.len() as f32 * m.line_for(m.small);
        }
        (el, used)
    }

    pub fn overview(&mut self, photo: Option<&PhotoRef>, facts: &[Fact]) {
        let m = self.m.clone();
        let Some(photo) = photo else {
            self.facts(facts, m.margin, m.content_w);
            return;
        };
        let (photo_w, max_h) = m.photo_box();
        let (mut el, photo_h) = self.photo(photo, m.margin, photo_w, max_h);
        let gap = m.body * 1.2;
        let facts_x = m.margin + photo_w + gap;
        let start = self.chunks.len();
        self.facts(facts, facts_x, m.content_w - photo_w - gap);
        let fact_chunks: Vec<Chunk> = self.chunks.drain(start..).collect();
        let facts_h: f32 = fact_chunks.iter().map(|c| c.height).sum();
        if facts_h > m.usable() * 0.8 {
            // Too much to sit beside the photo: photo first, then the facts full width.
            self.chunks
                .push(Chunk::new(photo_h + m.gap, el).space(m.gap));
            self.facts(facts, m.margin, m.content_w);
            return;
        }
        let mut y = 0.0;
        for c in fact_chunks {
            el.extend(c.elements.into_iter().map(|e| e.shifted(y)));
            y += c.height;
        }
        self.chunks
            .push(Chunk::new(photo_h.max(facts_h) + m.gap * 0.5, el).space(m.gap));
    }

    pub fn gallery(&mut self, photos: &[PhotoRef]) {
        let m = self.m.clone();
        let per_row = 2;
        let gap = m.body;
        let (cell, cell_h) = m.photo_box();
        for (r, row) in photos.chunks(per_row).enumerate() {
            let mut el = Vec::new();
            let mut h: f32 = 0.0;
            for (i, photo) in row.iter().enumerate() {
                let x = m.margin + i as f32 * (cell + gap);
                let (e, used) = self.photo(photo, x, cell, cell_h);
                el.extend(e);
                h = h.max(used);
            }
            self.chunks
                .push(Chunk::new(h, el).space(if r == 0 { m.gap * 1.5 } else { m.gap }));
        }
    }

    pub fn steps(&mut self, steps: &[Step]) {
        let m = self.m.clone();
        let disc = m.body * 1.9;
        let indent = disc + m.body * 0.8;
        // Step photos are instructions, not thumbnails: as large as any other photo.
        let (photo_w, photo_max_h) = m.photo_box();
        for (i, step) in steps.iter().enumerate() {
            let number = (i + 1).to_string();
            let num_w = self.width_of(&number, Style::Bold, m.body);
            let mut el = vec![Element::Rect {
                x: m.margin,
                y: 0.0,
                w: disc,
                h: disc,
                radius: disc / 2.0,
                fill: Some(self.palette.primary),
                stroke: None,
            }];
            let mut missing = BTreeSet::new();
            let runs = self.book.runs(&number, Style::Bold, &mut missing);
            el.push(Element::Text {
                x: m.margin + (disc - num_w) / 2.0,
                y: disc / 2.0 + m.body * 0.36,
                size: m.body,
                face: runs[0].face,
                colour: WHITE,
                text: number,
            });
            let text_x = m.margin + indent;
            let space = if i == 0 { m.gap * 0.5 } else { m.gap * 1.3 };
            let (photo_el, photo_h, text_w) = match &step.photo {
                Some(p) => {
                    let (e, h) =
                        self.photo(p, m.margin + m.content_w - photo_w, photo_w, photo_max_h);
                    (e, h, m.content_w - indent - photo_w - m.body)
                }
                None => (Vec::new(), 0.0, m.content_w - indent),
            };
            let lines = self.wrap(&[Span::regular(&step.text)], m.body, text_w);
            // Lines beside the disc and photo go in the first chunk; the rest flow after it.
            let beside =
                ((photo_h.max(disc) / m.line).ceil() as usize).clamp(1, lines.len().max(1));
            let first = &lines[..beside.min(lines.len())];
            el.extend(photo_el);
            el.extend(lines_at(
                &m,
                first,
                text_x,
                (disc - m.line) / 2.0,
                m.body,
                self.palette.text,
            ));
            let first_h = (first.len() as f32 * m.line + (disc - m.line) / 2.0)
                .max(photo_h)
                .max(disc);
            self.chunks.push(Chunk::new(first_h, el).space(space));
            for line in lines.iter().skip(beside) {
                let el = lines_at(
                    &m,
                    std::slice::from_ref(line),
                    text_x,
                    0.0,
                    m.body,
                    self.palette.text,
                );
                self.chunks.push(Chunk::new(m.line, el));
            }
        }
    }
}
