import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../generated/AuditEntry';
import type { FieldChange } from '../generated/FieldChange';
import {
  backupKind,
  backupSavedMessage,
  baseName,
  byDay,
  changeLine,
  formatBytes,
  headline,
  madeBy,
  namesFrom,
  newestFirst,
  readable,
  restoredMessage,
  splitChanges,
  timeOfDay,
} from './history';
import { CATEGORY, CONTACT_ROLE, ITEM_STATUS, SERVICE_KIND } from './labels';

const SCHOOL = '01a2062a-1814-711b-874d-8692cb3393db';
const ITEM = '01a2062a-2d1f-7677-99be-fda2fec2e049';

function entry(seq: number, over: Partial<AuditEntry> = {}): AuditEntry {
  return {
    seq,
    at: '2026-11-22T14:05:00.000Z',
    who: 'Sam Jones',
    action: 'update',
    record: { kind: 'item', id: ITEM },
    child_id: null,
    summary: 'Gait trainer',
    changes: [],
    ...over,
  };
}

const change = (field: string, old: string | null, now: string | null, label = field): FieldChange => ({
  field,
  label,
  old,
  new: now,
});

describe('the order and grouping of a history', () => {
  it('puts the latest change first, by the order of writing', () => {
    const list = [entry(3), entry(10), entry(7)];
    expect(newestFirst(list).map((e) => e.seq)).toEqual([10, 7, 3]);
    // The original is left as it was.
    expect(list.map((e) => e.seq)).toEqual([3, 10, 7]);
  });

  it('groups changes under the day they were made, newest day first', () => {
    const days = byDay([
      entry(1, { at: '2026-11-20T09:00:00.000Z' }),
      entry(2, { at: '2026-11-22T09:00:00.000Z' }),
      entry(3, { at: '2026-11-22T11:30:00.000Z' }),
    ]);
    expect(days.map((d) => d.day)).toEqual(['22 November 2026', '20 November 2026']);
    expect(days[0]!.entries.map((e) => e.seq)).toEqual([3, 2]);
  });

  it('gives the time of day of a change', () => {
    expect(timeOfDay(entry(1, { at: '2026-11-22T14:05:00.000Z' }))).toMatch(/^\d{2}:\d{2}$/);
  });
});

describe('what a change is called', () => {
  it('says what was done to which record', () => {
    expect(headline(entry(1))).toBe('Changed equipment item: Gait trainer');
    expect(headline(entry(1, { action: 'create', record: { kind: 'contact', id: 'c' }, summary: 'Folake Adebayo' }))).toBe(
      'Added contact: Folake Adebayo',
    );
    expect(headline(entry(1, { action: 'delete', record: { kind: 'service_record', id: 's' }, summary: 'Loler on 2026-11-01' }))).toBe(
      'Deleted service record: Loler on 1 November 2026',
    );
  });

  it('does not repeat a summary that is only the kind of record', () => {
    expect(headline(entry(1, { action: 'create', record: { kind: 'photo', id: 'p' }, summary: 'Photo' }))).toBe('Added photo');
    expect(headline(entry(1, { record: { kind: 'dfg_funding', id: 'f' }, summary: '' }))).toBe('Changed DFG funding');
    expect(headline(entry(1, { action: 'create', record: { kind: 'setup_step', id: 'i#2' }, summary: 'Set-up step 3' }))).toBe('Added set-up step 3');
    expect(headline(entry(1, { action: 'create', record: { kind: 'photo', id: 'p' }, summary: 'Photo: Chair as set up' }))).toBe(
      'Added photo: Chair as set up',
    );
  });

  it('keeps acronyms in capitals and writes dates in summaries the UK way', () => {
    expect(headline(entry(1, { action: 'create', record: { kind: 'dfg_stage', id: 's' }, summary: 'DFG stage: Works-started on 2026-11-03' }))).toBe(
      'Added DFG stage: Works-started on 3 November 2026',
    );
  });

  it('names who made it and when, or says no name was recorded', () => {
    expect(madeBy(entry(1))).toMatch(/^\d{2}:\d{2} by Sam Jones$/);
    expect(madeBy(entry(1, { who: ' ' }))).toMatch(/^\d{2}:\d{2}, no name recorded$/);
  });
});

