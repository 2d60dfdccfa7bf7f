import { BLANK_ACTION, DEFAULT_SETTINGS } from '../../src/core/model';
import type { Action } from '../../src/core/model';
import type { ExtensionEntry } from '../../src/core/extensions';
import { NO_EXTENSIONS, extensionsByAction, extensionsOf } from '../../src/core/extensions';
import { decideStatus, effectiveDueDate, statusKeyOf } from '../../src/core/status';

const action = (over: Partial<Action>): Action => ({
  ...BLANK_ACTION,
  ref: '1.1',
  kloe: 'Setting targets',
  recommendation: 'Ensure broad involvement in target-setting',
  action: 'Involve Members, staff and users in setting targets',
  timescale: '',
  dueDate: null,
  revisedDueDate: null,
  lead: 'AK',
  progress: '',
  lastUpdated: null,
  status: '',
  completedOn: null,
  extensions: 0,
  ...over,
});
const today = '2010-09-06';
const key = (over: Partial<Action>) => decideStatus(action(over), DEFAULT_SETTINGS, today).key;

describe('decideStatus: the status key of DESIGN.md', () => {
  it('is Overdue once the due date has passed and the action is not completed', () => {
    expect(key({ dueDate: '2010-09-05', lastUpdated: '2010-09-01' })).toBe('overdue');
  });

  it('is Check Progress when due within the check window, including today', () => {
    expect(key({ dueDate: '2010-09-06', lastUpdated: '2010-09-01' })).toBe('check');
    expect(key({ dueDate: '2010-10-04', lastUpdated: '2010-09-01' })).toBe('check'); // 28 days
    expect(key({ dueDate: '2010-10-05', lastUpdated: '2010-09-01' })).toBe('inProgress'); // 29 days
  });

  it('is Check Progress when progress has not been updated for the stale window', () => {
    expect(key({ dueDate: '2011-03-31', lastUpdated: '2010-07-08' })).toBe('check'); // exactly 60 days: stale
    expect(key({ dueDate: '2011-03-31', lastUpdated: '2010-07-07' })).toBe('check');
    expect(key({ dueDate: '2011-03-31', lastUpdated: '2010-07-09' })).toBe('inProgress');
  });

  it('is Check Progress when the timescale could not be understood', () => {
    expect(key({ timescale: 'As agreed with internal audit', lastUpdated: '2010-09-01' })).toBe('check');
  });

  it('is In Progress for ongoing actions with fresh progress, Check Progress without any', () => {
    expect(key({ timescale: 'Ongoing', lastUpdated: '2010-08-20' })).toBe('inProgress');
    expect(key({ timescale: 'Ongoing', lastUpdated: null })).toBe('check');
  });

  it('is Completed only when an officer marked it, whatever the dates', () => {
    expect(key({ dueDate: '2010-01-31', closure: 'completed' })).toBe('completed');
    expect(key({ dueDate: '2010-01-31', completedOn: '2010-02-01' })).toBe('completed');
    expect(key({ dueDate: '2010-01-31', status: 'In Progress but not reached due date' })).toBe('overdue');
  });

  it('reads the state by meaning: a label in the Status cell completes nothing', () => {
    expect(key({ dueDate: '2010-01-31', status: 'Completed' })).toBe('overdue');
  });

  it('is Closed when an officer closed it without completing it, whatever the dates', () => {
    expect(key({ dueDate: '2010-01-31', closure: 'closed' })).toBe('closed');
    expect(key({ dueDate: '2099-01-31', closure: 'closed', completedOn: '2010-02-01' })).toBe('closed');
  });

  it('uses the revised due date where one is set', () => {
    const extended = action({
      dueDate: '2010-06-30',
      revisedDueDate: '2010-12-31',
      lastUpdated: '2010-09-01',
    });
    expect(effectiveDueDate(extended, today)).toBe('2010-12-31');
    expect(decideStatus(extended, DEFAULT_SETTINGS, today).key).toBe('inProgress');
  });

  it('moves milestones on to the next one not yet passed', () => {
    const quarterly = action({
      timescale: 'July 2010, October 2010, January 2011 & April 2011',
      dueDate: '2010-07-31',
      lastUpdated: '2010-09-01',
    });
    expect(effectiveDueDate(quarterly, today)).toBe('2010-10-31');
    expect(decideStatus(quarterly, DEFAULT_SETTINGS, today).key).toBe('inProgress');
  });

  it('explains the decision in words an officer understands', () => {
    expect(decideStatus(action({ dueDate: '2010-06-30' }), DEFAULT_SETTINGS, today).reason).toMatch(
      /68 days ago/,
    );
  });
});

