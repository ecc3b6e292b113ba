/**
 * How the audit trail and the backups read on screen. The core sends each change with the
 * field's label and its old and new values as stored ("2017-03-14", "standing-frame", ids);
 * here they become words a therapist reads: dates in the UK way, codes as their labels, ids as
 * the name of what they point to. Nothing here changes the trail: it is shown, never edited.
 */

import type { AuditAction } from '../generated/AuditAction';
import type { AuditEntry } from '../generated/AuditEntry';
import type { BackupFile } from '../generated/BackupFile';
import type { BackupReport } from '../generated/BackupReport';
import type { FieldChange } from '../generated/FieldChange';
import type { RecordKind } from '../generated/RecordKind';
import type { RestoreReport } from '../generated/RestoreReport';
import { formatDate, formatTimestamp } from './dates';
import {
  ADAPTATION_KIND,
  CATEGORY,
  CONTACT_ROLE,
  DAY,
  ITEM_STATUS,
  JURISDICTION,
  OUTCOME,
  SERVICE_KIND,
  SETTING_KIND,
  STAGE,
  SUPPLIER_KIND,
  TENURE,
  TIER,
  WHERE_USED,
} from './labels';

/** What each kind of record is called, as the core's own labels. */
export const RECORD_KIND: Record<RecordKind, string> = {
  child: 'Child',
  setting: 'School or setting',
  supplier: 'Supplier',
  contact: 'Contact',
  item: 'Equipment item',
  setup_step: 'Set-up step',
  photo: 'Photo',
  service_record: 'Service record',
  issued_copy: 'Printed passport',
  dfg_case: 'DFG case',
  dfg_stage: 'DFG stage',
  dfg_adaptation: 'DFG adaptation',
  dfg_quote: 'DFG quote',
  dfg_funding: 'DFG funding',
  dfg_note: 'DFG case note',
  app_setting: 'App setting',
  app_file: 'App file',
  handling_task: 'Handling plan task',
  training: 'Staff training',
  schedule: 'Schedule',
  safety_notice: 'Safety notice',
  notice_action: 'Safety notice action',
  evacuation_plan: 'Evacuation plan',
};

const ACTION: Record<AuditAction, string> = { create: 'Added', update: 'Changed', delete: 'Deleted' };

/** The entries with the latest change first. */
export function newestFirst(entries: readonly AuditEntry[]): AuditEntry[] {
  return [...entries].sort((a, b) => b.seq - a.seq);
}

/** The kind of record inside a sentence: "equipment item", but "DFG stage" keeps its capitals. */
function kindInSentence(kind: string): string {
  return /^[A-Z]{2,}\b/.test(kind) ? kind : kind.charAt(0).toLowerCase() + kind.slice(1);
}

/** Dates written into a summary ("LOLER on 2026-11-03") the UK way. */
function datesInWords(text: string): string {
  return text.replace(/\b\d{4}-\d{2}-\d{2}\b/g, (iso) => formatDate(iso));
}

/**
 * What was done to which record: "Changed equipment item: Gait trainer", "Added set-up step 3",
 * "Added DFG stage: Works-started on 3 November 2026".
 */
export function headline(entry: AuditEntry): string {
  const kind = RECORD_KIND[entry.record.kind] ?? entry.record.kind;
  const action = ACTION[entry.action];
  const what = datesInWords(entry.summary.trim());
  if (what === '' || what.toLowerCase() === kind.toLowerCase()) return `${action} ${kindInSentence(kind)}`;
  // A summary that starts with the kind ("Photo: set up", "Set-up step 3") is not said twice.
  if (what.toLowerCase().startsWith(kind.toLowerCase())) return `${action} ${kindInSentence(kind)}${what.slice(kind.length)}`;
  return `${action} ${kindInSentence(kind)}: ${what}`;
}

/** When and by whom: "14:05 by Sam Jones"; the trail has no name when none was set in Settings. */
export function madeBy(entry: AuditEntry): string {
  const who = entry.who.trim();
  return who ? `${timeOfDay(entry)} by ${who}` : `${timeOfDay(entry)}, no name recorded`;
}

