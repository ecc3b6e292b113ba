//! Synthetic passports for tests: a child with eight items (each with photos), contacts in
//! several scripts, suppliers, a service log with an overdue LOLER examination, and drawn
//! JPEG "photos". No real people: the NHS number is in the 999 test range.

use super::{
    Audience, Format, PassportData, PassportItem, PassportPhoto, PassportSchedule, RenderOptions,
    TherapistProfile, TrainedStaff,
};
use crate::model::*;
use chrono::{DateTime, NaiveDate, NaiveTime, TimeZone, Utc};
use std::collections::HashMap;

pub fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn at() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 22, 9, 30, 0).unwrap()
}

pub fn options(audience: Audience) -> RenderOptions {
    RenderOptions {
        audience,
        format: Format::A4,
        large_print: false,
        printed_on: d(2026, 11, 22),
        created_at: at(),
        document_id: *b"passport-test-id",
        version: "3".into(),
        photos: super::PhotoPolicy::default(),
        language: super::Language::En,
    }
}

/// A drawn "photo": a soft background with a coloured shape, so pages look like pages.
pub fn photo(seed: u8, w: u32, h: u32) -> PassportPhoto {
    photo_for(seed, w, h, crate::media::PrintBox::Equipment)
}

/// A drawn photo with the print copy the intake makes for `place`.
pub fn photo_for(seed: u8, w: u32, h: u32, place: crate::media::PrintBox) -> PassportPhoto {
    let hue = [
        [0, 94, 184],
        [0, 127, 59],
        [213, 40, 27],
        [255, 184, 28],
        [65, 182, 230],
        [120, 40, 140],
    ][usize::from(seed) % 6];
    let img = image::RgbImage::from_fn(w, h, |x, y| {
        let (fx, fy) = (x as f32 / w as f32 - 0.5, y as f32 / h as f32 - 0.55);
        if fx * fx + fy * fy * 1.4 < 0.09 || (fy > 0.25 && fx.abs() < 0.35) {
            image::Rgb([hue[0], hue[1], hue[2]])
        } else {
            let v = 225 - (y * 40 / h) as u8;
            image::Rgb([v, v.saturating_add(4), v.saturating_add(8)])
        }
    });
    let jpeg = crate::media::encode_jpeg(&img, 85).unwrap();
    PassportPhoto {
        thumbnail: Vec::new(),
        // As the intake makes it.
        print: crate::media::print_copy(&img, place).unwrap(),
        jpeg,
        width: w,
        height: h,
        sha256: String::new(),
    }
}

fn phone(label: &str, number: &str) -> Phone {
    Phone {
        label: label.into(),
        number: number.into(),
    }
}

pub fn supplier(
    name: &str,
    kind: SupplierKind,
    repair: &str,
    hours: &str,
    account: &str,
) -> Supplier {
    let mut s = SupplierDetails::new(name, kind);
    s.repair_phone = repair.into();
    s.repair_hours = hours.into();
    s.account_ref = account.into();
    s.phones = vec![phone("Office", "0121 496 0000")];
    Supplier {
        id: SupplierId::new(),
        details: s,
    }
}

fn record(
    item: ItemId,
    kind: ServiceKind,
    date: NaiveDate,
    next: Option<NaiveDate>,
    by: &str,
) -> ServiceRecord {
    ServiceRecord {
        id: ServiceRecordId::new(),
        item_id: item,
        details: ServiceRecordDetails {
            kind,
            date,
            by_whom: by.into(),
            outcome: Outcome::Pass,
            notes: "Castors and brakes checked; no defects.".into(),
            next_due: next,
            examination: None,
        },
        recorded_at: at(),
    }
}

pub fn slot(days: &[Day], h: u32, m: u32, minutes: u32, activity: &str) -> ScheduleSlot {
    ScheduleSlot {
        days: days.to_vec(),
        start: NaiveTime::from_hms_opt(h, m, 0),
        duration_minutes: Some(minutes),
        activity: activity.into(),
    }
}

/// Builds passports item by item.
pub struct Builder {
    pub data: PassportData,
}

