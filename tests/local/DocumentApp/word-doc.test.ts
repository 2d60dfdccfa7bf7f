import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { convertDocx } from '../../../local/convert/docx';
import type { ConvertedCell, ConvertedDocument } from '../../../local/convert/docx';
import { LocalDocuments } from '../../../local/workspace/DocumentApp';
import { LocalDocsApi } from '../../../local/workspace/Docs';
import { ANYONE_WITH_LINK, DOCX_MIME, LocalDrive } from '../../../local/workspace/Drive';
import { Runtime } from '../../../local/workspace/runtime';

type Body = GoogleAppsScript.Document.Body;
type Table = GoogleAppsScript.Document.Table;

const OFFICER = 'policy.officer@example.org';
const COLLEAGUE = 'head.of.audit@example.org';

function workspace() {
  // The Runtime's person at the keyboard is the policy officer unless a test acts as someone else.
  const runtime = new Runtime();
  const drive = new LocalDrive(runtime);
  const docs = new LocalDocuments(runtime, drive);
  return { runtime, drive, docs, DocumentApp: docs.app };
}

const para = (text: string) => ({ type: 'PARAGRAPH' as const, text, heading: 'NORMAL' as const });
const bullet = (text: string) => ({
  type: 'LIST_ITEM' as const,
  text,
  heading: 'NORMAL' as const,
  nestingLevel: 0,
  glyphType: 'BULLET' as const,
});
const cell = (...children: ConvertedCell['children']): ConvertedCell => ({
  rowSpan: 1,
  colSpan: 1,
  children,
});
/** A cell merged over by the head cell at (row, column): Docs keeps it, with spans of 0 and no text. */
const covered = (row: number, column: number): ConvertedCell => ({
  rowSpan: 0,
  colSpan: 0,
  mergedInto: { row, column },
  children: [para('')],
});

/** A recommendation merged down over two actions, a bulleted progress cell, a title across two columns. */
const PLAN: ConvertedDocument = {
  warnings: [],
  body: [
    { type: 'PARAGRAPH', text: 'Action plan', heading: 'HEADING1' },
    {
      type: 'TABLE',
      rows: [
        [{ rowSpan: 1, colSpan: 2, children: [para('Appendix 2')] }, covered(0, 0), cell(para('Status'))],
        [cell(para('Recommendation')), cell(para('Action')), cell(para('Progress'))],
        [
          { rowSpan: 2, colSpan: 1, children: [para('1. Develop links with partners.')] },
          cell(para('Ensure consistency')),
          cell(bullet('Outcomes agreed by CMT.'), bullet('Measures published.')),
        ],
        [covered(2, 0), cell(para('Demonstrate alignment')), cell(para('Mapped.'))],
      ],
    },
    { type: 'PAGE_BREAK' },
    para('Key\rCMT – Corporate Management Team'),
  ],
};

function planDoc(owner = OFFICER) {
  const env = workspace();
  const stored = env.docs.createFromWord(PLAN, { name: 'Action plan', owner });
  return { ...env, stored };
}

describe('a Google Doc made from a Word file', () => {
  it('is a Google Doc in the owner’s Drive, named after the file', () => {
    const { drive, stored } = planDoc(COLLEAGUE);
    const file = drive.file(stored.id);
    expect(file?.mimeType).toBe('application/vnd.google-apps.document');
    expect(file?.owner).toBe(COLLEAGUE);
    expect(file?.name).toBe('Action plan');
  });

  it('holds the paragraphs, the table and the page break in document order', () => {
    const { DocumentApp, stored } = planDoc();
    const body = DocumentApp.openById(stored.id).getBody();
    const types = Array.from({ length: body.getNumChildren() }, (_, i) => String(body.getChild(i).getType()));
    expect(types).toEqual(['PARAGRAPH', 'TABLE', 'PARAGRAPH', 'PARAGRAPH']);
    expect(body.getChild(0).asParagraph().getHeading()).toBe(DocumentApp.ParagraphHeading.HEADING1);
  });
});

