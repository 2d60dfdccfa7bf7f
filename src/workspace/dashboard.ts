/**
 * The Dashboard sheet: the figures the core lays out (src/core/dashboard.ts), written in one setValues, and the
 * register's own embedded charts beside them. Every refresh writes the figures; the charts draw from those
 * cells, so they follow the figures without being touched, and are rebuilt only when what they draw changes
 * (a range, a colour, a type) or are made again when missing. Officers' own charts on the sheet are left alone:
 * the register knows its charts by the ids it keeps in a document property.
 *
 * Service calls do not grow with the register. A refresh that leaves the layout as it was costs a read of the
 * Paper log, one property read, one setValues and a look at the sheet's charts; formats are written only when
 * the layout changes, and a chart is built only when its plan does.
 */
import type { ChartKey, ChartPlan, DashboardLayout, PaperCounts } from '../core/dashboard';
import {
  CHART_TITLES,
  chartAnchor,
  dashboardFigures,
  dashboardLayout,
  readPaperCounts,
} from '../core/dashboard';
import { errorMessage } from '../core/permissions';
import { cellDate, cellText } from './cells';
import type { RegisterReading } from './register';
import type { Workbook } from './workbook';

export const DASHBOARD_SHEET = 'Dashboard';
/**
 * Every paper made, whoever made it: the one place to find them all, since each lives in its maker's Drive; with
 * its actions by status, the history the trend reads (Snapshots keep only the last paper).
 */
export const PAPER_LOG_SHEET = 'Paper log';
/** Document property: the layout last written and the register's charts, {"rows", "columns", "formats", "charts"}. */
export const DASHBOARD_STATE_KEY = 'dashboard.state';
const CHART_KEYS: readonly ChartKey[] = ['status', 'trend', 'directorate'];
const WIDTHS = { first: 300, other: 110, columns: 7 };
const BEYOND_SHEET = /outside the dimensions of the sheet/i;
/** Where this execution keeps the charts its refresh made (Workbook.once). */
const CHARTS_MEMO = 'dashboardCharts';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type EmbeddedChart = GoogleAppsScript.Spreadsheet.EmbeddedChart;
export type DashboardCharts = ReadonlyMap<ChartKey, EmbeddedChart>;

interface ChartState {
  readonly id: number;
  /** The plan it was built from, as JSON: built again only when this changes. */
  readonly plan: string;
}

interface DashboardState {
  readonly rows: number;
  readonly columns: number;
  /** The formats last written (DashboardLayout.formatKey): written again only when they change. */
  readonly formats: string;
  readonly charts: Partial<Record<ChartKey, ChartState>>;
}

const NO_STATE: DashboardState = { rows: 0, columns: 0, formats: '', charts: {} };

function readState(properties: GoogleAppsScript.Properties.Properties): DashboardState {
  try {
    const parsed = JSON.parse(properties.getProperty(DASHBOARD_STATE_KEY) ?? 'null') as DashboardState | null;
    return parsed && typeof parsed === 'object' ? { ...NO_STATE, ...parsed } : NO_STATE;
  } catch {
    return NO_STATE; // Written by hand or cut short: the dashboard is made again.
  }
}

/**
 * The Dashboard sheet, made when missing with its columns set for the tables. A new sheet has none of the
 * formats or charts the register last wrote (an officer deleted the old one): what it kept of them is forgotten.
 */
export function ensureDashboardSheet(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): Sheet {
  const existing = ss.getSheetByName(DASHBOARD_SHEET);
  if (existing) return existing;
  PropertiesService.getDocumentProperties().deleteProperty(DASHBOARD_STATE_KEY);
  const sheet = ss.insertSheet(DASHBOARD_SHEET);
  sheet.setColumnWidth(1, WIDTHS.first);
  sheet.setColumnWidths(2, WIDTHS.columns - 1, WIDTHS.other);
  sheet
    .getRange(1, 1)
    .setNumberFormat('@')
    .setValue('Dashboard: the figures and charts appear when the statuses are next refreshed.');
  return sheet;
}

/** What each paper reported, from the Paper log (one read); [] before the first paper. */
function readPaperLog(wb: Workbook): PaperCounts[] {
  const sheet = wb.ss.getSheetByName(PAPER_LOG_SHEET);
  if (!sheet) return [];
  const [header = [], ...rows] = sheet.getDataRange().getValues();
  const text = (v: unknown): string => (v instanceof Date ? (cellDate(v, wb.timeZone) ?? '') : cellText(v));
  return readPaperCounts(
    header.map(text),
    rows.map((row) => row.map(text)),
  );
}

/**
 * Writes the figures and remakes what changed of the charts; the charts, for the paper and the owner's summary.
 * Called at the end of every refresh (refreshStatuses), so by the menu, the weekly run, an import and the paper.
 */
