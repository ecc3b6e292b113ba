//! Templates for getting about: wheelchairs, a special buggy, a posterior walker and a gait
//! trainer.

use super::{Lead, Slot, Template, WEEKDAYS};
use crate::demo::pictures::Picture;
use crate::demo::suppliers::Role;
use crate::model::{Category, Day, WhereUsed};

/// Every template in this file, for the tests that check them all.
#[cfg(test)]
pub const ALL: &[&Template] = &[
    &SELF_PROPELLED_CHAIR,
    &TILT_CHAIR,
    &POWERED_CHAIR,
    &SPECIAL_BUGGY,
    &POSTERIOR_WALKER,
    &GAIT_TRAINER,
];

pub const SELF_PROPELLED_CHAIR: Template = Template {
    category: Category::Wheelchair,
    name: "Self-propelled wheelchair",
    make: "Kestrel Mobility",
    model: "Swift Junior",
    serial_prefix: "KM-SJ",
    picture: Picture::ManualChair,
    purpose: "{name}'s own wheelchair for getting around school and out and about. {name} pushes it on the flat; staff help on ramps, slopes and rough ground.",
    where_used: WhereUsed::Both,
    staff: 1,
    provider: Role::WheelchairService,
    repairer: Role::WheelchairRepairs,
    lead: Lead::WheelchairService,
    schedule: &[],
    steps: &[
        "Put both brakes on before {name} moves in or out of the chair.",
        "Swing the footplates out of the way for the transfer, then back down once {name} is seated.",
        "Check {name} is sitting right back in the seat with hips level before doing up the lap belt.",
        "Fasten the lap belt snugly across the hips, not the tummy: one flat hand should fit underneath.",
        "Put both feet on the footplates, heels back, and take the brakes off only when {name} is ready to go.",
    ],
    step_photos: &[(0, 0), (4, 1)],
    checks: &[
        "Brakes hold the chair still when you push it firmly.",
        "Tyres are firm, with no splits or bulges.",
        "Lap belt buckle clicks shut and opens easily.",
        "Footplates lock in place.",
        "Cushion is the right way round (the label on the cover says which edge goes at the back).",
    ],
    cleaning: "Wipe the frame, armrests and push rims weekly with warm soapy water and dry them. The cushion cover comes off for a 40°C wash; never put the foam inside in water. Pull hair and fluff out of the wheel axles when you see it.",
    dos: &[
        "Do turn the anti-tip bars up before tipping the chair back to mount a kerb, and down again after.",
        "Do ring the repair line the same day about a soft tyre or a brake that slips.",
    ],
    donts: &[
        "Don't lift the chair by its armrests or footplates: they come off.",
        "Don't hang heavy bags on the push handles; the chair can tip backwards.",
    ],
};

pub const TILT_CHAIR: Template = Template {
    category: Category::Wheelchair,
    name: "Tilt-in-space wheelchair",
    make: "Kestrel Mobility",
    model: "Cradle Tilt 2",
    serial_prefix: "KM-CT",
    picture: Picture::ManualChair,
    purpose: "Moves {name} around school and on trips, pushed by staff. The whole seat tilts back for rest, comfort and a safer position after meals.",
    where_used: WhereUsed::Both,
    staff: 1,
    provider: Role::WheelchairService,
    repairer: Role::WheelchairRepairs,
    lead: Lead::WheelchairService,
    schedule: &[],
    steps: &[
        "Park beside the hoist, put both brakes on and tilt the seat back a little before hoisting {name} in.",
        "Lower {name} with hips right at the back of the seat, then take the sling out (unless the plan says to leave it in).",
        "Fasten the pelvic belt first, then the chest harness, then the foot straps.",
        "Move the headrest so it supports the back of the head, not the neck.",
        "Bring the tilt back to the position the therapist set (green sticker on the frame) before moving off.",
    ],
    step_photos: &[(0, 0), (4, 2)],
    checks: &[
        "Both brakes hold.",
        "Tilt locks firmly at every angle.",
        "Every strap and buckle is there and fastens.",
        "Headrest clamp is tight.",
        "Tyres are firm; nothing is loose or rattling.",
    ],
    cleaning: "Wipe the frame and tray daily with a detergent wipe, especially after meals. The covers unzip for a 40°C wash; the wheelchair service supplies a spare set. Dry them fully before refitting.",
    dos: &[
        "Do tilt back before hoisting in or out: it stops {name} sliding forward.",
        "Do check the pelvic belt is still snug after every transfer.",
    ],
    donts: &[
        "Don't leave the seat tilted right back for more than 20 minutes unless the plan says so.",
        "Don't push the chair over kerbs or rough ground with the seat tilted fully back.",
    ],
};

