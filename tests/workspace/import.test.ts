import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { a1 } from '../../local/runner/run';
import { importPlan } from '../../src/core/import';
import type { LoadedBundle } from '../../local/runner/bundle';
import type { DocTable } from '../../local/workspace/DocumentApp';
import { emptyRegister, registerRows, sheetOf, valuesOf } from '../helpers';

const SEEDS = join(__dirname, '../fixtures/seeds');
function seedGrid(prefix: string): string[][] {
  const file = readdirSync(SEEDS).find((f) => f.startsWith(prefix));
  if (!file) throw new Error(`no seed ${prefix}`);
  const rows = readFileSync(join(SEEDS, file), 'utf8')
    .split('\n')
    .map((line) => line.split('\t'));
  const width = Math.max(...rows.map((r) => r.length));
  return rows.map((r) => [...r, ...new Array<string>(width - r.length).fill('')]);
}

/** An officer pastes a plan into the Import sheet, as set-up left it: Sheets parses it as typed unless plain text. */
function paste(bundle: LoadedBundle, grid: string[][]): void {
  bundle.ws.runtime.calls.uncounted(() => sheetOf(bundle, 'Import').clearContents());
  bundle.paste('Import', a1(grid.length, grid[0].length), grid);
}

/** The free-text columns of the register, by header, and the imported action's field each holds. */
const TEXT_FIELDS = [
  ['Ref', 'ref'],
  ['KLOE', 'kloe'],
  ['Recommendation', 'recommendation'],
  ['Action', 'action'],
  ['Timescale', 'timescale'],
  ['Lead', 'lead'],
  ['Progress', 'progress'],
] as const;

