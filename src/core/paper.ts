/**
 * The committee briefing paper (seed 001) with its progress appendix (seed 000), as an outline: plain data a
 * renderer turns into a document. Pure: no Google globals, no I/O.
 */
import { plural } from './text';
import { formatLongUk, formatShortUk, isIsoDate } from './dates';
import type { Action, IsoDate, Officer, Settings, StatusKey, StatusStyle } from './model';
import { STATUS_KEYS } from './model';
import { officerIndex, resolveLeads, splitLead } from './officers';
import type { StatusDecision } from './status';
import { statusKeyOf } from './status';

/** One row of the Paper sheet: the section it belongs to and one paragraph of text. */
export interface PaperText {
  readonly section: string;
  readonly text: string;
}

/** What one paper reported: the status of every action on the day it was generated. */
export interface PaperSnapshot {
  readonly date: IsoDate;
  readonly entries: readonly { readonly ref: string; readonly status: StatusKey }[];
}

export interface PaperChanges {
  readonly since: IsoDate;
  /** Refs completed now that were not completed in the last paper, in register order. */
  readonly completed: readonly string[];
  /** Refs overdue now that were not overdue in the last paper, in register order. */
  readonly becameOverdue: readonly string[];
}

export interface PaperFront {
  readonly committee: string;
  readonly heading: string;
  /** "Jan Pryor, Policy & Performance Officer" */
  readonly reportOf: string;
  /** "Thursday, 15th April 2010" */
  readonly date: string;
  readonly openOrExempt: 'Open' | 'Exempt';
  /** "Agenda Item No. 7", or '' when no item is set. */
  readonly agendaItem: string;
  readonly title: string;
}

export interface PaperParagraph {
  /** "1.1", "8.3" */
  readonly number: string;
  /** A lead-in shown before the text, e.g. "Resources" in 8.1; '' for none. */
  readonly label: string;
  readonly text: string;
}

export interface PaperSection {
  readonly number: string;
  readonly heading: string;
  readonly paragraphs: readonly PaperParagraph[];
}

/** One action's row; its first cell names the KLOE and recommendation on the first row of each group only. */
export interface AppendixRow {
  readonly cells: readonly string[];
  readonly status: StatusKey;
}

export interface AppendixTable {
  /** Shown above the table; '' for the single table of the usual layout. */
  readonly caption: string;
  readonly header: readonly string[];
  readonly rows: readonly AppendixRow[];
}

export interface PaperAppendix {
  /** "Appendix 1" */
  readonly label: string;
  readonly title: string;
  /** "Progress as at 15 Apr 2010" */
  readonly asAt: string;
  readonly tables: readonly AppendixTable[];
  readonly key: readonly StatusStyle[];
}

export interface OfficerContact {
  readonly name: string;
  readonly title: string;
  readonly email: string;
}

export interface PaperOutline {
  /** The document's name in Drive. */
  readonly name: string;
  readonly front: PaperFront;
  readonly sections: readonly PaperSection[];
  readonly contact: OfficerContact;
  readonly appendix: PaperAppendix;
  /** Paper sheet rows that name no section of the paper: shown to the officer, never silently dropped. */
  readonly warnings: readonly string[];
}

/** What the dialog sends; also what it is prefilled with. */
export interface PaperForm {
  readonly committee: string;
  /** `YYYY-MM-DD` */
  readonly meetingDate: string;
  readonly agendaItem: string;
  readonly reportAuthor: string;
  readonly reportAuthorTitle: string;
  readonly openOrExempt: string;
  readonly paperTitle: string;
}

export interface PaperInput {
  readonly settings: Settings;
  readonly form: PaperForm;
  readonly texts: readonly PaperText[];
  readonly actions: readonly Action[];
  /** One per action, in the same order. */
  readonly decisions: readonly StatusDecision[];
  readonly officers: readonly Officer[];
  readonly previous: PaperSnapshot | null;
  readonly today: IsoDate;
}

