/**
 * The register end to end, in the local Workspace, through the bundle's own entry points, as officers and Google
 * would drive it. Three ways to run:
 * - a scenario file (`--scenario`, and the sample's own scenario when no plan is given): set-up, officers and
 *   import at 00:00 on the scenario's day, then exactly the steps it lists;
 * - a plan (`--plan`): set-up, officers, import, then the whole job (refresh, the paper, the weekly reminders
 *   scheduled and their next run), and no edit that nobody asked for.
 * Then the state is written to real files in the output folder. The project has the scopes and advanced services
 * of its manifest (dist/appsscript.json unless told otherwise); each permission Google refuses is reported.
 */
import { basename, join, relative } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { fromIsoDate, isIsoDate, toIsoDate } from '../../src/core/dates';
import { REFUSED } from '../../src/core/permissions';
import { writeDashboardPng } from '../export/dashboard';
import { writeDocx } from '../export/docx';
import { writeEml } from '../export/eml';
import { writeXlsx } from '../export/xlsx';
import { isDate } from '../workspace/runtime';
import { DEFAULT_USER } from '../workspace/runtime';
import { columnLetters } from '../workspace/SpreadsheetApp';
import { DIST, loadBundle, readManifestScopes } from './bundle';
import type { LoadedBundle } from './bundle';
import { OFFICER_HEADERS, readGrid, readMapping, readOfficers, readPlan, readSettingsFile } from './inputs';
import { OutputFolder } from './outputs';
import { importWordPlan } from './plan-source';
import type { WordPlan } from './plan-source';
import { Refusals } from './refusals';
import { localTime, readScenario, runSteps } from './scenario';
import type { ScenarioStep } from './scenario';
import { UsageError } from './usage-error';

export { UsageError };

export const SAMPLE_PLAN = join(__dirname, '../sample/plan.tsv');
export const SAMPLE_OFFICERS = join(__dirname, '../sample/officers.csv');
export const SAMPLE_SCENARIO = join(__dirname, '../sample/scenario.json');
/** A Monday on which the sample plan shows every status. */
export const SAMPLE_TODAY = '2010-09-06';
const TIME_ZONE = 'Europe/London';
/** Report lines printed in the summary; the rest are in import-report.csv. */
const REPORT_LINES_SHOWN = 10;

export interface RunOptions {
  readonly plan?: string;
  readonly officers?: string;
  readonly today?: string;
  readonly out: string;
  /** The manifest whose oauthScopes the run is granted; dist/appsscript.json by default. */
  readonly manifest?: string;
  readonly scenario?: string;
  /** "Header=Field" answers for plan columns the import does not understand. */
  readonly map?: readonly string[];
  /** A CSV of Setting,Value rows; and the four settings a council sets first, on their own. */
  readonly settings?: string;
  readonly planName?: string;
  readonly committee?: string;
  readonly owner?: string;
  readonly author?: string;
}

export interface RunSummary {
  readonly lines: string[];
  readonly files: string[];
  /** Each step a missing permission stopped or hobbled, in plain words. */
  readonly refused: readonly string[];
}

/** What the run starts from, however it was asked for. */
interface Job {
  readonly planPath: string;
  readonly plan: string[][] | WordPlan;
  readonly officers: string[][];
  readonly today: string;
  readonly owner: string;
  readonly settings: readonly [string, string][];
  /** The scenario's steps, or null for the whole job on a plan. */
  readonly steps: readonly ScenarioStep[] | null;
}

export const a1 = (rows: number, columns: number, firstRow = 1): string =>
  `A${firstRow}:${columnLetters(columns)}${firstRow + rows - 1}`;

export const at = (day: string, hour: number, minute = 0): Date => {
  const midnight = fromIsoDate(day, TIME_ZONE);
  return new Date(midnight.getTime() + (hour * 60 + minute) * 60_000);
};

/** Reads the sample (or given) plan and officers files, as a text grid. */
export function readInputs(
  plan = SAMPLE_PLAN,
  officers = SAMPLE_OFFICERS,
): { plan: string[][]; officers: string[][] } {
  return { plan: readGrid(plan, 'plan'), officers: readOfficers(officers) };
}

