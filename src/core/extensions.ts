/**
 * The Extensions ledger: every change of an action's revised due date is an entry, never an overwrite. Pure rules
 * for recording a revision, giving its reason, and the owner's decision; the adapter keeps the entries in the
 * Extensions sheet (EXTENSION_HEADERS) and asks for a missing reason in the Revised due date cell's note.
 */
import { formatShortUk } from './dates';
import type { Action, IsoDate, Settings } from './model';

/**
 * Awaiting a reason: entered without one, so not in force. Awaiting approval: has a reason, waits for the owner.
 * Approved: in force. Refused: the owner said no. Returned: sent back to the officer, or replaced by a later
 * revised date before anyone decided it. Only an approved entry moves the due date.
 */
export type ExtensionState = 'awaitingReason' | 'awaitingApproval' | 'approved' | 'refused' | 'returned';

export const EXTENSION_STATE_LABELS: Readonly<Record<ExtensionState, string>> = {
  awaitingReason: 'Awaiting a reason',
  awaitingApproval: 'Awaiting approval',
  approved: 'Approved',
  refused: 'Refused',
  returned: 'Returned',
};

/** Who approved a revised date that came in with an imported plan: it was agreed before the register held it. */
export const IMPORT_APPROVER = 'Import plan (agreed before import)';

export interface ExtensionEntry {
  /** The day the revised date was entered. */
  readonly when: IsoDate;
  /** Who entered it (email); '' when the change was found later, e.g. a paste the edit trigger missed. */
  readonly who: string;
  readonly actionId: string;
  readonly ref: string;
  /** The due date in force before this entry: the last approved revised date, else the original. */
  readonly from: IsoDate | null;
  readonly to: IsoDate;
  readonly reason: string;
  readonly state: ExtensionState;
  /** The owner (email), or IMPORT_APPROVER; '' until decided. */
  readonly approvedBy: string;
  readonly decidedOn: IsoDate | null;
  /** The committee minute that noted or approved it, e.g. "CRSC 15/04/10 min. 7"; '' when none. */
  readonly minute: string;
}

/** The Extensions sheet's columns, in order. Dates are Date cells; State holds the label of EXTENSION_STATE_LABELS. */
export const EXTENSION_HEADERS = [
  'When',
  'Who',
  'Action id',
  'Ref',
  'From',
  'To',
  'Reason',
  'State',
  'Approved by',
  'Decided on',
  'Minute',
] as const;

/** What the ledger says about one action. */
export interface ActionExtensions {
  /** Its entries in ledger order. */
  readonly entries: readonly ExtensionEntry[];
  /** The latest approved revised date: the one in force; null when none is approved. */
  readonly approvedDate: IsoDate | null;
  /** The entry waiting for a reason or approval, if any (there is at most one: a newer one replaces it). */
  readonly pending: ExtensionEntry | null;
  /** The number of extensions of the action: its approved entries. */
  readonly approvedCount: number;
}

export const NO_EXTENSIONS: ActionExtensions = {
  entries: [],
  approvedDate: null,
  pending: null,
  approvedCount: 0,
};

export type RevisionOrigin = 'officer' | 'owner' | 'import';

export interface Revision {
  readonly action: Action;
  readonly to: IsoDate;
  readonly who: string;
  readonly when: IsoDate;
  readonly reason: string;
  readonly origin: RevisionOrigin;
}

/** The key an action's entries are filed under: its stable id, or its ref while it has none. */
export function ledgerKey(entry: { readonly actionId: string; readonly ref: string }): string {
  return entry.actionId !== '' ? `id:${entry.actionId}` : `ref:${entry.ref}`;
}

/** Waiting for a reason or for the owner: not yet in force, and replaced by a newer revised date. */
export const isWaiting = (e: ExtensionEntry): boolean =>
  e.state === 'awaitingReason' || e.state === 'awaitingApproval';

/** One action's entries, in ledger order, summed up. */
export function summariseExtensions(entries: readonly ExtensionEntry[]): ActionExtensions {
  const approved = entries.filter((e) => e.state === 'approved');
  const last = entries[entries.length - 1];
  return {
    entries,
    approvedDate: approved.length > 0 ? approved[approved.length - 1].to : null,
    pending: last !== undefined && isWaiting(last) ? last : null,
    approvedCount: approved.length,
  };
}

/** The ledger grouped by action: read the sheet once, then look each action up. */
export function extensionsByAction(ledger: readonly ExtensionEntry[]): Map<string, ActionExtensions> {
  const grouped = new Map<string, ExtensionEntry[]>();
  for (const entry of ledger) {
    const key = ledgerKey(entry);
    const list = grouped.get(key);
    if (list) list.push(entry);
    else grouped.set(key, [entry]);
  }
  return new Map([...grouped].map(([key, entries]) => [key, summariseExtensions(entries)]));
}

export function extensionsOf(
  index: ReadonlyMap<string, ActionExtensions>,
  action: Pick<Action, 'id' | 'ref'>,
): ActionExtensions {
  return index.get(ledgerKey({ actionId: action.id, ref: action.ref })) ?? NO_EXTENSIONS;
}

const sameEmail = (a: string, b: string): boolean =>
  a.trim() !== '' && a.trim().toLowerCase() === b.trim().toLowerCase();

/** True when `who` is the plan owner named in Settings. */
export function isOwner(who: string, settings: Settings): boolean {
  return sameEmail(who, settings.ownerEmail);
}

/**
 * The entry for a new revised date. An imported one was agreed before and is approved by the import; the owner's
 * is approved at once when it has a reason; an officer's waits for approval. Without a reason it waits for one.
 * Any entry still undecided is returned (replaced), so at most one waits at a time.
 */
