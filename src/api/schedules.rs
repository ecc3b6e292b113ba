//! An item's schedules: add one once it is checked, list them, mark one done on a date, and
//! remove one. Each write is one transaction, with the due list re-indexed inside it.

use super::Api;
use crate::error::{Error, Result};
use crate::model::{
    Category, ItemId, Schedule, ScheduleDetails, ScheduleId, ScheduleKind, ServiceIntervals,
};
use crate::store::{items, schedules};
use chrono::NaiveDate;
use rusqlite::Connection;

impl Api {
    /// Adds a schedule to `item`. A LOLER interval over the legal limit, an "other" schedule
    /// without a name and the like are refused beside their fields, and nothing is saved.
    pub fn add_schedule(&mut self, item: ItemId, details: ScheduleDetails) -> Result<Schedule> {
        let (_, category) = items::owner_and_category(self.store.conn(), item)?;
        let intervals = self.service_intervals()?;
        let details = details.validated(category, &intervals, self.today())?;
        let id = ScheduleId::new();
        let now = self.now();
        let tx = self.store.transaction()?;
        items::owner_and_category(&tx, item)?;
        schedules::insert(&tx, id, item, &details, now)?;
        tx.commit()?;
        self.schedule(id)
    }

    /// One schedule.
    pub fn schedule(&self, id: ScheduleId) -> Result<Schedule> {
        let schedule = schedules::get(self.store.conn(), id)?
            .ok_or_else(|| Error::not_found(ScheduleId::KIND, id))?;
        Ok(self.with_overdue_dates(vec![schedule]).remove(0))
    }

    /// An item's schedules, soonest due first.
    pub fn schedules_of_item(&self, item: ItemId) -> Result<Vec<Schedule>> {
        let conn = self.store.conn();
        items::owner_and_category(conn, item)?;
        Ok(self.with_overdue_dates(schedules::for_item(conn, item)?))
    }

    /// Records that a schedule's check was done on `on`: last done then, next due one interval
    /// later. A date still to come, or before the last time, is refused beside `on`.
    pub fn mark_schedule_done(&mut self, id: ScheduleId, on: NaiveDate) -> Result<Schedule> {
        let today = self.today();
        let tx = self.store.transaction()?;
        let schedule =
            schedules::get(&tx, id)?.ok_or_else(|| Error::not_found(ScheduleId::KIND, id))?;
        let details = schedule.done_on(on, today)?;
        schedules::update(&tx, id, &details)?;
        tx.commit()?;
        self.schedule(id)
    }

    /// Rewrites a schedule (moving a review's next date, say), checked as a new one is: a
    /// refused field leaves nothing saved.
    pub fn update_schedule(
        &mut self,
        id: ScheduleId,
        details: ScheduleDetails,
    ) -> Result<Schedule> {
        let item = self.schedule(id)?.item_id;
        let (_, category) = items::owner_and_category(self.store.conn(), item)?;
        let intervals = self.service_intervals()?;
        let details = details.validated(category, &intervals, self.today())?;
        let tx = self.store.transaction()?;
        if !schedules::update(&tx, id, &details)? {
            return Err(Error::not_found(ScheduleId::KIND, id));
        }
        tx.commit()?;
        self.schedule(id)
    }

    /// Removes one schedule (the audit trail keeps what it said).
    pub fn delete_schedule(&mut self, id: ScheduleId) -> Result<()> {
        let tx = self.store.transaction()?;
        if !schedules::delete(&tx, id)? {
            return Err(Error::not_found(ScheduleId::KIND, id));
        }
        tx.commit()?;
        Ok(())
    }

    fn with_overdue_dates(&self, mut list: Vec<Schedule>) -> Vec<Schedule> {
        let today = self.today();
        for s in list.iter_mut() {
            s.overdue = s.next_due < today;
        }
        list
    }
}

/// Gives people-lifting equipment its LOLER schedule when it has none: examined before first
/// use, so due from the day it was issued (else `today`), then at the legal interval.
pub(super) fn ensure_loler_schedule(
    conn: &Connection,
    item: ItemId,
    category: Category,
    issued: Option<NaiveDate>,
    intervals: &ServiceIntervals,
    today: NaiveDate,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<()> {
    if !category.lifts_people() || schedules::has_kind(conn, item, ScheduleKind::Loler)? {
        return Ok(());
    }
    let details = ScheduleDetails {
        kind: ScheduleKind::Loler,
        name: String::new(),
        every_months: intervals.loler_lifting_months,
        last_done: None,
        next_due: Some(issued.unwrap_or(today)),
    };
    schedules::insert(conn, ScheduleId::new(), item, &details, now)
}
