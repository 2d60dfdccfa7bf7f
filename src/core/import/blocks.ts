/**
 * Step 4 for plans laid out as recommendation blocks (seed 003): "RECOMMENDATION n", its text, a RESPONSE,
 * "ACTION | TIMESCALE | LEAD" rows lettered a), b) with sub-items i., ii., then "PROGRESS with Rn" paragraphs
 * lettered to match.
 * - The label of a lettered item moves into the ref; the letters of a progress paragraph ("a) b) and f)") choose
 *   the actions it is added to, and the "- " that marks each paragraph as a list item goes. Each line of a cell is
 *   a paragraph: a Doc's lines and a paste's <p> markup (converted to lines) share progress out alike.
 * - A blank LEAD means the lead above, in the same recommendation, continues (reported for each action).
 * - A row with no label, timescale or lead carries on the action above (a page break); one with a timescale or
 *   a lead of its own is an action of its own.
 * - The layout has no KLOE (reported once); a response has no register column (reported with its text).
 */
import { isPlanHeader, mapColumns, type ColumnMap } from './columns';
import { Drafts, extendField, type Draft, type Rec } from './draft';
import type { Report } from './report';
import { isPageHeading } from './rows';
import { isBlankCell, joinText, plainText, type CellText } from './text';
import type { ColumnMapping } from './types';

export const RECOMMENDATION_HEADING = /^RECOMMENDATION\s+(\d{1,3})\s*[.:]?$/i;
const RESPONSE_HEADING = /^RESPONSES?\s*:?$/i;
const PROGRESS_HEADING =
  /^PROGRESS\s+(?:with|on|against|for)?\s*R(?:ec(?:c|s|ommendation)?)?\.?\s*(\d{1,3})\s*:?$/i;
const ROMAN = /^[ivx]{1,4}$/i;
const KEPT_HERE = 'not imported: its text is kept in this line';

/** True when the plan is laid out as recommendation blocks. */
export function isBlockLayout(rows: readonly (readonly CellText[])[]): boolean {
  return rows.some((cells) => RECOMMENDATION_HEADING.test(onlyText(cells)));
}

function onlyText(cells: readonly CellText[]): string {
  const filled = cells.filter((c) => !isBlankCell(c));
  return filled.length === 1 ? filled[0].plain : '';
}

function nextLetter(letter: string): string {
  return String.fromCharCode(letter.toLowerCase().charCodeAt(0) + 1);
}

interface Label {
  letter: string | undefined;
  roman: string | undefined;
  text: string;
}

/** "a) ...", "b) i. ...", "ii. ...": the council's lettering and the text after it. */
export function actionLabel(text: string, lastLetter: string | undefined): Label {
  const first = /^\s*\(?([a-z]|[ivx]{1,4})[).](?:\s+|$)/i.exec(text);
  if (!first) return { letter: undefined, roman: undefined, text };
  const token = first[1];
  let rest = text.slice(first[0].length);
  // "i)" after "h)" is the next letter; after any other letter it is a sub-item.
  const isRoman =
    ROMAN.test(token) &&
    !(token.length === 1 && lastLetter !== undefined && nextLetter(lastLetter) === token.toLowerCase());
  if (isRoman) return { letter: undefined, roman: token, text: rest };
  const second = /^\(?([ivx]{1,4})[).](?:\s+|$)/i.exec(rest);
  let roman: string | undefined;
  if (second) {
    roman = second[1];
    rest = rest.slice(second[0].length);
  }
  return { letter: token, roman, text: rest };
}

interface ProgressLabel {
  letter: string;
  roman: string | undefined;
}

/** "- a) b), c), d) and f) Following ..." or "b) (ii) Achieved.": the labels and the text after them. */
export function progressLabels(paragraph: string): { labels: ProgressLabel[]; text: string } {
  const labels: ProgressLabel[] = [];
  let rest = paragraph.replace(/^\s*[-–]\s+/, '');
  const token = /^\s*(?:,|and|&)?\s*\(?([a-z]|[ivx]{1,4})\)(?:\s*\(([ivx]{1,4})\))?(?=\s|,|$)/i;
  for (let m = token.exec(rest); m; m = token.exec(rest)) {
    labels.push({ letter: m[1], roman: m[2] });
    rest = rest.slice(m[0].length);
  }
  return { labels, text: labels.length > 0 ? rest.replace(/^[\s,:;-]+/, '') : rest };
}

function findByLabel(rec: Rec, letter: string, roman: string | undefined): Draft[] {
  const labelled = rec.actions.filter((d) => d.label !== undefined);
  const is = (code: string): Draft[] => labelled.filter((d) => d.label?.toLowerCase() === code.toLowerCase());
  if (roman !== undefined) {
    const exact = is(`${letter}.${roman}`);
    if (exact.length > 0) return exact;
  }
  const exact = is(letter);
  if (exact.length > 0) return exact;
  return labelled.filter((d) => d.label?.toLowerCase().startsWith(`${letter.toLowerCase()}.`));
}

