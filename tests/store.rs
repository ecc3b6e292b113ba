//! Store round trips: every kind of record comes back exactly as it was saved, on disk, after
//! the database is closed and opened again.

use crate::support::photos::jpeg;
use crate::support::*;
use chrono::NaiveTime;
use equipment_passport::clock::FixedClock;
use equipment_passport::model::*;
use equipment_passport::{Api, Error};
use std::sync::Arc;

fn reopen(dir: &std::path::Path) -> Api {
    Api::open(dir, None, Arc::new(FixedClock::on(today()))).unwrap()
}

fn full_child(setting: SettingId) -> ChildDetails {
    let mut c = ChildDetails::new("Zoë", "Łukasiewicz", date(2016, 9, 1));
    c.preferred_name = "Zo".into();
    c.nhs_number = "9990000018".into();
    c.setting_id = Some(setting);
    c.class_name = "Year 5, Rowan class".into();
    c.tier = Some(Tier::Specialist);
    c.ehcp = Ehcp {
        has_plan: true,
        section_g: "Wheelchair service to review seating yearly.".into(),
    };
    c.consent = Some(Consent {
        given_by: "Anna Łukasiewicz (mother)".into(),
        given_on: date(2026, 9, 3),
    });
    c.about_me = AboutMe {
        communication: "Uses an eye-gaze device; yes is a smile.".into(),
        what_helps: "Tell me before you move me.".into(),
        medical_alerts: "VP shunt: no pressure on the right side of the head.".into(),
    };
    c.home_address = "12 Acacia Avenue\nBirmingham".into();
    c.home_postcode = "B21 9RY".into();
    c.key_statements = KeyStatements {
        red: vec![
            "Never lift me without two adults".into(),
            "Never leave me alone in the stander".into(),
        ],
        amber: vec![" Brakes on before I move ".into(), String::new()],
        green: vec!["Sing to me while we move".into()],
    };
    c
}

fn full_supplier() -> SupplierDetails {
    let mut s = SupplierDetails::new(
        "Midlands Wheelchair Service",
        SupplierKind::WheelchairService,
    );
    s.phones = vec![Phone {
        label: "Office".into(),
        number: "0121 496 0000".into(),
    }];
    s.repair_phone = "0121 496 0001".into();
    s.repair_hours = "Mon to Fri 8am to 6pm".into();
    s.email = "repairs@wheelchairs.example".into();
    s.address = "Unit 4, Soho Road".into();
    s.postcode = "B21 9RY".into();
    s.account_ref = "ACC-7731".into();
    s
}

fn full_wheelchair(service: SupplierId) -> ItemDetails {
    let mut d = ItemDetails::new(Category::Wheelchair, "Everyday wheelchair");
    d.make = "Rolling Ltd".into();
    d.model = "Junior 2".into();
    d.serial = "RL-55102".into();
    d.size = "Seat 32 cm".into();
    d.where_used = WhereUsed::Both;
    d.provider_id = Some(service);
    d.loan_number = "LN-0091".into();
    d.issue_date = Some(date(2025, 1, 15));
    d.purpose = "Getting about school independently.".into();
    d.schedule = vec![ScheduleSlot {
        days: vec![Day::Mon, Day::Wed],
        start: NaiveTime::from_hms_opt(9, 30, 0),
        duration_minutes: Some(45),
        activity: "Literacy".into(),
    }];
    d.setup_steps = vec![
        SetupStep {
            text: "Apply both brakes.".into(),
            photo_id: None,
        },
        SetupStep {
            text: "Fasten the pelvic strap.".into(),
            photo_id: None,
        },
    ];
    d.safety_checks = vec!["Tyres inflated".into(), "Brakes hold".into()];
    d.cleaning = "Wipe weekly.".into();
    d.dos = vec!["Do tilt before hoisting".into()];
    d.donts = vec!["Don't lift by the armrests".into()];
    d.status = ItemStatus::AwaitingRepair;
    d.repair_supplier_id = Some(service);
    d.therapist = "Sam Patel, OT".into();
    d.staff_needed = 2;
    let mut w = WheelchairDetails::new(WheelchairType::ManualSelfPropelled);
    w.seat_width_mm = Some(320);
    w.seat_depth_mm = Some(300);
    w.components = "Contoured cushion, lateral supports".into();
    w.tilt_in_space = true;
    w.budget = WheelchairBudget::NotionalTopUp;
    w.service_id = Some(service);
    w.repairer_id = Some(service);
    w.crash_tested = true;
    d.wheelchair = Some(w);
    d.seating = Some(SeatingDetails {
        postural_supports: vec!["Pommel".into()],
        measurements: vec![Measurement {
            label: "Footplate height".into(),
            value: "28 cm".into(),
        }],
    });
    d
}

