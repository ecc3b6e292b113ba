//! Backups: the daily automatic one made on unlock, a backup the user saves where they choose,
//! and a restore from a file they choose.

use crate::connections::OpenCaseload;
use crate::dialogs::{OpenDialog, ask_where_to_save, choose_file};
use crate::error::{CommandError, CommandResult};
use crate::state::AppState;
use equipment_passport::Api;
use equipment_passport::api::{Access, BACKUP_FOLDER, BackupFile, BackupReport, RestoreReport};
use std::path::PathBuf;
use std::sync::Arc;
use tauri::{AppHandle, Emitter, Manager, State};

/// The work that follows opening the caseload, on a thread of its own so the first screen
/// does not wait for it: the read-only connections the screens will use are opened, then
/// today's automatic backup is made, if there is none yet, on a connection of its own (a
/// large caseload takes seconds to copy), and the print copies that photos stored before
/// version 5 lack are made (see `Api::fill_print_copies`; with none missing that is one
/// query). A failed backup never stops the caseload opening: it is written to stderr, kept
/// for the Backups section, and sent to the window as the `automatic-backup-failed` event.
pub fn start_after_opening(app: AppHandle, caseload: Arc<OpenCaseload>) {
    std::thread::spawn(move || {
        let state = app.state::<AppState>();
        let mut own = match caseload.connection_for_job(Access::ReadWrite) {
            Ok(api) => api,
            Err(e) => return report_backup_failure(&app, &state, e),
        };
        if let Err(e) = caseload.open_readers(&own) {
            // Reads use the writer meanwhile: slower while something writes, never wrong.
            eprintln!("equipment-passport: the read-only connections did not open: {e}");
        }
        // The caseload may be locked while the backup runs: its connections then close as
        // soon as this one is done with them.
        drop(caseload);
        match own.automatic_backup() {
            Ok(_) => state.set_automatic_backup_problem(None),
            Err(e) => report_backup_failure(&app, &state, e),
        }
        match own.fill_print_copies() {
            Ok(fill) => {
                for problem in fill.unreadable {
                    eprintln!("equipment-passport: no print copy for {problem}");
                }
            }
            Err(e) => eprintln!("equipment-passport: print copies were not made: {e}"),
        }
    });
}

fn report_backup_failure(app: &AppHandle, state: &AppState, e: equipment_passport::Error) {
    eprintln!("equipment-passport: today's automatic backup could not be made: {e}");
    let message = format!(
        "Today's automatic backup could not be made: {e}. Your caseload is open as usual; make a backup from Settings."
    );
    state.set_automatic_backup_problem(Some(message.clone()));
    let _ = app.emit("automatic-backup-failed", message);
}

/// Why today's automatic backup failed; `None` when it was made (or already there).
#[tauri::command(rename_all = "snake_case")]
pub async fn automatic_backup_problem(state: State<'_, AppState>) -> CommandResult<Option<String>> {
    Ok(state.automatic_backup_problem())
}

/// Asks where to save a backup of the whole caseload and writes it there; `None` when the
/// user cancels.
#[tauri::command(rename_all = "snake_case")]
pub async fn backup_now(app: AppHandle) -> CommandResult<Option<BackupReport>> {
    super::blocking(app.clone(), move |state| {
        let suggested_name = state.read(|api| Ok(api.backup_file_name()))?;
        let Some(path) = ask_where_to_save(
            &app,
            "Save a backup of the caseload",
            &suggested_name,
            ("Caseload backup", &["db"]),
        )?
        else {
            return Ok(None);
        };
        state.read(|api| api.backup_to(&path)).map(Some)
    })
    .await
}

/// The backups in the data folder, newest first: the automatic daily ones and the databases
/// kept when a restore replaced them.
#[tauri::command(rename_all = "snake_case")]
pub async fn list_backups(state: State<'_, AppState>) -> CommandResult<Vec<BackupFile>> {
    state.read(|api| api.backups())
}

/// Asks for a backup file to restore (starting in the backups folder); `None` when the user
/// cancels. Nothing is restored yet: the UI asks first.
#[tauri::command(rename_all = "snake_case")]
pub async fn choose_backup_file(app: AppHandle) -> CommandResult<Option<String>> {
    super::blocking(app.clone(), move |state| {
        choose_file(
            &app,
            state,
            OpenDialog {
                title: "Choose a backup to restore",
                filter: ("Caseload backup", &["db"]),
                folder: Some(state.data_dir.join(BACKUP_FOLDER)),
            },
        )
    })
    .await
}

/// Replaces the caseload's content with the backup at `path` (one chosen in the dialog this
/// session, or one in the backups folder). The backup is opened with the caseload's
/// passphrase, or with `backup_passphrase` when given; when neither opens it the error names
/// the field `passphrase`. The replaced caseload is kept in the backups folder.
#[tauri::command(rename_all = "snake_case")]
pub async fn restore_backup(
    app: AppHandle,
    path: String,
    backup_passphrase: Option<String>,
) -> CommandResult<RestoreReport> {
    super::blocking(app, move |state| {
        let path = PathBuf::from(path);
        let listed = |api: &Api| -> equipment_passport::Result<bool> {
            Ok(api.backups()?.iter().any(|b| b.path == path))
        };
        if !state.was_chosen(&path) && !state.read(|api| listed(api))? {
            return Err(CommandError::new(
                "not_allowed",
                "choose the backup to restore with the \"Restore from a backup\" button",
            ));
        }
        let passphrase = backup_passphrase.filter(|p| !p.is_empty());
        // A whole-setting print has a connection of its own, which the restore would wait for.
        state.stop_every_print_job();
        let report = state
            .caseload()?
            .alone(|api| api.restore_from(&path, passphrase.as_deref()))?;
        // The restored caseload brings its own preferences, the idle lock among them.
        if let Ok(minutes) = state.read(|api| api.preferences().map(|p| p.idle_lock_minutes)) {
            state.set_idle_minutes(minutes);
        }
        Ok(report)
    })
    .await
}
