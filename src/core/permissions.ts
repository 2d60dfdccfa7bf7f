/**
 * Google's permission errors in plain words. A call the manifest's oauthScopes do not cover fails with
 * "Specified permissions are not sufficient to call X. Required permissions: Y" (or, where nobody authorised the
 * script, "You do not have permission to call X. ..."); an advanced service answers "Request had insufficient
 * authentication scopes". Officers need to know which permission is missing and what to do about it.
 */

const AUTH = 'https://www.googleapis.com/auth/';

/** What each scope of the manifest lets the register do, as an officer would say it. */
export const SCOPE_WORDS: Readonly<Record<string, string>> = {
  [`${AUTH}spreadsheets.currentonly`]: 'see and edit this spreadsheet',
  [`${AUTH}spreadsheets`]: 'see and edit spreadsheets',
  [`${AUTH}script.container.ui`]: 'show dialogs in the spreadsheet',
  [`${AUTH}documents`]: 'make Google Docs',
  [`${AUTH}drive.file`]: 'keep the files it makes in your Drive',
  [`${AUTH}script.send_mail`]: 'send email as you',
  [`${AUTH}script.scriptapp`]: 'run on a schedule and record edits (triggers)',
  [`${AUTH}userinfo.email`]: 'know your email address',
};

/** How every refusal an officer is shown begins. */
export const REFUSED = 'Google did not let the register';

export interface MissingPermission {
  /** The method Google refused, e.g. "MailApp.sendEmail"; '' for an advanced service. */
  readonly method: string;
  /** The scopes any one of which would have allowed it. */
  readonly scopes: readonly string[];
}

const MANIFEST =
  /(?:Specified permissions are not sufficient|You do not have permission) to call ([\w.]+)\. Required permissions: \(?([^)\s]+(?: \|\| [^)\s]+)*)\)?/;
const DRIVE_API =
  /API call to drive\.files\.\w+ failed with error: Request had insufficient authentication scopes/;

/**
 * An error's own words. Duck-typed: an error a Google service throws need not be an Error of the script's own
 * realm (the local Workspace's are not), and `String(error)` would put "Error: " before them.
 */
export function errorMessage(error: unknown): string {
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : String(error);
}

/** The permission an error says is missing, or null when the error is about something else. */
export function missingPermission(error: unknown): MissingPermission | null {
  const message = errorMessage(error);
  const match = MANIFEST.exec(message);
  if (match) return { method: match[1], scopes: match[2].split(' || ') };
  if (DRIVE_API.test(message)) return { method: '', scopes: [`${AUTH}drive.file`] };
  return null;
}

/** "send email as you (https://www.googleapis.com/auth/script.send_mail)". */
export function describeScopes(scopes: readonly string[]): string {
  return scopes.map((s) => (SCOPE_WORDS[s] ? `${SCOPE_WORDS[s]} (${s})` : s)).join(' or ');
}

/** What to tell an officer whose action failed for want of a permission. */
export function permissionMessage(missing: MissingPermission): string {
  return (
    `${REFUSED} ${describeScopes(missing.scopes)}: that permission is missing from ` +
    "the script's manifest (oauthScopes in appsscript.json). Whoever deployed the register must add it and " +
    'push again; everyone is then asked to allow it once.'
  );
}
