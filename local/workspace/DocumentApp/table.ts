/** A table of a document. */
import { unwrap } from '../runtime';
import { applyTextAttributes, uniformTextAttributes } from './attributes';
import { NodeElement } from './element';
import { checkChildIndex, checkNumber, childAt, colour, signatureError } from './helpers';
import { dropImages, leaves, TableNode, TableRowNode } from './nodes';
import { TableRowElement } from './table-row';

export class TableElement extends NodeElement<TableNode> {
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
      dropImages(p);
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
