/**
 * My actions through the built bundle: the sidebar's server functions called as google.script.run calls them,
 * by the person at the keyboard, on the sample register (Bea Marsh leads 3.1, 4.1, 5.3, 5.4 and 8.1; the plan
 * owner is policy.officer@example.org, who is not in Officers).
 */
import { at } from '../../local/runner/run';
import type { LoadedBundle } from '../../local/runner/bundle';
import { isDate } from '../../local/workspace/runtime';
import { toIsoDate } from '../../src/core/dates';
import type { MyActionsView } from '../../src/core/myActions';
import { emptyRegister, registerRows, sampleRegister, seed, sheetOf, valuesOf } from '../helpers';

const BEA = 'bea.marsh@example.org';
const CHRIS = 'chris.rowe@example.org';
const OWNER = 'policy.officer@example.org';
const STRANGER = 'sam.stranger@example.org';

interface Result {
  view: MyActionsView;
  message: string;
}

const day = (v: unknown): unknown => (isDate(v) ? toIsoDate(v, 'Europe/London') : v);

function run(bundle: LoadedBundle, who: string, name: string, ...args: unknown[]): Result {
  return bundle.as(who, () => bundle.run(name, ...args)) as Result;
}

function viewOf(bundle: LoadedBundle, who: string): MyActionsView {
  return bundle.as(who, () => bundle.run('getMyActions')) as MyActionsView;
}

function row(bundle: LoadedBundle, ref: string): Record<string, unknown> {
  const found = registerRows(bundle).find((r) => r.Ref === ref);
  if (!found) throw new Error(`no action ${ref}`);
  return found;
}

const idOf = (bundle: LoadedBundle, ref: string): string => String(row(bundle, ref)['Action ID']);
const history = (bundle: LoadedBundle): unknown[][] => valuesOf(bundle, 'History').slice(1);
const signOffs = (bundle: LoadedBundle): unknown[][] => valuesOf(bundle, 'Sign-off').slice(1);
const extensions = (bundle: LoadedBundle): unknown[][] => valuesOf(bundle, 'Extensions').slice(1);

function statusNote(bundle: LoadedBundle, ref: string): string {
  const [header] = valuesOf(bundle, 'Register');
  const index = registerRows(bundle).findIndex((r) => r.Ref === ref);
  return bundle.ws.runtime.calls.uncounted(() =>
    sheetOf(bundle, 'Register')
      .getRange(index + 2, (header as string[]).indexOf('Status') + 1)
      .getNote(),
  );
}

function setSetting(bundle: LoadedBundle, label: string, value: unknown): void {
  const index = valuesOf(bundle, 'Settings').findIndex((r) => r[0] === label);
  bundle.ws.runtime.calls.uncounted(() =>
    sheetOf(bundle, 'Settings')
      .getRange(index + 1, 2)
      .setValue(value),
  );
}

/** Everything a refused call must leave as it was. */
function state(bundle: LoadedBundle): unknown {
  return ['Register', 'History', 'Extensions', 'Sign-off', 'Record'].map((name) => valuesOf(bundle, name));
}

