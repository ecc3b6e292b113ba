//! Commands about equipment, photos, service records, suppliers and the due list.

use crate::changes::{Changes, count};
use crate::cli::{
    DUE_LIST_DAYS, DeleteArgs, DueArgs, ItemAddArgs, ItemCommand, ItemEditArgs, PhotoCommand,
    ServiceCommand, SupplierCommand,
};
use crate::confirm::{self, Confirmation};
use crate::output::{self, date, field, opt_date, outln, table};
use anyhow::{Context, Result};
use chrono::NaiveDate;
use equipment_passport::Api;
use equipment_passport::api::DUE_CALENDAR_DAYS;
use equipment_passport::model::*;
use equipment_passport::user_file::{self, Limit};

pub(crate) fn parse_choice<T: std::str::FromStr<Err = String>>(
    option: &str,
    value: &str,
) -> Result<T> {
    value
        .parse::<T>()
        .map_err(|e| anyhow::anyhow!("{option}: {e}"))
}

pub(crate) fn parse_date(option: &str, value: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(value.trim(), "%Y-%m-%d")
        .with_context(|| format!("{option}: '{value}' is not a date: write it as YYYY-MM-DD"))
}

pub fn item(api: &mut Api, cmd: ItemCommand, json: bool) -> Result<()> {
    match cmd {
        ItemCommand::Add(args) => add_item(api, *args, json),
        ItemCommand::Show { id } => show_item(api, id.parse()?, json),
        ItemCommand::Edit(args) => edit_item(api, *args, json),
        ItemCommand::Delete(args) => delete_item(api, args, json),
    }
}

/// `--made`'s value; empty is none.
fn parse_made(value: &str) -> Result<Option<NaiveDate>> {
    if value.trim().is_empty() {
        return Ok(None);
    }
    parse_date("--made", value).map(Some)
}

fn add_item(api: &mut Api, args: ItemAddArgs, json: bool) -> Result<()> {
    let child: ChildId = args.child.parse()?;
    let category: Category = parse_choice("--category", &args.category)?;
    let mut details = ItemDetails::new(category, &args.name);
    details.serial = args.serial.unwrap_or_default();
    details.make = args.make.unwrap_or_default();
    details.model = args.model.unwrap_or_default();
    details.lot = args.lot.unwrap_or_default();
    details.made_on = parse_made(args.made.as_deref().unwrap_or(""))?;
    details.where_used = parse_choice("--where", &args.where_used)?;
    details.staff_needed = args.staff;
    if let Some(sling_id) = args.sling_id {
        details.sling = Some(SlingDetails {
            sling_id,
            ..Default::default()
        });
    }
    let item = api.create_item(child, details)?;
    if json {
        return output::json(&item);
    }
    outln!("{}", item.id);
    Ok(())
}

/// `passport item edit ID`: the stored details with the options given put over them, checked
/// as `item add` checks them, and saved as one change when anything differs.
fn edit_item(api: &mut Api, args: ItemEditArgs, json: bool) -> Result<()> {
    let id: ItemId = args.id.parse()?;
    let stored = api.item(id)?.item.details;
    let mut edited = stored.clone();
    if let Some(category) = &args.category {
        edited.category = parse_choice("--category", category)?;
    }
    if let Some(name) = args.name {
        edited.name = name;
    }
    if let Some(serial) = args.serial {
        edited.serial = serial;
    }
    if let Some(make) = args.make {
        edited.make = make;
    }
    if let Some(model) = args.model {
        edited.model = model;
    }
    if let Some(lot) = args.lot {
        edited.lot = lot;
    }
    if let Some(made) = &args.made {
        edited.made_on = parse_made(made)?;
    }
    if let Some(where_used) = &args.where_used {
        edited.where_used = parse_choice("--where", where_used)?;
    }
    if let Some(staff) = args.staff {
        edited.staff_needed = staff;
    }
    if let Some(sling_id) = args.sling_id {
        edited.sling.get_or_insert_with(Default::default).sling_id = sling_id;
    }
    let edited = edited.validated(api.today())?;
    let mut changes = item_changes(&stored, &edited);
    let details_changed = !changes.is_empty();
    let review = match &args.review {
        Some(value) => review_change(api, id, edited.category, value, &mut changes)?,
        None => ReviewChange::None,
    };
    if details_changed {
        api.update_item(id, edited)?;
    }
    match review {
        ReviewChange::None => {}
        ReviewChange::Move(schedule, details) => {
            api.update_schedule(schedule, details)?;
        }
        ReviewChange::Add(details) => {
            api.add_schedule(id, details)?;
        }
        ReviewChange::Remove(schedule) => api.delete_schedule(schedule)?,
    }
    if json {
        return output::json(&api.item(id)?);
    }
    if changes.is_empty() {
        outln!(
            "Nothing to change: {} already has those details.",
            stored.name
        );
    }
    changes.print();
    Ok(())
}

/// What `item edit --review` does to the item's review schedule.
enum ReviewChange {
    None,
    Move(ScheduleId, ScheduleDetails),
    Add(ScheduleDetails),
    Remove(ScheduleId),
}

