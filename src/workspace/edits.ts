/**
 * The installable edit and change triggers. An edit of the Register is settled row by row against the record:
 * History gets the true old value of every change, typed, pasted, filled down or cleared, and the register
 * writes back its stamps and statuses. Deleted rows are recorded from the change trigger. The calls made
 * depend on the edited block, never on the size of the register, and the document lock keeps two edits (or an
 * edit and a refresh) from interleaving their reads and writes.
 */
import { matchRegisterColumns } from '../core/headers';
import type { ColumnKey } from '../core/headers';
import { revisionNote } from '../core/extensions';
import { deletedActions, identify, settle } from '../core/record';
import type { RecordedField } from '../core/record';
import { cellText } from './cells';
import { UNNAMED_EDITOR, addedLine, appendHistory, deletedLine, linesOf } from './history';
import type { HistoryLine } from './history';
import { Ledger } from './extensions';
import { RecordStore, rowCells } from './record';
import { cellValue, refreshStatuses, runs, writeRuns } from './register';
import { reapplyStatusRules } from './setup';
import { SHEET } from './sheets';
import { Workbook } from './workbook';

/** How long an edit waits for another execution to finish with the register before leaving it to Refresh. */
const LOCK_WAIT_MS = 20_000;

/** Who made an edit: Google names only editors in the owner's domain (and the owner) to an installable trigger. */
function editorOf(e: { user?: GoogleAppsScript.Base.User }): string {
  const email = e.user?.getEmail().trim() ?? '';
  return email === '' ? UNNAMED_EDITOR : email;
}

/** Runs `work` under the document lock; when the lock cannot be had, the change is left for Refresh to find. */
function underLock(work: () => void): void {
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(LOCK_WAIT_MS)) {
    console.warn('The register was busy: this edit will be recorded by the next Refresh.');
    return;
  }
  try {
    work();
  } finally {
    lock.releaseLock();
  }
}

/** Installable onEdit of the spreadsheet: the Register's edits are recorded; Settings' labels relabel it. */
export function onRegisterEdit(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  const name = e.range.getSheet().getName();
  if (name === SHEET.register) underLock(() => recordEdit(e));
  else if (name === SHEET.settings) underLock(() => settingsEdited(e));
}

/** Installable onChange: rows deleted from the Register are recorded with their last values. */
export function onRegisterChange(e: GoogleAppsScript.Events.SheetsOnChange): void {
  if (e.changeType !== 'REMOVE_ROW') return;
  underLock(() => recordDeletions(new Workbook(e.source), editorOf(e)));
}

