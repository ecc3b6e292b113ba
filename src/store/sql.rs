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
    PhotoId
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
    DueKind
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
