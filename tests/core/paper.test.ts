import type { Action, Officer, Settings, StatusKey } from '../../src/core/model';
import { BLANK_ACTION, DEFAULT_SETTINGS } from '../../src/core/model';
import type { PaperForm, PaperInput, PaperSnapshot, PaperText } from '../../src/core/paper';
import {
  APPENDIX_HEADER,
  PAPER_SECTION_NAMES,
  STATUS_COLUMN,
  buildPaperOutline,
  changesSince,
  defaultPaperTexts,
  paperFormDefaults,
  paperSectionOf,
  previousSnapshot,
  snapshotOf,
  validatePaperForm,
} from '../../src/core/paper';
import type { StatusDecision } from '../../src/core/status';

const TODAY = '2010-04-15';

function action(over: Partial<Action>): Action {
  return {
    ...BLANK_ACTION,
    ref: '',
    kloe: '',
    recommendation: '',
    action: '',
    timescale: '',
    dueDate: null,
    revisedDueDate: null,
    lead: '',
    progress: '',
    lastUpdated: null,
    status: '',
    completedOn: null,
    extensions: 0,
    ...over,
  };
}

const decision = (key: StatusKey, dueDate: string | null = null): StatusDecision => ({
  key,
  dueDate,
  reason: '',
});

const officers: Officer[] = [
  {
    initials: 'JP',
    name: 'Jan Pryor',
    jobTitle: 'Policy Officer',
    email: 'jan.pryor@example.org',
    directorate: '',
    reportsTo: '',
  },
  {
    initials: 'TG',
    name: 'Tom Green',
    jobTitle: 'Head of ICT',
    email: 'tom.green@example.org',
    directorate: '',
    reportsTo: '',
  },
];

/** A small plan: two KLOE/recommendation groups, one action with neither, one of each status. */
const plan: { action: Action; decision: StatusDecision }[] = [
  {
    action: action({
      ref: '3.1',
      kloe: 'Setting targets',
      recommendation: '3. Ensure broad involvement in target-setting',
      action: 'Involve Members in target setting',
      timescale: 'June 2010',
      dueDate: '2010-06-30',
      lead: 'JP',
      progress: 'Review Panel established.',
      completedOn: '2010-04-01',
    }),
    decision: decision('completed', '2010-06-30'),
  },
  {
    action: action({
      ref: '4.1',
      kloe: 'Collating performance data',
      recommendation: '4. Increase awareness of Covalent',
      action: 'Provide Covalent training',
      timescale: 'by March 2010',
      dueDate: '2010-03-31',
      lead: 'TG, XY',
      progress: 'Guidance circulated.',
    }),
    decision: decision('overdue', '2010-03-31'),
  },
  {
    action: action({
      ref: '3.2',
      kloe: 'Setting targets',
      recommendation: '3. Ensure broad involvement in target-setting',
      action: 'Develop a framework for Member involvement',
      timescale: 'March 2010',
      dueDate: '2010-03-31',
      revisedDueDate: '2010-09-30',
      extensions: 2,
      lead: 'jan pryor / TG',
      progress: 'Workshops on 4 & 25 August.',
    }),
    decision: decision('inProgress', '2010-09-30'),
  },
  {
    action: action({
      ref: '4.2',
      kloe: 'Collating performance data',
      recommendation: '4. Increase awareness of Covalent',
      action: 'Develop Covalent intranet page',
      timescale: 'May 2010',
      dueDate: '2010-05-01',
      lead: 'TG',
    }),
    decision: decision('check', '2010-05-01'),
  },
  {
    action: action({ ref: '9.1', action: 'Report satisfaction results', timescale: 'Ongoing', lead: 'SMT' }),
    decision: decision('inProgress'),
  },
];

const form: PaperForm = {
  committee: 'Corporate Resources Scrutiny Committee',
  meetingDate: TODAY,
  agendaItem: '7',
  reportAuthor: 'JP',
  reportAuthorTitle: 'Policy & Performance Officer',
  openOrExempt: 'Open',
  paperTitle: 'Performance Management Action Plan Update',
};

