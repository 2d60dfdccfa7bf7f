/**
 * How much of a Google Doc a paper fills. A Doc holds about 1.02 million characters (Google Drive Help, "Files
 * you can store in Google Drive": documents up to 1.02 million characters; past it, Docs refuses more text).
 * The estimate counts as the Docs API indexes a document (developers.google.com/docs/api/concepts/structure):
 * every character in UTF-16 code units, one more for the newline that ends each paragraph, one for each table,
 * row and cell start, one for a table's end, and the empty paragraph Docs keeps after an appended table. It
 * counts the blocks the renderer writes (paperBlocks), so it is what the Doc holds but for the opening section
 * break, the section break before the appendix and the paragraph a new Doc starts with.
 */
import type { AppendixRow, AppendixTable, PaperOutline } from './outline';
import { paperBlocks } from './paperBlocks';

export const DOCS_CHARACTER_LIMIT = 1_020_000;
/** Room kept for what the estimate leaves out (section breaks, a new Doc's first paragraph) and for safety. */
export const PAPER_CHARACTER_BUDGET = 1_000_000;

/** A paragraph, or a cell's text: its characters and one newline per line. */
export function textSize(text: string): number {
  let lines = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
  return text.length - (lines - 1) + lines;
}

/** One row: its start, and for each cell a start and its text. */
export function rowSize(cells: readonly string[]): number {
  let size = 1;
  for (const cell of cells) size += 1 + textSize(cell);
  return size;
}

/** A picture in its own paragraph: one index for the image and one for the newline. */
const IMAGE_SIZE = 2;

/** A table with no rows: its start and end, and the empty paragraph Docs keeps after it. */
const TABLE_FRAME = 3;

/** A table's caption, frame and header row: its size before any row. */
export function tableFrameSize(table: AppendixTable): number {
  return (table.caption === '' ? 0 : textSize(table.caption)) + TABLE_FRAME + rowSize(table.header);
}

/** A table with its caption (or its "None." line when empty). */
export function tableSize(table: AppendixTable): number {
  if (table.rows.length === 0)
    return (table.caption === '' ? 0 : textSize(table.caption)) + textSize(table.empty);
  return tableFrameSize(table) + rowsSize(table.rows);
}

export function rowsSize(rows: readonly AppendixRow[]): number {
  let size = 0;
  for (const row of rows) size += rowSize(row.cells);
  return size;
}

/** The whole paper as the renderer writes it. */
export function outlineSize(outline: Omit<PaperOutline, 'size'>): number {
  let size = 0;
  for (const block of paperBlocks(outline)) {
    if (block.kind === 'line') size += textSize(block.text);
    else if (block.kind === 'image') size += IMAGE_SIZE;
    else size += TABLE_FRAME + rowSize(block.table.header) + rowsSize(block.table.rows);
  }
  return size;
}
