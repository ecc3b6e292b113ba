//! The start-up check for Microsoft's WebView2 runtime, which draws the app's window on
//! Windows. Windows 10 and 11 normally have the Evergreen runtime, but a locked-down build can
//! lack it; then Tauri would fail with an error no one can act on. Instead the app says, in a
//! plain message box, what to ask IT for. It never downloads anything itself.

/// The Evergreen runtime's client id, under which its installer records the version.
pub const RUNTIME_CLIENT_ID: &str = "{F3017226-FE2A-4295-8BDF-00C3A9A7E4C5}";

/// Where Microsoft documents the runtime's version (`pv`): per machine (64-bit Windows keeps
/// it in the 32-bit view), then per user.
pub const REGISTRY_KEYS: [(Root, &str); 3] = [
    (
        Root::LocalMachine,
        r"SOFTWARE\WOW6432Node\Microsoft\EdgeUpdate\Clients\{F3017226-FE2A-4295-8BDF-00C3A9A7E4C5}",
    ),
    (
        Root::LocalMachine,
        r"SOFTWARE\Microsoft\EdgeUpdate\Clients\{F3017226-FE2A-4295-8BDF-00C3A9A7E4C5}",
    ),
    (
        Root::CurrentUser,
        r"Software\Microsoft\EdgeUpdate\Clients\{F3017226-FE2A-4295-8BDF-00C3A9A7E4C5}",
    ),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Root {
    LocalMachine,
    CurrentUser,
}

/// The message shown when the runtime is missing.
pub const MISSING_TITLE: &str = "Equipment Passport cannot start";
pub const MISSING_MESSAGE: &str = "Equipment Passport needs the Microsoft Edge WebView2 Runtime \
to show its window, and it is not installed on this computer.\n\n\
Please ask your IT service desk to install the \"Microsoft Edge WebView2 Runtime\" \
(the Evergreen version, from Microsoft). It is part of Windows 10 and 11 and is free.\n\n\
Your records are safe: nothing has been changed.";

/// Whether the versions found (one per registry place, `None` where there was none) show an
/// installed runtime. An uninstalled runtime can leave its key behind with an empty version or
/// "0.0.0.0", which Microsoft says to treat as not installed.
pub fn runtime_installed(versions: &[Option<String>]) -> bool {
    versions.iter().flatten().any(|v| {
        let v = v.trim();
        !v.is_empty() && v != "0.0.0.0"
    })
}

/// Checks for the runtime and, when it is missing, shows [`MISSING_MESSAGE`]. Returns whether
/// the app can go on to start Tauri.
#[cfg(windows)]
pub fn check_at_start() -> bool {
    let versions: Vec<Option<String>> = REGISTRY_KEYS
        .iter()
        .map(|(root, key)| registry::version(*root, key))
        .collect();
    if runtime_installed(&versions) {
        return true;
    }
    registry::message_box(MISSING_TITLE, MISSING_MESSAGE);
    false
}

/// Elsewhere the window is drawn by WebKitGTK (Linux) or WKWebView (macOS), part of the system.
#[cfg(not(windows))]
pub fn check_at_start() -> bool {
    true
}

#[cfg(windows)]
mod registry {
    use super::Root;
    use windows_sys::Win32::System::Registry::{
        HKEY_CURRENT_USER, HKEY_LOCAL_MACHINE, RRF_RT_REG_SZ, RegGetValueW,
    };
    use windows_sys::Win32::UI::WindowsAndMessaging::{MB_ICONERROR, MB_OK, MessageBoxW};

    fn wide(text: &str) -> Vec<u16> {
        text.encode_utf16().chain([0]).collect()
    }

    /// The `pv` value under `key`, if there is one.
    pub fn version(root: Root, key: &str) -> Option<String> {
        let root = match root {
            Root::LocalMachine => HKEY_LOCAL_MACHINE,
            Root::CurrentUser => HKEY_CURRENT_USER,
        };
        let (key, name) = (wide(key), wide("pv"));
        let mut buffer = [0u16; 128];
        let mut bytes = std::mem::size_of_val(&buffer) as u32;
        // SAFETY: both names are NUL-terminated; `bytes` is the buffer's size in bytes, and
        // Windows writes at most that many.
        let status = unsafe {
            RegGetValueW(
                root,
                key.as_ptr(),
                name.as_ptr(),
                RRF_RT_REG_SZ,
                std::ptr::null_mut(),
                buffer.as_mut_ptr().cast(),
                &mut bytes,
            )
        };
        if status != 0 {
            return None;
        }
        let chars = (bytes as usize / 2).min(buffer.len());
        let text = String::from_utf16_lossy(&buffer[..chars]);
        Some(text.trim_end_matches('\0').to_string())
    }

    pub fn message_box(title: &str, text: &str) {
        let (title, text) = (wide(title), wide(text));
        // SAFETY: NUL-terminated strings that outlive the call; no owner window.
        unsafe {
            MessageBoxW(
                std::ptr::null_mut(),
                text.as_ptr(),
                title.as_ptr(),
                MB_OK | MB_ICONERROR,
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_version_in_any_of_the_places_means_the_runtime_is_there() {
        assert!(runtime_installed(&[
            None,
            None,
            Some("131.0.2903.70".into())
        ]));
        assert!(runtime_installed(&[Some("120.0.1".into()), None, None]));
    }

    #[test]
    fn no_key_an_empty_version_or_zeros_mean_it_is_missing() {
        assert!(!runtime_installed(&[None, None, None]));
        assert!(!runtime_installed(&[Some(String::new()), Some(" ".into())]));
        assert!(!runtime_installed(&[Some("0.0.0.0".into()), None]));
        assert!(!runtime_installed(&[]));
    }

    #[test]
    fn the_message_says_what_to_ask_it_for_and_that_nothing_is_downloaded_by_us() {
        assert!(MISSING_MESSAGE.contains("Microsoft Edge WebView2 Runtime"));
        assert!(MISSING_MESSAGE.contains("IT"));
        assert!(!MISSING_MESSAGE.contains("http"));
    }

    #[test]
    fn every_place_looked_at_is_the_evergreen_runtimes_key() {
        assert!(
            REGISTRY_KEYS
                .iter()
                .all(|(_, key)| key.ends_with(RUNTIME_CLIENT_ID))
        );
        assert_eq!(REGISTRY_KEYS[2].0, Root::CurrentUser);
    }
}
