/**
 * Importing an existing action plan pasted into the Import sheet (or read from a TSV/CSV file): the grid of
 * cells becomes actions plus a report of everything that was not fully understood. Nothing is guessed
 * silently and no row is lost: every non-blank row ends up in an action's sourceRows or in the report.
 *
 * Two layouts are read:
 * - tables with a header row naming the columns (seed 000, 002, 004, a register export, a CSV). The header
 *   may be repeated at page breaks, KLOE and recommendation cells are filled down (merged cells), and a
 *   table ends at a blank row followed by a row with no action (a key, notes or a page heading); it resumes
 *   at the next header row.
 * - recommendation blocks (seed 003): "RECOMMENDATION n", its text, a RESPONSE, "ACTION | TIMESCALE | LEAD"
 *   rows lettered a), b) with sub-items i., ii., then "PROGRESS with Rn" lines lettered to match.
 *
 * Decisions an officer should know:
 * - Refs: a Ref column wins. Otherwise the council's own lettering is kept as "<rec>.<letter>" ("5.a",
 *   "2.b.i"), else "<rec>.<n>" ("3.1"). Recommendations without a number are numbered in order of
 *   appearance after the highest number given. The same paste always gives the same refs.
 * - A recommendation cell with no KLOE text ("5. Improve clarity...") is a new recommendation under the KLOE
 *   above. If that KLOE's actions so far had no recommendation, the cell is the rest of a merged cell split
 *   by a page break, and those actions take the recommendation too (reported).
 * - In recommendation blocks a blank LEAD means the lead above, in the same recommendation, continues
 *   (reported for each action). The layout has no KLOE: reported once.
 * - A row with no action text, or whose cells all start in lower case with no timescale, continues the
 *   action above (a page break or merged cell): its text is appended to that action and reported.
 * - The label of a lettered item moves into the ref, and the letters of a progress line ("a) b) and f)")
 *   choose the actions it is added to; otherwise text is kept as written apart from markup and spacing.
 */
import { matchColumns, normaliseHeader, type ColumnKey } from './headers';
import type { IsoDate, Timescale } from './model';
import { dueDateOf, parseTimescale } from './timescale';

export interface ImportedAction {
  ref: string;
  kloe: string;
  recommendation: string;
  action: string;
  timescale: string;
  dueDate: IsoDate | null;
  lead: string;
  progress: string;
  /** The day the progress was reported to, where the Progress header names it ("Progress to 31 July 2010"). */
  progressDate: IsoDate | null;
  status: string;
  /** 1-based rows of the grid this came from. */
  sourceRows: number[];
}

export interface ImportProblem {
  /** 1-based row of the grid. */
  row: number;
  problem: string;
  kept: string;
  /** Where the line covers a block of rows (text outside the plan), the last of them. */
  lastRow?: number;
}

export interface ImportResult {
  actions: ImportedAction[];
  problems: ImportProblem[];
  layout: string;
  /** Actions left out because the register already has them (a re-import). */
  skipped: number;
}

// ---------------------------------------------------------------------------------------------------------
// Text

const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  hellip: '…',
  pound: '£',
  euro: '€',
  bull: '•',
};

const BLOCK_TAG =
  /<\/?(?:p|br|ul|ol|li|div|table|thead|tbody|tr|td|th|h[1-6]|hr|blockquote|dl|dt|dd)\b[^>]*>/gi;
const INLINE_TAG = /<\/?(?:b|i|u|em|strong|sup|sub|span|a|font|s|strike|small|big|mark|code)\b[^>]*>/gi;
const BULLETS = /[•◦○●▪■□✓✔➢►▶\uf0b7\uf0a7]/g;

function decodeEntity(whole: string, name: string): string {
  if (name[0] === '#') {
    const code =
      name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  }
  return ENTITIES[name.toLowerCase()] ?? whole;
}

/**
 * Cell text without list markup, HTML tags, markdown emphasis and bullets, with entities decoded and spaces
 * collapsed. Words are never changed.
 */
