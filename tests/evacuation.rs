//! Personal emergency evacuation plans through the api: saved and read per child and setting,
//! refused whole with each field named, in the due list and the caseload's badges, in
//! History, gone with the child, and carried by bundles.

use crate::support::{self, add_child, add_item, add_setting, api, date};
use equipment_passport::Api;
use equipment_passport::api::{AuditAction, ExportScope, RecordKind};
use equipment_passport::bundle::{ChildOutcome, ImportOptions};
use equipment_passport::model::*;

struct Pupil {
    child: Child,
    school: Setting,
    chair: EquipmentItem,
}

/// Ayesha at Oakfield Primary, with the evacuation chair she is taken out in.
fn pupil(api: &mut Api) -> Pupil {
    let school = add_setting(api, "Oakfield Primary");
    let mut details = ChildDetails::new("Ayesha", "Begum", date(2017, 3, 14));
    details.setting_id = Some(school.id);
    let child = api.create_child(details).unwrap();
    let chair = add_item(api, child.id, Category::Wheelchair, "Evacuation chair");
    Pupil {
        child,
        school,
        chair,
    }
}

fn adult(name: &str, role: &str) -> NamedAdult {
    NamedAdult {
        name: name.into(),
        role: role.into(),
    }
}

fn plan(p: &Pupil, review_in_days: u64) -> EvacuationPlan {
    EvacuationPlan {
        route: "Out through the hall fire door and down the ramp".into(),
        assembly_point: "Top playground, by the gate".into(),
        equipment_id: Some(p.chair.id),
        equipment_note: "Ear defenders from the classroom drawer".into(),
        sessions: vec![
            EvacuationSession {
                session: "Morning".into(),
                adults: vec![adult("Mrs Price", "Teaching assistant")],
            },
            EvacuationSession {
                session: "Lunch".into(),
                adults: vec![adult("Mr Evans", "Midday supervisor")],
            },
        ],
        if_in_stander: "Release the chest strap and knee block; two adults lift her out.".into(),
        if_on_hoist: "Lower her onto the bed, unclip the sling, then into the chair.".into(),
        notes: "She may cover her ears: keep talking to her.".into(),
        review_date: Some(support::today() + chrono::Days::new(review_in_days)),
        agreed_by: "Ms Priya Raman (SENCO) with Mrs Begum".into(),
        ..EvacuationPlan::new(p.school.id)
    }
}

fn fields(err: &equipment_passport::Error) -> Vec<&str> {
    err.fields().iter().map(|f| f.field.as_str()).collect()
}

#[test]
fn a_plan_is_saved_for_the_childs_setting_and_read_back() {
    let mut api = api();
    let p = pupil(&mut api);
    assert_eq!(api.evacuation_plan(p.child.id, None).unwrap(), None);

    let saved = api.save_evacuation_plan(p.child.id, plan(&p, 200)).unwrap();

    assert_eq!(saved, plan(&p, 200));
    assert_eq!(
        api.evacuation_plan(p.child.id, None).unwrap(),
        Some(saved.clone())
    );
    assert_eq!(
        api.evacuation_plan(p.child.id, Some(p.school.id)).unwrap(),
        Some(saved)
    );
    // Saved again, it replaces the plan rather than adding one.
    let mut changed = plan(&p, 200);
    changed.assembly_point = "Staff car park".into();
    api.save_evacuation_plan(p.child.id, changed.clone())
        .unwrap();
    assert_eq!(api.evacuation_plans(p.child.id).unwrap(), [changed]);

    api.remove_evacuation_plan(p.child.id, p.school.id).unwrap();
    assert_eq!(api.evacuation_plan(p.child.id, None).unwrap(), None);
    let err = api
        .remove_evacuation_plan(p.child.id, p.school.id)
        .unwrap_err();
    assert_eq!(fields(&err), ["evacuation.setting_id"]);
}

#[test]
fn a_plan_with_no_adult_named_is_refused_and_nothing_is_saved() {
    let mut api = api();
    let p = pupil(&mut api);
    let mut nobody = plan(&p, 200);
    for s in &mut nobody.sessions {
        s.adults.clear();
    }

    let err = api.save_evacuation_plan(p.child.id, nobody).unwrap_err();

    assert_eq!(fields(&err), ["evacuation.sessions"]);
    assert!(err.fields()[0].message.contains("at least one adult"));
    assert_eq!(api.evacuation_plan(p.child.id, None).unwrap(), None);
}

