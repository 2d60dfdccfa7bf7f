/**
 * Delivering the week's messages: never twice, never lost. Each message's state for the week is kept under
 * its own small script property, so no list can outgrow a property, and it is written before a send
 * ("sending") and after it ("sent"). A run that dies between the two leaves "sending": a later run cannot know
 * whether the mail went, so it never sends it again and names it to the owner instead. A send that failed is
 * tried again by later runs and named to the owner when it keeps failing. A week stays open until every message
 * is settled, so a run that died, or met the quota or the time limit, is carried on by the next day's run.
 * Pure: the adapter reads and writes the properties, sends and logs.
 */
import type { IsoDate } from './model';
import { plural } from './text';

/** What the record says of one message in one week. */
export type DeliveryState =
  | { readonly kind: 'sending'; readonly at: string }
  | { readonly kind: 'sent'; readonly at: string }
  | { readonly kind: 'failed'; readonly attempts: number; readonly reason: string }
  | { readonly kind: 'in doubt'; readonly at: string; readonly told: boolean }
  | { readonly kind: 'given up'; readonly attempts: number; readonly reason: string; readonly told: boolean };

/** A failed send is tried this many times in all (on the day and by later runs) before the owner is told. */
export const MAX_ATTEMPTS = 3;

const PREFIX = 'delivery.';
const WEEK_PREFIX = 'week.';

export function deliveryProperty(week: IsoDate, key: string): string {
  return `${PREFIX}${week}.${key}`;
}

/** The week's own property: 'open' from its first run until every message is settled, then 'done'. */
export function weekProperty(week: IsoDate): string {
  return `${WEEK_PREFIX}${week}`;
}

export function formatState(state: DeliveryState): string {
  return JSON.stringify(state);
}

/** A stored state; a value that cannot be read is taken as "sending" (in doubt), never as "not sent". */
export function parseState(value: string | null | undefined): DeliveryState | null {
  if (value === null || value === undefined || value === '') return null;
  try {
    const parsed = JSON.parse(value) as Partial<Record<string, unknown>>;
    switch (parsed.kind) {
      case 'sending':
      case 'sent':
        return { kind: parsed.kind, at: String(parsed.at ?? '') };
      case 'failed':
        return {
          kind: 'failed',
          attempts: Number(parsed.attempts) || 1,
          reason: String(parsed.reason ?? ''),
        };
      case 'in doubt':
        return { kind: 'in doubt', at: String(parsed.at ?? ''), told: parsed.told === true };
      case 'given up':
        return {
          kind: 'given up',
          attempts: Number(parsed.attempts) || MAX_ATTEMPTS,
          reason: String(parsed.reason ?? ''),
          told: parsed.told === true,
        };
    }
  } catch {
    // fall through: unreadable
  }
  return { kind: 'sending', at: '' };
}

/** Every message's state for the week, from all script properties. */
export function statesOf(
  properties: Readonly<Record<string, string>>,
  week: IsoDate,
): Map<string, DeliveryState> {
  const prefix = `${PREFIX}${week}.`;
  const states = new Map<string, DeliveryState>();
  for (const [name, value] of Object.entries(properties)) {
    if (!name.startsWith(prefix)) continue;
    const state = parseState(value);
    if (state) states.set(name.slice(prefix.length), state);
  }
  return states;
}

/** The weeks whose run began and has not finished, oldest first. */
export function openWeeks(properties: Readonly<Record<string, string>>): IsoDate[] {
  return Object.entries(properties)
    .filter(([name, value]) => name.startsWith(WEEK_PREFIX) && value === 'open')
    .map(([name]) => name.slice(WEEK_PREFIX.length))
    .sort();
}

/** Properties of weeks no longer needed: everything of weeks other than the ones named. */
export function staleProperties(
  properties: Readonly<Record<string, string>>,
  keep: readonly IsoDate[],
): string[] {
  return Object.keys(properties).filter((name) => {
    const week = name.startsWith(PREFIX)
      ? name.slice(PREFIX.length, PREFIX.length + 10)
      : name.startsWith(WEEK_PREFIX)
        ? name.slice(WEEK_PREFIX.length)
        : null;
    return week !== null && !keep.includes(week);
  });
}

// ---------------------------------------------------------------------------------------------------------
// The plan of a run

