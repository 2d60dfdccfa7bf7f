/** A readable tree of a document for tests and the .docx exporter. */
import type { Glyph, HAlign, Heading, VAlign } from './enums';
import { BlockNode, CharStyle, effective, leaves, ParagraphNode, StyleKey, textOf } from './nodes';
import { firstSectionStyle, sectionBreaks, sectionPage, type SectionType } from './sections';
import type { FakeDocument } from './stored-document';

export interface DocRun extends CharStyle {
  text: string;
}

/** A picture in a paragraph, for the exporters: its bytes and the size Docs shows it at. */
export interface DocImage {
  /** Characters of the paragraph's text before the image. */
  offset: number;
  contentType: 'image/png' | 'image/jpeg' | 'image/gif';
  data: Buffer;
  /** Pixels, 96 to the inch. */
  width: number;
  height: number;
  altTitle?: string;
  altDescription?: string;
}

interface DocTextBlock {
  text: string;
  /** True when every character is bold (likewise italic); mixed formatting shows in `runs`. */
  bold?: boolean;
  italic?: boolean;
  fontSize?: number;
  foregroundColor?: string;
  alignment?: HAlign;
  spacingBefore?: number;
  spacingAfter?: number;
  indentStart?: number;
  runs: DocRun[];
  /** Inline images, in order; absent when the paragraph has none. */
  images?: DocImage[];
}

export interface DocParagraph extends DocTextBlock {
  type: 'PARAGRAPH';
  heading: Heading;
}

export interface DocListItem extends DocTextBlock {
  type: 'LIST_ITEM';
  nesting: number;
  glyph: Glyph;
  listId: string;
}

export interface DocCell {
  text: string;
  background: string | null;
  /** True when all the cell's text is bold. */
  bold: boolean;
  italic: boolean;
  width?: number;
  verticalAlignment?: VAlign;
  children: DocBlock[];
}

export interface DocTable {
  type: 'TABLE';
  rows: DocCell[][];
  borderWidth: number;
  borderColor: string;
  columnWidths: (number | null)[];
  minimumHeights: (number | null)[];
  /** Rows pinned as the header by the Docs API; 0 when none. */
  pinnedHeaderRows: number;
}

export type DocBlock =
  DocParagraph | DocListItem | DocTable | { type: 'PAGE_BREAK' } | { type: 'HORIZONTAL_RULE' };

/** One section of the body: where it starts among `children`, and its page. */
export interface DocSection {
  /** Index in the body's `children` of the section's first block. */
  start: number;
  sectionType: SectionType;
  landscape: boolean;
  pageWidth: number;
  pageHeight: number;
  margins: { top: number; bottom: number; left: number; right: number };
}

export interface DocBody {
  type: 'BODY';
  name: string;
  /** The document's page (Body.setPageWidth, the Docs API's documentStyle); a section may turn it. */
  landscape: boolean;
  pageWidth: number;
  pageHeight: number;
  margins: { top: number; bottom: number; left: number; right: number };
  children: DocBlock[];
  /** The body's sections in order; the first starts at 0. */
  sections: DocSection[];
}

export type DocNode = DocBody | DocBlock;

function runsOf(node: ParagraphNode): DocRun[] {
  const runs: DocRun[] = [];
  let key = '';
  for (let i = 0; i < node.text.length; i++) {
    const style = effective(node, i);
    const next = JSON.stringify(style);
    if (runs.length && next === key) runs[runs.length - 1].text += node.text[i];
    else runs.push({ text: node.text[i], ...style });
    key = next;
  }
  return runs;
}

function allChars(node: ParagraphNode, key: 'bold' | 'italic'): boolean {
  if (node.text.length === 0) return node.style[key] === true;
  for (let i = 0; i < node.text.length; i++) if (effective(node, i)[key] !== true) return false;
  return true;
}

function uniform<K extends StyleKey>(node: ParagraphNode, key: K): CharStyle[K] | undefined {
  const values = new Set(Array.from(node.text, (_, i) => effective(node, i)[key]));
  if (node.text.length === 0) return node.style[key];
  return values.size === 1 ? [...values][0] : undefined;
}

