/**
 * DocumentApp for the local Workspace: the subset the committee briefing paper needs (headings, numbered
 * paragraphs, lists, the progress appendix table with coloured status cells, page breaks, landscape pages).
 * Elements are thin handles over a plain node tree, as in Apps Script, where getChild returns a fresh object
 * each time. Anything not here throws "not implemented in the local Workspace".
 * Reference: https://developers.google.com/apps-script/reference/document
 */
import { NotImplementedError, Runtime, expose, unwrap } from './runtime';
import { LocalBlob } from './blob';
import { DOCUMENT_MIME, DriveFile, LocalDrive, PDF_MIME } from './drive';

// ---------------------------------------------------------------------------------------------------------
// Enums. Apps Script enums print as their names, so names serve as values here.

function enumOf<K extends string>(...names: K[]): Readonly<Record<K, K>> {
  return Object.freeze(Object.fromEntries(names.map((n) => [n, n])) as Record<K, K>);
}

export const ParagraphHeading = enumOf(
  'NORMAL',
  'HEADING1',
  'HEADING2',
  'HEADING3',
  'HEADING4',
  'HEADING5',
  'HEADING6',
  'TITLE',
  'SUBTITLE',
);
export type Heading = keyof typeof ParagraphHeading;
export const HorizontalAlignment = enumOf('LEFT', 'CENTER', 'RIGHT', 'JUSTIFY');
export type HAlign = keyof typeof HorizontalAlignment;
export const VerticalAlignment = enumOf('BOTTOM', 'CENTER', 'TOP');
export type VAlign = keyof typeof VerticalAlignment;
export const GlyphType = enumOf(
  'BULLET',
  'HOLLOW_BULLET',
  'SQUARE_BULLET',
  'NUMBER',
  'LATIN_UPPER',
  'LATIN_LOWER',
  'ROMAN_UPPER',
  'ROMAN_LOWER',
);
export type Glyph = keyof typeof GlyphType;
export const TextAlignment = enumOf('NORMAL', 'SUPERSCRIPT', 'SUBSCRIPT');
export const ElementType = enumOf(
  'BODY_SECTION',
  'COMMENT_SECTION',
  'DATE',
  'DOCUMENT',
  'EQUATION',
  'EQUATION_FUNCTION',
  'EQUATION_FUNCTION_ARGUMENT_SEPARATOR',
  'EQUATION_SYMBOL',
  'FOOTER_SECTION',
  'FOOTNOTE',
  'FOOTNOTE_SECTION',
  'HEADER_SECTION',
  'HORIZONTAL_RULE',
  'INLINE_DRAWING',
  'INLINE_IMAGE',
  'LIST_ITEM',
  'PAGE_BREAK',
  'PARAGRAPH',
  'PERSON',
  'RICH_LINK',
  'TABLE',
  'TABLE_CELL',
  'TABLE_OF_CONTENTS',
  'TABLE_ROW',
  'TEXT',
  'UNSUPPORTED',
);
export const Attribute = enumOf(
  'BACKGROUND_COLOR',
  'BOLD',
  'BORDER_COLOR',
  'BORDER_WIDTH',
  'CODE',
  'FONT_FAMILY',
  'FONT_SIZE',
  'FOREGROUND_COLOR',
  'HEADING',
  'HEIGHT',
  'HORIZONTAL_ALIGNMENT',
  'INDENT_END',
  'INDENT_FIRST_LINE',
  'INDENT_START',
  'ITALIC',
  'GLYPH_TYPE',
  'LEFT_TO_RIGHT',
  'LINE_SPACING',
  'LINK_URL',
  'LIST_ID',
  'MARGIN_BOTTOM',
  'MARGIN_LEFT',
  'MARGIN_RIGHT',
  'MARGIN_TOP',
  'NESTING_LEVEL',
  'MINIMUM_HEIGHT',
  'PADDING_BOTTOM',
  'PADDING_LEFT',
  'PADDING_RIGHT',
  'PADDING_TOP',
  'PAGE_HEIGHT',
  'PAGE_WIDTH',
  'SPACING_AFTER',
  'SPACING_BEFORE',
  'STRIKETHROUGH',
  'UNDERLINE',
  'VERTICAL_ALIGNMENT',
  'WIDTH',
);

/** A4 portrait in points, the page a UK Docs user gets by default. */
export const A4_WIDTH = 595.276;
export const A4_HEIGHT = 841.89;
const DEFAULT_MARGIN = 72;

// ---------------------------------------------------------------------------------------------------------
// The node tree: plain data that the exporter and the tests read.

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
type StyleKey = keyof CharStyle;

const TEXT_ATTRIBUTES: Record<string, StyleKey> = {
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
}

type InlineKind = 'PAGE_BREAK' | 'HORIZONTAL_RULE';

export interface TableCellNode {
  kind: 'TABLE_CELL';
  children: BlockNode[];
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
}

type AnyNode = BodyNode | BlockNode | TableRowNode | TableCellNode;
type ContainerNode = BodyNode | TableCellNode;

