import {
  STATUS_CHART_CID,
  buildDigest,
  deliveryProblemsEmail,
  digestSubject,
  escapeHtml,
  groupByLead,
  isReminderDay,
  nextReminderDay,
  shortProgress,
  summarise,
  weekOf,
  weeklyMessages,
  type DigestInput,
} from '../../src/core/digest';
import {
  BLANK_ACTION,
  DEFAULT_SETTINGS,
  type Action,
  type IsoDate,
  type Officer,
  type StatusKey,
} from '../../src/core/model';
import { NO_EXTENSIONS, type ActionExtensions } from '../../src/core/extensions';
import { buildSnapshot, comparePapers } from '../../src/core/snapshots';
import { decideStatus, type StatusDecision } from '../../src/core/status';
import { importPlan } from '../../src/core/import';
import { BENCH_TODAY, generatePlan } from '../../bench/generate';
import { MAX_BODY_BYTES, bodyBytes } from '../../local/workspace/MailApp';

const TODAY: IsoDate = '2026-11-25'; // a Wednesday
const WEEK: IsoDate = '2026-11-23';
const URL = 'https://docs.google.com/spreadsheets/d/abc/edit#gid=0';

function action(ref: string, fields: Partial<Action> = {}): Action {
  return {
    ...BLANK_ACTION,
    ref,
    kloe: 'Setting targets',
    recommendation: '3. Ensure broad involvement in target-setting',
    action: `Action ${ref}`,
    timescale: '',
    dueDate: null,
    revisedDueDate: null,
    lead: 'JJ',
    progress: '',
    lastUpdated: null,
    status: '',
    completedOn: null,
    extensions: 0,
    ...fields,
  };
}

function officer(initials: string, name: string, email: string): Officer {
  return { initials, name, jobTitle: 'Officer', email, directorate: 'Resources', reportsTo: '' };
}

const OFFICERS: Officer[] = [
  officer('JJ', 'Jane Jones', 'jane.jones@council.example'),
  officer('TG', 'Tom Green', 'tom.green@council.example'),
  officer('RB', 'Rita Brown', ''),
  officer('AP', 'Amir Patel', 'amir.patel@council.example'),
];

const SETTINGS = { ...DEFAULT_SETTINGS, ownerEmail: 'owner@council.example' };

function decision(key: StatusKey, dueDate: IsoDate | null = null): StatusDecision {
  return {
    key,
    dueDate,
    reason: 'test',
    originalDueDate: dueDate,
    daysLateOriginal: 0,
    pendingDueDate: null,
  };
}

function input(rows: [Action, StatusDecision][], officers: Officer[] = OFFICERS): DigestInput {
  return {
    actions: rows.map(([a]) => a),
    decisions: rows.map(([, d]) => d),
    officers,
    settings: SETTINGS,
    today: TODAY,
    url: URL,
  };
}

describe('weeks and the reminder day', () => {
  it('names a week by its Monday, across month and year ends', () => {
    expect(weekOf('2026-11-23')).toBe('2026-11-23');
    expect(weekOf('2026-11-25')).toBe('2026-11-23');
    expect(weekOf('2026-11-29')).toBe('2026-11-23'); // Sunday ends the week
    expect(weekOf('2026-11-30')).toBe('2026-11-30');
    expect(weekOf('2027-01-02')).toBe('2026-12-28');
  });

  it('runs on the configured day, Monday when the setting is not a day', () => {
    expect(isReminderDay('2026-11-23', SETTINGS)).toBe(true);
    expect(isReminderDay('2026-11-25', SETTINGS)).toBe(false);
    expect(isReminderDay('2026-11-25', { ...SETTINGS, reminderDay: 'wednesday' })).toBe(true);
    expect(isReminderDay('2026-11-27', { ...SETTINGS, reminderDay: 'Fri' })).toBe(true);
    expect(isReminderDay('2026-11-23', { ...SETTINGS, reminderDay: 'every week' })).toBe(true);
  });

  it('tells when the next run does its work', () => {
    expect(nextReminderDay('2026-11-23', 7, SETTINGS)).toBe('2026-11-23');
    expect(nextReminderDay('2026-11-23', 8, SETTINGS)).toBe('2026-11-30');
    expect(nextReminderDay('2026-11-25', 6, SETTINGS)).toBe('2026-11-30');
    expect(nextReminderDay('2026-11-25', 6, { ...SETTINGS, reminderDay: 'Friday', reminderHour: 14 })).toBe(
      '2026-11-27',
    );
  });
});