function input(over: Partial<PaperInput> = {}): PaperInput {
  return {
    settings: DEFAULT_SETTINGS,
    form,
    texts: [],
    actions: plan.map((p) => p.action),
    decisions: plan.map((p) => p.decision),
    officers,
    previous: null,
    today: TODAY,
    ...over,
  };
}

describe('front matter', () => {
  it('carries committee, heading, author with title, long UK date, openness, agenda item and title', () => {
    const { front, name } = buildPaperOutline(input());
    expect(front).toEqual({
      committee: 'Corporate Resources Scrutiny Committee',
      heading: 'Briefing Paper',
      reportOf: 'Jan Pryor, Policy & Performance Officer',
      date: 'Thursday, 15th April 2010',
      openOrExempt: 'Open',
      agendaItem: 'Agenda Item No. 7',
      title: 'Performance Management Action Plan Update',
    });
    expect(name).toBe(
      'Performance Management Action Plan Update - Corporate Resources Scrutiny Committee - 15 Apr 2010',
    );
  });

  it.each([
    ['2010-04-01', 'Thursday, 1st April 2010'],
    ['2010-06-02', 'Wednesday, 2nd June 2010'],
    ['2010-09-23', 'Thursday, 23rd September 2010'],
    ['2010-11-11', 'Thursday, 11th November 2010'],
    ['2011-01-22', 'Saturday, 22nd January 2011'],
  ])('dates the meeting %s as "%s"', (meetingDate, long) => {
    expect(buildPaperOutline(input({ form: { ...form, meetingDate } })).front.date).toBe(long);
  });

  it('keeps an author no officer matches as written, marks an exempt paper and omits an empty agenda item', () => {
    const { front, contact } = buildPaperOutline(
      input({ form: { ...form, reportAuthor: 'A. Visitor', openOrExempt: 'Exempt', agendaItem: '' } }),
    );
    expect(front.reportOf).toBe('A. Visitor, Policy & Performance Officer');
    expect(front.openOrExempt).toBe('Exempt');
    expect(front.agendaItem).toBe('');
    expect(contact).toEqual({ name: 'A. Visitor', title: 'Policy & Performance Officer', email: '' });
  });

  it('gives the officer contact details from Officers', () => {
    expect(buildPaperOutline(input()).contact).toEqual({
      name: 'Jan Pryor',
      title: 'Policy & Performance Officer',
      email: 'jan.pryor@example.org',
    });
  });
});

