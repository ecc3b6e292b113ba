//! The parts of an equipment item that only some categories have: wheelchair, seating and
//! sling details.

use super::check::{Check, tidy, tidy_list};
use super::labelled::labelled_enum;
use super::{ItemId, SupplierId};
use serde::{Deserialize, Serialize};

labelled_enum! {
    pub enum WheelchairType ("a wheelchair type") {
        ManualSelfPropelled => ("manual-self-propelled", "Manual, self-propelled"),
        AttendantPropelled => ("attendant-propelled", "Manual, attendant-propelled"),
        Powered => ("powered", "Powered"),
        SpecialBuggy => ("special-buggy", "Special buggy"),
    }
}

labelled_enum! {
    /// Personal Wheelchair Budget option (a legal right in England since December 2019).
    pub enum WheelchairBudget ("a Personal Wheelchair Budget option") {
        None => ("none", "No Personal Wheelchair Budget"),
        Notional => ("notional", "Notional: NHS-owned, NHS-repaired"),
        NotionalTopUp => ("notional-top-up", "Notional with top-up: family pays for extras and their upkeep"),
        ThirdParty => ("third-party", "Third party: family owns the chair and arranges repairs"),
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct WheelchairDetails {
    pub kind: WheelchairType,
    #[serde(default)]
    pub seat_width_mm: Option<u32>,
    #[serde(default)]
    pub seat_depth_mm: Option<u32>,
    /// Cushion, back, headrest, harness, lateral supports ...
    #[serde(default)]
    pub components: String,
    #[serde(default)]
    pub tilt_in_space: bool,
    #[serde(default)]
    pub recline: bool,
    pub budget: WheelchairBudget,
    #[serde(default)]
    pub service_id: Option<SupplierId>,
    #[serde(default)]
    pub repairer_id: Option<SupplierId>,
    /// Crash-tested, so the child may stay in it as a seat in a vehicle (with proper restraints).
    #[serde(default)]
    pub crash_tested: bool,
}

impl WheelchairDetails {
    pub fn new(kind: WheelchairType) -> Self {
        Self {
            kind,
            seat_width_mm: None,
            seat_depth_mm: None,
            components: String::new(),
            tilt_in_space: false,
            recline: false,
            budget: WheelchairBudget::None,
            service_id: None,
            repairer_id: None,
            crash_tested: false,
        }
    }

    pub(crate) fn check(&mut self, check: &mut Check) {
        tidy(&mut self.components);
        for (field, label, value) in [
            ("wheelchair.seat_width_mm", "seat width", self.seat_width_mm),
            ("wheelchair.seat_depth_mm", "seat depth", self.seat_depth_mm),
        ] {
            if let Some(mm) = value
                && !(150..=800).contains(&mm)
            {
                check.fail(
                    field,
                    format!("a {label} of {mm} mm is outside 150 to 800 mm: give it in millimetres (36 cm is 360)"),
                );
            }
        }
        check.text(
            "wheelchair.components",
            "seating and postural components",
            &self.components,
        );
    }
}

/// One set-up measurement, e.g. "Footplate height" = "28 cm".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Measurement {
    pub label: String,
    pub value: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(default)]
pub struct SeatingDetails {
    /// Pommel, lateral supports, pelvic strap, chest harness, headrest ...
    pub postural_supports: Vec<String>,
    pub measurements: Vec<Measurement>,
}

impl SeatingDetails {
    pub(crate) fn check(&mut self, check: &mut Check) {
        tidy_list(&mut self.postural_supports);
        for m in self.measurements.iter_mut() {
            tidy(&mut m.label);
            tidy(&mut m.value);
        }
        self.measurements
            .retain(|m| !(m.label.is_empty() && m.value.is_empty()));
        for (i, m) in self.measurements.iter().enumerate() {
            if m.label.is_empty() {
                check.fail(
                    format!("seating.measurements[{i}].label"),
                    "say what this measurement is",
                );
            }
            if m.value.is_empty() {
                check.fail(
                    format!("seating.measurements[{i}].value"),
                    "enter the measurement",
                );
            }
            check.line(
                &format!("seating.measurements[{i}].label"),
                "measurement's name",
                &m.label,
            );
            check.line(
                &format!("seating.measurements[{i}].value"),
                "measurement",
                &m.value,
            );
        }
        for (i, s) in self.postural_supports.iter().enumerate() {
            check.line(
                &format!("seating.postural_supports[{i}]"),
                "postural support",
                s,
            );
        }
    }
}

/// Which loop of the sling goes on the hoist's spreader bar, per strap and side.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(default)]
pub struct LoopConfiguration {
    pub shoulder_left: String,
    pub shoulder_right: String,
    pub leg_left: String,
    pub leg_right: String,
}

impl LoopConfiguration {
    /// HSE advises the same loop on both sides; a difference is worth a second look.
    pub fn sides_differ(&self) -> bool {
        self.shoulder_left != self.shoulder_right || self.leg_left != self.leg_right
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(default)]
pub struct SlingDetails {
    pub maker: String,
    pub model: String,
    pub size: String,
    /// Size colour codes differ between manufacturers: record both the size and the colour.
    pub colour_code: String,
    /// The sling's own unique id (LOLER records follow the sling, not the hoist).
    pub sling_id: String,
    pub loops: LoopConfiguration,
    /// The hoist(s) this sling is to be used with.
    pub hoist_ids: Vec<ItemId>,
}

impl SlingDetails {
    pub(crate) fn check(&mut self, check: &mut Check) {
        for s in [
            &mut self.maker,
            &mut self.model,
            &mut self.size,
            &mut self.colour_code,
            &mut self.sling_id,
            &mut self.loops.shoulder_left,
            &mut self.loops.shoulder_right,
            &mut self.loops.leg_left,
            &mut self.loops.leg_right,
        ] {
            tidy(s);
        }
        check.required(
            "sling.sling_id",
            "sling's unique id (on its label)",
            &self.sling_id,
        );
        check.line("sling.maker", "sling maker", &self.maker);
        check.line("sling.model", "sling model", &self.model);
        check.line("sling.size", "sling size", &self.size);
        check.line("sling.colour_code", "colour code", &self.colour_code);
        for (field, label, value) in [
            (
                "sling.loops.shoulder_left",
                "left shoulder loop",
                &self.loops.shoulder_left,
            ),
            (
                "sling.loops.shoulder_right",
                "right shoulder loop",
                &self.loops.shoulder_right,
            ),
            (
                "sling.loops.leg_left",
                "left leg loop",
                &self.loops.leg_left,
            ),
            (
                "sling.loops.leg_right",
                "right leg loop",
                &self.loops.leg_right,
            ),
        ] {
            check.line(field, label, value);
        }
        let mut seen = std::collections::HashSet::new();
        self.hoist_ids.retain(|id| seen.insert(*id));
    }
}
