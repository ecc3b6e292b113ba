//! Children, their contacts, settings and the sample caseload.

use crate::error::CommandResult;
use crate::state::AppState;
use equipment_passport::api::{ChildRecord, SearchResults};
use equipment_passport::demo::{self, DemoSummary};
use equipment_passport::model::*;
use tauri::State;

#[tauri::command(rename_all = "snake_case")]
pub async fn search_children(
    state: State<'_, AppState>,
    text: String,
    setting_id: Option<SettingId>,
    limit: usize,
) -> CommandResult<SearchResults> {
    state.read(|api| api.search_children(&text, setting_id, limit))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn child_count(state: State<'_, AppState>) -> CommandResult<usize> {
    state.read(|api| api.child_count())
}

#[tauri::command(rename_all = "snake_case")]
pub async fn get_child(state: State<'_, AppState>, id: ChildId) -> CommandResult<ChildRecord> {
    state.read(|api| api.child(id))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn create_child(
    state: State<'_, AppState>,
    details: ChildDetails,
) -> CommandResult<Child> {
    state.write(|api| api.create_child(details))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn update_child(
    state: State<'_, AppState>,
    id: ChildId,
    details: ChildDetails,
) -> CommandResult<Child> {
    state.write(|api| api.update_child(id, details))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn get_handling_plan(
    state: State<'_, AppState>,
    child_id: ChildId,
) -> CommandResult<Vec<HandlingTask>> {
    state.read(|api| api.handling_plan(child_id))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn save_handling_plan(
    state: State<'_, AppState>,
    child_id: ChildId,
    tasks: Vec<HandlingTask>,
) -> CommandResult<Vec<HandlingTask>> {
    state.write(|api| api.save_handling_plan(child_id, tasks))
}

/// The child's evacuation plan for their own setting (`None` when there is none yet).
#[tauri::command(rename_all = "snake_case")]
pub async fn get_evacuation_plan(
    state: State<'_, AppState>,
    child_id: ChildId,
) -> CommandResult<Option<EvacuationPlan>> {
    state.read(|api| api.evacuation_plan(child_id, None))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn save_evacuation_plan(
    state: State<'_, AppState>,
    child_id: ChildId,
    plan: EvacuationPlan,
) -> CommandResult<EvacuationPlan> {
    state.write(|api| api.save_evacuation_plan(child_id, plan))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn remove_evacuation_plan(
    state: State<'_, AppState>,
    child_id: ChildId,
    setting_id: SettingId,
) -> CommandResult<()> {
    state.write(|api| api.remove_evacuation_plan(child_id, setting_id))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn delete_child(state: State<'_, AppState>, id: ChildId) -> CommandResult<()> {
    state.write(|api| api.delete_child(id))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn add_contact(
    state: State<'_, AppState>,
    child_id: ChildId,
    details: ContactDetails,
) -> CommandResult<Contact> {
    state.write(|api| api.add_contact(child_id, details))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn update_contact(
    state: State<'_, AppState>,
    id: ContactId,
    details: ContactDetails,
) -> CommandResult<Contact> {
    state.write(|api| api.update_contact(id, details))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn delete_contact(state: State<'_, AppState>, id: ContactId) -> CommandResult<()> {
    state.write(|api| api.delete_contact(id))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn list_settings(state: State<'_, AppState>) -> CommandResult<Vec<Setting>> {
    state.read(|api| api.settings())
}

#[tauri::command(rename_all = "snake_case")]
pub async fn create_setting(
    state: State<'_, AppState>,
    details: SettingDetails,
) -> CommandResult<Setting> {
    state.write(|api| api.create_setting(details))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn update_setting(
    state: State<'_, AppState>,
    id: SettingId,
    details: SettingDetails,
) -> CommandResult<Setting> {
    state.write(|api| api.update_setting(id, details))
}

/// How many children would be left without a setting: the delete dialog says so.
#[tauri::command(rename_all = "snake_case")]
pub async fn setting_child_count(
    state: State<'_, AppState>,
    id: SettingId,
) -> CommandResult<usize> {
    state.read(|api| api.setting_child_count(id))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn delete_setting(state: State<'_, AppState>, id: SettingId) -> CommandResult<()> {
    state.write(|api| api.delete_setting(id))
}

/// Loads the synthetic sample caseload (only into an empty caseload).
#[tauri::command(rename_all = "snake_case")]
pub async fn load_demo(app: tauri::AppHandle) -> CommandResult<DemoSummary> {
    super::blocking(app, |state| state.write(demo::load)).await
}
