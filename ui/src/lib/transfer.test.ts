import { describe, expect, it } from 'vitest';
import type { CsvImportReport } from '../generated/CsvImportReport';
import type { ImportedChild } from '../generated/ImportedChild';
import type { ImportReport } from '../generated/ImportReport';
import {
  alreadyThere,
  bundlePreview,
  bundleProblems,
  count,
  csvDryRunSummary,
  csvFileProblems,
  csvFormatNote,
  csvImportedMessage,
  exportedMessage,
  exportPassphraseErrors,
  importedMessage,
  replaceQuestion,
} from './transfer';

function child(name: string, outcome: ImportedChild['outcome']): ImportedChild {
  return { bundle_id: `b-${name}`, id: `c-${name}`, display_name: name, outcome };
}

function bundleReport(children: ImportedChild[], over: Partial<ImportReport> = {}): ImportReport {
  return {
    dry_run: false,
    schema_version: 1,
    exported_at: '2026-11-20T10:00:00Z',
    app_version: '0.1.0',
    children,
    settings_added: 0,
    suppliers_added: 0,
    contacts: 4,
    items: 7,
    service_records: 2,
    photos: 3,
    dfg_cases: 1,
    ...over,
  };
}

function csvReport(over: Partial<CsvImportReport> = {}): CsvImportReport {
  return {
    mode: 'dry_run',
    rows: 6,
    good_rows: 5,
    bad_rows: 1,
    written: false,
    items_created: 0,
    service_records_created: 0,
    errors: [{ line: 7, column: 'Issue date', message: 'enter a date like 22/11/2026' }],
    delimiter: ',',
    encoding: 'utf8',
    ...over,
  };
}

describe('the passphrase chosen for a file', () => {
  it('needs nothing when the caseload lends its own', () => {
    expect(exportPassphraseErrors('caseload', '', '')).toEqual([]);
  });

  it('must be entered and typed again, the same both times', () => {
    expect(exportPassphraseErrors('own', '', '')).toEqual([
      { field: 'bundle_passphrase', message: 'Enter a passphrase for the file' },
      { field: 'bundle_confirm', message: 'Type the passphrase again' },
    ]);
    expect(exportPassphraseErrors('own', 'green teapot on Friday', 'green teapot on friday')).toEqual([
      { field: 'bundle_confirm', message: 'The two passphrases are not the same: type them again' },
    ]);
    expect(exportPassphraseErrors('own', 'green teapot on Friday', 'green teapot on Friday')).toEqual([]);
  });
});

describe('what an export says', () => {
  it('counts children, items and photos and names the file', () => {
    const text = exportedMessage({ path: '/home/sam/amara.passport', schema_version: 1, children: 1, items: 3, photos: 1, bytes: 12_800 });
    expect(text).toBe('Exported 1 child (3 equipment items, 1 photo) to /home/sam/amara.passport (13 KB, encrypted).');
  });

  it('speaks of children in the plural for a caseload', () => {
    expect(exportedMessage({ path: 'c.passport', schema_version: 1, children: 24, items: 80, photos: 0, bytes: 2_000_000 })).toContain(
      '24 children (80 equipment items, 0 photos)',
    );
  });
});

describe('the preview of a bundle', () => {
  it('splits the dry run into new children and those already on the caseload', () => {
    const preview = bundlePreview(bundleReport([child('Amara Okafor', 'skipped'), child('Leo Brennan', 'imported'), child('Ruby Hale', 'imported')], { dry_run: true }));
    expect(preview.total).toBe(3);
    expect(preview.fresh.map((c) => c.display_name)).toEqual(['Leo Brennan', 'Ruby Hale']);
    expect(preview.existing.map((c) => c.display_name)).toEqual(['Amara Okafor']);
  });
});

describe('whether the children are on the caseload already', () => {
  const preview = (outcomes: ImportedChild['outcome'][]) => bundlePreview(bundleReport(outcomes.map((o, i) => child(`C${i}`, o)), { dry_run: true }));

  it('speaks of one child as "the child"', () => {
    expect(alreadyThere(preview(['imported']))).toBe('The child is not on the caseload yet.');
    expect(alreadyThere(preview(['skipped']))).toBe('The child is already on the caseload.');
  });

  it('counts those already there among several', () => {
    expect(alreadyThere(preview(['imported', 'imported']))).toBe('None of them is on the caseload yet.');
    expect(alreadyThere(preview(['skipped', 'imported', 'imported']))).toBe('1 of them is already on the caseload.');
    expect(alreadyThere(preview(['skipped', 'skipped', 'imported']))).toBe('2 of them are already on the caseload.');
    expect(alreadyThere(preview(['skipped', 'skipped']))).toBe('Both are already on the caseload.');
    expect(alreadyThere(preview(['skipped', 'skipped', 'skipped']))).toBe('All 3 are already on the caseload.');
  });
});