describe('grouping actions by lead', () => {
  const rows: [Action, StatusDecision][] = [
    [action('1.1', { lead: 'JJ', dueDate: '2026-11-01' }), decision('overdue', '2026-11-01')],
    [action('1.2', { lead: 'JJ, TG', dueDate: '2026-10-01' }), decision('overdue', '2026-10-01')],
    [action('1.3', { lead: 'Tom Green', dueDate: '2026-12-05' }), decision('check', '2026-12-05')],
    [action('1.4', { lead: 'TG', dueDate: '2027-06-30' }), decision('inProgress', '2027-06-30')],
    [action('1.5', { lead: 'JJ', completedOn: '2026-10-10' }), decision('completed')],
    [action('2.1', { lead: 'XY / JJ', dueDate: '2026-11-20' }), decision('overdue', '2026-11-20')],
    [action('2.2', { lead: '' }), decision('check')],
    [action('2.3', { lead: 'RB' }), decision('check')],
    [action('2.4', { lead: 'amir.patel@council.example', dueDate: '2027-01-31' }), decision('inProgress')],
  ];
  const grouping = groupByLead(input(rows));
  const group = (initials: string) => grouping.groups.find((g) => g.officer.initials === initials);

  it('puts an action with several leads in each of their digests', () => {
    expect(group('JJ')?.items.map((i) => i.ref)).toEqual(['1.2', '1.1', '2.1']);
    expect(group('TG')?.items.map((i) => i.ref)).toEqual(['1.2', '1.3']);
    const shared = group('TG')?.items.find((i) => i.ref === '1.2');
    expect(shared?.leadNames).toEqual(['Jane Jones', 'Tom Green']);
  });

  it('lists only overdue, coming-up and to-check actions, overdue first and longest overdue first', () => {
    const jj = group('JJ');
    expect(jj?.items.map((i) => [i.ref, i.status, i.daysOverdue])).toEqual([
      ['1.2', 'overdue', 55],
      ['1.1', 'overdue', 24],
      ['2.1', 'overdue', 5],
    ]);
    expect(jj?.openRefs).toEqual(['1.1', '1.2', '2.1']); // 1.5 is completed
    expect(group('TG')?.items[1]).toMatchObject({ ref: '1.3', status: 'comingUp', why: 'Due in 10 days' });
  });

  it('keeps officers who lead only in-progress work, with nothing due', () => {
    expect(group('AP')?.items).toEqual([]);
    expect(group('AP')?.openRefs).toEqual(['2.4']);
  });

  it('reports unknown leads and actions with no lead instead of dropping them', () => {
    expect(grouping.unknownLeads).toEqual([{ lead: 'XY', refs: ['2.1'] }]);
    expect(grouping.noLead).toEqual([{ ref: '2.2', action: 'Action 2.2' }]);
  });

  it('treats two officer rows with one address as one recipient, each action once', () => {
    const twice = [...OFFICERS, officer('J Jones', 'J. Jones', 'Jane.Jones@council.example')];
    const merged = groupByLead(
      input([[action('1.1', { lead: 'JJ, J Jones' }), decision('overdue', '2026-11-01')]], twice),
    );
    expect(merged.groups).toHaveLength(1);
    expect(merged.groups[0].items.map((i) => i.ref)).toEqual(['1.1']);
  });
});