describe('TableCell spans', () => {
  function table(): { DocumentApp: GoogleAppsScript.Document.DocumentApp; table: Table } {
    const { DocumentApp, stored } = planDoc();
    return { DocumentApp, table: DocumentApp.openById(stored.id).getBody().getChild(1).asTable() };
  }

  it('gives the head cell its spans, a covered cell 0 and 0, and a plain cell 1 and 1', () => {
    const { table: t } = table();
    const spans = (r: number) =>
      Array.from({ length: t.getRow(r).getNumCells() }, (_, c) => {
        const cell = t.getCell(r, c);
        return `${cell.getRowSpan()}x${cell.getColSpan()}`;
      });
    expect([0, 1, 2, 3].map(spans)).toEqual([
      ['1x2', '0x0', '1x1'],
      ['1x1', '1x1', '1x1'],
      ['2x1', '1x1', '1x1'],
      ['0x0', '1x1', '1x1'],
    ]);
  });

  it('keeps every cell of the grid: a covered cell is still a cell of its row, holding no text', () => {
    const { table: t } = table();
    expect(t.getRow(3).getNumCells()).toBe(3);
    expect(t.getCell(3, 0).getText()).toBe('');
    expect(t.getCell(3, 0).getNumChildren()).toBe(1);
  });
});

describe('text of cells, tables and the body', () => {
  function body(): Body {
    const { DocumentApp, stored } = planDoc();
    return DocumentApp.openById(stored.id).getBody();
  }

  it('holds a bulleted cell as list items whose text has no bullet', () => {
    const progress = body().getChild(1).asTable().getCell(2, 2);
    expect(progress.getNumChildren()).toBe(2);
    const items = [0, 1].map((i) => progress.getChild(i));
    expect(items.map((item) => String(item.getType()))).toEqual(['LIST_ITEM', 'LIST_ITEM']);
    expect(items.map((item) => item.asListItem().getGlyphType())).toEqual(['BULLET', 'BULLET']);
    expect(items[0].asListItem().getListId()).toBe(items[1].asListItem().getListId());
    expect(progress.getText()).toBe('Outcomes agreed by CMT.\nMeasures published.');
  });

  it('joins a table’s cell paragraphs with newlines, row by row, covered cells as empty lines', () => {
    expect(body().getChild(1).asTable().getRow(3).getText()).toBe('\nDemonstrate alignment\nMapped.');
    expect(body().getChild(1).asTable().getText().split('\n').slice(0, 6)).toEqual([
      'Appendix 2',
      '',
      'Status',
      'Recommendation',
      'Action',
      'Progress',
    ]);
  });

  it('joins the body’s paragraphs and tables with newlines and keeps a line break as \\r', () => {
    const text = body().getText();
    expect(text.startsWith('Action plan\nAppendix 2\n\nStatus\n')).toBe(true);
    expect(text.endsWith('Mapped.\n\nKey\rCMT – Corporate Management Team')).toBe(true);
  });
});

describe('the children of a paragraph', () => {
  it('are its text and its page break; an empty paragraph has none', () => {
    const { DocumentApp, stored } = planDoc();
    const body = DocumentApp.openById(stored.id).getBody();
    const pageBreak = body.getChild(2).asParagraph();
    expect(pageBreak.getText()).toBe('');
    expect(pageBreak.getNumChildren()).toBe(1);
    expect(String(pageBreak.getChild(0).getType())).toBe('PAGE_BREAK');
    const heading = body.getChild(0).asParagraph();
    expect(heading.getNumChildren()).toBe(1);
    expect(String(heading.getChild(0).getType())).toBe('TEXT');
    expect(heading.getChild(0).asText().getText()).toBe('Action plan');
    expect(body.appendParagraph('').getNumChildren()).toBe(0);
    expect(() => heading.getChild(1)).toThrow(
      'Child index (1) must be less than the number of child elements (1).',
    );
  });
});

