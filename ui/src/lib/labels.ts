/**
 * Plain-English labels for the core's closed lists. The codes come from the generated types;
 * the words match the core's own `label()`s so the app and the printed passport agree.
 * Each table is a `Record` over the generated union, so a new code in Rust fails the type
 * check here until it has a label.
 */

import type { Category } from '../generated/Category';
import type { ContactRole } from '../generated/ContactRole';
import type { Day } from '../generated/Day';
import type { DueKind } from '../generated/DueKind';
import type { ItemStatus } from '../generated/ItemStatus';
import type { Outcome } from '../generated/Outcome';
import type { ServiceKind } from '../generated/ServiceKind';
import type { SettingKind } from '../generated/SettingKind';
import type { SupplierKind } from '../generated/SupplierKind';
import type { Tier } from '../generated/Tier';
import type { WheelchairBudget } from '../generated/WheelchairBudget';
import type { WheelchairType } from '../generated/WheelchairType';
import type { WhereUsed } from '../generated/WhereUsed';

export const CATEGORY: Record<Category, string> = {
  seating: 'Seating system',
  'standing-frame': 'Standing frame',
  walker: 'Walker or gait trainer',
  hoist: 'Hoist',
  sling: 'Sling',
  bathing: 'Bathing aid',
  toileting: 'Toileting aid',
  'sleep-system': 'Sleep system',
  splint: 'Splint or orthosis',
  'transport-seat': 'Transport seat',
  wheelchair: 'Wheelchair',
  'special-buggy': 'Special buggy',
  other: 'Other equipment',
};

export const WHERE_USED: Record<WhereUsed, string> = {
  home: 'Home',
  school: 'School',
  both: 'Home and school',
};

export const ITEM_STATUS: Record<ItemStatus, string> = {
  'in-use': 'In use',
  'awaiting-repair': 'Awaiting repair',
  withdrawn: 'Withdrawn from use',
  returned: 'Returned',
};

export const DAY: Record<Day, string> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};

export const DAY_SHORT: Record<Day, string> = {
  mon: 'Mon',
  tue: 'Tue',
  wed: 'Wed',
  thu: 'Thu',
  fri: 'Fri',
  sat: 'Sat',
  sun: 'Sun',
};

export const CONTACT_ROLE: Record<ContactRole, string> = {
  'parent-carer': 'Parent or carer',
  'occupational-therapist': 'Occupational therapist',
  physiotherapist: 'Physiotherapist',
  'wheelchair-service': 'Wheelchair service',
  'equipment-service': 'Equipment service',
  'school-nurse': 'School nurse',
  other: 'Other',
};

export const SETTING_KIND: Record<SettingKind, string> = {
  school: 'School',
  nursery: 'Nursery',
  college: 'College',
};

export const SUPPLIER_KIND: Record<SupplierKind, string> = {
  'wheelchair-service': 'Wheelchair service',
  'community-equipment-service': 'Community equipment service',
  manufacturer: 'Manufacturer',
  repairer: 'Repairer',
  contractor: 'Contractor',
};

export const TIER: Record<Tier, string> = {
  universal: 'Universal',
  targeted: 'Targeted',
  specialist: 'Specialist',
};

export const WHEELCHAIR_TYPE: Record<WheelchairType, string> = {
  'manual-self-propelled': 'Manual, self-propelled',
  'attendant-propelled': 'Manual, attendant-propelled',
  powered: 'Powered',
  'special-buggy': 'Special buggy',
};

export const WHEELCHAIR_BUDGET: Record<WheelchairBudget, string> = {
  none: 'No Personal Wheelchair Budget',
  notional: 'Notional: NHS-owned, NHS-repaired',
  'notional-top-up': 'Notional with top-up: family pays for extras and their upkeep',
  'third-party': 'Third party: family owns the chair and arranges repairs',
};

export const SERVICE_KIND: Record<ServiceKind, string> = {
  loler: 'LOLER thorough examination',
  service: 'Service',
  repair: 'Repair',
  'safety-check': 'Safety check',
};

export const OUTCOME: Record<Outcome, string> = {
  pass: 'Safe to use',
  advisory: 'Safe to use, with advice',
  fail: 'Not safe to use',
};

export const DUE_KIND: Record<DueKind, string> = {
  loler: 'LOLER examination',
  service: 'Service',
  review: 'Review',
  'school-copy': 'School copy out of date',
  'handling-review': 'Handling plan review',
  'dfg-decision': 'DFG decision due',
  'dfg-works': 'DFG works due',
  'dfg-payment': 'DFG payment due',
};

/** Options for a `<select>` from a label table, in the table's order. */
export function options<K extends string>(table: Record<K, string>): Array<{ value: K; label: string }> {
  return (Object.keys(table) as K[]).map((value) => ({ value, label: table[value] }));
}

/** Categories that carry wheelchair details (the core's `Category::is_wheelchair`). */
export function hasWheelchairDetails(c: Category): boolean {
  return c === 'wheelchair' || c === 'special-buggy';
}

/** Categories that may carry seating details (the core's `allows_seating_details`). */
export function hasSeatingDetails(c: Category): boolean {
  return c === 'seating' || c === 'wheelchair' || c === 'special-buggy' || c === 'transport-seat';
}

export function hasSlingDetails(c: Category): boolean {
  return c === 'sling';
}

/** People-lifting equipment: LOLER thorough examination at least every six months. */
export function liftsPeople(c: Category): boolean {
  return c === 'hoist' || c === 'sling';
}

/**
 * A due badge's words and colour, as the caseload and child screens show them:
 * red for anything overdue, amber for a review or service coming up, grey-blue for a school
 * copy that no longer matches the record.
 */
export function dueBadge(kind: DueKind, overdue: boolean): { text: string; colour: 'red' | 'orange' | 'yellow' | 'blue' } {
  if (kind === 'school-copy') return { text: 'School copy out of date', colour: 'blue' };
  const what = kind === 'loler' ? 'LOLER' : kind === 'service' ? 'service' : kind === 'handling-review' ? 'handling plan review' : 'review';
  if (overdue) return { text: `Overdue ${what}`, colour: 'red' };
  return { text: `${what.charAt(0).toUpperCase()}${what.slice(1)} due`, colour: kind === 'loler' ? 'orange' : 'yellow' };
}
