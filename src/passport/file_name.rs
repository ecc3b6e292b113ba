//! The names printed documents are offered under, in one place for the CLI, the whole-setting
//! print and the desktop app's "Save as…".
//!
//! Family name first ("Okafor, Amara - school passport.pdf"), so a folder of a class's
//! passports sorts as a register does and a SENCO finds a child where they expect. Every name
//! is a valid Windows file name, whatever a record holds: the characters Windows refuses and
//! control characters become "_", trailing dots and spaces go, a device name (CON, NUL, COM1…)
//! gets a "_" after it, and a very long name is shortened.

use super::{Audience, Format};
use crate::model::ChildDetails;
use chrono::NaiveDate;

/// Characters kept from a name before the extension: well within Windows' 260-character path
/// limit with room for the folder.
const MAX_STEM_CHARS: usize = 120;

/// The file name of a child's passport: "Okafor, Amara - school passport.pdf", with
/// "(booklet, large print)" added for a copy that is either.
pub fn passport(
    child: &ChildDetails,
    audience: Audience,
    format: Format,
    large_print: bool,
) -> String {
    let extras: Vec<&str> = [
        (format == Format::A5Booklet).then_some("booklet"),
        large_print.then_some("large print"),
    ]
    .into_iter()
    .flatten()
    .collect();
    let mut stem = format!("{} - {} passport", sortable_name(child), audience.code());
    if !extras.is_empty() {
        stem.push_str(&format!(" ({})", extras.join(", ")));
    }
    pdf(&stem)
}

/// The file name of a DFG case summary printed on a day:
/// "Okafor, Amara - DFG case summary 2026-11-22.pdf".
pub fn dfg_summary(child: &ChildDetails, printed_on: NaiveDate) -> String {
    pdf(&format!(
        "{} - DFG case summary {}",
        sortable_name(child),
        printed_on.format("%Y-%m-%d")
    ))
}

/// The file name of the label sheet for a child's equipment:
/// "Okafor, Amara - equipment labels.pdf".
pub fn child_labels(child: &ChildDetails) -> String {
    pdf(&format!("{} - equipment labels", sortable_name(child)))
}

/// The file name of the label sheet for a school's equipment:
/// "Oakfield Primary - equipment labels.pdf".
pub fn setting_labels(setting_name: &str) -> String {
    let name = setting_name.trim();
    let name = if name.is_empty() { "School" } else { name };
    pdf(&format!("{name} - equipment labels"))
}

/// The file name of an exported bundle: "Okafor, Amara - 2026-12-07.passport" for one child,
/// "Caseload - 2026-12-07.passport" for the whole caseload.
pub fn bundle(child: Option<&ChildDetails>, exported_on: NaiveDate) -> String {
    let who = child.map_or_else(|| "Caseload".to_string(), sortable_name);
    format!(
        "{}.passport",
        windows_safe(&format!("{who} - {}", exported_on.format("%Y-%m-%d")))
    )
}

/// "Family, Given", or whichever of the two the record has.
fn sortable_name(child: &ChildDetails) -> String {
    let family = child.family_name.trim();
    let given = child.given_name.trim();
    match (family.is_empty(), given.is_empty()) {
        (false, false) => format!("{family}, {given}"),
        (false, true) => family.to_string(),
        (true, false) => given.to_string(),
        (true, true) => "Unnamed child".to_string(),
    }
}

fn pdf(stem: &str) -> String {
    format!("{}.pdf", windows_safe(stem))
}

/// `stem` made safe as the part of a Windows file name before its extension.
fn windows_safe(stem: &str) -> String {
    let replaced: String = stem
        .chars()
        .map(|c| {
            if "\\/:*?\"<>|".contains(c) || c.is_control() {
                '_'
            } else {
                c
            }
        })
        .take(MAX_STEM_CHARS)
        .collect();
    let trimmed = replaced.trim_end_matches(['.', ' ']).trim_start();
    if trimmed.is_empty() {
        return "Passport".to_string();
    }
    match device_name_len(trimmed) {
        Some(len) => format!("{}_{}", &trimmed[..len], &trimmed[len..]),
        None => trimmed.to_string(),
    }
}

