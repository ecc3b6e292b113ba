//! Equipment for the children at Oak Hollow School, the special school: the hoists, slings,
//! powered chairs and postural kit of children with the most complex needs.

use super::{Chair, Event, Kit, TERMLY_CHECK, kit, plain_chair};
use crate::demo::children::Kid;
use crate::demo::templates::care::*;
use crate::demo::templates::lifting::*;
use crate::demo::templates::mobility::*;
use crate::demo::templates::posture::*;
use crate::model::ItemStatus::{AwaitingRepair, Withdrawn};
use crate::model::WhereUsed::{Both, Home};
use crate::model::{Outcome, WheelchairBudget, WheelchairType};

const JAKUB_CHAIR: Chair = Chair {
    kind: WheelchairType::Powered,
    seat_mm: (360, 400),
    components: "Moulded back with lateral supports, pressure-relieving cushion, headrest, \
                 powered tilt, attendant control, lap belt",
    tilt: true,
    recline: false,
    budget: WheelchairBudget::Notional,
    crash_tested: true,
};

const HOA_CHAIR: Chair = Chair {
    kind: WheelchairType::AttendantPropelled,
    seat_mm: (360, 380),
    components: "Moulded seat and back cast in clinic, contoured headrest, chest harness, \
                 pelvic belt, foot straps, clear tray",
    tilt: true,
    recline: true,
    budget: WheelchairBudget::Notional,
    crash_tested: true,
};

const AHMED_CHAIR: Chair = Chair {
    kind: WheelchairType::Powered,
    seat_mm: (400, 440),
    components: "Powered tilt and recline, elevating seat, moulded back, headrest, right-hand \
                 joystick, lap belt",
    tilt: true,
    recline: true,
    // His family pay towards the elevating seat.
    budget: WheelchairBudget::NotionalTopUp,
    crash_tested: true,
};

const AYESHA_BUGGY: Chair = Chair {
    kind: WheelchairType::SpecialBuggy,
    seat_mm: (300, 300),
    components: "Tilt-in-space seat, contoured head support set clear of the shunt on the \
                 right, five-point harness, lateral supports, adjustable footrest",
    tilt: true,
    recline: false,
    budget: WheelchairBudget::Notional,
    crash_tested: true,
};

/// Freya's family chose a third-party Personal Wheelchair Budget: they own the chair and
/// arrange its repairs.
const FREYA_CHAIR: Chair = plain_chair(
    WheelchairType::ManualSelfPropelled,
    (360, 400),
    "Pressure-relieving air cushion, rigid frame, side guards, removable armrests for \
     slide-board transfers",
    WheelchairBudget::ThirdParty,
);

const MODULAR_SUPPORTS: &[&str] = &[
    "Pelvic belt",
    "Lateral trunk supports",
    "Chest harness",
    "Headrest",
    "Foot straps",
];

