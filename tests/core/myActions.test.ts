import type { ExtensionEntry } from '../../src/core/extensions';
import { BLANK_ACTION, DEFAULT_SETTINGS } from '../../src/core/model';
import type { Action, IsoDate, Officer, Settings } from '../../src/core/model';
import { isLeadOf, myActionsView, requestedDate, textFrom } from '../../src/core/myActions';
import type { MyActionsInput } from '../../src/core/myActions';
import { officerIndex } from '../../src/core/officers';
import type { SignOffEntry } from '../../src/core/signoff';
import { decideStatus, isStale } from '../../src/core/status';

const TODAY: IsoDate = '2010-09-08'; // a Wednesday
const OWNER = 'owner@council.example';
const BEA = 'bea.marsh@council.example';
const URL = 'https://docs.google.com/spreadsheets/d/abc/edit#gid=0';
const SETTINGS: Settings = { ...DEFAULT_SETTINGS, ownerEmail: OWNER };

const officer = (initials: string, name: string, email: string): Officer => ({
  initials,
  name,
  jobTitle: 'Officer',
  email,
  directorate: 'Policy',
  reportsTo: '',
});
const OFFICERS = [officer('BM', 'Bea Marsh', BEA), officer('CR', 'Chris Rowe', 'chris.rowe@council.example')];

function action(id: string, lead: string, dueDate: IsoDate | null, fields: Partial<Action> = {}): Action {
  return {
    ...BLANK_ACTION,
    id,
    ref: `1.${id}`,
    action: `Action ${id}`,
    lead,
    dueDate,
    progress: `Progress ${id}`,
    lastUpdated: '2010-09-01',
    ...fields,
  };
}

function input(actions: Action[], extra: Partial<MyActionsInput> = {}): MyActionsInput {
  const settings = extra.settings ?? SETTINGS;
  return {
    actions,
    decisions: actions.map((a) => decideStatus(a, settings, TODAY)),
    rows: actions.map((_, i) => i + 2),
    officers: OFFICERS,
    settings,
    today: TODAY,
    url: URL,
    ledger: [],
    signOffs: [],
    ...extra,
  };
}

describe('whose action it is', () => {
  it('is the lead’s when the Lead cell names them, by initials, name or email, case ignored', () => {
    const index = officerIndex(OFFICERS);
    expect(isLeadOf(BEA, { lead: 'BM' }, index)).toBe(true);
    expect(isLeadOf('BEA.MARSH@council.example', { lead: 'CR, Bea Marsh' }, index)).toBe(true);
    expect(isLeadOf(BEA, { lead: 'CR' }, index)).toBe(false);
    expect(isLeadOf('', { lead: 'BM' }, index)).toBe(false);
    expect(isLeadOf(BEA, { lead: '' }, index)).toBe(false);
  });
});

describe('the officer’s list', () => {
  const actions = [
    action('1', 'BM', '2011-03-31'),
    action('2', 'BM', '2010-08-01'),
    action('3', 'CR', '2010-07-01'),
    action('4', 'BM', null),
    action('5', 'BM', '2010-09-20'),
    action('6', 'BM', '2010-06-30'),
    action('7', 'BM', '2010-06-30', { completedOn: '2010-07-01' }),
  ];

  it('holds only their open actions, most urgent first, each with status, due date and progress', () => {
    const view = myActionsView(input(actions), BEA);
    expect(view.actions.map((a) => [a.ref, a.statusKey, a.urgency])).toEqual([
      ['1.6', 'overdue', '70 days overdue'],
      ['1.2', 'overdue', '38 days overdue'],
      ['1.5', 'check', 'Due in 12 days'],
      ['1.4', 'check', 'No due date'],
      ['1.1', 'inProgress', 'Due 31 Mar 2011'],
    ]);
    expect(view.done).toBe(1);
    expect(view.actions[0]).toMatchObject({
      id: '6',
      action: 'Action 6',
      status: 'Overdue',
      progress: 'Progress 6',
      lastUpdated: '1 Sep 2010',
      link: `${URL}&range=A7`,
      noChangeThisWeek: false,
      signOff: null,
      extension: null,
    });
  });

  it('marks a "no change" said this week, and not one from last week', () => {
    const view = myActionsView(
      input([
        action('1', 'BM', '2011-03-31', { noChangeOn: '2010-09-06' }),
        action('2', 'BM', '2011-03-31', { noChangeOn: '2010-09-05' }),
      ]),
      BEA,
    );
    expect(view.actions.map((a) => a.noChangeThisWeek)).toEqual([true, false]);
  });

  it('shows what waits for the owner and what the owner returned', () => {
    const signOffs: SignOffEntry[] = [
      {
        when: '2010-09-01',
        who: BEA,
        actionId: '1',
        ref: '1.1',
        evidence: 'Report',
        state: 'returned',
        decidedBy: OWNER,
        decidedOn: '2010-09-02',
        comment: 'Need the minute',
      },
    ];
    const ledger: ExtensionEntry[] = [
      {
        when: '2010-09-07',
        who: BEA,
        actionId: '2',
        ref: '1.2',
        from: '2010-08-01',
        to: '2010-12-31',
        reason: 'Supplier',
        state: 'awaitingApproval',
        approvedBy: '',
        decidedOn: null,
        minute: '',
      },
    ];
    const view = myActionsView(input(actions, { signOffs, ledger }), BEA);
    const of = (id: string) => view.actions.find((a) => a.id === id);
    expect(of('1')?.signOff).toEqual({
      state: 'returned',
      when: '1 Sep 2010',
      evidence: 'Report',
      comment: 'Need the minute',
      decidedOn: '2 Sep 2010',
    });
    expect(of('2')?.extension).toEqual({
      state: 'awaitingApproval',
      label: "Awaiting the owner's approval",
      to: '31 Dec 2010',
      reason: 'Supplier',
      comment: '',
    });
  });

  it('shows nothing but a message to someone not in Officers, or whom Google did not name', () => {
    const stranger = myActionsView(input(actions), 'sam@council.example');
    expect(stranger.problem).toMatch(/^sam@council\.example is not in the Officers sheet/);
    expect([stranger.actions, stranger.queue]).toEqual([[], null]);
    expect(myActionsView(input(actions), '').problem).toMatch(
      /^Google did not tell the register who you are/,
    );
  });
});

