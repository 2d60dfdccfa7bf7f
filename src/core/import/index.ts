/**
 * Importing a plan as councils keep it, losing nothing: read cells → find the header and map columns → classify
 * each row → build actions → match against the register → report. Each step lives in its own module:
 * text.ts (cells), columns.ts (headers), rows.ts (classification), tables.ts and blocks.ts (building drafts),
 * dates.ts, status.ts, refs.ts and finish.ts (actions), match.ts (re-import), report.ts (the report).
 */
import { isBlockLayout, readBlocks } from './blocks';
import { likelyHeaderRow, mapColumns, normaliseMapping } from './columns';
import { Drafts } from './draft';
import { ExtraColumns } from './extras';
import { finishActions } from './finish';
import { planChanges } from './match';
import { Report } from './report';
import { classifyTables } from './rows';
import { readTables } from './tables';
import { isBlankRow, readCells, type CellText } from './text';
import type { ColumnMapping, ImportOptions, ImportResult, UnknownHeader } from './types';

export type * from './types';
export { CELL_LIMIT, splitForCells } from './limits';
export { fieldNamed, parseMapping, recogniseHeader } from './columns';

interface LayoutRead {
  readonly layout: string;
  readonly unknownHeaders: readonly UnknownHeader[];
  /** 1-based row of the first header found, if any. */
  readonly headerRow: number | null;
}

const NO_HEADER = 'no header row naming an Action column and another column (such as Ref, Timescale or Lead)';

function readLayout(
  rows: readonly (readonly CellText[])[],
  drafts: Drafts,
  extras: ExtraColumns,
  report: Report,
  mapping: ColumnMapping | undefined,
): LayoutRead {
  const { tables, classified } = classifyTables(rows, mapping);
  if (tables.length === 0) return readNothing(rows, report, mapping);
  const headerRow = tables[0].headerIndex + 1;
  if (isBlockLayout(rows))
    return { layout: readBlocks(rows, drafts, report, mapping), unknownHeaders: [], headerRow };
  const read = readTables(rows, tables, classified, drafts, extras, report);
  return { ...read, headerRow };
}

/** No header: every row is reported, and the likeliest header row's cells are offered for mapping. */
function readNothing(
  rows: readonly (readonly CellText[])[],
  report: Report,
  mapping: ColumnMapping | undefined,
): LayoutRead {
  rows.forEach((cells, i) => {
    if (isBlankRow(cells)) report.blank(i + 1);
    else report.leftOut(i + 1, cells, NO_HEADER, 'not imported: its text is kept in this line');
  });
  const likely = likelyHeaderRow(rows);
  const unknownHeaders =
    likely === null
      ? []
      : mapColumns(rows[likely], mapping).extras.map((e) => ({
          row: likely + 1,
          column: e.index + 1,
          header: e.header,
        }));
  return {
    layout: 'not recognised',
    unknownHeaders: unknownHeaders.filter((u) => u.header !== ''),
    headerRow: null,
  };
}

function noActionsError(rows: readonly (readonly CellText[])[], read: LayoutRead): string {
  if (rows.every(isBlankRow)) return 'No actions imported: the plan is empty.';
  if (read.headerRow === null) {
    const unknown = read.unknownHeaders.map((u) => `“${u.header}”`).join(', ');
    return `No actions imported: ${NO_HEADER}.${unknown === '' ? '' : ` Headers not understood: ${unknown}.`}`;
  }
  return `No actions imported: the header row (row ${read.headerRow}) has no action rows under it.`;
}

/** Turns a plan (a pasted grid or a file's cells) into actions, changes to the register and a report. */
export function importPlan(grid: readonly (readonly unknown[])[], options: ImportOptions): ImportResult {
  const rows = readCells(grid);
  const report = new Report();
  const drafts = new Drafts();
  const extras = new ExtraColumns();
  const mapping = options.mapping === undefined ? undefined : normaliseMapping(options.mapping);
  const read = readLayout(rows, drafts, extras, report, mapping);
  const actions = finishActions(drafts, extras, options, report);
  return {
    actions,
    extraColumns: extras.columns,
    report: report.sorted(),
    unknownHeaders: read.unknownHeaders,
    layout: read.layout,
    changes: planChanges(actions, options.existing ?? []),
    error: actions.length === 0 ? noActionsError(rows, read) : null,
  };
}
