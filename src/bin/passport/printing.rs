//! Printing passports from the command line: one child to a file, or a whole setting to a
//! folder with a progress bar; the register of printed copies; the sign-off profile.

use crate::cli::{LabelsArgs, PrintArgs, ProfileCommand};
use crate::output::{self, date, field, outln, table};
use anyhow::{Context, Result, bail};
use equipment_passport::Api;
use equipment_passport::api::{BatchProgress, BatchReport, LabelScope, PrintRequest};
use equipment_passport::model::{ChildId, SettingId};
use equipment_passport::passport::{Audience, Format, Language, file_name};
use indicatif::{ProgressBar, ProgressStyle};
use serde::Serialize;
use std::path::Path;
use std::sync::atomic::AtomicBool;

pub fn print(api: &mut Api, args: PrintArgs, json: bool) -> Result<()> {
    let request = PrintRequest {
        audience: args
            .audience
            .parse::<Audience>()
            .map_err(|e| anyhow::anyhow!("--audience: {e}"))?,
        format: args
            .format
            .parse::<Format>()
            .map_err(|e| anyhow::anyhow!("--format: {e}"))?,
        large_print: args.large_print,
    };
    let language = language_of(&args)?;
    match (args.child.clone(), args.setting.clone()) {
        (Some(child), _) => print_child(api, child.parse()?, request, language, &args, json),
        (None, Some(setting)) => {
            print_setting(api, setting.parse()?, request, language, &args, json)
        }
        (None, None) => bail!("say who to print: --child ID or --setting ID"),
    }
}

/// `--language`, checked before anything is printed.
fn language_of(args: &PrintArgs) -> Result<Option<Language>> {
    args.language
        .as_deref()
        .map(str::parse::<Language>)
        .transpose()
        .map_err(|e| anyhow::anyhow!("--language: {e}"))
}

/// `passport labels`: the label sheet for a child's or a school's equipment.
pub fn labels(api: &Api, args: LabelsArgs, json: bool) -> Result<()> {
    let scope = match (args.child, args.setting) {
        (Some(child), _) => LabelScope::Child(child.parse()?),
        (None, Some(setting)) => LabelScope::Setting(setting.parse()?),
        (None, None) => bail!("say whose equipment to label: --child ID or --setting ID"),
    };
    let sheet = api.equipment_labels(scope)?;
    // A folder gets the sheet under its usual name.
    let out = if args.out.is_dir() {
        args.out.join(&sheet.file_name)
    } else {
        args.out
    };
    std::fs::write(&out, &sheet.pdf)
        .with_context(|| format!("could not write {}", out.display()))?;
    if json {
        return output::json(&serde_json::json!({ "path": out, "labels": sheet.labels }));
    }
    outln!(
        "Wrote {} {} to {}.",
        sheet.labels,
        if sheet.labels == 1 { "label" } else { "labels" },
        out.display()
    );
    Ok(())
}

fn print_child(
    api: &mut Api,
    child: ChildId,
    request: PrintRequest,
    language: Option<Language>,
    args: &PrintArgs,
    json: bool,
) -> Result<()> {
    // A folder gets the file under the name the app and a whole-setting print give it.
    let out = if args.out.is_dir() {
        let details = api.child(child)?.child.details;
        args.out.join(file_name::passport(
            &details,
            request.audience,
            request.format,
            request.large_print,
        ))
    } else {
        args.out.clone()
    };
    let printed = match &args.template {
        Some(path) => {
            let template = api.template_from_file(path)?;
            api.render_passport_with_in(child, request, &template, language)?
        }
        None => api.render_passport_in(child, request, language)?,
    };
    std::fs::write(&out, &printed.pdf)
        .with_context(|| format!("could not write {}", out.display()))?;
    if json {
        return output::json(&printed.copy);
    }
    outln!(
        "Wrote {} ({} pages, {} copy, version {}).",
        out.display(),
        printed.pages,
        request.audience.code(),
        printed.copy.version
    );
    if !printed.unprintable.is_empty() {
        let chars: String = printed.unprintable.iter().collect();
        eprintln!(
            "Note: no font could print {chars:?}; they show as \u{FFFD}. Check the spelling in the record."
        );
    }
    Ok(())
}

