//! Children: storage and the caseload search.

use super::sql::{from_json, json};
use crate::error::{Error, Result};
use crate::model::search_text::{fold, words};
use crate::model::{
    AboutMe, Child, ChildDetails, ChildId, Consent, DueKind, Ehcp, KeyStatements, PhotoId,
    SettingId, nhs_number,
};
use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Row, ToSql, params_from_iter};
use serde::Serialize;

fn from_row(row: &Row<'_>) -> rusqlite::Result<Child> {
    let consent = match (
        row.get::<_, Option<String>>("consent_given_by")?,
        row.get::<_, Option<NaiveDate>>("consent_given_on")?,
    ) {
        (Some(given_by), Some(given_on)) => Some(Consent { given_by, given_on }),
        _ => None,
    };
    Ok(Child {
        id: row.get("id")?,
        details: ChildDetails {
            given_name: row.get("given_name")?,
            family_name: row.get("family_name")?,
            preferred_name: row.get("preferred_name")?,
            date_of_birth: row.get("date_of_birth")?,
            nhs_number: row.get("nhs_number")?,
            setting_id: row.get("setting_id")?,
            class_name: row.get("class_name")?,
            tier: row.get("tier")?,
            ehcp: Ehcp {
                has_plan: row.get("ehcp_has_plan")?,
                section_g: row.get("ehcp_section_g")?,
            },
            consent,
            about_me: AboutMe {
                communication: row.get("communication")?,
                what_helps: row.get("what_helps")?,
                medical_alerts: row.get("medical_alerts")?,
            },
            key_statements: KeyStatements {
                red: from_json(row, "key_statements_red")?,
                amber: from_json(row, "key_statements_amber")?,
                green: from_json(row, "key_statements_green")?,
            },
            home_address: row.get("home_address")?,
            home_postcode: row.get("home_postcode")?,
            // Written only from the enum's own codes; anything else reads as not set.
            language: row
                .get::<_, Option<String>>("language")?
                .and_then(|code| code.parse().ok()),
        },
        photo_id: row.get("photo_id")?,
        created_at: row.get("created_at")?,
        updated_at: row.get("updated_at")?,
    })
}

/// The folded text a search matches against.
fn search_key(d: &ChildDetails) -> String {
    fold(&format!(
        "{} {} {}",
        d.given_name, d.family_name, d.preferred_name
    ))
}

/// Family name first, so lists read like a register.
fn sort_key(d: &ChildDetails) -> String {
    fold(&format!("{} {}", d.family_name, d.given_name))
}

pub fn insert(conn: &Connection, child: &Child) -> Result<()> {
    check_nhs_number_free(conn, child)?;
    write_checked(conn, child, "INSERT INTO children (id, given_name, family_name, preferred_name, date_of_birth, nhs_number,
            setting_id, class_name, tier, ehcp_has_plan, ehcp_section_g, consent_given_by,
            consent_given_on, communication, what_helps, medical_alerts, key_statements_red,
            key_statements_amber, key_statements_green, home_address, home_postcode, language,
            photo_id, search_key, sort_key, created_at, updated_at)
         VALUES (:id, :given_name, :family_name, :preferred_name, :date_of_birth, :nhs_number,
            :setting_id, :class_name, :tier, :ehcp_has_plan, :ehcp_section_g, :consent_given_by,
            :consent_given_on, :communication, :what_helps, :medical_alerts, :key_statements_red,
            :key_statements_amber, :key_statements_green, :home_address, :home_postcode,
            :language, :photo_id, :search_key, :sort_key, :created_at, :updated_at)")?;
    Ok(())
}

/// Saves the editable details (not the photo, not the creation time).
/// Also refreshes the copies of the child's names kept on the due list.
pub fn update(conn: &Connection, child: &Child) -> Result<()> {
    check_nhs_number_free(conn, child)?;
    let n = write_checked(
        conn,
        child,
        "UPDATE children SET given_name = :given_name, family_name = :family_name,
            preferred_name = :preferred_name, date_of_birth = :date_of_birth,
            nhs_number = :nhs_number, setting_id = :setting_id, class_name = :class_name,
            tier = :tier, ehcp_has_plan = :ehcp_has_plan, ehcp_section_g = :ehcp_section_g,
            consent_given_by = :consent_given_by, consent_given_on = :consent_given_on,
            communication = :communication, what_helps = :what_helps,
            medical_alerts = :medical_alerts, key_statements_red = :key_statements_red,
            key_statements_amber = :key_statements_amber,
            key_statements_green = :key_statements_green, home_address = :home_address,
            home_postcode = :home_postcode, language = :language, search_key = :search_key,
            sort_key = :sort_key,
            updated_at = :updated_at
         WHERE id = :id",
    )?;
    if n == 0 {
        return Err(Error::not_found(ChildId::KIND, child.id));
    }
    super::due::refresh_child(conn, child.id)
}

