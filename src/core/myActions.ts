/**
 * My actions: what the sidebar shows the officer signed in (their open actions, most urgent first) and the plan
 * owner (completions and extensions awaiting their decision), and who may change what. Every value is plain
 * data for google.script.run; the page escapes it. Pure: the adapter reads the register and acts.
 */
import { daysBetween, formatShortUk, isIsoDate, mondayOf } from './dates';
import { rowLink } from './digest';
import { extensionsByAction, extensionsOf, isOwner } from './extensions';
import type { ActionExtensions, ExtensionEntry, ExtensionState } from './extensions';
import type { Action, IsoDate, Officer, Settings, StatusKey } from './model';
import { officerIndex, resolveLeads } from './officers';
import { pendingSignOff, signOffsByAction } from './signoff';
import type { SignOffEntry } from './signoff';
import type { StatusDecision } from './status';
import { plural } from './text';

/** What the view is built from: a RegisterReading has this shape. */
export interface MyActionsInput {
  readonly actions: readonly Action[];
  readonly decisions: readonly StatusDecision[];
  readonly rows: readonly number[];
  readonly officers: readonly Officer[];
  readonly settings: Settings;
  readonly today: IsoDate;
  readonly url: string;
  readonly ledger: readonly ExtensionEntry[];
  readonly signOffs: readonly SignOffEntry[];
}

const same = (a: string, b: string): boolean =>
  a.trim() !== '' && a.trim().toLowerCase() === b.trim().toLowerCase();

/** The Officers rows with this email address (case ignored): one person may have two rows. */
export function officersWithEmail(email: string, officers: readonly Officer[]): Officer[] {
  return officers.filter((o) => same(o.email, email));
}

/** True when the Lead cell names the person with this email address. */
export function isLeadOf(
  email: string,
  action: Pick<Action, 'lead'>,
  index: ReadonlyMap<string, Officer>,
): boolean {
  return resolveLeads(action.lead, index).officers.some((o) => same(o.email, email));
}

export interface SignOffShown {
  readonly state: 'awaiting' | 'returned';
  readonly when: string;
  readonly evidence: string;
  readonly comment: string;
  readonly decidedOn: string;
}

export interface ExtensionShown {
  readonly state: ExtensionState;
  readonly label: string;
  readonly to: string;
  readonly reason: string;
  readonly comment: string;
}

/** One of the officer's actions as the sidebar lists it. */
export interface MyAction {
  readonly id: string;
  readonly ref: string;
  readonly action: string;
  readonly status: string;
  readonly statusKey: StatusKey;
  /** "12 days overdue", "Due in 5 days", "Due 31 Mar 2011", "No due date". */
  readonly urgency: string;
  readonly dueDate: IsoDate | null;
  readonly progress: string;
  /** "6 Sep 2010", or '' when never updated. */
  readonly lastUpdated: string;
  readonly noChangeThisWeek: boolean;
  /** The completion waiting for the owner, or the last one the owner returned. */
  readonly signOff: SignOffShown | null;
  /** A revised date waiting for its reason or the owner, or the last one the owner returned or refused. */
  readonly extension: ExtensionShown | null;
  readonly link: string | null;
}

export interface CompletionAwaiting {
  readonly id: string;
  readonly ref: string;
  readonly action: string;
  readonly who: string;
  readonly when: string;
  readonly evidence: string;
  /** The evidence itself when it is a web link, so the page can offer it as one. */
  readonly evidenceLink: string | null;
  readonly status: string;
  readonly link: string | null;
}

export interface ExtensionAwaiting {
  readonly id: string;
  readonly ref: string;
  readonly action: string;
  readonly who: string;
  readonly when: string;
  readonly from: string;
  /** ISO date: the page sends it back, so a decision is on the date the owner saw. */
  readonly to: IsoDate;
  readonly toText: string;
  readonly reason: string;
  readonly link: string | null;
}

export interface OwnerQueue {
  readonly completions: readonly CompletionAwaiting[];
  readonly extensions: readonly ExtensionAwaiting[];
}

export interface MyActionsView {
  readonly me: string;
  /** The officer's name; '' for an owner who leads nothing. */
  readonly name: string;
  /** When set the page shows this and nothing else (a user who is not in Officers). */
  readonly problem: string | null;
  readonly isOwner: boolean;
  readonly owner: string;
  readonly signOffRequired: boolean;
  readonly today: IsoDate;
  readonly actions: readonly MyAction[];
  /** Their actions completed or closed, which the sidebar does not list. */
  readonly done: number;
  readonly queue: OwnerQueue | null;
}

