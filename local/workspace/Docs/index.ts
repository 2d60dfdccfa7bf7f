/** The advanced Docs service of the local Workspace: what the Workspace and the tests use. */
export { LocalDocsApi } from './docs';
export { DocsDocumentsApi } from './documents';
export { DOCS_CHARACTER_LIMIT, checkDocumentSize } from './limits';
export { bodyLength, layoutOf } from './layout';
export type { Layout, TableSpan } from './layout';
