//! What a copy of the passport says, before anything is measured: a list of blocks built from
//! the child's records under one audience's rules. It is also what [`super::content_hash`]
//! fingerprints, so anything that changes here changes the hash.

use super::audience::{Audience, Field, Visibility};
use super::font::Style;
use super::paragraph::Span;
use super::template::{SectionKind, Template};
use super::words::{Language, Words};
use super::{PassportData, PassportItem, contacts, equipment, evacuation, handling, timetable};
use crate::model::{ItemStatus, PhotoId, StatementColour, Supplier, SupplierId};
use chrono::NaiveDate;
use serde::Serialize;
use sha2::{Digest, Sha256};

/// A photo placed in the passport, named by its id and content hash.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PhotoRef {
    pub id: PhotoId,
    pub sha256: String,
    pub caption: String,
    pub width: u32,
    pub height: u32,
}

/// One labelled value ("Staff needed" → "2 adults").
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fact {
    pub label: String,
    pub value: Vec<Span>,
}

impl Fact {
    pub fn text(label: &str, value: impl Into<String>) -> Fact {
        Fact {
            label: label.to_string(),
            value: vec![Span::regular(value)],
        }
    }
}

/// How loudly a notice speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Tone {
    /// Overdue, never examined, not safe: red.
    Danger,
    /// Due soon, awaiting repair, alerts: amber.
    Caution,
    /// Found not safe to operate: red, with a large title ("DO NOT USE") and a large marker.
    Stop,
}

/// A boxed warning with an icon.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Notice {
    pub tone: Tone,
    pub title: String,
    pub text: String,
}

/// One colour of the child's most important things: a band in the colour with its marker,
/// heading and the colour's name, then the statements as a list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Statements {
    pub colour: StatementColour,
    pub heading: String,
    pub items: Vec<String>,
}

/// A numbered set-up step.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Step {
    pub text: String,
    pub photo: Option<PhotoRef>,
}

/// A table column: its title and share of the width.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Column {
    pub title: String,
    pub weight: f32,
}

impl Column {
    pub fn new(title: &str, weight: f32) -> Column {
        Column {
            title: title.into(),
            weight,
        }
    }
}

/// A table with a header row repeated on every page it runs onto.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Table {
    pub columns: Vec<Column>,
    /// Each cell is styled text (may hold line breaks).
    pub rows: Vec<Vec<Vec<Span>>>,
    /// Empty rows to write in by hand, each tall enough for a signature.
    pub blank_rows: usize,
    /// Shade the first column (row labels, as in a timetable).
    pub label_column: bool,
}

/// The cover page.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Cover {
    pub audience_label: String,
    pub organisation: String,
    pub contact_lines: Vec<String>,
    pub name: String,
    pub known_as: Option<String>,
    pub photo: Option<PhotoRef>,
    pub facts: Vec<Fact>,
    pub item_names: Vec<String>,
}

/// One piece of the passport, in reading order.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum Block {
    Cover(Cover),
    /// Start the next block on a fresh page (nothing happens at the top of a page).
    NewPage,
    SectionTitle(String),
    /// The coloured band that opens an item's pages.
    ItemBanner {
        name: String,
        detail: String,
    },
    Heading(String),
    Paragraph(Vec<Span>),
    Facts(Vec<Fact>),
    /// The item's main photo beside its key facts (facts alone when it has no photo).
    Overview {
        photo: Option<PhotoRef>,
        facts: Vec<Fact>,
    },
    Gallery(Vec<PhotoRef>),
    Checklist(Vec<String>),
    Steps(Vec<Step>),
    DosDonts {
        dos: Vec<String>,
        donts: Vec<String>,
    },
    Table(Table),
    Notice(Notice),
    /// The statements of one colour on the "Read this first" page.
    Statements(Statements),
    /// The sign-off, kept on one page: a heading, a statement, the therapist's name,
    /// profession and registration, then lines to sign and date.
    SignOff {
        statement: String,
        facts: Vec<Fact>,
    },
}

