/**
 * The Register sheet: read once by header, each row known by its stable action id, its state read from the
 * record (never from a label), and Refresh, which settles every row against the record and writes the Status
 * column in one setValues.
 */
import { fromIsoDate } from '../core/dates';
import { describeMissing, matchRegisterColumns } from '../core/headers';
import type { ColumnKey, MissingColumn } from '../core/headers';
import type { Action, Closure, Settings } from '../core/model';
import {
  actionOf,
  changedFields,
  deletedActions,
  holdsAction,
  identify,
  settle,
  statusOfLabel,
} from '../core/record';
import type { RecordEntry, RecordedField, RowCells, Settled } from '../core/record';
import { foundRevisions, revisionNote } from '../core/extensions';
import type { ActionExtensions, ExtensionEntry } from '../core/extensions';
import { CHOSEN_IN_REGISTER, signOffNote } from '../core/signoff';
import type { SignOffEntry } from '../core/signoff';
import { decideStatus } from '../core/status';
import { cellText } from './cells';
import { FOUND_LATER, addedLine, appendHistory, deletedLine, linesOf } from './history';
import type { HistoryLine } from './history';
import { updateDashboard } from './dashboard';
import { Ledger } from './extensions';
import { readNoChange } from './noChange';
import { RecordStore, rowCells } from './record';
import { SignOffLedger } from './signoff';
import type { RegisterView } from './registerView';
import { reapplyStatusRules, statusRulesStale } from './setup';
import { SHEET } from './sheets';
import { Workbook } from './workbook';

