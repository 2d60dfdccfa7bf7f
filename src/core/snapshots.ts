/**
 * What each committee paper showed, kept only as far as the next paper compares with it: one row per action with
 * its status, the due date in force, its extensions and a fingerprint of its progress. The next paper reads the
 * last snapshot only, and tells from it what changed: completions, new overdue actions, the direction of travel
 * and the actions with no update this cycle.
 */
import { str as crc32 } from 'crc-32';
import type { IsoDate, Action, Settings, StatusKey } from './model';
import { STATUS_KEYS } from './model';
import { isIsoDate } from './dates';
import type { StatusDecision } from './status';
import { statusKeyOf } from './status';

export interface SnapshotRow {
  /** The day the paper was generated. */
  readonly paperDate: IsoDate;
  readonly actionId: string;
  readonly ref: string;
  readonly status: StatusKey;
  /** The due date in force when the paper was made. */
  readonly dueDate: IsoDate | null;
  /** Approved extensions when the paper was made. */
  readonly extensions: number;
  /** progressFingerprint of the progress text: tells a changed progress note without keeping its text. */
  readonly progress: string;
}

export interface Snapshot {
  readonly date: IsoDate;
  readonly rows: readonly SnapshotRow[];
}

/**
 * The Snapshots sheet's columns. Paper date and Due date in force are Date cells; Status holds the status key
 * ('overdue', 'check', 'inProgress', 'completed', 'closed'), so renaming a label changes no snapshot; Action id,
 * Ref and Progress fingerprint are text cells ('@'), since "1.10" must not become 1.1.
 */
export const SNAPSHOT_HEADERS = [
  'Paper date',
  'Action id',
  'Ref',
  'Status',
  'Due date in force',
  'Extensions',
  'Progress fingerprint',
] as const;

/** Progress as eight hex digits (CRC-32 of the text with its spacing squashed): equal text, equal fingerprint. */
export function progressFingerprint(progress: string): string {
  const text = progress.trim().replace(/\s+/g, ' ');
  return (crc32(text) >>> 0).toString(16).padStart(8, '0');
}

/**
 * What this paper shows, one row per action in register order (`extensionCounts` from the ledger, one per
 * action; the Extensions cell where not given). Rows with neither id nor ref are not kept in the sheet.
 */
export function buildSnapshot(
  actions: readonly Action[],
  decisions: readonly StatusDecision[],
  today: IsoDate,
  extensionCounts: readonly number[] = [],
): Snapshot {
  const rows = actions.map((action, i): SnapshotRow => ({
    paperDate: today,
    actionId: action.id,
    ref: action.ref,
    status: decisions[i].key,
    dueDate: decisions[i].dueDate,
    extensions: extensionCounts[i] ?? action.extensions,
    progress: progressFingerprint(action.progress),
  }));
  return { date: today, rows };
}

/** A snapshot row as Snapshots sheet cells, in SNAPSHOT_HEADERS order; dates as YYYY-MM-DD for the adapter to turn into Date cells. */
export function snapshotCells(row: SnapshotRow): (string | number)[] {
  return [row.paperDate, row.actionId, row.ref, row.status, row.dueDate ?? '', row.extensions, row.progress];
}

const HEADER_NAMES: Readonly<Record<keyof SnapshotRow, readonly string[]>> = {
  paperDate: ['paper date', 'date'],
  actionId: ['action id', 'id'],
  ref: ['ref'],
  status: ['status'],
  dueDate: ['due date in force', 'due date'],
  extensions: ['extensions'],
  progress: ['progress fingerprint'],
};

function statusOf(text: string, settings: Settings): StatusKey | null {
  return STATUS_KEYS.find((k) => k === text.trim()) ?? statusKeyOf(text, settings);
}

/**
 * Snapshots sheet rows (cells as text, dates as YYYY-MM-DD) as snapshot rows, columns found by header. Sheets
 * written before this layout (Date, Ref, Status with labels) are read too; rows with no date, no ref and no id,
 * or a status that is no status, are skipped.
 */
export function readSnapshotRows(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  settings: Settings,
): SnapshotRow[] {
  const names = header.map((h) => h.trim().toLowerCase());
  const column = (key: keyof SnapshotRow): number => names.findIndex((n) => HEADER_NAMES[key].includes(n));
  const at = (row: readonly string[], key: keyof SnapshotRow): string => {
    const i = column(key);
    return i < 0 ? '' : (row[i] ?? '').trim();
  };
  const out: SnapshotRow[] = [];
  for (const row of rows) {
    const paperDate = at(row, 'paperDate');
    const status = statusOf(at(row, 'status'), settings);
    const due = at(row, 'dueDate');
    const ref = at(row, 'ref');
    const actionId = at(row, 'actionId');
    if (!isIsoDate(paperDate) || status === null || (ref === '' && actionId === '')) continue;
    out.push({
      paperDate,
      actionId,
      ref,
      status,
      dueDate: isIsoDate(due) ? due : null,
      extensions: Number(at(row, 'extensions')) || 0,
      progress: at(row, 'progress'),
    });
  }
  return out;
}

/**
 * The last paper generated before `today`. A paper made again on the same day reports the same changes as the
 * first, so same-day rows are not "last". Within a paper a later row for the same action wins.
 */