/// The whole printable content of one copy.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Content {
    /// The PDF's title.
    pub title: String,
    /// The child's name as the footer prints it.
    pub child_name: String,
    pub audience: Audience,
    pub blocks: Vec<Block>,
    /// The fixed words in the copy's language, for the layout's header, footers and cover.
    /// Left out of the fingerprint, which is taken in English: a Welsh copy of the same
    /// records is not out of date.
    #[serde(skip)]
    pub words: Words,
}

impl Content {
    /// Hex SHA-256 of the content. Photos count by their hashes, so a retaken photo
    /// changes it and re-reading the same bytes does not.
    pub fn fingerprint(&self) -> String {
        let json = serde_json::to_vec(self).expect("content serialises");
        hex(&Sha256::digest(json))
    }
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// What building a section needs to know.
pub struct Context<'a> {
    pub data: &'a PassportData,
    pub template: &'a Template,
    pub audience: Audience,
    pub visibility: Visibility,
    /// The print date; `None` when fingerprinting, so nothing depends on the day.
    pub today: Option<NaiveDate>,
    /// The fixed words in the copy's language.
    pub w: Words,
}

impl Context<'_> {
    pub fn shows(&self, field: Field) -> bool {
        self.visibility.shows(field)
    }

    /// The items this copy prints, in the order given: those still with the child and, on a
    /// school copy, used at school (at school or both). Equipment used only at home is the
    /// family's business: it stays off the school's cover, pages, timetable and contacts, and
    /// so out of the school copy's fingerprint too.
    pub fn current_items(&self) -> impl Iterator<Item = &PassportItem> {
        let audience = self.audience;
        self.data.items.iter().filter(move |i| {
            let d = &i.item.details;
            d.status.is_current() && audience.sees_equipment_used_at(d.where_used)
        })
    }

    pub fn supplier(&self, id: Option<SupplierId>) -> Option<&Supplier> {
        let id = id?;
        self.data.suppliers.iter().find(|s| s.id == id)
    }

    /// A photo if the data holds its bytes.
    pub fn photo(&self, id: PhotoId, caption: &str) -> Option<PhotoRef> {
        let stored = self.data.photos.get(&id)?;
        let sha256 = if stored.sha256.is_empty() {
            hex(&Sha256::digest(&stored.jpeg))
        } else {
            stored.sha256.clone()
        };
        Some(PhotoRef {
            id,
            sha256,
            caption: caption.to_string(),
            width: stored.width,
            height: stored.height,
        })
    }
}

/// UK long date in English: "22 November 2026" (the labels and case summary, which stay
/// English; a passport writes its dates with [`Words::date`]).
pub fn uk_date(date: NaiveDate) -> String {
    date.format("%-d %B %Y").to_string()
}

/// Builds the blocks of one copy in English.
pub fn build(
    data: &PassportData,
    template: &Template,
    audience: Audience,
    today: Option<NaiveDate>,
) -> Content {
    build_in(data, template, audience, today, Language::En)
}

/// Builds the blocks of one copy in a language.
pub fn build_in(
    data: &PassportData,
    template: &Template,
    audience: Audience,
    today: Option<NaiveDate>,
    language: Language,
) -> Content {
    let ctx = Context {
        data,
        template,
        audience,
        visibility: Visibility::new(audience, &template.hidden),
        today,
        w: template.words.in_language(language),
    };
    let w = &ctx.w;
    let child = &data.child.details;
    let mut blocks = Vec::new();
    for section in &template.sections {
        match section {
            SectionKind::Cover => blocks.push(Block::Cover(cover(&ctx, audience))),
            SectionKind::KeyStatements => key_statements(&ctx, &mut blocks),
            SectionKind::AboutMe => about_me(&ctx, &mut blocks),
            SectionKind::KeyContacts => contacts::blocks(&ctx, &mut blocks),
            SectionKind::Equipment => {
                let mut any = false;
                for item in ctx.current_items() {
                    equipment::blocks(&ctx, item, &mut blocks);
                    any = true;
                }
                if !any
                    && audience == Audience::School
                    && ctx
                        .data
                        .items
                        .iter()
                        .any(|i| i.item.details.status.is_current())
                {
                    // Said, not left blank: staff should not wonder whether pages are missing.
                    blocks.push(Block::NewPage);
                    blocks.push(Block::SectionTitle(w.label("equipment.section")));
                    blocks.push(Block::Paragraph(vec![Span::regular(
                        w.text("equipment.none_at_school"),
                    )]));
                }
            }
            SectionKind::HandlingPlan => handling::blocks(&ctx, &mut blocks),
            SectionKind::EvacuationPlan => evacuation::blocks(&ctx, &mut blocks),
            SectionKind::Timetable => timetable::blocks(&ctx, &mut blocks),
            SectionKind::StaffTrained => staff_trained(&ctx, &mut blocks),
            SectionKind::SignOff => sign_off(&ctx, &mut blocks),
        }
    }
    let name = format!("{} {}", child.given_name, child.family_name);
    Content {
        title: format!("{}: {name}", w.label("common.title")),
        child_name: name,
        audience,
        blocks,
        words: ctx.w.clone(),
    }
}

