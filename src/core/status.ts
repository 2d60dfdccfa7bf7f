import { plural } from './text';
import { daysBetween, formatShortUk } from './dates';
import type { Action, IsoDate, Settings, StatusKey, Timescale } from './model';
import { STATUS_KEYS } from './model';
import { dueDateOf, parseTimescale } from './timescale';

export interface StatusDecision {
  readonly key: StatusKey;
  /** The due date the decision used: the revised one where set, else the original or the timescale's. */
  readonly dueDate: IsoDate | null;
  /** Why, in a sentence an officer understands (used in cell notes and digests). */
  readonly reason: string;
}

/** The status key whose label this text is (case and spacing ignored), or null. */
export function statusKeyOf(label: string, settings: Settings): StatusKey | null {
  const wanted = label.trim().toLowerCase().replace(/\s+/g, ' ');
  if (wanted === '') return null;
  return STATUS_KEYS.find((k) => settings.statuses[k].label.toLowerCase() === wanted) ?? null;
}

/**
 * The due date in force: a revised due date wins over the original (extensions are kept, not overwritten);
 * milestones move on to the next one not yet passed; without a date the timescale may still give one.
 */
export function effectiveDueDate(
  action: Action,
  today: IsoDate,
  timescale: Timescale = parseTimescale(action.timescale),
): IsoDate | null {
  if (action.revisedDueDate) return action.revisedDueDate;
  if (timescale.kind === 'milestones') return dueDateOf(timescale, today) ?? action.dueDate;
  return action.dueDate ?? dueDateOf(timescale, today);
}

/** The status key of DESIGN.md, computed; only Completed is ever taken from what an officer chose. */
export function decideStatus(action: Action, settings: Settings, today: IsoDate): StatusDecision {
  const timescale = parseTimescale(action.timescale);
  const dueDate = effectiveDueDate(action, today, timescale);
  if (action.closure === 'closed') {
    return { key: 'closed', dueDate, reason: 'Closed without being completed.' };
  }
  if (action.completedOn !== null || action.closure === 'completed') {
    return {
      key: 'completed',
      dueDate,
      reason: action.completedOn
        ? `Completed ${formatShortUk(action.completedOn)}.`
        : 'Marked completed by an officer.',
    };
  }
  if (dueDate !== null && dueDate < today) {
    const days = daysBetween(dueDate, today);
    return {
      key: 'overdue',
      dueDate,
      reason: `Due ${formatShortUk(dueDate)}, ${plural(days, 'day')} ago.`,
    };
  }
  if (dueDate !== null && daysBetween(today, dueDate) <= settings.checkWindowDays) {
    return {
      key: 'check',
      dueDate,
      reason: `Due ${formatShortUk(dueDate)}, within the ${settings.checkWindowDays}-day check window.`,
    };
  }
  if (action.lastUpdated !== null && daysBetween(action.lastUpdated, today) >= settings.staleWindowDays) {
    return {
      key: 'check',
      dueDate,
      reason: `Progress not updated since ${formatShortUk(action.lastUpdated)} (${settings.staleWindowDays} days or more).`,
    };
  }
  if (dueDate === null) {
    if (timescale.kind === 'not understood') {
      return {
        key: 'check',
        dueDate,
        reason: 'The timescale could not be understood: a person should set a due date.',
      };
    }
    if (timescale.kind === 'start' && timescale.start !== undefined && timescale.start > today) {
      return { key: 'inProgress', dueDate, reason: `Starts ${formatShortUk(timescale.start)}.` };
    }
    if (action.lastUpdated === null) {
      return { key: 'check', dueDate, reason: 'No due date and no progress update recorded yet.' };
    }
  }
  return {
    key: 'inProgress',
    dueDate,
    reason: dueDate ? `Due ${formatShortUk(dueDate)}.` : 'Ongoing, with recent progress.',
  };
}
