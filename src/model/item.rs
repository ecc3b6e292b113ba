//! One piece of a child's specialist equipment: what it is, what it is for, how to set it up,
//! what to check before every use, and who looks after it.

use super::check::{Check, EARLIEST_RECORD, MAX_LINE, tidy, tidy_list};
use super::item_parts::{SeatingDetails, SlingDetails, WheelchairDetails};
use super::labelled::labelled_enum;
use super::{ChildId, ItemId, PhotoId, SupplierId};
use crate::error::Result;
use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use serde::{Deserialize, Serialize};

labelled_enum! {
    pub enum Category ("an equipment category") {
        Seating => ("seating", "Seating system"),
        StandingFrame => ("standing-frame", "Standing frame"),
        Walker => ("walker", "Walker or gait trainer"),
        Hoist => ("hoist", "Hoist"),
        Sling => ("sling", "Sling"),
        Bathing => ("bathing", "Bathing aid"),
        Toileting => ("toileting", "Toileting aid"),
        SleepSystem => ("sleep-system", "Sleep system"),
        Splint => ("splint", "Splint or orthosis"),
        TransportSeat => ("transport-seat", "Transport seat"),
        Wheelchair => ("wheelchair", "Wheelchair"),
        SpecialBuggy => ("special-buggy", "Special buggy"),
        Other => ("other", "Other equipment"),
    }
}

impl Category {
    /// People-lifting equipment and its accessories: LOLER thorough examination at least every
    /// six months.
    pub fn lifts_people(self) -> bool {
        matches!(self, Category::Hoist | Category::Sling)
    }

    pub fn is_wheelchair(self) -> bool {
        matches!(self, Category::Wheelchair | Category::SpecialBuggy)
    }

    pub fn allows_seating_details(self) -> bool {
        matches!(
            self,
            Category::Seating
                | Category::Wheelchair
                | Category::SpecialBuggy
                | Category::TransportSeat
        )
    }

    /// Which parts of an item's record the category carries, as the forms need to know it.
    pub fn flags(self) -> CategoryFlags {
        CategoryFlags {
            lifts_people: self.lifts_people(),
            wheelchair_details: self.is_wheelchair(),
            seating_details: self.allows_seating_details(),
            sling_details: self == Category::Sling,
        }
    }
}

/// What a category of equipment carries: LOLER examinations, and the wheelchair, seating and
/// sling parts of its record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct CategoryFlags {
    pub lifts_people: bool,
    pub wheelchair_details: bool,
    pub seating_details: bool,
    pub sling_details: bool,
}

labelled_enum! {
    pub enum WhereUsed ("a place of use") {
        Home => ("home", "Home"),
        School => ("school", "School"),
        Both => ("both", "Home and school"),
    }
}

labelled_enum! {
    pub enum ItemStatus ("an equipment status") {
        InUse => ("in-use", "In use"),
        AwaitingRepair => ("awaiting-repair", "Awaiting repair"),
        NotSafe => ("not-safe", "Not safe: do not use"),
        Withdrawn => ("withdrawn", "Withdrawn from use"),
        Returned => ("returned", "Returned"),
    }
}

impl ItemStatus {
    /// Items still with the child: they keep appearing on the due list and in passports. An
    /// item found not safe to operate stays with the child, out of use, and its passport page
    /// says so.
    pub fn is_current(self) -> bool {
        matches!(
            self,
            ItemStatus::InUse | ItemStatus::AwaitingRepair | ItemStatus::NotSafe
        )
    }

    /// The statuses [`ItemStatus::is_current`] holds, as the SQL list `'in-use', ...`.
    pub const CURRENT_SQL: &'static str = "'in-use', 'awaiting-repair', 'not-safe'";
}

labelled_enum! {
    pub enum Day ("a day of the week") {
        Mon => ("mon", "Monday"),
        Tue => ("tue", "Tuesday"),
        Wed => ("wed", "Wednesday"),
        Thu => ("thu", "Thursday"),
        Fri => ("fri", "Friday"),
        Sat => ("sat", "Saturday"),
        Sun => ("sun", "Sunday"),
    }
}

