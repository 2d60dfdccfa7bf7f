/**
 * The Record sheet: the hidden, protected copy of what the register last knew of every action, one row per
 * action id (row = id + 1, so an edit reads only the rows it needs). History compares with it, so every change
 * is kept with its true old value. Every cell is plain text: dates as YYYY-MM-DD, exactly as the core compares.
 */
import { REGISTER_COLUMNS } from '../core/headers';
import type { Closure } from '../core/model';
import { RECORDED_FIELDS } from '../core/record';
import type { RecordEntry, RecordedField, RowCells } from '../core/record';
import { toIsoDate } from '../core/dates';

export const RECORD_SHEET = 'Record';
const FIXED = ['Action ID', 'State', 'Deleted on'] as const;
const headerOf = (field: RecordedField): string =>
  REGISTER_COLUMNS.find((c) => c.key === field)?.header ?? field;
export const RECORD_HEADERS: readonly string[] = [...FIXED, ...RECORDED_FIELDS.map(headerOf)];
const WIDTH = RECORD_HEADERS.length;
const PROTECTION = 'Action Plan: the record History is kept from';

/** The hidden record sheet, made once: plain text throughout, warning-only protected. */
export function ensureRecordSheet(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
): GoogleAppsScript.Spreadsheet.Sheet {
  const existing = ss.getSheetByName(RECORD_SHEET);
  if (existing) return existing;
  const sheet = ss.insertSheet(RECORD_SHEET);
  const columns = sheet.getMaxColumns();
  if (columns < WIDTH) sheet.insertColumnsAfter(columns, WIDTH - columns);
  else if (columns > WIDTH) sheet.deleteColumns(WIDTH + 1, columns - WIDTH);
  sheet.getRange(1, 1, sheet.getMaxRows(), WIDTH).setNumberFormat('@');
  sheet
    .getRange(1, 1, 1, WIDTH)
    .setValues([[...RECORD_HEADERS]])
    .setFontWeight('bold');
  sheet.setFrozenRows(1);
  // Editors' menus and triggers write here as themselves, so the protection can only warn.
  sheet.protect().setDescription(PROTECTION).setWarningOnly(true);
  sheet.hideSheet();
  return sheet;
}

function entryOf(row: readonly unknown[]): RecordEntry | null {
  const id = String(row[0] ?? '');
  if (id === '') return null;
  const cells: Partial<Record<RecordedField, string>> = {};
  RECORDED_FIELDS.forEach((field, i) => {
    const value = String(row[FIXED.length + i] ?? '');
    if (value !== '') cells[field] = value;
  });
  const state = String(row[1] ?? '');
  const closure: Closure = state === 'completed' || state === 'closed' ? state : null;
  return { id, cells, closure, deleted: String(row[2] ?? '') !== '' };
}

function rowOf(entry: RecordEntry, deletedOn: string): string[] {
  return [
    entry.id,
    entry.closure ?? '',
    entry.deleted ? deletedOn || 'yes' : '',
    ...RECORDED_FIELDS.map((f) => entry.cells[f] ?? ''),
  ];
}

const rowNumber = (id: string): number | null => {
  const n = Number(id);
  return /^[1-9]\d*$/.test(id) && Number.isSafeInteger(n) ? n + 1 : null;
};

/**
 * The record as one execution read it: all of it (Refresh) or the rows of some ids (an edit). Changes are
 * kept in memory and written by save() in at most two setValues: the rows read, and the new ones appended.
 */
export class RecordStore {
  private readonly changed = new Map<string, RecordEntry>();
  private lastId: number;

  private constructor(
    private readonly sheet: GoogleAppsScript.Spreadsheet.Sheet,
    private readonly entries: Map<string, RecordEntry>,
    /** Rows read (inclusive, 1-based), or null when none were. */
    private span: { first: number; rows: string[][] } | null,
    private lastRowRead: number,
    private readonly today: string,
  ) {
    this.lastId = Math.max(0, lastRowRead - 1);
  }

  /** The whole record in one read. */
  static readAll(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, today: string): RecordStore {
    const sheet = ensureRecordSheet(ss);
    const values = sheet.getDataRange().getValues();
    const rows = values.slice(1).map((r) => r.map((v) => String(v ?? '')));
    return new RecordStore(
      sheet,
      entriesOf(rows),
      rows.length > 0 ? { first: 2, rows } : null,
      values.length,
      today,
    );
  }