describe('the owner’s queue', () => {
  const actions = [action('1', 'BM', '2010-08-01'), action('2', 'CR', '2010-12-31')];
  const signOffs: SignOffEntry[] = [
    {
      when: '2010-09-07',
      who: BEA,
      actionId: '1',
      ref: '1.1',
      evidence: 'javascript:alert(1)',
      state: 'awaiting',
      decidedBy: '',
      decidedOn: null,
      comment: '',
    },
    {
      when: '2010-09-07',
      who: 'chris.rowe@council.example',
      actionId: '2',
      ref: '1.2',
      evidence: 'https://intranet.example/report.pdf',
      state: 'awaiting',
      decidedBy: '',
      decidedOn: null,
      comment: '',
    },
  ];

  it('lists completions awaiting sign-off, with a link only for web evidence, to the owner only', () => {
    const view = myActionsView(input(actions, { signOffs }), OWNER);
    expect(view.problem).toBeNull();
    expect(view.queue?.completions.map((c) => [c.ref, c.who, c.evidenceLink])).toEqual([
      ['1.1', 'Bea Marsh', null],
      ['1.2', 'Chris Rowe', 'https://intranet.example/report.pdf'],
    ]);
    expect(myActionsView(input(actions, { signOffs }), BEA).queue).toBeNull();
  });

  it('gives the owner who also leads actions both their list and the queue', () => {
    const officers = [...OFFICERS, officer('PO', 'Pat Owner', OWNER)];
    const view = myActionsView(
      input([...actions, action('3', 'PO', '2011-01-31')], { officers, signOffs }),
      OWNER,
    );
    expect(view.name).toBe('Pat Owner');
    expect(view.actions.map((a) => a.id)).toEqual(['3']);
    expect(view.queue?.completions).toHaveLength(2);
  });
});

describe('what the page sends, checked on the server', () => {
  it('takes text, trimmed, and refuses what is not text, missing or too long', () => {
    expect(textFrom('  Done.  ', 'Evidence', true)).toEqual({ text: 'Done.' });
    expect(textFrom(undefined, 'Comment', false)).toEqual({ text: '' });
    expect(textFrom('', 'Evidence', true)).toEqual({ problem: 'Write the evidence first.' });
    expect(textFrom(['x'], 'Evidence', true)).toEqual({ problem: 'Evidence must be text.' });
    expect(textFrom('x'.repeat(50_001), 'Evidence', true)).toEqual({
      problem: 'The evidence is too long for a cell: keep it under 50,000 characters.',
    });
  });

  it('takes a new due date that is a day after today and after the date in force', () => {
    expect(requestedDate('2010-12-31', TODAY, '2010-08-01')).toEqual({ date: '2010-12-31' });
    expect(requestedDate('2010-02-30', TODAY, null)).toEqual({
      problem: 'Give the new due date as a day, for example 31/12/2010.',
    });
    expect(requestedDate(TODAY, TODAY, null)).toEqual({ problem: 'The new due date must be after today.' });
    expect(requestedDate('2010-10-01', TODAY, '2010-10-31')).toEqual({
      problem: 'The new due date must be after the date in force, 31 Oct 2010.',
    });
  });
});

describe('the stale rule and "no change this week"', () => {
  const stale = action('1', 'BM', '2011-03-31', { lastUpdated: '2010-07-01' });

  it('spares the action for the week the lead said "no change", Monday to Sunday, and no longer', () => {
    expect(isStale(stale, SETTINGS, TODAY)).toBe(true);
    expect(isStale({ ...stale, noChangeOn: '2010-09-06' }, SETTINGS, TODAY)).toBe(false);
    expect(isStale({ ...stale, noChangeOn: '2010-09-06' }, SETTINGS, '2010-09-12')).toBe(false);
    expect(isStale({ ...stale, noChangeOn: '2010-09-06' }, SETTINGS, '2010-09-13')).toBe(true);
    expect(isStale({ ...stale, noChangeOn: '2010-09-05' }, SETTINGS, TODAY)).toBe(true);
    expect(decideStatus({ ...stale, noChangeOn: '2010-09-08' }, SETTINGS, TODAY).key).toBe('inProgress');
    expect(decideStatus(stale, SETTINGS, TODAY).key).toBe('check');
  });
});