describe('My actions: what the officer sees', () => {
  it('lists the signed-in officer’s open actions, most urgent first, with status, due date and last progress', () => {
    const bundle = sampleRegister();
    const view = viewOf(bundle, BEA);
    expect(view.problem).toBeNull();
    expect(view.name).toBe('Bea Marsh');
    expect(view.actions.map((a) => [a.ref, a.status, a.urgency])).toEqual([
      ['3.1', 'Overdue', '68 days overdue'],
      ['4.1', 'Overdue', '37 days overdue'],
      ['5.3', 'In Progress but not reached due date', 'Due 30 Nov 2010'],
      ['8.1', 'In Progress but not reached due date', 'Due 31 Mar 2011'],
    ]);
    expect(view.done).toBe(1); // 5.4 is completed
    expect(view.actions[0].progress).toBe(row(bundle, '3.1').Progress);
    expect(view.actions[0].lastUpdated).toBe('31 Jul 2010');
    expect(view.isOwner).toBe(false);
    expect(view.queue).toBeNull();
  });

  it('matches the officer by email whatever its case, and gives the owner the queue', () => {
    const bundle = sampleRegister();
    expect(viewOf(bundle, 'Bea.Marsh@Example.org').actions).toHaveLength(4);
    const owner = viewOf(bundle, OWNER);
    expect(owner.problem).toBeNull();
    expect(owner.isOwner).toBe(true);
    expect(owner.actions).toEqual([]);
    expect(owner.queue).toEqual({ completions: [], extensions: [] });
  });

  it('tells a user who is not in Officers why, and shows nothing else', () => {
    const bundle = sampleRegister();
    const view = viewOf(bundle, STRANGER);
    expect(view.problem).toBe(
      `${STRANGER} is not in the Officers sheet, so the register cannot tell which actions are yours. Ask the ` +
        `plan owner (${OWNER}) to add your email address there.`,
    );
    expect(view.actions).toEqual([]);
    expect(view.queue).toBeNull();
  });

  it('offers nothing while the Register has no Action ID column, and says what to do', () => {
    const bundle = sampleRegister();
    const [header] = valuesOf(bundle, 'Register');
    bundle.ws.runtime.calls.uncounted(() =>
      sheetOf(bundle, 'Register')
        .getRange(1, (header as string[]).indexOf('Action ID') + 1)
        .setValue(''),
    );
    const view = viewOf(bundle, BEA);
    expect(view.problem).toBe(
      'The Register has no Action ID column yet: choose Action Plan → Set up or repair register first.',
    );
    expect(view.actions).toEqual([]);
  });

  it('opens from the menu as a sidebar holding the view, and tells a non-owner who the owner is', () => {
    const bundle = sampleRegister();
    bundle.as(BEA, () => bundle.clickMenu('My actions'));
    const sidebar = bundle.ws.sheets.ui.dialogs.at(-1);
    expect(sidebar?.kind).toBe('sidebar');
    expect(sidebar?.title).toBe('My actions');
    expect(sidebar?.html).toContain('"name":"Bea Marsh"');
    bundle.as(BEA, () => bundle.clickMenu('Awaiting the owner…'));
    const alert = bundle.ws.sheets.ui.dialogs.at(-1);
    expect(alert?.kind).toBe('alert');
    expect(alert?.prompt).toMatch(
      /^Only the plan owner, policy\.officer@example\.org, signs off completions/,
    );
    bundle.as(OWNER, () => bundle.clickMenu('Awaiting the owner…'));
    const owner = bundle.ws.sheets.ui.dialogs.at(-1);
    expect([owner?.kind, owner?.title]).toEqual(['sidebar', 'Awaiting the owner']);
    expect(owner?.html).toContain('var MODE = "owner"');
  });
});

