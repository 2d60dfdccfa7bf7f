/**
 * What audit committees table besides the progress report: a summary of the plan by status, priority and
 * directorate with what changed since the last paper, the extensions to note or approve, and the actions past
 * the extension limit. Pure: built from one read of the register, the ledger and the last snapshot.
 */
import { addMonths, formatShortUk } from './dates';
import type { ActionExtensions, ExtensionEntry } from './extensions';
import { EXTENSION_STATE_LABELS, IMPORT_APPROVER, isPastLimit } from './extensions';
import type { Action, IsoDate, Officer, Settings, StatusKey } from './model';
import { STATUS_KEYS } from './model';
import { resolveLeads } from './officers';
import type { AppendixRow, AppendixTable } from './outline';
import type { PaperComparison } from './snapshots';
import type { StatusDecision } from './status';
import { plural } from './text';

/** Everything the paper knows about the register, one entry per action in register order. */
export interface RegisterFacts {
  readonly actions: readonly Action[];
  readonly decisions: readonly StatusDecision[];
  readonly extensions: readonly ActionExtensions[];
  readonly comparison: PaperComparison;
  /** officerIndex(officers) */
  readonly officers: ReadonlyMap<string, Officer>;
  readonly settings: Settings;
  readonly today: IsoDate;
}

export type StatusCounts = Readonly<Record<StatusKey, number>>;

export interface CountRow {
  readonly label: string;
  readonly counts: StatusCounts;
  readonly total: number;
}

export interface CommitteeSummary {
  readonly total: number;
  readonly byStatus: StatusCounts;
  /** In the order of Settings' priorities, then others as found; empty when no action has a priority. */
  readonly byPriority: readonly CountRow[];
  /** By the first lead's directorate (Officers), in order of first appearance; "(no directorate)" last. */
  readonly byDirectorate: readonly CountRow[];
  readonly since: IsoDate | null;
  readonly completedSince: readonly string[];
  readonly newlyOverdue: readonly string[];
  /** Open actions more than six calendar months past their original due date. */
  readonly over6Months: readonly string[];
  /** Open actions more than three and up to six months past their original due date. */
  readonly over3Months: readonly string[];
  readonly noUpdate: readonly string[];
  /** Entries recorded or decided since the last paper, or still waiting; imported and replaced ones left out. */
  readonly extensions: readonly ExtensionEntry[];
  /** Indices of actions with more approved extensions than Settings allow. */
  readonly pastLimit: readonly number[];
}

export const NO_PRIORITY = '(no priority)';
export const NO_DIRECTORATE = '(no directorate)';
/** Lists of refs in the summary stop after this many, saying how many more. */
export const REFS_SHOWN = 40;

const zero = (): Record<StatusKey, number> => ({
  overdue: 0,
  check: 0,
  inProgress: 0,
  completed: 0,
  closed: 0,
});
const isOpen = (key: StatusKey): boolean => key !== 'completed' && key !== 'closed';

/** Actions counted by status under the label each takes (`order` first), leaving out labels with none. */
export function countBy(
  facts: Pick<RegisterFacts, 'decisions'>,
  labelOf: (i: number) => string,
  order: readonly string[],
): CountRow[] {
  const rows = new Map<string, Record<StatusKey, number>>(order.map((label) => [label, zero()]));
  facts.decisions.forEach((d, i) => {
    const label = labelOf(i);
    const counts = rows.get(label) ?? zero();
    counts[d.key] += 1;
    rows.set(label, counts);
  });
  return [...rows]
    .map(([label, counts]) => ({ label, counts, total: STATUS_KEYS.reduce((n, k) => n + counts[k], 0) }))
    .filter((row) => row.total > 0);
}

function directorateOf(action: Action, officers: ReadonlyMap<string, Officer>): string {
  const lead = resolveLeads(action.lead, officers).officers[0];
  return lead?.directorate.trim() || NO_DIRECTORATE;
}

