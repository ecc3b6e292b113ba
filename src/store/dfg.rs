//! DFG cases: the case row, its stages in the order recorded (with adaptations, quotes and
//! funding beside them) and its append-only notes. A case is always read whole.

use crate::error::{Error, Result};
use crate::model::dfg::{
    Adaptation, CaseNote, DfgCase, DfgCaseDetails, FundingSplit, Stage, StageEntry, StageRecord,
};
use crate::model::{ChildId, DfgCaseId, DfgStageId};
use chrono::{DateTime, Utc};
use rusqlite::{Connection, Row, ToSql, named_params, params};
use std::collections::HashMap;

/// Which cases to read.
#[derive(Debug, Clone, Copy)]
pub enum Which {
    All,
    One(DfgCaseId),
    OfChild(ChildId),
    /// Cases whose statutory clocks may be running: applied for, not withdrawn or closed.
    Running,
}

impl Which {
    /// The condition on `dfg_cases c`, and its one parameter.
    fn filter(&self) -> (&'static str, Option<String>) {
        match self {
            Which::All => ("1 = 1", None),
            Which::One(id) => ("c.id = ?1", Some(id.to_string())),
            Which::OfChild(child) => ("c.child_id = ?1", Some(child.to_string())),
            Which::Running => (
                "EXISTS (SELECT 1 FROM dfg_stages s WHERE s.case_id = c.id AND s.stage = 'application')
                 AND NOT EXISTS (SELECT 1 FROM dfg_stages s WHERE s.case_id = c.id
                                 AND s.stage IN ('withdrawn', 'closed'))",
                None,
            ),
        }
    }
}

fn case_from_row(row: &Row<'_>) -> rusqlite::Result<DfgCase> {
    Ok(DfgCase {
        id: row.get("id")?,
        child_id: row.get("child_id")?,
        details: DfgCaseDetails {
            property_address: row.get("property_address")?,
            postcode: row.get("postcode")?,
            tenure: row.get("tenure")?,
            jurisdiction: row.get("jurisdiction")?,
            council: row.get("council")?,
            agency: row.get("agency")?,
            applicant: row.get("applicant")?,
        },
        stages: Vec::new(),
        notes: Vec::new(),
        opened_at: row.get("opened_at")?,
        updated_at: row.get("updated_at")?,
    })
}

fn stage_from_row(row: &Row<'_>) -> rusqlite::Result<(DfgCaseId, StageRecord)> {
    let stage: Stage = row.get("stage")?;
    let funding = match row.get::<_, Option<i64>>("mandatory_pence")? {
        Some(mandatory_pence) => Some(FundingSplit {
            mandatory_pence,
            discretionary_pence: row.get("discretionary_pence")?,
            family_pence: row.get("family_pence")?,
            other_pence: row.get("other_pence")?,
            other_source: row.get("other_source")?,
        }),
        None => None,
    };
    let amount_pence = match stage {
        Stage::Quote => row.get("quote_amount")?,
        _ => row.get("amount_pence")?,
    };
    Ok((
        row.get("case_id")?,
        StageRecord {
            id: row.get("id")?,
            entry: StageEntry {
                stage,
                date: row.get("date")?,
                recorded_by: row.get("recorded_by")?,
                amount_pence,
                contractor: row
                    .get::<_, Option<String>>("contractor")?
                    .unwrap_or_default(),
                chosen: row.get::<_, Option<bool>>("chosen")?.unwrap_or(false),
                adaptations: Vec::new(),
                funding,
                notes: row.get("notes")?,
            },
            recorded_at: row.get("recorded_at")?,
        },
    ))
}

