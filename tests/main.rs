//! Integration tests for the core and the `passport` CLI: one binary, modules mirroring `src/`.

mod support;

mod audit;
mod backup;
mod bundle;
mod cli;
mod cli_edges;
mod cli_edit;
mod concurrency;
mod csv_export;
mod csv_import;
mod dfg;
mod due;
mod due_calendar;
mod encryption;
mod evacuation;
mod examinations;
mod handling;
// Kills the CLI with SIGKILL and reads the signal back from its exit status: Unix terms. (On
// Windows the same abrupt end is TerminateProcess; SQLite's journal is the same on both.)
#[cfg(unix)]
mod interrupted_import;
mod labels;
mod media;
mod migrations;
mod model_edges;
mod passport;
mod safety_notices;
mod schedules;
mod scripts;
mod search;
mod store;
// Starts PostgreSQL clusters from Debian's package and runs psql: Unix only (not under Wine).
#[cfg(unix)]
#[cfg(feature = "team")]
mod team_server;
mod training;
mod welsh;
