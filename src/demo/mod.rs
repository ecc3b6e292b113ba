//! A realistic synthetic caseload (`passport demo`), so a new user sees a living app at once.
//!
//! Three settings, a supplier directory, fourteen invented children and about seventy-five
//! items across every category, each with drawn photos and a service history. Everything goes
//! through the public [`Api`], so the demo obeys the same validation as a person typing, and
//! every date counts back from the clock's today, so there is always something overdue and
//! something due soon. A fixed random seed makes the same date give the same caseload.

mod canvas;
mod children;
mod dfg;
mod equipment;
mod people;
mod pictograms;
mod pictures;
mod plan;
mod portraits;
mod rng;
mod suppliers;
mod templates;

use crate::Api;
use crate::error::{Error, Result};
use serde::Serialize;

/// What the demo added.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct DemoSummary {
    pub settings: usize,
    pub suppliers: usize,
    pub children: usize,
    pub items: usize,
    pub photos: usize,
    pub service_records: usize,
    /// Entries on the due list that are already overdue.
    pub overdue: usize,
}

/// Pixel sizes of the drawn photos.
#[derive(Debug, Clone, Copy)]
struct PhotoSizes {
    item: (u32, u32),
    portrait: (u32, u32),
}

/// Large enough to look like a phone photo on screen and in print, small enough to load
/// quickly.
const FULL_SIZE: PhotoSizes = PhotoSizes {
    item: (800, 600),
    portrait: (600, 600),
};

const SEED: u64 = 0x00E9_0A55_2026_D3E0;

/// Sling ids in the demo start here, as if the service had issued a hundred already.
const FIRST_SLING: u32 = 113;

/// Loads the synthetic caseload through the public Api (validation applies). Refuses with
/// [`Error::Conflict`] if the caseload already has children.
pub fn load(api: &mut Api) -> Result<DemoSummary> {
    load_with(api, FULL_SIZE)
}

fn load_with(api: &mut Api, sizes: PhotoSizes) -> Result<DemoSummary> {
    // One transaction: a failure part-way leaves the caseload empty, not half-loaded. The
    // emptiness check is inside it, under the write lock, so two demos started at once load
    // one sample caseload between them, not two.
    api.all_or_nothing(|api| {
        refuse_unless_empty(api)?;
        load_into_empty(api, sizes)
    })
}

fn load_into_empty(api: &mut Api, sizes: PhotoSizes) -> Result<DemoSummary> {
    let mut rng = rng::Rng::new(SEED);
    let settings = people::create_settings(api)?;
    let directory = suppliers::create(api)?;
    let mut ctx = equipment::Context {
        directory: &directory,
        photo_size: sizes.item,
        next_sling: FIRST_SLING,
    };
    let mut summary = DemoSummary {
        settings: 3,
        suppliers: directory.len(),
        children: 0,
        items: 0,
        photos: 0,
        service_records: 0,
        overdue: 0,
    };
    let mut kids = Vec::new();
    for profile in children::profiles() {
        let child = children::create(api, &settings, profile, &mut rng)?;
        kids.push((profile.kid, child.id));
        summary.children += 1;
        let kits = plan::equipment(profile.kid);
        let uses_wheelchair = kits.iter().any(|k| k.template.category.is_wheelchair());
        people::add_contacts(api, child.id, profile, uses_wheelchair)?;
        if let Some(look) = profile.look {
            let (w, h) = sizes.portrait;
            api.set_child_photo(child.id, &portraits::portrait(look, &mut rng, w, h))?;
            summary.photos += 1;
        }
        let tally = equipment::create(api, &child, profile, &kits, &mut ctx, &mut rng)?;
        summary.items += tally.items;
        summary.photos += tally.photos;
        summary.service_records += tally.service_records;
    }
    dfg::create(api, &kids)?;
    summary.overdue = api.due_list(0)?.iter().filter(|e| e.is_overdue()).count();
    Ok(summary)
}

