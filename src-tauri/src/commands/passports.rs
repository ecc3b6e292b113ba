//! Passports: previewing one, saving it, opening a saved copy to print, the register of issued
//! copies, printing a whole setting, and the logo on their covers. Rendering runs on worker
//! threads on the caseload's read-only connections; a whole setting prints on a connection of
//! its own, so the rest of the app answers while it runs.

use crate::dialogs::{TestDialogs, as_path, ask_where_to_save};
use crate::error::{CommandError, CommandResult};
use crate::state::AppState;
use equipment_passport::api::{Access, BatchProgress, BatchReport, IssuedCopyStatus, PrintRequest};
use equipment_passport::model::{ChildId, SettingId};
use equipment_passport::passport::Language;
use equipment_passport::user_file::{self, Limit};
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use tauri::ipc::{Channel, Response};
use tauri::{AppHandle, State};
use tauri_plugin_dialog::DialogExt;
use tauri_plugin_opener::OpenerExt;
use ts_rs::TS;

/// A passport's pages to show in the app, without recording a printed copy. The preview is
/// kept, so saving it next saves these very bytes.
#[tauri::command(rename_all = "snake_case")]
pub async fn preview_passport(
    app: AppHandle,
    child_id: ChildId,
    request: PrintRequest,
    language: Option<Language>,
) -> CommandResult<Response> {
    super::blocking(app, move |state| {
        let preview =
            Arc::new(state.read(|api| api.preview_passport_in(child_id, request, language))?);
        state.remember_preview(preview.clone());
        Ok(Response::new(preview.pdf.clone()))
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
    language: Option<Language>,
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
        // The previewed bytes when nothing has changed since (the core checks), so what the
        // user looked at is what they save; otherwise a fresh rendering.
        let printed = match state.preview_of(child_id, request, language) {
            Some(preview) => state.write(|api| api.issue_preview(&preview))?,
            None => state.write(|api| api.render_passport_in(child_id, request, language))?,
        };
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
    state.read(|api| api.issued_copies(child_id))
}

/// Asks for a folder, then prints every child at the setting into it. Progress goes to
/// `on_progress`, this call's own channel; `cancel_printing` with the same `job` id stops it
/// between passports. `None` when the user cancels the folder dialog.
#[tauri::command(rename_all = "snake_case")]
pub async fn print_setting(
    app: AppHandle,
    setting_id: SettingId,
    request: PrintRequest,
    language: Option<Language>,
    job: String,
    on_progress: Channel<BatchProgress>,
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
        let progress = |p: BatchProgress| {
            // The window may have been closed meanwhile; the printing carries on regardless.
            let _ = on_progress.send(p);
        };
        let print = Print { request, language };
        print_whole_setting(state, &job, setting_id, print, &folder, &progress).map(Some)
    })
    .await
}

/// Prints every child at a setting into `folder` on a connection of the job's own, so screens,
/// searches and saves carry on meanwhile. Registered under `job` while it runs, for
/// [`AppState::stop_print_job`]; the files it writes may then be opened from the app.
pub fn print_whole_setting(
    state: &AppState,
    job: &str,
    setting: SettingId,
    print: impl Into<Print>,
    folder: &Path,
    progress: &(dyn Fn(BatchProgress) + Sync),
) -> CommandResult<BatchReport> {
    let Print { request, language } = print.into();
    let mut connection = state.caseload()?.connection_for_job(Access::ReadWrite)?;
    let stop = state.start_print_job(job);
    let outcome = connection.print_setting_in(setting, request, language, folder, progress, &stop);
    state.end_print_job(job);
    let report = outcome?;
    for file in &report.printed {
        state.remember_saved(PathBuf::from(file));
    }
    state.remember_saved(folder.to_path_buf());
    Ok(report)
}

/// What a whole-setting print asks for: the copy, and its language (`None`: each child's own).
pub struct Print {
    pub request: PrintRequest,
    pub language: Option<Language>,
}

impl From<PrintRequest> for Print {
    fn from(request: PrintRequest) -> Print {
        Print {
            request,
            language: None,
        }
    }
}