describe('opening a Doc', () => {
  it('by id names the id when the Doc does not exist', () => {
    const { DocumentApp } = workspace();
    expect(() => DocumentApp.openById('1NoSuchDoc')).toThrow(
      "Document 1NoSuchDoc is missing (perhaps it was deleted, or you don't have read access?)",
    );
  });

  it('by id refuses a Word file Drive has not converted, as it is not a Google Doc', () => {
    const { DocumentApp, drive } = workspace();
    const word = drive.createFile({
      name: 'plan.docx',
      mimeType: DOCX_MIME,
      content: new Uint8Array([80, 75]),
    });
    expect(() => DocumentApp.openById(word.id)).toThrow(
      `Document ${word.id} is missing (perhaps it was deleted, or you don't have read access?)`,
    );
  });

  it('refuses a Doc that is neither the user’s nor shared with them, with the same message', () => {
    const { DocumentApp, stored } = planDoc(COLLEAGUE);
    expect(() => DocumentApp.openById(stored.id)).toThrow(
      `Document ${stored.id} is missing (perhaps it was deleted, or you don't have read access?)`,
    );
  });

  it('opens a Doc shared with the user, or with anyone who has the link', () => {
    const { DocumentApp, drive, stored } = planDoc(COLLEAGUE);
    drive.share(stored.id, OFFICER.toUpperCase());
    expect(DocumentApp.openById(stored.id).getName()).toBe('Action plan');
    const other = planDoc(COLLEAGUE);
    other.drive.share(other.stored.id, ANYONE_WITH_LINK);
    expect(other.DocumentApp.openById(other.stored.id).getName()).toBe('Action plan');
  });

  it('runs as the trigger’s owner under an installable trigger, not as the person who edited', () => {
    const { DocumentApp, runtime, stored } = planDoc(COLLEAGUE);
    expect(() => DocumentApp.openById(stored.id)).toThrow(/is missing/);
    expect(runtime.runAs('installable', () => DocumentApp.openById(stored.id).getName(), COLLEAGUE)).toBe(
      'Action plan',
    );
  });

  it('by URL takes the edit, sharing and signed-in links of a Doc', () => {
    const { DocumentApp, stored } = planDoc();
    for (const url of [
      `https://docs.google.com/document/d/${stored.id}/edit`,
      `https://docs.google.com/document/d/${stored.id}/edit?usp=sharing`,
      `https://docs.google.com/document/u/0/d/${stored.id}/edit#heading=h.1`,
      `https://docs.google.com/a/example.org/document/d/${stored.id}/view`,
    ]) {
      expect(DocumentApp.openByUrl(url).getId()).toBe(stored.id);
    }
  });

  it('by URL refuses a link that is not a Doc’s with "Invalid argument: url"', () => {
    const { DocumentApp, stored } = planDoc();
    for (const url of [
      'Action plan.docx',
      'https://example.org/plans/action-plan.docx',
      `https://docs.google.com/spreadsheets/d/${stored.id}/edit`,
      `https://drive.google.com/file/d/${stored.id}/view`,
      `https://docs.google.com/document/d/${stored.id}`,
    ]) {
      expect(() => DocumentApp.openByUrl(url)).toThrow(/^Invalid argument: url$/);
    }
  });

  it('by URL gives the missing-document message for a Doc link the user cannot open', () => {
    const { DocumentApp, stored } = planDoc(COLLEAGUE);
    expect(() => DocumentApp.openByUrl(`https://docs.google.com/document/d/${stored.id}/edit`)).toThrow(
      `Document ${stored.id} is missing (perhaps it was deleted, or you don't have read access?)`,
    );
  });

  it('refuses arguments that are not text with the signature message', () => {
    const { DocumentApp } = workspace();
    const app = DocumentApp as unknown as { openByUrl: (url: unknown) => unknown };
    expect(() => app.openByUrl(null)).toThrow(
      "The parameters (null) don't match the method signature for DocumentApp.openByUrl.",
    );
  });
});

