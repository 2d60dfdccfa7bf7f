/** Utilities.formatDate: Java SimpleDateFormat patterns in any IANA time zone. */
import { MONTH_NAMES, WEEKDAY_NAMES } from '../../../src/core/dates';
import { type Zone, type ZonedParts, resolveZone, zonedParts } from '../zone';

function pad(n: number, width: number): string {
  const s = String(Math.abs(n));
  return (n < 0 ? '-' : '') + (s.length >= width ? s : '0'.repeat(width - s.length) + s);
}

function offsetText(offsetMinutes: number, withColon: boolean, hoursOnly = false): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const hh = pad(Math.floor(abs / 60), 2);
  if (hoursOnly) return sign + hh;
  return sign + hh + (withColon ? ':' : '') + pad(abs % 60, 2);
}

function zoneName(date: Date, zone: Zone, parts: ZonedParts, long: boolean): string {
  if (zone.kind === 'fixed') {
    if (zone.offsetMinutes === 0)
      return zone.id === 'UTC' ? (long ? 'Coordinated Universal Time' : 'UTC') : 'GMT';
    return 'GMT' + offsetText(zone.offsetMinutes, true);
  }
  // en-GB gives Java's names for British and European zones (GMT/BST, CET/CEST); en-US for American ones.
  for (const locale of ['en-GB', 'en-US']) {
    const name = new Intl.DateTimeFormat(locale, { timeZone: zone.id, timeZoneName: long ? 'long' : 'short' })
      .formatToParts(date)
      .find((p) => p.type === 'timeZoneName')?.value;
    if (name && !/^(GMT|UTC)[+-−]/.test(name)) return name;
  }
  return parts.offsetMinutes === 0 ? 'GMT' : 'GMT' + offsetText(parts.offsetMinutes, true);
}

function dayOfYear(p: ZonedParts): number {
  return Math.round((Date.UTC(p.year, p.month - 1, p.day) - Date.UTC(p.year, 0, 1)) / 86_400_000) + 1;
}

function field(letter: string, count: number, date: Date, zone: Zone, p: ZonedParts): string {
  switch (letter) {
    case 'G':
      return p.year > 0 ? 'AD' : 'BC';
    case 'y': {
      const year = p.year > 0 ? p.year : 1 - p.year;
      return count === 2 ? pad(year % 100, 2) : pad(year, count);
    }
    case 'M':
    case 'L':
      if (count >= 4) return MONTH_NAMES[p.month - 1];
      if (count === 3) return MONTH_NAMES[p.month - 1].slice(0, 3);
      return pad(p.month, count);
    case 'd':
      return pad(p.day, count);
    case 'D':
      return pad(dayOfYear(p), count);
    case 'F':
      return pad(Math.floor((p.day - 1) / 7) + 1, count);
    case 'E':
      return count >= 4 ? WEEKDAY_NAMES[p.weekday % 7] : WEEKDAY_NAMES[p.weekday % 7].slice(0, 3);
    case 'u':
      return pad(p.weekday, count);
    case 'a':
      return p.hour < 12 ? 'AM' : 'PM';
    case 'H':
      return pad(p.hour, count);
    case 'k':
      return pad(p.hour === 0 ? 24 : p.hour, count);
    case 'K':
      return pad(p.hour % 12, count);
    case 'h':
      return pad(p.hour % 12 === 0 ? 12 : p.hour % 12, count);
    case 'm':
      return pad(p.minute, count);
    case 's':
      return pad(p.second, count);
    case 'S':
      return pad(p.millisecond, count);
    case 'z':
      return zoneName(date, zone, p, count >= 4);
    case 'Z':
      return offsetText(p.offsetMinutes, false);
    case 'X':
      if (p.offsetMinutes === 0) return 'Z';
      return offsetText(p.offsetMinutes, count >= 3, count === 1);
    default:
      // Legal in Java (week-based fields) but not needed by the project.
      throw new Error(
        `not implemented in the local Workspace: Utilities.formatDate pattern letter '${letter}'`,
      );
  }
}

const JAVA_LETTERS = new Set('GyYMLwWDdFEuaHkKhmsSzZX'.split(''));

/**
 * Java SimpleDateFormat, which Utilities.formatDate uses
 * (https://developers.google.com/apps-script/reference/utilities/utilities#formatDate(Date,String,String)).
 */
export function formatDate(date: Date, timeZone: string, pattern: string): string {
  const zone = resolveZone(timeZone);
  const p = zonedParts(date, timeZone);
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i];
    if (c === "'") {
      if (pattern[i + 1] === "'") {
        out += "'";
        i += 2;
        continue;
      }
      i++;
      while (i < pattern.length) {
        if (pattern[i] === "'") {
          if (pattern[i + 1] === "'") {
            out += "'";
            i += 2;
            continue;
          }
          break;
        }
        out += pattern[i++];
      }
      if (i >= pattern.length) throw new Error('Unterminated quote');
      i++;
      continue;
    }
    if (/[A-Za-z]/.test(c)) {
      if (!JAVA_LETTERS.has(c)) throw new Error(`Illegal pattern character '${c}'`);
      let count = 1;
      while (pattern[i + count] === c) count++;
      out += field(c, count, date, zone, p);
      i += count;
      continue;
    }
    out += c;
    i++;
  }
  return out;
}
