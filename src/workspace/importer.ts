/**
 * Import plan: the adapter around the import core. It reads the register once through the workbook, asks the
 * core what the plan adds, updates and leaves, and applies that under the document lock: new actions where the
 * plan puts them, updated fields, their History lines "by import", their record and their ledger lines, the
 * plan's extra columns, and the Import report. Text is stored as plain text, exactly as written.
 */
import { fromIsoDate } from '../core/dates';
import { NO_EXTENSIONS, recordRevision } from '../core/extensions';
import { REGISTER_COLUMNS } from '../core/headers';
import type { ColumnKey } from '../core/headers';
import { CELL_LIMIT, importPlan, splitForCells } from '../core/import';
import type {
  ActionUpdate,
  ColumnMapping,
  ImportResult,
  ImportedAction,
  RegisterAction,
  ReportLine,
} from '../core/import';
import type { Closure } from '../core/model';
import { actionOf, holdsAction } from '../core/record';
import type { RecordEntry, RecordedField } from '../core/record';
import { plural } from '../core/text';
import { cellText } from './cells';
import { Ledger } from './extensions';
import { addedLine, appendHistory, historyValue } from './history';
import type { HistoryLine } from './history';
import { RecordStore, recordText, rowCells } from './record';
import { RegisterError, readRegisterGrid, refreshStatuses, requireColumns, runs } from './register';
import type { RegisterGrid } from './register';
import { addKloes } from './settings';
import { SHEET, appendRows, ensureSheet } from './sheets';
import { DATE_FORMAT, setUpRegister } from './setup';
import { Workbook } from './workbook';
import { whileHolding } from './locks';

export const IMPORT_REPORT_HEADERS = [
  'Row',
  'Column',
  'Problem',
  'What was kept',
  'Text as written',
] as const;
const MAPPING_PROPERTY = 'import.mapping';
const LOCK_WAIT_MS = 10_000;
const DATE_FIELDS: readonly ColumnKey[] = ['dueDate', 'revisedDueDate', 'lastUpdated', 'completedOn'];

export interface ImportOutcome {
  readonly added: number;
  readonly updated: number;
  readonly unchanged: number;
  /** "3 new, 2 updated, 7 unchanged" */
  readonly summary: string;
  readonly report: readonly ReportLine[];
  readonly layout: string;
}

/** What an import would do, read before it is done: the officer is told, then asked. */
export interface ImportPreview {
  readonly result: ImportResult;
  readonly existing: readonly RegisterAction[];
}

/** The mapping the officer gave for headers the import did not understand, remembered for next time. */
export function storedMapping(): ColumnMapping {
  try {
    const stored: unknown = JSON.parse(
      PropertiesService.getDocumentProperties().getProperty(MAPPING_PROPERTY) ?? '{}',
    );
    return typeof stored === 'object' && stored !== null ? (stored as ColumnMapping) : {};
  } catch {
    return {};
  }
}

export function rememberMapping(mapping: ColumnMapping): void {
  PropertiesService.getDocumentProperties().setProperty(MAPPING_PROPERTY, JSON.stringify(mapping));
}

/** The grid the officer pasted into the Import sheet, as displayed, so text stays as written. */
export function importSheetGrid(wb: Workbook): string[][] {
  return ensureSheet(wb.ss, SHEET.import, []).getDataRange().getDisplayValues();
}

/** What the plan would add, update and leave, against the register as it is now. */
export function previewImport(
  wb: Workbook,
  grid: string[][],
  mapping: ColumnMapping = storedMapping(),
): ImportPreview {
  if (!wb.ss.getSheetByName(SHEET.register)) setUpRegister(wb);
  const register = readRegisterGrid(wb);
  requireColumns(register);
  const record = wb.once('record', () => RecordStore.readAll(wb.ss, wb.today));
  const existing = registerActions(register, record, wb.timeZone);
  const result = importPlan(grid, { today: wb.today, existing, officers: wb.officers(), mapping });
  return { result, existing };
}

/**
 * Imports a plan given as a grid of cell texts, header row first, whatever it was read from (the Import sheet,
 * a Google Doc's tables): under the document lock, against the register as it is then, so a second import
 * running at the same time, or clicked twice, adds nothing twice.
 */
