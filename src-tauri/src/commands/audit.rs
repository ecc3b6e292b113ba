//! The audit trail as the app shows it (read only: nothing here changes it).

use crate::error::CommandResult;
use crate::state::AppState;
use equipment_passport::api::{AuditEntry, HistoryPage, RecordRef};
use equipment_passport::model::{ChildId, ItemId};
use tauri::State;

/// A child's history as its screen shows it: every change to the child and everything that
/// belongs to them, oldest first, with the child's name.
#[tauri::command(rename_all = "snake_case")]
pub async fn child_history(
    state: State<'_, AppState>,
    child_id: ChildId,
) -> CommandResult<HistoryPage> {
    state.read(|api| api.child_history_page(child_id))
}

/// Every change to one record (with its parts), oldest first.
#[tauri::command(rename_all = "snake_case")]
pub async fn record_history(
    state: State<'_, AppState>,
    record: RecordRef,
) -> CommandResult<Vec<AuditEntry>> {
    state.read(|api| api.history(record))
}

/// One equipment item's history as its screen shows it: the item, its set-up steps, photos and
/// service records, oldest first, with the item's and its child's names.
#[tauri::command(rename_all = "snake_case")]
pub async fn item_history(
    state: State<'_, AppState>,
    item_id: ItemId,
) -> CommandResult<HistoryPage> {
    state.read(|api| api.item_history_page(item_id))
}
