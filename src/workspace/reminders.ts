/**
 * Weekly overdue digests: the daily trigger, the menu actions and the send loop. The core decides who gets
 * what; this file reads, sends, records and logs.
 *
 * Never twice, never lost (src/core/delivery.ts): each message's state for the week is its own script property,
 * written before its send and after it, so a run that dies part-way can neither send a message twice nor leave
 * the rest unsent: the next day's run carries the week on, and what may have gone is named to the owner. The
 * Reminder log sheet is written once per run (one setValues, in a finally block): the properties, not the log,
 * are what stop a second send.
 */
import { addDays, formatLongUk, formatShortUk, fromIsoDate, toIsoDate } from '../core/dates';
import {
  afterFailure,
  deliveryProperty,
  formatState,
  openWeeks,
  planDelivery,
  recipientCount,
  staleProperties,
  statesOf,
  told,
  untoldProblems,
  weekProperty,
  weekSettled,
  type Deliverable,
  type DeliveryDecision,
  type DeliveryState,
  type PlannedDelivery,
} from '../core/delivery';
import {
  STATUS_CHART_CID,
  buildDigest,
  deliveryProblemsEmail,
  runFailedEmail,
  escapeHtml,
  isReminderDay,
  nextReminderDay,
  reminderHour,
  reminderWeekday,
  kindCounts,
  weekOf,
  weeklyMessages,
  type EmailContent,
  type LeadGroup,
  type WeeklyMessage,
  type WeeklyMessages,
} from '../core/digest';
import type { IsoDate } from '../core/model';
import { errorMessage, missingPermission, permissionMessage } from '../core/permissions';
import { plural } from '../core/text';
import { statusChartBlob } from './dashboard';
import { guarded, runningUser } from './messages';
import { RegisterError, loadRegister, refreshStatuses, type RegisterReading } from './register';
import type { RegisterView } from './registerView';
import { readSettings } from './settings';
import { SHEET, activeSpreadsheet, appendRows, ensureSheet } from './sheets';
import { isMine, readRecordedTrigger, type RecordedTrigger } from './setup';
import { Workbook } from './workbook';
import { whileHolding } from './locks';

/** The time-driven trigger's handler: a top-level function of the bundle. */
export const REMINDER_HANDLER = 'runWeeklyReminders';
export const REMINDER_LOG_HEADERS = ['When', 'Week', 'Recipient', 'Refs', 'Outcome'] as const;
/** Document property naming the reminder trigger and who scheduled it: {"id", "owner"}. */
export const REMINDER_TRIGGER_KEY = 'reminders.trigger';

const TITLE_SCHEDULE = 'Schedule weekly reminders';
const TITLE_STOP = 'Stop weekly reminders';
const TITLE_SEND = 'Send overdue reminders now';
const TITLE_PREVIEW = 'Preview my reminder';

/** A second run finding the lock taken exits rather than queueing behind the first. */
const LOCK_WAIT_MS = 2000;
/** An execution is stopped at 6 minutes: what is left after this goes with the next run instead. */
const TIME_BUDGET_MS = 4.5 * 60 * 1000;
const QUOTA_ERROR = /too many times for one day: email/i;
const LIST_LIMIT = 20;

export interface ReminderRunResult {
  /**
   * 'busy': another run held the lock; 'idle': a scheduled run with nothing to do today; 'not allowed': the
   * manifest does not let the script send mail.
   */
  readonly status: 'done' | 'busy' | 'idle' | 'not allowed';
  readonly week: IsoDate | null;
  readonly sent: readonly string[];
  readonly deferred: readonly string[];
  readonly failed: readonly string[];
  readonly alreadySent: number;
  /** Why nothing could be sent, for 'not allowed'. */
  readonly reason?: string;
}

const IDLE = (status: 'busy' | 'idle'): ReminderRunResult => ({
  status,
  week: null,
  sent: [],
  deferred: [],
  failed: [],
  alreadySent: 0,
});

/** Said in the execution log, the Reminder log and any alert when the manifest does not allow mail. */
export class MailNotAllowedError extends Error {}

// ---------------------------------------------------------------------------------------------------------
// Entry points

