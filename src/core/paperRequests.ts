/**
 * The one Docs API documents.batchUpdate that styles a rendered paper: page size and margins, the next-page
 * section break that turns the appendix landscape, column widths, bold and pinned header rows, and every status
 * cell's colour. The renderer appends each table in one call, reads the tables' start indexes back (one
 * documents.get), then sends these requests in one call: a constant number of service calls at any size.
 *
 * Request shapes, from the Docs API reference (developers.google.com/workspace/docs/api/reference/rest/v1/
 * documents/request):
 * - UpdateDocumentStyleRequest {documentStyle, fields}: page size is a document style; a section cannot set
 *   its own (SectionStyle has no pageSize).
 * - InsertSectionBreakRequest {location: {index}, sectionType: 'NEXT_PAGE'}: "inserts a newline and a section
 *   break", so everything from `index` on moves two indexes later; it must be inside a paragraph's bounds, never at
 *   a table's start index.
 * - UpdateSectionStyleRequest {range, sectionStyle, fields}: the range only has to overlap the section;
 *   SectionStyle.flipPageOrientation swaps the document's page width and height for that section ("allows
 *   changing the page orientation between portrait and landscape"; setting it requires a concrete value).
 * - UpdateTableColumnPropertiesRequest {tableStartLocation, columnIndices, tableColumnProperties: {widthType:
 *   'FIXED_WIDTH', width}, fields}: a width under 5 points is a 400 error.
 * - UpdateTableCellStyleRequest {tableRange: {tableCellLocation: {tableStartLocation, rowIndex, columnIndex},
 *   rowSpan, columnSpan}, tableCellStyle: {backgroundColor: {color: {rgbColor}}}, fields: 'backgroundColor'}.
 * - PinTableHeaderRowsRequest {tableStartLocation, pinnedHeaderRowsCount}: the header repeats on every page.
 * - UpdateTextStyleRequest {range, textStyle: {bold: true}, fields: 'bold'}, one per header cell: a cell's text
 *   starts at table start + 3 for the first cell (table, row and cell starts), and each cell takes its text
 *   plus its paragraph's newline plus the next cell's start (how-tos/tables, "index offsets").
 * Style requests come first and the section break last, so no index moves before the tables are styled.
 */
import type { StatusKey, StatusStyle } from './model';
import type { AppendixTable } from './outline';

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
      readonly pinTableHeaderRows: {
        readonly tableStartLocation: Location;
        readonly pinnedHeaderRowsCount: 1;
      };
    }
  | {
      readonly updateTextStyle: {
        readonly range: { readonly startIndex: number; readonly endIndex: number };
        readonly textStyle: { readonly bold: true };
        readonly fields: 'bold';
      };
    };

/** A4 in points, portrait. */
export const A4 = { width: 595.28, height: 841.89 } as const;
export const REPORT_MARGIN = 72;
export const APPENDIX_MARGIN = 36;
export const HEADER_SHADING = '#d9d9d9';
/** The Docs API refuses a column narrower than this (points). */
export const MIN_COLUMN_WIDTH = 5;

/** A rendered appendix table and where the document holds it (its structural element's startIndex). */
export interface PlacedTable {
  readonly table: AppendixTable;
  readonly startIndex: number;
}

export interface PaperRequestInput {
  /** Every appendix table as rendered, the key table included; empty tables (rendered as "None.") left out. */
  readonly tables: readonly PlacedTable[];
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

/** Bold header text, cell by cell: header cells hold one line each. */
function boldHeader(placed: PlacedTable): DocsRequest[] {
  const requests: DocsRequest[] = [];
  let at = placed.startIndex + 3;
  for (const text of placed.table.header) {
    const length = text.replace(/\n/g, ' ').length;
    if (length > 0) {
      requests.push({
        updateTextStyle: {
          range: { startIndex: at, endIndex: at + length },
          textStyle: { bold: true },
          fields: 'bold',
        },
      });
    }
    at += length + 2;
  }
  return requests;
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
  return [...widths, ...header, ...statusShading(placed, styles)];
}

function margins(margin: number): Record<string, Dimension> {
  return { marginTop: pt(margin), marginBottom: pt(margin), marginLeft: pt(margin), marginRight: pt(margin) };
}

/**
 * The batchUpdate requests for a rendered paper: A4 portrait for the report, the tables styled, then a next-page
 * section break before the appendix and the appendix's section flipped to landscape with narrower margins.
 */
export function paperRequests(input: PaperRequestInput): DocsRequest[] {
  const page: DocsRequest = {
    updateDocumentStyle: {
      documentStyle: { pageSize: { width: pt(A4.width), height: pt(A4.height) }, ...margins(REPORT_MARGIN) },
      fields: 'pageSize,marginTop,marginBottom,marginLeft,marginRight',
    },
  };
  const tables = [...input.tables]
    .sort((a, b) => a.startIndex - b.startIndex)
    .flatMap((placed) => tableRequests(placed, input.styles));
  // The break adds a newline and the break itself: the appendix's first paragraph now starts two indexes later.
  const moved = input.appendixStart + 2;
  const landscape: DocsRequest = {
    updateSectionStyle: {
      range: { startIndex: moved, endIndex: moved + 1 },
      sectionStyle: { flipPageOrientation: true, ...margins(APPENDIX_MARGIN) },
      fields: 'flipPageOrientation,marginTop,marginBottom,marginLeft,marginRight',
    },
  };
  return [
    page,
    ...tables,
    { insertSectionBreak: { location: { index: input.appendixStart }, sectionType: 'NEXT_PAGE' } },
    landscape,
  ];
}
