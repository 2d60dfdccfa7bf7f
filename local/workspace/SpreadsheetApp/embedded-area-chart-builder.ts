/**
 * EmbeddedAreaChartBuilder: the typed builder asAreaChart() returns, with the methods the reference gives it.
 * Reference: https://developers.google.com/apps-script/reference/spreadsheet/embedded-area-chart-builder
 */
import { FakeStackableChartBuilder } from './typed-chart-builder';

export class FakeEmbeddedAreaChartBuilder extends FakeStackableChartBuilder {
  protected override readonly className: string = 'EmbeddedAreaChartBuilder';
}
