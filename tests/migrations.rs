//! Schema migrations: every old-schema fixture upgrades to the current schema with its data
//! intact; a database from a newer app is refused, never guessed at.

use crate::support::*;
use equipment_passport::clock::FixedClock;
use equipment_passport::model::*;
use equipment_passport::store::{SCHEMA_VERSION, Store};
use equipment_passport::{Api, Error};
use rusqlite::Connection;
use std::path::Path;
use std::sync::Arc;

fn open(dir: &Path) -> Result<Api, Error> {
    Api::open(dir, None, Arc::new(FixedClock::on(today())))
}

/// Builds `passport.db` in `dir` from a committed SQL dump written by an older version.
fn restore_fixture(dir: &Path, sql: &str) {
    let conn = Connection::open(dir.join("passport.db")).unwrap();
    conn.execute_batch(sql).unwrap();
}

#[test]
fn a_new_database_is_at_the_current_version_with_safe_pragmas() {
    let dir = tempfile::tempdir().unwrap();
    let api = open(dir.path()).unwrap();
    let check = api.check_database().unwrap();
    assert_eq!(check.schema_version, SCHEMA_VERSION);
    assert!(check.ok());
    let conn = api.store().conn();
    let fk: i64 = conn
        .pragma_query_value(None, "foreign_keys", |r| r.get(0))
        .unwrap();
    let journal: String = conn
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .unwrap();
    assert_eq!((fk, journal.as_str()), (1, "wal"));
}

#[test]
fn opening_twice_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut api = open(dir.path()).unwrap();
    add_child(&mut api, "Zoë", "Hughes");
    drop(api);
    let api = open(dir.path()).unwrap();
    assert_eq!(api.check_database().unwrap().children, 1);
}

#[test]
fn version_1_caseload_upgrades_with_its_data() {
    let dir = tempfile::tempdir().unwrap();
    restore_fixture(dir.path(), include_str!("fixtures/caseload_v1.sql"));
    let api = open(dir.path()).unwrap();
    let check = api.check_database().unwrap();
    assert_eq!(check.schema_version, SCHEMA_VERSION);
    assert!(check.ok(), "{:?}", check.problems);
    let found = api.search_children("zoe", None, 10).unwrap();
    assert_eq!(found.children.len(), 1);
    let record = api.child(found.children[0].id).unwrap();
    assert_eq!(record.child.details.given_name, "Zoë");
    assert_eq!(record.child.details.nhs_number, "9990000018");
    // Key statements came in version 7: a child from before has none, not a broken list.
    assert!(record.child.details.key_statements.is_empty());
    // Handling plans came in version 8: a child from before has an empty one.
    assert!(api.handling_plan(record.child.id).unwrap().is_empty());
    // Evacuation plans came in version 14: a child from before has none.
    assert!(api.evacuation_plans(record.child.id).unwrap().is_empty());
    // The staff-trained register came in version 10: a child from before has an empty one.
    assert!(api.training_for_child(record.child.id).unwrap().is_empty());
    let hoist = record
        .items
        .iter()
        .find(|i| i.details.category == Category::Hoist)
        .unwrap();
    assert_eq!(hoist.photos.len(), 1);
    let log = api.item(hoist.id).unwrap().service_log;
    assert_eq!(log[0].details.kind, ServiceKind::LolerExamination);
    // Examination reports came in version 12: an examination from before has none.
    assert_eq!(log[0].details.examination, None);
    assert_eq!(api.due_list(3650).unwrap().len(), 1);
    // Its photo predates print copies: the passport still prints it, resized at print time.
    let mut api = api;
    let printed = api
        .render_passport(
            record.child.id,
            equipment_passport::api::PrintRequest {
                audience: equipment_passport::passport::Audience::Family,
                format: equipment_passport::passport::Format::A4,
                large_print: false,
            },
        )
        .unwrap();
    let pdf = lopdf::Document::load_mem(&printed.pdf).unwrap();
    let images = pdf
        .objects
        .values()
        .filter(|o| {
            o.as_stream().is_ok_and(|s| {
                s.dict.get(b"Subtype").and_then(|t| t.as_name()).ok() == Some(b"Image")
            })
        })
        .count();
    assert_eq!(images, 1, "the hoist's photo is in the passport");
}

