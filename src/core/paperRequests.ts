/**
 * The one documents.batchUpdate that styles a rendered paper: page size and margins, the next-page section break
 * that turns the appendix landscape, the named style of each heading, column widths, bold and pinned header rows,
 * and every status cell's colour. The renderer appends each table in one call, reads the start indexes back (one
 * documents.get), then sends these requests in one call: a constant number of service calls at any size.
 *
 * Request shapes, from the Docs API reference (developers.google.com/workspace/docs/api/reference/rest/v1/
 * documents/request):
 * - UpdateDocumentStyleRequest {documentStyle, fields}: page size is a document style; a section cannot set
 *   its own (SectionStyle has no pageSize).
 * - InsertSectionBreakRequest {location: {index}, sectionType: 'NEXT_PAGE'}: "inserts a newline and a section
 *   break", so everything from `index` on moves two indexes later; it must be inside a paragraph's bounds, never at
 *   a table's start index. At the start of the appendix's heading, the newline makes an empty paragraph that
 *   ends the report.
 * - UpdateSectionStyleRequest {range, sectionStyle, fields}: the range only has to overlap the section;
 *   SectionStyle.flipPageOrientation swaps the document's page width and height for that section ("allows
 *   changing the page orientation between portrait and landscape"; setting it requires a concrete value).
 * - UpdateParagraphStyleRequest {range, paragraphStyle: {namedStyleType, alignment}, fields}: headings styled in
 *   the batch rather than by a DocumentApp call each.
 * - UpdateTableColumnPropertiesRequest {tableStartLocation, columnIndices, tableColumnProperties: {widthType:
 *   'FIXED_WIDTH', width}, fields}: a width under 5 points is a 400 error.
 * - UpdateTableCellStyleRequest {tableRange: {tableCellLocation: {tableStartLocation, rowIndex, columnIndex},
 *   rowSpan, columnSpan}, tableCellStyle: {backgroundColor: {color: {rgbColor}}}, fields: 'backgroundColor'}.
 * - PinTableHeaderRowsRequest {tableStartLocation, pinnedHeaderRowsCount}: the header repeats on every page.
 * - UpdateTextStyleRequest {range, textStyle: {bold: true}, fields: 'bold'}, one per header cell: a cell's text
 *   starts at table start + 3 for the first cell (table, row and cell starts; a real documents.get shows a table at
 *   591 with its first cell's paragraph at 594), and each cell takes its text plus its paragraph's newline plus
 *   the next cell's start.
 * The section break comes first, so the empty paragraph it makes takes the heading's style before the heading is
 * styled (normal text); every index at or after the break is then read two later.
 */
import type { StatusKey, StatusStyle } from './model';
import type { AppendixTable } from './outline';
import type { LineStyle } from './paperBlocks';

export interface Dimension {
  readonly magnitude: number;
  readonly unit: 'PT';
}

export interface RgbColor {
  readonly red: number;
  readonly green: number;
  readonly blue: number;
}

interface Location {
  readonly index: number;
}

export type DocsRequest =
  | {
      readonly updateDocumentStyle: {
        readonly documentStyle: Readonly<Record<string, Dimension | { width: Dimension; height: Dimension }>>;
        readonly fields: string;
      };
    }
  | { readonly insertSectionBreak: { readonly location: Location; readonly sectionType: 'NEXT_PAGE' } }
  | {
      readonly updateSectionStyle: {
        readonly range: { readonly startIndex: number; readonly endIndex: number };
        readonly sectionStyle: Readonly<Record<string, Dimension | boolean>>;
        readonly fields: string;
      };
    }
  | {
      readonly updateTableColumnProperties: {
        readonly tableStartLocation: Location;
        readonly columnIndices: readonly number[];
        readonly tableColumnProperties: { readonly widthType: 'FIXED_WIDTH'; readonly width: Dimension };
        readonly fields: 'widthType,width';
      };
    }
  | {
      readonly updateTableCellStyle: {
        readonly tableRange: {
          readonly tableCellLocation: {
            readonly tableStartLocation: Location;
            readonly rowIndex: number;
            readonly columnIndex: number;
          };
          readonly rowSpan: number;
          readonly columnSpan: number;
        };
        readonly tableCellStyle: {
          readonly backgroundColor: { readonly color: { readonly rgbColor: RgbColor } };
        };
        readonly fields: 'backgroundColor';
      };
    }
  | {
      readonly updateParagraphStyle: {
        readonly range: { readonly startIndex: number; readonly endIndex: number };
        readonly paragraphStyle: { readonly namedStyleType: LineStyle; readonly alignment?: 'END' };
        readonly fields: string;
      };
    }
  | {
      readonly pinTableHeaderRows: {
        readonly tableStartLocation: Location;
        readonly pinnedHeaderRowsCount: 1;
      };
    }
  | {
      readonly updateTextStyle: {
        readonly range: { readonly startIndex: number; readonly endIndex: number };
        readonly textStyle:
          | { readonly bold: true }
          | { readonly fontSize: Dimension }
          | { readonly foregroundColor: { readonly color: { readonly rgbColor: RgbColor } } };
        readonly fields: 'bold' | 'fontSize' | 'foregroundColor';
      };
    };