/// Reads cases whole, in the order they were opened, with four queries however many there are.
pub fn read(conn: &Connection, which: Which) -> Result<Vec<DfgCase>> {
    let (filter, arg) = which.filter();
    let args: Vec<&dyn ToSql> = match &arg {
        Some(a) => vec![a],
        None => Vec::new(),
    };
    let mut cases: Vec<DfgCase> = conn
        .prepare_cached(&format!(
            "SELECT c.* FROM dfg_cases c WHERE {filter} ORDER BY c.opened_at, c.id"
        ))?
        .query_map(args.as_slice(), case_from_row)?
        .collect::<rusqlite::Result<_>>()?;
    if cases.is_empty() {
        return Ok(cases);
    }
    let index: HashMap<DfgCaseId, usize> =
        cases.iter().enumerate().map(|(i, c)| (c.id, i)).collect();

    let mut stage_at: HashMap<DfgStageId, (usize, usize)> = HashMap::new();
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT s.*, q.contractor, q.amount_pence AS quote_amount, q.chosen,
                f.mandatory_pence, f.discretionary_pence, f.family_pence, f.other_pence,
                f.other_source
         FROM dfg_cases c JOIN dfg_stages s ON s.case_id = c.id
         LEFT JOIN dfg_quotes q ON q.stage_id = s.id
         LEFT JOIN dfg_funding f ON f.stage_id = s.id
         WHERE {filter} ORDER BY s.case_id, s.position"
    ))?;
    for row in stmt.query_map(args.as_slice(), stage_from_row)? {
        let (case_id, stage) = row?;
        if let Some(&i) = index.get(&case_id) {
            stage_at.insert(stage.id, (i, cases[i].stages.len()));
            cases[i].stages.push(stage);
        }
    }

    let mut stmt = conn.prepare_cached(&format!(
        "SELECT a.* FROM dfg_cases c JOIN dfg_stages s ON s.case_id = c.id
         JOIN dfg_adaptations a ON a.stage_id = s.id
         WHERE {filter} ORDER BY a.stage_id, a.position"
    ))?;
    let rows = stmt.query_map(args.as_slice(), |r| {
        Ok((
            r.get::<_, DfgStageId>("stage_id")?,
            Adaptation {
                kind: r.get("kind")?,
                description: r.get("description")?,
                estimated_cost_pence: r.get("estimated_cost_pence")?,
            },
        ))
    })?;
    for row in rows {
        let (stage, adaptation) = row?;
        if let Some(&(c, s)) = stage_at.get(&stage) {
            cases[c].stages[s].entry.adaptations.push(adaptation);
        }
    }

    let mut stmt = conn.prepare_cached(&format!(
        "SELECT n.* FROM dfg_cases c JOIN dfg_notes n ON n.case_id = c.id
         WHERE {filter} ORDER BY n.case_id, n.written_at, n.rowid"
    ))?;
    let rows = stmt.query_map(args.as_slice(), |r| {
        Ok((
            r.get::<_, DfgCaseId>("case_id")?,
            CaseNote {
                id: r.get("id")?,
                author: r.get("author")?,
                written_at: r.get("written_at")?,
                text: r.get("text")?,
            },
        ))
    })?;
    for row in rows {
        let (case_id, note) = row?;
        if let Some(&i) = index.get(&case_id) {
            cases[i].notes.push(note);
        }
    }
    Ok(cases)
}

pub fn get(conn: &Connection, id: DfgCaseId) -> Result<DfgCase> {
    read(conn, Which::One(id))?
        .pop()
        .ok_or_else(|| Error::not_found(DfgCaseId::KIND, id))
}

pub fn exists(conn: &Connection, id: DfgCaseId) -> Result<bool> {
    Ok(conn
        .prepare_cached("SELECT 1 FROM dfg_cases WHERE id = ?1")?
        .exists([id])?)
}

/// Adds a new case (its stages and notes are added one by one afterwards).
pub fn insert(conn: &Connection, case: &DfgCase) -> Result<()> {
    let d = &case.details;
    conn.prepare_cached(
        "INSERT INTO dfg_cases (id, child_id, property_address, postcode, tenure, jurisdiction,
             council, agency, applicant, opened_at, updated_at)
         VALUES (:id, :child_id, :property_address, :postcode, :tenure, :jurisdiction,
             :council, :agency, :applicant, :opened_at, :updated_at)",
    )?
    .execute(named_params! {
        ":id": case.id,
        ":child_id": case.child_id,
        ":property_address": d.property_address,
        ":postcode": d.postcode,
        ":tenure": d.tenure,
        ":jurisdiction": d.jurisdiction,
        ":council": d.council,
        ":agency": d.agency,
        ":applicant": d.applicant,
        ":opened_at": case.opened_at,
        ":updated_at": case.updated_at,
    })?;
    Ok(())
}

pub fn update(
    conn: &Connection,
    id: DfgCaseId,
    d: &DfgCaseDetails,
    at: DateTime<Utc>,
) -> Result<()> {
    let n = conn
        .prepare_cached(
            "UPDATE dfg_cases SET property_address = :property_address, postcode = :postcode,
                 tenure = :tenure, jurisdiction = :jurisdiction, council = :council,
                 agency = :agency, applicant = :applicant, updated_at = :updated_at
             WHERE id = :id",
        )?
        .execute(named_params! {
            ":id": id,
            ":property_address": d.property_address,
            ":postcode": d.postcode,
            ":tenure": d.tenure,
            ":jurisdiction": d.jurisdiction,
            ":council": d.council,
            ":agency": d.agency,
            ":applicant": d.applicant,
            ":updated_at": at,
        })?;
    if n == 0 {
        return Err(Error::not_found(DfgCaseId::KIND, id));
    }
    Ok(())
}

fn touch(conn: &Connection, id: DfgCaseId, at: DateTime<Utc>) -> Result<()> {
    conn.prepare_cached("UPDATE dfg_cases SET updated_at = ?2 WHERE id = ?1")?
        .execute(params![id, at])?;
    Ok(())
}

