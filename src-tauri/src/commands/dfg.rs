//! Disabled Facilities Grant cases: the case list, one case, its details, stages, holds,
//! quotes and notes, and the one-page case summary PDF. Each command calls one `api::`
//! function; the summary is drawn and saved off the main thread.

use crate::error::{CommandError, CommandResult};
use crate::state::AppState;
use equipment_passport::api::{DfgCaseFilter, DfgCaseRecord, DfgCaseSummary};
use equipment_passport::model::dfg::{CaseNote, DfgCaseDetails, StageEntry, StatusChange};
use equipment_passport::model::{ChildId, DfgCaseId, DfgStageId};
use serde::Serialize;
use tauri::{AppHandle, State};
use ts_rs::TS;

#[tauri::command(rename_all = "snake_case")]
pub async fn dfg_cases(
    state: State<'_, AppState>,
    filter: DfgCaseFilter,
) -> CommandResult<Vec<DfgCaseSummary>> {
    state.read(|api| api.dfg_cases(filter))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn dfg_case(state: State<'_, AppState>, id: DfgCaseId) -> CommandResult<DfgCaseRecord> {
    state.read(|api| api.dfg_case(id))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn open_dfg_case(
    state: State<'_, AppState>,
    child_id: ChildId,
    details: DfgCaseDetails,
) -> CommandResult<DfgCaseRecord> {
    state.write(|api| api.open_dfg_case(child_id, details))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn update_dfg_case(
    state: State<'_, AppState>,
    id: DfgCaseId,
    details: DfgCaseDetails,
) -> CommandResult<DfgCaseRecord> {
    state.write(|api| api.update_dfg_case(id, details))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn record_dfg_stage(
    state: State<'_, AppState>,
    id: DfgCaseId,
    entry: StageEntry,
) -> CommandResult<DfgCaseRecord> {
    state.write(|api| api.record_dfg_stage(id, entry))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn hold_dfg_case(
    state: State<'_, AppState>,
    id: DfgCaseId,
    change: StatusChange,
) -> CommandResult<DfgCaseRecord> {
    state.write(|api| api.hold_dfg_case(id, change))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn resume_dfg_case(
    state: State<'_, AppState>,
    id: DfgCaseId,
    change: StatusChange,
) -> CommandResult<DfgCaseRecord> {
    state.write(|api| api.resume_dfg_case(id, change))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn withdraw_dfg_case(
    state: State<'_, AppState>,
    id: DfgCaseId,
    change: StatusChange,
) -> CommandResult<DfgCaseRecord> {
    state.write(|api| api.withdraw_dfg_case(id, change))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn choose_dfg_quote(
    state: State<'_, AppState>,
    id: DfgCaseId,
    quote_id: DfgStageId,
) -> CommandResult<DfgCaseRecord> {
    state.write(|api| api.choose_dfg_quote(id, quote_id))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn remove_last_dfg_stage(
    state: State<'_, AppState>,
    id: DfgCaseId,
    author: String,
) -> CommandResult<DfgCaseRecord> {
    state.write(|api| api.remove_last_dfg_stage(id, &author))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn add_dfg_note(
    state: State<'_, AppState>,
    id: DfgCaseId,
    author: String,
    text: String,
) -> CommandResult<CaseNote> {
    state.write(|api| api.add_dfg_note(id, &author, &text))
}

/// A case summary the user saved.
#[derive(Debug, Clone, Serialize, TS)]
pub struct SavedDfgSummary {
    pub path: String,
}

/// Asks where to save the case summary, then draws it there as the case stands today; `None`
/// when the user cancels.
#[tauri::command(rename_all = "snake_case")]
pub async fn save_dfg_summary(
    app: AppHandle,
    id: DfgCaseId,
) -> CommandResult<Option<SavedDfgSummary>> {
    super::blocking(app.clone(), move |state| {
        let suggested_name = state.read(|api| api.dfg_summary_file_name(id))?;
        let Some(path) = crate::dialogs::ask_where_to_save(
            &app,
            "Save the case summary",
            &suggested_name,
            ("PDF", &["pdf"]),
        )?
        else {
            return Ok(None);
        };
        let pdf = state.read(|api| api.dfg_summary_pdf(id))?;
        std::fs::write(&path, &pdf).map_err(|e| {
            CommandError::new("io", format!("could not save {}: {e}", path.display()))
        })?;
        state.remember_saved(path.clone());
        Ok(Some(SavedDfgSummary {
            path: path.display().to_string(),
        }))
    })
    .await
}