/** A4 in points, portrait. */
export const A4 = { width: 595.28, height: 841.89 } as const;
export const REPORT_MARGIN = 72;
export const APPENDIX_MARGIN = 36;
export const HEADER_SHADING = '#d9d9d9';
/** The Docs API refuses a column narrower than this (points). */
export const MIN_COLUMN_WIDTH = 5;
/** The appendix tables' type size, as seed 000 sets its progress table: each fills a landscape page. */
export const TABLE_FONT_SIZE = 9;
/** Status text in this colour needs no request: it is Docs' own. */
const DEFAULT_TEXT_COLOUR = '#000000';

/** A rendered appendix table and where the document holds it (its structural element's start and end). */
export interface PlacedTable {
  readonly table: AppendixTable;
  readonly startIndex: number;
  readonly endIndex: number;
}

/** A rendered line that takes a named style or alignment, and where the document holds it. */
export interface PlacedLine {
  readonly style: LineStyle;
  readonly alignment: 'END' | null;
  readonly startIndex: number;
  readonly endIndex: number;
}

export interface PaperRequestInput {
  /** Every appendix table as rendered, the key table included; empty tables (rendered as "None.") left out. */
  readonly tables: readonly PlacedTable[];
  /** The lines to style; normal text at its own alignment needs no request and may be left out. */
  readonly lines: readonly PlacedLine[];
  /** The start index of the appendix's first paragraph: the section break goes there. */
  readonly appendixStart: number;
  readonly styles: Readonly<Record<StatusKey, StatusStyle>>;
}

const pt = (magnitude: number): Dimension => ({ magnitude, unit: 'PT' });
const round = (n: number): number => Math.round(n * 100) / 100;

/** '#e06666' or '#e66' as Docs' RgbColor (0 to 1), or null for anything else. */
export function rgbColor(hex: string): RgbColor | null {
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) return null;
  const digits = m[1].length === 3 ? [...m[1]].map((d) => d + d).join('') : m[1];
  const channel = (at: number): number => round4(parseInt(digits.slice(at, at + 2), 16) / 255);
  return { red: channel(0), green: channel(2), blue: channel(4) };
}

const round4 = (n: number): number => Math.round(n * 10000) / 10000;

/** The landscape text width shared out in the table's proportions, never under the API's minimum. */
export function columnWidths(table: AppendixTable): number[] {
  const text = A4.height - 2 * APPENDIX_MARGIN;
  const total = table.widths.reduce((a, b) => a + b, 0);
  return table.widths.map((w) => Math.max(MIN_COLUMN_WIDTH, round((text * table.widthShare * w) / total)));
}

function cellShading(
  start: number,
  row: number,
  column: number,
  rows: number,
  columns: number,
  rgb: RgbColor,
): DocsRequest {
  return {
    updateTableCellStyle: {
      tableRange: {
        tableCellLocation: { tableStartLocation: { index: start }, rowIndex: row, columnIndex: column },
        rowSpan: rows,
        columnSpan: columns,
      },
      tableCellStyle: { backgroundColor: { color: { rgbColor: rgb } } },
      fields: 'backgroundColor',
    },
  };
}

/** Status cells coloured a run at a time: consecutive rows of one status are one request. */
function statusShading(placed: PlacedTable, styles: PaperRequestInput['styles']): DocsRequest[] {
  const { table, startIndex } = placed;
  if (table.statusColumn < 0) return [];
  const requests: DocsRequest[] = [];
  let i = 0;
  while (i < table.rows.length) {
    const status = table.rows[i].status;
    let end = i + 1;
    while (end < table.rows.length && table.rows[end].status === status) end++;
    const rgb = status === null ? null : rgbColor(styles[status].background);
    if (rgb !== null) requests.push(cellShading(startIndex, i + 1, table.statusColumn, end - i, 1, rgb));
    i = end;
  }
  return requests;
}

/**
 * Where the text of each cell of the first `rows` rows starts: after the table's start, each row's start and the
 * cell's own start; a cell's text and its newline run up to the next cell's start (a "\n" in a cell's text is a
 * paragraph break there, one index like any character).
 */
function cellTextStarts(placed: PlacedTable, rows: number): number[][] {
  const grid = [placed.table.header, ...placed.table.rows.map((r) => r.cells)];
  const starts: number[][] = [];
  let at = placed.startIndex + 1;
  for (const cells of grid.slice(0, rows)) {
    at += 1;
    const row: number[] = [];
    for (const text of cells) {
      at += 1;
      row.push(at);
      at += text.length + 1;
    }
    starts.push(row);
  }
  return starts;
}

function textRange(
  startIndex: number,
  length: number,
  textStyle: Extract<DocsRequest, { updateTextStyle: unknown }>['updateTextStyle']['textStyle'],
  fields: 'bold' | 'fontSize' | 'foregroundColor',
): DocsRequest {
  return { updateTextStyle: { range: { startIndex, endIndex: startIndex + length }, textStyle, fields } };
}

