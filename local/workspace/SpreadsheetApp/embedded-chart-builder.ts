/**
 * EmbeddedChartBuilder: what Sheet.newChart() and EmbeddedChart.modify() return. It holds the methods every
 * embedded chart builder shares; asAreaChart(), asBarChart(), asColumnChart(), asLineChart() and asPieChart()
 * set the type and return the typed builder (a class each, in the files beside this one) over the same chart.
 *
 * The reference declares that the shared methods (addRange, setOption, setPosition ...) return an
 * EmbeddedChartBuilder, but the object they return is the builder they were called on: scripts chain
 * `asColumnChart().addRange(range).setStacked()`. So every method here returns `this`.
 *
 * The typed methods (setTitle, setColors, setStacked ...) exist only on the typed builders that the reference
 * gives them to: called on another builder they throw a TypeError, as calling a missing method does in Apps
 * Script, rather than "not implemented".
 *
 * References:
 *   https://developers.google.com/apps-script/reference/spreadsheet/embedded-chart-builder
 *   https://developers.google.com/apps-script/reference/spreadsheet/embedded-pie-chart-builder (and the area,
 *     bar, column and line builders)
 */
import { unwrap } from '../runtime';
import {
  ChartHiddenDimensionStrategy,
  ChartMergeStrategy,
  ChartType,
  type ChartTypeName,
  Position,
} from '../Charts';
import { type ChartSpec, copyOption, copySpec } from './chart-spec';
import { FakeContainerInfo } from './container-info';
import { FakeEmbeddedChart } from './embedded-chart';
import { refOf } from './grid-ref';
import { isInteger, signatureError, type Wrap } from './helpers';
import { FakeRange } from './range';

/** Opens the builder for a chart: the typed one for `type`, or the plain EmbeddedChartBuilder for null. */
export type ChartBuilderFactory = (spec: ChartSpec, type: ChartTypeName | null) => unknown;

export class FakeEmbeddedChartBuilder {
  /** The reference's class name, which signature errors and missing-method errors name. */
  protected readonly className: string = 'EmbeddedChartBuilder';

  constructor(
    readonly _spec: ChartSpec,
    protected readonly _wrap: Wrap,
    protected readonly _factory: ChartBuilderFactory,
  ) {}

  addRange(range: unknown): this {
    this._spec.ranges.push(refOf(this._range(range, 'addRange')));
    return this;
  }

  /** Removes the range if the chart has it (same sheet and cells); otherwise changes nothing. */
  removeRange(range: unknown): this {
    const ref = refOf(this._range(range, 'removeRange'));
    const index = this._spec.ranges.findIndex(
      (r) =>
        r.sheet === ref.sheet &&
        r.row === ref.row &&
        r.column === ref.column &&
        r.numRows === ref.numRows &&
        r.numColumns === ref.numColumns,
    );
    if (index >= 0) this._spec.ranges.splice(index, 1);
    return this;
  }

  clearRanges(): this {
    this._spec.ranges = [];
    return this;
  }

  getRanges(): unknown[] {
    return this._spec.ranges.map((ref) => ref.sheet._rangeProxy(ref));
  }

  getChartType(): string | null {
    return this._spec.type;
  }

  getContainer(): unknown {
    return this._wrap(new FakeContainerInfo({ ...this._spec.position }), 'ContainerInfo');
  }

  setChartType(type: unknown): this {
    this._spec.type = this._enum(ChartType, type, 'setChartType');
    return this;
  }

  asAreaChart(): unknown {
    return this._as('AREA');
  }

  asBarChart(): unknown {
    return this._as('BAR');
  }

  asColumnChart(): unknown {
    return this._as('COLUMN');
  }

  asLineChart(): unknown {
    return this._as('LINE');
  }

  asPieChart(): unknown {
    return this._as('PIE');
  }

  setHiddenDimensionStrategy(strategy: unknown): this {
    this._spec.hidden = this._enum(ChartHiddenDimensionStrategy, strategy, 'setHiddenDimensionStrategy');
    return this;
  }

  setMergeStrategy(mergeStrategy: unknown): this {
    this._spec.merge = this._enum(ChartMergeStrategy, mergeStrategy, 'setMergeStrategy');
    return this;
  }

  /** Rows (or, transposed, columns) of the ranges that are headers. */
  setNumHeaders(headers: unknown): this {
    if (!isInteger(headers)) throw this._signature('setNumHeaders', [headers]);
    this._spec.numHeaders = Math.max(0, Math.floor(headers));
    return this;
  }

