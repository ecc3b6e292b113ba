//! Shared fixtures: a caseload on a fixed date, sample records, and photo files made here (no
//! real children, photos or NHS numbers: NHS numbers come from the 999 test range).

pub mod cli;
#[cfg(unix)]
pub mod pg_cluster;
pub mod photos;

use chrono::NaiveDate;
use equipment_passport::Api;
use equipment_passport::clock::FixedClock;
use equipment_passport::model::*;
use std::sync::Arc;

pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// An empty in-memory caseload whose "today" is `today`.
pub fn api_on(today: NaiveDate) -> Api {
    Api::in_memory(Arc::new(FixedClock::on(today))).unwrap()
}

/// The date most tests live on.
pub fn today() -> NaiveDate {
    date(2026, 11, 22)
}

pub fn api() -> Api {
    api_on(today())
}

/// Today on the real clock, which the `passport` binary runs on (UTC, like the core's
/// `SystemClock`). Only for tests of the CLI: the core's tests live on [`today`].
pub fn real_today() -> NaiveDate {
    chrono::Utc::now().date_naive()
}

/// A date of birth for a child of `years` (and a few months) on the real clock, for the CLI's
/// `--dob`: a fixed one would, one day, make the child over 25, which validation refuses.
pub fn born_years_ago(years: u32) -> NaiveDate {
    real_today()
        .checked_sub_months(chrono::Months::new(years * 12 + 3))
        .expect("within the calendar")
}

/// A date as the CLI takes it: `2017-03-14`.
pub fn iso(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

pub fn add_setting(api: &mut Api, name: &str) -> Setting {
    let mut s = SettingDetails::new(name, SettingKind::School);
    s.postcode = "B21 9RY".into();
    s.senco_name = "Ms Priya Raman".into();
    s.senco_email = "senco@oakfield.sch.uk".into();
    api.create_setting(s).unwrap()
}

pub fn add_child(api: &mut Api, given: &str, family: &str) -> Child {
    api.create_child(ChildDetails::new(given, family, date(2017, 3, 14)))
        .unwrap()
}

pub fn add_item(api: &mut Api, child: ChildId, category: Category, name: &str) -> EquipmentItem {
    let mut d = ItemDetails::new(category, name);
    if category == Category::Sling {
        d.sling = Some(SlingDetails {
            sling_id: format!("SL-{}", name.len() * 7919 + name.chars().count()),
            ..Default::default()
        });
    }
    api.create_item(child, d).unwrap()
}

/// A LOLER examination (or other record) done on `on`, passing.
pub fn record(kind: ServiceKind, on: NaiveDate) -> ServiceRecordDetails {
    ServiceRecordDetails {
        kind,
        date: on,
        by_whom: "Ability Lifting Ltd".into(),
        outcome: Outcome::Pass,
        notes: String::new(),
        next_due: None,
        examination: None,
    }
}

/// A schedule of `kind` due first on `next`, every `every` months, never done yet.
pub fn due_on(kind: ScheduleKind, every: u32, next: NaiveDate) -> ScheduleDetails {
    ScheduleDetails {
        kind,
        name: String::new(),
        every_months: every,
        last_done: None,
        next_due: Some(next),
    }
}

/// Gives an item its yearly review, next due on `on` (what the item's review date was).
pub fn add_review(api: &mut Api, item: ItemId, on: NaiveDate) -> Schedule {
    api.add_schedule(item, due_on(ScheduleKind::Review, 12, on))
        .unwrap()
}
