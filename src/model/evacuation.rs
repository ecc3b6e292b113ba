//! A child's personal emergency evacuation plan (PEEP) for their setting: how they leave the
//! building and where they assemble, what they are evacuated in, the adults named for each
//! session of the day, what to do if the alarm sounds while they are in the stander or on the
//! hoist, and when the plan is next reviewed (at least yearly).

use super::check::{Check, tidy};
use super::{ItemId, SettingId};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Longest route (how the child leaves the building), in characters.
pub const MAX_ROUTE: usize = 1_000;
/// Longest "if the alarm sounds while …" paragraph: a short paragraph, read in a hurry.
pub const MAX_IF_ALARM: usize = 600;
/// Longest equipment note (what else is used to evacuate).
pub const MAX_EQUIPMENT_NOTE: usize = 300;
/// Longest other notes.
pub const MAX_NOTES: usize = 1_000;
/// Longest session name ("After-school club").
pub const MAX_SESSION_NAME: usize = 60;
/// Longest adult's name, and longest role.
pub const MAX_PERSON: usize = 100;
/// The most sessions one plan names, and the most adults named for one session.
pub const MAX_SESSIONS: usize = 8;
pub const MAX_ADULTS_PER_SESSION: usize = 6;
/// How far ahead the review may be: a PEEP is reviewed at least yearly.
pub const REVIEW_WITHIN_MONTHS: u32 = 12;

/// One adult named to evacuate the child during a session, e.g. "Mrs Price, teaching assistant".
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct NamedAdult {
    pub name: String,
    #[serde(default)]
    pub role: String,
}

impl NamedAdult {
    /// How the adult is written beside a session: "Mrs Eirlys Price (Teaching assistant)", or
    /// the name alone when no role is given.
    pub fn name_and_role(&self) -> String {
        match self.role.as_str() {
            "" => self.name.clone(),
            role => format!("{} ({role})", self.name),
        }
    }
}

impl EvacuationSession {
    /// The session's adults, each as [`NamedAdult::name_and_role`], joined by `separator`.
    pub fn adults_joined(&self, separator: &str) -> String {
        let adults: Vec<String> = self.adults.iter().map(NamedAdult::name_and_role).collect();
        adults.join(separator)
    }
}

/// A part of the day ("Morning", "Lunch", "After-school club") and the adults named for it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct EvacuationSession {
    pub session: String,
    #[serde(default)]
    pub adults: Vec<NamedAdult>,
}

/// The plan for one child at one setting, as it is typed and as it is stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct EvacuationPlan {
    /// The setting the plan is for: the child's own.
    pub setting_id: SettingId,
    /// How the child leaves the building (exits, lifts not used, refuge points).
    #[serde(default)]
    pub route: String,
    /// Where the child is taken once out.
    #[serde(default)]
    pub assembly_point: String,
    /// The item the child is evacuated in or with (an evacuation chair, their wheelchair).
    #[serde(default)]
    pub equipment_id: Option<ItemId>,
    /// Anything else used to evacuate, in words.
    #[serde(default)]
    pub equipment_note: String,
    /// The adults named for each session, in the day's order.
    #[serde(default)]
    pub sessions: Vec<EvacuationSession>,
    /// What to do if the alarm sounds while the child is in the stander.
    #[serde(default)]
    pub if_in_stander: String,
    /// What to do if the alarm sounds while the child is on the hoist.
    #[serde(default)]
    pub if_on_hoist: String,
    #[serde(default)]
    pub notes: String,
    /// When the plan is next reviewed: required, and at most 12 months ahead.
    #[serde(default)]
    pub review_date: Option<NaiveDate>,
    /// Who agreed the plan, e.g. "Mrs Hughes (SENCO) with Ayesha's mother".
    #[serde(default)]
    pub agreed_by: String,
}

impl EvacuationPlan {
    /// An empty plan for a setting, to be filled in.
    pub fn new(setting_id: SettingId) -> Self {
        EvacuationPlan {
            setting_id,
            route: String::new(),
            assembly_point: String::new(),
            equipment_id: None,
            equipment_note: String::new(),
            sessions: Vec::new(),
            if_in_stander: String::new(),
            if_on_hoist: String::new(),
            notes: String::new(),
            review_date: None,
            agreed_by: String::new(),
        }
    }

    /// Every adult named, once each (the same adult may cover several sessions), in the
    /// order first named: who signs the plan.
    pub fn adults(&self) -> Vec<&NamedAdult> {
        let mut out: Vec<&NamedAdult> = Vec::new();
        for adult in self.sessions.iter().flat_map(|s| &s.adults) {
            if !out.iter().any(|a| a.name == adult.name) {
                out.push(adult);
            }
        }
        out
    }
}

