/**
 * The moving and handling plan's editor, as plain data: rows as typed (dates and the number of
 * adults as text), turned into the core's `HandlingTask`s to save, moved up and down, added and
 * removed. The rules (1 to 4 adults, loops for a sling, a one-line method) are the core's: its
 * errors come back named `handling[2].adults` and are shown beside that row's field.
 */

import type { FieldError } from '../generated/FieldError';
import type { HandlingTask } from '../generated/HandlingTask';
import { parseUkDate, toInput } from './dates';

export interface TaskForm {
  task: string;
  /** An item id, or '' for none. */
  equipment_id: string;
  /** A sling item's id, or '' for none. */
  sling_id: string;
  shoulder_left: string;
  shoulder_right: string;
  leg_left: string;
  leg_right: string;
  adults: string;
  method: string;
  photo_ref: string;
  review_date: string;
}

export function blankTask(): TaskForm {
  return {
    task: '',
    equipment_id: '',
    sling_id: '',
    shoulder_left: '',
    shoulder_right: '',
    leg_left: '',
    leg_right: '',
    adults: '1',
    method: '',
    photo_ref: '',
    review_date: '',
  };
}

export function taskToForm(t: HandlingTask): TaskForm {
  return {
    task: t.task,
    equipment_id: t.equipment_id ?? '',
    sling_id: t.sling_id ?? '',
    shoulder_left: t.loops.shoulder_left,
    shoulder_right: t.loops.shoulder_right,
    leg_left: t.loops.leg_left,
    leg_right: t.loops.leg_right,
    adults: String(t.adults),
    method: t.method,
    photo_ref: t.photo_ref,
    review_date: toInput(t.review_date),
  };
}

/**
 * The rows as the core takes them, or the problems the UI can see for itself (a date it cannot
 * read, a number of adults that is not a number), named as the core names its own.
 */
export function formToTasks(rows: TaskForm[]): { tasks: HandlingTask[]; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const tasks = rows.map((r, i): HandlingTask => {
    const date = parseUkDate(r.review_date);
    if (!date.ok) errors.push({ field: `handling[${i}].review_date`, message: date.message });
    const adults = /^\s*\d+\s*$/.test(r.adults) ? Number(r.adults) : NaN;
    if (Number.isNaN(adults) || adults > 255) {
      errors.push({ field: `handling[${i}].adults`, message: 'Enter the number of adults, from 1 to 4' });
    }
    return {
      task: r.task,
      equipment_id: r.equipment_id || null,
      sling_id: r.sling_id || null,
      loops: r.sling_id
        ? { shoulder_left: r.shoulder_left, shoulder_right: r.shoulder_right, leg_left: r.leg_left, leg_right: r.leg_right }
        : { shoulder_left: '', shoulder_right: '', leg_left: '', leg_right: '' },
      adults: Number.isNaN(adults) ? 0 : adults,
      method: r.method,
      photo_ref: r.photo_ref,
      review_date: date.ok ? date.iso : null,
    };
  });
  return { tasks, errors };
}

/** The rows with row `i` moved one place up (-1) or down (+1); unchanged at either end. */
export function moved<T>(rows: T[], i: number, by: -1 | 1): T[] {
  const j = i + by;
  if (i < 0 || i >= rows.length || j < 0 || j >= rows.length) return rows;
  const out = rows.slice();
  [out[i], out[j]] = [out[j]!, out[i]!];
  return out;
}

/** "Shoulders Green left, Green right; legs 2nd left, – right", as the passport prints it. */
export function loopsText(t: HandlingTask): string {
  const side = (s: string) => (s === '' ? '–' : s);
  const l = t.loops;
  return `Shoulders ${side(l.shoulder_left)} left, ${side(l.shoulder_right)} right; legs ${side(l.leg_left)} left, ${side(l.leg_right)} right`;
}
