import { importPlan } from '../../../src/core/import';
import { classifyTables, isPageHeading, looksLikeRef, type RowKind } from '../../../src/core/import/rows';
import { readCells } from '../../../src/core/import/text';

const kinds = (grid: string[][]): RowKind[] => classifyTables(readCells(grid)).classified.map((r) => r.kind);
const HEADER = ['Ref', 'KLOE', 'Action', 'Timescale', 'Lead', 'Progress'];

describe('classifying the rows of a table', () => {
  test('a row with a field of its own is an action, even with no action text', () => {
    expect(
      kinds([
        HEADER,
        ['R01', 'Setting targets', 'First action', 'June 2025', 'AK', ''],
        ['R02', '', '', '', '', ''],
        ['', '', '', 'July 2025', '', ''],
        ['', '', '', '', 'BM', 'with its own lead'],
      ]),
    ).toEqual(['header', 'action', 'action', 'action', 'action']);
  });

  test('where actions carry fields, a row of bare text continues the action above', () => {
    expect(
      kinds([
        HEADER,
        ['R01', '', 'First action', 'June 2025', 'AK', 'Started.'],
        ['', '', 'More of the first action', '', '', ''],
        ['', '', '', '', '', 'More progress'],
      ]),
    ).toEqual(['header', 'action', 'continuation', 'continuation']);
  });

  test('in a plan of bare actions, each action is its own; only lower-case text carries on', () => {
    const grid = [
      ['KLOE', 'Recommendation', 'Action', 'Timescale'],
      ['Setting targets', 'Involve members', 'Produce guidance on outcomes', ''],
      ['', '', 'Ensure business plans contain outcomes', ''],
      ['', '', 'and indicators to measure progress', ''],
    ];
    expect(kinds(grid)).toEqual(['header', 'action', 'action', 'continuation']);
  });

  test('KLOE or recommendation alone is a heading; new KLOE text with an action is a new group', () => {
    expect(
      kinds([
        HEADER,
        ['', 'Setting targets', '', '', '', ''],
        ['R01', '', 'First action', 'June 2025', 'AK', ''],
        ['', 'Data quality', 'Run spot checks', '', '', ''],
      ]),
    ).toEqual(['header', 'heading', 'action', 'action']);
  });

  test('a lone phrase in the Ref column is a section row; a lone ref is an action', () => {
    expect(
      kinds([
        HEADER,
        ['Audits reported in 2023/24', '', '', '', '', ''],
        ['22 CTAX & NNDR 01', '', 'Review discounts', 'June 2025', 'AK', ''],
        ['R02', '', '', '', '', ''],
      ]),
    ).toEqual(['header', 'section', 'action', 'action']);
    expect(looksLikeRef('22 CTAX & NNDR 01')).toBe(true);
    expect(looksLikeRef('1.10')).toBe(true);
    expect(looksLikeRef('Audits reported in 2023/24')).toBe(false);
  });

  test('page headings, blank lines and a repeated header do not end the plan', () => {
    expect(
      kinds([
        HEADER,
        ['R01', '', 'First action', 'June 2025', 'AK', ''],
        ['', '', '', '', '', ''],
        ['Appendix A', '', '', '', '', ''],
        HEADER,
        ['', '', '', '', '', 'more progress for R01'],
        ['R02', '', 'Second action', 'July 2025', 'BM', ''],
      ]),
    ).toEqual(['header', 'action', 'blank', 'page heading', 'repeated header', 'continuation', 'action']);
    expect(['Appendix A', 'Agenda Item No. 6', 'Page 3 of 10', '(continued)'].every(isPageHeading)).toBe(
      true,
    );
    expect(isPageHeading('(continued) further progress for R018')).toBe(false);
  });

  test('what follows a blank line below the last action is not the plan; what is above the header neither', () => {
    expect(
      kinds([
        ['Wyre Forest District Council', '', '', '', '', ''],
        HEADER,
        ['R01', '', 'First action', 'June 2025', 'AK', ''],
        ['', '', '', '', '', 'carried on, no blank line before'],
        ['', '', '', '', '', ''],
        ['Key: R = red, A = amber', '', '', '', '', ''],
        ['', '', 'Overdue', '', '', ''],
      ]),
    ).toEqual(['before plan', 'header', 'action', 'continuation', 'blank', 'after plan', 'after plan']);
  });

  test('text under a header before any action belongs to nothing', () => {
    expect(kinds([HEADER, ['', '', '', '', '', 'a note before the actions']])).toEqual(['header', 'orphan']);
  });
});

