import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  Document,
  HeadingLevel,
  Packer,
  PageBreak,
  Paragraph,
  Tab,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalMergeType,
} from 'docx';
import { convertDocx } from '../../../local/convert/docx';
import type {
  ConvertedBlock,
  ConvertedCell,
  ConvertedCellBlock,
  ConvertedDocument,
  ConvertedTable,
} from '../../../local/convert/docx';

const FIXTURES = join(__dirname, '../../fixtures');

function fixture(name: string): Promise<ConvertedDocument> {
  return convertDocx(readFileSync(join(FIXTURES, 'docx', name)));
}

function seedLines(number: string): string[] {
  const name = readdirSync(join(FIXTURES, 'seeds')).find((file) => file.startsWith(`${number}_`));
  return readFileSync(join(FIXTURES, 'seeds', String(name)), 'utf8').split('\n');
}

/** A seed cell as an officer reads it: HTML list markers and emphasis dropped, spaces collapsed. */
function seedText(cell: string): string {
  return cell
    .replace(/<[^>]+>|\*\*/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** TableCell.getText(): the cell's paragraphs joined by newlines. */
function cellText(cell: ConvertedCell): string {
  return cell.children.map((block) => (block.type === 'TABLE' ? '' : block.text)).join('\n');
}

/** A cell's text with its paragraphs run together, to compare with a one-line seed cell. */
function runTogether(cell: ConvertedCell): string {
  return cellText(cell).replace(/\s+/g, ' ').trim();
}

function spans(table: ConvertedTable): string[][] {
  return table.rows.map((row) => row.map((cell) => `${cell.rowSpan}x${cell.colSpan}`));
}

/** P for a paragraph, L for a list item, T for a table: what the cell holds, in order. */
function kinds(cell: ConvertedCell): string {
  return cell.children.map((block) => ({ PARAGRAPH: 'P', LIST_ITEM: 'L', TABLE: 'T' })[block.type]).join('');
}

function tables(body: ConvertedBlock[]): ConvertedTable[] {
  return body.filter((block): block is ConvertedTable => block.type === 'TABLE');
}

function column(table: ConvertedTable, c: number): string[] {
  return table.rows.map((row) => cellText(row[c]));
}

function listItem(
  text: string,
  glyphType: 'BULLET' | 'NUMBER' = 'BULLET',
  nestingLevel = 0,
): ConvertedCellBlock {
  return { type: 'LIST_ITEM', text, heading: 'NORMAL', nestingLevel, glyphType };
}

function para(text: string): ConvertedCellBlock {
  return { type: 'PARAGRAPH', text, heading: 'NORMAL' };
}

describe('the progress appendix (seed 000)', () => {
  let doc: ConvertedDocument;
  beforeAll(async () => {
    doc = await fixture('000-progress-appendix.docx');
  });

  it('runs over three pages, each table under the repeated header row, then the Key and the status key', () => {
    expect(doc.warnings).toEqual([]);
    expect(doc.body.map((block) => block.type)).toEqual([
      'PARAGRAPH',
      'TABLE',
      'PAGE_BREAK',
      'TABLE',
      'PAGE_BREAK',
      'TABLE',
      ...Array(9).fill('PARAGRAPH'),
      'TABLE',
      'PARAGRAPH',
    ]);
    const header = [
      'KLOE & Rec.',
      'Action',
      'Action & Timescales for 2010/11',
      'Progress to 31 July 2010',
      'Status',
    ];
    for (const table of tables(doc.body).slice(0, 3)) expect(table.rows[0].map(cellText)).toEqual(header);
    const key = doc.body.slice(6, 15).map((block) => (block.type === 'PARAGRAPH' ? block.text : block.type));
    expect(key).toEqual([
      '',
      'Key',
      'CMT – Corporate Management Team',
      'LAA – Local Area Agreement',
      'KLOE – Key Line of Enquiry',
      'DMT – Directorate Management Team',
      'LSP – Local Strategic Partnership',
      'SCS – Sustainable Community Strategy',
      '',
    ]);
  });

  it('merges recommendation 5 down over its five actions and recommendation 7 over its two', () => {
    const [page1, page2, page3] = tables(doc.body);
    const plain = ['1x1', '1x1', '1x1', '1x1', '1x1'];
    const covered = ['0x0', '1x1', '1x1', '1x1', '1x1'];
    expect(spans(page1)).toEqual(Array(5).fill(plain));
    expect(spans(page2)).toEqual([
      plain,
      ['5x1', '1x1', '1x1', '1x1', '1x1'],
      ...Array(4).fill(covered),
      plain,
    ]);
    expect(spans(page3)).toEqual([plain, plain, ['2x1', '1x1', '1x1', '1x1', '1x1'], covered]);
    expect(page2.rows.slice(2, 6).map((row) => row[0])).toEqual(
      Array(4).fill({ rowSpan: 0, colSpan: 0, mergedInto: { row: 1, column: 0 }, children: [para('')] }),
    );
    expect(column(page2, 0)).toEqual([
      'KLOE & Rec.',
      '5. Improve clarity and scope of reporting.',
      '',
      '',
      '',
      '',
      'Learning and reviewing.\n6. Assess the',
    ]);
    expect(column(page3, 0)).toEqual([
      'KLOE & Rec.',
      'impact of performance processes.',
      'Embedding the performance culture\n7. Corporate re-launch.',
      '',
    ]);
  });

  it('keeps a KLOE title and its recommendation, or two actions, as paragraphs of one cell', () => {
    const [page1] = tables(doc.body);
    expect(page1.rows[2][0].children).toEqual([
      para('Setting targets'),
      para('3. Ensure broad involvement in target-setting'),
    ]);
    expect(page1.rows[3][1].children).toEqual([
      para('Review current data collection processes and systems'),
      para('Provide Covalent training for key Members and officers'),
    ]);
    expect(page1.rows[1][1].children).toEqual([
      para('progress'),
      para(
        'Ensure plans contain a mix of national and local indicators which also reflect the diversity of the District',
      ),
    ]);
  });

  it('reads timescale and progress cells as bulleted list items, one per note', () => {
    const [page1, page2, page3] = tables(doc.body);
    expect(page1.rows[3][2].children).toEqual([
      listItem("Embed the Council's Data Quality Policy and required processes. Ongoing"),
      listItem('Continue rolling out training to officers and Members. Ongoing'),
      listItem('Develop Covalent intranet page by July 2010.'),
    ]);
    expect(page2.rows[2][3].children).toEqual([
      listItem('2010 Place Survey abolished by the new Government in August 2010.'),
      listItem(
        'Will continue to report local Viewpoint Survey which is undertaken jointly with other Worcestershire authorities.',
      ),
    ]);
    // The note carried over from the previous page is a plain paragraph before the next bullet.
    expect(kinds(page3.rows[1][3])).toBe('PL');
    expect(cellText(page3.rows[1][3])).toBe(
      'for performance management to compare analysis of data.\nValue for Money benchmarking programme underway which will provide greater analysis of cost and performance data compared to other similar authorities.',
    );
    const bulletCounts = (table: ConvertedTable, c: number): string[] =>
      table.rows.slice(1).map((row) => kinds(row[c]));
    expect(bulletCounts(page1, 2)).toEqual(['L', 'L', 'LLL', 'L']);
    expect(bulletCounts(page1, 3)).toEqual(['LL', 'LLL', 'LLLLL', 'L']);
    expect(bulletCounts(page2, 3)).toEqual(['L', 'LL', 'LL', 'LL', 'LL', 'LL']);
    expect(bulletCounts(page3, 2)).toEqual(['P', 'LL', 'L']);
  });

  it('says in every cell exactly what the appendix says', () => {
    const seedRows = seedLines('000').filter(
      (line) => line.includes('\t') && !line.startsWith('KLOE & Rec.'),
    );
    const rows = tables(doc.body)
      .slice(0, 3)
      .flatMap((table) => table.rows.slice(1));
    expect(rows.map((row) => row.map(runTogether))).toEqual(
      seedRows.slice(0, rows.length).map((line) => line.split('\t').map(seedText)),
    );
  });

  it('spans the status key title across both columns', () => {
    const statusKey = tables(doc.body)[3];
    expect(spans(statusKey)).toEqual([['1x2', '0x0'], ...Array(4).fill(['1x1', '1x1'])]);
    expect(statusKey.rows[0][1].mergedInto).toEqual({ row: 0, column: 0 });
    expect(column(statusKey, 1)).toEqual([
      '',
      'Overdue',
      'Check Progress',
      'In Progress but not reached due date',
      'Completed',
    ]);
    expect(cellText(statusKey.rows[0][0])).toBe('Action Status');
  });
});

describe('the focused merged-recommendation table', () => {
  it('converts into exactly the tree Google Docs would hold', async () => {
    const doc = await fixture('merged-recommendation.docx');
    const cell = (...children: ConvertedCellBlock[]): ConvertedCell => ({ rowSpan: 1, colSpan: 1, children });
    expect(doc).toEqual({
      warnings: [],
      body: [
        { type: 'PARAGRAPH', text: 'Action plan', heading: 'HEADING1' },
        {
          type: 'TABLE',
          rows: [
            ['Recommendation', 'Action', 'Timescale', 'Progress'].map((title) => cell(para(title))),
            [
              {
                rowSpan: 2,
                colSpan: 1,
                children: [para('1. Develop links between Council Priorities, LAA and SCS.')],
              },
              cell(
                para('Ensure consistency between outcomes and measures for Council, LAA and SCS Priorities.'),
              ),
              cell(para('March 2011')),
              cell(
                listItem('Outcomes agreed by CMT on 5 August 2010.'),
                listItem('Measures published on the intranet.'),
              ),
            ],
            [
              { rowSpan: 0, colSpan: 0, mergedInto: { row: 1, column: 0 }, children: [para('')] },
              cell(para('Demonstrate how they are aligned.')),
              cell(para('June 2010')),
              cell(para('Alignment mapped for the LAA priorities.')),
            ],
            [
              cell(para('2. Clearer outcomes with measures.')),
              cell(para('Produce guidance on outcomes.')),
              cell(para('Ongoing')),
              cell(para('')),
            ],
          ],
        },
        para(''),
      ],
    });
  });
});

describe('the blank action plan (seed 002, Appendix 3)', () => {
  let doc: ConvertedDocument;
  beforeAll(async () => {
    doc = await fixture('002-blank-action-plan.docx');
  });

  it('continues the table after a page break under the running header, its header row repeated', () => {
    const types = doc.body.map((block) => block.type);
    expect(types).toEqual([
      'PARAGRAPH',
      'PARAGRAPH',
      'PARAGRAPH',
      'TABLE',
      'PAGE_BREAK',
      'PARAGRAPH',
      'TABLE',
      'PARAGRAPH',
    ]);
    expect(doc.body[1]).toEqual({
      type: 'PARAGRAPH',
      text: 'Performance Management Action Plan',
      heading: 'HEADING1',
    });
    // The running header is one paragraph of two lines (a soft line break reads as \r in Apps Script).
    expect(doc.body[5]).toEqual(para('Agenda Item No. 6\rAppendix A'));
    const header = ['Key Line of Enquiry', 'Recommendation', 'Action', 'Timescale', 'Responsible Officer'];
    for (const table of tables(doc.body)) expect(table.rows[0].map(cellText)).toEqual(header);
  });

  it('leaves the KLOE and recommendation cells the officer left blank as plain blank cells', () => {
    const [first, second] = tables(doc.body);
    for (const table of [first, second])
      expect(
        spans(table)
          .flat()
          .every((span) => span === '1x1'),
      ).toBe(true);
    expect(column(first, 0).slice(1)).toEqual([
      'Agreeing outcomes and priorities',
      'Developing success measures',
      '',
      '',
      'Setting targets',
      'Collating performance data',
      '',
      'Monitoring and reporting performance data',
      '',
    ]);
    expect(column(second, 1).slice(1)).toEqual([
      '',
      '',
      '',
      '',
      'Assess the impact of performance processes.',
      'Corporate re-launch.',
      '',
    ]);
    for (const c of [3, 4]) {
      expect(column(first, c).slice(1)).toEqual(Array(9).fill(''));
      expect(column(second, c).slice(1)).toEqual(Array(7).fill(''));
    }
  });

  it('says in every cell what the appendix says', () => {
    const seed = seedLines('002');
    const start = seed.indexOf('Performance Management Action Plan');
    const seedRows = seed
      .slice(start)
      .filter((line) => line.includes('\t') && !line.startsWith('Key Line of Enquiry'))
      .map((line) => line.split('\t').map(seedText));
    const rows = tables(doc.body).flatMap((table) => table.rows.slice(1).map((row) => row.map(runTogether)));
    expect(rows).toEqual(seedRows);
  });
});

describe('the audit report action plan (seed 004, Appendix 2)', () => {
  it('merges each KLOE and recommendation down over the actions under it', async () => {
    const doc = await fixture('004-audit-action-plan.docx');
    const [plan] = tables(doc.body);
    expect(doc.body[0]).toEqual({ type: 'PARAGRAPH', text: 'Appendix 2 – Action plan', heading: 'HEADING1' });
    expect(plan.rows[0].map(cellText)).toEqual(['KLOE', 'Recommendation', 'Action', 'When']);
    const rowSpans = plan.rows.slice(1).map((row) => row[0].rowSpan);
    expect(rowSpans).toEqual([1, 3, 0, 0, 1, 2, 0, 5, 0, 0, 0, 0, 2, 0, 2, 0]);
    expect(plan.rows.slice(1).map((row) => row[1].rowSpan)).toEqual(rowSpans);
    expect(plan.rows[12][1].mergedInto).toEqual({ row: 8, column: 1 });
    expect(column(plan, 0).filter(Boolean)).toEqual([
      'KLOE',
      'Agreeing outcomes and priorities.',
      'Developing success measures.',
      'Setting targets.',
      'Collating performance data.',
      'Monitoring and reporting performance data.',
      'Learning and reviewing.',
      'Embedding the performance culture.',
    ]);
    expect(column(plan, 2)[14]).toBe('Align Council and partner processes more closely.');
    expect(column(plan, 3).slice(1)).toEqual(Array(16).fill(''));
  });
});

describe('the recommendation blocks (seed 003)', () => {
  let doc: ConvertedDocument;
  beforeAll(async () => {
    doc = await fixture('003-recommendation-blocks.docx');
  });

  const startsWith = (table: ConvertedTable, text: string): boolean =>
    cellText(table.rows[0][0]).startsWith(text);

  it('opens with the headings, the glossary and the responsibilities', () => {
    const headings = doc.body.filter((block) => block.type === 'PARAGRAPH' && block.heading === 'HEADING2');
    expect(headings.map((block) => (block.type === 'PARAGRAPH' ? block.text : ''))).toEqual([
      'MANAGING PERFORMANCE MANAGEMENT',
      'ACTION PLAN TO RESPOND TO THE AUDIT COMMISSION',
      'APPROVED JANUARY 2007 AUDIT & CORPORATE GOVERNANCE COMMITTEE',
      'GLOSSARY',
      'RESPONSIBILITIES',
    ]);
    const [glossary, responsibilities] = tables(doc.body);
    expect(glossary.rows).toHaveLength(23);
    expect(glossary.rows[5].map(cellText)).toEqual(['C&YP', 'Children and Young People']);
    expect(responsibilities.rows[9].map(cellText)).toEqual([
      'TG',
      'Tony Geeson – Head of Policy and Performance',
    ]);
  });

  it('runs the recommendation, its text and the response across the block table, then lists actions', () => {
    const r5 = tables(doc.body).find((table) => startsWith(table, 'RECOMMENDATION 5')) as ConvertedTable;
    expect(spans(r5)).toEqual([
      ...Array(5).fill(['1x3', '0x0', '0x0']),
      ...Array(3).fill(['1x1', '1x1', '1x1']),
    ]);
    expect(column(r5, 0).slice(0, 3)).toEqual([
      'RECOMMENDATION 5',
      'Decide on the extent to which the Council will integrate its own service planning, priorities and performance management arrangements with those of its key partners in the Herefordshire Partnership',
      'RESPONSE',
    ]);
    expect(r5.rows[5].map(cellText)).toEqual(['ACTION', 'TIMESCALE', 'LEAD']);
    expect(r5.rows[7].map(cellText)).toEqual([
      'b) Inclusion in the detailed implementation plan for the creation of public service arrangements with the PCT',
      'Integrated arrangements to be operating from the time public service arrangements are operational',
      'CB',
    ]);
    const blockTables = tables(doc.body).filter((table) => startsWith(table, 'RECOMMENDATION'));
    expect(blockTables.map((table) => cellText(table.rows[0][0]))).toEqual(
      [5, 1, 6, 8, 3, 4, 7, 9, 10, 11, 12, 13, 14].map((n) => `RECOMMENDATION ${n}`),
    );
  });

  it("keeps a response's separate paragraphs as paragraphs of the one cell", () => {
    const r8 = tables(doc.body).find((table) => startsWith(table, 'RECOMMENDATION 8')) as ConvertedTable;
    expect(kinds(r8.rows[3][0])).toBe('PPPP');
    expect(r8.rows[8][0].children).toEqual([para('a) Achieved. See under Recc. 1 above.'), para('b) Ditto')]);
  });

  it('continues recommendation 1 after a page break under APPENDIX A with the ACTION header repeated', () => {
    const r1 = doc.body.findIndex((block) => block.type === 'TABLE' && startsWith(block, 'RECOMMENDATION 1'));
    expect(doc.body.slice(r1 + 1, r1 + 3)).toEqual([{ type: 'PAGE_BREAK' }, para('APPENDIX A')]);
    const continued = doc.body[r1 + 3] as ConvertedTable;
    expect(continued.rows.map((row) => cellText(row[0]).slice(0, 2))).toEqual([
      'AC',
      'e)',
      'f)',
      'g)',
      'h)',
      'i)',
    ]);
    expect(continued.rows[0].map(cellText)).toEqual(['ACTION', 'TIMESCALE', 'LEAD']);
  });

  it('reads recommendation 2, written as paragraphs, with its sub-actions under a merged letter cell', () => {
    const r2 = doc.body.findIndex((block) => block.type === 'PARAGRAPH' && block.text === 'RECOMMENDATION 2');
    expect(doc.body[r2 - 1]).toEqual({ type: 'PAGE_BREAK' });
    expect(doc.body.slice(r2 + 1, r2 + 3)).toEqual([
      para(
        'Develop and implement a consistent strategic approach to embedding a performance management culture',
      ),
      para('RESPONSE'),
    ]);
    expect(doc.body.slice(r2 + 3, r2 + 5).map((block) => block.type)).toEqual(['LIST_ITEM', 'LIST_ITEM']);
    const actions = doc.body[r2 + 5] as ConvertedTable;
    expect(spans(actions)).toEqual([
      ['1x2', '0x0', '1x1', '1x1'],
      ['1x2', '0x0', '1x1', '1x1'],
      ['4x1', '1x1', '1x1', '1x1'],
      ...Array(3).fill(['0x0', '1x1', '1x1', '1x1']),
    ]);
    expect(actions.rows.map((row) => row.map(cellText))).toEqual([
      ['ACTION', '', 'TIMESCALE', 'LEAD'],
      [
        'a) Programme of detailed action to be developed for implementing Reccs. 5 and 1 (embedding to be achieved through the performance improvement cycle and the communications plan)',
        '',
        'Operating from 1 April 2007',
        'JJ, TG',
      ],
      ['b)', 'i. Complete appointment of performance improvement managers', 'April 2007', 'TG'],
      [
        '',
        'ii. Currently programmed SRD and risk management training to be delivered',
        'January to March 2007',
        'GC , TG, DP',
      ],
      [
        '',
        'iii. Develop targeted mandatory annual training and development programme, initially for 2007-08',
        'Operational from April 2007',
        'GC, TG',
      ],
      [
        '',
        'iv. Disseminate the results of the performance management improvements in C&YP Services (from IPC) and Adult Social Care (from PWC) and other good practice, considering their application more generally (particularly through SMT and its performance improvement sub-group and the performance improvement network)',
        'From April 2007',
        'TG/RB / SMT',
      ],
    ]);
  });

  it('reads progress written after a table as bold paragraphs and bulleted notes', () => {
    const progress = doc.body.findIndex(
      (block) => block.type === 'PARAGRAPH' && block.text === 'PROGRESS with R5',
    );
    expect(doc.body[progress + 1]).toMatchObject({ type: 'LIST_ITEM', nestingLevel: 0, glyphType: 'BULLET' });
    expect((doc.body[progress + 1] as { text: string }).text).toMatch(/^a\) Already in place re\. children/);
    expect(doc.body[progress + 2]).toMatchObject({ type: 'PARAGRAPH', heading: 'NORMAL' });
  });
});

describe('a Word file written by LibreOffice', () => {
  it('converts its merges, lists and line breaks as Docs would hold them', async () => {
    const doc = await fixture('libreoffice-plan.docx');
    const [table] = tables(doc.body);
    expect(doc.warnings).toEqual([]);
    expect(doc.body.map((block) => block.type)).toEqual([
      'PARAGRAPH',
      'PARAGRAPH',
      'TABLE',
      'PARAGRAPH',
      'LIST_ITEM',
      'LIST_ITEM',
    ]);
    // LibreOffice ties its heading styles to an outline numbering that shows no number: still a heading.
    expect(doc.body[0]).toEqual({ type: 'PARAGRAPH', text: 'Action plan', heading: 'HEADING1' });
    expect(spans(table)).toEqual([
      ['1x1', '1x1', '1x1'],
      ['2x1', '1x1', '1x1'],
      ['0x0', '1x1', '1x1'],
      ['1x2', '0x0', '1x1'],
    ]);
    expect(table.rows[1][0].children).toEqual([
      para('Setting targets'),
      para('3. Ensure broad involvement in target-setting'),
    ]);
    expect(table.rows[1][2].children).toEqual([
      listItem('Review Panel established.'),
      listItem('Member Workshops on 4 & 25 August.'),
    ]);
    expect(table.rows[2][2].children).toEqual([
      listItem('First meeting held 23 June 2010.', 'NUMBER'),
      listItem('Second meeting planned.', 'NUMBER'),
    ]);
    expect(cellText(table.rows[3][0])).toBe('Collating performance data');
    expect(cellText(table.rows[3][2])).toBe('Guidance circulated.\rPage published.');
    expect(doc.body.slice(4)).toEqual([
      listItem('CMT – Corporate Management Team'),
      listItem('Chief Executive and directors', 'BULLET', 1),
    ]);
  });
});

/** A Word file made here, for the cases no fixture shows. */
async function convert(children: (Paragraph | Table)[]): Promise<ConvertedDocument> {
  const document = new Document({ sections: [{ children }] });
  return convertDocx(await Packer.toBuffer(document));
}

const wordCell = (
  text: string,
  options: Partial<ConstructorParameters<typeof TableCell>[0]> = {},
): TableCell => new TableCell({ children: [new Paragraph(text)], ...options });

describe('reading Word as Docs holds it', () => {
  it('ends the text before a page break and starts a new paragraph after it', async () => {
    const doc = await convert([
      new Paragraph({
        children: [new TextRun('Progress to 31 July 2010'), new PageBreak(), new TextRun('Key')],
      }),
      new Paragraph({ children: [new PageBreak(), new TextRun('Action Status')] }),
    ]);
    expect(doc.body).toEqual([
      para('Progress to 31 July 2010'),
      { type: 'PAGE_BREAK' },
      para('Key'),
      { type: 'PAGE_BREAK' },
      para('Action Status'),
    ]);
  });

  it('drops a page break inside a table cell, where Docs allows none', async () => {
    const broken = new Paragraph({
      children: [new TextRun('Ongoing'), new PageBreak(), new TextRun('June 2010')],
    });
    const doc = await convert([
      new Table({ rows: [new TableRow({ children: [new TableCell({ children: [broken] })] })] }),
    ]);
    expect((doc.body[0] as ConvertedTable).rows[0][0].children).toEqual([para('OngoingJune 2010')]);
  });

  it('covers every cell of a block merged over two rows and two columns', async () => {
    const doc = await convert([
      new Table({
        rows: [
          new TableRow({
            children: [
              wordCell('Developing success measures', {
                columnSpan: 2,
                verticalMerge: VerticalMergeType.RESTART,
              }),
              wordCell('Produce guidance on outcomes'),
            ],
          }),
          new TableRow({
            children: [
              wordCell('', { columnSpan: 2, verticalMerge: VerticalMergeType.CONTINUE }),
              wordCell('Ensure business plans contain outcomes'),
            ],
          }),
        ],
      }),
    ]);
    const table = doc.body[0] as ConvertedTable;
    expect(spans(table)).toEqual([
      ['2x2', '0x0', '1x1'],
      ['0x0', '0x0', '1x1'],
    ]);
    expect(table.rows[1].slice(0, 2).map((cell) => cell.mergedInto)).toEqual([
      { row: 0, column: 0 },
      { row: 0, column: 0 },
    ]);
    expect(column(table, 2)).toEqual([
      'Produce guidance on outcomes',
      'Ensure business plans contain outcomes',
    ]);
  });

  it('keeps a table nested in a cell, and a paragraph after a table that ends the body', async () => {
    const inner = new Table({ rows: [new TableRow({ children: [wordCell('Q1'), wordCell('Q2')] })] });
    const doc = await convert([
      new Table({
        rows: [
          new TableRow({
            children: [new TableCell({ children: [new Paragraph('Milestones'), inner, new Paragraph('')] })],
          }),
        ],
      }),
    ]);
    const cell = (doc.body[0] as ConvertedTable).rows[0][0];
    expect(kinds(cell)).toBe('PTP');
    expect((cell.children[1] as ConvertedTable).rows[0].map(cellText)).toEqual(['Q1', 'Q2']);
    expect(doc.body.map((block) => block.type)).toEqual(['TABLE', 'PARAGRAPH']);
  });

  it('reads heading styles, tabs and list nesting', async () => {
    const doc = await convert([
      new Paragraph({ text: 'Key', heading: HeadingLevel.HEADING_3 }),
      new Paragraph({ text: 'Briefing paper', heading: HeadingLevel.TITLE }),
      new Paragraph({ children: [new TextRun({ children: ['KLOE', new Tab(), 'Key Line of Enquiry'] })] }),
      new Paragraph({ text: 'Overdue', bullet: { level: 0 } }),
      new Paragraph({ text: 'Check Progress', bullet: { level: 2 } }),
    ]);
    expect(doc.body).toEqual([
      { type: 'PARAGRAPH', text: 'Key', heading: 'HEADING3' },
      { type: 'PARAGRAPH', text: 'Briefing paper', heading: 'TITLE' },
      para('KLOE\tKey Line of Enquiry'),
      listItem('Overdue'),
      listItem('Check Progress', 'BULLET', 2),
    ]);
  });
});
