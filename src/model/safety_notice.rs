//! Field safety notices: a manufacturer's or the MHRA's notice that some units of a product
//! are unsafe, what it names (make, model, serial ranges, lot numbers, manufacture dates),
//! and what was done about each affected item on the caseload.
//!
//! How a notice is matched to an item ([`match_item`]):
//! - The make must be the item's make, and the model (when the notice names one) the item's
//!   model, compared without regard to case or spaces ("Oxford Presence" = "oxfordpresence").
//! - The serial ranges, lot numbers and manufacture-date range are *alternative* ways of
//!   naming the same units: an item is affected when any one of them places it inside the
//!   notice (OR). Manufacturers name serial ranges for some batches and lots for others, and
//!   a worn label leaves only the date; a unit placed inside by any of them is a unit to
//!   check. Missing one costs a child's safety, a needless check costs ten minutes.
//! - Where nothing places the item inside, but the item lacks a serial, lot or date of
//!   manufacture the notice names units by, the answer is [`NoticeMatch::CannotTell`]: the
//!   item is listed to be checked by hand rather than silently left out.
//! - A notice naming make and model but no serials, lots or dates covers every unit of it.

use super::check::{Check, EARLIEST_RECORD, MAX_TEXT, tidy, tidy_list};
use super::labelled::labelled_enum;
use super::{ItemDetails, NoticeId};
use crate::error::Result;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;

/// A run of serial numbers named by a notice, first to last inclusive (one serial when `to`
/// is left empty).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SerialRange {
    pub from: String,
    #[serde(default)]
    pub to: String,
}

/// A notice as it is typed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct NoticeDetails {
    /// The issuer's reference, e.g. "FSN-2026-014" or "DSI/2026/007"; unique on a caseload.
    pub reference: String,
    pub title: String,
    /// The manufacturer or body that issued it (MHRA, the manufacturer ...).
    #[serde(default)]
    pub issuer: String,
    pub issued_on: NaiveDate,
    /// What the notice asks holders to do.
    #[serde(default)]
    pub action_required: String,
    pub make: String,
    #[serde(default)]
    pub model: String,
    #[serde(default)]
    pub serial_ranges: Vec<SerialRange>,
    #[serde(default)]
    pub lots: Vec<String>,
    /// Made on or after (GS1 AI 11 on the item's label).
    #[serde(default)]
    pub made_from: Option<NaiveDate>,
    /// Made on or before.
    #[serde(default)]
    pub made_to: Option<NaiveDate>,
}

impl NoticeDetails {
    /// A notice with just what is required: affecting every unit of a make and model.
    pub fn new(
        reference: &str,
        title: &str,
        make: &str,
        model: &str,
        issued_on: NaiveDate,
    ) -> Self {
        NoticeDetails {
            reference: reference.into(),
            title: title.into(),
            issuer: String::new(),
            issued_on,
            action_required: String::new(),
            make: make.into(),
            model: model.into(),
            serial_ranges: Vec::new(),
            lots: Vec::new(),
            made_from: None,
            made_to: None,
        }
    }

