import { REGISTER_COLUMNS, describeMissing, matchRegisterColumns } from '../core/headers';
import type { ColumnKey } from '../core/headers';
import { COMPUTED_FIELDS } from '../core/record';
import { STATUS_KEYS } from '../core/model';
import type { Settings } from '../core/model';
import { missingPermission, permissionMessage } from '../core/permissions';
import { cellText } from './cells';
import { EXTENSIONS_SHEET, ensureExtensionsSheet } from './extensions';
import { HISTORY_HEADERS, ensureHistorySheet } from './history';
import { runningUser } from './messages';
import { DASHBOARD_SHEET, ensureDashboardSheet } from './dashboard';
import { PAPER_LOG_SHEET, PAPER_SHEET, SNAPSHOTS_SHEET, ensurePaperLog, ensurePaperSheets } from './paper';
import { ensureRecordSheet } from './record';
import { SIGN_OFF_SHEET, ensureSignOffSheet } from './signoff';
import { RegisterError, readRegisterGrid } from './register';
import { KLOE_COLUMN, ensureOfficersSheet, ensureSettingsSheet } from './settings';
import { SHEET, TEXT_FORMAT, ensureSheet, plainTextBody, styleHeader } from './sheets';
import { Workbook } from './workbook';
import { whileHolding } from './locks';

export const EDIT_HANDLER = 'onRegisterEdit';
export const CHANGE_HANDLER = 'onRegisterChange';
/** Document property naming the one edit trigger of this spreadsheet and its owner: {"id", "owner"}. */
export const EDIT_TRIGGER_KEY = 'register.editTrigger';
/** The same for the change trigger, which records deleted rows. */
export const CHANGE_TRIGGER_KEY = 'register.changeTrigger';
const RULE_LABELS_KEY = 'register.statusRuleLabels';
/** How long set-up waits for another editor's set-up to finish before giving up. */
const SETUP_WAIT_MS = 30000;
const PROTECTION_PREFIX = 'Action Plan: computed column';

const DATE_COLUMNS: readonly ColumnKey[] = ['dueDate', 'revisedDueDate', 'lastUpdated', 'completedOn'];
/** Columns of free text, kept as written ('@'). */
export const TEXT_COLUMNS: readonly ColumnKey[] = [
  'id',
  'ref',
  'source',
  'kloe',
  'recommendation',
  'action',
  'priority',
  'timescale',
  'extensionReason',
  'lead',
  'progress',
];
const WIDTHS: Partial<Record<ColumnKey, number>> = {
  ref: 60,
  kloe: 180,
  recommendation: 220,
  action: 320,
  timescale: 220,
  dueDate: 100,
  revisedDueDate: 100,
  lead: 110,
  progress: 380,
  lastUpdated: 100,
  status: 170,
  completedOn: 100,
  extensions: 80,
  priority: 90,
  source: 160,
  extensionReason: 220,
};
const WRAPPED: readonly ColumnKey[] = [
  'kloe',
  'recommendation',
  'action',
  'timescale',
  'progress',
  'status',
  'source',
  'extensionReason',
];
export const DATE_FORMAT = 'dd mmm yyyy';

/** The spreadsheet's edit trigger after set-up: whether this run installed it, and whose it is. */
export interface EditTriggerReport {
  readonly installed: boolean;
  /** True when it belongs to the person running set-up. */
  readonly mine: boolean;
  /** Its owner's address; '' when the manifest does not let the script know addresses. */
  readonly owner: string;
  /** Why there is none, when Google refused the permission to manage triggers. */
  readonly refused?: string;
}

export interface SetupReport {
  readonly createdSheets: readonly string[];
  readonly addedColumns: readonly string[];
  /** Register columns not added because an officer's header looks like them: each says what to rename. */
  readonly renamedColumns: readonly string[];
  readonly editTrigger: EditTriggerReport;
}

/**
 * Set up or repair: creates what is missing and nothing else. Running it twice changes nothing; on an existing
 * register it never touches data, officers' own columns or their order.
 */
