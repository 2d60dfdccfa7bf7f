/** One sheet of the spreadsheet: its grid of cells, its dimensions, and what moves when rows or columns do. */
import { isDate, NotImplementedError, unwrap } from '../runtime';
import { zonedParts } from '../zone';
import { cellA1 } from './a1';
import { BLANK, BorderRecord, CellSnapshot, CellWrite, MAX_CELL_CHARACTERS, StoredCell } from './cell';
import { openChartBuilder } from './chart-builders';
import { type ChartSpec, copySpec, newChartId, newSpec, shiftCharts } from './chart-spec';
import { normaliseColour } from './colour';
import { FakeConditionalFormatRule, ruleMatches } from './conditional-format-rule';
import { breaksValidation, FakeDataValidation } from './data-validation';
import { FakeEmbeddedChart } from './embedded-chart';
import { formulaParses, PARSE_ERROR } from './formula';
import { GridRef, refContains, shiftRef } from './grid-ref';
import { isInteger, signatureError } from './helpers';
import {
  AUTO_DATE_TIME_FORMAT,
  CellValue,
  DEFAULT_NUMBER_FORMAT,
  displayText,
  formatKind,
  fromSerial,
} from './number-format';
import { FakeProtection } from './protection';
import { ClearOptions, FakeRange } from './range';
import { parseTypedText } from './typed-input';
import type { FakeSpreadsheet } from './spreadsheet';

/** A new sheet is 1000 rows by 26 columns. */
export const NEW_SHEET_ROWS = 1000;
export const NEW_SHEET_COLUMNS = 26;

export class FakeSheet {
  maxRows = NEW_SHEET_ROWS;
  maxColumns = NEW_SHEET_COLUMNS;
  /** Cells by [row - 1][column - 1]; holes are blank cells. */
  private grid: (StoredCell | undefined)[][] = [];
  frozenRows = 0;
  frozenColumns = 0;
  readonly columnWidths = new Map<number, number>();
  /** Columns hidden by the user or a script (1-based); they move with inserted and deleted columns. */
  readonly hiddenColumns = new Set<number>();
  tabColor: string | null = null;
  hidden = false;
  rules: FakeConditionalFormatRule[] = [];
  sheetProtection: FakeProtection | null = null;
  readonly rangeProtections: FakeProtection[] = [];
  readonly borders: BorderRecord[] = [];
  /** Embedded charts in insertion order, as Sheets stores them (exporters draw them with chartPng). */
  readonly charts: ChartSpec[] = [];

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

  /** Bumped by every change to the grid, so the last row and column are worked out once per change. */
  private version = 0;
  private lastCache: { version: number; row: number; column: number } | null = null;

