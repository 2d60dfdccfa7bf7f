/**
 * The typical baseline: the same jobs as the register written the way a script writer who has read the
 * best-practices page usually writes them: one getValues for a whole sheet, then one write per row (a row's
 * setValues, its status cell's colour and note), one email per officer listing their due actions, and the
 * paper's table grown with appendTableRow per action, its cells appended and its Status cell coloured.
 *
 * Like the naive baseline (bench/naive.ts) it runs against the globals the bundle sees and shares the register's
 * domain code, so the three differ only in how they talk to Google.
 */
import { toIsoDate } from '../src/core/dates';
import { REGISTER_COLUMNS, matchRegisterColumns } from '../src/core/headers';
import type { ColumnKey } from '../src/core/headers';
import { importPlan } from '../src/core/import';
import type { Action, IsoDate, Officer, Settings } from '../src/core/model';
import { STATUS_KEYS } from '../src/core/model';
import { officerIndex, resolveLeads } from '../src/core/officers';
import { actionOf, holdsAction } from '../src/core/record';
import { SETTING_ROWS, parseSettings } from '../src/core/settings';
import type { SettingValue } from '../src/core/settings';
import { decideStatus, statusKeyOf } from '../src/core/status';
import type { StatusDecision } from '../src/core/status';
import { cellText } from '../src/workspace/cells';
import { registerCells } from '../src/workspace/importer';
import { rowCells } from '../src/workspace/record';
import { TEXT_COLUMNS } from '../src/workspace/setup';
import type { NaiveGlobals, NaiveReading } from './naive';
import {
  DATE_KEYS,
  HISTORY_HEADERS,
  OFFICER_HEADERS,
  PAPER_COLUMNS,
  defaultSettings,
  sendOwnerSummary,
  sheetNamed,
} from './naive';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** A header row in one write, made bold in one more. */
function writeHeader(sheet: Sheet, headers: readonly string[]): void {
  sheet.getRange(1, 1, 1, headers.length).setValues([[...headers]]);
  sheet.getRange(1, 1, 1, headers.length).setFontWeight('bold');
}

/** A whole sheet in one read. */
function allValues(sheet: Sheet): unknown[][] {
  return sheet.getLastRow() === 0 ? [] : sheet.getDataRange().getValues();
}

const columnsOf = (header: readonly unknown[]): Partial<Record<ColumnKey, number>> =>
  matchRegisterColumns(header.map(cellText)).columns;

/** Set up: a write per settings row, header rows in one write each, validation set on whole columns. */
export function typicalSetUp(g: NaiveGlobals): void {
  const settings = sheetNamed(g, 'Settings');
  writeHeader(settings, ['Setting', 'Value', 'About']);
  SETTING_ROWS.forEach((row, i) => {
    settings.getRange(i + 2, 1, 1, 3).setValues([[row.label, row.get(defaultSettings()), row.note]]);
  });
  writeHeader(sheetNamed(g, 'Officers'), OFFICER_HEADERS);
  writeHeader(sheetNamed(g, 'History'), HISTORY_HEADERS);
  // The Import sheet is plain text, as the register's is: a pasted "June 2010" stays a timescale.
  const importing = sheetNamed(g, 'Import');
  importing.getRange(1, 1, importing.getMaxRows(), importing.getMaxColumns()).setNumberFormat('@');
  const register = sheetNamed(g, 'Register');
  writeHeader(
    register,
    REGISTER_COLUMNS.map((c) => c.header),
  );
  const column = (key: ColumnKey): number => REGISTER_COLUMNS.findIndex((c) => c.key === key) + 1;
  const rows = register.getMaxRows() - 1;
  // Text columns as plain text, as the register keeps them: otherwise Sheets reads "June 2010" as a date.
  for (const key of TEXT_COLUMNS) register.getRange(2, column(key), rows, 1).setNumberFormat('@');
  const date = g.SpreadsheetApp.newDataValidation().requireDate().build();
  for (const key of DATE_KEYS) {
    register.getRange(2, column(key), rows, 1).setDataValidation(date).setNumberFormat('dd mmm yyyy');
  }
  const labels = STATUS_KEYS.map((k) => defaultSettings().statuses[k].label);
  const status = g.SpreadsheetApp.newDataValidation().requireValueInList(labels, true).build();
  register.getRange(2, column('status'), rows, 1).setDataValidation(status);
  g.ScriptApp.newTrigger('onEdit').forSpreadsheet(g.SpreadsheetApp.getActiveSpreadsheet()).onEdit().create();
}

