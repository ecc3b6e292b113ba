//! `passport exam add|show|list`: LOLER thorough examination reports (Schedule 1).

use crate::equipment::{parse_choice, parse_date};
use crate::output::{self, field, opt_date, outln, table};
use anyhow::{Result, bail};
use clap::{ArgAction, ArgMatches, Args, Subcommand};
use equipment_passport::Api;
use equipment_passport::model::{
    Defect, ExaminationReport, IntervalBasis, ItemId, Outcome, SafeWorkingLoad, ServiceKind,
    ServiceRecord, ServiceRecordDetails, ServiceRecordId,
};

#[derive(Subcommand)]
pub enum ExamCommand {
    /// Record a thorough examination report; prints the record's id. "--safe no" puts the
    /// item out of use at once (status "Not safe: do not use") until a later report finds it
    /// safe.
    #[command(
        after_help = "Defects: each --defect starts a defect; the --repair-by, \
--repair-needed and --danger-now that follow it (before the next --defect) belong to it. \
A defect that is not a danger now needs its --repair-by date; one that is (--danger-now) \
may leave it out, and then the report must say --safe no.\n\n\
Example: passport exam add --item ID --date 2026-11-02 --by \"J. Patel\" --safe no \
--defect \"Frayed leg strap\" --danger-now --defect \"Worn castor\" --repair-by 2026-12-01"
    )]
    Add(Box<ExamAddArgs>),
    /// One examination report, in full.
    Show { id: String },
    /// The examination reports of one item, newest first.
    List {
        #[arg(long)]
        item: String,
    },
}

#[derive(Args)]
pub struct ExamAddArgs {
    /// The equipment item's id.
    #[arg(long)]
    pub item: String,
    /// The date of the examination, YYYY-MM-DD.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: String,
    /// The competent person who examined it.
    #[arg(long)]
    pub by: String,
    /// Whether it is safe to operate: yes or no.
    #[arg(long, value_name = "yes|no")]
    pub safe: String,
    /// Who the competent person works for.
    #[arg(long)]
    pub employer: Option<String>,
    /// The competent person's qualifications.
    #[arg(long)]
    pub qualifications: Option<String>,
    /// What identifies the equipment (default: its make, model and serial).
    #[arg(long)]
    pub identification: Option<String>,
    /// Its date of manufacture, if known, YYYY-MM-DD.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub manufactured: Option<String>,
    /// The interval basis: 6-months, 12-months, scheme or exceptional (default: 6-months for
    /// hoists and slings, 12-months for other equipment).
    #[arg(long)]
    pub basis: Option<String>,
    /// The next examination, YYYY-MM-DD (required with --basis scheme; otherwise it follows
    /// the basis).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub next_due: Option<String>,
    /// A safe working load: "CONFIGURATION=KG", or just KG (repeat for each configuration
    /// examined).
    #[arg(long, value_name = "CONFIG=KG", action = ArgAction::Append)]
    pub swl: Vec<String>,
    /// A defect that is or could become a danger (repeat for each).
    #[arg(long, value_name = "TEXT", action = ArgAction::Append)]
    pub defect: Vec<String>,
    /// The date by which the defect before it must be repaired.
    #[arg(long, value_name = "YYYY-MM-DD", action = ArgAction::Append)]
    pub repair_by: Vec<String>,
    /// The repair the defect before it needs.
    #[arg(long, value_name = "TEXT", action = ArgAction::Append)]
    pub repair_needed: Vec<String>,
    /// The defect before it is a danger now.
    #[arg(long, num_args = 0, default_missing_value = "true", action = ArgAction::Append)]
    pub danger_now: Vec<bool>,
    /// Further notes for the service log.
    #[arg(long)]
    pub notes: Option<String>,
}