fn print_setting(
    api: &mut Api,
    setting: SettingId,
    request: PrintRequest,
    language: Option<Language>,
    args: &PrintArgs,
    json: bool,
) -> Result<()> {
    if args.template.is_some() {
        bail!(
            "--template is for one child; for a setting, put the template in the data folder's templates/ folder"
        );
    }
    let name = api.setting(setting)?.details.name;
    let bar = ProgressBar::new(0);
    bar.set_style(
        ProgressStyle::with_template("{msg} [{bar:30}] {pos}/{len}")
            .expect("the progress template is valid")
            .progress_chars("=> "),
    );
    bar.set_message(format!("Printing {name}"));
    let progress = |p: BatchProgress| {
        bar.set_length(p.total as u64);
        bar.set_position(p.done as u64);
    };
    let started = std::time::Instant::now();
    let report = api.print_setting_in(
        setting,
        request,
        language,
        &args.out,
        &progress,
        &AtomicBool::new(false),
    )?;
    bar.finish_and_clear();
    if json {
        output::json(&SettingPrinted::of(&report, &args.out))?;
    } else {
        outln!(
            "Printed {} of {} passports for {name} into {} in {:.1} s.",
            report.printed.len(),
            report.total,
            args.out.display(),
            started.elapsed().as_secs_f64()
        );
        for failure in &report.failed {
            outln!(
                "  Not printed: child {}: {}",
                failure.child_id,
                failure.reason
            );
        }
    }
    if !report.failed.is_empty() {
        bail!(
            "{} of {} passports could not be printed (listed above)",
            report.failed.len(),
            report.total
        );
    }
    Ok(())
}

/// What `print --setting --json` reports. Output can end up in logs and emails, so it names
/// children by record id only: not their names, nor the paths of the files printed, which are
/// named after them (the api's report carries both for the desktop's own window).
#[derive(Serialize)]
struct SettingPrinted<'a> {
    folder: &'a Path,
    printed: usize,
    total: usize,
    cancelled: bool,
    failed: Vec<NotPrinted<'a>>,
}

#[derive(Serialize)]
struct NotPrinted<'a> {
    child_id: ChildId,
    reason: &'a str,
}

impl<'a> SettingPrinted<'a> {
    fn of(report: &'a BatchReport, folder: &'a Path) -> Self {
        SettingPrinted {
            folder,
            printed: report.printed.len(),
            total: report.total,
            cancelled: report.cancelled,
            failed: report
                .failed
                .iter()
                .map(|f| NotPrinted {
                    child_id: f.child_id,
                    reason: &f.reason,
                })
                .collect(),
        }
    }
}

pub fn issued(api: &Api, child: ChildId, json: bool) -> Result<()> {
    let copies = api.issued_copies(child)?;
    if json {
        return output::json(&copies);
    }
    if copies.is_empty() {
        outln!("No copies of this passport have been printed yet.");
        return Ok(());
    }
    let rows: Vec<Vec<String>> = copies
        .iter()
        .map(|c| {
            vec![
                date(c.copy.printed_on),
                c.copy.audience.clone(),
                c.copy.format.clone(),
                c.copy.version.to_string(),
                if c.out_of_date {
                    "OUT OF DATE: reprint".into()
                } else {
                    "current".into()
                },
            ]
        })
        .collect();
    table(&["Printed", "Copy", "Format", "Version", "Status"], &rows);
    Ok(())
}

pub fn profile(api: &mut Api, cmd: ProfileCommand, json: bool) -> Result<()> {
    let mut prefs = api.preferences()?;
    if let ProfileCommand::Set {
        name,
        profession,
        hcpc,
        organisation,
    } = cmd
    {
        if let Some(v) = name {
            prefs.therapist.name = v;
        }
        if let Some(v) = profession {
            prefs.therapist.profession = v;
        }
        if let Some(v) = hcpc {
            prefs.therapist.hcpc_number = v;
        }
        if let Some(v) = organisation {
            prefs.organisation = v;
        }
        prefs = api.set_preferences(prefs)?;
    }
    if json {
        return output::json(&prefs);
    }
    field("Therapist", &prefs.therapist.name);
    field("Profession", &prefs.therapist.profession);
    field("HCPC number", &prefs.therapist.hcpc_number);
    field("Organisation", &prefs.organisation);
    Ok(())
}
