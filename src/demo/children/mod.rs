//! The fourteen invented children on the demo caseload: names from several languages and
//! scripts, ages 2 to 17, and the notes staff need before handling their equipment, written
//! plainly for school staff. The children themselves are listed by setting in the two
//! submodules.

mod oak_hollow;
mod primary_and_nursery;

use super::people::{Place, Settings};
use super::portraits::{Hair, Look};
use super::rng::Rng;
use crate::Api;
use crate::error::Result;
use crate::model::{AboutMe, Child, ChildDetails, Consent, Ehcp, KeyStatements, Tier, nhs_number};
use chrono::{Days, Months, NaiveDate};

/// Which child, for matching each child to their equipment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kid {
    Zoe,
    Jakub,
    Hoa,
    Ahmed,
    Sian,
    Gwyn,
    Kwame,
    Chidi,
    Ishaan,
    Oisin,
    Maryam,
    Ayesha,
    Seun,
    Freya,
}

pub struct Parent {
    pub name: &'static str,
    pub relationship: &'static str,
    pub mobile: &'static str,
    pub work: Option<&'static str>,
    pub email: &'static str,
    pub notes: &'static str,
}

pub struct Profile {
    pub kid: Kid,
    pub given: &'static str,
    pub family_name: &'static str,
    pub preferred: &'static str,
    /// Age today in whole years and months.
    pub age: (u32, u32),
    pub place: Place,
    pub class: &'static str,
    pub tier: Tier,
    pub has_nhs_number: bool,
    /// Section G of the EHCP, for children with a plan.
    pub section_g: Option<&'static str>,
    /// Who gave consent to share, e.g. "Claire Whitfield (mother)".
    pub consent: Option<&'static str>,
    pub communication: &'static str,
    pub what_helps: &'static str,
    pub alerts: &'static str,
    pub address: &'static str,
    pub postcode: &'static str,
    pub family: &'static [Parent],
    /// Index into the team's occupational therapists and physiotherapists.
    pub ot: usize,
    pub physio: Option<usize>,
    /// A mainstream child whose school nurse is involved.
    pub nurse: bool,
    /// How the avatar is drawn; `None` leaves the child without a photo.
    pub look: Option<Look>,
}

const fn look(skin: usize, hair: Hair, hair_colour: usize) -> Option<Look> {
    Some(Look {
        skin,
        hair,
        hair_colour,
    })
}

const fn parent(
    name: &'static str,
    relationship: &'static str,
    mobile: &'static str,
    email: &'static str,
) -> Parent {
    Parent {
        name,
        relationship,
        mobile,
        work: None,
        email,
        notes: "",
    }
}

/// Every child, in the order they are added: the same order every time, so the same date
/// always gives the same caseload.
pub fn profiles() -> impl Iterator<Item = &'static Profile> {
    primary_and_nursery::PROFILES
        .iter()
        .chain(oak_hollow::PROFILES)
}

/// A date of birth giving the child their age today, varied by a few days so birthdays do
/// not all fall on the same date.
fn date_of_birth(today: NaiveDate, (years, months): (u32, u32), rng: &mut Rng) -> NaiveDate {
    let dob = today
        .checked_sub_months(Months::new(years * 12 + months))
        .expect("the demo's ages are well within the calendar");
    dob - Days::new(rng.below(25))
}

/// A valid NHS number in the 999 range NHS England reserves for testing.
pub fn test_nhs_number(rng: &mut Rng) -> String {
    loop {
        let mut digits = vec![9, 9, 9];
        digits.extend((0..6).map(|_| rng.below(10) as u32));
        if let Some(check) = nhs_number::check_digit(&digits) {
            digits.push(check);
            return digits.iter().map(|d| char::from(b'0' + *d as u8)).collect();
        }
    }
}

/// Adds one child to the caseload.
pub fn create(
    api: &mut Api,
    settings: &Settings,
    profile: &Profile,
    rng: &mut Rng,
) -> Result<Child> {
    let today = api.today();
    let dob = date_of_birth(today, profile.age, rng);
    let mut d = ChildDetails::new(profile.given, profile.family_name, dob);
    d.preferred_name = profile.preferred.into();
    if profile.has_nhs_number {
        d.nhs_number = nhs_number::display(&test_nhs_number(rng));
    }
    d.setting_id = Some(settings.id(profile.place));
    d.class_name = profile.class.into();
    d.tier = Some(profile.tier);
    if let Some(g) = profile.section_g {
        d.ehcp = Ehcp {
            has_plan: true,
            section_g: g.into(),
        };
    }
    d.consent = profile.consent.map(|who| Consent {
        given_by: who.into(),
        given_on: today - Days::new(rng.between(20, 400) as u64),
    });
    d.about_me = AboutMe {
        communication: profile.communication.into(),
        what_helps: profile.what_helps.into(),
        medical_alerts: profile.alerts.into(),
    };
    d.key_statements = key_statements(profile.kid);
    d.home_address = profile.address.into();
    d.home_postcode = profile.postcode.into();
    api.create_child(d)
}

/// "Read this first" for a few of the children, so the sample caseload shows the page after
/// the cover both with and without it.
fn key_statements(kid: Kid) -> KeyStatements {
    let list = |items: &[&str]| items.iter().map(|s| s.to_string()).collect();
    match kid {
        Kid::Hoa => KeyStatements {
            red: list(&[
                "Never hoist me with fewer than two trained staff",
                "Never lift me by the tummy: my gastrostomy is there",
            ]),
            amber: list(&[
                "Keep the sling straps clear of my feeding tube",
                "Move me to a new position at least every two hours",
                "Count me in before every transfer",
            ]),
            green: list(&["Play me music while I stand", "Let my friends stay close"]),
        },
        Kid::Zoe => KeyStatements {
            red: list(&["Never move my chair without telling me first"]),
            amber: list(&["Check my Velcro straps after I have done them up"]),
            green: list(&["Let me do things myself and give me time"]),
        },
        _ => KeyStatements::default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nhs_numbers_are_valid_and_in_the_test_range() {
        let mut rng = Rng::new(11);
        for _ in 0..200 {
            let n = test_nhs_number(&mut rng);
            assert!(nhs_number::is_test_range(&n), "{n}");
            assert_eq!(nhs_number::parse(&n).as_deref(), Ok(n.as_str()));
        }
    }

    #[test]
    fn every_child_is_between_2_and_18() {
        let today = NaiveDate::from_ymd_opt(2026, 3, 31).unwrap();
        let mut rng = Rng::new(1);
        for p in profiles() {
            let age = today
                .years_since(date_of_birth(today, p.age, &mut rng))
                .unwrap();
            assert!((2..18).contains(&age), "{} is {age}", p.given);
        }
    }
}
