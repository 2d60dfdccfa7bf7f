/**
 * Charts of the local Workspace: the global the script sees, with the enums embedded charts take
 * (Charts.ChartType, Charts.Position, ...). The standalone chart builders (Charts.newColumnChart() and the
 * rest) are not modelled: embedded charts are built from a sheet with Sheet.newChart().
 * Reference: https://developers.google.com/apps-script/reference/charts/charts
 */
import { Runtime, expose } from '../runtime';
import {
  ChartHiddenDimensionStrategy,
  ChartMergeStrategy,
  ChartType,
  ColumnType,
  CurveStyle,
  PointStyle,
  Position,
} from './enums';

class ChartsApp {
  readonly ChartHiddenDimensionStrategy = ChartHiddenDimensionStrategy;
  readonly ChartMergeStrategy = ChartMergeStrategy;
  readonly ChartType = ChartType;
  readonly ColumnType = ColumnType;
  readonly CurveStyle = CurveStyle;
  readonly PointStyle = PointStyle;
  readonly Position = Position;
}

export class LocalCharts {
  /** The global the bundle sees as Charts. */
  readonly app: GoogleAppsScript.Charts.Charts;

  constructor(runtime: Runtime) {
    this.app = expose<GoogleAppsScript.Charts.Charts>(new ChartsApp(), 'Charts', runtime);
  }
}
