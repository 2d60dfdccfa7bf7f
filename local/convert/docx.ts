/**
 * Reads a Word file (.docx) into what Google Docs holds once Drive has converted it into a Google Doc: the body's
 * paragraphs, list items, page breaks and tables in document order, each table a rectangular grid of cells with
 * their row and column spans. The local Drive uses it for a Word upload and the local DocumentApp answers from it.
 *
 * The Word file is read by mammoth (its document model, through the `transformDocument` hook): it resolves
 * w:vMerge into row spans, w:gridSpan into column spans, list numbering (also through paragraph styles), style
 * names, tracked changes and content controls, so none of that WordprocessingML is parsed here.
 *
 * Merged cells, as Google models them (checked against the references below):
 * - Apps Script TableCell.getRowSpan() / getColSpan(): "Non-merged cells have a row span of 1", and the return is
 *   "the row span or 0 for a cell which is merged over by another cell" (likewise the column span).
 *   https://developers.google.com/apps-script/reference/document/table-cell#getRowSpan()
 *   https://developers.google.com/apps-script/reference/document/table-cell#getColSpan()
 *   (wording as scraped from that reference into brucemcpherson/gas-fakes, doccreation/gi.json)
 *   So a merge keeps every cell of the grid: the head cell (upper left) carries the spans, and each cell it covers
 *   is still a TableCell of its row (TableRow.getCell(c) is the cell of grid column c) answering 0 and 0. Word
 *   writes one w:tc for a horizontal span, and mammoth drops the w:vMerge continuation cells of a vertical one,
 *   so the covered cells are put back here.
 * - Docs API TableCellStyle.rowSpan / columnSpan: "The row span of the cell. This property is read-only."
 *   https://developers.google.com/docs/api/reference/rest/v1/documents#TableCellStyle
 *   MergeTableCellsRequest: "Any text in the cells being merged will be concatenated and stored in the 'head'
 *   cell of the range", the upper-left one for left-to-right text; UnmergeTableCells leaves the text in the head.
 *   https://developers.google.com/docs/api/reference/rest/v1/documents/request#MergeTableCellsRequest
 *   So a covered cell holds no text of its own. The references do not say what its content is; Docs gives every
 *   cell at least one paragraph, so a covered cell here holds one empty paragraph (getText() is "").
 * - TableRow.tableCells: "It's possible for a table to be non-rectangular, so some rows may have a different
 *   number of cells than other rows" (https://developers.google.com/docs/api/reference/rest/v1/documents#TableRow):
 *   a Word row with fewer cells than the grid keeps fewer cells.
 *
 * Text is what Apps Script's getText() returns: a tab stays "\t", and a line break inside a paragraph (Word's
 * w:br, Shift+Enter) is "\r". The references say nothing of it; Apps Script add-ons find soft breaks as "\r"
 * (https://github.com/evbacher/gd2md-html/issues/18) while the Docs API writes "\u000b"
 * (https://github.com/cedricdelpoux/gatsby-source-google-docs/issues/131).
 *
 * Page breaks: "Page breaks cannot be inserted inside a table" and a page break is "followed by a newline"
 * (https://developers.google.com/docs/api/reference/rest/v1/documents/request#InsertPageBreakRequest): in the
 * body a Word page break ends the text before it and the text after it starts a new paragraph; in a table cell
 * it is dropped. A PAGE_BREAK block stands for the paragraph that holds only the break (the local Workspace
 * models a page break the same way); Docs would keep text written before a break in the same Word paragraph
 * in the paragraph holding the break, here it is a paragraph of its own.
 *
 * List items: mammoth reads whether a Word list level is ordered, not its number format or bullet character, so
 * the glyph type is BULLET for a bulleted level and NUMBER for a numbered one; Docs would also tell hollow and
 * square bullets and letter or roman numbering apart.
 */
import mammoth from 'mammoth';

/** Apps Script's ParagraphHeading names. */
export type ConvertedHeading =
  | 'NORMAL'
  | 'HEADING1'
  | 'HEADING2'
  | 'HEADING3'
  | 'HEADING4'
  | 'HEADING5'
  | 'HEADING6'
  | 'TITLE'
  | 'SUBTITLE';

export interface ConvertedParagraph {
  type: 'PARAGRAPH';
  text: string;
  heading: ConvertedHeading;
}

