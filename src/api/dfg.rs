//! Disabled Facilities Grant cases: opening a case, recording its stages, holds and notes,
//! the case list with every statutory clock, one case in full, and the rules the figures come
//! from. The CSV for the council's return is in `dfg_export`; the summary PDF is drawn by
//! [`crate::passport::dfg_summary`].

use super::Api;
use crate::error::{Error, Result};
use crate::model::dfg::figures::figures;
use crate::model::dfg::*;
use crate::model::{ChildId, DfgCaseId, DfgNoteId, DfgStageId, DueEntry, DueKind};
use crate::store::dfg::{self as cases, Which};
use crate::store::{app_settings, children, settings};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

const RULES_KEY: &str = "dfg_rules";

/// One case in full, as the case screen and `passport dfg show` present it.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct DfgCaseRecord {
    pub case: DfgCase,
    pub child_name: String,
    pub child_date_of_birth: NaiveDate,
    pub progress: CaseProgress,
    pub figures: GrantFigures,
    /// Every amount in the case and its figures, written in pounds ("£30,000"), by pence.
    pub pounds: BTreeMap<i64, String>,
}

/// One line of the case list.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct DfgCaseSummary {
    pub id: DfgCaseId,
    pub child_id: ChildId,
    pub child_name: String,
    pub postcode: String,
    pub council: String,
    pub tenure: Tenure,
    pub jurisdiction: Jurisdiction,
    pub opened_on: NaiveDate,
    pub progress: CaseProgress,
}

/// Which cases to list.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(default)]
pub struct DfgCaseFilter {
    /// Only this child's cases.
    pub child: Option<ChildId>,
    /// Include withdrawn and closed cases (left out by default).
    pub include_finished: bool,
    /// Only cases with a statutory clock past its due date.
    pub overdue_only: bool,
}

/// Where a case sits in the list: open cases first, furthest along first within a status,
/// then the longest waiting.
fn list_order(s: &DfgCaseSummary) -> (u8, std::cmp::Reverse<u8>, NaiveDate) {
    let status = match s.progress.status {
        CaseStatus::Open => 0,
        CaseStatus::OnHold => 1,
        CaseStatus::Withdrawn => 2,
        CaseStatus::Closed => 3,
    };
    let rank = s.progress.stage.and_then(Stage::rank).unwrap_or(0);
    (status, std::cmp::Reverse(rank), s.progress.since)
}

impl Api {
    /// Opens a DFG case for a child. The property defaults to the child's home address.
    pub fn open_dfg_case(
        &mut self,
        child: ChildId,
        mut details: DfgCaseDetails,
    ) -> Result<DfgCaseRecord> {
        let owner = children::get(self.store.conn(), child)?;
        if details.property_address.trim().is_empty() && details.postcode.trim().is_empty() {
            if owner.details.home_address.trim().is_empty() {
                // Said here, not left to the model's "enter the address": the person left it
                // empty expecting the child's, and should know why that did not happen.
                return Err(Error::invalid(
                    "property_address",
                    format!(
                        "child {child} has no home address on record: enter the address of the home to be adapted, or add the child's home address first"
                    ),
                ));
            }
            details.property_address = owner.details.home_address.clone();
            details.postcode = owner.details.home_postcode.clone();
        }
        let now = self.now();
        let case = DfgCase {
            id: DfgCaseId::new(),
            child_id: child,
            details: details.validated()?,
            stages: Vec::new(),
            notes: Vec::new(),
            opened_at: now,
            updated_at: now,
        };
        cases::insert(self.store.conn(), &case)?;
        self.dfg_case(case.id)
    }

    /// Changes a case's property, tenure, nation, council, agency or applicant.
    pub fn update_dfg_case(
        &mut self,
        id: DfgCaseId,
        details: DfgCaseDetails,
    ) -> Result<DfgCaseRecord> {
        let details = details.validated()?;
        let now = self.now();
        cases::update(self.store.conn(), id, &details, now)?;
        self.dfg_case(id)
    }

    /// Records the next stage of a case; anything out of order, misdated or incomplete is
    /// refused with field errors and nothing is written.
    pub fn record_dfg_stage(&mut self, id: DfgCaseId, entry: StageEntry) -> Result<DfgCaseRecord> {
        let rules = self.dfg_rules()?;
        let today = self.today();
        let now = self.now();
        let tx = self.store.transaction()?;
        let case = cases::get(&tx, id)?;
        let entry = entry.validated(&case, &rules, today)?;
        let record = StageRecord {
            id: DfgStageId::new(),
            entry,
            recorded_at: now,
        };
        cases::insert_stage(&tx, id, &record)?;
        tx.commit()?;
        self.dfg_case(id)
    }

    /// Puts an open case on hold, with the reason. Its statutory clocks keep running.
    pub fn hold_dfg_case(&mut self, id: DfgCaseId, change: StatusChange) -> Result<DfgCaseRecord> {
        self.record_dfg_stage(id, change.entry(Stage::OnHold))
    }

