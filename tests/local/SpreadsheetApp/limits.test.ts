import { Runtime } from '../../../local/workspace/runtime';
import { LocalSpreadsheets } from '../../../local/workspace/SpreadsheetApp';

function setup(): { local: LocalSpreadsheets; ss: GoogleAppsScript.Spreadsheet.Spreadsheet } {
  const local = new LocalSpreadsheets(new Runtime(), { name: 'Limits', timeZone: 'Europe/London' });
  return { local, ss: local.app.getActiveSpreadsheet() };
}

const TOO_LONG = 'Your input contains more than the maximum of 50000 characters in a single cell.';
const TOO_MANY =
  'This action would increase the number of cells in the workbook above the limit of 10000000 cells.';

describe('50,000 characters a cell', () => {
  it('takes 50,000 characters and refuses 50,001, in setValue, setValues and appendRow, plain text too', () => {
    const { ss } = setup();
    const sheet = ss.getActiveSheet();
    sheet.getRange('A1').setValue('x'.repeat(50_000));
    expect(String(sheet.getRange('A1').getValue())).toHaveLength(50_000);
    sheet.getRange('B:B').setNumberFormat('@');
    expect(() => sheet.getRange('B1').setValue('x'.repeat(50_001))).toThrow(TOO_LONG);
    expect(() => sheet.getRange('A2:B2').setValues([['short', 'y'.repeat(50_001)]])).toThrow(TOO_LONG);
    expect(() => sheet.appendRow(['short', 'z'.repeat(50_001)])).toThrow(TOO_LONG);
    expect(sheet.getRange('A2:B3').getValues()).toEqual([
      ['', ''],
      ['', ''],
    ]);
  });
});

describe('setValues is all or nothing', () => {
  it('writes nothing when any cell is refused, whatever its place in the batch', () => {
    const { ss, local } = setup();
    const sheet = ss.getActiveSheet();
    sheet.getRange('A1:C2').setValues([
      ['keep', 'keep', 'keep'],
      ['keep', 'keep', 'keep'],
    ]);
    const rule = local.app
      .newDataValidation()
      .requireValueInList(['Open', 'Done'])
      .setAllowInvalid(false)
      .build();
    sheet.getRange('C2').setDataValidation(rule);
    expect(() =>
      sheet.getRange('A1:C2').setValues([
        ['new', 'new', 'Open'],
        ['new', 'new', 'Lost'],
      ]),
    ).toThrow('The data you entered in cell C2 violates the data validation rules set on this cell.');
    expect(sheet.getRange('A1:C2').getValues()).toEqual([
      ['keep', 'keep', 'keep'],
      ['keep', 'keep', 'keep'],
    ]);
  });

  it('lets a warning-only rule take any value, and a blank pass any rule', () => {
    const { ss, local } = setup();
    const sheet = ss.getActiveSheet();
    const warn = local.app.newDataValidation().requireValueInList(['Open']).build();
    const reject = local.app.newDataValidation().requireDate().setAllowInvalid(false).build();
    sheet.getRange('A1').setDataValidation(warn).setValue('Lost');
    sheet.getRange('B1').setDataValidation(reject).setValue('');
    sheet.getRange('B2').setDataValidation(reject).setValue('31/03/2011');
    expect(sheet.getRange('A1:B1').getValues()).toEqual([['Lost', '']]);
    expect(sheet.getRange('B2').getValue()).toBeInstanceOf(Date);
  });
});

describe('10 million cells a workbook', () => {
  it('counts every sheet’s grid, empty cells too, and refuses growth past the limit with Google’s message', () => {
    const { ss, local } = setup();
    const sheet = ss.getActiveSheet();
    // 384,230 rows of 26 columns is 9,989,980 cells: a new sheet's 26,000 would pass the limit.
    sheet.insertRowsAfter(1000, 383_230);
    expect(local.active.cellCount()).toBe(9_989_980);
    expect(() => ss.insertSheet('History')).toThrow(TOO_MANY);
    expect(ss.getSheetByName('History')).toBeNull();
    expect(() => sheet.insertColumnsAfter(26, 1)).toThrow(TOO_MANY);
    expect(() => sheet.insertRowsAfter(1, 1000)).toThrow(TOO_MANY);
    sheet.insertRowsAfter(1, 385);
    expect(local.active.cellCount()).toBe(9_999_990);
    sheet.getRange(sheet.getMaxRows(), 1).setValue('last row');
    expect(() => sheet.appendRow(['one more'])).toThrow(TOO_MANY);
    expect(() => sheet.insertRowsBefore(1, 1)).toThrow(TOO_MANY);
    expect(sheet.getMaxRows()).toBe(384_615);
    expect(sheet.getMaxColumns()).toBe(26);
  });
});
