//! Turns a child's equipment list into stored items through the public api: details from the
//! templates, drawn photos (gallery and set-up steps), and a service history of LOLER
//! examinations, services, repairs and checks dated back from today.

use super::children::Profile;
use super::people::{OTS, PHYSIOS, WHEELCHAIR_THERAPIST};
use super::pictures::{self, Palette, View};
use super::plan::{Event, Kit};
use super::rng::Rng;
use super::suppliers::{Directory, Role};
use super::templates::{Lead, Template, personal};
use crate::Api;
use crate::error::Result;
use crate::model::{
    Child, ItemDetails, ItemId, LoopConfiguration, Measurement, Outcome, ScheduleDetails,
    ScheduleKind, ScheduleSlot, SeatingDetails, ServiceKind, ServiceRecordDetails, SetupStep,
    SlingDetails, WheelchairDetails, WhereUsed,
};
use chrono::{Datelike, Days, NaiveDate, NaiveTime};

/// What was added, for the summary.
#[derive(Debug, Default, Clone, Copy)]
pub struct Tally {
    pub items: usize,
    pub photos: usize,
    pub service_records: usize,
}

/// Everything an item needs from outside its template.
pub struct Context<'a> {
    pub directory: &'a Directory,
    /// Photo width and height in pixels.
    pub photo_size: (u32, u32),
    /// Sling ids run on from the last one issued: "SL-2025-0113", "SL-2025-0127" ...
    pub next_sling: u32,
}

const ENGINEERS: &[&str] = &["D. Marsh", "K. Osei", "L. Brennan"];

const LOLER_NOTES: &[&str] = &[
    "Thorough examination: no defects found. Safe working load label legible.",
    "No defects. Emergency lowering tested and working; battery holding charge.",
    "Examined and passed. Castors and brakes checked; spreader bar hooks and catches sound.",
];

const SLING_NOTES: &[&str] = &[
    "Sling examined: webbing, stitching and loops sound; label legible.",
    "No defects found. Loops whole and not twisted; label and sling ID readable.",
];

fn days_ago(today: NaiveDate, days: i64) -> NaiveDate {
    today - Days::new(days.max(0) as u64)
}

fn therapist(template: &Template, profile: &Profile) -> String {
    match template.lead {
        Lead::Ot => OTS[profile.ot].signature(),
        Lead::Physio => PHYSIOS[profile.physio.unwrap_or(0)].signature(),
        Lead::WheelchairService => WHEELCHAIR_THERAPIST.signature(),
    }
}

/// A serial number that looks like the maker's: prefix, year of issue, five digits.
fn serial(template: &Template, issued: NaiveDate, rng: &mut Rng) -> String {
    format!(
        "{}-{:02}{}",
        template.serial_prefix,
        issued.year() % 100,
        rng.digits(5)
    )
}

fn loan_number(provider: Role, rng: &mut Rng) -> String {
    match provider {
        Role::EquipmentService => format!("MCES/L/{}", rng.digits(6)),
        Role::WheelchairService => format!("KCWS-{}", rng.digits(6)),
        Role::Orthotics => format!("CCO-ORD-{}", rng.digits(5)),
        _ => String::new(),
    }
}

