/**
 * Step 1, read cells: each cell of the plan as the import keeps it. A cell is kept exactly as written, with two
 * exceptions, each reported with the original:
 * - a cell that IS markup is converted to lines of text: it opens with a block tag (`<p>`, `<ul>`, `<div>` ...)
 *   and closes one, or it holds a list with attributes (`<ul style="list-style-type: none">`, what a pasted HTML
 *   list looks like). Prose that mentions tags ("fix the <table> layout", "<b>Urgent</b>: ..."), "2**3" or
 *   "# of complaints" is never touched;
 * - a bullet (• ✓ ► ■ ○ and the like) that marks a list item at the start of a line is removed; one in the
 *   middle of a sentence stays.
 * Line endings are the file's, not the text's: "\r\n" within a cell reads as "\n".
 */

export interface CellText {
  /** What the import keeps: as written, or converted when `converted` is set. */
  readonly text: string;
  /** Only for recognising structure (headers, headings, labels): markup stripped, spacing collapsed, trimmed. */
  readonly plain: string;
  /** What `text` was converted from ('' when kept as written). */
  readonly original: string;
}

export const BLANK_CELL: CellText = { text: '', plain: '', original: '' };

const BLOCK_TAGS = 'p|br|ul|ol|li|div|table|thead|tbody|tr|td|th|h[1-6]|hr|blockquote|dl|dt|dd';
const INLINE_TAGS = 'b|i|u|em|strong|sup|sub|span|a|font|s|strike|small|big|mark|code';
const OPENS_WITH_BLOCK = new RegExp(String.raw`^\s*<(?:${BLOCK_TAGS})\b[^<>]*>`, 'i');
const CLOSES_BLOCK = new RegExp(String.raw`</(?:${BLOCK_TAGS})\s*>`, 'i');
const LIST_WITH_ATTRIBUTES = /<(?:ul|ol)\s+[a-z-]+\s*=\s*(?:"[^"<>]*"|'[^'<>]*')[^<>]*>/i;
const BLOCK_TAG = new RegExp(String.raw`</?(?:${BLOCK_TAGS})\b[^<>]*>`, 'gi');
const INLINE_TAG = new RegExp(String.raw`</?(?:${INLINE_TAGS})\b[^<>]*>`, 'gi');
const BULLET = '[•◦○●▪■□✓✔➢►▶\uf0b7\uf0a7]';
const LINE_START_BULLET = new RegExp(String.raw`^[ \t]*${BULLET}[ \t]+(?=\S)`, 'gm');
const ANY_BULLET = new RegExp(String.raw`(^|\s)${BULLET}(?=\s)`, 'g');

/** Anything plainText or a conversion would change: markup, entities, emphasis, bullets, odd spacing. */
const NEEDS_READING = new RegExp(String.raw`[<&*#\t\n\r\u00a0\u2000-\u200b\u202f]| {2}|^\s|\s$|${BULLET}`);

const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  hellip: '…',
  pound: '£',
  euro: '€',
  bull: '•',
};

function decodeEntity(whole: string, name: string): string {
  if (name[0] === '#') {
    const hex = name[1] === 'x' || name[1] === 'X';
    const code = hex ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  }
  return ENTITIES[name.toLowerCase()] ?? whole;
}

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, decodeEntity);
}

/** True when the whole cell is markup (a pasted HTML list or paragraphs), not prose that mentions a tag. */
export function isMarkup(s: string): boolean {
  return (OPENS_WITH_BLOCK.test(s) && CLOSES_BLOCK.test(s)) || LIST_WITH_ATTRIBUTES.test(s);
}

/** Markup as lines of text: blocks and list items become lines, tags go, entities are decoded. */
export function markupToText(s: string): string {
  const flat = decodeEntities(s.replace(BLOCK_TAG, '\n').replace(INLINE_TAG, '')).replace(ANY_BULLET, '$1\n');
  return flat
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}

/** Removes bullets that mark list items at the start of a line; every other character stays. */
export function withoutListBullets(s: string): string {
  return s.replace(LINE_START_BULLET, '');
}

/** Text for recognising structure: no markup, Markdown emphasis or bullets, spacing collapsed. */
export function plainText(s: string): string {
  return decodeEntities(s.replace(BLOCK_TAG, ' ').replace(INLINE_TAG, ''))
    .replace(/\*\*/g, '')
    .replace(/^\s*#{1,6}\s+/, '')
    .replace(ANY_BULLET, '$1 ')
    .replace(/[\s\u00a0\u2000-\u200b\u202f]+/g, ' ')
    .trim();
}

function isDate(v: unknown): v is Date {
  // Dates from a sheet may come from another realm (a vm context), so instanceof is not enough.
  return Object.prototype.toString.call(v) === '[object Date]' && !Number.isNaN((v as Date).getTime());
}

function isoOf(d: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** A grid value as the text it shows: strings as they are, a Date as its day (YYYY-MM-DD). */
export function valueText(v: unknown): string {
  if (typeof v === 'string') return v.replace(/\r\n?/g, '\n');
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (isDate(v)) return isoOf(v);
  return '';
}

/** One cell as the import keeps it. */
export function readCell(v: unknown): CellText {
  const written = valueText(v);
  if (written.trim() === '') return BLANK_CELL;
  // Most cells are plain words: nothing to convert, and their plain text is the text.
  if (!NEEDS_READING.test(written)) return { text: written, plain: written, original: '' };
  const plain = plainText(written);
  if (isMarkup(written)) {
    const text = markupToText(written);
    return { text, plain, original: text === written ? '' : written };
  }
  const text = withoutListBullets(written);
  return { text, plain, original: text === written ? '' : written };
}

/** Step 1: every cell of the grid, read once. */
export function readCells(grid: readonly (readonly unknown[])[]): CellText[][] {
  return grid.map((row) => row.map(readCell));
}

export function isBlankCell(cell: CellText): boolean {
  return cell.text.trim() === '';
}

export function isBlankRow(cells: readonly CellText[]): boolean {
  return cells.every(isBlankCell);
}

export function startsLowerCase(s: string): boolean {
  return /^[a-z]/.test(s.trimStart());
}

/** A short quotation of a cell for a report line. */
export function excerpt(s: string, length = 60): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > length ? `${one.slice(0, length - 3)}...` : one;
}

/** Joins a continuation to the text above: a space where it carries on a sentence, else a new line. */
export function joinText(above: string, more: string): string {
  if (above === '') return more;
  if (more === '') return above;
  return above + (startsLowerCase(more) ? ' ' : '\n') + more;
}