/** The last message the script showed the user. */
function lastDialog(bundle: LoadedBundle): string {
  const { dialogs } = bundle.ws.sheets.ui;
  return dialogs[dialogs.length - 1]?.prompt ?? '';
}

function hasSheet(bundle: LoadedBundle, name: string): boolean {
  return bundle.ws.runtime.calls.uncounted(() => bundle.spreadsheet().getSheetByName(name) !== null);
}

function sheetValues(bundle: LoadedBundle, name: string): unknown[][] | null {
  return bundle.ws.runtime.calls.uncounted(() => {
    const sheet = bundle.spreadsheet().getSheetByName(name);
    return sheet && sheet.getLastRow() > 0 ? sheet.getDataRange().getValues() : null;
  });
}

/**
 * What an officer does on a new spreadsheet: open it, set up the register, fill the Officers sheet and the
 * settings (the owner's email among them), paste the plan into the Import sheet, import it and refresh statuses.
 */
export function registerPlan(
  bundle: LoadedBundle,
  plan: string[][] | WordPlan,
  officers: string[][],
  settings: readonly [string, string][] = [['Owner email', bundle.ws.runtime.user]],
): { importMessage: string; refreshMessage: string } {
  bundle.open();
  bundle.clickMenu('Set up or repair register');
  // Where set-up could not make the sheets, there is nowhere to paste.
  if (officers.length > 0 && hasSheet(bundle, 'Officers'))
    bundle.paste('Officers', a1(officers.length, OFFICER_HEADERS.length, 2), officers);
  const rows = sheetValues(bundle, 'Settings') ?? [];
  for (const [label, value] of settings) {
    const row = rows.findIndex((r) => String(r[0]).trim().toLowerCase() === label.toLowerCase());
    if (row < 1)
      throw new UsageError(`there is no setting "${label}" (see the Settings sheet for the names)`);
    bundle.edit('Settings', `B${row + 1}`, [[value]]);
  }
  let importMessage: string;
  if (Array.isArray(plan)) {
    if (hasSheet(bundle, 'Import') && plan.length > 0)
      bundle.paste('Import', a1(plan.length, plan[0].length), plan);
    bundle.clickMenu('Import plan');
    importMessage = lastDialog(bundle);
  } else importMessage = importWordPlan(bundle, plan);
  bundle.clickMenu('Refresh statuses');
  return { importMessage, refreshMessage: lastDialog(bundle) };
}

/** The job as asked: a scenario file, a plan, or the sample's own scenario. */
async function jobOf(options: RunOptions): Promise<Job> {
  const settings: [string, string][] = options.settings ? readSettingsFile(options.settings) : [];
  const named: [string, string | undefined][] = [
    ['Plan name', options.planName],
    ['Committee', options.committee],
    ['Report author', options.author],
  ];
  for (const [label, value] of named) if (value !== undefined) settings.push([label, value]);
  const scenarioPath = options.scenario ?? (options.plan === undefined ? SAMPLE_SCENARIO : undefined);
  if (scenarioPath !== undefined) {
    const scenario = readScenario(scenarioPath);
    const owner = options.owner ?? scenario.owner;
    return {
      planPath: options.plan ?? scenario.plan,
      plan: await readPlan(options.plan ?? scenario.plan),
      officers: readOfficers(options.officers ?? scenario.officers),
      today: checkedDay(options.today ?? scenario.today),
      owner,
      settings: [['Owner email', owner], ...settings],
      steps: scenario.steps,
    };
  }
  const planPath = options.plan ?? SAMPLE_PLAN;
  const owner = options.owner ?? DEFAULT_USER;
  return {
    planPath,
    plan: await readPlan(planPath),
    officers: readOfficers(options.officers ?? SAMPLE_OFFICERS),
    today: checkedDay(options.today ?? SAMPLE_TODAY),
    owner,
    settings: [['Owner email', owner], ...settings],
    steps: null,
  };
}

function checkedDay(day: string): string {
  if (!isIsoDate(day)) throw new UsageError(`--today must be a date as YYYY-MM-DD, not "${day}"`);
  return day;
}

