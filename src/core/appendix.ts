/**
 * Appendix 1's progress report (seed 000's layout with what committees add): grouped by KLOE and recommendation,
 * with Priority, Original and Revised due dates and Source where the register has them, progress to the paper's
 * date, the coloured status and the direction of travel since the last paper. When the paper would not fit in a
 * Google Doc, settled actions are listed in one line each, then unchanged progress is cut short, then the least
 * urgent actions are left to the register; the appendix says so.
 */
import type { RegisterFacts } from './committee';
import { oneLine } from './committee';
import { daysBetween, formatShortUk } from './dates';
import type { ActionExtensions } from './extensions';
import type { Action, IsoDate, Officer, Settings, StatusKey } from './model';
import type { AppendixRow, AppendixTable, GlossaryEntry } from './outline';
import { resolveLeads, splitLead } from './officers';
import { rowsSize, tableFrameSize, tableSize } from './paperSize';
import { DIRECTION_LABELS } from './snapshots';
import type { StatusDecision } from './status';
import { plural } from './text';

/** What a progress cell keeps of an unchanged note when the paper must be shortened. */
export const SHORT_PROGRESS = 280;
/** What the one-line list keeps of an action's text. */
export const ONE_LINE_ACTION = 60;
export const NO_UPDATE_MARK = 'No update this cycle.';

/** The Lead cell with full names from Officers, in the order written; parts no officer matches kept as written. */
export function leadCell(lead: string, index: ReadonlyMap<string, Officer>): string {
  const names: string[] = [];
  for (const part of splitLead(lead)) {
    const officer = resolveLeads(part, index).officers[0];
    const name = officer ? officer.name || part : part;
    if (!names.includes(name)) names.push(name);
  }
  return names.join(', ');
}

/**
 * The recommendation with its number, as the plan numbers it: "3. Ensure broad involvement…". A recommendation
 * stored without one takes the number its actions' refs start with (3.1, 3.2 are recommendation 3's).
 */
export function numberedRecommendation(action: Action): string {
  const text = action.recommendation.trim();
  if (text === '' || /^(?:r(?:ec(?:c|ommendation)?)?\.?\s*)?\d{1,3}[.):]?(?:\s|$)/i.test(text)) return text;
  const number = /^(\d{1,3})\.\d+/.exec(action.ref.trim())?.[1];
  return number === undefined ? text : `${Number(number)}. ${text}`;
}

/** The KLOE & Rec. cell: the KLOE, then the numbered recommendation on its own line. */
export function kloeRecCell(action: Action): string {
  return [action.kloe.trim(), numberedRecommendation(action)].filter((p) => p !== '').join('\n');
}

const dateText = (d: string | null): string => (d === null ? '' : formatShortUk(d));

/** The Original due date cell: the date, and how late an open action is against it. */
export function originalCell(decision: StatusDecision, revised: boolean): string {
  const date = dateText(decision.originalDueDate);
  if (date === '' || decision.daysLateOriginal === 0) return date;
  return `${date}\n${plural(decision.daysLateOriginal, 'day')} late${revised ? ' against original' : ''}`;
}

/**
 * The Revised due date cell: the date in force with its extensions and, once it has passed on an open action, how
 * late against it; then a date awaiting a reason or approval.
 */
export function revisedCell(
  action: Action,
  decision: StatusDecision,
  extensions: ActionExtensions | null,
  today: IsoDate,
): string {
  const count = extensions === null ? action.extensions : extensions.approvedCount;
  const inForce =
    decision.dueDate !== null && decision.dueDate !== decision.originalDueDate ? decision.dueDate : null;
  const lines: string[] = [];
  if (inForce !== null) {
    lines.push(`${formatShortUk(inForce)}${count > 0 ? ` (${plural(count, 'extension')})` : ''}`);
    const open = decision.key !== 'completed' && decision.key !== 'closed';
    if (open && inForce < today) lines.push(`${plural(daysBetween(inForce, today), 'day')} late`);
  }
  if (decision.pendingDueDate !== null) {
    const waiting =
      extensions?.pending?.state === 'awaitingApproval' ? 'awaiting approval' : 'awaiting a reason';
    lines.push(`${formatShortUk(decision.pendingDueDate)} ${waiting}`);
  }
  return lines.join('\n');
}

interface Column {
  readonly header: string;
  readonly width: number;
  readonly cell: (i: number) => string;
}

