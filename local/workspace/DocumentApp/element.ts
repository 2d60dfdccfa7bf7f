/** What every element of a document shares (Apps Script's Element interface): a handle over one node. */
import { unwrap } from '../runtime';
import type { DocSession } from './document-session';
import { checkChildIndex, checkNumber, checkText } from './helpers';
import { AnyNode, childNodes, clone, leaves, parentOf, replaceInParagraph, textOf } from './nodes';

const ELEMENT_TYPES: Record<AnyNode['kind'], string> = {
  BODY: 'BODY_SECTION',
  PARAGRAPH: 'PARAGRAPH',
  LIST_ITEM: 'LIST_ITEM',
  TABLE: 'TABLE',
  TABLE_ROW: 'TABLE_ROW',
  TABLE_CELL: 'TABLE_CELL',
};

export abstract class NodeElement<N extends AnyNode> {
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

/**
 * The node behind an element the script hands back, or null for anything else. The node's kind names the
 * element's class (a PARAGRAPH node is always behind a Paragraph), so callers test the kind rather than import
 * the subclasses, which would make their modules import each other.
 */
export function nodeOf(value: unknown): AnyNode | null {
  const raw = unwrap(value);
  return raw instanceof NodeElement ? raw._node : null;
}