describe('subjects', () => {
  it.each([
    [2, 1, 'Action plan: 2 actions overdue, 1 to check (week of 23 Nov 2026)'],
    [1, 0, 'Action plan: 1 action overdue (week of 23 Nov 2026)'],
    [0, 1, 'Action plan: 1 action to check (week of 23 Nov 2026)'],
    [0, 3, 'Action plan: 3 actions to check (week of 23 Nov 2026)'],
    [1, 2, 'Action plan: 1 action overdue, 2 to check (week of 23 Nov 2026)'],
  ])('%i overdue and %i to check', (overdue, check, subject) => {
    expect(digestSubject(overdue, check, WEEK)).toBe(subject);
  });
});

describe('the digest email', () => {
  const rows: [Action, StatusDecision][] = [
    [
      action('1.1', {
        action: 'Publish <script>alert("x")</script> & report',
        dueDate: '2026-11-01',
        progress: 'Draft with <b>CMT</b>\nsecond line',
        lastUpdated: '2026-09-14',
      }),
      decision('overdue', '2026-11-01'),
    ],
    [action('1.3', { lead: 'JJ, TG', dueDate: '2026-12-05' }), decision('check', '2026-12-05')],
  ];
  const group = groupByLead(input(rows)).groups.find((g) => g.officer.initials === 'JJ');
  if (!group) throw new Error('JJ has a digest');
  const email = buildDigest(group, { settings: SETTINGS, week: WEEK, url: URL });

  it('delivers text from the sheet as text in the HTML body, never as markup', () => {
    expect(email.htmlBody).not.toContain('<script>');
    expect(email.htmlBody).not.toContain('<b>CMT</b>');
    expect(email.htmlBody).toContain(
      'Publish &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; report',
    );
    expect(email.htmlBody).toContain('Draft with &lt;b&gt;CMT&lt;/b&gt;<br>second line');
    expect(email.body).toContain('Publish <script>alert("x")</script> & report');
  });

  it('lists ref, action, due date, days overdue, latest progress with its date, and the link', () => {
    expect(email.subject).toBe('Action plan: 1 action overdue, 1 coming up (week of 23 Nov 2026)');
    for (const text of [email.htmlBody, email.body]) {
      expect(text).toContain('1.1');
      expect(text).toContain('1 Nov 2026');
      expect(text).toContain('24');
      expect(text).toContain('14 Sep 2026');
      expect(text).toContain('5 Dec 2026');
      expect(text).toContain('Shared with Tom Green');
      expect(text).toContain('progress update');
    }
    expect(email.htmlBody).toContain(`href="${escapeHtml(URL)}"`);
    expect(email.body).toContain(URL);
    expect(email.body).toContain('Dear Jane Jones,');
    expect(email.body).toContain('Due 1 Nov 2026, 24 days overdue.');
  });

  it('never turns a register address that is not a web link into a link', () => {
    const bad = buildDigest(group, { settings: SETTINGS, week: WEEK, url: 'javascript:alert(1)' });
    expect(bad.htmlBody).not.toContain('href=');
    expect(bad.htmlBody).not.toContain('javascript:');
  });

  it('shortens long progress on a word boundary; the register keeps the full text', () => {
    const long = 'word '.repeat(300).trim();
    const short = shortProgress(long);
    expect(short.length).toBeLessThanOrEqual(501);
    expect(short.endsWith('word…')).toBe(true);
    expect(shortProgress('Short note.')).toBe('Short note.');
  });
});

