import {
  A4_HEIGHT,
  A4_WIDTH,
  DocParagraph,
  DocTable,
  LocalDocuments,
  documentTree,
} from '../../../local/workspace/DocumentApp';
import { LocalDrive, PDF_MIME } from '../../../local/workspace/Drive';
import { Runtime } from '../../../local/workspace/runtime';

type DocumentAppType = GoogleAppsScript.Document.DocumentApp;

function workspace() {
  const runtime = new Runtime();
  const drive = new LocalDrive(runtime);
  const docs = new LocalDocuments(runtime, drive);
  return { runtime, drive, docs, DocumentApp: docs.app, Drive: drive.service };
}

function newDoc(DocumentApp: DocumentAppType, name = 'Briefing paper') {
  const doc = DocumentApp.create(name);
  return { doc, body: doc.getBody() };
}

describe('a new document', () => {
  it('holds one empty paragraph, as a new Google Doc does', () => {
    const { DocumentApp } = workspace();
    const { body } = newDoc(DocumentApp);
    expect(body.getNumChildren()).toBe(1);
    expect(body.getChild(0).getType()).toBe(DocumentApp.ElementType.PARAGRAPH);
    expect(body.getText()).toBe('');
  });

  it('has an id, a Docs URL and its name, and is a file in the root of Drive', () => {
    const { DocumentApp, docs, drive } = workspace();
    const { doc } = newDoc(DocumentApp, 'Corporate Resources Scrutiny Committee');
    expect(doc.getUrl()).toBe(`https://docs.google.com/document/d/${doc.getId()}/edit`);
    expect(docs.get(doc.getId()).name).toBe('Corporate Resources Scrutiny Committee');
    expect(drive.file(doc.getId())?.parents).toEqual([drive.rootId]);
    doc.setName('Renamed paper');
    expect(drive.file(doc.getId())?.name).toBe('Renamed paper');
  });

  it('is A4 portrait by default and landscape once width and height are swapped', () => {
    const { DocumentApp, docs } = workspace();
    const { doc, body } = newDoc(DocumentApp);
    expect(body.getPageWidth()).toBeCloseTo(A4_WIDTH);
    expect(body.getPageHeight()).toBeCloseTo(A4_HEIGHT);
    expect(documentTree(docs.get(doc.getId())).landscape).toBe(false);

    body.setPageWidth(body.getPageHeight()).setPageHeight(A4_WIDTH);
    const tree = documentTree(docs.get(doc.getId()));
    expect(tree.landscape).toBe(true);
    expect(tree.pageWidth).toBeCloseTo(841.89);
    expect(tree.pageHeight).toBeCloseTo(595.276);
  });

  it('cannot be opened by an id that does not exist', () => {
    const { DocumentApp } = workspace();
    expect(() => DocumentApp.openById('no-such-id')).toThrow(
      "Document no-such-id is missing (perhaps it was deleted, or you don't have read access?)",
    );
  });
});

