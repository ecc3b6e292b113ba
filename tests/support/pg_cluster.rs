//! A throwaway PostgreSQL 15 cluster for team mode's tests: Debian's `postgresql` package,
//! started by the `postgres` user when the tests run as root (PostgreSQL refuses to run as
//! root), in a temporary folder it owns, on a free port, with its socket in that folder and TLS
//! from a CA made here. One cluster serves every test of a run; each test takes a database of
//! its own. The cluster is stopped and its folder removed when the test binary ends (a watcher
//! process waits for it), or when a [`PgCluster`] made with [`PgCluster::start`] is dropped.
//!
//! When PostgreSQL is missing the tests fail, saying how to install it: they never skip.

use equipment_passport::team::{ServerAddress, client, conn};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

const BIN: &str = "/usr/lib/postgresql/15/bin";

/// The password of the superuser `postgres` for connections over TLS.
pub const SUPERUSER_PASSWORD: &str = "superuser-password-for-tests";

pub struct PgCluster {
    dir: PathBuf,
    pub port: u16,
    /// The CA that signed the server's certificate.
    pub ca: PathBuf,
    /// A CA that signed nothing of this server's.
    pub other_ca: PathBuf,
    stop_on_drop: bool,
}

/// The cluster every test of this run shares.
pub fn shared() -> &'static PgCluster {
    static CLUSTER: OnceLock<PgCluster> = OnceLock::new();
    CLUSTER.get_or_init(|| {
        let mut cluster = PgCluster::start();
        cluster.stop_on_drop = false;
        cluster.stop_when_this_process_ends();
        cluster
    })
}

/// A new empty database on the shared cluster, named after the test plus a counter.
pub fn database(test: &str) -> Database {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let cluster = shared();
    let name = format!("{test}_{}", NEXT.fetch_add(1, Ordering::Relaxed));
    let mut admin = client::connect(&cluster.admin_address("postgres"), None).unwrap();
    admin
        .batch_execute(&format!("CREATE DATABASE \"{name}\""))
        .unwrap();
    Database { cluster, name }
}

/// One test's database.
pub struct Database {
    pub cluster: &'static PgCluster,
    pub name: String,
}

impl Database {
    /// The superuser's connection string over the local socket (the DBA's).
    pub fn admin_conn(&self) -> String {
        self.cluster.socket_conn(&self.name, "postgres")
    }

    pub fn admin(&self) -> postgres::Client {
        client::connect(&conn::parse(&self.admin_conn()).unwrap(), None).unwrap()
    }

    /// `user`'s connection string over TLS to `localhost`, checked against the test CA.
    pub fn tls_conn(&self, user: &str) -> String {
        self.cluster.tls_conn("localhost", &self.name, user)
    }
}

/// Runs a program, as the `postgres` user when this process is root.
fn as_postgres(program: &str) -> Command {
    if is_root() {
        let mut command = Command::new("runuser");
        command.args(["-u", "postgres", "--", program]);
        command
    } else {
        Command::new(program)
    }
}

fn is_root() -> bool {
    let out = Command::new("id").arg("-u").output().expect("run id -u");
    String::from_utf8_lossy(&out.stdout).trim() == "0"
}

