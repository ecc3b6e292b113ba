//! One spreadsheet row into an item: which child it is for, the item's details and its last
//! service, with every cell's problem reported against the cell's column.

use super::CsvRowError;
use super::columns::{Column, Header};
use crate::model::nhs_number;
use crate::model::search_text::fold;
use crate::model::{
    Category, ItemDetails, ItemStatus, Outcome, ServiceIntervals, ServiceKind,
    ServiceRecordDetails, SlingDetails, WhereUsed,
};
use chrono::NaiveDate;

/// Recorded as who did a service the spreadsheet does not name.
pub const SERVICED_BY_UNKNOWN: &str = "not recorded (spreadsheet import)";

/// Who a row is for, as the row identifies them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChildKey {
    /// Ten digits.
    pub nhs_number: Option<String>,
    /// Given name, family name, date of birth.
    pub names: Option<(String, String, NaiveDate)>,
}

/// A row that read cleanly and passed the item's (and service record's) validation.
#[derive(Debug, Clone)]
pub struct RowDraft {
    pub line: usize,
    pub child: ChildKey,
    /// The supplier named in `Provider`, to find in the directory.
    pub provider: Option<String>,
    pub details: ItemDetails,
    pub service: Option<ServiceRecordDetails>,
}

/// Collects one row's problems.
struct Problems<'h> {
    header: &'h Header,
    line: usize,
    errors: Vec<CsvRowError>,
}

impl Problems<'_> {
    fn add(&mut self, column: Column, message: impl Into<String>) {
        self.errors.push(CsvRowError {
            line: self.line,
            column: self.header.label(column),
            message: message.into(),
        });
    }
}

