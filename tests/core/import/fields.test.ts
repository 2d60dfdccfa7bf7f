import { importPlan } from '../../../src/core/import';
import { dateOf, progressDateOf } from '../../../src/core/import/dates';
import { actionLabel, progressLabels } from '../../../src/core/import/blocks';
import { closureOf, priorityLevelOf } from '../../../src/core/import/status';

const TODAY = '2010-08-01';

describe('refs', () => {
  const result = importPlan(
    [
      ['Ref', 'Action', 'Timescale', 'Lead', 'Progress', 'RAG'],
      ['A1', 'Publish the data quality policy', 'by March 2011', 'JJ', 'Drafted', 'Green'],
      ['A2', 'Train members on Covalent', 'Ongoing', 'TG', '', ''],
      ['', 'Review the benchmarking club', 'Sometime soon', 'TG', '', ''],
    ],
    { today: TODAY },
  );

  test('are kept as given; the rest are numbered, and a missing ref is reported', () => {
    expect(result.actions.map((a) => a.ref)).toEqual(['A1', 'A2', '1']);
    expect(result.report.filter((p) => p.row === 4).map((p) => p.problem)).toContain('no ref');
  });

  test('numbered recommendations give refs within them; unnumbered ones follow the highest', () => {
    const numbered = importPlan(
      [
        ['KLOE', 'Recommendation', 'Action', 'When'],
        ['Setting targets', '3. Ensure broad involvement', 'Involve Members', 'June 2010'],
        ['Reporting', 'Improve clarity', 'Review arrangements', 'July 2010'],
        ['', '', 'Clarify roles', 'July 2010'],
        ['Learning', 'Assess impact', 'Analyse data', 'July 2010'],
      ],
      { today: TODAY },
    );
    expect(numbered.actions.map((a) => [a.ref, a.recommendation])).toEqual([
      ['3.1', '3. Ensure broad involvement'],
      ['4.1', 'Improve clarity'],
      ['4.2', 'Improve clarity'],
      ['5.1', 'Assess impact'],
    ]);
  });

  test('a ref given twice is kept twice, and reported', () => {
    const twice = importPlan(
      [
        ['Ref', 'Action', 'Lead'],
        ['1.1', 'One', 'AK'],
        ['1.1', 'Two', 'AK'],
      ],
      { today: TODAY },
    );
    expect(twice.actions.map((a) => a.ref)).toEqual(['1.1', '1.1']);
    expect(twice.report.map((p) => p.problem)).toContain('ref “1.1” appears more than once');
  });
});

