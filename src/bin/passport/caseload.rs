//! Commands about children, settings, the demo caseload and the database.

use crate::cli::{ChildAddArgs, ChildCommand, ChildrenArgs, DbCommand, SettingCommand};
use crate::output::{self, date, field, outln, table};
use anyhow::{Context, Result, bail};
use chrono::NaiveDate;
use equipment_passport::model::*;
use equipment_passport::{Api, demo};

pub fn demo(api: &mut Api, json: bool) -> Result<()> {
    let summary = demo::load(api)?;
    if json {
        return output::json(&summary);
    }
    outln!(
        "Loaded the sample caseload: {} children at {} settings, {} pieces of equipment with {} photos, {} suppliers and {} service records ({} things overdue).",
        summary.children,
        summary.settings,
        summary.items,
        summary.photos,
        summary.suppliers,
        summary.service_records,
        summary.overdue
    );
    outln!("Try: passport children --search zoe    or    passport due");
    Ok(())
}

pub fn children(api: &Api, args: ChildrenArgs, json: bool) -> Result<()> {
    let setting = args
        .setting
        .as_deref()
        .map(str::parse::<SettingId>)
        .transpose()?;
    let found = api.search_children(args.search.as_deref().unwrap_or(""), setting, args.limit)?;
    if json {
        return output::json(&found);
    }
    if found.children.is_empty() {
        match &args.search {
            Some(text) => outln!("No child matches '{text}'."),
            None => outln!(
                "The caseload is empty. Add a child with `passport child add`, or load the sample caseload with `passport demo`."
            ),
        }
        return Ok(());
    }
    let rows: Vec<Vec<String>> = found
        .children
        .iter()
        .map(|c| {
            let due: Vec<String> = c
                .due
                .iter()
                .map(|b| {
                    format!(
                        "{}{}",
                        b.kind.code(),
                        if b.overdue { " OVERDUE" } else { "" }
                    )
                })
                .collect();
            vec![
                c.id.to_string(),
                c.display_name.clone(),
                date(c.date_of_birth),
                c.nhs_number.clone(),
                c.setting_name.clone(),
                due.join(", "),
            ]
        })
        .collect();
    table(
        &[
            "ID",
            "Name",
            "Born",
            "NHS number",
            "Setting",
            "Due in 30 days",
        ],
        &rows,
    );
    if found.more {
        outln!(
            "(showing the first {}: search to narrow the list)",
            args.limit
        );
    }
    Ok(())
}

pub fn child(api: &mut Api, cmd: ChildCommand, json: bool) -> Result<()> {
    match cmd {
        ChildCommand::Show { id } => show_child(api, id.parse()?, json),
        ChildCommand::Add(args) => add_child(api, args, json),
    }
}

fn add_child(api: &mut Api, args: ChildAddArgs, json: bool) -> Result<()> {
    let dob = NaiveDate::parse_from_str(args.dob.trim(), "%Y-%m-%d").with_context(|| {
        format!(
            "--dob: '{}' is not a date: write it as YYYY-MM-DD, e.g. 2017-03-14",
            args.dob
        )
    })?;
    let mut details = ChildDetails::new(&args.given, &args.family, dob);
    details.nhs_number = args.nhs.unwrap_or_default();
    details.preferred_name = args.preferred.unwrap_or_default();
    details.class_name = args.class.unwrap_or_default();
    details.language = args
        .language
        .as_deref()
        .map(str::parse)
        .transpose()
        .map_err(|e: String| anyhow::anyhow!("--language: {e}"))?;
    details.setting_id = args.setting.as_deref().map(str::parse).transpose()?;
    let child = api.create_child(details)?;
    if json {
        return output::json(&child);
    }
    outln!("{}", child.id);
    Ok(())
}

