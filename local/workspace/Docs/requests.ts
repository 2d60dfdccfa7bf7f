/**
 * The documents.batchUpdate requests the local Workspace applies, each checked as Google checks it, in order,
 * on the same node tree DocumentApp edits. Request shapes and rules are those of the Docs API reference
 * (https://developers.google.com/workspace/docs/api/reference/rest/v1/documents/request). Where Google's wording
 * of a refusal was found it is used (cited); where it was not, the rule is the documented one and the wording is
 * modelled (marked). A request the reference has but the local Workspace does not model throws
 * NotImplementedError rather than being ignored.
 */
import type { BodyNode, CharStyle, ParagraphNode } from '../DocumentApp/nodes';
import type { SectionBreakNode, SectionStyleNode, SectionType } from '../DocumentApp/sections';
import { firstSectionStyle } from '../DocumentApp/sections';
import { NotImplementedError } from '../runtime';
import { RequestError } from './api-error';
import { Journal } from './journal';
import type { Layout, TableSpan } from './layout';
import { firstParagraphFrom, layoutOf, paragraphAt } from './layout';
import { HALIGN_OF_ALIGNMENT, HEADING_OF_NAMED_STYLE } from './structure';

type Json = Record<string, unknown>;

/** Every request kind of the Docs API's Request union. */
const KNOWN_REQUESTS = new Set([
  'replaceAllText',
  'insertText',
  'updateTextStyle',
  'createParagraphBullets',
  'deleteParagraphBullets',
  'createNamedRange',
  'deleteNamedRange',
  'updateParagraphStyle',
  'deleteContentRange',
  'insertInlineImage',
  'insertTable',
  'insertTableRow',
  'insertTableColumn',
  'deleteTableRow',
  'deleteTableColumn',
  'insertPageBreak',
  'deletePositionedObject',
  'updateTableColumnProperties',
  'updateTableCellStyle',
  'updateTableRowStyle',
  'replaceImage',
  'updateDocumentStyle',
  'mergeTableCells',
  'unmergeTableCells',
  'createHeader',
  'createFooter',
  'createFootnote',
  'replaceNamedRangeContent',
  'updateSectionStyle',
  'insertSectionBreak',
  'deleteHeader',
  'deleteFooter',
  'pinTableHeaderRows',
  'addDocumentTab',
  'deleteTab',
  'updateDocumentTabProperties',
  'insertPerson',
  'insertDate',
]);

/** The insertion rule of InsertTextRequest and its kin; the wording is Google's (seen in Docs clients' notes). */
const OUTSIDE_PARAGRAPH =
  'The insertion index must be inside the bounds of an existing paragraph. You can still create new paragraphs by inserting newlines.';
/** Google's wording, e.g. "Invalid requests[33].insertTableColumn: Invalid table start location. ..." */
const BAD_TABLE_START = 'Invalid table start location. Must specify the start index of the table.';
/** Google's wording for a mask with no field (the same in the Sheets API's batchUpdate). */
const NO_FIELDS = "At least one field must be listed in 'fields'. (Use '*' to indicate all fields.)";

/** Google's wording for an index past the end of the body. */
const pastEnd = (index: number, end: number): string =>
  `Index ${index} must be less than the end index of the referenced segment, ${end}.`;

class Batch {
  readonly journal = new Journal();
  private cached: Layout | null = null;

  constructor(readonly body: BodyNode) {}

  get layout(): Layout {
    this.cached ??= layoutOf(this.body);
    return this.cached;
  }

  /** After a request that moves indexes. */
  moved(): void {
    this.cached = null;
  }
}

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function integer(value: unknown, what: string): number {
  // Modelled wording: the JSON payload's integer fields.
  if (!Number.isInteger(value)) throw new RequestError(`${what} must be an integer.`);
  return value as number;
}

