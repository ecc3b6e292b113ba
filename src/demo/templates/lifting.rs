//! Templates for people-lifting equipment: hoists and their slings, which need a LOLER thorough
//! examination at least every six months.

use super::{Lead, Slot, Template, WEEKDAYS};
use crate::demo::pictures::Picture;
use crate::demo::suppliers::Role;
use crate::model::{Category, WhereUsed};

/// Every template in this file, for the tests that check them all.
#[cfg(test)]
pub const ALL: &[&Template] = &[
    &MOBILE_HOIST,
    &CEILING_HOIST,
    &HAMMOCK_SLING,
    &TOILETING_SLING,
];

const TRANSFERS: &[Slot] = &[
    Slot {
        days: WEEKDAYS,
        start: (10, 45),
        minutes: 15,
        activity: "Toileting and change",
    },
    Slot {
        days: WEEKDAYS,
        start: (13, 0),
        minutes: 15,
        activity: "Toileting and change",
    },
    Slot {
        days: WEEKDAYS,
        start: (14, 45),
        minutes: 15,
        activity: "Into chair for home time",
    },
];

pub const MOBILE_HOIST: Template = Template {
    category: Category::Hoist,
    name: "Mobile hoist",
    make: "Otterbrook Hoists",
    model: "Nimbus 150",
    serial_prefix: "OB-N150",
    picture: Picture::MobileHoist,
    purpose: "Lifts {name} safely between wheelchair, changing bed, toilet and floor. Use it only with {name}'s own slings, listed on their pages.",
    where_used: WhereUsed::School,
    staff: 2,
    provider: Role::EquipmentService,
    repairer: Role::LiftingEngineers,
    lead: Lead::Ot,
    schedule: TRANSFERS,
    steps: &[
        "Check the LOLER sticker is in date and the battery light is green.",
        "Open the legs wide and push the hoist into place. Leave the castor brakes off unless the plan says otherwise: the hoist needs to settle as it lifts.",
        "Lower the spreader bar to chest height, ready for the sling.",
        "Hook on the shoulder loops first, then the leg loops, using the colours on {name}'s sling page, the same on both sides.",
        "Raise slowly until the sling takes the weight; stop and check every loop is still on its hook.",
        "One person steers while the other supports {name}; lower gently into place.",
    ],
    step_photos: &[(0, 3), (3, 1)],
    checks: &[
        "LOLER examination sticker is in date.",
        "Battery is charged and the emergency lowering works.",
        "Safety catches on the spreader bar hooks close properly.",
        "Castors run freely and the brakes work.",
        "Handset cable is not damaged.",
    ],
    cleaning: "Wipe the handset, mast and spreader bar with a detergent wipe after use. Charge overnight. Keep the hoist in its parking bay, not in the corridor.",
    dos: &[
        "Do know where the emergency lowering button is (red button on the mast) before your first transfer.",
        "Do talk {name} through each step and count before you lift.",
    ],
    donts: &[
        "Don't use a sling that has not been assessed for {name}.",
        "Don't wheel {name} across the room in the air further than you need to.",
    ],
};

pub const CEILING_HOIST: Template = Template {
    category: Category::Hoist,
    name: "Ceiling track hoist",
    make: "Otterbrook Hoists",
    model: "Skyline 200",
    serial_prefix: "OB-S200",
    picture: Picture::CeilingHoist,
    purpose: "A hoist that runs on a ceiling track over the changing bed and chair area: the safest way to move {name}, with no heavy frame to push.",
    where_used: WhereUsed::School,
    staff: 2,
    provider: Role::EquipmentService,
    repairer: Role::LiftingEngineers,
    lead: Lead::Ot,
    schedule: TRANSFERS,
    steps: &[
        "Take the handset off its hook and check the light is green (charged).",
        "Bring the motor along the track until it is over {name}, and lower the spreader bar to chest height.",
        "Fit the sling around {name} (see the sling's own page) and hook on the loops, the same colour each side.",
        "Press 'up' in short bursts until the sling is taut, then check all four loops again.",
        "Lift just enough to clear the surface, move along the track and lower slowly.",
        "Send the hoist back to its charging point when you have finished.",
    ],
    step_photos: &[(1, 3), (3, 1)],
    checks: &[
        "LOLER sticker is in date.",
        "Handset light is green (charged).",
        "Emergency lowering cord hangs within reach.",
        "Lifting tape is not frayed.",
        "Safety catches on the spreader bar hooks close properly.",
    ],
    cleaning: "Wipe the handset and spreader bar after each use. Leave the hoist on charge at its docking point.",
    dos: &[
        "Do learn the emergency lowering (pull the red cord) before your first transfer.",
        "Do keep the route under the track clear of furniture.",
    ],
    donts: &[
        "Don't pull the hoist along the track by the sling.",
        "Don't carry on using it if the motor makes a new grinding or clicking noise: stop and report it.",
    ],
};

