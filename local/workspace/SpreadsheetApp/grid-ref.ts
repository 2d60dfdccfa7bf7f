/** References to rectangles of a sheet, and how they and formulas move when rows or columns come and go. */
import { unwrap } from '../runtime';
import { columnLetters, columnNumber } from './a1';
import type { FakeRange } from './range';
import type { FakeSheet } from './sheet';

/** A rectangle of one sheet that moves when rows or columns are inserted or deleted above or left of it. */
export interface GridRef {
  sheet: FakeSheet;
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

export function refOf(range: FakeRange): GridRef {
  const r = unwrap(range);
  return { sheet: r.sheet, row: r.row, column: r.column, numRows: r.numRows, numColumns: r.numColumns };
}

export function refContains(ref: GridRef, sheet: FakeSheet, row: number, column: number): boolean {
  return (
    ref.sheet === sheet &&
    row >= ref.row &&
    row < ref.row + ref.numRows &&
    column >= ref.column &&
    column < ref.column + ref.numColumns
  );
}

/**
 * Moves a reference after `count` rows (or columns) were inserted after `after` (count > 0) or deleted from
 * `after + 1` on (count < 0). Returns null when every cell of the reference was deleted.
 */
export function shiftRef(ref: GridRef, axis: 'row' | 'column', after: number, count: number): GridRef | null {
  const startKey = axis;
  const sizeKey = axis === 'row' ? 'numRows' : 'numColumns';
  const start = ref[startKey];
  const end = start + ref[sizeKey] - 1;
  const next = { ...ref };
  if (count > 0) {
    if (start > after) next[startKey] = start + count;
    else if (end > after) next[sizeKey] = ref[sizeKey] + count;
    return next;
  }
  const delFirst = after + 1;
  const delLast = after - count;
  if (end < delFirst) return next;
  if (start > delLast) {
    next[startKey] = start + count;
    return next;
  }
  const keptBefore = Math.max(0, delFirst - start);
  const keptAfter = Math.max(0, end - delLast);
  if (keptBefore + keptAfter === 0) return null;
  next[startKey] = keptBefore > 0 ? start : delFirst;
  next[sizeKey] = keptBefore + keptAfter;
  return next;
}

/**
 * Rewrites the cell references of a formula after rows or columns were inserted (count > 0) or deleted
 * (count < 0), as Sheets does for conditional format formulas. Quoted text is left alone.
 */
export function shiftFormula(formula: string, axis: 'row' | 'column', after: number, count: number): string {
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(
            /(?<![A-Za-z0-9_.])(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?![\w(])/g,
            (whole: string, colAbs: string, letters: string, rowAbs: string, digits: string) => {
              if (axis === 'row') {
                const row = Number(digits);
                return row > after
                  ? `${colAbs}${letters}${rowAbs}${Math.max(after + 1, row + count)}`
                  : whole;
              }
              const column = columnNumber(letters);
              return column > after
                ? `${colAbs}${columnLetters(Math.max(after + 1, column + count))}${rowAbs}${digits}`
                : whole;
            },
          ),
    )
    .join('');
}
