import type { Action, IsoDate, Officer, Settings } from '../core/model';
import type { StatusDecision } from '../core/status';

/** Everything a feature needs to know about the register after one read (and a status refresh). */
export interface RegisterView {
  readonly spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet;
  /** Actions in sheet order, with their 1-based sheet rows and computed status decisions. */
  readonly actions: readonly Action[];
  readonly rows: readonly number[];
  readonly decisions: readonly StatusDecision[];
  readonly settings: Settings;
  readonly officers: readonly Officer[];
  /** Today in the spreadsheet's time zone. */
  readonly today: IsoDate;
  readonly timeZone: string;
  /** Link to the Register sheet for emails and papers. */
  readonly url: string;
  /** True when the refresh drew the Dashboard's status chart: the owner's summary shows it. */
  readonly statusChart?: boolean;
}
