/**
 * The Charts enums embedded charts use. Apps Script enums print as their names, so names serve as values here.
 * Reference: https://developers.google.com/apps-script/reference/charts/chart-type (and position,
 * chart-merge-strategy, chart-hidden-dimension-strategy, point-style, curve-style).
 */

function enumOf<K extends string>(...names: K[]): Readonly<Record<K, K>> {
  return Object.freeze(Object.fromEntries(names.map((n) => [n, n])) as Record<K, K>);
}

export const ChartType = enumOf(
  'TIMELINE',
  'AREA',
  'BAR',
  'BUBBLE',
  'CANDLESTICK',
  'COLUMN',
  'COMBO',
  'GAUGE',
  'GEO',
  'HISTOGRAM',
  'RADAR',
  'LINE',
  'ORG',
  'PIE',
  'SCATTER',
  'SPARKLINE',
  'STEPPED_AREA',
  'TABLE',
  'TREEMAP',
  'WATERFALL',
);
export type ChartTypeName = keyof typeof ChartType;

export const Position = enumOf('TOP', 'RIGHT', 'BOTTOM', 'NONE');
export type PositionName = keyof typeof Position;

export const ChartMergeStrategy = enumOf('MERGE_COLUMNS', 'MERGE_ROWS');
export type MergeStrategyName = keyof typeof ChartMergeStrategy;

export const ChartHiddenDimensionStrategy = enumOf(
  'IGNORE_BOTH',
  'IGNORE_ROWS',
  'IGNORE_COLUMNS',
  'SHOW_BOTH',
);
export type HiddenDimensionStrategyName = keyof typeof ChartHiddenDimensionStrategy;

export const PointStyle = enumOf('NONE', 'TINY', 'MEDIUM', 'LARGE', 'HUGE');
export const CurveStyle = enumOf('NORMAL', 'SMOOTH');
export const ColumnType = enumOf('DATE', 'NUMBER', 'STRING');
