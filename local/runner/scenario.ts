/**
 * Scenario files: a week (or several) in the register, replayed through the bundle's real entry points. The
 * format is the README's; every problem with a file is one line naming the step and what is wrong.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { isIsoDate } from '../../src/core/dates';
import { columnLetters } from '../workspace/SpreadsheetApp';
import type { LoadedBundle } from './bundle';

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

// ---------------------------------------------------------------------------------------------------------
// Running the steps

/** What the steps need of the run: the bundle, its clock, and how to make a paper from the dialog. */
export interface StepContext {
  readonly bundle: LoadedBundle;
  readonly timeZone: string;
  /** Submits the paper dialog with its prefilled values, as an officer clicking Generate would: the paper's name. */
  readonly submitPaper: () => string | null;
  /** Runs a step that Google may refuse for want of a permission: null, and the refusal noted, when it does. */
  readonly attempt: <T>(what: string, run: () => T) => T | null;
}

/** Runs every step in order and says what each did; a step that cannot run stops the run, naming it. */
export function runSteps(steps: readonly ScenarioStep[], context: StepContext): string[] {
  return steps.map((step, i) => {
    try {
      return `Step ${i + 1}: ${runStep(step, context)}`;
    } catch (error) {
      if (error instanceof ScenarioError) throw new ScenarioError(`step ${i + 1}: ${error.message}`);
      throw error;
    }
  });
}

function runStep(step: ScenarioStep, context: StepContext): string {
  const { bundle } = context;
  if ('advance' in step) return advanceClock(step.advance.hours, step.advance.text, context);
  const as = step.as;
  if ('set' in step) {
    const row = findRow(bundle, step.set.row);
    const a1 = `${columnLetters(columnOf(bundle, 'Register', step.set.column))}${row}`;
    const typed = bundle.as(as, () => bundle.type('Register', a1, step.set.value));
    if (!typed) throw new ScenarioError(`the sheet refused "${step.set.value}" in ${step.set.column}`);
    return `${as} typed into ${step.set.column} of ${describe(step.set.row)}`;
  }
  if ('paste' in step) {
    const rows = step.paste.rows.map((r) => findRow(bundle, r));
    if (rows.some((r, i) => i > 0 && r !== rows[i - 1] + 1)) {
      throw new ScenarioError(
        'a paste covers adjacent rows, in order: these rows are not next to each other',
      );
    }
    const column = columnLetters(columnOf(bundle, 'Register', step.paste.column));
    bundle.as(as, () =>
      bundle.paste(
        'Register',
        `${column}${rows[0]}`,
        step.paste.values.map((v) => [v]),
      ),
    );
    return `${as} pasted ${step.paste.values.length} cells into ${step.paste.column}`;
  }
  if ('deleteRows' in step) {
    const rows = step.deleteRows.map((r) => findRow(bundle, r)).sort((a, b) => b - a);
    for (const row of rows) bundle.as(as, () => bundle.deleteRows('Register', row, 1));
    return `${as} deleted ${rows.length === 1 ? 'the row' : `${rows.length} rows`} of ${step.deleteRows.map(describe).join(', ')}`;
  }
  if ('setting' in step) {
    const row = settingRow(bundle, step.setting);
    const typed = bundle.as(as, () => bundle.type('Settings', `B${row}`, step.value));
    if (!typed) throw new ScenarioError(`the Settings sheet refused "${step.value}" for ${step.setting}`);
    return `${as} set ${step.setting} to "${step.value}"`;
  }
  return chooseMenu(step.menu, as, context);
}

function chooseMenu(caption: string, as: string, context: StepContext): string {
  const { bundle } = context;
  const item = bundle.menuItems().find((i) => i.caption === caption);
  if (!item) {
    const known = bundle.menuItems().map((i) => `"${i.caption}"`);
    throw new ScenarioError(`no menu item "${caption}"; the menu has ${known.join(', ')}`);
  }
  const { dialogs } = bundle.ws.sheets.ui;
  const before = dialogs.length;
  let paper: string | null = null;
  context.attempt(caption, () =>
    bundle.as(as, () => {
      bundle.clickMenu(caption);
      if (dialogs.slice(before).some((d) => d.kind === 'modal' && d.title === 'Generate briefing paper'))
        paper = context.submitPaper();
    }),
  );
  const said = dialogs
    .slice(before)
    .filter((d) => d.kind !== 'modal')
    .map((d) => d.prompt.split('\n')[0]);
  if (paper !== null) said.push(`made the paper “${paper}”`);
  return `${as} chose ${caption}${said.length > 0 ? `: ${said.at(-1)}` : ''}`;
}