describe('numbered sections', () => {
  it('has the twelve sections of the council paper in order, with Implications 8.1 to 8.6 labelled', () => {
    const { sections } = buildPaperOutline(input());
    expect(sections.map((s) => `${s.number} ${s.heading}`)).toEqual([
      '1 Summary',
      '2 Background',
      '3 Key Issues',
      '4 Options',
      '5 Consultation',
      '6 Related Decisions',
      '7 Relevant Council Policies/Strategies',
      '8 Implications',
      '9 Equality Impact Needs Assessment',
      '10 Wards affected',
      '11 Appendices',
      '12 Background Papers',
    ]);
    const implications = sections[7].paragraphs;
    expect(implications.map((p) => [p.number, p.label])).toEqual([
      ['8.1', 'Resources'],
      ['8.2', 'Equalities'],
      ['8.3', 'Partnership working'],
      ['8.4', 'Human Rights'],
      ['8.5', 'E-Government'],
      ['8.6', 'Best Value'],
    ]);
  });

  it('uses the default texts for an empty Paper sheet, naming the plan', () => {
    const { sections, warnings } = buildPaperOutline(input());
    expect(sections[0].paragraphs).toEqual([
      {
        number: '1.1',
        label: '',
        text: 'To inform Members of progress against the Performance Management Action Plan.',
      },
    ]);
    expect(sections[1].paragraphs.map((p) => p.number)).toEqual(['2.1', '2.2']);
    expect(sections[10].paragraphs[0].text).toBe(
      'Appendix 1: Performance Management Action Plan Progress Report.',
    );
    expect(sections[7].paragraphs[0].text).toBe('None.');
    expect(warnings).toEqual([]);
    // Every section the Paper sheet may name has a default.
    const defaults = new Set(defaultPaperTexts(DEFAULT_SETTINGS).map((t) => t.section));
    expect(PAPER_SECTION_NAMES.filter((name) => !defaults.has(name))).toEqual([]);
  });

  it("takes the officers' texts from the Paper sheet, numbering paragraphs in order, defaults for the rest", () => {
    const texts: PaperText[] = [
      { section: 'Background', text: 'In 2008 the Audit Commission audited performance management.' },
      { section: 'background', text: 'A number of recommendations were made.' },
      { section: '8.3 Partnership working', text: 'Partners will be told.' },
      { section: 'Implications: Resources', text: 'Officer time only.' },
      { section: 'Sumary', text: 'A typo in the section name.' },
      { section: '', text: '' },
    ];
    const { sections, warnings } = buildPaperOutline(input({ texts }));
    expect(sections[1].paragraphs).toEqual([
      { number: '2.1', label: '', text: 'In 2008 the Audit Commission audited performance management.' },
      { number: '2.2', label: '', text: 'A number of recommendations were made.' },
    ]);
    expect(sections[7].paragraphs[0]).toEqual({
      number: '8.1',
      label: 'Resources',
      text: 'Officer time only.',
    });
    expect(sections[7].paragraphs[2]).toEqual({
      number: '8.3',
      label: 'Partnership working',
      text: 'Partners will be told.',
    });
    expect(sections[0].paragraphs[0].text).toMatch(/^To inform Members/);
    expect(warnings).toEqual([
      'Paper sheet row 6: "Sumary" is not a section of the paper; the row was not used.',
    ]);
  });

  it('recognises section names whatever their case, numbering or punctuation', () => {
    expect(paperSectionOf('3. KEY ISSUES')).toBe('Key Issues');
    expect(paperSectionOf('Relevant council policies / strategies')).toBe(
      'Relevant Council Policies/Strategies',
    );
    expect(paperSectionOf('e-Government')).toBe('E-Government');
    expect(paperSectionOf('Appendix')).toBeNull();
  });

  it('ends Key Issues with a generated paragraph of the figures', () => {
    const texts: PaperText[] = [{ section: 'Key Issues', text: 'Work is progressing.' }];
    const keyIssues = buildPaperOutline(input({ texts })).sections[2];
    expect(keyIssues.paragraphs.map((p) => p.number)).toEqual(['3.1', '3.2']);
    expect(keyIssues.paragraphs[0].text).toBe('Work is progressing.');
    expect(keyIssues.paragraphs[1].text).toBe(
      'The Performance Management Action Plan has 5 actions: 1 completed, 1 overdue, 1 where progress should be ' +
        'checked and 2 in progress but not yet at their due date. This is the first paper produced from the ' +
        'register, so changes since the last paper will be reported from the next one.',
    );
  });
});

