//! Benchmark: a generated caseload of 20,000 children and 200,000 items on disk. Prints the
//! time to open the store, caseload search (p50/p95 over many queries) and the 30-day due
//! list. Run with `cargo bench --bench caseload`. Targets (issue 2): search p95 < 20 ms,
//! due list < 50 ms, open < 100 ms. Then (issue 12) the same searches on the encrypted
//! caseload while a second connection prints a whole school, as the app does when someone
//! prints a school's passports and goes on working: target p95 < 100 ms.

use chrono::{Days, NaiveDate};
use equipment_passport::Api;
use equipment_passport::api::PrintRequest;
use equipment_passport::clock::FixedClock;
use equipment_passport::model::*;
use equipment_passport::passport::{Audience, Format};
use equipment_passport::store::{children, items, schedules, service_records, settings};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

// The same allocator as the CLI (`passport print`), so the figures are its.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const CHILDREN: usize = 20_000;
const ITEMS_PER_CHILD: usize = 10;
const SETTINGS: usize = 300;

/// splitmix64: a small deterministic generator, so every run builds the same caseload.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, list: &[&'a str]) -> &'a str {
        list[self.below(list.len())]
    }
}

const GIVEN: &[&str] = &[
    "Zoë",
    "Amara",
    "Oliver",
    "Siân",
    "Mohammed",
    "Aisha",
    "Jan",
    "Hoa",
    "Ахмед",
    "Chloé",
    "Liam",
    "Priya",
    "Kwame",
    "Niamh",
    "Dafydd",
    "Fatima",
    "Yusuf",
    "Maja",
    "Tomasz",
    "Grace",
    "Ravi",
    "Ellie",
    "Noah",
    "Ifeoma",
    "Seren",
    "Bartosz",
    "Leila",
    "Oisín",
    "Mei",
    "Arjun",
];
const FAMILY: &[&str] = &[
    "Hughes",
    "Okafor",
    "Łukasiewicz",
    "Nguyễn",
    "Patel",
    "Jones",
    "Khan",
    "Ahmed",
    "Murphy",
    "Kowalski",
    "Evans",
    "Mensah",
    "Begum",
    "Smith",
    "O’Brien",
    "Ivanova",
    "Dubois",
    "Singh",
    "Williams",
    "Chen",
    "Davies",
    "Adeyemi",
    "Nowak",
    "Ali",
    "Roberts",
    "Haddad",
];
const TOWNS: &[&str] = &[
    "Oakfield",
    "Brookside",
    "Willow",
    "Meadow",
    "Riverside",
    "Hillcrest",
];

/// A valid NHS number in the 999 test range that no other child in `used` has: an NHS number
/// belongs to one child, and the store refuses a second child with the same one.
fn nhs_number(rng: &mut Rng, used: &mut std::collections::HashSet<String>) -> String {
    loop {
        let mut digits: Vec<u32> = vec![9, 9, 9];
        digits.extend((0..6).map(|_| rng.below(10) as u32));
        if let Some(check) = nhs_number::check_digit(&digits) {
            digits.push(check);
            let number: String = digits
                .iter()
                .map(|d| char::from_digit(*d, 10).unwrap())
                .collect();
            if used.insert(number.clone()) {
                return number;
            }
        }
    }
}

