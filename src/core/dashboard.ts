/**
 * The Dashboard sheet's figures and where they go: actions by status, priority and KLOE; overdue actions by
 * directorate and by lead; how late open actions are against their original due date; extensions; and each
 * status at every paper taken (from the Paper log) and now. The committee summary's counts are reused, not
 * counted again. Laid out as tables an officer reads without the charts, with the charts' ranges and colours
 * beside them. Pure: the adapter reads the register and the Paper log once and writes what this returns.
 */
import { str as crc32 } from 'crc-32';
import type { CommitteeSummary, CountRow, LateBand, StatusCounts } from './committee';
import { committeeSummary, countBy, lateBand, oneLine, shownStatuses } from './committee';
import { formatShortUk, isIsoDate } from './dates';
import type { ActionExtensions, ExtensionEntry } from './extensions';
import type { Action, IsoDate, Officer, Settings, StatusKey } from './model';
import { STATUS_KEYS } from './model';
import { officerIndex, resolveLeads } from './officers';
import { extensionsFor } from './paper';
import type { StatusDecision } from './status';
import { plural } from './text';

/** The register after a refresh (a RegisterReading has this shape) and what each paper reported. */
export interface DashboardInput {
  readonly actions: readonly Action[];
  readonly decisions: readonly StatusDecision[];
  readonly officers: readonly Officer[];
  readonly settings: Settings;
  readonly today: IsoDate;
  /** The Extensions ledger; [] while the register keeps none. */
  readonly ledger: readonly ExtensionEntry[];
  /** What each paper reported, from the Paper log, in log order. */
  readonly papers: readonly PaperCounts[];
}

/** One paper's figures: the day it was made and its actions by status. */
export interface PaperCounts {
  readonly date: IsoDate;
  readonly counts: StatusCounts;
}

export interface LeadCount {
  /** The officer's name as the Officers sheet gives it, or the Lead cell's text where no officer matches. */
  readonly lead: string;
  readonly directorate: string;
  readonly overdue: number;
}

export interface AgeRow {
  readonly band: LateBand;
  readonly label: string;
  /** Overdue now. */
  readonly overdue: number;
  /** Every open action in the band, overdue or not (an extended action may be in progress). */
  readonly open: number;
}

export interface ExtensionFigures {
  /** Approved extensions of actions in the register. */
  readonly approved: number;
  /** Actions with at least one approved extension. */
  readonly actionsExtended: number;
  readonly awaitingReason: number;
  readonly awaitingApproval: number;
  readonly refused: number;
  /** Actions extended more times than Settings allow. */
  readonly pastLimit: number;
}

export interface TrendRow {
  readonly label: string;
  readonly date: IsoDate;
  /** True for the last row: the register now, rather than a paper. */
  readonly now: boolean;
  readonly counts: StatusCounts;
  readonly total: number;
}

export interface DashboardFigures {
  readonly today: IsoDate;
  /** The statuses shown: the four of the key, and Closed where an action is closed now or was at a paper. */
  readonly statuses: readonly StatusKey[];
  readonly summary: CommitteeSummary;
  readonly byKloe: readonly CountRow[];
  readonly overdueByLead: readonly LeadCount[];
  readonly ages: readonly AgeRow[];
  readonly extensions: ExtensionFigures;
  readonly trend: readonly TrendRow[];
}

export const NO_KLOE = '(no KLOE)';
export const NO_LEAD = '(no lead)';
/** The trend shows this many papers at most, the latest, and now. */
export const TREND_PAPERS = 12;
/** KLOE cells are cut to one line of this many characters: a KLOE is a heading, read in full in the Register. */
const KLOE_CHARACTERS = 100;

export const AGE_LABELS: Readonly<Record<LateBand, string>> = {
  under1: 'Under 1 month',
  over1: '1 to 3 months',
  over3: '3 to 6 months',
  over6: 'Over 6 months',
};
const AGE_ORDER: readonly LateBand[] = ['under1', 'over1', 'over3', 'over6'];