#[test]
fn each_bad_field_is_named_and_the_plan_before_is_kept() {
    let mut api = api();
    let p = pupil(&mut api);
    api.save_evacuation_plan(p.child.id, plan(&p, 200)).unwrap();
    let other = add_child(&mut api, "Sam", "Patel");
    let theirs = add_item(&mut api, other.id, Category::Wheelchair, "Sam's chair");
    let elsewhere = add_setting(&mut api, "Brynmawr Academy");

    let mut bad = plan(&p, 200);
    bad.route = "r".repeat(1_001);
    bad.equipment_id = Some(theirs.id);
    bad.if_on_hoist = "h".repeat(601);
    bad.review_date = Some(support::today() - chrono::Days::new(1));
    let err = api.save_evacuation_plan(p.child.id, bad).unwrap_err();
    assert_eq!(
        fields(&err),
        [
            "evacuation.route",
            "evacuation.equipment_id",
            "evacuation.if_on_hoist",
            "evacuation.review_date"
        ]
    );

    let mut far = plan(&p, 200);
    far.review_date = Some(date(2027, 11, 23));
    far.setting_id = elsewhere.id;
    let err = api.save_evacuation_plan(p.child.id, far).unwrap_err();
    assert_eq!(
        fields(&err),
        ["evacuation.setting_id", "evacuation.review_date"]
    );
    assert!(err.fields()[1].message.contains("12 months"));

    assert_eq!(api.evacuation_plans(p.child.id).unwrap(), [plan(&p, 200)]);
}

#[test]
fn a_child_with_no_setting_has_no_plan_and_cannot_save_one() {
    let mut api = api();
    let child = add_child(&mut api, "Sam", "Patel");
    let school = add_setting(&mut api, "Oakfield Primary");
    assert_eq!(api.evacuation_plan(child.id, None).unwrap(), None);
    let p = Pupil {
        chair: add_item(&mut api, child.id, Category::Wheelchair, "Chair"),
        child,
        school,
    };
    let err = api
        .save_evacuation_plan(p.child.id, plan(&p, 30))
        .unwrap_err();
    assert_eq!(fields(&err), ["evacuation.setting_id"]);
}

#[test]
fn a_plan_for_a_child_that_does_not_exist_is_not_found() {
    let mut api = api();
    let p = pupil(&mut api);
    let err = api
        .save_evacuation_plan(ChildId::new(), plan(&p, 30))
        .unwrap_err();
    assert!(
        matches!(err, equipment_passport::Error::NotFound { .. }),
        "{err:?}"
    );
}

#[test]
fn a_deleted_chair_leaves_the_plan_without_it_and_a_deleted_child_takes_the_plan() {
    let mut api = api();
    let p = pupil(&mut api);
    api.save_evacuation_plan(p.child.id, plan(&p, 200)).unwrap();

    api.delete_item(p.chair.id).unwrap();

    let kept = api.evacuation_plan(p.child.id, None).unwrap().unwrap();
    assert_eq!(kept.equipment_id, None);
    assert_eq!(kept.sessions, plan(&p, 200).sessions);
    api.delete_child(p.child.id).unwrap();
    let left: i64 = api
        .store()
        .conn()
        .query_row("SELECT count(*) FROM evacuation_plans", [], |r| r.get(0))
        .unwrap();
    assert_eq!(left, 0);
}

#[test]
fn a_review_within_the_window_is_in_the_due_list_and_a_badge_and_a_later_one_is_not() {
    let mut api = api();
    let p = pupil(&mut api);
    api.save_evacuation_plan(p.child.id, plan(&p, 20)).unwrap();

    let due: Vec<_> = api
        .due_list(30)
        .unwrap()
        .into_iter()
        .filter(|e| e.kind == DueKind::EvacuationReview)
        .collect();

    assert_eq!(due.len(), 1);
    assert_eq!(due[0].subject, "Evacuation plan (PEEP) at Oakfield Primary");
    assert_eq!(due[0].setting_name, "Oakfield Primary");
    assert_eq!(due[0].days_left, 20);
    assert_eq!(due[0].child_id, p.child.id);
    assert_eq!(DueKind::EvacuationReview.label(), "Evacuation plan review");
    assert_eq!(
        DueKind::EvacuationReview.badge(false),
        "Evacuation plan review due"
    );
    assert_eq!(
        DueKind::EvacuationReview.badge(true),
        "Overdue evacuation plan review"
    );
    let found = api.search_children("ayesha", None, 10).unwrap().children;
    let badge = found[0]
        .due
        .iter()
        .find(|b| b.kind == DueKind::EvacuationReview)
        .expect("an evacuation review badge");
    assert!(!badge.overdue);

    api.save_evacuation_plan(p.child.id, plan(&p, 200)).unwrap();
    assert!(
        api.due_list(30)
            .unwrap()
            .iter()
            .all(|e| e.kind != DueKind::EvacuationReview)
    );
}

