/**
 * Turns an embedded chart (its ranges, merge strategy, transposition, headers and options) into the
 * description local/render/chart.ts draws, reading the cells as they are now, as Sheets redraws a chart when its
 * data changes. The renderer's header comment says how each part maps.
 *
 * References:
 *   https://developers.google.com/apps-script/reference/spreadsheet/embedded-chart-builder (setMergeStrategy,
 *     setNumHeaders, setTransposeRowsAndColumns, setHiddenDimensionStrategy)
 *   https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/charts (BasicChartSpec.headerCount:
 *     "If not set, Google Sheets will guess how many rows are headers based on the data")
 *   https://developers.google.com/chart/interactive/docs/gallery/columnchart (the option names)
 */
import type { ChartDescription, ChartOptions, ChartRow, ChartType, LegendPosition } from '../../render/chart';
import { optionValue, type OptionMap } from '../Charts';
import { NotImplementedError } from '../runtime';
import type { ChartSpec } from './chart-spec';
import type { GridRef } from './grid-ref';
import type { CellValue } from './number-format';

/** The chart types local/render/chart.ts draws. */
export const DRAWN_TYPES: readonly ChartType[] = ['AREA', 'BAR', 'COLUMN', 'LINE', 'PIE'];

/** A cell as a chart reads it: the value for a series, the displayed text for a label. */
interface ChartCell {
  value: CellValue;
  text: string;
}

const BLANK_CELL: ChartCell = { value: '', text: '' };

export function chartDescription(spec: ChartSpec): ChartDescription {
  const type = spec.type;
  if (type === null || !(DRAWN_TYPES as readonly string[]).includes(type)) {
    throw new NotImplementedError(`EmbeddedChart.getAs for a ${String(type)} chart`);
  }
  return {
    type: type as ChartType,
    stacked: stacked(spec.options),
    table: table(spec),
    options: chartOptions(spec.options),
  };
}

/** The chart's cells after merging the ranges and transposing, before headers are taken off. */
export function chartGrid(spec: ChartSpec): ChartCell[][] {
  const blocks = spec.ranges.map((ref) => readRange(ref, spec.hidden));
  const merged = spec.merge === 'MERGE_ROWS' ? blocks.flat() : sideBySide(blocks);
  const width = Math.max(0, ...merged.map((row) => row.length));
  const grid = merged.map((row) => [...row, ...Array<ChartCell>(width - row.length).fill(BLANK_CELL)]);
  return spec.transpose ? transpose(grid) : grid;
}

/** Hidden columns drop out when the strategy ignores them; the local sheet has no hidden rows. */
function readRange(ref: GridRef, hidden: ChartSpec['hidden']): ChartCell[][] {
  const ignoreColumns = hidden === 'IGNORE_COLUMNS' || hidden === 'IGNORE_BOTH';
  const rows: ChartCell[][] = [];
  for (let r = ref.row; r < ref.row + ref.numRows; r++) {
    const row: ChartCell[] = [];
    for (let c = ref.column; c < ref.column + ref.numColumns; c++) {
      if (ignoreColumns && ref.sheet.hiddenColumns.has(c)) continue;
      row.push({ value: ref.sheet._read(r, c), text: ref.sheet._display(r, c) });
    }
    rows.push(row);
  }
  return rows;
}

/** MERGE_COLUMNS: each range's columns follow the previous range's, row by row. */
function sideBySide(blocks: ChartCell[][][]): ChartCell[][] {
  const height = Math.max(0, ...blocks.map((b) => b.length));
  return Array.from({ length: height }, (_, i) =>
    blocks.flatMap((block) => block[i] ?? Array<ChartCell>(block[0]?.length ?? 0).fill(BLANK_CELL)),
  );
}

function transpose(grid: ChartCell[][]): ChartCell[][] {
  const width = grid[0]?.length ?? 0;
  return Array.from({ length: width }, (_, c) => grid.map((row) => row[c]));
}

/**
 * How many rows head the table: as set, or Sheets' guess. The guess (not documented beyond "guess") is one
 * header row when the first row's series cells hold text and no numbers while a later row holds a number.
 */
