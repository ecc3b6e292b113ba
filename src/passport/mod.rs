//! Printable Equipment Passports (PDF): layout, rendering, A5 booklets, audience rules.
//!
//! Everything here is pure: the caller gathers a child's records into [`PassportData`], picks
//! a [`Template`] and [`RenderOptions`] (audience, paper, print date, document id), and gets
//! PDF bytes back. No database, no clock, no files, so the same inputs always give the same
//! document.
//!
//! The pipeline: `content` turns the records into the blocks one audience may see (the
//! school copy never has the home address or NHS number); `layout` measures and wraps them
//! onto pages (headings kept with what follows, table headers repeated, footers with "Page X
//! of Y"), with `font` choosing Atkinson Hyperlegible or the DejaVu Sans fallback for each
//! character; `photo` sizes the photos; `render` writes the pages with printpdf and
//! `metadata` finishes the file with lopdf (document information, /Lang, /ID).
//! [`booklet`] orders A5 pages two to a sheet. [`content_hash`] fingerprints the printable
//! content so the issued-copy register can tell when a printed copy is out of date.

mod audience;
pub mod booklet;
mod branding;
mod contacts;
mod content;
mod cover;
pub mod dfg_summary;
mod equipment;
mod evacuation;
mod figure;
pub mod file_name;
mod flow;
mod font;
mod handling;
pub mod labels;
mod layout;
mod metadata;
mod notice;
mod page;
mod paragraph;
mod photo;
mod render;
pub(crate) mod resample;
mod servicing;
mod shaping;
mod statements;
mod table;
pub mod template;
mod timetable;
pub mod words;

#[cfg(test)]
mod boundary;
#[cfg(test)]
mod fixture;
#[cfg(test)]
mod proof;
#[cfg(test)]
mod proof_evacuation;
#[cfg(test)]
mod proof_handling;
#[cfg(test)]
mod proof_welsh;

pub use audience::{Audience, Field};
pub use equipment::SafetyNoticeLine;
pub use photo::PhotoPolicy;
pub use servicing::PassportSchedule;
pub use template::{SectionKind, Template};
pub use words::{Language, WordBook, Words};

use crate::error::{Error, Result};
use crate::model::{Child, Contact, EquipmentItem, PhotoId, ServiceRecord, Setting, Supplier};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// A photo as the passport takes it: the normalised JPEG (upright, no metadata, at most
/// 2,000 px) with its size and SHA-256, and the smaller copies made for print when there are
/// any. The caller fills it from wherever it keeps photos.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PassportPhoto {
    pub jpeg: Vec<u8>,
    /// The stored 320 px thumbnail, when loaded: small printed photos (set-up steps) use it
    /// as it is instead of shrinking the full photo.
    pub thumbnail: Vec<u8>,
    /// The print copy the intake made (sized for an A4 page at 200 dpi), when loaded and
    /// when the photo is larger than that.
    pub print: Vec<u8>,
    pub width: u32,
    pub height: u32,
    /// Hex SHA-256 of `jpeg`, when the caller has it; computed here when empty.
    pub sha256: String,
}

/// The therapist who signs the passport off.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(default)]
pub struct TherapistProfile {
    pub name: String,
    /// e.g. "Occupational Therapist".
    pub profession: String,
    /// Health and Care Professions Council registration, e.g. "OT12345".
    pub hcpc_number: String,
}

/// Someone already trained to use the child's equipment, printed above the empty rows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrainedStaff {
    pub name: String,
    pub role: String,
    /// The item they were trained on: printed only while the copy prints the item. `None`
    /// for training on the child's equipment as a whole.
    #[serde(default)]
    pub item_id: Option<crate::model::ItemId>,
    /// That item's name.
    #[serde(default)]
    pub item_name: String,
    pub trained_on: Option<NaiveDate>,
    pub trained_by: String,
    #[serde(default)]
    pub refresh_by: Option<NaiveDate>,
}

/// An item with its service log (any order; the passport finds the latest of each kind).
#[derive(Debug, Clone, PartialEq)]
pub struct PassportItem {
    pub item: EquipmentItem,
    pub service_log: Vec<ServiceRecord>,
    /// Every schedule of the item (any order; the servicing page sorts them).
    pub schedules: Vec<PassportSchedule>,
    /// Open field safety notices the item awaits action on: each prints a box on its page.
    pub safety_notices: Vec<SafetyNoticeLine>,
}

