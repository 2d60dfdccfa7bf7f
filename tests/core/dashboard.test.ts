/**
 * The Dashboard's figures against a register built to hold every status, priority, age band, directorate,
 * extension state and an action past the extension limit, with three papers in the Paper log; and the layout
 * that puts them in cells the charts draw from.
 */
import { committeeSummary } from '../../src/core/committee';
import type { DashboardLayout, PaperCounts } from '../../src/core/dashboard';
import {
  CHART_COLUMN,
  PAPER_LOG_HEADERS,
  TREND_PAPERS,
  dashboardFigures,
  dashboardLayout,
  paperCountCells,
  readPaperCounts,
  statusCounts,
  trendRows,
} from '../../src/core/dashboard';
import type { ExtensionEntry } from '../../src/core/extensions';
import { extensionsByAction, extensionsOf } from '../../src/core/extensions';
import type { Action, Officer, Settings, StatusKey } from '../../src/core/model';
import { BLANK_ACTION, DEFAULT_SETTINGS, STATUS_KEYS } from '../../src/core/model';
import { officerIndex } from '../../src/core/officers';
import { extensionsFor } from '../../src/core/paper';
import { decideStatus } from '../../src/core/status';

const TODAY = '2011-01-15';
const SETTINGS: Settings = { ...DEFAULT_SETTINGS, priorities: ['High', 'Medium', 'Low'], extensionLimit: 2 };
const officer = (initials: string, name: string, directorate: string): Officer => ({
  initials,
  name,
  jobTitle: '',
  email: `${initials.toLowerCase()}@example.org`,
  directorate,
  reportsTo: '',
});
const OFFICERS = [
  officer('JP', 'Jan Pryor', 'Chief Executive'),
  officer('TG', 'Tom Green', 'Resources'),
  officer('RB', 'Rosa Bell', "Children's Services"),
];

const action = (id: string, ref: string, over: Partial<Action>): Action => ({
  ...BLANK_ACTION,
  id,
  ref,
  lastUpdated: '2011-01-10',
  ...over,
});

/** Twelve actions: what each is and why is on its line. */
const ACTIONS: Action[] = [
  // Overdue 15 days: under a month late.
  action('a1', '1.1', { kloe: 'Setting targets', priority: 'High', lead: 'JP', dueDate: '2010-12-31' }),
  // Overdue, two leads, between one and three months late.
  action('a2', '1.2', { kloe: 'Setting targets', priority: 'Medium', lead: 'JP, TG', dueDate: '2010-11-30' }),
  // Extended once to a date also passed: overdue, three to six months late against the original.
  action('a3', '2.1', {
    kloe: 'Collating data',
    priority: 'High',
    lead: 'TG',
    dueDate: '2010-09-30',
    revisedDueDate: '2010-11-30',
  }),
  // Overdue more than six months.
  action('a4', '2.2', { kloe: 'Collating data', priority: 'Low', lead: 'RB', dueDate: '2010-05-31' }),
  // Extended three times, past the limit of two: in progress, yet more than six months past its original date.
  action('a5', '3.1', {
    kloe: 'Monitoring',
    priority: 'High',
    lead: 'RB',
    dueDate: '2010-06-30',
    revisedDueDate: '2011-06-30',
  }),
  // Due within the check window; its lead is no officer.
  action('a6', '3.2', {
    kloe: 'Monitoring',
    priority: 'Medium',
    lead: 'Xavier Unknown',
    dueDate: '2011-02-01',
  }),
  // Completed; no KLOE.
  action('a7', '4.1', {
    priority: 'Low',
    lead: 'TG',
    dueDate: '2010-11-30',
    completedOn: '2010-12-01',
    closure: 'completed',
  }),
  // Closed without being done; no priority, no lead.
  action('a8', '4.2', { kloe: 'Monitoring', dueDate: '2010-10-31', closure: 'closed' }),
  // In progress, a revised date awaiting the owner's approval.
  action('a9', '4.3', {
    kloe: 'Setting targets',
    priority: 'High',
    lead: 'JP',
    dueDate: '2011-06-30',
    revisedDueDate: '2011-09-30',
  }),
  // In progress, one revised date refused and a later one awaiting its reason.
  action('a10', '4.4', {
    kloe: 'Collating data',
    priority: 'Medium',
    lead: 'TG',
    dueDate: '2011-05-31',
    revisedDueDate: '2011-10-31',
  }),
  // Overdue with no lead, under a month late.
  action('a11', '5.1', { kloe: 'Monitoring', priority: 'Low', dueDate: '2010-12-20' }),
  // Overdue, led by a title no officer has, one to three months late.
  action('a12', '5.2', {
    kloe: 'Monitoring',
    priority: 'Medium',
    lead: 'Facilities Manager',
    dueDate: '2010-12-01',
  }),
];

