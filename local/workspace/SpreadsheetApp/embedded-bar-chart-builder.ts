/**
 * EmbeddedBarChartBuilder: the typed builder asBarChart() returns, with the methods the reference gives it.
 * Reference: https://developers.google.com/apps-script/reference/spreadsheet/embedded-bar-chart-builder
 */
import { FakeStackableChartBuilder } from './typed-chart-builder';

export class FakeEmbeddedBarChartBuilder extends FakeStackableChartBuilder {
  protected override readonly className: string = 'EmbeddedBarChartBuilder';
}
