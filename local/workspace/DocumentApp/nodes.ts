/** The node tree of a document: plain data that the elements edit and the exporter and the tests read. */
import type { Glyph, HAlign, Heading, VAlign } from './enums';
import type { SectionBreakNode, SectionStyleNode } from './sections';

export interface CharStyle {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  strikethrough?: boolean;
  fontSize?: number;
  fontFamily?: string;
  foregroundColor?: string;
  backgroundColor?: string;
  linkUrl?: string;
}
export type StyleKey = keyof CharStyle;

export const TEXT_ATTRIBUTES: Record<string, StyleKey> = {
  BOLD: 'bold',
  ITALIC: 'italic',
  UNDERLINE: 'underline',
  STRIKETHROUGH: 'strikethrough',
  FONT_SIZE: 'fontSize',
  FONT_FAMILY: 'fontFamily',
  FOREGROUND_COLOR: 'foregroundColor',
  BACKGROUND_COLOR: 'backgroundColor',
  LINK_URL: 'linkUrl',
};

export interface ParagraphNode {
  kind: 'PARAGRAPH' | 'LIST_ITEM';
  text: string;
  /** Per-character overrides of `style`; always as long as `text`. */
  runs: CharStyle[];
  /** Formatting set on the whole element. */
  style: CharStyle;
  heading: Heading;
  alignment: HAlign | null;
  spacingBefore: number | null;
  spacingAfter: number | null;
  indentStart: number | null;
  indentEnd: number | null;
  indentFirstLine: number | null;
  lineSpacing: number | null;
  nesting: number;
  glyph: Glyph;
  listId: string | null;
  /** Docs keeps a page break or horizontal rule inside a paragraph. */
  inline: InlineKind | null;
  /** Inline images, in order; absent when the paragraph has none. */
  images?: ImageNode[];
}

/** A picture inside a paragraph (InlineImage): the bytes Docs stores and the size it is shown at. */
export interface ImageNode {
  /** Characters of the paragraph's text before the image; the text around it reads as if it were not there. */
  offset: number;
  bytes: Uint8Array;
  contentType: 'image/png' | 'image/jpeg' | 'image/gif';
  name: string | null;
  /** Pixels as shown, 96 to the inch. */
  width: number;
  height: number;
  altTitle: string | null;
  altDescription: string | null;
  linkUrl: string | null;
}

export type InlineKind = 'PAGE_BREAK' | 'HORIZONTAL_RULE';

export interface TableCellNode {
  kind: 'TABLE_CELL';
  children: BlockNode[];
  /** Rows and columns a merged head cell spans; 1 for a plain cell, 0 for a cell merged over (table-cell.ts). */
  rowSpan: number;
  colSpan: number;
  background: string | null;
  width: number | null;
  verticalAlignment: VAlign | null;
  padding: { top: number | null; bottom: number | null; left: number | null; right: number | null };
}

export interface TableRowNode {
  kind: 'TABLE_ROW';
  cells: TableCellNode[];
  minimumHeight: number | null;
}

export interface TableNode {
  kind: 'TABLE';
  rows: TableRowNode[];
  borderWidth: number | null;
  borderColor: string | null;
  columnWidths: (number | null)[];
  /** Header rows the Docs API pinned (PinTableHeaderRowsRequest): they repeat on every page. */
  pinnedHeaderRows?: number;
}

export type BlockNode = ParagraphNode | TableNode;

export interface BodyNode {
  kind: 'BODY';
  children: BlockNode[];
  pageWidth: number;
  pageHeight: number;
  marginTop: number;
  marginBottom: number;
  marginLeft: number;
  marginRight: number;
  /** The first section's style (sections.ts); absent until the Docs API sets one. */
  firstSection?: SectionStyleNode;
  /** Section breaks the Docs API inserted (sections.ts); DocumentApp makes none. */
  sectionBreaks?: SectionBreakNode[];
}

export type AnyNode = BodyNode | BlockNode | TableRowNode | TableCellNode;
export type ContainerNode = BodyNode | TableCellNode;

export function paragraphNode(kind: ParagraphNode['kind'], text: string): ParagraphNode {
  return {
    kind,
    text,
    runs: Array.from(text, () => ({})),
    style: {},
    heading: 'NORMAL',
    alignment: null,
    spacingBefore: null,
    spacingAfter: null,
    indentStart: null,
    indentEnd: null,
    indentFirstLine: null,
    lineSpacing: null,
    nesting: 0,
    glyph: 'BULLET',
    listId: null,
    inline: null,
  };
}

export function cellNode(text: string): TableCellNode {
  return {
    kind: 'TABLE_CELL',
    children: [paragraphNode('PARAGRAPH', text)],
    rowSpan: 1,
    colSpan: 1,
    background: null,
    width: null,
    verticalAlignment: null,
    padding: { top: null, bottom: null, left: null, right: null },
  };
}

