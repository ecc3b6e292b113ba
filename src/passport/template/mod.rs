//! Passport templates: section order, hidden fields, branding, margins and type sizes, read
//! from TOML so a trust can add its own without touching code.
//!
//! The TOML is walked by hand rather than through serde so that every mistake is reported as
//! `file: field: what is wrong and what to write instead`, which a person editing a template
//! can act on. Unknown keys are errors too: a misspelt key silently ignored would print a
//! passport that looks right and is not.

use super::audience::{Audience, Field};
use crate::error::{Error, Result};
use crate::user_file::{self, Limit};
use std::collections::BTreeSet;
use std::path::Path;
use toml::Table;

mod reader;

pub use super::branding::{Branding, Colour, Logo, Palette};

/// The templates shipped with the app, by name.
const BUILTIN: &[(&str, &str)] = &[
    ("school", include_str!("../../../templates/school.toml")),
    ("family", include_str!("../../../templates/family.toml")),
];

/// A passport section, in the order the template lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
pub enum SectionKind {
    Cover,
    /// "Read this first": the child's red, amber and green statements. Printed in every
    /// template: one whose order leaves it out gets it straight after the cover.
    KeyStatements,
    AboutMe,
    KeyContacts,
    Equipment,
    /// The moving and handling plan, as a table. Printed in every template: one whose order
    /// leaves it out gets it after the equipment pages.
    HandlingPlan,
    /// The personal emergency evacuation plan, on the school copy only. One whose order
    /// leaves it out gets it after the handling plan.
    EvacuationPlan,
    Timetable,
    StaffTrained,
    SignOff,
}

impl SectionKind {
    pub const ALL: [SectionKind; 10] = [
        SectionKind::Cover,
        SectionKind::KeyStatements,
        SectionKind::AboutMe,
        SectionKind::KeyContacts,
        SectionKind::Equipment,
        SectionKind::HandlingPlan,
        SectionKind::EvacuationPlan,
        SectionKind::Timetable,
        SectionKind::StaffTrained,
        SectionKind::SignOff,
    ];

    pub fn code(self) -> &'static str {
        match self {
            SectionKind::Cover => "cover",
            SectionKind::KeyStatements => "key_statements",
            SectionKind::AboutMe => "about_me",
            SectionKind::KeyContacts => "key_contacts",
            SectionKind::Equipment => "equipment",
            SectionKind::HandlingPlan => "handling_plan",
            SectionKind::EvacuationPlan => "evacuation_plan",
            SectionKind::Timetable => "timetable",
            SectionKind::StaffTrained => "staff_trained",
            SectionKind::SignOff => "sign_off",
        }
    }
}

/// Margins and type sizes.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Paper {
    pub margin_mm: f32,
    pub booklet_margin_mm: f32,
    pub body_pt: f32,
    pub booklet_body_pt: f32,
    pub large_print_body_pt: f32,
}

/// A parsed, checked template.
#[derive(Debug, Clone, PartialEq)]
pub struct Template {
    /// Where it came from ("school.toml", a path), for error messages.
    pub source: String,
    pub name: String,
    /// The audience it was written for, if it says; printing it for the other is refused.
    pub audience: Option<Audience>,
    pub sections: Vec<SectionKind>,
    pub hidden: BTreeSet<Field>,
    pub branding: Branding,
    pub paper: Paper,
    /// Empty rows left in the staff-trained table for signatures.
    pub staff_trained_rows: usize,
    /// The passport's fixed words: the built-in language file, with a trust's corrections
    /// when the caller lays them over it ([`Template::with_words`]).
    pub words: super::words::WordBook,
}

impl Template {
    /// A template shipped with the app: `school` or `family`.
    pub fn builtin(name: &str) -> Result<Template> {
        let (_, text) = BUILTIN.iter().find(|(n, _)| *n == name).ok_or_else(|| {
            Error::Pdf(format!(
                "there is no built-in template called '{name}': use school or family"
            ))
        })?;
        Template::from_toml(text, &format!("{name}.toml"))
    }

    /// The built-in template for an audience.
    pub fn for_audience(audience: Audience) -> Template {
        Template::builtin(audience.code()).expect("built-in templates are valid")
    }

    /// Parses template TOML. `source` names it in errors. A logo named in the template is
    /// not read here (there is no folder to read it from): use [`Template::from_file`], or
    /// [`Template::with_logo_png`].
    pub fn from_toml(text: &str, source: &str) -> Result<Template> {
        let table: Table = text.parse().map_err(|e: toml::de::Error| {
            let at = e
                .span()
                .map(|s| {
                    let before = &text[..s.start.min(text.len())];
                    let line = before.matches('\n').count() + 1;
                    let col = before.len() - before.rfind('\n').map_or(0, |i| i + 1) + 1;
                    format!("line {line}, column {col}: ")
                })
                .unwrap_or_default();
            Error::Pdf(format!(
                "{source}: {at}{} (the template is not valid TOML)",
                e.message()
            ))
        })?;
        reader::Reader { source }.template(&table)
    }

