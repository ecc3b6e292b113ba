//! The cover page: who the passport is for, the child's photo, the key dates and the list of
//! equipment inside, under the organisation's colours.
//!
//! It is drawn top to bottom in steps: the organisation's band, the title with which copy this
//! is, the child's card, the equipment inside and, at the foot, the confidentiality note.
//! Each step adds its elements in drawing order and says where the next one starts.

use super::RenderOptions;
use super::content::{Cover, Fact};
use super::flow::Chunk;
use super::layout::{Builder, WHITE, first, lines_at, tint};
use super::page::{Element, ImageSource, MM};
use super::paragraph::{Line, Span};
use super::template::Template;

/// The note kept at the foot of the cover: its lines, and where and how tall its box is.
struct FootNote {
    lines: Vec<Line>,
    y: f32,
    h: f32,
}

impl Builder<'_> {
    /// The cover's elements, in page coordinates.
    pub fn cover(
        &mut self,
        cover: &Cover,
        template: &Template,
        options: &RenderOptions,
    ) -> Vec<Element> {
        let mut el = Vec::new();
        let band_h = self.cover_band(cover, template, &mut el);
        let y = self.cover_title(cover, band_h, &mut el);
        let y = self.child_card(cover, options, y, &mut el);
        let note = self.foot_note();
        let y = self.items_inside(&cover.item_names, y, note.y, &mut el);
        // A card made very tall by long names leaves no room for the note; every page's
        // footer still says the passport is confidential.
        if y <= note.y {
            self.draw_foot_note(note, &mut el);
        }
        el
    }

    /// The organisation's band across the top, bled off the page edges, with the logo on a
    /// white plate at its right and the organisation's name and contact lines; returns its
    /// height.
    fn cover_band(&mut self, cover: &Cover, template: &Template, el: &mut Vec<Element>) -> f32 {
        let m = self.m.clone();
        let band_h = if m.booklet { 20.0 } else { 30.0 } * MM;
        el.push(Element::Rect {
            x: 0.0,
            y: 0.0,
            w: m.page_w,
            h: band_h,
            radius: 0.0,
            fill: Some(self.palette.primary),
            stroke: None,
        });
        let logo_w = self.logo_plate(template, band_h, el);
        let band_text_w = m.content_w - logo_w;
        let org_size = m.body * 1.25;
        let org = self.wrap(&[Span::bold(&cover.organisation)], org_size, band_text_w);
        let contact = self.wrap(
            &[Span::regular(cover.contact_lines.join("\n"))],
            m.small,
            band_text_w,
        );
        let block_h =
            org.len() as f32 * m.line_for(org_size) + contact.len() as f32 * m.line_for(m.small);
        let mut y = ((band_h - block_h) / 2.0).max(m.body * 0.6);
        el.extend(lines_at(&m, &org, m.margin, y, org_size, WHITE));
        y += org.len() as f32 * m.line_for(org_size);
        el.extend(lines_at(
            &m,
            &contact,
            m.margin,
            y,
            m.small,
            tint(WHITE, 1.0),
        ));
        band_h
    }

    /// The logo on its white plate at the band's right, if the template has one; returns the
    /// width it takes from the band's text (nothing without a logo).
    fn logo_plate(&self, template: &Template, band_h: f32, el: &mut Vec<Element>) -> f32 {
        let Some(logo) = &template.branding.logo else {
            return 0.0;
        };
        let m = &self.m;
        let plate_h = band_h - 2.0 * m.body;
        let h = plate_h - m.body * 0.8;
        let w = (h * logo.width as f32 / logo.height.max(1) as f32).min(m.content_w * 0.35);
        let h = w * logo.height as f32 / logo.width.max(1) as f32;
        let plate_w = w + m.body * 0.8;
        let x = m.page_w - m.margin - plate_w;
        el.push(Element::Rect {
            x,
            y: m.body,
            w: plate_w,
            h: plate_h,
            radius: 4.0,
            fill: Some(WHITE),
            stroke: None,
        });
        el.push(Element::Image {
            x: x + m.body * 0.4,
            y: m.body + (plate_h - h) / 2.0,
            w,
            h,
            radius: 0.0,
            source: ImageSource::Logo,
        });
        plate_w + m.body
    }

    /// "Equipment Passport", then a pill saying which copy this is beside the strapline;
    /// returns where the child's card starts.
    fn cover_title(&mut self, cover: &Cover, band_h: f32, el: &mut Vec<Element>) -> f32 {
        let m = self.m.clone();
        let p = self.palette.clone();
        let title_size = m.body * if m.booklet { 2.6 } else { 3.0 };
        let mut y = band_h + if m.booklet { 7.0 } else { 16.0 } * MM;
        let title_text = self.words.label("common.title");
        let title = self.wrap(&[Span::bold(title_text)], title_size, m.content_w);
        el.extend(lines_at(&m, &title, m.margin, y, title_size, p.primary));
        y += title.len() as f32 * m.line_for(title_size) + m.body * 0.3;
        let label = &cover.audience_label;
        let label_w = self.width_of(label, super::font::Style::Bold, m.body) + m.body * 1.6;
        let pill_h = m.line * 1.25;
        el.push(Element::Rect {
            x: m.margin,
            y,
            w: label_w,
            h: pill_h,
            radius: pill_h / 2.0,
            fill: Some(tint(p.primary, 0.1)),
            stroke: Some((p.primary, 1.0)),
        });
        let lines = self.wrap(&[Span::bold(label)], m.body, label_w);
        el.extend(lines_at(
            &m,
            &lines,
            m.margin + m.body * 0.8,
            y + (pill_h - m.line) / 2.0,
            m.body,
            p.primary,
        ));
        let strap_text = self.words.text("cover.strapline");
        let strap = self.wrap(
            &[Span::regular(strap_text)],
            m.body * 1.1,
            m.content_w - label_w - m.body,
        );
        el.extend(lines_at(
            &m,
            &strap,
            m.margin + label_w + m.body,
            y + (pill_h - m.line_for(m.body * 1.1)) / 2.0,
            m.body * 1.1,
            p.secondary,
        ));
        y + pill_h.max(strap.len() as f32 * m.line_for(m.body * 1.1)) + m.body * 1.6
    }

    /// The child on a tinted card starting at `y`: photo beside name and key facts; returns
    /// where the next part of the cover starts.
    fn child_card(
        &mut self,
        cover: &Cover,
        options: &RenderOptions,
        y: f32,
        el: &mut Vec<Element>,
    ) -> f32 {
        let m = self.m.clone();
        let card_pad = m.body * 1.1;
        let (photo_w, photo_max_h) = match cover.photo {
            Some(_) => m.child_photo_box(),
            None => (0.0, 0.0),
        };
        let inner_x = m.margin + card_pad;
        let right_x = inner_x
            + if photo_w > 0.0 {
                photo_w + card_pad
            } else {
                0.0
            };
        let right_w = m.margin + m.content_w - card_pad - right_x;
        let mut card = Vec::new();
        let mut photo_h: f32 = 0.0;
        if let Some(photo) = &cover.photo {
            let scale =
                (photo_w / photo.width.max(1) as f32).min(photo_max_h / photo.height.max(1) as f32);
            let (w, h) = (photo.width as f32 * scale, photo.height as f32 * scale);
            card.push(Element::Image {
                x: inner_x + (photo_w - w) / 2.0,
                y: card_pad,
                w,
                h,
                radius: 6.0,
                source: ImageSource::Photo(photo.id),
            });
            photo_h = h;
        }
        let ry = self.child_name(cover, right_x, right_w, card_pad, &mut card);
        let ry = self.cover_facts(cover, options, right_x, right_w, ry, &mut card);
        let card_h = (photo_h + 2.0 * card_pad).max(ry + card_pad);
        el.push(Element::Rect {
            x: m.margin,
            y,
            w: m.content_w,
            h: card_h,
            radius: 6.0,
            fill: Some(self.palette.panel),
            stroke: None,
        });
        el.extend(card.into_iter().map(|e| e.shifted(y)));
        y + card_h + m.body * 1.6
    }

    /// The child's name, and the name they are known by, at `(x, y)` on the card; returns
    /// where the facts start.
    fn child_name(
        &mut self,
        cover: &Cover,
        x: f32,
        w: f32,
        y: f32,
        card: &mut Vec<Element>,
    ) -> f32 {
        let m = self.m.clone();
        let name_size = m.body * 2.0;
        let name = self.wrap(&[Span::bold(&cover.name)], name_size, w);
        card.extend(lines_at(&m, &name, x, y, name_size, self.palette.text));
        let mut y = y + name.len() as f32 * m.line_for(name_size);
        if let Some(known) = &cover.known_as {
            let size = m.body * 1.25;
            let known_as = format!("{} ", self.words.label("cover.known_as"));
            let lines = self.wrap(&[Span::regular(known_as), Span::bold(known)], size, w);
            card.extend(lines_at(&m, &lines, x, y, size, self.palette.primary));
            y += lines.len() as f32 * m.line_for(size);
        }
        y + m.body * 0.6
    }

    /// The key facts, with the print date and version, at `(x, y)` on the card; returns where
    /// they end.
    fn cover_facts(
        &mut self,
        cover: &Cover,
        options: &RenderOptions,
        x: f32,
        w: f32,
        mut y: f32,
        card: &mut Vec<Element>,
    ) -> f32 {
        let mut facts = cover.facts.clone();
        let words = self.words.clone();
        facts.push(Fact::text(
            &words.label("cover.printed"),
            words.date(options.printed_on),
        ));
        if !options.version.is_empty() {
            facts.push(Fact::text(&words.label("cover.version"), &options.version));
        }
        let start = self.chunks.len();
        self.facts(&facts, x, w);
        let fact_chunks: Vec<Chunk> = self.chunks.drain(start..).collect();
        for c in fact_chunks {
            card.extend(c.elements.into_iter().map(|e| e.shifted(y)));
            y += c.height;
        }
        y
    }

    /// The confidentiality note, measured and placed at the foot of the page.
    fn foot_note(&mut self) -> FootNote {
        let m = self.m.clone();
        let w = self.words.clone();
        let spans: Vec<Span> = match w.language {
            // Each language's note whole, the Welsh first.
            super::words::Language::CyEn => {
                [super::words::Language::Cy, super::words::Language::En]
                    .into_iter()
                    .enumerate()
                    .flat_map(|(i, l)| {
                        let w = w.only(l);
                        let lead = if i == 0 { "" } else { "\n" };
                        [
                            Span::bold(format!("{lead}{} ", w.label("cover.confidential"))),
                            Span::regular(w.text("cover.confidential_text")),
                        ]
                    })
                    .collect()
            }
            _ => vec![
                Span::bold(format!("{} ", w.label("cover.confidential"))),
                Span::regular(w.text("cover.confidential_text")),
            ],
        };
        let lines = self.wrap(&spans, m.small, m.content_w - 2.0 * m.body);
        let h = lines.len() as f32 * m.line_for(m.small) + 1.6 * m.body;
        FootNote {
            lines,
            y: m.bottom - h,
            h,
        }
    }

    fn draw_foot_note(&self, note: FootNote, el: &mut Vec<Element>) {
        let m = &self.m;
        el.push(Element::Rect {
            x: m.margin,
            y: note.y,
            w: m.content_w,
            h: note.h,
            radius: 4.0,
            fill: None,
            stroke: Some((self.palette.border, 1.0)),
        });
        el.extend(lines_at(
            m,
            &note.lines,
            m.margin + m.body,
            note.y + 0.8 * m.body,
            m.small,
            self.palette.secondary,
        ));
    }

    /// What is inside, under a heading from `y`: as much as fits above `limit`, a line per
    /// item in one or two columns, or one paragraph when there is no room for that. Returns
    /// where the heading ends (`y` when nothing is listed).
    fn items_inside(&mut self, names: &[String], y: f32, limit: f32, el: &mut Vec<Element>) -> f32 {
        let m = self.m.clone();
        let heading_h = m.line_for(m.h2) + m.body * 0.3;
        let room = ((limit - m.body - y - heading_h) / m.line).floor().max(0.0) as usize;
        if names.is_empty() || room == 0 {
            return y;
        }
        let heading_text = self.words.label("cover.equipment_inside");
        let heading = self.wrap(&[Span::bold(heading_text)], m.h2, m.content_w);
        el.extend(lines_at(
            &m,
            first(&heading),
            m.margin,
            y,
            m.h2,
            self.palette.text,
        ));
        let y = y + heading_h;
        let columns = if names.len() <= room && names.len() < 5 {
            1
        } else {
            2
        };
        if names.len() > room * columns {
            self.items_as_paragraph(names, y, room, el);
        } else {
            self.items_in_columns(names, y, columns, el);
        }
        y
    }

    /// No room for a line per item: as many names as fit in `room` lines as one paragraph,
    /// then how many more there are.
    fn items_as_paragraph(&mut self, names: &[String], y: f32, room: usize, el: &mut Vec<Element>) {
        let m = self.m.clone();
        let count = names.len();
        let mut shown = count;
        loop {
            let mut text = names[..shown].join(", ");
            if shown < count {
                let more = (count - shown).to_string();
                text.push_str(&self.words.label_with("cover.and_more", &[("n", &more)]));
            }
            let lines = self.wrap(&[Span::regular(text)], m.body, m.content_w);
            if lines.len() <= room || shown <= 1 {
                el.extend(lines_at(
                    &m,
                    &lines[..lines.len().min(room)],
                    m.margin,
                    y,
                    m.body,
                    self.palette.text,
                ));
                return;
            }
            shown -= 1;
        }
    }

    /// A bulleted line per item, down the first column and then the second.
    fn items_in_columns(
        &mut self,
        names: &[String],
        y: f32,
        columns: usize,
        el: &mut Vec<Element>,
    ) {
        let m = self.m.clone();
        let p = self.palette.clone();
        let col_w = m.content_w / columns as f32;
        let rows = names.len().div_ceil(columns);
        for (i, name) in names.iter().enumerate() {
            let (c, r) = (i / rows, i % rows);
            let x = m.margin + c as f32 * col_w;
            let row_y = y + r as f32 * m.line;
            let d = m.body * 0.42;
            el.push(Element::Rect {
                x: x + m.body * 0.2,
                y: row_y + (m.line - d) / 2.0,
                w: d,
                h: d,
                radius: d / 2.0,
                fill: Some(p.primary),
                stroke: None,
            });
            let lines = self.wrap(&[Span::regular(name)], m.body, col_w - m.body * 1.6);
            el.extend(lines_at(
                &m,
                first(&lines),
                x + m.body * 1.1,
                row_y,
                m.body,
                p.text,
            ));
        }
    }
}