describe('values as people read them', () => {
  it('writes dates the UK way and leaves ordinary text alone', () => {
    expect(readable('2017-03-14', 'date_of_birth', 'child')).toBe('14 March 2017');
    expect(readable('Year 2, Otter class', 'class_name', 'child')).toBe('Year 2, Otter class');
  });

  it('reads SQLite timestamps as well as RFC 3339 ones', () => {
    expect(readable('2026-11-23 02:09:17.045958447+00:00', 'created_at', 'child')).toMatch(/^23 November 2026 at \d{2}:\d{2}$/);
    expect(readable('2026-11-23T02:09:17.046Z', 'recorded_at', 'service_record')).toMatch(/^23 November 2026 at \d{2}:\d{2}$/);
  });

  it('shows an empty value as empty', () => {
    expect(readable(null, 'nhs_number', 'child')).toBe('(empty)');
    expect(readable('  ', 'nhs_number', 'child')).toBe('(empty)');
  });

  it('turns codes into their labels, by field and by kind of record', () => {
    expect(readable('walker', 'category', 'item')).toBe(CATEGORY.walker);
    expect(readable('awaiting-repair', 'status', 'item')).toBe(ITEM_STATUS['awaiting-repair']);
    expect(readable('parent-carer', 'role', 'contact')).toBe(CONTACT_ROLE['parent-carer']);
    expect(readable('loler', 'kind', 'service_record')).toBe(SERVICE_KIND.loler);
    // `kind` of a service record is a service kind; of an unknown record it stays as it is.
    expect(readable('loler', 'kind', 'dfg_adaptation')).toBe('loler');
  });

  it('names what an id points to, and never shows a bare id', () => {
    const names = new Map([[SCHOOL, 'Oakfield Primary']]);
    expect(readable(SCHOOL, 'setting_id', 'child', names)).toBe('Oakfield Primary');
    expect(readable(ITEM, 'provider_id', 'item', names)).toBe('another record');
    expect(readable(ITEM, 'photo_id', 'child', names)).toBe('a photo');
  });

  it('writes lists kept as JSON one entry a line', () => {
    expect(readable('["All four brakes work.","Pads are clean."]', 'safety_checks', 'item')).toBe('All four brakes work.\nPads are clean.');
    expect(readable('[{"label":"Mobile","number":"07700 900955"}]', 'phones', 'contact')).toBe('Mobile 07700 900955');
    expect(readable('[{"days":["mon","tue"],"start":"10:00:00","end":"10:30:00"}]', 'schedule', 'item')).toBe(
      'Monday, Tuesday 10:00 10:30',
    );
    expect(readable('[]', 'dos', 'item')).toBe('(none)');
    expect(readable('[not json', 'notes', 'item')).toBe('[not json');
  });
});

describe('a changed field', () => {
  it('shows old and new for a change', () => {
    const e = entry(1);
    expect(changeLine(e, change('review_date', '2027-01-27', '2027-03-01', 'Review date'))).toEqual({
      label: 'Review date',
      old: '27 January 2027',
      new: '1 March 2027',
    });
  });

  it('shows only the value for an add, and only the old value for a delete', () => {
    expect(changeLine(entry(1, { action: 'create' }), change('name', null, 'Gait trainer', 'Name'))).toEqual({
      label: 'Name',
      old: null,
      new: 'Gait trainer',
    });
    expect(changeLine(entry(1, { action: 'delete' }), change('name', 'Gait trainer', null, 'Name'))).toEqual({
      label: 'Name',
      old: 'Gait trainer',
      new: null,
    });
  });

  it('shows a value cleared by a change as empty', () => {
    expect(changeLine(entry(1), change('nhs_number', '943 476 5919', null)).new).toBe('(empty)');
  });
});

describe('technical details', () => {
  it('keeps stored sizes and timestamps of an added record apart, and every field of a change in view', () => {
    const changes = [change('caption', null, 'Set up'), change('sha256', null, 'abc'), change('created_at', null, '2026-11-23T02:09:17Z')];
    const added = splitChanges(entry(1, { action: 'create', record: { kind: 'photo', id: 'p' }, changes }));
    expect(added.main.map((c) => c.field)).toEqual(['caption']);
    expect(added.technical.map((c) => c.field)).toEqual(['sha256', 'created_at']);
    const changed = splitChanges(entry(2, { changes }));
    expect(changed.main).toHaveLength(3);
    expect(changed.technical).toHaveLength(0);
  });
});

describe('names from the history itself', () => {
  it('keeps the latest name of each named record, even a deleted one', () => {
    const names = namesFrom([
      entry(2, { summary: 'Gait trainer (new frame)' }),
      entry(1, { action: 'create', summary: 'Gait trainer' }),
      entry(3, { record: { kind: 'photo', id: 'p' }, summary: 'Photo: set up' }),
    ]);
    expect(names.get(ITEM)).toBe('Gait trainer (new frame)');
    expect(names.has('p')).toBe(false);
  });
});

describe('backups', () => {
  it('gives sizes in the unit people expect', () => {
    expect(formatBytes(512)).toBe('512 bytes');
    expect(formatBytes(340 * 1024)).toBe('340 KB');
    expect(formatBytes(2.45 * 1024 * 1024)).toBe('2.5 MB');
  });

  it('takes the file name from either kind of path', () => {
    expect(baseName('/home/sam/backups/passport-2026-11-22.db')).toBe('passport-2026-11-22.db');
    expect(baseName('C:\\Users\\sam\\caseload.db')).toBe('caseload.db');
  });

  it('says what each kept backup is', () => {
    expect(backupKind({ path: 'a', automatic: true, modified: null, bytes: 1 })).toBe('Automatic daily backup');
    expect(backupKind({ path: 'b', automatic: false, modified: null, bytes: 1 })).toMatch(/before a restore/);
  });

  it('says where a backup was saved and what it holds', () => {
    const text = backupSavedMessage({ path: '/media/usb/caseload.db', bytes: 3 * 1024 * 1024, children: 14, schema_version: 4, encrypted: true });
    expect(text).toContain('/media/usb/caseload.db');
    expect(text).toContain('14 children');
    expect(text).toContain('3.0 MB');
    expect(text).toMatch(/passphrase/);
  });

  it('says what a restore did and where the replaced caseload is kept', () => {
    expect(restoredMessage('/x/passport-2026-11-22.db', { children: 1, backup_schema_version: 4, replaced_database: '/d/backups/before-restore-2026-11-23T020000Z.db' })).toBe(
      'The caseload was restored from passport-2026-11-22.db: it now holds 1 child. The caseload it replaced is kept in the backups folder as before-restore-2026-11-23T020000Z.db.',
    );
  });
});
