//! Templates for personal care, splints and classroom kit: bathing and toileting aids,
//! orthoses, a writing slope, a wheelchair tray and a communication aid mount.

use super::{Lead, Slot, Template, WEEKDAYS};
use crate::demo::pictures::Picture;
use crate::demo::suppliers::Role;
use crate::model::{Category, WhereUsed};

/// Every template in this file, for the tests that check them all.
#[cfg(test)]
pub const ALL: &[&Template] = &[
    &BATH_SEAT,
    &SHOWER_CHAIR,
    &TOILET_FRAME,
    &SUPPORTIVE_TOILET_SEAT,
    &AFOS,
    &NIGHT_SPLINTS,
    &KAFOS,
    &HAND_SPLINT,
    &WRITING_SLOPE,
    &WHEELCHAIR_TRAY,
    &AID_MOUNT,
];

pub const BATH_SEAT: Template = Template {
    category: Category::Bathing,
    name: "Supportive bath seat",
    make: "Lark Bathing",
    model: "Wave Recliner",
    serial_prefix: "LB-WR",
    picture: Picture::BathSeat,
    purpose: "Lets {name} sit supported in the bath, reclined with straps on, so the family can wash {name} safely.",
    where_used: WhereUsed::Home,
    staff: 1,
    provider: Role::EquipmentService,
    repairer: Role::EquipmentService,
    lead: Lead::Ot,
    schedule: &[],
    steps: &[
        "Put the seat in the empty bath and press down so the suction feet grip.",
        "Set the backrest to the recline angle written on the label.",
        "Run the bath and check the water is no hotter than 38°C.",
        "Lower {name} into the seat and fasten the chest and hip straps.",
        "Keep one hand on {name} the whole time.",
    ],
    step_photos: &[(0, 2), (3, 1)],
    checks: &[
        "All the suction feet grip.",
        "Recline lock is firm.",
        "Straps and buckles are not frayed or rusty.",
    ],
    cleaning: "Rinse and dry after every bath and hang the seat up to drain. Clean weekly with a mild disinfectant and let the straps dry fully so mould cannot grow.",
    dos: &[
        "Do have everything ready before you start.",
        "Do let the bath drain before lifting {name} out.",
    ],
    donts: &[
        "Don't leave {name}, even for a moment.",
        "Don't lift the seat with {name} in it.",
    ],
};

pub const SHOWER_CHAIR: Template = Template {
    category: Category::Bathing,
    name: "Tilting shower commode chair",
    make: "Lark Bathing",
    model: "Tilt Aqua",
    serial_prefix: "LB-TA",
    picture: Picture::ShowerChair,
    purpose: "A wheeled chair that tilts, for showering and for using the toilet, so {name} is washed and toileted sitting well supported.",
    where_used: WhereUsed::School,
    staff: 2,
    provider: Role::EquipmentService,
    repairer: Role::EquipmentService,
    lead: Lead::Ot,
    schedule: &[],
    steps: &[
        "Put all four brakes on.",
        "Tilt the chair back slightly and hoist {name} in, then take out the sling.",
        "Fasten the lap strap and fit the foot support.",
        "Tilt upright and wheel over the toilet or into the shower, putting the brakes on once in place.",
        "After the shower, tilt back slightly and dry {name} before hoisting out.",
    ],
    step_photos: &[(0, 0), (3, 1)],
    checks: &[
        "All four brakes hold.",
        "Tilt locks securely.",
        "Seat and pan fit properly.",
        "No rust or cracks in the frame.",
    ],
    cleaning: "Rinse and dry after each use, and clean the seat and pan with disinfectant. Dry the castors so they do not rust.",
    dos: &[
        "Do check the water temperature on your wrist before it reaches {name}.",
        "Do keep towels and clothes within reach before you start.",
    ],
    donts: &[
        "Don't wheel the chair over the shower drain lip with {name} tilted forward.",
        "Don't leave {name} alone in the chair.",
    ],
};

pub const TOILET_FRAME: Template = Template {
    category: Category::Toileting,
    name: "Toilet frame with seat reducer and step",
    make: "Harebell Care",
    model: "Little Loo Support",
    serial_prefix: "HC-LL",
    picture: Picture::Toilet,
    purpose: "Makes the school toilet the right size for {name}: the reducer stops slipping, the armrests help {name} feel steady, and the step keeps both feet flat.",
    where_used: WhereUsed::School,
    staff: 1,
    provider: Role::EquipmentService,
    repairer: Role::EquipmentService,
    lead: Lead::Ot,
    schedule: &[
        Slot {
            days: WEEKDAYS,
            start: (10, 30),
            minutes: 10,
            activity: "Toilet",
        },
        Slot {
            days: WEEKDAYS,
            start: (12, 45),
            minutes: 10,
            activity: "Toilet",
        },
        Slot {
            days: WEEKDAYS,
            start: (14, 45),
            minutes: 10,
            activity: "Toilet",
        },
    ],
    steps: &[
        "Check all the frame's feet are on the floor and it does not rock.",
        "Fit the reducer ring onto the toilet seat.",
        "Put the step in front so {name}'s feet will be flat, knees a little above hips.",
        "Help {name} turn and sit, holding both armrests.",
    ],
    step_photos: &[(1, 0), (2, 1)],
    checks: &[
        "Frame legs are all the same height and the rubber feet are on.",
        "Reducer ring is not cracked.",
        "Top of the step is clean and not slippery.",
    ],
    cleaning: "Clean daily with the toilets; wipe the armrests with disinfectant after each use.",
    dos: &[
        "Do give {name} privacy while staying close enough to help.",
        "Do check the frame height after the cleaners have moved it.",
    ],
    donts: &[
        "Don't let {name} stand on the reducer ring.",
        "Don't leave the step where others could trip on it.",
    ],
};

