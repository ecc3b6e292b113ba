// Keeps a console window from opening beside the app on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    // On Windows, a missing WebView2 runtime gets a plain message rather than a crash.
    if !equipment_passport_desktop::webview2::check_at_start() {
        std::process::exit(1);
    }
    equipment_passport_desktop::run();
}