/**
 * Time-driven trigger, daily at the configured hour: works on the configured day, or to send what waited. A run
 * the manifest does not allow to send mail fails, so that Google reports the failure to the trigger's owner.
 */
export function runWeeklyReminders(): void {
  const ss = activeSpreadsheet();
  let result: ReminderRunResult;
  try {
    result = deliverReminders(ss, 'scheduled');
  } catch (error) {
    // Nobody watches a time-driven run: a failure is told to the owner, once that day, and logged.
    reportFailure(ss, error);
    throw error;
  }
  // No Ui in a time-driven execution: the execution log and the Reminder log say what happened.
  console.log(describeResult(result).join(' '));
  if (result.status === 'not allowed') throw new MailNotAllowedError(describeResult(result).join(' '));
}

/**
 * A weekly run that failed: the owner (Settings, else the account the reminders run as) gets one email that day
 * saying what failed and what to do, and the Reminder log a line. Never throws: the run's own error is what
 * Google records.
 */
function reportFailure(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, error: unknown): void {
  try {
    const timeZone = ss.getSpreadsheetTimeZone();
    const today = toIsoDate(new Date(), timeZone);
    const properties = PropertiesService.getScriptProperties();
    const key = `failure.${today}`;
    const reason = errorMessage(error);
    const advice = failureAdvice(error);
    writeLog(ss, [[new Date(), fromIsoDate(weekOf(today), timeZone), 'Weekly run', '', `failed: ${reason}`]]);
    if (properties.getProperty(key) !== null) return;
    const owner = readSettings(ss, timeZone).settings.ownerEmail.trim() || runningUser();
    if (owner === '') return;
    const email = runFailedEmail(reason, advice, formatShortUk(today), ss.getUrl());
    MailApp.sendEmail(owner, email.subject, email.body, { htmlBody: email.htmlBody });
    properties.setProperty(key, new Date().toISOString());
  } catch (notice) {
    console.error(`The weekly run failed, and telling the owner failed too: ${errorMessage(notice)}`);
  }
}

/** What the owner can do about a failed run. */
function failureAdvice(error: unknown): string {
  if (error instanceof RegisterError) {
    return 'Fix what the message names, then choose Action Plan → Send overdue reminders now: nothing was sent.';
  }
  return (
    'Nothing more was sent after the failure; what was sent is in the Reminder log. Tomorrow’s run tries again ' +
    'and carries the week on. If it fails again, the script’s executions (Extensions → Apps Script → ' +
    'Executions) show the details.'
  );
}

/**
 * Menu: installs the daily trigger (replacing the runner's own earlier one) and says when the next digests go.
 * Triggers belong to whoever made them and nobody sees another's, so the scheduler is recorded in document
 * properties: while one editor's reminders are on, another's Schedule says so instead of adding a second run.
 */
export function scheduleReminders(): void {
  guarded(TITLE_SCHEDULE, () => {
    const ui = SpreadsheetApp.getUi();
    const scheduler = otherScheduler();
    if (scheduler !== null) {
      ui.alert(
        TITLE_SCHEDULE,
        `Weekly reminders are already on: ${scheduler} scheduled them, and they run as ${scheduler}. ` +
          'Nothing was changed. To change the day or hour, edit Settings; they apply from the next run.',
        ui.ButtonSet.OK,
      );
      return;
    }
    schedule(ui);
  });
}

