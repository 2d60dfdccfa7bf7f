/**
 * The committee briefing paper (seed 001) with its progress appendix (seed 000) and what audit committees table
 * besides: a summary, the extensions to note or approve, the actions past the extension limit, and the direction
 * of travel since the last paper. Built as an outline (src/core/outline.ts): plain data a renderer turns into a
 * Google Doc. Pure: no Google globals, no I/O.
 */
import { glossaryTable, keyStatuses, keyTable, leadCell, parseGlossary, progressReport } from './appendix';
import type { CommitteeSummary, RegisterFacts } from './committee';
import { committeeSummary, extensionsTable, listRefs, pastLimitTable, summaryTables } from './committee';
import type { ChartKey } from './dashboard';
import { CHART_TITLES } from './dashboard';
import { formatLongUk, formatShortUk, isIsoDate } from './dates';
import type { ActionExtensions, ExtensionEntry } from './extensions';
import { NO_EXTENSIONS, extensionsByAction, extensionsOf } from './extensions';
import type { Action, IsoDate, Officer, Settings } from './model';
import { officerIndex, resolveLeads } from './officers';
import type {
  OfficerContact,
  PaperAppendix,
  PaperFront,
  PaperOutline,
  PaperSection,
  PaperText,
} from './outline';
import { PAPER_CHARACTER_BUDGET, outlineSize } from './paperSize';
import type { Snapshot } from './snapshots';
import { buildSnapshot, comparePapers } from './snapshots';
import type { StatusDecision } from './status';
import { plural } from './text';

export type {
  AppendixRow,
  AppendixTable,
  GlossaryEntry,
  OfficerContact,
  PaperAppendix,
  PaperFront,
  PaperOutline,
  PaperParagraph,
  PaperSection,
  PaperSize,
  PaperText,
} from './outline';

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
  /** One per action, in the same order, decided with the ledger (decideStatus(..., extensionsOf(index, action))). */
  readonly decisions: readonly StatusDecision[];
  readonly officers: readonly Officer[];
  /** The Extensions sheet's entries in ledger order; [] while the register keeps no ledger. */
  readonly ledger: readonly ExtensionEntry[];
  /** The last paper's snapshot (lastSnapshot of the Snapshots rows); null for the first paper. */
  readonly previous: Snapshot | null;
  /** The Dashboard charts there are to show (the status chart, the trend); none when not given. */
  readonly charts?: readonly ChartKey[];
  readonly today: IsoDate;
}

/** The outline, and what the adapter records in Snapshots once the paper is made. */
export interface BuiltPaper {
  readonly outline: PaperOutline;
  readonly snapshot: Snapshot;
}

interface SectionSpec {
  readonly number: string;
  readonly heading: string;
  /** For Implications: the labelled paragraphs 8.1 to 8.6, each its own Paper sheet section. */
  readonly items?: readonly string[];
}

/** The Dashboard charts the paper shows after its summary tables, in order. */
export const PAPER_CHARTS: readonly ChartKey[] = ['status', 'trend'];

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

/** The generated Key Issues paragraph: the figures, what changed since the last paper, and what needs the Committee. */
export function figuresParagraph(
  summary: CommitteeSummary,
  settings: Settings,
  pastLimitRefs: readonly string[],
): string {
  const plan = settings.planName.trim() || 'Action Plan';
  const s = summary.byStatus;
  const closed = s.closed > 0 ? `, ${s.closed} closed without being completed` : '';
  const figures =
    summary.total === 0
      ? `The ${plan} has no actions recorded yet.`
      : `The ${plan} has ${plural(summary.total, 'action', 'actions')}: ${s.completed} completed${closed}, ` +
        `${s.overdue} overdue, ${s.check} where progress should be checked and ` +
        `${s.inProgress} in progress but not yet at their due date.`;
  const sentences = [figures, changesSentence(summary)];
  const late = summary.over6Months.length + summary.over3Months.length;
  if (late > 0) {
    sentences.push(
      `${plural(late, 'open action is', 'open actions are')} more than three months past the original due date, ` +
        `${summary.over6Months.length} of them more than six months.`,
    );
  }
  if (summary.noUpdate.length > 0) {
    sentences.push(
      `${plural(summary.noUpdate.length, 'open action has', 'open actions have')} had no update this cycle (${listRefs(summary.noUpdate)}).`,
    );
  }
  if (pastLimitRefs.length > 0) {
    sentences.push(
      `${plural(pastLimitRefs.length, 'action has', 'actions have')} been extended more than ` +
        `${plural(settings.extensionLimit, 'time')} and ${pastLimitRefs.length === 1 ? 'is' : 'are'} brought to the Committee (${listRefs(pastLimitRefs)}).`,
    );
  }
  return sentences.join(' ');
}