fn cover(ctx: &Context, audience: Audience) -> Cover {
    let child = &ctx.data.child.details;
    let w = &ctx.w;
    let mut facts = Vec::new();
    if ctx.shows(Field::ChildDateOfBirth) {
        facts.push(Fact::text(
            &w.label("cover.date_of_birth"),
            w.date(child.date_of_birth),
        ));
    }
    if let Some(setting) = &ctx.data.setting {
        facts.push(Fact::text(&w.label("cover.setting"), &setting.details.name));
    }
    if ctx.shows(Field::ChildClass) && !child.class_name.is_empty() {
        facts.push(Fact::text(&w.label("cover.class"), &child.class_name));
    }
    let review = ctx
        .current_items()
        .flat_map(|i| &i.schedules)
        .filter(|s| s.kind == crate::model::ScheduleKind::Review)
        .map(|s| s.next_due)
        .min();
    if let Some(review) = review {
        facts.push(Fact {
            label: w.label("cover.review_by"),
            value: vec![Span::bold(w.date(review))],
        });
    }
    let known_as = (!child.preferred_name.is_empty() && child.preferred_name != child.given_name)
        .then(|| child.preferred_name.clone());
    Cover {
        audience_label: w.label(&format!("common.copy_{}", audience.code())),
        organisation: ctx.template.branding.organisation.clone(),
        contact_lines: ctx.template.branding.contact_lines.clone(),
        name: format!("{} {}", child.given_name, child.family_name),
        known_as,
        photo: ctx
            .data
            .child
            .photo_id
            .filter(|_| ctx.shows(Field::ChildPhoto))
            .and_then(|id| ctx.photo(id, "")),
        facts,
        // An item found not safe to operate says so from the cover on.
        item_names: ctx
            .current_items()
            .map(|i| match i.item.details.status {
                ItemStatus::NotSafe => {
                    format!("{} ({})", i.item.details.name, w.label("cover.do_not_use"))
                }
                _ => i.item.details.name.clone(),
            })
            .collect(),
    }
}

/// The page after the cover: what must never happen, then how to keep the child safe, then
/// what helps them enjoy their equipment. Every copy prints it, for the school reads it as
/// much as the family; a child with no statements gets no page at all.
fn key_statements(ctx: &Context, blocks: &mut Vec<Block>) {
    let child = &ctx.data.child.details;
    if child.key_statements.is_empty() {
        return;
    }
    blocks.push(Block::NewPage);
    blocks.push(Block::SectionTitle(format!(
        "{}: {}",
        ctx.w.label("statements.section"),
        child.known_as()
    )));
    for (colour, items) in child.key_statements.by_colour() {
        if !items.is_empty() {
            blocks.push(Block::Statements(Statements {
                colour,
                heading: ctx.w.choice("statements", colour.code()),
                items: items.to_vec(),
            }));
        }
    }
}

