/** A rectangle of cells of one sheet, through which the script reads and writes values and formats. */
import { unwrap } from '../runtime';
import { cellA1, columnLetters, quoteSheetName } from './a1';
import { BLANK, StoredCell, WrapStrategy } from './cell';
import { normaliseColour } from './colour';
import { FakeDataValidation } from './data-validation';
import { refOf } from './grid-ref';
import { isInteger, signatureError } from './helpers';
import type { CellValue } from './number-format';
import { FakeProtection } from './protection';
import type { FakeSheet } from './sheet';

export interface ClearOptions {
  contentsOnly?: boolean;
  formatOnly?: boolean;
  validationsOnly?: boolean;
  commentsOnly?: boolean;
  skipFilteredRows?: boolean;
}

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
    return this.writeAll(this.map(() => value));
  }

  setValues(values: unknown[][]): this {
    return this.writeAll(this.checkGrid('setValues', values));
  }

  /**
   * All or nothing: every cell is checked (length, validation) before any is written, so a refused cell leaves
   * the whole range as it was. Google applies a setValues as one request that fails whole.
   */
  private writeAll(grid: unknown[][]): this {
    const writes = this.sheet._batch(() =>
      grid.map((line, i) => line.map((v, j) => this.sheet._prepare(this.row + i, this.column + j, v))),
    );
    writes.forEach((line, i) => line.forEach((w, j) => this.sheet._commit(this.row + i, this.column + j, w)));
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