#[test]
fn every_kind_of_record_survives_closing_and_reopening_the_database() {
    let dir = tempfile::tempdir().unwrap();
    let mut api = reopen(dir.path());
    let setting = add_setting(&mut api, "Oakfield Primary School");
    let supplier = api.create_supplier(full_supplier()).unwrap();
    let child = api.create_child(full_child(setting.id)).unwrap();
    let mut contact = ContactDetails::new("Anna Łukasiewicz", ContactRole::ParentCarer);
    contact.relationship = "Mother".into();
    contact.phones = vec![Phone {
        label: "Mobile".into(),
        number: "07700 900123".into(),
    }];
    contact.email = "anna@example.invalid".into();
    contact.notes = "Prefers texts.".into();
    let contact = api.add_contact(child.id, contact).unwrap();
    let item = api
        .create_item(child.id, full_wheelchair(supplier.id))
        .unwrap();
    let photo = api
        .add_item_photo(item.id, &jpeg(800, 600), "From the front")
        .unwrap();
    let step_photo = api.add_step_photo(item.id, &jpeg(400, 300)).unwrap();
    let mut with_step_photo = item.details.clone();
    with_step_photo.setup_steps[0].photo_id = Some(step_photo);
    api.update_item(item.id, with_step_photo).unwrap();
    let portrait = api.set_child_photo(child.id, &jpeg(300, 300)).unwrap();
    let hoist = add_item(&mut api, child.id, Category::Hoist, "Ceiling hoist");
    let mut sling = ItemDetails::new(Category::Sling, "Toileting sling");
    sling.sling = Some(SlingDetails {
        maker: "Lift Co".into(),
        model: "Access".into(),
        size: "Medium".into(),
        colour_code: "Yellow".into(),
        sling_id: "SL-2025-0113".into(),
        loops: LoopConfiguration {
            shoulder_left: "Blue".into(),
            shoulder_right: "Blue".into(),
            leg_left: "Green".into(),
            leg_right: "Green".into(),
        },
        hoist_ids: vec![hoist.id],
    });
    let sling = api.create_item(child.id, sling).unwrap();
    let mut exam = record(ServiceKind::LolerExamination, date(2026, 6, 1));
    exam.outcome = Outcome::Advisory;
    exam.notes = "Label fading".into();
    let exam = api.add_service_record(sling.id, exam).unwrap();
    api.set_service_intervals(ServiceIntervals {
        service_months: 6,
        ..Default::default()
    })
    .unwrap();
    drop(api);

    let api = reopen(dir.path());
    let record = api.child(child.id).unwrap();
    assert_eq!(
        record.child.details,
        full_child(setting.id).validated(today()).unwrap()
    );
    assert_eq!(record.child.photo_id, Some(portrait));
    assert_eq!(record.setting.unwrap(), setting);
    assert_eq!(record.contacts, vec![contact]);
    assert_eq!(api.suppliers().unwrap(), vec![supplier.clone()]);
    let stored = api.item(item.id).unwrap().item;
    let mut expected = full_wheelchair(supplier.id);
    expected.setup_steps[0].photo_id = Some(step_photo);
    assert_eq!(stored.details, expected);
    assert_eq!(
        stored.photos,
        vec![photo],
        "step photos stay out of the gallery"
    );
    let sling_record = api.item(sling.id).unwrap();
    assert_eq!(
        sling_record.item.details.sling.unwrap().hoist_ids,
        vec![hoist.id]
    );
    assert_eq!(sling_record.service_log, vec![exam]);
    assert_eq!(api.service_intervals().unwrap().service_months, 6);
    assert_eq!(
        image::load_from_memory(&api.photo_jpeg(portrait).unwrap())
            .unwrap()
            .width(),
        300
    );
    assert!(api.check_database().unwrap().ok());
}