/**
 * Seed 000's layout: a first "KLOE & Rec." column filled on the first row of each group. Docs tables cannot
 * span a group heading across columns, and a heading squeezed into one narrow cell would not read.
 */
export const APPENDIX_HEADER: readonly string[] = [
  'KLOE & Rec.',
  'Ref',
  'Action',
  'Timescale',
  'Due date',
  'Lead',
  'Progress',
  'Status',
];
/** Column of the Status cell in an appendix row: the one cell coloured by the status key. */
export const STATUS_COLUMN = APPENDIX_HEADER.indexOf('Status');

interface SectionSpec {
  readonly number: string;
  readonly heading: string;
  /** For Implications: the labelled paragraphs 8.1 to 8.6, each its own Paper sheet section. */
  readonly items?: readonly string[];
}

/** The numbered sections of the council's briefing paper, in order (seed 001). */
export const PAPER_SECTIONS: readonly SectionSpec[] = [
  { number: '1', heading: 'Summary' },
  { number: '2', heading: 'Background' },
  { number: '3', heading: 'Key Issues' },
  { number: '4', heading: 'Options' },
  { number: '5', heading: 'Consultation' },
  { number: '6', heading: 'Related Decisions' },
  { number: '7', heading: 'Relevant Council Policies/Strategies' },
  {
    number: '8',
    heading: 'Implications',
    items: ['Resources', 'Equalities', 'Partnership working', 'Human Rights', 'E-Government', 'Best Value'],
  },
  { number: '9', heading: 'Equality Impact Needs Assessment' },
  { number: '10', heading: 'Wards affected' },
  { number: '11', heading: 'Appendices' },
  { number: '12', heading: 'Background Papers' },
];

/** The names a Paper sheet row may give in its Section column, in the order of the paper. */
export const PAPER_SECTION_NAMES: readonly string[] = PAPER_SECTIONS.flatMap((s) => s.items ?? [s.heading]);

/** Section texts in the spirit of seed 001, used for every section the Paper sheet leaves empty. */
export function defaultPaperTexts(settings: Settings): PaperText[] {
  const plan = settings.planName.trim() || 'Action Plan';
  const rows: [string, string][] = [
    ['Summary', `To inform Members of progress against the ${plan}.`],
    [
      'Background',
      `The ${plan} sets out the actions agreed in response to the audit recommendations, each with a ` +
        'timescale and a lead officer.',
    ],
    [
      'Background',
      'Lead officers record progress against their actions in the action plan register, and progress is ' +
        'reported to this Committee.',
    ],
    ['Key Issues', `Progress against the ${plan} is shown in Appendix 1.`],
    ['Options', `That the Committee note progress against the ${plan}.`],
    ['Consultation', 'Lead officers named in Appendix 1.'],
    ['Related Decisions', 'None.'],
    ['Relevant Council Policies/Strategies', 'Performance Management Framework.'],
    ['Resources', 'None.'],
    ['Equalities', 'None.'],
    [
      'Partnership working',
      'Actions that refer to joint working with partners will be clearly communicated to those partners involved.',
    ],
    ['Human Rights', 'None.'],
    ['E-Government', 'None.'],
    ['Best Value', 'None.'],
    ['Equality Impact Needs Assessment', 'N/A'],
    ['Wards affected', 'N/A'],
    ['Appendices', `Appendix 1: ${plan} Progress Report.`],
    ['Background Papers', 'None.'],
  ];
  return rows.map(([section, text]) => ({ section, text }));
}

const squash = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]/g, '');
const SECTION_BY_KEY = new Map(PAPER_SECTION_NAMES.map((name) => [squash(name), name]));

/**
 * The paper section a Paper sheet row names, or null: case, spacing and punctuation ignored, and a leading
 * number ("8.1 Resources") or "Implications:" prefix allowed.
 */
export function paperSectionOf(section: string): string | null {
  const bare = section
    .trim()
    .replace(/^[\d.\s]+/, '')
    .replace(/^implications\s*[:\-–—]\s*/i, '');
  return SECTION_BY_KEY.get(squash(bare)) ?? null;
}

