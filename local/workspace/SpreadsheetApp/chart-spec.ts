/**
 * What an embedded chart is made of, as the builder gathers it and the sheet stores it: its type, its source
 * ranges, its options, its position, and how the ranges become a table. EmbeddedChartBuilder edits one,
 * EmbeddedChart holds a copy, Sheet keeps one per inserted chart.
 *
 * References:
 *   https://developers.google.com/apps-script/reference/spreadsheet/embedded-chart-builder
 *   https://developers.google.com/apps-script/reference/spreadsheet/container-info
 */
import type { ChartTypeName, HiddenDimensionStrategyName, MergeStrategyName } from '../Charts';
import { GridRef, shiftRef } from './grid-ref';
import type { FakeSheet } from './sheet';

/** Where the chart's top left corner sits: in a cell (1-based), then so many pixels right and down. */
export interface ChartPosition {
  row: number;
  column: number;
  offsetX: number;
  offsetY: number;
}

export interface ChartSpec {
  /** Null until setChartType or an asXChart() call; build() refuses a chart without one. */
  type: ChartTypeName | null;
  ranges: GridRef[];
  /** Google Charts options by name as setOption was given them ('legend.position' is one key). */
  options: Map<string, unknown>;
  position: ChartPosition;
  /** -1 until setNumHeaders: Sheets then guesses from the data (Sheets API BasicChartSpec.headerCount). */
  numHeaders: number;
  transpose: boolean;
  merge: MergeStrategyName;
  hidden: HiddenDimensionStrategyName;
  /** Null until the chart is inserted into a sheet ("null if the chart is not in a spreadsheet"). */
  id: number | null;
}

/** A new chart: no type, no ranges, at A1, merging columns and ignoring hidden rows (the reference defaults). */
export function newSpec(): ChartSpec {
  return {
    type: null,
    ranges: [],
    options: new Map(),
    position: { row: 1, column: 1, offsetX: 0, offsetY: 0 },
    numHeaders: -1,
    transpose: false,
    merge: 'MERGE_COLUMNS',
    hidden: 'IGNORE_ROWS',
    id: null,
  };
}

/** Options are plain data (strings, numbers, arrays, objects); a copy keeps a built chart immutable. */
export function copyOption(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copyOption);
  if (typeof value !== 'object' || value === null) return value;
  // A plain object of any realm (the bundle runs in its own vm context): its prototype has no prototype.
  const proto: object | null = Object.getPrototypeOf(value);
  if (proto !== null && Object.getPrototypeOf(proto) !== null) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, copyOption(v)]));
}

export function copySpec(spec: ChartSpec): ChartSpec {
  return {
    ...spec,
    ranges: spec.ranges.map((ref) => ({ ...ref })),
    options: new Map([...spec.options].map(([k, v]) => [k, copyOption(v)])),
    position: { ...spec.position },
  };
}

const nextIds = new WeakMap<object, number>();

/** Chart ids are unique across the spreadsheet and never reused. */
export function newChartId(spreadsheet: object): number {
  const id = nextIds.get(spreadsheet) ?? 1_000_000_001;
  nextIds.set(spreadsheet, id + 1);
  return id;
}

/**
 * After rows or columns of `sheet` were inserted or deleted: source ranges on it move (a range whose cells were
 * all deleted leaves the chart), and a chart anchored on it moves with its anchor cell, staying in place when
 * the anchor row or column itself was deleted.
 */
export function shiftCharts(
  sheets: readonly FakeSheet[],
  sheet: FakeSheet,
  axis: 'row' | 'column',
  after: number,
  count: number,
): void {
  for (const owner of sheets) {
    for (const spec of owner.charts) {
      spec.ranges = spec.ranges.flatMap((ref) =>
        ref.sheet === sheet ? (shiftRef(ref, axis, after, count) ?? []) : ref,
      );
      if (owner !== sheet) continue;
      const at = spec.position[axis];
      if (at > after) spec.position[axis] = Math.max(after + 1, at + count);
    }
  }
}
