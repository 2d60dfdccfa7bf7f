/**
 * The Sign-off sheet: the ledger of proposed completions and the owner's decisions, one line per proposal, read
 * in one getValues and written back only where lines changed (a decision) plus one append for new lines.
 */
import type { IsoDate } from '../core/model';
import { SIGN_OFF_HEADERS, SIGN_OFF_STATE_LABELS, pendingSignOff, signOffsByAction } from '../core/signoff';
import type { SignOffEntry, SignOffState } from '../core/signoff';
import { cellText } from './cells';
import { LedgerLines, ledgerDate, ledgerDay, type LedgerFormat } from './ledgerLines';
import { ensureSheet } from './sheets';
import type { Workbook } from './workbook';

export const SIGN_OFF_SHEET = 'Sign-off';
const DAY = 'dd mmm yyyy';
const FORMATS = [DAY, '@', '@', '@', '@', '@', '@', DAY, '@'];
const WIDTH = SIGN_OFF_HEADERS.length;
const STATE_OF = new Map(
  (Object.entries(SIGN_OFF_STATE_LABELS) as [SignOffState, string][]).map(([k, l]) => [l.toLowerCase(), k]),
);

/** The Sign-off sheet, made once: free text kept as written, the State column a dropdown of the labels. */
export function ensureSignOffSheet(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
): GoogleAppsScript.Spreadsheet.Sheet {
  const existed = ss.getSheetByName(SIGN_OFF_SHEET) !== null;
  const sheet = ensureSheet(ss, SIGN_OFF_SHEET, SIGN_OFF_HEADERS);
  if (!existed) {
    const rows = sheet.getMaxRows() - 1;
    sheet.getRange(2, 1, rows, WIDTH).setNumberFormats(Array.from({ length: rows }, () => [...FORMATS]));
    sheet
      .getRange(2, 6, rows, 1)
      .setDataValidation(
        SpreadsheetApp.newDataValidation()
          .requireValueInList(Object.values(SIGN_OFF_STATE_LABELS), true)
          .setAllowInvalid(false)
          .setHelpText('The plan owner decides in Action Plan → Awaiting the owner…')
          .build(),
      );
    sheet.setColumnWidth(2, 200).setColumnWidth(5, 320).setColumnWidth(6, 140).setColumnWidth(7, 200);
    sheet.setColumnWidth(9, 320);
    const extra = sheet.getMaxColumns() - WIDTH;
    if (extra > 0) sheet.deleteColumns(WIDTH + 1, extra);
  }
  return sheet;
}

/** A ledger line as the core reads it; null for a blank or unreadable line. */
export function signOffOfRow(row: readonly unknown[], timeZone: string): SignOffEntry | null {
  const when = ledgerDay(row[0], timeZone);
  const actionId = cellText(row[2]);
  if (when === null || actionId === '') return null;
  return {
    when,
    who: cellText(row[1]),
    actionId,
    ref: cellText(row[3]),
    evidence: cellText(row[4]),
    // A state nobody can read waits for the owner: it never completes an action by accident.
    state: STATE_OF.get(cellText(row[5]).toLowerCase()) ?? 'awaiting',
    decidedBy: cellText(row[6]),
    decidedOn: ledgerDay(row[7], timeZone),
    comment: cellText(row[8]),
  };
}

function rowOf(entry: SignOffEntry, timeZone: string): unknown[] {
  const date = (d: IsoDate | null): unknown => ledgerDate(d, timeZone);
  return [
    date(entry.when),
    entry.who,
    entry.actionId,
    entry.ref,
    entry.evidence,
    SIGN_OFF_STATE_LABELS[entry.state],
    entry.decidedBy,
    date(entry.decidedOn),
    entry.comment,
  ];
}

const LINES: LedgerFormat<SignOffEntry> = { read: signOffOfRow, write: rowOf, formats: FORMATS };

/** The Sign-off ledger as one execution read it, with what changed kept until save(). */
export class SignOffLedger {
  private index: Map<string, SignOffEntry[]>;

  private constructor(
    private readonly ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
    private sheet: GoogleAppsScript.Spreadsheet.Sheet | null,
    private readonly lines: LedgerLines<SignOffEntry>,
  ) {
    this.index = signOffsByAction(lines.all());
  }

  static read(wb: Workbook): SignOffLedger {
    return wb.once('signOff', () => {
      // Made only when a line is first written: reading a register without the sheet costs one call.
      const sheet = wb.ss.getSheetByName(SIGN_OFF_SHEET);
      const values = sheet ? sheet.getDataRange().getValues() : [];
      return new SignOffLedger(wb.ss, sheet, LedgerLines.of(values, LINES, wb.timeZone));
    });
  }

  /** Every line, as this execution left it. */
  all(): SignOffEntry[] {
    return this.lines.all();
  }

  of(actionId: string): readonly SignOffEntry[] {
    return this.index.get(actionId) ?? [];
  }

  pending(actionId: string): SignOffEntry | null {
    return pendingSignOff(this.of(actionId));
  }

  /** Replaces a line by its decided or withdrawn version. */
  replace(before: SignOffEntry, after: SignOffEntry): void {
    if (!this.lines.replace(before, after))
      throw new Error(`The sign-off of ${before.ref} was changed without being read.`);
    this.reindex();
  }

  add(entry: SignOffEntry): void {
    this.lines.add([entry]);
    this.reindex();
  }

  private reindex(): void {
    this.index = signOffsByAction(this.lines.all());
  }

  /** One setValues per run of changed lines, one append for the new ones. */
  save(): void {
    if (!this.lines.unsaved) return;
    this.lines.save((this.sheet ??= ensureSignOffSheet(this.ss)));
  }
}
