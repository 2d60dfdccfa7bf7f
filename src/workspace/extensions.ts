/**
 * The Extensions sheet: the ledger of revised due dates, one line per change, read in one getValues and
 * written back only where lines changed (a reason given, a decision taken) plus one append for new lines.
 */
import {
  EXTENSION_HEADERS,
  EXTENSION_STATE_LABELS,
  extensionsByAction,
  extensionsOf,
} from '../core/extensions';
import type { ActionExtensions, ExtensionEntry, ExtensionState } from '../core/extensions';
import type { Action, IsoDate } from '../core/model';
import { cellText } from './cells';
import { LedgerLines, ledgerDate, ledgerDay, type LedgerFormat } from './ledgerLines';
import { ensureSheet } from './sheets';
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

/** A ledger line as the core reads it; null for a blank or unreadable line. */
export function entryOfRow(row: readonly unknown[], timeZone: string): ExtensionEntry | null {
  const to = ledgerDay(row[5], timeZone);
  const when = ledgerDay(row[0], timeZone);
  if (to === null || when === null) return null;
  return {
    when,
    who: cellText(row[1]),
    actionId: cellText(row[2]),
    ref: cellText(row[3]),
    from: ledgerDay(row[4], timeZone),
    to,
    reason: cellText(row[6]),
    state: STATE_OF.get(cellText(row[7]).toLowerCase()) ?? 'awaitingApproval',
    approvedBy: cellText(row[8]),
    decidedOn: ledgerDay(row[9], timeZone),
    minute: cellText(row[10]),
  };
}

function rowOf(entry: ExtensionEntry, timeZone: string): unknown[] {
  const date = (d: IsoDate | null): unknown => ledgerDate(d, timeZone);
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

const LINES: LedgerFormat<ExtensionEntry> = { read: entryOfRow, write: rowOf, formats: FORMATS };

/** The ledger as one execution read it, with what changed kept until save(). */
export class Ledger {
  private index: Map<string, ActionExtensions>;

  private constructor(
    private readonly sheet: GoogleAppsScript.Spreadsheet.Sheet,
    private readonly lines: LedgerLines<ExtensionEntry>,
  ) {
    this.index = extensionsByAction(lines.all());
  }

  static read(wb: Workbook): Ledger {
    return wb.once('ledger', () => {
      const sheet = ensureExtensionsSheet(wb.ss);
      return new Ledger(sheet, LedgerLines.of(sheet.getDataRange().getValues(), LINES, wb.timeZone));
    });
  }

  /** Every line, as this execution left it. */
  all(): readonly ExtensionEntry[] {
    return this.lines.all();
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
      if (!this.lines.replace(entry, after.entries[i]))
        throw new Error(`An extension of ${entry.ref} was changed without being read.`);
    });
    this.lines.add(after.entries.slice(before.entries.length));
    this.index = extensionsByAction(this.lines.all());
  }

  /** Lines found later (revised dates the ledger never saw). */
  append(entries: readonly ExtensionEntry[]): void {
    this.lines.add(entries);
    this.index = extensionsByAction(this.lines.all());
  }

  /** One setValues per run of changed lines, one append for the new ones. */
  save(): void {
    this.lines.save(this.sheet);
  }
}
