import { fromIsoDate } from '../core/dates';
import type { ColumnKey } from '../core/headers';
import { defuseFormula, importPlan } from '../core/importPlan';
import type { ImportProblem, ImportedAction } from '../core/importPlan';
import type { Settings } from '../core/model';
import { officerIndex, resolveLeads } from '../core/officers';
import { statusKeyOf } from '../core/status';
import { toIsoDate } from '../core/dates';
import { cellText } from './cells';
import { RegisterError, isActionRow, readRegisterGrid, refreshStatuses } from './register';
import { addKloes, readOfficers, readSettings } from './settings';
import { SHEET, activeSpreadsheet, appendRows, ensureSheet } from './sheets';
import { setUpRegister } from './setup';

export const IMPORT_REPORT_HEADERS = ['Row', 'Problem', 'What was kept'] as const;
/** How long an import waits for another one (a double click, a colleague) to finish. */
const IMPORT_WAIT_MS = 30000;
export const IMPORT_BUSY =
  'Another import of this plan is running at this moment, so this one added nothing. When it has finished, ' +
  'check the Register; choose Import plan again only if actions are missing (those already there are skipped).';

export interface ImportOutcome {
  readonly imported: number;
  readonly skipped: number;
  readonly problems: readonly ImportProblem[];
  readonly layout: string;
}

/**
 * Import plan: reads what officers pasted into the Import sheet (as displayed, so text stays as written),
 * appends the actions the register does not have yet in one write, notes unknown leads, lists every row it
 * could not fully understand in the Import report sheet, then refreshes statuses. Under the document lock: two
 * imports at once (a double click) would both read the register before either wrote, and add every action twice.
 */
export function importPlanFromSheet(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet = activeSpreadsheet(),
): ImportOutcome {
  if (!ss.getSheetByName(SHEET.register)) setUpRegister(ss);
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(IMPORT_WAIT_MS)) throw new RegisterError(IMPORT_BUSY);
  try {
    return importUnderLock(ss);
  } finally {
    lock.releaseLock();
  }
}

function importUnderLock(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): ImportOutcome {
  const importSheet = ensureSheet(ss, SHEET.import, []);
  const grid = importSheet.getDataRange().getDisplayValues();
  const timeZone = ss.getSpreadsheetTimeZone();
  const today = toIsoDate(new Date(), timeZone);
  const { settings } = readSettings(ss, timeZone);
  const register = readRegisterGrid(ss);
  const { columns, values, sheet } = register;
  const text = (row: readonly unknown[], key: ColumnKey): string =>
    columns[key] === undefined ? '' : cellText(row[columns[key]]);
  const existing = values
    .slice(1)
    .filter((row) => isActionRow(row, columns))
    .map((row) => ({ ref: text(row, 'ref'), action: text(row, 'action') }));

  const result = importPlan(grid, { today, existing });
  const problems: ImportProblem[] = [...result.problems];
  const index = officerIndex(readOfficers(ss));
  const width = register.width;
  const rows: unknown[][] = [];
  const leadNotes: string[][] = [];
  for (const action of result.actions) {
    const row: unknown[] = new Array(width).fill('');
    for (const [key, value] of registerCells(action, settings, timeZone)) {
      if (columns[key] !== undefined)
        row[columns[key]] = typeof value === 'string' ? defuseFormula(value) : value;
    }
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
    const start = appendRows(sheet, rows);
    if (columns.lead !== undefined)
      sheet.getRange(start, columns.lead + 1, rows.length, 1).setNotes(leadNotes);
    addKloes(
      ss,
      result.actions.map((a) => a.kloe),
    );
  }
  writeImportReport(ss, problems);
  refreshStatuses(ss);
  return {
    imported: rows.length,
    skipped: result.skipped,
    problems,
    layout: result.layout,
  };
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
