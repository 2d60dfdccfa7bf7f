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
import type { Identified, RecordedField, RowCells, Settled } from '../core/record';
import { isOwner } from '../core/extensions';
import { CHOSEN_IN_REGISTER, NO_SIGN_OFF, propose, signOffNote } from '../core/signoff';
import { cellText } from './cells';
import { UNNAMED_EDITOR, addedLine, appendHistory, deletedLine, linesOf } from './history';
import type { HistoryLine } from './history';
import { Ledger } from './extensions';
import { readNoChange } from './noChange';
import { RecordStore, rowCells } from './record';
import { SignOffLedger } from './signoff';
import { cellValue, refreshStatuses, runs, writeRuns } from './register';
import { reapplyStatusRules } from './setup';
import { SHEET } from './sheets';
import { Workbook } from './workbook';
import { whileHolding } from './locks';

/** How long an edit waits for another execution to finish with the register before leaving it to Refresh. */
const LOCK_WAIT_MS = 20_000;

/** Who made an edit: Google names only editors in the owner's domain (and the owner) to an installable trigger. */
function editorOf(e: { user?: GoogleAppsScript.Base.User }): string {
  const email = e.user?.getEmail().trim() ?? '';
  return email === '' ? UNNAMED_EDITOR : email;
}

/** Runs `work` under the document lock; when the lock cannot be had, the change is left for Refresh to find. */
function underLock(work: () => void): void {
  whileHolding(LockService.getDocumentLock(), LOCK_WAIT_MS, work, () =>
    console.warn('The register was busy: this edit will be recorded by the next Refresh.'),
  );
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
  const lastSheetRow = sheet.getLastRow();
  const allIds = sheet.getRange(2, columns.id + 1, Math.max(1, lastSheetRow - 1), 1).getValues();
  const heldElsewhere = new Set(
    allIds.flatMap((r, i) => (i + 2 >= firstRow && i + 2 <= lastRow ? [] : [cellText(r[0])])).filter(Boolean),
  );
  const written = writtenFields(
    columns,
    e.range.getColumn(),
    e.range.getColumn() + e.range.getNumColumns() - 1,
  );
  settleRows({ wb, sheet, columns, firstRow, block, heldElsewhere, written, who: editorOf(e) });
}

/** Rows of the Register whose cells changed, and who changed them. */
export interface RowsChanged {
  readonly wb: Workbook;
  readonly sheet: GoogleAppsScript.Spreadsheet.Sheet;
  /** 0-based column of each register field. */
  readonly columns: Partial<Record<ColumnKey, number>>;
  readonly firstRow: number;
  /** The rows' values as they stand after the change, from firstRow down. */
  readonly block: readonly (readonly unknown[])[];
  /** Action ids held by rows outside the block: a row inside holding one too is a copy. */
  readonly heldElsewhere: ReadonlySet<string>;
  /** The fields written (the columns of the edited block, or the cells My actions wrote). */
  readonly written: ReadonlySet<RecordedField>;
  /** Who made the change: History's Who, the Extensions and Sign-off ledgers' Who. */
  readonly who: string;
  /** The evidence of a completion proposed from My actions; Completed chosen in the sheet gives none. */
  readonly evidence?: string;
  /** The owner's comment on a completion they sign off from My actions. */
  readonly comment?: string;
  /** Lines History records with the change's own (a decision taken in My actions). */
  readonly history?: readonly HistoryLine[];
  /** Ids whose Status note is written again whatever changed (their sign-off state changed before this). */
  readonly renote?: ReadonlySet<string>;
}

/** What settling a row decided, for My actions to say what happened. */
export interface RowSettled {
  readonly row: number;
  readonly id: string;
  readonly proposed: boolean;
  readonly completed: boolean;
}

/**
 * Settles changed rows of the Register against the record, as the edit trigger does for an officer's edit and
 * My actions for the cells it wrote: History gets each change with its true old value and the person who made
 * it; stamps, counts, statuses and notes are written back; a revised due date goes into the Extensions ledger
 * and a completion that needs the owner into the Sign-off ledger. The caller holds the document lock. The
 * calls made depend on the rows changed, never on the size of the register.
 */
export function settleRows(change: RowsChanged): RowSettled[] {
  const { wb, columns, firstRow, block } = change;
  const idColumn = columns.id;
  if (idColumn === undefined) return [];
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
    heldElsewhere: change.heldElsewhere,
  });
  const batch: Batch = {
    change,
    record,
    ledger: Ledger.read(wb),
    signOffs: SignOffLedger.read(wb),
    noChange: readNoChange(wb),
    history: [...(change.history ?? [])],
    writes: new Map(),
    notes: new Map(),
    revisionNotes: new Map(),
  };
  const settled: RowSettled[] = [];
  for (const id of ids) {
    if (id.rewrite) put(batch, 'id', id.row, id.id);
    if (id.id !== '') settled.push(settleRow(batch, id, rows[id.row - firstRow].cells));
  }
  writeBatch(batch);
  return settled;
}

