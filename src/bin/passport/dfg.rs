//! `passport dfg`: Disabled Facilities Grant cases from the command line. Opening a case,
//! recording its stages, holds and notes, the case list with its statutory clocks, one case
//! in full, the CSV for the council's return and the one-page case summary PDF.

use crate::output::{self, date, field, outln, table};
use anyhow::{Context, Result, anyhow, bail};
use chrono::NaiveDate;
use clap::{Args, Subcommand};
use equipment_passport::api::{DfgCaseFilter, DfgCaseRecord};
use equipment_passport::model::dfg::money::{parse_pounds, pounds};
use equipment_passport::model::dfg::*;
use equipment_passport::model::{ChildId, DfgCaseId};
use equipment_passport::{Api, Error, FieldError};
use std::path::PathBuf;

/// The stage names `passport dfg stage` takes, as its help and its errors list them.
const STAGE_NAMES: &str = "referral, assessment, recommendation, works-agreed, quote, application, decision-approved, decision-refused, works-started, works-completed, sign-off, paid, closed";

#[derive(Subcommand)]
pub enum DfgCommand {
    /// Open a case for a child; prints the case id. The property is the child's home unless
    /// --address or --postcode says otherwise.
    Open(OpenArgs),
    /// Record the next stage of a case.
    #[command(after_help = STAGE_HELP)]
    Stage(StageArgs),
    /// The team's cases with their stage, days in it and next statutory deadline.
    List {
        /// Only cases with a statutory clock past its due date.
        #[arg(long)]
        overdue: bool,
        /// Include withdrawn and closed cases.
        #[arg(long)]
        all: bool,
        /// Only this child's cases (their id).
        #[arg(long)]
        child: Option<String>,
    },
    /// One case in full: stages, adaptations, quotes, funding, the maximum grant, land charge
    /// and the statutory clocks with their due dates.
    Show { id: String },
    /// Every case as CSV, one row per case with every stage date and amount (for the
    /// council's annual return).
    Export {
        /// The CSV file to write.
        #[arg(long, value_name = "FILE")]
        csv: PathBuf,
    },
    /// Add a note to a case (notes are never edited or removed).
    Note {
        case: String,
        text: String,
        /// Who wrote it (default: the profile's therapist).
        #[arg(long)]
        by: Option<String>,
    },
    /// Put a case on hold, with the reason. Its statutory clocks keep running.
    Hold(StatusArgs),
    /// Take a case off hold.
    Resume(StatusArgs),
    /// Withdraw a case, with the reason: it takes no further stages and its clocks stop.
    Withdraw(StatusArgs),
    /// Write the one-page case summary for the family and the council (PDF).
    Summary {
        case: String,
        /// The PDF file to write.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
}

const STAGE_HELP: &str = "Stages, in order: referral, assessment, recommendation (with --adaptation), works-agreed, quote (with --contractor and --amount; there may be several), application, decision-approved (with --amount) or decision-refused, works-started, works-completed, sign-off, paid, closed.\n\nExamples:\n  passport dfg stage CASE recommendation --date 2026-03-02 --adaptation \"level-access-shower:8500:Wet room downstairs\"\n  passport dfg stage CASE quote --date 2026-04-10 --contractor \"Midland Adaptations Ltd\" --amount 8950 --chosen\n  passport dfg stage CASE decision-approved --date 2026-07-01 --amount 34000 --discretionary 4000";

#[derive(Args)]
pub struct OpenArgs {
    /// The child's id.
    #[arg(long)]
    pub child: String,
    /// owner-occupier, private-tenant, council-tenant or housing-association.
    #[arg(long)]
    pub tenure: String,
    /// england, wales, scotland or northern-ireland.
    #[arg(long)]
    pub jurisdiction: String,
    /// The home to be adapted (default: the child's home address).
    #[arg(long)]
    pub address: Option<String>,
    #[arg(long)]
    pub postcode: Option<String>,
    /// The council deciding the grant.
    #[arg(long)]
    pub council: Option<String>,
    /// The home improvement agency helping the family.
    #[arg(long)]
    pub agency: Option<String>,
    /// Who applies for the grant, usually a parent.
    #[arg(long)]
    pub applicant: Option<String>,
}

#[derive(Args)]
pub struct StageArgs {
    /// The case's id.
    pub case: String,
    /// One of: referral, assessment, recommendation, works-agreed, quote, application,
    /// decision-approved, decision-refused, works-started, works-completed, sign-off, paid,
    /// closed.
    pub stage: String,
    /// When it happened, YYYY-MM-DD (not in the future).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: String,
    /// In pounds: a quote, the amount applied for, the amount approved or the amount paid.
    #[arg(long, value_name = "POUNDS")]
    pub amount: Option<String>,
    /// A quote's contractor.
    #[arg(long)]
    pub contractor: Option<String>,
    /// This quote is the one going ahead.
    #[arg(long)]
    pub chosen: bool,
    /// An adaptation the OT recommends, as KIND[:POUNDS[:DESCRIPTION]]; repeat for each.
    /// Kinds: level-access-shower, stairlift, through-floor-lift, ceiling-track-hoist, ramp,
    /// door-widening, extension, other.
    #[arg(long, value_name = "KIND[:POUNDS[:DESCRIPTION]]")]
    pub adaptation: Vec<String>,
    /// On an approval: the mandatory grant (default: the amount less the other parts).
    #[arg(long, value_name = "POUNDS")]
    pub mandatory: Option<String>,
    /// On an approval: the council's discretionary top-up.
    #[arg(long, value_name = "POUNDS")]
    pub discretionary: Option<String>,
    /// On an approval: the family's contribution.
    #[arg(long, value_name = "POUNDS")]
    pub family: Option<String>,
    /// On an approval: other funding, such as a charity (say who with --other-source).
    #[arg(long, value_name = "POUNDS")]
    pub other: Option<String>,
    /// Who gives the other funding, e.g. "Family Fund".
    #[arg(long)]
    pub other_source: Option<String>,
    /// Anything else, such as the reason for a refusal.
    #[arg(long)]
    pub notes: Option<String>,
    /// Who recorded it (default: the profile's therapist).
    #[arg(long)]
    pub by: Option<String>,
}

#[derive(Args)]
pub struct StatusArgs {
    /// The case's id.
    pub case: String,
    /// Why (needed to hold or withdraw).
    #[arg(long, default_value = "")]
    pub reason: String,
    /// When, YYYY-MM-DD (default: today).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<String>,
    /// Who recorded it (default: the profile's therapist).
    #[arg(long)]
    pub by: Option<String>,
}

pub fn run(api: &mut Api, cmd: DfgCommand, json: bool) -> Result<()> {
    let result = match cmd {
        DfgCommand::Open(args) => open(api, args, json),
        DfgCommand::Stage(args) => stage(api, args, json),
        DfgCommand::List {
            overdue,
            all,
            child,
        } => list(api, overdue, all, child, json),
        DfgCommand::Show { id } => show(api, case_id(&id)?, json),
        DfgCommand::Export { csv } => export(api, csv, json),
        DfgCommand::Note { case, text, by } => {
            let author = by.unwrap_or(recorder(api)?);
            let note = api.add_dfg_note(case_id(&case)?, &author, &text)?;
            if json {
                return output::json(&note);
            }
            outln!("Added the note to the case.");
            Ok(())
        }
        DfgCommand::Hold(args) => status(api, Stage::OnHold, args, json),
        DfgCommand::Resume(args) => status(api, Stage::Resumed, args, json),
        DfgCommand::Withdraw(args) => status(api, Stage::Withdrawn, args, json),
        DfgCommand::Summary { case, out } => summary(api, case_id(&case)?, out, json),
    };
    result.map_err(named_options)
}

/// Renames the core's fields to the options a person typed, so an error says `--amount:`
/// rather than `amount_pence:`.
fn named_options(error: anyhow::Error) -> anyhow::Error {
    let error = match error.downcast::<Error>() {
        Ok(Error::Invalid(fields)) => fields,
        Ok(other) => return other.into(),
        Err(other) => return other,
    };
    let renamed = error
        .into_iter()
        .map(|f| {
            let option = match f.field.as_str() {
                "amount_pence" => "--amount",
                "stage" => "STAGE",
                "date" => "--date",
                "reason" => "--reason",
                "notes" => "--notes",
                "recorded_by" | "author" => "--by",
                "contractor" => "--contractor",
                "adaptations" => "--adaptation",
                "funding" => "funding",
                "funding.mandatory_pence" => "--mandatory",
                "funding.discretionary_pence" => "--discretionary",
                "funding.family_pence" => "--family",
                "funding.other_pence" => "--other",
                "funding.other_source" => "--other-source",
                "property_address" => "--address",
                "postcode" => "--postcode",
                "jurisdiction" => "--jurisdiction",
                "council" => "--council",
                "agency" => "--agency",
                "applicant" => "--applicant",
                "text" => "TEXT",
                other if other.starts_with("adaptations[") => "--adaptation",
                other => other,
            };
            FieldError::new(option, f.message)
        })
        .collect();
    Error::Invalid(renamed).into()
}

fn case_id(text: &str) -> Result<DfgCaseId> {
    text.parse::<DfgCaseId>().map_err(|_| {
        anyhow!(
            "'{}' is not a DFG case id: `passport dfg list` shows them",
            text.trim()
        )
    })
}

/// Who recorded a stage: the therapist in the profile, or "OT" until a profile is set.
fn recorder(api: &Api) -> Result<String> {
    let name = api.preferences()?.therapist.name;
    Ok(if name.trim().is_empty() {
        "OT".to_string()
    } else {
        name
    })
}

fn parse_date(option: &str, text: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").with_context(|| {
        format!("{option}: '{text}' is not a date: write it as YYYY-MM-DD, e.g. 2026-03-14")
    })
}

