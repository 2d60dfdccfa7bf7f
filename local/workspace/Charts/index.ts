/** Charts of the local Workspace: the global's enums and the ChartOptions embedded charts hand out. */
export { LocalCharts } from './charts';
export { ChartOptionsObject, optionValue } from './chart-options';
export type { OptionMap } from './chart-options';
export {
  ChartHiddenDimensionStrategy,
  ChartMergeStrategy,
  ChartType,
  ColumnType,
  CurveStyle,
  PointStyle,
  Position,
} from './enums';
export type { ChartTypeName, HiddenDimensionStrategyName, MergeStrategyName, PositionName } from './enums';