fn run(command: &mut Command, what: &str) {
    let out = command
        .stdin(Stdio::null())
        .output()
        .unwrap_or_else(|e| panic!("{what}: {e}"));
    assert!(
        out.status.success(),
        "{what} failed: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port()
}

impl PgCluster {
    /// Starts a new cluster (a few seconds: initdb is most of it).
    pub fn start() -> PgCluster {
        assert!(
            Path::new(BIN).join("initdb").is_file(),
            "PostgreSQL 15 is not installed ({BIN}/initdb is missing): run scripts/ensure-tools, or apt-get install postgresql"
        );
        let dir = tempfile::Builder::new()
            .prefix("passport-pg-")
            .tempdir()
            .expect("a temporary folder")
            .keep();
        let certs = dir.join("certs");
        std::fs::create_dir_all(&certs).unwrap();
        std::fs::create_dir_all(dir.join("sock")).unwrap();
        make_certificates(&certs);
        if is_root() {
            run(
                Command::new("chown")
                    .args(["-R", "postgres:postgres"])
                    .arg(&dir),
                "chown the cluster's folder",
            );
        }
        let data = dir.join("data");
        let pwfile = dir.join("pwfile");
        std::fs::write(&pwfile, SUPERUSER_PASSWORD).unwrap();
        if is_root() {
            run(
                Command::new("chown").arg("postgres:postgres").arg(&pwfile),
                "chown the password file",
            );
        }
        run(
            as_postgres(&format!("{BIN}/initdb"))
                .arg("-D")
                .arg(&data)
                .args([
                    "-U",
                    "postgres",
                    "-E",
                    "UTF8",
                    "--no-sync",
                    "--locale=C.UTF-8",
                ])
                .args(["--auth-local=trust", "--auth-host=scram-sha-256"])
                .arg(format!("--pwfile={}", pwfile.display())),
            "initdb",
        );
        let port = free_port();
        let settings = format!(
            "port = {port}\n\
             listen_addresses = '127.0.0.1,127.0.0.2'\n\
             unix_socket_directories = '{sock}'\n\
             ssl = on\n\
             ssl_cert_file = '{certs}/server.pem'\n\
             ssl_key_file = '{certs}/server.key'\n\
             password_encryption = 'scram-sha-256'\n\
             fsync = off\n\
             synchronous_commit = off\n\
             full_page_writes = off\n\
             max_connections = 60\n\
             shared_buffers = 16MB\n",
            sock = dir.join("sock").display(),
            certs = certs.display(),
        );
        append(&data.join("postgresql.conf"), &settings);
        // Only the superuser may use the socket without a password; everyone else logs in
        // over TLS with SCRAM, as on a trust's server. No plain TCP at all.
        std::fs::write(
            data.join("pg_hba.conf"),
            "local all postgres trust\n\
             local all all scram-sha-256\n\
             hostssl all all 127.0.0.1/32 scram-sha-256\n\
             hostssl all all 127.0.0.2/32 scram-sha-256\n",
        )
        .unwrap();
        run(
            as_postgres(&format!("{BIN}/pg_ctl"))
                .arg("-D")
                .arg(&data)
                .arg("-l")
                .arg(dir.join("log"))
                .args(["-w", "-t", "60", "start"]),
            "pg_ctl start",
        );
        PgCluster {
            ca: certs.join("ca.pem"),
            other_ca: certs.join("other-ca.pem"),
            dir,
            port,
            stop_on_drop: true,
        }
    }

    /// A connection string over the cluster's Unix socket.
    pub fn socket_conn(&self, dbname: &str, user: &str) -> String {
        format!(
            "host={} port={} dbname={dbname} user={user}",
            self.dir.join("sock").display(),
            self.port
        )
    }

    /// A connection string over TLS to `host` (which resolves to this computer).
    pub fn tls_conn(&self, host: &str, dbname: &str, user: &str) -> String {
        format!(
            "host={host} port={} dbname={dbname} user={user} sslmode=verify-full sslrootcert={}",
            self.port,
            self.ca.display()
        )
    }

    fn admin_address(&self, dbname: &str) -> ServerAddress {
        conn::parse(&self.socket_conn(dbname, "postgres")).unwrap()
    }

    /// A background watcher that stops the cluster and removes its folder once this process
    /// has ended: a shared cluster lives in a static, which is never dropped.
    fn stop_when_this_process_ends(&self) {
        let script = format!(
            "while kill -0 {pid} 2>/dev/null; do sleep 0.5; done; {stop}; rm -rf '{dir}'",
            pid = std::process::id(),
            stop = self.stop_command(),
            dir = self.dir.display(),
        );
        // `setsid -f` forks the watcher into its own session and returns at once.
        let started = Command::new("setsid")
            .args(["-f", "sh", "-c", &script])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .expect("start the cluster's watcher");
        assert!(started.success(), "the cluster's watcher did not start");
    }

    fn stop_command(&self) -> String {
        let pg_ctl = format!(
            "{BIN}/pg_ctl -D '{}' -m immediate -w stop >/dev/null 2>&1",
            self.dir.join("data").display()
        );
        if is_root() {
            format!("runuser -u postgres -- {pg_ctl}")
        } else {
            pg_ctl
        }
    }
}

impl Drop for PgCluster {
    fn drop(&mut self) {
        if self.stop_on_drop {
            let _ = Command::new("sh")
                .args(["-c", &self.stop_command()])
                .status();
            let _ = std::fs::remove_dir_all(&self.dir);
        }
    }
}

fn append(path: &Path, text: &str) {
    use std::io::Write;
    let mut file = std::fs::OpenOptions::new().append(true).open(path).unwrap();
    file.write_all(text.as_bytes()).unwrap();
}

/// A CA, a server certificate it signs for `localhost` and 127.0.0.1 (not 127.0.0.2: that
/// address is "another host"), and a second CA that signs nothing here.
fn make_certificates(dir: &Path) {
    let openssl = |args: &[&str]| {
        run(
            Command::new("openssl").current_dir(dir).args(args),
            &format!("openssl {}", args[0]),
        )
    };
    for ca in ["ca", "other-ca"] {
        openssl(&[
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "3650",
            "-subj",
            &format!("/CN=Test {ca}"),
            "-keyout",
            &format!("{ca}.key"),
            "-out",
            &format!("{ca}.pem"),
        ]);
    }
    openssl(&[
        "req",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-subj",
        "/CN=localhost",
        "-keyout",
        "server.key",
        "-out",
        "server.csr",
    ]);
    std::fs::write(
        dir.join("san.ext"),
        "subjectAltName = DNS:localhost, IP:127.0.0.1\n",
    )
    .unwrap();
    openssl(&[
        "x509",
        "-req",
        "-in",
        "server.csr",
        "-CA",
        "ca.pem",
        "-CAkey",
        "ca.key",
        "-CAcreateserial",
        "-days",
        "3650",
        "-extfile",
        "san.ext",
        "-out",
        "server.pem",
    ]);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(
            dir.join("server.key"),
            std::fs::Permissions::from_mode(0o600),
        )
        .unwrap();
    }
}