/// When an item is used: on which days, from what time, for how long, and for what.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ScheduleSlot {
    pub days: Vec<Day>,
    #[serde(default)]
    pub start: Option<NaiveTime>,
    #[serde(default)]
    pub duration_minutes: Option<u32>,
    /// What the child is doing, e.g. "Literacy" or "Lunch".
    #[serde(default)]
    pub activity: String,
}

/// One numbered step of setting the item up, optionally with a photo.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SetupStep {
    pub text: String,
    #[serde(default)]
    pub photo_id: Option<PhotoId>,
}

/// Everything a person edits about an item. Photos are added and ordered separately.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ItemDetails {
    pub category: Category,
    pub name: String,
    #[serde(default)]
    pub make: String,
    #[serde(default)]
    pub model: String,
    /// Serial number or asset tag.
    #[serde(default)]
    pub serial: String,
    /// The manufacturer's lot or batch number (GS1 AI 10 on the label): safety notices name
    /// affected units by it.
    #[serde(default)]
    pub lot: String,
    /// The date of manufacture (GS1 AI 11 on the label), if known.
    #[serde(default)]
    pub made_on: Option<NaiveDate>,
    #[serde(default)]
    pub size: String,
    pub where_used: WhereUsed,
    /// Who provided it (equipment service, wheelchair service ...).
    #[serde(default)]
    pub provider_id: Option<SupplierId>,
    #[serde(default)]
    pub loan_number: String,
    #[serde(default)]
    pub issue_date: Option<NaiveDate>,
    #[serde(default)]
    pub purpose: String,
    #[serde(default)]
    pub schedule: Vec<ScheduleSlot>,
    #[serde(default)]
    pub setup_steps: Vec<SetupStep>,
    /// Checks before every use, printed as tick boxes.
    #[serde(default)]
    pub safety_checks: Vec<String>,
    #[serde(default)]
    pub cleaning: String,
    #[serde(default)]
    pub dos: Vec<String>,
    #[serde(default)]
    pub donts: Vec<String>,
    pub status: ItemStatus,
    /// Who repairs it when it breaks.
    #[serde(default)]
    pub repair_supplier_id: Option<SupplierId>,
    /// The therapist responsible for it.
    #[serde(default)]
    pub therapist: String,
    pub staff_needed: u8,
    #[serde(default)]
    pub wheelchair: Option<WheelchairDetails>,
    #[serde(default)]
    pub seating: Option<SeatingDetails>,
    #[serde(default)]
    pub sling: Option<SlingDetails>,
}

impl ItemDetails {
    /// Who to ring when it breaks, in order of preference: the named repairer, then the
    /// wheelchair's repairer or wheelchair service, then whoever provided it.
    pub fn repairer(&self) -> Option<SupplierId> {
        self.repair_supplier_id
            .or_else(|| self.wheelchair.as_ref().and_then(|w| w.repairer_id))
            .or_else(|| self.wheelchair.as_ref().and_then(|w| w.service_id))
            .or(self.provider_id)
    }

    /// An item with just the required fields: in use, at school, one member of staff.
    pub fn new(category: Category, name: &str) -> Self {
        Self {
            category,
            name: name.into(),
            make: String::new(),
            model: String::new(),
            serial: String::new(),
            lot: String::new(),
            made_on: None,
            size: String::new(),
            where_used: WhereUsed::School,
            provider_id: None,
            loan_number: String::new(),
            issue_date: None,
            purpose: String::new(),
            schedule: Vec::new(),
            setup_steps: Vec::new(),
            safety_checks: Vec::new(),
            cleaning: String::new(),
            dos: Vec::new(),
            donts: Vec::new(),
            status: ItemStatus::InUse,
            repair_supplier_id: None,
            therapist: String::new(),
            staff_needed: 1,
            wheelchair: None,
            seating: None,
            sling: None,
        }
    }

