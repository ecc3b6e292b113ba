//! Team mode's server side against a real PostgreSQL 15 (a throwaway cluster, see
//! `support::pg_cluster`): the DBA's commands, and what each login may see and do, checked
//! the way a curious SENCO would, with `psql` and the login's own password.

use crate::support::pg_cluster::{self, Database};
use assert_cmd::Command;
use equipment_passport::team::schema::{self, Migration};
use equipment_passport::team::users::{self, TeamRole};
use equipment_passport::team::{TeamError, client, conn};
use predicates::prelude::*;

const PASSWORD: &str = "correct horse battery";

/// `passport team …` as the DBA runs it from a script: no caseload, no terminal.
fn team(args: &[&str], server: &str) -> Command {
    let mut cmd = Command::cargo_bin("passport").unwrap();
    cmd.arg("team")
        .args(args)
        .arg("--server")
        .arg(server)
        .env_remove("PASSPORT_TEAM_PASSWORD")
        .env("PASSPORT_TEAM_NEW_PASSWORD", PASSWORD);
    cmd
}

/// A database with the team's schema.
fn team_database(test: &str) -> Database {
    let db = pg_cluster::database(test);
    schema::init(&mut db.admin()).unwrap();
    db
}

/// A login unique to this run (logins belong to the whole cluster, not one database).
fn login(db: &Database, who: &str) -> String {
    format!("{who}-{}", db.name.replace('_', "-"))
}

/// Runs SQL through the real `psql` as `user` with their own password, over TLS.
fn psql(db: &Database, user: &str, sql: &str) -> Result<String, String> {
    let out = std::process::Command::new("psql")
        .arg(db.tls_conn(user))
        .args(["-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-c", sql])
        .env("PGPASSWORD", PASSWORD)
        .output()
        .expect("psql runs (Debian's postgresql-client)");
    if out.status.success() {
        Ok(String::from_utf8_lossy(&out.stdout).trim().to_owned())
    } else {
        Err(String::from_utf8_lossy(&out.stderr).trim().to_owned())
    }
}

fn refused(result: Result<String, String>) -> String {
    match result {
        Ok(out) => panic!("expected a refusal, got {out:?}"),
        Err(e) => e,
    }
}

#[test]
fn init_then_upgrade_leaves_the_schema_as_it_is() {
    let db = pg_cluster::database("init_upgrade");
    team(&["init"], &db.admin_conn())
        .assert()
        .success()
        .stdout("The team's schema is ready (version 1).\n");
    team(&["upgrade"], &db.admin_conn())
        .assert()
        .success()
        .stdout("The team's schema is current (version 1).\n");
    let mut admin = db.admin();
    assert_eq!(schema::server_version(&mut admin).unwrap(), Some(1));
    let versions = admin
        .query("SELECT version FROM passport.schema_migrations", &[])
        .unwrap();
    assert_eq!(versions.len(), 1);
}

#[test]
fn init_refuses_a_database_that_already_has_the_schema() {
    let db = team_database("init_twice");
    team(&["init"], &db.admin_conn())
        .assert()
        .failure()
        .stderr(
            "error: this database already holds the team's schema: use `passport team upgrade` to update it\n",
        );
}

#[test]
fn upgrade_applies_only_the_migrations_a_server_lacks() {
    let db = pg_cluster::database("upgrade_newer");
    let mut admin = db.admin();
    schema::init_with(&mut admin, &schema::MIGRATIONS[..1]).unwrap();
    let next = Migration {
        version: 2,
        sql: "CREATE TABLE passport.upgrade_probe (id integer)",
    };
    let newer = [schema::MIGRATIONS[0], next];
    let upgrade = schema::upgrade_with(&mut admin, &newer).unwrap();
    assert_eq!((upgrade.from, upgrade.to), (1, 2));
    assert_eq!(schema::upgrade_with(&mut admin, &newer).unwrap().to, 2);
    let probe = admin
        .query_one(
            "SELECT to_regclass('passport.upgrade_probe') IS NOT NULL",
            &[],
        )
        .unwrap();
    assert!(probe.get::<_, bool>(0));
    // This app knows only version 1: the server is now newer than it.
    team(&["upgrade"], &db.admin_conn())
        .assert()
        .failure()
        .stderr("error: the team database is newer: update the app\n");
    team(&["users"], &db.admin_conn())
        .assert()
        .failure()
        .stderr("error: the team database is newer: update the app\n");
}

