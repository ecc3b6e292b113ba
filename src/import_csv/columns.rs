//! The documented column set of an equipment spreadsheet.
//!
//! One row is one piece of equipment belonging to one child already on the caseload. The first
//! row holds the column names. Names are matched ignoring case, spaces, underscores and
//! punctuation, so `Item name`, `ITEM_NAME` and `item-name` are the same column; the names in
//! brackets are accepted too. Columns may come in any order, and any column but the required
//! ones may be left out. A column the app does not know is an error (so a misspelt `Reveiw
//! date` is not silently dropped); to keep a column of your own in the file, start its name
//! with `#` and it is ignored.
//!
//! **The child** (required: the NHS number, or all three of given name, family name and date
//! of birth; a row may use either):
//!
//! | Column | Contents |
//! |---|---|
//! | `NHS number` (`NHS no`) | 10 digits, spaces allowed (943 476 5919) |
//! | `Given name` (`First name`, `Forename`) | as on the caseload (case and accents ignored) |
//! | `Family name` (`Last name`, `Surname`) | |
//! | `Date of birth` (`DOB`) | |
//!
//! When a row gives both the NHS number and the name and date of birth, they must belong to
//! the same child. A child not on the caseload is an error: the import never creates children,
//! because a child's record needs consent, a setting and checks that a spreadsheet row cannot
//! carry, and a misspelt name would otherwise become a second, duplicate child.
//!
//! **The item** (`Category` and `Item name` are required columns and cells):
//!
//! | Column | Contents |
//! |---|---|
//! | `Category` | a code (`standing-frame`) or the label (`Standing frame`): seating, standing-frame, walker, hoist, sling, bathing, toileting, sleep-system, splint, transport-seat, wheelchair, special-buggy, other |
//! | `Item name` (`Name`, `Equipment`) | e.g. "Kaye walker" |
//! | `Make` (`Manufacturer`), `Model`, `Size` | free text, one line |
//! | `Serial` (`Serial number`, `Asset tag`) | serial number or asset tag |
//! | `Lot` (`Lot number`, `Batch`) | the lot or batch number on the label (GS1 AI 10) |
//! | `Made on` (`Date of manufacture`, `Manufactured`) | the date of manufacture on the label (GS1 AI 11) |
//! | `Where used` | `home`, `school` or `both` (or `Home and school`); blank means school |
//! | `Provider` (`Supplier`, `Provided by`) | the name of a supplier already in the app's directory |
//! | `Loan number` (`Loan no`) | |
//! | `Issue date`, `Review date` | dates |
//! | `Purpose` | what it is for (may run over several lines) |
//! | `Status` | `in-use`, `awaiting-repair`, `withdrawn`, `returned` (or their labels); blank means in use |
//! | `Staff needed` (`Staff`) | 1 to 4; blank means 1, except for a hoist or sling, where it must be given |
//! | `Therapist` | the responsible therapist |
//! | `Sling ID` | a sling's own id from its label: required for a sling |
//!
//! **The last service** (optional; a `Last service date` creates an entry in the item's service
//! log, from which the due list works out what is next):
//!
//! | Column | Contents |
//! |---|---|
//! | `Last service date` (`Last LOLER`, `Last LOLER date`, `Last serviced`) | date of the last LOLER examination or service |
//! | `Service type` | `loler` or `service` (or their labels); blank means LOLER for a hoist or sling, a service otherwise |
//! | `Serviced by` | engineer or company; blank records "not recorded (spreadsheet import)" |
//! | `Service outcome` (`Outcome`) | `pass`, `advisory` or `fail`; blank means pass |
//! | `Next due` (`Next LOLER`, `Next service due`) | blank follows the configured intervals (6 months for a hoist's LOLER) |
//! | `Service notes` (`Notes`) | defects, parts replaced, advice: kept with the service record, so it needs a `Last service date` |
//!
//! **Dates** are day first, `22/11/2026` (also `22-11-2026` and `22.11.2026`), or ISO
//! `2026-11-22`; a time of midnight after the date (as some spreadsheets add) is ignored.
//! Two-digit years (`22/11/26`) are refused: a child's date of birth in `19` could be 1919
//! or 2019, and a wrong guess would attach equipment to the wrong record.
//!
//! **The file**: comma-, semicolon- or tab-separated (found from the header row, or from a
//! first line `sep=;` as Excel understands it), UTF-8 with or without a byte order mark
//! (Excel's "CSV UTF-8"), or Windows-1252 (Excel's older "CSV (Comma delimited)"); at most
//! [`super::MAX_ROWS`] rows (10,000) and [`super::MAX_BYTES`] bytes (10 MB). Blank rows are
//! skipped; line breaks inside quoted cells are kept. Error line numbers are the row numbers
//! a spreadsheet shows (the header is row 1), even when a cell holds several lines.
//!
//! A file is refused whole, naming the line of the file to correct, when a cell's opening
//! quote is never closed (or closes with more of the cell after it), when it mixes UTF-8 with
//! another encoding, and when it is UTF-16 (Excel's "Unicode text").