    pub fn validated(mut self, today: NaiveDate) -> Result<Self> {
        for s in [
            &mut self.name,
            &mut self.make,
            &mut self.model,
            &mut self.serial,
            &mut self.lot,
            &mut self.size,
            &mut self.loan_number,
            &mut self.purpose,
            &mut self.cleaning,
            &mut self.therapist,
        ] {
            tidy(s);
        }
        tidy_list(&mut self.safety_checks);
        tidy_list(&mut self.dos);
        tidy_list(&mut self.donts);
        for step in self.setup_steps.iter_mut() {
            tidy(&mut step.text);
        }
        self.setup_steps
            .retain(|s| !(s.text.is_empty() && s.photo_id.is_none()));

        let mut check = Check::new();
        check.required("name", "name of the equipment", &self.name);
        for (field, label, value) in [
            ("make", "make", &self.make),
            ("model", "model", &self.model),
            ("serial", "serial number or asset tag", &self.serial),
            ("lot", "lot number", &self.lot),
            ("size", "size", &self.size),
            ("loan_number", "loan number", &self.loan_number),
            ("therapist", "responsible therapist", &self.therapist),
        ] {
            check.line(field, label, value);
        }
        check.text("purpose", "purpose", &self.purpose);
        check.text("cleaning", "cleaning and care", &self.cleaning);
        if let Some(issued) = self.issue_date {
            check.past_date("issue_date", "issue date", issued, EARLIEST_RECORD, today);
        }
        if let Some(made) = self.made_on {
            check.past_date(
                "made_on",
                "date of manufacture",
                made,
                EARLIEST_RECORD,
                today,
            );
        }
        if !(1..=4).contains(&self.staff_needed) {
            check.fail(
                "staff_needed",
                "the number of staff needed must be 1, 2, 3 or 4",
            );
        }
        for (i, slot) in self.schedule.iter_mut().enumerate() {
            tidy(&mut slot.activity);
            slot.days.sort();
            slot.days.dedup();
            if slot.days.is_empty() {
                check.fail(format!("schedule[{i}].days"), "choose at least one day");
            }
            if let Some(minutes) = slot.duration_minutes
                && !(1..=720).contains(&minutes)
            {
                check.fail(
                    format!("schedule[{i}].duration_minutes"),
                    "give the duration in minutes, between 1 and 720",
                );
            }
            check.line(
                &format!("schedule[{i}].activity"),
                "activity",
                &slot.activity,
            );
        }
        for (i, step) in self.setup_steps.iter().enumerate() {
            if step.text.is_empty() {
                check.fail(
                    format!("setup_steps[{i}].text"),
                    "describe this step, or remove it",
                );
            }
            check.text(&format!("setup_steps[{i}].text"), "step", &step.text);
        }
        for (list, label, items) in [
            ("safety_checks", "safety check", &self.safety_checks),
            ("dos", "'do' note", &self.dos),
            ("donts", "'don't' note", &self.donts),
        ] {
            for (i, entry) in items.iter().enumerate() {
                if entry.chars().count() > MAX_LINE * 2 {
                    check.fail(
                        format!("{list}[{i}]"),
                        format!(
                            "this {label} is too long: keep it short enough to read at a glance"
                        ),
                    );
                } else {
                    check.plain(&format!("{list}[{i}]"), label, entry, false);
                }
            }
        }
        self.check_category_parts(&mut check);
        check.finish()?;
        Ok(self)
    }

    fn check_category_parts(&mut self, check: &mut Check) {
        let category = self.category;
        match &mut self.wheelchair {
            Some(w) if category.is_wheelchair() => w.check(check),
            Some(_) => check.fail(
                "wheelchair",
                format!(
                    "wheelchair details belong to a wheelchair or special buggy, not a {}",
                    category.label().to_lowercase()
                ),
            ),
            None => {}
        }
        match &mut self.seating {
            Some(s) if category.allows_seating_details() => s.check(check),
            Some(_) => check.fail(
                "seating",
                format!("seating details belong to seating, wheelchairs, buggies and transport seats, not a {}", category.label().to_lowercase()),
            ),
            None => {}
        }
        match &mut self.sling {
            Some(s) if category == Category::Sling => s.check(check),
            Some(_) => check.fail("sling", "sling details belong to a sling"),
            None if category == Category::Sling => check.fail(
                "sling.sling_id",
                "enter the sling's unique id (on its label): LOLER records follow each sling",
            ),
            None => {}
        }
    }

