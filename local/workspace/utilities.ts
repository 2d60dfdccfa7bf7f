/**
 * Utilities and Logger of the local Workspace: Java SimpleDateFormat-style formatDate in any IANA time zone,
 * formatString, blobs, base64, digests and UUIDs.
 */
import { createHash, createHmac, randomUUID } from 'node:crypto';
import { MONTH_NAMES, WEEKDAY_NAMES } from '../../src/core/dates';
import { LocalBlob, toBuffer, toSignedBytes } from './blob';
import { Runtime, expose, isDate } from './runtime';
import { type Zone, type ZonedParts, resolveZone, zonedParts } from './zone';

// ---------------------------------------------------------------------------------------------------------
// formatDate
// ---------------------------------------------------------------------------------------------------------

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
