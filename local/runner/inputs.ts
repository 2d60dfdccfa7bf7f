/**
 * What the local run is given, read as the register will meet it: a plan (CSV or TSV in any encoding Windows or a
 * Mac writes, Excel, or Word), the officers, and the council's settings. Each problem is one line naming the file.
 */
import { PlanFileError, readPlanFile as readTextPlan } from './plan-file';
import { readPlanFile as readOfficeFile } from './plan-source';
import type { WordPlan } from './plan-source';
import { UsageError } from './usage-error';

export const OFFICER_HEADERS = ['Initials', 'Name', 'Job title', 'Email', 'Directorate', 'Reports to'];
/** Without these an officer cannot be matched to a Lead cell or sent a digest. */
const REQUIRED_OFFICER_HEADERS = ['Initials', 'Name', 'Email'];

/** A CSV or TSV file as the grid an officer pastes: its encoding and delimiter found, never guessed wrong. */
export function readGrid(path: string, what: string): string[][] {
  let grid: string[][];
  try {
    grid = readTextPlan(path).grid;
  } catch (error) {
    if (error instanceof PlanFileError)
      throw new UsageError(error.message.replace(/^cannot read plan /, `cannot read ${what} `));
    throw error;
  }
  while (grid.length > 0 && grid[grid.length - 1].every((c) => c.trim() === '')) grid.pop();
  if (grid.length === 0) throw new UsageError(`${what} "${path}" is empty`);
  const width = Math.max(...grid.map((r) => r.length));
  return grid.map((r) => [...r, ...new Array<string>(width - r.length).fill('')]);
}

/** A plan: a Word file as the Google Doc it becomes, anything else as the grid an officer pastes. */
export async function readPlan(path: string): Promise<string[][] | WordPlan> {
  return (await readOfficeFile(path)) ?? readGrid(path, 'plan');
}

/** The officers, in the Officers sheet's column order; columns found by header, the essential ones required. */
export function readOfficers(path: string): string[][] {
  const [header, ...rows] = readGrid(path, 'officers file');
  const norm = (s: string) => s.trim().toLowerCase();
  const indexes = OFFICER_HEADERS.map((h) => header.findIndex((c) => norm(c) === norm(h)));
  const missing = REQUIRED_OFFICER_HEADERS.filter((h) => indexes[OFFICER_HEADERS.indexOf(h)] < 0);
  if (missing.length > 0) throw new UsageError(`officers file "${path}" has no ${missing.join(', ')} column`);
  return rows
    .filter((r) => r.some((c) => c.trim() !== ''))
    .map((r) => indexes.map((i) => (i < 0 ? '' : (r[i] ?? '').trim())));
}

/**
 * Settings as the council sets them: a CSV of "Setting,Value" rows (the Settings sheet's own labels, such as
 * "Plan name", "Committee", "Owner email", "Report author").
 */
export function readSettingsFile(path: string): [string, string][] {
  const [header, ...rows] = readGrid(path, 'settings file');
  const norm = (s: string) => s.trim().toLowerCase();
  const label = header.findIndex((c) => norm(c) === 'setting');
  const value = header.findIndex((c) => norm(c) === 'value');
  if (label < 0 || value < 0)
    throw new UsageError(`settings file "${path}" needs a Setting and a Value column`);
  return rows.filter((r) => (r[label] ?? '').trim() !== '').map((r) => [r[label].trim(), r[value] ?? '']);
}

/** "Header=Field" answers for the plan's columns the import does not understand (repeatable --map). */
export function readMapping(answers: readonly string[]): Map<string, string> {
  const mapping = new Map<string, string>();
  for (const answer of answers) {
    const at = answer.lastIndexOf('=');
    if (at <= 0)
      throw new UsageError(`--map takes "Header=Field", such as "Officer responsible=Lead", not "${answer}"`);
    mapping.set(answer.slice(0, at).trim(), answer.slice(at + 1).trim());
  }
  return mapping;
}
