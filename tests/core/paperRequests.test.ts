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
const nine = (startIndex: number, endIndex: number) => ({
  updateTextStyle: { range: { startIndex, endIndex }, textStyle: { fontSize: pt(9) }, fields: 'fontSize' },
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

  it('sets the page, breaks to a landscape appendix, then styles headings and tables where the break moved them', () => {
    const requests = paperRequests({
      tables: [
        { table: progress, startIndex: 2100, endIndex: 2190 },
        { table: summary, startIndex: 2000, endIndex: 2050 },
        { table: key, startIndex: 2300, endIndex: 2330 },
      ],
      lines: [
        { style: 'NORMAL_TEXT', alignment: 'END', startIndex: 1, endIndex: 18 },
        { style: 'TITLE', alignment: null, startIndex: 18, endIndex: 56 },
        { style: 'NORMAL_TEXT', alignment: null, startIndex: 56, endIndex: 70 },
        { style: 'HEADING_1', alignment: null, startIndex: 1900, endIndex: 1960 },
      ],
      appendixStart: 1900,
      styles: DEFAULT_SETTINGS.statuses,
    });
    const heading = (startIndex: number, endIndex: number, namedStyleType: string, alignment?: string) => ({
      updateParagraphStyle: {
        range: { startIndex, endIndex },
        paragraphStyle: { namedStyleType, ...(alignment ? { alignment } : {}) },
        fields: alignment ? 'namedStyleType,alignment' : 'namedStyleType',
      },
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
      // The break first: the appendix heading (1900) moves to 1902 and its section turns landscape.
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
      // Lines before the break keep their indexes; plain normal text needs no request.
      heading(1, 18, 'NORMAL_TEXT', 'END'),
      heading(18, 56, 'TITLE'),
      heading(1902, 1962, 'HEADING_1'),
      // The summary (it comes first in the document): 9pt, widths, shaded and bold header pinned, status runs.
      nine(2002, 2052),
      column(2002, 0, 307.96),
      column(2002, 1, 76.99),
      shade(2002, 0, 0, 1, 2, GREY),
      bold(2005, 2011),
      bold(2013, 2020),
      pin(2002),
      shade(2002, 1, 0, 1, 1, RED),
      shade(2002, 2, 0, 1, 1, BLUE),
      // The progress table: two overdue rows in a row are one request.
      nine(2102, 2192),
      column(2102, 0, 85.54),
      column(2102, 1, 513.26),
      column(2102, 2, 171.09),
      shade(2102, 0, 0, 1, 3, GREY),
      bold(2105, 2108),
      bold(2110, 2116),
      bold(2118, 2124),
      pin(2102),
      shade(2102, 1, 2, 2, 1, RED),
      shade(2102, 3, 2, 1, 1, BLUE),
      // The key: a colour cell per status, no header styling.
      nine(2302, 2332),
      column(2302, 0, 33.68),
      column(2302, 1, 235.78),
      shade(2302, 1, 0, 1, 1, RED),
      shade(2302, 2, 0, 1, 1, BLUE),
    ]);
  });

  it('writes status text in its font colour only where Settings give one other than black', () => {
    const styles = {
      ...DEFAULT_SETTINGS.statuses,
      overdue: { ...DEFAULT_SETTINGS.statuses.overdue, fontColor: '#ffffff' },
    };
    const requests = paperRequests({
      tables: [{ table: progress, startIndex: 100, endIndex: 190 }],
      lines: [],
      appendixStart: 50,
      styles,
    });
    // The table moves to 102: its header row starts at 103 and its cells at 104 ("Ref"), 109 ("Action") and 117
    // ("Status"); row 1 starts at 125 and its cells at 126, 131 and 148, so its Status text is 149 to 156.
    const coloured = requests.filter(
      (r) => 'updateTextStyle' in r && r.updateTextStyle.fields === 'foregroundColor',
    );
    const white = { color: { rgbColor: { red: 1, green: 1, blue: 1 } } };
    expect(coloured).toEqual([
      {
        updateTextStyle: {
          range: { startIndex: 149, endIndex: 156 },
          textStyle: { foregroundColor: white },
          fields: 'foregroundColor',
        },
      },
      {
        updateTextStyle: {
          range: { startIndex: 185, endIndex: 192 },
          textStyle: { foregroundColor: white },
          fields: 'foregroundColor',
        },
      },
    ]);
    const black = paperRequests({
      tables: [{ table: progress, startIndex: 100, endIndex: 190 }],
      lines: [],
      appendixStart: 50,
      styles: DEFAULT_SETTINGS.statuses,
    });
    expect(
      black.filter((r) => 'updateTextStyle' in r && r.updateTextStyle.fields === 'foregroundColor'),
    ).toEqual([]);
  });

  it('never asks for a column narrower than the 5 points the API accepts', () => {
    const narrow: AppendixTable = { ...progress, widths: [1, 1000, 1] };
    expect(Math.min(...columnWidths(narrow))).toBe(5);
  });
});
