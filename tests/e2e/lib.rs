//! The harness for driving the real, built app: a private data folder, `tauri-driver` on a
//! free port (it starts WebKitWebDriver, which starts the app), a WebDriver session, and small
//! helpers that act as a person would — find by label or id, type, click, wait for text — plus
//! screenshots and axe-core accessibility checks.

pub mod dates;

use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::json;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The workspace root (two folders up from this crate).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .unwrap()
}

/// The built app: `EQUIPMENT_PASSPORT_APP`, or the debug build in the workspace's target
/// folder (`CARGO_TARGET_DIR` when that is set, as cargo itself reads it).
pub fn app_binary() -> PathBuf {
    if let Some(p) = std::env::var_os("EQUIPMENT_PASSPORT_APP") {
        return PathBuf::from(p);
    }
    let target = match std::env::var_os("CARGO_TARGET_DIR") {
        Some(dir) => root().join(dir),
        None => root().join("target"),
    };
    target.join("debug/equipment-passport")
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// A running app with its own data folder, driven through WebDriver.
pub struct App {
    pub client: Client,
    pub home: tempfile::TempDir,
    /// Where the app's "save" dialogs save (see the shell's test dialog answers).
    pub saves: PathBuf,
    driver: Child,
}

impl App {
    /// Starts the app with an empty data folder. `open_files` are what its "choose photos"
    /// dialog will answer.
    pub async fn start(open_files: &[PathBuf]) -> App {
        App::start_in(tempfile::tempdir().unwrap(), open_files).await
    }

    /// Where the app keeps its caseload under `home` (what `dirs::data_dir()` gives it).
    pub fn data_dir(home: &Path) -> PathBuf {
        home.join("data/uk.equipmentpassport.app")
    }

    /// Starts the app with `home` as its home folder, which may already hold a caseload.
    pub async fn start_in(home: tempfile::TempDir, open_files: &[PathBuf]) -> App {
        App::start_binary_in(&app_binary(), home, open_files).await
    }

    /// Starts another Tauri program the same way (the bench's minimal app).
    pub async fn start_binary_in(
        binary: &Path,
        home: tempfile::TempDir,
        open_files: &[PathBuf],
    ) -> App {
        let saves = home.path().join("saved");
        std::fs::create_dir_all(&saves).unwrap();
        let port = free_port();
        let native = free_port();
        let mut driver = Command::new("tauri-driver");
        driver
            .args([
                "--port",
                &port.to_string(),
                "--native-port",
                &native.to_string(),
            ])
            // The app inherits these: it must never touch a real data folder.
            .env("HOME", home.path())
            .env("XDG_DATA_HOME", home.path().join("data"))
            .env("XDG_CONFIG_HOME", home.path().join("config"))
            .env("XDG_CACHE_HOME", home.path().join("cache"))
            .env("EQUIPMENT_PASSPORT_TEST_SAVE_DIR", &saves)
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        if !open_files.is_empty() {
            driver.env(
                "EQUIPMENT_PASSPORT_TEST_OPEN",
                std::env::join_paths(open_files).unwrap(),
            );
        }
        let driver = driver
            .spawn()
            .expect("tauri-driver must be installed (scripts/ensure-tools --e2e)");
        let url = format!("http://127.0.0.1:{port}");
        let deadline = Instant::now() + Duration::from_secs(20);
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(Instant::now() < deadline, "tauri-driver did not start");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let mut caps = serde_json::Map::new();
        caps.insert(
            "tauri:options".into(),
            json!({ "application": binary.display().to_string() }),
        );
        let client = ClientBuilder::native()
            // fantoccini sends these as the session's `alwaysMatch` capabilities.
            .capabilities(caps)
            .connect(&url)
            .await
            .expect("a WebDriver session with the app");
        App {
            client,
            home,
            saves,
            driver,
        }
    }

    /// Waits until `css` matches an element, then returns it.
    pub async fn find(&self, css: &str) -> fantoccini::elements::Element {
        self.find_within(css, Duration::from_secs(15)).await
    }

    /// Waits up to `wait` until `css` matches an element. When nothing does, the screen is
    /// saved as `failed-….png` beside the other screenshots before the test fails.
    pub async fn find_within(&self, css: &str, wait: Duration) -> fantoccini::elements::Element {
        let deadline = Instant::now() + wait;
        loop {
            if let Ok(e) = self.client.find(Locator::Css(css)).await {
                return e;
            }
            if Instant::now() >= deadline {
                let name: String = css
                    .chars()
                    .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
                    .collect();
                self.screenshot(&format!("failed-{name}")).await;
                panic!("nothing matches {css}:\n{}", self.page_text().await);
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Waits until nothing matches `css` any more.
    pub async fn wait_gone(&self, css: &str) {
        let deadline = Instant::now() + Duration::from_secs(15);
        while self.client.find(Locator::Css(css)).await.is_ok() {
            if Instant::now() >= deadline {
                self.screenshot("failed-still-there").await;
                panic!("{css} is still there:\n{}", self.page_text().await);
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    pub async fn click(&self, css: &str) {
        self.find(css)
            .await
            .click()
            .await
            .unwrap_or_else(|e| panic!("click {css}: {e}"));
    }

    /// Clears a field and types into it.
    pub async fn fill(&self, css: &str, text: &str) {
        let field = self.find(css).await;
        field.clear().await.unwrap();
        field.send_keys(text).await.unwrap();
    }

    /// Clicks the button (or link) whose text is `label`.
    pub async fn press(&self, label: &str) {
        let xpath = format!(
            "//button[normalize-space()={0}] | //a[normalize-space()={0}]",
            xpath_literal(label)
        );
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            if let Ok(e) = self.client.find(Locator::XPath(&xpath)).await
                && e.click().await.is_ok()
            {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "no button or link labelled {label:?}"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// The visible text of the page.
    pub async fn page_text(&self) -> String {
        self.client
            .find(Locator::Css("body"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap_or_default()
    }

    /// Waits until the page shows `text`.
    pub async fn wait_for_text(&self, text: &str) {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            if self.page_text().await.contains(text) {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "the page never showed {text:?}:\n{}",
                self.page_text().await
            );
            tokio::time::sleep(Duration::from_millis(150)).await;
        }
    }

    /// Saves a screenshot of the window into `tests/e2e/screenshots/` (a CI artifact).
    pub async fn screenshot(&self, name: &str) {
        let png = self.client.screenshot().await.unwrap();
        let dir = root().join("tests/e2e/screenshots");
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join(format!("{name}.png")), png).unwrap();
    }

    /// Runs axe-core on the current screen and returns its serious and critical violations.
    pub async fn accessibility_problems(&self) -> Vec<String> {
        let axe = std::fs::read_to_string(root().join("ui/node_modules/axe-core/axe.min.js"))
            .expect("axe-core is installed with the UI's npm packages");
        self.client
            .execute(&axe, vec![])
            .await
            .expect("axe-core loads");
        let result = self
            .client
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 axe.run(document, { resultTypes: ['violations'] })
                    .then(r => done(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                        .map(v => v.id + ': ' + v.help + ' (' + v.nodes.length + ')')))
                    .catch(e => done(['axe failed: ' + e]));",
                vec![],
            )
            .await
            .expect("axe-core runs");
        result
            .as_array()
            .map(|a| {
                a.iter()
                    .map(|v| v.as_str().unwrap_or_default().to_string())
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Ends the session and stops tauri-driver (SIGTERM, so it stops WebKitWebDriver too).
    pub async fn stop(self) {
        drop(self.stop_keeping_home().await);
    }

    /// Stops the app and hands back its home folder, to start it again on the same caseload.
    pub async fn stop_keeping_home(mut self) -> tempfile::TempDir {
        let _ = self.client.clone().close().await;
        let _ = Command::new("kill")
            .arg("-TERM")
            .arg(self.driver.id().to_string())
            .status();
        let _ = self.driver.wait();
        self.home
    }
}

fn xpath_literal(s: &str) -> String {
    if !s.contains('\'') {
        format!("'{s}'")
    } else {
        format!("\"{s}\"")
    }
}
