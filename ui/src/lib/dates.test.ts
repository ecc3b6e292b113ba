import { describe, expect, it } from 'vitest';
import { ageInYears, formatDate, formatTime, parseTime, parseUkDate, toInput, todayIso } from './dates';

describe('formatDate', () => {
  it('writes dates the UK way, without leading zeros', () => {
    expect(formatDate('2026-11-22')).toBe('22 November 2026');
    expect(formatDate('2017-03-04')).toBe('4 March 2017');
    expect(formatDate('2026-11-22T14:05:00Z')).toBe('22 November 2026');
    expect(formatDate(null)).toBe('');
    expect(formatDate('')).toBe('');
  });

  it('leaves what it cannot read as it is', () => {
    expect(formatDate('soon')).toBe('soon');
    expect(formatDate('2026-13-01')).toBe('2026-13-01');
  });
});

describe('parseUkDate', () => {
  const today = new Date(2026, 10, 22);
  const iso = (text: string) => {
    const r = parseUkDate(text, today);
    return r.ok ? r.iso : `error: ${r.message}`;
  };

  it('reads day first, in the ways people type it', () => {
    expect(iso('22/11/2026')).toBe('2026-11-22');
    expect(iso('3/4/2017')).toBe('2017-04-03');
    expect(iso('03-04-2017')).toBe('2017-04-03');
    expect(iso('3.4.2017')).toBe('2017-04-03');
    expect(iso('3 4 2017')).toBe('2017-04-03');
    expect(iso('14 March 2017')).toBe('2017-03-14');
    expect(iso('14 mar 2017')).toBe('2017-03-14');
    expect(iso('1st Sept 2026')).toBe('2026-09-01');
    expect(iso('2026-11-22')).toBe('2026-11-22');
  });

  it('reads two-digit years as this century unless that is more than a year ahead', () => {
    expect(iso('14/3/17')).toBe('2017-03-14');
    expect(iso('14/3/27')).toBe('2027-03-14');
    expect(iso('14/3/99')).toBe('1999-03-14');
  });

  it('treats empty as no date, and refuses dates that do not exist', () => {
    expect(parseUkDate('  ', today)).toEqual({ ok: true, iso: null });
    expect(iso('31/2/2026')).toMatch(/^error/);
    expect(iso('29/2/2027')).toMatch(/^error/);
    expect(iso('29/2/2028')).toBe('2028-02-29');
    expect(iso('12/2026')).toMatch(/^error/);
    expect(iso('next week')).toMatch(/^error/);
    expect(iso('14 Smarch 2017')).toMatch(/^error/);
  });

  it('round-trips with the form’s own way of showing a date', () => {
    expect(toInput('2017-03-04')).toBe('4/3/2017');
    expect(iso(toInput('2017-03-04'))).toBe('2017-03-04');
  });
});

describe('other helpers', () => {
  it('works out age on a day', () => {
    expect(ageInYears('2017-03-14', '2026-11-22')).toBe(9);
    expect(ageInYears('2017-11-23', '2026-11-22')).toBe(8);
    expect(ageInYears('2017-11-22', '2026-11-22')).toBe(9);
  });

  it('reads and shows times', () => {
    expect(parseTime('9:30')).toEqual({ ok: true, time: '09:30:00' });
    expect(parseTime('0930')).toEqual({ ok: true, time: '09:30:00' });
    expect(parseTime('2pm')).toEqual({ ok: true, time: '14:00:00' });
    expect(parseTime('12am')).toEqual({ ok: true, time: '00:00:00' });
    expect(parseTime('')).toEqual({ ok: true, time: null });
    expect(parseTime('25:00').ok).toBe(false);
    expect(parseTime('13pm').ok).toBe(false);
    expect(formatTime('09:30:00')).toBe('09:30');
  });

  it('gives today as ISO in local time', () => {
    expect(todayIso(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });
});
