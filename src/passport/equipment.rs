//! One item's pages: what it is for, when it is used, how to set it up, what to check, who
//! to ring, and whether its examination or service is overdue on the day of printing.

use super::PassportItem;
use super::audience::Field;
use super::content::{Block, Column, Context, Fact, Notice, Step, Table, Tone, uk_date};
use super::paragraph::Span;
use super::servicing::{examination_proof, notices, servicing};
use crate::model::{Category, Day, ScheduleSlot, WheelchairBudget};

/// An open field safety notice an item awaits action on, as its page prints it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SafetyNoticeLine {
    pub reference: String,
    pub title: String,
    pub action_required: String,
    /// The item may be affected: its label lacks what the notice names units by.
    pub cannot_tell: bool,
}

/// The box a safety notice prints, in words (the red is not the only sign): what the
/// notice is, what to do, and not to use the item until it is checked.
fn safety_notice_box(line: &SafetyNoticeLine) -> Notice {
    let mut text = String::new();
    if line.cannot_tell {
        text.push_str("This item may be affected: check its label against the notice. ");
    }
    if !line.action_required.is_empty() {
        text.push_str(&format!(
            "Action required: {}",
            line.action_required.trim_end()
        ));
        if !text.ends_with(['.', '!', '?']) {
            text.push('.');
        }
        text.push(' ');
    }
    text.push_str("Do not use until checked.");
    Notice {
        tone: Tone::Danger,
        title: format!("Field safety notice {}: {}", line.reference, line.title),
        text,
    }
}

pub fn blocks(ctx: &Context, entry: &PassportItem, blocks: &mut Vec<Block>) {
    let item = &entry.item;
    let d = &item.details;
    blocks.push(Block::NewPage);
    let detail = [d.category.label(), &d.make, &d.model, &d.size]
        .iter()
        .filter(|s| !s.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" · ");
    blocks.push(Block::ItemBanner {
        name: d.name.clone(),
        detail,
    });
    for notice in notices(ctx, entry) {
        blocks.push(Block::Notice(notice));
    }
    examination_proof(ctx, entry, blocks);
    for line in &entry.safety_notices {
        blocks.push(Block::Notice(safety_notice_box(line)));
    }

    let mut photos = item
        .photos
        .iter()
        .filter_map(|p| ctx.photo(p.id, &p.caption));
    let main = photos.next();
    blocks.push(Block::Overview {
        photo: main,
        facts: overview(ctx, entry),
    });
    if !d.purpose.is_empty() {
        blocks.push(Block::Heading("What it is for".into()));
        blocks.push(Block::Paragraph(vec![Span::regular(&d.purpose)]));
    }
    let gallery: Vec<_> = photos.collect();
    // What is particular to slings, wheelchairs and seating comes before the general
    // checks: the loop colours and the vehicle rule are what staff most need to find.
    sling(ctx, entry, blocks);
    wheelchair(ctx, entry, blocks);
    seating(ctx, entry, blocks);
    if !d.safety_checks.is_empty() {
        blocks.push(Block::Heading("Before every use, check".into()));
        blocks.push(Block::Checklist(d.safety_checks.clone()));
    }
    if !d.setup_steps.is_empty() {
        blocks.push(Block::Heading("Setting up".into()));
        blocks.push(Block::Steps(
            d.setup_steps
                .iter()
                .map(|s| Step {
                    text: s.text.clone(),
                    photo: s.photo_id.and_then(|id| ctx.photo(id, "")),
                })
                .collect(),
        ));
    }
    if !d.dos.is_empty() || !d.donts.is_empty() {
        blocks.push(Block::Heading("Do and don't".into()));
        blocks.push(Block::DosDonts {
            dos: d.dos.clone(),
            donts: d.donts.clone(),
        });
    }
    if !d.cleaning.is_empty() {
        blocks.push(Block::Heading("Cleaning and care".into()));
        blocks.push(Block::Paragraph(vec![Span::regular(&d.cleaning)]));
    }
    // Further photos come after the instructions: a half-page photo placed earlier would
    // push the checks and steps onto the next page and leave a gap.
    if !gallery.is_empty() {
        blocks.push(Block::Gallery(gallery));
    }
    servicing(ctx, entry, blocks);
}