function urgencyOf(decision: StatusDecision, today: IsoDate): string {
  const due = decision.dueDate;
  if (due === null) return 'No due date';
  const days = daysBetween(today, due);
  if (decision.key === 'overdue') return `${plural(Math.max(1, -days), 'day')} overdue`;
  if (days === 0) return 'Due today';
  if (days > 0 && days <= 31) return `Due in ${plural(days, 'day')}`;
  return `Due ${formatShortUk(due)}`;
}

const RANK: Readonly<Record<StatusKey, number>> = {
  overdue: 0,
  check: 1,
  inProgress: 2,
  completed: 3,
  closed: 4,
};

/** Most urgent first: longest overdue, then soonest due; no due date last; the register's order breaks ties. */
function byUrgency(a: { decision: StatusDecision; i: number }, b: { decision: StatusDecision; i: number }) {
  const rank = RANK[a.decision.key] - RANK[b.decision.key];
  if (rank !== 0) return rank;
  const da = a.decision.dueDate;
  const db = b.decision.dueDate;
  if (da !== db) {
    if (da === null) return 1;
    if (db === null) return -1;
    return da < db ? -1 : 1;
  }
  return a.i - b.i;
}

function signOffShown(entries: readonly SignOffEntry[]): SignOffShown | null {
  const last = entries[entries.length - 1];
  if (last === undefined || (last.state !== 'awaiting' && last.state !== 'returned')) return null;
  return {
    state: last.state,
    when: formatShortUk(last.when),
    evidence: last.evidence,
    comment: last.comment,
    decidedOn: last.decidedOn ? formatShortUk(last.decidedOn) : '',
  };
}

const EXTENSION_WORDS: Readonly<Record<ExtensionState, string>> = {
  awaitingReason: 'Awaiting a reason',
  awaitingApproval: "Awaiting the owner's approval",
  approved: 'Approved',
  refused: 'Refused by the owner',
  returned: 'Returned by the owner',
};

function extensionShown(entries: readonly ExtensionEntry[]): ExtensionShown | null {
  const last = entries[entries.length - 1];
  // An approved date is the due date shown; a line returned because a newer one replaced it says nothing.
  if (last === undefined || last.state === 'approved') return null;
  if (last.state === 'returned' && last.approvedBy === '') return null;
  return {
    state: last.state,
    label: EXTENSION_WORDS[last.state],
    to: formatShortUk(last.to),
    reason: last.reason,
    comment: last.minute,
  };
}

const webLink = (text: string): string | null => (/^https?:\/\/\S+$/i.test(text.trim()) ? text.trim() : null);

/** The sidebar's view for the person with this email address. */
export function myActionsView(input: MyActionsInput, me: string): MyActionsView {
  const { settings, today } = input;
  const owner = isOwner(me, settings);
  const mine = officersWithEmail(me, input.officers);
  const base = {
    me,
    name: mine[0] ? mine[0].name.trim() || mine[0].initials.trim() : '',
    isOwner: owner,
    owner: settings.ownerEmail.trim(),
    signOffRequired: settings.signOffRequired && settings.ownerEmail.trim() !== '',
    today,
  };
  if (mine.length === 0 && !owner) {
    const problem =
      me.trim() === ''
        ? 'Google did not tell the register who you are, so it cannot show your actions. Nothing can be changed from here.'
        : `${me} is not in the Officers sheet, so the register cannot tell which actions are yours. Ask the ` +
          `plan owner${base.owner ? ` (${base.owner})` : ''} to add your email address there.`;
    return { ...base, problem, actions: [], done: 0, queue: null };
  }
  const index = officerIndex(input.officers);
  const extensions = extensionsByAction(input.ledger);
  const signOffs = signOffsByAction(input.signOffs);
  const link = (i: number): string | null => rowLink(input.url, input.rows[i]);
  const leading = input.actions
    .map((action, i) => ({ action, decision: input.decisions[i], i }))
    .filter(({ action }) => action.id !== '' && isLeadOf(me, action, index));
  const open = leading.filter(({ decision }) => decision.key !== 'completed' && decision.key !== 'closed');
  const actions = [...open].sort(byUrgency).map(({ action, decision, i }): MyAction => ({
    id: action.id,
    ref: action.ref,
    action: action.action,
    status: settings.statuses[decision.key].label,
    statusKey: decision.key,
    urgency: urgencyOf(decision, today),
    dueDate: decision.dueDate,
    progress: action.progress,
    lastUpdated: action.lastUpdated ? formatShortUk(action.lastUpdated) : '',
    noChangeThisWeek: action.noChangeOn != null && mondayOf(action.noChangeOn) === mondayOf(today),
    signOff: signOffShown(signOffs.get(action.id) ?? []),
    extension: extensionShown(extensionsOf(extensions, action).entries),
    link: link(i),
  }));
  return {
    ...base,
    problem: null,
    actions,
    done: leading.length - open.length,
    queue: owner ? ownerQueue(input, extensions, signOffs) : null,
  };
}

