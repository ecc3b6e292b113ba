//! A child on the caseload: who they are, where they learn, and what staff handling their
//! equipment must know about them.

use super::check::{Check, EARLIEST_BIRTH, EARLIEST_RECORD, tidy};
use super::key_statements::KeyStatements;
use super::labelled::labelled_enum;
use super::{ChildId, PhotoId, SettingId, nhs_number, postcode};
use crate::error::Result;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

labelled_enum! {
    /// The Balanced System tier the child's therapy sits in.
    pub enum Tier ("a Balanced System tier") {
        Universal => ("universal", "Universal"),
        Targeted => ("targeted", "Targeted"),
        Specialist => ("specialist", "Specialist"),
    }
}

/// Education, Health and Care Plan: whether there is one, and what its Section G (health
/// provision) says about equipment.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(default)]
pub struct Ehcp {
    pub has_plan: bool,
    pub section_g: String,
}

/// Consent to share the child's details with their setting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Consent {
    /// Who gave it, e.g. "Amira Haddad (mother)".
    pub given_by: String,
    pub given_on: NaiveDate,
}

/// What staff need to know about the child before handling their equipment.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(default)]
pub struct AboutMe {
    pub communication: String,
    pub what_helps: String,
    /// Alerts that matter when handling equipment: seizures, a shunt, a gastrostomy ...
    pub medical_alerts: String,
}

/// Everything a person edits about a child. Strings left empty mean "not recorded".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ChildDetails {
    pub given_name: String,
    pub family_name: String,
    #[serde(default)]
    pub preferred_name: String,
    pub date_of_birth: NaiveDate,
    /// Ten digits once validated; typed forms may include spaces.
    #[serde(default)]
    pub nhs_number: String,
    #[serde(default)]
    pub setting_id: Option<SettingId>,
    /// Year group or class, e.g. "Year 3, Willow class".
    #[serde(default)]
    pub class_name: String,
    #[serde(default)]
    pub tier: Option<Tier>,
    #[serde(default)]
    pub ehcp: Ehcp,
    #[serde(default)]
    pub consent: Option<Consent>,
    #[serde(default)]
    pub about_me: AboutMe,
    /// The most important things, printed on the page after the cover of every copy.
    #[serde(default)]
    pub key_statements: KeyStatements,
    /// Home address: for the family's copy only, never printed on a school copy.
    #[serde(default)]
    pub home_address: String,
    #[serde(default)]
    pub home_postcode: String,
    /// The language the child's passport is printed in when a print does not say: English,
    /// Welsh or bilingual. `None` is English. Left out of JSON (and bundles) when not set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub language: Option<crate::passport::Language>,
}

impl ChildDetails {
    /// A child with just the required fields filled in.
    pub fn new(given_name: &str, family_name: &str, date_of_birth: NaiveDate) -> Self {
        Self {
            given_name: given_name.into(),
            family_name: family_name.into(),
            preferred_name: String::new(),
            date_of_birth,
            nhs_number: String::new(),
            setting_id: None,
            class_name: String::new(),
            tier: None,
            ehcp: Ehcp::default(),
            consent: None,
            about_me: AboutMe::default(),
            key_statements: KeyStatements::default(),
            home_address: String::new(),
            home_postcode: String::new(),
            language: None,
        }
    }

