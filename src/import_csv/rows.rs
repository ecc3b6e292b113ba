//! One spreadsheet row into an item: which child it is for, the item's details and its last
//! service, with every cell's problem reported against the cell's column.

use super::CsvRowError;
use super::columns::{Column, Header};
use crate::model::nhs_number;
use crate::model::search_text::fold;
use crate::model::{
    Category, ItemDetails, ItemStatus, Outcome, ScheduleDetails, ScheduleKind, ServiceIntervals,
    ServiceKind, ServiceRecordDetails, SlingDetails, WhereUsed,
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
    /// The `Review date` cell as a yearly review schedule, next due on that date.
    pub review: Option<ScheduleDetails>,
}

/// One row being read: its cells, and every problem found so far, each against its column.
struct Row<'r> {
    header: &'r Header,
    cells: &'r [String],
    line: usize,
    errors: Vec<CsvRowError>,
}

impl<'r> Row<'r> {
    fn add(&mut self, column: Column, message: impl Into<String>) {
        self.errors.push(CsvRowError {
            line: self.line,
            column: self.header.label(column),
            message: message.into(),
        });
    }

    /// The cell's text, trimmed ("" for a column the sheet does not have).
    fn cell(&self, column: Column) -> &'r str {
        self.header.cell(self.cells, column)
    }

    fn has(&self, column: Column) -> bool {
        !self.cell(column).is_empty()
    }

    /// The cell as a date, when it holds one; a cell that is not a date is reported.
    fn date(&mut self, column: Column) -> Option<NaiveDate> {
        match self.cell(column) {
            "" => None,
            text => parse_date(text).map_err(|m| self.add(column, m)).ok(),
        }
    }

    /// The cell as one of a closed list, when filled in; anything else is reported.
    fn optional_choice<T: Copy>(
        &mut self,
        column: Column,
        all: &[T],
        code: fn(T) -> &'static str,
        label: fn(T) -> &'static str,
        what: &str,
    ) -> Option<T> {
        match self.cell(column) {
            "" => None,
            text => choice(text, all, code, label, what)
                .map_err(|m| self.add(column, m))
                .ok(),
        }
    }
}

/// The last-service cells as they read, before the item is known to be valid.
struct LastServiceCells {
    date: Option<NaiveDate>,
    kind: Option<ServiceKind>,
    outcome: Option<Outcome>,
    next_due: Option<NaiveDate>,
}

/// Reads a row, or returns every problem in it.
pub fn parse_row(
    header: &Header,
    line: usize,
    cells: &[String],
    today: NaiveDate,
    intervals: &ServiceIntervals,
) -> Result<RowDraft, Vec<CsvRowError>> {
    let mut row = Row {
        header,
        cells,
        line,
        errors: Vec::new(),
    };
    let child = child_key(&mut row);
    let details = item_details(&mut row);
    let provider = Some(row.cell(Column::Provider).to_string()).filter(|s| !s.is_empty());
    let last = last_service_cells(&mut row);
    let review = row.date(Column::ReviewDate);
    let details = validated_item(&mut row, details, today);
    let review = details
        .as_ref()
        .and_then(|d| review.and_then(|on| review_schedule(&mut row, on, d, intervals, today)));
    let Some(details) = details.filter(|_| row.errors.is_empty()) else {
        return Err(row.errors);
    };
    let service = match last.date {
        None => None,
        Some(on) => Some(last_service(
            &mut row, &last, on, &details, intervals, today,
        )?),
    };
    Ok(RowDraft {
        line,
        child,
        provider,
        details,
        service,
        review,
    })
}

/// The review date as a review schedule (yearly, next due on the date), checked by the
/// model's rules and against the item's issue date; problems go under `Review date`.
fn review_schedule(
    row: &mut Row,
    on: NaiveDate,
    details: &ItemDetails,
    intervals: &ServiceIntervals,
    today: NaiveDate,
) -> Option<ScheduleDetails> {
    if details.issue_date.is_some_and(|issued| on < issued) {
        row.add(
            Column::ReviewDate,
            "the review date cannot be before the issue date",
        );
        return None;
    }
    let schedule = ScheduleDetails {
        kind: ScheduleKind::Review,
        name: String::new(),
        every_months: 12,
        last_done: None,
        next_due: Some(on),
    };
    match schedule.validated(details.category, intervals, today) {
        Ok(s) => Some(s),
        Err(e) => {
            for f in e.fields() {
                row.add(
                    Column::ReviewDate,
                    f.message.replace("next due date", "review date"),
                );
            }
            None
        }
    }
}

