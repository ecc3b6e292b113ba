//! An item's service state on the day of printing: the latest LOLER examination, service and
//! repair, every schedule (what, how often, last done, next due), the warnings that go at the
//! top of its page (do not use, overdue, due soon, not safe, never examined, awaiting repair,
//! review overdue), and the proof of its last thorough examination that travels with lifting
//! equipment.

use super::PassportItem;
use super::audience::Field;
use super::content::{Block, Column, Context, Fact, Notice, Table, Tone};
use super::paragraph::Span;
use super::words::Words;
use crate::model::{
    ExaminationReport, ItemStatus, Outcome, ScheduleKind, ServiceKind, ServiceRecord,
};
use chrono::NaiveDate;

/// One of an item's schedules as the passport prints it (the api fills these in).
#[derive(Debug, Clone, PartialEq)]
pub struct PassportSchedule {
    pub kind: ScheduleKind,
    /// What is due, in words ("LOLER thorough examination", "Tyre pressure check").
    pub what: String,
    pub every_months: u32,
    pub last_done: Option<NaiveDate>,
    pub next_due: NaiveDate,
}

/// How far ahead a due date earns a "due soon" notice.
const DUE_SOON_DAYS: i64 = 28;

/// The newest record of a kind (by date, then by when it was recorded).
fn latest(log: &[ServiceRecord], kind: Option<ServiceKind>) -> Option<&ServiceRecord> {
    ServiceRecord::latest(log, kind)
}

fn who_to_ring(w: &Words, ctx: &Context, entry: &PassportItem) -> String {
    let d = &entry.item.details;
    let repairer = ctx.supplier(d.repairer());
    let mut who = if d.therapist.is_empty() {
        w.label("servicing.tell_the_therapist")
    } else {
        w.label_with("servicing.tell", &[("name", &d.therapist)])
    };
    if let Some(r) = repairer {
        let phone = r.details.number_for_repairs();
        if phone.is_empty() {
            who.push_str(&w.label_with("servicing.and_contact", &[("name", &r.details.name)]));
        } else {
            who.push_str(&w.label_with(
                "servicing.and_ring",
                &[("name", &r.details.name), ("phone", phone)],
            ));
        }
    }
    who.push('.');
    who
}

/// The item's kind in a sentence: "hoist", "teclyn codi".
fn thing(w: &Words, entry: &PassportItem) -> String {
    w.choice("category", entry.item.details.category.code())
        .to_lowercase()
}

/// What a schedule is for, in words: the kind's label, or the name given to an "other" one.
fn schedule_what(w: &Words, schedule: &PassportSchedule) -> String {
    match schedule.kind {
        ScheduleKind::Other => schedule.what.clone(),
        kind => w.choice("schedule", kind.code()),
    }
}

/// "Every 6 months", "Bob 6 mis".
fn how_often(w: &Words, months: u32) -> String {
    match months {
        1 => w.label("servicing.every_month"),
        n => w.label_with("servicing.every_months", &[("n", &n.to_string())]),
    }
}

/// The defects in one line: "Frayed strap (danger now); worn castor, repair by 1 March 2027".
fn defects_text(w: &Words, report: &ExaminationReport) -> String {
    report
        .defects
        .iter()
        .map(|d| {
            let mut s = d.description.clone();
            if d.danger_now {
                s.push_str(&format!(" ({})", w.label("servicing.danger_now")));
            }
            if !d.repair_needed.is_empty() {
                s.push_str(&format!(": {}", d.repair_needed));
            }
            if let Some(by) = d.repair_by {
                s.push_str(&w.label_with("servicing.repair_by", &[("date", &w.date(by))]));
            }
            s
        })
        .collect::<Vec<_>>()
        .join("; ")
}

