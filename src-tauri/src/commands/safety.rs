//! The audit trail as the app shows it (read only: nothing here changes it) and backups: the
//! daily automatic one made on unlock, a backup the user saves where they choose, and a restore
//! from a file they choose.

use super::files::{OpenDialog, choose_file, was_chosen};
use crate::error::{CommandError, CommandResult};
use crate::state::AppState;
use equipment_passport::Api;
use equipment_passport::api::{
    AuditEntry, BACKUP_FOLDER, BackupFile, BackupReport, RecordKind, RecordRef, RestoreReport,
};
use equipment_passport::model::{ChildId, ItemId};
use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::Mutex;
use tauri::{AppHandle, Emitter, State};

/// Every change to a child and everything that belongs to them, oldest first.
#[tauri::command(rename_all = "snake_case")]
pub async fn child_history(
    state: State<'_, AppState>,
    child_id: ChildId,
) -> CommandResult<Vec<AuditEntry>> {
    state.with_api(|api| api.child_history(child_id))
}

/// Every change to one record (with its parts), oldest first.
#[tauri::command(rename_all = "snake_case")]
pub async fn record_history(
    state: State<'_, AppState>,
    record: RecordRef,
) -> CommandResult<Vec<AuditEntry>> {
    state.with_api(|api| api.history(record))
}

/// Every change to one equipment item as its screen shows it: the item and its set-up steps,
/// and its photos and service records, oldest first.
#[tauri::command(rename_all = "snake_case")]
pub async fn item_history(
    state: State<'_, AppState>,
    item_id: ItemId,
) -> CommandResult<Vec<AuditEntry>> {
    state.with_api(|api| {
        let own = api.history(item_id)?;
        let Some(child) = own.iter().find_map(|e| e.child_id) else {
            return Ok(own);
        };
        // The photos and service records the item has now (a deleted item has none).
        let mut parts: HashSet<String> = HashSet::new();
        if let Ok(record) = api.item(item_id) {
            parts.extend(record.item.photos.iter().map(|p| p.id.to_string()));
            parts.extend(record.service_log.iter().map(|r| r.id.to_string()));
        }
        Ok(of_item(
            api.child_history(child)?,
            &item_id.to_string(),
            parts,
        ))
    })
}

/// The entries of a child's history that belong to one item: the item itself, its set-up steps
/// (`<item>#<n>`), the photos that name it (their entries name the item they belong to) and
/// the records in `parts`.
fn of_item(history: Vec<AuditEntry>, item: &str, mut parts: HashSet<String>) -> Vec<AuditEntry> {
    let names_item = |e: &AuditEntry| {
        e.changes.iter().any(|c| {
            c.field == "item_id"
                && (c.old.as_deref() == Some(item) || c.new.as_deref() == Some(item))
        })
    };
    parts.extend(
        history
            .iter()
            .filter(|e| e.record.kind == RecordKind::Photo && names_item(e))
            .map(|e| e.record.id.clone()),
    );
    history
        .into_iter()
        .filter(|e| match e.record.kind {
            RecordKind::Item => e.record.id == item,
            RecordKind::SetupStep => e
                .record
                .id
                .rsplit_once('#')
                .is_some_and(|(owner, _)| owner == item),
            RecordKind::Photo | RecordKind::ServiceRecord => parts.contains(&e.record.id),
            _ => false,
        })
        .collect()
}

/// Why today's automatic backup could not be made, if it could not (shown in Settings).
static AUTOMATIC_FAILURE: Mutex<Option<String>> = Mutex::new(None);

/// Makes today's automatic backup, if there is none yet, on a thread of its own with its own
/// connection to the caseload, so the app stays usable while a large caseload is copied. A
/// failure never stops the caseload opening: it is written to stderr, kept for the Backups
/// section, and sent to the window as the `automatic-backup-failed` event.
///
/// After the backup, the same thread makes the print copies that photos stored before
/// version 5 lack (see `Api::fill_print_copies`); with none missing that is one query.
pub fn start_automatic_backup(app: AppHandle, state: &AppState, passphrase: String) {
    let data_dir = state.data_dir.clone();
    let clock = state.clock.clone();
    std::thread::spawn(move || {
        let opened = Api::open(&data_dir, Some(&passphrase), clock);
        drop(passphrase);
        let mut api = match opened {
            Ok(api) => Some(api),
            Err(e) => {
                report_backup_failure(&app, e);
                None
            }
        };
        if let Some(api) = &api {
            match api.automatic_backup() {
                Ok(_) => *AUTOMATIC_FAILURE.lock().unwrap_or_else(|p| p.into_inner()) = None,
                Err(e) => report_backup_failure(&app, e),
            }
        }
        if let Some(api) = &mut api {
            match api.fill_print_copies() {
                Ok(fill) => {
                    for problem in fill.unreadable {
                        eprintln!("equipment-passport: no print copy for {problem}");
                    }
                }
                Err(e) => eprintln!("equipment-passport: print copies were not made: {e}"),
            }
        }
    });
}

