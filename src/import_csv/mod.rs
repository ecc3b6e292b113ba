//! Reading an equipment spreadsheet saved as CSV: the bytes into text, the text into a header
//! and rows, and each row into an item for a child (see [`columns`] for the column set). Nothing
//! here touches the database; [`crate::Api::import_equipment_csv`] matches the rows to
//! children and suppliers and writes them.

pub mod columns;
mod encoding;
mod quotes;
pub mod rows;

use crate::error::FieldError;
use serde::Serialize;

/// The largest file accepted: ten thousand well-filled rows fit in well under this.
pub const MAX_BYTES: usize = 10 * 1024 * 1024;
/// The most rows (after the header, not counting blank rows) one import takes.
pub const MAX_ROWS: usize = 10_000;

/// One problem with one cell (or row) of the spreadsheet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CsvRowError {
    /// The spreadsheet's row number, as Excel or LibreOffice shows it: the header is row 1.
    pub line: usize,
    /// The column's name as the file spells it, or `row` for the row as a whole.
    pub column: String,
    pub message: String,
}

impl std::fmt::Display for CsvRowError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}, {}: {}", self.line, self.column, self.message)
    }
}

/// How the file's bytes were read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum TextEncoding {
    Utf8,
    /// Excel's older "CSV (Comma delimited)" on Windows.
    Windows1252,
}

/// The file split into its header and its non-blank rows.
#[derive(Debug, Clone)]
pub struct Table {
    pub header: Vec<String>,
    /// Each row with its spreadsheet row number.
    pub rows: Vec<(usize, Vec<String>)>,
    pub delimiter: char,
    pub encoding: TextEncoding,
}

const SAVE_AS_CSV: &str =
    "in your spreadsheet choose File > Save As and the type 'CSV UTF-8 (Comma delimited) (*.csv)'";

fn file_error(message: impl Into<String>) -> Vec<FieldError> {
    vec![FieldError::new("file", message)]
}

/// Reads the bytes of a CSV file into a table, or says (as errors on the field `file` or
/// `header`) why it cannot be read at all.
pub fn read_table(bytes: &[u8]) -> Result<Table, Vec<FieldError>> {
    let (full, encoding) = encoding::decode(bytes).map_err(file_error)?;
    // Excel honours (and hides) a first line `sep=;` naming the separator.
    let (text, delimiter) = match separator_line(&full) {
        Some((rest, sep)) => (rest, sep),
        None => (full.as_str(), detect_delimiter(&full)),
    };
    // The reader ends a quoted cell only at its closing quote, however far away, so one
    // missing quote would carry the rest of the file into one cell: refuse such a file.
    quotes::check(text, delimiter).map_err(|problem| {
        let skipped = full.len() - text.len();
        file_error(problem.message(|at| line_of(full.as_bytes(), skipped + at)))
    })?;
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut header: Option<Vec<String>> = None;
    let mut rows = Vec::new();
    // Line breaks inside quoted cells push later records down the file but not down the
    // spreadsheet: count them so errors give the row number a spreadsheet shows.
    let mut breaks_in_cells = 0u64;
    let (mut newlines, mut counted) = (0u64, 0usize);
    for record in reader.records() {
        let record = record
            .map_err(|_| file_error(format!("the file could not be read as CSV: {SAVE_AS_CSV}")))?;
        // The reader's own line count goes astray with CRLF, so count from the byte offset
        // (which, after a CRLF, points at its LF: count that too).
        let start = record.position().map_or(0, |p| p.byte() as usize);
        let upto = (start + 1).min(text.len());
        newlines += count_line_breaks(text.as_bytes(), counted..upto.max(counted));
        counted = upto.max(counted);
        let line = (newlines + 1).saturating_sub(breaks_in_cells) as usize;
        // Line breaks in cells are stored as the app stores them: a plain LF.
        let cells: Vec<String> = record
            .iter()
            .map(|cell| cell.replace("\r\n", "\n").replace('\r', "\n"))
            .collect();
        breaks_in_cells += cells
            .iter()
            .map(|cell| cell.matches('\n').count() as u64)
            .sum::<u64>();
        if cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        if header.is_none() {
            header = Some(cells);
            continue;
        }
        if rows.len() == MAX_ROWS {
            return Err(file_error(format!(
                "the file has more than {MAX_ROWS} rows: split it into smaller files and import each"
            )));
        }
        rows.push((line, cells));
    }
    let Some(header) = header else {
        return Err(file_error(
            "the file is empty: it needs a header row naming the columns, then one row per item",
        ));
    };
    Ok(Table {
        header,
        rows,
        delimiter: delimiter as char,
        encoding,
    })
}

