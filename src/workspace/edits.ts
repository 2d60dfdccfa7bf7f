import { REGISTER_COLUMNS, matchColumns } from '../core/headers';
import type { ColumnKey } from '../core/headers';
import { toIsoDate, fromIsoDate } from '../core/dates';
import { decideStatus, statusKeyOf } from '../core/status';
import { defuseFormula } from '../core/importPlan';
import { cellText } from './cells';
import { rowToAction } from './register';
import { readSettings } from './settings';
import { SHEET, appendRows } from './sheets';

/** Fields whose every change is kept in History. */
const TRACKED: readonly ColumnKey[] = ['action', 'dueDate', 'revisedDueDate', 'lead', 'progress', 'status'];
export const SEVERAL_CELLS = '(several cells changed at once: Sheets does not give the old values)';
/** Who, when Google does not name the editor (another domain, or a consumer account): see the README. */
export const UNNAMED_EDITOR = '(editor not named by Google)';

const headerOf = (key: ColumnKey): string => REGISTER_COLUMNS.find((c) => c.key === key)?.header ?? key;

/**
 * Installable onEdit of the Register: stamps Last updated and Completed on, counts extensions, puts a
 * hand-typed status back to the computed one, and appends every tracked change to History. The calls it makes
 * depend on the edited block, never on the size of the register.
 */
export function onRegisterEdit(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  const edited = e.range;
  const sheet = edited.getSheet();
  if (sheet.getName() !== SHEET.register) return;
  const firstRow = Math.max(2, edited.getRow());
  const lastRow = edited.getRow() + edited.getNumRows() - 1;
  if (lastRow < firstRow) return;
  const firstColumn = edited.getColumn();
  const lastColumn = firstColumn + edited.getNumColumns() - 1;
  const single = edited.getNumRows() === 1 && edited.getNumColumns() === 1;

  const ss = e.source;
  const timeZone = ss.getSpreadsheetTimeZone();
  const { settings } = readSettings(ss, timeZone);
  const width = sheet.getLastColumn();
  const header = sheet
    .getRange(1, 1, 1, width)
    .getValues()[0]
    .map((h) => cellText(h));
  const { columns } = matchColumns(header);
  const block = sheet.getRange(firstRow, 1, lastRow - firstRow + 1, width).getValues();
  const now = new Date();
  const today = toIsoDate(now, timeZone);
  const todayCell = fromIsoDate(today, timeZone);
  // e.user follows the same rule as Session.getActiveUser, which would add nothing and needs userinfo.email.
  const who = e.user?.getEmail() || UNNAMED_EDITOR;

  const inEdit = (key: ColumnKey): boolean => {
    const index = columns[key];
    return index !== undefined && index + 1 >= firstColumn && index + 1 <= lastColumn;
  };
  const history: unknown[][] = [];
  const writes = new Map<ColumnKey, Map<number, unknown>>();
  const write = (key: ColumnKey, offset: number, value: unknown): void => {
    if (columns[key] === undefined) return;
    if (!writes.has(key)) writes.set(key, new Map());
    writes.get(key)?.set(offset, value);
    block[offset][columns[key]] = value;
  };
  const statusNotes = new Map<number, string>();

  block.forEach((row, offset) => {
    let changed = false;
    const ref = columns.ref === undefined ? '' : cellText(row[columns.ref]);
    for (const key of TRACKED) {
      if (!inEdit(key)) continue;
      const value = row[columns[key] as number];
      const old = single ? (e.oldValue ?? '') : SEVERAL_CELLS;
      if (single && cellText(value) === cellText(old)) continue;
      history.push([now, who, ref, headerOf(key), old, value]);
      changed = true;
      if (key === 'progress') write('lastUpdated', offset, todayCell);
      if (key === 'revisedDueDate' && cellText(value) !== '') {
        const extensions = columns.extensions === undefined ? 0 : Number(row[columns.extensions]) || 0;
        write('extensions', offset, extensions + 1);
      }
      if (key === 'status') {
        const chosen = statusKeyOf(cellText(value), settings);
        const stamped = columns.completedOn !== undefined && cellText(row[columns.completedOn]) !== '';
        if (chosen === 'completed' && !stamped) write('completedOn', offset, todayCell);
        // Choosing anything but Completed reopens a completed action; the status itself is computed below.
        if (chosen !== 'completed' && stamped) write('completedOn', offset, '');
      }
    }
    if (columns.status !== undefined && changed) {
      const problems: string[] = [];
      const action = rowToAction(row, firstRow + offset, columns, timeZone, settings, problems);
      if (action.action === '' && action.ref === '') return;
      const decision = decideStatus(action, settings, today);
      const label = settings.statuses[decision.key].label;
      if (cellText(row[columns.status]) !== label) {
        const typed = cellText(row[columns.status]);
        statusNotes.set(
          offset,
          `Status is computed: ${decision.reason}` +
            (inEdit('status') && typed !== ''
              ? ` "${typed}" was put back: only Completed can be chosen by hand.`
              : ''),
        );
        write('status', offset, label);
      }
    }
  });

  for (const [key, cells] of writes) writeRuns(sheet, firstRow, (columns[key] as number) + 1, cells);
  if (statusNotes.size > 0 && columns.status !== undefined) {
    for (const run of runs([...statusNotes.keys()])) {
      sheet
        .getRange(firstRow + run[0], columns.status + 1, run.length, 1)
        .setNotes(run.map((offset) => [statusNotes.get(offset) ?? '']));
    }
  }
  if (history.length > 0) appendHistory(ss, history);
}

/** Writes changed cells of one column, one setValues per run of adjacent rows. */
function writeRuns(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  firstRow: number,
  column: number,
  cells: Map<number, unknown>,
): void {
  for (const run of runs([...cells.keys()])) {
    sheet
      .getRange(firstRow + run[0], column, run.length, 1)
      .setValues(run.map((offset) => [cells.get(offset)]));
  }
}

/** Groups row offsets into runs of consecutive offsets. */
export function runs(offsets: number[]): number[][] {
  const sorted = [...offsets].sort((a, b) => a - b);
  const out: number[][] = [];
  for (const offset of sorted) {
    const last = out[out.length - 1];
    if (last && last[last.length - 1] === offset - 1) last.push(offset);
    else out.push([offset]);
  }
  return out;
}

/** History gains one block of rows per edit event: a paste of many rows is one batch. */
export function appendHistory(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, rows: unknown[][]): void {
  const sheet = ss.getSheetByName(SHEET.history);
  if (!sheet) return;
  // Officers' text is kept as text: a progress note starting with "=" must not become a formula.
  const text = rows.map((row) => row.map((v) => (typeof v === 'string' ? defuseFormula(v) : v)));
  appendRows(sheet, text);
}
