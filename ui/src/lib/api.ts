/**
 * The one door to the desktop shell. Every Tauri command has a typed function here, and every
 * rejection becomes an `ApiError` carrying the shell's `{code, message, fields}`, so screens
 * branch on `code` and show `fields` beside their inputs. Events and photo addresses are here
 * too: nothing else in the UI imports `@tauri-apps/api`, which keeps the rest testable.
 */

import { Channel, convertFileSrc, invoke } from '@tauri-apps/api/core';
import { listen, type UnlistenFn } from '@tauri-apps/api/event';
import { getCurrentWebview } from '@tauri-apps/api/webview';

import type { BatchProgress } from '../generated/BatchProgress';
import type { BatchReport } from '../generated/BatchReport';
import type { Child } from '../generated/Child';
import type { ChildDetails } from '../generated/ChildDetails';
import type { ChildRecord } from '../generated/ChildRecord';
import type { CommandError } from '../generated/CommandError';
import type { Contact } from '../generated/Contact';
import type { ContactDetails } from '../generated/ContactDetails';
import type { DemoSummary } from '../generated/DemoSummary';
import type { CaseNote } from '../generated/CaseNote';
import type { DfgCaseDetails } from '../generated/DfgCaseDetails';
import type { DfgCaseFilter } from '../generated/DfgCaseFilter';
import type { DfgCaseRecord } from '../generated/DfgCaseRecord';
import type { DfgCaseSummary } from '../generated/DfgCaseSummary';
import type { StageEntry } from '../generated/StageEntry';
import type { StatusChange } from '../generated/StatusChange';
import type { DueEntry } from '../generated/DueEntry';
import type { HistoryPage } from '../generated/HistoryPage';
import type { SavedCalendar } from '../generated/SavedCalendar';
import type { SavedLabels } from '../generated/SavedLabels';
import type { EquipmentItem } from '../generated/EquipmentItem';
import type { FieldError } from '../generated/FieldError';
import type { EvacuationPlan } from '../generated/EvacuationPlan';
import type { HandlingTask } from '../generated/HandlingTask';
import type { Schedule } from '../generated/Schedule';
import type { ScheduleDetails } from '../generated/ScheduleDetails';
import type { TrainingDetails } from '../generated/TrainingDetails';
import type { TrainingRecord } from '../generated/TrainingRecord';
import type { ChildNoticeFlag } from '../generated/ChildNoticeFlag';
import type { ItemNoticeFlag } from '../generated/ItemNoticeFlag';
import type { NoticeActionDetails } from '../generated/NoticeActionDetails';
import type { NoticeDetails } from '../generated/NoticeDetails';
import type { NoticeRecord } from '../generated/NoticeRecord';
import type { NoticeSummary } from '../generated/NoticeSummary';
import type { SafetyNotice } from '../generated/SafetyNotice';
import type { IssuedCopyStatus } from '../generated/IssuedCopyStatus';
import type { ItemDetails } from '../generated/ItemDetails';
import type { ItemRecord } from '../generated/ItemRecord';
import type { PhotoAdded } from '../generated/PhotoAdded';
import type { Preferences } from '../generated/Preferences';
import type { PrintRequest } from '../generated/PrintRequest';
import type { Language } from '../generated/Language';
import type { SavedDfgSummary } from '../generated/SavedDfgSummary';
import type { SavedPassport } from '../generated/SavedPassport';
import type { AuditEntry } from '../generated/AuditEntry';
import type { BackupFile } from '../generated/BackupFile';
import type { BackupReport } from '../generated/BackupReport';
import type { RecordRef } from '../generated/RecordRef';
import type { RestoreReport } from '../generated/RestoreReport';
import type { SearchResults } from '../generated/SearchResults';
import type { ServiceIntervals } from '../generated/ServiceIntervals';
import type { ServiceRecord } from '../generated/ServiceRecord';
import type { ServiceRecordDetails } from '../generated/ServiceRecordDetails';
import type { SessionState } from '../generated/SessionState';
import type { Setting } from '../generated/Setting';
import type { SettingDetails } from '../generated/SettingDetails';
import type { Supplier } from '../generated/Supplier';
import type { CsvColumn } from '../generated/CsvColumn';
import type { CsvImportMode } from '../generated/CsvImportMode';
import type { CsvImportReport } from '../generated/CsvImportReport';
import type { ExistingChild } from '../generated/ExistingChild';
import type { ExportReport } from '../generated/ExportReport';
import type { ImportReport } from '../generated/ImportReport';
import type { SupplierDetails } from '../generated/SupplierDetails';

