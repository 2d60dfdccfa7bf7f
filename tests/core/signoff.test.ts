import { NO_EXTENSIONS, summariseExtensions } from '../../src/core/extensions';
import type { ExtensionEntry } from '../../src/core/extensions';
import { DEFAULT_SETTINGS } from '../../src/core/model';
import type { Settings } from '../../src/core/model';
import { settle } from '../../src/core/record';
import type { RecordEntry, RecordedField, RowCells, SettleContext } from '../../src/core/record';
import {
  NO_SIGN_OFF,
  decideSignOff,
  needsSignOff,
  pendingSignOff,
  propose,
  signOffNote,
} from '../../src/core/signoff';
import type { SignOffEntry } from '../../src/core/signoff';

const OWNER = 'owner@council.example';
const LEAD = 'bea.marsh@council.example';
const SETTINGS: Settings = { ...DEFAULT_SETTINGS, ownerEmail: OWNER };
const TODAY = '2010-09-06';

const proposal = { actionId: '7', ref: '4.1', who: LEAD, when: TODAY, evidence: ' https://intranet/report ' };

describe('proposing a completion', () => {
  it('waits for the owner when sign-off is on, keeping the evidence', () => {
    const { entry, replaced, completes } = propose(proposal, [], SETTINGS);
    expect(entry).toEqual({
      when: TODAY,
      who: LEAD,
      actionId: '7',
      ref: '4.1',
      evidence: 'https://intranet/report',
      state: 'awaiting',
      decidedBy: '',
      decidedOn: null,
      comment: '',
    });
    expect([replaced, completes]).toEqual([[], false]);
    expect(pendingSignOff([entry])).toBe(entry);
  });

  it('completes at once for the owner, and for anyone when Settings ask for no sign-off', () => {
    expect(propose({ ...proposal, who: 'Owner@Council.example' }, [], SETTINGS)).toMatchObject({
      completes: true,
      entry: { state: 'signedOff', decidedBy: 'Owner@Council.example', decidedOn: TODAY },
    });
    expect(propose(proposal, [], { ...SETTINGS, signOffRequired: false })).toMatchObject({
      completes: true,
      entry: { state: 'signedOff', decidedBy: NO_SIGN_OFF },
    });
    expect(needsSignOff('', SETTINGS)).toBe(true);
    // With no owner named nobody could sign off: completions are immediate until one is.
    expect(needsSignOff(LEAD, { ...SETTINGS, ownerEmail: ' ' })).toBe(false);
  });

  it('withdraws a proposal still waiting, so one waits at a time', () => {
    const first = propose(proposal, [], SETTINGS).entry;
    const second = propose({ ...proposal, when: '2010-09-08', evidence: 'Better' }, [first], SETTINGS);
    expect(second.replaced).toEqual([{ ...first, state: 'withdrawn', decidedOn: '2010-09-08' }]);
    expect(pendingSignOff([...second.replaced, second.entry])).toBe(second.entry);
  });
});

describe("the owner's decision", () => {
  const waiting = propose(proposal, [], SETTINGS).entry;

  it('signs off or returns with a comment, by the owner only', () => {
    expect(decideSignOff(waiting, 'signOff', OWNER, '2010-09-09', ' Seen ', SETTINGS)).toEqual({
      entry: { ...waiting, state: 'signedOff', decidedBy: OWNER, decidedOn: '2010-09-09', comment: 'Seen' },
    });
    expect(decideSignOff(waiting, 'return', OWNER, '2010-09-09', 'Add the minute', SETTINGS)).toEqual({
      entry: {
        ...waiting,
        state: 'returned',
        decidedBy: OWNER,
        decidedOn: '2010-09-09',
        comment: 'Add the minute',
      },
    });
    expect(decideSignOff(waiting, 'signOff', LEAD, '2010-09-09', '', SETTINGS)).toEqual({
      problem: `Only the plan owner (${OWNER}) can sign off completions.`,
    });
  });

  it('will not return without a comment, decide twice, or decide with no owner named', () => {
    expect(decideSignOff(waiting, 'return', OWNER, TODAY, '  ', SETTINGS)).toEqual({
      problem: 'Say why the completion of 4.1 is returned: the lead sees your comment.',
    });
    const done: SignOffEntry = { ...waiting, state: 'signedOff' };
    expect(decideSignOff(done, 'return', OWNER, TODAY, 'x', SETTINGS)).toEqual({
      problem: 'The completion of 4.1 is no longer awaiting sign-off: it was signed off.',
    });
    expect(decideSignOff(waiting, 'signOff', OWNER, TODAY, '', { ...SETTINGS, ownerEmail: '' })).toEqual({
      problem: 'Settings name no plan owner, so nobody can sign off completions yet.',
    });
  });

  it('says in the Status note who proposed it and when, only while it waits', () => {
    expect(signOffNote(waiting)).toMatch(
      /^Awaiting sign-off: bea\.marsh@council\.example proposed on 6 Sep 2010 that this action is complete\./,
    );
    expect(signOffNote({ ...waiting, who: '' })).toMatch(/^Awaiting sign-off: an editor proposed/);
    expect(signOffNote(null)).toBe('');
  });
});

