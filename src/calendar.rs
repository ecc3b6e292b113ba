//! An iCalendar file (RFC 5545) of all-day events: how due dates reach Outlook, Google or
//! Apple calendars. Each event keeps the same UID from one export to the next, so importing a
//! newer file moves an event rather than adding a second one.

use chrono::{DateTime, Days, NaiveDate, Utc};

/// One all-day event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarEvent {
    /// The same for the same thing on every export (a calendar updates the event it has).
    pub uid: String,
    pub date: NaiveDate,
    pub summary: String,
    pub description: String,
}

/// The whole file: `events` stamped as exported at `stamp`. Lines end in CRLF and are folded at
/// 75 octets, as the format requires.
pub fn to_ics(events: &[CalendarEvent], stamp: DateTime<Utc>) -> String {
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".to_string(),
        "PRODID:-//Equipment Passport//Due dates//EN".to_string(),
        "CALSCALE:GREGORIAN".to_string(),
        "METHOD:PUBLISH".to_string(),
        "X-WR-CALNAME:Equipment Passport due dates".to_string(),
    ];
    let stamp = stamp.format("%Y%m%dT%H%M%SZ").to_string();
    for event in events {
        let next_day = event.date + Days::new(1);
        lines.extend([
            "BEGIN:VEVENT".to_string(),
            format!("UID:{}", escape(&event.uid)),
            format!("DTSTAMP:{stamp}"),
            format!("DTSTART;VALUE=DATE:{}", event.date.format("%Y%m%d")),
            format!("DTEND;VALUE=DATE:{}", next_day.format("%Y%m%d")),
            format!("SUMMARY:{}", escape(&event.summary)),
            format!("DESCRIPTION:{}", escape(&event.description)),
            // All-day reminders that do not block the day in a shared diary.
            "TRANSP:TRANSPARENT".to_string(),
            "END:VEVENT".to_string(),
        ]);
    }
    lines.push("END:VCALENDAR".to_string());
    lines.iter().map(|line| fold(line)).collect()
}

/// A text value with the characters the format reserves escaped.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// One content line, CRLF-terminated, broken every 75 octets (never inside a character) with
/// the continuation lines starting with a space.
fn fold(line: &str) -> String {
    const LIMIT: usize = 75;
    let mut out = String::with_capacity(line.len() + line.len() / LIMIT * 3 + 2);
    let mut used = 0;
    for c in line.chars() {
        let width = c.len_utf8();
        if used + width > LIMIT {
            out.push_str("\r\n ");
            // The leading space counts towards the next line's octets.
            used = 1;
        }
        out.push(c);
        used += width;
    }
    out.push_str("\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(summary: &str) -> CalendarEvent {
        CalendarEvent {
            uid: "loler-1@example".into(),
            date: NaiveDate::from_ymd_opt(2027, 2, 28).unwrap(),
            summary: summary.into(),
            description: "Line one\nline two; with, commas".into(),
        }
    }

    fn stamp() -> DateTime<Utc> {
        "2026-12-07T09:30:00Z".parse().unwrap()
    }

    #[test]
    fn an_event_lasts_the_whole_of_its_day() {
        let ics = to_ics(
            &[event("LOLER thorough examination: Hoist (Z.H.)")],
            stamp(),
        );
        assert!(ics.contains("DTSTART;VALUE=DATE:20270228\r\n"));
        assert!(ics.contains("DTEND;VALUE=DATE:20270301\r\n"));
        assert!(ics.contains("DTSTAMP:20261207T093000Z\r\n"));
        assert!(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
        assert!(ics.ends_with("END:VCALENDAR\r\n"));
        assert_eq!(ics.matches("BEGIN:VEVENT").count(), 1);
    }

    #[test]
    fn reserved_characters_are_escaped() {
        let ics = to_ics(&[event("Service")], stamp());
        assert!(
            ics.contains("DESCRIPTION:Line one\\nline two\\; with\\, commas\r\n"),
            "{ics}"
        );
    }

    #[test]
    fn long_lines_fold_at_75_octets_without_splitting_a_character() {
        let summary = "Ŵŷ ".repeat(40);
        let ics = to_ics(&[event(&summary)], stamp());
        for line in ics.split("\r\n") {
            assert!(line.len() <= 75, "{} octets: {line:?}", line.len());
        }
        // Unfolding gives the summary back whole.
        let unfolded = ics.replace("\r\n ", "");
        assert!(unfolded.contains(&format!("SUMMARY:{summary}\r\n")));
    }
}
