//! Templates for posture through the day and night: seating, standing frames, a sleep system,
//! and seats and harnesses for travel.

use super::{Lead, Slot, Template, WEEKDAYS};
use crate::demo::pictures::Picture;
use crate::demo::suppliers::Role;
use crate::model::{Category, WhereUsed};

/// Every template in this file, for the tests that check them all.
#[cfg(test)]
pub const ALL: &[&Template] = &[
    &CLASSROOM_CHAIR,
    &MODULAR_SEAT,
    &FLOOR_SITTER,
    &PRONE_STANDER,
    &SUPINE_STANDER,
    &SLEEP_SYSTEM,
    &CAR_SEAT,
    &HARNESS_VEST,
];

pub const CLASSROOM_CHAIR: Template = Template {
    category: Category::Seating,
    name: "Adjustable classroom chair",
    make: "Astley Rehab",
    model: "Scholar 3",
    serial_prefix: "AS-SC",
    picture: Picture::Seat,
    purpose: "Lets {name} sit upright and steady at a table with both feet supported, so both hands are free for learning.",
    where_used: WhereUsed::School,
    staff: 1,
    provider: Role::EquipmentService,
    repairer: Role::SeatingMaker,
    lead: Lead::Ot,
    schedule: &[
        Slot {
            days: WEEKDAYS,
            start: (9, 0),
            minutes: 90,
            activity: "Phonics and English",
        },
        Slot {
            days: WEEKDAYS,
            start: (13, 15),
            minutes: 60,
            activity: "Afternoon lessons",
        },
    ],
    steps: &[
        "Put the castor brakes on before {name} sits down.",
        "Check the seat height: feet flat on the footrest, knees level with the hips or a little above.",
        "Fasten the pelvic strap snugly across the tops of the thighs.",
        "Push the chair in so the table is at elbow height; raise or lower the seat if it is not.",
    ],
    step_photos: &[(0, 3), (1, 1)],
    checks: &[
        "Castor brakes hold.",
        "Seat does not sink when {name} sits down.",
        "Footrest clamp is tight.",
        "Pelvic strap buckle works.",
    ],
    cleaning: "Wipe the seat and back daily with a detergent wipe. The covers unzip for a 40°C wash.",
    dos: &[
        "Do check the footrest height each half term: {name} is growing.",
        "Do give {name} a movement break out of the chair every half hour or so.",
    ],
    donts: &[
        "Don't stand on the chair or wheel it about with {name} in it.",
        "Don't swap it with another child's chair: it is set up for {name}.",
    ],
};

pub const MODULAR_SEAT: Template = Template {
    category: Category::Seating,
    name: "Modular seating system",
    make: "Astley Rehab",
    model: "Contour Modular",
    serial_prefix: "AS-CM",
    picture: Picture::Seat,
    purpose: "Supports {name}'s posture in class and at meals: hips level, spine straight and head in the middle, which helps breathing, eating, and using hands and eyes.",
    where_used: WhereUsed::School,
    staff: 2,
    provider: Role::EquipmentService,
    repairer: Role::SeatingMaker,
    lead: Lead::Ot,
    schedule: &[
        Slot {
            days: WEEKDAYS,
            start: (9, 15),
            minutes: 75,
            activity: "Morning circle and literacy",
        },
        Slot {
            days: WEEKDAYS,
            start: (12, 0),
            minutes: 45,
            activity: "Lunch",
        },
        Slot {
            days: WEEKDAYS,
            start: (13, 30),
            minutes: 60,
            activity: "Afternoon session",
        },
    ],
    steps: &[
        "Put the castor brakes on and tilt the seat back slightly.",
        "Hoist {name} into the seat, lowering slowly so the hips go right to the back.",
        "Fasten the pelvic belt first, drawing the hips back and down.",
        "Close the side supports so they sit just below the armpits, with a finger's width to spare.",
        "Fasten the chest harness, then bring the headrest in behind the head.",
        "Fit the foot straps and the tray, then bring the seat back upright for activities.",
    ],
    step_photos: &[(2, 0), (4, 2), (5, 1)],
    checks: &[
        "Castor brakes hold.",
        "Tilt and height locks are tight.",
        "Every strap and buckle fastens.",
        "Side supports and headrest are tight on their brackets.",
        "No tears in the covers and no foam showing.",
    ],
    cleaning: "Wipe the tray and covers after every meal. The covers unzip for a 40°C wash; dry them fully before refitting. Check under the cushions for crumbs weekly.",
    dos: &[
        "Do fasten the pelvic belt first, every time: it holds everything else in place.",
        "Do check for red marks on the skin when {name} comes out.",
    ],
    donts: &[
        "Don't loosen the supports to give a rest: tilt the seat back instead.",
        "Don't leave {name} in the seat for more than two hours without a change of position.",
    ],
};