describe('Import plan through the Import sheet', () => {
  it.each([
    ['000', 12],
    ['002', 16],
    ['003', 59],
    ['004', 16],
  ])('imports seed %s with no action lost and no text changed', (seed, count) => {
    const bundle = emptyRegister('2010-09-06');
    const grid = seedGrid(seed);
    paste(bundle, grid);
    bundle.clickMenu('Import plan');
    const rows = registerRows(bundle);
    expect(rows).toHaveLength(count);
    const expected = importPlan(grid, { today: '2010-09-06' }).actions;
    // Cell by cell, as stored: text exactly as the plan wrote it, never a number or a date.
    for (const [header, field] of TEXT_FIELDS) {
      expect([header, rows.map((r) => r[header])]).toEqual([header, expected.map((a) => a[field])]);
    }
  });

  it('keeps seed 003’s timescales as written in the register and prints them so in the paper', () => {
    const bundle = emptyRegister('2010-09-06');
    const grid = seedGrid('003');
    paste(bundle, grid);
    bundle.clickMenu('Import plan');
    const written = importPlan(grid, { today: '2010-09-06' }).actions.map((a) => a.timescale);
    expect(registerRows(bundle).map((r) => r.Timescale)).toEqual(written);
    const result = bundle.run('generatePaper', {
      committee: 'Audit & Corporate Governance Committee',
      meetingDate: '2010-09-20',
      agendaItem: '7',
      reportAuthor: 'Policy Officer',
      reportAuthorTitle: 'Policy and Performance Officer',
      openOrExempt: 'Open',
      paperTitle: 'Performance Management Action Plan Update',
    }) as { url: string };
    const doc = bundle.ws.docs.documents().find((d) => result.url.includes(d.id));
    const tables = (doc?.tree().children ?? []).filter((b) => b.type === 'TABLE') as DocTable[];
    const appendix = tables.find((t) => t.rows[0].some((c) => c.text === 'Timescale')) as DocTable;
    const timescaleColumn = appendix.rows[0].findIndex((c) => c.text === 'Timescale');
    const printed = appendix.rows.slice(1).map((row) => row[timescaleColumn].text);
    expect(printed.filter((t) => /\d{4}-\d{2}-\d{2}T/.test(t))).toEqual([]);
    expect(printed).toEqual(expect.arrayContaining(['March 2007', '30 January 2007', '1 April 2008']));
    for (const text of printed) expect(written).toContain(text);
  });

  it('keeps pasted text that Sheets would read as numbers or dates exactly as written', () => {
    const bundle = emptyRegister('2010-09-06');
    const plan = [
      ['Ref', 'Action', 'Timescale', 'Lead', 'Progress'],
      ['1.10', 'Publish the plan', '31/03/2011', 'AK', '50%'],
      ['01', 'Budget of £5,000 agreed', 'March 2011', '007', '1e3 leaflets'],
      ['2.20', 'TRUE', '10:30', 'AK', '£5,000'],
    ];
    paste(bundle, plan);
    bundle.clickMenu('Import plan');
    expect(registerRows(bundle).map((r) => [r.Ref, r.Action, r.Timescale, r.Lead, r.Progress])).toEqual(
      plan.slice(1),
    );
  });

  it('is safe to run again: nothing is duplicated', () => {
    const bundle = emptyRegister('2010-09-06');
    paste(bundle, seedGrid('000'));
    bundle.clickMenu('Import plan');
    bundle.clickMenu('Import plan');
    expect(registerRows(bundle)).toHaveLength(12);
    expect(bundle.ws.sheets.ui.dialogs.at(-1)?.prompt).toMatch(/\nImported: 0 new, 0 updated, 12 unchanged/);
  });

  it('stores text that looks like a formula as text', () => {
    const bundle = emptyRegister('2010-09-06');
    paste(bundle, [
      ['Ref', 'Action', 'Timescale', 'Lead', 'Progress'],
      ['1.1', '=HYPERLINK("http://example.org","click")', 'by March 2011', 'AK', '+44 1562 000000 rang'],
      ['1.2', '-1 budget line to review', 'June 2011', 'AK', '@finance to reply'],
    ]);
    bundle.clickMenu('Import plan');
    const rows = registerRows(bundle);
    expect(rows.map((r) => [r.Action, r.Progress])).toEqual([
      ['=HYPERLINK("http://example.org","click")', '+44 1562 000000 rang'],
      ['-1 budget line to review', '@finance to reply'],
    ]);
    const formulas = bundle.ws.runtime.calls.uncounted(() =>
      sheetOf(bundle, 'Register').getDataRange().getFormulas(),
    );
    expect(formulas.flat().filter((f) => f !== '')).toEqual([]);
  });

  it('flags an unknown lead with a note and a report line, and keeps it', () => {
    const bundle = emptyRegister('2010-09-06');
    bundle.edit('Officers', 'A2:E2', [
      ['AK', 'Alex Kendall', 'Head of Policy', 'alex.kendall@example.org', 'CEO'],
    ]);
    paste(bundle, [
      ['Ref', 'Action', 'Timescale', 'Lead'],
      ['1.1', 'Produce guidance on outcomes', 'by March 2011', 'AK, ZZ'],
    ]);
    bundle.clickMenu('Import plan');
    expect(registerRows(bundle)[0].Lead).toBe('AK, ZZ');
    const leadColumn = (valuesOf(bundle, 'Register')[0] as string[]).indexOf('Lead') + 1;
    const note = bundle.ws.runtime.calls.uncounted(() =>
      sheetOf(bundle, 'Register').getRange(2, leadColumn).getNote(),
    );
    expect(note).toMatch(/ZZ/);
    const report = valuesOf(bundle, 'Import report');
    expect(report.slice(1).some((r) => /lead “ZZ” not found on the Officers sheet/.test(String(r[2])))).toBe(
      true,
    );
  });

  it('reports more problem rows than a new sheet has rows', () => {
    const bundle = emptyRegister('2010-09-06');
    const rows = Array.from({ length: 1100 }, (_, i) => [
      `1.${i + 1}`,
      `Action ${i + 1}`,
      'As agreed with internal audit',
    ]);
    bundle.ws.runtime.calls.uncounted(() => sheetOf(bundle, 'Import').insertRowsAfter(1000, 200));
    paste(bundle, [['Ref', 'Action', 'Timescale'], ...rows]);
    bundle.clickMenu('Import plan');
    expect(registerRows(bundle)).toHaveLength(1100);
    expect(valuesOf(bundle, 'Import report').length).toBeGreaterThan(1100);
  });

  it('gives every imported action a due date understood from its timescale, as a Date cell', () => {
    const bundle = emptyRegister('2010-09-06');
    paste(bundle, seedGrid('000'));
    bundle.clickMenu('Import plan');
    const row = registerRows(bundle).find((r) => String(r.Action).startsWith('Involve Members'));
    expect(row?.['Due date']).toEqual(new Date('2010-06-29T23:00:00Z'));
  });

  it('applies a changed plan: new actions where they stand, edited text as updates by import, nothing twice', () => {
    const bundle = emptyRegister('2010-09-06');
    const plan = [
      ['Ref', 'Action', 'Timescale', 'Lead'],
      ['1.1', 'Produce guidance on outcomes', 'by March 2011', 'AK'],
      ['1.2', 'Review the data quality policy', 'by June 2011', 'AK'],
    ];
    paste(bundle, plan);
    bundle.clickMenu('Import plan');
    const changed = [
      plan[0],
      plan[1],
      ['1.1a', 'Agree the outcome measures with partners', 'by April 2011', 'AK'],
      ['1.2', 'Review and republish the data quality policy', 'by June 2011', 'AK'],
    ];
    paste(bundle, changed);
    bundle.clickMenu('Import plan');
    const prompts = bundle.ws.sheets.ui.dialogs.map((d) => d.prompt);
    expect(prompts.at(-2)).toMatch(/gives: 1 new, 1 updated, 1 unchanged\./);
    expect(registerRows(bundle).map((r) => [r.Ref, r.Action])).toEqual([
      ['1.1', 'Produce guidance on outcomes'],
      ['1.1a', 'Agree the outcome measures with partners'],
      ['1.2', 'Review and republish the data quality policy'],
    ]);
    const update = valuesOf(bundle, 'History')
      .slice(1)
      .find((h) => h[3] === 'Action' && h[2] === '1.2');
    expect(update?.slice(1, 6)).toEqual([
      'Import plan (policy.officer@example.org)',
      '1.2',
      'Action',
      'Review the data quality policy',
      'Review and republish the data quality policy',
    ]);
  });
});
