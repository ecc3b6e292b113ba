//! Export and import: children to and from an encrypted `.passport` bundle, and an equipment
//! spreadsheet (CSV) into the caseload. Dialogs, reading and writing run on a worker thread;
//! an import reads only a file the user chose in its dialog this session.

use crate::dialogs::{OpenDialog, ask_where_to_save, choose_file};
use crate::error::{CommandError, CommandResult};
use crate::state::AppState;
use equipment_passport::api::{CsvImportMode, CsvImportReport, ExportReport, ExportScope};
use equipment_passport::bundle::{ExistingChild, ImportOptions, ImportReport};
use equipment_passport::import_csv::columns::Column;
use equipment_passport::model::ChildId;
use equipment_passport::user_file::{self, Limit};
use serde::Serialize;
use std::path::PathBuf;
use tauri::AppHandle;
use ts_rs::TS;

fn chosen_file(state: &AppState, path: &str) -> CommandResult<PathBuf> {
    let path = PathBuf::from(path);
    if state.was_chosen(&path) {
        Ok(path)
    } else {
        Err(CommandError::new(
            "not_allowed",
            "choose the file to import with the \"Choose a file\" button",
        ))
    }
}

/// Asks where to save, then writes one child (`child_id`) or the whole caseload to a bundle
/// encrypted with `passphrase` (one chosen for the file) or, when `None`, the caseload's own.
/// `None` when the user cancels. A chosen passphrase is checked before the dialog opens.
#[tauri::command(rename_all = "snake_case")]
pub async fn export_bundle(
    app: AppHandle,
    child_id: Option<ChildId>,
    passphrase: Option<String>,
) -> CommandResult<Option<ExportReport>> {
    super::blocking(app.clone(), move |state| {
        if let Some(chosen) = &passphrase {
            equipment_passport::model::passphrase::check_new(chosen)?;
        }
        let scope = child_id.map_or(ExportScope::All, ExportScope::Child);
        let suggested_name = state.read(|api| api.bundle_file_name(scope))?;
        let Some(path) = ask_where_to_save(
            &app,
            "Export to a .passport file",
            &suggested_name,
            ("Equipment Passport bundle", &["passport"]),
        )?
        else {
            return Ok(None);
        };
        state
            .read(|api| api.export_bundle(scope, &path, passphrase.as_deref()))
            .map(Some)
    })
    .await
}

/// Asks for a `.passport` bundle to import; `None` when the user cancels. Imports nothing.
#[tauri::command(rename_all = "snake_case")]
pub async fn choose_bundle_file(app: AppHandle) -> CommandResult<Option<String>> {
    super::blocking(app.clone(), move |state| {
        choose_file(
            &app,
            state,
            OpenDialog {
                title: "Choose a .passport file to import",
                filter: ("Equipment Passport bundle", &["passport"]),
                folder: None,
            },
        )
    })
    .await
}

/// Imports the bundle at `path` (chosen with `choose_bundle_file`), opened with `passphrase`
/// or, when `None`, the caseload's own; a passphrase that does not open it is an error on the
/// field `passphrase`. With `dry_run`, checks everything and reports, writing nothing.
#[tauri::command(rename_all = "snake_case")]
pub async fn import_bundle(
    app: AppHandle,
    path: String,
    passphrase: Option<String>,
    existing: ExistingChild,
    dry_run: bool,
) -> CommandResult<ImportReport> {
    super::blocking(app, move |state| {
        let path = chosen_file(state, &path)?;
        let options = ImportOptions {
            existing,
            dry_run,
            ..Default::default()
        };
        let passphrase = passphrase.filter(|p| !p.is_empty());
        state.write(|api| api.import_bundle(&path, passphrase.as_deref(), &options))
    })
    .await
}

/// Asks for an equipment spreadsheet saved as CSV; `None` when the user cancels.
#[tauri::command(rename_all = "snake_case")]
pub async fn choose_csv_file(app: AppHandle) -> CommandResult<Option<String>> {
    super::blocking(app.clone(), move |state| {
        choose_file(
            &app,
            state,
            OpenDialog {
                title: "Choose an equipment spreadsheet (CSV)",
                filter: ("Spreadsheet saved as CSV", &["csv", "txt"]),
                folder: None,
            },
        )
    })
    .await
}

/// Imports the spreadsheet at `path` (chosen with `choose_csv_file`) as `mode` says: a dry
/// run, every row or none, or the good rows.
#[tauri::command(rename_all = "snake_case")]
pub async fn import_equipment_csv(
    app: AppHandle,
    path: String,
    mode: CsvImportMode,
) -> CommandResult<CsvImportReport> {
    super::blocking(app, move |state| {
        let path = chosen_file(state, &path)?;
        // The core's bounded read: a regular file, refused past the import's own limit.
        let bytes = user_file::read(&path, Limit::EQUIPMENT_CSV)?;
        state.write(|api| api.import_equipment_csv(&bytes, mode))
    })
    .await
}

/// One column an equipment spreadsheet may have.
#[derive(Debug, Clone, Serialize, TS)]
pub struct CsvColumn {
    /// The documented name, as in the sample template.
    pub name: String,
    /// Other headers accepted for it.
    pub other_names: Vec<String>,
}

/// The columns the spreadsheet import understands, in the sample template's order.
#[tauri::command(rename_all = "snake_case")]
pub async fn csv_columns() -> CommandResult<Vec<CsvColumn>> {
    Ok(Column::ALL
        .iter()
        .map(|c| CsvColumn {
            name: c.name().to_string(),
            other_names: c.names()[1..].iter().map(|n| n.to_string()).collect(),
        })
        .collect())
}
