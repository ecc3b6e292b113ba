//! The one error that crosses to the web view: `{code, message, fields}`. The UI branches on
//! `code` and shows `fields` beside the form fields they name; it never parses `message`.

use equipment_passport::{Error, FieldError};
use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, Serialize, TS)]
pub struct CommandError {
    /// Stable: `invalid`, `not_found`, `conflict`, `locked`, `wrong_passphrase`, ...
    pub code: String,
    pub message: String,
    pub fields: Vec<FieldError>,
}

impl CommandError {
    pub fn new(code: &str, message: impl Into<String>) -> Self {
        CommandError {
            code: code.into(),
            message: message.into(),
            fields: Vec::new(),
        }
    }

    /// The caseload is locked (never opened, or locked after being left idle).
    pub fn locked() -> Self {
        CommandError::new(
            "locked",
            "the caseload is locked: enter the passphrase to open it",
        )
    }
}

impl From<Error> for CommandError {
    fn from(e: Error) -> Self {
        CommandError {
            code: e.code().to_string(),
            message: e.to_string(),
            fields: e.fields().to_vec(),
        }
    }
}

impl From<tauri::Error> for CommandError {
    fn from(e: tauri::Error) -> Self {
        CommandError::new("app", e.to_string())
    }
}

impl From<std::io::Error> for CommandError {
    fn from(e: std::io::Error) -> Self {
        CommandError::new("io", e.to_string())
    }
}

pub type CommandResult<T> = Result<T, CommandError>;
