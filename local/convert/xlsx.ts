/**
 * Reads the first sheet of an Excel workbook as an officer sees it and copies it: every cell's value as displayed
 * (numbers and dates through the cell's number format, text exactly as written, a formula as its result), and the
 * value of a merged range in each of its cells. The local runner's `--plan FILE.xlsx` pastes this into the sheet.
 *
 * exceljs reads the workbook; numfmt renders Excel number formats as Excel does.
 */
import ExcelJS from 'exceljs';
import { format } from 'numfmt';

type Cell = ExcelJS.Cell;
type Scalar = number | string | boolean | Date;

/**
 * exceljs names the built-in formats 14 and 22 by their US patterns. Excel shows those two in the reader's short
 * date form, which for a UK council is day first.
 */
const UK_SHORT_DATE: Record<string, string> = {
  'mm-dd-yy': 'dd/mm/yyyy',
  'm/d/yy "h":mm': 'dd/mm/yyyy h:mm',
};

/** Days from Excel's day 0 (30 Dec 1899) to 1 Jan 1970. exceljs turns serials into UTC dates. */
const EPOCH_SERIAL = 25569;
const DAY_MS = 86_400_000;

/** The first sheet's used range as displayed text, merged ranges filled. */
export async function readXlsx(input: string | Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  if (typeof input === 'string') await workbook.xlsx.readFile(input);
  // exceljs's typings predate Buffer being generic over its backing store.
  else await workbook.xlsx.load(input as unknown as ExcelJS.Buffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const grid: string[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row: string[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) row.push(displayed(sheet.getCell(r, c)));
    grid.push(row);
  }
  return trimmed(grid);
}

function displayed(cell: Cell): string {
  const source = cell.isMerged ? cell.master : cell;
  const value = scalar(source.value);
  if (value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  const pattern = source.numFmt || 'General';
  const serial = value instanceof Date ? value.getTime() / DAY_MS + EPOCH_SERIAL : value;
  return format(UK_SHORT_DATE[pattern] ?? pattern, serial);
}

/** What a cell shows before formatting: rich text and hyperlinks as their text, a formula as its result. */
function scalar(value: ExcelJS.CellValue): Scalar | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object' || value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('hyperlink' in value) return scalar(value.text as ExcelJS.CellValue);
  if ('error' in value) return value.error;
  if ('formula' in value || 'sharedFormula' in value) return scalar(value.result as ExcelJS.CellValue);
  return null;
}

/** Drops the empty rows and columns after the last value, as a copy of the used range would. */
function trimmed(grid: string[][]): string[][] {
  const filled = (cells: string[]): boolean => cells.some((text) => text !== '');
  let rows = grid.length;
  while (rows > 0 && !filled(grid[rows - 1])) rows--;
  const kept = grid.slice(0, rows);
  let columns = Math.max(0, ...kept.map((row) => row.length));
  while (columns > 0 && !filled(kept.map((row) => row[columns - 1] ?? ''))) columns--;
  return kept.map((row) => row.slice(0, columns));
}
