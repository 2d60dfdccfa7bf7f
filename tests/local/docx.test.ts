import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeDocx } from '../../local/export/docx';
import { LocalWorkspace } from '../../local/workspace';
import { LocalDocuments } from '../../local/workspace/DocumentApp';
import { Runtime } from '../../local/workspace/runtime';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'docx-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function documentXml(path: string): string {
  return execFileSync('unzip', ['-p', path, 'word/document.xml']).toString('utf8');
}

function paper(landscape: boolean) {
  const docs = new LocalDocuments(new Runtime());
  const DocumentApp = docs.app;
  const doc = DocumentApp.create('Performance Management Action Plan Update');
  const body = doc.getBody();
  if (landscape) body.setPageWidth(841.89).setPageHeight(595.276);
  body.appendParagraph('Briefing Paper').setHeading(DocumentApp.ParagraphHeading.HEADING1);
  body.appendParagraph('1.1 To inform Members of progress.').editAsText().setItalic(true);
  body.appendListItem('Transformation Board').setGlyphType(DocumentApp.GlyphType.NUMBER);
  body.appendPageBreak();
  const table = body.appendTable([
    ['KLOE & Rec.', 'Status'],
    ['3. Ensure broad involvement in target-setting', 'Overdue'],
  ]);
  table.getRow(0).editAsText().setBold(true);
  table.getCell(1, 1).setBackgroundColor('#F4CCCC');
  doc.saveAndClose();
  return docs.get(doc.getId());
}

describe('writeDocx', () => {
  it('writes headings, text, a shaded table with a bold header row and a page break', async () => {
    const path = join(dir, 'paper.docx');
    await writeDocx(paper(true), path);
    const xml = documentXml(path);
    expect(xml).toContain('Briefing Paper');
    expect(xml).toMatch(/<w:pStyle w:val="Heading1"\/>/);
    expect(xml).toContain('<w:br w:type="page"/>');
    expect(xml).toContain('Ensure broad involvement in target-setting');
    expect(xml).toMatch(/<w:shd [^>]*w:fill="F4CCCC"/);
    expect(xml).toContain('<w:tblHeader/>');
    // The header row's text is bold; the body row's is not.
    const rows = xml.split('<w:tr>').slice(1);
    expect(rows[0]).toContain('<w:b/>');
    expect(rows[1]).not.toContain('<w:b/>');
    expect(xml).toContain('<w:numPr>');
    expect(xml).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);
  });

  it('keeps portrait pages portrait', async () => {
    const path = join(dir, 'portrait.docx');
    await writeDocx(paper(false), path);
    expect(documentXml(path)).toMatch(/<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"\/>/);
  });

  it('writes each section of the document with its own page: a portrait report, then a landscape appendix', async () => {
    const ws = new LocalWorkspace();
    const { DocumentApp, Docs } = ws.globals() as {
      DocumentApp: GoogleAppsScript.Document.DocumentApp;
      Docs: GoogleAppsScript.Docs;
    };
    const doc = DocumentApp.create('Briefing paper');
    const body = doc.getBody();
    body.setText('Briefing Paper');
    body.appendParagraph('Appendix 1');
    body.appendTable([['Ref', 'Status']]);
    doc.saveAndClose();
    // "Briefing Paper" is 1 to 16; the appendix heading starts at 16 and, after the break, at 18.
    const requests = [
      { insertSectionBreak: { location: { index: 16 }, sectionType: 'NEXT_PAGE' } },
      {
        updateSectionStyle: {
          range: { startIndex: 18, endIndex: 19 },
          sectionStyle: { flipPageOrientation: true, marginLeft: { magnitude: 36, unit: 'PT' } },
          fields: 'flipPageOrientation,marginLeft',
        },
      },
    ];
    Docs.Documents.batchUpdate(
      { requests } as GoogleAppsScript.Docs.Schema.BatchUpdateDocumentRequest,
      doc.getId(),
    );
    const path = join(dir, 'sections.docx');
    await writeDocx(ws.docs.get(doc.getId()), path);
    const xml = documentXml(path);
    const sizes = [...xml.matchAll(/<w:pgSz [^>]*\/>/g)].map((m) => m[0]);
    expect(sizes).toEqual([
      '<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>',
      '<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>',
    ]);
    expect(xml).toMatch(/<w:type w:val="nextPage"\/>/);
    expect(xml).toMatch(/<w:pgMar [^>]*w:left="720"/);
    // The first section holds the report's text, the second the appendix.
    const [first, second] = xml.split('<w:pgSz');
    expect(first).toContain('Briefing Paper');
    expect(second).not.toContain('Briefing Paper');
    expect(xml.indexOf('Appendix 1')).toBeGreaterThan(xml.indexOf('w:orient="portrait"'));
  });
});
