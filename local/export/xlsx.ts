/**
 * Writes the in-memory spreadsheet to a real .xlsx file, so a person can open the register a local run produced
 * in Excel or import it into Google Sheets: values, formats, notes, validation and conditional formats, and each
 * embedded chart as a picture anchored where the chart is (the Dashboard's charts).
 */
import ExcelJS from 'exceljs';
import { imageSize } from 'image-size';
import { isDate } from '../workspace/runtime';
import {
  type ChartSpec,
  DEFAULT_NUMBER_FORMAT,
  chartPng,
  FakeConditionalFormatRule,
  FakeDataValidation,
  FakeSheet,
  FakeSpreadsheet,
  GridRef,
  StoredCell,
  columnLetters,
  toSerial,
} from '../workspace/SpreadsheetApp';

const SERIAL_EPOCH = Date.UTC(1899, 11, 30);
const MS_PER_DAY = 86_400_000;

/** Text that a spreadsheet program could read as a formula if it were ever retyped. */
const FORMULA_LIKE = /^[=+\-@]/;

function argb(colour: string): string {
  return `FF${colour.replace('#', '').toUpperCase()}`;
}

/** Excel has no time zones: a date is the wall-clock reading, which exceljs takes from the Date's UTC fields. */
function wallClockDate(date: Date, timeZone: string): Date {
  return new Date(SERIAL_EPOCH + Math.round(toSerial(date.getTime(), timeZone) * MS_PER_DAY));
}

function a1Range(ref: GridRef): string {
  const start = `${columnLetters(ref.column)}${ref.row}`;
  const end = `${columnLetters(ref.column + ref.numColumns - 1)}${ref.row + ref.numRows - 1}`;
  return start === end ? start : `${start}:${end}`;
}

function absoluteRange(ref: GridRef): string {
  const sheet = `'${ref.sheet.name.replace(/'/g, "''")}'`;
  const start = `$${columnLetters(ref.column)}$${ref.row}`;
  const end = `$${columnLetters(ref.column + ref.numColumns - 1)}$${ref.row + ref.numRows - 1}`;
  return `${sheet}!${start}:${end}`;
}

function writeValue(target: ExcelJS.Cell, cell: StoredCell, timeZone: string): void {
  if (cell.formula) {
    const computed = cell.computed;
    const result = isDate(computed) ? wallClockDate(computed, timeZone) : computed;
    target.value = { formula: cell.formula.slice(1), result } as ExcelJS.CellFormulaValue;
    return;
  }
  const v = cell.value;
  if (v === '') return;
  if (isDate(v)) {
    target.value = wallClockDate(v, timeZone);
    return;
  }
  // Strings are written as strings, never as formulas; text that looks like one is also marked as text.
  target.value = v;
}

function numberFormat(cell: StoredCell): string | undefined {
  if (typeof cell.value === 'string' && !cell.formula && FORMULA_LIKE.test(cell.value)) return '@';
  if (cell.numberFormat === DEFAULT_NUMBER_FORMAT) return undefined;
  return cell.numberFormat;
}

function writeStyle(target: ExcelJS.Cell, cell: StoredCell): void {
  const format = numberFormat(cell);
  if (format) target.numFmt = format;
  if (cell.background !== '#ffffff') {
    target.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(cell.background) } };
  }
  const font: Partial<ExcelJS.Font> = {};
  if (cell.fontWeight === 'bold') font.bold = true;
  if (cell.fontStyle === 'italic') font.italic = true;
  if (cell.fontColor !== '#000000') font.color = { argb: argb(cell.fontColor) };
  if (cell.fontSize !== 10) font.size = cell.fontSize;
  if (Object.keys(font).length) target.font = font;
  const alignment: Partial<ExcelJS.Alignment> = {};
  if (cell.wrapStrategy === 'WRAP') alignment.wrapText = true;
  if (cell.horizontalAlignment && cell.horizontalAlignment !== 'normal') {
    alignment.horizontal = cell.horizontalAlignment as ExcelJS.Alignment['horizontal'];
  }
  if (cell.verticalAlignment) alignment.vertical = cell.verticalAlignment as ExcelJS.Alignment['vertical'];
  if (Object.keys(alignment).length) target.alignment = alignment;
  if (cell.note) target.note = cell.note;
}