/// The version 1 fixture brought to version 10 (the last before schedules), then given what
/// version 10 kept as due dates: the chair's review date and two services, and a sling never
/// examined beside the hoist examined on 1 June 2026.
fn version_10_caseload(dir: &Path) {
    restore_fixture(dir, include_str!("fixtures/caseload_v1.sql"));
    let mut conn = Connection::open(dir.join("passport.db")).unwrap();
    equipment_passport::store::migrate_to(&mut conn, 10).unwrap();
    conn.execute_batch(
        "UPDATE items SET review_date = '2027-02-03'
             WHERE id = '01a2058e-eebf-70f3-b6d2-598b7f7c04db';
         INSERT INTO service_records (id, item_id, kind, date, by_whom, outcome, notes, next_due,
             recorded_at)
         VALUES ('01a2058e-ef00-7000-8000-000000000001', '01a2058e-eebf-70f3-b6d2-598b7f7c04db',
                 'service', '2025-01-10', 'Seating Co', 'pass', '', '2026-01-10',
                 '2025-01-10 10:00:00+00:00'),
                ('01a2058e-ef00-7000-8000-000000000002', '01a2058e-eebf-70f3-b6d2-598b7f7c04db',
                 'service', '2026-01-15', 'Seating Co', 'pass', '', '2027-01-15',
                 '2026-01-15 10:00:00+00:00');
         INSERT INTO items (id, child_id, category, name, where_used, issue_date, status,
             staff_needed, created_at, updated_at)
         VALUES ('01a2058e-ef00-7000-8000-000000000003', '01a2058e-ee3b-76c1-90b7-3ed6f5a87a41',
                 'sling', 'Hammock sling', 'school', '2026-10-01', 'in-use', 2,
                 '2026-10-01 09:00:00+00:00', '2026-10-01 09:00:00+00:00');",
    )
    .unwrap();
}

#[test]
fn version_10_review_dates_and_records_become_schedules_with_the_same_due_dates() {
    let dir = tempfile::tempdir().unwrap();
    version_10_caseload(dir.path());
    let api = open(dir.path()).unwrap();
    assert!(api.check_database().unwrap().ok());

    let due: Vec<(String, DueKind, chrono::NaiveDate, bool)> = api
        .due_list(3650)
        .unwrap()
        .into_iter()
        .map(|e| (e.subject, e.kind, e.due_date, e.never_done))
        .collect();
    assert_eq!(
        due,
        vec![
            (
                "Hammock sling".into(),
                DueKind::Loler,
                date(2026, 10, 1),
                true
            ),
            (
                "Mobile hoist".into(),
                DueKind::Loler,
                date(2026, 12, 1),
                false
            ),
            (
                "Classroom chair".into(),
                DueKind::Service,
                date(2027, 1, 15),
                false
            ),
            (
                "Classroom chair".into(),
                DueKind::Review,
                date(2027, 2, 3),
                false
            ),
        ],
        "the same dates version 10 listed, now each a schedule's"
    );
    assert!(
        api.due_list(3650)
            .unwrap()
            .iter()
            .all(|e| e.child_name == "Zoë Hughes" && e.schedule_id.is_some())
    );

    let schedules = |id: &str| -> Vec<(ScheduleKind, u32, Option<chrono::NaiveDate>)> {
        api.schedules_of_item(id.parse().unwrap())
            .unwrap()
            .into_iter()
            .map(|s| (s.kind, s.every_months, s.last_done))
            .collect()
    };
    assert_eq!(
        schedules("01a2058e-ee63-757b-b870-ad9b5babd9b4"),
        [(ScheduleKind::Loler, 6, Some(date(2026, 6, 1)))],
        "the hoist: every six months, as its record said"
    );
    assert_eq!(
        schedules("01a2058e-eebf-70f3-b6d2-598b7f7c04db"),
        [
            (ScheduleKind::Service, 12, Some(date(2026, 1, 15))),
            (ScheduleKind::Review, 12, None),
        ],
        "the chair: its newest service and its review"
    );
    assert_eq!(
        schedules("01a2058e-ef00-7000-8000-000000000003"),
        [(ScheduleKind::Loler, 6, None)],
        "the sling: never examined, due from its issue"
    );
    // The conversion is not a change anyone made: History holds no schedule until one is.
    let zoe = "01a2058e-ee3b-76c1-90b7-3ed6f5a87a41".parse().unwrap();
    assert!(
        api.child_history(zoe)
            .unwrap()
            .iter()
            .all(|e| e.record.kind != equipment_passport::api::RecordKind::Schedule)
    );
}