function schedule(ui: GoogleAppsScript.Base.Ui): void {
  const ss = activeSpreadsheet();
  const timeZone = ss.getSpreadsheetTimeZone();
  const { settings } = readSettings(ss, timeZone);
  const hour = reminderHour(settings);
  removeReminderTriggers();
  let trigger: GoogleAppsScript.Script.Trigger;
  try {
    // Daily rather than weekly, so a run that met the mail quota finishes the next day.
    trigger = ScriptApp.newTrigger(REMINDER_HANDLER)
      .timeBased()
      .everyDays(1)
      .atHour(hour)
      .inTimezone(timeZone)
      .create();
  } catch (error) {
    if (missingPermission(error)) throw error;
    ui.alert(
      TITLE_SCHEDULE,
      `Weekly reminders could not be scheduled: ${errorMessage(error)}`,
      ui.ButtonSet.OK,
    );
    return;
  }
  recordScheduler({ id: trigger.getUniqueId(), owner: runningUser() });
  const now = new Date();
  const next = nextReminderDay(
    toIsoDate(now, timeZone),
    Number(Utilities.formatDate(now, timeZone, 'H')),
    settings,
  );
  const lines = [
    `Weekly reminders are on. Every ${reminderWeekday(settings)} between ${clock(hour)} and ${clock(hour + 1)} ` +
      `(${timeZone}), each lead officer with actions overdue, coming up or to check gets one email.`,
    `The next reminders go on ${formatLongUk(next)}.`,
    settings.ownerEmail.trim()
      ? `The plan owner (${settings.ownerEmail.trim()}) gets a summary at the same time.`
      : 'No owner email is set in Settings, so nobody gets the weekly summary: add one there.',
    'If the daily email quota runs out, the rest go the next day. Every email is recorded in the Reminder log.',
  ];
  ui.alert(TITLE_SCHEDULE, lines.join('\n\n'), ui.ButtonSet.OK);
}

/**
 * Menu: removes the trigger. Only its creator can: another editor is told who scheduled the reminders, and
 * they keep running.
 */
export function stopReminders(): void {
  guarded(TITLE_STOP, () => {
    const ui = SpreadsheetApp.getUi();
    const scheduler = otherScheduler();
    if (scheduler !== null) {
      ui.alert(
        TITLE_STOP,
        `Weekly reminders were scheduled by ${scheduler}, and only ${scheduler} can stop them: Google lets ` +
          `only the person who scheduled a trigger remove it. They are still on. Ask ${scheduler} to choose ` +
          'Stop weekly reminders.',
        ui.ButtonSet.OK,
      );
      return;
    }
    const removed = removeReminderTriggers();
    PropertiesService.getDocumentProperties().deleteProperty(REMINDER_TRIGGER_KEY);
    ui.alert(
      TITLE_STOP,
      removed > 0
        ? 'Weekly reminders are stopped. No more reminders will be sent until you choose Schedule weekly reminders.'
        : 'Weekly reminders were not scheduled, so there was nothing to stop.',
      ui.ButtonSet.OK,
    );
  });
}

/** Who scheduled the reminders when it was someone else ("another editor" if the script cannot name them), or null. */
function otherScheduler(): string | null {
  const recorded = readRecordedTrigger(PropertiesService.getDocumentProperties(), REMINDER_TRIGGER_KEY);
  if (recorded === null) return null;
  const mine = ScriptApp.getProjectTriggers().filter((t) => t.getHandlerFunction() === REMINDER_HANDLER);
  if (isMine(recorded, mine, runningUser())) return null;
  return recorded.owner === '' ? 'another editor' : recorded.owner;
}

function recordScheduler(trigger: RecordedTrigger): void {
  PropertiesService.getDocumentProperties().setProperty(REMINDER_TRIGGER_KEY, JSON.stringify(trigger));
}

/** Menu: shows how many emails go to whom, and sends this week's reminders only after Yes. */
export function sendRemindersNow(): void {
  guarded(TITLE_SEND, () => confirmAndSend(SpreadsheetApp.getUi(), activeSpreadsheet()));
}

