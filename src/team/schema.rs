//! The team server's schema: numbered, append-only SQL migrations in `server_migrations/`,
//! applied by `passport team init` (an empty database) and `passport team upgrade` (the newer
//! ones). The newest version applied is recorded in `passport.schema_migrations`; a server
//! newer than this app is refused, so an old app never writes to a schema it does not know.

use super::{Result, TeamError};
use postgres::Client;

/// One server migration: its number and its SQL, run in one transaction with the others.
#[derive(Debug, Clone, Copy)]
pub struct Migration {
    pub version: i32,
    pub sql: &'static str,
}

/// Every server migration this app knows, oldest first. Append only: never edit a released one.
pub const MIGRATIONS: &[Migration] = &[Migration {
    version: 1,
    sql: include_str!("server_migrations/0001_team_schema.sql"),
}];

/// The server schema version this app speaks.
pub fn app_version() -> i32 {
    MIGRATIONS.last().map_or(0, |m| m.version)
}

/// The server's schema version, or `None` in a database without the team's schema.
pub fn server_version(client: &mut Client) -> Result<Option<i32>> {
    let row = client.query_one(
        "SELECT to_regclass('passport.schema_migrations') IS NOT NULL",
        &[],
    )?;
    if !row.get::<_, bool>(0) {
        return Ok(None);
    }
    let row = client.query_one("SELECT max(version) FROM passport.schema_migrations", &[])?;
    Ok(row.get::<_, Option<i32>>(0))
}

/// Checks the server speaks this app's schema: the check every team command makes first.
pub fn require_current(client: &mut Client) -> Result<i32> {
    match server_version(client)? {
        None => Err(TeamError::NotInitialised),
        Some(v) if v > app_version() => Err(TeamError::NewerServer),
        Some(v) if v < app_version() => Err(TeamError::Server(format!(
            "the team database is at version {v} and this app needs {}: ask the administrator to run `passport team upgrade`",
            app_version()
        ))),
        Some(v) => Ok(v),
    }
}

/// Creates the team's schema in a database that has none: every migration, in one transaction.
/// Returns the version reached.
pub fn init(client: &mut Client) -> Result<i32> {
    init_with(client, MIGRATIONS)
}

/// [`init`] with a given list of migrations (tests make an older server this way).
pub fn init_with(client: &mut Client, migrations: &[Migration]) -> Result<i32> {
    let mut tx = client.transaction()?;
    let taken = tx.query_one(
        "SELECT EXISTS (SELECT FROM pg_namespace WHERE nspname = 'passport')",
        &[],
    )?;
    if taken.get::<_, bool>(0) {
        return Err(TeamError::AlreadyInitialised);
    }
    let version = apply(&mut tx, migrations, 0)?;
    tx.commit()?;
    Ok(version)
}

/// What an upgrade did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Upgrade {
    pub from: i32,
    pub to: i32,
}

/// Applies the migrations newer than the server's, in one transaction.
pub fn upgrade(client: &mut Client) -> Result<Upgrade> {
    upgrade_with(client, MIGRATIONS)
}

/// [`upgrade`] with a given list of migrations.
pub fn upgrade_with(client: &mut Client, migrations: &[Migration]) -> Result<Upgrade> {
    let from = server_version(client)?.ok_or(TeamError::NotInitialised)?;
    let mut tx = client.transaction()?;
    // One upgrade at a time: a second one waits here, then finds nothing left to do.
    tx.batch_execute("LOCK TABLE passport.schema_migrations IN EXCLUSIVE MODE")?;
    let row = tx.query_one("SELECT max(version) FROM passport.schema_migrations", &[])?;
    let from = row.get::<_, Option<i32>>(0).unwrap_or(from);
    let known = migrations.last().map_or(0, |m| m.version);
    if from > known {
        return Err(TeamError::NewerServer);
    }
    let to = apply(&mut tx, migrations, from)?;
    tx.commit()?;
    Ok(Upgrade { from, to })
}

fn apply(tx: &mut postgres::Transaction<'_>, migrations: &[Migration], after: i32) -> Result<i32> {
    let mut version = after;
    for migration in migrations.iter().filter(|m| m.version > after) {
        tx.batch_execute(migration.sql)?;
        tx.execute(
            "INSERT INTO passport.schema_migrations (version) VALUES ($1)",
            &[&migration.version],
        )?;
        version = migration.version;
    }
    Ok(version)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_numbered_one_up_from_one() {
        for (i, migration) in MIGRATIONS.iter().enumerate() {
            assert_eq!(migration.version, i as i32 + 1);
        }
        assert_eq!(app_version(), MIGRATIONS.len() as i32);
    }
}