export type { CommandError, FieldError };

/** Ids cross as UUID strings (the Rust newtypes are `#[serde(transparent)]`). */
export type Id = string;

/**
 * A failed command. It is an `Error` (so it has a stack and reads well in the console) and a
 * `CommandError` (so a screen can pass it straight to its error summary).
 */
export class ApiError extends Error implements CommandError {
  readonly code: string;
  readonly fields: FieldError[];

  constructor(error: CommandError) {
    super(error.message);
    this.name = 'ApiError';
    this.code = error.code;
    this.fields = error.fields;
  }

  /** A field-level problem the UI found itself (e.g. a date it could not read). */
  static invalid(fields: FieldError[]): ApiError {
    return new ApiError({
      code: 'invalid',
      message: fields.length === 1 ? fields[0]!.message : 'Some answers need correcting',
      fields,
    });
  }
}

function isFieldError(value: unknown): value is FieldError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as FieldError).field === 'string' &&
    typeof (value as FieldError).message === 'string'
  );
}

/**
 * Turns whatever a command rejected with into a `CommandError`:
 * - the shell's own `{code, message, fields}` (fields may be missing or malformed);
 * - a bare string, which Tauri itself sends when a command is unknown or its arguments
 *   do not match (`invalid args ... for command ...`): a bug, not something the user did;
 * - an `Error` thrown on the JavaScript side (e.g. the IPC bridge is missing);
 * - anything else.
 */
export function toCommandError(reason: unknown): CommandError {
  if (reason instanceof ApiError) {
    return { code: reason.code, message: reason.message, fields: reason.fields };
  }
  if (typeof reason === 'object' && reason !== null && typeof (reason as CommandError).code === 'string') {
    const r = reason as Partial<CommandError>;
    const fields = Array.isArray(r.fields) ? r.fields.filter(isFieldError) : [];
    return {
      code: r.code!,
      message: typeof r.message === 'string' && r.message !== '' ? r.message : 'Something went wrong',
      fields,
    };
  }
  if (typeof reason === 'string') {
    const code = /^invalid args/i.test(reason) ? 'bad_request' : 'app';
    return { code, message: reason, fields: [] };
  }
  if (reason instanceof Error) {
    return { code: 'app', message: reason.message || 'Something went wrong', fields: [] };
  }
  return { code: 'app', message: 'Something went wrong and the app could not say what', fields: [] };
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

/** The error as an `ApiError`, whatever was thrown. */
export function asApiError(e: unknown): ApiError {
  return e instanceof ApiError ? e : new ApiError(toCommandError(e));
}

/** Listeners told whenever a command fails because the caseload is locked. */
const lockedListeners = new Set<() => void>();

export function onLockedError(listener: () => void): () => void {
  lockedListeners.add(listener);
  return () => lockedListeners.delete(listener);
}

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (reason) {
    const error = new ApiError(toCommandError(reason));
    // The idle lock may close the caseload between the event and the next command: the
    // screen that asked cannot fix that, the start screen can.
    if (error.code === 'locked') lockedListeners.forEach((l) => l());
    throw error;
  }
}

// ---- Session ---------------------------------------------------------------------------

export const sessionState = () => call<SessionState>('session_state');
/** Both resolve to a notice when today's automatic backup could not be made, else null. */
export const createCaseload = (passphrase: string) => call<null>('create_caseload', { passphrase });
export const unlock = (passphrase: string) => call<null>('unlock', { passphrase });
export const lock = () => call<null>('lock');
export const stillHere = () => call<null>('still_here');
export const changePassphrase = (current: string, newPassphrase: string) =>
  call<null>('change_passphrase', { current, new: newPassphrase });