function imagesOf(node: ParagraphNode): DocImage[] {
  return (node.images ?? []).map((image) => {
    const out: DocImage = {
      offset: Math.min(image.offset, node.text.length),
      contentType: image.contentType,
      data: Buffer.from(image.bytes),
      width: image.width,
      height: image.height,
    };
    if (image.altTitle !== null) out.altTitle = image.altTitle;
    if (image.altDescription !== null) out.altDescription = image.altDescription;
    return out;
  });
}

function treeOfParagraph(node: ParagraphNode): DocBlock[] {
  const out: DocBlock[] = [];
  if (node.text.length > 0 || node.inline === null || node.images?.length) {
    const block: DocTextBlock = { text: node.text, runs: runsOf(node) };
    if (node.images?.length) block.images = imagesOf(node);
    if (allChars(node, 'bold')) block.bold = true;
    if (allChars(node, 'italic')) block.italic = true;
    const size = uniform(node, 'fontSize');
    if (size !== undefined) block.fontSize = size;
    const colourValue = uniform(node, 'foregroundColor');
    if (colourValue !== undefined) block.foregroundColor = colourValue;
    if (node.alignment) block.alignment = node.alignment;
    if (node.spacingBefore !== null) block.spacingBefore = node.spacingBefore;
    if (node.spacingAfter !== null) block.spacingAfter = node.spacingAfter;
    if (node.indentStart !== null) block.indentStart = node.indentStart;
    out.push(
      node.kind === 'LIST_ITEM'
        ? { type: 'LIST_ITEM', ...block, nesting: node.nesting, glyph: node.glyph, listId: node.listId ?? '' }
        : { type: 'PARAGRAPH', heading: node.heading, ...block },
    );
  }
  if (node.inline) out.push({ type: node.inline });
  return out;
}

function treeOfBlocks(blocks: BlockNode[]): DocBlock[] {
  return blocks.flatMap((block): DocBlock[] => {
    if (block.kind !== 'TABLE') return treeOfParagraph(block);
    return [
      {
        type: 'TABLE',
        borderWidth: block.borderWidth ?? 1,
        borderColor: block.borderColor ?? '#000000',
        columnWidths: [...block.columnWidths],
        minimumHeights: block.rows.map((r) => r.minimumHeight),
        pinnedHeaderRows: block.pinnedHeaderRows ?? 0,
        rows: block.rows.map((row) =>
          row.cells.map((cell): DocCell => {
            const paragraphs = leaves(cell);
            const out: DocCell = {
              text: textOf(cell),
              background: cell.background,
              bold: paragraphs.length > 0 && paragraphs.every((p) => allChars(p, 'bold')),
              italic: paragraphs.length > 0 && paragraphs.every((p) => allChars(p, 'italic')),
              children: treeOfBlocks(cell.children),
            };
            if (cell.width !== null) out.width = cell.width;
            if (cell.verticalAlignment !== null) out.verticalAlignment = cell.verticalAlignment;
            return out;
          }),
        ),
      },
    ];
  });
}

/** The document as plain JSON: read a paper section by section and a table row by row. */
export function documentTree(doc: FakeDocument): DocBody {
  const body = doc.body;
  const starts = new Map(sectionBreaks(body).map((b) => [b.startsAt as BlockNode, b.style]));
  const children: DocBlock[] = [];
  const sections: DocSection[] = [
    { start: 0, ...docSection(body, body.firstSection ?? firstSectionStyle()) },
  ];
  for (const block of body.children) {
    const style = starts.get(block);
    if (style) sections.push({ start: children.length, ...docSection(body, style) });
    children.push(...treeOfBlocks([block]));
  }
  return {
    type: 'BODY',
    name: doc.name,
    landscape: body.pageWidth > body.pageHeight,
    pageWidth: body.pageWidth,
    pageHeight: body.pageHeight,
    margins: {
      top: body.marginTop,
      bottom: body.marginBottom,
      left: body.marginLeft,
      right: body.marginRight,
    },
    children,
    sections,
  };
}

function docSection(
  body: FakeDocument['body'],
  style: Parameters<typeof sectionPage>[1],
): Omit<DocSection, 'start'> {
  const page = sectionPage(body, style);
  return { sectionType: style.sectionType, landscape: page.pageWidth > page.pageHeight, ...page };
}
