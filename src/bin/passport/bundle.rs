//! `passport export` and `passport import`: children in an encrypted `.passport` bundle, for
//! handing a child over to another team or giving a family a copy of the record.

use crate::output::{self, outln, table};
use anyhow::{Result, bail};
use clap::{ArgGroup, Args, ValueEnum};
use equipment_passport::Api;
use equipment_passport::api::ExportScope;
use equipment_passport::bundle::{ChildOutcome, ExistingChild, ImportOptions, ImportReport};
use equipment_passport::user_file::{self, Limit};
use std::path::{Path, PathBuf};

/// The passphrase of a bundle when it is not the caseload's own (scripts; or --passphrase-file).
pub const BUNDLE_ENV: &str = "PASSPORT_BUNDLE_PASSPHRASE";

#[derive(Args)]
#[command(group(ArgGroup::new("which").required(true).args(["child", "all"])))]
pub struct ExportArgs {
    /// The child to export.
    #[arg(long)]
    child: Option<String>,
    /// Every child on the caseload.
    #[arg(long)]
    all: bool,
    /// The file to write (FILE.passport).
    #[arg(long)]
    out: PathBuf,
    /// A file whose first line is a passphrase chosen for the bundle (at least 10 characters);
    /// without it, the bundle is encrypted with the caseload's own passphrase (or
    /// PASSPORT_BUNDLE_PASSPHRASE when set).
    #[arg(long)]
    passphrase_file: Option<PathBuf>,
}

#[derive(Clone, Copy, ValueEnum)]
enum Existing {
    /// Keep the caseload's record of a child already on it.
    Skip,
    /// Replace the caseload's record with the bundle's.
    Replace,
    /// Add the bundle's record beside it as a new child (new ids).
    Copy,
}

#[derive(Args)]
pub struct ImportArgs {
    /// The bundle to import (FILE.passport).
    file: PathBuf,
    /// What to do with a child who is already on the caseload.
    #[arg(long, value_enum, default_value = "skip")]
    existing: Existing,
    /// Check everything and say what would be imported, writing nothing.
    #[arg(long)]
    dry_run: bool,
    /// A file whose first line is the bundle's passphrase; without it, the caseload's own
    /// passphrase (or PASSPORT_BUNDLE_PASSPHRASE when set) is tried.
    #[arg(long)]
    passphrase_file: Option<PathBuf>,
}

/// The bundle's passphrase, from --passphrase-file or the environment, if given.
fn chosen_passphrase(file: Option<&Path>) -> Result<Option<String>> {
    if let Some(file) = file {
        let bytes = user_file::read(file, Limit::PASSPHRASE_FILE)?;
        let text = String::from_utf8(bytes).map_err(|_| {
            anyhow::anyhow!(
                "the passphrase file {} is not text (UTF-8): save the passphrase as plain text",
                file.display()
            )
        })?;
        let line = text.lines().next().unwrap_or_default().to_string();
        if line.is_empty() {
            bail!("the passphrase file {} is empty", file.display());
        }
        return Ok(Some(line));
    }
    Ok(std::env::var(BUNDLE_ENV).ok().filter(|v| !v.is_empty()))
}

pub fn export(api: &Api, args: ExportArgs, json: bool) -> Result<()> {
    let scope = match &args.child {
        Some(id) => ExportScope::Child(id.parse()?),
        None => ExportScope::All,
    };
    let passphrase = chosen_passphrase(args.passphrase_file.as_deref())?;
    let report = api.export_bundle(scope, &args.out, passphrase.as_deref())?;
    if json {
        return output::json(&report);
    }
    outln!(
        "Exported {} child{} ({} equipment item{}, {} photo{}) to {} ({} KB, encrypted).",
        report.children,
        if report.children == 1 { "" } else { "ren" },
        report.items,
        if report.items == 1 { "" } else { "s" },
        report.photos,
        if report.photos == 1 { "" } else { "s" },
        report.path.display(),
        report.bytes.div_ceil(1024),
    );
    Ok(())
}

pub fn import(api: &mut Api, args: ImportArgs, json: bool) -> Result<()> {
    let passphrase = chosen_passphrase(args.passphrase_file.as_deref())?;
    let options = ImportOptions {
        existing: match args.existing {
            Existing::Skip => ExistingChild::Skip,
            Existing::Replace => ExistingChild::Replace,
            Existing::Copy => ExistingChild::Copy,
        },
        dry_run: args.dry_run,
        ..Default::default()
    };
    let report = api.import_bundle(&args.file, passphrase.as_deref(), &options)?;
    if json {
        return output::json(&report);
    }
    print_report(&report);
    Ok(())
}

fn print_report(report: &ImportReport) {
    let rows: Vec<Vec<String>> = report
        .children
        .iter()
        .map(|c| {
            vec![
                c.display_name.clone(),
                match c.outcome {
                    ChildOutcome::Imported => "imported",
                    ChildOutcome::Replaced => "replaced",
                    ChildOutcome::Copied => "imported as a copy",
                    ChildOutcome::Skipped => "skipped: already on the caseload",
                }
                .to_string(),
                c.id.to_string(),
            ]
        })
        .collect();
    table(&["Child", "Outcome", "Id"], &rows);
    let written = report.children.len() - report.count(ChildOutcome::Skipped);
    outln!(
        "{} {} child{}, {} contact{}, {} item{}, {} service record{}, {} photo{}, {} DFG case{}; {} skipped; {} new setting{} and {} new supplier{}.",
        if report.dry_run {
            "Dry run, nothing written: would import"
        } else {
            "Imported"
        },
        written,
        if written == 1 { "" } else { "ren" },
        report.contacts,
        if report.contacts == 1 { "" } else { "s" },
        report.items,
        if report.items == 1 { "" } else { "s" },
        report.service_records,
        if report.service_records == 1 { "" } else { "s" },
        report.photos,
        if report.photos == 1 { "" } else { "s" },
        report.dfg_cases,
        if report.dfg_cases == 1 { "" } else { "s" },
        report.count(ChildOutcome::Skipped),
        report.settings_added,
        if report.settings_added == 1 { "" } else { "s" },
        report.suppliers_added,
        if report.suppliers_added == 1 { "" } else { "s" },
    );
}
