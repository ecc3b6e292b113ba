//! Benchmark: printing passports. Run with `cargo bench --bench passport`.
//!
//! - The reference passport: the sample caseload's child with the most items (each with a
//!   photo), rendered in process many times (target: median under 15 ms, PDF under 1.5 MB).
//!   Then the same passport for a child named in Bengali, Han and Urdu: the first render,
//!   which parses those fonts, and the ones after.
//! - A whole setting of 300 children printed through the api into a folder, on every core
//!   (target: under 5 s on 2 cores).
//! - For comparison, an equivalent HTML document of the reference passport turned into PDF by
//!   LibreOffice (`--headless --convert-to pdf`) and Chromium (`--headless --print-to-pdf`),
//!   when they are installed (Debian: libreoffice-writer-nogui, chromium).

use chrono::NaiveDate;
use equipment_passport::api::PrintRequest;
use equipment_passport::clock::FixedClock;
use equipment_passport::media::{self, NormalisedPhoto};
use equipment_passport::model::*;
use equipment_passport::passport::{self, Audience, Format, PassportData, RenderOptions};
use equipment_passport::store::photos::{self, PhotoPlace};
use equipment_passport::store::{children, items, service_records};
use equipment_passport::{Api, demo};
use std::path::Path;
use std::process::Command;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

// The same allocator as the CLI (`passport print`), so the figures are its.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Builds the command that converts an HTML file into a PDF in a folder.
type CommandFor = dyn Fn(&Path, &Path) -> Command;

fn median(times: &mut [Duration]) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

