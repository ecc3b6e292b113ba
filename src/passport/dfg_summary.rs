//! The one-page DFG case summary for the family and the council: who and where, the timeline
//! of stages (every quote among them, the chosen one marked), the adaptations, the decision
//! and funding, the maximum grant and land charge, and the statutory clocks with their due
//! dates, overdue ones in red.
//!
//! It is drawn by the passports' own pipeline: the same fonts (with fallback), the same
//! blocks (facts, ruled tables, warning boxes), pagination, renderer and PDF finishing. Pure,
//! like the passports: the same case, template and options always give the same bytes. It
//! fits one A4 page by stepping the type down a little for a long case; a case too long even
//! then (dozens of quotes) runs onto a second page rather than lose anything.

use super::content::{Column, Fact, Notice, Table, Tone, uk_date};
use super::flow::{Chunk, paginate};
use super::font::book;
use super::layout::{Builder, LaidOut, lines_at};
use super::page::{Element, Metrics, Page};
use super::paragraph::Span;
use super::template::{Colour, Template};
use super::{Audience, Format, PhotoPolicy, RenderOptions};
use crate::error::Result;
use crate::model::dfg::money::pounds;
use crate::model::dfg::{
    CaseProgress, CaseStatus, ClockKind, DfgCase, GrantFigures, Scheme, Stage, StageRecord,
    StatutoryClock,
};
use chrono::{DateTime, NaiveDate, Utc};
use std::collections::{BTreeMap, BTreeSet};

/// When and as what the summary is printed; given from outside so output is reproducible.
#[derive(Debug, Clone, PartialEq)]
pub struct SummaryOptions {
    /// The date printed on the summary; clocks are judged as the record was built.
    pub printed_on: NaiveDate,
    /// The PDF's creation date.
    pub created_at: DateTime<Utc>,
    /// Becomes the PDF's /ID.
    pub document_id: [u8; 16],
}

/// What the summary is printed from: one case, the child it is for, and where the case stands
/// and what it is worth as judged on the day. The caller gathers these (the API from its case
/// record); nothing here reads them from anywhere.
#[derive(Debug, Clone, Copy)]
pub struct DfgSummaryInput<'a> {
    pub case: &'a DfgCase,
    pub child_name: &'a str,
    pub child_date_of_birth: NaiveDate,
    pub progress: &'a CaseProgress,
    pub figures: &'a GrantFigures,
}

/// Body sizes tried in turn until the summary fits one page.
const BODY_SIZES: [f32; 6] = [9.5, 9.0, 8.5, 8.0, 7.5, 7.0];

/// Clocks due within this many days get an amber notice.
const SOON_DAYS: i64 = 30;

/// Renders the case summary as PDF bytes, from anything that gives the summary's input.
pub fn render<'a>(
    input: impl Into<DfgSummaryInput<'a>>,
    template: &Template,
    options: &SummaryOptions,
) -> Result<Vec<u8>> {
    let record = &input.into();
    let mut template = template.clone();
    // The header names the organisation in words; a logo would be embedded unused.
    template.branding.logo = None;
    let render_options = RenderOptions {
        audience: Audience::Family,
        format: Format::A4,
        large_print: false,
        printed_on: options.printed_on,
        created_at: options.created_at,
        document_id: options.document_id,
        version: String::new(),
        photos: PhotoPolicy::default(),
        language: super::words::Language::En,
    };
    let title = format!("{}: {}", heading_of(record), record.child_name);
    let mut laid = None;
    for size in BODY_SIZES {
        template.paper.body_pt = size;
        let attempt = lay_out(record, &template, &render_options);
        let fits = attempt.pages.len() == 1;
        laid = Some(attempt);
        if fits {
            break;
        }
    }
    let mut laid = laid.expect("at least one size is tried");
    if laid.pages.len() > 1 {
        // Too long for one page even in small type: take the pages it needs at a size
        // that reads comfortably.
        template.paper.body_pt = BODY_SIZES[0];
        laid = lay_out(record, &template, &render_options);
    }
    let pdf = super::render::write(&laid, &BTreeMap::new(), &template, &render_options, &title)?;
    super::metadata::set_subject(pdf, &subject(record), "the case summary")
}

