/**
 * Step 4 for plans laid out as tables (seeds 000, 002, 004, trackers, register exports): the classified rows
 * become drafts. KLOE, recommendation and source fill down (merged cells), and a KLOE or recommendation repeating
 * the one in force is that one (merged cells filled down); a continuation adds its text to the action above; rows
 * left out are reported with their text.
 */
import type { ColumnMap } from './columns';
import { unknownHeaders } from './columns';
import {
  Drafts,
  extendField,
  recNumberOf,
  splitKloeRec,
  type Draft,
  type DraftField,
  type Rec,
} from './draft';
import { ExtraColumns } from './extras';
import { Report } from './report';
import { progressDateOf } from './dates';
import { RowView, type ClassifiedRow, type RowKind, type Table } from './rows';
import { excerpt, isBlankCell, joinText, startsLowerCase, type CellText } from './text';
import type { UnknownHeader } from './types';

const DRAFT_FIELDS: readonly DraftField[] = [
  'id',
  'ref',
  'source',
  'action',
  'priority',
  'timescale',
  'dueDate',
  'revisedDueDate',
  'extensionReason',
  'lead',
  'progress',
  'progressDate',
  'status',
  'completedOn',
];

/** Fields a continuation row can carry: text only (a row with any other field is an action). */
const CONTINUED_FIELDS: readonly DraftField[] = ['action', 'progress', 'extensionReason', 'source'];

const LEFT_OUT: Partial<Record<RowKind, string>> = {
  'before plan': 'not part of the plan (before its header row)',
  'after plan': 'after the end of the plan (a key, notes or text after it)',
  'page heading': 'a page heading inside the plan',
  section: 'a section heading inside the plan: the plan goes on below it',
  orphan: 'text with no action above it to belong to',
};

const KEPT_HERE = 'not imported: its text is kept in this line';

export interface TablesRead {
  readonly layout: string;
  readonly unknownHeaders: UnknownHeader[];
}

/** Reads every table of the plan into drafts. */
export function readTables(
  rows: readonly (readonly CellText[])[],
  tables: readonly Table[],
  classified: readonly ClassifiedRow[],
  drafts: Drafts,
  extras: ExtraColumns,
  report: Report,
): TablesRead {
  const reader = new TableReader(rows, tables, drafts, extras, report);
  for (const r of classified) reader.read(r);
  return { layout: reader.layout(), unknownHeaders: reader.unknownHeaders() };
}

class TableReader {
  private rec: Rec | undefined;
  /** The KLOE and recommendation the group in force was named with, as its row wrote them. */
  private named: { kloe: string; text: string } | undefined;
  /** The first row naming each KLOE and recommendation, to say when one comes back after another. */
  private readonly namedOn = new Map<string, number>();
  private prev: Draft | undefined;
  private source: { text: string; row: number } | undefined;
  private repeats = 0;
  private readonly said = new Set<string>();
  /** Extra columns of each table that hold text, reported once at the header. */
  private readonly extrasWithText = new Map<number, Set<number>>();

  constructor(
    private readonly rows: readonly (readonly CellText[])[],
    private readonly tables: readonly Table[],
    private readonly drafts: Drafts,
    private readonly extras: ExtraColumns,
    private readonly report: Report,
  ) {}

  read(r: ClassifiedRow): void {
    const row = r.index + 1;
    const cells = this.rows[r.index];
    const leftOut = LEFT_OUT[r.kind];
    if (leftOut !== undefined) return this.report.leftOut(row, cells, leftOut, KEPT_HERE);
    if (r.kind === 'blank') return this.report.blank(row);
    this.report.close();
    const table = this.tables[r.table];
    if (r.kind === 'repeated header') this.repeats++;
    else if (r.kind === 'header') this.startTable(table, row);
    else {
      const view = new RowView(cells, table.map);
      this.report.conversions(row, cells, table.map.headers);
      if (r.kind === 'heading') this.heading(view, row);
      else if (r.kind === 'continuation') this.continuation(view, row, r.table);
      else this.action(view, row, r.table);
    }
  }

  private once(key: string, line: () => void): void {
    if (this.said.has(key)) return;
    this.said.add(key);
    line();
  }

  private startTable(table: Table, row: number): void {
    this.rec = undefined;
    this.named = undefined;
    this.prev = undefined;
    this.source = undefined;
    const fields = table.map.fields;
    if (fields.lead === undefined)
      this.once('no lead', () =>
        this.report.add({
          row,
          problem: 'no Lead column: actions imported without a lead',
          kept: 'lead left blank',
        }),
      );
    if (fields.kloe === undefined && fields.finding === undefined && table.map.combined === undefined)
      this.once('no kloe', () =>
        this.report.add({
          row,
          problem: 'no KLOE column: actions imported without a KLOE',
          kept: 'KLOE left blank',
        }),
      );
    if (table.map.recommendationsAreActions)
      this.report.add({
        row,
        problem: 'no Action column: each recommendation is imported as the action to be done',
        kept: 'the recommendation, in the Action column',
      });
  }