fn about_me(ctx: &Context, blocks: &mut Vec<Block>) {
    let child = &ctx.data.child.details;
    blocks.push(Block::NewPage);
    let w = &ctx.w;
    blocks.push(Block::SectionTitle(format!(
        "{}: {}",
        w.label("about_me.section"),
        child.known_as()
    )));
    let mut details = Vec::new();
    if ctx.shows(Field::ChildNhsNumber) && child.nhs_number.len() == 10 {
        let n = &child.nhs_number;
        details.push(Fact::text(
            &w.label("about_me.nhs_number"),
            format!("{} {} {}", &n[..3], &n[3..6], &n[6..]),
        ));
    }
    if ctx.shows(Field::ChildHomeAddress) && !child.home_address.is_empty() {
        let mut address = child.home_address.clone();
        if !child.home_postcode.is_empty() {
            address.push('\n');
            address.push_str(&child.home_postcode);
        }
        details.push(Fact::text(&w.label("about_me.home_address"), address));
    }
    if !details.is_empty() {
        blocks.push(Block::Facts(details));
    }
    let about = &child.about_me;
    if ctx.shows(Field::ChildMedicalAlerts) && !about.medical_alerts.is_empty() {
        blocks.push(Block::Notice(Notice {
            tone: Tone::Caution,
            title: w.label("about_me.alerts"),
            text: about.medical_alerts.clone(),
        }));
    }
    let mut any = false;
    for (heading, text) in [
        ("about_me.communication", &about.communication),
        ("about_me.what_helps", &about.what_helps),
    ] {
        if !text.is_empty() {
            any = true;
            blocks.push(Block::Heading(w.label(heading)));
            blocks.push(Block::Paragraph(vec![Span::regular(text.clone())]));
        }
    }
    if !any {
        blocks.push(Block::Paragraph(vec![Span {
            text: w.text("about_me.nothing_yet"),
            style: Style::Italic,
        }]));
    }
}

fn staff_trained(ctx: &Context, blocks: &mut Vec<Block>) {
    let w = &ctx.w;
    blocks.push(Block::NewPage);
    blocks.push(Block::SectionTitle(w.label("staff_trained.section")));
    blocks.push(Block::Paragraph(vec![Span::regular(
        w.text("staff_trained.intro"),
    )]));
    // The register's entries for the equipment this copy prints, then blank rows to sign.
    let printed: Vec<_> = ctx.current_items().map(|i| i.item.id).collect();
    // Short months ("8 Sep 2026"): seven columns leave a date little room.
    let short = |d: Option<NaiveDate>| d.map(|d| w.short_date(d));
    let rows = ctx
        .data
        .trained_staff
        .iter()
        .filter(|s| s.item_id.is_none_or(|id| printed.contains(&id)))
        .map(|s| {
            vec![
                vec![Span::regular(&s.name)],
                vec![Span::regular(&s.role)],
                vec![Span::regular(&s.item_name)],
                vec![Span::regular(short(s.trained_on).unwrap_or_default())],
                vec![Span::regular(&s.trained_by)],
                vec![Span::regular(short(s.refresh_by).unwrap_or_default())],
                vec![],
            ]
        })
        .collect();
    let columns = [
        ("staff_trained.name", 0.16),
        ("staff_trained.role", 0.14),
        ("staff_trained.equipment", 0.15),
        ("staff_trained.date_trained", 0.12),
        ("staff_trained.trained_by", 0.15),
        ("staff_trained.refresher_due", 0.12),
        ("staff_trained.signature", 0.16),
    ];
    blocks.push(Block::Table(Table {
        columns: columns
            .iter()
            .map(|&(key, weight)| Column::new(&w.label(key), weight))
            .collect(),
        rows,
        blank_rows: ctx.template.staff_trained_rows,
        label_column: false,
    }));
}

fn sign_off(ctx: &Context, blocks: &mut Vec<Block>) {
    let t = &ctx.data.therapist;
    let w = &ctx.w;
    blocks.push(Block::SignOff {
        statement: w.text("sign_off.statement"),
        facts: vec![
            Fact::text(&w.label("sign_off.therapist"), &t.name),
            Fact::text(&w.label("sign_off.profession"), &t.profession),
            Fact::text(&w.label("sign_off.hcpc"), &t.hcpc_number),
        ],
    });
}