export function setUpRegister(wb: Workbook = new Workbook()): SetupReport {
  const ss = wb.ss;
  const createdSheets = [
    SHEET.settings,
    SHEET.officers,
    SHEET.history,
    SHEET.import,
    SHEET.register,
    PAPER_SHEET,
    SNAPSHOTS_SHEET,
    EXTENSIONS_SHEET,
    PAPER_LOG_SHEET,
    DASHBOARD_SHEET,
    SIGN_OFF_SHEET,
  ].filter((name) => ss.getSheetByName(name) === null);
  ensureSettingsSheet(ss);
  ensureOfficersSheet(ss);
  const history = ensureHistorySheet(ss);
  if (!createdSheets.includes(SHEET.history)) repairHistoryHeader(history);
  const importSheet = ensureSheet(ss, SHEET.import, []);
  // The Import sheet is plain text, so a pasted plan is read exactly as written.
  if (createdSheets.includes(SHEET.import)) plainTextBody(importSheet, 1);
  ensureRecordSheet(ss);
  ensureExtensionsSheet(ss);
  ensureSignOffSheet(ss);

  const { sheet, columns, addedColumns, renamedColumns } = ensureRegisterColumns(ss);
  const { settings } = wb.settings();
  ensurePaperSheets(ss, settings);
  ensurePaperLog(ss);
  ensureDashboardSheet(ss);
  formatColumns(sheet, columns, addedColumns);
  keepTextAsWritten(sheet, columns);
  applyValidation(ss, sheet, columns, settings);
  applyStatusColours(sheet, columns, settings);
  protectComputedColumns(sheet, columns);
  return { createdSheets, addedColumns, renamedColumns, editTrigger: editTriggerOrReason(ss) };
}

/** History sheets made before it recorded action ids gain the column. */
function repairHistoryHeader(sheet: GoogleAppsScript.Spreadsheet.Sheet): void {
  const width = HISTORY_HEADERS.length;
  if (sheet.getMaxColumns() < width)
    sheet.insertColumnsAfter(sheet.getMaxColumns(), width - sheet.getMaxColumns());
  const header = sheet.getRange(1, 1, 1, width);
  const values = header.getValues()[0].map((v) => cellText(v));
  if (values[width - 1] === '') {
    sheet.getRange(1, width).setValue(HISTORY_HEADERS[width - 1]);
    sheet.getRange(2, width, sheet.getMaxRows() - 1, 1).setNumberFormat('@');
  }
}

/**
 * Finds the register's columns by their headers and appends the missing ones at the end, leaving officers'
 * columns alone. A column an officer renamed ("Commentary" for Progress) is not added again beside it: the
 * report names it, and what to rename.
 */
function ensureRegisterColumns(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): {
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
  columns: Partial<Record<ColumnKey, number>>;
  addedColumns: string[];
  renamedColumns: string[];
} {
  const sheet = ensureSheet(ss, SHEET.register, []);
  const width = sheet.getLastColumn();
  const header =
    width === 0
      ? []
      : sheet
          .getRange(1, 1, 1, width)
          .getValues()[0]
          .map((h) => cellText(h));
  const { columns: found, missing } = matchRegisterColumns(header);
  const toAdd = missing.filter((m) => m.lookalike === null);
  const columns = { ...found };
  if (toAdd.length > 0) {
    const needed = width + toAdd.length - sheet.getMaxColumns();
    if (needed > 0) sheet.insertColumnsAfter(sheet.getMaxColumns(), needed);
    sheet.getRange(1, width + 1, 1, toAdd.length).setValues([toAdd.map((c) => c.header)]);
    styleHeader(sheet, width + toAdd.length);
    toAdd.forEach((c, i) => (columns[c.key] = width + i));
  }
  return {
    sheet,
    columns,
    addedColumns: toAdd.map((c) => c.header),
    renamedColumns: describeMissing(missing.filter((m) => m.lookalike !== null)),
  };
}

type Columns = Partial<Record<ColumnKey, number>>;

/** The body of a register column (row 2 down), or null when the register lacks it. */
function body(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  columns: Columns,
  key: ColumnKey,
): GoogleAppsScript.Spreadsheet.Range | null {
  const index = columns[key];
  return index === undefined ? null : sheet.getRange(2, index + 1, sheet.getMaxRows() - 1, 1);
}

/**
 * Formats, widths and wrapping for columns the register just added; existing columns keep their look. Text
 * columns are plain text, so Sheets keeps what officers write exactly ("3.10" is not the number 3.1, "March
 * 2007" is not a date); the Action ID column is hidden.
 */
function formatColumns(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  columns: Columns,
  added: readonly string[],
): void {
  for (const column of REGISTER_COLUMNS) {
    const range = added.includes(column.header) ? body(sheet, columns, column.key) : null;
    if (range === null) continue;
    if (DATE_COLUMNS.includes(column.key)) range.setNumberFormat(DATE_FORMAT);
    else if (column.key === 'extensions') range.setNumberFormat('0');
    else range.setNumberFormat('@');
    range.setVerticalAlignment('top');
    if (WRAPPED.includes(column.key)) range.setWrap(true);
    const index = (columns[column.key] ?? 0) + 1;
    const width = WIDTHS[column.key];
    if (width !== undefined) sheet.setColumnWidth(index, width);
    if (column.key === 'id') sheet.hideColumns(index);
  }
}

