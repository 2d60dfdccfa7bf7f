/**
 * Escalation of long-overdue actions up the Officers sheet's "Reports to" chain. An action overdue for more than
 * Settings' escalation weeks is at level 1 and reaches the lead's manager; more than twice that, level 2, the
 * manager's manager; and so on. Each level is copied into one weekly digest only: the digest of the week the
 * action reaches it (its days overdue pass the level's threshold within the seven days up to the digest). Pure.
 */
import type { Officer, Settings } from './model';
import { resolveLeads } from './officers';

/** 0 until the action is overdue for more than the escalation weeks; then one more level per such period. */
export function escalationLevel(daysOverdue: number, settings: Settings): number {
  const period = settings.escalationWeeks * 7;
  if (!Number.isInteger(daysOverdue) || daysOverdue <= 0 || period <= 0) return 0;
  return Math.floor((daysOverdue - 1) / period);
}

/** True when the action reached its level within the last seven days: that week's digest copies it up. */
export function reachedThisWeek(daysOverdue: number, settings: Settings): boolean {
  const level = escalationLevel(daysOverdue, settings);
  return level > 0 && level > escalationLevel(daysOverdue - 7, settings);
}

/**
 * The officers above `officer`, nearest first, as far as "Reports to" names someone in Officers: a name,
 * initials or email of another officer (`index` is officerIndex of the Officers sheet). The chain stops at a
 * blank, a name no officer has, or a loop.
 */
export function managerChain(officer: Officer, index: ReadonlyMap<string, Officer>): Officer[] {
  const chain: Officer[] = [];
  const seen = new Set<Officer>([officer]);
  let current = officer;
  while (current.reportsTo.trim() !== '') {
    const manager = resolveLeads(current.reportsTo, index).officers.find((o) => !seen.has(o));
    if (!manager) break;
    chain.push(manager);
    seen.add(manager);
    current = manager;
  }
  return chain;
}

export interface Escalation {
  /** 1 past the escalation weeks, 2 past twice that, ... */
  readonly level: number;
  /** The officer this level reaches; null when the chain ends below it. */
  readonly manager: Officer | null;
  /** This week's digest copies the manager in: the action reached this level this week. */
  readonly copiedNow: boolean;
}

/**
 * How far an overdue action has been escalated, given its lead's chain of managers (managerChain); null when
 * it is not overdue for more than the escalation weeks.
 */
export function escalationOf(
  daysOverdue: number,
  chain: readonly Officer[],
  settings: Settings,
): Escalation | null {
  const level = escalationLevel(daysOverdue, settings);
  if (level === 0) return null;
  return { level, manager: chain[level - 1] ?? null, copiedNow: reachedThisWeek(daysOverdue, settings) };
}
