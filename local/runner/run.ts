/**
 * The register end to end on a plan, in the local Workspace, through the bundle's own entry points: open the
 * sheet, set up, fill Officers and paste the plan as a user would, import, refresh, generate the paper, schedule
 * the weekly digest and let Google fire it. Then the state is exported to real files. The project has the
 * scopes of its manifest (dist/appsscript.json unless told otherwise); each permission Google refuses is reported.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, extname, join, relative } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { addDays, fromIsoDate, isIsoDate, toIsoDate } from '../../src/core/dates';
import { writeDashboardPng } from '../export/dashboard';
import { writeDocx } from '../export/docx';
import { writeEml } from '../export/eml';
import { writeXlsx } from '../export/xlsx';
import { isDate } from '../workspace/runtime';
import { REFUSED } from '../../src/core/permissions';
import { DIST, loadBundle, readManifestScopes } from './bundle';
import type { LoadedBundle } from './bundle';
import { Refusals } from './refusals';
import { importWordPlan, readPlanFile } from './plan-source';
import type { WordPlan } from './plan-source';
import { UsageError } from './usage-error';

export { UsageError };

export const SAMPLE_PLAN = join(__dirname, '../sample/plan.tsv');
export const SAMPLE_OFFICERS = join(__dirname, '../sample/officers.csv');
/** A Monday on which the sample plan shows every status. */
export const SAMPLE_TODAY = '2010-09-06';
const TIME_ZONE = 'Europe/London';
const OFFICER_HEADERS = ['Initials', 'Name', 'Job title', 'Email', 'Directorate', 'Reports to'];
/** Without these an officer cannot be matched to a Lead cell or sent a digest. */
const REQUIRED_OFFICER_HEADERS = ['Initials', 'Name', 'Email'];

export interface RunOptions {
  readonly plan?: string;
  readonly officers?: string;
  readonly today?: string;
  readonly out: string;
  /** The manifest whose oauthScopes the run is granted; dist/appsscript.json by default. */
  readonly manifest?: string;
}

export interface RunSummary {
  readonly lines: string[];
  readonly files: string[];
  /** Each step a missing permission stopped or hobbled, in plain words. */
  readonly refused: readonly string[];
}

function readText(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new UsageError(`cannot read ${what} "${path}": ${code === 'ENOENT' ? 'no such file' : code}`);
  }
}

/** A TSV or CSV file as a rectangular grid of text, as an officer would paste it. */
export function readGrid(path: string, what: string): string[][] {
  const text = readText(path, what).replace(/^\uFEFF/, '');
  const tsv =
    ['.tsv', '.tab', '.txt'].includes(extname(path).toLowerCase()) ||
    (!text.includes(',') && text.includes('\t'));
  let rows: string[][];
  try {
    rows = parse(text, {
      delimiter: tsv ? '\t' : ',',
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
    }) as string[][];
  } catch (error) {
    throw new UsageError(`cannot read ${what} "${path}": ${(error as Error).message}`);
  }
  while (rows.length > 0 && rows[rows.length - 1].every((c) => c.trim() === '')) rows.pop();
  if (rows.length === 0) throw new UsageError(`${what} "${path}" is empty`);
  const width = Math.max(...rows.map((r) => r.length));
  return rows.map((r) => [...r, ...new Array<string>(width - r.length).fill('')]);
}

function readOfficers(path: string): string[][] {
  const [header, ...rows] = readGrid(path, 'officers file');
  const norm = (s: string) => s.trim().toLowerCase();
  const indexes = OFFICER_HEADERS.map((h) => header.findIndex((c) => norm(c) === norm(h)));
  const missing = REQUIRED_OFFICER_HEADERS.filter((h) => indexes[OFFICER_HEADERS.indexOf(h)] < 0);
  if (missing.length > 0) throw new UsageError(`officers file "${path}" has no ${missing.join(', ')} column`);
  return rows
    .filter((r) => r.some((c) => c.trim() !== ''))
    .map((r) => indexes.map((i) => (i < 0 ? '' : r[i].trim())));
}

const columnLetter = (n: number): string =>
  n <= 0 ? '' : columnLetter(Math.floor((n - 1) / 26)) + String.fromCharCode(65 + ((n - 1) % 26));

