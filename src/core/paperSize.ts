/**
 * How much of a Google Doc a paper fills. A Doc holds about 1.02 million characters (Google Drive Help, "Files
 * you can store in Google Drive": documents up to 1.02 million characters; past it, Docs refuses more text).
 * The estimate counts as the Docs API indexes a document (developers.google.com/docs/api/concepts/structure):
 * every character in UTF-16 code units, one more for the newline that ends each paragraph, and one for each
 * table, row and cell start. That is at least what Docs counts, so a paper under the budget fits.
 */
import type { AppendixRow, AppendixTable, PaperOutline } from './outline';

export const DOCS_CHARACTER_LIMIT = 1_020_000;
/** Room kept for what the renderer adds (the section break, empty paragraphs Docs keeps after tables). */
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

/** A table's caption, start and header row: its size before any row. */
export function tableFrameSize(table: AppendixTable): number {
  return (table.caption === '' ? 0 : textSize(table.caption)) + 2 + rowSize(table.header);
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
  const { front, contact, appendix } = outline;
  let size = 0;
  const add = (text: string): void => {
    if (text !== '') size += textSize(text);
  };
  [front.agendaItem, front.committee, front.heading, `Report of: ${front.reportOf}`, `Date: ${front.date}`]
    .concat([front.openOrExempt, front.title])
    .forEach(add);
  for (const section of outline.sections) {
    add(`${section.number}. ${section.heading}`);
    for (const p of section.paragraphs) add(`${p.number}\t${p.label === '' ? '' : `${p.label}: `}${p.text}`);
  }
  ['Officer Contact Details', contact.name, contact.title, contact.phone, contact.email].forEach(add);
  [`${appendix.label}: ${appendix.title}`, appendix.asAt, ...appendix.notes].forEach(add);
  for (const table of [...appendix.tables, appendix.keyTable]) size += tableSize(table);
  add('Glossary');
  for (const g of appendix.glossary) add(`${g.abbreviation} – ${g.meaning}`);
  return size;
}
