//! The "Personal emergency evacuation plan" section: on the school copy only, the child's plan
//! for the setting the copy is for (the route and assembly point, what they are evacuated in,
//! the adults named for each session, what to do in the stander and on the hoist), with lines
//! for each named adult and the parents or carers to sign.

use super::audience::Audience;
use super::content::{Block, Column, Context, Fact, Table};
use super::paragraph::Span;
use crate::model::EvacuationPlan;

/// How many parents or carers get a line to sign.
const PARENT_LINES: usize = 2;

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
    let w = &ctx.w;
    blocks.push(Block::NewPage);
    blocks.push(Block::SectionTitle(format!(
        "{}: {}",
        w.label("evacuation.section"),
        ctx.data.child.details.known_as()
    )));
    blocks.push(Block::Paragraph(vec![Span::regular(
        w.text("evacuation.intro"),
    )]));
    blocks.push(Block::Facts(facts(ctx, plan, &setting.details.name)));
    paragraph(blocks, &w.label("evacuation.route"), &plan.route);
    blocks.push(Block::Heading(w.label("evacuation.sessions")));
    blocks.push(Block::Table(sessions(ctx, plan)));
    paragraph(
        blocks,
        &w.label("evacuation.in_stander"),
        &plan.if_in_stander,
    );
    paragraph(blocks, &w.label("evacuation.on_hoist"), &plan.if_on_hoist);
    paragraph(blocks, &w.label("evacuation.notes"), &plan.notes);
    blocks.push(Block::Heading(w.label("evacuation.sign")));
    // Straight after its heading, so the heading keeps with the table's header.
    blocks.push(Block::Table(signatures(ctx, plan)));
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
    let w = &ctx.w;
    let mut facts = vec![Fact::text(&w.label("evacuation.setting"), setting)];
    for (label, value) in [
        ("evacuation.assembly_point", plan.assembly_point.clone()),
        ("evacuation.evacuated_in", equipment.join("; ")),
        (
            "evacuation.review_by",
            plan.review_date.map(|d| w.date(d)).unwrap_or_default(),
        ),
        ("evacuation.agreed_by", plan.agreed_by.clone()),
    ] {
        if !value.is_empty() {
            facts.push(Fact::text(&w.label(label), value));
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

fn sessions(ctx: &Context, plan: &EvacuationPlan) -> Table {
    let rows = plan
        .sessions
        .iter()
        .map(|s| {
            vec![
                vec![Span::bold(&s.session)],
                vec![Span::regular(s.adults_joined("\n"))],
            ]
        })
        .collect();
    Table {
        columns: vec![
            Column::new(&ctx.w.label("evacuation.session"), 0.3),
            Column::new(&ctx.w.label("evacuation.adults"), 0.7),
        ],
        rows,
        blank_rows: 0,
        label_column: true,
    }
}

/// A row to sign for each adult named (once, however many sessions they cover), two lines
/// tall, then one for each parent or carer with room to print their name.
fn signatures(ctx: &Context, plan: &EvacuationPlan) -> Table {
    let w = &ctx.w;
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
    for _ in 0..PARENT_LINES {
        rows.push(vec![
            vec![
                Span::bold(w.label("evacuation.parent")),
                Span::regular(format!("\n{}", w.label("evacuation.name_prompt"))),
            ],
            vec![],
            vec![],
        ]);
    }
    Table {
        columns: vec![
            Column::new(&w.label("evacuation.name"), 0.4),
            Column::new(&w.label("evacuation.signature"), 0.4),
            Column::new(&w.label("evacuation.date"), 0.2),
        ],
        rows,
        blank_rows: 0,
        label_column: false,
    }
}
