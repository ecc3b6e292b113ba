/**
 * The equipment item form. People type dates, times and numbers as text, and the form keeps
 * every category's parts while the category changes (so choosing "Sling" by mistake loses
 * nothing). `itemToForm` and `formToItem` convert to and from the core's `ItemDetails`;
 * what the UI cannot read (a date like 31/2/2026) comes back as field errors under the same
 * paths the core uses, so both kinds of problem show in the same place.
 */

import type { Category } from '../generated/Category';
import type { Day } from '../generated/Day';
import type { FieldError } from '../generated/FieldError';
import type { ItemDetails } from '../generated/ItemDetails';
import type { ItemStatus } from '../generated/ItemStatus';
import type { Measurement } from '../generated/Measurement';
import type { WheelchairBudget } from '../generated/WheelchairBudget';
import type { WheelchairType } from '../generated/WheelchairType';
import type { WhereUsed } from '../generated/WhereUsed';
import { formatTime, parseTime, parseUkDate, toInput } from './dates';
import { hasSeatingDetails, hasSlingDetails, hasWheelchairDetails } from './labels';

export interface SlotForm {
  days: Day[];
  start: string;
  minutes: string;
  activity: string;
}

export interface StepForm {
  text: string;
  photo_id: string | null;
}

export interface WheelchairForm {
  kind: WheelchairType;
  seat_width_mm: string;
  seat_depth_mm: string;
  components: string;
  tilt_in_space: boolean;
  recline: boolean;
  budget: WheelchairBudget;
  service_id: string;
  repairer_id: string;
  crash_tested: boolean;
}

export interface SeatingForm {
  postural_supports: string[];
  measurements: Measurement[];
}

export interface SlingForm {
  maker: string;
  model: string;
  size: string;
  colour_code: string;
  sling_id: string;
  loops: { shoulder_left: string; shoulder_right: string; leg_left: string; leg_right: string };
  hoist_ids: string[];
}

export interface ItemForm {
  category: Category;
  name: string;
  make: string;
  model: string;
  serial: string;
  lot: string;
  made_on: string;
  size: string;
  where_used: WhereUsed;
  provider_id: string;
  loan_number: string;
  issue_date: string;
  purpose: string;
  schedule: SlotForm[];
  setup_steps: StepForm[];
  safety_checks: string[];
  cleaning: string;
  dos: string[];
  donts: string[];
  status: ItemStatus;
  repair_supplier_id: string;
  therapist: string;
  staff_needed: string;
  wheelchair: WheelchairForm;
  seating: SeatingForm;
  sling: SlingForm;
}

export function emptyWheelchair(category: Category): WheelchairForm {
  return {
    kind: category === 'special-buggy' ? 'special-buggy' : 'manual-self-propelled',
    seat_width_mm: '',
    seat_depth_mm: '',
    components: '',
    tilt_in_space: false,
    recline: false,
    budget: 'none',
    service_id: '',
    repairer_id: '',
    crash_tested: false,
  };
}

export function emptySling(): SlingForm {
  return {
    maker: '',
    model: '',
    size: '',
    colour_code: '',
    sling_id: '',
    loops: { shoulder_left: '', shoulder_right: '', leg_left: '', leg_right: '' },
    hoist_ids: [],
  };
}

/** A new item as the "Add equipment" form starts it: in use, at school, one member of staff. */
export function newItemDetails(category: Category, name: string): ItemDetails {
  return formToItem({ ...itemToForm(null), category, name }).details;
}

const num = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));

export function itemToForm(d: ItemDetails | null): ItemForm {
  const category: Category = d?.category ?? 'other';
  const w = d?.wheelchair;
  return {
    category,
    name: d?.name ?? '',
    make: d?.make ?? '',
    model: d?.model ?? '',
    serial: d?.serial ?? '',
    lot: d?.lot ?? '',
    made_on: toInput(d?.made_on),
    size: d?.size ?? '',
    where_used: d?.where_used ?? 'school',
    provider_id: d?.provider_id ?? '',
    loan_number: d?.loan_number ?? '',
    issue_date: toInput(d?.issue_date),
    purpose: d?.purpose ?? '',
    schedule: (d?.schedule ?? []).map((s) => ({
      days: [...s.days],
      start: formatTime(s.start),
      minutes: num(s.duration_minutes),
      activity: s.activity,
    })),
    setup_steps: (d?.setup_steps ?? []).map((s) => ({ text: s.text, photo_id: s.photo_id })),
    safety_checks: [...(d?.safety_checks ?? [])],
    cleaning: d?.cleaning ?? '',
    dos: [...(d?.dos ?? [])],
    donts: [...(d?.donts ?? [])],
    status: d?.status ?? 'in-use',
    repair_supplier_id: d?.repair_supplier_id ?? '',
    therapist: d?.therapist ?? '',
    staff_needed: String(d?.staff_needed ?? 1),
    wheelchair: w
      ? {
          kind: w.kind,
          seat_width_mm: num(w.seat_width_mm),
          seat_depth_mm: num(w.seat_depth_mm),
          components: w.components,
          tilt_in_space: w.tilt_in_space,
          recline: w.recline,
          budget: w.budget,
          service_id: w.service_id ?? '',
          repairer_id: w.repairer_id ?? '',
          crash_tested: w.crash_tested,
        }
      : emptyWheelchair(category),
    seating: {
      postural_supports: [...(d?.seating?.postural_supports ?? [])],
      measurements: (d?.seating?.measurements ?? []).map((m) => ({ ...m })),
    },
    sling: d?.sling
      ? { ...d.sling, loops: { ...d.sling.loops }, hoist_ids: [...d.sling.hoist_ids] }
      : emptySling(),
  };
}

