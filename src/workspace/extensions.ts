/**
 * The Extensions ledger as the paper reads it (src/core/extensions.ts holds its rules and columns). Read
 * defensively: no sheet yet means no ledger, columns are found by header, and a row that is not a whole entry
 * (no To date, no Ref or Action id, a state that is not one of the ledger's) is left out rather than guessed.
 */
import type { ExtensionEntry, ExtensionState } from '../core/extensions';
import { EXTENSION_HEADERS, EXTENSION_STATE_LABELS } from '../core/extensions';
import { cellDate, cellText } from './cells';

export const EXTENSIONS_SHEET = 'Extensions';

const STATE_BY_LABEL = new Map<string, ExtensionState>(
  Object.entries(EXTENSION_STATE_LABELS).map(([state, label]) => [
    label.toLowerCase(),
    state as ExtensionState,
  ]),
);

/** The ledger's entries in sheet order; [] when the spreadsheet has no Extensions sheet. One getValues. */
export function readExtensionLedger(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  timeZone: string,
): ExtensionEntry[] {
  const sheet = ss.getSheetByName(EXTENSIONS_SHEET);
  if (!sheet) return [];
  const [header = [], ...rows] = sheet.getDataRange().getValues();
  const names = header.map((h) => cellText(h).toLowerCase());
  const column = Object.fromEntries(
    EXTENSION_HEADERS.map((h) => [h, names.indexOf(h.toLowerCase())]),
  ) as Record<(typeof EXTENSION_HEADERS)[number], number>;
  const entries: ExtensionEntry[] = [];
  for (const row of rows) {
    const text = (h: (typeof EXTENSION_HEADERS)[number]): string =>
      column[h] < 0 ? '' : cellText(row[column[h]]);
    const date = (h: (typeof EXTENSION_HEADERS)[number]): string | null | undefined =>
      column[h] < 0 ? null : cellDate(row[column[h]], timeZone);
    const to = date('To');
    const when = date('When');
    const from = date('From');
    const decidedOn = date('Decided on');
    const state = STATE_BY_LABEL.get(text('State').toLowerCase());
    const ref = text('Ref');
    const actionId = text('Action id');
    if (
      !to ||
      !when ||
      from === undefined ||
      decidedOn === undefined ||
      !state ||
      (ref === '' && actionId === '')
    ) {
      continue;
    }
    entries.push({
      when,
      who: text('Who'),
      actionId,
      ref,
      from,
      to,
      reason: text('Reason'),
      state,
      approvedBy: text('Approved by'),
      decidedOn,
      minute: text('Minute'),
    });
  }
  return entries;
}
