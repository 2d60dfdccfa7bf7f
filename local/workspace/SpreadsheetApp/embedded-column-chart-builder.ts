/**
 * EmbeddedColumnChartBuilder: the typed builder asColumnChart() returns, with the methods the reference gives it.
 * Reference: https://developers.google.com/apps-script/reference/spreadsheet/embedded-column-chart-builder
 */
import { FakeStackableChartBuilder } from './typed-chart-builder';

export class FakeEmbeddedColumnChartBuilder extends FakeStackableChartBuilder {
  protected override readonly className: string = 'EmbeddedColumnChartBuilder';
}
