/**
 * Disabled Facilities Grant cases in the UI: the words for the core's codes, money in pounds
 * (the core keeps whole pence), the state of a statutory clock in words, and the "record the
 * next stage" form ⇄ the core's `StageEntry`. Problems the UI finds itself (an amount or a
 * date it cannot read) come back as field errors under the core's own paths
 * (`amount_pence`, `adaptations[1].estimated_cost_pence`, `funding.family_pence`), so they
 * show in the same place as the core's.
 */

import type { AdaptationKind } from '../generated/AdaptationKind';
import type { CaseProgress } from '../generated/CaseProgress';
import type { CaseStatus } from '../generated/CaseStatus';
import type { ClockKind } from '../generated/ClockKind';
import type { DfgCaseDetails } from '../generated/DfgCaseDetails';
import type { FieldError } from '../generated/FieldError';
import type { FundingSplit } from '../generated/FundingSplit';
import type { Jurisdiction } from '../generated/Jurisdiction';
import type { Scheme } from '../generated/Scheme';
import type { Stage } from '../generated/Stage';
import type { StageEntry } from '../generated/StageEntry';
import type { StatutoryClock } from '../generated/StatutoryClock';
import type { Tenure } from '../generated/Tenure';
import { formatDate, parseUkDate, todayIso, toInput } from './dates';

// ---- Words for the codes (the same as the core's labels) -----------------------------------

export const TENURE: Record<Tenure, string> = {
  'owner-occupier': 'Owner-occupier',
  'private-tenant': 'Private tenant',
  'council-tenant': 'Council tenant',
  'housing-association': 'Housing association tenant',
};

export const JURISDICTION: Record<Jurisdiction, string> = {
  england: 'England',
  wales: 'Wales',
  scotland: 'Scotland',
  'northern-ireland': 'Northern Ireland',
};

export const ADAPTATION_KIND: Record<AdaptationKind, string> = {
  'level-access-shower': 'Level-access shower or wet room',
  stairlift: 'Stairlift',
  'through-floor-lift': 'Through-floor lift',
  'ceiling-track-hoist': 'Ceiling track hoist',
  ramp: 'Ramp',
  'door-widening': 'Door widening',
  extension: 'Extension',
  other: 'Other adaptation',
};

export const STAGE: Record<Stage, string> = {
  referral: 'Referral received',
  assessment: 'OT assessment',
  recommendation: 'OT recommendation',
  'works-agreed': 'Schedule of works agreed',
  quote: 'Quote received',
  application: 'Full application submitted',
  'decision-approved': 'Grant approved',
  'decision-refused': 'Grant refused',
  'works-started': 'Works started',
  'works-completed': 'Works completed',
  'sign-off': 'OT sign-off of the works',
  paid: 'Grant paid',
  closed: 'Case closed',
  'on-hold': 'Put on hold',
  resumed: 'Resumed',
  withdrawn: 'Withdrawn',
};

/** The steps along a case, in order (both decisions share a place). */
export const MILESTONES: readonly Stage[] = [
  'referral',
  'assessment',
  'recommendation',
  'works-agreed',
  'quote',
  'application',
  'decision-approved',
  'decision-refused',
  'works-started',
  'works-completed',
  'sign-off',
  'paid',
  'closed',
];

/** Changes of status rather than steps along the case. */
export const STATUS_STAGES: readonly Stage[] = ['on-hold', 'resumed', 'withdrawn'];

export function isMilestone(stage: Stage): boolean {
  return !STATUS_STAGES.includes(stage);
}

export const CASE_STATUS: Record<CaseStatus, string> = {
  open: 'Open',
  'on-hold': 'On hold',
  withdrawn: 'Withdrawn',
  closed: 'Closed',
};

/** NHS tag colour of each status. */
export const CASE_STATUS_TAG: Record<CaseStatus, string> = {
  open: 'nhsuk-tag--blue',
  'on-hold': 'nhsuk-tag--yellow',
  withdrawn: 'nhsuk-tag--grey',
  closed: 'nhsuk-tag--white',
};

export const CLOCK_KIND: Record<ClockKind, string> = {
  decision: 'Decision due',
  works: 'Works to be completed',
  payment: 'Payment due',
};

export const SCHEME: Record<Scheme, string> = {
  dfg: 'Disabled Facilities Grant',
  'scheme-of-assistance': 'Scheme of assistance',
};

/** Where a case stands in a few words: "Grant approved", "On hold (at: Quote received)". */
export function describeProgress(p: Pick<CaseProgress, 'status' | 'stage'>): string {
  const stage = p.stage ? STAGE[p.stage] : 'Opened';
  switch (p.status) {
    case 'open':
      return stage;
    case 'on-hold':
      return `On hold (at: ${stage})`;
    case 'withdrawn':
      return `Withdrawn (at: ${stage})`;
    case 'closed':
      return 'Closed';
  }
}

// ---- Money ----------------------------------------------------------------------------------

