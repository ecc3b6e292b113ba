//! The audit trail as people read it: who changed which record when, and each changed field's
//! old and new value under the label the app shows. The trail itself is written by the
//! database (triggers of migration 0004) in the same transaction as every change, so no code
//! path can change a record without leaving an entry; nothing here or elsewhere edits it.

use super::Api;
use crate::error::Result;
use crate::model::{
    ChildId, ContactId, DfgCaseId, DfgNoteId, DfgStageId, ItemId, PhotoId, ScheduleId,
    ScheduleKind, ServiceRecordId, SettingId, SupplierId,
};
use crate::store::audit::{self as trail, AuditRow};
use chrono::{DateTime, NaiveDateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// The kinds of record the trail follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum RecordKind {
    Child,
    Setting,
    Supplier,
    Contact,
    Item,
    /// One set-up step of an item; its id is the item's id, `#` and the step's position.
    SetupStep,
    Photo,
    ServiceRecord,
    IssuedCopy,
    DfgCase,
    DfgStage,
    /// One adaptation of a DFG recommendation; its id is the stage's id, `#` and a position.
    DfgAdaptation,
    DfgQuote,
    DfgFunding,
    DfgNote,
    /// An app-wide setting such as the preferences (therapist profile); its id is the key.
    AppSetting,
    /// A file the app keeps (the organisation's logo); its id is the file's name.
    AppFile,
    /// One row of a child's moving and handling plan; its id is the child's id, `#` and the
    /// row's position.
    HandlingTask,
    /// One entry of the register of staff trained to use an item.
    Training,
    /// One of an item's schedules (LOLER, service, review, a check the therapist names).
    Schedule,
    /// A field safety notice (it belongs to no child).
    SafetyNotice,
    /// What was done about one item under a safety notice.
    NoticeAction,
    /// A child's personal emergency evacuation plan for one setting; its id is the child's
    /// id, `#` and the setting's id.
    EvacuationPlan,
}

const KINDS: [(RecordKind, &str, &str); 23] = [
    (RecordKind::Child, "children", "Child"),
    (RecordKind::Setting, "settings", "Setting"),
    (RecordKind::Supplier, "suppliers", "Supplier"),
    (RecordKind::Contact, "contacts", "Contact"),
    (RecordKind::Item, "items", "Equipment item"),
    (RecordKind::SetupStep, "item_steps", "Set-up step"),
    (RecordKind::Photo, "photos", "Photo"),
    (
        RecordKind::ServiceRecord,
        "service_records",
        "Service record",
    ),
    (RecordKind::IssuedCopy, "issued_copies", "Printed passport"),
    (RecordKind::DfgCase, "dfg_cases", "DFG case"),
    (RecordKind::DfgStage, "dfg_stages", "DFG stage"),
    (
        RecordKind::DfgAdaptation,
        "dfg_adaptations",
        "DFG adaptation",
    ),
    (RecordKind::DfgQuote, "dfg_quotes", "DFG quote"),
    (RecordKind::DfgFunding, "dfg_funding", "DFG funding"),
    (RecordKind::DfgNote, "dfg_notes", "DFG case note"),
    (RecordKind::AppSetting, "app_settings", "App setting"),
    (RecordKind::AppFile, "app_files", "App file"),
    (
        RecordKind::HandlingTask,
        "handling_tasks",
        "Handling plan task",
    ),
    (RecordKind::Training, "training_records", "Staff training"),
    (RecordKind::Schedule, "item_schedules", "Schedule"),
    (RecordKind::SafetyNotice, "safety_notices", "Safety notice"),
    (
        RecordKind::NoticeAction,
        "safety_notice_actions",
        "Safety notice action",
    ),
    (
        RecordKind::EvacuationPlan,
        "evacuation_plans",
        "Evacuation plan",
    ),
];

impl RecordKind {
    /// The table the record lives in.
    pub fn table(self) -> &'static str {
        KINDS
            .iter()
            .find(|k| k.0 == self)
            .map(|k| k.1)
            .unwrap_or("")
    }

    /// What the record is called in the app.
    pub fn label(self) -> &'static str {
        KINDS
            .iter()
            .find(|k| k.0 == self)
            .map(|k| k.2)
            .unwrap_or("")
    }

    fn from_table(table: &str) -> Option<RecordKind> {
        KINDS.iter().find(|k| k.1 == table).map(|k| k.0)
    }

    /// Rows that are parts of this kind of record and belong in its history.
    fn parts(self) -> &'static [&'static str] {
        match self {
            RecordKind::Item => &["item_steps"],
            RecordKind::Child => &["handling_tasks", "evacuation_plans"],
            RecordKind::DfgStage => &["dfg_adaptations", "dfg_quotes", "dfg_funding"],
            _ => &[],
        }
    }
}

/// Which record: its kind and id (see [`RecordKind`] for the ids of parts of records).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct RecordRef {
    pub kind: RecordKind,
    pub id: String,
}

impl RecordRef {
    pub fn new(kind: RecordKind, id: impl ToString) -> RecordRef {
        RecordRef {
            kind,
            id: id.to_string(),
        }
    }
}

macro_rules! record_ref_from {
    ($($id:ty => $kind:ident),+) => {$(
        impl From<$id> for RecordRef {
            fn from(id: $id) -> RecordRef {
                RecordRef::new(RecordKind::$kind, id)
            }
        }
    )+};
}