/// `matches` are those of `exam`: they say where on the command line each option came, so
/// each defect gets the options that follow it.
pub fn run(
    api: &mut Api,
    cmd: ExamCommand,
    json: bool,
    matches: Option<&ArgMatches>,
) -> Result<()> {
    match cmd {
        ExamCommand::Add(args) => {
            let add = matches.and_then(|m| m.subcommand_matches("add"));
            add_exam(api, *args, json, add)
        }
        ExamCommand::Show { id } => {
            let record = api.examination(id.parse::<ServiceRecordId>()?)?;
            if json {
                return output::json(&record);
            }
            show(&record);
            Ok(())
        }
        ExamCommand::List { item } => {
            let records = api.examinations(item.parse::<ItemId>()?)?;
            if json {
                return output::json(&records);
            }
            if records.is_empty() {
                outln!("No examination reports recorded for this item.");
                return Ok(());
            }
            let rows: Vec<Vec<String>> = records.iter().map(row).collect();
            table(
                &["Date", "By", "Safe to operate", "Defects", "Next due", "Id"],
                &rows,
            );
            Ok(())
        }
    }
}

fn add_exam(
    api: &mut Api,
    args: ExamAddArgs,
    json: bool,
    matches: Option<&ArgMatches>,
) -> Result<()> {
    let item: ItemId = args.item.parse()?;
    let safe_to_operate = match args.safe.trim().to_lowercase().as_str() {
        "yes" | "y" => true,
        "no" | "n" => false,
        other => bail!("--safe: '{other}' is not yes or no"),
    };
    let category = api.item(item)?.item.details.category;
    let basis = match &args.basis {
        Some(b) => parse_choice::<IntervalBasis>("--basis", b)?,
        None if category.lifts_people() => IntervalBasis::SixMonths,
        None => IntervalBasis::TwelveMonths,
    };
    let defects = match matches {
        Some(m) => defects_in_order(&args, m)?,
        None => bail!("the command line could not be read back"),
    };
    let report = ExaminationReport {
        employer: args.employer.unwrap_or_default(),
        qualifications: args.qualifications.unwrap_or_default(),
        identification: args.identification.unwrap_or_default(),
        manufactured: args
            .manufactured
            .as_deref()
            .map(|d| parse_date("--manufactured", d))
            .transpose()?,
        safe_working_loads: args
            .swl
            .iter()
            .map(|s| parse_swl(s))
            .collect::<Result<_>>()?,
        basis,
        safe_to_operate,
        defects,
    };
    let details = ServiceRecordDetails {
        kind: ServiceKind::LolerExamination,
        date: parse_date("--date", &args.date)?,
        by_whom: args.by,
        outcome: Outcome::Pass,
        notes: args.notes.unwrap_or_default(),
        next_due: args
            .next_due
            .as_deref()
            .map(|d| parse_date("--next-due", d))
            .transpose()?,
        examination: Some(report),
    };
    let record = api.add_service_record(item, details)?;
    if json {
        return output::json(&record);
    }
    outln!("{}", record.id);
    if !safe_to_operate {
        eprintln!("Not safe to operate: the item is now out of use (Not safe: do not use).");
    }
    if let Some(next) = record.details.next_due {
        eprintln!("Next thorough examination due {}.", output::date(next));
    }
    Ok(())
}

/// "Long spreader bar=182" or "182".
fn parse_swl(text: &str) -> Result<SafeWorkingLoad> {
    let (configuration, kg) = match text.rsplit_once('=') {
        Some((c, kg)) => (c.trim().to_string(), kg),
        None => (String::new(), text),
    };
    let kg = kg.trim().trim_end_matches("kg").trim();
    match kg.parse::<u32>() {
        Ok(swl_kg) => Ok(SafeWorkingLoad {
            configuration,
            swl_kg,
        }),
        Err(_) => bail!("--swl: '{text}' is not CONFIGURATION=KG (e.g. \"Long spreader bar=182\")"),
    }
}

/// What one option said, and where on the command line.
enum Part {
    Defect(String),
    RepairBy(String),
    RepairNeeded(String),
    DangerNow,
}

