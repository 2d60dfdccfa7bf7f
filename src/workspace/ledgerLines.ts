/**
 * The lines of a ledger sheet (Extensions, Sign-off) as one execution read them: lines are never deleted, only
 * changed in place (a reason given, a decision taken) or added, so save() writes one setValues per run of changed
 * rows and one append for the new lines, whatever the size of the ledger.
 */
import { fromIsoDate, isIsoDate, toIsoDate } from '../core/dates';
import type { IsoDate } from '../core/model';
import { cellText } from './cells';
import { runs } from './register';
import { appendRows } from './sheets';

/** How one ledger's lines are read from and written to its row of cells. */
export interface LedgerFormat<T> {
  /** null for a blank or unreadable row, which is left as it is. */
  read(row: readonly unknown[], timeZone: string): T | null;
  write(line: T, timeZone: string): unknown[];
  /** The number format of each column, '@' for text kept as written. */
  formats: readonly string[];
}

export class LedgerLines<T extends object> {
  private readonly rowOf = new Map<T, number>();
  private readonly changed = new Map<number, T>();
  private readonly added: T[] = [];

  private constructor(
    private readonly lines: T[],
    rows: readonly number[],
    private readonly format: LedgerFormat<T>,
    private readonly timeZone: string,
  ) {
    lines.forEach((line, i) => this.rowOf.set(line, rows[i]));
  }

  /** The lines below the header row of `values` (a sheet's getValues()). */
  static of<T extends object>(
    values: readonly (readonly unknown[])[],
    format: LedgerFormat<T>,
    timeZone: string,
  ): LedgerLines<T> {
    const lines: T[] = [];
    const rows: number[] = [];
    values.slice(1).forEach((row, i) => {
      const line = format.read(row, timeZone);
      if (line) {
        lines.push(line);
        rows.push(i + 2);
      }
    });
    return new LedgerLines(lines, rows, format, timeZone);
  }

  /** Every line, as this execution left it. */
  all(): T[] {
    return [...this.lines, ...this.added].map((line) => this.current(line));
  }

  /** Puts `after` where `before` stands; false when `before` is no line of this ledger. */
  replace(before: T, after: T): boolean {
    if (before === after) return true;
    const row = this.rowOf.get(before);
    if (row !== undefined) {
      this.changed.set(row, after);
      this.rowOf.set(after, row);
      return true;
    }
    const i = this.added.indexOf(before);
    if (i === -1) return false;
    this.added[i] = after;
    return true;
  }

  add(lines: readonly T[]): void {
    this.added.push(...lines);
  }

  get unsaved(): boolean {
    return this.changed.size > 0 || this.added.length > 0;
  }

  save(sheet: GoogleAppsScript.Spreadsheet.Sheet): void {
    const width = this.format.formats.length;
    for (const run of runs([...this.changed.keys()])) {
      sheet
        .getRange(run[0], 1, run.length, width)
        .setValues(run.map((row) => this.format.write(this.changed.get(row) as T, this.timeZone)));
    }
    if (this.added.length > 0) {
      appendRows(
        sheet,
        this.added.map((line) => this.format.write(line, this.timeZone)),
        this.format.formats,
      );
    }
    // The lines changed in place are the lines from now on: all() must not give their old versions.
    this.lines.splice(0, this.lines.length, ...this.lines.map((line) => this.current(line)));
    this.changed.clear();
    this.lines.push(...this.added.splice(0));
  }

  private current(line: T): T {
    const row = this.rowOf.get(line);
    return row === undefined ? line : (this.changed.get(row) ?? line);
  }
}

/** A date cell of a ledger as the core reads it: a Date, or text already in ISO form; else null. */
export function ledgerDay(value: unknown, timeZone: string): IsoDate | null {
  if (Object.prototype.toString.call(value) === '[object Date]') return toIsoDate(value as Date, timeZone);
  const text = cellText(value);
  return isIsoDate(text) ? text : null;
}

/** A ledger's date for its cell: a Date at midnight in the spreadsheet's zone, or blank. */
export function ledgerDate(day: IsoDate | null, timeZone: string): unknown {
  return day === null ? '' : fromIsoDate(day, timeZone);
}