    /// Reads a template file, and its logo (a PNG beside it) if it names one.
    pub fn from_file(path: &Path) -> Result<Template> {
        let source = path.display().to_string();
        let bytes = user_file::read(path, Limit::TEMPLATE)?;
        let text = String::from_utf8(bytes).map_err(|_| {
            Error::Pdf(format!(
                "{source}: the template is not text (UTF-8): save it as plain text"
            ))
        })?;
        let mut template = Template::from_toml(&text, &source)?;
        if let Some(file) = template.branding.logo_file.clone() {
            let logo_path = path.parent().unwrap_or(Path::new(".")).join(&file);
            let bytes = user_file::read(&logo_path, Limit::LOGO).map_err(|e| {
                let reason = match e.fields() {
                    [one] => one.message.clone(),
                    _ => e.to_string(),
                };
                Error::Pdf(format!("{source}: branding.logo: {reason}"))
            })?;
            template = template
                .with_logo_png(&bytes)
                .map_err(|e| Error::Pdf(format!("{source}: branding.logo: {e}")))?;
        }
        Ok(template)
    }

    /// Uses these words (a trust's corrected language file) for the fixed words.
    pub fn with_words(mut self, words: super::words::WordBook) -> Template {
        self.words = words;
        self
    }

    /// Sets the logo from PNG bytes (transparent parts become white, as on paper).
    pub fn with_logo_png(mut self, png: &[u8]) -> Result<Template> {
        self.branding.logo = Some(Logo::from_png(png)?);
        Ok(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error_of(text: &str) -> String {
        Template::from_toml(text, "trust.toml")
            .unwrap_err()
            .to_string()
    }

    #[test]
    fn the_builtin_templates_parse() {
        let school = Template::builtin("school").unwrap();
        assert_eq!(school.audience, Some(Audience::School));
        assert_eq!(school.sections.first(), Some(&SectionKind::Cover));
        let family = Template::for_audience(Audience::Family);
        assert_eq!(family.audience, Some(Audience::Family));
        assert!(
            Template::builtin("hospital")
                .unwrap_err()
                .to_string()
                .contains("school or family")
        );
    }

    #[test]
    fn an_empty_template_takes_the_defaults() {
        let t = Template::from_toml("", "empty.toml").unwrap();
        assert_eq!(t.sections, SectionKind::ALL.to_vec());
        assert_eq!(t.branding.palette.primary, Colour(0x00, 0x5E, 0xB8));
        assert!(t.paper.large_print_body_pt >= 14.0);
    }

    #[test]
    fn errors_name_the_file_and_the_field() {
        let e = error_of("[branding]\nprimary_colour = \"blue\"\n");
        assert!(
            e.starts_with("trust.toml: branding.primary_colour: "),
            "{e}"
        );
        assert!(e.contains("#RRGGBB"), "{e}");

        let e = error_of("[paper]\nbody_pt = 40\n");
        assert!(
            e.starts_with("trust.toml: paper.body_pt: 40 is outside"),
            "{e}"
        );

        let e = error_of("[paper]\nbody_pt = \"big\"\n");
        assert!(
            e.contains("paper.body_pt: expected a number, found string"),
            "{e}"
        );

        let e = error_of("[sections]\norder = [\"cover\", \"equipmnt\"]\n");
        assert!(
            e.starts_with("trust.toml: sections.order[1]: unknown section 'equipmnt'"),
            "{e}"
        );

        let e = error_of("[sections]\norder = [\"cover\", \"cover\"]\n");
        assert!(
            e.contains("sections.order[1]: 'cover' is listed twice"),
            "{e}"
        );

        let e = error_of("[fields]\nhide = [\"child.nhs_numbr\"]\n");
        assert!(
            e.starts_with("trust.toml: fields.hide[0]: unknown field"),
            "{e}"
        );

        let e = error_of("[branding]\ncolour = \"#005EB8\"\n");
        assert!(
            e.starts_with("trust.toml: branding.colour: unknown key"),
            "{e}"
        );

        let e = error_of("[template]\naudience = \"teachers\"\n");
        assert!(e.starts_with("trust.toml: template.audience: "), "{e}");

        let e = error_of("[branding]\nlogo = \"logo.svg\"\n");
        assert!(e.starts_with("trust.toml: branding.logo: "), "{e}");

        let e = error_of("[colours]\n");
        assert!(e.starts_with("trust.toml: colours: unknown table"), "{e}");
    }

    #[test]
    fn the_handling_plan_follows_the_equipment_even_in_a_template_that_does_not_list_it() {
        for name in ["school", "family"] {
            let t = Template::builtin(name).unwrap();
            let at = t.sections.iter().position(|k| *k == SectionKind::Equipment);
            assert_eq!(
                t.sections[at.unwrap() + 1],
                SectionKind::HandlingPlan,
                "{name}"
            );
        }
        let read = |order: &str| {
            Template::from_toml(&format!("[sections]\norder = {order}\n"), "trust.toml")
                .unwrap()
                .sections
        };
        use SectionKind::*;
        assert_eq!(
            read(r#"["cover", "equipment", "timetable", "sign_off"]"#),
            [
                Cover,
                KeyStatements,
                Equipment,
                HandlingPlan,
                EvacuationPlan,
                Timetable,
                SignOff
            ]
        );
        // No equipment section: before the sign-off, or else last.
        assert_eq!(
            read(r#"["cover", "about_me", "sign_off"]"#),
            [
                Cover,
                KeyStatements,
                AboutMe,
                HandlingPlan,
                EvacuationPlan,
                SignOff
            ]
        );
        assert_eq!(
            read(r#"["cover", "about_me"]"#),
            [Cover, KeyStatements, AboutMe, HandlingPlan, EvacuationPlan]
        );
        // Listed, it goes where the template puts it.
        assert_eq!(
            read(r#"["cover", "handling_plan", "equipment"]"#),
            [
                Cover,
                KeyStatements,
                HandlingPlan,
                EvacuationPlan,
                Equipment
            ]
        );
    }

    #[test]
    fn key_statements_follow_the_cover_even_in_a_template_that_does_not_list_them() {
        for name in ["school", "family"] {
            let t = Template::builtin(name).unwrap();
            assert_eq!(
                t.sections[..2],
                [SectionKind::Cover, SectionKind::KeyStatements],
                "{name}"
            );
        }
        let older = Template::from_toml(
            "[sections]\norder = [\"cover\", \"about_me\", \"equipment\"]\n",
            "trust.toml",
        )
        .unwrap();
        assert_eq!(
            older.sections,
            vec![
                SectionKind::Cover,
                SectionKind::KeyStatements,
                SectionKind::AboutMe,
                SectionKind::Equipment,
                SectionKind::HandlingPlan,
                SectionKind::EvacuationPlan
            ]
        );
        let no_cover =
            Template::from_toml("[sections]\norder = [\"equipment\"]\n", "trust.toml").unwrap();
        assert_eq!(
            no_cover.sections,
            vec![
                SectionKind::KeyStatements,
                SectionKind::Equipment,
                SectionKind::HandlingPlan,
                SectionKind::EvacuationPlan
            ]
        );
        // Listed, it goes where the template puts it.
        let placed = Template::from_toml(
            "[sections]\norder = [\"cover\", \"about_me\", \"key_statements\"]\n",
            "trust.toml",
        )
        .unwrap();
        assert_eq!(
            placed.sections,
            vec![
                SectionKind::Cover,
                SectionKind::AboutMe,
                SectionKind::KeyStatements,
                SectionKind::HandlingPlan,
                SectionKind::EvacuationPlan
            ]
        );
    }

    #[test]
    fn the_evacuation_plan_follows_the_handling_plan_even_in_a_template_that_does_not_list_it() {
        let school = Template::builtin("school").unwrap();
        let at = school
            .sections
            .iter()
            .position(|k| *k == SectionKind::HandlingPlan)
            .unwrap();
        assert_eq!(school.sections[at + 1], SectionKind::EvacuationPlan);
        let read = |order: &str| {
            Template::from_toml(&format!("[sections]\norder = {order}\n"), "trust.toml")
                .unwrap()
                .sections
        };
        use SectionKind::*;
        // Left out, it comes straight after the handling plan, wherever that went.
        assert_eq!(
            read(r#"["cover", "handling_plan", "timetable", "equipment"]"#),
            [
                Cover,
                KeyStatements,
                HandlingPlan,
                EvacuationPlan,
                Timetable,
                Equipment
            ]
        );
        // Listed, it goes where the template puts it.
        assert_eq!(
            read(r#"["evacuation_plan", "cover", "equipment"]"#),
            [
                EvacuationPlan,
                Cover,
                KeyStatements,
                Equipment,
                HandlingPlan
            ]
        );
    }

    #[test]
    fn broken_toml_names_the_file_and_line() {
        let e = error_of("[paper]\nbody_pt = = 3\n");
        assert!(e.starts_with("trust.toml: line 2, column"), "{e}");
    }

    #[test]
    fn a_missing_logo_file_names_the_field() {
        let dir = std::env::temp_dir().join(format!("passport-template-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("trust.toml");
        std::fs::write(&path, "[branding]\nlogo = \"missing.png\"\n").unwrap();
        let e = Template::from_file(&path).unwrap_err().to_string();
        assert!(
            e.contains("trust.toml: branding.logo: could not read"),
            "{e}"
        );
        std::fs::remove_dir_all(&dir).ok();
    }
}