record_ref_from!(
    ChildId => Child,
    SettingId => Setting,
    SupplierId => Supplier,
    ContactId => Contact,
    ItemId => Item,
    PhotoId => Photo,
    ServiceRecordId => ServiceRecord,
    DfgCaseId => DfgCase,
    DfgStageId => DfgStage,
    DfgNoteId => DfgNote,
    ScheduleId => Schedule
);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum AuditAction {
    Create,
    Update,
    Delete,
}

impl AuditAction {
    /// "added", "changed" or "deleted".
    pub fn past_tense(self) -> &'static str {
        match self {
            AuditAction::Create => "added",
            AuditAction::Update => "changed",
            AuditAction::Delete => "deleted",
        }
    }
}

/// One field's value before and after; `None` where there was none (before a create, after a
/// delete, or an empty optional field).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct FieldChange {
    /// The column, or for a setting stored as JSON the path inside it (`therapist.name`).
    pub field: String,
    /// As the app labels it, e.g. "NHS number".
    pub label: String,
    pub old: Option<String>,
    pub new: Option<String>,
}

/// A history as its screen shows it: what it is of, whose it is, and every change, oldest
/// first, with ids already given as names.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct HistoryPage {
    /// The item's or the child's name.
    pub subject: String,
    /// The child it belongs to: the child themselves, or the item's child.
    pub child_id: Option<ChildId>,
    /// That child's name while they are in the caseload (a deleted child's history keeps it as
    /// its subject).
    pub child_name: Option<String>,
    pub entries: Vec<AuditEntry>,
}

/// One change to one record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct AuditEntry {
    /// The order of writing: later changes have larger numbers.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub seq: i64,
    /// When, in UTC.
    pub at: DateTime<Utc>,
    /// The therapist profile's name at the time ("" if no profile was set).
    pub who: String,
    pub action: AuditAction,
    pub record: RecordRef,
    /// The child the record belongs to, if it belongs to one.
    pub child_id: Option<ChildId>,
    /// What the record is, e.g. the child's name or the item's name.
    pub summary: String,
    /// For a create, every field given; for a delete, every field it had; for an update,
    /// only the fields that changed.
    pub changes: Vec<FieldChange>,
}

#[derive(Clone, Copy)]
enum Shown {
    Text,
    YesNo,
    Pounds,
    /// Counted from 1 for people (stored from 0).
    Ordinal,
    /// A list kept as JSON text (`["a","b"]`): one entry a line, nothing for an empty list,
    /// so History reads the statements themselves and a list added empty is not listed.
    Lines,
    /// An evacuation plan's sessions kept as JSON: one session a line with its adults
    /// ("Lunch: Mr Evans (midday supervisor), Mrs Price").
    Sessions,
}

