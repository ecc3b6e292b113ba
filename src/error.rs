//! The core's one error type. Each variant says what a caller can do about it; messages carry
//! record ids, never a child's name, diagnosis or address.

use serde::Serialize;

/// A problem with one field of a form, shown beside that field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct FieldError {
    /// The field's name as the UI knows it, e.g. `nhs_number` or `setup_steps[2].text`.
    pub field: String,
    /// Plain-English message saying what is wrong and what to do.
    pub message: String,
}

impl FieldError {
    pub fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            field: field.into(),
            message: message.into(),
        }
    }
}

impl std::fmt::Display for FieldError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.field, self.message)
    }
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The record asked for does not exist (or was deleted).
    #[error("no {kind} with id {id}")]
    NotFound { kind: &'static str, id: String },

    /// The input failed validation; nothing was written.
    #[error("{}", invalid_summary(.0))]
    Invalid(Vec<FieldError>),

    /// The write clashes with what is already stored (e.g. a duplicate sling id).
    #[error("{0}")]
    Conflict(String),

    /// The database was written by a newer version of Equipment Passport.
    #[error(
        "this database is at schema version {found} but this version of Equipment Passport understands up to {supported}: install the newer version of the app to open it"
    )]
    DatabaseTooNew { found: u32, supported: u32 },

    /// The database could not be opened with the passphrase given.
    #[error("the passphrase is not right for this database: check it and try again")]
    WrongPassphrase,

    /// The database needs a passphrase and none was given.
    #[error("this database is locked: enter its passphrase to open it")]
    PassphraseRequired,

    /// A photo could not be accepted; the message says what to do instead.
    #[error("{0}")]
    Image(String),

    /// A template or passport could not be produced.
    #[error("{0}")]
    Pdf(String),

    /// The file or folder could not be read or written.
    #[error("{context}: {source}")]
    Io {
        context: String,
        #[source]
        source: std::io::Error,
    },

    /// SQLite reported a problem that the caller cannot fix by changing the input.
    #[error("database error: {0}")]
    Storage(rusqlite::Error),
}

impl From<rusqlite::Error> for Error {
    fn from(e: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode::{DatabaseBusy, DatabaseLocked};
        match e.sqlite_error_code() {
            // Writers wait their turn for half a minute (see `store`), so still being locked
            // out means another program is in the middle of something long.
            Some(DatabaseBusy | DatabaseLocked) => Error::Conflict(
                "the caseload stayed busy for 30 seconds: another program (the desktop app, or another passport command) is writing to it; try again when it has finished"
                    .into(),
            ),
            _ => Error::Storage(e),
        }
    }
}

fn invalid_summary(errors: &[FieldError]) -> String {
    match errors {
        [] => "the input is not valid".to_string(),
        [one] => one.to_string(),
        [first, rest @ ..] => format!("{first} (and {} more problems)", rest.len()),
    }
}

impl Error {
    pub fn not_found(kind: &'static str, id: impl ToString) -> Self {
        Error::NotFound {
            kind,
            id: id.to_string(),
        }
    }

    pub fn io(context: impl Into<String>, source: std::io::Error) -> Self {
        Error::Io {
            context: context.into(),
            source,
        }
    }

    pub fn invalid(field: &str, message: impl Into<String>) -> Self {
        Error::Invalid(vec![FieldError::new(field, message)])
    }

    /// A short stable code for the shells to branch on (never the message text).
    pub fn code(&self) -> &'static str {
        match self {
            Error::NotFound { .. } => "not_found",
            Error::Invalid(_) => "invalid",
            Error::Conflict(_) => "conflict",
            Error::DatabaseTooNew { .. } => "database_too_new",
            Error::WrongPassphrase => "wrong_passphrase",
            Error::PassphraseRequired => "passphrase_required",
            Error::Image(_) => "image",
            Error::Pdf(_) => "pdf",
            Error::Io { .. } => "io",
            Error::Storage(_) => "storage",
        }
    }

    /// The field errors, if this is a validation failure.
    pub fn fields(&self) -> &[FieldError] {
        match self {
            Error::Invalid(fields) => fields,
            _ => &[],
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
