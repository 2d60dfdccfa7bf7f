/**
 * The weekly overdue digests: one email per lead officer listing their Overdue and Check Progress actions, the
 * plan owner's summary, and the send plan that keeps every digest to once a week within the mail quota.
 * Pure: the adapter reads the register and properties, sends, and logs.
 */
import { addDays, daysBetween, formatShortUk, mondayOf, weekdayOf } from './dates';
import { plural } from './text';
import type { Action, IsoDate, Officer, Settings, StatusKey } from './model';
import { STATUS_KEYS } from './model';
import { officerIndex, resolveLeads } from './officers';
import type { ActionExtensions } from './extensions';
import { isPastLimit } from './extensions';
import type { PaperComparison } from './snapshots';
import type { SignOffEntry } from './signoff';
import type { StatusDecision } from './status';
import { isStale } from './status';
import { escalationOf, managerChain } from './escalation';
import type { Escalation } from './escalation';

/** What the digests are built from: a RegisterView after a status refresh has this shape. */
export interface DigestInput {
  readonly actions: readonly Action[];
  readonly decisions: readonly StatusDecision[];
  readonly officers: readonly Officer[];
  readonly settings: Settings;
  readonly today: IsoDate;
  /** Link to the register, given in every email. */
  readonly url: string;
  /** Per action, in the same order, its row of the Register: each action in an email links to its row. */
  readonly rows?: readonly number[];
  /** Per action, in the same order, the completion awaiting the owner's sign-off, if any. */
  readonly pendingSignOffs?: readonly (SignOffEntry | null)[];
  /** Per action, in the same order, what the Extensions ledger holds: flags actions past the extension limit. */
  readonly extensions?: readonly ActionExtensions[];
  /** This register against the last paper's snapshot (comparePapers): lists open actions with no update. */
  readonly comparison?: PaperComparison | null;
  /** True when the Dashboard has its status chart: the owner's summary shows it inline (cid:statusChart). */
  readonly statusChart?: boolean;
}

// ---------------------------------------------------------------------------------------------------------
// Weeks and reminder days

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

/** The week a day belongs to, named by its Monday: digests are counted once per week of this name. */
export function weekOf(day: IsoDate): IsoDate {
  return mondayOf(day);
}

/** The weekday a setting names ("Monday", "mon", "MONDAY"), 0 for Sunday; null when it names none. */
export function weekdayNumber(name: string): number | null {
  const wanted = name.trim().toLowerCase();
  if (wanted.length < 3) return null;
  const index = WEEKDAYS.findIndex((d) => d.toLowerCase().startsWith(wanted));
  return index === -1 ? null : index;
}

/** The English name of the configured reminder day, falling back to Monday when the setting is not a day. */
export function reminderWeekday(settings: Settings): string {
  return WEEKDAYS[weekdayNumber(settings.reminderDay) ?? 1];
}

/** The configured hour, kept within 0-23 (default 8). */
export function reminderHour(settings: Settings): number {
  const hour = Math.floor(Number(settings.reminderHour));
  return Number.isFinite(hour) && hour >= 0 && hour <= 23 ? hour : 8;
}

export function isReminderDay(today: IsoDate, settings: Settings): boolean {
  return weekdayOf(today) === (weekdayNumber(settings.reminderDay) ?? 1);
}

/**
 * The day the weekly run next does its work: today while the configured hour is still to come, else the
 * next configured weekday. The daily trigger fires some time within the configured hour.
 */
export function nextReminderDay(today: IsoDate, hourNow: number, settings: Settings): IsoDate {
  const target = weekdayNumber(settings.reminderDay) ?? 1;
  let ahead = (target - weekdayOf(today) + 7) % 7;
  if (ahead === 0 && hourNow >= reminderHour(settings)) ahead = 7;
  return addDays(today, ahead);
}

// ---------------------------------------------------------------------------------------------------------
// Grouping actions by lead

/** Overdue; due within Settings' coming-up window (a reminder before the date); or to check for another reason. */
export type DueStatus = 'overdue' | 'comingUp' | 'check';

/**
 * The link to one row of a sheet: the sheet's link (which names its gid) with the row's range, as Sheets'
 * "Get link to this range" makes it: ...edit#gid=<sheet id>&range=A<row>.
 */
