import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { writeDocx } from '../../local/export/docx';
import { LocalWorkspace } from '../../local/workspace';
import { LocalDocuments } from '../../local/workspace/DocumentApp';
import { Runtime } from '../../local/workspace/runtime';
import { LocalUtilities } from '../../local/workspace/Utilities';

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

describe('writeDocx images', () => {
  /** The paper with the status chart after its own paragraph and a small key image inside a sentence. */
  function paperWithCharts() {
    const runtime = new Runtime();
    const docs = new LocalDocuments(runtime);
    const utilities = new LocalUtilities(runtime).app;
    const doc = docs.app.create('Performance Management Action Plan Update');
    const body = doc.getBody();
    const blob = (width: number, height: number) => {
      const png = new PNG({ width, height });
      png.data.fill(0x60);
      const bytes = PNG.sync.write(png, { filterType: 0 });
      return { bytes, blob: utilities.newBlob(Array.from(new Int8Array(bytes)), 'image/png', 'chart.png') };
    };
    const chart = blob(600, 371);
    const key = blob(12, 12);
    body.appendParagraph('2.1 Actions by status:');
    body.appendImage(chart.blob).setAltTitle('Actions by status');
    const sentence = body.appendParagraph('Overdue is shown ');
    sentence.appendInlineImage(key.blob);
    sentence.appendText(' in red.');
    doc.saveAndClose();
    return { doc: docs.get(doc.getId()), chart: chart.bytes, key: key.bytes };
  }

  it('writes each image as a media part holding its bytes, inline at the size Docs shows it', async () => {
    const path = join(dir, 'charts.docx');
    const { doc, chart, key } = paperWithCharts();
    await writeDocx(doc, path);
    const media = execFileSync('unzip', ['-Z1', path])
      .toString('utf8')
      .split('\n')
      .filter((name) => name.startsWith('word/media/'));
    expect(media).toHaveLength(2);
    const stored = media.map((name) => execFileSync('unzip', ['-p', path, name]));
    expect(stored.some((b) => b.equals(chart))).toBe(true);
    expect(stored.some((b) => b.equals(key))).toBe(true);
    const xml = documentXml(path);
    // 600 x 371 pixels at 9525 EMUs a pixel.
    expect(xml).toMatch(/<wp:extent cx="5715000" cy="3533775"\/>/);
    expect(xml).toMatch(/<wp:docPr [^>]*title="Actions by status"/);
  });

  it('keeps an inline image between the words around it', async () => {
    const path = join(dir, 'key.docx');
    await writeDocx(paperWithCharts().doc, path);
    const xml = documentXml(path);
    const sentence = xml.slice(xml.indexOf('Overdue is shown'), xml.indexOf('in red.'));
    expect(sentence).toContain('<w:drawing>');
    expect(sentence).toMatch(/<wp:extent cx="114300" cy="114300"\/>/);
  });
});