function paragraphNode(kind: ParagraphNode['kind'], text: string): ParagraphNode {
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

function cellNode(text: string): TableCellNode {
  return {
    kind: 'TABLE_CELL',
    children: [paragraphNode('PARAGRAPH', text)],
    background: null,
    width: null,
    verticalAlignment: null,
    padding: { top: null, bottom: null, left: null, right: null },
  };
}

function tableNode(cells: string[][]): TableNode {
  return {
    kind: 'TABLE',
    rows: cells.map((row) => ({ kind: 'TABLE_ROW', cells: row.map(cellNode), minimumHeight: null })),
    borderWidth: null,
    borderColor: null,
    columnWidths: [],
  };
}

function childNodes(node: AnyNode): AnyNode[] {
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

function parentOf(root: AnyNode, target: AnyNode): AnyNode | null {
  for (const child of childNodes(root)) {
    if (child === target) return root;
    const found = parentOf(child, target);
    if (found) return found;
  }
  return null;
}

/** Paragraphs and list items under a node, in document order. */
function leaves(node: AnyNode): ParagraphNode[] {
  if (node.kind === 'PARAGRAPH' || node.kind === 'LIST_ITEM') return [node];
  return childNodes(node).flatMap(leaves);
}

function tables(node: AnyNode): TableNode[] {
  const own = node.kind === 'TABLE' ? [node] : [];
  return own.concat(childNodes(node).flatMap(tables));
}

/** Docs joins the text of the paragraphs in a container with newlines. */
function textOf(node: AnyNode): string {
  return leaves(node)
    .map((p) => p.text)
    .join('\n');
}

function clone<T>(value: T): T {
  return structuredClone(value);
}

function effective(node: ParagraphNode, i: number): CharStyle {
  return { ...node.style, ...node.runs[i] };
}

function setElementStyle(node: ParagraphNode, key: StyleKey, value: unknown): void {
  if (value === null || value === undefined) delete node.style[key];
  else (node.style as Record<string, unknown>)[key] = value;
  node.runs = node.runs.map((run) => {
    const copy = { ...run };
    delete copy[key];
    return copy;
  });
}

function setRunStyle(node: ParagraphNode, from: number, to: number, key: StyleKey, value: unknown): void {
  for (let i = from; i <= to; i++) {
    const run = { ...node.runs[i] } as Record<string, unknown>;
    if (value === null || value === undefined) delete run[key];
    else run[key] = value;
    node.runs[i] = run as CharStyle;
  }
}

/** New text takes the formatting of the character before it, as typing in Docs does. */
function insertChars(node: ParagraphNode, at: number, text: string): void {
  const template = node.runs[at - 1] ?? node.runs[at] ?? {};
  node.text = node.text.slice(0, at) + text + node.text.slice(at);
  node.runs.splice(at, 0, ...Array.from(text, () => ({ ...template })));
}

function deleteChars(node: ParagraphNode, from: number, to: number): void {
  node.text = node.text.slice(0, from) + node.text.slice(to + 1);
  node.runs.splice(from, to - from + 1);
}

function replaceInParagraph(node: ParagraphNode, pattern: RegExp, replacement: string): void {
  let text = '';
  let runs: CharStyle[] = [];
  let last = 0;
  for (const match of node.text.matchAll(pattern)) {
    const at = match.index ?? 0;
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
}

// ---------------------------------------------------------------------------------------------------------
// Errors with Apps Script's wording.

function describeArg(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `${value.length ? describeArg(value[0]) : 'Object'}[]`;
  if (typeof value === 'string') return 'String';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'Boolean';
  if (Object.prototype.toString.call(value) === '[object Date]') return 'Date';
  return 'Object';
}

function signatureError(method: string, args: unknown[]): Error {
  return new Error(
    `The parameters (${args.map(describeArg).join(',')}) don't match the method signature for DocumentApp.${method}.`,
  );
}

function childIndexError(index: number, count: number, inclusive: boolean): Error {
  return new Error(
    `Child index (${index}) must be less than ${inclusive ? 'or equal to ' : ''}the number of child elements (${count}).`,
  );
}

/** A child index must be below the count, or may equal it (`inclusive`) where a child is inserted at the end. */
function checkChildIndex(index: number, count: number, inclusive: boolean): void {
  if (!Number.isInteger(index) || index < 0 || (inclusive ? index > count : index >= count)) {
    throw childIndexError(index, count, inclusive);
  }
}

function childAt<T>(children: T[], index: number): T {
  checkChildIndex(index, children.length, false);
  return children[index];
}

function checkEnum<K extends string>(values: Readonly<Record<K, K>>, value: unknown, method: string): K {
  if (typeof value !== 'string' || !(value in values)) throw signatureError(method, [value]);
  return value as K;
}

function checkText(value: unknown, method: string): string {
  if (value === null || value === undefined || typeof value === 'object')
    throw signatureError(method, [value]);
  return String(value);
}

function checkNumber(value: unknown, method: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw signatureError(method, [value]);
  return value;
}

function colour(value: unknown, method: string): string | null {
  if (value === null) return null;
  if (typeof value !== 'string') throw signatureError(method, [value]);
  return value.toLowerCase();
}

// ---------------------------------------------------------------------------------------------------------
// Documents, as files in the local Drive.

/** One Google Doc: its Drive file and its content. */
export class FakeDocument {
  readonly body: BodyNode = {
    kind: 'BODY',
    // A new document's body holds one empty paragraph.
    children: [paragraphNode('PARAGRAPH', '')],
    pageWidth: A4_WIDTH,
    pageHeight: A4_HEIGHT,
    marginTop: DEFAULT_MARGIN,
    marginBottom: DEFAULT_MARGIN,
    marginLeft: DEFAULT_MARGIN,
    marginRight: DEFAULT_MARGIN,
  };
  /** How many times a script called saveAndClose on it. */
  saveCount = 0;
  private listCounter = 0;

  constructor(
    readonly file: DriveFile,
    private readonly drive: LocalDrive,
  ) {}

  get id(): string {
    return this.file.id;
  }

  get name(): string {
    return this.file.name;
  }

  get url(): string {
    return `https://docs.google.com/document/d/${this.id}/edit`;
  }

  getId(): string {
    return this.file.id;
  }

  getName(): string {
    return this.file.name;
  }

  get landscape(): boolean {
    return this.body.pageWidth > this.body.pageHeight;
  }

  tree(): DocBody {
    return documentTree(this);
  }

  _rename(name: string): void {
    this.file.name = name;
    this.drive.touch(this.file);
  }

  _touch(): void {
    this.drive.touch(this.file);
  }

  _newListId(): string {
    this.listCounter++;
    return `kix.list${this.listCounter}`;
  }
}

/** One Document object handed to a script; saveAndClose closes this handle, not the file. */
class DocSession {
  closed = false;

  constructor(
    readonly runtime: Runtime,
    readonly doc: FakeDocument,
  ) {}

  /** Guards every change: a Document closed by saveAndClose refuses further edits. */
  edit(): void {
    // https://github.com/brucemcpherson/gas-fakes/issues/45 records the live message.
    if (this.closed) throw new Error('Document is closed, its contents cannot be updated.');
    this.doc._touch();
  }

  wrap(node: AnyNode): unknown {
    switch (node.kind) {
      case 'BODY':
        return expose(new BodyElement(this, node), 'Body', this.runtime);
      case 'PARAGRAPH':
        return expose(new ParagraphElement(this, node), 'Paragraph', this.runtime);
      case 'LIST_ITEM':
        return expose(new ListItemElement(this, node), 'ListItem', this.runtime);
      case 'TABLE':
        return expose(new TableElement(this, node), 'Table', this.runtime);
      case 'TABLE_ROW':
        return expose(new TableRowElement(this, node), 'TableRow', this.runtime);
      case 'TABLE_CELL':
        return expose(new TableCellElement(this, node), 'TableCell', this.runtime);
    }
  }

  text(source: TextSource): unknown {
    return expose(new TextElement(this, source), 'Text', this.runtime);
  }

  inline(paragraph: ParagraphNode, kind: InlineKind): unknown {
    return expose(
      new InlineElement(this, paragraph, kind),
      kind === 'PAGE_BREAK' ? 'PageBreak' : 'HorizontalRule',
      this.runtime,
    );
  }
}

// ---------------------------------------------------------------------------------------------------------
// Elements.

const ELEMENT_TYPES: Record<AnyNode['kind'], string> = {
  BODY: 'BODY_SECTION',
  PARAGRAPH: 'PARAGRAPH',
  LIST_ITEM: 'LIST_ITEM',
  TABLE: 'TABLE',
  TABLE_ROW: 'TABLE_ROW',
  TABLE_CELL: 'TABLE_CELL',
};

abstract class NodeElement<N extends AnyNode> {
  constructor(
    protected readonly s: DocSession,
    readonly _node: N,
  ) {}

  protected abstract readonly method: string;

  getType(): string {
    return ELEMENT_TYPES[this._node.kind];
  }

  getParent(): unknown {
    const parent = this.parentNode();
    return parent ? this.s.wrap(parent) : null;
  }

  getNextSibling(): unknown {
    return this.sibling(1);
  }

  getPreviousSibling(): unknown {
    return this.sibling(-1);
  }

  getText(): string {
    return textOf(this._node);
  }

  editAsText(): unknown {
    return this.s.text(
      this._node.kind === 'PARAGRAPH' || this._node.kind === 'LIST_ITEM'
        ? { node: this._node, start: 0, length: null }
        : { container: this._node },
    );
  }

  isAtDocumentEnd(): boolean {
    const all = leaves(this.s.doc.body);
    const mine = leaves(this._node);
    return mine.length > 0 && mine[mine.length - 1] === all[all.length - 1];
  }

  /** A detached deep copy, ready to be appended elsewhere. */
  copy(): unknown {
    return this.s.wrap(clone(this._node));
  }

  removeFromParent(): unknown {
    this.s.edit();
    const parent = this.parentNode();
    if (!parent) return this;
    const siblings = childNodes(parent);
    const index = siblings.indexOf(this._node);
    if (
      (parent.kind === 'BODY' || parent.kind === 'TABLE_CELL') &&
      index === siblings.length - 1 &&
      this._node.kind !== 'TABLE'
    ) {
      throw new Error("Can't remove the last paragraph in a document section.");
    }
    siblings.splice(index, 1);
    return this;
  }

  asParagraph(): unknown {
    return this.cast('PARAGRAPH');
  }

  asListItem(): unknown {
    return this.cast('LIST_ITEM');
  }

  asTable(): unknown {
    return this.cast('TABLE');
  }

  asTableRow(): unknown {
    return this.cast('TABLE_ROW');
  }

  asTableCell(): unknown {
    return this.cast('TABLE_CELL');
  }

  asBody(): unknown {
    return this.cast('BODY');
  }

  replaceText(searchPattern: string, replacement: string): this {
    this.s.edit();
    const pattern = new RegExp(checkText(searchPattern, `${this.method}.replaceText`), 'g');
    const text = checkText(replacement, `${this.method}.replaceText`);
    for (const leaf of leaves(this._node)) replaceInParagraph(leaf, pattern, text);
    return this;
  }

  protected parentNode(): AnyNode | null {
    return parentOf(this.s.doc.body, this._node);
  }

  /** An element handed in to be inserted must not sit in the document already. */
  protected detached<C extends AnyNode>(node: C): C {
    if (parentOf(this.s.doc.body, node)) throw new Error('Element must be detached.');
    return node;
  }

  /** Inserts the child `make` gives, once the document takes edits and the index is in range. */
  protected insertChild<C extends AnyNode>(children: C[], childIndex: number, make: () => C): unknown {
    this.s.edit();
    checkChildIndex(childIndex, children.length, true);
    const child = make();
    children.splice(childIndex, 0, child);
    return this.s.wrap(child);
  }

  /** What every setter does: refuse an edit to a closed document, then store the checked value. */
  protected assign<T, K extends keyof T>(target: T, key: K, checked: () => T[K]): this {
    this.s.edit();
    target[key] = checked();
    return this;
  }

  /** Setters of sizes: Apps Script takes only a finite number. */
  protected setNumber<K extends string>(
    target: Record<K, number | null>,
    key: K,
    value: unknown,
    method: string,
  ): this {
    return this.assign(target, key, () => checkNumber(value, `${this.method}.${method}`));
  }

  private sibling(step: number): unknown {
    const parent = this.parentNode();
    if (!parent) return null;
    const siblings = childNodes(parent);
    const next = siblings[siblings.indexOf(this._node) + step];
    return next ? this.s.wrap(next) : null;
  }

  private cast(kind: AnyNode['kind']): unknown {
    if (this._node.kind !== kind) {
      // Apps Script fails the same call; its exact wording is not documented.
      throw new Error(`Cannot cast ${ELEMENT_TYPES[this._node.kind]} to ${ELEMENT_TYPES[kind]}.`);
    }
    return this.s.wrap(this._node);
  }
}

/** Attributes common to containers: text attributes apply to every paragraph inside. */
function applyTextAttributes(paragraphs: ParagraphNode[], attributes: Record<string, unknown>): void {
  for (const [name, key] of Object.entries(TEXT_ATTRIBUTES)) {
    if (name in attributes) for (const p of paragraphs) setElementStyle(p, key, attributes[name]);
  }
}

/** Numeric fields of a node under their attribute names (`names` maps each attribute to its field). */
function numberAttributes<K extends string>(
  target: Record<K, number | null>,
  names: Readonly<Record<string, K>>,
): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const [name, key] of Object.entries(names)) out[name] = target[key];
  return out;
}

/** setAttributes passes over a numeric attribute that is not a number. */
function assignNumberAttributes<K extends string>(
  target: Record<K, number | null>,
  names: Readonly<Record<string, K>>,
  attributes: Record<string, unknown>,
): void {
  for (const [name, key] of Object.entries(names)) {
    const value = attributes[name];
    if (typeof value === 'number') target[key] = value;
  }
}

function uniformTextAttributes(paragraphs: ParagraphNode[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, key] of Object.entries(TEXT_ATTRIBUTES)) {
    const values = new Set<unknown>();
    for (const p of paragraphs) {
      if (p.text.length === 0) values.add(p.style[key] ?? null);
      for (let i = 0; i < p.text.length; i++) values.add(effective(p, i)[key] ?? null);
    }
    out[name] = values.size === 1 ? [...values][0] : null;
  }
  return out;
}