/// The item's details as first saved, before any step photos exist.
fn details(
    kit: &Kit,
    profile: &Profile,
    name: &str,
    ctx: &mut Context<'_>,
    hoists: &[ItemId],
    today: NaiveDate,
    rng: &mut Rng,
) -> ItemDetails {
    let t = kit.template;
    let dir = ctx.directory;
    let issued = days_ago(today, kit.issued_days_ago);
    let mut d = ItemDetails::new(t.category, t.name);
    d.make = t.make.into();
    d.model = t.model.into();
    d.serial = serial(t, issued, rng);
    d.size = kit.size.into();
    d.where_used = kit.where_used.unwrap_or(t.where_used);
    d.provider_id = Some(dir.id(t.provider));
    d.loan_number = loan_number(t.provider, rng);
    d.issue_date = Some(issued);
    d.purpose = personal(t.purpose, name);
    if d.where_used != WhereUsed::Home {
        d.schedule = t
            .schedule
            .iter()
            .map(|slot| ScheduleSlot {
                days: slot.days.to_vec(),
                start: NaiveTime::from_hms_opt(slot.start.0, slot.start.1, 0),
                duration_minutes: Some(slot.minutes),
                activity: slot.activity.into(),
            })
            .collect();
    }
    d.setup_steps = t
        .steps
        .iter()
        .map(|s| SetupStep {
            text: personal(s, name),
            photo_id: None,
        })
        .collect();
    let each = |list: &[&str]| list.iter().map(|s| personal(s, name)).collect::<Vec<_>>();
    d.safety_checks = each(t.checks);
    d.cleaning = personal(t.cleaning, name);
    d.dos = each(t.dos);
    d.donts = each(t.donts);
    d.status = kit.status;
    d.repair_supplier_id = Some(dir.id(t.repairer));
    d.therapist = therapist(t, profile);
    d.staff_needed = t.staff;
    d.wheelchair = kit.chair.as_ref().map(|c| WheelchairDetails {
        kind: c.kind,
        seat_width_mm: Some(c.seat_mm.0),
        seat_depth_mm: Some(c.seat_mm.1),
        components: c.components.into(),
        tilt_in_space: c.tilt,
        recline: c.recline,
        budget: c.budget,
        service_id: Some(dir.id(Role::WheelchairService)),
        repairer_id: Some(dir.id(Role::WheelchairRepairs)),
        crash_tested: c.crash_tested,
    });
    d.seating = kit.posture.as_ref().map(|p| SeatingDetails {
        postural_supports: p.supports.iter().map(|s| s.to_string()).collect(),
        measurements: p
            .measurements
            .iter()
            .map(|(label, value)| Measurement {
                label: label.to_string(),
                value: value.to_string(),
            })
            .collect(),
    });
    d.sling = kit.sling.as_ref().map(|fit| {
        let id = format!("SL-{}-{:04}", issued.year(), ctx.next_sling);
        ctx.next_sling += rng.between(3, 19) as u32;
        SlingDetails {
            maker: t.make.into(),
            model: t.model.into(),
            size: fit.size.into(),
            colour_code: fit.colour.into(),
            sling_id: id,
            loops: LoopConfiguration {
                shoulder_left: fit.shoulder.into(),
                shoulder_right: fit.shoulder.into(),
                leg_left: fit.leg.into(),
                leg_right: fit.leg.into(),
            },
            hoist_ids: fit.hoists.iter().map(|&i| hoists[i]).collect(),
        }
    });
    d
}

