import vm from 'node:vm';
import { PNG } from 'pngjs';
import { LocalWorkspace } from '../../../local/workspace';
import { NotImplementedError, unwrap } from '../../../local/workspace/runtime';
import { chartDescription, FakeEmbeddedChart } from '../../../local/workspace/SpreadsheetApp';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Chart = GoogleAppsScript.Spreadsheet.EmbeddedChart;

const STATUSES = ['Overdue', 'Check Progress', 'In Progress but not reached due date', 'Completed', 'Closed'];
const STATUS_COLOURS = ['#e06666', '#ffd966', '#93c47d', '#6fa8dc', '#b7b7b7'];

/** A Dashboard sheet with actions by status laid out as Sheets charts read them: a header row, then counts. */
function setup() {
  const ws = new LocalWorkspace({ now: new Date('2010-09-06T07:00:00Z') });
  const globals = ws.globals() as {
    SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
    Charts: GoogleAppsScript.Charts.Charts;
  };
  const sheet = globals.SpreadsheetApp.getActiveSpreadsheet().getActiveSheet().setName('Dashboard');
  sheet.getRange('A1:F2').setValues([
    ['Figure', ...STATUSES],
    ['Actions', 5, 3, 12, 9, 2],
  ]);
  sheet
    .getRange('A4:B9')
    .setValues([['Status', 'Actions'], ...STATUSES.map((s, i) => [s, [5, 3, 12, 9, 2][i]])]);
  return { ws, sheet, Charts: globals.Charts, raw: ws.sheets.active.sheet('Dashboard') };
}

function statusChart(sheet: Sheet, Charts: GoogleAppsScript.Charts.Charts): Chart {
  return sheet
    .newChart()
    .setChartType(Charts.ChartType.COLUMN)
    .addRange(sheet.getRange('A1:F2'))
    .setNumHeaders(1)
    .setPosition(1, 8, 10, 5)
    .setOption('title', 'Actions by status')
    .setOption('colors', STATUS_COLOURS)
    .build();
}

/** The table the chart would draw now: domain and series names, then one row per category. */
function tableOf(chart: Chart) {
  return chartDescription((unwrap(chart) as unknown as FakeEmbeddedChart).spec).table;
}

function decode(blob: GoogleAppsScript.Base.Blob): PNG {
  return PNG.sync.read(Buffer.from(Int8Array.from(blob.getBytes()).buffer));
}

/** Pixels of exactly this colour. */
function count(image: PNG, hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  let n = 0;
  for (let i = 0; i < image.data.length; i += 4) {
    if (image.data[i] === r && image.data[i + 1] === g && image.data[i + 2] === b) n++;
  }
  return n;
}

