/** The body of a document: its paragraphs and tables, and its page size and margins. */
import { applyTextAttributes, assignNumberAttributes, numberAttributes } from './attributes';
import { ContainerElement } from './container-element';
import { imagesIn, wrapImage } from './inline-image';
import { BodyNode, leaves } from './nodes';

const PAGE = {
  PAGE_WIDTH: 'pageWidth',
  PAGE_HEIGHT: 'pageHeight',
  MARGIN_TOP: 'marginTop',
  MARGIN_BOTTOM: 'marginBottom',
  MARGIN_LEFT: 'marginLeft',
  MARGIN_RIGHT: 'marginRight',
} as const;

export class BodyElement extends ContainerElement<BodyNode> {
  protected readonly method = 'Body';

  override getParent(): unknown {
    return null;
  }

  /** Every InlineImage in the body, tables included, in document order. */
  getImages(): unknown[] {
    return imagesIn(leaves(this._node)).map(({ paragraph, image }) => wrapImage(this.s, paragraph, image));
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
