/**
 * Draws a chart of the local Workspace as a PNG, so that EmbeddedChart.getAs('image/png') and getBlob() hand the
 * paper and the owner's email a real picture of the Dashboard's charts: actions by status, the trend of each
 * status across committee papers, overdue actions by directorate.
 *
 * Node only, never bundled. Apache ECharts lays the chart out and writes SVG (its server-side mode needs no DOM),
 * resvg turns the SVG into PNG. resvg is given the Arimo font from an npm package and never reads system fonts:
 * without a font it silently leaves text out, and a CI machine may have none. Arimo has Arial's metrics, the
 * Google Charts default font, and ECharts' DOM-free text measure assumes those widths too.
 *
 * How an EmbeddedChartBuilder becomes a ChartDescription (for the fake EmbeddedChart that calls this):
 *
 * - type: Charts.ChartType AREA, BAR (horizontal bars), COLUMN (vertical bars), LINE, PIE, set by setChartType or
 *   asAreaChart() / asBarChart() / asColumnChart() / asLineChart() / asPieChart(). The other ChartType values
 *   (COMBO, SCATTER, TABLE, ...) are not drawn here.
 * - table: the values of the ranges given to addRange, side by side (ChartMergeStrategy MERGE_COLUMNS) or one
 *   under the other (MERGE_ROWS). The first column is the domain (its cells become the category labels, its
 *   header the domain's name), each further column is a series. setNumHeaders(n) says how many rows are headers:
 *   the header row names the series; when it is not set Sheets guesses from the data (Sheets API
 *   BasicChartSpec.headerCount). setTransposeRowsAndColumns(true) swaps the two: the first row becomes the
 *   domain and each further row a series. Blank value cells are null (a gap in a line, no bar). Labels are the
 *   cells' display text.
 * - options, from setOption(key, value) with Google Charts option names, or the typed builder methods:
 *   'title' (setTitle); 'colors' (setColors): series colours in order, slice colours for a pie;
 *   'series': {index: {color}} overrides one series' colour; 'slices': the same for a pie's slices;
 *   'isStacked' (setStacked()) stacks BAR, COLUMN and AREA (LineChart has no such option);
 *   'legend' or 'legend.position' (setLegendPosition with Charts.Position TOP, RIGHT, BOTTOM, NONE; Google Charts
 *   also takes 'left'), default 'right'; 'hAxis.title' / 'vAxis.title' (setXAxisTitle / setYAxisTitle): the
 *   horizontal and vertical axes as drawn, so on a BAR chart the horizontal axis carries the numbers;
 *   'pieHole' between 0 and 1 makes a donut; 'is3D' (set3D) is drawn flat, as images of 3D pies come out flat;
 *   'pointSize' (setPointStyle) for line points, default none; 'backgroundColor' (setBackgroundColor), default
 *   white; 'width' / 'height' in pixels, default 600 x 371, the size Sheets gives a new chart.
 * - getAs('image/png') / getBlob(): a Blob of PNG bytes at the chart's size; getAs also takes 'image/bmp',
 *   'image/gif', 'image/jpeg' and 'application/pdf' (Chart.getAs), which this renderer does not produce.
 *
 * References:
 *   https://developers.google.com/apps-script/reference/spreadsheet/embedded-chart-builder
 *   https://developers.google.com/apps-script/reference/spreadsheet/embedded-bar-chart-builder (and the column,
 *     line, area and pie builders: setColors, setStacked, setLegendPosition, setXAxisTitle, set3D)
 *   https://developers.google.com/apps-script/reference/spreadsheet/embedded-chart (getAs, getNumHeaders,
 *     getTransposeRowsAndColumns, getOptions)
 *   https://developers.google.com/apps-script/reference/charts/chart (getAs content types)
 *   https://developers.google.com/apps-script/reference/charts/chart-type, .../charts/position
 *   https://developers.google.com/chart/interactive/docs/gallery/columnchart (colors, series, isStacked, legend,
 *     hAxis, vAxis), .../gallery/piechart (pieHole, slices, is3D, pieSliceText)
 *   https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/charts (BasicChartSpec.headerCount)
 *   https://github.com/dwyl/learn-to-send-email-via-google-script-html-no-server/issues/322 (a 3D pie's getAs
 *     image is flat)
 */
import * as echarts from 'echarts';
import type {
  EChartsOption,
  LegendComponentOption,
  SeriesOption,
  XAXisComponentOption,
  YAXisComponentOption,
} from 'echarts';

/** Options either axis takes; ECharts types x and y apart only by where they may sit. */
type AxisOption = XAXisComponentOption & YAXisComponentOption;
import { Resvg } from '@resvg/resvg-js';