/** What the Paper log's count columns are headed, by meaning: a renamed label does not rename them. */
export const PAPER_COUNT_HEADERS: Readonly<Record<StatusKey, string>> = {
  overdue: 'Overdue',
  check: 'Check Progress',
  inProgress: 'In Progress',
  completed: 'Completed',
  closed: 'Closed',
};

/** The Paper log: every paper made, where it is, and its actions by status (the trend's history). */
export const PAPER_LOG_HEADERS: readonly string[] = [
  'When',
  'Paper',
  'Link',
  'PDF',
  'Made by',
  'Folder',
  ...STATUS_KEYS.map((k) => PAPER_COUNT_HEADERS[k]),
];

const zero = (): Record<StatusKey, number> => ({
  overdue: 0,
  check: 0,
  inProgress: 0,
  completed: 0,
  closed: 0,
});
const sum = (counts: StatusCounts): number => STATUS_KEYS.reduce((n, k) => n + counts[k], 0);

/** Statuses counted. */
export function statusCounts(keys: Iterable<StatusKey>): StatusCounts {
  const counts = zero();
  for (const key of keys) counts[key] += 1;
  return counts;
}

/** A paper's counts as Paper log cells, in PAPER_LOG_HEADERS order after Folder. */
export function paperCountCells(counts: StatusCounts): number[] {
  return STATUS_KEYS.map((k) => counts[k]);
}

/**
 * Paper log rows (cells as text, When as YYYY-MM-DD) as each paper's counts. Count columns are found by header;
 * a blank header where the log has its own count column counts as that column (a log made before the counts
 * were, whose header set-up has not yet repaired). Rows with no date or no counts (older papers) are skipped.
 */
export function readPaperCounts(
  header: readonly string[],
  rows: readonly (readonly string[])[],
): PaperCounts[] {
  const names = header.map((h) => h.trim().toLowerCase());
  const column = (name: string): number => {
    const found = names.indexOf(name.toLowerCase());
    const own = PAPER_LOG_HEADERS.indexOf(name);
    return found >= 0 ? found : (names[own] ?? '') === '' ? own : -1;
  };
  const when = column('When');
  const columns = STATUS_KEYS.map((k) => column(PAPER_COUNT_HEADERS[k]));
  const out: PaperCounts[] = [];
  for (const row of rows) {
    const date = (row[when] ?? '').trim();
    const cells = columns.map((c) => (c < 0 ? '' : (row[c] ?? '').trim()));
    if (!isIsoDate(date) || cells.every((c) => c === '')) continue;
    const numbers = cells.map((c) => (/^\d+$/.test(c) ? Number(c) : 0));
    const counts = zero();
    STATUS_KEYS.forEach((k, i) => (counts[k] = numbers[i]));
    out.push({ date, counts });
  }
  return out;
}

/**
 * The trend: the latest TREND_PAPERS papers made before today (the last of a day's papers standing for that
 * day), oldest first, then the register now. A paper made today shows as now: its figures are today's.
 */
export function trendRows(papers: readonly PaperCounts[], now: StatusCounts, today: IsoDate): TrendRow[] {
  const byDay = new Map<IsoDate, StatusCounts>();
  for (const paper of papers) if (paper.date < today) byDay.set(paper.date, paper.counts);
  const days = [...byDay.keys()].sort().slice(-TREND_PAPERS);
  const row = (date: IsoDate, counts: StatusCounts, isNow: boolean): TrendRow => ({
    label: isNow ? `Now (${formatShortUk(date)})` : formatShortUk(date),
    date,
    now: isNow,
    counts,
    total: sum(counts),
  });
  return [...days.map((d) => row(d, byDay.get(d) as StatusCounts, false)), row(today, now, true)];
}

