//! The statutory clocks of a case: the council's decision is due 6 months after the full
//! application, the works within 12 months of approval, and the payment no later than 12
//! months after the application (the months come from [`DfgRules`]). A clock runs until the
//! stage that meets it is recorded, or the case is refused, withdrawn or closed. Putting a
//! case on hold does not stop a statutory clock: the law has no pause.

use super::{DfgCase, DfgRules, Stage, StageRecord};
use crate::model::DueKind;
use crate::model::labelled::labelled_enum;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

labelled_enum! {
    pub enum ClockKind ("a DFG deadline") {
        Decision => ("decision", "Decision due"),
        Works => ("works", "Works to be completed"),
        Payment => ("payment", "Payment due"),
    }
}

labelled_enum! {
    /// Where a statutory clock stands, in a word or two (the tag beside its sentence).
    pub enum ClockState ("a deadline's state") {
        Running => ("running", "Running"),
        DueToday => ("due-today", "Due today"),
        Overdue => ("overdue", "Overdue"),
        Met => ("met", "Met"),
        MetLate => ("met-late", "Met late"),
        Stopped => ("stopped", "Stopped"),
    }
}

impl ClockKind {
    /// The kind of entry the clock makes on the due list.
    pub fn due_kind(self) -> DueKind {
        match self {
            ClockKind::Decision => DueKind::DfgDecision,
            ClockKind::Works => DueKind::DfgWorks,
            ClockKind::Payment => DueKind::DfgPayment,
        }
    }

    fn short(self) -> &'static str {
        match self {
            ClockKind::Decision => "decision due",
            ClockKind::Works => "works due",
            ClockKind::Payment => "payment due",
        }
    }
}

/// One statutory deadline of a case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct StatutoryClock {
    pub kind: ClockKind,
    /// The stage that started it: the full application, or the approval.
    pub started_by: Stage,
    pub started_on: NaiveDate,
    pub due_date: NaiveDate,
    /// While it runs, days from today to the due date (negative when overdue). Once stopped,
    /// the days it had to spare (negative when it was met late).
    pub days_left: i64,
    /// Running and past its due date.
    pub overdue: bool,
    pub stopped_on: Option<NaiveDate>,
    /// The stage that stopped it: the decision, completion or payment that met it, or a
    /// refusal, withdrawal or closure that ended it.
    pub stopped_by: Option<Stage>,
    /// Running, due today, overdue, met, met late, or stopped by a refusal or withdrawal.
    pub state: ClockState,
    /// The state in a sentence: "Overdue by 3 days", "Met 3 June 2026, 27 days early".
    pub state_text: String,
}

fn uk(date: NaiveDate) -> String {
    date.format("%-d %B %Y").to_string()
}

fn days(n: i64) -> String {
    if n == 1 {
        "1 day".into()
    } else {
        format!("{n} days")
    }
}

impl StatutoryClock {
    pub fn is_running(&self) -> bool {
        self.stopped_on.is_none()
    }

    /// Stopped by the stage that meets the deadline (rather than by a refusal or withdrawal).
    pub fn was_met(&self) -> bool {
        matches!(
            (self.kind, self.stopped_by),
            (
                ClockKind::Decision,
                Some(Stage::DecisionApproved | Stage::DecisionRefused)
            ) | (ClockKind::Works, Some(Stage::WorksCompleted))
                | (ClockKind::Payment, Some(Stage::Paid))
        )
    }

    /// As the due list names it: "DFG: decision due (application 3 March 2026)".
    pub fn subject(&self) -> String {
        let from = match self.started_by {
            Stage::DecisionApproved => "approved",
            _ => "application",
        };
        format!(
            "DFG: {} ({from} {})",
            self.kind.short(),
            uk(self.started_on)
        )
    }

    fn state_now(&self) -> ClockState {
        match self.stopped_on {
            None => match self.days_left {
                0 => ClockState::DueToday,
                d if d < 0 => ClockState::Overdue,
                _ => ClockState::Running,
            },
            Some(_) if self.was_met() && self.days_left < 0 => ClockState::MetLate,
            Some(_) if self.was_met() => ClockState::Met,
            Some(_) => ClockState::Stopped,
        }
    }