export async function runRegister(options: RunOptions): Promise<RunSummary> {
  const job = await jobOf(options);
  const folder = new OutputFolder(options.out);
  const mapping = readMapping(options.map ?? []);
  const manifest = options.manifest ?? join(DIST, 'appsscript.json');
  // The clock starts at 00:00 on the day, in the spreadsheet's time zone.
  const bundle = loadBundle({
    now: at(job.today, 0),
    timeZone: TIME_ZONE,
    scopes: manifestScopes(manifest),
    manifest,
  });
  answerAsAnOfficer(bundle, mapping);
  const shown = relative(process.cwd(), manifest);
  const refusals = new Refusals(bundle, shown.startsWith('..') || shown === '' ? manifest : shown);
  const lines: string[] = [];

  const registered = bundle.as(job.owner, () =>
    refusals.step('Setting up the register and importing the plan', () =>
      registerPlan(bundle, job.plan, job.officers, job.settings),
    ),
  );
  const said = registered?.importMessage ?? '';
  if (/No actions imported/.test(said)) {
    throw new UsageError(`nothing was imported from ${basename(job.planPath)}: ${said.replace(/\n/g, ' ')}`);
  }
  if (registered && !said.includes(REFUSED))
    lines.push(`Imported ${basename(job.planPath)}: ${said.replace(/\n/g, ' ')}`);
  lines.push(...importReportLines(bundle));

  if (job.steps !== null) {
    lines.push(
      ...runSteps(job.steps, {
        bundle,
        timeZone: TIME_ZONE,
        submitPaper: () => submitPaper(bundle, refusals, job.today)?.name ?? null,
        attempt: (what, run) => refusals.step(what, run),
      }),
    );
  } else bundle.as(job.owner, () => lines.push(...wholeJob(bundle, refusals, job.today)));

  lines.push(...(await writeOutputs(bundle, folder)));
  lines.push(`Service calls: ${bundle.ws.runtime.calls.total()} in all.`);
  return { lines, files: folder.written, refused: refusals.lines() };
}

/** The runner's officer answers Yes to what the register asks, and the --map answers to column questions. */
function answerAsAnOfficer(bundle: LoadedBundle, mapping: ReadonlyMap<string, string>): void {
  bundle.ws.sheets.ui.respond((dialog) => {
    if (dialog.kind === 'prompt') {
      const header = /column “([^”]*)”/.exec(dialog.prompt)?.[1] ?? '';
      return { button: 'OK', text: mapping.get(header) ?? '' };
    }
    return { button: /yes/i.test(dialog.buttons) ? 'YES' : 'OK' };
  });
}

/** The import report, line by line (the first few in the summary, all in import-report.csv). */
function importReportLines(bundle: LoadedBundle): string[] {
  const rows = (sheetValues(bundle, 'Import report') ?? []).slice(1);
  if (rows.length === 0) return [];
  const shown = rows
    .slice(0, REPORT_LINES_SHOWN)
    .map((r) => `  Row ${String(r[0])}: ${String(r[2])} (kept: ${String(r[3])})`);
  if (rows.length > REPORT_LINES_SHOWN)
    shown.push(`  … and ${rows.length - REPORT_LINES_SHOWN} more in import-report.csv`);
  return [`Import report (${rows.length} ${rows.length === 1 ? 'line' : 'lines'} to look at):`, ...shown];
}

/** The whole job on a plan, done by the owner: refresh, the paper, the reminders and their next run. */
function wholeJob(bundle: LoadedBundle, refusals: Refusals, today: string): string[] {
  const { ws } = bundle;
  const lines: string[] = [];
  ws.setNow(at(today, 7));
  refusals.step('Refreshing statuses', () => bundle.clickMenu('Refresh statuses'));
  if (lastDialog(bundle).startsWith('Statuses refreshed'))
    lines.push(`Statuses as of ${today}: ${lastDialog(bundle).split('\n').slice(1, 6).join('; ')}`);
  ws.setNow(at(today, 7, 30));
  refusals.step('Generating the briefing paper', () => {
    bundle.clickMenu('Generate briefing paper…');
    const result = submitPaper(bundle, refusals, today);
    if (result) lines.push(`Briefing paper: "${result.name}" (${result.url})`);
  });
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
      `Weekly reminders ran ${localTime(next, TIME_ZONE)}: ${first} email${first === 1 ? '' : 's'}; ` +
        `a second run that day sent ${ws.mail.sent.length - first} more.`,
    );
  }
  // The owner previews their own reminder: it goes to them only.
  refusals.step('Previewing my reminder', () => bundle.clickMenu('Preview my reminder'));
  if (/^(Your reminder|You lead no)/.test(lastDialog(bundle)))
    lines.push(`Preview my reminder: ${lastDialog(bundle)}`);
  return lines;
}

