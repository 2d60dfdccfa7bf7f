/**
 * Sheets' limit on a cell: text longer than this is kept in full on the action (and in report lines, split
 * across lines) and the adapter splits it across the cell and its note, or rows it adds.
 */
export const CELL_LIMIT = 50_000;

/**
 * Text split into pieces that each fit a cell, at a line or word break where there is one near the limit:
 * the first for the cell, the rest for its note or the rows the adapter adds.
 */
export function splitForCells(text: string, limit = CELL_LIMIT): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > limit) {
    const window = rest.slice(0, limit);
    const at = Math.max(window.lastIndexOf('\n'), window.lastIndexOf(' '));
    const cut = at > limit / 2 ? at + 1 : limit;
    pieces.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  pieces.push(rest);
  return pieces;
}

/** 55000 as "55,000", without relying on the locale data a runtime has. */
export function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
