/**
 * Step 2, find the header and map columns. Plans name their columns in many ways (internal-audit trackers say
 * "Agreed management action", "Officer responsible", "Implementation date"), so the import recognises headers
 * by meaning. This is deliberately separate from matching the Register's own headers (src/core/headers.ts),
 * which is strict. An officer's mapping overrides recognition; headers still not understood are kept as extra
 * columns and listed so the adapter can ask once.
 */
import { REGISTER_COLUMNS, columnKeyOf, normaliseHeader } from '../headers';
import type { CellText } from './text';
import { isBlankCell } from './text';
import type { ColumnMapping, CombinedField, ImportField, UnknownHeader } from './types';

type Recognised = ImportField | CombinedField;

const IDENTIFYING: readonly ImportField[] = [
  'ref',
  'lead',
  'dueDate',
  'timescale',
  'status',
  'priority',
  'revisedDueDate',
];

/** First rule that matches wins, so specific headers ("Action owner", "Revised target date") come first. */
const RULES: readonly (readonly [RegExp, Recognised])[] = [
  [/^action id$/, 'id'],
  [/^kloe and (rec|recs|recc|reccs|recommendations?)$/, 'kloeRec'],
  [
    /^(revised|new|amended|updated|extended|current|latest) ((target|due|implementation|completion) )*(date|deadline|timescale)s?\b|^revised$/,
    'revisedDueDate',
  ],
  [
    /\breasons? for (the )?(extension|revised date|revision|delay|change)|^extension reason$|^reason$/,
    'extensionReason',
  ],
  [
    /^(date (completed|implemented|closed)|(completed|implemented|closed) (on|date)|actual (completion|implementation) date|completion date|date of completion)$/,
    'completedOn',
  ],
  [
    /^(last updated|date updated|updated( on)?|last update|date of (last )?update|update date)$/,
    'progressDate',
  ],
  [
    /^(ref|refs|reference|ref no|reference no|reference number|no|number|id|item|item no|rec no|rec ref|rec number|recommendation (no|ref|number|reference)|action (no|ref|number|reference)|para|para no|paragraph|finding (no|ref))$/,
    'ref',
  ],
  [/\btimescales?\b|^(when|timing|timeframe|time frame|target)$/, 'timescale'],
  [
    /^((original|agreed|proposed|planned|expected) )?((target|due|implementation|completion) )+(date|deadline)( for (implementation|completion))?$/,
    'dueDate',
  ],
  [
    /^(due|date due|due by|deadline|by when|to be (delivered|completed|implemented) by|delivered by|original date|agreed date|date for implementation|date to be implemented)$|^due date\b/,
    'dueDate',
  ],
  [
    /^(lead|leads|lead officers?|responsible officers?|officers? responsible|responsible (person|manager|owner)s?|responsibility|responsible|owners?|action owners?|by whom|who|officers?|manager responsible|lead managers?|accountable officers?|assigned to|lead responsibility|responsible lead)$|^(lead|responsible) officers?\b/,
    'lead',
  ],
  [
    /^(source|sources|audit|audit title|audit name|audit report|report|review|source of (recommendation|finding|action)|source report|origin|audit area|audit assignment|report title)$/,
    'source',
  ],
  [/^(kloes?|key lines? of (enquiry|inquiry))$/, 'kloe'],
  [
    /^((key|audit|main) )?(findings?|issues?( identified| raised)?|governance issues?|observations?|weakness(es)?|control weakness(es)?|risks? identified|finding and risk)$/,
    'finding',
  ],
  [
    /^(recommendations?|recs?|reccs?|recc|audit recommendations?|recommendations? made|agreed recommendations?)$/,
    'recommendation',
  ],
  [
    /^(priority|priorities|priority rating|priority level|risk rating|risk level|risk|rating|grade|grading|recommendation priority|priority grade|risk priority)$/,
    'priority',
  ],
  [
    /^(status|rag|rag status|action status|implementation status|current status|status of action|overall status|rag rating|progress status)$/,
    'status',
  ],
  [
    /^(progress|update|updates|commentary|comments?|notes|current position|position|percent(age)? complete|complete|status update|latest update|evidence|action taken to date)$|^(progress|update)\b|^(latest|management|progress) (progress|update|comments?|commentary)s?$/,
    'progress',
  ],
  [
    /^((agreed|proposed|planned|required|management|agreed management|remedial|further) )?(actions?|action s)( to be taken| taken| required| proposed| planned| agreed)?$|^((agreed )?management|agreed) responses?$|^responses?$/,
    'action',
  ],
];

