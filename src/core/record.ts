/**
 * The register's record of every action: what it last knew of each one, keyed by the action's stable id, so
 * that every change is kept with its true old value, whoever or whatever made it (typing, a paste, a fill, a
 * deleted row, another script). Pure: the adapters read the Register and the hidden record sheet, and write
 * back what these functions decide.
 */
import { isIsoDate } from './dates';
import { REGISTER_COLUMNS } from './headers';
import type { ColumnKey } from './headers';
import type { Action, Closure, IsoDate, Settings, StatusKey } from './model';
import { BLANK_ACTION, STATUS_KEYS } from './model';
import { giveReason, isOwner, isWaiting, recordRevision, summariseExtensions } from './extensions';
import type { ActionExtensions, ExtensionEntry } from './extensions';
import { needsSignOff } from './signoff';
import { decideStatus } from './status';
import type { StatusDecision } from './status';

/** Every register field but the identity itself. */
export type RecordedField = Exclude<ColumnKey, 'id'>;

export const RECORDED_FIELDS: readonly RecordedField[] = REGISTER_COLUMNS.flatMap((c) =>
  c.key === 'id' ? [] : [c.key],
);

/** Fields the register computes: officers are warned before typing over them. */
export const COMPUTED_FIELDS: readonly RecordedField[] = [
  'status',
  'lastUpdated',
  'completedOn',
  'extensions',
];

/** Fields an officer writes: what identifies an action's content when rows have moved. */
export const WRITTEN_FIELDS: readonly RecordedField[] = RECORDED_FIELDS.filter(
  (f) => !COMPUTED_FIELDS.includes(f),
);

export const DATE_FIELDS: readonly RecordedField[] = [
  'dueDate',
  'revisedDueDate',
  'lastUpdated',
  'completedOn',
];

/**
 * A cell as the record compares it: text as written, a date as YYYY-MM-DD, a number as its digits, '' when
 * blank. The adapter makes these from cell values in one place.
 */
export type RowCells = Readonly<Partial<Record<RecordedField, string>>>;

/** What the record holds of one action. */
export interface RecordEntry {
  readonly id: string;
  readonly cells: RowCells;
  /** The officer's decision, kept by meaning: no label in a Status cell can change it. */
  readonly closure: Closure;
  readonly deleted: boolean;
}

export interface FieldChange {
  readonly field: RecordedField;
  readonly old: string;
  readonly new: string;
}

const cell = (cells: RowCells, field: RecordedField): string => cells[field] ?? '';

/** True when the row holds an action: a blank row between actions is not one. */
export function holdsAction(cells: RowCells): boolean {
  return cell(cells, 'action').trim() !== '' || cell(cells, 'ref').trim() !== '';
}

/** What an officer wrote in a row, as one string: equal strings mean the same content. */
export function fingerprint(cells: RowCells): string {
  return JSON.stringify(WRITTEN_FIELDS.map((f) => cell(cells, f)));
}

/** The fields whose cells differ, old from the record and new from the sheet. */
export function changedFields(
  before: RowCells,
  after: RowCells,
  fields: readonly RecordedField[] = RECORDED_FIELDS,
): FieldChange[] {
  return fields.flatMap((field) => {
    const old = cell(before, field);
    const now = cell(after, field);
    return old === now ? [] : [{ field, old, new: now }];
  });
}