    /// Checks and tidies a notice. The reference, title and make are required; each serial
    /// range runs forward within one prefix; the date range runs forward; and the notice must
    /// name what it affects beyond the make (a model, or serials, lots or dates): a notice
    /// naming only a manufacturer would flag every item they ever made, which is never what
    /// a notice means and would bury the real ones.
    pub fn validated(mut self, today: NaiveDate) -> Result<NoticeDetails> {
        for s in [
            &mut self.reference,
            &mut self.title,
            &mut self.issuer,
            &mut self.action_required,
            &mut self.make,
            &mut self.model,
        ] {
            tidy(s);
        }
        tidy_list(&mut self.lots);
        for range in self.serial_ranges.iter_mut() {
            tidy(&mut range.from);
            tidy(&mut range.to);
        }
        self.serial_ranges
            .retain(|r| !(r.from.is_empty() && r.to.is_empty()));

        let mut check = Check::new();
        check.required("reference", "notice's reference", &self.reference);
        check.required("title", "notice's title", &self.title);
        check.required(
            "make",
            "make (manufacturer) the notice is about",
            &self.make,
        );
        for (field, label, value) in [
            ("reference", "reference", &self.reference),
            ("title", "title", &self.title),
            ("issuer", "issuer", &self.issuer),
            ("make", "make", &self.make),
            ("model", "model", &self.model),
        ] {
            check.line(field, label, value);
        }
        check.text("action_required", "action required", &self.action_required);
        if self.action_required.chars().count() > MAX_TEXT {
            check.fail("action_required", "the action required is too long");
        }
        check.past_date(
            "issued_on",
            "notice's date",
            self.issued_on,
            EARLIEST_RECORD,
            today,
        );
        for (i, range) in self.serial_ranges.iter().enumerate() {
            check_range(&mut check, i, range);
        }
        for (i, lot) in self.lots.iter().enumerate() {
            check.line(&format!("lots[{i}]"), "lot number", lot);
        }
        if let Some(from) = self.made_from {
            check.past_date(
                "made_from",
                "first date of manufacture",
                from,
                EARLIEST_RECORD,
                today,
            );
        }
        if let Some(to) = self.made_to {
            check.date(
                "made_to",
                "last date of manufacture",
                to,
                EARLIEST_RECORD,
                today,
            );
        }
        if let (Some(from), Some(to)) = (self.made_from, self.made_to)
            && to < from
        {
            check.fail(
                "made_to",
                format!(
                    "the last date of manufacture comes before the first ({}): check the dates",
                    from.format("%-d %B %Y")
                ),
            );
        }
        if !self.make.is_empty() && self.model.is_empty() && !self.names_units() {
            check.fail(
                "model",
                "the notice names nothing to match beyond the make: give the model, or the \
                 serial ranges, lot numbers or manufacture dates it affects",
            );
        }
        check.finish()?;
        Ok(self)
    }

    /// Whether the notice names units by serial, lot or date of manufacture.
    pub fn names_units(&self) -> bool {
        !self.serial_ranges.is_empty()
            || !self.lots.is_empty()
            || self.made_from.is_some()
            || self.made_to.is_some()
    }
}

fn check_range(check: &mut Check, i: usize, range: &SerialRange) {
    let field = |part: &str| format!("serial_ranges[{i}].{part}");
    if range.from.is_empty() {
        check.fail(field("from"), "give the first serial of the range");
        return;
    }
    check.line(&field("from"), "first serial", &range.from);
    check.line(&field("to"), "last serial", &range.to);
    if range.to.is_empty() {
        return;
    }
    let (from, to) = (Serial::parse(&range.from), Serial::parse(&range.to));
    match (from, to) {
        (Some(from), Some(to)) if from.prefix != to.prefix || from.suffix != to.suffix => {
            check.fail(
                field("to"),
                format!(
                    "'{}' and '{}' have different prefixes: a range runs within one prefix, so \
                     give each prefix its own range",
                    range.from, range.to
                ),
            );
        }
        (Some(from), Some(to)) if from.number_cmp(&to) == Ordering::Greater => {
            check.fail(
                field("to"),
                format!(
                    "the range ends before it starts ('{}' comes after '{}'): check the last serial",
                    range.from, range.to
                ),
            );
        }
        (Some(_), Some(_)) => {}
        _ if !same(&range.from, &range.to) => check.fail(
            field("to"),
            "a range needs a number at the end of both serials (like OTB-1000 to OTB-1010): \
             give a serial without a number as a range of its own, with no last serial",
        ),
        _ => {}
    }
}

/// A serial number split around its last run of digits: "OTB-1007" is "OTB-", 1007, "".
#[derive(Debug, Clone, PartialEq, Eq)]
struct Serial {
    /// Lower-cased, without spaces.
    prefix: String,
    /// The digits without leading zeros ("" for zero), so numbers of any length compare.
    digits: String,
    suffix: String,
}

impl Serial {
    fn parse(serial: &str) -> Option<Serial> {
        let s = squash(serial);
        let end = s.rfind(|c: char| c.is_ascii_digit())? + 1;
        let start = s[..end]
            .rfind(|c: char| !c.is_ascii_digit())
            .map_or(0, |i| i + 1);
        Some(Serial {
            prefix: s[..start].to_string(),
            digits: s[start..end].trim_start_matches('0').to_string(),
            suffix: s[end..].to_string(),
        })
    }

