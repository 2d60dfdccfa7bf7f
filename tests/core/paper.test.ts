import type { Action, Officer, Settings, StatusKey } from '../../src/core/model';
import { BLANK_ACTION, DEFAULT_SETTINGS } from '../../src/core/model';
import type { AppendixTable, PaperForm, PaperInput, PaperOutline, PaperText } from '../../src/core/paper';
import {
  PAPER_SECTION_NAMES,
  buildPaperOutline,
  defaultPaperTexts,
  paperFormDefaults,
  paperSectionOf,
  validatePaperForm,
} from '../../src/core/paper';
import { paperBlocks } from '../../src/core/paperBlocks';
import type { PaperBlock } from '../../src/core/paperBlocks';
import { columnWidths } from '../../src/core/paperRequests';
import type { StatusDecision } from '../../src/core/status';
import { decideStatus } from '../../src/core/status';

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
  originalDueDate: dueDate,
  daysLateOriginal: 0,
  pendingDueDate: null,
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
const PLAN: { action: Action; decision: StatusDecision }[] = [
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
    action: action({
      ref: '9.1',
      action: 'Report satisfaction results',
      timescale: 'Ongoing',
      lead: 'SMT',
      lastUpdated: '2010-04-01',
    }),
    decision: decision('inProgress'),
  },
];

/** The plan with its statuses decided as the register decides them. */
const plan = PLAN.map((p) => ({
  action: p.action,
  decision: decideStatus(p.action, DEFAULT_SETTINGS, TODAY),
}));

