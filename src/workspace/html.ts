/**
 * Values handed to an HtmlService template. A template prints `<?!= ?>` unescaped, so the JSON must not be able
 * to close the <script> element it sits in, nor break a line inside a string literal.
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
