//! The audit trail as the app shows it (read only: nothing here changes it).

use crate::error::CommandResult;
use crate::state::AppState;
use equipment_passport::api::{AuditEntry, RecordKind, RecordRef};
use equipment_passport::model::{ChildId, ItemId};
use std::collections::HashSet;
use tauri::State;

/// Every change to a child and everything that belongs to them, oldest first.
#[tauri::command(rename_all = "snake_case")]
pub async fn child_history(
    state: State<'_, AppState>,
    child_id: ChildId,
) -> CommandResult<Vec<AuditEntry>> {
    state.read(|api| api.child_history(child_id))
}

/// Every change to one record (with its parts), oldest first.
#[tauri::command(rename_all = "snake_case")]
pub async fn record_history(
    state: State<'_, AppState>,
    record: RecordRef,
) -> CommandResult<Vec<AuditEntry>> {
    state.read(|api| api.history(record))
}

/// Every change to one equipment item as its screen shows it: the item and its set-up steps,
/// and its photos and service records, oldest first.
#[tauri::command(rename_all = "snake_case")]
pub async fn item_history(
    state: State<'_, AppState>,
    item_id: ItemId,
) -> CommandResult<Vec<AuditEntry>> {
    state.read(|api| {
        let own = api.history(item_id)?;
        let Some(child) = own.iter().find_map(|e| e.child_id) else {
            return Ok(own);
        };
        // The photos and service records the item has now (a deleted item has none).
        let mut parts: HashSet<String> = HashSet::new();
        if let Ok(record) = api.item(item_id) {
            parts.extend(record.item.photos.iter().map(|p| p.id.to_string()));
            parts.extend(record.service_log.iter().map(|r| r.id.to_string()));
        }
        Ok(of_item(
            api.child_history(child)?,
            &item_id.to_string(),
            parts,
        ))
    })
}

/// The entries of a child's history that belong to one item: the item itself, its set-up steps
/// (`<item>#<n>`), the photos that name it (their entries name the item they belong to) and
/// the records in `parts`.
fn of_item(history: Vec<AuditEntry>, item: &str, mut parts: HashSet<String>) -> Vec<AuditEntry> {
    let names_item = |e: &AuditEntry| {
        e.changes.iter().any(|c| {
            c.field == "item_id"
                && (c.old.as_deref() == Some(item) || c.new.as_deref() == Some(item))
        })
    };
    parts.extend(
        history
            .iter()
            .filter(|e| e.record.kind == RecordKind::Photo && names_item(e))
            .map(|e| e.record.id.clone()),
    );
    history
        .into_iter()
        .filter(|e| match e.record.kind {
            RecordKind::Item => e.record.id == item,
            RecordKind::SetupStep => e
                .record
                .id
                .rsplit_once('#')
                .is_some_and(|(owner, _)| owner == item),
            RecordKind::Photo | RecordKind::ServiceRecord => parts.contains(&e.record.id),
            _ => false,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use equipment_passport::api::{AuditAction, FieldChange};

    fn entry(seq: i64, kind: RecordKind, id: &str, changes: Vec<FieldChange>) -> AuditEntry {
        AuditEntry {
            seq,
            at: "2026-11-22T09:00:00Z".parse().unwrap(),
            who: "Sam Jones".into(),
            action: AuditAction::Create,
            record: RecordRef::new(kind, id),
            child_id: None,
            summary: String::new(),
            changes,
        }
    }

    fn on_item(item: &str) -> Vec<FieldChange> {
        vec![FieldChange {
            field: "item_id".into(),
            label: "Equipment item".into(),
            old: None,
            new: Some(item.into()),
        }]
    }

    #[test]
    fn an_items_history_holds_its_steps_photos_and_service_records_only() {
        let history = vec![
            entry(1, RecordKind::Child, "c", vec![]),
            entry(2, RecordKind::Item, "a", vec![]),
            entry(3, RecordKind::Item, "b", vec![]),
            entry(4, RecordKind::SetupStep, "a#0", vec![]),
            entry(5, RecordKind::SetupStep, "b#0", vec![]),
            entry(6, RecordKind::Photo, "p1", on_item("a")),
            entry(7, RecordKind::Photo, "p2", on_item("b")),
            // A caption changed later: the entry names only the caption, not the item.
            entry(8, RecordKind::Photo, "p1", vec![]),
            entry(9, RecordKind::ServiceRecord, "s1", vec![]),
            entry(10, RecordKind::ServiceRecord, "s2", vec![]),
            entry(11, RecordKind::Contact, "k", vec![]),
        ];
        let parts = HashSet::from(["s1".to_string()]);
        let seqs: Vec<i64> = of_item(history, "a", parts).iter().map(|e| e.seq).collect();
        assert_eq!(seqs, vec![2, 4, 6, 8, 9]);
    }
}