export interface ConvertedListItem {
  type: 'LIST_ITEM';
  text: string;
  heading: ConvertedHeading;
  /** ListItem.getNestingLevel(): 0 for the outermost level. */
  nestingLevel: number;
  /** ListItem.getGlyphType() as far as the Word file tells it (see above). */
  glyphType: 'BULLET' | 'NUMBER';
}

/** A paragraph that holds only a page break (Apps Script: a Paragraph whose one child is a PageBreak). */
export interface ConvertedPageBreak {
  type: 'PAGE_BREAK';
}

export interface ConvertedCell {
  /** TableCell.getRowSpan(): 1 for a plain cell, the rows merged for a head cell, 0 for a covered cell. */
  rowSpan: number;
  /** TableCell.getColSpan(): likewise for columns. */
  colSpan: number;
  /** For a covered cell, the position of the head cell that covers it. */
  mergedInto?: { row: number; column: number };
  /** Never empty: a cell holds at least one paragraph. */
  children: ConvertedCellBlock[];
}

export interface ConvertedTable {
  type: 'TABLE';
  /** rows[r][c] is TableRow r's cell c, which is grid column c: covered cells included. */
  rows: ConvertedCell[][];
}

export type ConvertedCellBlock = ConvertedParagraph | ConvertedListItem | ConvertedTable;
export type ConvertedBlock = ConvertedCellBlock | ConvertedPageBreak;

export interface ConvertedDocument {
  body: ConvertedBlock[];
  /** What mammoth could not read as written (for example an unexpected element inside a table row). */
  warnings: string[];
}

// ---------------------------------------------------------------------------------------------------------
// The part of mammoth's document model read here (mammoth/lib/documents.js); its typings leave it untyped.

interface MammothText {
  type: 'text';
  value: string;
}
interface MammothBreak {
  type: 'break';
  breakType: 'line' | 'page' | 'column';
}
interface MammothContainer {
  type: 'run' | 'hyperlink';
  children: MammothInline[];
}
type MammothInline = MammothText | MammothBreak | MammothContainer | { type: 'tab' } | { type: 'other' };

interface MammothParagraph {
  type: 'paragraph';
  children: MammothInline[];
  styleId: string | null;
  styleName: string | null;
  /** paragraphStyleId: set when the level is tied to a paragraph style (w:lvl/w:pStyle). */
  numbering: { level: string; isOrdered: boolean; paragraphStyleId?: string } | null;
}
interface MammothCell {
  type: 'tableCell';
  children: MammothBlock[];
  colSpan: number;
  rowSpan: number;
}
interface MammothTable {
  type: 'table';
  children: { type: 'tableRow'; children: MammothCell[] }[];
}
type MammothBlock = MammothParagraph | MammothTable | { type: 'other' };

// ---------------------------------------------------------------------------------------------------------

/** Reads a .docx into the blocks a Google Doc converted from it holds. */
export async function convertDocx(docx: Buffer): Promise<ConvertedDocument> {
  let blocks: MammothBlock[] = [];
  const result = await mammoth.convertToHtml(
    { buffer: docx },
    {
      transformDocument: (document: { children: MammothBlock[] }) => {
        blocks = document.children;
        return document;
      },
      // Images carry no text; not reading them keeps a large plan quick.
      convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
    },
  );
  const body = blocks.flatMap(readBodyBlock);
  // Word ends its body with a paragraph, and so does a Google Doc: never with a table.
  if (body.length === 0 || body[body.length - 1].type === 'TABLE') body.push(emptyParagraph());
  return { body, warnings: result.messages.map((message) => message.message).filter(readingWarning) };
}

/** mammoth also writes HTML, unused here: its warnings about styles the HTML has no mapping for are not ours. */
function readingWarning(message: string): boolean {
  return !/^Unrecognised \w+ style/.test(message);
}

function readBodyBlock(block: MammothBlock): ConvertedBlock[] {
  return block.type === 'paragraph' ? splitAtPageBreaks(block) : readCellBlock(block);
}

/** In a table cell Docs allows no page break: the text either side stays one paragraph. */
function readCellBlock(block: MammothBlock): ConvertedCellBlock[] {
  if (block.type === 'paragraph') return [textBlock(block, textPieces(block.children).join(''))];
  if (block.type === 'table') return [readTable(block)];
  return [];
}

