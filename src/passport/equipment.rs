//! One item's pages: what it is for, when it is used, how to set it up, what to check, who
//! to ring, and whether its examination or service is overdue on the day of printing.

use super::PassportItem;
use super::audience::Field;
use super::content::{Block, Column, Context, Fact, Notice, Step, Table, Tone};
use super::paragraph::Span;
use super::servicing::{examination_proof, notices, servicing};
use super::words::Words;
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
fn safety_notice_box(w: &Words, line: &SafetyNoticeLine) -> Notice {
    let mut parts = Vec::new();
    if line.cannot_tell {
        parts.push(w.text("safety_notice.may_be_affected"));
    }
    if !line.action_required.is_empty() {
        let mut action = line.action_required.trim_end().to_string();
        if !action.ends_with(['.', '!', '?']) {
            action.push('.');
        }
        parts.push(format!("{}: {action}", w.label("safety_notice.action")));
    }
    parts.push(w.text("safety_notice.do_not_use"));
    Notice {
        tone: Tone::Danger,
        title: format!(
            "{} {}: {}",
            w.label("safety_notice.title"),
            line.reference,
            line.title
        ),
        text: parts.join(if w.language == super::words::Language::CyEn {
            "\n"
        } else {
            " "
        }),
    }
}

pub fn blocks(ctx: &Context, entry: &PassportItem, blocks: &mut Vec<Block>) {
    let item = &entry.item;
    let d = &item.details;
    blocks.push(Block::NewPage);
    let category = ctx.w.choice("category", d.category.code());
    let detail = [category.as_str(), &d.make, &d.model, &d.size]
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
        blocks.push(Block::Notice(safety_notice_box(&ctx.w, line)));
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
        blocks.push(Block::Heading(ctx.w.label("equipment.purpose")));
        blocks.push(Block::Paragraph(vec![Span::regular(&d.purpose)]));
    }
    let gallery: Vec<_> = photos.collect();
    // What is particular to slings, wheelchairs and seating comes before the general
    // checks: the loop colours and the vehicle rule are what staff most need to find.
    sling(ctx, entry, blocks);
    wheelchair(ctx, entry, blocks);
    seating(ctx, entry, blocks);
    if !d.safety_checks.is_empty() {
        blocks.push(Block::Heading(ctx.w.label("equipment.checks")));
        blocks.push(Block::Checklist(d.safety_checks.clone()));
    }
    if !d.setup_steps.is_empty() {
        blocks.push(Block::Heading(ctx.w.label("equipment.setting_up")));
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
        blocks.push(Block::Heading(ctx.w.label("equipment.dos_donts")));
        blocks.push(Block::DosDonts {
            dos: d.dos.clone(),
            donts: d.donts.clone(),
        });
    }
    if !d.cleaning.is_empty() {
        blocks.push(Block::Heading(ctx.w.label("equipment.cleaning")));
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
    let w = &ctx.w;
    let mut facts = vec![Fact::text(
        &w.label("equipment.used_at"),
        w.choice("where_used", d.where_used.code()),
    )];
    if !d.schedule.is_empty() {
        // A slot is a phrase of days, times and lengths: a bilingual copy writes it whole in
        // Welsh, then whole in English.
        let when: Vec<String> = d
            .schedule
            .iter()
            .map(|s| w.sentences(|w| slot_text(w, s)))
            .collect();
        facts.push(Fact::text(&w.label("equipment.when"), when.join("\n")));
    }
    facts.push(Fact {
        label: w.label("equipment.staff_needed"),
        value: vec![Span::bold(match d.staff_needed {
            1 => w.label("equipment.one_adult"),
            n => w.label_with("equipment.adults", &[("n", &n.to_string())]),
        })],
    });
    if ctx.shows(Field::ItemSerial) && !d.serial.is_empty() {
        facts.push(Fact::text(&w.label("equipment.serial"), &d.serial));
    }
    // The lot and date of manufacture are what a field safety notice names: printed beside the
    // serial, a school can check a notice against the passport without the item's label.
    if ctx.shows(Field::ItemSerial) && !d.lot.is_empty() {
        facts.push(Fact::text(&w.label("equipment.lot"), &d.lot));
    }
    if ctx.shows(Field::ItemSerial)
        && let Some(made) = d.made_on
    {
        facts.push(Fact::text(&w.label("equipment.made"), w.date(made)));
    }
    if ctx.shows(Field::ItemLoanNumber) && !d.loan_number.is_empty() {
        facts.push(Fact::text(
            &w.label("equipment.loan_number"),
            &d.loan_number,
        ));
    }
    if ctx.shows(Field::ItemIssueDate)
        && let Some(issued) = d.issue_date
    {
        facts.push(Fact::text(&w.label("equipment.issued"), w.date(issued)));
    }
    if let Some(provider) = ctx.supplier(d.provider_id) {
        facts.push(Fact::text(
            &w.label("equipment.provided_by"),
            &provider.details.name,
        ));
    }
    if let Some(review) = entry
        .schedules
        .iter()
        .filter(|s| s.kind == crate::model::ScheduleKind::Review)
        .map(|s| s.next_due)
        .min()
    {
        facts.push(Fact::text(
            &w.label("equipment.review_date"),
            w.date(review),
        ));
    }
    if !d.therapist.is_empty() {
        facts.push(Fact::text(&w.label("equipment.therapist"), &d.therapist));
    }
    facts
}