/** Body and TableCell: containers of paragraphs, list items and tables. */
abstract class ContainerElement<N extends ContainerNode> extends NodeElement<N> {
  getNumChildren(): number {
    return this._node.children.length;
  }

  getChild(childIndex: number): unknown {
    return this.s.wrap(childAt(this._node.children, childIndex));
  }

  getChildIndex(child: unknown): number {
    const node = (unwrap(child) as { _node?: AnyNode } | null)?._node;
    const index = node ? this._node.children.indexOf(node as BlockNode) : -1;
    if (index === -1) throw new Error('Element does not contain the specified child element.');
    return index;
  }

  removeChild(child: unknown): this {
    const element = unwrap(child) as NodeElement<AnyNode> | null;
    this.getChildIndex(element);
    element?.removeFromParent();
    return this;
  }

  getParagraphs(): unknown[] {
    return leaves(this._node).map((p) => this.s.wrap(p));
  }

  getTables(): unknown[] {
    return tables(this._node).map((t) => this.s.wrap(t));
  }

  getListItems(): unknown[] {
    return leaves(this._node)
      .filter((p) => p.kind === 'LIST_ITEM')
      .map((p) => this.s.wrap(p));
  }

  appendParagraph(paragraph: unknown): unknown {
    return this.insertBlock(
      this._node.children.length,
      this.block('PARAGRAPH', paragraph, 'appendParagraph'),
    );
  }

  insertParagraph(childIndex: number, paragraph: unknown): unknown {
    return this.insertBlock(childIndex, this.block('PARAGRAPH', paragraph, 'insertParagraph'));
  }

  appendListItem(listItem: unknown): unknown {
    return this.insertBlock(this._node.children.length, this.block('LIST_ITEM', listItem, 'appendListItem'));
  }

  insertListItem(childIndex: number, listItem: unknown): unknown {
    return this.insertBlock(childIndex, this.block('LIST_ITEM', listItem, 'insertListItem'));
  }

  appendTable(cells?: unknown): unknown {
    return this.insertBlock(this._node.children.length, this.tableBlock(cells, 'appendTable'));
  }

  insertTable(childIndex: number, cells?: unknown): unknown {
    return this.insertBlock(childIndex, this.tableBlock(cells, 'insertTable'));
  }

  appendHorizontalRule(): unknown {
    return this.inlineBlock(this._node.children.length, 'HORIZONTAL_RULE');
  }

  insertHorizontalRule(childIndex: number): unknown {
    return this.inlineBlock(childIndex, 'HORIZONTAL_RULE');
  }

  clear(): this {
    this.s.edit();
    // Docs keeps one empty paragraph in an emptied section.
    this._node.children.splice(0, this._node.children.length, paragraphNode('PARAGRAPH', ''));
    return this;
  }

  setText(text: string): this {
    this.s.edit();
    const value = checkText(text, `${this.method}.setText`);
    const first = leaves(this._node)[0] ?? paragraphNode('PARAGRAPH', '');
    const kept = { ...clone(first), text: '', runs: [], inline: null };
    insertChars(kept, 0, value);
    this._node.children.splice(0, this._node.children.length, kept);
    return this;
  }

  getAttributes(): Record<string, unknown> {
    return uniformTextAttributes(leaves(this._node));
  }

  protected inlineBlock(childIndex: number, inline: InlineKind): unknown {
    const paragraph = paragraphNode('PARAGRAPH', '');
    paragraph.inline = inline;
    this.insertBlock(childIndex, paragraph);
    return this.s.inline(paragraph, inline);
  }

  protected insertBlock(childIndex: number, block: BlockNode): unknown {
    const children = this._node.children;
    const element = this.insertChild(children, childIndex, () => {
      if (block.kind === 'LIST_ITEM' && block.listId === null) {
        const previous = children[childIndex - 1];
        if (previous?.kind === 'LIST_ITEM') {
          block.listId = previous.listId;
          block.glyph = previous.glyph;
        } else {
          block.listId = this.s.doc._newListId();
        }
      }
      return block;
    });
    // A table cannot end a section: Docs keeps a paragraph after it.
    if (block.kind === 'TABLE' && childIndex === children.length - 1) {
      children.push(paragraphNode('PARAGRAPH', ''));
    }
    return element;
  }

