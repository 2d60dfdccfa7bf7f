/**
 * Step 3, classify each row of a plan laid out as tables. The rules, each in one place:
 * - A row with any field of its own (ref, timescale or a date, lead, status, priority) is its own action, even
 *   when its action text is blank. A lone cell in the Ref column that is not a ref ("Audits reported in
 *   2023/24") is a section row.
 * - A row with nothing but more text continues the action above: always where the plan's actions carry fields
 *   of their own, and in a plan of bare actions (a blank plan such as seed 002's) only when the row carries on a
 *   sentence (every cell starts in lower case). A row with new KLOE or recommendation text starts a new group.
 * - KLOE, finding, recommendation or source text alone is a heading that fills down over the actions below.
 * - Blank lines, section rows, page headings ("Appendix A", "Agenda Item No. 6") and a header repeated after a
 *   page break do not end a plan. What comes after a blank line below a table's last action is not the plan.
 */
import { isPlanHeader, mapColumns, mightBeHeader, type ColumnMap } from './columns';
import { BLANK_CELL, isBlankCell, isBlankRow, startsLowerCase, type CellText } from './text';
import type { ColumnMapping, ImportField } from './types';

export type RowKind =
  | 'blank'
  | 'header'
  | 'repeated header'
  | 'action'
  | 'continuation'
  | 'heading'
  | 'section'
  | 'page heading'
  | 'orphan'
  | 'before plan'
  | 'after plan';

/** A table: a header row and the rows under it, up to the next different header. */
export interface Table {
  readonly headerIndex: number;
  readonly map: ColumnMap;
}

export interface ClassifiedRow {
  /** 0-based index into the grid. */
  readonly index: number;
  readonly kind: RowKind;
  /** Index into the tables, -1 before the first. */
  readonly table: number;
}

/** Fields that make a row an action of its own. */
export const OWN_FIELDS: readonly ImportField[] = [
  'id',
  'ref',
  'timescale',
  'dueDate',
  'revisedDueDate',
  'lead',
  'status',
  'priority',
  'completedOn',
  'progressDate',
];

/** Fields that name a group of actions and fill down. */
export const GROUP_FIELDS: readonly ImportField[] = ['kloe', 'finding', 'recommendation', 'source'];