/** The fields of a mask, each one the request may set; "*" is not modelled. */
function fieldsOf(kind: string, fields: unknown, allowed: readonly string[]): string[] {
  const list =
    typeof fields === 'string'
      ? fields
          .split(',')
          .map((f) => f.trim())
          .filter((f) => f !== '')
      : [];
  if (list.length === 0) throw new RequestError(NO_FIELDS);
  for (const field of list) {
    if (!allowed.includes(field))
      throw new NotImplementedError(`Docs.Documents.batchUpdate ${kind}.fields "${field}"`);
  }
  return list;
}

/** A Dimension in points: the only unit the Docs API has. */
function points(value: unknown, what: string, minimum = 0): number {
  if (!isObject(value) || value.unit !== 'PT') {
    // Modelled wording; Dimension.unit "PT" is the only unit (reference: Dimension, Unit).
    throw new RequestError(`${what} must be a dimension in points (unit PT).`);
  }
  const magnitude = value.magnitude === undefined ? 0 : value.magnitude;
  if (typeof magnitude !== 'number' || !Number.isFinite(magnitude) || magnitude < minimum) {
    throw new RequestError(`${what} must be at least ${minimum} points.`);
  }
  return magnitude;
}

/** An OptionalColor as '#rrggbb'; null when it holds no colour (transparent). */
function colourOf(value: unknown): string | null {
  const rgb = isObject(value) && isObject(value.color) ? value.color.rgbColor : undefined;
  if (!isObject(rgb)) return null;
  const channel = (c: unknown): string =>
    Math.round(Math.min(1, Math.max(0, typeof c === 'number' ? c : 0)) * 255)
      .toString(16)
      .padStart(2, '0');
  return `#${channel(rgb.red)}${channel(rgb.green)}${channel(rgb.blue)}`;
}

function bodyOnly(segmentId: unknown): void {
  // Modelled wording; only the body (segment ID '') is modelled.
  if (segmentId !== undefined && segmentId !== '')
    throw new NotImplementedError('Docs.Documents.batchUpdate in a header, footer or footnote');
}

function checkRange(batch: Batch, range: unknown, lowest: number): { start: number; end: number } {
  if (!isObject(range)) throw new RequestError('The range must be given.');
  bodyOnly(range.segmentId);
  const start = integer(range.startIndex ?? 0, 'startIndex');
  const end = integer(range.endIndex ?? 0, 'endIndex');
  const bodyEnd = batch.layout.end;
  // Modelled wording for an empty or reversed range.
  if (end <= start) throw new RequestError('The range should not be empty.');
  if (start < lowest) throw new RequestError(`Index ${start} is before the start of the body, ${lowest}.`);
  if (end > bodyEnd) throw new RequestError(pastEnd(end - 1, bodyEnd));
  return { start, end };
}

function tableAt(batch: Batch, location: unknown): TableSpan {
  const index = isObject(location) ? location.index : undefined;
  if (isObject(location)) bodyOnly(location.segmentId);
  const table = typeof index === 'number' ? batch.layout.tables.get(index) : undefined;
  if (!table) throw new RequestError(BAD_TABLE_START);
  return table;
}

// ---------------------------------------------------------------------------------------------------------

const DOCUMENT_FIELDS = ['pageSize', 'marginTop', 'marginBottom', 'marginLeft', 'marginRight'] as const;
const MARGINS = ['marginTop', 'marginBottom', 'marginLeft', 'marginRight'] as const;

function updateDocumentStyle(batch: Batch, request: Json): void {
  const style = isObject(request.documentStyle) ? request.documentStyle : {};
  const fields = fieldsOf('updateDocumentStyle', request.fields, DOCUMENT_FIELDS);
  const { body, journal } = batch;
  for (const field of fields) {
    if (field === 'pageSize') {
      const size = isObject(style.pageSize) ? style.pageSize : {};
      // Both sides are required here (the stricter reading of a partial page size).
      journal.set(body, 'pageWidth', points(size.width, 'pageSize.width', 1));
      journal.set(body, 'pageHeight', points(size.height, 'pageSize.height', 1));
    } else {
      journal.set(body, field as (typeof MARGINS)[number], points(style[field], field));
    }
  }
}

