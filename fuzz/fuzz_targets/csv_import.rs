//! Fuzzes the CSV equipment import. Every input is imported three ways (a dry run, all rows
//! or none, the good rows only), each on the same caseload. Whatever the bytes, the import
//! must not panic; a file that cannot be read at all is refused as invalid and writes
//! nothing; otherwise the report adds up, lists the same problems in every mode, and the
//! caseload holds exactly what the report says was written, and the file was read in one
//! encoding: UTF-8 whenever it is UTF-8, Windows-1252 only when nothing in it is UTF-8.
#![no_main]

use equipment_passport::Error;
use equipment_passport::api::CsvImportMode;
use equipment_passport::import_csv::{CsvRowError, TextEncoding};
use libfuzzer_sys::fuzz_target;
use passport_fuzz::{caseload, count, fingerprint, undone};
use std::cell::RefCell;
use std::collections::BTreeSet;

thread_local! {
    static CASELOAD: RefCell<Option<(equipment_passport::Api, u64)>> = const { RefCell::new(None) };
}

const ITEMS: &str = "SELECT count(*) FROM items";
const SERVICES: &str = "SELECT count(*) FROM service_records";

fuzz_target!(|csv: &[u8]| {
    CASELOAD.with_borrow_mut(|slot| {
        let (api, before) = slot.get_or_insert_with(|| {
            let api = caseload();
            let print = fingerprint(&api);
            (api, print)
        });
        let before = *before;
        let (items, services) = (count(api, ITEMS), count(api, SERVICES));
        let mut problems: Option<Vec<CsvRowError>> = None;
        for mode in [
            CsvImportMode::DryRun,
            CsvImportMode::AllOrNothing,
            CsvImportMode::GoodRowsOnly,
        ] {
            undone(api, |api| match api.import_equipment_csv(csv, mode) {
                Ok(report) => {
                    assert_eq!(report.mode, mode);
                    let body = csv.strip_prefix(b"\xEF\xBB\xBF");
                    match report.encoding {
                        TextEncoding::Utf8 => {
                            assert!(std::str::from_utf8(body.unwrap_or(csv)).is_ok())
                        }
                        TextEncoding::Windows1252 => assert!(
                            body.is_none() && csv.utf8_chunks().all(|c| c.valid().is_ascii()),
                            "a file with UTF-8 in it was read as Windows-1252"
                        ),
                    }
                    assert_eq!(report.good_rows + report.bad_rows, report.rows);
                    let lines: BTreeSet<usize> = report.errors.iter().map(|e| e.line).collect();
                    assert_eq!(lines.len(), report.bad_rows, "{:?}", report.errors);
                    assert!(
                        report
                            .errors
                            .iter()
                            .all(|e| e.line >= 2 && !e.message.is_empty()),
                        "a row problem names a row after the header: {:?}",
                        report.errors
                    );
                    match &problems {
                        None => problems = Some(report.errors.clone()),
                        Some(first) => assert_eq!(
                            &report.errors, first,
                            "{mode:?} found other problems than the dry run"
                        ),
                    }
                    let wrote = match mode {
                        CsvImportMode::DryRun => 0,
                        CsvImportMode::AllOrNothing if report.bad_rows > 0 => 0,
                        CsvImportMode::AllOrNothing => report.rows,
                        CsvImportMode::GoodRowsOnly => report.good_rows,
                    };
                    assert_eq!(report.items_created, wrote, "{mode:?}: {report:?}");
                    assert_eq!(report.written, wrote > 0);
                    assert_eq!(count(api, ITEMS), items + wrote);
                    assert_eq!(
                        count(api, SERVICES),
                        services + report.service_records_created
                    );
                    if wrote == 0 {
                        assert_eq!(report.service_records_created, 0);
                        assert_eq!(fingerprint(api), before, "{mode:?} wrote nothing, yet");
                    }
                }
                Err(Error::Invalid(fields)) => {
                    // Named after the file, its header, or a column as the header spells it.
                    assert!(!fields.is_empty());
                    assert!(
                        fields
                            .iter()
                            .all(|f| !f.field.is_empty() && !f.message.is_empty()),
                        "a file refused whole says where and why: {fields:?}"
                    );
                    assert_eq!(fingerprint(api), before, "a refused file wrote");
                }
                Err(e) => panic!("a CSV file is refused as invalid, not with {e:?}"),
            });
        }
    });
});