#[test]
fn upgrade_of_a_database_without_the_schema_says_to_init() {
    let db = pg_cluster::database("upgrade_empty");
    team(&["upgrade"], &db.admin_conn())
        .assert()
        .failure()
        .stderr("error: this database has no team schema yet: run `passport team init` first\n");
}

#[test]
fn the_dba_adds_lists_and_removes_logins() {
    let db = team_database("users");
    let (priya, sam, senco) = (login(&db, "priya"), login(&db, "sam"), login(&db, "senco"));
    let setting = "0190f5a0-0000-7000-8000-000000000001";
    team(
        &["add-user", &priya, "--role", "therapist"],
        &db.admin_conn(),
    )
    .assert()
    .success()
    .stdout(format!("Added the therapist login {priya}.\n"));
    team(&["add-user", &sam, "--role", "lead"], &db.admin_conn())
        .assert()
        .success();
    team(
        &["add-user", &senco, "--role", "school", "--setting", setting],
        &db.admin_conn(),
    )
    .assert()
    .success();

    let listed = team(&["users", "--json"], &db.admin_conn())
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let listed: serde_json::Value = serde_json::from_slice(&listed).unwrap();
    let mine: Vec<&serde_json::Value> = listed
        .as_array()
        .unwrap()
        .iter()
        .filter(|u| {
            u["name"]
                .as_str()
                .unwrap()
                .ends_with(&db.name.replace('_', "-"))
        })
        .collect();
    assert_eq!(
        mine,
        [
            &serde_json::json!({"name": priya, "role": "therapist", "settings": []}),
            &serde_json::json!({"name": sam, "role": "lead", "settings": []}),
            &serde_json::json!({"name": senco, "role": "school", "settings": [setting]}),
        ]
    );
    let table = team(&["users"], &db.admin_conn()).assert().success();
    let table = String::from_utf8_lossy(&table.get_output().stdout).into_owned();
    assert!(table.starts_with("Login"), "{table}");
    assert!(
        table
            .lines()
            .any(|l| l.starts_with(&senco) && l.contains("school") && l.ends_with(setting)),
        "{table}"
    );
    // The password is stored as a SCRAM verifier, and it works.
    let verifier = db
        .admin()
        .query_one(
            "SELECT rolpassword FROM pg_authid WHERE rolname = $1",
            &[&priya],
        )
        .unwrap()
        .get::<_, String>(0);
    assert!(verifier.starts_with("SCRAM-SHA-256$"), "{verifier}");
    assert_eq!(psql(&db, &priya, "SELECT session_user").unwrap(), priya);

    team(&["remove-user", &senco], &db.admin_conn())
        .assert()
        .success()
        .stdout(format!("Removed the login {senco}.\n"));
    team(&["remove-user", &senco], &db.admin_conn())
        .assert()
        .failure()
        .stderr(format!(
            "error: {senco:?} is not one of the team's logins\n"
        ));
    let left = db
        .admin()
        .query("SELECT FROM passport.school_settings", &[])
        .unwrap();
    assert!(left.is_empty());
}

#[test]
fn add_user_refuses_bad_names_missing_settings_and_taken_names() {
    let db = team_database("add_user_checks");
    team(
        &[
            "add-user",
            "x\"; DROP ROLE postgres; --",
            "--role",
            "therapist",
        ],
        &db.admin_conn(),
    )
    .assert()
    .failure()
    .stderr(predicate::str::contains("cannot be a team login"));
    let senco = login(&db, "senco");
    team(&["add-user", &senco, "--role", "school"], &db.admin_conn())
        .assert()
        .failure()
        .stderr("error: a school login needs the settings (schools) it serves: add --setting ID\n");
    team(
        &["add-user", "postgres", "--role", "lead"],
        &db.admin_conn(),
    )
    .assert()
    .failure();
    let priya = login(&db, "priya");
    team(
        &["add-user", &priya, "--role", "therapist"],
        &db.admin_conn(),
    )
    .assert()
    .success();
    team(&["add-user", &priya, "--role", "lead"], &db.admin_conn())
        .assert()
        .failure()
        .stderr(format!(
            "error: there is already a login called {priya:?} on the team server\n"
        ));
    let mut short = team(
        &["add-user", &login(&db, "kim"), "--role", "lead"],
        &db.admin_conn(),
    );
    short
        .env("PASSPORT_TEAM_NEW_PASSWORD", "short")
        .assert()
        .failure()
        .stderr("error: the password is too short: use at least 12 characters\n");
}

