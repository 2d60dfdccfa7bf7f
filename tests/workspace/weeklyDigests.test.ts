/**
 * The weekly digests over several weeks, through the built bundle and its own daily trigger: each action links
 * to its row, actions due soon come up before their date, and a long-overdue action copies the lead's managers
 * in, one level at a time, each once.
 */
import { loadBundle, type LoadedBundle } from '../../local/runner/bundle';
import type { CellValue } from '../../local/workspace/SpreadsheetApp';
import { addDays } from '../../src/core/dates';
import { registerRows, seed, sheetOf, valuesOf } from '../helpers';

const OWNER = 'owner@council.example';
const OFFICERS: CellValue[][] = [
  ['JJ', 'Jane Jones', 'Policy Officer', 'jane.jones@council.example', 'Resources', 'Tom Green'],
  ['TG', 'Tom Green', 'Head of Policy', 'tom.green@council.example', 'Resources', 'AP'],
  ['AP', 'Amir Patel', 'Director', 'amir.patel@council.example', 'Resources', ''],
];

/** Monday 5 October 2026, 08:30 in London. */
const FIRST_MONDAY = '2026-10-05';
const at = (day: string): Date => new Date(`${day}T07:30:00Z`);
const date = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

function register(): LoadedBundle {
  const bundle = loadBundle({ now: at(FIRST_MONDAY), timeZone: 'Europe/London' });
  bundle.ws.sheets.ui.respond(() => ({ button: 'OK' }));
  bundle.open();
  bundle.clickMenu('Set up or repair register');
  seed(bundle, 'Officers', 2, 1, OFFICERS);
  const settings = valuesOf(bundle, 'Settings');
  const ownerRow = settings.findIndex((r) => r[0] === 'Owner email') + 1;
  bundle.ws.runtime.calls.uncounted(() => sheetOf(bundle, 'Settings').getRange(ownerRow, 2).setValue(OWNER));
  const headers = (valuesOf(bundle, 'Register')[0] as string[]).map(String);
  const rows = [
    ['1.1', 'Publish the framework', '2026-09-30', 'JJ'],
    ['1.2', 'Train members', '2026-10-20', 'JJ'],
    ['2.1', 'Review the data quality policy', '2027-06-30', 'TG'],
  ].map(([ref, action, due, lead]) => {
    const line: CellValue[] = headers.map(() => '');
    line[headers.indexOf('Ref')] = ref;
    line[headers.indexOf('Action')] = action;
    line[headers.indexOf('Due date')] = date(due);
    line[headers.indexOf('Lead')] = lead;
    line[headers.indexOf('Progress')] = 'Under way.';
    line[headers.indexOf('Last updated')] = date('2026-10-01');
    return line;
  });
  seed(bundle, 'Register', 2, 1, rows);
  bundle.clickMenu('Refresh statuses');
  bundle.call('scheduleReminders', 'menu');
  return bundle;
}