/// The children other than `except` holding this NHS number, oldest first. More than one
/// only on a caseload written before schema version 6, which did not refuse a second.
pub fn holding_nhs_number(
    conn: &Connection,
    nhs_number: &str,
    except: Option<ChildId>,
) -> Result<Vec<ChildId>> {
    if nhs_number.is_empty() {
        return Ok(Vec::new());
    }
    // `nhs_number <> ''` lets SQLite use the partial index children_by_nhs_number.
    let mut stmt = conn.prepare_cached(
        "SELECT id FROM children WHERE nhs_number = ?1 AND nhs_number <> '' AND id IS NOT ?2
         ORDER BY created_at, id",
    )?;
    let ids = stmt.query_map(rusqlite::params![nhs_number, except], |r| r.get(0))?;
    Ok(ids.collect::<rusqlite::Result<_>>()?)
}

/// Groups of children sharing an NHS number, each group oldest first: what a caseload
/// written before schema version 6 may hold, for `db check` to report.
pub fn shared_nhs_numbers(conn: &Connection) -> Result<Vec<Vec<ChildId>>> {
    let mut stmt = conn.prepare(
        "SELECT nhs_number, id FROM children WHERE nhs_number IN (
            SELECT nhs_number FROM children WHERE nhs_number <> ''
            GROUP BY nhs_number HAVING count(*) > 1)
         ORDER BY nhs_number, created_at, id",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((r.get::<_, String>(0)?, r.get::<_, ChildId>(1)?))
    })?;
    let mut groups: Vec<(String, Vec<ChildId>)> = Vec::new();
    for row in rows {
        let (nhs, id) = row?;
        match groups.last_mut() {
            Some((last, ids)) if *last == nhs => ids.push(id),
            _ => groups.push((nhs, vec![id])),
        }
    }
    Ok(groups.into_iter().map(|(_, ids)| ids).collect())
}

/// An NHS number identifies one person: a second child may not take one already held.
/// The database refuses it too (migration 0006), for two writers racing; this check comes
/// first so the message can name the child who holds it (by id, never by name).
pub fn check_nhs_number_free(conn: &Connection, child: &Child) -> Result<()> {
    let nhs = &child.details.nhs_number;
    if nhs.is_empty() {
        return Ok(());
    }
    // A caseload from before the rule may already hold two children with one number: they
    // stay editable as long as the number is not changed to one another child holds.
    let unchanged = conn
        .prepare_cached("SELECT 1 FROM children WHERE id = ?1 AND nhs_number = ?2")?
        .exists(rusqlite::params![child.id, nhs])?;
    if unchanged {
        return Ok(());
    }
    match holding_nhs_number(conn, nhs, Some(child.id))?.first() {
        Some(holder) => Err(nhs_number_taken(*holder)),
        None => Ok(()),
    }
}

fn nhs_number_taken(holder: ChildId) -> Error {
    Error::invalid(
        "nhs_number",
        format!(
            "child {holder} already has this NHS number: an NHS number belongs to one child, so check the number or open that child's record"
        ),
    )
}

/// [`write`], turning the database's own refusal of a shared NHS number (the triggers of
/// migration 0006, reached only when another writer took the number after our check) into
/// the same message as the check's.
fn write_checked(conn: &Connection, child: &Child, sql: &str) -> Result<usize> {
    match write(conn, child, sql) {
        Err(Error::Storage(rusqlite::Error::SqliteFailure(f, Some(message))))
            if f.code == rusqlite::ErrorCode::ConstraintViolation
                && message.contains("NHS number") =>
        {
            let holder = holding_nhs_number(conn, &child.details.nhs_number, Some(child.id))?;
            Err(match holder.first() {
                Some(holder) => nhs_number_taken(*holder),
                None => Error::Conflict(message),
            })
        }
        other => other,
    }
}

