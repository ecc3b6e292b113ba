//! Creating, unlocking and locking the caseload.

use crate::error::CommandResult;
use crate::state::{AppState, DEFAULT_IDLE_MINUTES, SessionState};
use equipment_passport::Api;
use tauri::State;

#[tauri::command]
pub async fn session_state(state: State<'_, AppState>) -> CommandResult<SessionState> {
    Ok(state.state())
}

/// First run: creates the encrypted caseload with the passphrase the user chose. Returns a
/// notice when today's automatic backup could not be made (the caseload opens anyway).
#[tauri::command]
pub async fn create_caseload(
    state: State<'_, AppState>,
    passphrase: String,
) -> CommandResult<Option<String>> {
    let api = Api::create(&state.data_dir, &passphrase, state.clock.clone())?;
    let notice = super::safety::automatic_backup(&api);
    state.open_with(api, DEFAULT_IDLE_MINUTES);
    Ok(notice)
}

/// Opens the caseload and makes today's automatic backup; returns a notice when that backup
/// could not be made (the caseload opens anyway).
#[tauri::command]
pub async fn unlock(
    state: State<'_, AppState>,
    passphrase: String,
) -> CommandResult<Option<String>> {
    let api = Api::open(&state.data_dir, Some(&passphrase), state.clock.clone())?;
    let minutes = api.preferences()?.idle_lock_minutes;
    let notice = super::safety::automatic_backup(&api);
    state.open_with(api, minutes);
    Ok(notice)
}

#[tauri::command]
pub async fn lock(state: State<'_, AppState>) -> CommandResult<()> {
    state.lock();
    Ok(())
}

/// The user is active in the window (typing, pointing): keeps the caseload open.
#[tauri::command]
pub async fn still_here(state: State<'_, AppState>) -> CommandResult<()> {
    state.touch();
    Ok(())
}

#[tauri::command]
pub async fn change_passphrase(
    state: State<'_, AppState>,
    current: String,
    new: String,
) -> CommandResult<()> {
    state.with_api(|api| api.change_passphrase(&current, &new))
}