    /// Tidies what was typed and checks every rule, returning the details as they will be
    /// stored (NHS number as ten digits, postcode in capitals) or every problem found.
    pub fn validated(mut self, today: NaiveDate) -> Result<Self> {
        for s in [
            &mut self.given_name,
            &mut self.family_name,
            &mut self.preferred_name,
            &mut self.nhs_number,
            &mut self.class_name,
            &mut self.ehcp.section_g,
            &mut self.about_me.communication,
            &mut self.about_me.what_helps,
            &mut self.about_me.medical_alerts,
            &mut self.home_address,
            &mut self.home_postcode,
        ] {
            tidy(s);
        }
        let mut check = Check::new();
        check.required("given_name", "first name", &self.given_name);
        check.required("family_name", "last name", &self.family_name);
        check.line("preferred_name", "preferred name", &self.preferred_name);
        check.line("class_name", "year group or class", &self.class_name);
        let born = check.past_date(
            "date_of_birth",
            "date of birth",
            self.date_of_birth,
            EARLIEST_BIRTH,
            today,
        );
        if born
            && today
                .years_since(self.date_of_birth)
                .is_some_and(|age| age > 25)
        {
            check.fail(
                "date_of_birth",
                "this date of birth makes the young person over 25: children's services hold records up to 25, so check the year",
            );
        }
        if !self.nhs_number.is_empty() {
            match nhs_number::parse(&self.nhs_number) {
                Ok(digits) => self.nhs_number = digits,
                Err(message) => check.fail("nhs_number", message),
            }
        }
        check.text("ehcp.section_g", "Section G summary", &self.ehcp.section_g);
        if !self.ehcp.has_plan && !self.ehcp.section_g.is_empty() {
            check.fail(
                "ehcp.section_g",
                "a Section G summary needs an EHCP: tick 'has an EHCP' or clear the summary",
            );
        }
        if let Some(consent) = &mut self.consent {
            tidy(&mut consent.given_by);
            check.required(
                "consent.given_by",
                "name of the person who gave consent",
                &consent.given_by,
            );
            check.past_date(
                "consent.given_on",
                "date consent was given",
                consent.given_on,
                EARLIEST_RECORD,
                today,
            );
        }
        check.text(
            "about_me.communication",
            "how I communicate",
            &self.about_me.communication,
        );
        check.text(
            "about_me.what_helps",
            "what helps me",
            &self.about_me.what_helps,
        );
        check.text(
            "about_me.medical_alerts",
            "medical alerts",
            &self.about_me.medical_alerts,
        );
        self.key_statements.check(&mut check);
        check.text("home_address", "home address", &self.home_address);
        if !self.home_postcode.is_empty() {
            match postcode::parse(&self.home_postcode) {
                Ok(p) => self.home_postcode = p,
                Err(message) => check.fail("home_postcode", message),
            }
        }
        check.finish()?;
        Ok(self)
    }

    /// The name to use when speaking to the child: their preferred name if they have one.
    pub fn known_as(&self) -> &str {
        if self.preferred_name.is_empty() {
            &self.given_name
        } else {
            &self.preferred_name
        }
    }

    /// "Zoë Hughes", or "Zoë Hughes (Zo)" when a preferred name differs from the given name.
    pub fn display_name(&self) -> String {
        Self::display_name_of(&self.given_name, &self.family_name, &self.preferred_name)
    }

    /// The display name from its parts, for lists that read names without a whole child.
    pub fn display_name_of(given: &str, family: &str, preferred: &str) -> String {
        if preferred.is_empty() || preferred == given {
            format!("{given} {family}")
        } else {
            format!("{given} {family} ({preferred})")
        }
    }
}

