/**
 * The History sheet: every change to an action, when, who, ref, field, true old value and new value. Rows are
 * only ever appended, one setValues per execution, and every value is stored as text exactly as it was.
 */
import { formatShortUk, isIsoDate } from '../core/dates';
import { REGISTER_COLUMNS } from '../core/headers';
import type { FieldChange, RecordEntry, RecordedField, RowCells } from '../core/record';
import { DATE_FIELDS, RECORDED_FIELDS } from '../core/record';
import { SHEET, appendRows, ensureSheet } from './sheets';

export const HISTORY_HEADERS = [
  'When',
  'Who',
  'Ref',
  'Field',
  'Old value',
  'New value',
  'Action ID',
] as const;
const HISTORY_FORMATS = ['dd mmm yyyy hh:mm', '@', '@', '@', '@', '@', '@'];

/** Who, when Google does not name the editor (an account outside the owner's domain, or a consumer account). */
export const UNNAMED_EDITOR = 'An editor Google did not name (outside the owner’s domain)';
/** Who, for a change Refresh found that no trigger saw being made. */
export const FOUND_LATER = 'Found by Refresh (made while nothing was recording)';

/** One line of History. */
export interface HistoryLine {
  readonly ref: string;
  /** The register's header for the field, or what happened ("Action deleted"). */
  readonly field: string;
  readonly old: string;
  readonly new: string;
  readonly id: string;
}

const headerOf = (field: RecordedField): string =>
  REGISTER_COLUMNS.find((c) => c.key === field)?.header ?? field;

/** A recorded value as History shows it: dates as a council writes them ("31 Mar 2011"). */
export function historyValue(field: RecordedField, value: string): string {
  return DATE_FIELDS.includes(field) && isIsoDate(value) ? formatShortUk(value) : value;
}

/** History lines of one action's changes. */
export function linesOf(id: string, ref: string, changes: readonly FieldChange[]): HistoryLine[] {
  return changes.map((c) => ({
    ref,
    field: headerOf(c.field),
    old: historyValue(c.field, c.old),
    new: historyValue(c.field, c.new),
    id,
  }));
}

/** History's line for an action the record did not know yet. */
export function addedLine(id: string, cells: RowCells): HistoryLine {
  return { ref: cells.ref ?? '', field: 'Action added', old: '', new: cells.action ?? '', id };
}

/** History's line for a deleted action: its last values, one "Field: value" a line, so nothing of it is lost. */
export function deletedLine(entry: RecordEntry): HistoryLine {
  const last = RECORDED_FIELDS.flatMap((field) => {
    const value = entry.cells[field] ?? '';
    return value === '' ? [] : [`${headerOf(field)}: ${historyValue(field, value)}`];
  });
  return { ref: entry.cells.ref ?? '', field: 'Action deleted', old: last.join('\n'), new: '', id: entry.id };
}

/** Appends the lines in one write: they are the record, so they are text, never a formula or a date guess. */
export function appendHistory(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  lines: readonly HistoryLine[],
  who: string,
  when: Date = new Date(),
): void {
  if (lines.length === 0) return;
  const sheet = ensureHistorySheet(ss);
  appendRows(
    sheet,
    lines.map((l) => [when, who, l.ref, l.field, l.old, l.new, l.id]),
    HISTORY_FORMATS,
  );
}

export function ensureHistorySheet(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
): GoogleAppsScript.Spreadsheet.Sheet {
  const existed = ss.getSheetByName(SHEET.history) !== null;
  const sheet = ensureSheet(ss, SHEET.history, HISTORY_HEADERS);
  if (!existed) {
    const rows = sheet.getMaxRows() - 1;
    sheet.getRange(2, 1, rows, 1).setNumberFormat(HISTORY_FORMATS[0]);
    sheet.getRange(2, 2, rows, HISTORY_HEADERS.length - 1).setNumberFormat('@');
    sheet.setColumnWidth(1, 140).setColumnWidth(2, 200).setColumnWidth(5, 320).setColumnWidth(6, 320);
    const extra = sheet.getMaxColumns() - HISTORY_HEADERS.length;
    // History uses no more columns than it fills.
    if (extra > 0) sheet.deleteColumns(HISTORY_HEADERS.length + 1, extra);
  }
  return sheet;
}
