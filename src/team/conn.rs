//! Where the team's server is: a libpq connection string, in either of its forms
//! (`postgresql://user@host:port/db?sslmode=verify-full&sslrootcert=/ca.pem` or
//! `host=… port=… dbname=… user=… sslmode=… sslrootcert=…`), read into a [`ServerAddress`]
//! that is safe to connect to.
//!
//! The rule: a server reached over the network (a host name or an address) needs
//! `sslmode=verify-full` and an `sslrootcert` file that exists, so the device talks only to the
//! trust's server and nobody in between; a plain connection is accepted only over a local Unix
//! socket (a host starting with `/`). A password is never part of the string (strings end up in
//! shell history and process lists): it comes from `PASSPORT_TEAM_PASSWORD` or a prompt.

use std::fmt;
use std::path::{Path, PathBuf};

/// PostgreSQL's port when the string names none.
pub const DEFAULT_PORT: u16 = 5432;

/// A connection string that passed every check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServerAddress {
    pub host: Host,
    pub port: u16,
    /// The database; PostgreSQL's default (the user's name) when `None`.
    pub dbname: Option<String>,
    /// The login; the operating-system user's name when `None`.
    pub user: Option<String>,
}

/// How the server is reached.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Host {
    /// Over the network, always with TLS checked against `root_cert` (verify-full).
    Tcp { name: String, root_cert: PathBuf },
    /// Through a Unix socket in this folder, on this computer: no TLS needed.
    Socket(PathBuf),
}

impl fmt::Display for ServerAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.host {
            Host::Tcp { name, .. } => write!(f, "{name}:{}", self.port),
            Host::Socket(dir) => write!(f, "{}:{} (local socket)", dir.display(), self.port),
        }
    }
}

/// What is wrong with a connection string: each its own one-line message.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ConnError {
    #[error("the connection string is empty: give the team server as postgresql://… or host=…")]
    Empty,
    #[error(
        "the connection string has a password: leave it out, and set PASSPORT_TEAM_PASSWORD or answer the prompt instead"
    )]
    Password,
    #[error("the connection string names no host: add host=… (a server name, or a socket folder)")]
    NoHost,
    #[error(
        "the server {0} is reached over the network, so the connection string needs sslmode=verify-full"
    )]
    NotVerifyFull(String),
    #[error(
        "the connection string needs sslrootcert=… naming the trust's CA certificate, to check the server {0}"
    )]
    NoRootCert(String),
    #[error("the CA certificate {0} (sslrootcert) does not exist")]
    RootCertMissing(String),
    #[error("the port {0:?} is not a port number (1 to 65535)")]
    BadPort(String),
    #[error("the sslmode {0:?} is not one PostgreSQL knows")]
    BadSslMode(String),
    #[error("the connection string's setting {0:?} is not supported here")]
    UnknownKey(String),
    #[error("the connection string has several hosts: give the team server's one host")]
    SeveralHosts,
    #[error("the connection string cannot be read: {0}")]
    Malformed(String),
}

const SSL_MODES: [&str; 6] = [
    "disable",
    "allow",
    "prefer",
    "require",
    "verify-ca",
    "verify-full",
];

/// Reads and checks a connection string (either form).
pub fn parse(text: &str) -> Result<ServerAddress, ConnError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(ConnError::Empty);
    }
    let pairs = if let Some(rest) = text
        .strip_prefix("postgresql://")
        .or_else(|| text.strip_prefix("postgres://"))
    {
        url_pairs(rest)?
    } else {
        keyword_pairs(text)?
    };
    check(pairs)
}

