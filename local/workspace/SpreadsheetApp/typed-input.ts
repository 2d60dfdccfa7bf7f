/**
 * What Sheets stores when text arrives as if typed (setValue, setValues, appendRow, a user typing or pasting)
 * in the en_GB locale: numbers, percentages, pounds, booleans, dates, times and date-times become values with
 * the number format Sheets gives them; anything else stays text, exactly as written.
 *
 * The Sheets API names this mode USER_ENTERED: "The values will be parsed as if the user typed them into the
 * UI. Numbers will stay as numbers, but strings may be converted to numbers, dates, etc. following the same
 * rules that are applied when entering text into a cell via the Google Sheets UI"
 * (https://developers.google.com/workspace/sheets/api/reference/rest/v4/ValueInputOption), and Range.setValue
 * behaves the same (https://developers.google.com/apps-script/reference/spreadsheet/range#setvaluevalue).
 * Google does not list the forms it recognises; where unsure this parser recognises more, the stricter choice:
 * a product that keeps its text as text ('@' cells) is safe under both.
 */
import { zonedTime } from '../zone';
import { type CellValue, toSerial } from './number-format';

export interface ParsedInput {
  value: CellValue;
  /** The number format Sheets gives an unformatted cell that received this input. */
  autoFormat?: string;
}

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const WEEKDAY = '(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday)?,?\\s+';

/** A month by its full name or a three-letter (or "Sept") abbreviation; -1 when it names none. */
function monthOf(word: string): number {
  const w = word.toLowerCase().replace(/\.$/, '');
  if (w === 'sept') return 8;
  return MONTHS.findIndex((m) => m === w || (w.length === 3 && m.startsWith(w)));
}

/** Two-digit years as spreadsheets read them: 00-29 are 2000-2029, 30-99 are 1930-1999. */
function fullYear(text: string): number {
  const y = Number(text);
  if (text.length > 2) return y;
  return y < 30 ? 2000 + y : 1900 + y;
}

function validDay(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

interface Day {
  y: number;
  m: number;
  d: number;
  format: string;
}

const NUMERIC_DAY_FIRST = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})$/;
const NUMERIC_YEAR_FIRST = /^(\d{4})([/-])(\d{1,2})\2(\d{1,2})$/;
const DAY_MONTH_NO_YEAR = /^(\d{1,2})\/(\d{1,2})$/;
const DAY_NAME_YEAR = new RegExp(
  `^(?:${WEEKDAY})?(\\d{1,2})(\\s+|-)([a-z]+\\.?),?(?:\\2(\\d{4}|\\d{2}))?$`,
  'i',
);
const NAME_DAY_YEAR = new RegExp(`^(?:${WEEKDAY})?([a-z]+\\.?)\\s+(\\d{1,2}),?\\s+(\\d{4})$`, 'i');
const NAME_YEAR = /^([a-z]+\.?)(\s+|-)(\d{4})$/i;

/** A calendar day in any form Sheets reads in en_GB (day first), with the format it shows it in. */
function parseDay(text: string, currentYear: () => number): Day | null {
  let m = NUMERIC_DAY_FIRST.exec(text);
  if (m) return { y: fullYear(m[4]), m: Number(m[3]), d: Number(m[1]), format: 'dd/mm/yyyy' };
  m = NUMERIC_YEAR_FIRST.exec(text);
  if (m) return { y: Number(m[1]), m: Number(m[3]), d: Number(m[4]), format: 'yyyy-mm-dd' };
  m = DAY_MONTH_NO_YEAR.exec(text);
  if (m) return { y: currentYear(), m: Number(m[2]), d: Number(m[1]), format: 'dd/mm' };
  m = DAY_NAME_YEAR.exec(text);
  if (m && monthOf(m[3]) >= 0) {
    const long = m[3].replace(/\.$/, '').length > 3;
    const year = m[4] === undefined ? currentYear() : fullYear(m[4]);
    const format = `d ${long ? 'mmmm' : 'mmm'}${m[4] === undefined ? '' : ' yyyy'}`;
    return { y: year, m: monthOf(m[3]) + 1, d: Number(m[1]), format };
  }
  m = NAME_DAY_YEAR.exec(text);
  if (m && monthOf(m[1]) >= 0) {
    const long = m[1].replace(/\.$/, '').length > 3;
    return {
      y: Number(m[3]),
      m: monthOf(m[1]) + 1,
      d: Number(m[2]),
      format: `${long ? 'mmmm' : 'mmm'} d, yyyy`,
    };
  }
  m = NAME_YEAR.exec(text);
  if (m && monthOf(m[1]) >= 0) {
    // "March 2007" is the first of the month, shown as typed.
    const long = m[1].replace(/\.$/, '').length > 3;
    return { y: Number(m[3]), m: monthOf(m[1]) + 1, d: 1, format: `${long ? 'mmmm' : 'mmm'} yyyy` };
  }
  return null;
}

