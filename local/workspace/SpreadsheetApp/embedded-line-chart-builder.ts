/**
 * EmbeddedLineChartBuilder: the typed builder asLineChart() returns, with the methods the reference gives it.
 * Reference: https://developers.google.com/apps-script/reference/spreadsheet/embedded-line-chart-builder
 */
import { FakeEmbeddedChartBuilder } from './embedded-chart-builder';

export class FakeEmbeddedLineChartBuilder extends FakeEmbeddedChartBuilder {
  protected override readonly className: string = 'EmbeddedLineChartBuilder';

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
}