fn main() {
    let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    let clock = Arc::new(FixedClock::on(today));
    let mut api = Api::in_memory(clock.clone()).unwrap();
    demo::load(&mut api).unwrap();

    // The child with the most current items that all have a photo.
    let everyone = api.search_children("", None, 1000).unwrap().children;
    let reference = everyone
        .iter()
        .map(|c| (c.id, api.items_of_child(c.id).unwrap()))
        .filter(|(_, items)| items.iter().all(|i| !i.photos.is_empty()))
        .max_by_key(|(_, items)| items.len())
        .expect("a child whose items all have photos");
    let (child, child_items) = reference;
    let photos: usize = child_items.iter().map(|i| i.photos.len()).sum();
    println!(
        "Reference passport: {} items, {photos} gallery photos",
        child_items.len()
    );
    assert!(
        child_items.len() >= 8,
        "the reference child needs at least 8 items"
    );

    let data = api.passport_data(child, true).unwrap();
    let template = api.passport_template(Audience::School).unwrap();
    let options = RenderOptions {
        audience: Audience::School,
        format: Format::A4,
        large_print: false,
        printed_on: today,
        created_at: clock.0,
        document_id: [7; 16],
        version: "1".into(),
        photos: Default::default(),
        language: Default::default(),
    };
    let mut pdf = Vec::new();
    for _ in 0..5 {
        pdf = passport::render(&data, &template, &options).unwrap();
    }
    let mut times = Vec::new();
    for _ in 0..60 {
        let t = Instant::now();
        pdf = passport::render(&data, &template, &options).unwrap();
        times.push(t.elapsed());
    }
    let ours = median(&mut times);
    println!(
        "Render in process (60 runs): median {}  min {}  PDF {:.0} KB, {} pages  (targets: < 15 ms, < 1.5 MB)",
        ms(ours),
        ms(times[0]),
        pdf.len() as f64 / 1024.0,
        lopdf::Document::load_mem(&pdf).unwrap().get_pages().len()
    );

    // The same passport for a child named in Bengali, Han and Urdu: the first render parses
    // those faces (the Latin one above never does), the later ones reuse them.
    let mut named = data.clone();
    named.child.details.given_name = "আয়েশা 美玲".into();
    named.child.details.family_name = "عائشہ خان".into();
    let t = Instant::now();
    let first = passport::render(&named, &template, &options).unwrap();
    let first_time = t.elapsed();
    let mut times = Vec::new();
    for _ in 0..20 {
        let t = Instant::now();
        std::hint::black_box(passport::render(&named, &template, &options).unwrap());
        times.push(t.elapsed());
    }
    println!(
        "Named in Bengali, Han and Urdu: first render {} (loads the Noto faces), then median {}  PDF {:.0} KB",
        ms(first_time),
        ms(median(&mut times)),
        first.len() as f64 / 1024.0
    );

    // For profiling the renderer alone (`BENCH_RENDER_ONLY=1 perf record ...`).
    if std::env::var_os("BENCH_RENDER_ONLY").is_some() {
        for _ in 0..400 {
            std::hint::black_box(passport::render(&data, &template, &options).unwrap());
        }
        return;
    }
    let setting = whole_school(&mut api, child, 300);
    let out = tempfile::tempdir().unwrap();
    let t = Instant::now();
    let report = api
        .print_setting(
            setting,
            PrintRequest {
                audience: Audience::School,
                format: Format::A4,
                large_print: false,
            },
            out.path(),
            &|_| {},
            &AtomicBool::new(false),
        )
        .unwrap();
    let batch = t.elapsed();
    println!(
        "Print a setting of {} children through the api on {} cores: {:.2} s ({} printed, {} failed)  (target < 5 s)",
        report.total,
        std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1),
        batch.as_secs_f64(),
        report.printed.len(),
        report.failed.len()
    );

    let html_dir = tempfile::tempdir().unwrap();
    let html = write_html(&data, html_dir.path());
    let converters: [(&str, &CommandFor); 2] = [
        ("LibreOffice", &|html, out| {
            let mut c = Command::new("libreoffice");
            c.args(["--headless", "--convert-to", "pdf", "--outdir"])
                .arg(out)
                .arg(html);
            c
        }),
        ("Chromium", &|html, out| {
            let mut c = Command::new("chromium");
            c.args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-pdf-header-footer",
            ])
            .arg(format!("--user-data-dir={}", out.join("profile").display()))
            .arg(format!(
                "--print-to-pdf={}",
                out.join("chromium.pdf").display()
            ))
            .arg(format!("file://{}", html.display()));
            c
        }),
    ];
    for (name, make) in converters {
        let mut runs = Vec::new();
        for _ in 0..3 {
            let dir = tempfile::tempdir().unwrap();
            let t = Instant::now();
            match make(&html, dir.path()).output() {
                Ok(o) if o.status.success() => runs.push(t.elapsed()),
                Ok(o) => {
                    println!(
                        "{name}: failed: {}",
                        String::from_utf8_lossy(&o.stderr)
                            .lines()
                            .next()
                            .unwrap_or("")
                    );
                    break;
                }
                Err(_) => {
                    println!("{name}: not installed, skipped");
                    break;
                }
            }
        }
        if !runs.is_empty() {
            let theirs = median(&mut runs);
            println!(
                "{name} HTML to PDF ({} runs): median {}  => Equipment Passport is {:.0}x faster",
                runs.len(),
                ms(theirs),
                theirs.as_secs_f64() / ours.as_secs_f64()
            );
        }
    }
}