export const a1 = (rows: number, columns: number, firstRow = 1): string =>
  `A${firstRow}:${columnLetter(columns)}${firstRow + rows - 1}`;

/** A date cell as YYYY-MM-DD, with HH:mm when it holds a time of day (History's When). */
function csvDate(value: Date): string {
  const day = toIsoDate(value, TIME_ZONE);
  const midnight = fromIsoDate(day, TIME_ZONE).getTime();
  if (value.getTime() === midnight) return day;
  const time = new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit' });
  return `${day} ${time.format(value)}`;
}

/** A sheet's values as CSV: dates as YYYY-MM-DD in the spreadsheet's time zone. */
function sheetCsv(bundle: LoadedBundle, name: string): string | null {
  return bundle.ws.runtime.calls.uncounted(() => {
    const sheet = bundle.spreadsheet().getSheetByName(name);
    if (!sheet || sheet.getLastRow() === 0) return null;
    const values = sheet.getDataRange().getValues();
    return stringify(values.map((row) => row.map((v) => (isDate(v) ? csvDate(v) : v))));
  });
}

export const at = (day: string, hour: number, minute = 0): Date => {
  const midnight = fromIsoDate(day, TIME_ZONE);
  return new Date(midnight.getTime() + (hour * 60 + minute) * 60_000);
};

/** The last message the script showed the user. */
function lastDialog(bundle: LoadedBundle): string {
  const { dialogs } = bundle.ws.sheets.ui;
  return dialogs[dialogs.length - 1]?.prompt ?? '';
}

/**
 * What an officer does on a new spreadsheet: open it, set up the register, fill the Officers sheet and the
 * owner's email, paste the plan into the Import sheet, import it and refresh statuses.
 */
export function registerPlan(
  bundle: LoadedBundle,
  plan: string[][] | WordPlan,
  officers: string[][],
): { importMessage: string; refreshMessage: string } {
  const { ws } = bundle;
  bundle.open();
  bundle.clickMenu('Set up or repair register');
  // Where set-up could not make the sheets, there is nowhere to paste.
  const has = (name: string): boolean =>
    ws.runtime.calls.uncounted(() => bundle.spreadsheet().getSheetByName(name) !== null);
  if (officers.length > 0 && has('Officers'))
    bundle.edit('Officers', a1(officers.length, OFFICER_HEADERS.length, 2), officers);
  const ownerRow = ws.runtime.calls.uncounted(() =>
    bundle
      .spreadsheet()
      .getSheetByName('Settings')
      ?.getDataRange()
      .getValues()
      .findIndex((r) => r[0] === 'Owner email'),
  );
  if (ownerRow !== undefined && ownerRow > 0)
    bundle.edit('Settings', `B${ownerRow + 1}`, [[ws.runtime.user]]);
  let importMessage: string;
  if (Array.isArray(plan)) {
    if (has('Import')) bundle.edit('Import', a1(plan.length, plan[0].length), plan);
    bundle.clickMenu('Import plan');
    importMessage = lastDialog(bundle);
  } else importMessage = importWordPlan(bundle, plan);
  bundle.clickMenu('Refresh statuses');
  return { importMessage, refreshMessage: lastDialog(bundle) };
}

/**
 * Officers at work in the sheet, so that History shows what the register records: the lead of the first
 * overdue action adds a progress note, and the lead of the next one agrees a revised due date three months on
 * (an extension). Returns what was done, in words.
 */
