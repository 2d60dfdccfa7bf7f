import { BENCH_TODAY, generatePlan } from '../../bench/generate';
import { loadBundle } from '../../local/runner/bundle';
import type { LoadedBundle } from '../../local/runner/bundle';
import { a1, at } from '../../local/runner/run';
import { DOCS_CHARACTER_LIMIT, bodyLength } from '../../local/workspace/Docs';
import type { DocTable } from '../../local/workspace/DocumentApp';
import { DEFAULT_SETTINGS, STATUS_KEYS } from '../../src/core/model';

/** A register of `n` generated actions (bench/generate.ts), imported through the bundle's own menus. */
function importedRegister(n: number): LoadedBundle {
  const plan = generatePlan(n);
  const bundle = loadBundle({ now: at(BENCH_TODAY, 7), timeZone: 'Europe/London' });
  bundle.ws.sheets.ui.respond((dialog) => ({ button: /yes/i.test(dialog.buttons) ? 'YES' : 'OK' }));
  bundle.open();
  bundle.clickMenu('Set up or repair register');
  bundle.edit('Officers', a1(plan.officers.length, 5, 2), plan.officers);
  // Sheets grows to take a paste; the officer's paste is not the script's work.
  bundle.ws.runtime.calls.uncounted(() => {
    const sheet = bundle.spreadsheet().getSheetByName('Import');
    if (!sheet) throw new Error('no Import sheet');
    const rows = plan.grid.length;
    if (sheet.getMaxRows() < rows) sheet.insertRowsAfter(sheet.getMaxRows(), rows - sheet.getMaxRows());
  });
  bundle.edit('Import', a1(plan.grid.length, plan.grid[0].length), plan.grid);
  bundle.clickMenu('Import plan');
  return bundle;
}

/** The dialog's defaults, then the paper: the two executions an officer's click makes. */
function paperOf(bundle: LoadedBundle): { calls: Record<string, number>; total: number; url: string } {
  bundle.ws.setNow(at(BENCH_TODAY, 9));
  bundle.ws.runtime.calls.reset();
  const form = bundle.run('getPaperDefaults') as Record<string, unknown>;
  const result = bundle.run('generatePaper', {
    ...form,
    meetingDate: '2010-09-20',
    reportAuthor: 'Bea Marsh',
  }) as { url: string };
  const calls = bundle.ws.runtime.calls;
  return { calls: calls.snapshot(), total: calls.total(), url: result.url };
}

describe('the paper at 10,000 actions', () => {
  const bundle = importedRegister(10_000);
  const paper = paperOf(bundle);
  const doc = bundle.ws.docs.documents().find((d) => paper.url.includes(d.id));
  if (!doc) throw new Error('no paper');

  it('makes at most 150 service calls, none of them per action', () => {
    expect(paper.total).toBeLessThanOrEqual(150);
    expect(paper.calls['Docs.Documents.get']).toBe(1);
    expect(paper.calls['Docs.Documents.batchUpdate']).toBe(1);
    for (const method of [
      'TableCell.setAttributes',
      'Table.getCell',
      'TableRow.getCell',
      'Table.appendTableRow',
    ])
      expect(paper.calls[method]).toBeUndefined();
  });

  it('fits in a Google Doc, with a portrait report and a landscape appendix', () => {
    expect(bodyLength(doc.body)).toBeLessThanOrEqual(DOCS_CHARACTER_LIMIT);
    const tree = doc.tree();
    expect(tree.sections.map((s) => s.landscape)).toEqual([false, true]);
  });

  it('colours every status cell of every table as its status', () => {
    const byLabel = new Map(STATUS_KEYS.map((k) => [DEFAULT_SETTINGS.statuses[k].label, k]));
    const tables = doc.tree().children.filter((b): b is DocTable => b.type === 'TABLE');
    const progress = tables.find((t) => t.rows[0][0].text === 'KLOE & Rec.');
    if (!progress) throw new Error('no progress table');
    const status = progress.rows[0].findIndex((c) => c.text === 'Status');
    expect(progress.rows.length).toBeGreaterThan(100);
    const wrong = progress.rows.slice(1).filter((row) => {
      const key = byLabel.get(row[status].text);
      return key === undefined || row[status].background !== DEFAULT_SETTINGS.statuses[key].background;
    });
    expect(wrong).toEqual([]);
  });
});
