import { importPlan } from '../../../src/core/import';
import { byRef, problemsAt, rowOf, seedGrid, unaccountedRows as unaccounted } from './helpers';
import type { ImportResult } from '../../../src/core/import';

const TODAY = '2010-08-01';

const allText = (result: ImportResult): string =>
  result.actions
    .map((a) =>
      [a.ref, a.kloe, a.recommendation, a.action, a.timescale, a.lead, a.progress, a.planStatus].join('\n'),
    )
    .join('\n');

describe('seed 000: KLOE & Rec. | Action | Action & Timescales | Progress | Status', () => {
  const grid = seedGrid('000');
  const result = importPlan(grid, { today: TODAY });

  it('reads the twelve actions in order, as written', () => {
    expect(result.actions.map((a) => a.action)).toEqual([
      'progress Ensure plans contain a mix of national and local indicators which also reflect the diversity of the District',
      'Involve Members, staff and users in setting challenging but realistic targets',
      'Review current data collection processes and systems Provide Covalent training for key Members and officers',
      'Review and agree reporting arrangements with all stakeholders',
      'Clarify roles of CMT, DMTs, Cabinet and Scrutiny Members in monitoring and challenging performance',
      'Report performance relative to resources and satisfaction levels.',
      'Include progress with outcomes in reports',
      'Develop an approach to benchmarking, including for Value for Money',
      'Align Council and partner processes more closely',
      'Ensure performance data is analysed and the information used to improve both performance and learning from key themes and trends',
      'Roll-out of framework led by Cabinet and CMT',
      'Awareness-raising sessions for all Members and DMTs',
    ]);
    expect(result.layout).toMatch(/^table: KLOE & Rec\. \| Action/);
  });

  it('splits the combined cell into KLOE, recommendation number and recommendation', () => {
    const a = byRef(result, '3.1');
    expect(a.kloe).toBe('Setting targets');
    expect(a.recommendation).toBe('3. Ensure broad involvement in target-setting');
    expect(byRef(result, '4.1').recommendation).toBe(
      "4. Increase awareness and role of Covalent (Council's Performance Management system)",
    );
  });

  it('fills KLOE and recommendation down and numbers refs within each recommendation', () => {
    expect(result.actions.map((a) => a.ref)).toEqual([
      '8.1',
      '3.1',
      '4.1',
      '5.1',
      '5.2',
      '5.3',
      '5.4',
      '5.5',
      '5.6',
      '6.1',
      '7.1',
      '7.2',
    ]);
    for (const ref of ['5.2', '5.3', '5.4', '5.5', '5.6']) {
      expect(byRef(result, ref).kloe).toBe('Monitoring and reporting performance data');
      expect(byRef(result, ref).recommendation).toBe('5. Improve clarity and scope of reporting.');
    }
    expect(byRef(result, '7.2').recommendation).toBe('7. Corporate re-launch.');
  });

  it('gives recommendation 5, found after a page break, to the action above it under the same KLOE', () => {
    const a = byRef(result, '5.1');
    expect(a.action).toBe('Review and agree reporting arrangements with all stakeholders');
    expect(a.recommendation).toBe('5. Improve clarity and scope of reporting.');
    expect(problemsAt(result, rowOf(grid, '5. Improve clarity')).join()).toMatch(/recommendation 5/);
  });

  it('merges the row continued across a page break into the action before it, and reports it', () => {
    const continuation = rowOf(grid, 'impact of performance processes.');
    const a = byRef(result, '6.1');
    expect(a.sourceRows).toEqual([rowOf(grid, 'Learning and reviewing. 6.'), continuation]);
    expect(a.recommendation).toBe('6. Assess the impact of performance processes.');
    expect(a.progress).toContain("rated 'excellent' for performance management to compare analysis of data.");
    expect(a.progress).toContain('Value for Money benchmarking programme underway');
    expect(problemsAt(result, continuation).join()).toMatch(/carries on the row above/);
  });

  it('reports the first action, which has no KLOE above it and starts mid-sentence', () => {
    const a = byRef(result, '8.1');
    expect(a.kloe).toBe('');
    expect(problemsAt(result, a.sourceRows[0]).join()).toMatch(/no KLOE or recommendation/);
    expect(problemsAt(result, a.sourceRows[0]).join()).toMatch(/lower case/);
  });

  it('turns "by March 2011" into 31 March 2011', () => {
    expect(byRef(result, '8.1').dueDate).toBe('2011-03-31');
  });

  it('converts the cells that are HTML lists, keeping what was written in the report', () => {
    const text = allText(result);
    expect(text).not.toMatch(/<|list-style/);
    const first = rowOf(grid, 'progress Ensure plans');
    const line = result.report.find((p) => p.row === first && /HTML markup/.test(p.problem));
    expect(line?.column).toBe('Action & Timescales for 2010/11, Progress to 31 July 2010');
    expect(line?.text).toBe(grid[first - 1].slice(2, 4).join('\t'));
  });

  it('skips repeated headers and reports the status key after the plan with its text', () => {
    expect(result.actions.some((a) => /^(Action|Overdue|Completed)$/.test(a.action))).toBe(false);
    const key = rowOf(grid, 'Check Progress');
    const line = result.report.find((p) => p.row <= key && key <= (p.lastRow ?? p.row));
    expect(line?.problem).toMatch(/after the end of the plan/);
    expect(line?.text).toContain('Check Progress');
  });

  it('accounts for every non-blank, non-header row', () => {
    expect(unaccounted(grid, result, /^KLOE & Rec\.\|Action\|/)).toEqual([]);
  });
});