  private block(kind: ParagraphNode['kind'], value: unknown, method: string): ParagraphNode {
    const raw = unwrap(value);
    if (raw instanceof ParagraphElement) {
      if (raw._node.kind !== kind) throw signatureError(`${this.method}.${method}`, [value]);
      return this.detached(raw._node);
    }
    return paragraphNode(kind, checkText(value, `${this.method}.${method}`));
  }

  private tableBlock(cells: unknown, method: string): TableNode {
    const raw = unwrap(cells);
    if (raw instanceof TableElement) return this.detached(raw._node);
    // With no cells Apps Script appends a table with no rows (gas-fakes#59 records the live behaviour).
    if (raw === undefined) return tableNode([]);
    const valid =
      Array.isArray(raw) && raw.every((row) => Array.isArray(row) && row.every((c) => typeof c === 'string'));
    // Cells are String[][]: other values do not match the signature, so the paper formats dates itself.
    // Rows of different lengths are kept as given: the Docs model holds a row's own cells.
    if (!valid) throw signatureError(`${this.method}.${method}`, [cells]);
    return tableNode(raw as string[][]);
  }
}

const PAGE = {
  PAGE_WIDTH: 'pageWidth',
  PAGE_HEIGHT: 'pageHeight',
  MARGIN_TOP: 'marginTop',
  MARGIN_BOTTOM: 'marginBottom',
  MARGIN_LEFT: 'marginLeft',
  MARGIN_RIGHT: 'marginRight',
} as const;

class BodyElement extends ContainerElement<BodyNode> {
  protected readonly method = 'Body';

  override getParent(): unknown {
    return null;
  }

  appendPageBreak(): unknown {
    return this.inlineBlock(this._node.children.length, 'PAGE_BREAK');
  }

  insertPageBreak(childIndex: number): unknown {
    return this.inlineBlock(childIndex, 'PAGE_BREAK');
  }

  getPageWidth(): number {
    return this._node.pageWidth;
  }

  setPageWidth(pageWidth: number): this {
    return this.setNumber(this._node, 'pageWidth', pageWidth, 'setPageWidth');
  }

  getPageHeight(): number {
    return this._node.pageHeight;
  }

  setPageHeight(pageHeight: number): this {
    return this.setNumber(this._node, 'pageHeight', pageHeight, 'setPageHeight');
  }

  getMarginTop(): number {
    return this._node.marginTop;
  }

  setMarginTop(marginTop: number): this {
    return this.setNumber(this._node, 'marginTop', marginTop, 'setMarginTop');
  }

  getMarginBottom(): number {
    return this._node.marginBottom;
  }

  setMarginBottom(marginBottom: number): this {
    return this.setNumber(this._node, 'marginBottom', marginBottom, 'setMarginBottom');
  }

  getMarginLeft(): number {
    return this._node.marginLeft;
  }

  setMarginLeft(marginLeft: number): this {
    return this.setNumber(this._node, 'marginLeft', marginLeft, 'setMarginLeft');
  }

  getMarginRight(): number {
    return this._node.marginRight;
  }

  setMarginRight(marginRight: number): this {
    return this.setNumber(this._node, 'marginRight', marginRight, 'setMarginRight');
  }

  override getAttributes(): Record<string, unknown> {
    return { ...super.getAttributes(), ...numberAttributes(this._node, PAGE) };
  }

  setAttributes(attributes: Record<string, unknown>): this {
    this.s.edit();
    assignNumberAttributes(this._node, PAGE, attributes);
    applyTextAttributes(leaves(this._node), attributes);
    return this;
  }
}

const PARAGRAPH_NUMBERS = {
  SPACING_BEFORE: 'spacingBefore',
  SPACING_AFTER: 'spacingAfter',
  INDENT_START: 'indentStart',
  INDENT_END: 'indentEnd',
  INDENT_FIRST_LINE: 'indentFirstLine',
  LINE_SPACING: 'lineSpacing',
} as const;

class ParagraphElement extends NodeElement<ParagraphNode> {
  protected readonly method: string = 'Paragraph';

  /** Returns nothing, as Paragraph.setText does in Apps Script. */
  setText(text: string): void {
    this.s.edit();
    const value = checkText(text, `${this.method}.setText`);
    const template = this._node.runs[0] ?? {};
    this._node.text = value;
    this._node.runs = Array.from(value, () => ({ ...template }));
    this._node.inline = null;
  }

  appendText(text: string): unknown {
    this.s.edit();
    const value = checkText(text, `${this.method}.appendText`);
    const start = this._node.text.length;
    insertChars(this._node, start, value);
    return this.s.text({ node: this._node, start, length: value.length });
  }

  insertText(childIndex: number, text: string): unknown {
    this.s.edit();
    const value = checkText(text, `${this.method}.insertText`);
    // Apps Script counts children here; the paragraph holds one text run, so 0 is the start and 1 the end.
    if (childIndex !== 0 && childIndex !== 1) throw childIndexError(childIndex, 1, true);
    const start = childIndex === 0 ? 0 : this._node.text.length;
    insertChars(this._node, start, value);
    return this.s.text({ node: this._node, start, length: value.length });
  }

  clear(): this {
    this.s.edit();
    this._node.text = '';
    this._node.runs = [];
    this._node.inline = null;
    return this;
  }

  appendPageBreak(): unknown {
    return this.inline('PAGE_BREAK');
  }

  appendHorizontalRule(): unknown {
    return this.inline('HORIZONTAL_RULE');
  }

  getHeading(): string {
    return this._node.heading;
  }

  setHeading(heading: string): this {
    return this.assign(this._node, 'heading', () =>
      checkEnum(ParagraphHeading, heading, `${this.method}.setHeading`),
    );
  }

  getAlignment(): string {
    return this._node.alignment ?? 'LEFT';
  }

  setAlignment(alignment: string): this {
    return this.assign(this._node, 'alignment', () =>
      checkEnum(HorizontalAlignment, alignment, `${this.method}.setAlignment`),
    );
  }

  getSpacingBefore(): number {
    return this._node.spacingBefore ?? 0;
  }

  setSpacingBefore(spacingBefore: number): this {
    return this.number('spacingBefore', spacingBefore, 'setSpacingBefore');
  }

  getSpacingAfter(): number {
    return this._node.spacingAfter ?? 0;
  }

  setSpacingAfter(spacingAfter: number): this {
    return this.number('spacingAfter', spacingAfter, 'setSpacingAfter');
  }

  getIndentStart(): number {
    return this._node.indentStart ?? 0;
  }

  setIndentStart(indentStart: number): this {
    return this.number('indentStart', indentStart, 'setIndentStart');
  }

  getIndentEnd(): number {
    return this._node.indentEnd ?? 0;
  }

  setIndentEnd(indentEnd: number): this {
    return this.number('indentEnd', indentEnd, 'setIndentEnd');
  }

  getIndentFirstLine(): number {
    return this._node.indentFirstLine ?? this.getIndentStart();
  }

  setIndentFirstLine(indentFirstLine: number): this {
    return this.number('indentFirstLine', indentFirstLine, 'setIndentFirstLine');
  }

  getLineSpacing(): number {
    return this._node.lineSpacing ?? 1;
  }

  setLineSpacing(multiplier: number): this {
    return this.number('lineSpacing', multiplier, 'setLineSpacing');
  }

  getLinkUrl(): string | null {
    return uniformTextAttributes([this._node]).LINK_URL as string | null;
  }

  setLinkUrl(url: string | null): this {
    this.s.edit();
    setElementStyle(this._node, 'linkUrl', url);
    return this;
  }

  isLeftToRight(): boolean {
    return true;
  }

  getAttributes(): Record<string, unknown> {
    return {
      ...uniformTextAttributes([this._node]),
      HEADING: this._node.heading,
      HORIZONTAL_ALIGNMENT: this._node.alignment,
      LEFT_TO_RIGHT: true,
      ...numberAttributes(this._node, PARAGRAPH_NUMBERS),
    };
  }

