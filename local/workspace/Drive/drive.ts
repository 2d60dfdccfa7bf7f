/**
 * The in-memory Drive behind the local Workspace: where documents and saved PDFs live, and the subset of the
 * advanced Drive service (v3) the project uses to keep its files in a folder. The project does not use DriveApp
 * because that needs the full Drive scope.
 *
 * Every account has a Drive of its own (its My Drive, `root`); a file belongs to whoever made it and is seen by
 * others only once shared. Under drive.file an app sees even less: "Create new Drive files, or modify existing
 * files, that you open with an app or that the user shares with an app while using the Google Picker API or the
 * app's file picker" (https://developers.google.com/drive/api/guides/about-auth), per user, so a folder one officer
 * made through the app is not found for another.
 */
import { createHash } from 'node:crypto';
import { Runtime, expose } from '../runtime';
import { SCOPE } from '../scopes';
import { DOCUMENT_MIME, DriveFile, FOLDER_MIME } from './drive-file';
import { DriveFilesApi } from './files';
import { ANYONE_WITH_LINK } from './sharing';

/** Scopes that let the advanced service see every file the user can open, not only the app's own. */
const WHOLE_DRIVE_READ = [SCOPE.drive, SCOPE.driveReadonly, SCOPE.driveMetadata, SCOPE.driveMetadataReadonly];
const WHOLE_DRIVE_WRITE = [SCOPE.drive, SCOPE.driveMetadata];

/** The in-memory Drive and its advanced service `Drive` (v3 subset). */
export class LocalDrive {
  readonly service: GoogleAppsScript.Drive;
  private readonly byId = new Map<string, DriveFile>();
  private readonly roots = new Map<string, string>();
  private counter = 0;

  constructor(readonly runtime: Runtime) {
    const files = expose<GoogleAppsScript.Drive_v3.Drive.V3.Collection.FilesCollection>(
      new DriveFilesApi(this),
      'Drive.Files',
      runtime,
    );
    this.service = expose<GoogleAppsScript.Drive>({ Files: files }, 'Drive', runtime);
  }

  /** The My Drive folder of the user the script runs as. */
  get rootId(): string {
    return this.rootOf(this.runtime.effectiveUser);
  }

  /** An account's My Drive folder, made on first use. */
  rootOf(email: string): string {
    const known = this.roots.get(email);
    if (known) return known;
    const now = this.runtime.now().toISOString();
    const id = this.newId();
    this.byId.set(id, {
      id,
      name: 'My Drive',
      mimeType: FOLDER_MIME,
      parents: [],
      trashed: false,
      createdTime: now,
      modifiedTime: now,
      content: null,
      owner: email,
      sharedWith: [],
      appUsers: [email],
    });
    this.roots.set(email, id);
    return id;
  }

  /** Every file and folder except the users' roots, in creation order. */
  files(): DriveFile[] {
    const roots = new Set(this.roots.values());
    return [...this.byId.values()].filter((f) => !roots.has(f.id));
  }

  file(id: string): DriveFile | undefined {
    return this.byId.get(this.resolve(id));
  }

  /** Folder names from the owner's root down to the file, e.g. "My Drive/Committee papers/Paper". */
  path(id: string): string {
    const names: string[] = [];
    let file = this.file(id);
    while (file) {
      names.unshift(file.name);
      file = file.parents.length ? this.byId.get(file.parents[0]) : undefined;
    }
    return names.join('/');
  }

  /** Adds a file made through the app by the user the script runs as (DocumentApp.create, an upload). */
  createFile(spec: {
    name: string;
    mimeType: string;
    parents?: string[];
    content?: Uint8Array | null;
    owner?: string;
  }): DriveFile {
    const now = this.runtime.now().toISOString();
    const owner = spec.owner ?? this.runtime.effectiveUser;
    const file: DriveFile = {
      id: this.newId(),
      name: spec.name,
      mimeType: spec.mimeType,
      parents: (spec.parents ?? [this.rootOf(owner)]).map((p) => this.resolve(p)),
      trashed: false,
      createdTime: now,
      modifiedTime: now,
      content: spec.content ?? null,
      owner,
      sharedWith: [],
      appUsers: [owner],
    };
    this.byId.set(file.id, file);
    return file;
  }

  /** The owner shares the file with someone in Drive: they can open it, but the app gains nothing under drive.file. */
  share(id: string, email: string): void {
    const file = this.required(id);
    if (file.owner !== email && !file.sharedWith.includes(email)) file.sharedWith.push(email);
  }

  /** The user opens the file with the Google Picker in the app: the app gains per-file access for that user. */
  pick(id: string, email: string): void {
    const file = this.required(id);
    if (!this.canOpen(file, email)) throw new Error(`${email} cannot open ${id} in Drive to pick it`);
    if (!file.appUsers.includes(email)) file.appUsers.push(email);
  }

  /** Whether the account can open the file in Drive (or with DocumentApp): it owns it or it was shared. */
  canOpen(file: DriveFile, email: string): boolean {
    const who = email.toLowerCase();
    return (
      file.owner.toLowerCase() === who ||
      file.sharedWith.some((s) => s === ANYONE_WITH_LINK || s.toLowerCase() === who)
    );
  }

  /** Whether the advanced service, with the manifest's scopes, reaches the file for the user the script runs as. */
  reachable(file: DriveFile, write: boolean): boolean {
    const user = this.runtime.effectiveUser;
    if (this.runtime.scopes.hasAny(write ? WHOLE_DRIVE_WRITE : WHOLE_DRIVE_READ))
      return this.canOpen(file, user);
    return file.appUsers.includes(user);
  }

  touch(file: DriveFile): void {
    file.modifiedTime = this.runtime.now().toISOString();
  }

  remove(id: string): void {
    this.byId.delete(this.resolve(id));
  }

  /** `root` is Drive's alias for the user's My Drive folder. */
  resolve(id: string): string {
    return id === 'root' ? this.rootId : id;
  }

  resource(file: DriveFile): Record<string, unknown> {
    return {
      kind: 'drive#file',
      id: file.id,
      name: file.name,
      mimeType: file.mimeType,
      parents: [...file.parents],
      trashed: file.trashed,
      createdTime: file.createdTime,
      modifiedTime: file.modifiedTime,
      size: file.content ? String(file.content.length) : undefined,
      webViewLink:
        file.mimeType === DOCUMENT_MIME
          ? `https://docs.google.com/document/d/${file.id}/edit?usp=drivesdk`
          : file.mimeType === FOLDER_MIME
            ? `https://drive.google.com/drive/folders/${file.id}`
            : `https://drive.google.com/file/d/${file.id}/view?usp=drivesdk`,
    };
  }

  private required(id: string): DriveFile {
    const file = this.file(id);
    if (!file) throw new Error(`No file ${id} in the local Drive`);
    return file;
  }

  /** Drive-like ids, deterministic so runs can be compared. */
  private newId(): string {
    this.counter++;
    return '1' + createHash('sha256').update(`local-drive-${this.counter}`).digest('base64url').slice(0, 32);
  }
}