fn overview(ctx: &Context, entry: &PassportItem) -> Vec<Fact> {
    let d = &entry.item.details;
    let mut facts = vec![Fact::text("Used at", d.where_used.label())];
    if !d.schedule.is_empty() {
        let when: Vec<String> = d.schedule.iter().map(slot_text).collect();
        facts.push(Fact::text("When", when.join("\n")));
    }
    facts.push(Fact {
        label: "Staff needed".into(),
        value: vec![Span::bold(match d.staff_needed {
            1 => "1 adult".to_string(),
            n => format!("{n} adults"),
        })],
    });
    if ctx.shows(Field::ItemSerial) && !d.serial.is_empty() {
        facts.push(Fact::text("Serial or asset tag", &d.serial));
    }
    // The lot and date of manufacture are what a field safety notice names: printed beside the
    // serial, a school can check a notice against the passport without the item's label.
    if ctx.shows(Field::ItemSerial) && !d.lot.is_empty() {
        facts.push(Fact::text("Lot number", &d.lot));
    }
    if ctx.shows(Field::ItemSerial)
        && let Some(made) = d.made_on
    {
        facts.push(Fact::text("Made", uk_date(made)));
    }
    if ctx.shows(Field::ItemLoanNumber) && !d.loan_number.is_empty() {
        facts.push(Fact::text("Loan number", &d.loan_number));
    }
    if ctx.shows(Field::ItemIssueDate)
        && let Some(issued) = d.issue_date
    {
        facts.push(Fact::text("Issued", uk_date(issued)));
    }
    if let Some(provider) = ctx.supplier(d.provider_id) {
        facts.push(Fact::text("Provided by", &provider.details.name));
    }
    if let Some(review) = entry
        .schedules
        .iter()
        .filter(|s| s.kind == crate::model::ScheduleKind::Review)
        .map(|s| s.next_due)
        .min()
    {
        facts.push(Fact::text("Review date", uk_date(review)));
    }
    if !d.therapist.is_empty() {
        facts.push(Fact::text("Responsible therapist", &d.therapist));
    }
    facts
}

/// "Mon, Wed, Fri at 10:30 for 45 min (Literacy)".
pub fn slot_text(slot: &ScheduleSlot) -> String {
    let mut s = days_text(&slot.days);
    if let Some(start) = slot.start {
        s.push_str(&format!(" at {}", start.format("%H:%M")));
    }
    if let Some(minutes) = slot.duration_minutes {
        s.push_str(&format!(" for {}", duration_text(minutes)));
    }
    if !slot.activity.is_empty() {
        s.push_str(&format!(" ({})", slot.activity));
    }
    s
}

pub fn duration_text(minutes: u32) -> String {
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("{m} min"),
        (h, 0) => format!("{h} h"),
        (h, m) => format!("{h} h {m} min"),
    }
}

pub fn day_short(day: Day) -> &'static str {
    &day.label()[..3]
}

