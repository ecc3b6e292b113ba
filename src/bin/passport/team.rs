//! `passport team …`: the trust's database administrator's commands for the team's server.
//! None of them opens a caseload. Passwords never come from the command line: the password of
//! the login in `--server` from `PASSPORT_TEAM_PASSWORD` or a prompt (not asked over a local
//! socket, where the server may trust the operating-system user), and a new login's password
//! from `PASSPORT_TEAM_NEW_PASSWORD` or a prompt asked twice.

use crate::output::{self, outln};
use anyhow::{Context, Result, bail};
use clap::{Args, Subcommand};
use equipment_passport::team::conn::{self, Host, ServerAddress};
use equipment_passport::team::users::{self, TeamRole};
use equipment_passport::team::{client, schema};
use std::io::IsTerminal;
use uuid::Uuid;

pub const PASSWORD_ENV: &str = "PASSPORT_TEAM_PASSWORD";
pub const NEW_PASSWORD_ENV: &str = "PASSPORT_TEAM_NEW_PASSWORD";

#[derive(Subcommand)]
pub enum TeamCommand {
    /// Create the team's schema (tables, change log, roles, access rules) in an empty database.
    Init(ServerArg),
    /// Apply the server migrations newer than the database's.
    Upgrade(ServerArg),
    /// Create a team login (SCRAM password from PASSPORT_TEAM_NEW_PASSWORD or a prompt).
    AddUser(AddUserArgs),
    /// List the team's logins, their roles and a school login's settings.
    Users(ServerArg),
    /// Remove a team login (its changes keep its name in the change log).
    RemoveUser(RemoveUserArgs),
}

#[derive(Args)]
pub struct ServerArg {
    /// The team's PostgreSQL, as a libpq connection string: postgresql://USER@HOST/DB?sslmode=verify-full&sslrootcert=CA
    /// or "host=… dbname=… user=… sslmode=verify-full sslrootcert=…"; a folder as host is a local socket.
    #[arg(long, value_name = "CONN")]
    pub server: String,
}

#[derive(Args)]
pub struct AddUserArgs {
    /// The login's name: lower-case letters, digits, '_', '.' or '-'.
    pub name: String,
    /// What the login is for.
    #[arg(long, value_parser = clap::builder::PossibleValuesParser::new(["therapist", "lead", "school"]))]
    pub role: String,
    /// A setting (school) a school login serves; repeat for several.
    #[arg(long = "setting", value_name = "ID")]
    pub settings: Vec<String>,
    #[command(flatten)]
    pub server: ServerArg,
}

#[derive(Args)]
pub struct RemoveUserArgs {
    pub name: String,
    #[command(flatten)]
    pub server: ServerArg,
}

pub fn run(command: TeamCommand, json: bool) -> Result<()> {
    match command {
        TeamCommand::Init(server) => {
            let version = schema::init(&mut connect(&server)?)?;
            report(
                json,
                version,
                &format!("The team's schema is ready (version {version})."),
            )
        }
        TeamCommand::Upgrade(server) => {
            let upgrade = schema::upgrade(&mut connect(&server)?)?;
            let text = if upgrade.from == upgrade.to {
                format!("The team's schema is current (version {}).", upgrade.to)
            } else {
                format!(
                    "The team's schema went from version {} to {}.",
                    upgrade.from, upgrade.to
                )
            };
            report(json, upgrade.to, &text)
        }
        TeamCommand::AddUser(args) => add_user(args, json),
        TeamCommand::Users(server) => list_users(&server, json),
        TeamCommand::RemoveUser(args) => {
            users::remove_user(&mut connect(&args.server)?, &args.name)?;
            if json {
                output::json(&serde_json::json!({ "removed": args.name }))
            } else {
                outln!("Removed the login {}.", args.name);
                Ok(())
            }
        }
    }
}

fn report(json: bool, version: i32, text: &str) -> Result<()> {
    if json {
        output::json(&serde_json::json!({ "version": version }))
    } else {
        outln!("{text}");
        Ok(())
    }
}

fn add_user(args: AddUserArgs, json: bool) -> Result<()> {
    let role: TeamRole = args.role.parse().map_err(anyhow::Error::msg)?;
    let settings = args
        .settings
        .iter()
        .map(|s| {
            s.parse::<Uuid>()
                .with_context(|| format!("{s:?} is not a setting id"))
        })
        .collect::<Result<Vec<_>>>()?;
    // Checked before asking for anything, so a typo costs no password typing.
    users::check_name(&args.name)?;
    let address = conn::parse(&args.server.server)?;
    let password = new_password(&args.name)?;
    let mut client = client::connect(&address, connection_password(&address)?.as_deref())?;
    users::add_user(&mut client, &args.name, role, &settings, &password)?;
    if json {
        output::json(&serde_json::json!({ "added": args.name, "role": role.name() }))
    } else {
        outln!("Added the {role} login {}.", args.name);
        Ok(())
    }
}

fn list_users(server: &ServerArg, json: bool) -> Result<()> {
    let list = users::users(&mut connect(server)?)?;
    if json {
        return output::json(&list);
    }
    let rows: Vec<Vec<String>> = list
        .iter()
        .map(|u| {
            let settings: Vec<String> = u.settings.iter().map(Uuid::to_string).collect();
            vec![
                u.name.clone(),
                u.role.name().to_owned(),
                settings.join(", "),
            ]
        })
        .collect();
    output::table(&["Login", "Role", "Settings"], &rows);
    Ok(())
}

fn connect(server: &ServerArg) -> Result<postgres::Client> {
    let address = conn::parse(&server.server)?;
    let password = connection_password(&address)?;
    Ok(client::connect(&address, password.as_deref())?)
}

/// The password of the login in the connection string.
fn connection_password(address: &ServerAddress) -> Result<Option<String>> {
    if let Ok(password) = std::env::var(PASSWORD_ENV)
        && !password.is_empty()
    {
        return Ok(Some(password));
    }
    if matches!(address.host, Host::Socket(_)) || !std::io::stdin().is_terminal() {
        // Over a socket the server may trust the local user; elsewhere the server's refusal
        // says a password is needed.
        return Ok(None);
    }
    let question = format!(
        "Password of {} on the team server: ",
        address.user.as_deref().unwrap_or("your login")
    );
    Ok(Some(
        rpassword::prompt_password(question).context("could not read the password")?,
    ))
}

/// The password of a login being created.
fn new_password(name: &str) -> Result<String> {
    if !std::io::stdin().is_terminal() {
        return match std::env::var(NEW_PASSWORD_ENV) {
            Ok(value) if !value.is_empty() => Ok(value),
            _ => bail!(
                "there is no terminal to ask for the new login's password: set {NEW_PASSWORD_ENV} for scripts"
            ),
        };
    }
    let first = rpassword::prompt_password(format!("Password for {name}: "))
        .context("could not read the password")?;
    let second =
        rpassword::prompt_password("Type it again: ").context("could not read the password")?;
    if first != second {
        bail!("the two passwords were different: nothing was changed, try again");
    }
    Ok(first)
}
