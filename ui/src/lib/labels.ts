/**
 * The core's words for its closed lists, generated into `../generated/labels.ts` from the
 * Rust enums themselves, and the few presentation helpers that go with them (a `<select>`'s
 * options, a badge's colour). No label is typed here.
 */

import type { Category } from '../generated/Category';
import type { Day } from '../generated/Day';
import type { DueKind } from '../generated/DueKind';
import { CATEGORY_FLAGS, DAY } from '../generated/labels';

export * from '../generated/labels';

/** Options for a `<select>` from a generated label table, in the core's order. */
export function options<K extends string>(table: Readonly<Record<K, string>>): Array<{ value: K; label: string }> {
  return (Object.keys(table) as K[]).map((value) => ({ value, label: table[value] }));
}

/** "Mon" for a narrow column; the full day name is read out beside it. */
export function dayShort(day: Day): string {
  return DAY[day].slice(0, 3);
}

export function hasWheelchairDetails(c: Category): boolean {
  return CATEGORY_FLAGS[c].wheelchair_details;
}

export function hasSeatingDetails(c: Category): boolean {
  return CATEGORY_FLAGS[c].seating_details;
}

export function hasSlingDetails(c: Category): boolean {
  return CATEGORY_FLAGS[c].sling_details;
}

/** People-lifting equipment, examined under LOLER. */
export function liftsPeople(c: Category): boolean {
  return CATEGORY_FLAGS[c].lifts_people;
}

/**
 * A due badge's colour (its words come from the core): red for anything overdue and for an
 * item found not safe to operate ("Do not use"), blue for a
 * school copy that no longer matches the record, orange for LOLER coming up, yellow otherwise.
 */
export function dueBadgeColour(kind: DueKind, overdue: boolean): 'red' | 'orange' | 'yellow' | 'blue' {
  if (kind === 'school-copy') return 'blue';
  if (kind === 'not-safe') return 'red';
  if (overdue) return 'red';
  return kind === 'loler' ? 'orange' : 'yellow';
}