/// Two schools, a pupil at each, with everything a school must not see; and the logins.
struct Caseload {
    db: Database,
    therapist: String,
    lead: String,
    school: String,
}

const OAKFIELD: &str = "0190f5a0-0000-7000-8000-0000000000a1";
const BEECH: &str = "0190f5a0-0000-7000-8000-0000000000b1";
const AMARA: &str = "0190f5a0-0000-7000-8000-00000000c001";
const BEN: &str = "0190f5a0-0000-7000-8000-00000000c002";
const AMARA_CHAIR: &str = "0190f5a0-0000-7000-8000-00000000e001";

fn caseload(test: &str) -> Caseload {
    let db = team_database(test);
    db.admin()
        .batch_execute(&format!(
            "INSERT INTO passport.settings (id, name, kind) VALUES
                ('{OAKFIELD}', 'Oakfield Primary', 'school'),
                ('{BEECH}', 'Beech Hill Academy', 'school');
             INSERT INTO passport.children (id, given_name, family_name, date_of_birth,
                nhs_number, setting_id, home_address, home_postcode, created_at, updated_at)
             VALUES
                ('{AMARA}', 'Amara', 'Okafor', '2016-05-01', '9990000018', '{OAKFIELD}',
                 '1 Home Lane', 'ZZ1 1ZZ', now(), now()),
                ('{BEN}', 'Ben', 'Ashworth', '2015-02-03', '9990000026', '{BEECH}',
                 '2 Other Road', 'ZZ2 2ZZ', now(), now());
             INSERT INTO passport.items (id, child_id, category, name, where_used, status,
                staff_needed, wheelchair, created_at, updated_at)
             VALUES ('{AMARA_CHAIR}', '{AMARA}', 'wheelchair', 'Manual wheelchair', 'both',
                'in_use', 1, '{{\"frame\": \"rigid\", \"budget\": \"notional\"}}', now(), now());
             INSERT INTO passport.contacts (id, child_id, position, name, role, notes)
             VALUES (gen_random_uuid(), '{AMARA}', 0, 'Mrs Okafor', 'parent',
                'Prefers calls after 3pm; private family matter');
             INSERT INTO passport.dfg_cases (id, child_id, property_address, tenure,
                jurisdiction, opened_at, updated_at)
             VALUES (gen_random_uuid(), '{AMARA}', '1 Home Lane', 'owner', 'england', now(), now());"
        ))
        .unwrap();
    let (therapist, lead, school) = (login(&db, "ot"), login(&db, "lead"), login(&db, "senco"));
    let mut admin = db.admin();
    users::add_user(&mut admin, &therapist, TeamRole::Therapist, &[], PASSWORD).unwrap();
    users::add_user(&mut admin, &lead, TeamRole::Lead, &[], PASSWORD).unwrap();
    users::add_user(
        &mut admin,
        &school,
        TeamRole::School,
        &[OAKFIELD.parse().unwrap()],
        PASSWORD,
    )
    .unwrap();
    Caseload {
        db,
        therapist,
        lead,
        school,
    }
}

#[test]
fn a_school_login_in_psql_reads_only_its_own_pupils_school_copy_fields() {
    let c = caseload("school_reads");
    let (db, school) = (&c.db, c.school.as_str());
    assert_eq!(
        psql(
            db,
            school,
            "SELECT given_name FROM passport.school_children"
        )
        .unwrap(),
        "Amara"
    );
    assert_eq!(
        psql(
            db,
            school,
            &format!("SELECT count(*) FROM passport.school_children WHERE id = '{BEN}'")
        )
        .unwrap(),
        "0"
    );
    assert_eq!(
        psql(db, school, "SELECT name FROM passport.school_settings_view").unwrap(),
        "Oakfield Primary"
    );
    // The wheelchair's details reach the school; its budget does not.
    assert_eq!(
        psql(db, school, "SELECT wheelchair FROM passport.school_items").unwrap(),
        r#"{"frame": "rigid"}"#
    );
    assert_eq!(
        psql(db, school, "SELECT name FROM passport.school_contacts").unwrap(),
        "Mrs Okafor"
    );
    for (sql, why) in [
        (
            "SELECT given_name FROM passport.children",
            "permission denied",
        ),
        (
            "SELECT home_address FROM passport.children",
            "permission denied",
        ),
        (
            "SELECT nhs_number FROM passport.children",
            "permission denied",
        ),
        (
            "SELECT home_address FROM passport.school_children",
            "does not exist",
        ),
        (
            "SELECT nhs_number FROM passport.school_children",
            "does not exist",
        ),
        ("SELECT wheelchair FROM passport.items", "permission denied"),
        ("SELECT * FROM passport.dfg_cases", "permission denied"),
        ("SELECT * FROM passport.dfg_notes", "permission denied"),
        ("SELECT notes FROM passport.contacts", "permission denied"),
        (
            "SELECT notes FROM passport.school_contacts",
            "does not exist",
        ),
        ("SELECT * FROM passport.changes", "permission denied"),
        ("SELECT * FROM passport.conflicts", "permission denied"),
        (
            "SELECT * FROM passport.school_settings",
            "permission denied",
        ),
    ] {
        let error = refused(psql(db, school, sql));
        assert!(error.contains(why), "{sql}: {error}");
    }
}