describe('My actions: an officer acting on their own action', () => {
  it('adds a progress update with the same stamp and History as typing it', () => {
    const bundle = sampleRegister();
    const before = row(bundle, '3.1').Progress;
    const result = run(bundle, BEA, 'addProgressUpdate', idOf(bundle, '3.1'), 'Draft framework sent to CMT.');
    expect(result.message).toBe('Progress of 3.1 updated and stamped 6 Sep 2010.');
    expect(row(bundle, '3.1').Progress).toBe('Draft framework sent to CMT.');
    expect(day(row(bundle, '3.1')['Last updated'])).toBe('2010-09-06');
    const [, who, ref, field, old, now, id] = history(bundle).at(-1) ?? [];
    expect([who, ref, field, old, now, id]).toEqual([
      BEA,
      '3.1',
      'Progress',
      before,
      'Draft framework sent to CMT.',
      idOf(bundle, '3.1'),
    ]);
    expect(result.view.actions.find((a) => a.ref === '3.1')?.progress).toBe('Draft framework sent to CMT.');
  });

  it('keeps text that looks like a formula as written', () => {
    const bundle = sampleRegister();
    run(bundle, BEA, 'addProgressUpdate', idOf(bundle, '5.3'), '=HYPERLINK("x") is what the page said');
    expect(row(bundle, '5.3').Progress).toBe('=HYPERLINK("x") is what the page said');
  });

  it('records "no change this week": History, no stale flag that week, stale again the next', () => {
    const bundle = sampleRegister();
    // Monday 4 October: 5.3 (due 30 Nov) was last updated 31 July, more than the 60-day stale window ago.
    bundle.ws.setNow(at('2010-10-04', 9));
    bundle.clickMenu('Refresh statuses');
    expect(row(bundle, '5.3').Status).toBe('Check Progress');
    const lines = history(bundle).length;
    const result = run(bundle, BEA, 'confirmNoChange', idOf(bundle, '5.3'));
    expect(result.message).toBe('Recorded: no change to 5.3 for the week of 4 Oct 2010.');
    expect(row(bundle, '5.3').Status).toBe('In Progress but not reached due date');
    expect(day(row(bundle, '5.3')['Last updated'])).toBe('2010-07-31');
    expect(
      history(bundle)
        .slice(lines)
        .map((l) => l.slice(1, 6)),
    ).toEqual([
      [BEA, '5.3', 'No change this week', '', 'No change to the progress for the week of 4 Oct 2010'],
    ]);
    expect(result.view.actions.find((a) => a.ref === '5.3')?.noChangeThisWeek).toBe(true);
    // Later the same week a refresh keeps it; saying it again records nothing more.
    bundle.ws.setNow(at('2010-10-08', 16));
    bundle.clickMenu('Refresh statuses');
    expect(row(bundle, '5.3').Status).toBe('In Progress but not reached due date');
    expect(run(bundle, BEA, 'confirmNoChange', idOf(bundle, '5.3')).message).toMatch(
      /already recorded this week/,
    );
    expect(history(bundle)).toHaveLength(lines + 1);
    // The next week the progress is stale again until it really changes.
    bundle.ws.setNow(at('2010-10-11', 9));
    bundle.clickMenu('Refresh statuses');
    expect(row(bundle, '5.3').Status).toBe('Check Progress');
    expect(viewOf(bundle, BEA).actions.find((a) => a.ref === '5.3')?.noChangeThisWeek).toBe(false);
  });

  it('requests an extension into the ledger, awaiting the owner, the status still on the date before it', () => {
    const bundle = sampleRegister();
    const id = idOf(bundle, '3.1');
    const result = run(bundle, BEA, 'requestExtension', id, '2010-12-31', 'Waiting for the Corporate Plan');
    expect(result.message).toBe("Your request to move 3.1 to 31 Dec 2010 awaits the plan owner's approval.");
    const after = row(bundle, '3.1');
    expect([
      day(after['Revised due date']),
      after['Reason for extension'],
      after.Status,
      after.Extensions,
    ]).toEqual(['2010-12-31', 'Waiting for the Corporate Plan', 'Overdue', 0]);
    expect(extensions(bundle).map((l) => [l[1], l[2], l[3], day(l[5]), l[6], l[7]])).toEqual([
      [BEA, id, '3.1', '2010-12-31', 'Waiting for the Corporate Plan', 'Awaiting approval'],
    ]);
    expect(result.view.actions.find((a) => a.ref === '3.1')?.extension).toEqual({
      state: 'awaitingApproval',
      label: "Awaiting the owner's approval",
      to: '31 Dec 2010',
      reason: 'Waiting for the Corporate Plan',
      comment: '',
    });
    expect(
      history(bundle)
        .slice(-2)
        .map((l) => [l[1], l[3]]),
    ).toEqual([
      [BEA, 'Revised due date'],
      [BEA, 'Reason for extension'],
    ]);
  });

  it('refuses a date that is not later than the date in force, and a missing reason', () => {
    const bundle = sampleRegister();
    const id = idOf(bundle, '5.3');
    const before = state(bundle);
    expect(() => run(bundle, BEA, 'requestExtension', id, '2010-11-30', 'Late')).toThrow(
      'The new due date must be after the date in force, 30 Nov 2010. Nothing was changed.',
    );
    expect(() => run(bundle, BEA, 'requestExtension', id, '2011-01-31', '  ')).toThrow(
      'Write the reason first. Nothing was changed.',
    );
    expect(() => run(bundle, BEA, 'requestExtension', id, '31/01/2011', 'Late')).toThrow(
      /Give the new due date as a day/,
    );
    expect(state(bundle)).toEqual(before);
  });
});