/** Moves the clock, firing every time-driven trigger that falls due on the way, in order. */
function advanceClock(hours: number, text: string, context: StepContext): string {
  const { bundle, timeZone } = context;
  const { ws } = bundle;
  const end = ws.runtime.now().getTime() + hours * 3_600_000;
  const fired: string[] = [];
  const mailBefore = ws.mail.sent.length;
  for (;;) {
    const due = ws.script
      .triggers()
      .filter((t) => t.eventType === 'CLOCK')
      .map((t) => ({ t, next: ws.script.nextRun(t, ws.runtime.now()) }))
      .filter((d): d is { t: (typeof d)['t']; next: Date } => d.next !== null && d.next.getTime() <= end)
      .sort((a, b) => a.next.getTime() - b.next.getTime())[0];
    if (!due) break;
    ws.setNow(due.next);
    const label = `${due.t.handlerFunction} at ${localTime(due.next, timeZone)}`;
    try {
      context.attempt('The weekly reminder run', () => bundle.fireClock(due.t.handlerFunction));
      fired.push(label);
    } catch (error) {
      // A failed run is Google's to record, and the register tells the owner itself: the week goes on.
      fired.push(`${label} (failed: ${error instanceof Error ? error.message : String(error)})`);
    }
  }
  ws.setNow(new Date(end));
  const sent = ws.mail.sent.length - mailBefore;
  const runs =
    fired.length === 0
      ? ''
      : `; ${fired.length === 1 ? 'one run' : `${fired.length} runs`} of the triggers (${fired[0]}` +
        `${fired.length > 1 ? ` to ${fired[fired.length - 1]}` : ''}) sent ${sent} email${sent === 1 ? '' : 's'}`;
  return `the clock moved on ${text}${runs}`;
}

/** "2010-09-13 08:00 (Europe/London)": a time as the spreadsheet's zone shows it. */
export function localTime(when: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(when);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')} (${timeZone})`;
}

const describe = (row: RowChoice): string => ('ref' in row ? `ref ${row.ref}` : `"${row.action}"`);

function valuesOf(bundle: LoadedBundle, sheet: string): unknown[][] {
  return bundle.ws.runtime.calls.uncounted(() => {
    const found = bundle.spreadsheet().getSheetByName(sheet);
    if (!found) throw new ScenarioError(`there is no ${sheet} sheet`);
    return found.getDataRange().getValues();
  });
}

function columnOf(bundle: LoadedBundle, sheet: string, header: string): number {
  const headers = (valuesOf(bundle, sheet)[0] ?? []).map((h) => String(h).trim().toLowerCase());
  const index = headers.indexOf(header.trim().toLowerCase());
  if (index < 0) throw new ScenarioError(`the ${sheet} has no column "${header}"`);
  return index + 1;
}

/** The Register row (1-based) of the action chosen by ref or exact action text: exactly one must match. */
function findRow(bundle: LoadedBundle, choice: RowChoice): number {
  const values = valuesOf(bundle, 'Register');
  const column = columnOf(bundle, 'Register', 'ref' in choice ? 'Ref' : 'Action') - 1;
  const wanted = 'ref' in choice ? choice.ref : choice.action;
  const rows = values.flatMap((r, i) => (i > 0 && String(r[column]).trim() === wanted.trim() ? [i + 1] : []));
  if (rows.length === 0) throw new ScenarioError(`no action with ${describe(choice)} in the Register`);
  if (rows.length > 1)
    throw new ScenarioError(`${rows.length} actions have ${describe(choice)}: choose by the other`);
  return rows[0];
}

function settingRow(bundle: LoadedBundle, label: string): number {
  const row = valuesOf(bundle, 'Settings').findIndex(
    (r) => String(r[0]).trim().toLowerCase() === label.trim().toLowerCase(),
  );
  if (row < 1) throw new ScenarioError(`the Settings sheet has no "${label}"`);
  return row + 1;
}
