/**
 * Utilities and Logger of the local Workspace: Java SimpleDateFormat-style formatDate in any IANA time zone,
 * formatString, blobs, base64, digests and UUIDs. Also the time-zone arithmetic the trigger schedule uses.
 */
import { createHash, createHmac, randomUUID } from 'node:crypto';
import { Runtime, expose, isDate, unwrap } from './runtime';

// ---------------------------------------------------------------------------------------------------------
// Time zones
// ---------------------------------------------------------------------------------------------------------

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

type Zone =
  { kind: 'fixed'; id: string; offsetMinutes: number; fallback?: true } | { kind: 'iana'; id: string };

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * Java's TimeZone.getTimeZone accepts IANA ids and "GMT+h[:mm]" ids and falls back to GMT for anything it does
 * not know; Utilities.formatDate inherits that, so an unknown zone formats as GMT rather than throwing.
 */
function resolveZone(timeZone: string): Zone {
  const id = String(timeZone ?? '').trim();
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
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: id });
    return { kind: 'iana', id };
  } catch {
    return { kind: 'fixed', id: 'GMT', offsetMinutes: 0, fallback: true };
  }
}

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
      era: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

function utcParts(ms: number, offsetMinutes: number): ZonedParts {
  const d = new Date(ms + offsetMinutes * 60_000);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    millisecond: d.getUTCMilliseconds(),
    weekday: ((d.getUTCDay() + 6) % 7) + 1,
    offsetMinutes,
  };
}

/** The wall-clock fields of `date` in `timeZone` (IANA id or GMT±hh:mm). */
export function zonedParts(date: Date | number, timeZone: string): ZonedParts {
  const ms = typeof date === 'number' ? date : date.getTime();
  const zone = resolveZone(timeZone);
  if (zone.kind === 'fixed') return utcParts(ms, zone.offsetMinutes);
  const fields: Record<string, string> = {};
  for (const p of formatterFor(zone.id).formatToParts(new Date(ms))) fields[p.type] = p.value;
  const era = fields.era === 'BC' ? -1 : 1;
  const year = era === 1 ? Number(fields.year) : 1 - Number(fields.year);
  const wall = Date.UTC(
    year,
    Number(fields.month) - 1,
    Number(fields.day),
    Number(fields.hour),
    Number(fields.minute),
    Number(fields.second),
  );
  const wholeSecond = Math.floor(ms / 1000) * 1000;
  const offsetMinutes = Math.round((wall - wholeSecond) / 60_000);
  return utcParts(ms, offsetMinutes);
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
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  let guess = wall - zonedParts(wall, timeZone).offsetMinutes * 60_000;
  for (let i = 0; i < 3; i++) {
    const next = wall - zonedParts(guess, timeZone).offsetMinutes * 60_000;
    if (next === guess) break;
    guess = next;
  }
  return new Date(guess);
}

/** True when the time zone id is one Apps Script would accept as given (IANA or GMT±hh:mm). */
export function isKnownTimeZone(timeZone: string): boolean {
  const zone = resolveZone(timeZone);
  return zone.kind === 'iana' || !zone.fallback;
}

// ---------------------------------------------------------------------------------------------------------
// formatDate
// ---------------------------------------------------------------------------------------------------------

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
];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

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
      if (count >= 4) return MONTHS[p.month - 1];
      if (count === 3) return MONTHS[p.month - 1].slice(0, 3);
      return pad(p.month, count);
    case 'd':
      return pad(p.day, count);
    case 'D':
      return pad(dayOfYear(p), count);
    case 'F':
      return pad(Math.floor((p.day - 1) / 7) + 1, count);
    case 'E':
      return count >= 4 ? DAYS[p.weekday - 1] : DAYS[p.weekday - 1].slice(0, 3);
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

/** Utilities.formatString: the sprintf subset Apps Script documents (%s, %d, %i, %f with width/precision). */
export function formatString(template: string, ...args: unknown[]): string {
  let next = 0;
  return String(template).replace(
    /%(-)?(0)?(\d+)?(?:\.(\d+))?([sdif%])/g,
    (_m, left: string, zero: string, width: string, precision: string, conv: string) => {
      if (conv === '%') return '%';
      const arg = args[next++];
      let text: string;
      if (conv === 's') text = String(arg);
      else if (conv === 'f') text = Number(arg).toFixed(precision === undefined ? 6 : Number(precision));
      else text = String(Math.trunc(Number(arg)));
      const w = width ? Number(width) : 0;
      if (text.length < w) {
        if (left) text = text + ' '.repeat(w - text.length);
        else if (zero && conv !== 's') {
          const neg = text.startsWith('-');
          const digits = neg ? text.slice(1) : text;
          text = (neg ? '-' : '') + '0'.repeat(w - text.length) + digits;
        } else text = ' '.repeat(w - text.length) + text;
      }
      return text;
    },
  );
}

