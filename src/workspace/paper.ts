/**
 * The committee briefing paper as a Google Doc: the dialog, the Paper, Snapshots and Paper log sheets, the Drive
 * folder rule and the rendering of the outline the core builds. Rendering cost does not grow with the plan: one
 * DocumentApp call a line of the report and one appendTable a table, then one documents.get and one
 * documents.batchUpdate that set the portrait report and landscape appendix and style every table.
 */
import { fromIsoDate } from '../core/dates';
import type { Settings } from '../core/model';
import { DEFAULT_SETTINGS } from '../core/model';
import type { PaperForm, PaperOutline, PaperText } from '../core/paper';
import { buildPaper, defaultPaperTexts, paperFormDefaults, validatePaperForm } from '../core/paper';
import type { PaperBlock, PaperLine, PaperTableBlock } from '../core/paperBlocks';
import { paperBlocks } from '../core/paperBlocks';
import type { PlacedLine, PlacedTable } from '../core/paperRequests';
import { paperRequests } from '../core/paperRequests';
import type { Snapshot, SnapshotRow } from '../core/snapshots';
import {
  SNAPSHOT_HEADERS,
  lastSnapshot,
  readSnapshotRows,
  snapshotCells,
  snapshotRowsToKeep,
} from '../core/snapshots';
import { missingPermission, permissionMessage } from '../core/permissions';
import type { StatusCounts } from '../core/committee';
import { PAPER_LOG_HEADERS, paperCountCells, statusCounts } from '../core/dashboard';
import { STATUS_KEYS } from '../core/model';
import { cellDate, cellText } from './cells';
import type { DashboardCharts } from './dashboard';
import { PAPER_LOG_SHEET, dashboardCharts } from './dashboard';
import { guarded, runningUser } from './messages';
import { refreshStatuses } from './register';
import { readSettings } from './settings';
import { activeSpreadsheet, appendRows, ensureSheet, styleHeader } from './sheets';
import { Workbook } from './workbook';
import { scriptJson } from './html';
import { whileHolding } from './locks';

