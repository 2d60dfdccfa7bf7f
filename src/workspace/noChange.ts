/**
 * "No change this week" (My actions): the day each lead last said so, one document property per action id, so
 * every editor's executions see it. It only spares the action the stale rule for its week (core isStale); the
 * record of who said it and when is History's. A property per action keeps each value tiny (a property holds
 * 9 kB) and each write one call; an action's property is overwritten by its next "no change".
 */
import { isIsoDate } from '../core/dates';
import type { IsoDate } from '../core/model';
import type { Workbook } from './workbook';

const PREFIX = 'noChange.';

/** Every action's last "no change" day, from the document properties the execution read once. */
export function readNoChange(wb: Workbook): ReadonlyMap<string, IsoDate> {
  return wb.once('noChange', () => {
    const days = new Map<string, IsoDate>();
    for (const [name, value] of Object.entries(wb.documentProperties())) {
      if (name.startsWith(PREFIX) && isIsoDate(value)) days.set(name.slice(PREFIX.length), value);
    }
    return days;
  });
}

/** Records that the lead said "no change" on `day`. */
export function recordNoChange(wb: Workbook, actionId: string, day: IsoDate): void {
  PropertiesService.getDocumentProperties().setProperty(`${PREFIX}${actionId}`, day);
  const days = new Map(readNoChange(wb));
  days.set(actionId, day);
  wb.forget('noChange');
  wb.once('noChange', () => days);
}
