import { plural } from '../core/text';
import { fieldNamed } from '../core/import';
import type { ColumnMapping, UnknownHeader } from '../core/import';
import {
  describeImport,
  importGrid,
  importSheetGrid,
  previewImport,
  rememberMapping,
  storedMapping,
  writeImportReport,
} from './importer';
import { Workbook } from './workbook';
import { guarded } from './messages';
import { refreshStatuses } from './register';
import type { EditTriggerReport } from './setup';
import { setUpRegister } from './setup';
import { STATUS_KEYS } from '../core/model';

/** Runs a menu action and shows what it returns; a problem the officer can fix is shown as a message. */
export function withMessages(title: string, run: () => string): void {
  guarded(title, () => {
    const message = run();
    const ui = SpreadsheetApp.getUi();
    ui.alert(title, message, ui.ButtonSet.OK);
  });
}

export function setUpRegisterFromMenu(): void {
  withMessages('Set up or repair register', () => {
    const report = setUpRegister();
    const lines = [
      report.createdSheets.length > 0
        ? `Created sheets: ${report.createdSheets.join(', ')}.`
        : 'All sheets present.',
      report.addedColumns.length > 0
        ? `Added columns to the Register: ${report.addedColumns.join(', ')}.`
        : 'All register columns present.',
      ...report.renamedColumns.map((line) => `Not added: ${line}`),
      editTriggerLine(report.editTrigger),
    ];
    return lines.filter((l) => l !== '').join('\n');
  });
}

/** What set-up says about the edit trigger: new, someone else's (and why there is only one), or nothing. */
function editTriggerLine(trigger: EditTriggerReport): string {
  if (trigger.refused) return `Edits to the Register cannot be recorded in History. ${trigger.refused}`;
  if (trigger.installed) return 'Edits to the Register are now recorded in History.';
  if (trigger.mine) return '';
  const who = trigger.owner === '' ? 'another editor' : trigger.owner;
  return (
    `Edits to the Register are recorded in History by the edit trigger ${who} installed, so no second one ` +
    'was added (two would record every edit twice). It runs as them, and only they can remove it.'
  );
}

/**
 * Menu: Import plan. Reads the Import sheet, asks once about any column it does not understand (the answers
 * are remembered), says what the import will add, update and leave, and imports only after Yes.
 */
export function importPlanFromMenu(): void {
  const title = 'Import plan';
  guarded(title, () => {
    const wb = new Workbook();
    importWithQuestions(wb, title, importSheetGrid(wb), 'the Import sheet');
  });
}

/**
 * Imports a grid as the officer expects whatever it was read from: asks once about any column the import does
 * not understand (the answers are remembered), says what it will add, update and leave, imports after Yes.
 * `source` names where the plan was read, as in "the Import sheet".
 */
export function importWithQuestions(wb: Workbook, title: string, grid: string[][], source: string): void {
  const ui = SpreadsheetApp.getUi();
  let mapping = storedMapping();
  let preview = previewImport(wb, grid, mapping);
  const unknown = preview.result.unknownHeaders.filter((u) => u.header.trim() !== '');
  if (unknown.length > 0) {
    const answered = askMapping(ui, title, unknown, mapping);
    if (answered === null) {
      ui.alert(title, 'Nothing was imported.', ui.ButtonSet.OK);
      return;
    }
    mapping = answered;
    rememberMapping(mapping);
    preview = previewImport(wb, grid, mapping);
  }
  const { result } = preview;
  if (result.error !== null) {
    writeImportReport(wb.ss, result.report);
    ui.alert(title, `${result.error}\nThe Import report sheet lists every row.`, ui.ButtonSet.OK);
    return;
  }
  const question = [
    `The plan in ${source} (${result.layout}) gives: ${result.changes.summary}.`,
    result.report.length > 0
      ? `${plural(result.report.length, 'line')} of the Import report will need a look afterwards.`
      : '',
    'Import now?',
  ].filter((l) => l !== '');
  if (ui.alert(title, question.join('\n\n'), ui.ButtonSet.YES_NO) !== ui.Button.YES) {
    ui.alert(title, 'Nothing was imported.', ui.ButtonSet.OK);
    return;
  }
  const done = describeImport(importGrid(wb, grid, mapping));
  ui.alert(title, [`From ${source}:`, ...done].join('\n'), ui.ButtonSet.OK);
}

/** Asks which field each column the import did not understand holds; null when the officer cancels. */
function askMapping(
  ui: GoogleAppsScript.Base.Ui,
  title: string,
  unknown: readonly UnknownHeader[],
  mapping: ColumnMapping,
): ColumnMapping | null {
  const answers: Record<string, ColumnMapping[string]> = { ...mapping };
  for (const u of unknown) {
    const response = ui.prompt(
      title,
      `The plan's column “${u.header}” (column ${u.column}) is not one the import knows. Which field does it ` +
        `hold? Type one of: ${FIELD_NAMES}. Leave it blank to keep it as a column of its own in the register.`,
      ui.ButtonSet.OK_CANCEL,
    );
    if (response.getSelectedButton() !== ui.Button.OK) return null;
    answers[u.header] = fieldNamed(response.getResponseText()) ?? 'extra';
  }
  return answers;
}

const FIELD_NAMES =
  'Ref, Source, KLOE, Finding, Recommendation, Action, Priority, Timescale, Due date, Revised due date, ' +
  'Reason for extension, Lead, Progress, Status, Completed on';

export function refreshStatusesFromMenu(): void {
  withMessages('Refresh statuses', () => {
    const reading = refreshStatuses();
    const counts = STATUS_KEYS.map((key) => {
      const n = reading.decisions.filter((d) => d.key === key).length;
      return `${reading.settings.statuses[key].label}: ${n}`;
    });
    const lines = [`Statuses refreshed for ${plural(reading.actions.length, 'action')}.`, ...counts];
    if (reading.problems.length > 0) lines.push('', ...reading.problems.slice(0, 10));
    if (reading.problems.length > 10) lines.push(`… and ${reading.problems.length - 10} more.`);
    return lines.join('\n');
  });
}

export function showHelp(): void {
  const ui = SpreadsheetApp.getUi();
  ui.alert(
    'Action Plan register',
    [
      'Set up or repair register: creates the Register, Officers, Settings, History and Import sheets, or adds what is missing. It never changes your data.',
      'Import plan: paste an existing action plan (with its header row) into the Import sheet, then choose Import plan. Problems are listed in the Import report sheet.',
      'Import plan from a Google Doc: paste the link of the Google Doc that holds the plan (a Word file opened in Google Docs and saved as a Google Doc). Its tables are read as they are, merged cells and bullets included, and the Doc is never changed.',
      'Status is computed from the due date (the revised one when set), progress and the windows in Settings. Choose Completed when an action is done; other choices are put back.',
      'Every change to an action, its dates, lead, progress or status is kept in History.',
      'My actions: the actions you lead, most urgent first, to update, mark "no change this week", propose as complete with evidence, or ask to extend. The plan owner signs off completions and approves extensions under Awaiting the owner….',
    ].join('\n\n'),
    ui.ButtonSet.OK,
  );
}
