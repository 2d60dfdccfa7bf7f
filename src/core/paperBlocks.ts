/**
 * The paper as the renderer writes it, block by block: each line with its named style, each table, and where
 * the appendix starts. The renderer appends these in order and the size estimate counts these, so what is
 * measured is what is written. Lines follow seed 001 ("Report of:", "Date:", numbered sections, "Officer
 * Contact Details" with Name, Title, Contact No. and Email).
 */
import type { AppendixTable, PaperChart, PaperOutline } from './outline';

/** The Docs API's named styles the paper uses (ParagraphStyle.namedStyleType). */
export type LineStyle = 'NORMAL_TEXT' | 'TITLE' | 'SUBTITLE' | 'HEADING_1' | 'HEADING_2';

export interface PaperLine {
  readonly kind: 'line';
  readonly text: string;
  readonly style: LineStyle;
  /** 'END' for the agenda item, set at the right margin; null for the style's own. */
  readonly alignment: 'END' | null;
  /** True for the appendix's first line: the landscape section starts there. */
  readonly appendixStart: boolean;
}

export interface PaperTableBlock {
  readonly kind: 'table';
  readonly table: AppendixTable;
}

/** A Dashboard chart as a picture in a paragraph of its own. */
export interface PaperImage {
  readonly kind: 'image';
  readonly chart: PaperChart;
}

export type PaperBlock = PaperLine | PaperTableBlock | PaperImage;

const line = (text: string, style: LineStyle = 'NORMAL_TEXT', alignment: 'END' | null = null): PaperLine => ({
  kind: 'line',
  text,
  style,
  alignment,
  appendixStart: false,
});

/** A table under its caption, or its "None." line when it has no rows. */
function tableBlocks(table: AppendixTable): PaperBlock[] {
  const caption = table.caption === '' ? [] : [line(table.caption, 'HEADING_2')];
  return [...caption, table.rows.length === 0 ? line(table.empty) : { kind: 'table', table }];
}

function reportBlocks(outline: Omit<PaperOutline, 'size'>): PaperLine[] {
  const { front, contact } = outline;
  const lines: PaperLine[] = [];
  if (front.agendaItem !== '') lines.push(line(front.agendaItem, 'NORMAL_TEXT', 'END'));
  lines.push(
    line(front.committee, 'TITLE'),
    line(front.heading, 'SUBTITLE'),
    line(`Report of: ${front.reportOf}`),
    line(`Date: ${front.date}`),
    line(front.openOrExempt),
    line(front.title, 'HEADING_1'),
  );
  for (const section of outline.sections) {
    lines.push(line(`${section.number}. ${section.heading}`, 'HEADING_2'));
    for (const p of section.paragraphs) {
      lines.push(line(`${p.number}\t${p.label === '' ? '' : `${p.label}: `}${p.text}`));
    }
  }
  lines.push(line('Officer Contact Details', 'HEADING_2'));
  const details: [string, string][] = [
    ['Name: ', contact.name],
    ['Title: ', contact.title],
    ['Contact No. ', contact.phone],
    ['Email: ', contact.email],
  ];
  for (const [label, value] of details) if (value !== '') lines.push(line(label + value));
  return lines;
}

/**
 * Every block of the paper in order: the portrait report, then the landscape appendix with the Dashboard's
 * charts after its summary tables.
 */
export function paperBlocks(outline: Omit<PaperOutline, 'size'>): PaperBlock[] {
  const { appendix } = outline;
  // The summary tables come first; the charts follow them.
  const after = appendix.tables.findIndex((t) => t.kind !== 'summary');
  const summary = after < 0 ? appendix.tables : appendix.tables.slice(0, after);
  const start: PaperLine = {
    ...line(`${appendix.label}: ${appendix.title}`, 'HEADING_1'),
    appendixStart: true,
  };
  return [
    ...reportBlocks(outline),
    start,
    line(appendix.asAt),
    ...appendix.notes.map((note) => line(note)),
    ...summary.flatMap(tableBlocks),
    ...appendix.charts.map((chart): PaperImage => ({ kind: 'image', chart })),
    ...appendix.tables.slice(summary.length).flatMap(tableBlocks),
    ...tableBlocks(appendix.keyTable),
    ...(appendix.glossaryTable.rows.length === 0 ? [] : tableBlocks(appendix.glossaryTable)),
  ];
}