  setAttributes(attributes: Record<string, unknown>): this {
    this.s.edit();
    const method = `${this.method}.setAttributes`;
    if (attributes.HEADING !== undefined && attributes.HEADING !== null) {
      this._node.heading = checkEnum(ParagraphHeading, attributes.HEADING, method);
    }
    if (attributes.HORIZONTAL_ALIGNMENT !== undefined) {
      this._node.alignment =
        attributes.HORIZONTAL_ALIGNMENT === null
          ? null
          : checkEnum(HorizontalAlignment, attributes.HORIZONTAL_ALIGNMENT, method);
    }
    for (const [name, key] of Object.entries(PARAGRAPH_NUMBERS)) {
      if (attributes[name] === null) this._node[key] = null;
      else if (attributes[name] !== undefined) this._node[key] = checkNumber(attributes[name], method);
    }
    this.listAttributes(attributes);
    applyTextAttributes([this._node], attributes);
    return this;
  }

  protected listAttributes(attributes: Record<string, unknown>): void {
    void attributes;
  }

  protected number(
    key: (typeof PARAGRAPH_NUMBERS)[keyof typeof PARAGRAPH_NUMBERS],
    value: number,
    method: string,
  ): this {
    return this.assign(this._node, key, () =>
      value === null ? null : checkNumber(value, `${this.method}.${method}`),
    );
  }

  private inline(kind: InlineKind): unknown {
    this.s.edit();
    this._node.inline = kind;
    return this.s.inline(this._node, kind);
  }
}

class ListItemElement extends ParagraphElement {
  protected override readonly method = 'ListItem';

  getGlyphType(): string {
    return this._node.glyph;
  }

  setGlyphType(glyphType: string): this {
    return this.assign(this._node, 'glyph', () => checkEnum(GlyphType, glyphType, 'ListItem.setGlyphType'));
  }

  getNestingLevel(): number {
    return this._node.nesting;
  }

  setNestingLevel(nestingLevel: number): this {
    this.s.edit();
    const level = checkNumber(nestingLevel, 'ListItem.setNestingLevel');
    // Docs lists have nine levels, 0 to 8.
    if (!Number.isInteger(level) || level < 0 || level > 8) throw new Error('Invalid nesting level.');
    this._node.nesting = level;
    return this;
  }

  getListId(): string | null {
    return this._node.listId;
  }

  setListId(listItem: unknown): this {
    this.s.edit();
    const other = unwrap(listItem);
    if (!(other instanceof ListItemElement)) throw signatureError('ListItem.setListId', [listItem]);
    this._node.listId = other._node.listId;
    return this;
  }

  /** Docs indents each nesting level by half an inch, the bullet hanging a quarter inch before the text. */
  override getIndentStart(): number {
    return this._node.indentStart ?? 36 * (this._node.nesting + 1);
  }

  override getIndentFirstLine(): number {
    return this._node.indentFirstLine ?? this.getIndentStart() - 18;
  }

  override getAttributes(): Record<string, unknown> {
    return {
      ...super.getAttributes(),
      GLYPH_TYPE: this._node.glyph,
      NESTING_LEVEL: this._node.nesting,
      LIST_ID: this._node.listId,
    };
  }

  protected override listAttributes(attributes: Record<string, unknown>): void {
    if (attributes.GLYPH_TYPE !== undefined && attributes.GLYPH_TYPE !== null) {
      this._node.glyph = checkEnum(GlyphType, attributes.GLYPH_TYPE, 'ListItem.setAttributes');
    }
    if (typeof attributes.NESTING_LEVEL === 'number') this._node.nesting = attributes.NESTING_LEVEL;
  }
}

/** A page break or horizontal rule, which Docs keeps inside a paragraph. */
class InlineElement {
  constructor(
    private readonly s: DocSession,
    private readonly paragraph: ParagraphNode,
    private readonly kind: InlineKind,
  ) {}

  getType(): string {
    return this.kind;
  }

  getParent(): unknown {
    return this.s.wrap(this.paragraph);
  }

  getAttributes(): Record<string, unknown> {
    return {};
  }

  removeFromParent(): this {
    this.s.edit();
    if (this.paragraph.inline === this.kind) this.paragraph.inline = null;
    return this;
  }
}

class TableElement extends NodeElement<TableNode> {
  protected readonly method = 'Table';

  getNumRows(): number {
    return this._node.rows.length;
  }

  getNumChildren(): number {
    return this._node.rows.length;
  }

  getRow(rowIndex: number): unknown {
    return this.s.wrap(this.row(rowIndex));
  }

  getChild(childIndex: number): unknown {
    return this.getRow(childIndex);
  }

  getCell(rowIndex: number, cellIndex: number): unknown {
    return this.s.wrap(childAt(this.row(rowIndex).cells, cellIndex));
  }

  appendTableRow(tableRow?: unknown): unknown {
    return this.insertTableRow(this._node.rows.length, tableRow);
  }

  insertTableRow(childIndex: number, tableRow?: unknown): unknown {
    return this.insertChild(this._node.rows, childIndex, (): TableRowNode => {
      const raw = unwrap(tableRow);
      if (raw instanceof TableRowElement) return this.detached(raw._node);
      if (raw === undefined) return { kind: 'TABLE_ROW', cells: [], minimumHeight: null };
      throw signatureError('Table.insertTableRow', [childIndex, tableRow]);
    });
  }

  removeRow(rowIndex: number): unknown {
    this.s.edit();
    const row = this.row(rowIndex);
    this._node.rows.splice(rowIndex, 1);
    return this.s.wrap(row);
  }

  getBorderWidth(): number {
    return this._node.borderWidth ?? 1;
  }

  setBorderWidth(width: number): this {
    return this.setNumber(this._node, 'borderWidth', width, 'setBorderWidth');
  }

  getBorderColor(): string {
    return this._node.borderColor ?? '#000000';
  }

  setBorderColor(color: string): this {
    return this.assign(this._node, 'borderColor', () => colour(color, 'Table.setBorderColor'));
  }

  /** Null until set: Docs then shares the text width between the columns. */
  getColumnWidth(columnIndex: number): number | null {
    return this._node.columnWidths[columnIndex] ?? null;
  }

  setColumnWidth(columnIndex: number, width: number): this {
    this.s.edit();
    const columns = Math.max(0, ...this._node.rows.map((r) => r.cells.length));
    checkChildIndex(columnIndex, columns, false);
    this._node.columnWidths[columnIndex] = checkNumber(width, 'Table.setColumnWidth');
    return this;
  }

  clear(): this {
    this.s.edit();
    for (const p of leaves(this._node)) {
      p.text = '';
      p.runs = [];
    }
    return this;
  }

  getAttributes(): Record<string, unknown> {
    return {
      ...uniformTextAttributes(leaves(this._node)),
      BORDER_WIDTH: this.getBorderWidth(),
      BORDER_COLOR: this.getBorderColor(),
    };
  }

  setAttributes(attributes: Record<string, unknown>): this {
    this.s.edit();
    if (typeof attributes.BORDER_WIDTH === 'number') this._node.borderWidth = attributes.BORDER_WIDTH;
    if (attributes.BORDER_COLOR !== undefined) {
      this._node.borderColor = colour(attributes.BORDER_COLOR, 'Table.setAttributes');
    }
    applyTextAttributes(leaves(this._node), attributes);
    return this;
  }

  private row(rowIndex: number): TableRowNode {
    return childAt(this._node.rows, rowIndex);
  }
}

class TableRowElement extends NodeElement<TableRowNode> {
  protected readonly method = 'TableRow';

  getNumCells(): number {
    return this._node.cells.length;
  }

  getNumChildren(): number {
    return this._node.cells.length;
  }

  getCell(cellIndex: number): unknown {
    return this.s.wrap(childAt(this._node.cells, cellIndex));
  }