export function recordRevision(
  revision: Revision,
  before: ActionExtensions,
): { readonly entry: ExtensionEntry; readonly replaced: readonly ExtensionEntry[] } {
  const { action, when } = revision;
  const reason = revision.reason.trim();
  const base = {
    when,
    who: revision.who,
    actionId: action.id,
    ref: action.ref,
    from: before.approvedDate ?? action.dueDate,
    to: revision.to,
    reason,
    minute: '',
  };
  let entry: ExtensionEntry;
  if (revision.origin === 'import') {
    entry = { ...base, state: 'approved', approvedBy: IMPORT_APPROVER, decidedOn: when };
  } else if (reason === '') {
    entry = { ...base, state: 'awaitingReason', approvedBy: '', decidedOn: null };
  } else if (revision.origin === 'owner') {
    entry = { ...base, state: 'approved', approvedBy: revision.who, decidedOn: when };
  } else {
    entry = { ...base, state: 'awaitingApproval', approvedBy: '', decidedOn: null };
  }
  const replaced = before.entries
    .filter(isWaiting)
    .map((e): ExtensionEntry => ({ ...e, state: 'returned', decidedOn: when }));
  return { entry, replaced };
}

/** Gives a waiting entry its reason: the owner's own entry is then approved, anyone else's waits for approval. */
export function giveReason(
  entry: ExtensionEntry,
  reason: string,
  when: IsoDate,
  settings: Settings,
): ExtensionEntry {
  const text = reason.trim();
  if (entry.state !== 'awaitingReason' || text === '') return { ...entry, reason: text || entry.reason };
  if (isOwner(entry.who, settings)) {
    return { ...entry, reason: text, state: 'approved', approvedBy: entry.who, decidedOn: when };
  }
  return { ...entry, reason: text, state: 'awaitingApproval' };
}

export type ExtensionDecision = 'approve' | 'refuse' | 'return';

/** The owner's decision on a waiting entry; a sentence saying why not when it cannot be taken. */
export function decideExtension(
  entry: ExtensionEntry,
  decision: ExtensionDecision,
  by: string,
  when: IsoDate,
  minute: string,
  settings: Settings,
): { readonly entry: ExtensionEntry } | { readonly problem: string } {
  if (settings.ownerEmail.trim() === '') {
    return { problem: 'Settings name no plan owner, so nobody can approve extensions yet.' };
  }
  if (!isOwner(by, settings)) {
    return { problem: `Only the plan owner (${settings.ownerEmail.trim()}) can decide extensions.` };
  }
  if (!isWaiting(entry)) {
    return {
      problem: `The extension of ${entry.ref} to ${formatShortUk(entry.to)} is already ${EXTENSION_STATE_LABELS[entry.state].toLowerCase()}.`,
    };
  }
  if (decision === 'approve' && entry.reason.trim() === '') {
    return { problem: `The extension of ${entry.ref} has no reason yet: ask the lead for one first.` };
  }
  const state: ExtensionState =
    decision === 'approve' ? 'approved' : decision === 'refuse' ? 'refused' : 'returned';
  return { entry: { ...entry, state, approvedBy: by.trim(), decidedOn: when, minute: minute.trim() } };
}

/** More approved extensions than Settings allow: the action goes to the committee. */
export function isPastLimit(extensions: ActionExtensions, settings: Settings): boolean {
  return extensions.approvedCount > settings.extensionLimit;
}

/**
 * Revised dates in the register that the ledger does not hold (entered before the ledger existed, or pasted
 * past the edit trigger): each becomes an entry, found later, taking the action's Extension reason if any.
 */
export function unrecordedRevisions(
  actions: readonly Action[],
  index: ReadonlyMap<string, ActionExtensions>,
  when: IsoDate,
): ExtensionEntry[] {
  const found: ExtensionEntry[] = [];
  for (const action of actions) {
    if (action.revisedDueDate === null) continue;
    const known = extensionsOf(index, action);
    // A date the ledger holds, in force or not, is no new revision.
    if (known.entries.some((e) => e.to === action.revisedDueDate)) continue;
    const revision: Revision = {
      action,
      to: action.revisedDueDate,
      who: '',
      when,
      reason: action.extensionReason,
      origin: 'officer',
    };
    found.push(recordRevision(revision, known).entry);
  }
  return found;
}

/** The note the adapter puts on a Revised due date cell whose entry waits for something. */
export function revisionNote(extensions: ActionExtensions): string {
  const pending = extensions.pending;
  if (pending === null) return '';
  const date = formatShortUk(pending.to);
  return pending.state === 'awaitingReason'
    ? `Revised to ${date}: give the reason for the extension (Extension reason column). Until then the status is decided on the date before it.`
    : `Revised to ${date}: awaiting the plan owner's approval. Until then the status is decided on the date before it.`;
}

/** Who approved a revised date the register counted as an extension before it kept the ledger. */
export const BEFORE_LEDGER = 'Counted before the Extensions ledger';

/**
 * Revised dates found in the register that the ledger never held. One the register already counted as an
 * extension (its Extensions cell says so) was agreed under the rules before the ledger and is recorded as
 * approved; any other waits for its reason and the owner, as a new one would.
 */
export function foundRevisions(
  actions: readonly Action[],
  index: ReadonlyMap<string, ActionExtensions>,
  when: IsoDate,
): ExtensionEntry[] {
  const counted = new Map(actions.map((a) => [ledgerKey({ actionId: a.id, ref: a.ref }), a.extensions > 0]));
  return unrecordedRevisions(actions, index, when).map((entry) =>
    counted.get(ledgerKey(entry)) === true &&
    extensionsOf(index, { id: entry.actionId, ref: entry.ref }).entries.length === 0
      ? { ...entry, state: 'approved', approvedBy: BEFORE_LEDGER, decidedOn: when }
      : entry,
  );
}
