/**
 * The committee briefing paper as a Google Doc: the dialog, the Paper, Snapshots and Paper log sheets, the Drive
 * folder rule and the DocumentApp rendering of the outline the core builds. Rendering cost: a fixed number of calls
 * for the paper, one appendTable for each appendix table, and two calls per appendix row (the Status cell).
 */
import { fromIsoDate } from '../core/dates';
import type { Settings } from '../core/model';
import { DEFAULT_SETTINGS } from '../core/model';
import type { AppendixTable, PaperForm, PaperOutline, PaperText } from '../core/paper';
import { buildPaper, defaultPaperTexts, paperFormDefaults, validatePaperForm } from '../core/paper';
import type { Snapshot, SnapshotRow } from '../core/snapshots';
import {
  SNAPSHOT_HEADERS,
  lastSnapshot,
  readSnapshotRows,
  snapshotCells,
  snapshotRowsToKeep,
} from '../core/snapshots';
import { missingPermission, permissionMessage } from '../core/permissions';
import { cellDate, cellText } from './cells';
import { guarded, runningUser } from './messages';
import { refreshStatuses } from './register';
import { readSettings } from './settings';
import { activeSpreadsheet, appendRows, ensureSheet } from './sheets';
import { Workbook } from './workbook';

export const PAPER_SHEET = 'Paper';
export const SNAPSHOTS_SHEET = 'Snapshots';
export const PAPER_HEADERS = ['Section', 'Paragraph'] as const;
/** Every paper made, whoever made it: the one place to find them all, since each lives in its maker's Drive. */
export const PAPER_LOG_SHEET = 'Paper log';
export const PAPER_LOG_HEADERS = ['When', 'Paper', 'Link', 'PDF', 'Made by', 'Folder'] as const;

/**
 * User property holding the id of the folder the register made for this officer's papers, per folder name.
 * Per user because under drive.file a folder the app made for one officer is invisible to every other.
 */
export const FOLDER_PROPERTY_PREFIX = 'paperFolderId:';
/** How long a paper waits to record itself while another paper is being recorded. */
const RECORD_WAIT_MS = 30000;
const FOLDER_MIME = 'application/vnd.google-apps.folder';
const PDF_MIME = 'application/pdf';
const SNAPSHOT_DATE_FORMAT = 'dd mmm yyyy';

/**
 * A4 landscape, in points, for the whole document. Docs has one page size per document, and the appendix is
 * most of a paper: seven columns of progress text read in landscape (as seed 000 is laid out) and are cramped
 * in portrait, while the briefing text reads well either way.
 */
const PAGE = { width: 841.89, height: 595.28, margin: 42 };
const HEADER_SHADING = '#d9d9d9';

export interface PaperResult {
  readonly url: string;
  readonly name: string;
  /** The folder the paper went into; null for the user's Drive root. */
  readonly folder: string | null;
  readonly pdfUrl: string | null;
  /** Paper sheet rows that were not used, for the officer to fix. */
  readonly warnings: readonly string[];
}

/** Menu: Generate briefing paper… opens the dialog, prefilled from Settings. */
export function showPaperDialog(): void {
  guarded('Generate briefing paper', () => {
    const template = HtmlService.createTemplateFromFile('PaperDialog');
    template.defaultsJson = scriptJson(getPaperDefaults());
    const html = template.evaluate().setTitle('Generate briefing paper').setWidth(480).setHeight(660);
    SpreadsheetApp.getUi().showModalDialog(html, 'Generate briefing paper');
  });
}

/** The dialog's starting values (google.script.run, and the template above). */
export function getPaperDefaults(): PaperForm {
  const ss = activeSpreadsheet();
  return paperFormDefaults(readSettings(ss, ss.getSpreadsheetTimeZone()).settings);
}

/**
 * google.script.run from the dialog: checks the form again, then makes the Doc (and PDF) and records it. A
 * missing permission reaches the dialog in plain words.
 */
export function generatePaper(formValues: unknown): PaperResult {
  try {
    return makePaper(formValues);
  } catch (error) {
    const missing = missingPermission(error);
    throw missing ? new Error(permissionMessage(missing)) : error;
  }
}

