/** A cell of a table: a container of paragraphs, with its own shading, width and padding. */
import {
  applyTextAttributes,
  assignNumberAttributes,
  numberAttributes,
  uniformTextAttributes,
} from './attributes';
import { ContainerElement } from './container-element';
import { VerticalAlignment } from './enums';
import { checkEnum, colour } from './helpers';
import { leaves, parentOf, setElementStyle, TableCellNode } from './nodes';

const PADDING = {
  PADDING_TOP: 'top',
  PADDING_BOTTOM: 'bottom',
  PADDING_LEFT: 'left',
  PADDING_RIGHT: 'right',
} as const;

export class TableCellElement extends ContainerElement<TableCellNode> {
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

  /**
   * "Non-merged cells have a row span of 1"; returns "the row span or 0 for a cell which is merged over by another
   * cell" (https://developers.google.com/apps-script/reference/document/table-cell#getRowSpan()). A merge keeps
   * every cell of the grid: the head cell carries the spans, each cell it covers answers 0 and 0.
   */
  getRowSpan(): number {
    return this._node.rowSpan;
  }

  /** Likewise for columns (https://developers.google.com/apps-script/reference/document/table-cell#getColSpan()). */
  getColSpan(): number {
    return this._node.colSpan;
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