fn days_text(days: &[Day]) -> String {
    const WEEKDAYS: [Day; 5] = [Day::Mon, Day::Tue, Day::Wed, Day::Thu, Day::Fri];
    if days.len() == 7 {
        "Every day".into()
    } else if days == WEEKDAYS {
        "Every weekday".into()
    } else {
        days.iter()
            .map(|&d| day_short(d))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

fn sling(ctx: &Context, entry: &PassportItem, blocks: &mut Vec<Block>) {
    let Some(s) = &entry.item.details.sling else {
        return;
    };
    blocks.push(Block::Heading("Sling and loops".into()));
    let mut facts = vec![Fact::text("Sling id (on its label)", &s.sling_id)];
    let size = [s.size.as_str(), s.colour_code.as_str()]
        .iter()
        .filter(|x| !x.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(", colour ");
    if !size.is_empty() {
        facts.push(Fact::text("Size", size));
    }
    let maker = format!("{} {}", s.maker, s.model).trim().to_string();
    if !maker.is_empty() {
        facts.push(Fact::text("Make", maker));
    }
    let hoists: Vec<String> = s
        .hoist_ids
        .iter()
        .filter_map(|id| ctx.data.items.iter().find(|i| i.item.id == *id))
        .map(|h| h.item.details.name.clone())
        .collect();
    facts.push(Fact {
        label: "Use with".into(),
        value: vec![Span::bold(if hoists.is_empty() {
            "the hoist the therapist names".to_string()
        } else {
            hoists.join(", ")
        })],
    });
    let loop_cell = |v: &str| vec![Span::bold(if v.is_empty() { "–" } else { v })];
    blocks.push(Block::Table(Table {
        columns: vec![
            Column {
                title: "Loop on the spreader bar".into(),
                weight: 0.4,
            },
            Column {
                title: "Left".into(),
                weight: 0.3,
            },
            Column {
                title: "Right".into(),
                weight: 0.3,
            },
        ],
        rows: vec![
            vec![
                vec![Span::regular("Shoulder straps")],
                loop_cell(&s.loops.shoulder_left),
                loop_cell(&s.loops.shoulder_right),
            ],
            vec![
                vec![Span::regular("Leg straps")],
                loop_cell(&s.loops.leg_left),
                loop_cell(&s.loops.leg_right),
            ],
        ],
        blank_rows: 0,
        label_column: true,
    }));
    blocks.push(Block::Facts(facts));
    if s.loops.sides_differ() {
        blocks.push(Block::Notice(Notice {
            tone: Tone::Caution,
            title: "Loops differ between sides".into(),
            text: "The same loop is normally used on both sides. Use exactly the loops above and \
                   check with the therapist if unsure."
                .into(),
        }));
    }
}

fn wheelchair(ctx: &Context, entry: &PassportItem, blocks: &mut Vec<Block>) {
    let d = &entry.item.details;
    let Some(w) = &d.wheelchair else {
        return;
    };
    blocks.push(Block::Heading("Wheelchair".into()));
    let mut facts = vec![Fact::text("Type", w.kind.label())];
    let mut features = Vec::new();
    if w.tilt_in_space {
        features.push("tilt in space");
    }
    if w.recline {
        features.push("recline");
    }
    if !features.is_empty() {
        facts.push(Fact::text("Features", features.join(", ")));
    }
    if let (Some(width), Some(depth)) = (w.seat_width_mm, w.seat_depth_mm) {
        facts.push(Fact::text(
            "Seat",
            format!("{width} mm wide, {depth} mm deep"),
        ));
    }
    if ctx.shows(Field::WheelchairComponents) && !w.components.is_empty() {
        facts.push(Fact::text("Seating and supports", &w.components));
    }
    facts.push(Fact {
        label: "Seat in a vehicle".into(),
        value: vec![Span::bold(if w.crash_tested {
            "Yes: crash-tested. The child may travel sitting in it, with the chair and child \
             restrained as the therapist showed you."
        } else {
            "No: not crash-tested. The child moves to a vehicle seat for every journey."
        })],
    });
    if let Some(service) = ctx.supplier(w.service_id) {
        facts.push(Fact::text("Wheelchair service", &service.details.name));
    }
    if let Some(repairer) = ctx
        .supplier(w.repairer_id)
        .or_else(|| ctx.supplier(w.service_id))
    {
        let phone = &repairer.details.repair_phone;
        let text = if phone.is_empty() {
            repairer.details.name.clone()
        } else {
            format!("{} on {phone}", repairer.details.name)
        };
        facts.push(Fact::text("Repair line", text));
    }
    if ctx.shows(Field::WheelchairBudget) && w.budget != WheelchairBudget::None {
        facts.push(Fact::text("Personal Wheelchair Budget", w.budget.label()));
    }
    blocks.push(Block::Facts(facts));
}

fn seating(ctx: &Context, entry: &PassportItem, blocks: &mut Vec<Block>) {
    let Some(s) = &entry.item.details.seating else {
        return;
    };
    let mut facts = Vec::new();
    if !s.postural_supports.is_empty() {
        facts.push(Fact::text(
            "Postural supports",
            s.postural_supports.join(", "),
        ));
    }
    if ctx.shows(Field::SeatingMeasurements) {
        for m in &s.measurements {
            facts.push(Fact::text(&m.label, &m.value));
        }
    }
    if !facts.is_empty() {
        blocks.push(Block::Heading(
            if entry.item.details.category == Category::Seating {
                "Seating set-up"
            } else {
                "Seating"
            }
            .into(),
        ));
        blocks.push(Block::Facts(facts));
    }
}