function priorityOrder(facts: RegisterFacts): string[] {
  const known = facts.settings.priorities.map((p) => p.trim()).filter((p) => p !== '');
  const lower = new Set(known.map((p) => p.toLowerCase()));
  const found = facts.actions
    .map((a) => a.priority.trim())
    .filter((p) => p !== '' && !lower.has(p.toLowerCase()));
  return [...known, ...new Set(found), NO_PRIORITY];
}

/** The priority as Settings spell it, whatever case the register uses. */
function priorityLabel(priority: string, order: readonly string[]): string {
  const text = priority.trim();
  if (text === '') return NO_PRIORITY;
  return order.find((p) => p.toLowerCase() === text.toLowerCase()) ?? text;
}

/** How late an open action is against its original due date, in calendar months. */
export type LateBand = 'under1' | 'over1' | 'over3' | 'over6';

/** The band of an open action past its original due date; null when it is not late, or closed or completed. */
export function lateBand(decision: StatusDecision, today: IsoDate): LateBand | null {
  const original = decision.originalDueDate;
  if (!isOpen(decision.key) || original === null || original >= today) return null;
  if (addMonths(original, 6) < today) return 'over6';
  if (addMonths(original, 3) < today) return 'over3';
  if (addMonths(original, 1) < today) return 'over1';
  return 'under1';
}

function overdueBands(facts: RegisterFacts): { over6: string[]; over3: string[] } {
  const over6: string[] = [];
  const over3: string[] = [];
  facts.decisions.forEach((d, i) => {
    const band = lateBand(d, facts.today);
    if (band === 'over6') over6.push(facts.actions[i].ref);
    else if (band === 'over3') over3.push(facts.actions[i].ref);
  });
  return { over6, over3 };
}

/** Entries recorded or decided since the last paper, and any still waiting (every entry for the first paper). */
function extensionsSince(facts: RegisterFacts): ExtensionEntry[] {
  const since = facts.comparison.since;
  const recent = (e: ExtensionEntry): boolean =>
    since === null ||
    e.when > since ||
    (e.decidedOn !== null && e.decidedOn > since) ||
    e.state === 'awaitingApproval' ||
    e.state === 'awaitingReason';
  return facts.extensions
    .flatMap((e) => e.entries)
    .filter((e) => e.approvedBy !== IMPORT_APPROVER && e.state !== 'returned' && recent(e));
}

export function committeeSummary(facts: RegisterFacts): CommitteeSummary {
  const byStatus = zero();
  for (const d of facts.decisions) byStatus[d.key] += 1;
  const priorities = priorityOrder(facts);
  const anyPriority = facts.actions.some((a) => a.priority.trim() !== '');
  const { over6, over3 } = overdueBands(facts);
  return {
    total: facts.decisions.length,
    byStatus,
    byPriority: anyPriority
      ? countBy(facts, (i) => priorityLabel(facts.actions[i].priority, priorities), priorities)
      : [],
    byDirectorate: sortNoneLast(countBy(facts, (i) => directorateOf(facts.actions[i], facts.officers), [])),
    since: facts.comparison.since,
    completedSince: facts.comparison.completed,
    newlyOverdue: facts.comparison.becameOverdue,
    over6Months: over6,
    over3Months: over3,
    noUpdate: facts.comparison.noUpdate,
    extensions: extensionsSince(facts),
    pastLimit: facts.extensions.flatMap((e, i) => (isPastLimit(e, facts.settings) ? [i] : [])),
  };
}

function sortNoneLast(rows: CountRow[]): CountRow[] {
  return [
    ...rows.filter((r) => r.label !== NO_DIRECTORATE),
    ...rows.filter((r) => r.label === NO_DIRECTORATE),
  ];
}