describe('building and inserting charts', () => {
  it('builds a chart from ranges, type, position and options, and gives it an id once on the sheet', () => {
    const { sheet, Charts } = setup();
    const chart = statusChart(sheet, Charts);
    expect(chart.getChartId()).toBeNull();
    sheet.insertChart(chart);
    expect(chart.getChartId()).toEqual(expect.any(Number));

    const [stored] = sheet.getCharts();
    expect(sheet.getCharts()).toHaveLength(1);
    expect(stored.getChartId()).toBe(chart.getChartId());
    expect(stored.getRanges().map((r) => r.getA1Notation())).toEqual(['A1:F2']);
    expect(stored.getOptions().get('title')).toBe('Actions by status');
    expect(stored.getOptions().get('colors')).toEqual(STATUS_COLOURS);
    expect(stored.getOptions().get('width')).toBeNull();
    expect(stored.getNumHeaders()).toBe(1);
    expect(stored.getMergeStrategy()).toBe(Charts.ChartMergeStrategy.MERGE_COLUMNS);
    expect(stored.getHiddenDimensionStrategy()).toBe(Charts.ChartHiddenDimensionStrategy.IGNORE_ROWS);
    expect(stored.getTransposeRowsAndColumns()).toBe(false);
    expect((stored as unknown as { asDataSourceChart(): unknown }).asDataSourceChart()).toBeNull();
    const where = stored.getContainerInfo();
    expect([where.getAnchorRow(), where.getAnchorColumn(), where.getOffsetX(), where.getOffsetY()]).toEqual([
      1, 8, 10, 5,
    ]);
  });

  it('gives each inserted chart its own id and keeps them in insertion order', () => {
    const { sheet, Charts } = setup();
    sheet.insertChart(statusChart(sheet, Charts));
    sheet.insertChart(
      sheet.newChart().asPieChart().setTitle('Share by status').addRange(sheet.getRange('A4:B9')).build(),
    );
    const charts = sheet.getCharts();
    expect(charts.map((c) => c.getOptions().get('title'))).toEqual(['Actions by status', 'Share by status']);
    expect(new Set(charts.map((c) => c.getChartId())).size).toBe(2);
    expect(charts[1].modify().getChartType()).toBe(Charts.ChartType.PIE);
  });

  it('lets typed methods follow the shared ones on a typed builder, as scripts chain them', () => {
    const { sheet, Charts } = setup();
    const builder = sheet.newChart().asBarChart();
    // @types declares addRange's result a plain EmbeddedChartBuilder; the object is the bar builder itself.
    const chained = builder.addRange(
      sheet.getRange('A4:B9'),
    ) as GoogleAppsScript.Spreadsheet.EmbeddedBarChartBuilder;
    expect(chained).toBe(builder);
    const chart = chained
      .setStacked()
      .setTitle('Overdue by directorate')
      .setXAxisTitle('Actions')
      .setLegendPosition(Charts.Position.BOTTOM)
      .build();
    expect(builder.getChartType()).toBe(Charts.ChartType.BAR);
    const options = chart.getOptions();
    expect(options.get('isStacked')).toBe(true);
    expect(options.get('hAxis.title')).toBe('Actions');
    expect(options.get('legend.position')).toBe('bottom');
  });

  it('reads a dotted option out of an object option', () => {
    const { sheet, Charts } = setup();
    const chart = sheet
      .newChart()
      .setChartType(Charts.ChartType.LINE)
      .addRange(sheet.getRange('A4:B9'))
      .setOption('legend', { position: 'top' })
      .setOption('series', { 0: { color: '#e06666' } })
      .build();
    expect(chart.getOptions().get('legend.position')).toBe('top');
    expect(chart.getOptions().get('series.0.color')).toBe('#e06666');
  });

  it('keeps a built chart as it was when the builder changes afterwards', () => {
    const { sheet, Charts } = setup();
    const builder = sheet.newChart().asColumnChart().setTitle('Before');
    builder.addRange(sheet.getRange('A1:F2'));
    const chart = builder.build();
    builder.setTitle('After').addRange(sheet.getRange('A4:B9'));
    expect(chart.getOptions().get('title')).toBe('Before');
    expect(chart.getRanges()).toHaveLength(1);
    expect(builder.getRanges()).toHaveLength(2);
    expect(Charts.ChartType.COLUMN).toBe('COLUMN');
  });

  it('removes and clears ranges on the builder', () => {
    const { sheet } = setup();
    const builder = sheet.newChart().asLineChart();
    builder.addRange(sheet.getRange('A1:F2')).addRange(sheet.getRange('A4:B9'));
    builder.removeRange(sheet.getRange('A1:F2'));
    expect(builder.getRanges().map((r) => r.getA1Notation())).toEqual(['A4:B9']);
    builder.removeRange(sheet.getRange('Z1'));
    expect(builder.getRanges()).toHaveLength(1);
    builder.clearRanges();
    expect(builder.getRanges()).toHaveLength(0);
  });
});