export function updateDashboard(wb: Workbook, reading: RegisterReading): DashboardCharts {
  const sheet = ensureDashboardSheet(wb.ss);
  const layout = dashboardLayout(
    dashboardFigures({ ...reading, papers: readPaperLog(wb) }),
    reading.settings,
  );
  const properties = PropertiesService.getDocumentProperties();
  const before = readState(properties);
  const written = writeFigures(sheet, layout, before);
  const { charts, states } = placeCharts(sheet, layout.charts, before.charts);
  const after: DashboardState = { ...written, charts: states };
  if (JSON.stringify(after) !== JSON.stringify(before))
    properties.setProperty(DASHBOARD_STATE_KEY, JSON.stringify(after));
  wb.forget(CHARTS_MEMO);
  return wb.once(CHARTS_MEMO, () => charts);
}

/**
 * The register's charts on the Dashboard: those this execution's refresh made, or else those the sheet holds
 * under the ids the register keeps.
 */
export function dashboardCharts(wb: Workbook): DashboardCharts {
  return wb.once(CHARTS_MEMO, () => chartsOnSheet(wb.ss));
}

/**
 * The status chart as a PNG for the owner's summary; null when the Dashboard has none or it cannot be drawn, so
 * the summary still goes, without its picture.
 */
export function statusChartBlob(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
): GoogleAppsScript.Base.Blob | null {
  try {
    return chartsOnSheet(ss).get('status')?.getBlob() ?? null;
  } catch (error) {
    console.warn(`The status chart could not be drawn for the owner's summary: ${String(error)}`);
    return null;
  }
}

function chartsOnSheet(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): DashboardCharts {
  const recorded = readState(PropertiesService.getDocumentProperties()).charts;
  const sheet = ss.getSheetByName(DASHBOARD_SHEET);
  const out = new Map<ChartKey, EmbeddedChart>();
  if (!sheet) return out;
  const byId = chartsById(sheet);
  for (const key of CHART_KEYS) {
    const chart = byId.get(recorded[key]?.id ?? -1);
    if (chart) out.set(key, chart);
  }
  return out;
}

function chartsById(sheet: Sheet): Map<number, EmbeddedChart> {
  const byId = new Map<number, EmbeddedChart>();
  for (const chart of sheet.getCharts()) {
    const id = chart.getChartId();
    if (id !== null) byId.set(id, chart);
  }
  return byId;
}

// ---------------------------------------------------------------------------------------------------------
// The figures

/**
 * One setValues over the layout, and over what is left of a larger earlier one (blanked); number formats
 * before the values, so text stays text, and the formats only when they differ from those last written.
 */
function writeFigures(
  sheet: Sheet,
  layout: DashboardLayout,
  before: DashboardState,
): Omit<DashboardState, 'charts'> {
  const rows = Math.max(layout.values.length, before.rows);
  const columns = Math.max(layout.values[0]?.length ?? 1, before.columns);
  const pad = <T>(grid: readonly (readonly T[])[], blank: T): T[][] =>
    Array.from({ length: rows }, (_, r) =>
      Array.from({ length: columns }, (_, c) => (grid[r] && c < grid[r].length ? grid[r][c] : blank)),
    );
  const restyle = layout.formatKey !== before.formats || rows !== layout.values.length;
  const range = gridRange(sheet, rows, columns);
  if (restyle) range.setNumberFormats(pad(layout.numberFormats, '@'));
  range.setValues(pad<unknown>(layout.values, ''));
  if (restyle) {
    range.setFontWeights(pad<'bold' | 'normal' | null>(layout.fontWeights, 'normal'));
    range.setBackgrounds(pad<string | null>(layout.backgrounds, null));
  }
  return { rows: layout.values.length, columns: layout.values[0]?.length ?? 1, formats: layout.formatKey };
}

/** The cells from A1, growing the sheet first only when an officer has made it too small. */
function gridRange(sheet: Sheet, rows: number, columns: number): GoogleAppsScript.Spreadsheet.Range {
  try {
    return sheet.getRange(1, 1, rows, columns);
  } catch (error) {
    if (!BEYOND_SHEET.test(errorMessage(error))) throw error;
    const maxRows = sheet.getMaxRows();
    const maxColumns = sheet.getMaxColumns();
    if (rows > maxRows) sheet.insertRowsAfter(maxRows, rows - maxRows);
    if (columns > maxColumns) sheet.insertColumnsAfter(maxColumns, columns - maxColumns);
    return sheet.getRange(1, 1, rows, columns);
  }
}

// ---------------------------------------------------------------------------------------------------------
// The charts

/**
 * Keeps each chart whose plan is unchanged, rebuilds (modify, updateChart: same id, where the officer put it)
 * one whose plan changed, inserts one that is missing, and removes one with nothing to draw. Charts that are
 * not the register's are never touched.
 */
