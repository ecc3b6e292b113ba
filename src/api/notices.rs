//! Field safety notices: record a notice and see at once every affected item and the child
//! who has it; record what was done about each; close the notice when all are dealt with.
//!
//! Matching is live: every read matches the notice against the caseload's items as they are
//! now, so an item recorded or corrected after the notice is found and flagged like the rest.
//! An item is flagged (on its screen, its child's caseload row and its passport page) while
//! it is affected, or cannot be told apart, by an open notice and nothing has been recorded
//! about it yet ("awaiting action").

use super::Api;
use crate::error::{Error, Result};
use crate::model::safety_notice::squash;
use crate::model::{
    Category, ChildId, ItemDetails, ItemId, ItemStatus, NoticeAction, NoticeActionDetails,
    NoticeDetails, NoticeId, NoticeMatch, SafetyNotice, match_item,
};
use crate::store::safety_notices::{self, Candidate, StoredAction};
use chrono::NaiveDate;
use rusqlite::Connection;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// One item a notice affects (or may affect), with its child and what was done about it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct AffectedItem {
    pub item_id: ItemId,
    pub item_name: String,
    pub category: Category,
    pub item_status: ItemStatus,
    pub make: String,
    pub model: String,
    pub serial: String,
    pub lot: String,
    pub made_on: Option<NaiveDate>,
    pub child_id: ChildId,
    pub child_name: String,
    /// The child's school or setting ("" when none).
    pub setting_name: String,
    /// Affected, or "cannot tell" when the item lacks the serial, lot or date to decide.
    pub matched: NoticeMatch,
    /// Why, in words: "serial OTB-1007 is in OTB-1000 to OTB-1010".
    pub reason: String,
    pub action: NoticeAction,
    pub note: String,
    pub acted_on: Option<NaiveDate>,
}

impl AffectedItem {
    pub fn awaiting(&self) -> bool {
        self.action == NoticeAction::AwaitingAction
    }
}

/// A notice with every item it affects, children in caseload order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct NoticeRecord {
    pub notice: SafetyNotice,
    pub items: Vec<AffectedItem>,
}

/// One line of the notices list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct NoticeSummary {
    pub notice: SafetyNotice,
    /// Items the notice names.
    pub affected: u32,
    /// Items of the make and model that lack the serial, lot or date to tell.
    pub cannot_tell: u32,
    /// Of both, those with nothing recorded yet.
    pub awaiting: u32,
}

/// An open notice an item awaits action on: for the item's screen and its passport page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ItemNoticeFlag {
    pub notice_id: NoticeId,
    pub reference: String,
    pub title: String,
    pub action_required: String,
    pub matched: NoticeMatch,
    pub reason: String,
}

/// How many of a child's items await action on an open notice: the caseload's badge.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ChildNoticeFlag {
    pub child_id: ChildId,
    pub awaiting: u32,
}

impl Api {
    /// Records a notice once it is checked, and returns it with every affected item and the
    /// child who has it. Bad input is refused beside its field and nothing is saved.
    pub fn add_notice(&mut self, details: NoticeDetails) -> Result<NoticeRecord> {
        let details = details.validated(self.today())?;
        let id = NoticeId::new();
        let now = self.now();
        let tx = self.store.transaction()?;
        safety_notices::insert(&tx, id, &details, now)?;
        tx.commit()?;
        self.notice(id)
    }

    /// Every notice, open ones first, with how many items each affects and how many await
    /// action.
    pub fn notices(&self) -> Result<Vec<NoticeSummary>> {
        let conn = self.store.conn();
        let notices = safety_notices::list(conn)?;
        if notices.is_empty() {
            return Ok(Vec::new());
        }
        let candidates = safety_notices::candidates(conn, &makes_of(&notices))?;
        notices
            .into_iter()
            .map(|notice| {
                let items = affected(conn, &notice, &candidates)?;
                let count = |f: &dyn Fn(&AffectedItem) -> bool| {
                    items.iter().filter(|i| f(i)).count() as u32
                };
                Ok(NoticeSummary {
                    affected: count(&|i| i.matched == NoticeMatch::Affected),
                    cannot_tell: count(&|i| i.matched == NoticeMatch::CannotTell),
                    awaiting: count(&|i| i.awaiting()),
                    notice,
                })
            })
            .collect()
    }

    /// One notice with every item it affects: the item, the child, their setting and the
    /// action recorded.
    pub fn notice(&self, id: NoticeId) -> Result<NoticeRecord> {
        let conn = self.store.conn();
        let notice = safety_notices::get(conn, id)?;
        let candidates =
            safety_notices::candidates(conn, &makes_of(std::slice::from_ref(&notice)))?;
        let items = affected(conn, &notice, &candidates)?;
        Ok(NoticeRecord { notice, items })
    }

    /// Records what was done about one item under a notice (replacing what was recorded
    /// before). The item must be one the notice affects or cannot tell about.
    pub fn record_notice_action(
        &mut self,
        notice: NoticeId,
        item: ItemId,
        action: NoticeActionDetails,
    ) -> Result<NoticeRecord> {
        let action = action.validated(self.today())?;
        let now = self.now();
        let record = self.notice(notice)?;
        let Some(entry) = record.items.iter().find(|i| i.item_id == item) else {
            crate::store::items::owner_and_category(self.store.conn(), item)?;
            return Err(Error::invalid(
                "item",
                format!(
                    "this item is not one that notice {} names: check the item's make, model, serial, lot and date of manufacture",
                    record.notice.details.reference
                ),
            ));
        };
        let tx = self.store.transaction()?;
        safety_notices::record_action(&tx, notice, item, entry.child_id, &action, now)?;
        tx.commit()?;
        self.notice(notice)
    }