function sectionTypeOf(value: unknown, index: number): SectionType {
  if (value === 'CONTINUOUS' || value === 'NEXT_PAGE') return value;
  // Modelled on Google's JSON-binding wording for a bad enum value.
  throw new RequestError(
    `Invalid value at 'requests[${index}].insert_section_break.section_type', ${JSON.stringify(value ?? null)}: a section break is CONTINUOUS or NEXT_PAGE.`,
  );
}

/** A copy of a paragraph's own formatting with none of its text: the half before a split. */
function emptyLike(node: ParagraphNode): ParagraphNode {
  return structuredClone({ ...node, text: '', runs: [], inline: null });
}

/**
 * InsertSectionBreakRequest: "Inserts a newline and a section break", so the paragraph holding the index splits
 * there, the text before it ending in the new newline, and the section after the break starts with the rest. The
 * index "must be inside the bounds of an existing Paragraph ... Section breaks cannot be inserted inside a
 * table, equation, footnote, header, or footer."
 */
function insertSectionBreak(batch: Batch, request: Json, requestIndex: number): void {
  const sectionType = sectionTypeOf(request.sectionType, requestIndex);
  const layout = batch.layout;
  const at = isObject(request.endOfSegmentLocation)
    ? request.endOfSegmentLocation
    : isObject(request.location)
      ? request.location
      : {};
  // "Since section breaks can only be inserted inside the body, the segment ID field must be empty." The wording
  // is modelled.
  if (at.segmentId !== undefined && at.segmentId !== '') {
    throw new RequestError('Section breaks can only be inserted inside the body.');
  }
  const index =
    at === request.endOfSegmentLocation ? layout.end - 1 : integer(at.index ?? 0, 'location.index');
  if (index >= layout.end) throw new RequestError(pastEnd(index, layout.end));
  const span = index < 1 ? null : paragraphAt(layout, index);
  if (!span) throw new RequestError(OUTSIDE_PARAGRAPH);
  // Modelled wording of the documented rule.
  if (span.inTable) throw new RequestError('Section breaks cannot be inserted inside a table.');

  const { journal, body } = batch;
  const node = span.node;
  const offset = index - span.start;
  const cut = Math.min(offset, node.text.length);
  const before = emptyLike(node);
  before.text = node.text.slice(0, cut);
  before.runs = node.runs.slice(0, cut);
  if (node.inline && offset > node.text.length) {
    before.inline = node.inline;
    journal.set(node, 'inline', null);
  }
  journal.set(node, 'text', node.text.slice(cut));
  journal.set(node, 'runs', node.runs.slice(cut));
  journal.splice(span.container, span.container.indexOf(node), 0, before);

  if (!body.sectionBreaks) journal.set(body, 'sectionBreaks', []);
  const breaks = body.sectionBreaks as SectionBreakNode[];
  for (const b of breaks) if (b.startsAt === node) journal.set(b, 'startsAt', before);
  const containing =
    layout.sections.find((s) => s.start <= index && index < s.end)?.style ?? firstSectionStyle();
  const style: SectionStyleNode = { ...containing, sectionType };
  journal.splice(breaks, breaks.length, 0, { kind: 'SECTION_BREAK', startsAt: node, style });
  batch.moved();
}

const SECTION_FIELDS = ['flipPageOrientation', ...MARGINS] as const;

