/**
 * npm run bench: registers of 100, 1,000 and 10,000 actions, each run through the built bundle in the local
 * Workspace (set-up, import, refresh, the weekly digest, the briefing paper) and through two baselines: the
 * typical script (bench/typical.ts: one read, one write per row) and the naive one (bench/naive.ts: per cell).
 * For every operation: service calls by kind, wall-clock time of the execution, peak heap, an estimate of the
 * time on Google from the cost model, and flags for the 6-minute limit and for calls that grow with the plan.
 * Writes bench/results.json and docs/benchmarks.md, and prints a short table.
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { loadBundle } from '../local/runner/bundle';
import type { LoadedBundle } from '../local/runner/bundle';
import { a1, at } from '../local/runner/run';
import { DocsDocumentsApi } from '../local/workspace/Docs';
import { ContainerElement } from '../local/workspace/DocumentApp';
import { FakeRange } from '../local/workspace/SpreadsheetApp';
import type { LocalWorkspace } from '../local/workspace';
import {
  COSTS,
  EXECUTION_LIMIT_MS,
  EXECUTION_LIMIT_SOURCE,
  GRID_METHODS,
  MAIL_QUOTA_SOURCE,
  MAIL_RECIPIENTS_PER_DAY,
  estimate,
} from './costModel';
import type { CostKind } from './costModel';
import { BENCH_TODAY, OFFICER_COUNT, generatePlan } from './generate';
import type { GeneratedPlan } from './generate';
import { naiveDigest, naiveGlobals, naiveImport, naivePaper, naiveRefresh, naiveSetUp } from './naive';
import type { NaiveGlobals } from './naive';
import { typicalDigest, typicalImport, typicalPaper, typicalRefresh, typicalSetUp } from './typical';

export const SIZES = [100, 1000, 10000] as const;
export const OPERATIONS = ['setup', 'import', 'refresh', 'digest', 'paper'] as const;
export type Operation = (typeof OPERATIONS)[number];
export type System = 'ours' | 'typical' | 'naive';
/** The baselines, compared with ours. */
export const BASELINES = ['typical', 'naive'] as const;
export type Baseline = (typeof BASELINES)[number];

const TIME_ZONE = 'Europe/London';
/** High enough that no digest is deferred for quota, so every run does the whole week's work. */
export const BENCH_MAIL_QUOTA = 10000;
/** The committee meeting the paper is for, as the officer enters it in the dialog. */
const MEETING_DATE = '2010-09-20';
const LABELS: Record<Operation, string> = {
  setup: 'Set up',
  import: 'Import',
  refresh: 'Refresh',
  digest: 'Weekly digest',
  paper: 'Paper',
};
const ROOT = join(__dirname, '..');
const MIB = 1024 * 1024;

export interface Measurement {
  /**
   * 'not built': the bundle has no such entry point yet; 'extrapolated': estimated from smaller runs; 'known
   * failure': refused by a Google limit the project knows of and has still to handle (the detail gives the
   * figure); 'failed': anything else, which fails the bench.
   */
  readonly status: 'ok' | 'not built' | 'failed' | 'extrapolated';
  readonly detail?: string;
  /** Service calls per `Service.method`. */
  readonly calls: Record<string, number>;
  readonly byService: Record<string, number>;
  readonly totalCalls: number;
  /** Cells moved by grid calls (getValues, setValues, setNotes ...). */
  readonly cellsMoved: number;
  /** Cells written by Body.appendTable, a whole table in one call. */
  readonly docCells: number;
  /** Sub-requests sent in Docs.Documents.batchUpdate calls. */
  readonly docsRequests: number;
  readonly mailRecipients: number;
  readonly wallMs: number;
  /** Highest heapUsed seen during the execution; null when not measured. */
  readonly peakHeapMiB: number | null;
  /** That peak less the heap in use when the execution started. */
  readonly heapGrowthMiB: number | null;
  readonly estimatedGoogleMs: number;
  readonly estimateByKind: Partial<Record<CostKind, number>>;
}

export type RunResult = Record<Operation, Measurement>;

// ---------------------------------------------------------------------------------------------------------
// Measuring

const gc: () => void = (() => {
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
})();

/** Counts cells moved by grid calls and samples the heap while an execution runs. */
class Probe {
  private pending = '';
  private cells = 0;
  private docCells = 0;
  private docsRequests = 0;
  private peak = 0;
  private tick = 0;
  private active = false;
  private static current: Probe | null = null;
  private static patched = false;

  constructor(private readonly ws: LocalWorkspace) {
    Probe.patchRanges();
    const counter = ws.runtime.calls;
    const count = counter.count.bind(counter);
    counter.count = (service: string, method: string): void => {
      count(service, method);
      if (this.active) this.onCall(service, method);
    };
  }