const DATE_OPERATORS: Record<string, ExcelJS.DataValidationOperator> = {
  DATE_AFTER: 'greaterThan',
  DATE_BEFORE: 'lessThan',
  DATE_ON_OR_AFTER: 'greaterThanOrEqual',
  DATE_ON_OR_BEFORE: 'lessThanOrEqual',
  DATE_BETWEEN: 'between',
};

function validationOf(rule: FakeDataValidation, timeZone: string): ExcelJS.DataValidation | null {
  const { criteria, args, allowInvalid, helpText } = rule.spec;
  const common = {
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: allowInvalid ? 'warning' : 'stop',
    ...(helpText ? { showInputMessage: true, prompt: helpText } : {}),
  };
  switch (criteria) {
    case 'VALUE_IN_LIST': {
      const items = (args[0] as string[]).map((s) => s.replace(/"/g, '""'));
      return { ...common, type: 'list', formulae: [`"${items.join(',')}"`] };
    }
    case 'VALUE_IN_RANGE':
      return { ...common, type: 'list', formulae: [absoluteRange(args[0] as GridRef)] };
    case 'DATE_IS_VALID_DATE':
      return { ...common, type: 'date', operator: 'greaterThan', formulae: [new Date(Date.UTC(1900, 0, 1))] };
    default: {
      const operator = criteria ? DATE_OPERATORS[criteria] : undefined;
      if (!operator) return null;
      return {
        ...common,
        type: 'date',
        operator,
        formulae: args.map((d) => wallClockDate(d as Date, timeZone)),
      };
    }
  }
}

function quoted(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

function ruleOf(rule: FakeConditionalFormatRule, priority: number): ExcelJS.ConditionalFormattingRule | null {
  const { criteria, args, format, ranges } = rule.spec;
  const first = ranges[0];
  if (!first) return null;
  const style: Partial<ExcelJS.Style> = {};
  if (format.background)
    style.fill = { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(format.background) } };
  const font: Partial<ExcelJS.Font> = {};
  if (format.fontColor) font.color = { argb: argb(format.fontColor) };
  if (format.bold !== null) font.bold = format.bold;
  if (format.italic !== null) font.italic = format.italic;
  if (Object.keys(font).length) style.font = font;
  const topLeft = `${columnLetters(first.column)}${first.row}`;
  const text = String(args[0] ?? '');
  switch (criteria) {
    case 'CUSTOM_FORMULA':
      return { type: 'expression', priority, style, formulae: [text.replace(/^=/, '')] };
    case 'TEXT_EQUAL_TO':
      return { type: 'cellIs', operator: 'equal', priority, style, formulae: [quoted(text)] };
    case 'TEXT_CONTAINS':
      return { type: 'containsText', operator: 'containsText', priority, style, text };
    // exceljs writes only the plain contains operator; the others become the formulas Excel would store.
    case 'TEXT_DOES_NOT_CONTAIN':
      return {
        type: 'expression',
        priority,
        style,
        formulae: [`ISERROR(SEARCH(${quoted(text)},${topLeft}))`],
      };
    case 'TEXT_STARTS_WITH':
      return {
        type: 'expression',
        priority,
        style,
        formulae: [`LEFT(${topLeft},${text.length})=${quoted(text)}`],
      };
    case 'TEXT_ENDS_WITH':
      return {
        type: 'expression',
        priority,
        style,
        formulae: [`RIGHT(${topLeft},${text.length})=${quoted(text)}`],
      };
    case 'CELL_EMPTY':
      return { type: 'expression', priority, style, formulae: [`LEN(${topLeft})=0`] };
    case 'CELL_NOT_EMPTY':
      return { type: 'expression', priority, style, formulae: [`LEN(${topLeft})>0`] };
    default:
      return null;
  }
}

/** Excel measures drawing offsets in EMUs: 914400 to the inch, 9525 to a pixel at 96 to the inch. */
const EMU_PER_PIXEL = 9525;

/**
 * A chart as a picture at its anchor cell and pixel offset, at the size it is drawn. Excel has no Sheets chart to
 * rebuild it from, so the picture is what a person sees; the figures it draws from stay in their cells.
 */
function addChartPicture(workbook: ExcelJS.Workbook, ws: ExcelJS.Worksheet, chart: ChartSpec): void {
  const png = chartPng(chart);
  const { width, height } = imageSize(png);
  const imageId = workbook.addImage({ buffer: png as unknown as ExcelJS.Buffer, extension: 'png' });
  const { row, column, offsetX, offsetY } = chart.position;
  // exceljs reads an anchor's native cell and EMU offsets when given them; its type names only col and row.
  const tl = {
    nativeCol: column - 1,
    nativeColOff: offsetX * EMU_PER_PIXEL,
    nativeRow: row - 1,
    nativeRowOff: offsetY * EMU_PER_PIXEL,
  } as unknown as { col: number; row: number };
  ws.addImage(imageId, { tl, ext: { width, height }, editAs: 'oneCell' });
}

/** Excel reserves the sheet name "History" (for its change tracking); Sheets does not. */
export function excelSheetName(name: string): string {
  return name.trim().toLowerCase() === 'history' ? `${name} log` : name;
}

function writeSheet(workbook: ExcelJS.Workbook, sheet: FakeSheet, timeZone: string): void {
  const ws = workbook.addWorksheet(excelSheetName(sheet.name), {
    state: sheet.hidden ? 'hidden' : 'visible',
    ...(sheet.tabColor ? { properties: { tabColor: { argb: argb(sheet.tabColor) } } } : {}),
  });
  if (sheet.frozenRows || sheet.frozenColumns) {
    ws.views = [{ state: 'frozen', xSplit: sheet.frozenColumns, ySplit: sheet.frozenRows }];
  }
  for (const [column, px] of sheet.columnWidths) {
    // Excel measures columns in characters of about 7 pixels.
    ws.getColumn(column).width = Math.round((px / 7) * 100) / 100;
  }
  for (const { row, column, cell } of sheet.entries()) {
    const target = ws.getCell(row, column);
    writeValue(target, cell, timeZone);
    writeStyle(target, cell);
    const validation = cell.validation ? validationOf(cell.validation, timeZone) : null;
    if (validation) target.dataValidation = validation;
  }
  sheet.rules.forEach((rule, i) => {
    const converted = ruleOf(rule, i + 1);
    const ranges = rule.spec.ranges.filter((r) => r.sheet === sheet);
    if (converted && ranges.length) {
      ws.addConditionalFormatting({ ref: ranges.map(a1Range).join(' '), rules: [converted] });
    }
  });
  for (const chart of sheet.charts) addChartPicture(workbook, ws, chart);
}

export async function writeXlsx(spreadsheet: FakeSpreadsheet, path: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Action Plan Register (local)';
  workbook.title = spreadsheet.name;
  for (const sheet of spreadsheet.sheets) writeSheet(workbook, sheet, spreadsheet.timeZone);
  const active = spreadsheet.activeSheet ? spreadsheet.sheets.indexOf(spreadsheet.activeSheet) : 0;
  workbook.views = [
    {
      activeTab: Math.max(0, active),
      x: 0,
      y: 0,
      width: 20000,
      height: 12000,
      firstSheet: 0,
      visibility: 'visible',
    },
  ];
  await workbook.xlsx.writeFile(path);
}
