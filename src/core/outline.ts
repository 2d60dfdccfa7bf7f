/**
 * The committee paper as plain data: what a renderer needs to write the Google Doc, and nothing it must decide.
 * The report (front matter, numbered sections, contact details) is portrait; the appendix is landscape.
 */
import type { ChartKey } from './dashboard';
import type { IsoDate, StatusKey, StatusStyle } from './model';

/** One row of the Paper sheet: the section it belongs to and one paragraph of text. */
export interface PaperText {
  readonly section: string;
  readonly text: string;
}

export interface PaperFront {
  readonly committee: string;
  readonly heading: string;
  /** "Jan Pryor, Policy & Performance Officer": the author's name and title. */
  readonly reportOf: string;
  /** "Thursday, 15th April 2010", as the council's papers date the meeting (seed 001). */
  readonly date: string;
  readonly openOrExempt: 'Open' | 'Exempt';
  /** "Agenda Item No. 7", or '' when no item is set. */
  readonly agendaItem: string;
  readonly title: string;
}

export interface PaperParagraph {
  /** "1.1", "8.3" */
  readonly number: string;
  /** A lead-in shown before the text, e.g. "Resources" in 8.1; '' for none. */
  readonly label: string;
  readonly text: string;
}

export interface PaperSection {
  readonly number: string;
  readonly heading: string;
  readonly paragraphs: readonly PaperParagraph[];
}

/** "Officer Contact Details" (seed 001): each line is shown only when it has a value. */
export interface OfficerContact {
  readonly name: string;
  readonly title: string;
  readonly phone: string;
  readonly email: string;
}

export type AppendixTableKind =
  'summary' | 'extensions' | 'pastLimit' | 'progress' | 'completedOneLine' | 'key' | 'glossary';

/** One table row: its cells' texts (a "\n" starts a new line in the cell) and the status that colours it. */
export interface AppendixRow {
  readonly cells: readonly string[];
  /** The status whose colour the table's status cell takes; null for rows that have none (totals). */
  readonly status: StatusKey | null;
}

export interface AppendixTable {
  readonly kind: AppendixTableKind;
  /** Shown above the table as a heading; '' for none. */
  readonly caption: string;
  readonly header: readonly string[];
  readonly rows: readonly AppendixRow[];
  /** Relative column widths, one per column: the renderer shares the table's width out in these proportions. */
  readonly widths: readonly number[];
  /** The share of the (landscape) text width the table takes: 1 is the full width. */
  readonly widthShare: number;
  /** The column whose cells take each row's status colour; -1 when no cell is coloured. */
  readonly statusColumn: number;
  /** Shown instead of the table when it has no rows (a table with no rows is not rendered). */
  readonly empty: string;
}

/** A Dashboard chart the paper shows, by which chart it is and the alternative text its picture carries. */
export interface PaperChart {
  readonly key: ChartKey;
  readonly title: string;
}

export interface GlossaryEntry {
  readonly abbreviation: string;
  readonly meaning: string;
}

export interface PaperAppendix {
  /** "Appendix 1" */
  readonly label: string;
  readonly title: string;
  /** "Progress as at 15 Apr 2010" */
  readonly asAt: string;
  /** Paragraphs under the title: what was shortened to fit a Google Doc, and why. */
  readonly notes: readonly string[];
  /** In order: the summary, extensions for the committee, actions past the limit, the progress report. */
  readonly tables: readonly AppendixTable[];
  /** The status key (seed 000): the four statuses, and Closed when an action is closed. */
  readonly key: readonly StatusStyle[];
  /** The key as a table: a colour cell and the label, rendered after the last table. */
  readonly keyTable: AppendixTable;
  /** Abbreviations, rendered after the key ("CMT – Corporate Management Team"). */
  readonly glossary: readonly GlossaryEntry[];
  /** The glossary as a table of abbreviation and meaning (as seeds 002 and 003 set theirs out); no rows when none. */
  readonly glossaryTable: AppendixTable;
  /** Every status's label and colours, for colouring the status cells. */
  readonly styles: Readonly<Record<StatusKey, StatusStyle>>;
  /** The Dashboard's charts shown after the summary tables, as pictures: the status chart, then the trend. */
  readonly charts: readonly PaperChart[];
}

export type PageOrientation = 'portrait' | 'landscape';

/** How much of a Google Doc the paper fills, and what was shortened to fit. */
export interface PaperSize {
  /** Estimated length of the document in Docs index units (characters plus one per paragraph, cell and row). */
  readonly estimate: number;
  /** The most the paper may hold: Google Docs' limit less room for what the renderer adds. */
  readonly budget: number;
  /** Completed or closed actions unchanged since the last paper, listed in one line each. */
  readonly oneLine: number;
  /** Actions whose progress text was cut short (the register keeps it in full). */
  readonly progressShortened: number;
  /** Actions left out of the appendix altogether. */
  readonly omitted: number;
}

export interface PaperOutline {
  /** The document's name in Drive. */
  readonly name: string;
  readonly front: PaperFront;
  readonly sections: readonly PaperSection[];
  readonly contact: OfficerContact;
  readonly appendix: PaperAppendix;
  /** The report reads in portrait and the appendix in landscape, after a next-page section break. */
  readonly layout: { readonly report: PageOrientation; readonly appendix: PageOrientation };
  readonly size: PaperSize;
  /** Paper sheet rows that name no section of the paper: shown to the officer, never silently dropped. */
  readonly warnings: readonly string[];
  /** The day the paper was made (the as-at date of its progress). */
  readonly today: IsoDate;
}
