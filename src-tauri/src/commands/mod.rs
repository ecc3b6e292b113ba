//! The commands the web view may invoke, one file per area, named as the core's `api/` names
//! it. Each is a few lines: take the state, call one `api::` function on a read-only
//! connection (`state.read`) or the writer (`state.write`), map the error. Photo and PDF work
//! runs off the main thread in `spawn_blocking`.

pub mod audit;
pub mod backup;
pub mod caseload;
pub mod dfg;
pub mod due;
pub mod equipment;
pub mod labels;
pub mod notices;
pub mod passports;
pub mod schedules;
pub mod session;
pub mod training;
pub mod transfer;

#[cfg(test)]
mod names;

use crate::error::{CommandError, CommandResult};
use crate::state::AppState;
use tauri::{AppHandle, Manager};

/// Runs blocking work (decoding photos, rendering PDFs, dialogs) on a worker thread with the
/// app's state.
pub async fn blocking<T: Send + 'static>(
    app: AppHandle,
    work: impl FnOnce(&AppState) -> CommandResult<T> + Send + 'static,
) -> CommandResult<T> {
    tauri::async_runtime::spawn_blocking(move || work(app.state::<AppState>().inner()))
        .await
        .map_err(|e| CommandError::new("app", format!("the task stopped unexpectedly: {e}")))?
}
