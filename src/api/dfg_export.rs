//! The DFG cases as CSV, one row per case with every stage date and amount: what a council's
//! annual return and a team's own spreadsheets are built from. Dates are YYYY-MM-DD and
//! amounts pounds with two decimals, so a spreadsheet reads both as numbers; the property's
//! address is left out (its postcode is enough to place it). Text typed into a case (a
//! council, a contractor, a reason) is written through [`crate::export_csv`], so a spreadsheet
//! shows it rather than running it as a formula. A case record also gives the case summary
//! PDF its input here.

use super::Api;
use super::dfg::DfgCaseRecord;
use crate::error::Result;
use crate::export_csv::{self, Cell};
use crate::model::dfg::{ClockKind, Stage};
use crate::passport::dfg_summary::DfgSummaryInput;
use crate::store::dfg::{self as cases, Which};
use chrono::NaiveDate;

/// The columns, in order. Changing them changes what councils' spreadsheets read: add new
/// columns at the end.
pub const CSV_COLUMNS: &[&str] = &[
    "case_id",
    "child_id",
    "child_name",
    "child_date_of_birth",
    "postcode",
    "tenure",
    "jurisdiction",
    "scheme",
    "council",
    "agency",
    "applicant",
    "status",
    "stage",
    "opened_on",
    "referral",
    "assessment",
    "recommendation",
    "works_agreed",
    "quotes",
    "application",
    "decision",
    "decision_date",
    "works_started",
    "works_completed",
    "sign_off",
    "paid",
    "closed",
    "on_hold_since",
    "withdrawn",
    "withdrawal_reason",
    "estimated_cost",
    "chosen_quote",
    "chosen_contractor",
    "applied_for",
    "approved",
    "mandatory_grant",
    "discretionary_top_up",
    "family_contribution",
    "other_funding",
    "other_source",
    "paid_amount",
    "max_grant",
    "land_charge",
    "means_tested",
    "decision_due",
    "works_due",
    "payment_due",
    "decided_in_time",
    "days_application_to_decision",
    "days_application_to_completion",
    "overdue",
];

fn date(d: Option<NaiveDate>) -> Cell {
    d.map(Cell::date).unwrap_or_default()
}

fn money(pence: Option<i64>) -> Cell {
    pence.map(Cell::pence).unwrap_or_default()
}

fn yes_no(value: bool) -> Cell {
    if value { "yes" } else { "no" }.into()
}

fn row(r: &DfgCaseRecord) -> Vec<Cell> {
    let c = &r.case;
    let f = &r.figures;
    let p = &r.progress;
    let at = |stage| c.date_of(stage);
    let decision = c.decision();
    let chosen = c.quotes().filter(|q| q.entry.chosen).last();
    let funding = f.funding.clone().unwrap_or_default();
    let funded = |part: i64| money(f.funding.as_ref().map(|_| part));
    let clock = |kind| p.clocks.iter().find(|k| k.kind == kind);
    let held = match p.status {
        crate::model::dfg::CaseStatus::OnHold => c
            .stages
            .iter()
            .rev()
            .find(|s| s.entry.stage == Stage::OnHold)
            .map(|s| s.entry.date),
        _ => None,
    };
    let applied = at(Stage::Application);
    let days_between = |to: Option<NaiveDate>| match (applied, to) {
        (Some(a), Some(b)) => Cell::integer((b - a).num_days()),
        _ => Cell::default(),
    };
    vec![
        c.id.to_string().into(),
        c.child_id.to_string().into(),
        r.child_name.as_str().into(),
        date(Some(r.child_date_of_birth)),
        c.details.postcode.as_str().into(),
        c.details.tenure.code().into(),
        c.details.jurisdiction.code().into(),
        f.scheme.code().into(),
        c.details.council.as_str().into(),
        c.details.agency.as_str().into(),
        c.details.applicant.as_str().into(),
        p.status.code().into(),
        p.stage.map(|s| s.code()).unwrap_or_default().into(),
        date(Some(c.opened_at.date_naive())),
        date(at(Stage::Referral)),
        date(at(Stage::Assessment)),
        date(at(Stage::Recommendation)),
        date(at(Stage::WorksAgreed)),
        Cell::integer(c.quotes().count() as i64),
        date(applied),
        match decision.map(|d| d.entry.stage) {
            Some(Stage::DecisionApproved) => "approved".into(),
            Some(_) => "refused".into(),
            None => Cell::default(),
        },
        date(decision.map(|d| d.entry.date)),
        date(at(Stage::WorksStarted)),
        date(at(Stage::WorksCompleted)),
        date(at(Stage::SignOff)),
        date(at(Stage::Paid)),
        date(at(Stage::Closed)),
        date(held),
        date(at(Stage::Withdrawn)),
        c.stage(Stage::Withdrawn)
            .map(|s| s.entry.notes.as_str())
            .unwrap_or_default()
            .into(),
        money(f.estimated_cost_pence),
        money(chosen.and_then(|q| q.entry.amount_pence)),
        chosen
            .map(|q| q.entry.contractor.as_str())
            .unwrap_or_default()
            .into(),
        money(f.applied_pence),
        money(f.approved_pence),
        funded(funding.mandatory_pence),
        funded(funding.discretionary_pence),
        funded(funding.family_pence),
        funded(funding.other_pence),
        funding.other_source.into(),
        money(f.paid_pence),
        money(f.max_grant_pence),
        money(f.land_charge_pence.filter(|_| !f.grant_is_projected)),
        yes_no(f.means_tested),
        date(clock(ClockKind::Decision).map(|k| k.due_date)),
        date(clock(ClockKind::Works).map(|k| k.due_date)),
        date(clock(ClockKind::Payment).map(|k| k.due_date)),
        match (decision, clock(ClockKind::Decision)) {
            (Some(_), Some(k)) => yes_no(k.days_left >= 0),
            _ => Cell::default(),
        },
        days_between(decision.map(|d| d.entry.date)),
        days_between(at(Stage::WorksCompleted)),
        yes_no(p.overdue),
    ]
}

/// The case summary PDF takes its own input, so the passport code needs nothing from the API:
/// a case record gives it by reference.
impl<'a> From<&'a DfgCaseRecord> for DfgSummaryInput<'a> {
    fn from(record: &'a DfgCaseRecord) -> Self {
        DfgSummaryInput {
            case: &record.case,
            child_name: &record.child_name,
            child_date_of_birth: record.child_date_of_birth,
            progress: &record.progress,
            figures: &record.figures,
        }
    }
}

impl Api {
    /// Every DFG case (open, on hold, withdrawn and closed) as CSV with a header row, in the
    /// order the cases were opened.
    pub fn export_dfg_csv(&self) -> Result<Vec<u8>> {
        let rules = self.dfg_rules()?;
        let mut rows = Vec::new();
        for case in cases::read(self.store.conn(), Which::All)? {
            rows.push(row(&self.case_record_with(case, &rules)?));
        }
        Ok(export_csv::write(CSV_COLUMNS, rows))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_column_has_a_distinct_name() {
        let mut names = CSV_COLUMNS.to_vec();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), CSV_COLUMNS.len());
    }
}
