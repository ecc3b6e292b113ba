//! The directory of wheelchair services, equipment services, manufacturers, repairers and
//! contractors: who to ring when something breaks.

use super::SupplierId;
use super::check::{Check, tidy};
use super::contact::{Phone, check_phones};
use super::labelled::labelled_enum;
use super::postcode;
use crate::error::Result;
use serde::{Deserialize, Serialize};

labelled_enum! {
    pub enum SupplierKind ("a kind of supplier") {
        WheelchairService => ("wheelchair-service", "Wheelchair service"),
        CommunityEquipmentService => ("community-equipment-service", "Community equipment service"),
        Manufacturer => ("manufacturer", "Manufacturer"),
        Repairer => ("repairer", "Repairer"),
        Contractor => ("contractor", "Contractor"),
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SupplierDetails {
    pub name: String,
    pub kind: SupplierKind,
    #[serde(default)]
    pub phones: Vec<Phone>,
    /// The number to ring when equipment breaks.
    #[serde(default)]
    pub repair_phone: String,
    /// When the repair line answers, e.g. "Mon to Fri 8am to 6pm; emergencies until 10pm".
    #[serde(default)]
    pub repair_hours: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub address: String,
    #[serde(default)]
    pub postcode: String,
    /// Our account or reference number with them.
    #[serde(default)]
    pub account_ref: String,
}

impl SupplierDetails {
    /// The number to ring when something breaks: the repair line, else the first number
    /// given, else "".
    pub fn number_for_repairs(&self) -> &str {
        if self.repair_phone.is_empty() {
            self.phones.first().map_or("", |p| p.number.as_str())
        } else {
            &self.repair_phone
        }
    }

    pub fn new(name: &str, kind: SupplierKind) -> Self {
        Self {
            name: name.into(),
            kind,
            phones: Vec::new(),
            repair_phone: String::new(),
            repair_hours: String::new(),
            email: String::new(),
            address: String::new(),
            postcode: String::new(),
            account_ref: String::new(),
        }
    }

    pub fn validated(mut self) -> Result<Self> {
        for s in [
            &mut self.name,
            &mut self.repair_phone,
            &mut self.repair_hours,
            &mut self.email,
            &mut self.address,
            &mut self.postcode,
            &mut self.account_ref,
        ] {
            tidy(s);
        }
        let mut check = Check::new();
        check.required("name", "supplier's name", &self.name);
        check_phones(&mut check, "phones", &mut self.phones);
        check.phone("repair_phone", &self.repair_phone);
        check.line("repair_hours", "repair line hours", &self.repair_hours);
        if !self.repair_hours.is_empty() && self.repair_phone.is_empty() {
            check.fail(
                "repair_phone",
                "enter the repair line's number for these hours",
            );
        }
        check.email("email", &self.email);
        check.text("address", "address", &self.address);
        if !self.postcode.is_empty() {
            match postcode::parse(&self.postcode) {
                Ok(p) => self.postcode = p,
                Err(message) => check.fail("postcode", message),
            }
        }
        check.line(
            "account_ref",
            "account or reference number",
            &self.account_ref,
        );
        check.finish()?;
        Ok(self)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Supplier {
    pub id: SupplierId,
    #[serde(flatten)]
    pub details: SupplierDetails,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repair_hours_need_a_repair_number() {
        let mut s = SupplierDetails::new("Millbrook Healthcare", SupplierKind::WheelchairService);
        s.repair_hours = "Mon to Fri 8am to 6pm".into();
        let err = s.validated().unwrap_err();
        assert_eq!(err.fields()[0].field, "repair_phone");
    }

    #[test]
    fn a_supplier_needs_a_name_and_checks_contact_details() {
        let mut s = SupplierDetails::new("", SupplierKind::Repairer);
        s.repair_phone = "999".into();
        s.email = "repairs".into();
        s.postcode = "XX1 1XX".into();
        let err = s.validated().unwrap_err();
        let fields: Vec<&str> = err.fields().iter().map(|f| f.field.as_str()).collect();
        assert_eq!(fields, vec!["name", "repair_phone", "email", "postcode"]);
    }
}
