/** Sheet names and the small helpers every adapter uses to find or make its sheet. */

export const SHEET = {
  register: 'Register',
  officers: 'Officers',
  settings: 'Settings',
  history: 'History',
  import: 'Import',
  importReport: 'Import report',
  reminderLog: 'Reminder log',
} as const;

export const HEADER_BACKGROUND = '#1c4587';
/**
 * Plain text: what an officer writes is kept as written. Without it Sheets parses text as if typed: "March 2007"
 * becomes a date, "1.10" the number 1.1, "01" the number 1, "=x" a formula.
 */
export const TEXT_FORMAT = '@';
export const HEADER_FONT_COLOR = '#ffffff';

/** The container spreadsheet. */
export function activeSpreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet {
  return SpreadsheetApp.getActiveSpreadsheet();
}

/** Styles row 1 as a frozen header: bold white on dark blue, wrapped. */
export function styleHeader(sheet: GoogleAppsScript.Spreadsheet.Sheet, width: number): void {
  sheet
    .getRange(1, 1, 1, width)
    .setFontWeight('bold')
    .setFontColor(HEADER_FONT_COLOR)
    .setBackground(HEADER_BACKGROUND)
    .setWrap(true);
  sheet.setFrozenRows(1);
}

/**
 * Returns the named sheet, creating it with a frozen, styled header row when missing. An existing sheet is
 * returned untouched: its data and its officers' changes are theirs.
 */
export function ensureSheet(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  name: string,
  headers: readonly string[],
): GoogleAppsScript.Spreadsheet.Sheet {
  const existing = ss.getSheetByName(name);
  if (existing) return existing;
  const sheet = ss.insertSheet(name);
  if (headers.length > 0) {
    sheet.getRange(1, 1, 1, headers.length).setValues([[...headers]]);
    styleHeader(sheet, headers.length);
  }
  return sheet;
}

/**
 * Writes rows below the last row with content, in one setValues; inserts rows first when the grid is too
 * short, since a range past the grid does not exist. Returns the first row written.
 */
export function appendRows(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  rows: readonly unknown[][],
  /**
   * Number formats for the row's columns, set in the same write: '@' keeps free text as written ("1.10", "March
   * 2007"); null keeps the format the cell already has (an officer's own column).
   */
  formats?: readonly (string | null)[],
): number {
  const start = sheet.getLastRow() + 1;
  if (rows.length === 0) return start;
  const maxRows = sheet.getMaxRows();
  const needed = start + rows.length - 1 - maxRows;
  if (needed > 0) sheet.insertRowsAfter(maxRows, needed);
  const range = sheet.getRange(start, 1, rows.length, rows[0].length);
  if (formats) {
    const current = formats.includes(null) ? range.getNumberFormats() : null;
    range.setNumberFormats(rows.map((_, i) => formats.map((f, j) => f ?? current?.[i][j] ?? '')));
  }
  range.setValues(rows as unknown[][]);
  return start;
}

/** Formats a new sheet's body as plain text, so what an officer pastes there stays as written. */
export function plainTextBody(sheet: GoogleAppsScript.Spreadsheet.Sheet, fromRow = 2): void {
  const rows = sheet.getMaxRows() - fromRow + 1;
  if (rows > 0) sheet.getRange(fromRow, 1, rows, sheet.getMaxColumns()).setNumberFormat(TEXT_FORMAT);
}