/// The length of the device name `stem` starts with, if it is one: Windows keeps CON, PRN,
/// AUX, NUL, COM1–9 and LPT1–9 whatever the case and whatever follows a dot.
fn device_name_len(stem: &str) -> Option<usize> {
    let base = stem.split('.').next().unwrap_or(stem).trim_end();
    let upper = base.to_ascii_uppercase();
    let reserved = matches!(upper.as_str(), "CON" | "PRN" | "AUX" | "NUL")
        || (upper.len() == 4
            && (upper.starts_with("COM") || upper.starts_with("LPT"))
            && upper.ends_with(|c: char| ('1'..='9').contains(&c)));
    reserved.then_some(base.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn child(given: &str, family: &str) -> ChildDetails {
        ChildDetails::new(given, family, NaiveDate::from_ymd_opt(2016, 9, 1).unwrap())
    }

    #[test]
    fn bundles_and_label_sheets_follow_the_same_pattern() {
        let day = NaiveDate::from_ymd_opt(2026, 12, 7).unwrap();
        let amara = child("Amara", "Okafor");
        assert_eq!(
            bundle(Some(&amara), day),
            "Okafor, Amara - 2026-12-07.passport"
        );
        assert_eq!(bundle(None, day), "Caseload - 2026-12-07.passport");
        assert_eq!(
            bundle(Some(&child("A/B", "C:D")), day),
            "C_D, A_B - 2026-12-07.passport"
        );
        assert_eq!(child_labels(&amara), "Okafor, Amara - equipment labels.pdf");
        assert_eq!(
            setting_labels("Oak Hollow School"),
            "Oak Hollow School - equipment labels.pdf"
        );
        assert_eq!(setting_labels("  "), "School - equipment labels.pdf");
    }

    #[test]
    fn a_passport_is_named_family_name_first_so_a_class_sorts_as_a_register() {
        let zoe = child("Zoë", "Łukasiewicz");
        assert_eq!(
            passport(&zoe, Audience::School, Format::A4, false),
            "Łukasiewicz, Zoë - school passport.pdf"
        );
        assert_eq!(
            passport(&zoe, Audience::Family, Format::A5Booklet, true),
            "Łukasiewicz, Zoë - family passport (booklet, large print).pdf"
        );
        assert_eq!(
            passport(&zoe, Audience::School, Format::A4, true),
            "Łukasiewicz, Zoë - school passport (large print).pdf"
        );
    }

    #[test]
    fn a_dfg_summary_is_named_the_same_way_with_its_date() {
        let date = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        assert_eq!(
            dfg_summary(&child("Amara", "Okafor"), date),
            "Okafor, Amara - DFG case summary 2026-11-22.pdf"
        );
    }

    #[test]
    fn characters_windows_refuses_become_underscores() {
        assert_eq!(
            passport(
                &child("Zo:ë", "Smith/Jones"),
                Audience::School,
                Format::A4,
                false
            ),
            "Smith_Jones, Zo_ë - school passport.pdf"
        );
        assert_eq!(
            windows_safe("a\\b/c:d*e?f\"g<h>i|j\u{7}k\tl"),
            "a_b_c_d_e_f_g_h_i_j_k_l"
        );
    }

    #[test]
    fn trailing_dots_and_spaces_and_device_names_are_made_safe() {
        assert_eq!(windows_safe("Smith Jr. . "), "Smith Jr");
        assert_eq!(windows_safe("con"), "con_");
        assert_eq!(windows_safe("COM3"), "COM3_");
        assert_eq!(windows_safe("Nul.txt"), "Nul_.txt");
        assert_eq!(
            windows_safe("Aux - school passport"),
            "Aux - school passport"
        );
        assert_eq!(windows_safe("Connor"), "Connor");
        assert_eq!(windows_safe("COM0"), "COM0");
        assert_eq!(windows_safe(" . "), "Passport");
    }

    #[test]
    fn a_child_with_one_name_or_none_still_gets_a_name() {
        assert_eq!(
            passport(&child("", "Okafor"), Audience::School, Format::A4, false),
            "Okafor - school passport.pdf"
        );
        assert_eq!(
            passport(&child(" ", ""), Audience::School, Format::A4, false),
            "Unnamed child - school passport.pdf"
        );
    }

    #[test]
    fn a_very_long_name_is_shortened_before_the_extension() {
        let long = child(&"Given".repeat(40), &"Family".repeat(40));
        let name = passport(&long, Audience::School, Format::A4, false);
        assert!(name.ends_with(".pdf"));
        assert_eq!(name.chars().count(), MAX_STEM_CHARS + 4);
    }
}
