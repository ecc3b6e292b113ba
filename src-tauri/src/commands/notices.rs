//! Field safety notices: the list, one notice with its affected items and children, adding a
//! notice, recording an action on an item, closing; the flags for the caseload and an item.

use crate::error::CommandResult;
use crate::state::AppState;
use equipment_passport::api::{ChildNoticeFlag, ItemNoticeFlag, NoticeRecord, NoticeSummary};
use equipment_passport::model::{
    ItemId, NoticeActionDetails, NoticeDetails, NoticeId, SafetyNotice,
};
use tauri::State;

#[tauri::command(rename_all = "snake_case")]
pub async fn list_notices(state: State<'_, AppState>) -> CommandResult<Vec<NoticeSummary>> {
    state.read(|api| api.notices())
}

#[tauri::command(rename_all = "snake_case")]
pub async fn get_notice(state: State<'_, AppState>, id: NoticeId) -> CommandResult<NoticeRecord> {
    state.read(|api| api.notice(id))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn add_notice(
    state: State<'_, AppState>,
    details: NoticeDetails,
) -> CommandResult<NoticeRecord> {
    state.write(|api| api.add_notice(details))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn record_notice_action(
    state: State<'_, AppState>,
    id: NoticeId,
    item_id: ItemId,
    action: NoticeActionDetails,
) -> CommandResult<NoticeRecord> {
    state.write(|api| api.record_notice_action(id, item_id, action))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn close_notice(state: State<'_, AppState>, id: NoticeId) -> CommandResult<SafetyNotice> {
    state.write(|api| api.close_notice(id))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn notice_flags(state: State<'_, AppState>) -> CommandResult<Vec<ChildNoticeFlag>> {
    state.read(|api| api.notice_flags())
}

#[tauri::command(rename_all = "snake_case")]
pub async fn item_notices(
    state: State<'_, AppState>,
    item_id: ItemId,
) -> CommandResult<Vec<ItemNoticeFlag>> {
    state.read(|api| api.notices_for_item(item_id))
}