/// The fields of each table in the order a form shows them, with their labels. Columns left
/// out here are shown by their own name; ids of the owning record are not shown at all.
fn fields(table: &str) -> &'static [(&'static str, &'static str, Shown)] {
    use Shown::*;
    match table {
        "children" => &[
            ("given_name", "First name", Text),
            ("family_name", "Last name", Text),
            ("preferred_name", "Preferred name", Text),
            ("date_of_birth", "Date of birth", Text),
            ("nhs_number", "NHS number", Text),
            ("setting_id", "Setting", Text),
            ("class_name", "Class", Text),
            ("tier", "Tier", Text),
            ("ehcp_has_plan", "Has an EHCP", YesNo),
            ("ehcp_section_g", "EHCP section G", Text),
            ("consent_given_by", "Consent given by", Text),
            ("consent_given_on", "Consent given on", Text),
            ("communication", "Communication", Text),
            ("what_helps", "What helps", Text),
            ("medical_alerts", "Medical alerts", Text),
            ("key_statements_red", "Red: must never happen", Lines),
            ("key_statements_amber", "Amber: keep me safe", Lines),
            ("key_statements_green", "Green: helps me enjoy it", Lines),
            ("home_address", "Home address", Text),
            ("home_postcode", "Home postcode", Text),
            ("language", "Passport language", Text),
            ("photo_id", "Photo", Text),
            ("created_at", "Added at", Text),
        ],
        "settings" => &[
            ("name", "Name", Text),
            ("kind", "Kind", Text),
            ("address", "Address", Text),
            ("postcode", "Postcode", Text),
            ("phone", "Phone", Text),
            ("senco_name", "SENCo", Text),
            ("senco_email", "SENCo email", Text),
            ("link_therapist", "Link therapist", Text),
        ],
        "suppliers" => &[
            ("name", "Name", Text),
            ("kind", "Kind", Text),
            ("phones", "Phone numbers", Text),
            ("repair_phone", "Repair line", Text),
            ("repair_hours", "Repair line hours", Text),
            ("email", "Email", Text),
            ("address", "Address", Text),
            ("postcode", "Postcode", Text),
            ("account_ref", "Account reference", Text),
        ],
        "contacts" => &[
            ("name", "Name", Text),
            ("role", "Role", Text),
            ("relationship", "Relationship", Text),
            ("organisation", "Organisation", Text),
            ("phones", "Phone numbers", Text),
            ("email", "Email", Text),
            ("notes", "Notes", Text),
            ("position", "Place in list", Ordinal),
        ],
        "items" => &[
            ("category", "Category", Text),
            ("name", "Name", Text),
            ("make", "Make", Text),
            ("model", "Model", Text),
            ("serial", "Serial number", Text),
            ("lot", "Lot number", Text),
            ("made_on", "Made on", Text),
            ("size", "Size", Text),
            ("where_used", "Where used", Text),
            ("provider_id", "Provided by", Text),
            ("loan_number", "Loan number", Text),
            ("issue_date", "Issued on", Text),
            ("purpose", "Purpose", Text),
            ("schedule", "Schedule of use", Text),
            ("safety_checks", "Safety checks", Text),
            ("cleaning", "Cleaning", Text),
            ("dos", "Do", Text),
            ("donts", "Don't", Text),
            ("status", "Status", Text),
            ("repair_supplier_id", "Repairs by", Text),
            ("review_date", "Review date", Text),
            ("therapist", "Therapist", Text),
            ("staff_needed", "Staff needed", Text),
            ("wheelchair", "Wheelchair details", Text),
            ("seating", "Seating details", Text),
            ("sling", "Sling details", Text),
            ("created_at", "Added at", Text),
        ],
        "evacuation_plans" => &[
            ("setting_id", "Setting", Text),
            ("route", "Route", Text),
            ("assembly_point", "Assembly point", Text),
            ("equipment_id", "Evacuated in", Text),
            ("equipment_note", "Other equipment", Text),
            ("sessions", "Adults named", Sessions),
            ("if_in_stander", "If in the stander", Text),
            ("if_on_hoist", "If on the hoist", Text),
            ("notes", "Notes", Text),
            ("review_date", "Review by", Text),
            ("agreed_by", "Agreed by", Text),
        ],
        "handling_tasks" => &[
            ("position", "Row", Ordinal),
            ("task", "Task", Text),
            ("equipment_id", "Equipment", Text),
            ("sling_id", "Sling", Text),
            ("loop_shoulder_left", "Left shoulder loop", Text),
            ("loop_shoulder_right", "Right shoulder loop", Text),
            ("loop_leg_left", "Left leg loop", Text),
            ("loop_leg_right", "Right leg loop", Text),
            ("adults", "Adults", Text),
            ("method", "Method", Text),
            ("photo_ref", "Photo reference", Text),
            ("review_date", "Review by", Text),
        ],
        "item_schedules" => &[
            ("item_id", "Equipment item", Text),
            ("kind", "Kind", Text),
            ("name", "Name", Text),
            ("every_months", "Every (months)", Text),
            ("last_done", "Last done", Text),
            ("next_due", "Next due", Text),
            ("created_at", "Added at", Text),
        ],
        "training_records" => &[
            ("item_id", "Equipment item", Text),
            ("name", "Name", Text),
            ("role", "Role", Text),
            ("setting_id", "Setting", Text),
            ("trained_by", "Trained by", Text),
            ("trained_on", "Trained on", Text),
            ("refresh_by", "Refresher due", Text),
            ("recorded_at", "Recorded at", Text),
        ],
        "safety_notices" => &[
            ("reference", "Reference", Text),
            ("title", "Title", Text),
            ("issuer", "Issued by", Text),
            ("issued_on", "Issued on", Text),
            ("action_required", "Action required", Text),
            ("make", "Make", Text),
            ("model", "Model", Text),
            ("serial_ranges", "Serial ranges", Text),
            ("lots", "Lot numbers", Text),
            ("made_from", "Made from", Text),
            ("made_to", "Made to", Text),
            ("closed_on", "Closed on", Text),
            ("recorded_at", "Recorded at", Text),
        ],
        "safety_notice_actions" => &[
            ("notice_id", "Safety notice", Text),
            ("item_id", "Equipment item", Text),
            ("action", "Action", Text),
            ("note", "Note", Text),
            ("acted_on", "Done on", Text),
            ("recorded_at", "Recorded at", Text),
        ],
        "item_steps" => &[
            ("position", "Step", Ordinal),
            ("text", "Instruction", Text),
            ("photo_id", "Photo", Text),
        ],
        "photos" => &[
            ("item_id", "Equipment item", Text),
            ("position", "Place in gallery", Ordinal),
            ("caption", "Caption", Text),
            ("width", "Width (pixels)", Text),
            ("height", "Height (pixels)", Text),
            ("sha256", "Image fingerprint (SHA-256)", Text),
            ("created_at", "Added at", Text),
        ],
        "service_records" => &[
            ("kind", "Kind", Text),
            ("date", "Date", Text),
            ("by_whom", "Done by", Text),
            ("outcome", "Outcome", Text),
            ("notes", "Notes", Text),
            ("next_due", "Next due", Text),
            ("examination", "Examination report", Text),
            ("recorded_at", "Recorded at", Text),
        ],
        "issued_copies" => &[
            ("audience", "Audience", Text),
            ("format", "Format", Text),
            ("large_print", "Large print", YesNo),
            ("printed_on", "Printed on", Text),
            ("printed_at", "Printed at", Text),
            ("version", "Version", Text),
            ("content_hash", "Content fingerprint", Text),
            ("setting_id", "Setting", Text),
            ("template", "Template", Text),
        ],
        "dfg_cases" => &[
            ("property_address", "Property address", Text),
            ("postcode", "Postcode", Text),
            ("tenure", "Tenure", Text),
            ("jurisdiction", "Jurisdiction", Text),
            ("council", "Council", Text),
            ("agency", "Home improvement agency", Text),
            ("applicant", "Applicant", Text),
            ("opened_at", "Opened at", Text),
        ],
        "dfg_stages" => &[
            ("stage", "Stage", Text),
            ("date", "Date", Text),
            ("recorded_by", "Recorded by", Text),
            ("amount_pence", "Amount", Pounds),
            ("notes", "Notes", Text),
            ("position", "Order recorded", Text),
            ("recorded_at", "Recorded at", Text),
        ],
        "dfg_adaptations" => &[
            ("position", "Adaptation", Ordinal),
            ("kind", "Kind", Text),
            ("description", "Description", Text),
            ("estimated_cost_pence", "Estimated cost", Pounds),
        ],
        "dfg_quotes" => &[
            ("contractor", "Contractor", Text),
            ("amount_pence", "Amount", Pounds),
            ("chosen", "Chosen", YesNo),
        ],
        "dfg_funding" => &[
            ("mandatory_pence", "Mandatory grant", Pounds),
            ("discretionary_pence", "Discretionary grant", Pounds),
            ("family_pence", "Family contribution", Pounds),
            ("other_pence", "Other funding", Pounds),
            ("other_source", "Other funding from", Text),
        ],
        "dfg_notes" => &[
            ("author", "Author", Text),
            ("written_at", "Written at", Text),
            ("text", "Note", Text),
        ],
        "app_settings" => &[("key", "Setting", Text), ("value", "Value", Text)],
        "app_files" => &[("name", "File", Text), ("size", "Size (bytes)", Text)],
        _ => &[],
    }
}

