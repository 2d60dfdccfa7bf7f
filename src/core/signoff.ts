/**
 * Sign-off of completions: a lead proposes that an action is complete, with evidence (a link or a note), and only
 * the plan owner's sign-off completes it; the owner may return it with a comment instead. Every proposal and
 * decision is a line of the Sign-off ledger, never an overwrite. Settings can turn sign-off off: a completion is
 * then immediate, and its evidence is still kept. Pure: the adapter keeps the lines in the Sign-off sheet.
 */
import { formatShortUk } from './dates';
import { isOwner } from './extensions';
import type { IsoDate, Settings } from './model';

/**
 * Awaiting: proposed, waiting for the owner; the action stays open. Signed off: completed. Returned: the owner
 * sent it back with a comment; the action stays open. Withdrawn: replaced by a later proposal before anyone
 * decided it.
 */
export type SignOffState = 'awaiting' | 'signedOff' | 'returned' | 'withdrawn';

export const SIGN_OFF_STATE_LABELS: Readonly<Record<SignOffState, string>> = {
  awaiting: 'Awaiting sign-off',
  signedOff: 'Signed off',
  returned: 'Returned',
  withdrawn: 'Withdrawn',
};

/** Who "signed off" a completion when Settings ask for no sign-off: the evidence is kept all the same. */
export const NO_SIGN_OFF = 'No sign-off required (Settings)';

/** The evidence of a completion chosen in the Register's Status cell: the sheet has nowhere to give any. */
export const CHOSEN_IN_REGISTER = 'Completed was chosen in the Register (no evidence given)';

export interface SignOffEntry {
  /** The day the completion was proposed. */
  readonly when: IsoDate;
  /** Who proposed it (email); '' when Refresh found it and nobody knows who. */
  readonly who: string;
  readonly actionId: string;
  readonly ref: string;
  readonly evidence: string;
  readonly state: SignOffState;
  /** The owner (email), or NO_SIGN_OFF; '' until decided. */
  readonly decidedBy: string;
  readonly decidedOn: IsoDate | null;
  /** The owner's comment: why it was returned, or anything said on signing off. */
  readonly comment: string;
}

/** The Sign-off sheet's columns, in order. Dates are Date cells; State holds a label of SIGN_OFF_STATE_LABELS. */
export const SIGN_OFF_HEADERS = [
  'When',
  'Who',
  'Action id',
  'Ref',
  'Evidence',
  'State',
  'Decided by',
  'Decided on',
  'Comment',
] as const;

/** The proposal waiting for the owner among one action's lines (at most one waits: a newer one replaces it). */
export function pendingSignOff(entries: readonly SignOffEntry[]): SignOffEntry | null {
  const last = entries[entries.length - 1];
  return last !== undefined && last.state === 'awaiting' ? last : null;
}

/** The lines grouped by action id, in ledger order: read the sheet once, then look each action up. */
export function signOffsByAction(entries: readonly SignOffEntry[]): Map<string, SignOffEntry[]> {
  const grouped = new Map<string, SignOffEntry[]>();
  for (const entry of entries) {
    const list = grouped.get(entry.actionId);
    if (list) list.push(entry);
    else grouped.set(entry.actionId, [entry]);
  }
  return grouped;
}

/**
 * True when a completion by `who` must wait for the owner: sign-off is on, Settings name an owner, and `who` is
 * not the owner. Without an owner nobody could ever sign off, so completions are immediate until one is named.
 */
export function needsSignOff(who: string, settings: Settings): boolean {
  return settings.signOffRequired && settings.ownerEmail.trim() !== '' && !isOwner(who, settings);
}

export interface Proposal {
  readonly actionId: string;
  readonly ref: string;
  readonly who: string;
  readonly when: IsoDate;
  readonly evidence: string;
}

/**
 * The line for a proposed completion. It waits for the owner when sign-off is needed; the owner's own, or any
 * when Settings ask for no sign-off, is signed off at once. A proposal still waiting is withdrawn, so at most one
 * waits at a time.
 */
export function propose(
  proposal: Proposal,
  before: readonly SignOffEntry[],
  settings: Settings,
): { readonly entry: SignOffEntry; readonly replaced: readonly SignOffEntry[]; readonly completes: boolean } {
  const base = {
    when: proposal.when,
    who: proposal.who,
    actionId: proposal.actionId,
    ref: proposal.ref,
    evidence: proposal.evidence.trim(),
    comment: '',
  };
  const waits = needsSignOff(proposal.who, settings);
  const entry: SignOffEntry = waits
    ? { ...base, state: 'awaiting', decidedBy: '', decidedOn: null }
    : {
        ...base,
        state: 'signedOff',
        decidedBy: settings.signOffRequired ? proposal.who.trim() : NO_SIGN_OFF,
        decidedOn: proposal.when,
      };
  const replaced = before
    .filter((e) => e.state === 'awaiting')
    .map((e): SignOffEntry => ({ ...e, state: 'withdrawn', decidedOn: proposal.when }));
  return { entry, replaced, completes: !waits };
}

export type SignOffDecision = 'signOff' | 'return';

/** The owner's decision on a waiting proposal; a sentence saying why not when it cannot be taken. */
export function decideSignOff(
  entry: SignOffEntry,
  decision: SignOffDecision,
  by: string,
  when: IsoDate,
  comment: string,
  settings: Settings,
): { readonly entry: SignOffEntry } | { readonly problem: string } {
  if (settings.ownerEmail.trim() === '') {
    return { problem: 'Settings name no plan owner, so nobody can sign off completions yet.' };
  }
  if (!isOwner(by, settings)) {
    return { problem: `Only the plan owner (${settings.ownerEmail.trim()}) can sign off completions.` };
  }
  if (entry.state !== 'awaiting') {
    return {
      problem: `The completion of ${entry.ref} is no longer awaiting sign-off: it was ${SIGN_OFF_STATE_LABELS[entry.state].toLowerCase()}.`,
    };
  }
  const text = comment.trim();
  if (decision === 'return' && text === '') {
    return { problem: `Say why the completion of ${entry.ref} is returned: the lead sees your comment.` };
  }
  const state: SignOffState = decision === 'signOff' ? 'signedOff' : 'returned';
  return { entry: { ...entry, state, decidedBy: by.trim(), decidedOn: when, comment: text } };
}

/** What the Status cell's note says first while a completion waits for the owner. */
export function signOffNote(pending: SignOffEntry | null): string {
  if (pending === null) return '';
  const who = pending.who.trim() === '' ? 'an editor' : pending.who.trim();
  return (
    `Awaiting sign-off: ${who} proposed on ${formatShortUk(pending.when)} that this action is complete. ` +
    'It counts as completed once the plan owner signs it off (Action Plan → Awaiting the owner…).'
  );
}