describe("the owner's summary", () => {
  const rows: [Action, StatusDecision][] = [
    [action('1.1', { lead: 'JJ', dueDate: '2026-11-01' }), decision('overdue', '2026-11-01')],
    [action('1.2', { lead: 'RB', dueDate: '2026-10-01' }), decision('overdue', '2026-10-01')],
    [action('2.1', { kloe: 'Reporting', lead: 'ZZ' }), decision('check')],
    [action('2.2', { kloe: 'Reporting', lead: '' }), decision('inProgress', '2027-03-31')],
    [action('2.3', { kloe: '', lead: 'TG', completedOn: '2026-06-01' }), decision('completed')],
  ];
  const data = input(rows);
  const summary = summarise(data, groupByLead(data), WEEK);

  it('counts by status and by KLOE', () => {
    expect(summary.byStatus).toEqual({ overdue: 2, check: 1, inProgress: 1, completed: 1, closed: 0 });
    expect(summary.total).toBe(5);
    expect(summary.byKloe).toEqual([
      {
        kloe: 'Setting targets',
        counts: { overdue: 2, check: 0, inProgress: 0, completed: 0, closed: 0 },
        total: 2,
      },
      {
        kloe: 'Reporting',
        counts: { overdue: 0, check: 1, inProgress: 1, completed: 0, closed: 0 },
        total: 2,
      },
      {
        kloe: '(no KLOE)',
        counts: { overdue: 0, check: 0, inProgress: 0, completed: 1, closed: 0 },
        total: 1,
      },
    ]);
  });

  it('lists every overdue action with its lead, leads without email, unknown leads and unled actions', () => {
    expect(summary.overdue.map((i) => [i.ref, i.lead, i.daysOverdue])).toEqual([
      ['1.2', 'RB', 55],
      ['1.1', 'JJ', 24],
    ]);
    expect(summary.leadsWithoutEmail.map((l) => [l.officer.initials, l.refs])).toEqual([['RB', ['1.2']]]);
    expect(summary.unknownLeads).toEqual([{ lead: 'ZZ', refs: ['2.1'] }]);
    expect(summary.noLead.map((a) => a.ref)).toEqual(['2.2']);
  });

  it('says all of it in the email, addressed to the owner', () => {
    const { messages } = weeklyMessages(data, WEEK);
    const owner = messages.find((m) => m.kind === 'summary');
    expect(owner?.to).toBe('owner@council.example');
    expect(owner?.email?.subject).toBe(
      'Action plan summary: 2 overdue, 1 to check, 5 actions (week of 23 Nov 2026)',
    );
    const body = owner?.email?.body ?? '';
    expect(body).toContain('Overdue: 2');
    expect(body).toContain('1.2: Action 1.2 (lead: RB; due 1 Oct 2026, 55 days overdue)');
    expect(body).toContain('Rita Brown (RB): 1.2');
    expect(body).toContain('"ZZ": 2.1');
    expect(body).toContain('2.2: Action 2.2');
    expect(owner?.email?.htmlBody).toContain('&quot;ZZ&quot;: 2.1');
  });

  it('shows the status chart after the status table when the Dashboard has one, and only to the owner', () => {
    const { messages } = weeklyMessages({ ...data, statusChart: true }, WEEK);
    const html = messages.find((m) => m.kind === 'summary')?.email?.htmlBody ?? '';
    const image = html.indexOf(`<img src="cid:${STATUS_CHART_CID}"`);
    expect(image).toBeGreaterThan(html.indexOf('Actions by status'));
    expect(image).toBeLessThan(html.indexOf('Actions by key line of enquiry'));
    for (const m of messages.filter((m) => m.kind === 'digest'))
      expect(m.email?.htmlBody ?? '').not.toContain('cid:');
    const without = weeklyMessages(data, WEEK).messages.find((m) => m.kind === 'summary');
    expect(without?.email?.htmlBody).not.toContain('cid:');
  });
});