/// Ids that only say which record owns this one (shown by the entry itself, not as a field).
const OWNER_COLUMNS: [&str; 4] = ["id", "child_id", "case_id", "stage_id"];

fn hidden(table: &str, column: &str) -> bool {
    OWNER_COLUMNS.contains(&column)
        || (column == "item_id" && matches!(table, "item_steps" | "service_records"))
}

/// "home_postcode" -> "Home postcode", for columns without a label and JSON paths.
fn humanise(name: &str) -> String {
    let spaced = name.replace('_', " ");
    let mut chars = spaced.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => spaced,
    }
}

fn shown(value: &Value, how: Shown) -> Option<String> {
    match value {
        Value::Null => None,
        Value::String(s) if s.is_empty() => None,
        Value::String(s) if matches!(how, Shown::Lines) => lines(s),
        Value::String(s) if matches!(how, Shown::Sessions) => sessions(s),
        Value::String(s) => Some(s.clone()),
        Value::Bool(b) => Some(if *b { "yes" } else { "no" }.into()),
        Value::Number(n) => Some(match (how, n.as_i64()) {
            (Shown::YesNo, Some(i)) => if i != 0 { "yes" } else { "no" }.into(),
            (Shown::Pounds, Some(p)) => {
                let sign = if p < 0 { "-" } else { "" };
                format!("{sign}£{}.{:02}", p.abs() / 100, p.abs() % 100)
            }
            (Shown::Ordinal, Some(i)) => (i + 1).to_string(),
            _ => n.to_string(),
        }),
        other => Some(other.to_string()),
    }
}

/// A JSON list of text as one entry a line (`None` when empty); anything else as it is.
fn lines(text: &str) -> Option<String> {
    match serde_json::from_str::<Vec<String>>(text) {
        Ok(list) if list.is_empty() => None,
        Ok(list) => Some(list.join("\n")),
        Err(_) => Some(text.to_string()),
    }
}

/// An evacuation plan's sessions as one line each (`None` when none); anything else as it is.
fn sessions(text: &str) -> Option<String> {
    let Ok(list) = serde_json::from_str::<Vec<crate::model::EvacuationSession>>(text) else {
        return Some(text.to_string());
    };
    let line =
        |s: &crate::model::EvacuationSession| format!("{}: {}", s.session, s.adults_joined(", "));
    (!list.is_empty()).then(|| list.iter().map(line).collect::<Vec<_>>().join("\n"))
}

fn parse(values: &Option<String>) -> Map<String, Value> {
    values
        .as_deref()
        .and_then(|v| serde_json::from_str::<Map<String, Value>>(v).ok())
        .unwrap_or_default()
}

/// The leaves of a JSON object as dotted paths, for settings kept as JSON (the preferences).
fn flatten(prefix: &str, value: &Value, out: &mut BTreeMap<String, Value>) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                let path = if prefix.is_empty() {
                    k.clone()
                } else {
                    format!("{prefix}.{k}")
                };
                flatten(&path, v, out);
            }
        }
        leaf => {
            out.insert(prefix.to_string(), leaf.clone());
        }
    }
}

fn json_object_text(value: Option<&Value>) -> Option<Value> {
    match value {
        Some(Value::String(text)) => serde_json::from_str::<Value>(text)
            .ok()
            .filter(Value::is_object),
        _ => None,
    }
}