#[test]
fn a_database_from_a_newer_app_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    drop(open(dir.path()).unwrap());
    let conn = Connection::open(dir.path().join("passport.db")).unwrap();
    conn.pragma_update(None, "user_version", SCHEMA_VERSION + 3)
        .unwrap();
    drop(conn);
    match open(dir.path()) {
        Err(Error::DatabaseTooNew { found, supported }) => {
            assert_eq!((found, supported), (SCHEMA_VERSION + 3, SCHEMA_VERSION));
        }
        Err(other) => panic!("expected DatabaseTooNew, got {other:?}"),
        Ok(_) => panic!("a newer database was opened"),
    }
    let err = open(dir.path()).err().unwrap();
    assert!(
        err.to_string().contains("install the newer version"),
        "{err}"
    );
}

#[test]
fn a_file_that_is_not_a_database_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("passport.db");
    std::fs::write(
        &path,
        b"these are my notes, not a database, and long enough to matter",
    )
    .unwrap();
    assert!(open(dir.path()).is_err());
    assert_eq!(
        std::fs::read(&path).unwrap(),
        b"these are my notes, not a database, and long enough to matter"
    );
}

#[test]
fn an_upgraded_caseload_audits_changes_to_records_it_already_held() {
    use equipment_passport::api::{AuditAction, RecordKind};
    let dir = tempfile::tempdir().unwrap();
    restore_fixture(dir.path(), include_str!("fixtures/caseload_v1.sql"));
    let mut api = open(dir.path()).unwrap();
    let zoe = api.search_children("zoe", None, 10).unwrap().children[0].id;
    assert!(
        api.child_history(zoe).unwrap().is_empty(),
        "history starts at the upgrade"
    );

    let mut details = api.child(zoe).unwrap().child.details;
    details.class_name = "Year 5".into();
    details.key_statements.red = vec!["Never lift me without two adults".into()];
    api.update_child(zoe, details).unwrap();
    let update = &api.history(zoe).unwrap()[0];
    assert_eq!(update.action, AuditAction::Update);
    let new_value = |field: &str| {
        update
            .changes
            .iter()
            .find(|c| c.field == field)
            .and_then(|c| c.new.clone())
    };
    assert_eq!(new_value("class_name").as_deref(), Some("Year 5"));
    // The triggers version 7 put in place of version 4's follow the new columns too.
    assert_eq!(
        new_value("key_statements_red").as_deref(),
        Some("Never lift me without two adults")
    );
    assert_eq!(
        api.child(zoe).unwrap().child.details.key_statements.red,
        vec!["Never lift me without two adults"]
    );

    // Deleting the child logs each of the old records it takes with it, under the child.
    api.delete_child(zoe).unwrap();
    let history = api.child_history(zoe).unwrap();
    for kind in [
        RecordKind::Child,
        RecordKind::Item,
        RecordKind::Photo,
        RecordKind::ServiceRecord,
    ] {
        assert!(
            history
                .iter()
                .any(|e| e.record.kind == kind && e.action == AuditAction::Delete),
            "{kind:?}"
        );
    }
    assert!(api.check_database().unwrap().ok());
}