/// The defects with the options that follow each, in command-line order.
fn defects_in_order(args: &ExamAddArgs, m: &ArgMatches) -> Result<Vec<Defect>> {
    let mut parts: Vec<(usize, Part)> = Vec::new();
    let at =
        |id: &str| -> Vec<usize> { m.indices_of(id).map(Iterator::collect).unwrap_or_default() };
    for (i, text) in at("defect").into_iter().zip(&args.defect) {
        parts.push((i, Part::Defect(text.clone())));
    }
    for (i, text) in at("repair_by").into_iter().zip(&args.repair_by) {
        parts.push((i, Part::RepairBy(text.clone())));
    }
    for (i, text) in at("repair_needed").into_iter().zip(&args.repair_needed) {
        parts.push((i, Part::RepairNeeded(text.clone())));
    }
    for i in at("danger_now").into_iter().take(args.danger_now.len()) {
        parts.push((i, Part::DangerNow));
    }
    parts.sort_by_key(|(i, _)| *i);
    let mut defects: Vec<Defect> = Vec::new();
    for (_, part) in parts {
        if let Part::Defect(description) = part {
            defects.push(Defect {
                description,
                danger_now: false,
                repair_needed: String::new(),
                repair_by: None,
            });
            continue;
        }
        let Some(last) = defects.last_mut() else {
            bail!(
                "--repair-by, --repair-needed and --danger-now follow the --defect they belong to"
            );
        };
        match part {
            Part::RepairBy(d) if last.repair_by.is_none() => {
                last.repair_by = Some(parse_date("--repair-by", &d)?)
            }
            Part::RepairBy(_) => bail!(
                "--repair-by: the defect '{}' has two repair-by dates",
                last.description
            ),
            Part::RepairNeeded(text) => last.repair_needed = text,
            Part::DangerNow => last.danger_now = true,
            Part::Defect(_) => unreachable!("handled above"),
        }
    }
    Ok(defects)
}

fn yes_no(safe: bool) -> &'static str {
    if safe { "Yes" } else { "NO: do not use" }
}

fn row(r: &ServiceRecord) -> Vec<String> {
    let report = r.details.examination.as_ref();
    vec![
        output::date(r.details.date),
        r.details.by_whom.clone(),
        yes_no(report.is_some_and(|e| e.safe_to_operate)).to_string(),
        report.map(|e| e.defects.len()).unwrap_or(0).to_string(),
        opt_date(r.details.next_due),
        r.id.to_string(),
    ]
}

fn show(r: &ServiceRecord) {
    let Some(e) = &r.details.examination else {
        return;
    };
    field("Thorough examination", &output::date(r.details.date));
    field("Competent person", &r.details.by_whom);
    field("Employer", &e.employer);
    field("Qualifications", &e.qualifications);
    field("Equipment", &e.identification);
    field("Date of manufacture", &opt_date(e.manufactured));
    for load in &e.safe_working_loads {
        let what = if load.configuration.is_empty() {
            format!("{} kg", load.swl_kg)
        } else {
            format!("{} kg ({})", load.swl_kg, load.configuration)
        };
        field("Safe working load", &what);
    }
    field("Interval", e.basis.label());
    field("Safe to operate", yes_no(e.safe_to_operate));
    for (n, d) in e.defects.iter().enumerate() {
        let mut text = d.description.clone();
        if d.danger_now {
            text.push_str(" (a danger now)");
        }
        if !d.repair_needed.is_empty() {
            text.push_str(&format!("; repair: {}", d.repair_needed));
        }
        if let Some(by) = d.repair_by {
            text.push_str(&format!("; repair by {}", output::date(by)));
        }
        field(&format!("Defect {}", n + 1), &text);
    }
    field("Next due", &opt_date(r.details.next_due));
    field("Notes", &r.details.notes);
    field("Id", &r.id.to_string());
}
