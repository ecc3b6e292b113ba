//! The due list (and the calendar file of it) and the user's preferences.

use crate::dialogs::ask_where_to_save;
use crate::error::CommandResult;
use crate::state::AppState;
use equipment_passport::api::{DUE_CALENDAR_DAYS, DUE_CALENDAR_FILE_NAME, Preferences};
use equipment_passport::model::DueEntry;
use serde::Serialize;
use tauri::{AppHandle, State};
use ts_rs::TS;

#[tauri::command(rename_all = "snake_case")]
pub async fn due_list(
    state: State<'_, AppState>,
    within_days: u32,
) -> CommandResult<Vec<DueEntry>> {
    state.read(|api| api.due_list(within_days))
}

/// A calendar file the user saved.
#[derive(Debug, Clone, Serialize, TS)]
pub struct SavedCalendar {
    pub path: String,
    pub events: usize,
    /// How many days ahead it reaches (overdue dates are always in it).
    pub days_ahead: u32,
}

/// Asks where to save the due dates as an iCalendar file and writes it there: a year ahead,
/// one all-day event each, naming the item and the child's initials only. `None` when the
/// user cancels.
#[tauri::command(rename_all = "snake_case")]
pub async fn save_due_calendar(app: AppHandle) -> CommandResult<Option<SavedCalendar>> {
    super::blocking(app.clone(), move |state| {
        let Some(path) = ask_where_to_save(
            &app,
            "Save the due dates as a calendar",
            DUE_CALENDAR_FILE_NAME,
            ("Calendar", &["ics"]),
        )?
        else {
            return Ok(None);
        };
        let events = state.read(|api| api.export_due_calendar(&path, DUE_CALENDAR_DAYS))?;
        Ok(Some(SavedCalendar {
            path: path.display().to_string(),
            events,
            days_ahead: DUE_CALENDAR_DAYS,
        }))
    })
    .await
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
