/**
 * What Sheets does to a value on its way out: number formats turn a value into the text a user sees, in the
 * spreadsheet's time zone. Serial numbers are the spreadsheet calendar. (Typed input is in typed-input.ts.)
 */

import { MONTH_NAMES, WEEKDAY_NAMES } from '../../../src/core/dates';
import { isDate } from '../runtime';
import { type ZonedParts, zonedParts, zonedTime } from '../zone';

export type CellValue = string | number | boolean | Date;

/** getNumberFormat() of a cell nobody formatted. */
export const DEFAULT_NUMBER_FORMAT = '0.###############';
/** The format Sheets gives a cell when a script writes a Date into an unformatted cell (en_GB locale). */
export const AUTO_DATE_TIME_FORMAT = 'dd/mm/yyyy hh:mm:ss';

const MS_PER_DAY = 86_400_000;
/** Day 0 of the spreadsheet serial-number calendar. */
const SERIAL_EPOCH = Date.UTC(1899, 11, 30);

function wallClockMs(p: ZonedParts): number {
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
}

/** Spreadsheet serial number (days since 30 Dec 1899, local wall clock) of an instant. */
export function toSerial(ms: number, timeZone: string): number {
  const p = zonedParts(ms, timeZone);
  return (wallClockMs(p) - SERIAL_EPOCH) / MS_PER_DAY + (ms % 1000) / MS_PER_DAY;
}

export function fromSerial(serial: number, timeZone: string): number {
  const wall = SERIAL_EPOCH + Math.round(serial * MS_PER_DAY);
  const d = new Date(wall);
  return zonedTime(
    timeZone,
    d.getUTCFullYear(),
    d.getUTCMonth() + 1,
    d.getUTCDate(),
    d.getUTCHours(),
    d.getUTCMinutes(),
    d.getUTCSeconds(),
  ).getTime();
}

// ---------------------------------------------------------------------------------------------------------------
// Number formats

type Kind = 'text' | 'date' | 'number' | 'general';

/** Strips quoted literals and escapes so the tokens of a format can be classified. */
function bareFormat(format: string): string {
  return format
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '');
}

export function formatKind(format: string): Kind {
  if (format === '@') return 'text';
  if (!format || format === DEFAULT_NUMBER_FORMAT || /^general$/i.test(format)) return 'general';
  const bare = bareFormat(format.split(';')[0] ?? '');
  if (/[ydhs]/i.test(bare) || /m/i.test(bare)) return 'date';
  return 'number';
}

export function isDateFormat(format: string): boolean {
  return formatKind(format) === 'date';
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

interface Token {
  kind: 'lit' | 'y' | 'm' | 'd' | 'h' | 's' | 'ampm';
  text: string;
}

function tokenizeDate(format: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < format.length) {
    const ch = format[i] as string;
    if (ch === '"') {
      const end = format.indexOf('"', i + 1);
      const stop = end < 0 ? format.length : end;
      tokens.push({ kind: 'lit', text: format.slice(i + 1, stop) });
      i = stop + 1;
      continue;
    }
    if (ch === '\\') {
      tokens.push({ kind: 'lit', text: format[i + 1] ?? '' });
      i += 2;
      continue;
    }
    const rest = format.slice(i).toLowerCase();
    if (rest.startsWith('am/pm')) {
      tokens.push({ kind: 'ampm', text: 'AM/PM' });
      i += 5;
      continue;
    }
    if (rest.startsWith('a/p')) {
      tokens.push({ kind: 'ampm', text: 'A/P' });
      i += 3;
      continue;
    }
    const lower = ch.toLowerCase();
    if ('ymdhs'.includes(lower)) {
      let j = i;
      while (j < format.length && (format[j] as string).toLowerCase() === lower) j++;
      tokens.push({ kind: lower as Token['kind'], text: format.slice(i, j).toLowerCase() });
      i = j;
      continue;
    }
    tokens.push({ kind: 'lit', text: ch });
    i++;
  }
  // "m" right after an hour or right before a second means minutes, as in Sheets.
  const meaningful = tokens.filter((t) => t.kind !== 'lit');
  for (let k = 0; k < meaningful.length; k++) {
    const t = meaningful[k] as Token;
    if (t.kind !== 'm' || t.text.length > 2) continue;
    const prev = meaningful[k - 1];
    const next = meaningful[k + 1];
    if (prev?.kind === 'h' || next?.kind === 's') t.text = t.text === 'm' ? 'n' : 'nn';
  }
  return tokens;
}