/** The Charts.ChartType values this renderer draws. */
export type ChartType = 'AREA' | 'BAR' | 'COLUMN' | 'LINE' | 'PIE';

/** Google Charts' legend.position values (Charts.Position TOP, RIGHT, BOTTOM, NONE, and 'left'). */
export type LegendPosition = 'top' | 'right' | 'bottom' | 'left' | 'none';

/** One category: its label (the domain cell's text), then one value per series, null where the cell is blank. */
export type ChartRow = [label: string, ...values: (number | null)[]];

/** The data as read from the ranges, after headers and transposition are applied. */
export interface ChartTable {
  /** The domain's name, then one name per series. */
  header: string[];
  /** One row per category, each as long as the header. */
  rows: ChartRow[];
}

export interface ChartOptions {
  title?: string;
  /** Series colours in order (slice colours for a pie), any CSS colour; they repeat when there are more series. */
  colors?: string[];
  /** Per-series overrides by series index, as Google Charts' 'series' option. */
  series?: Record<number, { color?: string }>;
  /** Per-slice overrides by row index, as Google Charts' 'slices' option. */
  slices?: Record<number, { color?: string }>;
  /** Default 'right'. */
  legend?: LegendPosition;
  hAxisTitle?: string;
  vAxisTitle?: string;
  /** 0 (default) for a pie, up to 1 for a donut. */
  pieHole?: number;
  /** Line point diameter in pixels; 0 (default) draws no points. */
  pointSize?: number;
  /** Default white. */
  backgroundColor?: string;
  /** Pixels; default 600. */
  width?: number;
  /** Pixels; default 371. */
  height?: number;
}

export interface ChartDescription {
  type: ChartType;
  /** Stacks BAR, COLUMN and AREA series; ignored for LINE and PIE. */
  stacked?: boolean;
  table: ChartTable;
  options?: ChartOptions;
}

const DEFAULT_WIDTH = 600;
const DEFAULT_HEIGHT = 371;
/** Sheets' standard theme, which a new embedded chart takes its series colours from. */
const DEFAULT_COLOURS = ['#4285f4', '#ea4335', '#fbbc04', '#34a853', '#ff6d01', '#46bdc6'];
const FONT_FAMILY = 'Arimo';
const FONT_FILES = ['400Regular/Arimo_400Regular.ttf', '700Bold/Arimo_700Bold.ttf'].map((file) =>
  require.resolve(`@expo-google-fonts/arimo/${file}`),
);
const TEXT_COLOUR = '#222222';
const FONT_SIZE = 12;
const TITLE_SIZE = 15;
const MARGIN = 10;
/** A legend item's swatch and the gap before its text. */
const LEGEND_SWATCH = 25 + 5;
const LEGEND_ROW = 24;

/** The chart as a PNG, the bytes EmbeddedChart.getAs('image/png') returns. Same description, same bytes. */
export function renderChartPng(chart: ChartDescription): Buffer {
  const resvg = new Resvg(renderChartSvg(chart), {
    font: { loadSystemFonts: false, fontFiles: FONT_FILES, defaultFontFamily: FONT_FAMILY },
  });
  return resvg.render().asPng();
}

/** The chart as SVG text, as ECharts lays it out. */
export function renderChartSvg(chart: ChartDescription): string {
  validate(chart);
  const { width, height } = size(chart);
  const instance = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    instance.setOption(echartsOption(chart, width, height));
    return instance.renderToSVGString();
  } finally {
    instance.dispose();
  }
}

function size(chart: ChartDescription): { width: number; height: number } {
  return { width: chart.options?.width ?? DEFAULT_WIDTH, height: chart.options?.height ?? DEFAULT_HEIGHT };
}

function validate(chart: ChartDescription): void {
  const types: ChartType[] = ['AREA', 'BAR', 'COLUMN', 'LINE', 'PIE'];
  if (!types.includes(chart.type)) throw new Error(`Chart type ${String(chart.type)} cannot be drawn.`);
  const { header, rows } = chart.table;
  if (header.length < 1) throw new Error('A chart table needs a header with the domain name.');
  rows.forEach((row, index) => {
    if (row.length !== header.length) {
      throw new Error(`Chart row ${index + 1} has ${row.length} cells, the header has ${header.length}.`);
    }
    if (row.slice(1).some((value) => value !== null && !Number.isFinite(value))) {
      throw new Error(`Chart row ${index + 1} holds a value that is not a number.`);
    }
  });
  const { width, height } = size(chart);
  for (const pixels of [width, height]) {
    if (!Number.isInteger(pixels) || pixels < 1)
      throw new Error(`Chart size ${pixels} is not a whole number of pixels.`);
  }
  const hole = chart.options?.pieHole ?? 0;
  if (!(hole >= 0 && hole < 1)) throw new Error(`pieHole ${hole} is not between 0 and 1.`);
}

