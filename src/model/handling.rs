//! The child's moving and handling plan: one row per handling task ("Bed to chair",
//! "Toileting"), each with the equipment and sling used, the sling's loops, how many adults,
//! the method in a line, a photo reference and when the task's plan is next reviewed.

use super::check::{Check, EARLIEST_RECORD, MAX_LINE, tidy};
use super::item_parts::LoopConfiguration;
use super::{Category, ItemId};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The most tasks one plan holds: a plan is read at the hoist, and a longer one is several
/// plans (or a care plan), not a table.
pub const MAX_TASKS: usize = 20;

/// The fewest and most adults a task may need.
pub const ADULTS: std::ops::RangeInclusive<u8> = 1..=4;

/// One handling task, as it is typed and as it is stored (its place in the plan is its order).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct HandlingTask {
    /// What is being done, e.g. "Bed to chair".
    pub task: String,
    /// The equipment used: one of the child's items.
    #[serde(default)]
    pub equipment_id: Option<ItemId>,
    /// The sling used: one of the child's sling items.
    #[serde(default)]
    pub sling_id: Option<ItemId>,
    /// The sling's loop on each side for this task (blank when no sling is used).
    #[serde(default)]
    pub loops: LoopConfiguration,
    /// How many adults the task needs (1 to 4).
    pub adults: u8,
    /// The method, in one line.
    #[serde(default)]
    pub method: String,
    /// Where the picture of it is, e.g. "Photo 3 on the hoist page".
    #[serde(default)]
    pub photo_ref: String,
    #[serde(default)]
    pub review_date: Option<NaiveDate>,
}

impl HandlingTask {
    /// A task with only its name, for one adult.
    pub fn new(task: impl Into<String>) -> Self {
        HandlingTask {
            task: task.into(),
            equipment_id: None,
            sling_id: None,
            loops: LoopConfiguration::default(),
            adults: 1,
            method: String::new(),
            photo_ref: String::new(),
            review_date: None,
        }
    }

    /// The loops as they are printed: "Shoulders: Green / Green; legs: 2nd / 2nd".
    pub fn loops_text(&self) -> String {
        let l = &self.loops;
        let pair = |left: &str, right: &str| {
            let blank = |s: &str| {
                if s.is_empty() {
                    "–".to_string()
                } else {
                    s.to_string()
                }
            };
            format!("{} left, {} right", blank(left), blank(right))
        };
        format!(
            "Shoulders {}; legs {}",
            pair(&l.shoulder_left, &l.shoulder_right),
            pair(&l.leg_left, &l.leg_right)
        )
    }
}

