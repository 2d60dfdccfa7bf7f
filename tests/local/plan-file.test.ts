import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PlanFileError, decodePlan, detectDelimiter, readPlanFile } from '../../local/runner/plan-file';

const dir = mkdtempSync(join(tmpdir(), 'plan-file-'));
function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe('encodings', () => {
  test('UTF-8 with a BOM: the BOM goes', () => {
    const plan = readPlanFile(file('bom.csv', '\uFEFFRef,Action\nR01,Café'));
    expect(plan).toMatchObject({
      encoding: 'utf-8',
      bom: true,
      grid: [
        ['Ref', 'Action'],
        ['R01', 'Café'],
      ],
    });
  });

  test('Windows-1252 is detected when the bytes are not UTF-8, and read with its own characters', () => {
    const bytes = Buffer.from([
      ...Buffer.from('Action,Progress\n'),
      ...[0x93, 0x4d, 0x94, 0x20, 0x96, 0x20, 0x80, 0x35, 0x2c, 0xa3, 0x35, 0x20, 0xe9],
    ]);
    const plan = readPlanFile(file('cp1252.csv', bytes));
    expect(plan.encoding).toBe('windows-1252');
    expect(plan.grid[1]).toEqual(['“M” – €5', '£5 é']);
  });

  test('UTF-16 with a BOM (Excel’s "Unicode text") is read', () => {
    const bytes = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from('Ref\tAction\r\nR01\tÉtude\r\n', 'utf16le'),
    ]);
    const plan = readPlanFile(file('unicode.txt', bytes));
    expect(plan).toMatchObject({
      encoding: 'utf-16le',
      delimiter: '\t',
      grid: [
        ['Ref', 'Action'],
        ['R01', 'Étude'],
      ],
    });
  });

  test('bytes no encoding explains are refused with one line, never read as mojibake', () => {
    expect(() => decodePlan(Buffer.from([0x41, 0x81, 0x42, 0xe9]), 'odd.csv')).toThrow(
      new PlanFileError(
        'cannot tell how plan "odd.csv" is encoded: it is not UTF-8, and byte 0x81 at 1 is not Windows-1252 text; save it as "CSV UTF-8" and try again',
      ),
    );
    expect(() => decodePlan(Buffer.from('A\u0000B', 'latin1'), 'nul.csv')).toThrow(/NUL byte at 1/);
    expect(() => decodePlan(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14]), 'plan.csv')).toThrow(
      'plan "plan.csv" is a zip file (an Excel or Word file?), not CSV or TSV text',
    );
  });

  test('a missing file is named', () => {
    expect(() => readPlanFile(join(dir, 'none.csv'))).toThrow(
      `cannot read plan "${join(dir, 'none.csv')}": no such file`,
    );
  });
});

describe('delimiters', () => {
  test('are detected whatever the extension', () => {
    expect(detectDelimiter('Ref\tAction\tLead\nR01\tAgree, then act\tAK\n')).toBe('\t');
    expect(detectDelimiter('Ref;Action;Lead\nR01;Agree, then act;AK\n')).toBe(';');
    expect(detectDelimiter('Ref,Action,Lead\nR01,"Agree; then act",AK\n')).toBe(',');
    expect(detectDelimiter('Just one column\nof text\n')).toBe(',');
  });
});

describe('cells and rows', () => {
  test('quoted cells keep commas, quotes and lines; CRLF inside a cell is a line break', () => {
    const plan = readPlanFile(
      file('quoted.csv', 'Action,Progress\r\n"Agree, then act","He said ""go""\r\nthen left"\r\n'),
    );
    expect(plan.grid[1]).toEqual(['Agree, then act', 'He said "go"\nthen left']);
  });

  test('ragged rows are padded to the widest; blank rows at the end go, blank rows inside stay', () => {
    const plan = readPlanFile(file('ragged.csv', 'Ref,Action\nR01\n\nR02,Long,extra\n\n,,\n'));
    expect(plan.grid).toEqual([
      ['Ref', 'Action', ''],
      ['R01', '', ''],
      ['', '', ''],
      ['R02', 'Long', 'extra'],
    ]);
  });

  test('an empty file is an empty grid: the import says there is nothing to import', () => {
    expect(readPlanFile(file('empty.csv', '')).grid).toEqual([]);
  });
});
