import { describe, expect, it } from 'vitest';
import { amountField, emptyStageForm, formToStageEntry, isMilestone, parsePounds, pounds, STATUS_STAGES, type StageForm } from './dfg';

const TODAY = new Date(2026, 10, 22);

function form(over: Partial<StageForm>): StageForm {
  return { ...emptyStageForm('Mia Patel', '2026-11-22'), ...over };
}

describe('money', () => {
  it('reads amounts typed in pounds as whole pence, without floating-point rounding', () => {
    expect(parsePounds('12000')).toEqual({ ok: true, pence: 1_200_000 });
    expect(parsePounds(' £12,000 ')).toEqual({ ok: true, pence: 1_200_000 });
    expect(parsePounds('4250.5')).toEqual({ ok: true, pence: 425_050 });
    expect(parsePounds('0.29')).toEqual({ ok: true, pence: 29 });
    expect(parsePounds('1.10')).toEqual({ ok: true, pence: 110 });
    expect(parsePounds('')).toEqual({ ok: true, pence: null });
  });

  it('refuses what is not an amount, leaving the limits to the core', () => {
    for (const bad of ['twelve', '12.345', '-5', '£', '1e5', '.5', '12 000']) {
      expect(parsePounds(bad).ok, bad).toBe(false);
    }
    expect(parsePounds('99999999')).toEqual({ ok: true, pence: 9_999_999_900 });
  });

  it('shows an amount in the words the core sent with the case, or what to say when there is none', () => {
    const record = { pounds: { 3_000_000: '£30,000' } };
    expect(pounds(record, 3_000_000)).toBe('£30,000');
    expect(pounds(record, null, 'Not yet known')).toBe('Not yet known');
  });
});

describe('stages', () => {
  it('gives an amount field to the stages the core says carry one, marking the optional ones', () => {
    expect(amountField('quote')).toEqual({ label: 'Amount of the quote' });
    expect(amountField('paid')).toEqual({ label: 'Amount paid (optional)' });
    expect(amountField('referral')).toBeNull();
    expect(amountField('')).toBeNull();
  });

  it('offers holding, resuming and withdrawing apart from the steps along a case', () => {
    expect(STATUS_STAGES).toEqual(['on-hold', 'resumed', 'withdrawn']);
    expect(isMilestone('decision-refused')).toBe(true);
  });
});

describe('the record-a-stage form', () => {
  it('asks for a stage and a readable date', () => {
    const { entry, errors } = formToStageEntry(form({ stage: '', date: '31/2/2026' }), TODAY);
    expect(entry).toBeNull();
    expect(errors.map((e) => e.field)).toEqual(['stage', 'date']);
  });

  it('sends a simple stage with its ISO date and nothing it does not carry', () => {
    const { entry } = formToStageEntry(
      form({ stage: 'referral', date: '3/3/2026', amount: '500', contractor: 'Left from a quote', chosen: true }),
      TODAY,
    );
    expect(entry).toEqual({
      stage: 'referral',
      date: '2026-03-03',
      recorded_by: 'Mia Patel',
      amount_pence: null,
      contractor: '',
      chosen: false,
      adaptations: [],
      funding: null,
      notes: '',
    });
  });

  it('sends a quote with its contractor, amount in pence and whether it is chosen', () => {
    const { entry } = formToStageEntry(form({ stage: 'quote', amount: '£8,450.50', contractor: 'Access Builders', chosen: true }), TODAY);
    expect(entry).toMatchObject({ stage: 'quote', amount_pence: 845_050, contractor: 'Access Builders', chosen: true });
  });

  it('names the adaptation whose estimated cost cannot be read, by the core path', () => {
    const { entry, errors } = formToStageEntry(
      form({
        stage: 'recommendation',
        adaptations: [
          { kind: 'stairlift', description: '', cost: '4000' },
          { kind: 'ramp', description: 'Front door', cost: 'about 2k' },
        ],
      }),
      TODAY,
    );
    expect(entry).toBeNull();
    expect(errors.map((e) => e.field)).toEqual(['adaptations[1].estimated_cost_pence']);
  });

  it('sends the recommended adaptations with costs in pence, an empty cost as none', () => {
    const { entry } = formToStageEntry(
      form({
        stage: 'recommendation',
        adaptations: [
          { kind: 'level-access-shower', description: 'Ground floor', cost: '9500' },
          { kind: 'door-widening', description: '', cost: '' },
        ],
      }),
      TODAY,
    );
    expect(entry?.adaptations).toEqual([
      { kind: 'level-access-shower', description: 'Ground floor', estimated_cost_pence: 950_000 },
      { kind: 'door-widening', description: '', estimated_cost_pence: null },
    ]);
  });

  it('sends an approval without a split when none is typed, and with blanks as £0 when one is', () => {
    const plain = formToStageEntry(form({ stage: 'decision-approved', amount: '12000' }), TODAY).entry;
    expect(plain).toMatchObject({ amount_pence: 1_200_000, funding: null });

    const split = formToStageEntry(
      form({
        stage: 'decision-approved',
        amount: '36000',
        funding: { mandatory: '30000', discretionary: '4000', family: '', other: '2000', other_source: 'Local charity' },
      }),
      TODAY,
    ).entry;
    expect(split?.funding).toEqual({
      mandatory_pence: 3_000_000,
      discretionary_pence: 400_000,
      family_pence: 0,
      other_pence: 200_000,
      other_source: 'Local charity',
    });
  });

  it('does not send a funding split typed for an approval when the stage changed to a refusal', () => {
    const { entry } = formToStageEntry(
      form({
        stage: 'decision-refused',
        amount: '36000',
        notes: 'Not necessary and appropriate',
        funding: { mandatory: '30000', discretionary: '', family: '', other: '', other_source: '' },
      }),
      TODAY,
    );
    expect(entry).toMatchObject({ stage: 'decision-refused', amount_pence: null, funding: null, notes: 'Not necessary and appropriate' });
  });

  it('reports an unreadable part of the split under its own field', () => {
    const { errors } = formToStageEntry(
      form({ stage: 'decision-approved', amount: '1000', funding: { mandatory: '1000', discretionary: 'lots', family: '', other: '', other_source: '' } }),
      TODAY,
    );
    expect(errors.map((e) => e.field)).toEqual(['funding.discretionary_pence']);
  });
});

describe('DFG addresses', () => {
  it('reads and writes the DFG screens, the new-case form before a case id', async () => {
    const { href, parse } = await import('./router');
    expect(parse('#/dfg')).toMatchObject({ name: 'dfg-cases' });
    expect(parse('#/dfg/3f2a')).toMatchObject({ name: 'dfg-case', params: { id: '3f2a' } });
    expect(parse('#/children/c1/dfg/new')).toMatchObject({ name: 'dfg-new', params: { id: 'c1' } });
    expect(href('dfg-case', { id: 'abc' })).toBe('#/dfg/abc');
    expect(href('dfg-new', { id: 'c1' })).toBe('#/children/c1/dfg/new');
  });
});