// ---- Caseload, children, contacts, settings --------------------------------------------

export const searchChildren = (text: string, settingId: Id | null, limit: number) =>
  call<SearchResults>('search_children', { text, setting_id: settingId, limit });
export const childCount = () => call<number>('child_count');
export const getChild = (id: Id) => call<ChildRecord>('get_child', { id });
export const createChild = (details: ChildDetails) => call<Child>('create_child', { details });
export const updateChild = (id: Id, details: ChildDetails) =>
  call<Child>('update_child', { id, details });
export const deleteChild = (id: Id) => call<null>('delete_child', { id });
export const getHandlingPlan = (childId: Id) => call<HandlingTask[]>('get_handling_plan', { child_id: childId });
/** Replaces the child's whole plan; the core names each problem `handling[i].field`. */
export const saveHandlingPlan = (childId: Id, tasks: HandlingTask[]) =>
  call<HandlingTask[]>('save_handling_plan', { child_id: childId, tasks });
/** The child's evacuation plan for their own setting, or null when there is none yet. */
export const getEvacuationPlan = (childId: Id) =>
  call<EvacuationPlan | null>('get_evacuation_plan', { child_id: childId });
/** Saves the child's plan for its setting; the core names each problem `evacuation.field`. */
export const saveEvacuationPlan = (childId: Id, plan: EvacuationPlan) =>
  call<EvacuationPlan>('save_evacuation_plan', { child_id: childId, plan });
export const removeEvacuationPlan = (childId: Id, settingId: Id) =>
  call<null>('remove_evacuation_plan', { child_id: childId, setting_id: settingId });

/** The register of staff trained to use one item, the latest training first. */
export const listTraining = (itemId: Id) => call<TrainingRecord[]>('list_training', { item_id: itemId });
/** Adds an entry; the core names each problem by its field (`refresh_by`, `name` ...). */
export const addTraining = (itemId: Id, details: TrainingDetails) =>
  call<TrainingRecord>('add_training', { item_id: itemId, details });
export const deleteTraining = (id: Id) => call<null>('delete_training', { id });

/** An item's schedules (LOLER, service, review, checks the therapist names), soonest due first. */
export const listSchedules = (itemId: Id) => call<Schedule[]>('list_schedules', { item_id: itemId });
/** Adds a schedule; field errors come back beside `kind`, `name`, `every_months`, `last_done`, `next_due`. */
export const addSchedule = (itemId: Id, details: ScheduleDetails) =>
  call<Schedule>('add_schedule', { item_id: itemId, details });
/** Records that a schedule's check was done on `on`; its next due date moves one interval on. */
export const markScheduleDone = (id: Id, on: string) =>
  call<Schedule>('mark_schedule_done', { id, done: { on } });
export const deleteSchedule = (id: Id) => call<null>('delete_schedule', { id });
/** Field safety notices, open ones first, with how many items each affects and awaits. */
export const listNotices = () => call<NoticeSummary[]>('list_notices');
/** One notice with every item it affects and the child who has it. */
export const getNotice = (id: Id) => call<NoticeRecord>('get_notice', { id });
export const addNotice = (details: NoticeDetails) => call<NoticeRecord>('add_notice', { details });
export const recordNoticeAction = (id: Id, itemId: Id, action: NoticeActionDetails) =>
  call<NoticeRecord>('record_notice_action', { id, item_id: itemId, action });
export const closeNotice = (id: Id) => call<SafetyNotice>('close_notice', { id });
/** For each child, how many of their items await action on an open notice. */
export const noticeFlags = () => call<ChildNoticeFlag[]>('notice_flags');
/** The open notices one item awaits action on. */
export const itemNotices = (itemId: Id) => call<ItemNoticeFlag[]>('item_notices', { item_id: itemId });

export const addContact = (childId: Id, details: ContactDetails) =>
  call<Contact>('add_contact', { child_id: childId, details });
export const updateContact = (id: Id, details: ContactDetails) =>
  call<Contact>('update_contact', { id, details });