export function officersAtWork(bundle: LoadedBundle, officers: string[][], today: string): string[] {
  const { ws } = bundle;
  const sheet = ws.runtime.calls.uncounted(() => bundle.spreadsheet().getSheetByName('Register'));
  if (!sheet) return [];
  const [header, ...rows] = ws.runtime.calls.uncounted(() => sheet.getDataRange().getValues());
  const col = (name: string): number => (header as string[]).indexOf(name);
  const cell = (name: string, index: number): string => `${columnLetter(col(name) + 1)}${index + 2}`;
  const emailOf = (lead: unknown): string =>
    officers.find((o) => o[0] === String(lead).split(',')[0].trim())?.[3] || ws.runtime.user;
  const as = (lead: unknown, fn: () => void): void => bundle.as(emailOf(lead), fn);
  const overdue = rows.flatMap((r, i) => (r[col('Status')] === 'Overdue' ? [i] : []));
  const done: string[] = [];
  const [first, second] = overdue;
  if (first !== undefined) {
    const row = rows[first];
    const note = `${String(row[col('Progress')])} Update: draft circulated to Members; decision expected next month.`;
    as(row[col('Lead')], () => bundle.edit('Register', cell('Progress', first), [[note]]));
    done.push(`${emailOf(row[col('Lead')])} updated the progress of ${String(row[col('Ref')])}`);
  }
  if (second !== undefined) {
    const row = rows[second];
    const revised = fromIsoDate(addDays(today, 91), TIME_ZONE);
    as(row[col('Lead')], () => bundle.edit('Register', cell('Revised due date', second), [[revised]]));
    done.push(`${emailOf(row[col('Lead')])} extended ${String(row[col('Ref')])} to ${addDays(today, 91)}`);
  }
  return done;
}

/** Reads the sample (or given) plan and officers files. */
export function readInputs(
  plan = SAMPLE_PLAN,
  officers = SAMPLE_OFFICERS,
): { plan: string[][]; officers: string[][] } {
  return { plan: readGrid(plan, 'plan'), officers: readOfficers(officers) };
}