const PAGE_HEADING =
  /^(?:(?:appendix|annex|annexe)\s+[a-z0-9]{1,4}\b.{0,60}|agenda item\b.{0,40}|page\s+\d+(?:\s+of\s+\d+)?|\(?continued\)?|cont(?:inued|'d)\.?)$/i;

export function isPageHeading(text: string): boolean {
  return PAGE_HEADING.test(text.trim());
}

/** A ref is a short code ("R01", "1.10", "22 CTAX & NNDR 01"), not a phrase in lower-case words. */
export function looksLikeRef(text: string): boolean {
  return text.trim().length <= 30 && !/\b[a-z]{3,}\b/.test(text);
}

/** One row seen through its table's columns. */
export class RowView {
  constructor(
    readonly cells: readonly CellText[],
    readonly map: ColumnMap,
  ) {}

  cell(field: ImportField): CellText {
    const index = this.map.fields[field];
    return index === undefined ? BLANK_CELL : (this.cells[index] ?? BLANK_CELL);
  }

  has(field: ImportField): boolean {
    return !isBlankCell(this.cell(field));
  }

  get combined(): CellText {
    return this.map.combined === undefined ? BLANK_CELL : (this.cells[this.map.combined] ?? BLANK_CELL);
  }

  ownFields(): ImportField[] {
    return OWN_FIELDS.filter((f) => this.has(f));
  }

  hasGroup(): boolean {
    return GROUP_FIELDS.some((f) => this.has(f)) || !isBlankCell(this.combined);
  }

  /** Text other than group cells and the action: progress, extension reason, extra columns. */
  hasOtherText(): boolean {
    return (
      this.has('progress') ||
      this.has('extensionReason') ||
      this.map.extras.some((e) => !isBlankCell(this.cells[e.index] ?? BLANK_CELL))
    );
  }

  filled(): CellText[] {
    return this.cells.filter((c) => !isBlankCell(c));
  }
}

interface TableState {
  hasAction: boolean;
  /** Some action of this table has a field of its own. */
  actionsHaveFields: boolean;
}

/** The kind of one non-blank row under a header. */
export function classifyRow(view: RowView, state: TableState): RowKind {
  const filled = view.filled();
  const own = view.ownFields();
  if (filled.length <= 2 && isPageHeading(filled.map((c) => c.plain).join(' '))) return 'page heading';
  if (own.length > 0) {
    const lone = filled.length === 1 && own.length === 1 && own[0] === 'ref';
    return lone && !looksLikeRef(view.cell('ref').plain) ? 'section' : 'action';
  }
  const lower = filled.every((c) => startsLowerCase(c.plain));
  if (view.has('action')) {
    if ((view.hasGroup() && !lower) || !state.hasAction) return 'action';
    return state.actionsHaveFields || lower ? 'continuation' : 'action';
  }
  if (view.hasGroup() && !view.hasOtherText()) return state.hasAction && lower ? 'continuation' : 'heading';
  return state.hasAction ? 'continuation' : 'orphan';
}

function isHeaderRow(
  cells: readonly CellText[],
  mapping: ColumnMapping | undefined,
  width: number,
): ColumnMap | null {
  const filled = cells.filter((c) => !isBlankCell(c));
  if (filled.length < 2 || filled.some((c) => c.plain.length > 80) || !mightBeHeader(cells, mapping))
    return null;
  const map = mapColumns(cells, mapping, width);
  return isPlanHeader(map) ? map : null;
}

/** Finds every header row and classifies every row. */
export function classifyTables(
  rows: readonly (readonly CellText[])[],
  mapping?: ColumnMapping,
): { tables: Table[]; classified: ClassifiedRow[] } {
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  const tables: Table[] = [];
  const classified: ClassifiedRow[] = [];
  let state: TableState = { hasAction: false, actionsHaveFields: false };
  rows.forEach((cells, index) => {
    const current = tables.length - 1;
    if (isBlankRow(cells)) {
      classified.push({ index, kind: 'blank', table: current });
      return;
    }
    const header = isHeaderRow(cells, mapping, width);
    if (header !== null) {
      if (current >= 0 && tables[current].map.key === header.key) {
        classified.push({ index, kind: 'repeated header', table: current });
        return;
      }
      tables.push({ headerIndex: index, map: header });
      state = { hasAction: false, actionsHaveFields: false };
      classified.push({ index, kind: 'header', table: current + 1 });
      return;
    }
    if (current < 0) {
      classified.push({ index, kind: 'before plan', table: -1 });
      return;
    }
    const view = new RowView(cells, tables[current].map);
    const kind = classifyRow(view, state);
    if (kind === 'action') {
      state.hasAction = true;
      if (view.ownFields().length > 0) state.actionsHaveFields = true;
    }
    classified.push({ index, kind, table: current });
  });
  return { tables, classified: endTables(classified) };
}

const ENDABLE: ReadonlySet<RowKind> = new Set([
  'continuation',
  'heading',
  'section',
  'orphan',
  'page heading',
]);

/** Below a table's last action, what follows a blank line is not the plan. */
function endTables(classified: ClassifiedRow[]): ClassifiedRow[] {
  const out = [...classified];
  const lastAction = new Map<number, number>();
  out.forEach((r, i) => {
    if (r.kind === 'action') lastAction.set(r.table, i);
  });
  let blankSeen = false;
  for (let i = 0; i < out.length; i++) {
    const r = out[i];
    const last = lastAction.get(r.table);
    if (r.table < 0 || last === undefined || i <= last) {
      blankSeen = false;
      continue;
    }
    if (r.kind === 'blank') blankSeen = true;
    else if (r.kind === 'header' || r.kind === 'repeated header') blankSeen = false;
    else if (blankSeen && ENDABLE.has(r.kind)) out[i] = { ...r, kind: 'after plan' };
  }
  return out;
}
