/**
 * Docs.Documents of the advanced Docs service (v1): get and batchUpdate, on the same documents DocumentApp
 * works on. Each call is one service call (`Docs.Documents.get`, `Docs.Documents.batchUpdate`).
 * Reference: https://developers.google.com/workspace/docs/api/reference/rest/v1/documents
 */
import type { LocalDocuments } from '../DocumentApp/document-app';
import type { FakeDocument } from '../DocumentApp/stored-document';
import { NotImplementedError } from '../runtime';
import { INVALID_ARGUMENT, RequestError, docsError } from './api-error';
import { parseDocumentFields } from './fields';
import type { Selection } from './fields';
import { layoutOf } from './layout';
import { DOCS_CHARACTER_LIMIT, documentTooLarge } from './limits';
import { applyRequests } from './requests';
import { documentJson } from './structure';

type Schema = GoogleAppsScript.Docs.Schema.Document;
type BatchResponse = GoogleAppsScript.Docs.Schema.BatchUpdateDocumentResponse;

/** The query parameters documents.get takes besides the standard `fields`. */
const GET_PARAMETERS = new Set(['fields', 'suggestionsViewMode', 'includeTabsContent']);

export class DocsDocumentsApi {
  /** Each document's revision, moved on by every batchUpdate. */
  private readonly revisions = new WeakMap<FakeDocument, number>();

  constructor(private readonly docs: LocalDocuments) {}

  get(documentId: string, optionalArgs?: Record<string, unknown>): Schema {
    const doc = this.document('get', documentId);
    const args = optionalArgs ?? {};
    for (const key of Object.keys(args)) {
      if (!GET_PARAMETERS.has(key)) {
        // Google's wording for an unknown query parameter of a v1 API.
        throw docsError(
          'get',
          `Invalid JSON payload received. Unknown name "${key}": Cannot bind query parameter. Field '${key}' could not be found in request message.`,
        );
      }
    }
    if (args.includeTabsContent === true)
      throw new NotImplementedError('Docs.Documents.get includeTabsContent');
    if (args.suggestionsViewMode !== undefined && args.suggestionsViewMode !== 'SUGGESTIONS_INLINE') {
      throw new NotImplementedError(
        `Docs.Documents.get suggestionsViewMode ${String(args.suggestionsViewMode)}`,
      );
    }
    if (args.fields !== undefined && typeof args.fields !== 'string')
      throw docsError('get', INVALID_ARGUMENT);
    const selection: Selection =
      args.fields === undefined ? true : parseDocumentFields(args.fields as string);
    this.saved(doc, 'get');
    return documentJson(this.meta(doc), doc.body, layoutOf(doc.body), selection) as Schema;
  }

  batchUpdate(
    resource: GoogleAppsScript.Docs.Schema.BatchUpdateDocumentRequest,
    documentId: string,
  ): BatchResponse {
    const doc = this.document('batchUpdate', documentId);
    const requests = (resource as { requests?: unknown } | null)?.requests;
    // Modelled on the Sheets API's refusal of an empty batch (the stricter reading).
    if (!Array.isArray(requests) || requests.length === 0) {
      throw docsError('batchUpdate', 'Invalid requests: Must specify at least one request.');
    }
    if ((resource as { writeControl?: unknown }).writeControl !== undefined) {
      throw new NotImplementedError('Docs.Documents.batchUpdate writeControl');
    }
    this.saved(doc, 'batchUpdate');
    let replies: Record<string, unknown>[];
    try {
      replies = applyRequests(doc.body, requests);
    } catch (error) {
      if (error instanceof RequestError) throw docsError('batchUpdate', error.message);
      throw error;
    }
    const length = layoutOf(doc.body).end;
    if (length > DOCS_CHARACTER_LIMIT) throw docsError('batchUpdate', documentTooLarge(length));
    this.revisions.set(doc, (this.revisions.get(doc) ?? 0) + 1);
    doc._touch();
    return {
      documentId: doc.id,
      replies,
      writeControl: { requiredRevisionId: this.revisionId(doc) },
    } as BatchResponse;
  }

  /**
   * The document, if the user the script runs as may open it. Google's wordings: an id no file has, "Requested
   * entity was not found."; a file that is not a Google Doc (a Word file in Drive, a spreadsheet), "This operation
   * is not supported for this document"; a Doc not shared with the user, "The caller does not have permission"
   * (the Docs API's 403, https://developers.google.com/workspace/docs/api/reference/rest/v1/documents/get: the
   * documents scope reaches every Doc the user can open, and only those).
   */
  private document(method: 'get' | 'batchUpdate', documentId: unknown): FakeDocument {
    const file = typeof documentId === 'string' ? this.docs.drive.file(documentId) : undefined;
    if (!file || typeof documentId !== 'string') throw docsError(method, 'Requested entity was not found.');
    const doc = this.docs._find(documentId);
    if (!doc) throw docsError(method, 'This operation is not supported for this document');
    if (!this.docs._openable(documentId)) throw docsError(method, 'The caller does not have permission');
    return doc;
  }

  /**
   * DocumentApp's pending edits reach the document only at saveAndClose or the end of the execution, so on Google
   * the API would read and change the version before them, and a later save would apply them on top. The local
   * Workspace refuses instead (stricter): a script must save what it wrote before calling the API.
   */
  private saved(doc: FakeDocument, method: 'get' | 'batchUpdate'): void {
    if (doc._unsaved.size > 0) {
      throw new Error(
        `Docs.Documents.${method} on a document with unsaved DocumentApp edits: Google would not see them until ` +
          'saveAndClose() or the end of the execution. Call saveAndClose() first.',
      );
    }
  }

  private revisionId(doc: FakeDocument): string {
    return `${doc.id.slice(0, 8)}-r${this.revisions.get(doc) ?? 0}`;
  }

  private meta(doc: FakeDocument): { documentId: string; title: string; revisionId: string } {
    return { documentId: doc.id, title: doc.name, revisionId: this.revisionId(doc) };
  }
}