    pub fn resume_dfg_case(
        &mut self,
        id: DfgCaseId,
        change: StatusChange,
    ) -> Result<DfgCaseRecord> {
        self.record_dfg_stage(id, change.entry(Stage::Resumed))
    }

    /// Withdraws a case, with the reason: it takes no further stages and its clocks stop.
    pub fn withdraw_dfg_case(
        &mut self,
        id: DfgCaseId,
        change: StatusChange,
    ) -> Result<DfgCaseRecord> {
        self.record_dfg_stage(id, change.entry(Stage::Withdrawn))
    }

    /// Makes one of the case's quotes the one going ahead.
    pub fn choose_dfg_quote(&mut self, id: DfgCaseId, quote: DfgStageId) -> Result<DfgCaseRecord> {
        let now = self.now();
        let tx = self.store.transaction()?;
        if cases::get(&tx, id)?.decision().is_some() {
            return Err(Error::invalid(
                "quote",
                "the decision is made: the chosen quote can no longer change",
            ));
        }
        cases::choose_quote(&tx, id, quote, now)?;
        tx.commit()?;
        self.dfg_case(id)
    }

    /// Takes back the latest stage, recorded in error, and says so in a case note (the note
    /// and the removal are one write).
    pub fn remove_last_dfg_stage(&mut self, id: DfgCaseId, author: &str) -> Result<DfgCaseRecord> {
        let now = self.now();
        let tx = self.store.transaction()?;
        let case = cases::get(&tx, id)?;
        let Some(last) = case.stages.last() else {
            return Err(Error::invalid(
                "stage",
                "this case has no stage to take back",
            ));
        };
        let (author, text) = CaseNote::checked(
            author,
            &format!(
                "Took back '{}' dated {}, recorded in error.",
                last.entry.stage.label(),
                last.entry.date.format("%-d %B %Y")
            ),
        )?;
        cases::delete_stage(&tx, id, last.id, now)?;
        let note = CaseNote {
            id: DfgNoteId::new(),
            author,
            written_at: now,
            text,
        };
        cases::insert_note(&tx, id, &note)?;
        tx.commit()?;
        self.dfg_case(id)
    }

    /// Adds a note to a case (open or finished). Notes are never edited or removed.
    pub fn add_dfg_note(&mut self, id: DfgCaseId, author: &str, text: &str) -> Result<CaseNote> {
        let (author, text) = CaseNote::checked(author, text)?;
        let conn = self.store.conn();
        if !cases::exists(conn, id)? {
            return Err(Error::not_found(DfgCaseId::KIND, id));
        }
        let note = CaseNote {
            id: DfgNoteId::new(),
            author,
            written_at: self.now(),
            text,
        };
        cases::insert_note(conn, id, &note)?;
        Ok(note)
    }

    /// One case in full, with where it stands today and its figures.
    pub fn dfg_case(&self, id: DfgCaseId) -> Result<DfgCaseRecord> {
        let case = cases::get(self.store.conn(), id)?;
        let rules = self.dfg_rules()?;
        self.case_record_with(case, &rules)
    }

    pub(super) fn case_record_with(
        &self,
        case: DfgCase,
        rules: &DfgRules,
    ) -> Result<DfgCaseRecord> {
        let child = children::get(self.store.conn(), case.child_id)?;
        let today = self.today();
        let dob = child.details.date_of_birth;
        let figures = figures(&case, rules, dob, today);
        Ok(DfgCaseRecord {
            child_name: child.details.display_name(),
            child_date_of_birth: dob,
            progress: CaseProgress::of(&case, rules, today),
            pounds: money::amounts_in_pounds(&case, &figures),
            figures,
            case,
        })
    }

    /// Every case of the team (or of one child), each with its stage, days in that stage and
    /// statutory clocks: open cases first, furthest along first.
    pub fn dfg_cases(&self, filter: DfgCaseFilter) -> Result<Vec<DfgCaseSummary>> {
        let conn = self.store.conn();
        let which = filter.child.map_or(Which::All, Which::OfChild);
        let rules = self.dfg_rules()?;
        let today = self.today();
        let mut names: HashMap<ChildId, String> = HashMap::new();
        let mut out = Vec::new();
        for case in cases::read(conn, which)? {
            let progress = CaseProgress::of(&case, &rules, today);
            if (progress.status.is_finished() && !filter.include_finished)
                || (filter.overdue_only && !progress.overdue)
            {
                continue;
            }
            let child_name = match names.get(&case.child_id) {
                Some(name) => name.clone(),
                None => {
                    let name = children::get(conn, case.child_id)?.details.display_name();
                    names.insert(case.child_id, name.clone());
                    name
                }
            };
            out.push(DfgCaseSummary {
                id: case.id,
                child_id: case.child_id,
                child_name,
                postcode: case.details.postcode,
                council: case.details.council,
                tenure: case.details.tenure,
                jurisdiction: case.details.jurisdiction,
                opened_on: case.opened_at.date_naive(),
                progress,
            });
        }
        out.sort_by_key(list_order);
        Ok(out)
    }