export function importGrid(
  wb: Workbook,
  grid: string[][],
  mapping: ColumnMapping = storedMapping(),
): ImportOutcome {
  return whileHolding(
    LockService.getDocumentLock(),
    LOCK_WAIT_MS,
    () => {
      wb.forget('register');
      wb.forget('record');
      const { result, existing } = previewImport(wb, grid, mapping);
      writeImportReport(wb.ss, result.report);
      if (result.error !== null) throw new RegisterError(result.error);
      applyImport(wb, result, existing);
      refreshStatuses(wb);
      return {
        added: result.changes.added.length,
        updated: new Set(result.changes.updates.map((u) => u.id)).size,
        unchanged: result.changes.unchanged.length,
        summary: result.changes.summary,
        report: result.report,
        layout: result.layout,
      };
    },
    () => {
      throw new RegisterError(
        'The register is busy with another import or edit: nothing was imported. Try again in a minute.',
      );
    },
  );
}

/** The register's actions as the re-import compares them, each with its stable id. */
function registerActions(register: RegisterGrid, record: RecordStore, timeZone: string): RegisterAction[] {
  const idColumn = register.columns.id;
  return register.values.slice(1).flatMap((row) => {
    const cells = rowCells(row, register.columns, timeZone);
    if (!holdsAction(cells)) return [];
    const id = idColumn === undefined ? '' : cellText(row[idColumn]);
    return [actionOf(id, cells, record.get(id)?.closure ?? null)];
  });
}

// ---------------------------------------------------------------------------------------------------------
// Applying the changes

interface Applying {
  readonly wb: Workbook;
  readonly result: ImportResult;
  readonly record: RecordStore;
  readonly ledger: Ledger;
  readonly who: string;
  readonly history: HistoryLine[];
}

function applyImport(wb: Workbook, result: ImportResult, existing: readonly RegisterAction[]): void {
  const applying: Applying = {
    wb,
    result,
    record: wb.once('record', () => RecordStore.readAll(wb.ss, wb.today)),
    ledger: Ledger.read(wb),
    who: `Import plan (${importer()})`,
    history: [],
  };
  const register = ensureImportColumns(wb, result);
  // The KLOE dropdown lists the new KLOEs before any row holds them.
  addKloes(
    wb.ss,
    wb.settings(),
    result.changes.added.map((n) => result.actions[n.action].kloe),
  );
  applyUpdates(applying, register);
  insertNewActions(applying, register, existing);
  applying.record.save();
  applying.ledger.save();
  appendHistory(wb.ss, applying.history, applying.who);
  wb.forget('register');
}

/** Columns the plan brings: Priority and Source where it has them, and its own extra columns by header. */
function ensureImportColumns(wb: Workbook, result: ImportResult): RegisterGrid {
  const register = readRegisterGrid(wb);
  const has = (key: 'priority' | 'source'): boolean => result.actions.some((a) => a[key].trim() !== '');
  const optional = REGISTER_COLUMNS.filter(
    (c) => c.optional && register.columns[c.key] === undefined && has(c.key as 'priority' | 'source'),
  ).map((c) => c.header);
  const header = (register.values[0] ?? []).map((h) => cellText(h));
  const extras = result.extraColumns.map((e) => e.header).filter((h) => !header.includes(h));
  const added = [...optional, ...extras];
  if (added.length === 0) return register;
  const { sheet } = register;
  const width = register.width;
  const missing = width + added.length - sheet.getMaxColumns();
  if (missing > 0) sheet.insertColumnsAfter(sheet.getMaxColumns(), missing);
  sheet.getRange(1, width + 1, 1, added.length).setValues([added]);
  sheet
    .getRange(2, width + 1, sheet.getMaxRows() - 1, added.length)
    .setNumberFormat('@')
    .setWrap(true);
  wb.forget('register');
  return readRegisterGrid(wb);
}

/** What an imported action puts in each register column, as the cell holds it. */
export function registerCells(
  action: ImportedAction,
  timeZone: string,
): [ColumnKey, string | number | Date][] {
  const date = (d: string | null): Date | string => (d ? fromIsoDate(d, timeZone) : '');
  return [
    ['ref', action.ref],
    ['source', action.source],
    ['kloe', action.kloe],
    ['recommendation', action.recommendation],
    ['action', action.action],
    ['priority', action.priority],
    ['timescale', action.timescale],
    ['dueDate', date(action.dueDate)],
    ['revisedDueDate', date(action.revisedDueDate)],
    ['extensionReason', action.extensionReason],
    ['lead', action.lead],
    ['progress', action.progress],
    // The plan's own "Progress to <date>" is when that progress was last updated.
    ['lastUpdated', date(action.progressDate)],
    ['completedOn', date(action.completedOn)],
    ['extensions', action.revisedDueDate ? 1 : 0],
  ];
}

/** The number formats of a register row: dates as dates, the count as a number, every other cell text. */
function rowFormats(register: RegisterGrid): string[] {
  const formats = new Array<string>(register.width).fill('@');
  for (const key of DATE_FIELDS) {
    const index = register.columns[key];
    if (index !== undefined) formats[index] = DATE_FORMAT;
  }
  if (register.columns.extensions !== undefined) formats[register.columns.extensions] = '0';
  return formats;
}

