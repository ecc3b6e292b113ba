//! Disabled Facilities Grant cases: a child's home adaptation from the OT's referral to the
//! grant being paid, with the statutory clocks that run along the way.
//!
//! Everything here is a pure function of dates and amounts: [`stages`] says which stage may
//! come next and refuses the rest, [`clocks`] computes the statutory deadlines, [`figures`]
//! the maximum grant, land charge and means test, all by the [`DfgRules`] a team configures.
//! Money is whole pence ([`money`]).

pub mod clocks;
pub mod figures;
pub mod money;
pub mod rules;
pub mod stages;

use super::check::{Check, tidy};
use super::labelled::labelled_enum;
use super::postcode;
use super::{ChildId, DfgCaseId, DfgNoteId, DfgStageId};
use crate::error::Result;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

pub use clocks::{ClockKind, ClockState, StatutoryClock};
pub use figures::GrantFigures;
pub use rules::{DfgRules, JurisdictionRules, LandChargeRules, Scheme};
pub use stages::CaseProgress;

labelled_enum! {
    pub enum Tenure ("a tenure") {
        OwnerOccupier => ("owner-occupier", "Owner-occupier"),
        PrivateTenant => ("private-tenant", "Private tenant"),
        CouncilTenant => ("council-tenant", "Council tenant"),
        HousingAssociation => ("housing-association", "Housing association tenant"),
    }
}

labelled_enum! {
    pub enum Jurisdiction ("a UK nation") {
        England => ("england", "England"),
        Wales => ("wales", "Wales"),
        Scotland => ("scotland", "Scotland"),
        NorthernIreland => ("northern-ireland", "Northern Ireland"),
    }
}

labelled_enum! {
    pub enum AdaptationKind ("a kind of adaptation") {
        LevelAccessShower => ("level-access-shower", "Level-access shower or wet room"),
        Stairlift => ("stairlift", "Stairlift"),
        ThroughFloorLift => ("through-floor-lift", "Through-floor lift"),
        CeilingTrackHoist => ("ceiling-track-hoist", "Ceiling track hoist"),
        Ramp => ("ramp", "Ramp"),
        DoorWidening => ("door-widening", "Door widening"),
        Extension => ("extension", "Extension"),
        Other => ("other", "Other adaptation"),
    }
}

labelled_enum! {
    /// The stages of a case in the order they happen, then the changes of status (hold,
    /// resume, withdraw) that can come between them.
    pub enum Stage ("a DFG stage") {
        Referral => ("referral", "Referral received"),
        Assessment => ("assessment", "OT assessment"),
        Recommendation => ("recommendation", "OT recommendation"),
        WorksAgreed => ("works-agreed", "Schedule of works agreed"),
        Quote => ("quote", "Quote received"),
        Application => ("application", "Full application submitted"),
        DecisionApproved => ("decision-approved", "Grant approved"),
        DecisionRefused => ("decision-refused", "Grant refused"),
        WorksStarted => ("works-started", "Works started"),
        WorksCompleted => ("works-completed", "Works completed"),
        SignOff => ("sign-off", "OT sign-off of the works"),
        Paid => ("paid", "Grant paid"),
        Closed => ("closed", "Case closed"),
        OnHold => ("on-hold", "Put on hold"),
        Resumed => ("resumed", "Resumed"),
        Withdrawn => ("withdrawn", "Withdrawn"),
    }
}

labelled_enum! {
    pub enum CaseStatus ("a case status") {
        Open => ("open", "Open"),
        OnHold => ("on-hold", "On hold"),
        Withdrawn => ("withdrawn", "Withdrawn"),
        Closed => ("closed", "Closed"),
    }
}

impl CaseStatus {
    /// Withdrawn and closed cases take no further stages and their clocks have stopped.
    pub fn is_finished(self) -> bool {
        matches!(self, CaseStatus::Withdrawn | CaseStatus::Closed)
    }
}

/// Who and where: everything a person edits about a case apart from its stages and notes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct DfgCaseDetails {
    /// The home to be adapted; left empty, the child's home address is used.
    #[serde(default)]
    pub property_address: String,
    #[serde(default)]
    pub postcode: String,
    pub tenure: Tenure,
    pub jurisdiction: Jurisdiction,
    /// The council deciding the grant (or the Housing Executive in Northern Ireland).
    #[serde(default)]
    pub council: String,
    /// The home improvement agency helping the family, if any.
    #[serde(default)]
    pub agency: String,
    /// Who applies for the grant, usually a parent.
    #[serde(default)]
    pub applicant: String,
}

impl DfgCaseDetails {
    pub fn new(tenure: Tenure, jurisdiction: Jurisdiction) -> Self {
        DfgCaseDetails {
            property_address: String::new(),
            postcode: String::new(),
            tenure,
            jurisdiction,
            council: String::new(),
            agency: String::new(),
            applicant: String::new(),
        }
    }