/// The demo only goes into an empty caseload: mixing invented children with real ones would
/// be a safeguarding muddle.
fn refuse_unless_empty(api: &Api) -> Result<()> {
    let n = api.child_count()?;
    if n == 0 {
        return Ok(());
    }
    Err(Error::Conflict(format!(
        "the caseload already has {n} {}: the sample caseload is only loaded into an empty one",
        if n == 1 { "child" } else { "children" }
    )))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::FixedClock;
    use crate::model::{Category, DueKind, ItemStatus};
    use chrono::NaiveDate;
    use std::collections::BTreeSet;
    use std::sync::Arc;
    use std::time::Instant;

    /// Every photo costs the same trip through the photo intake whatever its size, so the
    /// tests draw small ones; only the counts matter here.
    const TEST_SIZE: PhotoSizes = PhotoSizes {
        item: (160, 120),
        portrait: (120, 120),
    };

    fn loaded(date: NaiveDate) -> (Api, DemoSummary) {
        let mut api = Api::in_memory(Arc::new(FixedClock::on(date))).unwrap();
        let started = Instant::now();
        let summary = load_with(&mut api, TEST_SIZE).unwrap();
        eprintln!(
            "demo (small photos) loaded in {:?}: {summary:?}",
            started.elapsed()
        );
        (api, summary)
    }

    #[test]
    fn the_demo_has_the_numbers_the_issue_asks_for() {
        let (mut api, summary) = loaded(NaiveDate::from_ymd_opt(2026, 11, 22).unwrap());
        assert_eq!(api.settings().unwrap().len(), 3);
        assert_eq!(summary.settings, 3);
        assert!(summary.children >= 12, "{summary:?}");
        assert!(summary.items >= 60, "{summary:?}");
        assert!(summary.suppliers >= 6, "{summary:?}");

        let everyone = api.search_children("", None, 100).unwrap().children;
        assert_eq!(everyone.len(), summary.children);
        let mut items = Vec::new();
        for child in &everyone {
            items.extend(api.items_of_child(child.id).unwrap());
        }
        assert_eq!(items.len(), summary.items);
        let categories: BTreeSet<Category> = items.iter().map(|i| i.details.category).collect();
        for c in Category::ALL {
            assert!(categories.contains(c), "no {c:?} in the demo");
        }
        for item in &items {
            let d = &item.details;
            if d.category.is_wheelchair() {
                assert!(
                    d.wheelchair.is_some(),
                    "{} has no wheelchair details",
                    d.name
                );
            }
            if d.category == Category::Sling {
                let sling = d.sling.as_ref().expect("sling details");
                assert!(
                    !sling.hoist_ids.is_empty(),
                    "{} names no hoist",
                    sling.sling_id
                );
            }
            assert!((3..=7).contains(&d.setup_steps.len()), "{}", d.name);
            assert!((1..=3).contains(&d.staff_needed), "{}", d.name);
        }
        let withdrawn = items
            .iter()
            .filter(|i| i.details.status == ItemStatus::Withdrawn);
        assert_eq!(withdrawn.count(), 1);
        assert!(
            items
                .iter()
                .any(|i| i.details.status == ItemStatus::AwaitingRepair)
        );
        assert!(items.iter().filter(|i| !i.photos.is_empty()).count() * 10 >= items.len() * 8);
        assert!(
            items
                .iter()
                .any(|i| i.details.step_photo_ids().next().is_some())
        );

        let zoe = api.search_children("zoe", None, 50).unwrap().children;
        assert!(
            zoe.iter().any(|c| c.display_name.contains("Zoë")),
            "{zoe:?}"
        );
        for name in ["lukasiewicz", "nguyen", "ахмед", "sian", "gwyn", "oisin"] {
            let found = api.search_children(name, None, 50).unwrap().children;
            assert!(!found.is_empty(), "no child found for {name}");
        }
        for child in &everyone {
            if !child.nhs_number.is_empty() {
                assert!(child.nhs_number.starts_with("999"), "{}", child.nhs_number);
            }
        }

        let due = api.due_list(0).unwrap();
        let overdue: Vec<_> = due.iter().filter(|e| e.days_left < 0).collect();
        assert_eq!(overdue.len(), summary.overdue);
        for kind in [DueKind::Loler, DueKind::Review, DueKind::Service] {
            assert!(
                overdue.iter().any(|e| e.kind == kind),
                "nothing overdue of {kind:?}"
            );
        }
        assert!(due.iter().any(|e| e.never_done), "a hoist never examined");
        let soon = api.due_list(30).unwrap();
        for kind in [DueKind::Loler, DueKind::Review, DueKind::Service] {
            assert!(
                soon.iter().any(|e| e.kind == kind && e.days_left >= 0),
                "nothing of {kind:?} due within 30 days"
            );
        }

        let again = load_with(&mut api, TEST_SIZE).unwrap_err();
        assert!(matches!(again, Error::Conflict(_)), "{again:?}");
        assert!(
            again.to_string().contains("already has 14 children"),
            "{again}"
        );
        assert_eq!(
            api.search_children("", None, 100).unwrap().children.len(),
            14
        );
    }

    #[test]
    fn the_same_date_gives_the_same_caseload_and_a_leap_day_validates() {
        let day = NaiveDate::from_ymd_opt(2025, 2, 28).unwrap();
        let (a, first) = loaded(day);
        let (b, second) = loaded(day);
        assert_eq!(format!("{first:?}"), format!("{second:?}"));
        let names = |api: &Api| -> Vec<(String, String)> {
            api.search_children("", None, 100)
                .unwrap()
                .children
                .into_iter()
                .map(|c| (c.display_name, c.nhs_number))
                .collect()
        };
        assert_eq!(names(&a), names(&b));
        // Month arithmetic from a leap day still gives a valid caseload.
        loaded(NaiveDate::from_ymd_opt(2028, 2, 29).unwrap());
    }

    /// The full-size demo, as `passport demo` loads it; run with `--ignored --nocapture` to
    /// see how long it takes.
    #[test]
    #[ignore]
    fn full_size_load_time() {
        let mut api = Api::in_memory(Arc::new(FixedClock::on(
            NaiveDate::from_ymd_opt(2026, 11, 22).unwrap(),
        )))
        .unwrap();
        let started = Instant::now();
        let summary = load(&mut api).unwrap();
        eprintln!(
            "full-size demo loaded in {:?}: {summary:?}",
            started.elapsed()
        );
    }
}
