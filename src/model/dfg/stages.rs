//! The order of a case: which stage may come next, what each stage must carry, and where a
//! case stands. A stage out of order, dated before the stage it follows or in the future, or
//! recorded on a withdrawn or closed case is refused with a message saying what to do.

use super::clocks::{StatutoryClock, clocks};
use super::money::{MAX_PENCE, pounds};
use super::{CaseStatus, DfgCase, DfgRules, Stage, StageEntry, StageRecord};
use crate::error::Result;
use crate::model::check::{Check, EARLIEST_RECORD, tidy};
use chrono::NaiveDate;
use serde::Serialize;

impl Stage {
    /// The stages of a case in order (both decisions share a place).
    pub const ORDER: [Stage; 13] = [
        Stage::Referral,
        Stage::Assessment,
        Stage::Recommendation,
        Stage::WorksAgreed,
        Stage::Quote,
        Stage::Application,
        Stage::DecisionApproved,
        Stage::DecisionRefused,
        Stage::WorksStarted,
        Stage::WorksCompleted,
        Stage::SignOff,
        Stage::Paid,
        Stage::Closed,
    ];

    /// Where the stage comes in a case; `None` for a hold, resumption or withdrawal.
    pub fn rank(self) -> Option<u8> {
        Some(match self {
            Stage::Referral => 0,
            Stage::Assessment => 1,
            Stage::Recommendation => 2,
            Stage::WorksAgreed => 3,
            Stage::Quote => 4,
            Stage::Application => 5,
            Stage::DecisionApproved | Stage::DecisionRefused => 6,
            Stage::WorksStarted => 7,
            Stage::WorksCompleted => 8,
            Stage::SignOff => 9,
            Stage::Paid => 10,
            Stage::Closed => 11,
            Stage::OnHold | Stage::Resumed | Stage::Withdrawn => return None,
        })
    }

    /// A step along the case, rather than a change of status.
    pub fn is_milestone(self) -> bool {
        self.rank().is_some()
    }

    /// Whether the stage carries an amount: `Some(true)` when it must (a quote, the approval),
    /// `Some(false)` when it may (the full application, the payment), `None` when it has none.
    pub fn amount_required(self) -> Option<bool> {
        match self {
            Stage::Quote | Stage::DecisionApproved => Some(true),
            Stage::Application | Stage::Paid => Some(false),
            _ => None,
        }
    }

    pub fn is_decision(self) -> bool {
        matches!(self, Stage::DecisionApproved | Stage::DecisionRefused)
    }

    /// The stages that may come straight after this one.
    fn followers(self) -> &'static [Stage] {
        match self {
            Stage::Referral => &[Stage::Assessment],
            Stage::Assessment => &[Stage::Recommendation],
            Stage::Recommendation => &[Stage::WorksAgreed],
            // Quotes are optional (a council's framework contractor may need none) and
            // there may be several.
            Stage::WorksAgreed | Stage::Quote => &[Stage::Quote, Stage::Application],
            Stage::Application => &[Stage::DecisionApproved, Stage::DecisionRefused],
            Stage::DecisionApproved => &[Stage::WorksStarted],
            Stage::DecisionRefused => &[Stage::Closed],
            Stage::WorksStarted => &[Stage::WorksCompleted],
            Stage::WorksCompleted => &[Stage::SignOff],
            Stage::SignOff => &[Stage::Paid],
            Stage::Paid => &[Stage::Closed],
            Stage::Closed | Stage::OnHold | Stage::Resumed | Stage::Withdrawn => &[],
        }
    }

    /// The stage this one normally follows.
    fn follows(self) -> Option<Stage> {
        Stage::ORDER
            .iter()
            .copied()
            .find(|s| s.followers().contains(&self) && *s != self)
    }

    /// The stage as it reads in a sentence: "the full application".
    pub fn noun(self) -> &'static str {
        match self {
            Stage::Referral => "the referral",
            Stage::Assessment => "the OT assessment",
            Stage::Recommendation => "the OT recommendation",
            Stage::WorksAgreed => "the schedule of works",
            Stage::Quote => "a quote",
            Stage::Application => "the full application",
            Stage::DecisionApproved | Stage::DecisionRefused => "the decision",
            Stage::WorksStarted => "the start of works",
            Stage::WorksCompleted => "the completion of works",
            Stage::SignOff => "the OT sign-off",
            Stage::Paid => "the payment",
            Stage::Closed => "closing the case",
            Stage::OnHold => "the hold",
            Stage::Resumed => "the resumption",
            Stage::Withdrawn => "the withdrawal",
        }
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn uk(date: NaiveDate) -> String {
    date.format("%-d %B %Y").to_string()
}

