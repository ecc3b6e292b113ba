//! An item's service state on the day of printing: the latest LOLER examination, service and
//! repair, every schedule (what, how often, last done, next due), the warnings that go at the
//! top of its page (do not use, overdue, due soon, not safe, never examined, awaiting repair,
//! review overdue), and the proof of its last thorough examination that travels with lifting
//! equipment.

use super::PassportItem;
use super::audience::Field;
use super::content::{Block, Column, Context, Fact, Notice, Table, Tone, uk_date};
use super::paragraph::Span;
use crate::model::schedule::how_often;
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

fn who_to_ring(ctx: &Context, entry: &PassportItem) -> String {
    let d = &entry.item.details;
    let repairer = ctx.supplier(d.repairer());
    let mut who = String::new();
    if !d.therapist.is_empty() {
        who.push_str(&format!("Tell {}", d.therapist));
    } else {
        who.push_str("Tell the therapist");
    }
    if let Some(r) = repairer {
        let phone = r.details.number_for_repairs();
        if phone.is_empty() {
            who.push_str(&format!(" and contact {}", r.details.name));
        } else {
            who.push_str(&format!(" and ring {} on {phone}", r.details.name));
        }
    }
    who.push('.');
    who
}

pub fn notices(ctx: &Context, entry: &PassportItem) -> Vec<Notice> {
    let d = &entry.item.details;
    let log = &entry.service_log;
    let thing = d.category.label().to_lowercase();
    let mut out = Vec::new();
    let stopped = d.status == ItemStatus::NotSafe;
    if stopped {
        out.push(do_not_use(ctx, entry));
    }
    let lifting = d.category.lifts_people();
    if lifting && latest(log, Some(ServiceKind::LolerExamination)).is_none() {
        out.push(Notice {
            tone: Tone::Danger,
            title: "No LOLER examination recorded".into(),
            text: format!(
                "People-lifting equipment needs a thorough examination at least every 6 months. \
                 Do not use this {thing} to lift anyone until one is recorded. {}",
                who_to_ring(ctx, entry)
            ),
        });
    }
    if let Some(last) = latest(log, None)
        && last.details.outcome == Outcome::Fail
        && !stopped
    {
        let mut text = format!(
            "The {} on {} found it not safe to use.",
            last.details.kind.label().to_lowercase(),
            uk_date(last.details.date)
        );
        if !last.details.notes.is_empty() {
            text.push_str(&format!(" Found: {}", last.details.notes));
        }
        text.push_str(&format!(
            " Do not use it until it is repaired. {}",
            who_to_ring(ctx, entry)
        ));
        out.push(Notice {
            tone: Tone::Danger,
            title: "NOT SAFE TO USE".into(),
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
        let name = match schedule.kind {
            ScheduleKind::Loler | ScheduleKind::Other => schedule.what.clone(),
            _ => schedule.what.to_lowercase(),
        };
        let days = (due - today).num_days();
        if days < 0 {
            let action = if schedule.kind == ScheduleKind::Loler {
                format!("Do not use this {thing} to lift anyone until it has been examined.")
            } else {
                "Check with the therapist before using it.".to_string()
            };
            out.push(Notice {
                tone: Tone::Danger,
                title: format!("OVERDUE: {name}"),
                text: format!(
                    "It was due on {}. {action} {}",
                    uk_date(due),
                    who_to_ring(ctx, entry)
                ),
            });
        } else if days <= DUE_SOON_DAYS {
            out.push(Notice {
                tone: Tone::Caution,
                title: format!("Due soon: {name}"),
                text: format!("Due on {}. {}", uk_date(due), who_to_ring(ctx, entry)),
            });
        }
    }
    if d.status == ItemStatus::AwaitingRepair {
        out.push(Notice {
            tone: Tone::Caution,
            title: "Awaiting repair".into(),
            text: "This item is waiting for a repair. Check with the therapist before using it."
                .into(),
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
            title: "Review overdue".into(),
            text: format!(
                "The therapist's review was due on {}: ask them to review this item.",
                uk_date(review)
            ),
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
    let mut text = match failed {
        Some(r) => {
            let report = r.details.examination.as_ref().expect("a failed report");
            let mut s = format!(
                "Failed its thorough examination on {} by {}",
                uk_date(r.details.date),
                examiner(r)
            );
            s.push_str(": not safe to operate.");
            if !report.defects.is_empty() {
                s.push_str(&format!(" Defects: {}.", report.defects_text()));
            }
            s
        }
        None => "It has been found not safe to use.".to_string(),
    };
    text.push_str(&format!(
        " Do not use it until a new thorough examination finds it safe. {}",
        who_to_ring(ctx, entry)
    ));
    Notice {
        tone: Tone::Stop,
        title: "DO NOT USE".into(),
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
    let mut facts = vec![Fact::text(
        "Last thorough examination",
        format!("{} by {}", uk_date(last.details.date), examiner(last)),
    )];
    match &last.details.examination {
        Some(report) => facts.push(Fact {
            label: "Safe to operate".into(),
            value: vec![Span::bold(if report.safe_to_operate {
                "Yes"
            } else {
                "NO: do not use"
            })],
        }),
        None => facts.push(Fact::text("Result", last.details.outcome.label())),
    }
    if let Some(due) = last.details.next_due {
        let mut value = vec![Span::bold(uk_date(due))];
        if ctx.today.is_some_and(|t| due < t) {
            value.push(Span::bold(" (OVERDUE)"));
        }
        facts.push(Fact {
            label: "Next thorough examination due".into(),
            value,
        });
    }
    blocks.push(Block::Facts(facts));
}

pub fn servicing(ctx: &Context, entry: &PassportItem, blocks: &mut Vec<Block>) {
    let d = &entry.item.details;
    let log = &entry.service_log;
    let mut facts = Vec::new();
    let overdue = |due: NaiveDate| ctx.today.is_some_and(|t| due < t);
    for (kind, last_label, next_label) in [
        (
            ServiceKind::LolerExamination,
            "Last LOLER examination",
            "Next LOLER examination due",
        ),
        (ServiceKind::Service, "Last service", "Next service due"),
    ] {
        let Some(last) = latest(log, Some(kind)) else {
            continue;
        };
        let mut text = format!(
            "{} by {}: {}",
            uk_date(last.details.date),
            last.details.by_whom,
            last.details.outcome.label()
        );
        if ctx.shows(Field::ItemServiceNotes) && !last.details.notes.is_empty() {
            text.push_str(&format!(". {}", last.details.notes));
        }
        facts.push(Fact::text(last_label, text));
        if let Some(report) = &last.details.examination {
            report_facts(last, report, &mut facts);
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
            let mut value = vec![Span::bold(uk_date(due))];
            if overdue(due) {
                value.push(Span::bold(" (OVERDUE)"));
            }
            facts.push(Fact {
                label: next_label.into(),
                value,
            });
        }
    }
    if let Some(repair) = latest(log, Some(ServiceKind::Repair)) {
        facts.push(Fact::text(
            "Last repair",
            format!(
                "{} by {}",
                uk_date(repair.details.date),
                repair.details.by_whom
            ),
        ));
    }
    if d.category.lifts_people() && latest(log, Some(ServiceKind::LolerExamination)).is_none() {
        facts.push(Fact {
            label: "LOLER examination".into(),
            value: vec![Span::bold("None recorded")],
        });
    }
    blocks.push(Block::Heading("Servicing and safety checks".into()));
    if facts.is_empty() && entry.schedules.is_empty() {
        facts.push(Fact::text("Service record", "Nothing recorded yet"));
    }
    if !facts.is_empty() {
        blocks.push(Block::Facts(facts));
    }
    if !entry.schedules.is_empty() {
        blocks.push(Block::Table(schedule_table(entry, overdue)));
    }

    blocks.push(Block::Heading("If it breaks or something is wrong".into()));
    let mut facts = vec![Fact::text(
        "Straight away",
        format!(
            "Stop using it and put it out of use. {}",
            who_to_ring(ctx, entry)
        ),
    )];
    let repairer = ctx
        .supplier(d.repair_supplier_id)
        .or_else(|| ctx.supplier(d.wheelchair.as_ref().and_then(|w| w.repairer_id)));
    if let Some(r) = repairer
        && !r.details.repair_hours.is_empty()
    {
        facts.push(Fact::text("Repair line hours", &r.details.repair_hours));
    }
    let mut refs = Vec::new();
    if ctx.shows(Field::ItemSerial) && !d.serial.is_empty() {
        refs.push(format!("serial {}", d.serial));
    }
    if ctx.shows(Field::ItemLoanNumber) && !d.loan_number.is_empty() {
        refs.push(format!("loan number {}", d.loan_number));
    }
    if let Some(r) = repairer
        && ctx.shows(Field::SupplierAccountRef)
        && !r.details.account_ref.is_empty()
    {
        refs.push(format!("account {}", r.details.account_ref));
    }
    if !refs.is_empty() {
        facts.push(Fact::text("Quote", refs.join(", ")));
    }
    blocks.push(Block::Facts(facts));
}

/// The Schedule 1 particulars of a report, after its date and examiner.
fn report_facts(record: &ServiceRecord, report: &ExaminationReport, facts: &mut Vec<Fact>) {
    let mut who = Vec::new();
    if !report.employer.is_empty() && report.employer != record.details.by_whom {
        who.push(format!("for {}", report.employer));
    }
    if !report.qualifications.is_empty() {
        who.push(report.qualifications.clone());
    }
    if !who.is_empty() {
        facts.push(Fact::text("Competent person", who.join(", ")));
    }
    if !report.identification.is_empty() {
        let mut id = report.identification.clone();
        if let Some(made) = report.manufactured {
            id.push_str(&format!(", made {}", uk_date(made)));
        }
        facts.push(Fact::text("Equipment examined", id));
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
        facts.push(Fact::text("Safe working load", loads.join("; ")));
    }
    facts.push(Fact {
        label: "Safe to operate".into(),
        value: vec![Span::bold(if report.safe_to_operate {
            "Yes"
        } else {
            "NO"
        })],
    });
    if !report.defects.is_empty() {
        facts.push(Fact::text("Defects", report.defects_text()));
    }
    facts.push(Fact::text("Interval", report.basis.label()));
}

/// Every schedule of the item, soonest due first: what, how often, last done, next due (in
/// bold with "OVERDUE" once passed).
fn schedule_table(entry: &PassportItem, overdue: impl Fn(NaiveDate) -> bool) -> Table {
    let mut schedules: Vec<&PassportSchedule> = entry.schedules.iter().collect();
    schedules.sort_by(|a, b| (a.next_due, &a.what).cmp(&(b.next_due, &b.what)));
    let rows = schedules
        .into_iter()
        .map(|s| {
            let mut next = vec![Span::bold(uk_date(s.next_due))];
            if overdue(s.next_due) {
                next.push(Span::bold(" OVERDUE"));
            }
            vec![
                vec![Span::regular(&s.what)],
                vec![Span::regular(how_often(s.every_months))],
                vec![Span::regular(
                    s.last_done.map_or("Never".to_string(), uk_date),
                )],
                next,
            ]
        })
        .collect();
    let columns = [
        ("Scheduled check", 0.34),
        ("How often", 0.19),
        ("Last done", 0.21),
        ("Next due", 0.26),
    ];
    Table {
        columns: columns.iter().map(|&(t, w)| Column::new(t, w)).collect(),
        rows,
        blank_rows: 0,
        label_column: false,
    }
}