    /// Every photo the set-up steps point at.
    pub fn step_photo_ids(&self) -> impl Iterator<Item = PhotoId> + '_ {
        self.setup_steps.iter().filter_map(|s| s.photo_id)
    }

    /// Every supplier this item points at.
    pub fn supplier_ids(&self) -> Vec<(&'static str, SupplierId)> {
        let mut ids = Vec::new();
        if let Some(id) = self.provider_id {
            ids.push(("provider_id", id));
        }
        if let Some(id) = self.repair_supplier_id {
            ids.push(("repair_supplier_id", id));
        }
        if let Some(w) = &self.wheelchair {
            if let Some(id) = w.service_id {
                ids.push(("wheelchair.service_id", id));
            }
            if let Some(id) = w.repairer_id {
                ids.push(("wheelchair.repairer_id", id));
            }
        }
        ids
    }
}

/// A photo of an item, in the order it is shown, with its caption.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ItemPhoto {
    pub id: PhotoId,
    pub caption: String,
    pub width: u32,
    pub height: u32,
}

impl ItemPhoto {
    /// Checks a caption as typed and returns it tidied: one short line of plain text.
    pub fn checked_caption(caption: &str) -> Result<String> {
        let caption = caption.trim().to_string();
        let mut check = Check::new();
        check.line("caption", "caption", &caption);
        check.finish()?;
        Ok(caption)
    }
}