const entry = (
  actionId: string,
  ref: string,
  from: string,
  to: string,
  state: ExtensionEntry['state'],
): ExtensionEntry => ({
  when: '2010-06-01',
  who: 'tg@example.org',
  actionId,
  ref,
  from,
  to,
  reason: 'Waiting for the new system.',
  state,
  approvedBy: state === 'approved' || state === 'refused' ? 'jp@example.org' : '',
  decidedOn: state === 'approved' || state === 'refused' ? '2010-06-02' : null,
  minute: '',
});

const LEDGER: ExtensionEntry[] = [
  entry('a3', '2.1', '2010-09-30', '2010-11-30', 'approved'),
  entry('a5', '3.1', '2010-06-30', '2010-09-30', 'approved'),
  entry('a5', '3.1', '2010-09-30', '2010-12-31', 'approved'),
  entry('a5', '3.1', '2010-12-31', '2011-06-30', 'approved'),
  entry('a9', '4.3', '2011-06-30', '2011-09-30', 'awaitingApproval'),
  entry('a10', '4.4', '2011-05-31', '2011-08-31', 'refused'),
  entry('a10', '4.4', '2011-05-31', '2011-10-31', 'awaitingReason'),
];

const counts = (overdue: number, check: number, inProgress: number, completed: number, closed: number) => ({
  overdue,
  check,
  inProgress,
  completed,
  closed,
});

/** Three papers a quarter apart (the last made twice that day), and one made today. */
const PAPERS: PaperCounts[] = [
  { date: '2010-04-15', counts: counts(1, 2, 9, 0, 0) },
  { date: '2010-07-15', counts: counts(3, 2, 6, 1, 0) },
  { date: '2010-10-14', counts: counts(9, 9, 9, 9, 9) },
  { date: '2010-10-14', counts: counts(4, 1, 5, 1, 1) },
  { date: TODAY, counts: counts(6, 1, 3, 1, 1) },
];

function input(actions: Action[] = ACTIONS, papers: PaperCounts[] = PAPERS) {
  const index = extensionsByAction(LEDGER);
  return {
    actions,
    decisions: actions.map((a) => decideStatus(a, SETTINGS, TODAY, extensionsOf(index, a))),
    officers: OFFICERS,
    settings: SETTINGS,
    today: TODAY,
    ledger: LEDGER,
    papers,
  };
}

const row = (label: string, c: ReturnType<typeof counts>) => ({
  label,
  counts: c,
  total: STATUS_KEYS.reduce((n, k) => n + c[k], 0),
});