impl Builder {
    pub fn new() -> Builder {
        let mut child = ChildDetails::new("Zoë", "Łukasiewicz", d(2017, 3, 14));
        child.preferred_name = "Zo".into();
        child.nhs_number = "9991234578".into();
        child.class_name = "Year 4, Willow class".into();
        child.home_address = "12 Willow Road, Handsworth, Birmingham".into();
        child.home_postcode = "B21 9RY".into();
        child.about_me = AboutMe {
            communication: "I use a communication book and Makaton signs. Give me time to answer: \
                            I look at the picture I want, then at you."
                .into(),
            what_helps:
                "Tell me what is going to happen before you move me. I like music while I stand."
                    .into(),
            medical_alerts:
                "Epilepsy: seizures are brief; see my care plan. VP shunt on the right: \
                             do not put pressure on the right side of my head."
                    .into(),
        };
        let mut setting = SettingDetails::new("Oakfield Primary School", SettingKind::School);
        setting.phone = "0121 496 0123".into();
        setting.senco_name = "Mrs Amira Haddad".into();
        setting.senco_email = "senco@oakfield.example.sch.uk".into();
        let setting = Setting {
            id: SettingId::new(),
            details: setting,
        };
        child.setting_id = Some(setting.id);
        let child_id = ChildId::new();
        let photo_id = PhotoId::new();
        let child = Child {
            id: child_id,
            details: child,
            photo_id: Some(photo_id),
            created_at: at(),
            updated_at: at(),
        };
        let contact = |name: &str, role: ContactRole, rel: &str, phones: Vec<Phone>| Contact {
            id: ContactId::new(),
            child_id,
            details: ContactDetails {
                name: name.into(),
                role,
                relationship: rel.into(),
                organisation: String::new(),
                phones,
                email: String::new(),
                notes: String::new(),
            },
        };
        let mut mum = contact(
            "Nguyễn Thị Hoa",
            ContactRole::ParentCarer,
            "Mum",
            vec![phone("Mobile", "07700 900123")],
        );
        mum.details.email = "hoa.family@example.com".into();
        mum.details.notes = "Prefers texts during the working day.".into();
        let contacts = vec![
            mum,
            contact(
                "Ахмед Петров",
                ContactRole::ParentCarer,
                "Stepdad",
                vec![phone("Mobile", "07700 900456")],
            ),
            contact(
                "Gwŷn Dŵr",
                ContactRole::OccupationalTherapist,
                "Children's OT",
                vec![phone("Work", "0121 496 0999")],
            ),
            contact(
                "Sam Patel",
                ContactRole::Physiotherapist,
                "",
                vec![phone("Work", "0121 496 0998")],
            ),
        ];
        let mut photos = HashMap::new();
        photos.insert(
            photo_id,
            photo_for(5, 600, 600, crate::media::PrintBox::Child),
        );
        Builder {
            data: PassportData {
                child,
                setting: Some(setting),
                contacts,
                items: Vec::new(),
                suppliers: Vec::new(),
                photos,
                therapist: TherapistProfile {
                    name: "Gwŷn Dŵr".into(),
                    profession: "Occupational Therapist".into(),
                    hcpc_number: "OT12345".into(),
                },
                trained_staff: vec![TrainedStaff {
                    name: "Kate Brown".into(),
                    role: "Teaching assistant".into(),
                    item_id: None,
                    item_name: String::new(),
                    trained_on: Some(d(2026, 9, 8)),
                    trained_by: "Gwŷn Dŵr".into(),
                    refresh_by: Some(d(2027, 9, 8)),
                }],
                handling_plan: Vec::new(),
                evacuation_plan: None,
            },
        }
    }

    pub fn add_supplier(&mut self, s: Supplier) -> SupplierId {
        let id = s.id;
        self.data.suppliers.push(s);
        id
    }

    /// Adds an item with `photos` drawn photos of `w` × `h` pixels.
    pub fn add_item(
        &mut self,
        details: ItemDetails,
        photos: usize,
        size: (u32, u32),
        log: Vec<(ServiceKind, NaiveDate, Option<NaiveDate>)>,
    ) -> ItemId {
        let id = ItemId::new();
        let mut item_photos = Vec::new();
        for n in 0..photos {
            let pid = PhotoId::new();
            self.data.photos.insert(
                pid,
                photo((self.data.items.len() + n) as u8, size.0, size.1),
            );
            item_photos.push(ItemPhoto {
                id: pid,
                caption: if n == 0 {
                    format!("{} ready to use", details.name)
                } else {
                    format!("Detail {n}")
                },
                width: size.0,
                height: size.1,
            });
        }
        let service_log: Vec<ServiceRecord> = log
            .into_iter()
            .map(|(kind, date, next)| record(id, kind, date, next, "Ability Lifting Ltd"))
            .collect();
        let schedules = schedules_from(&service_log);
        self.data.items.push(PassportItem {
            item: EquipmentItem {
                id,
                child_id: self.data.child.id,
                details,
                photos: item_photos,
                created_at: at(),
                updated_at: at(),
            },
            service_log,
            schedules,
            safety_notices: Vec::new(),
        });
        id
    }
}

