/** Drive.Files of the advanced Drive service (v3 subset): create, get, list, update and remove. */
import { readBlob } from '../Base/blob';
import { apiError } from './api-error';
import type { LocalDrive } from './drive';
import { DriveFile, FOLDER_MIME } from './drive-file';
import { DEFAULT_FILE_FIELDS, parseFields, pick } from './fields';
import { parseQuery } from './query';
import { DRIVE_FILES_SCOPES, INSUFFICIENT_SCOPES } from './scopes';

type DriveFileResource = GoogleAppsScript.Drive_v3.Drive.V3.Schema.File;
type DriveFileList = GoogleAppsScript.Drive_v3.Drive.V3.Schema.FileList;

function splitIds(value: unknown): string[] {
  if (typeof value !== 'string') return [];
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Drive.Files: the calls are counted as `Drive.Files.create` and so on. */
export class DriveFilesApi {
  constructor(private readonly drive: LocalDrive) {}

  create(
    resource: DriveFileResource,
    mediaData?: unknown,
    optionalArgs?: Record<string, unknown>,
  ): DriveFileResource {
    this.authorised('create');
    const meta = resource ?? {};
    const media = mediaData === undefined || mediaData === null ? null : readBlob(mediaData, 'mediaData');
    const parents = (meta.parents ?? ['root']).map((p) => this.drive.resolve(p));
    if (parents.length > 1) throw apiError('create', 'Increasing the number of parents is not allowed.');
    for (const parent of parents) this.folder('create', parent);
    const file = this.drive.createFile({
      name: meta.name ?? media?.name ?? 'Untitled',
      mimeType: meta.mimeType ?? media?.contentType ?? 'application/octet-stream',
      parents,
      content: media ? media.bytes : null,
    });
    return this.shape(file, optionalArgs);
  }

  get(fileId: string, optionalArgs?: Record<string, unknown>): DriveFileResource | string {
    this.authorised('get');
    const file = this.existing('get', fileId);
    if (optionalArgs?.alt === 'media') {
      if (!file.content) {
        throw apiError(
          'get',
          'Only files with binary content can be downloaded. Use Export with Docs Editors files.',
        );
      }
      return Buffer.from(file.content).toString('utf8');
    }
    return this.shape(file, optionalArgs);
  }

  list(optionalArgs?: Record<string, unknown>): DriveFileList {
    const q = typeof optionalArgs?.q === 'string' ? optionalArgs.q : '';
    const clauses = q.trim() ? parseQuery(q, (id) => this.drive.resolve(id)) : [];
    this.authorised('list');
    const matches = this.drive
      .files()
      .filter((f) => this.drive.reachable(f, false) && clauses.every((c) => c(f)));
    const pageSize = typeof optionalArgs?.pageSize === 'number' ? optionalArgs.pageSize : 100;
    const selection =
      typeof optionalArgs?.fields === 'string'
        ? parseFields(optionalArgs.fields)
        : { files: DEFAULT_FILE_FIELDS };
    const fileSelection =
      selection.files === true || !selection.files ? DEFAULT_FILE_FIELDS : selection.files;
    const result: Record<string, unknown> = {
      kind: 'drive#fileList',
      incompleteSearch: false,
      files: matches.slice(0, pageSize).map((f) => pick(this.drive.resource(f), fileSelection)),
    };
    if (typeof optionalArgs?.fields !== 'string') return result as DriveFileList;
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(selection)) if (result[key] !== undefined) out[key] = result[key];
    return out as DriveFileList;
  }

  update(
    resource: DriveFileResource,
    fileId: string,
    mediaData?: unknown,
    optionalArgs?: Record<string, unknown>,
  ): DriveFileResource {
    this.authorised('update');
    const file = this.existing('update', fileId, true);
    const meta = resource ?? {};
    // https://developers.google.com/workspace/drive/api/guides/folder#move-files
    if (meta.parents !== undefined) {
      throw apiError(
        'update',
        'The parents field is not directly writable in update requests. Use the addParents and removeParents parameters instead.',
      );
    }
    const add = splitIds(optionalArgs?.addParents).map((p) => this.drive.resolve(p));
    const remove = new Set(splitIds(optionalArgs?.removeParents).map((p) => this.drive.resolve(p)));
    for (const parent of add) this.folder('update', parent);
    const parents = [
      ...file.parents.filter((p) => !remove.has(p)),
      ...add.filter((p) => !file.parents.includes(p)),
    ];
    if (parents.length > 1) throw apiError('update', 'Increasing the number of parents is not allowed.');
    file.parents = [...new Set(parents)];
    if (typeof meta.name === 'string') file.name = meta.name;
    if (typeof meta.trashed === 'boolean') file.trashed = meta.trashed;
    if (mediaData !== undefined && mediaData !== null) file.content = readBlob(mediaData, 'mediaData').bytes;
    this.drive.touch(file);
    return this.shape(file, optionalArgs);
  }

  remove(fileId: string): void {
    this.authorised('delete');
    this.existing('delete', fileId, true);
    this.drive.remove(fileId);
  }

  /**
   * The request is refused before Drive looks at any file when the manifest grants none of the method's scopes
   * (the REST API's message, as the advanced service passes it on).
   */
  private authorised(method: keyof typeof DRIVE_FILES_SCOPES): void {
    if (!this.drive.runtime.scopes.hasAny(DRIVE_FILES_SCOPES[method]))
      throw apiError(method, INSUFFICIENT_SCOPES);
  }

  /** A file the app cannot reach for this user is "not found", exactly as a missing one. */
  private existing(method: string, fileId: string, write = false): DriveFile {
    const file = typeof fileId === 'string' ? this.drive.file(fileId) : undefined;
    if (!file || !this.drive.reachable(file, write))
      throw apiError(method, `File not found: ${String(fileId)}.`);
    return file;
  }

  private folder(method: string, id: string): DriveFile {
    const folder = this.drive.file(id);
    if (!folder || folder.mimeType !== FOLDER_MIME || !this.drive.reachable(folder, true))
      throw apiError(method, `File not found: ${id}.`);
    return folder;
  }

  private shape(file: DriveFile, optionalArgs?: Record<string, unknown>): DriveFileResource {
    const selection =
      typeof optionalArgs?.fields === 'string' ? parseFields(optionalArgs.fields) : DEFAULT_FILE_FIELDS;
    return pick(this.drive.resource(file), selection) as DriveFileResource;
  }
}
