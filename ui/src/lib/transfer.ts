/**
 * The words and checks of the "Import and export" screen: file names offered when saving a
 * bundle, the passphrase typed twice, what an export or import did, where a failed import's
 * problems are shown, and what a spreadsheet's dry run found. Kept apart from the screen so
 * they can be tested without a window.
 */

import type { CommandError } from '../generated/CommandError';
import type { CsvImportReport } from '../generated/CsvImportReport';
import type { ExistingChild } from '../generated/ExistingChild';
import type { ExportReport } from '../generated/ExportReport';
import type { FieldError } from '../generated/FieldError';
import type { ImportedChild } from '../generated/ImportedChild';
import type { ImportReport } from '../generated/ImportReport';
import { sentence } from './fields';
import { formatBytes } from './history';

/** "1 child", "3 children": a count with its noun. */
export function count(n: number, one: string, many: string = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Whether an export uses the caseload's passphrase or one chosen for the file. */
export type PassphraseChoice = 'caseload' | 'own';

/**
 * What is wrong with the passphrase typed for a file before it is sent (how strong it must be
 * is the core's to say, under the field `passphrase`, shown as `bundle_passphrase`).
 */
export function exportPassphraseErrors(choice: PassphraseChoice, passphrase: string, confirm: string): FieldError[] {
  if (choice === 'caseload') return [];
  const errors: FieldError[] = [];
  if (passphrase === '') {
    errors.push({ field: 'bundle_passphrase', message: 'Enter a passphrase for the file' });
  }
  if (confirm === '') {
    errors.push({ field: 'bundle_confirm', message: 'Type the passphrase again' });
  } else if (passphrase !== '' && confirm !== passphrase) {
    errors.push({ field: 'bundle_confirm', message: 'The two passphrases are not the same: type them again' });
  }
  return errors;
}

/** What the app says after an export. */
export function exportedMessage(report: ExportReport): string {
  const what = `${count(report.children, 'child', 'children')} (${count(report.items, 'equipment item')}, ${count(report.photos, 'photo')})`;
  return `Exported ${what} to ${report.path} (${formatBytes(report.bytes)}, encrypted).`;
}

/** A bundle's dry run (made with "skip"), split into the children new to the caseload and those already on it. */
export interface BundlePreview {
  total: number;
  fresh: ImportedChild[];
  existing: ImportedChild[];
}

export function bundlePreview(report: ImportReport): BundlePreview {
  return {
    total: report.children.length,
    fresh: report.children.filter((c) => c.outcome !== 'skipped'),
    existing: report.children.filter((c) => c.outcome === 'skipped'),
  };
}

/** Whether the children in a bundle are on the caseload already, in a sentence. */
export function alreadyThere(preview: BundlePreview): string {
  const n = preview.existing.length;
  if (n === 0) return preview.total === 1 ? 'The child is not on the caseload yet.' : 'None of them is on the caseload yet.';
  if (preview.total === 1) return 'The child is already on the caseload.';
  if (n === preview.total) return n === 2 ? 'Both are already on the caseload.' : `All ${n} are already on the caseload.`;
  return `${n} of them ${n === 1 ? 'is' : 'are'} already on the caseload.`;
}

/** The three answers for children already on the caseload, as the screen offers them. */
export const EXISTING_CHOICES: ReadonlyArray<{ value: ExistingChild; label: string; hint: string }> = [
  { value: 'skip', label: 'Skip', hint: "Keep the caseload's record as it is and import nothing of that child." },
  {
    value: 'replace',
    label: "Replace with the file's record",
    hint: "Delete the caseload's record (with its equipment, photos and logs) and import the file's in its place.",
  },
  { value: 'copy', label: 'Import as a copy', hint: "Keep the caseload's record and add the file's beside it as a second child." },
];

/** The question asked before an import replaces children, naming each one. */
export function replaceQuestion(existing: readonly ImportedChild[]): { title: string; body: string[]; confirm: string } {
  const names = existing.map((c) => c.display_name);
  const who = names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]!}`;
  return {
    title: existing.length === 1 ? `Replace ${who}'s record?` : `Replace ${count(existing.length, 'child', 'children')}' records?`,
    body: [
      `The caseload's record of ${who} will be deleted, with ${existing.length === 1 ? 'its' : 'their'} equipment, photos, service records, contacts and DFG cases, and the record in the file imported in its place.`,
      'This cannot be undone, except by restoring a backup.',
    ],
    confirm: existing.length === 1 ? `Replace ${who}` : `Replace ${count(existing.length, 'child', 'children')}`,
  };
}

