import * as fs from 'fs';
import * as path from 'path';
import {
  cleanText,
  defuseFormula,
  importPlan,
  progressDateOf,
  type ImportResult,
} from '../../src/core/importPlan';

const SEEDS = path.join(__dirname, '../fixtures/seeds');
const TODAY = '2010-08-01';

function seedGrid(prefix: string): string[][] {
  const file = fs.readdirSync(SEEDS).find((f) => f.startsWith(prefix));
  if (!file) throw new Error(`seed ${prefix} not found`);
  return fs
    .readFileSync(path.join(SEEDS, file), 'utf8')
    .split('\n')
    .map((line) => line.split('\t'));
}

/** 1-based number of the first row whose raw text contains `text`. */
function rowOf(grid: string[][], text: string): number {
  const index = grid.findIndex((cells) => cells.join('\t').includes(text));
  if (index < 0) throw new Error(`no row contains ${text}`);
  return index + 1;
}

/** Rows with text that are neither blank nor one of the layout's header rows, and not accounted for. */
function unaccounted(grid: string[][], result: ImportResult, header: RegExp): number[] {
  const covered = new Set<number>();
  for (const a of result.actions) a.sourceRows.forEach((r) => covered.add(r));
  for (const p of result.problems) for (let r = p.row; r <= (p.lastRow ?? p.row); r++) covered.add(r);
  const missing: number[] = [];
  grid.forEach((cells, i) => {
    const text = cells.map(cleanText).join(' ').trim();
    if (text === '' || header.test(cells.map(cleanText).join('|'))) return;
    if (!covered.has(i + 1)) missing.push(i + 1);
  });
  return missing;
}

function byRef(result: ImportResult, ref: string) {
  const found = result.actions.find((a) => a.ref === ref);
  if (!found) throw new Error(`no action ${ref}: ${result.actions.map((a) => a.ref).join(', ')}`);
  return found;
}

function problemsAt(result: ImportResult, row: number): string[] {
  return result.problems.filter((p) => p.row === row).map((p) => p.problem);
}

