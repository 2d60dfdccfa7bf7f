/**
 * Every import case the tester found (tests/fixtures/cases/README.md): each file is read with the runner's plan
 * reader and imported with the core, then checked cell by cell against the file, and for what the case is about.
 */
import * as fs from 'fs';
import * as path from 'path';
import { readPlanFile, type PlanFile } from '../../../local/runner/plan-file';
import { CELL_LIMIT, importPlan, splitForCells } from '../../../src/core/import';
import type { ImportOptions, ImportResult, ImportedAction } from '../../../src/core/import';
import type { Officer } from '../../../src/core/model';
import { byRef, problemsAt, unaccountedCells } from './helpers';

const CASES = path.join(__dirname, '../../fixtures/cases/import');
const TODAY = '2024-06-01';

const officer = (initials: string, name: string, jobTitle: string): Officer => ({
  initials,
  name,
  jobTitle,
  email: `${name.toLowerCase().replace(/ /g, '.')}@example.org`,
  directorate: 'Chief Executive',
  reportsTo: '',
});

const OFFICERS: readonly Officer[] = [
  officer('AK', 'Alex Kendall', 'Head of Policy and Performance'),
  officer('BM', 'Bea Marsh', 'Policy Officer'),
  officer('CR', 'Chris Rowe', 'Head of IT'),
  officer('DL', 'Dana Lowe', 'Auditor'),
  officer('GH', 'Gita Hale', 'Director of Resources'),
];

interface Imported {
  readonly file: PlanFile;
  readonly result: ImportResult;
}

function importCase(name: string, options: Partial<ImportOptions> = {}): Imported {
  const file = readPlanFile(path.join(CASES, name));
  return { file, result: importPlan(file.grid, { today: TODAY, officers: OFFICERS, ...options }) };
}

const refs = (r: ImportResult): string[] => r.actions.map((a) => a.ref);
const field = (r: ImportResult, key: keyof ImportedAction): unknown[] => r.actions.map((a) => a[key]);

const IMPORT_CASES = fs
  .readdirSync(CASES)
  .filter((f) => f.startsWith('A'))
  .sort();

describe('every import case keeps every cell', () => {
  test('the cases are all here, b and c variants included', () => {
    expect(IMPORT_CASES).toHaveLength(33);
  });

  describe.each(IMPORT_CASES)('%s', (name) => {
    const { file, result } = importCase(name);

    test('every non-blank cell is in an action, an extra column or a report line naming its row', () => {
      expect(unaccountedCells(file.grid, result)).toEqual([]);
    });

    test('imports actions, or says why not', () => {
      if (result.actions.length === 0) expect(result.error).toMatch(/^No actions imported: /);
      else expect(result.error).toBeNull();
    });
  });
});

describe('A01 a BOM, A02 Windows-1252, A03 CRLF, A04 quoted cells', () => {
  test('A01: the BOM is not part of the first header, so the refs are read', () => {
    const { file, result } = importCase('A01_bom.csv');
    expect(file).toMatchObject({ encoding: 'utf-8', bom: true });
    expect(refs(result)).toEqual(['R01', 'R02', 'R03']);
    expect(field(result, 'kloe')).toEqual(['Setting targets', 'Setting targets', 'Data quality']);
  });

  test('A02: Windows-1252 is detected and read without mojibake', () => {
    const { file, result } = importCase('A02_cp1252.csv');
    expect(file.encoding).toBe('windows-1252');
    expect(field(result, 'action')).toEqual([
      'Café meeting with “Members” – agree targets',
      'Résumé of façade works … phase 2',
    ]);
    expect(field(result, 'progress')).toEqual([
      'Budget £500; naïve estimate ‘approved’',
      'Cost €1,200 • pending',
    ]);
    expect(JSON.stringify(result.actions)).not.toMatch(/\uFFFD/);
  });

  test('A03: a quoted cell over CRLF lines keeps its lines', () => {
    const { result } = importCase('A03_crlf.csv');
    expect(field(result, 'progress')).toEqual(['Line one\nLine two\nLine three', 'Single line']);
  });

  test('A04: commas, quotes, blank lines and spaces in cells are kept as written', () => {
    const { result } = importCase('A04_quoted.csv');
    expect(field(result, 'action')).toEqual([
      'Agree targets, measures, and owners',
      'Para one\n\nPara two after a blank line',
      'Double  spaces\tand a tab',
      'Ends with backslash \\',
    ]);
    expect(field(result, 'progress')).toEqual([
      'He said "go ahead", then left.\nSecond line, with comma',
      '  leading and trailing spaces  ',
      '"Fully quoted"',
      'Comma at end,',
    ]);
  });
});

