/**
 * A Google Doc as the Docs API's documents.get gives it (one call, whatever its size), read into the import's grid
 * by the rules of planDocument.ts: the same grid DocumentApp would give, read element by element.
 * Reference: https://developers.google.com/workspace/docs/api/reference/rest/v1/documents (StructuralElement,
 * Paragraph, ParagraphElement, Table, TableCell, TableCellStyle).
 */
import { paragraphRows, rectangular, tableRows } from './planDocument';
import type { TableReader } from './planDocument';

/** The parts of the Document resource the import reads; everything else is ignored. */
export interface DocsStructuralElement {
  readonly paragraph?: DocsParagraph;
  readonly table?: DocsTable;
}

export interface DocsParagraph {
  readonly elements?: readonly DocsParagraphElement[];
}

export interface DocsParagraphElement {
  readonly textRun?: { readonly content?: string };
  /** A smart chip naming a person (an "@" mention). */
  readonly person?: { readonly personProperties?: { readonly name?: string; readonly email?: string } };
  /** A smart chip linking a Google file or page. */
  readonly richLink?: { readonly richLinkProperties?: { readonly title?: string; readonly uri?: string } };
}

export interface DocsTable {
  readonly columns?: number;
  readonly tableRows?: readonly { readonly tableCells?: readonly DocsTableCell[] }[];
}

export interface DocsTableCell {
  readonly content?: readonly DocsStructuralElement[];
  readonly tableCellStyle?: { readonly rowSpan?: number; readonly columnSpan?: number };
}

/**
 * The `fields` mask for documents.get: the Doc's title and, of its body, only what the grid is made of. A plan of
 * thousands of rows is megabytes of styles otherwise.
 */
export const DOCS_PLAN_FIELDS =
  'title,body/content(paragraph/elements(textRun/content,person/personProperties,richLink/richLinkProperties),' +
  'table(columns,tableRows/tableCells(tableCellStyle(rowSpan,columnSpan),' +
  'content(paragraph/elements(textRun/content,person/personProperties,richLink/richLinkProperties),table))))';

/** The Doc's tables and the paragraphs between them, in document order, as the import's grid. */
export function docsPlanGrid(content: readonly DocsStructuralElement[]): string[][] {
  const rows: string[][] = [];
  for (const element of content) {
    if (element.table) rows.push(...tableRows(docsTableReader(element.table)));
    else if (element.paragraph) rows.push(...bodyParagraphRows(element.paragraph));
    // A section break or a table of contents gives no row, as DocumentApp's reading gives none.
  }
  return rectangular(rows);
}

/** A body paragraph's lines; a paragraph holding only a page break, a rule or a picture gives no row. */
function bodyParagraphRows(paragraph: DocsParagraph): string[][] {
  const text = paragraphText(paragraph);
  const elements = paragraph.elements ?? [];
  const onlyText = elements.every((e) => e.textRun !== undefined);
  if (text === '' && !onlyText) return [];
  return paragraphRows(text);
}

/** The Docs API's line break inside a paragraph (Shift+Enter). */
const VERTICAL_TAB = '\u000b';

/**
 * A paragraph's text as DocumentApp's getText() gives it: without the newline that ends it, a line break inside it
 * (the API's vertical tab) as "\r", a person chip as its name (or email), a link chip as its title (or address).
 */
export function paragraphText(paragraph: DocsParagraph): string {
  return (paragraph.elements ?? [])
    .map((e) => {
      if (e.textRun) return e.textRun.content ?? '';
      const person = e.person?.personProperties;
      if (person) return person.name || person.email || '';
      const link = e.richLink?.richLinkProperties;
      if (link) return link.title || link.uri || '';
      return '';
    })
    .join('')
    .replace(/\n$/, '')
    .split(VERTICAL_TAB)
    .join('\r');
}

/** A cell's text: its paragraphs joined by "\n", a table inside it read row by row, cell by cell. */
function cellContentText(content: readonly DocsStructuralElement[]): string {
  const lines: string[] = [];
  for (const element of content) {
    if (element.paragraph) lines.push(paragraphText(element.paragraph));
    else if (element.table) {
      for (const row of tableRows(docsTableReader(element.table)))
        lines.push(...row.filter((cell) => cell !== ''));
    }
  }
  return lines.join('\n');
}

interface Slot {
  readonly text: string;
  /** As DocumentApp's getRowSpan(): the rows a head cell spans, 1 for a plain cell, 0 for one merged over. */
  readonly rowSpan: number;
}

/**
 * The table as a grid of slots, each cell at its place. A row with a cell for every column is read cell by cell,
 * whatever the cells merged over hold; a shorter row is laid out as HTML lays out a table, each cell in the next
 * slot not covered by a merge above or beside it. Either way a slot a head cell's spans reach is merged over.
 */
export function docsTableGrid(table: DocsTable): Slot[][] {
  const rows = table.tableRows ?? [];
  const width = Math.max(table.columns ?? 0, ...rows.map((r) => (r.tableCells ?? []).length));
  const covered = rows.map(() => new Array<boolean>(width).fill(false));
  const grid: Slot[][] = rows.map(() => []);
  rows.forEach((row, r) => {
    const cells = row.tableCells ?? [];
    const full = cells.length >= width;
    let c = 0;
    for (const cell of cells) {
      if (!full) while (c < width && covered[r][c]) c++;
      const rowSpan = Math.max(1, cell.tableCellStyle?.rowSpan ?? 1);
      const columnSpan = Math.max(1, cell.tableCellStyle?.columnSpan ?? 1);
      const text = cellContentText(cell.content ?? []);
      grid[r][c] = covered[r][c] && text === '' ? { text, rowSpan: 0 } : { text, rowSpan };
      if (!covered[r][c]) cover(covered, r, c, rowSpan, columnSpan);
      c++;
    }
  });
  return grid.map((row, r) =>
    Array.from({ length: width }, (_, c) => row[c] ?? { text: '', rowSpan: covered[r][c] ? 0 : 1 }),
  );
}

/** Marks the slots a head cell at (r, c) reaches, other than its own. */
function cover(covered: boolean[][], r: number, c: number, rowSpan: number, columnSpan: number): void {
  for (let i = r; i < Math.min(covered.length, r + rowSpan); i++) {
    for (let j = c; j < Math.min(covered[i].length, c + columnSpan); j++) {
      if (i !== r || j !== c) covered[i][j] = true;
    }
  }
}

function docsTableReader(table: DocsTable): TableReader {
  const grid = docsTableGrid(table);
  return {
    rows: grid.length,
    cells: (r) => grid[r].length,
    text: (r, c) => grid[r][c].text,
    rowSpan: (r, c) => grid[r][c].rowSpan,
  };
}