use crate::error::FieldError;
use std::collections::HashMap;

/// One column the import understands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Column {
    NhsNumber,
    GivenName,
    FamilyName,
    DateOfBirth,
    Category,
    ItemName,
    Make,
    Model,
    Serial,
    Lot,
    MadeOn,
    Size,
    WhereUsed,
    Provider,
    LoanNumber,
    IssueDate,
    Purpose,
    Status,
    ReviewDate,
    StaffNeeded,
    Therapist,
    SlingId,
    LastServiceDate,
    ServiceType,
    ServicedBy,
    ServiceOutcome,
    NextDue,
    ServiceNotes,
}

impl Column {
    /// Every column, in the order of the sample template.
    pub const ALL: &'static [Column] = &[
        Column::NhsNumber,
        Column::GivenName,
        Column::FamilyName,
        Column::DateOfBirth,
        Column::Category,
        Column::ItemName,
        Column::Make,
        Column::Model,
        Column::Serial,
        Column::Lot,
        Column::MadeOn,
        Column::Size,
        Column::WhereUsed,
        Column::Provider,
        Column::LoanNumber,
        Column::IssueDate,
        Column::Purpose,
        Column::Status,
        Column::ReviewDate,
        Column::StaffNeeded,
        Column::Therapist,
        Column::SlingId,
        Column::LastServiceDate,
        Column::ServiceType,
        Column::ServicedBy,
        Column::ServiceOutcome,
        Column::NextDue,
        Column::ServiceNotes,
    ];

    /// The column's documented name, as in the sample template.
    pub fn name(self) -> &'static str {
        self.names()[0]
    }

    /// The documented name first, then the other names accepted for it.
    pub fn names(self) -> &'static [&'static str] {
        match self {
            Column::NhsNumber => &["NHS number", "NHS no"],
            Column::GivenName => &["Given name", "First name", "Forename"],
            Column::FamilyName => &["Family name", "Last name", "Surname"],
            Column::DateOfBirth => &["Date of birth", "DOB"],
            Column::Category => &["Category"],
            Column::ItemName => &["Item name", "Name", "Equipment"],
            Column::Make => &["Make", "Manufacturer"],
            Column::Model => &["Model"],
            Column::Serial => &["Serial", "Serial number", "Asset tag"],
            Column::Lot => &["Lot", "Lot number", "Batch"],
            Column::MadeOn => &["Made on", "Date of manufacture", "Manufactured"],
            Column::Size => &["Size"],
            Column::WhereUsed => &["Where used"],
            Column::Provider => &["Provider", "Supplier", "Provided by"],
            Column::LoanNumber => &["Loan number", "Loan no"],
            Column::IssueDate => &["Issue date"],
            Column::Purpose => &["Purpose"],
            Column::Status => &["Status"],
            Column::ReviewDate => &["Review date"],
            Column::StaffNeeded => &["Staff needed", "Staff"],
            Column::Therapist => &["Therapist"],
            Column::SlingId => &["Sling ID"],
            Column::LastServiceDate => &[
                "Last service date",
                "Last LOLER",
                "Last LOLER date",
                "Last serviced",
            ],
            Column::ServiceType => &["Service type"],
            Column::ServicedBy => &["Serviced by"],
            Column::ServiceOutcome => &["Service outcome", "Outcome"],
            Column::NextDue => &["Next due", "Next LOLER", "Next service due"],
            Column::ServiceNotes => &["Service notes", "Notes"],
        }
    }

    /// The column a header names, if any.
    pub fn from_header(header: &str) -> Option<Column> {
        let wanted = fold_header(header);
        Column::ALL
            .iter()
            .copied()
            .find(|c| c.names().iter().any(|n| fold_header(n) == wanted))
    }
}