  /**
   * The Workspace's Range, Body.appendTable and Docs.Documents.batchUpdate are wrapped once, so each reports what
   * it moved (a grid's cells, a table's cells, a batch's sub-requests) to the probe measuring it.
   */
  private static patchRanges(): void {
    if (Probe.patched) return;
    Probe.patched = true;
    const containers = ContainerElement.prototype as unknown as Record<
      string,
      (...args: unknown[]) => unknown
    >;
    const appendTable = containers.appendTable;
    containers.appendTable = function (this: unknown, ...args: unknown[]): unknown {
      const cells = args[0];
      if (Probe.current && Array.isArray(cells)) {
        for (const row of cells) Probe.current.docCells += Array.isArray(row) ? row.length : 0;
      }
      return appendTable.apply(this, args);
    };
    const documents = DocsDocumentsApi.prototype as unknown as Record<
      string,
      (...args: unknown[]) => unknown
    >;
    const batchUpdate = documents.batchUpdate;
    documents.batchUpdate = function (this: unknown, ...args: unknown[]): unknown {
      const requests = (args[0] as { requests?: unknown } | null)?.requests;
      if (Probe.current && Array.isArray(requests)) Probe.current.docsRequests += requests.length;
      return batchUpdate.apply(this, args);
    };
    const proto = FakeRange.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
    for (const method of GRID_METHODS) {
      const original = proto[method];
      if (typeof original !== 'function') continue;
      const key = `Range.${method}`;
      proto[method] = function (this: FakeRange, ...args: unknown[]): unknown {
        const probe = Probe.current;
        if (probe && probe.pending === key) {
          probe.pending = '';
          probe.cells += this.getNumRows() * this.getNumColumns();
        }
        return original.apply(this, args);
      };
    }
  }

  private onCall(service: string, method: string): void {
    this.pending = `${service}.${method}`;
    this.tick++;
    if (this.tick < 1024 || (this.tick & 63) === 0) this.sample();
  }

  private sample(): void {
    const used = process.memoryUsage().heapUsed;
    if (used > this.peak) this.peak = used;
  }

  measure(fn: () => void, executions = 1): Measurement {
    gc();
    const calls = this.ws.runtime.calls;
    calls.reset();
    const mailBefore = recipients(this.ws);
    const start = process.memoryUsage().heapUsed;
    this.peak = start;
    this.cells = 0;
    this.docCells = 0;
    this.docsRequests = 0;
    this.tick = 0;
    this.active = true;
    Probe.current = this;
    let status: Measurement['status'] = 'ok';
    let detail: string | undefined;
    const t0 = performance.now();
    try {
      fn();
    } catch (error) {
      status = 'failed';
      detail = error instanceof Error ? error.message : String(error);
    }
    const wallMs = performance.now() - t0;
    this.sample();
    this.active = false;
    Probe.current = null;
    const snapshot = calls.snapshot();
    const docs = { docCells: this.docCells, docsRequests: this.docsRequests };
    const { ms, byKind } = estimate(snapshot, this.cells, executions, docs);
    return {
      status,
      ...(detail === undefined ? {} : { detail }),
      calls: snapshot,
      byService: calls.byService(),
      totalCalls: calls.total(),
      cellsMoved: this.cells,
      ...docs,
      mailRecipients: recipients(this.ws) - mailBefore,
      wallMs: round(wallMs, 1),
      peakHeapMiB: round(this.peak / MIB, 1),
      heapGrowthMiB: round((this.peak - start) / MIB, 1),
      estimatedGoogleMs: ms,
      estimateByKind: byKind,
    };
  }
}

function recipients(ws: LocalWorkspace): number {
  return ws.mail.sent.reduce((sum, m) => sum + m.to.length + m.cc.length + m.bcc.length, 0);
}

