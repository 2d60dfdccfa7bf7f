/**
 * What a user does in the Sheets UI, and what each action stores and which event Google sends for it
 * (https://developers.google.com/apps-script/guides/triggers/events#google_sheets_events):
 * - typing into one cell: the text is parsed as typed; a rejecting validation refuses it (nothing written,
 *   nothing fired, as the UI shows its "Invalid" message); onEdit gets `value` and `oldValue`.
 * - pasting, filling down or dragging: values land as typed (plain-text cells keep text); onEdit gets the range
 *   only: "oldValue ... Only available if the edited range is a single cell", and a single pasted, filled or
 *   dragged cell gets neither (observed by users, e.g. https://gist.github.com/tanaikech/73edaed1268a6d07118aed538aa5608d).
 * - clearing: one cell gets `oldValue` and no `value`; a block gets the range only.
 * - inserting and deleting rows: no onEdit; installable change triggers get changeType INSERT_ROW / REMOVE_ROW.
 * - sorting a range: the rows move; onEdit gets the range only (Google does not document sorts; modelled as
 *   an edit of the whole range, the stricter reading for a trigger that keys History by row).
 * Every edit also reaches installable change triggers with changeType EDIT.
 */
import { isDate } from '../workspace/runtime';
import { type CellValue, type FakeSheet, toSerial } from '../workspace/SpreadsheetApp';

/** Fields of an edit event besides authMode, source, user and triggerUid. */
export interface EditFields {
  readonly range: GoogleAppsScript.Spreadsheet.Range;
  readonly value?: string;
  readonly oldValue?: string;
}

export type ChangeType = 'EDIT' | 'INSERT_ROW' | 'REMOVE_ROW' | 'OTHER';

/**
 * A cell value as an edit event carries it: a string; a date as its serial number ("40451" for 30 Sep 2010, not
 * a JavaScript date string), as Sheets sends it; a boolean as TRUE/FALSE; undefined for an empty cell.
 */
export function eventText(value: CellValue, timeZone: string): string | undefined {
  if (value === '') return undefined;
  if (isDate(value)) return String(toSerial(value.getTime(), timeZone));
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}

/** Where an action happens: the raw sheet and the block, from an A1 reference on that sheet. */
export interface Target {
  readonly sheet: FakeSheet;
  readonly row: number;
  readonly column: number;
  readonly numRows: number;
  readonly numColumns: number;
}

/** The raw stored value of a cell (a formula's cell gives its formula text). */
export function storedValue(sheet: FakeSheet, row: number, column: number): CellValue {
  const cell = sheet.cell(row, column);
  return cell.formula || cell.value;
}

/** Typing into one cell: false when a rejecting validation refuses it (then nothing is written). */
export function typeInto(target: Target, input: unknown): { typed: boolean; old: CellValue; now: CellValue } {
  const { sheet, row, column } = target;
  const old = storedValue(sheet, row, column);
  const write = sheet._interpret(row, column, input);
  if (sheet._refuses(row, column, write)) return { typed: false, old, now: old };
  sheet._commit(row, column, write);
  return { typed: true, old, now: storedValue(sheet, row, column) };
}

/** A paste: every cell parsed as typed; validation marks what it breaks but refuses nothing. */
export function pasteInto(target: Target, values: readonly (readonly unknown[])[]): void {
  target.sheet.seed(target.row, target.column, values);
}

/** Ctrl+D / dragging the fill handle: the first row's values and formats go to every row below it. */
export function fillDown(target: Target): void {
  const { sheet, row, column, numRows, numColumns } = target;
  for (let j = 0; j < numColumns; j++) {
    const source = sheet.cell(row, column + j);
    for (let i = 1; i < numRows; i++) {
      sheet._commit(row + i, column + j, {
        value: source.value,
        formula: source.formula,
        computed: undefined,
        numberFormat: source.numberFormat,
      });
    }
  }
}

/** Delete key on a block: contents go, formats, notes and validation stay. */
export function clearContents(target: Target): void {
  const { sheet, row, column, numRows, numColumns } = target;
  for (let i = 0; i < numRows; i++) {
    for (let j = 0; j < numColumns; j++) {
      const cell = sheet.cell(row + i, column + j);
      sheet._commit(row + i, column + j, {
        value: '',
        formula: '',
        computed: undefined,
        numberFormat: cell.numberFormat,
      });
    }
  }
}