describe('what Apps Script refuses', () => {
  it('refuses to build a chart with no type', () => {
    const { sheet } = setup();
    expect(() => sheet.newChart().addRange(sheet.getRange('A1:F2')).build()).toThrow(/chart type is not set/);
  });

  it('throws a TypeError for a typed method the builder does not have', () => {
    const { sheet } = setup();
    const generic = sheet.newChart() as unknown as { setTitle(t: string): unknown };
    expect(() => generic.setTitle('x')).toThrow(TypeError);
    const line = sheet.newChart().asLineChart() as unknown as { setStacked(): unknown };
    expect(() => line.setStacked()).toThrow('setStacked is not a function');
    const pie = sheet.newChart().asPieChart() as unknown as { setXAxisTitle(t: string): unknown };
    expect(() => pie.setXAxisTitle('x')).toThrow(TypeError);
    const column = sheet.newChart().asColumnChart() as unknown as { set3D(): unknown };
    expect(() => column.set3D()).toThrow(TypeError);
  });

  it('throws the signature error for arguments of the wrong type', () => {
    const { sheet } = setup();
    const builder = sheet.newChart();
    expect(() => builder.setChartType('DOUGHNUT' as unknown as GoogleAppsScript.Charts.ChartType)).toThrow(
      "The parameters (String) don't match the method signature for SpreadsheetApp.EmbeddedChartBuilder.setChartType.",
    );
    expect(() => builder.addRange('A1:B2' as unknown as GoogleAppsScript.Spreadsheet.Range)).toThrow(
      /method signature for SpreadsheetApp.EmbeddedChartBuilder.addRange/,
    );
    expect(() => builder.setPosition('1' as unknown as number, 1, 0, 0)).toThrow(/setPosition/);
    expect(() => builder.setPosition(0, 1, 0, 0)).toThrow('Those rows are out of bounds.');
    const pie = sheet.newChart().asPieChart();
    expect(() => pie.setColors('red' as unknown as string[])).toThrow(
      /method signature for SpreadsheetApp.EmbeddedPieChartBuilder.setColors/,
    );
  });

  it('does not insert the same chart twice, so a refresh must remove or update the old one', () => {
    const { sheet, Charts } = setup();
    const chart = statusChart(sheet, Charts);
    sheet.insertChart(chart);
    expect(() => sheet.insertChart(chart)).toThrow(/already on a sheet/);
    expect(sheet.getCharts()).toHaveLength(1);
  });

  it('refuses to remove or update a chart that is not on the sheet', () => {
    const { sheet, Charts } = setup();
    const loose = statusChart(sheet, Charts);
    expect(() => sheet.removeChart(loose)).toThrow('The chart is not on this sheet.');
    expect(() => sheet.updateChart(loose)).toThrow('The chart is not on this sheet.');
  });

  it('models the standalone chart builders as not implemented', () => {
    const { Charts } = setup();
    expect(() => Charts.newColumnChart()).toThrow(NotImplementedError);
  });
});

describe('refreshing charts', () => {
  it('updates a chart rebuilt with modify(), keeping its id and leaving one chart', () => {
    const { sheet, Charts } = setup();
    sheet.insertChart(statusChart(sheet, Charts));
    const [chart] = sheet.getCharts();
    const moved = chart
      .modify()
      .setPosition(12, 1, 0, 0)
      .setOption('title', 'Actions by status (moved)')
      .build();
    expect(moved.getChartId()).toBe(chart.getChartId());
    sheet.updateChart(moved);
    const after = sheet.getCharts();
    expect(after).toHaveLength(1);
    expect(after[0].getContainerInfo().getAnchorRow()).toBe(12);
    expect(after[0].getOptions().get('title')).toBe('Actions by status (moved)');
  });

  it('removes every chart so a refresh can remake them without duplicates', () => {
    const { sheet, Charts } = setup();
    for (let refresh = 0; refresh < 3; refresh++) {
      sheet.getCharts().forEach((c) => sheet.removeChart(c));
      sheet.insertChart(statusChart(sheet, Charts));
    }
    expect(sheet.getCharts()).toHaveLength(1);
  });

  it('keeps charts when the sheet is cleared, as Sheets does', () => {
    const { sheet, Charts } = setup();
    sheet.insertChart(statusChart(sheet, Charts));
    sheet.clear();
    expect(sheet.getCharts()).toHaveLength(1);
  });

  it('moves source ranges and the anchor with inserted and deleted rows', () => {
    const { sheet, Charts } = setup();
    sheet.insertChart(
      sheet
        .newChart()
        .setChartType(Charts.ChartType.PIE)
        .addRange(sheet.getRange('A4:B9'))
        .setPosition(6, 4, 0, 0)
        .build(),
    );
    sheet.insertRowsBefore(1, 2);
    let [chart] = sheet.getCharts();
    expect(chart.getRanges()[0].getA1Notation()).toBe('A6:B11');
    expect(chart.getContainerInfo().getAnchorRow()).toBe(8);
    sheet.deleteRows(1, 2);
    [chart] = sheet.getCharts();
    expect(chart.getRanges()[0].getA1Notation()).toBe('A4:B9');
    sheet.deleteRows(4, 6);
    [chart] = sheet.getCharts();
    expect(chart.getRanges()).toHaveLength(0);
    expect(chart.getContainerInfo().getAnchorRow()).toBe(4);
  });
});

