//! The passport takes its own input types: nothing under `src/passport/` names the API or the
//! store, so printing could become its own crate and a change to a screen's record or a table
//! cannot reach into the layout unseen. The API converts its records into the passport's.

use std::path::{Path, PathBuf};

/// Paths into the layers the passport must not depend on, spelt in pieces so this file does
/// not name them itself.
fn forbidden() -> Vec<String> {
    ["api", "store"]
        .iter()
        .flat_map(|layer| {
            [
                format!("{}::{layer}", "crate"),
                format!("{}::{layer}", "equipment_passport"),
            ]
        })
        .collect()
}

fn rust_sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src/passport is readable") {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            rust_sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// A `use crate::{...}` group that brings in a forbidden layer, e.g. `crate::{api, model}`.
fn groups_a_layer(source: &str) -> bool {
    source.match_indices("crate::{").any(|(at, _)| {
        let group = &source[at..];
        let group = &group[..group.find('}').unwrap_or(group.len())];
        group
            .split(|c: char| !c.is_alphanumeric() && c != '_')
            .any(|word| word == "api" || word == "store")
    })
}

#[test]
fn no_passport_source_names_the_api_or_the_store() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/passport");
    let mut files = Vec::new();
    rust_sources(&root, &mut files);
    assert!(files.len() > 20, "the passport's sources were found");
    let mut offending = Vec::new();
    // This file spells the paths out in its own examples.
    for file in files.iter().filter(|f| !f.ends_with("boundary.rs")) {
        let source = std::fs::read_to_string(file).expect("a source file");
        let shown = file
            .strip_prefix(&root)
            .unwrap_or(file)
            .display()
            .to_string();
        for (n, line) in source.lines().enumerate() {
            if forbidden().iter().any(|path| line.contains(path.as_str())) {
                offending.push(format!("{shown}:{}: {}", n + 1, line.trim()));
            }
        }
        if groups_a_layer(&source) {
            offending.push(format!(
                "{shown}: a `crate::{{...}}` group names api or store"
            ));
        }
    }
    assert!(
        offending.is_empty(),
        "the passport must take its own input types; convert in src/api instead:\n{}",
        offending.join("\n")
    );
}

#[test]
fn the_check_catches_a_grouped_import_and_leaves_others_alone() {
    assert!(groups_a_layer("use crate::{api::Api, model::Child};"));
    assert!(groups_a_layer(
        "use crate::{\n    model,\n    store::photos,\n};"
    ));
    assert!(!groups_a_layer("use crate::{error::Result, model::Child};"));
}
