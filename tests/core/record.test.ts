import { DEFAULT_SETTINGS } from '../../src/core/model';
import type { Settings } from '../../src/core/model';
import { NO_EXTENSIONS } from '../../src/core/extensions';
import {
  RECORDED_FIELDS,
  deletedActions,
  identify,
  nextIdAfter,
  settle,
  statusOfLabel,
} from '../../src/core/record';
import type { RecordEntry, RecordedField, RowCells, SettleContext } from '../../src/core/record';

const TODAY = '2011-08-15';

const row = (over: RowCells = {}): RowCells => ({
  ref: '1.1',
  kloe: 'Setting targets',
  recommendation: '3. Ensure broad involvement in target-setting',
  action: 'Involve Members in setting targets',
  timescale: 'by March 2012',
  dueDate: '2012-03-31',
  lead: 'AK',
  progress: 'Panel established.',
  lastUpdated: '2011-07-01',
  status: 'In Progress but not reached due date',
  extensions: '0',
  ...over,
});

const entry = (id: string, cells: RowCells, over: Partial<RecordEntry> = {}): RecordEntry => ({
  id,
  cells,
  closure: null,
  deleted: false,
  ...over,
});

const context = (written: RecordedField[], over: Partial<SettleContext> = {}): SettleContext => ({
  settings: DEFAULT_SETTINGS,
  today: TODAY,
  written: new Set(written),
  live: true,
  ...over,
});

describe('identify: which action each row is', () => {
  const record = new Map([
    ['1', entry('1', row({ ref: '1.1', action: 'First' }))],
    ['2', entry('2', row({ ref: '1.2', action: 'Second' }))],
    ['3', entry('3', row({ ref: '1.3', action: 'Third' }), { deleted: true })],
  ]);

  it('keeps the id of a row whose action the record knows, changed or not', () => {
    const rows = [
      { row: 2, idCell: '1', cells: row({ ref: '1.1', action: 'First, edited' }) },
      { row: 3, idCell: '2', cells: row({ ref: '1.2', action: 'Second' }) },
    ];
    expect(identify(rows, record, nextIdAfter(record.keys()), { wholeRegister: true })).toEqual([
      { row: 2, id: '1', rewrite: false, isNew: false },
      { row: 3, id: '2', rewrite: false, isNew: false },
    ]);
  });

  it('gives a new id to a new row with content and to a copied row, never reusing a deleted id', () => {
    const rows = [
      { row: 2, idCell: '1', cells: row({ ref: '1.1', action: 'First' }) },
      { row: 3, idCell: '1', cells: row({ ref: '1.1', action: 'First' }) },
      { row: 4, idCell: '', cells: row({ ref: '1.4', action: 'Fourth' }) },
      { row: 5, idCell: '', cells: {} },
    ];
    expect(identify(rows, record, nextIdAfter(record.keys()), { wholeRegister: true })).toEqual([
      { row: 2, id: '1', rewrite: false, isNew: false },
      { row: 3, id: '4', rewrite: true, isNew: true },
      { row: 4, id: '5', rewrite: true, isNew: true },
    ]);
  });

  it('follows content that was sorted without the hidden Action ID column', () => {
    const rows = [
      { row: 2, idCell: '1', cells: row({ ref: '1.2', action: 'Second' }) },
      { row: 3, idCell: '2', cells: row({ ref: '1.1', action: 'First' }) },
    ];
    expect(identify(rows, record, nextIdAfter(record.keys()), { wholeRegister: true })).toEqual([
      { row: 2, id: '2', rewrite: true, isNew: false },
      { row: 3, id: '1', rewrite: true, isNew: false },
    ]);
  });

  it('never follows content for part of the register: an edited row keeps its own id', () => {
    const rows = [{ row: 2, idCell: '1', cells: row({ ref: '1.2', action: 'Second' }) }];
    expect(identify(rows, record, nextIdAfter(record.keys()), { wholeRegister: false })).toEqual([
      { row: 2, id: '1', rewrite: false, isNew: false },
    ]);
  });

  it('treats a row pasted with an id held by a row outside the edit as a copy', () => {
    const rows = [{ row: 9, idCell: '2', cells: row({ ref: '1.2', action: 'Second' }) }];
    const ids = identify(rows, record, nextIdAfter(record.keys()), {
      wholeRegister: false,
      heldElsewhere: new Set(['2']),
    });
    expect(ids).toEqual([{ row: 9, id: '4', rewrite: true, isNew: true }]);
  });

  it('clears a stale id from a row whose content is gone', () => {
    const rows = [
      { row: 2, idCell: '1', cells: row({ ref: '1.1', action: 'First' }) },
      { row: 3, idCell: '1', cells: {} },
    ];
    expect(identify(rows, record, nextIdAfter(record.keys()), { wholeRegister: true })[1]).toEqual({
      row: 3,
      id: '',
      rewrite: true,
      isNew: false,
    });
  });

  it('finds the actions no row holds any more', () => {
    expect(deletedActions(record, new Set(['1'])).map((e) => e.id)).toEqual(['2']);
  });
});