/// Reads a row, or returns every problem in it.
pub fn parse_row(
    header: &Header,
    line: usize,
    cells: &[String],
    today: NaiveDate,
    intervals: &ServiceIntervals,
) -> Result<RowDraft, Vec<CsvRowError>> {
    let mut p = Problems {
        header,
        line,
        errors: Vec::new(),
    };
    let cell = |c: Column| header.cell(cells, c);
    let date = |p: &mut Problems, c: Column| -> Option<NaiveDate> {
        let text = header.cell(cells, c);
        if text.is_empty() {
            return None;
        }
        parse_date(text).map_err(|m| p.add(c, m)).ok()
    };

    // The child.
    let nhs = match cell(Column::NhsNumber) {
        "" => None,
        text => nhs_number::parse(text)
            .map_err(|m| p.add(Column::NhsNumber, m))
            .ok(),
    };
    let nhs_given = !cell(Column::NhsNumber).is_empty();
    let given = cell(Column::GivenName);
    let family = cell(Column::FamilyName);
    let dob = date(&mut p, Column::DateOfBirth);
    let dob_given = !cell(Column::DateOfBirth).is_empty();
    let names = match (given.is_empty(), family.is_empty(), dob) {
        (false, false, Some(dob)) => Some((given.to_string(), family.to_string(), dob)),
        _ => None,
    };
    let names_columns = [Column::GivenName, Column::FamilyName, Column::DateOfBirth];
    if !nhs_given && !names_columns.iter().all(|c| header.has(*c)) {
        p.add(
            Column::NhsNumber,
            "enter the child's NHS number, so the item goes to the right child",
        );
    } else if !nhs_given {
        for (column, missing) in [
            (Column::GivenName, given.is_empty()),
            (Column::FamilyName, family.is_empty()),
            (Column::DateOfBirth, !dob_given),
        ] {
            if missing {
                p.add(
                    column,
                    "say which child this is for: give the NHS number, or the given name, family name and date of birth",
                );
            }
        }
    }

    // The item.
    let category = match cell(Column::Category) {
        "" => {
            p.add(Column::Category, "enter the category of equipment");
            None
        }
        text => choice(
            text,
            Category::ALL,
            Category::code,
            Category::label,
            "a category",
        )
        .map_err(|m| p.add(Column::Category, m))
        .ok(),
    };
    let mut details = ItemDetails::new(category.unwrap_or(Category::Other), cell(Column::ItemName));
    details.make = cell(Column::Make).into();
    details.model = cell(Column::Model).into();
    details.serial = cell(Column::Serial).into();
    details.size = cell(Column::Size).into();
    details.loan_number = cell(Column::LoanNumber).into();
    details.purpose = cell(Column::Purpose).into();
    details.therapist = cell(Column::Therapist).into();
    let place = fold(cell(Column::WhereUsed)).replace(' ', "");
    if matches!(
        place.as_str(),
        "home&school" | "home/school" | "homeandschool"
    ) {
        details.where_used = WhereUsed::Both;
    } else if let Some(w) = optional_choice(
        &mut p,
        cells,
        Column::WhereUsed,
        WhereUsed::ALL,
        WhereUsed::code,
        WhereUsed::label,
        "a place of use",
    ) {
        details.where_used = w;
    }
    if let Some(s) = optional_choice(
        &mut p,
        cells,
        Column::Status,
        ItemStatus::ALL,
        ItemStatus::code,
        ItemStatus::label,
        "an equipment status",
    ) {
        details.status = s;
    }
    details.issue_date = date(&mut p, Column::IssueDate);
    details.review_date = date(&mut p, Column::ReviewDate);
    match cell(Column::StaffNeeded) {
        "" if category.is_some_and(Category::lifts_people) => p.add(
            Column::StaffNeeded,
            "say how many staff are needed to use this hoist or sling (1 to 4): it is printed on the passport",
        ),
        "" => {}
        text => match text.parse::<u8>() {
            Ok(n) if (1..=4).contains(&n) => details.staff_needed = n,
            _ => p.add(
                Column::StaffNeeded,
                format!("'{text}' is not a number of staff: write 1, 2, 3 or 4"),
            ),
        },
    }
    let sling_id = cell(Column::SlingId);
    match category {
        Some(Category::Sling) => {
            details.sling = Some(SlingDetails {
                sling_id: sling_id.to_string(),
                ..Default::default()
            })
        }
        Some(other) if !sling_id.is_empty() => p.add(
            Column::SlingId,
            format!(
                "a sling ID belongs to a sling, and this row is a {}: clear the cell or change the category",
                other.label().to_lowercase()
            ),
        ),
        _ => {}
    }
    let provider = Some(cell(Column::Provider).to_string()).filter(|s| !s.is_empty());

    // The last service.
    let last = date(&mut p, Column::LastServiceDate);
    let last_given = !cell(Column::LastServiceDate).is_empty();
    let kind = optional_choice(
        &mut p,
        cells,
        Column::ServiceType,
        &[ServiceKind::LolerExamination, ServiceKind::Service],
        ServiceKind::code,
        ServiceKind::label,
        "a service type (loler or service)",
    );
    let outcome = optional_choice(
        &mut p,
        cells,
        Column::ServiceOutcome,
        Outcome::ALL,
        Outcome::code,
        Outcome::label,
        "an outcome",
    );
    let next_due = date(&mut p, Column::NextDue);
    if !last_given {
        for column in [
            Column::ServiceType,
            Column::ServicedBy,
            Column::ServiceOutcome,
            Column::NextDue,
            Column::ServiceNotes,
        ] {
            if !cell(column).is_empty() {
                p.add(
                    column,
                    format!(
                        "this belongs to the item's last service: give its date in '{}' too, or clear the cell",
                        header.label(Column::LastServiceDate)
                    ),
                );
            }
        }
    }

    // The model's own rules, for the cells that read cleanly (a cell already reported is not
    // reported twice).
    let details = match details.validated(today) {
        Ok(d) => Some(d),
        Err(e) => {
            for f in e.fields() {
                let column = item_column(&f.field);
                let label = header.label(column);
                if !p.errors.iter().any(|e| e.column == label) {
                    p.add(column, f.message.clone());
                }
            }
            None
        }
    };
    let Some(details) = details.filter(|_| p.errors.is_empty()) else {
        return Err(p.errors);
    };
    let service = match last {
        None => None,
        Some(on) => {
            let record = ServiceRecordDetails {
                kind: kind.unwrap_or(if details.category.lifts_people() {
                    ServiceKind::LolerExamination
                } else {
                    ServiceKind::Service
                }),
                date: on,
                by_whom: match cell(Column::ServicedBy) {
                    "" => SERVICED_BY_UNKNOWN.to_string(),
                    who => who.to_string(),
                },
                outcome: outcome.unwrap_or(Outcome::Pass),
                notes: cell(Column::ServiceNotes).to_string(),
                next_due,
            };
            match record.validated(details.category, intervals, today) {
                Ok(r) => {
                    if let Some(issued) = details.issue_date
                        && r.date < issued
                    {
                        p.add(
                            Column::LastServiceDate,
                            "this is before the item's issue date: check both dates",
                        );
                        return Err(p.errors);
                    }
                    Some(r)
                }
                Err(e) => {
                    for f in e.fields() {
                        p.add(service_column(&f.field), f.message.clone());
                    }
                    return Err(p.errors);
                }
            }
        }
    };
    Ok(RowDraft {
        line,
        child: ChildKey {
            nhs_number: nhs,
            names,
        },
        provider,
        details,
        service,
    })
}

/// The column a validation error on an item field belongs to.
pub fn item_column(field: &str) -> Column {
    match field {
        "make" => Column::Make,
        "model" => Column::Model,
        "serial" => Column::Serial,
        "size" => Column::Size,
        "loan_number" => Column::LoanNumber,
        "therapist" => Column::Therapist,
        "purpose" => Column::Purpose,
        "issue_date" => Column::IssueDate,
        "review_date" => Column::ReviewDate,
        "staff_needed" => Column::StaffNeeded,
        "provider_id" => Column::Provider,
        f if f.starts_with("sling") => Column::SlingId,
        "category" => Column::Category,
        _ => Column::ItemName,
    }
}

