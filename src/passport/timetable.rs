//! The daily timetable: a grid of days across and start times down, showing which item is
//! used when, built from every current item's schedule.

use super::content::{Block, Column, Context, Table};
use super::equipment::duration_text;
use super::paragraph::Span;
use crate::model::Day;
use chrono::NaiveTime;
use std::collections::BTreeMap;

/// One entry in a timetable cell: the item's name and how long it is used.
type Cell = Vec<Span>;

pub fn blocks(ctx: &Context, blocks: &mut Vec<Block>) {
    let w = &ctx.w;
    blocks.push(Block::NewPage);
    blocks.push(Block::SectionTitle(w.label("timetable.section")));

    // Start time (None = not set, sorted last) → day → entries.
    let mut grid: BTreeMap<(bool, Option<NaiveTime>), BTreeMap<Day, Vec<Cell>>> = BTreeMap::new();
    let mut weekend = false;
    let mut as_needed = Vec::new();
    for entry in ctx.current_items() {
        let d = &entry.item.details;
        if d.schedule.is_empty() {
            as_needed.push(d.name.clone());
        }
        for slot in &d.schedule {
            let mut text = vec![Span::bold(&d.name)];
            let mut more = Vec::new();
            if let Some(m) = slot.duration_minutes {
                more.push(duration_text(w, m));
            }
            if !slot.activity.is_empty() {
                more.push(slot.activity.clone());
            }
            if !more.is_empty() {
                text.push(Span::regular(format!("\n{}", more.join(", "))));
            }
            let row = grid.entry((slot.start.is_none(), slot.start)).or_default();
            for &day in &slot.days {
                weekend |= matches!(day, Day::Sat | Day::Sun);
                row.entry(day).or_default().push(text.clone());
            }
        }
    }

    if grid.is_empty() {
        blocks.push(Block::Paragraph(vec![Span::italic(
            w.text("timetable.no_times"),
        )]));
    } else {
        blocks.push(Block::Paragraph(vec![Span::regular(
            w.text("timetable.intro"),
        )]));
        let days: Vec<Day> = Day::ALL
            .iter()
            .copied()
            .filter(|d| weekend || !matches!(d, Day::Sat | Day::Sun))
            .collect();
        let day_weight = 0.86 / days.len() as f32;
        let mut columns = vec![Column {
            title: w.label("timetable.time"),
            weight: 0.14,
        }];
        columns.extend(days.iter().map(|&d| Column {
            title: w.day_short(d),
            weight: day_weight,
        }));
        let rows = grid
            .into_iter()
            .map(|((_, start), by_day)| {
                let label = start.map_or_else(
                    || w.label("timetable.time_not_set"),
                    |t| t.format("%H:%M").to_string(),
                );
                let mut row = vec![vec![Span::bold(label)]];
                for day in &days {
                    let mut cell = Vec::new();
                    for (i, entry) in by_day.get(day).into_iter().flatten().enumerate() {
                        if i > 0 {
                            cell.push(Span::regular("\n\n"));
                        }
                        cell.extend(entry.iter().cloned());
                    }
                    row.push(cell);
                }
                row
            })
            .collect();
        blocks.push(Block::Table(Table {
            columns,
            rows,
            blank_rows: 0,
            label_column: true,
        }));
    }
    if !as_needed.is_empty() {
        blocks.push(Block::Paragraph(vec![
            Span::bold(format!("{}: ", w.label("timetable.as_needed"))),
            Span::regular(as_needed.join(", ")),
        ]));
    }
}