export function rowLink(sheetUrl: string, row: number): string | null {
  const url = sheetUrl.trim();
  if (!/^https?:\/\/[^#]+#gid=\d+$/i.test(url) || !Number.isInteger(row) || row < 1) return null;
  return `${url}&range=A${row}`;
}

/** One action as it appears in a digest. */
export interface DueItem {
  readonly ref: string;
  /** Its row of the Register, and the link to that row; null when not known. */
  readonly row: number | null;
  readonly link: string | null;
  readonly action: string;
  readonly kloe: string;
  readonly status: DueStatus;
  readonly dueDate: IsoDate | null;
  /** Whole days past the due date; 0 unless overdue. */
  readonly daysOverdue: number;
  /** Why it is listed, in plain English: "12 days overdue", "Due in 5 days", "No progress update since ...". */
  readonly why: string;
  readonly progress: string;
  readonly progressDate: IsoDate | null;
  /** The Lead cell as written. */
  readonly lead: string;
  /** Everyone the Lead cell names: officers' names, and unknown parts as written. */
  readonly leadNames: readonly string[];
  /** For the lead whose digest this is: how far it has been escalated; null when it has not. */
  readonly escalation: Escalation | null;
  /** The day its completion was proposed, while that waits for the owner's sign-off; else null. */
  readonly awaitingSignOff: IsoDate | null;
}

/** Everything one officer leads that is still open, and which of it is due for their digest. */
export interface LeadGroup {
  /** Identifies the recipient across runs: the email address (lower case), else the initials. */
  readonly key: string;
  readonly officer: Officer;
  /** Overdue first (longest overdue first), then the ones coming up, then the ones to check (soonest due first). */
  readonly items: readonly DueItem[];
  /** Refs of every open action they lead, due or not. */
  readonly openRefs: readonly string[];
  /** Addresses of the managers this week's digest copies in: actions that reached a new escalation level. */
  readonly cc: readonly string[];
}

export interface UnknownLead {
  /** The part of the Lead cell that matches no officer, as first written. */
  readonly lead: string;
  readonly refs: readonly string[];
}

export interface Grouping {
  /** Officers leading at least one open action, in the order of the Officers sheet. */
  readonly groups: readonly LeadGroup[];
  /** Lead cell parts naming no officer: nobody gets these actions in a digest. */
  readonly unknownLeads: readonly UnknownLead[];
  /** Open actions with a blank Lead cell. */
  readonly noLead: readonly { readonly ref: string; readonly action: string }[];
}

/** The key a recipient is remembered by: the same person is the same key in every run of the week. */
export function officerKey(officer: Officer): string {
  const email = officer.email.trim().toLowerCase();
  if (email !== '') return email;
  return `initials:${(officer.initials.trim() || officer.name.trim()).toLowerCase()}`;
}

/** Where an open action stands in a digest, or null when it is not due for one. */
function dueStatusOf(decision: StatusDecision, today: IsoDate, settings: Settings): DueStatus | null {
  if (decision.key === 'overdue') return 'overdue';
  if (decision.key === 'completed' || decision.key === 'closed') return null;
  const due = decision.dueDate;
  if (due !== null && due >= today && daysBetween(today, due) <= settings.comingUpDays) return 'comingUp';
  return decision.key === 'check' ? 'check' : null;
}

interface ItemContext {
  readonly today: IsoDate;
  readonly settings: Settings;
  readonly leadNames: readonly string[];
  readonly row: number | null;
  readonly url: string;
  readonly pending: SignOffEntry | null;
}

function whyListed(action: Action, status: DueStatus, due: IsoDate | null, context: ItemContext): string {
  const { today, settings } = context;
  if (status === 'overdue') return `${plural(Math.max(0, daysBetween(due ?? today, today)), 'day')} overdue`;
  const soon = status === 'comingUp' ? settings.comingUpDays : settings.checkWindowDays;
  if (due !== null && due >= today && daysBetween(today, due) <= soon) {
    const days = daysBetween(today, due);
    return days === 0 ? 'Due today' : `Due in ${plural(days, 'day')}`;
  }
  if (action.lastUpdated !== null && isStale(action, settings, today))
    return `No progress update since ${formatShortUk(action.lastUpdated)}`;
  if (due === null && action.timescale.trim() !== '')
    return 'The timescale could not be read as a date: please confirm a due date';
  if (due === null) return 'No due date and no progress yet: please confirm the timescale';
  return 'Please check progress';
}

function dueItem(action: Action, decision: StatusDecision, status: DueStatus, context: ItemContext): DueItem {
  const due = decision.dueDate;
  const daysOverdue = status === 'overdue' && due !== null ? Math.max(0, daysBetween(due, context.today)) : 0;
  return {
    ref: action.ref,
    row: context.row,
    link: context.row === null ? null : rowLink(context.url, context.row),
    action: action.action,
    kloe: action.kloe,
    status,
    dueDate: due,
    daysOverdue,
    why: whyListed(action, status, due, context),
    progress: action.progress.trim(),
    progressDate: action.lastUpdated,
    lead: action.lead,
    leadNames: context.leadNames,
    escalation: null,
    awaitingSignOff: context.pending?.when ?? null,
  };
}

const RANK: Readonly<Record<DueStatus, number>> = { overdue: 0, comingUp: 1, check: 2 };

function byUrgency(a: DueItem, b: DueItem): number {
  if (a.status !== b.status) return RANK[a.status] - RANK[b.status];
  if (a.status === 'overdue') return b.daysOverdue - a.daysOverdue;
  if (a.dueDate === b.dueDate) return 0;
  if (a.dueDate === null) return 1;
  if (b.dueDate === null) return -1;
  return a.dueDate < b.dueDate ? -1 : 1;
}

/** The item as one lead's digest shows it: an overdue action past the escalation weeks reaches up their chain. */
function forLead(item: DueItem, chain: readonly Officer[], settings: Settings): DueItem {
  if (item.status !== 'overdue') return item;
  return { ...item, escalation: escalationOf(item.daysOverdue, chain, settings) };
}

/** The managers a lead's digest copies in this week, each address once. */
function copiedIn(items: readonly DueItem[], lead: Officer): string[] {
  const own = lead.email.trim().toLowerCase();
  const addresses = items.flatMap((i) =>
    i.escalation?.copiedNow && i.escalation.manager ? [i.escalation.manager.email.trim()] : [],
  );
  const seen = new Set<string>();
  return addresses.filter((a) => {
    const key = a.toLowerCase();
    if (a === '' || key === own || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

interface Gathered {
  officer: Officer;
  items: DueItem[];
  openRefs: string[];
  rows: Set<number>;
}

/**
 * Groups the open actions by lead officer. An action with several leads is in each of their digests; parts
 * of a Lead cell that name no officer, and actions with no lead at all, are kept for the owner's summary. An
 * action whose completion awaits the owner's sign-off asks nothing more of its lead: it is in no digest.
 */
export function groupByLead(input: DigestInput): Grouping {
  const index = officerIndex(input.officers);
  const groups = new Map<string, Gathered>();
  // Officers sheet order decides digest order, so it is stable from week to week.
  const order = new Map<string, number>();
  input.officers.forEach((o, i) => {
    if (!order.has(officerKey(o))) order.set(officerKey(o), i);
  });
  const unknown = new Map<string, { lead: string; refs: string[] }>();
  const noLead: { ref: string; action: string }[] = [];

  input.actions.forEach((action, i) => {
    const decision = input.decisions[i];
    if (!decision || decision.key === 'completed') return;
    const { officers, unknown: unknownParts } = resolveLeads(action.lead, index);
    if (officers.length === 0 && unknownParts.length === 0) {
      noLead.push({ ref: action.ref, action: action.action });
      return;
    }
    for (const part of unknownParts) {
      const k = part.toLowerCase().replace(/\s+/g, ' ');
      const entry = unknown.get(k) ?? { lead: part, refs: [] };
      if (!entry.refs.includes(action.ref)) entry.refs.push(action.ref);
      unknown.set(k, entry);
    }
    const leadNames = [...officers.map((o) => o.name.trim() || o.initials.trim()), ...unknownParts];
    const pending = input.pendingSignOffs?.[i] ?? null;
    const status = pending === null ? dueStatusOf(decision, input.today, input.settings) : null;
    const item =
      status === null
        ? null
        : dueItem(action, decision, status, {
            today: input.today,
            settings: input.settings,
            leadNames,
            row: input.rows?.[i] ?? null,
            url: input.url,
            pending,
          });
    for (const officer of officers) {
      const k = officerKey(officer);
      const group = groups.get(k) ?? { officer, items: [], openRefs: [], rows: new Set<number>() };
      groups.set(k, group);
      // Two officer rows sharing one address are one recipient: list each action once.
      if (group.rows.has(i)) continue;
      group.rows.add(i);
      group.openRefs.push(action.ref);
      if (item) group.items.push(item);
    }
  });

  return {
    groups: [...groups.entries()]
      .sort(([a], [b]) => (order.get(a) ?? 0) - (order.get(b) ?? 0))
      .map(([key, g]) => {
        const chain = managerChain(g.officer, index);
        const items = g.items.map((item) => forLead(item, chain, input.settings)).sort(byUrgency);
        return { key, officer: g.officer, items, openRefs: g.openRefs, cc: copiedIn(items, g.officer) };
      }),
    unknownLeads: [...unknown.values()],
    noLead,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Wording

export interface EmailContent {
  readonly subject: string;
  readonly htmlBody: string;
  /** The plain-text alternative. */
  readonly body: string;
}

/** Every value from the sheet goes through this before it reaches an HTML body. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Only web links become hrefs: a register URL is never a javascript: or data: link. */
function safeHref(url: string): string | null {
  return /^https?:\/\//i.test(url.trim()) ? escapeHtml(url.trim()) : null;
}

/** Multi-line sheet text as HTML: escaped, line breaks kept. */
function htmlText(text: string): string {
  return escapeHtml(text).replace(/\r?\n/g, '<br>');
}

const PROGRESS_LIMIT = 500;

/** The progress text, shortened for an email: the register holds the full text. */
export function shortProgress(progress: string): string {
  const text = progress.trim();
  if (text.length <= PROGRESS_LIMIT) return text;
  const cut = text.slice(0, PROGRESS_LIMIT);
  const space = cut.lastIndexOf(' ');
  return `${(space > PROGRESS_LIMIT * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

function dateText(day: IsoDate | null): string {
  return day === null ? 'not set' : formatShortUk(day);
}

/** "Action plan: 2 actions overdue, 1 coming up, 1 to check (week of 23 Nov 2026)". */
export function digestSubject(overdue: number, check: number, week: IsoDate, comingUp = 0): string {
  const parts: string[] = [];
  const counted = (n: number, what: string): string =>
    parts.length > 0 ? `${n} ${what}` : `${plural(n, 'action')} ${what}`;
  if (overdue > 0) parts.push(counted(overdue, 'overdue'));
  if (comingUp > 0) parts.push(counted(comingUp, 'coming up'));
  if (check > 0) parts.push(counted(check, 'to check'));
  return `Action plan: ${parts.length ? parts.join(', ') : 'nothing due'} (week of ${formatShortUk(week)})`;
}

export interface DigestContext {
  readonly settings: Settings;
  readonly week: IsoDate;
  readonly url: string;
  /** The status chart goes with the message as the inline image STATUS_CHART_CID. */
  readonly statusChart?: boolean;
}

/** The inline image's key: the sender passes the chart's PNG as `inlineImages: { statusChart: blob }`. */
export const STATUS_CHART_CID = 'statusChart';

const CELL = 'border:1px solid #bbbbbb;padding:4px 6px;vertical-align:top;text-align:left';
const HEAD = `${CELL};background:#eeeeee`;

function htmlTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const head = headers.map((h) => `<th style="${HEAD}">${escapeHtml(h)}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((c) => `<td style="${CELL}">${c}</td>`).join('')}</tr>`).join('');
  return `<table style="border-collapse:collapse;font-size:13px;margin:8px 0 16px 0"><tr>${head}</tr>${body}</table>`;
}

function registerLinkHtml(url: string): string {
  const href = safeHref(url);
  return href
    ? `<p><a href="${href}" style="font-weight:bold">Open the action plan register</a></p>`
    : '<p>Please open the action plan register to update it.</p>';
}

function progressHtml(item: DueItem): string {
  if (item.progress === '') return '<em>No progress recorded yet</em>';
  const when = item.progressDate
    ? `Updated ${formatShortUk(item.progressDate)}`
    : 'Date of update not recorded';
  return `${htmlText(shortProgress(item.progress))}<br><span style="color:#555555">${when}</span>`;
}

function progressText(item: DueItem): string {
  if (item.progress === '') return 'No progress recorded yet.';
  const when = item.progressDate ? `updated ${formatShortUk(item.progressDate)}` : 'date not recorded';
  return `${shortProgress(item.progress).replace(/\s*\r?\n\s*/g, ' ')} (${when})`;
}

function sharedWith(item: DueItem, officer: Officer): string[] {
  const self = officer.name.trim() || officer.initials.trim();
  return item.leadNames.filter((n) => n !== self);
}

/**
 * Google refuses a message whose bodies pass 200 KB ("Email body size 200 KB / msg",
 * https://developers.google.com/apps-script/guides/services/quotas#current_limitations): the plain and HTML
 * bodies together stay under this many UTF-8 bytes, with room to spare.
 */
export const EMAIL_BODY_BUDGET = 190_000;

/** Bytes of text in UTF-8, as mail counts it. */
export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

export function emailBytes(email: EmailContent): number {
  return utf8Bytes(email.body) + utf8Bytes(email.htmlBody);
}

/** The email listing as many items as fit the budget: `build(limit)` lists at most `limit` of each list. */
function fitting(build: (limit: number) => EmailContent, most: number): EmailContent {
  const all = build(most);
  if (emailBytes(all) <= EMAIL_BODY_BUDGET) return all;
  let low = 0;
  let high = most - 1;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (emailBytes(build(mid)) <= EMAIL_BODY_BUDGET) low = mid;
    else high = mid - 1;
  }
  return build(low);
}

/** How many items of each kind, in digest order: "3 overdue, 1 coming up, 9 to check". */
export function kindCounts(items: readonly DueItem[]): string {
  const n = (status: DueStatus): number => items.filter((i) => i.status === status).length;
  return [
    n('overdue') ? `${n('overdue')} overdue` : '',
    n('comingUp') ? `${n('comingUp')} coming up` : '',
    n('check') ? `${n('check')} to check` : '',
  ]
    .filter(Boolean)
    .join(', ');
}

/** "… and 12 more actions (3 overdue, 9 to check) are not listed here: open the register to see them all." */
function notListed(hidden: readonly DueItem[], lead: string): string {
  return (
    `${lead}: ${plural(hidden.length, 'more action')} (${kindCounts(hidden)}) ` +
    `${hidden.length === 1 ? 'is' : 'are'} not listed here. Open the register to see them all.`
  );
}

/** A list cut to `limit` entries, with how many more there are. */
function cut<T>(items: readonly T[], limit: number): { shown: readonly T[]; more: number } {
  return { shown: items.slice(0, limit), more: Math.max(0, items.length - limit) };
}

/** The digest one lead officer gets: their overdue actions, the ones coming up and the ones to check. */
export function buildDigest(group: LeadGroup, context: DigestContext): EmailContent {
  return fitting((limit) => renderDigest(group, context, limit), group.items.length);
}

/** An action's ref, linked to its row of the register when the link is known. */
function refHtml(item: Pick<DueItem, 'ref' | 'link'>): string {
  const href = item.link === null ? null : safeHref(item.link);
  return href ? `<a href="${href}">${htmlText(item.ref)}</a>` : htmlText(item.ref);
}

/** What a lead's digest says of an escalated action: whom it reached, and whether they are copied in now. */
export function escalationText(item: DueItem, settings: Settings): string {
  const e = item.escalation;
  if (e === null) return '';
  const weeks = plural(settings.escalationWeeks * e.level, 'week');
  if (e.manager === null)
    return `Overdue more than ${weeks}: nobody above is named in Officers (Reports to).`;
  const name = e.manager.name.trim() || e.manager.initials.trim();
  if (!e.copiedNow) return `Overdue more than ${weeks}: escalated to ${name}.`;
  return e.manager.email.trim() === ''
    ? `Overdue more than ${weeks}: escalated to ${name}, who has no email address to copy in.`
    : `Overdue more than ${weeks}: ${name} is copied into this email.`;
}

interface Section {
  readonly status: DueStatus;
  readonly title: string;
  readonly headers: readonly string[];
  /** The fourth column of the table (after Ref, Action, Due date). */
  readonly fourth: (i: DueItem) => string;
  /** The line under the action in the plain text. */
  readonly line: (i: DueItem) => string;
}

function sections(settings: Settings): Section[] {
  return [
    {
      status: 'overdue',
      title: 'Overdue',
      headers: ['Ref', 'Action', 'Due date', 'Days overdue', 'Latest progress'],
      fourth: (i) => {
        const escalated = escalationText(i, settings);
        return String(i.daysOverdue) + (escalated ? `<br><em>${escapeHtml(escalated)}</em>` : '');
      },
      line: (i) =>
        `  Due ${dateText(i.dueDate)}, ${plural(i.daysOverdue, 'day')} overdue.` +
        (escalationText(i, settings) ? ` ${escalationText(i, settings)}` : ''),
    },
    {
      status: 'comingUp',
      title: 'Coming up',
      headers: ['Ref', 'Action', 'Due date', 'Due', 'Latest progress'],
      fourth: (i) => escapeHtml(i.why),
      line: (i) => `  Due ${dateText(i.dueDate)}: ${i.why.charAt(0).toLowerCase()}${i.why.slice(1)}.`,
    },
    {
      status: 'check',
      title: 'To check',
      headers: ['Ref', 'Action', 'Due date', 'Why it is listed', 'Latest progress'],
      fourth: (i) => escapeHtml(i.why),
      line: (i) => `  Due date: ${dateText(i.dueDate)}. Why it is listed: ${i.why}.`,
    },
  ];
}

/** The opening sentence: how many actions need the lead, and why. */
function digestIntro(items: readonly DueItem[], plan: string): string {
  const n = (status: DueStatus): number => items.filter((i) => i.status === status).length;
  const counts: string[] = [];
  if (n('overdue')) counts.push(`${n('overdue')} ${n('overdue') === 1 ? 'is' : 'are'} overdue`);
  if (n('comingUp')) counts.push(`${n('comingUp')} ${n('comingUp') === 1 ? 'is' : 'are'} due soon`);
  if (n('check')) counts.push(`${n('check')} ${n('check') === 1 ? 'needs' : 'need'} a progress check`);
  if (items.length === 1) {
    const what = n('overdue') ? 'is overdue' : n('comingUp') ? 'is due soon' : 'needs a progress check';
    return `You are the lead officer for an action in the ${plan} that needs your attention this week: it ${what}.`;
  }
  return (
    `You are the lead officer for ${plural(items.length, 'action')} in the ${plan} that need your ` +
    `attention this week: ${counts.join(', ').replace(/, ([^,]*)$/, ' and $1')}.`
  );
}

/** The digest listing the `limit` most urgent actions; the rest are counted and left to the register. */
function renderDigest(group: LeadGroup, context: DigestContext, limit: number): EmailContent {
  const { settings, week, url } = context;
  const shown = group.items.slice(0, limit);
  const hidden = group.items.slice(limit);
  const count = (status: DueStatus): number => group.items.filter((i) => i.status === status).length;
  const subject = digestSubject(count('overdue'), count('check'), week, count('comingUp'));
  const who = group.officer.name.trim() || group.officer.initials.trim() || 'colleague';
  const plan = settings.planName.trim() || 'action plan';
  const intro = digestIntro(group.items, plan);
  const ask =
    'Please add a short progress update for each one in the register: each ref below opens its row, or use ' +
    'Action Plan → My actions in the sheet. If a due date has changed, enter the revised due date rather than ' +
    'changing the original. If an action is complete, propose it in My actions with its evidence, or set its ' +
    'status to Completed.';
  const contact = settings.ownerEmail.trim();
  const footer =
    `This is the weekly reminder from the action plan register for the week of ${formatShortUk(week)}. ` +
    'You get one email a week while you lead actions that are overdue, coming up or due for a check.' +
    (contact ? ` If you are not the right lead for an action, please tell ${contact}.` : '');

  const html: string[] = [
    '<div style="font-family:Arial,sans-serif;font-size:14px;color:#000000">',
    `<p>Dear ${escapeHtml(who)},</p>`,
    `<p>${escapeHtml(intro)}</p>`,
    `<p>${escapeHtml(ask)}</p>`,
  ];
  const text: string[] = [`Dear ${who},`, '', intro, '', ask, ''];

  const shared = (item: DueItem): string => {
    const others = sharedWith(item, group.officer);
    return others.length ? `Shared with ${others.join(', ')}` : '';
  };
  for (const section of sections(settings)) {
    const items = shown.filter((i) => i.status === section.status);
    if (items.length === 0) continue;
    html.push(`<h3 style="margin:16px 0 4px 0">${section.title} (${items.length})</h3>`);
    html.push(
      htmlTable(
        section.headers,
        items.map((i) => [
          refHtml(i),
          htmlText(i.action) + (shared(i) ? `<br><em>${escapeHtml(shared(i))}</em>` : ''),
          escapeHtml(dateText(i.dueDate)),
          section.fourth(i),
          progressHtml(i),
        ]),
      ),
    );
    text.push(`${section.title.toUpperCase()} (${items.length})`, '');
    for (const i of items) {
      text.push(
        `${i.ref}: ${i.action.replace(/\s*\r?\n\s*/g, ' ')}`,
        section.line(i),
        `  Latest progress: ${progressText(i)}`,
      );
      if (shared(i)) text.push(`  ${shared(i)}.`);
      if (i.link !== null && safeHref(i.link)) text.push(`  Update it here: ${i.link}`);
      text.push('');
    }
  }
  if (hidden.length > 0) {
    const rest = notListed(hidden, 'This email lists the most urgent first');
    html.push(`<p><strong>${escapeHtml(rest)}</strong></p>`);
    text.push(rest, '');
  }
  html.push(registerLinkHtml(url));
  html.push(`<p style="color:#555555;font-size:12px">${escapeHtml(footer)}</p>`, '</div>');
  text.push(
    safeHref(url) ? `Open the action plan register: ${url.trim()}` : 'Please update the register.',
    '',
  );
  text.push(footer);
  return { subject, htmlBody: html.join('\n'), body: text.join('\n') };
}

// ---------------------------------------------------------------------------------------------------------
// The owner's summary

export type StatusCounts = Readonly<Record<StatusKey, number>>;

export interface OwnerSummary {
  readonly week: IsoDate;
  readonly total: number;
  readonly byStatus: StatusCounts;
  /** In order of first appearance in the register; a blank KLOE is "(no KLOE)". */
  readonly byKloe: readonly {
    readonly kloe: string;
    readonly counts: StatusCounts;
    readonly total: number;
  }[];
  /** Every overdue action with its lead, longest overdue first. */
  readonly overdue: readonly DueItem[];
  /** Officers leading open actions who have no email address: they get no digest. */
  readonly leadsWithoutEmail: readonly { readonly officer: Officer; readonly refs: readonly string[] }[];
  readonly unknownLeads: readonly UnknownLead[];
  readonly noLead: readonly { readonly ref: string; readonly action: string }[];
  /** Officers with something due this week, who are sent a digest when they have an address. */
  readonly digestsDue: readonly { readonly officer: Officer; readonly items: number }[];
  /** Actions extended more times than Settings allow, for the committee; null when no ledger was given. */
  readonly forCommittee:
    readonly { readonly ref: string; readonly action: string; readonly extensions: number }[] | null;
  /** Refs of open actions with no progress update since the last paper; null when there is no last paper. */
  readonly noUpdateThisCycle: readonly string[] | null;
  /** Overdue actions past the escalation weeks, longest overdue first. */
  readonly escalated: readonly EscalatedAction[];
}

export interface EscalatedAction {
  readonly ref: string;
  readonly action: string;
  readonly link: string | null;
  readonly daysOverdue: number;
  readonly level: number;
  /** Per lead: "Gita Hale (Bea Marsh's manager's manager)", or why nobody could be reached. */
  readonly reached: readonly string[];
  /** A manager is copied into this week's digest. */
  readonly copiedNow: boolean;
}

const NO_KLOE = '(no KLOE)';

function zeroCounts(): Record<StatusKey, number> {
  return { overdue: 0, check: 0, inProgress: 0, completed: 0, closed: 0 };
}

export function summarise(input: DigestInput, grouping: Grouping, week: IsoDate): OwnerSummary {
  const byStatus = zeroCounts();
  const kloes = new Map<string, Record<StatusKey, number>>();
  const overdue: DueItem[] = [];
  input.actions.forEach((action, i) => {
    const decision = input.decisions[i];
    if (!decision) return;
    byStatus[decision.key] += 1;
    const kloe = action.kloe.trim() || NO_KLOE;
    const counts = kloes.get(kloe) ?? zeroCounts();
    counts[decision.key] += 1;
    kloes.set(kloe, counts);
    if (decision.key === 'overdue') {
      const row = input.rows?.[i] ?? null;
      const pending = input.pendingSignOffs?.[i] ?? null;
      const context = {
        today: input.today,
        settings: input.settings,
        leadNames: [],
        row,
        url: input.url,
        pending,
      };
      overdue.push(dueItem(action, decision, 'overdue', context));
    }
  });
  overdue.sort(byUrgency);
  return {
    week,
    total: STATUS_KEYS.reduce((sum, k) => sum + byStatus[k], 0),
    byStatus,
    byKloe: [...kloes.entries()].map(([kloe, counts]) => ({
      kloe,
      counts,
      total: STATUS_KEYS.reduce((sum, k) => sum + counts[k], 0),
    })),
    overdue,
    leadsWithoutEmail: grouping.groups
      .filter((g) => g.officer.email.trim() === '')
      .map((g) => ({ officer: g.officer, refs: g.openRefs })),
    unknownLeads: grouping.unknownLeads,
    noLead: grouping.noLead,
    digestsDue: grouping.groups
      .filter((g) => g.items.length > 0)
      .map((g) => ({ officer: g.officer, items: g.items.length })),
    forCommittee: forCommittee(input),
    noUpdateThisCycle: input.comparison?.since ? input.comparison.noUpdate : null,
    escalated: escalatedActions(grouping),
  };
}

const CHAIN_NAMES = ['manager', "manager's manager"];

/** Whom an escalated action reached for one lead, in words. */
function reachedText(item: DueItem, lead: Officer): string {
  const e = item.escalation;
  const leadName = lead.name.trim() || lead.initials.trim();
  if (e === null) return '';
  const role = CHAIN_NAMES[e.level - 1] ?? `manager ${e.level} levels up`;
  if (e.manager === null) return `nobody named as ${leadName}'s ${role} (Officers, Reports to)`;
  const name = e.manager.name.trim() || e.manager.initials.trim();
  const noEmail = e.manager.email.trim() === '' ? ', who has no email address' : '';
  return `${name} (${leadName}'s ${role}${noEmail})`;
}

/** Every escalated action once, with whom it reached through each of its leads. */
function escalatedActions(grouping: Grouping): EscalatedAction[] {
  const byAction = new Map<string, { item: DueItem; reached: string[]; copiedNow: boolean }>();
  for (const group of grouping.groups) {
    for (const item of group.items) {
      if (item.escalation === null) continue;
      const key = item.row === null ? `ref:${item.ref}` : `row:${item.row}`;
      const found = byAction.get(key) ?? { item, reached: [], copiedNow: false };
      found.reached.push(reachedText(item, group.officer));
      const manager = item.escalation.manager;
      found.copiedNow ||= item.escalation.copiedNow && manager !== null && manager.email.trim() !== '';
      byAction.set(key, found);
    }
  }
  return [...byAction.values()]
    .sort((a, b) => b.item.daysOverdue - a.item.daysOverdue)
    .map(({ item, reached, copiedNow }) => ({
      ref: item.ref,
      action: item.action,
      link: item.link,
      daysOverdue: item.daysOverdue,
      level: item.escalation?.level ?? 0,
      reached,
      copiedNow,
    }));
}

function forCommittee(input: DigestInput): OwnerSummary['forCommittee'] {
  const { extensions } = input;
  if (extensions === undefined) return null;
  return input.actions.flatMap((action, i) =>
    extensions[i] && isPastLimit(extensions[i], input.settings)
      ? [{ ref: action.ref, action: action.action, extensions: extensions[i].approvedCount }]
      : [],
  );
}

function officerLabel(o: Officer): string {
  const name = o.name.trim();
  const initials = o.initials.trim();
  if (name && initials) return `${name} (${initials})`;
  return name || initials;
}

export function summarySubject(summary: OwnerSummary): string {
  const s = summary.byStatus;
  return (
    `Action plan summary: ${s.overdue} overdue, ${s.check} to check, ${plural(summary.total, 'action')} ` +
    `(week of ${formatShortUk(summary.week)})`
  );
}

/** The plan owner's weekly summary email. */
export function buildSummaryEmail(summary: OwnerSummary, context: DigestContext): EmailContent {
  const longest = Math.max(
    summary.overdue.length,
    summary.noLead.length,
    ...summary.leadsWithoutEmail.map((l) => l.refs.length),
    ...summary.unknownLeads.map((u) => u.refs.length),
    summary.escalated.length,
    0,
  );
  return fitting((limit) => renderSummary(summary, context, limit), longest);
}

/** "12 refs more" after a cut list of refs. */
function refsText(refs: readonly string[], limit: number): string {
  const { shown, more } = cut(refs, limit);
  return shown.join(', ') + (more > 0 ? ` and ${more} more` : '');
}

/** An email written twice over, as HTML and as plain text, section by section. */
class TwoPartEmail {
  readonly html: string[] = [];
  readonly text: string[] = [];

  heading(title: string, count?: number): void {
    const counted = count === undefined ? '' : ` (${count})`;
    this.html.push(`<h3 style="margin:16px 0 4px 0">${escapeHtml(title)}${counted}</h3>`);
    this.text.push(`${title.toUpperCase()}${counted}`);
  }

  /**
   * A titled list of at most `limit` lines (most urgent first), the rest counted; `htmlLines` are the same
   * lines already escaped.
   */
  list(
    title: string,
    explain: string,
    lines: readonly string[],
    htmlLines: readonly string[],
    limit: number,
  ): void {
    this.heading(title, lines.length);
    if (lines.length === 0) {
      this.html.push('<p>None.</p>');
      this.text.push('  None.', '');
      return;
    }
    const { shown, more } = cut(lines, limit);
    const rest = more > 0 ? [`… and ${more} more: open the register to see them all.`] : [];
    const items = [...htmlLines.slice(0, limit), ...rest.map(escapeHtml)];
    this.html.push(`<p>${escapeHtml(explain)}</p><ul>${items.map((l) => `<li>${l}</li>`).join('')}</ul>`);
    this.text.push(`  ${explain}`, ...[...shown, ...rest].map((l) => `  - ${l}`), '');
  }
}

/** An action's text on one line, for the plain-text part. */
const oneLine = (text: string): string => text.replace(/\s*\r?\n\s*/g, ' ');

/** The summary listing at most `limit` entries of each list (most urgent first); the rest are counted. */
function renderSummary(summary: OwnerSummary, context: DigestContext, limit: number): EmailContent {
  const { settings, url } = context;
  const plan = settings.planName.trim() || 'action plan';
  const email = new TwoPartEmail();
  const opening = `This is the weekly summary of the ${plan} for the week of ${formatShortUk(summary.week)}.`;
  email.html.push(
    '<div style="font-family:Arial,sans-serif;font-size:14px;color:#000000">',
    `<p>This is the weekly summary of the ${escapeHtml(plan)} for the week of ${formatShortUk(summary.week)}.</p>`,
  );
  email.text.push(opening, '');
  summaryByStatus(email, summary, context);
  summaryByKloe(email, summary, settings);
  summaryOverdue(email, summary, limit);
  summaryPeople(email, summary, limit);
  summaryCommittee(email, summary, settings, limit);
  summaryEscalated(email, summary, settings, limit);
  summaryDigests(email, summary);
  email.html.push(registerLinkHtml(url), '</div>');
  email.text.push(
    safeHref(url) ? `Open the action plan register: ${url.trim()}` : 'Please open the register.',
  );
  return { subject: summarySubject(summary), htmlBody: email.html.join('\n'), body: email.text.join('\n') };
}

function summaryByStatus(email: TwoPartEmail, summary: OwnerSummary, context: DigestContext): void {
  const { settings } = context;
  const label = (k: StatusKey): string => settings.statuses[k].label;
  email.html.push('<h3 style="margin:16px 0 4px 0">Actions by status</h3>');
  email.html.push(
    htmlTable(
      ['Status', 'Actions'],
      [
        ...STATUS_KEYS.map((k) => [
          `<span style="background:${escapeHtml(settings.statuses[k].background)};padding:0 6px">&nbsp;</span> ` +
            escapeHtml(label(k)),
          String(summary.byStatus[k]),
        ]),
        ['<strong>Total</strong>', `<strong>${summary.total}</strong>`],
      ],
    ),
  );
  if (context.statusChart) {
    email.html.push(
      `<p><img src="cid:${STATUS_CHART_CID}" alt="Chart: actions by status" width="600" height="371" ` +
        'style="max-width:100%;height:auto"></p>',
    );
  }
  email.text.push('ACTIONS BY STATUS');
  for (const k of STATUS_KEYS) email.text.push(`  ${label(k)}: ${summary.byStatus[k]}`);
  email.text.push(`  Total: ${summary.total}`, '');
}

function summaryByKloe(email: TwoPartEmail, summary: OwnerSummary, settings: Settings): void {
  const label = (k: StatusKey): string => settings.statuses[k].label;
  email.html.push('<h3 style="margin:16px 0 4px 0">Actions by key line of enquiry (KLOE)</h3>');
  email.html.push(
    htmlTable(
      ['KLOE', ...STATUS_KEYS.map(label), 'Total'],
      summary.byKloe.map((row) => [
        htmlText(row.kloe),
        ...STATUS_KEYS.map((k) => String(row.counts[k])),
        String(row.total),
      ]),
    ),
  );
  email.text.push('ACTIONS BY KLOE');
  for (const row of summary.byKloe) {
    const parts = STATUS_KEYS.filter((k) => row.counts[k] > 0).map((k) => `${label(k)} ${row.counts[k]}`);
    email.text.push(`  ${oneLine(row.kloe)}: ${row.total} (${parts.join(', ') || 'none'})`);
  }
  email.text.push('');
}

function summaryOverdue(email: TwoPartEmail, summary: OwnerSummary, limit: number): void {
  email.heading('Overdue actions', summary.overdue.length);
  if (summary.overdue.length === 0) {
    email.html.push('<p>None.</p>');
    email.text.push('  None.', '');
    return;
  }
  const { shown, more } = cut(summary.overdue, limit);
  email.html.push(
    htmlTable(
      ['Ref', 'Action', 'Lead', 'Due date', 'Days overdue'],
      shown.map((i) => [
        refHtml(i),
        htmlText(i.action) +
          (i.awaitingSignOff
            ? `<br><em>Completion proposed ${formatShortUk(i.awaitingSignOff)}: awaiting your sign-off</em>`
            : ''),
        htmlText(i.lead.trim() || 'No lead'),
        escapeHtml(dateText(i.dueDate)),
        String(i.daysOverdue),
      ]),
    ),
  );
  for (const i of shown) {
    email.text.push(
      `  ${i.ref}: ${oneLine(i.action)} (lead: ${i.lead.trim() || 'no lead'}; ` +
        `due ${dateText(i.dueDate)}, ${plural(i.daysOverdue, 'day')} overdue` +
        (i.awaitingSignOff ? `; completion awaiting your sign-off` : '') +
        ')' +
        (i.link !== null && safeHref(i.link) ? ` ${i.link}` : ''),
    );
  }
  if (more > 0) {
    const rest = `The longest overdue are listed first: ${plural(more, 'more overdue action')} ${more === 1 ? 'is' : 'are'} not listed here. Open the register to see them all.`;
    email.html.push(`<p><strong>${escapeHtml(rest)}</strong></p>`);
    email.text.push(`  ${rest}`);
  }
  email.text.push('');
}

/** The actions nobody is reminded about, and why. */
function summaryPeople(email: TwoPartEmail, summary: OwnerSummary, limit: number): void {
  email.list(
    'Leads without an email address',
    'These officers get no reminder until an email address is added in the Officers sheet.',
    summary.leadsWithoutEmail.map((l) => `${officerLabel(l.officer)}: ${refsText(l.refs, limit)}`),
    summary.leadsWithoutEmail.map(
      (l) => `${escapeHtml(officerLabel(l.officer))}: ${escapeHtml(refsText(l.refs, limit))}`,
    ),
    limit,
  );
  email.list(
    'Leads not found in the Officers sheet',
    'Nobody is reminded about these actions: add the officer to the Officers sheet or correct the Lead cell.',
    summary.unknownLeads.map((u) => `"${u.lead}": ${refsText(u.refs, limit)}`),
    summary.unknownLeads.map(
      (u) => `&quot;${escapeHtml(u.lead)}&quot;: ${escapeHtml(refsText(u.refs, limit))}`,
    ),
    limit,
  );
  email.list(
    'Actions with no lead',
    'Nobody is reminded about these actions until a lead officer is named.',
    summary.noLead.map((a) => `${a.ref}: ${oneLine(a.action)}`),
    summary.noLead.map((a) => `${escapeHtml(a.ref)}: ${htmlText(a.action)}`),
    limit,
  );
}

/** What goes to the committee: actions extended past the limit, and those with no update since the last paper. */
function summaryCommittee(
  email: TwoPartEmail,
  summary: OwnerSummary,
  settings: Settings,
  limit: number,
): void {
  if (summary.forCommittee !== null) {
    const times = plural(settings.extensionLimit, 'time');
    email.list(
      'For the committee: extended past the limit',
      `These actions have been extended more than ${times}: the next committee paper brings them to the Committee.`,
      summary.forCommittee.map(
        (a) => `${a.ref}: ${oneLine(a.action)} (${plural(a.extensions, 'extension')})`,
      ),
      summary.forCommittee.map(
        (a) => `${escapeHtml(a.ref)}: ${htmlText(a.action)} (${plural(a.extensions, 'extension')})`,
      ),
      limit,
    );
  }
  if (summary.noUpdateThisCycle !== null) {
    const refs = summary.noUpdateThisCycle;
    const line =
      refs.length === 0
        ? 'Every open action has had a progress update since the last committee paper.'
        : `Open actions with no progress update since the last committee paper: ${refs.join(', ')}.`;
    email.html.push(
      `<h3 style="margin:16px 0 4px 0">No update this cycle (${refs.length})</h3>`,
      `<p>${escapeHtml(line)}</p>`,
    );
    email.text.push(`NO UPDATE THIS CYCLE (${refs.length})`, `  ${line}`, '');
  }
}

function summaryEscalated(
  email: TwoPartEmail,
  summary: OwnerSummary,
  settings: Settings,
  limit: number,
): void {
  const weeks = plural(settings.escalationWeeks, 'week');
  const reached = (a: OwnerSummary['escalated'][number]): string =>
    `reached ${a.reached.join('; ')}${a.copiedNow ? '; copied in this week' : ''}`;
  email.list(
    `Escalated: overdue more than ${weeks}`,
    `Each level of escalation (every ${weeks} overdue) copies the next manager up (Officers, Reports to) into ` +
      "that week's digest of the lead.",
    summary.escalated.map(
      (a) => `${a.ref}: ${oneLine(a.action)} (${plural(a.daysOverdue, 'day')} overdue; ${reached(a)})`,
    ),
    summary.escalated.map(
      (a) =>
        `${refHtml({ ref: a.ref, link: a.link })}: ${htmlText(a.action)} (${plural(a.daysOverdue, 'day')} ` +
        `overdue; ${escapeHtml(reached(a))})`,
    ),
    limit,
  );
}

function summaryDigests(email: TwoPartEmail, summary: OwnerSummary): void {
  const digests = summary.digestsDue;
  const digestLine =
    digests.length === 0
      ? 'No officer has actions overdue, coming up or to check this week, so no reminders are due.'
      : `${plural(digests.length, 'officer')} ${digests.length === 1 ? 'has' : 'have'} actions to update ` +
        `this week: ${digests.map((d) => `${officerLabel(d.officer)}, ${plural(d.items, 'action')}`).join('; ')}.`;
  email.html.push(`<p>${escapeHtml(digestLine)} The Reminder log sheet records what was sent.</p>`);
  email.text.push(digestLine, 'The Reminder log sheet records what was sent.', '');
}

// ---------------------------------------------------------------------------------------------------------
// The week's messages and the send plan

export type MessageKind = 'digest' | 'summary';

/** One message the week calls for, whether or not it can or need go. */
export interface WeeklyMessage {
  /** Stable for the week: "digest:<address or initials>" or "summary:<address>". */
  readonly key: string;
  readonly kind: MessageKind;
  /** The address; '' when there is none. */
  readonly to: string;
  /** Addresses copied in, comma-separated: the managers an escalation reaches this week. Absent when none. */
  readonly cc?: string;
  /** Who, for the Reminder log. */
  readonly recipient: string;
  /** The refs it lists. */
  readonly refs: readonly string[];
  /** Null when the officer has nothing due: they get nothing. */
  readonly email: EmailContent | null;
}

export interface WeeklyMessages {
  readonly week: IsoDate;
  readonly grouping: Grouping;
  readonly summary: OwnerSummary;
  /** One per lead officer of an open action (Officers sheet order), then the owner's summary. */
  readonly messages: readonly WeeklyMessage[];
}

/** Every digest and the owner's summary for the week of `week`, built from one read of the register. */
export function weeklyMessages(input: DigestInput, week: IsoDate = weekOf(input.today)): WeeklyMessages {
  const grouping = groupByLead(input);
  const summary = summarise(input, grouping, week);
  const context: DigestContext = {
    settings: input.settings,
    week,
    url: input.url,
    statusChart: input.statusChart === true,
  };
  const messages: WeeklyMessage[] = grouping.groups.map((g) => {
    const to = g.officer.email.trim();
    const cc = to === '' || g.items.length === 0 ? '' : g.cc.join(', ');
    return {
      key: `digest:${g.key}`,
      kind: 'digest',
      to,
      ...(cc === '' ? {} : { cc }),
      recipient: (to || `${officerLabel(g.officer)} (no email)`) + (cc === '' ? '' : ` (cc ${cc})`),
      refs: g.items.map((i) => i.ref),
      email: g.items.length > 0 ? buildDigest(g, context) : null,
    };
  });
  const owner = input.settings.ownerEmail.trim();
  messages.push({
    key: `summary:${owner.toLowerCase()}`,
    kind: 'summary',
    to: owner,
    recipient: owner ? `${owner} (owner's summary)` : "Plan owner's summary (no owner email in Settings)",
    refs: summary.overdue.map((i) => i.ref),
    email: buildSummaryEmail(summary, context),
  });
  return { week, grouping, summary, messages };
}

/** The owner's note of digests that may have gone twice-or-not-at-all or could not go at all, each with why. */
export function deliveryProblemsEmail(
  problems: readonly { readonly to: string; readonly problem: string }[],
  week: IsoDate,
  url: string,
): EmailContent {
  const subject = `Weekly reminders for the week of ${formatShortUk(week)}: ${plural(problems.length, 'problem')}`;
  const intro = 'These reminders need a look. Nothing more will be sent to them this week.';
  return {
    subject,
    htmlBody: [
      '<div style="font-family:Arial,sans-serif">',
      `<p>${escapeHtml(intro)}</p><ul>`,
      ...problems.map((p) => `<li><strong>${escapeHtml(p.to)}</strong>: ${escapeHtml(p.problem)}</li>`),
      '</ul>',
      registerLinkHtml(url),
      '</div>',
    ].join('\n'),
    body: [
      intro,
      '',
      ...problems.map((p) => `- ${p.to}: ${p.problem}`),
      '',
      safeHref(url) ? `Open the action plan register: ${url.trim()}` : 'Please open the register.',
    ].join('\n'),
  };
}

/** The owner's note that a weekly run failed: what failed, and what to do. */
export function runFailedEmail(reason: string, advice: string, day: string, url: string): EmailContent {
  const subject = `The weekly reminders failed on ${day}`;
  const lines = [`The weekly reminders run of ${day} failed: ${reason}`, '', `What to do: ${advice}`];
  return {
    subject,
    htmlBody: [
      '<div style="font-family:Arial,sans-serif">',
      ...lines.filter((l) => l !== '').map((l) => `<p>${escapeHtml(l)}</p>`),
      registerLinkHtml(url),
      '</div>',
    ].join('\n'),
    body: [...lines, '', safeHref(url) ? `Open the action plan register: ${url.trim()}` : ''].join('\n'),
  };
}
