import { isIsoDate, toIsoDate } from '../core/dates';
import type { IsoDate } from '../core/model';

/** True for a Date cell value (checked by its tag, so it holds for Dates from any realm). */
export function isDateCell(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/** A cell as text: what the officer wrote, numbers without locale formatting. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (isDateCell(value)) return value.toISOString();
  return String(value).trim();
}

/**
 * A date cell as a day in the spreadsheet's time zone. Text dates are accepted as YYYY-MM-DD or UK
 * day-first DD/MM/YYYY; anything else is `undefined` (not a date) so the caller can name the row.
 */
export function cellDate(value: unknown, timeZone: string): IsoDate | null | undefined {
  if (isDateCell(value)) return Number.isNaN(value.getTime()) ? undefined : toIsoDate(value, timeZone);
  const text = cellText(value);
  if (text === '') return null;
  if (isIsoDate(text)) return text;
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  if (uk) {
    const iso = `${uk[3]}-${uk[2].padStart(2, '0')}-${uk[1].padStart(2, '0')}`;
    if (isIsoDate(iso)) return iso;
  }
  return undefined;
}
