//! Importing an equipment spreadsheet saved as CSV (the column set is documented in
//! [`crate::import_csv::columns`]): a dry run, all rows or none, or the good rows only.

use super::Api;
use crate::error::{Error, Result};
use crate::import_csv::columns::{Column, Header};
use crate::import_csv::rows::{self, ChildKey, RowDraft, same_name};
use crate::import_csv::{CsvRowError, TextEncoding, read_table};
use crate::model::search_text::fold;
use crate::model::{
    Category, ChildId, ItemDetails, ScheduleDetails, ServiceRecordDetails, SupplierId,
};
use crate::store::children::{self, ChildSearch};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeSet, HashMap};

/// What the import does with the rows it has read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum CsvImportMode {
    /// Checks every row as a real import would, and writes nothing.
    DryRun,
    /// Writes every row if every row is good; otherwise writes nothing.
    AllOrNothing,
    /// Writes the good rows (in one transaction) and reports the others.
    GoodRowsOnly,
}

/// What an import found and did.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CsvImportReport {
    pub mode: CsvImportMode,
    /// Rows after the header, not counting blank rows.
    pub rows: usize,
    /// Rows without a problem: written, or (in a dry run or a refused import) ready to be.
    pub good_rows: usize,
    /// Rows with at least one problem.
    pub bad_rows: usize,
    /// Whether anything was written to the caseload.
    pub written: bool,
    pub items_created: usize,
    pub service_records_created: usize,
    /// Every problem, in row order.
    pub errors: Vec<CsvRowError>,
    /// The separator found in the header row: `,`, `;` or a tab.
    pub delimiter: String,
    pub encoding: TextEncoding,
}

/// A row matched to its child and supplier, ready to write.
struct ReadyRow {
    line: usize,
    child: ChildId,
    details: ItemDetails,
    service: Option<ServiceRecordDetails>,
    review: Option<ScheduleDetails>,
}

impl Api {
    /// Imports an equipment spreadsheet. A file that cannot be read at all (not CSV, too big,
    /// unknown or missing columns) is an [`Error::Invalid`] on the field `file` or `header`;
    /// otherwise the report lists every row's problems by line and column. Whatever is written
    /// is written in one transaction.
    pub fn import_equipment_csv(
        &mut self,
        bytes: &[u8],
        mode: CsvImportMode,
    ) -> Result<CsvImportReport> {
        let table = read_table(bytes).map_err(Error::Invalid)?;
        let header = Header::parse(&table.header).map_err(Error::Invalid)?;
        let today = self.today();
        let intervals = self.service_intervals()?;

        let mut errors = Vec::new();
        let mut drafts = Vec::new();
        let width = table.header.len();
        for (line, cells) in &table.rows {
            if cells.len() > width && cells[width..].iter().any(|c| !c.trim().is_empty()) {
                errors.push(CsvRowError {
                    line: *line,
                    column: "row".into(),
                    message: format!(
                        "this row has {} cells but the header names {width} columns: check for a stray separator",
                        cells.len()
                    ),
                });
                continue;
            }
            match rows::parse_row(&header, *line, cells, today, &intervals) {
                Ok(draft) => drafts.push(draft),
                Err(problems) => errors.extend(problems),
            }
        }

        let mut matcher = Matcher::load(self)?;
        let mut ready = Vec::new();
        for draft in drafts {
            match matcher.resolve(self, &header, draft)? {
                Ok(row) => ready.push(row),
                Err(problems) => errors.extend(problems),
            }
        }

        // The write lock is taken before the first row is read back, so a second import
        // running at the same time waits its turn instead of failing (see `WriteScope`).
        let scope = crate::store::WriteScope::begin(self.store.conn())?;
        let written = self.write_rows(&header, &ready, &mut errors);
        let keep = match mode {
            CsvImportMode::DryRun => false,
            CsvImportMode::AllOrNothing => errors.is_empty(),
            CsvImportMode::GoodRowsOnly => true,
        };
        let (items, services) = match written {
            Ok(counts) if keep => {
                scope.end(self.store.conn(), true)?;
                counts
            }
            Ok(_) => {
                scope.end(self.store.conn(), false)?;
                (0, 0)
            }
            Err(e) => {
                scope.end(self.store.conn(), false)?;
                return Err(e);
            }
        };

        errors.sort_by_key(|e| e.line);
        let bad_rows = errors.iter().map(|e| e.line).collect::<BTreeSet<_>>().len();
        Ok(CsvImportReport {
            mode,
            rows: table.rows.len(),
            good_rows: table.rows.len() - bad_rows,
            bad_rows,
            written: items > 0,
            items_created: items,
            service_records_created: services,
            errors,
            delimiter: table.delimiter.to_string(),
            encoding: table.encoding,
        })
    }

