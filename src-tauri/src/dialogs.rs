//! The file dialogs and reading the files chosen in them. Dialogs run here, in Rust, and files
//! are read and written here too, so the web view needs no file system access at all. A file
//! chosen in an "open" dialog is remembered in [`AppState`]: only such files (and the app's
//! own) are read when the web view names a path.

use crate::error::{CommandError, CommandResult};
use crate::state::AppState;
use equipment_passport::user_file::{self, Limit};
use std::path::{Path, PathBuf};
use tauri::AppHandle;
use tauri_plugin_dialog::DialogExt;

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
pub(crate) fn choose_file(
    app: &AppHandle,
    state: &AppState,
    ask: OpenDialog<'_>,
) -> CommandResult<Option<String>> {
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
        state.remember_chosen(p);
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
