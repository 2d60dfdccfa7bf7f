/**
 * Scenario files: a week (or several) in the register, replayed through the bundle's real entry points. The
 * format is the README's; every problem with a file is one line naming the step and what is wrong.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { isIsoDate } from '../../src/core/dates';

/** A register row, chosen by its ref or by its exact action text. */
export type RowChoice = { readonly ref: string } | { readonly action: string };

export type ScenarioStep =
  | { readonly as: string; readonly set: { row: RowChoice; column: string; value: string } }
  | { readonly as: string; readonly paste: { rows: RowChoice[]; column: string; values: string[] } }
  | { readonly as: string; readonly deleteRows: RowChoice[] }
  | { readonly as: string; readonly setting: string; readonly value: string }
  | { readonly as: string; readonly menu: string }
  | { readonly advance: { readonly hours: number; readonly text: string } };

export interface Scenario {
  /** Absolute paths: the file's own paths are relative to it. */
  readonly plan: string;
  readonly officers: string;
  readonly today: string;
  readonly owner: string;
  readonly steps: readonly ScenarioStep[];
}

/** A scenario file that cannot be run: the message names the step and the problem. */
export class ScenarioError extends Error {}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function text(value: unknown, where: string, what: string): string {
  if (typeof value !== 'string' || value.trim() === '')
    throw new ScenarioError(`${where}: ${what} must be text`);
  return value;
}

function rowChoice(value: unknown, where: string): RowChoice {
  if (isObject(value) && typeof value.ref === 'string' && Object.keys(value).length === 1)
    return { ref: value.ref };
  if (isObject(value) && typeof value.action === 'string' && Object.keys(value).length === 1)
    return { action: value.action };
  throw new ScenarioError(`${where}: a row is chosen by { "ref": "…" } or { "action": "exact action text" }`);
}

/** "7d" or "36h": how far the clock moves. */
function advance(value: unknown, where: string): { hours: number; text: string } {
  const match = typeof value === 'string' ? /^(\d+)\s*([dh])$/.exec(value.trim()) : null;
  if (!match) throw new ScenarioError(`${where}: advance takes days or hours, such as "7d" or "12h"`);
  const n = Number(match[1]);
  return { hours: match[2] === 'd' ? n * 24 : n, text: value as string };
}

const ACTIONS = ['set', 'paste', 'deleteRows', 'setting', 'menu'] as const;

function step(value: unknown, index: number): ScenarioStep {
  const where = `step ${index + 1}`;
  if (!isObject(value)) throw new ScenarioError(`${where}: each step is an object`);
  if ('advance' in value) {
    if (Object.keys(value).length !== 1)
      throw new ScenarioError(`${where}: an advance step has nothing else`);
    return { advance: advance(value.advance, where) };
  }
  const kinds = ACTIONS.filter((k) => k in value);
  if (kinds.length !== 1) {
    throw new ScenarioError(`${where}: give exactly one of ${ACTIONS.join(', ')} or advance`);
  }
  const as = text(value.as, where, '"as" (the email of the user who acts)');
  const kind = kinds[0];
  if (kind === 'set') {
    const set = value.set;
    if (!isObject(set)) throw new ScenarioError(`${where}: set takes { row, column, value }`);
    return {
      as,
      set: {
        row: rowChoice(set.row, where),
        column: text(set.column, where, 'column'),
        value: String(set.value ?? ''),
      },
    };
  }
  if (kind === 'paste') {
    const paste = value.paste;
    if (!isObject(paste) || !Array.isArray(paste.rows) || !Array.isArray(paste.values)) {
      throw new ScenarioError(`${where}: paste takes { rows: [...], column, values: [...] }`);
    }
    if (paste.rows.length === 0 || paste.rows.length !== paste.values.length) {
      throw new ScenarioError(
        `${where}: paste needs one value per row (${paste.rows.length} rows, ${paste.values.length} values)`,
      );
    }
    return {
      as,
      paste: {
        rows: paste.rows.map((r) => rowChoice(r, where)),
        column: text(paste.column, where, 'column'),
        values: paste.values.map((v) => String(v ?? '')),
      },
    };
  }
  if (kind === 'deleteRows') {
    if (!Array.isArray(value.deleteRows) || value.deleteRows.length === 0) {
      throw new ScenarioError(`${where}: deleteRows takes a list of rows`);
    }
    return { as, deleteRows: value.deleteRows.map((r) => rowChoice(r, where)) };
  }
  if (kind === 'setting')
    return { as, setting: text(value.setting, where, 'setting'), value: String(value.value ?? '') };
  return { as, menu: text(value.menu, where, 'menu (the caption of a menu item)') };
}

/** A scenario file, read and checked before anything runs. */
export function readScenario(path: string): Scenario {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ScenarioError(
      `cannot read scenario "${path}": ${code === 'ENOENT' ? 'no such file' : (error as Error).message}`,
    );
  }
  return parseScenario(parsed, dirname(resolve(path)));
}

export function parseScenario(value: unknown, baseDir: string): Scenario {
  if (!isObject(value)) throw new ScenarioError('a scenario is a JSON object');
  const today = text(value.today, 'scenario', 'today (YYYY-MM-DD)');
  if (!isIsoDate(today))
    throw new ScenarioError(`scenario: today must be a date as YYYY-MM-DD, not "${today}"`);
  if (!Array.isArray(value.steps)) throw new ScenarioError('scenario: steps must be a list');
  return {
    plan: resolve(baseDir, text(value.plan, 'scenario', 'plan (a file beside the scenario)')),
    officers: resolve(baseDir, text(value.officers, 'scenario', 'officers (a file beside the scenario)')),
    today,
    owner: text(value.owner, 'scenario', 'owner (the plan owner’s email)'),
    steps: value.steps.map(step),
  };
}