function formatDateParts(p: ZonedParts, format: string): string {
  const tokens = tokenizeDate(format);
  const twelveHour = tokens.some((t) => t.kind === 'ampm');
  let out = '';
  for (const t of tokens) {
    switch (t.kind) {
      case 'lit':
        out += t.text;
        break;
      case 'y':
        out += t.text.length <= 2 ? pad(p.year % 100) : String(p.year);
        break;
      case 'm':
        if (t.text === 'n') out += String(p.minute);
        else if (t.text === 'nn') out += pad(p.minute);
        else if (t.text === 'm') out += String(p.month);
        else if (t.text === 'mm') out += pad(p.month);
        else if (t.text === 'mmm') out += MONTH_NAMES[p.month - 1].slice(0, 3);
        else if (t.text === 'mmmmm') out += MONTH_NAMES[p.month - 1].slice(0, 1);
        else out += MONTH_NAMES[p.month - 1];
        break;
      case 'd':
        if (t.text === 'd') out += String(p.day);
        else if (t.text === 'dd') out += pad(p.day);
        else if (t.text === 'ddd') out += WEEKDAY_NAMES[p.weekday % 7].slice(0, 3);
        else out += WEEKDAY_NAMES[p.weekday % 7];
        break;
      case 'h': {
        const h = twelveHour ? p.hour % 12 || 12 : p.hour;
        out += t.text.length >= 2 ? pad(h) : String(h);
        break;
      }
      case 's':
        out += t.text.length >= 2 ? pad(p.second) : String(p.second);
        break;
      case 'ampm': {
        const am = p.hour < 12;
        out += t.text === 'A/P' ? (am ? 'A' : 'P') : am ? 'AM' : 'PM';
        break;
      }
    }
  }
  return out;
}

/** The text of an instant under a date format, read on the wall clock of `timeZone`. */
export function formatDate(ms: number, format: string, timeZone: string): string {
  return formatDateParts(zonedParts(ms, timeZone), format);
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function formatNumberWith(value: number, format: string): string {
  // Colour and condition codes ("[Red]") change how a number looks, not its text.
  const sections = format.replace(/\[[^\]]*\]/g, '').split(';');
  let section = sections[0] as string;
  let n = value;
  let sign = n < 0 ? '-' : '';
  if (n < 0 && sections[1] !== undefined) {
    section = sections[1];
    sign = '';
  }
  if (n === 0 && sections[2] !== undefined) section = sections[2];
  n = Math.abs(n);
  const scientific = /^0(?:\.(0+))?E\+0+$/i.exec(section.trim());
  if (scientific) {
    const [mantissa, exponent] = n.toExponential(scientific[1]?.length ?? 0).split('e');
    const power = Number(exponent);
    return `${sign}${mantissa}E${power < 0 ? '-' : '+'}${String(Math.abs(power)).padStart(2, '0')}`;
  }
  const literal = (s: string): string => s.replace(/"([^"]*)"/g, '$1').replace(/\\(.)/g, '$1');
  const first = section.search(/[0#?]/);
  if (first < 0) return sign + literal(section);
  let last = first;
  for (let i = first; i < section.length; i++) if (/[0#?,.]/.test(section[i] as string)) last = i;
  const core = section.slice(first, last + 1);
  const prefix = literal(section.slice(0, first));
  let suffix = literal(section.slice(last + 1));
  if (suffix.includes('%')) n *= 100;
  const [intPart, decPart = ''] = core.split('.');
  const decimals = decPart.replace(/[^0#?]/g, '').length;
  const minDecimals = decPart.replace(/[^0]/g, '').length;
  let text = n.toFixed(decimals);
  if (decimals > minDecimals) {
    const [i, d = ''] = text.split('.');
    let trimmed = d;
    while (trimmed.length > minDecimals && trimmed.endsWith('0')) trimmed = trimmed.slice(0, -1);
    text = trimmed ? `${i}.${trimmed}` : (i as string);
  }
  const [integerDigits = '', frac] = text.split('.');
  let whole = integerDigits;
  const minIntDigits = (intPart ?? '').replace(/[^0]/g, '').length;
  if (whole === '0' && minIntDigits === 0) whole = '';
  whole = whole.padStart(minIntDigits, '0');
  if ((intPart ?? '').includes(',')) whole = groupThousands(whole);
  suffix = suffix.replace(/,+$/, '');
  return `${sign}${prefix}${whole}${frac !== undefined ? `.${frac}` : ''}${suffix}`;
}

/** A number as an unformatted Sheets cell shows it: at most ten significant digits. */
export function generalNumber(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  return String(Number(n.toPrecision(10)));
}

/** getDisplayValue(): the text a user sees for a stored value under a number format. */
export function displayText(value: CellValue, format: string, timeZone: string): string {
  if (value === '') return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  const kind = formatKind(format);
  if (isDate(value)) {
    const ms = value.getTime();
    if (kind === 'date') return formatDate(ms, format, timeZone);
    if (kind === 'number') return formatNumberWith(toSerial(ms, timeZone), format);
    return formatDate(ms, AUTO_DATE_TIME_FORMAT, timeZone);
  }
  if (kind === 'date') return formatDate(fromSerial(value, timeZone), format, timeZone);
  if (kind === 'number') return formatNumberWith(value, format);
  return generalNumber(value);
}