/** A body paragraph split at its page breaks into paragraphs and page breaks. */
function splitAtPageBreaks(paragraph: MammothParagraph): ConvertedBlock[] {
  const pieces = textPieces(paragraph.children);
  const blocks: ConvertedBlock[] = [];
  pieces.forEach((text, i) => {
    if (i > 0) blocks.push({ type: 'PAGE_BREAK' });
    if (text !== '' || pieces.length === 1) blocks.push(textBlock(paragraph, text));
  });
  return blocks;
}

/** The paragraph's text, cut at each page break: one piece more than there are breaks. */
function textPieces(inlines: MammothInline[]): string[] {
  const pieces = [''];
  const walk = (children: MammothInline[]): void => {
    for (const inline of children) {
      if (inline.type === 'text') pieces[pieces.length - 1] += inline.value;
      else if (inline.type === 'tab') pieces[pieces.length - 1] += '\t';
      else if (inline.type === 'break' && inline.breakType === 'line') pieces[pieces.length - 1] += '\r';
      else if (inline.type === 'break' && inline.breakType === 'page') pieces.push('');
      else if (inline.type === 'run' || inline.type === 'hyperlink') walk(inline.children);
    }
  };
  walk(inlines);
  return pieces;
}

function textBlock(paragraph: MammothParagraph, text: string): ConvertedParagraph | ConvertedListItem {
  const heading = headingOf(paragraph);
  if (!paragraph.numbering || outlineNumbered(paragraph, heading))
    return { type: 'PARAGRAPH', text, heading };
  return {
    type: 'LIST_ITEM',
    text,
    heading,
    nestingLevel: Number.parseInt(paragraph.numbering.level, 10) || 0,
    glyphType: paragraph.numbering.isOrdered ? 'NUMBER' : 'BULLET',
  };
}

/** Word's built-in heading styles become the Docs headings of the same level. */
function headingOf(paragraph: MammothParagraph): ConvertedHeading {
  const name = (paragraph.styleName ?? paragraph.styleId ?? '').trim().toLowerCase();
  const level = /^heading\s*([1-6])$/.exec(name);
  if (level) return `HEADING${level[1]}` as ConvertedHeading;
  if (name === 'title') return 'TITLE';
  if (name === 'subtitle') return 'SUBTITLE';
  return 'NORMAL';
}

/**
 * A heading numbered only through its style's outline numbering stays a heading. LibreOffice ties every heading
 * style to an outline level whose format is "none" (no number shown), and mammoth, which does not read the
 * format, would make each heading a numbered list item. A Word file that really numbers its headings is read
 * the same way: its headings come in as headings without their numbers.
 */
function outlineNumbered(paragraph: MammothParagraph, heading: ConvertedHeading): boolean {
  const styleId = paragraph.numbering?.paragraphStyleId;
  return heading !== 'NORMAL' && styleId !== undefined && styleId === paragraph.styleId;
}

function emptyParagraph(): ConvertedParagraph {
  return { type: 'PARAGRAPH', text: '', heading: 'NORMAL' };
}

function readCell(cell: MammothCell): ConvertedCell {
  const children = cell.children.flatMap(readCellBlock);
  if (children.length === 0) children.push(emptyParagraph());
  return { rowSpan: cell.rowSpan, colSpan: cell.colSpan, children };
}

function coveredCell(row: number, column: number): ConvertedCell {
  return { rowSpan: 0, colSpan: 0, mergedInto: { row, column }, children: [emptyParagraph()] };
}

/**
 * Lays mammoth's cells (head cells only) out on the table grid, putting back a covered cell wherever a head cell
 * spans: to its right in its own row, and below it in the rows it spans.
 */
function readTable(table: MammothTable): ConvertedTable {
  const covering = new Map<string, { row: number; column: number }>();
  const rows = table.children.map((row, r) => {
    const cells: ConvertedCell[] = [];
    let column = 0;
    const fillCovered = (): void => {
      for (let head = covering.get(`${r},${column}`); head; head = covering.get(`${r},${column}`)) {
        cells.push(coveredCell(head.row, head.column));
        column++;
      }
    };
    for (const cell of row.children) {
      fillCovered();
      cells.push(readCell(cell));
      for (let dr = 0; dr < cell.rowSpan; dr++) {
        for (let dc = 0; dc < cell.colSpan; dc++) {
          if (dr > 0 || dc > 0) covering.set(`${r + dr},${column + dc}`, { row: r, column });
        }
      }
      column++;
    }
    fillCovered();
    return cells;
  });
  return { type: 'TABLE', rows };
}