/** What the app says after an import (not a dry run). */
export function importedMessage(report: ImportReport): string {
  const by = (outcome: ImportedChild['outcome']) => report.children.filter((c) => c.outcome === outcome).length;
  const parts: string[] = [];
  if (by('imported') > 0) parts.push(`imported ${count(by('imported'), 'new child', 'new children')}`);
  if (by('replaced') > 0) parts.push(`replaced ${count(by('replaced'), 'child', 'children')}`);
  if (by('copied') > 0) parts.push(`imported ${count(by('copied'), 'child', 'children')} as a copy`);
  if (by('skipped') > 0) parts.push(`skipped ${count(by('skipped'), 'child', 'children')} already on the caseload`);
  if (parts.length === 0) return 'The file holds no children: nothing was imported.';
  const written = report.children.length - by('skipped');
  const records =
    written === 0
      ? ''
      : ` With them: ${count(report.items, 'equipment item')}, ${count(report.service_records, 'service record')}, ${count(report.photos, 'photo')}, ${count(report.contacts, 'contact')} and ${count(report.dfg_cases, 'DFG case')}.`;
  return `${sentence(joinAnd(parts))}.${records}`;
}

function joinAnd(parts: string[]): string {
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]!}`;
}

/**
 * Where a failed bundle import's problems go: the passphrase's beside the passphrase field
 * (`needsPassphrase` when the caseload's own did not open the file), every other one beside
 * the file, each naming the record it is about.
 */
export function bundleProblems(error: CommandError): { passphrase: string | null; file: string[] } {
  const passphrase = error.fields.find((f) => f.field === 'passphrase')?.message ?? null;
  const file = error.fields
    .filter((f) => f.field !== 'passphrase')
    .map((f) => (f.field === 'file' ? sentence(f.message) : `${sentence(f.field)}: ${f.message}`));
  if (passphrase === null && file.length === 0) file.push(sentence(error.message));
  return { passphrase: passphrase === null ? null : sentence(passphrase), file };
}

/** A spreadsheet that could not be read at all (not CSV, unknown or missing columns): its messages. */
export function csvFileProblems(error: CommandError): string[] {
  return error.fields.length > 0 ? error.fields.map((f) => sentence(f.message)) : [sentence(error.message)];
}

/** What a spreadsheet's dry run found: "6 rows: 5 good, 1 with problems". */
export function csvDryRunSummary(report: CsvImportReport): string {
  if (report.rows === 0) return 'The file has a header row but no rows of equipment.';
  if (report.bad_rows === 0) return `${count(report.rows, 'row')}, all good: ready to import.`;
  return `${count(report.rows, 'row')}: ${report.good_rows} good, ${report.bad_rows} with problems (${count(report.errors.length, 'problem')} listed below).`;
}

/** How the file was read, for the person who saved it: "UTF-8, separated by commas". */
export function csvFormatNote(report: CsvImportReport): string {
  const encoding = report.encoding === 'utf8' ? 'UTF-8' : 'Windows-1252 (Excel\u2019s older CSV)';
  const separator = report.delimiter === ',' ? 'commas' : report.delimiter === ';' ? 'semicolons' : 'tabs';
  return `Read as ${encoding} text, separated by ${separator}.`;
}

/** What the app says after an import of the spreadsheet (not a dry run). */
export function csvImportedMessage(report: CsvImportReport): string {
  if (!report.written) {
    if (report.mode === 'all_or_nothing' && report.bad_rows > 0) {
      return `Nothing was imported: ${count(report.bad_rows, 'row has', 'rows have')} problems. Correct them in the spreadsheet and choose the file again, or import the good rows.`;
    }
    return 'Nothing was imported: no row was ready to import.';
  }
  const services = report.service_records_created > 0 ? ` and ${count(report.service_records_created, 'service record')}` : '';
  const left = report.bad_rows > 0 ? ` ${count(report.bad_rows, 'row with problems was', 'rows with problems were')} not imported.` : '';
  return `Imported ${count(report.items_created, 'equipment item')}${services} from ${count(report.good_rows, 'row')}.${left}`;
}
