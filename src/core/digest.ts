/**
 * The weekly overdue digests: one email per lead officer listing their Overdue and Check Progress actions, the
 * plan owner's summary, and the send plan that keeps every digest to once a week within the mail quota.
 * Pure: the adapter reads the register and properties, sends, and logs.
 */
import { addDays, daysBetween, formatShortUk, weekdayOf } from './dates';
import { plural } from './text';
import type { Action, IsoDate, Officer, Settings, StatusKey } from './model';
import { STATUS_KEYS } from './model';
import { officerIndex, resolveLeads } from './officers';
import type { ActionExtensions } from './extensions';
import { isPastLimit } from './extensions';
import type { PaperComparison } from './snapshots';
import type { StatusDecision } from './status';

/** What the digests are built from: a RegisterView after a status refresh has this shape. */
export interface DigestInput {
  readonly actions: readonly Action[];
  readonly decisions: readonly StatusDecision[];
  readonly officers: readonly Officer[];
  readonly settings: Settings;
  readonly today: IsoDate;
  /** Link to the register, given in every email. */
  readonly url: string;
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
  return addDays(day, -((weekdayOf(day) + 6) % 7));
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

export type DueStatus = 'overdue' | 'check';

/** One action as it appears in a digest. */
export interface DueItem {
  readonly ref: string;
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
}

/** Everything one officer leads that is still open, and which of it is due for their digest. */
export interface LeadGroup {
  /** Identifies the recipient across runs: the email address (lower case), else the initials. */
  readonly key: string;
  readonly officer: Officer;
  /** Overdue first (longest overdue first), then the ones to check (soonest due first). */
  readonly items: readonly DueItem[];
  /** Refs of every open action they lead, due or not. */
  readonly openRefs: readonly string[];
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

function dueItem(
  action: Action,
  decision: StatusDecision,
  today: IsoDate,
  settings: Settings,
  leadNames: readonly string[],
): DueItem {
  const status: DueStatus = decision.key === 'overdue' ? 'overdue' : 'check';
  const due = decision.dueDate;
  const daysOverdue = status === 'overdue' && due !== null ? Math.max(0, daysBetween(due, today)) : 0;
  let why: string;
  if (status === 'overdue') {
    why = `${plural(daysOverdue, 'day')} overdue`;
  } else if (due !== null && due >= today && daysBetween(today, due) <= settings.checkWindowDays) {
    const days = daysBetween(today, due);
    why = days === 0 ? 'Due today' : `Due in ${plural(days, 'day')}`;
  } else if (
    action.lastUpdated !== null &&
    daysBetween(action.lastUpdated, today) > settings.staleWindowDays
  ) {
    why = `No progress update since ${formatShortUk(action.lastUpdated)}`;
  } else if (due === null && action.timescale.trim() !== '') {
    why = 'The timescale could not be read as a date: please confirm a due date';
  } else if (due === null) {
    why = 'No due date and no progress yet: please confirm the timescale';
  } else {
    why = 'Please check progress';
  }
  return {
    ref: action.ref,
    action: action.action,
    kloe: action.kloe,
    status,
    dueDate: due,
    daysOverdue,
    why,
    progress: action.progress.trim(),
    progressDate: action.lastUpdated,
    lead: action.lead,
    leadNames,
  };
}

function byUrgency(a: DueItem, b: DueItem): number {
  if (a.status !== b.status) return a.status === 'overdue' ? -1 : 1;
  if (a.status === 'overdue') return b.daysOverdue - a.daysOverdue;
  if (a.dueDate === b.dueDate) return 0;
  if (a.dueDate === null) return 1;
  if (b.dueDate === null) return -1;
  return a.dueDate < b.dueDate ? -1 : 1;
}

/**
 * Groups the open actions by lead officer. An action with several leads is in each of their digests; parts
 * of a Lead cell that name no officer, and actions with no lead at all, are kept for the owner's summary.
 */
export function groupByLead(input: DigestInput): Grouping {
  const index = officerIndex(input.officers);
  const groups = new Map<
    string,
    { officer: Officer; items: DueItem[]; openRefs: string[]; rows: Set<number> }
  >();
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
    const due = decision.key === 'overdue' || decision.key === 'check';
    const item = due ? dueItem(action, decision, input.today, input.settings, leadNames) : null;
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
      .map(([key, g]) => ({
        key,
        officer: g.officer,
        items: [...g.items].sort(byUrgency),
        openRefs: g.openRefs,
      })),
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

/** "Action plan: 2 actions overdue, 1 to check (week of 23 Nov 2026)". */
export function digestSubject(overdue: number, check: number, week: IsoDate): string {
  const parts: string[] = [];
  if (overdue > 0) parts.push(`${plural(overdue, 'action')} overdue`);
  if (check > 0) parts.push(overdue > 0 ? `${check} to check` : `${plural(check, 'action')} to check`);
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

/** "… and 12 more actions (3 overdue, 9 to check) are not listed here: open the register to see them all." */
function notListed(hidden: readonly DueItem[], lead: string): string {
  const overdue = hidden.filter((i) => i.status === 'overdue').length;
  const parts = [
    overdue ? `${overdue} overdue` : '',
    hidden.length - overdue ? `${hidden.length - overdue} to check` : '',
  ];
  return (
    `${lead}: ${plural(hidden.length, 'more action')} (${parts.filter(Boolean).join(', ')}) ` +
    `${hidden.length === 1 ? 'is' : 'are'} not listed here. Open the register to see them all.`
  );
}

/** A list cut to `limit` entries, with how many more there are. */
function cut<T>(items: readonly T[], limit: number): { shown: readonly T[]; more: number } {
  return { shown: items.slice(0, limit), more: Math.max(0, items.length - limit) };
}

/** The digest one lead officer gets: only their Overdue and Check Progress actions, asking for an update. */
export function buildDigest(group: LeadGroup, context: DigestContext): EmailContent {
  return fitting((limit) => renderDigest(group, context, limit), group.items.length);
}

/** The digest listing the `limit` most urgent actions; the rest are counted and left to the register. */
function renderDigest(group: LeadGroup, context: DigestContext, limit: number): EmailContent {
  const { settings, week, url } = context;
  const shown = group.items.slice(0, limit);
  const hidden = group.items.slice(limit);
  const overdue = shown.filter((i) => i.status === 'overdue');
  const check = shown.filter((i) => i.status === 'check');
  const allOverdue = group.items.filter((i) => i.status === 'overdue').length;
  const allCheck = group.items.length - allOverdue;
  const subject = digestSubject(allOverdue, allCheck, week);
  const who = group.officer.name.trim() || group.officer.initials.trim() || 'colleague';
  const plan = settings.planName.trim() || 'action plan';
  const counts: string[] = [];
  if (allOverdue) counts.push(`${allOverdue} ${allOverdue === 1 ? 'is' : 'are'} overdue`);
  if (allCheck) counts.push(`${allCheck} ${allCheck === 1 ? 'needs' : 'need'} a progress check`);
  const intro =
    group.items.length === 1
      ? `You are the lead officer for an action in the ${plan} that needs your attention this week: it ` +
        `${allOverdue ? 'is overdue' : 'needs a progress check'}.`
      : `You are the lead officer for ${plural(group.items.length, 'action')} in the ${plan} that need your ` +
        `attention this week: ${counts.join(' and ')}.`;
  const ask =
    'Please add a short progress update for each one in the register. If a due date has changed, enter the ' +
    'revised due date rather than changing the original. If an action is complete, set its status to Completed.';
  const contact = settings.ownerEmail.trim();
  const footer =
    `This is the weekly reminder from the action plan register for the week of ${formatShortUk(week)}. ` +
    'You get one email a week while you lead actions that are overdue or due for a check.' +
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
  if (overdue.length) {
    html.push(`<h3 style="margin:16px 0 4px 0">Overdue (${overdue.length})</h3>`);
    html.push(
      htmlTable(
        ['Ref', 'Action', 'Due date', 'Days overdue', 'Latest progress'],
        overdue.map((i) => [
          htmlText(i.ref),
          htmlText(i.action) + (shared(i) ? `<br><em>${escapeHtml(shared(i))}</em>` : ''),
          escapeHtml(dateText(i.dueDate)),
          String(i.daysOverdue),
          progressHtml(i),
        ]),
      ),
    );
    text.push(`OVERDUE (${overdue.length})`, '');
    for (const i of overdue) {
      text.push(
        `${i.ref}: ${i.action.replace(/\s*\r?\n\s*/g, ' ')}`,
        `  Due ${dateText(i.dueDate)}, ${plural(i.daysOverdue, 'day')} overdue.`,
        `  Latest progress: ${progressText(i)}`,
      );
      if (shared(i)) text.push(`  ${shared(i)}.`);
      text.push('');
    }
  }
  if (check.length) {
    html.push(`<h3 style="margin:16px 0 4px 0">To check (${check.length})</h3>`);
    html.push(
      htmlTable(
        ['Ref', 'Action', 'Due date', 'Why it is listed', 'Latest progress'],
        check.map((i) => [
          htmlText(i.ref),
          htmlText(i.action) + (shared(i) ? `<br><em>${escapeHtml(shared(i))}</em>` : ''),
          escapeHtml(dateText(i.dueDate)),
          escapeHtml(i.why),
          progressHtml(i),
        ]),
      ),
    );
    text.push(`TO CHECK (${check.length})`, '');
    for (const i of check) {
      text.push(
        `${i.ref}: ${i.action.replace(/\s*\r?\n\s*/g, ' ')}`,
        `  Due date: ${dateText(i.dueDate)}. Why it is listed: ${i.why}.`,
        `  Latest progress: ${progressText(i)}`,
      );
      if (shared(i)) text.push(`  ${shared(i)}.`);
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
      overdue.push(dueItem(action, decision, input.today, input.settings, []));
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
  };
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
    0,
  );
  return fitting((limit) => renderSummary(summary, context, limit), longest);
}

/** "12 refs more" after a cut list of refs. */
function refsText(refs: readonly string[], limit: number): string {
  const { shown, more } = cut(refs, limit);
  return shown.join(', ') + (more > 0 ? ` and ${more} more` : '');
}

/** The summary listing at most `limit` entries of each list (most urgent first); the rest are counted. */
function renderSummary(summary: OwnerSummary, context: DigestContext, limit: number): EmailContent {
  const { settings, url } = context;
  const plan = settings.planName.trim() || 'action plan';
  const label = (k: StatusKey): string => settings.statuses[k].label;
  const html: string[] = [
    '<div style="font-family:Arial,sans-serif;font-size:14px;color:#000000">',
    `<p>This is the weekly summary of the ${escapeHtml(plan)} for the week of ${formatShortUk(summary.week)}.</p>`,
  ];
  const text: string[] = [
    `This is the weekly summary of the ${plan} for the week of ${formatShortUk(summary.week)}.`,
    '',
  ];

  html.push('<h3 style="margin:16px 0 4px 0">Actions by status</h3>');
  html.push(
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
    html.push(
      `<p><img src="cid:${STATUS_CHART_CID}" alt="Chart: actions by status" width="600" height="371" ` +
        'style="max-width:100%;height:auto"></p>',
    );
  }
  text.push('ACTIONS BY STATUS');
  for (const k of STATUS_KEYS) text.push(`  ${label(k)}: ${summary.byStatus[k]}`);
  text.push(`  Total: ${summary.total}`, '');

  html.push('<h3 style="margin:16px 0 4px 0">Actions by key line of enquiry (KLOE)</h3>');
  html.push(
    htmlTable(
      ['KLOE', ...STATUS_KEYS.map(label), 'Total'],
      summary.byKloe.map((row) => [
        htmlText(row.kloe),
        ...STATUS_KEYS.map((k) => String(row.counts[k])),
        String(row.total),
      ]),
    ),
  );
  text.push('ACTIONS BY KLOE');
  for (const row of summary.byKloe) {
    const parts = STATUS_KEYS.filter((k) => row.counts[k] > 0).map((k) => `${label(k)} ${row.counts[k]}`);
    text.push(`  ${row.kloe.replace(/\s*\r?\n\s*/g, ' ')}: ${row.total} (${parts.join(', ') || 'none'})`);
  }
  text.push('');

  html.push(`<h3 style="margin:16px 0 4px 0">Overdue actions (${summary.overdue.length})</h3>`);
  text.push(`OVERDUE ACTIONS (${summary.overdue.length})`);
  if (summary.overdue.length === 0) {
    html.push('<p>None.</p>');
    text.push('  None.');
  } else {
    const { shown, more } = cut(summary.overdue, limit);
    html.push(
      htmlTable(
        ['Ref', 'Action', 'Lead', 'Due date', 'Days overdue'],
        shown.map((i) => [
          htmlText(i.ref),
          htmlText(i.action),
          htmlText(i.lead.trim() || 'No lead'),
          escapeHtml(dateText(i.dueDate)),
          String(i.daysOverdue),
        ]),
      ),
    );
    for (const i of shown) {
      text.push(
        `  ${i.ref}: ${i.action.replace(/\s*\r?\n\s*/g, ' ')} (lead: ${i.lead.trim() || 'no lead'}; ` +
          `due ${dateText(i.dueDate)}, ${plural(i.daysOverdue, 'day')} overdue)`,
      );
    }
    if (more > 0) {
      const rest = `The longest overdue are listed first: ${plural(more, 'more overdue action')} ${more === 1 ? 'is' : 'are'} not listed here. Open the register to see them all.`;
      html.push(`<p><strong>${escapeHtml(rest)}</strong></p>`);
      text.push(`  ${rest}`);
    }
  }
  text.push('');

  const listSection = (
    title: string,
    explain: string,
    lines: readonly string[],
    htmlLines: readonly string[],
  ) => {
    html.push(`<h3 style="margin:16px 0 4px 0">${escapeHtml(title)} (${lines.length})</h3>`);
    text.push(`${title.toUpperCase()} (${lines.length})`);
    if (lines.length === 0) {
      html.push('<p>None.</p>');
      text.push('  None.', '');
      return;
    }
    const { shown, more } = cut(lines, limit);
    const rest = more > 0 ? [`… and ${more} more: open the register to see them all.`] : [];
    const items = [...htmlLines.slice(0, limit), ...rest.map(escapeHtml)];
    html.push(`<p>${escapeHtml(explain)}</p><ul>${items.map((l) => `<li>${l}</li>`).join('')}</ul>`);
    text.push(`  ${explain}`, ...[...shown, ...rest].map((l) => `  - ${l}`), '');
  };
  listSection(
    'Leads without an email address',
    'These officers get no reminder until an email address is added in the Officers sheet.',
    summary.leadsWithoutEmail.map((l) => `${officerLabel(l.officer)}: ${refsText(l.refs, limit)}`),
    summary.leadsWithoutEmail.map(
      (l) => `${escapeHtml(officerLabel(l.officer))}: ${escapeHtml(refsText(l.refs, limit))}`,
    ),
  );
  listSection(
    'Leads not found in the Officers sheet',
    'Nobody is reminded about these actions: add the officer to the Officers sheet or correct the Lead cell.',
    summary.unknownLeads.map((u) => `"${u.lead}": ${refsText(u.refs, limit)}`),
    summary.unknownLeads.map(
      (u) => `&quot;${escapeHtml(u.lead)}&quot;: ${escapeHtml(refsText(u.refs, limit))}`,
    ),
  );
  listSection(
    'Actions with no lead',
    'Nobody is reminded about these actions until a lead officer is named.',
    summary.noLead.map((a) => `${a.ref}: ${a.action.replace(/\s*\r?\n\s*/g, ' ')}`),
    summary.noLead.map((a) => `${escapeHtml(a.ref)}: ${htmlText(a.action)}`),
  );

  if (summary.forCommittee !== null) {
    const limit = plural(settings.extensionLimit, 'time');
    listSection(
      'For the committee: extended past the limit',
      `These actions have been extended more than ${limit}: the next committee paper brings them to the Committee.`,
      summary.forCommittee.map(
        (a) => `${a.ref}: ${a.action.replace(/\s*\r?\n\s*/g, ' ')} (${plural(a.extensions, 'extension')})`,
      ),
      summary.forCommittee.map(
        (a) => `${escapeHtml(a.ref)}: ${htmlText(a.action)} (${plural(a.extensions, 'extension')})`,
      ),
    );
  }
  if (summary.noUpdateThisCycle !== null) {
    const refs = summary.noUpdateThisCycle;
    const line =
      refs.length === 0
        ? 'Every open action has had a progress update since the last committee paper.'
        : `Open actions with no progress update since the last committee paper: ${refs.join(', ')}.`;
    html.push(
      `<h3 style="margin:16px 0 4px 0">No update this cycle (${refs.length})</h3>`,
      `<p>${escapeHtml(line)}</p>`,
    );
    text.push(`NO UPDATE THIS CYCLE (${refs.length})`, `  ${line}`, '');
  }

  const digests = summary.digestsDue;
  const digestLine =
    digests.length === 0
      ? 'No officer has overdue actions or actions to check this week, so no reminders are due.'
      : `${plural(digests.length, 'officer')} ${digests.length === 1 ? 'has' : 'have'} actions to update ` +
        `this week: ${digests.map((d) => `${officerLabel(d.officer)}, ${plural(d.items, 'action')}`).join('; ')}.`;
  html.push(`<p>${escapeHtml(digestLine)} The Reminder log sheet records what was sent.</p>`);
  text.push(digestLine, 'The Reminder log sheet records what was sent.', '');

  html.push(registerLinkHtml(url), '</div>');
  text.push(safeHref(url) ? `Open the action plan register: ${url.trim()}` : 'Please open the register.');
  return { subject: summarySubject(summary), htmlBody: html.join('\n'), body: text.join('\n') };
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
  /** Who, for the Reminder log. */
  readonly recipient: string;
  /** The refs it lists. */
  readonly refs: readonly string[];
  /** Null when the officer has nothing due: they get nothing. */
  readonly email: EmailContent | null;
  /** Addresses copied in (an escalation to the lead's manager), comma-separated; absent for none. */
  readonly cc?: string;
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
    return {
      key: `digest:${g.key}`,
      kind: 'digest',
      to,
      recipient: to || `${officerLabel(g.officer)} (no email)`,
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
