/**
 * Header matching for the Register and for imported plans. Columns are found by header text, never by
 * position (DESIGN.md, Sheets), so officers may reorder them and plans written elsewhere can be read.
 */

export type ColumnKey =
  | 'id'
  | 'ref'
  | 'source'
  | 'kloe'
  | 'recommendation'
  | 'action'
  | 'priority'
  | 'timescale'
  | 'dueDate'
  | 'revisedDueDate'
  | 'extensionReason'
  | 'lead'
  | 'progress'
  | 'lastUpdated'
  | 'status'
  | 'completedOn'
  | 'extensions';

export interface RegisterColumn {
  readonly key: ColumnKey;
  readonly header: string;
  /** Added only when an imported plan has it (DESIGN.md: "where plans have them"). */
  readonly optional?: boolean;
}

/** The register's columns, in order, with their canonical header text. */
export const REGISTER_COLUMNS: readonly RegisterColumn[] = [
  { key: 'ref', header: 'Ref' },
  { key: 'source', header: 'Source', optional: true },
  { key: 'kloe', header: 'KLOE' },
  { key: 'recommendation', header: 'Recommendation' },
  { key: 'action', header: 'Action' },
  { key: 'priority', header: 'Priority', optional: true },
  { key: 'timescale', header: 'Timescale' },
  { key: 'dueDate', header: 'Due date' },
  { key: 'revisedDueDate', header: 'Revised due date' },
  { key: 'extensionReason', header: 'Reason for extension' },
  { key: 'lead', header: 'Lead' },
  { key: 'progress', header: 'Progress' },
  { key: 'lastUpdated', header: 'Last updated' },
  { key: 'status', header: 'Status' },
  { key: 'completedOn', header: 'Completed on' },
  { key: 'extensions', header: 'Extensions' },
  // Hidden: the action's stable identity, which moves with its row when rows are sorted or moved.
  { key: 'id', header: 'Action ID' },
];

/**
 * Header text reduced to what identifies it: markup, case, spacing and punctuation are ignored and "&" reads
 * as "and", so "KLOE & Rec." and "kloe and rec" are the same header.
 */