fn money(option: &str, text: Option<&str>) -> Result<Option<i64>> {
    text.map(|t| parse_pounds(t).map_err(|e| anyhow!("{option}: {e}")))
        .transpose()
}

fn open(api: &mut Api, args: OpenArgs, json: bool) -> Result<()> {
    let child: ChildId = args.child.parse()?;
    let tenure: Tenure = args.tenure.parse().map_err(|e| anyhow!("--tenure: {e}"))?;
    let jurisdiction: Jurisdiction = args
        .jurisdiction
        .parse()
        .map_err(|e| anyhow!("--jurisdiction: {e}"))?;
    let mut details = DfgCaseDetails::new(tenure, jurisdiction);
    details.property_address = args.address.unwrap_or_default();
    details.postcode = args.postcode.unwrap_or_default();
    details.council = args.council.unwrap_or_default();
    details.agency = args.agency.unwrap_or_default();
    details.applicant = args.applicant.unwrap_or_default();
    let record = api.open_dfg_case(child, details)?;
    if json {
        return output::json(&record);
    }
    outln!("{}", record.case.id);
    Ok(())
}

/// Reads `KIND[:POUNDS[:DESCRIPTION]]`.
fn adaptation(text: &str) -> Result<Adaptation> {
    let mut parts = text.splitn(3, ':');
    let kind: AdaptationKind = parts
        .next()
        .unwrap_or_default()
        .parse()
        .map_err(|e| anyhow!("--adaptation: {e}"))?;
    let estimated_cost_pence = match parts.next().map(str::trim) {
        None | Some("") => None,
        Some(cost) => money("--adaptation", Some(cost))?,
    };
    Ok(Adaptation {
        kind,
        description: parts.next().unwrap_or_default().trim().to_string(),
        estimated_cost_pence,
    })
}

