//! `passport notice add|list|show|action|close`: field safety notices matched to the children
//! who hold affected items.

use crate::equipment::parse_date;
use crate::output::{self, date, field, opt_date, outln, table};
use anyhow::{Result, bail};
use clap::{Args, Subcommand};
use equipment_passport::Api;
use equipment_passport::api::{AffectedItem, NoticeRecord};
use equipment_passport::model::{
    ItemId, NoticeAction, NoticeActionDetails, NoticeDetails, NoticeId, NoticeMatch, SerialRange,
};

#[derive(Subcommand)]
pub enum NoticeCommand {
    /// Record a notice; prints its id, and every affected item with its child (on stderr, or
    /// all as JSON with --json).
    Add(NoticeAddArgs),
    /// Every notice, open ones first, with how many items each affects and how many await
    /// action.
    List,
    /// One notice with every affected item and the child who has it.
    Show { id: String },
    /// Record what was done about one item under a notice.
    Action(NoticeActionArgs),
    /// Close a notice once every item it names has an action recorded.
    Close { id: String },
}

#[derive(Args)]
pub struct NoticeAddArgs {
    /// The notice's reference, e.g. FSN-2026-014 (unique on the caseload).
    #[arg(long)]
    pub reference: String,
    /// Its title, e.g. "Spreader bar weld may crack".
    #[arg(long, default_value = "")]
    pub title: String,
    /// Who issued it: the manufacturer or the MHRA.
    #[arg(long, default_value = "")]
    pub issuer: String,
    /// The make (manufacturer) of the affected equipment.
    #[arg(long)]
    pub make: String,
    /// The model of the affected equipment.
    #[arg(long, default_value = "")]
    pub model: String,
    /// The first serial of an affected range (repeat with --serial-to for several ranges).
    #[arg(long = "serial-from", value_name = "SERIAL")]
    pub serial_from: Vec<String>,
    /// The last serial of the range started by the --serial-from in the same place.
    #[arg(long = "serial-to", value_name = "SERIAL")]
    pub serial_to: Vec<String>,
    /// An affected lot number (repeat for several).
    #[arg(long = "lot", value_name = "LOT")]
    pub lots: Vec<String>,
    /// Affected units were made on or after this date, YYYY-MM-DD.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub made_from: Option<String>,
    /// Affected units were made on or before this date, YYYY-MM-DD.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub made_to: Option<String>,
    /// The notice's date, YYYY-MM-DD (default: today).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub issued: Option<String>,
    /// What the notice asks holders to do.
    #[arg(long, default_value = "")]
    pub action: String,
}

#[derive(Args)]
pub struct NoticeActionArgs {
    /// The notice's id.
    pub id: String,
    /// The item's id.
    #[arg(long)]
    pub item: String,
    /// checked, not-affected, withdrawn, repaired (or awaiting-action to undo).
    #[arg(long)]
    pub action: String,
    #[arg(long, default_value = "")]
    pub note: String,
    /// When it was done, YYYY-MM-DD (default: today).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub on: Option<String>,
}

pub fn run(api: &mut Api, cmd: NoticeCommand, json: bool) -> Result<()> {
    match cmd {
        NoticeCommand::Add(args) => add(api, args, json),
        NoticeCommand::List => list(api, json),
        NoticeCommand::Show { id } => show(&api.notice(id.parse()?)?, json),
        NoticeCommand::Action(args) => action(api, args, json),
        NoticeCommand::Close { id } => {
            let notice = api.close_notice(id.parse()?)?;
            if json {
                return output::json(&notice);
            }
            eprintln!(
                "Closed notice {} on {}.",
                notice.details.reference,
                opt_date(notice.closed_on)
            );
            Ok(())
        }
    }
}

fn optional_date(option: &str, value: Option<&str>) -> Result<Option<chrono::NaiveDate>> {
    value.map(|d| parse_date(option, d)).transpose()
}