describe('settle: what a changed row writes back and what History records', () => {
  const recorded = entry('7', row());

  it('records the true old value of every field that changed, and nothing for an unchanged paste', () => {
    const pasted = settle('7', row(), recorded, context(['progress', 'lead', 'lastUpdated']));
    expect(pasted.changes).toEqual([]);
    expect(pasted.writes).toEqual({});
    expect(pasted.extension).toBeNull();

    const edited = settle(
      '7',
      row({ lead: 'BM', progress: 'Panel met twice.' }),
      recorded,
      context(['lead']),
    );
    expect(edited.changes).toEqual([
      { field: 'lead', old: 'AK', new: 'BM' },
      { field: 'progress', old: 'Panel established.', new: 'Panel met twice.' },
    ]);
  });

  it('stamps Last updated only when the progress text really changed, and keeps a pasted Last updated', () => {
    expect(settle('7', row({ progress: 'More.' }), recorded, context(['progress'])).writes).toEqual({
      lastUpdated: TODAY,
    });
    const pasted = settle(
      '7',
      row({ progress: 'More.', lastUpdated: '2011-08-01' }),
      recorded,
      context(['progress', 'lastUpdated']),
    );
    expect(pasted.writes).toEqual({});
    expect(pasted.changes).toContainEqual({ field: 'lastUpdated', old: '2011-07-01', new: '2011-08-01' });
    expect(
      settle('7', row({ progress: 'More.' }), recorded, context(['progress'], { live: false })).writes,
    ).toEqual({});
  });

  it('counts an extension only when the revised due date moves to another date', () => {
    const extended = settle(
      '7',
      row({ revisedDueDate: '2012-06-30' }),
      recorded,
      context(['revisedDueDate']),
    );
    expect(extended.extension).toEqual({ from: '2012-03-31', to: '2012-06-30' });
    expect(extended.writes.extensions).toBe('1');
    const again = settle(
      '7',
      row({ revisedDueDate: '2012-06-30', extensions: '1' }),
      extended.entry,
      context(['revisedDueDate']),
    );
    expect(again.extension).toBeNull();
    expect(again.writes).toEqual({});
    const same = settle('7', row({ revisedDueDate: '2012-03-31' }), recorded, context(['revisedDueDate']));
    expect(same.extension).toBeNull();
  });

  it('honours Completed chosen by hand: the closure is kept by meaning and Completed on stamped', () => {
    const done = settle('7', row({ status: 'Completed' }), recorded, context(['status']));
    expect(done.entry.closure).toBe('completed');
    expect(done.writes).toEqual({ completedOn: TODAY });
    expect(done.changes).toEqual([
      { field: 'status', old: 'In Progress but not reached due date', new: 'Completed' },
    ]);
    expect(done.decision.key).toBe('completed');
  });

  it('honours Closed, and reopens a completed action when an open status is chosen', () => {
    expect(settle('7', row({ status: 'Closed' }), recorded, context(['status'])).entry.closure).toBe(
      'closed',
    );
    const completed = entry('7', row({ status: 'Completed', completedOn: '2011-08-01' }), {
      closure: 'completed',
    });
    const reopened = settle(
      '7',
      row({ status: 'Overdue', completedOn: '2011-08-01' }),
      completed,
      context(['status']),
    );
    expect(reopened.entry.closure).toBeNull();
    expect(reopened.writes.completedOn).toBe('');
  });

  it('puts any other hand-typed status back with a note saying why', () => {
    const typed = settle('7', row({ status: 'Overdue' }), recorded, context(['status']));
    expect(typed.entry.closure).toBeNull();
    expect(typed.writes.status).toBe('In Progress but not reached due date');
    expect(typed.statusNote).toMatch(
      /"Overdue" was put back: only Completed or Closed can be chosen by hand\.$/,
    );
    expect(settle('7', row({ status: 'Nearly there' }), recorded, context(['status'])).statusNote).toMatch(
      /"Nearly there" was put back/,
    );
  });

  it('keeps the state when labels are renamed: a relabel is not a decision', () => {
    const settings: Settings = {
      ...DEFAULT_SETTINGS,
      statuses: {
        ...DEFAULT_SETTINGS.statuses,
        completed: { ...DEFAULT_SETTINGS.statuses.completed, label: 'Done' },
      },
    };
    const completed = entry('7', row({ status: 'Completed', completedOn: '' }), { closure: 'completed' });
    const relabelled = settle(
      '7',
      row({ status: 'Completed', completedOn: '' }),
      completed,
      context([], { settings }),
    );
    expect(relabelled.entry.closure).toBe('completed');
    expect(relabelled.writes).toEqual({ status: 'Done' });
    expect(relabelled.changes).toEqual([]);
  });

  it('reads typed labels by today’s labels, then by the labels before a rename', () => {
    const settings: Settings = {
      ...DEFAULT_SETTINGS,
      statuses: {
        ...DEFAULT_SETTINGS.statuses,
        completed: { ...DEFAULT_SETTINGS.statuses.completed, label: 'Done' },
      },
    };
    expect(statusOfLabel(' done ', settings)).toBe('completed');
    expect(statusOfLabel('Completed', settings)).toBeNull();
    expect(statusOfLabel('Completed', settings, { completed: 'Completed' })).toBe('completed');
  });

  it('records a new action field by field, from blank', () => {
    const created = settle('8', row(), null, context([...RECORDED_FIELDS]));
    expect(created.changes.map((c) => c.field)).toEqual(
      expect.arrayContaining([
        'ref',
        'kloe',
        'recommendation',
        'action',
        'timescale',
        'dueDate',
        'lead',
        'progress',
      ]),
    );
    expect(created.changes.every((c) => c.old === '')).toBe(true);
  });
});