/** Settings in one read. */
function readSettings(g: NaiveGlobals, timeZone: string): Settings {
  const pairs = new Map<string, SettingValue>();
  for (const [label, value] of allValues(sheetNamed(g, 'Settings')).slice(1)) {
    const name = cellText(label);
    if (name === '') continue;
    if (Object.prototype.toString.call(value) === '[object Date]')
      pairs.set(name, toIsoDate(value as Date, timeZone));
    else pairs.set(name, typeof value === 'number' || typeof value === 'boolean' ? value : cellText(value));
  }
  return parseSettings(pairs).settings;
}

/** Import: the pasted plan and the register in one read each, then each action appended as a row. */
export function typicalImport(g: NaiveGlobals, today: IsoDate): void {
  const ss = g.SpreadsheetApp.getActiveSpreadsheet();
  const timeZone = ss.getSpreadsheetTimeZone();
  const grid = allValues(sheetNamed(g, 'Import')).map((row) => row.map(cellText));
  const register = sheetNamed(g, 'Register');
  const [header = [], ...existingRows] = allValues(register);
  const columns = columnsOf(header);
  const at = (row: unknown[], key: ColumnKey): string =>
    columns[key] === undefined ? '' : cellText(row[columns[key]]);
  const existing = existingRows.map((row) => ({
    id: at(row, 'id'),
    ref: at(row, 'ref'),
    action: at(row, 'action'),
  }));
  const result = importPlan(grid, { today, existing });
  const settings = readSettings(g, timeZone);
  for (const { action: index } of result.changes.added) {
    const action = result.actions[index];
    const row: unknown[] = header.map(() => '');
    for (const [key, value] of registerCells(action, timeZone)) {
      if (columns[key] !== undefined) row[columns[key]] = value;
    }
    // Without the register's record, a typical script keeps the plan's completion in the Status label.
    if (action.closure !== null && columns.status !== undefined)
      row[columns.status] = settings.statuses[action.closure].label;
    register.appendRow(row);
  }
  const report = sheetNamed(g, 'Import report');
  writeHeader(report, ['Row', 'Problem', 'What was kept']);
  for (const line of result.report) report.appendRow([line.row, line.problem, line.kept]);
  typicalRefresh(g, today);
}

/** Refresh: the register in one read; each row written back, its status cell coloured and noted. */
export function typicalRefresh(g: NaiveGlobals, today: IsoDate): NaiveReading {
  const ss = g.SpreadsheetApp.getActiveSpreadsheet();
  const timeZone = ss.getSpreadsheetTimeZone();
  const settings = readSettings(g, timeZone);
  const register = sheetNamed(g, 'Register');
  const [header = [], ...rows] = allValues(register);
  const columns = columnsOf(header);
  const statusColumn = columns.status ?? 0;
  const actions: Action[] = [];
  const decisions: StatusDecision[] = [];
  rows.forEach((values, i) => {
    const cells = rowCells(values, columns, timeZone);
    if (!holdsAction(cells)) return;
    const key = statusKeyOf(cells.status ?? '', settings);
    const action = actionOf('', cells, key === 'completed' || key === 'closed' ? key : null);
    const decision = decideStatus(action, settings, today);
    const style = settings.statuses[decision.key];
    const row = [...values];
    row[statusColumn] = style.label;
    register.getRange(i + 2, 1, 1, row.length).setValues([row]);
    const cell = register.getRange(i + 2, statusColumn + 1);
    cell.setBackground(style.background);
    cell.setNote(`Status is computed: ${decision.reason}`);
    actions.push(action);
    decisions.push(decision);
  });
  return { actions, decisions, settings };
}