type Mode = 'outside' | 'title' | 'response' | 'actions' | 'progress';

/** Reads every recommendation block into drafts; returns the layout's description. */
export function readBlocks(
  rows: readonly (readonly CellText[])[],
  drafts: Drafts,
  report: Report,
  mapping?: ColumnMapping,
): string {
  const reader = new BlockReader(drafts, report, mapping);
  rows.forEach((cells, i) => reader.read(cells, i + 1));
  reader.end();
  return 'recommendation blocks: RECOMMENDATION n, RESPONSE, ACTION | TIMESCALE | LEAD, PROGRESS with Rn';
}

class BlockReader {
  private mode: Mode = 'outside';
  private rec: Rec | undefined;
  private columns: ColumnMap | undefined;
  private lastLead = '';
  private lastLetter: string | undefined;
  private lastDraft: Draft | undefined;
  private progressRec: Rec | undefined;
  private progressTargets: Draft[] = [];
  private firstHeaderRow: number | undefined;

  constructor(
    private readonly drafts: Drafts,
    private readonly report: Report,
    private readonly mapping: ColumnMapping | undefined,
  ) {}

  read(cells: readonly CellText[], row: number): void {
    if (cells.every(isBlankCell)) return this.report.blank(row);
    if (this.heading(cells, row)) return;
    if (this.mode === 'title' || this.mode === 'actions' || this.mode === 'progress')
      this.report.conversions(row, cells);
    switch (this.mode) {
      case 'outside':
        return this.report.leftOut(
          row,
          cells,
          'not part of the plan (before the first recommendation)',
          KEPT_HERE,
        );
      case 'response':
        return this.respond(cells, row);
      case 'title':
        return this.title(cells, row);
      case 'actions':
        return this.actionRow(cells, row);
      case 'progress':
        return this.progressRow(cells, row);
    }
  }

  /** Headings that switch what the rows below are; true when the row was one. */
  private heading(cells: readonly CellText[], row: number): boolean {
    const only = onlyText(cells);
    const recHeading = RECOMMENDATION_HEADING.exec(only);
    const progressHeading = PROGRESS_HEADING.exec(only);
    const header = recHeading || progressHeading ? null : headerMap(cells, this.mapping);
    if (!recHeading && !progressHeading && !RESPONSE_HEADING.test(only) && header === null) return false;
    this.report.close();
    if (recHeading) {
      this.rec = this.drafts.newRec('', String(Number(recHeading[1])), '', row);
      this.rec.rows.push(row);
      this.mode = 'title';
      this.lastLead = '';
      this.lastLetter = undefined;
      this.lastDraft = undefined;
    } else if (progressHeading) {
      const n = String(Number(progressHeading[1]));
      this.progressRec = this.drafts.recs.find((r) => r.number === n) ?? this.currentRec(row);
      this.progressRec.rows.push(row);
      this.progressTargets = [];
      this.mode = 'progress';
    } else if (header !== null) {
      this.firstHeaderRow ??= row;
      this.columns = header;
      this.currentRec(row);
      this.mode = 'actions';
    } else {
      this.mode = 'response';
      this.respond(cells, row);
    }
    return true;
  }

  /** A response (its heading and text) has no register column: reported with its text. */
  private respond(cells: readonly CellText[], row: number): void {
    const what = this.rec?.number !== undefined ? `recommendation ${this.rec.number}` : 'the recommendation';
    this.report.leftOut(row, cells, `the response to ${what}: the register has no column for it`, KEPT_HERE);
  }

  private currentRec(row: number): Rec {
    return this.rec ?? (this.rec = this.drafts.newRec('', undefined, '', row));
  }

  private title(cells: readonly CellText[], row: number): void {
    const rec = this.currentRec(row);
    rec.text = joinText(
      rec.text,
      cells
        .filter((c) => !isBlankCell(c))
        .map((c) => c.text)
        .join(' '),
    );
    rec.rows.push(row);
  }

  private cellsOf(cells: readonly CellText[]): { action: string; timescale: string; lead: string } {
    const map = this.columns as ColumnMap;
    const actionIndex = map.fields.action ?? 0;
    const known = Object.values(map.fields).filter((v): v is number => v !== undefined && v > actionIndex);
    const nextKnown = known.length > 0 ? Math.min(...known) : cells.length;
    // A column with no header between ACTION and TIMESCALE holds sub-items ("b) | i. Complete ...").
    const between = map.extras.map((e) => e.index).filter((i) => i > actionIndex && i < nextKnown);
    const at = (i: number | undefined): string => (i === undefined ? '' : (cells[i]?.text ?? '').trim());
    const action = [actionIndex, ...between]
      .map(at)
      .filter((c) => c !== '')
      .join(' ');
    return { action, timescale: at(map.fields.timescale), lead: at(map.fields.lead) };
  }

