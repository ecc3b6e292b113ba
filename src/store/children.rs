//! Children: storage and the caseload search.

use crate::error::{Error, Result};
use crate::model::search_text::{fold, words};
use crate::model::{
    AboutMe, Child, ChildDetails, ChildId, Consent, DueKind, Ehcp, PhotoId, SettingId, nhs_number,
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
            home_address: row.get("home_address")?,
            home_postcode: row.get("home_postcode")?,
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
    write(conn, child, "INSERT INTO children (id, given_name, family_name, preferred_name, date_of_birth, nhs_number,
            setting_id, class_name, tier, ehcp_has_plan, ehcp_section_g, consent_given_by,
            consent_given_on, communication, what_helps, medical_alerts, home_address,
            home_postcode, photo_id, search_key, sort_key, created_at, updated_at)
         VALUES (:id, :given_name, :family_name, :preferred_name, :date_of_birth, :nhs_number,
            :setting_id, :class_name, :tier, :ehcp_has_plan, :ehcp_section_g, :consent_given_by,
            :consent_given_on, :communication, :what_helps, :medical_alerts, :home_address,
            :home_postcode, :photo_id, :search_key, :sort_key, :created_at, :updated_at)")?;
    Ok(())
}

/// Saves the editable details (not the photo, not the creation time).
pub fn update(conn: &Connection, child: &Child) -> Result<()> {
    let n = write(
        conn,
        child,
        "UPDATE children SET given_name = :given_name, family_name = :family_name,
            preferred_name = :preferred_name, date_of_birth = :date_of_birth,
            nhs_number = :nhs_number, setting_id = :setting_id, class_name = :class_name,
            tier = :tier, ehcp_has_plan = :ehcp_has_plan, ehcp_section_g = :ehcp_section_g,
            consent_given_by = :consent_given_by, consent_given_on = :consent_given_on,
            communication = :communication, what_helps = :what_helps,
            medical_alerts = :medical_alerts, home_address = :home_address,
            home_postcode = :home_postcode, search_key = :search_key, sort_key = :sort_key,
            updated_at = :updated_at
         WHERE id = :id",
    )?;
    if n == 0 {
        return Err(Error::not_found(ChildId::KIND, child.id));
    }
    Ok(())
}

/// Writes a child's row with `sql`; `:photo_id` and `:created_at` are bound only when the
/// statement names them (an update keeps both as they are).
fn write(conn: &Connection, c: &Child, sql: &str) -> Result<usize> {
    let d = &c.details;
    let consent_by = d.consent.as_ref().map(|c| &c.given_by);
    let consent_on = d.consent.as_ref().map(|c| c.given_on);
    let (search, sort) = (search_key(d), sort_key(d));
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
        (":home_address", &d.home_address),
        (":home_postcode", &d.home_postcode),
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
pub struct DueBadge {
    pub kind: DueKind,
    pub earliest: NaiveDate,
    pub overdue: bool,
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
    let mut sql = String::from(
        "SELECT c.id, c.given_name, c.family_name, c.preferred_name, c.date_of_birth,
                c.nhs_number, c.setting_id, c.class_name, c.photo_id,
                coalesce(s.name, '') AS setting_name
         FROM children c LEFT JOIN settings s ON s.id = c.setting_id WHERE 1 = 1",
    );
    let mut args: Vec<String> = Vec::new();
    if let Some(setting) = query.setting {
        args.push(setting.to_string());
        sql.push_str(&format!(" AND c.setting_id = ?{}", args.len()));
    }
    // A query that is all digits (spaces allowed) is an NHS number, or part of one.
    let digits: String = query.text.chars().filter(|c| !c.is_whitespace()).collect();
    if digits.len() >= 3 && digits.chars().all(|c| c.is_ascii_digit()) {
        args.push(format!("%{digits}%"));
        sql.push_str(&format!(" AND c.nhs_number LIKE ?{}", args.len()));
    } else {
        for word in words(query.text) {
            args.push(format!("%{}%", escape_like(&word)));
            let n = args.len();
            sql.push_str(&format!(
                " AND (c.search_key LIKE ?{n} ESCAPE '\\' OR s.search_key LIKE ?{n} ESCAPE '\\')"
            ));
        }
    }
    sql.push_str(&format!(
        " ORDER BY c.sort_key LIMIT {}",
        query.limit.saturating_add(1).min(i64::MAX as usize)
    ));
    let mut stmt = conn.prepare_cached(&sql)?;
    let mut rows = stmt.query(params_from_iter(args.iter()))?;
    let mut out = Vec::new();
    while let Some(row) = rows.next()? {
        let given: String = row.get("given_name")?;
        let family: String = row.get("family_name")?;
        let preferred: String = row.get("preferred_name")?;
        let mut details = ChildDetails::new(&given, &family, row.get("date_of_birth")?);
        details.preferred_name = preferred;
        out.push(ChildSummary {
            id: row.get("id")?,
            display_name: details.display_name(),
            date_of_birth: details.date_of_birth,
            nhs_number: nhs_number::display(&row.get::<_, String>("nhs_number")?),
            setting_id: row.get("setting_id")?,
            setting_name: row.get("setting_name")?,
            class_name: row.get("class_name")?,
            photo_id: row.get("photo_id")?,
            due: Vec::new(),
        });
    }
    let more = out.len() > query.limit;
    out.truncate(query.limit);
    Ok((out, more))
}

fn escape_like(word: &str) -> String {
    word.replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_")
}
