/**
 * One execution's view of the spreadsheet. Each sheet a feature needs is read once, when first asked for, and
 * the reading is handed down instead of read again: an import, a refresh or a weekly run reads Settings,
 * Officers and the Register one time each.
 */
import { toIsoDate } from '../core/dates';
import type { IsoDate, Officer } from '../core/model';
import type { OfficersSheet, SettingsSheet } from './settings';
import { readOfficers, readSettings } from './settings';
import { activeSpreadsheet } from './sheets';

export class Workbook {
  private readonly memo = new Map<string, unknown>();

  constructor(readonly ss: GoogleAppsScript.Spreadsheet.Spreadsheet = activeSpreadsheet()) {}

  /** Remembers what `read` returns under `key` for the rest of the execution. */
  once<T>(key: string, read: () => T): T {
    if (!this.memo.has(key)) this.memo.set(key, read());
    return this.memo.get(key) as T;
  }

  /** Forgets a reading that a write has made stale. */
  forget(key: string): void {
    this.memo.delete(key);
  }

  get timeZone(): string {
    return this.once('timeZone', () => this.ss.getSpreadsheetTimeZone());
  }

  /** Today in the spreadsheet's time zone, fixed for the execution. */
  get today(): IsoDate {
    return this.once('today', () => toIsoDate(new Date(), this.timeZone));
  }

  settings(): SettingsSheet {
    return this.once('settings', () => readSettings(this.ss, this.timeZone));
  }

  officers(): Officer[] {
    return this.officersSheet().officers;
  }

  /** The document's properties as this execution first read them: one read serves every feature. */
  documentProperties(): Readonly<Record<string, string>> {
    return this.once('documentProperties', () => PropertiesService.getDocumentProperties().getProperties());
  }

  officersSheet(): OfficersSheet {
    return this.once('officers', () => readOfficers(this.ss));
  }
}