  /** The rows of these ids only: one read of the span between the lowest and highest. */
  static readIds(
    ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
    ids: Iterable<string>,
    today: string,
  ): RecordStore {
    const sheet = ensureRecordSheet(ss);
    const lastRow = sheet.getLastRow();
    const wanted = [...ids].map(rowNumber).filter((r): r is number => r !== null && r <= lastRow);
    if (wanted.length === 0) return new RecordStore(sheet, new Map(), null, lastRow, today);
    const first = Math.min(...wanted);
    const last = Math.max(...wanted);
    const rows = sheet
      .getRange(first, 1, last - first + 1, WIDTH)
      .getValues()
      .map((r) => r.map((v) => String(v ?? '')));
    return new RecordStore(sheet, entriesOf(rows), { first, rows }, lastRow, today);
  }

  get(id: string): RecordEntry | null {
    return this.changed.get(id) ?? this.entries.get(id) ?? null;
  }

  all(): RecordEntry[] {
    return [...new Map([...this.entries, ...this.changed]).values()];
  }

  ids(): string[] {
    return this.all().map((e) => e.id);
  }

  /** A new id, never used before: ids are never reused, even after a deletion. */
  newId(): string {
    this.lastId++;
    return String(this.lastId);
  }

  put(entry: RecordEntry): void {
    this.changed.set(entry.id, entry);
  }

  /** Writes what changed: the rows read in one setValues, new actions appended in another. */
  save(): void {
    if (this.changed.size === 0) return;
    const fresh: string[][] = [];
    let spanTouched = false;
    for (const entry of this.changed.values()) {
      const row = rowNumber(entry.id);
      if (row === null) continue;
      const values = rowOf(entry, this.today);
      if (row > this.lastRowRead) fresh[row - this.lastRowRead - 1] = values;
      else if (this.span && row >= this.span.first && row < this.span.first + this.span.rows.length) {
        this.span.rows[row - this.span.first] = values;
        spanTouched = true;
      } else throw new Error(`The record of action ${entry.id} was changed without being read.`);
    }
    if (this.span && spanTouched) {
      this.sheet.getRange(this.span.first, 1, this.span.rows.length, WIDTH).setValues(this.span.rows);
    }
    if (fresh.length > 0) {
      const rows = Array.from(fresh, (r) => r ?? new Array<string>(WIDTH).fill(''));
      const start = this.lastRowRead + 1;
      const needed = start + rows.length - 1 - this.sheet.getMaxRows();
      if (needed > 0) this.sheet.insertRowsAfter(this.sheet.getMaxRows(), needed);
      const range = this.sheet.getRange(start, 1, rows.length, WIDTH);
      range.setNumberFormat('@');
      range.setValues(rows);
      this.lastRowRead = start + rows.length - 1;
      // Rows just written join the span read when they follow it, so a later save can rewrite them too.
      if (this.span === null) this.span = { first: start, rows };
      else if (this.span.first + this.span.rows.length === start) this.span.rows.push(...rows);
    }
    for (const [id, entry] of this.changed) this.entries.set(id, entry);
    this.changed.clear();
  }
}

function entriesOf(rows: readonly (readonly unknown[])[]): Map<string, RecordEntry> {
  const map = new Map<string, RecordEntry>();
  for (const row of rows) {
    const entry = entryOf(row);
    if (entry) map.set(entry.id, entry);
  }
  return map;
}

/** A register cell as the record compares it: a date as its day in the spreadsheet's zone, text as written. */
export function recordText(value: unknown, timeZone: string): string {
  if (value === null || value === undefined) return '';
  if (Object.prototype.toString.call(value) === '[object Date]') {
    const date = value as Date;
    return Number.isNaN(date.getTime()) ? '' : toIsoDate(date, timeZone);
  }
  return String(value);
}

/** A register row's cells as the record compares them. */
export function rowCells(
  row: readonly unknown[],
  columns: Partial<Record<string, number>>,
  timeZone: string,
): RowCells {
  const cells: Partial<Record<RecordedField, string>> = {};
  for (const field of RECORDED_FIELDS) {
    const index = columns[field];
    if (index === undefined) continue;
    const text = recordText(row[index], timeZone);
    if (text !== '') cells[field] = text;
  }
  return cells;
}
