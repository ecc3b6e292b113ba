//! People around a child: parents and carers, and the professionals who support them.

use super::check::{Check, tidy};
use super::labelled::labelled_enum;
use super::{ChildId, ContactId};
use crate::error::Result;
use serde::{Deserialize, Serialize};

labelled_enum! {
    pub enum ContactRole ("a contact role") {
        ParentCarer => ("parent-carer", "Parent or carer"),
        OccupationalTherapist => ("occupational-therapist", "Occupational therapist"),
        Physiotherapist => ("physiotherapist", "Physiotherapist"),
        WheelchairService => ("wheelchair-service", "Wheelchair service"),
        EquipmentService => ("equipment-service", "Equipment service"),
        SchoolNurse => ("school-nurse", "School nurse"),
        Other => ("other", "Other"),
    }
}

impl ContactRole {
    /// Family details are left off school copies where the audience rules say so.
    pub fn is_family(self) -> bool {
        self == ContactRole::ParentCarer
    }
}

/// One phone number with what it is for ("Mobile", "Work", "Repairs, 8am to 6pm").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Phone {
    #[serde(default)]
    pub label: String,
    pub number: String,
}

/// Checks a list of phones, reporting each by its position (`phones[1].number`).
pub(crate) fn check_phones(check: &mut Check, field: &str, phones: &mut Vec<Phone>) {
    for phone in phones.iter_mut() {
        tidy(&mut phone.label);
        tidy(&mut phone.number);
    }
    phones.retain(|p| !(p.label.is_empty() && p.number.is_empty()));
    for (i, phone) in phones.iter().enumerate() {
        if phone.number.is_empty() {
            check.fail(
                format!("{field}[{i}].number"),
                "enter the number, or remove this phone",
            );
        } else {
            check.phone(&format!("{field}[{i}].number"), &phone.number);
        }
        check.line(&format!("{field}[{i}].label"), "phone label", &phone.label);
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ContactDetails {
    pub name: String,
    pub role: ContactRole,
    /// For family: "Mum", "Grandad"; for professionals: their job title.
    #[serde(default)]
    pub relationship: String,
    #[serde(default)]
    pub organisation: String,
    #[serde(default)]
    pub phones: Vec<Phone>,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub notes: String,
}

impl ContactDetails {
    pub fn new(name: &str, role: ContactRole) -> Self {
        Self {
            name: name.into(),
            role,
            relationship: String::new(),
            organisation: String::new(),
            phones: Vec::new(),
            email: String::new(),
            notes: String::new(),
        }
    }

    pub fn validated(mut self) -> Result<Self> {
        for s in [
            &mut self.name,
            &mut self.relationship,
            &mut self.organisation,
            &mut self.email,
            &mut self.notes,
        ] {
            tidy(s);
        }
        let mut check = Check::new();
        check.required("name", "contact's name", &self.name);
        check.line(
            "relationship",
            "relationship or job title",
            &self.relationship,
        );
        check.line("organisation", "organisation", &self.organisation);
        check_phones(&mut check, "phones", &mut self.phones);
        check.email("email", &self.email);
        check.text("notes", "notes", &self.notes);
        check.finish()?;
        Ok(self)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Contact {
    pub id: ContactId,
    pub child_id: ChildId,
    #[serde(flatten)]
    pub details: ContactDetails,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_contact_needs_a_name_and_valid_phones() {
        let mut c = ContactDetails::new("", ContactRole::ParentCarer);
        c.phones = vec![
            Phone {
                label: "Mobile".into(),
                number: "07700 900123".into(),
            },
            Phone {
                label: "Home".into(),
                number: "".into(),
            },
            Phone {
                label: "Work".into(),
                number: "123".into(),
            },
            Phone {
                label: " ".into(),
                number: " ".into(),
            },
        ];
        let err = c.validated().unwrap_err();
        let fields: Vec<&str> = err.fields().iter().map(|f| f.field.as_str()).collect();
        assert_eq!(fields, vec!["name", "phones[1].number", "phones[2].number"]);
    }

    #[test]
    fn blank_phone_rows_are_dropped() {
        let mut c = ContactDetails::new("Amira Haddad", ContactRole::ParentCarer);
        c.phones = vec![Phone {
            label: " ".into(),
            number: "".into(),
        }];
        assert!(c.validated().unwrap().phones.is_empty());
    }

    #[test]
    fn roles_parse_from_their_codes_and_name_the_choices_otherwise() {
        assert_eq!(
            "school-nurse".parse::<ContactRole>(),
            Ok(ContactRole::SchoolNurse)
        );
        assert_eq!(
            "School nurse".parse::<ContactRole>(),
            Ok(ContactRole::SchoolNurse)
        );
        let err = "dentist".parse::<ContactRole>().unwrap_err();
        assert!(err.contains("parent-carer"), "{err}");
    }
}