// ---------------------------------------------------------------------------------------------------------
// Bytes and blobs
// ---------------------------------------------------------------------------------------------------------

/** Apps Script's byte arrays are Java bytes: integers from -128 to 127. */
export function toSignedBytes(buffer: Buffer): number[] {
  return Array.from(new Int8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength));
}

function charsetEncoding(charset: unknown): BufferEncoding {
  const name = String(charset ?? 'UTF_8')
    .toUpperCase()
    .replace('-', '_');
  if (name === 'US_ASCII') return 'ascii';
  if (name === 'ISO_8859_1') return 'latin1';
  return 'utf8';
}

/** Bytes of a string (in a charset) or of a byte array, as the Utilities methods accept either. */
export function toBuffer(data: unknown, charset?: unknown): Buffer {
  if (Buffer.isBuffer(data)) return data;
  if (data instanceof Uint8Array) return Buffer.from(data);
  if (Array.isArray(data)) return Buffer.from(Int8Array.from(data.map((b) => Number(b))).buffer);
  return Buffer.from(String(data ?? ''), charsetEncoding(charset));
}

export class LocalBlob {
  constructor(
    private bytes: Buffer,
    private contentType: string | null,
    private name: string | null,
  ) {}

  getBytes(): number[] {
    return toSignedBytes(this.bytes);
  }
  getDataAsString(charset?: string): string {
    return this.bytes.toString(charsetEncoding(charset));
  }
  setDataFromString(value: string, charset?: string): this {
    this.bytes = toBuffer(value, charset);
    return this;
  }
  setBytes(data: number[]): this {
    this.bytes = toBuffer(data);
    return this;
  }
  getContentType(): string | null {
    return this.contentType;
  }
  setContentType(contentType: string): this {
    this.contentType = contentType;
    return this;
  }
  getName(): string | null {
    return this.name;
  }
  setName(name: string): this {
    this.name = name;
    return this;
  }
  isGoogleType(): boolean {
    return false;
  }
  /** The raw bytes, for Node-side code (mail attachments, exporters). Not visible to the script. */
  _buffer(): Buffer {
    return this.bytes;
  }
}

/** Reads a blob handed back by the script, from this Workspace or from another fake with the same surface. */
export function blobContent(blob: unknown): {
  bytes: Buffer;
  contentType: string | null;
  name: string | null;
} {
  const raw = unwrap(blob);
  if (raw instanceof LocalBlob) {
    return { bytes: raw._buffer(), contentType: raw.getContentType(), name: raw.getName() };
  }
  const source = raw as {
    getBlob?: () => unknown;
    getBytes?: () => number[];
    getContentType?: () => string | null;
    getName?: () => string | null;
  };
  if (typeof source?.getBytes !== 'function' && typeof source?.getBlob === 'function') {
    return blobContent(source.getBlob());
  }
  if (typeof source?.getBytes !== 'function') throw new Error('Invalid argument: attachments');
  return {
    bytes: toBuffer(source.getBytes()),
    contentType: source.getContentType?.() ?? null,
    name: source.getName?.() ?? null,
  };
}

const DIGEST: Record<string, string> = {
  MD5: 'md5',
  SHA_1: 'sha1',
  SHA_256: 'sha256',
  SHA_384: 'sha384',
  SHA_512: 'sha512',
};

// ---------------------------------------------------------------------------------------------------------
// The service
// ---------------------------------------------------------------------------------------------------------

class UtilitiesApp {
  readonly DigestAlgorithm = {
    MD2: 'MD2',
    MD5: 'MD5',
    SHA_1: 'SHA_1',
    SHA_256: 'SHA_256',
    SHA_384: 'SHA_384',
    SHA_512: 'SHA_512',
  };
  readonly Charset = { US_ASCII: 'US_ASCII', UTF_8: 'UTF_8' };
  readonly MacAlgorithm = { HMAC_SHA_256: 'HMAC_SHA_256' };

  constructor(private readonly runtime: Runtime) {}

  formatDate(date: Date, timeZone: string, format: string): string {
    if (!isDate(date)) throw new Error('Invalid argument: date');
    return formatDate(date, timeZone, format);
  }

  formatString(template: string, ...args: unknown[]): string {
    return formatString(template, ...args);
  }