/** Officers' names for the owner: "Bea Marsh" rather than an address where Officers knows it. */
function nameOf(email: string, officers: readonly Officer[]): string {
  if (email.trim() === '') return 'an editor (found by Refresh)';
  const officer = officersWithEmail(email, officers)[0];
  return officer ? officer.name.trim() || officer.initials.trim() || email : email;
}

function ownerQueue(
  input: MyActionsInput,
  extensions: ReadonlyMap<string, ActionExtensions>,
  signOffs: ReadonlyMap<string, readonly SignOffEntry[]>,
): OwnerQueue {
  const completions: CompletionAwaiting[] = [];
  const waiting: ExtensionAwaiting[] = [];
  input.actions.forEach((action, i) => {
    if (action.id === '') return;
    const link = rowLink(input.url, input.rows[i]);
    const proposal = pendingSignOff(signOffs.get(action.id) ?? []);
    if (proposal) {
      completions.push({
        id: action.id,
        ref: action.ref,
        action: action.action,
        who: nameOf(proposal.who, input.officers),
        when: formatShortUk(proposal.when),
        evidence: proposal.evidence,
        evidenceLink: webLink(proposal.evidence),
        status: input.settings.statuses[input.decisions[i].key].label,
        link,
      });
    }
    const pending = extensionsOf(extensions, action).pending;
    if (pending && pending.state === 'awaitingApproval') {
      waiting.push({
        id: action.id,
        ref: action.ref,
        action: action.action,
        who: nameOf(pending.who, input.officers),
        when: formatShortUk(pending.when),
        from: pending.from ? formatShortUk(pending.from) : 'no due date',
        to: pending.to,
        toText: formatShortUk(pending.to),
        reason: pending.reason,
        link,
      });
    }
  });
  return { completions, extensions: waiting };
}

// ---------------------------------------------------------------------------------------------------------
// What the page sends, checked again on the server

/** The longest text the sidebar accepts in one field: what a cell holds (Sheets' limit of 50,000 characters). */
export const TEXT_LIMIT = 50_000;

/** A text the page sent, trimmed; a sentence saying what is wrong when it cannot be used. */
export function textFrom(
  value: unknown,
  what: string,
  required: boolean,
): { readonly text: string } | { readonly problem: string } {
  if (value !== undefined && value !== null && typeof value !== 'string')
    return { problem: `${what} must be text.` };
  const text = (value ?? '').trim();
  if (required && text === '') return { problem: `Write the ${what.toLowerCase()} first.` };
  if (text.length > TEXT_LIMIT) {
    return { problem: `The ${what.toLowerCase()} is too long for a cell: keep it under 50,000 characters.` };
  }
  return { text };
}

/**
 * A new due date an officer asks for: a real day, after today and after the date in force (an extension moves
 * the date later). A sentence saying why not otherwise.
 */
export function requestedDate(
  value: unknown,
  today: IsoDate,
  inForce: IsoDate | null,
): { readonly date: IsoDate } | { readonly problem: string } {
  const text = typeof value === 'string' ? value.trim() : '';
  if (!isIsoDate(text)) return { problem: 'Give the new due date as a day, for example 31/12/2010.' };
  if (text <= today) return { problem: 'The new due date must be after today.' };
  if (inForce !== null && text <= inForce) {
    return { problem: `The new due date must be after the date in force, ${formatShortUk(inForce)}.` };
  }
  return { date: text };
}
