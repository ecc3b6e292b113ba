/**
 * Disabled Facilities Grant cases in the UI: the colours of the core's states, amounts the core
 * has written in pounds, and the "record the next stage" form ⇄ the core's `StageEntry`. The
 * words for codes, each case's description and each clock's state come from the core. Problems the UI finds itself (an amount or a
 * date it cannot read) come back as field errors under the core's own paths
 * (`amount_pence`, `adaptations[1].estimated_cost_pence`, `funding.family_pence`), so they
 * show in the same place as the core's.
 */

import type { AdaptationKind } from '../generated/AdaptationKind';
import type { CaseStatus } from '../generated/CaseStatus';
import type { ClockState } from '../generated/ClockState';
import type { DfgCaseDetails } from '../generated/DfgCaseDetails';
import type { DfgCaseRecord } from '../generated/DfgCaseRecord';
import type { FieldError } from '../generated/FieldError';
import type { FundingSplit } from '../generated/FundingSplit';
import type { Stage } from '../generated/Stage';
import type { StageEntry } from '../generated/StageEntry';
import { STAGE_AMOUNT, STAGE_MILESTONES, STAGE_OPTIONS } from '../generated/labels';
import { parseUkDate, todayIso, toInput } from './dates';

// ---- Words and colours ------------------------------------------------------------------------

/** Whether a stage is a step along the case (the core's order), not a change of status. */
export function isMilestone(stage: Stage): boolean {
  return STAGE_MILESTONES.includes(stage);
}

/** Changes of status rather than steps along the case: hold, resume, withdraw. */
export const STATUS_STAGES: readonly Stage[] = STAGE_OPTIONS.map((o) => o.code).filter((s) => !isMilestone(s));

/** NHS tag colour of each case status. */
export const CASE_STATUS_TAG: Record<CaseStatus, string> = {
  open: 'nhsuk-tag--blue',
  'on-hold': 'nhsuk-tag--yellow',
  withdrawn: 'nhsuk-tag--grey',
  closed: 'nhsuk-tag--white',
};

/** NHS tag colour of each state of a statutory clock (its words come from the core). */
export const CLOCK_STATE_TAG: Record<ClockState, string> = {
  running: 'nhsuk-tag--blue',
  'due-today': 'nhsuk-tag--orange',
  overdue: 'nhsuk-tag--red',
  met: 'nhsuk-tag--green',
  'met-late': 'nhsuk-tag--orange',
  stopped: 'nhsuk-tag--grey',
};

/** An amount of the case as the core wrote it ("£30,000"), or `none` when there is none. */
export function pounds(record: Pick<DfgCaseRecord, 'pounds'>, pence: number | null | undefined, none = ''): string {
  if (pence === null || pence === undefined) return none;
  return record.pounds[pence] ?? none;
}

/** "3 days", "1 day", "0 days" for time spent in a stage. */
export function daysInStage(n: number): string {
  const d = Math.max(0, n);
  return d === 1 ? '1 day' : `${d} days`;
}

// ---- Amounts typed in a form --------------------------------------------------------------------

export type ParsedPounds = { ok: true; pence: number | null } | { ok: false; message: string };

/**
 * Reads the digits of an amount typed in pounds ("12000", "£12,000", "4250.5") as whole pence,
 * so floating point never rounds a penny away. Empty is `{ok, pence: null}`. Whether the
 * amount is allowed (more than £0, at most the core's limit) is the core's to say.
 */
export function parsePounds(text: string): ParsedPounds {
  const t = text.trim();
  if (t === '') return { ok: true, pence: null };
  const digits = t.replace(/^£/, '').replace(/,/g, '');
  const m = /^(\d{1,12})(?:\.(\d{1,2}))?$/.exec(digits);
  if (!m) {
    return { ok: false, message: 'Enter the amount in pounds, like 12000 or 4250.50, with no more than two decimals' };
  }
  return { ok: true, pence: Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0')) };
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

/** What each amount is called in the form (which stages carry one is the core's to say). */
const AMOUNT_OF: Partial<Record<Stage, string>> = {
  quote: 'Amount of the quote',
  application: 'Amount applied for',
  'decision-approved': 'Amount approved',
  paid: 'Amount paid',
};

/** The amount field of a stage that carries one (the core says which do), or null. */
export function amountField(stage: Stage | ''): { label: string } | null {
  const rule = stage === '' ? undefined : STAGE_AMOUNT[stage];
  if (!rule) return null;
  const words = (stage !== '' && AMOUNT_OF[stage]) || 'Amount';
  return { label: rule === 'optional' ? `${words} (optional)` : words };
}

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

  const amount = amountField(stage) ? money('amount_pence', form.amount) : null;

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