describe("the owner's summary: what goes to the committee", () => {
  const rows: [Action, StatusDecision][] = [
    [action('1.1', { id: 'a1', progress: 'Started.' }), decision('overdue', '2026-11-01')],
    [action('1.2', { id: 'a2', progress: 'Drafted.' }), decision('inProgress', '2027-03-31')],
    [action('1.3', { id: 'a3', completedOn: '2026-06-01' }), decision('completed')],
  ];
  const data = input(rows);
  const extended: ActionExtensions = { ...NO_EXTENSIONS, approvedCount: 3, approvedDate: '2027-03-31' };
  const previous = buildSnapshot(
    [rows[0][0], { ...rows[1][0], progress: 'Not started.' }, rows[2][0]],
    rows.map(([, d]) => d),
    '2026-10-01',
  );
  const comparison = comparePapers(buildSnapshot(data.actions, data.decisions, TODAY), previous);
  const flagged = { ...data, extensions: [NO_EXTENSIONS, extended, NO_EXTENSIONS], comparison };

  it('flags actions past the extension limit and open actions with no update since the last paper', () => {
    const summary = summarise(flagged, groupByLead(flagged), WEEK);
    expect(summary.forCommittee).toEqual([{ ref: '1.2', action: 'Action 1.2', extensions: 3 }]);
    expect(summary.noUpdateThisCycle).toEqual(['1.1']);
    const body = weeklyMessages(flagged, WEEK).messages.find((m) => m.kind === 'summary')?.email?.body ?? '';
    expect(body).toContain('FOR THE COMMITTEE: EXTENDED PAST THE LIMIT (1)');
    expect(body).toContain('  - 1.2: Action 1.2 (3 extensions)');
    expect(body).toContain('NO UPDATE THIS CYCLE (1)');
    expect(body).toContain('Open actions with no progress update since the last committee paper: 1.1.');
  });

  it('says nothing of either when the ledger or the last paper is not known', () => {
    const summary = summarise(data, groupByLead(data), WEEK);
    expect([summary.forCommittee, summary.noUpdateThisCycle]).toEqual([null, null]);
    const body = weeklyMessages(data, WEEK).messages.find((m) => m.kind === 'summary')?.email?.body ?? '';
    expect(body).not.toContain('FOR THE COMMITTEE');
    expect(body).not.toContain('NO UPDATE THIS CYCLE');
  });
});

describe('the week of messages', () => {
  it('gives one message per lead officer, never one per action, and nothing to an officer with nothing due', () => {
    const data = input([
      [action('1.1', { lead: 'JJ' }), decision('overdue', '2026-11-01')],
      [action('1.2', { lead: 'JJ' }), decision('overdue', '2026-11-02')],
      [action('1.3', { lead: 'JJ' }), decision('check', '2026-12-01')],
      [action('1.4', { lead: 'AP' }), decision('inProgress', '2027-12-01')],
    ]);
    const { messages } = weeklyMessages(data);
    expect(messages.map((m) => [m.key, m.refs, m.email === null])).toEqual([
      ['digest:jane.jones@council.example', ['1.1', '1.2', '1.3'], false],
      ['digest:amir.patel@council.example', [], true],
      ['summary:owner@council.example', ['1.1', '1.2'], false],
    ]);
    expect(messages[0].email?.subject).toBe(
      'Action plan: 2 actions overdue, 1 coming up (week of 23 Nov 2026)',
    );
  });

  it('works from the statuses the register computes', () => {
    const actions = [
      action('1.1', { lead: 'JJ', dueDate: '2026-10-31', lastUpdated: '2026-11-01' }),
      action('1.2', { lead: 'TG', dueDate: '2026-12-10', lastUpdated: '2026-11-01' }),
      action('1.3', { lead: 'AP', dueDate: '2027-12-10', lastUpdated: '2026-11-01' }),
    ];
    const data: DigestInput = {
      ...input([]),
      actions,
      decisions: actions.map((a) => decideStatus(a, SETTINGS, TODAY)),
    };
    const digests = weeklyMessages(data).messages.filter((m) => m.kind === 'digest');
    expect(digests.map((m) => [m.to, m.email?.subject ?? null])).toEqual([
      ['jane.jones@council.example', 'Action plan: 1 action overdue (week of 23 Nov 2026)'],
      ['tom.green@council.example', 'Action plan: 1 action to check (week of 23 Nov 2026)'],
      ['amir.patel@council.example', null],
    ]);
  });
});

