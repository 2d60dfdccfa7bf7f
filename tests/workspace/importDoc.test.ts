import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { convertDocx } from '../../local/convert/docx';
import type { ConvertedCell, ConvertedDocument } from '../../local/convert/docx';
import type { LoadedBundle } from '../../local/runner/bundle';
import { a1 } from '../../local/runner/run';
import type { FakeDocument } from '../../local/workspace/DocumentApp';
import { ANYONE_WITH_LINK, DOCX_MIME } from '../../local/workspace/Drive';
import { emptyRegister, registerRows, sheetOf, valuesOf } from '../helpers';

const FIXTURES = join(__dirname, '../fixtures');
const MENU_ITEM = 'Import plan from a Google Doc…';
const COLLEAGUE = 'head.of.audit@example.org';

function word(name: string): Promise<ConvertedDocument> {
  return convertDocx(readFileSync(join(FIXTURES, 'docx', name)));
}

function seedGrid(prefix: string): string[][] {
  const file = readdirSync(join(FIXTURES, 'seeds')).find((f) => f.startsWith(prefix));
  if (!file) throw new Error(`no seed ${prefix}`);
  const rows = readFileSync(join(FIXTURES, 'seeds', file), 'utf8')
    .split('\n')
    .map((line) => line.split('\t'));
  const width = Math.max(...rows.map((r) => r.length));
  return rows.map((r) => [...r, ...new Array<string>(width - r.length).fill('')]);
}

/** The seed's text pasted into the Import sheet as plain text, then Import plan: what officers do today. */
function importPasted(grid: string[][]): Record<string, unknown>[] {
  const bundle = emptyRegister('2010-09-06');
  bundle.ws.runtime.calls.uncounted(() =>
    sheetOf(bundle, 'Import').getRange(a1(grid.length, grid[0].length)).setNumberFormat('@'),
  );
  bundle.edit('Import', a1(grid.length, grid[0].length), grid);
  bundle.clickMenu('Import plan');
  return registerRows(bundle);
}

/** The Word file saved as a Google Doc in the officer's Drive (or a colleague's), unless given one. */
function saveAsGoogleDoc(bundle: LoadedBundle, doc: ConvertedDocument, owner?: string): FakeDocument {
  return bundle.ws.docs.createFromWord(doc, {
    name: 'Action plan',
    owner: owner ?? bundle.ws.runtime.user,
  });
}

/** The officer chooses the menu item and answers the prompt with `link` (or cancels). */
function importFromDoc(bundle: LoadedBundle, link: string, button: 'OK' | 'CANCEL' = 'OK'): string {
  bundle.ws.sheets.ui.respond((dialog) =>
    dialog.kind === 'prompt'
      ? { button, text: link }
      : { button: /yes/i.test(dialog.buttons) ? 'YES' : 'OK' },
  );
  bundle.clickMenu(MENU_ITEM);
  return bundle.ws.sheets.ui.dialogs.at(-1)?.prompt ?? '';
}

const FIELDS = ['Ref', 'KLOE', 'Recommendation', 'Action', 'Timescale', 'Lead', 'Progress'] as const;

/**
 * A register cell as an officer reads it: the paste's markup and the Doc's line breaks are both just spacing, and the
 * paste's emphasis marks ("*First Press Online*;") are not there at all (the Doc's italics carry no characters).
 */