function round(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

function notBuilt(detail: string): Measurement {
  return {
    status: 'not built',
    detail,
    calls: {},
    byService: {},
    totalCalls: 0,
    cellsMoved: 0,
    docCells: 0,
    docsRequests: 0,
    mailRecipients: 0,
    wallMs: 0,
    peakHeapMiB: null,
    heapGrowthMiB: null,
    estimatedGoogleMs: 0,
    estimateByKind: {},
  };
}

// ---------------------------------------------------------------------------------------------------------
// The two systems

function freshBundle(): LoadedBundle {
  const bundle = loadBundle({ now: at(BENCH_TODAY, 7), timeZone: TIME_ZONE, mailQuota: BENCH_MAIL_QUOTA });
  bundle.ws.sheets.ui.respond((dialog) => ({ button: /yes/i.test(dialog.buttons) ? 'YES' : 'OK' }));
  return bundle;
}

/** Grows a sheet (uncounted) so a paste of this many rows and columns fits, as Sheets does on paste. */
function makeRoom(bundle: LoadedBundle, sheetName: string, rows: number, columns: number): void {
  bundle.ws.runtime.calls.uncounted(() => {
    const sheet = bundle.spreadsheet().getSheetByName(sheetName);
    if (!sheet) throw new Error(`No sheet named ${sheetName}`);
    if (sheet.getMaxRows() < rows) sheet.insertRowsAfter(sheet.getMaxRows(), rows - sheet.getMaxRows());
    if (sheet.getMaxColumns() < columns)
      sheet.insertColumnsAfter(sheet.getMaxColumns(), columns - sheet.getMaxColumns());
  });
}

function ownerRow(bundle: LoadedBundle): number {
  return bundle.ws.runtime.calls.uncounted(
    () =>
      (bundle
        .spreadsheet()
        .getSheetByName('Settings')
        ?.getDataRange()
        .getValues()
        .findIndex((r) => r[0] === 'Owner email') ?? -1) + 1,
  );
}

/** The register through its own menus and triggers, as an officer and Google would run it. */
export function runOurs(plan: GeneratedPlan): { result: RunResult; bundle: LoadedBundle } {
  const bundle = freshBundle();
  const { ws } = bundle;
  const probe = new Probe(ws);
  bundle.open();
  const setup = probe.measure(() => bundle.clickMenu('Set up or repair register'));
  // What the officer types and pastes is not the script's work.
  bundle.edit('Officers', a1(plan.officers.length, 5, 2), plan.officers);
  const owner = ownerRow(bundle);
  if (owner > 0) bundle.edit('Settings', `B${owner}`, [[ws.runtime.user]]);
  makeRoom(bundle, 'Import', plan.grid.length, plan.grid[0].length);
  bundle.edit('Import', a1(plan.grid.length, plan.grid[0].length), plan.grid);

  const importing = probe.measure(() => bundle.clickMenu('Import plan'));
  const refresh = probe.measure(() => bundle.clickMenu('Refresh statuses'));

  let digest: Measurement;
  if (!bundle.hasFunction('runWeeklyReminders')) digest = notBuilt('runWeeklyReminders is not in the bundle');
  else {
    const scheduled = bundle.menuItems().some((i) => i.caption === 'Schedule weekly reminders');
    if (scheduled) bundle.clickMenu('Schedule weekly reminders');
    ws.setNow(at(BENCH_TODAY, 8, 5));
    digest = probe.measure(() => {
      if (!scheduled || bundle.fireClock('runWeeklyReminders') === 0)
        bundle.call('runWeeklyReminders', 'time', { authMode: 'FULL' });
    });
  }

  let paper: Measurement;
  if (!bundle.hasFunction('generatePaper') || !bundle.hasFunction('getPaperDefaults'))
    paper = notBuilt('generatePaper or getPaperDefaults is not in the bundle');
  else {
    ws.setNow(at(BENCH_TODAY, 9));
    // The dialog's defaults and the generation are two google.script.run executions; in between, the
    // officer fills what Settings left blank.
    const makePaper = (): void => {
      const form = bundle.run('getPaperDefaults') as Record<string, unknown>;
      bundle.run('generatePaper', {
        ...form,
        meetingDate: form.meetingDate || MEETING_DATE,
        reportAuthor: form.reportAuthor || 'Bea Marsh',
      });
    };
    paper = probe.measure(makePaper, 2);
  }
  return { result: { setup, import: importing, refresh, digest, paper }, bundle };
}

/** One baseline's jobs, each written against the same globals the bundle sees. */
interface BaselineJobs {
  readonly setUp: (g: NaiveGlobals) => void;
  readonly importPlan: (g: NaiveGlobals, today: string) => void;
  readonly refresh: (g: NaiveGlobals, today: string) => unknown;
  readonly digest: (g: NaiveGlobals, today: string) => void;
  readonly paper: (g: NaiveGlobals, today: string) => unknown;
}

const JOBS: Record<Baseline, BaselineJobs> = {
  naive: {
    setUp: naiveSetUp,
    importPlan: naiveImport,
    refresh: naiveRefresh,
    digest: naiveDigest,
    paper: naivePaper,
  },
  typical: {
    setUp: typicalSetUp,
    importPlan: typicalImport,
    refresh: typicalRefresh,
    digest: typicalDigest,
    paper: typicalPaper,
  },
};

/** A baseline on its own fresh Workspace, one execution per job. */
export function runBaseline(
  baseline: Baseline,
  plan: GeneratedPlan,
): { result: RunResult; bundle: LoadedBundle } {
  const jobs = JOBS[baseline];
  const bundle = freshBundle();
  const { ws } = bundle;
  const g = naiveGlobals(bundle.context);
  const probe = new Probe(ws);
  const as = (kind: 'menu' | 'time', fn: () => void) => () => ws.runtime.runAs(kind, fn);

  const setup = probe.measure(as('menu', () => jobs.setUp(g)));
  ws.runtime.calls.uncounted(() => {
    const ss = bundle.spreadsheet();
    ss.getSheetByName('Officers')?.getRange(2, 1, plan.officers.length, 5).setValues(plan.officers);
    const owner = ownerRow(bundle);
    if (owner > 0) ss.getSheetByName('Settings')?.getRange(owner, 2).setValue(ws.runtime.user);
  });
  makeRoom(bundle, 'Import', plan.grid.length, plan.grid[0].length);
  ws.runtime.calls.uncounted(() =>
    bundle
      .spreadsheet()
      .getSheetByName('Import')
      ?.getRange(1, 1, plan.grid.length, plan.grid[0].length)
      .setValues(plan.grid),
  );
  const importing = probe.measure(as('menu', () => jobs.importPlan(g, BENCH_TODAY)));
  const refresh = probe.measure(as('menu', () => void jobs.refresh(g, BENCH_TODAY)));
  ws.setNow(at(BENCH_TODAY, 8, 5));
  const digest = probe.measure(as('time', () => jobs.digest(g, BENCH_TODAY)));
  ws.setNow(at(BENCH_TODAY, 9));
  const paper = probe.measure(as('menu', () => void jobs.paper(g, BENCH_TODAY)));
  return { result: { setup, import: importing, refresh, digest, paper }, bundle };
}

/** The naive baseline (per cell). */
export function runNaive(plan: GeneratedPlan): { result: RunResult; bundle: LoadedBundle } {
  return runBaseline('naive', plan);
}

/** The typical script (one read, one write per row). */
export function runTypical(plan: GeneratedPlan): { result: RunResult; bundle: LoadedBundle } {
  return runBaseline('typical', plan);
}

// ---------------------------------------------------------------------------------------------------------
// Extrapolation, ratios, growth and flags

/** A figure at `n` on the straight line through two measured sizes. */
function line(n: number, n1: number, v1: number, n2: number, v2: number): number {
  return v1 + ((v2 - v1) * (n - n1)) / (n2 - n1);
}

/** A baseline's run at a size too slow to run in full here, from the two largest sizes that were run. */
export function extrapolate(
  n: number,
  n1: number,
  m1: Measurement,
  n2: number,
  m2: Measurement,
): Measurement {
  const at2 = (a: number, b: number): number => Math.max(0, Math.round(line(n, n1, a, n2, b)));
  const keys = [...new Set([...Object.keys(m1.calls), ...Object.keys(m2.calls)])].sort();
  const calls = Object.fromEntries(keys.map((k) => [k, at2(m1.calls[k] ?? 0, m2.calls[k] ?? 0)]));
  const byService: Record<string, number> = {};
  for (const [key, v] of Object.entries(calls)) {
    const service = key.slice(0, key.indexOf('.'));
    byService[service] = (byService[service] ?? 0) + v;
  }
  const cellsMoved = at2(m1.cellsMoved, m2.cellsMoved);
  const docs = {
    docCells: at2(m1.docCells, m2.docCells),
    docsRequests: at2(m1.docsRequests, m2.docsRequests),
  };
  const { ms, byKind } = estimate(calls, cellsMoved, 1, docs);
  return {
    status: 'extrapolated',
    detail: `linear from the ${n1.toLocaleString('en-GB')} and ${n2.toLocaleString('en-GB')}-action runs`,
    calls,
    byService,
    totalCalls: Object.values(calls).reduce((a, b) => a + b, 0),
    cellsMoved,
    ...docs,
    mailRecipients: at2(m1.mailRecipients, m2.mailRecipients),
    wallMs: round(Math.max(0, line(n, n1, m1.wallMs, n2, m2.wallMs)), 1),
    peakHeapMiB: null,
    heapGrowthMiB: null,
    estimatedGoogleMs: ms,
    estimateByKind: byKind,
  };
}

export interface Growth {
  readonly system: System;
  readonly operation: Operation;
  readonly method: string;
  /** Calls at each size, in SIZES order. */
  readonly counts: number[];
  /** Extra calls per extra action between the two largest sizes. */
  readonly perAction: number;
  /** Slope of log(calls) against log(actions) between the smallest and largest sizes. */
  readonly exponent: number | null;
  /** Mail (bounded by officers) may grow; nothing else should. */
  readonly allowed: boolean;
}

/** Growth the issue accepts: one email per officer. The paper's calls no longer grow with the plan. */
export function growthAllowed(_operation: Operation, method: string): boolean {
  return method === 'MailApp.sendEmail';
}

export function growthOf(
  system: System,
  operation: Operation,
  sizes: readonly number[],
  runs: readonly RunResult[],
): Growth[] {
  const measurements = runs.map((r) => r[operation]);
  const measured = (m: Measurement): boolean => m.status === 'ok' || m.status === 'extrapolated';
  if (!measurements.every(measured)) return [];
  const methods = [...new Set(measurements.flatMap((m) => Object.keys(m.calls)))].sort();
  const last = sizes.length - 1;
  return methods.flatMap((method) => {
    const counts = measurements.map((m) => m.calls[method] ?? 0);
    const perAction = (counts[last] - counts[last - 1]) / (sizes[last] - sizes[last - 1]);
    // Less than one call per thousand actions is a line more or less (a note the paper adds when it must
    // shorten), not a call per action.
    if (perAction < 0.001) return [];
    const exponent =
      counts[0] > 0 ? round(Math.log(counts[last] / counts[0]) / Math.log(sizes[last] / sizes[0]), 2) : null;
    return [
      {
        system,
        operation,
        method,
        counts,
        perAction: round(perAction, 3),
        exponent,
        allowed: growthAllowed(operation, method),
      },
    ];
  });
}

export interface Flag {
  readonly system: System;
  readonly actions: number | null;
  readonly operation: Operation;
  readonly kind: 'over 6 minutes' | 'grows with actions' | 'mail quota' | 'failed';
  readonly detail: string;
}

function flagsOf(
  system: System,
  sizes: readonly number[],
  runs: readonly RunResult[],
  growth: Growth[],
): Flag[] {
  const flags: Flag[] = [];
  sizes.forEach((n, i) => {
    for (const op of OPERATIONS) {
      const m = runs[i][op];
      if (m.status === 'failed')
        flags.push({ system, actions: n, operation: op, kind: m.status, detail: m.detail ?? m.status });
      if (m.estimatedGoogleMs > EXECUTION_LIMIT_MS)
        flags.push({
          system,
          actions: n,
          operation: op,
          kind: 'over 6 minutes',
          detail: `estimated ${minutes(m.estimatedGoogleMs)} on Google, over the 6-minute execution limit`,
        });
      if (m.mailRecipients > MAIL_RECIPIENTS_PER_DAY.consumer)
        flags.push({
          system,
          actions: n,
          operation: op,
          kind: 'mail quota',
          detail:
            `${m.mailRecipients.toLocaleString('en-GB')} recipients in one run: over a consumer account's ` +
            `${MAIL_RECIPIENTS_PER_DAY.consumer} a day` +
            (m.mailRecipients > MAIL_RECIPIENTS_PER_DAY.workspace
              ? ` and a Workspace account's ${MAIL_RECIPIENTS_PER_DAY.workspace.toLocaleString('en-GB')}`
              : ''),
        });
    }
  });
  for (const g of growth) {
    if (g.allowed) continue;
    flags.push({
      system,
      actions: null,
      operation: g.operation,
      kind: 'grows with actions',
      detail: `${g.method}: ${g.counts.join(' → ')} calls (${g.perAction} more per action)`,
    });
  }
  return flags;
}

function minutes(ms: number): string {
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
  if (ms < 3_600_000) return `${(ms / 60_000).toFixed(1)} min`;
  return `${(ms / 3_600_000).toFixed(1)} h`;
}

export interface Ratio {
  readonly actions: number;
  readonly operation: Operation;
  readonly baseline: Baseline;
  /** ours / the baseline; null when either side has nothing to compare. */
  readonly calls: number | null;
  readonly wallMs: number | null;
  readonly peakHeap: number | null;
  readonly estimatedGoogleMs: number | null;
}

function ratio(a: number | null, b: number | null): number | null {
  if (a === null || b === null || b === 0) return null;
  return a / b < 0.001 ? Number((a / b).toPrecision(2)) : round(a / b, 3);
}

function comparable(m: Measurement): boolean {
  return m.status === 'ok' || m.status === 'extrapolated';
}

// ---------------------------------------------------------------------------------------------------------
// Output

export interface BenchResults {
  readonly generatedAt: string;
  readonly machine: {
    readonly node: string;
    readonly platform: string;
    readonly cpus: number;
    readonly cpu: string;
  };
  readonly today: string;
  readonly timeZone: string;
  readonly officers: number;
  readonly mailQuota: { readonly recipients: number; readonly why: string };
  readonly sizes: number[];
  /** Each baseline: the largest size run in full, and the sizes extrapolated from smaller runs. */
  readonly baselines: Record<Baseline, { readonly ranUpTo: number; readonly extrapolated: number[] }>;
  readonly limits: {
    readonly executionMs: number;
    readonly executionSource: string;
    readonly mailRecipientsPerDay: typeof MAIL_RECIPIENTS_PER_DAY;
    readonly mailSource: string;
  };
  readonly costModel: Record<CostKind, { ms: number; source: string; assumed: boolean }>;
  readonly runs: { system: System; actions: number; operations: RunResult }[];
  readonly ratios: Ratio[];
  readonly growth: Growth[];
  readonly flags: Flag[];
  readonly notBuilt: string[];
  readonly benchSeconds: number;
}

const fmt = (n: number): string => n.toLocaleString('en-GB');
const ms = (n: number): string =>
  n >= 10_000 ? `${fmt(Math.round(n / 1000))} s` : `${fmt(Math.round(n))} ms`;
const x = (r: number | null): string => (r === null ? '–' : r >= 0.1 ? r.toFixed(2) : r.toPrecision(2));

/** A figure, marked * when extrapolated and ✗ when the run failed (its figures are up to the failure). */
function cell(m: Measurement, value: (m: Measurement) => string): string {
  if (m.status === 'not built') return 'not built';
  if (m.status === 'failed') return `${value(m)} ✗`;
  return value(m) + (m.status === 'extrapolated' ? '*' : '');
}

const SYSTEMS: readonly System[] = ['ours', 'typical', 'naive'];

function runOf(results: BenchResults, system: System, n: number): RunResult | undefined {
  return results.runs.find((r) => r.system === system && r.actions === n)?.operations;
}

function ratioOf(results: BenchResults, n: number, op: Operation, baseline: Baseline): Ratio | undefined {
  return results.ratios.find((q) => q.actions === n && q.operation === op && q.baseline === baseline);
}

export function markdown(results: BenchResults): string {
  const lines: string[] = [];
  const extrapolated = BASELINES.filter((b) => results.baselines[b].extrapolated.length > 0);
  lines.push(
    '# Benchmarks',
    '',
    `Written by \`npm run bench\` (bench/run.ts) on ${results.generatedAt.slice(0, 10)}; every figure is also in ` +
      '[bench/results.json](../bench/results.json). Registers of ' +
      `${results.sizes.map(fmt).join(', ')} actions (${results.officers} officers, every status, several leads ` +
      `on some actions; bench/generate.ts) run through the built bundle in the local Workspace on ${results.today}, ` +
      'a Monday, and through two baselines that share the register’s domain code, so only the way each talks to ' +
      'Google differs:',
    '',
    '- **typical** (bench/typical.ts): what a typical script writer does: one getValues for a sheet, one setValues ' +
      'per row (with the row’s status colour and note), one email per officer, and the paper’s table built with ' +
      'appendTableRow per action, its cells appended and the status cell coloured.',
    '- **naive** (bench/naive.ts): per-cell getValue/setValue, one email per due action per lead, the paper table ' +
      'built cell by cell.',
    '',
    `Machine: Node ${results.machine.node}, ${results.machine.cpus} × ${results.machine.cpu}. The mail quota ` +
      `is set to ${fmt(results.mailQuota.recipients)} recipients so no digest is deferred. ` +
      (extrapolated.length > 0
        ? extrapolated
            .map(
              (b) =>
                `The ${b} baseline runs in full up to ${fmt(results.baselines[b].ranUpTo)} actions; its figures ` +
                `marked * at ${results.baselines[b].extrapolated.map(fmt).join(', ')} are extrapolated linearly ` +
                '(no heap figure).',
            )
            .join(' ')
        : 'Both baselines run in full at every size.'),
    '',
    '- **calls**: Apps Script service calls counted by the local Workspace.',
    '- **wall**: wall-clock time of the execution in the local Workspace; **heap**: peak heapUsed during it (MiB).',
    '- **Google est.**: time on Google from the cost model below; over 6 minutes is flagged. The last two columns ' +
      'are ours ÷ typical and ours ÷ naive.',
    '- ✗: the run failed (see Flags); its figures are those up to the failure.',
    '',
  );
  for (const n of results.sizes) {
    const runs = SYSTEMS.map((system) => runOf(results, system, n));
    if (runs.some((r) => r === undefined)) continue;
    const [ours, typical, naive] = runs as RunResult[];
    const heap = (m: Measurement): string => (m.peakHeapMiB === null ? '–' : String(m.peakHeapMiB));
    const three = (op: Operation, value: (m: Measurement) => string): string =>
      [ours, typical, naive].map((r) => cell(r[op], value)).join(' | ');
    lines.push(
      `## ${fmt(n)} actions`,
      '',
      '| operation | calls ours | calls typical | calls naive | wall ours | wall typical | wall naive | heap ours | heap typical | heap naive | Google est. ours | Google est. typical | Google est. naive | ÷ typical | ÷ naive |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    );
    for (const op of OPERATIONS) {
      const vs = (b: Baseline): string => x(ratioOf(results, n, op, b)?.estimatedGoogleMs ?? null);
      lines.push(
        `| ${LABELS[op]} | ${three(op, (m) => fmt(m.totalCalls))} | ${three(op, (m) => ms(m.wallMs))} | ` +
          `${three(op, heap)} | ${three(op, (m) => minutes(m.estimatedGoogleMs))} | ${vs('typical')} | ${vs('naive')} |`,
      );
    }
    lines.push('');
  }
  lines.push('## Service calls by kind (ours)', '');
  const largest = results.sizes[results.sizes.length - 1];
  const oursLargest = runOf(results, 'ours', largest);
  if (oursLargest) {
    lines.push(
      `At ${fmt(largest)} actions, with where the estimate goes and how far it is from the 6-minute limit:`,
      '',
      '| operation | calls by service | Google est. by kind | limit ÷ est. |',
      '| --- | --- | --- | ---: |',
    );
    for (const op of OPERATIONS) {
      const m = oursLargest[op];
      if (m.status !== 'ok') {
        lines.push(`| ${LABELS[op]} | ${m.status} | | |`);
        continue;
      }
      const services = Object.entries(m.byService)
        .sort((a, b) => b[1] - a[1])
        .map(([s, n]) => `${s} ${fmt(n)}`);
      const kinds = Object.entries(m.estimateByKind)
        .sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0))
        .slice(0, 4)
        .map(([k, v]) => `${k} ${minutes(v ?? 0)}`);
      const headroom = EXECUTION_LIMIT_MS / Math.max(1, m.estimatedGoogleMs);
      lines.push(`| ${LABELS[op]} | ${services.join(', ')} | ${kinds.join(', ')} | ${headroom.toFixed(1)} |`);
    }
    lines.push('');
  }
  lines.push('## Flags', '');
  const oursFlags = results.flags.filter((f) => f.system === 'ours');
  if (oursFlags.length === 0)
    lines.push(
      '- Ours: none. No operation is estimated over 6 minutes, and no service call grows with the number of ' +
        'actions except mail (one per officer).',
    );
  for (const f of oursFlags)
    lines.push(
      `- Ours, ${LABELS[f.operation]}${f.actions === null ? '' : ` at ${fmt(f.actions)}`}: ${f.kind}: ${f.detail}`,
    );
  const allowed = results.growth.filter((g) => g.system === 'ours' && g.allowed);
  for (const g of allowed)
    lines.push(
      `- Ours, ${LABELS[g.operation]} (allowed growth): ${g.method} ${g.counts.map(fmt).join(' → ')}`,
    );
  if (results.notBuilt.length > 0)
    lines.push(`- Not built yet, so not measured: ${results.notBuilt.join('; ')}.`);
  for (const baseline of BASELINES) {
    const name = baseline === 'typical' ? 'Typical' : 'Naive';
    const flags = results.flags.filter((q) => q.system === baseline);
    const byKind = new Map<string, number>();
    for (const f of flags) byKind.set(f.kind, (byKind.get(f.kind) ?? 0) + 1);
    lines.push(
      `- ${name} baseline: ${[...byKind].map(([k, n]) => `${n} × ${k}`).join(', ') || 'none'} (see results.json).`,
    );
    for (const f of flags.filter((q) => q.kind === 'failed'))
      lines.push(`- ${name}, ${LABELS[f.operation]} at ${fmt(f.actions ?? 0)}: failed (✗): ${f.detail}`);
  }
  lines.push(
    '',
    '## Cost model',
    '',
    `Limits: ${results.limits.executionSource}; ${results.limits.mailSource}.`,
    '',
    '| kind | ms | source |',
    '| --- | ---: | --- |',
  );
  for (const [kind, c] of Object.entries(results.costModel))
    lines.push(`| ${kind} | ${c.ms} | ${c.assumed ? '**assumed** ' : ''}${c.source.replace(/\|/g, '\\|')} |`);
  lines.push(
    '',
    `Each counted \`Service.method\` is priced by one kind (bench/costModel.ts \`kindOf\`); grid calls add ` +
      'cellMoved per cell, Body.appendTable adds docCell per cell it writes, and Docs.Documents.batchUpdate adds ' +
      'docsRequest per sub-request. Heap is sampled at service calls (every call for the first 1,024, then every ' +
      '64th) and at the end of the execution, after a full GC before it starts.',
    '',
    `The whole bench took ${fmt(Math.round(results.benchSeconds))} s.`,
    '',
  );
  return lines.join('\n');
}