interface Time {
  seconds: number;
  format: string;
}

const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([ap])\.?m\.?)?$/i;
const HOUR_AM_PM = /^(\d{1,2})\s*([ap])\.?m\.?$/i;

/** A time of day ("10:30", "10:30:15", "2:30 pm", "9am"), as seconds since midnight. */
function parseTime(text: string): Time | null {
  let hour: number;
  let minute = 0;
  let second = 0;
  let half: string | undefined;
  let m = TIME.exec(text);
  if (m) {
    [hour, minute, second] = [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)];
    half = m[4];
  } else {
    m = HOUR_AM_PM.exec(text);
    if (!m) return null;
    hour = Number(m[1]);
    half = m[2];
  }
  if (minute > 59 || second > 59) return null;
  if (half) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (half.toLowerCase() === 'p' ? 12 : 0);
  } else if (hour > 23) return null;
  return { seconds: hour * 3600 + minute * 60 + second, format: half ? 'h:mm:ss am/pm' : 'hh:mm:ss' };
}

const PLAIN = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const SCIENTIFIC = /^[+-]?(\d+(\.\d*)?|\.\d+)e[+-]?\d+$/i;
const GROUPED = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;
const PERCENT = /^([+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?|[+-]?\.\d+)\s?%$/;
const POUNDS = /^(-?)£\s?(-?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?$/;

/** Decimals as written decide the decimals shown: "12.5%" shows two places, "50%" none. */
function decimalsOf(text: string): string {
  return /\.\d/.test(text) ? '.00' : '';
}

function parseNumber(text: string): ParsedInput | null {
  if (PLAIN.test(text)) return { value: Number(text) };
  if (SCIENTIFIC.test(text)) return { value: Number(text), autoFormat: '0.00E+00' };
  if (GROUPED.test(text))
    return { value: Number(text.replace(/,/g, '')), autoFormat: `#,##0${decimalsOf(text)}` };
  let m = PERCENT.exec(text);
  if (m) return { value: Number(m[1].replace(/,/g, '')) / 100, autoFormat: `0${decimalsOf(m[1])}%` };
  m = POUNDS.exec(text);
  if (m) {
    const sign = m[1] === '-' || m[2] === '-' ? -1 : 1;
    const amount = Number(m[3].replace(/,/g, '') + (m[4] ?? ''));
    return { value: sign * amount, autoFormat: `"£"#,##0${decimalsOf(m[4] ?? '')}` };
  }
  return null;
}

/**
 * The value Sheets stores for text typed into an unformatted (or number-formatted) cell. `currentYear` fills
 * a date typed without a year ("1/4", "1 April"), as Sheets does; it is asked only then.
 */
export function parseTypedText(text: string, timeZone: string, currentYear: () => number): ParsedInput {
  const trimmed = text.trim();
  // Nothing longer than a date with a weekday and a time is ever parsed: long text goes straight through.
  if (trimmed === '' || trimmed.length > 40 || trimmed.includes('\n')) return { value: text };
  const number = parseNumber(trimmed);
  if (number) return number;
  if (/^true$/i.test(trimmed)) return { value: true };
  if (/^false$/i.test(trimmed)) return { value: false };
  const time = parseTime(trimmed);
  if (time) return { value: time.seconds / 86_400, autoFormat: time.format };
  const dateTime = /^(.*\S)\s+(\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?)$/i.exec(trimmed);
  const day = parseDay(dateTime ? dateTime[1] : trimmed, currentYear);
  if (!day || !validDay(day.y, day.m, day.d)) return { value: text };
  const midnight = zonedTime(timeZone, day.y, day.m, day.d).getTime();
  if (!dateTime) return { value: new Date(midnight), autoFormat: day.format };
  const clock = parseTime(dateTime[2]);
  if (!clock) return { value: text };
  return {
    value: toSerial(midnight, timeZone) + clock.seconds / 86_400,
    autoFormat: `${day.format} ${clock.format}`,
  };
}