export function tableNode(cells: string[][]): TableNode {
  return {
    kind: 'TABLE',
    rows: cells.map((row) => ({ kind: 'TABLE_ROW', cells: row.map(cellNode), minimumHeight: null })),
    borderWidth: null,
    borderColor: null,
    columnWidths: [],
  };
}

export function childNodes(node: AnyNode): AnyNode[] {
  switch (node.kind) {
    case 'BODY':
    case 'TABLE_CELL':
      return node.children;
    case 'TABLE':
      return node.rows;
    case 'TABLE_ROW':
      return node.cells;
    default:
      return [];
  }
}

export function parentOf(root: AnyNode, target: AnyNode): AnyNode | null {
  for (const child of childNodes(root)) {
    if (child === target) return root;
    const found = parentOf(child, target);
    if (found) return found;
  }
  return null;
}

/** Paragraphs and list items under a node, in document order. */
export function leaves(node: AnyNode): ParagraphNode[] {
  if (node.kind === 'PARAGRAPH' || node.kind === 'LIST_ITEM') return [node];
  return childNodes(node).flatMap(leaves);
}

/** Characters a document counts: each paragraph's text and its end-of-paragraph mark, in tables too. */
export function characterCount(node: AnyNode): number {
  if (node.kind === 'PARAGRAPH' || node.kind === 'LIST_ITEM') return node.text.length + 1;
  let sum = 0;
  for (const child of childNodes(node)) sum += characterCount(child);
  return sum;
}

export function tables(node: AnyNode): TableNode[] {
  const own = node.kind === 'TABLE' ? [node] : [];
  return own.concat(childNodes(node).flatMap(tables));
}

/** Docs joins the text of the paragraphs in a container with newlines. */
export function textOf(node: AnyNode): string {
  return leaves(node)
    .map((p) => p.text)
    .join('\n');
}

export function clone<T>(value: T): T {
  return structuredClone(value);
}

export function effective(node: ParagraphNode, i: number): CharStyle {
  return { ...node.style, ...node.runs[i] };
}

export function setElementStyle(node: ParagraphNode, key: StyleKey, value: unknown): void {
  if (value === null || value === undefined) delete node.style[key];
  else (node.style as Record<string, unknown>)[key] = value;
  node.runs = node.runs.map((run) => {
    const copy = { ...run };
    delete copy[key];
    return copy;
  });
}

export function setRunStyle(
  node: ParagraphNode,
  from: number,
  to: number,
  key: StyleKey,
  value: unknown,
): void {
  for (let i = from; i <= to; i++) {
    const run = { ...node.runs[i] } as Record<string, unknown>;
    if (value === null || value === undefined) delete run[key];
    else run[key] = value;
    node.runs[i] = run as CharStyle;
  }
}

/** New text takes the formatting of the character before it, as typing in Docs does. */
export function insertChars(node: ParagraphNode, at: number, text: string): void {
  const template = node.runs[at - 1] ?? node.runs[at] ?? {};
  node.text = node.text.slice(0, at) + text + node.text.slice(at);
  node.runs.splice(at, 0, ...Array.from(text, () => ({ ...template })));
  moveImages(node, (offset) => (offset > at ? offset + text.length : offset));
}

export function deleteChars(node: ParagraphNode, from: number, to: number): void {
  node.text = node.text.slice(0, from) + node.text.slice(to + 1);
  node.runs.splice(from, to - from + 1);
  moveImages(node, (offset) => (offset > to ? offset - (to - from + 1) : Math.min(offset, from)));
}

/** Images keep their place in the text as characters before them come and go. */
export function moveImages(node: ParagraphNode, move: (offset: number) => number): void {
  for (const image of node.images ?? []) image.offset = move(image.offset);
}

/** Setting or clearing a paragraph's whole text replaces its images too, as Paragraph.setText and clear do. */
export function dropImages(node: ParagraphNode): void {
  delete node.images;
}

export function replaceInParagraph(node: ParagraphNode, pattern: RegExp, replacement: string): void {
  let text = '';
  let runs: CharStyle[] = [];
  let last = 0;
  const moves: { at: number; end: number; delta: number }[] = [];
  for (const match of node.text.matchAll(pattern)) {
    const at = match.index ?? 0;
    moves.push({ at, end: at + match[0].length, delta: replacement.length - match[0].length });
    text += node.text.slice(last, at) + replacement;
    const style = node.runs[at] ?? node.runs[at - 1] ?? {};
    runs = runs.concat(
      node.runs.slice(last, at),
      Array.from(replacement, () => ({ ...style })),
    );
    last = at + match[0].length;
    if (match[0].length === 0) break;
  }
  node.text = text + node.text.slice(last);
  node.runs = runs.concat(node.runs.slice(last));
  // An image inside replaced text moves to where the replacement starts.
  moveImages(node, (offset) =>
    moves.reduce(
      (moved, m) => (offset >= m.end ? moved + m.delta : offset > m.at ? moved - (offset - m.at) : moved),
      offset,
    ),
  );
}
