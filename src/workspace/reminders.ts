/**
 * Weekly overdue digests: the daily trigger, the menu actions and the send loop. The core decides who gets
 * what; this file reads, sends, records and logs.
 *
 * Never twice: each message sent is recorded in script properties straight after MailApp accepts it and
 * before the next send, so a run that dies part-way cannot send it again. The Reminder log sheet is written
 * once per run (one setValues, in a finally block), because a sheet write per message would cost a round trip
 * each; the properties record, not the log, is what stops a second send.
 */
import { formatLongUk, formatShortUk, fromIsoDate, toIsoDate } from '../core/dates';
import {
  DEFERRED_PROPERTY,
  OUTCOMES,
  buildDigest,
  escapeHtml,
  failedOutcome,
  formatDeferred,
  isReminderDay,
  nextReminderDay,
  parseDeferred,
  planSends,
  plannedOutcome,
  recipientCount,
  reminderHour,
  reminderWeekday,
  sentKeys,
  sentProperty,
  staleSentProperties,
  weekOf,
  weeklyMessages,
  type EmailContent,
  type LeadGroup,
  type SendPlan,
  type WeeklyMessage,
  type WeeklyMessages,
} from '../core/digest';
import type { IsoDate } from '../core/model';
import { missingPermission, permissionMessage } from '../core/permissions';
import { plural } from '../core/text';
import { guarded, runningUser } from './messages';
import { loadRegister, refreshStatuses, type RegisterReading } from './register';
import type { RegisterView } from './registerView';
import { readSettings } from './settings';
import { SHEET, activeSpreadsheet, appendRows, ensureSheet } from './sheets';
import { isMine, readRecordedTrigger, type RecordedTrigger } from './setup';
import { Workbook } from './workbook';

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
  const result = deliverReminders(activeSpreadsheet(), 'scheduled');
  // No Ui in a time-driven execution: the execution log and the Reminder log say what happened.
  console.log(describeResult(result).join(' '));
  if (result.status === 'not allowed') throw new MailNotAllowedError(describeResult(result).join(' '));
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
    ui.alert(TITLE_SCHEDULE, `Weekly reminders could not be scheduled: ${messageOf(error)}`, ui.ButtonSet.OK);
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
      `(${timeZone}), each lead officer with overdue actions or actions to check gets one email.`,
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
  const alreadySent = plan.entries.filter((e) => e.decision === 'already sent').length;
  if (plan.send.length === 0 && plan.deferred.length === 0) {
    ui.alert(
      TITLE_SEND,
      alreadySent > 0
        ? `Nothing to send: everyone due a reminder for the week of ${formatShortUk(weekly.week)} has had it.`
        : 'Nothing to send: no officer has overdue actions or actions to check.',
      ui.ButtonSet.OK,
    );
    return;
  }
  const lines = [
    `${plural(plan.send.length, 'email')} will go now for the week of ${formatShortUk(weekly.week)}:`,
    listLines(plan.send.map((m) => describeMessage(m, weekly))),
  ];
  if (plan.deferred.length > 0) {
    lines.push(
      `${plural(plan.deferred.length, 'more email')} cannot go today (daily email quota) and will go with the ` +
        `next run: ${plan.deferred.map((m) => m.to).join(', ')}.`,
    );
  }
  if (alreadySent > 0)
    lines.push(`${plural(alreadySent, 'person', 'people')} already had this week's email: not sent again.`);
  const noEmail = plan.entries.filter((e) => e.decision === 'no email').map((e) => e.message.recipient);
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
      'No officer has overdue actions or actions to check, so no reminder would go this week. Nothing was sent.',
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
    : `Preview: you lead no overdue actions or actions to check, so this is a sample: the reminder ${name} ` +
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
      : `You lead no overdue actions or actions to check, so a sample was sent to ${me}: the reminder ${name} ` +
          `would get (${plural(sample.items.length, 'action')}).`,
    ui.ButtonSet.OK,
  );
}

// ---------------------------------------------------------------------------------------------------------
// The run

/**
 * One run under the script lock. 'scheduled' (the trigger) works only on the configured day, or to send what
 * an earlier run deferred; 'now' (the menu) sends whatever this week still lacks.
 */