    /// Writes each row as its own savepoint inside the import's, so a row the store refuses
    /// (a sling id already taken) is reported and leaves nothing behind. Returns the items and
    /// service records written; a storage failure stops everything.
    fn write_rows(
        &mut self,
        header: &Header,
        ready: &[ReadyRow],
        errors: &mut Vec<CsvRowError>,
    ) -> Result<(usize, usize)> {
        let (mut items, mut services) = (0, 0);
        for row in ready {
            let result = self.all_or_nothing(|api| {
                let item = api.create_item(row.child, row.details.clone())?;
                if let Some(service) = &row.service {
                    api.add_service_record(item.id, service.clone())
                        .map_err(mark_service)?;
                }
                if let Some(review) = &row.review {
                    api.add_schedule(item.id, review.clone())
                        .map_err(|e| mark(e, REVIEW_MARK))?;
                }
                Ok(())
            });
            match result {
                Ok(()) => {
                    items += 1;
                    services += usize::from(row.service.is_some());
                }
                Err(e) => match e {
                    Error::Storage(_) | Error::Io { .. } => return Err(e),
                    Error::Invalid(fields) => {
                        for f in fields {
                            let column = match f.field.strip_prefix(SERVICE_MARK) {
                                Some(field) => rows::service_column(field),
                                None if f.field.starts_with(REVIEW_MARK) => Column::ReviewDate,
                                None => rows::item_column(&f.field),
                            };
                            errors.push(CsvRowError {
                                line: row.line,
                                column: header.label(column),
                                message: f.message,
                            });
                        }
                    }
                    other => errors.push(CsvRowError {
                        line: row.line,
                        column: "row".into(),
                        message: other.to_string(),
                    }),
                },
            }
        }
        Ok((items, services))
    }
}

/// Marks the fields of a service record's validation errors (`date`, `notes` ...) so they are
/// reported under the service columns rather than the item's.
const SERVICE_MARK: &str = "service:";

/// Marks the fields of the review schedule's validation errors: they belong to `Review date`.
const REVIEW_MARK: &str = "review:";

fn mark_service(e: Error) -> Error {
    mark(e, SERVICE_MARK)
}

fn mark(e: Error, prefix: &str) -> Error {
    match e {
        Error::Invalid(fields) => Error::Invalid(
            fields
                .into_iter()
                .map(|mut f| {
                    f.field = format!("{prefix}{}", f.field);
                    f
                })
                .collect(),
        ),
        other => other,
    }
}

/// The caseload's children and suppliers, indexed for matching rows.
struct Matcher {
    by_nhs: HashMap<String, ChildId>,
    /// NHS numbers more than one child holds (a caseload from before schema version 6).
    shared_nhs: HashMap<String, Vec<ChildId>>,
    by_birth: HashMap<NaiveDate, Vec<ChildId>>,
    names: HashMap<ChildId, (String, String, NaiveDate)>,
    suppliers: HashMap<String, Vec<(SupplierId, String)>>,
    /// Serials already held, per child and category, with the line that added them (0 when
    /// already on the caseload).
    serials: HashMap<(ChildId, Category, String), usize>,
    loaded_items: BTreeSet<ChildId>,
}

impl Matcher {
    fn load(api: &Api) -> Result<Matcher> {
        let conn = api.store.conn();
        let (all, _) = children::search(
            conn,
            &ChildSearch {
                text: "",
                setting: None,
                limit: usize::MAX,
            },
        )?;
        let mut m = Matcher {
            by_nhs: HashMap::new(),
            shared_nhs: HashMap::new(),
            by_birth: HashMap::new(),
            names: HashMap::new(),
            suppliers: HashMap::new(),
            serials: HashMap::new(),
            loaded_items: BTreeSet::new(),
        };
        for c in all {
            let digits: String = c.nhs_number.chars().filter(char::is_ascii_digit).collect();
            if !digits.is_empty()
                && let Some(first) = m.by_nhs.insert(digits.clone(), c.id)
            {
                m.shared_nhs
                    .entry(digits)
                    .or_insert_with(|| vec![first])
                    .push(c.id);
            }
            m.by_birth.entry(c.date_of_birth).or_default().push(c.id);
        }
        for s in api.suppliers()? {
            m.suppliers
                .entry(fold(&s.details.name).split_whitespace().collect())
                .or_default()
                .push((s.id, s.details.name.clone()));
        }
        Ok(m)
    }

    fn names_of(&mut self, api: &Api, id: ChildId) -> Result<(String, String, NaiveDate)> {
        if let Some(n) = self.names.get(&id) {
            return Ok(n.clone());
        }
        let d = children::get(api.store.conn(), id)?.details;
        let n = (d.given_name, d.family_name, d.date_of_birth);
        self.names.insert(id, n.clone());
        Ok(n)
    }

