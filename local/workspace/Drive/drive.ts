/**
 * The in-memory Drive behind the local Workspace: where documents and saved PDFs live, and the subset of the
 * advanced Drive service (v3) the project uses to keep its files in a folder. The project does not use DriveApp
 * because that needs the full Drive scope.
 */
import { createHash } from 'node:crypto';
import { Runtime, expose } from '../runtime';
import { DOCUMENT_MIME, DriveFile, FOLDER_MIME } from './drive-file';
import { DriveFilesApi } from './files';
import { actingUser } from './sharing';

/** The in-memory Drive and its advanced service `Drive` (v3 subset). */
export class LocalDrive {
  readonly rootId: string;
  readonly service: GoogleAppsScript.Drive;
  private readonly byId = new Map<string, DriveFile>();
  private counter = 0;

  constructor(private readonly runtime: Runtime) {
    this.rootId = this.newId();
    const now = runtime.now().toISOString();
    this.byId.set(this.rootId, {
      id: this.rootId,
      name: 'My Drive',
      mimeType: FOLDER_MIME,
      parents: [],
      trashed: false,
      createdTime: now,
      modifiedTime: now,
      content: null,
      owner: actingUser(runtime),
      sharedWith: [],
    });
    const files = expose<GoogleAppsScript.Drive_v3.Drive.V3.Collection.FilesCollection>(
      new DriveFilesApi(this),
      'Drive.Files',
      runtime,
    );
    this.service = expose<GoogleAppsScript.Drive>({ Files: files }, 'Drive', runtime);
  }

  /** Every file and folder except the root, in creation order. */
  files(): DriveFile[] {
    return [...this.byId.values()].filter((f) => f.id !== this.rootId);
  }

  file(id: string): DriveFile | undefined {
    return this.byId.get(this.resolve(id));
  }

  /** Folder names from the root down to the file, e.g. "My Drive/Committee papers/Paper". */
  path(id: string): string {
    const names: string[] = [];
    let file = this.file(id);
    while (file) {
      names.unshift(file.name);
      file = file.parents.length ? this.byId.get(file.parents[0]) : undefined;
    }
    return names.join('/');
  }

  /** Adds a file, as DocumentApp.create or an upload would, owned by whoever the script runs as unless named. */
  createFile(spec: {
    name: string;
    mimeType: string;
    parents?: string[];
    content?: Uint8Array | null;
    owner?: string;
  }): DriveFile {
    const now = this.runtime.now().toISOString();
    const file: DriveFile = {
      id: this.newId(),
      name: spec.name,
      mimeType: spec.mimeType,
      parents: (spec.parents ?? [this.rootId]).map((p) => this.resolve(p)),
      trashed: false,
      createdTime: now,
      modifiedTime: now,
      content: spec.content ?? null,
      owner: spec.owner ?? actingUser(this.runtime),
      sharedWith: [],
    };
    this.byId.set(file.id, file);
    return file;
  }

  /** The owner shares a file with an account, or with ANYONE_WITH_LINK, as the Share dialog does. */
  share(id: string, withWhom: string): void {
    const file = this.file(id);
    if (!file) throw new Error(`No file with id ${id} in the local Drive`);
    if (!file.sharedWith.includes(withWhom)) file.sharedWith.push(withWhom);
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

  /** Drive-like ids, deterministic so runs can be compared. */
  private newId(): string {
    this.counter++;
    return '1' + createHash('sha256').update(`local-drive-${this.counter}`).digest('base64url').slice(0, 32);
  }
}
