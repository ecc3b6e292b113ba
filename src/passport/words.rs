//! The passport's fixed words, in English and Welsh, read from a language file.
//!
//! Every word the passport prints that the user did not type (headings, labels, notices,
//! footers, month and day names) has a key in `templates/language/passport.toml`, with an
//! `en` and a `cy` version. A print chooses a [`Language`]: English, Welsh, or bilingual with
//! the Welsh first. A trust corrects the wording in its own copy of the file
//! (`<data folder>/templates/language/passport.toml`): a partial file overrides only the keys
//! it holds. The file is walked by hand, like a template, so every mistake names the file and
//! the key.
//!
//! To add a key: add an entry to the built-in file (with `checked = false` on Welsh nobody
//! has checked yet) and ask for it by its dotted name with [`Words::label`] or
//! [`Words::text`]. A key the code asks for that the built-in file lacks is a programming
//! error, and the `every_key_the_passport_uses_is_in_the_file` test finds it.

use crate::error::{Error, Result};
use crate::user_file::{self, Limit};
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::sync::{Arc, OnceLock};
use toml::{Table, Value};

/// The language file shipped with the app.
const BUILTIN: &str = include_str!("../../templates/language/passport.toml");
/// How the built-in file is named in errors.
const BUILTIN_SOURCE: &str = "language/passport.toml";

/// The language a passport is printed in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum Language {
    /// English.
    #[default]
    #[serde(rename = "en")]
    En,
    /// Welsh.
    #[serde(rename = "cy")]
    Cy,
    /// Bilingual, Welsh first.
    #[serde(rename = "cy-en")]
    CyEn,
}

impl Language {
    pub const ALL: [Language; 3] = [Language::En, Language::Cy, Language::CyEn];

    /// The code used in the database, JSON and the CLI: `en`, `cy` or `cy-en`.
    pub fn code(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::Cy => "cy",
            Language::CyEn => "cy-en",
        }
    }

    /// How the choice is shown to people, in its own words.
    pub fn label(self) -> &'static str {
        match self {
            Language::En => "English",
            Language::Cy => "Cymraeg (Welsh)",
            Language::CyEn => "Cymraeg a Saesneg (bilingual, Welsh first)",
        }
    }

    /// The PDF's /Lang: the language a screen reader should read it in (Welsh first in a
    /// bilingual copy).
    pub fn pdf_lang(self) -> &'static str {
        match self {
            Language::En => "en-GB",
            Language::Cy | Language::CyEn => "cy-GB",
        }
    }
}

impl std::fmt::Display for Language {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

impl std::str::FromStr for Language {
    type Err = String;
    fn from_str(s: &str) -> std::result::Result<Self, String> {
        match s.trim().to_lowercase().as_str() {
            "en" => Ok(Language::En),
            "cy" => Ok(Language::Cy),
            "cy-en" => Ok(Language::CyEn),
            other => Err(format!(
                "unknown language code '{other}': use en, cy or cy-en"
            )),
        }
    }
}

/// One key's wording.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Entry {
    en: String,
    cy: String,
    /// A Welsh speaker has checked the Welsh.
    checked: bool,
}

/// Every key's wording: the built-in file with any trust's corrections laid over it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WordBook {
    entries: Arc<BTreeMap<String, Entry>>,
    /// The files read, built-in first: the issued-copy register records the template's source.
    pub sources: Vec<String>,
}

impl WordBook {
    /// The wording shipped with the app.
    pub fn builtin() -> WordBook {
        static BOOK: OnceLock<WordBook> = OnceLock::new();
        BOOK.get_or_init(|| {
            let table = parse(BUILTIN, BUILTIN_SOURCE).expect("the built-in language file parses");
            let mut entries = BTreeMap::new();
            for (key, value) in keys_of(&table, BUILTIN_SOURCE).expect("it has only entries") {
                let entry = read_entry(&key, value, None, BUILTIN_SOURCE)
                    .expect("the built-in language file's entries are complete");
                entries.insert(key, entry);
            }
            WordBook {
                entries: Arc::new(entries),
                sources: vec![BUILTIN_SOURCE.to_string()],
            }
        })
        .clone()
    }