fn report_backup_failure(app: &AppHandle, e: equipment_passport::Error) {
    eprintln!("equipment-passport: today's automatic backup could not be made: {e}");
    let message = format!(
        "Today's automatic backup could not be made: {e}. Your caseload is open as usual; make a backup from Settings."
    );
    *AUTOMATIC_FAILURE.lock().unwrap_or_else(|p| p.into_inner()) = Some(message.clone());
    let _ = app.emit("automatic-backup-failed", message);
}

/// Why today's automatic backup failed; `None` when it was made (or already there).
#[tauri::command(rename_all = "snake_case")]
pub async fn automatic_backup_problem() -> CommandResult<Option<String>> {
    Ok(AUTOMATIC_FAILURE
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .clone())
}

/// Asks where to save a backup of the whole caseload and writes it there; `None` when the
/// user cancels.
#[tauri::command(rename_all = "snake_case")]
pub async fn backup_now(
    app: AppHandle,
    suggested_name: String,
) -> CommandResult<Option<BackupReport>> {
    super::blocking(app.clone(), move |state| {
        let Some(path) = super::files::ask_where_to_save(
            &app,
            "Save a backup of the caseload",
            &suggested_name,
            ("Caseload backup", &["db"]),
        )?
        else {
            return Ok(None);
        };
        state.with_api(|api| api.backup_to(&path)).map(Some)
    })
    .await
}

/// The backups in the data folder, newest first: the automatic daily ones and the databases
/// kept when a restore replaced them.
#[tauri::command(rename_all = "snake_case")]
pub async fn list_backups(state: State<'_, AppState>) -> CommandResult<Vec<BackupFile>> {
    state.with_api(|api| api.backups())
}

/// Asks for a backup file to restore (starting in the backups folder); `None` when the user
/// cancels. Nothing is restored yet: the UI asks first.
#[tauri::command(rename_all = "snake_case")]
pub async fn choose_backup_file(app: AppHandle) -> CommandResult<Option<String>> {
    super::blocking(app.clone(), move |state| {
        choose_file(
            &app,
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
        if !was_chosen(&path) && !state.with_api(|api| listed(api))? {
            return Err(CommandError::new(
                "not_allowed",
                "choose the backup to restore with the \"Restore from a backup\" button",
            ));
        }
        let passphrase = backup_passphrase.filter(|p| !p.is_empty());
        let report = state.with_api(|api| api.restore_from(&path, passphrase.as_deref()))?;
        // The restored caseload brings its own preferences, the idle lock among them.
        if let Ok(minutes) = state.with_api(|api| api.preferences().map(|p| p.idle_lock_minutes)) {
            state.set_idle_minutes(minutes);
        }
        Ok(report)
    })
    .await
}

#[cfg(test)]
mod tests {
    use super::*;
    use equipment_passport::api::{AuditAction, FieldChange};

    fn entry(seq: i64, kind: RecordKind, id: &str, changes: Vec<FieldChange>) -> AuditEntry {
        AuditEntry {
            seq,
            at: "2026-11-22T09:00:00Z".parse().unwrap(),
            who: "Sam Jones".into(),
            action: AuditAction::Create,
            record: RecordRef::new(kind, id),
            child_id: None,
            summary: String::new(),
            changes,
        }
    }

    fn on_item(item: &str) -> Vec<FieldChange> {
        vec![FieldChange {
            field: "item_id".into(),
            label: "Equipment item".into(),
            old: None,
            new: Some(item.into()),
        }]
    }

    #[test]
    fn an_items_history_holds_its_steps_photos_and_service_records_only() {
        let history = vec![
            entry(1, RecordKind::Child, "c", vec![]),
            entry(2, RecordKind::Item, "a", vec![]),
            entry(3, RecordKind::Item, "b", vec![]),
            entry(4, RecordKind::SetupStep, "a#0", vec![]),
            entry(5, RecordKind::SetupStep, "b#0", vec![]),
            entry(6, RecordKind::Photo, "p1", on_item("a")),
            entry(7, RecordKind::Photo, "p2", on_item("b")),
            // A caption changed later: the entry names only the caption, not the item.
            entry(8, RecordKind::Photo, "p1", vec![]),
            entry(9, RecordKind::ServiceRecord, "s1", vec![]),
            entry(10, RecordKind::ServiceRecord, "s2", vec![]),
            entry(11, RecordKind::Contact, "k", vec![]),
        ];
        let parts = HashSet::from(["s1".to_string()]);
        let seqs: Vec<i64> = of_item(history, "a", parts).iter().map(|e| e.seq).collect();
        assert_eq!(seqs, vec![2, 4, 6, 8, 9]);
    }
}
