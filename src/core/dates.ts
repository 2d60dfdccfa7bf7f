/**
 * Calendar days as 'YYYY-MM-DD' strings. Arithmetic is done on UTC midnights, where every day is 24 hours long,
 * so no host time zone or daylight saving change can shift a day. Only toIsoDate and fromIsoDate deal in
 * instants, and they take the zone explicitly (the spreadsheet's zone), through Intl, which Apps Script supports.
 */
import type { IsoDate } from './model';

const MS_PER_DAY = 86_400_000;
const ISO_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export const MONTH_NAMES: readonly string[] = [
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
];

/** Sunday first, as Date.getUTCDay counts. */
export const WEEKDAY_NAMES: readonly string[] = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
];

export interface CivilDate {
  readonly year: number;
  /** 1 to 12. */
  readonly month: number;
  readonly day: number;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month1to12: number): number {
  return new Date(Date.UTC(year, month1to12, 0)).getUTCDate();
}

/** The day, or null when there is no such day (31 April, 29 February 2007, month 13). */
export function isoDateOf(year: number, month1to12: number, day: number): IsoDate | null {
  if (!Number.isInteger(year) || !Number.isInteger(month1to12) || !Number.isInteger(day)) return null;
  if (year < 1 || year > 9999 || month1to12 < 1 || month1to12 > 12) return null;
  if (day < 1 || day > daysInMonth(year, month1to12)) return null;
  return `${String(year).padStart(4, '0')}-${pad2(month1to12)}-${pad2(day)}`;
}

export function isIsoDate(s: string): boolean {
  const m = ISO_PATTERN.exec(s);
  return m !== null && isoDateOf(Number(m[1]), Number(m[2]), Number(m[3])) === s;
}

export function civilDateOf(d: IsoDate): CivilDate {
  const m = ISO_PATTERN.exec(d);
  if (m === null || !isIsoDate(d)) throw new Error(`Not a calendar day (YYYY-MM-DD): "${d}"`);
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

export function endOfMonth(year: number, month1to12: number): IsoDate {
  const d = isoDateOf(year, month1to12, daysInMonth(year, month1to12));
  if (d === null) throw new Error(`No such month: ${year}-${month1to12}`);
  return d;
}

export function addDays(d: IsoDate, n: number): IsoDate {
  return fromUtcMs(utcMs(d) + n * MS_PER_DAY);
}

/** The same day `n` calendar months on, or the month's last day where it is shorter (31 Mar + 3 = 30 Jun). */
export function addMonths(d: IsoDate, n: number): IsoDate {
  const c = civilDateOf(d);
  const months = c.year * 12 + (c.month - 1) + n;
  const year = Math.floor(months / 12);
  const month = (months % 12) + 1;
  const day = Math.min(c.day, daysInMonth(year, month));
  const out = isoDateOf(year, month, day);
  if (out === null) throw new Error(`Date out of range: ${d} + ${n} months`);
  return out;
}

/** to - from, in days: positive when `to` is later. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((utcMs(to) - utcMs(from)) / MS_PER_DAY);
}

/** 0 for Sunday to 6 for Saturday. */
export function weekdayOf(d: IsoDate): number {
  return new Date(utcMs(d)).getUTCDay();
}

/** The Monday of the week `d` falls in: weeks run Monday to Sunday, as the weekly digest counts them. */
export function mondayOf(d: IsoDate): IsoDate {
  return addDays(d, -((weekdayOf(d) + 6) % 7));
}

/** The calendar day that `instant` falls on in `timeZone` (an IANA name such as 'Europe/London'). */
export function toIsoDate(instant: Date, timeZone: string): IsoDate {
  const p = zonedParts(instant.getTime(), timeZone);
  const d = isoDateOf(p.year, p.month, p.day);
  if (d === null) throw new Error(`Cannot read a calendar day from ${instant.toISOString()} in ${timeZone}`);
  return d;
}

/**
 * Midnight at the start of `day` in `timeZone`. Where a zone skips midnight (a daylight saving change at 00:00,
 * as in some American zones), this is the first instant of that day instead.
 */
export function fromIsoDate(day: IsoDate, timeZone: string): Date {
  const wallClockMs = utcMs(day);
  // The offset at the wall-clock guess may be the one from before a change; trying both offsets met near the
  // day covers either side of it.
  const first = wallClockMs - offsetMs(wallClockMs, timeZone);
  const second = wallClockMs - offsetMs(first, timeZone);
  const onTheDay = [first, second].filter((ms) => toIsoDate(new Date(ms), timeZone) === day);
  if (onTheDay.length === 0) throw new Error(`Cannot find the start of ${day} in ${timeZone}`);
  return new Date(Math.min(...onTheDay));
}

/** "Thursday, 15th April 2010", as council papers date themselves. */
export function formatLongUk(day: IsoDate): string {
  const c = civilDateOf(day);
  return `${WEEKDAY_NAMES[weekdayOf(day)]}, ${c.day}${ordinalSuffix(c.day)} ${MONTH_NAMES[c.month - 1]} ${c.year}`;
}

/** "15 Apr 2010". */
export function formatShortUk(day: IsoDate): string {
  const c = civilDateOf(day);
  return `${c.day} ${MONTH_NAMES[c.month - 1].slice(0, 3)} ${c.year}`;
}

export function ordinalSuffix(n: number): string {
  const lastTwo = n % 100;
  if (lastTwo >= 11 && lastTwo <= 13) return 'th';
  switch (n % 10) {
    case 1:
      return 'st';
    case 2:
      return 'nd';
    case 3:
      return 'rd';
    default:
      return 'th';
  }
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

function utcMs(d: IsoDate): number {
  const c = civilDateOf(d);
  return Date.UTC(c.year, c.month - 1, c.day);
}

function fromUtcMs(ms: number): IsoDate {
  const t = new Date(ms);
  const d = isoDateOf(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
  if (d === null) throw new Error(`Date out of range: ${ms}`);
  return d;
}

interface ZonedParts extends CivilDate {
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      calendar: 'gregory',
      numberingSystem: 'latn',
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

function zonedParts(ms: number, timeZone: string): ZonedParts {
  const values: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(ms))) {
    if (part.type !== 'literal') values[part.type] = Number(part.value);
  }
  return {
    year: values.year,
    month: values.month,
    day: values.day,
    // Some engines write midnight as hour 24 even with h23.
    hour: values.hour % 24,
    minute: values.minute,
    second: values.second,
  };
}

/** How far the zone's wall clock is ahead of UTC at that instant, in milliseconds. */
export function offsetMs(ms: number, timeZone: string): number {
  const p = zonedParts(ms, timeZone);
  const wallClock = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return wallClock - (ms - (((ms % 1000) + 1000) % 1000));
}