    pub fn validated(mut self) -> Result<Self> {
        for s in [
            &mut self.property_address,
            &mut self.postcode,
            &mut self.council,
            &mut self.agency,
            &mut self.applicant,
        ] {
            tidy(s);
        }
        let mut check = Check::new();
        // A grant is for one home: a case without it cannot name the council, the works or
        // the land charge.
        if self.property_address.is_empty() {
            check.fail(
                "property_address",
                "enter the address of the home to be adapted",
            );
        }
        check.text(
            "property_address",
            "property address",
            &self.property_address,
        );
        check.line("council", "council", &self.council);
        check.line("agency", "home improvement agency", &self.agency);
        check.line("applicant", "applicant", &self.applicant);
        if !self.postcode.is_empty() {
            match postcode::parse(&self.postcode) {
                Ok(p) => {
                    self.postcode = p;
                    check_nation(&mut check, &self.postcode, self.jurisdiction);
                }
                Err(message) => check.fail("postcode", message),
            }
        }
        check.finish()?;
        Ok(self)
    }
}

/// Every Northern Ireland postcode starts BT and no other nation's does: the one certain
/// link between a postcode and a nation (other areas cross the borders).
fn check_nation(check: &mut Check, postcode: &str, jurisdiction: Jurisdiction) {
    let bt = postcode.starts_with("BT");
    if bt && jurisdiction != Jurisdiction::NorthernIreland {
        check.fail(
            "jurisdiction",
            "a BT postcode is in Northern Ireland: choose Northern Ireland",
        );
    } else if !bt && jurisdiction == Jurisdiction::NorthernIreland {
        check.fail(
            "jurisdiction",
            "Northern Ireland postcodes start with BT: check the postcode or the nation",
        );
    }
}

/// One adaptation the OT recommends.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Adaptation {
    pub kind: AdaptationKind,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub estimated_cost_pence: Option<i64>,
}

/// How an approved amount is paid for.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(default)]
pub struct FundingSplit {
    /// The mandatory DFG (or scheme-of-assistance grant): what the land charge is on.
    pub mandatory_pence: i64,
    /// The council's discretionary top-up above the maximum grant.
    pub discretionary_pence: i64,
    pub family_pence: i64,
    /// Other funding, such as a charity.
    pub other_pence: i64,
    /// Who gives the other funding.
    pub other_source: String,
}

impl FundingSplit {
    pub fn total(&self) -> i64 {
        self.mandatory_pence + self.discretionary_pence + self.family_pence + self.other_pence
    }
}

/// A stage as a person records it. Which parts apply depends on the stage: adaptations on the
/// recommendation, contractor and amount on a quote, amount and funding on an approval.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct StageEntry {
    pub stage: Stage,
    pub date: NaiveDate,
    pub recorded_by: String,
    /// A quote's amount, the amount applied for, the amount approved, or the amount paid.
    #[serde(default)]
    pub amount_pence: Option<i64>,
    /// A quote's contractor.
    #[serde(default)]
    pub contractor: String,
    /// Whether this quote is the one going ahead.
    #[serde(default)]
    pub chosen: bool,
    /// The OT's recommendation.
    #[serde(default)]
    pub adaptations: Vec<Adaptation>,
    /// How an approved amount is paid for; left empty, it is all mandatory grant.
    #[serde(default)]
    pub funding: Option<FundingSplit>,
    /// Anything else; the reason for a hold, a withdrawal or a refusal.
    #[serde(default)]
    pub notes: String,
}

impl StageEntry {
    /// A stage with just its date and who recorded it.
    pub fn new(stage: Stage, date: NaiveDate, recorded_by: &str) -> Self {
        StageEntry {
            stage,
            date,
            recorded_by: recorded_by.into(),
            amount_pence: None,
            contractor: String::new(),
            chosen: false,
            adaptations: Vec::new(),
            funding: None,
            notes: String::new(),
        }
    }
}

/// A hold, resumption or withdrawal: when, why and who said so.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct StatusChange {
    pub date: NaiveDate,
    #[serde(default)]
    pub reason: String,
    pub recorded_by: String,
}

impl StatusChange {
    pub fn entry(self, stage: Stage) -> StageEntry {
        StageEntry {
            notes: self.reason,
            ..StageEntry::new(stage, self.date, &self.recorded_by)
        }
    }
}

/// A stored stage.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct StageRecord {
    pub id: DfgStageId,
    #[serde(flatten)]
    pub entry: StageEntry,
    pub recorded_at: DateTime<Utc>,
}

/// A case note: never edited or removed once written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CaseNote {
    pub id: DfgNoteId,
    pub author: String,
    pub written_at: DateTime<Utc>,
    pub text: String,
}

impl CaseNote {
    /// Checks a note as typed and returns its author and text tidied.
    pub fn checked(author: &str, text: &str) -> Result<(String, String)> {
        let (author, text) = (author.trim().to_string(), text.trim().to_string());
        let mut check = Check::new();
        check.required("author", "name of who wrote the note", &author);
        if text.is_empty() {
            check.fail("text", "write the note");
        }
        check.text("text", "note", &text);
        check.finish()?;
        Ok((author, text))
    }
}

