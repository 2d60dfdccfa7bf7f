/**
 * What Drive makes of a Word file opened as a Google Doc: the blocks local/convert/docx.ts read from it, laid into
 * the node tree. Consecutive list items of one container form one list; a merged table keeps every cell of its
 * grid, the head cell with its spans and each cell it covers with spans of 0 (see table-cell.ts).
 */
import type { ConvertedBlock, ConvertedCell, ConvertedCellBlock, ConvertedTable } from '../../convert/docx';
import { BlockNode, TableCellNode, TableNode, paragraphNode, tableNode } from './nodes';

/** The blocks of a body or a cell as nodes; `newListId` numbers the lists of the document. */
export function nodesFromWord(blocks: readonly ConvertedBlock[], newListId: () => string): BlockNode[] {
  const nodes: BlockNode[] = [];
  for (const block of blocks) {
    const previous = nodes[nodes.length - 1];
    if (block.type === 'TABLE') nodes.push(tableFromWord(block, newListId));
    else if (block.type === 'PAGE_BREAK') {
      const holder = paragraphNode('PARAGRAPH', '');
      holder.inline = 'PAGE_BREAK';
      nodes.push(holder);
    } else {
      const node = paragraphNode(block.type, block.text);
      node.heading = block.heading;
      if (block.type === 'LIST_ITEM') {
        node.nesting = block.nestingLevel;
        node.glyph = block.glyphType;
        node.listId = previous?.kind === 'LIST_ITEM' ? previous.listId : newListId();
      }
      nodes.push(node);
    }
  }
  // A table cannot end a section or a cell: Docs keeps a paragraph after it.
  if (nodes.length === 0 || nodes[nodes.length - 1].kind === 'TABLE')
    nodes.push(paragraphNode('PARAGRAPH', ''));
  return nodes;
}

function tableFromWord(table: ConvertedTable, newListId: () => string): TableNode {
  const node = tableNode([]);
  node.rows = table.rows.map((cells) => ({
    kind: 'TABLE_ROW',
    cells: cells.map((cell) => cellFromWord(cell, newListId)),
    minimumHeight: null,
  }));
  return node;
}

function cellFromWord(cell: ConvertedCell, newListId: () => string): TableCellNode {
  const blocks: readonly ConvertedCellBlock[] = cell.children;
  return {
    kind: 'TABLE_CELL',
    children: nodesFromWord(blocks, newListId),
    rowSpan: cell.rowSpan,
    colSpan: cell.colSpan,
    background: null,
    width: null,
    verticalAlignment: null,
    padding: { top: null, bottom: null, left: null, right: null },
  };
}