/** "3.1, 3.2 and 4.1"; past REFS_SHOWN, "… and 12 more". */
export function listRefs(refs: readonly string[], shown: number = REFS_SHOWN): string {
  if (refs.length > shown) return `${refs.slice(0, shown).join(', ')} and ${refs.length - shown} more`;
  if (refs.length <= 1) return refs.join('');
  return `${refs.slice(0, -1).join(', ')} and ${refs[refs.length - 1]}`;
}

/** One line of text, cut at `max` characters: for tables that list many actions briefly. */
export function oneLine(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

// ---------------------------------------------------------------------------------------------------------
// Tables

/** The statuses shown: the four of the key, and Closed when some action is closed. */
export function shownStatuses(counts: StatusCounts): StatusKey[] {
  return STATUS_KEYS.filter((k) => k !== 'closed' || counts.closed > 0);
}

function table(
  kind: AppendixTable['kind'],
  caption: string,
  header: readonly string[],
  rows: readonly AppendixRow[],
  layout: { widths: readonly number[]; widthShare: number; statusColumn?: number; empty?: string },
): AppendixTable {
  return {
    kind,
    caption,
    header,
    rows,
    widths: layout.widths,
    widthShare: layout.widthShare,
    statusColumn: layout.statusColumn ?? -1,
    empty: layout.empty ?? 'None.',
  };
}

function statusTable(summary: CommitteeSummary, settings: Settings): AppendixTable {
  const keys = shownStatuses(summary.byStatus);
  const rows: AppendixRow[] = keys.map((k) => ({
    cells: [settings.statuses[k].label, String(summary.byStatus[k])],
    status: k,
  }));
  rows.push({ cells: ['Total', String(summary.total)], status: null });
  return table('summary', 'Actions by status', ['Status', 'Actions'], rows, {
    widths: [4, 1],
    widthShare: 0.45,
    statusColumn: 0,
  });
}

function countTable(
  caption: string,
  first: string,
  rows: readonly CountRow[],
  summary: CommitteeSummary,
  settings: Settings,
): AppendixTable {
  const keys = shownStatuses(summary.byStatus);
  return table(
    'summary',
    caption,
    [first, ...keys.map((k) => settings.statuses[k].label), 'Total'],
    rows.map((row) => ({
      cells: [row.label, ...keys.map((k) => String(row.counts[k])), String(row.total)],
      status: null,
    })),
    { widths: [4, ...keys.map(() => 2), 1.2], widthShare: 1 },
  );
}

function changesTable(summary: CommitteeSummary, facts: RegisterFacts): AppendixTable {
  const { settings } = facts;
  const first = summary.since === null;
  const line = (measure: string, refs: readonly string[] | null): AppendixRow => ({
    cells: [
      measure,
      refs === null ? 'Not known' : String(refs.length),
      refs === null ? 'From the next paper.' : listRefs(refs),
    ],
    status: null,
  });
  const since = first ? 'since the last paper' : `since ${formatShortUk(summary.since as IsoDate)}`;
  const limit = settings.extensionLimit;
  return table(
    'summary',
    first
      ? 'Changes since the last paper'
      : `Changes since the last paper (${formatShortUk(summary.since as IsoDate)})`,
    ['Measure', 'Actions', 'Refs'],
    [
      line(`Completed ${since}`, first ? null : summary.completedSince),
      line(`Newly overdue ${since}`, first ? null : summary.newlyOverdue),
      line('Overdue more than 6 months against the original due date', summary.over6Months),
      line('Overdue more than 3 (up to 6) months against the original due date', summary.over3Months),
      line('Open with no update this cycle', first ? null : summary.noUpdate),
      line(
        `Past the limit of ${plural(limit, 'extension')}`,
        summary.pastLimit.map((i) => facts.actions[i].ref),
      ),
    ],
    { widths: [5, 1, 8], widthShare: 1 },
  );
}

/** The summary tables: by status, by priority (where the plan grades actions), by directorate, and the changes. */
export function summaryTables(summary: CommitteeSummary, facts: RegisterFacts): AppendixTable[] {
  const { settings } = facts;
  const tables = [statusTable(summary, settings)];
  if (summary.byPriority.length > 0) {
    tables.push(countTable('Actions by priority', 'Priority', summary.byPriority, summary, settings));
  }
  tables.push(countTable('Actions by directorate', 'Directorate', summary.byDirectorate, summary, settings));
  tables.push(changesTable(summary, facts));
  return tables;
}

/** "3 of 2 allowed: for the committee" — which extension of the action an entry is, against the limit. */
function extensionNumber(entry: ExtensionEntry, ext: ActionExtensions, settings: Settings): string {
  const approved = ext.entries.filter((e) => e.state === 'approved');
  const n = entry.state === 'approved' ? approved.indexOf(entry) + 1 : approved.length + 1;
  const text = `${n} of ${settings.extensionLimit} allowed`;
  return n > settings.extensionLimit && entry.state !== 'refused' ? `${text}: for the committee` : text;
}

const dateText = (d: IsoDate | null): string => (d === null ? '' : formatShortUk(d));

/** Extensions since the last paper, for the committee to note (approved, refused) or approve (awaiting). */
export function extensionsTable(summary: CommitteeSummary, facts: RegisterFacts): AppendixTable {
  const byKey = new Map<ExtensionEntry, number>();
  facts.extensions.forEach((ext, i) => ext.entries.forEach((e) => byKey.set(e, i)));
  const rows = summary.extensions.map((entry): AppendixRow => {
    const i = byKey.get(entry) ?? -1;
    const action = facts.actions[i];
    return {
      status: i >= 0 ? facts.decisions[i].key : null,
      cells: [
        entry.ref,
        oneLine(action?.action ?? '', 160),
        dateText(entry.from),
        dateText(entry.to),
        entry.reason,
        dateText(entry.when),
        EXTENSION_STATE_LABELS[entry.state],
        [entry.approvedBy, dateText(entry.decidedOn)].filter((p) => p !== '').join(', '),
        i >= 0 ? extensionNumber(entry, facts.extensions[i], facts.settings) : '',
        entry.minute,
      ],
    };
  });
  const caption =
    summary.since === null
      ? 'Extensions for the Committee to note or approve'
      : `Extensions since the last paper (${formatShortUk(summary.since)}) for the Committee to note or approve`;
  return table(
    'extensions',
    caption,
    ['Ref', 'Action', 'From', 'To', 'Reason', 'Entered on', 'State', 'Decided by', 'Extension', 'Minute'],
    rows,
    { widths: [4, 16, 7, 7, 18, 7, 8, 12, 9, 7], widthShare: 1, empty: 'No extensions were recorded.' },
  );
}

/** Actions with more approved extensions than Settings allow: the committee's to decide. */
export function pastLimitTable(
  summary: CommitteeSummary,
  facts: RegisterFacts,
  leadText: (i: number) => string,
): AppendixTable {
  const { settings } = facts;
  const rows = summary.pastLimit.map((i): AppendixRow => {
    const d = facts.decisions[i];
    return {
      status: d.key,
      cells: [
        facts.actions[i].ref,
        oneLine(facts.actions[i].action, 200),
        leadText(i),
        dateText(d.originalDueDate),
        dateText(d.dueDate),
        String(facts.extensions[i].approvedCount),
        d.daysLateOriginal > 0 ? plural(d.daysLateOriginal, 'day') : '',
        settings.statuses[d.key].label,
      ],
    };
  });
  return table(
    'pastLimit',
    `Actions extended more than ${plural(settings.extensionLimit, 'time')}, for the Committee`,
    [
      'Ref',
      'Action',
      'Lead',
      'Original due date',
      'Due date in force',
      'Extensions',
      'Late against original',
      'Status',
    ],
    rows,
    {
      widths: [4, 24, 10, 8, 8, 6, 8, 10],
      widthShare: 1,
      statusColumn: 7,
      empty: 'No action is past the limit.',
    },
  );
}