function makePaper(formValues: unknown): PaperResult {
  const form = toForm(formValues);
  const problems = validatePaperForm(form);
  if (problems.length > 0) throw new Error(problems.join(' '));

  const ss = activeSpreadsheet();
  const reading = refreshStatuses(new Workbook(ss));
  const { paper, snapshots } = ensurePaperSheets(ss, reading.settings);
  const settings = reading.settings;
  const recorded = readSnapshotSheet(snapshots, reading.timeZone, settings);
  const { outline, snapshot } = buildPaper({
    settings,
    form,
    texts: readPaperTexts(paper),
    actions: reading.actions,
    decisions: reading.decisions,
    officers: reading.officers,
    ledger: [],
    previous: lastSnapshot(recorded, reading.today),
    today: reading.today,
  });

  const warnings = [...outline.warnings];
  const folder = attempt(
    warnings,
    `The folder "${settings.paperFolderName}" could not be used, so the paper is in your Drive root`,
    () => paperFolder(settings.paperFolderName),
  );
  const doc = DocumentApp.create(outline.name);
  const id = doc.getId();
  const url = doc.getUrl();
  renderPaper(doc.getBody(), outline);
  doc.saveAndClose();
  const placed = folder
    ? attempt(
        warnings,
        `The paper could not be moved into "${folder.name}", so it is in your Drive root`,
        () => {
          moveIntoFolder(id, folder.id);
          return folder;
        },
      )
    : null;
  const pdfUrl = settings.paperPdf
    ? attempt(warnings, 'The PDF was not saved', () => savePdf(id, outline.name, placed?.id ?? 'root'))
    : null;

  const result = { url, name: outline.name, folder: placed?.name ?? null, pdfUrl, warnings };
  const keep = snapshotRowsToKeep(recorded, snapshot);
  if (!recordPaper(ss, result, () => recordSnapshot(snapshots, keep, snapshot, reading.timeZone))) {
    warnings.push(
      'This paper is not in the Snapshots or Paper log sheets: another paper was being recorded at the same ' +
        'moment. The next paper compares with the last one recorded.',
    );
  }
  return result;
}

/** Runs a Drive step the paper can do without: on failure the officer is told why, and keeps the paper. */
function attempt<T>(warnings: string[], what: string, step: () => T): T | null {
  try {
    return step();
  } catch (error) {
    const missing = missingPermission(error);
    const reason = missing
      ? permissionMessage(missing)
      : error instanceof Error
        ? error.message
        : String(error);
    warnings.push(`${what} (${reason.replace(/\.$/, '')}).`);
    return null;
  }
}

/** A PDF of the saved Doc beside it; its link. */
function savePdf(docId: string, name: string, parentId: string): string {
  const blob = DocumentApp.openById(docId).getAs(PDF_MIME).setName(`${name}.pdf`);
  const pdf = drive().Files.create({ name: `${name}.pdf`, mimeType: PDF_MIME, parents: [parentId] }, blob);
  return `https://drive.google.com/file/d/${pdf.id}/view`;
}

/**
 * The Paper sheet (section texts officers keep, created with the default texts) and the Snapshots sheet
 * (what each paper reported). Existing sheets are left as they are.
 */
export function ensurePaperSheets(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  settings: Settings = DEFAULT_SETTINGS,
): { paper: GoogleAppsScript.Spreadsheet.Sheet; snapshots: GoogleAppsScript.Spreadsheet.Sheet } {
  const existed = ss.getSheetByName(PAPER_SHEET) !== null;
  const paper = ensureSheet(ss, PAPER_SHEET, PAPER_HEADERS);
  if (!existed) {
    const rows = defaultPaperTexts(settings).map((t) => [t.section, t.text]);
    paper.getRange(2, 1, rows.length, 2).setValues(rows);
    paper.setColumnWidth(1, 260).setColumnWidth(2, 720);
    paper.getRange(2, 2, rows.length, 1).setWrap(true);
  }
  const snapshots = ensureSheet(ss, SNAPSHOTS_SHEET, SNAPSHOT_HEADERS);
  return { paper, snapshots };
}

/** The Paper sheet's rows, one getValues; columns found by header. */
export function readPaperTexts(sheet: GoogleAppsScript.Spreadsheet.Sheet): PaperText[] {
  const [header = [], ...rows] = sheet.getDataRange().getValues();
  const find = (...names: string[]): number =>
    header.findIndex((h) => names.includes(cellText(h).toLowerCase()));
  const section = find('section');
  const text = find('paragraph', 'text', 'paragraph text');
  if (section < 0 || text < 0) return [];
  return rows.map((row) => ({ section: cellText(row[section]), text: cellText(row[text]) }));
}

function readSnapshotSheet(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  timeZone: string,
  settings: Settings,
): SnapshotRow[] {
  const [header = [], ...rows] = sheet.getDataRange().getValues();
  const text = (v: unknown): string => (v instanceof Date ? (cellDate(v, timeZone) ?? '') : cellText(v));
  return readSnapshotRows(
    header.map(text),
    rows.map((row) => row.map(text)),
    settings,
  );
}

