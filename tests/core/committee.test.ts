/**
 * The committee pack against a register with a history of papers: three papers a quarter apart, with the
 * register, the Extensions ledger and the Snapshots sheet as they stood for each.
 */
import type { ExtensionEntry } from '../../src/core/extensions';
import { IMPORT_APPROVER, extensionsByAction, extensionsOf } from '../../src/core/extensions';
import type { Action, Officer, Settings } from '../../src/core/model';
import { BLANK_ACTION, DEFAULT_SETTINGS } from '../../src/core/model';
import type { AppendixTable, PaperForm, PaperOutline } from '../../src/core/paper';
import { buildPaper } from '../../src/core/paper';
import type { SnapshotRow } from '../../src/core/snapshots';
import {
  SNAPSHOT_HEADERS,
  lastSnapshot,
  readSnapshotRows,
  snapshotCells,
  snapshotRowsToKeep,
} from '../../src/core/snapshots';
import { decideStatus } from '../../src/core/status';

const OWNER = 'jan.pryor@example.org';
const SETTINGS: Settings = { ...DEFAULT_SETTINGS, ownerEmail: OWNER, priorities: ['High', 'Medium', 'Low'] };
const OFFICERS: Officer[] = [
  {
    initials: 'JP',
    name: 'Jan Pryor',
    jobTitle: 'Policy Officer',
    email: OWNER,
    directorate: 'Chief Executive',
    reportsTo: '',
  },
  {
    initials: 'TG',
    name: 'Tom Green',
    jobTitle: 'Head of ICT',
    email: 'tom.green@example.org',
    directorate: 'Resources',
    reportsTo: 'JP',
  },
];
const FORM: PaperForm = {
  committee: 'Corporate Resources Scrutiny Committee',
  meetingDate: '',
  agendaItem: '7',
  reportAuthor: 'JP',
  reportAuthorTitle: 'Policy & Performance Officer',
  openOrExempt: 'Open',
  paperTitle: 'Performance Management Action Plan Update',
};

const PAPERS = ['2010-04-15', '2010-07-15', '2010-10-14'] as const;

const base = (over: Partial<Action>): Action => ({ ...BLANK_ACTION, ...over });

/** The register as it stood for each paper. */
function register(paper: 0 | 1 | 2): Action[] {
  const targets = {
    kloe: 'Setting targets',
    recommendation: '3. Ensure broad involvement in target-setting',
  };
  const covalent = {
    kloe: 'Collating performance data',
    recommendation: '4. Increase awareness of Covalent',
  };
  const clarity = { kloe: 'Monitoring and reporting', recommendation: '5. Improve clarity of reporting' };
  return [
    base({
      id: 'a1',
      ref: '3.1',
      ...targets,
      priority: 'High',
      action: 'Involve Members in setting targets',
      timescale: 'June 2010',
      dueDate: '2010-06-30',
      lead: 'JP',
      progress: paper < 2 ? 'Review Panel established.' : 'Targets agreed by Cabinet.',
      lastUpdated: paper < 2 ? '2010-04-01' : '2010-09-01',
      completedOn: paper === 2 ? '2010-09-01' : null,
    }),
    base({
      id: 'a2',
      ref: '3.2',
      ...targets,
      priority: 'Medium',
      action: 'Develop a framework for Member involvement',
      timescale: 'March 2010',
      dueDate: '2010-03-31',
      lead: 'JP, TG',
      revisedDueDate: ['2010-06-30', '2010-09-30', '2010-12-31'][paper],
      progress: ['Workshops planned.', 'Workshops on 4 and 25 August.', 'Framework drafted.'][paper],
      lastUpdated: ['2010-04-01', '2010-07-10', '2010-10-01'][paper],
    }),
    base({
      id: 'a3',
      ref: '4.1',
      ...covalent,
      priority: 'High',
      action: 'Provide Covalent training',
      source: 'AC review 2008',
      timescale: 'July 2010',
      dueDate: '2010-07-31',
      lead: 'TG',
      revisedDueDate: paper === 2 ? '2010-12-31' : null,
      progress: paper === 0 ? 'Training planned.' : 'Training delivered to 20 officers.',
      lastUpdated: paper === 0 ? '2010-04-01' : '2010-07-01',
    }),
    base({
      id: 'a4',
      ref: '4.2',
      ...covalent,
      priority: 'Low',
      action: 'Develop Covalent intranet page',
      timescale: 'December 2009',
      dueDate: '2009-12-31',
      lead: 'TG',
      revisedDueDate: paper === 0 ? null : '2010-08-31',
      lastUpdated: ['2010-04-01', '2010-07-01', '2010-10-01'][paper],
    }),
    base({
      id: 'a5',
      ref: '5.1',
      ...clarity,
      action: 'Report satisfaction results',
      timescale: 'Ongoing',
      lead: 'SMT',
      progress: paper === 0 ? 'Viewpoint survey reported.' : 'Place Survey abolished; Viewpoint continues.',
      lastUpdated: ['2010-04-01', '2010-07-01', '2010-10-01'][paper],
    }),
    base({
      id: 'a6',
      ref: '5.2',
      ...clarity,
      action: 'Report performance against resources',
      timescale: 'December 2010',
      dueDate: '2010-12-31',
      lead: 'TG',
      progress: 'Superseded by the Transformation Programme.',
      lastUpdated: '2010-04-01',
      closure: paper === 0 ? null : 'closed',
    }),
  ];
}

