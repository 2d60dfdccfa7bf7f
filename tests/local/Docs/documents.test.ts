import { DOCS_CHARACTER_LIMIT, bodyLength } from '../../../local/workspace/Docs';
import { LocalWorkspace } from '../../../local/workspace';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- API JSON read in tests

/** The typings' Request lags the API (no table or section requests), so tests send plain JSON. */
function batchUpdate(Docs: GoogleAppsScript.Docs, requests: Json[], id: string): Json {
  return Docs.Documents.batchUpdate(
    { requests } as GoogleAppsScript.Docs.Schema.BatchUpdateDocumentRequest,
    id,
  ) as Json;
}

function workspace(options: ConstructorParameters<typeof LocalWorkspace>[0] = {}) {
  const ws = new LocalWorkspace(options);
  const globals = ws.globals();
  return {
    ws,
    DocumentApp: globals.DocumentApp as GoogleAppsScript.Document.DocumentApp,
    Docs: globals.Docs as GoogleAppsScript.Docs,
  };
}

/**
 * A saved document: a title, a paragraph, a 2×2 table whose last cell holds two lines, and a closing heading.
 * DocumentApp keeps an empty paragraph after the table.
 */
function sample() {
  const w = workspace();
  const doc = w.DocumentApp.create('Sample');
  const body = doc.getBody();
  body.setText('Title');
  body.appendParagraph('Hello');
  const table = body.appendTable([
    ['a', 'bb'],
    ['ccc', 'd\ne'],
  ]);
  table.getCell(0, 1).editAsText().setBold(true);
  body.appendParagraph('Appendix').setHeading(w.DocumentApp.ParagraphHeading.HEADING1);
  doc.saveAndClose();
  return { ...w, id: doc.getId() };
}

const kinds = (content: Json[]) =>
  content.map((e) => [
    e.startIndex ?? null,
    e.endIndex,
    Object.keys(e).find((k) => k !== 'startIndex' && k !== 'endIndex'),
  ]);

describe('Docs.Documents.get', () => {
  it('counts indexes as Google does: section break, paragraphs with their newline, table, row and cell starts', () => {
    const { Docs, id } = sample();
    const doc = Docs.Documents.get(id) as Json;
    expect(doc.documentId).toBe(id);
    expect(doc.title).toBe('Sample');
    expect(kinds(doc.body.content)).toEqual([
      [null, 1, 'sectionBreak'],
      [1, 7, 'paragraph'],
      [7, 13, 'paragraph'],
      [13, 34, 'table'],
      [34, 35, 'paragraph'],
      [35, 44, 'paragraph'],
    ]);
    const table = doc.body.content[3].table;
    expect([table.rows, table.columns]).toEqual([2, 2]);
    const cells = table.tableRows.map((row: Json) => [
      row.startIndex,
      row.endIndex,
      row.tableCells.map((cell: Json) => [
        cell.startIndex,
        cell.endIndex,
        cell.content.map((p: Json) => [p.startIndex, p.endIndex, p.paragraph.elements[0].textRun.content]),
      ]),
    ]);
    // Table 13, row 14, cell 15, its paragraph 16; the next cell starts where a paragraph ends; the table's end
    // marker follows the last row (33 to 34). A line break in a cell's text is a second paragraph.
    expect(cells).toEqual([
      [
        14,
        22,
        [
          [15, 18, [[16, 18, 'a\n']]],
          [18, 22, [[19, 22, 'bb\n']]],
        ],
      ],
      [
        22,
        33,
        [
          [23, 28, [[24, 28, 'ccc\n']]],
          [
            28,
            33,
            [
              [29, 31, 'd\n'],
              [31, 33, 'e\n'],
            ],
          ],
        ],
      ],
    ]);
    expect(table.tableRows[0].tableCells[1].content[0].paragraph.elements[0].textRun.textStyle).toEqual({
      bold: true,
    });
    expect(doc.body.content[5].paragraph.paragraphStyle.namedStyleType).toBe('HEADING_1');
    expect(doc.documentStyle.pageSize).toEqual({
      width: { magnitude: 595.276, unit: 'PT' },
      height: { magnitude: 841.89, unit: 'PT' },
    });
  });

  it('returns only the fields asked for, and refuses a mask that names no field of a Document', () => {
    const { Docs, id } = sample();
    expect(Docs.Documents.get(id, { fields: 'body/content(startIndex,table(rows))' })).toEqual({
      body: {
        content: [
          {},
          { startIndex: 1 },
          { startIndex: 7 },
          { startIndex: 13, table: { rows: 2 } },
          { startIndex: 34 },
          { startIndex: 35 },
        ],
      },
    });
    const refused = 'API call to docs.documents.get failed with error: Request contains an invalid argument.';
    expect(() => Docs.Documents.get(id, { fields: 'body/contents' })).toThrow(refused);
    expect(() => Docs.Documents.get(id, { fields: 'body.content' })).toThrow(refused);
    expect(() => Docs.Documents.get(id, { field: 'body' })).toThrow(
      'Invalid JSON payload received. Unknown name "field": Cannot bind query parameter.',
    );
    expect(() => Docs.Documents.get('no-such-id')).toThrow(
      'API call to docs.documents.get failed with error: Requested entity was not found.',
    );
  });

  it('counts each call as one service call', () => {
    const { Docs, ws, id } = sample();
    ws.runtime.calls.reset();
    Docs.Documents.get(id, { fields: 'body/content(startIndex)' });
    batchUpdate(
      Docs,
      [{ pinTableHeaderRows: { tableStartLocation: { index: 13 }, pinnedHeaderRowsCount: 1 } }],
      id,
    );
    expect(ws.runtime.calls.snapshot()).toEqual({ 'Docs.Documents.batchUpdate': 1, 'Docs.Documents.get': 1 });
  });

  it('does not see DocumentApp edits until the document is saved and closed (or the execution ends)', () => {
    const { Docs, DocumentApp, ws } = workspace();
    const doc = DocumentApp.create('Draft');
    doc.getBody().appendParagraph('Unsaved');
    expect(() => Docs.Documents.get(doc.getId())).toThrow(/unsaved DocumentApp edits.*saveAndClose/);
    expect(() =>
      batchUpdate(
        Docs,
        [{ updateTextStyle: { range: { startIndex: 1, endIndex: 2 }, textStyle: {}, fields: 'bold' } }],
        doc.getId(),
      ),
    ).toThrow(/unsaved DocumentApp edits/);
    doc.saveAndClose();
    expect(kinds((Docs.Documents.get(doc.getId()) as Json).body.content)).toHaveLength(3);

    const other = DocumentApp.create('Left open');
    other.getBody().appendParagraph('Saved when the execution ends');
    ws.docs.endExecution();
    expect(Docs.Documents.get(other.getId()).body?.content).toHaveLength(3);
  });
});

