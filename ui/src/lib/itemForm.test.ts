import { describe, expect, it } from 'vitest';
import type { ItemDetails } from '../generated/ItemDetails';
import { childToForm, formatNhsNumber, formToChild } from './childForm';
import { dropBlankRows, formToItem, itemToForm, newItemDetails } from './itemForm';

describe('the item form', () => {
  it('round-trips an item unchanged', () => {
    const details: ItemDetails = {
      ...newItemDetails('wheelchair', 'Everyday chair'),
      issue_date: '2025-09-01',
      schedule: [{ days: ['mon', 'wed'], start: '09:15:00', duration_minutes: 40, activity: 'Literacy' }],
      setup_steps: [{ text: 'Brakes on', photo_id: 'p1' }],
      wheelchair: {
        kind: 'powered',
        seat_width_mm: 340,
        seat_depth_mm: null,
        components: 'Lateral supports',
        tilt_in_space: true,
        recline: false,
        budget: 'notional',
        service_id: null,
        repairer_id: null,
        crash_tested: true,
      },
    };
    const back = formToItem(itemToForm(details));
    expect(back.errors).toEqual([]);
    expect(back.details).toEqual(details);
  });

  it('sends only the parts the category has', () => {
    const form = itemToForm(newItemDetails('wheelchair', 'Chair'));
    form.seating.postural_supports = ['Pelvic strap'];
    form.category = 'hoist';
    const { details } = formToItem(form);
    expect(details.wheelchair).toBeNull();
    expect(details.seating).toBeNull();
    expect(details.sling).toBeNull();
    form.category = 'sling';
    form.sling.sling_id = 'SL-0042';
    expect(formToItem(form).details.sling?.sling_id).toBe('SL-0042');
  });

  it('reports what it cannot read under the core’s field paths', () => {
    const form = itemToForm(newItemDetails('wheelchair', 'Chair'));
    form.issue_date = '31/2/2026';
    form.wheelchair.seat_width_mm = '36cm';
    form.schedule = [{ days: ['mon'], start: 'lunch', minutes: 'forty', activity: '' }];
    expect(formToItem(form).errors.map((e) => e.field)).toEqual([
      'issue_date',
      'schedule[0].start',
      'schedule[0].duration_minutes',
      'wheelchair.seat_width_mm',
    ]);
  });

  it('drops blank rows so the core’s error numbers point at the rows on screen', () => {
    const form = itemToForm(newItemDetails('seating', 'Chair'));
    form.safety_checks = ['', 'Straps not frayed', '  '];
    form.setup_steps = [{ text: ' ', photo_id: null }, { text: '', photo_id: 'p1' }];
    form.seating.measurements = [{ label: '', value: '' }, { label: 'Footplate', value: '28 cm' }];
    const tidy = dropBlankRows(form);
    expect(tidy.safety_checks).toEqual(['Straps not frayed']);
    expect(tidy.setup_steps).toEqual([{ text: '', photo_id: 'p1' }]);
    expect(tidy.seating.measurements).toEqual([{ label: 'Footplate', value: '28 cm' }]);
  });
});

describe('the child form', () => {
  it('needs a readable date of birth before anything is sent', () => {
    const form = childToForm(null);
    form.given_name = 'Zoë';
    form.family_name = 'Hughes';
    expect(formToChild(form)).toEqual({ details: null, errors: [{ field: 'date_of_birth', message: 'Enter the date of birth' }] });
    form.date_of_birth = '14/3/2017';
    const { details, errors } = formToChild(form);
    expect(errors).toEqual([]);
    expect(details).toMatchObject({ given_name: 'Zoë', date_of_birth: '2017-03-14', setting_id: null, tier: null, consent: null });
  });

  it('sends consent only when it is recorded', () => {
    const form = childToForm(null);
    form.date_of_birth = '14/3/2017';
    form.has_consent = true;
    form.consent_given_by = 'Amira Haddad (mother)';
    form.consent_given_on = '1/9/2025';
    expect(formToChild(form).details?.consent).toEqual({ given_by: 'Amira Haddad (mother)', given_on: '2025-09-01' });
    form.consent_given_on = '';
    expect(formToChild(form).errors[0]?.field).toBe('consent.given_on');
  });

  it('shows NHS numbers in threes', () => {
    expect(formatNhsNumber('9434765919')).toBe('943 476 5919');
    expect(formatNhsNumber('12345')).toBe('12345');
  });
});
