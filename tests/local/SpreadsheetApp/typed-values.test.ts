import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Runtime } from '../../../local/workspace/runtime';
import { fromIsoDate } from '../../../src/core/dates';
import { importPlan } from '../../../src/core/import';
import { LocalSpreadsheets } from '../../../local/workspace/SpreadsheetApp';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const SEEDS = join(__dirname, '../../fixtures/seeds');

function setup(): { sheet: Sheet; local: LocalSpreadsheets } {
  const runtime = new Runtime();
  // A Wednesday in 2010: dates typed without a year fall in 2010.
  runtime.fixedNow = Date.UTC(2010, 8, 8, 9);
  const local = new LocalSpreadsheets(runtime, { name: 'Typed values', timeZone: 'Europe/London' });
  return { sheet: local.app.getActiveSpreadsheet().getActiveSheet(), local };
}

/** What a cell holds after setValue(text): its value, the text shown and the format Sheets gave it. */
function typed(text: string): [unknown, string, string] {
  const { sheet } = setup();
  const cell = sheet.getRange('A1').setValue(text);
  return [cell.getValue(), cell.getDisplayValue(), cell.getNumberFormat()];
}

const londonMidnight = (y: number, m: number, d: number): Date =>
  fromIsoDate(`${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`, 'Europe/London');

/** Seed 003's timescales, as the importer reads them from the plan. */
function seed003Timescales(): string[] {
  const file = readdirSync(SEEDS).find((f) => f.startsWith('003'));
  const rows = readFileSync(join(SEEDS, file ?? ''), 'utf8')
    .split('\n')
    .map((line) => line.split('\t'));
  const width = Math.max(...rows.map((r) => r.length));
  const grid = rows.map((r) => [...r, ...new Array<string>(width - r.length).fill('')]);
  return importPlan(grid, { today: '2010-09-06' }).actions.map((a) => a.timescale);
}

describe('text written by a script is parsed as en_GB typing', () => {
  it.each([
    ['01', 1, '1'],
    ['1.10', 1.1, '1.1'],
    ['7.1', 7.1, '7.1'],
    ['-12.5', -12.5, '-12.5'],
    [' 42 ', 42, '42'],
  ])('turns the number %p into %p, losing the zeros as written', (text, value, shown) => {
    expect(typed(text).slice(0, 2)).toEqual([value, shown]);
  });

  it('keeps thousands separators, scientific notation, percentages and pounds as formats', () => {
    expect(typed('1,000')).toEqual([1000, '1,000', '#,##0']);
    expect(typed('1e3')).toEqual([1000, '1.00E+03', '0.00E+00']);
    expect(typed('50%')).toEqual([0.5, '50%', '0%']);
    expect(typed('12.5%')).toEqual([0.125, '12.50%', '0.00%']);
    expect(typed('£5,000')).toEqual([5000, '£5,000', '"£"#,##0']);
    expect(typed('£5,000.50')).toEqual([5000.5, '£5,000.50', '"£"#,##0.00']);
  });

  it('reads TRUE and FALSE in any case as booleans', () => {
    expect(typed('TRUE').slice(0, 2)).toEqual([true, 'TRUE']);
    expect(typed('false').slice(0, 2)).toEqual([false, 'FALSE']);
  });

  it.each([
    ['1 April 2008', londonMidnight(2008, 4, 1), '1 April 2008', 'd mmmm yyyy'],
    ['30 January 2007', londonMidnight(2007, 1, 30), '30 January 2007', 'd mmmm yyyy'],
    ['March 2007', londonMidnight(2007, 3, 1), 'March 2007', 'mmmm yyyy'],
    ['1 Apr 2008', londonMidnight(2008, 4, 1), '1 Apr 2008', 'd mmm yyyy'],
    ['31/03/2011', londonMidnight(2011, 3, 31), '31/03/2011', 'dd/mm/yyyy'],
    ['2011-03-31', londonMidnight(2011, 3, 31), '2011-03-31', 'yyyy-mm-dd'],
    ['1/4', londonMidnight(2010, 4, 1), '01/04', 'dd/mm'],
  ])('turns the date %p into a Date at midnight in the spreadsheet zone', (text, date, shown, format) => {
    expect(typed(text)).toEqual([date, shown, format]);
  });

  it('turns a time of day into a time, shown with seconds', () => {
    const [value, shown, format] = typed('10:30');
    expect([shown, format]).toEqual(['10:30:00', 'hh:mm:ss']);
    expect(value).toBeInstanceOf(Date);
    const [, pm] = typed('2:15 pm');
    expect(pm).toBe('2:15:00 PM');
  });

  it('keeps as text what is not wholly a number, a boolean or a date', () => {
    for (const text of [
      'by March 2011',
      'End February 2007',
      'October 2007 November 2007',
      'July 2010, October 2010, January 2011 & April 2011',
      'Q4 2023/24',
      '5.a',
      '31/02/2011',
      'Ongoing',
    ]) {
      expect(typed(text)).toEqual([text, text, '0.###############']);
    }
  });

  it('turns 29 of the 59 timescales of seed 003 into dates, as the issue found on a real Sheet', () => {
    const timescales = seed003Timescales();
    expect(timescales).toHaveLength(59);
    const dates = timescales.filter((t) => typed(t)[0] instanceof Date);
    expect(dates).toHaveLength(29);
    expect(new Set(dates)).toEqual(
      new Set([
        '30 January 2007',
        '22 February 2007',
        'March 2007',
        'April 2007',
        'February 2008',
        'June 2007',
        'December 2007',
        'September 2007',
        'January 2007',
        'October 2007',
        '1 April 2008',
        '1 April 2007',
        'July 2007',
      ]),
    );
  });
});