#[test]
fn an_overdue_review_shows_as_overdue() {
    let mut api = support::api_on(date(2026, 1, 10));
    let p = pupil(&mut api);
    let mut p_plan = plan(&p, 0);
    p_plan.review_date = Some(date(2026, 2, 1));
    api.save_evacuation_plan(p.child.id, p_plan).unwrap();
    // Months later, on another day's clock, the same caseload is asked again.
    let (zip, _) = api.bundle_zip(ExportScope::All).unwrap();
    let mut later = support::api_on(date(2026, 3, 1));
    later
        .import_bundle_zip(&zip, &ImportOptions::default())
        .unwrap();

    let due: Vec<_> = later
        .due_list(30)
        .unwrap()
        .into_iter()
        .filter(|e| e.kind == DueKind::EvacuationReview)
        .collect();
    assert_eq!(due.len(), 1);
    assert_eq!(due[0].days_left, -28);
    let found = later.search_children("ayesha", None, 10).unwrap().children;
    assert!(
        found[0]
            .due
            .iter()
            .any(|b| b.kind == DueKind::EvacuationReview && b.overdue)
    );
}

#[test]
fn history_shows_the_plan_under_the_child_with_the_fields_that_changed() {
    let mut api = api();
    let p = pupil(&mut api);
    api.save_evacuation_plan(p.child.id, plan(&p, 200)).unwrap();
    let mut changed = plan(&p, 200);
    changed.sessions[1].adults.push(adult("Mrs Hughes", ""));
    changed.assembly_point = "Staff car park".into();

    api.save_evacuation_plan(p.child.id, changed).unwrap();

    let history: Vec<_> = api
        .history(p.child.id)
        .unwrap()
        .into_iter()
        .filter(|e| e.record.kind == RecordKind::EvacuationPlan)
        .collect();
    let actions: Vec<AuditAction> = history.iter().map(|e| e.action).collect();
    assert_eq!(actions, [AuditAction::Create, AuditAction::Update]);
    assert_eq!(history[1].summary, "Evacuation plan");
    let changes: Vec<(&str, Option<&str>, Option<&str>)> = history[1]
        .changes
        .iter()
        .map(|c| (c.label.as_str(), c.old.as_deref(), c.new.as_deref()))
        .collect();
    assert_eq!(
        changes,
        [
            (
                "Assembly point",
                Some("Top playground, by the gate"),
                Some("Staff car park")
            ),
            (
                "Adults named",
                Some(
                    "Morning: Mrs Price (Teaching assistant)\nLunch: Mr Evans (Midday supervisor)"
                ),
                Some(
                    "Morning: Mrs Price (Teaching assistant)\nLunch: Mr Evans (Midday supervisor), Mrs Hughes"
                )
            ),
        ]
    );
    // The chair and the setting read as their names, not their ids.
    let created = &history[0].changes;
    let shown = |label: &str| {
        created
            .iter()
            .find(|c| c.label == label)
            .and_then(|c| c.new.clone())
    };
    assert_eq!(shown("Evacuated in").as_deref(), Some("Evacuation chair"));
    assert_eq!(shown("Setting").as_deref(), Some("Oakfield Primary"));
}

#[test]
fn a_bundle_carries_the_plan_with_its_chair_renamed_on_a_copy() {
    let mut api = api();
    let p = pupil(&mut api);
    api.save_evacuation_plan(p.child.id, plan(&p, 200)).unwrap();
    let (zip, _) = api.bundle_zip(ExportScope::All).unwrap();

    let mut other = support::api();
    let report = other
        .import_bundle_zip(&zip, &ImportOptions::default())
        .unwrap();
    assert_eq!(report.count(ChildOutcome::Imported), 1);
    assert_eq!(
        other.evacuation_plan(p.child.id, None).unwrap(),
        Some(plan(&p, 200))
    );

    let options = ImportOptions {
        existing: equipment_passport::bundle::ExistingChild::Copy,
        ..Default::default()
    };
    api.import_bundle_zip(&zip, &options).unwrap();
    let copy = api
        .search_children("ayesha", None, 10)
        .unwrap()
        .children
        .into_iter()
        .find(|c| c.id != p.child.id)
        .expect("the copy");
    let record = api.child(copy.id).unwrap();
    let copied = api.evacuation_plan(copy.id, None).unwrap().unwrap();
    assert_eq!(copied.equipment_id, Some(record.items[0].id));
    assert_ne!(copied.equipment_id, Some(p.chair.id));
    assert_eq!(copied.sessions, plan(&p, 200).sessions);
}