/// The item's service log, oldest first.
fn history(
    kit: &Kit,
    profile: &Profile,
    dir: &Directory,
    today: NaiveDate,
    rng: &mut Rng,
) -> Vec<ServiceRecordDetails> {
    let t = kit.template;
    let issued = days_ago(today, kit.issued_days_ago);
    let mut records = Vec::new();
    let record = |kind, date, by_whom: String, outcome, notes: &str| ServiceRecordDetails {
        kind,
        date,
        by_whom,
        outcome,
        notes: notes.into(),
        next_due: None,
        examination: None,
    };
    if let Some(last) = kit.loler_last {
        // Every six months, working back from the newest examination to the issue date.
        let mut date = days_ago(today, last);
        let mut dates = Vec::new();
        while date >= issued {
            dates.push(date);
            date = date
                .checked_sub_months(chrono::Months::new(6))
                .expect("demo dates are well within the calendar");
        }
        let notes = if t.category.lifts_people() && kit.sling.is_some() {
            SLING_NOTES
        } else {
            LOLER_NOTES
        };
        for date in dates.into_iter().rev() {
            let by = format!(
                "{} (engineer {})",
                dir.name(Role::LiftingEngineers),
                rng.pick(ENGINEERS)
            );
            let note = rng.pick(notes);
            records.push(record(
                ServiceKind::LolerExamination,
                date,
                by,
                Outcome::Pass,
                note,
            ));
        }
    }
    if let Some(last) = kit.service_last {
        let powered = t.picture == pictures::Picture::PoweredChair;
        let note = if powered {
            "Annual service: batteries load-tested; motors, brakes and joystick checked; settings unchanged."
        } else {
            "Annual service: brakes adjusted, tyres checked and pumped, all fixings tightened."
        };
        let mut date = days_ago(today, last);
        let mut dates = Vec::new();
        while date >= issued {
            dates.push(date);
            date = date
                .checked_sub_months(chrono::Months::new(12))
                .expect("demo dates are well within the calendar");
        }
        for date in dates.into_iter().rev() {
            let by = dir.name(Role::WheelchairRepairs).to_string();
            records.push(record(ServiceKind::Service, date, by, Outcome::Pass, note));
        }
    }
    for event in &kit.events {
        records.push(match *event {
            Event::Loler(days, outcome, notes) => record(
                ServiceKind::LolerExamination,
                days_ago(today, days),
                format!(
                    "{} (engineer {})",
                    dir.name(Role::LiftingEngineers),
                    rng.pick(ENGINEERS)
                ),
                outcome,
                notes,
            ),
            Event::Repair(days, outcome, notes) => record(
                ServiceKind::Repair,
                days_ago(today, days),
                dir.name(t.repairer).to_string(),
                outcome,
                notes,
            ),
            Event::Check(days, notes) => record(
                ServiceKind::SafetyCheck,
                days_ago(today, days),
                therapist(t, profile),
                Outcome::Pass,
                notes,
            ),
        });
    }
    records.sort_by_key(|r| r.date);
    // The plan counts back from today and never before the issue date: validation refuses
    // records dated in the future, and a record before the item arrived would make no sense.
    debug_assert!(records.iter().all(|r| r.date <= today && r.date >= issued));
    records
}

/// Creates one child's equipment, photos and service history.
pub fn create(
    api: &mut Api,
    child: &Child,
    profile: &Profile,
    kits: &[Kit],
    ctx: &mut Context<'_>,
    rng: &mut Rng,
) -> Result<Tally> {
    let today = api.today();
    let name = child.details.known_as().to_string();
    let (w, h) = ctx.photo_size;
    let mut tally = Tally::default();
    let mut created: Vec<ItemId> = Vec::new();
    for kit in kits {
        let t = kit.template;
        let mut d = details(kit, profile, &name, ctx, &created, today, rng);
        let item = api.create_item(child.id, d.clone())?;
        created.push(item.id);
        tally.items += 1;

        let mut palette = Palette::pick(rng);
        if let Some(fit) = &kit.sling {
            // The drawn size tab matches the colour code written on the sling's page.
            palette.accent = pictures::colour_code(fit.colour).unwrap_or(palette.accent);
        }
        let parts = pictures::part_names(t.picture);
        for n in 0..kit.photos {
            let (view, caption) = if n == 0 {
                (View::Whole, format!("{} as set up for {name}", t.name))
            } else {
                let part = (rng.below(parts.len() as u64)) as usize;
                (
                    View::CloseUp(part),
                    format!("Close-up: the {}", parts[part]),
                )
            };
            let png = pictures::equipment(t.picture, &palette, view, w, h);
            api.add_item_photo(item.id, &png, &caption)?;
            tally.photos += 1;
        }
        if kit.step_photos && !t.step_photos.is_empty() {
            for &(step, part) in t.step_photos {
                let png = pictures::equipment(t.picture, &palette, View::Ringed(part), w, h);
                d.setup_steps[step].photo_id = Some(api.add_step_photo(item.id, &png)?);
                tally.photos += 1;
            }
            api.update_item(item.id, d)?;
        }
        for record in history(kit, profile, ctx.directory, today, rng) {
            api.add_service_record(item.id, record)?;
            tally.service_records += 1;
        }
        // The therapist's yearly review, next due on the kit's own day.
        api.add_schedule(
            item.id,
            ScheduleDetails {
                kind: ScheduleKind::Review,
                name: String::new(),
                every_months: 12,
                last_done: None,
                next_due: Some(today + chrono::TimeDelta::days(kit.review_in_days)),
            },
        )?;
    }
    Ok(tally)
}