const recognised = new Map<string, Recognised | null>();
/** Every rule at once: most cells (every data cell tried as a header) match none, in one pass. */
const ANY_RULE = new RegExp(RULES.map(([pattern]) => `(?:${pattern.source})`).join('|'));

/** The field a plan header means, or null. */
export function recogniseHeader(header: string): Recognised | null {
  const known = recognised.get(header);
  if (known !== undefined) return known;
  const h = normaliseHeader(header);
  const field =
    h === '' || !ANY_RULE.test(h) ? null : (RULES.find(([pattern]) => pattern.test(h))?.[1] ?? null);
  // Every row is tried as a header: plans repeat their cells ("AK", "Ongoing"), so answers are remembered.
  if (recognised.size < 10_000) recognised.set(header, field);
  return field;
}

const FIELD_NAMES: Readonly<Record<string, ImportField | CombinedField | 'extra'>> = {
  'action id': 'id',
  id: 'id',
  ref: 'ref',
  source: 'source',
  kloe: 'kloe',
  finding: 'finding',
  recommendation: 'recommendation',
  action: 'action',
  priority: 'priority',
  timescale: 'timescale',
  'due date': 'dueDate',
  duedate: 'dueDate',
  'revised due date': 'revisedDueDate',
  reviseddueddate: 'revisedDueDate',
  reviseddue: 'revisedDueDate',
  'reason for extension': 'extensionReason',
  extensionreason: 'extensionReason',
  lead: 'lead',
  progress: 'progress',
  'last updated': 'progressDate',
  progressdate: 'progressDate',
  status: 'status',
  'completed on': 'completedOn',
  completedon: 'completedOn',
  'kloe and rec': 'kloeRec',
  kloerec: 'kloeRec',
  extra: 'extra',
  keep: 'extra',
};

/** The field an officer names in a mapping ("Due date", "lead", "extra"), or null when it names none. */
export function fieldNamed(name: string): ImportField | CombinedField | 'extra' | null {
  const h = normaliseHeader(name);
  return FIELD_NAMES[h] ?? FIELD_NAMES[h.replace(/ /g, '')] ?? recogniseHeader(name);
}

/**
 * Reads `--map` style answers ("Header=Field", one each). Returns the mapping and a line for each answer that
 * names no field.
 */
export function parseMapping(answers: readonly string[]): { mapping: ColumnMapping; errors: string[] } {
  const mapping: Record<string, ImportField | CombinedField | 'extra'> = {};
  const errors: string[] = [];
  for (const answer of answers) {
    const at = answer.lastIndexOf('=');
    const field = at < 0 ? null : fieldNamed(answer.slice(at + 1));
    if (at <= 0 || field === null) {
      errors.push(`"${answer}" is not Header=Field (a field such as Action, Lead, Due date, or Extra)`);
      continue;
    }
    mapping[normaliseHeader(answer.slice(0, at))] = field;
  }
  return { mapping, errors };
}

/** A mapping keyed as headers are compared: ignoring case, spacing and punctuation. */
export function normaliseMapping(mapping: ColumnMapping): ColumnMapping {
  return Object.fromEntries(
    Object.entries(mapping).map(([header, field]) => [normaliseHeader(header), field]),
  );
}

/** Where each field is in one table of the plan (0-based columns). */
export interface ColumnMap {
  readonly fields: Readonly<Partial<Record<ImportField, number>>>;
  readonly combined: number | undefined;
  /** Columns kept as extra columns: unknown, blank-headed, repeated, or fields the register has no place for. */
  readonly extras: readonly { readonly index: number; readonly header: string; readonly why: string }[];
  /** Header text of every column, as written. */
  readonly headers: readonly string[];
  /** The header row's key, to know the same header repeated after a page break. */
  readonly key: string;
  /** No Action column: the Recommendation column holds the actions. */
  readonly recommendationsAreActions: boolean;
}

/** Whether a row could be a header at all: two cells or more that name a field (cheap, before mapColumns). */
export function mightBeHeader(cells: readonly CellText[], mapping?: ColumnMapping): boolean {
  let named = 0;
  for (const c of cells) {
    if (c.plain === '' || c.plain.length > 80) continue;
    const field = mapped(c.plain, mapping);
    if (field !== null && field !== 'extra' && ++named >= 2) return true;
  }
  return false;
}