pub const FLOOR_SITTER: Template = Template {
    category: Category::Seating,
    name: "Corner floor seat",
    make: "Astley Rehab",
    model: "Nestle Floor Sitter",
    serial_prefix: "AS-NF",
    picture: Picture::FloorSeat,
    purpose: "Holds {name} steady sitting on the floor, so {name} can play alongside friends with both hands free.",
    where_used: WhereUsed::School,
    staff: 1,
    provider: Role::EquipmentService,
    repairer: Role::SeatingMaker,
    lead: Lead::Ot,
    schedule: &[
        Slot {
            days: WEEKDAYS,
            start: (9, 30),
            minutes: 30,
            activity: "Floor play",
        },
        Slot {
            days: WEEKDAYS,
            start: (13, 30),
            minutes: 30,
            activity: "Story and song time",
        },
    ],
    steps: &[
        "Put the seat on a flat, clear patch of floor away from doorways.",
        "Sit {name} with bottom right back in the corner of the seat.",
        "Put the pommel between the knees and fasten the belt across the hips.",
        "Check {name} is upright and not leaning; add the side cushion if {name} leans over.",
    ],
    step_photos: &[(1, 1), (2, 0)],
    checks: &[
        "Non-slip base is clean, so the seat does not slide.",
        "Hip belt buckle works.",
        "Covers have no rips and no foam showing.",
    ],
    cleaning: "Wipe after each use with a detergent wipe; the cover goes in the washing machine at 40°C.",
    dos: &[
        "Do stay within arm's reach.",
        "Do put toys in front and to the middle so {name} reaches forward.",
    ],
    donts: &[
        "Don't carry {name} in the seat.",
        "Don't put the seat on a table or any raised surface.",
    ],
};

pub const PRONE_STANDER: Template = Template {
    category: Category::StandingFrame,
    name: "Prone standing frame",
    make: "Wrenfield Therapy",
    model: "Upright Prone",
    serial_prefix: "WF-UP",
    picture: Picture::Stander,
    purpose: "Gets {name} standing with weight through both legs, for strong bones, healthy hips and a good stretch, with a tray so {name} can join in at table height.",
    where_used: WhereUsed::School,
    staff: 2,
    provider: Role::EquipmentService,
    repairer: Role::EquipmentService,
    lead: Lead::Physio,
    schedule: &[Slot {
        days: WEEKDAYS,
        start: (10, 30),
        minutes: 40,
        activity: "Standing for table-top activities",
    }],
    steps: &[
        "Lower the board nearly flat and put all the castor brakes on.",
        "With two staff, help (or hoist) {name} onto the board, feet onto the footplates first.",
        "Fasten the foot straps, then the knee block, then the hip strap, then the chest strap.",
        "Slowly raise the board to the angle the physiotherapist marked (green line), watching {name}'s face for discomfort.",
        "Fit the tray at elbow height.",
    ],
    step_photos: &[(2, 1), (3, 0)],
    checks: &[
        "All castor brakes hold.",
        "Angle lock holds and does not creep.",
        "All straps fasten and the Velcro still grips.",
        "Knee block and footplate clamps are tight.",
        "No loose screws on any moving part (check every time).",
    ],
    cleaning: "Wipe the pads and tray after use. Clean the Velcro weekly: fluff stops it gripping.",
    dos: &[
        "Do check both feet are flat with heels down on the footplates.",
        "Do lower the board and get help if {name} is in pain, goes pale or sweaty, or has a seizure.",
    ],
    donts: &[
        "Don't leave {name} alone in the frame, even for a moment.",
        "Don't wheel the frame with {name} in it, except the last few inches up to a table.",
    ],
};

pub const SUPINE_STANDER: Template = Template {
    category: Category::StandingFrame,
    name: "Supine standing frame",
    make: "Wrenfield Therapy",
    model: "Recline Stand",
    serial_prefix: "WF-RS",
    picture: Picture::Stander,
    purpose: "Brings {name} from lying to standing on a tilting board: for bone strength, hip position, breathing and digestion, and a change from sitting.",
    where_used: WhereUsed::School,
    staff: 2,
    provider: Role::EquipmentService,
    repairer: Role::EquipmentService,
    lead: Lead::Physio,
    schedule: &[Slot {
        days: WEEKDAYS,
        start: (11, 0),
        minutes: 45,
        activity: "Standing during sensory story",
    }],
    steps: &[
        "Lower the board flat to bed height and put all four brakes on.",
        "Hoist {name} onto the board with the head on the headrest, then take the sling out.",
        "Fasten the straps from the bottom up: feet, knees, hips, chest.",
        "Raise the board in stages to the angle on the plan, pausing to check {name} is comfortable.",
        "Swing the tray in at chest height for activities.",
    ],
    step_photos: &[(0, 2), (2, 1)],
    checks: &[
        "All four brakes hold.",
        "The board raises and lowers smoothly and stays where you leave it.",
        "Straps fasten and the Velcro grips.",
        "Headrest and pads are secure.",
    ],
    cleaning: "Wipe the pads after each session; wash the straps monthly.",
    dos: &[
        "Do watch for a change of colour, sweating or signs of pain, and lower at once if you see them.",
        "Do keep the emergency lowering instructions on the wall beside the frame.",
    ],
    donts: &[
        "Don't raise the board past the angle on the plan.",
        "Don't leave {name} alone while standing.",
    ],
};