/// What the plan is checked against: the child's setting and items, and today.
pub struct PlanFor<'a> {
    pub child_setting: Option<SettingId>,
    pub child_items: &'a [ItemId],
    pub today: NaiveDate,
    /// A plan read from a bundle may be overdue for review (it shows in the due list); one
    /// typed in may not.
    pub passed_review_kept: bool,
}

/// Tidies and checks a plan. Every problem is named by its field (`evacuation.review_date`,
/// `evacuation.sessions[1].adults[0].name`); any problem saves nothing. Adults left wholly
/// blank are dropped, and a session with neither a name nor an adult.
pub fn validated_plan(
    mut plan: EvacuationPlan,
    against: &PlanFor,
) -> crate::error::Result<EvacuationPlan> {
    let mut check = Check::new();
    tidy_plan(&mut plan);
    if against.child_setting != Some(plan.setting_id) {
        check.fail(
            "evacuation.setting_id",
            "that setting is not the child's: a plan is for the setting the child attends",
        );
    }
    long_text(&mut check, "route", "route", &plan.route, MAX_ROUTE);
    check.line(
        "evacuation.assembly_point",
        "assembly point",
        &plan.assembly_point,
    );
    if let Some(id) = plan.equipment_id
        && !against.child_items.contains(&id)
    {
        check.fail(
            "evacuation.equipment_id",
            "that equipment is not this child's: choose one of their items",
        );
    }
    long_text(
        &mut check,
        "equipment_note",
        "equipment note",
        &plan.equipment_note,
        MAX_EQUIPMENT_NOTE,
    );
    sessions(&mut check, &plan.sessions);
    for (field, label, value) in [
        (
            "if_in_stander",
            "what to do in the stander",
            &plan.if_in_stander,
        ),
        ("if_on_hoist", "what to do on the hoist", &plan.if_on_hoist),
    ] {
        long_text(&mut check, field, label, value, MAX_IF_ALARM);
    }
    long_text(&mut check, "notes", "notes", &plan.notes, MAX_NOTES);
    review_date(
        &mut check,
        plan.review_date,
        against.today,
        against.passed_review_kept,
    );
    check.line("evacuation.agreed_by", "agreed by", &plan.agreed_by);
    check.finish()?;
    Ok(plan)
}

fn tidy_plan(plan: &mut EvacuationPlan) {
    for s in [
        &mut plan.route,
        &mut plan.assembly_point,
        &mut plan.equipment_note,
        &mut plan.if_in_stander,
        &mut plan.if_on_hoist,
        &mut plan.notes,
        &mut plan.agreed_by,
    ] {
        tidy(s);
    }
    for session in &mut plan.sessions {
        tidy(&mut session.session);
        for adult in &mut session.adults {
            tidy(&mut adult.name);
            tidy(&mut adult.role);
        }
        session
            .adults
            .retain(|a| !(a.name.is_empty() && a.role.is_empty()));
    }
    plan.sessions
        .retain(|s| !(s.session.is_empty() && s.adults.is_empty()));
}

/// Free text of at most `max` characters (line breaks allowed).
fn long_text(check: &mut Check, field: &str, label: &str, value: &str, max: usize) {
    let field = format!("evacuation.{field}");
    let n = value.chars().count();
    if n > max {
        check.fail(
            field,
            format!("the {label} is too long ({n} characters): keep it to {max}"),
        );
    } else {
        check.plain(&field, label, value, true);
    }
}

/// A single line of at most `max` characters.
fn short_line(check: &mut Check, field: &str, label: &str, value: &str, max: usize) {
    let n = value.chars().count();
    if n > max {
        check.fail(
            field,
            format!("the {label} is too long ({n} characters): keep it to {max}"),
        );
    } else {
        check.line(field, label, value);
    }
}

fn sessions(check: &mut Check, sessions: &[EvacuationSession]) {
    if sessions.len() > MAX_SESSIONS {
        check.fail(
            "evacuation.sessions",
            format!(
                "there are {} sessions: a plan names at most {MAX_SESSIONS}",
                sessions.len()
            ),
        );
    }
    if sessions.iter().all(|s| s.adults.is_empty()) {
        check.fail(
            "evacuation.sessions",
            "name at least one adult who evacuates the child, with the session they cover",
        );
    }
    for (i, s) in sessions.iter().enumerate() {
        let at = |field: &str| format!("evacuation.sessions[{i}].{field}");
        if s.session.is_empty() {
            check.fail(
                at("session"),
                "enter the session, e.g. Morning, Lunch or After-school club",
            );
        } else {
            short_line(
                check,
                &at("session"),
                "session",
                &s.session,
                MAX_SESSION_NAME,
            );
        }
        if s.adults.len() > MAX_ADULTS_PER_SESSION {
            check.fail(
                at("adults"),
                format!(
                    "{} adults are named for this session: name at most {MAX_ADULTS_PER_SESSION}",
                    s.adults.len()
                ),
            );
        }
        for (j, a) in s.adults.iter().enumerate() {
            let name = at(&format!("adults[{j}].name"));
            if a.name.is_empty() {
                check.fail(name, "enter the adult's name");
            } else {
                short_line(check, &name, "adult's name", &a.name, MAX_PERSON);
            }
            short_line(
                check,
                &at(&format!("adults[{j}].role")),
                "role",
                &a.role,
                MAX_PERSON,
            );
        }
    }
}