function asRead(value: unknown): string {
  return String(value)
    .replace(/<[^>]+>/g, ' ')
    .replace(/\*\*|(?<=^|\s)\*(?=\S)|(?<=\S)\*(?=\s|$|[.,;:])/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function fields(rows: Record<string, unknown>[], names: readonly string[] = FIELDS): string[][] {
  return rows.map((row) => names.map((name) => asRead(row[name])));
}

describe('Import plan from a Google Doc', () => {
  it.each([
    ['000', '000-progress-appendix.docx', 12],
    ['002', '002-blank-action-plan.docx', 16],
  ])('imports seed %s from the Doc with the same actions as its text pasted', async (seed, file, count) => {
    const bundle = emptyRegister('2010-09-06');
    const doc = saveAsGoogleDoc(bundle, await word(file));
    expect(importFromDoc(bundle, doc.url)).toMatch(new RegExp(`Imported: ${count} new`));
    const fromDoc = registerRows(bundle);
    expect(fromDoc).toHaveLength(count);
    expect(fields(fromDoc)).toEqual(fields(importPasted(seedGrid(seed))));
  });

  describe.each([
    [
      '003',
      '003-recommendation-blocks.docx',
      59,
      'Progress',
      // "a) Achieved. b) Ditto" is two <p> paragraphs in the paste and two lines in the Doc: each goes to its action.
      'shares out lettered progress at the lines of a Doc cell as at the paragraphs of a pasted one',
    ],
    [
      '004',
      '004-audit-action-plan.docx',
      16,
      'Ref',
      // Appendix 2's recommendations have no numbers, and the Doc fills each merged cell down: the same text on each
      // row is one recommendation, numbered once (2.2, 2.3 as the paste gives, not 3.1, 4.1).
      'numbers the actions as the paste does, reading a recommendation its merged cell repeats as one',
    ],
  ])('seed %s', (seed, file, count, field, what) => {
    let fromDoc: Record<string, unknown>[] = [];
    let pasted: Record<string, unknown>[] = [];
    beforeAll(async () => {
      const bundle = emptyRegister('2010-09-06');
      importFromDoc(bundle, saveAsGoogleDoc(bundle, await word(file)).url);
      fromDoc = registerRows(bundle);
      pasted = importPasted(seedGrid(seed));
    });

    it(`imports from the Doc the same actions as its text pasted, all but their ${field}`, () => {
      expect(fromDoc).toHaveLength(count);
      const same = FIELDS.filter((name) => name !== field);
      expect(fields(fromDoc, same)).toEqual(fields(pasted, same));
    });

    it(what, () => {
      expect(fields(fromDoc, [field])).toEqual(fields(pasted, [field]));
    });
  });

  it('keeps the lines of a cell that the paste ran together', async () => {
    const bundle = emptyRegister('2010-09-06');
    importFromDoc(bundle, saveAsGoogleDoc(bundle, await word('000-progress-appendix.docx')).url);
    const row = registerRows(bundle).find((r) => String(r.Action).startsWith('Review current data'));
    expect(row?.Action).toBe(
      'Review current data collection processes and systems\nProvide Covalent training for key Members and officers',
    );
    expect(String(row?.Progress).split('\n')).toHaveLength(5);
  });

  it('imports the recommendation merged down over two actions into both, and both progress bullets as lines', async () => {
    const bundle = emptyRegister('2010-09-06');
    const doc = saveAsGoogleDoc(bundle, await word('merged-recommendation.docx'));
    expect(importFromDoc(bundle, doc.url)).toMatch(/Imported: 3 new/);
    const rows = registerRows(bundle);
    expect(rows.map((r) => [r.Ref, r.Recommendation, r.Action, r.Timescale])).toEqual([
      [
        '1.1',
        '1. Develop links between Council Priorities, LAA and SCS.',
        'Ensure consistency between outcomes and measures for Council, LAA and SCS Priorities.',
        'March 2011',
      ],
      [
        '1.2',
        '1. Develop links between Council Priorities, LAA and SCS.',
        'Demonstrate how they are aligned.',
        'June 2010',
      ],
      ['2.1', '2. Clearer outcomes with measures.', 'Produce guidance on outcomes.', 'Ongoing'],
    ]);
    expect(rows[0].Progress).toBe(
      'Outcomes agreed by CMT on 5 August 2010.\nMeasures published on the intranet.',
    );
    expect(rows[1].Progress).toBe('Alignment mapped for the LAA priorities.');
  });

  it('reads the Doc without changing it', async () => {
    const bundle = emptyRegister('2010-09-06');
    const doc = saveAsGoogleDoc(bundle, await word('000-progress-appendix.docx'));
    const before = JSON.stringify(doc.tree());
    const modified = bundle.ws.drive.file(doc.id)?.modifiedTime;
    bundle.ws.setNow(new Date('2010-09-06T10:00:00Z'));
    importFromDoc(bundle, doc.url);
    expect(JSON.stringify(doc.tree())).toBe(before);
    expect(bundle.ws.drive.file(doc.id)?.modifiedTime).toBe(modified);
    expect(doc.saveCount).toBe(0);
  });

  it('says where the actions came from and is safe to run again', async () => {
    const bundle = emptyRegister('2010-09-06');
    const doc = saveAsGoogleDoc(bundle, await word('000-progress-appendix.docx'));
    expect(importFromDoc(bundle, `${doc.url}?usp=sharing`)).toMatch(
      /^From the Google Doc “Action plan”:\nImported: 12 new/,
    );
    expect(importFromDoc(bundle, doc.url)).toMatch(/Imported: 0 new, 0 updated, 12 unchanged/);
    expect(registerRows(bundle)).toHaveLength(12);
  });

  it('opens a Doc a colleague shared with the officer, or with anyone who has the link', async () => {
    const bundle = emptyRegister('2010-09-06');
    const plan = await word('merged-recommendation.docx');
    const shared = saveAsGoogleDoc(bundle, plan, COLLEAGUE);
    bundle.ws.drive.share(shared.id, bundle.ws.runtime.user);
    expect(importFromDoc(bundle, shared.url)).toMatch(/Imported: 3 new/);
    const other = emptyRegister('2010-09-06');
    const linked = saveAsGoogleDoc(other, plan, COLLEAGUE);
    other.ws.drive.share(linked.id, ANYONE_WITH_LINK);
    expect(importFromDoc(other, linked.url)).toMatch(/Imported: 3 new/);
  });
});

describe('Import plan from a Google Doc, when the link will not do', () => {
  function nothingImported(bundle: LoadedBundle): void {
    expect(registerRows(bundle)).toHaveLength(0);
    expect(valuesOf(bundle, 'History').length).toBeLessThanOrEqual(1);
  }

  it.each([
    [
      'a spreadsheet link',
      'https://docs.google.com/spreadsheets/d/1AbCdEfGhIjKlMnOpQrStUvWxYz0123/edit#gid=0',
    ],
    ['a file name', 'Action plan 2010.docx'],
    ['a web page', 'https://example.org/plans/action-plan.docx'],
  ])('refuses %s, saying it is not the link of a Google Doc', (_what, link) => {
    const bundle = emptyRegister('2010-09-06');
    const message = importFromDoc(bundle, link);
    expect(message).toMatch(/is not the link of a Google Doc, so nothing was imported/);
    expect(message).toMatch(/Share › Copy link/);
    nothingImported(bundle);
  });

  it('says so when no link was pasted, and does nothing when the officer cancels', () => {
    const bundle = emptyRegister('2010-09-06');
    expect(importFromDoc(bundle, '  ')).toMatch(/^No link was pasted, so nothing was imported/);
    const shown = bundle.ws.sheets.ui.dialogs.length;
    importFromDoc(
      bundle,
      'https://docs.google.com/document/d/1AbCdEfGhIjKlMnOpQrStUvWxYz0123/edit',
      'CANCEL',
    );
    expect(bundle.ws.sheets.ui.dialogs.length).toBe(shown + 1);
    expect(bundle.ws.sheets.ui.dialogs.at(-1)?.kind).toBe('prompt');
    nothingImported(bundle);
  });

  it('refuses a Doc that is not shared with the officer, saying it cannot be opened and why', async () => {
    const bundle = emptyRegister('2010-09-06');
    const doc = saveAsGoogleDoc(bundle, await word('merged-recommendation.docx'), COLLEAGUE);
    const message = importFromDoc(bundle, doc.url);
    expect(message).toMatch(
      /^The Google Doc at that link cannot be opened with your account, so nothing was imported/,
    );
    expect(message).toMatch(/shared with you/);
    expect(message).toMatch(
      /Google said: API call to docs\.documents\.get failed with error: The caller does not have permission/,
    );
    nothingImported(bundle);
  });

  it('refuses a Word file opened in Docs but not saved as a Google Doc, saying how to save it', () => {
    const bundle = emptyRegister('2010-09-06');
    const file = bundle.ws.drive.createFile({
      name: 'Action plan.docx',
      mimeType: DOCX_MIME,
      content: readFileSync(join(FIXTURES, 'docx', 'merged-recommendation.docx')),
      owner: bundle.ws.runtime.user,
    });
    // Docs opens a Word file in Office editing under a Docs link with the Word file's own id.
    const message = importFromDoc(
      bundle,
      `https://docs.google.com/document/d/${file.id}/edit?rtpof=true&sd=true`,
    );
    expect(message).toMatch(/cannot be opened/);
    expect(message).toMatch(/File › Save as Google Docs/);
    nothingImported(bundle);
  });
});

describe('the calls an import from a Doc makes', () => {
  const DOCUMENT_SERVICES = ['Body', 'Paragraph', 'ListItem', 'Table', 'TableRow', 'TableCell', 'Document'];

  /** A plan table of `n` actions: KLOE and recommendation merged down over four actions each, two bullets of progress. */
  function planTable(n: number): ConvertedDocument {
    const para = (text: string) => ({ type: 'PARAGRAPH' as const, text, heading: 'NORMAL' as const });
    const plain = (text: string) => ({ rowSpan: 1, colSpan: 1, children: [para(text)] });
    const merged = (text: string, i: number, column: number) =>
      i % 4 === 0
        ? { rowSpan: 4, colSpan: 1, children: [para(text)] }
        : { rowSpan: 0, colSpan: 0, mergedInto: { row: i - (i % 4) + 1, column }, children: [para('')] };
    const bullets = (...texts: string[]) => ({
      rowSpan: 1,
      colSpan: 1,
      children: texts.map((text) => ({
        type: 'LIST_ITEM' as const,
        text,
        heading: 'NORMAL' as const,
        nestingLevel: 0,
        glyphType: 'BULLET' as const,
      })),
    });
    const rows: ConvertedCell[][] = [
      ['Ref', 'KLOE', 'Recommendation', 'Action', 'Timescale', 'Lead', 'Progress'].map(plain),
    ];
    for (let i = 0; i < n; i++) {
      const rec = Math.floor(i / 4) + 1;
      rows.push([
        plain(`${rec}.${(i % 4) + 1}`),
        merged(`KLOE ${rec}`, i, 1),
        merged(`${rec}. Develop links with partners`, i, 2),
        plain(`Action ${i + 1}`),
        plain('March 2011'),
        plain('TG'),
        bullets(`Progress ${i + 1}`, 'Reported to CMT.'),
      ]);
    }
    return { warnings: [], body: [para('Action plan'), { type: 'TABLE', rows }, para('')] };
  }

  function importedFrom(n: number): { bundle: LoadedBundle; calls: Record<string, number>; total: number } {
    const bundle = emptyRegister('2010-09-06');
    const doc = saveAsGoogleDoc(bundle, planTable(n));
    bundle.ws.runtime.calls.reset();
    expect(importFromDoc(bundle, doc.url)).toMatch(new RegExp(`Imported: ${n} new`));
    return { bundle, calls: bundle.ws.runtime.calls.snapshot(), total: bundle.ws.runtime.calls.total() };
  }

  it('reads a 1,000-row table in one documents.get, with the calls of a 12-row one', () => {
    const small = importedFrom(12);
    const large = importedFrom(1000);
    expect(large.calls['Docs.Documents.get']).toBe(1);
    // Call for call the same, but that the sheets a new sheet's 1,000 rows cannot hold grow, once each.
    const growing = ['Sheet.getMaxRows', 'Sheet.insertRowsAfter'];
    const others = (calls: Record<string, number>) =>
      Object.fromEntries(Object.entries(calls).filter(([k]) => !growing.includes(k)));
    expect(others(large.calls)).toEqual(others(small.calls));
    expect(large.calls['Sheet.insertRowsAfter']).toBeLessThanOrEqual(4);
    // No DocumentApp object is asked anything: a cell at a time would be about 18 calls a row.
    expect(Object.keys(large.calls).filter((k) => DOCUMENT_SERVICES.includes(k.split('.')[0]))).toEqual([]);
    // The import, then one refresh, which draws the Dashboard's figures, formats and three charts the first time.
    expect(large.total).toBeLessThan(175);
    const register = registerRows(large.bundle);
    expect(register).toHaveLength(1000);
    // The recommendation keeps its number as written, merged down over the actions below it.
    expect(register[1].Recommendation).toBe('1. Develop links with partners');
    expect(register[3].KLOE).toBe('KLOE 1');
    expect(register[1].Progress).toBe('Progress 2\nReported to CMT.');
  });

  it('reads seed 000 in one documents.get of the text and merges only, and changes nothing in it', async () => {
    const bundle = emptyRegister('2010-09-06');
    const doc = saveAsGoogleDoc(bundle, await word('000-progress-appendix.docx'));
    bundle.ws.runtime.calls.reset();
    importFromDoc(bundle, doc.url);
    const calls = bundle.ws.runtime.calls.snapshot();
    expect(Object.keys(calls).filter((k) => k.startsWith('Docs.') || k.startsWith('DocumentApp.'))).toEqual([
      'Docs.Documents.get',
    ]);
    expect(calls['Docs.Documents.get']).toBe(1);
  });
});