/// The schedules a real caseload would hold for a log: the newest LOLER examination and
/// service each move their schedule on, and every item has its yearly review on 1 March 2027.
fn schedules_from(log: &[ServiceRecord]) -> Vec<PassportSchedule> {
    let mut out = Vec::new();
    for (kind, schedule) in [
        (ServiceKind::LolerExamination, ScheduleKind::Loler),
        (ServiceKind::Service, ScheduleKind::Service),
    ] {
        if let Some(last) = ServiceRecord::latest(log, Some(kind))
            && let Some(next) = last.details.next_due
        {
            out.push(PassportSchedule {
                kind: schedule,
                what: schedule.label().to_string(),
                every_months: crate::model::schedule::months_between(last.details.date, next),
                last_done: Some(last.details.date),
                next_due: next,
            });
        }
    }
    out.push(PassportSchedule {
        kind: ScheduleKind::Review,
        what: ScheduleKind::Review.label().to_string(),
        every_months: 12,
        last_done: None,
        next_due: d(2027, 3, 1),
    });
    out
}

impl Builder {
    /// Gives set-up steps of the last item added their own 800 × 600 photos.
    pub fn add_step_photos(&mut self, steps: &[usize]) {
        let n = self.data.photos.len() as u8;
        let entry = self.data.items.last_mut().expect("an item was added");
        for (k, &step) in steps.iter().enumerate() {
            let pid = PhotoId::new();
            entry.item.details.setup_steps[step].photo_id = Some(pid);
            self.data.photos.insert(pid, photo(n + k as u8, 800, 600));
        }
    }
}

pub fn item(category: Category, name: &str, purpose: &str) -> ItemDetails {
    let mut i = ItemDetails::new(category, name);
    i.purpose = purpose.into();
    i.therapist = "Gwŷn Dŵr (OT)".into();
    i.safety_checks = vec![
        "Frame, straps and buckles are not damaged".into(),
        "Brakes hold when applied".into(),
    ];
    i.cleaning = "Wipe down with warm soapy water weekly and dry fully. Do not use bleach.".into();
    i.dos = vec![
        "Apply the brakes before transfers".into(),
        "Check straps are flat and not twisted".into(),
    ];
    i.donts = vec!["Leave Zo unattended".into()];
    i
}

