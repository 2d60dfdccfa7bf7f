import {
  columnKeyOf,
  describeMissing,
  matchRegisterColumns,
  normaliseHeader,
  REGISTER_COLUMNS,
} from '../../src/core/headers';

describe('normaliseHeader', () => {
  it('ignores case, spacing, punctuation and markup, and reads "&" as "and"', () => {
    expect(normaliseHeader('  KLOE & Rec. ')).toBe('kloe and rec');
    expect(normaliseHeader('kloe and rec')).toBe('kloe and rec');
    expect(normaliseHeader('<b>ACTION</b>')).toBe('action');
    expect(normaliseHeader('Lead\u00a0Officer')).toBe('lead officer');
    expect(normaliseHeader('Due-date')).toBe('due date');
  });
});

describe('columnKeyOf', () => {
  it.each([
    ['KLOE', 'kloe'],
    ['Key Line of Enquiry', 'kloe'],
    ['Recommendation', 'recommendation'],
    ['Rec', 'recommendation'],
    ['Recc', 'recommendation'],
    ['ACTION', 'action'],
    ['Actions', 'action'],
    ['Timescale', 'timescale'],
    ['When', 'timescale'],
    ['TIMESCALE', 'timescale'],
    ['Deadline', 'timescale'],
    ['Target date', 'timescale'],
    ['Action & Timescales for 2010/11', 'timescale'],
    ['Lead', 'lead'],
    ['Lead officer', 'lead'],
    ['Responsible Officer', 'lead'],
    ['LEAD', 'lead'],
    ['Owner', 'lead'],
    ['Progress', 'progress'],
    ['Progress to 31 July 2010', 'progress'],
    ['Update', 'progress'],
    ['Comments', 'progress'],
    ['Status', 'status'],
    ['RAG', 'status'],
    ['Due date', 'dueDate'],
    ['Revised due date', 'revisedDueDate'],
    ['Ref', 'ref'],
    ['No.', 'ref'],
    ['Reference', 'ref'],
    ['ID', 'ref'],
    ['Last updated', 'lastUpdated'],
    ['Completed on', 'completedOn'],
    ['Extensions', 'extensions'],
    ['KLOE & Rec.', 'kloeRec'],
  ])('%s is %s', (header, key) => {
    expect(columnKeyOf(header)).toBe(key);
  });

  it('does not claim headers that name no register column', () => {
    expect(columnKeyOf('Findings')).toBeNull();
    expect(columnKeyOf('Judgments')).toBeNull();
    expect(columnKeyOf('')).toBeNull();
  });
});

describe('matchRegisterColumns: the Register sheet read by its own headers', () => {
  it('finds every register column by its header, in any order, case and spacing aside', () => {
    const headers = REGISTER_COLUMNS.map((c) => c.header.toUpperCase()).reverse();
    const { columns, missing } = matchRegisterColumns(headers);
    expect(missing).toEqual([]);
    REGISTER_COLUMNS.forEach((c) => expect(headers[columns[c.key] as number]).toBe(c.header.toUpperCase()));
  });

  it('names a renamed core column and the header that looks like it, and never reads a synonym as it', () => {
    const headers = REGISTER_COLUMNS.map((c) =>
      c.key === 'progress' ? 'Commentary' : c.key === 'dueDate' ? 'Deadline' : c.header,
    );
    const { columns, missing } = matchRegisterColumns(headers);
    expect(columns.progress).toBeUndefined();
    expect(columns.dueDate).toBeUndefined();
    expect(describeMissing(missing)).toEqual([
      'Due date not found: "Deadline" looks like it; rename that header to Due date.',
      'Progress not found: "Commentary" looks like it; rename that header to Progress.',
    ]);
  });

  it('leaves officers’ own columns alone and asks for optional columns only where one looks renamed', () => {
    const { columns, missing } = matchRegisterColumns([
      'Action',
      'Notes for Cllr Smith',
      'Ref',
      'Risk rating',
    ]);
    expect(columns).toEqual({ action: 0, ref: 2 });
    expect(missing.map((m) => [m.key, m.lookalike])).toContainEqual(['priority', 'Risk rating']);
    expect(missing.map((m) => m.key)).not.toContain('source');
  });
});