fn build(dir: &std::path::Path, today: NaiveDate) -> Api {
    let mut api = Api::open(dir, None, Arc::new(FixedClock::on(today))).unwrap();
    let mut rng = Rng(42);
    let now = FixedClock::on(today).0;
    let tx = api.store_mut().transaction().unwrap();
    let mut setting_ids = Vec::new();
    let mut used_nhs_numbers = std::collections::HashSet::new();
    for i in 0..SETTINGS {
        let name = format!(
            "{} {} School {i}",
            rng.pick(TOWNS),
            rng.pick(&["Primary", "Academy", "Special"])
        );
        let s = Setting {
            id: SettingId::new(),
            details: SettingDetails::new(&name, SettingKind::School),
        };
        settings::insert(&tx, &s).unwrap();
        setting_ids.push(s.id);
    }
    for _ in 0..CHILDREN {
        let dob = today - Days::new(365 * 3 + rng.below(365 * 14) as u64);
        let mut d = ChildDetails::new(rng.pick(GIVEN), rng.pick(FAMILY), dob);
        if rng.below(3) > 0 {
            d.nhs_number = nhs_number(&mut rng, &mut used_nhs_numbers);
        }
        d.setting_id = Some(setting_ids[rng.below(SETTINGS)]);
        let child = Child {
            id: ChildId::new(),
            details: d,
            photo_id: None,
            created_at: now,
            updated_at: now,
        };
        children::insert(&tx, &child).unwrap();
        for n in 0..ITEMS_PER_CHILD {
            let category = Category::ALL[rng.below(Category::ALL.len())];
            let mut d = ItemDetails::new(category, &format!("{} {n}", category.label()));
            d.issue_date = Some(today - Days::new(30 + rng.below(900) as u64));
            let review = today - Days::new(60) + Days::new(rng.below(730) as u64);
            if category == Category::Sling {
                d.sling = Some(SlingDetails {
                    sling_id: format!("SL-{}", ItemId::new()),
                    ..Default::default()
                });
            }
            let item = EquipmentItem {
                id: ItemId::new(),
                child_id: child.id,
                details: d,
                photos: vec![],
                created_at: now,
                updated_at: now,
            };
            items::insert(&tx, &item).unwrap();
            let review = ScheduleDetails {
                kind: ScheduleKind::Review,
                name: String::new(),
                every_months: 12,
                last_done: None,
                next_due: Some(review),
            };
            schedules::insert(&tx, ScheduleId::new(), item.id, &review, now).unwrap();
            if category.lifts_people() || category.is_wheelchair() {
                let kind = if category.lifts_people() {
                    ServiceKind::LolerExamination
                } else {
                    ServiceKind::Service
                };
                let date = today - Days::new(rng.below(240) as u64);
                let months = if category.lifts_people() { 6 } else { 12 };
                let record = ServiceRecord {
                    id: ServiceRecordId::new(),
                    item_id: item.id,
                    details: ServiceRecordDetails {
                        kind,
                        date,
                        by_whom: "Engineer".into(),
                        outcome: Outcome::Pass,
                        notes: String::new(),
                        next_due: Some(
                            date.checked_add_months(chrono::Months::new(months))
                                .unwrap(),
                        ),
                        examination: None,
                    },
                    recorded_at: now,
                };
                service_records::insert(&tx, &record).unwrap();
            }
        }
    }
    tx.commit().unwrap();
    api
}