  /** Apps Script pauses the execution; here the fixed clock moves on instead, so no test waits. */
  sleep(milliseconds: number): void {
    if (this.runtime.fixedNow !== null) this.runtime.fixedNow += Number(milliseconds);
  }

  newBlob(data: unknown, contentType?: string, name?: string): LocalBlob {
    return expose<LocalBlob>(
      new LocalBlob(toBuffer(data), contentType ?? null, name ?? null),
      'Blob',
      this.runtime,
    );
  }

  base64Encode(data: unknown, charset?: string): string {
    return toBuffer(data, charset).toString('base64');
  }

  base64EncodeWebSafe(data: unknown, charset?: string): string {
    return toBuffer(data, charset).toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
  }

  base64Decode(encoded: string): number[] {
    return toSignedBytes(Buffer.from(String(encoded), 'base64'));
  }

  base64DecodeWebSafe(encoded: string): number[] {
    return toSignedBytes(Buffer.from(String(encoded), 'base64url'));
  }

  computeDigest(algorithm: string, value: unknown, charset?: string): number[] {
    const node = DIGEST[String(algorithm)];
    if (!node)
      throw new Error(
        `not implemented in the local Workspace: Utilities.computeDigest(${String(algorithm)})`,
      );
    return toSignedBytes(createHash(node).update(toBuffer(value, charset)).digest());
  }

  computeHmacSha256Signature(value: unknown, key: unknown, charset?: string): number[] {
    return toSignedBytes(
      createHmac('sha256', toBuffer(key, charset)).update(toBuffer(value, charset)).digest(),
    );
  }

  getUuid(): string {
    return randomUUID();
  }
}

export class LocalUtilities {
  /** The global the bundle sees as Utilities. */
  readonly app: GoogleAppsScript.Utilities.Utilities;

  constructor(runtime: Runtime) {
    this.app = expose<GoogleAppsScript.Utilities.Utilities>(new UtilitiesApp(runtime), 'Utilities', runtime);
  }
}

// ---------------------------------------------------------------------------------------------------------
// Logger and console
// ---------------------------------------------------------------------------------------------------------

export interface LogEntry {
  level: 'log' | 'info' | 'warn' | 'error';
  message: string;
  at: Date;
}

function describe(value: unknown): string {
  if (typeof value === 'string') return value;
  if (isDate(value)) return value.toString();
  if (value !== null && typeof value === 'object') {
    try {
      return JSON.stringify(value);
    } catch {
      return String(value);
    }
  }
  return String(value);
}

class LoggerApp {
  constructor(private readonly owner: LocalLogger) {}

  /** Logger.log(format, ...values) fills %s/%d placeholders as Utilities.formatString does. */
  log(data: unknown, ...values: unknown[]): this {
    const message =
      values.length > 0 && typeof data === 'string' ? formatString(data, ...values) : describe(data);
    this.owner._record('log', message);
    return this;
  }

  getLog(): string {
    return this.owner.entries.map((e) => e.message).join('\n');
  }

  clear(): void {
    this.owner.entries.length = 0;
  }
}

class ConsoleApp {
  constructor(private readonly owner: LocalLogger) {}
  log(...values: unknown[]): void {
    this.owner._record('log', values.map(describe).join(' '));
  }
  info(...values: unknown[]): void {
    this.owner._record('info', values.map(describe).join(' '));
  }
  warn(...values: unknown[]): void {
    this.owner._record('warn', values.map(describe).join(' '));
  }
  error(...values: unknown[]): void {
    this.owner._record('error', values.map(describe).join(' '));
  }
}

/** Logger.log and console.* both write here, in order, with the script's clock. */
export class LocalLogger {
  readonly entries: LogEntry[] = [];
  /** The global the bundle sees as Logger. */
  readonly app: GoogleAppsScript.Base.Logger;
  /** The global the bundle sees as console (Apps Script's V8 console writes to the same execution log). */
  readonly console: Pick<Console, 'log' | 'info' | 'warn' | 'error'>;

  constructor(private readonly runtime: Runtime) {
    this.app = expose<GoogleAppsScript.Base.Logger>(new LoggerApp(this), 'Logger', runtime);
    this.console = expose<Pick<Console, 'log' | 'info' | 'warn' | 'error'>>(
      new ConsoleApp(this),
      'console',
      runtime,
    );
  }

  _record(level: LogEntry['level'], message: string): void {
    this.entries.push({ level, message, at: this.runtime.now() });
  }

  messages(): string[] {
    return this.entries.map((e) => e.message);
  }
}