describe('dashboardFigures', () => {
  const given = input();
  const figures = dashboardFigures(given);

  it('decides the register as its lines say (the fixture itself)', () => {
    expect(given.decisions.map((d) => d.key)).toEqual([
      'overdue',
      'overdue',
      'overdue',
      'overdue',
      'inProgress',
      'check',
      'completed',
      'closed',
      'inProgress',
      'inProgress',
      'overdue',
      'overdue',
    ]);
  });

  it('counts every status, and shows Closed when an action is closed', () => {
    expect(figures.summary.byStatus).toEqual(counts(6, 1, 3, 1, 1));
    expect(figures.summary.total).toBe(12);
    expect(figures.statuses).toEqual(STATUS_KEYS);
  });

  it('is the committee summary itself, not a second count', () => {
    const again = committeeSummary({
      actions: given.actions,
      decisions: given.decisions,
      extensions: extensionsFor(given),
      comparison: { since: null, actions: [], completed: [], becameOverdue: [], noUpdate: [] },
      officers: officerIndex(OFFICERS),
      settings: SETTINGS,
      today: TODAY,
    });
    expect(figures.summary).toEqual(again);
  });

  it('counts every priority in the order of Settings, ungraded actions last', () => {
    expect(figures.summary.byPriority).toEqual([
      row('High', counts(2, 0, 2, 0, 0)),
      row('Medium', counts(2, 1, 1, 0, 0)),
      row('Low', counts(2, 0, 0, 1, 0)),
      row('(no priority)', counts(0, 0, 0, 0, 1)),
    ]);
  });

  it('counts every KLOE in the order the register first names it', () => {
    expect(figures.byKloe).toEqual([
      row('Setting targets', counts(2, 0, 1, 0, 0)),
      row('Collating data', counts(2, 0, 1, 0, 0)),
      row('Monitoring', counts(2, 1, 1, 0, 1)),
      row('(no KLOE)', counts(0, 0, 0, 1, 0)),
    ]);
  });

  it('counts overdue actions by the first lead’s directorate, actions no officer leads last', () => {
    expect(figures.summary.byDirectorate.map((r) => [r.label, r.counts.overdue, r.total])).toEqual([
      ['Chief Executive', 2, 3],
      ['Resources', 1, 3],
      ["Children's Services", 1, 2],
      ['(no directorate)', 2, 4],
    ]);
  });

  it('counts overdue actions for each of their leads, most first, unknown leads as written', () => {
    expect(figures.overdueByLead).toEqual([
      { lead: 'Jan Pryor', directorate: 'Chief Executive', overdue: 2 },
      { lead: 'Tom Green', directorate: 'Resources', overdue: 2 },
      { lead: '(no lead)', directorate: '', overdue: 1 },
      { lead: 'Facilities Manager', directorate: '', overdue: 1 },
      { lead: 'Rosa Bell', directorate: "Children's Services", overdue: 1 },
    ]);
  });

  it('bands open actions by how late they are against the original date, as the committee paper does', () => {
    expect(figures.ages.map((a) => [a.label, a.overdue, a.open])).toEqual([
      ['Under 1 month', 2, 2],
      ['1 to 3 months', 2, 2],
      ['3 to 6 months', 1, 1],
      ['Over 6 months', 1, 2],
    ]);
    expect(figures.summary.over3Months).toEqual(['2.1']);
    expect(figures.summary.over6Months).toEqual(['2.2', '3.1']);
  });

  it('counts extensions by state, and the actions past the limit', () => {
    expect(figures.extensions).toEqual({
      approved: 4,
      actionsExtended: 2,
      awaitingReason: 1,
      awaitingApproval: 1,
      refused: 1,
      pastLimit: 1,
    });
  });

  it('shows each status at every paper before today, the last of a day standing for it, then now', () => {
    expect(figures.trend.map((t) => [t.label, t.now, t.counts, t.total])).toEqual([
      ['15 Apr 2010', false, counts(1, 2, 9, 0, 0), 12],
      ['15 Jul 2010', false, counts(3, 2, 6, 1, 0), 12],
      ['14 Oct 2010', false, counts(4, 1, 5, 1, 1), 12],
      ['Now (15 Jan 2011)', true, counts(6, 1, 3, 1, 1), 12],
    ]);
  });

  it('shows Closed when a paper had closed actions though none is closed now', () => {
    const open = ACTIONS.filter((a) => a.closure !== 'closed');
    expect(dashboardFigures(input(open)).statuses).toEqual(STATUS_KEYS);
    expect(dashboardFigures(input(open, [])).statuses).toEqual(STATUS_KEYS.filter((k) => k !== 'closed'));
  });
});