function confirmAndSend(ui: GoogleAppsScript.Base.Ui, ss: GoogleAppsScript.Spreadsheet.Spreadsheet): void {
  const { weekly, plan } = previewWeek(ss);
  const of = (decision: DeliveryDecision) =>
    plan.filter((p) => p.decision === decision).map((p) => p.message.message);
  const going = [...of('retry'), ...of('send')];
  const waiting = of('deferred');
  const alreadySent = of('already sent').length;
  if (going.length === 0 && waiting.length === 0) {
    ui.alert(
      TITLE_SEND,
      alreadySent > 0
        ? `Nothing to send: everyone due a reminder for the week of ${formatShortUk(weekly.week)} has had it.`
        : 'Nothing to send: no officer has actions overdue, coming up or to check.',
      ui.ButtonSet.OK,
    );
    return;
  }
  const lines = [
    `${plural(going.length, 'email')} will go now for the week of ${formatShortUk(weekly.week)}:`,
    listLines(going.map((m) => describeMessage(m, weekly))),
  ];
  if (waiting.length > 0) {
    lines.push(
      `${plural(waiting.length, 'more email')} cannot go today (daily email quota) and will go with the ` +
        `next run: ${waiting.map((m) => m.to).join(', ')}.`,
    );
  }
  if (alreadySent > 0)
    lines.push(`${plural(alreadySent, 'person', 'people')} already had this week's email: not sent again.`);
  const doubt = of('in doubt').map((m) => m.recipient);
  if (doubt.length > 0) {
    lines.push(
      `Not sent again, as a run stopped while sending them (they may have arrived): ${doubt.join(', ')}.`,
    );
  }
  const noEmail = of('no email').map((m) => m.recipient);
  if (noEmail.length > 0) lines.push(`No email address, so nothing can be sent to: ${noEmail.join(', ')}.`);
  lines.push('Send now?');
  if (ui.alert(TITLE_SEND, lines.join('\n\n'), ui.ButtonSet.YES_NO) !== ui.Button.YES) {
    ui.alert(TITLE_SEND, 'Nothing was sent.', ui.ButtonSet.OK);
    return;
  }
  const result = deliverReminders(ss, 'now');
  ui.alert(TITLE_SEND, describeResult(result).join('\n\n'), ui.ButtonSet.OK);
}

/**
 * Menu: emails the person running it, and nobody else, what a reminder looks like: their own digest when they
 * lead overdue or to-check actions, otherwise the digest of the officer with the most due, marked as a sample.
 * A preview is not recorded: it does not count as anyone's reminder for the week.
 */
export function previewMyReminder(): void {
  guarded(TITLE_PREVIEW, () => preview(SpreadsheetApp.getUi()));
}

function preview(ui: GoogleAppsScript.Base.Ui): void {
  const me = Session.getActiveUser().getEmail().trim();
  if (me === '') {
    ui.alert(
      TITLE_PREVIEW,
      'Google did not say which account you are using, so the preview has nowhere to go. Nothing was sent.',
      ui.ButtonSet.OK,
    );
    return;
  }
  const view: RegisterReading = loadRegister(new Workbook());
  const week = weekOf(view.today);
  const weekly = weeklyMessages(view, week);
  const due = weekly.grouping.groups.filter((g) => g.items.length > 0);
  const own = due.find((g) => g.officer.email.trim().toLowerCase() === me.toLowerCase());
  const sample = own ?? [...due].sort((a, b) => b.items.length - a.items.length)[0];
  if (!sample) {
    ui.alert(
      TITLE_PREVIEW,
      'No officer has actions overdue, coming up or to check, so no reminder would go this week. Nothing was sent.',
      ui.ButtonSet.OK,
    );
    return;
  }
  if (MailApp.getRemainingDailyQuota() < 1) {
    ui.alert(
      TITLE_PREVIEW,
      'The daily email quota is used up: try the preview again tomorrow.',
      ui.ButtonSet.OK,
    );
    return;
  }
  const name = sample.officer.name.trim() || sample.officer.initials.trim();
  const banner = own
    ? 'Preview: this is your own reminder as it stands today. It was sent only to you and does not count as ' +
      "this week's reminder."
    : `Preview: you lead no actions overdue, coming up or to check, so this is a sample: the reminder ${name} ` +
      'would get. It was sent only to you.';
  const email = withBanner(buildDigest(sample, { settings: view.settings, week, url: view.url }), banner);
  MailApp.sendEmail(me, `[Preview] ${email.subject}`, email.body, {
    htmlBody: email.htmlBody,
    name: senderName(view.settings.planName),
  });
  ui.alert(
    TITLE_PREVIEW,
    own
      ? `Your reminder (${plural(sample.items.length, 'action')}) was sent to ${me}.`
      : `You lead no actions overdue, coming up or to check, so a sample was sent to ${me}: the reminder ${name} ` +
          `would get (${plural(sample.items.length, 'action')}).`,
    ui.ButtonSet.OK,
  );
}

// ---------------------------------------------------------------------------------------------------------
// The run