fn changes(row: &AuditRow) -> Vec<FieldChange> {
    let (old, new) = (parse(&row.old_values), parse(&row.new_values));
    let table = row.table_name.as_str();
    let keep = |o: &Option<String>, n: &Option<String>| match row.action.as_str() {
        "update" => o != n,
        _ => o.is_some() || n.is_some(),
    };
    // A setting stored as a JSON object is compared field by field.
    if table == "app_settings" {
        let (old_obj, new_obj) = (
            json_object_text(old.get("value")),
            json_object_text(new.get("value")),
        );
        if old_obj.is_some() || new_obj.is_some() {
            let (mut before, mut after) = (BTreeMap::new(), BTreeMap::new());
            if let Some(v) = &old_obj {
                flatten("", v, &mut before);
            }
            if let Some(v) = &new_obj {
                flatten("", v, &mut after);
            }
            let paths: std::collections::BTreeSet<&String> =
                before.keys().chain(after.keys()).collect();
            return paths
                .into_iter()
                .filter_map(|path| {
                    let o = before.get(path).and_then(|v| shown(v, Shown::Text));
                    let n = after.get(path).and_then(|v| shown(v, Shown::Text));
                    keep(&o, &n).then(|| FieldChange {
                        field: path.clone(),
                        label: path
                            .split('.')
                            .map(humanise)
                            .collect::<Vec<_>>()
                            .join(" › "),
                        old: o,
                        new: n,
                    })
                })
                .collect();
        }
    }
    let known = fields(table);
    let mut columns: Vec<(String, String, Shown)> = known
        .iter()
        .map(|(c, l, s)| (c.to_string(), l.to_string(), *s))
        .collect();
    let mut others: Vec<&String> = old
        .keys()
        .chain(new.keys())
        .filter(|c| !known.iter().any(|k| k.0 == c.as_str()))
        .collect();
    others.sort();
    others.dedup();
    columns.extend(
        others
            .into_iter()
            .map(|c| (c.clone(), humanise(c), Shown::Text)),
    );
    columns
        .into_iter()
        .filter(|(c, _, _)| !hidden(table, c))
        .filter_map(|(column, label, how)| {
            let o = old.get(&column).and_then(|v| shown(v, how));
            let n = new.get(&column).and_then(|v| shown(v, how));
            keep(&o, &n).then_some(FieldChange {
                field: column,
                label,
                old: o,
                new: n,
            })
        })
        .collect()
}

/// What the record is, in a few words, from its values after (or, once deleted, before).
fn summary(row: &AuditRow, kind: RecordKind) -> String {
    let values = if row.new_values.is_some() {
        parse(&row.new_values)
    } else {
        parse(&row.old_values)
    };
    let text = |k: &str| values.get(k).and_then(|v| shown(v, Shown::Text));
    let either = |name: Option<String>, fallback: &str| name.unwrap_or_else(|| fallback.into());
    match kind {
        RecordKind::Child => {
            let given = text("given_name").unwrap_or_default();
            let family = text("family_name").unwrap_or_default();
            format!("{given} {family}").trim().to_string()
        }
        RecordKind::Setting
        | RecordKind::Supplier
        | RecordKind::Contact
        | RecordKind::Item
        | RecordKind::AppFile => either(text("name"), kind.label()),
        RecordKind::SetupStep => {
            let n = values
                .get("position")
                .and_then(|v| shown(v, Shown::Ordinal));
            format!("Set-up step {}", n.unwrap_or_default())
        }
        RecordKind::Photo => match text("caption") {
            Some(caption) => format!("Photo: {caption}"),
            None => "Photo".into(),
        },
        RecordKind::ServiceRecord => format!(
            "{} on {}",
            humanise(&text("kind").unwrap_or_default()),
            text("date").unwrap_or_default()
        ),
        RecordKind::IssuedCopy => format!(
            "{} passport printed on {}",
            humanise(&text("audience").unwrap_or_default()),
            text("printed_on").unwrap_or_default()
        ),
        RecordKind::DfgCase => match text("postcode") {
            Some(postcode) => format!("DFG case ({postcode})"),
            None => "DFG case".into(),
        },
        RecordKind::DfgStage => format!(
            "DFG stage: {} on {}",
            humanise(&text("stage").unwrap_or_default()),
            text("date").unwrap_or_default()
        ),
        RecordKind::DfgAdaptation => either(text("kind").map(|k| humanise(&k)), kind.label()),
        RecordKind::DfgQuote => match text("contractor") {
            Some(c) => format!("Quote from {c}"),
            None => kind.label().into(),
        },
        RecordKind::DfgFunding | RecordKind::DfgNote => kind.label().into(),
        RecordKind::AppSetting => humanise(&row.record_id),
        RecordKind::HandlingTask => match text("task") {
            Some(task) => format!("Handling plan: {task}"),
            None => kind.label().into(),
        },
        RecordKind::Training => match (text("name"), text("trained_on")) {
            (Some(name), Some(on)) => format!("Training: {name} on {on}"),
            _ => kind.label().into(),
        },
        RecordKind::Schedule => {
            let what = match (text("kind"), text("name")) {
                (_, Some(name)) if !name.is_empty() => name,
                (Some(code), _) => ScheduleKind::from_code(&code)
                    .map_or_else(|| humanise(&code), |k| k.label().to_string()),
                (None, _) => kind.label().to_string(),
            };
            format!("Schedule: {what}")
        }
        RecordKind::SafetyNotice => match text("reference") {
            Some(reference) => format!("Safety notice {reference}"),
            None => kind.label().into(),
        },
        RecordKind::NoticeAction => match text("action") {
            Some(action) => format!("Safety notice action: {}", humanise(&action)),
            None => kind.label().into(),
        },
        RecordKind::EvacuationPlan => kind.label().into(),
    }
}

