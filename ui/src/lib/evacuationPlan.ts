/**
 * The personal emergency evacuation plan's editor, as plain data: the plan as typed (the review
 * date as text, sessions and their adults as rows), turned into the core's `EvacuationPlan` to
 * save. The rules (at least one adult named, a review date within 12 months, the lengths, the
 * child's own setting and items) are the core's: its errors come back named
 * `evacuation.sessions`, `evacuation.review_date`, `evacuation.sessions[1].adults[0].name` and
 * are shown beside that field.
 */

import type { EvacuationPlan } from '../generated/EvacuationPlan';
import type { EvacuationSession } from '../generated/EvacuationSession';
import type { FieldError } from '../generated/FieldError';
import { parseUkDate, toInput } from './dates';

export interface AdultForm {
  name: string;
  role: string;
}

export interface SessionForm {
  session: string;
  adults: AdultForm[];
}

export interface PlanForm {
  route: string;
  assembly_point: string;
  /** An item id, or '' for none. */
  equipment_id: string;
  equipment_note: string;
  sessions: SessionForm[];
  if_in_stander: string;
  if_on_hoist: string;
  notes: string;
  review_date: string;
  agreed_by: string;
}

export function blankAdult(): AdultForm {
  return { name: '', role: '' };
}

export function blankSession(name = ''): SessionForm {
  return { session: name, adults: [blankAdult()] };
}

/** A new plan: the morning session ready for its first adult. */
export function blankPlan(): PlanForm {
  return {
    route: '',
    assembly_point: '',
    equipment_id: '',
    equipment_note: '',
    sessions: [blankSession('Morning')],
    if_in_stander: '',
    if_on_hoist: '',
    notes: '',
    review_date: '',
    agreed_by: '',
  };
}

export function planToForm(p: EvacuationPlan): PlanForm {
  return {
    route: p.route,
    assembly_point: p.assembly_point,
    equipment_id: p.equipment_id ?? '',
    equipment_note: p.equipment_note,
    sessions: p.sessions.map((s) => ({
      session: s.session,
      adults: s.adults.length > 0 ? s.adults.map((a) => ({ ...a })) : [blankAdult()],
    })),
    if_in_stander: p.if_in_stander,
    if_on_hoist: p.if_on_hoist,
    notes: p.notes,
    review_date: toInput(p.review_date),
    agreed_by: p.agreed_by,
  };
}

/**
 * The plan as the core takes it, for the child's setting, or the one problem the UI sees for
 * itself (a review date it cannot read), named as the core names its own. Adult rows left
 * wholly blank are left out, so an unused row is not a missing name.
 */
export function formToPlan(form: PlanForm, settingId: string): { plan: EvacuationPlan; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const date = parseUkDate(form.review_date);
  if (!date.ok) errors.push({ field: 'evacuation.review_date', message: date.message });
  const sessions: EvacuationSession[] = form.sessions.map((s) => ({
    session: s.session,
    adults: s.adults.filter((a) => a.name.trim() !== '' || a.role.trim() !== ''),
  }));
  return {
    plan: {
      setting_id: settingId,
      route: form.route,
      assembly_point: form.assembly_point,
      equipment_id: form.equipment_id || null,
      equipment_note: form.equipment_note,
      sessions,
      if_in_stander: form.if_in_stander,
      if_on_hoist: form.if_on_hoist,
      notes: form.notes,
      review_date: date.ok ? date.iso : null,
      agreed_by: form.agreed_by,
    },
    errors,
  };
}

/** "Mrs Price (Teaching assistant), Mr Evans": a session's adults in a line. */
export function adultsText(s: EvacuationSession): string {
  return s.adults.map((a) => (a.role.trim() === '' ? a.name : `${a.name} (${a.role})`)).join(', ');
}
