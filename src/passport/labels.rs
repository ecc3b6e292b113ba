//! A sheet of equipment labels to stick on the equipment itself: the item, whose it is (first
//! name only), its serial, its last and next examination or service, who repairs it, and a QR
//! code a phone's camera reads as plain text (the item, serial, next examination and repair
//! line, and nothing more private).
//!
//! The sheet is A4 with 14 labels of 99.1 × 38.1 mm in two columns of seven, the layout of
//! Avery L7163 and the many sheets sold as its equivalent. Drawn by the passports' own
//! renderer and fonts (with fallback for every script they cover); pure like them.

use super::content::uk_date;
use super::font::book;
use super::layout::{LaidOut, lines_at};
use super::page::{Element, MM, Metrics, Page};
use super::paragraph::Span;
use super::template::{Colour, Template};
use super::{Audience, Format, PhotoPolicy, RenderOptions};
use crate::error::{Error, Result};
use chrono::{DateTime, NaiveDate, Utc};
use qrcode::{Color, EcLevel, QrCode};
use std::collections::{BTreeMap, BTreeSet};

/// One label: what is printed on it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EquipmentLabel {
    pub item_name: String,
    /// The child's first (or preferred) name only: a label is seen by anyone passing.
    pub child_first_name: String,
    pub serial: String,
    /// "LOLER thorough examination" for lifting equipment, "Service" otherwise.
    pub check: String,
    pub last_done: Option<NaiveDate>,
    pub next_due: Option<NaiveDate>,
    /// Who to ring when it breaks: "Ability Lifting 0121 496 0000", or empty.
    pub repair_line: String,
}

impl EquipmentLabel {
    /// The text the QR code holds, shown as it is by a phone's camera.
    pub fn qr_text(&self) -> String {
        let mut lines = vec![self.item_name.clone()];
        if !self.serial.is_empty() {
            lines.push(format!("Serial: {}", self.serial));
        }
        lines.push(format!(
            "Next {}: {}",
            self.check.to_lowercase(),
            self.next_due.map_or("not recorded".to_string(), uk_date)
        ));
        if !self.repair_line.is_empty() {
            lines.push(format!("Repairs: {}", self.repair_line));
        }
        lines.join("\n")
    }
}

/// When the sheet is printed; given from outside so the same labels give the same bytes.
#[derive(Debug, Clone, PartialEq)]
pub struct LabelOptions {
    pub created_at: DateTime<Utc>,
    pub document_id: [u8; 16],
}

/// The sheet's layout, in millimetres: Avery L7163 (A4, 2 × 7).
struct Sheet;

impl Sheet {
    const COLUMNS: usize = 2;
    const ROWS: usize = 7;
    const LABEL_W: f32 = 99.1;
    const LABEL_H: f32 = 38.1;
    const LEFT: f32 = 4.65;
    const TOP: f32 = 15.15;
    const PITCH_X: f32 = 101.6;
    const PITCH_Y: f32 = 38.1;
    /// Clear space inside each label's edge, for a sheet fed a little off true.
    const INSET: f32 = 3.0;
    const PER_PAGE: usize = Sheet::COLUMNS * Sheet::ROWS;

    /// The top-left corner of label `n` on its page, in points.
    fn origin(n: usize) -> (f32, f32) {
        let (row, column) = (n / Sheet::COLUMNS, n % Sheet::COLUMNS);
        (
            (Sheet::LEFT + column as f32 * Sheet::PITCH_X) * MM,
            (Sheet::TOP + row as f32 * Sheet::PITCH_Y) * MM,
        )
    }
}

const INK: Colour = Colour(0, 0, 0);
const QUIET: Colour = Colour(80, 80, 80);
const SIZE: f32 = 8.0;
const NAME_SIZE: f32 = 9.5;

/// The label sheet(s) as PDF bytes: as many A4 pages as the labels need. No labels is an error
/// (there would be nothing to print).
pub fn render(labels: &[EquipmentLabel], options: &LabelOptions) -> Result<Vec<u8>> {
    if labels.is_empty() {
        return Err(Error::Conflict(
            "there is no equipment to label: add the equipment first".into(),
        ));
    }
    let template = Template::for_audience(Audience::School);
    let render_options = RenderOptions {
        audience: Audience::School,
        format: Format::A4,
        large_print: false,
        printed_on: options.created_at.date_naive(),
        created_at: options.created_at,
        document_id: options.document_id,
        version: String::new(),
        photos: PhotoPolicy::default(),
        // The labels stay English for now.
        language: super::words::Language::En,
    };
    let metrics = Metrics::new(&template, &render_options);
    let mut missing = BTreeSet::new();
    let mut pages = Vec::new();
    for sheet in labels.chunks(Sheet::PER_PAGE) {
        let mut page = Page {
            elements: Vec::new(),
            cover: true,
        };
        for (n, label) in sheet.iter().enumerate() {
            let (x, y) = Sheet::origin(n);
            page.elements
                .extend(draw_label(label, &metrics, x, y, &mut missing)?);
        }
        pages.push(page);
    }
    let laid = LaidOut {
        pages,
        metrics,
        unprintable: missing,
    };
    let pdf = super::render::write(
        &laid,
        &BTreeMap::new(),
        &template,
        &render_options,
        "Equipment labels",
    )?;
    super::metadata::set_subject(
        pdf,
        "Equipment labels: each item's serial, examination dates and who repairs it",
        "the labels",
    )
}

