//! Closed lists of choices (categories, roles, statuses): each has a stable code for storage and
//! scripts and a plain-English label for people. [`label_tables`] lists every one of them, so
//! the UI's label tables are generated from these and never typed twice.

use super::dfg::{
    AdaptationKind, CaseStatus, ClockKind, ClockState, Jurisdiction, Scheme, Stage, Tenure,
};
use super::{
    Category, ContactRole, Day, DueKind, IntervalBasis, ItemStatus, NoticeAction, Outcome,
    ScheduleKind, ServiceKind, SettingKind, StatementColour, SupplierKind, Tier, WheelchairBudget,
    WheelchairType, WhereUsed,
};

/// One closed list: its type's name and each code with its label, in the order declared.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LabelTable {
    pub name: &'static str,
    pub entries: Vec<(&'static str, &'static str)>,
}

/// Every closed list in the domain (each `labelled_enum!`).
pub fn label_tables() -> Vec<LabelTable> {
    vec![
        Tier::table(),
        ContactRole::table(),
        Category::table(),
        WhereUsed::table(),
        ItemStatus::table(),
        Day::table(),
        WheelchairType::table(),
        WheelchairBudget::table(),
        StatementColour::table(),
        ServiceKind::table(),
        IntervalBasis::table(),
        Outcome::table(),
        SettingKind::table(),
        SupplierKind::table(),
        DueKind::table(),
        ScheduleKind::table(),
        Tenure::table(),
        Jurisdiction::table(),
        AdaptationKind::table(),
        Stage::table(),
        CaseStatus::table(),
        ClockKind::table(),
        ClockState::table(),
        Scheme::table(),
        NoticeAction::table(),
    ]
}

/// Declares an enum whose variants carry a storage code and a label, with parsing that names
/// the valid codes when given something else.
macro_rules! labelled_enum {
    (
        $(#[$doc:meta])*
        pub enum $name:ident ($what:literal) {
            $($variant:ident => ($code:literal, $label:literal),)+
        }
    ) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        #[cfg_attr(feature = "ts", derive(ts_rs::TS))]
        pub enum $name {
            $(#[serde(rename = $code)] $variant,)+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant,)+];

            /// The stable code used in the database, JSON and the CLI.
            pub fn code(self) -> &'static str {
                match self { $($name::$variant => $code,)+ }
            }

            /// The plain-English label shown to people.
            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label,)+ }
            }

            pub fn from_code(code: &str) -> Option<Self> {
                match code { $($code => Some($name::$variant),)+ _ => None }
            }

            /// Every code with its label, in order, under the type's name.
            pub fn table() -> $crate::model::labelled::LabelTable {
                $crate::model::labelled::LabelTable {
                    name: stringify!($name),
                    entries: vec![$(($code, $label),)+],
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.label())
            }
        }

        impl std::str::FromStr for $name {
            type Err = String;
            fn from_str(s: &str) -> Result<Self, String> {
                let wanted = s.trim().to_lowercase().replace([' ', '_'], "-");
                Self::from_code(&wanted).ok_or_else(|| {
                    let codes: Vec<&str> = Self::ALL.iter().map(|v| v.code()).collect();
                    format!("'{}' is not {}: use one of {}", s.trim(), $what, codes.join(", "))
                })
            }
        }
    };
}

pub(crate) use labelled_enum;

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn declarations_in(dir: &Path) -> usize {
        std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .map(|path| {
                if path.is_dir() {
                    declarations_in(&path)
                } else {
                    let text = std::fs::read_to_string(&path).unwrap();
                    text.matches("\nlabelled_enum! {").count()
                }
            })
            .sum()
    }

    #[test]
    fn every_closed_list_in_the_model_is_in_the_tables() {
        let model = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/model");
        assert_eq!(label_tables().len(), declarations_in(&model));
        let mut names: Vec<&str> = label_tables().iter().map(|t| t.name).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), label_tables().len(), "a list is named twice");
    }

    #[test]
    fn a_table_holds_each_code_with_its_label_in_order() {
        let table = DueKind::table();
        assert_eq!(table.name, "DueKind");
        assert_eq!(table.entries[0], ("loler", "LOLER thorough examination"));
        assert_eq!(table.entries.len(), DueKind::ALL.len());
    }
}