/// Checks and tidies a whole plan against the child's items (`items`: each item's id and
/// category). Every problem is named by its row, e.g. `handling[2].adults`; any problem
/// leaves the plan unsaved. A sling's loops are cleared when the row has no sling.
pub fn validated_plan(
    mut tasks: Vec<HandlingTask>,
    items: &[(ItemId, Category)],
    today: NaiveDate,
) -> crate::error::Result<Vec<HandlingTask>> {
    let mut check = Check::new();
    if tasks.len() > MAX_TASKS {
        check.fail(
            "handling",
            format!(
                "there are {} tasks: a plan holds at most {MAX_TASKS} (split the rest into another plan)",
                tasks.len()
            ),
        );
    }
    for (i, t) in tasks.iter_mut().enumerate() {
        let at = |field: &str| format!("handling[{i}].{field}");
        for s in [
            &mut t.task,
            &mut t.method,
            &mut t.photo_ref,
            &mut t.loops.shoulder_left,
            &mut t.loops.shoulder_right,
            &mut t.loops.leg_left,
            &mut t.loops.leg_right,
        ] {
            tidy(s);
        }
        check.required(&at("task"), "task", &t.task);
        if !ADULTS.contains(&t.adults) {
            check.fail(
                at("adults"),
                format!(
                    "the number of adults must be from {} to {} (it is {})",
                    ADULTS.start(),
                    ADULTS.end(),
                    t.adults
                ),
            );
        }
        if t.method.chars().count() > MAX_LINE {
            check.fail(
                at("method"),
                format!(
                    "the method is too long ({} characters): keep it to {MAX_LINE}, one line",
                    t.method.chars().count()
                ),
            );
        } else {
            check.line(&at("method"), "method", &t.method);
        }
        check.line(&at("photo_ref"), "photo reference", &t.photo_ref);
        if let Some(date) = t.review_date {
            check.date(
                &at("review_date"),
                "review date",
                date,
                EARLIEST_RECORD,
                today,
            );
        }
        let category = |id: ItemId| items.iter().find(|(i, _)| *i == id).map(|(_, c)| *c);
        if let Some(id) = t.equipment_id
            && category(id).is_none()
        {
            check.fail(
                at("equipment_id"),
                "that equipment is not this child's: choose one of their items",
            );
        }
        match t.sling_id.map(|id| (id, category(id))) {
            None => t.loops = LoopConfiguration::default(),
            Some((_, None)) => check.fail(
                at("sling_id"),
                "that sling is not this child's: choose one of their slings",
            ),
            Some((_, Some(c))) if c != Category::Sling => check.fail(
                at("sling_id"),
                format!(
                    "that item is a {}, not a sling: choose one of the child's slings",
                    c.label().to_lowercase()
                ),
            ),
            Some(_) => {
                let l = &t.loops;
                if [
                    &l.shoulder_left,
                    &l.shoulder_right,
                    &l.leg_left,
                    &l.leg_right,
                ]
                .iter()
                .all(|s| s.is_empty())
                {
                    check.fail(
                        at("loops"),
                        "enter the loop setting for the sling (at least one of shoulders and legs)",
                    );
                }
                for (field, label, value) in [
                    (
                        "loops.shoulder_left",
                        "left shoulder loop",
                        &l.shoulder_left,
                    ),
                    (
                        "loops.shoulder_right",
                        "right shoulder loop",
                        &l.shoulder_right,
                    ),
                    ("loops.leg_left", "left leg loop", &l.leg_left),
                    ("loops.leg_right", "right leg loop", &l.leg_right),
                ] {
                    check.line(&at(field), label, value);
                }
            }
        }
    }
    check.finish()?;
    Ok(tasks)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
    }

    struct Items {
        hoist: ItemId,
        sling: ItemId,
        list: Vec<(ItemId, Category)>,
    }

    fn items() -> Items {
        let (hoist, sling) = (ItemId::new(), ItemId::new());
        Items {
            hoist,
            sling,
            list: vec![(hoist, Category::Hoist), (sling, Category::Sling)],
        }
    }

    fn hoisted(items: &Items) -> HandlingTask {
        HandlingTask {
            equipment_id: Some(items.hoist),
            sling_id: Some(items.sling),
            loops: LoopConfiguration {
                shoulder_left: "Green".into(),
                shoulder_right: "Green".into(),
                leg_left: "2nd loop".into(),
                leg_right: "2nd loop".into(),
            },
            adults: 2,
            method: "Hoist from bed to chair, one adult at the controls".into(),
            photo_ref: "Photo 3 on the hoist page".into(),
            review_date: Some(today() + chrono::Days::new(90)),
            ..HandlingTask::new("Bed to chair")
        }
    }

    fn fields(tasks: Vec<HandlingTask>, items: &Items) -> Vec<String> {
        match validated_plan(tasks, &items.list, today()) {
            Ok(_) => vec![],
            Err(e) => e.fields().iter().map(|f| f.field.clone()).collect(),
        }
    }

    #[test]
    fn a_hoisted_transfer_with_its_sling_loops_is_accepted_as_typed() {
        let items = items();
        let task = hoisted(&items);
        assert_eq!(
            validated_plan(vec![task.clone()], &items.list, today()).unwrap(),
            vec![task]
        );
    }

    #[test]
    fn an_empty_plan_is_accepted() {
        assert!(validated_plan(vec![], &[], today()).unwrap().is_empty());
    }

    #[test]
    fn text_is_trimmed_and_loops_are_cleared_when_no_sling_is_used() {
        let items = items();
        let mut task = hoisted(&items);
        task.task = "  Toileting ".into();
        task.sling_id = None;
        let plan = validated_plan(vec![task], &items.list, today()).unwrap();
        assert_eq!(plan[0].task, "Toileting");
        assert_eq!(plan[0].loops, LoopConfiguration::default());
    }

    #[test]
    fn a_task_needs_a_name() {
        let items = items();
        let mut task = hoisted(&items);
        task.task = "   ".into();
        assert_eq!(fields(vec![task], &items), ["handling[0].task"]);
    }

    #[test]
    fn a_sling_with_no_loop_setting_is_refused_beside_the_loops() {
        let items = items();
        let mut task = hoisted(&items);
        task.loops = LoopConfiguration::default();
        assert_eq!(
            fields(vec![HandlingTask::new("Toileting"), task], &items),
            ["handling[1].loops"]
        );
    }

    #[test]
    fn one_loop_side_is_enough_to_name_the_setting() {
        let items = items();
        let mut task = hoisted(&items);
        task.loops = LoopConfiguration {
            shoulder_left: "Blue".into(),
            ..LoopConfiguration::default()
        };
        assert!(fields(vec![task], &items).is_empty());
    }

    #[test]
    fn adults_must_be_one_to_four() {
        let items = items();
        for (adults, ok) in [(0, false), (1, true), (4, true), (5, false)] {
            let mut task = hoisted(&items);
            task.adults = adults;
            let f = fields(vec![task], &items);
            assert_eq!(f.is_empty(), ok, "{adults} adults");
            if !ok {
                assert_eq!(f, ["handling[0].adults"]);
            }
        }
    }

    #[test]
    fn a_method_over_200_characters_is_refused_and_200_is_accepted() {
        let items = items();
        let mut task = hoisted(&items);
        task.method = "a".repeat(200);
        assert!(fields(vec![task.clone()], &items).is_empty());
        task.method = "a".repeat(201);
        let err = validated_plan(vec![task], &items.list, today()).unwrap_err();
        assert_eq!(err.fields()[0].field, "handling[0].method");
        assert!(err.fields()[0].message.contains("201 characters"));
    }

    #[test]
    fn a_method_on_two_lines_is_refused() {
        let items = items();
        let mut task = hoisted(&items);
        task.method = "Hoist\nthen chair".into();
        assert_eq!(fields(vec![task], &items), ["handling[0].method"]);
    }

    #[test]
    fn equipment_that_is_not_the_childs_is_refused() {
        let items = items();
        let mut task = hoisted(&items);
        task.equipment_id = Some(ItemId::new());
        assert_eq!(fields(vec![task], &items), ["handling[0].equipment_id"]);
    }

    #[test]
    fn a_sling_that_is_not_the_childs_is_refused() {
        let items = items();
        let mut task = hoisted(&items);
        task.sling_id = Some(ItemId::new());
        assert_eq!(fields(vec![task], &items), ["handling[0].sling_id"]);
    }

    #[test]
    fn an_item_that_is_not_a_sling_is_refused_as_the_sling() {
        let items = items();
        let mut task = hoisted(&items);
        task.sling_id = Some(items.hoist);
        let err = validated_plan(vec![task], &items.list, today()).unwrap_err();
        assert_eq!(err.fields()[0].field, "handling[0].sling_id");
        assert!(err.fields()[0].message.contains("not a sling"));
    }

    #[test]
    fn every_problem_of_every_row_is_reported_at_once() {
        let items = items();
        let mut first = hoisted(&items);
        first.task.clear();
        first.adults = 9;
        let mut second = hoisted(&items);
        second.method = "b".repeat(250);
        assert_eq!(
            fields(vec![first, second], &items),
            [
                "handling[0].task",
                "handling[0].adults",
                "handling[1].method"
            ]
        );
    }

    #[test]
    fn a_review_date_with_a_mistyped_year_is_refused() {
        let items = items();
        let mut task = hoisted(&items);
        task.review_date = NaiveDate::from_ymd_opt(2062, 1, 1);
        assert_eq!(fields(vec![task], &items), ["handling[0].review_date"]);
    }

    #[test]
    fn more_than_twenty_tasks_are_refused_on_the_plan() {
        let tasks = (0..21)
            .map(|i| HandlingTask::new(format!("Task {i}")))
            .collect();
        assert_eq!(fields(tasks, &items()), ["handling"]);
    }

    #[test]
    fn loops_print_each_side_with_a_dash_for_a_blank() {
        let mut task = HandlingTask::new("Bath");
        task.loops.shoulder_left = "Green".into();
        task.loops.shoulder_right = "Green".into();
        task.loops.leg_left = "2nd".into();
        assert_eq!(
            task.loops_text(),
            "Shoulders Green left, Green right; legs 2nd left, – right"
        );
    }
}