export async function runRegister(options: RunOptions): Promise<RunSummary> {
  const today = options.today ?? SAMPLE_TODAY;
  if (!isIsoDate(today)) throw new UsageError(`--today must be a date as YYYY-MM-DD, not "${today}"`);
  const planPath = options.plan ?? SAMPLE_PLAN;
  const plan = (await readPlanFile(planPath)) ?? readGrid(planPath, 'plan');
  const officers = readOfficers(options.officers ?? SAMPLE_OFFICERS);

  const manifest = options.manifest ?? join(DIST, 'appsscript.json');
  const bundle = loadBundle({ now: at(today, 7), timeZone: TIME_ZONE, scopes: manifestScopes(manifest) });
  const { ws } = bundle;
  ws.sheets.ui.respond((dialog) => ({ button: /yes/i.test(dialog.buttons) ? 'YES' : 'OK' }));
  const shown = relative(process.cwd(), manifest);
  const refusals = new Refusals(bundle, shown.startsWith('..') || shown === '' ? manifest : shown);
  const lines: string[] = [];
  const skipped: string[] = [];

  const registered = refusals.step('Setting up the register and importing the plan', () =>
    registerPlan(bundle, plan, officers),
  );
  if (registered && !registered.importMessage.includes(REFUSED))
    lines.push(`Imported ${basename(planPath)}: ${registered.importMessage.replace(/\n/g, ' ')}`);
  const edits = refusals.step('Officers editing the Register', () => officersAtWork(bundle, officers, today));
  if (edits && edits.length > 0) lines.push(`Officers at work: ${edits.join('; ')} (see history.csv).`);
  refusals.step('Refreshing statuses', () => bundle.clickMenu('Refresh statuses'));
  if (lastDialog(bundle).startsWith('Statuses refreshed'))
    lines.push(`Statuses as of ${today}: ${lastDialog(bundle).split('\n').slice(1, 5).join('; ')}`);

  rmSync(options.out, { recursive: true, force: true });
  mkdirSync(join(options.out, 'emails'), { recursive: true });
  const files: string[] = [];
  const save = (name: string, content: string | null): void => {
    if (content === null) return;
    writeFileSync(join(options.out, name), content);
    files.push(name);
  };
  await writeXlsx(ws.sheets.active, join(options.out, 'register.xlsx'));
  files.push('register.xlsx');
  const dashboard = ws.sheets.active.sheets.find((s) => s.name === 'Dashboard');
  if (dashboard && (await writeDashboardPng(dashboard, join(options.out, 'dashboard.png')))) {
    files.push('dashboard.png');
  }
  save('register.csv', sheetCsv(bundle, 'Register'));
  save('history.csv', sheetCsv(bundle, 'History') ?? 'When,Who,Ref,Field,Old value,New value,Action ID\n');

  if (bundle.hasFunction('generatePaper') && bundle.hasFunction('getPaperDefaults')) {
    ws.setNow(at(today, 7, 30));
    const result = refusals.step('Generating the briefing paper', () =>
      briefingPaper(bundle, refusals, today),
    );
    const doc = result && ws.docs.documents().find((d) => result.url.includes(d.getId()));
    if (result && doc) {
      await writeDocx(doc, join(options.out, 'briefing-paper.docx'));
      files.push('briefing-paper.docx');
      lines.push(`Briefing paper: "${result.name}" (${result.url})`);
    }
  } else skipped.push('briefing paper (not built yet)');

  if (bundle.hasFunction('scheduleReminders') && bundle.hasFunction('runWeeklyReminders')) {
    refusals.step('Scheduling weekly reminders', () => bundle.clickMenu('Schedule weekly reminders'));
    const trigger = ws.script.triggers().find((t) => t.handlerFunction === 'runWeeklyReminders');
    const next = trigger ? ws.script.nextRun(trigger, ws.runtime.now()) : null;
    if (next) {
      ws.setNow(next);
      refusals.step('The weekly reminder run', () => bundle.fireClock('runWeeklyReminders'));
      const first = ws.mail.sent.length;
      ws.setNow(new Date(next.getTime() + 3 * 3_600_000));
      refusals.step('The weekly reminder run', () => bundle.fireClock('runWeeklyReminders'));
      lines.push(
        `Weekly digest fired ${toIsoDate(next, TIME_ZONE)} ${next.toISOString().slice(11, 16)} UTC: ${first} email${first === 1 ? '' : 's'}; ` +
          `a second run the same day sent ${ws.mail.sent.length - first} more.`,
      );
    }
    // The owner previews their own reminder: it goes to them only.
    refusals.step('Previewing my reminder', () => bundle.clickMenu('Preview my reminder'));
    if (/^(Your reminder|You lead no)/.test(lastDialog(bundle)))
      lines.push(`Preview my reminder: ${lastDialog(bundle)}`);
    for (const [i, mail] of ws.mail.sent.entries()) {
      const to = String(mail.to)
        .split(',')[0]
        .trim()
        .replace(/[^\w.@-]/g, '_');
      const name = `emails/${String(i + 1).padStart(2, '0')}-${to}.eml`;
      await writeEml(mail, join(options.out, name));
      files.push(name);
    }
  } else skipped.push('weekly digest emails (not built yet)');

  lines.push(`Service calls: ${ws.runtime.calls.total()} in all.`);
  if (skipped.length > 0) lines.push(`Skipped: ${skipped.join('; ')}.`);
  lines.push(
    `Wrote ${files.length} files to ${options.out}: ${files.filter((f) => !f.startsWith('emails/')).join(', ')}${files.some((f) => f.startsWith('emails/')) ? ', emails/*.eml' : ''}`,
  );
  return { lines, files, refused: refusals.lines() };
}

function manifestScopes(path: string): readonly string[] | null {
  try {
    return readManifestScopes(path);
  } catch (error) {
    throw new UsageError(`cannot read manifest "${path}": ${(error as Error).message}`);
  }
}

/**
 * The officer opens the paper dialog, fills in the meeting date Settings leave blank until a meeting is set, and
 * submits it. Null when the dialog could not open; warnings naming a refused permission are noted.
 */
function briefingPaper(
  bundle: LoadedBundle,
  refusals: Refusals,
  today: string,
): { url: string; name: string } | null {
  const { dialogs } = bundle.ws.sheets.ui;
  const before = dialogs.length;
  bundle.clickMenu('Generate briefing paper…');
  if (!dialogs.slice(before).some((d) => d.kind === 'modal')) return null;
  const defaults = bundle.run('getPaperDefaults') as Record<string, unknown>;
  const form = { ...defaults, meetingDate: defaults.meetingDate || today };
  const result = bundle.run('generatePaper', form) as { url: string; name: string; warnings: string[] };
  refusals.note('Generating the briefing paper', result.warnings);
  return result;
}