fn stage(api: &mut Api, args: StageArgs, json: bool) -> Result<()> {
    let id = case_id(&args.case)?;
    let stage = match args.stage.parse::<Stage>() {
        Ok(s) if s.is_milestone() => s,
        Ok(s) => bail!(
            "STAGE: {} is not a stage along the case: use `passport dfg {}` instead",
            s.label().to_lowercase(),
            match s {
                Stage::OnHold => "hold",
                Stage::Resumed => "resume",
                _ => "withdraw",
            }
        ),
        Err(_) => bail!(
            "STAGE: '{}' is not a DFG stage: use one of {STAGE_NAMES}",
            args.stage.trim()
        ),
    };
    let mut entry = StageEntry::new(
        stage,
        parse_date("--date", &args.date)?,
        &args.by.clone().map_or_else(|| recorder(api), Ok)?,
    );
    entry.amount_pence = money("--amount", args.amount.as_deref())?;
    entry.contractor = args.contractor.unwrap_or_default();
    entry.chosen = args.chosen;
    entry.notes = args.notes.unwrap_or_default();
    entry.adaptations = args
        .adaptation
        .iter()
        .map(|a| adaptation(a))
        .collect::<Result<_>>()?;
    let discretionary = money("--discretionary", args.discretionary.as_deref())?;
    let family = money("--family", args.family.as_deref())?;
    let other = money("--other", args.other.as_deref())?;
    let mandatory = money("--mandatory", args.mandatory.as_deref())?;
    if mandatory.is_some() || discretionary.is_some() || family.is_some() || other.is_some() {
        let (discretionary, family, other) = (
            discretionary.unwrap_or(0),
            family.unwrap_or(0),
            other.unwrap_or(0),
        );
        let mandatory = mandatory
            .unwrap_or_else(|| entry.amount_pence.unwrap_or(0) - discretionary - family - other);
        entry.funding = Some(FundingSplit {
            mandatory_pence: mandatory,
            discretionary_pence: discretionary,
            family_pence: family,
            other_pence: other,
            other_source: args.other_source.unwrap_or_default(),
        });
    }
    let record = api.record_dfg_stage(id, entry)?;
    if json {
        return output::json(&record);
    }
    outln!(
        "Recorded: {} on {}. {}",
        stage.label(),
        date(parse_date("--date", &args.date)?),
        next_step(&record)
    );
    for clock in record.progress.clocks.iter().filter(|c| c.is_running()) {
        outln!(
            "  {}: {} ({})",
            clock.kind.label(),
            date(clock.due_date),
            clock.state()
        );
    }
    Ok(())
}