/// How many months apart the reviews of an item given its first review date by `item edit`
/// fall.
const REVIEW_MONTHS: u32 = 12;

/// The review schedule's change for `--review VALUE` (checked, not yet saved), noted in
/// `changes` when the date moves: the soonest review schedule moves to the date, an item with
/// none gets a yearly one, and an empty value removes it.
fn review_change(
    api: &Api,
    item: ItemId,
    category: Category,
    value: &str,
    changes: &mut Changes,
) -> Result<ReviewChange> {
    let current = api
        .schedules_of_item(item)?
        .into_iter()
        .find(|s| s.kind == ScheduleKind::Review);
    let old = current
        .as_ref()
        .map(|s| date(s.next_due))
        .unwrap_or_default();
    if value.trim().is_empty() {
        changes.compare("review date", old, "");
        return Ok(current.map_or(ReviewChange::None, |s| ReviewChange::Remove(s.id)));
    }
    let next = parse_date("--review", value)?;
    changes.compare("review date", old, date(next));
    let details = match &current {
        Some(s) if s.next_due == next => return Ok(ReviewChange::None),
        Some(s) => ScheduleDetails {
            kind: s.kind,
            name: s.name.clone(),
            every_months: s.every_months,
            last_done: s.last_done,
            next_due: Some(next),
        },
        None => ScheduleDetails {
            kind: ScheduleKind::Review,
            name: String::new(),
            every_months: REVIEW_MONTHS,
            last_done: None,
            next_due: Some(next),
        },
    };
    // Checked now, so that a refused date leaves the item's other changes unsaved too.
    details
        .clone()
        .validated(category, &api.service_intervals()?, api.today())
        .map_err(|e| {
            let messages: Vec<String> = e.fields().iter().map(|f| f.message.clone()).collect();
            if messages.is_empty() {
                anyhow::Error::from(e)
            } else {
                anyhow::anyhow!("--review: {}", messages.join("; "))
            }
        })?;
    Ok(match current {
        Some(s) => ReviewChange::Move(s.id, details),
        None => ReviewChange::Add(details),
    })
}

/// What `item edit` can change, as people read it.
fn item_changes(old: &ItemDetails, new: &ItemDetails) -> Changes {
    let sling_id = |d: &ItemDetails| d.sling.as_ref().map(|s| s.sling_id.clone());
    let made = |d: &ItemDetails| d.made_on.map(date).unwrap_or_default();
    let mut changes = Changes::default();
    changes.compare("category", old.category.label(), new.category.label());
    changes.compare("name", &old.name, &new.name);
    changes.compare("serial", &old.serial, &new.serial);
    changes.compare("make", &old.make, &new.make);
    changes.compare("model", &old.model, &new.model);
    changes.compare("lot number", &old.lot, &new.lot);
    changes.compare("made on", made(old), made(new));
    changes.compare("used at", old.where_used.label(), new.where_used.label());
    changes.compare(
        "staff needed",
        old.staff_needed.to_string(),
        new.staff_needed.to_string(),
    );
    changes.compare(
        "sling id",
        sling_id(old).unwrap_or_default(),
        sling_id(new).unwrap_or_default(),
    );
    changes
}

/// `passport item delete ID`: asks first at a terminal (y/N), needs `--yes` from a script.
fn delete_item(api: &mut Api, args: DeleteArgs, json: bool) -> Result<()> {
    let id: ItemId = args.id.parse()?;
    let record = api.item(id)?;
    let child = api.child(record.item.child_id)?;
    let name = format!(
        "{} ({}) of {}",
        record.item.details.name,
        record.item.details.category.label().to_lowercase(),
        child.display_name
    );
    let what = format!(
        "{name} with {} and {}",
        count(record.item.photos.len(), "photo", "photos"),
        count(
            record.service_log.len(),
            "service record",
            "service records"
        )
    );
    let question = format!("Delete {what}? This cannot be undone (its history is kept).");
    if !confirm::deletion(args.yes, &name, &question, Confirmation::YesNo)? {
        eprintln!("Nothing was deleted.");
        return Ok(());
    }
    api.delete_item(id)?;
    if json {
        return output::json(&serde_json::json!({ "deleted": id }));
    }
    outln!("Deleted {what}.");
    Ok(())
}

