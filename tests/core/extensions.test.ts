import type { ActionExtensions, ExtensionEntry, Revision } from '../../src/core/extensions';
import {
  EXTENSION_HEADERS,
  IMPORT_APPROVER,
  NO_EXTENSIONS,
  decideExtension,
  extensionsByAction,
  extensionsOf,
  giveReason,
  isPastLimit,
  recordRevision,
  revisionNote,
  unrecordedRevisions,
} from '../../src/core/extensions';
import type { Action, Settings } from '../../src/core/model';
import { BLANK_ACTION, DEFAULT_SETTINGS } from '../../src/core/model';

const OWNER = 'owner@council.example';
const OFFICER = 'tom.green@council.example';
const SETTINGS: Settings = { ...DEFAULT_SETTINGS, ownerEmail: OWNER };

const action: Action = {
  ...BLANK_ACTION,
  id: 'a1',
  ref: '3.2',
  action: 'Develop a framework for Member involvement',
  dueDate: '2010-06-30',
};

const revision = (over: Partial<Revision>): Revision => ({
  action,
  to: '2010-09-30',
  who: OFFICER,
  when: '2010-06-20',
  reason: 'Waiting for the new Corporate Plan.',
  origin: 'officer',
  ...over,
});

/** Records revisions one after another, as the adapter would append them to the ledger. */
function ledgerOf(...revisions: Revision[]): ExtensionEntry[] {
  let ledger: ExtensionEntry[] = [];
  for (const r of revisions) {
    const before = extensionsOf(extensionsByAction(ledger), r.action);
    const { entry, replaced } = recordRevision(r, before);
    ledger = ledger.map(
      (e) => replaced.find((x) => x.when === e.when && x.to === e.to && x.ref === e.ref) ?? e,
    );
    ledger.push(entry);
  }
  return ledger;
}

describe('recording a revised due date', () => {
  it("waits for the owner's approval when an officer gives a reason, from the date in force", () => {
    const { entry, replaced } = recordRevision(revision({}), NO_EXTENSIONS);
    expect(entry).toEqual({
      when: '2010-06-20',
      who: OFFICER,
      actionId: 'a1',
      ref: '3.2',
      from: '2010-06-30',
      to: '2010-09-30',
      reason: 'Waiting for the new Corporate Plan.',
      state: 'awaitingApproval',
      approvedBy: '',
      decidedOn: null,
      minute: '',
    });
    expect(replaced).toEqual([]);
  });

  it('waits for a reason when none is given, whoever enters it', () => {
    expect(recordRevision(revision({ reason: '  ' }), NO_EXTENSIONS).entry.state).toBe('awaitingReason');
    expect(
      recordRevision(revision({ reason: '', who: OWNER, origin: 'owner' }), NO_EXTENSIONS).entry.state,
    ).toBe('awaitingReason');
  });

  it("approves the owner's own revised date at once", () => {
    const { entry } = recordRevision(revision({ who: OWNER, origin: 'owner' }), NO_EXTENSIONS);
    expect([entry.state, entry.approvedBy, entry.decidedOn]).toEqual(['approved', OWNER, '2010-06-20']);
  });

  it('records a revised date from an imported plan as approved by the import, reason or not', () => {
    const { entry } = recordRevision(revision({ origin: 'import', reason: '', who: '' }), NO_EXTENSIONS);
    expect([entry.state, entry.approvedBy]).toEqual(['approved', IMPORT_APPROVER]);
  });

  it('goes from the last approved date, and returns an undecided entry a newer one replaces', () => {
    const approved = recordRevision(revision({ who: OWNER, origin: 'owner' }), NO_EXTENSIONS).entry;
    const waiting = recordRevision(revision({ to: '2010-12-31', when: '2010-09-01' }), {
      ...NO_EXTENSIONS,
      entries: [approved],
      approvedDate: approved.to,
      approvedCount: 1,
    }).entry;
    const before: ActionExtensions = extensionsOf(extensionsByAction([approved, waiting]), action);
    const { entry, replaced } = recordRevision(revision({ to: '2011-03-31', when: '2010-10-01' }), before);
    expect(entry.from).toBe('2010-09-30');
    expect(replaced).toEqual([{ ...waiting, state: 'returned', decidedOn: '2010-10-01' }]);
  });
});

describe('the ledger of one action', () => {
  it('counts approved entries only, puts the latest approved date in force and names the one waiting', () => {
    const ledger = ledgerOf(
      revision({ who: OWNER, origin: 'owner', when: '2010-06-20' }),
      revision({ to: '2010-12-31', when: '2010-09-01', who: OWNER, origin: 'owner' }),
      revision({ to: '2011-03-31', when: '2010-12-01' }),
    );
    const ext = extensionsOf(extensionsByAction(ledger), action);
    expect(ext.approvedCount).toBe(2);
    expect(ext.approvedDate).toBe('2010-12-31');
    expect(ext.pending?.to).toBe('2011-03-31');
    expect(isPastLimit(ext, SETTINGS)).toBe(false);
    expect(isPastLimit(ext, { ...SETTINGS, extensionLimit: 1 })).toBe(true);
  });

  it('files entries by action id, and by ref for actions that have none yet', () => {
    const noId = { ...action, id: '', ref: '9.9' };
    const ledger = ledgerOf(revision({}), revision({ action: noId, who: OWNER, origin: 'owner' }));
    const index = extensionsByAction(ledger);
    expect(extensionsOf(index, action).entries).toHaveLength(1);
    expect(extensionsOf(index, noId).approvedCount).toBe(1);
    expect(extensionsOf(index, { id: 'other', ref: '3.2' })).toBe(NO_EXTENSIONS);
  });

  it('passes the limit only with more approved extensions than Settings allow', () => {
    const three = ledgerOf(
      revision({ who: OWNER, origin: 'owner', to: '2010-07-31' }),
      revision({ who: OWNER, origin: 'owner', to: '2010-08-31' }),
      revision({ who: OWNER, origin: 'owner', to: '2010-09-30' }),
    );
    const ext = extensionsOf(extensionsByAction(three), action);
    expect(ext.approvedCount).toBe(3);
    expect(isPastLimit(ext, SETTINGS)).toBe(true);
    expect(isPastLimit({ ...ext, approvedCount: 2 }, SETTINGS)).toBe(false);
  });
});