pub(super) fn equipment(kid: Kid) -> Option<Vec<Kit>> {
    Some(match kid {
        Kid::Jakub => vec![
            kit(&POWERED_CHAIR, "Seat 36 x 40 cm", 560, 40)
                .service(380)
                .showcase()
                .event(Event::Repair(
                    95,
                    Outcome::Pass,
                    "Joystick module replaced after water got in; tested and returned the same day.",
                ))
                .chair(JAKUB_CHAIR)
                .posture(
                    &["Lateral trunk supports", "Headrest", "Lap belt"],
                    &[("Seat to footplate", "37 cm"), ("Joystick", "Right side, at the mark")],
                ),
            kit(&CEILING_HOIST, "Track over the changing bed, Kestrel class", 900, 180)
                .loler(160)
                .steps_shown(),
            kit(&MOBILE_HOIST, "Standard, safe working load 150 kg", 420, 120)
                .at(Home)
                .loler(230),
            kit(&HAMMOCK_SLING, "Medium", 300, 120)
                .at(Both)
                .loler(80)
                .showcase()
                .sling("M", "Yellow", &[1, 2]),
            kit(&TOILETING_SLING, "Medium", 300, 120)
                .loler(80)
                .sling("M", "Yellow", &[1]),
            kit(&NIGHT_SPLINTS, "Custom moulded, pair", 200, 25),
            kit(&SHOWER_CHAIR, "Junior, seat width 40 cm", 480, 210).at(Home),
            kit(&WHEELCHAIR_TRAY, "To fit Volt Junior armrests", 500, 160),
        ],
        Kid::Hoa => vec![
            kit(&TILT_CHAIR, "Seat 36 x 38 cm", 350, 60)
                .service(330)
                .showcase()
                .chair(HOA_CHAIR)
                .posture(
                    &[
                        "Moulded seat and back",
                        "Chest harness",
                        "Pelvic belt",
                        "Contoured headrest",
                        "Foot straps",
                    ],
                    &[
                        ("Tilt range", "0 to 30 degrees"),
                        ("Headrest", "Third slot from the top"),
                        ("Footplate", "34 cm below the seat"),
                    ],
                ),
            kit(&MODULAR_SEAT, "Size 3", 420, 14).steps_shown().posture(
                MODULAR_SUPPORTS,
                &[("Seat depth", "38 cm"), ("Laterals", "2 cm below the armpits")],
            ),
            kit(&SUPINE_STANDER, "Size 3", 600, 100).event(Event::Check(45, TERMLY_CHECK)),
            kit(&CEILING_HOIST, "Track over the changing bed, Heron class", 1200, 240)
                .loler(120),
            kit(&CEILING_HOIST, "H-frame track, bedroom to bathroom", 400, 150)
                .at(Home)
                .loler(205),
            kit(&HAMMOCK_SLING, "Large", 620, 30)
                .at(Both)
                .status(Withdrawn)
                .loler(200)
                .event(Event::Loler(
                    21,
                    Outcome::Fail,
                    "Stitching on the left leg strap worn through and one loop frayed. Sling \
                     withdrawn, labelled 'do not use' and returned to the equipment service; a \
                     replacement has been issued.",
                ))
                .sling("L", "Red", &[3, 4]),
            kit(&HAMMOCK_SLING, "Large", 19, 180)
                .at(Both)
                .event(Event::Loler(
                    19,
                    Outcome::Pass,
                    "New sling examined before first use: no defects.",
                ))
                .sling("L", "Red", &[3, 4]),
            kit(&SLEEP_SYSTEM, "Junior large", 500, -30),
            kit(&HAND_SPLINT, "Right hand, medium", 150, 60),
            kit(&SHOWER_CHAIR, "Adult small", 700, 90),
        ],
        Kid::Ahmed => vec![
            kit(&POWERED_CHAIR, "Seat 40 x 44 cm", 700, 120)
                .service(340)
                .photos(2)
                .chair(AHMED_CHAIR),
            kit(&MOBILE_HOIST, "Standard, safe working load 150 kg", 1000, 200)
                .loler(170)
                .steps_shown(),
            kit(&HAMMOCK_SLING, "Large", 350, 150)
                .loler(170)
                .sling("L", "Red", &[1]),
            kit(&TOILETING_SLING, "Large", 350, 150)
                .photos(0)
                .event(Event::Loler(
                    170,
                    Outcome::Advisory,
                    "Safe to use. Label fading but still readable: replace the sling at its \
                     next review.",
                ))
                .sling("L", "Red", &[1]),
            kit(&SHOWER_CHAIR, "Adult, seat width 45 cm", 800, -3),
            kit(&AID_MOUNT, "Holds a 10 to 11 inch tablet", 260, 100).steps_shown(),
        ],
        Kid::Sian => vec![
            kit(&GAIT_TRAINER, "Size 3", 380, 28).steps_shown(),
            kit(&PRONE_STANDER, "Size 2", 500, 110).event(Event::Check(30, TERMLY_CHECK)),
            // Delivered last week: its first thorough examination is not yet on record.
            kit(&MOBILE_HOIST, "Compact, folds for the car", 10, 170).at(Home),
            kit(&CEILING_HOIST, "Track over the changing bed, Willow class", 800, 90).loler(60),
            kit(&HAMMOCK_SLING, "Medium", 260, 100)
                .at(Both)
                .loler(60)
                .sling("M", "Yellow", &[2, 3]),
            kit(&MODULAR_SEAT, "Size 2", 330, 75).posture(
                &[
                    "Pelvic belt",
                    "Lateral trunk supports (right pad set higher for her scoliosis)",
                    "Chest harness",
                    "Headrest",
                ],
                &[("Seat depth", "33 cm"), ("Right lateral", "3 cm higher than the left")],
            ),
            kit(&HAND_SPLINT, "Left and right, small", 90, 60),
            kit(&SUPPORTIVE_TOILET_SEAT, "Junior", 450, 130),
        ],
        Kid::Ayesha => vec![
            kit(&SPECIAL_BUGGY, "Size 2", 400, 35)
                .service(360)
                .showcase()
                .chair(AYESHA_BUGGY)
                .posture(
                    &["Contoured head support", "Lateral supports", "Five-point harness"],
                    &[("Head support", "2 cm to the left, clear of the shunt")],
                ),
            kit(&MODULAR_SEAT, "Size 2", 300, 80).posture(
                MODULAR_SUPPORTS,
                &[("Seat depth", "32 cm"), ("Headrest", "Clear of the shunt on the right")],
            ),
            kit(&SLEEP_SYSTEM, "Single", 450, 20).steps_shown(),
            kit(&CAR_SEAT, "Special needs seat, 9 to 36 kg", 380, 110),
            kit(&CEILING_HOIST, "Track over the changing bed, Puffin class", 1100, 200).loler(40),
            kit(&HAMMOCK_SLING, "Small", 200, 90)
                .loler(196)
                .sling("S", "Green", &[4]),
            kit(&BATH_SEAT, "Junior large", 600, 170),
        ],
        Kid::Seun => vec![
            kit(&GAIT_TRAINER, "Size 1", 300, 65)
                .status(AwaitingRepair)
                .event(Event::Repair(
                    4,
                    Outcome::Fail,
                    "Front left castor wobbles and its swivel lock is broken. Out of use; the \
                     equipment service is sending a replacement castor.",
                )),
            kit(&SUPPORTIVE_TOILET_SEAT, "Junior", 240, 100),
            kit(&HARNESS_VEST, "Small (chest 56 to 66 cm)", 210, -8).steps_shown(),
            kit(&CLASSROOM_CHAIR, "Size 1 (seat height 31 to 40 cm)", 200, 160)
                .posture(&["Pelvic strap", "Footrest"], &[("Seat height", "34 cm")]),
        ],
        Kid::Freya => vec![
            kit(&SELF_PROPELLED_CHAIR, "Seat 36 x 40 cm", 260, 150)
                .service(255)
                .chair(FREYA_CHAIR),
            kit(&PRONE_STANDER, "Size 3", 550, 45).event(Event::Check(20, TERMLY_CHECK)),
            kit(&KAFOS, "Custom moulded, pair", 400, -5).steps_shown(),
        ],
        _ => return None,
    })
}
