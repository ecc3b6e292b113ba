//! Who a passport is printed for, and which details each copy may show.
//!
//! Two layers decide what prints. Templates hide whatever a trust chooses (`[fields] hide`).
//! Underneath, a few rules live in code because no template may undo them: a school copy
//! never shows the child's home address, NHS number or the family's wheelchair budget
//! arrangements, whatever template it is printed with.

use crate::model::WhereUsed;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// Who the copy is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum Audience {
    /// The setting's copy: everything staff need to use the equipment safely, and no more.
    School,
    /// The family's copy: everything about the equipment.
    Family,
}

impl Audience {
    pub const ALL: [Audience; 2] = [Audience::School, Audience::Family];

    /// Stable code for the CLI, templates and the issued-copy register.
    pub fn code(self) -> &'static str {
        match self {
            Audience::School => "school",
            Audience::Family => "family",
        }
    }

    /// What the cover calls this copy.
    pub fn label(self) -> &'static str {
        match self {
            Audience::School => "School copy",
            Audience::Family => "Family copy",
        }
    }

    /// Whether this copy shows equipment used at `place`: the family's copy shows it all, the
    /// school's only what is used at school (data minimisation: home equipment is not the
    /// school's to know about).
    pub fn sees_equipment_used_at(self, place: WhereUsed) -> bool {
        match self {
            Audience::School => place != WhereUsed::Home,
            Audience::Family => true,
        }
    }

    /// Fields this audience may never see, whatever the template says.
    pub fn forbidden(self) -> &'static [Field] {
        match self {
            Audience::School => &[
                Field::ChildHomeAddress,
                Field::ChildNhsNumber,
                Field::WheelchairBudget,
            ],
            Audience::Family => &[],
        }
    }
}

impl std::fmt::Display for Audience {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

impl std::str::FromStr for Audience {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s.trim().to_lowercase().as_str() {
            "school" => Ok(Audience::School),
            "family" => Ok(Audience::Family),
            other => Err(format!(
                "'{other}' is not an audience: use school or family"
            )),
        }
    }
}

macro_rules! fields {
    ($($variant:ident => $code:literal: $doc:literal,)+) => {
        /// A detail a template can hide. Codes are what templates write in `[fields] hide`.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
        pub enum Field {
            $(#[doc = $doc] $variant,)+
        }

        impl Field {
            pub const ALL: &'static [Field] = &[$(Field::$variant,)+];

            pub fn code(self) -> &'static str {
                match self { $(Field::$variant => $code,)+ }
            }

            pub fn from_code(code: &str) -> Option<Field> {
                match code { $($code => Some(Field::$variant),)+ _ => None }
            }
        }
    };
}

fields! {
    ChildPhoto => "child.photo": "The child's photo on the cover.",
    ChildDateOfBirth => "child.date_of_birth": "Date of birth.",
    ChildNhsNumber => "child.nhs_number": "NHS number (never on a school copy).",
    ChildHomeAddress => "child.home_address": "Home address and postcode (never on a school copy).",
    ChildClass => "child.class": "Year group or class.",
    ChildMedicalAlerts => "child.medical_alerts": "Alerts that matter when handling equipment.",
    FamilyPhones => "family.phones": "Parents' and carers' phone numbers.",
    FamilyEmail => "family.email": "Parents' and carers' email addresses.",
    ContactNotes => "contact.notes": "Notes recorded against contacts.",
    SettingContact => "setting.contact": "The setting's phone and SENCO among the contacts.",
    SupplierAccountRef => "supplier.account_ref": "Account or reference numbers with suppliers.",
    ItemSerial => "item.serial": "Serial numbers, asset tags, lot numbers and dates of manufacture.",
    ItemLoanNumber => "item.loan_number": "Loan numbers.",
    ItemIssueDate => "item.issue_date": "The date an item was issued.",
    ItemServiceNotes => "item.service_notes": "Engineers' notes from the last examination or service.",
    WheelchairBudget => "wheelchair.budget": "The Personal Wheelchair Budget option and who pays (never on a school copy).",
    WheelchairComponents => "wheelchair.components": "Seating and postural components of a wheelchair.",
    SeatingMeasurements => "seating.measurements": "Set-up measurements of seating.",
}

/// What one copy shows: the template's hidden fields plus the audience's forbidden ones.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Visibility {
    hidden: BTreeSet<Field>,
}

impl Visibility {
    pub fn new(audience: Audience, template_hidden: &BTreeSet<Field>) -> Visibility {
        let mut hidden = template_hidden.clone();
        hidden.extend(audience.forbidden().iter().copied());
        Visibility { hidden }
    }

    pub fn shows(&self, field: Field) -> bool {
        !self.hidden.contains(&field)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for &f in Field::ALL {
            assert_eq!(Field::from_code(f.code()), Some(f));
        }
        assert_eq!(Field::from_code("child.nhs"), None);
    }

    #[test]
    fn a_school_copy_never_shows_the_address_nhs_number_or_budget_even_if_the_template_allows() {
        let v = Visibility::new(Audience::School, &BTreeSet::new());
        assert!(!v.shows(Field::ChildHomeAddress));
        assert!(!v.shows(Field::ChildNhsNumber));
        assert!(!v.shows(Field::WheelchairBudget));
        assert!(v.shows(Field::ItemSerial));
        let family = Visibility::new(Audience::Family, &BTreeSet::new());
        assert!(family.shows(Field::ChildNhsNumber));
    }

    #[test]
    fn the_template_can_hide_more() {
        let hidden = BTreeSet::from([Field::ItemSerial]);
        assert!(!Visibility::new(Audience::Family, &hidden).shows(Field::ItemSerial));
    }

    #[test]
    fn a_school_copy_shows_equipment_used_at_school_and_the_family_copy_shows_it_all() {
        assert!(Audience::School.sees_equipment_used_at(WhereUsed::School));
        assert!(Audience::School.sees_equipment_used_at(WhereUsed::Both));
        assert!(!Audience::School.sees_equipment_used_at(WhereUsed::Home));
        for place in WhereUsed::ALL {
            assert!(Audience::Family.sees_equipment_used_at(*place));
        }
    }

    #[test]
    fn audiences_parse() {
        assert_eq!("School".parse::<Audience>(), Ok(Audience::School));
        assert!(
            "teacher"
                .parse::<Audience>()
                .unwrap_err()
                .contains("school or family")
        );
    }
}