/** "£1,234.56", "£12,000" (pence shown only when there are some), like the core and the PDF. */
export function formatPounds(pence: number): string {
  const sign = pence < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(pence));
  const whole = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const p = abs % 100;
  return p === 0 ? `${sign}£${whole}` : `${sign}£${whole}.${String(p).padStart(2, '0')}`;
}

/** An amount as it goes back into a form field: "12000", "4250.50"; "" for none. */
export function poundsInput(pence: number | null | undefined): string {
  if (pence === null || pence === undefined) return '';
  const p = pence % 100;
  return p === 0 ? String(pence / 100) : `${Math.floor(pence / 100)}.${String(p).padStart(2, '0')}`;
}

/** The core's largest amount (£10,000,000): anything bigger is a typing mistake. */
export const MAX_PENCE = 1_000_000_000;

export type ParsedPounds = { ok: true; pence: number | null } | { ok: false; message: string };

/**
 * Reads an amount typed in pounds: "12000", "£12,000", "4250.5". Empty is `{ok, pence: null}`.
 * Whole pence only, so floating point never rounds a penny away.
 */
export function parsePounds(text: string): ParsedPounds {
  const t = text.trim();
  if (t === '') return { ok: true, pence: null };
  const bad: ParsedPounds = {
    ok: false,
    message: `Enter the amount in pounds, like 12000 or 4250.50, with no more than two decimals`,
  };
  const digits = t.replace(/^£/, '').replace(/,/g, '');
  const m = /^(\d{1,12})(?:\.(\d{1,2}))?$/.exec(digits);
  if (!m) return bad;
  const pence = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  if (pence > MAX_PENCE) {
    return { ok: false, message: `${formatPounds(pence)} is more than any grant could be: check the amount` };
  }
  return { ok: true, pence };
}

// ---- Clocks ---------------------------------------------------------------------------------

function days(n: number): string {
  return n === 1 ? '1 day' : `${n} days`;
}

/** Whether a stopped clock was stopped by the thing it was waiting for. */
export function clockWasMet(c: StatutoryClock): boolean {
  return (
    (c.kind === 'decision' && (c.stopped_by === 'decision-approved' || c.stopped_by === 'decision-refused')) ||
    (c.kind === 'works' && c.stopped_by === 'works-completed') ||
    (c.kind === 'payment' && c.stopped_by === 'paid')
  );
}

export interface ClockState {
  /** One or two words in the tag. */
  tag: string;
  /** nhsuk tag colour class. */
  colour: string;
  /** The sentence beside the tag: "Overdue by 3 days", "Met 2 May 2026, 10 days early". */
  text: string;
}

/** A statutory clock's state in words, never colour alone. */
export function clockState(c: StatutoryClock): ClockState {
  if (c.stopped_on === null) {
    if (c.days_left < 0) return { tag: 'Overdue', colour: 'nhsuk-tag--red', text: `Overdue by ${days(-c.days_left)}` };
    if (c.days_left === 0) return { tag: 'Due today', colour: 'nhsuk-tag--orange', text: 'Due today' };
    return { tag: 'Running', colour: 'nhsuk-tag--blue', text: `${days(c.days_left)} left` };
  }
  const on = formatDate(c.stopped_on);
  if (clockWasMet(c)) {
    if (c.days_left < 0) {
      return { tag: 'Met late', colour: 'nhsuk-tag--orange', text: `Met late ${on}, ${days(-c.days_left)} after the deadline` };
    }
    if (c.days_left === 0) return { tag: 'Met', colour: 'nhsuk-tag--green', text: `Met ${on} (on the day)` };
    return { tag: 'Met', colour: 'nhsuk-tag--green', text: `Met ${on}, ${days(c.days_left)} early` };
  }
  const by = c.stopped_by ? STAGE[c.stopped_by].toLowerCase() : 'stopped';
  return { tag: 'Stopped', colour: 'nhsuk-tag--grey', text: `Stopped: ${by} ${on}` };
}

/** The running clock due first (overdue ones are due earliest), or null when none runs. */
export function nextClock(clocks: readonly StatutoryClock[]): StatutoryClock | null {
  let best: StatutoryClock | null = null;
  for (const c of clocks) {
    if (c.stopped_on !== null) continue;
    if (best === null || c.due_date < best.due_date) best = c;
  }
  return best;
}

/** "3 days", "1 day", "0 days" for time spent in a stage. */
export function daysInStage(n: number): string {
  return days(Math.max(0, n));
}

// ---- Case details form -----------------------------------------------------------------------

export function emptyDetails(): DfgCaseDetails {
  return {
    property_address: '',
    postcode: '',
    tenure: 'owner-occupier',
    jurisdiction: 'england',
    council: '',
    agency: '',
    applicant: '',
  };
}

// ---- The "record the next stage" form ---------------------------------------------------------

/** Stages that carry an amount, and whether it must be given. */
export const AMOUNT: Partial<Record<Stage, { label: string; required: boolean }>> = {
  quote: { label: 'Amount of the quote', required: true },
  application: { label: 'Amount applied for (optional)', required: false },
  'decision-approved': { label: 'Amount approved', required: true },
  paid: { label: 'Amount paid (optional)', required: false },
};