function changesSentence(summary: CommitteeSummary): string {
  if (summary.since === null) {
    return 'This is the first paper produced from the register, so changes since the last paper will be reported from the next one.';
  }
  const since = `Since the last paper on ${formatShortUk(summary.since)}`;
  const { completedSince: completed, newlyOverdue: overdue } = summary;
  if (completed.length === 0 && overdue.length === 0) {
    return `${since}, no action has been completed and none has become overdue.`;
  }
  const done =
    completed.length === 0
      ? 'no action has been completed'
      : `${plural(completed.length, 'action has', 'actions have')} been completed (${listRefs(completed)})`;
  const late =
    overdue.length === 0
      ? 'none has become overdue'
      : `${plural(overdue.length, 'action has', 'actions have')} become overdue (${listRefs(overdue)})`;
  return `${since}, ${done} and ${late}.`;
}

/** The generated Options paragraph, when extensions wait for a decision. */
function optionsParagraph(summary: CommitteeSummary): string | null {
  const waiting = summary.extensions.filter((e) => e.state === 'awaitingApproval').length;
  if (waiting === 0) return null;
  return `That the Committee approve or refuse the ${plural(waiting, 'extension')} awaiting approval in Appendix 1.`;
}

function sections(
  input: PaperInput,
  summary: CommitteeSummary,
  pastLimitRefs: readonly string[],
  warnings: string[],
): PaperSection[] {
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
    bySection.set(section, [...(bySection.get(section) ?? []), text]);
  });
  const defaults = new Map<string, string[]>();
  for (const row of defaultPaperTexts(input.settings)) {
    defaults.set(row.section, [...(defaults.get(row.section) ?? []), row.text]);
  }
  const textsOf = (name: string): string[] => bySection.get(name) ?? defaults.get(name) ?? [];
  const generated = new Map<string, string | null>([
    ['Key Issues', figuresParagraph(summary, input.settings, pastLimitRefs)],
    ['Options', optionsParagraph(summary)],
  ]);
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
    const extra = generated.get(spec.heading);
    const texts = [...textsOf(spec.heading), ...(extra ? [extra] : [])];
    return {
      number: spec.number,
      heading: spec.heading,
      paragraphs: texts.map((text, i) => ({ number: `${spec.number}.${i + 1}`, label: '', text })),
    };
  });
}

/** The author from the form, else Settings; their name and job title from Officers where they are there. */
function author(
  input: PaperInput,
  index: ReadonlyMap<string, Officer>,
): { front: string; contact: OfficerContact } {
  const { form, settings } = input;
  const written = form.reportAuthor.trim() || settings.reportAuthor.trim();
  const officer = written === '' ? undefined : resolveLeads(written, index).officers[0];
  const name = officer?.name || written;
  const title = form.reportAuthorTitle.trim() || settings.reportAuthorTitle.trim() || officer?.jobTitle || '';
  return {
    front: [name, title].filter((p) => p !== '').join(', '),
    contact: {
      name,
      title,
      phone: settings.reportAuthorPhone.trim(),
      email: settings.reportAuthorEmail.trim() || officer?.email || '',
    },
  };
}

/**
 * What the ledger holds for each action, in register order. Without a ledger, the Revised due date and
 * Extensions cells stand for it, as decideStatus takes them.
 */
export function extensionsFor(input: Pick<PaperInput, 'actions' | 'ledger'>): ActionExtensions[] {
  if (input.ledger.length === 0) {
    return input.actions.map((a) => ({
      ...NO_EXTENSIONS,
      approvedDate: a.revisedDueDate,
      approvedCount: a.extensions,
    }));
  }
  const index = extensionsByAction(input.ledger);
  return input.actions.map((a) => extensionsOf(index, a));
}

