/**
 * The naive baseline: the same jobs as the register (set up, import, refresh, weekly emails, briefing paper)
 * written the way a first Apps Script usually is: one getValue per cell read, one setValue per cell written,
 * one email per due action per lead, the paper's table built one appendTableRow/appendTableCell at a time.
 *
 * It runs against the same Workspace globals the bundle sees, so its service calls are counted the same way.
 * It shares the register's domain code (plan import, timescales, status rules, settings), so the two make the
 * same decisions and what differs is only how they talk to Google.
 */
import type vm from 'node:vm';
import { toIsoDate } from '../src/core/dates';
import { REGISTER_COLUMNS, matchRegisterColumns } from '../src/core/headers';
import type { ColumnKey } from '../src/core/headers';
import { importPlan } from '../src/core/import';
import type { Action, IsoDate, Officer, Settings } from '../src/core/model';
import { STATUS_KEYS } from '../src/core/model';
import { officerIndex, resolveLeads } from '../src/core/officers';
import { SETTING_ROWS, parseSettings } from '../src/core/settings';
import type { SettingValue } from '../src/core/settings';
import { decideStatus, statusKeyOf as statusKeyOfLabel } from '../src/core/status';
import type { StatusDecision } from '../src/core/status';
import { cellText } from '../src/workspace/cells';
import { registerCells } from '../src/workspace/importer';
import { actionOf, holdsAction } from '../src/core/record';
import { rowCells } from '../src/workspace/record';
import { TEXT_COLUMNS } from '../src/workspace/setup';

/** The Apps Script globals the baseline uses. */
export interface NaiveGlobals {
  readonly SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  readonly MailApp: GoogleAppsScript.Mail.MailApp;
  readonly DocumentApp: GoogleAppsScript.Document.DocumentApp;
  readonly ScriptApp: GoogleAppsScript.Script.ScriptApp;
}

/** The globals of a bundle's vm context: the very service objects the bundle calls. */
export function naiveGlobals(context: vm.Context): NaiveGlobals {
  return {
    SpreadsheetApp: context.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp,
    MailApp: context.MailApp as GoogleAppsScript.Mail.MailApp,
    DocumentApp: context.DocumentApp as GoogleAppsScript.Document.DocumentApp,
    ScriptApp: context.ScriptApp as GoogleAppsScript.Script.ScriptApp,
  };
}

export const OFFICER_HEADERS = ['Initials', 'Name', 'Job title', 'Email', 'Directorate'];
export const HISTORY_HEADERS = ['When', 'Who', 'Ref', 'Field', 'Old value', 'New value'];
export const DATE_KEYS: readonly ColumnKey[] = ['dueDate', 'revisedDueDate', 'lastUpdated', 'completedOn'];
export const PAPER_COLUMNS: readonly ColumnKey[] = [
  'ref',
  'kloe',
  'recommendation',
  'action',
  'timescale',
  'lead',
  'progress',
  'status',
];

export function sheetNamed(g: NaiveGlobals, name: string): GoogleAppsScript.Spreadsheet.Sheet {
  const ss = g.SpreadsheetApp.getActiveSpreadsheet();
  return ss.getSheetByName(name) ?? ss.insertSheet(name);
}

/** Makes row `row` exist, one insertRowAfter at a time, as a loop that writes past the end does. */
function ensureRow(sheet: GoogleAppsScript.Spreadsheet.Sheet, row: number): void {
  while (sheet.getMaxRows() < row) sheet.insertRowAfter(sheet.getMaxRows());
}

function writeHeaders(sheet: GoogleAppsScript.Spreadsheet.Sheet, headers: readonly string[]): void {
  headers.forEach((header, i) => {
    const cell = sheet.getRange(1, i + 1);
    cell.setValue(header);
    cell.setFontWeight('bold');
  });
}

/** Set up: the same sheets, headers and settings; validation and date formats applied cell by cell. */
export function naiveSetUp(g: NaiveGlobals): void {
  const settings = sheetNamed(g, 'Settings');
  writeHeaders(settings, ['Setting', 'Value', 'About']);
  SETTING_ROWS.forEach((row, i) => {
    settings.getRange(i + 2, 1).setValue(row.label);
    settings.getRange(i + 2, 2).setValue(row.get(defaultSettings()));
    settings.getRange(i + 2, 3).setValue(row.note);
  });
  writeHeaders(sheetNamed(g, 'Officers'), OFFICER_HEADERS);
  writeHeaders(sheetNamed(g, 'History'), HISTORY_HEADERS);
  // Plain text where officers' text goes, as the register does: without it Sheets turns "June 2010" into a date.
  const paste = sheetNamed(g, 'Import');
  paste.getRange(1, 1, paste.getMaxRows(), paste.getMaxColumns()).setNumberFormat('@');
  const register = sheetNamed(g, 'Register');
  writeHeaders(
    register,
    REGISTER_COLUMNS.map((c) => c.header),
  );
  const column = (key: ColumnKey): number => REGISTER_COLUMNS.findIndex((c) => c.key === key) + 1;
  for (const key of TEXT_COLUMNS)
    register.getRange(2, column(key), register.getMaxRows() - 1, 1).setNumberFormat('@');
  const date = g.SpreadsheetApp.newDataValidation().requireDate().build();
  const labels = STATUS_KEYS.map((k) => defaultSettings().statuses[k].label);
  const status = g.SpreadsheetApp.newDataValidation().requireValueInList(labels, true).build();
  for (let row = 2; row <= register.getMaxRows(); row++) {
    for (const key of DATE_KEYS) {
      const cell = register.getRange(row, column(key));
      cell.setDataValidation(date);
      cell.setNumberFormat('dd mmm yyyy');
    }
    register.getRange(row, column('status')).setDataValidation(status);
  }
  g.ScriptApp.newTrigger('onEdit').forSpreadsheet(g.SpreadsheetApp.getActiveSpreadsheet()).onEdit().create();
}

