//! Checks a CSV file's quoting before it is read: a cell opened with a quote must close with
//! one, at the end of the cell. The CSV reader ends a quoted cell only at its closing quote,
//! however many lines later, so one missing quote would carry the rest of the file (or every
//! line up to the next quote) into a single cell, and import it as that cell's text.

/// A quote that does not end where a cell ends. Offsets are bytes into the text checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum QuoteProblem {
    /// A cell opened with a quote at `open` is still open at the end of the file.
    NeverClosed { open: usize },
    /// A cell opened with a quote at `open` closes at `close` and more text follows.
    TextAfterClose { open: usize, close: usize },
}

impl QuoteProblem {
    /// The message, with lines numbered by `line_of` (a byte offset to a line number).
    pub(super) fn message(self, line_of: impl Fn(usize) -> usize) -> String {
        match self {
            QuoteProblem::NeverClosed { open } => {
                let line = line_of(open);
                format!(
                    "line {line}: a cell starts with a quote (\") that is never closed, so every line after it would be read into that one cell: add the closing quote at the end of the cell on line {line}, or remove the opening one; nothing was imported"
                )
            }
            QuoteProblem::TextAfterClose { open, close } => {
                let (line, closed) = (line_of(open), line_of(close));
                if closed == line {
                    format!(
                        "line {line}: a cell's closing quote (\") is followed by more of the cell, as in \"12\" wheels: write a quote inside a quoted cell twice (\"12\"\" wheels\"), or remove the quotes; nothing was imported"
                    )
                } else {
                    format!(
                        "line {line}: a cell starts with a quote (\") that is not closed until line {closed}, so the lines between would be read into that one cell: add the missing closing quote on line {line}, or remove the opening one; nothing was imported"
                    )
                }
            }
        }
    }
}

/// Reads `text` as the CSV reader does (a quote opens a cell only as its first character; two
/// quotes inside a quoted cell are one quote; a line ends at LF, CR or CRLF) and returns the
/// first quote that does not close its cell. Spaces after a closing quote are let through:
/// the reader keeps them and the import trims them.
pub(super) fn check(text: &str, delimiter: u8) -> Result<(), QuoteProblem> {
    #[derive(Clone, Copy)]
    enum State {
        CellStart,
        Unquoted,
        Quoted {
            open: usize,
        },
        /// Just after a quote inside a quoted cell: the cell's end, or the first of two quotes.
        Closing {
            open: usize,
            close: usize,
        },
        /// Spaces after a closing quote.
        Trailing {
            open: usize,
            close: usize,
        },
    }
    let ends_cell = |b: u8| b == delimiter || b == b'\n' || b == b'\r';
    let mut state = State::CellStart;
    for (i, &b) in text.as_bytes().iter().enumerate() {
        state = match state {
            State::CellStart if b == b'"' => State::Quoted { open: i },
            State::CellStart | State::Unquoted if ends_cell(b) => State::CellStart,
            State::CellStart | State::Unquoted => State::Unquoted,
            State::Quoted { open } if b == b'"' => State::Closing { open, close: i },
            State::Quoted { open } => State::Quoted { open },
            State::Closing { open, .. } if b == b'"' => State::Quoted { open },
            State::Closing { .. } | State::Trailing { .. } if ends_cell(b) => State::CellStart,
            State::Closing { open, close } | State::Trailing { open, close }
                if b == b' ' || b == b'\t' =>
            {
                State::Trailing { open, close }
            }
            State::Closing { open, close } | State::Trailing { open, close } => {
                return Err(QuoteProblem::TextAfterClose { open, close });
            }
        };
    }
    match state {
        State::Quoted { open } => Err(QuoteProblem::NeverClosed { open }),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_cells_with_separators_doubled_quotes_and_line_breaks_pass() {
        let good = "a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\r\nlines\"\r\n\"\",5\" wide,\"end\" \n\"last\"";
        assert_eq!(check(good, b','), Ok(()));
        assert_eq!(check("a;\"b;c\"\n", b';'), Ok(()));
        assert_eq!(check("a\t\"b\"\t\n", b'\t'), Ok(()));
    }

    #[test]
    fn a_quote_never_closed_is_found_where_it_opens() {
        let text = "a,b\n1,\"Checked OK\n2,3\n4,5\n";
        assert_eq!(
            check(text, b','),
            Err(QuoteProblem::NeverClosed { open: 6 })
        );
        let lines = |at: usize| text[..at].matches('\n').count() + 1;
        let message = QuoteProblem::NeverClosed { open: 6 }.message(lines);
        assert!(
            message.starts_with("line 2: a cell starts with a quote (\") that is never closed"),
            "{message}"
        );
    }

    #[test]
    fn a_quote_closed_lines_later_by_the_next_quoted_cell_is_found_where_it_opens() {
        let text = "a,b\n1,\"Checked OK\n2,3\n4,\"x, y\"\n";
        let problem = check(text, b',').unwrap_err();
        assert_eq!(problem, QuoteProblem::TextAfterClose { open: 6, close: 24 });
        let lines = |at: usize| text[..at].matches('\n').count() + 1;
        assert!(problem.message(lines).starts_with(
            "line 2: a cell starts with a quote (\") that is not closed until line 4"
        ));
    }

    #[test]
    fn text_after_a_closing_quote_on_the_same_line_is_found() {
        let text = "a\n\"12\" wheels\n";
        let problem = check(text, b',').unwrap_err();
        assert_eq!(problem, QuoteProblem::TextAfterClose { open: 2, close: 5 });
        let message = problem.message(|at| text[..at].matches('\n').count() + 1);
        assert!(
            message.starts_with("line 2: a cell's closing quote"),
            "{message}"
        );
    }
}