    fn number_cmp(&self, other: &Serial) -> Ordering {
        self.digits
            .len()
            .cmp(&other.digits.len())
            .then_with(|| self.digits.cmp(&other.digits))
    }
}

/// Lower-cased with every space removed: how makes, models and serials are compared.
pub fn squash(value: &str) -> String {
    value
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}

fn same(a: &str, b: &str) -> bool {
    squash(a) == squash(b)
}

impl SerialRange {
    /// Whether `serial` is in the range: the same prefix (and ending), and a number from the
    /// first to the last inclusive. A one-serial range holds just that serial.
    pub fn holds(&self, serial: &str) -> bool {
        if self.to.trim().is_empty() || same(&self.from, &self.to) {
            return same(&self.from, serial);
        }
        let (Some(from), Some(to), Some(s)) = (
            Serial::parse(&self.from),
            Serial::parse(&self.to),
            Serial::parse(serial),
        ) else {
            return false;
        };
        s.prefix == from.prefix
            && s.suffix == from.suffix
            && s.number_cmp(&from) != Ordering::Less
            && s.number_cmp(&to) != Ordering::Greater
    }

    /// "OTB-1000 to OTB-1010", or the one serial.
    pub fn text(&self) -> String {
        if self.to.is_empty() {
            self.from.clone()
        } else {
            format!("{} to {}", self.from, self.to)
        }
    }
}

/// What a notice says about one item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum NoticeMatch {
    /// The item is one of the units the notice names.
    Affected,
    /// The make and model match but the item lacks the serial, lot or date the notice names
    /// units by: someone must look at the item's label.
    CannotTell,
    NotAffected,
}

/// The answer with its reason in words, for the notice's list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MatchResult {
    pub verdict: NoticeMatch,
    pub reason: String,
}

impl MatchResult {
    fn not_affected() -> MatchResult {
        MatchResult {
            verdict: NoticeMatch::NotAffected,
            reason: String::new(),
        }
    }
}

/// Matches one item against a notice (see the module's notes for the rules). Pure: the api
/// runs it over the caseload whenever a notice is read, so an item recorded later is found.
pub fn match_item(notice: &NoticeDetails, item: &ItemDetails) -> MatchResult {
    if item.make.trim().is_empty() || !same(&notice.make, &item.make) {
        return MatchResult::not_affected();
    }
    if !notice.model.trim().is_empty() && !same(&notice.model, &item.model) {
        return MatchResult::not_affected();
    }
    if !notice.names_units() {
        return MatchResult {
            verdict: NoticeMatch::Affected,
            reason: "every unit of this make and model".into(),
        };
    }
    let mut missing = Vec::new();
    if !notice.serial_ranges.is_empty() {
        if item.serial.trim().is_empty() {
            missing.push("serial");
        } else if let Some(range) = notice.serial_ranges.iter().find(|r| r.holds(&item.serial)) {
            return affected(format!("serial {} is in {}", item.serial, range.text()));
        }
    }
    if !notice.lots.is_empty() {
        if item.lot.trim().is_empty() {
            missing.push("lot number");
        } else if let Some(lot) = notice
            .lots
            .iter()
            .find(|l| l.trim().to_lowercase() == item.lot.trim().to_lowercase())
        {
            return affected(format!("lot {lot} is named"));
        }
    }
    if notice.made_from.is_some() || notice.made_to.is_some() {
        match item.made_on {
            None => missing.push("date of manufacture"),
            Some(made) => {
                let after = notice.made_from.is_none_or(|from| made >= from);
                let before = notice.made_to.is_none_or(|to| made <= to);
                if after && before {
                    return affected(format!(
                        "made on {}, within the notice's dates",
                        made.format("%-d %B %Y")
                    ));
                }
            }
        }
    }
    if missing.is_empty() {
        MatchResult::not_affected()
    } else {
        MatchResult {
            verdict: NoticeMatch::CannotTell,
            reason: format!(
                "cannot tell: no {} recorded, check the label",
                missing.join(" or ")
            ),
        }
    }
}