describe('the seed layouts, as Docs holds them', () => {
  it('merged-recommendation.docx: the recommendation spans two rows, the progress cell holds two bullets', async () => {
    const { DocumentApp, docs } = workspace();
    const word = await convertDocx(
      readFileSync(join(__dirname, '../../fixtures/docx/merged-recommendation.docx')),
    );
    const stored = docs.createFromWord(word, { name: 'merged-recommendation', owner: OFFICER });
    const table = DocumentApp.openById(stored.id).getBody().getChild(1).asTable();
    expect([table.getCell(1, 0).getRowSpan(), table.getCell(2, 0).getRowSpan()]).toEqual([2, 0]);
    expect(table.getCell(1, 0).getText()).toBe('1. Develop links between Council Priorities, LAA and SCS.');
    const progress = table.getCell(1, 3);
    expect(progress.getChild(0).getType()).toBe(DocumentApp.ElementType.LIST_ITEM);
    expect(progress.getText()).toBe(
      'Outcomes agreed by CMT on 5 August 2010.\nMeasures published on the intranet.',
    );
  });
});

describe('the same Doc through the Docs API (documents.get)', () => {
  type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- API JSON read in tests

  function api(owner = OFFICER) {
    const env = planDoc(owner);
    return { ...env, Docs: new LocalDocsApi(env.runtime, env.docs).service };
  }

  it('gives a head cell its spans; a cell merged over comes as a plain empty cell', () => {
    const { Docs, stored } = api();
    const doc = Docs.Documents.get(stored.id) as Json;
    const table = doc.body.content.find((e: Json) => e.table).table;
    const spans = table.tableRows.map((row: Json) =>
      row.tableCells.map((c: Json) => `${c.tableCellStyle.rowSpan}x${c.tableCellStyle.columnSpan}`),
    );
    expect(spans).toEqual([
      ['1x2', '1x1', '1x1'],
      ['1x1', '1x1', '1x1'],
      ['2x1', '1x1', '1x1'],
      ['1x1', '1x1', '1x1'],
    ]);
  });

  it('writes a line break inside a paragraph as a vertical tab, where DocumentApp gives "\\r"', () => {
    const { Docs, DocumentApp, stored } = api();
    const doc = Docs.Documents.get(stored.id) as Json;
    const last = doc.body.content
      .at(-1)
      .paragraph.elements.map((e: Json) => e.textRun.content)
      .join('');
    expect(last).toBe('Key\u000bCMT – Corporate Management Team\n');
    const body = DocumentApp.openById(stored.id).getBody();
    expect(
      body
        .getChild(body.getNumChildren() - 1)
        .asParagraph()
        .getText(),
    ).toBe('Key\rCMT – Corporate Management Team');
  });

  it('refuses a Doc not shared with the user, a Word file and an id no file has, in Google’s words', () => {
    const { Docs, stored, drive } = api(COLLEAGUE);
    const failed = (message: string) => `API call to docs.documents.get failed with error: ${message}`;
    expect(() => Docs.Documents.get(stored.id)).toThrow(failed('The caller does not have permission'));
    drive.share(stored.id, OFFICER);
    expect((Docs.Documents.get(stored.id) as Json).title).toBe('Action plan');
    const word = drive.createFile({ name: 'Plan.docx', mimeType: DOCX_MIME, owner: OFFICER });
    expect(() => Docs.Documents.get(word.id)).toThrow(
      failed('This operation is not supported for this document'),
    );
    expect(() => Docs.Documents.get('1abcdefghijklmnopqrstuvwxyz0123')).toThrow(
      failed('Requested entity was not found.'),
    );
  });
});
