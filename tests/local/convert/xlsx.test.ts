import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { readXlsx } from '../../../local/convert/xlsx';

const PLAN = join(__dirname, '../../fixtures/xlsx/plan.xlsx');

describe('reading an Excel plan as an officer copies it', () => {
  it('gives the first sheet as displayed, each merged range filled with its value', async () => {
    const title = 'Action plan 2010/11';
    expect(await readXlsx(PLAN)).toEqual([
      Array(7).fill(title),
      ['Ref', 'KLOE', 'Recommendation', 'Action', 'Due date', 'Lead', 'Done'],
      [
        '1',
        'Setting targets',
        'Ensure broad involvement in target-setting',
        'Involve Members, staff and users in setting targets',
        '30 Jun 2010',
        'TG',
        '25%',
      ],
      [
        '2',
        'Setting targets',
        'Ensure broad involvement in target-setting',
        'Develop a framework for Member involvement',
        // Excel's built-in short date, shown day first as in the UK.
        '31/07/2010',
        'JJ, TG',
        '100%',
      ],
      // A formula shows its result; text that looks like a number stays as written.
      ['3', 'Collating performance data', '007', 'Review data collection', '', '', '0%'],
    ]);
  });

  it('reads a workbook from its bytes as from its path', async () => {
    expect(await readXlsx(readFileSync(PLAN))).toEqual(await readXlsx(PLAN));
  });

  it('shows numbers through their format, and rich text, booleans and errors as Excel does', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Plan');
    sheet.addRow([
      { richText: [{ text: 'Ensure ', font: { bold: true } }, { text: 'broad involvement' }] },
      true,
      { error: '#N/A' },
      1234.5,
      0.1 + 0.2,
      { text: 'Covalent', hyperlink: 'https://example.org/covalent' },
      new Date(Date.UTC(2011, 2, 31, 14, 30)),
    ]);
    sheet.getCell('D1').numFmt = '#,##0.00';
    sheet.getCell('G1').numFmt = 'd mmmm yyyy h:mm';
    sheet.addRow([]);
    sheet.getCell('J3').value = '';
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    expect(await readXlsx(bytes)).toEqual([
      ['Ensure broad involvement', 'TRUE', '#N/A', '1,234.50', '0.3', 'Covalent', '31 March 2011 14:30'],
    ]);
  });
});