function mapped(header: string, mapping: ColumnMapping | undefined): Recognised | 'extra' | null {
  const own = mapping?.[normaliseHeader(header)];
  return own ?? recogniseHeader(header);
}

/** Maps a header row. `width` is the widest row of its table, so cells past the header are kept too. */
export function mapColumns(
  cells: readonly CellText[],
  mapping?: ColumnMapping,
  width = cells.length,
): ColumnMap {
  const fields: Partial<Record<ImportField, number>> = {};
  const extras: { index: number; header: string; why: string }[] = [];
  let combined: number | undefined;
  const headers = cells.map((c) => c.plain);
  for (let index = 0; index < Math.max(width, cells.length); index++) {
    const header = headers[index] ?? '';
    const field = header === '' ? null : mapped(header, mapping);
    if (field === 'kloeRec' && combined === undefined) combined = index;
    else if (field !== null && field !== 'extra' && field !== 'kloeRec' && fields[field] === undefined)
      fields[field] = index;
    else extras.push({ index, header, why: extraReason(header, field, index, cells.length) });
  }
  // A finding is the issue the recommendation answers: the register shows it as the KLOE, unless there is one.
  if (fields.finding !== undefined && (fields.kloe !== undefined || combined !== undefined)) {
    extras.push({
      index: fields.finding,
      header: headers[fields.finding],
      why: 'the plan has a KLOE column too',
    });
    delete fields.finding;
  }
  // A tracker with no action column: its recommendations are what is to be done.
  const recommendationsAreActions =
    fields.action === undefined &&
    fields.recommendation !== undefined &&
    IDENTIFYING.some((f) => fields[f] !== undefined);
  if (recommendationsAreActions) {
    fields.action = fields.recommendation;
    delete fields.recommendation;
  }
  extras.sort((a, b) => a.index - b.index);
  const key = headers
    .map(normaliseHeader)
    .filter((h) => h !== '')
    .join('|');
  return { fields, combined, extras, headers, key, recommendationsAreActions };
}

function extraReason(
  header: string,
  field: Recognised | 'extra' | null,
  index: number,
  width: number,
): string {
  if (index >= width) return 'past the last header';
  if (header === '') return 'blank header';
  if (field === 'extra') return 'kept as an extra column, as mapped';
  if (field === null) return 'header not understood';
  return 'a second column for the same field';
}

/**
 * A plan's header row names an Action column and at least one other field; or, in trackers with no action
 * column, a Recommendation column beside one that identifies actions (Ref, Lead, a date, Status, Priority).
 */
export function isPlanHeader(map: ColumnMap): boolean {
  const named = Object.keys(map.fields).length + (map.combined === undefined ? 0 : 1);
  return map.fields.action !== undefined && named >= 2;
}

/** Every non-blank header (and blank header over text) the import did not understand. */
export function unknownHeaders(row: number, map: ColumnMap): UnknownHeader[] {
  return map.extras
    .filter(
      (e) =>
        e.why === 'header not understood' || e.why === 'blank header' || e.why === 'past the last header',
    )
    .map((e) => ({ row, column: e.index + 1, header: e.header }));
}

/**
 * The name of an extra column in the register: the plan's header, "Column N" when blank, and " (plan column N)"
 * where it would be taken for a register column or another extra column.
 */
export function extraColumnName(header: string, index: number, taken: ReadonlySet<string>): string {
  const base = header === '' ? `Column ${index + 1}` : header;
  const clashes =
    columnKeyOf(base) !== null ||
    REGISTER_COLUMNS.some((c) => normaliseHeader(c.header) === normaliseHeader(base)) ||
    taken.has(normaliseHeader(base));
  return clashes ? `${base} (plan column ${index + 1})` : base;
}

/** The row that looks most like a header when none is recognised: the first with two or more short cells. */
export function likelyHeaderRow(rows: readonly (readonly CellText[])[]): number | null {
  const index = rows.findIndex((cells) => {
    const filled = cells.filter((c) => !isBlankCell(c));
    return filled.length >= 2 && filled.every((c) => c.plain.length <= 60);
  });
  return index < 0 ? null : index;
}
