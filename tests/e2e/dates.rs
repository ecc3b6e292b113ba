//! Dates for the tests, counted from today: the app runs on the real clock, so a fixed date
//! typed into it would, one day, turn a running deadline overdue, a future date past or a
//! child over the age the app holds records for.

use chrono::{Months, NaiveDate, Utc};

/// Today as the app sees it: its clock is UTC (the core's `SystemClock`).
pub fn today() -> NaiveDate {
    Utc::now().date_naive()
}

/// `months` calendar months before today (the last day of a shorter month, as chrono counts).
pub fn months_ago(months: u32) -> NaiveDate {
    today()
        .checked_sub_months(Months::new(months))
        .expect("within the calendar")
}

/// A date of birth giving a child of `years` years and a few months today.
pub fn born_years_ago(years: u32) -> NaiveDate {
    months_ago(years * 12 + 3)
}

/// As a person types it into a date field: "1/6/2026".
pub fn typed(date: NaiveDate) -> String {
    date.format("%-d/%-m/%Y").to_string()
}

/// As the app shows it: "1 December 2026".
pub fn shown(date: NaiveDate) -> String {
    date.format("%-d %B %Y").to_string()
}
