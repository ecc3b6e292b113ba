//! How results and errors are shown: aligned text for people, JSON for scripts, and errors
//! on one line that name the command-line option at fault.

use chrono::NaiveDate;
use equipment_passport::Error;
use serde::Serialize;

/// `println!` for the CLI's standard output: see [`write_out`].
macro_rules! outln {
    () => {
        $crate::output::write_out(format_args!("\n"))
    };
    ($($arg:tt)*) => {
        $crate::output::write_out(format_args!("{}\n", format_args!($($arg)*)))
    };
}
pub(crate) use outln;

/// The option a core field was given through, so an error names what the user typed.
fn option_for(field: &str) -> Option<&'static str> {
    Some(match field {
        "given_name" => "--given",
        "family_name" => "--family",
        "date_of_birth" => "--dob",
        "nhs_number" => "--nhs",
        "setting_id" => "--setting",
        "preferred_name" => "--preferred",
        "class_name" => "--class",
        "name" => "--name",
        "serial" => "--serial",
        "staff_needed" => "--staff",
        "sling.sling_id" => "--sling-id",
        "postcode" => "--postcode",
        "phone" => "--phone",
        "senco_email" => "--senco-email",
        "date" => "--date",
        "by_whom" => "--by",
        "notes" => "--notes",
        "next_due" => "--next-due",
        "role" => "--role",
        "trained_by" => "--by",
        "trained_on" => "--on",
        "refresh_by" => "--refresh-by",
        "every_months" => "--every",
        "last_done" => "--last",
        "on" => "--on",
        "caption" => "--caption",
        "passphrase" => "passphrase",
        "therapist.hcpc_number" => "--hcpc",
        "therapist.name" => "--name",
        "therapist.profession" => "--profession",
        "organisation" => "--organisation",
        "current" => "current passphrase",
        "template" => "--template",
        "passphrase_file" => "--passphrase-file",
        _ => return None,
    })
}

/// One line saying what went wrong and what to do.
pub fn one_line(error: &anyhow::Error) -> String {
    if let Some(Error::Invalid(fields)) = error.downcast_ref::<Error>() {
        let parts: Vec<String> = fields
            .iter()
            .map(|f| match option_for(&f.field) {
                Some(option) => format!("{option}: {}", f.message),
                None => format!("{}: {}", f.field, f.message),
            })
            .collect();
        return parts.join("; ");
    }
    causes_once(error).replace('\n', " ")
}

/// The error and its causes joined with ": ", each named once. The core's errors show their
/// cause in their own message as well as returning it as their `source` (the desktop shows
/// the message alone, so it must be whole), and so do many libraries' errors; printing the
/// chain as anyhow's `{:#}` does would then say every such cause twice.
fn causes_once(error: &anyhow::Error) -> String {
    let mut line = String::new();
    for cause in error.chain() {
        let text = cause.to_string();
        if line.ends_with(&text) {
            continue;
        }
        if !line.is_empty() {
            line.push_str(": ");
        }
        line.push_str(&text);
    }
    line
}

pub fn json<T: Serialize>(value: &T) -> anyhow::Result<()> {
    outln!("{}", serde_json::to_string_pretty(value)?);
    Ok(())
}

/// Writes to standard output. `println!` panics when the reader has gone
/// (`passport children | head -1`); this exits quietly instead, with the status a shell
/// gives a tool its pipe stopped (128 + SIGPIPE), as `cat` or `grep` would end. Chosen over
/// resetting SIGPIPE to its default: that needs `unsafe` and a libc call, and does nothing on
/// Windows, where a closed pipe is the same error. Any other failure to write (a full disk)
/// is reported on one line rather than as a panic. Every command's work is committed before
/// its report is printed, so stopping here loses nothing but the report.
pub fn write_out(text: std::fmt::Arguments) {
    use std::io::Write;
    let formatted = text.to_string();
    let text = printable(&formatted);
    let written = {
        let mut out = std::io::stdout().lock();
        out.write_all(text.as_bytes()).and_then(|()| out.flush())
    };
    if let Err(e) = written {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(141);
        }
        eprintln!("error: could not write the output: {e}");
        std::process::exit(1);
    }
}

/// Text safe to send to a terminal: control characters (an escape sequence could clear the
/// screen or recolour it) and text-direction overrides, which the model refuses today but a
/// caseload written by an older version may hold, are shown as U+FFFD. Line breaks and tabs
/// stay.
fn printable(text: &str) -> std::borrow::Cow<'_, str> {
    let unsafe_char = |c: char| {
        (c.is_control() && c != '\n' && c != '\t')
            || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
    };
    if !text.chars().any(unsafe_char) {
        return text.into();
    }
    text.chars()
        .map(|c| if unsafe_char(c) { '\u{FFFD}' } else { c })
        .collect::<String>()
        .into()
}

/// "22 November 2026", as UK readers expect.
pub fn date(d: NaiveDate) -> String {
    d.format("%-d %B %Y").to_string()
}

pub fn opt_date(d: Option<NaiveDate>) -> String {
    d.map(date).unwrap_or_else(|| "-".into())
}

/// Prints rows as columns padded to the widest cell (counting characters, not bytes, so
/// "Zoë" lines up).
pub fn table(header: &[&str], rows: &[Vec<String>]) {
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for row in rows {
        for (i, cell) in row.iter().enumerate() {
            widths[i] = widths[i].max(cell.chars().count());
        }
    }
    let line = |cells: Vec<&str>| {
        let padded: Vec<String> = cells
            .iter()
            .enumerate()
            .map(|(i, c)| format!("{c}{}", " ".repeat(widths[i] - c.chars().count())))
            .collect();
        outln!("{}", padded.join("  ").trim_end());
    };
    line(header.to_vec());
    line(
        widths
            .iter()
            .map(|w| "-".repeat(*w))
            .collect::<Vec<_>>()
            .iter()
            .map(String::as_str)
            .collect(),
    );
    for row in rows {
        line(row.iter().map(String::as_str).collect());
    }
}

/// A labelled value, skipped when empty.
pub fn field(label: &str, value: &str) {
    if !value.is_empty() {
        outln!("  {label:<22} {value}");
    }
}

#[cfg(test)]
mod tests {
    use super::printable;

    #[test]
    fn escape_sequences_and_direction_overrides_never_reach_the_terminal() {
        assert_eq!(
            printable("Esc\u{1b}[2J\u{1b}[31mRED\tok\n"),
            "Esc\u{FFFD}[2J\u{FFFD}[31mRED\tok\n"
        );
        assert_eq!(printable("abc\u{202E}cba"), "abc\u{FFFD}cba");
        assert_eq!(printable("Zoë Łukasiewicz"), "Zoë Łukasiewicz");
    }
}
