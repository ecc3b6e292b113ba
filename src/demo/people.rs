//! The demo's settings (a mainstream primary, a special school and a nursery), the therapy
//! team, and the contacts written for each child: family first, then the professionals.

use super::children::Profile;
use crate::Api;
use crate::error::Result;
use crate::model::{
    ChildId, ContactDetails, ContactRole, Phone, SettingDetails, SettingId, SettingKind,
};

/// Which of the three settings a child attends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    Primary,
    Special,
    Nursery,
}

/// The settings as created.
pub struct Settings {
    pub primary: SettingId,
    pub special: SettingId,
    pub nursery: SettingId,
}

impl Settings {
    pub fn id(&self, place: Place) -> SettingId {
        match place {
            Place::Primary => self.primary,
            Place::Special => self.special,
            Place::Nursery => self.nursery,
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn setting(
    name: &str,
    kind: SettingKind,
    address: &str,
    postcode: &str,
    phone: &str,
    senco: &str,
    email: &str,
    link: &str,
) -> SettingDetails {
    let mut d = SettingDetails::new(name, kind);
    d.address = address.into();
    d.postcode = postcode.into();
    d.phone = phone.into();
    d.senco_name = senco.into();
    d.senco_email = email.into();
    d.link_therapist = link.into();
    d
}

pub fn create_settings(api: &mut Api) -> Result<Settings> {
    let primary = api.create_setting(setting(
        "Brookfield Primary School",
        SettingKind::School,
        "Larchwood Road, Hall Green, Birmingham",
        "B28 9QT",
        "0121 496 0520",
        "Rachel Adeyemi",
        "senco@brookfield-primary.sch.uk",
        "Hannah Price, Occupational Therapist",
    ))?;
    let special = api.create_setting(setting(
        "Oak Hollow School",
        SettingKind::School,
        "Meadowsweet Drive, Kings Norton, Birmingham",
        "B30 3HL",
        "0121 496 0440",
        "Imran Siddiqui (Assistant Head, Inclusion)",
        "inclusion@oakhollow.sch.uk",
        "Priya Raman, Physiotherapist",
    ))?;
    let nursery = api.create_setting(setting(
        "Little Acorns Nursery",
        SettingKind::Nursery,
        "The Old Chapel, 41 Silverbirch Road, Selly Park, Birmingham",
        "B29 7LE",
        "0121 496 0690",
        "Megan Doyle",
        "senco@littleacorns-nursery.example",
        "Hannah Price, Occupational Therapist",
    ))?;
    Ok(Settings {
        primary: primary.id,
        special: special.id,
        nursery: nursery.id,
    })
}

/// A member of the team around the children.
pub struct Professional {
    pub name: &'static str,
    pub title: &'static str,
    pub organisation: &'static str,
    pub phone: &'static str,
    pub email: &'static str,
}

impl Professional {
    /// "Hannah Price, Occupational Therapist": how items name their responsible therapist.
    pub fn signature(&self) -> String {
        format!("{}, {}", self.name, self.title)
    }
}

const TRUST: &str = "Kingsmere Community Health NHS Trust";

pub const OTS: &[Professional] = &[
    Professional {
        name: "Hannah Price",
        title: "Occupational Therapist",
        organisation: TRUST,
        phone: "0121 496 0811",
        email: "hannah.price@kingsmere-health.example",
    },
    Professional {
        name: "Tomasz Wiśniewski",
        title: "Specialist Occupational Therapist (Seating)",
        organisation: TRUST,
        phone: "0121 496 0812",
        email: "tomasz.wisniewski@kingsmere-health.example",
    },
];

pub const PHYSIOS: &[Professional] = &[
    Professional {
        name: "Gareth Morgan",
        title: "Paediatric Physiotherapist",
        organisation: TRUST,
        phone: "0121 496 0821",
        email: "gareth.morgan@kingsmere-health.example",
    },
    Professional {
        name: "Priya Raman",
        title: "Physiotherapist",
        organisation: TRUST,
        phone: "0121 496 0822",
        email: "priya.raman@kingsmere-health.example",
    },
];

pub const WHEELCHAIR_THERAPIST: Professional = Professional {
    name: "Ruth Okonkwo",
    title: "Wheelchair Service Therapist",
    organisation: "Kingsmere Children's Wheelchair Service",
    phone: "0121 496 0150",
    email: "wheelchairs@kingsmere-health.example",
};

const SPECIAL_SCHOOL_NURSE: Professional = Professional {
    name: "Bernadette Quinn",
    title: "Special School Nurse",
    organisation: "Oak Hollow School health team",
    phone: "0121 496 0455",
    email: "school.nursing@kingsmere-health.example",
};

const SCHOOL_NURSE: Professional = Professional {
    name: "Sarah Lowe",
    title: "School Nurse",
    organisation: TRUST,
    phone: "0121 496 0466",
    email: "school.nursing@kingsmere-health.example",
};

const HEALTH_VISITOR: Professional = Professional {
    name: "Joanne Baptiste",
    title: "Health Visitor",
    organisation: TRUST,
    phone: "0121 496 0477",
    email: "health.visiting@kingsmere-health.example",
};

fn professional(p: &Professional, role: ContactRole, note: &str) -> ContactDetails {
    let mut c = ContactDetails::new(p.name, role);
    c.relationship = p.title.into();
    c.organisation = p.organisation.into();
    c.phones = vec![Phone {
        label: "Work".into(),
        number: p.phone.into(),
    }];
    c.email = p.email.into();
    c.notes = note.into();
    c
}

/// Adds a child's family and professional contacts. `uses_wheelchair` adds the wheelchair
/// service therapist.
pub fn add_contacts(
    api: &mut Api,
    child: ChildId,
    profile: &Profile,
    uses_wheelchair: bool,
) -> Result<usize> {
    let mut contacts = Vec::new();
    for parent in profile.family {
        let mut c = ContactDetails::new(parent.name, ContactRole::ParentCarer);
        c.relationship = parent.relationship.into();
        c.phones = vec![Phone {
            label: "Mobile".into(),
            number: parent.mobile.into(),
        }];
        if let Some(work) = parent.work {
            c.phones.push(Phone {
                label: "Work".into(),
                number: work.into(),
            });
        }
        c.email = parent.email.into();
        c.notes = parent.notes.into();
        contacts.push(c);
    }
    contacts.push(professional(
        &OTS[profile.ot],
        ContactRole::OccupationalTherapist,
        "Sets up and reviews seating, toileting and daily living equipment.",
    ));
    if let Some(physio) = profile.physio {
        contacts.push(professional(
            &PHYSIOS[physio],
            ContactRole::Physiotherapist,
            "Sets standing and walking programmes; call about pain or changes in walking.",
        ));
    }
    if uses_wheelchair {
        contacts.push(professional(
            &WHEELCHAIR_THERAPIST,
            ContactRole::WheelchairService,
            "For changes to the wheelchair's set-up. Repairs go to the repair line on the item's page.",
        ));
    }
    match profile.place {
        Place::Special => contacts.push(professional(
            &SPECIAL_SCHOOL_NURSE,
            ContactRole::SchoolNurse,
            "On site every school day; holds the care plans and emergency medicines.",
        )),
        Place::Primary if profile.nurse => contacts.push(professional(
            &SCHOOL_NURSE,
            ContactRole::SchoolNurse,
            "Visits weekly; ring the office to reach her on other days.",
        )),
        Place::Nursery => contacts.push(professional(
            &HEALTH_VISITOR,
            ContactRole::Other,
            "Sees the family at home and links with the nursery.",
        )),
        Place::Primary => {}
    }
    let n = contacts.len();
    for c in contacts {
        api.add_contact(child, c)?;
    }
    Ok(n)
}