fn or_list(stages: &[Stage]) -> String {
    let mut names: Vec<&str> = stages.iter().map(|s| s.noun()).collect();
    names.dedup();
    match names.split_last() {
        Some((last, [])) => last.to_string(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
        None => "nothing".into(),
    }
}

/// The case's status after its stages, with the record that set it.
pub fn status(stages: &[StageRecord]) -> (CaseStatus, Option<&StageRecord>) {
    let mut status = (CaseStatus::Open, None);
    for s in stages {
        match s.entry.stage {
            Stage::Withdrawn => status = (CaseStatus::Withdrawn, Some(s)),
            Stage::Closed => status = (CaseStatus::Closed, Some(s)),
            Stage::OnHold => status = (CaseStatus::OnHold, Some(s)),
            Stage::Resumed => status = (CaseStatus::Open, Some(s)),
            _ => {}
        }
    }
    status
}

/// The latest step along the case (not a hold or resumption).
pub fn latest_milestone(stages: &[StageRecord]) -> Option<&StageRecord> {
    stages.iter().rev().find(|s| s.entry.stage.is_milestone())
}

/// The steps along the case that may be recorded next (none while on hold or once finished).
fn next_milestones(stages: &[StageRecord]) -> &'static [Stage] {
    if status(stages).0 != CaseStatus::Open {
        return &[];
    }
    match latest_milestone(stages) {
        None => &[Stage::Referral],
        Some(last) => last.entry.stage.followers(),
    }
}

/// Everything that may be recorded next: the next steps, and holding, resuming or
/// withdrawing as the status allows.
pub fn next_stages(stages: &[StageRecord]) -> Vec<Stage> {
    match status(stages).0 {
        CaseStatus::Open => {
            let mut next = next_milestones(stages).to_vec();
            next.extend([Stage::OnHold, Stage::Withdrawn]);
            next
        }
        CaseStatus::OnHold => vec![Stage::Resumed, Stage::Withdrawn],
        CaseStatus::Withdrawn | CaseStatus::Closed => Vec::new(),
    }
}

