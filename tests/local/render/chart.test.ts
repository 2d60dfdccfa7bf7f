import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { renderChartPng } from '../../../local/render/chart';
import type { ChartDescription } from '../../../local/render/chart';

const STATUSES = ['Overdue', 'Check Progress', 'In Progress but not reached due date', 'Completed', 'Closed'];
const STATUS_COLOURS = ['#e06666', '#ffd966', '#93c47d', '#6fa8dc', '#b7b7b7'];
const PAPERS = ['Jun 2010', 'Sep 2010', 'Dec 2010', 'Mar 2011'];

/** Renders, and with CHARTS_OUT=1 also writes the PNG to out/charts/ for a person to look at. */
function render(name: string, chart: ChartDescription): PNG {
  const png = renderChartPng(chart);
  if (process.env.CHARTS_OUT) {
    const dir = join(__dirname, '../../../out/charts');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${name}.png`), png);
  }
  return PNG.sync.read(png);
}

function rgb(hex: string): [number, number, number] {
  const value = parseInt(hex.slice(1), 16);
  return [value >> 16, (value >> 8) & 0xff, value & 0xff];
}

/** Every pixel of exactly this colour. */
function pixelsOf(image: PNG, hex: string): Array<{ x: number; y: number }> {
  const [r, g, b] = rgb(hex);
  const found: Array<{ x: number; y: number }> = [];
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      const i = (y * image.width + x) * 4;
      if (image.data[i] === r && image.data[i + 1] === g && image.data[i + 2] === b) found.push({ x, y });
    }
  }
  return found;
}

function colourAt(image: PNG, x: number, y: number): string {
  const i = (y * image.width + x) * 4;
  return '#' + [0, 1, 2].map((k) => image.data[i + k].toString(16).padStart(2, '0')).join('');
}

/** Pixels dark enough to be text, inside a band of rows. */
function darkPixels(image: PNG, fromY: number, toY: number): number {
  let dark = 0;
  for (let y = fromY; y < toY; y++) {
    for (let x = 0; x < image.width; x++) {
      const i = (y * image.width + x) * 4;
      if (image.data[i] < 100 && image.data[i + 1] < 100 && image.data[i + 2] < 100) dark++;
    }
  }
  return dark;
}

const mean = (values: number[]): number => values.reduce((sum, v) => sum + v, 0) / values.length;

function statusChart(
  counts: Record<string, number>,
  options: ChartDescription['options'] = {},
): ChartDescription {
  const shown = STATUSES.filter((status) => status in counts);
  return {
    type: 'COLUMN',
    table: { header: ['Status', ...shown], rows: [['Actions', ...shown.map((status) => counts[status])]] },
    options: {
      title: 'Actions by status',
      colors: shown.map((s) => STATUS_COLOURS[STATUSES.indexOf(s)]),
      ...options,
    },
  };
}

const COUNTS = {
  Overdue: 5,
  'Check Progress': 3,
  'In Progress but not reached due date': 12,
  Completed: 9,
  Closed: 2,
};

describe('renderChartPng', () => {
  it('draws a PNG of the chart size: 600 x 371 as Sheets gives a new chart, or the size asked for', () => {
    const bytes = renderChartPng(statusChart(COUNTS));
    expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    const standard = PNG.sync.read(bytes);
    expect([standard.width, standard.height]).toEqual([600, 371]);
    const email = render('status-email', statusChart(COUNTS, { width: 400, height: 250, legend: 'bottom' }));
    expect([email.width, email.height]).toEqual([400, 250]);
  });

  it('draws each status in its colour, each bar as tall as its count', () => {
    const image = render('status-column', statusChart(COUNTS, { legend: 'none' }));
    const areas = STATUS_COLOURS.map((colour) => pixelsOf(image, colour).length);
    areas.forEach((area) => expect(area).toBeGreaterThan(100));
    const counts = Object.values(COUNTS);
    // Bars share a width, so their areas keep the counts' proportions.
    areas.forEach((area, i) => expect(area / areas[2]).toBeCloseTo(counts[i] / counts[2], 1));
  });

  it('leaves out the colour of a status the chart does not show, in the bars and the legend', () => {
    const withoutOverdue = Object.fromEntries(
      Object.entries(COUNTS).filter(([status]) => status !== 'Overdue'),
    );
    const image = render('status-without-overdue', statusChart(withoutOverdue, { legend: 'right' }));
    expect(pixelsOf(image, '#e06666')).toHaveLength(0);
    for (const colour of STATUS_COLOURS.slice(1)) expect(pixelsOf(image, colour).length).toBeGreaterThan(100);
  });

  it('draws the title text with the shipped font, above the plot', () => {
    const titled = renderChartPng(statusChart(COUNTS, { legend: 'none' }));
    const renamed = renderChartPng(
      statusChart(COUNTS, { legend: 'none', title: 'Actions by status, March 2011' }),
    );
    const untitled = renderChartPng(statusChart(COUNTS, { legend: 'none', title: '' }));
    expect(titled.equals(renamed)).toBe(false);
    const band = (png: Buffer) => darkPixels(PNG.sync.read(png), 0, 30);
    expect(band(titled) - band(untitled)).toBeGreaterThan(200);
  });

  it('draws the same bytes for the same chart', () => {
    expect(renderChartPng(statusChart(COUNTS)).equals(renderChartPng(statusChart(COUNTS)))).toBe(true);
  });

  it('draws a pie with a slice per status in its colour, sized by its share, and a donut with a hole', () => {
    const pie = (pieHole: number): ChartDescription => ({
      type: 'PIE',
      table: {
        header: ['Status', 'Actions'],
        rows: [
          ['Overdue', 1],
          ['Check Progress', 2],
          ['Completed', 3],
        ],
      },
      options: { colors: ['#e06666', '#ffd966', '#6fa8dc'], legend: 'none', pieHole },
    });
    const full = render('status-pie', pie(0));
    const areas = ['#e06666', '#ffd966', '#6fa8dc'].map((colour) => pixelsOf(full, colour).length);
    expect(areas[1] / areas[0]).toBeCloseTo(2, 0);
    expect(areas[2] / areas[0]).toBeCloseTo(3, 0);
    expect(['#e06666', '#ffd966', '#6fa8dc']).toContain(colourAt(full, 300, 185));
    const donut = render('status-donut', pie(0.5));
    expect(colourAt(donut, 300, 185)).toBe('#ffffff');
  });

  it('draws the trend of each status across committee papers as lines that fall and rise with the counts', () => {
    const image = render('trend-line', {
      type: 'LINE',
      table: {
        header: ['Paper', 'Overdue', 'Completed'],
        rows: PAPERS.map((paper, i): [string, number, number] => [paper, [8, 6, 5, 3][i], [2, 5, 10, 14][i]]),
      },
      options: {
        title: 'Status trend',
        colors: ['#e06666', '#6fa8dc'],
        legend: 'bottom',
        hAxisTitle: 'Paper',
      },
    });
    const ends = (colour: string) => {
      const line = pixelsOf(image, colour).filter(({ y }) => y < 300); // the legend sits below
      const xs = line.map(({ x }) => x);
      const [left, right] = [Math.min(...xs), Math.max(...xs)];
      const near = (edge: number) => mean(line.filter(({ x }) => Math.abs(x - edge) < 20).map(({ y }) => y));
      return { start: near(left), end: near(right), width: right - left };
    };
    const overdue = ends('#e06666');
    const completed = ends('#6fa8dc');
    expect(overdue.width).toBeGreaterThan(300);
    expect(overdue.end).toBeGreaterThan(overdue.start); // falling: lower on the page
    expect(completed.end).toBeLessThan(completed.start);
  });

  it('stacks the statuses of each paper in one column, or sets them side by side unstacked', () => {
    const columns = (stacked: boolean): PNG =>
      render(stacked ? 'trend-stacked' : 'trend-grouped', {
        type: 'COLUMN',
        stacked,
        table: { header: ['Paper', 'Overdue', 'Completed'], rows: [['Mar 2011', 4, 4]] },
        options: { colors: ['#e06666', '#6fa8dc'], legend: 'none' },
      });
    const span = (image: PNG, colour: string) => {
      const pixels = pixelsOf(image, colour);
      const xs = pixels.map(({ x }) => x);
      const ys = pixels.map(({ y }) => y);
      return { left: Math.min(...xs), right: Math.max(...xs), top: Math.min(...ys), bottom: Math.max(...ys) };
    };
    const stacked = columns(true);
    const [overdue, completed] = [span(stacked, '#e06666'), span(stacked, '#6fa8dc')];
    expect(Math.abs(overdue.left - completed.left)).toBeLessThanOrEqual(1);
    expect(completed.bottom).toBeLessThan(overdue.top + 2); // the second series sits on the first
    const grouped = columns(false);
    expect(span(grouped, '#e06666').right).toBeLessThan(span(grouped, '#6fa8dc').left);
  });

  it('draws overdue actions by directorate as horizontal bars in table order, as long as the counts', () => {
    const counts = [2, 5, 1, 3];
    const image = render('overdue-by-directorate', {
      type: 'BAR',
      table: {
        header: ['Directorate', 'Overdue actions'],
        rows: ['Chief Executive', 'Corporate Resources', 'Adults, Health and Housing', 'Environment'].map(
          (directorate, i): [string, number] => [directorate, counts[i]],
        ),
      },
      options: { title: 'Overdue actions by directorate', colors: ['#e06666'], legend: 'none' },
    });
    const lengths = barLengths(image, '#e06666');
    expect(lengths).toHaveLength(counts.length);
    lengths.forEach((length, i) => expect(length / lengths[1]).toBeCloseTo(counts[i] / counts[1], 1));
  });

  it('writes No data where there is nothing to draw', () => {
    const empty = render('no-overdue', {
      type: 'BAR',
      table: { header: ['Directorate', 'Overdue actions'], rows: [] },
      options: { colors: ['#e06666'] },
    });
    expect(pixelsOf(empty, '#e06666')).toHaveLength(0);
    expect(darkPixels(empty, 170, 200)).toBeGreaterThan(50);
    const zeros = render('pie-of-zeros', {
      type: 'PIE',
      table: { header: ['Status', 'Actions'], rows: [['Overdue', 0]] },
      options: { colors: ['#e06666'], legend: 'none' },
    });
    expect(pixelsOf(zeros, '#e06666')).toHaveLength(0);
  });

  it('refuses a table whose rows do not fit the header, and a pie hole outside 0 to 1', () => {
    const table = { header: ['Status', 'Actions'], rows: [['Overdue', 1, 2]] as [string, number, number][] };
    expect(() => renderChartPng({ type: 'COLUMN', table })).toThrow(
      'Chart row 1 has 3 cells, the header has 2.',
    );
    const pie = { header: ['Status', 'Actions'], rows: [['Overdue', 1]] as [string, number][] };
    expect(() => renderChartPng({ type: 'PIE', table: pie, options: { pieHole: 1.5 } })).toThrow(
      'pieHole 1.5 is not between 0 and 1.',
    );
  });
});

/** The length of each horizontal bar of one colour, top to bottom. */
function barLengths(image: PNG, colour: string): number[] {
  const widthByRow = new Map<number, number>();
  for (const { y } of pixelsOf(image, colour)) widthByRow.set(y, (widthByRow.get(y) ?? 0) + 1);
  const lengths: number[] = [];
  let previous = -2;
  for (const y of [...widthByRow.keys()].sort((a, b) => a - b)) {
    if (y !== previous + 1) lengths.push(0);
    lengths[lengths.length - 1] = Math.max(lengths[lengths.length - 1], widthByRow.get(y)!);
    previous = y;
  }
  return lengths;
}