function recordEdit(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  const wb = new Workbook(e.source);
  const sheet = e.range.getSheet();
  const firstRow = Math.max(2, e.range.getRow());
  const lastRow = e.range.getRow() + e.range.getNumRows() - 1;
  if (lastRow < firstRow) return;
  const width = sheet.getLastColumn();
  const header = sheet
    .getRange(1, 1, 1, width)
    .getValues()[0]
    .map((h) => cellText(h));
  const { columns } = matchRegisterColumns(header);
  if (columns.id === undefined) return; // Set up or repair adds it; until then Refresh records what it finds.
  const block = sheet.getRange(firstRow, 1, lastRow - firstRow + 1, width).getValues();
  const idColumn = columns.id;
  const lastSheetRow = sheet.getLastRow();
  const allIds = sheet.getRange(2, idColumn + 1, Math.max(1, lastSheetRow - 1), 1).getValues();
  const heldElsewhere = new Set(
    allIds.flatMap((r, i) => (i + 2 >= firstRow && i + 2 <= lastRow ? [] : [cellText(r[0])])).filter(Boolean),
  );
  const rows = block.map((values, i) => ({
    row: firstRow + i,
    idCell: cellText(values[idColumn]),
    cells: rowCells(values, columns, wb.timeZone),
  }));
  const record = RecordStore.readIds(
    wb.ss,
    rows.map((r) => r.idCell),
    wb.today,
  );
  const ids = identify(rows, new Map(record.all().map((entry) => [entry.id, entry])), () => record.newId(), {
    wholeRegister: false,
    heldElsewhere,
  });
  const written = writtenFields(
    columns,
    e.range.getColumn(),
    e.range.getColumn() + e.range.getNumColumns() - 1,
  );
  const { settings } = wb.settings();
  const ledger = Ledger.read(wb);
  const who = editorOf(e);
  const history: HistoryLine[] = [];
  const writes = new Map<ColumnKey, Map<number, unknown>>();
  const notes = new Map<number, string>();
  const revisionNotes = new Map<number, string>();
  const put = (key: ColumnKey, row: number, value: unknown): void => {
    if (!writes.has(key)) writes.set(key, new Map());
    writes.get(key)?.set(row, value);
  };
  for (const id of ids) {
    if (id.rewrite) put('id', id.row, id.id);
    if (id.id === '') continue;
    const cells = rows[id.row - firstRow].cells;
    const entry = id.isNew ? null : record.get(id.id);
    const extensions = ledger.of({ id: id.id, ref: cells.ref ?? '' });
    const result = settle(id.id, cells, entry, {
      settings,
      today: wb.today,
      written,
      live: true,
      ledger: { extensions, who },
    });
    if (result.extensions && result.extensions !== extensions) {
      ledger.update(extensions, result.extensions);
      revisionNotes.set(id.row, revisionNote(result.extensions));
    }
    history.push(
      ...(entry === null ? [addedLine(id.id, cells)] : linesOf(id.id, cells.ref ?? '', result.changes)),
    );
    for (const [field, value] of Object.entries(result.writes) as [RecordedField, string][]) {
      put(field, id.row, cellValue(field, value, wb.timeZone));
    }
    if (result.statusNote !== null) notes.set(id.row, result.statusNote);
    record.put(result.entry);
  }
  for (const [key, cells] of writes) {
    const column = columns[key];
    if (column !== undefined) writeRuns(sheet, column + 1, cells);
  }
  writeNotes(sheet, columns.status, notes);
  writeNotes(sheet, columns.revisedDueDate, revisionNotes);
  record.save();
  ledger.save();
  appendHistory(wb.ss, history, who);
}

/** Notes of one column, one setNotes per run of adjacent rows. */
function writeNotes(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  column: number | undefined,
  notes: ReadonlyMap<number, string>,
): void {
  if (column === undefined) return;
  for (const run of runs([...notes.keys()])) {
    sheet.getRange(run[0], column + 1, run.length, 1).setNotes(run.map((row) => [notes.get(row) ?? '']));
  }
}

/** The register fields whose columns lie in the edited block. */
function writtenFields(
  columns: Partial<Record<ColumnKey, number>>,
  firstColumn: number,
  lastColumn: number,
): Set<RecordedField> {
  const fields = new Set<RecordedField>();
  for (const [key, index] of Object.entries(columns) as [ColumnKey, number][]) {
    if (key !== 'id' && index + 1 >= firstColumn && index + 1 <= lastColumn) fields.add(key);
  }
  return fields;
}

/** Rows gone from the Register: each deleted action gets a History line holding its last values. */
function recordDeletions(wb: Workbook, who: string): void {
  const sheet = wb.ss.getSheetByName(SHEET.register);
  if (!sheet) return;
  const width = sheet.getLastColumn();
  const header = sheet
    .getRange(1, 1, 1, Math.max(1, width))
    .getValues()[0]
    .map((h) => cellText(h));
  const idColumn = matchRegisterColumns(header).columns.id;
  if (idColumn === undefined) return;
  const last = sheet.getLastRow();
  const present = new Set(
    last < 2
      ? []
      : sheet
          .getRange(2, idColumn + 1, last - 1, 1)
          .getValues()
          .map((r) => cellText(r[0])),
  );
  const record = RecordStore.readAll(wb.ss, wb.today);
  const gone = deletedActions(new Map(record.all().map((entry) => [entry.id, entry])), present);
  for (const entry of gone) record.put({ ...entry, deleted: true });
  record.save();
  appendHistory(wb.ss, gone.map(deletedLine), who);
}

/** A status label or colour changed in Settings: the dropdown, the colours and every Status cell follow it. */
function settingsEdited(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  const sheet = e.range.getSheet();
  const labels = sheet
    .getRange(e.range.getRow(), 1, e.range.getNumRows(), 1)
    .getValues()
    .map((r) => cellText(r[0]));
  if (!labels.some((label) => / (label|colour)$/i.test(label))) return;
  const wb = new Workbook(e.source);
  reapplyStatusRules(wb);
  refreshStatuses(wb);
}