/// The settings of the URL form, as (keyword, value) pairs.
fn url_pairs(rest: &str) -> Result<Vec<(String, String)>, ConnError> {
    let (main, query) = match rest.split_once('?') {
        Some((main, query)) => (main, Some(query)),
        None => (rest, None),
    };
    let (authority, path) = match main.split_once('/') {
        Some((authority, path)) => (authority, path),
        None => (main, ""),
    };
    let mut pairs = Vec::new();
    let host_port = match authority.rsplit_once('@') {
        Some((userinfo, host_port)) => {
            if userinfo.contains(':') {
                return Err(ConnError::Password);
            }
            if !userinfo.is_empty() {
                pairs.push(("user".to_owned(), percent_decode(userinfo)?));
            }
            host_port
        }
        None => authority,
    };
    if !host_port.is_empty() {
        let (host, port) = split_host_port(host_port)?;
        if !host.is_empty() {
            pairs.push(("host".to_owned(), percent_decode(host)?));
        }
        if let Some(port) = port {
            pairs.push(("port".to_owned(), port.to_owned()));
        }
    }
    if !path.is_empty() {
        pairs.push(("dbname".to_owned(), percent_decode(path)?));
    }
    for param in query.unwrap_or("").split('&').filter(|p| !p.is_empty()) {
        let (key, value) = param
            .split_once('=')
            .ok_or_else(|| ConnError::Malformed(format!("{param:?} has no value")))?;
        pairs.push((percent_decode(key)?, percent_decode(value)?));
    }
    Ok(pairs)
}

/// A URL's `host:port`, the host possibly an IPv6 address in brackets.
fn split_host_port(text: &str) -> Result<(&str, Option<&str>), ConnError> {
    if let Some(rest) = text.strip_prefix('[') {
        let (host, after) = rest
            .split_once(']')
            .ok_or_else(|| ConnError::Malformed("an IPv6 address has no closing ]".into()))?;
        return match after {
            "" => Ok((host, None)),
            _ => match after.strip_prefix(':') {
                Some(port) => Ok((host, Some(port))),
                None => Err(ConnError::Malformed(format!("{after:?} after an address"))),
            },
        };
    }
    Ok(match text.rsplit_once(':') {
        Some((host, port)) => (host, Some(port)),
        None => (text, None),
    })
}

fn percent_decode(text: &str) -> Result<String, ConnError> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = text
                .get(i + 1..i + 3)
                .and_then(|h| u8::from_str_radix(h, 16).ok())
                .ok_or_else(|| ConnError::Malformed(format!("a bad %-escape in {text:?}")))?;
            out.push(hex);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).map_err(|_| ConnError::Malformed(format!("{text:?} is not UTF-8")))
}

/// The settings of the `key=value …` form; a value may be 'single quoted', with `\'` and `\\`.
fn keyword_pairs(text: &str) -> Result<Vec<(String, String)>, ConnError> {
    let mut pairs = Vec::new();
    let mut chars = text.chars().peekable();
    loop {
        while chars.next_if(|c| c.is_whitespace()).is_some() {}
        if chars.peek().is_none() {
            return Ok(pairs);
        }
        let mut key = String::new();
        while let Some(c) = chars.next_if(|c| *c != '=' && !c.is_whitespace()) {
            key.push(c);
        }
        while chars.next_if(|c| c.is_whitespace()).is_some() {}
        if chars.next() != Some('=') {
            return Err(ConnError::Malformed(format!("{key:?} has no value")));
        }
        while chars.next_if(|c| c.is_whitespace()).is_some() {}
        let mut value = String::new();
        if chars.next_if_eq(&'\'').is_some() {
            loop {
                match chars.next() {
                    Some('\'') => break,
                    Some('\\') => match chars.next() {
                        Some(c) => value.push(c),
                        None => return Err(unterminated(&key)),
                    },
                    Some(c) => value.push(c),
                    None => return Err(unterminated(&key)),
                }
            }
        } else {
            while let Some(c) = chars.next_if(|c| !c.is_whitespace()) {
                if c == '\\' {
                    value.extend(chars.next());
                } else {
                    value.push(c);
                }
            }
        }
        pairs.push((key, value));
    }
}

fn unterminated(key: &str) -> ConnError {
    ConnError::Malformed(format!("the quoted value of {key:?} is not closed"))
}

