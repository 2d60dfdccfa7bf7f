import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeXlsx } from '../../local/export/xlsx';
import { LocalWorkspace } from '../../local/workspace';
import { Runtime } from '../../local/workspace/runtime';
import { chartPng, LocalSpreadsheets } from '../../local/workspace/SpreadsheetApp';

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'register-xlsx-'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** A small register written the way the script writes it, exported and read back with exceljs. */
async function exportAndRead(): Promise<ExcelJS.Workbook> {
  const local = new LocalSpreadsheets(new Runtime(), { timeZone: 'Europe/London' });
  const app = local.app;
  const ss = app.getActiveSpreadsheet();
  const register = ss.getActiveSheet().setName('Register');
  register.getRange('A1:F1').setValues([['Ref', 'Action', 'Due date', 'Status', 'Count', 'Done']]);
  register.getRange('A1:F1').setFontWeight('bold').setBackground('#1f4e78').setFontColor('#ffffff');
  register.getRange('C2:C3').setNumberFormat('yyyy-mm-dd');
  register.getRange('A2:F3').setValues([
    ['1.1', '=HYPERLINK("x")', new Date(Date.UTC(2011, 2, 30, 23)), 'Overdue', 3, true],
    ['1.2', 'Publish the plan', new Date(Date.UTC(2011, 0, 31)), 'Completed', 2.5, false],
  ]);
  register.getRange('A4').setValue("'+44 ring the lead");
  register.getRange('A5').setValue("'-1 not a number");
  register.getRange('A6').setValue("'@lead");
  register.getRange('E4').setFormula('=SUM(E2:E3)');
  register.getRange('B2').setNote('Agreed at committee').setWrap(true);
  register.setFrozenRows(1);
  register.setColumnWidth(2, 350);
  register
    .getRange('D2:D3')
    .setDataValidation(
      app.newDataValidation().requireValueInList(['Overdue', 'Completed']).setAllowInvalid(false).build(),
    );
  register.getRange('C2:C3').setDataValidation(app.newDataValidation().requireDate().build());
  const rows = register.getRange('A2:F3');
  register.setConditionalFormatRules([
    app
      .newConditionalFormatRule()
      .whenFormulaSatisfied('=$D2="Overdue"')
      .setBackground('#f4cccc')
      .setRanges([rows])
      .build(),
    app
      .newConditionalFormatRule()
      .whenTextEqualTo('Completed')
      .setBackground('#cfe2f3')
      .setRanges([register.getRange('D2:D3')])
      .build(),
  ]);
  ss.insertSheet('Officers')
    .getRange('A1:B1')
    .setValues([['JJ', 'jj@example.org']]);

  const path = join(dir, 'register.xlsx');
  await writeXlsx(local.active, path);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  return book;
}

