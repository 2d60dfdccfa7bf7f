import { REGISTER_COLUMNS, matchColumns } from '../core/headers';
import type { ColumnKey } from '../core/headers';
import { STATUS_KEYS } from '../core/model';
import type { Settings } from '../core/model';
import { missingPermission, permissionMessage } from '../core/permissions';
import { cellText } from './cells';
import { runningUser } from './messages';
import { KLOE_COLUMN, ensureOfficersSheet, ensureSettingsSheet, readSettings } from './settings';
import { PAPER_SHEET, SNAPSHOTS_SHEET, ensurePaperSheets } from './paper';
import { RegisterError } from './register';
import { SHEET, activeSpreadsheet, ensureSheet, styleHeader } from './sheets';

export const HISTORY_HEADERS = ['When', 'Who', 'Ref', 'Field', 'Old value', 'New value'] as const;
export const EDIT_HANDLER = 'onRegisterEdit';
/** Document property naming the one edit trigger of this spreadsheet and its owner: {"id", "owner"}. */
export const EDIT_TRIGGER_KEY = 'register.editTrigger';
const RULE_LABELS_KEY = 'register.statusRuleLabels';
/** How long set-up waits for another editor's set-up to finish before giving up. */
const SETUP_WAIT_MS = 30000;
const PROTECTION_PREFIX = 'Action Plan: computed column';

/** Columns the register computes: officers are warned before typing over them. */
const COMPUTED: readonly ColumnKey[] = ['status', 'lastUpdated', 'completedOn', 'extensions'];
const DATE_COLUMNS: readonly ColumnKey[] = ['dueDate', 'revisedDueDate', 'lastUpdated', 'completedOn'];
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
};
const WRAPPED: readonly ColumnKey[] = ['kloe', 'recommendation', 'action', 'timescale', 'progress', 'status'];
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
  readonly editTrigger: EditTriggerReport;
}

/**
 * Set up or repair: creates what is missing and nothing else. Running it twice changes nothing; on an existing
 * register it never touches data, officers' own columns or their order.
 */
export function setUpRegister(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet = activeSpreadsheet(),
): SetupReport {
  const createdSheets = [
    SHEET.settings,
    SHEET.officers,
    SHEET.history,
    SHEET.import,
    SHEET.register,
    PAPER_SHEET,
    SNAPSHOTS_SHEET,
  ].filter((name) => ss.getSheetByName(name) === null);
  ensureSettingsSheet(ss);
  ensureOfficersSheet(ss);
  const history = ensureSheet(ss, SHEET.history, HISTORY_HEADERS);
  if (createdSheets.includes(SHEET.history)) {
    history.getRange(2, 1, history.getMaxRows() - 1, 1).setNumberFormat('dd mmm yyyy hh:mm');
    // Refs such as "3.10" must stay text: Sheets would read them as the number 3.1.
    history.getRange(2, 3, history.getMaxRows() - 1, 1).setNumberFormat('@');
    history.setColumnWidth(1, 140).setColumnWidth(2, 200).setColumnWidth(5, 320).setColumnWidth(6, 320);
  }
  ensureSheet(ss, SHEET.import, []);

  const { sheet, columns, addedColumns } = ensureRegisterColumns(ss);
  const { settings } = readSettings(ss, ss.getSpreadsheetTimeZone());
  ensurePaperSheets(ss, settings);
  formatColumns(sheet, columns, addedColumns);
  applyValidation(ss, sheet, columns, settings);
  applyStatusColours(sheet, columns, settings);
  protectComputedColumns(sheet, columns);
  return { createdSheets, addedColumns, editTrigger: editTriggerOrReason(ss) };
}

/** Finds the core columns by header; appends the missing ones at the end, leaving officers' columns alone. */
function ensureRegisterColumns(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): {
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
  columns: Record<ColumnKey, number>;
  addedColumns: string[];
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
  const found = matchColumns(header).columns;
  const missing = REGISTER_COLUMNS.filter((c) => found[c.key] === undefined && c.optional !== true);
  if (missing.length > 0) {
    sheet.getRange(1, width + 1, 1, missing.length).setValues([missing.map((c) => c.header)]);
    styleHeader(sheet, width + missing.length);
  }
  const columns = { ...found } as Record<ColumnKey, number>;
  missing.forEach((c, i) => (columns[c.key] = width + i));
  return { sheet, columns, addedColumns: missing.map((c) => c.header) };
}