const entry = (over: Partial<ExtensionEntry>): ExtensionEntry => ({
  when: '',
  who: 'tom.green@example.org',
  actionId: '',
  ref: '',
  from: null,
  to: '',
  reason: '',
  state: 'awaitingApproval',
  approvedBy: '',
  decidedOn: null,
  minute: '',
  ...over,
});

/** The Extensions ledger as it stood for each paper. */
function ledger(paper: 0 | 1 | 2): ExtensionEntry[] {
  const imported = entry({
    when: '2010-04-01',
    who: '',
    actionId: 'a2',
    ref: '3.2',
    from: '2010-03-31',
    to: '2010-06-30',
    reason: 'Agreed with the Audit Commission.',
    state: 'approved',
    approvedBy: IMPORT_APPROVER,
    decidedOn: '2010-04-01',
  });
  const second = entry({
    when: '2010-06-20',
    actionId: 'a2',
    ref: '3.2',
    from: '2010-06-30',
    to: '2010-09-30',
    reason: 'Review Panel delayed.',
    state: 'approved',
    approvedBy: OWNER,
    decidedOn: '2010-06-25',
    minute: 'CRSC 24/06/10 min. 5',
  });
  const third = entry({
    when: '2010-09-20',
    actionId: 'a2',
    ref: '3.2',
    from: '2010-09-30',
    to: '2010-12-31',
    reason: 'Corporate Plan delayed.',
    state: 'approved',
    approvedBy: OWNER,
    decidedOn: '2010-09-25',
  });
  const noReason = entry({
    when: '2010-07-01',
    actionId: 'a4',
    ref: '4.2',
    from: '2009-12-31',
    to: '2010-08-31',
    state: 'awaitingReason',
  });
  const refused = {
    ...noReason,
    reason: 'Supplier delay.',
    state: 'refused' as const,
    approvedBy: OWNER,
    decidedOn: '2010-08-02',
  };
  const waiting = entry({
    when: '2010-10-01',
    actionId: 'a3',
    ref: '4.1',
    from: '2010-07-31',
    to: '2010-12-31',
    reason: 'Trainer left.',
  });
  return [[imported], [imported, second, noReason], [imported, second, third, refused, waiting]][paper];
}