/** Each lead of an overdue action with how many they lead: an action with several leads counts for each. */
function overdueByLead(input: DashboardInput, index: ReadonlyMap<string, Officer>): LeadCount[] {
  const leads = new Map<string, LeadCount>();
  const add = (lead: string, directorate: string): void => {
    const known = leads.get(lead);
    leads.set(lead, { lead, directorate, overdue: (known?.overdue ?? 0) + 1 });
  };
  input.decisions.forEach((d, i) => {
    if (d.key !== 'overdue') return;
    const { officers, unknown } = resolveLeads(input.actions[i].lead, index);
    for (const o of officers) add(o.name.trim() || o.initials.trim(), o.directorate.trim());
    for (const text of unknown) add(text, '');
    if (officers.length === 0 && unknown.length === 0) add(NO_LEAD, '');
  });
  return [...leads.values()].sort((a, b) => b.overdue - a.overdue || a.lead.localeCompare(b.lead));
}

function ages(input: DashboardInput): AgeRow[] {
  const rows = new Map(AGE_ORDER.map((band) => [band, { overdue: 0, open: 0 }]));
  for (const d of input.decisions) {
    const band = lateBand(d, input.today);
    const row = band === null ? undefined : rows.get(band);
    if (!row) continue;
    row.open += 1;
    if (d.key === 'overdue') row.overdue += 1;
  }
  return AGE_ORDER.map((band) => ({
    band,
    label: AGE_LABELS[band],
    ...(rows.get(band) ?? { overdue: 0, open: 0 }),
  }));
}

function extensionFigures(extensions: readonly ActionExtensions[], pastLimit: number): ExtensionFigures {
  const entries = extensions.flatMap((e) => e.entries);
  return {
    approved: extensions.reduce((n, e) => n + e.approvedCount, 0),
    actionsExtended: extensions.filter((e) => e.approvedCount > 0).length,
    awaitingReason: extensions.filter((e) => e.pending?.state === 'awaitingReason').length,
    awaitingApproval: extensions.filter((e) => e.pending?.state === 'awaitingApproval').length,
    refused: entries.filter((e) => e.state === 'refused').length,
    pastLimit,
  };
}

