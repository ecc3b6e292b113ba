//! Every command is named in three places that nothing else ties together: its
//! `#[tauri::command]` function in `commands/`, the `generate_handler!` list in `lib.rs`, and
//! the string `ui/src/lib/api.ts` passes to `invoke`. These tests read all three and fail,
//! naming the odd one out, when they disagree: a command the UI calls that the shell does not
//! register fails only at run time, on the screen that needs it.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn shell_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The command functions of each file in `commands/`: the `fn` after each `#[tauri::command`.
fn defined() -> BTreeSet<(String, String)> {
    let dir = shell_dir().join("src/commands");
    let mut found = BTreeSet::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let module = path.file_stem().unwrap().to_string_lossy().into_owned();
        if module == "names" {
            // This file: it quotes the attribute, it defines no command.
            continue;
        }
        let text = read(&path);
        for (at, _) in text.match_indices("#[tauri::command") {
            let rest = &text[at..];
            let after_fn = &rest[rest.find("fn ").expect("a command is a function") + 3..];
            let name: String = after_fn
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            found.insert((module.clone(), name));
        }
    }
    found
}

/// The `commands::MODULE::NAME` entries of `generate_handler!` in `lib.rs`.
fn registered() -> BTreeSet<(String, String)> {
    let text = read(&shell_dir().join("src/lib.rs"));
    let start = text
        .find("generate_handler![")
        .expect("lib.rs registers its commands");
    let list = &text[start + "generate_handler![".len()..];
    let list = &list[..list.find(']').expect("the list ends")];
    list.split(',')
        .map(str::trim)
        .filter(|entry| !entry.is_empty())
        .map(|entry| {
            let parts: Vec<&str> = entry.split("::").collect();
            assert!(
                parts.len() == 3 && parts[0] == "commands",
                "'{entry}' is not commands::MODULE::NAME"
            );
            (parts[1].to_string(), parts[2].to_string())
        })
        .collect()
}

/// The command names `api.ts` passes to `call` (its one wrapper around `invoke`), skipping a
/// type argument such as `call<Array<Child>>`.
fn called_by_the_ui() -> BTreeSet<String> {
    let text = read(&shell_dir().join("../ui/src/lib/api.ts"));
    let mut names = BTreeSet::new();
    for (at, _) in text.match_indices("call") {
        let before = text[..at].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '.') {
            continue;
        }
        let mut rest = &text[at + "call".len()..];
        if rest.starts_with('<') {
            let mut depth = 0;
            let mut end = None;
            for (i, c) in rest.char_indices() {
                match c {
                    '<' => depth += 1,
                    '>' => {
                        depth -= 1;
                        if depth == 0 {
                            end = Some(i + 1);
                            break;
                        }
                    }
                    _ => {}
                }
            }
            rest = &rest[end.expect("a type argument ends")..];
        }
        let Some(args) = rest.strip_prefix('(') else {
            continue;
        };
        let args = args.trim_start();
        let Some(quoted) = args.strip_prefix('\'') else {
            // The definition `call<T>(command: string, …)` itself.
            continue;
        };
        names.insert(quoted[..quoted.find('\'').expect("the name ends")].to_string());
    }
    names
}

fn names(set: &BTreeSet<(String, String)>) -> BTreeSet<String> {
    set.iter().map(|(_, name)| name.clone()).collect()
}

#[test]
fn every_command_function_is_registered_under_its_own_module_and_nothing_else_is() {
    let defined = defined();
    let registered = registered();
    assert!(defined.len() > 50, "found only {} commands", defined.len());
    let unregistered: Vec<_> = defined.difference(&registered).collect();
    let unknown: Vec<_> = registered.difference(&defined).collect();
    assert!(
        unregistered.is_empty() && unknown.is_empty(),
        "defined in commands/ but not in generate_handler!: {unregistered:?}; \
         in generate_handler! but not defined there: {unknown:?}"
    );
}

#[test]
fn the_ui_calls_exactly_the_registered_commands() {
    let registered = names(&registered());
    let called = called_by_the_ui();
    assert!(
        called.len() > 50,
        "found only {} calls in api.ts",
        called.len()
    );
    let missing: Vec<_> = called.difference(&registered).collect();
    let unused: Vec<_> = registered.difference(&called).collect();
    assert!(
        missing.is_empty() && unused.is_empty(),
        "api.ts calls commands the shell does not register: {missing:?}; \
         registered commands api.ts never calls: {unused:?}"
    );
}

#[test]
fn no_two_modules_define_a_command_of_the_same_name() {
    let defined = defined();
    let unique = names(&defined);
    assert_eq!(unique.len(), defined.len(), "{defined:?}");
}
