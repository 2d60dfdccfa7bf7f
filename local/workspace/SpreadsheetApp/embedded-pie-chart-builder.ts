/**
 * EmbeddedPieChartBuilder: the typed builder asPieChart() returns, with the methods the reference gives it.
 * Reference: https://developers.google.com/apps-script/reference/spreadsheet/embedded-pie-chart-builder
 */
import { FakeTypedChartBuilder } from './typed-chart-builder';

export class FakeEmbeddedPieChartBuilder extends FakeTypedChartBuilder {
  protected override readonly className: string = 'EmbeddedPieChartBuilder';

  /** Google Charts' is3D; the picture getAs draws is flat, as Apps Script's chart images of 3D pies are. */
  override set3D(): this {
    this._spec.options.set('is3D', true);
    return this;
  }
}
