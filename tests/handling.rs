//! Moving and handling plans through the api: saved and read whole, refused whole, in the due
//! list and the caseload's badges, in History, deleted with the child, and carried by bundles.

use crate::support::{self, add_child, add_item, api};
use equipment_passport::Api;
use equipment_passport::api::{AuditAction, ExportScope, RecordKind};
use equipment_passport::bundle::{ChildOutcome, ImportOptions};
use equipment_passport::model::*;

struct Plan {
    child: Child,
    hoist: EquipmentItem,
    sling: EquipmentItem,
}

fn with_items(api: &mut Api) -> Plan {
    let child = add_child(api, "Zoë", "Hughes");
    let hoist = add_item(api, child.id, Category::Hoist, "Ceiling hoist");
    let sling = add_item(api, child.id, Category::Sling, "Toileting sling");
    Plan {
        child,
        hoist,
        sling,
    }
}

fn hoisted(p: &Plan, review_in_days: u64) -> HandlingTask {
    HandlingTask {
        equipment_id: Some(p.hoist.id),
        sling_id: Some(p.sling.id),
        loops: LoopConfiguration {
            shoulder_left: "Green".into(),
            shoulder_right: "Green".into(),
            leg_left: "2nd loop".into(),
            leg_right: "2nd loop".into(),
        },
        adults: 2,
        method: "Hoist from bed to chair; one adult at the controls".into(),
        photo_ref: "Photo 3 on the hoist page".into(),
        review_date: Some(support::today() + chrono::Days::new(review_in_days)),
        ..HandlingTask::new("Bed to chair")
    }
}

fn stander() -> HandlingTask {
    HandlingTask {
        method: "Walk me in, then the knee block and chest strap".into(),
        ..HandlingTask::new("Into the stander")
    }
}

#[test]
fn a_plan_is_saved_and_read_back_in_its_order() {
    let mut api = api();
    let p = with_items(&mut api);
    assert!(api.handling_plan(p.child.id).unwrap().is_empty());
    let plan = vec![stander(), hoisted(&p, 90)];

    let saved = api.save_handling_plan(p.child.id, plan.clone()).unwrap();

    assert_eq!(saved, plan);
    assert_eq!(api.handling_plan(p.child.id).unwrap(), plan);
    // Reordered and one removed: the stored plan is the new one, whole.
    api.save_handling_plan(p.child.id, vec![hoisted(&p, 90)])
        .unwrap();
    assert_eq!(
        api.handling_plan(p.child.id).unwrap(),
        vec![hoisted(&p, 90)]
    );
}

#[test]
fn one_bad_row_saves_nothing_and_names_each_field() {
    let mut api = api();
    let p = with_items(&mut api);
    api.save_handling_plan(p.child.id, vec![stander()]).unwrap();
    let other = add_child(&mut api, "Sam", "Patel");
    let theirs = add_item(&mut api, other.id, Category::Hoist, "Sam's hoist");

    let mut no_name = hoisted(&p, 90);
    no_name.task = " ".into();
    let mut no_loops = hoisted(&p, 90);
    no_loops.loops = LoopConfiguration::default();
    let mut five_adults = stander();
    five_adults.adults = 5;
    let mut long_method = stander();
    long_method.method = "m".repeat(201);
    let mut not_theirs = stander();
    not_theirs.equipment_id = Some(theirs.id);
    let mut hoist_as_sling = hoisted(&p, 90);
    hoist_as_sling.sling_id = Some(p.hoist.id);
    let err = api
        .save_handling_plan(
            p.child.id,
            vec![
                no_name,
                no_loops,
                five_adults,
                long_method,
                not_theirs,
                hoist_as_sling,
            ],
        )
        .unwrap_err();

    let fields: Vec<&str> = err.fields().iter().map(|f| f.field.as_str()).collect();
    assert_eq!(
        fields,
        [
            "handling[0].task",
            "handling[1].loops",
            "handling[2].adults",
            "handling[3].method",
            "handling[4].equipment_id",
            "handling[5].sling_id",
        ]
    );
    assert_eq!(api.handling_plan(p.child.id).unwrap(), vec![stander()]);
}

#[test]
fn a_plan_for_a_child_that_does_not_exist_is_not_found() {
    let mut api = api();
    let err = api
        .save_handling_plan(ChildId::new(), vec![stander()])
        .unwrap_err();
    assert!(
        matches!(err, equipment_passport::Error::NotFound { .. }),
        "{err:?}"
    );
}

#[test]
fn a_deleted_item_leaves_the_task_without_it_and_a_deleted_child_takes_the_plan() {
    let mut api = api();
    let p = with_items(&mut api);
    api.save_handling_plan(p.child.id, vec![hoisted(&p, 90)])
        .unwrap();

    api.delete_item(p.hoist.id).unwrap();

    let plan = api.handling_plan(p.child.id).unwrap();
    assert_eq!(plan[0].equipment_id, None);
    assert_eq!(plan[0].sling_id, Some(p.sling.id));
    api.delete_child(p.child.id).unwrap();
    let left: i64 = api
        .store()
        .conn()
        .query_row("SELECT count(*) FROM handling_tasks", [], |r| r.get(0))
        .unwrap();
    assert_eq!(left, 0);
}