fn add(api: &mut Api, args: NoticeAddArgs, json: bool) -> Result<()> {
    if args.serial_to.len() > args.serial_from.len() {
        bail!("--serial-to: each --serial-to needs a --serial-from before it");
    }
    let serial_ranges = args
        .serial_from
        .iter()
        .enumerate()
        .map(|(i, from)| SerialRange {
            from: from.clone(),
            to: args.serial_to.get(i).cloned().unwrap_or_default(),
        })
        .collect();
    let details = NoticeDetails {
        reference: args.reference,
        title: args.title,
        issuer: args.issuer,
        issued_on: optional_date("--issued", args.issued.as_deref())?.unwrap_or(api.today()),
        action_required: args.action,
        make: args.make,
        model: args.model,
        serial_ranges,
        lots: args.lots,
        made_from: optional_date("--made-from", args.made_from.as_deref())?,
        made_to: optional_date("--made-to", args.made_to.as_deref())?,
    };
    let record = api.add_notice(details)?;
    if json {
        return output::json(&record);
    }
    outln!("{}", record.notice.id);
    if record.items.is_empty() {
        eprintln!("No item on the caseload matches this notice.");
    }
    for item in &record.items {
        eprintln!("{}", affected_line(item));
    }
    Ok(())
}

fn affected_line(item: &AffectedItem) -> String {
    let place = if item.setting_name.is_empty() {
        String::new()
    } else {
        format!(" at {}", item.setting_name)
    };
    let tell = match item.matched {
        NoticeMatch::CannotTell => "may be affected",
        _ => "affected",
    };
    format!(
        "{}{place}: {} ({}) {tell}, {}",
        item.child_name, item.item_name, item.item_id, item.reason
    )
}

fn list(api: &Api, json: bool) -> Result<()> {
    let notices = api.notices()?;
    if json {
        return output::json(&notices);
    }
    if notices.is_empty() {
        outln!("No safety notices are recorded.");
        return Ok(());
    }
    let rows: Vec<Vec<String>> = notices
        .iter()
        .map(|n| {
            vec![
                n.notice.details.reference.clone(),
                n.notice.details.title.clone(),
                date(n.notice.details.issued_on),
                (n.affected + n.cannot_tell).to_string(),
                n.awaiting.to_string(),
                match n.notice.closed_on {
                    Some(on) => format!("closed {}", date(on)),
                    None => "open".into(),
                },
                n.notice.id.to_string(),
            ]
        })
        .collect();
    table(
        &[
            "Reference",
            "Title",
            "Issued",
            "Items",
            "Awaiting",
            "State",
            "Id",
        ],
        &rows,
    );
    Ok(())
}

fn show(record: &NoticeRecord, json: bool) -> Result<()> {
    if json {
        return output::json(record);
    }
    let n = &record.notice;
    let d = &n.details;
    outln!("{}: {}", d.reference, d.title);
    field("Id", &n.id.to_string());
    field("Issued by", &d.issuer);
    field("Issued on", &date(d.issued_on));
    field("Make and model", format!("{} {}", d.make, d.model).trim());
    let ranges: Vec<String> = d.serial_ranges.iter().map(SerialRange::text).collect();
    field("Serials", &ranges.join(", "));
    field("Lots", &d.lots.join(", "));
    if d.made_from.is_some() || d.made_to.is_some() {
        field(
            "Made",
            &format!("{} to {}", opt_date(d.made_from), opt_date(d.made_to)),
        );
    }
    field("Action required", &d.action_required);
    field(
        "State",
        &n.closed_on
            .map_or("open".into(), |on| format!("closed {}", date(on))),
    );
    if record.items.is_empty() {
        outln!("No item on the caseload matches this notice.");
        return Ok(());
    }
    let rows: Vec<Vec<String>> = record
        .items
        .iter()
        .map(|i| {
            vec![
                i.child_name.clone(),
                i.setting_name.clone(),
                i.item_name.clone(),
                i.serial.clone(),
                i.reason.clone(),
                i.action.label().to_string(),
                i.item_id.to_string(),
            ]
        })
        .collect();
    table(
        &[
            "Child", "Setting", "Item", "Serial", "Why", "Action", "Item id",
        ],
        &rows,
    );
    Ok(())
}

fn action(api: &mut Api, args: NoticeActionArgs, json: bool) -> Result<()> {
    let notice: NoticeId = args.id.parse()?;
    let item: ItemId = args.item.parse()?;
    let action: NoticeAction = args
        .action
        .parse()
        .map_err(|e| anyhow::anyhow!("--action: {e}"))?;
    let record = api.record_notice_action(
        notice,
        item,
        NoticeActionDetails {
            action,
            note: args.note,
            acted_on: optional_date("--on", args.on.as_deref())?,
        },
    )?;
    if json {
        return output::json(&record);
    }
    let waiting = record.items.iter().filter(|i| i.awaiting()).count();
    eprintln!(
        "Recorded '{}'. {waiting} item{} still awaiting action on {}.",
        action.label(),
        if waiting == 1 { "" } else { "s" },
        record.notice.details.reference
    );
    Ok(())
}