describe('statusKeyOf', () => {
  it('reads a label whatever its case and spacing, and nothing else', () => {
    expect(statusKeyOf('  completed ', DEFAULT_SETTINGS)).toBe('completed');
    expect(statusKeyOf('Check  Progress', DEFAULT_SETTINGS)).toBe('check');
    expect(statusKeyOf('Done', DEFAULT_SETTINGS)).toBeNull();
  });
});

describe('decideStatus with the extensions ledger', () => {
  const OWNER = 'owner@council.example';
  const settings = { ...DEFAULT_SETTINGS, ownerEmail: OWNER };
  const extended = action({
    id: 'a1',
    dueDate: '2010-06-30',
    revisedDueDate: '2010-12-31',
    lastUpdated: '2010-09-01',
  });
  const entry = (state: ExtensionEntry['state']): ExtensionEntry => ({
    when: '2010-06-20',
    who: 'tom.green@council.example',
    actionId: 'a1',
    ref: '1.1',
    from: '2010-06-30',
    to: '2010-12-31',
    reason: state === 'awaitingReason' ? '' : 'Waiting for the new Corporate Plan.',
    state,
    approvedBy: state === 'approved' ? OWNER : '',
    decidedOn: state === 'approved' ? '2010-06-21' : null,
    minute: '',
  });
  const ledger = (...entries: ExtensionEntry[]) => extensionsOf(extensionsByAction(entries), extended);

  it('decides on the approved revised date, and says how late the action is against the original', () => {
    const decision = decideStatus(extended, settings, today, ledger(entry('approved')));
    expect(decision).toEqual({
      key: 'inProgress',
      dueDate: '2010-12-31',
      reason: 'Due 31 Dec 2010.',
      originalDueDate: '2010-06-30',
      daysLateOriginal: 68,
      pendingDueDate: null,
    });
  });

  it('decides on the date before a revised date that waits for approval or a reason', () => {
    for (const state of ['awaitingApproval', 'awaitingReason'] as const) {
      const decision = decideStatus(extended, settings, today, ledger(entry(state)));
      expect([decision.key, decision.dueDate, decision.pendingDueDate]).toEqual([
        'overdue',
        '2010-06-30',
        '2010-12-31',
      ]);
      expect(decision.reason).toBe(
        'Due 30 Jun 2010, 68 days ago. The revised date 31 Dec 2010 is not yet agreed, so the date before it counts.',
      );
    }
  });

  it('falls back to the previous approved revised date while a newer one waits', () => {
    const first = { ...entry('approved'), to: '2010-09-30' };
    const second = { ...entry('awaitingApproval'), from: '2010-09-30', when: '2010-09-01' };
    const decision = decideStatus(extended, settings, today, ledger(first, second));
    expect([decision.key, decision.dueDate, decision.pendingDueDate]).toEqual([
      'check',
      '2010-09-30',
      '2010-12-31',
    ]);
  });

  it('ignores refused entries, and treats a revised date the ledger does not hold as waiting', () => {
    const refused = decideStatus(
      extended,
      settings,
      today,
      ledger({ ...entry('refused'), decidedOn: '2010-06-22' }),
    );
    expect([refused.key, refused.dueDate]).toEqual(['overdue', '2010-06-30']);
    const unrecorded = decideStatus(extended, settings, today, NO_EXTENSIONS);
    expect([unrecorded.key, unrecorded.pendingDueDate]).toEqual(['overdue', '2010-12-31']);
  });

  it('takes the Revised due date cell as agreed when no ledger is given (a single-row edit)', () => {
    expect(decideStatus(extended, settings, today).dueDate).toBe('2010-12-31');
  });

  it('keeps an extended action overdue against its original date when Settings say a revised date does not stop it', () => {
    const strict = { ...settings, revisedDateStopsOverdue: false };
    const decision = decideStatus(extended, strict, today, ledger(entry('approved')));
    expect(decision.key).toBe('overdue');
    expect(decision.dueDate).toBe('2010-12-31');
    expect(decision.reason).toBe(
      'Due 30 Jun 2010, 68 days ago. A revised date (31 Dec 2010) does not stop an action counting as overdue here.',
    );
    // Before the original date passes, the date in force still decides the rest.
    const early = decideStatus(extended, strict, '2010-06-01', ledger(entry('approved')));
    expect([early.key, early.daysLateOriginal]).toEqual(['inProgress', 0]);
  });

  it('counts no lateness for completed or closed actions', () => {
    const done = decideStatus({ ...extended, completedOn: '2010-08-01' }, settings, today);
    expect([done.key, done.daysLateOriginal]).toEqual(['completed', 0]);
    const closed = decideStatus({ ...extended, closure: 'closed' }, settings, today);
    expect([closed.key, closed.daysLateOriginal]).toEqual(['closed', 0]);
  });
});