/** The Outcome column of the Reminder log. */
const OUTCOME: Readonly<Record<DeliveryDecision | 'sent' | 'time' | 'quota' | 'failed', string>> = {
  send: 'sent',
  retry: 'sent',
  sent: 'sent',
  'already sent': 'skipped: already sent',
  'in doubt': 'not sent again: a run stopped while sending it (the owner is told)',
  'given up': 'not sent: it failed too often (the owner is told)',
  deferred: 'deferred: quota',
  'nothing due': 'skipped: nothing due',
  'no email': 'failed: no email address',
  time: 'deferred: time limit',
  quota: 'deferred: quota',
  failed: 'failed',
};

/** A week's message as delivery sees it. */
interface Outgoing extends Deliverable {
  readonly message: WeeklyMessage;
}

/**
 * One run under the script lock. 'scheduled' (the trigger) starts the week on the configured day and carries an
 * unfinished week on the days after it (a run that died, or met the quota or the time limit); 'now' (the menu)
 * sends whatever this week still owes.
 */
export function deliverReminders(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  mode: 'scheduled' | 'now',
): ReminderRunResult {
  return whileHolding(
    LockService.getScriptLock(),
    LOCK_WAIT_MS,
    () => {
      const properties = PropertiesService.getScriptProperties();
      const stored = properties.getProperties();
      const timeZone = ss.getSpreadsheetTimeZone();
      const today = toIsoDate(new Date(), timeZone);
      const week = weekOf(today);
      // Settings alone decide whether a scheduled run has work: the register is read only when it has.
      const open = openWeeks(stored).includes(week);
      if (mode === 'scheduled' && !open && !isReminderDay(today, readSettings(ss, timeZone).settings)) {
        return IDLE('idle');
      }
      const view = refreshStatuses(new Workbook(ss));
      const weekly = weeklyMessages(view, week);
      try {
        MailApp.getRemainingDailyQuota();
      } catch (error) {
        const missing = missingPermission(error);
        if (!missing) throw error;
        return refusedRun(ss, view, week, permissionMessage(missing));
      }
      const result = deliverWeek(ss, properties, stored, weekly, view);
      for (const stale of staleProperties(properties.getProperties(), [week, weekOf(addDays(today, -7))])) {
        properties.deleteProperty(stale);
      }
      return result;
    },
    () => IDLE('busy'),
  );
}

/** Sends what the week owes, recording each message's state before and after its send. */
function deliverWeek(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  properties: GoogleAppsScript.Properties.Properties,
  stored: Record<string, string>,
  weekly: WeeklyMessages,
  view: RegisterView,
): ReminderRunResult {
  const { week } = weekly;
  const started = Date.now();
  const states = statesOf(stored, week);
  properties.setProperty(weekProperty(week), 'open');
  const outgoing = outgoingOf(weekly);
  const plan = planDelivery(outgoing, states, MailApp.getRemainingDailyQuota());
  const log: unknown[][] = [];
  const weekCell = fromIsoDate(week, view.timeZone);
  const record = (message: WeeklyMessage, outcome: string): void => {
    log.push([new Date(), weekCell, message.recipient, message.refs.join(', '), outcome]);
  };
  const sent: string[] = [];
  const deferred: string[] = [];
  const failed: string[] = [];
  const setState = (key: string, state: DeliveryState): void => {
    states.set(key, state);
    properties.setProperty(deliveryProperty(week, key), formatState(state));
  };
  try {
    for (const { message: item, decision } of plan) {
      const message = item.message;
      if (decision !== 'send' && decision !== 'retry') {
        record(message, OUTCOME[decision]);
        if (decision === 'deferred') deferred.push(message.to);
        continue;
      }
      if (Date.now() - started > TIME_BUDGET_MS || MailApp.getRemainingDailyQuota() < recipientCount(item)) {
        record(message, Date.now() - started > TIME_BUDGET_MS ? OUTCOME.time : OUTCOME.quota);
        deferred.push(message.to);
        continue;
      }
      const previous = states.get(message.key);
      // Written before the send: a run that dies before "sent" leaves this, and nobody sends it again.
      setState(message.key, { kind: 'sending', at: new Date().toISOString() });
      const outcome = send(message, view.settings.planName, view.settings.ownerEmail);
      if (outcome === null) {
        setState(message.key, { kind: 'sent', at: new Date().toISOString() });
        sent.push(message.to);
        record(message, OUTCOME.sent);
      } else if (QUOTA_ERROR.test(outcome)) {
        if (previous) setState(message.key, previous);
        else {
          states.delete(message.key);
          properties.deleteProperty(deliveryProperty(week, message.key));
        }
        deferred.push(message.to);
        record(message, OUTCOME.quota);
      } else {
        setState(message.key, afterFailure(previous, outcome));
        failed.push(`${message.recipient}: ${outcome}`);
        record(message, `${OUTCOME.failed}: ${outcome}`);
      }
    }
    tellOwner(weekly, states, view, setState, record);
  } finally {
    writeLog(ss, log);
  }
  const left = planDelivery(outgoing, states, Number.MAX_SAFE_INTEGER);
  if (weekSettled(left)) properties.setProperty(weekProperty(week), 'done');
  return {
    status: 'done',
    week,
    sent,
    deferred,
    failed,
    alreadySent: plan.filter((p) => p.decision === 'already sent').length,
  };
}