/** The Register sheet as read once: its grid, where each column is, and the columns it lacks. */
export interface RegisterGrid {
  readonly sheet: GoogleAppsScript.Spreadsheet.Sheet;
  readonly values: unknown[][];
  /** 0-based column of each register field whose header is the register's own. */
  readonly columns: Partial<Record<ColumnKey, number>>;
  readonly missing: readonly MissingColumn[];
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

/** One getValues for the whole register; columns found by the register's own headers, never by position. */
export function readRegisterGrid(wb: Workbook): RegisterGrid {
  return wb.once('register', () => {
    const sheet = registerSheet(wb.ss);
    const values = sheet.getDataRange().getValues();
    const header = (values[0] ?? []).map((h) => cellText(h));
    const { columns, missing } = matchRegisterColumns(header);
    return { sheet, values, columns, missing, width: header.length };
  });
}

/**
 * Stops when a column the register reads is missing, naming it and the officer's header that looks like it:
 * a renamed Progress column is never read as "no progress".
 */
export function requireColumns(grid: RegisterGrid): void {
  const missing = grid.missing.filter((m) => m.key !== 'id');
  if (missing.length === 0) return;
  throw new RegisterError(
    [
      'The Register is missing columns it needs, so nothing was changed:',
      ...describeMissing(missing).map((line) => `• ${line}`),
      'Rename the headers back, or choose Action Plan → Set up or repair register to add the missing ones.',
    ].join('\n'),
  );
}

/** The closure a row shows when the record has never known it (a register older than its record). */
function closureOfLabel(label: string, settings: Settings): Closure {
  const key = statusOfLabel(label, settings);
  return key === 'completed' || key === 'closed' ? key : null;
}

export interface RegisterReading extends RegisterView {
  readonly grid: RegisterGrid;
  /** The Extensions ledger as read (and as this execution left it). */
  readonly ledger: readonly ExtensionEntry[];
  /** Per action, in the same order, the completion awaiting the owner's sign-off, if any. */
  readonly pendingSignOffs: readonly (SignOffEntry | null)[];
  /** Rows whose cells could not be fully read, each naming the row and the problem. */
  readonly problems: readonly string[];
}

interface RegisterRow {
  readonly row: number;
  readonly idCell: string;
  readonly cells: RowCells;
}

function registerRows(grid: RegisterGrid, timeZone: string): RegisterRow[] {
  const idColumn = grid.columns.id;
  return grid.values.slice(1).map((values, i) => ({
    row: i + 2,
    idCell: idColumn === undefined ? '' : cellText(values[idColumn]),
    cells: rowCells(values, grid.columns, timeZone),
  }));
}

function reading(
  wb: Workbook,
  grid: RegisterGrid,
  actions: { row: number; action: Action }[],
  problems: readonly string[],
  ledger: Ledger,
): RegisterReading {
  const { settings, problems: settingProblems } = wb.settings();
  const signOffs = SignOffLedger.read(wb);
  const noChange = readNoChange(wb);
  const confirmed = actions.map((a) => ({ ...a.action, noChangeOn: noChange.get(a.action.id) ?? null }));
  return {
    spreadsheet: wb.ss,
    grid,
    actions: confirmed,
    rows: actions.map((a) => a.row),
    decisions: confirmed.map((a) => decideStatus(a, settings, wb.today, ledger.of(a))),
    ledger: ledger.all(),
    pendingSignOffs: confirmed.map((a) => (a.id === '' ? null : signOffs.pending(a.id))),
    settings,
    officers: wb.officers(),
    today: wb.today,
    timeZone: wb.timeZone,
    url: `${wb.ss.getUrl()}#gid=${grid.sheet.getSheetId()}`,
    problems: [...settingProblems, ...wb.officersSheet().problems, ...problems],
  };
}

/** Reads the register without changing it (a fixed number of calls) and decides every status in memory. */
export function loadRegister(wb: Workbook = new Workbook()): RegisterReading {
  const grid = readRegisterGrid(wb);
  requireColumns(grid);
  const record = wb.once('record', () => RecordStore.readAll(wb.ss, wb.today));
  const { settings } = wb.settings();
  const problems: string[] = [];
  const actions = registerRows(grid, wb.timeZone)
    .filter((r) => holdsAction(r.cells))
    .map((r) => {
      const entry = record.get(r.idCell);
      const closure =
        entry && !entry.deleted ? entry.closure : closureOfLabel(r.cells.status ?? '', settings);
      return { row: r.row, action: actionOf(r.idCell, r.cells, closure, problems, `Row ${r.row}`) };
    });
  return reading(wb, grid, actions, problems, Ledger.read(wb));
}

/**
 * Refresh statuses: every row is settled against the record in one read of each. Changes no trigger recorded
 * (a failed trigger, another script, an API) go into History as found; deleted actions are recorded with their
 * last values; then the Status column is written in one setValues and one setNotes, the Action ID column only
 * when ids were given or moved, and the record in one write.
 */
export function refreshStatuses(wb: Workbook = new Workbook()): RegisterReading {
  const grid = readRegisterGrid(wb);
  requireColumns(grid);
  const { settings } = wb.settings();
  // Labels renamed while nothing was watching: the dropdown must take the new labels before they are written.
  if (statusRulesStale(settings, wb.documentProperties())) reapplyStatusRules(wb);
  const record = wb.once('record', () => RecordStore.readAll(wb.ss, wb.today));
  const ledger = Ledger.read(wb);
  const signOffs = SignOffLedger.read(wb);
  const noChange = readNoChange(wb);
  const rows = registerRows(grid, wb.timeZone);
  const ids = identify(rows, new Map(record.all().map((e) => [e.id, e])), () => record.newId(), {
    wholeRegister: true,
  });
  const idOf = new Map(ids.map((i) => [i.row, i]));
  ledger.append(revisionsFoundIn(rows, idOf, record, ledger, wb.today));
  const history: HistoryLine[] = [];
  const settled: { row: number; result: Settled }[] = [];
  const actions: { row: number; action: Action }[] = [];
  const problems: string[] = [];
  for (const r of rows) {
    const id = idOf.get(r.row);
    if (!id || id.id === '') continue;
    const entry = id.isNew ? null : record.get(id.id);
    const extensions = ledger.of({ id: id.id, ref: r.cells.ref ?? '' });
    const noChangeOn = noChange.get(id.id) ?? null;
    const result = settleFound(id.id, r.cells, entry, { settings, today: wb.today, extensions, noChangeOn });
    if (result.extensions && result.extensions !== extensions) ledger.update(extensions, result.extensions);
    if (entry === null) history.push(addedLine(id.id, r.cells));
    else history.push(...linesOf(id.id, r.cells.ref ?? '', result.changes));
    if (result.proposed) history.push(...proposalFound(signOffs, id.id, r.cells.ref ?? '', wb.today));
    if (entry === null || !sameEntry(entry, result.entry)) record.put(result.entry);
    settled.push({ row: r.row, result });
    actions.push({
      row: r.row,
      action: actionOf(id.id, result.entry.cells, result.entry.closure, problems, `Row ${r.row}`),
    });
  }
  signOffs.save();
  const present = new Set(ids.map((i) => i.id));
  for (const gone of deletedActions(new Map(record.all().map((e) => [e.id, e])), present)) {
    history.push(deletedLine(gone));
    record.put({ ...gone, deleted: true });
  }
  writeSettled(grid, settled, ids, wb.timeZone, ledger, (id) => signOffNote(signOffs.pending(id)));
  record.save();
  ledger.save();
  appendHistory(wb.ss, history, FOUND_LATER);
  wb.forget('register');
  const result = reading(wb, grid, actions, problems, ledger);
  return { ...result, statusChart: updateDashboard(wb, result).has('status') };
}

/**
 * Revised dates in rows the record shows unchanged that the ledger never held (a register older than its
 * ledger): recorded before any row is settled, so no status or count is decided without them.
 */
function revisionsFoundIn(
  rows: readonly RegisterRow[],
  idOf: ReadonlyMap<number, { id: string }>,
  record: RecordStore,
  ledger: Ledger,
  today: string,
): ExtensionEntry[] {
  const unchanged = rows.flatMap((r) => {
    const id = idOf.get(r.row)?.id ?? '';
    const entry = id === '' ? null : record.get(id);
    const revised = r.cells.revisedDueDate ?? '';
    if (revised === '' || (entry !== null && (entry.cells.revisedDueDate ?? '') !== revised)) return [];
    return [actionOf(id, r.cells, null)];
  });
  return foundRevisions(unchanged, ledger.byAction(), today);
}

/** True when the record need not be written: the same cells and the same decision. */
function sameEntry(a: RecordEntry, b: RecordEntry): boolean {
  return a.closure === b.closure && a.deleted === b.deleted && changedFields(a.cells, b.cells).length === 0;
}

/** Settles a row as found: the fields that differ from the record are what someone wrote, at a time unknown. */
function settleFound(
  id: string,
  cells: RowCells,
  entry: RecordEntry | null,
  found: { settings: Settings; today: string; extensions: ActionExtensions; noChangeOn: string | null },
): Settled {
  const { settings, today, extensions, noChangeOn } = found;
  const closure = entry?.closure ?? closureOfLabel(cells.status ?? '', settings);
  const base: RecordEntry = entry ?? {
    id,
    cells: { ...cells, status: cells.status ?? '' },
    closure,
    deleted: false,
  };
  const written = new Set(changedFields(base.cells, cells).map((c) => c.field));
  // Nobody knows who made a change found later: a completion found so waits for the owner's sign-off.
  return settle(id, cells, base, {
    settings,
    today,
    written,
    live: false,
    ledger: { extensions, who: '' },
    signOff: { who: '' },
    noChangeOn,
  });
}

/** A completion Refresh found (made while nothing was recording), proposed for sign-off; its History line. */
function proposalFound(signOffs: SignOffLedger, id: string, ref: string, today: string): HistoryLine[] {
  if (signOffs.pending(id) !== null) return [];
  signOffs.add({
    when: today,
    who: '',
    actionId: id,
    ref,
    evidence: CHOSEN_IN_REGISTER,
    state: 'awaiting',
    decidedBy: '',
    decidedOn: null,
    comment: '',
  });
  return [{ ref, field: 'Completion proposed', old: '', new: CHOSEN_IN_REGISTER, id }];
}

/**
 * Writes what settling decided: the Status column whole (values and notes, one call each) and, per other
 * column, one setValues per run of adjacent rows that changed.
 */
function writeSettled(
  grid: RegisterGrid,
  settled: readonly { row: number; result: Settled }[],
  ids: readonly { row: number; id: string; rewrite: boolean }[],
  timeZone: string,
  ledger: Ledger,
  /** What the Status note says first: a completion awaiting sign-off. */
  signOffNoteOf: (id: string) => string,
): void {
  const height = grid.values.length - 1;
  if (height <= 0) return;
  const { sheet, columns } = grid;
  const byColumn = new Map<ColumnKey, Map<number, unknown>>();
  const put = (key: ColumnKey, row: number, value: unknown): void => {
    if (!byColumn.has(key)) byColumn.set(key, new Map());
    byColumn.get(key)?.set(row, value);
  };
  for (const { row, result } of settled) {
    for (const [field, value] of Object.entries(result.writes) as [RecordedField, string][]) {
      if (field !== 'status') put(field, row, cellValue(field, value, timeZone));
    }
  }
  for (const id of ids) if (id.rewrite) put('id', id.row, id.id);
  for (const [key, cells] of byColumn) {
    const column = columns[key];
    if (column !== undefined) writeRuns(sheet, column + 1, cells);
  }
  const status = columns.status;
  if (status === undefined) return;
  const range = sheet.getRange(2, status + 1, height, 1);
  const values = grid.values.slice(1).map((r) => [r[status]]);
  const notes = range.getNotes().map((r) => [r[0] ?? '']);
  for (const { row, result } of settled) {
    values[row - 2][0] = result.entry.cells.status ?? '';
    const computed = `Status is computed: ${result.decision.reason}`;
    notes[row - 2][0] = [signOffNoteOf(result.id), computed].filter(Boolean).join('\n\n');
  }
  range.setValues(values);
  range.setNotes(notes);
  writeRevisionNotes(grid, settled, ledger);
}

/** The Revised due date cells' notes: what a waiting revised date still needs, blank otherwise. */
function writeRevisionNotes(
  grid: RegisterGrid,
  settled: readonly { row: number; result: Settled }[],
  ledger: Ledger,
): void {
  const column = grid.columns.revisedDueDate;
  const height = grid.values.length - 1;
  if (column === undefined || height <= 0) return;
  const range = grid.sheet.getRange(2, column + 1, height, 1);
  const notes = range.getNotes().map((r) => [r[0] ?? '']);
  let changed = false;
  for (const { row, result } of settled) {
    const note = revisionNote(ledger.of({ id: result.id, ref: result.entry.cells.ref ?? '' }));
    if (notes[row - 2][0] !== note) {
      notes[row - 2][0] = note;
      changed = true;
    }
  }
  if (changed) range.setNotes(notes);
}

/** A settled value as the register cell holds it: dates as Date cells, the extension count as a number. */
export function cellValue(field: RecordedField, value: string, timeZone: string): unknown {
  if (value === '') return '';
  if (field === 'lastUpdated' || field === 'completedOn' || field === 'dueDate' || field === 'revisedDueDate')
    return fromIsoDate(value, timeZone);
  if (field === 'extensions') return Number(value);
  return value;
}

/** Writes changed cells of one column, one setValues per run of adjacent rows. */
export function writeRuns(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  column: number,
  cells: ReadonlyMap<number, unknown>,
): void {
  for (const run of runs([...cells.keys()])) {
    sheet.getRange(run[0], column, run.length, 1).setValues(run.map((row) => [cells.get(row)]));
  }
}

/** Groups rows into runs of consecutive rows. */
export function runs(rows: readonly number[]): number[][] {
  const sorted = [...rows].sort((a, b) => a - b);
  const out: number[][] = [];
  for (const row of sorted) {
    const last = out[out.length - 1];
    if (last && last[last.length - 1] === row - 1) last.push(row);
    else out.push([row]);
  }
  return out;
}
