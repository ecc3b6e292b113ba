//! Team mode's server side: one caseload for a whole therapy team, kept on the trust's
//! PostgreSQL (see `TEAM.md`). This part serves the trust's database administrator: where the
//! server is ([`conn`]), connecting to it safely ([`client`]), its versioned schema
//! ([`schema`]) and the team's logins ([`users`]). What each login may see and change is
//! enforced by PostgreSQL itself, in the schema's grants, policies and functions.

pub mod client;
pub mod conn;
pub mod schema;
pub mod users;

pub use conn::ServerAddress;

/// Everything that can go wrong talking to the team's server, each in one line.
#[derive(Debug, thiserror::Error)]
pub enum TeamError {
    #[error(transparent)]
    Conn(#[from] conn::ConnError),
    #[error(
        "the team server {server} refused the password of {user:?}: check the user name and password"
    )]
    WrongPassword { server: String, user: String },
    #[error(
        "the team server {server} asked for a password: set PASSPORT_TEAM_PASSWORD or run at a terminal"
    )]
    PasswordNeeded { server: String },
    #[error("the team server {server} refused the login: {reason}")]
    LoginRefused { server: String, reason: String },
    #[error("the team server {server} has no such database: {reason}")]
    NoDatabase { server: String, reason: String },
    #[error("the team server {server} cannot be reached: {reason}")]
    Unreachable { server: String, reason: String },
    #[error(
        "the certificate of the team server {server} was refused ({reason}): it is not the trust's server, or not signed by the CA in sslrootcert"
    )]
    Certificate { server: String, reason: String },
    #[error("the CA certificate {path} cannot be used: {reason}")]
    CaFile { path: String, reason: String },
    #[error("a secure (TLS) connection could not be made: {0}")]
    Tls(String),
    #[error(
        "a Unix socket folder cannot be used on this computer: give the server's name with TLS"
    )]
    NoSockets,
    #[error("the team database is newer: update the app")]
    NewerServer,
    #[error(
        "this database already holds the team's schema: use `passport team upgrade` to update it"
    )]
    AlreadyInitialised,
    #[error("this database has no team schema yet: run `passport team init` first")]
    NotInitialised,
    #[error(
        "{0:?} cannot be a team login: use 1 to 63 lower-case letters, digits, '_', '.' or '-', starting with a letter"
    )]
    BadUserName(String),
    #[error("there is already a login called {0:?} on the team server")]
    UserExists(String),
    #[error("{0:?} is not one of the team's logins")]
    NotATeamUser(String),
    #[error("a school login needs the settings (schools) it serves: add --setting ID")]
    SchoolWithoutSetting,
    #[error("only a school login is tied to settings: leave out --setting")]
    SettingNotForRole,
    #[error("the password is too short: use at least {0} characters")]
    ShortPassword(usize),
    #[error("the team server refused: {0}")]
    Refused(String),
    #[error("the team server said: {0}")]
    Server(String),
}

impl From<postgres::Error> for TeamError {
    fn from(error: postgres::Error) -> Self {
        match error.as_db_error() {
            Some(db) if *db.code() == postgres::error::SqlState::INSUFFICIENT_PRIVILEGE => {
                TeamError::Refused(db.message().to_owned())
            }
            Some(db) => TeamError::Server(db.message().to_owned()),
            None => TeamError::Server(one_line(&error)),
        }
    }
}

pub type Result<T, E = TeamError> = std::result::Result<T, E>;

/// An error and its causes on one line.
fn one_line(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(next) = source {
        let cause = next.to_string();
        if !text.contains(&cause) {
            text.push_str(": ");
            text.push_str(&cause);
        }
        source = next.source();
    }
    text.replace('\n', " ")
}
