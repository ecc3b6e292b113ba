//! Collects the field errors of one form so a person sees every problem at once.

use crate::error::{Error, FieldError};
use chrono::NaiveDate;

/// Longest free text we accept in one field: a page and a half of a passport.
pub const MAX_TEXT: usize = 4_000;
/// Longest single-line value (names, phone labels, serial numbers).
pub const MAX_LINE: usize = 200;

#[derive(Debug, Default)]
pub struct Check {
    errors: Vec<FieldError>,
}

impl Check {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn fail(&mut self, field: impl Into<String>, message: impl Into<String>) {
        self.errors.push(FieldError::new(field, message));
    }

    /// A required single line: present and not too long.
    pub fn required(&mut self, field: &str, label: &str, value: &str) {
        if value.trim().is_empty() {
            self.fail(field, format!("enter the {label}"));
        } else {
            self.line(field, label, value);
        }
    }

    /// An optional single line: no line breaks, not too long.
    pub fn line(&mut self, field: &str, label: &str, value: &str) {
        if value.chars().count() > MAX_LINE {
            self.fail(
                field,
                format!("the {label} is too long: keep it under {MAX_LINE} characters"),
            );
        } else if value.contains(['\n', '\r']) {
            self.fail(field, format!("the {label} must be on one line"));
        }
    }

    /// Optional free text (may have line breaks).
    pub fn text(&mut self, field: &str, label: &str, value: &str) {
        let n = value.chars().count();
        if n > MAX_TEXT {
            self.fail(
                field,
                format!("the {label} is too long ({n} characters): keep it under {MAX_TEXT}"),
            );
        }
    }

    pub fn email(&mut self, field: &str, value: &str) {
        if value.is_empty() {
            return;
        }
        let ok = match value.split_once('@') {
            Some((local, domain)) => {
                !local.is_empty()
                    && domain.contains('.')
                    && !domain.starts_with('.')
                    && !domain.ends_with('.')
                    && !value.contains(char::is_whitespace)
                    && !domain.contains('@')
            }
            None => false,
        };
        if !ok {
            self.fail(
                field,
                format!(
                    "'{value}' is not an email address: it should look like name@school.sch.uk"
                ),
            );
        }
    }

    /// A UK phone number: digits with optional spaces, brackets, dashes and a leading +44.
    pub fn phone(&mut self, field: &str, value: &str) {
        if value.is_empty() {
            return;
        }
        let allowed = value
            .chars()
            .all(|c| c.is_ascii_digit() || " ()-+".contains(c));
        let digits = value.chars().filter(|c| c.is_ascii_digit()).count();
        let plus_ok = value.chars().skip(1).all(|c| c != '+');
        if !allowed || !plus_ok || !(10..=13).contains(&digits) {
            self.fail(
                field,
                format!("'{value}' is not a phone number: write it like 0121 465 8551"),
            );
        }
    }

    pub fn not_future(&mut self, field: &str, label: &str, date: NaiveDate, today: NaiveDate) {
        if date > today {
            self.fail(field, format!("the {label} cannot be in the future"));
        }
    }

    /// Finishes the check: `Ok` when nothing failed, otherwise every problem found.
    pub fn finish(self) -> Result<(), Error> {
        if self.errors.is_empty() {
            Ok(())
        } else {
            Err(Error::Invalid(self.errors))
        }
    }
}

/// Trims a string in place (forms send what was typed, spaces and all).
pub fn tidy(value: &mut String) {
    let trimmed = value.trim();
    if trimmed.len() != value.len() {
        *value = trimmed.to_string();
    }
}

/// Trims every entry of a list and drops the empty ones.
pub fn tidy_list(values: &mut Vec<String>) {
    values.iter_mut().for_each(tidy);
    values.retain(|v| !v.is_empty());
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one_error(f: impl FnOnce(&mut Check)) -> Option<String> {
        let mut c = Check::new();
        f(&mut c);
        match c.finish() {
            Ok(()) => None,
            Err(e) => Some(e.fields()[0].message.clone()),
        }
    }

    #[test]
    fn required_fields_say_what_to_enter() {
        assert_eq!(
            one_error(|c| c.required("given_name", "first name", "  ")).as_deref(),
            Some("enter the first name")
        );
        assert_eq!(
            one_error(|c| c.required("given_name", "first name", "Zoë")),
            None
        );
    }

    #[test]
    fn single_lines_refuse_line_breaks_and_overlong_values() {
        assert!(
            one_error(|c| c.line("serial", "serial number", "AB\n12"))
                .unwrap()
                .contains("one line")
        );
        let long = "x".repeat(MAX_LINE + 1);
        assert!(
            one_error(|c| c.line("serial", "serial number", &long))
                .unwrap()
                .contains("too long")
        );
    }

    #[test]
    fn free_text_has_a_limit() {
        let long = "word ".repeat(MAX_TEXT);
        assert!(
            one_error(|c| c.text("purpose", "purpose", &long))
                .unwrap()
                .contains("too long")
        );
        assert_eq!(
            one_error(|c| c.text("purpose", "purpose", "Line one\nLine two")),
            None
        );
    }

    #[test]
    fn emails_need_a_local_part_and_a_dotted_domain() {
        assert_eq!(one_error(|c| c.email("e", "senco@oakfield.sch.uk")), None);
        assert_eq!(one_error(|c| c.email("e", "")), None);
        for bad in [
            "senco",
            "senco@school",
            "@school.uk",
            "a b@school.uk",
            "a@.uk",
            "a@b@c.uk",
        ] {
            assert!(one_error(|c| c.email("e", bad)).is_some(), "{bad}");
        }
    }

    #[test]
    fn phones_are_uk_shaped() {
        for good in [
            "0121 465 8551",
            "01234-567890",
            "+44 7700 900123",
            "(01632) 960 001",
        ] {
            assert_eq!(one_error(|c| c.phone("p", good)), None, "{good}");
        }
        for bad in [
            "12345",
            "0121 465 8551 ext 2",
            "07700+900123",
            "not a number",
        ] {
            assert!(one_error(|c| c.phone("p", bad)).is_some(), "{bad}");
        }
    }

    #[test]
    fn future_dates_are_refused() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        let tomorrow = today.succ_opt().unwrap();
        assert!(one_error(|c| c.not_future("dob", "date of birth", tomorrow, today)).is_some());
        assert_eq!(
            one_error(|c| c.not_future("dob", "date of birth", today, today)),
            None
        );
    }

    #[test]
    fn all_problems_are_reported_together() {
        let mut c = Check::new();
        c.required("a", "a", "");
        c.required("b", "b", "");
        assert_eq!(c.finish().unwrap_err().fields().len(), 2);
    }

    #[test]
    fn tidying_trims_and_drops_empty_list_entries() {
        let mut list = vec!["  Check brakes ".to_string(), " ".to_string()];
        tidy_list(&mut list);
        assert_eq!(list, vec!["Check brakes"]);
    }
}