/// "Disabled Facilities Grant" or, in Scotland, "Scheme of assistance".
fn heading_of(record: &DfgSummaryInput<'_>) -> &'static str {
    match record.figures.scheme {
        Scheme::Dfg => "Disabled Facilities Grant case summary",
        Scheme::SchemeOfAssistance => "Scheme of assistance case summary",
    }
}

/// The summary's own subject line for the document information.
fn subject(record: &DfgSummaryInput<'_>) -> String {
    format!(
        "{} for the family and the council: stages, funding and statutory deadlines",
        heading_of(record)
    )
}

fn lay_out(record: &DfgSummaryInput<'_>, template: &Template, options: &RenderOptions) -> LaidOut {
    let m = Metrics::new(template, options);
    let mut b = Builder {
        m: m.clone(),
        palette: &template.branding.palette,
        book: book(),
        missing: BTreeSet::new(),
        chunks: Vec::new(),
        // The case summary stays English for now.
        words: super::words::Words::default(),
    };
    let mut s = Summary {
        b: &mut b,
        r: record,
        today: options.printed_on,
    };
    s.title();
    s.warnings();
    s.case();
    s.timeline();
    s.adaptations();
    s.money();
    s.clocks();
    let mut pages = paginate(&b.chunks, m.top, m.bottom);
    let total = pages.len();
    let organisation = template.branding.organisation.clone();
    for (i, page) in pages.iter_mut().enumerate() {
        b.running_header(page, "DFG case summary", &organisation);
        footer(&mut b, page, record, options, i + 1, total);
    }
    LaidOut {
        pages,
        metrics: m,
        unprintable: b.missing,
    }
}

struct Summary<'b, 'p, 'r> {
    b: &'b mut Builder<'p>,
    r: &'r DfgSummaryInput<'r>,
    today: NaiveDate,
}

fn money(pence: Option<i64>) -> String {
    pence.map(pounds).unwrap_or_else(|| "—".into())
}

fn plural(n: i64, one: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {one}s")
    }
}

fn cell(text: impl Into<String>) -> Vec<Span> {
    vec![Span::regular(text)]
}

fn bold_cell(text: impl Into<String>) -> Vec<Span> {
    vec![Span::bold(text)]
}