describe('A05 empty plans and A06 a header alone: 0 actions is an error', () => {
  test.each(['A05_empty.csv', 'A05b_blank_lines.csv', 'A05c_commas_only.csv'])('%s is empty', (name) => {
    const { result } = importCase(name);
    expect(result.actions).toEqual([]);
    expect(result.error).toBe('No actions imported: the plan is empty.');
  });

  test('A06: a header with nothing under it', () => {
    const { result } = importCase('A06_header_only.csv');
    expect(result.error).toBe('No actions imported: the header row (row 1) has no action rows under it.');
  });
});

describe('A07 large plans', () => {
  test.each([
    ['A07b_999_rows.csv', 999],
    ['A07c_1000_rows.csv', 1000],
  ])('%s: every row imported', (name, count) => {
    expect(importCase(name).result.actions).toHaveLength(count);
  });

  test('A07: 5,000 rows imported, each its own action, in a few seconds at most', () => {
    const file = readPlanFile(path.join(CASES, 'A07_5000_rows.csv'));
    const started = performance.now();
    const result = importPlan(file.grid, { today: TODAY, officers: OFFICERS });
    const ms = performance.now() - started;
    expect(result.actions).toHaveLength(5000);
    expect(new Set(refs(result)).size).toBe(5000);
    expect(result.actions[4999]).toMatchObject({ ref: 'R5000', kloe: expect.any(String) });
    expect(ms).toBeLessThan(5000);
  });
});

describe('A08 repeated headers, A22 ragged rows, A23 a blank header: extra columns', () => {
  test('A08: a second Progress and a second Action column are kept as extra columns', () => {
    const { result } = importCase('A08_duplicate_headers.csv');
    expect(result.extraColumns).toEqual([
      { header: 'Progress (plan column 6)', column: 6 },
      { header: 'Action (plan column 7)', column: 7 },
    ]);
    expect(result.actions[0]).toMatchObject({
      action: 'First action text',
      progress: 'Progress A',
      extras: ['Progress B (second Progress column)', 'Second action column text'],
    });
    expect(problemsAt(result, 1).join('\n')).toMatch(
      /column 6 \(“Progress”\): a second column for the same field/,
    );
  });

  test('A22: cells past the header are kept and reported', () => {
    const { result } = importCase('A22_ragged.csv');
    expect(result.extraColumns.map((e) => e.header)).toEqual(['Column 6', 'Column 7']);
    expect(field(result, 'extras')).toEqual([
      ['', ''],
      ['extra1', 'extra2'],
    ]);
    expect(result.unknownHeaders).toEqual([
      { row: 1, column: 6, header: '' },
      { row: 1, column: 7, header: '' },
    ]);
    expect(problemsAt(result, 2)).toContain('no lead');
  });

  test('A23: cells under a blank header are kept as "Column 3" and the header is asked for', () => {
    const { result } = importCase('A23_blank_header_column.csv');
    expect(result.extraColumns).toEqual([{ header: 'Column 3', column: 3 }]);
    expect(result.actions[0].extras).toEqual(['31 March 2025 (in blank-header column)']);
    expect(result.unknownHeaders).toEqual([{ row: 1, column: 3, header: '' }]);
  });
});

