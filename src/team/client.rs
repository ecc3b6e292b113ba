//! Opening a connection to the team's server: TLS checked against the trust's CA and the
//! server's name (verify-full) for every network host, plain only over a local Unix socket;
//! and each way a connection can fail told apart, in one line.

use super::TeamError;
use super::conn::{Host, ServerAddress};
use openssl::ssl::{SslConnector, SslMethod, SslVerifyMode, SslVersion};
use openssl::x509::X509;
use openssl::x509::store::X509StoreBuilder;
use postgres::config::SslMode;
use postgres::error::SqlState;
use postgres::{Client, Config};
use postgres_openssl::MakeTlsConnector;
use std::error::Error as _;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// How long to wait for an unreachable server before saying so.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

/// Connects as the string's user, with `password` when the server asks for one.
pub fn connect(address: &ServerAddress, password: Option<&str>) -> Result<Client, TeamError> {
    let mut config = Config::new();
    config
        .port(address.port)
        .connect_timeout(CONNECT_TIMEOUT)
        .application_name("equipment-passport");
    if let Some(dbname) = &address.dbname {
        config.dbname(dbname);
    }
    if let Some(user) = &address.user {
        config.user(user);
    }
    if let Some(password) = password {
        config.password(password);
    }
    match &address.host {
        Host::Tcp { name, root_cert } => {
            config.host(name).ssl_mode(SslMode::Require);
            // The certificate check's verdict, kept to name what was wrong with it.
            let verdict = Arc::new(Mutex::new(None));
            let tls = tls_checked_against(root_cert, Arc::clone(&verdict))?;
            config
                .connect(tls)
                .map_err(|e| explain(e, address, verdict.lock().ok().and_then(|v| v.clone())))
        }
        Host::Socket(dir) => {
            socket_folder(&mut config, dir)?;
            config
                .ssl_mode(SslMode::Disable)
                .connect(postgres::NoTls)
                .map_err(|e| explain(e, address, None))
        }
    }
}

#[cfg(unix)]
fn socket_folder(config: &mut Config, dir: &Path) -> Result<(), TeamError> {
    config.host_path(dir);
    Ok(())
}

#[cfg(not(unix))]
fn socket_folder(_config: &mut Config, _dir: &Path) -> Result<(), TeamError> {
    Err(TeamError::NoSockets)
}

/// TLS that trusts only the CA in `root_cert` (not the computer's usual authorities) and checks
/// the server's name, as libpq's verify-full does. The first failed check is written to `verdict`.
fn tls_checked_against(
    root_cert: &Path,
    verdict: Arc<Mutex<Option<String>>>,
) -> Result<MakeTlsConnector, TeamError> {
    let ca_error = |reason: String| TeamError::CaFile {
        path: root_cert.display().to_string(),
        reason,
    };
    let pem = std::fs::read(root_cert).map_err(|e| ca_error(e.to_string()))?;
    let certs = X509::stack_from_pem(&pem).map_err(|e| ca_error(e.to_string()))?;
    if certs.is_empty() {
        return Err(ca_error("it holds no certificate".into()));
    }
    let tls_error = |e: openssl::error::ErrorStack| TeamError::Tls(e.to_string());
    let mut store = X509StoreBuilder::new().map_err(tls_error)?;
    for cert in certs {
        store.add_cert(cert).map_err(tls_error)?;
    }
    let mut builder = SslConnector::builder(SslMethod::tls_client()).map_err(tls_error)?;
    builder.set_cert_store(store.build());
    builder
        .set_min_proto_version(Some(SslVersion::TLS1_2))
        .map_err(tls_error)?;
    builder.set_verify_callback(SslVerifyMode::PEER, move |ok, context| {
        if !ok && let Ok(mut slot) = verdict.lock() {
            slot.get_or_insert_with(|| context.error().error_string().to_owned());
        }
        ok
    });
    Ok(MakeTlsConnector::new(builder.build()))
}

/// One line saying which way a connection failed.
fn explain(error: postgres::Error, address: &ServerAddress, verdict: Option<String>) -> TeamError {
    let server = address.to_string();
    if let Some(db) = error.as_db_error() {
        let code = db.code();
        let user = address.user.clone().unwrap_or_default();
        if *code == SqlState::INVALID_PASSWORD {
            return TeamError::WrongPassword { server, user };
        }
        if *code == SqlState::INVALID_AUTHORIZATION_SPECIFICATION {
            return TeamError::LoginRefused {
                server,
                reason: db.message().to_owned(),
            };
        }
        if *code == SqlState::INVALID_CATALOG_NAME {
            return TeamError::NoDatabase {
                server,
                reason: db.message().to_owned(),
            };
        }
        return TeamError::from(error);
    }
    if let Some(reason) = verdict {
        return TeamError::Certificate { server, reason };
    }
    let text = super::one_line(&error);
    if text.contains("password missing") {
        return TeamError::PasswordNeeded { server };
    }
    let mut source = error.source();
    while let Some(cause) = source {
        if let Some(io) = cause.downcast_ref::<std::io::Error>() {
            return TeamError::Unreachable {
                server,
                reason: io.to_string(),
            };
        }
        source = cause.source();
    }
    if text.to_ascii_lowercase().contains("tls") || text.contains("ssl") {
        return TeamError::Tls(format!("{server}: {text}"));
    }
    TeamError::Unreachable {
        server,
        reason: text,
    }
}