#[test]
fn gallery_photos_keep_their_order_and_captions() {
    let mut api = api();
    let child = add_child(&mut api, "Amara", "Okafor");
    let item = add_item(&mut api, child.id, Category::StandingFrame, "Stander");
    let a = api.add_item_photo(item.id, &jpeg(64, 48), "Front").unwrap();
    let b = api.add_item_photo(item.id, &jpeg(64, 48), "Side").unwrap();
    let c = api
        .add_item_photo(item.id, &jpeg(64, 48), "Straps")
        .unwrap();
    api.reorder_item_photos(item.id, &[c.id, a.id, b.id])
        .unwrap();
    api.set_photo_caption(a.id, "  Front view ").unwrap();
    let order: Vec<(PhotoId, String)> = api
        .item(item.id)
        .unwrap()
        .item
        .photos
        .into_iter()
        .map(|p| (p.id, p.caption))
        .collect();
    assert_eq!(
        order,
        vec![
            (c.id, "Straps".into()),
            (a.id, "Front view".into()),
            (b.id, "Side".into())
        ]
    );
    // An order that leaves a photo out is refused and changes nothing.
    assert!(matches!(
        api.reorder_item_photos(item.id, &[a.id, b.id]),
        Err(Error::Conflict(_))
    ));
    assert_eq!(api.item(item.id).unwrap().item.photos[0].id, c.id);
    api.delete_photo(c.id).unwrap();
    assert_eq!(api.item(item.id).unwrap().item.photos.len(), 2);
}

#[test]
fn deleting_a_child_removes_everything_recorded_about_them() {
    let mut api = api();
    let child = add_child(&mut api, "Amara", "Okafor");
    api.set_child_photo(child.id, &jpeg(64, 64)).unwrap();
    api.add_contact(
        child.id,
        ContactDetails::new("Grace Okafor", ContactRole::ParentCarer),
    )
    .unwrap();
    let hoist = add_item(&mut api, child.id, Category::Hoist, "Hoist");
    api.add_item_photo(hoist.id, &jpeg(64, 48), "").unwrap();
    api.add_service_record(
        hoist.id,
        record(ServiceKind::LolerExamination, date(2026, 1, 5)),
    )
    .unwrap();
    api.delete_child(child.id).unwrap();
    let check = api.check_database().unwrap();
    assert_eq!((check.children, check.items, check.photos), (0, 0, 0));
    assert!(check.ok());
    assert!(api.due_list(365).unwrap().is_empty());
    assert!(matches!(api.child(child.id), Err(Error::NotFound { .. })));
}

#[test]
fn a_supplier_named_on_equipment_cannot_be_deleted() {
    let mut api = api();
    let supplier = api.create_supplier(full_supplier()).unwrap();
    let child = add_child(&mut api, "Amara", "Okafor");
    let item = api
        .create_item(child.id, full_wheelchair(supplier.id))
        .unwrap();
    match api.delete_supplier(supplier.id) {
        Err(Error::Conflict(message)) => assert!(
            message.starts_with("1 equipment item still names"),
            "{message}"
        ),
        other => panic!("expected a conflict, got {other:?}"),
    }
    api.delete_item(item.id).unwrap();
    api.delete_supplier(supplier.id).unwrap();
    assert!(api.suppliers().unwrap().is_empty());
}