/** A message as delivery sees it: who, how many recipients it costs, and whether it has anything to say. */
export interface Deliverable {
  readonly key: string;
  readonly kind: 'digest' | 'summary';
  /** Comma-separated addresses; '' when there is none. */
  readonly to: string;
  /** False when the officer has nothing due this week: nothing is sent, nothing is owed. */
  readonly due: boolean;
}

export type DeliveryDecision =
  'send' | 'retry' | 'already sent' | 'in doubt' | 'given up' | 'deferred' | 'nothing due' | 'no email';

export interface PlannedDelivery<M extends Deliverable> {
  readonly message: M;
  readonly decision: DeliveryDecision;
}

/** Recipients a message costs against the daily quota (To, Cc and Bcc all count). */
export function recipientCount(message: Pick<Deliverable, 'to'>): number {
  return message.to.split(',').filter((a) => a.trim() !== '').length;
}

/**
 * What this run does with each message: send what is owed, try again what failed, never send what was sent or
 * may have been ("sending" found by a later run is in doubt), and defer what the quota cannot take today.
 * Retries go first, then digests in order, then the owner's summary last, so it can report the others.
 */
export function planDelivery<M extends Deliverable>(
  messages: readonly M[],
  states: ReadonlyMap<string, DeliveryState>,
  remainingQuota: number,
): PlannedDelivery<M>[] {
  const rank = (m: M): number => (states.get(m.key)?.kind === 'failed' ? 0 : m.kind === 'summary' ? 2 : 1);
  const ordered = messages
    .map((m, i) => ({ m, i }))
    .sort((a, b) => rank(a.m) - rank(b.m) || a.i - b.i)
    .map(({ m }) => m);
  let quota = Math.max(0, Math.floor(remainingQuota));
  const seen = new Set<string>();
  const plan: PlannedDelivery<M>[] = [];
  for (const message of ordered) {
    if (seen.has(message.key)) continue;
    seen.add(message.key);
    const state = states.get(message.key);
    let decision: DeliveryDecision;
    if (state?.kind === 'sent') decision = 'already sent';
    else if (state?.kind === 'sending' || state?.kind === 'in doubt') decision = 'in doubt';
    else if (state?.kind === 'given up') decision = 'given up';
    else if (!message.due) decision = 'nothing due';
    else if (message.to.trim() === '') decision = 'no email';
    else if (recipientCount(message) > quota) decision = 'deferred';
    else {
      decision = state?.kind === 'failed' ? 'retry' : 'send';
      quota -= recipientCount(message);
    }
    plan.push({ message, decision });
  }
  return plan;
}

/** The state after a send failed: tried again later, or given up after MAX_ATTEMPTS. */
export function afterFailure(previous: DeliveryState | undefined, reason: string): DeliveryState {
  const attempts = (previous?.kind === 'failed' ? previous.attempts : 0) + 1;
  return attempts >= MAX_ATTEMPTS
    ? { kind: 'given up', attempts, reason, told: false }
    : { kind: 'failed', attempts, reason };
}

/** True when nothing more will be sent for the week: every message sent, in doubt, given up or owed nothing. */
export function weekSettled(plan: readonly PlannedDelivery<Deliverable>[]): boolean {
  return plan.every((p) => !['send', 'retry', 'deferred'].includes(p.decision));
}

/** A problem the owner must hear of: a digest that may have gone, or that could not go. */
export interface DeliveryProblem {
  readonly key: string;
  readonly to: string;
  readonly problem: string;
}

/** Problems the owner has not been told of yet, each in a sentence. */
export function untoldProblems(
  states: ReadonlyMap<string, DeliveryState>,
  to: (key: string) => string,
): DeliveryProblem[] {
  const problems: DeliveryProblem[] = [];
  for (const [key, state] of states) {
    if (state.kind === 'sending' || (state.kind === 'in doubt' && !state.told)) {
      problems.push({
        key,
        to: to(key),
        problem:
          'a run stopped while sending it, so it may or may not have arrived; it was not sent again. Ask ' +
          'whether it arrived, and use Send overdue reminders now next week if not.',
      });
    } else if (state.kind === 'given up' && !state.told) {
      problems.push({
        key,
        to: to(key),
        problem: `it could not be sent (${plural(state.attempts, 'attempt')}): ${state.reason}`,
      });
    }
  }
  return problems;
}

/** The state once the owner has been told of its problem. */
export function told(state: DeliveryState): DeliveryState {
  if (state.kind === 'sending') return { kind: 'in doubt', at: state.at, told: true };
  if (state.kind === 'in doubt' || state.kind === 'given up') return { ...state, told: true };
  return state;
}