/// Applies the rule to the settings found.
fn check(pairs: Vec<(String, String)>) -> Result<ServerAddress, ConnError> {
    let mut host = None;
    let mut port = None;
    let mut dbname = None;
    let mut user = None;
    let mut sslmode = None;
    let mut root_cert = None;
    for (key, value) in pairs {
        match key.as_str() {
            "host" | "hostaddr" => host = Some(value),
            "port" => port = Some(value),
            "dbname" => dbname = Some(value),
            "user" => user = Some(value),
            "sslmode" => sslmode = Some(value),
            "sslrootcert" => root_cert = Some(value),
            "password" | "passfile" => return Err(ConnError::Password),
            // Harmless settings a DBA may paste along: accepted and not needed.
            "connect_timeout" | "application_name" => {}
            _ => return Err(ConnError::UnknownKey(key)),
        }
    }
    let host = host.filter(|h| !h.is_empty()).ok_or(ConnError::NoHost)?;
    if host.contains(',') {
        return Err(ConnError::SeveralHosts);
    }
    let port = match port.filter(|p| !p.is_empty()) {
        None => DEFAULT_PORT,
        Some(p) => p
            .parse::<u16>()
            .ok()
            .filter(|p| *p != 0)
            .ok_or(ConnError::BadPort(p))?,
    };
    if let Some(mode) = &sslmode
        && !SSL_MODES.contains(&mode.as_str())
    {
        return Err(ConnError::BadSslMode(mode.clone()));
    }
    let host = if host.starts_with('/') {
        Host::Socket(PathBuf::from(host))
    } else {
        if sslmode.as_deref() != Some("verify-full") {
            return Err(ConnError::NotVerifyFull(host));
        }
        let root_cert = root_cert
            .filter(|r| !r.is_empty())
            .ok_or_else(|| ConnError::NoRootCert(host.clone()))?;
        if !Path::new(&root_cert).is_file() {
            return Err(ConnError::RootCertMissing(root_cert));
        }
        Host::Tcp {
            name: host,
            root_cert: PathBuf::from(root_cert),
        }
    };
    Ok(ServerAddress {
        host,
        port,
        dbname: dbname.filter(|d| !d.is_empty()),
        user: user.filter(|u| !u.is_empty()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A CA file that exists, for the strings that name one.
    fn ca() -> (tempfile::TempDir, String) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ca.pem");
        std::fs::write(&path, "-----BEGIN CERTIFICATE-----\n").unwrap();
        let path = path.to_str().unwrap().to_owned();
        (dir, path)
    }

    #[test]
    fn a_url_with_verify_full_and_a_ca_names_the_server() {
        let (_dir, ca) = ca();
        let address = parse(&format!(
            "postgresql://priya@db.trust.nhs.uk:6432/passport?sslmode=verify-full&sslrootcert={ca}"
        ))
        .unwrap();
        assert_eq!(
            address,
            ServerAddress {
                host: Host::Tcp {
                    name: "db.trust.nhs.uk".into(),
                    root_cert: ca.into()
                },
                port: 6432,
                dbname: Some("passport".into()),
                user: Some("priya".into()),
            }
        );
        assert_eq!(address.to_string(), "db.trust.nhs.uk:6432");
    }

    #[test]
    fn keywords_say_the_same_with_quoted_values_and_the_default_port() {
        let (_dir, ca) = ca();
        // Inside quotes a backslash escapes the next character, as in libpq, so a Windows
        // path's backslashes are written twice.
        let quoted = ca.replace('\\', "\\\\").replace('\'', "\\'");
        let address = parse(&format!(
            "host=10.1.2.3 dbname='team passport' user = priya sslmode=verify-full sslrootcert='{quoted}'"
        ))
        .unwrap();
        assert_eq!(
            address.host,
            Host::Tcp {
                name: "10.1.2.3".into(),
                root_cert: ca.into()
            }
        );
        assert_eq!(address.port, DEFAULT_PORT);
        assert_eq!(address.dbname.as_deref(), Some("team passport"));
        assert_eq!(address.user.as_deref(), Some("priya"));
    }

    #[test]
    fn an_ipv6_address_in_a_url_keeps_its_colons() {
        let (_dir, ca) = ca();
        let address = parse(&format!(
            "postgres://[::1]:5433/team?sslmode=verify-full&sslrootcert={ca}"
        ))
        .unwrap();
        assert!(matches!(address.host, Host::Tcp { name, .. } if name == "::1"));
        assert_eq!(address.port, 5433);
    }

    #[test]
    fn a_socket_folder_needs_no_tls_in_either_form() {
        let address = parse("host=/var/run/postgresql port=5433 dbname=team").unwrap();
        assert_eq!(address.host, Host::Socket("/var/run/postgresql".into()));
        assert_eq!(address.port, 5433);
        let url = parse("postgresql://%2Fvar%2Frun%2Fpostgresql/team").unwrap();
        assert_eq!(url.host, Host::Socket("/var/run/postgresql".into()));
        assert_eq!(url.dbname.as_deref(), Some("team"));
        let query_host = parse("postgresql:///team?host=/tmp/pg").unwrap();
        assert_eq!(query_host.host, Host::Socket("/tmp/pg".into()));
    }

    #[test]
    fn a_network_host_without_verify_full_is_refused() {
        let (_dir, ca) = ca();
        for text in [
            "host=db.trust.nhs.uk dbname=team".to_owned(),
            format!("host=db.trust.nhs.uk sslmode=require sslrootcert={ca}"),
            format!("postgresql://localhost/team?sslmode=verify-ca&sslrootcert={ca}"),
        ] {
            assert!(
                matches!(parse(&text), Err(ConnError::NotVerifyFull(_))),
                "{text}"
            );
        }
        assert_eq!(
            parse("host=db.trust.nhs.uk").unwrap_err().to_string(),
            "the server db.trust.nhs.uk is reached over the network, so the connection string needs sslmode=verify-full"
        );
    }

    #[test]
    fn verify_full_without_a_root_certificate_is_refused() {
        assert_eq!(
            parse("host=db sslmode=verify-full"),
            Err(ConnError::NoRootCert("db".into()))
        );
    }

    #[test]
    fn a_root_certificate_that_does_not_exist_is_refused() {
        assert_eq!(
            parse("host=db sslmode=verify-full sslrootcert=/nowhere/ca.pem"),
            Err(ConnError::RootCertMissing("/nowhere/ca.pem".into()))
        );
    }

    #[test]
    fn a_password_in_either_form_is_refused() {
        assert_eq!(parse("host=/tmp password=secret"), Err(ConnError::Password));
        assert_eq!(
            parse("postgresql://priya:secret@%2Ftmp/team"),
            Err(ConnError::Password)
        );
        assert_eq!(
            parse("postgresql:///team?host=/tmp&password=secret"),
            Err(ConnError::Password)
        );
        assert_eq!(parse("host=/tmp passfile=/p"), Err(ConnError::Password));
    }

    #[test]
    fn each_other_mistake_has_its_own_message() {
        assert_eq!(parse("  "), Err(ConnError::Empty));
        assert_eq!(parse("dbname=team"), Err(ConnError::NoHost));
        assert_eq!(
            parse("host=/tmp port=99999"),
            Err(ConnError::BadPort("99999".into()))
        );
        assert_eq!(
            parse("host=/tmp sslmode=paranoid"),
            Err(ConnError::BadSslMode("paranoid".into()))
        );
        assert_eq!(
            parse("host=/tmp options=-cwork_mem=1GB"),
            Err(ConnError::UnknownKey("options".into()))
        );
        assert_eq!(parse("host=/a,/b"), Err(ConnError::SeveralHosts));
        assert!(matches!(parse("host='/tmp"), Err(ConnError::Malformed(_))));
        assert!(matches!(parse("host"), Err(ConnError::Malformed(_))));
        let messages: std::collections::BTreeSet<String> = [
            ConnError::Empty,
            ConnError::Password,
            ConnError::NoHost,
            ConnError::NotVerifyFull("h".into()),
            ConnError::NoRootCert("h".into()),
            ConnError::RootCertMissing("p".into()),
            ConnError::BadPort("p".into()),
            ConnError::BadSslMode("m".into()),
            ConnError::UnknownKey("k".into()),
            ConnError::SeveralHosts,
        ]
        .iter()
        .map(|e| {
            let message = e.to_string();
            assert!(!message.contains('\n'), "{message}");
            message
        })
        .collect();
        assert_eq!(messages.len(), 10);
    }
}