#[test]
fn a_fourth_statement_of_a_colour_or_an_overlong_one_saves_nothing() {
    let mut api = api();
    let child = add_child(&mut api, "Amara", "Okafor");
    let mut details = child.details.clone();
    details.given_name = "Amara-Grace".into();
    details.key_statements.red = ["One", "Two", "Three", "Four"].map(String::from).to_vec();
    details.key_statements.green = vec!["x".repeat(201)];

    let err = api.update_child(child.id, details).unwrap_err();

    let fields: Vec<&str> = err.fields().iter().map(|f| f.field.as_str()).collect();
    assert_eq!(
        fields,
        vec!["key_statements.red", "key_statements.green[0]"]
    );
    let stored = api.child(child.id).unwrap().child.details;
    assert_eq!(
        stored, child.details,
        "nothing was saved, not even the name"
    );
}

#[test]
fn deleting_a_setting_keeps_its_children() {
    let mut api = api();
    let setting = add_setting(&mut api, "Oakfield");
    let mut d = ChildDetails::new("Amara", "Okafor", date(2017, 1, 1));
    d.setting_id = Some(setting.id);
    let child = api.create_child(d).unwrap();
    assert_eq!(api.setting_child_count(setting.id).unwrap(), 1);
    api.delete_setting(setting.id).unwrap();
    assert_eq!(api.child(child.id).unwrap().child.details.setting_id, None);
}

#[test]
fn two_slings_cannot_share_an_id() {
    let mut api = api();
    let child = add_child(&mut api, "Amara", "Okafor");
    let mut sling = ItemDetails::new(Category::Sling, "Sling A");
    sling.sling = Some(SlingDetails {
        sling_id: "SL-1".into(),
        ..Default::default()
    });
    api.create_item(child.id, sling.clone()).unwrap();
    sling.name = "Sling B".into();
    let err = api.create_item(child.id, sling).unwrap_err();
    assert_eq!(err.fields()[0].field, "sling.sling_id");
    assert_eq!(api.items_of_child(child.id).unwrap().len(), 1);
}

#[test]
fn references_to_missing_or_foreign_records_are_field_errors() {
    let mut api = api();
    let child = add_child(&mut api, "Amara", "Okafor");
    let other = add_child(&mut api, "Zoë", "Hughes");
    let others_hoist = add_item(&mut api, other.id, Category::Hoist, "Hoist");
    let mut d = ItemDetails::new(Category::Sling, "Sling");
    d.provider_id = Some(SupplierId::new());
    d.sling = Some(SlingDetails {
        sling_id: "SL-9".into(),
        hoist_ids: vec![others_hoist.id],
        ..Default::default()
    });
    d.setup_steps = vec![SetupStep {
        text: "Lay flat".into(),
        photo_id: Some(PhotoId::new()),
    }];
    let err = api.create_item(child.id, d).unwrap_err();
    let fields: Vec<&str> = err.fields().iter().map(|f| f.field.as_str()).collect();
    assert_eq!(
        fields,
        vec![
            "provider_id",
            "setup_steps[0].photo_id",
            "sling.hoist_ids[0]"
        ]
    );
    assert!(api.items_of_child(child.id).unwrap().is_empty());
    let mut d = ChildDetails::new("Ben", "Ali", date(2018, 1, 1));
    d.setting_id = Some(SettingId::new());
    assert_eq!(
        api.create_child(d).unwrap_err().fields()[0].field,
        "setting_id"
    );
}

