//! Record identifiers: UUID v7 newtypes, so ids sort by creation time and one kind of id can
//! never be passed where another is expected.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;
use uuid::Uuid;

macro_rules! record_id {
    ($($(#[$doc:meta])* $name:ident => $kind:literal;)+) => {$(
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(type = "string"))]
        #[serde(transparent)]
        pub struct $name(pub Uuid);

        impl $name {
            /// What this id names, in plain words, for error messages.
            pub const KIND: &'static str = $kind;

            /// A fresh time-ordered id.
            pub fn new() -> Self {
                Self(Uuid::now_v7())
            }
        }

        impl Default for $name {
            fn default() -> Self {
                Self::new()
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.hyphenated().fmt(f)
            }
        }

        impl FromStr for $name {
            type Err = crate::Error;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Uuid::parse_str(s.trim()).map(Self).map_err(|_| {
                    crate::Error::invalid(
                        "id",
                        format!("'{}' is not a {} id: ids look like 0192f0c4-5e6a-7b8c-9d0e-1f2a3b4c5d6e", s.trim(), $kind),
                    )
                })
            }
        }
    )+};
}

record_id! {
    /// A child on the caseload.
    ChildId => "child";
    /// A school, nursery or college.
    SettingId => "setting";
    /// A parent, carer or professional linked to a child.
    ContactId => "contact";
    /// A wheelchair service, equipment service, manufacturer, repairer or contractor.
    SupplierId => "supplier";
    /// One piece of a child's equipment.
    ItemId => "equipment item";
    /// A service, LOLER examination, repair or safety check of an item.
    ServiceRecordId => "service record";
    /// A stored photo.
    PhotoId => "photo";
    /// A Disabled Facilities Grant case.
    DfgCaseId => "DFG case";
    /// One recorded stage of a DFG case (a quote, the decision, a hold ...).
    DfgStageId => "DFG stage";
    /// A note on a DFG case.
    DfgNoteId => "DFG case note";
    /// One entry of the register of staff trained to use an item.
    TrainingId => "training record";
    /// One of an item's schedules (LOLER, service, review, a check the therapist names).
    ScheduleId => "schedule";
    /// A field safety notice (a manufacturer's notice or an MHRA alert).
    NoticeId => "safety notice";
}