    /// Finds the row's child and supplier and checks it does not repeat an item the child
    /// already has; any problem is a row error.
    fn resolve(
        &mut self,
        api: &Api,
        header: &Header,
        draft: RowDraft,
    ) -> Result<std::result::Result<ReadyRow, Vec<CsvRowError>>> {
        let line = draft.line;
        let error = |column: Column, message: String| CsvRowError {
            line,
            column: header.label(column),
            message,
        };
        let mut problems = Vec::new();
        let child = match self.child(api, &draft.child)? {
            Ok(id) => Some(id),
            Err((column, message)) => {
                problems.push(error(column, message));
                None
            }
        };
        let mut details = draft.details;
        if let Some(name) = &draft.provider {
            let key: String = fold(name).split_whitespace().collect();
            match self.suppliers.get(&key).map(Vec::as_slice) {
                Some([(id, _)]) => details.provider_id = Some(*id),
                Some(_) => problems.push(error(
                    Column::Provider,
                    format!("more than one supplier in the directory is called '{name}': give them different names first"),
                )),
                None => {
                    let mut known: Vec<&str> = self
                        .suppliers
                        .values()
                        .flatten()
                        .map(|(_, n)| n.as_str())
                        .collect();
                    known.sort_unstable();
                    problems.push(error(
                        Column::Provider,
                        if known.is_empty() {
                            format!("'{name}' is not in the supplier directory, which is empty: add the supplier first, or leave the cell blank")
                        } else {
                            format!(
                                "'{name}' is not in the supplier directory: add it first, or use one of {}",
                                known.join(", ")
                            )
                        },
                    ));
                }
            }
        }
        if let Some(child) = child
            && !details.serial.is_empty()
        {
            if self.loaded_items.insert(child) {
                for item in api.items_of_child(child)? {
                    if !item.details.serial.is_empty() {
                        let key = (child, item.details.category, fold(&item.details.serial));
                        self.serials.insert(key, 0);
                    }
                }
            }
            let key = (child, details.category, fold(&details.serial));
            match self.serials.get(&key) {
                Some(0) => problems.push(error(
                    Column::Serial,
                    format!(
                        "this child already has a {} with this serial number (was the file imported before?): remove the row, or correct the serial",
                        details.category.label().to_lowercase()
                    ),
                )),
                Some(first) => problems.push(error(
                    Column::Serial,
                    format!("line {first} is the same item (same child, category and serial): remove one of them"),
                )),
                None => {
                    self.serials.insert(key, line);
                }
            }
        }
        Ok(match child {
            Some(child) if problems.is_empty() => Ok(ReadyRow {
                line,
                child,
                details,
                service: draft.service,
                review: draft.review,
            }),
            _ => Err(problems),
        })
    }

    /// The child a row names, or the column and message saying why there is none.
    fn child(
        &mut self,
        api: &Api,
        key: &ChildKey,
    ) -> Result<std::result::Result<ChildId, (Column, String)>> {
        if let Some(nhs) = &key.nhs_number {
            let Some(&id) = self.by_nhs.get(nhs) else {
                return Ok(Err((
                    Column::NhsNumber,
                    "no child on the caseload has this NHS number: add the child first (the import does not create children), or check the number".into(),
                )));
            };
            // Never guess between them: the row would go on whichever was read last.
            if let Some(holders) = self.shared_nhs.get(nhs) {
                let ids: Vec<String> = holders.iter().map(ToString::to_string).collect();
                return Ok(Err((
                    Column::NhsNumber,
                    format!(
                        "children {} all have this NHS number, which belongs to one child: correct their records first (passport db check lists them)",
                        ids.join(", ")
                    ),
                )));
            }
            if let Some((given, family, dob)) = &key.names {
                let (g, f, d) = self.names_of(api, id)?;
                if !(same_name(given, &g) && same_name(family, &f) && *dob == d) {
                    return Ok(Err((
                        Column::NhsNumber,
                        "this NHS number belongs to a child with a different name or date of birth: check which child the row is for".into(),
                    )));
                }
            }
            return Ok(Ok(id));
        }
        let Some((given, family, dob)) = &key.names else {
            return Ok(Err((
                Column::NhsNumber,
                "say which child this is for: give the NHS number, or the given name, family name and date of birth".into(),
            )));
        };
        let mut found = Vec::new();
        for id in self.by_birth.get(dob).cloned().unwrap_or_default() {
            let (g, f, _) = self.names_of(api, id)?;
            if same_name(given, &g) && same_name(family, &f) {
                found.push(id);
            }
        }
        Ok(match found.as_slice() {
            [id] => Ok(*id),
            [] => Err((
                Column::GivenName,
                "no child on the caseload has this name and date of birth: add the child first (the import does not create children), or check the spelling and the date".into(),
            )),
            more => Err((
                Column::GivenName,
                format!(
                    "{} children on the caseload have this name and date of birth: give the NHS number to say which",
                    more.len()
                ),
            )),
        })
    }
}