#[test]
fn a_review_within_the_window_or_past_is_in_the_due_list_and_a_later_one_is_not() {
    let mut api = api();
    let p = with_items(&mut api);
    let mut overdue = stander();
    overdue.review_date = Some(support::today() - chrono::Days::new(3));
    api.save_handling_plan(p.child.id, vec![hoisted(&p, 20), overdue, hoisted(&p, 200)])
        .unwrap();

    let due: Vec<_> = api
        .due_list(30)
        .unwrap()
        .into_iter()
        .filter(|e| e.kind == DueKind::HandlingReview)
        .collect();

    assert_eq!(due.len(), 2);
    assert_eq!(due[0].subject, "Handling plan: Into the stander");
    assert_eq!(due[0].days_left, -3);
    assert_eq!(due[0].when(), "Overdue by 3 days");
    assert_eq!(due[1].subject, "Handling plan: Bed to chair");
    assert_eq!(due[1].days_left, 20);
    assert_eq!(due[0].child_id, p.child.id);
    assert_eq!(DueKind::HandlingReview.label(), "Handling plan review");

    let found = api.search_children("zoe", None, 10).unwrap().children;
    let badge = found[0]
        .due
        .iter()
        .find(|b| b.kind == DueKind::HandlingReview)
        .expect("a handling review badge");
    assert!(badge.overdue);

    // Saved again with the review moved on, it leaves the list.
    api.save_handling_plan(p.child.id, vec![hoisted(&p, 200)])
        .unwrap();
    assert!(
        api.due_list(30)
            .unwrap()
            .iter()
            .all(|e| e.kind != DueKind::HandlingReview)
    );
}

#[test]
fn history_shows_a_changed_row_as_one_update_of_the_changed_fields() {
    let mut api = api();
    let p = with_items(&mut api);
    api.save_handling_plan(p.child.id, vec![stander(), hoisted(&p, 90)])
        .unwrap();
    let mut changed = hoisted(&p, 90);
    changed.adults = 3;
    changed.loops.leg_left = "3rd loop".into();

    api.save_handling_plan(p.child.id, vec![stander(), changed])
        .unwrap();

    let history: Vec<_> = api
        .history(p.child.id)
        .unwrap()
        .into_iter()
        .filter(|e| e.record.kind == RecordKind::HandlingTask)
        .collect();
    let actions: Vec<AuditAction> = history.iter().map(|e| e.action).collect();
    assert_eq!(
        actions,
        [
            AuditAction::Create,
            AuditAction::Create,
            AuditAction::Update
        ]
    );
    let update = &history[2];
    assert_eq!(update.summary, "Handling plan: Bed to chair");
    let changes: Vec<(&str, Option<&str>, Option<&str>)> = update
        .changes
        .iter()
        .map(|c| (c.label.as_str(), c.old.as_deref(), c.new.as_deref()))
        .collect();
    assert_eq!(
        changes,
        [
            ("Left leg loop", Some("2nd loop"), Some("3rd loop")),
            ("Adults", Some("2"), Some("3")),
        ]
    );
}

#[test]
fn a_bundle_carries_the_plan_with_its_items_renamed_on_a_copy() {
    let mut api = api();
    let p = with_items(&mut api);
    api.save_handling_plan(p.child.id, vec![hoisted(&p, 90), stander()])
        .unwrap();
    let (zip, _) = api.bundle_zip(ExportScope::All).unwrap();

    // Into another caseload: the same ids, the same plan.
    let mut other = support::api();
    let report = other
        .import_bundle_zip(&zip, &ImportOptions::default())
        .unwrap();
    assert_eq!(report.count(ChildOutcome::Imported), 1);
    assert_eq!(
        other.handling_plan(p.child.id).unwrap(),
        api.handling_plan(p.child.id).unwrap()
    );

    // As a copy beside the original: new ids, and the plan names the copy's own items.
    let options = ImportOptions {
        existing: equipment_passport::bundle::ExistingChild::Copy,
        ..Default::default()
    };
    api.import_bundle_zip(&zip, &options).unwrap();
    let copy = api
        .search_children("zoe", None, 10)
        .unwrap()
        .children
        .into_iter()
        .find(|c| c.id != p.child.id)
        .expect("the copy");
    let record = api.child(copy.id).unwrap();
    let plan = api.handling_plan(copy.id).unwrap();
    let hoist = record
        .items
        .iter()
        .find(|i| i.details.category == Category::Hoist)
        .unwrap();
    let sling = record
        .items
        .iter()
        .find(|i| i.details.category == Category::Sling)
        .unwrap();
    assert_eq!(plan[0].equipment_id, Some(hoist.id));
    assert_eq!(plan[0].sling_id, Some(sling.id));
    assert_eq!(plan[0].loops.shoulder_left, "Green");
    assert_eq!(plan[1], stander());
}

#[test]
fn a_bundle_without_a_plan_does_not_mention_one() {
    let mut api = api();
    add_child(&mut api, "Sam", "Patel");
    let (bytes, _) = api.bundle_zip(ExportScope::All).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut doc = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("bundle.json").unwrap(), &mut doc).unwrap();
    assert!(!doc.contains("handling_plan"));
    assert!(doc.contains("\"schema_version\": 3") || doc.contains("\"schema_version\":3"));
}