fn review_date(check: &mut Check, date: Option<NaiveDate>, today: NaiveDate, passed_ok: bool) {
    let field = "evacuation.review_date";
    let latest = today
        .checked_add_months(chrono::Months::new(REVIEW_WITHIN_MONTHS))
        .unwrap_or(NaiveDate::MAX);
    match date {
        None => check.fail(field, "enter the date the plan is next reviewed"),
        Some(d) if d < today && !passed_ok => check.fail(
            field,
            "the review date has passed: review the plan and enter the next review date",
        ),
        Some(d) if d > latest => check.fail(
            field,
            format!(
                "the review date is more than {REVIEW_WITHIN_MONTHS} months away: a plan is reviewed at least yearly (by {})",
                latest.format("%-d %B %Y")
            ),
        ),
        Some(_) => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
    }

    struct Child {
        setting: SettingId,
        chair: ItemId,
        items: Vec<ItemId>,
    }

    fn child() -> Child {
        let chair = ItemId::new();
        Child {
            setting: SettingId::new(),
            chair,
            items: vec![chair, ItemId::new()],
        }
    }

    fn adult(name: &str, role: &str) -> NamedAdult {
        NamedAdult {
            name: name.into(),
            role: role.into(),
        }
    }

    fn good(c: &Child) -> EvacuationPlan {
        EvacuationPlan {
            route: "Out through the hall fire door; ramp to the playground".into(),
            assembly_point: "Top playground, by the gate".into(),
            equipment_id: Some(c.chair),
            sessions: vec![EvacuationSession {
                session: "Morning".into(),
                adults: vec![adult("Mrs Price", "Teaching assistant")],
            }],
            if_in_stander: "Release the straps and lift out with two adults.".into(),
            if_on_hoist: "Lower to the bed, then move to the chair.".into(),
            review_date: NaiveDate::from_ymd_opt(2027, 9, 1),
            agreed_by: "Mrs Hughes (SENCO) and Mrs Begum".into(),
            ..EvacuationPlan::new(c.setting)
        }
    }

    fn check(plan: EvacuationPlan, c: &Child) -> crate::error::Result<EvacuationPlan> {
        validated_plan(
            plan,
            &PlanFor {
                child_setting: Some(c.setting),
                child_items: &c.items,
                today: today(),
                passed_review_kept: false,
            },
        )
    }

    fn fields(plan: EvacuationPlan, c: &Child) -> Vec<String> {
        check(plan, c)
            .unwrap_err()
            .fields()
            .iter()
            .map(|f| f.field.clone())
            .collect()
    }

    #[test]
    fn a_full_plan_is_kept_tidied() {
        let c = child();
        let mut plan = good(&c);
        plan.route = "  Hall fire door  ".into();
        plan.sessions.push(EvacuationSession {
            session: " Lunch ".into(),
            adults: vec![adult(" Mr Evans ", "Midday supervisor"), adult(" ", " ")],
        });
        plan.sessions.push(EvacuationSession::default());
        let kept = check(plan, &c).unwrap();
        assert_eq!(kept.route, "Hall fire door");
        assert_eq!(kept.sessions.len(), 2, "the blank session is dropped");
        assert_eq!(kept.sessions[1].session, "Lunch");
        assert_eq!(
            kept.sessions[1].adults,
            [adult("Mr Evans", "Midday supervisor")]
        );
    }

    #[test]
    fn a_plan_with_no_adult_named_is_refused_on_the_sessions() {
        let c = child();
        let mut plan = good(&c);
        plan.sessions = vec![EvacuationSession {
            session: "Morning".into(),
            adults: vec![],
        }];
        let err = check(plan.clone(), &c).unwrap_err();
        assert_eq!(err.fields()[0].field, "evacuation.sessions");
        assert!(err.fields()[0].message.contains("at least one adult"));
        plan.sessions.clear();
        assert_eq!(fields(plan, &c), ["evacuation.sessions"]);
    }

    #[test]
    fn an_adult_with_a_role_but_no_name_is_refused_on_the_name() {
        let c = child();
        let mut plan = good(&c);
        plan.sessions[0].adults.push(adult("", "Teacher"));
        assert_eq!(fields(plan, &c), ["evacuation.sessions[0].adults[1].name"]);
    }

    #[test]
    fn adults_without_a_session_name_are_refused_on_the_session() {
        let c = child();
        let mut plan = good(&c);
        plan.sessions[0].session.clear();
        assert_eq!(fields(plan, &c), ["evacuation.sessions[0].session"]);
    }

    #[test]
    fn the_review_date_is_required() {
        let c = child();
        let mut plan = good(&c);
        plan.review_date = None;
        assert_eq!(fields(plan, &c), ["evacuation.review_date"]);
    }

    #[test]
    fn a_review_date_in_the_past_is_refused_and_today_is_kept() {
        let c = child();
        let mut plan = good(&c);
        plan.review_date = today().pred_opt();
        let err = check(plan.clone(), &c).unwrap_err();
        assert_eq!(err.fields()[0].field, "evacuation.review_date");
        assert!(err.fields()[0].message.contains("has passed"));
        plan.review_date = Some(today());
        assert!(check(plan, &c).is_ok());
    }

    #[test]
    fn a_review_date_more_than_twelve_months_ahead_is_refused() {
        let c = child();
        let mut plan = good(&c);
        plan.review_date = NaiveDate::from_ymd_opt(2027, 11, 22);
        assert!(check(plan.clone(), &c).is_ok(), "twelve months to the day");
        plan.review_date = NaiveDate::from_ymd_opt(2027, 11, 23);
        let err = check(plan, &c).unwrap_err();
        assert_eq!(err.fields()[0].field, "evacuation.review_date");
        assert!(
            err.fields()[0].message.contains("22 November 2027"),
            "{}",
            err.fields()[0].message
        );
    }

    #[test]
    fn a_setting_that_is_not_the_childs_is_refused() {
        let c = child();
        let mut plan = good(&c);
        plan.setting_id = SettingId::new();
        assert_eq!(fields(plan, &c), ["evacuation.setting_id"]);
    }

    #[test]
    fn equipment_that_is_not_the_childs_is_refused() {
        let c = child();
        let mut plan = good(&c);
        plan.equipment_id = Some(ItemId::new());
        assert_eq!(fields(plan, &c), ["evacuation.equipment_id"]);
    }

    #[test]
    fn over_long_fields_are_refused_each_by_its_limit() {
        let c = child();
        let mut plan = good(&c);
        plan.route = "r".repeat(MAX_ROUTE + 1);
        plan.assembly_point = "a".repeat(201);
        plan.equipment_note = "e".repeat(MAX_EQUIPMENT_NOTE + 1);
        plan.sessions[0].session = "s".repeat(MAX_SESSION_NAME + 1);
        plan.sessions[0].adults[0].name = "n".repeat(MAX_PERSON + 1);
        plan.sessions[0].adults[0].role = "o".repeat(MAX_PERSON + 1);
        plan.if_in_stander = "x".repeat(MAX_IF_ALARM + 1);
        plan.if_on_hoist = "y".repeat(MAX_IF_ALARM + 1);
        plan.notes = "z".repeat(MAX_NOTES + 1);
        plan.agreed_by = "b".repeat(201);
        assert_eq!(
            fields(plan, &c),
            [
                "evacuation.route",
                "evacuation.assembly_point",
                "evacuation.equipment_note",
                "evacuation.sessions[0].session",
                "evacuation.sessions[0].adults[0].name",
                "evacuation.sessions[0].adults[0].role",
                "evacuation.if_in_stander",
                "evacuation.if_on_hoist",
                "evacuation.notes",
                "evacuation.agreed_by",
            ]
        );
    }

    #[test]
    fn too_many_sessions_or_adults_are_refused() {
        let c = child();
        let mut plan = good(&c);
        plan.sessions[0].adults = (0..7).map(|i| adult(&format!("Adult {i}"), "")).collect();
        assert_eq!(fields(plan.clone(), &c), ["evacuation.sessions[0].adults"]);
        plan.sessions = (0..9)
            .map(|i| EvacuationSession {
                session: format!("Session {i}"),
                adults: vec![adult("Mrs Price", "")],
            })
            .collect();
        assert_eq!(fields(plan, &c), ["evacuation.sessions"]);
    }

    #[test]
    fn the_adults_who_sign_are_each_named_once() {
        let c = child();
        let mut plan = good(&c);
        plan.sessions.push(EvacuationSession {
            session: "Afternoon".into(),
            adults: vec![adult("Mr Evans", "Teacher"), adult("Mrs Price", "TA")],
        });
        let names: Vec<&str> = plan.adults().iter().map(|a| a.name.as_str()).collect();
        assert_eq!(names, ["Mrs Price", "Mr Evans"]);
    }
}