#[test]
fn an_upgraded_caseload_records_an_examination_report_and_audits_it() {
    use equipment_passport::api::{AuditAction, RecordKind};
    let dir = tempfile::tempdir().unwrap();
    restore_fixture(dir.path(), include_str!("fixtures/caseload_v1.sql"));
    let mut api = open(dir.path()).unwrap();
    let zoe = api.search_children("zoe", None, 10).unwrap().children[0].id;
    let hoist = api
        .child(zoe)
        .unwrap()
        .items
        .into_iter()
        .find(|i| i.details.category == Category::Hoist)
        .unwrap();
    let mut report = ExaminationReport::safe(IntervalBasis::SixMonths);
    report.safe_to_operate = false;
    report.defects = vec![Defect {
        description: "Lifting tape frayed".into(),
        danger_now: true,
        repair_needed: String::new(),
        repair_by: None,
    }];
    let details = ServiceRecordDetails {
        examination: Some(report),
        ..record(ServiceKind::LolerExamination, today())
    };
    api.add_service_record(hoist.id, details).unwrap();

    assert_eq!(
        api.item(hoist.id).unwrap().item.details.status,
        ItemStatus::NotSafe
    );
    let history = api.child_history(zoe).unwrap();
    let created = history
        .iter()
        .find(|e| e.record.kind == RecordKind::ServiceRecord && e.action == AuditAction::Create)
        .unwrap();
    let logged = created
        .changes
        .iter()
        .find(|c| c.field == "examination")
        .and_then(|c| c.new.clone())
        .unwrap_or_default();
    assert!(logged.contains("Lifting tape frayed"), "{logged}");
    assert!(api.check_database().unwrap().ok());
}

/// A version 1 caseload in which a second child, Zoë's twin record, shares her NHS number:
/// what the CSV import's bug left behind before version 6.
fn caseload_sharing_an_nhs_number(dir: &Path) -> (ChildId, ChildId) {
    restore_fixture(dir, include_str!("fixtures/caseload_v1.sql"));
    let conn = Connection::open(dir.join("passport.db")).unwrap();
    conn.execute_batch(
        "INSERT INTO children (id, given_name, family_name, date_of_birth, nhs_number,
            search_key, sort_key, created_at, updated_at)
         VALUES ('01a2058e-ee3b-76c1-90b7-3ed6f5a87a42', 'Zoe', 'Hughes', '2017-03-14',
            '9990000018', 'zoe hughes ', 'hughes zoe', '2026-11-23 09:00:00+00:00',
            '2026-11-23 09:00:00+00:00');",
    )
    .unwrap();
    (
        "01a2058e-ee3b-76c1-90b7-3ed6f5a87a41".parse().unwrap(),
        "01a2058e-ee3b-76c1-90b7-3ed6f5a87a42".parse().unwrap(),
    )
}

#[test]
fn a_caseload_already_holding_two_children_with_one_nhs_number_still_opens_and_upgrades() {
    let dir = tempfile::tempdir().unwrap();
    let (first, second) = caseload_sharing_an_nhs_number(dir.path());

    let mut api = open(dir.path()).unwrap();

    let check = api.check_database().unwrap();
    assert_eq!(check.schema_version, SCHEMA_VERSION);
    assert_eq!(check.children, 2);
    assert_eq!(
        equipment_passport::store::children::shared_nhs_numbers(api.store().conn()).unwrap(),
        vec![vec![first, second]],
        "the pair is there to be found and corrected, oldest first"
    );
    assert_eq!(
        check.problems,
        vec![format!(
            "children {first}, {second} share an NHS number, which belongs to one child: correct it on the records that are not theirs"
        )],
        "db check reports them"
    );
    // Both stay editable while their number is left as it is ...
    let mut details = api.child(second).unwrap().child.details;
    details.class_name = "Year 4".into();
    api.update_child(second, details.clone()).unwrap();
    // ... and correcting one clears the pair.
    details.nhs_number = String::new();
    api.update_child(second, details).unwrap();
    assert!(api.check_database().unwrap().ok());
}