/// Who the row is for: the NHS number, or the given name, family name and date of birth.
fn child_key(row: &mut Row) -> ChildKey {
    let nhs = match row.cell(Column::NhsNumber) {
        "" => None,
        text => nhs_number::parse(text)
            .map_err(|m| row.add(Column::NhsNumber, m))
            .ok(),
    };
    let given = row.cell(Column::GivenName);
    let family = row.cell(Column::FamilyName);
    let dob = row.date(Column::DateOfBirth);
    let names = match (given.is_empty(), family.is_empty(), dob) {
        (false, false, Some(dob)) => Some((given.to_string(), family.to_string(), dob)),
        _ => None,
    };
    if !row.has(Column::NhsNumber) {
        require_names(row);
    }
    ChildKey {
        nhs_number: nhs,
        names,
    }
}

/// Without an NHS number the row must name the child in full: it says which cells are
/// missing, or asks for the NHS number when the sheet has no columns for the names.
fn require_names(row: &mut Row) {
    let names_columns = [Column::GivenName, Column::FamilyName, Column::DateOfBirth];
    if !names_columns.iter().all(|c| row.header.has(*c)) {
        row.add(
            Column::NhsNumber,
            "enter the child's NHS number, so the item goes to the right child",
        );
        return;
    }
    for column in names_columns {
        if !row.has(column) {
            row.add(
                column,
                "say which child this is for: give the NHS number, or the given name, family name and date of birth",
            );
        }
    }
}

/// The item's details as the cells give them, each problem reported against its cell.
fn item_details(row: &mut Row) -> ItemDetails {
    let category = category(row);
    let mut details = ItemDetails::new(
        category.unwrap_or(Category::Other),
        row.cell(Column::ItemName),
    );
    details.make = row.cell(Column::Make).into();
    details.model = row.cell(Column::Model).into();
    details.serial = row.cell(Column::Serial).into();
    details.lot = row.cell(Column::Lot).into();
    details.made_on = row.date(Column::MadeOn);
    details.size = row.cell(Column::Size).into();
    details.loan_number = row.cell(Column::LoanNumber).into();
    details.purpose = row.cell(Column::Purpose).into();
    details.therapist = row.cell(Column::Therapist).into();
    if let Some(place) = where_used(row) {
        details.where_used = place;
    }
    if let Some(status) = row.optional_choice(
        Column::Status,
        ItemStatus::ALL,
        ItemStatus::code,
        ItemStatus::label,
        "an equipment status",
    ) {
        details.status = status;
    }
    details.issue_date = row.date(Column::IssueDate);
    if let Some(n) = staff_needed(row, category) {
        details.staff_needed = n;
    }
    if let Some(sling) = sling(row, category) {
        details.sling = Some(sling);
    }
    details
}

/// The category, which every row must have.
fn category(row: &mut Row) -> Option<Category> {
    match row.cell(Column::Category) {
        "" => {
            row.add(Column::Category, "enter the category of equipment");
            None
        }
        text => choice(
            text,
            Category::ALL,
            Category::code,
            Category::label,
            "a category",
        )
        .map_err(|m| row.add(Column::Category, m))
        .ok(),
    }
}

/// Where the item is used: a place's code or label, or "home & school" and its spellings.
fn where_used(row: &mut Row) -> Option<WhereUsed> {
    let place = fold(row.cell(Column::WhereUsed)).replace(' ', "");
    if matches!(
        place.as_str(),
        "home&school" | "home/school" | "homeandschool"
    ) {
        return Some(WhereUsed::Both);
    }
    row.optional_choice(
        Column::WhereUsed,
        WhereUsed::ALL,
        WhereUsed::code,
        WhereUsed::label,
        "a place of use",
    )
}

/// How many staff the item needs (1 to 4), which a hoist or a sling must say.
fn staff_needed(row: &mut Row, category: Option<Category>) -> Option<u8> {
    match row.cell(Column::StaffNeeded) {
        "" if category.is_some_and(Category::lifts_people) => {
            row.add(
                Column::StaffNeeded,
                "say how many staff are needed to use this hoist or sling (1 to 4): it is printed on the passport",
            );
            None
        }
        "" => None,
        text => match text.parse::<u8>() {
            Ok(n) if (1..=4).contains(&n) => Some(n),
            _ => {
                row.add(
                    Column::StaffNeeded,
                    format!("'{text}' is not a number of staff: write 1, 2, 3 or 4"),
                );
                None
            }
        },
    }
}