describe('My actions: completion and sign-off', () => {
  it('proposes completion with evidence: Awaiting sign-off, still open, in the ledger and History', () => {
    const bundle = sampleRegister();
    const id = idOf(bundle, '4.1');
    const evidence = 'https://intranet.example.org/reports/data-quality-2010';
    const result = run(bundle, BEA, 'proposeCompletion', id, evidence);
    expect(result.message).toBe("Completion of 4.1 proposed: it awaits the plan owner's sign-off.");
    expect([row(bundle, '4.1').Status, row(bundle, '4.1')['Completed on']]).toEqual(['Overdue', '']);
    expect(statusNote(bundle, '4.1')).toMatch(
      /^Awaiting sign-off: bea\.marsh@example\.org proposed on 6 Sep 2010 that this action is complete\./,
    );
    expect(signOffs(bundle).map((l) => [l[1], l[2], l[3], l[4], l[5], l[6]])).toEqual([
      [BEA, id, '4.1', evidence, 'Awaiting sign-off', ''],
    ]);
    expect(history(bundle).at(-1)?.slice(1, 6)).toEqual([BEA, '4.1', 'Completion proposed', '', evidence]);
    expect(result.view.actions.find((a) => a.ref === '4.1')?.signOff?.state).toBe('awaiting');
    expect(viewOf(bundle, OWNER).queue?.completions).toEqual([
      {
        id,
        ref: '4.1',
        action: row(bundle, '4.1').Action,
        who: 'Bea Marsh',
        when: '6 Sep 2010',
        evidence,
        evidenceLink: evidence,
        status: 'Overdue',
        link: expect.stringMatching(/#gid=\d+&range=A4$/),
      },
    ]);
    // A second proposal while the first waits is refused.
    expect(() => run(bundle, BEA, 'proposeCompletion', id, 'again')).toThrow(/awaited the owner's sign-off/);
  });

  it('completes only when the owner signs it off, dated the day the lead said it was done', () => {
    const bundle = sampleRegister();
    const id = idOf(bundle, '4.1');
    run(bundle, BEA, 'proposeCompletion', id, 'Report to CMT, 1 Sep 2010');
    bundle.ws.setNow(at('2010-09-09', 10));
    const result = run(bundle, OWNER, 'decideCompletion', id, 'signOff', 'Seen at CMT');
    expect(result.message).toBe('4.1 is signed off and completed (6 Sep 2010).');
    expect([row(bundle, '4.1').Status, day(row(bundle, '4.1')['Completed on'])]).toEqual([
      'Completed',
      '2010-09-06',
    ]);
    expect(statusNote(bundle, '4.1')).not.toMatch(/Awaiting sign-off/);
    expect(signOffs(bundle).map((l) => [l[5], l[6], day(l[7]), l[8]])).toEqual([
      ['Signed off', OWNER, '2010-09-09', 'Seen at CMT'],
    ]);
    expect(
      history(bundle)
        .slice(-3)
        .map((l) => l.slice(1, 6)),
    ).toEqual([
      [OWNER, '4.1', 'Completion signed off', 'Report to CMT, 1 Sep 2010', 'Seen at CMT'],
      [OWNER, '4.1', 'Completed on', '', '6 Sep 2010'],
      [OWNER, '4.1', 'Status', 'Overdue', 'Completed'],
    ]);
    expect(result.view.queue?.completions).toEqual([]);
    expect(viewOf(bundle, BEA).actions.map((a) => a.ref)).not.toContain('4.1');
  });

  it('returns a completion with a comment the lead then sees; the action stays open', () => {
    const bundle = sampleRegister();
    const id = idOf(bundle, '4.1');
    run(bundle, BEA, 'proposeCompletion', id, 'Done');
    expect(() => run(bundle, OWNER, 'decideCompletion', id, 'return', ' ')).toThrow(
      'Say why the completion of 4.1 is returned: the lead sees your comment. Nothing was changed.',
    );
    const result = run(bundle, OWNER, 'decideCompletion', id, 'return', 'Attach the CMT minute, please.');
    expect(result.message).toBe(`Completion of 4.1 returned to ${BEA} with your comment.`);
    expect(row(bundle, '4.1').Status).toBe('Overdue');
    expect(statusNote(bundle, '4.1')).toMatch(/^Status is computed: Due 31 Jul 2010/);
    expect(signOffs(bundle).map((l) => [l[5], l[6], l[8]])).toEqual([
      ['Returned', OWNER, 'Attach the CMT minute, please.'],
    ]);
    expect(history(bundle).at(-1)?.slice(1, 6)).toEqual([
      OWNER,
      '4.1',
      'Completion returned',
      'Done',
      'Attach the CMT minute, please.',
    ]);
    expect(viewOf(bundle, BEA).actions.find((a) => a.ref === '4.1')?.signOff).toEqual({
      state: 'returned',
      when: '6 Sep 2010',
      evidence: 'Done',
      comment: 'Attach the CMT minute, please.',
      decidedOn: '6 Sep 2010',
    });
    // The lead may propose again, with better evidence.
    run(bundle, BEA, 'proposeCompletion', id, 'CMT minute 12, 1 Sep 2010');
    expect(signOffs(bundle).map((l) => l[5])).toEqual(['Returned', 'Awaiting sign-off']);
  });

  it('turns Completed typed in the sheet by a lead into a proposal, and the owner’s own into a completion', () => {
    const bundle = sampleRegister();
    const [header] = valuesOf(bundle, 'Register');
    const status = (ref: string): string => {
      const index = registerRows(bundle).findIndex((r) => r.Ref === ref);
      return `${String.fromCharCode(65 + (header as string[]).indexOf('Status'))}${index + 2}`;
    };
    bundle.as(BEA, () => bundle.edit('Register', status('3.1'), [['Completed']]));
    expect(row(bundle, '3.1').Status).toBe('Overdue');
    expect(statusNote(bundle, '3.1')).toMatch(
      /Completed was put back: the completion waits for the plan owner's sign-off\.$/,
    );
    expect(signOffs(bundle).map((l) => [l[1], l[3], l[4], l[5]])).toEqual([
      [BEA, '3.1', 'Completed was chosen in the Register (no evidence given)', 'Awaiting sign-off'],
    ]);
    // The owner choosing Completed completes it at once, and signs off the proposal that waited.
    bundle.edit('Register', status('3.1'), [['Completed']]);
    expect([row(bundle, '3.1').Status, day(row(bundle, '3.1')['Completed on'])]).toEqual([
      'Completed',
      '2010-09-06',
    ]);
    expect(signOffs(bundle).map((l) => [l[5], l[6]])).toEqual([['Signed off', OWNER]]);
  });

  it('with sign-off off in Settings, completes at once and keeps the evidence', () => {
    const bundle = sampleRegister();
    setSetting(bundle, 'Completion needs sign-off', 'No');
    const id = idOf(bundle, '8.1');
    const result = run(bundle, BEA, 'proposeCompletion', id, 'Published on the intranet');
    expect(result.message).toBe('8.1 is completed (6 Sep 2010); your evidence is kept.');
    expect([row(bundle, '8.1').Status, day(row(bundle, '8.1')['Completed on'])]).toEqual([
      'Completed',
      '2010-09-06',
    ]);
    expect(signOffs(bundle).map((l) => [l[1], l[4], l[5], l[6]])).toEqual([
      [BEA, 'Published on the intranet', 'Signed off', 'No sign-off required (Settings)'],
    ]);
  });

  it('takes a completion Refresh finds (made while nothing recorded) as a proposal', () => {
    const bundle = sampleRegister();
    const index = registerRows(bundle).findIndex((r) => r.Ref === '5.3');
    const [header] = valuesOf(bundle, 'Register');
    bundle.ws.runtime.calls.uncounted(() =>
      sheetOf(bundle, 'Register')
        .getRange(index + 2, (header as string[]).indexOf('Status') + 1)
        .setValue('Completed'),
    );
    bundle.clickMenu('Refresh statuses');
    expect(row(bundle, '5.3').Status).toBe('In Progress but not reached due date');
    expect(signOffs(bundle).map((l) => [l[1], l[3], l[5]])).toEqual([['', '5.3', 'Awaiting sign-off']]);
    expect(statusNote(bundle, '5.3')).toMatch(/^Awaiting sign-off: an editor proposed on 6 Sep 2010/);
    expect(viewOf(bundle, OWNER).queue?.completions.map((c) => c.who)).toEqual([
      'an editor (found by Refresh)',
    ]);
  });
});

describe('My actions: the owner deciding extensions', () => {
  it('approves a request: the date is in force, counted, and the status decided on it', () => {
    const bundle = sampleRegister();
    const id = idOf(bundle, '3.1');
    run(bundle, BEA, 'requestExtension', id, '2010-12-31', 'Waiting for the Corporate Plan');
    const queue = viewOf(bundle, OWNER).queue;
    expect(queue?.extensions).toEqual([
      {
        id,
        ref: '3.1',
        action: row(bundle, '3.1').Action,
        who: 'Bea Marsh',
        when: '6 Sep 2010',
        from: '30 Jun 2010',
        to: '2010-12-31',
        toText: '31 Dec 2010',
        reason: 'Waiting for the Corporate Plan',
        link: expect.stringMatching(/&range=A3$/),
      },
    ]);
    const result = run(
      bundle,
      OWNER,
      'decideExtensionRequest',
      id,
      '2010-12-31',
      'approve',
      'CRSC 15/09/10 min. 7',
    );
    expect(result.message).toBe('Extension of 3.1 to 31 Dec 2010 approved.');
    const after = row(bundle, '3.1');
    expect([after.Status, after.Extensions, day(after['Revised due date'])]).toEqual([
      'In Progress but not reached due date',
      1,
      '2010-12-31',
    ]);
    expect(extensions(bundle).map((l) => [l[7], l[8], day(l[9]), l[10]])).toEqual([
      ['Approved', OWNER, '2010-09-06', 'CRSC 15/09/10 min. 7'],
    ]);
    expect(history(bundle).at(-1)?.slice(1, 6)).toEqual([
      OWNER,
      '3.1',
      'Extension approved',
      '30 Jun 2010 → 31 Dec 2010',
      'CRSC 15/09/10 min. 7',
    ]);
    expect(result.view.queue?.extensions).toEqual([]);
  });

  it('returns a request with a comment: the Revised due date shows the date in force again', () => {
    const bundle = sampleRegister();
    const id = idOf(bundle, '3.1');
    run(bundle, BEA, 'requestExtension', id, '2010-12-31', 'Waiting for the Corporate Plan');
    const result = run(
      bundle,
      OWNER,
      'decideExtensionRequest',
      id,
      '2010-12-31',
      'return',
      'Bring it to CMT first',
    );
    expect(result.message).toBe('Extension of 3.1 returned with your comment.');
    const after = row(bundle, '3.1');
    expect([after.Status, after.Extensions, after['Revised due date']]).toEqual(['Overdue', 0, '']);
    expect(extensions(bundle).map((l) => [l[7], l[8], l[10]])).toEqual([
      ['Returned', OWNER, 'Bring it to CMT first'],
    ]);
    expect(viewOf(bundle, BEA).actions.find((a) => a.ref === '3.1')?.extension).toMatchObject({
      state: 'returned',
      to: '31 Dec 2010',
      comment: 'Bring it to CMT first',
    });
    // The return put the cell back; it is no new extension and no second ledger line.
    expect(extensions(bundle)).toHaveLength(1);
  });

  it('refuses a decision on a request that changed since the owner saw it', () => {
    const bundle = sampleRegister();
    const id = idOf(bundle, '3.1');
    run(bundle, BEA, 'requestExtension', id, '2010-12-31', 'Waiting for the Corporate Plan');
    run(bundle, BEA, 'requestExtension', id, '2011-01-31', 'And the budget');
    const before = state(bundle);
    expect(() => run(bundle, OWNER, 'decideExtensionRequest', id, '2010-12-31', 'approve', '')).toThrow(
      /has changed since the list was shown/,
    );
    expect(state(bundle)).toEqual(before);
    expect(extensions(bundle).map((l) => [day(l[5]), l[7]])).toEqual([
      ['2010-12-31', 'Returned'],
      ['2011-01-31', 'Awaiting approval'],
    ]);
  });
});

describe('My actions: refusals, whatever the page sends', () => {
  it('refuses every change to an action the caller does not lead, and changes nothing', () => {
    const bundle = sampleRegister();
    const chris = idOf(bundle, '5.5'); // led by CR only
    const before = state(bundle);
    const attempts: [string, unknown[]][] = [
      ['addProgressUpdate', [chris, 'Not mine to say']],
      ['confirmNoChange', [chris]],
      ['proposeCompletion', [chris, 'Done']],
      ['requestExtension', [chris, '2011-03-31', 'Busy']],
    ];
    for (const [name, args] of attempts) {
      expect(() => run(bundle, BEA, name, ...args)).toThrow(
        `Only the lead officers of 5.5 can update it, and its Lead ("CR") does not name you (${BEA}). Nothing was changed.`,
      );
    }
    expect(state(bundle)).toEqual(before);
    // Chris may.
    expect(run(bundle, CHRIS, 'addProgressUpdate', chris, 'Checked').message).toMatch(/updated/);
  });

  it('refuses the owner’s decisions to anyone else, and any change to a user not in Officers', () => {
    const bundle = sampleRegister();
    const id = idOf(bundle, '4.1');
    run(bundle, BEA, 'proposeCompletion', id, 'Done');
    run(bundle, BEA, 'requestExtension', idOf(bundle, '3.1'), '2010-12-31', 'Reason');
    const before = state(bundle);
    expect(() => run(bundle, BEA, 'decideCompletion', id, 'signOff', '')).toThrow(
      `Only the plan owner (${OWNER}) can decide this. Nothing was changed.`,
    );
    expect(() =>
      run(bundle, BEA, 'decideExtensionRequest', idOf(bundle, '3.1'), '2010-12-31', 'approve', ''),
    ).toThrow(`Only the plan owner (${OWNER}) can decide this. Nothing was changed.`);
    expect(() => run(bundle, STRANGER, 'addProgressUpdate', id, 'Hello')).toThrow(/does not name you/);
    expect(() => run(bundle, BEA, 'addProgressUpdate', 'no-such-id', 'Hello')).toThrow(
      /no longer in the register/,
    );
    expect(() => run(bundle, BEA, 'addProgressUpdate', { id }, 'Hello')).toThrow(/no longer in the register/);
    expect(() => run(bundle, BEA, 'addProgressUpdate', idOf(bundle, '3.1'), 42)).toThrow(
      'Progress update must be text. Nothing was changed.',
    );
    expect(() => run(bundle, OWNER, 'decideCompletion', id, 'maybe', '')).toThrow(
      /Choose Sign off or Return/,
    );
    expect(state(bundle)).toEqual(before);
  });

  it('refuses while another change holds the register, and changes nothing', () => {
    const bundle = sampleRegister();
    const id = idOf(bundle, '3.1');
    const lock = bundle.ws.runtime.calls.uncounted(() => bundle.ws.lock.app.getDocumentLock());
    lock.waitLock(1000);
    const before = state(bundle);
    try {
      expect(() => run(bundle, BEA, 'addProgressUpdate', id, 'Meanwhile')).toThrow(/The register is busy/);
    } finally {
      lock.releaseLock();
    }
    expect(state(bundle)).toEqual(before);
  });
});

describe('My actions: cost', () => {
  /** A register of n actions led by Bea Marsh, set up through the bundle. */
  function register(n: number): LoadedBundle {
    const bundle = emptyRegister('2010-09-06');
    seed(bundle, 'Officers', 2, 1, [['BM', 'Bea Marsh', 'Officer', BEA, 'Policy', '']]);
    setSetting(bundle, 'Owner email', OWNER);
    const [header] = valuesOf(bundle, 'Register') as string[][];
    const rows = Array.from({ length: n }, (_, i) => {
      const line: unknown[] = header.map(() => '');
      line[header.indexOf('Ref')] = `${Math.floor(i / 10) + 1}.${(i % 10) + 1}`;
      line[header.indexOf('Action')] = `Action ${i + 1}`;
      line[header.indexOf('Due date')] = new Date(Date.UTC(2010, 9 + (i % 6), 1));
      line[header.indexOf('Lead')] = 'BM';
      line[header.indexOf('Progress')] = `Progress ${i + 1}`;
      return line;
    });
    seed(bundle, 'Register', 2, 1, rows);
    bundle.clickMenu('Refresh statuses');
    return bundle;
  }

  function callsOf(bundle: LoadedBundle, fn: () => unknown): number {
    bundle.ws.runtime.calls.reset();
    fn();
    return bundle.ws.runtime.calls.total();
  }

  it('makes the same number of service calls for each sidebar action at 20 and 400 actions', () => {
    const figures = [20, 400].map((n) => {
      const bundle = register(n);
      const id = idOf(bundle, '2.1');
      return {
        view: callsOf(bundle, () => viewOf(bundle, BEA)),
        progress: callsOf(bundle, () => run(bundle, BEA, 'addProgressUpdate', id, 'Moved on')),
        noChange: callsOf(bundle, () => run(bundle, BEA, 'confirmNoChange', id)),
        extension: callsOf(bundle, () => run(bundle, BEA, 'requestExtension', id, '2011-06-30', 'Why')),
        approve: callsOf(bundle, () =>
          run(bundle, OWNER, 'decideExtensionRequest', id, '2011-06-30', 'approve', ''),
        ),
        propose: callsOf(bundle, () => run(bundle, BEA, 'proposeCompletion', id, 'Evidence')),
        signOff: callsOf(bundle, () => run(bundle, OWNER, 'decideCompletion', id, 'signOff', '')),
      };
    });
    expect(figures[1]).toEqual(figures[0]);
    // About 27 calls to show the list; about 60 for a change, which reads, writes, settles and shows it again.
    expect(figures[0].view).toBeLessThan(30);
    for (const calls of Object.values(figures[0])) expect(calls).toBeLessThan(70);
  });
});
