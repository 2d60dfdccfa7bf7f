/**
 * Actions as they are read, before refs, dates and statuses are worked out (step 4 builds them, step 5 finishes
 * them). A recommendation group (KLOE, recommendation number and text) is shared by the actions under it.
 */
import type { IsoDate } from '../model';
import { joinText } from './text';
import type { ImportField } from './types';

export interface Rec {
  kloe: string;
  /** The recommendation's number, for refs ("3" from "3. Ensure broad involvement"). */
  number: string | undefined;
  /** The recommendation as written, its number included. */
  text: string;
  firstRow: number;
  /** Rows that gave only the KLOE or recommendation (headings, recommendation blocks). */
  rows: number[];
  actions: Draft[];
}

/** Text fields a draft keeps, as written. */
export type DraftField = Exclude<ImportField, 'kloe' | 'finding' | 'recommendation'>;

export interface Draft {
  rec: Rec;
  /** The cell text of each field, as written ('' or absent when blank). */
  text: Partial<Record<DraftField, string>>;
  /** Text of extra columns, by index into the import's extra columns. */
  extras: Map<number, string>;
  /** The council's own lettering in recommendation blocks ("a", "b.ii"). */
  label: string | undefined;
  /** "Progress to 31 July 2010": the day the table's progress is as at. */
  headerProgressDate: IsoDate | null;
  /** The plan gives timescales in a Timescale column (else a date column's text is the timescale). */
  hasTimescaleColumn: boolean;
  /** The table has a Ref column (a missing ref is worth a line). */
  hasRefColumn: boolean;
  sourceRows: number[];
}

export class Drafts {
  readonly recs: Rec[] = [];
  readonly all: Draft[] = [];

  newRec(kloe: string, number: string | undefined, text: string, row: number): Rec {
    const rec: Rec = { kloe, number, text, firstRow: row, rows: [], actions: [] };
    this.recs.push(rec);
    return rec;
  }

  newDraft(rec: Rec, row: number, fields: Partial<Omit<Draft, 'rec' | 'sourceRows'>> = {}): Draft {
    const draft: Draft = {
      rec,
      text: {},
      extras: new Map(),
      label: undefined,
      headerProgressDate: null,
      hasTimescaleColumn: true,
      hasRefColumn: false,
      ...fields,
      sourceRows: [row],
    };
    rec.actions.push(draft);
    this.all.push(draft);
    return draft;
  }
}

/** Adds a continuation's text to a field of a draft. */
export function extendField(draft: Draft, field: DraftField, more: string): void {
  if (more === '') return;
  draft.text[field] = joinText(draft.text[field] ?? '', more);
}

/** "Setting targets 3. Ensure broad involvement": KLOE "Setting targets", recommendation "3. Ensure ...". */
export function splitKloeRec(s: string): { kloe: string; number: string | undefined; text: string } {
  const m = /(?:^|\s)(\d{1,3})[.)](?:\s+|$)/.exec(s);
  if (!m) return { kloe: s.trim(), number: undefined, text: '' };
  const start = m.index + m[0].indexOf(m[1]);
  return { kloe: s.slice(0, start).trim(), number: String(Number(m[1])), text: s.slice(start).trim() };
}

/** The number of "3. Ensure ...", "R3 Ensure ...", "Rec. 3: Ensure ..."; undefined when it has none. */
export function recNumberOf(s: string): string | undefined {
  const m = /^\s*(?:(?:r|rec|recc|recommendation)\.?\s*(\d{1,3})[.):]?|(\d{1,3})[.)])(?:\s|$)/i.exec(s);
  return m ? String(Number(m[1] ?? m[2])) : undefined;
}