describe('tables', () => {
  it('keeps an empty paragraph after a table appended at the end, as Docs does', () => {
    const { DocumentApp } = workspace();
    const { body } = newDoc(DocumentApp);
    body.appendParagraph('Appendix 1');
    const table = body.appendTable([
      ['Ref', 'Status'],
      ['1', 'Overdue'],
    ]);
    expect(body.getNumChildren()).toBe(4);
    expect(body.getChild(2).getType()).toBe(DocumentApp.ElementType.TABLE);
    expect(body.getChild(3).getType()).toBe(DocumentApp.ElementType.PARAGRAPH);
    expect(body.getChild(3).asParagraph().getText()).toBe('');
    expect(table.getNumRows()).toBe(2);
    expect(table.getCell(1, 1).getText()).toBe('Overdue');

    body.appendParagraph('After the table');
    expect(body.getChild(4).asParagraph().getText()).toBe('After the table');
  });

  it('adds no paragraph when a table is inserted before other content', () => {
    const { DocumentApp } = workspace();
    const { body } = newDoc(DocumentApp);
    body.appendParagraph('Last');
    body.insertTable(1, [['a']]);
    expect(body.getNumChildren()).toBe(3);
    expect(body.getChild(2).asParagraph().getText()).toBe('Last');
  });

  it('builds a table row by row from an empty table', () => {
    const { DocumentApp } = workspace();
    const { body } = newDoc(DocumentApp);
    const table = body.appendTable();
    expect(table.getNumRows()).toBe(0);
    const row = table.appendTableRow();
    row.appendTableCell('KLOE');
    row.appendTableCell('Status').setBackgroundColor('#CFE2F3');
    row.setMinimumHeight(20);
    expect(table.getRow(0).getNumCells()).toBe(2);
    expect(table.getCell(0, 1).getBackgroundColor()).toBe('#cfe2f3');
    expect(table.getCell(0, 1).getParentRow().getNumCells()).toBe(2);
  });

  it('refuses cells that are not strings with the Apps Script signature message', () => {
    const { DocumentApp } = workspace();
    const { body } = newDoc(DocumentApp);
    const cells = [[1, 2]] as unknown as string[][];
    expect(() => body.appendTable(cells)).toThrow(
      "The parameters (number[][]) don't match the method signature for DocumentApp.Body.appendTable.",
    );
  });

  it('records cell backgrounds, widths and a bold header row', () => {
    const { DocumentApp, docs } = workspace();
    const { doc, body } = newDoc(DocumentApp);
    const table = body.appendTable([
      ['Action', 'Status'],
      ['Review data collection', 'Overdue'],
      ['Covalent training', 'Completed'],
    ]);
    table.getRow(0).editAsText().setBold(true);
    table.getCell(1, 1).setBackgroundColor('#FF0000');
    table.getCell(2, 1).setBackgroundColor('#0000FF');
    table.setColumnWidth(0, 300).setBorderWidth(0.5).setBorderColor('#999999');

    const tree = documentTree(docs.get(doc.getId()));
    const [rendered] = tree.children.filter((c): c is DocTable => c.type === 'TABLE');
    expect(rendered.rows.map((row) => row.map((c) => c.text))).toEqual([
      ['Action', 'Status'],
      ['Review data collection', 'Overdue'],
      ['Covalent training', 'Completed'],
    ]);
    expect(rendered.rows[0].map((c) => c.bold)).toEqual([true, true]);
    expect(rendered.rows[1].map((c) => c.bold)).toEqual([false, false]);
    expect(rendered.rows.map((row) => row[1].background)).toEqual([null, '#ff0000', '#0000ff']);
    expect(rendered.columnWidths[0]).toBe(300);
    expect(table.getColumnWidth(0)).toBe(300);
    expect(rendered.borderWidth).toBe(0.5);
  });

  it('throws the Docs message for a row that is not there', () => {
    const { DocumentApp } = workspace();
    const { body } = newDoc(DocumentApp);
    const table = body.appendTable([['only row']]);
    expect(() => table.getRow(1)).toThrow(
      'Child index (1) must be less than the number of child elements (1).',
    );
  });
});