fn owner_and_position(record_id: &str) -> Option<(&str, i64)> {
    let (owner, position) = record_id.rsplit_once('#')?;
    Some((owner, position.parse().ok()?))
}

/// The tables whose rows are saved by deleting and writing them all again: an item's set-up
/// steps and a child's handling plan.
const REWRITTEN: [&str; 2] = ["item_steps", "handling_tasks"];

/// An item's set-up steps (and a child's handling plan) are saved by deleting and writing
/// them all again, so the log holds a run of deletes then creates for one owner, written one
/// after another. Such a run is shown
/// as what changed: steps that are the same vanish, a step whose text or photo differs becomes
/// one update, and only the steps really added or removed stay creates or deletes.
fn merge_step_rewrites(rows: Vec<AuditRow>) -> Vec<AuditRow> {
    let step_of = |r: &AuditRow, action: &str| -> Option<(String, i64)> {
        (REWRITTEN.contains(&r.table_name.as_str()) && r.action == action)
            .then(|| owner_and_position(&r.record_id))
            .flatten()
            .map(|(o, p)| (format!("{}/{o}", r.table_name), p))
    };
    let mut out = Vec::with_capacity(rows.len());
    let mut i = 0;
    while i < rows.len() {
        let Some((item, _)) = step_of(&rows[i], "delete") else {
            out.push(rows[i].clone());
            i += 1;
            continue;
        };
        let follows = |k: usize| rows[k].seq == rows[k - 1].seq + 1;
        let of_item = |k: usize, action: &str| {
            step_of(&rows[k], action).is_some_and(|(owner, _)| owner == item)
        };
        let mut j = i + 1;
        while j < rows.len() && of_item(j, "delete") && follows(j) {
            j += 1;
        }
        let mut k = j;
        while k < rows.len() && of_item(k, "create") && follows(k) {
            k += 1;
        }
        if k == j {
            // Deletes with no rewrite after them (the item itself was deleted).
            out.extend(rows[i..j].iter().cloned());
            i = j;
            continue;
        }
        let mut before: BTreeMap<i64, &AuditRow> = BTreeMap::new();
        let mut after: BTreeMap<i64, &AuditRow> = BTreeMap::new();
        for r in &rows[i..j] {
            before.insert(step_of(r, "delete").map(|s| s.1).unwrap_or_default(), r);
        }
        for r in &rows[j..k] {
            after.insert(step_of(r, "create").map(|s| s.1).unwrap_or_default(), r);
        }
        let positions: std::collections::BTreeSet<i64> =
            before.keys().chain(after.keys()).copied().collect();
        for p in positions {
            match (before.get(&p), after.get(&p)) {
                (Some(b), Some(a)) if b.old_values == a.new_values => {}
                (Some(b), Some(a)) => out.push(AuditRow {
                    action: "update".into(),
                    old_values: b.old_values.clone(),
                    ..(*a).clone()
                }),
                (Some(only), None) | (None, Some(only)) => out.push((*only).clone()),
                (None, None) => {}
            }
        }
        i = k;
    }
    out
}

fn entry(row: &AuditRow) -> Option<AuditEntry> {
    let kind = RecordKind::from_table(&row.table_name)?;
    let action = match row.action.as_str() {
        "create" => AuditAction::Create,
        "update" => AuditAction::Update,
        "delete" => AuditAction::Delete,
        _ => return None,
    };
    let at = NaiveDateTime::parse_from_str(&row.at, "%Y-%m-%dT%H:%M:%S%.fZ")
        .ok()?
        .and_utc();
    Some(AuditEntry {
        seq: row.seq,
        at,
        who: row.who.clone(),
        action,
        record: RecordRef::new(kind, &row.record_id),
        child_id: row.child_id.as_deref().and_then(|c| c.parse().ok()),
        summary: summary(row, kind),
        changes: changes(row),
    })
}

fn entries(rows: Vec<AuditRow>) -> Vec<AuditEntry> {
    merge_step_rewrites(rows).iter().filter_map(entry).collect()
}

/// The table a column points into when it holds the id of another record: History shows
/// that record's name (a school, a supplier, an item, a photo's caption), not its id.
fn points_to(table: &str, column: &str) -> Option<&'static str> {
    match (table, column) {
        ("children" | "issued_copies" | "training_records" | "evacuation_plans", "setting_id") => {
            Some("settings")
        }
        ("items", "provider_id" | "repair_supplier_id") => Some("suppliers"),
        ("photos" | "training_records" | "item_schedules" | "safety_notice_actions", "item_id")
        | ("handling_tasks", "equipment_id" | "sling_id")
        | ("evacuation_plans", "equipment_id") => Some("items"),
        ("children" | "item_steps", "photo_id") => Some("photos"),
        _ => None,
    }
}

