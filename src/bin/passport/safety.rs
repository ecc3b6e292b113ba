//! `passport audit`, `passport backup` and `passport restore`: a child's or an item's history,
//! and copies of the whole caseload.

use crate::cli::AuditArgs;
use crate::output::{self, outln};
use anyhow::{Context, Result, bail};
use equipment_passport::api::{AuditAction, AuditEntry, RestoreReport};
use equipment_passport::clock::SystemClock;
use equipment_passport::model::{ChildId, ItemId};
use equipment_passport::{Api, Error};
use std::io::IsTerminal;
use std::path::Path;
use std::sync::Arc;

/// The passphrase of a backup made under an earlier passphrase (scripts; at a terminal the
/// CLI asks for it when the caseload's own does not open the backup).
pub const BACKUP_ENV: &str = "PASSPORT_BACKUP_PASSPHRASE";

/// `passport audit --child ID` or `--item ID`: every change to the child and their records,
/// or to one piece of equipment and its steps, photos and service records, oldest first.
pub fn audit(api: &Api, args: AuditArgs, json: bool) -> Result<()> {
    let (history, whose) = match (args.child, args.item) {
        (Some(child), _) => {
            let child: ChildId = child.parse()?;
            (api.child_history(child)?, format!("child {child}"))
        }
        (None, Some(item)) => {
            let item: ItemId = item.parse()?;
            (api.item_history(item)?, format!("equipment item {item}"))
        }
        (None, None) => bail!("say whose history: --child ID or --item ID"),
    };
    if json {
        return output::json(&history);
    }
    if history.is_empty() {
        outln!("Nothing has been recorded for {whose}.");
        return Ok(());
    }
    for entry in &history {
        print_entry(entry);
    }
    Ok(())
}

fn print_entry(entry: &AuditEntry) {
    let who = if entry.who.is_empty() {
        "(no therapist profile set)"
    } else {
        &entry.who
    };
    outln!(
        "{}  {who}  {} {} \"{}\"",
        entry.at.format("%-d %b %Y %H:%M:%S UTC"),
        entry.action.past_tense(),
        entry.record.kind.label().to_lowercase(),
        entry.summary
    );
    let empty = || "(empty)".to_string();
    for change in &entry.changes {
        let text = match entry.action {
            AuditAction::Create => change.new.clone().unwrap_or_else(empty),
            AuditAction::Delete => format!("was {}", change.old.clone().unwrap_or_else(empty)),
            AuditAction::Update => format!(
                "{} → {}",
                change.old.clone().unwrap_or_else(empty),
                change.new.clone().unwrap_or_else(empty)
            ),
        };
        outln!("    {}: {}", change.label, text.replace('\n', " "));
    }
}

/// `passport backup FILE`.
pub fn backup(api: &Api, file: &Path, json: bool) -> Result<()> {
    let report = api.backup_to(file)?;
    if json {
        return output::json(&report);
    }
    outln!(
        "Backed up {} children to {} ({:.1} MB{}).",
        report.children,
        report.path.display(),
        report.bytes as f64 / 1_048_576.0,
        if report.encrypted {
            ", encrypted with the caseload's passphrase"
        } else {
            ", not encrypted"
        }
    );
    Ok(())
}

fn backup_passphrase_from_env() -> Option<String> {
    std::env::var(BACKUP_ENV).ok().filter(|p| !p.is_empty())
}

fn is_wrong_passphrase(e: &Error) -> bool {
    e.fields().first().is_some_and(|f| f.field == "passphrase")
}

/// `passport restore FILE` into the caseload already open: the backup opens with the
/// caseload's passphrase, or with PASSPORT_BACKUP_PASSPHRASE, or (at a terminal) with the one
/// the user is then asked for.
pub fn restore(api: &mut Api, file: &Path, json: bool) -> Result<()> {
    let given = backup_passphrase_from_env();
    let report = match api.restore_from(file, given.as_deref()) {
        Err(e) if is_wrong_passphrase(&e) && given.is_none() && std::io::stdin().is_terminal() => {
            eprintln!("The backup does not open with this caseload's passphrase.");
            let phrase = rpassword::prompt_password("Passphrase the backup was made with: ")
                .context("could not read the passphrase")?;
            api.restore_from(file, Some(&phrase))?
        }
        other => other?,
    };
    print_restored(file, &report, json)
}

/// `passport restore FILE` where there is no caseload yet (a new computer): the backup, once
/// proved, becomes the caseload, with the passphrase it was made with.
pub fn restore_new(data_dir: &Path, file: &Path, json: bool) -> Result<()> {
    let phrase = match backup_passphrase_from_env() {
        Some(p) => p,
        None => crate::passphrase::existing()?,
    };
    let (_api, report) = Api::restore(data_dir, file, &phrase, Arc::new(SystemClock))?;
    print_restored(file, &report, json)
}

fn print_restored(file: &Path, report: &RestoreReport, json: bool) -> Result<()> {
    if json {
        return output::json(report);
    }
    outln!(
        "Restored {} children from {}.",
        report.children,
        file.display()
    );
    if let Some(kept) = &report.replaced_database {
        outln!(
            "The caseload it replaced is kept in {} (open it with `passport restore` if you need it back).",
            kept.display()
        );
    }
    Ok(())
}
