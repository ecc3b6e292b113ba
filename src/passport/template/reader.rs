//! Reads a template's TOML by hand rather than through serde, so that every mistake is
//! reported as `file: field: what is wrong and what to write instead`. Unknown keys are
//! errors too: a misspelt key silently ignored would print a passport that looks right and
//! is not.

use super::{Branding, Colour, Palette, Paper, SectionKind, Template};
use crate::error::{Error, Result};
use crate::passport::audience::{Audience, Field};
use std::collections::BTreeSet;
use toml::{Table, Value};

/// Walks the parsed TOML, naming the file and field in every error.
pub struct Reader<'a> {
    pub source: &'a str,
}

impl Reader<'_> {
    fn fail(&self, field: &str, message: impl std::fmt::Display) -> Error {
        Error::Pdf(format!("{}: {field}: {message}", self.source))
    }

    fn table<'t>(&self, root: &'t Table, key: &str, allowed: &[&str]) -> Result<Option<&'t Table>> {
        let Some(value) = root.get(key) else {
            return Ok(None);
        };
        let table = value
            .as_table()
            .ok_or_else(|| self.fail(key, "expected a table, like [".to_string() + key + "]"))?;
        for k in table.keys() {
            if !allowed.contains(&k.as_str()) {
                return Err(self.fail(
                    &format!("{key}.{k}"),
                    format!(
                        "unknown key: the keys of [{key}] are {}",
                        allowed.join(", ")
                    ),
                ));
            }
        }
        Ok(Some(table))
    }

    fn string(&self, t: Option<&Table>, table: &str, key: &str) -> Result<Option<String>> {
        match t.and_then(|t| t.get(key)) {
            None => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.trim().to_string())),
            Some(other) => Err(self.fail(
                &format!("{table}.{key}"),
                format!("expected text in quotes, found {}", other.type_str()),
            )),
        }
    }

    fn strings(&self, t: Option<&Table>, table: &str, key: &str) -> Result<Option<Vec<String>>> {
        let Some(value) = t.and_then(|t| t.get(key)) else {
            return Ok(None);
        };
        let field = format!("{table}.{key}");
        let list = value.as_array().ok_or_else(|| {
            self.fail(
                &field,
                format!(
                    "expected a list like [\"a\", \"b\"], found {}",
                    value.type_str()
                ),
            )
        })?;
        list.iter()
            .enumerate()
            .map(|(i, v)| {
                v.as_str().map(|s| s.trim().to_string()).ok_or_else(|| {
                    self.fail(
                        &format!("{field}[{i}]"),
                        format!("expected text in quotes, found {}", v.type_str()),
                    )
                })
            })
            .collect::<Result<Vec<_>>>()
            .map(Some)
    }

    fn number(
        &self,
        t: Option<&Table>,
        table: &str,
        key: &str,
        range: (f32, f32),
        default: f32,
    ) -> Result<f32> {
        let field = format!("{table}.{key}");
        let n = match t.and_then(|t| t.get(key)) {
            None => return Ok(default),
            Some(Value::Float(f)) => *f as f32,
            Some(Value::Integer(i)) => *i as f32,
            Some(other) => {
                return Err(self.fail(
                    &field,
                    format!("expected a number, found {}", other.type_str()),
                ));
            }
        };
        if !(range.0..=range.1).contains(&n) {
            return Err(self.fail(&field, format!("{n} is outside {} to {}", range.0, range.1)));
        }
        Ok(n)
    }

    fn colour(&self, t: Option<&Table>, key: &str, default: Colour) -> Result<Colour> {
        match self.string(t, "branding", key)? {
            None => Ok(default),
            Some(s) => Colour::parse(&s).ok_or_else(|| {
                self.fail(
                    &format!("branding.{key}"),
                    format!("'{s}' is not a colour: write it as #RRGGBB, e.g. \"#005EB8\""),
                )
            }),
        }
    }

    pub fn template(&self, root: &Table) -> Result<Template> {
        const TOP: &[&str] = &[
            "template",
            "branding",
            "paper",
            "sections",
            "fields",
            "staff_trained",
        ];
        for k in root.keys() {
            if !TOP.contains(&k.as_str()) {
                return Err(self.fail(
                    k,
                    format!("unknown table: a template has {}", TOP.join(", ")),
                ));
            }
        }
        let meta = self.table(root, "template", &["name", "audience"])?;
        let name = self
            .string(meta, "template", "name")?
            .unwrap_or_else(|| "Passport".into());
        let audience = match self.string(meta, "template", "audience")? {
            None => None,
            Some(a) => Some(
                a.parse::<Audience>()
                    .map_err(|e| self.fail("template.audience", e))?,
            ),
        };

        let b = self.table(
            root,
            "branding",
            &[
                "organisation",
                "contact_lines",
                "logo",
                "primary_colour",
                "text_colour",
                "secondary_colour",
                "panel_colour",
                "border_colour",
                "danger_colour",
                "caution_colour",
                "success_colour",
            ],
        )?;
        let palette = Palette {
            primary: self.colour(b, "primary_colour", Colour(0x00, 0x5E, 0xB8))?,
            text: self.colour(b, "text_colour", Colour(0x21, 0x2B, 0x32))?,
            secondary: self.colour(b, "secondary_colour", Colour(0x4C, 0x62, 0x72))?,
            panel: self.colour(b, "panel_colour", Colour(0xF0, 0xF4, 0xF5))?,
            border: self.colour(b, "border_colour", Colour(0xD8, 0xDD, 0xE0))?,
            danger: self.colour(b, "danger_colour", Colour(0xD5, 0x28, 0x1B))?,
            caution: self.colour(b, "caution_colour", Colour(0xFF, 0xB8, 0x1C))?,
            success: self.colour(b, "success_colour", Colour(0x00, 0x7F, 0x3B))?,
        };
        let logo_file = self
            .string(b, "branding", "logo")?
            .filter(|s| !s.is_empty());
        if let Some(file) = &logo_file
            && !file.to_lowercase().ends_with(".png")
        {
            return Err(self.fail(
                "branding.logo",
                format!(
                    "'{file}' is not a PNG: give a .png file beside the template, or \"\" for none"
                ),
            ));
        }
        let branding = Branding {
            organisation: self
                .string(b, "branding", "organisation")?
                .unwrap_or_default(),
            contact_lines: self
                .strings(b, "branding", "contact_lines")?
                .unwrap_or_default(),
            palette,
            logo_file,
            logo: None,
        };

        let p = self.table(
            root,
            "paper",
            &[
                "margin_mm",
                "booklet_margin_mm",
                "body_pt",
                "booklet_body_pt",
                "large_print_body_pt",
            ],
        )?;
        let paper = Paper {
            margin_mm: self.number(p, "paper", "margin_mm", (8.0, 30.0), 16.0)?,
            booklet_margin_mm: self.number(p, "paper", "booklet_margin_mm", (8.0, 25.0), 11.0)?,
            body_pt: self.number(p, "paper", "body_pt", (9.0, 16.0), 11.5)?,
            booklet_body_pt: self.number(p, "paper", "booklet_body_pt", (9.0, 16.0), 10.5)?,
            large_print_body_pt: self.number(
                p,
                "paper",
                "large_print_body_pt",
                (14.0, 24.0),
                14.5,
            )?,
        };

        let s = self.table(root, "sections", &["order"])?;
        let sections = match self.strings(s, "sections", "order")? {
            None => SectionKind::ALL.to_vec(),
            Some(codes) => {
                let mut seen = Vec::new();
                for (i, code) in codes.iter().enumerate() {
                    let field = format!("sections.order[{i}]");
                    let kind = SectionKind::ALL
                        .into_iter()
                        .find(|k| k.code() == code)
                        .ok_or_else(|| {
                            let all: Vec<&str> =
                                SectionKind::ALL.iter().map(|k| k.code()).collect();
                            self.fail(
                                &field,
                                format!("unknown section '{code}': use {}", all.join(", ")),
                            )
                        })?;
                    if seen.contains(&kind) {
                        return Err(self.fail(&field, format!("'{code}' is listed twice")));
                    }
                    seen.push(kind);
                }
                if seen.is_empty() {
                    return Err(self.fail("sections.order", "list at least one section"));
                }
                // What must never happen is printed whatever a template says, as the
                // school copy's privacy rules are: a trust's template written before the
                // section existed (or one that leaves it out) gets it after the cover.
                if !seen.contains(&SectionKind::KeyStatements) {
                    let after_cover = seen
                        .iter()
                        .position(|k| *k == SectionKind::Cover)
                        .map_or(0, |i| i + 1);
                    seen.insert(after_cover, SectionKind::KeyStatements);
                }
                // How many adults a transfer needs is printed whatever a template says too:
                // one that leaves the plan out gets it after the equipment pages (or, with no
                // equipment section, before the sign-off, or last).
                if !seen.contains(&SectionKind::HandlingPlan) {
                    let at = match seen.iter().position(|k| *k == SectionKind::Equipment) {
                        Some(i) => i + 1,
                        None => seen
                            .iter()
                            .position(|k| *k == SectionKind::SignOff)
                            .unwrap_or(seen.len()),
                    };
                    seen.insert(at, SectionKind::HandlingPlan);
                }
                // The evacuation plan too (it prints on the school copy only): left out, it
                // comes straight after the handling plan, which is always listed by now.
                if !seen.contains(&SectionKind::EvacuationPlan) {
                    let at = seen
                        .iter()
                        .position(|k| *k == SectionKind::HandlingPlan)
                        .map_or(seen.len(), |i| i + 1);
                    seen.insert(at, SectionKind::EvacuationPlan);
                }
                seen
            }
        };

        let f = self.table(root, "fields", &["hide"])?;
        let mut hidden = BTreeSet::new();
        for (i, code) in self
            .strings(f, "fields", "hide")?
            .unwrap_or_default()
            .iter()
            .enumerate()
        {
            let field = Field::from_code(code).ok_or_else(|| {
                let all: Vec<&str> = Field::ALL.iter().map(|f| f.code()).collect();
                self.fail(
                    &format!("fields.hide[{i}]"),
                    format!("unknown field '{code}': use one of {}", all.join(", ")),
                )
            })?;
            hidden.insert(field);
        }

        let st = self.table(root, "staff_trained", &["blank_rows"])?;
        let staff_trained_rows =
            self.number(st, "staff_trained", "blank_rows", (0.0, 40.0), 8.0)? as usize;

        Ok(Template {
            source: self.source.to_string(),
            name,
            audience,
            sections,
            hidden,
            branding,
            paper,
            staff_trained_rows,
            words: crate::passport::words::WordBook::builtin(),
        })
    }
}