/** Bold header text, cell by cell. */
function boldHeader(placed: PlacedTable): DocsRequest[] {
  const [starts] = cellTextStarts(placed, 1);
  return placed.table.header.flatMap((text, c) =>
    text.length > 0 ? [textRange(starts[c], text.length, { bold: true }, 'bold')] : [],
  );
}

/** Status text in its status's font colour, where Settings give one other than black. */
function statusText(placed: PlacedTable, styles: PaperRequestInput['styles']): DocsRequest[] {
  const { table } = placed;
  const colourOf = (status: StatusKey | null): RgbColor | null =>
    status === null || styles[status].fontColor.toLowerCase() === DEFAULT_TEXT_COLOUR
      ? null
      : rgbColor(styles[status].fontColor);
  if (table.statusColumn < 0 || !table.rows.some((r) => colourOf(r.status) !== null)) return [];
  const starts = cellTextStarts(placed, table.rows.length + 1);
  return table.rows.flatMap((row, i) => {
    const rgb = colourOf(row.status);
    const text = row.cells[table.statusColumn];
    if (rgb === null || text.length === 0) return [];
    const range = textRange(
      starts[i + 1][table.statusColumn],
      text.length,
      { foregroundColor: { color: { rgbColor: rgb } } },
      'foregroundColor',
    );
    return [range];
  });
}

function tableRequests(placed: PlacedTable, styles: PaperRequestInput['styles']): DocsRequest[] {
  const { table, startIndex } = placed;
  const location = { index: startIndex };
  const widths: DocsRequest[] = columnWidths(table).map((width, column) => ({
    updateTableColumnProperties: {
      tableStartLocation: location,
      columnIndices: [column],
      tableColumnProperties: { widthType: 'FIXED_WIDTH', width: pt(width) },
      fields: 'widthType,width',
    },
  }));
  const shading = rgbColor(HEADER_SHADING) as RgbColor;
  const header: DocsRequest[] =
    table.kind === 'key'
      ? []
      : [
          cellShading(startIndex, 0, 0, 1, table.header.length, shading),
          ...boldHeader(placed),
          { pinTableHeaderRows: { tableStartLocation: location, pinnedHeaderRowsCount: 1 } },
        ];
  const size = textRange(
    startIndex,
    placed.endIndex - startIndex,
    { fontSize: pt(TABLE_FONT_SIZE) },
    'fontSize',
  );
  return [size, ...widths, ...header, ...statusShading(placed, styles), ...statusText(placed, styles)];
}

function margins(margin: number): Record<string, Dimension> {
  return { marginTop: pt(margin), marginBottom: pt(margin), marginLeft: pt(margin), marginRight: pt(margin) };
}

function lineRequest(line: PlacedLine): DocsRequest | null {
  if (line.style === 'NORMAL_TEXT' && line.alignment === null) return null;
  return {
    updateParagraphStyle: {
      range: { startIndex: line.startIndex, endIndex: line.endIndex },
      paragraphStyle: {
        namedStyleType: line.style,
        ...(line.alignment === null ? {} : { alignment: line.alignment }),
      },
      fields: line.alignment === null ? 'namedStyleType' : 'namedStyleType,alignment',
    },
  };
}

/**
 * The batchUpdate requests for a rendered paper: A4 portrait for the report, a next-page section break before
 * the appendix with the appendix's section flipped to landscape and narrower margins, then the headings and the
 * tables styled at their indexes as moved by the break.
 */
export function paperRequests(input: PaperRequestInput): DocsRequest[] {
  const page: DocsRequest = {
    updateDocumentStyle: {
      documentStyle: { pageSize: { width: pt(A4.width), height: pt(A4.height) }, ...margins(REPORT_MARGIN) },
      fields: 'pageSize,marginTop,marginBottom,marginLeft,marginRight',
    },
  };
  const at = input.appendixStart;
  // The break adds a newline and the break itself: whatever started at or after it now starts two later.
  const moved = (index: number): number => (index >= at ? index + 2 : index);
  const landscape: DocsRequest = {
    updateSectionStyle: {
      range: { startIndex: at + 2, endIndex: at + 3 },
      sectionStyle: { flipPageOrientation: true, ...margins(APPENDIX_MARGIN) },
      fields: 'flipPageOrientation,marginTop,marginBottom,marginLeft,marginRight',
    },
  };
  const lines = input.lines
    .map((line) =>
      lineRequest({ ...line, startIndex: moved(line.startIndex), endIndex: moved(line.endIndex) }),
    )
    .filter((r): r is DocsRequest => r !== null);
  const tables = [...input.tables]
    .sort((a, b) => a.startIndex - b.startIndex)
    .flatMap((placed) =>
      tableRequests(
        { ...placed, startIndex: moved(placed.startIndex), endIndex: moved(placed.endIndex) },
        input.styles,
      ),
    );
  return [
    page,
    { insertSectionBreak: { location: { index: at }, sectionType: 'NEXT_PAGE' } },
    landscape,
    ...lines,
    ...tables,
  ];
}