/// Appends a stage with its parts, after the case's last one. Several rows: call it inside a
/// transaction.
pub fn insert_stage(conn: &Connection, case: DfgCaseId, record: &StageRecord) -> Result<()> {
    let e = &record.entry;
    let position: i64 = conn
        .prepare_cached("SELECT coalesce(max(position), 0) + 1 FROM dfg_stages WHERE case_id = ?1")?
        .query_row([case], |r| r.get(0))?;
    let amount = if e.stage == Stage::Quote {
        None
    } else {
        e.amount_pence
    };
    conn.prepare_cached(
        "INSERT INTO dfg_stages (id, case_id, position, stage, date, recorded_by, amount_pence,
             notes, recorded_at)
         VALUES (:id, :case_id, :position, :stage, :date, :recorded_by, :amount_pence, :notes,
             :recorded_at)",
    )?
    .execute(named_params! {
        ":id": record.id,
        ":case_id": case,
        ":position": position,
        ":stage": e.stage,
        ":date": e.date,
        ":recorded_by": e.recorded_by,
        ":amount_pence": amount,
        ":notes": e.notes,
        ":recorded_at": record.recorded_at,
    })?;
    for (i, a) in e.adaptations.iter().enumerate() {
        conn.prepare_cached(
            "INSERT INTO dfg_adaptations (stage_id, position, kind, description, estimated_cost_pence)
             VALUES (?1, ?2, ?3, ?4, ?5)",
        )?
        .execute(params![
            record.id,
            i as i64,
            a.kind,
            a.description,
            a.estimated_cost_pence
        ])?;
    }
    if e.stage == Stage::Quote {
        if e.chosen {
            unchoose_quotes(conn, case)?;
        }
        conn.prepare_cached(
            "INSERT INTO dfg_quotes (stage_id, contractor, amount_pence, chosen)
             VALUES (?1, ?2, ?3, ?4)",
        )?
        .execute(params![
            record.id,
            e.contractor,
            e.amount_pence.unwrap_or_default(),
            e.chosen
        ])?;
    }
    if let Some(f) = &e.funding {
        conn.prepare_cached(
            "INSERT INTO dfg_funding (stage_id, mandatory_pence, discretionary_pence, family_pence,
                 other_pence, other_source)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?
        .execute(params![
            record.id,
            f.mandatory_pence,
            f.discretionary_pence,
            f.family_pence,
            f.other_pence,
            f.other_source
        ])?;
    }
    touch(conn, case, record.recorded_at)
}

fn unchoose_quotes(conn: &Connection, case: DfgCaseId) -> Result<()> {
    conn.prepare_cached(
        "UPDATE dfg_quotes SET chosen = 0
         WHERE stage_id IN (SELECT id FROM dfg_stages WHERE case_id = ?1)",
    )?
    .execute([case])?;
    Ok(())
}

/// Makes one of a case's quotes the chosen one (and no other).
pub fn choose_quote(
    conn: &Connection,
    case: DfgCaseId,
    quote: DfgStageId,
    at: DateTime<Utc>,
) -> Result<()> {
    let exists = conn
        .prepare_cached(
            "SELECT 1 FROM dfg_quotes q JOIN dfg_stages s ON s.id = q.stage_id
             WHERE q.stage_id = ?1 AND s.case_id = ?2",
        )?
        .exists(params![quote, case])?;
    if !exists {
        return Err(Error::not_found("DFG quote", quote));
    }
    unchoose_quotes(conn, case)?;
    conn.prepare_cached("UPDATE dfg_quotes SET chosen = 1 WHERE stage_id = ?1")?
        .execute([quote])?;
    touch(conn, case, at)
}

/// Removes a stage (and, by the cascade, its parts): for correcting the latest one.
pub fn delete_stage(
    conn: &Connection,
    case: DfgCaseId,
    stage: DfgStageId,
    at: DateTime<Utc>,
) -> Result<()> {
    let n = conn
        .prepare_cached("DELETE FROM dfg_stages WHERE id = ?1 AND case_id = ?2")?
        .execute(params![stage, case])?;
    if n == 0 {
        return Err(Error::not_found(DfgStageId::KIND, stage));
    }
    touch(conn, case, at)
}

/// Appends a note. There is no way to change or remove one: the table refuses it too.
pub fn insert_note(conn: &Connection, case: DfgCaseId, note: &CaseNote) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO dfg_notes (id, case_id, author, written_at, text) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![
        note.id,
        case,
        note.author,
        note.written_at,
        note.text
    ])?;
    Ok(())
}

pub fn count(conn: &Connection) -> Result<usize> {
    Ok(super::sql::count(
        conn,
        "SELECT count(*) FROM dfg_cases",
        [],
    )?)
}
