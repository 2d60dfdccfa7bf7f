/**
 * Step 5, dates: timescales and date cells as UK officers write them (src/core/timescale.ts reads the words).
 * A date cell is one day, UK day-first ("31/03/2025", "2025-03-31", "31 March 2025"); what is not one day is
 * kept as written and reported, never guessed.
 */
import type { IsoDate, Timescale } from '../model';
import { dueDateOf, parseTimescale } from '../timescale';
import type { Draft } from './draft';
import type { Report } from './report';
import { excerpt, plainText } from './text';

/** The one day a date cell names, or null. */
export function dateOf(text: string): IsoDate | null {
  const t = parseTimescale(text);
  return t.kind === 'deadline' && t.dates.length === 1 ? t.dates[0] : null;
}

/** The day a Progress header reports to ("Progress to 31 July 2010", "Progress as at 30/09/2010"), if any. */
export function progressDateOf(header: string): IsoDate | null {
  const match = /\b(?:to|as at|at|until|up to)\s+(.+)$/i.exec(plainText(header));
  return match ? dateOf(match[1]) : null;
}

function recKey(n: string): string {
  return /^\d+$/.test(n.trim()) ? String(Number(n)) : n.trim().toLowerCase();
}

export interface DraftDates {
  readonly timescale: string;
  readonly parsed: Timescale;
  readonly dueDate: IsoDate | null;
}

/** The timescale as written: the Timescale column, else the text of a date column. */
export function timescaleText(d: Draft): string {
  return d.hasTimescaleColumn ? (d.text.timescale ?? '') : (d.text.dueDate ?? '');
}

/** The original due date of one draft, before inherited timescales are resolved. */
function ownDueDate(d: Draft, parsed: Timescale, today: IsoDate, report: Report): IsoDate | null {
  const row = d.sourceRows[0];
  const dueCell = d.hasTimescaleColumn ? (d.text.dueDate ?? '') : '';
  if (dueCell !== '') {
    const date = dateOf(dueCell);
    if (date !== null) return date;
    report.add({
      row,
      problem: `due date “${excerpt(dueCell)}” is not one day`,
      kept: 'the due date is taken from the timescale; what was written is in this line',
      text: dueCell,
    });
  }
  const timescale = timescaleText(d);
  if (timescale.trim() === '') {
    report.add({ row, problem: 'no timescale', kept: 'no due date' });
    return null;
  }
  if (parsed.kind === 'not understood')
    report.add({ row, problem: 'timescale not understood', kept: `“${excerpt(timescale)}”, no due date` });
  return dueDateOf(parsed, today);
}

/** Due dates of every draft; "As for Reccs. 1 and 6" takes the latest of those recommendations' actions. */
export function dueDates(drafts: readonly Draft[], today: IsoDate, report: Report): Map<Draft, DraftDates> {
  const out = new Map<Draft, DraftDates>();
  const pending = new Map<Draft, readonly string[]>();
  for (const d of drafts) {
    const timescale = timescaleText(d);
    const parsed = parseTimescale(timescale);
    if (parsed.kind === 'inherited' && (d.hasTimescaleColumn ? (d.text.dueDate ?? '') : '') === '') {
      pending.set(d, (parsed.inheritsFrom ?? []).map(recKey));
      out.set(d, { timescale, parsed, dueDate: null });
    } else out.set(d, { timescale, parsed, dueDate: ownDueDate(d, parsed, today, report) });
  }
  resolveInherited(drafts, pending, out, report);
  return out;
}

function resolveInherited(
  drafts: readonly Draft[],
  pending: Map<Draft, readonly string[]>,
  out: Map<Draft, DraftDates>,
  report: Report,
): void {
  let progressed = true;
  while (pending.size > 0 && progressed) {
    progressed = false;
    for (const [d, from] of pending) {
      const sources = drafts.filter((x) => x !== d && from.includes(recKey(x.rec.number ?? '')));
      if (sources.some((x) => pending.has(x))) continue;
      const dates = sources.map((x) => out.get(x)?.dueDate ?? null).filter((x): x is IsoDate => x !== null);
      const latest = dates.length > 0 ? dates.reduce((a, b) => (b > a ? b : a)) : null;
      const own = out.get(d);
      if (own) out.set(d, { ...own, dueDate: latest });
      if (latest === null) {
        report.add({
          row: d.sourceRows[0],
          problem: `timescale not understood: recommendation${from.length === 1 ? '' : 's'} ${from.join(', ')} give no due date`,
          kept: `“${excerpt(own?.timescale ?? '')}”, no due date`,
        });
      }
      pending.delete(d);
      progressed = true;
    }
  }
  for (const d of pending.keys()) {
    report.add({
      row: d.sourceRows[0],
      problem: 'timescale not understood: it refers back to itself',
      kept: `“${excerpt(out.get(d)?.timescale ?? '')}”, no due date`,
    });
  }
}

/** A date column (revised date, completed on, last updated): its day, or a report line keeping the text. */
export function dateCell(d: Draft, text: string | undefined, what: string, report: Report): IsoDate | null {
  if (text === undefined || text.trim() === '') return null;
  const date = dateOf(text);
  if (date === null)
    report.add({
      row: d.sourceRows[0],
      problem: `${what} “${excerpt(text)}” is not one day`,
      kept: `no ${what}; what was written is in this line`,
      text,
    });
  return date;
}