describe('A09 title rows, A10 and A25 blank lines inside the plan', () => {
  test('A09: the title above and the key below are left out, named by row, with their text', () => {
    const { result } = importCase('A09_title_rows.csv');
    expect(refs(result)).toEqual(['R01', 'R02', 'R03']);
    const above = result.report.find((p) => p.row === 1);
    expect(above).toMatchObject({ lastRow: 4 });
    expect(above?.text).toContain('Performance Management Action Plan 2024/25');
    expect(problemsAt(result, 10).join()).toMatch(/after the end of the plan/);
  });

  test('A10: the plan goes on after blank lines; a progress line after them continues R02', () => {
    const { result } = importCase('A10_blank_lines_between.csv');
    expect(refs(result)).toEqual(['R01', 'R02', 'R03', 'R04']);
    expect(byRef(result, 'R02').progress).toBe(
      'Draft written. continuation of R02 progress after a blank line',
    );
    expect(byRef(result, 'R04').action).toBe('and also review the policy (starts lower case)');
  });

  test('A25: a blank line then a continuation does not end the plan: all 100 actions', () => {
    const { result } = importCase('A25_blank_then_continuation.csv');
    expect(result.actions).toHaveLength(100);
    expect(byRef(result, 'R018').progress).toBe('Progress 18\n(continued) further progress for R018');
    expect(byRef(result, 'R100').action).toBe('Action number 100');
  });
});

describe('A11 and A18 text that looks like a formula, A13 emoji and bullets, A14 HTML, A20 numbers', () => {
  test('A11: = + - @ and a leading apostrophe are kept exactly', () => {
    const { result } = importCase('A11_formula_prefixes.csv');
    expect(field(result, 'action').slice(1, 5)).toEqual([
      '+ Add members to the panel',
      '- Remove duplicate indicators',
      '@ Contact the audit team',
      "'Twas agreed to review",
    ]);
    expect(field(result, 'progress')).toEqual([
      'normal',
      '+44 1562 732928 call back',
      '-5% variance',
      '@mention',
      "'Quoted progress",
      '=== Update from July ===',
      'ok',
      'ok',
      '-100',
      '+100',
    ]);
    expect(byRef(result, 'R07').timescale).toBe('=DATE(2025,6,30)');
    expect(byRef(result, 'R08').lead).toBe('=AK');
    expect(byRef(result, 'R05')).toMatchObject({ timescale: "'2025", lead: "'AK", dueDate: null });
  });

  test('A18: an action starting with "=" is its own action, kept exactly', () => {
    const { result } = importCase('A18_action_equals.csv');
    expect(field(result, 'action')).toEqual([
      'Normal first action',
      '=Agree the budget with finance',
      'Third action',
      '==== Section break ====',
      '=SUM(1,2)',
    ]);
    const first = importCase('A18b_action_equals_first_row.csv').result;
    expect(first.actions[0]).toMatchObject({ ref: 'R01', action: '=Agree the budget (first data row)' });
  });

  test('A13: emoji, right-to-left text and bullets in the middle of sentences are kept', () => {
    const { file, result } = importCase('A13_emoji_rtl.csv');
    const column = (name: string): string[] => file.grid.slice(1).map((r) => r[file.grid[0].indexOf(name)]);
    expect(field(result, 'action')).toEqual(column('Action'));
    expect(field(result, 'progress')).toEqual(column('Progress'));
    expect(byRef(result, 'R05').action).toBe('Bullet ✓ ticked and ► arrow • dot ■ box');
  });

  test('A14: markup in prose is kept; a cell that is markup is converted, what was written reported', () => {
    const { result } = importCase('A14_html.csv');
    expect(field(result, 'action')).toEqual([
      '<b>Urgent</b>: fix the <table> layout on the intranet',
      'Train staff on <script>alert(1)</script>',
      'Tom &amp; Jerry &pound;5 &#169; &unknown;',
      '# of complaints to fall',
      'Review <br> break and <li>item</li>',
    ]);
    expect(byRef(result, 'R03').progress).toBe('Write **bold** and *emphasis* and 2**3');
    expect(byRef(result, 'R04').progress).toBe('Para one\nPara two');
    const line = result.report.find((p) => p.row === 5 && /markup/.test(p.problem));
    expect(line).toMatchObject({ column: 'Progress', text: '<p>Para one</p><p>Para two</p>' });
  });

  test('A20: refs and numbers are text, kept as written', () => {
    const { result } = importCase('A20_numeric_text.csv');
    expect(refs(result)).toEqual(['1.1', '1.10', '1.2', '01', '2.0']);
    expect(field(result, 'progress')).toEqual(['1,000', '50%', '1e3', '0012345', 'TRUE']);
    expect(byRef(result, '2.0')).toMatchObject({ action: '2024', timescale: '2025', dueDate: null });
  });
});