fn show_item(api: &Api, id: ItemId, json: bool) -> Result<()> {
    let record = api.item(id)?;
    if json {
        return output::json(&record);
    }
    let d = &record.item.details;
    outln!("{} ({})", d.name, d.category.label());
    field("Id", &record.item.id.to_string());
    field("Make and model", format!("{} {}", d.make, d.model).trim());
    field("Serial or asset tag", &d.serial);
    field("Lot number", &d.lot);
    field("Made on", &opt_date(d.made_on));
    field("Size", &d.size);
    field("Used at", d.where_used.label());
    field("Status", d.status.label());
    field("Purpose", &d.purpose);
    field("Staff needed", &d.staff_needed.to_string());
    for s in api.schedules_of_item(id)? {
        let last = s.last_done.map_or("never done".to_string(), |l| {
            format!("last {}", output::date(l))
        });
        field(
            &s.what(),
            &format!(
                "{}, {last}, next due {}",
                s.how_often(),
                output::date(s.next_due)
            ),
        );
    }
    field("Therapist", &d.therapist);
    for (i, step) in d.setup_steps.iter().enumerate() {
        field(
            if i == 0 { "Set-up" } else { "" },
            &format!("{}. {}", i + 1, step.text),
        );
    }
    for (i, check) in d.safety_checks.iter().enumerate() {
        field(
            if i == 0 { "Check before use" } else { "" },
            &format!("[ ] {check}"),
        );
    }
    field("Photos", &record.item.photos.len().to_string());
    if !record.service_log.is_empty() {
        outln!("\nService log");
        let rows: Vec<Vec<String>> = record
            .service_log
            .iter()
            .map(|r| {
                vec![
                    date(r.details.date),
                    r.details.kind.label().into(),
                    r.details.by_whom.clone(),
                    r.details.outcome.label().into(),
                    opt_date(r.details.next_due),
                ]
            })
            .collect();
        table(&["Date", "Kind", "By", "Outcome", "Next due"], &rows);
    }
    Ok(())
}

pub fn photo(api: &mut Api, cmd: PhotoCommand, json: bool) -> Result<()> {
    match cmd {
        PhotoCommand::Add {
            item,
            file,
            caption,
        } => {
            let item: ItemId = item.parse()?;
            let bytes = user_file::read(&file, Limit::PHOTO)?;
            let photo = api
                .add_item_photo(item, &bytes, &caption)
                .with_context(|| format!("{}", file.display()))?;
            if json {
                return output::json(&photo);
            }
            outln!("{}", photo.id);
            Ok(())
        }
    }
}

pub fn service(api: &mut Api, cmd: ServiceCommand, json: bool) -> Result<()> {
    match cmd {
        ServiceCommand::Add {
            item,
            kind,
            date,
            by,
            outcome,
            notes,
            next_due,
        } => {
            let item: ItemId = item.parse()?;
            let details = ServiceRecordDetails {
                kind: parse_choice("--kind", &kind)?,
                date: parse_date("--date", &date)?,
                by_whom: by,
                outcome: parse_choice("--outcome", &outcome)?,
                notes: notes.unwrap_or_default(),
                next_due: next_due
                    .as_deref()
                    .map(|d| parse_date("--next-due", d))
                    .transpose()?,
                examination: None,
            };
            let record = api.add_service_record(item, details)?;
            if json {
                return output::json(&record);
            }
            outln!("{}", record.id);
            if let Some(next) = record.details.next_due {
                eprintln!(
                    "Next {} due {}.",
                    record.details.kind.label(),
                    output::date(next)
                );
            }
            Ok(())
        }
    }
}

pub fn supplier(api: &mut Api, cmd: SupplierCommand, json: bool) -> Result<()> {
    match cmd {
        SupplierCommand::List => {
            let suppliers = api.suppliers()?;
            if json {
                return output::json(&suppliers);
            }
            let rows: Vec<Vec<String>> = suppliers
                .iter()
                .map(|s| {
                    let d = &s.details;
                    let repairs = if d.repair_phone.is_empty() {
                        String::new()
                    } else {
                        format!("{} ({})", d.repair_phone, d.repair_hours)
                    };
                    vec![
                        s.id.to_string(),
                        d.name.clone(),
                        d.kind.label().into(),
                        repairs,
                    ]
                })
                .collect();
            table(&["ID", "Name", "Kind", "Repair line"], &rows);
            Ok(())
        }
    }
}

pub fn due(api: &Api, args: DueArgs, json: bool) -> Result<()> {
    if let Some(file) = &args.ics {
        let within = args.within.unwrap_or(DUE_CALENDAR_DAYS);
        let events = api.export_due_calendar(file, within)?;
        outln!(
            "Wrote {events} {} (overdue, and due in the next {within} days) to {}. Each names the item and the child's initials only.",
            if events == 1 { "event" } else { "events" },
            file.display()
        );
        return Ok(());
    }
    let within = args.within.unwrap_or(DUE_LIST_DAYS);
    let entries = api.due_list(within)?;
    if json {
        return output::json(&entries);
    }
    if entries.is_empty() {
        outln!("Nothing is overdue or due in the next {} days.", within);
        return Ok(());
    }
    let overdue = entries.iter().filter(|e| e.is_overdue()).count();
    outln!(
        "{} overdue, {} due in the next {} days.\n",
        overdue,
        entries.len() - overdue,
        within
    );
    let rows: Vec<Vec<String>> = entries
        .iter()
        .map(|e| {
            vec![
                date(e.due_date),
                e.when(),
                format!(
                    "{}{}",
                    e.kind.label(),
                    if e.never_done {
                        " (never recorded)"
                    } else {
                        ""
                    }
                ),
                if e.person.is_empty() {
                    e.subject.clone()
                } else {
                    format!("{} ({})", e.subject, e.person)
                },
                e.child_name.clone(),
                e.setting_name.clone(),
            ]
        })
        .collect();
    table(
        &["Due", "When", "What", "Item or copy", "Child", "Setting"],
        &rows,
    );
    Ok(())
}
