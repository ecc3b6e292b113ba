//! How domain values are written to and read from SQLite columns: ids as hyphenated text,
//! closed lists as their codes, nested lists as JSON text.

use crate::model::*;
use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};
use serde::Serialize;
use serde::de::DeserializeOwned;

macro_rules! sql_id {
    ($($t:ty),+) => {$(
        impl ToSql for $t {
            fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
                Ok(ToSqlOutput::from(self.to_string()))
            }
        }
        impl FromSql for $t {
            fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
                let text = value.as_str()?;
                uuid::Uuid::parse_str(text)
                    .map(Self)
                    .map_err(|e| FromSqlError::Other(Box::new(e)))
            }
        }
    )+};
}

sql_id!(
    ChildId,
    SettingId,
    ContactId,
    SupplierId,
    ItemId,
    ServiceRecordId,
    PhotoId,
    DfgCaseId,
    DfgStageId,
    DfgNoteId,
    TrainingId,
    ScheduleId,
    NoticeId
);

macro_rules! sql_code {
    ($($t:ty),+) => {$(
        impl ToSql for $t {
            fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
                Ok(ToSqlOutput::from(self.code()))
            }
        }
        impl FromSql for $t {
            fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
                let text = value.as_str()?;
                <$t>::from_code(text).ok_or_else(|| {
                    FromSqlError::Other(format!("unknown {} code '{text}'", stringify!($t)).into())
                })
            }
        }
    )+};
}

sql_code!(
    Tier,
    SettingKind,
    ContactRole,
    SupplierKind,
    Category,
    WhereUsed,
    ItemStatus,
    ServiceKind,
    Outcome,
    DueKind,
    ScheduleKind,
    dfg::Tenure,
    dfg::Jurisdiction,
    dfg::AdaptationKind,
    dfg::Stage,
    NoticeAction
);

/// Serialises a nested value for a JSON text column.
pub fn json<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).expect("domain values always serialise to JSON")
}

/// Reads a JSON text column back into its domain type.
pub fn from_json<T: DeserializeOwned>(
    row: &rusqlite::Row<'_>,
    column: &str,
) -> rusqlite::Result<T> {
    let text: String = row.get(column)?;
    serde_json::from_str(&text).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e))
    })
}

/// Reads an optional JSON text column.
pub fn from_json_opt<T: DeserializeOwned>(
    row: &rusqlite::Row<'_>,
    column: &str,
) -> rusqlite::Result<Option<T>> {
    let text: Option<String> = row.get(column)?;
    text.map(|t| {
        serde_json::from_str(&t).map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e))
        })
    })
    .transpose()
}

/// Runs a `SELECT count(*) ...` and returns the count.
pub fn count(
    conn: &rusqlite::Connection,
    sql: &str,
    params: impl rusqlite::Params,
) -> rusqlite::Result<usize> {
    conn.prepare_cached(sql)?
        .query_row(params, |r| r.get::<_, i64>(0))
        .map(|n| n.max(0) as usize)
}

/// Reads a `YYYY-MM-DD` date column without chrono's general-purpose parser: the due list
/// reads tens of thousands of dates at once.
pub fn date_at(row: &rusqlite::Row<'_>, index: usize) -> rusqlite::Result<chrono::NaiveDate> {
    let text = row.get_ref(index)?.as_str()?;
    let b = text.as_bytes();
    let digits = |range: std::ops::Range<usize>| -> Option<u32> {
        b.get(range)?.iter().try_fold(0u32, |n, c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    let parsed = if b.len() == 10 && b[4] == b'-' && b[7] == b'-' {
        match (digits(0..4), digits(5..7), digits(8..10)) {
            (Some(y), Some(m), Some(d)) => chrono::NaiveDate::from_ymd_opt(y as i32, m, d),
            _ => None,
        }
    } else {
        None
    };
    parsed.ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            index,
            rusqlite::types::Type::Text,
            format!("'{text}' is not a YYYY-MM-DD date").into(),
        )
    })
}