/** Rows in the order of the plan: groups by KLOE and recommendation in order of their first action. */
function groupedOrder(actions: readonly Action[], indices: readonly number[]): number[] {
  const groups = new Map<string, number[]>();
  for (const a of actions) {
    const label = kloeRecCell(a);
    if (!groups.has(label)) groups.set(label, []);
  }
  for (const i of indices) groups.get(kloeRecCell(actions[i]))?.push(i);
  return [...groups.values()].flat();
}

/** How a row is written: its progress text, and whether it opens its KLOE/recommendation group. */
interface RowPlan {
  readonly progress: (i: number) => string;
  readonly firstOfGroup: (i: number) => boolean;
}

function progressColumns(facts: RegisterFacts, plan: RowPlan): Column[] {
  const { actions, decisions, settings } = facts;
  const some = (test: (i: number) => boolean): boolean => actions.some((_, i) => test(i));
  const revised = (i: number): boolean =>
    decisions[i].dueDate !== decisions[i].originalDueDate || decisions[i].pendingDueDate !== null;
  const columns: (Column | null)[] = [
    { header: 'KLOE & Rec.', width: 13, cell: (i) => (plan.firstOfGroup(i) ? kloeRecCell(actions[i]) : '') },
    // Room for "Ref" and "10.12" in bold 9-point type beside a cell's padding, on one line.
    { header: 'Ref', width: 6, cell: (i) => actions[i].ref },
    some((i) => actions[i].priority.trim() !== '')
      ? { header: 'Priority', width: 6, cell: (i) => actions[i].priority.trim() }
      : null,
    { header: 'Action', width: 18, cell: (i) => actions[i].action },
    { header: 'Timescale', width: 13, cell: (i) => actions[i].timescale },
    some((i) => decisions[i].originalDueDate !== null)
      ? { header: 'Original due date', width: 10, cell: (i) => originalCell(decisions[i], revised(i)) }
      : null,
    some(revised)
      ? {
          header: 'Revised due date',
          width: 10,
          cell: (i) => revisedCell(actions[i], decisions[i], facts.extensions[i] ?? null, facts.today),
        }
      : null,
    { header: 'Lead', width: 9, cell: (i) => leadCell(actions[i].lead, facts.officers) },
    { header: `Progress to ${formatShortUk(facts.today)}`, width: 26, cell: plan.progress },
    { header: 'Status', width: 9, cell: (i) => settings.statuses[decisions[i].key].label },
    facts.comparison.since !== null
      ? { header: 'Direction of travel', width: 7, cell: (i) => directionCell(facts, i) }
      : null,
    some((i) => actions[i].source.trim() !== '')
      ? { header: 'Source', width: 8, cell: (i) => actions[i].source.trim() }
      : null,
  ];
  return columns.filter((c): c is Column => c !== null);
}

function directionCell(facts: RegisterFacts, i: number): string {
  const direction = facts.comparison.actions[i]?.direction;
  return direction ? DIRECTION_LABELS[direction] : '';
}

/** The progress cell: the note (cut short when asked), marked when unchanged since the last paper. */
export function progressText(facts: RegisterFacts, i: number, limit: number | null): string {
  const text = facts.actions[i].progress.trim();
  const cut =
    limit !== null && text.length > limit
      ? `${text.slice(0, limit).trimEnd()}… (in full in the register)`
      : text;
  return facts.comparison.actions[i]?.noUpdateThisCycle ? `${NO_UPDATE_MARK}\n${cut}`.trimEnd() : cut;
}

function progressTable(
  facts: RegisterFacts,
  indices: readonly number[],
  caption: string,
  shorten: ReadonlySet<number>,
): AppendixTable {
  const order = groupedOrder(facts.actions, indices);
  const first = new Set<number>();
  let last: string | null = null;
  for (const i of order) {
    const label = kloeRecCell(facts.actions[i]);
    if (label !== last) first.add(i);
    last = label;
  }
  const columns = progressColumns(facts, {
    progress: (i) => progressText(facts, i, shorten.has(i) ? SHORT_PROGRESS : null),
    firstOfGroup: (i) => first.has(i),
  });
  return {
    kind: 'progress',
    caption,
    header: columns.map((c) => c.header),
    rows: order.map((i): AppendixRow => ({
      cells: columns.map((c) => c.cell(i)),
      status: facts.decisions[i].key,
    })),
    widths: columns.map((c) => c.width),
    widthShare: 1,
    statusColumn: columns.findIndex((c) => c.header === 'Status'),
    empty: 'None.',
  };
}