fn next_step(record: &DfgCaseRecord) -> String {
    let next: Vec<&str> = record
        .progress
        .next_stages
        .iter()
        .filter(|s| s.is_milestone())
        .map(|s| s.code())
        .collect();
    if next.is_empty() {
        format!("The case is {}.", record.progress.describe().to_lowercase())
    } else {
        format!("Next: {}.", next.join(" or "))
    }
}

fn status(api: &mut Api, stage: Stage, args: StatusArgs, json: bool) -> Result<()> {
    let id = case_id(&args.case)?;
    let when = match &args.date {
        Some(d) => parse_date("--date", d)?,
        None => api.today(),
    };
    let change = StatusChange {
        date: when,
        reason: args.reason,
        recorded_by: args.by.map_or_else(|| recorder(api), Ok)?,
    };
    let record = match stage {
        Stage::OnHold => api.hold_dfg_case(id, change)?,
        Stage::Resumed => api.resume_dfg_case(id, change)?,
        _ => api.withdraw_dfg_case(id, change)?,
    };
    if json {
        return output::json(&record);
    }
    outln!(
        "{} on {}: the case is now {}.",
        stage.label(),
        date(when),
        record.progress.describe().to_lowercase()
    );
    if stage == Stage::OnHold && record.progress.clocks.iter().any(|c| c.is_running()) {
        outln!("The statutory clocks keep running while a case is on hold.");
    }
    Ok(())
}

