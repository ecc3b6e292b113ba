//! The smallest Tauri 2 app the bench (`tests/e2e/bench.rs`) measures Equipment Passport
//! against: one window whose page makes one `invoke` when it loads and shows the answer.
//! Nothing else: no plugins, no state, no database.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

/// The one command: what the page shows once it has been answered.
#[tauri::command]
fn answer() -> &'static str {
    "Answered by Rust"
}

fn main() {
    tauri::Builder::default()
        .invoke_handler(tauri::generate_handler![answer])
        .run(tauri::generate_context!())
        .expect("the minimal app runs");
}