describe('A12 cells longer than a Sheets cell', () => {
  const { result } = importCase('A12_long_cells.csv');

  test('the text is kept in full, and the row and column are named', () => {
    expect(byRef(result, 'R01').progress).toHaveLength(50_000);
    expect(byRef(result, 'R02').action).toHaveLength(50_001);
    expect(byRef(result, 'R03').progress).toHaveLength(30_000 + 1 + 24_999);
    expect(problemsAt(result, 2).join()).not.toMatch(/characters/);
    expect(problemsAt(result, 3).join()).toMatch(/action: 50,001 characters, more than the 50,000/);
    expect(problemsAt(result, 4).join()).toMatch(/progress: 55,000 characters/);
  });

  test('splits into pieces a cell holds, at a word, losing nothing', () => {
    const text = byRef(result, 'R03').progress;
    const pieces = splitForCells(text);
    expect(pieces).toHaveLength(2);
    expect(pieces.every((p) => p.length <= CELL_LIMIT)).toBe(true);
    expect(pieces.join('')).toBe(text);
    expect(pieces[0].endsWith(' ') || pieces[0].endsWith('\n')).toBe(true);
  });
});

describe('A15 timescales and A15b due dates as written', () => {
  const expected: Record<string, string | null> = {
    R01: '2024-12-31',
    R02: '2024-12-31',
    R03: null,
    R04: '2024-12-31',
    R05: '2024-12-31',
    R06: null,
    R07: null,
    R08: null,
    R09: null,
    R10: '2024-12-31',
    R11: '2025-04-03',
    R12: '2025-03-31',
    R13: '2025-03-31',
    R14: null,
    R15: '2024-12-31',
    R16: '2024-12-31',
    R17: null,
    R18: '2025-08-31',
    R19: '2025-03-31',
    R20: null,
    R21: null,
    R22: null,
    R23: null,
    R24: '2025-04-01',
  };
  const notGuessed = ['R03', 'R06', 'R07', 'R09', 'R14', 'R17', 'R21', 'R22', 'R23'];

  test.each(['A15_dates.csv', 'A15b_due_date_column.csv'])('%s', (name) => {
    const { file, result } = importCase(name);
    expect(Object.fromEntries(result.actions.map((a) => [a.ref, a.dueDate]))).toEqual(expected);
    const written = file.grid
      .slice(1)
      .map((r) => r[file.grid[0].findIndex((h) => /Timescale|Due date/.test(h))]);
    expect(field(result, 'timescale')).toEqual(written);
    for (const ref of notGuessed)
      expect(problemsAt(result, byRef(result, ref).sourceRows[0])).toContain('timescale not understood');
    expect(byRef(result, 'R08').closure).toBe('completed');
    expect(byRef(result, 'R20').closure).toBeNull();
  });
});

describe('A16 leads', () => {
  const { result } = importCase('A16_leads.csv');
  const leads = (ref: string): string[] => byRef(result, ref).leads?.officers.map((o) => o.initials) ?? [];
  const unknown = (ref: string): readonly string[] => byRef(result, ref).leads?.unknown ?? [];

  test('by initials, name, email, dotted initials and job title', () => {
    for (const ref of ['R01', 'R02', 'R03', 'R04', 'R05', 'R11', 'R12']) expect(leads(ref)).toEqual(['AK']);
  });

  test('several leads, however they are joined', () => {
    for (const ref of ['R06', 'R07', 'R08', 'R09']) expect(leads(ref)).toEqual(['AK', 'BM']);
    expect(leads('R13')).toEqual(['AK', 'CR']);
  });

  test('unknown parts kept as written and reported by row; the lead text is never changed', () => {
    expect(unknown('R10')).toEqual(['Bob Smith']);
    expect(leads('R14')).toEqual(['GH']);
    expect(unknown('R14')).toEqual(['Unknown Person']);
    expect(unknown('R15')).toEqual(['EF']);
    expect(problemsAt(result, 15).join()).toMatch(/lead “Unknown Person” not found/);
    expect(byRef(result, 'R12').lead).toBe('Alex Kendall (Head of Policy)');
    expect(problemsAt(result, 17)).toContain('no lead');
  });
});