/// A header as compared: lower case, letters and digits only.
fn fold_header(header: &str) -> String {
    header
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The file's header row understood: which position holds which column, under the name the
/// file gives it (so errors name the column as the person sees it).
#[derive(Debug, Clone)]
pub struct Header {
    positions: HashMap<Column, (usize, String)>,
}

impl Header {
    /// Reads the header row. Every problem with it is reported at once, each as a field error
    /// named after the column (or `header`).
    pub fn parse(cells: &[String]) -> Result<Header, Vec<FieldError>> {
        let mut positions: HashMap<Column, (usize, String)> = HashMap::new();
        let mut problems = Vec::new();
        let mut unknown = Vec::new();
        for (i, cell) in cells.iter().enumerate() {
            let text = cell.trim();
            if text.is_empty() || text.starts_with('#') {
                continue;
            }
            match Column::from_header(text) {
                Some(column) => {
                    if let Some((_, first)) = positions.get(&column) {
                        problems.push(FieldError::new(
                            text,
                            format!(
                                "the column '{text}' is the same as '{first}' (both are {}): keep one of them",
                                column.name()
                            ),
                        ));
                    } else {
                        positions.insert(column, (i, text.to_string()));
                    }
                }
                None => unknown.push(text.to_string()),
            }
        }
        if !unknown.is_empty() {
            let known: Vec<&str> = Column::ALL.iter().map(|c| c.name()).collect();
            let quoted: Vec<String> = unknown.iter().map(|u| format!("'{u}'")).collect();
            problems.push(FieldError::new(
                "header",
                format!(
                    "{} {} not a column the import knows (check the spelling, or start the column's name with # to have it ignored). The columns are: {}",
                    quoted.join(", "),
                    if unknown.len() == 1 { "is" } else { "are" },
                    known.join(", ")
                ),
            ));
        }
        let mut missing = Vec::new();
        for required in [Column::Category, Column::ItemName] {
            if !positions.contains_key(&required) {
                missing.push(required.name());
            }
        }
        let by_names = [Column::GivenName, Column::FamilyName, Column::DateOfBirth];
        let has_names = by_names.iter().all(|c| positions.contains_key(c));
        if !positions.contains_key(&Column::NhsNumber) && !has_names {
            missing.push("NHS number (or Given name, Family name and Date of birth)");
        }
        if !missing.is_empty() {
            problems.push(FieldError::new(
                "header",
                format!(
                    "the first row must name the columns, and these required ones are missing: {}",
                    missing.join("; ")
                ),
            ));
        }
        if problems.is_empty() {
            Ok(Header { positions })
        } else {
            Err(problems)
        }
    }

    /// The cell of `column` in a row, trimmed; empty when the column is absent.
    pub fn cell<'r>(&self, row: &'r [String], column: Column) -> &'r str {
        self.positions
            .get(&column)
            .and_then(|(i, _)| row.get(*i))
            .map(|s| s.trim())
            .unwrap_or("")
    }

    pub fn has(&self, column: Column) -> bool {
        self.positions.contains_key(&column)
    }

    /// The column's name as the file spells it, or its documented name.
    pub fn label(&self, column: Column) -> String {
        self.positions
            .get(&column)
            .map(|(_, name)| name.clone())
            .unwrap_or_else(|| column.name().to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn headers_match_ignoring_case_spaces_underscores_and_aliases() {
        let h = Header::parse(&row(&["nhs_no", "CATEGORY", "item-name", " Surname "])).unwrap();
        assert!(h.has(Column::NhsNumber) && h.has(Column::FamilyName));
        assert_eq!(h.label(Column::ItemName), "item-name");
        assert_eq!(
            h.cell(&row(&["1", "hoist", " Hoist A ", "x"]), Column::ItemName),
            "Hoist A"
        );
    }

    #[test]
    fn unknown_columns_list_the_known_ones_and_hash_columns_are_ignored() {
        let err = Header::parse(&row(&[
            "NHS number",
            "Category",
            "Name",
            "Colour",
            "# mine",
        ]))
        .unwrap_err();
        assert_eq!(err.len(), 1);
        assert!(err[0].message.starts_with("'Colour' is not a column"));
        assert!(err[0].message.contains("Last service date"));
    }

    #[test]
    fn missing_required_columns_are_one_error() {
        let err = Header::parse(&row(&["Make", "Model"])).unwrap_err();
        assert_eq!(err.len(), 1);
        assert!(err[0].message.contains("Category; Item name; NHS number"));
    }
}