/**
 * The owner hears of every message that may have gone (a run stopped mid-send) or could not go (failed too
 * often), once: in a short email of its own, sent as soon as the quota allows.
 */
function tellOwner(
  weekly: WeeklyMessages,
  states: ReadonlyMap<string, DeliveryState>,
  view: RegisterView,
  setState: (key: string, state: DeliveryState) => void,
  record: (message: WeeklyMessage, outcome: string) => void,
): void {
  const owner = view.settings.ownerEmail.trim();
  const recipientOf = (key: string): string => weekly.messages.find((m) => m.key === key)?.recipient ?? key;
  const problems = untoldProblems(states, recipientOf);
  if (owner === '' || problems.length === 0 || MailApp.getRemainingDailyQuota() < 1) return;
  const email = deliveryProblemsEmail(problems, weekly.week, view.url);
  MailApp.sendEmail(owner, email.subject, email.body, {
    htmlBody: email.htmlBody,
    name: senderName(view.settings.planName),
  });
  for (const p of problems) {
    const state = states.get(p.key);
    if (state) setState(p.key, told(state));
  }
  record(
    {
      key: 'problems',
      kind: 'summary',
      to: owner,
      recipient: `${owner} (delivery problems)`,
      refs: [],
      email,
    },
    OUTCOME.sent,
  );
}

/** Mail is not allowed at all: every message due is logged as not sent, with the reason. */
function refusedRun(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  view: RegisterView,
  week: IsoDate,
  reason: string,
): ReminderRunResult {
  const weekCell = fromIsoDate(week, view.timeZone);
  const outcome = `${OUTCOME.failed}: ${reason}`;
  writeLog(
    ss,
    weeklyMessages(view, week).messages.map((m) => [
      new Date(),
      weekCell,
      m.recipient,
      m.refs.join(', '),
      outcome,
    ]),
  );
  return { ...IDLE('idle'), status: 'not allowed', week, reason };
}

/** Sends one message: null when MailApp took it, else MailApp's reason. One failure never stops the others. */
function send(message: WeeklyMessage, planName: string, ownerEmail: string): string | null {
  const email = message.email;
  if (email === null) return null;
  const options: GoogleAppsScript.Mail.MailAdvancedParameters = {
    htmlBody: email.htmlBody,
    name: senderName(planName),
  };
  // Officers' replies go to the plan owner rather than to whoever installed the trigger.
  if (message.kind === 'digest' && ownerEmail.trim() !== '') options.replyTo = ownerEmail.trim();
  if (message.cc) options.cc = message.cc;
  if (message.kind === 'summary' && email.htmlBody.includes(`cid:${STATUS_CHART_CID}`)) {
    const chart = statusChartBlob(activeSpreadsheet());
    if (chart) options.inlineImages = { [STATUS_CHART_CID]: chart };
  }
  try {
    MailApp.sendEmail(message.to, email.subject, email.body, options);
    return null;
  } catch (error) {
    return errorMessage(error).replace(/\s+/g, ' ').trim() || 'unknown error';
  }
}