/**
 * The officer submits the open paper dialog with what it was prefilled with, giving the meeting date Settings
 * leave blank until a meeting is set. Null when the paper could not be made; refused permissions are noted.
 */
function submitPaper(
  bundle: LoadedBundle,
  refusals: Refusals,
  today: string,
): { url: string; name: string } | null {
  const defaults = bundle.run('getPaperDefaults') as Record<string, unknown>;
  const form = { ...defaults, meetingDate: defaults.meetingDate || today };
  const result = bundle.run('generatePaper', form) as { url: string; name: string; warnings: string[] };
  refusals.note('Generating the briefing paper', result.warnings);
  return result;
}

/** A date cell as YYYY-MM-DD, with HH:mm when it holds a time of day (History's When), in the sheet's zone. */
function csvDate(value: Date): string {
  const day = toIsoDate(value, TIME_ZONE);
  if (value.getTime() === fromIsoDate(day, TIME_ZONE).getTime()) return day;
  return localTime(value, TIME_ZONE).replace(/ \(.*\)$/, '');
}

function sheetCsv(bundle: LoadedBundle, name: string): string | null {
  const values = sheetValues(bundle, name);
  return values === null
    ? null
    : stringify(values.map((row) => row.map((v) => (isDate(v) ? csvDate(v) : v))));
}

/** Writes the register, its History, the import report, the latest paper, the dashboard and every email sent. */
async function writeOutputs(bundle: LoadedBundle, folder: OutputFolder): Promise<string[]> {
  const { ws } = bundle;
  folder.clearPrevious();
  await writeXlsx(ws.sheets.active, folder.path('register.xlsx'));
  folder.wrote('register.xlsx');
  for (const [file, sheet] of [
    ['register.csv', 'Register'],
    ['history.csv', 'History'],
    ['import-report.csv', 'Import report'],
  ] as const) {
    const csv = sheetCsv(bundle, sheet);
    if (csv !== null) folder.wrote(file, csv);
  }
  const dashboard = ws.sheets.active.sheets.find((s) => s.name === 'Dashboard');
  if (dashboard && (await writeDashboardPng(dashboard, folder.path('dashboard.png'))))
    folder.wrote('dashboard.png');
  const paper = latestPaper(bundle);
  if (paper) {
    await writeDocx(paper, folder.path('briefing-paper.docx'));
    folder.wrote('briefing-paper.docx');
  }
  for (const [i, mail] of ws.mail.sent.entries()) {
    const to = String(mail.to)
      .split(',')[0]
      .trim()
      .replace(/[^\w.@-]/g, '_');
    const name = `emails/${String(i + 1).padStart(2, '0')}-${to}.eml`;
    await writeEml(mail, folder.path(name));
    folder.wrote(name);
  }
  folder.finish();
  const main = folder.written.filter((f) => !f.startsWith('emails/'));
  const emails = folder.written.length - main.length;
  return [
    `Wrote ${folder.written.length} files to ${folder.dir}: ${main.join(', ')}` +
      (emails > 0 ? `, emails/*.eml (${emails})` : '') +
      `. Files already there that this runner did not write were left alone.`,
  ];
}

/** The last paper the Paper log lists, as the Doc it links to. */
function latestPaper(bundle: LoadedBundle) {
  const link = String((sheetValues(bundle, 'Paper log') ?? []).slice(1).at(-1)?.[2] ?? '');
  return link === '' ? undefined : bundle.ws.docs.documents().find((d) => link.includes(d.id));
}

function manifestScopes(path: string): readonly string[] | null {
  try {
    return readManifestScopes(path);
  } catch (error) {
    throw new UsageError(`cannot read manifest "${path}": ${(error as Error).message}`);
  }
}
