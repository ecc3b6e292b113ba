//! The due list and the user's preferences.

use crate::error::CommandResult;
use crate::state::AppState;
use equipment_passport::api::Preferences;
use equipment_passport::model::DueEntry;
use tauri::State;

#[tauri::command(rename_all = "snake_case")]
pub async fn due_list(
    state: State<'_, AppState>,
    within_days: u32,
) -> CommandResult<Vec<DueEntry>> {
    state.read(|api| api.due_list(within_days))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn get_preferences(state: State<'_, AppState>) -> CommandResult<Preferences> {
    state.read(|api| api.preferences())
}

#[tauri::command(rename_all = "snake_case")]
pub async fn set_preferences(
    state: State<'_, AppState>,
    preferences: Preferences,
) -> CommandResult<Preferences> {
    let saved = state.write(|api| api.set_preferences(preferences))?;
    state.set_idle_minutes(saved.idle_lock_minutes);
    Ok(saved)
}