/** Makes the three papers in turn, the Snapshots sheet passing from one to the next as cells. */
function history(): PaperOutline[] {
  let sheet: string[][] = [[...SNAPSHOT_HEADERS]];
  return PAPERS.map((today, paper) => {
    const actions = register(paper as 0 | 1 | 2);
    const entries = ledger(paper as 0 | 1 | 2);
    const index = extensionsByAction(entries);
    const decisions = actions.map((a) => decideStatus(a, SETTINGS, today, extensionsOf(index, a)));
    const recorded: SnapshotRow[] = readSnapshotRows(sheet[0], sheet.slice(1), SETTINGS);
    const { outline, snapshot } = buildPaper({
      settings: SETTINGS,
      form: { ...FORM, meetingDate: today },
      texts: [],
      actions,
      decisions,
      officers: OFFICERS,
      ledger: entries,
      previous: lastSnapshot(recorded, today),
      today,
    });
    sheet = [
      [...SNAPSHOT_HEADERS],
      ...snapshotRowsToKeep(recorded, snapshot).map((r) => snapshotCells(r).map(String)),
    ];
    return outline;
  });
}

const papers = history();

const tableOf = (outline: PaperOutline, caption: RegExp): AppendixTable => {
  const found = outline.appendix.tables.find((t) => caption.test(t.caption));
  if (!found) throw new Error(`no table ${caption}`);
  return found;
};
const grid = (table: AppendixTable): string[][] => [
  [...table.header],
  ...table.rows.map((r) => [...r.cells]),
];
const column = (table: AppendixTable, name: string): string[] =>
  table.rows.map((r) => r.cells[table.header.indexOf(name)]);

describe('the summary', () => {
  it('counts actions by status, by priority in the order Settings give, and by the lead’s directorate', () => {
    const third = papers[2];
    expect(grid(tableOf(third, /^Actions by status$/))).toEqual([
      ['Status', 'Actions'],
      ['Overdue', '2'],
      ['Check Progress', '0'],
      ['In Progress but not reached due date', '2'],
      ['Completed', '1'],
      ['Closed', '1'],
      ['Total', '6'],
    ]);
    expect(tableOf(third, /^Actions by status$/).rows.map((r) => r.status)).toEqual([
      'overdue',
      'check',
      'inProgress',
      'completed',
      'closed',
      null,
    ]);
    const labels = [
      'Overdue',
      'Check Progress',
      'In Progress but not reached due date',
      'Completed',
      'Closed',
      'Total',
    ];
    expect(grid(tableOf(third, /^Actions by priority$/))).toEqual([
      ['Priority', ...labels],
      ['High', '1', '0', '0', '1', '0', '2'],
      ['Medium', '0', '0', '1', '0', '0', '1'],
      ['Low', '1', '0', '0', '0', '0', '1'],
      ['(no priority)', '0', '0', '1', '0', '1', '2'],
    ]);
    expect(grid(tableOf(third, /^Actions by directorate$/))).toEqual([
      ['Directorate', ...labels],
      ['Chief Executive', '0', '0', '1', '1', '0', '2'],
      ['Resources', '2', '0', '0', '0', '1', '3'],
      ['(no directorate)', '0', '0', '1', '0', '0', '1'],
    ]);
  });

  it('says what changed since the last paper, and how far open actions are past their original dates', () => {
    expect(grid(tableOf(papers[0], /^Changes since the last paper$/)).slice(1)).toEqual([
      ['Completed since the last paper', 'Not known', 'From the next paper.'],
      ['Newly overdue since the last paper', 'Not known', 'From the next paper.'],
      ['Overdue more than 6 months against the original due date', '0', ''],
      ['Overdue more than 3 (up to 6) months against the original due date', '1', '4.2'],
      ['Open with no update this cycle', 'Not known', 'From the next paper.'],
      ['Past the limit of 2 extensions', '0', ''],
    ]);
    expect(grid(tableOf(papers[1], /^Changes since the last paper \(15 Apr 2010\)$/)).slice(1)).toEqual([
      ['Completed since 15 Apr 2010', '0', ''],
      ['Newly overdue since 15 Apr 2010', '1', '3.1'],
      ['Overdue more than 6 months against the original due date', '1', '4.2'],
      ['Overdue more than 3 (up to 6) months against the original due date', '1', '3.2'],
      ['Open with no update this cycle', '2', '3.1 and 4.2'],
      ['Past the limit of 2 extensions', '0', ''],
    ]);
    expect(grid(tableOf(papers[2], /^Changes since the last paper \(15 Jul 2010\)$/)).slice(1)).toEqual([
      ['Completed since 15 Jul 2010', '1', '3.1'],
      ['Newly overdue since 15 Jul 2010', '1', '4.1'],
      ['Overdue more than 6 months against the original due date', '2', '3.2 and 4.2'],
      ['Overdue more than 3 (up to 6) months against the original due date', '0', ''],
      ['Open with no update this cycle', '3', '4.1, 4.2 and 5.1'],
      ['Past the limit of 2 extensions', '1', '3.2'],
    ]);
  });

  it('states the figures and the changes in Key Issues, and asks the Committee to decide what waits', () => {
    const keyIssues = papers[2].sections[2].paragraphs.at(-1)?.text;
    expect(keyIssues).toBe(
      'The Performance Management Action Plan has 6 actions: 1 completed, 1 closed without being completed, ' +
        '2 overdue, 0 where progress should be checked and 2 in progress but not yet at their due date. Since ' +
        'the last paper on 15 Jul 2010, 1 action has been completed (3.1) and 1 action has become overdue (4.1). ' +
        '2 open actions are more than three months past the original due date, 2 of them more than six months. ' +
        '3 open actions have had no update this cycle (4.1, 4.2 and 5.1). 1 action has been extended more than ' +
        '2 times and is brought to the Committee (3.2).',
    );
    expect(papers[2].sections[3].paragraphs.at(-1)?.text).toBe(
      'That the Committee approve or refuse the 1 extension awaiting approval in Appendix 1.',
    );
  });
});