impl Summary<'_, '_, '_> {
    fn title(&mut self) {
        let b = &mut *self.b;
        let m = b.m.clone();
        let size = m.h1;
        let lines = b.wrap(&[Span::bold(heading_of(self.r))], size, m.content_w);
        let title_h = lines.len() as f32 * m.line_for(size);
        let mut el = lines_at(&m, &lines, m.margin, 0.0, size, b.palette.primary);
        let p = &self.r.progress;
        let sub = format!(
            "{} · {}, {} at this stage (since {}) · printed {}",
            self.r.child_name,
            p.describe(),
            plural(p.days_in_stage, "day"),
            uk_date(p.since),
            uk_date(self.today)
        );
        let sub_lines = b.wrap(&[Span::regular(sub)], m.body, m.content_w);
        el.extend(lines_at(
            &m,
            &sub_lines,
            m.margin,
            title_h,
            m.body,
            b.palette.secondary,
        ));
        let h = title_h + sub_lines.len() as f32 * m.line;
        el.push(Element::Line {
            x1: m.margin,
            y1: h + 3.0,
            x2: m.margin + m.content_w,
            y2: h + 3.0,
            colour: b.palette.primary,
            width: 1.5,
        });
        b.chunks.push(Chunk::new(h + 3.0, el).keep());
    }

    /// Red boxes for overdue clocks, amber for clocks due soon and for a held or withdrawn
    /// case.
    fn warnings(&mut self) {
        let r = self.r;
        let mut notices = Vec::new();
        let running: Vec<&StatutoryClock> = r
            .progress
            .clocks
            .iter()
            .filter(|c| c.is_running())
            .collect();
        let overdue: Vec<&StatutoryClock> = running.iter().copied().filter(|c| c.overdue).collect();
        let soon: Vec<&StatutoryClock> = running
            .iter()
            .copied()
            .filter(|c| !c.overdue && c.days_left <= SOON_DAYS)
            .collect();
        for (tone, clocks) in [(Tone::Danger, overdue), (Tone::Caution, soon)] {
            let title = match clocks.as_slice() {
                [] => continue,
                [one] if tone == Tone::Danger => format!(
                    "{}: overdue by {}",
                    clock_name(one.kind),
                    plural(-one.days_left, "day")
                ),
                [one] => format!(
                    "{}: due in {}",
                    clock_name(one.kind),
                    plural(one.days_left, "day")
                ),
                many if tone == Tone::Danger => {
                    format!("{} statutory deadlines overdue", many.len())
                }
                many => format!(
                    "{} statutory deadlines due within {SOON_DAYS} days",
                    many.len()
                ),
            };
            let text: Vec<String> = match clocks.as_slice() {
                [one] => vec![format!(
                    "{} Due {}.",
                    clock_rule(one),
                    uk_date(one.due_date)
                )],
                many => many
                    .iter()
                    .map(|c| {
                        format!(
                            "{}: due {}, {}.",
                            clock_name(c.kind),
                            uk_date(c.due_date),
                            c.state().to_lowercase()
                        )
                    })
                    .collect(),
            };
            notices.push(Notice {
                tone,
                title,
                text: text.join(" "),
            });
        }
        let last_of = |stage: Stage| r.case.stages.iter().rev().find(|s| s.entry.stage == stage);
        match r.progress.status {
            CaseStatus::OnHold => {
                if let Some(s) = last_of(Stage::OnHold) {
                    notices.push(Notice {
                        tone: Tone::Caution,
                        title: format!("On hold since {}", uk_date(s.entry.date)),
                        text: format!(
                            "{} The statutory clocks keep running while a case is on hold.",
                            sentence(&s.entry.notes)
                        ),
                    });
                }
            }
            CaseStatus::Withdrawn => {
                if let Some(s) = last_of(Stage::Withdrawn) {
                    notices.push(Notice {
                        tone: Tone::Caution,
                        title: format!("Withdrawn on {}", uk_date(s.entry.date)),
                        text: sentence(&s.entry.notes),
                    });
                }
            }
            _ => {}
        }
        for n in &notices {
            self.b.notice(n);
        }
    }

    fn heading(&mut self, text: &str) {
        let b = &mut *self.b;
        let m = b.m.clone();
        let size = m.h2;
        let lines = b.wrap(&[Span::bold(text)], size, m.content_w - 9.0);
        let h = lines.len() as f32 * m.line_for(size);
        let mut el = lines_at(&m, &lines, m.margin + 9.0, 0.0, size, b.palette.text);
        el.push(Element::Rect {
            x: m.margin,
            y: m.line_for(size) * 0.2,
            w: 3.5,
            h: h - m.line_for(size) * 0.4,
            radius: 0.0,
            fill: Some(b.palette.primary),
            stroke: None,
        });
        b.chunks
            .push(Chunk::new(h + m.gap * 0.3, el).space(m.gap * 1.5).keep());
    }

    fn facts(&mut self, facts: Vec<Fact>) {
        let m = self.b.m.clone();
        let facts: Vec<Fact> = facts
            .into_iter()
            .filter(|f| f.value.iter().any(|s| !s.text.is_empty()))
            .collect();
        self.b.facts(&facts, m.margin, m.content_w);
    }

    fn paragraph(&mut self, text: &str) {
        let m = self.b.m.clone();
        let colour = self.b.palette.text;
        self.b.paragraph(
            &[Span::regular(text)],
            m.margin,
            m.content_w,
            m.body,
            colour,
            m.gap * 0.5,
        );
    }

    fn case(&mut self) {
        let r = self.r;
        let d = &r.case.details;
        let property = [d.property_address.as_str(), d.postcode.as_str()]
            .iter()
            .filter(|s| !s.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join(", ");
        let council = match (d.council.is_empty(), d.agency.is_empty()) {
            (false, false) => format!("{}; home improvement agency: {}", d.council, d.agency),
            (false, true) => d.council.clone(),
            (true, false) => format!("Home improvement agency: {}", d.agency),
            (true, true) => String::new(),
        };
        let tenure = d.tenure.label();
        self.heading("The case");
        self.facts(vec![
            Fact::text(
                "Child",
                format!("{} (born {})", r.child_name, uk_date(r.child_date_of_birth)),
            ),
            Fact::text(
                "Property",
                if property.is_empty() {
                    tenure.to_string()
                } else {
                    format!("{property} ({})", tenure.to_lowercase())
                },
            ),
            Fact::text(
                "Nation and scheme",
                format!("{}: {}", d.jurisdiction.label(), r.figures.scheme.label()),
            ),
            Fact::text("Council and agency", council),
            Fact::text("Applicant", d.applicant.clone()),
        ]);
    }

    fn timeline(&mut self) {
        let stages = &self.r.case.stages;
        self.heading("Timeline");
        if stages.is_empty() {
            self.paragraph("No stage is recorded yet: the case starts with the referral.");
            return;
        }
        let rows = stages
            .iter()
            .map(|s| {
                let e = &s.entry;
                vec![
                    cell(e.date.format("%-d %b %Y").to_string()),
                    bold_cell(e.stage.label()),
                    cell(e.amount_pence.map(pounds).unwrap_or_default()),
                    cell(stage_detail(s)),
                    cell(e.recorded_by.clone()),
                ]
            })
            .collect();
        self.b.table(&Table {
            columns: vec![
                Column::new("Date", 1.15),
                Column::new("Stage", 2.45),
                Column::new("Amount", 0.95),
                Column::new("Details", 2.7),
                Column::new("Recorded by", 1.45),
            ],
            rows,
            blank_rows: 0,
            label_column: false,
        });
    }

    fn adaptations(&mut self) {
        let adaptations = self.r.case.adaptations();
        if adaptations.is_empty() {
            return;
        }
        self.heading("Adaptations the OT recommends");
        let mut rows: Vec<Vec<Vec<Span>>> = adaptations
            .iter()
            .map(|a| {
                vec![
                    cell(a.kind.label()),
                    cell(a.description.clone()),
                    cell(money(a.estimated_cost_pence)),
                ]
            })
            .collect();
        if adaptations.len() > 1
            && let Some(total) = self.r.figures.estimated_cost_pence
        {
            rows.push(vec![
                bold_cell("Estimated total"),
                cell(""),
                bold_cell(pounds(total)),
            ]);
        }
        self.b.table(&Table {
            columns: vec![
                Column::new("Adaptation", 2.4),
                Column::new("Description", 4.6),
                Column::new("Estimate", 1.2),
            ],
            rows,
            blank_rows: 0,
            label_column: false,
        });
    }

    fn money(&mut self) {
        let r = self.r;
        let f = &r.figures;
        let nation = r.case.details.jurisdiction.label();
        let decision = match r.case.decision() {
            Some(d) if d.entry.stage == Stage::DecisionApproved => format!(
                "Approved {} on {}",
                money(d.entry.amount_pence),
                uk_date(d.entry.date)
            ),
            Some(d) => format!(
                "Refused on {}{}",
                uk_date(d.entry.date),
                if d.entry.notes.is_empty() {
                    String::new()
                } else {
                    format!(": {}", d.entry.notes)
                }
            ),
            None if r.case.date_of(Stage::Application).is_some() => {
                "Awaiting the council's decision".to_string()
            }
            None => "Not yet applied for".to_string(),
        };
        let mut facts = vec![Fact::text("Decision", decision)];
        if let Some(split) = &f.funding {
            let mut parts = vec![format!("mandatory grant {}", pounds(split.mandatory_pence))];
            if split.discretionary_pence > 0 {
                parts.push(format!(
                    "discretionary top-up {}",
                    pounds(split.discretionary_pence)
                ));
            }
            if split.family_pence > 0 {
                parts.push(format!(
                    "family contribution {}",
                    pounds(split.family_pence)
                ));
            }
            if split.other_pence > 0 {
                parts.push(format!(
                    "{} {}",
                    if split.other_source.is_empty() {
                        "other"
                    } else {
                        split.other_source.as_str()
                    },
                    pounds(split.other_pence)
                ));
            }
            let mut funding = parts.join(", ");
            if let Some(first) = funding.get(..1) {
                funding = first.to_uppercase() + &funding[1..];
            }
            facts.push(Fact::text("Funding", funding));
        }
        let costs: Vec<String> = [
            ("estimated", f.estimated_cost_pence),
            ("chosen quote", f.chosen_quote_pence),
            ("applied for", f.applied_pence),
            ("paid", f.paid_pence),
        ]
        .iter()
        .filter_map(|(what, p)| p.map(|p| format!("{what} {}", pounds(p))))
        .collect();
        if !costs.is_empty() {
            let mut text = costs.join(", ");
            if let Some(first) = text.get(..1) {
                text = first.to_uppercase() + &text[1..];
            }
            facts.push(Fact::text("Costs", text));
        }
        let max = match f.max_grant_pence {
            Some(p) => format!("{} in {nation}", pounds(p)),
            None => format!("No upper limit in {nation}"),
        };
        // The note is shown unless it only restates the figure.
        let restates = f
            .max_grant_pence
            .is_some_and(|p| f.nation_note.starts_with(&pounds(p)));
        let max = if f.nation_note.is_empty() || restates {
            max
        } else {
            format!("{max}. {}", f.nation_note)
        };
        facts.push(Fact::text("Maximum grant", max));
        if let Some(gap) = f.above_max_pence {
            facts.push(Fact::text(
                "Above the maximum",
                if f.funding.is_some() {
                    format!("{}, funded as above", pounds(gap))
                } else {
                    format!(
                        "{}: to come from a discretionary top-up, the family or a charity",
                        pounds(gap)
                    )
                },
            ));
        }
        facts.push(Fact::text("Land charge", f.land_charge_note.clone()));
        facts.push(Fact::text("Means test", f.means_test_note.clone()));
        self.heading("Decision, funding and grant figures");
        self.facts(facts);
    }

    fn clocks(&mut self) {
        let r = self.r;
        self.heading("Statutory clocks");
        if r.progress.clocks.is_empty() {
            let text = if r.figures.scheme == Scheme::SchemeOfAssistance {
                "The scheme of assistance has no DFG statutory deadlines: the council's own timescales apply."
            } else {
                "No clock is running yet: the statutory deadlines for the decision and the payment start with the full application."
            };
            self.paragraph(text);
            return;
        }
        let rows = r
            .progress
            .clocks
            .iter()
            .map(|c| {
                vec![
                    bold_cell(clock_name(c.kind)),
                    cell(format!(
                        "{} {}",
                        started_by(c),
                        c.started_on.format("%-d %b %Y")
                    )),
                    bold_cell(uk_date(c.due_date)),
                    if c.overdue {
                        bold_cell(c.state())
                    } else {
                        cell(c.state())
                    },
                ]
            })
            .collect();
        let first_row = self.b.chunks.len() + 1;
        self.b.table(&Table {
            columns: vec![
                Column::new("Deadline", 2.0),
                Column::new("Clock started", 2.0),
                Column::new("Due", 1.7),
                Column::new("State", 3.3),
            ],
            rows,
            blank_rows: 0,
            label_column: false,
        });
        // Overdue rows in red: each short row is one chunk after the header.
        let danger = self.b.palette.danger;
        for (chunk, clock) in self.b.chunks[first_row..]
            .iter_mut()
            .zip(&r.progress.clocks)
        {
            if clock.overdue {
                recolour(&mut chunk.elements, danger);
            }
        }
    }
}