describe('trendRows', () => {
  it(`keeps the latest ${TREND_PAPERS} papers, oldest first`, () => {
    const papers = Array.from({ length: 20 }, (_, i) => ({
      date: `2009-${String((i % 12) + 1).padStart(2, '0')}-${i < 12 ? '01' : '15'}`,
      counts: counts(i, 0, 0, 0, 0),
    }));
    const rows = trendRows(papers, counts(0, 0, 1, 0, 0), TODAY);
    expect(rows).toHaveLength(TREND_PAPERS + 1);
    const dates = rows.slice(0, -1).map((r) => r.date);
    expect(dates).toEqual([...dates].sort());
    expect(dates[dates.length - 1]).toBe('2009-12-01');
    expect(rows[rows.length - 1].label).toBe('Now (15 Jan 2011)');
  });
});

describe('the Paper log counts', () => {
  it('reads each paper’s counts by header, skipping papers logged before the counts were', () => {
    const header = [...PAPER_LOG_HEADERS];
    const log = (date: string, cells: (string | number)[]) => [
      date,
      'Paper',
      'url',
      '',
      'jp',
      'Folder',
      ...cells,
    ];
    const rows = [
      log('2010-04-15', []),
      log('2010-07-15', paperCountCells(counts(3, 2, 6, 1, 0))),
      log('not a date', paperCountCells(counts(1, 1, 1, 1, 1))),
    ].map((r) => r.map(String));
    expect(readPaperCounts(header, rows)).toEqual([{ date: '2010-07-15', counts: counts(3, 2, 6, 1, 0) }]);
  });

  it('finds the counts where an officer moved the columns, and under a header not yet repaired', () => {
    const moved = ['Closed', 'When', 'Overdue', 'Check Progress', 'In Progress', 'Completed'];
    expect(readPaperCounts(moved, [['1', '2010-07-15', '3', '2', '6', '1']])).toEqual([
      { date: '2010-07-15', counts: counts(3, 2, 6, 1, 1) },
    ]);
    const old = PAPER_LOG_HEADERS.slice(0, 6);
    const row = ['2010-07-15', 'Paper', 'url', '', 'jp', 'Folder', '3', '2', '6', '1', '0'];
    expect(readPaperCounts(old, [row])).toEqual([{ date: '2010-07-15', counts: counts(3, 2, 6, 1, 0) }]);
  });

  it('counts a paper’s statuses in the log’s column order', () => {
    const keys: StatusKey[] = ['overdue', 'overdue', 'closed', 'check'];
    expect(paperCountCells(statusCounts(keys))).toEqual([2, 1, 0, 0, 1]);
  });
});

