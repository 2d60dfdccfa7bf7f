/**
 * Plan files as officers have them, read into the grid an officer would paste into the Import sheet: CSV or TSV
 * whatever the extension (the delimiter is detected), UTF-8 with or without a BOM, UTF-16 with a BOM (Excel's
 * "Unicode text"), or Windows-1252 (Excel's "CSV" on Windows); quoted cells with newlines, CRLF, ragged rows.
 *
 * Encodings: valid UTF-8 is UTF-8; otherwise the bytes are read as Windows-1252 with iconv-lite (Node's own
 * TextDecoder reads 'windows-1252' as Latin-1, turning “ and € into control characters). Bytes that
 * Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D), NUL bytes without a UTF-16 BOM, or a zip
 * signature (an .xlsx or .docx) mean the encoding cannot be told: the file is refused with one line, never
 * read as mojibake.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';

export type PlanEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
export type PlanDelimiter = ',' | '\t' | ';' | '|';

export interface PlanFile {
  /** Rectangular: every row as wide as the widest, blank rows at the end dropped. */
  readonly grid: string[][];
  readonly encoding: PlanEncoding;
  readonly bom: boolean;
  readonly delimiter: PlanDelimiter;
}

/** A plan file that cannot be read: the message is one line naming the file. */
export class PlanFileError extends Error {}

const DELIMITERS: readonly PlanDelimiter[] = [',', '\t', ';', '|'];
const UNDEFINED_IN_1252 = [0x81, 0x8d, 0x8f, 0x90, 0x9d];

/** The text of a plan file and the encoding it was in. */
export function decodePlan(
  bytes: Buffer,
  name: string,
): { text: string; encoding: PlanEncoding; bom: boolean } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: bytes.subarray(3).toString('utf8'), encoding: 'utf-8', bom: true };
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: iconv.decode(bytes.subarray(2), 'utf-16le'), encoding: 'utf-16le', bom: true };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: iconv.decode(bytes.subarray(2), 'utf-16be'), encoding: 'utf-16be', bom: true };
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)
    throw new PlanFileError(`plan "${name}" is a zip file (an Excel or Word file?), not CSV or TSV text`);
  const nul = bytes.indexOf(0);
  if (nul >= 0)
    throw new PlanFileError(
      `cannot tell how plan "${name}" is encoded: it has a NUL byte at ${nul} (UTF-16 without a BOM, or not text)`,
    );
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', bom: false };
  } catch {
    const at = bytes.findIndex((b) => UNDEFINED_IN_1252.includes(b));
    if (at >= 0)
      throw new PlanFileError(
        `cannot tell how plan "${name}" is encoded: it is not UTF-8, and byte 0x${bytes[at].toString(16)} at ${at} is not Windows-1252 text; save it as "CSV UTF-8" and try again`,
      );
    return { text: iconv.decode(bytes, 'win1252'), encoding: 'windows-1252', bom: false };
  }
}

function parseWith(text: string, delimiter: PlanDelimiter, to?: number): string[][] {
  return parse(text, {
    delimiter,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    ...(to === undefined ? {} : { to }),
  }) as string[][];
}

/**
 * The delimiter that splits the first records most consistently: the header's width, kept by most rows. A
 * delimiter that leaves the header one column wide never wins over one that splits it.
 */
export function detectDelimiter(text: string): PlanDelimiter {
  let best: { delimiter: PlanDelimiter; score: number } = { delimiter: ',', score: 0 };
  for (const delimiter of DELIMITERS) {
    let rows: string[][];
    try {
      rows = parseWith(text, delimiter, 50).filter((r) => r.some((c) => c.trim() !== ''));
    } catch {
      continue;
    }
    const width = rows[0]?.length ?? 0;
    if (width < 2) continue;
    const consistent = rows.filter((r) => r.length === width).length / rows.length;
    const score = consistent * width;
    if (score > best.score) best = { delimiter, score };
  }
  return best.delimiter;
}

/** A plan's text as a rectangular grid; "\r\n" inside a quoted cell is a line break like "\n". */
export function parsePlanText(text: string, name: string): { grid: string[][]; delimiter: PlanDelimiter } {
  const delimiter = detectDelimiter(text);
  let rows: string[][];
  try {
    rows = parseWith(text, delimiter);
  } catch (error) {
    throw new PlanFileError(`cannot read plan "${name}": ${(error as Error).message}`);
  }
  rows = rows.map((r) => r.map((c) => c.replace(/\r\n?/g, '\n')));
  while (rows.length > 0 && rows[rows.length - 1].every((c) => c.trim() === '')) rows.pop();
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  return { grid: rows.map((r) => [...r, ...new Array<string>(width - r.length).fill('')]), delimiter };
}

/** Reads a plan file. An empty file gives an empty grid: the import says there is nothing to import. */
export function readPlanFile(path: string): PlanFile {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new PlanFileError(`cannot read plan "${path}": ${code === 'ENOENT' ? 'no such file' : code}`);
  }
  const { text, encoding, bom } = decodePlan(bytes, path);
  const { grid, delimiter } = parsePlanText(text, path);
  return { grid, encoding, bom, delimiter };
}
