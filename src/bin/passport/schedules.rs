//! `passport schedule add|list|remove|done`: an item's schedules (LOLER, service, review,
//! sling inspection, battery test, calibration, or a check the therapist names).

use crate::equipment::parse_date;
use crate::output::{self, opt_date, outln, table};
use anyhow::{Result, anyhow};
use clap::{Args, Subcommand};
use equipment_passport::Api;
use equipment_passport::model::{ItemId, Schedule, ScheduleDetails, ScheduleId, ScheduleKind};

#[derive(Subcommand)]
pub enum ScheduleCommand {
    /// Give an item a schedule; prints the new schedule's id.
    Add(ScheduleAddArgs),
    /// An item's schedules, soonest due first.
    List {
        /// The equipment item's id.
        #[arg(long)]
        item: String,
    },
    /// Remove a schedule (its history is kept).
    Remove { id: String },
    /// Record that a schedule's check was done: its next date moves one interval on.
    Done {
        id: String,
        /// When it was done, YYYY-MM-DD.
        #[arg(long, value_name = "YYYY-MM-DD")]
        on: String,
    },
}

#[derive(Args)]
pub struct ScheduleAddArgs {
    /// The equipment item's id.
    #[arg(long)]
    pub item: String,
    /// loler, service, review, sling-inspection, battery-test, calibration or other.
    #[arg(long)]
    pub kind: String,
    /// What is due, for --kind other (e.g. "Tyre pressure check").
    #[arg(long)]
    pub name: Option<String>,
    /// How often, in months (1 to 60).
    #[arg(long, value_name = "MONTHS")]
    pub every: u32,
    /// When it was last done, YYYY-MM-DD.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub last: Option<String>,
    /// When it is next due, YYYY-MM-DD (else the last date plus the interval).
    #[arg(long, value_name = "YYYY-MM-DD", alias = "next-due")]
    pub next: Option<String>,
}

pub fn run(api: &mut Api, cmd: ScheduleCommand, json: bool) -> Result<()> {
    match cmd {
        ScheduleCommand::Add(args) => add(api, args, json),
        ScheduleCommand::List { item } => list(api, item.parse()?, json),
        ScheduleCommand::Remove { id } => {
            let id: ScheduleId = id.parse()?;
            api.delete_schedule(id)?;
            if json {
                return output::json(&serde_json::json!({ "removed": id }));
            }
            eprintln!("Removed schedule {id}.");
            Ok(())
        }
        ScheduleCommand::Done { id, on } => {
            let schedule = api.mark_schedule_done(id.parse()?, parse_date("--on", &on)?)?;
            if json {
                return output::json(&schedule);
            }
            eprintln!(
                "{} done; next due {}.",
                schedule.what(),
                output::date(schedule.next_due)
            );
            Ok(())
        }
    }
}

fn add(api: &mut Api, args: ScheduleAddArgs, json: bool) -> Result<()> {
    let item: ItemId = args.item.parse()?;
    let kind: ScheduleKind = args.kind.parse().map_err(|e| anyhow!("--kind: {e}"))?;
    let date = |option: &str, value: Option<String>| {
        value.as_deref().map(|d| parse_date(option, d)).transpose()
    };
    let details = ScheduleDetails {
        kind,
        name: args.name.unwrap_or_default(),
        every_months: args.every,
        last_done: date("--last", args.last)?,
        next_due: date("--next", args.next)?,
    };
    let schedule = api.add_schedule(item, details)?;
    if json {
        return output::json(&schedule);
    }
    outln!("{}", schedule.id);
    eprintln!("Next due {}.", output::date(schedule.next_due));
    Ok(())
}

fn list(api: &Api, item: ItemId, json: bool) -> Result<()> {
    let schedules = api.schedules_of_item(item)?;
    if json {
        return output::json(&schedules);
    }
    if schedules.is_empty() {
        outln!("This item has no schedules yet.");
        return Ok(());
    }
    let rows: Vec<Vec<String>> = schedules.iter().map(row).collect();
    table(&["What", "How often", "Last done", "Next due", "Id"], &rows);
    Ok(())
}

fn row(s: &Schedule) -> Vec<String> {
    let mut next = output::date(s.next_due);
    if s.overdue {
        next.push_str(" (overdue)");
    }
    vec![
        s.what(),
        s.how_often(),
        match s.last_done {
            Some(_) => opt_date(s.last_done),
            None => "Never".to_string(),
        },
        next,
        s.id.to_string(),
    ]
}
