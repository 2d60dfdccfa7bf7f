import { addDays } from '../../src/core/dates';
import { buildDigest, groupByLead, weekOf, weeklyMessages } from '../../src/core/digest';
import type { DigestInput } from '../../src/core/digest';
import { escalationLevel, escalationOf, managerChain, reachedThisWeek } from '../../src/core/escalation';
import { BLANK_ACTION, DEFAULT_SETTINGS } from '../../src/core/model';
import type { Action, IsoDate, Officer } from '../../src/core/model';
import { officerIndex } from '../../src/core/officers';
import { decideStatus } from '../../src/core/status';

const SETTINGS = { ...DEFAULT_SETTINGS, ownerEmail: 'owner@council.example', escalationWeeks: 4 };
const URL = 'https://docs.google.com/spreadsheets/d/abc/edit#gid=0';

function officer(initials: string, name: string, email: string, reportsTo = ''): Officer {
  return { initials, name, jobTitle: 'Officer', email, directorate: 'Resources', reportsTo };
}

const OFFICERS: Officer[] = [
  officer('BM', 'Bea Marsh', 'bea.marsh@council.example', 'Alex Kendall'),
  officer('AK', 'Alex Kendall', 'alex.kendall@council.example', 'gita.hale@council.example'),
  officer('GH', 'Gita Hale', 'gita.hale@council.example'),
  officer('TG', 'Tom Green', 'tom.green@council.example', 'RB'),
  officer('RB', 'Rita Brown', '', 'GH'),
];

function action(ref: string, lead: string, dueDate: IsoDate): Action {
  return { ...BLANK_ACTION, id: ref, ref, action: `Action ${ref}`, lead, dueDate, progress: 'Started.' };
}

function inputOn(today: IsoDate, actions: Action[]): DigestInput {
  return {
    actions,
    decisions: actions.map((a) => decideStatus(a, SETTINGS, today)),
    officers: OFFICERS,
    settings: SETTINGS,
    today,
    url: URL,
    rows: actions.map((_, i) => i + 2),
  };
}

describe('escalation levels', () => {
  it('starts past the escalation weeks and rises one level per period', () => {
    expect([0, 1, 28, 29, 56, 57, 84, 85].map((d) => escalationLevel(d, SETTINGS))).toEqual([
      0, 0, 0, 1, 1, 2, 2, 3,
    ]);
    expect(escalationLevel(15, { ...SETTINGS, escalationWeeks: 2 })).toBe(1);
  });

  it('reaches each level in exactly one week of days', () => {
    const reached = Array.from({ length: 120 }, (_, d) => d).filter((d) => reachedThisWeek(d, SETTINGS));
    // Days 29-35 reach level 1, 57-63 level 2, 85-91 level 3, 113-119 level 4.
    expect(reached).toEqual([
      ...[29, 30, 31, 32, 33, 34, 35],
      ...[57, 58, 59, 60, 61, 62, 63],
      ...[85, 86, 87, 88, 89, 90, 91],
      ...[113, 114, 115, 116, 117, 118, 119],
    ]);
  });

  it('follows Reports to by name, email or initials, and stops at a blank or a loop', () => {
    const index = officerIndex(OFFICERS);
    expect(managerChain(OFFICERS[0], index).map((o) => o.initials)).toEqual(['AK', 'GH']);
    expect(managerChain(OFFICERS[3], index).map((o) => o.initials)).toEqual(['RB', 'GH']);
    const loop = [officer('A', 'Ann', 'a@x.example', 'B'), officer('B', 'Ben', 'b@x.example', 'A')];
    expect(managerChain(loop[0], officerIndex(loop)).map((o) => o.initials)).toEqual(['B']);
    expect(managerChain(officer('Z', 'Zoe', 'z@x.example', 'Nobody Known'), index)).toEqual([]);
  });

  it('names the manager at the level reached, or none when the chain ends below it', () => {
    const chain = managerChain(OFFICERS[0], officerIndex(OFFICERS));
    expect(escalationOf(20, chain, SETTINGS)).toBeNull();
    expect(escalationOf(30, chain, SETTINGS)).toEqual({ level: 1, manager: OFFICERS[1], copiedNow: true });
    expect(escalationOf(40, chain, SETTINGS)).toEqual({ level: 1, manager: OFFICERS[1], copiedNow: false });
    expect(escalationOf(60, chain, SETTINGS)).toEqual({ level: 2, manager: OFFICERS[2], copiedNow: true });
    expect(escalationOf(90, chain, SETTINGS)).toEqual({ level: 3, manager: null, copiedNow: true });
  });
});