/// The next running deadline of a case: "Decision due 3 Sep 2026 (OVERDUE by 4 days)", and
/// how many more are overdue.
fn next_deadline(clocks: &[StatutoryClock]) -> String {
    let Some(next) = clocks
        .iter()
        .filter(|c| c.is_running())
        .min_by_key(|c| c.due_date)
    else {
        return "-".into();
    };
    let mut text = format!(
        "{} {}",
        next.kind.label(),
        next.due_date.format("%-d %b %Y")
    );
    if next.overdue {
        text.push_str(&format!(" (OVERDUE by {} days)", -next.days_left));
    }
    let more = clocks.iter().filter(|c| c.overdue).count() - usize::from(next.overdue);
    if more > 0 {
        text.push_str(&format!(", {more} more overdue"));
    }
    text
}

fn list(api: &Api, overdue: bool, all: bool, child: Option<String>, json: bool) -> Result<()> {
    let filter = DfgCaseFilter {
        child: child.as_deref().map(str::parse).transpose()?,
        include_finished: all,
        overdue_only: overdue,
    };
    let cases = api.dfg_cases(filter)?;
    if json {
        return output::json(&cases);
    }
    if cases.is_empty() {
        outln!(
            "{}",
            if overdue {
                "No DFG case has a statutory deadline overdue."
            } else {
                "No DFG cases yet: open one with `passport dfg open --child ID --tenure TENURE --jurisdiction NATION`."
            }
        );
        return Ok(());
    }
    let rows: Vec<Vec<String>> = cases
        .iter()
        .map(|c| {
            vec![
                c.id.to_string(),
                c.child_name.clone(),
                c.progress.describe(),
                c.progress.days_in_stage.to_string(),
                c.jurisdiction.label().into(),
                next_deadline(&c.progress.clocks),
            ]
        })
        .collect();
    table(
        &["ID", "Child", "Stage", "Days", "Nation", "Next deadline"],
        &rows,
    );
    let late = cases.iter().filter(|c| c.progress.overdue).count();
    if late > 0 {
        outln!(
            "{late} of {} cases have a statutory deadline overdue.",
            cases.len()
        );
    }
    Ok(())
}

fn amount(pence: Option<i64>) -> String {
    pence.map(pounds).unwrap_or_default()
}