export const deleteContact = (id: Id) => call<null>('delete_contact', { id });

export const listSettings = () => call<Setting[]>('list_settings');
export const createSetting = (details: SettingDetails) => call<Setting>('create_setting', { details });
export const updateSetting = (id: Id, details: SettingDetails) =>
  call<Setting>('update_setting', { id, details });
export const settingChildCount = (id: Id) => call<number>('setting_child_count', { id });
export const deleteSetting = (id: Id) => call<null>('delete_setting', { id });

export const loadDemo = () => call<DemoSummary>('load_demo');

// ---- Equipment ---------------------------------------------------------------------------

export const getItem = (id: Id) => call<ItemRecord>('get_item', { id });
export const createItem = (childId: Id, details: ItemDetails) =>
  call<EquipmentItem>('create_item', { child_id: childId, details });
export const updateItem = (id: Id, details: ItemDetails) =>
  call<EquipmentItem>('update_item', { id, details });
export const deleteItem = (id: Id) => call<null>('delete_item', { id });

export const addItemPhotos = (itemId: Id, paths: string[]) =>
  call<PhotoAdded[]>('add_item_photos', { item_id: itemId, paths });
export const addStepPhoto = (itemId: Id, path: string) =>
  call<Id>('add_step_photo', { item_id: itemId, path });
export const setChildPhoto = (childId: Id, path: string) =>
  call<Id>('set_child_photo', { child_id: childId, path });
export const removeChildPhoto = (childId: Id) => call<null>('remove_child_photo', { child_id: childId });
export const setPhotoCaption = (photoId: Id, caption: string) =>
  call<null>('set_photo_caption', { photo_id: photoId, caption });
export const reorderItemPhotos = (itemId: Id, order: Id[]) =>
  call<null>('reorder_item_photos', { item_id: itemId, order });
export const deletePhoto = (photoId: Id) => call<null>('delete_photo', { photo_id: photoId });

export const addServiceRecord = (itemId: Id, details: ServiceRecordDetails) =>
  call<ServiceRecord>('add_service_record', { item_id: itemId, details });
export const deleteServiceRecord = (id: Id) => call<null>('delete_service_record', { id });
export const serviceIntervals = () => call<ServiceIntervals>('service_intervals');
export const setServiceIntervals = (intervals: ServiceIntervals) =>
  call<null>('set_service_intervals', { intervals });

export const listSuppliers = () => call<Supplier[]>('list_suppliers');
export const createSupplier = (details: SupplierDetails) =>
  call<Supplier>('create_supplier', { details });
export const updateSupplier = (id: Id, details: SupplierDetails) =>
  call<Supplier>('update_supplier', { id, details });
export const deleteSupplier = (id: Id) => call<null>('delete_supplier', { id });

// ---- Due list and preferences ------------------------------------------------------------

export const dueList = (withinDays: number) => call<DueEntry[]>('due_list', { within_days: withinDays });
/** Asks where to save the due dates as a calendar file (.ics); null when the user cancelled. */
export const saveDueCalendar = () => call<SavedCalendar | null>('save_due_calendar');
export const getPreferences = () => call<Preferences>('get_preferences');
export const setPreferences = (preferences: Preferences) =>
  call<Preferences>('set_preferences', { preferences });

// ---- Disabled Facilities Grant cases -------------------------------------------------------

export const dfgCases = (filter: DfgCaseFilter) => call<DfgCaseSummary[]>('dfg_cases', { filter });
export const dfgCase = (id: Id) => call<DfgCaseRecord>('dfg_case', { id });
export const openDfgCase = (childId: Id, details: DfgCaseDetails) =>
  call<DfgCaseRecord>('open_dfg_case', { child_id: childId, details });
export const updateDfgCase = (id: Id, details: DfgCaseDetails) =>
  call<DfgCaseRecord>('update_dfg_case', { id, details });
export const recordDfgStage = (id: Id, entry: StageEntry) =>
  call<DfgCaseRecord>('record_dfg_stage', { id, entry });
