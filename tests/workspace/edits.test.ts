import { isDate } from '../../local/workspace/runtime';
import { toIsoDate } from '../../src/core/dates';
import { registerRows, sampleRegister, sheetOf, valuesOf } from '../helpers';
import type { LoadedBundle } from '../../local/runner/bundle';

const day = (v: unknown): string | unknown => (isDate(v) ? toIsoDate(v, 'Europe/London') : v);

function column(bundle: LoadedBundle, header: string): number {
  return (valuesOf(bundle, 'Register')[0] as string[]).indexOf(header) + 1;
}
function cell(bundle: LoadedBundle, header: string, row: number): string {
  const c = column(bundle, header);
  return `${String.fromCharCode(64 + c)}${row}`;
}
const history = (bundle: LoadedBundle) => valuesOf(bundle, 'History').slice(1);

describe('Edits to the Register (installable onEdit)', () => {
  it('stamps Last updated on a progress change and keeps the old progress in History', () => {
    const bundle = sampleRegister();
    const before = registerRows(bundle)[1];
    bundle.as('bea.marsh@example.org', () =>
      bundle.edit('Register', cell(bundle, 'Progress', 3), [['Panel met again on 1 September.']]),
    );
    const after = registerRows(bundle)[1];
    expect(after.Progress).toBe('Panel met again on 1 September.');
    expect(day(after['Last updated'])).toBe('2010-09-06');
    const [when, who, ref, field, old, value] = history(bundle).at(-1) ?? [];
    expect(isDate(when)).toBe(true);
    expect([who, ref, field, old, value]).toEqual([
      'bea.marsh@example.org',
      before.Ref,
      'Progress',
      before.Progress,
      'Panel met again on 1 September.',
    ]);
  });

  it('puts a hand-typed status back to the computed one, with a note that explains the rule', () => {
    const bundle = sampleRegister();
    const row = registerRows(bundle).findIndex((r) => r.Status === 'Overdue') + 2;
    const lines = history(bundle).length;
    bundle.edit('Register', cell(bundle, 'Status', row), [['In Progress but not reached due date']]);
    expect(registerRows(bundle)[row - 2].Status).toBe('Overdue');
    const note = bundle.ws.runtime.calls.uncounted(() =>
      sheetOf(bundle, 'Register')
        .getRange(cell(bundle, 'Status', row))
        .getNote(),
    );
    expect(note).toMatch(
      /^Status is computed: Due .*"In Progress but not reached due date" was put back: only Completed or Closed can be chosen by hand\.$/,
    );
    // Put back, so the action did not change: History has nothing new to record.
    expect(history(bundle)).toHaveLength(lines);
  });

  it('stamps Completed on when an officer chooses Completed, and keeps it', () => {
    const bundle = sampleRegister();
    const row = registerRows(bundle).findIndex((r) => r.Status === 'Overdue') + 2;
    bundle.edit('Register', cell(bundle, 'Status', row), [['Completed']]);
    const after = registerRows(bundle)[row - 2];
    expect(after.Status).toBe('Completed');
    expect(day(after['Completed on'])).toBe('2010-09-06');
  });

  it('counts each revised due date the owner enters with a reason as one more extension, keeping the original', () => {
    const bundle = sampleRegister();
    const row = registerRows(bundle).findIndex((r) => r.Status === 'Overdue') + 2;
    const original = registerRows(bundle)[row - 2]['Due date'];
    bundle.edit('Register', cell(bundle, 'Reason for extension', row), [
      ['Waiting for the new Corporate Plan'],
    ]);
    bundle.edit('Register', cell(bundle, 'Revised due date', row), [[new Date('2010-12-31T00:00:00Z')]]);
    bundle.edit('Register', cell(bundle, 'Revised due date', row), [[new Date('2011-03-31T00:00:00Z')]]);
    const after = registerRows(bundle)[row - 2];
    expect(after.Extensions).toBe(2);
    expect(after['Due date']).toEqual(original);
    expect(after.Status).toBe('In Progress but not reached due date');
    const ledger = valuesOf(bundle, 'Extensions').slice(1);
    expect(ledger.map((l) => [l[3], day(l[5]), l[6], l[7], l[8]])).toEqual([
      [
        after.Ref,
        '2010-12-31',
        'Waiting for the new Corporate Plan',
        'Approved',
        'policy.officer@example.org',
      ],
      [
        after.Ref,
        '2011-03-31',
        'Waiting for the new Corporate Plan',
        'Approved',
        'policy.officer@example.org',
      ],
    ]);
  });

  it('keeps an officer’s revised date waiting for a reason and the owner, deciding the status on the date before it', () => {
    const bundle = sampleRegister();
    const row = registerRows(bundle).findIndex((r) => r.Status === 'Overdue') + 2;
    bundle.as('bea.marsh@example.org', () =>
      bundle.edit('Register', cell(bundle, 'Revised due date', row), [[new Date('2010-12-31T00:00:00Z')]]),
    );
    let after = registerRows(bundle)[row - 2];
    expect([after.Status, after.Extensions]).toEqual(['Overdue', 0]);
    const note = () =>
      bundle.ws.runtime.calls.uncounted(() =>
        sheetOf(bundle, 'Register')
          .getRange(cell(bundle, 'Revised due date', row))
          .getNote(),
      );
    expect(note()).toMatch(/^Revised to 31 Dec 2010: give the reason for the extension/);
    bundle.as('bea.marsh@example.org', () =>
      bundle.edit('Register', cell(bundle, 'Reason for extension', row), [['Supplier delay']]),
    );
    after = registerRows(bundle)[row - 2];
    expect([after.Status, after.Extensions]).toEqual(['Overdue', 0]);
    expect(note()).toMatch(/^Revised to 31 Dec 2010: awaiting the plan owner's approval/);
    expect(
      valuesOf(bundle, 'Extensions')
        .slice(1)
        .map((l) => [l[1], l[6], l[7]]),
    ).toEqual([['bea.marsh@example.org', 'Supplier delay', 'Awaiting approval']]);
  });

  it('records a paste of many rows as one batch in History, each with its true old value', () => {
    const bundle = sampleRegister();
    const before = registerRows(bundle).slice(0, 3);
    bundle.ws.runtime.calls.reset();
    bundle.edit('Register', `${cell(bundle, 'Progress', 2)}:${cell(bundle, 'Progress', 4)}`, [
      ['one'],
      ['two'],
      ['three'],
    ]);
    const rows = history(bundle).slice(-3);
    expect(rows.map((r) => r[5])).toEqual(['one', 'two', 'three']);
    expect(rows.map((r) => r[4])).toEqual(before.map((r) => r.Progress));
    expect(rows.map((r) => r[2])).toEqual(before.map((r) => r.Ref));
    const stamped = registerRows(bundle)
      .slice(0, 3)
      .map((r) => day(r['Last updated']));
    expect(stamped).toEqual(['2010-09-06', '2010-09-06', '2010-09-06']);
  });

  it('ignores edits on other sheets', () => {
    const bundle = sampleRegister();
    const before = history(bundle).length;
    bundle.edit('Import', 'A1', [['anything']]);
    expect(history(bundle)).toHaveLength(before);
  });

  it('makes the same service calls per edit on a register of any size', () => {
    const small = sampleRegister();
    const large = sampleRegister();
    large.ws.runtime.calls.uncounted(() => {
      const sheet = sheetOf(large, 'Register');
      const rows = sheet.getRange(2, 1, 12, sheet.getLastColumn()).getValues();
      const id = (valuesOf(large, 'Register')[0] as string[]).indexOf('Action ID');
      // Copies of the rows, without their ids: Refresh records each as a new action.
      const many = Array.from({ length: 80 }, () =>
        rows.map((r) => r.map((v, i) => (i === id ? '' : v))),
      ).flat();
      sheet.insertRowsAfter(sheet.getMaxRows(), many.length);
      sheet.getRange(14, 1, many.length, rows[0].length).setValues(many);
    });
    large.clickMenu('Refresh statuses');
    expect(registerRows(large)).toHaveLength(12 * 81);
    const counts = [small, large].map((bundle) => {
      bundle.ws.runtime.calls.reset();
      bundle.edit('Register', cell(bundle, 'Progress', 5), [['Updated.']]);
      return bundle.ws.runtime.calls.snapshot();
    });
    expect(counts[1]).toEqual(counts[0]);
  });
});
