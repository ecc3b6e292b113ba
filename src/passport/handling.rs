//! The "Moving and handling plan" section: one table row per handling task, with the
//! equipment and sling (and the sling's loops), how many adults, the method, where its photo
//! is and when it is next reviewed.

use super::content::{Block, Column, Context, Table};
use super::paragraph::Span;
use crate::model::{HandlingTask, ItemId};

/// The section's blocks; nothing at all when the plan has no task this copy prints.
///
/// Both copies print the plan. A school copy leaves out a task done with equipment used only
/// at home (a bath hoist), as it leaves out that equipment's pages, so a change to it does not
/// put the school's copy out of date.
pub fn blocks(ctx: &Context, blocks: &mut Vec<Block>) {
    let rows: Vec<Vec<Vec<Span>>> = ctx
        .data
        .handling_plan
        .iter()
        .filter(|t| {
            [t.equipment_id, t.sling_id]
                .into_iter()
                .flatten()
                .all(|id| seen(ctx, id))
        })
        .map(|t| row(ctx, t))
        .collect();
    if rows.is_empty() {
        return;
    }
    let w = &ctx.w;
    blocks.push(Block::NewPage);
    blocks.push(Block::SectionTitle(format!(
        "{}: {}",
        w.label("handling.section"),
        ctx.data.child.details.known_as()
    )));
    blocks.push(Block::Paragraph(vec![Span::regular(
        w.text("handling.intro"),
    )]));
    let columns = [
        ("handling.task", 0.15),
        ("handling.equipment", 0.27),
        ("handling.adults", 0.11),
        ("handling.method", 0.25),
        ("handling.photo", 0.11),
        ("handling.review_by", 0.11),
    ];
    blocks.push(Block::Table(Table {
        columns: columns
            .iter()
            .map(|&(key, weight)| Column::new(&w.label(key), weight))
            .collect(),
        rows,
        blank_rows: 0,
        label_column: true,
    }));
}

/// Whether this copy prints the item's pages (so may name it).
fn seen(ctx: &Context, id: ItemId) -> bool {
    match ctx.data.items.iter().find(|i| i.item.id == id) {
        Some(i) => ctx
            .audience
            .sees_equipment_used_at(i.item.details.where_used),
        None => true,
    }
}

fn item_name(ctx: &Context, id: Option<ItemId>) -> Option<String> {
    let id = id?;
    ctx.data
        .items
        .iter()
        .find(|i| i.item.id == id)
        .map(|i| i.item.details.name.clone())
}

/// The loops as they are printed: "Shoulders Green left, Green right; legs 2nd left, 2nd
/// right".
fn loops_text(ctx: &Context, t: &HandlingTask) -> String {
    let l = &t.loops;
    let blank = |s: &str| {
        if s.is_empty() {
            "–".to_string()
        } else {
            s.to_string()
        }
    };
    ctx.w.phrase(|w| {
        w.label_with(
            "handling.loops",
            &[
                ("shoulder_left", &blank(&l.shoulder_left)),
                ("shoulder_right", &blank(&l.shoulder_right)),
                ("leg_left", &blank(&l.leg_left)),
                ("leg_right", &blank(&l.leg_right)),
            ],
        )
    })
}

fn row(ctx: &Context, t: &HandlingTask) -> Vec<Vec<Span>> {
    let w = &ctx.w;
    let mut equipment = Vec::new();
    match item_name(ctx, t.equipment_id) {
        Some(name) => equipment.push(Span::regular(name)),
        None => equipment.push(Span::regular(w.label("handling.no_equipment"))),
    }
    if let Some(sling) = item_name(ctx, t.sling_id) {
        equipment.push(Span::bold(format!(
            "\n{}: {sling}",
            w.label("handling.sling")
        )));
        equipment.push(Span::regular(format!("\n{}", loops_text(ctx, t))));
    }
    vec![
        vec![Span::bold(&t.task)],
        equipment,
        // Just the number, large enough to read at a glance: the column says what it counts.
        vec![Span::bold(t.adults.to_string())],
        vec![Span::regular(&t.method)],
        vec![Span::regular(&t.photo_ref)],
        vec![Span::regular(
            t.review_date.map(|d| w.date(d)).unwrap_or_default(),
        )],
    ]
}