describe('plain text, apostrophes and formulas', () => {
  it("keeps text as written in a plain-text ('@') cell: zeros, dates, formulas and apostrophes", () => {
    const { sheet } = setup();
    const range = sheet.getRange('A1:E1').setNumberFormat('@');
    range.setValues([['01', 'March 2007', '=SUM(B1:B2)', "'=x", '1.10']]);
    expect(range.getValues()).toEqual([['01', 'March 2007', '=SUM(B1:B2)', "'=x", '1.10']]);
    expect(range.getDisplayValues()).toEqual([['01', 'March 2007', '=SUM(B1:B2)', "'=x", '1.10']]);
    expect(range.getFormulas()).toEqual([['', '', '', '', '']]);
  });

  it('drops a leading apostrophe in an unformatted cell and keeps the rest as text', () => {
    const { sheet } = setup();
    const cell = sheet.getRange('A1').setValue("'=x");
    expect([cell.getValue(), cell.getDisplayValue(), cell.getFormula()]).toEqual(['=x', '=x', '']);
    expect(sheet.getRange('A2').setValue("'01").getValue()).toBe('01');
  });

  it('reads a formula that does not parse as the error value #ERROR!', () => {
    const { sheet } = setup();
    for (const formula of ['=1+', '=HYPERLINK("x"', '=SUM(', '=Action plan']) {
      const cell = sheet.getRange('A1').setValue(formula);
      expect([cell.getFormula(), cell.getValue(), cell.getDisplayValue()]).toEqual([
        formula,
        '#ERROR!',
        '#ERROR!',
      ]);
    }
  });

  it('throws not implemented when a formula it cannot evaluate is read, naming it', () => {
    const { sheet } = setup();
    sheet.getRange('B2').setValue('=TODAY()');
    expect(() => sheet.getRange('B2').getValue()).toThrow(
      'not implemented in the local Workspace: formula =TODAY() (in Sheet1!B2)',
    );
    expect(() => sheet.getDataRange().getDisplayValues()).toThrow(/formula =TODAY\(\)/);
  });
});
