//! Files in and out: choosing photos, saving passports and opening them to print. Dialogs run
//! here, in Rust, and files are read and written here too, so the web view needs no file
//! system access at all.

use crate::error::{CommandError, CommandResult};
use crate::state::AppState;
use equipment_passport::api::{BatchProgress, BatchReport, IssuedCopyStatus, PrintRequest};
use equipment_passport::model::{ChildId, SettingId};
use equipment_passport::user_file::{self, Limit};
use serde::Serialize;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;
use std::sync::{Mutex, MutexGuard};
use tauri::ipc::Response;
use tauri::{AppHandle, Emitter, State};
use tauri_plugin_dialog::DialogExt;
use tauri_plugin_opener::OpenerExt;
use ts_rs::TS;

pub fn file_name(path: &str) -> String {
    Path::new(path)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.to_string())
}

/// Reads a photo file the user chose or dropped: a regular file no larger than the photo
/// intake accepts, read no further than that (the core's bounded read).
pub fn read_photo(path: &str) -> CommandResult<Vec<u8>> {
    Ok(user_file::read(Path::new(path), Limit::PHOTO)?)
}

/// Answers for the file dialogs when the app is driven by its end-to-end tests: a native
/// dialog cannot be operated through WebDriver. `EQUIPMENT_PASSPORT_TEST_OPEN` names the
/// files an "open" dialog returns (separated by the platform's path separator) and
/// `EQUIPMENT_PASSPORT_TEST_SAVE_DIR` the folder a "save" dialog saves into. Unset, as for
/// every user, the real dialogs appear.
pub(crate) struct TestDialogs;

impl TestDialogs {
    pub(crate) fn open() -> Option<Vec<PathBuf>> {
        std::env::var_os("EQUIPMENT_PASSPORT_TEST_OPEN")
            .map(|v| std::env::split_paths(&v).collect())
    }

    pub(crate) fn save_dir() -> Option<PathBuf> {
        std::env::var_os("EQUIPMENT_PASSPORT_TEST_SAVE_DIR").map(PathBuf::from)
    }
}

/// Files the user chose in an "open" dialog this session: the only files outside the data
/// folder that an import or a restore will read, whatever path the web view sends.
fn chosen() -> MutexGuard<'static, BTreeSet<PathBuf>> {
    static CHOSEN: Mutex<BTreeSet<PathBuf>> = Mutex::new(BTreeSet::new());
    CHOSEN.lock().unwrap_or_else(|p| p.into_inner())
}

/// Whether the user chose `path` in an "open" dialog this session.
pub(crate) fn was_chosen(path: &Path) -> bool {
    chosen().contains(path)
}