pub fn notices(ctx: &Context, entry: &PassportItem) -> Vec<Notice> {
    let d = &entry.item.details;
    let log = &entry.service_log;
    let cw = &ctx.w;
    let mut out = Vec::new();
    let stopped = d.status == ItemStatus::NotSafe;
    if stopped {
        out.push(do_not_use(ctx, entry));
    }
    let lifting = d.category.lifts_people();
    if lifting && latest(log, Some(ServiceKind::LolerExamination)).is_none() {
        out.push(Notice {
            tone: Tone::Danger,
            title: cw.label("servicing.no_loler"),
            text: cw.sentences(|w| {
                format!(
                    "{} {}",
                    w.text_with("servicing.no_loler_text", &[("thing", &thing(w, entry))]),
                    who_to_ring(w, ctx, entry)
                )
            }),
        });
    }
    if let Some(last) = latest(log, None)
        && last.details.outcome == Outcome::Fail
        && !stopped
    {
        let text = cw.sentences(|w| {
            let kind = w.choice("service_kind", last.details.kind.code());
            let mut text = w.text_with(
                "servicing.found_not_safe",
                &[
                    ("kind", &kind.to_lowercase()),
                    ("date", &w.date(last.details.date)),
                ],
            );
            if !last.details.notes.is_empty() {
                text.push_str(&format!(
                    " {}: {}",
                    w.label("servicing.found"),
                    last.details.notes
                ));
            }
            text.push_str(&format!(
                " {} {}",
                w.text("servicing.until_repaired"),
                who_to_ring(w, ctx, entry)
            ));
            text
        });
        out.push(Notice {
            tone: Tone::Danger,
            title: cw.label("servicing.not_safe_title"),
            text,
        });
    }
    let Some(today) = ctx.today else {
        return out;
    };
    let never_examined = lifting && latest(log, Some(ServiceKind::LolerExamination)).is_none();
    for schedule in &entry.schedules {
        // A hoist never examined already carries its own notice above.
        if schedule.kind == ScheduleKind::Review
            || (schedule.kind == ScheduleKind::Loler
                && schedule.last_done.is_none()
                && never_examined)
        {
            continue;
        }
        let due = schedule.next_due;
        let name = |w: &Words| {
            let what = schedule_what(w, schedule);
            match schedule.kind {
                ScheduleKind::Loler | ScheduleKind::Other => what,
                _ => what.to_lowercase(),
            }
        };
        let days = (due - today).num_days();
        if days < 0 {
            out.push(Notice {
                tone: Tone::Danger,
                title: cw.phrase(|w| format!("{}: {}", w.label("servicing.overdue"), name(w))),
                text: cw.sentences(|w| {
                    let action = if schedule.kind == ScheduleKind::Loler {
                        w.text_with(
                            "servicing.loler_overdue_action",
                            &[("thing", &thing(w, entry))],
                        )
                    } else {
                        w.text("servicing.check_with_therapist")
                    };
                    format!(
                        "{} {action} {}",
                        w.text_with("servicing.was_due_on", &[("date", &w.date(due))]),
                        who_to_ring(w, ctx, entry)
                    )
                }),
            });
        } else if days <= DUE_SOON_DAYS {
            out.push(Notice {
                tone: Tone::Caution,
                title: cw.phrase(|w| format!("{}: {}", w.label("servicing.due_soon"), name(w))),
                text: cw.sentences(|w| {
                    format!(
                        "{} {}",
                        w.text_with("servicing.due_on", &[("date", &w.date(due))]),
                        who_to_ring(w, ctx, entry)
                    )
                }),
            });
        }
    }
    if d.status == ItemStatus::AwaitingRepair {
        out.push(Notice {
            tone: Tone::Caution,
            title: cw.label("servicing.awaiting_repair"),
            text: cw.text("servicing.awaiting_repair_text"),
        });
    }
    if let Some(review) = entry
        .schedules
        .iter()
        .filter(|s| s.kind == ScheduleKind::Review)
        .map(|s| s.next_due)
        .min()
        && review < today
    {
        out.push(Notice {
            tone: Tone::Caution,
            title: cw.label("servicing.review_overdue"),
            text: cw.sentences(|w| {
                w.text_with(
                    "servicing.review_overdue_text",
                    &[("date", &w.date(review))],
                )
            }),
        });
    }
    out
}

