/** The errors of the advanced Docs service, worded as Apps Script reports a failed API call. */

/** "API call to docs.documents.batchUpdate failed with error: ..." (the advanced services' wording). */
export function docsError(method: 'get' | 'batchUpdate', message: string): Error {
  return new Error(`API call to docs.documents.${method} failed with error: ${message}`);
}

/** One request of a batch refused: the caller adds "Invalid requests[i].kind: " before the message. */
export class RequestError extends Error {}

/**
 * A bad `fields` mask or argument: Google answers with this generic message and keeps the cause in the error's
 * details (seen in a Docs client's notes: "Error expanding 'fields' parameter ... is only in
 * error.details[].fieldViolations[]").
 */
export const INVALID_ARGUMENT = 'Request contains an invalid argument.';