/// What an "open" dialog asks for.
pub(crate) struct OpenDialog<'a> {
    pub title: &'a str,
    /// The filter's name and the file extensions it shows.
    pub filter: (&'a str, &'a [&'a str]),
    /// The folder it starts in, if not the last one used.
    pub folder: Option<PathBuf>,
}

/// Asks for one file (under the end-to-end tests, the first test file with one of the
/// filter's extensions) and remembers it as chosen; `None` when the user cancels. Runs the
/// dialog on the calling (worker) thread.
pub(crate) fn choose_file(app: &AppHandle, ask: OpenDialog<'_>) -> CommandResult<Option<String>> {
    let (name, extensions) = ask.filter;
    let path = match TestDialogs::open() {
        Some(files) => files.into_iter().find(|p| {
            p.extension()
                .is_some_and(|e| extensions.iter().any(|x| e.eq_ignore_ascii_case(x)))
        }),
        None => {
            let mut dialog = app
                .dialog()
                .file()
                .set_title(ask.title)
                .add_filter(name, extensions);
            if let Some(folder) = ask.folder {
                dialog = dialog.set_directory(folder);
            }
            dialog.blocking_pick_file().map(as_path).transpose()?
        }
    };
    Ok(path.map(|p| {
        let shown = p.display().to_string();
        chosen().insert(p);
        shown
    }))
}

pub(crate) fn as_path(file: tauri_plugin_dialog::FilePath) -> CommandResult<PathBuf> {
    file.into_path()
        .map_err(|e| CommandError::new("io", format!("that location cannot be used: {e}")))
}

/// Asks where to save a file (or, under the end-to-end tests, names it in their folder);
/// `None` when the user cancels. Runs the dialog on the calling (worker) thread.
pub(crate) fn ask_where_to_save(
    app: &AppHandle,
    title: &str,
    suggested_name: &str,
    filter: (&str, &[&str]),
) -> CommandResult<Option<PathBuf>> {
    if let Some(dir) = TestDialogs::save_dir() {
        return Ok(Some(dir.join(suggested_name)));
    }
    let Some(file) = app
        .dialog()
        .file()
        .set_title(title)
        .set_file_name(suggested_name)
        .add_filter(filter.0, filter.1)
        .blocking_save_file()
    else {
        return Ok(None);
    };
    as_path(file).map(Some)
}

/// Asks the user to choose photos; empty when they cancel.
#[tauri::command(rename_all = "snake_case")]
pub async fn choose_photos(app: AppHandle, multiple: bool) -> CommandResult<Vec<String>> {
    super::blocking(app.clone(), move |_| {
        if let Some(files) = TestDialogs::open() {
            return Ok(files.into_iter().map(|p| p.display().to_string()).collect());
        }
        let dialog = app.dialog().file().set_title("Choose photos").add_filter(
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
            .map(|f| as_path(f).map(|p| p.display().to_string()))
            .collect()
    })
    .await
}

/// A passport's pages to show in the app, without recording a printed copy.
#[tauri::command(rename_all = "snake_case")]
pub async fn preview_passport(
    app: AppHandle,
    child_id: ChildId,
    request: PrintRequest,
) -> CommandResult<Response> {
    super::blocking(app, move |state| {
        let rendered = state.with_api(|api| api.preview_passport(child_id, request))?;
        Ok(Response::new(rendered.pdf))
    })
    .await
}

/// A passport the user saved.
#[derive(Debug, Clone, Serialize, TS)]
pub struct SavedPassport {
    pub path: String,
    pub pages: usize,
    pub version: u32,
    /// Characters no font could print (shown as "�" in the PDF).
    pub unprintable: Vec<String>,
}

/// Asks where to save the passport, prints it there and records the copy as issued.
#[tauri::command(rename_all = "snake_case")]
pub async fn save_passport(
    app: AppHandle,
    child_id: ChildId,
    request: PrintRequest,
    suggested_name: String,
) -> CommandResult<Option<SavedPassport>> {
    super::blocking(app.clone(), move |state| {
        let Some(path) = ask_where_to_save(
            &app,
            "Save the passport",
            &suggested_name,
            ("PDF", &["pdf"]),
        )?
        else {
            return Ok(None);
        };
        let printed = state.with_api(|api| api.render_passport(child_id, request))?;
        std::fs::write(&path, &printed.pdf).map_err(|e| {
            CommandError::new("io", format!("could not save {}: {e}", path.display()))
        })?;
        state.remember_saved(path.clone());
        Ok(Some(SavedPassport {
            path: path.display().to_string(),
            pages: printed.pages,
            version: printed.copy.version,
            unprintable: printed.unprintable.iter().map(|c| c.to_string()).collect(),
        }))
    })
    .await
}

/// Opens a PDF the app saved in the system's viewer, to print it.
#[tauri::command(rename_all = "snake_case")]
pub async fn open_saved_file(
    app: AppHandle,
    state: State<'_, AppState>,
    path: String,
) -> CommandResult<()> {
    let path = PathBuf::from(path);
    if !state.was_saved(&path) {
        return Err(CommandError::new(
            "not_allowed",
            "only files saved by the app in this session can be opened from it",
        ));
    }
    app.opener()
        .open_path(path.display().to_string(), None::<&str>)
        .map_err(|e| CommandError::new("io", format!("could not open the PDF viewer: {e}")))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn issued_copies(
    state: State<'_, AppState>,
    child_id: ChildId,
) -> CommandResult<Vec<IssuedCopyStatus>> {
    state.with_api(|api| api.issued_copies(child_id))
}

/// Asks for a folder, then prints every child at the setting into it, sending `print-progress`
/// events; `cancel_printing` stops it between passports.
#[tauri::command(rename_all = "snake_case")]
pub async fn print_setting(
    app: AppHandle,
    setting_id: SettingId,
    request: PrintRequest,
) -> CommandResult<Option<BatchReport>> {
    super::blocking(app.clone(), move |state| {
        let folder = match TestDialogs::save_dir() {
            Some(dir) => dir,
            None => {
                let Some(folder) = app
                    .dialog()
                    .file()
                    .set_title("Choose a folder for the passports")
                    .blocking_pick_folder()
                else {
                    return Ok(None);
                };
                as_path(folder)?
            }
        };
        state.cancel_printing.store(false, Ordering::Relaxed);
        let progress = |p: BatchProgress| {
            let _ = app.emit("print-progress", p);
        };
        let report = state.with_api(|api| {
            api.print_setting(
                setting_id,
                request,
                &folder,
                &progress,
                &state.cancel_printing,
            )
        })?;
        for file in &report.printed {
            state.remember_saved(PathBuf::from(file));
        }
        state.remember_saved(folder);
        Ok(Some(report))
    })
    .await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn cancel_printing(state: State<'_, AppState>) -> CommandResult<()> {
    state.cancel_printing.store(true, Ordering::Relaxed);
    Ok(())
}

/// Asks for a PNG logo and sets it on passport covers; false when the user cancels.
#[tauri::command(rename_all = "snake_case")]
pub async fn choose_logo(app: AppHandle) -> CommandResult<bool> {
    super::blocking(app.clone(), move |state| {
        let Some(file) = app
            .dialog()
            .file()
            .set_title("Choose the logo (PNG)")
            .add_filter("PNG", &["png", "PNG"])
            .blocking_pick_file()
        else {
            return Ok(false);
        };
        let path = as_path(file)?;
        let bytes = user_file::read(&path, Limit::LOGO)?;
        state.with_api(|api| api.set_logo(&bytes))?;
        Ok(true)
    })
    .await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn remove_logo(state: State<'_, AppState>) -> CommandResult<()> {
    state.with_api(|api| api.remove_logo())
}
