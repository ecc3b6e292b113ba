//! The CSV files the app writes for spreadsheets to open, all through [`write`], which keeps
//! any cell's text from being run as a formula (OWASP's "CSV injection": a cell such as
//! `=HYPERLINK(...)` typed into a council's name would otherwise run in Excel).

use crate::model::dfg::money::plain;
use chrono::NaiveDate;
use std::borrow::Cow;

/// One cell of a row: text, which is neutralised and quoted, or a number or date the app
/// formats itself, which is written as it is so that spreadsheets read it as a number.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Cell(Kind);

#[derive(Debug, Clone, PartialEq, Eq)]
enum Kind {
    Text(String),
    /// Only ever made from an integer or a date below, so it holds a sign, digits, a point
    /// and hyphens and nothing a spreadsheet could run. It is kept as it is: OWASP's prefix
    /// on an amount like `-12.50` (a refund) or a day count like `-3` (dates recorded out of
    /// order) would turn it into text that a spreadsheet's sums skip without a word.
    Value(String),
}

impl Default for Kind {
    fn default() -> Self {
        Kind::Text(String::new())
    }
}

impl Cell {
    pub fn text(text: impl Into<String>) -> Cell {
        Cell(Kind::Text(text.into()))
    }

    pub fn integer(n: i64) -> Cell {
        Cell(Kind::Value(n.to_string()))
    }

    /// An amount in pence, as pounds with two decimals (`-12.50`).
    pub fn pence(pence: i64) -> Cell {
        Cell(Kind::Value(plain(pence)))
    }

    /// A date as YYYY-MM-DD, which every spreadsheet reads as a date.
    pub fn date(date: NaiveDate) -> Cell {
        Cell(Kind::Value(date.format("%Y-%m-%d").to_string()))
    }
}

impl From<String> for Cell {
    fn from(text: String) -> Cell {
        Cell::text(text)
    }
}

impl From<&str> for Cell {
    fn from(text: &str) -> Cell {
        Cell::text(text)
    }
}

/// The characters that make a spreadsheet read a cell as a formula (or, for tab and carriage
/// return, that some spreadsheets skip before looking for one), as OWASP lists them.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// `text` as a spreadsheet will show it rather than run it: with a single quote in front when
/// it starts with one of `= + - @`, tab or carriage return, as OWASP advises. Leading spaces
/// are looked past, because LibreOffice's "Trim spaces" on import would remove them and leave
/// the formula first. [`write`] also quotes the cell, so a separator inside it cannot start a
/// new cell that begins with a formula.
pub fn neutralise(text: &str) -> Cow<'_, str> {
    if text.trim_start_matches(' ').starts_with(FORMULA_STARTS) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// The UTF-8 byte-order mark. Excel for Windows reads a CSV without it as the PC's legacy
/// code page (Windows-1252 in the UK), turning "Café" into "CafÃ©"; with it, as UTF-8.
/// LibreOffice, Numbers and the import here all skip it.
pub const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// A header row and rows as CSV (RFC 4180, UTF-8 starting with [`UTF8_BOM`], LF line ends).
/// Every text cell that is not empty is neutralised and quoted; numbers and dates are written
/// bare.
pub fn write(header: &[&str], rows: impl IntoIterator<Item = Vec<Cell>>) -> Vec<u8> {
    let mut out = UTF8_BOM.to_vec();
    let header = header.iter().map(|&name| Cell::text(name)).collect();
    for row in std::iter::once(header).chain(rows) {
        for (i, cell) in row.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            match &cell.0 {
                Kind::Text(text) if text.is_empty() => {}
                Kind::Text(text) => {
                    out.push(b'"');
                    out.extend(neutralise(text).replace('"', "\"\"").as_bytes());
                    out.push(b'"');
                }
                Kind::Value(value) => out.extend(value.as_bytes()),
            }
        }
        out.push(b'\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_formula_character_at_the_start_of_a_cell_gets_a_single_quote() {
        for text in [
            "=1+1",
            "+44 1632 960000",
            "-2+3+cmd|' /C calc'!A0",
            "@SUM(A1:A2)",
            "\t=1+1",
            "\r=1+1",
            "  =1+1",
        ] {
            assert_eq!(neutralise(text), format!("'{text}"), "{text:?}");
        }
    }

    #[test]
    fn other_text_is_left_as_it_is() {
        for text in ["", "Midshire Council", "a=b", "12-3", "'quoted", "x\n=1+1"] {
            assert!(
                matches!(neutralise(text), Cow::Borrowed(t) if t == text),
                "{text:?}"
            );
        }
    }

    #[test]
    fn text_cells_are_quoted_and_numbers_and_dates_are_bare() {
        let date = NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
        let bytes = write(
            &["name", "amount", "days", "on", "note"],
            [vec![
                Cell::text("=HYPERLINK(\"http://x\",\"a\")"),
                Cell::pence(-1250),
                Cell::integer(-3),
                Cell::date(date),
                Cell::default(),
            ]],
        );
        assert_eq!(
            String::from_utf8(bytes).unwrap(),
            "\u{FEFF}\"name\",\"amount\",\"days\",\"on\",\"note\"\n\
             \"'=HYPERLINK(\"\"http://x\"\",\"\"a\"\")\",-12.50,-3,2026-03-01,\n"
        );
    }

    #[test]
    fn the_file_starts_with_a_utf8_bom_so_excel_shows_accents() {
        let bytes = write(&["name"], [vec![Cell::text("Siân Ó Dálaigh")]]);
        assert!(bytes.starts_with(UTF8_BOM));
        assert_eq!(
            std::str::from_utf8(&bytes[UTF8_BOM.len()..]).unwrap(),
            "\"name\"\n\"Siân Ó Dálaigh\"\n"
        );
    }

    #[test]
    fn what_is_written_reads_back_cell_for_cell_with_the_prefix_on_formulas() {
        let cells = ["a, b", "say \"hi\"", "two\nlines", "\r\n", "-x;=1", "a;=1"];
        let bytes = write(&cells, [cells.iter().map(|&c| Cell::text(c)).collect()]);
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(bytes.as_slice());
        for record in reader.records() {
            let read: Vec<String> = record.unwrap().iter().map(String::from).collect();
            assert_eq!(
                read,
                [
                    "a, b",
                    "say \"hi\"",
                    "two\nlines",
                    "'\r\n",
                    "'-x;=1",
                    "a;=1"
                ]
            );
        }
    }
}