describe('dates', () => {
  test('a date cell is one day, UK day-first', () => {
    expect(['31/03/2025', '2025-03-31', '31 March 2025', '31.03.2025'].map(dateOf)).toEqual(
      new Array(4).fill('2025-03-31'),
    );
    expect(['03/31/2025', 'March 2025 or April', 'TBC', ''].map(dateOf)).toEqual([null, null, null, null]);
  });

  test('a date column gives the due date, the Timescale column the text, an inherited timescale the latest', () => {
    const result = importPlan(
      [
        ['Recommendation', 'Action', 'Target date'],
        ['1. Improve reporting', 'Publish the annual report', new Date(2011, 2, 31)],
        ['', 'Agree the benchmarking process', '30/06/2011'],
        ['6. Celebrate success', 'Run the staff awards', 'June 2011'],
        ['9. Link reports', 'Align the reports', 'As for Reccs. 1 and 6'],
      ],
      { today: TODAY },
    );
    expect(result.actions.map((a) => [a.ref, a.timescale, a.dueDate])).toEqual([
      ['1.1', '2011-03-31', '2011-03-31'],
      ['1.2', '30/06/2011', '2011-06-30'],
      ['6.1', 'June 2011', '2011-06-30'],
      ['9.1', 'As for Reccs. 1 and 6', '2011-06-30'],
    ]);
  });

  test('an inherited timescale whose recommendations have no due date has none, reported', () => {
    const result = importPlan(
      [
        ['Recommendation', 'Action', 'Timescale'],
        ['1. Improve reporting', 'Publish the annual report', ''],
        ['2. Link reports', 'Align the reports', 'As for Recc. 1'],
      ],
      { today: TODAY },
    );
    expect(result.actions[1].dueDate).toBeNull();
    expect(
      result.report
        .filter((p) => p.row === 3)
        .map((p) => p.problem)
        .join(),
    ).toMatch(/not understood/);
  });

  test('with both a Timescale and a due date column, a due date that is not a day is reported with its text', () => {
    const result = importPlan(
      [
        ['Action', 'Timescale', 'Due date', 'Revised due date', 'Reason for extension'],
        ['Publish the report', 'by March 2011', 'TBC', '30/06/2011', 'Waiting for the audit'],
        ['Train members', 'June 2011', '15/06/2011', 'later', ''],
      ],
      { today: TODAY },
    );
    expect(result.actions.map((a) => [a.dueDate, a.revisedDueDate, a.extensionReason])).toEqual([
      ['2011-03-31', '2011-06-30', 'Waiting for the audit'],
      ['2011-06-15', null, ''],
    ]);
    expect(result.report).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 2, problem: 'due date “TBC” is not one day', text: 'TBC' }),
        expect.objectContaining({
          row: 3,
          problem: 'revised due date “later” is not one day',
          text: 'later',
        }),
      ]),
    );
  });

  test('the day progress is reported to comes from a Last updated column or the Progress header', () => {
    expect(progressDateOf('Progress to 31 July 2010')).toBe('2010-07-31');
    expect(progressDateOf('Progress as at 30/09/2010')).toBe('2010-09-30');
    expect(progressDateOf('Progress')).toBeNull();
    expect(progressDateOf('Progress to date')).toBeNull();
    const { actions } = importPlan(
      [
        ['Ref', 'Action', 'Timescale', 'Progress to 31 July 2010'],
        ['1.1', 'Produce guidance on outcomes', 'by March 2011', 'Draft circulated.'],
        ['1.2', 'Ensure business plans contain outcomes', 'by March 2011', ''],
      ],
      { today: '2010-09-06' },
    );
    expect(actions.map((a) => [a.ref, a.progressDate])).toEqual([
      ['1.1', '2010-07-31'],
      ['1.2', null],
    ]);
    const dated = importPlan(
      [
        ['Action', 'Progress', 'Last updated', 'Completed on'],
        ['Publish the report', 'Published.', '12/01/2011', '10/01/2011'],
      ],
      { today: TODAY },
    );
    expect(dated.actions[0]).toMatchObject({
      progressDate: '2011-01-12',
      completedOn: '2011-01-10',
      closure: 'completed',
    });
  });
});

describe('statuses', () => {
  test('Complete, Completed, Implemented, Closed, Done and Achieved mean completed', () => {
    for (const s of [
      'Complete',
      'Completed',
      'Implemented',
      'Closed',
      'Done',
      'Achieved',
      'complete ',
      'Fully implemented',
    ])
      expect(closureOf(s)).toBe('completed');
  });

  test('Superseded, Withdrawn and Risk accepted close an action without completing it', () => {
    for (const s of ['Superseded', 'Withdrawn', 'Risk accepted', 'Closed - superseded', 'Cancelled'])
      expect(closureOf(s)).toBe('closed');
  });

  test('anything else leaves it open', () => {
    for (const s of [
      '',
      'Green',
      'In progress',
      'Partially implemented',
      'Not complete',
      'Overdue',
      'Completed - not',
    ])
      expect(closureOf(s)).toBeNull();
  });
});

describe('priorities', () => {
  test('High-Medium-Low, 1-2-3 and Red-Amber-Green are grades; anything else is not guessed', () => {
    expect(['High', 'H', '1', 'Red', 'Priority 1'].map(priorityLevelOf)).toEqual(new Array(5).fill('high'));
    expect(['Medium', 'M', '2', 'Amber'].map(priorityLevelOf)).toEqual(new Array(4).fill('medium'));
    expect(['Low', 'L', '3', 'Green', 'low.'].map(priorityLevelOf)).toEqual(new Array(5).fill('low'));
    expect(['Very high', '4', '', 'Urgent-ish'].map(priorityLevelOf)).toEqual([null, null, null, null]);
  });

  test('a priority that is not a grade is kept as written and reported', () => {
    const result = importPlan(
      [
        ['Action', 'Priority', 'Lead'],
        ['Publish the report', 'Very high', 'AK'],
      ],
      { today: TODAY },
    );
    expect(result.actions[0]).toMatchObject({ priority: 'Very high', priorityLevel: null });
    expect(result.report.map((p) => p.problem).join()).toMatch(/priority “Very high” is not a grade/);
  });
});

