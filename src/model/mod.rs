//! The domain: children, their settings and contacts, suppliers, equipment and its service
//! log, and Disabled Facilities Grant cases. Validation lives here and returns field-level errors; no I/O and no clock (today's
//! date is passed in).

mod check;
pub mod child;
pub mod contact;
pub mod dfg;
pub mod due;
pub mod evacuation;
pub mod examination;
pub mod handling;
mod id;
pub mod item;
pub mod item_parts;
pub mod key_statements;
mod labelled;
pub mod nhs_number;
pub mod passphrase;
pub mod postcode;
pub mod safety_notice;
pub mod schedule;
pub mod search_text;
pub mod service;
pub mod setting;
pub mod supplier;
pub mod trained;

pub use check::{MAX_LINE, MAX_TEXT};
pub use child::{AboutMe, Child, ChildDetails, Consent, Ehcp, Tier};
pub use contact::{Contact, ContactDetails, ContactRole, Phone};
pub use due::{DueEntry, DueKind};
pub use evacuation::{EvacuationPlan, EvacuationSession, NamedAdult};
pub use examination::{Defect, ExaminationReport, IntervalBasis, SafeWorkingLoad};
pub use handling::HandlingTask;
pub use id::{
    ChildId, ContactId, DfgCaseId, DfgNoteId, DfgStageId, ItemId, NoticeId, PhotoId, ScheduleId,
    ServiceRecordId, SettingId, SupplierId, TrainingId,
};
pub use item::{
    Category, CategoryFlags, Day, EquipmentItem, ItemDetails, ItemPhoto, ItemStatus, ScheduleSlot,
    SetupStep, WhereUsed,
};
pub use item_parts::{
    LoopConfiguration, Measurement, SeatingDetails, SlingDetails, WheelchairBudget,
    WheelchairDetails, WheelchairType,
};
pub use key_statements::{KeyStatements, StatementColour};
pub use labelled::{LabelTable, label_tables};
pub use safety_notice::{
    MatchResult, NoticeAction, NoticeActionDetails, NoticeDetails, NoticeMatch, SafetyNotice,
    SerialRange, match_item,
};
pub use schedule::{Schedule, ScheduleDetails, ScheduleDone, ScheduleKind};
pub use service::{Outcome, ServiceIntervals, ServiceKind, ServiceRecord, ServiceRecordDetails};
pub use setting::{Setting, SettingDetails, SettingKind};
pub use supplier::{Supplier, SupplierDetails, SupplierKind};
pub use trained::{TrainingDetails, TrainingRecord};