export const PAPER_SHEET = 'Paper';
export const SNAPSHOTS_SHEET = 'Snapshots';
export const PAPER_HEADERS = ['Section', 'Paragraph'] as const;
/** The Paper log (src/workspace/dashboard.ts reads it for the trend), as set-up and the paper name it. */
export { PAPER_LOG_HEADERS, PAPER_LOG_SHEET };

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

  docsApi();
  const ss = activeSpreadsheet();
  const wb = new Workbook(ss);
  const reading = refreshStatuses(wb);
  const charts = dashboardCharts(wb);
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
    ledger: reading.ledger,
    previous: lastSnapshot(recorded, reading.today),
    today: reading.today,
    charts: [...charts.keys()],
  });

  const warnings = [...outline.warnings];
  const folder = attempt(
    warnings,
    `The folder "${settings.paperFolderName}" could not be used, so the paper is in your Drive root`,
    () => paperFolder(settings.paperFolderName, wb.documentProperties()),
  );
  const blocks = paperBlocks(outline);
  const doc = DocumentApp.create(outline.name);
  const id = doc.getId();
  const url = doc.getUrl();
  writePaper(doc.getBody(), blocks, charts);
  // The Docs API sees DocumentApp's edits only once they are saved.
  doc.saveAndClose();
  stylePaper(id, outline, blocks);
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
  const counts = statusCounts(snapshot.rows.map((row) => row.status));
  if (!recordPaper(ss, result, counts, () => recordSnapshot(snapshots, keep, snapshot, reading.timeZone))) {
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

/**
 * The Paper log, made by set-up with its header; a log made before it counted each paper's actions by status
 * gains the count columns' headers.
 */
export function ensurePaperLog(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
): GoogleAppsScript.Spreadsheet.Sheet {
  const existing = ss.getSheetByName(PAPER_LOG_SHEET);
  if (!existing) return ensureSheet(ss, PAPER_LOG_SHEET, PAPER_LOG_HEADERS);
  const width = PAPER_LOG_HEADERS.length;
  const maxColumns = existing.getMaxColumns();
  if (maxColumns < width) existing.insertColumnsAfter(maxColumns, width - maxColumns);
  const header = existing.getRange(1, 1, 1, width);
  const cells = header.getValues()[0].map((v) => cellText(v));
  if (cells.some((c, i) => c === '' && PAPER_LOG_HEADERS[i] !== '')) {
    header.setValues([cells.map((c, i) => c || PAPER_LOG_HEADERS[i])]);
    styleHeader(existing, width);
  }
  return existing;
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
  counts: StatusCounts,
  snapshot: () => void,
): boolean {
  return whileHolding(
    LockService.getDocumentLock(),
    RECORD_WAIT_MS,
    () => {
      snapshot();
      const log = ensureSheet(ss, PAPER_LOG_SHEET, PAPER_LOG_HEADERS);
      const row = [
        new Date(),
        paper.name,
        paper.url,
        paper.pdfUrl ?? '',
        runningUser(),
        paper.folder ?? 'My Drive',
        ...paperCountCells(counts),
      ];
      appendRows(log, [row], ['dd mmm yyyy hh:mm', '@', '@', '@', '@', '@', ...STATUS_KEYS.map(() => '0')]);
      return true;
    },
    () => false,
  );
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
function paperFolder(
  name: string,
  documentProperties: Readonly<Record<string, string>>,
): { id: string; name: string } | null {
  const wanted = name.trim();
  if (wanted === '') return null;
  const properties = PropertiesService.getUserProperties();
  const key = FOLDER_PROPERTY_PREFIX + wanted;
  // Earlier versions kept one folder per spreadsheet in document properties: its maker keeps using it.
  const known = [properties.getProperty(key), documentProperties[key] ?? null];
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
// Rendering: DocumentApp writes the text, one call a line and one appendTable a table; the advanced Docs service
// then reads where everything landed (one documents.get) and styles it all (one documents.batchUpdate).

function docsApi(): GoogleAppsScript.Docs {
  if (typeof Docs === 'undefined' || !Docs) {
    throw new Error('The Docs advanced service is not enabled for this script (appsscript.json).');
  }
  return Docs;
}

/**
 * Writes the blocks into a new document's body, the first line into the empty paragraph it starts with; a chart
 * as its PNG in a paragraph of its own.
 */
function writePaper(
  body: GoogleAppsScript.Document.Body,
  blocks: readonly PaperBlock[],
  charts: DashboardCharts,
): void {
  blocks.forEach((block, i) => {
    if (block.kind === 'image') {
      const chart = charts.get(block.chart.key);
      if (chart) body.appendImage(chart.getBlob()).setAltTitle(block.chart.title);
    } else if (block.kind === 'table') {
      body.appendTable([[...block.table.header], ...block.table.rows.map((r) => [...r.cells])]);
    } else if (i === 0) {
      body.setText(block.text);
    } else {
      body.appendParagraph(block.text);
    }
  });
}

type TextBlock = PaperLine | PaperTableBlock;

/** What documents.get returns of the body's top level: indexes, paragraph text and which elements are tables. */
const STRUCTURE_FIELDS = 'body/content(startIndex,endIndex,paragraph/elements/textRun/content,table/rows)';

type StructuralElement = GoogleAppsScript.Docs.Schema.StructuralElement;

const paragraphText = (element: StructuralElement): string =>
  (element.paragraph?.elements ?? []).map((e) => e.textRun?.content ?? '').join('');

/**
 * Finds each written block in the document's top level, in order: a line is as many paragraphs as it has lines,
 * with its text; a table is the next table. Empty paragraphs Docs adds (after a table) are stepped over.
 */
function placeBlocks(
  content: readonly StructuralElement[],
  blocks: readonly TextBlock[],
): { startIndex: number; endIndex: number }[] {
  // Only paragraphs and tables were written; the section break Docs opens every body with is neither.
  const elements = content.filter((e) => e.paragraph !== undefined || e.table !== undefined);
  let at = 0;
  const fail = (block: TextBlock): never => {
    const what = block.kind === 'table' ? `the table "${block.table.caption}"` : `the line "${block.text}"`;
    throw new Error(`The paper's Doc does not hold ${what} where it was written.`);
  };
  return blocks.map((block) => {
    for (;;) {
      const element = elements[at];
      if (!element) return fail(block);
      if (block.kind === 'table') {
        if (element.table) {
          at++;
          return { startIndex: element.startIndex ?? 0, endIndex: element.endIndex ?? 0 };
        }
      } else {
        const count = block.text.split('\n').length;
        const lines = elements.slice(at, at + count);
        const text = lines.map(paragraphText).join('');
        if (lines.length === count && lines.every((e) => e.paragraph) && text === `${block.text}\n`) {
          at += count;
          return { startIndex: lines[0].startIndex ?? 0, endIndex: lines[count - 1].endIndex ?? 0 };
        }
      }
      if (element.paragraph && paragraphText(element) === '\n') at++;
      else return fail(block);
    }
  });
}

/** One documents.get for the indexes, then one documents.batchUpdate with every style of the paper. */
function stylePaper(id: string, outline: PaperOutline, written: readonly PaperBlock[]): void {
  // A picture needs no style, and its paragraph reads as an empty one: it is stepped over like one.
  const blocks = written.filter((b): b is TextBlock => b.kind !== 'image');
  const docs = docsApi();
  const content = docs.Documents.get(id, { fields: STRUCTURE_FIELDS }).body?.content ?? [];
  const placed = placeBlocks(content, blocks);
  const lines: PlacedLine[] = [];
  const tables: PlacedTable[] = [];
  let appendixStart = -1;
  blocks.forEach((block, i) => {
    if (block.kind === 'table') tables.push({ table: block.table, ...placed[i] });
    else {
      lines.push({ style: block.style, alignment: block.alignment, ...placed[i] });
      if (block.appendixStart) appendixStart = placed[i].startIndex;
    }
  });
  const requests = paperRequests({ tables, lines, appendixStart, styles: outline.appendix.styles });
  // The typings' Request has no table or section requests, which the API has: the requests go as they are.
  const batch = { requests } as unknown as GoogleAppsScript.Docs.Schema.BatchUpdateDocumentRequest;
  docs.Documents.batchUpdate(batch, id);
}
