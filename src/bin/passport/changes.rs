//! What an edit changed, listed for people: "Changed class: 4B → 5B", one line a field.

use crate::output::outln;

/// The fields whose shown value differs between the stored record and the edited one.
#[derive(Default)]
pub struct Changes(Vec<(&'static str, String, String)>);

impl Changes {
    /// Notes `label` as changed when `old` and `new` differ.
    pub fn compare(&mut self, label: &'static str, old: impl Into<String>, new: impl Into<String>) {
        let (old, new) = (old.into(), new.into());
        if old != new {
            self.0.push((label, old, new));
        }
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// One line a change, an empty value shown as "(empty)".
    pub fn print(&self) {
        let shown = |value: &str| {
            if value.is_empty() {
                "(empty)".to_string()
            } else {
                value.to_string()
            }
        };
        for (label, old, new) in &self.0 {
            outln!("Changed {label}: {} → {}", shown(old), shown(new));
        }
    }
}

/// "7 items", "1 contact".
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