export interface AdaptationForm {
  kind: AdaptationKind;
  description: string;
  cost: string;
}

export interface FundingForm {
  mandatory: string;
  discretionary: string;
  family: string;
  other: string;
  other_source: string;
}

export interface StageForm {
  stage: Stage | '';
  date: string;
  recorded_by: string;
  amount: string;
  contractor: string;
  chosen: boolean;
  adaptations: AdaptationForm[];
  funding: FundingForm;
  notes: string;
}

export function emptyAdaptation(): AdaptationForm {
  return { kind: 'level-access-shower', description: '', cost: '' };
}

export function emptyStageForm(recordedBy: string, today: string = todayIso()): StageForm {
  return {
    stage: '',
    date: toInput(today),
    recorded_by: recordedBy,
    amount: '',
    contractor: '',
    chosen: false,
    adaptations: [emptyAdaptation()],
    funding: { mandatory: '', discretionary: '', family: '', other: '', other_source: '' },
    notes: '',
  };
}

function fundingIsEmpty(f: FundingForm): boolean {
  return [f.mandatory, f.discretionary, f.family, f.other, f.other_source].every((v) => v.trim() === '');
}

/**
 * The form as the core's `StageEntry`: only the parts the chosen stage carries are sent (an
 * amount typed for a quote and left there when the stage changes is not sent with a referral).
 */
export function formToStageEntry(
  form: StageForm,
  today: Date = new Date(),
): { entry: StageEntry | null; errors: FieldError[] } {
  const errors: FieldError[] = [];
  if (form.stage === '') {
    errors.push({ field: 'stage', message: 'Choose the stage to record' });
  }
  const date = parseUkDate(form.date, today);
  if (!date.ok) errors.push({ field: 'date', message: date.message });
  else if (date.iso === null) errors.push({ field: 'date', message: 'Enter the date of the stage' });

  const stage = form.stage;
  const money = (field: string, text: string): number | null => {
    const read = parsePounds(text);
    if (!read.ok) {
      errors.push({ field, message: read.message });
      return null;
    }
    return read.pence;
  };

  const amountRule = stage === '' ? undefined : AMOUNT[stage];
  const amount = amountRule ? money('amount_pence', form.amount) : null;

  const adaptations =
    stage === 'recommendation'
      ? form.adaptations.map((a, i) => ({
          kind: a.kind,
          description: a.description,
          estimated_cost_pence: money(`adaptations[${i}].estimated_cost_pence`, a.cost),
        }))
      : [];

  let funding: FundingSplit | null = null;
  if (stage === 'decision-approved' && !fundingIsEmpty(form.funding)) {
    const f = form.funding;
    funding = {
      mandatory_pence: money('funding.mandatory_pence', f.mandatory) ?? 0,
      discretionary_pence: money('funding.discretionary_pence', f.discretionary) ?? 0,
      family_pence: money('funding.family_pence', f.family) ?? 0,
      other_pence: money('funding.other_pence', f.other) ?? 0,
      other_source: f.other_source,
    };
  }

  if (errors.length > 0 || stage === '' || !date.ok || date.iso === null) return { entry: null, errors };
  return {
    entry: {
      stage,
      date: date.iso,
      recorded_by: form.recorded_by,
      amount_pence: amount,
      contractor: stage === 'quote' ? form.contractor : '',
      chosen: stage === 'quote' ? form.chosen : false,
      adaptations,
      funding,
      notes: form.notes,
    },
    errors: [],
  };
}

/** A date typed in a hold / resume / withdraw form, as ISO, or a field error. */
export function readDate(field: string, text: string, today: Date = new Date()): { iso: string } | { error: FieldError } {
  const date = parseUkDate(text, today);
  if (!date.ok) return { error: { field, message: date.message } };
  if (date.iso === null) return { error: { field, message: 'Enter the date' } };
  return { iso: date.iso };
}

/** Joins with commas and a final "and": "a, b and c". */
export function andList(parts: readonly string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/** The file name offered when saving a case summary: "Zoë Hughes - DFG case summary 2026-11-22.pdf". */
export function summaryFileName(childName: string, today: string = todayIso()): string {
  const who = childName.replace(/[\\/:*?"<>|]+/g, ' ').replace(/\s+/g, ' ').trim() || 'DFG case';
  return `${who} - DFG case summary ${today}.pdf`;
}

const BEFORE_APPLICATION: readonly (Stage | null)[] = [null, 'referral', 'assessment', 'recommendation', 'works-agreed', 'quote'];

/** What to say where a case has no running statutory deadline. */
export function noClockText(c: { jurisdiction: Jurisdiction; progress: Pick<CaseProgress, 'stage' | 'clocks'> }): string {
  if (c.progress.clocks.length > 0) return 'None running';
  if (BEFORE_APPLICATION.includes(c.progress.stage)) return 'Not started: the deadlines start at the full application';
  return `No statutory deadlines in ${JURISDICTION[c.jurisdiction]}`;
}
