//! Collects the field errors of one form so a person sees every problem at once.

use crate::error::{Error, FieldError};
use chrono::NaiveDate;

/// Longest free text we accept in one field: a page and a half of a passport.
pub const MAX_TEXT: usize = 4_000;
/// Longest single-line value (names, phone labels, serial numbers).
pub const MAX_LINE: usize = 200;

/// The earliest date of birth accepted: well before any child or young adult on a caseload,
/// and late enough that a mistyped century (0017 for 2017) is caught.
pub const EARLIEST_BIRTH: NaiveDate = ymd(1900, 1, 1);
/// The earliest date an item, service record, consent or DFG stage may carry. Powered
/// wheelchairs, hoists and the NHS equipment services are post-war; anything older is a
/// mistyped year (0001 for 2001), not a real record.
pub const EARLIEST_RECORD: NaiveDate = ymd(1950, 1, 1);
/// How far ahead a date that may lie in the future (a review, the next service) can be.
/// The longest real gap is a few years (a five-year review of a seating system); ten leaves
/// room for that while catching a mistyped year (2062 for 2026). It also keeps every stored
/// date within four-digit years, so dates stored as text keep sorting in date order.
pub const YEARS_AHEAD: u32 = 10;

const fn ymd(year: i32, month: u32, day: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(year, month, day) {
        Some(d) => d,
        None => panic!("a constant date is a real date"),
    }
}

/// The first character no stored text may hold, if there is one. Control characters
/// (C0, DEL and C1) carry terminal escape sequences (`\x1b[2J` clears the screen when
/// `passport children` prints a name) and NUL cuts C strings short; the bidi embeddings,
/// overrides and isolates make text display in another order than it is stored, so a serial
/// or a name could read as something else. Free text (`multiline`) keeps line breaks and
/// tabs, which come in with text pasted from documents and print as spaces; single lines
/// refuse both.
pub(crate) fn unsafe_char(value: &str, multiline: bool) -> Option<char> {
    value.chars().find(|&c| {
        if multiline && matches!(c, '\n' | '\r' | '\t') {
            return false;
        }
        c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
    })
}