describe('seed 002 Appendix 3: Key Line of Enquiry | Recommendation | Action | Timescale | Responsible Officer', () => {
  const grid = seedGrid('002');
  const result = importPlan(grid, { today: TODAY });

  it('imports the blank plan with KLOE and recommendation filled down and refs assigned', () => {
    expect(result.actions).toHaveLength(16);
    expect(result.actions.map((a) => a.ref)).toEqual([
      '1.1',
      '2.1',
      '2.2',
      '2.3',
      '3.1',
      '4.1',
      '4.2',
      '5.1',
      '5.2',
      '5.3',
      '5.4',
      '5.5',
      '5.6',
      '6.1',
      '7.1',
      '7.2',
    ]);
    const a = byRef(result, '2.3');
    expect(a.kloe).toBe('Developing success measures');
    expect(a.recommendation).toBe('Clearer outcomes with measures');
    expect(a.action).toBe(
      'Ensure plans contain a mix of national and local indicators which also reflect the diversity of the District',
    );
    // The second page has blank KLOE and recommendation cells: the ones above continue.
    expect(byRef(result, '5.3').recommendation).toBe('Improve clarity and scope of reporting.');
  });

  it('gives no due dates and reports each action without a timescale', () => {
    for (const a of result.actions) {
      expect(a.dueDate).toBeNull();
      expect(a.timescale).toBe('');
      expect(problemsAt(result, a.sourceRows[0])).toContain('no timescale');
    }
  });

  it('reads only the action plan out of the whole framework document', () => {
    const header = rowOf(grid, 'Key Line of Enquiry\tRecommendation');
    expect(Math.min(...result.actions.flatMap((a) => a.sourceRows))).toBeGreaterThan(header);
    expect(result.actions.some((a) => /Agenda Item|Appendix/.test(a.action + a.kloe))).toBe(false);
    expect(unaccounted(grid, result, /^Key Line of Enquiry\|Recommendation\|Action\|/)).toEqual([]);
  });
});

