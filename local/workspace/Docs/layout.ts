/**
 * Where every part of a document sits in the Docs API's index space, counted from the node tree DocumentApp
 * edits. The rules, from the Docs API guides and real documents.get output:
 * - Indexes count UTF-16 code units; each element's endIndex is exclusive and equals the next one's startIndex
 *   (developers.google.com/workspace/docs/api/concepts/structure, "Start and end indexes").
 * - The body opens with a section break at index 0 to 1, the only element without a startIndex; a section break
 *   the API inserts takes one index (InsertSectionBreakRequest: "inserts a newline and a section break").
 * - A paragraph is its text and the newline that ends it; a page break or horizontal rule in it takes one index.
 *   A "\n" inside a DocumentApp paragraph's text is a paragraph break in Docs, so it splits the paragraph there
 *   without changing any index.
 * - A table takes one index for its start, each row one for its start, each cell one for its start, then the
 *   cell's paragraphs (a real 7×3 table: table 591, row 592, cell 593, its paragraph 594; the next cell starts
 *   where the last one's paragraph ends). The next row starts where the last row ends.
 * - A table also takes one index after its last row: Docs' own model closes a table with an end marker (its
 *   model text runs "\u0010\u0012\u001c…\n\u0011", table start, row, cell, then table end). No published
 *   documents.get shows the last row's end beside the table's, so this is the stricter reading; the renderer
 *   reads indexes back from documents.get and does not depend on it.
 */
import type { BlockNode, BodyNode, ParagraphNode, TableCellNode, TableNode } from '../DocumentApp/nodes';
import { firstSectionStyle, sectionBreaks } from '../DocumentApp/sections';
import type { SectionBreakNode, SectionStyleNode } from '../DocumentApp/sections';

export interface ParagraphSpan {
  readonly kind: 'paragraph';
  readonly node: ParagraphNode;
  readonly start: number;
  readonly end: number;
  /** The blocks the paragraph is one of: the body's children or a cell's. */
  readonly container: BlockNode[];
  readonly inTable: boolean;
}

export interface CellSpan {
  readonly node: TableCellNode;
  readonly start: number;
  readonly end: number;
  readonly content: BlockSpan[];
}

export interface RowSpan {
  readonly start: number;
  readonly end: number;
  readonly cells: CellSpan[];
}

export interface TableSpan {
  readonly kind: 'table';
  readonly node: TableNode;
  readonly start: number;
  readonly end: number;
  readonly rows: RowSpan[];
  /** The widest row's cell count: the table's columns. */
  readonly columns: number;
}

export interface SectionBreakSpan {
  readonly kind: 'sectionBreak';
  readonly start: number;
  readonly end: number;
  readonly style: SectionStyleNode;
  /** The API-inserted break; null for the first section's, which the body always has. */
  readonly sectionBreak: SectionBreakNode | null;
}

export type BlockSpan = ParagraphSpan | TableSpan;

export interface SectionSpan {
  readonly start: number;
  readonly end: number;
  readonly style: SectionStyleNode;
  readonly sectionBreak: SectionBreakNode | null;
}

export interface Layout {
  /** The body's structural elements in order, its first section break included. */
  readonly content: (BlockSpan | SectionBreakSpan)[];
  /** Every paragraph, those in tables too, in document order. */
  readonly paragraphs: ParagraphSpan[];
  /** Every table by its start index. */
  readonly tables: Map<number, TableSpan>;
  readonly sections: SectionSpan[];
  /** The body's end index: one past its last newline. */
  readonly end: number;
}

/** A paragraph's length: its text, a page break or rule, and its newline. */
export function paragraphLength(node: ParagraphNode): number {
  return node.text.length + (node.inline ? 1 : 0) + 1;
}

class Walker {
  readonly paragraphs: ParagraphSpan[] = [];
  readonly tables = new Map<number, TableSpan>();
  at = 0;

  blocks(blocks: BlockNode[], inTable: boolean): BlockSpan[] {
    return blocks.map((block) => this.block(block, blocks, inTable));
  }

  block(block: BlockNode, container: BlockNode[], inTable: boolean): BlockSpan {
    if (block.kind !== 'TABLE') {
      const start = this.at;
      this.at += paragraphLength(block);
      const span: ParagraphSpan = { kind: 'paragraph', node: block, start, end: this.at, container, inTable };
      this.paragraphs.push(span);
      return span;
    }
    const start = this.at++;
    const rows = block.rows.map((row): RowSpan => {
      const rowStart = this.at++;
      const cells = row.cells.map((cell): CellSpan => {
        const cellStart = this.at++;
        const content = this.blocks(cell.children, true);
        return { node: cell, start: cellStart, end: this.at, content };
      });
      return { start: rowStart, end: this.at, cells };
    });
    this.at++;
    const columns = Math.max(0, ...block.rows.map((r) => r.cells.length));
    const span: TableSpan = { kind: 'table', node: block, start, end: this.at, rows, columns };
    this.tables.set(start, span);
    return span;
  }
}

/** The body's layout in index space. */
export function layoutOf(body: BodyNode): Layout {
  const walker = new Walker();
  const first: SectionBreakSpan = {
    kind: 'sectionBreak',
    start: 0,
    end: 1,
    style: body.firstSection ?? firstSectionStyle(),
    sectionBreak: null,
  };
  walker.at = 1;
  const content: (BlockSpan | SectionBreakSpan)[] = [first];
  const breaks = new Map(sectionBreaks(body).map((b) => [b.startsAt, b]));
  const starts: SectionBreakSpan[] = [first];
  for (const block of body.children) {
    const sectionBreak = breaks.get(block);
    if (sectionBreak) {
      const span: SectionBreakSpan = {
        kind: 'sectionBreak',
        start: walker.at,
        end: walker.at + 1,
        style: sectionBreak.style,
        sectionBreak,
      };
      walker.at++;
      content.push(span);
      starts.push(span);
    }
    content.push(walker.block(block, body.children, false));
  }
  const end = walker.at;
  const sections = starts.map((s, i): SectionSpan => ({
    start: s.start,
    end: starts[i + 1]?.start ?? end,
    style: s.style,
    sectionBreak: s.sectionBreak,
  }));
  return { content, paragraphs: walker.paragraphs, tables: walker.tables, sections, end };
}

/** The body's length in index units: what the character limit is measured against. */
export function bodyLength(body: BodyNode): number {
  let length = 1 + sectionBreaks(body).length;
  const add = (blocks: BlockNode[]): void => {
    for (const block of blocks) {
      if (block.kind !== 'TABLE') {
        length += paragraphLength(block);
        continue;
      }
      length += 2;
      for (const row of block.rows) {
        length += 1;
        for (const cell of row.cells) {
          length += 1;
          add(cell.children);
        }
      }
    }
  };
  add(body.children);
  return length;
}

/** The paragraph holding `index` (binary search over the paragraphs in order), or null. */
export function paragraphAt(layout: Layout, index: number): ParagraphSpan | null {
  const list = layout.paragraphs;
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const p = list[mid];
    if (index < p.start) hi = mid - 1;
    else if (index >= p.end) lo = mid + 1;
    else return p;
  }
  return null;
}

/** The first paragraph ending after `index`: where a range starting there begins to touch text. */
export function firstParagraphFrom(layout: Layout, index: number): number {
  const list = layout.paragraphs;
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].end <= index) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