describe('building actions from the rows', () => {
  test('a continuation adds its text to the action above and is reported; nothing is lost', () => {
    const result = importPlan(
      [
        ['Ref', 'Action', 'Timescale', 'Progress'],
        ['1', 'Publish the report', 'June 2010', 'Drafted and sent to CMT.'],
        ['', '', '', 'Agreed by Cabinet in July.'],
        ['2', 'Train members', 'Ongoing', ''],
      ],
      { today: '2010-08-01' },
    );
    expect(result.actions).toHaveLength(2);
    expect(result.actions[0]).toMatchObject({
      progress: 'Drafted and sent to CMT.\nAgreed by Cabinet in July.',
      sourceRows: [2, 3],
    });
    expect(result.report.filter((p) => p.row === 3).map((p) => p.problem)).toEqual([
      'has no ref, timescale, date, lead or status of its own: its text is added to the action on row 2',
    ]);
  });

  test('blank rows are skipped, padded grids read the same', () => {
    const grid = [
      ['Action', 'Lead'],
      ['', ''],
      ['Publish the report', 'JJ'],
      ['   ', ''],
    ];
    const result = importPlan(grid, { today: '2010-08-01' });
    expect(result.actions.map((a) => [a.action, a.sourceRows])).toEqual([['Publish the report', [3]]]);
    const padded = [...grid.map((r) => [...r, '', '']), ['', '', '', '']];
    expect(importPlan(padded, { today: '2010-08-01' }).actions).toEqual(result.actions);
  });

  test('a grid with no plan table imports nothing and keeps its rows in one line', () => {
    const result = importPlan([['Dear colleague'], [''], ['Please find the plan attached.']], {
      today: '2010-08-01',
    });
    expect(result.actions).toEqual([]);
    expect(result.layout).toBe('not recognised');
    expect(result.report).toEqual([
      expect.objectContaining({
        row: 1,
        lastRow: 3,
        text: 'Dear colleague\n\nPlease find the plan attached.',
      }),
    ]);
    expect(result.error).toMatch(/^No actions imported: no header row naming an Action column/);
  });
});

