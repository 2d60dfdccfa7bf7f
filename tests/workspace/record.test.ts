/**
 * The record through the bundle: what a busy team does to a register (pastes, re-pastes, sorts, deletions,
 * renamed labels and headers, changes made while nothing was recording), and what History and the register
 * must show afterwards.
 */
import type { LoadedBundle } from '../../local/runner/bundle';
import { isDate } from '../../local/workspace/runtime';
import { toIsoDate } from '../../src/core/dates';
import { registerRows, sampleRegister, sheetOf, valuesOf } from '../helpers';

const day = (v: unknown): unknown => (isDate(v) ? toIsoDate(v, 'Europe/London') : v);
const history = (bundle: LoadedBundle) => valuesOf(bundle, 'History').slice(1);
const header = (bundle: LoadedBundle) => valuesOf(bundle, 'Register')[0] as string[];
const columnOf = (bundle: LoadedBundle, name: string): number => header(bundle).indexOf(name) + 1;
const letter = (n: number): string => String.fromCharCode(64 + n);

/** Writes cells as another script or a failed trigger would: nothing fires, nothing records. */
function unwatched(bundle: LoadedBundle, write: (sheet: GoogleAppsScript.Spreadsheet.Sheet) => void): void {
  bundle.ws.runtime.calls.uncounted(() => write(sheetOf(bundle, 'Register')));
}