export function normaliseHeader(s: string): string {
  return s
    .replace(/<\/?[a-z][^>]*>/gi, ' ')
    .replace(/&amp;/gi, '&')
    .replace(/&/g, ' and ')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Synonyms of the Register's own headers, already normalised. Plans are recognised by src/core/import/columns.ts. */
const SYNONYMS: Record<ColumnKey, readonly string[]> = {
  id: ['action id'],
  source: ['source', 'audit', 'report', 'audit report'],
  priority: ['priority', 'risk rating', 'grade', 'rating'],
  extensionReason: ['reason for extension', 'extension reason', 'reason for revised date'],
  ref: [
    'ref',
    'refs',
    'reference',
    'ref no',
    'reference no',
    'reference number',
    'no',
    'number',
    'id',
    'item',
  ],
  kloe: ['kloe', 'kloes', 'key line of enquiry', 'key lines of enquiry', 'key line of inquiry'],
  recommendation: ['recommendation', 'recommendations', 'rec', 'recs', 'recc', 'reccs'],
  action: ['action', 'actions', 'agreed action', 'agreed actions', 'proposed action', 'action required'],
  timescale: ['timescale', 'timescales', 'when', 'by when', 'deadline', 'target date', 'target', 'timing'],
  dueDate: ['due date', 'due', 'date due', 'due by'],
  revisedDueDate: [
    'revised due date',
    'revised date',
    'revised deadline',
    'revised target date',
    'new due date',
  ],
  lead: [
    'lead',
    'leads',
    'lead officer',
    'lead officers',
    'responsible officer',
    'responsible officers',
    'responsible',
    'responsibility',
    'owner',
    'officer',
  ],
  progress: [
    'progress',
    'update',
    'updates',
    'comments',
    'comment',
    'progress update',
    'latest progress',
    'notes',
  ],
  lastUpdated: ['last updated', 'updated', 'date updated', 'last update', 'updated on'],
  status: ['status', 'rag', 'rag status', 'action status'],
  completedOn: ['completed on', 'completed', 'date completed', 'completion date'],
  extensions: ['extensions', 'extension', 'no of extensions', 'number of extensions'],
};

const COMBINED_KLOE_REC = new Set([
  'kloe and rec',
  'kloe and recs',
  'kloe and recc',
  'kloe and recommendation',
  'kloe and recommendations',
]);

const BY_SYNONYM: ReadonlyMap<string, ColumnKey> = new Map(
  (Object.keys(SYNONYMS) as ColumnKey[]).flatMap((key) => SYNONYMS[key].map((s) => [s, key] as const)),
);

/** The column a header names, or null; a combined KLOE and recommendation header gives 'kloeRec'. */
export function columnKeyOf(header: string): ColumnKey | 'kloeRec' | null {
  const h = normaliseHeader(header);
  if (h === '') return null;
  if (COMBINED_KLOE_REC.has(h)) return 'kloeRec';
  const exact = BY_SYNONYM.get(h);
  if (exact) return exact;
  // Plans name these columns after the year or the report date: "Action & Timescales for 2010/11",
  // "Progress to 31 July 2010".
  if (/\btimescales?\b/.test(h)) return 'timescale';
  if (/^(progress|update)\b/.test(h)) return 'progress';
  if (/^revised (due|target)\b/.test(h)) return 'revisedDueDate';
  if (/^due date\b/.test(h)) return 'dueDate';
  if (/^(lead|responsible) officers?\b/.test(h)) return 'lead';
  return null;
}

/** Headers officers rename register columns to, beyond the synonyms plans use. */
const RENAMED: Partial<Record<ColumnKey, readonly string[]>> = {
  progress: ['commentary', 'latest update', 'position', 'update to date'],
  dueDate: ['deadline', 'target date', 'target', 'original due date', 'original date'],
  lead: ['lead officer', 'owner', 'action owner', 'responsible officer'],
  status: ['rag', 'rag status', 'state'],
};

/** Which register columns a header that is not the register's own could be. */
function lookalikesOf(header: string): ColumnKey[] {
  const h = normaliseHeader(header);
  const keys = (Object.keys(RENAMED) as ColumnKey[]).filter((k) => RENAMED[k]?.includes(h));
  const key = columnKeyOf(header);
  if (key !== null && key !== 'kloeRec' && !keys.includes(key)) keys.push(key);
  return keys;
}

export interface MissingColumn {
  readonly key: ColumnKey;
  /** The register's own header for it. */
  readonly header: string;
  /** An officer's header that looks like it ("Commentary" for Progress), or null. */
  readonly lookalike: string | null;
}

export interface RegisterHeader {
  /** 0-based column of each register field whose header is the register's own (case and spacing ignored). */
  readonly columns: Partial<Record<ColumnKey, number>>;
  /** Register columns the header lacks (optional ones only when a lookalike stands in for them). */
  readonly missing: readonly MissingColumn[];
}

/**
 * The Register sheet's columns, matched strictly by the register's own headers: a renamed column is missing,
 * and named with the header that looks like it, never read as blank under another name.
 */
export function matchRegisterColumns(headerRow: readonly string[]): RegisterHeader {
  const columns: Partial<Record<ColumnKey, number>> = {};
  const own = new Map(REGISTER_COLUMNS.map((c) => [normaliseHeader(c.header), c.key] as const));
  const others: { header: string; keys: ColumnKey[] }[] = [];
  headerRow.forEach((header, index) => {
    const key = own.get(normaliseHeader(header));
    if (key !== undefined && columns[key] === undefined) columns[key] = index;
    else if (header.trim() !== '') others.push({ header, keys: lookalikesOf(header) });
  });
  const missing = REGISTER_COLUMNS.flatMap((c): MissingColumn[] => {
    if (columns[c.key] !== undefined) return [];
    const lookalike = others.find((o) => o.keys.includes(c.key))?.header ?? null;
    return c.optional && lookalike === null ? [] : [{ key: c.key, header: c.header, lookalike }];
  });
  return { columns, missing };
}

/** "Progress not found: "Commentary" looks like it; rename that header to Progress." */
export function describeMissing(missing: readonly MissingColumn[]): string[] {
  return missing.map((m) =>
    m.lookalike === null
      ? `${m.header} not found.`
      : `${m.header} not found: "${m.lookalike}" looks like it; rename that header to ${m.header}.`,
  );
}
