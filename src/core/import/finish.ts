/**
 * Step 5, build actions: drafts become ImportedActions with refs, due dates, revised dates, closure, priority
 * grade and leads worked out, each doubt reported on the action's first row.
 */
import type { Closure, IsoDate, Officer } from '../model';
import { officerIndex, resolveLeads, type LeadResolution } from '../officers';
import { dateCell, dueDates, type DraftDates } from './dates';
import type { Draft, Drafts } from './draft';
import type { ExtraColumns } from './extras';
import { assignRefs, numberRecs } from './refs';
import type { Report } from './report';
import { closureOf, priorityLevelOf } from './status';
import { CELL_LIMIT, splitForCells, thousands } from './limits';
import { excerpt } from './text';
import type { ImportedAction } from './types';

export interface FinishOptions {
  readonly today: IsoDate;
  readonly officers?: readonly Officer[];
}

/** Every draft as an action, in plan order. */
export function finishActions(
  drafts: Drafts,
  extras: ExtraColumns,
  options: FinishOptions,
  report: Report,
): ImportedAction[] {
  numberRecs(drafts, report);
  const refs = assignRefs(drafts, report);
  const dates = dueDates(drafts.all, options.today, report);
  const index = options.officers ? officerIndex(options.officers) : null;
  return drafts.all.map((d) => {
    const own = dates.get(d) as DraftDates;
    const action = buildAction(d, refs.get(d) ?? '', own, extras.columns.length, report);
    const leads = index === null ? null : leadsOf(action, index, report);
    reportLongCells(action, report);
    return leads === null ? action : { ...action, leads };
  });
}

function buildAction(
  d: Draft,
  ref: string,
  dates: DraftDates,
  extraCount: number,
  report: Report,
): ImportedAction {
  const t = d.text;
  const row = d.sourceRows[0];
  const progress = t.progress ?? '';
  const progressDate =
    dateCell(d, t.progressDate, 'last updated date', report) ??
    (progress === '' ? null : d.headerProgressDate);
  const completedOn = dateCell(d, t.completedOn, 'completion date', report);
  const planStatus = t.status ?? '';
  const priority = t.priority ?? '';
  const priorityLevel = priorityLevelOf(priority);
  if (priority.trim() !== '' && priorityLevel === null)
    report.add({
      row,
      problem: `priority “${excerpt(priority)}” is not a grade the import knows (High, Medium, Low; 1, 2, 3; Red, Amber, Green)`,
      kept: 'the priority as written',
    });
  const extras = Array.from({ length: extraCount }, (_, i) => d.extras.get(i) ?? '');
  return {
    id: t.id ?? '',
    ref,
    source: t.source ?? '',
    kloe: d.rec.kloe,
    recommendation: d.rec.text,
    action: t.action ?? '',
    priority,
    priorityLevel,
    timescale: dates.timescale,
    dueDate: dates.dueDate,
    revisedDueDate: dateCell(d, t.revisedDueDate, 'revised due date', report),
    extensionReason: t.extensionReason ?? '',
    lead: t.lead ?? '',
    leads: null,
    progress,
    progressDate,
    planStatus,
    closure: closureFrom(planStatus, dates, completedOn, row, report),
    completedOn,
    extras,
    sourceRows: [...new Set([...d.sourceRows, ...d.rec.rows])].sort((a, b) => a - b),
  };
}

/** Closure from the status, else from a "Complete" timescale or a completion date; a status kept is reported. */
function closureFrom(
  status: string,
  dates: DraftDates,
  completedOn: IsoDate | null,
  row: number,
  report: Report,
): Closure {
  const fromStatus = closureOf(status);
  if (fromStatus !== null) return fromStatus;
  if (status.trim() !== '')
    report.add({
      row,
      problem: `status “${excerpt(status)}” does not close the action: the register works out its status`,
      kept: "the plan's status, on the action",
    });
  if (dates.parsed.kind === 'completed') {
    report.add({
      row,
      problem: `timescale “${excerpt(dates.timescale)}” says the action is done`,
      kept: 'imported as completed',
    });
    return 'completed';
  }
  return completedOn === null ? null : 'completed';
}

function leadsOf(
  action: ImportedAction,
  index: ReadonlyMap<string, Officer>,
  report: Report,
): LeadResolution {
  const leads = resolveLeads(action.lead, index);
  if (leads.unknown.length > 0)
    report.add({
      row: action.sourceRows[0],
      problem: `lead ${leads.unknown.map((u) => `“${u}”`).join(', ')} not found on the Officers sheet`,
      kept: `the lead as written: “${action.lead}”`,
    });
  return leads;
}

const TEXT_FIELDS = [
  'action',
  'progress',
  'kloe',
  'recommendation',
  'extensionReason',
  'timescale',
  'lead',
] as const;

function reportLongCells(action: ImportedAction, report: Report): void {
  const long = [
    ...TEXT_FIELDS.map((f) => [f, action[f]] as const),
    ...action.extras.map((e, i) => [`extra column ${i + 1}`, e] as const),
  ].filter(([, text]) => text.length > CELL_LIMIT);
  for (const [field, text] of long)
    report.add({
      row: action.sourceRows[0],
      column: field,
      problem: `${field}: ${thousands(text.length)} characters, more than the ${thousands(CELL_LIMIT)} a Sheets cell holds`,
      kept: `in full on the action, in ${splitForCells(text).length} pieces of up to ${thousands(CELL_LIMIT)}`,
    });
}