  /** A heading names a source, a KLOE or a recommendation for the actions below it. */
  private heading(view: RowView, row: number): void {
    if (view.has('source')) this.source = { text: view.cell('source').text, row };
    const namesGroup = (['kloe', 'finding', 'recommendation'] as const).some((f) => view.has(f));
    if (namesGroup || !isBlankCell(view.combined)) this.recFor(view, row).rows.push(row);
  }

  /**
   * The group a row belongs to: a new one where it names a KLOE or recommendation, else the one above. A KLOE or
   * recommendation identical to the one in force names nothing new: a cell merged down (Word, Excel) or an export
   * repeating it on every row gives the same text on each row, and it is still one recommendation.
   */
  private recFor(view: RowView, row: number): Rec {
    const parsed = this.newlyNamed(view);
    const hasRec = parsed.number !== undefined || parsed.text !== '';
    if (parsed.kloe === '' && !hasRec) return this.rec ?? this.firstRec(view, row);
    const rec = this.rec;
    if (
      parsed.kloe === '' &&
      rec &&
      rec.number === undefined &&
      rec.text === '' &&
      rec.kloe !== '' &&
      rec.actions.length > 0
    )
      return this.lateRec(rec, parsed, row);
    const kloe = parsed.kloe !== '' ? parsed.kloe : (this.named?.kloe ?? rec?.kloe ?? '');
    this.reportRepeat(kloe, parsed.text, row);
    this.named = { kloe, text: parsed.text };
    return (this.rec = this.drafts.newRec(
      parsed.kloe !== '' ? parsed.kloe : (rec?.kloe ?? ''),
      parsed.number,
      parsed.text,
      row,
    ));
  }

  /**
   * What a row names that is new: a KLOE repeating the one in force counts as blank, and so does a recommendation
   * repeating the one in force under that KLOE (under another KLOE it is another recommendation).
   */
  private newlyNamed(view: RowView): NamedGroup {
    const kloe = view.cell('kloe').text || view.cell('finding').text;
    const recCell = view.cell('recommendation').text;
    const combined = view.combined.text;
    const parsed =
      combined !== '' ? splitKloeRec(combined) : { kloe, number: recNumberOf(recCell), text: recCell };
    const named = this.named;
    if (!named) return parsed;
    const sameKloe = parsed.kloe === '' || sameText(parsed.kloe, named.kloe);
    if (!sameKloe) return parsed;
    if (sameText(parsed.text, named.text)) return { kloe: '', number: undefined, text: '' };
    return { ...parsed, kloe: '' };
  }

  /** The first row of a table that names no group starts one with none. */
  private firstRec(view: RowView, row: number): Rec {
    if (hasGroupColumns(view.map))
      this.report.add({
        row,
        problem: 'no KLOE or recommendation, and none above to fill down from',
        kept: 'left blank',
      });
    this.named = { kloe: '', text: '' };
    return (this.rec = this.drafts.newRec('', undefined, '', row));
  }

  /** A recommendation after actions under a KLOE that had none: a merged cell split by a page break. */
  private lateRec(rec: Rec, parsed: NamedGroup, row: number): Rec {
    rec.number = parsed.number;
    rec.text = parsed.text;
    if (this.named) this.named.text = parsed.text;
    const n = rec.actions.length;
    this.report.add({
      row,
      problem:
        `recommendation ${parsed.number ?? `“${excerpt(parsed.text)}”`} comes after ${n} action${n === 1 ? '' : 's'} ` +
        `under KLOE “${excerpt(rec.kloe)}” that had none (a merged cell split by a page break): they take it too`,
      kept: 'the recommendation, on those actions and the ones below',
    });
    return rec;
  }

  /** The same recommendation again after a different one is a recommendation of its own: said, so a person checks. */
  private reportRepeat(kloe: string, text: string, row: number): void {
    if (text.trim() === '') return;
    const key = `${spaced(kloe)}\n${spaced(text)}`;
    const first = this.namedOn.get(key);
    if (first === undefined) {
      this.namedOn.set(key, row);
      return;
    }
    this.report.add({
      row,
      problem: `recommendation “${excerpt(text)}” is also on row ${first}, with another recommendation between them`,
      kept: 'a recommendation of its own, numbered apart from the one on that row',
    });
  }

  private action(view: RowView, row: number, tableIndex: number): void {
    const table = this.tables[tableIndex];
    const rec = this.recFor(view, row);
    const text: Partial<Record<DraftField, string>> = {};
    for (const f of DRAFT_FIELDS) if (view.has(f)) text[f] = view.cell(f).text;
    if (view.has('source')) this.source = { text: view.cell('source').text, row };
    else if (this.source) text.source = this.source.text;
    const fields = table.map.fields;
    const progressHeader = fields.progress === undefined ? '' : table.map.headers[fields.progress];
    const draft = this.drafts.newDraft(rec, row, {
      text,
      hasTimescaleColumn: fields.timescale !== undefined,
      hasRefColumn: fields.ref !== undefined,
      headerProgressDate: progressDateOf(progressHeader),
    });
    if (this.source && this.source.row !== row && !draft.sourceRows.includes(this.source.row))
      draft.sourceRows.push(this.source.row);
    this.addExtras(view, tableIndex, (i, t) => draft.extras.set(i, t));
    this.reportAction(draft, view, row, table.map);
    this.prev = draft;
  }