/// Writes a child's row with `sql`; `:photo_id` and `:created_at` are bound only when the
/// statement names them (an update keeps both as they are).
fn write(conn: &Connection, c: &Child, sql: &str) -> Result<usize> {
    let d = &c.details;
    let consent_by = d.consent.as_ref().map(|c| &c.given_by);
    let consent_on = d.consent.as_ref().map(|c| c.given_on);
    let (search, sort) = (search_key(d), sort_key(d));
    // One JSON list per colour (see migration 0007 for why).
    let key = &d.key_statements;
    let (red, amber, green) = (json(&key.red), json(&key.amber), json(&key.green));
    let language = d.language.map(|l| l.code());
    let mut params: Vec<(&str, &dyn ToSql)> = vec![
        (":id", &c.id),
        (":given_name", &d.given_name),
        (":family_name", &d.family_name),
        (":preferred_name", &d.preferred_name),
        (":date_of_birth", &d.date_of_birth),
        (":nhs_number", &d.nhs_number),
        (":setting_id", &d.setting_id),
        (":class_name", &d.class_name),
        (":tier", &d.tier),
        (":ehcp_has_plan", &d.ehcp.has_plan),
        (":ehcp_section_g", &d.ehcp.section_g),
        (":consent_given_by", &consent_by),
        (":consent_given_on", &consent_on),
        (":communication", &d.about_me.communication),
        (":what_helps", &d.about_me.what_helps),
        (":medical_alerts", &d.about_me.medical_alerts),
        (":key_statements_red", &red),
        (":key_statements_amber", &amber),
        (":key_statements_green", &green),
        (":home_address", &d.home_address),
        (":home_postcode", &d.home_postcode),
        (":language", &language),
        (":search_key", &search),
        (":sort_key", &sort),
        (":updated_at", &c.updated_at),
    ];
    if sql.contains(":created_at") {
        params.push((":photo_id", &c.photo_id));
        params.push((":created_at", &c.created_at));
    }
    Ok(conn.prepare_cached(sql)?.execute(params.as_slice())?)
}

pub fn set_photo(conn: &Connection, id: ChildId, photo: Option<PhotoId>) -> Result<()> {
    let n = conn.execute(
        "UPDATE children SET photo_id = ?2 WHERE id = ?1",
        rusqlite::params![id, photo],
    )?;
    if n == 0 {
        return Err(Error::not_found(ChildId::KIND, id));
    }
    Ok(())
}

pub fn get(conn: &Connection, id: ChildId) -> Result<Child> {
    conn.prepare_cached("SELECT * FROM children WHERE id = ?1")?
        .query_row([id], from_row)
        .optional()?
        .ok_or_else(|| Error::not_found(ChildId::KIND, id))
}

pub fn exists(conn: &Connection, id: ChildId) -> Result<bool> {
    Ok(conn
        .prepare_cached("SELECT 1 FROM children WHERE id = ?1")?
        .exists([id])?)
}

pub fn delete(conn: &Connection, id: ChildId) -> Result<()> {
    // The child's photo points at a photo that points back at the child: clear the first link
    // so the cascade can remove both.
    conn.execute("UPDATE children SET photo_id = NULL WHERE id = ?1", [id])?;
    let n = conn.execute("DELETE FROM children WHERE id = ?1", [id])?;
    if n == 0 {
        return Err(Error::not_found(ChildId::KIND, id));
    }
    Ok(())
}

pub fn in_setting(conn: &Connection, setting: SettingId) -> Result<Vec<Child>> {
    let mut stmt =
        conn.prepare_cached("SELECT * FROM children WHERE setting_id = ?1 ORDER BY sort_key")?;
    let rows = stmt.query_map([setting], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn count(conn: &Connection) -> Result<usize> {
    Ok(super::sql::count(
        conn,
        "SELECT count(*) FROM children",
        [],
    )?)
}

/// One line of the caseload.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ChildSummary {
    pub id: ChildId,
    pub display_name: String,
    pub date_of_birth: NaiveDate,
    /// Shown 3-3-4, or empty.
    pub nhs_number: String,
    pub setting_id: Option<SettingId>,
    pub setting_name: String,
    pub class_name: String,
    pub photo_id: Option<PhotoId>,
    /// What is overdue or due soon for the child's equipment (filled in by the api).
    pub due: Vec<DueBadge>,
}

/// A badge on a caseload line: the earliest date something of this kind falls due.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct DueBadge {
    pub kind: DueKind,
    pub earliest: NaiveDate,
    pub overdue: bool,
    /// The badge's words: "Overdue LOLER", "Service due".
    pub text: String,
}

