//! `passport trained add|list|remove`: the register of staff trained to use each item.

use crate::equipment::parse_date;
use crate::output::{self, opt_date, outln, table};
use anyhow::{Result, bail};
use clap::{Args, Subcommand};
use equipment_passport::Api;
use equipment_passport::model::{ChildId, ItemId, TrainingDetails, TrainingId, TrainingRecord};

#[derive(Subcommand)]
pub enum TrainedCommand {
    /// Record that someone was trained to use an item; prints the new entry's id.
    Add(TrainedAddArgs),
    /// The register for one item (--item ID) or for all of a child's items (--child ID).
    List(TrainedListArgs),
    /// Remove one entry of the register (its history is kept).
    Remove { id: String },
}

#[derive(Args)]
pub struct TrainedAddArgs {
    /// The equipment item's id.
    #[arg(long)]
    pub item: String,
    /// The person trained.
    #[arg(long)]
    pub name: String,
    /// Their role, e.g. "Teaching assistant".
    #[arg(long)]
    pub role: String,
    /// Who trained them.
    #[arg(long)]
    pub by: String,
    /// When they were trained, YYYY-MM-DD.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub on: String,
    /// When a refresher is due, YYYY-MM-DD (after the training).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub refresh_by: Option<String>,
    /// The setting where they work with the child (its id, see `passport setting list`).
    #[arg(long)]
    pub setting: Option<String>,
}

#[derive(Args)]
#[group(required = true, multiple = false)]
pub struct TrainedListArgs {
    #[arg(long)]
    pub item: Option<String>,
    #[arg(long)]
    pub child: Option<String>,
}

pub fn run(api: &mut Api, cmd: TrainedCommand, json: bool) -> Result<()> {
    match cmd {
        TrainedCommand::Add(args) => add(api, args, json),
        TrainedCommand::List(args) => list(api, args, json),
        TrainedCommand::Remove { id } => {
            let id: TrainingId = id.parse()?;
            api.delete_training(id)?;
            if json {
                return output::json(&serde_json::json!({ "removed": id }));
            }
            eprintln!("Removed training record {id}.");
            Ok(())
        }
    }
}

fn add(api: &mut Api, args: TrainedAddArgs, json: bool) -> Result<()> {
    let item: ItemId = args.item.parse()?;
    let details = TrainingDetails {
        name: args.name,
        role: args.role,
        setting_id: args.setting.as_deref().map(str::parse).transpose()?,
        trained_by: args.by,
        trained_on: parse_date("--on", &args.on)?,
        refresh_by: args
            .refresh_by
            .as_deref()
            .map(|d| parse_date("--refresh-by", d))
            .transpose()?,
    };
    let record = api.add_training(item, details)?;
    if json {
        return output::json(&record);
    }
    outln!("{}", record.id);
    if let Some(refresh) = record.details.refresh_by {
        eprintln!("Refresher due {}.", output::date(refresh));
    }
    Ok(())
}

fn list(api: &Api, args: TrainedListArgs, json: bool) -> Result<()> {
    let records = match (args.item, args.child) {
        (Some(item), _) => api.training_for_item(item.parse::<ItemId>()?)?,
        (None, Some(child)) => api.training_for_child(child.parse::<ChildId>()?)?,
        (None, None) => bail!("say whose register: --item ID or --child ID"),
    };
    if json {
        return output::json(&records);
    }
    if records.is_empty() {
        outln!("Nobody is recorded as trained yet.");
        return Ok(());
    }
    let rows: Vec<Vec<String>> = records.iter().map(row).collect();
    table(
        &[
            "Name",
            "Role",
            "Equipment",
            "Trained by",
            "Trained on",
            "Refresher due",
            "Id",
        ],
        &rows,
    );
    Ok(())
}

fn row(r: &TrainingRecord) -> Vec<String> {
    let d = &r.details;
    let mut refresh = opt_date(d.refresh_by);
    if r.refresher_overdue {
        refresh.push_str(" (overdue)");
    }
    vec![
        d.name.clone(),
        d.role.clone(),
        r.item_name.clone(),
        d.trained_by.clone(),
        output::date(d.trained_on),
        refresh,
        r.id.to_string(),
    ]
}