/// Why `stage` cannot be recorded now, or `None` when it can.
pub fn refusal(stages: &[StageRecord], stage: Stage) -> Option<String> {
    let (status, since) = status(stages);
    let since_date = since.map(|s| uk(s.entry.date)).unwrap_or_default();
    match status {
        CaseStatus::Withdrawn => {
            return Some(format!(
                "this case was withdrawn on {since_date}: it takes no further stages"
            ));
        }
        CaseStatus::Closed => {
            return Some(format!(
                "this case was closed on {since_date}: it takes no further stages"
            ));
        }
        _ => {}
    }
    match stage {
        Stage::OnHold if status == CaseStatus::OnHold => {
            return Some(format!("the case is already on hold (since {since_date})"));
        }
        Stage::Resumed if status != CaseStatus::OnHold => {
            return Some("the case is not on hold, so there is nothing to resume".into());
        }
        Stage::OnHold | Stage::Resumed | Stage::Withdrawn => return None,
        _ if status == CaseStatus::OnHold => {
            return Some(format!(
                "the case is on hold (since {since_date}): resume it before recording a stage"
            ));
        }
        _ => {}
    }
    let allowed = next_milestones(stages);
    if allowed.contains(&stage) {
        return None;
    }
    let recorded = stages
        .iter()
        .find(|s| s.entry.stage == stage || (stage.is_decision() && s.entry.stage.is_decision()));
    if let Some(done) = recorded.filter(|_| stage != Stage::Quote) {
        return Some(format!(
            "{} is already recorded: {} on {}",
            capitalised(stage.noun()),
            done.entry.stage.label().to_lowercase(),
            uk(done.entry.date)
        ));
    }
    let last = latest_milestone(stages);
    if let Some(last) = last.filter(|l| l.entry.stage == Stage::DecisionRefused) {
        return Some(format!(
            "the grant was refused on {}: the only stage left is closing the case",
            uk(last.entry.date)
        ));
    }
    if let Some(last) = last.filter(|l| l.entry.stage.rank() > stage.rank()) {
        return Some(format!(
            "{} comes before {}, which is already recorded ({})",
            capitalised(stage.noun()),
            last.entry.stage.noun(),
            uk(last.entry.date)
        ));
    }
    let approved = stages
        .iter()
        .any(|s| s.entry.stage == Stage::DecisionApproved);
    if stage.rank() > Stage::DecisionApproved.rank() && !approved {
        return Some(format!(
            "{} can only come after the grant is approved (works started before approval may get no grant): record {} next",
            capitalised(stage.noun()),
            or_list(allowed)
        ));
    }
    if stage == Stage::Closed {
        return Some(format!(
            "a case is closed once the grant is paid (or refused): record {} next, or withdraw the case",
            or_list(allowed)
        ));
    }
    let before = stage.follows().map_or("the stage before it", Stage::noun);
    Some(format!(
        "{} comes after {before}, which is not recorded yet: record {} next",
        capitalised(stage.noun()),
        or_list(allowed)
    ))
}

impl StageEntry {
    /// Tidies a stage as typed and checks it against the case: its place in the order, its
    /// date, and the parts this stage carries. Returns every problem found.
    pub fn validated(mut self, case: &DfgCase, rules: &DfgRules, today: NaiveDate) -> Result<Self> {
        tidy(&mut self.recorded_by);
        tidy(&mut self.contractor);
        tidy(&mut self.notes);
        for a in self.adaptations.iter_mut() {
            tidy(&mut a.description);
        }
        if let Some(f) = self.funding.as_mut() {
            tidy(&mut f.other_source);
        }
        let stage = self.stage;
        let mut check = Check::new();
        if let Some(message) = refusal(&case.stages, stage) {
            check.fail("stage", message);
        }
        check.required("recorded_by", "name of who recorded it", &self.recorded_by);
        let dated = check.past_date("date", "date", self.date, EARLIEST_RECORD, today);
        if let Some(last) = case.stages.iter().max_by_key(|s| s.entry.date)
            && dated
            && self.date < last.entry.date
        {
            check.fail(
                "date",
                format!(
                    "this is before {} ({}): stages are recorded in order, so check the date",
                    last.entry.stage.noun(),
                    uk(last.entry.date)
                ),
            );
        }
        let reason_field = if stage.is_milestone() {
            "notes"
        } else {
            "reason"
        };
        check.text(reason_field, "notes", &self.notes);
        match stage {
            Stage::OnHold | Stage::Withdrawn if self.notes.is_empty() => {
                check.fail("reason", format!("give the reason for {}", stage.noun()))
            }
            _ => {}
        }
        self.check_amount(&mut check, case);
        self.check_quote(&mut check);
        self.check_adaptations(&mut check);
        self.check_funding(&mut check, case, rules);
        check.finish()?;
        Ok(self)
    }