describe('extensions for the Committee', () => {
  it('lists, action by action, entries since the last paper and any still waiting, never imported or replaced ones', () => {
    expect(grid(tableOf(papers[0], /^Extensions/)).slice(1)).toEqual([]);
    expect(grid(tableOf(papers[1], /^Extensions since the last paper \(15 Apr 2010\)/)).slice(1)).toEqual([
      [
        '3.2',
        'Develop a framework for Member involvement',
        '30 Jun 2010',
        '30 Sep 2010',
        'Review Panel delayed.',
        '20 Jun 2010',
        'Approved',
        `${OWNER}, 25 Jun 2010`,
        '2 of 2 allowed',
        'CRSC 24/06/10 min. 5',
      ],
      [
        '4.2',
        'Develop Covalent intranet page',
        '31 Dec 2009',
        '31 Aug 2010',
        '',
        '1 Jul 2010',
        'Awaiting a reason',
        '',
        '1 of 2 allowed',
        '',
      ],
    ]);
    const third = tableOf(papers[2], /^Extensions since the last paper \(15 Jul 2010\)/);
    expect(grid(third)).toEqual([
      ['Ref', 'Action', 'From', 'To', 'Reason', 'Entered on', 'State', 'Decided by', 'Extension', 'Minute'],
      [
        '3.2',
        'Develop a framework for Member involvement',
        '30 Sep 2010',
        '31 Dec 2010',
        'Corporate Plan delayed.',
        '20 Sep 2010',
        'Approved',
        `${OWNER}, 25 Sep 2010`,
        '3 of 2 allowed: for the committee',
        '',
      ],
      [
        '4.1',
        'Provide Covalent training',
        '31 Jul 2010',
        '31 Dec 2010',
        'Trainer left.',
        '1 Oct 2010',
        'Awaiting approval',
        '',
        '1 of 2 allowed',
        '',
      ],
      [
        '4.2',
        'Develop Covalent intranet page',
        '31 Dec 2009',
        '31 Aug 2010',
        'Supplier delay.',
        '1 Jul 2010',
        'Refused',
        `${OWNER}, 2 Aug 2010`,
        '1 of 2 allowed',
        '',
      ],
    ]);
  });

  it('brings actions past the extension limit to the Committee, late against the original date', () => {
    const table = tableOf(papers[2], /^Actions extended more than 2 times/);
    expect(grid(table)).toEqual([
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
      [
        '3.2',
        'Develop a framework for Member involvement',
        'Jan Pryor, Tom Green',
        '31 Mar 2010',
        '31 Dec 2010',
        '3',
        '197 days',
        'In Progress but not reached due date',
      ],
    ]);
    expect(table.rows[0].status).toBe('inProgress');
    expect(tableOf(papers[1], /^Actions extended more than 2 times/).rows).toEqual([]);
  });
});

