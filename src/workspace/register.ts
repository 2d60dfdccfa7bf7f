import { matchColumns } from '../core/headers';
import type { ColumnKey } from '../core/headers';
import { toIsoDate } from '../core/dates';
import type { Action, IsoDate, Settings } from '../core/model';
import { decideStatus, statusKeyOf } from '../core/status';
import type { StatusDecision } from '../core/status';
import { cellDate, cellText } from './cells';
import type { RegisterView } from './registerView';
import { readOfficers, readSettings } from './settings';
import { SHEET, activeSpreadsheet } from './sheets';

/** The Register sheet as read once: its grid, where each column is, and the actions in it. */
export interface RegisterGrid {
  readonly sheet: GoogleAppsScript.Spreadsheet.Sheet;
  readonly values: unknown[][];
  /** 0-based column index of each core column found by header text. */
  readonly columns: Partial<Record<ColumnKey, number>>;
  readonly width: number;
}

/** A register read failed in a way an officer must fix first. */
export class RegisterError extends Error {}

export function registerSheet(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
): GoogleAppsScript.Spreadsheet.Sheet {
  const sheet = ss.getSheetByName(SHEET.register);
  if (!sheet)
    throw new RegisterError(
      'There is no Register sheet yet: choose Action Plan → Set up or repair register.',
    );
  return sheet;
}

/** One getValues for the whole register; columns are found by header, never by position. */
export function readRegisterGrid(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): RegisterGrid {
  const sheet = registerSheet(ss);
  const values = sheet.getDataRange().getValues();
  const header = (values[0] ?? []).map((h) => cellText(h));
  const { columns } = matchColumns(header);
  return { sheet, values, columns, width: header.length };
}

/** True when a register row holds an action (a blank row between actions is not one). */
export function isActionRow(row: readonly unknown[], columns: Partial<Record<ColumnKey, number>>): boolean {
  const at = (key: ColumnKey): string => (columns[key] === undefined ? '' : cellText(row[columns[key]]));
  return at('action') !== '' || at('ref') !== '';
}

/**
 * Turns one register row into an action. A date cell that is not a date is named in `problems`
 * ("Row 7: Due date "next week" is not a date") and read as no date; the cell itself is left as written.
 */
export function rowToAction(
  row: readonly unknown[],
  rowNumber: number,
  columns: Partial<Record<ColumnKey, number>>,
  timeZone: string,
  settings: Settings,
  problems: string[],
): Action {
  const raw = (key: ColumnKey): unknown => (columns[key] === undefined ? '' : row[columns[key]]);
  const text = (key: ColumnKey): string => cellText(raw(key));
  const date = (key: ColumnKey, label: string): IsoDate | null => {
    const day = cellDate(raw(key), timeZone);
    if (day === undefined) {
      problems.push(
        `Row ${rowNumber}: ${label} "${text(key)}" is not a date; it was left as written and not used.`,
      );
      return null;
    }
    return day;
  };
  const extensions = Number(text('extensions') || 0);
  const labelled = statusKeyOf(text('status'), settings);
  return {
    id: text('id'),
    ref: text('ref'),
    source: text('source'),
    priority: text('priority'),
    extensionReason: text('extensionReason'),
    kloe: text('kloe'),
    recommendation: text('recommendation'),
    action: text('action'),
    timescale: text('timescale'),
    dueDate: date('dueDate', 'Due date'),
    revisedDueDate: date('revisedDueDate', 'Revised due date'),
    lead: text('lead'),
    progress: text('progress'),
    lastUpdated: date('lastUpdated', 'Last updated'),
    status: text('status'),
    closure: labelled === 'completed' || labelled === 'closed' ? labelled : null,
    completedOn: date('completedOn', 'Completed on'),
    extensions: Number.isFinite(extensions) ? extensions : 0,
  };
}

export interface RegisterReading extends RegisterView {
  readonly grid: RegisterGrid;
  /** Rows whose cells could not be fully read, each naming the row and the problem. */
  readonly problems: readonly string[];
}

/** Reads the register, settings and officers (a fixed number of calls) and decides every status in memory. */
export function loadRegister(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet = activeSpreadsheet(),
): RegisterReading {
  const timeZone = ss.getSpreadsheetTimeZone();
  const today = toIsoDate(new Date(), timeZone);
  const { settings, problems: settingProblems } = readSettings(ss, timeZone);
  const grid = readRegisterGrid(ss);
  const problems: string[] = [...settingProblems];
  const actions: Action[] = [];
  const rows: number[] = [];
  grid.values.slice(1).forEach((row, i) => {
    if (!isActionRow(row, grid.columns)) return;
    actions.push(rowToAction(row, i + 2, grid.columns, timeZone, settings, problems));
    rows.push(i + 2);
  });
  const decisions = actions.map((action) => decideStatus(action, settings, today));
  return {
    spreadsheet: ss,
    grid,
    actions,
    rows,
    decisions,
    settings,
    officers: readOfficers(ss),
    today,
    timeZone,
    url: `${ss.getUrl()}#gid=${grid.sheet.getSheetId()}`,
    problems,
  };
}

/**
 * The Status column's values and notes for every data row. Rows that hold no action keep whatever their
 * Status cell and its note already hold.
 */
export function statusColumn(
  reading: Pick<RegisterReading, 'grid' | 'rows' | 'decisions'>,
  settings: Settings,
  currentNotes: readonly (readonly string[])[],
): { values: unknown[][]; notes: string[][] } {
  const status = reading.grid.columns.status ?? 0;
  const values = reading.grid.values.slice(1).map((row) => [row[status]]);
  const notes = currentNotes.map((row) => [row[0] ?? '']);
  reading.rows.forEach((row, i) => {
    const decision: StatusDecision = reading.decisions[i];
    values[row - 2][0] = settings.statuses[decision.key].label;
    notes[row - 2][0] = `Status is computed: ${decision.reason}`;
  });
  return { values, notes };
}

/**
 * Refresh statuses: one read, decisions in memory, then one setValues and one setNotes on the Status column
 * (after one getNotes, so notes on rows without an action are kept). No other cell is written.
 */
export function refreshStatuses(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet = activeSpreadsheet(),
): RegisterReading {
  const reading = loadRegister(ss);
  const statusIndex = reading.grid.columns.status;
  if (statusIndex === undefined) {
    throw new RegisterError(
      'The Register has no Status column: choose Action Plan → Set up or repair register.',
    );
  }
  const height = reading.grid.values.length - 1;
  if (height > 0) {
    const range = reading.grid.sheet.getRange(2, statusIndex + 1, height, 1);
    const { values, notes } = statusColumn(reading, reading.settings, range.getNotes());
    range.setValues(values);
    range.setNotes(notes);
  }
  return reading;
}
