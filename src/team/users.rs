//! The team's logins: PostgreSQL roles that can log in (SCRAM-SHA-256 passwords), each a member
//! of one group role, which carries what it may see and do. A school login is tied to the
//! settings (schools) it serves. Names are checked and always quoted as identifiers; passwords
//! reach the server only as SCRAM verifiers, never in clear.

use super::{Result, TeamError, schema};
use postgres::Client;
use std::fmt;
use std::str::FromStr;
use uuid::Uuid;

/// The shortest password a team login may have.
pub const MIN_PASSWORD_LEN: usize = 12;

/// What a login is for: which group role it joins.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TeamRole {
    Therapist,
    Lead,
    School,
}

impl TeamRole {
    pub const ALL: [TeamRole; 3] = [TeamRole::Therapist, TeamRole::Lead, TeamRole::School];

    pub fn name(self) -> &'static str {
        match self {
            TeamRole::Therapist => "therapist",
            TeamRole::Lead => "lead",
            TeamRole::School => "school",
        }
    }

    /// The PostgreSQL group role made by the schema.
    pub fn group_role(self) -> &'static str {
        match self {
            TeamRole::Therapist => "passport_therapist",
            TeamRole::Lead => "passport_lead",
            TeamRole::School => "passport_school",
        }
    }

    fn from_group_role(name: &str) -> Option<TeamRole> {
        TeamRole::ALL.into_iter().find(|r| r.group_role() == name)
    }
}

impl fmt::Display for TeamRole {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for TeamRole {
    type Err = String;
    fn from_str(s: &str) -> std::result::Result<Self, String> {
        TeamRole::ALL
            .into_iter()
            .find(|r| r.name() == s)
            .ok_or_else(|| format!("{s:?} is not a team role: therapist, lead or school"))
    }
}

/// A login of the team, as `team users` lists it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct TeamUser {
    pub name: String,
    #[serde(serialize_with = "role_name")]
    pub role: TeamRole,
    /// The settings a school login serves (empty for the others).
    pub settings: Vec<Uuid>,
}

fn role_name<S: serde::Serializer>(role: &TeamRole, s: S) -> std::result::Result<S::Ok, S::Error> {
    s.serialize_str(role.name())
}

/// Checks a login name: 1 to 63 lower-case ASCII letters, digits, `_`, `.` or `-`, starting
/// with a letter, and not one of PostgreSQL's or the schema's own (`pg_…`, `passport_…`).
pub fn check_name(name: &str) -> Result<()> {
    let allowed = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || "_.-".contains(c);
    let ok = (1..=63).contains(&name.len())
        && name.starts_with(|c: char| c.is_ascii_lowercase())
        && name.chars().all(allowed)
        && !name.starts_with("pg_")
        && !name.starts_with("passport_")
        && !["public", "postgres", "none", "current_user", "session_user"].contains(&name);
    if ok {
        Ok(())
    } else {
        Err(TeamError::BadUserName(name.to_owned()))
    }
}

/// `text` as a quoted SQL identifier.
pub fn quote_ident(text: &str) -> String {
    format!("\"{}\"", text.replace('"', "\"\""))
}

/// `text` as a quoted SQL string literal (standard strings: only `'` is special).
fn quote_literal(text: &str) -> String {
    format!("'{}'", text.replace('\'', "''"))
}

