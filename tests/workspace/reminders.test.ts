import { loadBundle, type LoadedBundle } from '../../local/runner/bundle';
import type { CellValue } from '../../local/workspace/SpreadsheetApp';
import { seed } from '../helpers';

// Monday 23 November 2026, 08:30 in London (GMT in winter).
const MONDAY = new Date('2026-11-23T08:30:00Z');
const DAY_MS = 86_400_000;
const OWNER = 'owner@council.example';
const ENTRY_POINTS = [
  'runWeeklyReminders',
  'scheduleReminders',
  'stopReminders',
  'sendRemindersNow',
  'previewMyReminder',
];

const OFFICERS: CellValue[][] = [
  ['JJ', 'Jane Jones', 'Head of Policy', 'jane.jones@council.example', 'Resources'],
  ['TG', 'Tom Green', 'Performance Manager', 'tom.green@council.example', 'Resources'],
  ['AP', 'Amir Patel', 'ICT Manager', 'amir.patel@council.example', 'Resources'],
  ['RB', 'Rita Brown', 'Finance Officer', '', 'Resources'],
  ['KL', 'Kim Lee', 'Comms Officer', 'kim.lee@council.example', 'Chief Executive'],
];

interface Row {
  ref: string;
  action: string;
  due: string;
  lead: string;
  progress?: string;
}

const ROWS: Row[] = [
  { ref: '1.1', action: 'Publish the performance framework', due: '2026-10-31', lead: 'JJ' },
  { ref: '1.2', action: 'Train members on <script>alert(1)</script>', due: '2026-11-13', lead: 'JJ, TG' },
  { ref: '2.1', action: 'Review data quality policy', due: '2026-12-04', lead: 'TG' },
  { ref: '2.2', action: 'Quarterly LAA report', due: '2027-06-30', lead: 'AP' },
  { ref: '3.1', action: 'Budget monitoring', due: '2026-11-01', lead: 'RB' },
  { ref: '3.2', action: 'Intranet page', due: '2026-11-02', lead: 'KL' },
];

/** A sheet as the script sees it, for writing cells the way officers would. */
function sheetOf(bundle: LoadedBundle, name: string): GoogleAppsScript.Spreadsheet.Sheet {
  const sheet = bundle.spreadsheet().getSheetByName(name);
  if (!sheet) throw new Error(`No sheet named ${name}`);
  return sheet;
}