pub const HAMMOCK_SLING: Template = Template {
    category: Category::Sling,
    name: "Full-body hammock sling",
    make: "Otterbrook Hoists",
    model: "Hammock with head support",
    serial_prefix: "OB-HS",
    picture: Picture::Sling,
    purpose: "Supports {name}'s whole body, head included, for every transfer with the hoist.",
    where_used: WhereUsed::School,
    staff: 2,
    provider: Role::EquipmentService,
    repairer: Role::HoistMaker,
    lead: Lead::Ot,
    schedule: &[],
    steps: &[
        "Roll {name} onto one side and lay the sling behind, label facing out, with the bottom edge at the base of the spine.",
        "Roll {name} back onto the sling and ease it through from the other side.",
        "Bring each leg piece under its thigh and cross them over: left piece to the right hook, right piece to the left hook.",
        "Use the loop colours on this page, the same colour on both sides.",
        "Lift slowly and check {name} is sitting well in the sling with the head supported before you move.",
    ],
    step_photos: &[(0, 1), (3, 0)],
    checks: &[
        "Label is readable and shows the sling ID.",
        "No fraying, cuts, holes or pulled stitching.",
        "Loops are whole, not twisted and not knotted.",
        "LOLER examination is in date.",
    ],
    cleaning: "Wash at the temperature on the label (usually 70°C for infection control) inside a laundry bag. Never tumble dry on high heat. Keep slings off the floor.",
    dos: &[
        "Do check the sling before every use.",
        "Do use it only with the hoists listed on this page.",
    ],
    donts: &[
        "Don't use the sling if any part is damaged: take it out of use and tell the therapist.",
        "Don't use another child's sling, even one of the same size.",
    ],
};

pub const TOILETING_SLING: Template = Template {
    category: Category::Sling,
    name: "Toileting sling",
    make: "Otterbrook Hoists",
    model: "Access Toileting",
    serial_prefix: "OB-AT",
    picture: Picture::Sling,
    purpose: "An open-backed sling that leaves clothing free, for toileting and changing. It gives less support than a full-body sling: {name} must be able to hold their head up and keep their arms down.",
    where_used: WhereUsed::School,
    staff: 2,
    provider: Role::EquipmentService,
    repairer: Role::HoistMaker,
    lead: Lead::Ot,
    schedule: &[],
    steps: &[
        "With {name} sitting, slide the sling down behind the back so the padded band sits just below the shoulder blades.",
        "Bring the padded band round and fasten the waist belt snugly.",
        "Bring each leg piece under its thigh.",
        "Hook on the shoulder loops, then the leg loops, in the colours on this page.",
        "Lift only as high as you need to, keeping {name}'s arms inside the sling.",
    ],
    step_photos: &[(1, 2), (3, 0)],
    checks: &[
        "Label is readable and shows the sling ID.",
        "Waist belt buckle locks.",
        "No fraying, cuts or pulled stitching.",
        "LOLER examination is in date.",
    ],
    cleaning: "Wash at the temperature on the label inside a laundry bag, and dry away from direct heat.",
    dos: &[
        "Do check the waist belt is tight: this sling relies on it.",
        "Do lower straight away if {name} starts to slip down.",
    ],
    donts: &[
        "Don't use this sling for long transfers, or when {name} is sleepy or unwell: use the full-body sling.",
        "Don't lift with the arms outside the sling.",
    ],
};