export function lastSnapshot(rows: readonly SnapshotRow[], today: IsoDate): Snapshot | null {
  let date: IsoDate | null = null;
  for (const row of rows)
    if (row.paperDate < today && (date === null || row.paperDate > date)) date = row.paperDate;
  if (date === null) return null;
  const byAction = new Map<string, SnapshotRow>();
  for (const row of rows) if (row.paperDate === date) byAction.set(matchKey(row), row);
  return { date, rows: [...byAction.values()] };
}

/**
 * The rows the Snapshots sheet keeps once this paper is recorded: the last paper before today (a paper made again
 * today still compares with it) and today's. Older papers are dropped, so the sheet stays two papers long.
 */
export function snapshotRowsToKeep(existing: readonly SnapshotRow[], current: Snapshot): SnapshotRow[] {
  const previous = lastSnapshot(existing, current.date);
  const traceable = (row: SnapshotRow): boolean => row.actionId !== '' || row.ref !== '';
  return [...(previous?.rows ?? []), ...current.rows].filter(traceable);
}

function matchKey(row: { readonly actionId: string; readonly ref: string }): string {
  return row.actionId !== '' ? `id:${row.actionId}` : `ref:${row.ref}`;
}

// ---------------------------------------------------------------------------------------------------------
// Comparing with the last paper

export type Direction = 'better' | 'same' | 'worse' | 'new';

/**
 * Statuses from worst to best, for the direction of travel: overdue, check progress, in progress, closed (settled
 * without being done), completed.
 */
export const STATUS_ORDER: readonly StatusKey[] = ['overdue', 'check', 'inProgress', 'closed', 'completed'];

export const DIRECTION_LABELS: Readonly<Record<Direction, string>> = {
  better: 'Better',
  same: 'Same',
  worse: 'Worse',
  new: 'New',
};

export function directionOf(previous: StatusKey | null, current: StatusKey): Direction {
  if (previous === null) return 'new';
  const delta = STATUS_ORDER.indexOf(current) - STATUS_ORDER.indexOf(previous);
  return delta > 0 ? 'better' : delta < 0 ? 'worse' : 'same';
}

export interface ActionComparison {
  /** Its row in the last paper; null for an action new since (or every action when there is no last paper). */
  readonly previous: SnapshotRow | null;
  /** Null when there is no last paper to compare with. */
  readonly direction: Direction | null;
  /** Open, in the last paper, and its progress unchanged since. */
  readonly noUpdateThisCycle: boolean;
  /** New, or its status, due date in force, extensions or progress differ from the last paper. */
  readonly changed: boolean;
}

export interface PaperComparison {
  /** The last paper's date; null for the first paper. */
  readonly since: IsoDate | null;
  /** One per action, in register order. */
  readonly actions: readonly ActionComparison[];
  /** Refs completed now and not in the last paper, in register order. */
  readonly completed: readonly string[];
  /** Refs overdue now and not in the last paper (new actions included), in register order. */
  readonly becameOverdue: readonly string[];
  /** Refs of open actions whose progress is unchanged since the last paper, in register order. */
  readonly noUpdate: readonly string[];
}

const isOpen = (key: StatusKey): boolean => key !== 'completed' && key !== 'closed';

function compareOne(now: SnapshotRow, before: SnapshotRow | undefined, first: boolean): ActionComparison {
  if (first) return { previous: null, direction: null, noUpdateThisCycle: false, changed: true };
  if (before === undefined)
    return { previous: null, direction: 'new', noUpdateThisCycle: false, changed: true };
  const sameProgress = before.progress === now.progress;
  return {
    previous: before,
    direction: directionOf(before.status, now.status),
    noUpdateThisCycle: isOpen(now.status) && sameProgress,
    changed:
      before.status !== now.status ||
      before.dueDate !== now.dueDate ||
      before.extensions !== now.extensions ||
      !sameProgress,
  };
}

/** This paper against the last: actions matched by id, or by ref where either side has no id. */
export function comparePapers(current: Snapshot, previous: Snapshot | null): PaperComparison {
  const byId = new Map<string, SnapshotRow>();
  const byRef = new Map<string, SnapshotRow>();
  for (const row of previous?.rows ?? []) {
    if (row.actionId !== '') byId.set(row.actionId, row);
    if (row.ref !== '' && !byRef.has(row.ref)) byRef.set(row.ref, row);
  }
  const find = (row: SnapshotRow): SnapshotRow | undefined => {
    if (row.actionId === '' && row.ref === '') return undefined;
    const hit = row.actionId !== '' ? byId.get(row.actionId) : undefined;
    if (hit) return hit;
    const sameRef = row.ref !== '' ? byRef.get(row.ref) : undefined;
    return sameRef && (sameRef.actionId === '' || row.actionId === '') ? sameRef : undefined;
  };
  const actions = current.rows.map((row) => compareOne(row, find(row), previous === null));
  const refs = (test: (row: SnapshotRow, c: ActionComparison) => boolean): string[] =>
    previous === null ? [] : current.rows.filter((row, i) => test(row, actions[i])).map((row) => row.ref);
  return {
    since: previous?.date ?? null,
    actions,
    completed: refs((row, c) => row.status === 'completed' && c.previous?.status !== 'completed'),
    becameOverdue: refs((row, c) => row.status === 'overdue' && c.previous?.status !== 'overdue'),
    noUpdate: refs((_, c) => c.noUpdateThisCycle),
  };
}