/** Formats, widths and wrapping for columns the register just added; existing columns keep their look. */
function formatColumns(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  columns: Record<ColumnKey, number>,
  added: readonly string[],
): void {
  const rows = sheet.getMaxRows() - 1;
  for (const column of REGISTER_COLUMNS) {
    if (!added.includes(column.header)) continue;
    const index = columns[column.key] + 1;
    const body = sheet.getRange(2, index, rows, 1);
    if (DATE_COLUMNS.includes(column.key)) body.setNumberFormat(DATE_FORMAT);
    // Refs such as "3.10" must stay text: Sheets would read them as the number 3.1.
    if (column.key === 'ref') body.setNumberFormat('@');
    if (column.key === 'extensions') body.setNumberFormat('0');
    body.setVerticalAlignment('top');
    if (WRAPPED.includes(column.key)) body.setWrap(true);
    const width = WIDTHS[column.key];
    if (width !== undefined) sheet.setColumnWidth(index, width);
  }
}

function applyValidation(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  columns: Record<ColumnKey, number>,
  settings: Settings,
): void {
  const rows = sheet.getMaxRows() - 1;
  const column = (key: ColumnKey) => sheet.getRange(2, columns[key] + 1, rows, 1);
  const settingsSheet = ss.getSheetByName(SHEET.settings);
  const officers = ss.getSheetByName(SHEET.officers);
  if (settingsSheet) {
    const kloes = settingsSheet.getRange(2, KLOE_COLUMN, settingsSheet.getMaxRows() - 1, 1);
    column('kloe').setDataValidation(
      SpreadsheetApp.newDataValidation()
        .requireValueInRange(kloes, true)
        .setAllowInvalid(false)
        .setHelpText('Choose a key line of enquiry from the list on the Settings sheet.')
        .build(),
    );
  }
  column('status').setDataValidation(
    SpreadsheetApp.newDataValidation()
      .requireValueInList(
        STATUS_KEYS.map((k) => settings.statuses[k].label),
        true,
      )
      .setAllowInvalid(false)
      .setHelpText(
        'Status is computed. Choose Completed when the action is done; other choices are put back.',
      )
      .build(),
  );
  const date = SpreadsheetApp.newDataValidation()
    .requireDate()
    .setAllowInvalid(false)
    .setHelpText('Enter a date, e.g. 31/03/2011.')
    .build();
  for (const key of DATE_COLUMNS) column(key).setDataValidation(date);
  if (officers) {
    const initials = officers.getRange(2, 1, officers.getMaxRows() - 1, 1);
    column('lead').setDataValidation(
      SpreadsheetApp.newDataValidation()
        .requireValueInRange(initials, false)
        .setAllowInvalid(true)
        .setHelpText('Initials from the Officers sheet; several leads separated by commas, e.g. "JJ, TG".')
        .build(),
    );
  }
}

/** RAG colours on Status from Settings; replaces the register's own rules and keeps any rule an officer added. */
function applyStatusColours(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  columns: Record<ColumnKey, number>,
  settings: Settings,
): void {
  const properties = PropertiesService.getDocumentProperties();
  const labels = STATUS_KEYS.map((k) => settings.statuses[k].label);
  const previous: string[] = JSON.parse(properties.getProperty(RULE_LABELS_KEY) ?? '[]');
  const ours = new Set([...labels, ...previous]);
  const statusColumn = columns.status + 1;
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
  const range = sheet.getRange(2, statusColumn, sheet.getMaxRows() - 1, 1);
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

/** Warning-only protection on computed columns, added once per column. */
function protectComputedColumns(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  columns: Record<ColumnKey, number>,
): void {
  const existing = new Set(
    sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE).map((p) => p.getDescription()),
  );
  for (const key of COMPUTED) {
    const header = REGISTER_COLUMNS.find((c) => c.key === key)?.header ?? key;
    const description = `${PROTECTION_PREFIX} (${header})`;
    if (existing.has(description)) continue;
    sheet
      .getRange(2, columns[key] + 1, sheet.getMaxRows() - 1, 1)
      .protect()
      .setDescription(description)
      .setWarningOnly(true);
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
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(SETUP_WAIT_MS)) {
    throw new RegisterError(
      'Another editor is setting up the register at this moment. Choose Set up or repair register again in a minute.',
    );
  }
  try {
    const properties = PropertiesService.getDocumentProperties();
    const recorded = readRecordedTrigger(properties, EDIT_TRIGGER_KEY);
    const mine = ScriptApp.getProjectTriggers().filter((t) => t.getHandlerFunction() === EDIT_HANDLER);
    const me = runningUser();
    if (recorded && !isMine(recorded, mine, me))
      return { installed: false, mine: false, owner: recorded.owner };
    const kept = mine.find((t) => t.getUniqueId() === recorded?.id) ?? mine[0];
    const trigger = kept ?? ScriptApp.newTrigger(EDIT_HANDLER).forSpreadsheet(ss).onEdit().create();
    properties.setProperty(EDIT_TRIGGER_KEY, JSON.stringify({ id: trigger.getUniqueId(), owner: me }));
    return { installed: kept === undefined, mine: true, owner: me };
  } finally {
    lock.releaseLock();
  }
}
