//! The "Personal emergency evacuation plan" section: on the school copy only, the child's plan
//! for the setting the copy is for (the route and assembly point, what they are evacuated in,
//! the adults named for each session, what to do in the stander and on the hoist), with lines
//! for each named adult and the parents or carers to sign.

use super::audience::Audience;
use super::content::{Block, Column, Context, Fact, Table, uk_date};
use super::paragraph::Span;
use crate::model::EvacuationPlan;

/// The fixed words this section prints, in one place (for the language file).
mod words {
    pub const TITLE: &str = "Personal emergency evacuation plan";
    pub const INTRO: &str = "What to do for me when the fire alarm sounds. Every adult named \
                             here, and my parents or carers, sign at the end to say they have \
                             read this plan and know what to do.";
    pub const SETTING: &str = "Setting";
    pub const ASSEMBLY_POINT: &str = "Assembly point";
    pub const EVACUATED_IN: &str = "Evacuated in";
    pub const REVIEW_BY: &str = "Review by";
    pub const AGREED_BY: &str = "Agreed by";
    pub const ROUTE: &str = "How I leave the building";
    pub const SESSIONS: &str = "Adults named for each session";
    pub const SESSION: &str = "Session";
    pub const ADULTS: &str = "Adults named";
    pub const IN_STANDER: &str = "If the alarm sounds while I am in the stander";
    pub const ON_HOIST: &str = "If the alarm sounds while I am on the hoist";
    pub const NOTES: &str = "Other notes";
    pub const SIGN: &str = "Read and agreed";
    pub const NAME: &str = "Name";
    pub const SIGNATURE: &str = "Signature";
    pub const DATE: &str = "Date";
    pub const PARENT: &str = "Parent or carer";
    pub const NAME_PROMPT: &str = "Name:";
    /// How many parents or carers get a line to sign.
    pub const PARENT_LINES: usize = 2;
}

/// The section's blocks: nothing on a family copy, or when the child has no plan for the
/// setting this copy is for.
pub fn blocks(ctx: &Context, blocks: &mut Vec<Block>) {
    if ctx.audience != Audience::School {
        return;
    }
    let Some(plan) = ctx.data.evacuation_plan.as_ref() else {
        return;
    };
    let setting = ctx
        .data
        .setting
        .as_ref()
        .filter(|s| s.id == plan.setting_id);
    let Some(setting) = setting else {
        // A plan for a setting the child has left is not this school's.
        return;
    };
    blocks.push(Block::NewPage);
    blocks.push(Block::SectionTitle(format!(
        "{}: {}",
        words::TITLE,
        ctx.data.child.details.known_as()
    )));
    blocks.push(Block::Paragraph(vec![Span::regular(words::INTRO)]));
    blocks.push(Block::Facts(facts(ctx, plan, &setting.details.name)));
    paragraph(blocks, words::ROUTE, &plan.route);
    blocks.push(Block::Heading(words::SESSIONS.into()));
    blocks.push(Block::Table(sessions(plan)));
    paragraph(blocks, words::IN_STANDER, &plan.if_in_stander);
    paragraph(blocks, words::ON_HOIST, &plan.if_on_hoist);
    paragraph(blocks, words::NOTES, &plan.notes);
    blocks.push(Block::Heading(words::SIGN.into()));
    // Straight after its heading, so the heading keeps with the table's header.
    blocks.push(Block::Table(signatures(plan)));
}

fn facts(ctx: &Context, plan: &EvacuationPlan, setting: &str) -> Vec<Fact> {
    let item = plan.equipment_id.and_then(|id| {
        ctx.current_items()
            .find(|i| i.item.id == id)
            .map(|i| i.item.details.name.clone())
    });
    let equipment: Vec<&str> = item
        .as_deref()
        .into_iter()
        .chain([plan.equipment_note.as_str()])
        .filter(|s| !s.is_empty())
        .collect();
    let mut facts = vec![Fact::text(words::SETTING, setting)];
    for (label, value) in [
        (words::ASSEMBLY_POINT, plan.assembly_point.clone()),
        (words::EVACUATED_IN, equipment.join("; ")),
        (
            words::REVIEW_BY,
            plan.review_date.map(uk_date).unwrap_or_default(),
        ),
        (words::AGREED_BY, plan.agreed_by.clone()),
    ] {
        if !value.is_empty() {
            facts.push(Fact::text(label, value));
        }
    }
    facts
}

/// A heading and its text, or nothing when the text is blank.
fn paragraph(blocks: &mut Vec<Block>, heading: &str, text: &str) {
    if text.is_empty() {
        return;
    }
    blocks.push(Block::Heading(heading.into()));
    blocks.push(Block::Paragraph(vec![Span::regular(text)]));
}

fn sessions(plan: &EvacuationPlan) -> Table {
    let rows = plan
        .sessions
        .iter()
        .map(|s| {
            let adults: Vec<String> = s
                .adults
                .iter()
                .map(|a| match a.role.as_str() {
                    "" => a.name.clone(),
                    role => format!("{} ({role})", a.name),
                })
                .collect();
            vec![
                vec![Span::bold(&s.session)],
                vec![Span::regular(adults.join("\n"))],
            ]
        })
        .collect();
    Table {
        columns: vec![
            Column::new(words::SESSION, 0.3),
            Column::new(words::ADULTS, 0.7),
        ],
        rows,
        blank_rows: 0,
        label_column: true,
    }
}

/// A row to sign for each adult named (once, however many sessions they cover), two lines
/// tall, then one for each parent or carer with room to print their name.
fn signatures(plan: &EvacuationPlan) -> Table {
    let mut rows: Vec<Vec<Vec<Span>>> = plan
        .adults()
        .into_iter()
        .map(|a| {
            vec![
                vec![Span::bold(&a.name), Span::regular(format!("\n{}", a.role))],
                vec![],
                vec![],
            ]
        })
        .collect();
    for _ in 0..words::PARENT_LINES {
        rows.push(vec![
            vec![
                Span::bold(words::PARENT),
                Span::regular(format!("\n{}", words::NAME_PROMPT)),
            ],
            vec![],
            vec![],
        ]);
    }
    Table {
        columns: vec![
            Column::new(words::NAME, 0.4),
            Column::new(words::SIGNATURE, 0.4),
            Column::new(words::DATE, 0.2),
        ],
        rows,
        blank_rows: 0,
        label_column: false,
    }
}