function oneLineRow(facts: RegisterFacts, i: number): AppendixRow {
  const { key } = facts.decisions[i];
  const completedOn = facts.actions[i].completedOn;
  return {
    cells: [
      facts.actions[i].ref,
      oneLine(facts.actions[i].action, ONE_LINE_ACTION),
      key === 'closed'
        ? facts.settings.statuses.closed.label
        : completedOn === null
          ? ''
          : formatShortUk(completedOn),
    ],
    status: key,
  };
}

/** Settled actions, a line each: the last cell (completion date, or Closed) takes the status colour. */
function oneLineTable(facts: RegisterFacts, indices: readonly number[]): AppendixTable {
  return {
    kind: 'completedOneLine',
    caption:
      facts.comparison.since === null
        ? 'Completed and closed actions (one line each)'
        : 'Completed and closed actions unchanged since the last paper (one line each)',
    header: ['Ref', 'Action', 'Completed'],
    rows: indices.map((i) => oneLineRow(facts, i)),
    widths: [1, 12, 2],
    widthShare: 1,
    statusColumn: 2,
    empty: 'None.',
  };
}

export interface ProgressReport {
  readonly tables: readonly AppendixTable[];
  readonly notes: readonly string[];
  readonly oneLine: number;
  readonly progressShortened: number;
  readonly omitted: number;
}

const settled = (key: StatusKey): boolean => key === 'completed' || key === 'closed';

/** Most urgent first: the order in which actions keep their place when not all can be listed. */
const KEEP_ORDER: readonly StatusKey[] = ['overdue', 'check', 'inProgress', 'completed', 'closed'];

interface Selection {
  /** Listed in full (their progress cut short where `shorten` has them). */
  readonly full: readonly number[];
  /** Listed in one line each. */
  readonly brief: readonly number[];
  readonly shorten: ReadonlySet<number>;
}

function tablesOf(facts: RegisterFacts, s: Selection): AppendixTable[] {
  const isDone = (i: number): boolean => settled(facts.decisions[i].key);
  const tables = facts.settings.completedInOwnTable
    ? [
        progressTable(
          facts,
          s.full.filter((i) => !isDone(i)),
          'Actions not yet completed',
          s.shorten,
        ),
        progressTable(facts, s.full.filter(isDone), 'Completed actions', s.shorten),
      ]
    : [progressTable(facts, s.full, 'Progress report', s.shorten)];
  if (s.brief.length > 0) tables.push(oneLineTable(facts, s.brief));
  return tables;
}

const sizeOf = (tables: readonly AppendixTable[]): number => tables.reduce((n, t) => n + tableSize(t), 0);

/**
 * The progress tables within `budget` Docs index units: in full if they fit; else completed and closed actions
 * unchanged since the last paper in one line each; else unchanged progress cut short; else the least urgent
 * actions left to the register.
 */
export function progressReport(facts: RegisterFacts, budget: number): ProgressReport {
  const all = facts.actions.map((_, i) => i);
  // With no last paper to compare with, nothing counts as changed since it.
  const first = facts.comparison.since === null;
  const unchanged = (i: number): boolean => first || facts.comparison.actions[i]?.changed === false;
  const none = new Set<number>();
  const steps: Selection[] = [{ full: all, brief: [], shorten: none }];
  const brief = all.filter((i) => settled(facts.decisions[i].key) && unchanged(i));
  const briefSet = new Set(brief);
  const full = all.filter((i) => !briefSet.has(i));
  steps.push({ full, brief, shorten: none });
  const long = (i: number): boolean => facts.actions[i].progress.trim().length > SHORT_PROGRESS;
  steps.push({ full, brief, shorten: new Set(full.filter((i) => unchanged(i) && long(i))) });
  for (const step of steps) {
    const tables = tablesOf(facts, step);
    if (sizeOf(tables) <= budget) return report(tables, step, 0, first);
  }
  return omitting(facts, steps[steps.length - 1], budget);
}

/**
 * Keeps the most urgent rows that fit, changed ones first within a status (each measured as the first of its
 * group, so never under), then lists them in plan order.
 */
