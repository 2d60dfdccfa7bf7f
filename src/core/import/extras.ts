/**
 * Cells past the header, under a blank header or under a header the import does not understand are kept as
 * extra columns: the adapter adds each to the register under its name. A column becomes one only when some
 * action has text in it.
 */
import { normaliseHeader } from '../headers';
import { extraColumnName, type ColumnMap } from './columns';
import type { ExtraColumn } from './types';

export class ExtraColumns {
  readonly columns: ExtraColumn[] = [];
  private readonly byKey = new Map<string, number>();
  private readonly names = new Set<string>();

  /** The index of the extra column for a plan column of a table, added the first time it holds text. */
  indexFor(map: ColumnMap, column: number): number {
    const header = map.headers[column] ?? '';
    const key = header === '' ? `#${column}` : `${normaliseHeader(header)}#${column}`;
    const known = this.byKey.get(key);
    if (known !== undefined) return known;
    const name = extraColumnName(header, column, this.names);
    this.names.add(normaliseHeader(name));
    this.columns.push({ header: name, column: column + 1 });
    this.byKey.set(key, this.columns.length - 1);
    return this.columns.length - 1;
  }
}
