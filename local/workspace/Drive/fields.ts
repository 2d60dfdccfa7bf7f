/** The `fields` parameter of Drive v3: which fields of a resource a call returns. */

export interface FieldSelection {
  [field: string]: FieldSelection | true;
}

/** Parses a `fields` parameter such as "nextPageToken, files(id, name, parents)". */
export function parseFields(fields: string): FieldSelection {
  const result: FieldSelection = {};
  let depth = 0;
  let start = 0;
  const items: string[] = [];
  for (let i = 0; i <= fields.length; i++) {
    const ch = fields[i];
    if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if ((ch === ',' && depth === 0) || i === fields.length) {
      items.push(fields.slice(start, i).trim());
      start = i + 1;
    }
  }
  for (const item of items) {
    if (!item) continue;
    const open = item.indexOf('(');
    if (open === -1) result[item] = true;
    else result[item.slice(0, open).trim()] = parseFields(item.slice(open + 1, item.lastIndexOf(')')));
  }
  return result;
}

/** The v3 default when no `fields` is given: kind, id, name and mimeType only. */
export const DEFAULT_FILE_FIELDS: FieldSelection = { kind: true, id: true, name: true, mimeType: true };

export function pick(resource: Record<string, unknown>, selection: FieldSelection): Record<string, unknown> {
  if (selection['*']) return resource;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(selection)) {
    if (resource[key] !== undefined) out[key] = resource[key];
  }
  return out;
}
