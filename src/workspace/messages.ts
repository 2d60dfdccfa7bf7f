/** How a menu action reports a problem the officer can act on: an alert in plain words, never a stack trace. */
import { missingPermission, permissionMessage } from '../core/permissions';
import { RegisterError } from './register';

/** Runs a menu action; a register problem or a missing permission is shown as a message, anything else thrown. */
export function guarded(title: string, run: () => void): void {
  try {
    run();
  } catch (error) {
    const message = explain(error);
    if (message === null) throw error;
    const ui = SpreadsheetApp.getUi();
    ui.alert(title, message, ui.ButtonSet.OK);
  }
}

/** The officer's words for an error they can act on, or null. */
export function explain(error: unknown): string | null {
  if (error instanceof RegisterError) return error.message;
  const missing = missingPermission(error);
  return missing ? permissionMessage(missing) : null;
}

/** The account the script runs as, or '' where the manifest does not let the script know it (userinfo.email). */
export function runningUser(): string {
  try {
    return Session.getEffectiveUser().getEmail();
  } catch (error) {
    if (missingPermission(error)) return '';
    throw error;
  }
}
