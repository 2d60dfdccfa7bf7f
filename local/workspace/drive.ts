/**
 * The in-memory Drive behind the local Workspace: where documents and saved PDFs live, and the subset of the
 * advanced Drive service (v3) the project uses to keep its files in a folder. The project does not use DriveApp
 * because that needs the full Drive scope.
 */
import { createHash } from 'node:crypto';
import { readBlob } from './blob';
import { Runtime, expose } from './runtime';

export const FOLDER_MIME = 'application/vnd.google-apps.folder';
export const DOCUMENT_MIME = 'application/vnd.google-apps.document';
export const PDF_MIME = 'application/pdf';

type DriveFileResource = GoogleAppsScript.Drive_v3.Drive.V3.Schema.File;
type DriveFileList = GoogleAppsScript.Drive_v3.Drive.V3.Schema.FileList;

/** One file or folder in the in-memory Drive. */
export interface DriveFile {
  id: string;
  name: string;
  mimeType: string;
  /** Drive v3 allows one parent per file; kept as a list because the API speaks in lists. */
  parents: string[];
  trashed: boolean;
  createdTime: string;
  modifiedTime: string;
  /** Uploaded bytes; null for folders and Google Docs, which have no binary content. */
  content: Uint8Array | null;
}

/** Google's error for a failed advanced-service call: "API call to drive.files.get failed with error: ...". */
function apiError(method: string, message: string): Error {
  return new Error(`API call to drive.files.${method} failed with error: ${message}`);
}

interface FieldSelection {
  [field: string]: FieldSelection | true;
}

/** Parses a `fields` parameter such as "nextPageToken, files(id, name, parents)". */
function parseFields(fields: string): FieldSelection {
  const result: FieldSelection = {};
  let depth = 0;
  let start = 0;
  const items: string[] = [];
  for (let i = 0; i <= fields.length; i++) {
    const ch = fields[i];
    if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if ((ch === ',' && depth === 0) || i === fields.length) {
      items.push(fields.slice(start, i).trim());
      start = i + 1;
    }
  }
  for (const item of items) {
    if (!item) continue;
    const open = item.indexOf('(');
    if (open === -1) result[item] = true;
    else result[item.slice(0, open).trim()] = parseFields(item.slice(open + 1, item.lastIndexOf(')')));
  }
  return result;
}

/** The v3 default when no `fields` is given: kind, id, name and mimeType only. */
const DEFAULT_FILE_FIELDS: FieldSelection = { kind: true, id: true, name: true, mimeType: true };

function pick(resource: Record<string, unknown>, selection: FieldSelection): Record<string, unknown> {
  if (selection['*']) return resource;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(selection)) {
    if (resource[key] !== undefined) out[key] = resource[key];
  }
  return out;
}

type Clause = (file: DriveFile) => boolean;

const STRING = String.raw`'((?:[^'\\]|\\.)*)'`;

function unquote(literal: string): string {
  return literal.replace(/\\(.)/g, '$1');
}

/**
 * The Drive search syntax the project needs: clauses joined by `and`, over name (=, !=, contains), mimeType
 * (=, !=), trashed and `'id' in parents`.
 * https://developers.google.com/workspace/drive/api/guides/ref-search-terms
 */
function parseQuery(q: string, resolveId: (id: string) => string): Clause[] {
  const clauses: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < q.length; i++) {
    const ch = q[i];
    if (ch === '\\' && quoted) {
      current += ch + (q[i + 1] ?? '');
      i++;
      continue;
    }
    if (ch === "'") quoted = !quoted;
    if (!quoted && /^\s+and\s+/i.test(q.slice(i)) && /\s/.test(ch)) {
      const match = /^\s+and\s+/i.exec(q.slice(i));
      clauses.push(current.trim());
      current = '';
      i += (match ? match[0].length : 1) - 1;
      continue;
    }
    current += ch;
  }
  if (current.trim()) clauses.push(current.trim());

  return clauses.map((clause): Clause => {
    let m = new RegExp(`^(name|mimeType)\\s*(=|!=|contains)\\s*${STRING}$`).exec(clause);
    if (m) {
      const field = m[1] as 'name' | 'mimeType';
      const op = m[2];
      const value = unquote(m[3]);
      if (op === '=') return (f) => f[field] === value;
      if (op === '!=') return (f) => f[field] !== value;
      if (field === 'mimeType') throw apiError('list', 'Invalid Value');
      // Drive matches `contains` on name by word prefix, not as a substring.
      const term = value.toLowerCase();
      return (f) =>
        f.name.toLowerCase().startsWith(term) ||
        f.name
          .toLowerCase()
          .split(/[^a-z0-9]+/)
          .some((word) => word.startsWith(term));
    }
    m = /^trashed\s*(=|!=)\s*(true|false)$/i.exec(clause);
    if (m) {
      const wanted = (m[2].toLowerCase() === 'true') === (m[1] === '=');
      return (f) => f.trashed === wanted;
    }
    m = new RegExp(`^${STRING}\\s+in\\s+parents$`).exec(clause);
    if (m) {
      const parent = resolveId(unquote(m[1]));
      return (f) => f.parents.includes(parent);
    }
    throw apiError('list', 'Invalid Value');
  });
}

function splitIds(value: unknown): string[] {
  if (typeof value !== 'string') return [];
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

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

  /** Adds a file, as DocumentApp.create or an upload would. */
  createFile(spec: {
    name: string;
    mimeType: string;
    parents?: string[];
    content?: Uint8Array | null;
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
    };
    this.byId.set(file.id, file);
    return file;
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

/** Drive.Files: the calls are counted as `Drive.Files.create` and so on. */
class DriveFilesApi {
  constructor(private readonly drive: LocalDrive) {}

  create(
    resource: DriveFileResource,
    mediaData?: unknown,
    optionalArgs?: Record<string, unknown>,
  ): DriveFileResource {
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
    const matches = this.drive.files().filter((f) => clauses.every((c) => c(f)));
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
    const file = this.existing('update', fileId);
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
    this.existing('delete', fileId);
    this.drive.remove(fileId);
  }

  private existing(method: string, fileId: string): DriveFile {
    const file = typeof fileId === 'string' ? this.drive.file(fileId) : undefined;
    if (!file) throw apiError(method, `File not found: ${String(fileId)}.`);
    return file;
  }

  private folder(method: string, id: string): DriveFile {
    const folder = this.drive.file(id);
    if (!folder || folder.mimeType !== FOLDER_MIME) throw apiError(method, `File not found: ${id}.`);
    return folder;
  }

  private shape(file: DriveFile, optionalArgs?: Record<string, unknown>): DriveFileResource {
    const selection =
      typeof optionalArgs?.fields === 'string' ? parseFields(optionalArgs.fields) : DEFAULT_FILE_FIELDS;
    return pick(this.drive.resource(file), selection) as DriveFileResource;
  }
}