fn recolour(elements: &mut [Element], to: Colour) {
    for e in elements {
        if let Element::Text { colour, .. } = e {
            *colour = to;
        }
    }
}

/// Text as a sentence ending in a full stop; empty stays empty.
fn sentence(text: &str) -> String {
    let t = text.trim();
    if t.is_empty() || t.ends_with(['.', '!', '?']) {
        t.to_string()
    } else {
        format!("{t}.")
    }
}

fn clock_name(kind: ClockKind) -> &'static str {
    match kind {
        ClockKind::Decision => "Council's decision",
        ClockKind::Works => "Works completed",
        ClockKind::Payment => "Grant paid",
    }
}

fn started_by(c: &StatutoryClock) -> &'static str {
    match c.started_by {
        Stage::DecisionApproved => "Approved",
        _ => "Applied",
    }
}

/// What the deadline is, in a sentence.
fn clock_rule(c: &StatutoryClock) -> String {
    let from = uk_date(c.started_on);
    match c.kind {
        ClockKind::Decision => {
            format!("The council must decide the full application made on {from}.")
        }
        ClockKind::Works => format!("The works approved on {from} are to be completed."),
        ClockKind::Payment => format!("The grant applied for on {from} is to be paid."),
    }
}

/// What a stage adds to the timeline beyond its date and amount.
fn stage_detail(s: &StageRecord) -> String {
    let e = &s.entry;
    let mut parts: Vec<String> = Vec::new();
    match e.stage {
        Stage::Recommendation if !e.adaptations.is_empty() => {
            let kinds: Vec<&str> = e.adaptations.iter().map(|a| a.kind.label()).collect();
            parts.push(kinds.join(", "));
        }
        Stage::Quote => parts.push(format!(
            "{}{}",
            e.contractor,
            if e.chosen { " (chosen)" } else { "" }
        )),
        Stage::DecisionApproved => {
            if let Some(f) = &e.funding
                && f.total() != f.mandatory_pence
            {
                parts.push(format!("mandatory {}", pounds(f.mandatory_pence)));
            }
        }
        _ => {}
    }
    if !e.notes.is_empty() {
        parts.push(e.notes.clone());
    }
    parts.join("; ")
}

fn footer(
    b: &mut Builder<'_>,
    page: &mut Page,
    record: &DfgSummaryInput<'_>,
    options: &RenderOptions,
    number: usize,
    total: usize,
) {
    let rows = [
        (
            Span::bold(record.child_name),
            Span::bold(format!("Page {number} of {total}")),
        ),
        (
            Span::regular(format!(
                "Printed {} · case {}",
                uk_date(options.printed_on),
                record.case.id
            )),
            Span::bold("Confidential — contains health information"),
        ),
    ];
    b.footer_rows(page, &rows, 0.45);
}