/** What a chart shows: series for axis charts, slices (the first series) for a pie. */
function hasData(chart: ChartDescription): boolean {
  const { header, rows } = chart.table;
  if (header.length < 2 || rows.length === 0) return false;
  if (chart.type !== 'PIE') return true;
  return rows.some((row) => (row[1] ?? 0) > 0);
}

function echartsOption(chart: ChartDescription, width: number, height: number): EChartsOption {
  const options = chart.options ?? {};
  const base: EChartsOption = {
    animation: false,
    backgroundColor: options.backgroundColor ?? '#ffffff',
    textStyle: { fontFamily: FONT_FAMILY, fontSize: FONT_SIZE, color: TEXT_COLOUR },
    title: titleOption(options.title),
  };
  if (!hasData(chart)) return { ...base, graphic: noData() };
  const names = chart.type === 'PIE' ? chart.table.rows.map((row) => row[0]) : chart.table.header.slice(1);
  const frame = plotFrame(options, names, width);
  const legend = legendOption(options.legend ?? 'right', frame, width);
  if (chart.type === 'PIE') return { ...base, legend, series: [pieSeries(chart, frame, width, height)] };
  return { ...base, legend, ...axes(chart, frame), series: axisSeries(chart) };
}

function titleOption(title: string | undefined): EChartsOption['title'] {
  return {
    show: Boolean(title),
    text: title ?? '',
    left: MARGIN,
    top: MARGIN,
    textStyle: { fontSize: TITLE_SIZE, fontWeight: 'bold', color: TEXT_COLOUR },
  };
}

/** Nothing to draw: say so, as a Google pie chart writes "No data" (the other types not checked). */
function noData(): EChartsOption['graphic'] {
  return {
    type: 'text',
    left: 'center',
    top: 'middle',
    style: { text: 'No data', fontSize: FONT_SIZE, fontFamily: FONT_FAMILY, fill: TEXT_COLOUR },
  };
}

function textWidth(text: string): number {
  return echarts.format.getTextRect(text, `${FONT_SIZE}px ${FONT_FAMILY}`).width;
}

/** Space around the plot, after the title and the legend have taken theirs. */
interface Frame {
  top: number;
  right: number;
  bottom: number;
  left: number;
  /** Where a legend at the top starts: under the title. */
  legendTop: number;
  /** Widest legend label, for a legend at the side. */
  legendText: number;
}

function plotFrame(options: ChartOptions, names: string[], width: number): Frame {
  const frame: Frame = {
    top: MARGIN,
    right: MARGIN * 2,
    bottom: MARGIN,
    left: MARGIN,
    legendTop: 0,
    legendText: 0,
  };
  if (options.title) frame.top += TITLE_SIZE + MARGIN;
  frame.legendTop = frame.top;
  const legend = options.legend ?? 'right';
  const rows = legendRows(names, width) * LEGEND_ROW;
  if (legend === 'top') frame.top += rows;
  if (legend === 'bottom') frame.bottom += rows;
  if (legend === 'left' || legend === 'right') {
    const widest = Math.max(0, ...names.map(textWidth));
    // A pixel of slack: ECharts truncates a label that measures a fraction wider than the room it is given.
    frame.legendText = Math.max(0, Math.min(Math.ceil(widest) + 1, width * 0.3 - LEGEND_SWATCH));
    frame[legend] += frame.legendText + LEGEND_SWATCH + MARGIN;
  }
  return frame;
}

/** How many rows a legend across the top or bottom wraps onto, as ECharts packs its items. */
function legendRows(names: string[], width: number): number {
  const available = width - 2 * MARGIN;
  let rows = 1;
  let used = 0;
  for (const name of names) {
    const item = LEGEND_SWATCH + Math.min(textWidth(name), available - LEGEND_SWATCH) + MARGIN;
    if (used > 0 && used + item > available) {
      rows += 1;
      used = 0;
    }
    used += item;
  }
  return rows;
}

function legendOption(position: LegendPosition, frame: Frame, width: number): LegendComponentOption {
  const common: LegendComponentOption = {
    show: position !== 'none',
    textStyle: { color: TEXT_COLOUR, width: frame.legendText || width - 4 * MARGIN, overflow: 'truncate' },
  };
  switch (position) {
    case 'top':
      return { ...common, top: frame.legendTop, left: 'center' };
    case 'bottom':
      return { ...common, bottom: MARGIN / 2, left: 'center' };
    case 'left':
      return { ...common, orient: 'vertical', left: MARGIN, top: 'middle' };
    default:
      return { ...common, orient: 'vertical', right: MARGIN, top: 'middle' };
  }
}