function omitting(facts: RegisterFacts, step: Selection, budget: number): ProgressReport {
  const columns = progressColumns(facts, {
    progress: (i) => progressText(facts, i, step.shorten.has(i) ? SHORT_PROGRESS : null),
    firstOfGroup: () => true,
  });
  const probe = tablesOf(facts, { full: [], brief: step.brief.slice(0, 1), shorten: step.shorten });
  let room = budget - probe.reduce((n, t) => n + tableFrameSize(t), 0);
  const rank = (i: number): number => KEEP_ORDER.indexOf(facts.decisions[i].key);
  const full: number[] = [];
  const unchanged = (i: number): number => (facts.comparison.actions[i]?.changed === false ? 1 : 0);
  const order = [...step.full].sort((a, b) => rank(a) - rank(b) || unchanged(a) - unchanged(b) || a - b);
  for (const i of order) {
    const size = rowsSize([{ cells: columns.map((c) => c.cell(i)), status: null }]);
    if (size > room) break;
    room -= size;
    full.push(i);
  }
  const brief: number[] = [];
  if (full.length === step.full.length) {
    for (const i of step.brief) {
      const size = rowsSize([oneLineRow(facts, i)]);
      if (size > room) break;
      room -= size;
      brief.push(i);
    }
  }
  const kept: Selection = { full: full.sort((a, b) => a - b), brief, shorten: step.shorten };
  const omitted = step.full.length + step.brief.length - full.length - brief.length;
  return report(tablesOf(facts, kept), kept, omitted, facts.comparison.since === null);
}

function report(tables: AppendixTable[], s: Selection, omitted: number, first: boolean): ProgressReport {
  const since = first ? '' : ' unchanged since the last paper';
  const shortened = s.full.filter((i) => s.shorten.has(i)).length;
  const parts: string[] = [];
  if (s.brief.length > 0) {
    const n = s.brief.length;
    parts.push(
      `${plural(n, 'completed or closed action', 'completed or closed actions')}${since} ` +
        `${n === 1 ? 'is' : 'are'} listed in one line each`,
    );
  }
  if (shortened > 0) {
    parts.push(`the progress notes of ${plural(shortened, 'action')}${since} are shortened`);
  }
  if (omitted > 0)
    parts.push(`${plural(omitted, 'less urgent action')} ${omitted === 1 ? 'is' : 'are'} not listed`);
  const notes =
    parts.length === 0
      ? []
      : [
          `To keep this paper within the size a Google Doc can hold, ${joinParts(parts)}. Open actions and ` +
            'actions that changed since the last paper are listed in full first; the register holds every action.',
        ];
  return { tables, notes, oneLine: s.brief.length, progressShortened: shortened, omitted };
}

function joinParts(parts: readonly string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

// ---------------------------------------------------------------------------------------------------------
// The key and the glossary

/** The key of seed 000: the four statuses, and Closed only when the paper shows a closed action. */
export function keyStatuses(decisions: readonly StatusDecision[]): StatusKey[] {
  const keys: StatusKey[] = ['overdue', 'check', 'inProgress', 'completed'];
  if (decisions.some((d) => d.key === 'closed')) keys.push('closed');
  return keys;
}

export function keyTable(keys: readonly StatusKey[], settings: Settings): AppendixTable {
  return {
    kind: 'key',
    caption: 'Key',
    header: ['', 'Action Status'],
    rows: keys.map((k) => ({ cells: ['', settings.statuses[k].label], status: k })),
    widths: [1, 7],
    widthShare: 0.35,
    statusColumn: 0,
    empty: '',
  };
}

/** Settings' glossary, one "CMT – Corporate Management Team" a line (dash, colon, equals or tab between). */
export function parseGlossary(text: string): GlossaryEntry[] {
  const entries: GlossaryEntry[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '') continue;
    const m = /^(.+?)\s*(?:\s[–—-]\s|\t|:|=)\s*(.+)$/.exec(line);
    entries.push(
      m ? { abbreviation: m[1].trim(), meaning: m[2].trim() } : { abbreviation: line, meaning: '' },
    );
  }
  return entries;
}

/** The glossary as the paper shows it: a heading, then a two-column table. */
export function glossaryTable(entries: readonly GlossaryEntry[]): AppendixTable {
  return {
    kind: 'glossary',
    caption: 'Glossary',
    header: ['Abbreviation', 'Meaning'],
    rows: entries.map((e) => ({ cells: [e.abbreviation, e.meaning], status: null })),
    widths: [1, 4],
    widthShare: 0.6,
    statusColumn: -1,
    empty: '',
  };
}