/** "3.1, 3.2 and 4.1" */
function listRefs(refs: readonly string[]): string {
  if (refs.length <= 1) return refs.join('');
  return `${refs.slice(0, -1).join(', ')} and ${refs[refs.length - 1]}`;
}

/** What the next paper records, to tell what changed since. Actions without a ref cannot be followed. */
export function snapshotOf(
  actions: readonly Action[],
  decisions: readonly StatusDecision[],
  today: IsoDate,
): PaperSnapshot {
  const entries = actions
    .map((action, i) => ({ ref: action.ref, status: decisions[i].key }))
    .filter((e) => e.ref !== '');
  return { date: today, entries };
}

/**
 * The snapshot of the most recent paper generated before `today`, from the Snapshots sheet rows. A paper
 * generated again on the same day reports the same changes as the first, so same-day rows are not "last".
 * Within one day later rows win; labels that match no status are ignored.
 */
export function previousSnapshot(
  rows: readonly { readonly date: IsoDate; readonly ref: string; readonly status: string }[],
  settings: Settings,
  today: IsoDate,
): PaperSnapshot | null {
  let date: IsoDate | null = null;
  for (const row of rows) {
    if (row.date < today && (date === null || row.date > date)) date = row.date;
  }
  if (date === null) return null;
  const byRef = new Map<string, StatusKey>();
  for (const row of rows) {
    if (row.date !== date || row.ref === '') continue;
    const key = statusKeyOf(row.status, settings) ?? STATUS_KEYS.find((k) => k === row.status.trim());
    if (key) byRef.set(row.ref, key);
  }
  return { date, entries: [...byRef].map(([ref, status]) => ({ ref, status })) };
}

/** Which actions were completed and which became overdue since the last paper (new actions included). */
export function changesSince(previous: PaperSnapshot, current: PaperSnapshot): PaperChanges {
  const before = new Map(previous.entries.map((e) => [e.ref, e.status]));
  const completed: string[] = [];
  const becameOverdue: string[] = [];
  for (const { ref, status } of current.entries) {
    const was = before.get(ref);
    if (status === 'completed' && was !== 'completed') completed.push(ref);
    if (status === 'overdue' && was !== 'overdue') becameOverdue.push(ref);
  }
  return { since: previous.date, completed, becameOverdue };
}

/** The generated Key Issues paragraph: the figures, then what changed since the last paper. */
export function figuresParagraph(
  decisions: readonly StatusDecision[],
  changes: PaperChanges | null,
  planName: string,
): string {
  const count = (key: StatusKey): number => decisions.filter((d) => d.key === key).length;
  const total = decisions.length;
  const figures =
    total === 0
      ? `The ${planName} has no actions recorded yet.`
      : `The ${planName} has ${plural(total, 'action', 'actions')}: ${count('completed')} completed, ` +
        `${count('overdue')} overdue, ${count('check')} where progress should be checked and ` +
        `${count('inProgress')} in progress but not yet at their due date.`;
  if (changes === null) {
    return `${figures} This is the first paper produced from the register, so changes since the last paper will be reported from the next one.`;
  }
  const since = `Since the last paper on ${formatLongUk(changes.since)}`;
  const { completed, becameOverdue } = changes;
  if (completed.length === 0 && becameOverdue.length === 0) {
    return `${figures} ${since}, no action has been completed and none has become overdue.`;
  }
  const parts: string[] = [];
  parts.push(
    completed.length === 0
      ? 'no action has been completed'
      : `${plural(completed.length, 'action has', 'actions have')} been completed (${listRefs(completed)})`,
  );
  parts.push(
    becameOverdue.length === 0
      ? 'none has become overdue'
      : `${plural(becameOverdue.length, 'action has', 'actions have')} become overdue (${listRefs(becameOverdue)})`,
  );
  return `${figures} ${since}, ${parts.join(' and ')}.`;
}