/** UpdateSectionStyleRequest: every section the range overlaps takes the style. */
function updateSectionStyle(batch: Batch, request: Json): void {
  const { start, end } = checkRange(batch, request.range, 0);
  const fields = fieldsOf('updateSectionStyle', request.fields, SECTION_FIELDS);
  const style = isObject(request.sectionStyle) ? request.sectionStyle : {};
  const changes: Partial<SectionStyleNode> = {};
  for (const field of fields) {
    if (field === 'flipPageOrientation') {
      // "When updating this property, setting a concrete value is required. Unsetting this property results in
      // a 400 bad request error." The wording is modelled.
      if (typeof style.flipPageOrientation !== 'boolean') {
        throw new RequestError('flipPageOrientation must be set to true or false when it is updated.');
      }
      changes.flipPageOrientation = style.flipPageOrientation;
    } else {
      const margin = field as (typeof MARGINS)[number];
      changes[margin] = style[margin] === undefined ? null : points(style[margin], margin);
    }
  }
  const { body, journal } = batch;
  for (const section of batch.layout.sections) {
    if (!(section.start < end && start < section.end)) continue;
    let target = section.sectionBreak?.style ?? body.firstSection;
    if (!target) {
      target = firstSectionStyle();
      journal.set(body, 'firstSection', target);
    }
    for (const [key, value] of Object.entries(changes)) {
      journal.set(target, key as keyof SectionStyleNode, value as never);
    }
  }
}

/** UpdateTableColumnPropertiesRequest: no indices means every column. */
function updateTableColumnProperties(batch: Batch, request: Json): void {
  const table = tableAt(batch, request.tableStartLocation);
  const fields = fieldsOf('updateTableColumnProperties', request.fields, ['widthType', 'width']);
  const properties = isObject(request.tableColumnProperties) ? request.tableColumnProperties : {};
  const indices = Array.isArray(request.columnIndices) ? request.columnIndices : [];
  const columns =
    indices.length === 0
      ? Array.from({ length: table.columns }, (_, c) => c)
      : indices.map((c) => integer(c, 'columnIndices'));
  for (const column of columns) {
    // Modelled wording.
    if (column < 0 || column >= table.columns) {
      throw new RequestError(
        `Column index ${column} is not in the table, which has ${table.columns} columns.`,
      );
    }
  }
  const widthType = properties.widthType;
  if (fields.includes('widthType') && widthType !== 'FIXED_WIDTH' && widthType !== 'EVENLY_DISTRIBUTED') {
    throw new RequestError(`Invalid widthType ${JSON.stringify(widthType ?? null)}.`);
  }
  // "If the value of tableColumnProperties#width is less than 5 points (5/72 inch), a 400 bad request error is
  // returned." The wording is modelled.
  const width = fields.includes('width') ? points(properties.width, 'The column width', 5) : null;
  const { journal } = batch;
  const widths = table.node.columnWidths;
  for (const c of columns) {
    while (widths.length <= c) journal.splice(widths, widths.length, 0, null);
    const fixed = fields.includes('widthType') ? widthType === 'FIXED_WIDTH' : widths[c] !== null;
    journal.set(widths, c, fixed ? (width ?? widths[c]) : null);
  }
}

const VERTICAL: Record<string, 'TOP' | 'CENTER' | 'BOTTOM'> = {
  TOP: 'TOP',
  MIDDLE: 'CENTER',
  BOTTOM: 'BOTTOM',
};

