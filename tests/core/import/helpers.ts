import * as fs from 'fs';
import * as path from 'path';
import { recogniseHeader } from '../../../src/core/import';
import type { ImportResult, ImportedAction } from '../../../src/core/import';
import { plainText } from '../../../src/core/import/text';
import { parseTimescale } from '../../../src/core/timescale';

const SEEDS = path.join(__dirname, '../../fixtures/seeds');

/** A seed's text as the grid a paste of it gives: lines by tabs. */
export function seedGrid(prefix: string): string[][] {
  const file = fs.readdirSync(SEEDS).find((f) => f.startsWith(prefix));
  if (!file) throw new Error(`seed ${prefix} not found`);
  return fs
    .readFileSync(path.join(SEEDS, file), 'utf8')
    .split('\n')
    .map((line) => line.split('\t'));
}

/** 1-based number of the first row whose raw text contains `text`. */
export function rowOf(grid: readonly (readonly string[])[], text: string): number {
  const index = grid.findIndex((cells) => cells.join('\t').includes(text));
  if (index < 0) throw new Error(`no row contains ${text}`);
  return index + 1;
}

export function byRef(result: ImportResult, ref: string): ImportedAction {
  const found = result.actions.find((a) => a.ref === ref);
  if (!found) throw new Error(`no action ${ref}: ${result.actions.map((a) => a.ref).join(', ')}`);
  return found;
}

/** The problems reported on a row (lines covering it included). */
export function problemsAt(result: ImportResult, row: number): string[] {
  return result.report.filter((p) => p.row <= row && row <= (p.lastRow ?? p.row)).map((p) => p.problem);
}

/** Rows with text that are not header rows and are in no action and no report line. */
export function unaccountedRows(
  grid: readonly (readonly string[])[],
  result: ImportResult,
  header: RegExp,
): number[] {
  const covered = new Set<number>();
  for (const a of result.actions) a.sourceRows.forEach((r) => covered.add(r));
  for (const p of result.report) for (let r = p.row; r <= (p.lastRow ?? p.row); r++) covered.add(r);
  const missing: number[] = [];
  grid.forEach((cells, i) => {
    const text = cells.map(plainText).join('|');
    if (text.replace(/\|/g, '').trim() === '' || header.test(text)) return;
    if (!covered.has(i + 1)) missing.push(i + 1);
  });
  return missing;
}

function textFields(a: ImportedAction): string[] {
  return [
    a.id,
    a.ref,
    a.source,
    a.kloe,
    a.recommendation,
    a.action,
    a.priority,
    a.timescale,
    a.extensionReason,
    a.lead,
    a.progress,
    a.planStatus,
    ...a.extras,
  ];
}

function oneDay(text: string): string | null {
  const t = parseTimescale(text);
  return t.kind === 'deadline' && t.dates.length === 1 ? t.dates[0] : null;
}

/**
 * Every non-blank cell of the plan that is not found, exactly as written, in a field of an action built from
 * its row, in an extra column, or in a report line naming its row (a date cell may be found as the date it
 * names in a date field). A header row's cells are found when the import recognises them or keeps their
 * column. Returns "row:column text" for each cell not found.
 */
export function unaccountedCells(grid: readonly (readonly string[])[], result: ImportResult): string[] {
  const byRow = new Map<number, ImportedAction[]>();
  for (const a of result.actions) for (const r of a.sourceRows) byRow.set(r, [...(byRow.get(r) ?? []), a]);
  const extraHeaders = new Set([
    ...result.extraColumns.map((e) => e.header),
    ...result.unknownHeaders.map((u) => u.header),
  ]);
  const missing: string[] = [];
  grid.forEach((cells, i) => {
    const row = i + 1;
    const filled = cells.filter((c) => c.trim() !== '');
    const isHeader = filled.length >= 2 && filled.filter((c) => recogniseHeader(c) !== null).length >= 2;
    const actions = byRow.get(row) ?? [];
    const reported = result.report
      .filter((p) => p.row <= row && row <= (p.lastRow ?? p.row))
      .map((p) => p.text ?? '');
    cells.forEach((cell, c) => {
      const text = cell.replace(/\r\n?/g, '\n');
      if (text.trim() === '') return;
      if (
        isHeader &&
        (recogniseHeader(text) !== null || [...extraHeaders].some((h) => h.includes(text.trim())))
      )
        return;
      const inAction = actions.some((a) => textFields(a).some((f) => f.includes(text)));
      const day = oneDay(text);
      const asDate =
        day !== null &&
        actions.some((a) => [a.dueDate, a.revisedDueDate, a.completedOn, a.progressDate].includes(day));
      if (inAction || asDate || reported.some((t) => t.includes(text))) return;
      missing.push(`${row}:${c + 1} ${JSON.stringify(text.slice(0, 60))}`);
    });
  });
  return missing;
}
