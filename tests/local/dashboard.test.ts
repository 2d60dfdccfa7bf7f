import { PNG } from 'pngjs';
import { chartOrigin, dashboardPng } from '../../local/export/dashboard';
import { LocalWorkspace } from '../../local/workspace';

function dashboard() {
  const ws = new LocalWorkspace();
  const { SpreadsheetApp, Charts } = ws.globals() as {
    SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
    Charts: GoogleAppsScript.Charts.Charts;
  };
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getActiveSheet().setName('Dashboard');
  sheet.getRange('A1:B3').setValues([
    ['Directorate', 'Overdue'],
    ['Corporate Resources', 4],
    ['Children and Families', 2],
  ]);
  const chart = (column: number, offsetY: number, width: number, height: number, background: string) =>
    sheet
      .newChart()
      .setChartType(Charts.ChartType.BAR)
      .addRange(sheet.getRange('A1:B3'))
      .setPosition(3, column, 0, offsetY)
      .setOption('width', width)
      .setOption('height', height)
      .setOption('backgroundColor', background)
      .build();
  return { ws, sheet, chart, raw: () => ws.sheets.active.sheet('Dashboard') };
}

function colourAt(image: PNG, x: number, y: number): string {
  const i = (y * image.width + x) * 4;
  return '#' + [0, 1, 2].map((k) => image.data[i + k].toString(16).padStart(2, '0')).join('');
}

describe('dashboardPng', () => {
  it('lays the charts out as the sheet places them, on white, cropped to the charts', () => {
    const { sheet, chart, raw } = dashboard();
    sheet.setColumnWidth(2, 150);
    sheet.insertChart(chart(1, 0, 300, 200, '#fff2cc'));
    sheet.insertChart(chart(5, 21, 200, 150, '#d9ead3'));
    // Column E starts after A, C and D at 100 pixels and B at 150; row 3 starts 42 pixels down.
    expect(chartOrigin(raw(), raw().charts[1])).toEqual({ x: 450, y: 63 });
    const image = PNG.sync.read(dashboardPng(raw()) as Buffer);
    expect([image.width, image.height]).toEqual([650, 200]);
    expect(colourAt(image, 2, 2)).toBe('#fff2cc');
    expect(colourAt(image, 452, 23)).toBe('#d9ead3');
    expect(colourAt(image, 400, 100)).toBe('#ffffff');
    expect(colourAt(image, 600, 5)).toBe('#ffffff');
  });

  it('draws nothing for a sheet without charts', () => {
    const { raw } = dashboard();
    expect(dashboardPng(raw())).toBeNull();
  });
});
