/** The `q` parameter of Drive.Files.list: the search syntax the project needs. */
import { apiError } from './api-error';
import type { DriveFile } from './drive-file';

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
export function parseQuery(q: string, resolveId: (id: string) => string): Clause[] {
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
