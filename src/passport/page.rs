//! Laid-out pages: what the renderer draws, positioned in points from the page's top-left
//! corner, plus the sizes every block is laid out with.

use super::font::Face;
use super::template::{Colour, Template};
use super::{Format, RenderOptions};
use crate::model::PhotoId;

pub const MM: f32 = 72.0 / 25.4;
pub const A4: (f32, f32) = (595.276, 841.89);
pub const A5: (f32, f32) = (419.528, 595.276);

/// What an image element shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ImageSource {
    Photo(PhotoId),
    Logo,
}

/// One thing to draw. `y` grows downwards; text `y` is the baseline.
#[derive(Debug, Clone, PartialEq)]
pub enum Element {
    Text {
        x: f32,
        y: f32,
        size: f32,
        face: Face,
        colour: Colour,
        text: String,
    },
    /// A rectangle, rounded when `radius` > 0 (a circle when it is half the side).
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        radius: f32,
        fill: Option<Colour>,
        stroke: Option<(Colour, f32)>,
    },
    Line {
        x1: f32,
        y1: f32,
        x2: f32,
        y2: f32,
        colour: Colour,
        width: f32,
    },
    /// A filled polygon (the warning triangle).
    Polygon {
        points: Vec<(f32, f32)>,
        fill: Colour,
    },
    /// An image scaled into the box, clipped to rounded corners when `radius` > 0.
    Image {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        radius: f32,
        source: ImageSource,
    },
}

impl Element {
    /// Moves the element down by `dy`.
    pub fn shifted(mut self, dy: f32) -> Element {
        match &mut self {
            Element::Text { y, .. } | Element::Rect { y, .. } | Element::Image { y, .. } => {
                *y += dy
            }
            Element::Line { y1, y2, .. } => {
                *y1 += dy;
                *y2 += dy;
            }
            Element::Polygon { points, .. } => {
                for p in points.iter_mut() {
                    p.1 += dy;
                }
            }
        }
        self
    }
}

/// One passport page.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Page {
    pub elements: Vec<Element>,
    /// A cover page: no running header.
    pub cover: bool,
}

impl Page {
    /// The page's text in drawing order, for tests.
    #[cfg(test)]
    pub fn text(&self) -> String {
        let mut out = String::new();
        for e in &self.elements {
            if let Element::Text { text, .. } = e {
                out.push_str(text);
                out.push('\n');
            }
        }
        out
    }
}

/// Sizes for one copy, all in points, derived from the template, format and large print.
#[derive(Debug, Clone, PartialEq)]
pub struct Metrics {
    pub page_w: f32,
    pub page_h: f32,
    pub margin: f32,
    pub content_w: f32,
    /// Where content starts (below the running header).
    pub top: f32,
    /// Where content must end (above the footer).
    pub bottom: f32,
    pub body: f32,
    pub line: f32,
    pub small: f32,
    pub h1: f32,
    pub h2: f32,
    pub footer: f32,
    /// Space between blocks.
    pub gap: f32,
    pub booklet: bool,
}

impl Metrics {
    pub fn new(template: &Template, options: &RenderOptions) -> Metrics {
        let booklet = options.format == Format::A5Booklet;
        let ((page_w, page_h), margin_mm, normal) = match options.format {
            Format::A4 => (A4, template.paper.margin_mm, template.paper.body_pt),
            Format::A5Booklet => (
                A5,
                template.paper.booklet_margin_mm,
                template.paper.booklet_body_pt,
            ),
        };
        let body = if options.large_print {
            template.paper.large_print_body_pt.max(14.0)
        } else {
            normal
        };
        let margin = margin_mm * MM;
        let footer = (body * 0.72).max(7.5);
        let header_h = footer * 2.6;
        let footer_h = footer * 3.6;
        Metrics {
            page_w,
            page_h,
            margin,
            content_w: page_w - 2.0 * margin,
            top: margin + header_h,
            bottom: page_h - margin - footer_h,
            body,
            line: body * 1.38,
            small: body * 0.86,
            h1: body * 1.75,
            h2: body * 1.22,
            footer,
            gap: body * 0.6,
            booklet,
        }
    }

    /// The box every photo is printed in (the main photo, the gallery's, a set-up step's):
    /// half the text width, four fifths as high. One size for all of them lets the intake
    /// store one print copy that an A4 page embeds as it is (`media::PrintBox::Equipment`).
    pub fn photo_box(&self) -> (f32, f32) {
        let w = (self.content_w - self.body) / 2.0;
        (w, w * 0.8)
    }

    /// The box the child's photo is printed in on the cover (`media::PrintBox::Child` on A4).
    pub fn child_photo_box(&self) -> (f32, f32) {
        (
            self.content_w * 0.38,
            if self.booklet { 46.0 } else { 80.0 } * MM,
        )
    }

    /// Height available for content on one page.
    pub fn usable(&self) -> f32 {
        self.bottom - self.top
    }

    /// Line height for text at `size`.
    pub fn line_for(&self, size: f32) -> f32 {
        size * 1.38
    }

    /// Baseline offset of a line of text at `size` from the top of its line box.
    pub fn baseline(&self, size: f32) -> f32 {
        (self.line_for(size) - size) / 2.0 + size * 0.8
    }
}
