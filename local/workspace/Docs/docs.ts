/**
 * The advanced Docs service (v1) of the local Workspace: the `Docs` global a script sees when its manifest
 * enables it (appsscript.json, dependencies.enabledAdvancedServices: serviceId "docs", version "v1"). It reads
 * and changes the documents DocumentApp holds. Only Documents.get and Documents.batchUpdate are modelled; the
 * rest of the service throws "not implemented in the local Workspace".
 * Reference: https://developers.google.com/apps-script/advanced/docs
 */
import type { LocalDocuments } from '../DocumentApp/document-app';
import { Runtime, expose } from '../runtime';
import { DocsDocumentsApi } from './documents';

export class LocalDocsApi {
  readonly service: GoogleAppsScript.Docs;

  constructor(runtime: Runtime, docs: LocalDocuments) {
    const documents = expose<GoogleAppsScript.Docs.Collection.DocumentsCollection>(
      new DocsDocumentsApi(docs),
      'Docs.Documents',
      runtime,
    );
    this.service = expose<GoogleAppsScript.Docs>({ Documents: documents }, 'Docs', runtime);
  }
}
