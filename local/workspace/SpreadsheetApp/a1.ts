/** A1 notation: column letters, cell references and the range shapes Sheets accepts. */

export function columnLetters(column: number): string {
  let n = column;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** A parsed A1 reference; `null` bounds are open (a whole column "A:A" has no rows). */
export interface A1Parts {
  sheetName: string | null;
  startRow: number | null;
  startColumn: number | null;
  endRow: number | null;
  endColumn: number | null;
}

const CELL = /^\$?([A-Za-z]{1,3})?\$?(\d+)?$/;

function parseEnd(text: string): { row: number | null; column: number | null } | null {
  const m = CELL.exec(text);
  if (!m || (!m[1] && !m[2])) return null;
  return { column: m[1] ? columnNumber(m[1]) : null, row: m[2] ? Number(m[2]) : null };
}

/** Splits "'My sheet'!A1:B2" into its sheet name and its grid part. */
export function splitSheetName(a1: string): { sheetName: string | null; ref: string } {
  const bang = a1.lastIndexOf('!');
  if (bang < 0) return { sheetName: null, ref: a1 };
  let name = a1.slice(0, bang);
  if (name.startsWith("'") && name.endsWith("'")) name = name.slice(1, -1).replace(/''/g, "'");
  return { sheetName: name, ref: a1.slice(bang + 1) };
}

/** Parses "A1", "B2:D9", "A:A", "2:2", "A2:C"; null when Sheets would answer "Range not found". */
export function parseA1(a1: string): A1Parts | null {
  const { sheetName, ref } = splitSheetName(a1.trim());
  const [left, right, extra] = ref.split(':');
  if (extra !== undefined || !left) return null;
  const start = parseEnd(left);
  if (!start) return null;
  if (right === undefined) {
    if (start.row === null || start.column === null) return null;
    return {
      sheetName,
      startRow: start.row,
      startColumn: start.column,
      endRow: start.row,
      endColumn: start.column,
    };
  }
  const end = parseEnd(right);
  if (!end) return null;
  // "A:A" and "2:2" leave one dimension open; "A2:C" leaves the end row open.
  if (start.column === null && end.column !== null) return null;
  if (start.row === null && start.column === null) return null;
  const parts: A1Parts = {
    sheetName,
    startRow: start.row,
    startColumn: start.column,
    endRow: end.row,
    endColumn: end.column,
  };
  if (parts.startRow === 0 || parts.endRow === 0) return null;
  return parts;
}

export function cellA1(row: number, column: number): string {
  return `${columnLetters(column)}${row}`;
}

/** Quotes a sheet name for a reference when Sheets would. */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}
