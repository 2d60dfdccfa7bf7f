import { importPlan } from '../../../src/core/import';
import type { ImportResult, RegisterAction } from '../../../src/core/import';
import { similarText } from '../../../src/core/import/match';
import { seedGrid } from './helpers';

const TODAY = '2024-06-01';
const HEADER = ['Ref', 'Action', 'Timescale', 'Lead', 'Progress'];

/** The register after a first import: each action with an id, as the adapter reads it back. */
function registerOf(result: ImportResult): RegisterAction[] {
  return result.actions.map((a, i) => ({
    id: `id-${i + 1}`,
    ref: a.ref,
    action: a.action,
    timescale: a.timescale,
    lead: a.lead,
    progress: a.progress,
    dueDate: a.dueDate,
    closure: a.closure,
  }));
}

const plan = (...rows: string[][]): string[][] => [HEADER, ...rows];

describe('a second import', () => {
  const first = plan(
    ['1.1', 'Publish the framework on the intranet', 'June 2025', 'AK', 'Drafted'],
    ['1.2', 'Train every manager in target setting', 'July 2025', 'BM', ''],
    ['1.3', 'Run spot checks on the indicators', 'Ongoing', 'CR', ''],
  );
  const register = registerOf(importPlan(first, { today: TODAY }));

  test('of the same plan duplicates nothing: 0 new, 0 updated, all unchanged', () => {
    const again = importPlan(first, { today: TODAY, existing: register });
    expect(again.changes.summary).toBe('0 new, 0 updated, 3 unchanged');
    expect(again.changes.added).toEqual([]);
    expect(again.changes.unchanged).toEqual([
      { id: 'id-1', existing: 0 },
      { id: 'id-2', existing: 1 },
      { id: 'id-3', existing: 2 },
    ]);
  });

  test('adds an action inserted mid-plan where it stands, even under a ref used before', () => {
    const changed = plan(
      ['1.1', 'Publish the framework on the intranet', 'June 2025', 'AK', 'Drafted'],
      ['1.2', 'Agree the data quality policy with CMT', 'May 2025', 'DL', ''],
      ['1.3', 'Train every manager in target setting', 'July 2025', 'BM', ''],
      ['1.4', 'Run spot checks on the indicators', 'Ongoing', 'CR', ''],
    );
    const again = importPlan(changed, { today: TODAY, existing: register });
    expect(again.changes.added).toEqual([{ action: 1, after: 'id-1', afterExisting: 0 }]);
    expect(again.changes.matches.map((m) => [m.action, m.id, m.rule])).toEqual([
      [0, 'id-1', 'same ref and text'],
      [2, 'id-2', 'same text, ref changed'],
      [3, 'id-3', 'same text, ref changed'],
    ]);
    expect(again.changes.updates).toEqual([
      { id: 'id-2', existing: 1, ref: '1.2', field: 'ref', oldValue: '1.2', newValue: '1.3' },
      { id: 'id-3', existing: 2, ref: '1.3', field: 'ref', oldValue: '1.3', newValue: '1.4' },
    ]);
    expect(again.changes.summary).toBe('1 new, 2 updated, 1 unchanged');
  });

  test('updates the text of an action it recognises by its ref, field by field, old and new', () => {
    const edited = plan(
      [
        '1.1',
        'Publish the framework on the intranet and the website',
        'June 2025',
        'AK',
        'Drafted; sent to CMT',
      ],
      ['1.2', 'Train every manager in target setting', 'September 2025', 'BM', ''],
      ['1.3', 'Run spot checks on the indicators', 'Ongoing', 'CR', ''],
    );
    const again = importPlan(edited, { today: TODAY, existing: register });
    expect(again.changes.matches[0].rule).toBe('same ref, text edited');
    expect(again.changes.updates.map((u) => [u.id, u.field, u.oldValue, u.newValue])).toEqual([
      [
        'id-1',
        'action',
        'Publish the framework on the intranet',
        'Publish the framework on the intranet and the website',
      ],
      ['id-1', 'progress', 'Drafted', 'Drafted; sent to CMT'],
      ['id-2', 'timescale', 'July 2025', 'September 2025'],
      ['id-2', 'dueDate', '2025-07-31', '2025-09-30'],
    ]);
    expect(again.changes.summary).toBe('0 new, 2 updated, 1 unchanged');
  });

  test('a ref reused for a different action is a new action, and the old one is left alone', () => {
    const reused = plan(
      ['1.1', 'Publish the framework on the intranet', 'June 2025', 'AK', 'Drafted'],
      ['1.2', 'Appoint a data quality champion in each directorate', 'July 2025', 'BM', ''],
      ['1.3', 'Run spot checks on the indicators', 'Ongoing', 'CR', ''],
    );
    const again = importPlan(reused, { today: TODAY, existing: register });
    expect(again.changes.added.map((n) => n.action)).toEqual([1]);
    expect(again.changes.notInPlan).toEqual([{ id: 'id-2', existing: 1 }]);
  });

  test('a blank in the plan never clears what the register holds', () => {
    const blanked = plan(
      ['1.1', 'Publish the framework on the intranet', 'June 2025', '', ''],
      ['1.2', 'Train every manager in target setting', 'July 2025', 'BM', ''],
      ['1.3', 'Run spot checks on the indicators', 'Ongoing', 'CR', ''],
    );
    expect(importPlan(blanked, { today: TODAY, existing: register }).changes.updates).toEqual([]);
  });

  test('recognises an action by its Action ID first, whatever its ref and text', () => {
    const exported = [
      ['Action ID', 'Ref', 'Action', 'Lead'],
      ['id-3', '9.9', 'Spot checks of every indicator each quarter', 'CR'],
    ];
    const again = importPlan(exported, { today: TODAY, existing: register });
    expect(again.changes.matches).toEqual([{ action: 0, existing: 2, id: 'id-3', rule: 'same id' }]);
  });

  test('a plan closing an action it recognises updates its closure', () => {
    const closed = [
      [...HEADER, 'Status'],
      ['1.2', 'Train every manager in target setting', 'July 2025', 'BM', '', 'Complete'],
    ];
    const again = importPlan(closed, { today: TODAY, existing: register });
    expect(again.changes.updates).toEqual([
      { id: 'id-2', existing: 1, ref: '1.2', field: 'closure', oldValue: '', newValue: 'completed' },
    ]);
  });
});

describe('seed 000 imported twice', () => {
  test('gives the same refs every time, and the second time changes nothing', () => {
    const grid = seedGrid('000');
    const first = importPlan(grid, { today: '2010-08-01' });
    const again = importPlan(grid, { today: '2011-01-01', existing: registerOf(first) });
    expect(again.actions.map((a) => a.ref)).toEqual(first.actions.map((a) => a.ref));
    expect(again.changes.summary).toBe('0 new, 0 updated, 12 unchanged');
  });
});

describe('similarText', () => {
  test('half the words in common, ignoring case and punctuation, is the same action edited', () => {
    expect(similarText('Publish the framework', 'Publish the framework on the intranet')).toBe(true);
    expect(similarText('Train managers', 'Appoint a data quality champion')).toBe(false);
    expect(similarText('', 'Anything at all')).toBe(true);
  });
});