describe('settle with the Extensions ledger', () => {
  const recorded = entry('7', row({ dueDate: '2011-07-31', status: 'Overdue' }));
  const owner = 'owner@example.org';
  const settings: Settings = { ...DEFAULT_SETTINGS, ownerEmail: owner };
  const withLedger = (who: string, over: Partial<SettleContext> = {}): SettleContext =>
    context(['revisedDueDate'], { settings, ledger: { extensions: NO_EXTENSIONS, who }, ...over });

  it('keeps an officer’s revised date without a reason waiting, and decides the status on the date before it', () => {
    const result = settle(
      '7',
      row({ dueDate: '2011-07-31', revisedDueDate: '2011-12-31' }),
      recorded,
      withLedger('bm@example.org'),
    );
    expect(result.extensions?.pending?.state).toBe('awaitingReason');
    expect(result.extensions?.approvedCount).toBe(0);
    expect(result.writes.extensions).toBeUndefined();
    expect(result.decision.key).toBe('overdue');
    expect(result.decision.pendingDueDate).toBe('2011-12-31');
  });

  it('waits for the owner when the officer gives a reason, and approves the owner’s own at once', () => {
    const officer = settle(
      '7',
      row({ dueDate: '2011-07-31', revisedDueDate: '2011-12-31', extensionReason: 'Waiting for the audit' }),
      recorded,
      withLedger('bm@example.org'),
    );
    expect(officer.extensions?.pending?.state).toBe('awaitingApproval');
    const own = settle(
      '7',
      row({ dueDate: '2011-07-31', revisedDueDate: '2011-12-31', extensionReason: 'Agreed at CMT' }),
      recorded,
      withLedger(owner),
    );
    expect(own.extensions?.approvedCount).toBe(1);
    expect(own.writes.extensions).toBe('1');
    expect(own.decision.key).toBe('inProgress');
  });

  it('gives the waiting entry its reason when the reason is typed afterwards', () => {
    const first = settle(
      '7',
      row({ dueDate: '2011-07-31', revisedDueDate: '2011-12-31' }),
      recorded,
      withLedger('bm@example.org'),
    );
    const then = settle(
      '7',
      row({ dueDate: '2011-07-31', revisedDueDate: '2011-12-31', extensionReason: 'Supplier delay' }),
      first.entry,
      context(['extensionReason'], {
        settings,
        ledger: { extensions: first.extensions ?? NO_EXTENSIONS, who: 'bm@example.org' },
      }),
    );
    expect(then.extensions?.entries).toHaveLength(1);
    expect(then.extensions?.pending).toMatchObject({ state: 'awaitingApproval', reason: 'Supplier delay' });
  });
});