/** The action a row's cells describe; a date cell that is not a date is named in `problems` and not used. */
export function actionOf(
  id: string,
  cells: RowCells,
  closure: Closure,
  problems: string[] = [],
  where = `Action ${id}`,
): Action {
  const text = (field: RecordedField): string => cell(cells, field).trim();
  const date = (field: RecordedField, label: string): IsoDate | null => {
    const value = text(field);
    if (value === '') return null;
    if (isIsoDate(value)) return value;
    problems.push(`${where}: ${label} "${value}" is not a date; it was left as written and not used.`);
    return null;
  };
  const extensions = Number(text('extensions') || 0);
  return {
    ...BLANK_ACTION,
    id,
    ref: text('ref'),
    source: text('source'),
    kloe: text('kloe'),
    recommendation: text('recommendation'),
    action: text('action'),
    priority: text('priority'),
    timescale: text('timescale'),
    dueDate: date('dueDate', 'Due date'),
    revisedDueDate: date('revisedDueDate', 'Revised due date'),
    extensionReason: text('extensionReason'),
    lead: text('lead'),
    progress: text('progress'),
    lastUpdated: date('lastUpdated', 'Last updated'),
    status: text('status'),
    closure,
    completedOn: date('completedOn', 'Completed on'),
    extensions: Number.isInteger(extensions) && extensions >= 0 ? extensions : 0,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Identity

export interface SheetRow {
  /** 1-based row of the Register. */
  readonly row: number;
  /** What the row's Action ID cell holds ('' for none). */
  readonly idCell: string;
  readonly cells: RowCells;
}

export interface Identified {
  readonly row: number;
  readonly id: string;
  /** The Action ID cell must be written: a new action, a copied row, or a row whose cells moved without it. */
  readonly rewrite: boolean;
  /** Not in the record before: a new action. */
  readonly isNew: boolean;
}

export interface IdentifyOptions {
  /**
   * The rows are the whole register, so content that moved away from its id (rows sorted or moved without the
   * hidden Action ID column) can be found by what it says. Never for a part of the register: an edited row
   * could take the id of an identical action outside the part.
   */
  readonly wholeRegister: boolean;
  /** Ids held by rows outside `rows`: a row inside holding one too is a copy. */
  readonly heldElsewhere?: ReadonlySet<string>;
}

/**
 * Which action each row is. A row keeps the id in its Action ID cell when the record knows it and no other row
 * has a better claim to it. A copied row (a second row with the same id) and a new row with content get a new
 * id. Blank rows get none.
 */
export function identify(
  rows: readonly SheetRow[],
  record: ReadonlyMap<string, RecordEntry>,
  newId: () => string,
  options: IdentifyOptions,
): Identified[] {
  const result = new Map<number, Identified>();
  const claimed = new Set<string>(options.heldElsewhere ?? []);
  const live = (id: string): RecordEntry | undefined => {
    const entry = record.get(id);
    return entry && !entry.deleted ? entry : undefined;
  };
  const take = (row: SheetRow, id: string): void => {
    claimed.add(id);
    result.set(row.row, { row: row.row, id, rewrite: row.idCell !== id, isNew: false });
  };
  // Unchanged rows first: they hold their id beyond doubt.
  for (const row of rows) {
    const entry = live(row.idCell);
    if (entry && !claimed.has(entry.id) && fingerprint(entry.cells) === fingerprint(row.cells))
      take(row, entry.id);
  }
  if (options.wholeRegister) {
    // Content that moved away from its id: found by what it says, when exactly one action says it.
    const byContent = new Map<string, string[]>();
    for (const entry of record.values()) {
      if (entry.deleted || claimed.has(entry.id) || !holdsAction(entry.cells)) continue;
      const key = fingerprint(entry.cells);
      byContent.set(key, [...(byContent.get(key) ?? []), entry.id]);
    }
    for (const row of rows) {
      if (result.has(row.row) || !holdsAction(row.cells)) continue;
      const ids = (byContent.get(fingerprint(row.cells)) ?? []).filter((id) => !claimed.has(id));
      if (ids.length === 1) take(row, ids[0]);
    }
  }
  // Changed rows keep their id; a second claim to one id is a copy.
  for (const row of rows) {
    if (result.has(row.row)) continue;
    const entry = live(row.idCell);
    if (entry && !claimed.has(entry.id)) take(row, entry.id);
  }
  for (const row of rows) {
    if (result.has(row.row)) continue;
    if (!holdsAction(row.cells)) {
      // A blank row: a stale id of an action that is elsewhere is cleared, nothing else is done.
      if (row.idCell !== '') result.set(row.row, { row: row.row, id: '', rewrite: true, isNew: false });
      continue;
    }
    const id = newId();
    claimed.add(id);
    result.set(row.row, { row: row.row, id, rewrite: true, isNew: true });
  }
  return rows.flatMap((row) => {
    const found = result.get(row.row);
    return found ? [found] : [];
  });
}

/** Actions the record holds that no row of the register holds any more: they were deleted. */
export function deletedActions(
  record: ReadonlyMap<string, RecordEntry>,
  present: ReadonlySet<string>,
): RecordEntry[] {
  return [...record.values()].filter((entry) => !entry.deleted && !present.has(entry.id));
}

/** The next id after the ones the record holds: ids are whole numbers as text, never reused. */
export function nextIdAfter(ids: Iterable<string>): () => string {
  let last = 0;
  for (const id of ids) {
    const n = Number(id);
    if (Number.isInteger(n) && n > last) last = n;
  }
  return () => String(++last);
}

// ---------------------------------------------------------------------------------------------------------
// Settling a row: what the register writes back and what History records

export interface SettleContext {
  readonly settings: Settings;
  readonly today: IsoDate;
  /** The fields an officer wrote in this edit (the columns of the edited block). */
  readonly written: ReadonlySet<RecordedField>;
  /**
   * An officer's edit as it happens: Last updated and Completed on are stamped with today. A change found later
   * (by Refresh) happened at a time nobody knows, so nothing is stamped for it.
   */
  readonly live: boolean;
  /** Labels the Status column showed before Settings renamed them: typed old labels still mean their status. */
  readonly previousLabels?: Readonly<Partial<Record<StatusKey, string>>>;
  /**
   * The action's extensions as the ledger holds them before this change, and who made the change. Without them
   * (a register without its ledger) a revised due date is counted as agreed.
   */
  readonly ledger?: { readonly extensions: ActionExtensions; readonly who: string };
  /**
   * Who made the change, when completion waits for the plan owner's sign-off: Completed chosen (or a Completed
   * on date entered) by anyone else, or found later by nobody knows whom, is then a proposal and completes
   * nothing. Without it a completion is immediate.
   */
  readonly signOff?: { readonly who: string };
  /** The day the lead last said "no change this week" (see Action.noChangeOn). */
  readonly noChangeOn?: IsoDate | null;
}

export interface Settled {
  readonly id: string;
  /** For History: each written field that changed, and the status when the officer's decision changed. */
  readonly changes: readonly FieldChange[];
  /** Cells the register writes back: stamps, counts and the computed status. */
  readonly writes: Readonly<Partial<Record<RecordedField, string>>>;
  /** The Status cell's note; null when the status needs no new note. */
  readonly statusNote: string | null;
  /** The revised due date moved to another date: one extension. */
  readonly extension: { readonly from: string; readonly to: string } | null;
  /**
   * The action's ledger after the change, when the context gave one: its earlier entries in the same order (an
   * entry the change replaced or gave a reason to, changed in place) and any new entry after them.
   */
  readonly extensions: ActionExtensions | null;
  /** What the record holds from now on. */
  readonly entry: RecordEntry;
  readonly decision: StatusDecision;
  /**
   * Completed was chosen (or Completed on entered) by someone whose completion waits for the owner: it was put
   * back, and the adapter records the proposal in the Sign-off ledger.
   */
  readonly proposed: boolean;
}

const normalLabel = (s: string): string => s.trim().toLowerCase().replace(/\s+/g, ' ');

/** The status a label typed into the Status cell means: today's labels first, then the labels before a rename. */
export function statusOfLabel(
  label: string,
  settings: Settings,
  previous: Readonly<Partial<Record<StatusKey, string>>> = {},
): StatusKey | null {
  const wanted = normalLabel(label);
  if (wanted === '') return null;
  return (
    STATUS_KEYS.find((k) => normalLabel(settings.statuses[k].label) === wanted) ??
    STATUS_KEYS.find((k) => normalLabel(previous[k] ?? '') === wanted) ??
    null
  );
}

interface Decided {
  readonly closure: Closure;
  readonly writes: Partial<Record<RecordedField, string>>;
  /** A label that is no status, or an open status chosen by hand: put back. */
  readonly refused: string | null;
  /** A completion that waits for the owner's sign-off: put back, and proposed. */
  readonly proposed: boolean;
}

/** The officer's decision after they typed into Completed on or Status; null for an unknown label. */
function decided(before: RowCells, after: RowCells, closure: Closure, context: SettleContext): Decided {
  const writes: Partial<Record<RecordedField, string>> = {};
  const waits = context.signOff !== undefined && needsSignOff(context.signOff.who, context.settings);
  let next = closure;
  let proposed = false;
  const completedOn = cell(after, 'completedOn');
  if (completedOn !== cell(before, 'completedOn')) {
    if (completedOn !== '' && next !== 'completed' && waits) {
      writes.completedOn = cell(before, 'completedOn');
      proposed = true;
    } else if (completedOn !== '') next = 'completed';
    else if (next === 'completed') next = null;
  }
  const typed = cell(after, 'status');
  if (typed === cell(before, 'status')) return { closure: next, writes, refused: null, proposed };
  const key = statusOfLabel(typed, context.settings, context.previousLabels);
  if (key === 'completed' && next !== 'completed' && waits) {
    proposed = true;
  } else if (key === 'completed' && next !== 'completed') {
    next = 'completed';
    if (completedOn === '' && context.live) writes.completedOn = context.today;
  } else if (key === 'closed') {
    next = 'closed';
  } else if (key !== null && key !== 'completed' && next !== null) {
    // Choosing an open status reopens a completed or closed action.
    next = null;
    if (completedOn !== '') writes.completedOn = '';
  } else if (key === null || key !== 'completed') {
    return { closure: next, writes, refused: typed, proposed };
  }
  return { closure: next, writes, refused: null, proposed };
}

/**
 * Settles one action after its row changed: compares the row with the record (the true old values), stamps
 * Last updated only when the progress text really changed, counts an extension only when the revised due date
 * moved to a different date, keeps a pasted Last updated, Completed on or Extensions, honours Completed and
 * Closed chosen by hand and puts any other hand-typed status back with a note. Pasting what the row already
 * holds changes nothing.
 */
export function settle(
  id: string,
  cells: RowCells,
  recorded: RecordEntry | null,
  context: SettleContext,
): Settled {
  const before: RowCells = recorded?.cells ?? {};
  const changes = changedFields(before, cells, WRITTEN_FIELDS);
  const typedOver = (field: RecordedField): boolean =>
    context.written.has(field) && cell(cells, field) !== cell(before, field);
  const writes: Partial<Record<RecordedField, string>> = {};

  // A computed column inside the edited block was pasted by the officer: what they pasted is kept.
  if (changes.some((c) => c.field === 'progress') && context.live && !context.written.has('lastUpdated'))
    writes.lastUpdated = context.today;
  const from = cell(before, 'revisedDueDate') || cell(before, 'dueDate');
  const to = cell(cells, 'revisedDueDate');
  // Back to the revised date already agreed (an undo, or a request the owner returned): no new extension.
  const backToAgreed =
    to !== '' && to !== cell(before, 'revisedDueDate') && to === context.ledger?.extensions.approvedDate;
  const extension =
    to !== '' && to !== cell(before, 'revisedDueDate') && isIsoDate(to) && to !== from && !backToAgreed
      ? { from, to }
      : null;
  const ledger = context.ledger ? ledgerAfter(id, cells, recorded, extension, backToAgreed, context) : null;
  if (!context.written.has('extensions')) {
    const count = ledger
      ? String(ledger.approvedCount)
      : extension
        ? String(Number(cell(before, 'extensions') || 0) + 1)
        : null;
    if (count !== null && count !== (cell(before, 'extensions') || '0')) writes.extensions = count;
  }
  for (const field of ['lastUpdated', 'extensions'] as const) {
    if (typedOver(field)) changes.push({ field, old: cell(before, field), new: cell(cells, field) });
  }

  const closureBefore = recorded?.closure ?? null;
  const decision = decided(before, cells, closureBefore, context);
  Object.assign(writes, decision.writes);
  // A Completed on date put back (a completion waiting for sign-off) did not change.
  const completedOn = decision.writes.completedOn ?? cell(cells, 'completedOn');
  if (
    cell(cells, 'completedOn') !== cell(before, 'completedOn') &&
    completedOn !== cell(before, 'completedOn')
  )
    changes.push({ field: 'completedOn', old: cell(before, 'completedOn'), new: cell(cells, 'completedOn') });
  const after: RowCells = { ...cells, ...writes };
  const action = { ...actionOf(id, after, decision.closure), noChangeOn: context.noChangeOn ?? null };
  const status = decideStatus(action, context.settings, context.today, ledger ?? undefined);
  const label = context.settings.statuses[status.key].label;
  if (decision.closure !== closureBefore) {
    changes.push({ field: 'status', old: recorded ? cell(before, 'status') : '', new: label });
  }
  let statusNote: string | null = null;
  if (cell(after, 'status') !== label || decision.refused !== null || decision.proposed) {
    writes.status = label;
    statusNote = `Status is computed: ${status.reason}` + putBack(decision, context.settings);
  }
  return {
    id,
    changes,
    writes,
    statusNote,
    extension,
    entry: { id, cells: { ...cells, ...writes }, closure: decision.closure, deleted: false },
    decision: status,
    extensions: ledger,
    proposed: decision.proposed,
  };
}

/** Why a hand-made choice was put back, for the Status cell's note; '' when nothing was. */
function putBack(decision: Decided, settings: Settings): string {
  const { completed, closed } = settings.statuses;
  if (decision.proposed) {
    return ` ${completed.label} was put back: the completion waits for the plan owner's sign-off.`;
  }
  if (decision.refused === null || decision.refused === '') return '';
  return ` "${decision.refused}" was put back: only ${completed.label} or ${closed.label} can be chosen by hand.`;
}

/** The action's ledger after the change: a new revised date recorded, or a reason given to the waiting one. */
function ledgerAfter(
  id: string,
  cells: RowCells,
  recorded: RecordEntry | null,
  extension: { from: string; to: string } | null,
  backToAgreed: boolean,
  context: SettleContext,
): ActionExtensions | null {
  if (!context.ledger) return null;
  const { extensions: before, who } = context.ledger;
  const action = actionOf(id, cells, recorded?.closure ?? null);
  if (backToAgreed && before.pending) {
    // The revised date that waited is given up: it is returned, as a newer date would return it.
    const waiting = before.pending;
    const returned: ExtensionEntry = { ...waiting, state: 'returned', decidedOn: context.today };
    return summariseExtensions(before.entries.map((e) => (e === waiting ? returned : e)));
  }
  if (extension) {
    const origin = context.live && isOwner(who, context.settings) ? 'owner' : 'officer';
    const { entry, replaced } = recordRevision(
      {
        action,
        to: extension.to,
        who: context.live ? who : '',
        when: context.today,
        reason: action.extensionReason,
        origin,
      },
      before,
    );
    const changed = new Map(replaced.map((e, i) => [before.entries.filter(isWaiting)[i], e]));
    return summariseExtensions([...before.entries.map((e) => changed.get(e) ?? e), entry]);
  }
  const reason = action.extensionReason;
  if (
    before.pending?.state === 'awaitingReason' &&
    reason !== '' &&
    reason !== (recorded?.cells.extensionReason ?? '')
  ) {
    const pending = before.pending;
    const given = giveReason(pending, reason, context.today, context.settings);
    return summariseExtensions(before.entries.map((e) => (e === pending ? given : e)));
  }
  return before;
}