#[test]
fn a_bundle_whose_plan_names_no_adult_is_refused() {
    let mut api = api();
    let p = pupil(&mut api);
    api.save_evacuation_plan(p.child.id, plan(&p, 200)).unwrap();
    let (zip, _) = api.bundle_zip(ExportScope::All).unwrap();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(zip)).unwrap();
    let mut doc = String::new();
    std::io::Read::read_to_string(&mut archive.by_name("bundle.json").unwrap(), &mut doc).unwrap();
    assert!(doc.contains("\"evacuation_plan\""));
    let mut bundle: equipment_passport::bundle::Bundle = serde_json::from_str(&doc).unwrap();
    let evac = bundle.children[0].evacuation_plan.as_mut().unwrap();
    evac.sessions.clear();
    let broken = rezip(&mut archive, &serde_json::to_vec(&bundle).unwrap());

    let err = support::api()
        .import_bundle_zip(&broken, &ImportOptions::default())
        .unwrap_err()
        .to_string();
    assert!(err.contains("evacuation plan"), "{err}");
    assert!(err.contains("at least one adult"), "{err}");
}

/// The archive again with `bundle.json` replaced.
fn rezip(archive: &mut zip::ZipArchive<std::io::Cursor<Vec<u8>>>, doc: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).unwrap();
        let name = file.name().to_string();
        out.start_file(name.as_str(), options).unwrap();
        if name == "bundle.json" {
            out.write_all(doc).unwrap();
        } else {
            std::io::copy(&mut file, &mut out).unwrap();
        }
    }
    out.finish().unwrap().into_inner()
}

#[test]
fn a_bundle_without_a_plan_does_not_mention_one() {
    let mut api = api();
    pupil(&mut api);
    let (bytes, _) = api.bundle_zip(ExportScope::All).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut doc = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("bundle.json").unwrap(), &mut doc).unwrap();
    assert!(!doc.contains("evacuation_plan"));
}

/// The CLI runs on the real clock, so its review dates are counted from the real today.
#[test]
fn the_cli_sets_shows_refuses_and_removes_a_plan() {
    use crate::support::cli::passport;
    use crate::support::{born_years_ago, iso, real_today};
    let dir = tempfile::tempdir().unwrap();
    let out = |cmd: &mut assert_cmd::Command| {
        String::from_utf8(cmd.assert().success().get_output().stdout.clone())
            .unwrap()
            .trim()
            .to_string()
    };
    let school = out(passport(dir.path()).args(["setting", "add", "--name", "Oakfield Primary"]));
    let dob = iso(born_years_ago(8));
    let child = out(passport(dir.path()).args([
        "child",
        "add",
        "--given",
        "Ayesha",
        "--family",
        "Begum",
        "--dob",
        &dob,
        "--setting",
        &school,
    ]));
    let review = iso(real_today() + chrono::Days::new(180));
    let write = |adults: &str| {
        let file = dir.path().join("plan.json");
        std::fs::write(
            &file,
            format!(
                r#"{{"route": "Hall fire door", "assembly_point": "Top playground",
                    "sessions": [{{"session": "Morning", "adults": [{adults}]}}],
                    "review_date": "{review}"}}"#
            ),
        )
        .unwrap();
        file
    };

    let nobody = write("");
    let refused = passport(dir.path())
        .args(["evacuation", "set", "--child", &child, "--file"])
        .arg(&nobody)
        .assert()
        .failure()
        .stdout("");
    let stderr = String::from_utf8(refused.get_output().stderr.clone()).unwrap();
    assert!(stderr.contains("at least one adult"), "{stderr}");
    let none = out(passport(dir.path()).args(["evacuation", "show", "--child", &child]));
    assert!(none.contains("No evacuation plan"), "{none}");

    let price = write(r#"{"name": "Mrs Price", "role": "Teaching assistant"}"#);
    passport(dir.path())
        .args(["evacuation", "set", "--child", &child, "--file"])
        .arg(&price)
        .assert()
        .success();
    let shown = out(passport(dir.path()).args(["evacuation", "show", "--child", &child]));
    assert!(shown.contains("Top playground"), "{shown}");
    assert!(
        shown.contains("Morning") && shown.contains("Mrs Price (Teaching assistant)"),
        "{shown}"
    );
    let json: serde_json::Value = serde_json::from_str(&out(passport(dir.path()).args([
        "evacuation",
        "show",
        "--child",
        &child,
        "--json",
    ])))
    .unwrap();
    assert_eq!(json["setting_id"], school.as_str());
    assert_eq!(json["review_date"], review.as_str());

    passport(dir.path())
        .args(["evacuation", "remove", "--child", &child])
        .assert()
        .success();
    let gone = out(passport(dir.path()).args(["evacuation", "show", "--child", &child]));
    assert!(gone.contains("No evacuation plan"), "{gone}");
}