#[test]
fn after_the_upgrade_the_database_itself_refuses_a_second_child_with_one_nhs_number() {
    let dir = tempfile::tempdir().unwrap();
    let (_, second) = caseload_sharing_an_nhs_number(dir.path());
    let mut api = open(dir.path()).unwrap();
    // Not through the api: as a second writer that skipped its check would.
    let conn = api.store().conn();
    let raw = conn.execute(
        "INSERT INTO children (id, given_name, family_name, date_of_birth, nhs_number,
            search_key, sort_key, created_at, updated_at)
         VALUES ('01a2058e-ee3b-76c1-90b7-3ed6f5a87a43', 'Z', 'H', '2017-03-14', '9990000018',
            'z h', 'h z', '2026-11-23 09:00:00+00:00', '2026-11-23 09:00:00+00:00')",
        [],
    );
    let message = raw.unwrap_err().to_string();
    assert!(
        message.contains("another child already has this NHS number"),
        "{message}"
    );
    // A child moved off the shared number cannot be moved back onto it.
    let mut details = api.child(second).unwrap().child.details;
    details.nhs_number = String::new();
    api.update_child(second, details).unwrap();
    let back = api.store().conn().execute(
        "UPDATE children SET nhs_number = '9990000018' WHERE id = ?1",
        [second.to_string()],
    );
    assert!(back.is_err());
    // Empty numbers are "not recorded" and never clash.
    assert!(
        api.store()
            .conn()
            .execute(
                "UPDATE children SET nhs_number = '' WHERE nhs_number = '9990000018'",
                [],
            )
            .is_ok()
    );
}

#[test]
fn a_spreadsheet_row_for_an_nhs_number_two_children_share_is_refused_not_guessed() {
    use equipment_passport::api::CsvImportMode;
    let dir = tempfile::tempdir().unwrap();
    let (first, second) = caseload_sharing_an_nhs_number(dir.path());
    let mut api = open(dir.path()).unwrap();
    let items = |api: &Api| {
        api.items_of_child(first).unwrap().len() + api.items_of_child(second).unwrap().len()
    };
    let before = items(&api);

    let report = api
        .import_equipment_csv(
            b"NHS number,Category,Item name\n999 000 0018,Walker,Kaye walker\n",
            CsvImportMode::AllOrNothing,
        )
        .unwrap();

    assert_eq!(report.errors.len(), 1, "{:?}", report.errors);
    let message = &report.errors[0].message;
    assert!(
        message.contains(&first.to_string()) && message.contains(&second.to_string()),
        "{message}"
    );
    assert!(!message.contains("Zo"), "ids, never names: {message}");
    assert_eq!(items(&api), before, "nothing was put on either child");
}

/// Columns the audit triggers leave out on purpose, as (table, column, why). Anything else a
/// table gains must be named by its triggers, or a change to it would leave no entry.
const COLUMNS_NOT_AUDITED: &[(&str, &str, &str)] = &[
    (
        "settings",
        "search_key",
        "derived from the name, for search",
    ),
    (
        "children",
        "search_key",
        "derived from the names and NHS number, for search",
    ),
    (
        "children",
        "sort_key",
        "derived from the names, for ordering lists",
    ),
    (
        "children",
        "updated_at",
        "bookkeeping: every entry carries its own time",
    ),
    (
        "items",
        "updated_at",
        "bookkeeping: every entry carries its own time",
    ),
    (
        "items",
        "sling_id",
        "a copy of the sling details' id, which are audited",
    ),
    (
        "dfg_cases",
        "updated_at",
        "bookkeeping: every entry carries its own time",
    ),
    (
        "photos",
        "jpeg",
        "photo bytes: their SHA-256, width and height are audited",
    ),
    (
        "photos",
        "thumbnail",
        "made from the photo, whose fingerprint is audited",
    ),
    (
        "photos",
        "print_jpeg",
        "made from the photo, whose fingerprint is audited",
    ),
];