/** A series' or slice's colour: its own override, else the colours in turn, else Sheets' defaults in turn. */
function colourOf(
  overrides: Record<number, { color?: string }> | undefined,
  colours: string[] | undefined,
  index: number,
): string {
  const palette = colours?.length ? colours : DEFAULT_COLOURS;
  return overrides?.[index]?.color ?? palette[index % palette.length];
}

/** A category axis and a value axis: categories run along the bottom, or down the side for BAR. */
function axes(chart: ChartDescription, frame: Frame): EChartsOption {
  const options = chart.options ?? {};
  const horizontal = chart.type === 'BAR';
  // Labels under columns wrap within their own band, so a long status name does not run into its neighbour's.
  const band = (size(chart).width - frame.left - frame.right) / Math.max(1, chart.table.rows.length);
  const categories: AxisOption = {
    type: 'category',
    data: chart.table.rows.map((row) => row[0]),
    boundaryGap: chart.type === 'BAR' || chart.type === 'COLUMN',
    inverse: horizontal,
    axisTick: { show: false },
    axisLabel: { interval: 0, overflow: 'break', width: horizontal ? 140 : Math.max(20, band - 4) },
  };
  const values: AxisOption = {
    type: 'value',
    minInterval: allWhole(chart.table.rows) ? 1 : undefined,
    splitLine: { lineStyle: { color: '#e0e0e0' } },
  };
  const [x, y] = horizontal ? [values, categories] : [categories, values];
  return {
    grid: { ...plotBox(frame), outerBoundsMode: 'same', outerBoundsContain: 'all' },
    xAxis: { ...x, name: options.hAxisTitle, nameLocation: 'middle', nameGap: 25 },
    yAxis: { ...y, name: options.vAxisTitle, nameLocation: 'middle', nameGap: 30, nameRotate: 90 },
  };
}

/** The grid for axis charts; the top tick label stands half above the plot, so it gets room. */
function plotBox({ top, right, bottom, left }: Frame) {
  return { top: top + FONT_SIZE / 2, right, bottom, left };
}

function allWhole(rows: ChartRow[]): boolean {
  return rows.every((row) => row.slice(1).every((value) => value === null || Number.isInteger(value)));
}

function axisSeries(chart: ChartDescription): SeriesOption[] {
  const options = chart.options ?? {};
  const { header, rows } = chart.table;
  const stack = chart.stacked && chart.type !== 'LINE' ? 'total' : undefined;
  return header.slice(1).map((name, index) => {
    const colour = colourOf(options.series, options.colors, index);
    const data = rows.map((row) => row[index + 1] ?? '-');
    if (chart.type === 'BAR' || chart.type === 'COLUMN') {
      return { type: 'bar', name, data, stack, itemStyle: { color: colour }, barCategoryGap: '38%' };
    }
    const pointSize = options.pointSize ?? 0;
    return {
      type: 'line',
      name,
      data,
      stack,
      color: colour,
      lineStyle: { width: 2, color: colour },
      showSymbol: pointSize > 0,
      symbolSize: pointSize,
      areaStyle: chart.type === 'AREA' ? { opacity: 0.3, color: colour } : undefined,
    };
  });
}

/** The first series as slices, labelled with their share as Google's pieSliceText 'percentage' does. */
function pieSeries(chart: ChartDescription, frame: Frame, width: number, height: number): SeriesOption {
  const options = chart.options ?? {};
  const plotWidth = width - frame.left - frame.right;
  const plotHeight = height - frame.top - frame.bottom;
  const radius = Math.max(1, Math.min(plotWidth, plotHeight) / 2);
  return {
    type: 'pie',
    name: chart.table.header[1],
    center: [frame.left + plotWidth / 2, frame.top + plotHeight / 2],
    radius: [radius * (options.pieHole ?? 0), radius],
    data: chart.table.rows.map((row, index) => {
      const value = Math.max(0, row[1] ?? 0);
      const itemStyle = {
        color: colourOf(options.slices, options.colors, index),
        borderColor: '#ffffff',
        borderWidth: 1,
      };
      return { name: row[0], value, itemStyle, label: { show: value > 0 } };
    }),
    label: { position: 'inside', formatter: '{d}%', color: '#ffffff', fontSize: FONT_SIZE },
    labelLine: { show: false },
    labelLayout: { hideOverlap: true },
    percentPrecision: 1,
  };
}