/// The reference passport: eight current items, each with photos, one overdue LOLER.
pub fn reference() -> PassportData {
    let mut b = Builder::new();
    let equipment_service = b.add_supplier(supplier(
        "Birmingham Community Equipment Service",
        SupplierKind::CommunityEquipmentService,
        "0121 496 0555",
        "Mon to Fri 8am to 6pm",
        "BCES-44821",
    ));
    let wheelchairs = b.add_supplier(supplier(
        "Millbrook Healthcare Wheelchair Service",
        SupplierKind::WheelchairService,
        "0121 496 0777",
        "Mon to Fri 8am to 5pm; emergencies until 10pm",
        "WS-20931",
    ));
    let lifting = b.add_supplier(supplier(
        "Ability Lifting Ltd",
        SupplierKind::Repairer,
        "0121 496 0888",
        "24 hours for hoist breakdowns",
        "AL-7730",
    ));

    let mut hoist = item(
        Category::Hoist,
        "Mobile hoist",
        "Lifts Zo between her wheelchair, the changing bed and the floor mat. Always two adults.",
    );
    hoist.make = "Oxford".into();
    hoist.model = "Mini 180".into();
    hoist.serial = "OXM-180-55321".into();
    hoist.staff_needed = 2;
    hoist.provider_id = Some(equipment_service);
    hoist.repair_supplier_id = Some(lifting);
    hoist.loan_number = "L-99812".into();
    hoist.schedule = vec![slot(
        &[Day::Mon, Day::Tue, Day::Wed, Day::Thu, Day::Fri],
        11,
        45,
        15,
        "Changing",
    )];
    hoist.setup_steps = vec![
        SetupStep {
            text: "Charge the battery overnight; the light shows green when full.".into(),
            photo_id: None,
        },
        SetupStep {
            text: "Open the legs fully with the lever and apply the rear brakes.".into(),
            photo_id: None,
        },
        SetupStep {
            text: "Attach the sling loops as shown in the sling section, shoulders first.".into(),
            photo_id: None,
        },
    ];
    let hoist_id = b.add_item(
        hoist,
        2,
        (800, 600),
        vec![(
            ServiceKind::LolerExamination,
            d(2026, 5, 1),
            Some(d(2026, 11, 1)),
        )],
    );
    b.add_step_photos(&[0, 2]);

    let mut sling = item(
        Category::Sling,
        "Toileting sling",
        "Used with the mobile hoist for changing and toileting.",
    );
    sling.sling = Some(SlingDetails {
        maker: "Oxford".into(),
        model: "Toileting".into(),
        size: "Small".into(),
        colour_code: "red edging".into(),
        sling_id: "SL-0042".into(),
        loops: LoopConfiguration {
            shoulder_left: "Green".into(),
            shoulder_right: "Green".into(),
            leg_left: "Blue".into(),
            leg_right: "Blue".into(),
        },
        hoist_ids: vec![hoist_id],
    });
    sling.staff_needed = 2;
    sling.repair_supplier_id = Some(lifting);
    b.add_item(
        sling,
        1,
        (800, 600),
        vec![(
            ServiceKind::LolerExamination,
            d(2026, 8, 12),
            Some(d(2027, 2, 12)),
        )],
    );

    let mut chair = item(
        Category::Wheelchair,
        "Everyday wheelchair",
        "Zo's chair for moving around school and for lessons at her table.",
    );
    chair.make = "Sunrise Medical".into();
    chair.model = "Zippie Youngster 3".into();
    chair.serial = "ZY3-88412".into();
    chair.where_used = WhereUsed::Both;
    let mut w = WheelchairDetails::new(WheelchairType::AttendantPropelled);
    w.seat_width_mm = Some(300);
    w.seat_depth_mm = Some(320);
    w.tilt_in_space = true;
    w.components = "Contoured cushion, lateral supports, four-point harness".into();
    w.budget = WheelchairBudget::NotionalTopUp;
    w.service_id = Some(wheelchairs);
    w.repairer_id = Some(wheelchairs);
    w.crash_tested = true;
    chair.wheelchair = Some(w);
    b.add_item(
        chair,
        1,
        (800, 600),
        vec![(ServiceKind::Service, d(2026, 1, 10), Some(d(2027, 1, 10)))],
    );

    let mut stander = item(
        Category::StandingFrame,
        "Standing frame",
        "Stretches Zo's hips and legs and lets her work at the table standing, as her physio advised.",
    );
    stander.make = "Leckey".into();
    stander.model = "Squiggles+".into();
    stander.staff_needed = 2;
    stander.provider_id = Some(equipment_service);
    stander.schedule = vec![
        slot(&[Day::Mon, Day::Wed, Day::Fri], 10, 30, 45, "Literacy"),
        slot(&[Day::Tue, Day::Thu], 13, 30, 40, "Topic"),
    ];
    b.add_item(
        stander,
        1,
        (800, 600),
        vec![(ServiceKind::Service, d(2025, 12, 5), Some(d(2026, 12, 5)))],
    );

    let mut seat = item(
        Category::Seating,
        "Classroom chair",
        "Supported sitting at the table for lessons and lunch.",
    );
    seat.make = "Leckey".into();
    seat.model = "Squiggles seat".into();
    seat.seating = Some(SeatingDetails {
        postural_supports: vec![
            "pelvic strap".into(),
            "lateral supports".into(),
            "footplate".into(),
        ],
        measurements: vec![Measurement {
            label: "Footplate height".into(),
            value: "28 cm".into(),
        }],
    });
    seat.schedule = vec![slot(
        &[Day::Mon, Day::Tue, Day::Wed, Day::Thu, Day::Fri],
        9,
        0,
        60,
        "Maths",
    )];
    b.add_item(seat, 1, (800, 600), vec![]);

    let mut walker = item(
        Category::Walker,
        "Walker",
        "Short walks between the classroom and the hall, with an adult beside her.",
    );
    walker.make = "Rifton".into();
    walker.model = "Pacer".into();
    walker.schedule = vec![slot(&[Day::Tue, Day::Thu], 14, 30, 20, "PE")];
    b.add_item(walker, 1, (800, 600), vec![]);

    let mut bath = item(
        Category::Toileting,
        "Toilet seat with supports",
        "Supported sitting on the toilet.",
    );
    bath.make = "R82".into();
    bath.model = "Pelican".into();
    b.add_item(bath, 1, (800, 600), vec![]);

    let mut splint = item(
        Category::Splint,
        "Ankle splints",
        "Hold Zo's ankles in a good position when she stands and walks.",
    );
    splint.size = "Child 3".into();
    splint.where_used = WhereUsed::Both;
    splint.schedule = vec![slot(
        &[Day::Mon, Day::Tue, Day::Wed, Day::Thu, Day::Fri],
        9,
        0,
        240,
        "",
    )];
    b.add_item(splint, 1, (800, 600), vec![]);
    b.data
}