  getChild(childIndex: number): unknown {
    return this.getCell(childIndex);
  }

  appendTableCell(textOrCell?: unknown): unknown {
    return this.insertTableCell(this._node.cells.length, textOrCell);
  }

  insertTableCell(childIndex: number, textOrCell?: unknown): unknown {
    return this.insertChild(this._node.cells, childIndex, () => {
      const raw = unwrap(textOrCell);
      if (raw instanceof TableCellElement) return this.detached(raw._node);
      return cellNode(raw === undefined ? '' : checkText(raw, 'TableRow.insertTableCell'));
    });
  }

  removeCell(cellIndex: number): unknown {
    this.s.edit();
    const cell = this._node.cells[cellIndex];
    if (!cell) throw childIndexError(cellIndex, this._node.cells.length, false);
    this._node.cells.splice(cellIndex, 1);
    return this.s.wrap(cell);
  }

  getMinimumHeight(): number {
    return this._node.minimumHeight ?? 0;
  }

  setMinimumHeight(minHeight: number): this {
    return this.setNumber(this._node, 'minimumHeight', minHeight, 'setMinimumHeight');
  }

  getParentTable(): unknown {
    return this.getParent();
  }

  getAttributes(): Record<string, unknown> {
    return { ...uniformTextAttributes(leaves(this._node)), MINIMUM_HEIGHT: this.getMinimumHeight() };
  }

  setAttributes(attributes: Record<string, unknown>): this {
    this.s.edit();
    if (typeof attributes.MINIMUM_HEIGHT === 'number') this._node.minimumHeight = attributes.MINIMUM_HEIGHT;
    applyTextAttributes(leaves(this._node), attributes);
    return this;
  }
}

const PADDING = {
  PADDING_TOP: 'top',
  PADDING_BOTTOM: 'bottom',
  PADDING_LEFT: 'left',
  PADDING_RIGHT: 'right',
} as const;

class TableCellElement extends ContainerElement<TableCellNode> {
  protected readonly method = 'TableCell';

  getBackgroundColor(): string | null {
    return this._node.background;
  }

  setBackgroundColor(color: string): this {
    return this.assign(this._node, 'background', () => colour(color, 'TableCell.setBackgroundColor'));
  }

  getWidth(): number | null {
    return this._node.width;
  }

  setWidth(width: number): this {
    return this.setNumber(this._node, 'width', width, 'setWidth');
  }

  getVerticalAlignment(): string {
    return this._node.verticalAlignment ?? 'TOP';
  }

  setVerticalAlignment(alignment: string): this {
    return this.assign(this._node, 'verticalAlignment', () =>
      checkEnum(VerticalAlignment, alignment, 'TableCell.setVerticalAlignment'),
    );
  }

  getPaddingTop(): number {
    return this._node.padding.top ?? 5;
  }

  setPaddingTop(paddingTop: number): this {
    return this.setNumber(this._node.padding, 'top', paddingTop, 'setPaddingTop');
  }

  getPaddingBottom(): number {
    return this._node.padding.bottom ?? 5;
  }

  setPaddingBottom(paddingBottom: number): this {
    return this.setNumber(this._node.padding, 'bottom', paddingBottom, 'setPaddingBottom');
  }

  getPaddingLeft(): number {
    return this._node.padding.left ?? 5;
  }

  setPaddingLeft(paddingLeft: number): this {
    return this.setNumber(this._node.padding, 'left', paddingLeft, 'setPaddingLeft');
  }

  getPaddingRight(): number {
    return this._node.padding.right ?? 5;
  }

  setPaddingRight(paddingRight: number): this {
    return this.setNumber(this._node.padding, 'right', paddingRight, 'setPaddingRight');
  }

  getRowSpan(): number {
    return 1;
  }

  getColSpan(): number {
    return 1;
  }

  getParentRow(): unknown {
    return this.getParent();
  }

  getParentTable(): unknown {
    const row = this.parentNode();
    const table = row ? parentOf(this.s.doc.body, row) : null;
    return table ? this.s.wrap(table) : null;
  }

  getLinkUrl(): string | null {
    return uniformTextAttributes(leaves(this._node)).LINK_URL as string | null;
  }

  setLinkUrl(url: string | null): this {
    this.s.edit();
    for (const p of leaves(this._node)) setElementStyle(p, 'linkUrl', url);
    return this;
  }

  override getAttributes(): Record<string, unknown> {
    return {
      ...super.getAttributes(),
      // On a cell, BACKGROUND_COLOR is the cell's shading.
      BACKGROUND_COLOR: this._node.background,
      WIDTH: this._node.width,
      VERTICAL_ALIGNMENT: this._node.verticalAlignment,
      ...numberAttributes(this._node.padding, PADDING),
    };
  }