describe('since the last paper', () => {
  const previous: PaperSnapshot = {
    date: '2010-04-01',
    entries: [
      { ref: '3.1', status: 'inProgress' },
      { ref: '4.1', status: 'check' },
      { ref: '3.2', status: 'overdue' },
      { ref: '4.2', status: 'check' },
    ],
  };

  it('names what was completed and what became overdue; a new action counts, one still overdue does not', () => {
    const current = snapshotOf(
      plan.map((p) => p.action),
      plan.map((p) => p.decision),
      TODAY,
    );
    const withNew = {
      ...current,
      entries: [
        ...current.entries,
        { ref: '9.2', status: 'overdue' as const },
        { ref: '3.2', status: 'overdue' as const },
      ],
    };
    expect(changesSince(previous, withNew)).toEqual({
      since: '2010-04-01',
      completed: ['3.1'],
      becameOverdue: ['4.1', '9.2'],
    });
  });

  it('states the changes in the Key Issues paragraph', () => {
    const text = buildPaperOutline(input({ previous })).sections[2].paragraphs.at(-1)?.text;
    expect(text).toContain(
      'Since the last paper on Thursday, 1st April 2010, 1 action has been completed (3.1) and 1 action has ' +
        'become overdue (4.1).',
    );
  });

  it('says so when nothing changed', () => {
    const same = snapshotOf(
      plan.map((p) => p.action),
      plan.map((p) => p.decision),
      '2010-04-08',
    );
    const text = buildPaperOutline(input({ previous: same })).sections[2].paragraphs.at(-1)?.text;
    expect(text).toContain(
      'Since the last paper on Thursday, 8th April 2010, no action has been completed and none has become overdue.',
    );
  });

  it('lists several refs in register order', () => {
    const decisions = plan.map((p) => (p.decision.key === 'inProgress' ? decision('overdue') : p.decision));
    const entries = previous.entries.map((e) =>
      e.ref === '3.2' ? { ...e, status: 'inProgress' as const } : e,
    );
    const text = buildPaperOutline(
      input({ previous: { ...previous, entries }, decisions }),
    ).sections[2].paragraphs.at(-1)?.text;
    expect(text).toContain(
      '1 action has been completed (3.1) and 3 actions have become overdue (4.1, 3.2 and 9.1).',
    );
  });

  it('reads the last paper before today from the Snapshots rows: labels mapped, later rows of a day win', () => {
    const label = (k: StatusKey) => DEFAULT_SETTINGS.statuses[k].label;
    const rows = [
      { date: '2010-01-10', ref: '3.1', status: label('overdue') },
      { date: '2010-04-01', ref: '3.1', status: label('check') },
      { date: '2010-04-01', ref: '4.1', status: 'check progress' },
      { date: '2010-04-01', ref: '3.1', status: label('inProgress') },
      { date: '2010-04-01', ref: '4.2', status: 'Not a status' },
      { date: TODAY, ref: '3.1', status: label('completed') },
    ];
    expect(previousSnapshot(rows, DEFAULT_SETTINGS, TODAY)).toEqual({
      date: '2010-04-01',
      entries: [
        { ref: '3.1', status: 'inProgress' },
        { ref: '4.1', status: 'check' },
      ],
    });
    expect(previousSnapshot(rows.slice(-1), DEFAULT_SETTINGS, TODAY)).toBeNull();
  });

  it('records every action with a ref', () => {
    const snapshot = snapshotOf(
      [action({ ref: '1.1' }), action({ ref: '' })],
      [decision('check'), decision('overdue')],
      TODAY,
    );
    expect(snapshot).toEqual({ date: TODAY, entries: [{ ref: '1.1', status: 'check' }] });
  });
});

