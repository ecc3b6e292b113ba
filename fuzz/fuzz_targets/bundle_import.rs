//! Fuzzes the bundle import with the unencrypted archive (what is left once the envelope's
//! passphrase has opened it). Whatever the bytes, the import must not panic; it either
//! refuses them with a validation error, leaving the caseload exactly as it was, or imports
//! them whole and says what it wrote.
//!
//! The input's length picks the options, so every input replays the same way: `len % 3` is
//! what to do with a child already on the caseload (skip, replace, copy) and `len / 3 % 2`
//! whether it is a dry run.
#![no_main]

use equipment_passport::Error;
use equipment_passport::bundle::{ChildOutcome, ExistingChild, ImportOptions};
use libfuzzer_sys::fuzz_target;
use passport_fuzz::{caseload, count, fingerprint, undone};
use std::cell::RefCell;

thread_local! {
    static CASELOAD: RefCell<Option<(equipment_passport::Api, u64)>> = const { RefCell::new(None) };
}

fuzz_target!(|zip: &[u8]| {
    let options = ImportOptions {
        existing: [
            ExistingChild::Skip,
            ExistingChild::Replace,
            ExistingChild::Copy,
        ][zip.len() % 3],
        dry_run: zip.len() / 3 % 2 == 1,
        ..ImportOptions::default()
    };
    CASELOAD.with_borrow_mut(|slot| {
        let (api, before) = slot.get_or_insert_with(|| {
            let api = caseload();
            let print = fingerprint(&api);
            (api, print)
        });
        let before = *before;
        undone(api, |api| {
            let children = count(api, "SELECT count(*) FROM children");
            match api.import_bundle_zip(zip, &options) {
                Ok(report) => {
                    let after = fingerprint(api);
                    let written = report.children.len() - report.count(ChildOutcome::Skipped);
                    if options.dry_run || written == 0 {
                        assert_eq!(after, before, "a dry run or an all-skipped import wrote");
                    }
                    if !options.dry_run {
                        let added = report.count(ChildOutcome::Imported)
                            + report.count(ChildOutcome::Copied);
                        assert_eq!(
                            count(api, "SELECT count(*) FROM children"),
                            children + added,
                            "children on the caseload against the report: {report:?}"
                        );
                        let problems = api.store().integrity_problems().unwrap();
                        assert!(problems.is_empty(), "{problems:?} after {report:?}");
                    }
                }
                Err(e) => {
                    // A bad archive is the user's problem to fix, never a database failure.
                    assert!(
                        !matches!(e, Error::Storage(_) | Error::Io { .. }),
                        "refused with a storage error, not a message: {e:?}"
                    );
                    assert!(!e.to_string().is_empty());
                    assert_eq!(fingerprint(api), before, "a refused import wrote: {e}");
                }
            }
        });
    });
});