  setAttributes(attributes: Record<string, unknown>): this {
    this.s.edit();
    const method = 'TableCell.setAttributes';
    const { BACKGROUND_COLOR: background, ...rest } = attributes;
    if (background !== undefined) this._node.background = colour(background, method);
    if (typeof attributes.WIDTH === 'number') this._node.width = attributes.WIDTH;
    if (attributes.VERTICAL_ALIGNMENT !== undefined && attributes.VERTICAL_ALIGNMENT !== null) {
      this._node.verticalAlignment = checkEnum(VerticalAlignment, attributes.VERTICAL_ALIGNMENT, method);
    }
    assignNumberAttributes(this._node.padding, PADDING, attributes);
    applyTextAttributes(leaves(this._node), rest);
    return this;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Text: a view over a paragraph (or part of one, as appendText returns) or over a container's paragraphs.

type TextSource = { node: ParagraphNode; start: number; length: number | null } | { container: AnyNode };

interface Segment {
  node: ParagraphNode;
  from: number;
  to: number; // exclusive
  offset: number; // where `from` sits in the view's text
  whole: boolean;
}

class TextElement {
  constructor(
    private readonly s: DocSession,
    private readonly source: TextSource,
  ) {}

  getType(): string {
    return 'TEXT';
  }

  getParent(): unknown {
    return 'node' in this.source ? this.s.wrap(this.source.node) : this.s.wrap(this.source.container);
  }

  editAsText(): this {
    return this;
  }

  getText(): string {
    return this.segments()
      .map((seg) => seg.node.text.slice(seg.from, seg.to))
      .join('\n');
  }

  setText(text: string): this {
    this.s.edit();
    const value = checkText(text, 'Text.setText');
    const source = this.leafSource('setText');
    const end = source.length === null ? source.node.text.length : source.start + source.length;
    const template = source.node.runs[source.start] ?? source.node.runs[source.start - 1] ?? {};
    source.node.text = source.node.text.slice(0, source.start) + value + source.node.text.slice(end);
    source.node.runs.splice(source.start, end - source.start, ...Array.from(value, () => ({ ...template })));
    if (source.length !== null) source.length = value.length;
    return this;
  }

  appendText(text: string): unknown {
    this.s.edit();
    const value = checkText(text, 'Text.appendText');
    const source = this.leafSource('appendText');
    const at = source.length === null ? source.node.text.length : source.start + source.length;
    insertChars(source.node, at, value);
    if (source.length !== null) source.length += value.length;
    return this.s.text({ node: source.node, start: at, length: value.length });
  }

  insertText(offset: number, text: string): this {
    this.s.edit();
    const value = checkText(text, 'Text.insertText');
    const source = this.leafSource('insertText');
    const length = this.getText().length;
    if (!Number.isInteger(offset) || offset < 0 || offset > length) throw this.indexError(offset, length);
    insertChars(source.node, source.start + offset, value);
    if (source.length !== null) source.length += value.length;
    return this;
  }

  deleteText(startOffset: number, endOffsetInclusive: number): this {
    this.s.edit();
    const source = this.leafSource('deleteText');
    this.checkRange(startOffset, endOffsetInclusive);
    deleteChars(source.node, source.start + startOffset, source.start + endOffsetInclusive);
    if (source.length !== null) source.length -= endOffsetInclusive - startOffset + 1;
    return this;
  }

  replaceText(searchPattern: string, replacement: string): this {
    this.s.edit();
    const pattern = new RegExp(checkText(searchPattern, 'Text.replaceText'), 'g');
    for (const seg of this.segments())
      replaceInParagraph(seg.node, pattern, checkText(replacement, 'Text.replaceText'));
    return this;
  }

  setBold(...args: unknown[]): this {
    return this.style('bold', args, 'setBold');
  }

  setItalic(...args: unknown[]): this {
    return this.style('italic', args, 'setItalic');
  }

  setUnderline(...args: unknown[]): this {
    return this.style('underline', args, 'setUnderline');
  }

  setStrikethrough(...args: unknown[]): this {
    return this.style('strikethrough', args, 'setStrikethrough');
  }

  setFontSize(...args: unknown[]): this {
    return this.style('fontSize', args, 'setFontSize');
  }

  setFontFamily(...args: unknown[]): this {
    return this.style('fontFamily', args, 'setFontFamily');
  }

  setForegroundColor(...args: unknown[]): this {
    return this.style('foregroundColor', args, 'setForegroundColor');
  }

  setBackgroundColor(...args: unknown[]): this {
    return this.style('backgroundColor', args, 'setBackgroundColor');
  }

  setLinkUrl(...args: unknown[]): this {
    return this.style('linkUrl', args, 'setLinkUrl');
  }

  isBold(offset?: number): boolean | null {
    return this.read('bold', offset) as boolean | null;
  }

  isItalic(offset?: number): boolean | null {
    return this.read('italic', offset) as boolean | null;
  }

  isUnderline(offset?: number): boolean | null {
    return this.read('underline', offset) as boolean | null;
  }

  isStrikethrough(offset?: number): boolean | null {
    return this.read('strikethrough', offset) as boolean | null;
  }

  getFontSize(offset?: number): number | null {
    return this.read('fontSize', offset) as number | null;
  }

  getFontFamily(offset?: number): string | null {
    return this.read('fontFamily', offset) as string | null;
  }

  getForegroundColor(offset?: number): string | null {
    return this.read('foregroundColor', offset) as string | null;
  }

  getBackgroundColor(offset?: number): string | null {
    return this.read('backgroundColor', offset) as string | null;
  }

  getLinkUrl(offset?: number): string | null {
    return this.read('linkUrl', offset) as string | null;
  }

  getAttributes(offset?: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [name, key] of Object.entries(TEXT_ATTRIBUTES)) out[name] = this.read(key, offset, true);
    return out;
  }

  setAttributes(...args: unknown[]): this {
    const attributes = (args.length === 3 ? args[2] : args[0]) as Record<string, unknown>;
    if (typeof attributes !== 'object' || attributes === null)
      throw signatureError('Text.setAttributes', args);
    for (const [name, key] of Object.entries(TEXT_ATTRIBUTES)) {
      if (name in attributes) {
        this.style(
          key,
          args.length === 3 ? [args[0], args[1], attributes[name]] : [attributes[name]],
          'setAttributes',
        );
      }
    }
    return this;
  }

  /** Offsets where the formatting changes, as Docs reports text runs. */
  getTextAttributeIndices(): number[] {
    const indices: number[] = [];
    let previous = '';
    let position = 0;
    for (const seg of this.segments()) {
      for (let i = seg.from; i < seg.to; i++, position++) {
        const key = JSON.stringify(effective(seg.node, i));
        if (key !== previous || i === seg.from) indices.push(position);
        previous = key;
      }
      position++;
    }
    return indices.length ? [...new Set(indices)] : [0];
  }

  private style(key: StyleKey, args: unknown[], method: string): this {
    this.s.edit();
    const value = args.length === 3 ? args[2] : args[0];
    if (args.length !== 1 && args.length !== 3) throw signatureError(`Text.${method}`, args);
    const checked = this.checkValue(key, value, method, args);
    if (args.length === 1) {
      for (const seg of this.segments()) {
        if (seg.whole) setElementStyle(seg.node, key, checked);
        else if (seg.to > seg.from) setRunStyle(seg.node, seg.from, seg.to - 1, key, checked);
      }
      return this;
    }
    const start = args[0] as number;
    const end = args[1] as number;
    this.checkRange(start, end);
    for (const seg of this.segments()) {
      const segEnd = seg.offset + (seg.to - seg.from) - 1;
      const a = Math.max(start, seg.offset);
      const b = Math.min(end, segEnd);
      if (a <= b) setRunStyle(seg.node, seg.from + a - seg.offset, seg.from + b - seg.offset, key, checked);
    }
    return this;
  }

  private checkValue(key: StyleKey, value: unknown, method: string, args: unknown[]): unknown {
    if (value === null) return null;
    switch (key) {
      case 'bold':
      case 'italic':
      case 'underline':
      case 'strikethrough':
        if (typeof value !== 'boolean') throw signatureError(`Text.${method}`, args);
        return value;
      case 'fontSize':
        if (typeof value !== 'number') throw signatureError(`Text.${method}`, args);
        return value;
      case 'foregroundColor':
      case 'backgroundColor':
        return colour(value, `Text.${method}`);
      default:
        if (typeof value !== 'string') throw signatureError(`Text.${method}`, args);
        return value;
    }
  }

  private read(key: StyleKey, offset?: number, nullWhenUnset = false): unknown {
    const unset =
      nullWhenUnset || !['bold', 'italic', 'underline', 'strikethrough'].includes(key) ? null : false;
    const segments = this.segments();
    if (offset !== undefined) {
      const length = this.getText().length;
      if (!Number.isInteger(offset) || offset < 0 || offset >= length) throw this.indexError(offset, length);
      for (const seg of segments) {
        if (offset >= seg.offset && offset < seg.offset + (seg.to - seg.from)) {
          return effective(seg.node, seg.from + offset - seg.offset)[key] ?? unset;
        }
      }
      return unset;
    }
    const values = new Set<unknown>();
    for (const seg of segments) {
      if (seg.to === seg.from) values.add(seg.node.style[key] ?? unset);
      for (let i = seg.from; i < seg.to; i++) values.add(effective(seg.node, i)[key] ?? unset);
    }
    // Mixed formatting reads as null, as in Apps Script.
    return values.size === 1 ? [...values][0] : null;
  }

  private segments(): Segment[] {
    if ('node' in this.source) {
      const { node, start, length } = this.source;
      return [
        {
          node,
          from: start,
          to: length === null ? node.text.length : start + length,
          offset: 0,
          whole: length === null,
        },
      ];
    }
    let offset = 0;
    return leaves(this.source.container).map((node) => {
      const seg = { node, from: 0, to: node.text.length, offset, whole: true };
      offset += node.text.length + 1;
      return seg;
    });
  }

  private leafSource(method: string): { node: ParagraphNode; start: number; length: number | null } {
    if ('node' in this.source) return this.source;
    throw new NotImplementedError(`Text.${method} on the text of a container`);
  }

  private checkRange(start: unknown, end: unknown): void {
    const length = this.getText().length;
    if (typeof start !== 'number' || !Number.isInteger(start) || start < 0 || start >= length) {
      throw this.indexError(start, length);
    }
    if (typeof end !== 'number' || !Number.isInteger(end) || end < start || end >= length) {
      throw this.indexError(end, length);
    }
  }

  private indexError(index: unknown, length: number): Error {
    return new Error(`Index (${String(index)}) must be less than the content length (${length}).`);
  }
}

// ---------------------------------------------------------------------------------------------------------
// The Document and DocumentApp.

const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

class DocumentObject {
  private readonly session: DocSession;

  constructor(runtime: Runtime, doc: FakeDocument) {
    this.session = new DocSession(runtime, doc);
  }

  getId(): string {
    return this.session.doc.id;
  }

  getUrl(): string {
    return this.session.doc.url;
  }