    /// This wording with a trust's corrections laid over it. Every key in `text` must be one
    /// the built-in file has and must give `cy`; `en` may be left out to keep the built-in
    /// English. `checked` defaults to true: a trust writing its own Welsh has checked it.
    pub fn with_overrides(&self, text: &str, source: &str) -> Result<WordBook> {
        let table = parse(text, source)?;
        let mut entries = (*self.entries).clone();
        for (key, value) in keys_of(&table, source)? {
            let Some(old) = entries.get(&key) else {
                return Err(Error::Pdf(format!(
                    "{source}: {key}: unknown key: the passport has no wording called that \
                     (check the spelling against the built-in file)"
                )));
            };
            let entry = read_entry(&key, value, Some(old), source)?;
            entries.insert(key, entry);
        }
        let mut sources = self.sources.clone();
        sources.push(source.to_string());
        Ok(WordBook {
            entries: Arc::new(entries),
            sources,
        })
    }

    /// This wording with the corrections in a trust's file.
    pub fn with_overrides_from_file(&self, path: &Path) -> Result<WordBook> {
        let source = path.display().to_string();
        let bytes = user_file::read(path, Limit::TEMPLATE)?;
        let text = String::from_utf8(bytes).map_err(|_| {
            Error::Pdf(format!(
                "{source}: the language file is not text (UTF-8): save it as plain text"
            ))
        })?;
        self.with_overrides(&text, &source)
    }

    /// The keys whose Welsh no Welsh speaker has checked yet, in order.
    pub fn unchecked(&self) -> Vec<&str> {
        self.entries
            .iter()
            .filter(|(_, e)| !e.checked)
            .map(|(k, _)| k.as_str())
            .collect()
    }

    /// Every key, in order.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.entries.keys().map(String::as_str)
    }

    /// The wording for one print.
    pub fn in_language(&self, language: Language) -> Words {
        Words {
            book: self.clone(),
            language,
        }
    }
}

impl Default for WordBook {
    fn default() -> Self {
        WordBook::builtin()
    }
}

/// The wording in the language of one print.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Words {
    book: WordBook,
    pub language: Language,
}

impl Default for Words {
    fn default() -> Self {
        WordBook::builtin().in_language(Language::En)
    }
}

impl Words {
    /// A short piece (a heading, label, column title, footer): bilingual copies print it on
    /// one line, "Offer / Equipment", so headings and table headers keep their height.
    pub fn label(&self, key: &str) -> String {
        self.pick(key, " / ", &[])
    }

    /// A sentence or more: bilingual copies print the Welsh, then the English on its own line,
    /// so each reader finds a whole sentence in their language.
    pub fn text(&self, key: &str) -> String {
        self.pick(key, "\n", &[])
    }

    /// [`Words::label`] with `{name}` placeholders filled.
    pub fn label_with(&self, key: &str, args: &[(&str, &str)]) -> String {
        self.pick(key, " / ", args)
    }

    /// [`Words::text`] with `{name}` placeholders filled.
    pub fn text_with(&self, key: &str, args: &[(&str, &str)]) -> String {
        self.pick(key, "\n", args)
    }

    /// The English alone, whatever the language (what the bilingual copy's second half says).
    pub fn english(&self, key: &str) -> String {
        fill(&self.entry(key).en, &[])
    }

    fn entry(&self, key: &str) -> &Entry {
        self.book.entries.get(key).unwrap_or_else(|| {
            panic!("the passport's language file has no key '{key}': add it to {BUILTIN_SOURCE}")
        })
    }

    fn pick(&self, key: &str, join: &str, args: &[(&str, &str)]) -> String {
        let e = self.entry(key);
        match self.language {
            Language::En => fill(&e.en, args),
            Language::Cy => fill(&e.cy, args),
            Language::CyEn => {
                let (cy, en) = (fill(&e.cy, args), fill(&e.en, args));
                if cy == en {
                    cy
                } else {
                    format!("{cy}{join}{en}")
                }
            }
        }
    }

    /// The same wording in one language alone.
    pub fn only(&self, language: Language) -> Words {
        self.book.in_language(language)
    }

