/**
 * The in-memory spreadsheet: a workbook of sheets of cells, and the Range, Protection and NamedRange objects the
 * script works through. Methods named as in Apps Script are what the script calls (through `expose`); the other
 * public methods are helpers for tests, the runner and the exporters.
 */
import { expose, isDate, NotImplementedError, Runtime, unwrap } from '../runtime';
import { isIanaTimeZone, zonedParts } from '../zone';
import { cellA1, columnLetters, parseA1, quoteSheetName } from './a1';
import {
  AUTO_DATE_TIME_FORMAT,
  CellValue,
  DEFAULT_NUMBER_FORMAT,
  displayText,
  formatKind,
  fromSerial,
  normaliseColour,
  parseTypedText,
} from './format';
import {
  breaksValidation,
  FakeConditionalFormatRule,
  FakeDataValidation,
  GridRef,
  refContains,
  refOf,
  ruleMatches,
  shiftRef,
} from './rules';

export type WrapStrategy = 'WRAP' | 'OVERFLOW' | 'CLIP';

/** One cell as Sheets stores it. */
export class StoredCell {
  value: CellValue = '';
  formula = '';
  /** What a formula evaluates to; formulas are not evaluated locally, so a test sets this (see setComputed). */
  computed: CellValue | undefined = undefined;
  note = '';
  background = '#ffffff';
  fontColor = '#000000';
  fontWeight: 'normal' | 'bold' = 'normal';
  fontStyle: 'normal' | 'italic' = 'normal';
  fontSize = 10;
  numberFormat = DEFAULT_NUMBER_FORMAT;
  wrapStrategy: WrapStrategy = 'OVERFLOW';
  horizontalAlignment: string | null = null;
  verticalAlignment: string | null = null;
  validation: FakeDataValidation | null = null;

  hasContent(): boolean {
    return this.value !== '' || this.formula !== '';
  }

  copyFormat(from: StoredCell): void {
    this.background = from.background;
    this.fontColor = from.fontColor;
    this.fontWeight = from.fontWeight;
    this.fontStyle = from.fontStyle;
    this.fontSize = from.fontSize;
    this.numberFormat = from.numberFormat;
    this.wrapStrategy = from.wrapStrategy;
    this.horizontalAlignment = from.horizontalAlignment;
    this.verticalAlignment = from.verticalAlignment;
  }

  clearFormat(): void {
    this.copyFormat(BLANK);
  }
}

const BLANK = Object.freeze(new StoredCell()) as StoredCell;

/** What `FakeSheet.cell()` hands a test: a copy of the stored cell. */
export interface CellSnapshot {
  value: CellValue;
  formula: string;
  note: string;
  background: string;
  fontColor: string;
  fontWeight: 'normal' | 'bold';
  fontStyle: 'normal' | 'italic';
  fontSize: number;
  numberFormat: string;
  /** True when the text wraps (wrap strategy WRAP). */
  wrap: boolean;
  wrapStrategy: WrapStrategy;
  horizontalAlignment: string | null;
  verticalAlignment: string | null;
  validation: FakeDataValidation | null;
}

export interface BorderRecord {
  a1: string;
  args: unknown[];
}

function describeArgs(args: unknown[]): string {
  return args
    .map((a) => {
      if (a === null || a === undefined) return 'null';
      if (typeof a === 'number') return 'number';
      if (typeof a === 'boolean') return 'Boolean';
      if (typeof a === 'string') return 'String';
      if (Array.isArray(a)) return 'Object[]';
      return 'Object';
    })
    .join(',');
}

/** Apps Script's complaint when arguments do not fit any overload of a method. */
export function signatureError(method: string, args: unknown[]): Error {
  return new Error(`The parameters (${describeArgs(args)}) don't match the method signature for ${method}.`);
}

function isInteger(n: unknown): n is number {
  return typeof n === 'number' && Number.isFinite(n);
}

// ---------------------------------------------------------------------------------------------------------------

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
    const sheet = new FakeSheet(this, name, this.nextSheetId === 0 ? 0 : 100_000_000 + this.nextSheetId);
    this.nextSheetId++;
    this.sheets.splice(Math.max(0, Math.min(index, this.sheets.length)), 0, sheet);
    return sheet;
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

// ---------------------------------------------------------------------------------------------------------------

export class FakeNamedRange {
  constructor(
    private readonly spreadsheet: FakeSpreadsheet,
    private name: string,
  ) {}

  getName(): string {
    return this.name;
  }

  setName(name: string): this {
    const ref = this.ref();
    this.spreadsheet.namedRanges.delete(this.name);
    this.spreadsheet.namedRanges.set(name, ref);
    this.name = name;
    return this;
  }

  getRange(): unknown {
    const ref = this.ref();
    return ref.sheet._rangeProxy(ref);
  }

  setRange(range: FakeRange): this {
    this.ref();
    this.spreadsheet.namedRanges.set(this.name, refOf(range));
    return this;
  }

  remove(): void {
    this.spreadsheet.removeNamedRange(this.name);
  }

  private ref(): GridRef {
    const ref = this.spreadsheet.namedRanges.get(this.name);
    if (!ref) throw new Error(`Named range not found: ${this.name}`);
    return ref;
  }
}

export class FakeProtection {
  description = '';
  warningOnly = false;
  removed = false;

  constructor(
    readonly sheet: FakeSheet,
    readonly type: 'RANGE' | 'SHEET',
    public ref: GridRef | null,
  ) {}

