/**
 * A picture of a sheet's embedded charts laid out as Sheets shows them (the Dashboard), for the local run's
 * out/dashboard.png: each chart drawn from its cells and placed at its anchor cell and pixel offset.
 */
import { writeFile } from 'node:fs/promises';
import { PNG } from 'pngjs';
import { type ChartSpec, chartPng, type FakeSheet } from '../workspace/SpreadsheetApp';

/** Sheets' default row height in pixels; the local sheet does not model row heights. */
const ROW_HEIGHT = 21;

/** Where a chart's top left corner is, in pixels from the sheet's top left corner. */
export function chartOrigin(sheet: FakeSheet, chart: ChartSpec): { x: number; y: number } {
  let x = chart.position.offsetX;
  for (let c = 1; c < chart.position.column; c++) x += sheet.getColumnWidth(c);
  return { x, y: (chart.position.row - 1) * ROW_HEIGHT + chart.position.offsetY };
}

/** The charts on a white ground just large enough to hold them all; null when the sheet has no chart. */
export function dashboardPng(sheet: FakeSheet): Buffer | null {
  if (sheet.charts.length === 0) return null;
  const placed = sheet.charts.map((chart) => ({
    at: chartOrigin(sheet, chart),
    image: PNG.sync.read(chartPng(chart)),
  }));
  const left = Math.min(...placed.map((p) => p.at.x));
  const top = Math.min(...placed.map((p) => p.at.y));
  const width = Math.max(...placed.map((p) => p.at.x + p.image.width)) - left;
  const height = Math.max(...placed.map((p) => p.at.y + p.image.height)) - top;
  const canvas = new PNG({ width, height });
  canvas.data.fill(0xff);
  for (const { at, image } of placed) {
    PNG.bitblt(image, canvas, 0, 0, image.width, image.height, at.x - left, at.y - top);
  }
  // One filter (Paeth) rather than pngjs' per-row search, which is many times slower for little gain here.
  return PNG.sync.write(canvas, { filterType: 4 });
}

/** Writes the picture; false (and no file) when the sheet has no chart. */
export async function writeDashboardPng(sheet: FakeSheet, path: string): Promise<boolean> {
  const png = dashboardPng(sheet);
  if (!png) return false;
  await writeFile(path, png);
  return true;
}
