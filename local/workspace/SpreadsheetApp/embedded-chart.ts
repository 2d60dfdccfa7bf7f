/**
 * EmbeddedChart: a chart built from a sheet's ranges, inserted into a sheet or not yet. getAs('image/png') and
 * getBlob() draw it with local/render/chart.ts from the cells as they are now.
 * Reference: https://developers.google.com/apps-script/reference/spreadsheet/embedded-chart
 */
import { LocalBlob } from '../Base/blob';
import { ChartOptionsObject } from '../Charts';
import { NotImplementedError } from '../runtime';
import { chartDescription } from './chart-description';
import { type ChartSpec, copySpec } from './chart-spec';
import { FakeContainerInfo } from './container-info';
import type { Wrap } from './helpers';
import { signatureError } from './helpers';

const PNG = 'image/png';
/** Chart.getAs: "For BMP, GIF, JPEG, or PNG images, 'image/bmp', 'image/gif', 'image/jpeg', or 'image/png'". */
const OTHER_TYPES = ['image/bmp', 'image/gif', 'image/jpeg', 'application/pdf'];

/** Opens a builder on a copy of a chart: what modify() returns. */
export type OpenBuilder = (spec: ChartSpec) => unknown;

/** The same chart drawn twice (the paper and the owner's email) is drawn once. */
const drawn = new Map<string, Buffer>();
const DRAWN_KEPT = 32;

/** The chart as PNG bytes, drawn from its cells now; exporters and the runner call this too. */
export function chartPng(spec: ChartSpec): Buffer {
  const description = chartDescription(spec);
  const key = JSON.stringify(description);
  const cached = drawn.get(key);
  if (cached) return cached;
  // Loaded on first use: ECharts and resvg take half a second to load, and most runs draw no chart.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { renderChartPng } = require('../../render/chart') as typeof import('../../render/chart');
  const png = renderChartPng(description);
  if (drawn.size >= DRAWN_KEPT) drawn.delete(drawn.keys().next().value as string);
  drawn.set(key, png);
  return png;
}

export class FakeEmbeddedChart {
  constructor(
    /** A copy: the chart as it was built (or read from the sheet) does not change. */
    readonly spec: ChartSpec,
    private readonly wrap: Wrap,
    private readonly open: OpenBuilder,
  ) {}

  /** Only charts on a connected data source are data source charts. */
  asDataSourceChart(): null {
    return null;
  }

  /**
   * PNG is drawn; the other types Chart.getAs lists are valid in Apps Script but not drawn locally. The name is
   * the title with the extension getAs adds (Apps Script's base name for a chart blob is not documented).
   */
  getAs(contentType: string): unknown {
    if (typeof contentType !== 'string')
      throw signatureError('SpreadsheetApp.EmbeddedChart.getAs', [contentType]);
    if (OTHER_TYPES.includes(contentType))
      throw new NotImplementedError(`EmbeddedChart.getAs('${contentType}')`);
    if (contentType !== PNG) throw new Error(`Converting from ${PNG} to ${contentType} is not supported.`);
    const title = this.spec.options.get('title');
    const name = `${typeof title === 'string' && title !== '' ? title : 'Chart'}.png`;
    return this.wrap(new LocalBlob(Buffer.from(chartPng(this.spec)), PNG, name), 'Blob');
  }

  getBlob(): unknown {
    return this.getAs(PNG);
  }

  /** Null until the chart is inserted into a sheet. */
  getChartId(): number | null {
    return this.spec.id;
  }

  getContainerInfo(): unknown {
    return this.wrap(new FakeContainerInfo({ ...this.spec.position }), 'ContainerInfo');
  }

  getHiddenDimensionStrategy(): string {
    return this.spec.hidden;
  }

  getMergeStrategy(): string {
    return this.spec.merge;
  }

  /** -1 when never set: Sheets guesses the headers from the data (the local guess is in chart-description.ts). */
  getNumHeaders(): number {
    return this.spec.numHeaders;
  }

  getOptions(): unknown {
    return this.wrap(new ChartOptionsObject(this.spec.options), 'ChartOptions');
  }

  getRanges(): unknown[] {
    return this.spec.ranges.map((ref) => ref.sheet._rangeProxy(ref));
  }

  getTransposeRowsAndColumns(): boolean {
    return this.spec.transpose;
  }

  /** A builder over a copy of this chart, keeping its id: Sheet.updateChart saves what it builds. */
  modify(): unknown {
    return this.open(copySpec(this.spec));
  }
}