describe('Docs.Documents.batchUpdate', () => {
  it('breaks to a new section: a newline then the break, so what follows moves two indexes on', () => {
    const { Docs, DocumentApp, ws, id } = sample();
    batchUpdate(
      Docs,
      [
        { insertSectionBreak: { location: { index: 35 }, sectionType: 'NEXT_PAGE' } },
        {
          updateSectionStyle: {
            range: { startIndex: 37, endIndex: 38 },
            sectionStyle: { flipPageOrientation: true, marginLeft: { magnitude: 36, unit: 'PT' } },
            fields: 'flipPageOrientation,marginLeft',
          },
        },
      ],
      id,
    );
    const content = (Docs.Documents.get(id) as Json).body.content;
    expect(kinds(content).slice(4)).toEqual([
      [34, 35, 'paragraph'],
      [35, 36, 'paragraph'],
      [36, 37, 'sectionBreak'],
      [37, 46, 'paragraph'],
    ]);
    expect(content[6].sectionBreak.sectionStyle).toEqual({
      columnSeparatorStyle: 'NONE',
      contentDirection: 'LEFT_TO_RIGHT',
      sectionType: 'NEXT_PAGE',
      flipPageOrientation: true,
      marginLeft: { magnitude: 36, unit: 'PT' },
    });
    expect(content[7].paragraph.elements[0].textRun.content).toBe('Appendix\n');
    // The first section keeps the document's portrait page; the second is turned.
    const tree = ws.docs.get(id).tree();
    expect(tree.sections.map((s) => [s.start, s.sectionType, s.landscape, s.margins.left])).toEqual([
      [0, 'CONTINUOUS', false, 72],
      [5, 'NEXT_PAGE', true, 36],
    ]);
    // DocumentApp sees the new empty paragraph, and no section break.
    const body = DocumentApp.openById(id).getBody();
    expect(body.getNumChildren()).toBe(6);
    expect(body.getChild(5).asParagraph().getText()).toBe('Appendix');
  });

  it('styles cells, widths, header text and pinned rows, read back through get and DocumentApp', () => {
    const { Docs, DocumentApp, id } = sample();
    batchUpdate(
      Docs,
      [
        {
          updateTableCellStyle: {
            tableRange: {
              tableCellLocation: { tableStartLocation: { index: 13 }, rowIndex: 1, columnIndex: 0 },
              rowSpan: 1,
              columnSpan: 2,
            },
            tableCellStyle: {
              backgroundColor: { color: { rgbColor: { red: 0.8784, green: 0.4, blue: 0.4 } } },
            },
            fields: 'backgroundColor',
          },
        },
        {
          updateTableColumnProperties: {
            tableStartLocation: { index: 13 },
            columnIndices: [1],
            tableColumnProperties: { widthType: 'FIXED_WIDTH', width: { magnitude: 120, unit: 'PT' } },
            fields: 'widthType,width',
          },
        },
        {
          updateTextStyle: {
            range: { startIndex: 16, endIndex: 17 },
            textStyle: { bold: true },
            fields: 'bold',
          },
        },
        { pinTableHeaderRows: { tableStartLocation: { index: 13 }, pinnedHeaderRowsCount: 1 } },
        {
          updateParagraphStyle: {
            range: { startIndex: 7, endIndex: 8 },
            paragraphStyle: { namedStyleType: 'SUBTITLE', alignment: 'END' },
            fields: 'namedStyleType,alignment',
          },
        },
      ],
      id,
    );
    const table = (Docs.Documents.get(id) as Json).body.content[3].table;
    expect(table.tableRows[1].tableCells.map((c: Json) => c.tableCellStyle.backgroundColor)).toEqual([
      { color: { rgbColor: { red: 224 / 255, green: 102 / 255, blue: 102 / 255 } } },
      { color: { rgbColor: { red: 224 / 255, green: 102 / 255, blue: 102 / 255 } } },
    ]);
    expect(table.tableRows[0].tableCells[0].tableCellStyle.backgroundColor).toBeUndefined();
    expect(table.tableStyle.tableColumnProperties).toEqual([
      { widthType: 'EVENLY_DISTRIBUTED' },
      { widthType: 'FIXED_WIDTH', width: { magnitude: 120, unit: 'PT' } },
    ]);
    expect(table.tableRows.map((r: Json) => r.tableRowStyle.tableHeader ?? false)).toEqual([true, false]);

    const body = DocumentApp.openById(id).getBody();
    const docTable = body.getTables()[0];
    expect(docTable.getCell(1, 1).getBackgroundColor()).toBe('#e06666');
    expect(docTable.getColumnWidth(1)).toBe(120);
    expect(docTable.getCell(0, 0).editAsText().isBold()).toBe(true);
    expect(body.getChild(1).asParagraph().getHeading()).toBe(DocumentApp.ParagraphHeading.SUBTITLE);
    expect(body.getChild(1).asParagraph().getAlignment()).toBe(DocumentApp.HorizontalAlignment.RIGHT);
  });

  const refusal = (request: Json, message: string) => {
    const { Docs, id } = sample();
    expect(() => batchUpdate(Docs, [request], id)).toThrow(
      `API call to docs.documents.batchUpdate failed with error: ${message}`,
    );
  };

  it('refuses a section break outside a paragraph, inside a table or past the end, as Google does', () => {
    const outside =
      'The insertion index must be inside the bounds of an existing paragraph. You can still create new ' +
      'paragraphs by inserting newlines.';
    refusal(
      { insertSectionBreak: { location: { index: 13 }, sectionType: 'NEXT_PAGE' } },
      `Invalid requests[0].insertSectionBreak: ${outside}`,
    );
    refusal(
      { insertSectionBreak: { location: { index: 16 }, sectionType: 'NEXT_PAGE' } },
      'Invalid requests[0].insertSectionBreak: Section breaks cannot be inserted inside a table.',
    );
    refusal(
      { insertSectionBreak: { location: { index: 44 }, sectionType: 'NEXT_PAGE' } },
      'Invalid requests[0].insertSectionBreak: Index 44 must be less than the end index of the referenced segment, 44.',
    );
  });

  it('refuses a table location that is not a table start, and ranges outside the table', () => {
    refusal(
      {
        updateTableCellStyle: {
          tableRange: {
            tableCellLocation: { tableStartLocation: { index: 14 }, rowIndex: 0, columnIndex: 0 },
            rowSpan: 1,
            columnSpan: 1,
          },
          tableCellStyle: {},
          fields: 'backgroundColor',
        },
      },
      'Invalid requests[0].updateTableCellStyle: Invalid table start location. Must specify the start index of the table.',
    );
    refusal(
      {
        updateTableCellStyle: {
          tableRange: {
            tableCellLocation: { tableStartLocation: { index: 13 }, rowIndex: 1, columnIndex: 1 },
            rowSpan: 2,
            columnSpan: 1,
          },
          tableCellStyle: {},
          fields: 'backgroundColor',
        },
      },
      'Invalid requests[0].updateTableCellStyle: The table range must be within the table.',
    );
    refusal(
      {
        updateTableColumnProperties: {
          tableStartLocation: { index: 13 },
          columnIndices: [0],
          tableColumnProperties: { widthType: 'FIXED_WIDTH', width: { magnitude: 4, unit: 'PT' } },
          fields: 'widthType,width',
        },
      },
      'Invalid requests[0].updateTableColumnProperties: The column width must be at least 5 points.',
    );
  });

  it('refuses a request with no fields, no kind or an unknown kind', () => {
    refusal(
      { updateTextStyle: { range: { startIndex: 1, endIndex: 2 }, textStyle: { bold: true } } },
      "Invalid requests[0].updateTextStyle: At least one field must be listed in 'fields'. (Use '*' to indicate all fields.)",
    );
    refusal({}, 'Invalid requests[0]: No request set.');
    refusal(
      { createTab: {} },
      `Invalid JSON payload received. Unknown name "createTab" at 'requests[0]': Cannot find field.`,
    );
    refusal(
      {
        updateTextStyle: {
          range: { startIndex: 40, endIndex: 45 },
          textStyle: { bold: true },
          fields: 'bold',
        },
      },
      'Invalid requests[0].updateTextStyle: Index 44 must be less than the end index of the referenced segment, 44.',
    );
  });

  it('applies all of a batch or none of it', () => {
    const { Docs, DocumentApp, id } = sample();
    const before = JSON.stringify(Docs.Documents.get(id));
    expect(() =>
      batchUpdate(
        Docs,
        [
          { insertSectionBreak: { location: { index: 35 }, sectionType: 'NEXT_PAGE' } },
          {
            updateTableCellStyle: {
              tableStartLocation: { index: 13 },
              tableCellStyle: { backgroundColor: { color: { rgbColor: { red: 1 } } } },
              fields: 'backgroundColor',
            },
          },
          { pinTableHeaderRows: { tableStartLocation: { index: 99 }, pinnedHeaderRowsCount: 1 } },
        ],
        id,
      ),
    ).toThrow('Invalid requests[2].pinTableHeaderRows: Invalid table start location.');
    expect(JSON.stringify(Docs.Documents.get(id))).toBe(before);
    expect(DocumentApp.openById(id).getBody().getNumChildren()).toBe(5);
  });

  it('says which requests it does not model instead of ignoring them', () => {
    const { Docs, id } = sample();
    expect(() => batchUpdate(Docs, [{ insertText: { location: { index: 1 }, text: 'x' } }], id)).toThrow(
      'not implemented in the local Workspace: Docs.Documents.batchUpdate insertText',
    );
  });
});