fn show_child(api: &Api, id: ChildId, json: bool) -> Result<()> {
    let record = api.child(id)?;
    if json {
        return output::json(&record);
    }
    let c = &record.child.details;
    outln!("{}", c.display_name());
    field("Id", &record.child.id.to_string());
    field("Date of birth", &date(c.date_of_birth));
    field("NHS number", &nhs_number::display(&c.nhs_number));
    if let Some(s) = &record.setting {
        field("Setting", &s.details.name);
    }
    field("Class", &c.class_name);
    field(
        "Passport language",
        c.language.map(|l| l.label()).unwrap_or("English (not set)"),
    );
    field(
        "Balanced System tier",
        c.tier.map(|t| t.label()).unwrap_or(""),
    );
    field("EHCP", if c.ehcp.has_plan { "Yes" } else { "No" });
    field("Section G", &c.ehcp.section_g);
    if let Some(consent) = &c.consent {
        field(
            "Consent to share",
            &format!("{}, {}", consent.given_by, date(consent.given_on)),
        );
    }
    field("How I communicate", &c.about_me.communication);
    field("What helps me", &c.about_me.what_helps);
    field("Medical alerts", &c.about_me.medical_alerts);
    if !c.key_statements.is_empty() {
        outln!("\nRead this first");
        for (colour, statements) in c.key_statements.by_colour() {
            for statement in statements {
                field(colour.label(), statement);
            }
        }
    }
    if !record.contacts.is_empty() {
        outln!("\nContacts");
        for contact in &record.contacts {
            let d = &contact.details;
            let phones: Vec<String> = d
                .phones
                .iter()
                .map(|p| format!("{} {}", p.label, p.number))
                .collect();
            outln!(
                "  {} ({}{}) {}",
                d.name,
                d.role.label(),
                if d.relationship.is_empty() {
                    String::new()
                } else {
                    format!(", {}", d.relationship)
                },
                phones.join("; ")
            );
        }
    }
    outln!("\nEquipment ({})", record.items.len());
    if record.items.is_empty() {
        outln!(
            "  none recorded yet: add some with `passport item add --child {}`",
            record.child.id
        );
    }
    let rows: Vec<Vec<String>> = record
        .items
        .iter()
        .map(|i| {
            let review = api
                .schedules_of_item(i.id)?
                .into_iter()
                .filter(|s| s.kind == equipment_passport::model::ScheduleKind::Review)
                .map(|s| s.next_due)
                .min();
            Ok(vec![
                i.id.to_string(),
                i.details.name.clone(),
                i.details.category.label().to_string(),
                i.details.status.label().to_string(),
                output::opt_date(review),
            ])
        })
        .collect::<Result<_>>()?;
    if !rows.is_empty() {
        table(&["ID", "Item", "Category", "Status", "Review by"], &rows);
    }
    Ok(())
}

pub fn setting(api: &mut Api, cmd: SettingCommand, json: bool) -> Result<()> {
    match cmd {
        SettingCommand::List => {
            let settings = api.settings()?;
            if json {
                return output::json(&settings);
            }
            if settings.is_empty() {
                outln!("No settings yet: add one with `passport setting add --name NAME`.");
                return Ok(());
            }
            let rows: Vec<Vec<String>> = settings
                .iter()
                .map(|s| {
                    vec![
                        s.id.to_string(),
                        s.details.name.clone(),
                        s.details.kind.label().into(),
                        s.details.postcode.clone(),
                    ]
                })
                .collect();
            table(&["ID", "Name", "Kind", "Postcode"], &rows);
            Ok(())
        }
        SettingCommand::Add {
            name,
            kind,
            postcode,
            phone,
            senco,
            senco_email,
        } => {
            let kind: SettingKind = kind.parse().map_err(anyhow::Error::msg).context("--kind")?;
            let mut details = SettingDetails::new(&name, kind);
            details.postcode = postcode.unwrap_or_default();
            details.phone = phone.unwrap_or_default();
            details.senco_name = senco.unwrap_or_default();
            details.senco_email = senco_email.unwrap_or_default();
            let setting = api.create_setting(details)?;
            if json {
                return output::json(&setting);
            }
            outln!("{}", setting.id);
            Ok(())
        }
    }
}

pub fn db(api: &mut Api, cmd: DbCommand, json: bool) -> Result<()> {
    match cmd {
        DbCommand::Check => {
            let check = api.check_database()?;
            if json {
                output::json(&check)?;
            } else {
                outln!(
                    "Schema version {} (this app understands up to {}).",
                    check.schema_version,
                    check.supported_version
                );
                outln!(
                    "{} children, {} items, {} photos.",
                    check.children,
                    check.items,
                    check.photos
                );
                if check.ok() {
                    outln!("Integrity check: ok.");
                }
            }
            if !check.ok() {
                bail!(
                    "the database has {} problem(s): {}",
                    check.problems.len(),
                    check.problems.join("; ")
                );
            }
            Ok(())
        }
        DbCommand::PrintCopies => {
            let fill = api.fill_print_copies()?;
            if json {
                output::json(&fill)?;
            } else {
                outln!("{} print copies made.", fill.made);
                for problem in &fill.unreadable {
                    eprintln!("warning: {problem}; it still prints, resized each time");
                }
            }
            Ok(())
        }
    }
}