  private reportAction(draft: Draft, view: RowView, row: number, map: ColumnMap): void {
    const actionText = draft.text.action ?? '';
    if (actionText.trim() === '') {
      const own = view.ownFields().map((f) => map.headers[map.fields[f] ?? 0] || f);
      this.report.add({
        row,
        problem: `no action text, but its own ${own.join(', ')}: an action of its own`,
        kept: 'imported as an action with no action text',
      });
    } else if (startsLowerCase(actionText) && !this.prev) {
      this.report.add({
        row,
        problem: 'action starts in lower case: it may continue a row that was not pasted',
        kept: 'the action as written',
      });
    }
    if (map.fields.lead !== undefined && !view.has('lead'))
      this.report.add({ row, problem: 'no lead', kept: 'lead left blank' });
  }

  private continuation(view: RowView, row: number, tableIndex: number): void {
    const into = this.prev;
    if (!into) return;
    const rec = into.rec;
    const kloe = view.cell('kloe').text || view.cell('finding').text;
    rec.kloe = joinText(rec.kloe, kloe);
    rec.text = joinText(rec.text, view.cell('recommendation').text);
    // The rest of a combined cell carries on its recommendation, or its KLOE when it had none yet.
    const combined = view.combined.text;
    if (rec.text !== '' || rec.number !== undefined) rec.text = joinText(rec.text, combined);
    else rec.kloe = joinText(rec.kloe, combined);
    for (const f of CONTINUED_FIELDS) if (view.has(f)) extendField(into, f, view.cell(f).text);
    this.addExtras(view, tableIndex, (i, t) => into.extras.set(i, joinText(into.extras.get(i) ?? '', t)));
    into.sourceRows.push(row);
    const why = view.filled().every((c) => startsLowerCase(c.plain))
      ? 'carries on the row above (starts in lower case)'
      : 'has no ref, timescale, date, lead or status of its own';
    this.report.add({
      row,
      problem: `${why}: its text is added to the action on row ${into.sourceRows[0]}`,
      kept: 'all its text, on that action',
    });
  }

  private addExtras(view: RowView, tableIndex: number, put: (index: number, text: string) => void): void {
    const map = this.tables[tableIndex].map;
    for (const e of map.extras) {
      const cell = view.cells[e.index];
      if (!cell || isBlankCell(cell)) continue;
      put(this.extras.indexFor(map, e.index), cell.text);
      const seen = this.extrasWithText.get(tableIndex) ?? new Set<number>();
      this.extrasWithText.set(tableIndex, seen);
      if (seen.has(e.index)) continue;
      seen.add(e.index);
      const name = this.extras.columns[this.extras.indexFor(map, e.index)].header;
      const header = this.tables[tableIndex].headerIndex + 1;
      this.report.add({
        row: header,
        column: e.header || `Column ${e.index + 1}`,
        problem: `column ${e.index + 1} (${e.header === '' ? 'no header' : `“${e.header}”`}): ${e.why}`,
        kept: `its cells, in the extra register column “${name}”`,
      });
    }
  }

  layout(): string {
    if (this.tables.length === 0) return 'not recognised';
    const first = this.tables[0].map;
    const header = first.headers.filter((h) => h !== '').join(' | ');
    const repeated =
      this.repeats > 0
        ? `; header repeated ${this.repeats} time${this.repeats === 1 ? '' : 's'} (page breaks)`
        : '';
    const more = this.tables.length > 1 ? `; ${this.tables.length} tables` : '';
    return `table: ${header}${repeated}${more}`;
  }

  /** Headers not understood: named ones always, blank or missing ones only over cells with text. */
  unknownHeaders(): UnknownHeader[] {
    return this.tables.flatMap((t, i) => {
      const withText = this.extrasWithText.get(i) ?? new Set<number>();
      return unknownHeaders(t.headerIndex + 1, t.map).filter(
        (u) => u.header !== '' || withText.has(u.column - 1),
      );
    });
  }
}

interface NamedGroup {
  readonly kloe: string;
  readonly number: string | undefined;
  readonly text: string;
}

function spaced(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

function sameText(a: string, b: string): boolean {
  return spaced(a) === spaced(b);
}

function hasGroupColumns(map: ColumnMap): boolean {
  const f = map.fields;
  return (
    f.kloe !== undefined ||
    f.finding !== undefined ||
    f.recommendation !== undefined ||
    map.combined !== undefined
  );
}