    fn check_amount(&self, check: &mut Check, case: &DfgCase) {
        let stage = self.stage;
        let Some(amount) = self.amount_pence else {
            if stage.amount_required() == Some(true) {
                check.fail(
                    "amount_pence",
                    format!(
                        "enter the amount of {}",
                        if stage == Stage::Quote {
                            "the quote"
                        } else {
                            "the approval"
                        }
                    ),
                );
            }
            return;
        };
        if stage.amount_required().is_none() {
            check.fail(
                "amount_pence",
                format!(
                    "{} has no amount: amounts belong to a quote, the full application, the approval and the payment",
                    capitalised(stage.noun())
                ),
            );
        } else if !(1..=MAX_PENCE).contains(&amount) {
            check.fail(
                "amount_pence",
                format!(
                    "give the amount in pounds: more than £0 and at most {}",
                    pounds(MAX_PENCE)
                ),
            );
        } else if stage == Stage::Paid
            && let Some(approved) = case
                .stage(Stage::DecisionApproved)
                .and_then(|s| s.entry.amount_pence)
            && amount > approved
        {
            check.fail(
                "amount_pence",
                format!(
                    "{} is more than the {} approved: check the amount",
                    pounds(amount),
                    pounds(approved)
                ),
            );
        }
    }

    fn check_quote(&mut self, check: &mut Check) {
        if self.stage == Stage::Quote {
            check.required("contractor", "contractor's name", &self.contractor);
        } else {
            self.chosen = false;
            if !self.contractor.is_empty() {
                check.fail("contractor", "only a quote has a contractor");
            }
        }
    }

    fn check_adaptations(&self, check: &mut Check) {
        if self.stage != Stage::Recommendation {
            if !self.adaptations.is_empty() {
                check.fail("adaptations", "adaptations belong to the OT recommendation");
            }
            return;
        }
        if self.adaptations.is_empty() {
            check.fail(
                "adaptations",
                "add at least one adaptation the OT recommends",
            );
        }
        for (i, a) in self.adaptations.iter().enumerate() {
            let field = format!("adaptations[{i}]");
            if a.kind == super::AdaptationKind::Other && a.description.is_empty() {
                check.fail(
                    format!("{field}.description"),
                    "describe the adaptation: it is not one of the usual kinds",
                );
            }
            check.text(
                &format!("{field}.description"),
                "description",
                &a.description,
            );
            if let Some(cost) = a.estimated_cost_pence
                && !(1..=MAX_PENCE).contains(&cost)
            {
                check.fail(
                    format!("{field}.estimated_cost_pence"),
                    "give the estimated cost in pounds, more than £0, or leave it empty",
                );
            }
        }
    }

    fn check_funding(&mut self, check: &mut Check, case: &DfgCase, rules: &DfgRules) {
        if self.stage != Stage::DecisionApproved {
            if self.funding.is_some() {
                check.fail("funding", "a funding split belongs to an approval");
            }
            return;
        }
        let Some(amount) = self.amount_pence.filter(|a| (1..=MAX_PENCE).contains(a)) else {
            return;
        };
        let nation = case.details.jurisdiction;
        let cap = rules.max_grant(nation);
        let funding = match self.funding.take() {
            Some(f) => f,
            None => match cap {
                Some(cap) if amount > cap => {
                    check.fail(
                        "funding",
                        format!(
                            "{} is more than the {} maximum grant in {}: say how the other {} is funded (discretionary top-up, family contribution or other)",
                            pounds(amount),
                            pounds(cap),
                            nation.label(),
                            pounds(amount - cap)
                        ),
                    );
                    return;
                }
                _ => super::FundingSplit {
                    mandatory_pence: amount,
                    ..Default::default()
                },
            },
        };
        for (field, part) in [
            ("funding.mandatory_pence", funding.mandatory_pence),
            ("funding.discretionary_pence", funding.discretionary_pence),
            ("funding.family_pence", funding.family_pence),
            ("funding.other_pence", funding.other_pence),
        ] {
            if !(0..=MAX_PENCE).contains(&part) {
                check.fail(field, "give the amount in pounds, £0 or more");
            }
        }
        if let Some(cap) = cap
            && funding.mandatory_pence > cap
        {
            check.fail(
                "funding.mandatory_pence",
                format!(
                    "the mandatory grant cannot be more than the {} maximum in {}: put the rest under a discretionary top-up, family contribution or other funding",
                    pounds(cap),
                    nation.label()
                ),
            );
        }
        if funding.total() != amount {
            check.fail(
                "funding",
                format!(
                    "the funding adds up to {} but the approved amount is {}",
                    pounds(funding.total()),
                    pounds(amount)
                ),
            );
        }
        if funding.other_pence > 0 && funding.other_source.is_empty() {
            check.fail(
                "funding.other_source",
                "say who gives the other funding (a charity, for example)",
            );
        }
        check.line(
            "funding.other_source",
            "source of other funding",
            &funding.other_source,
        );
        self.funding = Some(funding);
    }
}