pub const SLEEP_SYSTEM: Template = Template {
    category: Category::SleepSystem,
    name: "Sleep positioning system",
    make: "Fernbrook",
    model: "NightForm",
    serial_prefix: "FB-NF",
    picture: Picture::Bed,
    purpose: "Holds {name} in a comfortable, even position at night to protect the hips and spine and to help {name} sleep.",
    where_used: WhereUsed::Home,
    staff: 1,
    provider: Role::EquipmentService,
    repairer: Role::SleepMaker,
    lead: Lead::Ot,
    schedule: &[],
    steps: &[
        "Lay the base sheet flat on the mattress, with the hip marker where {name}'s hips will be.",
        "Lie {name} on their back with the hips on the marker.",
        "Put the knee roll under the knees and the side supports at the hips and chest, snug but not tight.",
        "Put the pillow under the head so the chin is level.",
        "Fold the duvet over the top and check {name} can still move both arms.",
    ],
    step_photos: &[(2, 0), (3, 2)],
    checks: &[
        "Covers are clean and dry.",
        "Supports have no split seams or lumpy filling.",
        "Velcro tabs hold the supports in place.",
    ],
    cleaning: "Covers wash at 60°C; keep a spare set so one is always on. Wipe the waterproof inners with a damp cloth.",
    dos: &[
        "Do follow the positions in the photo chart from the therapist.",
        "Do tell the therapist if {name} wakes often or has red marks in the morning.",
    ],
    donts: &[
        "Don't add pillows or cushions that are not in the plan.",
        "Don't use the system when {name} has a fever or a chest infection without checking with the therapist.",
    ],
};

pub const CAR_SEAT: Template = Template {
    category: Category::TransportSeat,
    name: "Special needs car seat",
    make: "Juniper Child Seating",
    model: "Voyager Plus",
    serial_prefix: "JC-VP",
    picture: Picture::CarSeat,
    purpose: "Keeps {name} safe and supported in the car and on school transport, with a five-point harness and head support.",
    where_used: WhereUsed::Both,
    staff: 1,
    provider: Role::EquipmentService,
    repairer: Role::EquipmentService,
    lead: Lead::Ot,
    schedule: &[],
    steps: &[
        "Fit the seat using the ISOFIX points or the belt route on the label; push it to check it moves no more than an inch.",
        "Lift {name} in with hips right at the back.",
        "Bring the shoulder straps over the shoulders and click both tongues into the buckle.",
        "Pull the adjuster strap until only two fingers fit under the harness at the chest.",
        "Set the headrest so the shoulder straps come out level with the shoulders or just above.",
    ],
    step_photos: &[(3, 0), (4, 1)],
    checks: &[
        "Seat is firmly fitted in the vehicle.",
        "Harness is not twisted and the buckle clicks.",
        "No cracks in the shell.",
        "Recline is locked.",
    ],
    cleaning: "The covers come off for a 30°C hand wash. Wipe the buckle with a damp cloth; never oil it.",
    dos: &[
        "Do take off bulky coats before strapping {name} in.",
        "Do replace the seat after any crash, even a small one.",
    ],
    donts: &[
        "Don't put padding or toys under the harness.",
        "Don't leave {name} alone in the vehicle.",
    ],
};

pub const HARNESS_VEST: Template = Template {
    category: Category::TransportSeat,
    name: "Transport harness vest",
    make: "Juniper Child Seating",
    model: "SafeRide Vest",
    serial_prefix: "JC-SV",
    picture: Picture::Vest,
    purpose: "Keeps {name} safely seated on the school minibus, as agreed in the transport risk assessment.",
    where_used: WhereUsed::Both,
    staff: 1,
    provider: Role::EquipmentService,
    repairer: Role::EquipmentService,
    lead: Lead::Ot,
    schedule: &[],
    steps: &[
        "Put the vest on like a coat, with the zip at the back.",
        "Sit {name} in the minibus seat and thread the seat's lap belt through the loops at the hips.",
        "Clip the shoulder straps to the anchor points behind the seat.",
        "Tighten until two fingers fit between the vest and the chest.",
    ],
    step_photos: &[(2, 1), (1, 2)],
    checks: &[
        "Zip and buckles work.",
        "Webbing is not frayed or cut.",
        "Anchor points are fitted in the vehicle.",
    ],
    cleaning: "Hand wash at 30°C and dry on a line; do not tumble dry.",
    dos: &[
        "Do check the fit each term.",
        "Do give the bus escort a copy of this page.",
    ],
    donts: &[
        "Don't use the vest anywhere except in a vehicle.",
        "Don't fit it to a seat that has no lap or three-point belt.",
    ],
};