interface NewRow {
  readonly values: unknown[];
  readonly notes: string[];
}

/** One new action's row and notes; its id, record entry, History lines and ledger line are taken too. */
function newRow(applying: Applying, register: RegisterGrid, action: ImportedAction): NewRow {
  const { wb, record } = applying;
  const id = record.newId();
  const values: unknown[] = new Array(register.width).fill('');
  const notes = new Array<string>(register.width).fill('');
  const cells: Partial<Record<RecordedField, string>> = {};
  for (const [key, value] of registerCells(action, wb.timeZone)) {
    const index = register.columns[key];
    if (index === undefined) continue;
    const [first, ...rest] = typeof value === 'string' ? splitForCells(value) : [value];
    values[index] = first;
    // Sheets holds 50,000 characters a cell: the rest of a longer text is kept in the cell's note.
    if (rest.length > 0)
      notes[index] = `Continued from the cell (the text was too long for one): ${rest.join('')}`.slice(
        0,
        CELL_LIMIT,
      );
    if (key !== 'id') cells[key] = recordText(value, wb.timeZone);
  }
  if (register.columns.id !== undefined) values[register.columns.id] = id;
  applying.result.extraColumns.forEach((extra, i) => {
    const index = register.values[0]?.findIndex((h) => cellText(h) === extra.header) ?? -1;
    if (index >= 0) values[index] = action.extras[i] ?? '';
  });
  const unknown = action.leads?.unknown ?? [];
  if (unknown.length > 0 && register.columns.lead !== undefined) {
    notes[register.columns.lead] =
      `Not on the Officers sheet: ${unknown.join(', ')}. Add them there to send them digests.`;
  }
  const entry: RecordEntry = { id, cells, closure: action.closure, deleted: false };
  record.put(entry);
  applying.history.push(addedLine(id, cells));
  if (action.planStatus !== '') {
    applying.history.push({
      ref: action.ref,
      field: 'Status in the plan',
      old: '',
      new: action.planStatus,
      id,
    });
  }
  if (action.revisedDueDate !== null) ledgerLine(applying, id, cells, action.closure, action.revisedDueDate);
  return { values, notes };
}

/** A revised date in a plan was agreed before the register held it: approved by the import. */
function ledgerLine(
  applying: Applying,
  id: string,
  cells: Partial<Record<RecordedField, string>>,
  closure: Closure,
  to: string,
): void {
  const { entry } = recordRevision(
    {
      action: actionOf(id, { ...cells, revisedDueDate: '' }, closure),
      to,
      who: applying.who,
      when: applying.wb.today,
      reason: cells.extensionReason ?? '',
      origin: 'import',
    },
    NO_EXTENSIONS,
  );
  applying.ledger.append([entry]);
}

/**
 * New actions go where the plan puts them: after the register action they follow, else at the end. Blocks are
 * inserted from the bottom up, so each insertion leaves the rows above it where they were.
 */
function insertNewActions(
  applying: Applying,
  register: RegisterGrid,
  existing: readonly RegisterAction[],
): void {
  const { added } = applying.result.changes;
  if (added.length === 0) return;
  const rowOfId = registerRowsById(register);
  const lastRow = register.values.length;
  const blocks = new Map<number, NewRow[]>();
  for (const n of added) {
    const afterId = n.afterExisting === null ? null : (existing[n.afterExisting]?.id ?? null);
    const at = afterId === null ? (existing.length === 0 ? lastRow : 1) : (rowOfId.get(afterId) ?? lastRow);
    const row = newRow(applying, register, applying.result.actions[n.action]);
    blocks.set(at, [...(blocks.get(at) ?? []), row]);
  }
  const { sheet } = register;
  const formats = rowFormats(register);
  for (const at of [...blocks.keys()].sort((a, b) => b - a)) {
    const rows = blocks.get(at) ?? [];
    let start: number;
    if (at >= lastRow)
      start = appendRows(
        sheet,
        rows.map((r) => r.values),
        formats,
      );
    else {
      sheet.insertRowsAfter(at, rows.length);
      start = at + 1;
      const range = sheet.getRange(start, 1, rows.length, register.width);
      range.setNumberFormats(rows.map(() => [...formats]));
      range.setValues(rows.map((r) => r.values));
    }
    if (rows.some((r) => r.notes.some((n) => n !== ''))) {
      sheet.getRange(start, 1, rows.length, register.width).setNotes(rows.map((r) => r.notes));
    }
  }
}