/// A stored item.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct EquipmentItem {
    pub id: ItemId,
    pub child_id: ChildId,
    #[serde(flatten)]
    pub details: ItemDetails,
    pub photos: Vec<ItemPhoto>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::item_parts::{WheelchairDetails, WheelchairType};

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
    }

    #[test]
    fn a_category_says_which_parts_of_the_record_it_carries() {
        let wheelchair = Category::Wheelchair.flags();
        assert!(wheelchair.wheelchair_details && wheelchair.seating_details);
        assert!(!wheelchair.lifts_people && !wheelchair.sling_details);
        let sling = Category::Sling.flags();
        assert!(sling.lifts_people && sling.sling_details && !sling.seating_details);
        assert!(Category::Hoist.flags().lifts_people);
        assert_eq!(
            Category::Walker.flags(),
            CategoryFlags {
                lifts_people: false,
                wheelchair_details: false,
                seating_details: false,
                sling_details: false,
            }
        );
    }

    fn fields_of(item: ItemDetails) -> Vec<String> {
        match item.validated(today()) {
            Ok(_) => vec![],
            Err(e) => e.fields().iter().map(|f| f.field.clone()).collect(),
        }
    }

    #[test]
    fn an_item_needs_a_name_and_one_to_four_staff() {
        let mut item = ItemDetails::new(Category::StandingFrame, " ");
        item.staff_needed = 0;
        assert_eq!(fields_of(item), vec!["name", "staff_needed"]);
    }

    #[test]
    fn issue_date_is_not_in_the_future() {
        // Reviews are schedules now: see model::schedule.
        let mut item = ItemDetails::new(Category::Walker, "Kaye walker");
        item.issue_date = Some(NaiveDate::from_ymd_opt(2026, 12, 1).unwrap());
        assert_eq!(fields_of(item), vec!["issue_date"]);
    }

    #[test]
    fn the_date_of_manufacture_cannot_be_in_the_future_and_the_lot_is_trimmed() {
        let mut item = ItemDetails::new(Category::Hoist, "Mobile hoist");
        item.lot = "  L2405A ".into();
        item.made_on = Some(NaiveDate::from_ymd_opt(2024, 3, 1).unwrap());
        assert_eq!(item.clone().validated(today()).unwrap().lot, "L2405A");
        item.made_on = Some(NaiveDate::from_ymd_opt(2026, 11, 23).unwrap());
        assert_eq!(fields_of(item), vec!["made_on"]);
    }

    #[test]
    fn schedule_slots_need_a_day_and_a_sensible_duration() {
        let mut item = ItemDetails::new(Category::StandingFrame, "Stander");
        item.schedule = vec![
            ScheduleSlot {
                days: vec![],
                start: None,
                duration_minutes: Some(30),
                activity: "Literacy".into(),
            },
            ScheduleSlot {
                days: vec![Day::Fri, Day::Mon, Day::Mon],
                start: None,
                duration_minutes: Some(0),
                activity: String::new(),
            },
        ];
        assert_eq!(
            fields_of(item.clone()),
            vec!["schedule[0].days", "schedule[1].duration_minutes"]
        );
        item.schedule.remove(0);
        item.schedule[0].duration_minutes = Some(45);
        let ok = item.validated(today()).unwrap();
        assert_eq!(
            ok.schedule[0].days,
            vec![Day::Mon, Day::Fri],
            "days sorted and deduplicated"
        );
    }

    #[test]
    fn empty_steps_and_checks_are_dropped_but_a_step_with_only_a_photo_needs_words() {
        let mut item = ItemDetails::new(Category::Seating, "Chair");
        item.setup_steps = vec![
            SetupStep {
                text: " ".into(),
                photo_id: None,
            },
            SetupStep {
                text: "Apply brakes".into(),
                photo_id: None,
            },
        ];
        item.safety_checks = vec!["  ".into(), "Straps not frayed".into()];
        let ok = item.clone().validated(today()).unwrap();
        assert_eq!(ok.setup_steps.len(), 1);
        assert_eq!(ok.safety_checks, vec!["Straps not frayed"]);
        item.setup_steps.push(SetupStep {
            text: String::new(),
            photo_id: Some(PhotoId::new()),
        });
        assert_eq!(fields_of(item), vec!["setup_steps[1].text"]);
    }

    #[test]
    fn category_parts_must_match_the_category() {
        let mut item = ItemDetails::new(Category::Hoist, "Mobile hoist");
        item.wheelchair = Some(WheelchairDetails::new(WheelchairType::Powered));
        item.sling = Some(SlingDetails::default());
        item.seating = Some(SeatingDetails::default());
        assert_eq!(fields_of(item), vec!["wheelchair", "seating", "sling"]);
    }

    #[test]
    fn a_sling_needs_its_unique_id() {
        let item = ItemDetails::new(Category::Sling, "Toileting sling");
        assert_eq!(fields_of(item), vec!["sling.sling_id"]);
        let mut item = ItemDetails::new(Category::Sling, "Toileting sling");
        item.sling = Some(SlingDetails {
            sling_id: "SL-0042".into(),
            ..Default::default()
        });
        assert!(fields_of(item).is_empty());
    }

    #[test]
    fn wheelchair_seat_sizes_are_in_millimetres() {
        let mut item = ItemDetails::new(Category::Wheelchair, "Everyday chair");
        let mut w = WheelchairDetails::new(WheelchairType::ManualSelfPropelled);
        w.seat_width_mm = Some(36);
        item.wheelchair = Some(w);
        let err = item.validated(today()).unwrap_err();
        assert!(err.fields()[0].message.contains("36 cm is 360"));
    }

    #[test]
    fn equipment_dates_before_1950_are_refused() {
        // A review date over ten years away is refused by the review schedule (model::schedule).
        let mut item = ItemDetails::new(Category::Walker, "Kaye walker");
        item.issue_date = Some(NaiveDate::from_ymd_opt(1, 1, 1).unwrap());
        let err = item.validated(today()).unwrap_err();
        let problems: Vec<String> = err.fields().iter().map(|f| f.to_string()).collect();
        assert_eq!(
            problems,
            vec!["issue_date: the issue date cannot be before 1950: check the year"]
        );
        let mut item = ItemDetails::new(Category::Walker, "Kaye walker");
        item.issue_date = Some(NaiveDate::from_ymd_opt(1950, 1, 1).unwrap());
        assert!(fields_of(item).is_empty());
    }

    #[test]
    fn every_text_field_of_an_item_refuses_control_characters() {
        let esc = "x\u{1b}[2J";
        let mut item = ItemDetails::new(Category::Sling, esc);
        item.make = esc.into();
        item.model = esc.into();
        item.serial = esc.into();
        item.size = esc.into();
        item.loan_number = esc.into();
        item.purpose = esc.into();
        item.cleaning = esc.into();
        item.therapist = esc.into();
        item.schedule = vec![ScheduleSlot {
            days: vec![Day::Mon],
            start: None,
            duration_minutes: None,
            activity: esc.into(),
        }];
        item.setup_steps = vec![SetupStep {
            text: esc.into(),
            photo_id: None,
        }];
        item.safety_checks = vec![esc.into()];
        item.dos = vec![esc.into()];
        item.donts = vec![esc.into()];
        item.sling = Some(SlingDetails {
            sling_id: esc.into(),
            maker: esc.into(),
            model: esc.into(),
            size: esc.into(),
            colour_code: esc.into(),
            loops: crate::model::LoopConfiguration {
                shoulder_left: esc.into(),
                shoulder_right: esc.into(),
                leg_left: esc.into(),
                leg_right: esc.into(),
            },
            hoist_ids: vec![],
        });
        let err = item.validated(today()).unwrap_err();
        let fields: Vec<&str> = err.fields().iter().map(|f| f.field.as_str()).collect();
        assert_eq!(
            fields,
            vec![
                "name",
                "make",
                "model",
                "serial",
                "size",
                "loan_number",
                "therapist",
                "purpose",
                "cleaning",
                "schedule[0].activity",
                "setup_steps[0].text",
                "safety_checks[0]",
                "dos[0]",
                "donts[0]",
                "sling.sling_id",
                "sling.maker",
                "sling.model",
                "sling.size",
                "sling.colour_code",
                "sling.loops.shoulder_left",
                "sling.loops.shoulder_right",
                "sling.loops.leg_left",
                "sling.loops.leg_right",
            ]
        );
    }

    #[test]
    fn wheelchair_and_seating_text_refuses_control_characters() {
        let mut item = ItemDetails::new(Category::Wheelchair, "Everyday chair");
        let mut w = WheelchairDetails::new(WheelchairType::ManualSelfPropelled);
        w.components = "Cushion\u{7}".into();
        item.wheelchair = Some(w);
        item.seating = Some(SeatingDetails {
            postural_supports: vec!["Pommel\u{1b}".into()],
            measurements: vec![crate::model::Measurement {
                label: "Footplate\u{1b}".into(),
                value: "28 cm\u{0}".into(),
            }],
        });
        assert_eq!(
            fields_of(item),
            vec![
                "wheelchair.components",
                "seating.measurements[0].label",
                "seating.measurements[0].value",
                "seating.postural_supports[0]",
            ]
        );
    }

    #[test]
    fn a_photo_caption_is_one_short_line_of_plain_text() {
        assert_eq!(
            ItemPhoto::checked_caption(" Brakes on ").unwrap(),
            "Brakes on"
        );
        let err = ItemPhoto::checked_caption("Brakes\u{1b}[2J").unwrap_err();
        assert_eq!(err.fields()[0].field, "caption");
        assert!(ItemPhoto::checked_caption(&"x".repeat(MAX_LINE + 1)).is_err());
    }

    #[test]
    fn only_hoists_and_slings_lift_people() {
        let lifting: Vec<Category> = Category::ALL
            .iter()
            .copied()
            .filter(|c| c.lifts_people())
            .collect();
        assert_eq!(lifting, vec![Category::Hoist, Category::Sling]);
    }
}