/// One label's text and QR code, its top-left corner at (`x`, `y`) points.
fn draw_label(
    label: &EquipmentLabel,
    m: &Metrics,
    x: f32,
    y: f32,
    missing: &mut BTreeSet<char>,
) -> Result<Vec<Element>> {
    let inset = Sheet::INSET * MM;
    let height = Sheet::LABEL_H * MM - 2.0 * inset;
    let qr_side = height;
    let text_w = Sheet::LABEL_W * MM - 3.0 * inset - qr_side;
    let mut out = Vec::new();
    let mut top = y + inset;

    let mut write = |spans: &[Span], size: f32, colour: Colour, max_lines: usize, top: &mut f32| {
        let lines = super::paragraph::wrap(book(), spans, size, text_w, missing);
        let shown = &lines[..lines.len().min(max_lines)];
        out.extend(lines_at(m, shown, x + inset, *top, size, colour));
        *top += shown.len() as f32 * m.line_for(size);
    };
    write(&[Span::bold(&label.item_name)], NAME_SIZE, INK, 2, &mut top);
    if !label.child_first_name.is_empty() {
        write(
            &[Span::regular(format!("For {}", label.child_first_name))],
            SIZE,
            INK,
            1,
            &mut top,
        );
    }
    if !label.serial.is_empty() {
        write(
            &[Span::bold("Serial "), Span::regular(&label.serial)],
            SIZE,
            INK,
            1,
            &mut top,
        );
    }
    let date = |d: Option<NaiveDate>| d.map_or("not recorded".to_string(), uk_date);
    write(
        &[
            Span::bold(format!("{} ", label.check)),
            Span::regular(date(label.last_done)),
        ],
        SIZE,
        INK,
        2,
        &mut top,
    );
    write(
        &[Span::bold("Next due "), Span::regular(date(label.next_due))],
        SIZE,
        INK,
        1,
        &mut top,
    );
    if !label.repair_line.is_empty() {
        write(
            &[Span::bold("Repairs "), Span::regular(&label.repair_line)],
            SIZE,
            QUIET,
            2,
            &mut top,
        );
    }
    let qr_x = x + Sheet::LABEL_W * MM - inset - qr_side;
    out.extend(qr_code(&label.qr_text(), qr_x, y + inset, qr_side)?);
    Ok(out)
}

/// The QR code of `text` as black rectangles in a `side`-point square at (`x`, `y`), with the
/// four-module quiet zone a reader needs inside that square. Dark modules next to each other in
/// a row are drawn as one rectangle, which keeps the page small.
fn qr_code(text: &str, x: f32, y: f32, side: f32) -> Result<Vec<Element>> {
    const QUIET_ZONE: usize = 4;
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M)
        .map_err(|e| Error::Pdf(format!("could not make the label's QR code: {e}")))?;
    let width = code.width();
    let colours = code.to_colors();
    let module = side / (width + 2 * QUIET_ZONE) as f32;
    let mut out = Vec::new();
    for row in 0..width {
        let mut column = 0;
        while column < width {
            if colours[row * width + column] != Color::Dark {
                column += 1;
                continue;
            }
            let start = column;
            while column < width && colours[row * width + column] == Color::Dark {
                column += 1;
            }
            out.push(Element::Rect {
                x: x + (QUIET_ZONE + start) as f32 * module,
                y: y + (QUIET_ZONE + row) as f32 * module,
                w: (column - start) as f32 * module,
                h: module,
                radius: 0.0,
                fill: Some(INK),
                stroke: None,
            });
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::super::page::A4;
    use super::*;

    fn label(name: &str) -> EquipmentLabel {
        EquipmentLabel {
            item_name: name.into(),
            child_first_name: "Zoë".into(),
            serial: "OTB-1007".into(),
            check: "LOLER thorough examination".into(),
            last_done: NaiveDate::from_ymd_opt(2026, 11, 3),
            next_due: NaiveDate::from_ymd_opt(2027, 5, 3),
            repair_line: "Ability Lifting 0121 496 0000".into(),
        }
    }

    fn options() -> LabelOptions {
        LabelOptions {
            created_at: "2026-12-07T09:00:00Z".parse().unwrap(),
            document_id: [7; 16],
        }
    }

    #[test]
    fn the_qr_code_holds_the_item_serial_next_date_and_repair_line_only() {
        assert_eq!(
            label("Ceiling track hoist").qr_text(),
            "Ceiling track hoist\nSerial: OTB-1007\nNext loler thorough examination: 3 May 2027\nRepairs: Ability Lifting 0121 496 0000"
        );
    }

    #[test]
    fn fourteen_labels_fill_a_sheet_and_the_fifteenth_starts_another() {
        let fourteen: Vec<EquipmentLabel> = (0..14).map(|n| label(&format!("Item {n}"))).collect();
        let one_sheet = render(&fourteen, &options()).unwrap();
        let mut fifteen = fourteen.clone();
        fifteen.push(label("Item 14"));
        let two_sheets = render(&fifteen, &options()).unwrap();
        let pages = |pdf: &[u8]| lopdf::Document::load_mem(pdf).unwrap().get_pages().len();
        assert_eq!(pages(&one_sheet), 1);
        assert_eq!(pages(&two_sheets), 2);
    }

    #[test]
    fn the_same_labels_give_the_same_bytes() {
        let labels = [label("Ceiling track hoist")];
        assert_eq!(
            render(&labels, &options()).unwrap(),
            render(&labels, &options()).unwrap()
        );
    }

    #[test]
    fn labels_stay_inside_their_place_on_the_sheet() {
        // The last label's right and bottom edges are within the A4 page.
        let (x, y) = Sheet::origin(Sheet::PER_PAGE - 1);
        assert!(x + Sheet::LABEL_W * MM <= A4.0 + 0.01);
        assert!(y + Sheet::LABEL_H * MM <= A4.1 + 0.01);
    }

    #[test]
    fn nothing_to_label_is_an_error() {
        assert!(render(&[], &options()).is_err());
    }
}
