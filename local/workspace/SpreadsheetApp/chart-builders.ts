/** Opens the right builder class over a chart: the plain EmbeddedChartBuilder, or a typed one for asXChart(). */
import type { ChartTypeName } from '../Charts';
import type { ChartSpec } from './chart-spec';
import { FakeEmbeddedAreaChartBuilder } from './embedded-area-chart-builder';
import { FakeEmbeddedBarChartBuilder } from './embedded-bar-chart-builder';
import { FakeEmbeddedChartBuilder } from './embedded-chart-builder';
import { FakeEmbeddedColumnChartBuilder } from './embedded-column-chart-builder';
import { FakeEmbeddedLineChartBuilder } from './embedded-line-chart-builder';
import { FakeEmbeddedPieChartBuilder } from './embedded-pie-chart-builder';
import type { Wrap } from './helpers';

const TYPED: Partial<Record<ChartTypeName, [typeof FakeEmbeddedChartBuilder, string]>> = {
  AREA: [FakeEmbeddedAreaChartBuilder, 'EmbeddedAreaChartBuilder'],
  BAR: [FakeEmbeddedBarChartBuilder, 'EmbeddedBarChartBuilder'],
  COLUMN: [FakeEmbeddedColumnChartBuilder, 'EmbeddedColumnChartBuilder'],
  LINE: [FakeEmbeddedLineChartBuilder, 'EmbeddedLineChartBuilder'],
  PIE: [FakeEmbeddedPieChartBuilder, 'EmbeddedPieChartBuilder'],
};

/** The builder the script receives, exposed under its reference class name so calls are counted by it. */
export function openChartBuilder(wrap: Wrap, spec: ChartSpec, type: ChartTypeName | null): unknown {
  const [Builder, name] = (type && TYPED[type]) || [FakeEmbeddedChartBuilder, 'EmbeddedChartBuilder'];
  return wrap(new Builder(spec, wrap, (s, t) => openChartBuilder(wrap, s, t)), name);
}
