/** Recipient lists as MailApp reads them. */

const ADDRESS = /^[^\s@<>(),;:"[\]]+@[^\s@<>(),;:"[\]]+\.[^\s@<>(),;:"[\]]+$/;

/** A recipient list is a comma-separated string; "Name <address>" is accepted as Gmail accepts it. */
export function parseAddresses(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  const out: string[] = [];
  for (const part of String(value).split(',')) {
    const text = part.trim();
    if (!text) continue;
    const angle = /<([^<>]*)>\s*$/.exec(text);
    const address = (angle ? angle[1] : text).trim();
    if (!ADDRESS.test(address)) throw new Error(`Invalid email: ${text}`);
    out.push(address);
  }
  return out;
}
