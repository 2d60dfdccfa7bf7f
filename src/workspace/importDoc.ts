/**
 * Import plan from a Google Doc: the officer pastes the Doc's link; its tables and the paragraphs between them are
 * read into a grid (src/core/planDocument.ts says how) and imported with the rules, report and re-import of the
 * Import sheet. The Doc is only read: nothing here edits it.
 *
 * Service calls: per body element getChild and getType, then getText for a paragraph (and getNumChildren when it
 * is empty, to pass over a page break); per table getNumRows, per row getRow and getNumCells, per cell getCell and
 * getText, and getRowSpan only for an empty cell and the cell above a merged-over one. DocumentApp reads a cell at
 * a time; there is no call that returns a table's cells.
 */
import { fileIdOf, paragraphRows, rectangular, tableRows } from '../core/planDocument';
import type { TableReader } from '../core/planDocument';
import { importWithQuestions } from './actions';
import { guarded } from './messages';
import { Workbook } from './workbook';

type Document = GoogleAppsScript.Document.Document;
type Element = GoogleAppsScript.Document.Element;
type Table = GoogleAppsScript.Document.Table;
type TableRow = GoogleAppsScript.Document.TableRow;
type TableCell = GoogleAppsScript.Document.TableCell;

const TITLE = 'Import plan from a Google Doc';

const ASK =
  'Paste the link of the Google Doc that holds the action plan. A Word file must first be opened in Google Docs ' +
  'and saved as a Google Doc (File › Save as Google Docs). The Doc is only read, never changed.';

const HOW_TO_LINK =
  'In the Doc, choose Share › Copy link, or copy the address from the browser, and paste it here.';

const HOW_TO_OPEN =
  'Check that the Doc is yours or shared with you. If the link is to a Word file, open it in Google Docs, ' +
  'choose File › Save as Google Docs, and paste the link of the new Doc.';

/** Menu: Import plan from a Google Doc… */
export function importPlanFromDoc(): void {
  const ui = SpreadsheetApp.getUi();
  const answer = ui.prompt(TITLE, ASK, ui.ButtonSet.OK_CANCEL);
  if (answer.getSelectedButton() !== ui.Button.OK) return;
  const link = answer.getResponseText().trim();
  const id = fileIdOf(link);
  if (id === null) {
    const said = link === '' ? 'No link was pasted' : `“${excerpt(link)}” is not the link of a Google Doc`;
    ui.alert(TITLE, `${said}, so nothing was imported.\n\n${HOW_TO_LINK}`, ui.ButtonSet.OK);
    return;
  }
  const opened = openDoc(id);
  if (typeof opened === 'string') {
    const cannot = 'The Google Doc at that link cannot be opened with your account, so nothing was imported.';
    ui.alert(TITLE, `${cannot}\n\n${HOW_TO_OPEN}\n\nGoogle said: ${opened}`, ui.ButtonSet.OK);
    return;
  }
  guarded(TITLE, () =>
    importWithQuestions(new Workbook(), TITLE, planGrid(opened), `the Google Doc “${opened.getName()}”`),
  );
}

/**
 * The Doc, or Google's reason it cannot be opened (missing, not a Google Doc, not shared with this officer). By id,
 * not by URL: openByUrl refuses the Drive links and the bare Doc links officers also paste.
 */
function openDoc(id: string): Document | string {
  try {
    return DocumentApp.openById(id);
  } catch (error) {
    return messageOf(error);
  }
}

/** An error's own words; duck-typed, as an error from a Google service need not be this script's Error. */
function messageOf(error: unknown): string {
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : String(error);
}

/** The Doc's tables and the paragraphs between them, in document order, as the import's grid. */
function planGrid(doc: Document): string[][] {
  const body = doc.getBody();
  const rows: string[][] = [];
  const count = body.getNumChildren();
  for (let i = 0; i < count; i++) rows.push(...blockRows(body.getChild(i)));
  return rectangular(rows);
}

/** What the block at one place of the body gives: a table's rows, a paragraph's lines, or nothing. */
function blockRows(element: Element): string[][] {
  const type = element.getType();
  // getChild hands back the element itself (a Table, Paragraph or ListItem): the reference's examples call its own
  // methods on it, and the asTable() / asParagraph() casts would each be another service call.
  if (type === DocumentApp.ElementType.TABLE) return tableRows(tableReader(element as unknown as Table));
  if (type !== DocumentApp.ElementType.PARAGRAPH && type !== DocumentApp.ElementType.LIST_ITEM) return [];
  const paragraph = element as unknown as GoogleAppsScript.Document.Paragraph;
  const text = paragraph.getText();
  // An empty paragraph with children holds a page break (or a rule or picture): no text, no row.
  if (text === '' && paragraph.getNumChildren() > 0) return [];
  return paragraphRows(text);
}

/** Reads a table through DocumentApp, each row and cell fetched once. */
function tableReader(table: Table): TableReader {
  const rows = new Map<number, TableRow>();
  const cells = new Map<string, TableCell>();
  const row = (r: number): TableRow => remember(rows, r, () => table.getRow(r));
  const cell = (r: number, c: number): TableCell => remember(cells, `${r},${c}`, () => row(r).getCell(c));
  return {
    rows: table.getNumRows(),
    cells: (r) => row(r).getNumCells(),
    text: (r, c) => cell(r, c).getText(),
    rowSpan: (r, c) => cell(r, c).getRowSpan(),
  };
}

function remember<K, V>(memo: Map<K, V>, key: K, read: () => V): V {
  let value = memo.get(key);
  if (value === undefined) {
    value = read();
    memo.set(key, value);
  }
  return value;
}

function excerpt(text: string): string {
  const line = text.replace(/\s+/g, ' ');
  return line.length > 60 ? `${line.slice(0, 57)}...` : line;
}
