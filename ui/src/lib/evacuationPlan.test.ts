import { describe, expect, it } from 'vitest';
import { adultsText, blankPlan, formToPlan, planToForm } from './evacuationPlan';
import type { EvacuationPlan } from '../generated/EvacuationPlan';

const saved: EvacuationPlan = {
  setting_id: 'oakfield',
  route: 'Hall fire door, then the ramp',
  assembly_point: 'Top playground',
  equipment_id: 'chair-1',
  equipment_note: 'Ear defenders',
  sessions: [
    { session: 'Morning', adults: [{ name: 'Mrs Price', role: 'Teaching assistant' }] },
    { session: 'Lunch', adults: [{ name: 'Mr Evans', role: '' }] },
  ],
  if_in_stander: 'Two adults lift her out.',
  if_on_hoist: 'Lower her to the bed.',
  notes: '',
  review_date: '2027-09-01',
  agreed_by: 'Mrs Hughes (SENCO)',
};

describe('the evacuation plan editor', () => {
  it('shows a saved plan in the form and sends it back unchanged', () => {
    const form = planToForm(saved);
    expect(form.review_date).toBe('1/9/2027');
    expect(formToPlan(form, 'oakfield')).toEqual({ plan: saved, errors: [] });
  });

  it('starts a new plan with a morning session ready for its first adult', () => {
    const form = blankPlan();
    expect(form.sessions).toEqual([{ session: 'Morning', adults: [{ name: '', role: '' }] }]);
  });

  it('leaves out blank adult rows, so a plan with nobody named reaches the core with no adults', () => {
    const { plan, errors } = formToPlan({ ...blankPlan(), review_date: '1/9/2027' }, 'oakfield');
    expect(errors).toEqual([]);
    expect(plan.sessions).toEqual([{ session: 'Morning', adults: [] }]);
    expect(plan.equipment_id).toBeNull();
  });

  it('keeps an adult with a role but no name, for the core to ask for the name', () => {
    const form = blankPlan();
    form.sessions[0]!.adults = [{ name: ' ', role: 'Teacher' }];
    expect(formToPlan(form, 's').plan.sessions[0]!.adults).toEqual([{ name: ' ', role: 'Teacher' }]);
  });

  it('names an unreadable review date as the core names its own errors', () => {
    const { plan, errors } = formToPlan({ ...blankPlan(), review_date: '31/2/2027' }, 's');
    expect(errors.map((e) => e.field)).toEqual(['evacuation.review_date']);
    expect(plan.review_date).toBeNull();
  });

  it('puts a session\'s adults in a line with their roles', () => {
    expect(adultsText(saved.sessions[0]!)).toBe('Mrs Price (Teaching assistant)');
    expect(
      adultsText({ session: 'Lunch', adults: [{ name: 'Mr Evans', role: '' }, { name: 'Mrs Price', role: 'TA' }] }),
    ).toBe('Mr Evans, Mrs Price (TA)');
  });
});
