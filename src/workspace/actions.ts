import { plural } from '../core/text';
import { importPlanFromSheet } from './importer';
import type { ImportOutcome } from './importer';
import { RegisterError, refreshStatuses } from './register';
import { setUpRegister } from './setup';
import { STATUS_KEYS } from '../core/model';

/** Runs a menu action; a problem the officer can fix is shown as a message, not a stack trace. */
export function withMessages(title: string, run: () => string): void {
  const ui = SpreadsheetApp.getUi();
  try {
    ui.alert(title, run(), ui.ButtonSet.OK);
  } catch (error) {
    if (error instanceof RegisterError) ui.alert(title, error.message, ui.ButtonSet.OK);
    else throw error;
  }
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
      report.triggerInstalled ? 'Edits to the Register are now recorded in History.' : '',
    ];
    return lines.filter((l) => l !== '').join('\n');
  });
}

export function importPlanFromMenu(): void {
  withMessages('Import plan', () => importSummary(importPlanFromSheet()));
}

/** What an import did, in the words every import source shows. */
export function importSummary(outcome: ImportOutcome): string {
  const lines = [`Imported ${plural(outcome.imported, 'action')} (${outcome.layout}).`];
  if (outcome.skipped > 0)
    lines.push(`${plural(outcome.skipped, 'action')} already in the register were skipped.`);
  if (outcome.problems.length > 0) {
    lines.push(`${plural(outcome.problems.length, 'row')} need a look: see the Import report sheet.`);
  }
  return lines.join('\n');
}

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
    ].join('\n\n'),
    ui.ButtonSet.OK,
  );
}