/** UpdateTableCellStyleRequest: a table range, or the whole table from its start location. */
function updateTableCellStyle(batch: Batch, request: Json): void {
  const fields = fieldsOf('updateTableCellStyle', request.fields, ['backgroundColor', 'contentAlignment']);
  const style = isObject(request.tableCellStyle) ? request.tableCellStyle : {};
  let table: TableSpan;
  let rows: [number, number];
  let columns: [number, number] | null;
  if (isObject(request.tableRange)) {
    const range = request.tableRange;
    const location = isObject(range.tableCellLocation) ? range.tableCellLocation : {};
    table = tableAt(batch, location.tableStartLocation);
    const row = integer(location.rowIndex ?? 0, 'rowIndex');
    const column = integer(location.columnIndex ?? 0, 'columnIndex');
    const rowSpan = integer(range.rowSpan, 'rowSpan');
    const columnSpan = integer(range.columnSpan, 'columnSpan');
    rows = [row, row + rowSpan];
    columns = [column, column + columnSpan];
    const fits =
      row >= 0 &&
      column >= 0 &&
      rowSpan >= 1 &&
      columnSpan >= 1 &&
      rows[1] <= table.rows.length &&
      table.rows.slice(rows[0], rows[1]).every((r) => columns !== null && columns[1] <= r.cells.length);
    // Modelled wording.
    if (!fits) throw new RequestError('The table range must be within the table.');
  } else {
    table = tableAt(batch, request.tableStartLocation);
    rows = [0, table.rows.length];
    columns = null;
  }
  const { journal } = batch;
  for (const row of table.rows.slice(rows[0], rows[1])) {
    const cells = columns === null ? row.cells : row.cells.slice(columns[0], columns[1]);
    for (const { node } of cells) {
      if (fields.includes('backgroundColor'))
        journal.set(node, 'background', colourOf(style.backgroundColor));
      if (fields.includes('contentAlignment')) {
        journal.set(node, 'verticalAlignment', VERTICAL[String(style.contentAlignment)] ?? null);
      }
    }
  }
}

const TEXT_FIELDS = [
  'bold',
  'italic',
  'underline',
  'strikethrough',
  'fontSize',
  'foregroundColor',
  'backgroundColor',
  'weightedFontFamily',
  'link',
] as const;

/** The run style one TextStyle field sets: its key, and its value (undefined unsets it). */
function textChange(field: (typeof TEXT_FIELDS)[number], style: Json): [keyof CharStyle, unknown] {
  const value = style[field];
  switch (field) {
    case 'fontSize':
      return ['fontSize', value === undefined ? undefined : points(value, 'fontSize', 1)];
    case 'foregroundColor':
    case 'backgroundColor':
      return [field, value === undefined ? undefined : (colourOf(value) ?? undefined)];
    case 'weightedFontFamily':
      return ['fontFamily', isObject(value) ? value.fontFamily : undefined];
    case 'link':
      return ['linkUrl', isObject(value) ? value.url : undefined];
    default:
      if (value !== undefined && typeof value !== 'boolean')
        throw new RequestError(`${field} must be true or false.`);
      return [field, value];
  }
}

/** UpdateTextStyleRequest over every character of the range, in the body and in table cells. */
function updateTextStyle(batch: Batch, request: Json): void {
  const { start, end } = checkRange(batch, request.range, 1);
  const fields = fieldsOf('updateTextStyle', request.fields, TEXT_FIELDS);
  const style = isObject(request.textStyle) ? request.textStyle : {};
  const changes = fields.map((f) => textChange(f as (typeof TEXT_FIELDS)[number], style));
  const { layout, journal } = batch;
  for (let p = firstParagraphFrom(layout, start); p < layout.paragraphs.length; p++) {
    const span = layout.paragraphs[p];
    if (span.start >= end) break;
    const node = span.node;
    const from = Math.max(start, span.start) - span.start;
    const to = Math.min(end, span.end, span.start + node.text.length) - span.start;
    for (let i = from; i < to; i++) {
      const run: Record<string, unknown> = { ...node.runs[i] };
      for (const [key, value] of changes) {
        if (value === undefined) delete run[key];
        else run[key] = value;
      }
      journal.set(node.runs, i, run as CharStyle);
    }
  }
}