  getProtectionType(): 'RANGE' | 'SHEET' {
    return this.type;
  }

  setDescription(description: string): this {
    this.description = String(description);
    return this;
  }

  getDescription(): string {
    return this.description;
  }

  setWarningOnly(warningOnly: boolean): this {
    this.warningOnly = Boolean(warningOnly);
    return this;
  }

  isWarningOnly(): boolean {
    return this.warningOnly;
  }

  /** The script's user owns the spreadsheet, so it may always edit. */
  canEdit(): boolean {
    return true;
  }

  getRange(): unknown {
    if (this.ref) return this.sheet._rangeProxy(this.ref);
    return new FakeRange(this.sheet, 1, 1, this.sheet.maxRows, this.sheet.maxColumns, null)._proxy();
  }

  remove(): void {
    this.removed = true;
    if (this.type === 'SHEET') {
      if (this.sheet.sheetProtection === this) this.sheet.sheetProtection = null;
    } else {
      const i = this.sheet.rangeProtections.indexOf(this);
      if (i >= 0) this.sheet.rangeProtections.splice(i, 1);
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------

export class FakeSheet {
  maxRows = 1000;
  maxColumns = 26;
  /** Cells by [row - 1][column - 1]; holes are blank cells. */
  private grid: (StoredCell | undefined)[][] = [];
  frozenRows = 0;
  frozenColumns = 0;
  readonly columnWidths = new Map<number, number>();
  tabColor: string | null = null;
  hidden = false;
  rules: FakeConditionalFormatRule[] = [];
  sheetProtection: FakeProtection | null = null;
  readonly rangeProtections: FakeProtection[] = [];
  readonly borders: BorderRecord[] = [];

  constructor(
    readonly spreadsheet: FakeSpreadsheet,
    public name: string,
    readonly id: number,
  ) {}

  _proxy(): unknown {
    return this.spreadsheet._expose(this, 'Sheet');
  }

  _rangeProxy(ref: GridRef): unknown {
    return new FakeRange(ref.sheet, ref.row, ref.column, ref.numRows, ref.numColumns, null)._proxy();
  }

  /** The stored cell, or a blank one (do not mutate the result). */
  _cell(row: number, column: number): StoredCell {
    return this.grid[row - 1]?.[column - 1] ?? BLANK;
  }

  /** The stored cell, created when blank; appendRow may write past the grid and grows it. */
  _mutable(row: number, column: number): StoredCell {
    let line = this.grid[row - 1];
    if (!line) {
      line = [];
      this.grid[row - 1] = line;
    }
    let cell = line[column - 1];
    if (!cell) {
      cell = new StoredCell();
      line[column - 1] = cell;
    }
    if (row > this.maxRows) this.maxRows = row;
    if (column > this.maxColumns) this.maxColumns = column;
    return cell;
  }

  // ---- Test helpers

  /** A copy of the cell at (row, column) with its value, formula and formats. */
  cell(row: number, column: number): CellSnapshot {
    const c = this._cell(row, column);
    return {
      value: isDate(c.value) ? new Date(c.value.getTime()) : c.value,
      formula: c.formula,
      note: c.note,
      background: c.background,
      fontColor: c.fontColor,
      fontWeight: c.fontWeight,
      fontStyle: c.fontStyle,
      fontSize: c.fontSize,
      numberFormat: c.numberFormat,
      wrap: c.wrapStrategy === 'WRAP',
      wrapStrategy: c.wrapStrategy,
      horizontalAlignment: c.horizontalAlignment,
      verticalAlignment: c.verticalAlignment,
      validation: c.validation,
    };
  }

  /** Every stored cell (with content, formats, a note or validation), row by row, for exporters. */
  *entries(): Generator<{ row: number; column: number; cell: StoredCell }> {
    for (let r = 0; r < this.grid.length; r++) {
      const line = this.grid[r];
      if (!line) continue;
      for (let c = 0; c < line.length; c++) {
        const cell = line[c];
        if (cell) yield { row: r + 1, column: c + 1, cell };
      }
    }
  }

  /** Sets what a formula cell evaluates to (formulas are not evaluated locally). */
  setComputed(row: number, column: number, value: CellValue): void {
    const c = this._mutable(row, column);
    if (!c.formula) throw new Error(`${cellA1(row, column)} holds no formula`);
    c.computed = isDate(value) ? new Date(value.getTime()) : value;
  }

  /** The value the script would read at (row, column), for tests. */
  valueAt(row: number, column: number): CellValue {
    return this._read(row, column);
  }

  /** The text the user sees at (row, column). */
  displayAt(row: number, column: number): string {
    return this._display(row, column);
  }

  /** Every value of the data range, as getDataRange().getValues() would read it. */
  values(): CellValue[][] {
    const rows = this.getLastRow();
    const columns = this.getLastColumn();
    const out: CellValue[][] = [];
    for (let r = 1; r <= rows; r++) {
      const line: CellValue[] = [];
      for (let c = 1; c <= columns; c++) line.push(this._read(r, c));
      out.push(line);
    }
    return out;
  }

  /**
   * The colours the first matching conditional format rule gives the cell, as Sheets draws it; null when no
   * rule applies. Only colour and bold are reported.
   */
  conditionalColour(
    row: number,
    column: number,
  ): { background?: string; fontColor?: string; bold?: boolean } | null {
    const reader = {
      value: (r: number, c: number) => this._read(r, c),
      text: (r: number, c: number) => this._display(r, c),
    };
    for (const rule of this.rules) {
      if (!rule.spec.ranges.some((ref) => refContains(ref, this, row, column))) continue;
      if (!ruleMatches(rule.spec, reader, row, column)) continue;
      const { background, fontColor, bold } = rule.spec.format;
      const out: { background?: string; fontColor?: string; bold?: boolean } = {};
      if (background !== null) out.background = background;
      if (fontColor !== null) out.fontColor = fontColor;
      if (bold !== null) out.bold = bold;
      return out;
    }
    return null;
  }

  /** True when the cell's value breaks a validation rule that rejects invalid input (allowInvalid false). */
  validationError(row: number, column: number): boolean {
    const rule = this._cell(row, column).validation;
    if (!rule || rule.getAllowInvalid()) return false;
    return this.validationBroken(row, column);
  }

  /** True when the cell's value breaks its validation rule, warning-only or not (Sheets marks the cell). */
  validationBroken(row: number, column: number): boolean {
    const rule = this._cell(row, column).validation;
    if (!rule) return false;
    return breaksValidation(
      rule,
      this._read(row, column),
      this._display(row, column),
      (d) => this.spreadsheet._dayOf(d),
      (ref) => {
        const texts: string[] = [];
        for (let r = ref.row; r < ref.row + ref.numRows; r++) {
          for (let c = ref.column; c < ref.column + ref.numColumns; c++) {
            const t = ref.sheet._display(r, c);
            if (t !== '') texts.push(t);
          }
        }
        return texts;
      },
    );
  }

  // ---- Cell values

  /** The value Apps Script hands out: formulas give their computed value ('' until a test sets one). */
  _read(row: number, column: number): CellValue {
    const c = this._cell(row, column);
    const v = c.formula ? (c.computed ?? '') : c.value;
    if (isDate(v)) return this.spreadsheet.newDate(v.getTime());
    // A number in a date-formatted cell is a date to Sheets.
    if (typeof v === 'number' && formatKind(c.numberFormat) === 'date') {
      return this.spreadsheet.newDate(fromSerial(v, this.spreadsheet.timeZone));
    }
    return v;
  }

  _display(row: number, column: number): string {
    const c = this._cell(row, column);
    const v = c.formula ? (c.computed ?? '') : c.value;
    return displayText(v, c.numberFormat, this.spreadsheet.timeZone);
  }

  /** Stores a value as Sheets does when a script writes it (setValue, setValues, appendRow). */
  _write(row: number, column: number, input: unknown): void {
    const c = this._mutable(row, column);
    c.formula = '';
    c.computed = undefined;
    if (input === null || input === undefined || input === '') {
      c.value = '';
      return;
    }
    if (isDate(input)) {
      c.value = new Date(input.getTime());
      if (c.numberFormat === DEFAULT_NUMBER_FORMAT) c.numberFormat = AUTO_DATE_TIME_FORMAT;
      return;
    }
    if (typeof input === 'number' || typeof input === 'boolean') {
      c.value = input;
      return;
    }
    const text = typeof input === 'string' ? input : String(input);
    // A plain-text ('@') cell keeps what it is given, "=" and all.
    if (c.numberFormat === '@') {
      c.value = text;
      return;
    }
    if (text.startsWith("'")) {
      c.value = text.slice(1);
      return;
    }
    if (text.startsWith('=') && text.length > 1) {
      c.value = '';
      c.formula = text;
      return;
    }
    const parsed = parseTypedText(text, this.spreadsheet.timeZone);
    c.value = parsed.value;
    if (parsed.autoFormat && c.numberFormat === DEFAULT_NUMBER_FORMAT) c.numberFormat = parsed.autoFormat;
  }

  // ---- Apps Script: Sheet

  getName(): string {
    return this.name;
  }

  setName(name: string): this {
    if (this.spreadsheet.sheets.some((s) => s !== this && s.name === name)) {
      throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    }
    this.name = String(name);
    return this;
  }

  getSheetId(): number {
    return this.id;
  }

  getIndex(): number {
    return this.spreadsheet.sheets.indexOf(this) + 1;
  }

  getParent(): unknown {
    return this.spreadsheet._expose(this.spreadsheet, 'Spreadsheet');
  }

  getRange(...args: unknown[]): unknown {
    return this._range(...args)._proxy();
  }

  _range(...args: unknown[]): FakeRange {
    if (args.length === 1 && typeof args[0] === 'string') return this.spreadsheet._resolveA1(args[0], this);
    if (args.length < 2 || args.length > 4 || !args.every(isInteger)) {
      throw signatureError('SpreadsheetApp.Sheet.getRange', args);
    }
    const [row, column, numRows = 1, numColumns = 1] = args as number[];
    if (row < 1) throw new Error('The starting row of the range is too small.');
    if (column < 1) throw new Error('The starting column of the range is too small.');
    if (numRows < 1) throw new Error('The number of rows in the range must be at least 1.');
    if (numColumns < 1) throw new Error('The number of columns in the range must be at least 1.');
    return new FakeRange(
      this,
      Math.floor(row),
      Math.floor(column),
      Math.floor(numRows),
      Math.floor(numColumns),
      null,
    );
  }

  getDataRange(): unknown {
    return new FakeRange(
      this,
      1,
      1,
      Math.max(1, this.getLastRow()),
      Math.max(1, this.getLastColumn()),
      null,
    )._proxy();
  }

  /** The last row holding a value or formula; 0 on an empty sheet. Notes and formats do not count. */
  getLastRow(): number {
    for (let r = this.grid.length; r >= 1; r--) {
      if (this.grid[r - 1]?.some((c) => c?.hasContent())) return r;
    }
    return 0;
  }

  getLastColumn(): number {
    let last = 0;
    for (const line of this.grid) {
      if (!line) continue;
      for (let c = line.length; c > last; c--) {
        if (line[c - 1]?.hasContent()) {
          last = c;
          break;
        }
      }
    }
    return last;
  }

  getMaxRows(): number {
    return this.maxRows;
  }

  getMaxColumns(): number {
    return this.maxColumns;
  }

  insertRowsAfter(afterPosition: number, howMany: number): this {
    if (!isInteger(afterPosition) || !isInteger(howMany)) {
      throw signatureError('SpreadsheetApp.Sheet.insertRowsAfter', [afterPosition, howMany]);
    }
    if (afterPosition < 1 || afterPosition > this.maxRows) throw new Error('Those rows are out of bounds.');
    if (howMany < 1) throw new Error('The number of rows to insert must be at least 1.');
    this._insertRows(afterPosition, howMany, afterPosition);
    return this;
  }

  insertRowAfter(afterPosition: number): this {
    return this.insertRowsAfter(afterPosition, 1);
  }

  insertRowsBefore(beforePosition: number, howMany: number): this {
    if (!isInteger(beforePosition) || !isInteger(howMany)) {
      throw signatureError('SpreadsheetApp.Sheet.insertRowsBefore', [beforePosition, howMany]);
    }
    if (beforePosition < 1 || beforePosition > this.maxRows) throw new Error('Those rows are out of bounds.');
    if (howMany < 1) throw new Error('The number of rows to insert must be at least 1.');
    this._insertRows(beforePosition - 1, howMany, beforePosition);
    return this;
  }

  insertRowBefore(beforePosition: number): this {
    return this.insertRowsBefore(beforePosition, 1);
  }

  /** New rows take the formats and validation of the row they were inserted next to, as in Sheets. */
  private _insertRows(after: number, howMany: number, formatFrom: number): void {
    const template = this.grid[formatFrom - 1];
    const fresh: (StoredCell | undefined)[][] = [];
    for (let i = 0; i < howMany; i++) {
      const line: (StoredCell | undefined)[] = [];
      template?.forEach((t, c) => {
        if (!t) return;
        const cell = new StoredCell();
        cell.copyFormat(t);
        cell.validation = t.validation;
        line[c] = cell;
      });
      fresh.push(line);
    }
    while (this.grid.length < after) this.grid.push([]);
    this.grid.splice(after, 0, ...fresh);
    this.maxRows += howMany;
    this._shiftRefs('row', after, howMany);
  }

  insertColumnsAfter(afterPosition: number, howMany: number): this {
    if (!isInteger(afterPosition) || !isInteger(howMany)) {
      throw signatureError('SpreadsheetApp.Sheet.insertColumnsAfter', [afterPosition, howMany]);
    }
    if (afterPosition < 1 || afterPosition > this.maxColumns)
      throw new Error('Those columns are out of bounds.');
    if (howMany < 1) throw new Error('The number of columns to insert must be at least 1.');
    for (const line of this.grid) {
      if (!line || line.length <= afterPosition) continue;
      const template = line[afterPosition - 1];
      const fresh: (StoredCell | undefined)[] = [];
      for (let i = 0; i < howMany; i++) {
        if (!template) {
          fresh.push(undefined);
          continue;
        }
        const cell = new StoredCell();
        cell.copyFormat(template);
        cell.validation = template.validation;
        fresh.push(cell);
      }
      line.splice(afterPosition, 0, ...fresh);
    }
    const widths = [...this.columnWidths.entries()];
    this.columnWidths.clear();
    for (const [c, w] of widths) this.columnWidths.set(c > afterPosition ? c + howMany : c, w);
    this.maxColumns += howMany;
    this._shiftRefs('column', afterPosition, howMany);
    return this;
  }

  insertColumnAfter(afterPosition: number): this {
    return this.insertColumnsAfter(afterPosition, 1);
  }

  deleteRow(rowPosition: number): this {
    return this.deleteRows(rowPosition, 1);
  }

  deleteRows(rowPosition: number, howMany: number): this {
    if (!isInteger(rowPosition) || !isInteger(howMany)) {
      throw signatureError('SpreadsheetApp.Sheet.deleteRows', [rowPosition, howMany]);
    }
    if (rowPosition < 1 || howMany < 1 || rowPosition + howMany - 1 > this.maxRows) {
      throw new Error('Those rows are out of bounds.');
    }
    if (howMany >= this.maxRows) throw new Error("You can't delete all the rows on the sheet.");
    this.grid.splice(rowPosition - 1, howMany);
    this.maxRows -= howMany;
    this._shiftRefs('row', rowPosition - 1, -howMany);
    return this;
  }

  deleteColumns(columnPosition: number, howMany: number): this {
    if (!isInteger(columnPosition) || !isInteger(howMany)) {
      throw signatureError('SpreadsheetApp.Sheet.deleteColumns', [columnPosition, howMany]);
    }
    if (columnPosition < 1 || howMany < 1 || columnPosition + howMany - 1 > this.maxColumns) {
      throw new Error('Those columns are out of bounds.');
    }
    if (howMany >= this.maxColumns) throw new Error("You can't delete all the columns on the sheet.");
    for (const line of this.grid) line?.splice(columnPosition - 1, howMany);
    this.maxColumns -= howMany;
    this._shiftRefs('column', columnPosition - 1, -howMany);
    return this;
  }

  deleteColumn(columnPosition: number): this {
    return this.deleteColumns(columnPosition, 1);
  }

  /** Conditional format ranges, protected ranges and named ranges move with the rows and columns, as in Sheets. */
  private _shiftRefs(axis: 'row' | 'column', after: number, count: number): void {
    this.rules = this.rules.flatMap((rule) => rule.shifted(this, axis, after, count) ?? []);
    for (const p of [...this.rangeProtections]) {
      const moved = p.ref ? shiftRef(p.ref, axis, after, count) : null;
      if (moved) p.ref = moved;
      else p.remove();
    }
    for (const sheet of this.spreadsheet.sheets) {
      for (let r = 1; r <= sheet.grid.length; r++) {
        for (const cell of sheet.grid[r - 1] ?? []) {
          const rule = cell?.validation;
          const ref = rule?.spec.criteria === 'VALUE_IN_RANGE' ? (rule.spec.args[0] as GridRef) : null;
          if (cell && rule && ref && ref.sheet === this) {
            const moved = shiftRef(ref, axis, after, count);
            if (moved)
              cell.validation = new FakeDataValidation(
                { ...rule.spec, args: [moved, rule.spec.args[1]] },
                rule.wrap,
              );
          }
        }
      }
    }
    this.spreadsheet._shiftNamedRanges(this, axis, after, count);
  }

  appendRow(rowContents: unknown[]): this {
    if (!Array.isArray(rowContents)) throw signatureError('SpreadsheetApp.Sheet.appendRow', [rowContents]);
    const row = this.getLastRow() + 1;
    rowContents.forEach((v, i) => this._write(row, i + 1, v));
    if (row > this.maxRows) this.maxRows = row;
    return this;
  }

  setFrozenRows(rows: number): void {
    if (!isInteger(rows) || rows < 0) throw signatureError('SpreadsheetApp.Sheet.setFrozenRows', [rows]);
    this.frozenRows = rows;
  }

  getFrozenRows(): number {
    return this.frozenRows;
  }

  setFrozenColumns(columns: number): void {
    if (!isInteger(columns) || columns < 0)
      throw signatureError('SpreadsheetApp.Sheet.setFrozenColumns', [columns]);
    this.frozenColumns = columns;
  }

  getFrozenColumns(): number {
    return this.frozenColumns;
  }

  setColumnWidth(columnPosition: number, width: number): this {
    if (!isInteger(columnPosition) || !isInteger(width)) {
      throw signatureError('SpreadsheetApp.Sheet.setColumnWidth', [columnPosition, width]);
    }
    this.columnWidths.set(columnPosition, width);
    return this;
  }

  setColumnWidths(startColumn: number, numColumns: number, width: number): this {
    if (![startColumn, numColumns, width].every(isInteger)) {
      throw signatureError('SpreadsheetApp.Sheet.setColumnWidths', [startColumn, numColumns, width]);
    }
    for (let c = startColumn; c < startColumn + numColumns; c++) this.columnWidths.set(c, width);
    return this;
  }

  /** Pixels; 100 unless set. */
  getColumnWidth(columnPosition: number): number {
    return this.columnWidths.get(columnPosition) ?? 100;
  }

  /** Fits each column to its longest displayed line, at about 7 pixels a character. */
  autoResizeColumns(startColumn: number, numColumns: number): this {
    for (let c = startColumn; c < startColumn + numColumns; c++) {
      let longest = 0;
      for (let r = 1; r <= this.grid.length; r++) {
        for (const line of this._display(r, c).split('\n')) longest = Math.max(longest, line.length);
      }
      this.columnWidths.set(c, Math.max(21, longest * 7 + 10));
    }
    return this;
  }

  autoResizeColumn(columnPosition: number): this {
    return this.autoResizeColumns(columnPosition, 1);
  }

  setTabColor(colour: string | null): this {
    this.tabColor = colour === null ? null : normaliseColour(colour);
    return this;
  }

  getTabColor(): string | null {
    return this.tabColor;
  }

  getConditionalFormatRules(): unknown[] {
    return this.rules.map((r) => this.spreadsheet._expose(r, 'ConditionalFormatRule'));
  }

  /** Replaces every rule of the sheet, as Sheets does. */
  setConditionalFormatRules(rules: FakeConditionalFormatRule[]): void {
    if (!Array.isArray(rules))
      throw signatureError('SpreadsheetApp.Sheet.setConditionalFormatRules', [rules]);
    this.rules = unwrap(rules).map((r) => {
      if (!(r instanceof FakeConditionalFormatRule)) {
        throw signatureError('SpreadsheetApp.Sheet.setConditionalFormatRules', [rules]);
      }
      return r.withRanges(r.spec.ranges.map((ref) => ({ ...ref })));
    });
  }

  clearConditionalFormatRules(): void {
    this.rules = [];
  }

  /** The sheet's protection: the existing one when the sheet is already protected. */
  protect(): unknown {
    if (!this.sheetProtection) this.sheetProtection = new FakeProtection(this, 'SHEET', null);
    return this.spreadsheet._expose(this.sheetProtection, 'Protection');
  }

  getProtections(type: string): unknown[] {
    const kind = String(type);
    if (kind === 'SHEET') {
      return this.sheetProtection ? [this.spreadsheet._expose(this.sheetProtection, 'Protection')] : [];
    }
    if (kind === 'RANGE') return this.rangeProtections.map((p) => this.spreadsheet._expose(p, 'Protection'));
    throw signatureError('SpreadsheetApp.Sheet.getProtections', [type]);
  }

  /** Clears contents and formats of every cell; notes and data validation stay, as with Range.clear(). */
  clear(options?: ClearOptions): this {
    new FakeRange(this, 1, 1, Math.max(1, this.grid.length), Math.max(1, this.maxColumns), null).clear(
      options,
    );
    return this;
  }

  clearContents(): this {
    new FakeRange(
      this,
      1,
      1,
      Math.max(1, this.grid.length),
      Math.max(1, this.maxColumns),
      null,
    ).clearContent();
    return this;
  }

  clearFormats(): this {
    new FakeRange(
      this,
      1,
      1,
      Math.max(1, this.grid.length),
      Math.max(1, this.maxColumns),
      null,
    ).clearFormat();
    return this;
  }

  hideSheet(): this {
    this.hidden = true;
    return this;
  }

  showSheet(): this {
    this.hidden = false;
    return this;
  }

  isSheetHidden(): boolean {
    return this.hidden;
  }

  activate(): this {
    this.spreadsheet.activeSheet = this;
    return this;
  }
}

export interface ClearOptions {
  contentsOnly?: boolean;
  formatOnly?: boolean;
  validationsOnly?: boolean;
  commentsOnly?: boolean;
  skipFilteredRows?: boolean;
}

// ---------------------------------------------------------------------------------------------------------------

type Grid<T> = T[][];

export class FakeRange {
  constructor(
    readonly sheet: FakeSheet,
    readonly row: number,
    readonly column: number,
    readonly numRows: number,
    readonly numColumns: number,
    /** "A:C" and "2:5" keep their shape in getA1Notation. */
    private readonly shape: 'columns' | 'rows' | null,
  ) {
    // A range past the grid does not exist in Sheets: scripts must insertRowsAfter / appendRow first.
    if (row + numRows - 1 > sheet.maxRows || column + numColumns - 1 > sheet.maxColumns) {
      throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
    }
  }

  _proxy(): unknown {
    return this.sheet.spreadsheet._expose(this, 'Range');
  }

  private map<T>(fn: (row: number, column: number) => T): Grid<T> {
    const out: Grid<T> = [];
    for (let i = 0; i < this.numRows; i++) {
      const line: T[] = [];
      for (let j = 0; j < this.numColumns; j++) line.push(fn(this.row + i, this.column + j));
      out.push(line);
    }
    return out;
  }

  private each(fn: (row: number, column: number) => void): void {
    for (let i = 0; i < this.numRows; i++) {
      for (let j = 0; j < this.numColumns; j++) fn(this.row + i, this.column + j);
    }
  }

  /** Checks a 2-D array against the range with Apps Script's messages. */
  private checkGrid(method: string, data: unknown): unknown[][] {
    if (!Array.isArray(data) || !data.every((line) => Array.isArray(line))) {
      throw signatureError(`SpreadsheetApp.Range.${method}`, [data]);
    }
    const grid = data as unknown[][];
    if (grid.length !== this.numRows) {
      throw new Error(
        `The number of rows in the data does not match the number of rows in the range. The data has ${grid.length} but the range has ${this.numRows}.`,
      );
    }
    for (const line of grid) {
      if (line.length !== this.numColumns) {
        throw new Error(
          `The number of columns in the data does not match the number of columns in the range. The data has ${line.length} but the range has ${this.numColumns}.`,
        );
      }
    }
    return grid;
  }

  private setEach(method: string, data: unknown, apply: (cell: StoredCell, value: unknown) => void): this {
    const grid = this.checkGrid(method, data);
    grid.forEach((line, i) =>
      line.forEach((v, j) => apply(this.sheet._mutable(this.row + i, this.column + j), v)),
    );
    return this;
  }

  private setAll(apply: (cell: StoredCell) => void): this {
    this.each((r, c) => apply(this.sheet._mutable(r, c)));
    return this;
  }

  private top(): StoredCell {
    return this.sheet._cell(this.row, this.column);
  }

  // ---- Values

  getValue(): CellValue {
    return this.sheet._read(this.row, this.column);
  }

  getValues(): Grid<CellValue> {
    return this.map((r, c) => this.sheet._read(r, c));
  }

  setValue(value: unknown): this {
    if (Array.isArray(value)) throw signatureError('SpreadsheetApp.Range.setValue', [value]);
    this.each((r, c) => this.sheet._write(r, c, value));
    return this;
  }

  setValues(values: unknown[][]): this {
    const grid = this.checkGrid('setValues', values);
    grid.forEach((line, i) => line.forEach((v, j) => this.sheet._write(this.row + i, this.column + j, v)));
    return this;
  }

  getDisplayValue(): string {
    return this.sheet._display(this.row, this.column);
  }

  getDisplayValues(): Grid<string> {
    return this.map((r, c) => this.sheet._display(r, c));
  }

  getFormula(): string {
    return this.top().formula;
  }

  getFormulas(): Grid<string> {
    return this.map((r, c) => this.sheet._cell(r, c).formula);
  }

  setFormula(formula: string): this {
    if (typeof formula !== 'string') throw signatureError('SpreadsheetApp.Range.setFormula', [formula]);
    return this.setValue(formula);
  }

  setFormulas(formulas: string[][]): this {
    return this.setValues(formulas);
  }

  isBlank(): boolean {
    let blank = true;
    this.each((r, c) => {
      if (this.sheet._cell(r, c).hasContent()) blank = false;
    });
    return blank;
  }

  // ---- Formats

  getNumberFormat(): string {
    return this.top().numberFormat;
  }

  getNumberFormats(): Grid<string> {
    return this.map((r, c) => this.sheet._cell(r, c).numberFormat);
  }

  setNumberFormat(format: string): this {
    return this.setAll((cell) => (cell.numberFormat = String(format)));
  }

  setNumberFormats(formats: string[][]): this {
    return this.setEach('setNumberFormats', formats, (cell, v) => (cell.numberFormat = String(v)));
  }

  getBackground(): string {
    return this.top().background;
  }

  getBackgrounds(): Grid<string> {
    return this.map((r, c) => this.sheet._cell(r, c).background);
  }

  setBackground(colour: string | null): this {
    return this.setAll((cell) => (cell.background = colour === null ? '#ffffff' : normaliseColour(colour)));
  }

  setBackgrounds(colours: (string | null)[][]): this {
    return this.setEach('setBackgrounds', colours, (cell, v) => {
      cell.background = v === null || v === undefined ? '#ffffff' : normaliseColour(String(v));
    });
  }

  getFontColor(): string {
    return this.top().fontColor;
  }

  getFontColors(): Grid<string> {
    return this.map((r, c) => this.sheet._cell(r, c).fontColor);
  }

  setFontColor(colour: string | null): this {
    return this.setAll((cell) => (cell.fontColor = colour === null ? '#000000' : normaliseColour(colour)));
  }

  setFontColors(colours: (string | null)[][]): this {
    return this.setEach('setFontColors', colours, (cell, v) => {
      cell.fontColor = v === null || v === undefined ? '#000000' : normaliseColour(String(v));
    });
  }

  getFontWeight(): string {
    return this.top().fontWeight;
  }

  getFontWeights(): Grid<string> {
    return this.map((r, c) => this.sheet._cell(r, c).fontWeight);
  }

  setFontWeight(weight: 'normal' | 'bold' | null): this {
    return this.setAll((cell) => (cell.fontWeight = weight === 'bold' ? 'bold' : 'normal'));
  }

  setFontWeights(weights: ('normal' | 'bold' | null)[][]): this {
    return this.setEach(
      'setFontWeights',
      weights,
      (cell, v) => (cell.fontWeight = v === 'bold' ? 'bold' : 'normal'),
    );
  }

  getFontStyle(): string {
    return this.top().fontStyle;
  }

  setFontStyle(style: 'normal' | 'italic' | null): this {
    return this.setAll((cell) => (cell.fontStyle = style === 'italic' ? 'italic' : 'normal'));
  }

  getFontSize(): number {
    return this.top().fontSize;
  }

  setFontSize(size: number): this {
    if (!isInteger(size)) throw signatureError('SpreadsheetApp.Range.setFontSize', [size]);
    return this.setAll((cell) => (cell.fontSize = size));
  }

  /**
   * True unless the cell clips: an untouched cell overflows, and Apps Script reports that as wrapping
   * (https://developers.google.com/apps-script/reference/spreadsheet/range#setwrapiswrapenabled: "Cells with
   * wrap enabled (the default) resize to display their full content").
   */
  getWrap(): boolean {
    return this.top().wrapStrategy !== 'CLIP';
  }

  getWraps(): Grid<boolean> {
    return this.map((r, c) => this.sheet._cell(r, c).wrapStrategy !== 'CLIP');
  }

  setWrap(wrap: boolean): this {
    return this.setAll((cell) => (cell.wrapStrategy = wrap ? 'WRAP' : 'CLIP'));
  }

  setWraps(wraps: boolean[][]): this {
    return this.setEach('setWraps', wraps, (cell, v) => (cell.wrapStrategy = v ? 'WRAP' : 'CLIP'));
  }

  getWrapStrategy(): WrapStrategy {
    return this.top().wrapStrategy;
  }

  setWrapStrategy(strategy: WrapStrategy): this {
    const s = String(strategy);
    if (s !== 'WRAP' && s !== 'OVERFLOW' && s !== 'CLIP') {
      throw signatureError('SpreadsheetApp.Range.setWrapStrategy', [strategy]);
    }
    return this.setAll((cell) => (cell.wrapStrategy = s));
  }

  setHorizontalAlignment(alignment: string | null): this {
    return this.setAll((cell) => (cell.horizontalAlignment = alignment));
  }

  getHorizontalAlignment(): string {
    return this.top().horizontalAlignment ?? 'general';
  }

  setVerticalAlignment(alignment: string | null): this {
    return this.setAll((cell) => (cell.verticalAlignment = alignment));
  }

  getVerticalAlignment(): string {
    return this.top().verticalAlignment ?? 'bottom';
  }

  /** Borders are recorded, not drawn. */
  setBorder(...args: unknown[]): this {
    this.sheet.borders.push({ a1: this.getA1Notation(), args });
    return this;
  }

  // ---- Notes

  getNote(): string {
    return this.top().note;
  }

  getNotes(): Grid<string> {
    return this.map((r, c) => this.sheet._cell(r, c).note);
  }

  setNote(note: string | null): this {
    return this.setAll((cell) => (cell.note = note === null || note === undefined ? '' : String(note)));
  }

  setNotes(notes: (string | null)[][]): this {
    return this.setEach(
      'setNotes',
      notes,
      (cell, v) => (cell.note = v === null || v === undefined ? '' : String(v)),
    );
  }

  clearNote(): this {
    return this.setAll((cell) => (cell.note = ''));
  }

  // ---- Data validation

  setDataValidation(rule: FakeDataValidation | null): this {
    const raw = unwrap(rule);
    if (raw !== null && !(raw instanceof FakeDataValidation)) {
      throw signatureError('SpreadsheetApp.Range.setDataValidation', [rule]);
    }
    return this.setAll((cell) => (cell.validation = raw));
  }

  setDataValidations(rules: (FakeDataValidation | null)[][]): this {
    return this.setEach('setDataValidations', unwrap(rules), (cell, v) => {
      if (v !== null && !(v instanceof FakeDataValidation)) {
        throw signatureError('SpreadsheetApp.Range.setDataValidations', [rules]);
      }
      cell.validation = v;
    });
  }

  getDataValidation(): unknown {
    const rule = this.top().validation;
    return rule ? this.sheet.spreadsheet._expose(rule, 'DataValidation') : null;
  }

  getDataValidations(): Grid<unknown> {
    return this.map((r, c) => {
      const rule = this.sheet._cell(r, c).validation;
      return rule ? this.sheet.spreadsheet._expose(rule, 'DataValidation') : null;
    });
  }

  clearDataValidations(): this {
    return this.setAll((cell) => (cell.validation = null));
  }

  // ---- Clearing

  /**
   * Clears contents and formats; with options, only what they name. Notes go with commentsOnly, validation with
   * validationsOnly (https://developers.google.com/apps-script/reference/spreadsheet/range#clearoptions).
   */
  clear(options?: ClearOptions): this {
    const o = options ?? {};
    const some = Boolean(o.contentsOnly || o.formatOnly || o.validationsOnly || o.commentsOnly);
    this.each((r, c) => {
      if (this.sheet._cell(r, c) === BLANK) return;
      const cell = this.sheet._mutable(r, c);
      if (!some || o.contentsOnly) {
        cell.value = '';
        cell.formula = '';
        cell.computed = undefined;
      }
      if (!some || o.formatOnly) cell.clearFormat();
      if (o.validationsOnly) cell.validation = null;
      if (o.commentsOnly) cell.note = '';
    });
    return this;
  }

  clearContent(): this {
    return this.clear({ contentsOnly: true });
  }

  clearFormat(): this {
    return this.clear({ formatOnly: true });
  }

  // ---- Geometry

  getRow(): number {
    return this.row;
  }

  getColumn(): number {
    return this.column;
  }

  getLastRow(): number {
    return this.row + this.numRows - 1;
  }

  getLastColumn(): number {
    return this.column + this.numColumns - 1;
  }

  getNumRows(): number {
    return this.numRows;
  }

  getNumColumns(): number {
    return this.numColumns;
  }

  getHeight(): number {
    return this.numRows;
  }

  getWidth(): number {
    return this.numColumns;
  }

  getA1Notation(): string {
    const last = [this.getLastRow(), this.getLastColumn()] as const;
    if (this.shape === 'columns') return `${columnLetters(this.column)}:${columnLetters(last[1])}`;
    if (this.shape === 'rows') return `${this.row}:${last[0]}`;
    const start = cellA1(this.row, this.column);
    return this.numRows === 1 && this.numColumns === 1 ? start : `${start}:${cellA1(last[0], last[1])}`;
  }

  /** The reference with its sheet name, as a formula would write it. */
  a1WithSheet(): string {
    return `${quoteSheetName(this.sheet.name)}!${this.getA1Notation()}`;
  }

  getSheet(): unknown {
    return this.sheet._proxy();
  }

  getCell(row: number, column: number): unknown {
    if (!isInteger(row) || !isInteger(column))
      throw signatureError('SpreadsheetApp.Range.getCell', [row, column]);
    if (row < 1 || column < 1 || row > this.numRows || column > this.numColumns) {
      throw new Error('Cell reference out of range');
    }
    return new FakeRange(this.sheet, this.row + row - 1, this.column + column - 1, 1, 1, null)._proxy();
  }

  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): unknown {
    const args = [rowOffset, columnOffset, numRows, numColumns].filter((a) => a !== undefined);
    if (!args.every(isInteger)) throw signatureError('SpreadsheetApp.Range.offset', args);
    return this.sheet
      ._range(
        this.row + rowOffset,
        this.column + columnOffset,
        numRows ?? this.numRows,
        numColumns ?? this.numColumns,
      )
      ._proxy();
  }

  protect(): unknown {
    const protection = new FakeProtection(this.sheet, 'RANGE', refOf(this));
    this.sheet.rangeProtections.push(protection);
    return this.sheet.spreadsheet._expose(protection, 'Protection');
  }

  activate(): this {
    this.sheet.spreadsheet.activeSheet = this.sheet;
    return this;
  }
}