describe('the table a chart reads', () => {
  it('takes the first column as the domain and each further column as a series, after the header rows', () => {
    const { sheet, Charts } = setup();
    const chart = sheet
      .newChart()
      .setChartType(Charts.ChartType.BAR)
      .addRange(sheet.getRange('A4:B9'))
      .build();
    expect(chart.getNumHeaders()).toBe(-1);
    const table = tableOf(chart);
    expect(table.header).toEqual(['Status', 'Actions']);
    expect(table.rows[0]).toEqual(['Overdue', 5]);
    expect(table.rows).toHaveLength(5);
  });

  it('merges ranges side by side or one under the other, transposes, and takes no header when told', () => {
    const { sheet, Charts } = setup();
    const spec = tableOf;
    const sideBySide = sheet
      .newChart()
      .setChartType(Charts.ChartType.COLUMN)
      .addRange(sheet.getRange('A4:A9'))
      .addRange(sheet.getRange('B4:B9'))
      .build();
    expect(spec(sideBySide).header).toEqual(['Status', 'Actions']);
    expect(spec(sideBySide).rows[2]).toEqual(['In Progress but not reached due date', 12]);

    const stacked = sheet
      .newChart()
      .setChartType(Charts.ChartType.COLUMN)
      .addRange(sheet.getRange('A4:B6'))
      .addRange(sheet.getRange('A7:B9'))
      .setMergeStrategy(Charts.ChartMergeStrategy.MERGE_ROWS)
      .setNumHeaders(1)
      .build();
    expect(spec(stacked).rows.map((r) => r[0])).toEqual(STATUSES);

    const transposed = sheet
      .newChart()
      .setChartType(Charts.ChartType.COLUMN)
      .addRange(sheet.getRange('A4:B9'))
      .setTransposeRowsAndColumns(true)
      .setNumHeaders(1)
      .build();
    expect(spec(transposed).header).toEqual(['Status', ...STATUSES]);
    expect(spec(transposed).rows).toEqual([['Actions', 5, 3, 12, 9, 2]]);

    const noHeader = sheet
      .newChart()
      .setChartType(Charts.ChartType.COLUMN)
      .addRange(sheet.getRange('A5:B9'))
      .setNumHeaders(0)
      .build();
    expect(spec(noHeader).rows).toHaveLength(5);
    expect(spec(noHeader).header).toEqual(['', '']);
  });

  it('leaves out hidden columns when told to ignore them', () => {
    const { sheet, Charts, raw } = setup();
    raw.hideColumns(3, 2);
    const chart = sheet
      .newChart()
      .setChartType(Charts.ChartType.COLUMN)
      .addRange(sheet.getRange('A1:F2'))
      .setHiddenDimensionStrategy(Charts.ChartHiddenDimensionStrategy.IGNORE_COLUMNS)
      .build();
    expect(tableOf(chart).header).toEqual(['Figure', 'Overdue', 'Completed', 'Closed']);
  });
});