/// The line breaks that start in `range` of `text`: LF, CRLF (counted once) and a lone CR,
/// which ends a row for the CSV reader and for spreadsheets alike (Excel for Mac's "CSV
/// (Macintosh)" ends every line with one).
fn count_line_breaks(text: &[u8], range: std::ops::Range<usize>) -> u64 {
    text[range.clone()]
        .iter()
        .zip(range)
        .filter(|&(&b, i)| b == b'\n' || (b == b'\r' && text.get(i + 1) != Some(&b'\n')))
        .count() as u64
}

/// The line of the file (as a text editor numbers them, from 1) that the byte at `offset` is on.
fn line_of(text: &[u8], offset: usize) -> usize {
    count_line_breaks(text, 0..offset.min(text.len())) as usize + 1
}

/// The text after a `sep=X` line, and X, if the file starts with one.
fn separator_line(text: &str) -> Option<(&str, u8)> {
    let (first, rest) = text.split_once('\n')?;
    let sep = first.trim_end_matches('\r').strip_prefix("sep=")?;
    match sep.as_bytes() {
        [b @ (b',' | b';' | b'\t' | b'|')] => Some((rest, *b)),
        _ => None,
    }
}

/// The separator of the header row: a comma, or the semicolon of Excel in countries that write
/// decimals with a comma, or a tab; whichever appears most outside quotes.
fn detect_delimiter(text: &str) -> u8 {
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            '\n' if !quoted => break,
            ',' if !quoted => counts[0] += 1,
            ';' if !quoted => counts[1] += 1,
            '\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let best = (0..3)
        .max_by_key(|&i| (counts[i], std::cmp::Reverse(i)))
        .unwrap_or(0);
    [b',', b';', b'\t'][if counts[best] == 0 { 0 } else { best }]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bom_crlf_and_blank_rows_are_handled_and_rows_keep_spreadsheet_numbers() {
        let t = read_table(b"\xEF\xBB\xBFa,b\r\n1,\"two\r\nlines\"\r\n,\r\n3,4\r\n,,\r\n").unwrap();
        assert_eq!(t.header, vec!["a", "b"]);
        assert_eq!(t.rows.len(), 2);
        assert_eq!(t.rows[0], (2, vec!["1".into(), "two\nlines".into()]));
        assert_eq!(
            t.rows[1].0, 4,
            "row 3 is blank; the cell break does not count"
        );
    }

    #[test]
    fn semicolons_and_tabs_are_detected_from_the_header() {
        assert_eq!(read_table(b"a;b;c\n1,5;2;3\n").unwrap().delimiter, ';');
        assert_eq!(read_table(b"a\tb\n1\t2\n").unwrap().delimiter, '\t');
        assert_eq!(read_table(b"\"x;y\",b\n").unwrap().delimiter, ',');
        let t = read_table(b"sep=;\r\na,b;c\r\n1;2\r\n").unwrap();
        assert_eq!((t.delimiter, t.header.len(), t.rows[0].0), (';', 2, 2));
    }

    #[test]
    fn windows_1252_is_decoded() {
        let t = read_table(b"name\nZo\xEB \x96 \x80\n").unwrap();
        assert_eq!(t.encoding, TextEncoding::Windows1252);
        assert_eq!(t.rows[0].1[0], "Zoë – €");
    }

    #[test]
    fn workbooks_binary_empty_and_oversized_files_are_refused() {
        let message = |b: &[u8]| read_table(b).unwrap_err()[0].message.clone();
        assert!(message(b"PK\x03\x04rest").contains("Excel workbook"));
        assert!(message(b"\xFF\xFEa\0").contains("UTF-16"));
        assert!(message(b"%PDF\0\x01").contains("binary"));
        assert!(message(b"\xEF\xBB\xBF\r\n\r\n").contains("empty"));
        assert!(message(&vec![b'a'; MAX_BYTES + 1]).contains("up to 10 MB"));
        let mut many = b"a\n".to_vec();
        many.extend(b"1\n".repeat(MAX_ROWS + 1));
        assert!(message(&many).contains("more than 10000 rows"));
    }
}
