//! Schools, nurseries and colleges: where the equipment is used and who to send passports to.

use super::SettingId;
use super::check::{Check, tidy};
use super::labelled::labelled_enum;
use super::postcode;
use crate::error::Result;
use serde::{Deserialize, Serialize};

labelled_enum! {
    pub enum SettingKind ("a kind of setting") {
        School => ("school", "School"),
        Nursery => ("nursery", "Nursery"),
        College => ("college", "College"),
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SettingDetails {
    pub name: String,
    pub kind: SettingKind,
    #[serde(default)]
    pub address: String,
    #[serde(default)]
    pub postcode: String,
    #[serde(default)]
    pub phone: String,
    #[serde(default)]
    pub senco_name: String,
    #[serde(default)]
    pub senco_email: String,
    /// The therapist who links with this setting.
    #[serde(default)]
    pub link_therapist: String,
}

impl SettingDetails {
    pub fn new(name: &str, kind: SettingKind) -> Self {
        Self {
            name: name.into(),
            kind,
            address: String::new(),
            postcode: String::new(),
            phone: String::new(),
            senco_name: String::new(),
            senco_email: String::new(),
            link_therapist: String::new(),
        }
    }

    pub fn validated(mut self) -> Result<Self> {
        for s in [
            &mut self.name,
            &mut self.address,
            &mut self.postcode,
            &mut self.phone,
            &mut self.senco_name,
            &mut self.senco_email,
            &mut self.link_therapist,
        ] {
            tidy(s);
        }
        let mut check = Check::new();
        check.required("name", "name of the setting", &self.name);
        check.text("address", "address", &self.address);
        if !self.postcode.is_empty() {
            match postcode::parse(&self.postcode) {
                Ok(p) => self.postcode = p,
                Err(message) => check.fail("postcode", message),
            }
        }
        check.phone("phone", &self.phone);
        check.line("senco_name", "SENCO's name", &self.senco_name);
        check.email("senco_email", &self.senco_email);
        check.line("link_therapist", "link therapist", &self.link_therapist);
        check.finish()?;
        Ok(self)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Setting {
    pub id: SettingId,
    #[serde(flatten)]
    pub details: SettingDetails,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields_of(s: SettingDetails) -> Vec<String> {
        match s.validated() {
            Ok(_) => vec![],
            Err(e) => e.fields().iter().map(|f| f.field.clone()).collect(),
        }
    }

    #[test]
    fn a_setting_needs_a_name() {
        assert_eq!(
            fields_of(SettingDetails::new(" ", SettingKind::School)),
            vec!["name"]
        );
    }

    #[test]
    fn postcode_phone_and_email_are_checked() {
        let mut s = SettingDetails::new("Oakfield Primary", SettingKind::School);
        s.postcode = "not a postcode".into();
        s.phone = "12".into();
        s.senco_email = "senco-at-oakfield".into();
        assert_eq!(fields_of(s), vec!["postcode", "phone", "senco_email"]);
    }

    #[test]
    fn a_good_setting_is_normalised() {
        let mut s = SettingDetails::new("Oakfield Primary", SettingKind::School);
        s.postcode = "b21 9ry".into();
        s.senco_email = " senco@oakfield.sch.uk ".into();
        let s = s.validated().unwrap();
        assert_eq!(s.postcode, "B21 9RY");
        assert_eq!(s.senco_email, "senco@oakfield.sch.uk");
    }
}