describe('dashboardLayout', () => {
  const figures = dashboardFigures(input());
  const layout = dashboardLayout(figures, SETTINGS);
  const cell = (row: number, column: number) => layout.values[row - 1][column - 1];
  const chart = (l: DashboardLayout, key: string) => {
    const found = l.charts.find((c) => c.key === key);
    if (!found) throw new Error(`no ${key} chart`);
    return found;
  };
  /** The cells a chart draws: its header row, then its rows. */
  const drawn = (l: DashboardLayout, key: string) => {
    const { row, column, rows, columns } = chart(l, key).range;
    return l.values.slice(row - 1, row - 1 + rows).map((r) => r.slice(column - 1, column - 1 + columns));
  };
  const labels = STATUS_KEYS.map((k) => SETTINGS.statuses[k].label);
  const colours = STATUS_KEYS.map((k) => SETTINGS.statuses[k].background);

  it('is one rectangle of cells, text as text and counts as numbers', () => {
    const width = layout.values[0].length;
    expect(layout.values.every((r) => r.length === width)).toBe(true);
    layout.values.forEach((r, i) =>
      r.forEach((v, j) => expect(layout.numberFormats[i][j]).toBe(typeof v === 'number' ? '0' : '@')),
    );
    expect(cell(1, 1)).toBe('Performance Management Action Plan: dashboard');
  });

  it('lays the statuses side by side over their counts, each header in its colour, for the status chart', () => {
    expect(drawn(layout, 'status')).toEqual([
      ['Status', ...labels],
      ['Actions', 6, 1, 3, 1, 1],
    ]);
    const { row } = chart(layout, 'status').range;
    expect(layout.backgrounds[row - 1].slice(1, 6)).toEqual(colours);
    expect(layout.fontWeights[row - 1][0]).toBe('bold');
    expect(chart(layout, 'status')).toMatchObject({ type: 'COLUMN', stacked: false, colors: colours });
  });

  it('draws the trend as a stacked column per paper, in the status colours', () => {
    expect(drawn(layout, 'trend')).toEqual([
      ['Paper', ...labels],
      ['15 Apr 2010', 1, 2, 9, 0, 0],
      ['15 Jul 2010', 3, 2, 6, 1, 0],
      ['14 Oct 2010', 4, 1, 5, 1, 1],
      ['Now (15 Jan 2011)', 6, 1, 3, 1, 1],
    ]);
    expect(chart(layout, 'trend')).toMatchObject({ type: 'COLUMN', stacked: true, colors: colours });
  });

  it('draws overdue actions by directorate as red bars', () => {
    expect(drawn(layout, 'directorate')).toEqual([
      ['Directorate', 'Overdue'],
      ['Chief Executive', 2],
      ['Resources', 1],
      ["Children's Services", 1],
      ['(no directorate)', 2],
    ]);
    expect(chart(layout, 'directorate')).toMatchObject({ type: 'BAR', colors: ['#e06666'], legend: false });
  });

  it('writes every table under its title, with the figures', () => {
    const at = (title: string, offset: number) => {
      const r = layout.values.findIndex((v) => v[0] === title);
      return layout.values[r + offset].filter((v) => v !== '');
    };
    expect(at('Actions by priority', 4)).toEqual(['Low', 2, 0, 0, 1, 0, 3]);
    expect(at('Actions by priority', 5)).toEqual(['(no priority)', 0, 0, 0, 0, 1, 1]);
    expect(at('Actions by KLOE', 4)).toEqual(['Monitoring', 2, 1, 1, 0, 1, 5]);
    expect(at('Overdue actions by lead', 1)).toEqual(['Lead', 'Directorate', 'Overdue']);
    expect(at('Overdue actions by lead', 6)).toEqual(['Rosa Bell', "Children's Services", 1]);
    expect(at('Open actions past their original due date, by how late', 5)).toEqual(['Over 6 months', 1, 2]);
    expect(at('Open actions past their original due date, by how late', 6)).toEqual(['Total', 6, 7]);
    expect(at('Extensions', 2)).toEqual(['Extensions approved', 4]);
    expect(at('Extensions', 7)).toEqual(['Actions past the limit of 2 extensions', 1]);
  });

  it('places the charts right of the figures, one under another without overlapping', () => {
    const width = layout.values[0].length;
    const rows = layout.charts.map((c) => c.anchor.row).sort((a, b) => a - b);
    for (const c of layout.charts) expect(c.anchor.column).toBeGreaterThan(width + 1);
    expect(CHART_COLUMN).toBe(9);
    // 371 pixels high at 21 pixels a row.
    for (let i = 1; i < rows.length; i++) expect((rows[i] - rows[i - 1]) * 21).toBeGreaterThan(371);
  });

  it('makes no directorate chart for an empty register, and says so in the table', () => {
    const empty = dashboardLayout(dashboardFigures(input([], [])), SETTINGS);
    expect(empty.charts.map((c) => c.key)).toEqual(['status', 'trend']);
    const r = empty.values.findIndex((v) => v[0] === 'Overdue actions by directorate');
    expect(empty.values[r + 1][0]).toBe('No actions yet.');
  });

  it('keeps the same format key while only the counts change', () => {
    const other = input(ACTIONS.map((a) => (a.id === 'a1' ? { ...a, dueDate: '2011-06-30' } : a)));
    const changed = dashboardLayout(dashboardFigures(other), SETTINGS);
    expect(changed.values).not.toEqual(layout.values);
    expect(changed.formatKey).toBe(layout.formatKey);
    const renamed = {
      ...SETTINGS,
      statuses: { ...SETTINGS.statuses, overdue: { ...SETTINGS.statuses.overdue, background: '#ff0000' } },
    };
    expect(dashboardLayout(figures, renamed).formatKey).not.toBe(layout.formatKey);
  });
});
