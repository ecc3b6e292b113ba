//! The user's preferences: who signs passports off, the organisation printed on them, and
//! how long the app may sit idle before it locks.

use super::Api;
use crate::error::{Error, FieldError, Result};
use crate::passport::TherapistProfile;
use crate::store::{app_files, app_settings};
use serde::{Deserialize, Serialize};

const KEY: &str = "preferences";
const LOGO: &str = "organisation-logo.png";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(default)]
pub struct Preferences {
    /// Printed on every passport's sign-off page.
    pub therapist: TherapistProfile,
    /// The organisation named on passport covers; empty keeps the template's.
    pub organisation: String,
    /// Lines under the organisation on the cover (address, phone, website).
    pub contact_lines: Vec<String>,
    /// Minutes without use before the app locks and asks for the passphrase again.
    pub idle_lock_minutes: u32,
    /// Whether an organisation logo has been added (see [`Api::set_logo`]).
    pub has_logo: bool,
}

impl Default for Preferences {
    fn default() -> Self {
        Preferences {
            therapist: TherapistProfile::default(),
            organisation: String::new(),
            contact_lines: Vec::new(),
            idle_lock_minutes: 10,
            has_logo: false,
        }
    }
}

impl Preferences {
    fn validated(mut self) -> Result<Self> {
        let t = &mut self.therapist;
        for s in [
            &mut t.name,
            &mut t.profession,
            &mut t.hcpc_number,
            &mut self.organisation,
        ] {
            *s = s.trim().to_string();
        }
        t.hcpc_number = t.hcpc_number.to_uppercase().replace(' ', "");
        self.contact_lines = self
            .contact_lines
            .iter()
            .map(|l| l.trim().to_string())
            .filter(|l| !l.is_empty())
            .collect();
        let mut problems = Vec::new();
        if !t.hcpc_number.is_empty() && !valid_hcpc(&t.hcpc_number) {
            problems.push(FieldError::new(
                "therapist.hcpc_number",
                "an HCPC registration number is the profession's letters then digits, like OT12345 or PH123456",
            ));
        }
        if !(1..=120).contains(&self.idle_lock_minutes) {
            problems.push(FieldError::new(
                "idle_lock_minutes",
                "choose between 1 and 120 minutes",
            ));
        }
        if self.contact_lines.len() > 4 {
            problems.push(FieldError::new(
                "contact_lines",
                "a cover has room for four contact lines",
            ));
        }
        for (field, value) in [
            ("therapist.name", &self.therapist.name),
            ("therapist.profession", &self.therapist.profession),
            ("organisation", &self.organisation),
        ] {
            if value.chars().count() > crate::model::MAX_LINE {
                problems.push(FieldError::new(field, "keep this under 200 characters"));
            }
        }
        if problems.is_empty() {
            Ok(self)
        } else {
            Err(Error::Invalid(problems))
        }
    }
}

/// HCPC numbers: two or three capital letters for the profession, then four to six digits.
fn valid_hcpc(number: &str) -> bool {
    let letters = number
        .chars()
        .take_while(|c| c.is_ascii_uppercase())
        .count();
    let digits = &number[letters..];
    (2..=3).contains(&letters)
        && (4..=6).contains(&digits.len())
        && digits.chars().all(|c| c.is_ascii_digit())
}

impl Api {
    pub fn preferences(&self) -> Result<Preferences> {
        let mut prefs: Preferences = app_settings::get(self.store.conn(), KEY)?.unwrap_or_default();
        prefs.has_logo = app_files::get(self.store.conn(), LOGO)?.is_some();
        Ok(prefs)
    }

    pub fn set_preferences(&mut self, preferences: Preferences) -> Result<Preferences> {
        let mut preferences = preferences.validated()?;
        preferences.has_logo = app_files::get(self.store.conn(), LOGO)?.is_some();
        app_settings::set(self.store.conn(), KEY, &preferences)?;
        Ok(preferences)
    }

    /// Sets the organisation's logo for passport covers from a PNG file's bytes.
    pub fn set_logo(&mut self, png: &[u8]) -> Result<()> {
        // Checked by loading it exactly as a passport will.
        crate::passport::template::Logo::from_png(png)
            .map_err(|e| Error::Image(format!("the logo could not be used: {e}")))?;
        app_files::set(self.store.conn(), LOGO, png)
    }

    pub fn remove_logo(&mut self) -> Result<()> {
        app_files::remove(self.store.conn(), LOGO)
    }

    pub(crate) fn logo_png(&self) -> Result<Option<Vec<u8>>> {
        app_files::get(self.store.conn(), LOGO)
    }
}

#[cfg(test)]
mod tests {
    use super::valid_hcpc;

    #[test]
    fn hcpc_numbers_are_letters_then_digits() {
        for good in ["OT12345", "PH123456", "SL01234", "PYL12345"] {
            assert!(valid_hcpc(good), "{good}");
        }
        for bad in [
            "12345",
            "O12345",
            "OT12",
            "OT1234567",
            "OTX12A45",
            "ot12345",
        ] {
            assert!(!valid_hcpc(bad), "{bad}");
        }
    }
}