/// Creates a login in `role`'s group; a school login serves `settings`.
pub fn add_user(
    client: &mut Client,
    name: &str,
    role: TeamRole,
    settings: &[Uuid],
    password: &str,
) -> Result<()> {
    check_name(name)?;
    match role {
        TeamRole::School if settings.is_empty() => return Err(TeamError::SchoolWithoutSetting),
        TeamRole::Therapist | TeamRole::Lead if !settings.is_empty() => {
            return Err(TeamError::SettingNotForRole);
        }
        _ => {}
    }
    if password.chars().count() < MIN_PASSWORD_LEN {
        return Err(TeamError::ShortPassword(MIN_PASSWORD_LEN));
    }
    schema::require_current(client)?;
    let verifier = postgres_protocol::password::scram_sha_256(password.as_bytes());
    let mut tx = client.transaction()?;
    let taken = tx.query_one(
        "SELECT EXISTS (SELECT FROM pg_roles WHERE rolname = $1)",
        &[&name],
    )?;
    if taken.get::<_, bool>(0) {
        return Err(TeamError::UserExists(name.to_owned()));
    }
    tx.batch_execute(&format!(
        "CREATE ROLE {} LOGIN PASSWORD {} IN ROLE {}",
        quote_ident(name),
        quote_literal(&verifier),
        quote_ident(role.group_role()),
    ))?;
    for setting in settings {
        tx.execute(
            "INSERT INTO passport.school_settings (login, setting_id) VALUES ($1::text::name, $2::text::uuid)",
            &[&name, &setting.to_string()],
        )?;
    }
    tx.commit()?;
    Ok(())
}

/// The team's logins, by name.
pub fn users(client: &mut Client) -> Result<Vec<TeamUser>> {
    schema::require_current(client)?;
    let rows = client.query(
        "SELECT r.rolname::text, g.rolname::text,
                coalesce(array_agg(s.setting_id::text ORDER BY s.setting_id)
                    FILTER (WHERE s.setting_id IS NOT NULL), '{}')
         FROM pg_roles r
         JOIN pg_auth_members m ON m.member = r.oid
         JOIN pg_roles g ON g.oid = m.roleid
         LEFT JOIN passport.school_settings s ON s.login = r.rolname
         WHERE r.rolcanlogin
           AND g.rolname IN ('passport_therapist', 'passport_lead', 'passport_school')
         GROUP BY r.rolname, g.rolname
         ORDER BY r.rolname",
        &[],
    )?;
    let mut users = Vec::with_capacity(rows.len());
    for row in rows {
        let group: String = row.get(1);
        let settings: Vec<String> = row.get(2);
        users.push(TeamUser {
            name: row.get(0),
            role: TeamRole::from_group_role(&group).expect("one of the three groups queried"),
            settings: settings.iter().filter_map(|s| s.parse().ok()).collect(),
        });
    }
    Ok(users)
}

/// Removes a team login (and a school login's settings). The change log keeps its name.
pub fn remove_user(client: &mut Client, name: &str) -> Result<()> {
    check_name(name)?;
    if !users(client)?.iter().any(|u| u.name == name) {
        return Err(TeamError::NotATeamUser(name.to_owned()));
    }
    let mut tx = client.transaction()?;
    tx.execute(
        "DELETE FROM passport.school_settings WHERE login = $1::text::name",
        &[&name],
    )?;
    tx.batch_execute(&format!("DROP ROLE {}", quote_ident(name)))?;
    tx.commit()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn login_names_are_plain_words() {
        for good in ["priya", "senco.oakfield", "ot-2", "a", "j_smith9"] {
            assert!(check_name(good).is_ok(), "{good}");
        }
        let too_long = "a".repeat(64);
        for bad in [
            "",
            "Priya",
            "9lives",
            "x\"; DROP ROLE postgres; --",
            "o'brien",
            "two words",
            "pg_signal_backend",
            "passport_lead",
            "postgres",
            too_long.as_str(),
            "é",
        ] {
            assert!(
                matches!(check_name(bad), Err(TeamError::BadUserName(_))),
                "{bad}"
            );
        }
    }

    #[test]
    fn identifiers_and_literals_are_quoted_whatever_they_hold() {
        assert_eq!(quote_ident("priya"), "\"priya\"");
        assert_eq!(quote_ident("a\"b"), "\"a\"\"b\"");
        assert_eq!(quote_literal("it's"), "'it''s'");
    }

    #[test]
    fn roles_read_back_from_their_names() {
        for role in TeamRole::ALL {
            assert_eq!(role.name().parse::<TeamRole>(), Ok(role));
            assert_eq!(TeamRole::from_group_role(role.group_role()), Some(role));
        }
        assert!("senco".parse::<TeamRole>().is_err());
    }
}
