/** Body and TableCell: containers of paragraphs, list items and tables. */
import { unwrap } from '../runtime';
import { uniformTextAttributes } from './attributes';
import { NodeElement, nodeOf } from './element';
import { checkText, childAt, signatureError } from './helpers';
import { imageNodeOf, insertImage, wrapImage } from './inline-image';
import {
  AnyNode,
  BlockNode,
  ContainerNode,
  InlineKind,
  ParagraphNode,
  TableNode,
  clone,
  dropImages,
  insertChars,
  leaves,
  characterCount,
  paragraphNode,
  tableNode,
  tables,
} from './nodes';

export abstract class ContainerElement<N extends ContainerNode> extends NodeElement<N> {
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

  /** A new paragraph holding the image (a BlobSource or a detached InlineImage); returns the InlineImage. */
  appendImage(image: unknown): unknown {
    return this.imageBlock(this._node.children.length, image, 'appendImage');
  }

  insertImage(childIndex: number, image: unknown): unknown {
    return this.imageBlock(childIndex, image, 'insertImage');
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
    dropImages(kept);
    insertChars(kept, 0, value);
    this._node.children.splice(0, this._node.children.length, kept);
    return this;
  }

  getAttributes(): Record<string, unknown> {
    return uniformTextAttributes(leaves(this._node));
  }

  private imageBlock(childIndex: number, image: unknown, method: string): unknown {
    const node = imageNodeOf(image, `${this.method}.${method}`);
    const paragraph = paragraphNode('PARAGRAPH', '');
    this.insertBlock(childIndex, paragraph);
    return wrapImage(this.s, paragraph, insertImage(paragraph, node, 'end'));
  }

  protected inlineBlock(childIndex: number, inline: InlineKind): unknown {
    const paragraph = paragraphNode('PARAGRAPH', '');
    paragraph.inline = inline;
    this.insertBlock(childIndex, paragraph);
    return this.s.inline(paragraph, inline);
  }

  protected insertBlock(childIndex: number, block: BlockNode): unknown {
    this.s.checkSize(characterCount(block));
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
    const node = nodeOf(value);
    if (node?.kind === 'PARAGRAPH' || node?.kind === 'LIST_ITEM') {
      if (node.kind !== kind) throw signatureError(`${this.method}.${method}`, [value]);
      return this.detached(node);
    }
    return paragraphNode(kind, checkText(value, `${this.method}.${method}`));
  }

  private tableBlock(cells: unknown, method: string): TableNode {
    const raw = unwrap(cells);
    const node = nodeOf(cells);
    if (node?.kind === 'TABLE') return this.detached(node);
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