function day(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

/** A register set up through the bundle's own menu, then filled in as officers would. */
function register(options: { now?: Date; mailQuota?: number; officers?: CellValue[][] } = {}): LoadedBundle {
  const bundle = loadBundle({
    now: options.now ?? MONDAY,
    timeZone: 'Europe/London',
    mailQuota: options.mailQuota,
  });
  bundle.call('setUpRegisterFromMenu', 'menu');
  const ss = bundle.ws.sheets.active;
  const officers = options.officers ?? OFFICERS;
  // Pasted, as an officer fills the sheet: a bad email is kept (and named), not refused.
  seed(bundle, 'Officers', 2, 1, officers);
  const settings = ss.sheet('Settings');
  const ownerRow = settings.values().findIndex((r) => r[0] === 'Owner email') + 1;
  sheetOf(bundle, 'Settings').getRange(ownerRow, 2).setValue(OWNER);

  const sheet = ss.sheet('Register');
  const headers = sheet.values()[0].map(String);
  const column = (name: string): number => {
    const i = headers.indexOf(name);
    if (i === -1) throw new Error(`Register has no ${name} column: ${headers.join(', ')}`);
    return i;
  };
  const grid = ROWS.map((row) => {
    const line: CellValue[] = headers.map(() => '');
    line[column('Ref')] = row.ref;
    line[column('KLOE')] = 'Setting targets';
    line[column('Action')] = row.action;
    line[column('Due date')] = day(row.due);
    line[column('Lead')] = row.lead;
    line[column('Progress')] = row.progress ?? 'Work under way.';
    line[column('Last updated')] = day('2026-11-02');
    return line;
  });
  seed(bundle, 'Register', 2, 1, grid);
  bundle.ws.sheets.ui.dialogs.length = 0;
  return bundle;
}

function sentTo(bundle: LoadedBundle): string[] {
  return bundle.ws.mail.sent.map((m) => m.to.join(','));
}

function logRows(bundle: LoadedBundle): { recipient: string; refs: CellValue; outcome: string }[] {
  const ss = bundle.ws.sheets.active;
  return ss
    .sheet('Reminder log')
    .values()
    .slice(1)
    .map((r) => ({ recipient: String(r[2]), refs: r[3], outcome: String(r[4]) }));
}

function schedule(bundle: LoadedBundle): void {
  bundle.call('scheduleReminders', 'menu');
}

function fireAt(bundle: LoadedBundle, when: Date): number {
  bundle.ws.setNow(when);
  return bundle.fireClock('runWeeklyReminders');
}

const LEADS_DUE = ['jane.jones@council.example', 'tom.green@council.example', 'kim.lee@council.example'];

describe('weekly reminders through the built bundle', () => {
  it('exposes every menu action and the trigger handler as top-level functions', () => {
    const bundle = loadBundle();
    for (const name of ENTRY_POINTS) expect(bundle.topLevelFunctions()).toContain(name);
  });

  it('schedules one daily trigger at the configured hour in the spreadsheet time zone, and says when', () => {
    const bundle = register();
    schedule(bundle);
    schedule(bundle);
    const triggers = bundle.ws.script.triggers().filter((t) => t.handlerFunction === 'runWeeklyReminders');
    expect(triggers).toHaveLength(1);
    expect(triggers[0].clock).toMatchObject({ everyDays: 1, atHour: 8, timeZone: 'Europe/London' });
    // 08:30 on the Monday: this week's hour has passed, so the next is the Monday after.
    const said = bundle.ws.sheets.ui.dialogs.at(-1)?.prompt ?? '';
    expect(said).toContain('Monday, 30th November 2026');
    expect(said).toContain('08:00');

    bundle.call('stopReminders', 'menu');
    expect(bundle.ws.script.triggers().filter((t) => t.handlerFunction === 'runWeeklyReminders')).toEqual([]);
  });

  it('on the reminder day sends one email per officer with something due, and the owner a summary', () => {
    const bundle = register();
    schedule(bundle);
    bundle.ws.sheets.ui.dialogs.length = 0;
    expect(fireAt(bundle, MONDAY)).toBe(1);

    expect(sentTo(bundle).sort()).toEqual([...LEADS_DUE, OWNER].sort());
    const jane = bundle.ws.mail.sent.find((m) => m.to.includes('jane.jones@council.example'));
    expect(jane?.subject).toBe('Action plan: 2 actions overdue (week of 23 Nov 2026)');
    expect(jane?.htmlBody).toContain('&lt;script&gt;');
    expect(jane?.htmlBody).not.toContain('<script>');
    expect(jane?.body).toContain('1.1');
    expect(jane?.replyTo).toBe(OWNER);
    // The time-driven run showed nothing: there is no Ui there.
    expect(bundle.ws.sheets.ui.dialogs).toEqual([]);

    const log = logRows(bundle);
    expect(log.find((r) => r.recipient === 'amir.patel@council.example')?.outcome).toBe(
      'skipped: nothing due',
    );
    expect(log.find((r) => r.recipient.startsWith('Rita Brown'))?.outcome).toBe('failed: no email address');
    expect(log.find((r) => r.recipient === 'tom.green@council.example')).toMatchObject({
      refs: '1.2, 2.1',
      outcome: 'sent',
    });
    // A lone ref stays text in the log, not the number 3.2.
    expect(log.find((r) => r.recipient === 'kim.lee@council.example')?.refs).toBe('3.2');
    const summary = bundle.ws.mail.sent.find((m) => m.to.includes(OWNER));
    expect(summary?.body).toContain('Rita Brown (RB): 3.1');
  });

  it('never sends twice in a week across reruns, and sends again the next week', () => {
    const bundle = register();
    schedule(bundle);
    fireAt(bundle, MONDAY);
    const first = bundle.ws.mail.sent.length;

    fireAt(bundle, new Date(MONDAY.getTime() + 60_000));
    bundle.call('runWeeklyReminders', 'time', {});
    expect(bundle.ws.mail.sent).toHaveLength(first);
    expect(logRows(bundle).filter((r) => r.outcome === 'skipped: already sent').length).toBeGreaterThan(0);

    // A Wednesday: not the reminder day and nothing waiting, so the daily trigger does nothing.
    const logged = logRows(bundle).length;
    fireAt(bundle, new Date(MONDAY.getTime() + 2 * DAY_MS));
    expect(bundle.ws.mail.sent).toHaveLength(first);
    expect(logRows(bundle)).toHaveLength(logged);

    // Sending now from the menu in the same week finds nothing missing.
    bundle.call('sendRemindersNow', 'menu');
    expect(bundle.ws.mail.sent).toHaveLength(first);
    expect(bundle.ws.sheets.ui.dialogs.at(-1)?.prompt).toContain('Nothing to send');

    fireAt(bundle, new Date(MONDAY.getTime() + 7 * DAY_MS));
    expect(bundle.ws.mail.sent).toHaveLength(2 * first);
    expect(bundle.ws.mail.sent.at(-1)?.subject).toContain('week of 30 Nov 2026');
  });

  it('defers what the daily quota cannot take and sends it the next day, nobody missed or doubled', () => {
    const bundle = register();
    schedule(bundle);
    bundle.ws.mail.setRemainingQuota(2);
    fireAt(bundle, MONDAY);
    expect(bundle.ws.mail.sent).toHaveLength(2);
    const deferred = logRows(bundle).filter((r) => r.outcome === 'deferred: quota');
    expect(deferred).toHaveLength(2);

    // Tuesday: the quota has renewed and the daily trigger finds something waiting.
    fireAt(bundle, new Date(MONDAY.getTime() + DAY_MS));
    expect(sentTo(bundle).sort()).toEqual([...LEADS_DUE, OWNER].sort());
    expect(bundle.ws.mail.sent.slice(2).every((m) => m.subject.includes('week of 23 Nov 2026'))).toBe(true);

    // Wednesday: nothing waits any more.
    fireAt(bundle, new Date(MONDAY.getTime() + 2 * DAY_MS));
    expect(bundle.ws.mail.sent).toHaveLength(4);
  });

  it('a second run that finds the script lock taken exits without sending', () => {
    const bundle = register();
    schedule(bundle);
    bundle.ws.lock.holdScriptLock();
    fireAt(bundle, MONDAY);
    expect(bundle.ws.mail.sent).toEqual([]);
    expect(bundle.ws.sheets.active.getSheetByName('Reminder log')).toBeNull();

    bundle.ws.lock.releaseHeld();
    fireAt(bundle, MONDAY);
    expect(bundle.ws.mail.sent).toHaveLength(4);
    expect(bundle.ws.lock.state('script')).toBe('free');
  });

  it('logs a failure for one officer and still sends the others theirs', () => {
    const officers = OFFICERS.map((o) =>
      o[0] === 'KL' ? [...o.slice(0, 3), 'kim.lee at council', o[4]] : o,
    );
    const bundle = register({ officers });
    bundle.call('runWeeklyReminders', 'time', {});
    expect(sentTo(bundle).sort()).toEqual(
      ['jane.jones@council.example', 'tom.green@council.example', OWNER].sort(),
    );
    const kim = logRows(bundle).find((r) => r.recipient === 'kim.lee at council');
    expect(kim?.outcome).toMatch(/^failed: /);
    // A failed send is not recorded as sent: once the address is put right, a rerun sends it.
    sheetOf(bundle, 'Officers').getRange(6, 4).setValue('kim.lee@council.example');
    bundle.call('sendRemindersNow', 'menu');
    expect(bundle.ws.mail.sent.filter((m) => m.to.includes('kim.lee@council.example'))).toHaveLength(1);
  });

  it('send now asks first, showing how many emails to whom; No sends nothing', () => {
    const bundle = register();
    bundle.ws.sheets.ui.respond((d) => ({ button: d.buttons === 'YES_NO' ? 'NO' : 'OK' }));
    bundle.call('sendRemindersNow', 'menu');
    const question = bundle.ws.sheets.ui.dialogs.find((d) => d.buttons === 'YES_NO');
    expect(question?.prompt).toContain('4 emails will go now');
    for (const address of [...LEADS_DUE, OWNER]) expect(question?.prompt).toContain(address);
    expect(bundle.ws.mail.sent).toEqual([]);
    expect(bundle.ws.sheets.active.getSheetByName('Reminder log')).toBeNull();

    bundle.ws.sheets.ui.respond((d) => ({ button: d.buttons === 'YES_NO' ? 'YES' : 'OK' }));
    bundle.call('sendRemindersNow', 'menu');
    expect(sentTo(bundle).sort()).toEqual([...LEADS_DUE, OWNER].sort());
  });

  it('preview sends only to the person running it and counts as nobody’s reminder', () => {
    const bundle = register();
    bundle.as('tom.green@council.example', () => bundle.call('previewMyReminder', 'menu'));
    expect(sentTo(bundle)).toEqual(['tom.green@council.example']);
    expect(bundle.ws.mail.sent[0].subject).toBe(
      '[Preview] Action plan: 1 action overdue, 1 coming up (week of 23 Nov 2026)',
    );

    bundle.as('clerk@council.example', () => bundle.call('previewMyReminder', 'menu'));
    expect(sentTo(bundle)).toEqual(['tom.green@council.example', 'clerk@council.example']);
    expect(bundle.ws.mail.sent[1].body).toContain('this is a sample');

    bundle.call('runWeeklyReminders', 'time', {});
    expect(bundle.ws.mail.sent.filter((m) => m.to.includes('tom.green@council.example'))).toHaveLength(2);
  });
});
