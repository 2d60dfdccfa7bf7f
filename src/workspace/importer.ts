import { fromIsoDate } from '../core/dates';
import type { ColumnKey } from '../core/headers';
import { defuseFormula, importPlan } from '../core/importPlan';
import type { ImportProblem, ImportedAction } from '../core/importPlan';
import type { Settings } from '../core/model';
import { officerIndex, resolveLeads } from '../core/officers';
import { statusKeyOf } from '../core/status';
import { cellText } from './cells';
import { holdsAction } from '../core/record';
import type { RecordedField } from '../core/record';
import { addedLine, appendHistory } from './history';
import type { HistoryLine } from './history';
import { RecordStore, recordText, rowCells } from './record';
import { readRegisterGrid, refreshStatuses, requireColumns } from './register';
import { addKloes } from './settings';
import { SHEET, appendRows, ensureSheet } from './sheets';
import { DATE_FORMAT, setUpRegister } from './setup';
import { Workbook } from './workbook';

export const IMPORT_REPORT_HEADERS = ['Row', 'Problem', 'What was kept'] as const;

export interface ImportOutcome {
  readonly imported: number;
  readonly skipped: number;
  readonly problems: readonly ImportProblem[];
  readonly layout: string;
}

/**
 * Import plan: reads what officers pasted into the Import sheet (as displayed, so text stays as written),
 * appends the actions the register does not have yet in one write, notes unknown leads, lists every row it
 * could not fully understand in the Import report sheet, then refreshes statuses.
 */
export function importPlanFromSheet(wb: Workbook = new Workbook()): ImportOutcome {
  const importSheet = ensureSheet(wb.ss, SHEET.import, []);
  return importGrid(wb, importSheet.getDataRange().getDisplayValues());
}

/**
 * Imports a plan given as a grid of cell texts, header row first, whatever it was read from (the Import sheet,
 * a Google Doc's tables): the same rules, report and re-import for every source.
 */
export function importGrid(wb: Workbook, grid: string[][]): ImportOutcome {
  const ss = wb.ss;
  if (!ss.getSheetByName(SHEET.register)) setUpRegister(wb);
  const timeZone = wb.timeZone;
  const today = wb.today;
  const { settings } = wb.settings();
  const register = readRegisterGrid(wb);
  requireColumns(register);
  const { columns, values, sheet } = register;
  const text = (row: readonly unknown[], key: ColumnKey): string =>
    columns[key] === undefined ? '' : cellText(row[columns[key]]);
  const existing = values
    .slice(1)
    .filter((row) => holdsAction(rowCells(row, columns, timeZone)))
    .map((row) => ({ ref: text(row, 'ref'), action: text(row, 'action') }));

  const result = importPlan(grid, { today, existing });
  const problems: ImportProblem[] = [...result.problems];
  const index = officerIndex(wb.officers());
  const width = register.width;
  const rows: unknown[][] = [];
  const leadNotes: string[][] = [];
  const record = RecordStore.readAll(ss, today);
  const history: HistoryLine[] = [];
  for (const action of result.actions) {
    const row: unknown[] = new Array(width).fill('');
    const id = record.newId();
    const cells: Partial<Record<RecordedField, string>> = {};
    for (const [key, value] of registerCells(action, settings, timeZone)) {
      if (columns[key] !== undefined) row[columns[key]] = value;
      if (key !== 'id') cells[key] = recordText(value, timeZone);
    }
    if (columns.id !== undefined) row[columns.id] = id;
    const decided = statusKeyOf(action.status, settings);
    record.put({
      id,
      cells,
      closure: decided === 'completed' || decided === 'closed' ? decided : null,
      deleted: false,
    });
    history.push(addedLine(id, cells));
    const { unknown } = resolveLeads(action.lead, index);
    const firstRow = action.sourceRows[0] ?? 0;
    if (unknown.length > 0) {
      problems.push({
        row: firstRow,
        problem: `Lead ${unknown.map((u) => `"${u}"`).join(', ')} not found on the Officers sheet.`,
        kept: `Lead kept as written: "${action.lead}".`,
      });
    }
    leadNotes.push([
      unknown.length > 0
        ? `Not on the Officers sheet: ${unknown.join(', ')}. Add them there to send them digests.`
        : '',
    ]);
    rows.push(row);
  }

  if (rows.length > 0) {
    // Officers' text is stored as plain text, exactly as written: "=…" is not a formula, "1.10" not a number.
    const start = appendRows(sheet, rows, registerFormats(columns, width));
    if (columns.lead !== undefined)
      sheet.getRange(start, columns.lead + 1, rows.length, 1).setNotes(leadNotes);
    addKloes(
      ss,
      result.actions.map((a) => a.kloe),
    );
  }
  record.save();
  wb.forget('register');
  appendHistory(ss, history, `Import plan (${importer()})`);
  writeImportReport(ss, problems);
  refreshStatuses(wb);
  return {
    imported: rows.length,
    skipped: result.skipped,
    problems,
    layout: result.layout,
  };
}

/** The number format of each register column for appended rows: dates as dates, every other cell text. */
function registerFormats(columns: Partial<Record<ColumnKey, number>>, width: number): string[] {
  const formats = new Array<string>(width).fill('@');
  for (const key of ['dueDate', 'revisedDueDate', 'lastUpdated', 'completedOn'] as const) {
    const index = columns[key];
    if (index !== undefined) formats[index] = DATE_FORMAT;
  }
  if (columns.extensions !== undefined) formats[columns.extensions] = '0';
  return formats;
}

/** Who imported: the account that chose Import plan, when Google says. */
function importer(): string {
  try {
    return Session.getActiveUser().getEmail() || 'an editor Google did not name';
  } catch {
    return 'an editor Google did not name';
  }
}

/** What an imported action puts in each register column (cells of columns it does not fill stay blank). */
export function registerCells(
  action: ImportedAction,
  settings: Settings,
  timeZone: string,
): [ColumnKey, string | number | Date][] {
  const cells: [ColumnKey, string | number | Date][] = [
    ['ref', action.ref],
    ['kloe', action.kloe],
    ['recommendation', action.recommendation],
    ['action', action.action],
    ['timescale', action.timescale],
    ['dueDate', action.dueDate ? fromIsoDate(action.dueDate, timeZone) : ''],
    ['lead', action.lead],
    ['progress', action.progress],
    // The plan's own "Progress to <date>" is when that progress was last updated.
    ['lastUpdated', action.progressDate ? fromIsoDate(action.progressDate, timeZone) : ''],
    ['extensions', 0],
  ];
  const decided = statusKeyOf(action.status, settings);
  if (decided === 'completed' || decided === 'closed')
    cells.push(['status', settings.statuses[decided].label]);
  return cells;
}

/** The Import report sheet holds the latest import's problems, one row each: row, problem, what was kept. */
function writeImportReport(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  problems: readonly ImportProblem[],
): void {
  const sheet = ensureSheet(ss, SHEET.importReport, IMPORT_REPORT_HEADERS);
  const last = sheet.getLastRow();
  if (last > 1) sheet.getRange(2, 1, last - 1, IMPORT_REPORT_HEADERS.length).clearContent();
  appendRows(
    sheet,
    problems.map((p) => [p.row, defuseFormula(p.problem), defuseFormula(p.kept)]),
  );
}
