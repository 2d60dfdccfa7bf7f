/**
 * The in-memory spreadsheet: a workbook of sheets. Methods named as in Apps Script are what the script calls
 * (through `expose`); the other public methods are helpers for tests, the runner and the exporters.
 */
import { expose, NotImplementedError, Runtime, unwrap } from '../runtime';
import { isIanaTimeZone, zonedParts } from '../zone';
import { parseA1 } from './a1';
import { GridRef, refOf, shiftRef } from './grid-ref';
import { isInteger, signatureError } from './helpers';
import { FakeNamedRange } from './named-range';
import { FakeRange } from './range';
import { FakeSheet, NEW_SHEET_COLUMNS, NEW_SHEET_ROWS } from './sheet';

export const MAX_CELLS = 10_000_000;

export class FakeSpreadsheet {
  readonly id: string;
  name: string;
  timeZone: string;
  readonly sheets: FakeSheet[] = [];
  activeSheet: FakeSheet | null = null;
  readonly namedRanges = new Map<string, GridRef>();
  readonly toasts: { message: string; title: string; timeoutSeconds: number }[] = [];
  /** Builds the Dates the script receives; the runner may point it at the vm's own Date. */
  newDate: (ms: number) => Date = (ms) => new Date(ms);
  private nextSheetId = 0;

  constructor(
    readonly runtime: Runtime,
    options: { name?: string; timeZone?: string; id?: string } = {},
  ) {
    this.name = options.name ?? 'Action Plan Register';
    this.timeZone = options.timeZone ?? runtime.scriptTimeZone;
    this.id = options.id ?? '1LocalActionPlanRegister0000000000000000000';
    this._addSheet('Sheet1', 0);
  }

  /** Wraps an object for the script under a service name (counted calls, not-implemented errors). */
  _expose<T>(target: object, service: string): T {
    return expose<T>(target, service, this.runtime);
  }

  _addSheet(name: string, index: number): FakeSheet {
    if (this.sheets.some((s) => s.name === name)) {
      throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    }
    if (this.sheets.length > 0) this._checkCellLimit(NEW_SHEET_ROWS * NEW_SHEET_COLUMNS);
    const sheet = new FakeSheet(this, name, this.nextSheetId === 0 ? 0 : 100_000_000 + this.nextSheetId);
    this.nextSheetId++;
    this.sheets.splice(Math.max(0, Math.min(index, this.sheets.length)), 0, sheet);
    return sheet;
  }

  /** Cells of every sheet's grid, empty ones included: what Google counts against the limit. */
  cellCount(): number {
    return this.sheets.reduce((sum, s) => sum + s.maxRows * s.maxColumns, 0);
  }

  /**
   * A workbook holds at most 10 million cells (https://support.google.com/drive/answer/37603); growing past that
   * is refused with Google's message, and nothing changes.
   */
  _checkCellLimit(added: number): void {
    if (this.cellCount() + added > MAX_CELLS) {
      throw new Error(
        `This action would increase the number of cells in the workbook above the limit of ${MAX_CELLS} cells.`,
      );
    }
  }

  /** The raw sheet by name, for tests and exporters. */
  sheet(name: string): FakeSheet {
    const found = this.sheets.find((s) => s.name === name);
    if (!found) throw new Error(`No sheet named ${name}`);
    return found;
  }

  /** The raw sheet, created when missing (tests and the runner seed sheets this way). */
  ensureSheet(name: string): FakeSheet {
    return this.sheets.find((s) => s.name === name) ?? this._addSheet(name, this.sheets.length);
  }

  // ---- Apps Script: Spreadsheet

  getId(): string {
    return this.id;
  }

  getName(): string {
    return this.name;
  }