fn affected(reason: String) -> MatchResult {
    MatchResult {
        verdict: NoticeMatch::Affected,
        reason,
    }
}

labelled_enum! {
    /// What was done about one affected item.
    pub enum NoticeAction ("a safety notice action") {
        AwaitingAction => ("awaiting-action", "Awaiting action"),
        Checked => ("checked", "Checked: safe to use"),
        NotAffected => ("not-affected", "Not affected"),
        Withdrawn => ("withdrawn", "Withdrawn from use"),
        Repaired => ("repaired", "Repaired or modified"),
    }
}

/// What someone records about one item: the action, a note, and the day it was done.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct NoticeActionDetails {
    pub action: NoticeAction,
    #[serde(default)]
    pub note: String,
    /// The day it was done; today when not given.
    #[serde(default)]
    pub acted_on: Option<NaiveDate>,
}

impl NoticeActionDetails {
    /// Checks an action: a note of normal length, a date that has passed. Recording
    /// "awaiting action" puts an item back on the list.
    pub fn validated(mut self, today: NaiveDate) -> Result<NoticeActionDetails> {
        tidy(&mut self.note);
        let mut check = Check::new();
        check.text("note", "note", &self.note);
        let on = self.acted_on.unwrap_or(today);
        check.past_date("acted_on", "date of the action", on, EARLIEST_RECORD, today);
        check.finish()?;
        self.acted_on = Some(on);
        Ok(self)
    }
}