function readOfficers(g: NaiveGlobals): Officer[] {
  return allValues(sheetNamed(g, 'Officers'))
    .slice(1)
    .map((row) => ({
      initials: cellText(row[0]),
      name: cellText(row[1]),
      jobTitle: cellText(row[2]),
      email: cellText(row[3]),
      directorate: cellText(row[4]),
      reportsTo: '',
    }));
}

/** The weekly emails: statuses refreshed as above, then one email per officer with due actions, and the owner's. */
export function typicalDigest(g: NaiveGlobals, today: IsoDate): void {
  const { actions, decisions, settings } = typicalRefresh(g, today);
  const index = officerIndex(readOfficers(g));
  const log = sheetNamed(g, 'Reminder log');
  const due = new Map<string, { officer: Officer; lines: string[] }>();
  const counts = { overdue: 0, check: 0 };
  actions.forEach((action, i) => {
    const { key, reason } = decisions[i];
    if (key !== 'overdue' && key !== 'check') return;
    counts[key]++;
    for (const officer of resolveLeads(action.lead, index).officers) {
      if (officer.email.trim() === '') continue;
      const entry = due.get(officer.email) ?? { officer, lines: [] };
      entry.lines.push(`${settings.statuses[key].label}: ${action.ref} ${action.action} (${reason})`);
      due.set(officer.email, entry);
    }
  });
  for (const { officer, lines } of due.values()) {
    g.MailApp.sendEmail(
      officer.email,
      `${settings.planName}: your actions to update`,
      `Dear ${officer.name},\n\n${lines.join('\n')}\n\nPlease update their progress.`,
    );
    log.appendRow([new Date(), lines.length, officer.email, 'sent']);
  }
  sendOwnerSummary(g, settings, counts, log);
}

/** The paper: the register in one read, then a table row appended per action and its cells one by one. */
export function typicalPaper(g: NaiveGlobals, today: IsoDate): string {
  const ss = g.SpreadsheetApp.getActiveSpreadsheet();
  const settings = readSettings(g, ss.getSpreadsheetTimeZone());
  const [header = [], ...rows] = allValues(sheetNamed(g, 'Register'));
  const columns = columnsOf(header);
  const doc = g.DocumentApp.create(`${settings.paperTitle} ${today}`);
  const body = doc.getBody();
  body.appendParagraph(settings.committee);
  body.appendParagraph(`Report of: ${settings.reportAuthor}`);
  body.appendParagraph(`Date: ${today}`);
  body.appendParagraph(settings.paperTitle);
  body.appendParagraph('Appendix 1: Action plan progress');
  const table = body.appendTable([
    PAPER_COLUMNS.map((key) => REGISTER_COLUMNS.find((c) => c.key === key)?.header ?? key),
  ]);
  const byLabel = new Map(STATUS_KEYS.map((k) => [settings.statuses[k].label, settings.statuses[k]]));
  for (const values of rows) {
    const row = table.appendTableRow();
    for (const key of PAPER_COLUMNS) {
      const text = columns[key] === undefined ? '' : cellText(values[columns[key]]);
      const cell = row.appendTableCell(text);
      const style = key === 'status' ? byLabel.get(text) : undefined;
      if (style) cell.setBackgroundColor(style.background);
    }
  }
  body.appendParagraph('Key');
  const key = body.appendTable(STATUS_KEYS.map((k) => ['', settings.statuses[k].label]));
  STATUS_KEYS.forEach((k, i) => key.getCell(i, 0).setBackgroundColor(settings.statuses[k].background));
  doc.saveAndClose();
  return doc.getUrl();
}