describe('recommendation blocks: lettering', () => {
  test('an action’s letter and sub-item move into its ref', () => {
    expect(actionLabel('a) Discuss with DMTs', undefined)).toEqual({
      letter: 'a',
      roman: undefined,
      text: 'Discuss with DMTs',
    });
    expect(actionLabel('b) ii. Complete appointments', 'a')).toEqual({
      letter: 'b',
      roman: 'ii',
      text: 'Complete appointments',
    });
    expect(actionLabel('i) Cabinet presentations', 'g')).toEqual({
      letter: undefined,
      roman: 'i',
      text: 'Cabinet presentations',
    });
    expect(actionLabel('i) Implement the plan', 'h')).toEqual({
      letter: 'i',
      roman: undefined,
      text: 'Implement the plan',
    });
    expect(actionLabel('Reflect in revised requirements', undefined).letter).toBeUndefined();
  });

  test('a progress paragraph’s letters choose its actions; its list marker goes', () => {
    expect(progressLabels('- a) b), c), d) and f) Following visits')).toEqual({
      labels: ['a', 'b', 'c', 'd', 'f'].map((letter) => ({ letter, roman: undefined })),
      text: 'Following visits',
    });
    expect(progressLabels('- b) (ii) Achieved.')).toEqual({
      labels: [{ letter: 'b', roman: 'ii' }],
      text: 'Achieved.',
    });
    expect(progressLabels('The Board has considered it.')).toEqual({
      labels: [],
      text: 'The Board has considered it.',
    });
  });
});

describe('source and trackers without an Action column', () => {
  test('the audit an action answers fills down, from a row of its own or the row above', () => {
    const result = importPlan(
      [
        ['Audit', 'Ref', 'Agreed action', 'Owner'],
        ['Payroll 2023/24', '', '', ''],
        ['', 'P1', 'Agree a leavers checklist', 'HH'],
        ['Council tax 2023/24', 'C1', 'Review discounts annually', 'SP'],
        ['', 'C2', 'Add an approval check to write-offs', 'SP'],
      ],
      { today: TODAY },
    );
    expect(result.actions.map((a) => [a.ref, a.source, a.sourceRows])).toEqual([
      ['P1', 'Payroll 2023/24', [2, 3]],
      ['C1', 'Council tax 2023/24', [4]],
      ['C2', 'Council tax 2023/24', [4, 5]],
    ]);
  });

  test('with no Action column, each recommendation is the action to be done, and that is said', () => {
    const result = importPlan(
      [
        ['Rec No', 'Recommendation', 'Owner', 'Due date'],
        ['1', 'Reconcile the payroll monthly', 'PM', '31/03/2025'],
      ],
      { today: TODAY },
    );
    expect(result.actions[0]).toMatchObject({
      ref: '1',
      action: 'Reconcile the payroll monthly',
      recommendation: '',
    });
    expect(result.report.map((p) => p.problem)).toContain(
      'no Action column: each recommendation is imported as the action to be done',
    );
  });
});

describe('recommendation blocks: progress paragraphs', () => {
  const plan = (progress: string): string[][] => [
    ['RECOMMENDATION 8', '', ''],
    ['Report performance to Members.', '', ''],
    ['ACTION', 'TIMESCALE', 'LEAD'],
    ['a) Quarterly reports to Cabinet', 'June 2007', 'JJ'],
    ['b) Quarterly reports to Scrutiny', 'June 2007', 'TG'],
    ['PROGRESS with R8', '', ''],
    [progress, '', ''],
  ];
  const progress = (grid: string[][]): string[] =>
    importPlan(grid, { today: TODAY }).actions.map((a) => `${a.ref}: ${a.progress}`);

  test('a cell’s lines are its paragraphs: lettered progress on a line of its own goes to its action', () => {
    const pasted = progress(plan('<p>a) Achieved. See under Recc. 1 above.</p> <p>b) Ditto</p>'));
    expect(pasted).toEqual(['8.a: Achieved. See under Recc. 1 above.', '8.b: Ditto']);
    expect(progress(plan('a) Achieved. See under Recc. 1 above.\nb) Ditto'))).toEqual(pasted);
    expect(progress(plan('a) Achieved. See under Recc. 1 above.\r\n\r\nb) Ditto'))).toEqual(pasted);
  });

  test('a letter in the middle of a line is prose: the line stays whole, with the action it starts with', () => {
    expect(progress(plan('a) Achieved. b) Ditto'))).toEqual(['8.a: Achieved. b) Ditto', '8.b: ']);
  });
});