/// A stored case with its stages (in the order they happened) and notes (oldest first).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct DfgCase {
    pub id: DfgCaseId,
    pub child_id: ChildId,
    #[serde(flatten)]
    pub details: DfgCaseDetails,
    pub stages: Vec<StageRecord>,
    pub notes: Vec<CaseNote>,
    pub opened_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl DfgCase {
    /// The first record of a stage, if it has been recorded.
    pub fn stage(&self, stage: Stage) -> Option<&StageRecord> {
        self.stages.iter().find(|s| s.entry.stage == stage)
    }

    /// The date a stage was recorded for, if it has been.
    pub fn date_of(&self, stage: Stage) -> Option<NaiveDate> {
        self.stage(stage).map(|s| s.entry.date)
    }

    /// The quotes, in the order received.
    pub fn quotes(&self) -> impl Iterator<Item = &StageRecord> {
        self.stages.iter().filter(|s| s.entry.stage == Stage::Quote)
    }

    /// The decision, approved or refused, if one has been made.
    pub fn decision(&self) -> Option<&StageRecord> {
        self.stages.iter().find(|s| s.entry.stage.is_decision())
    }

    /// The adaptations of the OT's recommendation.
    pub fn adaptations(&self) -> &[Adaptation] {
        self.stage(Stage::Recommendation)
            .map_or(&[], |s| s.entry.adaptations.as_slice())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A case with its property, as every case needs.
    fn details(tenure: Tenure, jurisdiction: Jurisdiction) -> DfgCaseDetails {
        DfgCaseDetails {
            property_address: "14 Elm Road, Birmingham".into(),
            ..DfgCaseDetails::new(tenure, jurisdiction)
        }
    }

    fn fields_of(details: DfgCaseDetails) -> Vec<String> {
        match details.validated() {
            Ok(_) => vec![],
            Err(e) => e.fields().iter().map(|f| f.field.clone()).collect(),
        }
    }

    #[test]
    fn a_case_postcode_is_checked_and_written_the_standard_way() {
        let mut d = details(Tenure::OwnerOccupier, Jurisdiction::England);
        d.postcode = "b28 0ls".into();
        d.council = " Birmingham City Council ".into();
        let d = d.validated().unwrap();
        assert_eq!(d.postcode, "B28 0LS");
        assert_eq!(d.council, "Birmingham City Council");
        let mut bad = details(Tenure::OwnerOccupier, Jurisdiction::England);
        bad.postcode = "nowhere".into();
        assert_eq!(fields_of(bad), vec!["postcode"]);
    }

    #[test]
    fn a_bt_postcode_belongs_to_northern_ireland_and_only_there() {
        let mut d = details(Tenure::PrivateTenant, Jurisdiction::England);
        d.postcode = "BT1 5GS".into();
        assert_eq!(fields_of(d.clone()), vec!["jurisdiction"]);
        d.jurisdiction = Jurisdiction::NorthernIreland;
        assert!(fields_of(d.clone()).is_empty());
        d.postcode = "CF10 1EP".into();
        assert_eq!(fields_of(d), vec!["jurisdiction"]);
    }

    #[test]
    fn a_case_needs_the_address_of_the_home_to_be_adapted() {
        let d = DfgCaseDetails::new(Tenure::OwnerOccupier, Jurisdiction::England);
        let err = d.validated().unwrap_err();
        assert_eq!(
            err.fields()[0].to_string(),
            "property_address: enter the address of the home to be adapted"
        );
    }

    #[test]
    fn who_and_where_refuse_control_characters() {
        let mut d = details(Tenure::OwnerOccupier, Jurisdiction::England);
        d.property_address = "14 Elm Road\u{1b}[2J".into();
        d.council = "Birmingham\u{1b}".into();
        d.agency = "Agency\u{1b}".into();
        d.applicant = "Parent\u{1b}".into();
        assert_eq!(
            fields_of(d),
            vec!["property_address", "council", "agency", "applicant"]
        );
        let err = CaseNote::checked("Mia\u{1b}", "Rang\u{1b}[31m").unwrap_err();
        let fields: Vec<&str> = err.fields().iter().map(|f| f.field.as_str()).collect();
        assert_eq!(fields, vec!["author", "text"]);
    }

    #[test]
    fn stage_codes_read_as_typed() {
        assert_eq!(
            "decision approved".parse::<Stage>(),
            Ok(Stage::DecisionApproved)
        );
        assert_eq!("Works_Agreed".parse::<Stage>(), Ok(Stage::WorksAgreed));
        let err = "approval".parse::<Stage>().unwrap_err();
        assert!(err.contains("decision-approved"), "{err}");
    }

    #[test]
    fn a_note_needs_an_author_and_some_text() {
        let err = CaseNote::checked(" ", "  ").unwrap_err();
        let fields: Vec<&str> = err.fields().iter().map(|f| f.field.as_str()).collect();
        assert_eq!(fields, vec!["author", "text"]);
        assert_eq!(
            CaseNote::checked(" Mia Patel ", " Rang the agency ").unwrap(),
            ("Mia Patel".to_string(), "Rang the agency".to_string())
        );
    }
}