/// The notice at the top of the page of an item found not safe to operate: what failed, when,
/// who found it and the defects, in words and with the warning marker, not only in red.
fn do_not_use(ctx: &Context, entry: &PassportItem) -> Notice {
    let failed = entry
        .service_log
        .iter()
        .filter(|r| r.details.not_safe_to_operate())
        .max_by_key(|r| (r.details.date, r.recorded_at));
    let text = ctx.w.sentences(|w| {
        let mut text = match failed {
            Some(r) => {
                let report = r.details.examination.as_ref().expect("a failed report");
                let mut s = w.text_with(
                    "servicing.failed_examination",
                    &[
                        ("date", &w.date(r.details.date)),
                        ("examiner", &examiner(r)),
                    ],
                );
                if !report.defects.is_empty() {
                    s.push_str(&format!(
                        " {}: {}.",
                        w.label("servicing.defects"),
                        defects_text(w, report)
                    ));
                }
                s
            }
            None => w.text("servicing.found_not_safe_unknown"),
        };
        text.push_str(&format!(
            " {} {}",
            w.text("servicing.until_examined"),
            who_to_ring(w, ctx, entry)
        ));
        text
    });
    Notice {
        tone: Tone::Stop,
        title: ctx.w.label("servicing.do_not_use"),
        text,
    }
}

/// "Ability Lifting Ltd" or "J. Patel (Ability Lifting Ltd)".
fn examiner(record: &ServiceRecord) -> String {
    match record
        .details
        .examination
        .as_ref()
        .map(|e| e.employer.as_str())
    {
        Some(employer) if !employer.is_empty() && employer != record.details.by_whom => {
            format!("{} ({employer})", record.details.by_whom)
        }
        _ => record.details.by_whom.clone(),
    }
}

/// Lifting equipment: what lifts people, and anything that has had a thorough examination.
fn is_lifting(entry: &PassportItem) -> bool {
    entry.item.details.category.lifts_people()
        || latest(&entry.service_log, Some(ServiceKind::LolerExamination)).is_some()
}

/// "3 March 2026 by Ability Lifting Ltd".
fn on_by(w: &Words, date: NaiveDate, by: &str) -> String {
    w.phrase(|w| w.label_with("servicing.date_by", &[("date", &w.date(date)), ("by", by)]))
}

/// The proof of the last thorough examination, near the top of a lifting item's page (LOLER
/// reg. 9: the evidence travels with the equipment): date, by whom, safe to operate and next
/// due.
pub fn examination_proof(ctx: &Context, entry: &PassportItem, blocks: &mut Vec<Block>) {
    if !is_lifting(entry) {
        return;
    }
    let Some(last) = latest(&entry.service_log, Some(ServiceKind::LolerExamination)) else {
        return;
    };
    let w = &ctx.w;
    let mut facts = vec![Fact::text(
        &w.label("servicing.last_thorough"),
        on_by(w, last.details.date, &examiner(last)),
    )];
    match &last.details.examination {
        Some(report) => facts.push(Fact {
            label: w.label("servicing.safe_to_operate"),
            value: vec![Span::bold(if report.safe_to_operate {
                w.label("servicing.yes")
            } else {
                w.label("servicing.no_do_not_use")
            })],
        }),
        None => facts.push(Fact::text(
            &w.label("servicing.result"),
            w.choice("outcome", last.details.outcome.code()),
        )),
    }
    if let Some(due) = last.details.next_due {
        let mut value = vec![Span::bold(w.date(due))];
        if ctx.today.is_some_and(|t| due < t) {
            value.push(Span::bold(format!(" ({})", w.label("servicing.overdue"))));
        }
        facts.push(Fact {
            label: w.label("servicing.next_thorough"),
            value,
        });
    }
    blocks.push(Block::Facts(facts));
}

