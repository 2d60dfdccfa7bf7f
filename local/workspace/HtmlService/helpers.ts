/** Text helpers shared by HtmlService, HtmlOutput and HtmlTemplate. */
import { unwrap } from '../runtime';

/** Contextual escaping for `<?= ?>` in HTML text and attribute values. */
export function escapeHtml(value: unknown): string {
  return printable(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

export function printable(value: unknown): string {
  return value === null || value === undefined ? '' : String(value);
}

export function blobText(value: unknown): string | null {
  const raw = unwrap(value) as { getDataAsString?: () => string } | null;
  return raw && typeof raw === 'object' && typeof raw.getDataAsString === 'function'
    ? raw.getDataAsString()
    : null;
}