    /// The one-page case summary (PDF) for the family and the council, as the case stands
    /// today, in the passports' style and with the organisation from preferences. The same
    /// case on the same clock always gives the same bytes.
    /// The name a case summary printed today is offered under:
    /// "Okafor, Amara - DFG case summary 2026-11-22.pdf".
    pub fn dfg_summary_file_name(&self, id: DfgCaseId) -> Result<String> {
        let case = cases::get(self.store.conn(), id)?;
        let child = children::get(self.store.conn(), case.child_id)?;
        Ok(crate::passport::file_name::dfg_summary(
            &child.details,
            self.today(),
        ))
    }

    pub fn dfg_summary_pdf(&self, id: DfgCaseId) -> Result<Vec<u8>> {
        use sha2::{Digest, Sha256};
        let record = self.dfg_case(id)?;
        let template = self.passport_template(crate::passport::Audience::Family)?;
        let now = self.now();
        let mut hash = Sha256::new();
        hash.update(id.to_string().as_bytes());
        hash.update(now.to_rfc3339().as_bytes());
        let mut document_id = [0u8; 16];
        document_id.copy_from_slice(&hash.finalize()[..16]);
        let options = crate::passport::dfg_summary::SummaryOptions {
            printed_on: self.today(),
            created_at: now,
            document_id,
        };
        crate::passport::dfg_summary::render(&record, &template, &options)
    }

    /// How many DFG cases there are, open or not.
    pub fn dfg_case_count(&self) -> Result<usize> {
        cases::count(self.store.conn())
    }

    /// The figures DFG cases are judged by (the defaults until a team changes them).
    pub fn dfg_rules(&self) -> Result<DfgRules> {
        Ok(app_settings::get(self.store.conn(), RULES_KEY)?.unwrap_or_default())
    }

    pub fn set_dfg_rules(&mut self, rules: DfgRules) -> Result<DfgRules> {
        let rules = rules.validated()?;
        app_settings::set(self.store.conn(), RULES_KEY, &rules)?;
        Ok(rules)
    }

    /// The running DFG clocks due on or before `until`, as due-list entries.
    pub(crate) fn dfg_due_entries(&self, until: NaiveDate) -> Result<Vec<DueEntry>> {
        let conn = self.store.conn();
        let rules = self.dfg_rules()?;
        let today = self.today();
        let mut out = Vec::new();
        let mut people: HashMap<ChildId, (String, String)> = HashMap::new();
        for case in cases::read(conn, Which::Running)? {
            let running: Vec<StatutoryClock> = clocks::clocks(&case, &rules, today)
                .into_iter()
                .filter(|c| c.is_running() && c.due_date <= until)
                .collect();
            if running.is_empty() {
                continue;
            }
            let (child_name, setting_name) = match people.entry(case.child_id) {
                std::collections::hash_map::Entry::Occupied(known) => known.into_mut(),
                std::collections::hash_map::Entry::Vacant(slot) => {
                    let child = children::get(conn, case.child_id)?;
                    let setting = match child.details.setting_id {
                        Some(id) => settings::get(conn, id)?.details.name,
                        None => String::new(),
                    };
                    slot.insert((child.details.display_name(), setting))
                }
            };
            for clock in running {
                out.push(DueEntry {
                    dfg_case_id: Some(case.id),
                    ..DueEntry::new(
                        clock.kind.due_kind(),
                        clock.due_date,
                        clock.days_left,
                        case.child_id,
                        child_name.clone(),
                        setting_name.clone(),
                        clock.subject(),
                    )
                });
            }
        }
        Ok(out)
    }

    /// For the caseload's badges: the earliest running DFG deadline of each kind due on or
    /// before `until`, for each of the given children.
    pub(crate) fn dfg_badges(
        &self,
        only: &[ChildId],
        until: NaiveDate,
    ) -> Result<Vec<(ChildId, DueKind, NaiveDate)>> {
        let rules = self.dfg_rules()?;
        let today = self.today();
        let mut earliest: HashMap<(ChildId, DueKind), NaiveDate> = HashMap::new();
        for case in cases::read(self.store.conn(), Which::Running)? {
            if !only.contains(&case.child_id) {
                continue;
            }
            for clock in clocks::clocks(&case, &rules, today) {
                if clock.is_running() && clock.due_date <= until {
                    let slot = earliest
                        .entry((case.child_id, clock.kind.due_kind()))
                        .or_insert(clock.due_date);
                    *slot = (*slot).min(clock.due_date);
                }
            }
        }
        Ok(earliest
            .into_iter()
            .map(|((child, kind), date)| (child, kind, date))
            .collect())
    }
}