export function cleanText(s: string): string {
  let t = s.replace(/\r\n?/g, '\n');
  t = t.replace(BLOCK_TAG, ' ').replace(INLINE_TAG, '');
  t = t.replace(/\*\*/g, '');
  t = t.replace(/(^|[\s(])\*(?=\S)([^*\n]*?\S)\*(?=$|[\s).,;:!?])/g, '$1$2');
  t = t.replace(BULLETS, ' ');
  t = t.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, decodeEntity);
  t = t.replace(/[ \t\u00a0\u2000-\u200b\u202f]+/g, ' ');
  t = t.replace(/^ ?#{1,6} /gm, '').replace(/^ ?[-–] /gm, '');
  return t
    .replace(/ *\n */g, '\n')
    .replace(/\n{2,}/g, '\n')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** Text starting with = + - @ would be read by Sheets as a formula: the apostrophe stores it as text. */
export function defuseFormula(s: string): string {
  return /^[=+\-@]/.test(s) ? `'${s}` : s;
}

function join(a: string, b: string, separator = ' '): string {
  if (a === '') return b;
  if (b === '') return a;
  return a + separator + b;
}

function excerpt(s: string): string {
  const one = s.replace(/\s+/g, ' ');
  return one.length > 60 ? `${one.slice(0, 57)}...` : one;
}

function startsLowerCase(s: string): boolean {
  return /^[a-z]/.test(s);
}

function isDate(v: unknown): v is Date {
  // Dates from a sheet may come from another realm (a vm context), so instanceof is not enough.
  return Object.prototype.toString.call(v) === '[object Date]' && !Number.isNaN((v as Date).getTime());
}

function isoOf(d: Date): IsoDate {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function cellText(v: unknown): string {
  if (typeof v === 'string') return cleanText(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (isDate(v)) return isoOf(v);
  return '';
}

function isPlanHeader(texts: readonly string[]): boolean {
  const { columns, combinedKloeRec } = matchColumns([...texts]);
  if (columns.action === undefined) return false;
  const others = Object.keys(columns).length - 1 + (combinedKloeRec === undefined ? 0 : 1);
  return others >= 1;
}

// ---------------------------------------------------------------------------------------------------------
// The plan as it is read

interface Rec {
  kloe: string;
  number: string | undefined;
  text: string;
  firstRow: number;
  /** Rows that gave only the KLOE or recommendation (headings, recommendation blocks). */
  rows: number[];
  actions: Draft[];
}

interface Draft {
  rec: Rec;
  givenRef: string;
  /** The council's own lettering, e.g. "a" or "b.ii". */
  label: string | undefined;
  action: string;
  timescale: string;
  dueDateCell: IsoDate | null;
  lead: string;
  progress: string;
  progressDate: IsoDate | null;
  status: string;
  sourceRows: number[];
}

class Plan {
  readonly recs: Rec[] = [];
  readonly drafts: Draft[] = [];
  readonly problems: ImportProblem[] = [];
  private outsideBlock: { first: number; last: number; reason: string; text: string } | undefined;

  report(row: number, problem: string, kept: string, lastRow?: number): void {
    this.problems.push(
      lastRow !== undefined && lastRow > row ? { row, problem, kept, lastRow } : { row, problem, kept },
    );
  }

  newRec(kloe: string, number: string | undefined, text: string, row: number): Rec {
    const rec: Rec = { kloe, number, text, firstRow: row, rows: [], actions: [] };
    this.recs.push(rec);
    return rec;
  }

  newDraft(rec: Rec, row: number, fields: Partial<Omit<Draft, 'rec' | 'sourceRows'>>): Draft {
    const draft: Draft = {
      rec,
      givenRef: '',
      label: undefined,
      action: '',
      timescale: '',
      dueDateCell: null,
      lead: '',
      progress: '',
      progressDate: null,
      status: '',
      ...fields,
      sourceRows: [row],
    };
    rec.actions.push(draft);
    this.drafts.push(draft);
    return draft;
  }

  /** A non-blank row that is not part of a plan table; consecutive ones make one report line. */
  outside(row: number, reason: string, text: string): void {
    if (this.outsideBlock && this.outsideBlock.reason === reason) {
      this.outsideBlock.last = row;
      return;
    }
    this.closeOutside();
    this.outsideBlock = { first: row, last: row, reason, text };
  }

  closeOutside(): void {
    const b = this.outsideBlock;
    if (!b) return;
    const rows = b.last > b.first ? `Rows ${b.first}–${b.last}` : `Row ${b.first}`;
    this.report(
      b.first,
      `${rows} (“${excerpt(b.text)}”): ${b.reason}`,
      'not imported (still in the Import sheet)',
      b.last,
    );
    this.outsideBlock = undefined;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Recommendation numbers in cells

/** "Setting targets 3. Ensure broad involvement" is KLOE "Setting targets", recommendation 3 "Ensure ...". */
function splitKloeRec(s: string): { kloe: string; number: string | undefined; text: string } {
  const m = /^(.*?)(?:^|\s)(\d{1,3})[.)](?:\s+|$)(.*)$/s.exec(s);
  if (!m) return { kloe: s, number: undefined, text: '' };
  return { kloe: m[1].trim(), number: String(Number(m[2])), text: m[3].trim() };
}

/** "3. Ensure ...", "R3 Ensure ...", "Rec. 3: Ensure ..." give number 3; otherwise no number. */
function splitRecNumber(s: string): { number: string | undefined; text: string } {
  const m = /^(?:(?:r|rec|recc|recommendation)\.?\s*(\d{1,3})[.):]?|(\d{1,3})[.)])(?:\s+|$)(.*)$/is.exec(s);
  if (!m) return { number: undefined, text: s };
  return { number: String(Number(m[1] ?? m[2])), text: m[3].trim() };
}

// ---------------------------------------------------------------------------------------------------------
// Tables with a header row

type TableField = Exclude<ColumnKey, 'revisedDueDate' | 'lastUpdated' | 'completedOn' | 'extensions'>;

const NOT_IMPORTED: Partial<Record<ColumnKey, string>> = {
  revisedDueDate: 'revised due dates',
  lastUpdated: 'last-updated dates',
  completedOn: 'completion dates',
  extensions: 'extension counts',
};

interface Table {
  columns: Partial<Record<ColumnKey, number>>;
  combined: number | undefined;
  unknown: number[];
  hasKloeOrRec: boolean;
  /** "Progress to 31 July 2010": the progress in this table is as at that day. */
  progressDate: IsoDate | null;
}

/** The day a Progress header reports to ("Progress to 31 July 2010", "Progress as at 30/09/2010"), if any. */
export function progressDateOf(header: string): IsoDate | null {
  const match = /\b(?:to|as at|at|until|up to)\s+(.+)$/i.exec(cleanText(header));
  if (!match) return null;
  const timescale = parseTimescale(match[1]);
  return timescale.kind === 'deadline' && timescale.dates.length === 1 ? timescale.dates[0] : null;
}

function readTables(plan: Plan, grid: readonly (readonly unknown[])[], texts: string[][]): string {
  let table: Table | undefined;
  let headerKey = '';
  let headerText = '';
  let repeats = 0;
  let tables = 0;
  let inTable = false;
  let blankSinceData = false;
  let afterPageBreak = false;
  let rec: Rec | undefined;
  let prev: Draft | undefined;
  let kloeColumnMissingReported = false;
  let leadColumnMissingReported = false;

  const recFor = (kloe: string, recCell: string, combined: string, row: number, t: Table): Rec => {
    const parsed = combined !== '' ? splitKloeRec(combined) : { kloe, ...splitRecNumber(recCell) };
    const hasRec = parsed.number !== undefined || parsed.text !== '';
    if (parsed.kloe === '' && !hasRec) {
      if (rec) return rec;
      if (t.hasKloeOrRec) {
        plan.report(row, 'no KLOE or recommendation, and none above to fill down from', 'left blank');
      }
      return (rec = plan.newRec('', undefined, '', row));
    }
    if (
      parsed.kloe === '' &&
      rec &&
      rec.number === undefined &&
      rec.text === '' &&
      rec.kloe !== '' &&
      rec.actions.length > 0
    ) {
      rec.number = parsed.number;
      rec.text = parsed.text;
      const n = rec.actions.length;
      plan.report(
        row,
        `recommendation ${parsed.number ?? `“${excerpt(parsed.text)}”`} comes after ${n} action${n === 1 ? '' : 's'} ` +
          `under KLOE “${excerpt(rec.kloe)}” that had none (a merged cell split by a page break): they take it too`,
        'the recommendation, on those actions and the ones below',
      );
      return rec;
    }
    return (rec = plan.newRec(
      parsed.kloe !== '' ? parsed.kloe : (rec?.kloe ?? ''),
      parsed.number,
      parsed.text,
      row,
    ));
  };

  for (let i = 0; i < texts.length; i++) {
    const row = i + 1;
    const cells = texts[i];
    if (cells.every((c) => c === '')) {
      if (prev && inTable) blankSinceData = true;
      continue;
    }
    if (isPlanHeader(cells)) {
      plan.closeOutside();
      const key = cells
        .map(normaliseHeader)
        .filter((c) => c !== '')
        .join('|');
      inTable = true;
      blankSinceData = false;
      if (key === headerKey) {
        repeats++;
        afterPageBreak = true;
        continue;
      }
      tables++;
      headerKey = key;
      headerText = cells.filter((c) => c !== '').join(' | ');
      afterPageBreak = false;
      const m = matchColumns(cells);
      table = {
        columns: m.columns,
        combined: m.combinedKloeRec,
        unknown: m.unknown,
        hasKloeOrRec:
          m.combinedKloeRec !== undefined ||
          m.columns.kloe !== undefined ||
          m.columns.recommendation !== undefined,
        progressDate:
          m.columns.progress === undefined ? null : progressDateOf(cells[m.columns.progress] ?? ''),
      };
      for (const [key2, what] of Object.entries(NOT_IMPORTED)) {
        const index = m.columns[key2 as ColumnKey];
        if (index !== undefined) {
          plan.report(
            row,
            `column “${cells[index]}”: the import does not read ${what}`,
            'not imported (still in the Import sheet)',
          );
        }
      }
      const named = m.unknown.filter((u) => cells[u] !== '');
      if (named.length > 0) {
        plan.report(
          row,
          `column${named.length === 1 ? '' : 's'} ${named.map((u) => `“${cells[u]}”`).join(', ')} not a register column`,
          'not imported (still in the Import sheet)',
        );
      }
      if (m.columns.lead === undefined && !leadColumnMissingReported) {
        leadColumnMissingReported = true;
        plan.report(row, 'no Lead column: every action imported without a lead', 'lead left blank');
      }
      if (m.columns.kloe === undefined && m.combinedKloeRec === undefined && !kloeColumnMissingReported) {
        kloeColumnMissingReported = true;
        plan.report(row, 'no KLOE column: every action imported without a KLOE', 'KLOE left blank');
      }
      continue;
    }
    if (!inTable || !table) {
      const reason =
        tables === 0
          ? 'not part of a plan table (before the first header row)'
          : 'after the end of the plan table (a key, notes or a page heading)';
      plan.outside(row, reason, cells.join(' '));
      continue;
    }
    const t = table;
    const get = (key: TableField): string => {
      const index = t.columns[key];
      return index === undefined ? '' : (cells[index] ?? '');
    };
    const action = get('action');
    if (blankSinceData && action === '' && !afterPageBreak) {
      inTable = false;
      plan.outside(row, 'after the end of the plan table (a key, notes or a page heading)', cells.join(' '));
      continue;
    }
    blankSinceData = false;
    const wasPageBreak = afterPageBreak;
    afterPageBreak = false;

    const kloe = get('kloe');
    const recCell = get('recommendation');
    const combined = t.combined === undefined ? '' : (cells[t.combined] ?? '');
    const tsIndex = t.columns.timescale;
    const dueIndex = t.columns.dueDate;
    const tsValue = tsIndex === undefined ? undefined : grid[i][tsIndex];
    const dueValue = dueIndex === undefined ? undefined : grid[i][dueIndex];
    let timescale = isDate(tsValue) ? '' : get('timescale');
    let dueDateCell: IsoDate | null = isDate(tsValue) ? isoOf(tsValue) : null;
    const dueText = get('dueDate');
    if (isDate(dueValue)) dueDateCell = isoOf(dueValue);
    else if (dueText !== '') {
      const parsed = parseTimescale(dueText);
      const date = parsed.kind === 'deadline' ? parsed.dates[0] : undefined;
      if (date !== undefined) dueDateCell = date;
      else if (timescale === '') timescale = dueText;
      else plan.report(row, `due date “${dueText}” is not a date`, 'not imported as a date');
    }
    const lead = get('lead');
    const progress = get('progress');
    const status = get('status');
    const ref = get('ref');
    const kloeRecText = [kloe, recCell, combined].filter((c) => c !== '');
    const otherText = [timescale, dueText, lead, progress, status, ref].filter((c) => c !== '');
    const unknownText = t.unknown.map((u) => cells[u] ?? '').filter((c) => c !== '');
    const allLower = [...kloeRecText, action, ...otherText].filter((c) => c !== '').every(startsLowerCase);

    const merge = (into: Draft, why: string): void => {
      into.rec.kloe = join(into.rec.kloe, kloe);
      into.rec.text = join(into.rec.text, recCell);
      // The rest of a combined cell continues its recommendation, or its KLOE when it had none yet.
      if (into.rec.text !== '' || into.rec.number !== undefined)
        into.rec.text = join(into.rec.text, combined);
      else into.rec.kloe = join(into.rec.kloe, combined);
      into.action = join(into.action, action);
      into.timescale = join(into.timescale, timescale);
      into.lead = join(into.lead, lead);
      into.progress = join(into.progress, progress);
      into.status = join(into.status, status);
      into.sourceRows.push(row);
      plan.report(
        row,
        `${why}: its text is added to the action on row ${into.sourceRows[0]}`,
        'all its text, on that action',
      );
    };

    if (action === '') {
      const headingOnly = kloeRecText.length > 0 && otherText.length === 0;
      if (headingOnly && !(prev && allLower)) {
        const r = recFor(kloe, recCell, combined, row, t);
        r.rows.push(row);
        continue;
      }
      if (prev && (kloeRecText.length > 0 || otherText.length > 0)) {
        merge(prev, 'no action text (a row split by a page break or a merged cell)');
        continue;
      }
      const text = [...kloeRecText, ...otherText, ...unknownText].join(' ');
      plan.report(
        row,
        'no action text, and no action above to add it to',
        `not imported: “${excerpt(text)}”`,
      );
      continue;
    }
    if (prev && allLower && timescale === '' && dueDateCell === null && ref === '') {
      merge(
        prev,
        wasPageBreak
          ? 'continues the row before the page break'
          : 'continues the row above (starts in lower case)',
      );
      continue;
    }
    const r = recFor(kloe, recCell, combined, row, t);
    if (startsLowerCase(action) && !prev) {
      plan.report(
        row,
        'action starts in lower case: it may continue a row that was not pasted',
        'the action as written',
      );
    }
    prev = plan.newDraft(r, row, {
      givenRef: ref,
      action,
      timescale,
      dueDateCell,
      lead,
      progress,
      progressDate: progress === '' ? null : t.progressDate,
      status,
    });
    if (t.columns.lead !== undefined && lead === '') plan.report(row, 'no lead', 'lead left blank');
  }
  plan.closeOutside();
  for (const r of plan.recs) {
    if (r.actions.length === 0 && r.rows.length > 0) {
      plan.report(
        r.rows[0],
        'KLOE or recommendation with no action under it',
        'not imported (still in the Import sheet)',
      );
    }
  }
  const repeated =
    repeats > 0 ? `; header repeated ${repeats} time${repeats === 1 ? '' : 's'} (page breaks)` : '';
  const more = tables > 1 ? `; ${tables} tables` : '';
  return `table: ${headerText}${repeated}${more}`;
}

// ---------------------------------------------------------------------------------------------------------
// Recommendation blocks

const RECOMMENDATION_HEADING = /^RECOMMENDATION\s+(\d{1,3})\s*[.:]?$/i;
const RESPONSE_HEADING = /^RESPONSES?\s*:?$/i;
const PROGRESS_HEADING =
  /^PROGRESS\s+(?:with|on|against|for)?\s*R(?:ec(?:c|s|ommendation)?)?\.?\s*(\d{1,3})\s*:?$/i;
const PAGE_HEADING = /^(appendix\b|agenda item\b|page \d+\b|annex\b)/i;

const ROMAN = /^[ivx]{1,4}$/i;

function nextLetter(letter: string): string {
  return String.fromCharCode(letter.toLowerCase().charCodeAt(0) + 1);
}

/** "a) ...", "b) i. ...", "ii. ...": the council's lettering and the text after it. */
function actionLabel(
  text: string,
  lastLetter: string | undefined,
): { letter: string | undefined; roman: string | undefined; text: string } {
  const first = /^\(?([a-z]|[ivx]{1,4})[).](?:\s+|$)/i.exec(text);
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

/** "a) b), c), d) and f) Following ..." or "b) (ii) Achieved.": the labels and the text after them. */
function progressLabels(text: string): {
  labels: { letter: string; roman: string | undefined }[];
  text: string;
} {
  const labels: { letter: string; roman: string | undefined }[] = [];
  let rest = text;
  const token = /^\s*(?:,|and|&)?\s*\(?([a-z]|[ivx]{1,4})\)(?:\s*\(([ivx]{1,4})\))?(?=\s|,|$)/i;
  for (let m = token.exec(rest); m; m = token.exec(rest)) {
    labels.push({ letter: m[1], roman: m[2] });
    rest = rest.slice(m[0].length);
  }
  return { labels, text: rest.replace(/^[\s,:;-]+/, '') };
}

function progressParagraphs(cells: readonly unknown[]): string[] {
  return cells
    .filter((c): c is string => typeof c === 'string')
    .flatMap((c) => c.split(/<\/?p\b[^>]*>/i))
    .map(cleanText)
    .filter((c) => c !== '');
}

function readBlocks(plan: Plan, grid: readonly (readonly unknown[])[], texts: string[][]): string {
  type Mode = 'outside' | 'title' | 'response' | 'actions' | 'progress';
  let mode: Mode = 'outside';
  let rec: Rec | undefined;
  let columns: ReturnType<typeof matchColumns> | undefined;
  let lastLead = '';
  let lastLetter: string | undefined;
  let lastDraft: Draft | undefined;
  let progressRec: Rec | undefined;
  let progressTargets: Draft[] = [];
  let response: { first: number; last: number } | undefined;
  let firstHeaderRow: number | undefined;

  const closeResponse = (): void => {
    if (!response) return;
    const what = rec?.number !== undefined ? `recommendation ${rec.number}` : 'the recommendation';
    plan.report(
      response.first,
      `the response to ${what}: the register has no column for it`,
      'not imported (still in the Import sheet)',
      response.last,
    );
    response = undefined;
  };
  const currentRec = (row: number): Rec => rec ?? (rec = plan.newRec('', undefined, '', row));

  for (let i = 0; i < texts.length; i++) {
    const row = i + 1;
    const cells = texts[i];
    const filled = cells.filter((c) => c !== '');
    if (filled.length === 0) continue;
    const only = filled.length === 1 ? filled[0] : '';

    const recHeading = RECOMMENDATION_HEADING.exec(only);
    if (recHeading) {
      closeResponse();
      plan.closeOutside();
      rec = plan.newRec('', String(Number(recHeading[1])), '', row);
      rec.rows.push(row);
      mode = 'title';
      lastLead = '';
      lastLetter = undefined;
      lastDraft = undefined;
      continue;
    }
    if (RESPONSE_HEADING.test(only)) {
      closeResponse();
      plan.closeOutside();
      response = { first: row, last: row };
      mode = 'response';
      continue;
    }
    const progressHeading = PROGRESS_HEADING.exec(only);
    if (progressHeading) {
      closeResponse();
      plan.closeOutside();
      const n = String(Number(progressHeading[1]));
      progressRec = plan.recs.find((r) => r.number === n) ?? currentRec(row);
      progressRec.rows.push(row);
      progressTargets = [];
      mode = 'progress';
      continue;
    }
    if (isPlanHeader(cells)) {
      closeResponse();
      plan.closeOutside();
      firstHeaderRow ??= row;
      columns = matchColumns(cells);
      currentRec(row);
      mode = 'actions';
      continue;
    }

    switch (mode) {
      case 'outside':
        plan.outside(row, 'not part of the plan (before the first recommendation)', filled.join(' '));
        break;
      case 'title': {
        const r = currentRec(row);
        r.text = join(r.text, filled.join(' '));
        r.rows.push(row);
        break;
      }
      case 'response':
        if (response) response.last = row;
        break;
      case 'actions': {
        const r = currentRec(row);
        const m = columns ?? matchColumns([]);
        const actionIndex = m.columns.action ?? 0;
        const known = Object.values(m.columns).filter((v): v is number => v !== undefined && v > actionIndex);
        const nextKnown = known.length > 0 ? Math.min(...known) : cells.length;
        // A column with no header between ACTION and TIMESCALE holds sub-items ("b) | i. Complete ...").
        const actionCells = [actionIndex, ...m.unknown.filter((u) => u > actionIndex && u < nextKnown)];
        const actionText = actionCells
          .map((c) => cells[c] ?? '')
          .filter((c) => c !== '')
          .join(' ');
        const timescale = m.columns.timescale === undefined ? '' : (cells[m.columns.timescale] ?? '');
        const lead = m.columns.lead === undefined ? '' : (cells[m.columns.lead] ?? '');
        if (actionText === '' && timescale === '' && lead === '') {
          plan.report(
            row,
            'text outside the ACTION, TIMESCALE and LEAD columns',
            `not imported: “${excerpt(filled.join(' '))}”`,
          );
          break;
        }
        if (PAGE_HEADING.test(actionText) && timescale === '' && lead === '') {
          plan.report(
            row,
            `page heading “${actionText}” between action rows`,
            'not imported (still in the Import sheet)',
          );
          break;
        }
        const label = actionLabel(actionText, lastLetter);
        const unlabelled = label.letter === undefined && label.roman === undefined;
        if (lastDraft && (actionText === '' || (unlabelled && timescale === '' && lead === ''))) {
          lastDraft.action = join(lastDraft.action, actionText);
          lastDraft.timescale = join(lastDraft.timescale, timescale);
          lastDraft.lead = join(lastDraft.lead, lead, ', ');
          lastDraft.sourceRows.push(row);
          plan.report(
            row,
            `no label, timescale or lead: taken as the rest of the action on row ${lastDraft.sourceRows[0]}`,
            'all its text, on that action',
          );
          break;
        }
        if (label.letter !== undefined) lastLetter = label.letter;
        const parent = label.letter ?? (label.roman !== undefined ? lastLetter : undefined);
        const code = [parent, label.roman].filter((c): c is string => c !== undefined).join('.');
        let actionLead = lead;
        if (lead !== '') lastLead = lead;
        else if (lastLead !== '') {
          actionLead = lastLead;
          plan.report(row, 'no lead: the lead above in the same recommendation continues', lastLead);
        } else plan.report(row, 'no lead', 'lead left blank');
        lastDraft = plan.newDraft(r, row, {
          label: code === '' ? undefined : code,
          action: label.text,
          timescale,
          lead: actionLead,
        });
        break;
      }
      case 'progress': {
        const r = progressRec ?? currentRec(row);
        const paragraphs = progressParagraphs(grid[i]);
        for (const paragraph of paragraphs) {
          const { labels, text } = progressLabels(paragraph);
          let targets: Draft[];
          if (labels.length > 0) {
            targets = [];
            for (const l of labels) {
              const found = findByLabel(r, l.letter, l.roman);
              for (const d of found) if (!targets.includes(d)) targets.push(d);
            }
            if (targets.length === 0 && r.actions.length > 0) {
              targets = [r.actions[0]];
              plan.report(
                row,
                `progress for ${labels.map((l) => `${l.letter})${l.roman ? ` (${l.roman})` : ''}`).join(' ')} but recommendation ${r.number ?? ''} has no such action`,
                'the progress, on its first action',
              );
            }
            progressTargets = targets;
          } else if (progressTargets.length > 0) {
            targets = progressTargets;
          } else {
            targets = r.actions;
            if (targets.length > 1) {
              plan.report(
                row,
                `progress without a letter: added to every action of recommendation ${r.number ?? ''}`,
                'the progress, on each of them',
              );
            }
          }
          if (targets.length === 0) {
            plan.report(
              row,
              'progress for a recommendation with no actions',
              `not imported: “${excerpt(paragraph)}”`,
            );
            continue;
          }
          for (const d of targets) {
            d.progress = join(d.progress, labels.length > 0 ? text : paragraph, '\n');
            if (!d.sourceRows.includes(row)) d.sourceRows.push(row);
          }
        }
        break;
      }
    }
  }
  closeResponse();
  plan.closeOutside();
  // Heading rows give each action its recommendation number and text.
  for (const r of plan.recs) {
    if (r.actions.length === 0) {
      if (r.rows.length > 0) {
        plan.report(
          r.rows[0],
          `recommendation ${r.number ?? ''} has no actions`,
          'not imported (still in the Import sheet)',
        );
      }
      continue;
    }
    for (const d of r.actions) d.sourceRows.push(...r.rows.filter((x) => !d.sourceRows.includes(x)));
  }
  if (firstHeaderRow !== undefined && plan.drafts.length > 0) {
    plan.report(
      firstHeaderRow,
      'this layout has no KLOE: every action imported without one',
      'KLOE left blank',
    );
  }
  return 'recommendation blocks: RECOMMENDATION n, RESPONSE, ACTION | TIMESCALE | LEAD, PROGRESS with Rn';
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

// ---------------------------------------------------------------------------------------------------------
// After everything is read: numbers, refs, due dates, duplicates

function numberRecs(plan: Plan): void {
  const used = plan.recs.filter((r) => r.actions.length > 0);
  let highest = 0;
  for (const r of used) if (r.number !== undefined) highest = Math.max(highest, Number(r.number));
  const given = highest;
  for (const r of used) {
    if (r.number !== undefined) continue;
    r.number = String(++highest);
    const what = r.text !== '' ? `recommendation “${excerpt(r.text)}”` : 'actions with no recommendation';
    const after = given > 0 ? `after the highest given (${given})` : 'in order of appearance';
    plan.report(
      r.firstRow,
      `${what} had no number: numbered ${r.number}, ${after}`,
      `refs ${r.number}.1, ${r.number}.2, ...`,
    );
  }
}

function assignRefs(plan: Plan): Map<Draft, string> {
  const refs = new Map<Draft, string>();
  const taken = new Set<string>();
  const plain = plan.recs.every(
    (r) => r.kloe === '' && r.text === '' && r.actions.every((d) => d.label === undefined),
  );
  for (const d of plan.drafts) {
    if (d.givenRef === '') continue;
    if (taken.has(d.givenRef.toLowerCase())) {
      plan.report(d.sourceRows[0], `ref “${d.givenRef}” appears more than once`, 'the ref as written');
    }
    taken.add(d.givenRef.toLowerCase());
    refs.set(d, d.givenRef);
  }
  for (const d of plan.drafts) {
    if (d.givenRef !== '' || d.label === undefined) continue;
    let ref = `${d.rec.number}.${d.label}`;
    for (let k = 2; taken.has(ref.toLowerCase()); k++) ref = `${d.rec.number}.${d.label}-${k}`;
    taken.add(ref.toLowerCase());
    refs.set(d, ref);
  }
  let sequence = 0;
  for (const r of plan.recs) {
    let n = 0;
    for (const d of r.actions) {
      if (refs.has(d)) continue;
      let ref: string;
      do {
        ref = plain ? String(++sequence) : `${r.number}.${++n}`;
      } while (taken.has(ref.toLowerCase()));
      taken.add(ref.toLowerCase());
      refs.set(d, ref);
    }
  }
  return refs;
}

function recKey(n: string): string {
  return /^\d+$/.test(n.trim()) ? String(Number(n)) : n.trim().toLowerCase();
}

function dueDates(plan: Plan, today: IsoDate): Map<Draft, IsoDate | null> {
  const due = new Map<Draft, IsoDate | null>();
  const pending = new Map<Draft, readonly string[]>();
  for (const d of plan.drafts) {
    const row = d.sourceRows[0];
    if (d.dueDateCell !== null) {
      due.set(d, d.dueDateCell);
      continue;
    }
    if (d.timescale === '') {
      plan.report(row, 'no timescale', 'no due date');
      due.set(d, null);
      continue;
    }
    const t: Timescale = parseTimescale(d.timescale);
    if (t.kind === 'inherited') {
      pending.set(d, (t.inheritsFrom ?? []).map(recKey));
    } else {
      if (t.kind === 'not understood')
        plan.report(row, 'timescale not understood', `“${excerpt(d.timescale)}”, no due date`);
      due.set(d, dueDateOf(t, today));
    }
  }
  // "As for Reccs. 1 and 6": the latest due date among those recommendations' actions, once they are known.
  let progressed = true;
  while (pending.size > 0 && progressed) {
    progressed = false;
    for (const [d, from] of pending) {
      const sources = plan.drafts.filter((x) => x !== d && from.includes(recKey(x.rec.number ?? '')));
      if (sources.some((x) => pending.has(x))) continue;
      const dates = sources.map((x) => due.get(x) ?? null).filter((x): x is IsoDate => x !== null);
      const latest = dates.length > 0 ? dates.reduce((a, b) => (b > a ? b : a)) : null;
      due.set(d, latest);
      if (latest === null) {
        plan.report(
          d.sourceRows[0],
          `timescale not understood: recommendation${from.length === 1 ? '' : 's'} ${from.join(', ')} give no due date`,
          `“${excerpt(d.timescale)}”, no due date`,
        );
      }
      pending.delete(d);
      progressed = true;
    }
  }
  for (const d of pending.keys()) {
    due.set(d, null);
    plan.report(
      d.sourceRows[0],
      'timescale not understood: it refers back to itself',
      `“${excerpt(d.timescale)}”, no due date`,
    );
  }
  return due;
}

function normaliseAction(s: string): string {
  return normaliseHeader(s);
}

// ---------------------------------------------------------------------------------------------------------

/** Turns a pasted plan into actions and a report of every row not fully understood. */
export function importPlan(
  grid: readonly (readonly unknown[])[],
  options: { today: IsoDate; existing?: readonly { ref: string; action: string }[] },
): ImportResult {
  const plan = new Plan();
  const texts = grid.map((row) => row.map(cellText));
  const hasHeader = texts.some(isPlanHeader);
  let layout: string;
  if (!hasHeader) {
    texts.forEach((cells, i) => {
      if (cells.some((c) => c !== '')) {
        plan.outside(
          i + 1,
          'no header row naming an Action column and e.g. Timescale or Lead',
          cells.join(' '),
        );
      }
    });
    plan.closeOutside();
    layout = 'not recognised';
  } else if (texts.some((cells) => RECOMMENDATION_HEADING.test(cells.filter((c) => c !== '').join(' ')))) {
    layout = readBlocks(plan, grid, texts);
  } else {
    layout = readTables(plan, grid, texts);
  }

  numberRecs(plan);
  const refs = assignRefs(plan);
  const due = dueDates(plan, options.today);

  const existingRefs = new Set(
    (options.existing ?? []).map((e) => e.ref.trim().toLowerCase()).filter((r) => r !== ''),
  );
  const existingActions = new Set(
    (options.existing ?? []).map((e) => normaliseAction(e.action)).filter((a) => a !== ''),
  );
  const actions: ImportedAction[] = [];
  let skipped = 0;
  for (const d of plan.drafts) {
    const ref = refs.get(d) ?? '';
    const sourceRows = [...d.sourceRows].sort((a, b) => a - b);
    const sameRef = existingRefs.has(ref.toLowerCase());
    if (sameRef || existingActions.has(normaliseAction(d.action))) {
      plan.report(
        sourceRows[0],
        sameRef
          ? `ref ${ref} is already in the register: skipped`
          : `action already in the register: skipped (would be ${ref})`,
        'not imported again',
      );
      skipped++;
      continue;
    }
    actions.push({
      ref,
      kloe: d.rec.kloe,
      recommendation: d.rec.text,
      action: d.action,
      timescale: d.timescale,
      dueDate: due.get(d) ?? null,
      lead: d.lead,
      progress: d.progress,
      progressDate: d.progress === '' ? null : d.progressDate,
      status: d.status,
      sourceRows,
    });
  }
  const problems = plan.problems.map((p, order) => ({ p, order }));
  problems.sort((a, b) => a.p.row - b.p.row || a.order - b.order);
  return { actions, problems: problems.map((x) => x.p), layout, skipped };
}
