//! An item's schedules: list them, add one, mark one done on a date, remove one.

use crate::error::CommandResult;
use crate::state::AppState;
use equipment_passport::model::{ItemId, Schedule, ScheduleDetails, ScheduleDone, ScheduleId};
use tauri::State;

#[tauri::command(rename_all = "snake_case")]
pub async fn list_schedules(
    state: State<'_, AppState>,
    item_id: ItemId,
) -> CommandResult<Vec<Schedule>> {
    state.read(|api| api.schedules_of_item(item_id))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn add_schedule(
    state: State<'_, AppState>,
    item_id: ItemId,
    details: ScheduleDetails,
) -> CommandResult<Schedule> {
    state.write(|api| api.add_schedule(item_id, details))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn mark_schedule_done(
    state: State<'_, AppState>,
    id: ScheduleId,
    done: ScheduleDone,
) -> CommandResult<Schedule> {
    state.write(|api| api.mark_schedule_done(id, done.on))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn delete_schedule(state: State<'_, AppState>, id: ScheduleId) -> CommandResult<()> {
    state.write(|api| api.delete_schedule(id))
}