  rename(name: string): void {
    this.name = String(name);
  }

  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this.id}/edit`;
  }

  getSpreadsheetTimeZone(): string {
    return this.timeZone;
  }

  setSpreadsheetTimeZone(timeZone: string): void {
    if (!isIanaTimeZone(timeZone)) throw new Error('Invalid argument: timeZone');
    this.timeZone = timeZone;
  }

  getSpreadsheetLocale(): string {
    return 'en_GB';
  }

  getSheets(): unknown[] {
    return this.sheets.map((s) => s._proxy());
  }

  getNumSheets(): number {
    return this.sheets.length;
  }

  getSheetByName(name: string): unknown {
    const found = this.sheets.find((s) => s.name === name);
    return found ? found._proxy() : null;
  }

  getSheetById(id: number): unknown {
    const found = this.sheets.find((s) => s.id === id);
    return found ? found._proxy() : null;
  }

  insertSheet(...args: unknown[]): unknown {
    let name: string | undefined;
    let index = this.sheets.length;
    const [a, b, c] = args;
    if (typeof a === 'string') {
      name = a;
      if (isInteger(b)) index = b;
      else if (b !== undefined) throw new NotImplementedError('Spreadsheet.insertSheet(name, options)');
      if (c !== undefined) throw new NotImplementedError('Spreadsheet.insertSheet(name, index, options)');
    } else if (isInteger(a)) {
      index = a;
      if (b !== undefined) throw new NotImplementedError('Spreadsheet.insertSheet(index, options)');
    } else if (a !== undefined) {
      throw new NotImplementedError('Spreadsheet.insertSheet(options)');
    }
    if (name === undefined) {
      let n = this.sheets.length + 1;
      while (this.sheets.some((s) => s.name === `Sheet${n}`)) n++;
      name = `Sheet${n}`;
    }
    const sheet = this._addSheet(name, index);
    // https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#insertsheetsheetname
    // "The new sheet becomes the active sheet."
    this.activeSheet = sheet;
    return sheet._proxy();
  }

  deleteSheet(sheet: FakeSheet): void {
    const raw = unwrap(sheet);
    const i = this.sheets.indexOf(raw);
    if (i < 0) throw signatureError('SpreadsheetApp.Spreadsheet.deleteSheet', [sheet]);
    if (this.sheets.length === 1) throw new Error("You can't remove all the sheets in a document.");
    this.sheets.splice(i, 1);
    for (const [name, ref] of this.namedRanges) if (ref.sheet === raw) this.namedRanges.delete(name);
    if (this.activeSheet === raw) this.activeSheet = null;
  }

  getActiveSheet(): unknown {
    return this._active()._proxy();
  }

  _active(): FakeSheet {
    return this.activeSheet ?? (this.sheets[0] as FakeSheet);
  }

  setActiveSheet(sheet: FakeSheet): unknown {
    const raw = unwrap(sheet);
    if (!this.sheets.includes(raw))
      throw signatureError('SpreadsheetApp.Spreadsheet.setActiveSheet', [sheet]);
    this.activeSheet = raw;
    return raw._proxy();
  }

  /** A range by A1 notation; without a sheet name it is on the active sheet. */
  getRange(a1: string): unknown {
    return this._resolveA1(a1, this._active())._proxy();
  }

  _resolveA1(a1: string, defaultSheet: FakeSheet): FakeRange {
    if (typeof a1 !== 'string') throw signatureError('SpreadsheetApp.Spreadsheet.getRange', [a1]);
    const parts = parseA1(a1);
    if (!parts) throw new Error('Range not found');
    let sheet = defaultSheet;
    if (parts.sheetName !== null) {
      const named = this.sheets.find((s) => s.name === parts.sheetName);
      if (!named) throw new Error('Range not found');
      sheet = named;
    }
    const row = parts.startRow ?? 1;
    const column = parts.startColumn ?? 1;
    const endRow = parts.endRow ?? sheet.maxRows;
    const endColumn = parts.endColumn ?? sheet.maxColumns;
    const top = Math.min(row, endRow);
    const left = Math.min(column, endColumn);
    return new FakeRange(
      sheet,
      top,
      left,
      Math.abs(endRow - row) + 1,
      Math.abs(endColumn - column) + 1,
      parts.startRow === null ? 'columns' : parts.startColumn === null ? 'rows' : null,
    );
  }

  toast(message: unknown, title?: unknown, timeoutSeconds?: number | null): void {
    // https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#toastmsg,-title,-timeoutseconds
    // a null timeout means the default of 5 seconds.
    this.toasts.push({
      message: String(message),
      title: title === undefined || title === null ? '' : String(title),
      timeoutSeconds: timeoutSeconds === undefined || timeoutSeconds === null ? 5 : timeoutSeconds,
    });
  }

  setNamedRange(name: string, range: FakeRange): void {
    const raw = unwrap(range);
    if (typeof name !== 'string' || !(raw instanceof FakeRange)) {
      throw signatureError('SpreadsheetApp.Spreadsheet.setNamedRange', [name, range]);
    }
    this.namedRanges.set(name, refOf(raw));
  }

  getRangeByName(name: string): unknown {
    const ref = this.namedRanges.get(name);
    return ref ? ref.sheet._rangeProxy(ref) : null;
  }

  getNamedRanges(): unknown[] {
    return [...this.namedRanges.keys()].map((name) =>
      this._expose(new FakeNamedRange(this, name), 'NamedRange'),
    );
  }

  removeNamedRange(name: string): void {
    // https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#removenamedrangename
    // "Throws an exception if no range with the given name is found in the spreadsheet."
    if (!this.namedRanges.delete(name)) throw new Error(`Named range not found: ${name}`);
  }

  getProtections(type: string): unknown[] {
    return this.sheets.flatMap((s) => s.getProtections(type));
  }

  /** Moves named ranges after rows or columns of one sheet were inserted or deleted. */
  _shiftNamedRanges(sheet: FakeSheet, axis: 'row' | 'column', after: number, count: number): void {
    for (const [name, ref] of this.namedRanges) {
      if (ref.sheet !== sheet) continue;
      const moved = shiftRef(ref, axis, after, count);
      if (moved) this.namedRanges.set(name, moved);
      else this.namedRanges.delete(name);
    }
  }

  /** Day number (yyyymmdd) of an instant in the spreadsheet time zone. */
  _dayOf(date: Date): number {
    const p = zonedParts(date, this.timeZone);
    return p.year * 10000 + p.month * 100 + p.day;
  }
}