#[test]
fn a_school_login_in_psql_writes_nothing_but_the_issued_copy_register() {
    let c = caseload("school_writes");
    let (db, school) = (&c.db, c.school.as_str());
    let copy = |child: &str, audience: &str| {
        format!(
            "INSERT INTO passport.issued_copies (id, child_id, audience, format, large_print,
                printed_on, printed_at, version, content_hash, template)
             VALUES (gen_random_uuid(), '{child}', '{audience}', 'a4', false, '2026-11-22',
                now(), 1, 'abc', 'default')"
        )
    };
    psql(db, school, &copy(AMARA, "school")).unwrap();
    assert_eq!(
        psql(
            db,
            school,
            "SELECT audience || ' by ' || issued_by FROM passport.issued_copies"
        )
        .unwrap(),
        format!("school by {school}")
    );
    for sql in [
        copy(BEN, "school"),
        copy(AMARA, "family"),
        format!("UPDATE passport.children SET class_name = '5B' WHERE id = '{AMARA}'"),
        format!("UPDATE passport.school_children SET class_name = '5B' WHERE id = '{AMARA}'"),
        format!("DELETE FROM passport.items WHERE id = '{AMARA_CHAIR}'"),
        "INSERT INTO passport.settings (id, name, kind) VALUES (gen_random_uuid(), 'X', 'school')"
            .to_owned(),
        format!("INSERT INTO passport.school_settings VALUES (session_user, '{BEECH}')"),
        "UPDATE passport.issued_copies SET audience = 'family'".to_owned(),
        "DELETE FROM passport.issued_copies".to_owned(),
        format!(
            "SELECT passport.apply_change(gen_random_uuid(), 'child', '{AMARA}', 'class_name', '\"\"', '\"5B\"')"
        ),
        "CREATE TABLE passport.mine (x int)".to_owned(),
        "CREATE TABLE public.mine (x int)".to_owned(),
    ] {
        let error = refused(psql(db, school, &sql));
        assert!(
            error.contains("permission denied") || error.contains("row-level security"),
            "{sql}: {error}"
        );
    }
    let classes = db
        .admin()
        .query_one("SELECT count(*) FROM passport.issued_copies", &[])
        .unwrap()
        .get::<_, i64>(0);
    assert_eq!(classes, 1);
}