pub fn service_column(field: &str) -> Column {
    match field {
        "by_whom" => Column::ServicedBy,
        "notes" => Column::ServiceNotes,
        "next_due" => Column::NextDue,
        _ => Column::LastServiceDate,
    }
}

fn optional_choice<T: Copy>(
    p: &mut Problems,
    cells: &[String],
    column: Column,
    all: &[T],
    code: fn(T) -> &'static str,
    label: fn(T) -> &'static str,
    what: &str,
) -> Option<T> {
    match p.header.cell(cells, column) {
        "" => None,
        text => choice(text, all, code, label, what)
            .map_err(|m| p.add(column, m))
            .ok(),
    }
}

/// One of a closed list, by its code or its label (ignoring case, spaces and accents).
fn choice<T: Copy>(
    text: &str,
    all: &[T],
    code: fn(T) -> &'static str,
    label: fn(T) -> &'static str,
    what: &str,
) -> Result<T, String> {
    let key = |s: &str| -> String { fold(s).chars().filter(|c| c.is_alphanumeric()).collect() };
    let wanted = key(text);
    all.iter()
        .copied()
        .find(|&v| key(code(v)) == wanted || key(label(v)) == wanted)
        .ok_or_else(|| {
            let labels: Vec<String> = all
                .iter()
                .map(|&v| format!("{} ({})", label(v), code(v)))
                .collect();
            format!("'{text}' is not {what}: use one of {}", labels.join(", "))
        })
}

/// A date written day first (22/11/2026, 22-11-2026, 22.11.2026) or ISO (2026-11-22).
pub fn parse_date(text: &str) -> Result<NaiveDate, String> {
    let mut t = text.trim();
    for midnight in [" 00:00:00", " 00:00", "T00:00:00"] {
        if let Some(date) = t.strip_suffix(midnight) {
            t = date.trim();
        }
    }
    let parts: Vec<&str> = t.split(['/', '-', '.']).collect();
    let bad = || {
        format!("'{text}' is not a date: write it day/month/year, like 22/11/2026, or 2026-11-22")
    };
    let [a, b, c] = parts.as_slice() else {
        return Err(bad());
    };
    if ![a, b, c]
        .iter()
        .all(|s| !s.is_empty() && s.chars().all(|ch| ch.is_ascii_digit()))
    {
        return Err(bad());
    }
    let num = |s: &str| s.parse::<u32>().map_err(|_| bad());
    let (year, month, day) = if a.len() == 4 {
        (num(a)?, num(b)?, num(c)?)
    } else if c.len() == 4 {
        (num(c)?, num(b)?, num(a)?)
    } else if c.len() <= 2 && a.len() <= 2 {
        return Err(format!(
            "'{text}' has a two-digit year: write the year in full, like 22/11/2026, so 19 cannot be read as 1919 or 2019"
        ));
    } else {
        return Err(bad());
    };
    NaiveDate::from_ymd_opt(year as i32, month, day).ok_or_else(|| {
        if month > 12 && day <= 12 {
            format!(
                "'{text}' is not a date: the month comes second (day/month/year), like 22/11/2026"
            )
        } else {
            format!("'{text}' is not a date in the calendar: check the day and month")
        }
    })
}

/// Whether two names are the same once case, accents and punctuation are set aside.
pub fn same_name(a: &str, b: &str) -> bool {
    let key = |s: &str| -> Vec<String> { fold(s).split_whitespace().map(str::to_string).collect() };
    key(a) == key(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn dates_are_day_first_or_iso_with_full_years() {
        assert_eq!(parse_date("22/11/2026"), Ok(d(2026, 11, 22)));
        assert_eq!(parse_date("2026-11-22"), Ok(d(2026, 11, 22)));
        assert_eq!(parse_date("1.2.2020"), Ok(d(2020, 2, 1)));
        assert_eq!(parse_date("22/11/2026 00:00"), Ok(d(2026, 11, 22)));
        assert!(
            parse_date("22/11/26")
                .unwrap_err()
                .contains("two-digit year")
        );
        assert!(
            parse_date("11/22/2026")
                .unwrap_err()
                .contains("month comes second")
        );
        assert!(parse_date("31/02/2026").unwrap_err().contains("calendar"));
        assert!(
            parse_date("next week")
                .unwrap_err()
                .contains("is not a date")
        );
    }

    #[test]
    fn choices_take_codes_or_labels() {
        let pick = |t| {
            choice(
                t,
                Category::ALL,
                Category::code,
                Category::label,
                "a category",
            )
        };
        assert_eq!(pick("Standing frame"), Ok(Category::StandingFrame));
        assert_eq!(pick("standing-frame"), Ok(Category::StandingFrame));
        assert_eq!(pick("SLEEP_SYSTEM"), Ok(Category::SleepSystem));
        assert!(
            pick("Trampoline")
                .unwrap_err()
                .contains("Standing frame (standing-frame)")
        );
    }

    #[test]
    fn names_match_ignoring_case_accents_and_apostrophes() {
        assert!(same_name("zoe o'brien", "Zoë OBrien"));
        assert!(!same_name("Zoe", "Zoey"));
    }
}
