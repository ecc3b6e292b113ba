//! `passport import-csv FILE`: equipment from a team's spreadsheet saved as CSV.

use crate::output::outln;
use anyhow::{Context, Result, bail};
use clap::Args;
use equipment_passport::Api;
use equipment_passport::api::{CsvImportMode, CsvImportReport};
use equipment_passport::import_csv::MAX_BYTES;
use equipment_passport::user_file::{self, Limit};
use std::path::PathBuf;

#[derive(Args)]
pub struct ImportCsvArgs {
    /// The spreadsheet saved as CSV. Its columns are documented in the README; start from
    /// templates/equipment-import-sample.csv.
    pub file: PathBuf,
    /// Check every row and list every problem, writing nothing.
    #[arg(long, conflicts_with = "good_rows_only")]
    pub dry_run: bool,
    /// Import the rows without problems and list the others (by default one problem means
    /// nothing is imported).
    #[arg(long)]
    pub good_rows_only: bool,
}

/// Imports the file. Any problem makes the exit code non-zero, except with
/// `--good-rows-only`, where the good rows were wanted regardless.
pub fn run(api: &mut Api, args: ImportCsvArgs, json: bool) -> Result<()> {
    let size = std::fs::metadata(&args.file)
        .with_context(|| format!("could not read {}", args.file.display()))?
        .len();
    if size > MAX_BYTES as u64 {
        bail!(
            "{} is {:.1} MB; the import takes files up to {} MB: split it into smaller files",
            args.file.display(),
            size as f64 / 1_048_576.0,
            MAX_BYTES / 1_048_576
        );
    }
    let bytes = user_file::read(&args.file, Limit::EQUIPMENT_CSV)?;
    let mode = if args.dry_run {
        CsvImportMode::DryRun
    } else if args.good_rows_only {
        CsvImportMode::GoodRowsOnly
    } else {
        CsvImportMode::AllOrNothing
    };
    let report = api.import_equipment_csv(&bytes, mode)?;
    if json {
        crate::output::json(&report)?;
    } else {
        print(&report);
    }
    match mode {
        _ if report.errors.is_empty() => Ok(()),
        CsvImportMode::GoodRowsOnly => Ok(()),
        CsvImportMode::DryRun => bail!(
            "{} of {} rows have problems: correct them and run the dry run again",
            report.bad_rows,
            report.rows
        ),
        CsvImportMode::AllOrNothing => bail!(
            "nothing was imported: {} of {} rows have problems; correct them, or import with --good-rows-only",
            report.bad_rows,
            report.rows
        ),
    }
}

fn print(report: &CsvImportReport) {
    for e in &report.errors {
        outln!("line {}, {}: {}", e.line, e.column, e.message);
    }
    if !report.errors.is_empty() {
        outln!();
    }
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let rows = plural(report.rows, "row", "rows");
    match report.mode {
        CsvImportMode::DryRun => outln!(
            "Dry run: {rows} read, {} ready to import, {} with problems. Nothing was written.",
            report.good_rows,
            report.bad_rows
        ),
        _ if report.written => outln!(
            "Imported {} and {} from {rows}{}.",
            plural(report.items_created, "item", "items"),
            plural(
                report.service_records_created,
                "service record",
                "service records"
            ),
            if report.bad_rows > 0 {
                format!(
                    "; {} with problems were left out",
                    plural(report.bad_rows, "row", "rows")
                )
            } else {
                String::new()
            }
        ),
        _ => outln!("{rows} read; nothing was imported."),
    }
}