/// Everything one child's passport is printed from.
#[derive(Debug, Clone, PartialEq)]
pub struct PassportData {
    pub child: Child,
    pub setting: Option<Setting>,
    pub contacts: Vec<Contact>,
    /// All the child's items: only current ones (in use, awaiting repair) are printed.
    pub items: Vec<PassportItem>,
    /// The suppliers the items name (others are ignored).
    pub suppliers: Vec<Supplier>,
    /// The child's photo and every item and step photo, by id. A photo missing here is
    /// left out of the passport (the layout closes up around it).
    pub photos: HashMap<PhotoId, PassportPhoto>,
    pub therapist: TherapistProfile,
    pub trained_staff: Vec<TrainedStaff>,
    /// The moving and handling plan, in its order; its items are looked up in `items`.
    pub handling_plan: Vec<crate::model::HandlingTask>,
    /// The personal emergency evacuation plan for the child's setting, printed on the school
    /// copy only; its item is looked up in `items`.
    pub evacuation_plan: Option<crate::model::EvacuationPlan>,
}

/// Paper format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum Format {
    /// A4 portrait, one passport page per sheet side.
    A4,
    /// A5 pages imposed two to an A4 landscape sheet in saddle-stitch order: print duplex,
    /// flipping on the short edge, fold and staple.
    A5Booklet,
}

impl Format {
    pub fn code(self) -> &'static str {
        match self {
            Format::A4 => "a4",
            Format::A5Booklet => "a5-booklet",
        }
    }
}

impl std::str::FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> std::result::Result<Self, String> {
        match s.trim().to_lowercase().as_str() {
            "a4" => Ok(Format::A4),
            "a5-booklet" | "a5" | "booklet" => Ok(Format::A5Booklet),
            other => Err(format!("'{other}' is not a format: use a4 or a5-booklet")),
        }
    }
}

/// How to print one copy. Dates and the document id come in from outside so output is
/// reproducible.
#[derive(Debug, Clone, PartialEq)]
pub struct RenderOptions {
    pub audience: Audience,
    pub format: Format,
    /// Body text at the template's large-print size (at least 14 pt).
    pub large_print: bool,
    /// The date printed on the passport; "overdue" is judged against it.
    pub printed_on: NaiveDate,
    /// The PDF's creation date.
    pub created_at: DateTime<Utc>,
    /// Becomes the PDF's /ID: give each printed copy its own (e.g. a UUID's bytes).
    pub document_id: [u8; 16],
    /// The passport version printed on the cover and in the footer, e.g. "3".
    pub version: String,
    /// How photos are sized: [`PhotoPolicy::default`] keeps them at 200 dpi.
    pub photos: PhotoPolicy,
    /// The language of the fixed words: English, Welsh or bilingual.
    pub language: Language,
}

/// A rendered passport and what the caller should know about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    pub pdf: Vec<u8>,
    /// Passport pages (A5 pages for a booklet, including "Notes" pages).
    pub pages: usize,
    /// Physical sheet sides in the PDF (equals `pages` for A4).
    pub pdf_pages: usize,
    /// Characters no embedded font can draw: each was printed as "�". Show these to the
    /// user so they can correct the record.
    pub unprintable: Vec<char>,
}

/// Renders a passport to PDF bytes. See [`render_with_report`] for the page count and any
/// characters that could not be printed.
pub fn render(
    data: &PassportData,
    template: &Template,
    options: &RenderOptions,
) -> Result<Vec<u8>> {
    render_with_report(data, template, options).map(|r| r.pdf)
}

/// Renders a passport and reports on it.
pub fn render_with_report(
    data: &PassportData,
    template: &Template,
    options: &RenderOptions,
) -> Result<Rendered> {
    check_audience(template, options.audience)?;
    let content = content::build_in(
        data,
        template,
        options.audience,
        Some(options.printed_on),
        options.language,
    );
    let laid_out = layout::lay_out(&content, template, options);
    let photos = photo::prepare(&laid_out, &data.photos, options.photos)?;
    let pdf = render::write(&laid_out, &photos, template, options, &content.title)?;
    Ok(Rendered {
        pdf,
        pages: laid_out.pages.len(),
        pdf_pages: match options.format {
            Format::A4 => laid_out.pages.len(),
            Format::A5Booklet => laid_out.pages.len() / 2,
        },
        unprintable: laid_out.unprintable.iter().copied().collect(),
    })
}

/// A fingerprint (hex SHA-256) of what a copy for `audience` would print: its text and its
/// photos' hashes, after the audience's rules. It leaves out the print date, version,
/// paper format and document id, and so changes only when the printed content would.
pub fn content_hash(data: &PassportData, template: &Template, audience: Audience) -> String {
    content::build(data, template, audience, None).fingerprint()
}

fn check_audience(template: &Template, audience: Audience) -> Result<()> {
    match template.audience {
        Some(meant) if meant != audience => Err(Error::Pdf(format!(
            "{}: this template is for the {} but a {} was asked for: choose the {} template",
            template.source,
            meant.label().to_lowercase(),
            audience.label().to_lowercase(),
            audience.code()
        ))),
        _ => Ok(()),
    }
}