#[test]
fn a_therapist_reads_the_whole_caseload_and_changes_it_only_through_apply_change() {
    let c = caseload("therapist_reads");
    let (db, ot) = (&c.db, c.therapist.as_str());
    assert_eq!(
        psql(db, ot, "SELECT string_agg(given_name || ':' || home_address || ':' || nhs_number, ',' ORDER BY given_name) FROM passport.children")
            .unwrap(),
        "Amara:1 Home Lane:9990000018,Ben:2 Other Road:9990000026"
    );
    assert_eq!(
        psql(db, ot, "SELECT count(*) FROM passport.dfg_cases").unwrap(),
        "1"
    );
    assert_eq!(
        psql(db, ot, "SELECT wheelchair ->> 'budget' FROM passport.items").unwrap(),
        "notional"
    );
    let error = refused(psql(
        db,
        ot,
        &format!("UPDATE passport.children SET class_name = '5B' WHERE id = '{AMARA}'"),
    ));
    assert!(error.contains("permission denied"), "{error}");
    assert_eq!(
        psql(
            db,
            ot,
            &format!("SELECT passport.apply_change(gen_random_uuid(), 'child', '{AMARA}', 'class_name', '\"\"', '\"5B\"')")
        )
        .unwrap(),
        "applied"
    );
    assert_eq!(
        psql(
            db,
            ot,
            "SELECT field || ' ' || after::text || ' by ' || author FROM passport.changes"
        )
        .unwrap(),
        format!("class_name \"5B\" by {ot}")
    );
    // Settings are the lead's to change.
    let error = refused(psql(
        db,
        ot,
        &format!(
            "SELECT passport.apply_change(gen_random_uuid(), 'setting', '{OAKFIELD}', 'phone', '\"\"', '\"0100\"')"
        ),
    ));
    assert!(error.contains("may not change a setting"), "{error}");
    assert_eq!(
        psql(
            db,
            &c.lead,
            &format!("SELECT passport.apply_change(gen_random_uuid(), 'setting', '{OAKFIELD}', 'phone', '\"\"', '\"0100\"')")
        )
        .unwrap(),
        "applied"
    );
}

#[test]
fn the_change_log_is_append_only_for_every_app_role_and_the_owner() {
    let c = caseload("append_only");
    let db = &c.db;
    psql(
        db,
        &c.therapist,
        &format!("SELECT passport.apply_change(gen_random_uuid(), 'child', '{AMARA}', 'class_name', '\"\"', '\"5B\"')"),
    )
    .unwrap();
    for user in [&c.therapist, &c.lead, &c.school] {
        for sql in [
            "UPDATE passport.changes SET author = 'someone else'",
            "DELETE FROM passport.changes",
            "TRUNCATE passport.changes",
            "INSERT INTO passport.changes (change_id, kind, record_id) VALUES (gen_random_uuid(), 'child', gen_random_uuid())",
        ] {
            let error = refused(psql(db, user, sql));
            assert!(
                error.contains("permission denied"),
                "{user}: {sql}: {error}"
            );
        }
    }
    let mut admin = db.admin();
    for sql in [
        "UPDATE passport.changes SET author = 'x'",
        "DELETE FROM passport.changes",
    ] {
        let error = admin.batch_execute(sql).unwrap_err();
        assert!(
            error.to_string().contains("append-only")
                || format!("{:?}", error.as_db_error()).contains("append-only"),
            "{error}"
        );
    }
    // A DFG case's notes are append-only too, as on the device.
    admin
        .batch_execute(
            "INSERT INTO passport.dfg_notes (id, case_id, author, written_at, text)
             SELECT gen_random_uuid(), id, 'OT', now(), 'Visited' FROM passport.dfg_cases",
        )
        .unwrap();
    let error = admin
        .batch_execute("UPDATE passport.dfg_notes SET text = 'Not visited'")
        .unwrap_err();
    assert!(
        format!("{:?}", error.as_db_error()).contains("case notes are append-only"),
        "{error}"
    );
    let count = admin
        .query_one("SELECT count(*) FROM passport.changes", &[])
        .unwrap()
        .get::<_, i64>(0);
    assert_eq!(count, 1);
}

/// `user` pushes change number `n` (the rest of apply_change's arguments, as SQL); returns
/// the server's verdict.
fn push(db: &Database, user: &str, n: u32, change: &str) -> String {
    let sql = format!("SELECT passport.apply_change('{}', {change})", change_id(n));
    psql(db, user, &sql).unwrap_or_else(|e| panic!("{e}"))
}

fn change_id(n: u32) -> String {
    format!("0190f5a0-0000-7000-8000-{n:012}")
}

/// A field of a record changed from `before` to `after` (JSON, or NULL).
fn edit(kind: &str, record: &str, field: &str, before: &str, after: &str) -> String {
    let json = |v: &str| match v {
        "NULL" => "NULL".to_owned(),
        v => format!("'{v}'::jsonb"),
    };
    format!(
        "'{kind}', '{record}', '{field}', {}, {}",
        json(before),
        json(after)
    )
}

/// A record made with these fields (a JSON object).
fn make(kind: &str, record: &str, fields: &str) -> String {
    format!("'{kind}', '{record}', NULL, NULL, '{fields}'::jsonb")
}

