/**
 * UK dates. The core sends and takes dates as ISO `YYYY-MM-DD` strings (chrono's NaiveDate);
 * people read "22 November 2026" and type "22/11/2026". Dates are handled as calendar dates,
 * never through `Date` in the local time zone, so a date never shifts by a day at midnight
 * or across British Summer Time.
 */

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

const ISO = /^(\d{4})-(\d{2})-(\d{2})/;

function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one; UTC avoids time-zone effects.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isReal(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    year >= 1900 &&
    year <= 2200 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

function iso(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** "22 November 2026" from "2026-11-22" (or an RFC 3339 timestamp); "" for nothing. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  const m = ISO.exec(value);
  if (!m) return value;
  const [, y, mo, d] = m;
  const month = MONTHS[Number(mo) - 1];
  if (!month) return value;
  return `${Number(d)} ${month} ${Number(y)}`;
}

/** "22 November 2026 at 14:05" from an RFC 3339 UTC timestamp, in the computer's time zone. */
export function formatTimestamp(value: string | null | undefined): string {
  if (!value) return '';
  const when = new Date(value);
  if (Number.isNaN(when.getTime())) return value;
  const local = iso(when.getFullYear(), when.getMonth() + 1, when.getDate());
  const hh = String(when.getHours()).padStart(2, '0');
  const mm = String(when.getMinutes()).padStart(2, '0');
  return `${formatDate(local)} at ${hh}:${mm}`;
}

/** "22/11/2026" from "2026-11-22": how a date is shown back in a form field. */
export function toInput(value: string | null | undefined): string {
  if (!value) return '';
  const m = ISO.exec(value);
  if (!m) return value;
  return `${Number(m[3])}/${Number(m[2])}/${m[1]}`;
}

export type ParsedDate = { ok: true; iso: string | null } | { ok: false; message: string };

/**
 * Reads a date as people type it in the UK: "22/11/2026", "22-11-26", "22.11.2026",
 * "22 11 2026", "22 Nov 2026", "22 November 2026", or ISO "2026-11-22". Day first, always.
 * An empty field is `{ok: true, iso: null}`; two-digit years are this century unless that
 * would put the date more than a year ahead, when they are the last century.
 */
export function parseUkDate(text: string, today: Date = new Date()): ParsedDate {
  const t = text.trim().toLowerCase().replace(/(\d)(st|nd|rd|th)\b/g, '$1');
  if (t === '') return { ok: true, iso: null };
  const bad: ParsedDate = {
    ok: false,
    message: 'Enter a real date as day, month and year, like 14/3/2017',
  };

  const isoMatch = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (isoMatch) {
    const [y, m, d] = [Number(isoMatch[1]), Number(isoMatch[2]), Number(isoMatch[3])];
    return isReal(y, m, d) ? { ok: true, iso: iso(y, m, d) } : bad;
  }

  const parts = t.split(/[\s/.,-]+/).filter((p) => p !== '');
  if (parts.length !== 3) return bad;
  const [dayText, monthText, yearText] = parts as [string, string, string];
  if (!/^\d{1,2}$/.test(dayText) || !/^\d{2}(\d{2})?$/.test(yearText)) return bad;

  let month: number;
  if (/^\d{1,2}$/.test(monthText)) {
    month = Number(monthText);
  } else {
    const index = MONTHS.findIndex(
      (name) => monthText.length >= 3 && name.toLowerCase().startsWith(monthText),
    );
    if (index < 0) return bad;
    month = index + 1;
  }

  const day = Number(dayText);
  let year = Number(yearText);
  if (yearText.length === 2) {
    const thisYear = today.getFullYear();
    year += 2000;
    if (year > thisYear + 1) year -= 100;
  }
  return isReal(year, month, day) ? { ok: true, iso: iso(year, month, day) } : bad;
}

/** Today's date as ISO, in the computer's time zone. */
export function todayIso(now: Date = new Date()): string {
  return iso(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/** Age in whole years on `on` (ISO dates), for "8 years old" beside a date of birth. */
export function ageInYears(birthIso: string, onIso: string = todayIso()): number | null {
  const b = ISO.exec(birthIso);
  const o = ISO.exec(onIso);
  if (!b || !o) return null;
  let age = Number(o[1]) - Number(b[1]);
  if (Number(o[2]) * 100 + Number(o[3]) < Number(b[2]) * 100 + Number(b[3])) age -= 1;
  return age;
}

/** "Today", "In 12 days", "47 days ago": how far away a date is, beside a word that says which way. */
export function daysAway(daysLeft: number): string {
  if (daysLeft === 0) return 'Today';
  if (daysLeft === 1) return 'Tomorrow';
  if (daysLeft === -1) return 'Yesterday';
  return daysLeft < 0 ? `${-daysLeft} days ago` : `In ${daysLeft} days`;
}

/** "09:30" from chrono's NaiveTime ("09:30:00"), and back. */
export function formatTime(value: string | null | undefined): string {
  if (!value) return '';
  const m = /^(\d{1,2}):(\d{2})/.exec(value);
  return m ? `${m[1]!.padStart(2, '0')}:${m[2]}` : value;
}

export type ParsedTime = { ok: true; time: string | null } | { ok: false; message: string };

/** Reads "9:30", "09.30", "930" or "2pm" into chrono's "HH:MM:SS". */
export function parseTime(text: string): ParsedTime {
  const t = text.trim().toLowerCase().replace(/\s+/g, '');
  if (t === '') return { ok: true, time: null };
  const bad: ParsedTime = { ok: false, message: 'Enter a time like 09:30 or 2pm' };
  const m = /^(\d{1,2})(?:[:.]?(\d{2}))?(am|pm)?$/.exec(t);
  if (!m) return bad;
  let hours = Number(m[1]);
  const minutes = m[2] ? Number(m[2]) : 0;
  if (m[3]) {
    if (hours < 1 || hours > 12) return bad;
    if (m[3] === 'pm' && hours !== 12) hours += 12;
    if (m[3] === 'am' && hours === 12) hours = 0;
  }
  if (hours > 23 || minutes > 59) return bad;
  return {
    ok: true,
    time: `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}:00`,
  };
}