/** Fields that say how the app stored a record rather than what it says. */
const TECHNICAL = new Set(['sha256', 'width', 'height', 'content_hash', 'created_at', 'recorded_at', 'printed_at', 'position']);

/**
 * The changes to show first and those kept under "technical details": for a record added or
 * deleted, the stored sizes, fingerprints and timestamps (the entry has its own time); for a
 * change, none, as every changed field matters.
 */
export function splitChanges(entry: AuditEntry): { main: FieldChange[]; technical: FieldChange[] } {
  if (entry.action === 'update') return { main: entry.changes, technical: [] };
  const technical = entry.changes.filter((c) => TECHNICAL.has(c.field));
  return { main: entry.changes.filter((c) => !TECHNICAL.has(c.field)), technical };
}

/** "22 November 2026 at 14:05", in the computer's time zone. */
export function when(entry: AuditEntry): string {
  return formatTimestamp(entry.at);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
/** RFC 3339, or SQLite's "2026-11-23 02:09:17.045958447+00:00". */
const TIMESTAMP = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:\d{2})?$/;
const TIME_OF_DAY = /^(\d{2}):(\d{2}):\d{2}$/;

/** A timestamp as every web view parses it: "T", milliseconds, and a zone ("Z" if none). */
function isoTimestamp(value: string): string | null {
  const m = TIMESTAMP.exec(value);
  if (!m) return null;
  const fraction = m[3] ? `.${m[3].slice(0, 3).padEnd(3, '0')}` : '';
  const zone = !m[4] || m[4] === '+00:00' ? 'Z' : m[4];
  return `${m[1]}T${m[2]}${fraction}${zone}`;
}

/** One part of a list kept as JSON: text as it is, lists joined, times without seconds. */
function partText(value: unknown, names: ReadonlyMap<string, string>): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') {
    const time = TIME_OF_DAY.exec(value);
    if (time) return `${time[1]}:${time[2]}`;
    return DAY_NAMES[value] ?? names.get(value) ?? value;
  }
  if (Array.isArray(value)) return value.map((v) => partText(v, names)).filter((t) => t !== '').join(', ');
  if (typeof value === 'object') {
    return Object.values(value as Record<string, unknown>)
      .map((v) => partText(v, names))
      .filter((t) => t !== '')
      .join(' ');
  }
  return String(value);
}

/** Day codes in a stored schedule, in the core's words. */
const DAY_NAMES: Readonly<Record<string, string>> = DAY;

/** A list the core keeps as JSON (checks, phones, the schedule), one entry a line; null if not one. */
function jsonList(value: string, names: ReadonlyMap<string, string>): string | null {
  if (!value.startsWith('[')) return null;
  try {
    const parsed: unknown = JSON.parse(value);
    if (!Array.isArray(parsed)) return null;
    if (parsed.length === 0) return '(none)';
    return parsed.map((entry) => partText(entry, names)).join('\n');
  } catch {
    return null;
  }
}

/** Fields whose stored codes have labels, by field name. */
const CODES: Record<string, Record<string, string>> = {
  category: CATEGORY,
  status: ITEM_STATUS,
  where_used: WHERE_USED,
  tier: TIER,
  role: CONTACT_ROLE,
  outcome: OUTCOME,
  stage: STAGE,
  tenure: TENURE,
  jurisdiction: JURISDICTION,
};

/** Codes of the `kind` field, which means different things in different records. */
const KIND_CODES: Partial<Record<RecordKind, Record<string, string>>> = {
  service_record: SERVICE_KIND,
  setting: SETTING_KIND,
  supplier: SUPPLIER_KIND,
  dfg_adaptation: ADAPTATION_KIND,
};

/**
 * One stored value as people read it. `names` maps ids to the names of what they point to
 * (a school, a supplier, an item); an id not there is "another record".
 */