/** What settling a block gathers before it writes: one write per column run, per ledger and for History. */
interface Batch {
  readonly change: RowsChanged;
  readonly record: RecordStore;
  readonly ledger: Ledger;
  readonly signOffs: SignOffLedger;
  readonly noChange: ReadonlyMap<string, string>;
  readonly history: HistoryLine[];
  readonly writes: Map<ColumnKey, Map<number, unknown>>;
  readonly notes: Map<number, string>;
  readonly revisionNotes: Map<number, string>;
}

function put(batch: Batch, key: ColumnKey, row: number, value: unknown): void {
  if (!batch.writes.has(key)) batch.writes.set(key, new Map());
  batch.writes.get(key)?.set(row, value);
}

/** Settles one identified row: its writes, notes, History lines and ledger lines go into the batch. */
function settleRow(batch: Batch, id: Identified, cells: RowCells): RowSettled {
  const { change, record, ledger, signOffs } = batch;
  const { wb, who } = change;
  const entry = id.isNew ? null : record.get(id.id);
  const extensions = ledger.of({ id: id.id, ref: cells.ref ?? '' });
  const pendingBefore = signOffs.pending(id.id);
  const result = settle(id.id, cells, entry, {
    settings: wb.settings().settings,
    today: wb.today,
    written: change.written,
    live: true,
    ledger: { extensions, who },
    signOff: { who },
    noChangeOn: batch.noChange.get(id.id) ?? null,
  });
  if (result.extensions && result.extensions !== extensions) {
    ledger.update(extensions, result.extensions);
    batch.revisionNotes.set(id.row, revisionNote(result.extensions));
  } else if (change.renote?.has(id.id)) batch.revisionNotes.set(id.row, revisionNote(extensions));
  const completed = entry?.closure !== 'completed' && result.entry.closure === 'completed';
  batch.history.push(
    ...(entry === null ? [addedLine(id.id, cells)] : linesOf(id.id, cells.ref ?? '', result.changes)),
    ...recordSignOff(signOffs, { id: id.id, ref: cells.ref ?? '', result, completed }, change, wb.today),
  );
  for (const [field, value] of Object.entries(result.writes) as [RecordedField, string][]) {
    put(batch, field, id.row, cellValue(field, value, wb.timeZone));
  }
  const pendingNow = signOffs.pending(id.id);
  if (result.statusNote !== null || pendingNow !== pendingBefore || change.renote?.has(id.id)) {
    const computed = result.statusNote ?? `Status is computed: ${result.decision.reason}`;
    batch.notes.set(id.row, [signOffNote(pendingNow), computed].filter(Boolean).join('\n\n'));
  }
  record.put(result.entry);
  return { row: id.row, id: id.id, proposed: result.proposed, completed };
}

/** Writes what the batch gathered: cells by column runs, notes, the record, both ledgers, then History. */
function writeBatch(batch: Batch): void {
  const { sheet, columns, wb, who } = batch.change;
  for (const [key, cells] of batch.writes) {
    const column = columns[key];
    if (column !== undefined) writeRuns(sheet, column + 1, cells);
  }
  writeNotes(sheet, columns.status, batch.notes);
  writeNotes(sheet, columns.revisedDueDate, batch.revisionNotes);
  batch.record.save();
  batch.ledger.save();
  batch.signOffs.save();
  appendHistory(wb.ss, batch.history, who);
}

/**
 * The Sign-off ledger after one row settled: a completion that waits for the owner is proposed; an action
 * completed now closes the proposal that waited (signed off by the owner, or by no one when Settings ask for
 * no sign-off); a completion with evidence that needed no sign-off is kept with its evidence. Returns the
 * History lines.
 */
function recordSignOff(
  signOffs: SignOffLedger,
  row: { id: string; ref: string; result: Settled; completed: boolean },
  change: RowsChanged,
  today: string,
): HistoryLine[] {
  const { settings } = change.wb.settings();
  const pending = signOffs.pending(row.id);
  const line = (field: string, old: string, now: string): HistoryLine => ({
    ref: row.ref,
    field,
    old,
    new: now,
    id: row.id,
  });
  // Completed chosen again while a proposal waits: the proposal stands, with its evidence.
  if (row.result.proposed && pending !== null && change.evidence === undefined) return [];
  if (row.result.proposed || (row.completed && pending === null && change.evidence !== undefined)) {
    const evidence = change.evidence ?? CHOSEN_IN_REGISTER;
    const proposal = { actionId: row.id, ref: row.ref, who: change.who, when: today, evidence };
    const waiting = signOffs.of(row.id).filter((e) => e.state === 'awaiting');
    const { entry, replaced } = propose(proposal, signOffs.of(row.id), settings);
    replaced.forEach((r, i) => signOffs.replace(waiting[i], r));
    signOffs.add(entry);
    return [line(entry.state === 'awaiting' ? 'Completion proposed' : 'Completion evidence', '', evidence)];
  }
  if (row.completed && pending !== null) {
    const by = isOwner(change.who, settings) ? change.who.trim() : NO_SIGN_OFF;
    const comment = change.comment ?? '';
    signOffs.replace(pending, { ...pending, state: 'signedOff', decidedBy: by, decidedOn: today, comment });
    return [line('Completion signed off', pending.evidence, comment || 'Signed off')];
  }
  return [];
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