/**
 * Records the paper under the document lock, so two papers made at once do not interleave their rows: what it
 * reported (Snapshots) and where it is (Paper log). False when the lock stayed taken.
 */
function recordPaper(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  paper: Omit<PaperResult, 'warnings'>,
  snapshot: () => void,
): boolean {
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(RECORD_WAIT_MS)) return false;
  try {
    snapshot();
    const log = ensureSheet(ss, PAPER_LOG_SHEET, PAPER_LOG_HEADERS);
    const row = [
      new Date(),
      paper.name,
      paper.url,
      paper.pdfUrl ?? '',
      runningUser(),
      paper.folder ?? 'My Drive',
    ];
    appendRows(log, [row], ['dd mmm yyyy hh:mm', '@', '@', '@', '@', '@']);
    return true;
  } finally {
    lock.releaseLock();
  }
}

/** Rewrites Snapshots with the rows the next paper compares with (the last paper and this one), header included. */
function recordSnapshot(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  keep: readonly SnapshotRow[],
  current: Snapshot,
  timeZone: string,
): void {
  if (current.rows.length === 0) return;
  const asCell = (v: string | number, column: number): unknown =>
    (column === 0 || column === 4) && typeof v === 'string' && v !== '' ? fromIsoDate(v, timeZone) : v;
  const rows = [[...SNAPSHOT_HEADERS], ...keep.map((row) => snapshotCells(row).map(asCell))];
  sheet.clearContents();
  const maxRows = sheet.getMaxRows();
  if (rows.length > maxRows) sheet.insertRowsAfter(maxRows, rows.length - maxRows);
  const range = sheet.getRange(1, 1, rows.length, SNAPSHOT_HEADERS.length);
  // Ids, refs and fingerprints stay text: Sheets would read "1.10" as the number 1.1.
  range.setNumberFormats(
    rows.map(() => [SNAPSHOT_DATE_FORMAT, '@', '@', '@', SNAPSHOT_DATE_FORMAT, '0', '@']),
  );
  range.setValues(rows);
}

function toForm(value: unknown): PaperForm {
  const v = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const text = (key: keyof PaperForm): string =>
    typeof v[key] === 'string' ? (v[key] as string).trim() : '';
  return {
    committee: text('committee'),
    meetingDate: text('meetingDate'),
    agendaItem: text('agendaItem'),
    reportAuthor: text('reportAuthor'),
    reportAuthorTitle: text('reportAuthorTitle'),
    openOrExempt: text('openOrExempt'),
    paperTitle: text('paperTitle'),
  };
}

/** JSON safe inside a <script> element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

// ---------------------------------------------------------------------------------------------------------
// Drive: the drive.file scope sees only files this app made, so the folder is one the app made itself.

function drive(): GoogleAppsScript.Drive {
  if (typeof Drive === 'undefined' || !Drive) {
    throw new Error('The Drive advanced service is not enabled for this script (appsscript.json).');
  }
  return Drive;
}

/**
 * The folder named in Settings in the running officer's own Drive, made by the app the first time and
 * remembered by id in their user properties; null (their Drive root) when Settings name none. A remembered
 * folder that was deleted, trashed or cannot be seen is made again. Each officer has their own: under drive.file
 * the app cannot see a folder it made for someone else (the Paper log lists every paper, whoever made it).
 */
function paperFolder(name: string): { id: string; name: string } | null {
  const wanted = name.trim();
  if (wanted === '') return null;
  const properties = PropertiesService.getUserProperties();
  const key = FOLDER_PROPERTY_PREFIX + wanted;
  // Earlier versions kept one folder per spreadsheet in document properties: its maker keeps using it.
  const known = [properties.getProperty(key), PropertiesService.getDocumentProperties().getProperty(key)];
  const usable = known.find((id) => id !== null && isLiveFolder(id));
  const id = usable ?? makeFolder(wanted);
  if (id !== known[0]) properties.setProperty(key, id);
  return { id, name: wanted };
}

function isLiveFolder(id: string): boolean {
  try {
    return drive().Files.get(id, { fields: 'id,trashed' }).trashed !== true;
  } catch (error) {
    if (missingPermission(error)) throw error;
    return false; // Deleted, or not this officer's to see.
  }
}

function makeFolder(name: string): string {
  const folder = drive().Files.create({ name, mimeType: FOLDER_MIME });
  if (!folder.id) throw new Error(`Drive did not return an id for the folder "${name}".`);
  return folder.id;
}

