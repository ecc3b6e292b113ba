//! Creating, unlocking and locking the caseload.

use crate::error::CommandResult;
use crate::state::{AppState, DEFAULT_IDLE_MINUTES, SessionState};
use equipment_passport::Api;
use tauri::{AppHandle, State};

#[tauri::command]
pub async fn session_state(state: State<'_, AppState>) -> CommandResult<SessionState> {
    Ok(state.state())
}

/// First run: creates the encrypted caseload with the passphrase the user chose, then opens
/// its read-only connections and makes today's automatic backup in the background.
#[tauri::command]
pub async fn create_caseload(
    app: AppHandle,
    state: State<'_, AppState>,
    passphrase: String,
) -> CommandResult<()> {
    let api = Api::create(&state.data_dir, &passphrase, state.clock.clone())?;
    let caseload = state.open_with(api, DEFAULT_IDLE_MINUTES);
    super::backup::start_after_opening(app, caseload);
    Ok(())
}

/// Opens the caseload, then opens its read-only connections and makes today's automatic
/// backup in the background: a large caseload takes seconds to copy, and the user should not
/// wait for it.
#[tauri::command]
pub async fn unlock(
    app: AppHandle,
    state: State<'_, AppState>,
    passphrase: String,
) -> CommandResult<()> {
    let api = Api::open(&state.data_dir, Some(&passphrase), state.clock.clone())?;
    let minutes = api.preferences()?.idle_lock_minutes;
    let caseload = state.open_with(api, minutes);
    super::backup::start_after_opening(app, caseload);
    Ok(())
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
    Ok(state
        .caseload()?
        .alone(|api| api.change_passphrase(&current, &new))?)
}