export function deliverReminders(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  mode: 'scheduled' | 'now',
): ReminderRunResult {
  const lock = LockService.getScriptLock();
  if (!lock.tryLock(LOCK_WAIT_MS)) return IDLE('busy');
  const started = Date.now();
  try {
    const properties = PropertiesService.getScriptProperties();
    const stored = properties.getProperties();
    const deferredBefore = parseDeferred(stored[DEFERRED_PROPERTY]);
    const timeZone = ss.getSpreadsheetTimeZone();
    let week: IsoDate | null = null;
    let only: readonly string[] | undefined;
    if (mode === 'scheduled') {
      const today = toIsoDate(new Date(), timeZone);
      // Settings alone decide whether today is a working day: the register is read only when it is.
      if (isReminderDay(today, readSettings(ss, timeZone).settings)) week = weekOf(today);
      else if (deferredBefore) {
        week = deferredBefore.week;
        only = deferredBefore.keys;
      } else return IDLE('idle');
    }

    const view = refreshStatuses(new Workbook(ss));
    week ??= weekOf(view.today);
    let plan: SendPlan;
    try {
      ({ plan } = planWeek(view, week, stored, only));
    } catch (error) {
      const missing = missingPermission(error);
      if (!missing) throw error;
      return refusedRun(ss, view, week, permissionMessage(missing));
    }

    const log: unknown[][] = [];
    const sent: string[] = [];
    const deferred: WeeklyMessage[] = [];
    const failed: string[] = [];
    const weekCell = fromIsoDate(week, timeZone);
    const record = (message: WeeklyMessage, outcome: string): void => {
      log.push([new Date(), weekCell, message.recipient, message.refs.join(', '), outcome]);
    };
    try {
      for (const { message, decision } of plan.entries) {
        if (decision !== 'send') {
          record(message, plannedOutcome(decision));
          if (decision === 'deferred') deferred.push(message);
          continue;
        }
        if (Date.now() - started > TIME_BUDGET_MS) {
          record(message, OUTCOMES.deferredTime);
          deferred.push(message);
          continue;
        }
        // Checked before every send: another execution may have used the quota since the plan was made.
        if (MailApp.getRemainingDailyQuota() < recipientCount(message)) {
          record(message, OUTCOMES.deferredQuota);
          deferred.push(message);
          continue;
        }
        const outcome = send(message, view.settings.planName, view.settings.ownerEmail);
        if (outcome === OUTCOMES.sent) {
          properties.setProperty(sentProperty(week, message.key), new Date().toISOString());
          sent.push(message.to);
        } else if (outcome === OUTCOMES.deferredQuota) deferred.push(message);
        else failed.push(`${message.recipient}: ${outcome.replace(/^failed: /, '')}`);
        record(message, outcome);
      }
    } finally {
      writeLog(ss, log);
      saveDeferred(properties, week, deferred, deferredBefore?.week ?? null);
      const keep = [week, weekOf(toIsoDate(new Date(), timeZone))];
      for (const stale of staleSentProperties(stored, keep)) properties.deleteProperty(stale);
    }
    return {
      status: 'done',
      week,
      sent,
      deferred: deferred.map((m) => m.to),
      failed,
      alreadySent: plan.entries.filter((e) => e.decision === 'already sent').length,
    };
  } finally {
    lock.releaseLock();
  }
}

/** Mail is not allowed at all: every message due is logged as not sent, with the reason. */
function refusedRun(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  view: RegisterView,
  week: IsoDate,
  reason: string,
): ReminderRunResult {
  const weekCell = fromIsoDate(week, view.timeZone);
  const outcome = failedOutcome(reason);
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

/** Sends one message; the outcome for the log. One officer's failure never stops the others. */
function send(message: WeeklyMessage, planName: string, ownerEmail: string): string {
  const email = message.email;
  if (email === null) return OUTCOMES.nothingDue;
  const options: GoogleAppsScript.Mail.MailAdvancedParameters = {
    htmlBody: email.htmlBody,
    name: senderName(planName),
  };
  // Officers' replies go to the plan owner rather than to whoever installed the trigger.
  if (message.kind === 'digest' && ownerEmail.trim() !== '') options.replyTo = ownerEmail.trim();
  if (message.cc) options.cc = message.cc;
  try {
    MailApp.sendEmail(message.to, email.subject, email.body, options);
    return OUTCOMES.sent;
  } catch (error) {
    return QUOTA_ERROR.test(messageOf(error)) ? OUTCOMES.deferredQuota : failedOutcome(messageOf(error));
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

/** What still waits goes with the next run; a new week's run supersedes an older week's waiting digests. */
function saveDeferred(
  properties: GoogleAppsScript.Properties.Properties,
  week: IsoDate,
  deferred: readonly WeeklyMessage[],
  previousWeek: IsoDate | null,
): void {
  if (deferred.length > 0) {
    properties.setProperty(DEFERRED_PROPERTY, formatDeferred({ week, keys: deferred.map((m) => m.key) }));
  } else if (previousWeek !== null) {
    properties.deleteProperty(DEFERRED_PROPERTY);
  }
}

function previewWeek(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): {
  weekly: WeeklyMessages;
  plan: SendPlan;
} {
  const view = loadRegister(new Workbook(ss));
  return planWeek(view, weekOf(view.today), PropertiesService.getScriptProperties().getProperties());
}

/** This week's messages and which of them go now, given what the script properties record as sent. */
function planWeek(
  view: RegisterView,
  week: IsoDate,
  stored: Record<string, string>,
  only?: readonly string[],
): { weekly: WeeklyMessages; plan: SendPlan } {
  const deferredBefore = parseDeferred(stored[DEFERRED_PROPERTY]);
  const weekly = weeklyMessages(view, week);
  const plan = planSends({
    messages: weekly.messages,
    alreadySent: sentKeys(stored, week),
    deferred: deferredBefore?.week === week ? deferredBefore.keys : [],
    remainingQuota: MailApp.getRemainingDailyQuota(),
    only,
  });
  return { weekly, plan };
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
  const overdue = group.items.filter((i) => i.status === 'overdue').length;
  const check = group.items.length - overdue;
  const counts = [overdue ? `${overdue} overdue` : '', check ? `${check} to check` : ''].filter(Boolean);
  return `${group.officer.name.trim() || group.officer.initials.trim()} (${message.to}): ${counts.join(', ')}`;
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

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
