/**
 * The child form: `ChildDetails` with dates as typed text and "none" choices as ''.
 * Consent is either recorded (who and when) or not, with a checkbox to say which.
 */

import type { ChildDetails } from '../generated/ChildDetails';
import type { FieldError } from '../generated/FieldError';
import type { KeyStatements } from '../generated/KeyStatements';
import type { Language } from '../generated/Language';
import type { Tier } from '../generated/Tier';
import { toInput } from './dates';
import { Reader } from './itemForm';
import { formToStatements, statementsToForm } from './keyStatements';

export interface ChildForm {
  given_name: string;
  family_name: string;
  preferred_name: string;
  date_of_birth: string;
  nhs_number: string;
  setting_id: string;
  class_name: string;
  tier: Tier | '';
  has_plan: boolean;
  section_g: string;
  has_consent: boolean;
  consent_given_by: string;
  consent_given_on: string;
  communication: string;
  what_helps: string;
  medical_alerts: string;
  /** Three boxes a colour, blank or not (see `keyStatements`). */
  key_statements: KeyStatements;
  home_address: string;
  home_postcode: string;
  /** The passport's language unless a print says otherwise; '' is not set (English). */
  language: Language | '';
}

export function childToForm(d: ChildDetails | null): ChildForm {
  return {
    given_name: d?.given_name ?? '',
    family_name: d?.family_name ?? '',
    preferred_name: d?.preferred_name ?? '',
    date_of_birth: toInput(d?.date_of_birth),
    nhs_number: d?.nhs_number ? formatNhsNumber(d.nhs_number) : '',
    setting_id: d?.setting_id ?? '',
    class_name: d?.class_name ?? '',
    tier: d?.tier ?? '',
    has_plan: d?.ehcp.has_plan ?? false,
    section_g: d?.ehcp.section_g ?? '',
    has_consent: !!d?.consent,
    consent_given_by: d?.consent?.given_by ?? '',
    consent_given_on: toInput(d?.consent?.given_on),
    communication: d?.about_me.communication ?? '',
    what_helps: d?.about_me.what_helps ?? '',
    medical_alerts: d?.about_me.medical_alerts ?? '',
    key_statements: statementsToForm(d?.key_statements),
    home_address: d?.home_address ?? '',
    home_postcode: d?.home_postcode ?? '',
    language: d?.language ?? '',
  };
}

export function formToChild(f: ChildForm): { details: ChildDetails | null; errors: FieldError[] } {
  const read = new Reader();
  const dob = read.date('date_of_birth', f.date_of_birth);
  if (dob === null && f.date_of_birth.trim() === '') {
    read.errors.push({ field: 'date_of_birth', message: 'Enter the date of birth' });
  }
  let consent: ChildDetails['consent'] = null;
  if (f.has_consent) {
    const on = read.date('consent.given_on', f.consent_given_on);
    if (on === null && f.consent_given_on.trim() === '') {
      read.errors.push({ field: 'consent.given_on', message: 'Enter the date consent was given' });
    }
    if (on !== null) consent = { given_by: f.consent_given_by, given_on: on };
  }
  // The date of birth is required by the type: without it there is nothing to send.
  if (dob === null) return { details: null, errors: read.errors };
  return {
    details: {
      given_name: f.given_name,
      family_name: f.family_name,
      preferred_name: f.preferred_name,
      date_of_birth: dob,
      nhs_number: f.nhs_number,
      setting_id: f.setting_id === '' ? null : f.setting_id,
      class_name: f.class_name,
      tier: f.tier === '' ? null : f.tier,
      ehcp: { has_plan: f.has_plan, section_g: f.section_g },
      consent,
      about_me: {
        communication: f.communication,
        what_helps: f.what_helps,
        medical_alerts: f.medical_alerts,
      },
      key_statements: formToStatements(f.key_statements),
      home_address: f.home_address,
      home_postcode: f.home_postcode,
      ...(f.language === '' ? {} : { language: f.language }),
    },
    errors: read.errors,
  };
}

/** NHS numbers are read in threes: "943 476 5919". */
export function formatNhsNumber(digits: string): string {
  const d = digits.replace(/\s+/g, '');
  return /^\d{10}$/.test(d) ? `${d.slice(0, 3)} ${d.slice(3, 6)} ${d.slice(6)}` : digits;
}
