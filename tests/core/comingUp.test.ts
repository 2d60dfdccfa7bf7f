import { buildDigest, groupByLead, rowLink, weeklyMessages } from '../../src/core/digest';
import type { DigestInput } from '../../src/core/digest';
import { BLANK_ACTION, DEFAULT_SETTINGS } from '../../src/core/model';
import type { Action, IsoDate, Officer, Settings } from '../../src/core/model';
import type { SignOffEntry } from '../../src/core/signoff';
import { decideStatus } from '../../src/core/status';

const TODAY: IsoDate = '2026-11-23'; // a Monday
const URL = 'https://docs.google.com/spreadsheets/d/abc/edit#gid=1234';
const SETTINGS: Settings = { ...DEFAULT_SETTINGS, ownerEmail: 'owner@council.example' };
const JANE: Officer = {
  initials: 'JJ',
  name: 'Jane Jones',
  jobTitle: 'Officer',
  email: 'jane.jones@council.example',
  directorate: 'Resources',
  reportsTo: '',
};

function action(ref: string, dueDate: IsoDate | null, fields: Partial<Action> = {}): Action {
  return {
    ...BLANK_ACTION,
    id: ref,
    ref,
    action: `Action ${ref}`,
    lead: 'JJ',
    dueDate,
    progress: 'Started.',
    lastUpdated: '2026-11-16',
    ...fields,
  };
}

function input(
  actions: Action[],
  settings: Settings = SETTINGS,
  extra: Partial<DigestInput> = {},
): DigestInput {
  return {
    actions,
    decisions: actions.map((a) => decideStatus(a, settings, TODAY)),
    officers: [JANE],
    settings,
    today: TODAY,
    url: URL,
    rows: actions.map((_, i) => i + 2),
    ...extra,
  };
}

describe('links to an action’s row', () => {
  it('adds the row’s range to the sheet’s link, as Sheets links a range', () => {
    expect(rowLink(URL, 7)).toBe(`${URL}&range=A7`);
  });

  it('gives no link for a link that names no sheet, is not a web link, or a row that is no row', () => {
    expect(rowLink('https://docs.google.com/spreadsheets/d/abc/edit', 7)).toBeNull();
    expect(rowLink('javascript:alert(1)#gid=0', 7)).toBeNull();
    expect(rowLink(URL, 0)).toBeNull();
    expect(rowLink(URL, 2.5)).toBeNull();
  });

  it('links every action in a digest and in the owner’s summary to its own row', () => {
    const actions = [action('1.1', '2026-11-01'), action('1.2', '2026-11-30'), action('1.3', '2026-12-10')];
    const weekly = weeklyMessages(input(actions));
    const digest = weekly.messages[0].email;
    for (const [ref, row] of [
      ['1.1', 2],
      ['1.2', 3],
      ['1.3', 4],
    ] as const) {
      expect(digest?.htmlBody).toContain(`<a href="${URL}&amp;range=A${row}">${ref}</a>`);
      expect(digest?.body).toContain(`Update it here: ${URL}&range=A${row}`);
    }
    const summary = weekly.messages.at(-1)?.email;
    expect(summary?.htmlBody).toContain(`<a href="${URL}&amp;range=A2">1.1</a>`);
    expect(summary?.body).toContain(`${URL}&range=A2`);
  });

  it('lists actions without links when the rows are not known', () => {
    const digest = weeklyMessages(input([action('1.1', '2026-11-01')], SETTINGS, { rows: undefined }))
      .messages[0];
    expect(digest.email?.htmlBody).not.toContain('range=');
    expect(digest.email?.htmlBody).toContain('>1.1</td>');
  });
});

describe('coming up: reminders before the date', () => {
  it('lists actions due within the coming-up window apart from the ones to check', () => {
    const actions = [
      action('1.1', '2026-11-01'), // overdue
      action('1.2', '2026-11-23'), // due today
      action('1.3', '2026-12-07'), // due in 14 days: the last day of the window
      action('1.4', '2026-12-08'), // due in 15 days: to check (28-day check window)
      action('1.5', '2027-06-30'), // in progress
    ];
    const [group] = groupByLead(input(actions)).groups;
    expect(group.items.map((i) => [i.ref, i.status, i.why])).toEqual([
      ['1.1', 'overdue', '22 days overdue'],
      ['1.2', 'comingUp', 'Due today'],
      ['1.3', 'comingUp', 'Due in 14 days'],
      ['1.4', 'check', 'Due in 15 days'],
    ]);
    const email = buildDigest(group, { settings: SETTINGS, week: TODAY, url: URL });
    expect(email.subject).toBe(
      'Action plan: 1 action overdue, 2 coming up, 1 to check (week of 23 Nov 2026)',
    );
    expect(email.htmlBody).toContain('Coming up (2)');
    expect(email.body).toContain('COMING UP (2)');
    expect(email.body).toContain('Due 7 Dec 2026: due in 14 days.');
    expect(email.body).toContain('1 is overdue, 2 are due soon and 1 needs a progress check');
  });

  it('reminds a lead before the date even when the action is not yet one to check', () => {
    const settings = { ...SETTINGS, checkWindowDays: 7, comingUpDays: 21 };
    const weekly = weeklyMessages(input([action('2.1', '2026-12-10')], settings));
    expect(weekly.grouping.groups[0].items.map((i) => [i.status, i.why])).toEqual([
      ['comingUp', 'Due in 17 days'],
    ]);
    expect(weekly.messages[0].email?.subject).toBe('Action plan: 1 action coming up (week of 23 Nov 2026)');
    expect(weekly.messages[0].email?.body).toContain(
      'You are the lead officer for an action in the Performance Management Action Plan that needs your attention this week: it is due soon.',
    );
  });

  it('follows the window in Settings', () => {
    const actions = [action('1.3', '2026-12-07')];
    expect(groupByLead(input(actions, { ...SETTINGS, comingUpDays: 7 })).groups[0].items[0].status).toBe(
      'check',
    );
    expect(groupByLead(input(actions, { ...SETTINGS, comingUpDays: 14 })).groups[0].items[0].status).toBe(
      'comingUp',
    );
  });

  it('asks nothing of a lead whose completion awaits the owner’s sign-off; the owner sees it awaits them', () => {
    const proposal: SignOffEntry = {
      when: '2026-11-20',
      who: JANE.email,
      actionId: '1.1',
      ref: '1.1',
      evidence: 'Report',
      state: 'awaiting',
      decidedBy: '',
      decidedOn: null,
      comment: '',
    };
    const actions = [action('1.1', '2026-11-01'), action('1.2', '2026-12-01')];
    const weekly = weeklyMessages(input(actions, SETTINGS, { pendingSignOffs: [proposal, null] }));
    expect(weekly.grouping.groups[0].items.map((i) => i.ref)).toEqual(['1.2']);
    expect(weekly.summary.overdue.map((i) => [i.ref, i.awaitingSignOff])).toEqual([['1.1', '2026-11-20']]);
    expect(weekly.messages.at(-1)?.email?.htmlBody).toContain(
      'Completion proposed 20 Nov 2026: awaiting your sign-off',
    );
  });
});