pub const SUPPORTIVE_TOILET_SEAT: Template = Template {
    category: Category::Toileting,
    name: "Supportive toilet seat",
    make: "Harebell Care",
    model: "Secure Seat",
    serial_prefix: "HC-SS",
    picture: Picture::Toilet,
    purpose: "Gives {name} support at the back, sides and hips on the toilet so {name} can sit safely and relax.",
    where_used: WhereUsed::School,
    staff: 2,
    provider: Role::EquipmentService,
    repairer: Role::EquipmentService,
    lead: Lead::Ot,
    schedule: &[
        Slot {
            days: WEEKDAYS,
            start: (10, 40),
            minutes: 15,
            activity: "Toilet",
        },
        Slot {
            days: WEEKDAYS,
            start: (13, 10),
            minutes: 15,
            activity: "Toilet",
        },
    ],
    steps: &[
        "Fit the seat onto the toilet and tighten the clamps until it cannot shift.",
        "Fit the back support and open the hip belt.",
        "Move {name} onto the seat (hoist with the toileting sling, or as the plan says).",
        "Fasten the hip belt and chest strap.",
        "Stay with {name} the whole time.",
    ],
    step_photos: &[(0, 0), (1, 3)],
    checks: &[
        "Clamps hold the seat firmly on the toilet.",
        "Back support is tight on its bracket.",
        "Belts and buckles work.",
    ],
    cleaning: "Wipe with disinfectant after each use; the pads unclip for cleaning.",
    dos: &[
        "Do give {name} time: rushing makes it harder.",
        "Do keep the footrest at the height marked on it.",
    ],
    donts: &[
        "Don't leave {name} on the toilet for more than 10 minutes.",
        "Don't use the seat on a toilet it has not been fitted to.",
    ],
};

pub const AFOS: Template = Template {
    category: Category::Splint,
    name: "Ankle-foot orthoses (pair)",
    make: "Calder Orthotics",
    model: "Custom moulded AFO",
    serial_prefix: "CO-AFO",
    picture: Picture::Afo,
    purpose: "Hold {name}'s feet and ankles in a good position for standing and walking, and stop the calf muscles tightening.",
    where_used: WhereUsed::Both,
    staff: 1,
    provider: Role::Orthotics,
    repairer: Role::Orthotics,
    lead: Lead::Physio,
    schedule: &[],
    steps: &[
        "Put on a thin, smooth sock that comes up above the top of the splint.",
        "Bend the knee and slide the foot in, pushing the heel right down and back.",
        "Fasten the ankle strap first: it holds the heel down.",
        "Fasten the other straps, then put on shoes (a size up, insoles out).",
    ],
    step_photos: &[(2, 1), (3, 0)],
    checks: &[
        "Heel is right down in the splint.",
        "No cracks in the plastic.",
        "Straps and Velcro hold.",
    ],
    cleaning: "Wipe inside and out with a damp cloth and dry. Keep away from radiators: heat warps the plastic.",
    dos: &[
        "Do check the skin when the splints come off: a red mark still there after 20 minutes means stop using them and tell the orthotist.",
        "Do bring spare socks to school.",
    ],
    donts: &[
        "Don't put the splints on without socks.",
        "Don't try to trim or bend the splints yourself.",
    ],
};

pub const NIGHT_SPLINTS: Template = Template {
    name: "Night ankle splints (pair)",
    model: "Night resting AFO",
    serial_prefix: "CO-NRA",
    purpose: "A gentle overnight stretch for {name}'s calves, to slow down the tightening of the muscles.",
    where_used: WhereUsed::Home,
    ..AFOS
};

pub const KAFOS: Template = Template {
    name: "Knee-ankle-foot orthoses (pair)",
    model: "Custom KAFO with drop locks",
    serial_prefix: "CO-KAFO",
    purpose: "Hold {name}'s knees straight and ankles steady so {name} can stand in the standing frame and practise standing.",
    where_used: WhereUsed::School,
    staff: 2,
    steps: &[
        "Sit {name} on the edge of the bed or plinth with socks on.",
        "Slide each leg in, heel right down, and fasten the ankle strap first.",
        "Fasten the knee pad and the thigh straps.",
        "Straighten the knee until both drop locks click down over the joints.",
        "Lift the locks only when {name} is sitting again.",
    ],
    ..AFOS
};

