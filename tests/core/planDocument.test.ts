import {
  cellText,
  fileIdOf,
  paragraphRows,
  rectangular,
  tableRows,
  type TableReader,
} from '../../src/core/planDocument';

/** A Doc table as Docs holds it: [text, rowSpan, colSpan]; a covered cell is ['', 0, 0]. */
type Cell = [string, number, number];
const C = (text: string): Cell => [text, 1, 1];
const COVERED: Cell = ['', 0, 0];

/** A reader over a literal table that counts what it is asked, as the service calls would be. */
function reader(cells: Cell[][]): TableReader & { reads: { cells: number; text: number; rowSpan: number } } {
  const reads = { cells: 0, text: 0, rowSpan: 0 };
  return {
    reads,
    rows: cells.length,
    cells: (r) => {
      reads.cells++;
      return cells[r].length;
    },
    text: (r, c) => {
      reads.text++;
      return cells[r][c][0];
    },
    rowSpan: (r, c) => {
      reads.rowSpan++;
      return cells[r][c][1];
    },
  };
}

/** The rows of the table itself, without the blank row that ends it. */
function rowsOf(table: TableReader): string[][] {
  const rows = tableRows(table);
  expect(rows.at(-1)).toEqual(['']);
  return rows.slice(0, -1);
}

describe('the rows of a Doc table', () => {
  it('end with a blank row, so that text after the table is not read as its last row', () => {
    expect(tableRows(reader([[C('Ref'), C('Action')]]))).toEqual([['Ref', 'Action'], ['']]);
  });

  it('fills a recommendation merged down over its actions into each of their rows', () => {
    const table = reader([
      [C('Recommendation'), C('Action'), C('Progress')],
      [['1. Develop links.', 2, 1], C('Ensure consistency'), C('Outcomes agreed.\nMeasures published.')],
      [COVERED, C('Demonstrate alignment'), C('Mapped.')],
      [C('2. Clearer outcomes.'), C('Produce guidance'), C('')],
    ]);
    expect(rowsOf(table)).toEqual([
      ['Recommendation', 'Action', 'Progress'],
      ['1. Develop links.', 'Ensure consistency', 'Outcomes agreed.\nMeasures published.'],
      ['1. Develop links.', 'Demonstrate alignment', 'Mapped.'],
      ['2. Clearer outcomes.', 'Produce guidance', ''],
    ]);
  });

  it('leaves a cell merged across columns blank beside its text, as a paste does', () => {
    const table = reader([
      [['Action Status', 1, 2], COVERED],
      [C(''), C('Overdue')],
    ]);
    expect(rowsOf(table)).toEqual([
      ['Action Status', ''],
      ['', 'Overdue'],
    ]);
  });

  it('fills a block merged over two rows and two columns down its first column only', () => {
    const table = reader([
      [['Developing success measures', 2, 2], COVERED, C('Produce guidance')],
      [COVERED, COVERED, C('Ensure business plans contain outcomes')],
      [C('Setting targets'), C(''), C('Involve Members')],
    ]);
    expect(rowsOf(table)).toEqual([
      ['Developing success measures', '', 'Produce guidance'],
      ['Developing success measures', '', 'Ensure business plans contain outcomes'],
      ['Setting targets', '', 'Involve Members'],
    ]);
  });

  it('stops filling where the merge ends, even when the next cell down is covered from its left', () => {
    const table = reader([
      [['KLOE', 2, 1], C('a')],
      [COVERED, C('b')],
      [['Title', 1, 2], COVERED],
    ]);
    expect(rowsOf(table).map((row) => row[1])).toEqual(['a', 'b', '']);
    expect(
      rowsOf(
        reader([
          [C('x'), C('y')],
          [C(''), COVERED],
        ]),
      ),
    ).toEqual([
      ['x', 'y'],
      ['', ''],
    ]);
  });

  it('keeps rows of different lengths as they are', () => {
    expect(rowsOf(reader([[C('Ref'), C('Action')], [C('Key')]]))).toEqual([['Ref', 'Action'], ['Key']]);
  });

  it('asks each cell its text once, and the row span only of empty cells and the heads above covered ones', () => {
    const table = reader([
      [C('Recommendation'), C('Action')],
      [['1. Develop links.', 3, 1], C('a')],
      [COVERED, C('')],
      [COVERED, C('c')],
    ]);
    tableRows(table);
    // Four rows of two cells; spans of the three empty cells and of the one head.
    expect(table.reads).toEqual({ cells: 4, text: 8, rowSpan: 4 });
  });

  it('gives a line break inside a cell’s paragraph as a line', () => {
    expect(cellText('Guidance circulated.\rPage published.')).toBe('Guidance circulated.\nPage published.');
    const table = reader([[C('Guidance circulated.\rPage published.')]]);
    expect(rowsOf(table)).toEqual([['Guidance circulated.\nPage published.']]);
  });
});

describe('the paragraphs between tables', () => {
  it('are one row per line, and an empty paragraph a blank row', () => {
    expect(paragraphRows('Agenda Item No. 6\rAppendix A')).toEqual([['Agenda Item No. 6'], ['Appendix A']]);
    expect(paragraphRows('')).toEqual([['']]);
    expect(paragraphRows('RECOMMENDATION 5')).toEqual([['RECOMMENDATION 5']]);
  });

  it('sit in a rectangle as wide as the widest table', () => {
    expect(rectangular([['Key'], ['Ref', 'Action', 'Lead'], []])).toEqual([
      ['Key', '', ''],
      ['Ref', 'Action', 'Lead'],
      ['', '', ''],
    ]);
  });
});

describe('the file id in a pasted link', () => {
  const id = '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_xyz';

  it.each([
    [`https://docs.google.com/document/d/${id}/edit`],
    [`https://docs.google.com/document/d/${id}/edit?usp=sharing`],
    [`https://docs.google.com/document/d/${id}`],
    [`  <https://docs.google.com/document/u/1/d/${id}/edit#heading=h.2>  `],
    [`https://docs.google.com/a/example.org/document/d/${id}/view`],
    [`https://docs.google.com/document/d/${id}/edit?usp=drive_link&ouid=1&rtpof=true&sd=true`],
    [`https://drive.google.com/file/d/${id}/view?usp=sharing`],
    [`https://drive.google.com/open?id=${id}`],
    [id],
  ])('finds the id in %s', (link) => {
    expect(fileIdOf(link)).toBe(id);
  });

  it.each([
    [''],
    ['Action plan 2010.docx'],
    ['https://example.org/plans/action-plan.docx'],
    [`https://docs.google.com/spreadsheets/d/${id}/edit#gid=0`],
    [`https://docs.google.com/presentation/d/${id}/edit`],
    ['https://docs.google.com/document/d/short/edit'],
  ])('finds none in %j', (link) => {
    expect(fileIdOf(link)).toBeNull();
  });
});