describe('A17 rows with fields of their own are actions; only bare text continues', () => {
  test('A17: R02 is its own action with its ref, timescale and lead; a timescale-only row too', () => {
    const { result } = importCase('A17_continuation.csv');
    expect(result.actions).toHaveLength(4);
    expect(byRef(result, 'R02')).toMatchObject({
      action: '',
      timescale: 'July 2025',
      dueDate: '2025-07-31',
      lead: 'BM',
      sourceRows: [3],
    });
    expect(problemsAt(result, 3).join()).toMatch(/no action text, but its own Ref, Timescale, Lead/);
    expect(byRef(result, 'R03')).toMatchObject({
      progress: 'Third progress continuation progress line for R03 (no other cells)',
      sourceRows: [4, 5],
    });
    expect(result.actions[3]).toMatchObject({
      timescale: 'September 2025',
      progress: 'a timescale-only continuation',
    });
    expect(field(result, 'lead')).toEqual(['AK', 'BM', 'CR', '']);
  });

  test('A17b: a row with its own due date and lead is its own action', () => {
    const { result } = importCase('A17b_continuation_due_date.csv');
    expect(result.actions.map((a) => [a.ref, a.dueDate, a.lead])).toEqual([
      ['R01', '2025-06-30', 'AK'],
      ['R02', '2025-07-31', 'BM'],
    ]);
  });
});

describe('A19 and A21 headers as trackers write them, and a TSV named .csv', () => {
  test('A19: No. | Action(s) to be taken | Responsible Officer | Target Date | Update', () => {
    const { result } = importCase('A19_header_synonyms.csv');
    expect(result.actions).toEqual([
      expect.objectContaining({
        ref: '1',
        action: 'Review the scheme',
        lead: 'AK',
        timescale: '31/03/2025',
        dueDate: '2025-03-31',
        progress: 'ok',
      }),
    ]);
  });

  test('A19b: Recommendation | Agreed management action | Officer responsible | Implementation date | Comments', () => {
    const { result } = importCase('A19b_header_synonyms2.csv');
    expect(result.actions[0]).toMatchObject({
      recommendation: 'Improve X',
      action: 'Review the scheme',
      lead: 'AK',
      dueDate: '2025-03-31',
      progress: 'ok',
    });
  });

  test('A21: tabs are detected whatever the extension; commas stay in cells', () => {
    const { file, result } = importCase('A21_tsv_named_csv.csv');
    expect(file.delimiter).toBe('\t');
    expect(result.actions[0]).toMatchObject({
      recommendation: '1. Ensure, broad involvement',
      action: 'Involve Members, staff and users',
      progress: 'Panel set up, meeting held.',
    });
  });
});

describe('A24 statuses', () => {
  const { result } = importCase('A24_status_values.csv');

  test('each status is understood or reported, and kept as written', () => {
    expect(result.actions.map((a) => [a.planStatus, a.closure])).toEqual([
      ['Completed', 'completed'],
      ['Complete', 'completed'],
      ['Done', 'completed'],
      ['Closed', 'completed'],
      ['Green', null],
      ['Achieved', 'completed'],
      ['complete ', 'completed'],
      ['Overdue', null],
    ]);
    expect(problemsAt(result, 6).join()).toMatch(/status “Green” does not close the action/);
    expect(problemsAt(result, 9).join()).toMatch(/status “Overdue”/);
  });
});

describe('the cell-by-cell check itself', () => {
  test('finds a cell an import lost, or changed', () => {
    const { file, result } = importCase('A04_quoted.csv');
    const lost = {
      ...result,
      actions: result.actions.map((a, i) => (i === 1 ? { ...a, action: 'Para one' } : a)),
    };
    expect(unaccountedCells(file.grid, lost)).toEqual(['3:4 "Para one\\n\\nPara two after a blank line"']);
    const trimmed = {
      ...result,
      actions: result.actions.map((a) => ({ ...a, progress: a.progress.trim() })),
    };
    expect(unaccountedCells(file.grid, trimmed)).toEqual(['3:7 "  leading and trailing spaces  "']);
  });
});
