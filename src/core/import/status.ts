/**
 * Step 5, statuses and priorities as plans write them. The register decides an action's status itself; from a
 * plan it takes only whether the action is closed:
 * - Complete, Completed, Implemented, Closed, Done, Achieved (and "Fully implemented") mean Completed;
 * - Superseded, Withdrawn, Risk accepted, Cancelled close an action without completing it;
 * - anything else ("Green", "In progress", "Overdue") is kept as the plan's status and reported by row.
 */
import type { Closure } from '../model';
import type { PriorityLevel } from './types';

const CLOSED =
  /\b(?:superseded|withdrawn|risk\s+accepted|cancel+ed|no\s+longer\s+(?:required|applicable))\b/i;
const COMPLETED =
  /^(?:fully\s+)?(?:complete|completed|implemented|closed|done|achieved)\b(?!\s*[-–:]?\s*(?:not|partially)\b)/i;

/** What a plan's status means for the register: completed, closed without being done, or null (open). */
export function closureOf(status: string): Closure {
  const s = status.trim();
  if (s === '') return null;
  if (CLOSED.test(s)) return 'closed';
  return COMPLETED.test(s) ? 'completed' : null;
}

const LEVELS: readonly (readonly [RegExp, Exclude<PriorityLevel, null>])[] = [
  [/^(?:high|h|1|red|critical|urgent|essential|priority\s*1|p1|fundamental|significant)$/i, 'high'],
  [/^(?:medium|med|m|2|amber|moderate|important|priority\s*2|p2)$/i, 'medium'],
  [/^(?:low|l|3|green|minor|merits\s+attention|housekeeping|priority\s*3|p3)$/i, 'low'],
];

/** The grade a priority cell means (High-Medium-Low, 1-2-3, Red-Amber-Green), or null. */
export function priorityLevelOf(priority: string): PriorityLevel {
  const p = priority.trim().replace(/[.\s]+$/, '');
  for (const [pattern, level] of LEVELS) if (pattern.test(p)) return level;
  return null;
}