/// "Mon, Wed, Fri at 10:30 for 45 min (Literacy)".
pub fn slot_text(w: &Words, slot: &ScheduleSlot) -> String {
    let mut s = days_text(w, &slot.days);
    if let Some(start) = slot.start {
        let time = start.format("%H:%M").to_string();
        s.push_str(&w.label_with("equipment.slot_at", &[("time", &time)]));
    }
    if let Some(minutes) = slot.duration_minutes {
        let length = duration_text(w, minutes);
        s.push_str(&w.label_with("equipment.slot_for", &[("length", &length)]));
    }
    if !slot.activity.is_empty() {
        s.push_str(&format!(" ({})", slot.activity));
    }
    s
}

pub fn duration_text(w: &Words, minutes: u32) -> String {
    let (h, m) = ((minutes / 60).to_string(), (minutes % 60).to_string());
    match (minutes / 60, minutes % 60) {
        (0, _) => w.label_with("equipment.minutes", &[("m", &m)]),
        (_, 0) => w.label_with("equipment.hours", &[("h", &h)]),
        _ => w.label_with("equipment.hours_minutes", &[("h", &h), ("m", &m)]),
    }
}

fn days_text(w: &Words, days: &[Day]) -> String {
    const WEEKDAYS: [Day; 5] = [Day::Mon, Day::Tue, Day::Wed, Day::Thu, Day::Fri];
    if days.len() == 7 {
        w.label("equipment.every_day")
    } else if days == WEEKDAYS {
        w.label("equipment.every_weekday")
    } else {
        days.iter()
            .map(|&d| w.day_short(d))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

fn sling(ctx: &Context, entry: &PassportItem, blocks: &mut Vec<Block>) {
    let Some(s) = &entry.item.details.sling else {
        return;
    };
    let w = &ctx.w;
    blocks.push(Block::Heading(w.label("sling.heading")));
    let mut facts = vec![Fact::text(&w.label("sling.id"), &s.sling_id)];
    let size = match (s.size.is_empty(), s.colour_code.is_empty()) {
        (false, false) => format!("{}, {} {}", s.size, w.label("sling.colour"), s.colour_code),
        (false, true) => s.size.clone(),
        (true, false) => s.colour_code.clone(),
        (true, true) => String::new(),
    };
    if !size.is_empty() {
        facts.push(Fact::text(&w.label("sling.size"), size));
    }
    let maker = format!("{} {}", s.maker, s.model).trim().to_string();
    if !maker.is_empty() {
        facts.push(Fact::text(&w.label("sling.make"), maker));
    }
    let hoists: Vec<String> = s
        .hoist_ids
        .iter()
        .filter_map(|id| ctx.data.items.iter().find(|i| i.item.id == *id))
        .map(|h| h.item.details.name.clone())
        .collect();
    facts.push(Fact {
        label: w.label("sling.use_with"),
        value: vec![Span::bold(if hoists.is_empty() {
            w.label("sling.named_hoist")
        } else {
            hoists.join(", ")
        })],
    });
    let loop_cell = |v: &str| vec![Span::bold(if v.is_empty() { "–" } else { v })];
    blocks.push(Block::Table(Table {
        columns: vec![
            Column {
                title: w.label("sling.loop_column"),
                weight: 0.4,
            },
            Column {
                title: w.label("sling.left"),
                weight: 0.3,
            },
            Column {
                title: w.label("sling.right"),
                weight: 0.3,
            },
        ],
        rows: vec![
            vec![
                vec![Span::regular(w.label("sling.shoulder_straps"))],
                loop_cell(&s.loops.shoulder_left),
                loop_cell(&s.loops.shoulder_right),
            ],
            vec![
                vec![Span::regular(w.label("sling.leg_straps"))],
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
            title: w.label("sling.sides_differ"),
            text: w.text("sling.sides_differ_text"),
        }));
    }
}

fn wheelchair(ctx: &Context, entry: &PassportItem, blocks: &mut Vec<Block>) {
    let d = &entry.item.details;
    let Some(w) = &d.wheelchair else {
        return;
    };
    let words = &ctx.w;
    blocks.push(Block::Heading(words.label("wheelchair.heading")));
    let mut facts = vec![Fact::text(
        &words.label("wheelchair.type"),
        words.choice("wheelchair_type", w.kind.code()),
    )];
    let mut features = Vec::new();
    if w.tilt_in_space {
        features.push(words.label("wheelchair.tilt"));
    }
    if w.recline {
        features.push(words.label("wheelchair.recline"));
    }
    if !features.is_empty() {
        facts.push(Fact::text(
            &words.label("wheelchair.features"),
            features.join(", "),
        ));
    }
    if let (Some(width), Some(depth)) = (w.seat_width_mm, w.seat_depth_mm) {
        facts.push(Fact::text(
            &words.label("wheelchair.seat"),
            words.label_with(
                "wheelchair.seat_size",
                &[("width", &width.to_string()), ("depth", &depth.to_string())],
            ),
        ));
    }
    if ctx.shows(Field::WheelchairComponents) && !w.components.is_empty() {
        facts.push(Fact::text(
            &words.label("wheelchair.components"),
            &w.components,
        ));
    }
    facts.push(Fact {
        label: words.label("wheelchair.vehicle"),
        value: vec![Span::bold(if w.crash_tested {
            words.text("wheelchair.crash_tested")
        } else {
            words.text("wheelchair.not_crash_tested")
        })],
    });
    if let Some(service) = ctx.supplier(w.service_id) {
        facts.push(Fact::text(
            &words.label("wheelchair.service"),
            &service.details.name,
        ));
    }
    if let Some(repairer) = ctx
        .supplier(w.repairer_id)
        .or_else(|| ctx.supplier(w.service_id))
    {
        let phone = &repairer.details.repair_phone;
        let text = if phone.is_empty() {
            repairer.details.name.clone()
        } else {
            words.label_with(
                "wheelchair.name_on_phone",
                &[("name", &repairer.details.name), ("phone", phone)],
            )
        };
        facts.push(Fact::text(&words.label("wheelchair.repair_line"), text));
    }
    if ctx.shows(Field::WheelchairBudget) && w.budget != WheelchairBudget::None {
        facts.push(Fact::text(
            &words.label("wheelchair.budget"),
            words.choice("wheelchair_budget", w.budget.code()),
        ));
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
            &ctx.w.label("seating.postural_supports"),
            s.postural_supports.join(", "),
        ));
    }
    if ctx.shows(Field::SeatingMeasurements) {
        for m in &s.measurements {
            facts.push(Fact::text(&m.label, &m.value));
        }
    }
    if !facts.is_empty() {
        blocks.push(Block::Heading(ctx.w.label(
            if entry.item.details.category == Category::Seating {
                "seating.set_up"
            } else {
                "seating.heading"
            },
        )));
        blocks.push(Block::Facts(facts));
    }
}