describe('drawing', () => {
  it('draws a PNG at the size Sheets gives a new chart, named after the title', () => {
    const { sheet, Charts } = setup();
    const blob = statusChart(sheet, Charts).getAs('image/png');
    expect(blob.getContentType()).toBe('image/png');
    expect(blob.getName()).toBe('Actions by status.png');
    const image = decode(blob);
    expect([image.width, image.height]).toEqual([600, 371]);
  });

  it('draws each status in the colour setColors gives it, and the size the options ask for', () => {
    const { sheet } = setup();
    const chart = sheet
      .newChart()
      .asColumnChart()
      .setColors(STATUS_COLOURS)
      .addRange(sheet.getRange('A1:F2'))
      .setNumHeaders(1)
      .setOption('width', 480)
      .setOption('height', 300)
      .build();
    const image = decode(chart.getBlob());
    expect([image.width, image.height]).toEqual([480, 300]);
    const pixels = STATUS_COLOURS.map((c) => count(image, c));
    pixels.forEach((n) => expect(n).toBeGreaterThan(100));
    // In Progress (12) stands taller than Overdue (5), which stands taller than Closed (2).
    expect(pixels[2]).toBeGreaterThan(pixels[0]);
    expect(pixels[0]).toBeGreaterThan(pixels[4]);
  });

  it('lets a series option override one series colour', () => {
    const { sheet, Charts } = setup();
    const image = decode(
      statusChart(sheet, Charts)
        .modify()
        .setOption('series', { 0: { color: '#cc0000' } })
        .build()
        .getBlob(),
    );
    expect(count(image, '#cc0000')).toBeGreaterThan(100);
    expect(count(image, STATUS_COLOURS[0])).toBe(0);
  });

  it('colours pie slices with setColors', () => {
    const { sheet } = setup();
    const image = decode(
      sheet
        .newChart()
        .asPieChart()
        .setColors(STATUS_COLOURS)
        .addRange(sheet.getRange('A4:B9'))
        .build()
        .getBlob(),
    );
    STATUS_COLOURS.forEach((c) => expect(count(image, c)).toBeGreaterThan(100));
  });

  it('draws the cells as they are now', () => {
    const { sheet, Charts } = setup();
    const chart = statusChart(sheet, Charts);
    const before = count(decode(chart.getBlob()), STATUS_COLOURS[4]);
    sheet.getRange('F2').setValue(10);
    const after = count(decode(chart.getBlob()), STATUS_COLOURS[4]);
    expect(after).toBeGreaterThan(before * 2);
  });

  it('refuses image types it cannot draw and types a chart cannot become', () => {
    const { sheet, Charts } = setup();
    const chart = statusChart(sheet, Charts);
    expect(() => chart.getAs('image/jpeg')).toThrow(NotImplementedError);
    expect(() => chart.getAs('text/plain')).toThrow(
      'Converting from image/png to text/plain is not supported.',
    );
    const scatter = sheet
      .newChart()
      .setChartType(Charts.ChartType.SCATTER)
      .addRange(sheet.getRange('A4:B9'))
      .build();
    expect(() => scatter.getBlob()).toThrow(NotImplementedError);
  });

  it('counts chart calls under the reference class names', () => {
    const { ws, sheet, Charts } = setup();
    ws.runtime.calls.reset();
    sheet.newChart().asPieChart().set3D().addRange(sheet.getRange('A4:B9')).build();
    expect(Charts.Position.RIGHT).toBe('RIGHT');
    expect(ws.runtime.calls.snapshot()).toMatchObject({
      'Sheet.newChart': 1,
      'EmbeddedChartBuilder.asPieChart': 1,
      'EmbeddedPieChartBuilder.set3D': 1,
      'EmbeddedPieChartBuilder.addRange': 1,
      'EmbeddedPieChartBuilder.build': 1,
    });
  });
});

describe('a script in its own vm context', () => {
  it('builds the status chart with its own arrays and objects, and hands its PNG to the paper and the email', () => {
    const { ws } = setup();
    const context = vm.createContext(ws.globals());
    vm.runInContext(
      `var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Dashboard');
       var chart = sheet.newChart().asPieChart()
         .setTitle('Actions by status')
         .setColors(${JSON.stringify(STATUS_COLOURS)})
         .addRange(sheet.getRange('A4:B9'))
         .setOption('legend', { position: 'bottom' })
         .setOption('pieHole', 0.4)
         .setPosition(12, 1, 0, 0)
         .build();
       sheet.insertChart(chart);
       var doc = DocumentApp.create('Briefing paper');
       doc.getBody().appendImage(sheet.getCharts()[0].getBlob());
       MailApp.sendEmail({
         to: 'owner@example.org',
         subject: 'Weekly summary',
         htmlBody: '<img src="cid:statusChart">',
         inlineImages: { statusChart: chart.getAs('image/png') },
       });`,
      context,
    );
    const [doc] = ws.docs.documents();
    const block = doc.tree().children[1];
    expect(block.type === 'PARAGRAPH' && block.images?.map((i) => [i.width, i.height])).toEqual([[600, 371]]);
    const [sent] = ws.mail.sent;
    const png = PNG.sync.read(sent.inlineImages[0].bytes);
    STATUS_COLOURS.forEach((c) => expect(count(png, c)).toBeGreaterThan(100));
    const stored = ws.sheets.active.sheet('Dashboard').charts[0];
    expect(stored.options.get('legend')).toEqual({ position: 'bottom' });
  });
});
