import { importPlan, parseMapping, recogniseHeader } from '../../../src/core/import';
import { extraColumnName, isPlanHeader, mapColumns } from '../../../src/core/import/columns';
import { readCell } from '../../../src/core/import/text';
import { columnKeyOf } from '../../../src/core/headers';

const cells = (...headers: string[]) => headers.map(readCell);

describe('plan headers are recognised by meaning', () => {
  test.each([
    [['Ref', 'No.', 'Rec No', 'ID', 'Reference number'], 'ref'],
    [['Finding', 'Issue', 'Governance issue', 'Key findings', 'Issues identified'], 'finding'],
    [['Recommendation', 'Recommendations', 'Recc'], 'recommendation'],
    [['Priority', 'Risk rating', 'Grade', 'Risk'], 'priority'],
    [
      [
        'Agreed action',
        'Agreed management action',
        'Management response',
        'Action taken',
        'Action(s) to be taken',
        'Required action',
        'ACTION',
      ],
      'action',
    ],
    [['Lead', 'Responsible officer', 'Officer responsible', 'Action owner', 'By whom', 'Owner'], 'lead'],
    [
      [
        'Target date',
        'Original target date',
        'Implementation date',
        'Deadline',
        'By when',
        'To be delivered by',
        'Due date',
        'Agreed implementation date',
      ],
      'dueDate',
    ],
    [['Revised target date', 'Revised date', 'New target date', 'Revised due date'], 'revisedDueDate'],
    [['Status', 'RAG status', 'Implementation status'], 'status'],
    [
      [
        'Progress',
        'Progress update',
        'Commentary',
        'Comments',
        '% complete',
        'Update',
        'Progress to 31 July 2010',
      ],
      'progress',
    ],
    [['Audit', 'Source', 'Audit title'], 'source'],
    [['Timescale', 'When', 'Action & Timescales for 2010/11'], 'timescale'],
    [['KLOE', 'Key Line of Enquiry'], 'kloe'],
    [['Reason for extension', 'Reason for delay'], 'extensionReason'],
    [['Date completed', 'Completed on'], 'completedOn'],
    [['Last updated', 'Date updated'], 'progressDate'],
    [['KLOE & Rec.'], 'kloeRec'],
  ])('%j mean %s', (headers, field) => {
    for (const h of headers) expect(recogniseHeader(h)).toBe(field);
  });

  test('headers that name no field are not guessed', () => {
    for (const h of ['Judgments', 'Notes to self', 'Column', '', 'Date'])
      expect(recogniseHeader(h)).toBeNull();
  });

  test('is the import’s own: the Register’s headers stay strict', () => {
    expect(recogniseHeader('Agreed management action')).toBe('action');
    expect(columnKeyOf('Agreed management action')).toBeNull();
  });
});

describe('mapping a header row', () => {
  test('finds each field; unknown, blank, repeated and past-the-header columns are extras', () => {
    const map = mapColumns(cells('Ref', 'Action', '', 'Notes to self', 'Action'), undefined, 6);
    expect(map.fields).toEqual({ ref: 0, action: 1 });
    expect(map.extras.map((e) => [e.index, e.why])).toEqual([
      [2, 'blank header'],
      [3, 'header not understood'],
      [4, 'a second column for the same field'],
      [5, 'past the last header'],
    ]);
  });

  test('a finding is the KLOE, unless the plan has a KLOE column too', () => {
    expect(mapColumns(cells('Finding', 'Action', 'Lead')).fields).toMatchObject({ finding: 0 });
    const both = mapColumns(cells('KLOE', 'Finding', 'Action'));
    expect(both.fields.finding).toBeUndefined();
    expect(both.extras.map((e) => e.why)).toEqual(['the plan has a KLOE column too']);
  });

  test('with no Action column, recommendations beside a field of their own are the actions', () => {
    const tracker = mapColumns(cells('Ref', 'Recommendation', 'Owner', 'Due date'));
    expect(tracker).toMatchObject({ recommendationsAreActions: true, fields: { action: 1 } });
    expect(isPlanHeader(tracker)).toBe(true);
    // Seed 004's findings tables are not plans.
    expect(isPlanHeader(mapColumns(cells('KLOE', 'Findings', 'Judgments', 'Recommendations')))).toBe(false);
    expect(isPlanHeader(mapColumns(cells('Who', 'Role', 'When')))).toBe(false);
    expect(isPlanHeader(mapColumns(cells('Action')))).toBe(false);
  });

  test('an officer’s mapping overrides recognition', () => {
    const { mapping, errors } = parseMapping([
      'Task=Action',
      'Person=Lead',
      'Date=Due date',
      'Notes=extra',
      'bad',
    ]);
    expect(errors).toEqual(['"bad" is not Header=Field (a field such as Action, Lead, Due date, or Extra)']);
    const map = mapColumns(cells('Task', 'Person', 'Date', 'Notes'), mapping);
    expect(map.fields).toEqual({ action: 0, lead: 1, dueDate: 2 });
    expect(map.extras.map((e) => e.why)).toEqual(['kept as an extra column, as mapped']);
  });
});

describe('headers not understood', () => {
  const grid = [
    ['Task', 'Person', 'Date'],
    ['Review the scheme', 'AK', '31/03/2025'],
  ];

  test('without a mapping: nothing imported, and the headers are named so the officer can map them', () => {
    const result = importPlan(grid, { today: '2024-06-01' });
    expect(result.actions).toEqual([]);
    expect(result.unknownHeaders).toEqual([
      { row: 1, column: 1, header: 'Task' },
      { row: 1, column: 2, header: 'Person' },
      { row: 1, column: 3, header: 'Date' },
    ]);
    expect(result.error).toMatch(/Headers not understood: “Task”, “Person”, “Date”/);
  });

  test('once mapped, the plan imports', () => {
    const { mapping } = parseMapping(['Task=Action', 'Person=Lead', 'Date=Due date']);
    const result = importPlan(grid, { today: '2024-06-01', mapping });
    const asAsked = importPlan(grid, {
      today: '2024-06-01',
      mapping: { 'TASK ': 'action', person: 'lead', Date: 'dueDate' },
    });
    expect(asAsked.actions).toEqual(result.actions);
    expect(result.actions).toEqual([
      expect.objectContaining({ action: 'Review the scheme', lead: 'AK', dueDate: '2025-03-31' }),
    ]);
    expect(result.unknownHeaders).toEqual([]);
  });
});

describe('extra column names', () => {
  test('are the plan’s header, "Column N" when blank, marked where they would clash', () => {
    expect(extraColumnName('Audit sponsor', 7, new Set())).toBe('Audit sponsor');
    expect(extraColumnName('', 2, new Set())).toBe('Column 3');
    expect(extraColumnName('Progress', 5, new Set())).toBe('Progress (plan column 6)');
    expect(extraColumnName('Extensions', 9, new Set())).toBe('Extensions (plan column 10)');
    expect(extraColumnName('Audit sponsor', 8, new Set(['audit sponsor']))).toBe(
      'Audit sponsor (plan column 9)',
    );
  });
});
