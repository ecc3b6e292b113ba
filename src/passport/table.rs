//! Tabular blocks: label/value facts, ruled tables with a header row that repeats on every
//! page, and the two-column do / don't list. Rows too tall for a page are cut between lines
//! so nothing ever runs past the footer.

use super::content::{Fact, Table};
use super::flow::{Chunk, hold_together, line_groups};
use super::font::Style;
use super::layout::{Builder, WHITE, lines_at, tint};
use super::page::Element;
use super::paragraph::{Line, Span};
use std::sync::Arc;

impl Builder<'_> {
    /// Label/value rows at `x`, `width` wide, with a rule under each. In a narrow column
    /// (beside a photo) each label sits above its value, so neither is squeezed.
    pub fn facts(&mut self, facts: &[Fact], x: f32, width: f32) {
        let m = self.m.clone();
        let stacked = width < m.content_w * 0.5;
        let label_w = match width / m.content_w {
            _ if stacked => width,
            share if share < 0.7 => width * 0.42,
            _ => width * 0.34,
        };
        let gap = m.body * 0.7;
        let (value_x, value_w) = if stacked {
            (x, width)
        } else {
            (x + label_w + gap, width - label_w - gap)
        };
        let vpad = m.body * if stacked { 0.3 } else { 0.38 };
        let label_size = m.small;
        let start = self.chunks.len();
        for (i, fact) in facts.iter().enumerate() {
            let label = self.wrap(&[Span::bold(&fact.label)], label_size, label_w);
            let value = self.wrap(&fact.value, m.body, value_w);
            let label_h = label.len() as f32 * m.line_for(label_size);
            let groups = line_groups(value.len(), m.line, m.usable() * 0.9);
            let last = groups.len() - 1;
            for (g, range) in groups.into_iter().enumerate() {
                let value_h = range.len() as f32 * m.line;
                let (h, value_top) = match (g, stacked) {
                    (0, true) => (label_h + value_h + 2.0 * vpad, vpad + label_h),
                    (0, false) => (value_h.max(label_h) + 2.0 * vpad, vpad),
                    _ => (value_h + 2.0 * vpad, vpad),
                };
                let mut el = Vec::new();
                if g == 0 {
                    // Beside its value, a label sits on the value's first baseline.
                    let drop = if stacked {
                        0.0
                    } else {
                        m.baseline(m.body) - m.baseline(label_size)
                    };
                    el.extend(lines_at(
                        &m,
                        &label,
                        x,
                        vpad + drop,
                        label_size,
                        self.palette.secondary,
                    ));
                }
                el.extend(lines_at(
                    &m,
                    &value[range],
                    value_x,
                    value_top,
                    m.body,
                    self.palette.text,
                ));
                if g == last {
                    el.push(Element::Line {
                        x1: x,
                        y1: h,
                        x2: x + width,
                        y2: h,
                        colour: self.palette.border,
                        width: 0.75,
                    });
                }
                let space = if i == 0 && g == 0 { m.gap * 0.3 } else { 0.0 };
                self.chunks.push(Chunk::new(h, el).space(space));
            }
        }
        hold_together(&mut self.chunks[start..]);
    }

    /// A ruled table across the content width.
    pub fn table(&mut self, table: &Table) {
        let m = self.m.clone();
        let total: f32 = table
            .columns
            .iter()
            .map(|c| c.weight)
            .sum::<f32>()
            .max(0.001);
        let widths: Vec<f32> = table
            .columns
            .iter()
            .map(|c| c.weight / total * m.content_w)
            .collect();
        let xs: Vec<f32> = widths
            .iter()
            .scan(m.margin, |x, w| {
                let left = *x;
                *x += w;
                Some(left)
            })
            .collect();
        let pad = m.body * 0.45;
        let size = m.body * 0.95;
        let lh = m.line_for(size);
        let border = self.palette.border;

        let heads: Vec<Vec<Line>> = table
            .columns
            .iter()
            .zip(&widths)
            .map(|(c, w)| self.wrap(&[Span::bold(&c.title)], m.small, w - 2.0 * pad))
            .collect();
        let head_h = heads.iter().map(|l| l.len()).max().unwrap_or(1) as f32 * m.line_for(m.small)
            + 2.0 * pad;
        let mut el = vec![Element::Rect {
            x: m.margin,
            y: 0.0,
            w: m.content_w,
            h: head_h,
            radius: 0.0,
            fill: Some(self.palette.primary),
            stroke: None,
        }];
        for ((lines, x), _) in heads.iter().zip(&xs).zip(&widths) {
            el.extend(lines_at(&m, lines, x + pad, pad, m.small, WHITE));
        }
        let header = Arc::new(Chunk::new(head_h, el).keep());
        self.chunks.push((*header).clone().space(m.gap * 0.6));

        let grid = |h: f32, el: &mut Vec<Element>| {
            for x in xs
                .iter()
                .skip(1)
                .chain([&(m.margin + m.content_w)])
                .chain([&m.margin])
            {
                el.push(Element::Line {
                    x1: *x,
                    y1: 0.0,
                    x2: *x,
                    y2: h,
                    colour: border,
                    width: 0.75,
                });
            }
            el.push(Element::Line {
                x1: m.margin,
                y1: h,
                x2: m.margin + m.content_w,
                y2: h,
                colour: border,
                width: 0.75,
            });
        };

        let rows = table.rows.len();
        let first_row = self.chunks.len();
        for (r, row) in table.rows.iter().enumerate() {
            let cells: Vec<Vec<Line>> = row
                .iter()
                .zip(&widths)
                .map(|(spans, w)| self.wrap(spans, size, w - 2.0 * pad))
                .collect();
            let tallest = cells.iter().map(|c| c.len()).max().unwrap_or(1).max(1);
            let max = m.usable() * 0.9 - head_h - 2.0 * pad;
            for range in line_groups(tallest, lh, max) {
                let h = range.len() as f32 * lh + 2.0 * pad;
                let mut el = Vec::new();
                if table.label_column {
                    el.push(Element::Rect {
                        x: m.margin,
                        y: 0.0,
                        w: widths[0],
                        h,
                        radius: 0.0,
                        fill: Some(self.palette.panel),
                        stroke: None,
                    });
                } else if r % 2 == 1 {
                    el.push(Element::Rect {
                        x: m.margin,
                        y: 0.0,
                        w: m.content_w,
                        h,
                        radius: 0.0,
                        fill: Some(tint(self.palette.panel, 0.6)),
                        stroke: None,
                    });
                }
                for (lines, x) in cells.iter().zip(&xs) {
                    let end = range.end.min(lines.len());
                    let start = range.start.min(end);
                    el.extend(lines_at(
                        &m,
                        &lines[start..end],
                        x + pad,
                        pad,
                        size,
                        self.palette.text,
                    ));
                }
                grid(h, &mut el);
                let mut chunk = Chunk::new(h, el);
                chunk.header = Some(header.clone());
                self.chunks.push(chunk);
            }
        }
        hold_together(&mut self.chunks[first_row..]);
        let blank_h = (m.line * 2.0).max(26.0);
        for r in 0..table.blank_rows {
            let mut el = Vec::new();
            if (rows + r) % 2 == 1 && !table.label_column {
                el.push(Element::Rect {
                    x: m.margin,
                    y: 0.0,
                    w: m.content_w,
                    h: blank_h,
                    radius: 0.0,
                    fill: Some(tint(self.palette.panel, 0.6)),
                    stroke: None,
                });
            }
            grid(blank_h, &mut el);
            let mut chunk = Chunk::new(blank_h, el);
            chunk.header = Some(header.clone());
            self.chunks.push(chunk);
        }
    }

    /// Dos beside don'ts, each with a coloured mark.
    pub fn dos_donts(&mut self, dos: &[String], donts: &[String]) {
        let m = self.m.clone();
        let gap = m.body * 1.2;
        let col = (m.content_w - gap) / 2.0;
        let pill_h = m.line * 1.25;
        let mut el = Vec::new();
        let titles = [
            (self.words.label("equipment.do"), self.palette.success),
            (self.words.label("equipment.dont"), self.palette.danger),
        ];
        for (i, (title, colour)) in titles.into_iter().enumerate() {
            let x = m.margin + i as f32 * (col + gap);
            el.push(Element::Rect {
                x,
                y: 0.0,
                w: col,
                h: pill_h,
                radius: 3.0,
                fill: Some(colour),
                stroke: None,
            });
            let lines = self.wrap(&[Span::bold(title)], m.body, col);
            el.extend(lines_at(
                &m,
                &lines,
                x + m.body * 0.6,
                (pill_h - m.line) / 2.0,
                m.body,
                WHITE,
            ));
        }
        self.chunks
            .push(Chunk::new(pill_h, el).space(m.gap * 0.6).keep());

        let marks = [("✓", self.palette.success), ("✗", self.palette.danger)];
        let mark_w = m.body * 1.3;
        let rows = dos.len().max(donts.len());
        let start = self.chunks.len();
        for i in 0..rows {
            let mut el = Vec::new();
            let mut h: f32 = 0.0;
            for (c, list) in [dos, donts].into_iter().enumerate() {
                let Some(text) = list.get(i) else { continue };
                let x = m.margin + c as f32 * (col + gap);
                let (mark, colour) = marks[c];
                let mut missing = std::collections::BTreeSet::new();
                let runs = self.book.runs(mark, Style::Bold, &mut missing);
                el.push(Element::Text {
                    x: x + m.body * 0.2,
                    y: m.baseline(m.body),
                    size: m.body,
                    face: runs[0].face,
                    colour,
                    text: mark.into(),
                });
                let lines = self.wrap(&[Span::regular(text)], m.body, col - mark_w);
                h = h.max(lines.len() as f32 * m.line);
                el.extend(lines_at(
                    &m,
                    &lines,
                    x + mark_w,
                    0.0,
                    m.body,
                    self.palette.text,
                ));
            }
            self.chunks.push(Chunk::new(h, el).space(m.gap * 0.6));
        }
        hold_together(&mut self.chunks[start..]);
    }
}
