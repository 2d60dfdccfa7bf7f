import { columnKeyOf, matchColumns, normaliseHeader, REGISTER_COLUMNS } from '../../src/core/headers';

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

describe('matchColumns', () => {
  it('finds every register column by its canonical header, in any order', () => {
    const headers = REGISTER_COLUMNS.map((c) => c.header).reverse();
    const { columns, unknown } = matchColumns(headers);
    expect(unknown).toEqual([]);
    REGISTER_COLUMNS.forEach((c) => expect(headers[columns[c.key] as number]).toBe(c.header));
  });

  it('reads the combined KLOE and recommendation column of the progress appendix', () => {
    const m = matchColumns([
      'KLOE & Rec.',
      'Action',
      'Action & Timescales for 2010/11',
      'Progress to 31 July 2010',
      'Status',
    ]);
    expect(m.combinedKloeRec).toBe(0);
    expect(m.columns).toEqual({ action: 1, timescale: 2, progress: 3, status: 4 });
    expect(m.unknown).toEqual([]);
  });

  it('lets the first match win and leaves officers’ own columns as unknown', () => {
    const m = matchColumns(['Action', 'Notes for Cllr Smith', 'Actions', 'Lead', '', 'Owner']);
    expect(m.columns).toEqual({ action: 0, lead: 3 });
    expect(m.unknown).toEqual([1, 2, 4, 5]);
    expect(m.combinedKloeRec).toBeUndefined();
  });
});
