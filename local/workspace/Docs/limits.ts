/**
 * How much a Google Doc holds: "up to 1.02 million characters" (Google Drive Help, "Files you can store in Google
 * Drive"). The local Workspace counts a document as the Docs API indexes it (layout.ts: every character, each
 * paragraph's newline, each table, row and cell marker and each section break), which is at least what Google
 * counts, so a document refused here may still fit on Google but one accepted here fits there (the stricter
 * reading). Google's wording for the refusal was not found; this one is modelled.
 */
import { MAX_DOCUMENT_CHARACTERS } from '../DocumentApp/document-session';
import type { BodyNode } from '../DocumentApp/nodes';
import { bodyLength } from './layout';

/** The one limit of the local Workspace, as DocumentApp enforces it on each edit. */
export const DOCS_CHARACTER_LIMIT = MAX_DOCUMENT_CHARACTERS;

export function documentTooLarge(length: number): string {
  return (
    `The document is too large: it would hold ${length.toLocaleString('en-GB')} characters, more than the ` +
    `${DOCS_CHARACTER_LIMIT.toLocaleString('en-GB')} a Google Doc can hold.`
  );
}

/** Refuses a body past the limit, as a save of the document would be refused. */
export function checkDocumentSize(body: BodyNode): void {
  const length = bodyLength(body);
  if (length > DOCS_CHARACTER_LIMIT) throw new Error(documentTooLarge(length));
}