  /** The stored cell, created when blank; appendRow may write past the grid and grows it. */
  _mutable(row: number, column: number): StoredCell {
    this.version++;
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

  /**
   * Lays out a starting state for a test: values stored as if typed (parsed, formats given), with no validation
   * check and no event. Not a user action: the harness's user actions are in local/runner/bundle.ts.
   */
  seed(row: number, column: number, values: readonly (readonly unknown[])[]): void {
    values.forEach((line, i) =>
      line.forEach((v, j) => this._commit(row + i, column + j, this._interpret(row + i, column + j, v))),
    );
  }

  /**
   * Sorts the rows of a block by one column, moving whole cells (values, formats, notes, validation), as a
   * user's Data > Sort range does. Blanks go last; numbers and dates come before text; text ignores case.
   */
  sortRows(
    row: number,
    column: number,
    numRows: number,
    numColumns: number,
    by: number,
    ascending = true,
  ): void {
    const lines = Array.from({ length: numRows }, (_, i) =>
      Array.from({ length: numColumns }, (_, j) => this.grid[row + i - 1]?.[column + j - 1]),
    );
    const key = (line: (StoredCell | undefined)[]): CellValue => line[by - column]?.value ?? '';
    const rank = (v: CellValue): number => (v === '' ? 2 : typeof v === 'string' ? 1 : 0);
    const order = (a: CellValue, b: CellValue): number => {
      if (rank(a) !== rank(b)) return rank(a) - rank(b);
      if (typeof a === 'string' && typeof b === 'string')
        return a.localeCompare(b, 'en-GB', { sensitivity: 'base' });
      return Number(a) - Number(b);
    };
    const sorted = [...lines].sort((a, b) => {
      const [x, y] = [key(a), key(b)];
      if (x === '' || y === '') return order(x, y);
      return ascending ? order(x, y) : order(y, x);
    });
    this.version++;
    sorted.forEach((line, i) =>
      line.forEach((cell, j) => {
        const target = (this.grid[row + i - 1] ??= []);
        target[column + j - 1] = cell;
      }),
    );
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
    return this._breaks(rule, this._read(row, column), this._display(row, column));
  }

  private _breaks(rule: FakeDataValidation, value: CellValue, text: string): boolean {
    return breaksValidation(
      rule,
      value,
      text,
      (d) => this.spreadsheet._dayOf(d),
      (ref) => {
        const cached = this._listCache?.get(ref);
        if (cached) return cached;
        const texts: string[] = [];
        for (let r = ref.row; r < ref.row + ref.numRows; r++) {
          for (let c = ref.column; c < ref.column + ref.numColumns; c++) {
            const t = ref.sheet._display(r, c);
            if (t !== '') texts.push(t);
          }
        }
        this._listCache?.set(ref, texts);
        return texts;
      },
    );
  }

  /** A dropdown's list read once per batch rather than once per cell (a batch writes no list it reads). */
  private _listCache: Map<GridRef, string[]> | null = null;

  /** Runs one batch of writes with the lists of range rules read once. */
  _batch<T>(fn: () => T): T {
    this._listCache = new Map();
    try {
      return fn();
    } finally {
      this._listCache = null;
    }
  }

  // ---- Cell values

  /**
   * The value Apps Script hands out. A formula gives the value a test set (setComputed) or "#ERROR!" when it
   * does not parse; any other formula throws, since the local Workspace evaluates none (formula.ts).
   */
  _read(row: number, column: number): CellValue {
    return this._readable(this._cell(row, column), this._stored(row, column));
  }

  /** What a cell holds: its value, or its formula's result. */
  private _stored(row: number, column: number): CellValue {
    const c = this._cell(row, column);
    if (!c.formula) return c.value;
    if (c.computed === undefined) {
      throw new NotImplementedError(`formula ${c.formula} (in ${this.name}!${cellA1(row, column)})`);
    }
    return c.computed;
  }

  /** A stored value as getValue hands it out: Dates of the script's realm, and numbers in date formats as Dates. */
  private _readable(c: Pick<StoredCell, 'numberFormat'>, v: CellValue): CellValue {
    if (isDate(v)) return this.spreadsheet.newDate(v.getTime());
    // A number in a date-formatted cell is a date to Sheets.
    if (typeof v === 'number' && formatKind(c.numberFormat) === 'date') {
      return this.spreadsheet.newDate(fromSerial(v, this.spreadsheet.timeZone));
    }
    return v;
  }

  _display(row: number, column: number): string {
    const c = this._cell(row, column);
    return displayText(this._stored(row, column), c.numberFormat, this.spreadsheet.timeZone);
  }

  /** Stores a value as Sheets does when a script writes it (setValue, setValues, appendRow). */
  _write(row: number, column: number, input: unknown): void {
    this._commit(row, column, this._prepare(row, column, input));
  }

  /**
   * What writing `input` would store in the cell, decided before anything is written so that a batch is all or
   * nothing. Throws Google's message for text over 50,000 characters and for a value a rejecting validation
   * refuses (both seen from scripts: "Your input contains more than the maximum of 50000 characters in a single
   * cell." and "The data you entered in cell B2 violates the data validation rules set on this cell.";
   * https://support.google.com/drive/answer/37603 gives the 50,000 limit).
   */
  _prepare(row: number, column: number, input: unknown): CellWrite {
    const write = this._interpret(row, column, input);
    if (this._refuses(row, column, write)) {
      throw new Error(
        `The data you entered in cell ${cellA1(row, column)} violates the data validation rules set on this cell.`,
      );
    }
    return write;
  }

  /** The stored form of `input` in this cell, with no validation check (a user's typing is checked apart). */
  _interpret(row: number, column: number, input: unknown): CellWrite {
    const format = this._cell(row, column).numberFormat;
    const plain = (value: CellValue, autoFormat?: string): CellWrite => ({
      value,
      formula: '',
      computed: undefined,
      numberFormat: autoFormat && format === DEFAULT_NUMBER_FORMAT ? autoFormat : format,
    });
    if (input === null || input === undefined || input === '') return plain('');
    if (isDate(input)) return plain(new Date(input.getTime()), AUTO_DATE_TIME_FORMAT);
    if (typeof input === 'number' || typeof input === 'boolean') return plain(input);
    const text = typeof input === 'string' ? input : String(input);
    if (text.length > MAX_CELL_CHARACTERS) {
      throw new Error(
        `Your input contains more than the maximum of ${MAX_CELL_CHARACTERS} characters in a single cell.`,
      );
    }
    // A plain-text ('@') cell keeps what it is given: "=", a leading apostrophe and all. Whether Sheets drops
    // the apostrophe there is not documented; keeping it is the stricter reading (a script must not add one).
    if (format === '@') return plain(text);
    if (text.startsWith("'")) return plain(text.slice(1));
    if (text.startsWith('=') && text.length > 1) {
      return {
        value: '',
        formula: text,
        computed: formulaParses(text) ? undefined : PARSE_ERROR,
        numberFormat: format,
      };
    }
    const year = (): number =>
      zonedParts(this.spreadsheet.runtime.now().getTime(), this.spreadsheet.timeZone).year;
    const parsed = parseTypedText(text, this.spreadsheet.timeZone, year);
    return plain(parsed.value, parsed.autoFormat);
  }

  /** True when a rejecting validation rule (allowInvalid false) refuses what the write would store. */
  _refuses(row: number, column: number, write: CellWrite): boolean {
    const rule = this._cell(row, column).validation;
    if (!rule || rule.getAllowInvalid() || write.formula) return false;
    const value = this._readable(write, write.value);
    const text = displayText(write.value, write.numberFormat, this.spreadsheet.timeZone);
    return this._breaks(rule, value, text);
  }

  _commit(row: number, column: number, write: CellWrite): void {
    const c = this._mutable(row, column);
    c.value = write.value;
    c.formula = write.formula;
    c.computed = write.computed;
    c.numberFormat = write.numberFormat;
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
    return this.lastCell().row;
  }

  getLastColumn(): number {
    return this.lastCell().column;
  }

  private lastCell(): { row: number; column: number } {
    if (this.lastCache?.version !== this.version) {
      this.lastCache = { version: this.version, row: this.scanLastRow(), column: this.scanLastColumn() };
    }
    return this.lastCache;
  }

  private scanLastRow(): number {
    for (let r = this.grid.length; r >= 1; r--) {
      if (this.grid[r - 1]?.some((c) => c?.hasContent())) return r;
    }
    return 0;
  }

  private scanLastColumn(): number {
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
    this.spreadsheet._checkCellLimit(howMany * this.maxColumns);
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
    // A spread of hundreds of thousands of rows overflows the stack: those go in by concat.
    if (fresh.length < 10_000) this.grid.splice(after, 0, ...fresh);
    else this.grid = this.grid.slice(0, after).concat(fresh, this.grid.slice(after));
    this.version++;
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
    this.spreadsheet._checkCellLimit(howMany * this.maxRows);
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
    this.version++;
    const widths = [...this.columnWidths.entries()];
    this.columnWidths.clear();
    for (const [c, w] of widths) this.columnWidths.set(c > afterPosition ? c + howMany : c, w);
    const hidden = [...this.hiddenColumns];
    this.hiddenColumns.clear();
    for (const c of hidden) this.hiddenColumns.add(c > afterPosition ? c + howMany : c);
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
    this.version++;
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
    const last = columnPosition + howMany - 1;
    const shift = (c: number): number | null => (c < columnPosition ? c : c > last ? c - howMany : null);
    const widths = [...this.columnWidths.entries()];
    this.columnWidths.clear();
    for (const [c, w] of widths) {
      const moved = shift(c);
      if (moved !== null) this.columnWidths.set(moved, w);
    }
    const hidden = [...this.hiddenColumns];
    this.hiddenColumns.clear();
    for (const c of hidden) {
      const moved = shift(c);
      if (moved !== null) this.hiddenColumns.add(moved);
    }
    this.version++;
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
    shiftCharts(this.spreadsheet.sheets, this, axis, after, count);
  }

  appendRow(rowContents: unknown[]): this {
    if (!Array.isArray(rowContents)) throw signatureError('SpreadsheetApp.Sheet.appendRow', [rowContents]);
    const row = this.getLastRow() + 1;
    if (row > this.maxRows) this.spreadsheet._checkCellLimit(this.maxColumns);
    const columns = Math.max(rowContents.length - this.maxColumns, 0);
    if (columns > 0) this.spreadsheet._checkCellLimit(columns * Math.max(row, this.maxRows));
    const writes = rowContents.map((v, i) => this._prepare(row, i + 1, v));
    writes.forEach((w, i) => this._commit(row, i + 1, w));
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

  /** Sheet.hideColumns(columnIndex[, numColumns]): https://developers.google.com/apps-script/reference/spreadsheet/sheet#hideColumns(Integer,Integer) */
  hideColumns(columnIndex: number, numColumns = 1): void {
    this._checkColumns('hideColumns', columnIndex, numColumns);
    for (let c = columnIndex; c < columnIndex + numColumns; c++) this.hiddenColumns.add(c);
  }

  showColumns(columnIndex: number, numColumns = 1): void {
    this._checkColumns('showColumns', columnIndex, numColumns);
    for (let c = columnIndex; c < columnIndex + numColumns; c++) this.hiddenColumns.delete(c);
  }

  isColumnHiddenByUser(columnPosition: number): boolean {
    this._checkColumns('isColumnHiddenByUser', columnPosition, 1);
    return this.hiddenColumns.has(columnPosition);
  }

  _checkColumns(method: string, column: number, count: number): void {
    if (!isInteger(column) || !isInteger(count)) {
      throw signatureError(`SpreadsheetApp.Sheet.${method}`, [column, count]);
    }
    if (column < 1 || count < 1 || column + count - 1 > this.maxColumns) {
      throw new Error('Those columns are out of bounds.');
    }
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

  // ---- Apps Script: embedded charts (https://developers.google.com/apps-script/reference/spreadsheet/sheet)

  /** A builder for a new chart on this sheet; nothing is on the sheet until insertChart. */
  newChart(): unknown {
    return openChartBuilder(this._wrap, newSpec(), null);
  }

  /**
   * Puts a built chart on the sheet, where it takes an id unique in the spreadsheet. A chart already on a sheet
   * is refused, so a refresh that rebuilds its charts must remove or update the old ones: the Sheets API calls
   * it "an error to specify the ID of an embedded object that already exists" (AddChartRequest); Apps Script's
   * wording is not documented, and re-inserting the same object may add a second chart there. Modelled stricter.
   */
  insertChart(chart: unknown): void {
    const raw = this._chart(chart, 'insertChart');
    const id = raw.spec.id;
    if (id !== null && this.spreadsheet.sheets.some((s) => s.charts.some((c) => c.id === id))) {
      throw new Error(
        `The chart ${id} is already on a sheet: update it with updateChart or remove it first.`,
      );
    }
    raw.spec.id = id ?? newChartId(this.spreadsheet);
    this.charts.push(copySpec(raw.spec));
  }

  /** The charts on this sheet, as new EmbeddedChart objects each call. */
  getCharts(): unknown[] {
    return this.charts.map((spec) => this._wrap(this._embeddedChart(copySpec(spec)), 'EmbeddedChart'));
  }

  removeChart(chart: unknown): void {
    this.charts.splice(this._chartIndex(chart, 'removeChart'), 1);
  }

  /** Saves a chart rebuilt with modify(): the chart with the same id on this sheet is replaced. */
  updateChart(chart: unknown): void {
    const index = this._chartIndex(chart, 'updateChart');
    this.charts[index] = copySpec(this._chart(chart, 'updateChart').spec);
  }

  _embeddedChart(spec: ChartSpec): FakeEmbeddedChart {
    return new FakeEmbeddedChart(spec, this._wrap, (copy) => openChartBuilder(this._wrap, copy, null));
  }

  private readonly _wrap = (target: object, service: string): unknown =>
    this.spreadsheet._expose(target, service);

  private _chart(chart: unknown, method: string): FakeEmbeddedChart {
    const raw = unwrap(chart);
    if (!(raw instanceof FakeEmbeddedChart)) throw signatureError(`SpreadsheetApp.Sheet.${method}`, [chart]);
    return raw;
  }

  /** Removing or updating a chart that is not on this sheet is refused (not documented; modelled stricter). */
  private _chartIndex(chart: unknown, method: string): number {
    const id = this._chart(chart, method).spec.id;
    const index = id === null ? -1 : this.charts.findIndex((c) => c.id === id);
    if (index < 0) throw new Error('The chart is not on this sheet.');
    return index;
  }
}