export function defaultSettings(): Settings {
  return parseSettings(new Map()).settings;
}

/** Settings read one cell at a time. */
function readSettings(g: NaiveGlobals, timeZone: string): Settings {
  const sheet = sheetNamed(g, 'Settings');
  const pairs = new Map<string, SettingValue>();
  for (let row = 2; row <= sheet.getLastRow(); row++) {
    const label = cellText(sheet.getRange(row, 1).getValue());
    const value: unknown = sheet.getRange(row, 2).getValue();
    if (label === '') continue;
    if (Object.prototype.toString.call(value) === '[object Date]')
      pairs.set(label, toIsoDate(value as Date, timeZone));
    else pairs.set(label, typeof value === 'number' || typeof value === 'boolean' ? value : cellText(value));
  }
  return parseSettings(pairs).settings;
}

/** The Register's columns, found by reading the header one cell at a time. */
function registerColumns(sheet: GoogleAppsScript.Spreadsheet.Sheet): Partial<Record<ColumnKey, number>> {
  const header: string[] = [];
  for (let col = 1; col <= sheet.getLastColumn(); col++)
    header.push(cellText(sheet.getRange(1, col).getValue()));
  return matchRegisterColumns(header).columns;
}

/** Import: the pasted plan read cell by cell, each action written cell by cell, then a refresh. */
export function naiveImport(g: NaiveGlobals, today: IsoDate): void {
  const ss = g.SpreadsheetApp.getActiveSpreadsheet();
  const timeZone = ss.getSpreadsheetTimeZone();
  const source = sheetNamed(g, 'Import');
  const grid: string[][] = [];
  for (let row = 1; row <= source.getLastRow(); row++) {
    const cells: string[] = [];
    for (let col = 1; col <= source.getLastColumn(); col++)
      cells.push(cellText(source.getRange(row, col).getValue()));
    grid.push(cells);
  }
  const register = sheetNamed(g, 'Register');
  const columns = registerColumns(register);
  const existing: { id: string; ref: string; action: string }[] = [];
  for (let row = 2; row <= register.getLastRow(); row++) {
    const at = (key: ColumnKey): string =>
      columns[key] === undefined ? '' : cellText(register.getRange(row, columns[key] + 1).getValue());
    existing.push({ id: at('id'), ref: at('ref'), action: at('action') });
  }
  const result = importPlan(grid, { today, existing });
  const settings = readSettings(g, timeZone);
  let row = register.getLastRow();
  for (const { action: index } of result.changes.added) {
    const action = result.actions[index];
    row++;
    ensureRow(register, row);
    for (const [key, value] of registerCells(action, timeZone)) {
      if (columns[key] !== undefined) register.getRange(row, columns[key] + 1).setValue(value);
    }
    // Without the register's record, a naive script keeps the plan's completion in the Status label.
    if (action.closure !== null && columns.status !== undefined)
      register.getRange(row, columns.status + 1).setValue(settings.statuses[action.closure].label);
  }
  const report = sheetNamed(g, 'Import report');
  writeHeaders(report, ['Row', 'Problem', 'What was kept']);
  result.report.forEach((problem, i) => {
    ensureRow(report, i + 2);
    report.getRange(i + 2, 1).setValue(problem.row);
    report.getRange(i + 2, 2).setValue(problem.problem);
    report.getRange(i + 2, 3).setValue(problem.kept);
  });
  naiveRefresh(g, today);
}

export interface NaiveReading {
  readonly actions: Action[];
  readonly decisions: StatusDecision[];
  readonly settings: Settings;
}