/** The Due date cell: original date, then the revised date and how many extensions, where any. */
export function dueDateCell(action: Action, decision: StatusDecision): string {
  const original = action.dueDate ?? (action.revisedDueDate === null ? decision.dueDate : null);
  const parts: string[] = [];
  if (original) parts.push(formatShortUk(original));
  if (action.revisedDueDate) parts.push(`revised to ${formatShortUk(action.revisedDueDate)}`);
  let text = parts.join('; ');
  if (action.extensions > 0) {
    text += `${text === '' ? '' : ' '}(${plural(action.extensions, 'extension', 'extensions')})`;
  }
  return text;
}

/** The Lead cell with full names from Officers, in the order written; parts no officer matches kept as written. */
export function leadCell(lead: string, index: ReadonlyMap<string, Officer>): string {
  const names: string[] = [];
  for (const part of splitLead(lead)) {
    const officer = resolveLeads(part, index).officers[0];
    const name = officer ? officer.name || part : part;
    if (!names.includes(name)) names.push(name);
  }
  return names.join(', ');
}

function groupLabel(action: Action): string {
  const parts = [action.kloe.trim(), action.recommendation.trim()].filter((p) => p !== '');
  return parts.join(': ');
}

/** Rows grouped by KLOE and recommendation, groups in the order they first appear in the register. */
function appendixRows(
  indices: readonly number[],
  input: PaperInput,
  index: ReadonlyMap<string, Officer>,
): AppendixRow[] {
  // Groups keep the order of their first action in the whole register, so both tables follow the plan.
  const groups = new Map<string, number[]>();
  for (const a of input.actions) {
    const label = groupLabel(a);
    if (!groups.has(label)) groups.set(label, []);
  }
  for (const i of indices) {
    const label = groupLabel(input.actions[i]);
    groups.get(label)?.push(i);
  }
  const rows: AppendixRow[] = [];
  for (const [label, members] of groups) {
    if (members.length === 0) continue;
    members.forEach((i, n) => {
      const action = input.actions[i];
      const decision = input.decisions[i];
      rows.push({
        status: decision.key,
        cells: [
          n === 0 ? label : '',
          action.ref,
          action.action,
          action.timescale,
          dueDateCell(action, decision),
          leadCell(action.lead, index),
          action.progress,
          input.settings.statuses[decision.key].label,
        ],
      });
    });
  }
  return rows;
}

function appendix(input: PaperInput, index: ReadonlyMap<string, Officer>): PaperAppendix {
  const all = input.actions.map((_, i) => i);
  const isCompleted = (i: number): boolean => input.decisions[i].key === 'completed';
  const tables: AppendixTable[] = input.settings.completedInOwnTable
    ? [
        {
          caption: 'Actions not yet completed',
          header: APPENDIX_HEADER,
          rows: appendixRows(
            all.filter((i) => !isCompleted(i)),
            input,
            index,
          ),
        },
        {
          caption: 'Completed actions',
          header: APPENDIX_HEADER,
          rows: appendixRows(all.filter(isCompleted), input, index),
        },
      ]
    : [{ caption: '', header: APPENDIX_HEADER, rows: appendixRows(all, input, index) }];
  return {
    label: 'Appendix 1',
    title: `${input.settings.planName} Progress Report`,
    asAt: `Progress as at ${formatShortUk(input.today)}`,
    tables,
    // The key of seed 000 has four statuses; Closed joins it only when the appendix shows a closed action.
    key: STATUS_KEYS.filter((k) => k !== 'closed' || input.decisions.some((d) => d.key === 'closed')).map(
      (k) => input.settings.statuses[k],
    ),
  };
}

/** Problems with the dialog's values, each a sentence for the officer; empty when the form can be used. */
export function validatePaperForm(form: Partial<Record<keyof PaperForm, unknown>>): string[] {
  const problems: string[] = [];
  const text = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');
  if (text(form.committee) === '') problems.push('Enter the committee the paper goes to.');
  const date = text(form.meetingDate);
  if (date === '') problems.push('Enter the meeting date.');
  else if (!isIsoDate(date)) problems.push(`"${date}" is not a date: enter the meeting date as dd/mm/yyyy.`);
  const openOrExempt = text(form.openOrExempt);
  if (openOrExempt !== 'Open' && openOrExempt !== 'Exempt') problems.push('Choose Open or Exempt.');
  if (text(form.paperTitle) === '') problems.push('Enter the title of the paper.');
  return problems;
}