describe('the progress report across papers', () => {
  const progress = (outline: PaperOutline): AppendixTable => tableOf(outline, /^Progress report$/);

  it('shows the direction of travel against the last paper, from the second paper on', () => {
    expect(progress(papers[0]).header).not.toContain('Direction of travel');
    expect(column(progress(papers[1]), 'Ref')).toEqual(['3.1', '3.2', '4.1', '4.2', '5.1', '5.2']);
    expect(column(progress(papers[1]), 'Direction of travel')).toEqual([
      'Worse',
      'Same',
      'Worse',
      'Same',
      'Same',
      'Better',
    ]);
    expect(column(progress(papers[2]), 'Direction of travel')).toEqual([
      'Better',
      'Same',
      'Worse',
      'Same',
      'Same',
      'Same',
    ]);
    expect(column(progress(papers[2]), 'Status')).toEqual([
      'Completed',
      'In Progress but not reached due date',
      'Overdue',
      'Overdue',
      'In Progress but not reached due date',
      'Closed',
    ]);
    expect(papers[2].appendix.notes).toEqual([
      "Direction of travel compares each action's status with the last paper (15 Jul 2010): statuses run from " +
        'Overdue, Check Progress and In Progress to Closed and Completed; Better is a move towards Completed, ' +
        'Worse a move towards Overdue, New an action the last paper did not have.',
    ]);
  });

  it('marks open actions whose progress has not changed since the last paper', () => {
    expect(column(progress(papers[1]), 'Progress to 15 Jul 2010')).toEqual([
      'No update this cycle.\nReview Panel established.',
      'Workshops on 4 and 25 August.',
      'Training delivered to 20 officers.',
      'No update this cycle.',
      'Place Survey abolished; Viewpoint continues.',
      'Superseded by the Transformation Programme.',
    ]);
    expect(column(progress(papers[2]), 'Progress to 14 Oct 2010')).toEqual([
      'Targets agreed by Cabinet.',
      'Framework drafted.',
      'No update this cycle.\nTraining delivered to 20 officers.',
      'No update this cycle.',
      'No update this cycle.\nPlace Survey abolished; Viewpoint continues.',
      'Superseded by the Transformation Programme.',
    ]);
  });

  it('shows original and revised dates, lateness against the original, and a revised date still waiting', () => {
    const table = progress(papers[2]);
    expect(column(table, 'Original due date')).toEqual([
      '30 Jun 2010',
      '31 Mar 2010\n197 days late against original',
      '31 Jul 2010\n75 days late against original',
      // Its revised date was refused, so no revised date is in force: late, plainly.
      '31 Dec 2009\n287 days late',
      '',
      '31 Dec 2010',
    ]);
    expect(column(table, 'Revised due date')).toEqual([
      '',
      '31 Dec 2010 (3 extensions)',
      '31 Dec 2010 awaiting approval',
      '',
      '',
      '',
    ]);
    expect(column(table, 'Priority')).toEqual(['High', 'Medium', 'High', 'Low', '', '']);
    expect(column(table, 'Source')).toEqual(['', '', 'AC review 2008', '', '', '']);
  });
});
