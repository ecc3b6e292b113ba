//! Equipment labels: a sheet for a child's equipment or a school's, saved where the user chooses.

use crate::dialogs::ask_where_to_save;
use crate::error::{CommandError, CommandResult};
use equipment_passport::api::LabelScope;
use equipment_passport::model::{ChildId, SettingId};
use serde::Serialize;
use tauri::AppHandle;
use ts_rs::TS;

/// A label sheet the user saved.
#[derive(Debug, Clone, Serialize, TS)]
pub struct SavedLabels {
    pub path: String,
    pub labels: usize,
}

/// Draws the label sheet for one child's equipment (`child_id`) or a school's (`setting_id`),
/// then asks where to save it; `None` when the user cancels. The saved file may then be opened
/// from the app to print.
#[tauri::command(rename_all = "snake_case")]
pub async fn save_equipment_labels(
    app: AppHandle,
    child_id: Option<ChildId>,
    setting_id: Option<SettingId>,
) -> CommandResult<Option<SavedLabels>> {
    let scope = match (child_id, setting_id) {
        (Some(child), None) => LabelScope::Child(child),
        (None, Some(setting)) => LabelScope::Setting(setting),
        _ => {
            return Err(CommandError::new(
                "invalid",
                "label either one child's equipment or one school's",
            ));
        }
    };
    super::blocking(app.clone(), move |state| {
        let sheet = state.read(|api| api.equipment_labels(scope))?;
        let Some(path) = ask_where_to_save(
            &app,
            "Save the equipment labels",
            &sheet.file_name,
            ("PDF", &["pdf"]),
        )?
        else {
            return Ok(None);
        };
        std::fs::write(&path, &sheet.pdf).map_err(|e| {
            CommandError::new("io", format!("could not save {}: {e}", path.display()))
        })?;
        state.remember_saved(path.clone());
        Ok(Some(SavedLabels {
            path: path.display().to_string(),
            labels: sheet.labels,
        }))
    })
    .await
}
