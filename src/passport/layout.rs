//! Layout, pure: the blocks of a passport in, measured and positioned pages out (text runs,
//! lines, boxes and image slots), with the running header, footers and, for a booklet,
//! "Notes" pages to make the count a multiple of four.

use super::RenderOptions;
use super::content::{Block, Content};
use super::flow::{Chunk, hold_together, paginate};
use super::font::{FontBook, Style, book};
use super::page::{Element, Metrics, Page};
use super::paragraph::{Line, Span, wrap};
use super::template::{Colour, Palette, Template};
use super::words::Words;
use rayon::prelude::*;
use std::collections::BTreeSet;

/// A laid-out passport.
#[derive(Debug, Clone)]
pub struct LaidOut {
    pub pages: Vec<Page>,
    pub metrics: Metrics,
    pub unprintable: BTreeSet<char>,
}

/// Lays out a passport's content for one template and set of options.
pub fn lay_out(content: &Content, template: &Template, options: &RenderOptions) -> LaidOut {
    let m = Metrics::new(template, options);
    let builder = || Builder {
        m: m.clone(),
        palette: &template.branding.palette,
        book: book(),
        missing: BTreeSet::new(),
        chunks: Vec::new(),
        words: content.words.clone(),
    };
    // Each block is measured on its own (only pagination needs them in order), so they are
    // measured on every core: measuring text is most of the work of laying out a passport.
    let measured: Vec<Builder<'_>> = content
        .blocks
        .par_iter()
        .map(|block| {
            let mut b = builder();
            b.block(block, template, options);
            b
        })
        .collect();
    let mut b = builder();
    for part in measured {
        b.chunks.extend(part.chunks);
        b.missing.extend(part.missing);
    }
    let mut pages = paginate(&b.chunks, m.top, m.bottom);
    if m.booklet {
        while !pages.len().is_multiple_of(4) {
            pages.push(b.notes_page());
        }
    }
    let total = pages.len();
    for (i, page) in pages.iter_mut().enumerate() {
        if !page.cover {
            b.running_header(
                page,
                &format!(
                    "{} · {}",
                    content.words.label("common.title"),
                    content
                        .words
                        .label(&format!("common.copy_{}", content.audience.code()))
                ),
                &template.branding.organisation,
            );
        }
        b.footer(page, content, options, i + 1, total);
    }
    LaidOut {
        pages,
        metrics: m,
        unprintable: b.missing,
    }
}

/// Mixes a colour with white: `t` = 0 gives white, 1 the colour.
pub fn tint(c: Colour, t: f32) -> Colour {
    let mix = |v: u8| (255.0 - (255.0 - f32::from(v)) * t).round() as u8;
    Colour(mix(c.0), mix(c.1), mix(c.2))
}

/// The first line only (none for empty text): headers and footers keep to one line.
pub fn first(lines: &[Line]) -> &[Line] {
    &lines[..lines.len().min(1)]
}

pub const WHITE: Colour = Colour(255, 255, 255);

/// Text elements for wrapped lines, the first line's box starting at `top`.
pub fn lines_at(
    m: &Metrics,
    lines: &[Line],
    x: f32,
    top: f32,
    size: f32,
    colour: Colour,
) -> Vec<Element> {
    let lh = m.line_for(size);
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let baseline = top + i as f32 * lh + m.baseline(size);
        for run in &line.runs {
            out.push(Element::Text {
                x: x + run.x,
                y: baseline,
                size,
                face: run.face,
                colour,
                text: run.text.clone(),
            });
        }
    }
    out
}

/// Builds chunks for each block.
pub struct Builder<'a> {
    pub m: Metrics,
    pub palette: &'a Palette,
    pub book: &'static FontBook,
    pub missing: BTreeSet<char>,
    pub chunks: Vec<Chunk>,
    /// The fixed words in the copy's language.
    pub words: Words,
}