describe('a KLOE or recommendation repeated on the rows below', () => {
  const HEAD = ['KLOE', 'Recommendation', 'Action', 'When'];
  const TARGETS = 'Setting targets.';
  const INVOLVE = 'Ensure broad involvement in target-setting.';
  const REPORTING = 'Monitoring and reporting.';
  const CLARITY = 'Improve clarity and scope of reporting.';
  const read = (grid: string[][]) => importPlan(grid, { today: '2010-08-01' });
  const refsAndRecs = (grid: string[][]) =>
    read(grid).actions.map((a) => [a.ref, a.kloe, a.recommendation, a.action]);
  const numbered = (grid: string[][]) =>
    read(grid)
      .report.filter((p) => /had no number/.test(p.problem))
      .map((p) => p.row);

  // As a paste leaves merged cells: the text on the first row only.
  const filledOnce = [
    HEAD,
    [TARGETS, INVOLVE, 'Involve Members', ''],
    ['', '', 'Involve staff and users', ''],
    [REPORTING, CLARITY, 'Review reporting arrangements', ''],
    ['', '', 'Clarify roles of CMT', ''],
  ];

  test('on consecutive rows (a merged cell filled down, an export) it is one recommendation, numbered once', () => {
    const repeated = [
      HEAD,
      [TARGETS, INVOLVE, 'Involve Members', ''],
      [TARGETS, INVOLVE, 'Involve staff and users', ''],
      [REPORTING, CLARITY, 'Review reporting arrangements', ''],
      [REPORTING, CLARITY, 'Clarify roles of CMT', ''],
    ];
    expect(refsAndRecs(repeated)).toEqual([
      ['1.1', TARGETS, INVOLVE, 'Involve Members'],
      ['1.2', TARGETS, INVOLVE, 'Involve staff and users'],
      ['2.1', REPORTING, CLARITY, 'Review reporting arrangements'],
      ['2.2', REPORTING, CLARITY, 'Clarify roles of CMT'],
    ]);
    expect(read(repeated).actions).toEqual(read(filledOnce).actions);
    expect(numbered(repeated)).toEqual([2, 4]);
  });

  test('repeated with the other cell blank, or with spacing that differs, it is still the one above', () => {
    const exported = [
      HEAD,
      [TARGETS, INVOLVE, 'Involve Members', ''],
      ['', INVOLVE, 'Involve staff and users', ''],
      [REPORTING, CLARITY, 'Review reporting arrangements', ''],
      [REPORTING, '', 'Clarify roles of CMT', ''],
    ];
    expect(read(exported).actions).toEqual(read(filledOnce).actions);
    const spaced = filledOnce.map((r, i) =>
      i === 2 ? [`${TARGETS} `, INVOLVE.replace(/ /g, '  '), ...r.slice(2)] : r,
    );
    expect(read(spaced).actions.map((a) => a.ref)).toEqual(['1.1', '1.2', '2.1', '2.2']);
  });

  test('a numbered recommendation repeated is one recommendation too', () => {
    const grid = [
      HEAD,
      [TARGETS, `3. ${INVOLVE}`, 'Involve Members', ''],
      [TARGETS, `3. ${INVOLVE}`, 'Involve staff and users', ''],
    ];
    expect(read(grid).actions.map((a) => [a.ref, a.recommendation])).toEqual([
      ['3.1', `3. ${INVOLVE}`],
      ['3.2', `3. ${INVOLVE}`],
    ]);
  });

  test('the same KLOE with another recommendation is a new recommendation under that KLOE', () => {
    const grid = [
      HEAD,
      [TARGETS, INVOLVE, 'Involve Members', ''],
      [TARGETS, 'Publish the targets.', 'Publish them on the website', ''],
    ];
    expect(refsAndRecs(grid)).toEqual([
      ['1.1', TARGETS, INVOLVE, 'Involve Members'],
      ['2.1', TARGETS, 'Publish the targets.', 'Publish them on the website'],
    ]);
  });

  test('the same recommendation under another KLOE is another recommendation', () => {
    const grid = [
      HEAD,
      [TARGETS, INVOLVE, 'Involve Members', ''],
      [REPORTING, INVOLVE, 'Involve Scrutiny', ''],
    ];
    expect(read(grid).actions.map((a) => [a.ref, a.kloe])).toEqual([
      ['1.1', TARGETS],
      ['2.1', REPORTING],
    ]);
    expect(read(grid).report.some((p) => /is also on row/.test(p.problem))).toBe(false);
  });

  test('after a different recommendation in between, the same text is a recommendation of its own, and said', () => {
    const grid = [
      HEAD,
      [TARGETS, INVOLVE, 'Involve Members', ''],
      [REPORTING, CLARITY, 'Review reporting arrangements', ''],
      [TARGETS, INVOLVE, 'Involve staff and users', ''],
    ];
    const result = read(grid);
    expect(result.actions.map((a) => [a.ref, a.recommendation])).toEqual([
      ['1.1', INVOLVE],
      ['2.1', CLARITY],
      ['3.1', INVOLVE],
    ]);
    expect(result.report.filter((p) => p.row === 4).map((p) => [p.problem, p.kept])).toContainEqual([
      `recommendation “${INVOLVE}” is also on row 2, with another recommendation between them`,
      'a recommendation of its own, numbered apart from the one on that row',
    ]);
  });

  test('a KLOE and recommendation in one cell, repeated, are one recommendation', () => {
    const head = ['KLOE & Rec.', 'Action', 'Action & Timescales'];
    const combined = `${TARGETS} 3. ${INVOLVE}`;
    const grid = [head, [combined, 'Involve Members', 'June 2010'], [combined, 'Involve staff', 'July 2010']];
    expect(read(grid).actions.map((a) => [a.ref, a.kloe, a.recommendation])).toEqual([
      ['3.1', TARGETS, `3. ${INVOLVE}`],
      ['3.2', TARGETS, `3. ${INVOLVE}`],
    ]);
  });
});