it('decides the small plan as intended: one of each status, two in progress', () => {
  expect(plan.map((p) => p.decision.key)).toEqual(PLAN.map((p) => p.decision.key));
});

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
    ledger: [],
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
    expect(contact).toEqual({
      name: 'A. Visitor',
      title: 'Policy & Performance Officer',
      phone: '',
      email: '',
    });
  });

  it('gives the officer contact details: name and title, email from Officers unless Settings give one', () => {
    expect(buildPaperOutline(input()).contact).toEqual({
      name: 'Jan Pryor',
      title: 'Policy & Performance Officer',
      phone: '',
      email: 'jan.pryor@example.org',
    });
    const settings: Settings = {
      ...DEFAULT_SETTINGS,
      reportAuthorPhone: '01562 732722',
      reportAuthorEmail: 'performance@example.org',
    };
    expect(buildPaperOutline(input({ settings })).contact).toEqual({
      name: 'Jan Pryor',
      title: 'Policy & Performance Officer',
      phone: '01562 732722',
      email: 'performance@example.org',
    });
  });

  it('takes the author from Settings when the dialog leaves it blank, titled from Officers', () => {
    const settings: Settings = { ...DEFAULT_SETTINGS, reportAuthor: 'TG', reportAuthorTitle: '' };
    const { front, contact } = buildPaperOutline(
      input({ settings, form: { ...form, reportAuthor: '', reportAuthorTitle: '' } }),
    );
    expect(front.reportOf).toBe('Tom Green, Head of ICT');
    expect([contact.name, contact.title]).toEqual(['Tom Green', 'Head of ICT']);
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

const tableOf = (outline: PaperOutline, kind: AppendixTable['kind'], caption?: RegExp): AppendixTable => {
  const found = outline.appendix.tables.find(
    (t) => t.kind === kind && (caption === undefined || caption.test(t.caption)),
  );
  if (!found) throw new Error(`no ${kind} table`);
  return found;
};

/** A table as the committee reads it: header then rows, one array of cell texts each. */
const grid = (table: AppendixTable): string[][] => [
  [...table.header],
  ...table.rows.map((r) => [...r.cells]),
];

/** Every string anywhere in the outline, for checks that hold for all of it. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

const SEED_GLOSSARY = [
  'CMT – Corporate Management Team',
  'LAA – Local Area Agreement',
  'KLOE – Key Line of Enquiry',
  'DMT – Directorate Management Team',
  'LSP – Local Strategic Partnership',
  'SCS – Sustainable Community Strategy',
].join('\n');

describe('Appendix 1: the progress report', () => {
  const IN_PROGRESS = 'In Progress but not reached due date';

  it('follows seed 000: KLOE & Rec. with the recommendation number, progress to the date, coloured status', () => {
    const outline = buildPaperOutline(input());
    const { appendix } = outline;
    expect([appendix.label, appendix.title, appendix.asAt]).toEqual([
      'Appendix 1',
      'Performance Management Action Plan Progress Report',
      'Progress as at 15 Apr 2010',
    ]);
    const table = tableOf(outline, 'progress');
    expect(grid(table)).toEqual([
      [
        'KLOE & Rec.',
        'Ref',
        'Action',
        'Timescale',
        'Original due date',
        'Revised due date',
        'Lead',
        'Progress to 15 Apr 2010',
        'Status',
      ],
      [
        'Setting targets\n3. Ensure broad involvement in target-setting',
        '3.1',
        'Involve Members in target setting',
        'June 2010',
        '30 Jun 2010',
        '',
        'Jan Pryor',
        'Review Panel established.',
        'Completed',
      ],
      [
        '',
        '3.2',
        'Develop a framework for Member involvement',
        'March 2010',
        '31 Mar 2010\n15 days late against original',
        '30 Sep 2010 (2 extensions)',
        'Jan Pryor, Tom Green',
        'Workshops on 4 & 25 August.',
        IN_PROGRESS,
      ],
      [
        'Collating performance data\n4. Increase awareness of Covalent',
        '4.1',
        'Provide Covalent training',
        'by March 2010',
        '31 Mar 2010\n15 days late',
        '',
        'Tom Green, XY',
        'Guidance circulated.',
        'Overdue',
      ],
      [
        '',
        '4.2',
        'Develop Covalent intranet page',
        'May 2010',
        '1 May 2010',
        '',
        'Tom Green',
        '',
        'Check Progress',
      ],
      ['', '9.1', 'Report satisfaction results', 'Ongoing', '', '', 'SMT', '', IN_PROGRESS],
    ]);
    expect(table.rows.map((r) => r.status)).toEqual([
      'completed',
      'inProgress',
      'overdue',
      'check',
      'inProgress',
    ]);
    expect(table.header[table.statusColumn]).toBe('Status');
    expect(outline.layout).toEqual({ report: 'portrait', appendix: 'landscape' });
  });

  it('says how late an overdue action is against its original date and against its revised one', () => {
    const actions = [
      action({
        ref: '2.1',
        dueDate: '2010-01-31',
        revisedDueDate: '2010-03-31',
        extensions: 1,
        lastUpdated: '2010-04-01',
      }),
    ];
    const decisions = actions.map((a) => decideStatus(a, DEFAULT_SETTINGS, TODAY));
    const table = tableOf(buildPaperOutline(input({ actions, decisions })), 'progress');
    const cell = (name: string): string => table.rows[0].cells[table.header.indexOf(name)];
    expect(cell('Original due date')).toBe('31 Jan 2010\n74 days late against original');
    expect(cell('Revised due date')).toBe('31 Mar 2010 (1 extension)\n15 days late');
    expect(cell('Status')).toBe('Overdue');
  });

  it('numbers a recommendation stored without its number from its refs, and keeps one it has', () => {
    const actions = [
      action({ ref: '3.1', kloe: 'Setting targets', recommendation: 'Ensure broad involvement' }),
      action({ ref: 'R7', kloe: 'Learning', recommendation: 'Assess the impact' }),
      action({ ref: '6.1', kloe: 'Learning', recommendation: 'Rec. 6 Assess the impact' }),
    ];
    const decisions = actions.map(() => decision('inProgress'));
    const cells = tableOf(buildPaperOutline(input({ actions, decisions })), 'progress').rows.map(
      (r) => r.cells[0],
    );
    expect(cells).toEqual([
      'Setting targets\n3. Ensure broad involvement',
      'Learning\nAssess the impact',
      'Learning\nRec. 6 Assess the impact',
    ]);
  });

  it('adds Priority and Source columns only when some action has one', () => {
    const actions = plan.map((p, i) =>
      i === 1 ? { ...p.action, priority: 'High', source: 'Audit Commission 2008' } : p.action,
    );
    const table = tableOf(buildPaperOutline(input({ actions })), 'progress');
    expect(table.header).toEqual([
      'KLOE & Rec.',
      'Ref',
      'Priority',
      'Action',
      'Timescale',
      'Original due date',
      'Revised due date',
      'Lead',
      'Progress to 15 Apr 2010',
      'Status',
      'Source',
    ]);
    const row = table.rows.find((r) => r.cells[1] === '4.1');
    expect([row?.cells[2], row?.cells[10]]).toEqual(['High', 'Audit Commission 2008']);
    const unrevised = plan.map((p) => ({ ...p.action, revisedDueDate: null }));
    const decisions = unrevised.map((a) => decideStatus(a, DEFAULT_SETTINGS, TODAY));
    const bare = tableOf(buildPaperOutline(input({ actions: unrevised, decisions })), 'progress');
    expect(bare.header).not.toContain('Revised due date');
    expect(bare.header).not.toContain('Priority');
  });

  it('gives relative widths that keep the Timescale column readable, and says which part is landscape', () => {
    // Every optional column shown: Priority, Revised due date, Direction of travel and Source.
    const actions = plan.map((p) => ({ ...p.action, priority: 'High', source: 'Audit Commission 2008' }));
    const previous = { date: '2010-04-01', rows: [] };
    const table = tableOf(buildPaperOutline(input({ actions, previous })), 'progress');
    expect(table.header).toHaveLength(12);
    expect(table.widths).toHaveLength(12);
    const points = columnWidths(table);
    const width = (name: string): number => points[table.header.indexOf(name)];
    // 9-point text: "October 2010," and "Continues" sit on one line at 72 points with the cell's padding.
    expect(width('Timescale')).toBeGreaterThanOrEqual(72);
    expect(width('Progress to 15 Apr 2010')).toBeGreaterThan(width('Action'));
    // The landscape text width of A4 with the appendix margins, shared out whole.
    expect(points.reduce((a, b) => a + b, 0)).toBeCloseTo(841.89 - 72, 0);
  });

  it('dates everything as "31 Mar 2011", never as a timestamp or an ISO day', () => {
    const outline = buildPaperOutline(input());
    const { today, ...shown } = outline;
    expect(today).toBe(TODAY);
    const texts = strings(shown);
    expect(texts.filter((t) => /\d{4}-\d{2}-\d{2}|T\d{2}:\d{2}/.test(t))).toEqual([]);
    expect(texts).toContain('30 Sep 2010 (2 extensions)');
  });

  it('ends with the key, then the glossary of abbreviations from Settings', () => {
    const settings: Settings = {
      ...DEFAULT_SETTINGS,
      glossary: SEED_GLOSSARY,
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
    expect(grid(appendix.keyTable)).toEqual([
      ['', 'Action Status'],
      ['', 'Late'],
      ['', 'Check Progress'],
      ['', IN_PROGRESS],
      ['', 'Completed'],
    ]);
    expect(appendix.keyTable.statusColumn).toBe(0);
    expect(appendix.glossary).toEqual([
      { abbreviation: 'CMT', meaning: 'Corporate Management Team' },
      { abbreviation: 'LAA', meaning: 'Local Area Agreement' },
      { abbreviation: 'KLOE', meaning: 'Key Line of Enquiry' },
      { abbreviation: 'DMT', meaning: 'Directorate Management Team' },
      { abbreviation: 'LSP', meaning: 'Local Strategic Partnership' },
      { abbreviation: 'SCS', meaning: 'Sustainable Community Strategy' },
    ]);
    expect(tableOf(buildPaperOutline(input({ settings })), 'progress').rows[2].cells.at(-1)).toBe('Late');
  });

  it('lists completed actions in their own table when Settings ask, groups named afresh in each', () => {
    const outline = buildPaperOutline(
      input({ settings: { ...DEFAULT_SETTINGS, completedInOwnTable: true } }),
    );
    const tables = outline.appendix.tables.filter((t) => t.kind === 'progress');
    expect(tables.map((t) => t.caption)).toEqual(['Actions not yet completed', 'Completed actions']);
    expect(tables[0].rows.map((r) => r.cells.slice(0, 2))).toEqual([
      ['Setting targets\n3. Ensure broad involvement in target-setting', '3.2'],
      ['Collating performance data\n4. Increase awareness of Covalent', '4.1'],
      ['', '4.2'],
      ['', '9.1'],
    ]);
    expect(tables[1].rows.map((r) => [r.cells[0], r.cells[1], r.status])).toEqual([
      ['Setting targets\n3. Ensure broad involvement in target-setting', '3.1', 'completed'],
    ]);
  });
});

describe('the paper block by block, as the renderer writes it', () => {
  const shown = (blocks: PaperBlock[]) =>
    blocks.map((b) =>
      b.kind === 'line'
        ? [b.text, b.style, b.alignment, b.appendixStart]
        : b.kind === 'table'
          ? `[${b.table.kind}]`
          : `[image ${b.chart.key}]`,
    );

  it('opens with the front matter of seed 001, the agenda item at the right margin', () => {
    const blocks = paperBlocks(buildPaperOutline(input()));
    expect(shown(blocks.slice(0, 8))).toEqual([
      ['Agenda Item No. 7', 'NORMAL_TEXT', 'END', false],
      ['Corporate Resources Scrutiny Committee', 'TITLE', null, false],
      ['Briefing Paper', 'SUBTITLE', null, false],
      ['Report of: Jan Pryor, Policy & Performance Officer', 'NORMAL_TEXT', null, false],
      ['Date: Thursday, 15th April 2010', 'NORMAL_TEXT', null, false],
      ['Open', 'NORMAL_TEXT', null, false],
      ['Performance Management Action Plan Update', 'HEADING_1', null, false],
      ['1. Summary', 'HEADING_2', null, false],
    ]);
  });

  it('closes the report with Officer Contact Details: name, title, contact number and email, each when known', () => {
    const settings: Settings = { ...DEFAULT_SETTINGS, reportAuthorPhone: '01562 732722' };
    const lines = (blocks: PaperBlock[]) => {
      const start = blocks.findIndex((b) => b.kind === 'line' && b.text === 'Officer Contact Details');
      const end = blocks.findIndex((b) => b.kind === 'line' && b.appendixStart);
      return blocks.slice(start, end).map((b) => (b.kind === 'line' ? b.text : ''));
    };
    expect(lines(paperBlocks(buildPaperOutline(input({ settings }))))).toEqual([
      'Officer Contact Details',
      'Name: Jan Pryor',
      'Title: Policy & Performance Officer',
      'Contact No. 01562 732722',
      'Email: jan.pryor@example.org',
    ]);
    expect(lines(paperBlocks(buildPaperOutline(input())))).toEqual([
      'Officer Contact Details',
      'Name: Jan Pryor',
      'Title: Policy & Performance Officer',
      'Email: jan.pryor@example.org',
    ]);
  });

  it('starts the appendix once, then each table under its caption (a line for an empty one), the key, the glossary', () => {
    const settings: Settings = { ...DEFAULT_SETTINGS, glossary: SEED_GLOSSARY };
    const outline = buildPaperOutline(input({ settings }));
    const blocks = paperBlocks(outline);
    expect(blocks.filter((b) => b.kind === 'line' && b.appendixStart)).toHaveLength(1);
    const start = blocks.findIndex((b) => b.kind === 'line' && b.appendixStart);
    const appendix = shown(blocks.slice(start)).map((b) => (Array.isArray(b) ? b[0] : b));
    expect(appendix[0]).toBe('Appendix 1: Performance Management Action Plan Progress Report');
    expect(appendix[1]).toBe('Progress as at 15 Apr 2010');
    expect(appendix.slice(-4)).toEqual(['Key', '[key]', 'Glossary', '[glossary]']);
    const extensions = appendix.indexOf('Extensions for the Committee to note or approve');
    expect(appendix[extensions + 1]).toBe('No extensions were recorded.');
    const glossary = (blocks.at(-1) as { table: AppendixTable }).table;
    expect(glossary.rows.map((r) => r.cells)).toEqual([
      ['CMT', 'Corporate Management Team'],
      ['LAA', 'Local Area Agreement'],
      ['KLOE', 'Key Line of Enquiry'],
      ['DMT', 'Directorate Management Team'],
      ['LSP', 'Local Strategic Partnership'],
      ['SCS', 'Sustainable Community Strategy'],
    ]);
    // With no glossary in Settings the key ends the paper.
    expect(shown(paperBlocks(buildPaperOutline(input()))).at(-1)).toBe('[key]');
  });

  it('shows the Dashboard’s status chart, then its trend, after the summary tables, when it has them', () => {
    const outline = buildPaperOutline(input({ charts: ['directorate', 'trend', 'status'] }));
    expect(outline.appendix.charts).toEqual([
      { key: 'status', title: 'Actions by status' },
      { key: 'trend', title: 'Actions by status at each paper' },
    ]);
    const blocks = shown(paperBlocks(outline));
    const first = blocks.indexOf('[image status]');
    expect(blocks.slice(first - 2, first + 3)).toEqual([
      expect.arrayContaining([expect.stringMatching(/^Changes since the last paper/)]),
      '[summary]',
      '[image status]',
      '[image trend]',
      expect.arrayContaining(['Extensions for the Committee to note or approve']),
    ]);
    // Each picture is one index and its paragraph's newline.
    expect(outline.size.estimate - buildPaperOutline(input()).size.estimate).toBe(4);
    expect(shown(paperBlocks(buildPaperOutline(input())))).not.toContain('[image status]');
  });
});