/// A stored notice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SafetyNotice {
    pub id: NoticeId,
    pub details: NoticeDetails,
    /// When it was closed: a closed notice flags nothing.
    #[serde(default)]
    pub closed_on: Option<NaiveDate>,
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub recorded_at: DateTime<Utc>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Category;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn today() -> NaiveDate {
        d(2026, 11, 22)
    }

    fn range(from: &str, to: &str) -> SerialRange {
        SerialRange {
            from: from.into(),
            to: to.into(),
        }
    }

    /// The example: OTB hoists, serials OTB-1000 to OTB-1010.
    fn otb_notice() -> NoticeDetails {
        let mut n = NoticeDetails::new(
            "FSN-2026-014",
            "Spreader bar weld may crack",
            "Oxford",
            "Presence",
            d(2026, 11, 2),
        );
        n.serial_ranges = vec![range("OTB-1000", "OTB-1010")];
        n
    }

    fn hoist(make: &str, model: &str, serial: &str) -> ItemDetails {
        let mut item = ItemDetails::new(Category::Hoist, "Mobile hoist");
        item.make = make.into();
        item.model = model.into();
        item.serial = serial.into();
        item
    }

    fn verdict(notice: &NoticeDetails, item: &ItemDetails) -> NoticeMatch {
        match_item(notice, item).verdict
    }

    fn fields(n: NoticeDetails) -> Vec<String> {
        match n.validated(today()) {
            Ok(_) => vec![],
            Err(e) => e.fields().iter().map(|f| f.field.clone()).collect(),
        }
    }

    #[test]
    fn a_serial_range_holds_serials_with_its_prefix_and_a_number_inside_it() {
        let n = otb_notice();
        assert_eq!(
            verdict(&n, &hoist("Oxford", "Presence", "OTB-1007")),
            NoticeMatch::Affected
        );
        assert_eq!(
            verdict(&n, &hoist("Oxford", "Presence", "OTB-1000")),
            NoticeMatch::Affected
        );
        assert_eq!(
            verdict(&n, &hoist("Oxford", "Presence", "OTB-1010")),
            NoticeMatch::Affected
        );
        assert_eq!(
            verdict(&n, &hoist("Oxford", "Presence", "OTB-2000")),
            NoticeMatch::NotAffected
        );
        assert_eq!(
            verdict(&n, &hoist("Oxford", "Presence", "OTB-999")),
            NoticeMatch::NotAffected
        );
        assert_eq!(
            verdict(&n, &hoist("Oxford", "Presence", "XYZ-1005")),
            NoticeMatch::NotAffected
        );
    }

    #[test]
    fn serials_compare_by_number_whatever_their_leading_zeros_and_case() {
        let r = range("ab-0098", "AB-0102");
        assert!(r.holds("AB-100"));
        assert!(r.holds("ab-0099"));
        assert!(!r.holds("AB-103"));
        assert!(
            !r.holds("AB-100X"),
            "a different ending is another product line"
        );
        assert!(
            range("SN9999999999999999999990", "SN9999999999999999999999")
                .holds("SN9999999999999999999995")
        );
    }

    #[test]
    fn a_range_without_a_last_serial_holds_just_its_first() {
        let r = range("OTB-1007", "");
        assert!(r.holds("otb-1007"));
        assert!(!r.holds("OTB-1008"));
    }

    #[test]
    fn make_and_model_are_compared_without_case_or_spaces() {
        let n = otb_notice();
        assert_eq!(
            verdict(&n, &hoist(" OXFORD ", "pre sence", "OTB-1001")),
            NoticeMatch::Affected
        );
        assert_eq!(
            verdict(&n, &hoist("Arjo", "Presence", "OTB-1001")),
            NoticeMatch::NotAffected
        );
        assert_eq!(
            verdict(&n, &hoist("Oxford", "Mini", "OTB-1001")),
            NoticeMatch::NotAffected
        );
        assert_eq!(
            verdict(&n, &hoist("", "Presence", "OTB-1001")),
            NoticeMatch::NotAffected
        );
    }

    #[test]
    fn lots_are_compared_trimmed_and_without_case() {
        let mut n = NoticeDetails::new("FSN-1", "Buckle", "Leckey", "Squiggles", d(2026, 10, 1));
        n.lots = vec!["L2405A".into()];
        let mut seat = hoist("Leckey", "Squiggles", "");
        seat.lot = " l2405a ".into();
        assert_eq!(verdict(&n, &seat), NoticeMatch::Affected);
        seat.lot = "L2405B".into();
        assert_eq!(verdict(&n, &seat), NoticeMatch::NotAffected);
    }

    #[test]
    fn a_manufacture_date_range_holds_items_made_within_it_inclusive() {
        let mut n = NoticeDetails::new("FSN-2", "Castor", "Leckey", "Mygo", d(2026, 10, 1));
        n.made_from = Some(d(2024, 1, 1));
        n.made_to = Some(d(2024, 3, 31));
        let mut seat = hoist("Leckey", "Mygo", "");
        for (made, expected) in [
            (d(2024, 1, 1), NoticeMatch::Affected),
            (d(2024, 3, 31), NoticeMatch::Affected),
            (d(2023, 12, 31), NoticeMatch::NotAffected),
            (d(2024, 4, 1), NoticeMatch::NotAffected),
        ] {
            seat.made_on = Some(made);
            assert_eq!(verdict(&n, &seat), expected, "{made}");
        }
        n.made_to = None;
        seat.made_on = Some(d(2026, 1, 1));
        assert_eq!(
            verdict(&n, &seat),
            NoticeMatch::Affected,
            "an open-ended range"
        );
    }

    #[test]
    fn serials_lots_and_dates_are_alternatives_any_one_places_an_item_inside() {
        let mut n = otb_notice();
        n.lots = vec!["L7".into()];
        let mut outside_by_serial = hoist("Oxford", "Presence", "OTB-5000");
        outside_by_serial.lot = "L7".into();
        assert_eq!(verdict(&n, &outside_by_serial), NoticeMatch::Affected);
        outside_by_serial.lot = "L8".into();
        assert_eq!(verdict(&n, &outside_by_serial), NoticeMatch::NotAffected);
    }

    #[test]
    fn an_item_without_what_the_notice_names_units_by_is_a_cannot_tell_not_a_skip() {
        let n = otb_notice();
        let result = match_item(&n, &hoist("Oxford", "Presence", ""));
        assert_eq!(result.verdict, NoticeMatch::CannotTell);
        assert!(
            result.reason.contains("no serial recorded"),
            "{}",
            result.reason
        );

        let mut by_lot = otb_notice();
        by_lot.lots = vec!["L7".into()];
        // Its serial is outside, but its lot is unknown: still someone must look.
        let result = match_item(&by_lot, &hoist("Oxford", "Presence", "OTB-5000"));
        assert_eq!(result.verdict, NoticeMatch::CannotTell);
        assert!(result.reason.contains("lot number"), "{}", result.reason);
    }

    #[test]
    fn a_notice_naming_only_make_and_model_covers_every_unit() {
        let n = NoticeDetails::new(
            "DSI/2026/007",
            "Recall",
            "Oxford",
            "Presence",
            d(2026, 11, 1),
        );
        assert_eq!(
            verdict(&n, &hoist("Oxford", "Presence", "")),
            NoticeMatch::Affected
        );
    }

    #[test]
    fn a_complete_notice_is_accepted_tidied() {
        let mut n = otb_notice();
        n.reference = "  FSN-2026-014 ".into();
        n.lots = vec![" L1 ".into(), "".into()];
        let ok = n.validated(today()).unwrap();
        assert_eq!(ok.reference, "FSN-2026-014");
        assert_eq!(ok.lots, ["L1"]);
    }

    #[test]
    fn the_reference_title_and_make_are_required() {
        let mut n = otb_notice();
        n.reference = String::new();
        n.title = " ".into();
        n.make = String::new();
        assert_eq!(fields(n), ["reference", "title", "make"]);
    }

    #[test]
    fn a_range_that_ends_before_it_starts_is_refused_beside_that_range() {
        let mut n = otb_notice();
        n.serial_ranges.push(range("OTB-2010", "OTB-2000"));
        let err = n.validated(today()).unwrap_err();
        assert_eq!(err.fields()[0].field, "serial_ranges[1].to");
        assert!(err.fields()[0].message.contains("ends before it starts"));
    }

    #[test]
    fn a_range_across_two_prefixes_is_refused() {
        let mut n = otb_notice();
        n.serial_ranges = vec![range("OTB-1000", "XYZ-1010")];
        let err = n.validated(today()).unwrap_err();
        assert_eq!(err.fields()[0].field, "serial_ranges[0].to");
        assert!(err.fields()[0].message.contains("different prefixes"));
    }

    #[test]
    fn a_range_needs_its_first_serial() {
        let mut n = otb_notice();
        n.serial_ranges = vec![range("", "OTB-1")];
        assert_eq!(fields(n), ["serial_ranges[0].from"]);
    }

    #[test]
    fn a_notice_with_nothing_to_match_beyond_the_make_is_refused_with_its_own_error() {
        let n = NoticeDetails::new("FSN-9", "Everything", "Oxford", "", d(2026, 11, 1));
        let err = n.validated(today()).unwrap_err();
        assert_eq!(err.fields()[0].field, "model");
        assert!(err.fields()[0].message.contains("nothing to match"));
        // A lot alone is enough without a model.
        let mut by_lot = NoticeDetails::new("FSN-9", "Lot", "Oxford", "", d(2026, 11, 1));
        by_lot.lots = vec!["L1".into()];
        assert!(fields(by_lot).is_empty());
    }

    #[test]
    fn a_manufacture_range_ending_before_it_starts_is_refused() {
        let mut n = otb_notice();
        n.made_from = Some(d(2024, 5, 1));
        n.made_to = Some(d(2024, 4, 1));
        assert_eq!(fields(n), ["made_to"]);
    }

    #[test]
    fn a_notice_cannot_be_dated_in_the_future() {
        let mut n = otb_notice();
        n.issued_on = d(2026, 11, 23);
        assert_eq!(fields(n), ["issued_on"]);
    }

    #[test]
    fn an_action_is_dated_today_unless_told_and_never_ahead() {
        let a = NoticeActionDetails {
            action: NoticeAction::Checked,
            note: " weld fine ".into(),
            acted_on: None,
        }
        .validated(today())
        .unwrap();
        assert_eq!((a.note.as_str(), a.acted_on), ("weld fine", Some(today())));
        let ahead = NoticeActionDetails {
            action: NoticeAction::Checked,
            note: String::new(),
            acted_on: Some(d(2026, 12, 1)),
        };
        assert_eq!(
            ahead.validated(today()).unwrap_err().fields()[0].field,
            "acted_on"
        );
    }
}