describe('seed 003: RECOMMENDATION n blocks with ACTION | TIMESCALE | LEAD and PROGRESS with Rn', () => {
  const grid = seedGrid('003');
  const result = importPlan(grid, { today: '2008-03-01' });

  it('reads every lettered action with the council’s own lettering as its ref', () => {
    const letters = (n: number, to: string): string[] =>
      Array.from({ length: to.charCodeAt(0) - 96 }, (_, i) => `${n}.${String.fromCharCode(97 + i)}`);
    const roman = ['i', 'ii', 'iii', 'iv', 'v', 'vi'];
    expect(result.actions.map((a) => a.ref)).toEqual([
      ...letters(5, 'b'),
      ...letters(1, 'i'),
      ...letters(6, 'c'),
      ...letters(8, 'b'),
      '2.a',
      ...roman.slice(0, 4).map((r) => `2.b.${r}`),
      ...letters(3, 'f'),
      ...letters(4, 'g'),
      ...roman.map((r) => `4.g.${r}`),
      '7.1',
      ...letters(9, 'c'),
      ...letters(10, 'e'),
      '11.1',
      ...letters(12, 'e'),
      ...letters(13, 'b'),
      ...letters(14, 'b'),
    ]);
    expect(result.layout).toMatch(/^recommendation blocks/);
  });

  it('keeps the recommendation text, the action text after its letter, and the lead as written', () => {
    const a = byRef(result, '5.a');
    expect(a.recommendation).toMatch(/^Decide on the extent to which the Council will integrate/);
    expect(a.action).toMatch(/^Discussion with the Herefordshire Partnership Chief Executives' Group/);
    expect(a.lead).toBe('JJ, TG, JW');
    expect(byRef(result, '1.e').lead).toBe('JJ, TG, SR, DP, transformation board chairs, heads of service');
    expect(byRef(result, '2.b.i').action).toBe('Complete appointment of performance improvement managers');
    expect(byRef(result, '1.i').action).toBe('Implement communications plan');
  });

  it('converts cells that are markup and keeps prose as written', () => {
    expect(allText(result)).not.toMatch(/<\/?(p|b)>|\*\*/);
    expect(byRef(result, '8.b').progress).toBe('Ditto');
    expect(byRef(result, '6.c').progress).toContain('considered by Cabinet on 27 <sup>th</sup> March 2008.');
  });

  it('continues the lead above within a recommendation, and reports it', () => {
    const b = byRef(result, '1.b');
    expect(b.lead).toBe('JJ, TG');
    expect(problemsAt(result, b.sourceRows.find((r) => grid[r - 1][0].startsWith('b)')) as number)).toContain(
      'no lead: the lead above in the same recommendation continues',
    );
    expect(byRef(result, '5.b').lead).toBe('CB');
  });

  it('attaches lettered progress to the actions of its recommendation', () => {
    expect(byRef(result, '2.b.ii').progress).toBe('Achieved.');
    expect(byRef(result, '1.e').progress).toMatch(/^Achieved, with new, bi-monthly/);
    for (const ref of ['1.a', '1.b', '1.c', '1.d', '1.f']) {
      expect(byRef(result, ref).progress).toMatch(/^Following visits by scrutiny members/);
    }
    expect(byRef(result, '8.b').progress).toBe('Ditto');
    // An unlettered paragraph continues the lettered one above it.
    expect(byRef(result, '5.a').progress).toContain('The Herefordshire Partnership Board');
    expect(byRef(result, '7.1').progress).toMatch(/^Achieved, following discussion/);
  });

  it('takes an inherited timescale as the latest due date of the recommendations it names', () => {
    const dates = result.actions
      .filter((a) => a.ref.startsWith('1.') || a.ref.startsWith('6.'))
      .map((a) => a.dueDate)
      .filter((d): d is string => d !== null)
      .sort();
    expect(dates.length).toBeGreaterThan(0);
    expect(byRef(result, '9.c').timescale).toBe('As for Reccs. 1 and 6');
    expect(byRef(result, '9.c').dueDate).toBe(dates[dates.length - 1]);
  });

  it('reports timescales it cannot understand and keeps their text', () => {
    const a = byRef(result, '12.b');
    expect(a.timescale).toBe('As agreed with internal audit');
    expect(a.dueDate).toBeNull();
    expect(problemsAt(result, rowOf(grid, 'b) Internal audit to test'))).toContain(
      'timescale not understood',
    );
  });

  it('reports the missing KLOE once, not per action', () => {
    expect(result.actions.every((a) => a.kloe === '')).toBe(true);
    expect(result.report.filter((p) => /KLOE/.test(p.problem))).toHaveLength(1);
  });

  it('accounts for every non-blank, non-header row', () => {
    expect(unaccounted(grid, result, /^ACTION\|+TIMESCALE\|LEAD/)).toEqual([]);
  });
});

describe('seed 004 Appendix 2: KLOE | Recommendation | Action | When', () => {
  const grid = seedGrid('004');
  const result = importPlan(grid, { today: TODAY });

  it('reads the sixteen actions of the action plan, not the findings tables', () => {
    expect(result.actions).toHaveLength(16);
    expect(result.layout).toBe('table: KLOE | Recommendation | Action | When');
    expect(result.actions[0]).toEqual({
      id: '',
      ref: '1.1',
      source: '',
      kloe: 'Agreeing outcomes and priorities.',
      recommendation: 'Develop links between Council Priorities, LAA and SCS.',
      action:
        'Ensure consistency between outcomes and measures for Council, LAA and SCS Priorities. Demonstrate how they are aligned.',
      priority: '',
      priorityLevel: null,
      timescale: '',
      dueDate: null,
      revisedDueDate: null,
      extensionReason: '',
      lead: '',
      leads: null,
      progress: '',
      progressDate: null,
      planStatus: '',
      closure: null,
      completedOn: null,
      extras: [],
      sourceRows: [rowOf(grid, 'Agreeing outcomes and priorities.\tDevelop links')],
    });
    const align = result.actions.find(
      (a) => a.action === 'Align Council and partner processes more closely.',
    );
    expect(align?.kloe).toBe('Learning and reviewing.');
    expect(align?.recommendation).toBe('Assess the impact of performance processes.');
  });

  it('accounts for every non-blank, non-header row', () => {
    expect(unaccounted(grid, result, /^KLOE\|Recommendation\|Action\|When/)).toEqual([]);
  });
});