/** Every free-text column of the register is plain text, added now or before: a repair for older registers. */
function keepTextAsWritten(sheet: GoogleAppsScript.Spreadsheet.Sheet, columns: Columns): void {
  for (const key of TEXT_COLUMNS) body(sheet, columns, key)?.setNumberFormat(TEXT_FORMAT);
}

function applyValidation(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  columns: Columns,
  settings: Settings,
): void {
  const column = (key: ColumnKey) => body(sheet, columns, key);
  const settingsSheet = ss.getSheetByName(SHEET.settings);
  const officers = ss.getSheetByName(SHEET.officers);
  if (settingsSheet) {
    const kloes = settingsSheet.getRange(2, KLOE_COLUMN, settingsSheet.getMaxRows() - 1, 1);
    column('kloe')?.setDataValidation(
      SpreadsheetApp.newDataValidation()
        .requireValueInRange(kloes, true)
        // A warning, not a refusal: an imported finding can be longer than the dropdown lists.
        .setAllowInvalid(true)
        .setHelpText('Choose a key line of enquiry from the list on the Settings sheet.')
        .build(),
    );
  }
  applyStatusValidation(sheet, columns, settings);
  column('priority')?.setDataValidation(
    SpreadsheetApp.newDataValidation()
      .requireValueInList([...settings.priorities], true)
      .setAllowInvalid(true)
      .setHelpText('A priority from the list on the Settings sheet.')
      .build(),
  );
  const date = SpreadsheetApp.newDataValidation()
    .requireDate()
    .setAllowInvalid(false)
    .setHelpText('Enter a date, e.g. 31/03/2011.')
    .build();
  for (const key of DATE_COLUMNS) column(key)?.setDataValidation(date);
  if (officers) {
    const initials = officers.getRange(2, 1, officers.getMaxRows() - 1, 1);
    column('lead')?.setDataValidation(
      SpreadsheetApp.newDataValidation()
        .requireValueInRange(initials, false)
        .setAllowInvalid(true)
        .setHelpText('Initials from the Officers sheet; several leads separated by commas, e.g. "JJ, TG".')
        .build(),
    );
  }
}

function applyStatusValidation(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  columns: Columns,
  settings: Settings,
): void {
  const { completed, closed } = settings.statuses;
  body(sheet, columns, 'status')?.setDataValidation(
    SpreadsheetApp.newDataValidation()
      .requireValueInList(
        STATUS_KEYS.map((k) => settings.statuses[k].label),
        true,
      )
      .setAllowInvalid(false)
      .setHelpText(
        `Status is computed. Choose ${completed.label} when the action is done, or ${closed.label} when it ` +
          'is closed without being done; other choices are put back.',
      )
      .build(),
  );
}

/** True when the Status dropdown and colours were made for other labels than Settings now give. */
export function statusRulesStale(
  settings: Settings,
  properties: Readonly<Record<string, string>> = PropertiesService.getDocumentProperties().getProperties(),
): boolean {
  const made = properties[RULE_LABELS_KEY] ?? null;
  return made !== JSON.stringify(STATUS_KEYS.map((k) => settings.statuses[k].label));
}

/** After Settings renamed or recoloured a status: the Status dropdown and colours follow (labels only). */
export function reapplyStatusRules(wb: Workbook): void {
  const grid = readRegisterGrid(wb);
  const { settings } = wb.settings();
  applyStatusValidation(grid.sheet, grid.columns, settings);
  applyStatusColours(grid.sheet, grid.columns, settings);
}

/** RAG colours on Status from Settings; replaces the register's own rules and keeps any rule an officer added. */
function applyStatusColours(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  columns: Columns,
  settings: Settings,
): void {
  const range = body(sheet, columns, 'status');
  if (range === null) return;
  const properties = PropertiesService.getDocumentProperties();
  const labels = STATUS_KEYS.map((k) => settings.statuses[k].label);
  const previous: string[] = JSON.parse(properties.getProperty(RULE_LABELS_KEY) ?? '[]');
  const ours = new Set([...labels, ...previous]);
  const statusColumn = range.getColumn();
  const isOwn = (rule: GoogleAppsScript.Spreadsheet.ConditionalFormatRule): boolean => {
    const condition = rule.getBooleanCondition();
    if (!condition || condition.getCriteriaType() !== SpreadsheetApp.BooleanCriteria.TEXT_EQUAL_TO)
      return false;
    const [value] = condition.getCriteriaValues();
    return (
      ours.has(String(value)) &&
      rule.getRanges().every((r) => r.getColumn() === statusColumn && r.getNumColumns() === 1)
    );
  };
  const own = STATUS_KEYS.map((k) =>
    SpreadsheetApp.newConditionalFormatRule()
      .whenTextEqualTo(settings.statuses[k].label)
      .setBackground(settings.statuses[k].background)
      .setFontColor(settings.statuses[k].fontColor)
      .setRanges([range])
      .build(),
  );
  const kept = sheet.getConditionalFormatRules().filter((rule) => !isOwn(rule));
  sheet.setConditionalFormatRules([...kept, ...own]);
  properties.setProperty(RULE_LABELS_KEY, JSON.stringify(labels));
}