/// Tables without audit triggers, as (table, why). Every other table holds what people entered.
const TABLES_NOT_AUDITED: &[(&str, &str)] = &[
    ("audit_log", "the trail itself, which refuses every change"),
    (
        "item_due",
        "derived: the due dates worked out from items and service records",
    ),
];

/// A schema object's SQL with every run of white space as one space.
fn squashed(sql: &str) -> String {
    sql.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether `sql` names `reference` (`NEW.name`) as a whole word, not as the start of a longer
/// name (`NEW.name_key`).
fn names(sql: &str, reference: &str) -> bool {
    let is_word = |c: char| c.is_alphanumeric() || c == '_';
    sql.match_indices(reference).any(|(at, _)| {
        let before = sql[..at].chars().next_back();
        let after = sql[at + reference.len()..].chars().next();
        !before.is_some_and(is_word) && !after.is_some_and(is_word)
    })
}

/// One audited table's three triggers' SQL, squashed: (on insert, on update, on delete).
struct AuditTriggers {
    insert: String,
    update: String,
    delete: String,
}

/// Every table's audit triggers (those writing to audit_log), by table, in the migrated schema.
fn audit_triggers(conn: &Connection) -> std::collections::BTreeMap<String, AuditTriggers> {
    let mut stmt = conn
        .prepare("SELECT tbl_name, sql FROM sqlite_master WHERE type = 'trigger'")
        .unwrap();
    let triggers: Vec<(String, String)> = stmt
        .query_map([], |r| Ok((r.get(0)?, squashed(&r.get::<_, String>(1)?))))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let mut by_table = std::collections::BTreeMap::new();
    for (table, _) in triggers
        .iter()
        .filter(|(_, sql)| sql.contains("INSERT INTO audit_log"))
    {
        let on = |event: &str| {
            let header = format!("{event} ON {table} ");
            let found: Vec<&String> = triggers
                .iter()
                .filter(|(t, sql)| t == table && sql.contains("INSERT INTO audit_log"))
                .map(|(_, sql)| sql)
                .filter(|sql| sql.contains(&header))
                .collect();
            assert_eq!(
                found.len(),
                1,
                "{table} has {} audit triggers on {event}",
                found.len()
            );
            found[0].clone()
        };
        by_table.insert(
            table.clone(),
            AuditTriggers {
                insert: on("INSERT"),
                update: on("UPDATE"),
                delete: on("DELETE"),
            },
        );
    }
    by_table
}

fn tables(conn: &Connection) -> Vec<String> {
    let mut stmt = conn
        .prepare(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
             ORDER BY name",
        )
        .unwrap();
    stmt.query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

fn columns(conn: &Connection, table: &str) -> Vec<String> {
    let mut stmt = conn
        .prepare("SELECT name FROM pragma_table_info(?1)")
        .unwrap();
    stmt.query_map([table], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

#[test]
fn every_table_people_write_to_has_audit_triggers_or_says_why_not() {
    let store = Store::open_in_memory().unwrap();
    let audited = audit_triggers(store.conn());
    for table in tables(store.conn()) {
        let exempt = TABLES_NOT_AUDITED.iter().any(|(t, _)| *t == table);
        assert!(
            audited.contains_key(&table) != exempt,
            "{table}: audited = {}, listed as not audited = {exempt}",
            audited.contains_key(&table)
        );
    }
}

#[test]
fn every_column_of_an_audited_table_is_named_by_its_triggers_or_says_why_not() {
    let store = Store::open_in_memory().unwrap();
    let conn = store.conn();
    let mut gaps = Vec::new();
    for (table, triggers) in audit_triggers(conn) {
        for column in columns(conn, &table) {
            if COLUMNS_NOT_AUDITED
                .iter()
                .any(|(t, c, _)| *t == table && *c == column)
            {
                continue;
            }
            let (new, old) = (format!("NEW.{column}"), format!("OLD.{column}"));
            // The update trigger fires only WHEN a compared column changed.
            let (when, body) = triggers
                .update
                .split_once(" BEGIN ")
                .expect("a trigger has a body");
            let checks = [
                ("insert logs it", names(&triggers.insert, &new)),
                (
                    "update notices it",
                    names(when, &format!("{old} IS NOT {new}")),
                ),
                ("update logs it before", names(body, &old)),
                ("update logs it after", names(body, &new)),
                ("delete logs it", names(&triggers.delete, &old)),
            ];
            for (what, ok) in checks {
                if !ok {
                    gaps.push(format!("{table}.{column}: no {what}"));
                }
            }
        }
    }
    assert!(
        gaps.is_empty(),
        "columns out of the audit trail:\n{}",
        gaps.join("\n")
    );
}

#[test]
fn every_column_listed_as_not_audited_exists_and_is_left_out() {
    let store = Store::open_in_memory().unwrap();
    let conn = store.conn();
    let audited = audit_triggers(conn);
    for (table, column, why) in COLUMNS_NOT_AUDITED {
        assert!(!why.is_empty());
        assert!(
            columns(conn, table).iter().any(|c| c == column),
            "{table}.{column} is listed as not audited but no longer exists"
        );
        let triggers = &audited[*table];
        assert!(
            !names(&triggers.update, &format!("NEW.{column}")),
            "{table}.{column} is listed as not audited but its trigger names it"
        );
    }
    for (table, why) in TABLES_NOT_AUDITED {
        assert!(!why.is_empty());
        assert!(
            tables(conn).iter().any(|t| t == table),
            "{table} no longer exists"
        );
    }
}

#[test]
fn an_upgraded_caseload_takes_lots_and_dates_of_manufacture_and_safety_notices() {
    use equipment_passport::api::{RecordKind, RecordRef};
    let dir = tempfile::tempdir().unwrap();
    restore_fixture(dir.path(), include_str!("fixtures/caseload_v1.sql"));
    let mut api = open(dir.path()).unwrap();
    let zoe = api.search_children("zoe", None, 10).unwrap().children[0].id;
    let hoist = api
        .child(zoe)
        .unwrap()
        .items
        .into_iter()
        .find(|i| i.details.category == Category::Hoist)
        .unwrap();
    // Version 13 added the columns: an item from before has neither.
    assert_eq!(
        (hoist.details.lot.as_str(), hoist.details.made_on),
        ("", None)
    );
    assert!(api.notices().unwrap().is_empty());

    let mut details = hoist.details.clone();
    details.make = "Oxford".into();
    details.model = "Presence".into();
    api.update_item(hoist.id, details.clone()).unwrap();
    let mut notice = NoticeDetails::new("FSN-1", "Weld", "Oxford", "Presence", today());
    notice.lots = vec!["L1".into()];
    let found = api.add_notice(notice).unwrap();
    assert_eq!(
        found.items[0].matched,
        NoticeMatch::CannotTell,
        "no lot yet"
    );

    details.lot = "L1".into();
    details.made_on = Some(date(2024, 2, 1));
    api.update_item(hoist.id, details).unwrap();
    let found = api.notice(found.notice.id).unwrap();
    assert_eq!(found.items[0].matched, NoticeMatch::Affected);
    // The items' triggers version 13 put in place of version 4's follow the new columns.
    let history = api.item_history(hoist.id).unwrap();
    assert!(
        history.iter().any(|e| e
            .changes
            .iter()
            .any(|c| c.field == "lot" && c.new.as_deref() == Some("L1"))),
        "{history:?}"
    );
    assert!(
        api.history(RecordRef::new(RecordKind::SafetyNotice, found.notice.id))
            .unwrap()
            .len()
            == 1
    );
    assert!(api.check_database().unwrap().ok());
}