function front(input: PaperInput, reportOf: string, meetingDate: IsoDate): PaperFront {
  const { form, settings } = input;
  const agenda = form.agendaItem.trim();
  return {
    committee: form.committee.trim() || settings.committee,
    heading: 'Briefing Paper',
    reportOf,
    date: formatLongUk(meetingDate),
    openOrExempt: form.openOrExempt.trim() === 'Exempt' ? 'Exempt' : 'Open',
    agendaItem: agenda === '' ? '' : /^agenda/i.test(agenda) ? agenda : `Agenda Item No. ${agenda}`,
    title: form.paperTitle.trim() || settings.paperTitle,
  };
}

function directionNote(since: IsoDate | null): string[] {
  if (since === null) return [];
  return [
    `Direction of travel compares each action's status with the last paper (${formatShortUk(since)}): statuses ` +
      'run from Overdue, Check Progress and In Progress to Closed and Completed; Better is a move towards ' +
      'Completed, Worse a move towards Overdue, New an action the last paper did not have.',
  ];
}

/**
 * The whole paper: front matter, the twelve numbered sections, officer contact details and Appendix 1 (summary,
 * extensions, actions past the limit, progress, key and glossary), within the size a Google Doc holds; and the
 * snapshot to record once it is made.
 */
export function buildPaper(input: PaperInput): BuiltPaper {
  const { settings } = input;
  const officers = officerIndex(input.officers);
  const extensions = extensionsFor(input);
  const snapshot = buildSnapshot(
    input.actions,
    input.decisions,
    input.today,
    extensions.map((e) => e.approvedCount),
  );
  const facts: RegisterFacts = {
    actions: input.actions,
    decisions: input.decisions,
    extensions,
    comparison: comparePapers(snapshot, input.previous),
    officers,
    settings,
    today: input.today,
  };
  const summary = committeeSummary(facts);
  const pastLimitRefs = summary.pastLimit.map((i) => input.actions[i].ref);
  const who = author(input, officers);
  const meetingDate = isIsoDate(input.form.meetingDate.trim()) ? input.form.meetingDate.trim() : input.today;
  const warnings: string[] = [];
  const head = front(input, who.front, meetingDate);
  const appendix: PaperAppendix = {
    label: 'Appendix 1',
    title: `${settings.planName} Progress Report`,
    asAt: `Progress as at ${formatShortUk(input.today)}`,
    notes: directionNote(summary.since),
    tables: [
      ...summaryTables(summary, facts),
      extensionsTable(summary, facts),
      pastLimitTable(summary, facts, (i) => leadCell(input.actions[i].lead, officers)),
    ],
    key: keyStatuses(input.decisions).map((k) => settings.statuses[k]),
    keyTable: keyTable(keyStatuses(input.decisions), settings),
    glossary: parseGlossary(settings.glossary),
    glossaryTable: glossaryTable(parseGlossary(settings.glossary)),
    styles: settings.statuses,
    charts: PAPER_CHARTS.filter((key) => input.charts?.includes(key)).map((key) => ({
      key,
      title: CHART_TITLES[key],
    })),
  };
  const frame = {
    name: `${head.title} - ${head.committee} - ${formatShortUk(meetingDate)}`,
    front: head,
    sections: sections(input, summary, pastLimitRefs, warnings),
    contact: who.contact,
    appendix,
    layout: { report: 'portrait', appendix: 'landscape' } as const,
    warnings,
    today: input.today,
  };
  const progress = progressReport(facts, PAPER_CHARACTER_BUDGET - outlineSize(frame));
  const full = {
    ...frame,
    appendix: {
      ...appendix,
      notes: [...progress.notes, ...appendix.notes],
      tables: [...appendix.tables, ...progress.tables],
    },
  };
  const size = {
    estimate: outlineSize(full),
    budget: PAPER_CHARACTER_BUDGET,
    oneLine: progress.oneLine,
    progressShortened: progress.progressShortened,
    omitted: progress.omitted,
  };
  return { outline: { ...full, size }, snapshot };
}

/** The outline alone (buildPaper without the snapshot). */
export function buildPaperOutline(input: PaperInput): PaperOutline {
  return buildPaper(input).outline;
}
