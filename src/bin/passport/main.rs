//! `passport`: the command-line shell over the same core api as the desktop app. For scripts,
//! batch work and support: every command has human output by default and `--json` for
//! scripts. Errors are one line on stderr with a non-zero exit; nothing is written on error.

mod caseload;
mod cli;
mod equipment;
mod output;

use anyhow::{Context, Result};
use clap::Parser;
use cli::{Cli, Command};
use equipment_passport::Api;
use equipment_passport::clock::SystemClock;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {}", output::one_line(&e));
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> Result<()> {
    let data_dir = data_dir(cli.data_dir)?;
    let mut api = Api::open(&data_dir, None, Arc::new(SystemClock))
        .with_context(|| format!("could not open the caseload in {}", data_dir.display()))?;
    let json = cli.json;
    match cli.command {
        Command::Demo => caseload::demo(&mut api, json),
        Command::Children(args) => caseload::children(&api, args, json),
        Command::Child(cmd) => caseload::child(&mut api, cmd, json),
        Command::Setting(cmd) => caseload::setting(&mut api, cmd, json),
        Command::Supplier(cmd) => equipment::supplier(&mut api, cmd, json),
        Command::Item(cmd) => equipment::item(&mut api, cmd, json),
        Command::Photo(cmd) => equipment::photo(&mut api, cmd, json),
        Command::Service(cmd) => equipment::service(&mut api, cmd, json),
        Command::Due(args) => equipment::due(&api, args, json),
        Command::Db(cmd) => caseload::db(&api, cmd, json),
    }
}

fn data_dir(given: Option<PathBuf>) -> Result<PathBuf> {
    match given {
        Some(dir) => Ok(dir),
        None => equipment_passport::api::default_data_dir().context(
            "this computer has no per-user data folder: pass --data-dir to say where the caseload lives",
        ),
    }
}
