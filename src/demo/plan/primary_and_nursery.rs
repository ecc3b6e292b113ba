//! Equipment for the children at Brookfield Primary School and Little Acorns Nursery: walkers,
//! classroom seating, splints and toileting aids, with a hoist where a child needs one.

use super::{Chair, Event, Kit, TERMLY_CHECK, kit, plain_chair};
use crate::demo::children::Kid;
use crate::demo::templates::care::*;
use crate::demo::templates::lifting::*;
use crate::demo::templates::mobility::*;
use crate::demo::templates::posture::*;
use crate::model::ItemStatus::AwaitingRepair;
use crate::model::WhereUsed::Home;
use crate::model::{Outcome, WheelchairBudget, WheelchairType};

const ZOE_CHAIR: Chair = plain_chair(
    WheelchairType::ManualSelfPropelled,
    (320, 340),
    "Contoured foam cushion, tension-adjustable back, lap belt, anti-tip bars, swing-away \
     footplates",
    WheelchairBudget::Notional,
);

/// Oisín's family topped up his budget for a lighter rigid frame.
const OISIN_CHAIR: Chair = plain_chair(
    WheelchairType::ManualSelfPropelled,
    (340, 360),
    "Rigid frame, quick-release wheels, contoured cushion, adjustable-tension back, anti-tip \
     bars",
    WheelchairBudget::NotionalTopUp,
);

const GWYN_BUGGY: Chair = Chair {
    tilt: true,
    ..plain_chair(
        WheelchairType::SpecialBuggy,
        (260, 250),
        "Five-point harness, head support, adjustable footrest, hood and rain cover",
        WheelchairBudget::Notional,
    )
};

const KWAME_BUGGY: Chair = plain_chair(
    WheelchairType::SpecialBuggy,
    (280, 270),
    "Five-point harness, adjustable footrest, hood",
    WheelchairBudget::Notional,
);

const CLASSROOM_SEAT: &[(&str, &str)] = &[
    ("Seat height", "41 cm"),
    ("Footrest", "29 cm below the seat"),
    ("Seat depth", "30 cm"),
];

pub(super) fn equipment(kid: Kid) -> Option<Vec<Kit>> {
    Some(match kid {
        Kid::Zoe => vec![
            kit(&SELF_PROPELLED_CHAIR, "Seat 32 x 34 cm", 410, 95)
                .service(200)
                .showcase()
                .chair(ZOE_CHAIR),
            kit(
                &POSTERIOR_WALKER,
                "Junior (handle height 48 to 60 cm)",
                520,
                -12,
            )
            .steps_shown(),
            kit(
                &CLASSROOM_CHAIR,
                "Size 2 (seat height 36 to 46 cm)",
                300,
                70,
            )
            .posture(
                &["Pelvic strap", "Footrest with ankle straps"],
                CLASSROOM_SEAT,
            ),
            kit(&PRONE_STANDER, "Size 1", 640, 150).event(Event::Check(60, TERMLY_CHECK)),
            kit(&AFOS, "Custom moulded, UK child shoe size 13", 130, 45),
            kit(&TOILET_FRAME, "Junior frame, small reducer", 700, 200).photos(0),
        ],
        Kid::Ishaan => vec![
            kit(&CLASSROOM_CHAIR, "Size 1 (seat height 31 to 40 cm)", 330, 9)
                .steps_shown()
                .posture(
                    &["Footrest", "Pelvic strap"],
                    &[
                        ("Seat height", "35 cm"),
                        ("Footrest", "26 cm below the seat"),
                    ],
                ),
            kit(&WRITING_SLOPE, "20 degrees, A3", 330, 150),
        ],
        Kid::Oisin => {
            vec![
            kit(&SELF_PROPELLED_CHAIR, "Seat 34 x 36 cm", 480, 55)
                .status(AwaitingRepair)
                .service(250)
                .photos(2)
                .event(Event::Repair(
                    3,
                    Outcome::Fail,
                    "Left brake no longer holds the chair on a slope. Chair kept off ramps until \
                     mended; repair booked with the approved repairer.",
                ))
                .chair(OISIN_CHAIR),
            kit(&MOBILE_HOIST, "Standard, safe working load 150 kg", 600, 140).loler(100),
            kit(&TOILETING_SLING, "Medium", 250, 110)
                .loler(100)
                .steps_shown()
                .sling("M", "Yellow", &[1]),
            kit(&TOILET_FRAME, "Junior frame, medium reducer", 600, 80),
        ]
        }
        Kid::Maryam => vec![
            kit(&HAND_SPLINT, "Right hand, small", 200, 40)
                .status(AwaitingRepair)
                .event(Event::Repair(
                    6,
                    Outcome::Fail,
                    "Wrist strap worn through. Sent to the orthotics repair clinic for new \
                     straps; not to be worn until it comes back.",
                )),
            kit(&AFOS, "Right foot only, UK child shoe size 12", 150, 100),
            kit(
                &CLASSROOM_CHAIR,
                "Size 2 (seat height 36 to 46 cm)",
                420,
                190,
            )
            .photos(0)
            .posture(&["Pelvic strap", "Footrest"], CLASSROOM_SEAT),
        ],
        Kid::Gwyn => vec![
            kit(&SPECIAL_BUGGY, "Size 1", 300, -40)
                .showcase()
                .chair(GWYN_BUGGY),
            kit(&FLOOR_SITTER, "Small", 200, 60).steps_shown().posture(
                &["Pommel", "Hip belt", "Side cushion"],
                &[("Backrest height", "38 cm")],
            ),
            kit(&BATH_SEAT, "Toddler", 180, 90),
            kit(&SLEEP_SYSTEM, "Cot size", 120, 50).photos(0),
        ],
        Kid::Kwame => vec![
            kit(
                &POSTERIOR_WALKER,
                "Mini (handle height 38 to 48 cm)",
                250,
                21,
            ),
            kit(&AFOS, "Custom moulded, UK child shoe size 8", 60, 120).showcase(),
            kit(&PRONE_STANDER, "Size 0", 380, 8).event(Event::Check(50, TERMLY_CHECK)),
            kit(&SUPPORTIVE_TOILET_SEAT, "Toddler", 160, 140),
            kit(&SPECIAL_BUGGY, "Size 1", 500, 150)
                .at(Home)
                .chair(KWAME_BUGGY),
        ],
        Kid::Chidi => vec![
            kit(&FLOOR_SITTER, "Extra small", 90, 90)
                .posture(&["Pommel", "Hip belt"], &[("Backrest height", "34 cm")]),
            kit(&BATH_SEAT, "Toddler", 90, 180),
            kit(
                &AFOS,
                "Low-cut (supramalleolar), UK child shoe size 6",
                45,
                135,
            ),
        ],
        _ => return None,
    })
}