  private actionRow(cells: readonly CellText[], row: number): void {
    const { action, timescale, lead } = this.cellsOf(cells);
    if (action === '' && timescale === '' && lead === '')
      return this.report.leftOut(
        row,
        cells,
        'text outside the ACTION, TIMESCALE and LEAD columns',
        KEPT_HERE,
      );
    if (isPageHeading(plainText(action)) && timescale === '' && lead === '')
      return this.report.leftOut(row, cells, 'a page heading between action rows', KEPT_HERE);
    const label = actionLabel(action, this.lastLetter);
    const unlabelled = label.letter === undefined && label.roman === undefined;
    if (this.lastDraft && timescale === '' && lead === '' && unlabelled)
      return this.continueAction(this.lastDraft, action, row);
    this.newAction(label, action, timescale, lead, row);
  }

  private continueAction(draft: Draft, action: string, row: number): void {
    extendField(draft, 'action', action);
    draft.sourceRows.push(row);
    this.report.add({
      row,
      problem: `no label, timescale or lead: taken as the rest of the action on row ${draft.sourceRows[0]}`,
      kept: 'all its text, on that action',
    });
  }

  private newAction(label: Label, action: string, timescale: string, lead: string, row: number): void {
    if (label.letter !== undefined) this.lastLetter = label.letter;
    const parent = label.letter ?? (label.roman !== undefined ? this.lastLetter : undefined);
    const code = [parent, label.roman].filter((c): c is string => c !== undefined).join('.');
    let actionLead = lead;
    if (lead !== '') this.lastLead = lead;
    else if (this.lastLead !== '') {
      actionLead = this.lastLead;
      this.report.add({
        row,
        problem: 'no lead: the lead above in the same recommendation continues',
        kept: this.lastLead,
      });
    } else this.report.add({ row, problem: 'no lead', kept: 'lead left blank' });
    if (action === '')
      this.report.add({
        row,
        problem: 'no action text, but its own timescale or lead: an action of its own',
        kept: 'imported as an action with no action text',
      });
    this.lastDraft = this.drafts.newDraft(this.currentRec(row), row, {
      label: code === '' ? undefined : code,
      text: { action: label.text, timescale, lead: actionLead },
    });
  }

  private progressRow(cells: readonly CellText[], row: number): void {
    const rec = this.progressRec ?? this.currentRec(row);
    const paragraphs = cells
      .flatMap((c) => c.text.split('\n'))
      .map((p) => p.trim())
      .filter((p) => p !== '');
    for (const paragraph of paragraphs) {
      const { labels, text } = progressLabels(paragraph);
      const targets = this.progressTargetsFor(rec, labels, row);
      if (targets.length === 0) {
        this.report.add({
          row,
          problem: 'progress for a recommendation with no actions',
          kept: KEPT_HERE,
          text: paragraph,
        });
        continue;
      }
      for (const d of targets) {
        d.text.progress = d.text.progress ? `${d.text.progress}\n${text}` : text;
        if (!d.sourceRows.includes(row)) d.sourceRows.push(row);
      }
    }
  }

  /** Lettered progress goes to those actions; unlettered carries on the lettered one above, else goes to all. */
  private progressTargetsFor(rec: Rec, labels: readonly ProgressLabel[], row: number): Draft[] {
    if (labels.length > 0) {
      const targets: Draft[] = [];
      for (const l of labels)
        for (const d of findByLabel(rec, l.letter, l.roman)) if (!targets.includes(d)) targets.push(d);
      if (targets.length === 0 && rec.actions.length > 0) {
        targets.push(rec.actions[0]);
        this.report.add({
          row,
          problem: `progress for ${labels.map((l) => `${l.letter})${l.roman ? ` (${l.roman})` : ''}`).join(' ')} but recommendation ${rec.number ?? ''} has no such action`,
          kept: 'the progress, on its first action',
        });
      }
      this.progressTargets = targets;
      return targets;
    }
    if (this.progressTargets.length > 0) return this.progressTargets;
    if (rec.actions.length > 1)
      this.report.add({
        row,
        problem: `progress without a letter: added to every action of recommendation ${rec.number ?? ''}`,
        kept: 'the progress, on each of them',
      });
    return rec.actions;
  }

  end(): void {
    this.report.close();
    for (const r of this.drafts.recs) {
      if (r.actions.length > 0 || r.rows.length === 0) continue;
      this.report.add({
        row: r.rows[0],
        problem: `recommendation ${r.number ?? ''} has no actions`,
        kept: KEPT_HERE,
        text: r.text === '' ? undefined : `RECOMMENDATION ${r.number ?? ''}\n${r.text}`,
      });
    }
    if (this.firstHeaderRow !== undefined && this.drafts.all.length > 0)
      this.report.add({
        row: this.firstHeaderRow,
        problem: 'this layout has no KLOE: every action imported without one',
        kept: 'KLOE left blank',
      });
  }
}

function headerMap(cells: readonly CellText[], mapping: ColumnMapping | undefined): ColumnMap | null {
  const map = mapColumns(cells, mapping);
  return isPlanHeader(map) ? map : null;
}