/// Where a case stands on a day: its status, its latest stage and how long it has been
/// there, what may come next, and its statutory clocks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CaseProgress {
    pub status: CaseStatus,
    /// The latest step along the case; none before the referral is recorded.
    pub stage: Option<Stage>,
    /// When the case entered where it is now (its latest stage, hold or resumption; the day
    /// it was opened before any stage).
    pub since: NaiveDate,
    pub days_in_stage: i64,
    pub next_stages: Vec<Stage>,
    pub clocks: Vec<StatutoryClock>,
    /// A running clock is past its due date.
    pub overdue: bool,
    /// Where the case stands in a few words ([`CaseProgress::describe`]).
    pub description: String,
    /// The running clock due first (an overdue one is due earliest); none when none runs.
    pub next_deadline: Option<StatutoryClock>,
    /// Why no clock runs, when none does: not started yet, all stopped, or none in this
    /// nation. Empty while one runs.
    pub no_deadline_reason: String,
}

impl CaseProgress {
    pub fn of(case: &DfgCase, rules: &DfgRules, today: NaiveDate) -> CaseProgress {
        let since = case
            .stages
            .last()
            .map_or(case.opened_at.date_naive(), |s| s.entry.date);
        let clocks = clocks(case, rules, today);
        let next_deadline = clocks
            .iter()
            .filter(|c| c.is_running())
            .min_by_key(|c| c.due_date)
            .cloned();
        let no_deadline_reason = if next_deadline.is_some() {
            String::new()
        } else if !clocks.is_empty() {
            "None running".to_string()
        } else if !rules
            .jurisdiction(case.details.jurisdiction)
            .statutory_clocks
        {
            format!(
                "No statutory deadlines in {}",
                case.details.jurisdiction.label()
            )
        } else {
            "Not started: the deadlines start at the full application".to_string()
        };
        let mut progress = CaseProgress {
            status: status(&case.stages).0,
            stage: latest_milestone(&case.stages).map(|s| s.entry.stage),
            since,
            days_in_stage: (today - since).num_days(),
            next_stages: next_stages(&case.stages),
            overdue: clocks.iter().any(|c| c.overdue),
            clocks,
            description: String::new(),
            next_deadline,
            no_deadline_reason,
        };
        progress.description = progress.describe();
        progress
    }

    /// "Grant approved", "On hold (was at: Quote received)", "Withdrawn", "Opened".
    pub fn describe(&self) -> String {
        let stage = self.stage.map_or("Opened", Stage::label);
        match self.status {
            CaseStatus::Open => stage.to_string(),
            CaseStatus::OnHold => format!("On hold (at: {stage})"),
            CaseStatus::Withdrawn => format!("Withdrawn (at: {stage})"),
            CaseStatus::Closed => "Closed".to_string(),
        }
    }
}

#[cfg(test)]
#[path = "stages_tests.rs"]
mod tests;
