import { DEFAULT_SETTINGS } from '../../src/core/model';
import type { AppendixTable } from '../../src/core/paper';
import { columnWidths, paperRequests, rgbColor } from '../../src/core/paperRequests';

const pt = (magnitude: number) => ({ magnitude, unit: 'PT' });

/** A small paper's appendix: the status summary (coloured first column, total row uncoloured) and a progress table. */
const summary: AppendixTable = {
  kind: 'summary',
  caption: 'Actions by status',
  header: ['Status', 'Actions'],
  rows: [
    { cells: ['Overdue', '1'], status: 'overdue' },
    { cells: ['Completed', '1'], status: 'completed' },
    { cells: ['Total', '2'], status: null },
  ],
  widths: [4, 1],
  widthShare: 0.5,
  statusColumn: 0,
  empty: 'None.',
};

const progress: AppendixTable = {
  kind: 'progress',
  caption: 'Progress report',
  header: ['Ref', 'Action', 'Status'],
  rows: [
    { cells: ['3.1', 'Involve Members', 'Overdue'], status: 'overdue' },
    { cells: ['3.2', 'Develop a framework', 'Overdue'], status: 'overdue' },
    { cells: ['4.1', 'Covalent training', 'Completed'], status: 'completed' },
  ],
  widths: [1, 6, 2],
  widthShare: 1,
  statusColumn: 2,
  empty: 'None.',
};

const key: AppendixTable = {
  kind: 'key',
  caption: 'Key',
  header: ['', 'Action Status'],
  rows: [
    { cells: ['', 'Overdue'], status: 'overdue' },
    { cells: ['', 'Completed'], status: 'completed' },
  ],
  widths: [1, 7],
  widthShare: 0.35,
  statusColumn: 0,
  empty: '',
};

const RED = { red: 0.8784, green: 0.4, blue: 0.4 };
const BLUE = { red: 0.4353, green: 0.6588, blue: 0.8627 };
const GREY = { red: 0.851, green: 0.851, blue: 0.851 };

const column = (index: number, columnIndex: number, width: number) => ({
  updateTableColumnProperties: {
    tableStartLocation: { index },
    columnIndices: [columnIndex],
    tableColumnProperties: { widthType: 'FIXED_WIDTH', width: pt(width) },
    fields: 'widthType,width',
  },
});
const shade = (
  index: number,
  rowIndex: number,
  columnIndex: number,
  rowSpan: number,
  columnSpan: number,
  rgbColor: object,
) => ({
  updateTableCellStyle: {
    tableRange: {
      tableCellLocation: { tableStartLocation: { index }, rowIndex, columnIndex },
      rowSpan,
      columnSpan,
    },
    tableCellStyle: { backgroundColor: { color: { rgbColor } } },
    fields: 'backgroundColor',
  },
});
const bold = (startIndex: number, endIndex: number) => ({
  updateTextStyle: { range: { startIndex, endIndex }, textStyle: { bold: true }, fields: 'bold' },
});
const pin = (index: number) => ({
  pinTableHeaderRows: { tableStartLocation: { index }, pinnedHeaderRowsCount: 1 },
});

describe('the batchUpdate that styles a rendered paper', () => {
  it('reads the settings colours as Docs colours', () => {
    expect(rgbColor(DEFAULT_SETTINGS.statuses.overdue.background)).toEqual(RED);
    expect(rgbColor('#fff')).toEqual({ red: 1, green: 1, blue: 1 });
    expect(rgbColor('red')).toBeNull();
  });

  it('shares the landscape text width out in each table’s proportions', () => {
    // A4 landscape less two 36-point margins: 769.89 points.
    expect(columnWidths(progress)).toEqual([85.54, 513.26, 171.09]);
    expect(columnWidths(summary)).toEqual([307.96, 76.99]);
  });

  it('sets the page, styles every table in one pass, then breaks to a landscape appendix', () => {
    const requests = paperRequests({
      tables: [
        { table: progress, startIndex: 2100 },
        { table: summary, startIndex: 2000 },
        { table: key, startIndex: 2300 },
      ],
      appendixStart: 1900,
      styles: DEFAULT_SETTINGS.statuses,
    });
    expect(requests).toEqual([
      {
        updateDocumentStyle: {
          documentStyle: {
            pageSize: { width: pt(595.28), height: pt(841.89) },
            marginTop: pt(72),
            marginBottom: pt(72),
            marginLeft: pt(72),
            marginRight: pt(72),
          },
          fields: 'pageSize,marginTop,marginBottom,marginLeft,marginRight',
        },
      },
      // The summary (it comes first in the document): widths, shaded and bold header pinned, status runs.
      column(2000, 0, 307.96),
      column(2000, 1, 76.99),
      shade(2000, 0, 0, 1, 2, GREY),
      bold(2003, 2009),
      bold(2011, 2018),
      pin(2000),
      shade(2000, 1, 0, 1, 1, RED),
      shade(2000, 2, 0, 1, 1, BLUE),
      // The progress table: two overdue rows in a row are one request.
      column(2100, 0, 85.54),
      column(2100, 1, 513.26),
      column(2100, 2, 171.09),
      shade(2100, 0, 0, 1, 3, GREY),
      bold(2103, 2106),
      bold(2108, 2114),
      bold(2116, 2122),
      pin(2100),
      shade(2100, 1, 2, 2, 1, RED),
      shade(2100, 3, 2, 1, 1, BLUE),
      // The key: a colour cell per status, no header styling.
      column(2300, 0, 33.68),
      column(2300, 1, 235.78),
      shade(2300, 1, 0, 1, 1, RED),
      shade(2300, 2, 0, 1, 1, BLUE),
      { insertSectionBreak: { location: { index: 1900 }, sectionType: 'NEXT_PAGE' } },
      {
        updateSectionStyle: {
          range: { startIndex: 1902, endIndex: 1903 },
          sectionStyle: {
            flipPageOrientation: true,
            marginTop: pt(36),
            marginBottom: pt(36),
            marginLeft: pt(36),
            marginRight: pt(36),
          },
          fields: 'flipPageOrientation,marginTop,marginBottom,marginLeft,marginRight',
        },
      },
    ]);
  });

  it('never asks for a column narrower than the 5 points the API accepts', () => {
    const narrow: AppendixTable = { ...progress, widths: [1, 1000, 1] };
    expect(Math.min(...columnWidths(narrow))).toBe(5);
  });
});