/// What a photo without a caption is called where an entry names it.
const UNCAPTIONED_PHOTO: &str = "a photo";

impl Api {
    /// Reads each entry's ids of other records as those records' names; an id whose record
    /// was never named (or never seen by the trail) stays as it is.
    fn with_names(&self, mut entries: Vec<AuditEntry>) -> Result<Vec<AuditEntry>> {
        let conn = self.store.conn();
        let mut known: BTreeMap<(&'static str, String), Option<String>> = BTreeMap::new();
        for entry in &mut entries {
            let table = entry.record.kind.table();
            for change in &mut entry.changes {
                let Some(target) = points_to(table, &change.field) else {
                    continue;
                };
                for value in [&mut change.old, &mut change.new].into_iter().flatten() {
                    let key = (target, value.clone());
                    let name = match known.get(&key) {
                        Some(name) => name.clone(),
                        None => {
                            let name = trail::name_of(conn, target, value)?.or_else(|| {
                                (target == "photos").then(|| UNCAPTIONED_PHOTO.to_string())
                            });
                            known.insert(key, name.clone());
                            name
                        }
                    };
                    if let Some(name) = name {
                        *value = name;
                    }
                }
            }
        }
        Ok(entries)
    }
}

impl Api {
    /// Every change to one record, oldest first, with the changes to its parts (an item's
    /// set-up steps; a DFG stage's adaptations, quote and funding). A deleted record keeps its
    /// history.
    pub fn history(&self, record: impl Into<RecordRef>) -> Result<Vec<AuditEntry>> {
        let record = record.into();
        let rows = trail::for_record(
            self.store.conn(),
            record.kind.table(),
            &record.id,
            record.kind.parts(),
        )?;
        self.with_names(entries(rows))
    }

    /// Every change to a child and everything that belongs to them (contacts, equipment,
    /// photos, service records, printed copies, DFG cases), oldest first. It outlives the
    /// child: after a delete it ends with the deletion of each record.
    pub fn child_history(&self, child: ChildId) -> Result<Vec<AuditEntry>> {
        let rows = trail::for_child(self.store.conn(), &child.to_string())?;
        self.with_names(entries(rows))
    }

    /// Every change to one piece of equipment, oldest first, as its own screen shows it: the
    /// item and its set-up steps, and every photo and service record that was ever the item's.
    /// Ids of other records (the supplier, the item a photo is on) come as their names. A
    /// deleted item keeps its history, ending with its deletion.
    pub fn item_history(&self, item: ItemId) -> Result<Vec<AuditEntry>> {
        let rows = trail::for_item(self.store.conn(), &item.to_string())?;
        self.with_names(entries(rows))
    }

    /// An item's history as its screen shows it, in one call: the item's name (the last one
    /// recorded, once it is deleted), whose it is, and [`Api::item_history`].
    pub fn item_history_page(&self, item: ItemId) -> Result<HistoryPage> {
        let entries = self.item_history(item)?;
        let conn = self.store.conn();
        let subject = trail::name_of(conn, "items", &item.to_string())?
            .unwrap_or_else(|| "Equipment".to_string());
        let child_id = match crate::store::items::get(conn, item) {
            Ok(live) => Some(live.child_id),
            Err(_) => entries.iter().find_map(|e| e.child_id),
        };
        let child_name = match child_id {
            Some(child) => self.child_name_in_history(child)?,
            None => None,
        };
        Ok(HistoryPage {
            subject,
            child_id,
            child_name,
            entries,
        })
    }

    /// A child's history as its screen shows it, in one call: their name (the last one
    /// recorded, once they are deleted) and [`Api::child_history`].
    pub fn child_history_page(&self, child: ChildId) -> Result<HistoryPage> {
        let entries = self.child_history(child)?;
        let name = match self.child_name_in_history(child)? {
            Some(name) => Some(name),
            None => entries
                .iter()
                .rev()
                .find(|e| e.record.kind == RecordKind::Child && !e.summary.is_empty())
                .map(|e| e.summary.clone()),
        };
        Ok(HistoryPage {
            subject: name.clone().unwrap_or_else(|| "Child".to_string()),
            child_id: Some(child),
            child_name: name,
            entries,
        })
    }

