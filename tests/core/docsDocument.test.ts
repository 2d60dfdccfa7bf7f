import { docsPlanGrid, docsTableGrid, paragraphText } from '../../src/core/docsDocument';
import type { DocsStructuralElement, DocsTableCell } from '../../src/core/docsDocument';

const p = (...texts: string[]): DocsStructuralElement => ({
  paragraph: {
    elements: [...texts.map((content) => ({ textRun: { content } })), { textRun: { content: '\n' } }],
  },
});
const cell = (text: string, rowSpan = 1, columnSpan = 1): DocsTableCell => ({
  content: text.split('\n').map((line) => p(line)),
  tableCellStyle: { rowSpan, columnSpan },
});
const table = (columns: number, ...rows: DocsTableCell[][]): DocsStructuralElement => ({
  table: { columns, tableRows: rows.map((tableCells) => ({ tableCells })) },
});

describe('a Doc read from the Docs API into the import grid', () => {
  it('fills a recommendation merged down into each row it spans, whether the cells merged over come or not', () => {
    const header = [cell('Recommendation'), cell('Action'), cell('Progress')];
    const withCovered = table(
      3,
      header,
      [cell('1. Develop links', 2), cell('Ensure consistency'), cell('Agreed.\nPublished.')],
      [cell(''), cell('Demonstrate alignment'), cell('Mapped.')],
    );
    const withoutCovered = table(
      3,
      header,
      [cell('1. Develop links', 2), cell('Ensure consistency'), cell('Agreed.\nPublished.')],
      [cell('Demonstrate alignment'), cell('Mapped.')],
    );
    const expected = [
      ['Recommendation', 'Action', 'Progress'],
      ['1. Develop links', 'Ensure consistency', 'Agreed.\nPublished.'],
      ['1. Develop links', 'Demonstrate alignment', 'Mapped.'],
      ['', '', ''],
    ];
    expect(docsPlanGrid([withCovered])).toEqual(expected);
    expect(docsPlanGrid([withoutCovered])).toEqual(expected);
  });

  it('leaves blank the cells a title merged across covers, and keeps an empty cell that is merged over nothing', () => {
    const grid = docsTableGrid({
      columns: 3,
      tableRows: [
        { tableCells: [cell('Appendix 2', 1, 2), cell(''), cell('Status')] },
        { tableCells: [cell(''), cell('Action'), cell('')] },
      ],
    });
    expect(grid.map((row) => row.map((s) => `${s.text}:${s.rowSpan}`))).toEqual([
      ['Appendix 2:1', ':0', 'Status:1'],
      [':1', 'Action:1', ':1'],
    ]);
  });

  it('reads a line break inside a paragraph as a line: a row of its own between tables, "\\n" in a cell', () => {
    const grid = docsPlanGrid([
      p('Key\u000bCMT – Corporate Management Team'),
      table(2, [cell('Ref'), { content: [p('Line one\u000bline two')] }]),
    ]);
    expect(grid).toEqual([
      ['Key', ''],
      ['CMT – Corporate Management Team', ''],
      ['Ref', 'Line one\nline two'],
      ['', ''],
    ]);
  });

  it('keeps a person chip as the name and a file chip as its title, so no lead or link is lost', () => {
    expect(
      paragraphText({
        elements: [
          { textRun: { content: 'Lead: ' } },
          { person: { personProperties: { name: 'Jane Jones', email: 'jane.jones@example.org' } } },
          { textRun: { content: ', see ' } },
          { richLink: { richLinkProperties: { title: 'Audit report', uri: 'https://docs.google.com/x' } } },
          { person: { personProperties: { email: 'tom.green@example.org' } } },
          { textRun: { content: '\n' } },
        ],
      }),
    ).toBe('Lead: Jane Jones, see Audit reporttom.green@example.org');
  });

  it('gives an empty paragraph a blank row, and a paragraph holding only a page break none', () => {
    const grid = docsPlanGrid([
      p('Action plan'),
      p(),
      { paragraph: { elements: [{}, { textRun: { content: '\n' } }] } },
      p('Key'),
    ]);
    expect(grid).toEqual([['Action plan'], [''], ['Key']]);
  });

  it('passes over section breaks and tables of contents', () => {
    expect(docsPlanGrid([{}, p('Plan'), {}])).toEqual([['Plan']]);
  });

  it('reads a table inside a cell as its lines, nothing dropped', () => {
    const inner = table(2, [cell('a'), cell('b')], [cell('c'), cell('')]);
    const grid = docsPlanGrid([table(2, [cell('Ref'), { content: [p('Notes'), inner] }])]);
    expect(grid[0]).toEqual(['Ref', 'Notes\na\nb\nc']);
  });
});