pub fn servicing(ctx: &Context, entry: &PassportItem, blocks: &mut Vec<Block>) {
    let d = &entry.item.details;
    let log = &entry.service_log;
    let w = &ctx.w;
    let mut facts = Vec::new();
    let overdue = |due: NaiveDate| ctx.today.is_some_and(|t| due < t);
    for (kind, last_label, next_label) in [
        (
            ServiceKind::LolerExamination,
            "servicing.last_loler",
            "servicing.next_loler",
        ),
        (
            ServiceKind::Service,
            "servicing.last_service",
            "servicing.next_service",
        ),
    ] {
        let Some(last) = latest(log, Some(kind)) else {
            continue;
        };
        let mut text = w.phrase(|w| {
            format!(
                "{}: {}",
                w.label_with(
                    "servicing.date_by",
                    &[
                        ("date", &w.date(last.details.date)),
                        ("by", &last.details.by_whom)
                    ]
                ),
                w.choice("outcome", last.details.outcome.code())
            )
        });
        if ctx.shows(Field::ItemServiceNotes) && !last.details.notes.is_empty() {
            text.push_str(&format!(". {}", last.details.notes));
        }
        facts.push(Fact::text(&w.label(last_label), text));
        if let Some(report) = &last.details.examination {
            report_facts(w, last, report, &mut facts);
        }
        // The schedule's next date, which a later "mark done" may have moved on.
        let wanted = if kind == ServiceKind::LolerExamination {
            ScheduleKind::Loler
        } else {
            ScheduleKind::Service
        };
        let next = entry
            .schedules
            .iter()
            .filter(|s| s.kind == wanted)
            .map(|s| s.next_due)
            .min()
            .or(last.details.next_due);
        if let Some(due) = next {
            let mut value = vec![Span::bold(w.date(due))];
            if overdue(due) {
                value.push(Span::bold(format!(" ({})", w.label("servicing.overdue"))));
            }
            facts.push(Fact {
                label: w.label(next_label),
                value,
            });
        }
    }
    if let Some(repair) = latest(log, Some(ServiceKind::Repair)) {
        facts.push(Fact::text(
            &w.label("servicing.last_repair"),
            on_by(w, repair.details.date, &repair.details.by_whom),
        ));
    }
    if d.category.lifts_people() && latest(log, Some(ServiceKind::LolerExamination)).is_none() {
        facts.push(Fact {
            label: w.label("servicing.loler_examination"),
            value: vec![Span::bold(w.label("servicing.none_recorded"))],
        });
    }
    blocks.push(Block::Heading(w.label("servicing.heading")));
    if facts.is_empty() && entry.schedules.is_empty() {
        facts.push(Fact::text(
            &w.label("servicing.service_record"),
            w.label("servicing.nothing_yet"),
        ));
    }
    if !facts.is_empty() {
        blocks.push(Block::Facts(facts));
    }
    if !entry.schedules.is_empty() {
        blocks.push(Block::Table(schedule_table(w, entry, overdue)));
    }

    blocks.push(Block::Heading(w.label("servicing.if_it_breaks")));
    let mut facts = vec![Fact::text(
        &w.label("servicing.straight_away"),
        w.sentences(|w| {
            format!(
                "{} {}",
                w.text("servicing.stop_using"),
                who_to_ring(w, ctx, entry)
            )
        }),
    )];
    let repairer = ctx
        .supplier(d.repair_supplier_id)
        .or_else(|| ctx.supplier(d.wheelchair.as_ref().and_then(|w| w.repairer_id)));
    if let Some(r) = repairer
        && !r.details.repair_hours.is_empty()
    {
        facts.push(Fact::text(
            &w.label("servicing.repair_hours"),
            &r.details.repair_hours,
        ));
    }
    let mut refs = Vec::new();
    if ctx.shows(Field::ItemSerial) && !d.serial.is_empty() {
        refs.push(format!(
            "{} {}",
            w.label("servicing.quote_serial"),
            d.serial
        ));
    }
    if ctx.shows(Field::ItemLoanNumber) && !d.loan_number.is_empty() {
        refs.push(format!(
            "{} {}",
            w.label("servicing.quote_loan"),
            d.loan_number
        ));
    }
    if let Some(r) = repairer
        && ctx.shows(Field::SupplierAccountRef)
        && !r.details.account_ref.is_empty()
    {
        refs.push(format!(
            "{} {}",
            w.label("servicing.quote_account"),
            r.details.account_ref
        ));
    }
    if !refs.is_empty() {
        facts.push(Fact::text(&w.label("servicing.quote"), refs.join(", ")));
    }
    blocks.push(Block::Facts(facts));
}

