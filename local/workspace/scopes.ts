/**
 * OAuth scopes: what the manifest grants, what each method needs, and the errors Google throws when a call
 * lacks them. Each service folder declares the scopes of its methods in a table (`scopes.ts` beside its classes)
 * as the reference lists them under "Authorization" on each method.
 */

const AUTH = 'https://www.googleapis.com/auth/';
export const SCOPE = {
  spreadsheetsCurrentOnly: `${AUTH}spreadsheets.currentonly`,
  spreadsheets: `${AUTH}spreadsheets`,
  containerUi: `${AUTH}script.container.ui`,
  documentsCurrentOnly: `${AUTH}documents.currentonly`,
  documents: `${AUTH}documents`,
  drive: `${AUTH}drive`,
  driveFile: `${AUTH}drive.file`,
  driveReadonly: `${AUTH}drive.readonly`,
  driveAppdata: `${AUTH}drive.appdata`,
  driveMetadata: `${AUTH}drive.metadata`,
  driveMetadataReadonly: `${AUTH}drive.metadata.readonly`,
  sendMail: `${AUTH}script.send_mail`,
  scriptApp: `${AUTH}script.scriptapp`,
  userinfoEmail: `${AUTH}userinfo.email`,
} as const;

/**
 * `Class.method` (or `Class.*` for every method of a class) to the scopes that allow it: any one of them will do.
 * A method absent from every table needs no authorisation.
 */
export type ScopeTable = Readonly<Record<string, readonly string[]>>;

/**
 * What a simple trigger may use: "They can modify the file they are bound to, but cannot access other files"
 * and "cannot access services that require authorization"
 * (https://developers.google.com/apps-script/guides/triggers#restrictions). Session and the Ui are reachable
 * (the address reads blank there; onOpen builds menus).
 */
const SIMPLE_TRIGGER_SCOPES: ReadonlySet<string> = new Set([
  SCOPE.spreadsheetsCurrentOnly,
  SCOPE.containerUi,
  SCOPE.userinfoEmail,
]);

/** "Required permissions: X", or "(A || B)" when any of several will do, as Google words it. */
function required(scopes: readonly string[]): string {
  return scopes.length === 1 ? scopes[0] : `(${scopes.join(' || ')})`;
}

/**
 * The manifest's oauthScopes leave this call out. With explicit scopes Apps Script adds none of its own, and the
 * call fails with this message (observed; the reference documents the scopes, not the text).
 */
export function insufficientScopesError(name: string, scopes: readonly string[]): Error {
  return new Error(
    `Specified permissions are not sufficient to call ${name}. Required permissions: ${required(scopes)}`,
  );
}

/** A simple trigger runs without authorisation, so a call needing it fails with this message (observed). */
export function noPermissionError(name: string, scopes: readonly string[]): Error {
  return new Error(`You do not have permission to call ${name}. Required permissions: ${required(scopes)}`);
}

/** The scopes the project was granted, and every method's requirement. */
export class Scopes {
  private readonly tables = new Map<string, readonly string[]>();
  /** Null: the manifest names no oauthScopes, so Apps Script detects and grants whatever the code uses. */
  private granted: ReadonlySet<string> | null = null;

  /** Adds a service's table (each service declares its own when it is made). */
  declare(table: ScopeTable): void {
    for (const [name, scopes] of Object.entries(table)) this.tables.set(name, scopes);
  }

  /** The manifest's oauthScopes; null or absent grants everything. */
  grant(scopes: readonly string[] | null | undefined): void {
    this.granted = scopes ? new Set(scopes) : null;
  }

  /** The scopes the manifest grants, or null when it names none. */
  grantedScopes(): readonly string[] | null {
    return this.granted ? [...this.granted] : null;
  }

  hasAny(scopes: readonly string[]): boolean {
    return this.granted === null || scopes.some((s) => this.granted?.has(s));
  }

  /** What `Class.method` needs, or null when nothing. */
  requiredFor(service: string, method: string): readonly string[] | null {
    return this.tables.get(`${service}.${method}`) ?? this.tables.get(`${service}.*`) ?? null;
  }

  /** Throws Google's error when the call needs a scope the manifest lacks, or one a simple trigger cannot use. */
  check(service: string, method: string, simpleTrigger: boolean): void {
    const scopes = this.requiredFor(service, method);
    if (!scopes) return;
    const name = `${service}.${method}`;
    if (!this.hasAny(scopes)) throw insufficientScopesError(name, scopes);
    if (simpleTrigger && !scopes.some((s) => SIMPLE_TRIGGER_SCOPES.has(s)))
      throw noPermissionError(name, scopes);
  }
}
