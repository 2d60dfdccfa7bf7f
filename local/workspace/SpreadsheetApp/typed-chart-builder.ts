/**
 * What the reference's typed chart builders share (not classes of the reference themselves): every typed builder
 * has setTitle, setColors, setBackgroundColor and setLegendPosition; the ones with axes (area, bar, column, line)
 * add the axis titles; the ones that stack (area, bar, column) add setStacked.
 * Reference: https://developers.google.com/apps-script/reference/spreadsheet/embedded-chart-builder (and the
 * typed builders' pages linked from it).
 */
import { FakeEmbeddedChartBuilder } from './embedded-chart-builder';

export abstract class FakeTypedChartBuilder extends FakeEmbeddedChartBuilder {
  override setTitle(chartTitle: unknown): this {
    return this._text('title', chartTitle, 'setTitle');
  }

  override setColors(cssValues: unknown): this {
    return this._colours(cssValues);
  }

  override setBackgroundColor(cssValue: unknown): this {
    return this._text('backgroundColor', cssValue, 'setBackgroundColor');
  }

  override setLegendPosition(position: unknown): this {
    return this._legend(position);
  }
}

export abstract class FakeAxisChartBuilder extends FakeTypedChartBuilder {
  override setXAxisTitle(title: unknown): this {
    return this._text('hAxis.title', title, 'setXAxisTitle');
  }

  override setYAxisTitle(title: unknown): this {
    return this._text('vAxis.title', title, 'setYAxisTitle');
  }
}

export abstract class FakeStackableChartBuilder extends FakeAxisChartBuilder {
  /** Stacks the series: each column (bar, area) sums the ones below it. */
  override setStacked(): this {
    this._spec.options.set('isStacked', true);
    return this;
  }
}