const allText = (result: ImportResult): string =>
  result.actions
    .map((a) =>
      [a.ref, a.kloe, a.recommendation, a.action, a.timescale, a.lead, a.progress, a.status].join('\n'),
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
    expect(a.recommendation).toBe('Ensure broad involvement in target-setting');
    expect(byRef(result, '4.1').recommendation).toBe(
      "Increase awareness and role of Covalent (Council's Performance Management system)",
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
      expect(byRef(result, ref).recommendation).toBe('Improve clarity and scope of reporting.');
    }
    expect(byRef(result, '7.2').recommendation).toBe('Corporate re-launch.');
  });

  it('gives recommendation 5, found after a page break, to the action above it under the same KLOE', () => {
    const a = byRef(result, '5.1');
    expect(a.action).toBe('Review and agree reporting arrangements with all stakeholders');
    expect(a.recommendation).toBe('Improve clarity and scope of reporting.');
    expect(problemsAt(result, rowOf(grid, '5. Improve clarity')).join()).toMatch(/recommendation 5/);
  });

  it('merges the row continued across a page break into the action before it, and reports it', () => {
    const continuation = rowOf(grid, 'impact of performance processes.');
    const a = byRef(result, '6.1');
    expect(a.sourceRows).toEqual([rowOf(grid, 'Learning and reviewing. 6.'), continuation]);
    expect(a.recommendation).toBe('Assess the impact of performance processes.');
    expect(a.progress).toContain("rated 'excellent' for performance management to compare analysis of data.");
    expect(a.progress).toContain('Value for Money benchmarking programme underway');
    expect(problemsAt(result, continuation).join()).toMatch(/continues/);
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

  it('strips list markup and skips repeated headers and the status key', () => {
    const text = allText(result);
    expect(text).not.toMatch(/<|list-style/);
    expect(result.actions.some((a) => /^(Action|Overdue|Completed)$/.test(a.action))).toBe(false);
    const key = rowOf(grid, 'Check Progress');
    expect(result.problems.some((p) => p.row <= key && key <= (p.lastRow ?? p.row))).toBe(true);
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

  it('strips <b>, <p> and ** markup', () => {
    expect(allText(result)).not.toMatch(/<\/?[a-z]+>|\*\*/);
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
    expect(result.problems.filter((p) => /KLOE/.test(p.problem))).toHaveLength(1);
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
      ref: '1.1',
      kloe: 'Agreeing outcomes and priorities.',
      recommendation: 'Develop links between Council Priorities, LAA and SCS.',
      action:
        'Ensure consistency between outcomes and measures for Council, LAA and SCS Priorities. Demonstrate how they are aligned.',
      timescale: '',
      dueDate: null,
      lead: '',
      progress: '',
      progressDate: null,
      status: '',
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

describe('a simple CSV-like layout with refs given', () => {
  const grid = [
    ['Ref', 'Action', 'Timescale', 'Lead', 'Progress', 'RAG'],
    ['A1', 'Publish the data quality policy', 'by March 2011', 'JJ', 'Drafted', 'Green'],
    ['A2', 'Train members on Covalent', 'Ongoing', 'TG', '', ''],
    ['', 'Review the benchmarking club', 'Sometime soon', 'TG', '', ''],
  ];
  const result = importPlan(grid, { today: TODAY });

  it('keeps the refs given and numbers the rest', () => {
    expect(result.actions.map((a) => a.ref)).toEqual(['A1', 'A2', '1']);
    expect(result.actions[0]).toMatchObject({
      action: 'Publish the data quality policy',
      timescale: 'by March 2011',
      dueDate: '2011-03-31',
      lead: 'JJ',
      progress: 'Drafted',
      status: 'Green',
      sourceRows: [2],
    });
  });

  it('keeps a timescale it cannot understand, with no due date and a report line', () => {
    expect(result.actions[2]).toMatchObject({ timescale: 'Sometime soon', dueDate: null });
    expect(problemsAt(result, 4)).toContain('timescale not understood');
  });

  it('reports the missing KLOE column once', () => {
    expect(result.problems.filter((p) => /KLOE/.test(p.problem))).toHaveLength(1);
  });

  it('reads the same from a rectangular sheet grid with trailing blank columns and rows', () => {
    const padded = [...grid.map((r) => [...r, '', '']), ['', '', '', '', '', '', '', '']];
    expect(importPlan(padded, { today: TODAY }).actions).toEqual(result.actions);
  });
});

describe('dates, numbers and inherited timescales', () => {
  it('treats a column of real dates as due dates', () => {
    const grid: unknown[][] = [
      ['Recommendation', 'Action', 'Target date'],
      ['1. Improve reporting', 'Publish the annual report', new Date(2011, 2, 31)],
      ['', 'Agree the benchmarking process', '30/06/2011'],
      ['6. Celebrate success', 'Run the staff awards', 'June 2011'],
      ['9. Link reports', 'Align the reports', 'As for Reccs. 1 and 6'],
    ];
    const result = importPlan(grid, { today: TODAY });
    expect(result.actions.map((a) => [a.ref, a.timescale, a.dueDate])).toEqual([
      ['1.1', '', '2011-03-31'],
      ['1.2', '30/06/2011', '2011-06-30'],
      ['6.1', 'June 2011', '2011-06-30'],
      ['9.1', 'As for Reccs. 1 and 6', '2011-06-30'],
    ]);
  });

  it('numbers recommendations without a number after the highest given', () => {
    const grid = [
      ['KLOE', 'Recommendation', 'Action', 'When'],
      ['Setting targets', '3. Ensure broad involvement', 'Involve Members', 'June 2010'],
      ['Reporting', 'Improve clarity', 'Review arrangements', 'July 2010'],
      ['', '', 'Clarify roles', 'July 2010'],
      ['Learning', 'Assess impact', 'Analyse data', 'July 2010'],
    ];
    const result = importPlan(grid, { today: TODAY });
    expect(result.actions.map((a) => a.ref)).toEqual(['3.1', '4.1', '4.2', '5.1']);
    expect(result.actions[1].recommendation).toBe('Improve clarity');
  });

  it('gives no due date to an inherited timescale whose recommendations have none, and reports it', () => {
    const grid = [
      ['Recommendation', 'Action', 'Timescale'],
      ['1. Improve reporting', 'Publish the annual report', ''],
      ['2. Link reports', 'Align the reports', 'As for Recc. 1'],
    ];
    const result = importPlan(grid, { today: TODAY });
    expect(result.actions[1].dueDate).toBeNull();
    expect(problemsAt(result, 3).join()).toMatch(/not understood/);
  });
});

describe('continuation rows', () => {
  it('adds a row with no action text to the action above, never losing its text', () => {
    const grid = [
      ['Ref', 'Action', 'Timescale', 'Progress'],
      ['1', 'Publish the report', 'June 2010', 'Drafted and sent to CMT.'],
      ['', '', '', 'Agreed by Cabinet in July.'],
      ['2', 'Train members', 'Ongoing', ''],
    ];
    const result = importPlan(grid, { today: TODAY });
    expect(result.actions).toHaveLength(2);
    expect(result.actions[0].progress).toBe('Drafted and sent to CMT. Agreed by Cabinet in July.');
    expect(result.actions[0].sourceRows).toEqual([2, 3]);
    expect(problemsAt(result, 3)).toHaveLength(1);
  });

  it('skips blank rows', () => {
    const grid = [
      ['Action', 'Lead'],
      ['', ''],
      ['Publish the report', 'JJ'],
      ['   ', ''],
    ];
    const result = importPlan(grid, { today: TODAY });
    expect(result.actions.map((a) => [a.action, a.sourceRows])).toEqual([['Publish the report', [3]]]);
  });
});

describe('formula-looking text', () => {
  const texts = [
    '=HYPERLINK("http://example.org","Plan")',
    '+44 1562 732928 to book',
    '-1 vacancy to fill',
    '@x',
  ];
  const grid = [['Action', 'Lead'], ...texts.map((t) => [t, 'JJ'])];
  const result = importPlan(grid, { today: TODAY });

  it('survives the import as plain text', () => {
    expect(result.actions.map((a) => a.action)).toEqual(texts);
  });

  it('is stored as text by prefixing the apostrophe Sheets reads as a text marker', () => {
    expect(result.actions.map((a) => defuseFormula(a.action))).toEqual(texts.map((t) => `'${t}`));
    expect(defuseFormula('Publish the report')).toBe('Publish the report');
    expect(defuseFormula('')).toBe('');
  });
});

describe('re-import', () => {
  const grid = seedGrid('000');
  const first = importPlan(grid, { today: TODAY });

  it('does not duplicate actions already in the register, and reports them as skipped', () => {
    const again = importPlan(grid, { today: TODAY, existing: first.actions });
    expect(again.actions).toEqual([]);
    expect(again.problems.filter((p) => /already in the register/.test(p.problem))).toHaveLength(12);
  });

  it('matches by normalised action text when the ref differs, and by ref when the text was edited', () => {
    const existing = [
      {
        ref: 'R99',
        action: '  involve members, staff and users in setting challenging but realistic targets.',
      },
      { ref: '7.2', action: 'Awareness sessions (edited in the register)' },
    ];
    const again = importPlan(grid, { today: TODAY, existing });
    expect(again.actions.map((a) => a.ref)).toEqual(
      first.actions.map((a) => a.ref).filter((r) => r !== '3.1' && r !== '7.2'),
    );
  });

  it('gives the same refs every time', () => {
    expect(importPlan(grid, { today: '2011-01-01' }).actions.map((a) => a.ref)).toEqual(
      first.actions.map((a) => a.ref),
    );
  });
});

describe('a grid with no plan table', () => {
  it('imports nothing and reports the rows it could not read', () => {
    const result = importPlan([['Dear colleague'], [''], ['Please find the plan attached.']], {
      today: TODAY,
    });
    expect(result.actions).toEqual([]);
    expect(result.layout).toBe('not recognised');
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ row: 1, lastRow: 3 });
  });
});

describe('cleanText', () => {
  it('strips list markup, tags and bullets and decodes entities', () => {
    expect(
      cleanText(
        '<ul style="list-style-type: none"> • Approving Plans &amp; Strategies • Agreeing the Budget ',
      ),
    ).toBe('Approving Plans & Strategies Agreeing the Budget');
    expect(cleanText('<p>a) Achieved.</p> <p>b) Ditto</p>')).toBe('a) Achieved. b) Ditto');
    expect(cleanText('<b>RECOMMENDATION 5</b>')).toBe('RECOMMENDATION 5');
    expect(cleanText('**PROGRESS with R5**')).toBe('PROGRESS with R5');
    expect(cleanText('- ✓ **the right services**')).toBe('the right services');
    expect(cleanText('including *First Press* and the PIN')).toBe('including First Press and the PIN');
    expect(cleanText('27 <sup>th</sup> March &#8211; &lt;draft&gt;')).toBe('27 th March – <draft>');
  });

  it('never changes words', () => {
    const sentence = "Cabinet /CMB meetings - 5 & 25 August, 'spot checks' (C&YP) - see Recc. 5a; 94% < 97%.";
    expect(cleanText(sentence)).toBe(sentence);
    expect(cleanText('  Report   performance\u00a0levels  ')).toBe('Report performance levels');
  });
});

describe('the date progress is reported to', () => {
  it('is read from a Progress header that names it, and only then', () => {
    expect(progressDateOf('Progress to 31 July 2010')).toBe('2010-07-31');
    expect(progressDateOf('Progress as at 30/09/2010')).toBe('2010-09-30');
    expect(progressDateOf('Progress')).toBeNull();
    expect(progressDateOf('Progress to date')).toBeNull();
  });

  it('dates each imported action that has progress, and no other', () => {
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
  });
});