/// The message for a value holding `c`: names the character by its code point, never the
/// value (it may be a child's name, and its escape sequences would reach the screen).
pub(crate) fn unsafe_char_message(label: &str, c: char) -> String {
    let what = match c {
        '\t' => "a tab".to_string(),
        '\u{1B}' => "an escape character (U+001B)".to_string(),
        c if c.is_control() => format!("a control character (U+{:04X})", u32::from(c)),
        c => format!(
            "an invisible text-direction character (U+{:04X})",
            u32::from(c)
        ),
    };
    format!(
        "the {label} holds {what}: remove it (invisible characters can come in with copied text)"
    )
}

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

    /// An optional single line: no line breaks or other control characters, not too long.
    pub fn line(&mut self, field: &str, label: &str, value: &str) {
        if value.chars().count() > MAX_LINE {
            self.fail(
                field,
                format!("the {label} is too long: keep it under {MAX_LINE} characters"),
            );
        } else if value.contains(['\n', '\r']) {
            self.fail(field, format!("the {label} must be on one line"));
        } else {
            self.plain(field, label, value, false);
        }
    }

    /// Optional free text: may have line breaks and tabs, but no other control characters.
    pub fn text(&mut self, field: &str, label: &str, value: &str) {
        let n = value.chars().count();
        if n > MAX_TEXT {
            self.fail(
                field,
                format!("the {label} is too long ({n} characters): keep it under {MAX_TEXT}"),
            );
        } else {
            self.plain(field, label, value, true);
        }
    }

    /// Refuses control characters (see [`unsafe_char`]); true when the value is clean. Every
    /// text check runs it, so no field of any record can store an escape sequence.
    pub fn plain(&mut self, field: &str, label: &str, value: &str, multiline: bool) -> bool {
        match unsafe_char(value, multiline) {
            Some(c) => {
                self.fail(field, unsafe_char_message(label, c));
                false
            }
            None => true,
        }
    }

    pub fn email(&mut self, field: &str, value: &str) {
        // Checked first: the message below repeats the value.
        if value.is_empty() || !self.plain(field, "email address", value, false) {
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
        // Checked first: the message below repeats the value.
        if value.is_empty() || !self.plain(field, "phone number", value, false) {
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

    /// A date that has happened: not in the future, and not before `earliest`
    /// ([`EARLIEST_BIRTH`] or [`EARLIEST_RECORD`]). True when it passes.
    pub fn past_date(
        &mut self,
        field: &str,
        label: &str,
        date: NaiveDate,
        earliest: NaiveDate,
        today: NaiveDate,
    ) -> bool {
        if date > today {
            self.fail(field, format!("the {label} cannot be in the future"));
            false
        } else {
            self.not_before(field, label, date, earliest)
        }
    }

    /// A date that may lie ahead (a review, the next service): not before `earliest` and no
    /// more than [`YEARS_AHEAD`] years after today. True when it passes.
    pub fn date(
        &mut self,
        field: &str,
        label: &str,
        date: NaiveDate,
        earliest: NaiveDate,
        today: NaiveDate,
    ) -> bool {
        let latest = today
            .checked_add_months(chrono::Months::new(YEARS_AHEAD * 12))
            .unwrap_or(NaiveDate::MAX);
        if date > latest {
            self.fail(
                field,
                format!("the {label} is more than {YEARS_AHEAD} years away: check the year"),
            );
            false
        } else {
            self.not_before(field, label, date, earliest)
        }
    }

    fn not_before(
        &mut self,
        field: &str,
        label: &str,
        date: NaiveDate,
        earliest: NaiveDate,
    ) -> bool {
        if date < earliest {
            self.fail(
                field,
                format!(
                    "the {label} cannot be before {}: check the year",
                    earliest.format("%Y")
                ),
            );
            false
        } else {
            true
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
    fn past_dates_cannot_be_in_the_future() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        let tomorrow = today.succ_opt().unwrap();
        assert!(
            one_error(|c| {
                c.past_date("dob", "date of birth", tomorrow, EARLIEST_BIRTH, today);
            })
            .unwrap()
            .contains("future")
        );
        assert_eq!(
            one_error(|c| {
                c.past_date("dob", "date of birth", today, EARLIEST_BIRTH, today);
            }),
            None
        );
    }

    #[test]
    fn dates_before_the_earliest_of_their_kind_are_a_mistyped_year() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        let year_one = NaiveDate::from_ymd_opt(1, 1, 1).unwrap();
        let message = one_error(|c| {
            c.past_date("issue_date", "issue date", year_one, EARLIEST_RECORD, today);
        })
        .unwrap();
        assert_eq!(
            message,
            "the issue date cannot be before 1950: check the year"
        );
        let day_before = EARLIEST_RECORD.pred_opt().unwrap();
        assert!(
            one_error(|c| {
                c.date(
                    "review_date",
                    "review date",
                    day_before,
                    EARLIEST_RECORD,
                    today,
                );
            })
            .is_some()
        );
        assert_eq!(
            one_error(|c| {
                c.date(
                    "review_date",
                    "review date",
                    EARLIEST_RECORD,
                    EARLIEST_RECORD,
                    today,
                );
            }),
            None
        );
    }

    #[test]
    fn dates_that_may_lie_ahead_stop_ten_years_from_today() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        let ten_years = NaiveDate::from_ymd_opt(2036, 11, 22).unwrap();
        assert_eq!(
            one_error(|c| {
                c.date(
                    "review_date",
                    "review date",
                    ten_years,
                    EARLIEST_RECORD,
                    today,
                );
            }),
            None
        );
        let message = one_error(|c| {
            c.date(
                "review_date",
                "review date",
                ten_years.succ_opt().unwrap(),
                EARLIEST_RECORD,
                today,
            );
        })
        .unwrap();
        assert_eq!(
            message,
            "the review date is more than 10 years away: check the year"
        );
        assert!(
            one_error(|c| {
                c.date(
                    "review_date",
                    "review date",
                    NaiveDate::MAX,
                    EARLIEST_RECORD,
                    today,
                );
            })
            .is_some()
        );
    }

    #[test]
    fn single_lines_refuse_escape_sequences_tabs_and_direction_overrides() {
        let escape =
            one_error(|c| c.line("given_name", "first name", "Esc\u{1b}[2J\u{1b}[31mRED")).unwrap();
        assert_eq!(
            escape,
            "the first name holds an escape character (U+001B): remove it (invisible characters can come in with copied text)"
        );
        assert!(!escape.contains("RED"), "the value is never repeated");
        for bad in [
            "a\tb",
            "a\u{0}b",
            "a\u{7f}b",
            "a\u{9b}31mb",
            "abc\u{202E}fed",
        ] {
            let message = one_error(|c| c.line("serial", "serial number", bad)).unwrap();
            assert!(message.contains("holds"), "{bad:?}: {message}");
        }
        for good in [
            "Zoë",
            "O'Brien-Smith",
            "محمد",
            "Łukasiewicz",
            "\u{200D}\u{200E}",
        ] {
            assert_eq!(
                one_error(|c| c.line("given_name", "first name", good)),
                None
            );
        }
    }

    #[test]
    fn free_text_keeps_line_breaks_and_tabs_but_no_other_control_characters() {
        assert_eq!(
            one_error(|c| c.text("notes", "notes", "Line one\r\nLine two\n\tindented")),
            None
        );
        assert!(
            one_error(|c| c.text("notes", "notes", "bell\u{7}"))
                .unwrap()
                .contains("U+0007")
        );
    }

    #[test]
    fn a_phone_or_email_with_a_control_character_is_refused_without_repeating_it() {
        let phone = one_error(|c| c.phone("phone", "0121\u{1b}[2J 465 8551")).unwrap();
        assert!(
            !phone.contains('\u{1b}') && phone.contains("U+001B"),
            "{phone}"
        );
        let email = one_error(|c| c.email("email", "senco\u{1b}@oakfield.sch.uk")).unwrap();
        assert!(
            !email.contains('\u{1b}') && email.contains("U+001B"),
            "{email}"
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
