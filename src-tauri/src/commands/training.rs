//! The register of staff trained to use an item: list it, add an entry, remove one.

use crate::error::CommandResult;
use crate::state::AppState;
use equipment_passport::model::{ItemId, TrainingDetails, TrainingId, TrainingRecord};
use tauri::State;

#[tauri::command(rename_all = "snake_case")]
pub async fn list_training(
    state: State<'_, AppState>,
    item_id: ItemId,
) -> CommandResult<Vec<TrainingRecord>> {
    state.read(|api| api.training_for_item(item_id))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn add_training(
    state: State<'_, AppState>,
    item_id: ItemId,
    details: TrainingDetails,
) -> CommandResult<TrainingRecord> {
    state.write(|api| api.add_training(item_id, details))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn delete_training(state: State<'_, AppState>, id: TrainingId) -> CommandResult<()> {
    state.write(|api| api.delete_training(id))
}
