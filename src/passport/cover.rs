//! The cover page: who the passport is for, the child's photo, the key dates and the list of
//! equipment inside, under the organisation's colours.

use super::RenderOptions;
use super::content::{Cover, Fact, uk_date};
use super::flow::Chunk;
use super::layout::{Builder, WHITE, first, lines_at, tint};
use super::page::{Element, ImageSource, MM};
use super::paragraph::Span;
use super::template::Template;

impl Builder<'_> {
    /// The cover's elements, in page coordinates.
    pub fn cover(
        &mut self,
        cover: &Cover,
        template: &Template,
        options: &RenderOptions,
    ) -> Vec<Element> {
        let m = self.m.clone();
        let p = self.palette.clone();
        let mut el = Vec::new();

        // The organisation's band across the top, bled off the page edges.
        let band_h = if m.booklet { 20.0 } else { 30.0 } * MM;
        el.push(Element::Rect {
            x: 0.0,
            y: 0.0,
            w: m.page_w,
            h: band_h,
            radius: 0.0,
            fill: Some(p.primary),
            stroke: None,
        });
        let logo_w = match &template.branding.logo {
            Some(logo) => {
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
            None => 0.0,
        };
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

        // Title and which copy this is.
        let title_size = m.body * if m.booklet { 2.6 } else { 3.0 };
        let mut y = band_h + if m.booklet { 7.0 } else { 16.0 } * MM;
        let title = self.wrap(&[Span::bold("Equipment Passport")], title_size, m.content_w);
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
        let strap = self.wrap(
            &[Span::regular(
                "What every adult needs to know to use my equipment safely.",
            )],
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
        y += pill_h.max(strap.len() as f32 * m.line_for(m.body * 1.1)) + m.body * 1.6;

        // The child: photo beside name and key facts, on a tinted card.
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
        let name_size = m.body * 2.0;
        let name = self.wrap(&[Span::bold(&cover.name)], name_size, right_w);
        card.extend(lines_at(&m, &name, right_x, card_pad, name_size, p.text));
        let mut ry = card_pad + name.len() as f32 * m.line_for(name_size);
        if let Some(known) = &cover.known_as {
            let size = m.body * 1.25;
            let lines = self.wrap(
                &[Span::regular("Known as "), Span::bold(known)],
                size,
                right_w,
            );
            card.extend(lines_at(&m, &lines, right_x, ry, size, p.primary));
            ry += lines.len() as f32 * m.line_for(size);
        }
        ry += m.body * 0.6;
        let mut facts = cover.facts.clone();
        facts.push(Fact::text("Printed", uk_date(options.printed_on)));
        if !options.version.is_empty() {
            facts.push(Fact::text("Passport version", &options.version));
        }
        let start = self.chunks.len();
        self.facts(&facts, right_x, right_w);
        let fact_chunks: Vec<Chunk> = self.chunks.drain(start..).collect();
        for c in fact_chunks {
            card.extend(c.elements.into_iter().map(|e| e.shifted(ry)));
            ry += c.height;
        }
        let card_h = (photo_h + 2.0 * card_pad).max(ry + card_pad);
        el.push(Element::Rect {
            x: m.margin,
            y,
            w: m.content_w,
            h: card_h,
            radius: 6.0,
            fill: Some(p.panel),
            stroke: None,
        });
        el.extend(card.into_iter().map(|e| e.shifted(y)));
        y += card_h + m.body * 1.6;

        // Confidentiality, kept at the foot of the page.
        let notice = self.wrap(
            &[
                Span::bold("Confidential. "),
                Span::regular(
                    "This passport contains health information. Keep it where the adults who use \
                     this equipment can find it, share it only with them, and shred old copies when \
                     a new version arrives.",
                ),
            ],
            m.small,
            m.content_w - 2.0 * m.body,
        );
        let notice_h = notice.len() as f32 * m.line_for(m.small) + 1.6 * m.body;
        let notice_y = m.bottom - notice_h;

        // What is inside, as much as fits above the confidentiality note.
        let heading_h = m.line_for(m.h2) + m.body * 0.3;
        let room = ((notice_y - m.body - y - heading_h) / m.line)
            .floor()
            .max(0.0) as usize;
        if !cover.item_names.is_empty() && room > 0 {
            let heading = self.wrap(
                &[Span::bold("Equipment in this passport")],
                m.h2,
                m.content_w,
            );
            el.extend(lines_at(&m, first(&heading), m.margin, y, m.h2, p.text));
            y += heading_h;
            let count = cover.item_names.len();
            let columns = if count <= room && count < 5 { 1 } else { 2 };
            if count > room * columns {
                // No room for a line per item: list them as one paragraph, as many as
                // fit, then say how many more there are.
                let mut shown = count;
                loop {
                    let mut text = cover.item_names[..shown].join(", ");
                    if shown < count {
                        text.push_str(&format!(" and {} more", count - shown));
                    }
                    let lines = self.wrap(&[Span::regular(text)], m.body, m.content_w);
                    if lines.len() <= room || shown <= 1 {
                        el.extend(lines_at(
                            &m,
                            &lines[..lines.len().min(room)],
                            m.margin,
                            y,
                            m.body,
                            p.text,
                        ));
                        break;
                    }
                    shown -= 1;
                }
            } else {
                let names = &cover.item_names;
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
        // A card made very tall by long names leaves no room for the note; every page's
        // footer still says the passport is confidential.
        if y <= notice_y {
            el.push(Element::Rect {
                x: m.margin,
                y: notice_y,
                w: m.content_w,
                h: notice_h,
                radius: 4.0,
                fill: None,
                stroke: Some((p.border, 1.0)),
            });
            el.extend(lines_at(
                &m,
                &notice,
                m.margin + m.body,
                notice_y + 0.8 * m.body,
                m.small,
                p.secondary,
            ));
        }
        el
    }
}