    /// "Overdue by 3 days", "12 days left", "Met 3 June 2026, 27 days early",
    /// "Stopped: withdrawn 3 June 2026".
    pub fn state(&self) -> String {
        match (self.stopped_on, self.stopped_by) {
            (None, _) => match self.days_left {
                0 => "Due today".into(),
                d if d < 0 => format!("Overdue by {}", days(-d)),
                d => format!("{} left", days(d)),
            },
            (Some(on), _) if self.was_met() => match self.days_left {
                0 => format!("Met {} (on the day)", uk(on)),
                d if d < 0 => format!("Met late {}, {} after the deadline", uk(on), days(-d)),
                d => format!("Met {}, {} early", uk(on), days(d)),
            },
            (Some(on), by) => format!(
                "Stopped: {} {}",
                by.map_or("stopped", |s| s.label()).to_lowercase(),
                uk(on)
            ),
        }
    }
}

fn first(stages: &[StageRecord], wanted: impl Fn(Stage) -> bool) -> Option<&StageRecord> {
    stages.iter().find(|s| wanted(s.entry.stage))
}

/// The case's clocks on `today`: none before the full application, or where the nation's
/// rules have no statutory clocks (Scotland's scheme of assistance).
pub fn clocks(case: &DfgCase, rules: &DfgRules, today: NaiveDate) -> Vec<StatutoryClock> {
    if !rules
        .jurisdiction(case.details.jurisdiction)
        .statutory_clocks
    {
        return Vec::new();
    }
    let stages = &case.stages;
    let Some(application) = first(stages, |s| s == Stage::Application) else {
        return Vec::new();
    };
    let ended = first(stages, |s| matches!(s, Stage::Withdrawn | Stage::Closed));
    let clock = |kind, start: &StageRecord, due: NaiveDate, stop: Option<&StageRecord>| {
        let stop = stop.or(ended);
        let counted_to = stop.map_or(today, |s| s.entry.date);
        let days_left = (due - counted_to).num_days();
        let mut clock = StatutoryClock {
            kind,
            started_by: start.entry.stage,
            started_on: start.entry.date,
            due_date: due,
            days_left,
            overdue: stop.is_none() && days_left < 0,
            stopped_on: stop.map(|s| s.entry.date),
            stopped_by: stop.map(|s| s.entry.stage),
            state: ClockState::Running,
            state_text: String::new(),
        };
        clock.state = clock.state_now();
        clock.state_text = clock.state();
        clock
    };
    let applied = application.entry.date;
    let mut out = vec![clock(
        ClockKind::Decision,
        application,
        rules.decision_due(applied),
        first(stages, Stage::is_decision),
    )];
    if let Some(approval) = first(stages, |s| s == Stage::DecisionApproved) {
        out.push(clock(
            ClockKind::Works,
            approval,
            rules.works_due(approval.entry.date),
            first(stages, |s| s == Stage::WorksCompleted),
        ));
    }
    out.push(clock(
        ClockKind::Payment,
        application,
        rules.payment_due(applied),
        first(stages, |s| {
            matches!(s, Stage::Paid | Stage::DecisionRefused)
        }),
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::dfg::{DfgCaseDetails, Jurisdiction, StageEntry, Tenure};
    use crate::model::{ChildId, DfgCaseId, DfgStageId};
    use chrono::{TimeZone, Utc};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn case(j: Jurisdiction, stages: &[(Stage, NaiveDate)]) -> DfgCase {
        let at = Utc.with_ymd_and_hms(2025, 1, 1, 12, 0, 0).unwrap();
        DfgCase {
            id: DfgCaseId::new(),
            child_id: ChildId::new(),
            details: DfgCaseDetails::new(Tenure::OwnerOccupier, j),
            stages: stages
                .iter()
                .map(|(stage, date)| StageRecord {
                    id: DfgStageId::new(),
                    entry: StageEntry::new(*stage, *date, "Mia Patel"),
                    recorded_at: at,
                })
                .collect(),
            notes: Vec::new(),
            opened_at: at,
            updated_at: at,
        }
    }

    fn summary(clocks: &[StatutoryClock]) -> Vec<(ClockKind, NaiveDate, i64, bool)> {
        clocks
            .iter()
            .map(|c| (c.kind, c.due_date, c.days_left, c.is_running()))
            .collect()
    }

    #[test]
    fn no_clock_runs_before_the_full_application() {
        let c = case(Jurisdiction::England, &[(Stage::Referral, d(2026, 1, 5))]);
        assert!(clocks(&c, &DfgRules::default(), d(2026, 11, 22)).is_empty());
    }

    #[test]
    fn an_application_on_31_august_is_decided_by_the_end_of_february() {
        let c = case(
            Jurisdiction::England,
            &[(Stage::Application, d(2026, 8, 31))],
        );
        let got = clocks(&c, &DfgRules::default(), d(2027, 2, 1));
        assert_eq!(
            summary(&got),
            vec![
                (ClockKind::Decision, d(2027, 2, 28), 27, true),
                (ClockKind::Payment, d(2027, 8, 31), 211, true),
            ]
        );
        // In a leap year the decision is due on the 29th.
        let c = case(Jurisdiction::Wales, &[(Stage::Application, d(2027, 8, 31))]);
        let got = clocks(&c, &DfgRules::default(), d(2028, 3, 1));
        assert_eq!(got[0].due_date, d(2028, 2, 29));
        assert_eq!(got[0].days_left, -1);
        assert!(got[0].overdue);
        assert_eq!(got[0].state(), "Overdue by 1 day");
        assert_eq!(
            got[0].subject(),
            "DFG: decision due (application 31 August 2027)"
        );
    }

    #[test]
    fn a_decision_stops_the_decision_clock_and_starts_the_works_clock() {
        let c = case(
            Jurisdiction::England,
            &[
                (Stage::Application, d(2026, 3, 3)),
                (Stage::DecisionApproved, d(2026, 8, 7)),
            ],
        );
        let got = clocks(&c, &DfgRules::default(), d(2026, 11, 22));
        assert_eq!(
            summary(&got),
            vec![
                (ClockKind::Decision, d(2026, 9, 3), 27, false),
                (ClockKind::Works, d(2027, 8, 7), 258, true),
                (ClockKind::Payment, d(2027, 3, 3), 101, true),
            ]
        );
        assert!(got[0].was_met());
        assert_eq!(got[0].state(), "Met 7 August 2026, 27 days early");
        assert_eq!(got[1].subject(), "DFG: works due (approved 7 August 2026)");
    }

    #[test]
    fn a_late_decision_is_met_late_and_a_refusal_ends_the_payment_clock() {
        let c = case(
            Jurisdiction::England,
            &[
                (Stage::Application, d(2026, 1, 10)),
                (Stage::DecisionRefused, d(2026, 7, 20)),
            ],
        );
        let got = clocks(&c, &DfgRules::default(), d(2026, 11, 22));
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].days_left, -10);
        assert_eq!(
            got[0].state(),
            "Met late 20 July 2026, 10 days after the deadline"
        );
        assert!(!got[1].was_met());
        assert_eq!(got[1].stopped_by, Some(Stage::DecisionRefused));
        assert_eq!(got[1].state(), "Stopped: grant refused 20 July 2026");
        assert!(got.iter().all(|c| !c.overdue));
    }

    #[test]
    fn a_hold_does_not_stop_the_clocks_but_a_withdrawal_does() {
        let held = case(
            Jurisdiction::England,
            &[
                (Stage::Application, d(2026, 1, 10)),
                (Stage::OnHold, d(2026, 2, 1)),
            ],
        );
        let got = clocks(&held, &DfgRules::default(), d(2026, 11, 22));
        assert!(got[0].overdue, "the decision was due 10 July 2026");
        let mut withdrawn = held.clone();
        withdrawn.stages.push(StageRecord {
            id: DfgStageId::new(),
            entry: StageEntry::new(Stage::Withdrawn, d(2026, 3, 1), "Mia Patel"),
            recorded_at: held.opened_at,
        });
        let got = clocks(&withdrawn, &DfgRules::default(), d(2026, 11, 22));
        assert!(got.iter().all(|c| !c.is_running() && !c.overdue));
        assert_eq!(got[0].state(), "Stopped: withdrawn 1 March 2026");
    }

    #[test]
    fn completion_and_payment_stop_their_clocks() {
        let c = case(
            Jurisdiction::NorthernIreland,
            &[
                (Stage::Application, d(2025, 2, 28)),
                (Stage::DecisionApproved, d(2025, 4, 30)),
                (Stage::WorksStarted, d(2025, 6, 2)),
                (Stage::WorksCompleted, d(2025, 9, 1)),
                (Stage::SignOff, d(2025, 9, 8)),
                (Stage::Paid, d(2025, 10, 1)),
            ],
        );
        let got = clocks(&c, &DfgRules::default(), d(2026, 11, 22));
        assert_eq!(
            summary(&got),
            vec![
                (ClockKind::Decision, d(2025, 8, 28), 120, false),
                (ClockKind::Works, d(2026, 4, 30), 241, false),
                (ClockKind::Payment, d(2026, 2, 28), 150, false),
            ]
        );
        assert!(got.iter().all(StatutoryClock::was_met));
    }

    #[test]
    fn each_clock_says_where_it_stands_in_a_word_and_in_a_sentence() {
        let applied = case(
            Jurisdiction::England,
            &[(Stage::Application, d(2026, 3, 3))],
        );
        let on = |today| {
            let c = &clocks(&applied, &DfgRules::default(), today)[0];
            (c.state, c.state_text.clone())
        };
        assert_eq!(
            on(d(2026, 9, 1)),
            (ClockState::Running, "2 days left".to_string())
        );
        assert_eq!(
            on(d(2026, 9, 3)),
            (ClockState::DueToday, "Due today".to_string())
        );
        assert_eq!(
            on(d(2026, 9, 4)),
            (ClockState::Overdue, "Overdue by 1 day".to_string())
        );
        let decided = |stage, date| {
            let mut c = applied.clone();
            c.stages.push(StageRecord {
                id: DfgStageId::new(),
                entry: StageEntry::new(stage, date, "Mia Patel"),
                recorded_at: applied.opened_at,
            });
            let got = &clocks(&c, &DfgRules::default(), d(2026, 11, 22))[0];
            (got.state, got.state_text.clone())
        };
        assert_eq!(
            decided(Stage::DecisionApproved, d(2026, 9, 3)),
            (
                ClockState::Met,
                "Met 3 September 2026 (on the day)".to_string()
            )
        );
        assert_eq!(
            decided(Stage::DecisionRefused, d(2026, 9, 5)),
            (
                ClockState::MetLate,
                "Met late 5 September 2026, 2 days after the deadline".to_string()
            )
        );
        assert_eq!(
            decided(Stage::Withdrawn, d(2026, 5, 1)),
            (
                ClockState::Stopped,
                "Stopped: withdrawn 1 May 2026".to_string()
            )
        );
    }

    #[test]
    fn scotlands_scheme_of_assistance_has_no_dfg_clocks() {
        let c = case(
            Jurisdiction::Scotland,
            &[(Stage::Application, d(2026, 1, 5))],
        );
        assert!(clocks(&c, &DfgRules::default(), d(2026, 11, 22)).is_empty());
    }

    #[test]
    fn the_months_are_configurable() {
        let rules = DfgRules {
            decision_months: 2,
            ..DfgRules::default()
        };
        let c = case(
            Jurisdiction::England,
            &[(Stage::Application, d(2025, 12, 31))],
        );
        assert_eq!(
            clocks(&c, &rules, d(2026, 1, 1))[0].due_date,
            d(2026, 2, 28)
        );
    }
}
