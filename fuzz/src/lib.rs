//! What the fuzz targets share: the caseload every input is imported into, a fingerprint of
//! everything stored in it, and a way to put it back after each input.

use equipment_passport::Api;
use equipment_passport::bundle::ImportOptions;
use equipment_passport::clock::FixedClock;
use equipment_passport::model::*;
use rusqlite::types::ValueRef;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::Arc;

/// The good bundle of the seed corpus, the archive `Api::bundle_zip` wrote for a caseload of
/// one child (Zoë Hughes of the tests: a setting, a photo, a contact, a hoist with a LOLER
/// examination and a sling linked to it, a wheelchair from a supplier). It is already on the
/// fuzzing caseload, so inputs close to it meet a child who exists (skip, replace, copy).
pub const SEED_BUNDLE: &[u8] = include_bytes!("../corpus/bundle_import/good-one-child.zip");

fn date(y: i32, m: u32, d: u32) -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// An in-memory caseload on a fixed day holding the two children and four suppliers the
/// sample CSV (templates/equipment-import-sample.csv) names, and the seed bundle's child.
pub fn caseload() -> Api {
    let mut api = Api::in_memory(Arc::new(FixedClock::on(date(2026, 11, 22)))).unwrap();
    let mut amara = ChildDetails::new("Amara", "Okafor", date(2017, 3, 14));
    amara.nhs_number = "999 000 0026".into();
    api.create_child(amara).unwrap();
    api.create_child(ChildDetails::new("Leo", "Brennan", date(2019, 9, 2)))
        .unwrap();
    for (name, kind) in [
        (
            "Midshire Community Equipment Service",
            SupplierKind::CommunityEquipmentService,
        ),
        ("Heronsgate Lifting Services", SupplierKind::Contractor),
        (
            "Kingsmere Children's Wheelchair Service",
            SupplierKind::WheelchairService,
        ),
        ("Pennine Mobility Repairs", SupplierKind::Repairer),
    ] {
        api.create_supplier(SupplierDetails::new(name, kind))
            .unwrap();
    }
    api.import_bundle_zip(SEED_BUNDLE, &ImportOptions::default())
        .expect("the seed bundle imports into the fuzzing caseload");
    api
}

/// A fingerprint of every row of every table: equal fingerprints mean nothing was written.
pub fn fingerprint(api: &Api) -> u64 {
    let conn = api.store().conn();
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    let mut hasher = DefaultHasher::new();
    for table in tables {
        table.hash(&mut hasher);
        let mut stmt = conn
            .prepare(&format!("SELECT * FROM \"{table}\" ORDER BY rowid"))
            .or_else(|_| conn.prepare(&format!("SELECT * FROM \"{table}\"")))
            .unwrap();
        let columns = stmt.column_count();
        let mut rows = stmt.query([]).unwrap();
        while let Some(row) = rows.next().unwrap() {
            for i in 0..columns {
                match row.get_ref(i).unwrap() {
                    ValueRef::Null => 0u8.hash(&mut hasher),
                    ValueRef::Integer(v) => (1u8, v).hash(&mut hasher),
                    ValueRef::Real(v) => (2u8, v.to_bits()).hash(&mut hasher),
                    ValueRef::Text(v) => (3u8, v).hash(&mut hasher),
                    ValueRef::Blob(v) => (4u8, v).hash(&mut hasher),
                }
            }
        }
    }
    hasher.finish()
}

/// How many rows `sql` (a `SELECT count(*)`) counts.
pub fn count(api: &Api, sql: &str) -> usize {
    api.store()
        .conn()
        .query_row(sql, [], |r| r.get::<_, i64>(0))
        .unwrap() as usize
}

/// Runs `work` inside a savepoint that is then rolled back, so every input meets the same
/// caseload. The imports' own transactions are savepoints too, and nest inside it.
pub fn undone<T>(api: &mut Api, work: impl FnOnce(&mut Api) -> T) -> T {
    api.store()
        .conn()
        .execute_batch("SAVEPOINT fuzz_input")
        .unwrap();
    let result = work(api);
    api.store()
        .conn()
        .execute_batch("ROLLBACK TO fuzz_input; RELEASE fuzz_input")
        .unwrap();
    result
}
