/**
 * Step 6, report: every row not fully understood, and every cell changed or left out, named by row. Rows left
 * out together (a title block, the key after a plan) make one line that keeps their text exactly, so nothing is
 * lost even when it is in no action.
 */
import { CELL_LIMIT } from './limits';
import type { CellText } from './text';
import { excerpt, isBlankCell } from './text';
import type { ReportLine } from './types';

/** The text of a row as a paste holds it: cells by tabs, blank ones at the end dropped. */
export function rowText(cells: readonly CellText[]): string {
  let end = cells.length;
  while (end > 0 && isBlankCell(cells[end - 1])) end--;
  return cells
    .slice(0, end)
    .map((c) => c.original || c.text)
    .join('\t');
}

interface Block {
  first: number;
  last: number;
  problem: string;
  kept: string;
  texts: string[];
}

export class Report {
  private readonly lines: ReportLine[] = [];
  private block: Block | undefined;

  add(line: ReportLine): void {
    this.lines.push(line);
  }

  /**
   * Cells of one row that the import converted (markup, list bullets): one line naming their columns and
   * keeping what was written.
   */
  conversions(row: number, cells: readonly CellText[], headers: readonly string[] = []): void {
    const converted = cells.map((c, i) => ({ c, i })).filter(({ c }) => c.original !== '');
    if (converted.length === 0) return;
    const markup = converted.some(({ c }) => /<[a-z]/i.test(c.original));
    this.add({
      row,
      column: converted.map(({ i }) => headers[i] || `Column ${i + 1}`).join(', '),
      problem: markup
        ? 'HTML markup converted to lines of text'
        : 'list bullets at the start of lines removed',
      kept: 'the text, converted; what was written is in this line (cells by tabs)',
      text: converted.map(({ c }) => c.original).join('\t'),
    });
  }

  /** A row left out of the plan; consecutive rows left out for the same reason make one line. */
  leftOut(row: number, cells: readonly CellText[], problem: string, kept: string): void {
    const text = rowText(cells);
    const size = this.block ? this.block.texts.reduce((n, t) => n + t.length + 1, 0) : 0;
    // A line's text must fit one cell of the Import report: a long block is cut into several lines.
    const fits = size + text.length <= CELL_LIMIT;
    if (this.block && this.block.problem === problem && this.block.last === row - 1 && fits) {
      this.block.last = row;
      this.block.texts.push(text);
      return;
    }
    this.close();
    this.block = { first: row, last: row, problem, kept, texts: [text] };
  }

  /** A blank row does not break a block of rows left out together. */
  blank(row: number): void {
    if (this.block && this.block.last === row - 1) {
      this.block.last = row;
      this.block.texts.push('');
    }
  }

  close(): void {
    const b = this.block;
    if (!b) return;
    this.block = undefined;
    while (b.texts.length > 0 && b.texts[b.texts.length - 1] === '') {
      b.texts.pop();
      b.last--;
    }
    const rows = b.last > b.first ? `Rows ${b.first}–${b.last}` : `Row ${b.first}`;
    const line: ReportLine = {
      row: b.first,
      problem: `${rows} (“${excerpt(b.texts.join(' '))}”): ${b.problem}`,
      kept: b.kept,
      text: b.texts.join('\n'),
    };
    this.lines.push(b.last > b.first ? { ...line, lastRow: b.last } : line);
  }

  /** Every line, in row order (lines of one row in the order they were made). */
  sorted(): ReportLine[] {
    this.close();
    return this.lines
      .map((line, order) => ({ line, order }))
      .sort((a, b) => a.line.row - b.line.row || a.order - b.order)
      .map((x) => x.line);
  }
}
