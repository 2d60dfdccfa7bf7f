import type { Action, StatusKey } from '../../src/core/model';
import { BLANK_ACTION, DEFAULT_SETTINGS } from '../../src/core/model';
import type { Snapshot, SnapshotRow } from '../../src/core/snapshots';
import {
  SNAPSHOT_HEADERS,
  buildSnapshot,
  comparePapers,
  directionOf,
  lastSnapshot,
  progressFingerprint,
  readSnapshotRows,
  snapshotCells,
  snapshotRowsToKeep,
} from '../../src/core/snapshots';
import type { StatusDecision } from '../../src/core/status';

const decision = (key: StatusKey, dueDate: string | null = null): StatusDecision => ({
  key,
  dueDate,
  reason: '',
  originalDueDate: dueDate,
  daysLateOriginal: 0,
  pendingDueDate: null,
});

const act = (id: string, ref: string, progress = ''): Action => ({ ...BLANK_ACTION, id, ref, progress });

const row = (over: Partial<SnapshotRow>): SnapshotRow => ({
  paperDate: '2010-04-15',
  actionId: '',
  ref: '',
  status: 'inProgress',
  dueDate: null,
  extensions: 0,
  progress: progressFingerprint(''),
  ...over,
});

describe('the snapshot a paper records', () => {
  it('keeps per action its status, due date in force, extensions and a fingerprint of its progress', () => {
    const snapshot = buildSnapshot(
      [act('a1', '1.1', 'Panel established.'), act('a2', '1.2')],
      [decision('overdue', '2010-03-31'), decision('check', '2010-05-01')],
      '2010-04-15',
      [2, 0],
    );
    expect(snapshot).toEqual({
      date: '2010-04-15',
      rows: [
        {
          paperDate: '2010-04-15',
          actionId: 'a1',
          ref: '1.1',
          status: 'overdue',
          dueDate: '2010-03-31',
          extensions: 2,
          progress: progressFingerprint('Panel established.'),
        },
        row({ actionId: 'a2', ref: '1.2', status: 'check', dueDate: '2010-05-01' }),
      ],
    });
  });

  it('fingerprints progress by its words: spacing aside, any change to the text changes it', () => {
    expect(progressFingerprint('Panel  established.\n')).toBe(progressFingerprint('Panel established.'));
    expect(progressFingerprint('Panel established')).not.toBe(progressFingerprint('Panel established.'));
    expect(progressFingerprint('Panel established.')).toMatch(/^[0-9a-f]{8}$/);
  });

  it('round-trips through the Snapshots sheet: status stored by meaning, dates as days', () => {
    const kept = row({
      actionId: 'a1',
      ref: '1.10',
      status: 'completed',
      dueDate: '2010-03-31',
      extensions: 1,
    });
    const cells = snapshotCells(kept);
    expect(SNAPSHOT_HEADERS).toEqual([
      'Paper date',
      'Action id',
      'Ref',
      'Status',
      'Due date in force',
      'Extensions',
      'Progress fingerprint',
    ]);
    expect(cells).toEqual(['2010-04-15', 'a1', '1.10', 'completed', '2010-03-31', 1, kept.progress]);
    const text = cells.map(String);
    expect(readSnapshotRows([...SNAPSHOT_HEADERS], [text], DEFAULT_SETTINGS)).toEqual([kept]);
  });

  it('reads the sheets of earlier versions (Date, Ref, Status label) and skips rows it cannot follow', () => {
    const rows = [
      ['2010-01-10', '3.1', 'Overdue'],
      ['2010-01-10', '3.2', 'check progress'],
      ['2010-01-10', '', 'Overdue'],
      ['not a date', '3.3', 'Overdue'],
      ['2010-01-10', '3.4', 'Not a status'],
    ];
    expect(readSnapshotRows(['Date', 'Ref', 'Status'], rows, DEFAULT_SETTINGS)).toEqual([
      row({ paperDate: '2010-01-10', ref: '3.1', status: 'overdue', progress: '' }),
      row({ paperDate: '2010-01-10', ref: '3.2', status: 'check', progress: '' }),
    ]);
  });
});

