//! Integration tests for the core and the `passport` CLI: one binary, modules mirroring `src/`.

mod support;

mod audit;
mod backup;
mod bundle;
mod cli;
mod cli_edges;
mod concurrency;
mod csv_export;
mod csv_import;
mod dfg;
mod due;
mod encryption;
mod interrupted_import;
mod media;
mod migrations;
mod model_edges;
mod passport;
mod search;
mod store;