  setTransposeRowsAndColumns(transpose: unknown): this {
    if (typeof transpose !== 'boolean') throw this._signature('setTransposeRowsAndColumns', [transpose]);
    this._spec.transpose = transpose;
    return this;
  }

  /** A Google Charts option by name ('title', 'colors', 'legend.position', 'series' ...); a copy is kept. */
  setOption(option: unknown, value: unknown): this {
    if (typeof option !== 'string') throw this._signature('setOption', [option, value]);
    this._spec.options.set(option, copyOption(value));
    return this;
  }

  /**
   * The anchor cell (1-based) and the offset in pixels from its top left corner. Rows and columns below 1 are
   * refused with the sheet's out-of-bounds messages (the reference gives no wording; modelled stricter).
   */
  setPosition(anchorRowPos: unknown, anchorColPos: unknown, offsetX: unknown, offsetY: unknown): this {
    const args = [anchorRowPos, anchorColPos, offsetX, offsetY];
    if (!args.every(isInteger)) throw this._signature('setPosition', args);
    const [row, column, x, y] = (args as number[]).map(Math.floor);
    if (row < 1) throw new Error('Those rows are out of bounds.');
    if (column < 1) throw new Error('Those columns are out of bounds.');
    this._spec.position = { row, column, offsetX: x, offsetY: y };
    return this;
  }

  /**
   * The chart as built now; later changes to this builder do not reach it. A chart needs a type (Apps Script's
   * message for a chart without one is not documented; modelled stricter).
   */
  build(): unknown {
    if (this._spec.type === null) {
      throw new Error('The chart type is not set: call setChartType or an asXChart() method before build().');
    }
    const factory = this._factory;
    const chart = new FakeEmbeddedChart(copySpec(this._spec), this._wrap, (spec) => factory(spec, null));
    return this._wrap(chart, 'EmbeddedChart');
  }

  // ---- Typed methods: a TypeError here; the typed builders that have them override them.

  setTitle(..._args: unknown[]): this {
    throw this._missing('setTitle');
  }

  setColors(..._args: unknown[]): this {
    throw this._missing('setColors');
  }

  setBackgroundColor(..._args: unknown[]): this {
    throw this._missing('setBackgroundColor');
  }

  setLegendPosition(..._args: unknown[]): this {
    throw this._missing('setLegendPosition');
  }

  setStacked(..._args: unknown[]): this {
    throw this._missing('setStacked');
  }

  setXAxisTitle(..._args: unknown[]): this {
    throw this._missing('setXAxisTitle');
  }

  setYAxisTitle(..._args: unknown[]): this {
    throw this._missing('setYAxisTitle');
  }

  set3D(..._args: unknown[]): this {
    throw this._missing('set3D');
  }

  // ---- What the typed builders share

  /** setTitle, setXAxisTitle, setYAxisTitle: a string option. */
  protected _text(option: string, value: unknown, method: string): this {
    if (typeof value !== 'string') throw this._signature(method, [value]);
    this._spec.options.set(option, value);
    return this;
  }

  /** setColors: series colours in order (slice colours for a pie), any CSS colour. */
  protected _colours(cssValues: unknown): this {
    const values = unwrap(cssValues);
    if (!Array.isArray(values) || !values.every((v) => typeof v === 'string')) {
      throw this._signature('setColors', [cssValues]);
    }
    this._spec.options.set('colors', [...(values as string[])]);
    return this;
  }

  /** setLegendPosition: Charts.Position, stored as Google Charts' lower-case legend.position. */
  protected _legend(position: unknown): this {
    const name = this._enum(Position, position, 'setLegendPosition');
    this._spec.options.set('legend.position', name.toLowerCase());
    return this;
  }

  protected _signature(method: string, args: unknown[]): Error {
    return signatureError(`SpreadsheetApp.${this.className}.${method}`, args);
  }

  private _missing(method: string): TypeError {
    return new TypeError(`${method} is not a function: ${this.className} has no ${method} in Apps Script.`);
  }

  private _range(range: unknown, method: string): FakeRange {
    const raw = unwrap(range);
    if (!(raw instanceof FakeRange)) throw this._signature(method, [range]);
    return raw;
  }

  private _enum<K extends string>(values: Readonly<Record<K, K>>, value: unknown, method: string): K {
    if (typeof value !== 'string' || !(value in values)) throw this._signature(method, [value]);
    return value as K;
  }

  private _as(type: ChartTypeName): unknown {
    this._spec.type = type;
    return this._factory(this._spec, type);
  }
}
