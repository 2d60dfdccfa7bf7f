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
    // Each digest is described as the officer will read it: 2.1 falls due within the coming-up window.
    expect(question?.prompt).toContain('Tom Green (tom.green@council.example): 1 overdue, 1 coming up');
    expect(question?.prompt).toContain('Jane Jones (jane.jones@council.example): 2 overdue');
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

describe('digests never twice, never lost', () => {
  const at = (dayOffset: number): Date => new Date(MONDAY.getTime() + dayOffset * DAY_MS);
  const run = (bundle: LoadedBundle, dayOffset: number): void => {
    bundle.ws.setNow(at(dayOffset));
    bundle.call('runWeeklyReminders', 'time', {});
  };
  const mailsTo = (bundle: LoadedBundle, address: string) =>
    bundle.ws.mail.sent.filter((m) => m.to.includes(address));

  it('carries a week on after a run that died between a send and its record: nothing twice, nobody missed', () => {
    const bundle = register();
    // Apps Script stops the run just as it would record the first send: the property write after the send.
    const runtime = bundle.ws.runtime;
    const disarm = runtime.pauseAt({ after: 'MailApp.sendEmail' }, () =>
      runtime.pauseAt({ before: 'Properties.setProperty' }, () => {
        throw new Error('Exceeded maximum execution time');
      }),
    );
    expect(() => run(bundle, 0)).toThrow('Exceeded maximum execution time');
    disarm();
    const first = bundle.ws.mail.sent[0].to[0];
    expect(
      bundle.ws.mail.sent.filter((m) => !m.subject.startsWith('The weekly reminders failed')),
    ).toHaveLength(1);
    // The owner is told that day that the run failed.
    expect(mailsTo(bundle, OWNER).map((m) => m.subject)).toEqual([
      'The weekly reminders failed on 23 Nov 2026',
    ]);

    run(bundle, 1);
    expect(mailsTo(bundle, first)).toHaveLength(1);
    for (const address of LEADS_DUE) expect(mailsTo(bundle, address)).toHaveLength(1);
    const problems = mailsTo(bundle, OWNER).find((m) => m.subject.includes('problem'));
    expect(problems?.body).toContain(first);
    expect(problems?.body).toContain('may or may not have arrived');

    // A later Send now does not send the doubtful one again either.
    bundle.ws.sheets.ui.respond((d) => ({ button: d.buttons === 'YES_NO' ? 'YES' : 'OK' }));
    bundle.call('sendRemindersNow', 'menu');
    expect(mailsTo(bundle, first)).toHaveLength(1);
    run(bundle, 2);
    expect(mailsTo(bundle, OWNER).filter((m) => m.subject.includes('problem'))).toHaveLength(1);
  });

  it('sends nothing twice when the trigger fires twice at once: the second run finds the lock taken', () => {
    const bundle = register();
    bundle.ws.setNow(at(0));
    bundle.overlap(
      () => bundle.call('runWeeklyReminders', 'time', {}),
      { before: 'MailApp.sendEmail' },
      () => bundle.call('runWeeklyReminders', 'time', {}),
    );
    expect(sentTo(bundle).sort()).toEqual([...LEADS_DUE, OWNER].sort());
  });

  it('stops sending before the 6-minute limit and sends the rest with the next day’s run', () => {
    const bundle = register();
    // The first send takes five minutes: the run is past its budget of four and a half.
    bundle.ws.runtime.pauseAt({ after: 'MailApp.sendEmail' }, () => bundle.ws.runtime.advance(5 * 60_000));
    run(bundle, 0);
    expect(bundle.ws.mail.sent).toHaveLength(1);
    expect(logRows(bundle).filter((r) => r.outcome === 'deferred: time limit')).toHaveLength(3);
    run(bundle, 1);
    expect(sentTo(bundle).sort()).toEqual([...LEADS_DUE, OWNER].sort());
  });

  it('tells the owner when the Register sheet is gone, instead of failing in silence', () => {
    const bundle = register();
    bundle.ws.runtime.calls.uncounted(() => bundle.spreadsheet().deleteSheet(sheetOf(bundle, 'Register')));
    expect(() => run(bundle, 0)).toThrow(/There is no Register sheet/);
    const note = mailsTo(bundle, OWNER)[0];
    expect(note.subject).toBe('The weekly reminders failed on 23 Nov 2026');
    expect(note.body).toContain('Set up or repair register');
  });

  it('tries a failed send again on the next days, then names it to the owner, once', () => {
    const officers = OFFICERS.map((o) =>
      o[0] === 'KL' ? [...o.slice(0, 3), 'kim.lee at council', o[4]] : o,
    );
    const bundle = register({ officers });
    for (let day = 0; day < 5; day++) run(bundle, day);
    const attempts = logRows(bundle).filter(
      (r) => r.recipient === 'kim.lee at council' && r.outcome.startsWith('failed'),
    );
    expect(attempts).toHaveLength(3);
    const notes = mailsTo(bundle, OWNER).filter((m) => m.subject.includes('problem'));
    expect(notes).toHaveLength(1);
    expect(notes[0].body).toContain('kim.lee at council');
    expect(notes[0].body).toContain('could not be sent (3 attempts)');
    for (const address of ['jane.jones@council.example', 'tom.green@council.example']) {
      expect(mailsTo(bundle, address)).toHaveLength(1);
    }
  });

  it('gets 400 officers their digests over four days with a quota of 100, each once, within the property limits', () => {
    const officers: CellValue[][] = Array.from({ length: 400 }, (_, i) => [
      `O${i}`,
      `Officer ${i}`,
      'Officer',
      `officer${i}@council.example`,
      'Resources',
    ]);
    const bundle = register({ mailQuota: 100, officers });
    const rows = officers.map((o, i) => [`9.${i}`, 'Setting targets', `Action ${i}`, o[0]]);
    const headers = bundle.ws.sheets.active.sheet('Register').values()[0].map(String);
    const column = (name: string) => headers.indexOf(name);
    seed(
      bundle,
      'Register',
      8,
      1,
      rows.map(([ref, kloe, action, lead]) => {
        const line: CellValue[] = headers.map(() => '');
        line[column('Ref')] = ref;
        line[column('KLOE')] = kloe;
        line[column('Action')] = action;
        line[column('Due date')] = day('2026-10-01');
        line[column('Lead')] = lead;
        return line;
      }),
    );
    const sentByDay: number[] = [];
    for (let d = 0; d < 6; d++) {
      const before = bundle.ws.mail.sent.length;
      run(bundle, d);
      sentByDay.push(bundle.ws.mail.sent.length - before);
    }
    expect(sentByDay.slice(0, 4)).toEqual([100, 100, 100, 100]);
    const recipients = bundle.ws.mail.sent.flatMap((m) => m.to);
    expect(new Set(recipients).size).toBe(recipients.length);
    for (const o of officers) expect(recipients).toContain(o[3]);
    expect(recipients).toContain(OWNER);
    // Each message's state is a small property of its own: no list outgrows Google's 9 KB a value.
    const biggest = Math.max(...[...bundle.ws.properties.script.values.values()].map((v) => v.length));
    expect(biggest).toBeLessThan(200);
  });

  it('tells the owner once that day when the weekly run fails, and logs it', () => {
    const bundle = register();
    bundle.ws.runtime.calls.uncounted(() => {
      const sheet = sheetOf(bundle, 'Register');
      const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].map(String);
      sheet.getRange(1, headers.indexOf('Progress') + 1).setValue('Commentary');
    });
    expect(() => run(bundle, 0)).toThrow(/Progress not found: "Commentary" looks like it/);
    expect(() => run(bundle, 0)).toThrow();
    const notes = mailsTo(bundle, OWNER);
    expect(notes.map((m) => m.subject)).toEqual(['The weekly reminders failed on 23 Nov 2026']);
    expect(notes[0].body).toContain('rename that header to Progress');
    expect(notes[0].body).toContain('What to do:');
    expect(
      logRows(bundle).filter((r) => r.recipient === 'Weekly run' && r.outcome.startsWith('failed')),
    ).toHaveLength(2);
  });
});