export const holdDfgCase = (id: Id, change: StatusChange) =>
  call<DfgCaseRecord>('hold_dfg_case', { id, change });
export const resumeDfgCase = (id: Id, change: StatusChange) =>
  call<DfgCaseRecord>('resume_dfg_case', { id, change });
export const withdrawDfgCase = (id: Id, change: StatusChange) =>
  call<DfgCaseRecord>('withdraw_dfg_case', { id, change });
export const chooseDfgQuote = (id: Id, quoteId: Id) =>
  call<DfgCaseRecord>('choose_dfg_quote', { id, quote_id: quoteId });
export const removeLastDfgStage = (id: Id, author: string) =>
  call<DfgCaseRecord>('remove_last_dfg_stage', { id, author });
export const addDfgNote = (id: Id, author: string, text: string) =>
  call<CaseNote>('add_dfg_note', { id, author, text });
/** Asks where to save the one-page case summary and saves it; null when the user cancelled. */
export const saveDfgSummary = (id: Id) => call<SavedDfgSummary | null>('save_dfg_summary', { id });

// ---- Files: photos, passports, logo ----------------------------------------------------

/** Paths of the photos the user chose; empty when they cancelled. */
export const choosePhotos = (multiple: boolean) => call<string[]>('choose_photos', { multiple });

/** The passport as PDF bytes, not recorded as issued. */
export const previewPassport = (childId: Id, request: PrintRequest, language?: Language | null) =>
  call<ArrayBuffer>('preview_passport', { child_id: childId, request, language: language ?? undefined });

/** Asks where to save, saves and records the copy; null when the user cancelled. */
export const savePassport = (childId: Id, request: PrintRequest, suggestedName: string, language?: Language | null) =>
  call<SavedPassport | null>('save_passport', {
    child_id: childId,
    request,
    language: language ?? undefined,
    suggested_name: suggestedName,
  });
export const openSavedFile = (path: string) => call<null>('open_saved_file', { path });
export const issuedCopies = (childId: Id) =>
  call<IssuedCopyStatus[]>('issued_copies', { child_id: childId });

/** A whole-setting print under way: its id, for `cancelPrinting`, and what it did. */
export interface PrintJob {
  job: string;
  /** Null when the user cancelled the folder dialog. */
  report: Promise<BatchReport | null>;
}

let printJobs = 0;

/**
 * Asks for a folder and prints every child at the setting. Progress arrives on this call's own
 * channel, so two windows or two prints never hear each other's.
 */
export function printSetting(
  settingId: Id,
  request: PrintRequest,
  onProgress: (progress: BatchProgress) => void,
  language?: Language | null,
): PrintJob {
  printJobs += 1;
  const job = `print-${Date.now()}-${printJobs}`;
  const channel = new Channel<BatchProgress>();
  channel.onmessage = onProgress;
  const report = call<BatchReport | null>('print_setting', {
    setting_id: settingId,
    request,
    language: language ?? undefined,
    job,
    on_progress: channel,
  });
  return { job, report };
}
/** Stops the print `job` after the passport it is on. */
export const cancelPrinting = (job: string) => call<null>('cancel_printing', { job });

/** Draws the equipment label sheet of a child or a school and asks where to save it; null when the user cancelled. */
export const saveEquipmentLabels = (scope: { childId: Id } | { settingId: Id }) =>
  call<SavedLabels | null>('save_equipment_labels', {
    child_id: 'childId' in scope ? scope.childId : null,
    setting_id: 'settingId' in scope ? scope.settingId : null,
  });

/** Asks for a PNG logo; false when the user cancelled. */
export const chooseLogo = () => call<boolean>('choose_logo');
export const removeLogo = () => call<null>('remove_logo');

// ---- History (read only) and backups -------------------------------------------------------

/** Every change to a child and what belongs to them, oldest first. */
export const childHistory = (childId: Id) => call<HistoryPage>('child_history', { child_id: childId });
export const recordHistory = (record: RecordRef) => call<AuditEntry[]>('record_history', { record });
/** An item's changes with its set-up steps, photos and service records, oldest first. */
export const itemHistory = (itemId: Id) => call<HistoryPage>('item_history', { item_id: itemId });