describe('reasons and decisions', () => {
  const waiting = recordRevision(revision({ reason: '' }), NO_EXTENSIONS).entry;

  it("sends an officer's entry on for approval once it has a reason; the owner's is then approved", () => {
    expect(giveReason(waiting, 'Consultation extended.', '2010-06-21', SETTINGS)).toMatchObject({
      reason: 'Consultation extended.',
      state: 'awaitingApproval',
    });
    const owners = { ...waiting, who: OWNER };
    expect(giveReason(owners, 'Agreed at CMT.', '2010-06-21', SETTINGS)).toMatchObject({
      state: 'approved',
      approvedBy: OWNER,
      decidedOn: '2010-06-21',
    });
  });

  it('lets only the owner decide, only an entry that waits, and approve only with a reason', () => {
    const asked = giveReason(waiting, 'Consultation extended.', '2010-06-21', SETTINGS);
    expect(decideExtension(asked, 'approve', OFFICER, '2010-06-22', '', SETTINGS)).toEqual({
      problem: `Only the plan owner (${OWNER}) can decide extensions.`,
    });
    expect(decideExtension(waiting, 'approve', OWNER, '2010-06-22', '', SETTINGS)).toEqual({
      problem: 'The extension of 3.2 has no reason yet: ask the lead for one first.',
    });
    const decided = decideExtension(
      asked,
      'approve',
      ' Owner@Council.example ',
      '2010-06-22',
      'CRSC min. 7',
      SETTINGS,
    );
    expect(decided).toEqual({
      entry: {
        ...asked,
        state: 'approved',
        approvedBy: 'Owner@Council.example',
        decidedOn: '2010-06-22',
        minute: 'CRSC min. 7',
      },
    });
    const approved = 'entry' in decided ? decided.entry : asked;
    expect(decideExtension(approved, 'refuse', OWNER, '2010-06-23', '', SETTINGS)).toEqual({
      problem: 'The extension of 3.2 to 30 Sep 2010 is already approved.',
    });
    expect(
      decideExtension(asked, 'refuse', OWNER, '2010-06-22', '', { ...SETTINGS, ownerEmail: '' }),
    ).toEqual({
      problem: 'Settings name no plan owner, so nobody can approve extensions yet.',
    });
  });

  it('refuses or returns a waiting entry, which then moves no date', () => {
    const asked = giveReason(waiting, 'Consultation extended.', '2010-06-21', SETTINGS);
    for (const decision of ['refuse', 'return'] as const) {
      const result = decideExtension(asked, decision, OWNER, '2010-06-22', '', SETTINGS);
      if (!('entry' in result)) throw new Error(result.problem);
      const ext = extensionsOf(extensionsByAction([result.entry]), action);
      expect([result.entry.state, ext.approvedDate, ext.pending, ext.approvedCount]).toEqual([
        decision === 'refuse' ? 'refused' : 'returned',
        null,
        null,
        0,
      ]);
    }
  });

  it('asks in the cell note for what is missing', () => {
    const ext = extensionsOf(extensionsByAction([waiting]), action);
    expect(revisionNote(ext)).toBe(
      'Revised to 30 Sep 2010: give the reason for the extension (Extension reason column). Until then the status is decided on the date before it.',
    );
    const asked = giveReason(waiting, 'Consultation extended.', '2010-06-21', SETTINGS);
    expect(revisionNote(extensionsOf(extensionsByAction([asked]), action))).toMatch(
      /awaiting the plan owner's approval/,
    );
    expect(revisionNote(NO_EXTENSIONS)).toBe('');
  });
});

describe('revised dates the ledger does not hold', () => {
  it('become entries found later, with the Extension reason where the register has one', () => {
    const recorded = ledgerOf(revision({ who: OWNER, origin: 'owner' }));
    const actions: Action[] = [
      { ...action, revisedDueDate: '2010-09-30' },
      { ...action, id: 'a2', ref: '4.1', revisedDueDate: '2010-11-30', extensionReason: 'Staff vacancy.' },
      { ...action, id: 'a3', ref: '4.2', revisedDueDate: null },
    ];
    const found = unrecordedRevisions(actions, extensionsByAction(recorded), '2010-10-05');
    expect(found).toEqual([
      {
        when: '2010-10-05',
        who: '',
        actionId: 'a2',
        ref: '4.1',
        from: '2010-06-30',
        to: '2010-11-30',
        reason: 'Staff vacancy.',
        state: 'awaitingApproval',
        approvedBy: '',
        decidedOn: null,
        minute: '',
      },
    ]);
  });

  it('names the Extensions sheet columns in ledger order', () => {
    expect(EXTENSION_HEADERS).toEqual([
      'When',
      'Who',
      'Action id',
      'Ref',
      'From',
      'To',
      'Reason',
      'State',
      'Approved by',
      'Decided on',
      'Minute',
    ]);
  });
});