describe('escalation across the weekly digests', () => {
  // Due Thursday 1 October 2026, led by Bea Marsh; the digests go every Monday.
  const actions = [action('1.1', 'BM', '2026-10-01'), action('1.2', 'BM', '2026-11-20')];
  const mondays = Array.from({ length: 14 }, (_, i) => addDays('2026-10-05', 7 * i));

  function digestOn(monday: IsoDate) {
    const weekly = weeklyMessages(inputOn(monday, actions), weekOf(monday));
    return weekly.messages.find((m) => m.key === 'digest:bea.marsh@council.example');
  }

  it('copies each manager up the chain into one digest only, the week the action reaches their level', () => {
    const copied = mondays.map((monday) => [monday, digestOn(monday)?.cc ?? '']);
    expect(copied.filter(([, cc]) => cc !== '')).toEqual([
      ['2026-11-02', 'alex.kendall@council.example'], // 32 days overdue: level 1
      ['2026-11-30', 'gita.hale@council.example'], // 60 days: level 2
      ['2026-12-21', 'alex.kendall@council.example'], // 1.2, due 20 November, reaches level 1
    ]);
    // Level 3 (88 days, 28 December) reaches nobody: the chain ends at Gita Hale.
    expect(digestOn('2026-12-28')?.cc).toBeUndefined();
  });

  it('says in the digest who is copied in, and later that the action was escalated', () => {
    const reached = digestOn('2026-11-02');
    expect(reached?.email?.htmlBody).toContain(
      'Overdue more than 4 weeks: Alex Kendall is copied into this email.',
    );
    expect(reached?.email?.body).toContain(
      'Overdue more than 4 weeks: Alex Kendall is copied into this email.',
    );
    expect(reached?.recipient).toBe('bea.marsh@council.example (cc alex.kendall@council.example)');
    expect(reached?.to).toBe('bea.marsh@council.example');
    expect(reached?.cc).toBe('alex.kendall@council.example');
    expect(digestOn('2026-11-09')?.email?.body).toContain(
      'Overdue more than 4 weeks: escalated to Alex Kendall.',
    );
    expect(digestOn('2026-12-28')?.email?.body).toContain(
      'Overdue more than 12 weeks: nobody above is named in Officers (Reports to).',
    );
  });

  it('lists escalated actions in the owner’s summary, with whom each reached', () => {
    const summary = weeklyMessages(inputOn('2026-11-30', actions)).summary;
    expect(summary.escalated).toEqual([
      {
        ref: '1.1',
        action: 'Action 1.1',
        link: `${URL}&range=A2`,
        daysOverdue: 60,
        level: 2,
        reached: ["Gita Hale (Bea Marsh's manager's manager)"],
        copiedNow: true,
      },
    ]);
    const email = weeklyMessages(inputOn('2026-11-30', actions)).messages.at(-1)?.email;
    expect(email?.body).toContain('ESCALATED: OVERDUE MORE THAN 4 WEEKS (1)');
    expect(email?.htmlBody).toContain(
      `<li><a href="${URL}&amp;range=A2">1.1</a>: Action 1.1 (60 days overdue;`,
    );
    expect(email?.body).toContain("reached Gita Hale (Bea Marsh's manager's manager); copied in this week");
  });

  it('copies nobody without an address, and says so to the lead and the owner', () => {
    // Tom Green reports to Rita Brown, who has no email address.
    const tom = [action('2.1', 'TG', '2026-10-01')];
    const weekly = weeklyMessages(inputOn('2026-11-02', tom));
    const digest = weekly.messages.find((m) => m.key === 'digest:tom.green@council.example');
    expect(digest?.cc).toBeUndefined();
    expect(digest?.email?.body).toContain(
      'Overdue more than 4 weeks: escalated to Rita Brown, who has no email address to copy in.',
    );
    expect(weekly.summary.escalated[0].reached).toEqual([
      "Rita Brown (Tom Green's manager, who has no email address)",
    ]);
    expect(weekly.summary.escalated[0].copiedNow).toBe(false);
  });

  it('escalates an action with two leads up each lead’s own chain', () => {
    const shared = [action('3.1', 'BM, TG', '2026-10-01')];
    const grouping = groupByLead(inputOn('2026-11-02', shared));
    expect(grouping.groups.map((g) => [g.officer.initials, g.cc])).toEqual([
      ['BM', ['alex.kendall@council.example']],
      ['TG', []],
    ]);
    const digest = buildDigest(grouping.groups[0], { settings: SETTINGS, week: '2026-11-02', url: URL });
    expect(digest.htmlBody).toContain('Alex Kendall is copied into this email.');
  });
});