/** DocumentApp makes new Docs in the Drive root: move it with the advanced service (never DriveApp). */
function moveIntoFolder(fileId: string, folderId: string): void {
  const files = drive().Files;
  const parents = files.get(fileId, { fields: 'parents' }).parents ?? [];
  // Drive.Files.update takes no media here; Apps Script accepts null in its place.
  const noMedia = null as unknown as GoogleAppsScript.Base.Blob;
  files.update({}, fileId, noMedia, { addParents: folderId, removeParents: parents.join(','), fields: 'id' });
}

// ---------------------------------------------------------------------------------------------------------
// Rendering.

/** Writes the outline into an empty document body. */
export function renderPaper(body: GoogleAppsScript.Document.Body, outline: PaperOutline): void {
  const H = DocumentApp.ParagraphHeading;
  const A = DocumentApp.HorizontalAlignment;
  body
    .setPageWidth(PAGE.width)
    .setPageHeight(PAGE.height)
    .setMarginTop(PAGE.margin)
    .setMarginBottom(PAGE.margin)
    .setMarginLeft(PAGE.margin)
    .setMarginRight(PAGE.margin);

  // A new document starts with one empty paragraph: the first line goes into it rather than under it.
  let first: GoogleAppsScript.Document.Paragraph | null = body.getParagraphs()[0] ?? null;
  const line = (
    text: string,
    heading?: GoogleAppsScript.Document.ParagraphHeading,
  ): GoogleAppsScript.Document.Paragraph => {
    let paragraph: GoogleAppsScript.Document.Paragraph;
    if (first) {
      paragraph = first;
      first.setText(text); // returns nothing in Apps Script
      first = null;
    } else {
      paragraph = body.appendParagraph(text);
    }
    if (heading !== undefined) paragraph.setHeading(heading);
    return paragraph;
  };

  const { front } = outline;
  if (front.agendaItem !== '') line(front.agendaItem).setAlignment(A.RIGHT);
  line(front.committee, H.TITLE);
  line(front.heading, H.SUBTITLE);
  line(`Report of: ${front.reportOf}`);
  line(`Date: ${front.date}`);
  line(front.openOrExempt);
  line(front.title, H.HEADING1);

  for (const section of outline.sections) {
    line(`${section.number}. ${section.heading}`, H.HEADING2);
    for (const p of section.paragraphs) {
      line(`${p.number}\t${p.label === '' ? '' : `${p.label}: `}${p.text}`);
    }
  }

  line('Officer Contact Details', H.HEADING2);
  line(`Name: ${outline.contact.name}`);
  if (outline.contact.title !== '') line(`Title: ${outline.contact.title}`);
  if (outline.contact.email !== '') line(`Email: ${outline.contact.email}`);

  body.appendPageBreak();
  const { appendix } = outline;
  line(`${appendix.label}: ${appendix.title}`, H.HEADING1);
  line(appendix.asAt);
  for (const table of appendix.tables) {
    if (table.caption !== '') line(table.caption, H.HEADING2);
    if (table.rows.length === 0) line('None.');
    else appendixTable(body, table, outline);
  }

  line('Key', H.HEADING2);
  const key = body.appendTable([['', 'Action Status'], ...appendix.key.map((s) => ['', s.label])]);
  key.setColumnWidth(0, 36).setColumnWidth(1, 240);
  key.getRow(0).setAttributes({ [DocumentApp.Attribute.BOLD]: true });
  appendix.key.forEach((style, i) => {
    key.getCell(i + 1, 0).setBackgroundColor(style.background);
  });
}

/** One appendTable of the whole grid; then fixed styling, and the Status cell of each row (two calls). */
function appendixTable(
  body: GoogleAppsScript.Document.Body,
  table: AppendixTable,
  outline: PaperOutline,
): void {
  const grid = [[...table.header], ...table.rows.map((r) => [...r.cells])];
  const docTable = body.appendTable(grid);
  docTable.setAttributes({ [DocumentApp.Attribute.FONT_SIZE]: 9 });
  const share = (PAGE.width - 2 * PAGE.margin) / table.widths.reduce((a, b) => a + b, 0);
  table.widths.forEach((width, column) => docTable.setColumnWidth(column, width * share));
  docTable.getRow(0).setAttributes({ [DocumentApp.Attribute.BOLD]: true });
  table.header.forEach((_, column) => docTable.getCell(0, column).setBackgroundColor(HEADER_SHADING));
  table.rows.forEach((row, i) => {
    if (row.status === null || table.statusColumn < 0) return;
    const style = outline.appendix.styles[row.status];
    docTable.getCell(i + 1, table.statusColumn).setAttributes({
      [DocumentApp.Attribute.BACKGROUND_COLOR]: style.background,
      [DocumentApp.Attribute.FOREGROUND_COLOR]: style.fontColor,
    });
  });
}
