//! Equipment items, their photos (and the dialog that chooses them) and service logs, and the
//! supplier directory.

use crate::error::{CommandError, CommandResult};
use crate::state::AppState;
use equipment_passport::api::ItemRecord;
use equipment_passport::model::*;
use serde::Serialize;
use tauri::{AppHandle, State};
use ts_rs::TS;

#[tauri::command(rename_all = "snake_case")]
pub async fn get_item(state: State<'_, AppState>, id: ItemId) -> CommandResult<ItemRecord> {
    state.read(|api| api.item(id))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn create_item(
    state: State<'_, AppState>,
    child_id: ChildId,
    details: ItemDetails,
) -> CommandResult<EquipmentItem> {
    state.write(|api| api.create_item(child_id, details))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn update_item(
    state: State<'_, AppState>,
    id: ItemId,
    details: ItemDetails,
) -> CommandResult<EquipmentItem> {
    state.write(|api| api.update_item(id, details))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn delete_item(state: State<'_, AppState>, id: ItemId) -> CommandResult<()> {
    state.write(|api| api.delete_item(id))
}

/// Asks the user to choose photos; empty when they cancel.
#[tauri::command(rename_all = "snake_case")]
pub async fn choose_photos(app: AppHandle, multiple: bool) -> CommandResult<Vec<String>> {
    super::blocking(app.clone(), move |_| {
        if let Some(files) = crate::dialogs::TestDialogs::open() {
            return Ok(files.into_iter().map(|p| p.display().to_string()).collect());
        }
        let dialog = tauri_plugin_dialog::DialogExt::dialog(&app)
            .file()
            .set_title("Choose photos")
            .add_filter(
                "Photos",
                &["jpg", "jpeg", "png", "webp", "JPG", "JPEG", "PNG", "WEBP"],
            );
        let chosen = if multiple {
            dialog.blocking_pick_files().unwrap_or_default()
        } else {
            dialog.blocking_pick_file().into_iter().collect()
        };
        chosen
            .into_iter()
            .map(|f| crate::dialogs::as_path(f).map(|p| p.display().to_string()))
            .collect()
    })
    .await
}

/// What happened to one photo file the user added.
#[derive(Debug, Clone, Serialize, TS)]
pub struct PhotoAdded {
    pub file: String,
    pub photo: Option<ItemPhoto>,
    pub error: Option<CommandError>,
}

/// Adds photo files (chosen in a dialog or dropped on the window) to an item's gallery. Each
/// file succeeds or fails on its own, so one HEIC among five JPEGs costs only itself.
#[tauri::command(rename_all = "snake_case")]
pub async fn add_item_photos(
    app: AppHandle,
    item_id: ItemId,
    paths: Vec<String>,
) -> CommandResult<Vec<PhotoAdded>> {
    super::blocking(app, move |state| {
        Ok(paths
            .into_iter()
            .map(|path| {
                let file = crate::dialogs::file_name(&path);
                let caption = String::new();
                let outcome = crate::dialogs::read_photo(&path).and_then(|bytes| {
                    state.write(|api| api.add_item_photo(item_id, &bytes, &caption))
                });
                match outcome {
                    Ok(photo) => PhotoAdded {
                        file,
                        photo: Some(photo),
                        error: None,
                    },
                    Err(e) => PhotoAdded {
                        file,
                        photo: None,
                        error: Some(e),
                    },
                }
            })
            .collect())
    })
    .await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn add_step_photo(
    app: AppHandle,
    item_id: ItemId,
    path: String,
) -> CommandResult<PhotoId> {
    super::blocking(app, move |state| {
        let bytes = crate::dialogs::read_photo(&path)?;
        state.write(|api| api.add_step_photo(item_id, &bytes))
    })
    .await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn set_child_photo(
    app: AppHandle,
    child_id: ChildId,
    path: String,
) -> CommandResult<PhotoId> {
    super::blocking(app, move |state| {
        let bytes = crate::dialogs::read_photo(&path)?;
        state.write(|api| api.set_child_photo(child_id, &bytes))
    })
    .await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn remove_child_photo(
    state: State<'_, AppState>,
    child_id: ChildId,
) -> CommandResult<()> {
    state.write(|api| api.remove_child_photo(child_id))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn set_photo_caption(
    state: State<'_, AppState>,
    photo_id: PhotoId,
    caption: String,
) -> CommandResult<()> {
    state.write(|api| api.set_photo_caption(photo_id, &caption))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn reorder_item_photos(
    state: State<'_, AppState>,
    item_id: ItemId,
    order: Vec<PhotoId>,
) -> CommandResult<()> {
    state.write(|api| api.reorder_item_photos(item_id, &order))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn delete_photo(state: State<'_, AppState>, photo_id: PhotoId) -> CommandResult<()> {
    state.write(|api| api.delete_photo(photo_id))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn add_service_record(
    state: State<'_, AppState>,
    item_id: ItemId,
    details: ServiceRecordDetails,
) -> CommandResult<ServiceRecord> {
    state.write(|api| api.add_service_record(item_id, details))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn delete_service_record(
    state: State<'_, AppState>,
    id: ServiceRecordId,
) -> CommandResult<()> {
    state.write(|api| api.delete_service_record(id))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn service_intervals(state: State<'_, AppState>) -> CommandResult<ServiceIntervals> {
    state.read(|api| api.service_intervals())
}

#[tauri::command(rename_all = "snake_case")]
pub async fn set_service_intervals(
    state: State<'_, AppState>,
    intervals: ServiceIntervals,
) -> CommandResult<()> {
    state.write(|api| api.set_service_intervals(intervals))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn list_suppliers(state: State<'_, AppState>) -> CommandResult<Vec<Supplier>> {
    state.read(|api| api.suppliers())
}

#[tauri::command(rename_all = "snake_case")]
pub async fn create_supplier(
    state: State<'_, AppState>,
    details: SupplierDetails,
) -> CommandResult<Supplier> {
    state.write(|api| api.create_supplier(details))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn update_supplier(
    state: State<'_, AppState>,
    id: SupplierId,
    details: SupplierDetails,
) -> CommandResult<Supplier> {
    state.write(|api| api.update_supplier(id, details))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn delete_supplier(state: State<'_, AppState>, id: SupplierId) -> CommandResult<()> {
    state.write(|api| api.delete_supplier(id))
}
