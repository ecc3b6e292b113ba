//! Commands about children, settings, the demo caseload and the database.

use crate::changes::{Changes, count};
use crate::cli::{
    ChildAddArgs, ChildCommand, ChildEditArgs, ChildrenArgs, DbCommand, DeleteArgs, SettingCommand,
};
use crate::confirm::{self, Confirmation};
use crate::output::{self, date, field, outln, table};
use anyhow::{Context, Result, anyhow, bail};
use chrono::NaiveDate;
use equipment_passport::model::*;
use equipment_passport::passport::Language;
use equipment_passport::{Api, Error, demo};

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
        ChildCommand::Edit(args) => edit_child(api, args, json),
        ChildCommand::Delete(args) => delete_child(api, args, json),
    }
}

/// `--dob`'s value as a date.
fn parse_dob(value: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(value.trim(), "%Y-%m-%d").with_context(|| {
        format!("--dob: '{value}' is not a date: write it as YYYY-MM-DD, e.g. 2017-03-14")
    })
}

/// `--language`'s value; empty is none (English).
fn parse_language(value: &str) -> Result<Option<Language>> {
    if value.trim().is_empty() {
        return Ok(None);
    }
    value
        .parse()
        .map(Some)
        .map_err(|e: String| anyhow!("--language: {e}"))
}

/// `--setting`'s value; empty is none.
fn parse_setting(value: &str) -> Result<Option<SettingId>> {
    if value.trim().is_empty() {
        return Ok(None);
    }
    value.parse().map(Some).map_err(|_| {
        anyhow!(
            "--setting: '{}' is not a setting id: `passport setting list` shows them",
            value.trim()
        )
    })
}

fn add_child(api: &mut Api, args: ChildAddArgs, json: bool) -> Result<()> {
    let dob = parse_dob(&args.dob)?;
    let mut details = ChildDetails::new(&args.given, &args.family, dob);
    details.nhs_number = args.nhs.unwrap_or_default();
    details.preferred_name = args.preferred.unwrap_or_default();
    details.class_name = args.class.unwrap_or_default();
    details.language = parse_language(args.language.as_deref().unwrap_or(""))?;
    details.setting_id = parse_setting(args.setting.as_deref().unwrap_or(""))?;
    let child = api.create_child(details)?;
    if json {
        return output::json(&child);
    }
    outln!("{}", child.id);
    Ok(())
}

/// `passport child edit ID`: the stored details with the options given put over them, checked
/// as `child add` checks them, and saved as one change when anything differs.
fn edit_child(api: &mut Api, args: ChildEditArgs, json: bool) -> Result<()> {
    let id: ChildId = args.id.parse()?;
    let record = api.child(id)?;
    let stored = record.child.details;
    let mut edited = stored.clone();
    if let Some(given) = args.given {
        edited.given_name = given;
    }
    if let Some(family) = args.family {
        edited.family_name = family;
    }
    if let Some(dob) = &args.dob {
        edited.date_of_birth = parse_dob(dob)?;
    }
    if let Some(nhs) = args.nhs {
        edited.nhs_number = nhs;
    }
    if let Some(setting) = &args.setting {
        edited.setting_id = parse_setting(setting)?;
    }
    if let Some(preferred) = args.preferred {
        edited.preferred_name = preferred;
    }
    if let Some(class) = args.class {
        edited.class_name = class;
    }
    if let Some(language) = &args.language {
        edited.language = parse_language(language)?;
    }
    let edited = edited.validated(api.today())?;
    let changes = child_changes(api, &stored, &edited)?;
    if !changes.is_empty() {
        api.update_child(id, edited)?;
    }
    if json {
        return output::json(&api.child(id)?);
    }
    if changes.is_empty() {
        outln!(
            "Nothing to change: {} already has those details.",
            record.display_name
        );
    }
    changes.print();
    Ok(())
}

/// What `child edit` can change, as people read it (a setting by its name).
fn child_changes(api: &Api, old: &ChildDetails, new: &ChildDetails) -> Result<Changes> {
    let setting_name = |setting: Option<SettingId>| -> Result<String> {
        let Some(id) = setting else {
            return Ok(String::new());
        };
        match api.setting(id) {
            Ok(setting) => Ok(setting.details.name),
            Err(Error::NotFound { .. }) => bail!(
                "--setting: there is no setting with id {id}: `passport setting list` shows them"
            ),
            Err(e) => Err(e.into()),
        }
    };
    let language = |l: Option<Language>| l.map(|l| l.label()).unwrap_or("").to_string();
    let mut changes = Changes::default();
    changes.compare("first name", &old.given_name, &new.given_name);
    changes.compare("last name", &old.family_name, &new.family_name);
    changes.compare(
        "date of birth",
        date(old.date_of_birth),
        date(new.date_of_birth),
    );
    changes.compare(
        "NHS number",
        nhs_number::display(&old.nhs_number),
        nhs_number::display(&new.nhs_number),
    );
    if old.setting_id != new.setting_id {
        changes.compare(
            "setting",
            setting_name(old.setting_id)?,
            setting_name(new.setting_id)?,
        );
    }
    changes.compare("preferred name", &old.preferred_name, &new.preferred_name);
    changes.compare("class", &old.class_name, &new.class_name);
    changes.compare(
        "passport language",
        language(old.language),
        language(new.language),
    );
    Ok(changes)
}

/// `passport child delete ID`: asks first at a terminal (the child's first name typed), needs
/// `--yes` from a script.
fn delete_child(api: &mut Api, args: DeleteArgs, json: bool) -> Result<()> {
    let id: ChildId = args.id.parse()?;
    let record = api.child(id)?;
    let what = format!(
        "{} with {} and {}",
        record.display_name,
        count(record.items.len(), "item", "items"),
        count(record.contacts.len(), "contact", "contacts")
    );
    let question = format!(
        "Delete {what}, and their photos and service logs? This cannot be undone (their history is kept)."
    );
    let name = &record.child.details.given_name;
    if !confirm::deletion(
        args.yes,
        &record.display_name,
        &question,
        Confirmation::TypeName(name),
    )? {
        eprintln!("Nothing was deleted.");
        return Ok(());
    }
    api.delete_child(id)?;
    if json {
        return output::json(&serde_json::json!({ "deleted": id }));
    }
    outln!("Deleted {what}.");
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