    /// A child's display name while they are in the caseload.
    fn child_name_in_history(&self, child: ChildId) -> Result<Option<String>> {
        match crate::store::children::get(self.store.conn(), child) {
            Ok(found) => Ok(Some(found.details.display_name())),
            Err(crate::Error::NotFound { .. }) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// How many entries the audit trail holds.
    pub fn audit_entry_count(&self) -> Result<usize> {
        trail::count(self.store.conn())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(seq: i64, action: &str, record: &str, old: Option<&str>, new: Option<&str>) -> AuditRow {
        AuditRow {
            seq,
            at: "2026-11-22T09:00:00.000Z".into(),
            who: "Sam".into(),
            action: action.into(),
            table_name: "item_steps".into(),
            record_id: record.into(),
            child_id: None,
            old_values: old.map(String::from),
            new_values: new.map(String::from),
        }
    }

    #[test]
    fn a_rewrite_of_steps_shows_only_what_changed() {
        let a = r#"{"item_id":"i","position":0,"text":"Brakes on","photo_id":null}"#;
        let b = r#"{"item_id":"i","position":1,"text":"Check sling","photo_id":null}"#;
        let b2 = r#"{"item_id":"i","position":1,"text":"Check the sling label","photo_id":null}"#;
        let c = r#"{"item_id":"i","position":2,"text":"Two staff","photo_id":null}"#;
        let rows = vec![
            row(10, "delete", "i#0", Some(a), None),
            row(11, "delete", "i#1", Some(b), None),
            row(12, "create", "i#0", None, Some(a)),
            row(13, "create", "i#1", None, Some(b2)),
            row(14, "create", "i#2", None, Some(c)),
        ];
        let merged = entries(rows);
        assert_eq!(merged.len(), 2);
        assert_eq!(merged[0].action, AuditAction::Update);
        assert_eq!(merged[0].record.id, "i#1");
        assert_eq!(
            merged[0].changes,
            vec![FieldChange {
                field: "text".into(),
                label: "Instruction".into(),
                old: Some("Check sling".into()),
                new: Some("Check the sling label".into()),
            }]
        );
        assert_eq!(merged[1].action, AuditAction::Create);
        assert_eq!(merged[1].summary, "Set-up step 3");
    }

    #[test]
    fn deletes_not_followed_by_a_rewrite_stay_deletes() {
        let a = r#"{"item_id":"i","position":0,"text":"Brakes on","photo_id":null}"#;
        let other = r#"{"item_id":"j","position":0,"text":"Other","photo_id":null}"#;
        let rows = vec![
            row(1, "delete", "i#0", Some(a), None),
            row(2, "create", "j#0", None, Some(other)),
        ];
        let merged = entries(rows);
        assert_eq!(merged.len(), 2);
        assert_eq!(merged[0].action, AuditAction::Delete);
        assert_eq!(merged[1].action, AuditAction::Create);
    }

    /// The keys of every `json_object(...)` in an audit trigger: the fields it logs.
    fn logged_fields(trigger_sql: &str) -> Vec<String> {
        trigger_sql
            .split("json_object(")
            .skip(1)
            .flat_map(|args| {
                let args = args.split("END").next().unwrap_or_default();
                args.split('\'').skip(1).step_by(2).map(String::from)
            })
            .collect()
    }

    #[test]
    fn every_field_the_trail_logs_reads_under_a_label_or_is_the_owners_id() {
        let store = crate::store::Store::open_in_memory().unwrap();
        let mut stmt = store
            .conn()
            .prepare(
                "SELECT tbl_name, sql FROM sqlite_master
                 WHERE type = 'trigger' AND sql LIKE '%INSERT INTO audit_log%'",
            )
            .unwrap();
        let triggers: Vec<(String, String)> = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        assert!(triggers.len() >= 3 * KINDS.len());
        let mut unlabelled = Vec::new();
        let mut logged = Vec::new();
        for (table, sql) in &triggers {
            assert!(
                RecordKind::from_table(table).is_some(),
                "{table} has no kind"
            );
            for field in logged_fields(sql) {
                logged.push(format!("{table}.{field}"));
                let labelled = fields(table).iter().any(|(column, ..)| *column == field);
                if !labelled && !hidden(table, &field) {
                    unlabelled.push(format!("{table}.{field}"));
                }
            }
        }
        for expected in ["children.nhs_number", "photos.item_id", "app_files.size"] {
            assert!(logged.iter().any(|f| f == expected), "{expected} not found");
        }
        unlabelled.sort();
        unlabelled.dedup();
        assert!(unlabelled.is_empty(), "no label for {unlabelled:?}");
    }

    #[test]
    fn ids_of_other_records_are_shown_as_the_names_of_schools_suppliers_items_and_photos() {
        assert_eq!(points_to("children", "setting_id"), Some("settings"));
        assert_eq!(points_to("items", "repair_supplier_id"), Some("suppliers"));
        assert_eq!(points_to("photos", "item_id"), Some("items"));
        assert_eq!(points_to("handling_tasks", "sling_id"), Some("items"));
        assert_eq!(points_to("item_steps", "photo_id"), Some("photos"));
        assert_eq!(points_to("children", "nhs_number"), None);
    }

    #[test]
    fn money_and_flags_read_as_people_write_them() {
        assert_eq!(
            shown(&Value::from(123456), Shown::Pounds).unwrap(),
            "£1234.56"
        );
        assert_eq!(shown(&Value::from(5), Shown::Pounds).unwrap(), "£0.05");
        assert_eq!(shown(&Value::from(1), Shown::YesNo).unwrap(), "yes");
        assert_eq!(shown(&Value::from(0), Shown::Ordinal).unwrap(), "1");
        assert_eq!(shown(&Value::from(""), Shown::Text), None);
    }

    #[test]
    fn a_list_kept_as_json_reads_one_entry_a_line_and_an_empty_one_as_nothing() {
        let list = Value::from(r#"["Never lift me without two adults","Never tip me back"]"#);
        assert_eq!(
            shown(&list, Shown::Lines).unwrap(),
            "Never lift me without two adults\nNever tip me back"
        );
        assert_eq!(shown(&Value::from("[]"), Shown::Lines), None);
        assert_eq!(
            shown(&Value::from("not a list"), Shown::Lines).unwrap(),
            "not a list"
        );
    }
}