pub const POWERED_CHAIR: Template = Template {
    category: Category::Wheelchair,
    name: "Powered wheelchair",
    make: "Kestrel Mobility",
    model: "Volt Junior",
    serial_prefix: "KM-VJ",
    picture: Picture::PoweredChair,
    purpose: "Gives {name} independent movement at school, at home and out and about. {name} drives it with a joystick.",
    where_used: WhereUsed::Both,
    staff: 1,
    provider: Role::WheelchairService,
    repairer: Role::WheelchairRepairs,
    lead: Lead::WheelchairService,
    schedule: &[],
    steps: &[
        "Switch the chair off at the joystick before any transfer.",
        "Swing the joystick out of the way and fold up the footplate.",
        "Once {name} is seated, fasten the lap belt and swing the joystick back to the mark on the armrest.",
        "Check the speed setting: use setting 2 indoors unless the therapist has agreed otherwise.",
        "Switch on and let {name} try forward and back slowly before setting off.",
    ],
    step_photos: &[(0, 0), (1, 2)],
    checks: &[
        "Battery gauge shows at least half charge.",
        "Chair stops when the joystick is let go, and the joystick springs back to the middle.",
        "Lap belt fastens and releases.",
        "Tyres are firm, with no cuts.",
        "Free-wheel levers are in the drive position.",
    ],
    cleaning: "Wipe the joystick and armrests daily with a detergent wipe; never spray liquid onto the joystick or controls. Charge every night, not only when the battery is low. Keep the chair out of heavy rain.",
    dos: &[
        "Do use the free-wheel levers (behind the rear wheels) only with the chair switched off and on level ground.",
        "Do switch the chair off at once and report it if it ever moves unexpectedly.",
    ],
    donts: &[
        "Don't drive the chair from the joystick while {name} is in it, except in an emergency.",
        "Don't charge the chair in a corridor or on a fire exit route.",
    ],
};

pub const SPECIAL_BUGGY: Template = Template {
    category: Category::SpecialBuggy,
    name: "Special needs buggy",
    make: "Bramble Mobility",
    model: "Trekker Tilt",
    serial_prefix: "BR-TT",
    picture: Picture::Buggy,
    purpose: "Supported seating on the move for {name}: trips, the walk to the bus and outdoor learning. The seat tilts back so {name} can rest.",
    where_used: WhereUsed::Both,
    staff: 1,
    provider: Role::WheelchairService,
    repairer: Role::WheelchairRepairs,
    lead: Lead::WheelchairService,
    schedule: &[Slot {
        days: &[Day::Tue, Day::Thu],
        start: (13, 30),
        minutes: 60,
        activity: "Outdoor learning",
    }],
    steps: &[
        "Unfold the buggy fully until both side locks click, and put the foot brake on.",
        "Lift {name} in (or hoist, if the plan says so) with hips right at the back of the seat.",
        "Fasten the five-point harness: hip straps first, then shoulder straps, then the buckle.",
        "Set the footrest so both feet rest flat with knees bent at a right angle.",
        "Set the hood and tilt to suit the weather and how alert {name} is, then take the brake off.",
    ],
    step_photos: &[(0, 1), (2, 0)],
    checks: &[
        "Both side locks are clicked in.",
        "Foot brake holds the buggy on a slope.",
        "Harness buckle locks and releases.",
        "Wheels turn freely and do not wobble.",
        "Hood and tilt lock in place.",
    ],
    cleaning: "Brush off mud and grit after outdoor use and wipe the frame dry. Sponge the seat fabric clean; the liner can go in the washing machine at 30°C. Let it dry before folding.",
    dos: &[
        "Do keep the wrist strap on your wrist on slopes.",
        "Do fold and unfold the buggy only when {name} is out of it.",
    ],
    donts: &[
        "Don't hang bags on the handle: use the basket underneath.",
        "Don't carry the buggy up or down steps with {name} in it.",
    ],
};