fn percentile(times: &mut [Duration], p: f64) -> Duration {
    times.sort();
    let i = ((times.len() as f64 - 1.0) * p).round() as usize;
    times[i]
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

fn main() {
    let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let started = Instant::now();
    let api = build(dir.path(), today);
    let check = api.check_database().unwrap();
    println!(
        "Generated {} children and {} items in {:.1} s",
        check.children,
        check.items,
        started.elapsed().as_secs_f64()
    );
    drop(api);
    // Keep a copy for looking at query plans with sqlite3.
    if let Ok(keep) = std::env::var("BENCH_KEEP_DB") {
        std::fs::copy(dir.path().join("passport.db"), keep).unwrap();
    }

    measure("Plain SQLite", dir.path(), None, today);

    // The same caseload encrypted with SQLCipher, as the app keeps it: opening includes the
    // key derivation, and every page read from disk is decrypted.
    let encrypted = tempfile::tempdir().unwrap();
    std::fs::copy(
        dir.path().join("passport.db"),
        encrypted.path().join("passport.db"),
    )
    .unwrap();
    let t = Instant::now();
    drop(
        Api::open(
            encrypted.path(),
            Some(PASSPHRASE),
            Arc::new(FixedClock::on(today)),
        )
        .unwrap(),
    );
    println!(
        "Encrypted the caseload in {:.1} s",
        t.elapsed().as_secs_f64()
    );
    measure("SQLCipher", encrypted.path(), Some(PASSPHRASE), today);
    // The app's benchmark (tests/e2e/bench.rs) opens this caseload in the real app, as it was
    // before any printing below added issued copies to it.
    if let Ok(keep) = std::env::var("BENCH_KEEP_ENCRYPTED") {
        std::fs::copy(encrypted.path().join("passport.db"), keep).unwrap();
    }
    search_while_a_school_prints(encrypted.path(), today);
}

const PASSPHRASE: &str = "blue kettle on Tuesday";

/// What someone types into the caseload search: names with and without accents, in other
/// scripts, NHS numbers, schools.
const QUERIES: [&str; 20] = [
    "zoe",
    "zoë",
    "okafor",
    "luka",
    "nguyen",
    "ахмед",
    "o'brien",
    "siân",
    "amara hughes",
    "999",
    "999 12",
    "oakfield",
    "brookside academy",
    "patel",
    "x",
    "grace khan",
    "mei",
    "willow special",
    "obrien",
    "dafydd evans",
];

/// Searches on one connection while a second connection to the same encrypted caseload
/// prints the school with the most children, again and again, until the searches are done
/// (as the app's whole-school print runs on its own connection beside the screens').
fn search_while_a_school_prints(dir: &std::path::Path, today: NaiveDate) {
    let open = || Api::open(dir, Some(PASSPHRASE), Arc::new(FixedClock::on(today))).unwrap();
    let api = open();
    let (school, pupils) = settings::list(api.store().conn())
        .unwrap()
        .into_iter()
        .map(|s| {
            let pupils = settings::child_count(api.store().conn(), s.id).unwrap();
            (s.id, pupils)
        })
        .max_by_key(|(_, pupils)| *pupils)
        .unwrap();
    let out = tempfile::tempdir().unwrap();
    let searching = AtomicBool::new(true);
    let printed = AtomicUsize::new(0);
    let printing_started = AtomicBool::new(false);
    let (mut searches, batches) = std::thread::scope(|scope| {
        let printer = scope.spawn(|| {
            let mut printer = open();
            let request = PrintRequest {
                audience: Audience::School,
                format: Format::A4,
                large_print: false,
            };
            let progress = |_| printing_started.store(true, Ordering::Relaxed);
            let cancel = AtomicBool::new(false);
            let mut batches = 0;
            while searching.load(Ordering::Relaxed) {
                let report = printer
                    .print_setting(school, request, out.path(), &progress, &cancel)
                    .unwrap();
                assert!(report.failed.is_empty(), "{:?}", report.failed);
                printed.fetch_add(report.printed.len(), Ordering::Relaxed);
                batches += 1;
            }
            batches
        });
        while !printing_started.load(Ordering::Relaxed) {
            std::thread::sleep(Duration::from_millis(1));
        }
        // At least ten rounds of the queries, and for as long as the first whole school takes.
        let mut searches = Vec::new();
        while searches.len() < 10 * QUERIES.len() || printed.load(Ordering::Relaxed) == 0 {
            for q in QUERIES {
                let t = Instant::now();
                api.search_children(q, None, 50).unwrap();
                searches.push(t.elapsed());
            }
        }
        searching.store(false, Ordering::Relaxed);
        (searches, printer.join().unwrap())
    });
    println!("SQLCipher, while a school of {pupils} children prints on a second connection:");
    println!(
        "  Search ({} queries; {} passports printed in {batches} batches meanwhile): p50 {}  p95 {}  max {}  (target p95 < 100 ms)",
        searches.len(),
        printed.load(Ordering::Relaxed),
        ms(percentile(&mut searches, 0.5)),
        ms(percentile(&mut searches, 0.95)),
        ms(percentile(&mut searches, 1.0))
    );
}

fn measure(label: &str, dir: &std::path::Path, passphrase: Option<&str>, today: NaiveDate) {
    let open = || Api::open(dir, passphrase, Arc::new(FixedClock::on(today))).unwrap();
    let mut opens = Vec::new();
    for _ in 0..10 {
        let t = Instant::now();
        let api = open();
        opens.push(t.elapsed());
        drop(api);
    }
    let api = open();
    let mut searches = Vec::new();
    let mut found = 0;
    for _ in 0..10 {
        for q in QUERIES {
            let t = Instant::now();
            let results = api.search_children(q, None, 50).unwrap();
            searches.push(t.elapsed());
            found += results.children.len();
        }
    }
    let mut dues = Vec::new();
    let mut due_len = 0;
    for _ in 0..20 {
        let t = Instant::now();
        due_len = api.due_list(30).unwrap().len();
        dues.push(t.elapsed());
    }
    println!("{label}:");
    println!(
        "  Open the store (10 runs):  p50 {}  p95 {}  (target < 100 ms)",
        ms(percentile(&mut opens, 0.5)),
        ms(percentile(&mut opens, 0.95))
    );
    println!(
        "  Search ({} queries, {} results): p50 {}  p95 {}  max {}  (target p95 < 20 ms)",
        searches.len(),
        found,
        ms(percentile(&mut searches, 0.5)),
        ms(percentile(&mut searches, 0.95)),
        ms(percentile(&mut searches, 1.0))
    );
    println!(
        "  Due list, 30 days ({} entries, 20 runs): p50 {}  p95 {}  (target < 50 ms)",
        due_len,
        ms(percentile(&mut dues, 0.5)),
        ms(percentile(&mut dues, 0.95))
    );
}