/// A stored child.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Child {
    pub id: ChildId,
    #[serde(flatten)]
    pub details: ChildDetails,
    pub photo_id: Option<PhotoId>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
    }

    fn zoe() -> ChildDetails {
        ChildDetails::new(
            " Zoë ",
            "Hughes",
            NaiveDate::from_ymd_opt(2017, 3, 14).unwrap(),
        )
    }

    fn fields_of(details: ChildDetails) -> Vec<String> {
        match details.validated(today()) {
            Ok(_) => vec![],
            Err(e) => e.fields().iter().map(|f| f.field.clone()).collect(),
        }
    }

    #[test]
    fn a_child_needs_both_names() {
        let mut c = zoe();
        c.given_name = " ".into();
        c.family_name = String::new();
        assert_eq!(fields_of(c), vec!["given_name", "family_name"]);
    }

    #[test]
    fn names_are_trimmed() {
        assert_eq!(zoe().validated(today()).unwrap().given_name, "Zoë");
    }

    #[test]
    fn date_of_birth_cannot_be_in_the_future_or_over_25_years_ago() {
        let mut c = zoe();
        c.date_of_birth = NaiveDate::from_ymd_opt(2027, 1, 1).unwrap();
        assert_eq!(fields_of(c), vec!["date_of_birth"]);
        let mut c = zoe();
        c.date_of_birth = NaiveDate::from_ymd_opt(1990, 1, 1).unwrap();
        assert_eq!(fields_of(c), vec!["date_of_birth"]);
    }

    #[test]
    fn nhs_number_is_checked_and_stored_as_digits() {
        let mut c = zoe();
        c.nhs_number = "943 476 5919".into();
        assert_eq!(c.validated(today()).unwrap().nhs_number, "9434765919");
        let mut c = zoe();
        c.nhs_number = "943 476 5918".into();
        assert_eq!(fields_of(c), vec!["nhs_number"]);
    }

    #[test]
    fn section_g_needs_a_plan() {
        let mut c = zoe();
        c.ehcp.section_g = "Wheelchair services to review seating annually".into();
        assert_eq!(fields_of(c.clone()), vec!["ehcp.section_g"]);
        c.ehcp.has_plan = true;
        assert!(fields_of(c).is_empty());
    }

    #[test]
    fn consent_needs_who_and_a_past_date() {
        let mut c = zoe();
        c.consent = Some(Consent {
            given_by: " ".into(),
            given_on: NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
        });
        assert_eq!(fields_of(c), vec!["consent.given_by", "consent.given_on"]);
    }

    #[test]
    fn home_postcode_is_checked() {
        let mut c = zoe();
        c.home_postcode = "b21 9ry".into();
        assert_eq!(c.validated(today()).unwrap().home_postcode, "B21 9RY");
        let mut c = zoe();
        c.home_postcode = "nowhere".into();
        assert_eq!(fields_of(c), vec!["home_postcode"]);
    }

    #[test]
    fn a_date_of_birth_before_1900_is_a_mistyped_year() {
        let mut c = zoe();
        c.date_of_birth = NaiveDate::from_ymd_opt(1, 1, 1).unwrap();
        let err = c.validated(today()).unwrap_err();
        assert_eq!(err.fields().len(), 1, "one problem, not also 'over 25'");
        assert_eq!(
            err.fields()[0].message,
            "the date of birth cannot be before 1900: check the year"
        );
    }

    #[test]
    fn consent_given_before_1950_is_refused() {
        let mut c = zoe();
        c.consent = Some(Consent {
            given_by: "Amira Haddad (mother)".into(),
            given_on: NaiveDate::from_ymd_opt(1, 1, 1).unwrap(),
        });
        assert_eq!(fields_of(c), vec!["consent.given_on"]);
    }

    #[test]
    fn every_text_field_refuses_control_characters() {
        let esc = "Esc\u{1b}[2J\u{1b}[31mRED";
        let mut c = zoe();
        c.given_name = esc.into();
        c.family_name = esc.into();
        c.preferred_name = esc.into();
        c.class_name = esc.into();
        c.ehcp.has_plan = true;
        c.ehcp.section_g = esc.into();
        c.about_me.communication = esc.into();
        c.about_me.what_helps = esc.into();
        c.about_me.medical_alerts = esc.into();
        c.key_statements.red = vec![esc.into()];
        c.home_address = esc.into();
        c.home_postcode = esc.into();
        c.consent = Some(Consent {
            given_by: esc.into(),
            given_on: NaiveDate::from_ymd_opt(2020, 1, 1).unwrap(),
        });
        let err = c.validated(today()).unwrap_err();
        let fields: Vec<&str> = err.fields().iter().map(|f| f.field.as_str()).collect();
        assert_eq!(
            fields,
            vec![
                "given_name",
                "family_name",
                "preferred_name",
                "class_name",
                "ehcp.section_g",
                "consent.given_by",
                "about_me.communication",
                "about_me.what_helps",
                "about_me.medical_alerts",
                "key_statements.red[0]",
                "home_address",
                "home_postcode",
            ]
        );
        for f in err.fields() {
            assert!(!f.message.contains('\u{1b}'), "{f}");
        }
    }

    #[test]
    fn key_statements_are_checked_with_the_rest_of_the_child_and_stored_tidied() {
        let mut c = zoe();
        c.given_name = String::new();
        c.key_statements.red = vec!["One".into(), "Two".into(), "Three".into(), "Four".into()];
        assert_eq!(fields_of(c), vec!["given_name", "key_statements.red"]);

        let mut c = zoe();
        c.key_statements.red = vec!["".into(), " Never lift me without two adults ".into()];
        c.key_statements.green = vec!["  ".into()];
        let stored = c.validated(today()).unwrap().key_statements;
        assert_eq!(stored.red, vec!["Never lift me without two adults"]);
        assert!(stored.green.is_empty());
    }

    #[test]
    fn a_child_saved_before_key_statements_existed_reads_with_none() {
        let json = r#"{"given_name":"Zoë","family_name":"Hughes","date_of_birth":"2017-03-14"}"#;
        let c: ChildDetails = serde_json::from_str(json).unwrap();
        assert!(c.key_statements.is_empty());
    }

    #[test]
    fn free_text_about_the_child_keeps_its_line_breaks() {
        let mut c = zoe();
        c.about_me.what_helps = "Warn her first.\r\nCount to three.\n\tThen lift.".into();
        assert!(fields_of(c).is_empty());
    }

    #[test]
    fn preferred_name_shows_in_brackets_only_when_different() {
        let mut c = zoe().validated(today()).unwrap();
        assert_eq!(c.display_name(), "Zoë Hughes");
        c.preferred_name = "Zo".into();
        assert_eq!(c.display_name(), "Zoë Hughes (Zo)");
        assert_eq!(c.known_as(), "Zo");
    }
}