impl Builder<'_> {
    pub fn wrap(&mut self, spans: &[Span], size: f32, width: f32) -> Vec<Line> {
        wrap(self.book, spans, size, width, &mut self.missing)
    }

    pub fn width_of(&mut self, text: &str, style: Style, size: f32) -> f32 {
        self.book.width_em(text, style, &mut self.missing) * size
    }

    fn block(&mut self, block: &Block, template: &Template, options: &RenderOptions) {
        let m = self.m.clone();
        match block {
            Block::Cover(cover) => {
                let elements = self.cover(cover, template, options);
                self.chunks.push(Chunk {
                    whole_page: true,
                    elements,
                    ..Chunk::default()
                });
            }
            Block::NewPage => self.chunks.push(Chunk {
                new_page: true,
                ..Chunk::default()
            }),
            Block::SectionTitle(text) => {
                let lines = self.wrap(&[Span::bold(text)], m.h1, m.content_w);
                let h = lines.len() as f32 * m.line_for(m.h1);
                let mut el = lines_at(&m, &lines, m.margin, 0.0, m.h1, self.palette.primary);
                el.push(Element::Line {
                    x1: m.margin,
                    y1: h + 3.0,
                    x2: m.margin + m.content_w,
                    y2: h + 3.0,
                    colour: self.palette.primary,
                    width: 1.5,
                });
                self.chunks.push(
                    Chunk::new(h + 3.0 + m.gap * 1.4, el)
                        .space(m.gap * 2.0)
                        .keep(),
                );
            }
            Block::ItemBanner { name, detail } => self.banner(name, detail),
            Block::Heading(text) => {
                let lines = self.wrap(&[Span::bold(text)], m.h2, m.content_w - 9.0);
                let h = lines.len() as f32 * m.line_for(m.h2);
                let mut el = lines_at(&m, &lines, m.margin + 9.0, 0.0, m.h2, self.palette.text);
                el.push(Element::Rect {
                    x: m.margin,
                    y: m.line_for(m.h2) * 0.2,
                    w: 3.5,
                    h: h - m.line_for(m.h2) * 0.4,
                    radius: 0.0,
                    fill: Some(self.palette.primary),
                    stroke: None,
                });
                self.chunks
                    .push(Chunk::new(h + m.gap * 0.5, el).space(m.gap * 1.8).keep());
            }
            Block::Paragraph(spans) => {
                let colour = self.palette.text;
                self.paragraph(spans, m.margin, m.content_w, m.body, colour, m.gap);
            }
            Block::Facts(facts) => self.facts(facts, m.margin, m.content_w),
            Block::Overview { photo, facts } => self.overview(photo.as_ref(), facts),
            Block::Gallery(photos) => self.gallery(photos),
            Block::Checklist(items) => self.checklist(items),
            Block::Steps(steps) => self.steps(steps),
            Block::DosDonts { dos, donts } => self.dos_donts(dos, donts),
            Block::Table(table) => self.table(table),
            Block::Notice(notice) => self.notice(notice),
            Block::Statements(statements) => self.statements(statements),
            Block::SignOff { statement, facts } => {
                self.sign_off(statement, facts, template, options)
            }
        }
    }

    /// Flows styled text as one chunk per line.
    pub fn paragraph(
        &mut self,
        spans: &[Span],
        x: f32,
        width: f32,
        size: f32,
        colour: Colour,
        space: f32,
    ) {
        let m = self.m.clone();
        let lines = self.wrap(spans, size, width);
        let lh = m.line_for(size);
        for (i, line) in lines.iter().enumerate() {
            let el = lines_at(&m, std::slice::from_ref(line), x, 0.0, size, colour);
            self.chunks
                .push(Chunk::new(lh, el).space(if i == 0 { space } else { 0.0 }));
        }
    }

    fn banner(&mut self, name: &str, detail: &str) {
        let m = self.m.clone();
        let pad = m.body * 0.9;
        let size = m.h1 * 1.05;
        let inner = m.content_w - 2.0 * pad;
        let name_lines = self.wrap(&[Span::bold(name)], size, inner);
        let detail_lines = self.wrap(&[Span::regular(detail)], m.body, inner);
        let name_h = name_lines.len() as f32 * m.line_for(size);
        let detail_h = detail_lines.len() as f32 * m.line_for(m.body);
        let h = pad * 0.8 + name_h + detail_h + pad * 0.9;
        let mut el = vec![Element::Rect {
            x: m.margin,
            y: 0.0,
            w: m.content_w,
            h,
            radius: 5.0,
            fill: Some(self.palette.primary),
            stroke: None,
        }];
        el.extend(lines_at(
            &m,
            &name_lines,
            m.margin + pad,
            pad * 0.8,
            size,
            WHITE,
        ));
        el.extend(lines_at(
            &m,
            &detail_lines,
            m.margin + pad,
            pad * 0.8 + name_h,
            m.body,
            tint(WHITE, 1.0),
        ));
        self.chunks.push(Chunk::new(h + m.gap * 0.4, el).keep());
    }

    fn checklist(&mut self, items: &[String]) {
        let m = self.m.clone();
        let box_side = m.body * 1.05;
        let indent = box_side + m.body * 0.8;
        let start = self.chunks.len();
        for (i, item) in items.iter().enumerate() {
            let lines = self.wrap(&[Span::regular(item)], m.body, m.content_w - indent);
            let h = lines.len() as f32 * m.line;
            let mut el = vec![Element::Rect {
                x: m.margin,
                y: (m.line - box_side) / 2.0,
                w: box_side,
                h: box_side,
                radius: 1.5,
                fill: Some(WHITE),
                stroke: Some((self.palette.text, 1.2)),
            }];
            el.extend(lines_at(
                &m,
                &lines,
                m.margin + indent,
                0.0,
                m.body,
                self.palette.text,
            ));
            self.chunks.push(Chunk::new(h, el).space(if i == 0 {
                m.gap * 0.5
            } else {
                m.gap * 0.45
            }));
        }
        hold_together(&mut self.chunks[start..]);
    }

    fn sign_off(
        &mut self,
        statement: &str,
        facts: &[super::content::Fact],
        template: &Template,
        options: &RenderOptions,
    ) {
        let m = self.m.clone();
        let start = self.chunks.len();
        let heading = self.words.label("sign_off.heading");
        self.block(&Block::Heading(heading), template, options);
        let colour = self.palette.text;
        self.paragraph(
            &[Span::regular(statement)],
            m.margin,
            m.content_w,
            m.body,
            colour,
            m.gap,
        );
        self.facts(facts, m.margin, m.content_w);
        let label_w = m.content_w * 0.34;
        let mut el = Vec::new();
        let mut y = 0.0;
        for key in ["sign_off.signature", "sign_off.date"] {
            let label = self.words.label(key);
            let lines = self.wrap(&[Span::regular(label)], m.body, label_w);
            el.extend(lines_at(
                &m,
                &lines,
                m.margin,
                y + m.line * 1.2,
                m.body,
                self.palette.secondary,
            ));
            el.push(Element::Line {
                x1: m.margin + label_w,
                y1: y + m.line * 2.2,
                x2: m.margin + m.content_w,
                y2: y + m.line * 2.2,
                colour: self.palette.text,
                width: 0.8,
            });
            y += m.line * 2.6;
        }
        self.chunks.push(Chunk::new(y, el).space(m.gap));
        // A signature belongs on the same page as what it signs.
        let end = self.chunks.len() - 1;
        for chunk in &mut self.chunks[start..end] {
            chunk.keep_with_next = true;
        }
    }

    fn notes_page(&mut self) -> Page {
        let m = self.m.clone();
        let mut el = Vec::new();
        let notes = self.words.label("page.notes");
        let lines = self.wrap(&[Span::bold(notes)], m.h1, m.content_w);
        el.extend(lines_at(
            &m,
            &lines,
            m.margin,
            m.top,
            m.h1,
            self.palette.primary,
        ));
        let mut y = m.top + m.line_for(m.h1) + m.line * 1.6;
        while y < m.bottom {
            el.push(Element::Line {
                x1: m.margin,
                y1: y,
                x2: m.margin + m.content_w,
                y2: y,
                colour: self.palette.border,
                width: 0.75,
            });
            y += m.line * 1.7;
        }
        Page {
            elements: el,
            cover: false,
        }
    }

    /// The line at the top of every page but the cover: `title` on the left, the
    /// organisation (if any) on the right, a rule beneath.
    pub(crate) fn running_header(&mut self, page: &mut Page, title: &str, organisation: &str) {
        let m = self.m.clone();
        let size = m.footer;
        let y = m.margin + size;
        let left_lines = self.wrap(&[Span::bold(title)], size, m.content_w * 0.5);
        page.elements.extend(lines_at(
            &m,
            first(&left_lines),
            m.margin,
            y - m.baseline(size),
            size,
            self.palette.primary,
        ));
        if !organisation.is_empty() {
            let lines = self.wrap(&[Span::regular(organisation)], size, m.content_w * 0.48);
            let w = lines.first().map_or(0.0, |l| l.width);
            page.elements.extend(lines_at(
                &m,
                first(&lines),
                m.margin + m.content_w - w,
                y - m.baseline(size),
                size,
                self.palette.secondary,
            ));
        }
        page.elements.push(Element::Line {
            x1: m.margin,
            y1: y + size * 0.6,
            x2: m.margin + m.content_w,
            y2: y + size * 0.6,
            colour: self.palette.border,
            width: 0.75,
        });
    }

    fn footer(
        &mut self,
        page: &mut Page,
        content: &Content,
        options: &RenderOptions,
        number: usize,
        total: usize,
    ) {
        let w = &content.words;
        let date = w.date(options.printed_on);
        // Footers keep to one line: a bilingual copy says each word once in both languages,
        // with the date and version between them.
        let bilingual = w.language == super::words::Language::CyEn;
        let version = match (bilingual, options.version.is_empty()) {
            (true, true) => date,
            (true, false) => format!("{} {} · {date}", w.label("page.version"), options.version),
            (false, true) => w.label_with("page.printed", &[("date", &date)]),
            (false, false) => w.label_with(
                "page.version_printed",
                &[("version", &options.version), ("date", &date)],
            ),
        };
        let confidential = if bilingual {
            w.label("page.confidential_short")
        } else {
            w.label("page.confidential")
        };
        let rows = [
            (
                Span::bold(&content.child_name),
                Span::bold(w.label_with(
                    "page.number",
                    &[
                        ("number", &number.to_string()),
                        ("total", &total.to_string()),
                    ],
                )),
            ),
            (Span::regular(version), Span::bold(confidential)),
        ];
        self.footer_rows(page, &rows, 0.5);
    }

    /// The footer at the foot of every page: a rule, then two rows of text, each with a left
    /// part and a right-aligned part; the right parts take `right_share` of the width.
    pub(crate) fn footer_rows(&mut self, page: &mut Page, rows: &[(Span, Span)], right_share: f32) {
        let m = self.m.clone();
        let size = m.footer;
        let lh = m.line_for(size);
        let top = m.page_h - m.margin - 2.0 * lh;
        page.elements.push(Element::Line {
            x1: m.margin,
            y1: top - size * 0.5,
            x2: m.margin + m.content_w,
            y2: top - size * 0.5,
            colour: self.palette.border,
            width: 0.75,
        });
        let right_w = m.content_w * right_share;
        let left_w = m.content_w - right_w - size;
        for (i, (left, right)) in rows.iter().enumerate() {
            let y = top + i as f32 * lh;
            let lines = self.wrap(std::slice::from_ref(left), size, left_w);
            page.elements.extend(lines_at(
                &m,
                first(&lines),
                m.margin,
                y,
                size,
                self.palette.text,
            ));
            let lines = self.wrap(std::slice::from_ref(right), size, right_w);
            let w = lines.first().map_or(0.0, |l| l.width);
            page.elements.extend(lines_at(
                &m,
                first(&lines),
                m.margin + m.content_w - w,
                y,
                size,
                self.palette.text,
            ));
        }
    }
}