/// The Schedule 1 particulars of a report, after its date and examiner.
fn report_facts(
    w: &Words,
    record: &ServiceRecord,
    report: &ExaminationReport,
    facts: &mut Vec<Fact>,
) {
    let mut who = Vec::new();
    if !report.employer.is_empty() && report.employer != record.details.by_whom {
        who.push(format!("{} {}", w.label("servicing.for"), report.employer));
    }
    if !report.qualifications.is_empty() {
        who.push(report.qualifications.clone());
    }
    if !who.is_empty() {
        facts.push(Fact::text(
            &w.label("servicing.competent_person"),
            who.join(", "),
        ));
    }
    if !report.identification.is_empty() {
        let mut id = report.identification.clone();
        if let Some(made) = report.manufactured {
            id.push_str(&format!(
                ", {}",
                w.phrase(|w| format!("{} {}", w.label("servicing.made"), w.date(made)))
            ));
        }
        facts.push(Fact::text(&w.label("servicing.equipment_examined"), id));
    }
    if !report.safe_working_loads.is_empty() {
        let loads: Vec<String> = report
            .safe_working_loads
            .iter()
            .map(|l| match l.configuration.as_str() {
                "" => format!("{} kg", l.swl_kg),
                c => format!("{} kg ({c})", l.swl_kg),
            })
            .collect();
        facts.push(Fact::text(&w.label("servicing.swl"), loads.join("; ")));
    }
    facts.push(Fact {
        label: w.label("servicing.safe_to_operate"),
        value: vec![Span::bold(if report.safe_to_operate {
            w.label("servicing.yes")
        } else {
            w.label("servicing.no")
        })],
    });
    if !report.defects.is_empty() {
        facts.push(Fact::text(
            &w.label("servicing.defects"),
            w.phrase(|w| defects_text(w, report)),
        ));
    }
    facts.push(Fact::text(
        &w.label("servicing.interval"),
        w.choice("interval_basis", report.basis.code()),
    ));
}

/// Every schedule of the item, soonest due first: what, how often, last done, next due (in
/// bold with "OVERDUE" once passed).
fn schedule_table(w: &Words, entry: &PassportItem, overdue: impl Fn(NaiveDate) -> bool) -> Table {
    let mut schedules: Vec<&PassportSchedule> = entry.schedules.iter().collect();
    schedules.sort_by(|a, b| (a.next_due, &a.what).cmp(&(b.next_due, &b.what)));
    let rows = schedules
        .into_iter()
        .map(|s| {
            let mut next = vec![Span::bold(w.date(s.next_due))];
            if overdue(s.next_due) {
                next.push(Span::bold(format!(" {}", w.label("servicing.overdue"))));
            }
            vec![
                vec![Span::regular(schedule_what(w, s))],
                vec![Span::regular(how_often(w, s.every_months))],
                vec![Span::regular(
                    s.last_done
                        .map_or_else(|| w.label("servicing.never"), |d| w.date(d)),
                )],
                next,
            ]
        })
        .collect();
    let columns = [
        ("servicing.scheduled_check", 0.34),
        ("servicing.how_often", 0.19),
        ("servicing.last_done", 0.21),
        ("servicing.next_due", 0.26),
    ];
    Table {
        columns: columns
            .iter()
            .map(|&(key, weight)| Column::new(&w.label(key), weight))
            .collect(),
        rows,
        blank_rows: 0,
        label_column: false,
    }
}