/** Asks where to save a backup and writes it; null when the user cancelled. */
export const backupNow = () => call<BackupReport | null>('backup_now');
export const listBackups = () => call<BackupFile[]>('list_backups');
/** Why today's automatic backup could not be made, or null. */
export const automaticBackupProblem = () => call<string | null>('automatic_backup_problem');
/** Asks for a backup file to restore; null when the user cancelled. Restores nothing. */
export const chooseBackupFile = () => call<string | null>('choose_backup_file');
/** Replaces the caseload with the backup; fails with a `passphrase` field error when the
 * caseload's passphrase (or `backupPassphrase`) does not open it. */
export const restoreBackup = (path: string, backupPassphrase: string | null) =>
  call<RestoreReport>('restore_backup', { path, backup_passphrase: backupPassphrase });

// ---- Export and import: .passport bundles and equipment spreadsheets ----------------------

/**
 * Asks where to save and writes one child (or, with `childId` null, the whole caseload) to a
 * `.passport` bundle encrypted with `passphrase`, or the caseload's own when null; null when
 * the user cancelled. A weak chosen passphrase fails with a `passphrase` field error.
 */
export const exportBundle = (childId: Id | null, passphrase: string | null) =>
  call<ExportReport | null>('export_bundle', { child_id: childId, passphrase });
/** Asks for a `.passport` file to import; null when the user cancelled. Imports nothing. */
export const chooseBundleFile = () => call<string | null>('choose_bundle_file');
/**
 * Imports (or, with `dryRun`, checks and reports without writing) the bundle chosen with
 * `chooseBundleFile`. Fails with a `passphrase` field error when neither `passphrase` nor the
 * caseload's own opens it, and with a `file` field error when the file is not a good bundle.
 */
export const importBundle = (path: string, passphrase: string | null, existing: ExistingChild, dryRun: boolean) =>
  call<ImportReport>('import_bundle', { path, passphrase, existing, dry_run: dryRun });
/** Asks for an equipment spreadsheet saved as CSV; null when the user cancelled. */
export const chooseCsvFile = () => call<string | null>('choose_csv_file');
/** Imports the spreadsheet chosen with `chooseCsvFile` as `mode` says (a dry run writes nothing). */
export const importEquipmentCsv = (path: string, mode: CsvImportMode) =>
  call<CsvImportReport>('import_equipment_csv', { path, mode });
/** The columns the spreadsheet import understands, in the sample template's order. */
export const csvColumns = () => call<CsvColumn[]>('csv_columns');

// ---- Events, photos and dropped files ------------------------------------------------------

/** The shell locked the caseload after it was left idle. */
export function onSessionLocked(handler: () => void): Promise<UnlistenFn> {
  return listen('session-locked', () => handler());
}

/** Today's automatic backup, made in the background after unlocking, failed: why. */
export function onAutomaticBackupFailed(handler: (message: string) => void): Promise<UnlistenFn> {
  return listen<string>('automatic-backup-failed', (event) => handler(event.payload));
}

export type DropState = { kind: 'over' } | { kind: 'drop'; paths: string[] } | { kind: 'leave' };

/** Files dragged over and dropped on the window (the web view gets paths, not contents). */
export function onFileDrop(handler: (state: DropState) => void): Promise<UnlistenFn> {
  return getCurrentWebview().onDragDropEvent((event) => {
    const p = event.payload;
    if (p.type === 'drop') handler({ kind: 'drop', paths: p.paths });
    else if (p.type === 'leave') handler({ kind: 'leave' });
    else handler({ kind: 'over' });
  });
}

/** Where the web view can show a stored photo, served by the shell's `photo:` protocol. */
export function photoUrl(photoId: Id, size: 'thumb' | 'full' = 'thumb'): string {
  return convertFileSrc(`${size}/${photoId}`, 'photo');
}

/** Whether the UI is running inside the desktop shell (not, say, under vitest). */
export function inShell(): boolean {
  return typeof window !== 'undefined' && '__TAURI_INTERNALS__' in window;
}
