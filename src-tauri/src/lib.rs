//! Equipment Passport's desktop shell: a thin Tauri v2 adapter over the core's api. It owns the
//! window, the dialogs and the open caseload ([`state::AppState`]); every command calls one
//! `api::` function (see `commands/`), and errors cross as `{code, message, fields}`.

pub mod commands;
pub mod connections;
pub mod dialogs;
pub mod error;
mod photo_protocol;
pub mod state;
pub mod webview2;

use state::AppState;
use std::time::Duration;
use tauri::{Emitter, Manager};

/// How often the idle lock looks at the clock.
const IDLE_CHECK: Duration = Duration::from_secs(15);

pub fn run() {
    tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .register_uri_scheme_protocol("photo", photo_protocol::respond)
        .setup(|app| {
            // The same folder the `passport` CLI uses, by the core's one rule: the platform's
            // local (never roaming) data folder plus the app's identifier.
            let data_dir = match equipment_passport::api::default_data_dir() {
                Some(dir) => dir,
                None => app.path().app_local_data_dir()?,
            };
            app.manage(AppState::new(data_dir));
            let handle = app.handle().clone();
            std::thread::spawn(move || {
                loop {
                    std::thread::sleep(IDLE_CHECK);
                    if handle.state::<AppState>().lock_if_idle() {
                        let _ = handle.emit("session-locked", ());
                    }
                }
            });
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::session::session_state,
            commands::session::create_caseload,
            commands::session::unlock,
            commands::session::lock,
            commands::session::still_here,
            commands::session::change_passphrase,
            commands::caseload::search_children,
            commands::caseload::child_count,
            commands::caseload::get_child,
            commands::caseload::create_child,
            commands::caseload::update_child,
            commands::caseload::delete_child,
            commands::caseload::get_handling_plan,
            commands::caseload::save_handling_plan,
            commands::caseload::get_evacuation_plan,
            commands::caseload::save_evacuation_plan,
            commands::caseload::remove_evacuation_plan,
            commands::training::list_training,
            commands::training::add_training,
            commands::training::delete_training,
            commands::schedules::list_schedules,
            commands::schedules::add_schedule,
            commands::schedules::mark_schedule_done,
            commands::schedules::delete_schedule,
            commands::notices::list_notices,
            commands::notices::get_notice,
            commands::notices::add_notice,
            commands::notices::record_notice_action,
            commands::notices::close_notice,
            commands::notices::notice_flags,
            commands::notices::item_notices,
            commands::caseload::add_contact,
            commands::caseload::update_contact,
            commands::caseload::delete_contact,
            commands::caseload::list_settings,
            commands::caseload::create_setting,
            commands::caseload::update_setting,
            commands::caseload::setting_child_count,
            commands::caseload::delete_setting,
            commands::caseload::load_demo,
            commands::equipment::get_item,
            commands::equipment::create_item,
            commands::equipment::update_item,
            commands::equipment::delete_item,
            commands::equipment::add_item_photos,
            commands::equipment::add_step_photo,
            commands::equipment::set_child_photo,
            commands::equipment::remove_child_photo,
            commands::equipment::set_photo_caption,
            commands::equipment::reorder_item_photos,
            commands::equipment::delete_photo,
            commands::equipment::add_service_record,
            commands::equipment::delete_service_record,
            commands::equipment::service_intervals,
            commands::equipment::set_service_intervals,
            commands::equipment::list_suppliers,
            commands::equipment::create_supplier,
            commands::equipment::update_supplier,
            commands::equipment::delete_supplier,
            commands::dfg::dfg_cases,
            commands::dfg::dfg_case,
            commands::dfg::open_dfg_case,
            commands::dfg::update_dfg_case,
            commands::dfg::record_dfg_stage,
            commands::dfg::hold_dfg_case,
            commands::dfg::resume_dfg_case,
            commands::dfg::withdraw_dfg_case,
            commands::dfg::choose_dfg_quote,
            commands::dfg::remove_last_dfg_stage,
            commands::dfg::add_dfg_note,
            commands::dfg::save_dfg_summary,
            commands::due::due_list,
            commands::due::save_due_calendar,
            commands::due::get_preferences,
            commands::due::set_preferences,
            commands::equipment::choose_photos,
            commands::passports::preview_passport,
            commands::passports::save_passport,
            commands::passports::open_saved_file,
            commands::passports::issued_copies,
            commands::passports::print_setting,
            commands::passports::cancel_printing,
            commands::passports::choose_logo,
            commands::passports::remove_logo,
            commands::labels::save_equipment_labels,
            commands::audit::child_history,
            commands::audit::record_history,
            commands::audit::item_history,
            commands::backup::automatic_backup_problem,
            commands::backup::backup_now,
            commands::backup::list_backups,
            commands::backup::choose_backup_file,
            commands::backup::restore_backup,
            commands::transfer::export_bundle,
            commands::transfer::choose_bundle_file,
            commands::transfer::import_bundle,
            commands::transfer::choose_csv_file,
            commands::transfer::import_equipment_csv,
            commands::transfer::csv_columns,
        ])
        .run(tauri::generate_context!())
        .expect("Equipment Passport could not start its window");
}