describe('the size of a Google Doc', () => {
  it('measures a document as documents.get indexes it', () => {
    const { ws, id, Docs } = sample();
    const content = (Docs.Documents.get(id) as Json).body.content;
    expect(bodyLength(ws.docs.get(id).body)).toBe(content[content.length - 1].endIndex);
  });

  it('keeps to the one limit DocumentApp enforces on every edit', () => {
    const { DocumentApp } = workspace();
    const doc = DocumentApp.create('Too long');
    expect(() => doc.getBody().appendParagraph('x'.repeat(DOCS_CHARACTER_LIMIT))).toThrow(
      /Document is too large/,
    );
  });
});

describe('the Docs global', () => {
  it('is there only when the manifest enables the advanced Docs service', () => {
    const drive = { userSymbol: 'Drive', serviceId: 'drive', version: 'v3' };
    expect(new LocalWorkspace({ advancedServices: [drive] }).globals().Docs).toBeUndefined();
    const both = new LocalWorkspace({
      advancedServices: [drive, { userSymbol: 'Docs', serviceId: 'docs', version: 'v1' }],
    }).globals();
    expect(typeof (both.Docs as GoogleAppsScript.Docs).Documents.get).toBe('function');
    expect(() =>
      new LocalWorkspace({
        advancedServices: [{ userSymbol: 'Docs', serviceId: 'docs', version: 'v2' }],
      }).globals(),
    ).toThrow('not implemented in the local Workspace: the advanced service docs v2');
  });
});
