import { describe, expect, it } from 'vitest';
import { childToForm, formToChild } from './childForm';
import { FieldErrors, fieldId, targetId } from './fields';
import { COLOURS, noStatements, PER_COLOUR, statementsToForm } from './keyStatements';

describe('the key statements on the child form', () => {
  it('offers three boxes a colour, with what is recorded in the first ones', () => {
    const form = statementsToForm({ red: ['Never lift me without two adults'], amber: [], green: ['Sing to me', 'Tell me first'] });
    expect(form).toEqual({
      red: ['Never lift me without two adults', '', ''],
      amber: ['', '', ''],
      green: ['Sing to me', 'Tell me first', ''],
    });
    expect(childToForm(null).key_statements).toEqual({ red: ['', '', ''], amber: ['', '', ''], green: ['', '', ''] });
  });

  it('sends every box in place, so an error from the core names the box it was typed in', () => {
    const form = childToForm(null);
    form.date_of_birth = '14/3/2017';
    form.key_statements.red[1] = 'Never leave me alone in the hoist';
    const { details } = formToChild(form);
    expect(details?.key_statements).toEqual({ red: ['', 'Never leave me alone in the hoist', ''], amber: ['', '', ''], green: ['', '', ''] });
    // The core names that box `key_statements.red[1]`: the second red input.
    const errors = new FieldErrors([{ field: 'key_statements.red[1]', message: 'the statement is too long' }]);
    expect(errors.of('key_statements.red[1]')).toBe('The statement is too long');
    expect(errors.within('key_statements.red')).toBe(true);
    expect(errors.within('key_statements.amber')).toBe(false);
  });

  it('takes an error about a whole colour to that colour’s group', () => {
    const onPage = new Set([fieldId('key_statements.red'), fieldId('key_statements.red[0]')]);
    expect(targetId('key_statements.red', (id) => onPage.has(id))).toBe('field-key_statements-red');
    expect(targetId('key_statements.red[3]', (id) => onPage.has(id))).toBe('field-key_statements-red');
  });

  it('lists red first, and names each colour in words', () => {
    expect(COLOURS.map((c) => c.colour)).toEqual(['red', 'amber', 'green']);
    expect(COLOURS.map((c) => c.name)).toEqual(['Red', 'Amber', 'Green']);
    expect(PER_COLOUR).toBe(3);
  });

  it('knows when nothing is recorded, blank boxes included', () => {
    expect(noStatements({ red: [], amber: [], green: [] })).toBe(true);
    expect(noStatements({ red: ['', ' '], amber: [], green: [] })).toBe(true);
    expect(noStatements({ red: [], amber: [], green: ['Sing to me'] })).toBe(false);
  });
});
