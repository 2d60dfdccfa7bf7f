/** A row of a table. */
import { unwrap } from '../runtime';
import { applyTextAttributes, uniformTextAttributes } from './attributes';
import { NodeElement } from './element';
import { checkText, childAt, childIndexError } from './helpers';
import { cellNode, leaves, TableRowNode } from './nodes';
import { TableCellElement } from './table-cell';

export class TableRowElement extends NodeElement<TableRowNode> {
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