#[test]
fn missing_records_are_not_found_errors() {
    let mut api = api();
    assert!(matches!(
        api.child(ChildId::new()),
        Err(Error::NotFound { kind: "child", .. })
    ));
    assert!(matches!(
        api.item(ItemId::new()),
        Err(Error::NotFound { .. })
    ));
    let c = ChildDetails::new("Ben", "Ali", date(2018, 1, 1));
    assert!(matches!(
        api.update_child(ChildId::new(), c),
        Err(Error::NotFound { .. })
    ));
    assert!(matches!(
        api.create_item(ChildId::new(), ItemDetails::new(Category::Other, "x")),
        Err(Error::NotFound { .. })
    ));
}

#[test]
fn loler_interval_cannot_be_set_beyond_six_months() {
    let mut api = api();
    let err = api
        .set_service_intervals(ServiceIntervals {
            loler_lifting_months: 12,
            ..Default::default()
        })
        .unwrap_err();
    assert_eq!(err.fields()[0].field, "loler_lifting_months");
    assert_eq!(
        api.service_intervals().unwrap(),
        ServiceIntervals::default()
    );
}

#[test]
fn a_second_child_with_an_nhs_number_already_on_the_caseload_is_refused_naming_the_first() {
    let mut api = api();
    let mut zoe = ChildDetails::new("Zoë", "Hughes", date(2017, 3, 14));
    zoe.nhs_number = "999 000 0018".into();
    let first = api.create_child(zoe).unwrap();
    let mut twin = ChildDetails::new("Zoe", "Hughes", date(2017, 3, 14));
    twin.nhs_number = "9990000018".into();

    let err = api.create_child(twin).unwrap_err();

    assert_eq!(err.fields().len(), 1);
    assert_eq!(err.fields()[0].field, "nhs_number");
    let message = &err.fields()[0].message;
    assert!(message.contains(&first.id.to_string()), "{message}");
    assert!(!message.contains("Zo"), "ids, never names: {message}");
    assert_eq!(api.child_count().unwrap(), 1);
}

#[test]
fn changing_a_childs_nhs_number_to_one_another_child_holds_is_refused() {
    let mut api = api();
    let mut zoe = ChildDetails::new("Zoë", "Hughes", date(2017, 3, 14));
    zoe.nhs_number = "999 000 0018".into();
    let zoe = api.create_child(zoe).unwrap();
    let sam = add_child(&mut api, "Sam", "Patel");
    let mut details = sam.details.clone();
    details.nhs_number = "999 000 0018".into();

    let err = api.update_child(sam.id, details).unwrap_err();

    assert_eq!(err.fields()[0].field, "nhs_number");
    assert!(err.fields()[0].message.contains(&zoe.id.to_string()));
    assert_eq!(api.child(sam.id).unwrap().child.details.nhs_number, "");
    // A child keeps their own number through an edit, and children with no number never
    // clash with each other.
    let mut zoe_details = zoe.details.clone();
    zoe_details.class_name = "Year 4".into();
    api.update_child(zoe.id, zoe_details).unwrap();
    add_child(&mut api, "Leo", "Brennan");
}

#[test]
fn the_cli_refuses_a_second_child_with_the_same_nhs_number() {
    let dir = tempfile::tempdir().unwrap();
    let add = |given: &str| {
        let mut cmd = assert_cmd::Command::cargo_bin("passport").unwrap();
        cmd.arg("--data-dir")
            .arg(dir.path())
            .env("PASSPORT_PASSPHRASE", "blue kettle on Tuesday")
            .args(["child", "add", "--given", given, "--family", "Hughes"])
            .args(["--dob", "2017-03-14", "--nhs", "999 000 0018"]);
        cmd.assert()
    };
    let first = add("Zoë").success().get_output().stdout.clone();
    let first = String::from_utf8(first).unwrap();

    let refused = add("Zoe").failure().get_output().stderr.clone();

    let refused = String::from_utf8(refused).unwrap();
    assert!(
        refused.contains("NHS number") && refused.contains(first.trim()),
        "{refused}"
    );
}