describe('settling Completed chosen in the sheet', () => {
  const cells: RowCells = {
    ref: '4.1',
    action: 'Review data quality',
    dueDate: '2010-07-31',
    lead: 'BM',
    progress: 'Report drafted.',
    lastUpdated: '2010-07-31',
    status: 'Overdue',
  };
  const recorded: RecordEntry = { id: '7', cells, closure: null, deleted: false };
  const context = (who: string | null, written: RecordedField[], over: Partial<SettleContext> = {}) => ({
    settings: SETTINGS,
    today: TODAY,
    written: new Set(written),
    live: true,
    ...(who === null ? {} : { signOff: { who } }),
    ...over,
  });

  it('makes a lead’s Completed a proposal: put back, open, nothing stamped', () => {
    const result = settle('7', { ...cells, status: 'Completed' }, recorded, context(LEAD, ['status']));
    expect(result.proposed).toBe(true);
    expect(result.entry.closure).toBeNull();
    expect(result.writes).toEqual({ status: 'Overdue' });
    expect(result.changes).toEqual([]);
    expect(result.statusNote).toBe(
      "Status is computed: Due 31 Jul 2010, 37 days ago. Completed was put back: the completion waits for the plan owner's sign-off.",
    );
  });

  it('makes a Completed on date typed by a lead a proposal too, and puts the cell back', () => {
    const result = settle(
      '7',
      { ...cells, completedOn: '2010-09-01' },
      recorded,
      context(LEAD, ['completedOn']),
    );
    expect(result.proposed).toBe(true);
    expect(result.writes.completedOn).toBe('');
    expect(result.entry.cells.completedOn).toBe('');
    expect(result.changes).toEqual([]);
  });

  it('completes the owner’s Completed at once, and anyone’s with sign-off off or no sign-off context', () => {
    for (const c of [
      context(OWNER, ['status']),
      context(LEAD, ['status'], { settings: { ...SETTINGS, signOffRequired: false } }),
      context(null, ['status']),
    ]) {
      const result = settle('7', { ...cells, status: 'Completed' }, recorded, c);
      expect([result.proposed, result.entry.closure, result.writes.completedOn]).toEqual([
        false,
        'completed',
        TODAY,
      ]);
    }
  });

  it('takes a completion found later, by nobody knows whom, as a proposal', () => {
    const result = settle(
      '7',
      { ...cells, status: 'Completed' },
      recorded,
      context('', ['status'], { live: false }),
    );
    expect([result.proposed, result.entry.closure]).toEqual([true, null]);
  });
});

describe('a revised date back to the one agreed', () => {
  const approved: ExtensionEntry = {
    when: '2010-08-01',
    who: OWNER,
    actionId: '7',
    ref: '4.1',
    from: '2010-07-31',
    to: '2010-10-31',
    reason: 'Supplier',
    state: 'approved',
    approvedBy: OWNER,
    decidedOn: '2010-08-01',
    minute: '',
  };
  const waiting: ExtensionEntry = {
    ...approved,
    when: TODAY,
    who: LEAD,
    from: '2010-10-31',
    to: '2010-12-31',
    state: 'awaitingApproval',
    approvedBy: '',
    decidedOn: null,
  };
  const cells: RowCells = {
    ref: '4.1',
    action: 'Review data quality',
    dueDate: '2010-07-31',
    revisedDueDate: '2010-12-31',
    lead: 'BM',
    extensions: '1',
  };
  const recorded: RecordEntry = { id: '7', cells, closure: null, deleted: false };

  it('is no new extension, and gives up the date that waited', () => {
    const result = settle('7', { ...cells, revisedDueDate: '2010-10-31' }, recorded, {
      settings: SETTINGS,
      today: TODAY,
      written: new Set(['revisedDueDate']),
      live: true,
      ledger: { extensions: summariseExtensions([approved, waiting]), who: LEAD },
    });
    expect(result.extension).toBeNull();
    expect(result.extensions?.entries.map((e) => e.state)).toEqual(['approved', 'returned']);
    expect(result.extensions?.approvedCount).toBe(1);
    expect(result.changes).toEqual([{ field: 'revisedDueDate', old: '2010-12-31', new: '2010-10-31' }]);
  });

  it('still records a revision to any other date', () => {
    const result = settle('7', { ...cells, revisedDueDate: '2011-01-31' }, recorded, {
      settings: SETTINGS,
      today: TODAY,
      written: new Set(['revisedDueDate']),
      live: true,
      ledger: { extensions: NO_EXTENSIONS, who: LEAD },
    });
    expect(result.extension).toEqual({ from: '2010-12-31', to: '2011-01-31' });
  });
});