export function dashboardFigures(input: DashboardInput): DashboardFigures {
  const officers = officerIndex(input.officers);
  const extensions = extensionsFor(input);
  const summary = committeeSummary({
    actions: input.actions,
    decisions: input.decisions,
    extensions,
    comparison: { since: null, actions: [], completed: [], becameOverdue: [], noUpdate: [] },
    officers,
    settings: input.settings,
    today: input.today,
  });
  const trend = trendRows(input.papers, summary.byStatus, input.today);
  const closed = trend.some((row) => row.counts.closed > 0);
  return {
    today: input.today,
    statuses: closed ? STATUS_KEYS : shownStatuses(summary.byStatus),
    summary,
    byKloe: countBy(input, (i) => input.actions[i].kloe.trim() || NO_KLOE, []),
    overdueByLead: overdueByLead(input, officers),
    ages: ages(input),
    extensions: extensionFigures(extensions, summary.pastLimit.length),
    trend,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Layout

export type ChartKey = 'status' | 'trend' | 'directorate';
export type DashboardCell = string | number;

/** A chart on the Dashboard: what it draws (a block of the figures) and how, as the adapter builds it. */
export interface ChartPlan {
  readonly key: ChartKey;
  readonly type: 'COLUMN' | 'BAR';
  /** Each category's series stacked in one column: the trend, a column per paper. */
  readonly stacked: boolean;
  readonly title: string;
  /** 1-based: the block's header row and the rows and columns it draws (its first column is the domain). */
  readonly range: {
    readonly row: number;
    readonly column: number;
    readonly rows: number;
    readonly columns: number;
  };
  /** One per series, in order. */
  readonly colors: readonly string[];
  readonly legend: boolean;
  /** The cell its top left corner sits on: right of the figures, so it never covers them. */
  readonly anchor: { readonly row: number; readonly column: number };
}

export interface DashboardLayout {
  /** Rectangular: every row as wide as the widest table. */
  readonly values: readonly (readonly DashboardCell[])[];
  /** '@' for text, so a KLOE "1.10" stays as written, and '0' for counts. */
  readonly numberFormats: readonly (readonly string[])[];
  readonly fontWeights: readonly (readonly ('bold' | 'normal')[])[];
  /** Status headers in their status colours, other headers grey; null for none. */
  readonly backgrounds: readonly (readonly (string | null)[])[];
  readonly charts: readonly ChartPlan[];
  /** The formats (number formats, weights, backgrounds) as eight hex digits: equal formats, equal key. */
  readonly formatKey: string;
}

export const CHART_TITLES: Readonly<Record<ChartKey, string>> = {
  status: 'Actions by status',
  trend: 'Actions by status at each paper',
  directorate: 'Overdue actions by directorate',
};
/** The charts start in column I, right of the widest table (seven columns: a label, five statuses, Total). */
export const CHART_COLUMN = 9;
/** A chart is 371 pixels high (Sheets' default), under 18 rows of 21 pixels: one every 19 rows. */
const CHART_ROWS = 19;
const HEADER_GREY = '#eeeeee';
/** Top to bottom beside the figures. */
const CHART_ORDER: readonly ChartKey[] = ['status', 'trend', 'directorate'];

/** Where a chart of the register sits: one under another, right of the figures. */
export function chartAnchor(key: ChartKey): { row: number; column: number } {
  return { row: 1 + CHART_ORDER.indexOf(key) * CHART_ROWS, column: CHART_COLUMN };
}

interface Block {
  readonly title: string;
  readonly header: readonly string[];
  /** The status each header cell is coloured as, where it is one. */
  readonly headerStatuses?: readonly (StatusKey | null)[];
  readonly rows: readonly (readonly DashboardCell[])[];
  /** Shown when there are no rows. */
  readonly empty: string;
  readonly notes?: readonly string[];
  readonly chart?: Omit<ChartPlan, 'range' | 'anchor' | 'title'> & { readonly columns: number };
}

function countRows(rows: readonly CountRow[], statuses: readonly StatusKey[], label = (s: string) => s) {
  return rows.map((r) => [label(r.label), ...statuses.map((k) => r.counts[k]), r.total]);
}

function blocks(figures: DashboardFigures, settings: Settings): Block[] {
  const { statuses, summary } = figures;
  const labels = statuses.map((k) => settings.statuses[k].label);
  const colours = statuses.map((k) => settings.statuses[k].background);
  const byStatus = [null, ...statuses, null];
  const series = { colors: colours, legend: true, columns: 1 + statuses.length };
  const limit = settings.extensionLimit;
  const ext = figures.extensions;
  return [
    {
      title: 'Actions by status',
      header: ['Status', ...labels, 'Total'],
      headerStatuses: byStatus,
      rows: [['Actions', ...statuses.map((k) => summary.byStatus[k]), summary.total]],
      empty: '',
      chart: { key: 'status', type: 'COLUMN', stacked: false, ...series },
    },
    {
      title: 'Actions by priority',
      header: ['Priority', ...labels, 'Total'],
      headerStatuses: byStatus,
      rows: countRows(summary.byPriority, statuses),
      empty: 'The plan does not grade its actions by priority.',
    },
    {
      title: 'Actions by KLOE',
      header: ['KLOE', ...labels, 'Total'],
      headerStatuses: byStatus,
      rows: countRows(figures.byKloe, statuses, (s) => oneLine(s, KLOE_CHARACTERS)),
      empty: 'No actions yet.',
    },
    {
      title: 'Overdue actions by directorate',
      header: ['Directorate', 'Overdue', 'All actions'],
      headerStatuses: [null, 'overdue', null],
      rows: summary.byDirectorate.map((r) => [r.label, r.counts.overdue, r.total]),
      empty: 'No actions yet.',
      notes: ['By the directorate of the first lead (Officers sheet).'],
      chart: {
        key: 'directorate',
        type: 'BAR',
        stacked: false,
        colors: [settings.statuses.overdue.background],
        legend: false,
        columns: 2,
      },
    },
    {
      title: 'Overdue actions by lead',
      header: ['Lead', 'Directorate', 'Overdue'],
      headerStatuses: [null, null, 'overdue'],
      rows: figures.overdueByLead.map((l) => [l.lead, l.directorate, l.overdue]),
      empty: 'No action is overdue.',
      notes: ['An action with more than one lead counts once for each.'],
    },
    {
      title: 'Open actions past their original due date, by how late',
      header: ['Late against the original due date', 'Overdue', 'All open'],
      headerStatuses: [null, 'overdue', null],
      rows: [
        ...figures.ages.map((a) => [a.label, a.overdue, a.open]),
        ['Total', ...(['overdue', 'open'] as const).map((c) => figures.ages.reduce((n, a) => n + a[c], 0))],
      ],
      empty: '',
      notes: ['All open includes actions extended to a later date and not overdue against it.'],
    },
    {
      title: 'Extensions',
      header: ['Extensions', 'Number'],
      rows: [
        ['Extensions approved', ext.approved],
        ['Actions extended', ext.actionsExtended],
        ['Awaiting a reason', ext.awaitingReason],
        ['Awaiting approval', ext.awaitingApproval],
        ['Refused', ext.refused],
        [`Actions past the limit of ${plural(limit, 'extension')}`, ext.pastLimit],
      ],
      empty: '',
    },
    {
      title: 'Actions by status at each paper',
      header: ['Paper', ...labels, 'Total'],
      headerStatuses: byStatus,
      rows: figures.trend.map((t) => [t.label, ...statuses.map((k) => t.counts[k]), t.total]),
      empty: '',
      notes: [`The last ${TREND_PAPERS} papers at most, from the Paper log, and the register now.`],
      chart: { key: 'trend', type: 'COLUMN', stacked: true, ...series },
    },
  ];
}

/** The figures as one grid of cells with their formats, and the charts drawn from them. */
export function dashboardLayout(figures: DashboardFigures, settings: Settings): DashboardLayout {
  const all = blocks(figures, settings);
  const width = Math.max(...all.map((b) => b.header.length));
  const values: DashboardCell[][] = [];
  const formats: string[][] = [];
  const weights: ('bold' | 'normal')[][] = [];
  const backgrounds: (string | null)[][] = [];
  const add = (
    cells: readonly DashboardCell[],
    bold: boolean,
    fills: readonly (string | null)[] = [],
  ): void => {
    const row = [...cells, ...new Array<string>(width - cells.length).fill('')];
    values.push(row);
    formats.push(row.map((v) => (typeof v === 'number' ? '0' : '@')));
    weights.push(row.map(() => (bold ? 'bold' : 'normal')));
    backgrounds.push(row.map((_, i) => fills[i] ?? null));
  };
  add([`${settings.planName.trim() || 'Action plan'}: dashboard`], true);
  add(
    [
      `Figures as at ${formatShortUk(figures.today)}, made again by Refresh statuses, the weekly reminders and ` +
        'each paper. The charts are drawn from these cells.',
    ],
    false,
  );
  const charts: ChartPlan[] = [];
  for (const block of all) {
    add([], false);
    add([block.title], true);
    const headerRow = values.length + 1;
    const fills = block.header.map((_, i) => {
      const key = block.headerStatuses?.[i];
      return key ? settings.statuses[key].background : HEADER_GREY;
    });
    if (block.rows.length === 0) add([block.empty], false);
    else add(block.header, true, fills);
    for (const row of block.rows) add(row, false);
    for (const note of block.notes ?? []) add([note], false);
    if (block.chart && block.rows.length > 0) {
      const { columns, ...chart } = block.chart;
      charts.push({
        ...chart,
        title: CHART_TITLES[chart.key],
        range: { row: headerRow, column: 1, rows: 1 + block.rows.length, columns },
        anchor: chartAnchor(chart.key),
      });
    }
  }
  const formatKey = (crc32(JSON.stringify([formats, weights, backgrounds])) >>> 0)
    .toString(16)
    .padStart(8, '0');
  return { values, numberFormats: formats, fontWeights: weights, backgrounds, charts, formatKey };
}