pub const HAND_SPLINT: Template = Template {
    category: Category::Splint,
    name: "Resting hand splint",
    make: "Calder Orthotics",
    model: "Thermo resting hand",
    serial_prefix: "CO-RH",
    picture: Picture::HandSplint,
    purpose: "Holds {name}'s hand open with the thumb out, so the fingers and thumb do not tighten into the palm.",
    where_used: WhereUsed::School,
    staff: 1,
    provider: Role::Orthotics,
    repairer: Role::Orthotics,
    lead: Lead::Ot,
    schedule: &[Slot {
        days: WEEKDAYS,
        start: (13, 0),
        minutes: 60,
        activity: "Wear after lunch",
    }],
    steps: &[
        "Open {name}'s fingers and thumb gently and slowly; never force them.",
        "Lay the hand in the splint with the wrist in the crease and the thumb in its channel.",
        "Fasten the wrist strap first, then the finger strap, then the forearm strap.",
    ],
    step_photos: &[(1, 1), (2, 0)],
    checks: &[
        "No cracks or sharp edges.",
        "Straps are there and the Velcro grips.",
        "Lining is clean and dry.",
    ],
    cleaning: "Wash in lukewarm soapy water and dry with a towel. Never use hot water or leave it on a radiator or sunny windowsill: it changes shape.",
    dos: &[
        "Do check the skin for red marks when it comes off.",
        "Do tell the therapist if the splint no longer fits well.",
    ],
    donts: &[
        "Don't leave it on for longer than the time on the plan.",
        "Don't let {name} use the hand for activities while wearing it.",
    ],
};

pub const WRITING_SLOPE: Template = Template {
    category: Category::Other,
    name: "Writing slope",
    make: "Penwood Classroom",
    model: "Angle 20",
    serial_prefix: "PC-A20",
    picture: Picture::Slope,
    purpose: "Brings {name}'s work closer to eye level and puts the wrist in a better position for writing.",
    where_used: WhereUsed::School,
    staff: 1,
    provider: Role::EquipmentService,
    repairer: Role::EquipmentService,
    lead: Lead::Ot,
    schedule: &[Slot {
        days: WEEKDAYS,
        start: (9, 0),
        minutes: 60,
        activity: "Writing",
    }],
    steps: &[
        "Put the slope on the table with the high edge away from {name}.",
        "Clip the paper or book at the top.",
        "Check {name} is sitting with feet flat and back supported before starting.",
    ],
    step_photos: &[],
    checks: &[
        "Non-slip feet are on and clean.",
        "Clip holds the paper.",
        "No cracks in the board.",
    ],
    cleaning: "Wipe with a damp cloth.",
    dos: &["Do let {name} set the slope up; it builds independence."],
    donts: &["Don't use it as a tray for drinks."],
};

pub const WHEELCHAIR_TRAY: Template = Template {
    category: Category::Other,
    name: "Wheelchair tray",
    make: "Kestrel Mobility",
    model: "Clear-view tray",
    serial_prefix: "KM-TR",
    picture: Picture::Tray,
    purpose: "A clear tray that fits {name}'s wheelchair, for activities, snacks and communication symbols. It is clear so staff can still see {name}'s posture underneath.",
    where_used: WhereUsed::School,
    staff: 1,
    provider: Role::WheelchairService,
    repairer: Role::WheelchairRepairs,
    lead: Lead::WheelchairService,
    schedule: &[],
    steps: &[
        "Slide the tray brackets onto the armrest rails from the front.",
        "Push the tray in until it rests lightly against {name}'s tummy, with no pressure.",
        "Tighten both knobs under the tray.",
    ],
    step_photos: &[(0, 0)],
    checks: &[
        "Both knobs are tight.",
        "No cracks or sharp edges on the tray.",
        "Brackets are not bent.",
    ],
    cleaning: "Wipe after every meal with a detergent wipe; avoid scouring pads, which scratch the clear plastic.",
    dos: &["Do take the tray off before any transfer."],
    donts: &["Don't lean on the tray or let it take anyone's weight."],
};

pub const AID_MOUNT: Template = Template {
    category: Category::Other,
    name: "Communication aid mount",
    make: "Astley Rehab",
    model: "FlexiMount",
    serial_prefix: "AS-FM",
    picture: Picture::Mount,
    purpose: "Holds {name}'s tablet communication aid at the right distance and angle for {name} to see and reach it from the wheelchair.",
    where_used: WhereUsed::Both,
    staff: 1,
    provider: Role::WheelchairService,
    repairer: Role::SeatingMaker,
    lead: Lead::Ot,
    schedule: &[],
    steps: &[
        "Check the clamp on the wheelchair frame is tight (the tape marks its height).",
        "Click the tablet holder onto the quick-release plate until it locks.",
        "Swing the arm to the position marked with tape, then lock the joint.",
        "Ask {name} whether the screen can be seen and reached, and fine-tune if needed.",
    ],
    step_photos: &[(0, 0), (1, 1)],
    checks: &[
        "Clamp and joints are tight.",
        "Quick release locks the holder.",
        "Tablet is charged.",
    ],
    cleaning: "Wipe with a damp cloth; keep liquids away from the tablet.",
    dos: &["Do swing the mount away before any transfer."],
    donts: &["Don't use the mount as a handle to push or steer the chair."],
};