describe('the question before replacing', () => {
  it('names the one child to be replaced', () => {
    const q = replaceQuestion([child('Amara Okafor', 'skipped')]);
    expect(q.title).toBe("Replace Amara Okafor's record?");
    expect(q.body[0]).toContain("The caseload's record of Amara Okafor will be deleted");
    expect(q.confirm).toBe('Replace Amara Okafor');
  });

  it('names every child when there are several', () => {
    const q = replaceQuestion([child('Amara Okafor', 'skipped'), child('Leo Brennan', 'skipped'), child('Zoë Hughes', 'skipped')]);
    expect(q.body[0]).toContain('Amara Okafor, Leo Brennan and Zoë Hughes');
    expect(q.confirm).toBe('Replace 3 children');
  });
});

describe('what an import says', () => {
  it('tells each outcome apart and counts what came with the children', () => {
    const text = importedMessage(
      bundleReport([child('A', 'imported'), child('B', 'imported'), child('C', 'replaced'), child('D', 'copied'), child('E', 'skipped')]),
    );
    expect(text).toBe(
      'Imported 2 new children, replaced 1 child, imported 1 child as a copy and skipped 1 child already on the caseload. With them: 7 equipment items, 2 service records, 3 photos, 4 contacts and 1 DFG case.',
    );
  });

  it('says nothing was written when every child was skipped', () => {
    expect(importedMessage(bundleReport([child('A', 'skipped')]))).toBe('Skipped 1 child already on the caseload.');
  });
});

describe('where a failed bundle import is explained', () => {
  it('puts a passphrase that does not open the file beside the passphrase', () => {
    const p = bundleProblems({
      code: 'invalid',
      message: 'passphrase: this passphrase does not open the bundle',
      fields: [{ field: 'passphrase', message: 'this passphrase does not open the bundle' }],
    });
    expect(p).toEqual({ passphrase: 'This passphrase does not open the bundle', file: [] });
  });

  it("puts the core's message about a bad file beside the file, naming the record for a bad field", () => {
    const p = bundleProblems({
      code: 'invalid',
      message: 'x',
      fields: [
        { field: 'file', message: 'this bundle was written by a newer version of Equipment Passport' },
        { field: 'child Amara Okafor: nhs_number', message: 'the NHS number fails its check digit' },
      ],
    });
    expect(p.passphrase).toBeNull();
    expect(p.file).toEqual([
      'This bundle was written by a newer version of Equipment Passport',
      'Child Amara Okafor: nhs_number: the NHS number fails its check digit',
    ]);
  });

  it('falls back to the message of an error without fields', () => {
    expect(bundleProblems({ code: 'io', message: 'could not read x.passport', fields: [] }).file).toEqual(['Could not read x.passport']);
  });
});

describe('a spreadsheet', () => {
  it("summarises the dry run's rows", () => {
    expect(csvDryRunSummary(csvReport())).toBe('6 rows: 5 good, 1 with problems (1 problem listed below).');
    expect(csvDryRunSummary(csvReport({ rows: 5, bad_rows: 0, errors: [] }))).toBe('5 rows, all good: ready to import.');
    expect(csvDryRunSummary(csvReport({ rows: 0, good_rows: 0, bad_rows: 0, errors: [] }))).toContain('no rows');
  });

  it('says how the file was read', () => {
    expect(csvFormatNote(csvReport())).toBe('Read as UTF-8 text, separated by commas.');
    expect(csvFormatNote(csvReport({ encoding: 'windows1252', delimiter: ';' }))).toContain('separated by semicolons');
  });

  it('says what an import wrote and what it left', () => {
    const done = csvReport({ mode: 'good_rows_only', written: true, items_created: 5, service_records_created: 3 });
    expect(csvImportedMessage(done)).toBe('Imported 5 equipment items and 3 service records from 5 rows. 1 row with problems was not imported.');
    const refused = csvReport({ mode: 'all_or_nothing', written: false, bad_rows: 2 });
    expect(csvImportedMessage(refused)).toMatch(/^Nothing was imported: 2 rows have problems/);
  });

  it("shows a file that cannot be read with the core's messages", () => {
    expect(
      csvFileProblems({
        code: 'invalid',
        message: 'x',
        fields: [{ field: 'header', message: "'Reveiw date' is not a column the import knows" }],
      }),
    ).toEqual(["'Reveiw date' is not a column the import knows"]);
  });

  it('counts in words', () => {
    expect(count(1, 'row')).toBe('1 row');
    expect(count(2, 'child', 'children')).toBe('2 children');
  });
});

describe('the addresses of the screen', () => {
  it('has one for the whole caseload and one for exporting a child', async () => {
    const { href, parse } = await import('./router');
    expect(parse('#/transfer').name).toBe('transfer');
    const child = parse(href('child-export', { id: 'abc' }));
    expect(child).toMatchObject({ name: 'child-export', params: { id: 'abc' }, hash: '#/children/abc/export' });
    // The child's own page is still the child's page.
    expect(parse('#/children/abc').name).toBe('child');
  });
});
