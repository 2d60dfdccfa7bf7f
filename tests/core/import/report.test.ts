import { CELL_LIMIT } from '../../../src/core/import';
import { Report, rowText } from '../../../src/core/import/report';
import { readCell, readCells } from '../../../src/core/import/text';

describe('the import report', () => {
  test('rows left out together make one line that keeps their text, blank rows inside included', () => {
    const report = new Report();
    const rows = readCells([['Key'], [''], ['CMT', 'Corporate Management Team'], [''], ['']]);
    report.leftOut(1, rows[0], 'after the end of the plan', 'kept here');
    report.blank(2);
    report.leftOut(3, rows[2], 'after the end of the plan', 'kept here');
    report.blank(4);
    report.blank(5);
    expect(report.sorted()).toEqual([
      {
        row: 1,
        lastRow: 3,
        problem: 'Rows 1–3 (“Key CMT Corporate Management Team”): after the end of the plan',
        kept: 'kept here',
        text: 'Key\n\nCMT\tCorporate Management Team',
      },
    ]);
  });

  test('a block whose text would not fit one cell is cut into several lines, losing nothing', () => {
    const report = new Report();
    const long = readCells([['x'.repeat(30_000)]])[0];
    for (let row = 1; row <= 3; row++) report.leftOut(row, long, 'not part of the plan', 'kept here');
    const lines = report.sorted();
    expect(lines.map((l) => [l.row, l.lastRow])).toEqual([
      [1, undefined],
      [2, undefined],
      [3, undefined],
    ]);
    expect(lines.every((l) => (l.text ?? '').length <= CELL_LIMIT)).toBe(true);
  });

  test('lines come in row order, lines of one row in the order they were made', () => {
    const report = new Report();
    report.add({ row: 5, problem: 'b', kept: '' });
    report.add({ row: 2, problem: 'a', kept: '' });
    report.add({ row: 5, problem: 'c', kept: '' });
    expect(report.sorted().map((l) => l.problem)).toEqual(['a', 'b', 'c']);
  });

  test('converted cells are one line per row, naming the columns and keeping what was written', () => {
    const report = new Report();
    report.conversions(
      4,
      [readCell('plain'), readCell('<p>One</p><p>Two</p>'), readCell('• a\n• b')],
      ['A', 'B', 'C'],
    );
    expect(report.sorted()).toEqual([
      expect.objectContaining({
        row: 4,
        column: 'B, C',
        problem: 'HTML markup converted to lines of text',
        text: '<p>One</p><p>Two</p>\t• a\n• b',
      }),
    ]);
  });

  test('a row’s text is its cells by tabs, as written, blank cells at the end dropped', () => {
    expect(rowText(readCells([['<p>x</p>', '', 'y', '', '']])[0])).toBe('<p>x</p>\t\ty');
  });
});
