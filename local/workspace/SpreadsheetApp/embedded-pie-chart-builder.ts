/**
 * EmbeddedPieChartBuilder: the typed builder asPieChart() returns, with the methods the reference gives it.
 * Reference: https://developers.google.com/apps-script/reference/spreadsheet/embedded-pie-chart-builder
 */
import { FakeEmbeddedChartBuilder } from './embedded-chart-builder';

export class FakeEmbeddedPieChartBuilder extends FakeEmbeddedChartBuilder {
  protected override readonly className: string = 'EmbeddedPieChartBuilder';

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

  /** Google Charts' is3D; the picture getAs draws is flat, as Apps Script's chart images of 3D pies are. */
  override set3D(): this {
    this._spec.options.set('is3D', true);
    return this;
  }
}