function registerRowsById(register: RegisterGrid): Map<string, number> {
  const idColumn = register.columns.id;
  const rows = new Map<string, number>();
  if (idColumn === undefined) return rows;
  register.values.forEach((row, i) => {
    const id = cellText(row[idColumn]);
    if (i > 0 && id !== '') rows.set(id, i + 1);
  });
  return rows;
}

const UPDATE_COLUMN: Readonly<Record<Exclude<ActionUpdate['field'], 'closure'>, ColumnKey>> = {
  ref: 'ref',
  source: 'source',
  kloe: 'kloe',
  recommendation: 'recommendation',
  action: 'action',
  priority: 'priority',
  timescale: 'timescale',
  dueDate: 'dueDate',
  revisedDueDate: 'revisedDueDate',
  extensionReason: 'extensionReason',
  lead: 'lead',
  progress: 'progress',
};

/** Fields the plan changes in actions the register has: written column by column, recorded "by import". */
function applyUpdates(applying: Applying, register: RegisterGrid): void {
  const { updates } = applying.result.changes;
  if (updates.length === 0) return;
  const rowOfId = registerRowsById(register);
  const byColumn = new Map<ColumnKey, Map<number, unknown>>();
  const entries = new Map<string, RecordEntry>();
  for (const update of updates) {
    const row = rowOfId.get(update.id);
    const before = entries.get(update.id) ?? applying.record.get(update.id);
    if (row === undefined || before === null) continue;
    const entry = applyUpdate(applying, before, update, row, byColumn);
    entries.set(update.id, entry);
    if (update.field === 'revisedDueDate' && update.newValue !== '') {
      ledgerLine(applying, update.id, entry.cells, entry.closure, update.newValue);
    }
  }
  for (const entry of entries.values()) applying.record.put(entry);
  for (const [key, cells] of byColumn) {
    const column = register.columns[key];
    if (column === undefined) continue;
    for (const run of runs([...cells.keys()])) {
      register.sheet.getRange(run[0], column + 1, run.length, 1).setValues(run.map((r) => [cells.get(r)]));
    }
  }
}

function applyUpdate(
  applying: Applying,
  before: RecordEntry,
  update: ActionUpdate,
  row: number,
  byColumn: Map<ColumnKey, Map<number, unknown>>,
): RecordEntry {
  const ref = before.cells.ref ?? update.ref;
  if (update.field === 'closure') {
    const closure: Closure =
      update.newValue === 'completed' || update.newValue === 'closed' ? update.newValue : null;
    applying.history.push({
      ref,
      field: 'Status',
      old: update.oldValue,
      new: update.newValue,
      id: update.id,
    });
    return { ...before, closure };
  }
  const key = UPDATE_COLUMN[update.field];
  const value =
    DATE_FIELDS.includes(key) && update.newValue !== ''
      ? fromIsoDate(update.newValue, applying.wb.timeZone)
      : update.newValue;
  if (!byColumn.has(key)) byColumn.set(key, new Map());
  byColumn.get(key)?.set(row, value);
  applying.history.push({
    ref,
    field: REGISTER_COLUMNS.find((c) => c.key === key)?.header ?? key,
    old: historyValue(key as RecordedField, update.oldValue),
    new: historyValue(key as RecordedField, update.newValue),
    id: update.id,
  });
  return { ...before, cells: { ...before.cells, [key]: update.newValue } };
}

/** Who imported: the account that chose Import plan, when Google says. */
function importer(): string {
  try {
    return Session.getActiveUser().getEmail() || 'an editor Google did not name';
  } catch {
    return 'an editor Google did not name';
  }
}

/** The Import report sheet holds the latest import's report, one line each, every cell plain text. */
export function writeImportReport(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  report: readonly ReportLine[],
): void {
  const sheet = ensureSheet(ss, SHEET.importReport, IMPORT_REPORT_HEADERS);
  const last = sheet.getLastRow();
  if (last > 1) sheet.getRange(2, 1, last - 1, sheet.getLastColumn()).clearContent();
  const row = (p: ReportLine): string =>
    p.lastRow && p.lastRow !== p.row ? `${p.row}–${p.lastRow}` : String(p.row);
  appendRows(
    sheet,
    report.map((p) => [row(p), p.column ?? '', p.problem, p.kept, (p.text ?? '').slice(0, CELL_LIMIT)]),
    ['@', '@', '@', '@', '@'],
  );
}

/** The officer's summary of an import, for the dialog and the runner. */
export function describeImport(outcome: ImportOutcome): string[] {
  const lines = [`Imported: ${outcome.summary} (${outcome.layout}).`];
  if (outcome.report.length > 0) {
    lines.push(`${plural(outcome.report.length, 'row')} need a look: see the Import report sheet.`);
  }
  return lines;
}