  getName(): string {
    return this.session.doc.name;
  }

  setName(name: string): this {
    this.session.edit();
    this.session.doc._rename(checkText(name, 'Document.setName'));
    return this;
  }

  getBody(): unknown {
    return this.session.wrap(this.session.doc.body);
  }

  /** Edits through this object (and the elements it gave out) throw afterwards; reading still works. */
  saveAndClose(): void {
    if (!this.session.closed) this.session.doc.saveCount++;
    this.session.closed = true;
  }

  /**
   * Docs exports only PDF through getAs. The local Workspace cannot lay out a paper, so the PDF is a plain
   * text rendering (name, then the text of each paragraph and table row): enough to open, name and attach.
   */
  getAs(contentType: string): unknown {
    if (contentType !== PDF_MIME) {
      // A .docx copy comes from local/export/docx.ts, not from the script.
      const target = contentType === DOCX_MIME ? contentType : String(contentType);
      throw new Error(`Converting from ${DOCUMENT_MIME} to ${target} is not supported.`);
    }
    const doc = this.session.doc;
    const blob = new LocalBlob(renderPdf(doc), PDF_MIME, `${doc.name}.pdf`);
    return expose(blob, 'Blob', this.session.runtime);
  }

  getBlob(): unknown {
    return this.getAs(PDF_MIME);
  }
}

class DocumentAppObject {
  readonly Attribute = Attribute;
  readonly ElementType = ElementType;
  readonly GlyphType = GlyphType;
  readonly HorizontalAlignment = HorizontalAlignment;
  readonly ParagraphHeading = ParagraphHeading;
  readonly TextAlignment = TextAlignment;
  readonly VerticalAlignment = VerticalAlignment;

  constructor(
    private readonly runtime: Runtime,
    private readonly store: LocalDocuments,
  ) {}

  create(name: string): unknown {
    const title = checkText(name, 'DocumentApp.create');
    return this.open(this.store._create(title));
  }

  openById(id: string): unknown {
    return this.open(this.store._find(id));
  }

  openByUrl(url: string): unknown {
    const id = /\/d\/([A-Za-z0-9_-]+)/.exec(String(url))?.[1] ?? '';
    return this.open(this.store._find(id));
  }

  private open(doc: FakeDocument | undefined): unknown {
    if (!doc) throw new Error("Document is missing (perhaps it was deleted, or you don't have read access?)");
    return expose(new DocumentObject(this.runtime, doc), 'Document', this.runtime);
  }
}

/** The documents of one local Workspace and the DocumentApp global that reaches them. */
export class LocalDocuments {
  readonly app: GoogleAppsScript.Document.DocumentApp;
  readonly drive: LocalDrive;
  private readonly byId = new Map<string, FakeDocument>();

  constructor(runtime: Runtime, drive?: LocalDrive) {
    this.drive = drive ?? new LocalDrive(runtime);
    this.app = expose<GoogleAppsScript.Document.DocumentApp>(
      new DocumentAppObject(runtime, this),
      'DocumentApp',
      runtime,
    );
  }

  /** Every document created or opened, in creation order (documents removed from Drive are left out). */
  documents(): FakeDocument[] {
    return [...this.byId.values()].filter((d) => this.drive.file(d.id));
  }

  get(id: string): FakeDocument {
    const doc = this._find(id);
    if (!doc) throw new Error(`No document with id ${id} in the local Workspace`);
    return doc;
  }

  _create(name: string): FakeDocument {
    const file = this.drive.createFile({ name, mimeType: DOCUMENT_MIME });
    const doc = new FakeDocument(file, this.drive);
    this.byId.set(doc.id, doc);
    return doc;
  }

  _find(id: string): FakeDocument | undefined {
    return this.drive.file(id) ? this.byId.get(id) : undefined;
  }
}

// ---------------------------------------------------------------------------------------------------------
// A readable tree for tests and the .docx exporter.

export interface DocRun extends CharStyle {
  text: string;
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
}

export type DocBlock =
  DocParagraph | DocListItem | DocTable | { type: 'PAGE_BREAK' } | { type: 'HORIZONTAL_RULE' };

export interface DocBody {
  type: 'BODY';
  name: string;
  landscape: boolean;
  pageWidth: number;
  pageHeight: number;
  margins: { top: number; bottom: number; left: number; right: number };
  children: DocBlock[];
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

function treeOfParagraph(node: ParagraphNode): DocBlock[] {
  const out: DocBlock[] = [];
  if (node.text.length > 0 || node.inline === null) {
    const block: DocTextBlock = { text: node.text, runs: runsOf(node) };
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
    children: treeOfBlocks(body.children),
  };
}

// ---------------------------------------------------------------------------------------------------------
// A minimal PDF: Helvetica text lines, one page per page break or when a page fills up.

function pdfLines(blocks: DocBlock[], width: number): string[] {
  const lines: string[] = [];
  const wrap = (text: string, indent = '') => {
    for (const paragraph of text.split('\n')) {
      let line = '';
      for (const word of paragraph.split(/\s+/)) {
        if (line && (indent + line + ' ' + word).length > width) {
          lines.push(indent + line);
          line = word;
        } else line = line ? `${line} ${word}` : word;
      }
      lines.push(indent + line);
    }
  };
  for (const block of blocks) {
    if (block.type === 'PAGE_BREAK') lines.push('\f');
    else if (block.type === 'HORIZONTAL_RULE') lines.push('-'.repeat(Math.min(width, 60)));
    else if (block.type === 'TABLE') for (const row of block.rows) wrap(row.map((c) => c.text).join(' | '));
    else if (block.type === 'LIST_ITEM') wrap(`- ${block.text}`, '  '.repeat(block.nesting));
    else wrap(block.text);
  }
  return lines;
}

function renderPdf(doc: FakeDocument): Buffer {
  const tree = documentTree(doc);
  const fontSize = 10;
  const leading = 13;
  const { pageWidth: w, pageHeight: h, margins } = tree;
  const perLine = Math.max(20, Math.floor((w - margins.left - margins.right) / (fontSize * 0.5)));
  const perPage = Math.max(1, Math.floor((h - margins.top - margins.bottom) / leading));
  const pages: string[][] = [[]];
  for (const line of [doc.name, '', ...pdfLines(tree.children, perLine)]) {
    const page = pages[pages.length - 1];
    if (line === '\f' || page.length >= perPage) pages.push([]);
    if (line !== '\f') pages[pages.length - 1].push(line);
  }
  const escape = (s: string) => s.replace(/[\\()]/g, '\\$&').replace(/[^\x20-\x7e]/g, '?');

  const objects: string[] = [];
  const pageIds = pages.map((_, i) => 4 + i * 2);
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`;
  objects[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>';
  pages.forEach((lines, i) => {
    const stream = [
      'BT',
      `/F1 ${fontSize} Tf`,
      `${leading} TL`,
      `${margins.left.toFixed(2)} ${(h - margins.top).toFixed(2)} Td`,
      ...lines.map((line) => `(${escape(line)}) '`),
      'ET',
    ].join('\n');
    objects[pageIds[i]] =
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${w.toFixed(2)} ${h.toFixed(2)}] ` +
      `/Resources << /Font << /F1 3 0 R >> >> /Contents ${pageIds[i] + 1} 0 R >>`;
    objects[pageIds[i] + 1] =
      `<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`;
  });
  const infoId = objects.length;
  objects[infoId] = `<< /Title (${escape(doc.name)}) /Producer (Action Plan Register local Workspace) >>`;

  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id++) {
    offsets[id] = Buffer.byteLength(pdf, 'latin1');
    pdf += `${id} 0 obj\n${objects[id]}\nendobj\n`;
  }
  const xref = Buffer.byteLength(pdf, 'latin1');
  pdf += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let id = 1; id < objects.length; id++) pdf += `${String(offsets[id]).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length} /Root 1 0 R /Info ${infoId} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}