function placeCharts(
  sheet: Sheet,
  plans: readonly ChartPlan[],
  recorded: DashboardState['charts'],
): { charts: Map<ChartKey, EmbeddedChart>; states: Partial<Record<ChartKey, ChartState>> } {
  const byId = chartsById(sheet);
  const strays = strayCharts(byId, recorded);
  const charts = new Map<ChartKey, EmbeddedChart>();
  const states: Partial<Record<ChartKey, ChartState>> = {};
  const missing: ChartPlan[] = [];
  for (const key of CHART_KEYS) {
    const plan = plans.find((p) => p.key === key);
    const known = recorded[key];
    const tracked = known ? byId.get(known.id) : undefined;
    // A stray stands in for a tracked chart that is gone; any other stray goes.
    const [adopted, ...extra] = tracked ? [] : (strays.get(key) ?? []);
    for (const chart of [...(tracked ? (strays.get(key) ?? []) : extra)]) sheet.removeChart(chart);
    const existing = tracked ?? adopted;
    if (!plan) {
      if (existing) sheet.removeChart(existing);
    } else if (tracked && known?.plan === JSON.stringify(plan)) {
      charts.set(key, tracked);
      states[key] = known;
    } else if (existing) {
      const rebuilt = shape(existing.modify(), sheet, plan, false).build();
      sheet.updateChart(rebuilt);
      charts.set(key, rebuilt);
      states[key] = { id: existing.getChartId() ?? -1, plan: JSON.stringify(plan) };
    } else missing.push(plan);
  }
  if (missing.length > 0) insertCharts(sheet, missing, byId, charts, states);
  return { charts, states };
}

/**
 * Charts the register drew but does not know by id: its title at exactly its place, left by two refreshes
 * drawing the charts at the same moment (refreshes take no lock) or by a lost document property. An officer's
 * own chart, or a copy of the register's, has another title or another place, and is never one.
 */
function strayCharts(
  byId: ReadonlyMap<number, EmbeddedChart>,
  recorded: DashboardState['charts'],
): Map<ChartKey, EmbeddedChart[]> {
  const known = new Set(CHART_KEYS.map((k) => recorded[k]?.id));
  const strays = new Map<ChartKey, EmbeddedChart[]>();
  for (const [id, chart] of byId) {
    if (known.has(id)) continue;
    const title = chart.getOptions().get('title');
    const key = CHART_KEYS.find((k) => CHART_TITLES[k] === title);
    if (!key) continue;
    const info = chart.getContainerInfo();
    const at = chartAnchor(key);
    const placed = [info.getAnchorRow(), info.getAnchorColumn(), info.getOffsetX(), info.getOffsetY()];
    if (placed.join() !== [at.row, at.column, 0, 0].join()) continue;
    strays.set(key, [...(strays.get(key) ?? []), chart]);
  }
  return strays;
}

/** Inserts the missing charts, then reads their ids back: the reference promises an id only once on a sheet. */
function insertCharts(
  sheet: Sheet,
  missing: readonly ChartPlan[],
  before: ReadonlyMap<number, EmbeddedChart>,
  charts: Map<ChartKey, EmbeddedChart>,
  states: Partial<Record<ChartKey, ChartState>>,
): void {
  for (const plan of missing) {
    const { row, column } = plan.anchor;
    sheet.insertChart(shape(sheet.newChart(), sheet, plan, true).setPosition(row, column, 0, 0).build());
  }
  for (const [id, chart] of chartsById(sheet)) {
    if (before.has(id)) continue;
    const plan = missing.find((p) => p.title === chart.getOptions().get('title'));
    if (!plan || charts.has(plan.key)) continue;
    charts.set(plan.key, chart);
    states[plan.key] = { id, plan: JSON.stringify(plan) };
  }
}

/**
 * The plan on a builder: its type's typed methods first (the shared ones return a plain EmbeddedChartBuilder
 * in the typings), then its one range with a header row. Status colours need each status as its own series,
 * so the figures put the statuses side by side over their counts. A new chart has no range to clear and has
 * a legend unless told otherwise: those calls are left out for it.
 */
function shape(
  builder: GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder,
  sheet: Sheet,
  plan: ChartPlan,
  fresh: boolean,
): GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder {
  const columnChart = plan.type === 'COLUMN' ? builder.asColumnChart() : null;
  const typed = columnChart ? (plan.stacked ? columnChart.setStacked() : columnChart) : builder.asBarChart();
  typed.setTitle(plan.title).setColors([...plan.colors]);
  if (!fresh || !plan.legend)
    typed.setLegendPosition(plan.legend ? Charts.Position.RIGHT : Charts.Position.NONE);
  if (!fresh) typed.clearRanges();
  const { row, column, rows, columns } = plan.range;
  return typed.addRange(sheet.getRange(row, column, rows, columns)).setNumHeaders(1);
}
