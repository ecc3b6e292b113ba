//! The demo's supplier directory: the wheelchair service, the community equipment service,
//! makers of seating, hoists, sleep systems and orthoses, and the firms that repair and examine
//! them. Every name is invented; phone numbers sit in Ofcom's ranges kept for drama.

use crate::Api;
use crate::error::Result;
use crate::model::{Phone, SupplierDetails, SupplierId, SupplierKind};

/// Which supplier an item points at, by the part it plays rather than by name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    WheelchairService,
    EquipmentService,
    SeatingMaker,
    HoistMaker,
    SleepMaker,
    Orthotics,
    LiftingEngineers,
    WheelchairRepairs,
}

/// The suppliers as created, so items can name them.
#[derive(Debug, Clone)]
pub struct Directory {
    entries: Vec<(Role, SupplierId, String)>,
}

impl Directory {
    pub fn id(&self, role: Role) -> SupplierId {
        self.entry(role).0
    }

    pub fn name(&self, role: Role) -> &str {
        self.entry(role).1
    }

    fn entry(&self, role: Role) -> (SupplierId, &str) {
        self.entries
            .iter()
            .find(|(r, _, _)| *r == role)
            .map(|(_, id, name)| (*id, name.as_str()))
            .expect("every role has a supplier in the demo directory")
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }
}

struct Entry {
    role: Role,
    name: &'static str,
    kind: SupplierKind,
    office: &'static str,
    repair_phone: &'static str,
    repair_hours: &'static str,
    email: &'static str,
    address: &'static str,
    postcode: &'static str,
    account_ref: &'static str,
}

const ENTRIES: &[Entry] = &[
    Entry {
        role: Role::WheelchairService,
        name: "Kingsmere Children's Wheelchair Service",
        kind: SupplierKind::WheelchairService,
        office: "0121 496 0150",
        repair_phone: "0121 496 0151",
        repair_hours: "Mon to Fri 8am to 6pm; urgent repairs until 8pm and Sat 9am to 1pm",
        email: "wheelchairs@kingsmere-health.example",
        address: "Unit 4, Hollybank Trading Estate, Tyseley, Birmingham",
        postcode: "B11 2QE",
        account_ref: "KCWS-PAED-0417",
    },
    Entry {
        role: Role::EquipmentService,
        name: "Midshire Community Equipment Service",
        kind: SupplierKind::CommunityEquipmentService,
        office: "0121 496 0230",
        repair_phone: "0121 496 0231",
        repair_hours: "Mon to Fri 8.30am to 5pm; out of hours, leave a message for a call back",
        email: "loans@midshire-ces.example",
        address: "Ferris Way Depot, Stechford, Birmingham",
        postcode: "B33 8TJ",
        account_ref: "MCES-CHILD-2231",
    },
    Entry {
        role: Role::SeatingMaker,
        name: "Astley Rehab Products Ltd",
        kind: SupplierKind::Manufacturer,
        office: "020 7946 0312",
        repair_phone: "0808 157 0312",
        repair_hours: "Mon to Fri 9am to 5pm",
        email: "service@astley-rehab.example",
        address: "3 Cowley Mews, Bermondsey, London",
        postcode: "SE1 3XR",
        account_ref: "AST-88214",
    },
    Entry {
        role: Role::HoistMaker,
        name: "Otterbrook Hoists Ltd",
        kind: SupplierKind::Manufacturer,
        office: "01632 960418",
        repair_phone: "01632 960419",
        repair_hours: "Mon to Fri 8am to 5.30pm",
        email: "support@otterbrook-hoists.example",
        address: "Riverside Works, Otterbrook",
        postcode: "NE61 4PD",
        account_ref: "OTB-CUST-5530",
    },
    Entry {
        role: Role::SleepMaker,
        name: "Fernbrook Sleep and Posture",
        kind: SupplierKind::Manufacturer,
        office: "01632 960577",
        repair_phone: "01632 960578",
        repair_hours: "Mon to Thu 9am to 5pm; Fri 9am to 3pm",
        email: "hello@fernbrook-posture.example",
        address: "Unit 12, Pavilion Park, Fernbrook",
        postcode: "NN14 2GW",
        account_ref: "FSP-00931",
    },
    Entry {
        role: Role::Orthotics,
        name: "Calder Children's Orthotics",
        kind: SupplierKind::Manufacturer,
        office: "0121 496 0388",
        repair_phone: "0121 496 0389",
        repair_hours: "Mon to Fri 9am to 4.30pm; repairs clinic Wednesday mornings",
        email: "orthotics@calder-clinic.example",
        address: "Outpatients Block C, Kingsmere Community Hospital, Birmingham",
        postcode: "B30 2TN",
        account_ref: "CCO-REF-7702",
    },
    Entry {
        role: Role::LiftingEngineers,
        name: "Heronsgate Lifting Services",
        kind: SupplierKind::Repairer,
        office: "01632 960640",
        repair_phone: "01632 960641",
        repair_hours: "Mon to Fri 7.30am to 6pm; breakdowns 24 hours",
        email: "engineers@heronsgate-lifting.example",
        address: "2 Wharf Lane, Heronsgate",
        postcode: "WS10 7AH",
        account_ref: "HLS-LOLER-3318",
    },
    Entry {
        role: Role::WheelchairRepairs,
        name: "Pennine Mobility Repairs",
        kind: SupplierKind::Repairer,
        office: "0121 496 0702",
        repair_phone: "0121 496 0703",
        repair_hours: "Mon to Fri 8am to 6pm; Sat 9am to 12 noon",
        email: "repairs@pennine-mobility.example",
        address: "Unit 7, Canal Side, Digbeth, Birmingham",
        postcode: "B12 0NS",
        account_ref: "PMR-ACC-1046",
    },
];

/// Adds every supplier to the directory.
pub fn create(api: &mut Api) -> Result<Directory> {
    let mut entries = Vec::new();
    for e in ENTRIES {
        let mut d = SupplierDetails::new(e.name, e.kind);
        d.phones = vec![Phone {
            label: "Office".into(),
            number: e.office.into(),
        }];
        d.repair_phone = e.repair_phone.into();
        d.repair_hours = e.repair_hours.into();
        d.email = e.email.into();
        d.address = e.address.into();
        d.postcode = e.postcode.into();
        d.account_ref = e.account_ref.into();
        let supplier = api.create_supplier(d)?;
        entries.push((e.role, supplier.id, e.name.to_string()));
    }
    Ok(Directory { entries })
}
