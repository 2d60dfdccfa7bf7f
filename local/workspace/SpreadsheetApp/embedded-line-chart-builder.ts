/**
 * EmbeddedLineChartBuilder: the typed builder asLineChart() returns, with the methods the reference gives it
 * (no setStacked: line charts do not stack).
 * Reference: https://developers.google.com/apps-script/reference/spreadsheet/embedded-line-chart-builder
 */
import { FakeAxisChartBuilder } from './typed-chart-builder';

export class FakeEmbeddedLineChartBuilder extends FakeAxisChartBuilder {
  protected override readonly className: string = 'EmbeddedLineChartBuilder';
}