pub const POSTERIOR_WALKER: Template = Template {
    category: Category::Walker,
    name: "Posterior walker",
    make: "Wrenfield Therapy",
    model: "Stride Reverse",
    serial_prefix: "WF-SR",
    picture: Picture::Walker,
    purpose: "Helps {name} walk around the classroom and to lunch. The frame goes behind, so {name} stands tall instead of leaning forward.",
    where_used: WhereUsed::School,
    staff: 1,
    provider: Role::EquipmentService,
    repairer: Role::EquipmentService,
    lead: Lead::Physio,
    schedule: &[
        Slot {
            days: WEEKDAYS,
            start: (11, 50),
            minutes: 20,
            activity: "Walk to lunch",
        },
        Slot {
            days: &[Day::Mon, Day::Wed, Day::Fri],
            start: (14, 0),
            minutes: 15,
            activity: "Walking practice in the hall",
        },
    ],
    steps: &[
        "Check the handle height: the grips should be level with {name}'s wrists when standing tall.",
        "Set the rear wheels to 'one way' so the walker cannot roll backwards.",
        "Help {name} stand in front of the walker and take hold of both grips.",
        "Walk a little behind and to one side, ready to steady {name} at the hips, not the arms.",
    ],
    step_photos: &[(0, 0), (1, 1)],
    checks: &[
        "Height pins are pushed fully in on both sides.",
        "Rear wheels only roll forwards.",
        "Handgrips are firm and not split.",
        "No loose screws or cracks in the frame.",
    ],
    cleaning: "Wipe the handgrips daily with a detergent wipe. Clear hair and fluff from the wheels weekly so they run freely.",
    dos: &[
        "Do clear bags and chairs out of the way first.",
        "Do let {name} set the pace, and praise good upright walking.",
    ],
    donts: &[
        "Don't use the walker on stairs or steep ramps.",
        "Don't let other children ride on it.",
    ],
};

pub const GAIT_TRAINER: Template = Template {
    category: Category::Walker,
    name: "Gait trainer",
    make: "Wrenfield Therapy",
    model: "Pathfinder Support",
    serial_prefix: "WF-PS",
    picture: Picture::GaitTrainer,
    purpose: "Takes some of {name}'s weight at the trunk and hips so {name} can step and explore, building strength and healthy bones.",
    where_used: WhereUsed::School,
    staff: 2,
    provider: Role::EquipmentService,
    repairer: Role::EquipmentService,
    lead: Lead::Physio,
    schedule: &[
        Slot {
            days: WEEKDAYS,
            start: (10, 0),
            minutes: 20,
            activity: "Walk to the sensory room",
        },
        Slot {
            days: WEEKDAYS,
            start: (14, 15),
            minutes: 20,
            activity: "Walking practice",
        },
    ],
    steps: &[
        "Put all four castor brakes on and lower the saddle right down.",
        "Stand {name} up and guide the saddle between the legs, then raise it until {name} is just taking weight through the feet (height marked with tape).",
        "Close the chest support around {name} at chest height and fasten it.",
        "Fasten the ankle guides if used, then take the brakes off.",
        "Walk alongside and let {name} lead; use the push handle only to steer away from danger.",
    ],
    step_photos: &[(0, 1), (1, 3)],
    checks: &[
        "All four brakes work.",
        "Saddle and chest support clamps are tight.",
        "Straps and Velcro hold firmly.",
        "No cracks in the frame; wheels spin freely.",
    ],
    cleaning: "Wipe the saddle and chest pad after each session. The pads unclip for hand washing. Keep the wheels free of hair.",
    dos: &[
        "Do stop if {name} is tired, sinking into the saddle or upset.",
        "Do check the skin around the saddle after each session.",
    ],
    donts: &[
        "Don't leave {name} in the gait trainer without an adult right beside them.",
        "Don't use it outside on gravel or grass.",
    ],
};