describe('writeXlsx', () => {
  let book: ExcelJS.Workbook;

  beforeAll(async () => {
    book = await exportAndRead();
  });

  it('writes every sheet with its values', () => {
    expect(book.worksheets.map((w) => w.name)).toEqual(['Register', 'Officers']);
    const ws = book.getWorksheet('Register') as ExcelJS.Worksheet;
    expect(ws.getCell('A2').value).toBe(1.1);
    expect(ws.getCell('D2').value).toBe('Overdue');
    expect(ws.getCell('E3').value).toBe(2.5);
    expect(ws.getCell('F2').value).toBe(true);
    expect(ws.getCell('F3').value).toBe(false);
    expect(book.getWorksheet('Officers')?.getCell('B1').value).toBe('jj@example.org');
  });

  it('writes dates as dates on the spreadsheet calendar day', () => {
    const ws = book.getWorksheet('Register') as ExcelJS.Worksheet;
    // 23:00 UTC on 30 March 2011 is midnight on 31 March in London (BST).
    const due = ws.getCell('C2').value as Date;
    expect(due).toBeInstanceOf(Date);
    expect(due.toISOString().slice(0, 10)).toBe('2011-03-31');
    expect(ws.getCell('C2').numFmt).toBe('yyyy-mm-dd');
  });

  it('writes formulas as formulas and formula-like text as text', () => {
    const ws = book.getWorksheet('Register') as ExcelJS.Worksheet;
    expect(ws.getCell('E4').formula).toBe('SUM(E2:E3)');
    expect(ws.getCell('B2').formula).toBe('HYPERLINK("x")');
    for (const [address, text] of [
      ['A4', '+44 ring the lead'],
      ['A5', '-1 not a number'],
      ['A6', '@lead'],
    ]) {
      const cell = ws.getCell(address as string);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.value).toBe(text);
      expect(cell.numFmt).toBe('@');
    }
  });

  it('keeps formats, frozen rows, widths and notes', () => {
    const ws = book.getWorksheet('Register') as ExcelJS.Worksheet;
    const header = ws.getCell('A1');
    expect(header.font.bold).toBe(true);
    expect(header.font.color?.argb).toBe('FFFFFFFF');
    expect(header.fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E78' } });
    expect(ws.getCell('B2').alignment.wrapText).toBe(true);
    expect(ws.getCell('B2').note).toBe('Agreed at committee');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getColumn(2).width).toBe(50);
  });

  it('keeps list and date validation', () => {
    const ws = book.getWorksheet('Register') as ExcelJS.Worksheet;
    expect(ws.getCell('D3').dataValidation).toMatchObject({
      type: 'list',
      formulae: ['"Overdue,Completed"'],
      errorStyle: 'stop',
    });
    expect(ws.getCell('C2').dataValidation).toMatchObject({ type: 'date', errorStyle: 'warning' });
    expect(ws.getCell('E2').dataValidation).toBeUndefined();
  });

  it('keeps formula and text-equal conditional formats with their fills', () => {
    const ws = book.getWorksheet('Register') as ExcelJS.Worksheet;
    const formats = (ws as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] })
      .conditionalFormattings;
    expect(formats.map((f) => f.ref)).toEqual(['A2:F3', 'D2:D3']);
    const [overdue, completed] = formats.map((f) => f.rules[0]);
    expect(overdue).toMatchObject({ type: 'expression', formulae: ['$D2="Overdue"'] });
    expect(overdue?.style?.fill).toMatchObject({ bgColor: { argb: 'FFF4CCCC' } });
    expect(completed).toMatchObject({ type: 'cellIs', operator: 'equal', formulae: ['"Completed"'] });
    expect(completed?.style?.fill).toMatchObject({ bgColor: { argb: 'FFCFE2F3' } });
  });
});

describe('writeXlsx charts', () => {
  it('writes each chart as a picture anchored at its cell and offset, at the size it is drawn', async () => {
    const ws = new LocalWorkspace({ timeZone: 'Europe/London' });
    const app = ws.sheets.app;
    const dashboard = app.getActiveSpreadsheet().getActiveSheet().setName('Dashboard');
    dashboard.getRange('A1:B4').setValues([
      ['Status', 'Actions'],
      ['Overdue', 5],
      ['Check Progress', 3],
      ['Completed', 9],
    ]);
    const { Charts } = ws.globals() as { Charts: GoogleAppsScript.Charts.Charts };
    dashboard.insertChart(
      dashboard
        .newChart()
        .setChartType(Charts.ChartType.PIE)
        .addRange(dashboard.getRange('A1:B4'))
        .setPosition(2, 4, 10, 5)
        .setOption('width', 400)
        .setOption('height', 250)
        .build(),
    );
    const path = join(dir, 'dashboard.xlsx');
    await writeXlsx(ws.sheets.active, path);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path);
    const sheet = book.getWorksheet('Dashboard') as ExcelJS.Worksheet;
    expect(sheet.getCell('A2').value).toBe('Overdue');
    const [picture] = sheet.getImages();
    expect(sheet.getImages()).toHaveLength(1);
    const tl = picture.range.tl as unknown as Record<string, number>;
    // Column D, row 2 (zero-based 3 and 1), offset 10 and 5 pixels at 9525 EMUs a pixel.
    expect([tl.nativeCol, tl.nativeRow, tl.nativeColOff, tl.nativeRowOff]).toEqual([3, 1, 95250, 47625]);
    const ext = (picture.range as unknown as { ext: { width: number; height: number } }).ext;
    expect([Math.round(ext.width), Math.round(ext.height)]).toEqual([400, 250]);
    const media = book.getImage(Number(picture.imageId));
    const png = chartPng(ws.sheets.active.sheet('Dashboard').charts[0]);
    expect(Buffer.from(media.buffer as unknown as Uint8Array).equals(png)).toBe(true);
  });
});