/** Warning-only protection on computed columns and the Action ID, added once per column. */
function protectComputedColumns(sheet: GoogleAppsScript.Spreadsheet.Sheet, columns: Columns): void {
  const existing = new Set(
    sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE).map((p) => p.getDescription()),
  );
  for (const key of [...COMPUTED_FIELDS, 'id' as const]) {
    const header = REGISTER_COLUMNS.find((c) => c.key === key)?.header ?? key;
    const description = `${PROTECTION_PREFIX} (${header})`;
    const range = body(sheet, columns, key);
    if (existing.has(description) || range === null) continue;
    range.protect().setDescription(description).setWarningOnly(true);
  }
}

/** A trigger as the document properties record it: one per spreadsheet, whoever installed it. */
export interface RecordedTrigger {
  readonly id: string;
  readonly owner: string;
}

export function readRecordedTrigger(
  properties: GoogleAppsScript.Properties.Properties,
  key: string,
): RecordedTrigger | null {
  try {
    const value = JSON.parse(properties.getProperty(key) ?? 'null') as Partial<RecordedTrigger> | null;
    return value && typeof value.id === 'string' ? { id: value.id, owner: String(value.owner ?? '') } : null;
  } catch {
    return null;
  }
}

/** The rest of set-up stands when the manifest does not allow triggers: the report says why edits go unrecorded. */
function editTriggerOrReason(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): EditTriggerReport {
  try {
    return ensureEditTrigger(ss);
  } catch (error) {
    const missing = missingPermission(error);
    if (!missing) throw error;
    return { installed: false, mine: false, owner: '', refused: permissionMessage(missing) };
  }
}

/**
 * Whether a recorded trigger is the running user's: among their triggers, or recorded under their address (then
 * they deleted it, and set-up may put it back). An owner the script could not name is taken to be someone else.
 */
export function isMine(
  recorded: RecordedTrigger,
  mine: readonly GoogleAppsScript.Script.Trigger[],
  me: string,
): boolean {
  return mine.some((t) => t.getUniqueId() === recorded.id) || (me !== '' && recorded.owner === me);
}

/**
 * The installable onEdit trigger (it knows who edited, unlike the simple one), one per spreadsheet. A user sees
 * only their own triggers, so the one installed is recorded in document properties with its owner: a second
 * editor's set-up finds it there and adds none (two would record every edit twice). Set-up by the owner puts
 * back a trigger they deleted. Under the document lock, so two editors setting up at once install one.
 */
function ensureEditTrigger(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): EditTriggerReport {
  const edit = ensureTrigger(EDIT_HANDLER, EDIT_TRIGGER_KEY, () =>
    ScriptApp.newTrigger(EDIT_HANDLER).forSpreadsheet(ss).onEdit().create(),
  );
  // The change trigger records deleted rows; it goes with the edit trigger, one per spreadsheet too.
  if (edit.mine) {
    ensureTrigger(CHANGE_HANDLER, CHANGE_TRIGGER_KEY, () =>
      ScriptApp.newTrigger(CHANGE_HANDLER).forSpreadsheet(ss).onChange().create(),
    );
  }
  return edit;
}

function ensureTrigger(
  handler: string,
  key: string,
  create: () => GoogleAppsScript.Script.Trigger,
): EditTriggerReport {
  return whileHolding(
    LockService.getDocumentLock(),
    SETUP_WAIT_MS,
    () => {
      const properties = PropertiesService.getDocumentProperties();
      const recorded = readRecordedTrigger(properties, key);
      const mine = ScriptApp.getProjectTriggers().filter((t) => t.getHandlerFunction() === handler);
      const me = runningUser();
      if (recorded && !isMine(recorded, mine, me))
        return { installed: false, mine: false, owner: recorded.owner };
      const kept = mine.find((t) => t.getUniqueId() === recorded?.id) ?? mine[0];
      const trigger = kept ?? create();
      properties.setProperty(key, JSON.stringify({ id: trigger.getUniqueId(), owner: me }));
      return { installed: kept === undefined, mine: true, owner: me };
    },
    () => {
      throw new RegisterError(
        'Another editor is setting up the register at this moment. Choose Set up or repair register again in a minute.',
      );
    },
  );
}