fn show(api: &Api, id: DfgCaseId, json: bool) -> Result<()> {
    let r = api.dfg_case(id)?;
    if json {
        return output::json(&r);
    }
    let c = &r.case;
    let d = &c.details;
    let f = &r.figures;
    outln!("DFG case for {}", r.child_name);
    field("Id", &c.id.to_string());
    field("Status", &r.progress.describe());
    field(
        "In this stage",
        &format!(
            "{} days (since {})",
            r.progress.days_in_stage,
            date(r.progress.since)
        ),
    );
    field(
        "Property",
        &[d.property_address.as_str(), d.postcode.as_str()]
            .iter()
            .filter(|s| !s.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join(", "),
    );
    field("Tenure", d.tenure.label());
    field(
        "Nation",
        &format!("{} ({})", d.jurisdiction.label(), f.scheme.label()),
    );
    field("Council", &d.council);
    field("Home improvement agency", &d.agency);
    field("Applicant", &d.applicant);

    outln!("\nStages");
    if c.stages.is_empty() {
        outln!(
            "  none yet: record the referral with `passport dfg stage {} referral --date YYYY-MM-DD`",
            c.id
        );
    } else {
        let rows: Vec<Vec<String>> = c
            .stages
            .iter()
            .map(|s| {
                let e = &s.entry;
                let mut detail = Vec::new();
                if !e.contractor.is_empty() {
                    detail.push(format!(
                        "{}{}",
                        e.contractor,
                        if e.chosen { " (chosen)" } else { "" }
                    ));
                }
                if !e.notes.is_empty() {
                    detail.push(e.notes.clone());
                }
                vec![
                    date(e.date),
                    e.stage.label().into(),
                    amount(e.amount_pence),
                    detail.join("; "),
                    e.recorded_by.clone(),
                ]
            })
            .collect();
        table(&["Date", "Stage", "Amount", "Detail", "Recorded by"], &rows);
    }
    if !c.adaptations().is_empty() {
        outln!("\nAdaptations recommended");
        for a in c.adaptations() {
            outln!(
                "  {}{}{}",
                a.kind.label(),
                if a.description.is_empty() {
                    String::new()
                } else {
                    format!(": {}", a.description)
                },
                a.estimated_cost_pence
                    .map(|p| format!(" (estimate {})", pounds(p)))
                    .unwrap_or_default()
            );
        }
    }

    outln!("\nGrant figures");
    field(
        "Maximum grant",
        &f.max_grant_pence
            .map_or_else(|| "no upper limit".to_string(), pounds),
    );
    field("Estimated cost", &amount(f.estimated_cost_pence));
    field("Chosen quote", &amount(f.chosen_quote_pence));
    field("Applied for", &amount(f.applied_pence));
    field("Approved", &amount(f.approved_pence));
    if let Some(split) = &f.funding {
        field("  Mandatory grant", &pounds(split.mandatory_pence));
        if split.discretionary_pence > 0 {
            field("  Discretionary top-up", &pounds(split.discretionary_pence));
        }
        if split.family_pence > 0 {
            field("  Family contribution", &pounds(split.family_pence));
        }
        if split.other_pence > 0 {
            field(
                "  Other funding",
                &format!("{} ({})", pounds(split.other_pence), split.other_source),
            );
        }
    }
    field("Paid", &amount(f.paid_pence));
    field("Above the maximum", &amount(f.above_max_pence));
    field(
        "Land charge",
        &match f.land_charge_pence {
            Some(p) if f.grant_is_projected => format!("{} if approved as expected", pounds(p)),
            Some(p) => format!("{} for {} years", pounds(p), f.land_charge_years),
            None => "none".into(),
        },
    );
    outln!("  {}", f.land_charge_note);
    outln!("  {}", f.means_test_note);

    outln!("\nStatutory clocks");
    if r.progress.clocks.is_empty() {
        outln!(
            "  {}",
            if f.scheme == Scheme::SchemeOfAssistance {
                "none: the scheme of assistance has no DFG statutory deadlines"
            } else {
                "none yet: the decision clock starts with the full application"
            }
        );
    } else {
        let rows: Vec<Vec<String>> = r
            .progress
            .clocks
            .iter()
            .map(|k| {
                vec![
                    k.kind.label().into(),
                    format!("{} {}", k.started_by.label(), date(k.started_on)),
                    date(k.due_date),
                    if k.overdue {
                        k.state().replacen("Overdue", "OVERDUE", 1)
                    } else {
                        k.state()
                    },
                ]
            })
            .collect();
        table(&["Deadline", "Started by", "Due", "State"], &rows);
    }
    if !c.notes.is_empty() {
        outln!("\nNotes");
        for n in &c.notes {
            outln!(
                "  {} {}: {}",
                n.written_at.format("%-d %b %Y %H:%M"),
                n.author,
                n.text
            );
        }
    }
    outln!("\n{}", next_step(&r));
    Ok(())
}

fn export(api: &Api, path: PathBuf, json: bool) -> Result<()> {
    let csv = api.export_dfg_csv()?;
    std::fs::write(&path, &csv).with_context(|| format!("could not write {}", path.display()))?;
    let cases = api.dfg_case_count()?;
    if json {
        return output::json(&serde_json::json!({
            "file": path.display().to_string(),
            "cases": cases,
        }));
    }
    outln!(
        "Wrote {cases} {} to {}.",
        if cases == 1 { "case" } else { "cases" },
        path.display()
    );
    Ok(())
}

fn summary(api: &Api, id: DfgCaseId, out: PathBuf, json: bool) -> Result<()> {
    if out.is_dir() {
        bail!(
            "--out: {} is a folder: give the PDF file to write, e.g. dfg-summary.pdf",
            out.display()
        );
    }
    let pdf = api.dfg_summary_pdf(id)?;
    std::fs::write(&out, &pdf).with_context(|| format!("could not write {}", out.display()))?;
    if json {
        return output::json(&serde_json::json!({
            "file": out.display().to_string(),
            "bytes": pdf.len(),
        }));
    }
    outln!("Wrote the case summary to {}.", out.display());
    Ok(())
}
