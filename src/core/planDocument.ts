/**
 * A plan kept in a Google Doc (often a Word file saved as a Google Doc) becomes the grid of cell texts the import
 * reads, as a paste of the Doc into a sheet would give it but without what a paste loses:
 * - every table in document order, one row per table row, then a blank row where the table ends (the import ends
 *   a table at a blank row before text that is not an action, such as a page heading); the paragraphs between
 *   tables as one-column rows, a line of its own for each line of a paragraph (Shift+Enter), an empty paragraph as
 *   a blank row;
 * - a cell merged down over rows takes the text of the cell it is merged into in each row (a Sheets paste leaves
 *   it blank); a cell merged across columns stays blank beside its text, as a paste leaves it;
 * - a cell's paragraphs and list items are its lines, joined with "\n" (a bullet is a list item, so its text has
 *   no bullet character), and a line break inside a paragraph is a line too;
 * - page breaks add nothing;
 * - the text is the Doc's own: nothing is read as a date, a number or a formula on the way.
 */

/** One table of the Doc, as a grid of cells (docsDocument.ts reads it from the Docs API's answer). */
export interface TableReader {
  readonly rows: number;
  /** Cells in the row: Docs rows may differ in length. */
  cells(row: number): number;
  /** TableCell.getText(): the cell's paragraphs joined with "\n", "" for a cell merged over by another. */
  text(row: number, column: number): string;
  /** TableCell.getRowSpan(): 1 for a plain cell, the rows merged for a head cell, 0 for a covered cell. */
  rowSpan(row: number, column: number): number;
}

interface Head {
  readonly row: number;
  readonly text: string;
  span: number | undefined;
}

/**
 * The rows of one table, merged cells filled down, and the blank row that ends it. Only an empty cell can be merged
 * over (Docs keeps a merge's text in its head cell), so the row span is asked of empty cells, and of the cell above
 * a covered one.
 */
export function tableRows(table: TableReader): string[][] {
  // Per column, the last cell not merged over: a covered cell below takes its text if its span reaches.
  const heads: (Head | undefined)[] = [];
  const rows: string[][] = [];
  for (let r = 0; r < table.rows; r++) {
    const row: string[] = [];
    const width = table.cells(r);
    for (let c = 0; c < width; c++) {
      const text = cellText(table.text(r, c));
      const span = text === '' ? table.rowSpan(r, c) : undefined;
      if (span !== 0) {
        heads[c] = { row: r, text, span };
        row.push(text);
        continue;
      }
      const head = heads[c];
      if (head && head.span === undefined) head.span = table.rowSpan(head.row, c);
      row.push(head && head.row + (head.span ?? 1) > r ? head.text : '');
    }
    rows.push(row);
  }
  rows.push(['']);
  return rows;
}

/** A cell's text with each line break as "\n": Docs gives a line break inside a paragraph as "\r". */
export function cellText(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/** A paragraph between tables: one row per line, a blank row for an empty paragraph. */
export function paragraphRows(text: string): string[][] {
  return text.split(/\r\n?|\n/).map((line) => [line]);
}

/** Rows padded with blank cells to the widest, as a paste into a sheet fills its rectangle. */
export function rectangular(rows: readonly (readonly string[])[]): string[][] {
  const width = Math.max(1, ...rows.map((row) => row.length));
  return rows.map((row) => [...row, ...new Array<string>(width - row.length).fill('')]);
}

/**
 * The file id in what an officer pastes: a Google Docs link (edit, view, sharing, signed-in and Workspace-domain
 * forms), a Drive link (file/d/ID, open?id=ID) or the bare id; null when it names no Drive file, as a link to a
 * spreadsheet, a web page or a file name would not. Whether the file is a Google Doc only Google can say.
 */
export function fileIdOf(link: string): string | null {
  const text = link.trim().replace(/^[<"'“]+|[>"'”]+$/g, '');
  const patterns = [
    /^https?:\/\/docs\.google\.com\/(?:a\/[^/]+\/)?document\/(?:u\/\d+\/)?d\/([A-Za-z0-9_-]{10,})(?:[/?#]|$)/,
    /^https?:\/\/drive\.google\.com\/(?:a\/[^/]+\/)?(?:u\/\d+\/)?file\/d\/([A-Za-z0-9_-]{10,})(?:[/?#]|$)/,
    /^https?:\/\/drive\.google\.com\/(?:a\/[^/]+\/)?(?:open|uc)\?(?:[^#]*&)?id=([A-Za-z0-9_-]{10,})(?:[&#]|$)/,
    /^([A-Za-z0-9_-]{25,})$/,
  ];
  for (const pattern of patterns) {
    const id = pattern.exec(text)?.[1];
    if (id !== undefined) return id;
  }
  return null;
}