describe('the record of every action', () => {
  it('gives every imported action a hidden, stable Action ID and records it once in History', () => {
    const bundle = sampleRegister();
    const rows = registerRows(bundle);
    const ids = rows.map((r) => r['Action ID']);
    expect(new Set(ids).size).toBe(rows.length);
    expect(ids.every((id) => /^[1-9]\d*$/.test(String(id)))).toBe(true);
    const hidden = bundle.ws.runtime.calls.uncounted(() =>
      sheetOf(bundle, 'Register').isColumnHiddenByUser(columnOf(bundle, 'Action ID')),
    );
    expect(hidden).toBe(true);
    const added = history(bundle).filter((h) => h[3] === 'Action added');
    expect(added.map((h) => h[6])).toEqual(ids);
    expect(added.every((h) => String(h[1]).startsWith('Import plan'))).toBe(true);
  });

  it('records nothing when the same block is pasted again, and never counts a pasted extension twice', () => {
    const bundle = sampleRegister();
    const width = header(bundle).length;
    const block = valuesOf(bundle, 'Register').slice(1, 6);
    const extended = columnOf(bundle, 'Revised due date');
    bundle.edit('Register', `${letter(columnOf(bundle, 'Reason for extension'))}2`, [['Agreed at CMT']]);
    bundle.edit('Register', `${letter(extended)}2`, [[new Date('2011-06-30T00:00:00Z')]]);
    const extensions = registerRows(bundle)[0].Extensions;
    expect(extensions).toBe(1);
    const edited = valuesOf(bundle, 'Register').slice(1, 6);
    const lines = history(bundle).length;
    for (let i = 0; i < 3; i++) bundle.edit('Register', `A2:${letter(width)}6`, edited);
    expect(history(bundle)).toHaveLength(lines);
    expect(registerRows(bundle)[0].Extensions).toBe(1);
    expect(
      registerRows(bundle)
        .slice(0, 5)
        .map((r) => r['Last updated']),
    ).toEqual(edited.map((r) => r[columnOf(bundle, 'Last updated') - 1]));
    expect(block).toHaveLength(5);
  });

  it('keeps a pasted Last updated, and stamps today where only the progress was pasted and it changed', () => {
    const bundle = sampleRegister();
    const progress = columnOf(bundle, 'Progress');
    const updated = columnOf(bundle, 'Last updated');
    const before = registerRows(bundle);
    const pasted = new Date('2010-08-31T00:00:00Z');
    const from = Math.min(progress, updated);
    const block = [0, 1].map((i) => {
      const row = [before[i].Progress, before[i]['Last updated']];
      if (i === 0) row[0] = 'Rewritten in the paste.';
      if (i === 1) row[1] = pasted;
      return progress < updated ? row : row.reverse();
    });
    bundle.edit('Register', `${letter(from)}2:${letter(from + 1)}3`, block);
    const after = registerRows(bundle);
    expect(after[0].Progress).toBe('Rewritten in the paste.');
    expect(day(after[0]['Last updated'])).toBe(day(before[0]['Last updated']));
    expect(day(after[1]['Last updated'])).toBe('2010-08-31');
    const lines = history(bundle).slice(-2);
    expect(lines.map((l) => [l[3], l[4], l[5]])).toEqual([
      ['Progress', before[0].Progress, 'Rewritten in the paste.'],
      ['Last updated', expect.any(String), '31 Aug 2010'],
    ]);
    bundle.edit('Register', `${letter(progress)}4`, [['Only the progress, pasted.']]);
    expect(day(registerRows(bundle)[2]['Last updated'])).toBe('2010-09-06');
  });

  it('follows its actions when rows are sorted, even without the hidden column, and records no change', () => {
    const bundle = sampleRegister();
    const lines = history(bundle).length;
    const idColumn = columnOf(bundle, 'Action ID');
    const values = valuesOf(bundle, 'Register').slice(1, 13);
    const reversed = [...values].reverse();
    // An officer sorts the visible columns only: the hidden Action IDs stay where they were.
    unwatched(bundle, (sheet) =>
      sheet
        .getRange(2, 1, reversed.length, idColumn - 1)
        .setValues(reversed.map((r) => r.slice(0, idColumn - 1))),
    );
    bundle.clickMenu('Refresh statuses');
    expect(history(bundle)).toHaveLength(lines);
    const after = registerRows(bundle);
    expect(after.map((r) => [r.Ref, r['Action ID']])).toEqual(
      reversed.map((r) => [r[columnOf(bundle, 'Ref') - 1], r[idColumn - 1]]),
    );
    const progress = columnOf(bundle, 'Progress');
    bundle.edit('Register', `${letter(progress)}2`, [['After the sort.']]);
    expect(history(bundle).at(-1)?.slice(2, 7)).toEqual([
      after[0].Ref,
      'Progress',
      after[0].Progress,
      'After the sort.',
      after[0]['Action ID'],
    ]);
  });

  it('records a deleted action with its last values, and never reuses its id', () => {
    const bundle = sampleRegister();
    const gone = registerRows(bundle)[2];
    unwatched(bundle, (sheet) => sheet.deleteRows(4, 1));
    bundle.clickMenu('Refresh statuses');
    const line = history(bundle).at(-1) ?? [];
    expect(line.slice(2, 4)).toEqual([gone.Ref, 'Action deleted']);
    expect(String(line[4])).toContain(`Action: ${String(gone.Action)}`);
    expect(String(line[4])).toContain(`Lead: ${String(gone.Lead)}`);
    expect(line[6]).toBe(gone['Action ID']);
    const action = columnOf(bundle, 'Action');
    const next = registerRows(bundle).length + 2;
    bundle.edit('Register', `${letter(action)}${next}`, [['A new action after the deletion']]);
    const ids = registerRows(bundle).map((r) => Number(r['Action ID']));
    expect(ids).not.toContain(Number(gone['Action ID']));
    expect(Math.max(...ids)).toBe(13);
  });

  it('records rows an officer deletes as they are deleted (the change trigger), with who and their last values', () => {
    const bundle = sampleRegister();
    const [first, second] = registerRows(bundle).slice(3, 5);
    bundle.as('bea.marsh@example.org', () => bundle.deleteRows('Register', 5, 2));
    const lines = history(bundle).slice(-2);
    expect(lines.map((l) => [l[1], l[2], l[3], l[6]])).toEqual([
      ['bea.marsh@example.org', first.Ref, 'Action deleted', first['Action ID']],
      ['bea.marsh@example.org', second.Ref, 'Action deleted', second['Action ID']],
    ]);
    expect(String(lines[0][4])).toContain(`Progress: ${String(first.Progress)}`);
    // Refresh finds nothing more to record.
    const count = history(bundle).length;
    bundle.clickMenu('Refresh statuses');
    expect(history(bundle)).toHaveLength(count);
  });

  it('finds what changed while nothing was recording, with its true old value', () => {
    const bundle = sampleRegister();
    const before = registerRows(bundle)[0];
    unwatched(bundle, (sheet) => sheet.getRange(2, columnOf(bundle, 'Lead')).setValue('ZZ'));
    bundle.clickMenu('Refresh statuses');
    const line = history(bundle).at(-1) ?? [];
    expect(line.slice(1, 6)).toEqual([
      'Found by Refresh (made while nothing was recording)',
      before.Ref,
      'Lead',
      before.Lead,
      'ZZ',
    ]);
  });

  it('keeps every action’s state when status labels are renamed in Settings, and back again', () => {
    const bundle = sampleRegister();
    const states = registerRows(bundle).map((r) => r.Status);
    const settings = valuesOf(bundle, 'Settings');
    const row = (label: string) => settings.findIndex((r) => r[0] === label) + 1;
    bundle.edit('Settings', `B${row('Completed label')}`, [['Done']]);
    const renamed = registerRows(bundle).map((r) => r.Status);
    expect(renamed).toEqual(states.map((s) => (s === 'Completed' ? 'Done' : s)));
    // Overdue renamed to a label another status has: refused, so nothing can be completed by a rename.
    bundle.edit('Settings', `B${row('Overdue label')}`, [['Done']]);
    bundle.edit('Settings', `B${row('Overdue label')}`, [['Overdue']]);
    bundle.edit('Settings', `B${row('Completed label')}`, [['Completed']]);
    expect(registerRows(bundle).map((r) => r.Status)).toEqual(states);
    const dropdown = bundle.ws.runtime.calls.uncounted(() =>
      sheetOf(bundle, 'Register').getRange(2, columnOf(bundle, 'Status')).getDataValidation(),
    );
    expect(dropdown?.getCriteriaValues()[0]).toContain('Completed');
  });

  it('names a renamed core column instead of reading it as blank, and changes nothing', () => {
    const bundle = sampleRegister();
    const before = valuesOf(bundle, 'Register');
    unwatched(bundle, (sheet) => sheet.getRange(1, columnOf(bundle, 'Progress')).setValue('Commentary'));
    bundle.clickMenu('Refresh statuses');
    const { prompt } = bundle.ws.sheets.ui.dialogs.at(-1) ?? { prompt: '' };
    expect(prompt).toContain(
      'Progress not found: "Commentary" looks like it; rename that header to Progress.',
    );
    expect(valuesOf(bundle, 'Register').slice(1)).toEqual(before.slice(1));
    bundle.clickMenu('Set up or repair register');
    expect(header(bundle).filter((h) => h === 'Progress')).toHaveLength(0);
    expect(bundle.ws.sheets.ui.dialogs.at(-1)?.prompt).toContain('rename that header to Progress');
  });
});
