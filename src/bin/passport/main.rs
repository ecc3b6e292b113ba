//! `passport`: the command-line shell over the same core api as the desktop app. For scripts,
//! batch work and support: every command has human output by default and `--json` for
//! scripts. Errors are one line on stderr with a non-zero exit; nothing is written on error.

mod bundle;
mod caseload;
mod changes;
mod cli;
mod confirm;
mod csv_import;
mod dfg;
mod equipment;
mod evacuation;
mod exams;
mod notices;
mod output;
mod passphrase;
mod printing;
mod safety;
mod schedules;
mod team;
mod trained;

// Printing makes many small allocations; mimalloc serves them faster than glibc's malloc.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use anyhow::{Context, Result};
use clap::{ArgMatches, CommandFactory, FromArgMatches};
use cli::{Cli, Command};
use equipment_passport::Api;
use equipment_passport::clock::SystemClock;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

fn main() -> ExitCode {
    // Kept beside the parsed command: `exam add` reads where each option came to pair each
    // defect with the options that follow it.
    let matches = Cli::command().get_matches();
    let cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
    match run(cli, &matches) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {}", output::one_line(&e));
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli, matches: &ArgMatches) -> Result<()> {
    // The team server's administration opens no caseload.
    if let Command::Team(command) = cli.command {
        return team::run(command, cli.json);
    }
    let data_dir = data_dir(cli.data_dir)?;
    if let Command::Restore { file } = &cli.command
        && !Api::exists(&data_dir)
    {
        return safety::restore_new(&data_dir, file, cli.json);
    }
    let mut api = open(&data_dir)?;
    // A caseload is never deleted when a command fails, not even one this command created:
    // by then another program may have written to it.
    dispatch(&mut api, cli.command, cli.json, matches)
}

fn dispatch(api: &mut Api, command: Command, json: bool, matches: &ArgMatches) -> Result<()> {
    match command {
        Command::Demo => caseload::demo(api, json),
        Command::Children(args) => caseload::children(api, args, json),
        Command::Child(cmd) => caseload::child(api, cmd, json),
        Command::Setting(cmd) => caseload::setting(api, cmd, json),
        Command::Supplier(cmd) => equipment::supplier(api, cmd, json),
        Command::Item(cmd) => equipment::item(api, cmd, json),
        Command::Photo(cmd) => equipment::photo(api, cmd, json),
        Command::Service(cmd) => equipment::service(api, cmd, json),
        Command::Exam(cmd) => exams::run(api, cmd, json, matches.subcommand_matches("exam")),
        Command::Due(args) => equipment::due(api, args, json),
        Command::Schedule(cmd) => schedules::run(api, cmd, json),
        Command::Trained(cmd) => trained::run(api, cmd, json),
        Command::Evacuation(cmd) => evacuation::run(api, cmd, json),
        Command::Notice(cmd) => notices::run(api, cmd, json),
        Command::Dfg(cmd) => dfg::run(api, cmd, json),
        Command::Print(args) => printing::print(api, args, json),
        Command::Labels(args) => printing::labels(api, args, json),
        Command::Issued { child } => printing::issued(api, child.parse()?, json),
        Command::Profile(cmd) => printing::profile(api, cmd, json),
        Command::Db(cmd) => caseload::db(api, cmd, json),
        Command::Passphrase(cli::PassphraseCommand::Change) => {
            let current = passphrase::existing()?;
            let new = passphrase::new(passphrase::NEW_ENV, "this caseload")?;
            api.change_passphrase(&current, &new)?;
            eprintln!("The caseload is now encrypted with the new passphrase.");
            Ok(())
        }
        Command::Audit(args) => safety::audit(api, args, json),
        Command::Backup { file } => safety::backup(api, &file, json),
        Command::Restore { file } => safety::restore(api, &file, json),
        Command::Export(args) => bundle::export(api, args, json),
        Command::Import(args) => bundle::import(api, args, json),
        Command::ImportCsv(args) => csv_import::run(api, args, json),
        Command::Team(_) => unreachable!("run() serves team commands before opening a caseload"),
    }
}

/// Opens the caseload, or creates a new encrypted one on first use.
fn open(data_dir: &Path) -> Result<Api> {
    let clock = Arc::new(SystemClock);
    if Api::exists(data_dir) {
        let phrase = passphrase::existing()?;
        let api = Api::open(data_dir, Some(&phrase), clock)
            .with_context(|| format!("could not open the caseload in {}", data_dir.display()))?;
        // The day's automatic backup (once a day, the newest seven kept), taken before the
        // day's first command changes anything; a failure to make it does not stop the work.
        if let Err(e) = api.automatic_backup() {
            eprintln!("warning: today's automatic backup could not be made: {e}");
        }
        return Ok(api);
    }
    let phrase = passphrase::new(passphrase::ENV, "the new caseload")?;
    let api = Api::create(data_dir, &phrase, clock)?;
    eprintln!(
        "Created a new encrypted caseload in {}.",
        data_dir.display()
    );
    Ok(api)
}

fn data_dir(given: Option<PathBuf>) -> Result<PathBuf> {
    match given {
        Some(dir) => Ok(dir),
        None => equipment_passport::api::default_data_dir().context(
            "this computer has no per-user data folder: pass --data-dir to say where the caseload lives",
        ),
    }
}
