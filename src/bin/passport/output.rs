//! How results and errors are shown: aligned text for people, JSON for scripts, and errors
//! on one line that name the command-line option at fault.

use chrono::NaiveDate;
use equipment_passport::Error;
use serde::Serialize;

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
        "caption" => "--caption",
        "passphrase" => "passphrase",
        "therapist.hcpc_number" => "--hcpc",
        "therapist.name" => "--name",
        "therapist.profession" => "--profession",
        "organisation" => "--organisation",
        "current" => "current passphrase",
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
    format!("{error:#}").replace('\n', " ")
}

pub fn json<T: Serialize>(value: &T) -> anyhow::Result<()> {
    println!("{}", serde_json::to_string_pretty(value)?);
    Ok(())
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
        println!("{}", padded.join("  ").trim_end());
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
        println!("  {label:<22} {value}");
    }
}