    /// Composed text: `write` builds it in one language; a bilingual copy has it built in
    /// Welsh, then in English on the next line. For sentences with names and dates in them,
    /// which read badly split at a slash.
    pub fn sentences(&self, write: impl Fn(&Words) -> String) -> String {
        self.joined("\n", write)
    }

    /// As [`Words::sentences`] for a short piece: bilingual on one line, "Welsh / English".
    pub fn phrase(&self, write: impl Fn(&Words) -> String) -> String {
        self.joined(" / ", write)
    }

    fn joined(&self, join: &str, write: impl Fn(&Words) -> String) -> String {
        match self.language {
            Language::CyEn => {
                let cy = write(&self.only(Language::Cy));
                let en = write(&self.only(Language::En));
                if cy == en {
                    cy
                } else {
                    format!("{cy}{join}{en}")
                }
            }
            _ => write(self),
        }
    }

    /// A long date: "3 March 2026", "3 Mawrth 2026", or bilingual "3 Mawrth / March 2026".
    pub fn date(&self, date: NaiveDate) -> String {
        let month = self.label(&format!("date.month_{}", date.month()));
        format!("{} {month} {}", date.day(), date.year())
    }

    /// A short date for narrow columns: "8 Sep 2026", "8 Medi 2026".
    pub fn short_date(&self, date: NaiveDate) -> String {
        let month = self.label(&format!("date.month_short_{}", date.month()));
        format!("{} {month} {}", date.day(), date.year())
    }

    /// A day's name: "Monday", "Dydd Llun".
    pub fn day(&self, day: crate::model::Day) -> String {
        self.label(&format!("date.day_{}", day.code()))
    }

    /// A day's short name: "Mon", "Llun".
    pub fn day_short(&self, day: crate::model::Day) -> String {
        self.label(&format!("date.day_short_{}", day.code()))
    }

    /// The label of one of the model's closed lists printed on the passport, by the list's
    /// key in the file and the choice's code: `choice("where_used", "both")`.
    pub fn choice(&self, list: &str, code: &str) -> String {
        self.label(&format!("{list}.{}", code.replace('-', "_")))
    }
}

fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (name, value) in args {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

/// The `{name}` placeholders a wording uses.
fn placeholders(text: &str) -> BTreeSet<&str> {
    let mut found = BTreeSet::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                found.insert(&after[..close]);
                rest = &after[close + 1..];
            }
            None => break,
        }
    }
    found
}

fn parse(text: &str, source: &str) -> Result<Table> {
    text.parse().map_err(|e: toml::de::Error| {
        let at = e
            .span()
            .map(|s| {
                let before = &text[..s.start.min(text.len())];
                format!("line {}: ", before.matches('\n').count() + 1)
            })
            .unwrap_or_default();
        Error::Pdf(format!(
            "{source}: {at}{} (the language file is not valid TOML)",
            e.message()
        ))
    })
}

/// The entries of a file by dotted key: `[cover]` then `title = { … }` is `cover.title`.
fn keys_of<'t>(table: &'t Table, source: &str) -> Result<Vec<(String, &'t Table)>> {
    let mut out = Vec::new();
    for (section, value) in table {
        let Value::Table(section_table) = value else {
            return Err(Error::Pdf(format!(
                "{source}: {section}: expected a table of wordings ([{section}]), found a {}",
                value.type_str()
            )));
        };
        for (name, value) in section_table {
            let key = format!("{section}.{name}");
            let Value::Table(entry) = value else {
                return Err(Error::Pdf(format!(
                    "{source}: {key}: expected {{ en = \"…\", cy = \"…\" }}, found a {}",
                    value.type_str()
                )));
            };
            out.push((key, entry));
        }
    }
    Ok(out)
}