export function readable(
  value: string | null,
  field: string,
  kind: RecordKind,
  names: ReadonlyMap<string, string> = new Map(),
): string {
  if (value === null || value.trim() === '') return '(empty)';
  const codes = field === 'kind' ? KIND_CODES[kind] : CODES[field];
  if (codes && value in codes) return codes[value]!;
  if (UUID.test(value)) {
    const name = names.get(value);
    if (name) return name;
    return field.endsWith('photo_id') ? 'a photo' : 'another record';
  }
  if (DATE_ONLY.test(value)) return formatDate(value);
  const timestamp = isoTimestamp(value);
  if (timestamp) return formatTimestamp(timestamp);
  return jsonList(value, names) ?? value;
}

export interface ChangeLine {
  label: string;
  /** Shown struck through, before the arrow; null for an added record's values. */
  old: string | null;
  /** null for a deleted record's values. */
  new: string | null;
}

/** A field's change for display: both sides for a change, one side for an add or a delete. */
export function changeLine(
  entry: AuditEntry,
  change: FieldChange,
  names: ReadonlyMap<string, string> = new Map(),
): ChangeLine {
  const show = (v: string | null) => readable(v, change.field, entry.record.kind, names);
  switch (entry.action) {
    case 'create':
      return { label: change.label, old: null, new: show(change.new) };
    case 'delete':
      return { label: change.label, old: show(change.old), new: null };
    default:
      return { label: change.label, old: show(change.old), new: show(change.new) };
  }
}

/**
 * Names of the records the entries are about, by id, from the entries themselves (the latest
 * summary of each item, contact, setting, supplier or DFG case), so even a deleted record's
 * id reads as its name.
 */
export function namesFrom(entries: readonly AuditEntry[]): Map<string, string> {
  const named: RecordKind[] = ['item', 'contact', 'setting', 'supplier', 'child', 'dfg_case'];
  const names = new Map<string, string>();
  for (const e of [...entries].sort((a, b) => a.seq - b.seq)) {
    if (named.includes(e.record.kind) && e.summary.trim() !== '') names.set(e.record.id, e.summary.trim());
  }
  return names;
}

/** Entries grouped under the day they were made, newest day first (UK dates as headings). */
export function byDay(entries: readonly AuditEntry[]): Array<{ day: string; entries: AuditEntry[] }> {
  const groups: Array<{ day: string; entries: AuditEntry[] }> = [];
  for (const entry of newestFirst(entries)) {
    const day = when(entry).replace(/ at \d{2}:\d{2}$/, '');
    const last = groups[groups.length - 1];
    if (last && last.day === day) last.entries.push(entry);
    else groups.push({ day, entries: [entry] });
  }
  return groups;
}

/** "14:05": the time of day of a change, in the computer's time zone. */
export function timeOfDay(entry: AuditEntry): string {
  const m = / at (\d{2}:\d{2})$/.exec(when(entry));
  return m ? m[1]! : '';
}

// ---- Backups -----------------------------------------------------------------------------

/** "340 KB", "2.4 MB": a file's size. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  if (bytes < 1024 * 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  return `${(bytes / (1024 * 1024 * 1024)).toFixed(1)} GB`;
}

/** The last part of a path, whichever separator the system uses. */
export function baseName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] || path;
}

/** What a backup in the data folder is. */
export function backupKind(file: BackupFile): string {
  return file.automatic ? 'Automatic daily backup' : 'Caseload kept before a restore';
}

/** What the app says after "Back up now". */
export function backupSavedMessage(report: BackupReport): string {
  const children = report.children === 1 ? '1 child' : `${report.children} children`;
  const lock = report.encrypted
    ? " It is encrypted: restoring it needs the passphrase the caseload has now."
    : ' It is not encrypted: keep it somewhere safe.';
  return `Backup saved to ${report.path} (${children}, ${formatBytes(report.bytes)}).${lock}`;
}

/** What the app says after a restore. */
export function restoredMessage(from: string, report: RestoreReport): string {
  const children = report.children === 1 ? '1 child' : `${report.children} children`;
  const kept = report.replaced_database
    ? ` The caseload it replaced is kept in the backups folder as ${baseName(report.replaced_database)}.`
    : '';
  return `The caseload was restored from ${baseName(from)}: it now holds ${children}.${kept}`;
}
