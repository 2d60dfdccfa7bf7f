import type { Action, StatusKey } from '../../src/core/model';
import { BLANK_ACTION, DEFAULT_SETTINGS } from '../../src/core/model';
import type { AppendixTable, PaperInput, PaperOutline } from '../../src/core/paper';
import { buildPaper } from '../../src/core/paper';
import {
  DOCS_CHARACTER_LIMIT,
  PAPER_CHARACTER_BUDGET,
  outlineSize,
  rowSize,
  tableSize,
  textSize,
} from '../../src/core/paperSize';
import type { Snapshot } from '../../src/core/snapshots';
import { buildSnapshot } from '../../src/core/snapshots';
import { decideStatus } from '../../src/core/status';

const TODAY = '2011-04-14';
const LAST_PAPER = '2011-01-13';
const WORDS =
  'performance business plan members officers data quality review training consultation partners'.split(' ');

/** Long, varied progress text: about `length` characters of an officer's sentences. */
function progressNote(n: number, length: number): string {
  let text = `Update ${n}:`;
  for (let w = n; text.length < length; w += 7) text += ` ${WORDS[w % WORDS.length]}`;
  return `${text}.`;
}

/** A large register: `completed` actions completed before the last paper, the rest open, all with long progress. */
function largeRegister(total: number, completed: number, progressLength: number): Action[] {
  return Array.from({ length: total }, (_, n) => {
    const kloe = `KLOE ${Math.floor(n / 100) + 1}`;
    const done = n < completed;
    return {
      ...BLANK_ACTION,
      id: `id-${n}`,
      ref: `${Math.floor(n / 100) + 1}.${(n % 100) + 1}`,
      kloe,
      recommendation: `Recommendation for ${kloe}`,
      action: `Action ${n}: ${progressNote(n + 1, 140)}`,
      timescale: done ? 'March 2010' : 'March 2012',
      dueDate: done ? '2010-03-31' : '2012-03-31',
      lead: 'JP',
      progress: progressNote(n, progressLength),
      lastUpdated: '2011-04-01',
      completedOn: done ? '2010-12-01' : null,
    };
  });
}

/** The paper for `actions`; `previous` 'first' makes it the first paper, null a last paper like this one. */
function paperFor(
  actions: readonly Action[],
  previous: Snapshot | null | 'first',
  changedOpen = 0,
): PaperOutline {
  const decisions = actions.map((a) => decideStatus(a, DEFAULT_SETTINGS, TODAY));
  // The last paper saw the same register, except for the progress of the first `changedOpen` open actions.
  const firstOpen = actions.findIndex((a) => a.completedOn === null);
  const input: PaperInput = {
    settings: DEFAULT_SETTINGS,
    form: {
      committee: 'Audit Committee',
      meetingDate: TODAY,
      agendaItem: '7',
      reportAuthor: 'Jan Pryor',
      reportAuthorTitle: 'Policy & Performance Officer',
      openOrExempt: 'Open',
      paperTitle: 'Action Plan Update',
    },
    texts: [],
    actions,
    decisions,
    officers: [],
    ledger: [],
    previous:
      previous === 'first'
        ? null
        : (previous ??
          buildSnapshot(
            actions.map((a, i) =>
              i >= firstOpen && i < firstOpen + changedOpen ? { ...a, progress: 'Earlier note.' } : a,
            ),
            decisions,
            LAST_PAPER,
          )),
    today: TODAY,
  };
  return buildPaper(input).outline;
}

const tablesOf = (outline: PaperOutline, kind: AppendixTable['kind']): AppendixTable[] =>
  outline.appendix.tables.filter((t) => t.kind === kind);
const refsOf = (tables: AppendixTable[]): string[] => tables.flatMap((t) => t.rows.map((r) => r.cells[1]));

describe('sizes in Docs index units', () => {
  it('counts each character, a newline per line, and a start per table, row and cell', () => {
    expect(textSize('Overdue')).toBe(8);
    expect(textSize('Setting targets\n3. Ensure')).toBe(26);
    expect(rowSize(['3.1', ''])).toBe(1 + (1 + 4) + (1 + 1));
    const table: AppendixTable = {
      kind: 'summary',
      caption: 'Actions by status',
      header: ['Status', 'Actions'],
      rows: [{ cells: ['Overdue', '2'], status: 'overdue' }],
      widths: [4, 1],
      widthShare: 0.45,
      statusColumn: 0,
      empty: 'None.',
    };
    expect(tableSize(table)).toBe(18 + 3 + (1 + 8 + 9) + (1 + 9 + 3));
    expect(tableSize({ ...table, rows: [] })).toBe(18 + 6);
    expect(PAPER_CHARACTER_BUDGET).toBeLessThan(DOCS_CHARACTER_LIMIT);
  });
});

