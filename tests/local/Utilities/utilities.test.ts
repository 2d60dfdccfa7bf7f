import vm from 'node:vm';
import { Runtime } from '../../../local/workspace/runtime';
import { LocalUtilities } from '../../../local/workspace/Utilities';

function setup() {
  const runtime = new Runtime();
  runtime.fixedNow = Date.parse('2024-03-01T12:00:00Z');
  return { runtime, Utilities: new LocalUtilities(runtime).app };
}

const WINTER = new Date('2024-01-05T09:07:03.045Z'); // a Friday, GMT
const SUMMER = new Date('2024-07-05T21:07:03.045Z'); // a Friday, BST: 22:07 in London

describe('Utilities.formatDate in Europe/London', () => {
  const { Utilities } = setup();
  const london = (date: Date, pattern: string) => Utilities.formatDate(date, 'Europe/London', pattern);

  it('formats dates, months and weekdays', () => {
    expect(london(WINTER, 'dd/MM/yyyy')).toBe('05/01/2024');
    expect(london(WINTER, 'd/M/yy')).toBe('5/1/24');
    expect(london(WINTER, 'y')).toBe('2024');
    expect(london(WINTER, 'EEE d MMM yyyy')).toBe('Fri 5 Jan 2024');
    expect(london(WINTER, 'EEEE d MMMM yyyy')).toBe('Friday 5 January 2024');
    expect(london(WINTER, 'E')).toBe('Fri');
  });

  it('formats times in winter (GMT)', () => {
    expect(london(WINTER, 'HH:mm:ss.SSS')).toBe('09:07:03.045');
    expect(london(WINTER, 'H:m:s S')).toBe('9:7:3 45');
    expect(london(WINTER, 'h a')).toBe('9 AM');
    expect(london(WINTER, 'z Z X')).toBe('GMT +0000 Z');
  });

  it('formats times in summer (BST), including the date change at midnight UTC+1', () => {
    expect(london(SUMMER, 'HH:mm z Z')).toBe('22:07 BST +0100');
    expect(london(SUMMER, 'hh:mm a')).toBe('10:07 PM');
    expect(london(SUMMER, 'X XX XXX')).toBe('+01 +0100 +01:00');
    expect(london(new Date('2024-07-05T23:30:00Z'), 'EEEE dd/MM/yyyy HH:mm')).toBe(
      'Saturday 06/07/2024 00:30',
    );
  });

  it('copies quoted text and doubled quotes', () => {
    expect(london(WINTER, "'Week of' d MMM")).toBe('Week of 5 Jan');
    expect(london(WINTER, "h 'o''clock'")).toBe("9 o'clock");
    expect(london(WINTER, "yyyy''MM")).toBe("2024'01");
    expect(london(WINTER, "yyyy-MM-dd'T'HH:mm:ss")).toBe('2024-01-05T09:07:03');
  });

  it('rejects a letter SimpleDateFormat does not know', () => {
    expect(() => london(WINTER, 'yyyy-qq')).toThrow("Illegal pattern character 'q'");
  });

  it('formats the same instant in other zones', () => {
    expect(Utilities.formatDate(SUMMER, 'America/New_York', 'yyyy-MM-dd HH:mm z')).toBe(
      '2024-07-05 17:07 EDT',
    );
    expect(Utilities.formatDate(SUMMER, 'Europe/Paris', 'HH:mm z')).toBe('23:07 CEST');
    expect(Utilities.formatDate(SUMMER, 'GMT+1', 'HH:mm z')).toBe('22:07 GMT+01:00');
    expect(Utilities.formatDate(SUMMER, 'UTC', 'HH:mm')).toBe('21:07');
  });

  it('accepts a Date from another realm', () => {
    const foreign = vm.runInNewContext('new Date(Date.UTC(2024, 0, 5, 9, 7, 3))') as Date;
    expect(foreign instanceof Date).toBe(false);
    expect(london(foreign, 'dd/MM/yyyy HH:mm')).toBe('05/01/2024 09:07');
  });
});

describe('other Utilities', () => {
  it('formatString fills %s, %d and %f', () => {
    const { Utilities } = setup();
    expect(Utilities.formatString('%s has %d overdue (%.1f%%)', 'JJ', 3, 12.345)).toBe(
      'JJ has 3 overdue (12.3%)',
    );
    expect(Utilities.formatString('%03d|%-4s|', 7, 'ab')).toBe('007|ab  |');
  });

  it('sleep advances the fixed clock instead of waiting', () => {
    const { runtime, Utilities } = setup();
    const before = runtime.now().getTime();
    Utilities.sleep(5000);
    expect(runtime.now().getTime() - before).toBe(5000);
  });

  it('newBlob keeps bytes, content type and name', () => {
    const { Utilities } = setup();
    const blob = Utilities.newBlob('Progress £5', 'text/plain', 'notes.txt');
    expect(blob.getDataAsString()).toBe('Progress £5');
    expect(blob.getContentType()).toBe('text/plain');
    expect(blob.getName()).toBe('notes.txt');
    expect(blob.setName('renamed.txt').getName()).toBe('renamed.txt');
    // Java bytes are signed: '£' is 0xC2 0xA3 in UTF-8.
    expect(blob.getBytes().slice(-3)).toEqual([-62, -93, 53]);
    expect(Utilities.newBlob(blob.getBytes()).getDataAsString()).toBe('Progress £5');
  });

  it('base64 encodes strings and byte arrays and decodes back', () => {
    const { Utilities } = setup();
    const encoded = Utilities.base64Encode('Action plan ✓');
    expect(Buffer.from(encoded, 'base64').toString('utf8')).toBe('Action plan ✓');
    expect(Utilities.base64Encode(Utilities.base64Decode(encoded))).toBe(encoded);
  });

  it('computeDigest gives MD5 and SHA-256 as signed bytes', () => {
    const { Utilities } = setup();
    const hex = (bytes: number[]) =>
      bytes.map((b) => ((b + 256) % 256).toString(16).padStart(2, '0')).join('');
    // Published test vectors for "abc" (RFC 1321, FIPS 180-2).
    expect(hex(Utilities.computeDigest(Utilities.DigestAlgorithm.MD5, 'abc'))).toBe(
      '900150983cd24fb0d6963f7d28e17f72',
    );
    expect(hex(Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, 'abc'))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(Utilities.computeDigest(Utilities.DigestAlgorithm.MD5, 'abc').some((b) => b < 0)).toBe(true);
  });

  it('getUuid returns distinct RFC 4122 ids', () => {
    const { Utilities } = setup();
    const a = Utilities.getUuid();
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(Utilities.getUuid()).not.toBe(a);
  });

  it('counts calls through expose and rejects methods the fake lacks', () => {
    const { runtime, Utilities } = setup();
    Utilities.formatDate(WINTER, 'Europe/London', 'yyyy');
    Utilities.newBlob('x').getBytes();
    expect(runtime.calls.snapshot()).toEqual({
      'Blob.getBytes': 1,
      'Utilities.formatDate': 1,
      'Utilities.newBlob': 1,
    });
    expect(() => Utilities.zip([])).toThrow('not implemented in the local Workspace: Utilities.zip');
  });
});