/** Collects the problems the UI finds while reading a form. */
export class Reader {
  readonly errors: FieldError[] = [];

  date(path: string, text: string): string | null {
    const r = parseUkDate(text);
    if (!r.ok) {
      this.errors.push({ field: path, message: r.message });
      return null;
    }
    return r.iso;
  }

  /** A whole number typed as text; empty is null. */
  whole(path: string, text: string, what: string): number | null {
    const t = text.trim().replace(/\s*(mm|mins?|minutes)$/i, '');
    if (t === '') return null;
    if (!/^\d+$/.test(t)) {
      this.errors.push({ field: path, message: `Enter the ${what} as a whole number` });
      return null;
    }
    return Number(t);
  }

  time(path: string, text: string): string | null {
    const r = parseTime(text);
    if (!r.ok) {
      this.errors.push({ field: path, message: r.message });
      return null;
    }
    return r.time;
  }
}

const orNull = (s: string) => (s === '' ? null : s);

export function formToItem(f: ItemForm): { details: ItemDetails; errors: FieldError[] } {
  const read = new Reader();
  const issue_date = read.date('issue_date', f.issue_date);
  const made_on = read.date('made_on', f.made_on);
  const schedule = f.schedule.map((s, i) => ({
    days: [...s.days],
    start: read.time(`schedule[${i}].start`, s.start),
    duration_minutes: read.whole(`schedule[${i}].duration_minutes`, s.minutes, 'number of minutes'),
    activity: s.activity,
  }));

  let wheelchair: ItemDetails['wheelchair'] = null;
  if (hasWheelchairDetails(f.category)) {
    const w = f.wheelchair;
    wheelchair = {
      kind: w.kind,
      seat_width_mm: read.whole('wheelchair.seat_width_mm', w.seat_width_mm, 'seat width in millimetres'),
      seat_depth_mm: read.whole('wheelchair.seat_depth_mm', w.seat_depth_mm, 'seat depth in millimetres'),
      components: w.components,
      tilt_in_space: w.tilt_in_space,
      recline: w.recline,
      budget: w.budget,
      service_id: orNull(w.service_id),
      repairer_id: orNull(w.repairer_id),
      crash_tested: w.crash_tested,
    };
  }

  let seating: ItemDetails['seating'] = null;
  const { postural_supports, measurements } = f.seating;
  if (hasSeatingDetails(f.category) && (postural_supports.length > 0 || measurements.length > 0)) {
    seating = {
      postural_supports: [...f.seating.postural_supports],
      measurements: f.seating.measurements.map((m) => ({ ...m })),
    };
  }

  const sling: ItemDetails['sling'] = hasSlingDetails(f.category)
    ? { ...f.sling, loops: { ...f.sling.loops }, hoist_ids: [...f.sling.hoist_ids] }
    : null;

  const details: ItemDetails = {
    category: f.category,
    name: f.name,
    make: f.make,
    model: f.model,
    serial: f.serial,
    lot: f.lot,
    made_on,
    size: f.size,
    where_used: f.where_used,
    provider_id: orNull(f.provider_id),
    loan_number: f.loan_number,
    issue_date,
    purpose: f.purpose,
    schedule,
    setup_steps: f.setup_steps.map((s) => ({ text: s.text, photo_id: s.photo_id })),
    safety_checks: [...f.safety_checks],
    cleaning: f.cleaning,
    dos: [...f.dos],
    donts: [...f.donts],
    status: f.status,
    repair_supplier_id: orNull(f.repair_supplier_id),
    therapist: f.therapist,
    staff_needed: Number(f.staff_needed) || 1,
    wheelchair,
    seating,
    sling,
  };
  return { details, errors: read.errors };
}

/**
 * Removes the blank rows the core would drop anyway (empty checks, steps with neither words
 * nor photo, empty measurements), from the form itself before saving: the core numbers its
 * errors after dropping them, so the form must hold the same rows for `safety_checks[2]` to
 * point at the third row on screen.
 */
export function dropBlankRows(f: ItemForm): ItemForm {
  const filled = (s: string) => s.trim() !== '';
  return {
    ...f,
    safety_checks: f.safety_checks.filter(filled),
    dos: f.dos.filter(filled),
    donts: f.donts.filter(filled),
    setup_steps: f.setup_steps.filter((s) => filled(s.text) || s.photo_id !== null),
    seating: {
      postural_supports: f.seating.postural_supports.filter(filled),
      measurements: f.seating.measurements.filter((m) => filled(m.label) || filled(m.value)),
    },
  };
}