describe('the delivery problems note to the owner', () => {
  it('names each recipient and what happened, and links to the register, escaping every value', () => {
    const email = deliveryProblemsEmail(
      [
        { to: 'Jane Jones <jane@x>', problem: 'a run stopped while sending it' },
        { to: 'bea@example.org', problem: 'it could not be sent (3 attempts): Invalid email' },
      ],
      WEEK,
      URL,
    );
    expect(email.subject).toBe('Weekly reminders for the week of 23 Nov 2026: 2 problems');
    expect(email.body).toContain('- bea@example.org: it could not be sent (3 attempts): Invalid email');
    expect(email.htmlBody).toContain('Jane Jones &lt;jane@x&gt;');
    expect(email.htmlBody).toContain(URL);
  });
});

describe('every email under Google’s 200 KB body limit, at 10,000 actions', () => {
  /** The bench's 10,000-action plan as the register reads it, with every officer's email and the owner's. */
  function large(): DigestInput {
    const plan = generatePlan(10_000);
    const { actions } = importPlan(plan.grid, { today: BENCH_TODAY });
    const read: Action[] = actions.map((a) => ({ ...BLANK_ACTION, ...a }));
    return {
      actions: read,
      decisions: read.map((a) => decideStatus(a, DEFAULT_SETTINGS, BENCH_TODAY)),
      officers: plan.officers.map(([initials, name, jobTitle, email, directorate]) => ({
        initials,
        name,
        jobTitle,
        email,
        directorate,
        reportsTo: '',
      })),
      settings: { ...DEFAULT_SETTINGS, ownerEmail: 'owner@example.org' },
      today: BENCH_TODAY,
      url: URL,
    };
  }

  const weekly = weeklyMessages(large());
  const emails = weekly.messages.flatMap((m) => (m.email ? [{ kind: m.kind, email: m.email }] : []));

  it('keeps the summary and every digest within the limit, plain and HTML bodies together', () => {
    expect(emails.length).toBeGreaterThan(10);
    for (const { email } of emails)
      expect(bodyBytes(email.body, email.htmlBody)).toBeLessThanOrEqual(MAX_BODY_BYTES);
  });

  it('lists the most urgent first in the summary and says how many more the register holds', () => {
    const summary = emails.find((e) => e.kind === 'summary')?.email;
    const overdue = weekly.summary.overdue;
    expect(overdue.length).toBeGreaterThan(1000);
    const listed = overdue.filter((i) => summary?.body.includes(`  ${i.ref}: `));
    expect(listed.length).toBeGreaterThan(50);
    expect(listed).toEqual(overdue.slice(0, listed.length));
    const more = overdue.length - listed.length;
    expect(summary?.body).toContain(`${more} more overdue actions are not listed here. Open the register`);
    expect(summary?.body).toContain(URL);
    expect(summary?.subject).toContain(`${weekly.summary.byStatus.overdue} overdue`);
  });

  it('lists each lead’s most urgent actions and counts the rest, with the full totals in the subject', () => {
    const group = [...weekly.grouping.groups].sort((a, b) => b.items.length - a.items.length)[0];
    const digest = emails.find((e) => e.email.body.startsWith(`Dear ${group.officer.name}`))?.email;
    const listed = group.items.filter((i) => digest?.body.includes(`${i.ref}: `));
    expect(listed.length).toBeLessThan(group.items.length);
    expect(listed).toEqual(group.items.slice(0, listed.length));
    expect(digest?.body).toMatch(
      new RegExp(`${group.items.length - listed.length} more actions \\(.*\\) are not listed here`),
    );
    const overdue = group.items.filter((i) => i.status === 'overdue').length;
    expect(digest?.subject).toContain(`${overdue} actions overdue`);
  });
});