describe('weekly digests over several weeks', () => {
  const mondays = Array.from({ length: 10 }, (_, i) => addDays(FIRST_MONDAY, 7 * i));
  let bundle: LoadedBundle;
  let weeks: { monday: string; mail: LoadedBundle['ws']['mail']['sent'] }[];

  beforeAll(() => {
    bundle = register();
    weeks = mondays.map((monday) => {
      const before = bundle.ws.mail.sent.length;
      bundle.ws.setNow(at(monday));
      bundle.fireClock('runWeeklyReminders');
      return { monday, mail: bundle.ws.mail.sent.slice(before) };
    });
  });

  const janeOn = (monday: string) =>
    weeks.find((w) => w.monday === monday)?.mail.find((m) => m.to.includes('jane.jones@council.example'));

  it('sends Jane a digest every week, and Tom Green once 2.1 has had no update for 60 days', () => {
    expect(weeks.map((w) => w.mail.map((m) => m.to.join(',')))).toEqual(
      mondays.map((monday) =>
        monday >= '2026-11-30'
          ? ['jane.jones@council.example', 'tom.green@council.example', OWNER]
          : ['jane.jones@council.example', OWNER],
      ),
    );
  });

  it('reminds her of 1.2 before its date, as coming up within 14 days, and then as overdue', () => {
    // 5 October: due in 15 days, inside the 28-day check window but not yet coming up.
    expect(janeOn('2026-10-05')?.subject).toBe(
      'Action plan: 1 action overdue, 1 to check (week of 5 Oct 2026)',
    );
    expect(janeOn('2026-10-12')?.subject).toBe(
      'Action plan: 1 action overdue, 1 coming up (week of 12 Oct 2026)',
    );
    expect(janeOn('2026-10-12')?.body).toContain('COMING UP (1)');
    expect(janeOn('2026-10-19')?.body).toContain('1.2: Train members\n  Due 20 Oct 2026: due in 1 day.');
    expect(janeOn('2026-10-26')?.subject).toBe('Action plan: 2 actions overdue (week of 26 Oct 2026)');
  });

  it('links each action in every digest and summary to its own row of the Register', () => {
    const rowOf = new Map(registerRows(bundle).map((r, i) => [String(r.Ref), i + 2]));
    const gid = bundle.ws.runtime.calls.uncounted(() => sheetOf(bundle, 'Register').getSheetId());
    for (const { mail } of weeks) {
      for (const message of mail) {
        const html = message.htmlBody ?? '';
        const links = [...html.matchAll(/#gid=(\d+)&amp;range=A(\d+)">([\d.]+)<\/a>/g)];
        for (const [, sheet, row, ref] of links)
          expect([Number(sheet), Number(row)]).toEqual([gid, rowOf.get(ref)]);
        // Every action listed is linked: a digest's every action (its subject counts them), the summary's
        // overdue and escalated ones.
        const escalated = Number(
          /ESCALATED: OVERDUE MORE THAN 4 WEEKS \((\d+)\)/.exec(message.body)?.[1] ?? 0,
        );
        const counted = message.to.includes(OWNER)
          ? Number(/: (\d+) overdue/.exec(message.subject)?.[1]) + escalated
          : [...message.subject.replace(/\(week.*$/, '').matchAll(/(\d+)/g)].reduce(
              (n, m) => n + Number(m[1]),
              0,
            );
        expect({ subject: message.subject, links: links.length }).toEqual({
          subject: message.subject,
          links: counted,
        });
      }
    }
  });

  it('copies Tom Green in once when 1.1 passes four weeks overdue, then Amir Patel once at eight', () => {
    const copied = weeks.flatMap((w) => w.mail.filter((m) => m.cc.length > 0).map((m) => [w.monday, m.cc]));
    expect(copied).toEqual([
      ['2026-11-02', ['tom.green@council.example']], // 1.1: 33 days overdue
      ['2026-11-23', ['tom.green@council.example']], // 1.2: 34 days overdue
      ['2026-11-30', ['amir.patel@council.example']], // 1.1: 61 days overdue
    ]);
    expect(janeOn('2026-11-02')?.body).toContain(
      'Overdue more than 4 weeks: Tom Green is copied into this email.',
    );
    expect(janeOn('2026-11-09')?.body).toContain('Overdue more than 4 weeks: escalated to Tom Green.');
    const log = valuesOf(bundle, 'Reminder log').map((r) => String(r[2]));
    expect(log).toContain('jane.jones@council.example (cc tom.green@council.example)');
  });

  it('lists the escalated actions in the owner’s summary', () => {
    const summary = weeks.at(-1)?.mail.find((m) => m.to.includes(OWNER));
    expect(summary?.body).toContain('ESCALATED: OVERDUE MORE THAN 4 WEEKS (2)');
    expect(summary?.body).toContain(
      "1.1: Publish the framework (68 days overdue; reached Amir Patel (Jane Jones's manager's manager))",
    );
    expect(summary?.body).toContain(
      "1.2: Train members (48 days overdue; reached Tom Green (Jane Jones's manager))",
    );
  });
});

describe('a copied-in manager against the daily email quota', () => {
  it('counts the cc as a recipient: with room for two, Jane and Tom go today and the summary tomorrow', () => {
    const bundle = register();
    bundle.ws.setNow(at('2026-11-02'));
    bundle.ws.mail.setRemainingQuota(2);
    bundle.fireClock('runWeeklyReminders');
    expect(bundle.ws.mail.sent.map((m) => [m.to, m.cc])).toEqual([
      [['jane.jones@council.example'], ['tom.green@council.example']],
    ]);

    bundle.ws.setNow(at('2026-11-03'));
    bundle.fireClock('runWeeklyReminders');
    expect(bundle.ws.mail.sent.map((m) => m.to)).toEqual([['jane.jones@council.example'], [OWNER]]);
  });
});
