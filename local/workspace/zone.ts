/**
 * Wall clocks in time zones, for every service of the local Workspace that reads or sets a time in a zone:
 * Utilities.formatDate, the trigger schedule and the spreadsheet's dates. The zone arithmetic is the one the
 * bundle uses for calendar days (src/core/dates.ts), so the local Workspace and the script agree on every day.
 */
import { offsetMs } from '../../src/core/dates';

/** Wall-clock fields of an instant in a time zone. `weekday` is 1 for Monday to 7 for Sunday (ISO). */
export interface ZonedParts {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  weekday: number;
  /** Minutes east of UTC in force at that instant. */
  offsetMinutes: number;
}

export type Zone =
  { kind: 'fixed'; id: string; offsetMinutes: number; fallback?: true } | { kind: 'iana'; id: string };

/** True when Intl knows the zone by that name ('Europe/London', 'UTC'), as Sheets requires. */
export function isIanaTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

const zones = new Map<string, Zone>();

/**
 * Java's TimeZone.getTimeZone accepts IANA ids and "GMT+h[:mm]" ids and falls back to GMT for anything it does
 * not know; Utilities.formatDate inherits that, so an unknown zone formats as GMT rather than throwing.
 */
export function resolveZone(timeZone: string): Zone {
  const id = String(timeZone ?? '').trim();
  let zone = zones.get(id);
  if (zone === undefined) {
    zone = parseZone(id);
    zones.set(id, zone);
  }
  return zone;
}

function parseZone(id: string): Zone {
  const fixed = /^(?:GMT|UTC)(?:([+-])(\d{1,2})(?::?(\d{2}))?)?$/i.exec(id);
  if (fixed) {
    const sign = fixed[1] === '-' ? -1 : 1;
    const offset = sign * (Number(fixed[2] ?? 0) * 60 + Number(fixed[3] ?? 0));
    return {
      kind: 'fixed',
      id: id.toUpperCase().startsWith('UTC') && !fixed[1] ? 'UTC' : id,
      offsetMinutes: offset,
    };
  }
  if (isIanaTimeZone(id)) return { kind: 'iana', id };
  return { kind: 'fixed', id: 'GMT', offsetMinutes: 0, fallback: true };
}

/** True when the time zone id is one Apps Script would accept as given (IANA or GMT±hh:mm). */
export function isKnownTimeZone(timeZone: string): boolean {
  const zone = resolveZone(timeZone);
  return zone.kind === 'iana' || !zone.fallback;
}

/**
 * Intl gives years before AD 1 without their era, and Date.UTC reads years below 100 as 19xx, so earlier
 * instants take the offset in force in AD 1000: every zone kept its local mean time until the 1840s.
 */
const EARLIEST_READ = Date.UTC(1000, 0, 1);

/** How far the zone's wall clock is ahead of UTC at that instant, in milliseconds. */
function offsetAt(ms: number, zone: Zone): number {
  if (zone.kind === 'fixed') return zone.offsetMinutes * 60_000;
  return offsetMs(Math.max(ms, EARLIEST_READ), zone.id);
}

/** The wall-clock fields of `date` in `timeZone` (IANA id or GMT±hh:mm). */
export function zonedParts(date: Date | number, timeZone: string): ZonedParts {
  const ms = typeof date === 'number' ? date : date.getTime();
  const offset = offsetAt(ms, resolveZone(timeZone));
  const wall = new Date(ms + offset);
  return {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    second: wall.getUTCSeconds(),
    millisecond: wall.getUTCMilliseconds(),
    weekday: ((wall.getUTCDay() + 6) % 7) + 1,
    offsetMinutes: Math.round(offset / 60_000),
  };
}

/**
 * The instant at which the wall clock in `timeZone` reads the given fields. A time in the spring-forward gap
 * moves forward by the gap (01:30 on the day London's clocks go forward is 02:30 BST).
 */
export function zonedTime(
  timeZone: string,
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
): Date {
  const zone = resolveZone(timeZone);
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  let guess = wall - offsetAt(wall, zone);
  let previous = guess;
  for (let i = 0; i < 3; i++) {
    const next = wall - offsetAt(guess, zone);
    if (next === guess) return new Date(guess);
    previous = guess;
    guess = next;
  }
  // In a gap no instant reads `wall`: the guesses swing between the offsets either side of it, and the
  // later instant is the one the earlier offset gives, which moves the time forward.
  return new Date(Math.max(previous, guess));
}