/** Refresh: every cell of every action read with getValue; status, note and colour written per row. */
export function naiveRefresh(g: NaiveGlobals, today: IsoDate): NaiveReading {
  const ss = g.SpreadsheetApp.getActiveSpreadsheet();
  const timeZone = ss.getSpreadsheetTimeZone();
  const settings = readSettings(g, timeZone);
  const register = sheetNamed(g, 'Register');
  const columns = registerColumns(register);
  const width = register.getLastColumn();
  const actions: Action[] = [];
  const decisions: StatusDecision[] = [];
  const statusColumn = (columns.status ?? 0) + 1;
  for (let row = 2; row <= register.getLastRow(); row++) {
    const values: unknown[] = [];
    for (let col = 1; col <= width; col++) values.push(register.getRange(row, col).getValue());
    const cells = rowCells(values, columns, timeZone);
    if (!holdsAction(cells)) continue;
    const label = statusKeyOfLabel(cells.status ?? '', settings);
    const action = actionOf('', cells, label === 'completed' || label === 'closed' ? label : null);
    const decision = decideStatus(action, settings, today);
    const style = settings.statuses[decision.key];
    const cell = register.getRange(row, statusColumn);
    cell.setValue(style.label);
    cell.setNote(`Status is computed: ${decision.reason}`);
    cell.setBackground(style.background);
    actions.push(action);
    decisions.push(decision);
  }
  return { actions, decisions, settings };
}

function readOfficers(g: NaiveGlobals): Officer[] {
  const sheet = sheetNamed(g, 'Officers');
  const officers: Officer[] = [];
  for (let row = 2; row <= sheet.getLastRow(); row++) {
    const at = (col: number): string => cellText(sheet.getRange(row, col).getValue());
    officers.push({
      initials: at(1),
      name: at(2),
      jobTitle: at(3),
      email: at(4),
      directorate: at(5),
      reportsTo: '',
    });
  }
  return officers;
}

/**
 * The weekly emails: statuses refreshed as above, then one email per overdue or to-check action per lead
 * officer, each logged with appendRow, and a summary to the plan owner.
 */
export function naiveDigest(g: NaiveGlobals, today: IsoDate): void {
  const { actions, decisions, settings } = naiveRefresh(g, today);
  const index = officerIndex(readOfficers(g));
  const log = sheetNamed(g, 'Reminder log');
  const counts = { overdue: 0, check: 0 };
  actions.forEach((action, i) => {
    const { key, reason } = decisions[i];
    if (key !== 'overdue' && key !== 'check') return;
    counts[key]++;
    for (const officer of resolveLeads(action.lead, index).officers) {
      if (officer.email.trim() === '') continue;
      g.MailApp.sendEmail(
        officer.email,
        `${settings.statuses[key].label}: ${action.ref} ${action.action}`,
        `Dear ${officer.name},\n\n${action.ref} ${action.action}\n${reason}\n\nPlease update its progress.`,
      );
      log.appendRow([new Date(), action.ref, officer.email, 'sent']);
    }
  });
  sendOwnerSummary(g, settings, counts, log);
}

/** Both baselines end the weekly run the same way: the owner's counts, one email, one log row. */
export function sendOwnerSummary(
  g: NaiveGlobals,
  settings: Settings,
  counts: { readonly overdue: number; readonly check: number },
  log: GoogleAppsScript.Spreadsheet.Sheet,
): void {
  const owner = settings.ownerEmail.trim();
  if (owner === '') return;
  g.MailApp.sendEmail(
    owner,
    `${settings.planName}: ${counts.overdue} overdue, ${counts.check} to check`,
    `${counts.overdue} actions are overdue and ${counts.check} need their progress checked.`,
  );
  log.appendRow([new Date(), '', owner, 'sent']);
}

/** The paper: the register read cell by cell, the appendix table built row by row and cell by cell. */
export function naivePaper(g: NaiveGlobals, today: IsoDate): string {
  const ss = g.SpreadsheetApp.getActiveSpreadsheet();
  const timeZone = ss.getSpreadsheetTimeZone();
  const settings = readSettings(g, timeZone);
  const register = sheetNamed(g, 'Register');
  const columns = registerColumns(register);
  const doc = g.DocumentApp.create(`${settings.paperTitle} ${today}`);
  const body = doc.getBody();
  body.appendParagraph(settings.committee);
  body.appendParagraph(`Report of: ${settings.reportAuthor}`);
  body.appendParagraph(`Date: ${today}`);
  body.appendParagraph(settings.paperTitle);
  body.appendParagraph('Appendix 1: Action plan progress');
  const table = body.appendTable();
  const header = table.appendTableRow();
  for (const key of PAPER_COLUMNS)
    header.appendTableCell(REGISTER_COLUMNS.find((c) => c.key === key)?.header ?? key);
  const byLabel = new Map(STATUS_KEYS.map((k) => [settings.statuses[k].label, settings.statuses[k]]));
  for (let row = 2; row <= register.getLastRow(); row++) {
    const tableRow = table.appendTableRow();
    for (const key of PAPER_COLUMNS) {
      const text =
        columns[key] === undefined ? '' : cellText(register.getRange(row, columns[key] + 1).getValue());
      const cell = tableRow.appendTableCell(text);
      const style = key === 'status' ? byLabel.get(text) : undefined;
      if (style) cell.setBackgroundColor(style.background);
    }
  }
  body.appendParagraph('Key');
  const key = body.appendTable();
  for (const status of STATUS_KEYS) {
    const keyRow = key.appendTableRow();
    keyRow.appendTableCell('').setBackgroundColor(settings.statuses[status].background);
    keyRow.appendTableCell(settings.statuses[status].label);
  }
  doc.saveAndClose();
  return doc.getUrl();
}