/** UpdateParagraphStyleRequest, for the named style and alignment: every paragraph the range overlaps. */
function updateParagraphStyle(batch: Batch, request: Json): void {
  const { start, end } = checkRange(batch, request.range, 1);
  const fields = fieldsOf('updateParagraphStyle', request.fields, ['namedStyleType', 'alignment']);
  const style = isObject(request.paragraphStyle) ? request.paragraphStyle : {};
  const heading = HEADING_OF_NAMED_STYLE[String(style.namedStyleType ?? 'NORMAL_TEXT')];
  const alignment = style.alignment === undefined ? null : HALIGN_OF_ALIGNMENT[String(style.alignment)];
  if (fields.includes('namedStyleType') && heading === undefined) {
    throw new RequestError(`Invalid namedStyleType ${JSON.stringify(style.namedStyleType)}.`);
  }
  if (fields.includes('alignment') && alignment === undefined) {
    throw new RequestError(`Invalid alignment ${JSON.stringify(style.alignment)}.`);
  }
  const { layout, journal } = batch;
  for (let p = firstParagraphFrom(layout, start); p < layout.paragraphs.length; p++) {
    const span = layout.paragraphs[p];
    if (span.start >= end) break;
    if (fields.includes('namedStyleType')) journal.set(span.node, 'heading', heading);
    if (fields.includes('alignment')) journal.set(span.node, 'alignment', alignment ?? null);
  }
}

/** PinTableHeaderRowsRequest: that many rows from the top repeat on each page; 0 unpins them. */
function pinTableHeaderRows(batch: Batch, request: Json): void {
  const table = tableAt(batch, request.tableStartLocation);
  const count = integer(request.pinnedHeaderRowsCount ?? 0, 'pinnedHeaderRowsCount');
  // Modelled wording.
  if (count < 0 || count > table.rows.length) {
    throw new RequestError(`Cannot pin ${count} header rows of a table of ${table.rows.length} rows.`);
  }
  batch.journal.set(table.node, 'pinnedHeaderRows', count);
}

type Handler = (batch: Batch, request: Json, index: number) => void;

const HANDLERS: Record<string, Handler> = {
  updateDocumentStyle,
  insertSectionBreak,
  updateSectionStyle,
  updateTableColumnProperties,
  updateTableCellStyle,
  updateTextStyle,
  updateParagraphStyle,
  pinTableHeaderRows,
};

/** The one request kind a batch entry names; its shape refused in Google's words otherwise. */
function kindOf(request: unknown, index: number): string {
  if (!isObject(request)) throw new RequestError(`Invalid requests[${index}]: No request set.`);
  const keys = Object.keys(request).filter((k) => request[k] !== undefined && request[k] !== null);
  if (keys.length === 0) throw new RequestError(`Invalid requests[${index}]: No request set.`);
  const unknown = keys.find((k) => !KNOWN_REQUESTS.has(k));
  if (unknown) {
    // Google's wording (seen in client issues: 'Unknown name "createTab" at \'requests[0]\': Cannot find field.').
    throw new RequestError(
      `Invalid JSON payload received. Unknown name "${unknown}" at 'requests[${index}]': Cannot find field.`,
    );
  }
  if (keys.length > 1) {
    // Modelled on Google's wording for a second member of a oneof.
    throw new RequestError(
      `Invalid value at 'requests[${index}]' (oneof), oneof field 'request' is already set. Cannot set '${keys[1]}'`,
    );
  }
  return keys[0];
}

/**
 * Applies a batch to the body: all of it, or (on the first bad request) none of it. Throws RequestError with
 * Google's "Invalid requests[i].kind: ..." prefix, or NotImplementedError for a request not modelled.
 */
export function applyRequests(body: BodyNode, requests: readonly unknown[]): Json[] {
  const batch = new Batch(body);
  try {
    requests.forEach((request, i) => {
      const kind = kindOf(request, i);
      const handler = HANDLERS[kind];
      if (!handler) throw new NotImplementedError(`Docs.Documents.batchUpdate ${kind}`);
      const args = (request as Json)[kind];
      try {
        handler(batch, isObject(args) ? args : {}, i);
      } catch (error) {
        if (error instanceof RequestError)
          throw new RequestError(`Invalid requests[${i}].${kind}: ${error.message}`);
        throw error;
      }
    });
  } catch (error) {
    batch.journal.rollback();
    throw error;
  }
  return requests.map(() => ({}));
}
