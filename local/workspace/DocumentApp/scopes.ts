/** Scopes of DocumentApp and its classes, as the reference lists them under "Authorization". */
import { SCOPE, type ScopeTable } from '../scopes';

const OPEN = [SCOPE.documents];
const EDIT = [SCOPE.documentsCurrentOnly, SCOPE.documents];

/**
 * DocumentApp.create, openById and openByUrl need documents
 * (https://developers.google.com/apps-script/reference/document/document-app#create(String)); the methods of a
 * Document and its elements need documents.currentonly or documents
 * (https://developers.google.com/apps-script/reference/document/body). A Blob from getAs needs nothing.
 */
export const DOCUMENT_SCOPES: ScopeTable = {
  'DocumentApp.create': OPEN,
  'DocumentApp.openById': OPEN,
  'DocumentApp.openByUrl': OPEN,
  'Document.*': EDIT,
  'Body.*': EDIT,
  'Paragraph.*': EDIT,
  'ListItem.*': EDIT,
  'Table.*': EDIT,
  'TableRow.*': EDIT,
  'TableCell.*': EDIT,
  'Text.*': EDIT,
  'PageBreak.*': EDIT,
  'HorizontalRule.*': EDIT,
};