describe('paragraphs and text', () => {
  it('round-trips headings, alignment and spacing', () => {
    const { DocumentApp } = workspace();
    const { body } = newDoc(DocumentApp);
    const p = body.appendParagraph('1. Summary');
    expect(p.getHeading()).toBe(DocumentApp.ParagraphHeading.NORMAL);
    p.setHeading(DocumentApp.ParagraphHeading.HEADING2)
      .setAlignment(DocumentApp.HorizontalAlignment.CENTER)
      .setSpacingBefore(12)
      .setSpacingAfter(6)
      .setIndentStart(36);
    expect(p.getHeading()).toBe(DocumentApp.ParagraphHeading.HEADING2);
    expect(p.getAlignment()).toBe(DocumentApp.HorizontalAlignment.CENTER);
    expect(p.getSpacingBefore()).toBe(12);
    expect(p.getAttributes()[DocumentApp.Attribute.HEADING]).toBe(DocumentApp.ParagraphHeading.HEADING2);
    expect(String(p.getHeading())).toBe('HEADING2');
  });

  it('refuses a heading that is not a ParagraphHeading', () => {
    const { DocumentApp } = workspace();
    const { body } = newDoc(DocumentApp);
    const p = body.appendParagraph('x');
    expect(() => p.setHeading('Heading 1' as unknown as GoogleAppsScript.Document.ParagraphHeading)).toThrow(
      "The parameters (String) don't match the method signature for DocumentApp.Paragraph.setHeading.",
    );
  });

  it('formats a range of text with inclusive end offsets', () => {
    const { DocumentApp } = workspace();
    const { body } = newDoc(DocumentApp);
    const text = body.appendParagraph('Status: Overdue').editAsText();
    text.setBold(0, 6, true).setForegroundColor(8, 14, '#CC0000').setFontSize(11);
    expect(text.isBold(0)).toBe(true);
    expect(text.isBold(6)).toBe(true);
    expect(text.isBold(7)).toBe(false);
    expect(text.isBold()).toBeNull();
    expect(text.getForegroundColor(8)).toBe('#cc0000');
    expect(text.getFontSize()).toBe(11);
    expect(() => text.setBold(0, 15, true)).toThrow('Index (15) must be less than the content length (15).');
  });

  it('gives appended text the formatting of the text before it', () => {
    const { DocumentApp } = workspace();
    const { body } = newDoc(DocumentApp);
    const p = body.appendParagraph('');
    p.appendText('Lead: ').setBold(true);
    const name = p.appendText('Jan Pryor');
    expect(name.isBold()).toBe(true);
    name.setBold(false);
    expect(p.getText()).toBe('Lead: Jan Pryor');
    expect(p.editAsText().isBold(0)).toBe(true);
    expect(p.editAsText().isBold(6)).toBe(false);
  });

  it('applies attributes given by Attribute name to the whole element', () => {
    const { DocumentApp } = workspace();
    const { body } = newDoc(DocumentApp);
    const p = body.appendParagraph('Agenda Item No. 7');
    const style: Record<string, unknown> = {};
    style[DocumentApp.Attribute.BOLD] = true;
    style[DocumentApp.Attribute.FONT_SIZE] = 14;
    style[DocumentApp.Attribute.HORIZONTAL_ALIGNMENT] = DocumentApp.HorizontalAlignment.RIGHT;
    p.setAttributes(style);
    const attributes = p.getAttributes();
    expect(attributes[DocumentApp.Attribute.BOLD]).toBe(true);
    expect(attributes[DocumentApp.Attribute.FONT_SIZE]).toBe(14);
    expect(p.getAlignment()).toBe(DocumentApp.HorizontalAlignment.RIGHT);
    expect(p.getAttributes()[DocumentApp.Attribute.ITALIC]).toBeNull();
  });

  it('keeps consecutive list items in one list with their glyph and nesting', () => {
    const { DocumentApp } = workspace();
    const { body } = newDoc(DocumentApp);
    const first = body.appendListItem('3.2 Progress is shown in Appendix 1.');
    first.setGlyphType(DocumentApp.GlyphType.NUMBER);
    const second = body.appendListItem('3.3 Subject to agreement').setNestingLevel(1);
    expect(second.getListId()).toBe(first.getListId());
    expect(second.getGlyphType()).toBe(DocumentApp.GlyphType.NUMBER);
    expect(second.getNestingLevel()).toBe(1);
    expect(body.getListItems()).toHaveLength(2);
  });

  it('refuses to remove the last paragraph of the body', () => {
    const { DocumentApp } = workspace();
    const { body } = newDoc(DocumentApp);
    body.appendParagraph('Only one');
    body.getChild(0).removeFromParent();
    expect(body.getNumChildren()).toBe(1);
    expect(() => body.getChild(0).removeFromParent()).toThrow(
      "Can't remove the last paragraph in a document section.",
    );
  });

  it('clears the body down to one empty paragraph', () => {
    const { DocumentApp } = workspace();
    const { body } = newDoc(DocumentApp);
    body.appendParagraph('a');
    body.appendTable([['b']]);
    body.clear();
    expect(body.getNumChildren()).toBe(1);
    expect(body.getText()).toBe('');
  });
});

describe('saveAndClose', () => {
  it('refuses further edits through the closed Document but still reads it', () => {
    const { DocumentApp, docs } = workspace();
    const { doc, body } = newDoc(DocumentApp);
    const p = body.appendParagraph('Performance Management Action Plan Update');
    doc.saveAndClose();
    const closed = 'Document is closed, its contents cannot be updated.';
    expect(() => body.appendParagraph('more')).toThrow(closed);
    expect(() => p.setHeading(DocumentApp.ParagraphHeading.TITLE)).toThrow(closed);
    expect(() => doc.getBody().editAsText().setBold(true)).toThrow(closed);
    expect(() => doc.setName('other')).toThrow(closed);
    expect(body.getText()).toBe('\nPerformance Management Action Plan Update');
    expect(docs.get(doc.getId()).saveCount).toBe(1);

    const reopened = DocumentApp.openById(doc.getId());
    reopened.getBody().appendParagraph('Added after reopening');
    expect(reopened.getBody().getNumChildren()).toBe(3);
  });

  it('still exports the closed document as a PDF blob named after it', () => {
    const { DocumentApp } = workspace();
    const { doc, body } = newDoc(DocumentApp, 'Committee paper');
    body.appendParagraph('Progress against the Action Plan');
    doc.saveAndClose();
    const pdf = doc.getAs(PDF_MIME);
    expect(pdf.getContentType()).toBe(PDF_MIME);
    expect(pdf.getName()).toBe('Committee paper.pdf');
    const text = Buffer.from(pdf.getBytes().map((b) => b & 0xff)).toString('latin1');
    expect(text.startsWith('%PDF-1.4')).toBe(true);
    expect(text).toContain('(Committee paper)');
    expect(text).toContain('Progress against the Action Plan');
    expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
    expect(() => doc.getAs('text/plain')).toThrow(
      'Converting from application/vnd.google-apps.document to text/plain is not supported.',
    );
  });
});

