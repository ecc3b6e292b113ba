//! Who has what: each child's equipment, when it was issued, when it is due for review, and
//! its service history, all counted in days back from today so the demo always has something
//! overdue and something due soon, whatever the date.

mod oak_hollow;
mod primary_and_nursery;

use super::children::Kid;
use super::templates::Template;
use crate::model::{ItemStatus, Outcome, WheelchairBudget, WheelchairType, WhereUsed};

/// Wheelchair or buggy details.
pub struct Chair {
    pub kind: WheelchairType,
    pub seat_mm: (u32, u32),
    pub components: &'static str,
    pub tilt: bool,
    pub recline: bool,
    pub budget: WheelchairBudget,
    pub crash_tested: bool,
}

/// Postural supports and the set-up measurements the therapist recorded.
pub struct Posture {
    pub supports: &'static [&'static str],
    pub measurements: &'static [(&'static str, &'static str)],
}

/// How a sling fits: size, colour code, loops (the same both sides, as HSE advises) and the
/// hoists it goes with, as positions in the child's list of equipment.
pub struct SlingFit {
    pub size: &'static str,
    pub colour: &'static str,
    pub shoulder: &'static str,
    pub leg: &'static str,
    pub hoists: &'static [usize],
}

/// Something done to an item, so many days ago.
pub enum Event {
    Loler(i64, Outcome, &'static str),
    Repair(i64, Outcome, &'static str),
    Check(i64, &'static str),
}

/// One item on a child's list.
pub struct Kit {
    pub template: &'static Template,
    pub size: &'static str,
    pub where_used: Option<WhereUsed>,
    pub status: ItemStatus,
    pub issued_days_ago: i64,
    /// Days until the review is due; negative when it is overdue.
    pub review_in_days: i64,
    /// Newest LOLER examination, in days ago; earlier ones follow every six months back to
    /// the issue date.
    pub loler_last: Option<i64>,
    /// Newest routine service, in days ago; earlier ones yearly back to the issue date.
    pub service_last: Option<i64>,
    pub events: Vec<Event>,
    pub photos: u8,
    pub step_photos: bool,
    pub chair: Option<Chair>,
    pub posture: Option<Posture>,
    pub sling: Option<SlingFit>,
}

/// An item issued `issued` days ago with its review due in `review` days, in use, with one
/// photo.
fn kit(template: &'static Template, size: &'static str, issued: i64, review: i64) -> Kit {
    Kit {
        template,
        size,
        where_used: None,
        status: ItemStatus::InUse,
        issued_days_ago: issued,
        review_in_days: review,
        loler_last: None,
        service_last: None,
        events: Vec::new(),
        photos: 1,
        step_photos: false,
        chair: None,
        posture: None,
        sling: None,
    }
}

impl Kit {
    fn at(mut self, place: WhereUsed) -> Self {
        self.where_used = Some(place);
        self
    }

    fn status(mut self, status: ItemStatus) -> Self {
        self.status = status;
        self
    }

    fn loler(mut self, last: i64) -> Self {
        self.loler_last = Some(last);
        self
    }

    fn service(mut self, last: i64) -> Self {
        self.service_last = Some(last);
        self
    }

    fn event(mut self, event: Event) -> Self {
        self.events.push(event);
        self
    }

    fn photos(mut self, n: u8) -> Self {
        self.photos = n;
        self
    }

    /// Photos beside the set-up steps the template names.
    fn steps_shown(mut self) -> Self {
        self.step_photos = true;
        self
    }

    /// Two gallery photos and photographed set-up steps: the items a new user is likely to
    /// open first.
    fn showcase(self) -> Self {
        self.photos(2).steps_shown()
    }

    fn chair(mut self, chair: Chair) -> Self {
        self.chair = Some(chair);
        self
    }

    fn posture(
        mut self,
        supports: &'static [&'static str],
        measurements: &'static [(&'static str, &'static str)],
    ) -> Self {
        self.posture = Some(Posture {
            supports,
            measurements,
        });
        self
    }

    fn sling(mut self, size: &'static str, colour: &'static str, hoists: &'static [usize]) -> Self {
        self.sling = Some(SlingFit {
            size,
            colour,
            shoulder: "Green loop",
            leg: "Blue loop",
            hoists,
        });
        self
    }
}

/// A wheelchair or buggy without tilt, recline or crash testing.
const fn plain_chair(
    kind: WheelchairType,
    seat_mm: (u32, u32),
    components: &'static str,
    budget: WheelchairBudget,
) -> Chair {
    Chair {
        kind,
        seat_mm,
        components,
        tilt: false,
        recline: false,
        budget,
        crash_tested: false,
    }
}

const TERMLY_CHECK: &str = "Termly check by the physiotherapist: straps, pads and angle lock in good order; angle confirmed on the plan.";

/// Every item for one child, hoists before the slings that name them.
pub fn equipment(kid: Kid) -> Vec<Kit> {
    oak_hollow::equipment(kid)
        .or_else(|| primary_and_nursery::equipment(kid))
        .expect("every child in the demo has an equipment list")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::children::profiles;
    use crate::model::Category;

    #[test]
    fn review_dates_never_come_before_issue_and_slings_name_earlier_hoists() {
        for p in profiles() {
            let kits = equipment(p.kid);
            for (i, k) in kits.iter().enumerate() {
                assert!(k.review_in_days > -k.issued_days_ago, "{}", k.template.name);
                if let Some(s) = &k.sling {
                    for &h in s.hoists {
                        assert!(h < i, "{}: hoist after sling", p.given);
                        assert_eq!(kits[h].template.category, Category::Hoist);
                    }
                }
                for last in [k.loler_last, k.service_last].into_iter().flatten() {
                    assert!(last <= k.issued_days_ago, "{}", k.template.name);
                }
            }
        }
    }
}
