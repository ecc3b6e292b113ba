import { describe, expect, it } from 'vitest';
import type { StatutoryClock } from '../generated/StatutoryClock';
import {
  clockState,
  describeProgress,
  emptyStageForm,
  formatPounds,
  formToStageEntry,
  nextClock,
  noClockText,
  parsePounds,
  poundsInput,
  summaryFileName,
  type StageForm,
} from './dfg';

const TODAY = new Date(2026, 10, 22);

function clock(over: Partial<StatutoryClock>): StatutoryClock {
  return {
    kind: 'decision',
    started_by: 'application',
    started_on: '2026-03-02',
    due_date: '2026-09-02',
    days_left: 10,
    overdue: false,
    stopped_on: null,
    stopped_by: null,
    ...over,
  };
}

function form(over: Partial<StageForm>): StageForm {
  return { ...emptyStageForm('Mia Patel', '2026-11-22'), ...over };
}

describe('money', () => {
  it('shows pounds grouped in thousands, with pence only when there are some', () => {
    expect(formatPounds(123_456)).toBe('£1,234.56');
    expect(formatPounds(3_000_000)).toBe('£30,000');
    expect(formatPounds(5)).toBe('£0.05');
    expect(formatPounds(0)).toBe('£0');
    expect(formatPounds(100_000_000_050)).toBe('£1,000,000,000.50');
    expect(formatPounds(-500)).toBe('-£5');
  });

  it('reads amounts typed in pounds as whole pence, without floating-point rounding', () => {
    expect(parsePounds('12000')).toEqual({ ok: true, pence: 1_200_000 });
    expect(parsePounds(' £12,000 ')).toEqual({ ok: true, pence: 1_200_000 });
    expect(parsePounds('4250.5')).toEqual({ ok: true, pence: 425_050 });
    expect(parsePounds('0.29')).toEqual({ ok: true, pence: 29 });
    expect(parsePounds('1.10')).toEqual({ ok: true, pence: 110 });
    expect(parsePounds('')).toEqual({ ok: true, pence: null });
  });

  it('refuses what is not an amount, and amounts no grant could be', () => {
    for (const bad of ['twelve', '12.345', '-5', '£', '1e5', '.5', '12 000']) {
      expect(parsePounds(bad).ok, bad).toBe(false);
    }
    const huge = parsePounds('99999999');
    expect(huge.ok).toBe(false);
    if (!huge.ok) expect(huge.message).toContain('£99,999,999');
  });

  it('puts an amount back into a field the way it reads back in', () => {
    for (const pence of [1_200_000, 425_050, 29, 110]) {
      const typed = poundsInput(pence);
      expect(parsePounds(typed)).toEqual({ ok: true, pence });
    }
    expect(poundsInput(1_200_000)).toBe('12000');
    expect(poundsInput(null)).toBe('');
  });
});

describe('statutory clocks', () => {
  it('says in words how overdue a running clock is, with a red tag', () => {
    expect(clockState(clock({ days_left: -3, overdue: true }))).toEqual({
      tag: 'Overdue',
      colour: 'nhsuk-tag--red',
      text: 'Overdue by 3 days',
    });
    expect(clockState(clock({ days_left: -1, overdue: true })).text).toBe('Overdue by 1 day');
    expect(clockState(clock({ days_left: 0 })).text).toBe('Due today');
    expect(clockState(clock({ days_left: 12 })).text).toBe('12 days left');
  });

  it('tells a met deadline from one stopped by a withdrawal', () => {
    const met = clockState(clock({ days_left: 10, stopped_on: '2026-08-23', stopped_by: 'decision-approved' }));
    expect(met.tag).toBe('Met');
    expect(met.text).toBe('Met 23 August 2026, 10 days early');
    const late = clockState(clock({ days_left: -4, stopped_on: '2026-09-06', stopped_by: 'decision-refused' }));
    expect(late.text).toBe('Met late 6 September 2026, 4 days after the deadline');
    const withdrawn = clockState(clock({ kind: 'payment', days_left: 40, stopped_on: '2026-05-01', stopped_by: 'withdrawn' }));
    expect(withdrawn.tag).toBe('Stopped');
    expect(withdrawn.text).toBe('Stopped: withdrawn 1 May 2026');
    // A refusal stops the payment clock, but payment was not what stopped it.
    const refused = clockState(clock({ kind: 'payment', days_left: 100, stopped_on: '2026-05-01', stopped_by: 'decision-refused' }));
    expect(refused.tag).toBe('Stopped');
  });

  it('picks the running clock due first as the next deadline', () => {
    const decision = clock({ kind: 'decision', due_date: '2026-09-02', stopped_on: '2026-08-01', stopped_by: 'decision-approved' });
    const works = clock({ kind: 'works', due_date: '2027-08-01' });
    const payment = clock({ kind: 'payment', due_date: '2027-03-02' });
    expect(nextClock([decision, works, payment])?.kind).toBe('payment');
    expect(nextClock([decision])).toBeNull();
    expect(nextClock([])).toBeNull();
  });

  it('says why a case has no running deadline', () => {
    const met = clock({ stopped_on: '2026-08-01', stopped_by: 'decision-approved' });
    expect(noClockText({ jurisdiction: 'england', progress: { stage: 'quote', clocks: [] } })).toBe(
      'Not started: the deadlines start at the full application',
    );
    expect(noClockText({ jurisdiction: 'scotland', progress: { stage: 'application', clocks: [] } })).toBe(
      'No statutory deadlines in Scotland',
    );
    expect(noClockText({ jurisdiction: 'england', progress: { stage: 'paid', clocks: [met] } })).toBe('None running');
  });

  it('describes where a case stands', () => {
    expect(describeProgress({ status: 'open', stage: 'decision-approved' })).toBe('Grant approved');
    expect(describeProgress({ status: 'on-hold', stage: 'quote' })).toBe('On hold (at: Quote received)');
    expect(describeProgress({ status: 'open', stage: null })).toBe('Opened');
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

describe('the case summary file', () => {
  it('is named after the child and the day, with nothing a file name cannot hold', () => {
    expect(summaryFileName('Zoë Hughes', '2026-11-22')).toBe('Zoë Hughes - DFG case summary 2026-11-22.pdf');
    expect(summaryFileName('A/B: "C"', '2026-11-22')).toBe('A B C - DFG case summary 2026-11-22.pdf');
    expect(summaryFileName('', '2026-11-22')).toBe('DFG case - DFG case summary 2026-11-22.pdf');
  });
});
