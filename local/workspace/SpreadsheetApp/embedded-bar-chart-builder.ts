/**
 * EmbeddedBarChartBuilder: the typed builder asBarChart() returns, with the methods the reference gives it.
 * Reference: https://developers.google.com/apps-script/reference/spreadsheet/embedded-bar-chart-builder
 */
import { FakeEmbeddedChartBuilder } from './embedded-chart-builder';

export class FakeEmbeddedBarChartBuilder extends FakeEmbeddedChartBuilder {
  protected override readonly className: string = 'EmbeddedBarChartBuilder';

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

  override setXAxisTitle(title: unknown): this {
    return this._text('hAxis.title', title, 'setXAxisTitle');
  }

  override setYAxisTitle(title: unknown): this {
    return this._text('vAxis.title', title, 'setYAxisTitle');
  }

  /** Stacks the series: each column (bar, area) sums the ones below it. */
  override setStacked(): this {
    this._spec.options.set('isStacked', true);
    return this;
  }
}