describe('Appendix 1: the progress report', () => {
  const TARGETS = 'Setting targets: 3. Ensure broad involvement in target-setting';
  const COVALENT = 'Collating performance data: 4. Increase awareness of Covalent';
  const IN_PROGRESS = 'In Progress but not reached due date';

  it('groups rows by KLOE and recommendation in register order, row by row', () => {
    const { appendix } = buildPaperOutline(input());
    expect(appendix.label).toBe('Appendix 1');
    expect(appendix.title).toBe('Performance Management Action Plan Progress Report');
    expect(appendix.asAt).toBe('Progress as at 15 Apr 2010');
    expect(appendix.tables).toHaveLength(1);
    const [table] = appendix.tables;
    expect(table.header).toEqual([
      'KLOE & Rec.',
      'Ref',
      'Action',
      'Timescale',
      'Due date',
      'Lead',
      'Progress',
      'Status',
    ]);
    expect(table.rows).toEqual([
      {
        status: 'completed',
        cells: [
          TARGETS,
          '3.1',
          'Involve Members in target setting',
          'June 2010',
          '30 Jun 2010',
          'Jan Pryor',
          'Review Panel established.',
          'Completed',
        ],
      },
      {
        status: 'inProgress',
        cells: [
          '',
          '3.2',
          'Develop a framework for Member involvement',
          'March 2010',
          '31 Mar 2010; revised to 30 Sep 2010 (2 extensions)',
          'Jan Pryor, Tom Green',
          'Workshops on 4 & 25 August.',
          IN_PROGRESS,
        ],
      },
      {
        status: 'overdue',
        cells: [
          COVALENT,
          '4.1',
          'Provide Covalent training',
          'by March 2010',
          '31 Mar 2010',
          'Tom Green, XY',
          'Guidance circulated.',
          'Overdue',
        ],
      },
      {
        status: 'check',
        cells: [
          '',
          '4.2',
          'Develop Covalent intranet page',
          'May 2010',
          '1 May 2010',
          'Tom Green',
          '',
          'Check Progress',
        ],
      },
      {
        status: 'inProgress',
        cells: ['', '9.1', 'Report satisfaction results', 'Ongoing', '', 'SMT', '', IN_PROGRESS],
      },
    ]);
    for (const row of table.rows) expect(row.cells).toHaveLength(APPENDIX_HEADER.length);
    expect(table.rows.map((r) => r.cells[STATUS_COLUMN])).toEqual([
      'Completed',
      IN_PROGRESS,
      'Overdue',
      'Check Progress',
      IN_PROGRESS,
    ]);
  });

  it('shows the due date the timescale gives when no date was entered, and a lone extension count', () => {
    const actions = [action({ ref: '5.1', timescale: 'July 2010, October 2010', extensions: 1 })];
    const { appendix } = buildPaperOutline(
      input({ actions, decisions: [decision('inProgress', '2010-07-31')] }),
    );
    expect(appendix.tables[0].rows[0].cells[4]).toBe('31 Jul 2010 (1 extension)');
  });

  it('ends with the key of statuses and their colours, using the labels and colours in Settings', () => {
    const settings: Settings = {
      ...DEFAULT_SETTINGS,
      statuses: {
        ...DEFAULT_SETTINGS.statuses,
        overdue: { label: 'Late', background: '#ff0000', fontColor: '#ffffff' },
      },
    };
    const { appendix } = buildPaperOutline(input({ settings }));
    expect(appendix.key).toEqual([
      { label: 'Late', background: '#ff0000', fontColor: '#ffffff' },
      DEFAULT_SETTINGS.statuses.check,
      DEFAULT_SETTINGS.statuses.inProgress,
      DEFAULT_SETTINGS.statuses.completed,
    ]);
    expect(appendix.tables[0].rows.find((r) => r.status === 'overdue')?.cells[STATUS_COLUMN]).toBe('Late');
  });

  it('lists completed actions in their own table when Settings ask, groups named afresh in each', () => {
    const { appendix } = buildPaperOutline(
      input({ settings: { ...DEFAULT_SETTINGS, completedInOwnTable: true } }),
    );
    expect(appendix.tables.map((t) => t.caption)).toEqual(['Actions not yet completed', 'Completed actions']);
    expect(appendix.tables[0].rows.map((r) => r.cells.slice(0, 2))).toEqual([
      [TARGETS, '3.2'],
      [COVALENT, '4.1'],
      ['', '4.2'],
      ['', '9.1'],
    ]);
    expect(appendix.tables[1].rows.map((r) => [r.cells[0], r.cells[1], r.status])).toEqual([
      [TARGETS, '3.1', 'completed'],
    ]);
  });
});

describe('the dialog form', () => {
  it('is prefilled from Settings', () => {
    const settings: Settings = {
      ...DEFAULT_SETTINGS,
      meetingDate: '2010-04-15',
      agendaItem: '7',
      reportAuthor: 'Jan Pryor',
    };
    expect(paperFormDefaults(settings)).toEqual({
      committee: 'Corporate Resources Scrutiny Committee',
      meetingDate: '2010-04-15',
      agendaItem: '7',
      reportAuthor: 'Jan Pryor',
      reportAuthorTitle: 'Policy & Performance Officer',
      openOrExempt: 'Open',
      paperTitle: 'Performance Management Action Plan Update',
    });
  });

  it('refuses an empty committee, a missing or impossible date and an unknown openness', () => {
    expect(validatePaperForm(form)).toEqual([]);
    expect(
      validatePaperForm({ ...form, committee: '  ', meetingDate: '2010-02-30', openOrExempt: 'Secret' }),
    ).toEqual([
      'Enter the committee the paper goes to.',
      '"2010-02-30" is not a date: enter the meeting date as dd/mm/yyyy.',
      'Choose Open or Exempt.',
    ]);
    expect(validatePaperForm({ ...form, meetingDate: undefined })).toEqual(['Enter the meeting date.']);
  });
});