    /// Closes a notice: from then on it flags nothing. Refused while any item it names
    /// still awaits action, so closing can never hide an unchecked item; record "not
    /// affected" for an item that turns out not to be one.
    pub fn close_notice(&mut self, id: NoticeId) -> Result<SafetyNotice> {
        let record = self.notice(id)?;
        if record.notice.closed_on.is_some() {
            return Ok(record.notice);
        }
        let waiting = record.items.iter().filter(|i| i.awaiting()).count();
        if waiting > 0 {
            return Err(Error::Conflict(format!(
                "notice {} still has {waiting} item{} awaiting action: record what was done about {} first",
                record.notice.details.reference,
                if waiting == 1 { "" } else { "s" },
                if waiting == 1 { "it" } else { "each" },
            )));
        }
        let today = self.today();
        let tx = self.store.transaction()?;
        safety_notices::close(&tx, id, today)?;
        tx.commit()?;
        safety_notices::get(self.store.conn(), id)
    }

    /// The open notices an item awaits action on (none for an item dealt with).
    pub fn notices_for_item(&self, item: ItemId) -> Result<Vec<ItemNoticeFlag>> {
        let conn = self.store.conn();
        let stored = crate::store::items::get(conn, item)?;
        flags_for(conn, item, &stored.details)
    }

    /// For each child with an item awaiting action on an open notice, how many such items.
    pub fn notice_flags(&self) -> Result<Vec<ChildNoticeFlag>> {
        let conn = self.store.conn();
        let open = safety_notices::open(conn)?;
        if open.is_empty() {
            return Ok(Vec::new());
        }
        let candidates = safety_notices::candidates(conn, &makes_of(&open))?;
        let mut counts: BTreeMap<ChildId, u32> = BTreeMap::new();
        for notice in open {
            for item in affected(conn, &notice, &candidates)? {
                if item.awaiting() {
                    *counts.entry(item.child_id).or_default() += 1;
                }
            }
        }
        Ok(counts
            .into_iter()
            .map(|(child_id, awaiting)| ChildNoticeFlag { child_id, awaiting })
            .collect())
    }
}

/// The makes the notices name, as they are compared.
fn makes_of(notices: &[SafetyNotice]) -> BTreeSet<String> {
    notices.iter().map(|n| squash(&n.details.make)).collect()
}

/// The open notices one item (as it is now) awaits action on.
fn flags_for(
    conn: &Connection,
    item: ItemId,
    details: &ItemDetails,
) -> Result<Vec<ItemNoticeFlag>> {
    let mut out = Vec::new();
    for notice in safety_notices::open(conn)? {
        let m = match_item(&notice.details, details);
        if m.verdict == NoticeMatch::NotAffected {
            continue;
        }
        let done = safety_notices::actions(conn, notice.id)?
            .iter()
            .any(|a| a.item_id == item && a.details.action != NoticeAction::AwaitingAction);
        if !done {
            out.push(ItemNoticeFlag {
                notice_id: notice.id,
                reference: notice.details.reference,
                title: notice.details.title,
                action_required: notice.details.action_required,
                matched: m.verdict,
                reason: m.reason,
            });
        }
    }
    Ok(out)
}

/// Matches one notice over the candidates and joins what was recorded about each.
fn affected(
    conn: &Connection,
    notice: &SafetyNotice,
    candidates: &[Candidate],
) -> Result<Vec<AffectedItem>> {
    let actions: BTreeMap<ItemId, StoredAction> = safety_notices::actions(conn, notice.id)?
        .into_iter()
        .map(|a| (a.item_id, a))
        .collect();
    Ok(candidates
        .iter()
        .filter_map(|c| {
            let m = match_item(&notice.details, &c.item.details);
            if m.verdict == NoticeMatch::NotAffected {
                return None;
            }
            let d = &c.item.details;
            let done = actions.get(&c.item.id).map(|a| &a.details);
            Some(AffectedItem {
                item_id: c.item.id,
                item_name: d.name.clone(),
                category: d.category,
                item_status: d.status,
                make: d.make.clone(),
                model: d.model.clone(),
                serial: d.serial.clone(),
                lot: d.lot.clone(),
                made_on: d.made_on,
                child_id: c.item.child_id,
                child_name: c.child_name.clone(),
                setting_name: c.setting_name.clone(),
                matched: m.verdict,
                reason: m.reason,
                action: done.map_or(NoticeAction::AwaitingAction, |a| a.action),
                note: done.map(|a| a.note.clone()).unwrap_or_default(),
                acted_on: done.and_then(|a| a.acted_on),
            })
        })
        .collect())
}

impl Api {
    /// The notice boxes an item's passport page prints.
    pub(super) fn safety_notice_lines(
        &self,
        item: &crate::model::EquipmentItem,
    ) -> Result<Vec<crate::passport::SafetyNoticeLine>> {
        Ok(flags_for(self.store.conn(), item.id, &item.details)?
            .into_iter()
            .map(|f| crate::passport::SafetyNoticeLine {
                reference: f.reference,
                title: f.title,
                action_required: f.action_required,
                cannot_tell: f.matched == NoticeMatch::CannotTell,
            })
            .collect())
    }
}