describe('the last paper', () => {
  const rows = [
    row({ paperDate: '2010-01-10', actionId: 'a1', status: 'overdue' }),
    row({ paperDate: '2010-04-01', actionId: 'a1', status: 'check' }),
    row({ paperDate: '2010-04-01', actionId: 'a2', status: 'check' }),
    row({ paperDate: '2010-04-01', actionId: 'a1', status: 'inProgress' }),
    row({ paperDate: '2010-04-15', actionId: 'a1', status: 'completed' }),
  ];

  it('is the latest before today, later rows of a day winning; a paper made again today compares with it', () => {
    expect(lastSnapshot(rows, '2010-04-15')).toEqual({
      date: '2010-04-01',
      rows: [rows[3], rows[2]],
    });
    expect(lastSnapshot(rows, '2010-01-10')).toBeNull();
  });

  it('is all the sheet keeps besides the paper just made', () => {
    const current: Snapshot = {
      date: '2010-04-15',
      rows: [row({ paperDate: '2010-04-15', actionId: 'a1' })],
    };
    expect(snapshotRowsToKeep(rows, current)).toEqual([rows[3], rows[2], current.rows[0]]);
    const untraceable: Snapshot = { date: '2010-05-01', rows: [row({ paperDate: '2010-05-01' })] };
    expect(snapshotRowsToKeep([], untraceable)).toEqual([]);
  });
});

describe('comparing with the last paper', () => {
  it('orders statuses from overdue to completed for the direction of travel', () => {
    expect(directionOf('overdue', 'check')).toBe('better');
    expect(directionOf('inProgress', 'check')).toBe('worse');
    expect(directionOf('check', 'check')).toBe('same');
    expect(directionOf('inProgress', 'closed')).toBe('better');
    expect(directionOf('completed', 'closed')).toBe('worse');
    expect(directionOf(null, 'overdue')).toBe('new');
  });

  it('matches by id, or by ref where one side has none, and marks open actions with unchanged progress', () => {
    const previous: Snapshot = {
      date: '2010-04-01',
      rows: [
        row({ actionId: 'a1', ref: '1.1', status: 'check', progress: progressFingerprint('Started.') }),
        row({ actionId: '', ref: '1.2', status: 'overdue', progress: progressFingerprint('Late.') }),
        row({ actionId: 'a3', ref: '1.3', status: 'inProgress', progress: progressFingerprint('On track.') }),
        row({ actionId: 'a4', ref: '1.4', status: 'inProgress' }),
      ],
    };
    const actions = [
      act('a1', '1.1', 'Started.'),
      act('a2', '1.2', 'Late.'),
      act('a3', '1.3', 'Done.'),
      act('a9', '1.4'),
    ];
    const current = buildSnapshot(
      actions,
      [decision('overdue'), decision('overdue'), decision('completed'), decision('overdue')],
      '2010-04-15',
    );
    const result = comparePapers(current, previous);
    expect(result.since).toBe('2010-04-01');
    expect(result.actions.map((a) => [a.direction, a.noUpdateThisCycle, a.changed])).toEqual([
      ['worse', true, true],
      ['same', true, false],
      ['better', false, true],
      // A different action that took a used ref is new, not the old one.
      ['new', false, true],
    ]);
    expect(result.completed).toEqual(['1.3']);
    expect(result.becameOverdue).toEqual(['1.1', '1.4']);
    expect(result.noUpdate).toEqual(['1.1', '1.2']);
  });

  it('knows nothing of changes for the first paper', () => {
    const current = buildSnapshot([act('a1', '1.1')], [decision('overdue')], '2010-04-15');
    expect(comparePapers(current, null)).toEqual({
      since: null,
      actions: [{ previous: null, direction: null, noUpdateThisCycle: false, changed: true }],
      completed: [],
      becameOverdue: [],
      noUpdate: [],
    });
  });
});