/** The dialog's starting values, from Settings. */
export function paperFormDefaults(settings: Settings): PaperForm {
  return {
    committee: settings.committee,
    meetingDate: settings.meetingDate ?? '',
    agendaItem: settings.agendaItem,
    reportAuthor: settings.reportAuthor,
    reportAuthorTitle: settings.reportAuthorTitle,
    openOrExempt: settings.openOrExempt,
    paperTitle: settings.paperTitle,
  };
}

function sections(input: PaperInput, warnings: string[]): PaperSection[] {
  const bySection = new Map<string, string[]>();
  input.texts.forEach((row, i) => {
    const text = row.text.trim();
    if (text === '' && row.section.trim() === '') return;
    const section = paperSectionOf(row.section);
    if (section === null) {
      warnings.push(
        `Paper sheet row ${i + 2}: "${row.section}" is not a section of the paper; the row was not used.`,
      );
      return;
    }
    if (text === '') return;
    const list = bySection.get(section);
    if (list) list.push(text);
    else bySection.set(section, [text]);
  });
  const defaults = new Map<string, string[]>();
  for (const row of defaultPaperTexts(input.settings)) {
    defaults.set(row.section, [...(defaults.get(row.section) ?? []), row.text]);
  }
  const textsOf = (name: string): string[] => bySection.get(name) ?? defaults.get(name) ?? [];

  const decisions = input.decisions;
  const changes =
    input.previous === null
      ? null
      : changesSince(input.previous, snapshotOf(input.actions, decisions, input.today));
  return PAPER_SECTIONS.map((spec) => {
    if (spec.items) {
      return {
        number: spec.number,
        heading: spec.heading,
        paragraphs: spec.items.map((item, i) => ({
          number: `${spec.number}.${i + 1}`,
          label: item,
          text: textsOf(item).join(' '),
        })),
      };
    }
    const texts = [...textsOf(spec.heading)];
    if (spec.heading === 'Key Issues') {
      texts.push(figuresParagraph(decisions, changes, input.settings.planName));
    }
    return {
      number: spec.number,
      heading: spec.heading,
      paragraphs: texts.map((text, i) => ({ number: `${spec.number}.${i + 1}`, label: '', text })),
    };
  });
}

/** The whole paper: front matter, the twelve numbered sections, officer contact details and Appendix 1. */
export function buildPaperOutline(input: PaperInput): PaperOutline {
  const { form, settings } = input;
  const index = officerIndex(input.officers);
  const authorText = form.reportAuthor.trim();
  const author = authorText === '' ? undefined : resolveLeads(authorText, index).officers[0];
  const authorName = author?.name || authorText;
  const authorTitle = form.reportAuthorTitle.trim() || author?.jobTitle || '';
  const meetingDate = isIsoDate(form.meetingDate.trim()) ? form.meetingDate.trim() : input.today;
  const agenda = form.agendaItem.trim();
  const title = form.paperTitle.trim() || settings.paperTitle;
  const warnings: string[] = [];
  const front: PaperFront = {
    committee: form.committee.trim() || settings.committee,
    heading: 'Briefing Paper',
    reportOf: [authorName, authorTitle].filter((p) => p !== '').join(', '),
    date: formatLongUk(meetingDate),
    openOrExempt: form.openOrExempt.trim() === 'Exempt' ? 'Exempt' : 'Open',
    agendaItem: agenda === '' ? '' : /^agenda/i.test(agenda) ? agenda : `Agenda Item No. ${agenda}`,
    title,
  };
  return {
    name: `${title} - ${front.committee} - ${formatShortUk(meetingDate)}`,
    front,
    sections: sections(input, warnings),
    contact: { name: authorName, title: authorTitle, email: author?.email ?? '' },
    appendix: appendix(input, index),
    warnings,
  };
}