/// A sling's details with its ID; a sling ID on anything else is reported.
fn sling(row: &mut Row, category: Option<Category>) -> Option<SlingDetails> {
    let sling_id = row.cell(Column::SlingId);
    match category {
        Some(Category::Sling) => Some(SlingDetails {
            sling_id: sling_id.to_string(),
            ..Default::default()
        }),
        Some(other) if !sling_id.is_empty() => {
            row.add(
                Column::SlingId,
                format!(
                    "a sling ID belongs to a sling, and this row is a {}: clear the cell or change the category",
                    other.label().to_lowercase()
                ),
            );
            None
        }
        _ => None,
    }
}

/// The last-service cells; any of them filled in without the service's date is reported.
fn last_service_cells(row: &mut Row) -> LastServiceCells {
    let cells = LastServiceCells {
        date: row.date(Column::LastServiceDate),
        kind: row.optional_choice(
            Column::ServiceType,
            &[ServiceKind::LolerExamination, ServiceKind::Service],
            ServiceKind::code,
            ServiceKind::label,
            "a service type (loler or service)",
        ),
        outcome: row.optional_choice(
            Column::ServiceOutcome,
            Outcome::ALL,
            Outcome::code,
            Outcome::label,
            "an outcome",
        ),
        next_due: row.date(Column::NextDue),
    };
    if !row.has(Column::LastServiceDate) {
        for column in [
            Column::ServiceType,
            Column::ServicedBy,
            Column::ServiceOutcome,
            Column::NextDue,
            Column::ServiceNotes,
        ] {
            if row.has(column) {
                row.add(
                    column,
                    format!(
                        "this belongs to the item's last service: give its date in '{}' too, or clear the cell",
                        row.header.label(Column::LastServiceDate)
                    ),
                );
            }
        }
    }
    cells
}

/// The model's own rules, for the cells that read cleanly (a cell already reported is not
/// reported twice).
fn validated_item(row: &mut Row, details: ItemDetails, today: NaiveDate) -> Option<ItemDetails> {
    match details.validated(today) {
        Ok(d) => Some(d),
        Err(e) => {
            for f in e.fields() {
                let column = item_column(&f.field);
                let label = row.header.label(column);
                if !row.errors.iter().any(|e| e.column == label) {
                    row.add(column, f.message.clone());
                }
            }
            None
        }
    }
}

/// The item's last service on `on`, checked by the model's rules and against the item's
/// issue date. A service type the sheet leaves out is the one the category needs; an outcome
/// left out is a pass.
fn last_service(
    row: &mut Row,
    cells: &LastServiceCells,
    on: NaiveDate,
    details: &ItemDetails,
    intervals: &ServiceIntervals,
    today: NaiveDate,
) -> Result<ServiceRecordDetails, Vec<CsvRowError>> {
    let record = ServiceRecordDetails {
        kind: cells.kind.unwrap_or(if details.category.lifts_people() {
            ServiceKind::LolerExamination
        } else {
            ServiceKind::Service
        }),
        date: on,
        by_whom: match row.cell(Column::ServicedBy) {
            "" => SERVICED_BY_UNKNOWN.to_string(),
            who => who.to_string(),
        },
        outcome: cells.outcome.unwrap_or(Outcome::Pass),
        notes: row.cell(Column::ServiceNotes).to_string(),
        next_due: cells.next_due,
        examination: None,
    };
    match record.validated(details.category, intervals, today) {
        Ok(r) => {
            if let Some(issued) = details.issue_date
                && r.date < issued
            {
                row.add(
                    Column::LastServiceDate,
                    "this is before the item's issue date: check both dates",
                );
                return Err(std::mem::take(&mut row.errors));
            }
            Ok(r)
        }
        Err(e) => {
            for f in e.fields() {
                row.add(service_column(&f.field), f.message.clone());
            }
            Err(std::mem::take(&mut row.errors))
        }
    }
}

/// The column a validation error on an item field belongs to.
pub fn item_column(field: &str) -> Column {
    match field {
        "make" => Column::Make,
        "model" => Column::Model,
        "serial" => Column::Serial,
        "lot" => Column::Lot,
        "made_on" => Column::MadeOn,
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
