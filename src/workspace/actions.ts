import { plural } from '../core/text';
import { importPlanFromSheet } from './importer';
import { guarded } from './messages';
import { refreshStatuses } from './register';
import { setUpRegister } from './setup';
import type { EditTriggerReport } from './setup';
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

export function importPlanFromMenu(): void {
  withMessages('Import plan', () => {
    const outcome = importPlanFromSheet();
    const lines = [`Imported ${plural(outcome.imported, 'action')} (${outcome.layout}).`];
    if (outcome.skipped > 0)
      lines.push(`${plural(outcome.skipped, 'action')} already in the register were skipped.`);
    if (outcome.problems.length > 0) {
      lines.push(`${plural(outcome.problems.length, 'row')} need a look: see the Import report sheet.`);
    }
    return lines.join('\n');
  });
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
      'Status is computed from the due date (the revised one when set), progress and the windows in Settings. Choose Completed when an action is done; other choices are put back.',
      'Every change to an action, its dates, lead, progress or status is kept in History.',
    ].join('\n\n'),
    ui.ButtonSet.OK,
  );
}