/** Appends the run's rows to the Reminder log: one setValues (and one setNumberFormats) per run. */
function writeLog(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, rows: unknown[][]): void {
  if (rows.length === 0) return;
  const isNew = ss.getSheetByName(SHEET.reminderLog) === null;
  const sheet = ensureSheet(ss, SHEET.reminderLog, REMINDER_LOG_HEADERS);
  if (isNew)
    sheet.setColumnWidth(1, 140).setColumnWidth(3, 260).setColumnWidth(4, 200).setColumnWidth(5, 220);
  // Plain text for recipient, refs and outcome: a lone ref such as "1.1" must not become a number.
  appendRows(sheet, rows, ['dd mmm yyyy hh:mm', 'dd mmm yyyy', '@', '@', '@']);
}

/** What this week's run would do now: the messages and each one's decision, given what the record holds. */
function previewWeek(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): {
  weekly: WeeklyMessages;
  plan: PlannedDelivery<Outgoing>[];
} {
  const view = loadRegister(new Workbook(ss));
  const weekly = weeklyMessages(view, weekOf(view.today));
  const states = statesOf(PropertiesService.getScriptProperties().getProperties(), weekly.week);
  return { weekly, plan: planDelivery(outgoingOf(weekly), states, MailApp.getRemainingDailyQuota()) };
}

/** The week's messages as delivery sees them: every address a message costs, and whether it owes anything. */
function outgoingOf(weekly: WeeklyMessages): Outgoing[] {
  return weekly.messages.map((message) => ({
    key: message.key,
    kind: message.kind,
    to: [message.to, message.cc ?? ''].filter((a) => a.trim() !== '').join(','),
    due: message.email !== null,
    message,
  }));
}

function removeReminderTriggers(): number {
  let removed = 0;
  for (const trigger of ScriptApp.getProjectTriggers()) {
    if (trigger.getHandlerFunction() === REMINDER_HANDLER) {
      ScriptApp.deleteTrigger(trigger);
      removed++;
    }
  }
  return removed;
}

// ---------------------------------------------------------------------------------------------------------
// Wording

function describeMessage(message: WeeklyMessage, weekly: WeeklyMessages): string {
  if (message.kind === 'summary') return `${message.to}: the plan owner's summary`;
  const group: LeadGroup | undefined = weekly.grouping.groups.find((g) => `digest:${g.key}` === message.key);
  if (!group) return message.to;
  return `${group.officer.name.trim() || group.officer.initials.trim()} (${message.to}): ${kindCounts(group.items)}`;
}

function listLines(lines: readonly string[]): string {
  const shown = lines.slice(0, LIST_LIMIT).map((l) => `• ${l}`);
  if (lines.length > LIST_LIMIT) shown.push(`… and ${lines.length - LIST_LIMIT} more.`);
  return shown.join('\n');
}

function describeResult(result: ReminderRunResult): string[] {
  if (result.status === 'busy') {
    return [
      'Reminders are being sent by another run at this moment: nothing was sent. Try again in a few minutes.',
    ];
  }
  if (result.status === 'idle') return ['Not the reminder day and nothing waiting: nothing to do.'];
  if (result.status === 'not allowed') return [`No reminders were sent. ${result.reason ?? ''}`.trim()];
  const lines = [
    result.sent.length > 0
      ? `Sent ${plural(result.sent.length, 'email')} for the week of ${formatShortUk(result.week ?? '')}.`
      : 'No emails were sent.',
  ];
  if (result.deferred.length > 0) {
    lines.push(
      `${plural(result.deferred.length, 'email')} could not go today and will go with the next run: ` +
        `${result.deferred.join(', ')}.`,
    );
  }
  if (result.failed.length > 0) lines.push(`Failed: ${result.failed.join('; ')}.`);
  if (result.alreadySent > 0)
    lines.push(`${plural(result.alreadySent, 'person')} already had this week's email.`);
  lines.push('Details are in the Reminder log sheet.');
  return lines;
}

function withBanner(email: EmailContent, banner: string): EmailContent {
  const escaped = escapeHtml(banner);
  return {
    subject: email.subject,
    htmlBody:
      `<p style="font-family:Arial,sans-serif;background:#fff2cc;padding:8px;border:1px solid #f1c232">${escaped}</p>\n` +
      email.htmlBody,
    body: `${banner}\n\n${email.body}`,
  };
}

function senderName(planName: string): string {
  return planName.trim() || 'Action plan register';
}

function clock(hour: number): string {
  return `${String(hour % 24).padStart(2, '0')}:00`;
}