fn delete(kind: &str, record: &str) -> String {
    format!("'{kind}', '{record}', NULL, '{{}}'::jsonb, NULL")
}

#[test]
fn apply_change_is_compare_and_set_per_field_and_idempotent() {
    let c = caseload("apply_change");
    let (db, ot) = (&c.db, c.therapist.as_str());
    let class = || {
        let sql = format!("SELECT class_name FROM passport.children WHERE id = '{AMARA}'");
        db.admin().query_one(&sql, &[]).unwrap().get::<_, String>(0)
    };
    let to_4a = edit("child", AMARA, "class_name", r#""""#, r#""4A""#);
    // Applied when the server still holds the editor's "before".
    assert_eq!(push(db, ot, 1, &to_4a), "applied");
    assert_eq!(class(), "4A");
    // The same change again (a push repeated after a lost reply) does nothing twice.
    assert_eq!(push(db, ot, 1, &to_4a), "duplicate");
    // Another device made the same edit: nothing to do, no conflict.
    assert_eq!(push(db, ot, 2, &to_4a), "already");
    // Another device saw the old value and chose another: a conflict, both values kept.
    let to_4b = edit("child", AMARA, "class_name", r#""""#, r#""4B""#);
    assert_eq!(push(db, ot, 3, &to_4b), "conflict");
    assert_eq!(class(), "4A");
    let kept =
        "SELECT before::text || ' ' || theirs::text || ' ' || mine::text FROM passport.conflicts";
    assert_eq!(psql(db, ot, kept).unwrap(), r#""" "4A" "4B""#);
    // A different field of the same record merges.
    let helps = edit("child", AMARA, "what_helps", r#""""#, r#""Quiet room""#);
    assert_eq!(push(db, ot, 4, &helps), "applied");
    assert_eq!(class(), "4A");
    // A date from nothing to a day.
    let review = edit(
        "item",
        AMARA_CHAIR,
        "review_date",
        "NULL",
        r#""2027-03-03""#,
    );
    assert_eq!(push(db, ot, 5, &review), "applied");

    // A record made (the fields left out take their defaults), then deleted; an edit or a
    // remake after the deletion is a conflict, not a resurrection.
    let chair = "0190f5a0-0000-7000-8000-00000000e002";
    let fields = format!(
        r#"{{"child_id": "{AMARA}", "category": "seating", "name": "Chair", "where_used": "school", "status": "in_use", "staff_needed": 1, "created_at": "2026-11-22T10:00:00Z", "updated_at": "2026-11-22T10:00:00Z"}}"#
    );
    assert_eq!(push(db, ot, 6, &make("item", chair, &fields)), "applied");
    assert_eq!(push(db, ot, 7, &make("item", chair, &fields)), "already");
    assert_eq!(push(db, ot, 8, &delete("item", chair)), "applied");
    let rename = edit("item", chair, "name", r#""Chair""#, r#""Tilt chair""#);
    assert_eq!(push(db, ot, 9, &rename), "conflict");
    assert_eq!(push(db, ot, 10, &make("item", chair, &fields)), "conflict");
    let left = format!("SELECT count(*) FROM passport.items WHERE id = '{chair}'");
    assert_eq!(psql(db, ot, &left).unwrap(), "0");

    // Every accepted change is in the log once, in order, with the login that pushed it.
    let log = "SELECT string_agg(right(change_id::text, 2) || ':' || (author = session_user)::text, ',' ORDER BY seq) FROM passport.changes";
    assert_eq!(
        psql(db, ot, log).unwrap(),
        "01:true,04:true,05:true,06:true,08:true"
    );
    // A field that is not the record's, or its id, is refused outright.
    let error = refused(psql(
        db,
        ot,
        &format!(
            "SELECT passport.apply_change(gen_random_uuid(), {})",
            edit("child", AMARA, "no_such", "NULL", "1")
        ),
    ));
    assert!(error.contains("has no field"), "{error}");
    let error = refused(psql(
        db,
        ot,
        &format!(
            "SELECT passport.apply_change(gen_random_uuid(), {})",
            edit("child", AMARA, "id", "NULL", "1")
        ),
    ));
    assert!(error.contains("never changes"), "{error}");
}

#[test]
fn each_way_a_connection_fails_has_its_own_one_line_error() {
    let db = pg_cluster::database("tls");
    let cluster = db.cluster;
    let mut admin = db.admin();
    schema::init(&mut admin).unwrap();
    let ot = login(&db, "ot");
    users::add_user(&mut admin, &ot, TeamRole::Therapist, &[], PASSWORD).unwrap();
    let connect = |text: &str, password: &str| {
        client::connect(&conn::parse(text).unwrap(), Some(password)).map(|_| ())
    };

    // The right server, CA and password: connected, over TLS.
    let mut client =
        client::connect(&conn::parse(&db.tls_conn(&ot)).unwrap(), Some(PASSWORD)).unwrap();
    let encrypted = client
        .query_one(
            "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()",
            &[],
        )
        .unwrap();
    assert!(encrypted.get::<_, bool>(0));
    connect(&cluster.tls_conn("127.0.0.1", &db.name, &ot), PASSWORD).unwrap();

    let mut messages = Vec::new();
    let another_host =
        connect(&cluster.tls_conn("127.0.0.2", &db.name, &ot), PASSWORD).unwrap_err();
    assert!(
        matches!(&another_host, TeamError::Certificate { reason, .. } if reason.contains("mismatch")),
        "{another_host}"
    );
    messages.push(another_host.to_string());

    let untrusted = db.tls_conn(&ot).replace(
        &cluster.ca.display().to_string(),
        &cluster.other_ca.display().to_string(),
    );
    let untrusted = connect(&untrusted, PASSWORD).unwrap_err();
    assert!(
        matches!(untrusted, TeamError::Certificate { .. }),
        "{untrusted}"
    );

    let wrong = connect(&db.tls_conn(&ot), "not the password").unwrap_err();
    assert!(matches!(wrong, TeamError::WrongPassword { .. }), "{wrong}");
    messages.push(wrong.to_string());

    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = closed.local_addr().unwrap().port();
    drop(closed);
    let nowhere = db
        .tls_conn(&ot)
        .replace(&format!("port={}", cluster.port), &format!("port={port}"));
    let unreachable = connect(&nowhere, PASSWORD).unwrap_err();
    assert!(
        matches!(unreachable, TeamError::Unreachable { .. }),
        "{unreachable}"
    );
    messages.push(unreachable.to_string());

    // Over the socket a login still needs its password; without one it is asked for.
    let over_socket = conn::parse(&cluster.socket_conn(&db.name, &ot)).unwrap();
    let asked = client::connect(&over_socket, None).map(|_| ()).unwrap_err();
    assert!(matches!(asked, TeamError::PasswordNeeded { .. }), "{asked}");
    messages.push(asked.to_string());

    for message in &messages {
        assert!(!message.contains('\n'), "{message}");
    }
    let distinct: std::collections::BTreeSet<&String> = messages.iter().collect();
    assert_eq!(distinct.len(), 4);
    assert!(
        messages[0].starts_with("the certificate of the team server 127.0.0.2:"),
        "{}",
        messages[0]
    );
    assert!(
        messages[1].starts_with(&format!(
            "the team server localhost:{} refused the password of",
            cluster.port
        )),
        "{}",
        messages[1]
    );
    assert!(
        messages[2].starts_with("the team server localhost:"),
        "{}",
        messages[2]
    );

    // The CLI says the same on one line.
    let mut cmd = team(&["users"], &cluster.tls_conn("127.0.0.2", &db.name, &ot));
    cmd.env("PASSPORT_TEAM_PASSWORD", PASSWORD)
        .assert()
        .failure()
        .stderr(predicate::str::starts_with(
            "error: the certificate of the team server 127.0.0.2:",
        ))
        .stderr(predicate::str::contains("mismatch"))
        .stderr(predicate::function(|e: &str| e.lines().count() == 1));
    team(&["users"], &db.tls_conn(&ot))
        .env("PASSPORT_TEAM_PASSWORD", "not the password")
        .assert()
        .failure()
        .stderr(predicate::str::contains("refused the password"));
}

#[test]
fn a_plain_connection_over_the_network_is_refused_before_connecting() {
    let db = pg_cluster::database("plain_tcp");
    team(
        &["init"],
        &format!("host=localhost port={} dbname={}", db.cluster.port, db.name),
    )
    .assert()
    .failure()
    .stderr("error: the server localhost is reached over the network, so the connection string needs sslmode=verify-full\n");
    team(&["init"], &format!("{} password=x", db.admin_conn()))
        .assert()
        .failure()
        .stderr(predicate::str::contains("has a password"));
}