/// Stops the whole-setting print `job` after the passport it is on; a job that has already
/// finished needs no stopping.
#[tauri::command(rename_all = "snake_case")]
pub async fn cancel_printing(state: State<'_, AppState>, job: String) -> CommandResult<()> {
    state.stop_print_job(&job);
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
        state.write(|api| api.set_logo(&bytes))?;
        Ok(true)
    })
    .await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn remove_logo(state: State<'_, AppState>) -> CommandResult<()> {
    state.write(|api| api.remove_logo())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;
    use equipment_passport::Api;
    use equipment_passport::clock::FixedClock;
    use equipment_passport::model::{ChildDetails, SettingDetails, SettingKind};
    use equipment_passport::passport::{Audience, Format};
    use std::sync::mpsc;
    use std::sync::{Arc, Mutex};
    use std::time::Duration;

    const PUPILS: usize = 300;

    fn born() -> NaiveDate {
        NaiveDate::from_ymd_opt(2018, 9, 1).unwrap()
    }

    /// A family name per pupil, letters only: "Oakaa", "Oakab", ...
    fn family_name(n: usize) -> String {
        let letter = |k: usize| char::from(b'a' + u8::try_from(k % 26).unwrap());
        format!("Oak{}{}", letter(n / 26), letter(n))
    }

    /// An open caseload as the app has it after unlocking, with a school of `PUPILS` children.
    fn school_caseload(data_dir: std::path::PathBuf) -> (Arc<AppState>, SettingId) {
        let clock = Arc::new(FixedClock::on(NaiveDate::from_ymd_opt(2026, 3, 2).unwrap()));
        let state = Arc::new(AppState::with_clock(data_dir, clock));
        let api = Api::create(
            &state.data_dir,
            "blue kettle on Tuesday",
            state.clock.clone(),
        )
        .unwrap();
        let caseload = state.open_with(api, 10);
        let source = caseload.connection_for_job(Access::ReadWrite).unwrap();
        caseload.open_readers(&source).unwrap();
        let school = state
            .write(|api| {
                api.create_setting(SettingDetails::new("Oakfield Primary", SettingKind::School))
            })
            .unwrap();
        state
            .write(|api| {
                api.all_or_nothing(|api| {
                    for n in 0..PUPILS {
                        let mut child = ChildDetails::new("Pupil", &family_name(n), born());
                        child.setting_id = Some(school.id);
                        api.create_child(child)?;
                    }
                    Ok(())
                })
            })
            .unwrap();
        (state, school.id)
    }

    #[test]
    fn the_screens_read_and_save_while_a_whole_school_prints() {
        let scratch = tempfile::tempdir().unwrap();
        let (state, school) = school_caseload(scratch.path().join("data"));
        assert_eq!(state.caseload().unwrap().readers_open(), 2);

        // The print stops at its first finished passport until the test lets it go on: what
        // the screens do meanwhile happens mid-print, whatever the machine's speed.
        let (paused, reached) = mpsc::channel();
        let (resume, resumed) = mpsc::channel::<()>();
        let resumed = Mutex::new(resumed);
        let printing = {
            let state = state.clone();
            let folder = scratch.path().join("passports");
            std::thread::spawn(move || {
                let progress = move |p: BatchProgress| {
                    if p.done == 1 {
                        let _ = paused.send(());
                        let waiting = resumed.lock().unwrap();
                        let _ = waiting.recv_timeout(Duration::from_secs(120));
                    }
                };
                let request = PrintRequest {
                    audience: Audience::School,
                    format: Format::A4,
                    large_print: false,
                };
                print_whole_setting(&state, "job-1", school, request, &folder, &progress)
            })
        };
        reached
            .recv_timeout(Duration::from_secs(300))
            .expect("the print reached its first passport");

        let (answer, answered) = mpsc::channel();
        {
            let state = state.clone();
            std::thread::spawn(move || {
                let found = state.read(|api| api.search_children("Oakfk", None, 10));
                let saved = state
                    .write(|api| api.create_child(ChildDetails::new("Late", "Arrival", born())));
                let _ = answer.send((found, saved));
            });
        }
        let outcome = answered.recv_timeout(Duration::from_secs(60));
        // Let the print go on whatever happened, so a failure here ends rather than hangs.
        assert!(
            state.stop_print_job("job-1"),
            "the print was still under way"
        );
        resume.send(()).unwrap();
        let (found, saved) =
            outcome.expect("a search and a save answered while the school printed");
        let found = found.unwrap();
        assert_eq!(found.children.len(), 1);
        assert_eq!(found.children[0].display_name, "Pupil Oakfk");
        saved.unwrap();

        let report = printing.join().unwrap().unwrap();
        assert!(report.cancelled, "stopped by its job id");
        assert!(report.printed.len() < PUPILS);
        for file in &report.printed {
            assert!(
                state.was_saved(Path::new(file)),
                "{file} may be opened from the app"
            );
        }
        assert_eq!(state.read(|api| api.child_count()).unwrap(), PUPILS + 1);
    }

    #[test]
    fn a_print_job_is_known_by_its_id_only_while_it_runs() {
        let state = AppState::new(std::env::temp_dir().join("never-created"));
        assert!(!state.stop_print_job("job-1"));
        let stop = state.start_print_job("job-1");
        assert!(!state.stop_print_job("job-2"));
        assert!(state.stop_print_job("job-1"));
        assert!(stop.load(std::sync::atomic::Ordering::Relaxed));
        state.end_print_job("job-1");
        assert!(!state.stop_print_job("job-1"));
    }
}