/// A setting of `n` children, each with copies of the reference child's items and photos,
/// written straight to the store (photos already normalised, as they would be).
fn whole_school(api: &mut Api, reference: ChildId, n: usize) -> SettingId {
    let setting = api
        .create_setting(SettingDetails::new(
            "Benchmark Academy",
            SettingKind::School,
        ))
        .unwrap();
    let source = api.child(reference).unwrap();
    let mut photo_bytes = Vec::new();
    for item in &source.items {
        let mut list = Vec::new();
        for p in &item.photos {
            let jpeg = api.photo_jpeg(p.id).unwrap();
            let pixels = image::load_from_memory(&jpeg).unwrap().into_rgb8();
            list.push((
                p.caption.clone(),
                NormalisedPhoto {
                    print: media::print_copy(&pixels, media::PrintBox::Equipment).unwrap(),
                    jpeg,
                    thumbnail: api.photo_thumbnail(p.id).unwrap(),
                    width: p.width,
                    height: p.height,
                    sha256: format!("{:064x}", p.width * 7919 + p.height),
                },
            ));
        }
        photo_bytes.push((list, api.item(item.id).unwrap().service_log));
    }
    let now = FixedClock::on(api.today()).0;
    let tx = api.store_mut().transaction().unwrap();
    for i in 0..n {
        let mut details = source.child.details.clone();
        details.given_name = format!("Child {i}");
        // One child per NHS number: the copies are other children, so they go without one.
        details.nhs_number = String::new();
        details.setting_id = Some(setting.id);
        let child = Child {
            id: ChildId::new(),
            details,
            photo_id: None,
            created_at: now,
            updated_at: now,
        };
        children::insert(&tx, &child).unwrap();
        for (item, (pics, log)) in source.items.iter().zip(&photo_bytes) {
            let mut details = item.details.clone();
            for step in details.setup_steps.iter_mut() {
                step.photo_id = None;
            }
            if let Some(s) = details.sling.as_mut() {
                s.sling_id = format!("{}-{i}", s.sling_id);
                s.hoist_ids.clear();
            }
            let copy = EquipmentItem {
                id: ItemId::new(),
                child_id: child.id,
                details,
                photos: vec![],
                created_at: now,
                updated_at: now,
            };
            items::insert(&tx, &copy).unwrap();
            for (caption, photo) in pics {
                photos::insert(
                    &tx,
                    PhotoId::new(),
                    child.id,
                    PhotoPlace::Gallery(copy.id),
                    caption,
                    photo,
                    now,
                )
                .unwrap();
            }
            for record in log {
                let copied = ServiceRecord {
                    id: ServiceRecordId::new(),
                    item_id: copy.id,
                    ..record.clone()
                };
                service_records::insert(&tx, &copied).unwrap();
            }
        }
    }
    tx.commit().unwrap();
    setting.id
}

/// The reference passport's content as plain HTML with the same photos, for the converters.
fn write_html(data: &PassportData, dir: &Path) -> std::path::PathBuf {
    let esc = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    };
    let d = &data.child.details;
    let mut h = String::from(
        "<!doctype html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>Equipment Passport</title>\
         <style>body{font-family:'DejaVu Sans',sans-serif;font-size:11pt;margin:18mm} h1{color:#005eb8} \
         h2{background:#005eb8;color:#fff;padding:6px;page-break-before:always} img{max-width:90mm} \
         .check:before{content:'\\2610 '} footer{font-size:8pt}</style></head><body>",
    );
    h.push_str(&format!(
        "<h1>Equipment Passport</h1><p><b>{}</b></p><p>Born {}</p>",
        esc(&d.display_name()),
        d.date_of_birth
    ));
    h.push_str(&format!(
        "<h3>About me</h3><p>{}</p><p>{}</p><p>{}</p>",
        esc(&d.about_me.communication),
        esc(&d.about_me.what_helps),
        esc(&d.about_me.medical_alerts)
    ));
    h.push_str("<h3>Key contacts</h3><table>");
    for c in &data.contacts {
        let phones: Vec<String> = c.details.phones.iter().map(|p| p.number.clone()).collect();
        h.push_str(&format!(
            "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(&c.details.name),
            c.details.role.label(),
            phones.join(", ")
        ));
    }
    h.push_str("</table>");
    for (n, item) in data.items.iter().enumerate() {
        let i = &item.item.details;
        h.push_str(&format!(
            "<h2>{}</h2><p>{}</p>",
            esc(&i.name),
            esc(&i.purpose)
        ));
        for (k, photo) in item.item.photos.iter().enumerate() {
            if let Some(stored) = data.photos.get(&photo.id) {
                let file = format!("photo-{n}-{k}.jpg");
                std::fs::write(dir.join(&file), &stored.jpeg).unwrap();
                h.push_str(&format!(
                    "<figure><img src=\"{file}\"><figcaption>{}</figcaption></figure>",
                    esc(&photo.caption)
                ));
            }
        }
        h.push_str("<h3>Before every use, check</h3>");
        for c in &i.safety_checks {
            h.push_str(&format!("<p class=\"check\">{}</p>", esc(c)));
        }
        h.push_str("<h3>Setting up</h3><ol>");
        for s in &i.setup_steps {
            h.push_str(&format!("<li>{}</li>", esc(&s.text)));
        }
        h.push_str(&format!(
            "</ol><h3>Cleaning and care</h3><p>{}</p>",
            esc(&i.cleaning)
        ));
    }
    h.push_str("<footer>Confidential — contains health information</footer></body></html>");
    let path = dir.join("passport.html");
    std::fs::write(&path, h).unwrap();
    path
}
