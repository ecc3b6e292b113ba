import { describe, expect, it } from 'vitest';
import { ancestors, errorId, FieldErrors, fieldId, sentence, targetId } from './fields';

describe('fieldId', () => {
  it('turns core field paths into readable, valid ids', () => {
    expect(fieldId('nhs_number')).toBe('field-nhs_number');
    expect(fieldId('setup_steps[2].text')).toBe('field-setup_steps-2-text');
    expect(fieldId('sling.sling_id')).toBe('field-sling-sling_id');
    expect(fieldId('wheelchair.seat_width_mm')).toBe('field-wheelchair-seat_width_mm');
    expect(fieldId('seating.measurements[0].label')).toBe('field-seating-measurements-0-label');
    expect(fieldId('safety_checks[10]')).toBe('field-safety_checks-10');
    expect(errorId('nhs_number')).toBe('field-nhs_number-error');
  });

  it('gives different paths different ids', () => {
    const paths = ['schedule[1].days', 'schedule[11].days', 'schedule[1]', 'schedule'];
    expect(new Set(paths.map(fieldId)).size).toBe(paths.length);
  });
});

describe('targetId', () => {
  it('finds the input itself when it is on the page', () => {
    const page = new Set(['field-nhs_number', 'field-setup_steps-2-text']);
    expect(targetId('setup_steps[2].text', (id) => page.has(id))).toBe('field-setup_steps-2-text');
  });

  it('falls back to the nearest enclosing field', () => {
    const page = new Set(['field-seating-measurements', 'field-wheelchair']);
    expect(ancestors('seating.measurements[1].label')).toEqual([
      'seating.measurements[1].label',
      'seating.measurements[1]',
      'seating.measurements',
      'seating',
    ]);
    expect(targetId('seating.measurements[1].label', (id) => page.has(id))).toBe('field-seating-measurements');
    expect(targetId('wheelchair', (id) => page.has(id))).toBe('field-wheelchair');
    expect(targetId('sling.sling_id', (id) => page.has(id))).toBeNull();
  });
});

describe('FieldErrors', () => {
  const errors = new FieldErrors([
    { field: 'nhs_number', message: 'the check digit is wrong' },
    { field: 'setup_steps[1].text', message: 'describe this step, or remove it' },
    { field: 'setup_steps[1].text', message: 'keep it short' },
    { field: 'wheelchair', message: 'wheelchair details belong to a wheelchair' },
  ]);

  it('gives each field its own messages, as sentences', () => {
    expect(errors.of('nhs_number')).toBe('The check digit is wrong');
    expect(errors.of('setup_steps[1].text')).toBe('Describe this step, or remove it. Keep it short');
    expect(errors.of('given_name')).toBeUndefined();
  });

  it('says whether anything inside a section has a problem', () => {
    expect(errors.within('setup_steps')).toBe(true);
    expect(errors.within('setup_steps[1]')).toBe(true);
    expect(errors.within('setup_steps[0]')).toBe(false);
    expect(errors.within('wheelchair')).toBe(true);
    expect(errors.within('nhs')).toBe(false);
  });

  it('renames fields a screen shows under another name', () => {
    const e = new FieldErrors([{ field: 'passphrase', message: 'too short' }], { passphrase: 'new' });
    expect(e.of('new')).toBe('Too short');
    expect(e.of('passphrase')).toBeUndefined();
    expect(new FieldErrors().empty).toBe(true);
  });

  it('sentence capitalises the first letter only', () => {
    expect(sentence('enter the first name')).toBe('Enter the first name');
    expect(sentence('  ')).toBe('');
  });
});