describe('the paper at 10,000 actions', () => {
  it('fits by listing completed actions unchanged since the last paper in one line each, and says so', () => {
    const actions = largeRegister(10_000, 9_850, 600);
    const outline = paperFor(actions, null, 100);
    expect(outline.size.estimate).toBeLessThanOrEqual(PAPER_CHARACTER_BUDGET);
    expect(outline.size.estimate).toBe(outlineSize(outline));
    expect(outline.size).toMatchObject({ oneLine: 9_850, progressShortened: 0, omitted: 0 });
    const [progress] = tablesOf(outline, 'progress');
    expect(progress.rows).toHaveLength(150);
    // Open actions keep their progress in full.
    const column = progress.header.indexOf('Progress to 14 Apr 2011');
    expect(progress.rows[0].cells[column]).toBe(progressNote(9_850, 600));
    expect(progress.rows[149].cells[column]).toBe(`No update this cycle.\n${progressNote(9_999, 600)}`);
    const [brief] = tablesOf(outline, 'completedOneLine');
    expect(brief.rows).toHaveLength(9_850);
    expect(brief.rows[0].cells).toEqual([
      '1.1',
      `${`Action 0: ${progressNote(1, 140)}`.slice(0, 59).trimEnd()}…`,
      '1 Dec 2010',
    ]);
    expect([brief.header[brief.statusColumn], brief.rows[0].status]).toEqual(['Completed', 'completed']);
    expect(outline.appendix.notes[0]).toBe(
      'To keep this paper within the size a Google Doc can hold, 9850 completed or closed actions unchanged since ' +
        'the last paper are listed in one line each. Open actions and actions that changed since the last paper are ' +
        'listed in full first; the register holds every action.',
    );
  });

  it('then shortens unchanged progress, and at the last leaves the least urgent to the register', () => {
    const actions = largeRegister(10_000, 2_000, 900);
    const outline = paperFor(actions, null, 300);
    expect(outline.size.estimate).toBeLessThanOrEqual(PAPER_CHARACTER_BUDGET);
    expect(outline.size.estimate).toBe(outlineSize(outline));
    const { oneLine, progressShortened, omitted } = outline.size;
    expect(omitted).toBeGreaterThan(0);
    expect(progressShortened).toBeGreaterThan(0);
    const listed = refsOf(tablesOf(outline, 'progress'));
    expect(listed.length + oneLine + omitted).toBe(10_000);
    // The 300 open actions whose progress changed are all listed, their notes in full.
    const progress = tablesOf(outline, 'progress')[0];
    const column = progress.header.indexOf('Progress to 14 Apr 2011');
    const changed = progress.rows.filter((r) => !r.cells[column].includes('(in full in the register)'));
    expect(changed.length).toBeGreaterThanOrEqual(300);
    expect(listed.slice(0, 3)).toEqual(['21.1', '21.2', '21.3']);
    expect(outline.appendix.notes[0]).toMatch(
      /^To keep this paper within the size a Google Doc can hold, the progress notes of \d+ actions unchanged since the last paper are shortened and \d+ less urgent actions are not listed\./,
    );
  });

  it('treats every completed action as settled in the first paper, which has no last paper to compare with', () => {
    const outline = paperFor(largeRegister(10_000, 9_850, 600), 'first');
    expect(outline.size.estimate).toBeLessThanOrEqual(PAPER_CHARACTER_BUDGET);
    expect(outline.size).toMatchObject({ oneLine: 9_850, progressShortened: 0, omitted: 0 });
    expect(tablesOf(outline, 'completedOneLine')[0].caption).toBe(
      'Completed and closed actions (one line each)',
    );
    expect(outline.appendix.notes[0]).toMatch(
      /^To keep this paper within the size a Google Doc can hold, 9850 completed or closed actions are listed in one line each\./,
    );
  });

  it('builds in well under the time a paper may take', () => {
    const actions = largeRegister(10_000, 5_000, 600);
    const started = Date.now();
    paperFor(actions, null, 100);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('keeps a small register whole', () => {
    const actions = largeRegister(50, 25, 600);
    const outline = paperFor(actions, null);
    expect(outline.size).toMatchObject({ oneLine: 0, progressShortened: 0, omitted: 0 });
    expect(outline.appendix.notes.filter((n) => n.startsWith('To keep'))).toEqual([]);
    expect(tablesOf(outline, 'progress')[0].rows).toHaveLength(50);
    const statuses: StatusKey[] = tablesOf(outline, 'progress')[0].rows.map((r) => r.status as StatusKey);
    expect(new Set(statuses)).toEqual(new Set(['completed', 'inProgress']));
  });
});