function printTable(results: BenchResults): void {
  const rows: string[][] = [
    [
      'actions',
      'operation',
      'calls ours',
      'typical',
      'naive',
      'wall ours',
      'typical',
      'naive',
      'Google est. ours',
      'typical',
      'naive',
    ],
  ];
  for (const n of results.sizes) {
    const runs = SYSTEMS.map((system) => runOf(results, system, n));
    if (runs.some((r) => r === undefined)) continue;
    for (const op of OPERATIONS) {
      const each = (value: (m: Measurement) => string): string[] =>
        (runs as RunResult[]).map((r) => cell(r[op], value));
      rows.push([
        fmt(n),
        LABELS[op],
        ...each((m) => fmt(m.totalCalls)),
        ...each((m) => ms(m.wallMs)),
        ...each((m) => minutes(m.estimatedGoogleMs)),
      ]);
    }
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  for (const r of rows)
    console.log(r.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  '));
  for (const b of BASELINES)
    if (results.baselines[b].extrapolated.length > 0)
      console.log(
        `* ${b} at ${results.baselines[b].extrapolated.map(fmt).join(', ')} actions: extrapolated, not run.`,
      );
  const ours = results.flags.filter((f) => f.system === 'ours');
  console.log(
    ours.length === 0
      ? 'Ours: no operation over 6 minutes (estimated); no calls growing with actions beyond mail.'
      : `Ours flagged:\n${ours.map((f) => `  ${LABELS[f.operation]}${f.actions ? ` at ${fmt(f.actions)}` : ''}: ${f.kind}: ${f.detail}`).join('\n')}`,
  );
  if (results.notBuilt.length > 0) console.log(`Not built: ${results.notBuilt.join('; ')}.`);
}

// ---------------------------------------------------------------------------------------------------------

/** A run's figures without its Workspace, so nothing keeps the Workspace alive. */
function resultOf(run: (plan: GeneratedPlan) => { result: RunResult }, plan: GeneratedPlan): RunResult {
  return run(plan).result;
}

export interface BenchOptions {
  readonly sizes?: readonly number[];
  /** The largest size the baselines run in full; larger sizes are extrapolated. */
  readonly naiveUpTo?: number;
  readonly write?: boolean;
  readonly log?: (line: string) => void;
}

export async function bench(options: BenchOptions = {}): Promise<BenchResults> {
  const started = performance.now();
  const sizes = [...(options.sizes ?? SIZES)].sort((a, b) => a - b);
  const naiveUpTo = options.naiveUpTo ?? Infinity;
  const log = options.log ?? (() => undefined);
  const oursRuns: RunResult[] = [];
  const baselineRuns: Record<Baseline, RunResult[]> = { typical: [], naive: [] };
  const extrapolated: Record<Baseline, number[]> = { typical: [], naive: [] };
  // Each run's Workspace must be freed before the next is measured: the runs go through plain functions (a
  // suspended async function can keep its temporaries alive), then timer turns and full GCs follow until the
  // heap stops shrinking (a finished vm context was seen to need two turns before a GC frees it).
  const settle = async (): Promise<void> => {
    let before = Infinity;
    for (let turn = 0; turn < 6; turn++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      gc();
      const used = process.memoryUsage().heapUsed;
      if (turn > 0 && before - used < MIB) return;
      before = used;
    }
  };
  for (const n of sizes) {
    const plan = generatePlan(n);
    await settle();
    oursRuns.push(resultOf(runOurs, plan));
    await settle();
    log(`ours ${fmt(n)}: done in ${ms(performance.now() - started)}`);
    const ran = sizes.filter((s) => s <= naiveUpTo && s < n);
    for (const baseline of BASELINES) {
      const runs = baselineRuns[baseline];
      if (n > naiveUpTo && ran.length >= 2) {
        const [n1, n2] = ran.slice(-2);
        const i1 = sizes.indexOf(n1);
        const i2 = sizes.indexOf(n2);
        runs.push(
          Object.fromEntries(
            OPERATIONS.map((op) => [op, extrapolate(n, n1, runs[i1][op], n2, runs[i2][op])]),
          ) as RunResult,
        );
        extrapolated[baseline].push(n);
      } else {
        runs.push(resultOf((p) => runBaseline(baseline, p), plan));
        await settle();
        log(`${baseline} ${fmt(n)}: done in ${ms(performance.now() - started)}`);
      }
    }
  }

  const ratios: Ratio[] = BASELINES.flatMap((baseline) =>
    sizes.flatMap((n, i) =>
      OPERATIONS.map((op) => {
        const o = oursRuns[i][op];
        const v = baselineRuns[baseline][i][op];
        const both = comparable(o) && comparable(v);
        return {
          actions: n,
          operation: op,
          baseline,
          calls: both ? ratio(o.totalCalls, v.totalCalls) : null,
          wallMs: both ? ratio(o.wallMs, v.wallMs) : null,
          peakHeap: both ? ratio(o.peakHeapMiB, v.peakHeapMiB) : null,
          estimatedGoogleMs: both ? ratio(o.estimatedGoogleMs, v.estimatedGoogleMs) : null,
        };
      }),
    ),
  );
  const systems: [System, RunResult[]][] = [
    ['ours', oursRuns],
    ...BASELINES.map((b): [System, RunResult[]] => [b, baselineRuns[b]]),
  ];
  const growth =
    sizes.length >= 2
      ? systems.flatMap(([system, runs]) => OPERATIONS.flatMap((op) => growthOf(system, op, sizes, runs)))
      : [];
  const flags = systems.flatMap(([system, runs]) =>
    flagsOf(
      system,
      sizes,
      runs,
      growth.filter((g) => g.system === system),
    ),
  );
  const notBuilt = OPERATIONS.filter((op) => oursRuns.some((r) => r[op].status === 'not built')).map(
    (op) => `${LABELS[op]} (${oursRuns.find((r) => r[op].status === 'not built')?.[op].detail})`,
  );
  const ranUpTo = (b: Baseline): number => Math.max(...sizes.filter((s) => !extrapolated[b].includes(s)));
  const cpus = os.cpus();
  const results: BenchResults = {
    generatedAt: new Date().toISOString(),
    machine: {
      node: process.version,
      platform: process.platform,
      cpus: cpus.length,
      cpu: cpus[0]?.model ?? '',
    },
    today: BENCH_TODAY,
    timeZone: TIME_ZONE,
    officers: OFFICER_COUNT,
    mailQuota: {
      recipients: BENCH_MAIL_QUOTA,
      why: 'high enough that no digest is deferred for quota, so every run sends the whole week',
    },
    sizes,
    baselines: {
      typical: { ranUpTo: ranUpTo('typical'), extrapolated: extrapolated.typical },
      naive: { ranUpTo: ranUpTo('naive'), extrapolated: extrapolated.naive },
    },
    limits: {
      executionMs: EXECUTION_LIMIT_MS,
      executionSource: EXECUTION_LIMIT_SOURCE,
      mailRecipientsPerDay: MAIL_RECIPIENTS_PER_DAY,
      mailSource: MAIL_QUOTA_SOURCE,
    },
    costModel: { ...COSTS },
    runs: sizes.flatMap((n, i) =>
      systems.map(([system, runs]) => ({ system, actions: n, operations: runs[i] })),
    ),
    ratios,
    growth,
    flags,
    notBuilt,
    benchSeconds: round((performance.now() - started) / 1000, 1),
  };
  if (options.write ?? true) {
    writeFileSync(join(ROOT, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);
    writeFileSync(join(ROOT, 'docs/benchmarks.md'), markdown(results));
  }
  return results;
}

function parseArgs(argv: readonly string[]): BenchOptions {
  const options: { sizes?: number[]; naiveUpTo?: number; write?: boolean } = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--sizes') options.sizes = argv[++i].split(',').map(Number);
    else if (arg === '--naive-up-to') options.naiveUpTo = Number(argv[++i]);
    else if (arg === '--no-write') options.write = false;
    else throw new Error(`unknown option ${arg}; options: --sizes 100,1000 --naive-up-to 1000 --no-write`);
  }
  return options;
}

if (require.main === module) {
  const options = parseArgs(process.argv.slice(2));
  bench({ ...options, log: (line) => console.error(line) }).then(
    (results) => {
      printTable(results);
      // A Google limit the product does not handle fails the bench, as it would fail on Google.
      if (results.flags.some((f) => f.system === 'ours' && f.kind === 'failed')) process.exitCode = 1;
      const wrote = options.write === false ? 'Done' : 'Wrote bench/results.json and docs/benchmarks.md';
      console.log(`${wrote} in ${Math.round(results.benchSeconds)} s.`);
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