describe('documentTree', () => {
  it('reads a paper section by section', () => {
    const { DocumentApp, docs } = workspace();
    const { doc, body } = newDoc(DocumentApp);
    body.getChild(0).asParagraph().setText('Corporate Resources Scrutiny Committee');
    body.appendParagraph('Briefing Paper').setHeading(DocumentApp.ParagraphHeading.TITLE);
    body.appendParagraph('1. Summary').setHeading(DocumentApp.ParagraphHeading.HEADING1);
    body.appendParagraph('1.1 To inform Members of progress.');
    body.appendListItem('Overdue').setNestingLevel(0);
    body.appendPageBreak();
    body.appendTable([['Ref', 'Status']]);

    const tree = documentTree(docs.get(doc.getId()));
    expect(tree.children.map((c) => c.type)).toEqual([
      'PARAGRAPH',
      'PARAGRAPH',
      'PARAGRAPH',
      'PARAGRAPH',
      'LIST_ITEM',
      'PAGE_BREAK',
      'TABLE',
      'PARAGRAPH',
    ]);
    const headings = tree.children
      .filter((c): c is DocParagraph => c.type === 'PARAGRAPH' && c.heading !== 'NORMAL')
      .map((c) => [c.heading, c.text]);
    expect(headings).toEqual([
      ['TITLE', 'Briefing Paper'],
      ['HEADING1', '1. Summary'],
    ]);
    expect(JSON.parse(JSON.stringify(tree))).toEqual(tree);
  });

  it('shows mixed formatting as runs', () => {
    const { DocumentApp, docs } = workspace();
    const { doc, body } = newDoc(DocumentApp);
    body.appendParagraph('Name: Jan Pryor').editAsText().setBold(0, 4, true);
    const paragraph = documentTree(docs.get(doc.getId())).children[1] as DocParagraph;
    expect(paragraph.bold).toBeUndefined();
    expect(paragraph.runs).toEqual([{ text: 'Name:', bold: true }, { text: ' Jan Pryor' }]);
  });
});

describe('the call counter', () => {
  it('counts each call through the exposed objects', () => {
    const { DocumentApp, runtime } = workspace();
    const { body } = newDoc(DocumentApp);
    body.appendParagraph('a');
    body.appendParagraph('b').setHeading(DocumentApp.ParagraphHeading.HEADING1);
    const calls = runtime.calls.snapshot();
    expect(calls['DocumentApp.create']).toBe(1);
    expect(calls['Document.getBody']).toBe(1);
    expect(calls['Body.appendParagraph']).toBe(2);
    expect(calls['Paragraph.setHeading']).toBe(1);
  });

  it('throws for a method the local Workspace does not have', () => {
    const { DocumentApp } = workspace();
    const { body } = newDoc(DocumentApp);
    const untyped = body as unknown as Record<string, () => void>;
    expect(() => untyped.appendFootnote()).toThrow(
      'not implemented in the local Workspace: Body.appendFootnote',
    );
    expect(() => (DocumentApp as unknown as Record<string, () => void>).getActiveDocument()).toThrow(
      'not implemented in the local Workspace: DocumentApp.getActiveDocument',
    );
  });
});

describe('the size of a Google Doc', () => {
  it('takes 1,020,000 characters (paragraph ends included) and refuses the edit that passes them', () => {
    const { DocumentApp } = workspace();
    const { doc, body } = newDoc(DocumentApp);
    // The first empty paragraph counts one; each appended paragraph its text and its end.
    const line = 'x'.repeat(9_999);
    for (let i = 0; i < 101; i++) body.appendParagraph(line);
    const used = 1 + 101 * 10_000;
    expect(used).toBe(1_010_001);
    expect(() => body.appendTable([['y'.repeat(10_000)]])).toThrow(/Document is too large/);
    expect(() => body.appendParagraph('z'.repeat(10_000))).toThrow(/at most 1,020,000 characters/);
    expect(body.getNumChildren()).toBe(102);
    body.appendParagraph('z'.repeat(9_998));
    expect(() => body.getParagraphs()[1].appendText('!')).toThrow(/Document is too large/);
    doc.saveAndClose();
  });
});

describe('scopes', () => {
  it('needs the documents scope to make or open a Doc, and refuses a simple trigger', () => {
    const { runtime, DocumentApp } = workspace();
    runtime.scopes.grant(['https://www.googleapis.com/auth/drive.file']);
    expect(() => DocumentApp.create('Briefing paper')).toThrow(
      'Specified permissions are not sufficient to call DocumentApp.create. Required permissions: https://www.googleapis.com/auth/documents',
    );
    runtime.scopes.grant(['https://www.googleapis.com/auth/documents']);
    const id = DocumentApp.create('Briefing paper').getId();
    expect(() => runtime.runAs('simple', () => DocumentApp.openById(id))).toThrow(
      'You do not have permission to call DocumentApp.openById. Required permissions: https://www.googleapis.com/auth/documents',
    );
  });
});
