/**
 * Step 6, match against the register (a re-import). Each plan action is recognised as a register action by the
 * first of these rules that fits, each rule tried over the whole plan before the next, and each register action
 * matched at most once:
 * 1. the same Action ID (a plan exported from the register carries it);
 * 2. the same ref and the same action text;
 * 3. the same action text under another ref (the plan was renumbered);
 * 4. the same ref with edited text, when the texts share at least half their words (or one is blank): a ref
 *    reused for a different action is not an edit.
 * Text is compared ignoring case, spacing and punctuation. Because rule 3 runs before rule 4, an action inserted
 * mid-plan under a ref that an existing action has since been renumbered away from is new, not an edit. What is
 * matched is updated field by field where the plan gives a value that differs (a blank in the plan never clears
 * the register; a due date changes only with its timescale); what is not matched is new; register actions the
 * plan does not have are left alone.
 */
import { normaliseHeader } from '../headers';
import { UPDATABLE_FIELDS } from './types';
import type {
  ActionMatch,
  ActionUpdate,
  ImportChanges,
  ImportedAction,
  MatchRule,
  NewAction,
  RegisterAction,
  RegisterRef,
  UpdatableField,
} from './types';

const textKey = (s: string): string => normaliseHeader(s);
const refKey = (s: string): string => s.trim().toLowerCase();

function words(s: string): Set<string> {
  return new Set(
    textKey(s)
      .split(' ')
      .filter((w) => w.length >= 3),
  );
}

/** At least half the words in common (Dice coefficient), or one side blank. */
export function similarText(a: string, b: string): boolean {
  const x = words(a);
  const y = words(b);
  if (x.size === 0 || y.size === 0) return true;
  let common = 0;
  for (const w of x) if (y.has(w)) common++;
  return (2 * common) / (x.size + y.size) >= 0.5;
}

function indexBy(
  existing: readonly RegisterAction[],
  keyOf: (e: RegisterAction) => string,
): Map<string, number[]> {
  const index = new Map<string, number[]>();
  existing.forEach((e, i) => {
    const k = keyOf(e);
    if (k === '') return;
    const list = index.get(k) ?? [];
    list.push(i);
    index.set(k, list);
  });
  return index;
}

interface Pass {
  readonly rule: MatchRule;
  readonly index: Map<string, number[]>;
  readonly key: (a: ImportedAction) => string;
  readonly accepts?: (a: ImportedAction, e: RegisterAction) => boolean;
}

function passes(existing: readonly RegisterAction[]): Pass[] {
  const both = (ref: string, text: string): string =>
    textKey(text) === '' ? '' : `${refKey(ref)}\u0000${textKey(text)}`;
  return [
    { rule: 'same id', index: indexBy(existing, (e) => e.id.trim()), key: (a) => a.id.trim() },
    {
      rule: 'same ref and text',
      index: indexBy(existing, (e) => both(e.ref, e.action)),
      key: (a) => both(a.ref, a.action),
    },
    {
      rule: 'same text, ref changed',
      index: indexBy(existing, (e) => textKey(e.action)),
      key: (a) => textKey(a.action),
    },
    {
      rule: 'same ref, text edited',
      index: indexBy(existing, (e) => refKey(e.ref)),
      key: (a) => refKey(a.ref),
      accepts: (a, e) => similarText(a.action, e.action),
    },
  ];
}

/** Which register action each plan action is, by the rules above. */
export function matchActions(
  actions: readonly ImportedAction[],
  existing: readonly RegisterAction[],
): ActionMatch[] {
  if (existing.length === 0) return [];
  const matched = new Map<number, ActionMatch>();
  const taken = new Set<number>();
  for (const pass of passes(existing)) {
    actions.forEach((a, i) => {
      if (matched.has(i)) return;
      const k = pass.key(a);
      if (k === '') return;
      const found = (pass.index.get(k) ?? []).find(
        (e) => !taken.has(e) && (pass.accepts?.(a, existing[e]) ?? true),
      );
      if (found === undefined) return;
      taken.add(found);
      matched.set(i, { action: i, existing: found, id: existing[found].id, rule: pass.rule });
    });
  }
  return [...matched.values()].sort((a, b) => a.action - b.action);
}

function planValue(a: ImportedAction, field: UpdatableField): string {
  const v = a[field];
  return v === null ? '' : v;
}

/** The fields of one matched action that the plan changes. */
export function updatesOf(a: ImportedAction, e: RegisterAction, existing: number): ActionUpdate[] {
  const updates: ActionUpdate[] = [];
  // A due date follows from its timescale: the same timescale read on another day (milestones) is no change.
  const sameTimescale = e.timescale !== undefined && e.timescale.trim() === a.timescale.trim();
  for (const field of UPDATABLE_FIELDS) {
    const old = e[field];
    if (old === undefined || (field === 'dueDate' && sameTimescale)) continue;
    const oldValue = old === null ? '' : String(old);
    const newValue = planValue(a, field);
    if (newValue.trim() === '' || newValue.trim() === oldValue.trim()) continue;
    updates.push({ id: e.id, existing, ref: e.ref, field, oldValue, newValue });
  }
  return updates;
}

/** The plan of changes a (re-)import makes: new actions where they stand, updates, unchanged. */
export function planChanges(
  actions: readonly ImportedAction[],
  existing: readonly RegisterAction[],
): ImportChanges {
  const matches = matchActions(actions, existing);
  const byAction = new Map(matches.map((m) => [m.action, m]));
  const added: NewAction[] = [];
  const updates: ActionUpdate[] = [];
  const unchanged: RegisterRef[] = [];
  let after: number | null = null;
  actions.forEach((a, i) => {
    const m = byAction.get(i);
    if (m === undefined) {
      added.push({ action: i, after: after === null ? null : existing[after].id, afterExisting: after });
      return;
    }
    after = m.existing;
    const own = updatesOf(a, existing[m.existing], m.existing);
    if (own.length === 0) unchanged.push({ id: m.id, existing: m.existing });
    updates.push(...own);
  });
  const inPlan = new Set(matches.map((m) => m.existing));
  const notInPlan = existing.flatMap((e, i) => (inPlan.has(i) ? [] : [{ id: e.id, existing: i }]));
  const updated = matches.length - unchanged.length;
  const summary = `${added.length} new, ${updated} updated, ${unchanged.length} unchanged`;
  return { added, updates, matches, unchanged, notInPlan, summary };
}
