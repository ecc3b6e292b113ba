//! Item templates: what a kind of equipment is for, how to set it up, what to check and how to
//! look after it, written once and personalised for each child (`{name}` becomes the name the
//! child is known by). Makers and models are invented.

pub mod care;
pub mod lifting;
pub mod mobility;
pub mod posture;

use super::pictures::Picture;
use super::suppliers::Role;
use crate::model::{Category, Day, WhereUsed};

/// Whose caseload an item sits on: the professional named as responsible for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lead {
    Ot,
    Physio,
    WheelchairService,
}

/// One regular time the item is used at school.
pub struct Slot {
    pub days: &'static [Day],
    /// Hour and minute.
    pub start: (u32, u32),
    pub minutes: u32,
    pub activity: &'static str,
}

pub const WEEKDAYS: &[Day] = &[Day::Mon, Day::Tue, Day::Wed, Day::Thu, Day::Fri];

pub struct Template {
    pub category: Category,
    pub name: &'static str,
    pub make: &'static str,
    pub model: &'static str,
    /// Start of the serial number, e.g. "KM-SJ".
    pub serial_prefix: &'static str,
    pub picture: Picture,
    pub purpose: &'static str,
    pub where_used: WhereUsed,
    pub staff: u8,
    pub provider: Role,
    pub repairer: Role,
    pub lead: Lead,
    pub schedule: &'static [Slot],
    pub steps: &'static [&'static str],
    /// Set-up steps that get a photo: (step index, index of the drawing's part to ring).
    pub step_photos: &'static [(usize, usize)],
    pub checks: &'static [&'static str],
    pub cleaning: &'static str,
    pub dos: &'static [&'static str],
    pub donts: &'static [&'static str],
}

/// Puts the child's name into a template's text.
pub fn personal(text: &str, name: &str) -> String {
    text.replace("{name}", name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all() -> Vec<&'static Template> {
        [mobility::ALL, posture::ALL, lifting::ALL, care::ALL].concat()
    }

    #[test]
    fn templates_have_three_to_seven_steps_and_three_to_six_checks() {
        for t in all() {
            assert!((3..=7).contains(&t.steps.len()), "{} steps", t.name);
            assert!((3..=6).contains(&t.checks.len()), "{} checks", t.name);
            assert!((1..=3).contains(&t.staff), "{} staff", t.name);
            for &(step, _) in t.step_photos {
                assert!(step < t.steps.len(), "{} step photo", t.name);
            }
        }
    }

    #[test]
    fn every_category_has_a_template() {
        let all = all();
        for c in Category::ALL {
            assert!(all.iter().any(|t| t.category == *c), "{c:?}");
        }
    }
}
