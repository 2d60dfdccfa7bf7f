import { BLANK_ACTION, DEFAULT_SETTINGS } from '../../src/core/model';
import type { Action } from '../../src/core/model';
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