export function headerCount(spec: ChartSpec, grid: ChartCell[][]): number {
  if (spec.numHeaders >= 0) return Math.min(spec.numHeaders, grid.length);
  const [first, ...rest] = grid;
  if (!first || rest.length === 0) return 0;
  const series = first.slice(1);
  const textual = series.some((c) => typeof c.value === 'string' && c.value !== '');
  const numeric = series.some((c) => typeof c.value === 'number');
  const numbersBelow = rest.some((row) => row.slice(1).some((c) => typeof c.value === 'number'));
  return textual && !numeric && numbersBelow ? 1 : 0;
}

function table(spec: ChartSpec): ChartDescription['table'] {
  const grid = chartGrid(spec);
  const headers = headerCount(spec, grid);
  const width = grid[0]?.length ?? 0;
  const header = Array.from({ length: Math.max(1, width) }, (_, c) =>
    grid
      .slice(0, headers)
      .map((row) => row[c].text)
      .filter((text) => text !== '')
      .join(' '),
  );
  const rows = grid.slice(headers).map((row): ChartRow => [
    row[0]?.text ?? '',
    // Series cells that hold no number (text, dates, booleans, blanks) are gaps, as Sheets leaves them.
    ...row.slice(1).map((cell) => (typeof cell.value === 'number' ? cell.value : null)),
  ]);
  return { header, rows };
}

/** isStacked true (or 'absolute') stacks; Google's 'percent' and 'relative' stacking are not drawn locally. */
function stacked(options: OptionMap): boolean {
  const value = optionValue(options, 'isStacked');
  if (value === 'percent' || value === 'relative') {
    throw new NotImplementedError(`EmbeddedChart.getAs with isStacked '${value}'`);
  }
  return value === true || value === 'true' || value === 'absolute';
}

const LEGEND_POSITIONS: readonly LegendPosition[] = ['top', 'right', 'bottom', 'left', 'none'];

function legend(options: OptionMap): LegendPosition | undefined {
  const whole = optionValue(options, 'legend');
  const position = optionValue(options, 'legend.position') ?? (typeof whole === 'string' ? whole : undefined);
  const name = typeof position === 'string' ? position.toLowerCase() : undefined;
  return LEGEND_POSITIONS.find((p) => p === name);
}

function text(options: OptionMap, name: string): string | undefined {
  const value = optionValue(options, name);
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

function number(options: OptionMap, name: string): number | undefined {
  const value = optionValue(options, name);
  return typeof value === 'number' ? value : undefined;
}

/** {0: {color: 'red'}} by series (or slice) index, from the 'series' / 'slices' option. */
function colourOverrides(options: OptionMap, name: string): Record<number, { color?: string }> | undefined {
  const value = optionValue(options, name);
  if (typeof value !== 'object' || value === null) return undefined;
  const out: Record<number, { color?: string }> = {};
  for (const [key, entry] of Object.entries(value)) {
    const colour = (entry as { color?: unknown } | null)?.color;
    if (/^\d+$/.test(key) && typeof colour === 'string') out[Number(key)] = { color: colour };
  }
  return out;
}

function chartOptions(options: OptionMap): ChartOptions {
  const colours = optionValue(options, 'colors');
  const out: ChartOptions = {
    title: text(options, 'title'),
    colors: Array.isArray(colours) ? colours.filter((c): c is string => typeof c === 'string') : undefined,
    series: colourOverrides(options, 'series'),
    slices: colourOverrides(options, 'slices'),
    legend: legend(options),
    hAxisTitle: text(options, 'hAxis.title'),
    vAxisTitle: text(options, 'vAxis.title'),
    pieHole: number(options, 'pieHole'),
    pointSize: number(options, 'pointSize'),
    backgroundColor: text(options, 'backgroundColor') ?? text(options, 'backgroundColor.fill'),
    width: number(options, 'width'),
    height: number(options, 'height'),
  };
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined)) as ChartOptions;
}