/// What to look for in the caseload.
#[derive(Debug, Clone, Default)]
pub struct ChildSearch<'a> {
    /// Names, preferred names, NHS number or setting name; empty lists everyone.
    pub text: &'a str,
    pub setting: Option<SettingId>,
    pub limit: usize,
}

/// Finds children whose names, NHS number or setting match every word typed, ignoring case
/// and accents, in register order. Returns at most `limit` and whether there were more.
pub fn search(conn: &Connection, query: &ChildSearch<'_>) -> Result<(Vec<ChildSummary>, bool)> {
    let mut conditions = String::new();
    let mut args: Vec<String> = Vec::new();
    let arg = |args: &mut Vec<String>, value: String| {
        args.push(value);
        format!("?{}", args.len())
    };
    if let Some(setting) = query.setting {
        conditions.push_str(&format!(
            " AND c.setting_id = {}",
            arg(&mut args, setting.to_string())
        ));
    }
    // A query that is all digits (spaces allowed) is an NHS number, or part of one.
    let digits: String = query.text.chars().filter(|c| !c.is_whitespace()).collect();
    if digits.len() >= 3 && digits.chars().all(|c| c.is_ascii_digit()) {
        conditions.push_str(&format!(
            " AND c.nhs_number LIKE {}",
            arg(&mut args, format!("%{digits}%"))
        ));
    } else {
        for word in words(query.text) {
            let pattern = format!("%{}%", escape_like(&word));
            // A word may name a setting instead: there are few settings, so find those first
            // and match their children by id rather than joining every child to its setting.
            let settings = settings_matching(conn, &pattern)?;
            let name = arg(&mut args, pattern);
            let mut test = format!("c.search_key LIKE {name} ESCAPE '\\'");
            if !settings.is_empty() {
                let ids: Vec<String> = settings.into_iter().map(|s| arg(&mut args, s)).collect();
                test = format!("({test} OR c.setting_id IN ({}))", ids.join(", "));
            }
            conditions.push_str(&format!(" AND {test}"));
        }
    }
    let limit = query.limit.saturating_add(1).min(i64::MAX as usize);
    let sql = format!(
        "SELECT c.id, c.given_name, c.family_name, c.preferred_name, c.date_of_birth,
                c.nhs_number, c.setting_id, c.class_name, c.photo_id,
                coalesce(s.name, '') AS setting_name
         FROM (SELECT c.rowid AS r FROM children c WHERE 1 = 1{conditions}
               ORDER BY c.sort_key LIMIT {limit}) m
         JOIN children c ON c.rowid = m.r
         LEFT JOIN settings s ON s.id = c.setting_id
         ORDER BY c.sort_key"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let mut rows = stmt.query(params_from_iter(args.iter()))?;
    let mut out = Vec::new();
    while let Some(row) = rows.next()? {
        let given: String = row.get(1)?;
        let family: String = row.get(2)?;
        let preferred: String = row.get(3)?;
        out.push(ChildSummary {
            id: row.get(0)?,
            display_name: ChildDetails::display_name_of(&given, &family, &preferred),
            date_of_birth: row.get(4)?,
            nhs_number: nhs_number::display(&row.get::<_, String>(5)?),
            setting_id: row.get(6)?,
            setting_name: row.get(9)?,
            class_name: row.get(7)?,
            photo_id: row.get(8)?,
            due: Vec::new(),
        });
    }
    let more = out.len() > query.limit;
    out.truncate(query.limit);
    Ok((out, more))
}

fn settings_matching(conn: &Connection, pattern: &str) -> Result<Vec<String>> {
    let mut stmt =
        conn.prepare_cached("SELECT id FROM settings WHERE search_key LIKE ?1 ESCAPE '\\'")?;
    let ids = stmt.query_map([pattern], |r| r.get::<_, String>(0))?;
    Ok(ids.collect::<rusqlite::Result<_>>()?)
}

fn escape_like(word: &str) -> String {
    word.replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_")
}