/// Reads one entry; `builtin` is the wording it corrects, when it is a trust's correction.
fn read_entry(key: &str, table: &Table, builtin: Option<&Entry>, source: &str) -> Result<Entry> {
    let fail = |what: String| Error::Pdf(format!("{source}: {key}: {what}"));
    for name in table.keys() {
        if !["en", "cy", "checked"].contains(&name.as_str()) {
            return Err(fail(format!(
                "unknown field '{name}': an entry has en, cy and checked"
            )));
        }
    }
    let string = |name: &str| -> Result<Option<String>> {
        match table.get(name) {
            None => Ok(None),
            Some(Value::String(s)) if !s.trim().is_empty() => Ok(Some(s.clone())),
            Some(Value::String(_)) => Err(fail(format!("{name} is empty: write the wording"))),
            Some(other) => Err(fail(format!(
                "{name}: expected text in quotes, found a {}",
                other.type_str()
            ))),
        }
    };
    let cy = string("cy")?.ok_or_else(|| {
        fail("no Welsh (cy) given: write cy = \"…\" with the Welsh wording".into())
    })?;
    let en = match (string("en")?, builtin) {
        (Some(en), _) => en,
        (None, Some(old)) => old.en.clone(),
        (None, None) => return Err(fail("no English (en) given".into())),
    };
    let checked = match table.get("checked") {
        None => builtin.is_some(),
        Some(Value::Boolean(b)) => *b,
        Some(other) => {
            return Err(fail(format!(
                "checked: expected true or false, found a {}",
                other.type_str()
            )));
        }
    };
    // The Welsh may leave a placeholder out where its grammar needs to (a noun whose gender
    // decides the words around it), but neither language may ask for one the passport does not
    // fill.
    let wanted = placeholders(builtin.map_or(&en, |old| &old.en));
    for (name, text) in [("en", &en), ("cy", &cy)] {
        let used = placeholders(text);
        if !used.is_subset(&wanted) {
            let list = |set: &BTreeSet<&str>| {
                if set.is_empty() {
                    "none".to_string()
                } else {
                    set.iter()
                        .map(|p| format!("{{{p}}}"))
                        .collect::<Vec<_>>()
                        .join(", ")
                }
            };
            return Err(fail(format!(
                "{name} uses {} but the passport fills in only {}: use those names in braces",
                list(&used),
                list(&wanted)
            )));
        }
    }
    Ok(Entry { en, cy, checked })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Day;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn every_key_the_passport_uses_is_in_the_file() {
        let sources = [
            include_str!("content.rs"),
            include_str!("contacts.rs"),
            include_str!("cover.rs"),
            include_str!("equipment.rs"),
            include_str!("evacuation.rs"),
            include_str!("handling.rs"),
            include_str!("layout.rs"),
            include_str!("metadata.rs"),
            include_str!("servicing.rs"),
            include_str!("statements.rs"),
            include_str!("table.rs"),
            include_str!("timetable.rs"),
        ];
        let book = WordBook::builtin();
        let known: BTreeSet<&str> = book.keys().collect();
        let mut asked = 0;
        for source in sources {
            for call in ["label(\"", "text(\"", "label_with(\"", "text_with(\""] {
                for (at, _) in source.match_indices(call) {
                    let rest = &source[at + call.len()..];
                    let key = &rest[..rest.find('"').unwrap()];
                    if key.contains('.') {
                        asked += 1;
                        assert!(known.contains(key), "{key} is not in {BUILTIN_SOURCE}");
                    }
                }
            }
        }
        assert!(
            asked > 100,
            "only {asked} keys found: has the way they are asked for changed?"
        );
    }

    #[test]
    fn language_codes_parse_and_an_unknown_one_is_refused_by_name() {
        assert_eq!("en".parse::<Language>(), Ok(Language::En));
        assert_eq!("cy".parse::<Language>(), Ok(Language::Cy));
        assert_eq!(" CY-EN ".parse::<Language>(), Ok(Language::CyEn));
        assert_eq!(
            "fr".parse::<Language>().unwrap_err(),
            "unknown language code 'fr': use en, cy or cy-en"
        );
        for l in Language::ALL {
            assert_eq!(l.code().parse::<Language>(), Ok(l));
        }
    }

    #[test]
    fn dates_are_written_in_the_language_of_the_copy() {
        let book = WordBook::builtin();
        let d = date(2026, 3, 3);
        assert_eq!(book.in_language(Language::En).date(d), "3 March 2026");
        assert_eq!(book.in_language(Language::Cy).date(d), "3 Mawrth 2026");
        assert_eq!(
            book.in_language(Language::CyEn).date(d),
            "3 Mawrth / March 2026"
        );
        assert_eq!(
            book.in_language(Language::Cy).short_date(date(2026, 9, 8)),
            "8 Medi 2026"
        );
        assert_eq!(book.in_language(Language::Cy).day(Day::Mon), "Dydd Llun");
        assert_eq!(book.in_language(Language::En).day_short(Day::Thu), "Thu");
    }

    #[test]
    fn bilingual_labels_share_a_line_and_sentences_take_two() {
        let w = WordBook::builtin().in_language(Language::CyEn);
        assert_eq!(w.label("equipment.section"), "Offer / Equipment");
        let text = w.text("about_me.nothing_yet");
        let (cy, en) = text.split_once('\n').unwrap();
        assert_eq!(en, "Nothing is recorded here yet: ask the therapist.");
        assert!(cy.starts_with("Does dim"), "{cy}");
    }

    #[test]
    fn placeholders_are_filled_in_each_language() {
        let book = WordBook::builtin();
        let args = [("number", "3"), ("total", "12")];
        assert_eq!(
            book.in_language(Language::En)
                .label_with("page.number", &args),
            "Page 3 of 12"
        );
        assert_eq!(
            book.in_language(Language::Cy)
                .label_with("page.number", &args),
            "Tudalen 3 o 12"
        );
    }

    #[test]
    fn every_welsh_string_is_marked_unchecked_until_a_welsh_speaker_checks_it() {
        let book = WordBook::builtin();
        assert_eq!(book.unchecked().len(), book.keys().count());
        let fixed = book
            .with_overrides(
                "[page]\nnumber = { cy = \"Tud. {number} o {total}\" }\n",
                "trust.toml",
            )
            .unwrap();
        assert_eq!(fixed.unchecked().len(), book.keys().count() - 1);
    }

    #[test]
    fn a_trust_file_overrides_only_the_keys_it_holds() {
        let book = WordBook::builtin()
            .with_overrides(
                "[equipment]\nsection = { en = \"Kit\", cy = \"Cyfarpar\" }\n",
                "trust.toml",
            )
            .unwrap();
        let cy = book.in_language(Language::Cy);
        assert_eq!(cy.label("equipment.section"), "Cyfarpar");
        assert_eq!(
            book.in_language(Language::En).label("equipment.section"),
            "Kit"
        );
        assert_eq!(cy.label("contacts.section"), "Cysylltiadau allweddol");
        assert_eq!(book.sources, [BUILTIN_SOURCE, "trust.toml"]);
    }

    #[test]
    fn mistakes_in_a_trust_file_name_the_file_and_the_key() {
        let error = |text: &str| {
            WordBook::builtin()
                .with_overrides(text, "trust.toml")
                .unwrap_err()
                .to_string()
        };
        let e = error("[equipment]\nsectoin = { cy = \"Offer\" }\n");
        assert!(
            e.starts_with("trust.toml: equipment.sectoin: unknown key"),
            "{e}"
        );
        let e = error("[equipment]\nsection = { en = \"Equipment\" }\n");
        assert!(
            e.starts_with("trust.toml: equipment.section: no Welsh (cy) given"),
            "{e}"
        );
        let e = error("[page]\nnumber = { cy = \"Tudalen {rhif}\" }\n");
        assert!(
            e.starts_with("trust.toml: page.number: cy uses {rhif}"),
            "{e}"
        );
        let e = error("[page]\nnumber = { cy = \"x\", checked = \"yes\" }\n");
        assert!(
            e.contains("page.number: checked: expected true or false"),
            "{e}"
        );
        let e = error("[page]\nnumber = = 1\n");
        assert!(e.starts_with("trust.toml: line 2: "), "{e}");
        let e = error("[page]\nnumber = \"Tudalen\"\n");
        assert!(
            e.starts_with("trust.toml: page.number: expected { en"),
            "{e}"
        );
    }
}
