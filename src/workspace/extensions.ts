/**
 * The Extensions sheet: the ledger of revised due dates, one line per change, read in one getValues and
 * written back only where lines changed (a reason given, a decision taken) plus one append for new lines.
 */
import { fromIsoDate, isIsoDate, toIsoDate } from '../core/dates';
import {
  EXTENSION_HEADERS,
  EXTENSION_STATE_LABELS,
  extensionsByAction,
  extensionsOf,
} from '../core/extensions';
import type { ActionExtensions, ExtensionEntry, ExtensionState } from '../core/extensions';
import type { Action, IsoDate } from '../core/model';
import { cellText } from './cells';
import { runs } from './register';
import { appendRows, ensureSheet } from './sheets';
import type { Workbook } from './workbook';

export const EXTENSIONS_SHEET = 'Extensions';
const DAY = 'dd mmm yyyy';
const FORMATS = [DAY, '@', '@', '@', DAY, DAY, '@', '@', '@', DAY, '@'];
const WIDTH = EXTENSION_HEADERS.length;
const STATE_OF = new Map(
  (Object.entries(EXTENSION_STATE_LABELS) as [ExtensionState, string][]).map(([k, l]) => [
    l.toLowerCase(),
    k,
  ]),
);

export function ensureExtensionsSheet(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
): GoogleAppsScript.Spreadsheet.Sheet {
  const existed = ss.getSheetByName(EXTENSIONS_SHEET) !== null;
  const sheet = ensureSheet(ss, EXTENSIONS_SHEET, EXTENSION_HEADERS);
  if (!existed) {
    const rows = sheet.getMaxRows() - 1;
    sheet.getRange(2, 1, rows, WIDTH).setNumberFormats(Array.from({ length: rows }, () => [...FORMATS]));
    const states = Object.values(EXTENSION_STATE_LABELS);
    sheet
      .getRange(2, 8, rows, 1)
      .setDataValidation(
        SpreadsheetApp.newDataValidation()
          .requireValueInList(states, true)
          .setAllowInvalid(false)
          .setHelpText(
            'The plan owner decides: Approved, Refused or Returned. Anyone else’s choice is put back.',
          )
          .build(),
      );
    sheet.setColumnWidth(2, 200).setColumnWidth(7, 320).setColumnWidth(8, 140).setColumnWidth(9, 200);
    const extra = sheet.getMaxColumns() - WIDTH;
    if (extra > 0) sheet.deleteColumns(WIDTH + 1, extra);
  }
  return sheet;
}

function dayOf(value: unknown, timeZone: string): IsoDate | null {
  if (Object.prototype.toString.call(value) === '[object Date]') return toIsoDate(value as Date, timeZone);
  const text = cellText(value);
  return isIsoDate(text) ? text : null;
}

/** A ledger line as the core reads it; null for a blank or unreadable line. */
export function entryOfRow(row: readonly unknown[], timeZone: string): ExtensionEntry | null {
  const to = dayOf(row[5], timeZone);
  const when = dayOf(row[0], timeZone);
  if (to === null || when === null) return null;
  return {
    when,
    who: cellText(row[1]),
    actionId: cellText(row[2]),
    ref: cellText(row[3]),
    from: dayOf(row[4], timeZone),
    to,
    reason: cellText(row[6]),
    state: STATE_OF.get(cellText(row[7]).toLowerCase()) ?? 'awaitingApproval',
    approvedBy: cellText(row[8]),
    decidedOn: dayOf(row[9], timeZone),
    minute: cellText(row[10]),
  };
}

function rowOf(entry: ExtensionEntry, timeZone: string): unknown[] {
  const date = (d: IsoDate | null): unknown => (d === null ? '' : fromIsoDate(d, timeZone));
  return [
    date(entry.when),
    entry.who,
    entry.actionId,
    entry.ref,
    date(entry.from),
    date(entry.to),
    entry.reason,
    EXTENSION_STATE_LABELS[entry.state],
    entry.approvedBy,
    date(entry.decidedOn),
    entry.minute,
  ];
}

/** The ledger as one execution read it, with what changed kept until save(). */
export class Ledger {
  private readonly rowOf = new Map<ExtensionEntry, number>();
  private readonly changed = new Map<number, ExtensionEntry>();
  private readonly added: ExtensionEntry[] = [];
  private index: Map<string, ActionExtensions>;

  private constructor(
    private readonly sheet: GoogleAppsScript.Spreadsheet.Sheet,
    private readonly entries: ExtensionEntry[],
    rows: readonly number[],
    private readonly timeZone: string,
  ) {
    entries.forEach((e, i) => this.rowOf.set(e, rows[i]));
    this.index = extensionsByAction(entries);
  }

  static read(wb: Workbook): Ledger {
    return wb.once('ledger', () => {
      const sheet = ensureExtensionsSheet(wb.ss);
      const values = sheet.getDataRange().getValues().slice(1);
      const entries: ExtensionEntry[] = [];
      const rows: number[] = [];
      values.forEach((row, i) => {
        const entry = entryOfRow(row, wb.timeZone);
        if (entry) {
          entries.push(entry);
          rows.push(i + 2);
        }
      });
      return new Ledger(sheet, entries, rows, wb.timeZone);
    });
  }

  all(): readonly ExtensionEntry[] {
    return [...this.entries, ...this.added];
  }

  /** Every action's extensions, keyed as the core files them. */
  byAction(): ReadonlyMap<string, ActionExtensions> {
    return this.index;
  }

  of(action: Pick<Action, 'id' | 'ref'>): ActionExtensions {
    return extensionsOf(this.index, action);
  }

  /** Takes an action's ledger after a change: earlier entries changed in place (same order), new ones after. */
  update(before: ActionExtensions, after: ActionExtensions): void {
    if (before === after) return;
    before.entries.forEach((entry, i) => {
      const now = after.entries[i];
      const row = this.rowOf.get(entry);
      if (now !== entry && row !== undefined) {
        this.changed.set(row, now);
        this.rowOf.set(now, row);
      }
    });
    this.added.push(...after.entries.slice(before.entries.length));
    this.index = extensionsByAction(this.all().map((e) => this.changedVersion(e)));
  }

  /** Lines found later (revised dates the ledger never saw). */
  append(entries: readonly ExtensionEntry[]): void {
    this.added.push(...entries);
    this.index = extensionsByAction(this.all().map((e) => this.changedVersion(e)));
  }

  private changedVersion(entry: ExtensionEntry): ExtensionEntry {
    const row = this.rowOf.get(entry);
    return row === undefined ? entry : (this.changed.get(row) ?? entry);
  }

  /** One setValues per run of changed lines, one append for the new ones. */
  save(): void {
    for (const run of runs([...this.changed.keys()])) {
      this.sheet
        .getRange(run[0], 1, run.length, WIDTH)
        .setValues(run.map((row) => rowOf(this.changed.get(row) as ExtensionEntry, this.timeZone)));
    }
    if (this.added.length > 0) {
      appendRows(
        this.sheet,
        this.added.map((e) => rowOf(e, this.timeZone)),
        FORMATS,
      );
    }
    // The lines changed in place are the lines from now on: all() must not give their old versions.
    this.entries.splice(0, this.entries.length, ...this.entries.map((e) => this.changedVersion(e)));
    this.changed.clear();
    this.entries.push(...this.added.splice(0));
  }
}
