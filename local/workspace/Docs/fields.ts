/**
 * The `fields` parameter of documents.get: a partial response. The syntax is the one the Docs API documents
 * (https://developers.google.com/docs/api/how-tos/performance, "Partial response"): commas between fields, "a/b"
 * for b inside a, "a(b,c)" for a sub-selection, "*" for everything. Other spellings (such as "a.b") are refused,
 * the stricter reading; so is a name the Document resource does not have, as Google refuses it.
 */
import { INVALID_ARGUMENT, docsError } from './api-error';

export type Selection = true | { readonly [field: string]: Selection };

/** The resource shapes a mask is checked against: each field, and the type under it (null: not looked into). */
const SCHEMA: Record<string, Record<string, string | null>> = {
  Document: {
    documentId: null,
    title: null,
    revisionId: null,
    suggestionsViewMode: null,
    body: 'Body',
    documentStyle: null,
    headers: null,
    footers: null,
    footnotes: null,
    namedStyles: null,
    lists: null,
    namedRanges: null,
    inlineObjects: null,
    positionedObjects: null,
    tabs: null,
    suggestedDocumentStyleChanges: null,
    suggestedNamedStylesChanges: null,
  },
  Body: { content: 'StructuralElement' },
  StructuralElement: {
    startIndex: null,
    endIndex: null,
    paragraph: 'Paragraph',
    table: 'Table',
    sectionBreak: null,
    tableOfContents: null,
  },
  Paragraph: {
    elements: 'ParagraphElement',
    paragraphStyle: null,
    bullet: null,
    positionedObjectIds: null,
    suggestedParagraphStyleChanges: null,
    suggestedBulletChanges: null,
    suggestedPositionedObjectIds: null,
  },
  ParagraphElement: {
    startIndex: null,
    endIndex: null,
    textRun: null,
    pageBreak: null,
    horizontalRule: null,
    inlineObjectElement: null,
    autoText: null,
    columnBreak: null,
    footnoteReference: null,
    equation: null,
    person: null,
    richLink: null,
    dateElement: null,
  },
  Table: {
    rows: null,
    columns: null,
    tableRows: 'TableRow',
    tableStyle: null,
    suggestedDeletionIds: null,
    suggestedInsertionIds: null,
  },
  TableRow: {
    startIndex: null,
    endIndex: null,
    tableCells: 'TableCell',
    tableRowStyle: null,
    suggestedDeletionIds: null,
    suggestedInsertionIds: null,
    suggestedTableRowStyleChanges: null,
  },
  TableCell: {
    startIndex: null,
    endIndex: null,
    content: 'StructuralElement',
    tableCellStyle: null,
    suggestedDeletionIds: null,
    suggestedInsertionIds: null,
    suggestedTableCellStyleChanges: null,
  },
};

function refuse(): never {
  throw docsError('get', INVALID_ARGUMENT);
}

/** Splits at commas outside parentheses. */
function items(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const ch = text[i];
    if (ch === '(') depth++;
    else if (ch === ')') depth--;
    if (depth < 0) refuse();
    if (i === text.length || (ch === ',' && depth === 0)) {
      out.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  if (depth !== 0) refuse();
  return out;
}

function merge(into: Record<string, Selection>, key: string, value: Selection): void {
  const had = into[key];
  if (had === true || value === true) into[key] = true;
  else if (had === undefined) into[key] = value;
  else {
    const both: Record<string, Selection> = { ...had };
    for (const [k, v] of Object.entries(value)) merge(both, k, v);
    into[key] = both;
  }
}

function parseItem(item: string, type: string | null): [string, Selection] {
  const m = /^([A-Za-z_*][A-Za-z0-9_]*)\s*(.*)$/s.exec(item);
  if (!m) return refuse();
  const [, name, rest] = m;
  if (name === '*') {
    if (rest !== '') refuse();
    return ['*', true];
  }
  const fields = type === null ? null : SCHEMA[type];
  if (fields && !(name in fields)) refuse();
  const child = fields ? (fields[name] ?? null) : null;
  if (rest === '') return [name, true];
  if (rest[0] === '/') return [name, parseList(rest.slice(1), child)];
  if (rest[0] === '(' && rest.endsWith(')')) return [name, parseList(rest.slice(1, -1), child)];
  return refuse();
}

function parseList(text: string, type: string | null): Selection {
  const out: Record<string, Selection> = {};
  for (const item of items(text)) {
    if (item === '') refuse();
    const [key, value] = parseItem(item, type);
    if (key === '*') return true;
    merge(out, key, value);
  }
  return out;
}

/** The selection a `fields` mask makes of a Document. */
export function parseDocumentFields(fields: string): Selection {
  if (fields.trim() === '') return refuse();
  return parseList(fields, 'Document');
}

/** What a selection keeps under `key`: undefined when nothing. */
export function under(selection: Selection, key: string): Selection | undefined {
  return selection === true ? true : selection[key];
}

/** The parts of a plain resource the selection keeps; arrays are selected element by element. */
export function pick(value: unknown, selection: Selection): unknown {
  if (selection === true || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => pick(v, selection));
  const out: Record<string, unknown> = {};
  for (const [key, sub] of Object.entries(selection)) {
    const v = (value as Record<string, unknown>)[key];
    if (v !== undefined) out[key] = pick(v, sub);
  }
  return out;
}
