import { plural } from './text';
import { daysBetween, formatShortUk, mondayOf } from './dates';
import type { ActionExtensions } from './extensions';
import type { Action, IsoDate, Settings, StatusKey, Timescale } from './model';
import { STATUS_KEYS } from './model';
import { dueDateOf, parseTimescale } from './timescale';

export interface StatusDecision {
  readonly key: StatusKey;
  /** The due date in force: the latest approved revised date where there is one, else the original. */
  readonly dueDate: IsoDate | null;
  /** Why, in a sentence an officer understands (used in cell notes and digests). */
  readonly reason: string;
  /** The original due date: the Due date cell, or what the timescale gives (the next milestone not passed). */
  readonly originalDueDate: IsoDate | null;
  /** Whole days an open action is past its original due date, whatever its revised date; 0 otherwise. */
  readonly daysLateOriginal: number;
  /** A revised date entered but not in force: awaiting a reason or the owner's approval. */
  readonly pendingDueDate: IsoDate | null;
}

/**
 * Progress not updated for the stale window: the action needs a check. The week the lead said "no change", it
 * does not: they looked at it that week. The next week it is stale again until the progress itself changes, so
 * "no change" can never stand in for an update.
 */
export function isStale(action: Action, settings: Settings, today: IsoDate): boolean {
  if (action.lastUpdated === null || daysBetween(action.lastUpdated, today) < settings.staleWindowDays)
    return false;
  const confirmed = action.noChangeOn ?? null;
  return confirmed === null || mondayOf(confirmed) !== mondayOf(today);
}

/** The status key whose label this text is (case and spacing ignored), or null. */
export function statusKeyOf(label: string, settings: Settings): StatusKey | null {
  const wanted = label.trim().toLowerCase().replace(/\s+/g, ' ');
  if (wanted === '') return null;
  return STATUS_KEYS.find((k) => settings.statuses[k].label.toLowerCase() === wanted) ?? null;
}

/** The original due date: milestones move on to the next one not yet passed; without a date the timescale may give one. */
export function originalDueDate(
  action: Action,
  today: IsoDate,
  timescale: Timescale = parseTimescale(action.timescale),
): IsoDate | null {
  if (timescale.kind === 'milestones') return dueDateOf(timescale, today) ?? action.dueDate;
  return action.dueDate ?? dueDateOf(timescale, today);
}

/**
 * The revised date in force and the one waiting. Without the ledger (a single-row edit that did not read it)
 * the Revised due date cell is taken as agreed; with it, only an approved entry counts, and a date the ledger
 * does not hold waits for its reason.
 */
export function revisedDates(
  action: Action,
  extensions?: ActionExtensions,
): { readonly inForce: IsoDate | null; readonly pending: IsoDate | null } {
  if (extensions === undefined) return { inForce: action.revisedDueDate, pending: null };
  const inForce = extensions.approvedDate;
  const unrecorded =
    action.revisedDueDate !== null &&
    action.revisedDueDate !== inForce &&
    !extensions.entries.some((e) => e.to === action.revisedDueDate)
      ? action.revisedDueDate
      : null;
  return { inForce, pending: extensions.pending?.to ?? unrecorded };
}

/**
 * The due date in force: an approved revised due date wins over the original (extensions are kept, not
 * overwritten); milestones move on to the next one not yet passed; without a date the timescale may still give one.
 */
export function effectiveDueDate(
  action: Action,
  today: IsoDate,
  timescale: Timescale = parseTimescale(action.timescale),
  extensions?: ActionExtensions,
): IsoDate | null {
  return revisedDates(action, extensions).inForce ?? originalDueDate(action, today, timescale);
}

interface Dates {
  readonly dueDate: IsoDate | null;
  readonly originalDueDate: IsoDate | null;
  readonly pendingDueDate: IsoDate | null;
  readonly daysLateOriginal: number;
}

function decided(key: StatusKey, reason: string, dates: Dates): StatusDecision {
  const open = key !== 'completed' && key !== 'closed';
  return { key, reason, ...dates, daysLateOriginal: open ? dates.daysLateOriginal : 0 };
}

/** The day an action counts as overdue after: the date in force, or with Settings so, the original if earlier. */
function overdueAfter(dates: Dates, settings: Settings): IsoDate | null {
  const { dueDate, originalDueDate: original } = dates;
  if (settings.revisedDateStopsOverdue || original === null) return dueDate;
  return dueDate === null || original < dueDate ? original : dueDate;
}

function pendingNote(dates: Dates): string {
  if (dates.pendingDueDate === null) return '';
  return ` The revised date ${formatShortUk(dates.pendingDueDate)} is not yet agreed, so the date before it counts.`;
}

function overdueReason(due: IsoDate, dates: Dates, today: IsoDate): string {
  const days = daysBetween(due, today);
  const kept =
    dates.dueDate !== null && dates.dueDate !== due
      ? ` A revised date (${formatShortUk(dates.dueDate)}) does not stop an action counting as overdue here.`
      : '';
  return `Due ${formatShortUk(due)}, ${plural(days, 'day')} ago.${kept}${pendingNote(dates)}`;
}

/**
 * The status key of DESIGN.md, computed; only Completed and Closed are ever taken from what an officer chose.
 * Pass the action's ledger entries so that a revised date counts only once approved.
 */
export function decideStatus(
  action: Action,
  settings: Settings,
  today: IsoDate,
  extensions?: ActionExtensions,
): StatusDecision {
  const timescale = parseTimescale(action.timescale);
  const original = originalDueDate(action, today, timescale);
  const revised = revisedDates(action, extensions);
  const dueDate = revised.inForce ?? original;
  const dates: Dates = {
    dueDate,
    originalDueDate: original,
    pendingDueDate: revised.pending,
    daysLateOriginal: original !== null && original < today ? daysBetween(original, today) : 0,
  };
  if (action.closure === 'closed') return decided('closed', 'Closed without being completed.', dates);
  if (action.completedOn !== null || action.closure === 'completed') {
    const reason = action.completedOn
      ? `Completed ${formatShortUk(action.completedOn)}.`
      : 'Marked completed by an officer.';
    return decided('completed', reason, dates);
  }
  const late = overdueAfter(dates, settings);
  if (late !== null && late < today) return decided('overdue', overdueReason(late, dates, today), dates);
  if (dueDate !== null && daysBetween(today, dueDate) <= settings.checkWindowDays) {
    const reason = `Due ${formatShortUk(dueDate)}, within the ${settings.checkWindowDays}-day check window.`;
    return decided('check', reason + pendingNote(dates), dates);
  }
  if (isStale(action, settings, today) && action.lastUpdated !== null) {
    const reason = `Progress not updated since ${formatShortUk(action.lastUpdated)} (${settings.staleWindowDays} days or more).`;
    return decided('check', reason, dates);
  }
  if (dueDate === null) {
    if (timescale.kind === 'not understood') {
      return decided(
        'check',
        'The timescale could not be understood: a person should set a due date.',
        dates,
      );
    }
    if (timescale.kind === 'start' && timescale.start !== undefined && timescale.start > today) {
      return decided('inProgress', `Starts ${formatShortUk(timescale.start)}.`, dates);
    }
    if (action.lastUpdated === null) {
      return decided('check', 'No due date and no progress update recorded yet.', dates);
    }
  }
  const reason = dueDate ? `Due ${formatShortUk(dueDate)}.` : 'Ongoing, with recent progress.';
  return decided('inProgress', reason + pendingNote(dates), dates);
}
