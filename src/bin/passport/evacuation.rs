//! `passport evacuation show|set|remove`: a child's personal emergency evacuation plan for
//! their setting, read and written whole as JSON.

use crate::output::{self, field, outln};
use anyhow::{Context, Result, bail};
use clap::{Args, Subcommand};
use equipment_passport::Api;
use equipment_passport::model::{ChildId, EvacuationPlan, SettingId};
use std::path::PathBuf;

#[derive(Subcommand)]
pub enum EvacuationCommand {
    /// The child's plan for their setting (or --setting ID).
    Show(Which),
    /// Save the child's plan from a JSON file (the shape `show --json` prints); the setting is
    /// the file's `setting_id`, else --setting, else the child's own. Replaces the plan before.
    Set(SetArgs),
    /// Remove the child's plan for their setting (or --setting ID); its history is kept.
    Remove(Which),
}

#[derive(Args)]
pub struct Which {
    /// The child's id.
    #[arg(long)]
    pub child: String,
    /// The setting's id (default: the child's own setting).
    #[arg(long)]
    pub setting: Option<String>,
}

#[derive(Args)]
pub struct SetArgs {
    #[command(flatten)]
    pub which: Which,
    /// The plan as JSON: route, assembly_point, equipment_id, equipment_note, sessions
    /// ([{"session": "Morning", "adults": [{"name": "…", "role": "…"}]}]), if_in_stander,
    /// if_on_hoist, notes, review_date (YYYY-MM-DD), agreed_by.
    #[arg(long, value_name = "FILE")]
    pub file: PathBuf,
}

pub fn run(api: &mut Api, cmd: EvacuationCommand, json: bool) -> Result<()> {
    match cmd {
        EvacuationCommand::Show(which) => show(api, which, json),
        EvacuationCommand::Set(args) => set(api, args, json),
        EvacuationCommand::Remove(which) => {
            let (child, setting) = ids(api, &which)?;
            api.remove_evacuation_plan(child, setting)?;
            if json {
                return output::json(&serde_json::json!({ "removed": child, "setting": setting }));
            }
            eprintln!("Removed the evacuation plan.");
            Ok(())
        }
    }
}

/// The child and the setting meant: the one given, else the child's own.
fn ids(api: &Api, which: &Which) -> Result<(ChildId, SettingId)> {
    let child: ChildId = which.child.parse()?;
    let setting = match &which.setting {
        Some(s) => s.parse()?,
        None => match api.child(child)?.child.details.setting_id {
            Some(s) => s,
            None => bail!("this child has no setting: give --setting ID"),
        },
    };
    Ok((child, setting))
}

fn show(api: &Api, which: Which, json: bool) -> Result<()> {
    let (child, setting) = ids(api, &which)?;
    let plan = api.evacuation_plan(child, Some(setting))?;
    if json {
        return output::json(&plan);
    }
    let Some(plan) = plan else {
        outln!("No evacuation plan for this setting yet.");
        return Ok(());
    };
    let items = api.child(child)?.items;
    let item_name = plan.equipment_id.map(|id| {
        items
            .iter()
            .find(|i| i.id == id)
            .map_or_else(|| id.to_string(), |i| i.details.name.clone())
    });
    field("Route", &plan.route);
    field("Assembly point", &plan.assembly_point);
    field(
        "Equipment",
        &item_name
            .into_iter()
            .chain([plan.equipment_note.clone()])
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join("; "),
    );
    for s in &plan.sessions {
        field(&s.session, &s.adults_joined(", "));
    }
    field("If in the stander", &plan.if_in_stander);
    field("If on the hoist", &plan.if_on_hoist);
    field("Notes", &plan.notes);
    field("Review by", &output::opt_date(plan.review_date));
    field("Agreed by", &plan.agreed_by);
    Ok(())
}

fn set(api: &mut Api, args: SetArgs, json: bool) -> Result<()> {
    let text = std::fs::read_to_string(&args.file)
        .with_context(|| format!("could not read {}", args.file.display()))?;
    let mut value: serde_json::Value = serde_json::from_str(&text)
        .with_context(|| format!("{} is not JSON", args.file.display()))?;
    let Some(object) = value.as_object_mut() else {
        bail!(
            "{} must hold one JSON object: the plan",
            args.file.display()
        );
    };
    if !object.contains_key("setting_id") {
        let (_, setting) = ids(api, &args.which)?;
        object.insert("setting_id".into(), serde_json::to_value(setting)?);
    }
    let plan: EvacuationPlan = serde_json::from_value(value)
        .with_context(|| format!("{} is not an evacuation plan", args.file.display()))?;
    let child: ChildId = args.which.child.parse()?;
    let saved = api.save_evacuation_plan(child, plan)?;
    if json {
        return output::json(&saved);
    }
    eprintln!(
        "Saved the evacuation plan; review by {}.",
        output::opt_date(saved.review_date)
    );
    Ok(())
}
